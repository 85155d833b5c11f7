/* The hub's only script: the quick exit, and Pagefind's search interface on the search page.
   No inline script, no other host, nothing stored in the browser. */
(function () {
  "use strict";

  var script = document.currentScript;
  var siteRoot = new URL("..", script.src); /* this file is <site>/assets/hub.js */

  /* Quick exit: replace the page (and its history entry) with a neutral one. */
  function quickExit(url) {
    document.body.style.display = "none";
    window.location.replace(url);
  }

  function setUpQuickExit() {
    var button = document.querySelector("[data-hub-quick-exit]");
    if (!button) return;
    var url = button.getAttribute("data-hub-quick-exit");
    button.addEventListener("click", function () { quickExit(url); });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var now = Date.now();
      if (now - lastEscape < 1000) quickExit(url);
      lastEscape = now;
    });
  }

  /* Search: load Pagefind's interface only on the search page, with the query from ?q=. */
  function setUpSearch() {
    var container = document.querySelector("[data-hub-search]");
    if (!container) return;
    var bundle = new URL("pagefind/", siteRoot).href;
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

  setUpQuickExit();
  setUpSearch();
})();
