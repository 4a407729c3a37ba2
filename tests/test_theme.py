"""The site's theme in real Chromium: no request leaves the site, colours pass WCAG AA in
light and dark, Gazette's masthead and footer instead of Material's branding, reader
tools (per-article citation, 字号, print note), robots.txt, the loopback-URL warning."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from browser import Browser, SiteServer, chromium_path
from gazette.cli import cli

ROOT = Path(__file__).resolve().parents[1]
needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed; `make test` installs it via scripts/system-deps.sh")

# WCAG relative luminance and contrast of two CSS colours as Chromium computes them.
CONTRAST_JS = """
(function (fgSel, fgProp, bgSel, bgProp) {
  function rgb(el, prop) { return getComputedStyle(el)[prop].match(/[\\d.]+/g).slice(0, 3).map(Number); }
  function lum(c) { return c.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                     .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
  var a = lum(rgb(document.querySelector(fgSel), fgProp)), b = lum(rgb(document.querySelector(bgSel), bgProp));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})(%s)
"""


@pytest.fixture(scope="module")
def site_browser(built_site: Path) -> Iterator[tuple[Browser, str]]:
    if chromium_path() is None:
        pytest.skip("chromium is not installed")
    with SiteServer(built_site) as server:
        chrome = Browser()
        try:
            chrome.call("Network.enable", session=True)
            yield chrome, server.url
        finally:
            chrome.close()


def _requests(chrome: Browser, url: str) -> list[str]:
    chrome.goto(url, settle=0.5)
    for _ in range(4):  # drain the events of late requests (scripts, icons)
        time.sleep(0.25)
        chrome.js("1")
    return [e["params"]["request"]["url"] for e in chrome.events if e.get("method") == "Network.requestWillBeSent"]


@needs_chromium
def test_no_request_leaves_the_site(site_browser: tuple[Browser, str]) -> None:
    chrome, base = site_browser
    for path in ("", "2023-02/", "2023-02/01/", "search/?q=公开", "validity/", "404.html"):
        requested = _requests(chrome, base + path)
        assert requested, path
        outside = [u for u in requested if not u.startswith(base) and not u.startswith(("data:", "blob:", "about:"))]
        assert outside == [], f"{path}: requests outside the site: {outside}"


@needs_chromium
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_colours_pass_wcag_aa(site_browser: tuple[Browser, str], scheme: str) -> None:
    chrome, base = site_browser
    chrome.goto(base + "2023-02/01/")
    chrome.js(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    time.sleep(0.6)  # Material animates colour changes (transition: color 125ms)
    pairs = [
        ("'.md-header', 'color', '.md-header', 'backgroundColor'", "masthead text"),
        ("'.gz-issue-line a', 'color', '.md-main', 'backgroundColor'", "links"),
        ("'.gz-body p', 'color', '.md-main', 'backgroundColor'", "body text"),
        ("'.gz-meta th', 'color', '.md-main', 'backgroundColor'", "信息表 labels"),
    ]
    chrome.js("document.querySelector('.md-main').style.backgroundColor = getComputedStyle(document.body).backgroundColor")
    for args, what in pairs:
        ratio = chrome.js(CONTRAST_JS % args)
        assert ratio >= 4.5, f"{scheme}: {what} contrast {ratio:.2f} < 4.5"


@needs_chromium
def test_masthead_footer_and_no_theme_branding(site_browser: tuple[Browser, str]) -> None:
    chrome, base = site_browser
    chrome.goto(base)
    footer = chrome.js("document.querySelector('.md-footer').innerText")
    assert "主办：" in footer and "承办：" in footer and "订阅" in footer and "数据下载" in footer
    assert "Material" not in chrome.js("document.documentElement.outerHTML.replace(/<script[\\s\\S]*?<\\/script>/g, '')").split("md-footer")[-1]
    assert chrome.js("!!document.querySelector('link[href*=\"fonts.googleapis\"]')") is False


@needs_chromium
def test_article_citation_font_size_and_print_note(site_browser: tuple[Browser, str]) -> None:
    chrome, base = site_browser
    chrome.goto(base + "2023-02/01/")
    anchor = chrome.js("document.querySelector('.gz-permalink') && decodeURIComponent(document.querySelector('.gz-permalink').getAttribute('href').slice(1))")
    assert anchor and anchor.startswith("第")
    heading_text = chrome.js("Array.from(document.querySelectorAll('.gz-body h2, .gz-body p')).map(e => e.textContent).join('')")
    assert "¶" not in heading_text  # the ¶ is drawn by CSS, never part of the text
    chrome.js("document.querySelector('.gz-permalink').click()")
    cite = chrome.wait_for("document.querySelector('.gz-article-cite textarea') && document.querySelector('.gz-article-cite textarea').value")
    title = chrome.js("document.querySelector('h1.gz-title').textContent")
    assert cite.startswith("《" + title.replace("《", "〈").replace("》", "〉") + "》" + anchor)
    assert cite.endswith("#" + chrome.js(f"encodeURIComponent({anchor!r})"))
    chrome.js("document.querySelector('.gz-size[data-size=\"l\"]').click()")
    assert chrome.js("document.documentElement.classList.contains('gz-size-l')")
    chrome.goto(base + "2023-02/02/")
    assert chrome.js("document.documentElement.classList.contains('gz-size-l')")  # remembered
    note = chrome.js("document.querySelector('.gz-print-note').textContent")
    assert "以公报刊登文本为准" in note and "https://gazette.example.org/" in note


def test_robots_txt(built_site: Path) -> None:
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\nSitemap: https://gazette.example.org/sitemap.xml\n")


def test_loopback_site_url_warns_and_strict_fails(sample_content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    runner = CliRunner()
    strict = runner.invoke(cli, ["build", "--content", str(sample_content), "--site", str(site),
                                 "--site-url", "http://127.0.0.1:8000/", "--strict"])
    assert strict.exit_code == 9, strict.output
    assert "the site URL is http://127.0.0.1:8000/" in strict.output
    assert not site.exists()  # refused before anything was written
    warned = runner.invoke(cli, ["build", "--content", str(sample_content), "--site", str(site), "--site-url", "http://localhost/"])
    assert warned.exit_code == 0 and "warning: the site URL is http://localhost/" in warned.output
    quiet = runner.invoke(cli, ["build", "--content", str(sample_content), "--site", str(site), "--site-url", "https://gazette.example.org/"])
    assert quiet.exit_code == 0 and "warning" not in quiet.output


def test_citation_nests_a_title_in_book_marks() -> None:
    from gazette.site.render import book_title

    assert book_title("《山东省数据管理办法》政策解读") == "《〈山东省数据管理办法〉政策解读》"
    assert book_title("山东省数据管理办法") == "《山东省数据管理办法》"


def test_printed_layout_of_a_notice_and_the_outline() -> None:
    from gazette.site.render import body_html, outline_html
    from gazette.structure import text_to_body

    body = text_to_body(["鲁政发〔2023〕5号", "各市人民政府，省政府各部门：", "现将有关事项通知如下。",
                         "山东省人民政府", "2023年3月1日"])
    html = body_html(body)
    assert '<p class="gz-center">鲁政发〔2023〕5号</p>' in html
    assert '<p class="gz-flush">各市人民政府，省政府各部门：</p>' in html
    assert '<p>现将有关事项通知如下。</p>' in html
    assert '<p class="gz-right">山东省人民政府</p>' in html and '<p class="gz-right">2023年3月1日</p>' in html
    rule = "## 第一章　总则\n\n第一条　为了规范。\n\n## 第二章　附则\n\n第二条　本办法自公布之日起施行。\n"
    outline = outline_html(rule)
    assert 'href="#第一章"' in outline and 'href="#第二章"' in outline
    assert outline_html("第一条　只有条文。\n") == ""


def test_long_listings_are_paged(sample_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gazette.content import load_archive
    from gazette.site import build_site
    from gazette.site import tree

    monkeypatch.setattr(tree, "PAGE_SIZE", 2)
    site = tmp_path / "site"
    build_site(sample_content, site, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    public = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    kind = max({d.kind for d in public}, key=lambda k: sum(d.kind is k for d in public))
    count = sum(d.kind is kind for d in public)
    assert count > 2
    first = (site / "kinds" / kind.value / "index.html").read_text(encoding="utf-8")
    full = count // 2
    assert "最新的2件" in first and f'rel="next" href="{full}/"' in first and 'href="1/">最早的文件' in first
    second = (site / "kinds" / kind.value / "1" / "index.html").read_text(encoding="utf-8")
    assert 'href="../">最新' in second and "自最早起第1页" in second
    assert '<a href="../../../">首页</a> › <a href="../../../kinds/">按类别浏览</a>' in second
    assert 'class="md-nav md-nav--primary"' not in second  # a list page leaves out the navigation tree
    listed = re.findall(r'<li><a href="([^"]+)">', first) + re.findall(r'<li><a href="([^"]+)">', second)
    assert len(listed) == 4
    for href in re.findall(r'<li><a href="([^"]+)">', second):  # links from the deeper page resolve
        assert (site / "kinds" / kind.value / "1" / href / "index.html").resolve().exists(), href
    assert "<title>" in second and kind.value not in re.search(r"<title>(.*?)</title>", second).group(1)


def test_older_list_pages_stay_as_they_are_when_documents_are_added(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are counted from the earliest document: a new issue changes the newest page
    (and, when a page fills, the link of the page before it), never the older ones."""
    from gazette.site import tree

    monkeypatch.setattr(tree, "PAGE_SIZE", 3)

    def pages(count: int) -> dict[str, str]:
        written: dict[str, str] = {}
        rows = [(f"2023-01/{n:02d}/", f"文件{n}", "") for n in range(count, 0, -1)]  # newest first
        tree._paged(written.__setitem__, "kinds/normative", "规范性文件", rows)
        return written

    before, after = pages(10), pages(11)
    assert sorted(before) == ["kinds/normative.md", "kinds/normative/1.md", "kinds/normative/2.md", "kinds/normative/3.md"]
    assert all(after[p] == before[p] for p in ("kinds/normative/1.md", "kinds/normative/2.md", "kinds/normative/3.md"))
    assert after["kinds/normative.md"] != before["kinds/normative.md"]
    grown = pages(12)  # a fourth page fills: the third now links to it
    assert grown["kinds/normative/4.md"] and grown["kinds/normative/3.md"] != before["kinds/normative/3.md"]
    assert all(grown[p] == before[p] for p in ("kinds/normative/1.md", "kinds/normative/2.md"))
    assert "文件1<" in before["kinds/normative/1.md"] and "文件3<" in before["kinds/normative/1.md"]


def test_serve_answers_a_missing_page_with_the_sites_404(built_site: Path) -> None:
    import functools
    import http.server
    import threading
    import urllib.error
    import urllib.request

    from gazette.cli.site_cmds import _Handler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/no/such/page/")
        assert missing.value.code == 404
        body = missing.value.read().decode("utf-8")
        assert "未找到该页面" in body and 'href="//' not in body
    finally:
        server.shutdown()
        server.server_close()


def test_plain_build_takes_the_site_url_from_mkdocs_yml(sample_content: Path, tmp_path: Path) -> None:
    # No --site-url: the URL comes from mkdocs.yml (the demo's loopback one, so a warning).
    result = CliRunner().invoke(cli, ["build", "--content", str(sample_content), "--site", str(tmp_path / "site"),
                                      "--config", str(ROOT / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "warning: the site URL is http://127.0.0.1:8000/" in result.output
