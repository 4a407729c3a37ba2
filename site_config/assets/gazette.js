/* Gazette: copy-citation button and the Pagefind search page. */
(function () {
  "use strict";
  function base() {
    var meta = document.querySelector('meta[name="gz-base"]');
    return meta ? meta.getAttribute("content").replace(/\/$/, "") : ".";
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".gz-copy");
    if (!button) return;
    var text = document.querySelector(".gz-cite-text");
    if (!text) return;
    var done = function () { button.textContent = "已复制"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.value).then(done, function () { text.select(); document.execCommand("copy"); done(); });
    } else { text.select(); document.execCommand("copy"); done(); }
  });
  function startSearch() {
    var box = document.getElementById("gz-search");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var root = base() + "/pagefind/";
    var css = document.createElement("link");
    css.rel = "stylesheet"; css.href = root + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = root + "pagefind-ui.js";
    script.onload = function () {
      var ui = new PagefindUI({ element: "#gz-search", bundlePath: root, showSubResults: false, showImages: false,
        translations: { placeholder: "检索公报全文", zero_results: "没有找到包含 [SEARCH_TERM] 的文件" } });
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) ui.triggerSearch(q);
    };
    document.head.appendChild(script);
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(startSearch); }
  else { document.addEventListener("DOMContentLoaded", startSearch); }
})();
