"""The static site from a real `mkdocs build` + Pagefind run over the sample archive."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import zlib
from pathlib import Path

import pytest

from gazette.content import load_archive
from gazette.errors import BuildError
from gazette.site import build_site
from gazette.structure import article_anchors, body_to_text

from conftest import ROOT

HIDDEN = ("2023-01-02", "2023-03-02")  # a draft and a withheld document


def _titles(content: Path) -> dict[str, str]:
    return {d.id: d.title for d in load_archive(content).documents.values()}


def _pagefind_text(site: Path) -> str:
    """Every Pagefind fragment and index chunk, decompressed, as one string."""
    chunks = []
    for path in sorted((site / "pagefind").rglob("*.pf_*")):
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
    page = (built_site / "2023-02" / "06" / "index.html").read_text(encoding="utf-8")
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
            assert doc_id not in text and unique not in text and f">{hidden.title}<" not in text, path
    assert unique[:30] not in _pagefind_text(built_site)


def test_search_index_holds_published_documents(built_site: Path, sample_content: Path) -> None:
    text = _pagefind_text(built_site)
    published = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    assert all(d.title in text for d in published)


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


def test_build_is_deterministic(built_site: Path, sample_content: Path, tmp_path: Path) -> None:
    again = tmp_path / "site"
    build_site(sample_content, again, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    first = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    # Pagefind writes its filter table in hash-map order, so these three files (whose
    # names are content hashes) may differ between builds; see docs/site.md.
    unstable = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")
    stable_first = [p for p in first if not unstable.match(p.as_posix())]
    stable_second = [p for p in second if not unstable.match(p.as_posix())]
    assert stable_first == stable_second
    differing = [str(rel) for rel in stable_first if (built_site / rel).read_bytes() != (again / rel).read_bytes()]
    assert differing == []


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
    unstable = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file() and not unstable.match(p.relative_to(a).as_posix()))
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file() and not unstable.match(p.relative_to(b).as_posix()))
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
