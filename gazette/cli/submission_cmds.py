"""``gazette submissions``: 部门文件报送 (add, import, list, set) and the 报送选登情况通报 report."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import click

from ..content import atomic_write, load_archive
from ..desk import submissions as subs
from ..desk.workdays import estimate_note
from ..errors import ExitCode, GazetteError
from . import cli
from .options import content_option


def _day(_ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A date option (2024-02-05, 2024/2/5, 2024年2月5日 …) as a date."""
    if value is None:
        return None
    try:
        return subs.parse_day(value, f"--{param.name}")
    except GazetteError as exc:
        raise click.BadParameter(exc.message) from None


_limit_option = click.option("--limit", type=click.IntRange(min=0), default=subs.DEFAULT_LIMIT, show_default=True,
                             help="Working days after the issue date within which a document is on time.")


@cli.group()
def submissions() -> None:
    """部门文件报送: documents departments send to the gazette office (docs/submissions.md).

    Departments send each normative document within 5 working days of issuing it. The
    submissions are kept in content/submissions.jsonl; whether each was printed is found
    in the archive whenever a report is made.

    \b
    Example:
        gazette submissions import received-2024-02.csv --content content/
        gazette submissions report --from 2024-01-01 --to 2024-03-31 --format html --output 通报.html
    """


def _describe(sub: subs.Submission, t: subs.Timeliness) -> str:
    return f"{sub.id}: {sub.department}《{sub.title}》 {t.label}{t.note}"


@submissions.command("add")
@content_option
@click.option("--department", required=True, help="The department that sent it (部门), e.g. 山东省财政厅.")
@click.option("--title", required=True, help="The document's title (标题).")
@click.option("--doc-number", help="Its 文号, e.g. 鲁财规〔2024〕1号 (any bracket style).")
@click.option("--issued", required=True, callback=_day, help="印发日期, YYYY-MM-DD.")
@click.option("--received", required=True, callback=_day, help="报送日期 (the day the office received it), YYYY-MM-DD.")
@click.option("--note", help="备注.")
@click.option("--not-selected-reason", help="Why the office does not print it (未刊登原因).")
@_limit_option
def add_cmd(content_dir: Path, department: str, title: str, doc_number: str | None, issued: dt.date,
            received: dt.date, note: str | None, not_selected_reason: str | None, limit: int) -> None:
    """Record one submission; prints its id on stdout.

    The same document (department, 文号, title and 印发日期) cannot be recorded twice; use
    `gazette submissions set` to change a recorded one.

    \b
    Example:
        gazette submissions add --department 山东省财政厅 --title 山东省省级预算管理办法 \\
            --doc-number 鲁财规〔2024〕1号 --issued 2024-02-08 --received 2024-02-21
    """
    sub = subs.add_submission(content_dir, subs.make_submission(department, title, issued, received, doc_number,
                                                                note, not_selected_reason))
    click.echo(sub.id)
    click.echo(f"added {_describe(sub, subs.timeliness(sub, limit))}", err=True)


@submissions.command("import")
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(dir_okay=False, path_type=Path))
@content_option
def import_cmd(csv_file: Path, content_dir: Path) -> None:
    """Record the submissions listed in a CSV file (UTF-8 or GB18030).

    The first line names the columns, in Chinese or English: 部门/department,
    标题/title, 文号/doc_number, 印发日期/issued, 报送日期/received, 备注/note, and
    optionally 未刊登原因/not_selected_reason. A row with a problem is named on stderr and
    not imported; the other rows are (exit status 6). Rows already recorded are skipped,
    so a corrected file can be imported again.

    \b
    Example:
        gazette submissions import received-2024-02.csv --content content/
    """
    report = subs.import_csv(content_dir, csv_file)
    for column in report.ignored_columns:
        click.echo(f"warning: {csv_file}: column {column!r} is not one Gazette knows; it was ignored", err=True)
    for line, sub in report.already:
        click.echo(f"skipped: {csv_file}: line {line}: already recorded ({sub.id})", err=True)
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(f"{csv_file}: {len(report.added)} submission(s) added, {len(report.already)} already recorded, "
               f"{len(report.problems)} row(s) with problems", err=True)
    if report.problems:
        code = ExitCode.PARTIAL if report.added or report.already else ExitCode.INPUT_FILE
        raise GazetteError(f"{csv_file}: {len(report.problems)} row(s) not imported; correct them and import the file "
                           "again (rows already recorded are skipped)", code)


def _json(sub: subs.Submission, t: subs.Timeliness) -> str:
    record = json.loads(subs.to_line(sub))
    record.update(working_days=t.working_days.days, deadline=t.deadline.date.isoformat(), late=t.late,
                  estimated_years=list(t.estimated_years))
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


