"""The static site from a real `mkdocs build` and search index over the sample archive."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import zlib
from pathlib import Path

import pytest

from gazette.content import load_archive
from gazette.models import Kind
from gazette.errors import BuildError
from gazette.site import build_site
from gazette.structure import article_anchors, body_to_text

from conftest import ROOT
from handmade import pages_pdf

HIDDEN = ("2023-01-02", "2023-03-02")  # a draft and a withheld document


def _titles(content: Path) -> dict[str, str]:
    return {d.id: d.title for d in load_archive(content).documents.values()}


def _search_text(site: Path) -> str:
    """Every file of the search index, decompressed, as one string."""
    chunks = []
    for path in sorted((site / "search-index").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            data = gzip.decompress(data)
        except (OSError, zlib.error):
            pass
        chunks.append(data.decode("utf-8", errors="ignore"))
    return "\n".join(chunks)


def test_document_page_has_metadata_anchors_and_citation(built_site: Path, sample_content: Path) -> None:
    html = (built_site / "2023-01" / "01" / "index.html").read_text(encoding="utf-8")
    for label in ("发文机关", "文号", "成文日期", "施行日期", "刊登期次", "类别", "效力状态"):
        assert f"<th>{label}</th>" in html
    doc = load_archive(sample_content).documents["2023-01-01"]
    for anchor in article_anchors(doc.body):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    assert 'id="第十二条"' in html
    assert f"载《山东省人民政府公报》2023年第1期第{doc.source.printed_pages[0]}页" in html
    assert "https://gazette.example.org/2023-01/01/" in html
    assert f'2023-01.pdf#page={doc.source.pdf_pages[0]}' in html
    assert '"@type": "Legislation"' in html
    assert 'rel="next"' in html


def test_issue_page_has_toc_pdf_and_neighbours(built_site: Path, sample_content: Path) -> None:
    html = (built_site / "2023-02" / "index.html").read_text(encoding="utf-8")
    issue = next(i for i in load_archive(sample_content).issues if i.id == "2023-02")
    assert issue.sha256 in html and 'href="2023-02.pdf"' in html
    assert (built_site / "2023-02" / "2023-02.pdf").read_bytes() == (sample_content / "2023-02" / "2023-02.pdf").read_bytes()
    for entry in issue.toc:
        assert f">{entry.printed_page}</span>" in html
    assert "上一期" in html and "下一期" in html


def test_home_browses_by_year_kind_and_issuer(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "按年份" in html and "按类别" in html and "按发文机关" in html
    assert 'href="years/2023/"' in html and 'href="kinds/regulation/"' in html
    assert (built_site / "kinds" / "regulation" / "index.html").exists()


def test_hostile_text_is_literal_everywhere(built_site: Path) -> None:
    page = (built_site / "2023-04" / "02" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ config }}" in page and "{% include" in page
    assert "**粗体**" in page and "[链接](javascript:alert(1))" in page
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert 'href="javascript:' not in text, path
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed


def _is_a_date_in(text: str, value: str) -> bool:
    """True when every quoted occurrence of ``value`` in ``text`` is a date field's value."""
    import re

    quoted = [m.start() for m in re.finditer(re.escape(f'"{value}"'), text)]
    return bool(quoted) and all(re.search(r'"(?:[A-Za-z_]*[dD]ate[A-Za-z_]*|issued|received)": ?$', text[max(0, i - 30):i])
                                for i in quoted)


