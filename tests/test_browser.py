"""The built sample site in real headless Chromium (Debian's ``chromium``), over HTTP."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest

from browser import Browser, browsing, chromium_path
from gazette.content import load_archive
from gazette.structure import body_to_text

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed; `make test` installs it via scripts/system-deps.sh")

RESULTS = "Array.from(document.querySelectorAll('.gz-result h2 a')).map(a => new URL(a.href).pathname)"
DONE = "!!document.querySelector('.gz-search-status') && /共|约|没有|请输入|出错|无法/.test(document.querySelector('.gz-search-status').textContent)"


@pytest.fixture(scope="module")
def browser(built_site: Path) -> Iterator[tuple[Browser, str]]:
    with browsing(built_site) as opened:
        yield opened


def _search(chrome: Browser, base: str, term: str, **params: str) -> list[str]:
    from urllib.parse import urlencode

    chrome.goto(f"{base}search/?{urlencode({'q': term, **params})}")
    chrome.wait_for(DONE, timeout=20)
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
    chrome.goto(base + "2023-04/02/")
    assert chrome.js("document.querySelectorAll('.gz-body script, .gz-body img, .gz-title script').length") == 0
    assert "<script>alert(1)</script>" in chrome.js("document.querySelector('h1.gz-title').textContent")


EVERY = """(async () => {{
  for (let i = 0; i < 100 && !(window.gazetteSearch && window.gazetteSearch.ready()); i++) await new Promise(r => setTimeout(r, 50));
  const found = await window.gazetteSearch.all({query}, {filters});
  return found.map(pair => pair[0]);
}})()"""


def _api_search(chrome: Browser, base: str, query: str, filters: dict | None = None) -> set[str]:
    """Every result of a query (the page's own engine, all pages of results), as URL paths."""
    import json

    chrome.goto(f"{base}search/")
    urls = chrome.js(EVERY.format(query=json.dumps(query), filters=json.dumps(filters or {})))
    return {"/" + u for u in urls}


def _expected(sample_content: Path, term: str) -> set[str]:
    """The public documents whose searchable form (gazette.search.normalize, the Python
    reference the page's engine follows) contains the term's."""
    from gazette.search.normalize import searchable

    docs = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    wanted = searchable(term)
    return {f"/{d.issue_id}/{d.seq:02d}/" for d in docs if wanted in searchable(d.title + "\n" + body_to_text(d.body))}


def test_search_ui_shows_title_issue_and_highlighted_excerpt(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    hrefs = _search(chrome, base, "公开")
    assert hrefs
    assert chrome.js("document.querySelector('.gz-result h2').textContent.trim().length") > 0
    assert "期" in chrome.js("document.querySelector('.gz-result-meta').textContent")  # the issue it was printed in
    assert chrome.js("document.querySelectorAll('.gz-excerpt mark').length") > 0
    excerpt = chrome.js("document.querySelector('.gz-excerpt').textContent")
    assert "公开" in excerpt


@pytest.mark.parametrize("term", ["公开", "施行", "管理", "务公", "生产标准"])
def test_search_finds_every_document_containing_the_term(browser: tuple[Browser, str], sample_content: Path, term: str) -> None:
    chrome, base = browser
    expected = _expected(sample_content, term)
    assert expected, f"no sample document contains {term}"
    found = _api_search(chrome, base, term)
    assert found == expected, (sorted(expected - found), sorted(found - expected))


@pytest.mark.parametrize("typed", ["人民正府", "任民政府", "入民政府"])  # 正 for 政; 任, 入 (a look-alike) for 人, where nothing comes before
def test_a_query_with_a_typo_shows_the_corrected_results(browser: tuple[Browser, str], sample_content: Path, typed: str) -> None:
    chrome, base = browser
    intended = "人民政府"
    assert not _expected(sample_content, typed) and _expected(sample_content, intended)
    shown = _search(chrome, base, typed)
    notice = chrome.js("document.querySelector('.gz-suggest').textContent")
    assert f"没有找到“{typed}”" in notice and f"“{intended}”的结果" in notice
    assert chrome.js("document.querySelector('.gz-suggest a').textContent") == intended
    assert shown and set(shown) <= _expected(sample_content, intended)
    assert _api_search(chrome, base, typed) == _expected(sample_content, intended)
    assert chrome.js("window.gazetteSearch.corrected") == intended
    # A query that is no word at all is not "corrected" into something else.
    assert _search(chrome, base, "鑫鑫鑫鑫") == []
    assert chrome.js("document.querySelector('.gz-suggest').hidden")
    assert "没有找到" in chrome.js("document.querySelector('.gz-search-status').textContent")


def test_search_filters_by_kind_and_year(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    archive = load_archive(sample_content)
    regulations = {f"/{d.issue_id}/{d.seq:02d}/" for d in archive.documents.values()
                   if d.is_public and d.kind.value == "regulation" and "施行" in body_to_text(d.body)}
    found = _api_search(chrome, base, "施行", {"kind": "regulation", "year": "2023"})
    assert found == regulations
    assert _api_search(chrome, base, "施行", {"kind": "regulation", "year": "1999"}) == set()


def test_article_permalink_scrolls_to_the_article(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    chrome.goto(base + "2023-01/01/#第十二条", settle=1.0)
    top = chrome.js("document.getElementById('第十二条').getBoundingClientRect().top")
    assert 0 <= top < 200, top
    assert chrome.js("window.scrollY") > 300
    assert chrome.js("document.querySelector('#第十二条 a.gz-permalink').getAttribute('href')") == "#第十二条"


def _type_search(chrome: Browser, base: str, term: str) -> list[str]:
    """Open the search page, type ``term`` into its input, press Enter, wait for results."""
    chrome.goto(f"{base}search/", settle=0.5)
    chrome.wait_for("!!document.querySelector('#gz-search input') && window.gazetteSearch && window.gazetteSearch.ready()", timeout=20)
    chrome.js("document.querySelector('#gz-search input').focus()")
    chrome.call("Input.insertText", {"text": term}, session=True)
    chrome.js("document.querySelector('#gz-search form').requestSubmit()")
    chrome.wait_for(DONE, timeout=20)
    return chrome.js(RESULTS)


def test_typing_a_two_character_term_finds_the_document(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    expected = _expected(sample_content, "公开")
    hrefs = set(_type_search(chrome, base, "公开"))
    assert hrefs and hrefs <= expected, hrefs
    marks = chrome.js("Array.from(document.querySelectorAll('.gz-excerpt mark')).map(m => m.textContent)")
    assert marks and set(marks) == {"公开"}, marks
    assert "q=%E5%85%AC%E5%BC%80" in chrome.js("location.search")  # the query is in the URL, so it can be shared


def _expected_any(sample_content: Path) -> set[str]:
    return {f"/{d.issue_id}/{d.seq:02d}/" for d in load_archive(sample_content).documents.values() if d.is_public}


@pytest.mark.parametrize("term", ["务公", "施行", "管理"])
def test_excerpts_quote_real_text(browser: tuple[Browser, str], sample_content: Path, term: str) -> None:
    chrome, base = browser
    _search(chrome, base, term)
    excerpts = chrome.js("Array.from(document.querySelectorAll('.gz-excerpt')).map(e => e.textContent.replace(/…/g, ''))")
    assert excerpts
    texts = ["".join(body_to_text(d.body).split()) for d in load_archive(sample_content).documents.values() if d.is_public]
    for excerpt in excerpts:
        assert any("".join(excerpt.split()) in text for text in texts), excerpt  # a piece of a document's own text


def test_hostile_title_in_search_results_is_text(browser: tuple[Browser, str]) -> None:
    chrome, base = browser
    _search(chrome, base, "alert")
    titles = chrome.js("Array.from(document.querySelectorAll('.gz-result h2')).map(e => e.textContent)")
    assert any("<script>" in t for t in titles), titles
    assert chrome.js("document.querySelectorAll('#gz-search script, #gz-search img, #gz-search iframe').length") == 0


def test_doc_number_in_any_style_goes_to_its_document_first(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    docs = [d for d in load_archive(sample_content).documents.values() if d.is_public and d.doc_number and "〔" in d.doc_number]
    assert docs
    doc = docs[0]
    wide = doc.doc_number.translate(str.maketrans("0123456789〔〕", "０１２３４５６７８９［］"))
    for typed in (doc.doc_number, wide, doc.doc_number.replace("〔", "(").replace("〕", ")"), doc.doc_number.replace("〔", " [ ").replace("〕", "] ")):
        hrefs = _search(chrome, base, typed)
        assert hrefs[:1] == [f"/{doc.issue_id}/{doc.seq:02d}/"], (typed, hrefs)


def test_order_number_typed_short_goes_to_its_document(browser: tuple[Browser, str], sample_content: Path) -> None:
    from gazette.search.normalize import order_number

    chrome, base = browser
    docs = [d for d in load_archive(sample_content).documents.values()
            if d.is_public and d.doc_number and order_number(d.doc_number) and d.doc_number.startswith("山东省人民政府令")]
    assert docs
    doc = docs[0]
    number = order_number(doc.doc_number)[1]
    for typed in (f"省政府令第{number}号", f"第{number}号令", f"山东省人民政府令{str(number).translate(str.maketrans('0123456789', '０１２３４５６７８９'))}号"):
        assert _search(chrome, base, typed)[:1] == [f"/{doc.issue_id}/{doc.seq:02d}/"], typed
    assert f"/{doc.issue_id}/{doc.seq:02d}/" not in _search(chrome, base, f"国务院令第{number}号")


def test_traditional_quoted_and_punctuated_queries(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    expected = _expected(sample_content, "人民政府")
    assert _api_search(chrome, base, "人民政府") == expected
    assert _api_search(chrome, base, "國務院") == _expected(sample_content, "国务院")
    assert _api_search(chrome, base, '"人民 政府"') == expected
    assert _api_search(chrome, base, "《人民政府》") == expected  # punctuation is not searched
    # Letter-spaced (人 民 政 府) or with a lone character (人民政 府): one word, not four.
    assert _api_search(chrome, base, "人 民 政 府") == expected
    assert _api_search(chrome, base, "人民政 府") == expected


def test_issuer_filter_and_date_sort(browser: tuple[Browser, str], sample_content: Path) -> None:
    chrome, base = browser
    archive = load_archive(sample_content)
    public = [d for d in archive.documents.values() if d.is_public and "施行" in body_to_text(d.body)]
    issuer = sorted({d.issuer for d in public if d.issuer})[0]
    wanted = {f"/{d.issue_id}/{d.seq:02d}/" for d in public if d.issuer and issuer in d.issuer.split("、")}
    assert _api_search(chrome, base, "施行", {"issuer": issuer}) == wanted
    hrefs = _search(chrome, base, "施行", sort="old")
    dates = {f"/{d.issue_id}/{d.seq:02d}/": d.signed_date or "" for d in public}
    shown = [dates[h] for h in hrefs]
    assert shown == sorted(shown)
    assert re.search("[共约] [0-9]+ 件", chrome.js("document.querySelector('.gz-search-status').textContent"))


def test_exact_title_first_and_metadata_words_after_the_texts(browser: tuple[Browser, str], sample_content: Path) -> None:
    import json

    chrome, base = browser
    public = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    doc = max(public, key=lambda d: len(d.title))
    assert _search(chrome, base, doc.title)[:1] == [f"/{doc.issue_id}/{doc.seq:02d}/"]
    # An issuer's whole name also finds its documents, after those whose text has it.
    issuer = max({d.issuer for d in public if d.issuer and "、" not in d.issuer}, key=lambda name: sum(d.issuer == name for d in public))
    found = _api_search(chrome, base, issuer)
    assert {f"/{d.issue_id}/{d.seq:02d}/" for d in public if d.issuer == issuer} <= found
    ranked = ["/" + u for u in chrome.js(EVERY.format(query=json.dumps(issuer), filters="{}"))]
    texts = _expected(sample_content, issuer)
    assert ranked[:len(texts)] and set(ranked[:len(texts)]) == texts


def test_page_folds_text_as_python_does(browser: tuple[Browser, str]) -> None:
    """The page's searchable form equals gazette.search.normalize.searchable: characters,
    punctuation, full-width forms and the phrases OpenCC converts as a whole (答覆 → 答复)."""
    import json

    from gazette.search.normalize import phrase_table, searchable

    chrome, base = browser
    samples = ["現答覆如下：", "回覆，", "答，覆", "行政處罰法", "《中华人民共和国  行政处罚法》", "鲁政发［２００１］５号",
               "一目瞭然", "ＡＢＣ abc Ⅻ ①", "覆盖", "乾乾淨淨", "𠀀字"] + list(phrase_table())[::17]
    chrome.goto(f"{base}search/")
    chrome.wait_for("window.gazetteSearch && window.gazetteSearch.ready()", timeout=20)
    forms = chrome.js(f"{json.dumps(samples)}.map(t => window.gazetteSearch.form(t))")
    assert forms == [searchable(t) for t in samples]
    assert searchable("現答覆如下") == "现答复如下" and searchable("覆盖") == "覆盖"


def test_long_phrase_whose_first_pieces_let_through_many_texts(browser: tuple[Browser, str], sample_content: Path) -> None:
    """A long phrase whose spread pieces (the page reads 8) occur in many texts that do not
    have it: the page checks the candidates, narrows the rest with the pieces it left out,
    and shows exactly the texts that have the phrase."""
    from gazette.search.normalize import searchable

    chrome, base = browser
    docs = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    texts = {f"/{d.issue_id}/{d.seq:02d}/": searchable(d.title + "\n" + body_to_text(d.body)) for d in docs}

    def spread(form: str) -> set[str]:  # the page's pieces(): 8 of the bigrams, evenly spread
        starts = list(range(len(form) - 1))
        starts = [starts[round(k * (len(starts) - 1) / 7)] for k in range(8)]
        return {form[s:s + 2] for s in starts}

    def let_through(form: str) -> int:
        return sum(all(p in t for p in spread(form)) for t in texts.values()) - sum(form in t for t in texts.values())

    phrase = max((t[a:a + 24] for t in texts.values() for a in range(0, len(t) - 24, 7)), key=let_through)
    assert let_through(phrase) >= 4, phrase
    expected = {u for u, t in texts.items() if phrase in t}
    shown = set(_search(chrome, base, phrase))
    status = chrome.js("document.querySelector('.gz-search-status').textContent")
    assert shown == expected == _api_search(chrome, base, phrase)
    assert status.startswith(f"共 {len(expected)} 件"), status


CROWD, PLAIN = 45, 30  # texts with 环境保护 and 参保户 (every piece of 环境保户, never the word); texts with 环境保护 only


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Browser, str]]:
    """A site where a typo's candidates are many texts that lack it: 环境保户 (户 for 护)."""
    from gazette.content import render_document, render_issue
    from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status
    from gazette.site import build_site
    from gazette.structure import text_to_body

    from conftest import ROOT

    content = tmp_path_factory.mktemp("crowded") / "content"
    folder = content / "2024-01"
    folder.mkdir(parents=True)
    ids = []
    for seq in range(1, CROWD + PLAIN + 1):
        body = (f"第{seq}号通知：做好本地区环境保护工作。" + ("社区参保户登记照常办理。" if seq <= CROWD else "依照环境保护条例执行。"))
        doc = Document(id=f"2024-01-{seq:02d}", issue_id="2024-01", seq=seq, title=f"关于第{seq}项工作的通知", kind=Kind.NORMATIVE,
                       doc_number=f"示政发〔2024〕{seq}号", issuer="示例市人民政府", signed_date=f"2024-01-{seq % 28 + 1:02d}",
                       effective_date=None, section="市政府文件", source=SourceRef("2024-01.pdf", "0" * 64, (seq, seq), (seq, seq)),
                       body=text_to_body([f"关于第{seq}项工作的通知", body]), status=Status.PUBLISHED)
        (folder / f"{seq:02d}.md").write_text(render_document(doc), encoding="utf-8")
        ids.append(doc.id)
    issue = Issue("2024-01", IssueMeta("示例市人民政府公报（合成）", 2024, 1, 1, "2024-01-31", "2024年第1期", "示例市人民政府办公厅"),
                  "2024-01.pdf", "0" * 64, CROWD + PLAIN, (), tuple(ids))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    site = content.parent / "site"
    build_site(content, site, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    with browsing(site) as opened:
        yield opened


TEXTS_READ = "performance.getEntriesByType('resource').filter(e => /\\/d\\/\\d+\\.json\\.gz/.test(e.name)).length"


def test_a_typo_whose_candidates_lack_it_is_corrected_after_a_few(crowded: tuple[Browser, str]) -> None:
    chrome, base = crowded
    shown = _search(chrome, base, "环境保户")
    notice = chrome.js("document.querySelector('.gz-suggest').textContent")
    assert "“环境保户”的前 10 件候选文件都不含该词" in notice and "“环境保护”的结果" in notice, notice
    assert chrome.js("document.querySelector('.gz-suggest-original').textContent") == "仍然检索“环境保户”"
    assert len(shown) == 10
    assert chrome.js(TEXTS_READ) <= 10 + 10  # the typed word's first ten, then the fix's first page


def test_a_page_of_results_reads_at_most_thirty_texts(crowded: tuple[Browser, str]) -> None:
    chrome, base = crowded
    assert _search(chrome, base, "环境保户", fix="0") == []  # 仍然检索: no correction
    status = chrome.js("document.querySelector('.gz-search-status').textContent")
    assert "已核对前 30 件" in status and "显示 0 件" in status, status
    assert chrome.js(TEXTS_READ) == 30
    assert not chrome.js("document.querySelector('.gz-results + button').hidden")  # 显示更多 reads on
    chrome.js("document.querySelector('.gz-results + button').click()")
    chrome.wait_for("/没有找到/.test(document.querySelector('.gz-search-status').textContent)", timeout=20)
    assert chrome.js(TEXTS_READ) == CROWD


def test_page_weighs_slips_as_python_does(browser: tuple[Browser, str]) -> None:
    """The page's slipWeight equals normalize.slip_weight: the same readings, the same
    fuzzy rules, and look-alikes in both directions (丈 lists 党, 党 does not list 丈)."""
    import json
    import random

    from gazette.search.normalize import shape_table, slip_weight, sound_table

    chrome, base = browser
    pairs = [("护", "户"), ("未", "末"), ("民", "名"), ("程", "陈"), ("刑", "名"), ("水", "火"), ("丈", "党"), ("党", "丈"), ("鑫", "A")]
    rng = random.Random(7)
    chars = "".join(sound_table().values())
    shapes = shape_table()
    for _ in range(150):
        typed = rng.choice(chars)
        pairs.append((rng.choice(shapes.get(typed) or chars), typed))  # mostly look-alikes, some sound-alikes among them
        pairs.append((rng.choice(chars), typed))
    chrome.goto(f"{base}search/")
    chrome.wait_for("window.gazetteSearch && window.gazetteSearch.ready()", timeout=20)
    chrome.js(f"Promise.all({json.dumps(pairs)}.map(p => window.gazetteSearch.slipWeight(p[0], p[1])))"
              ".then(w => { window.__weights = w; })")
    chrome.wait_for("!!window.__weights", timeout=20)
    weights = chrome.js("window.__weights")
    expected = [slip_weight(fix, typed) for fix, typed in pairs]
    assert weights == expected, [(p, w, e) for p, w, e in zip(pairs, weights, expected) if w != e][:10]
    assert len(set(expected)) == 4  # every weight occurs


def test_page_edits_words_as_python_does(browser: tuple[Browser, str]) -> None:
    """The page's edits (a repeated character deleted, two swapped) equal normalize.edits."""
    import json

    from gazette.search.normalize import edits

    chrome, base = browser
    cases = [("人民法法院", 2), ("危险物废", 2), ("治安管理理处罚", 4), ("信访访事项", 0), ("行政罚处", 1), ("法法", 0), ("环境保户", 2)]
    chrome.goto(f"{base}search/")
    chrome.wait_for("window.gazetteSearch && window.gazetteSearch.ready()", timeout=20)
    got = chrome.js(f"{json.dumps(cases)}.map(c => window.gazetteSearch.edits(c[0], c[1]))")
    assert got == [[[fixed, weight, list(new)] for fixed, weight, new in edits(term, m)] for term, m in cases]
    assert ["人民法院", 1000, [2]] in got[0] and any(e[0] == "危险废物" for e in got[1])


@pytest.mark.parametrize("typed", ["环境保保护", "环境护", "环境护保"])  # doubled, left out, swapped
def test_the_page_undoes_a_doubled_missing_or_swapped_character(crowded: tuple[Browser, str], typed: str) -> None:
    chrome, base = crowded
    shown = _search(chrome, base, typed)
    assert f"没有找到“{typed}”；以下是“环境保护”的结果。" == chrome.js("document.querySelector('.gz-suggest').textContent")
    assert len(shown) == 10
