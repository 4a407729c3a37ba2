"""Whoosh search: Chinese recall, phrases, 文号 lookup, filters, publish rules, incremental updates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazette.cli import cli
from gazette.content import render_document, render_issue
from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status
from gazette.errors import ContentError
from gazette.searchindex import SearchError, build_index, default_index_dir, search, search_page
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
    assert _ids(content, "鲁政发 〔2023〕 5 号") == ["2023-01-01"]  # spaces between its parts


def test_lone_characters_join_the_words_beside_them(content: Path) -> None:
    """政 务 公 开 (letter-spaced) and 政务公 开 are the phrase 政务公开, not four words."""
    from gazette.searchindex import _segments

    assert _segments("政 务 公 开") == ["政务公开"] and _segments("政务公 开") == ["政务公开"]
    assert _segments("政务 公开") == ["政务", "公开"] and _segments('"政务" 公 开') == ["政务", "公开"]
    assert _ids(content, "政 务 公 开") == _ids(content, "政务公开") != []


def test_order_number_typed_short(content: Path) -> None:
    """A 令号 as people type it: the organ abbreviated, 第 left out, 第N号令."""
    for query in ("省政府令第336号", "山东省政府令第３３６号", "山东省人民政府令336号", "第336号令", "政府令 第336号"):
        assert _ids(content, query) == ["2023-01-02"], query
    assert _ids(content, "国务院令第336号") == []  # an organ it does not abbreviate
    assert _ids(content, "第337号令") == []


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
    from dataclasses import replace

    new = [replace(_doc("2023-02", n, Status.PUBLISHED), doc_number=f"鲁政发〔2023〕{20 + n}号", signed_date="2023-04-01")
           for n in (1, 2)]
    _write_issue(content, "2023-02", new)
    report = build_index(content)
    assert (report.added, report.updated, report.removed, report.unchanged) == (2, 0, 0, 3)
    assert _ids(content, "数据") == ["2023-01-02", "2023-02-02"]
    again = build_index(content)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def test_a_reprint_makes_one_work_and_reindexes_the_first_printing(content: Path) -> None:
    # The same 文号 and title printed again: both printings are re-indexed as one work,
    # and a text search shows the work once (a 文号 lookup shows both printings).
    _write_issue(content, "2023-02", [_doc("2023-02", 2, Status.PUBLISHED)])
    report = build_index(content)
    assert (report.added, report.updated) == (1, 1)
    assert _ids(content, "数据管理") == ["2023-01-02"]
    assert _ids(content, "山东省人民政府令第336号") == ["2023-01-02", "2023-02-02"]


def test_edited_document_is_updated(content: Path) -> None:
    path = content / "2023-01" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("规范数据管理", "规范公共数据管理"), encoding="utf-8")
    report = build_index(content)
    assert (report.updated, report.unchanged) == (1, 2)
    assert _ids(content, "公共数据") == ["2023-01-02"]


def test_phrases_and_single_characters(content: Path) -> None:
    assert _ids(content, '"推进政务公开"') == ["2023-01-01"]
    assert _ids(content, '"推进 政务公开"') == ["2023-01-01"]
    assert _ids(content, '"政务公开工作"') == ["2023-01-01"]  # in the title
    assert _ids(content, '"推进政务水平"') == []
    # One character matches anywhere, also as the last character of a run (公开。).
    assert _ids(content, "开") == ["2023-01-01", "2023-01-03"]
    assert _ids(content, "南") == ["2023-01-03"]  # 办事指南。
    # A phrase ending in a one-character run: 第一条 + 　.
    assert _ids(content, "第一条") == ["2023-01-02"]


def test_digits_and_latin_words(tmp_path: Path) -> None:
    root = tmp_path / "content"
    doc = _doc("2023-01", 1, Status.PUBLISHED)
    from dataclasses import replace

    doc = replace(doc, body=text_to_body(["推进５Ｇ网络和IPv6建设，2023年底前完成。"]))
    _write_issue(root, "2023-01", [doc])
    build_index(root)
    assert _ids(root, "5G网络") == ["2023-01-01"]
    assert _ids(root, "ipv6") == ["2023-01-01"]
    assert _ids(root, "２０２３年") == ["2023-01-01"]
    assert _ids(root, '"2023年底"') == ["2023-01-01"]
    assert _ids(root, "2024年") == []
    (hit,) = search(default_index_dir(root), "5g")
    assert "【５Ｇ】" in hit.snippet


def test_query_errors(content: Path) -> None:
    with pytest.raises(SearchError, match="unclosed quote"):
        search(default_index_dir(content), '"政务公开')
    with pytest.raises(SearchError, match="no searchable words"):
        search(default_index_dir(content), "，。！")
    with pytest.raises(SearchError, match="not one of"):
        search(default_index_dir(content), "公开", kind="law")


def test_issuer_filter_is_exact_and_suggests_names(tmp_path: Path) -> None:
    root = tmp_path / "content"
    from dataclasses import replace

    docs = [_doc("2023-01", 1, Status.PUBLISHED), replace(_doc("2023-01", 3, Status.PUBLISHED), issuer="山东省人民政府办公厅"),
            replace(_doc("2023-01", 2, Status.PUBLISHED), issuer="山东省财政厅、山东省教育厅")]
    _write_issue(root, "2023-01", docs)
    build_index(root)
    assert _ids(root, "政务", issuer="山东省人民政府") == ["2023-01-01"]
    assert _ids(root, "政务", issuer="山东省人民政府办公厅") == ["2023-01-03"]
    assert _ids(root, "数据", issuer="山东省教育厅") == ["2023-01-02"]  # one of joint issuers
    with pytest.raises(SearchError, match="山东省财政厅"):
        search(default_index_dir(root), "数据", issuer="财政厅")


def test_doc_number_snippet_and_fallback(content: Path) -> None:
    (hit,) = search(default_index_dir(content), "鲁政发［2023］5号")
    assert hit.doc_number == "鲁政发〔2023〕5号" and "【" in hit.snippet
    # A 文号 that no document has falls back to full text (here: nothing).
    assert _ids(content, "鲁政发〔2023〕6号") == []


def test_publishing_a_draft_and_deleting_a_file(content: Path) -> None:
    draft = content / "2023-01" / "04.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    report = build_index(content)
    assert (report.added, report.removed, report.unchanged) == (1, 0, 3)
    assert "2023-01-04" in _ids(content, "尚未审核")
    (content / "2023-01" / "03.md").unlink()
    report = build_index(content)
    assert (report.added, report.removed, report.unchanged) == (0, 1, 3)
    assert _ids(content, "办事指南") == []


def test_unchanged_drafts_are_not_reread(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gazette.searchindex as si

    read: list[Path] = []
    original = si.document_from_file
    monkeypatch.setattr(si, "document_from_file", lambda p: read.append(p) or original(p))
    report = build_index(content)
    assert read == [] and report.unchanged == 3


def test_duplicate_ids_are_a_content_error(content: Path) -> None:
    text = (content / "2023-01" / "01.md").read_text(encoding="utf-8")
    (content / "2023-01" / "05.md").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="also used by"):
        build_index(content)


def test_index_of_another_version_is_rebuilt(content: Path) -> None:
    state = default_index_dir(content) / "gazette-index.json"
    state.write_text('{"version": 1}', encoding="utf-8")
    with pytest.raises(SearchError, match="another version"):
        search(default_index_dir(content), "公开")
    report = build_index(content)
    assert (report.added, report.unchanged) == (3, 0)
    assert _ids(content, "公开") == ["2023-01-01", "2023-01-03"]


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchError, match="gazette index"):
        search(tmp_path / "none", "公开")
    with pytest.raises(SearchError, match=r"run `gazette index --content .*content`"):
        search(default_index_dir(tmp_path / "content"), "公开")


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


def test_cli_colours_only_on_a_terminal(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gazette.cli.search_cmds as cmds

    runner = CliRunner()
    monkeypatch.setattr(cmds, "_stdout_is_tty", lambda: True)
    coloured = runner.invoke(cli, ["search", "公开", "--content", str(content)])
    assert coloured.exit_code == 0 and "\x1b[" in coloured.stdout and "【" not in coloured.stdout
    as_json = runner.invoke(cli, ["search", "公开", "--content", str(content), "--json"])
    assert "\x1b[" not in as_json.stdout


def test_cli_filters_limit_and_help(content: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["search", "政务", "--content", str(content), "--kind", "normative", "--year", "2023",
                                 "--issuer", "山东省人民政府", "--limit", "1", "--json"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1
    none = runner.invoke(cli, ["search", "政务", "--content", str(content), "--year", "1999"])
    assert none.exit_code == 0 and none.stdout == "" and "no hits" in none.stderr
    bad = runner.invoke(cli, ["search", '"政务', "--content", str(content)])
    assert bad.exit_code == 2 and "unclosed quote" in bad.stderr
    for command in ("index", "search"):
        assert "Example:" in runner.invoke(cli, [command, "--help"]).output


def test_traditional_and_simplified_find_each_other_and_stray_spaces_vanish(tmp_path: Path) -> None:
    from dataclasses import replace

    root = tmp_path / "content"
    simplified = replace(_doc("2023-01", 1, Status.PUBLISHED), body=text_to_body(["违反本条例规定的，由国务院有关部门给予行政处罚。"]))
    traditional = replace(_doc("2023-01", 2, Status.PUBLISHED), issuer="香港特別行政區政府",
                          body=text_to_body(["本條例所稱機關，是指依法設立的行政機關。"]))
    spaced = replace(_doc("2023-01", 3, Status.PUBLISHED), body=text_to_body(["对 违 法 行 为 依法给予处 罚。"]))
    _write_issue(root, "2023-01", [simplified, traditional, spaced])
    build_index(root)
    assert _ids(root, "處罰") == ["2023-01-01", "2023-01-03"]  # traditional query, simplified texts
    assert _ids(root, "國務院") == ["2023-01-01"]
    assert _ids(root, "条例") == ["2023-01-01", "2023-01-02"]  # simplified query, a traditional text
    assert _ids(root, '"行政机关"') == ["2023-01-02"]
    assert _ids(root, "违法行为") == ["2023-01-03"]  # 违 法 行 为 in the text layer
    assert _ids(root, "公开", issuer="香港特別行政區政府") == [] and _ids(root, "机关", issuer="香港特别行政区政府") == ["2023-01-02"]
    (hit,) = search(default_index_dir(root), "行政機關")
    assert "【行政機關】" in hit.snippet  # the snippet shows the text as printed


def test_total_date_range_and_suggestion(tmp_path: Path) -> None:
    from gazette.searchindex import search_page

    root = tmp_path / "content"
    _write_issue(root, "2021-01", [_doc("2021-01", 1, Status.PUBLISHED, year=2021)], year=2021)
    _write_issue(root, "2023-01", [_doc("2023-01", 1, Status.PUBLISHED), _doc("2023-01", 3, Status.PUBLISHED)])
    build_index(root)
    index = default_index_dir(root)
    page = search_page(index, "政务", limit=1)
    assert page.total == 3 and len(page.hits) == 1
    assert {h.id for h in search_page(index, "政务", date_from="2022").hits} == {"2023-01-01", "2023-01-03"}
    assert [h.id for h in search_page(index, "政务", date_to="2021-12").hits] == ["2021-01-01"]
    assert search_page(index, "政务", date_from="2023-03-02").total == 0
    with pytest.raises(SearchError, match="not a date"):
        search_page(index, "政务", date_from="March")
    typo = search_page(index, "政物公开", correct=False)  # 物 for 务
    assert typo.total == 0 and typo.suggestion == "政务公开" and not typo.corrected and typo.hits == []
    # By default the correction's hits are shown, and the result says so.
    fixed = search_page(index, "政物公开")
    assert fixed.corrected and fixed.suggestion == "政务公开"
    assert {h.id for h in fixed.hits} == {h.id for h in search_page(index, "政务公开").hits} and fixed.total == 2
    assert "【政务公开】" in fixed.hits[0].snippet
    assert search_page(index, "政务公开").suggestion is None
    # The first character wrong, and no title has a bigram that ends in the second: every
    # character the texts have is tried before it (做好 is only in a body).
    assert search_page(index, "作好信息发布", correct=False).suggestion == "做好信息发布"


def test_cli_prints_total_and_suggestion(content: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "政务", "--content", str(content), "--limit", "1"])
    assert result.exit_code == 0 and "1 of 2 hits" in result.stderr
    result = CliRunner().invoke(cli, ["search", "政物公开", "--content", str(content), "--no-correct"])
    assert result.exit_code == 0 and "您是不是要找：政务公开" in result.stderr and result.stdout == ""
    result = CliRunner().invoke(cli, ["search", "政物公开", "--content", str(content)])
    assert result.exit_code == 0 and "以下是“政务公开”的结果" in result.stderr and "2023-01-01" in result.stdout
    result = CliRunner().invoke(cli, ["search", "政务", "--content", str(content), "--from", "2023-03-02"])
    assert result.exit_code == 0 and "no hits" in result.stderr


def test_words_standing_together_rank_first_and_punctuation_is_not_searched(tmp_path: Path) -> None:
    from dataclasses import replace

    root = tmp_path / "content"
    apart = replace(_doc("2023-01", 1, Status.PUBLISHED), title="甲", body=text_to_body(["行政机关给予处罚。行政处分，处罚决定。"]))
    together = replace(_doc("2023-01", 2, Status.PUBLISHED), title="乙", body=text_to_body(["依法给予行政处罚。" + "其他有关事项另行通知。" * 40]))
    listed = replace(_doc("2023-01", 3, Status.PUBLISHED), title="丙", body=text_to_body(["各部门、特别是财政部门要配合。"]))
    _write_issue(root, "2023-01", [apart, together, listed])
    build_index(root)
    hits = search(default_index_dir(root), "行政 处罚")
    assert [h.id for h in hits] == ["2023-01-02", "2023-01-01"]  # both words in both; together first
    assert _ids(root, '"各部门特别是"') == ["2023-01-03"]  # the 、 between them is not searched
    assert _ids(root, "行政处罚") == ["2023-01-02"]


def test_a_phrase_needs_its_characters_in_a_row_not_just_its_bigrams(tmp_path: Path) -> None:
    # Document 2 holds every bigram of 人民政府 and of 县级以上人民 (人民, 民政, 政府 …) but
    # neither phrase: only the aligned positions of document 1 may match.
    from dataclasses import replace

    root = tmp_path / "content"
    together = replace(_doc("2023-01", 1, Status.PUBLISHED), title="甲", body=text_to_body(["县级以上人民政府应当组织实施。"]))
    apart = replace(_doc("2023-01", 2, Status.PUBLISHED), title="乙", doc_number=None, issuer="某局",
                    body=text_to_body(["县级干部、以上人员、上人民群众、民政部门和政府机关。"]))
    _write_issue(root, "2023-01", [together, apart])
    build_index(root)
    for query in ("人民政府", "县级以上人民", '"县级以上人民政府"', "以上人民政府应当", "民政府"):
        assert _ids(root, query) == ["2023-01-01"], query
    assert _ids(root, "民政部门") == ["2023-01-02"]
    assert _ids(root, "组") == ["2023-01-01"]  # one character inside a run
    assert _ids(root, "民") == ["2023-01-01", "2023-01-02"]
    result = search_page(default_index_dir(root), "政府", limit=1)
    assert result.total == 2 and len(result.hits) == 1


QUERIES = ["公开", "政务公开", "法", "管理", "人民政府", '"自公布之日起施行"', "行政 处罚", "船舶 登记 管理", "鲁政办发",
           "第一条", "2023", "海关 口岸", "县级以上人民政府", "污染事故调查", "药", "本办法自", "ISO 9001", "通知"]


def _whoosh_and_fast(index_dir: Path, query: str, filters: list) -> tuple[list, list]:
    from whoosh.query import And

    from gazette.searchindex import _fast_search, _open_for_search, parse_query

    with _open_for_search(index_dir).searcher() as searcher:
        q = parse_query(query)
        q = And([q, *filters]) if filters else q
        whoosh = [(docnum, score) for score, docnum in searcher.search(q, limit=None).top_n]
        fast = [(docnum, score) for score, docnum in _fast_search(searcher, q).top_n]
    return whoosh, fast


@pytest.mark.parametrize("query", QUERIES)
def test_array_evaluation_gives_whooshs_documents_scores_and_order(sample_content: Path, tmp_path: Path, query: str) -> None:
    """The array evaluator must answer exactly as Whoosh's matchers do, on a real
    archive, in a fresh index and in one with several segments and deleted documents."""
    import shutil

    from whoosh.query import NumericRange, Term

    from gazette.content import load_archive, set_status

    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    index_dir = tmp_path / "index"
    build_index(content, index_dir)
    for filters in ([], [Term("kind", "normative")], [NumericRange("date", 20230101, 20230115)]):
        whoosh, fast = _whoosh_and_fast(index_dir, query, filters)
        assert [d for d, _ in fast] == [d for d, _ in whoosh]
        assert all(abs(a - b) <= 1e-9 * max(1.0, abs(a)) for (_, a), (_, b) in zip(whoosh, fast))
    archive = load_archive(content)
    published = sorted(d for d, doc in archive.documents.items() if doc.is_public)
    set_status(archive.paths[published[3]], Status.DRAFT)  # deleted from the index
    set_status(archive.paths["2023-01-02"], Status.PUBLISHED)  # added: a second segment
    build_index(content, index_dir)
    whoosh, fast = _whoosh_and_fast(index_dir, query, [])
    assert [d for d, _ in fast] == [d for d, _ in whoosh]
    assert all(abs(a - b) <= 1e-9 * max(1.0, abs(a)) for (_, a), (_, b) in zip(whoosh, fast))


def test_some_query_really_has_segments_and_deletions(sample_content: Path, tmp_path: Path) -> None:
    """The comparison above runs where it matters: more than one segment, deleted documents."""
    import shutil

    from gazette.content import load_archive, set_status
    from gazette.searchindex import _open_for_search

    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    index_dir = tmp_path / "index"
    build_index(content, index_dir)
    archive = load_archive(content)
    published = sorted(d for d, doc in archive.documents.items() if doc.is_public)
    set_status(archive.paths[published[3]], Status.DRAFT)
    set_status(archive.paths["2023-01-02"], Status.PUBLISHED)
    build_index(content, index_dir)
    with _open_for_search(index_dir).searcher() as searcher:
        leaves = searcher.leaf_searchers()
        assert len(leaves) > 1 or searcher.reader().has_deletions()


def test_postings_read_one_by_one_equal_the_block_reads(content: Path) -> None:
    """The evaluator's fallback for matchers without Whoosh 3's block layout reads the
    same postings as its block reads."""
    import numpy as np

    from gazette.searchindex import _Evaluator, _open_for_search

    class OneByOne:  # a matcher without the block attributes
        def __init__(self, m) -> None:  # type: ignore[no-untyped-def]
            self.m = m

        def is_active(self) -> bool:
            return self.m.is_active()

        def id(self) -> int:
            return self.m.id()

        def weight(self) -> float:
            return self.m.weight()

        def next(self) -> None:
            self.m.next()

    with _open_for_search(default_index_dir(content)).searcher() as searcher:
        sub = searcher.leaf_searchers()[0][0]
        word = searcher.schema["body"].to_bytes("政务")
        blocks = _Evaluator(sub)._postings("body", word)
        reader = sub.reader()
        plain = reader.postings
        reader.postings = lambda field, text: OneByOne(plain(field, text))  # type: ignore[method-assign]
        single = _Evaluator(sub)._postings("body", word)
    assert len(blocks[0]) >= 2
    assert np.array_equal(blocks[0], single[0]) and np.array_equal(blocks[1], single[1])


@pytest.mark.parametrize("typed, meant", [
    ("国务院有关关部门", "国务院有关部门"),  # a character typed twice
    ("国务院有部门", "国务院有关部门"),  # one left out
    ("给予行政罚处", "给予行政处罚"),  # two swapped
])
def test_suggestion_undoes_a_doubled_missing_or_swapped_character(tmp_path: Path, typed: str, meant: str) -> None:
    from dataclasses import replace

    from gazette.searchindex import search_page

    root = tmp_path / "content"
    body = replace(_doc("2023-01", 1, Status.PUBLISHED), body=text_to_body(["违反本条例规定的，由国务院有关部门给予行政处罚。"]))
    other = replace(_doc("2023-01", 2, Status.PUBLISHED), body=text_to_body(["有关单位的部门负责人，处罚决定，关于行政罚款。"]))
    _write_issue(root, "2023-01", [body, other])
    build_index(root)
    result = search_page(default_index_dir(root), typed, correct=False)
    assert result.total == 0 and result.suggestion == meant