@pytest.mark.parametrize("doc_id", HIDDEN)
def test_unpublished_documents_appear_nowhere(built_site: Path, sample_content: Path, doc_id: str) -> None:
    archive = load_archive(sample_content)
    hidden = archive.documents[doc_id]
    others = " ".join(body_to_text(d.body) + d.title for d in archive.documents.values() if d.is_public)
    # A passage only this document has (another document may quote its title).
    unique = next(p for p in sorted(body_to_text(hidden.body).split("\n"), key=len, reverse=True) if p not in others)
    issue, seq = doc_id.rsplit("-", 1)
    assert not (built_site / issue / seq).exists()
    assert not (built_site / "api" / "documents" / f"{doc_id}.json").exists()
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".jsonl"):
            text = path.read_text(encoding="utf-8")
            # the id as an id or a URL (a document's id can look like another's date: 2023-01-02)
            mentions = (f'"{doc_id}"', f"/{issue}/{seq}/", f"{doc_id}.json", f"#{doc_id}")
            mentions = tuple(m for m in mentions if m != f'"{doc_id}"' or not _is_a_date_in(text, doc_id))
            assert not any(m in text for m in mentions) and unique not in text and f">{hidden.title}<" not in text, path
    assert unique[:30] not in _search_text(built_site)
    published_pdf = _pdf_text(built_site / issue / f"{issue}.pdf")
    assert _squeeze(unique)[:30] not in published_pdf
    first, last = hidden.source.pdf_pages
    assert _squeeze(body_to_text(hidden.body))[:30] in _pdf_text(sample_content / issue / f"{issue}.pdf")  # the check can fail
    html = (built_site / issue / "index.html").read_text(encoding="utf-8")
    blanked = re.search(r"PDF ?第([0-9、]+)页已留空", html)
    assert blanked and set(range(first, last + 1)) <= {int(n) for n in blanked.group(1).split("、")}


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _pdf_text(path: Path) -> str:
    """All text of a PDF, whitespace removed (what a downloader of it can read)."""
    from pypdf import PdfReader

    return _squeeze("".join(page.extract_text() or "" for page in PdfReader(path).pages))


def test_search_index_holds_published_documents_only(built_site: Path, sample_content: Path) -> None:
    import json

    archive = load_archive(sample_content)
    published = [d for d in archive.documents.values() if d.is_public]
    meta = json.loads((built_site / "search-index" / "meta.json").read_text(encoding="utf-8"))
    records = [json.loads(gzip.decompress(p.read_bytes())) for p in sorted((built_site / "search-index" / "b").glob("*/d/*.json.gz"))]
    assert meta["documents"] == len(records) == len(published)
    assert sorted(r[0] for r in records) == sorted(f"{d.issue_id}/{d.seq:02d}/" for d in published)
    assert sorted(r[1] for r in records) == sorted(d.title for d in published)
    assert "<script>" not in _search_text(built_site)  # markup from a PDF is \\u-escaped in the JSON


def test_machine_outputs(built_site: Path, sample_content: Path) -> None:
    lines = (built_site / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["status"] for r in records} == {"published"}
    assert len(records) == sum(d.is_public for d in load_archive(sample_content).documents.values())
    one = json.loads((built_site / "api" / "documents" / "2023-01-01.json").read_text(encoding="utf-8"))
    assert one["url"] == "https://gazette.example.org/2023-01/01/"
    feed = (built_site / "feed.xml").read_text(encoding="utf-8")
    assert feed.startswith('<?xml') and "<entry>" in feed and "https://gazette.example.org/2023-03/" in feed
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" not in sitemap and "https://gazette.example.org/2023-01/01/" in sitemap


