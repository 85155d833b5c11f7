/* The hub's only script: the quick exit, and Pagefind's search interface on the search page.
   No inline script, no other host, nothing stored in the browser. */
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = new URL("..", script.src); /* this file is <site>/assets/hub.js */

  /* Quick exit, after GOV.UK's "Exit this page" (overrides/partials/quick-exit.html): a real
     link that script makes replace the page in the history, after blanking it at once. The
     shortcuts need no particular keyboard layout: Escape twice within a second, or Shift alone
     three times within five seconds between presses (each Shift press is announced). */
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW = 5000; /* milliseconds */
  var ESCAPE_WINDOW = 1000;

  function leave(url) {
    document.documentElement.classList.add("hub-leaving");
    document.title = "";
    window.location.replace(url);
  }

  function setUpQuickExit() {
    var link = document.querySelector("[data-hub-quick-exit]");
    if (!link) return;
    var status = document.querySelector("[data-hub-quick-exit-status]");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      leave(link.href);
    });

    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < ESCAPE_WINDOW) leave(link.href);
      lastEscape = now;
    });

    var shifts = 0, timer = null, lastKeyWasModified = false;
    function announce(text) { if (status) status.textContent = text || ""; }
    function cancel() {
      if (timer) window.clearTimeout(timer);
      timer = null;
      if (shifts) announce(link.getAttribute("data-hub-shift-expired"));
      shifts = 0;
    }
    /* Shift typed with another key (a capital, a letter of the Arabic layout) fires a keyup
       for that key with shiftKey set, then one for Shift: that Shift does not count. */
    document.addEventListener("keyup", function (event) {
      if (event.key === "Shift" && !lastKeyWasModified) {
        shifts += 1;
        if (shifts >= SHIFT_PRESSES) return leave(link.href);
        announce(link.getAttribute(shifts === 1 ? "data-hub-shift-two" : "data-hub-shift-one"));
        if (timer) window.clearTimeout(timer);
        timer = window.setTimeout(cancel, SHIFT_WINDOW);
      } else if (shifts) {
        cancel();
      }
      lastKeyWasModified = event.shiftKey;
    }, true);

    /* A page restored from the browser's cache must not stay blank. */
    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("hub-leaving");
      announce("");
    });
  }

  /* The whole visit is one entry in the browser's history: a link inside the hub (or a jump
     within a page, or the header's search) replaces the current page instead of adding one, so
     that after a quick exit Back leads to where the reader was before the hub, never to a hub
     page. Breadcrumbs (made at build time) are the way back up instead. Links that open
     elsewhere (a new tab, a download, another site) behave as usual. */
  function isInsideHub(url) {
    if (url.protocol === "file:") return window.location.protocol === "file:";
    return url.origin === window.location.origin;
  }

  function setUpSingleHistoryEntry() {
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) return;
      var url = new URL(link.href, window.location.href);
      if (!isInsideHub(url)) return;
      event.preventDefault();
      window.location.replace(url.href);
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get" || !form.action) return;
      var url = new URL(form.action, window.location.href);
      if (!isInsideHub(url)) return;
      event.preventDefault();
      url.search = new URLSearchParams(new FormData(form)).toString();
      window.location.replace(url.href);
    });
  }

  function loadScript(src, then) {
    var element = document.createElement("script");
    element.src = src;
    element.onload = then;
    document.head.appendChild(element);
  }

  /* Offline copy (file://): browsers refuse Pagefind's fetches there, so search with lunr over
     the list of pages of this language that the copy carries as a classic script. */
  function setUpOfflineSearch(container) {
    var language = document.documentElement.lang;
    var scripts = [new URL("assets/offline/lunr.min.js", siteRoot).href];
    if (language !== "en") {
      scripts.push(new URL("assets/javascripts/lunr/min/lunr.stemmer.support.min.js", siteRoot).href);
      scripts.push(new URL("assets/javascripts/lunr/min/lunr." + language + ".min.js", siteRoot).href);
    }
    scripts.push(new URL("assets/offline/search-" + language + ".js", siteRoot).href);
    (function next() {
      if (scripts.length) return loadScript(scripts.shift(), next);
      var pages = window.hubOfflineSearch;
      var index = window.lunr(function () {
        if (language !== "en") this.use(window.lunr[language]);
        this.ref("u");
        this.field("t", { boost: 10 });
        this.field("x");
        pages.forEach(function (page) { this.add(page); }, this);
      });
      var byUrl = {};
      pages.forEach(function (page) { byUrl[page.u] = page; });
      var form = document.createElement("form");
      var input = document.createElement("input");
      input.type = "search";
      input.id = "hub-search-input";
      input.name = "q";
      form.appendChild(input);
      var list = document.createElement("ul");
      list.className = "hub-offline-results";
      container.appendChild(form);
      container.appendChild(list);
      function show(query) {
        list.textContent = "";
        var terms = query.replace(/[:+\-~^*]/g, " ").trim();
        if (!terms) return;
        index.search(terms).slice(0, 50).forEach(function (hit) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = new URL(byUrl[hit.ref].u, siteRoot).href;
          link.textContent = byUrl[hit.ref].t;
          item.appendChild(link);
          list.appendChild(item);
        });
      }
      form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });
      var query = new URLSearchParams(window.location.search).get("q") || "";
      input.value = query;
      show(query);
      input.focus();
    })();
  }

  /* Search: load Pagefind's interface only on the search page, with the query from ?q=. */
  function setUpSearch() {
    var container = document.querySelector("[data-hub-search]");
    if (!container) return;
    if (window.location.protocol === "file:") return setUpOfflineSearch(container);
    /* one bundle per language (hooks/pipeline/publish/search_index.py): this page's language's */
    var bundle = new URL("pagefind/" + document.documentElement.lang + "/", siteRoot).href;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle + "pagefind-ui.css";
    document.head.appendChild(style);
    var loader = document.createElement("script");
    loader.src = bundle + "pagefind-ui.js";
    loader.onload = function () {
      var ui = new window.PagefindUI({
        element: "#" + container.id,
        bundlePath: bundle,
        showImages: false,
        resetStyles: false
      });
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) ui.triggerSearch(query);
      var input = container.querySelector("input");
      if (input) {
        input.id = "hub-search-input"; /* the page's visible <label for> names it */
        input.focus();
      }
    };
    document.head.appendChild(loader);
  }

  /* "Cite this page": copy the citation with one click (it stays selectable without script). */
  function setUpCopyButtons() {
    document.querySelectorAll("[data-hub-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var text = document.getElementById(button.getAttribute("data-hub-copy")).textContent;
        navigator.clipboard.writeText(text.replace(/\s+/g, " ").trim()).then(function () {
          button.textContent = button.getAttribute("data-hub-copied");
        });
      });
    });
  }

  /* Index pages: filter the list by region, kind, group...; without script everything is
     listed, grouped under headings. */
  function setUpFilters() {
    var form = document.querySelector("[data-hub-filters]");
    if (!form) return;
    form.hidden = false;
    var selects = [].slice.call(form.querySelectorAll("[data-hub-filter]"));
    form.addEventListener("change", function () {
      var chosen = selects.map(function (select) {
        return [select.getAttribute("data-hub-filter"), select.value];
      });
      document.querySelectorAll("article li[data-filter-" + chosen[0][0] + "]").forEach(function (item) {
        item.hidden = !chosen.every(function (pair) {
          var values = (item.getAttribute("data-filter-" + pair[0]) || "").split(" ");
          return !pair[1] || values.indexOf(pair[1]) !== -1;
        });
      });
    });
  }

  setUpQuickExit();
  setUpSingleHistoryEntry();
  setUpCopyButtons();
  setUpFilters();
  setUpSearch();
})();
