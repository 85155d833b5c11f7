/* On a not-found page: static hosts (GitHub Pages, `mkdocs serve`) show the site's root
   404.html, in English, for every missing address. A reader whose address is in a language's
   folder (/ar/..., /fr/...) is sent on to that language's own not-found page, by the page's
   link to it (overrides/404.html); without script, the links are there to follow. */
(function () {
  "use strict";

  var list = document.querySelector("[data-hub-not-found]");
  if (!list) return;
  var siteRoot = new URL("..", document.currentScript.src).href; /* this file is <site>/assets/not-found.js */
  if (location.href.indexOf(siteRoot) !== 0) return;
  var folder = location.href.slice(siteRoot.length).split(/[/?#]/)[0];
  if (folder === document.documentElement.lang) return;
  var links = list.querySelectorAll("a[hreflang]");
  for (var i = 0; i < links.length; i++) {
    if (links[i].getAttribute("hreflang") === folder) {
      location.replace(links[i].href);
      return;
    }
  }
})();
