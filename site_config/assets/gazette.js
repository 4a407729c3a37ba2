/* Gazette: the copy-citation button. (The search page has its own script, gazette-search.js.) */
(function () {
  "use strict";
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
})();
