/* Gazette: the copy-citation button, and a citation of one article from its ¶ link.
   (The search page has its own script, gazette-search.js.) */
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
  // ¶ of an article: offer 《title》第十二条（文号），载…，URL#第十二条 with a copy button.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".gz-permalink");
    var article = link && link.closest("article.gz-doc");
    if (!article) return;
    var anchor = decodeURIComponent(link.getAttribute("href").slice(1));
    var holder = link.parentNode, old = holder.nextElementSibling;
    if (old && old.classList.contains("gz-article-cite")) { old.remove(); return; }
    var url = article.getAttribute("data-gz-url") + "#" + encodeURIComponent(anchor);
    var text = article.getAttribute("data-gz-cite-head") + anchor + article.getAttribute("data-gz-cite-rest") + "，" + url;
    var box = document.createElement("div");
    box.className = "gz-article-cite";
    var area = document.createElement("textarea");
    area.readOnly = true; area.rows = 2; area.value = text;
    area.setAttribute("aria-label", "引用" + anchor);
    var copy = document.createElement("button");
    copy.type = "button"; copy.className = "md-button"; copy.textContent = "复制本条引用";
    copy.addEventListener("click", function () {
      var done = function () { copy.textContent = "已复制"; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, function () { area.select(); document.execCommand("copy"); done(); });
      else { area.select(); document.execCommand("copy"); done(); }
    });
    box.appendChild(area); box.appendChild(copy);
    holder.parentNode.insertBefore(box, holder.nextSibling);
  });
  // 打印, and 字号 大/中/小 (remembered in this browser).
  var SIZES = { l: "gz-size-l", m: "", s: "gz-size-s" };
  function setSize(size) {
    Object.keys(SIZES).forEach(function (k) { if (SIZES[k]) document.documentElement.classList.remove(SIZES[k]); });
    if (SIZES[size]) document.documentElement.classList.add(SIZES[size]);
    try { window.localStorage.setItem("gz-size", size); } catch (e) { /* private mode: not remembered */ }
  }
  try { var saved = window.localStorage.getItem("gz-size"); if (saved && saved in SIZES) setSize(saved); } catch (e) { /* none */ }
  document.addEventListener("click", function (event) {
    var size = event.target.closest && event.target.closest(".gz-size");
    if (size) setSize(size.getAttribute("data-size"));
    if (event.target.closest && event.target.closest(".gz-print")) window.print();
  });
})();
