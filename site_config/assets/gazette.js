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
  // Excerpts: Pagefind's stored text of a page is its visible text, then (after the
  // mark ⁂) the hidden bigram list that makes 2-character queries match inside words.
  // The excerpt is rebuilt from the visible text only, around the first place where the
  // query (or its longest part) occurs literally, with that string highlighted.
  var MARK = "\u2042", EXCERPT = 90;
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function locate(text, terms) {
    // The longest piece (at least one character) of a query term found in the text.
    for (var size = Math.max.apply(null, terms.map(function (t) { return t.length; })); size > 0; size--) {
      for (var i = 0; i < terms.length; i++) {
        for (var j = 0; j + size <= terms[i].length; j++) {
          var piece = terms[i].slice(j, j + size), at = text.indexOf(piece);
          if (at >= 0) return { at: at, term: piece };
        }
      }
    }
    return null;
  }
  function quote(result, box) {
    if (!result || typeof result.content !== "string") return result;
    var text = result.content.split(MARK)[0].replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
    var input = box.querySelector("input");
    var query = ((input && input.value) || new URLSearchParams(window.location.search).get("q") || "").trim();
    var terms = query.split(/\s+/).filter(Boolean);
    var hit = terms.length ? locate(text, terms) : null;
    if (!hit) {
      result.excerpt = escapeHtml(text.slice(0, EXCERPT * 2)) + (text.length > EXCERPT * 2 ? "…" : "");
      return result;
    }
    var at = hit.at, term = hit.term;
    var start = Math.max(0, at - EXCERPT), end = Math.min(text.length, at + term.length + EXCERPT);
    result.excerpt = (start > 0 ? "…" : "") + escapeHtml(text.slice(start, at)) + "<mark>" + escapeHtml(term) + "</mark>" +
      escapeHtml(text.slice(at + term.length, end)) + (end < text.length ? "…" : "");
    return result;
  }
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
        processResult: function (result) { return quote(result, box); },
        translations: { placeholder: "检索公报全文", zero_results: "没有找到包含 [SEARCH_TERM] 的文件" } });
      var q = new URLSearchParams(window.location.search).get("q");
      if (q) ui.triggerSearch(q);
    };
    document.head.appendChild(script);
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(startSearch); }
  else { document.addEventListener("DOMContentLoaded", startSearch); }
})();