def test_missing_issue_pdf_is_never_linked(sample_content: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    (content / "2023-02" / "2023-02.pdf").unlink()
    site = tmp_path / "site"
    build_site(content, site, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    assert not (site / "2023-02" / "2023-02.pdf").exists()
    pages = [p for p in (site / "2023-02").rglob("index.html")]
    assert len(pages) > 1
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "2023-02.pdf" not in html and "未在本站发布" in html, page
    assert "2023-01.pdf#page=" in (site / "2023-01" / "01" / "index.html").read_text(encoding="utf-8")


def test_control_characters_in_content_never_reach_the_site(sample_content: Path, tmp_path: Path,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    """An editor's paste can carry NUL and escape codes: the feed stays valid XML, no page
    holds them, and the build says which file had them."""
    from xml.etree import ElementTree

    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    path = load_archive(content).paths["2023-01-01"]
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    head = re.sub(r"^title: (.*)$", lambda m: "title: " + m.group(1).replace("的", "\x00的\x1b", 1), head, count=1, flags=re.M)
    path.write_text(head + "\n---\n" + body.replace("。", "\x00。\x07", 1), encoding="utf-8")
    site = tmp_path / "site"
    with caplog.at_level("WARNING", logger="gazette"):
        build_site(content, site, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    assert any("01.md" in r.getMessage() and "control character" in r.getMessage() for r in caplog.records)
    ElementTree.fromstring((site / "feed.xml").read_bytes())
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".json", ".jsonl"):
            data = page.read_text(encoding="utf-8")
            assert "\x00" not in data and "\x1b" not in data and "\x07" not in data, page


def test_build_is_deterministic(built_site: Path, sample_content: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    build_site(sample_content, again, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    # Every file, the search index's included.
    assert _same_site(built_site, again) == []


def test_failed_build_keeps_the_previous_site(built_site: Path, sample_content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    broken = tmp_path / "content"
    shutil.copytree(sample_content, broken)
    (broken / "2023-01" / "01.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        build_site(broken, site, ROOT / "mkdocs.yml")
    assert "01.md" in str(info.value)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".gazette-build-")]


def test_mkdocs_failure_is_a_build_error(sample_content: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ntheme:\n  name: no-such-theme\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous build", encoding="utf-8")
    with pytest.raises(BuildError):
        build_site(sample_content, site, config)
    assert (site / "keep.txt").read_text(encoding="utf-8") == "previous build"


def _same_site(a: Path, b: Path) -> list[str]:
    """Files that are not byte-identical in two sites (or exist in only one)."""
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return sorted(set(files_a) ^ set(files_b))
    return [f for f in files_a if (a / f).read_bytes() != (b / f).read_bytes()]


def test_incremental_builds_equal_full_builds(sample_content: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    held = tmp_path / "2023-03"
    shutil.move(content / "2023-03", held)
    site, full = tmp_path / "site", tmp_path / "full"
    first = build_site(content, site, ROOT / "mkdocs.yml")
    assert not first.incremental
    shutil.move(held, content / "2023-03")  # a new issue arrives
    second = build_site(content, site, ROOT / "mkdocs.yml")
    assert second.incremental
    build_site(content, full, ROOT / "mkdocs.yml", full=True)
    assert _same_site(site, full) == []
    unchanged = build_site(content, site, ROOT / "mkdocs.yml")
    assert unchanged.incremental and unchanged.rendered == 0
    assert _same_site(site, full) == []


def test_incremental_build_after_an_editors_correction(sample_content: Path, tmp_path: Path) -> None:
    """An editor corrects one document of an old issue: only its pages are made again,
    and the site is the one a full build makes (PDF page links, feed, JSON, search)."""
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    site, full = tmp_path / "site", tmp_path / "full"
    build_site(content, site, ROOT / "mkdocs.yml")
    path = content / "2023-01" / "01.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n编者更正：政务公开（更正）。\n", encoding="utf-8")
    report = build_site(content, site, ROOT / "mkdocs.yml")
    assert report.incremental and 0 < report.rendered < report.pages // 2
    assert "政务公开（更正）" in (site / "documents.jsonl").read_text(encoding="utf-8")
    assert "政务公开（更正）" in (site / "api" / "documents" / "2023-01-01.json").read_text(encoding="utf-8")
    build_site(content, full, ROOT / "mkdocs.yml", full=True)
    assert _same_site(site, full) == []


def test_incremental_build_removes_withdrawn_documents(sample_content: Path, tmp_path: Path) -> None:
    from gazette.content import set_status
    from gazette.models import Status

    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    site, full = tmp_path / "site", tmp_path / "full"
    build_site(content, site, ROOT / "mkdocs.yml")
    assert (site / "2023-02" / "03" / "index.html").exists()
    set_status(content / "2023-02" / "03.md", Status.WITHHELD)
    report = build_site(content, site, ROOT / "mkdocs.yml")
    assert report.incremental
    assert not (site / "2023-02" / "03").exists()
    assert "2023-02-03" not in (site / "documents.jsonl").read_text(encoding="utf-8")
    build_site(content, full, ROOT / "mkdocs.yml", full=True)
    assert _same_site(site, full) == []


# ---------------------------------------------------------------- a corpus archive with hostile text
#
# Documents built from real official texts in ../shared/corpus (never corpus-eval),
# written with render_document/render_issue, with drafts, withheld documents and one
# published document whose title, metadata and body are hostile markup.

HOSTILE_TITLE = "关于<script>alert(1)</script>{{ config }}的**x**通知"
HOSTILE_BODY = [
    "第一条　<script>alert(1)</script>本条含有脚本。",
    "第二条　{{ config }} 与 {% include 'base.html' %} 必须原样显示。",
    "第三条　**x** 和 [链接](javascript:alert(1)) 以及 <img src=x onerror=alert(1)> 都是文字。",
    "# 不是标题",
    "<!-- 不是注释 --> &amp; 也不是实体",
]
HOSTILE_RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- 不是注释 -->")
SITE_URL = "https://gazette.example.org/"


def _corpus_archive(dest: Path) -> dict[str, object]:
    import hashlib
    import sys

    sys.path.insert(0, str(ROOT))
    from tools.synth.corpus import load
    from gazette.content import render_document, render_issue
    from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status, TocEntry
    from gazette.structure import text_to_body

    sources = load()
    if not sources:
        pytest.skip("the shared corpus (../shared/corpus) is empty")
    regulations = [s for s in sources if s.kind == "regulation" and any(p.startswith("第十二条") for p in s.paragraphs)]
    others = [s for s in sources if s not in regulations[:4]]
    picked = regulations[:4] + others[:6]
    statuses = {"2021-05-03": Status.DRAFT, "2022-01-02": Status.WITHHELD, "2022-01-05": Status.DRAFT}
    plan = {"2021-05": (2021, 5, "2021-03-10", picked[:5]), "2022-01": (2022, 1, "2022-01-15", picked[5:])}
    kinds = {"regulation": Kind.REGULATION, "normative": Kind.NORMATIVE}
    for issue_id, (year, number, date, srcs) in plan.items():
        folder = dest / issue_id
        folder.mkdir(parents=True)
        docs, toc, page = [], [], 1
        entries = [(s.title, list(s.paragraphs[:40]), kinds.get(s.kind, Kind.OTHER), s.issuer, s.doc_number) for s in srcs]
        if issue_id == "2022-01":
            entries.insert(3, (HOSTILE_TITLE, HOSTILE_BODY, Kind.NORMATIVE, "<b>某某</b>厅", "鲁{{x}}发〔2022〕1号"))
        # The issue PDF: cover, 目录 (every title), then each document's title and opening
        # paragraph on each of its pages, so tests can see what a published PDF gives away.
        spans, start = [], 1
        for title, paragraphs, *_ in entries:
            span = max(1, sum(len(p) for p in paragraphs) // 1500)
            spans.append((start + 2, start + 2 + span))
            start += span + 1
        printed = [f"山东省人民政府公报 {year}年第{number}期", "目录\n" + "\n".join(e[0] for e in entries)]
        printed += ["" for _ in range(start)]  # … and an imprint page
        for (title, paragraphs, *_), (first, last) in zip(entries, spans):
            for pdf_page in range(first, last + 1):
                printed[pdf_page - 1] += title + "\n" + paragraphs[0][:60].replace("\n", " ") + "\n"
        pdf = pages_pdf(printed)
        (folder / f"{issue_id}.pdf").write_bytes(pdf)
        sha = hashlib.sha256(pdf).hexdigest()
        for seq, (title, paragraphs, kind, issuer, number_text) in enumerate(entries, start=1):
            doc_id = f"{issue_id}-{seq:02d}"
            span = max(1, sum(len(p) for p in paragraphs) // 1500)
            doc = Document(
                id=doc_id, issue_id=issue_id, seq=seq, title=title, kind=kind, doc_number=number_text, issuer=issuer,
                signed_date=date, effective_date=None, section="省政府文件",
                source=SourceRef(f"{issue_id}.pdf", sha, (page + 2, page + 2 + span), (page, page + span)),
                body=text_to_body(paragraphs), status=statuses.get(doc_id, Status.PUBLISHED),
            )
            toc.append(TocEntry(title, page, "省政府文件", number_text))
            page += span + 1
            docs.append(doc)
            (folder / f"{seq:02d}.md").write_text(render_document(doc), encoding="utf-8")
        issue = Issue(issue_id, IssueMeta("山东省人民政府公报", year, number, 400 + number, date, f"{year}年第{number}期",
                                          "山东省人民政府办公厅"), f"{issue_id}.pdf", sha, page + 2, tuple(toc),
                      tuple(d.id for d in docs))
        (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    return {"hidden": sorted(statuses)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(content, site): the corpus archive and one real build of it."""
    root = tmp_path_factory.mktemp("corpus")
    content = root / "content"
    _corpus_archive(content)
    site = root / "site"
    build_site(content, site, ROOT / "mkdocs.yml", SITE_URL)
    return content, site


def _text_files(site: Path) -> dict[str, str]:
    """Every output file as text; gzip'd files decompressed."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix == ".pdf" or path.name.startswith("wasm."):
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="ignore")
    return out


def test_corpus_pages_metadata_and_anchors(corpus: tuple[Path, Path]) -> None:
    content, site = corpus
    archive = load_archive(content)
    public = [d for d in archive.documents.values() if d.is_public]
    assert len(public) == 8
    for doc in public:
        html = (site / doc.issue_id / f"{doc.seq:02d}" / "index.html").read_text(encoding="utf-8")
        table = html[html.index('<table class="gz-meta">'):html.index("</table>")]
        # A row is shown exactly when the document has a value for it (no "—" rows).
        values = {"发文机关": doc.issuer, "文号": doc.doc_number, "成文日期": doc.signed_date, "施行日期": doc.effective_date,
                  "刊登期次": True, "类别": True, "效力状态": True}
        for label, value in values.items():
            assert (f"<th>{label}</th>" in table) == bool(value), label
        assert "<td>—</td>" not in table
        # Validity is derived from dates and relations; kinds without legal force say so.
        if doc.kind in (Kind.REGULATION, Kind.NORMATIVE):
            assert re.search(r'<th>效力状态</th><td><span class="gz-validity gz-validity-\w+">(现行有效|尚未生效|已被修改|已废止|已失效)</span>', table)
        else:
            assert "<th>效力状态</th><td>不适用</td>" in table
        first, last = doc.source.printed_pages
        issue = "2021年第5期" if doc.issue_id == "2021-05" else "2022年第1期"
        assert (f"{issue} 第{first}–{last}页" if last != first else f"{issue} 第{first}页") in table
        anchors = article_anchors(doc.body)
        for anchor in anchors:
            assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html, anchor
        if doc.kind.value == "regulation":
            assert "第十二条" in anchors
        assert f"{doc.issue_id}.pdf#page={doc.source.pdf_pages[0]}" in html
        assert f"{SITE_URL}{doc.issue_id}/{doc.seq:02d}/" in html
        assert '"@type": "Legislation"' in html
        if doc.doc_number and "{" not in doc.doc_number:
            assert f"《{doc.title}》（{doc.doc_number}），载《山东省人民政府公报》{issue}第{first}页" in html
    issue_html = (site / "2021-05" / "index.html").read_text(encoding="utf-8")
    assert 'href="2021-05.pdf"' in issue_html and (site / "2021-05" / "2021-05.pdf").exists()
    assert "下一期" in issue_html


def test_corpus_hostile_text_is_literal(corpus: tuple[Path, Path]) -> None:
    content, site = corpus
    page = (site / "2022-01" / "04" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ config }}" in page and "{% include &#x27;base.html&#x27; %}" in page
    assert "**x**" in page and "[链接](javascript:alert(1))" in page and "# 不是标题" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&amp;amp; 也不是实体" in page
    for rel, text in _text_files(site).items():
        for raw in HOSTILE_RAW:
            assert raw not in text, (rel, raw)
        assert "<b>某某</b>" not in text, rel
    # MkDocs did not run Jinja on it and Python-Markdown did not turn it into markup.
    assert "<strong>x</strong>" not in page and "<h1>不是标题</h1>" not in page


def test_corpus_unpublished_documents_appear_nowhere(corpus: tuple[Path, Path]) -> None:
    content, site = corpus
    archive = load_archive(content)
    public_text = " ".join(d.title + body_to_text(d.body) for d in archive.documents.values() if d.is_public)
    hidden = [d for d in archive.documents.values() if not d.is_public]
    assert {d.id for d in hidden} == {"2021-05-03", "2022-01-02", "2022-01-05"}
    files = _text_files(site)
    assert any(re.match(r"search-index/b/\w+/d/", rel) for rel in files)
    for doc in hidden:
        unique = [p for p in body_to_text(doc.body).split("\n") if len(p) > 20 and p not in public_text][:5]
        assert unique, doc.id
        assert not (site / doc.issue_id / f"{doc.seq:02d}").exists()
        for rel, text in files.items():
            assert doc.id not in text, (rel, doc.id)
            for passage in unique:
                assert passage[:25] not in text, (rel, doc.id)
            if doc.title not in public_text:
                assert doc.title not in text, (rel, doc.id)
    sitemap = files["sitemap.xml"]
    expected = {f"{SITE_URL}{d.issue_id}/{d.seq:02d}/" for d in archive.documents.values() if d.is_public}
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert expected <= listed
    assert not [u for u in listed if re.search(r"/20\d\d-\d\d/\d\d/$", u) and u not in expected]
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    feed_ids = set(re.findall(r"<id>[^<]*document:([^<]+)</id>", files["feed.xml"]))
    assert feed_ids == {d.id for d in archive.documents.values() if d.is_public}
    jsonl = [json.loads(line) for line in files["documents.jsonl"].splitlines()]
    assert {r["id"] for r in jsonl} == {d.id for d in archive.documents.values() if d.is_public}
    assert sorted(p.stem for p in (site / "api" / "documents").glob("*.json")) == sorted(r["id"] for r in jsonl)


def test_corpus_issue_pdf_blanks_unpublished_pages(corpus: tuple[Path, Path]) -> None:
    """The published issue PDF keeps its page count and numbering, the cover and the pages
    of published documents, and blanks the pages (and the 目录) that print anything else."""
    from pypdf import PdfReader

    content, site = corpus
    archive = load_archive(content)
    for issue in archive.issues:
        original = PdfReader(content / issue.id / f"{issue.id}.pdf")
        served = PdfReader(site / issue.id / f"{issue.id}.pdf")
        assert len(served.pages) == len(original.pages)
        text = [_squeeze(p.extract_text() or "") for p in served.pages]
        assert text[0] == _squeeze(original.pages[0].extract_text())  # the cover names no document
        assert text[1] == ""  # the 目录 lists unpublished titles
        docs = archive.issue_documents(issue)
        hidden_pages = {p for d in docs if not d.is_public for p in range(d.source.pdf_pages[0], d.source.pdf_pages[1] + 1)}
        for doc in docs:
            first, last = doc.source.pdf_pages
            for page in range(first, last + 1):
                if doc.is_public and page not in hidden_pages:
                    assert _squeeze(doc.title) in text[page - 1], (doc.id, page)
                if not doc.is_public:
                    assert text[page - 1] == "", (doc.id, page)
        issue_html = (site / issue.id / "index.html").read_text(encoding="utf-8")
        assert "下载公报 PDF" in issue_html and "下载原版 PDF" not in issue_html
        assert hashlib.sha256((site / issue.id / f"{issue.id}.pdf").read_bytes()).hexdigest() in issue_html


def test_corpus_build_is_byte_identical(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    content, site = corpus
    again = tmp_path / "site"
    build_site(content, again, ROOT / "mkdocs.yml", SITE_URL, full=True)
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again).as_posix(): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [rel for rel in first if first[rel] != second[rel]] == []


def test_corpus_failed_build_leaves_the_site_and_no_temporary_folders(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    content, site = corpus
    work = tmp_path / "w"
    shutil.copytree(content, work / "content")
    shutil.copytree(site, work / "site")
    before = {p.relative_to(work / "site").as_posix(): p.read_bytes() for p in (work / "site").rglob("*") if p.is_file()}
    (work / "content" / "2022-01" / "01.md").write_text("---\nid: [broken\n---\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        build_site(work / "content", work / "site", ROOT / "mkdocs.yml", SITE_URL)
    assert "01.md" in str(info.value)
    after = {p.relative_to(work / "site").as_posix(): p.read_bytes() for p in (work / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in work.iterdir() if p.name != ".site.gazette-lock") == ["content", "site"]


def test_corpus_mkdocs_failure_midway_leaves_the_site(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    content, site = corpus
    work = tmp_path / "w"
    shutil.copytree(site, work / "site")
    before = {p.relative_to(work / "site").as_posix(): p.read_bytes() for p in (work / "site").rglob("*") if p.is_file()}
    config = tmp_path / "mkdocs.yml"  # loads, then fails inside the MkDocs build (the page tree is already written)
    config.write_text("site_name: x\ntheme:\n  name: material\nnav:\n  - x: index.md\nplugins:\n  - no-such-plugin\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build_site(content, work / "site", config, SITE_URL)
    assert "previous site was left in place" in str(info.value)
    after = {p.relative_to(work / "site").as_posix(): p.read_bytes() for p in (work / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in work.iterdir() if p.name != ".site.gazette-lock") == ["site"]


def test_document_pages_leave_out_the_navigation_tree(built_site: Path, sample_content: Path) -> None:
    """The archive's nav tree is on the home, year and issue pages, not on every document
    page (it was most of a page's weight); a document page still links its issue."""
    archive = load_archive(sample_content)
    doc = next(d for d in archive.documents.values() if d.is_public)
    page = (built_site / doc.issue_id / f"{doc.seq:02d}" / "index.html").read_text(encoding="utf-8")
    issue = (built_site / doc.issue_id / "index.html").read_text(encoding="utf-8")
    assert 'data-md-type="navigation"' not in page and 'data-md-type="navigation"' in issue
    assert "md-nav__item" in issue
    assert f'href="../"' in page or f'href="../index.html"' in page  # the issue link
