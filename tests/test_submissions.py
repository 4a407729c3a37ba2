"""部门文件报送: working days (official 2024 schedule), submissions.jsonl, CSV import,
matching against an archive, the 报送选登情况通报 report and the CLI.

Expected working days are written from the State Council's 2024 schedule
(国办发明电〔2023〕7号), not from the code: 春节 2月10日至17日放假, 2月4日（星期日）、
2月18日（星期日）上班; 中秋 9月15日至17日放假, 9月14日（星期六）上班; 国庆 10月1日至7日放假,
9月29日（星期日）、10月12日（星期六）上班.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from pathlib import Path

import chinese_calendar
import pytest
from click.testing import CliRunner

from gazette.cli import cli
from gazette.content import load_archive, render_document, render_issue
from gazette.desk import submissions as subs
from gazette.desk.workdays import add_working_days, covered_years, is_workday, working_days_between
from gazette.errors import ContentError, ExitCode, GazetteError
from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status

D = dt.date
importlib.import_module("gazette.cli.submission_cmds")  # registers `gazette submissions` (until cli/__init__ does)
SAMPLE_CSV = Path(__file__).parent / "resources" / "submissions-sample.csv"


# ---------------------------------------------------------------- working days

def test_covered_years_are_the_packages() -> None:
    years = covered_years()
    assert 2024 in years
    assert years.stop - 1 == max(day.year for day in chinese_calendar.holidays)
    assert years.start == min(day.year for day in chinese_calendar.holidays)


def test_spring_festival_2024_with_make_up_sundays() -> None:
    assert is_workday(D(2024, 2, 4)) and is_workday(D(2024, 2, 18))  # 调休上班的星期日
    assert is_workday(D(2024, 2, 9))  # 除夕 is a working day (rest only "encouraged")
    assert not any(is_workday(D(2024, 2, day)) for day in range(10, 18))
    # issued Thursday 8 Feb: 9 Feb (1), Sun 18 Feb (2), 19 (3), 20 (4), 21 (5)
    assert add_working_days(D(2024, 2, 8), 5).date == D(2024, 2, 21)
    assert working_days_between(D(2024, 2, 8), D(2024, 2, 21)).days == 5
    assert working_days_between(D(2024, 2, 8), D(2024, 2, 22)).days == 6
    # issued Thursday 1 Feb: 2 Feb (1), Sun 4 Feb (2), 5 (3), 6 (4), 7 (5): a day earlier than Monday–Friday
    assert add_working_days(D(2024, 2, 1), 5).date == D(2024, 2, 7)


def test_national_day_and_mid_autumn_2024() -> None:
    assert is_workday(D(2024, 9, 29)) and is_workday(D(2024, 10, 12)) and is_workday(D(2024, 9, 14))
    assert not any(is_workday(D(2024, 10, day)) for day in range(1, 8))
    # issued Friday 27 Sep: Sun 29 Sep (1), 30 Sep (2), 8 Oct (3), 9 (4), 10 (5)
    assert add_working_days(D(2024, 9, 27), 5).date == D(2024, 10, 10)
    assert working_days_between(D(2024, 9, 27), D(2024, 10, 12)).days == 7  # Saturday 12 Oct counts
    assert working_days_between(D(2024, 9, 27), D(2024, 10, 13)).days == 7  # Sunday 13 Oct does not
    # issued Friday 13 Sep: Sat 14 Sep (1), 18 (2), 19 (3), 20 (4), 23 (5)
    assert add_working_days(D(2024, 9, 13), 5).date == D(2024, 9, 23)


def test_day_of_issue_is_day_zero() -> None:
    assert working_days_between(D(2024, 3, 4), D(2024, 3, 4)).days == 0
    assert working_days_between(D(2024, 3, 4), D(2024, 3, 5)).days == 1
    assert working_days_between(D(2024, 3, 9), D(2024, 3, 11)).days == 1  # issued on a Saturday
    assert add_working_days(D(2024, 3, 4), 0).date == D(2024, 3, 4)
    with pytest.raises(ValueError):
        add_working_days(D(2024, 3, 4), -1)
    assert not working_days_between(D(2024, 2, 8), D(2024, 2, 21)).estimated


def _first_monday_of_march(year: int) -> dt.date:
    day = D(year, 3, 1)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def test_beyond_the_calendar_is_monday_to_friday_and_marked() -> None:
    year = covered_years().stop  # the first year the package does not know
    monday = _first_monday_of_march(year)
    deadline = add_working_days(monday, 5)
    assert deadline.date == monday + dt.timedelta(days=7) and deadline.estimated_years == (year,)
    assert deadline.note == f"（日历未覆盖 {year} 年，按周一至周五估算）"
    count = working_days_between(monday, monday + dt.timedelta(days=12))  # Tue–Fri, Mon–Fri, Sat
    assert (count.days, count.estimated) == (9, True)
    across = working_days_between(D(year - 1, 12, 20), D(year, 1, 10))
    assert across.estimated_years == (year,)
    before = working_days_between(D(2003, 6, 2), D(2003, 6, 9))  # before the first covered year
    assert (before.days, before.estimated_years) == (5, (2003,))


# ---------------------------------------------------------------- the record and its file

def _sub(department: str = "山东省财政厅", title: str = "山东省省级预算管理办法", issued: dt.date = D(2024, 2, 8),
         received: dt.date = D(2024, 2, 21), doc_number: str | None = "鲁财规〔2024〕1号", **extra: str) -> subs.Submission:
    return subs.make_submission(department, title, issued, received, doc_number, **extra)


def test_id_is_derived_from_normalised_content() -> None:
    a = _sub(doc_number="鲁财规〔2024〕1号")
    assert _sub(doc_number="鲁财规［２０２４］１号").id == a.id == _sub(doc_number="鲁财规 (2024) 01 号").id
    assert _sub(title="山东省省级预算管理办法 ").id == a.id
    assert _sub(received=D(2024, 2, 22)).id == a.id  # the receipt date is not part of the identity
    assert _sub(issued=D(2024, 2, 9)).id != a.id and _sub(doc_number=None).id != a.id
    assert len(a.id) == 12


def test_make_submission_refuses_bad_values() -> None:
    with pytest.raises(GazetteError, match="before 印发日期"):
        _sub(issued=D(2024, 2, 8), received=D(2024, 2, 7))
    with pytest.raises(GazetteError, match="部门"):
        _sub(department="  ")
    with pytest.raises(GazetteError, match="YYYY-MM-DD"):
        subs.parse_day("next week")
    assert subs.parse_day("２０２４年２月５日") == subs.parse_day("2024/2/5") == subs.parse_day("20240205") == D(2024, 2, 5)


def test_add_writes_sorted_lines_and_refuses_duplicates(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    late = subs.add_submission(content, _sub(received=D(2024, 3, 1)))
    early = subs.add_submission(content, _sub(title="山东省政府采购管理办法", doc_number="鲁财规〔2024〕2号"))
    lines = subs.submissions_path(content).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [early.id, late.id]
    assert lines[0] == json.dumps(json.loads(lines[0]), ensure_ascii=False, sort_keys=True) and "山东" in lines[0]
    assert subs.load_submissions(content) == (early, late)
    with pytest.raises(GazetteError, match="line 2 already records this submission"):
        subs.add_submission(content, late)
    with pytest.raises(GazetteError, match="gazette submissions set") as info:
        subs.add_submission(content, _sub(received=D(2024, 3, 5)))
    assert info.value.exit_code == ExitCode.BAD_ARGS


def test_only_the_changed_line_is_rewritten(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    hand = ('{"title": "山东省政府采购管理办法",  "department": "山东省财政厅", "issued": "2024-01-05", '
            '"received": "2024-01-09"}\r\n')
    other = _sub(received=D(2024, 3, 1))
    subs.submissions_path(content).write_text(hand + subs.to_line(other) + "\n", encoding="utf-8", newline="")
    new = subs.add_submission(content, _sub(title="山东省国有资产管理办法", issued=D(2024, 1, 29), received=D(2024, 2, 1)))
    raw = subs.submissions_path(content).read_bytes().decode("utf-8")
    assert raw.startswith(hand) and raw.endswith(subs.to_line(other) + "\n")
    assert raw.splitlines()[1] == subs.to_line(new)
    handwritten = subs.load_submissions(content)[0]  # no id in the line: derived
    assert handwritten.id == subs.submission_id("山东省财政厅", "山东省政府采购管理办法", D(2024, 1, 5), None)
    from dataclasses import replace
    subs.replace_submission(content, replace(other, not_selected_reason="已由部门官网公开"))
    after = subs.submissions_path(content).read_bytes().decode("utf-8")
    assert after.startswith(hand + subs.to_line(new) + "\n") and "已由部门官网公开" in after.splitlines()[2]


@pytest.mark.parametrize("line, message", [
    ("{not json", "line 1: not a JSON object"),
    ('{"department": "a", "title": "b", "issued": "2024-01-05", "received": "2024-01-09", "titel": "x"}', "unknown key 'titel'"),
    ('{"department": "a", "department": "c", "title": "b", "issued": "2024-01-05", "received": "2024-01-09"}', "given twice"),
    ('{"department": "a", "title": "b", "issued": "2024-02-30", "received": "2024-03-09"}', "not a day of the calendar"),
    ('{"department": "a", "title": "b", "received": "2024-03-09"}', "issued"),
    ('[1, 2]', "JSON object"),
])
def test_malformed_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    content = tmp_path / "content"
    content.mkdir()
    subs.submissions_path(content).write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ContentError, match=message) as info:
        subs.load_submissions(content)
    assert "submissions.jsonl: line 1:" in info.value.message


def test_writing_needs_the_content_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="no such content folder"):
        subs.add_submission(tmp_path / "missing", _sub())
    assert subs.load_submissions(tmp_path / "missing") == ()


# ---------------------------------------------------------------- CSV import

def test_import_sample_csv_reports_the_broken_row(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    report = subs.import_csv(content, SAMPLE_CSV)
    assert [s.department for s in report.added] == ["山东省财政厅", "山东省教育厅", "山东省商务厅"]
    (problem,) = report.problems
    assert problem.line == 4 and "2024-13-01" in str(problem) and "YYYY-MM-DD" in str(problem)
    assert str(problem).startswith(f"{SAMPLE_CSV}: line 4: ")
    assert [s.doc_number for s in subs.load_submissions(content)] == ["鲁财规［２０２４］１号", "鲁商字〔2024〕9号", None]
    again = subs.import_csv(content, SAMPLE_CSV)
    assert again.added == () and [line for line, _ in again.already] == [2, 3, 5] and len(again.problems) == 1


def test_import_english_header_gbk_and_bad_rows(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    csv_file = tmp_path / "in.csv"
    csv_file.write_bytes(("Department,Title,Doc_Number,Issued,Received,Extra\n"
                          "山东省民政厅,山东省养老服务条例实施办法,,2024-05-06,2024-05-10,x,,\n"
                          "\n"
                          "山东省民政厅,,,2024-05-06,2024-05-10,\n"
                          "山东省民政厅,多一格,,2024-05-06,2024-05-10,x,y\n"
                          "山东省民政厅,报送早于印发,,2024-05-06,2024-05-01,\n").encode("gb18030"))
    report = subs.import_csv(content, csv_file)
    assert [s.title for s in report.added] == ["山东省养老服务条例实施办法"]
    assert report.ignored_columns == ("Extra",)
    assert [(p.line, p.message.split(";")[0]) for p in report.problems] == [
        (4, "标题 (title) is empty"), (5, "has 7 cells but the header names 6"),
        (6, "报送日期 2024-05-01 is before 印发日期 2024-05-06")]


def test_import_refuses_a_file_without_the_columns(tmp_path: Path) -> None:
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("部门,标题\n山东省民政厅,某办法\n", encoding="utf-8")
    with pytest.raises(GazetteError, match="no column 印发日期/issued, 报送日期/received") as info:
        subs.import_csv(tmp_path, csv_file)
    assert info.value.exit_code == ExitCode.INPUT_FILE and str(csv_file) in info.value.message


def test_late_submissions_and_limit() -> None:
    on_time, late = _sub(), _sub(title="迟报的办法", received=D(2024, 2, 22))
    assert [s for s, _ in subs.late_submissions([on_time, late])] == [late]
    assert subs.late_submissions([on_time, late], limit=6) == []
    (_, t), = subs.late_submissions([late])
    assert (t.working_days.days, t.deadline.date, t.label) == (6, D(2024, 2, 21), "逾期（6个工作日，应在5个工作日内）")


# ---------------------------------------------------------------- matching and the report

def _doc(issue_id: str, seq: int, title: str, doc_number: str | None, issuer: str | None,
         pages: tuple[int, int]) -> Document:
    return Document(id=f"{issue_id}-{seq:02d}", issue_id=issue_id, seq=seq, title=title, kind=Kind.NORMATIVE,
                    doc_number=doc_number, issuer=issuer, signed_date=None, effective_date=None, section=None,
                    source=SourceRef(f"{issue_id}.pdf", "0" * 64, pages, pages), body=f"{title}\n\n正文。\n",
                    status=Status.PUBLISHED)


def _write_issue(content: Path, issue_id: str, date: str, docs: list[Document]) -> None:
    folder = content / issue_id
    folder.mkdir(parents=True)
    year, number = (int(x) for x in issue_id.split("-"))
    issue = Issue(issue_id, IssueMeta("山东省人民政府公报", year, number, None, date), f"{issue_id}.pdf", "0" * 64, 40, (),
                  tuple(d.id for d in docs))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    for doc in docs:
        (folder / f"{doc.seq:02d}.md").write_text(render_document(doc), encoding="utf-8")


def _issue_2024_20(content: Path) -> None:
    _write_issue(content, "2024-20", "2024-10-25", [
        _doc("2024-20", 1, "山东省中小学招生工作规定", None, "山东省教育厅、山东省公安厅", (3, 8)),
        _doc("2024-20", 2, "关于开展校园安全检查的通知", None, "山东省应急管理厅", (9, 9)),
    ])


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    _write_issue(folder, "2023-24", "2023-12-20", [_doc("2023-24", 1, "山东省省级预算管理办法", None, "山东省财政厅", (1, 4))])
    _write_issue(folder, "2024-05", "2024-03-01", [_doc("2024-05", 1, "山东省省级预算管理办法", "鲁财规〔2024〕1号",
                                                        "山东省财政厅", (5, 12))])
    return folder


def test_matching_by_doc_number_then_issuer_and_title(content: Path) -> None:
    _issue_2024_20(content)
    index = subs.PrintIndex(load_archive(content))
    (by_number,) = index.find(_sub(doc_number="鲁财规［２０２４］１号"))
    assert (by_number.document_id, by_number.issue_label, by_number.pages_label, by_number.matched_by) == (
        "2024-05-01", "2024年第5期", "第5—12页", "doc_number")
    (by_title,) = index.find(_sub(doc_number=None))  # the 2023 printing of the same title is older than the issue date
    assert by_title.document_id == "2024-05-01" and by_title.matched_by == "issuer_title"
    joint = _sub("省教育厅", "《山东省中小学招生 工作规定》", D(2024, 9, 27), D(2024, 10, 12), None)
    assert [p.label for p in index.find(joint)] == ["2024年第20期第3—8页《山东省中小学招生工作规定》"]
    assert index.find(_sub("山东省教育厅", "关于开展校园安全检查的通知", D(2024, 9, 2), D(2024, 9, 3), None)) == ()


def test_report_follows_the_archive(content: Path) -> None:
    subs.import_csv(content, SAMPLE_CSV)
    period = (D(2024, 1, 1), D(2024, 12, 31))
    before = subs.build_report(subs.load_submissions(content), load_archive(content), *period)
    assert [(d.department, d.submitted, d.on_time, d.late, d.printed) for d in before.departments] == [
        ("山东省商务厅", 1, 1, 0, 0), ("山东省教育厅", 1, 0, 1, 0), ("山东省财政厅", 1, 1, 0, 1)]
    assert before.report_date == D(2024, 12, 31)
    assert before.departments[0].entries[0].outcome == "未刊登：内部工作制度，不宜公开刊登"
    assert before.departments[1].entries[0].outcome == "未刊登"
    _issue_2024_20(content)  # the next issue is ingested
    after = subs.build_report(subs.load_submissions(content), load_archive(content), *period)
    assert after.departments[1].entries[0].outcome == "已刊登：2024年第20期第3—8页《山东省中小学招生工作规定》"
    rows = subs.report_csv(after).splitlines()
    assert rows[0].split(",") == list(subs.REPORT_COLUMNS)
    assert rows[2].split(",")[:12] == ["山东省教育厅", "《山东省中小学招生工作规定》", "", "2024-09-27", "2024-10-12", "7", "逾期",
                                       "已刊登", "2024年第20期", "山东省中小学招生工作规定", "第3—8页", "2024-20-01"]
    assert subs.report_summary_csv(after).splitlines()[-1] == "合计,3,2,1,2,1"
    assert subs.report_csv(after) == subs.report_csv(subs.build_report(subs.load_submissions(content),
                                                                       load_archive(content), *period))


def test_report_period_and_estimate(content: Path) -> None:
    year = covered_years().stop
    issued = _first_monday_of_march(year)
    subs.add_submission(content, _sub(title="未来的办法", issued=issued, received=issued + dt.timedelta(days=2)))
    subs.add_submission(content, _sub())
    report = subs.build_report(subs.load_submissions(content), load_archive(content), D(year, 1, 1), D(year, 12, 31),
                               D(year + 1, 1, 5))
    (entry,) = report.entries
    assert report.estimated_years == (year,) and entry.timeliness.working_days.days == 2
    assert f"（日历未覆盖 {year} 年，按周一至周五估算）" in subs.report_csv(report)
    html_page = subs.report_html(report)
    assert f"日历未覆盖 {year} 年" in html_page and f"通报日期：{year + 1}年1月5日" in html_page
    with pytest.raises(GazetteError, match="swap them"):
        subs.build_report((), load_archive(content), D(2024, 2, 1), D(2024, 1, 1))


HOSTILE = '<script>alert("x")</script>&'


def test_report_escapes_every_value(content: Path) -> None:
    subs.add_submission(content, _sub(HOSTILE, "<img src=x onerror=alert(1)>", doc_number=None, note='"><b>',
                                      not_selected_reason="<i>不刊</i>"))
    subs.add_submission(content, _sub("=cmd|' /C calc'!A0", "公式", doc_number=None))
    report = subs.build_report(subs.load_submissions(content), load_archive(content), D(2024, 1, 1), D(2024, 12, 31))
    page = subs.report_html(report)
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;" in page and "&lt;i&gt;不刊&lt;/i&gt;" in page
    assert "@media print" in page and "default-src 'none'" in page
    assert "http://" not in page and "https://" not in page
    tags = {tag.lower() for tag in re.findall(r"<(/?[a-zA-Z!][a-zA-Z0-9]*)", page)}
    assert {t.lstrip("/") for t in tags} <= {"!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p",
                                             "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "section", "br",
                                             "span"}
    table = subs.report_csv(report)
    assert "'=cmd|' /C calc'!A0" in table and HOSTILE.replace('"', '""') in table


# ---------------------------------------------------------------- CLI

def _run(*args: str) -> object:
    return CliRunner().invoke(cli, ["submissions", *args])


def test_cli_add_list_set(content: Path) -> None:
    c = ["--content", str(content)]
    added = _run("add", *c, "--department", "山东省财政厅", "--title", "山东省省级预算管理办法", "--doc-number",
                 "鲁财规[2024]1号", "--issued", "2024-02-08", "--received", "2024年2月22日")
    assert added.exit_code == 0, added.output
    sub_id = added.stdout.strip()
    assert sub_id == _sub().id and "逾期（6个工作日" in added.stderr
    again = _run("add", *c, "--department", "山东省财政厅", "--title", "山东省省级预算管理办法", "--doc-number",
                 "鲁财规〔2024〕1号", "--issued", "2024-02-08", "--received", "2024-02-22")
    assert again.exit_code == ExitCode.BAD_ARGS and again.stderr.startswith("error: ") and "already records" in again.stderr
    bad = _run("add", *c, "--department", "x", "--title", "y", "--issued", "2024-02-30", "--received", "2024-03-01")
    assert bad.exit_code == 2 and "not a day of the calendar" in bad.stderr
    listed = _run("list", *c, "--late")
    assert listed.exit_code == 0 and listed.stdout.split("\t")[0] == sub_id and listed.stdout.rstrip().endswith("late")
    (record,) = [json.loads(line) for line in _run("list", *c, "--json").stdout.splitlines()]
    assert (record["working_days"], record["deadline"], record["late"]) == (6, "2024-02-21", True)
    assert _run("list", *c, "--late", "--limit", "6").stdout == ""
    changed = _run("set", sub_id, *c, "--not-selected-reason", "已在部门网站公开")
    assert changed.exit_code == 0, changed.output
    assert subs.load_submissions(content)[0].not_selected_reason == "已在部门网站公开"
    assert _run("set", "nosuchid", *c, "--note", "x").exit_code == ExitCode.BAD_ARGS


def test_cli_import_exit_codes(content: Path, tmp_path: Path) -> None:
    result = _run("import", str(SAMPLE_CSV), "--content", str(content))
    assert result.exit_code == ExitCode.PARTIAL
    assert f"error: {SAMPLE_CSV}: line 4: 印发日期 (issued) '2024-13-01'" in result.stderr
    assert "3 submission(s) added, 0 already recorded, 1 row(s) with problems" in result.stderr
    broken = tmp_path / "broken.csv"
    broken.write_text("部门,标题,印发日期,报送日期\n山东省民政厅,某办法,昨天,2024-05-10\n", encoding="utf-8")
    assert _run("import", str(broken), "--content", str(content)).exit_code == ExitCode.INPUT_FILE
    missing = _run("import", str(tmp_path / "nope.csv"), "--content", str(content))
    assert missing.exit_code == ExitCode.INPUT_FILE and "cannot read it" in missing.stderr


def test_cli_report_csv_and_html(content: Path, tmp_path: Path) -> None:
    _run("import", str(SAMPLE_CSV), "--content", str(content))
    c = ["--content", str(content), "--from", "2024-01-01", "--to", "2024-12-31"]
    table = _run("report", *c)
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0].startswith("部门,标题,文号") and len(table.stdout.splitlines()) == 4
    assert "3 submission(s) from 3 department(s)" in table.stderr
    out = tmp_path / "通报.html"
    page = _run("report", *c, "--format", "html", "--output", str(out), "--date", "2025-01-06")
    assert page.exit_code == 0 and page.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "通报日期：2025年1月6日" in text and "山东省人民政府公报" in text
    summary = tmp_path / "summary.csv"
    assert _run("report", *c, "--format", "csv-summary", "--output", str(summary)).exit_code == 0
    assert summary.read_bytes().startswith("\ufeff部门,报送件数".encode("utf-8"))
    assert _run("report", "--content", str(content), "--from", "2024-01-01").exit_code == 2  # --to is required


def test_ingest_names_the_submissions_an_issue_prints(tmp_path: Path) -> None:
    from gazette.ingest import ingest_pdf

    mini = Path(__file__).parent / "resources" / "mini-issue.pdf"
    doc = next(d for d in ingest_pdf(mini).documents if d.doc_number)
    content = tmp_path / "content"
    content.mkdir()
    subs.add_submission(content, subs.make_submission(doc.issuer or "山东省人民政府", doc.title, dt.date(2021, 1, 4), dt.date(2021, 1, 8),
                                            doc.doc_number))
    subs.add_submission(content, subs.make_submission("山东省财政厅", "未刊登的文件", dt.date(2021, 1, 4), dt.date(2021, 1, 8)))
    result = CliRunner().invoke(cli, ["ingest", str(mini), "--content", str(content)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("submission:")]
    assert lines == [f"submission: {doc.issuer or '山东省人民政府'} 《{doc.title}》 (received 2021-01-08) is printed as "
                     f"{doc.id} in 2021年第5期 (matched by 文号)"]
