"""Whoosh search: Chinese recall, phrases, 文号 lookup, filters, publish rules, incremental updates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazette.cli import cli
from gazette.content import render_document, render_issue
from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status
from gazette.searchindex import SearchError, build_index, default_index_dir, search
from gazette.structure import text_to_body

TEXTS = {
    1: ("山东省人民政府关于加强政务公开工作的通知", Kind.NORMATIVE, "鲁政发〔2023〕5号", "各级政府要全面推进政务公开，做好信息发布。"),
    2: ("山东省数据管理办法", Kind.REGULATION, "山东省人民政府令第336号", "第一条　为了规范数据管理，制定本办法。"),
    3: ("关于政务服务的意见", Kind.NORMATIVE, "鲁政办发〔2023〕7号", "提升政务水平。各部门应当及时公开办事指南。"),
    4: ("草稿文件", Kind.OTHER, None, "尚未审核的政务公开内容。"),
}


def _doc(issue_id: str, seq: int, status: Status, year: int = 2023) -> Document:
    title, kind, number, text = TEXTS[seq]
    return Document(
        id=f"{issue_id}-{seq:02d}", issue_id=issue_id, seq=seq, title=title, kind=kind, doc_number=number,
        issuer="山东省人民政府", signed_date=f"{year}-03-01", effective_date=None, section=None,
        source=SourceRef(f"{issue_id}.pdf", "0" * 64, (seq, seq), (seq, seq)), body=text_to_body([title, text]),
        status=status,
    )


def _write_issue(content: Path, issue_id: str, docs: list[Document], year: int = 2023) -> None:
    folder = content / issue_id
    folder.mkdir(parents=True, exist_ok=True)
    issue = Issue(issue_id, IssueMeta("山东省人民政府公报", year, int(issue_id[-2:]), None, f"{year}-03-10"),
                  f"{issue_id}.pdf", "0" * 64, 10, (), tuple(d.id for d in docs))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    for doc in docs:
        (folder / f"{doc.seq:02d}.md").write_text(render_document(doc), encoding="utf-8")


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    _write_issue(root, "2023-01", [_doc("2023-01", 1, Status.PUBLISHED), _doc("2023-01", 2, Status.PUBLISHED),
                                   _doc("2023-01", 3, Status.PUBLISHED), _doc("2023-01", 4, Status.DRAFT)])
    build_index(root)
    return root


def _ids(content: Path, query: str, **kw: object) -> list[str]:
    return sorted(h.id for h in search(default_index_dir(content), query, **kw))


def test_two_characters_match_inside_longer_words(content: Path) -> None:
    # 公开 appears only inside 政务公开 in document 1, and on its own in document 3.
    assert _ids(content, "公开") == ["2023-01-01", "2023-01-03"]
    assert _ids(content, "务公") == ["2023-01-01"]


def test_longer_terms_are_phrases_not_loose_words(content: Path) -> None:
    # Document 3 has 政务 and 公开 but not 政务公开.
    assert _ids(content, "政务公开") == ["2023-01-01"]
    assert _ids(content, '"政务 公开"') == ["2023-01-01"]  # spaces inside a Chinese phrase do not matter
    assert _ids(content, "政务 公开") == ["2023-01-01", "2023-01-03"]  # two words, ANDed


def test_doc_number_lookup_in_any_bracket_style(content: Path) -> None:
    for query in ("鲁政发〔2023〕5号", "鲁政发[2023]5号", "鲁政发［２０２３］５号", "鲁政发(2023)5号"):
        assert _ids(content, query) == ["2023-01-01"], query
    assert _ids(content, "山东省人民政府令第336号") == ["2023-01-02"]


def test_filters(content: Path) -> None:
    assert _ids(content, "政务", kind="normative") == ["2023-01-01", "2023-01-03"]
    assert _ids(content, "数据", kind="normative") == []
    assert _ids(content, "数据", year=2023) == ["2023-01-02"]
    assert _ids(content, "数据", year=2022) == []
    assert _ids(content, "政务", issuer="山东省人民政府") == ["2023-01-01", "2023-01-03"]


def test_snippets_mark_the_match(content: Path) -> None:
    (hit,) = search(default_index_dir(content), "务公")
    assert "政【务公】开" in hit.snippet


def test_drafts_are_never_indexed_and_unpublishing_removes(content: Path) -> None:
    assert "2023-01-04" not in _ids(content, "政务公开内容")
    path = content / "2023-01" / "01.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: published", "status: withheld"), encoding="utf-8")
    report = build_index(content)
    assert (report.removed, report.added, report.updated) == (1, 0, 0)
    assert _ids(content, "务公") == []


def test_incremental_update_adds_only_the_new_issue(content: Path) -> None:
    _write_issue(content, "2023-02", [_doc("2023-02", 1, Status.PUBLISHED), _doc("2023-02", 2, Status.PUBLISHED)])
    report = build_index(content)
    assert (report.added, report.updated, report.removed, report.unchanged) == (2, 0, 0, 3)
    assert _ids(content, "数据") == ["2023-01-02", "2023-02-02"]
    again = build_index(content)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def test_edited_document_is_updated(content: Path) -> None:
    path = content / "2023-01" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("规范数据管理", "规范公共数据管理"), encoding="utf-8")
    report = build_index(content)
    assert (report.updated, report.unchanged) == (1, 2)
    assert _ids(content, "公共数据") == ["2023-01-02"]


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchError, match="gazette index"):
        search(tmp_path / "none", "公开")


def test_cli_index_and_search(content: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["index", "--content", str(content), "--rebuild"])
    assert result.exit_code == 0 and "3 added" in result.output
    result = runner.invoke(cli, ["search", "政务公开", "--content", str(content), "--json"])
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [h["id"] for h in hits] == ["2023-01-01"] and "【" in hits[0]["snippet"]
    plain = runner.invoke(cli, ["search", "公开", "--content", str(content)])
    assert "1. " in plain.stdout and "\x1b[" not in plain.stdout
    missing = runner.invoke(cli, ["search", "公开", "--content", str(content / "nope")])
    assert missing.exit_code == 2 and "gazette index" in missing.output
