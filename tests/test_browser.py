"""The built sample site in real headless Chromium (Debian's ``chromium``), over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from browser import Browser, SiteServer, chromium_path
from gazette.content import load_archive
from gazette.structure import body_to_text

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed; `make test` installs it via scripts/system-deps.sh")

RESULTS = "Array.from(document.querySelectorAll('.pagefind-ui__result-link')).map(a => a.getAttribute('href'))"
LOADED = "document.querySelectorAll('.pagefind-ui__result-link').length > 0 && !document.querySelector('.pagefind-ui__result-title .pagefind-ui__loading')"


@pytest.fixture(scope="module")
def browser(built_site: Path) -> Iterator[tuple[Browser, str]]:
    with SiteServer(built_site) as server:
        chrome = Browser()
        try:
            yield chrome, server.url
        finally:
            chrome.close()


def _search(chrome: Browser, base: str, term: str) -> list[str]:
    chrome.goto(f"{base}search/?q={term}")
    chrome.wait_for(LOADED, timeout=20)
    return chrome.js(RESULTS)


def test_document_page_renders_metadata_table(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    chrome.goto(base + "2023-01/01/")
    rows = chrome.js("Array.from(document.querySelectorAll('table.gz-meta th')).map(th => th.textContent)")
    assert rows == ["发文机关", "文号", "成文日期", "施行日期", "刊登期次", "类别", "效力状态"]
    assert chrome.js("getComputedStyle(document.querySelector('table.gz-meta')).display") != "none"
    assert chrome.js("document.querySelector('h1.gz-title').textContent")


def test_hostile_document_does_not_execute(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    chrome.goto(base + "2023-02/06/")
    assert chrome.js("document.querySelectorAll('.gz-body script, .gz-body img, .gz-title script').length") == 0
    assert "<script>alert(1)</script>" in chrome.js("document.querySelector('h1.gz-title').textContent")


PAGEFIND = """(async () => {{
  const pf = await import('{base}pagefind/pagefind.js');
  await pf.init();
  const found = await pf.search({query}, {{filters: {filters}}});
  const data = await Promise.all(found.results.map(r => r.data()));
  return data.map(d => d.url);
}})()"""


def _api_search(chrome: Browser, base: str, query: str, filters: dict | None = None) -> set[str]:
    import json

    chrome.goto(base)
    urls = chrome.js(PAGEFIND.format(base=base, query=json.dumps(query), filters=json.dumps(filters or {})))
    return {u.replace("index.html", "") for u in urls}


def _expected(sample_content: Path, term: str) -> set[str]:
    docs = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    return {f"/{d.issue_id}/{d.seq:02d}/" for d in docs if term in "".join((d.title + body_to_text(d.body)).split())}


def test_search_ui_shows_title_issue_and_highlighted_excerpt(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    hrefs = _search(chrome, base, "公开")
    assert hrefs
    assert chrome.js("document.querySelector('.pagefind-ui__result-title').textContent.trim().length") > 0
    assert chrome.js("document.querySelectorAll('.pagefind-ui__result-excerpt mark').length") > 0
    excerpt = chrome.js("document.querySelector('.pagefind-ui__result-excerpt').textContent")
    assert "公开" in excerpt


@pytest.mark.parametrize("term", ["公开", "施行", "管理", "务公", "生产标准"])
def test_search_finds_every_document_containing_the_term(browser: tuple[Browser, str], sample_content: Path, term: str) -> None:
    chrome, base = browser
    expected = _expected(sample_content, term)
    assert expected, f"no sample document contains {term}"
    found = _api_search(chrome, base, term)
    assert expected <= found, sorted(expected - found)


def test_search_filters_by_kind_and_year(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    archive = load_archive(sample_content)
    regulations = {f"/{d.issue_id}/{d.seq:02d}/" for d in archive.documents.values()
                   if d.is_public and d.kind.value == "regulation" and "施行" in body_to_text(d.body)}
    found = _api_search(chrome, base, "施行", {"kind": "规章", "year": "2023"})
    assert found == regulations


def test_article_permalink_scrolls_to_the_article(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    chrome.goto(base + "2023-01/01/#第十二条", settle=1.0)
    top = chrome.js("document.getElementById('第十二条').getBoundingClientRect().top")
    assert 0 <= top < 200, top
    assert chrome.js("window.scrollY") > 300
    assert chrome.js("document.querySelector('#第十二条 a.gz-permalink').getAttribute('href')") == "#第十二条"


def _type_search(chrome: Browser, base: str, term: str) -> list[str]:
    """Open the search page, type ``term`` into the Pagefind UI input, wait for results."""
    chrome.goto(f"{base}search/", settle=0.5)
    chrome.wait_for("!!document.querySelector('#gz-search input')", timeout=20)
    chrome.js("document.querySelector('#gz-search input').focus()")
    chrome.call("Input.insertText", {"text": term}, session=True)
    chrome.wait_for(LOADED, timeout=20)
    return chrome.js(RESULTS)


def test_typing_a_two_character_term_finds_the_document(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    expected = _expected(sample_content, "公开")
    hrefs = {h.replace("index.html", "") for h in _type_search(chrome, base, "公开")}
    assert hrefs and hrefs <= _expected_any(sample_content), hrefs
    assert hrefs & expected
    # The excerpts quote the page text, never the hidden bigram list.
    excerpts = chrome.js("Array.from(document.querySelectorAll('.pagefind-ui__result-excerpt')).map(e => e.innerHTML)")
    assert excerpts and all("\u2042" not in e for e in excerpts), excerpts
    marks = chrome.js("Array.from(document.querySelectorAll('.pagefind-ui__result-excerpt mark')).map(m => m.textContent)")
    assert marks and set(marks) == {"公开"}, marks


def _expected_any(sample_content: Path) -> set[str]:
    return {f"/{d.issue_id}/{d.seq:02d}/" for d in load_archive(sample_content).documents.values() if d.is_public}


@pytest.mark.parametrize("term", ["务公", "施行", "管理"])
def test_excerpts_quote_real_text(browser: tuple[Browser, str], term: str) -> None:
    chrome, base = browser
    _search(chrome, base, term)
    excerpts = chrome.js("Array.from(document.querySelectorAll('.pagefind-ui__result-excerpt')).map(e => e.textContent)")
    assert excerpts
    for excerpt in excerpts:
        assert "\u2042" not in excerpt
        # Bigram lists look like "ab cd ef": many 2-character runs between spaces.
        assert len([w for w in excerpt.split() if len(w) == 2]) < 5, excerpt


def test_hostile_title_in_search_results_is_text(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    _search(chrome, base, "alert")
    titles = chrome.js("Array.from(document.querySelectorAll('.pagefind-ui__result-title')).map(e => e.textContent)")
    assert any("<script>" in t for t in titles), titles
    assert chrome.js("document.querySelectorAll('#gz-search script, #gz-search img:not([src*=\"pagefind\"])').length") == 0