@submissions.command("list")
@content_option
@click.option("--late", "only_late", is_flag=True, help="Only the submissions received after the limit.")
@click.option("--from", "date_from", callback=_day, help="Only those received on or after this day (YYYY-MM-DD).")
@click.option("--to", "date_to", callback=_day, help="Only those received on or before this day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of tab-separated columns.")
@_limit_option
def list_cmd(content_dir: Path, only_late: bool, date_from: dt.date | None, date_to: dt.date | None,
             as_json: bool, limit: int) -> None:
    """List the recorded submissions in order of receipt.

    Columns: id, 报送日期, 部门, 文号 (- when none), 标题, working days after the issue
    date, and on-time/late (with the calendar note when a year is not covered).

    \b
    Example:
        gazette submissions list --late --from 2024-01-01
        gazette submissions list --json > submissions-with-days.jsonl
    """
    shown = 0
    for sub in sorted(subs.load_submissions(content_dir), key=subs.sort_key):
        if (date_from and sub.received < date_from) or (date_to and sub.received > date_to):
            continue
        t = subs.timeliness(sub, limit)
        if only_late and not t.late:
            continue
        shown += 1
        if as_json:
            click.echo(_json(sub, t))
        else:
            click.echo("\t".join([sub.id, sub.received.isoformat(), sub.department, sub.doc_number or "-", sub.title,
                                  str(t.working_days.days), ("late" if t.late else "on time") + t.note]))
    click.echo(f"{shown} submission(s)", err=True)


@submissions.command("set")
@click.argument("submission_id", metavar="ID")
@content_option
@click.option("--not-selected-reason", help="Why the office does not print it (未刊登原因); '' clears it.")
@click.option("--note", help="备注; '' clears it.")
@click.option("--received", callback=_day, help="Correct the 报送日期 (YYYY-MM-DD).")
@_limit_option
def set_cmd(submission_id: str, content_dir: Path, not_selected_reason: str | None, note: str | None,
            received: dt.date | None, limit: int) -> None:
    """Change a recorded submission (only its line of submissions.jsonl is rewritten).

    \b
    Example:
        gazette submissions set 3f2a9c01b7de --not-selected-reason 内部事务性文件，不宜公开刊登
    """
    old = subs.get_submission(content_dir, submission_id)
    new = subs.make_submission(old.department, old.title, old.issued, received or old.received, old.doc_number,
                               old.note if note is None else note,
                               old.not_selected_reason if not_selected_reason is None else not_selected_reason)
    sub = subs.replace_submission(content_dir, replace(new, id=old.id))
    click.echo(f"updated {_describe(sub, subs.timeliness(sub, limit))}", err=True)


@submissions.command("report")
@content_option
@click.option("--from", "date_from", required=True, callback=_day, help="First day of the period (报送日期), YYYY-MM-DD.")
@click.option("--to", "date_to", required=True, callback=_day, help="Last day of the period (included), YYYY-MM-DD.")
@click.option("--date", "report_date", callback=_day, help="The report's date (通报日期) [default: the --to date].")
@click.option("--format", "fmt", type=click.Choice(["csv", "csv-summary", "html"]), default="csv", show_default=True,
              help="csv: one row per submission; csv-summary: one row per department; html: a printable page.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (a CSV gets a UTF-8 BOM, for Excel and WPS) instead of stdout.")
@_limit_option
def report_cmd(content_dir: Path, date_from: dt.date, date_to: dt.date, report_date: dt.date | None, fmt: str,
               output: Path | None, limit: int) -> None:
    """报送选登情况通报: per department, what was submitted in a period (by 报送日期), on
    time or late, and whether and where the archive printed it (or why not).

    Printing is looked up in the current archive by 文号, or by issuer and title, so a
    report made after an issue is ingested shows what that issue printed.

    \b
    Example:
        gazette submissions report --from 2024-01-01 --to 2024-03-31 > 通报.csv
        gazette submissions report --from 2024-01-01 --to 2024-03-31 --format html --output 通报.html
    """
    report = subs.build_report(subs.load_submissions(content_dir), load_archive(content_dir), date_from, date_to,
                               report_date, limit)
    render = {"csv": subs.report_csv, "csv-summary": subs.report_summary_csv, "html": subs.report_html}[fmt]
    text = render(report)
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, (("\ufeff" if fmt != "html" else "") + text).encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    if report.estimated_years:
        click.echo(f"note: {estimate_note(report.estimated_years)}", err=True)
    click.echo(f"{len(report.entries)} submission(s) from {len(report.departments)} department(s)", err=True)
