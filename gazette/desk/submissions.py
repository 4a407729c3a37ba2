"""部门文件报送: the normative documents departments send to the gazette office, and the
报送选登情况通报 report on them (docs/submissions.md).

Departments must send each normative document within 5 working days of issuing it
(印发后5个工作日内报送; working days from :mod:`gazette.desk.workdays`). Each submission is
one line of ``content/submissions.jsonl``: a JSON object with sorted keys, lines in
(报送日期, 部门, 印发日期, 标题) order. Adding or changing a submission rewrites only its own
line (the file is replaced atomically; every other line keeps its bytes) and never
deletes the file.

Whether a submission was printed (选登) is not recorded: it is found, each time, in the
current archive (:class:`PrintIndex`), by 文号 in any bracket or digit style, or else by
issuer and title; so once an issue is ingested, the next report shows what it printed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from ..archive.relations import norm_title
from ..content import Archive, atomic_write
from ..errors import ContentError, ExitCode, GazetteError
from ..models import Document, Issue
from ..search.normalize import doc_number_key, issuer_names
from ..textnorm import clean_text, normalize_doc_number
from .workdays import Deadline, WorkingDays, add_working_days, estimate_note, working_days_between

SUBMISSIONS_FILE = "submissions.jsonl"
DEFAULT_LIMIT = 5  # 印发后5个工作日内报送
NOT_PRINTED = "未刊登"
_KEYS = ("department", "doc_number", "id", "issued", "not_selected_reason", "note", "received", "title")
_REQUIRED = ("department", "title", "issued", "received")
_LABELS = {"department": "部门", "title": "标题", "doc_number": "文号", "issued": "印发日期", "received": "报送日期",
           "note": "备注", "not_selected_reason": "未刊登原因"}


# ---------------------------------------------------------------- the record

@dataclass(frozen=True)
class Submission:
    """One document a department sent: who, what, when issued (印发) and received (报送).

    ``id`` is derived from the content (department, 文号, title and issue date, each
    normalised) when the submission is first recorded, and stays the same when a line is
    corrected later. ``not_selected_reason`` says why the office did not print it."""

    id: str
    department: str
    title: str
    issued: dt.date
    received: dt.date
    doc_number: str | None = None
    note: str | None = None
    not_selected_reason: str | None = None


def _text(value: str | None) -> str | None:
    """A field value on one line: control characters dropped, whitespace runs to one space."""
    if value is None:
        return None
    flat = re.sub(r"[\s\u3000]+", " ", clean_text(value)[0]).strip()
    return flat or None


def _organ_key(name: str) -> str:
    return norm_title(re.sub(r"[\s\u3000]+", "", name))


def doc_number_match_key(text: str) -> str:
    """A 文号 as one comparison key, whatever brackets (〔〕[]［］【】()), digits and spaces
    it was typed with: 鲁政发［２０２３］５号 and 鲁政发 (2023) 05 号 give 鲁政发〔2023〕5号."""
    return doc_number_key(text) or normalize_doc_number(norm_title(text))


def submission_id(department: str, title: str, issued: dt.date, doc_number: str | None) -> str:
    """The content-derived id: 12 hex digits of the SHA-256 of the normalised fields."""
    parts = [_organ_key(department), doc_number_match_key(doc_number) if doc_number else "", norm_title(title),
             issued.isoformat()]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def make_submission(department: str, title: str, issued: dt.date, received: dt.date, doc_number: str | None = None,
                    note: str | None = None, not_selected_reason: str | None = None) -> Submission:
    """A checked :class:`Submission` with its derived id; GazetteError (exit 2) names the
    field that is wrong."""
    dept, name = _text(department), _text(title)
    if not dept:
        raise GazetteError("部门 (department) is empty; give the department that sent the document", ExitCode.BAD_ARGS)
    if not name:
        raise GazetteError("标题 (title) is empty; give the document's title", ExitCode.BAD_ARGS)
    if received < issued:
        raise GazetteError(f"报送日期 {received.isoformat()} is before 印发日期 {issued.isoformat()}; "
                           "check both dates (a document is sent after it is issued)", ExitCode.BAD_ARGS)
    number = _text(doc_number)
    return Submission(submission_id(dept, name, issued, number), dept, name, issued, received, number,
                      _text(note), _text(not_selected_reason))


_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def parse_day(text: str, field: str = "date") -> dt.date:
    """A date typed as 2024-02-05, 2024/2/5, 2024.2.5, 2024年2月5日 or 20240205 (full-width
    digits too); GazetteError (exit 2) saying how to write it otherwise."""
    flat = unicodedata.normalize("NFKC", text or "").strip()
    match = _DATE_RE.fullmatch(flat)
    digits = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", flat)
    found = match or digits
    if not found:
        raise GazetteError(f"{field} {text!r} is not a date; write it as YYYY-MM-DD (e.g. 2024-02-05)", ExitCode.BAD_ARGS)
    try:
        return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        raise GazetteError(f"{field} {text!r} is not a day of the calendar; correct it (YYYY-MM-DD)", ExitCode.BAD_ARGS) from None


# ---------------------------------------------------------------- timeliness

@dataclass(frozen=True)
class Timeliness:
    """How long a submission took: working days after the issue date (day 0) up to the
    day it was received, the deadline, and whether that is within ``limit``."""

    working_days: WorkingDays
    deadline: Deadline
    limit: int

    @property
    def late(self) -> bool:
        """More than ``limit`` working days."""
        return self.working_days.days > self.limit

    @property
    def estimated_years(self) -> tuple[int, ...]:
        """Years the calendar does not cover, counted Monday to Friday."""
        return tuple(sorted(set(self.working_days.estimated_years) | set(self.deadline.estimated_years)))

    @property
    def note(self) -> str:
        """（日历未覆盖 YYYY 年，按周一至周五估算）, or ''."""
        return estimate_note(self.estimated_years)

    @property
    def label(self) -> str:
        """按时（3个工作日） or 逾期（7个工作日，应在5个工作日内）."""
        if self.late:
            return f"逾期（{self.working_days.days}个工作日，应在{self.limit}个工作日内）"
        return f"按时（{self.working_days.days}个工作日）"


def timeliness(submission: Submission, limit: int = DEFAULT_LIMIT) -> Timeliness:
    """The :class:`Timeliness` of one submission under a limit of ``limit`` working days."""
    return Timeliness(working_days_between(submission.issued, submission.received),
                      add_working_days(submission.issued, limit), limit)


def late_submissions(submissions: Iterable[Submission], limit: int = DEFAULT_LIMIT) -> list[tuple[Submission, Timeliness]]:
    """The submissions received more than ``limit`` working days after their issue date."""
    timed = [(sub, timeliness(sub, limit)) for sub in submissions]
    return [(sub, t) for sub, t in timed if t.late]


# ---------------------------------------------------------------- content/submissions.jsonl

def submissions_path(content: Path) -> Path:
    """``content/submissions.jsonl``."""
    return content / SUBMISSIONS_FILE


def to_line(submission: Submission) -> str:
    """One submission as its line of submissions.jsonl (sorted keys, no newline)."""
    record = {key: getattr(submission, key) for key in _KEYS}
    record["issued"], record["received"] = submission.issued.isoformat(), submission.received.isoformat()
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [k for k, _ in pairs]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise ValueError(f"key {twice[0]!r} is given twice; keep only the one you mean")
    return dict(pairs)


def _from_record(record: object) -> Submission:
    if not isinstance(record, dict):
        raise GazetteError("is not a JSON object {…}", ExitCode.CONTENT)
    unknown = sorted(set(record) - set(_KEYS))
    if unknown:
        raise GazetteError(f"unknown key {unknown[0]!r}; the keys are {', '.join(_KEYS)}", ExitCode.CONTENT)
    for key in _KEYS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise GazetteError(f"{key} must be a string (in double quotes)", ExitCode.CONTENT)
    missing = [key for key in _REQUIRED if not record.get(key)]
    if missing:
        raise GazetteError(f"{missing[0]} ({_LABELS[missing[0]]}) is missing or empty; add it", ExitCode.CONTENT)
    sub = make_submission(record["department"], record["title"], parse_day(record["issued"], "issued"),
                          parse_day(record["received"], "received"), record.get("doc_number"), record.get("note"),
                          record.get("not_selected_reason"))
    return replace(sub, id=record["id"]) if record.get("id") else sub


def parse_line(path: Path, number: int, text: str) -> Submission:
    """One line of submissions.jsonl; ContentError names the file and line."""
    try:
        return _from_record(json.loads(text, object_pairs_hook=_no_duplicate_keys))
    except GazetteError as exc:
        raise ContentError(f"{path}: line {number}: {exc.message}; correct the line") from None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise ContentError(f"{path}: line {number}: not a JSON object ({str(exc)[:80]}); correct the line, "
                           "or restore the file from version control") from None


@dataclass(frozen=True)
class _Line:
    """A line of the file as it is on disk (kept byte for byte) and what it holds."""

    raw: str
    submission: Submission | None  # None for a blank line


def _read(content: Path) -> list[_Line]:
    path = submissions_path(content)
    if not path.exists():
        return []
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read it ({exc}); restore it from version control") from None
    lines, seen = [], {}
    for number, raw in enumerate(text.removeprefix("\ufeff").splitlines(keepends=True), start=1):
        sub = parse_line(path, number, raw) if raw.strip() else None
        if sub is not None and sub.id in seen:
            raise ContentError(f"{path}: line {number}: id {sub.id} is also used on line {seen[sub.id]}; "
                               "delete the duplicate line (or give one of them another id)")
        if sub is not None:
            seen[sub.id] = number
        lines.append(_Line(raw, sub))
    return lines


def load_submissions(content: Path) -> tuple[Submission, ...]:
    """Every submission in ``content/submissions.jsonl``, in file order (none when the file
    does not exist yet)."""
    return tuple(line.submission for line in _read(content) if line.submission is not None)


def sort_key(sub: Submission) -> tuple[str, str, str, str, str]:
    """The order of submissions.jsonl and of reports: 报送日期, 部门, 印发日期, 标题, id."""
    return (sub.received.isoformat(), sub.department, sub.issued.isoformat(), sub.title, sub.id)


def _insert(lines: list[_Line], sub: Submission) -> list[_Line]:
    """``lines`` with ``sub`` before the first line that sorts after it (at the end when
    the file is in order and ``sub`` is the latest, as new submissions usually are)."""
    key = sort_key(sub)
    at = next((i for i, line in enumerate(lines) if line.submission and sort_key(line.submission) > key), len(lines))
    if at == len(lines) and lines and not lines[-1].raw.endswith(("\n", "\r")):
        lines = [*lines[:-1], _Line(lines[-1].raw + "\n", lines[-1].submission)]
    return [*lines[:at], _Line(to_line(sub) + "\n", sub), *lines[at:]]


def _write(content: Path, lines: list[_Line]) -> None:
    if not content.is_dir():
        raise ContentError(f"{content}: no such content folder; pass --content with the archive's folder "
                           f"(or create it: mkdir {content})")
    atomic_write(submissions_path(content), "".join(line.raw for line in lines).encode("utf-8"))


def _find(lines: list[_Line], submission_id_: str) -> int | None:
    return next((i for i, line in enumerate(lines) if line.submission and line.submission.id == submission_id_), None)


def _duplicate_error(content: Path, lines: list[_Line], at: int, sub: Submission) -> GazetteError:
    path, old = submissions_path(content), lines[at].submission
    if old == sub:
        return GazetteError(f"{path}: line {at + 1} already records this submission (id {sub.id}); nothing to add",
                            ExitCode.BAD_ARGS)
    return GazetteError(f"{path}: line {at + 1} already records this document from {sub.department} (id {sub.id}, "
                        f"received {old.received.isoformat() if old else '?'}); to change it use "
                        f"'gazette submissions set {sub.id}' or edit that line", ExitCode.BAD_ARGS)


def add_submission(content: Path, submission: Submission) -> Submission:
    """Record one submission; refuses one already recorded (same id) with a GazetteError
    naming the line that holds it."""
    lines = _read(content)
    at = _find(lines, submission.id)
    if at is not None:
        raise _duplicate_error(content, lines, at, submission)
    _write(content, _insert(lines, submission))
    return submission


def get_submission(content: Path, submission_id_: str) -> Submission:
    """The submission with this id; GazetteError (exit 2) when there is none."""
    for sub in load_submissions(content):
        if sub.id == submission_id_:
            return sub
    raise GazetteError(f"{submissions_path(content)}: no submission has id {submission_id_!r}; "
                       "see 'gazette submissions list'", ExitCode.BAD_ARGS)


def replace_submission(content: Path, submission: Submission) -> Submission:
    """Rewrite the line of the submission with the same id (only that line changes)."""
    lines = _read(content)
    at = _find(lines, submission.id)
    if at is None:
        raise GazetteError(f"{submissions_path(content)}: no submission has id {submission.id!r}; "
                           "see 'gazette submissions list'", ExitCode.BAD_ARGS)
    ending = lines[at].raw[len(lines[at].raw.rstrip("\r\n")):] or "\n"
    lines[at] = _Line(to_line(submission) + ending, submission)
    _write(content, lines)
    return submission


# ---------------------------------------------------------------- CSV import

_COLUMNS = {
    "department": ("部门", "报送部门", "报送单位", "department"),
    "title": ("标题", "文件标题", "文件名称", "title"),
    "doc_number": ("文号", "发文字号", "doc_number", "doc number"),
    "issued": ("印发日期", "印发时间", "issued"),
    "received": ("报送日期", "报送时间", "received"),
    "note": ("备注", "note"),
    "not_selected_reason": ("未刊登原因", "未选登原因", "not_selected_reason"),
}
_HEADER_NAMES = {name.lower(): field for field, names in _COLUMNS.items() for name in names}


@dataclass(frozen=True)
class RowProblem:
    """A CSV row that was not imported: the file, its line and what is wrong."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}: line {self.line}: {self.message}"


@dataclass(frozen=True)
class ImportReport:
    """What :func:`import_csv` did: rows added, rows already recorded (skipped), rows
    with problems (not imported), and header columns it does not know (ignored)."""

    added: tuple[Submission, ...] = ()
    already: tuple[tuple[int, Submission], ...] = ()  # (CSV line, submission)
    problems: tuple[RowProblem, ...] = ()
    ignored_columns: tuple[str, ...] = ()


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteError(f"{path}: cannot read it ({exc.strerror or exc}); check the path", ExitCode.INPUT_FILE) from None
    for encoding in ("utf-8-sig", "gb18030"):  # Excel and WPS on Chinese Windows save CSV as GB18030/GBK
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GazetteError(f"{path}: is neither UTF-8 nor GB18030 text; save it as 'CSV UTF-8'", ExitCode.INPUT_FILE)


def _header(path: Path, row: list[str]) -> tuple[dict[int, str], tuple[str, ...]]:
    """Column index → field, and the names of the columns that are ignored."""
    fields: dict[int, str] = {}
    ignored = []
    for index, name in enumerate(row):
        field = _HEADER_NAMES.get(re.sub(r"\s+", " ", name.strip()).lower())
        if field is None:
            ignored += [name.strip()] if name.strip() else []
        elif field in fields.values():
            raise GazetteError(f"{path}: line 1: two columns are {_LABELS[field]} ({field}); keep one", ExitCode.INPUT_FILE)
        else:
            fields[index] = field
    missing = [f"{_LABELS[f]}/{f}" for f in _REQUIRED if f not in fields.values()]
    if missing:
        raise GazetteError(f"{path}: line 1: the header has no column {', '.join(missing)}; the first line must name "
                           "the columns 部门,标题,文号,印发日期,报送日期,备注 (or department,title,doc_number,issued,received,note)",
                           ExitCode.INPUT_FILE)
    return fields, tuple(ignored)


def _row_submission(fields: dict[int, str], row: list[str], width: int) -> Submission:
    if any(cell.strip() for cell in row[width:]):  # empty cells past the header (trailing commas) are fine
        raise GazetteError(f"has {len(row)} cells but the header names {width}; quote cells that contain a comma",
                           ExitCode.BAD_ARGS)
    values = {field: (row[index] if index < len(row) else "") for index, field in fields.items()}
    for field in _REQUIRED:
        if not values.get(field, "").strip():
            raise GazetteError(f"{_LABELS[field]} ({field}) is empty; fill it in", ExitCode.BAD_ARGS)
    return make_submission(values["department"], values["title"], parse_day(values["issued"], "印发日期 (issued)"),
                           parse_day(values["received"], "报送日期 (received)"), values.get("doc_number"),
                           values.get("note"), values.get("not_selected_reason"))


def read_csv(csv_path: Path) -> tuple[list[tuple[int, Submission]], list[RowProblem], tuple[str, ...]]:
    """The rows of a submissions CSV as (line, submission), the rows with problems, and
    the ignored columns. A header problem is a GazetteError (exit 3): nothing is read."""
    reader = csv.reader(io.StringIO(_decode(csv_path), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise GazetteError(f"{csv_path}: is empty; the first line must name the columns (see docs/submissions.md)",
                           ExitCode.INPUT_FILE) from None
    except csv.Error as exc:
        raise GazetteError(f"{csv_path}: line 1: {exc}; fix the quoting", ExitCode.INPUT_FILE) from None
    fields, ignored = _header(csv_path, header)
    rows, problems, start = [], [], reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(RowProblem(str(csv_path), start, f"{exc}; fix the quoting"))
            break
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        try:
            rows.append((line, _row_submission(fields, row, len(header))))
        except GazetteError as exc:
            problems.append(RowProblem(str(csv_path), line, f"{exc.message}; the row was not imported"))
    return rows, problems, ignored


def import_csv(content: Path, csv_path: Path) -> ImportReport:
    """Record every good row of a CSV (columns in docs/submissions.md). A bad row does not
    stop the others: it is listed in ``problems``. A row already recorded is skipped
    (``already``); one that records the same document differently is a problem."""
    rows, problems, ignored = read_csv(csv_path)
    lines = _read(content)
    added, already = [], []
    for line_no, sub in rows:
        at = _find(lines, sub.id)
        if at is not None and lines[at].submission == sub:
            already.append((line_no, sub))
        elif at is not None:
            problems.append(RowProblem(str(csv_path), line_no, _duplicate_error(content, lines, at, sub).message))
        else:
            lines = _insert(lines, sub)
            added.append(sub)
    if added:
        _write(content, lines)
    problems.sort(key=lambda p: p.line)
    return ImportReport(tuple(added), tuple(already), tuple(problems), ignored)


# ---------------------------------------------------------------- matching against the archive

@dataclass(frozen=True)
class Printing:
    """Where the archive printed a submitted document: the document, its issue, pages,
    and how it was found (``doc_number``: by 文号; ``issuer_title``: by issuer and title)."""

    document_id: str
    issue_id: str
    issue_label: str
    title: str
    printed_pages: tuple[int | None, int | None]
    matched_by: str

    @property
    def pages_label(self) -> str:
        """第3页, 第3—8页, or '' when the printed page numbers are not known."""
        first, last = self.printed_pages
        if first is None:
            return ""
        return f"第{first}页" if last in (None, first) else f"第{first}—{last}页"

    @property
    def label(self) -> str:
        """2023年第1期第3—8页《title》."""
        return f"{self.issue_label}{self.pages_label}《{self.title}》"


def _same_organ(department: str, issuer: str | None) -> bool:
    """The department is one of the issuers, or the same name with or without its place
    (山东省财政厅 and 省财政厅)."""
    key = _organ_key(department)
    for name in issuer_names(issuer):
        other = _organ_key(name)
        if other == key or (min(len(key), len(other)) >= 3 and (other.endswith(key) or key.endswith(other))):
            return True
    return False


class PrintIndex:
    """The documents of an archive by 文号 and by title, to find where a submission was
    printed. Every document counts, whatever its review status: the issue was printed."""

    def __init__(self, archive: Archive) -> None:
        self._issues = {issue.id: issue for issue in archive.issues}
        order = {issue.id: n for n, issue in enumerate(archive.issues)}
        docs = sorted(archive.documents.values(), key=lambda d: (order.get(d.issue_id, len(order)), d.issue_id, d.seq))
        self._by_number: dict[str, list[Document]] = {}
        self._by_title: dict[str, list[Document]] = {}
        for doc in docs:
            if doc.doc_number:
                self._by_number.setdefault(doc_number_match_key(doc.doc_number), []).append(doc)
            self._by_title.setdefault(norm_title(doc.title), []).append(doc)

    def _printing(self, doc: Document, how: str) -> Printing:
        issue = self._issues.get(doc.issue_id)
        label = (issue.meta.short_label if issue else None) or doc.issue_id
        return Printing(doc.id, doc.issue_id, label, doc.title, doc.source.printed_pages, how)

    def _after_issue(self, doc: Document, sub: Submission) -> bool:
        issue: Issue | None = self._issues.get(doc.issue_id)
        return not (issue and issue.meta.date) or issue.meta.date[:10] >= sub.issued.isoformat()

    def find(self, sub: Submission) -> tuple[Printing, ...]:
        """Where ``sub`` was printed, in issue order: by 文号, or else by issuer and title
        (only issues dated on or after its issue date); () when it was not."""
        if sub.doc_number:
            found = [d for d in self._by_number.get(doc_number_match_key(sub.doc_number), []) if self._after_issue(d, sub)]
            if found:
                return tuple(self._printing(d, "doc_number") for d in found)
        found = [d for d in self._by_title.get(norm_title(sub.title), [])
                 if _same_organ(sub.department, d.issuer) and self._after_issue(d, sub)]
        return tuple(self._printing(d, "issuer_title") for d in found)


def match_submission(sub: Submission, archive: Archive) -> tuple[Printing, ...]:
    """Where the archive printed one submission (build a :class:`PrintIndex` for many)."""
    return PrintIndex(archive).find(sub)


# ---------------------------------------------------------------- the report

@dataclass(frozen=True)
class ReportEntry:
    """One submission in the report: its timeliness and where it was printed."""

    submission: Submission
    timeliness: Timeliness
    printings: tuple[Printing, ...]

    @property
    def printed(self) -> bool:
        """True when the archive printed it."""
        return bool(self.printings)

    @property
    def outcome(self) -> str:
        """已刊登：2023年第1期第3页《…》, or 未刊登：<reason>."""
        if self.printings:
            return "已刊登：" + "；".join(p.label for p in self.printings)
        return f"{NOT_PRINTED}：{self.submission.not_selected_reason}" if self.submission.not_selected_reason else NOT_PRINTED


@dataclass(frozen=True)
class DepartmentReport:
    """The submissions of one department in the period, in order of receipt."""

    department: str
    entries: tuple[ReportEntry, ...]

    @property
    def submitted(self) -> int:
        """Documents submitted."""
        return len(self.entries)

    @property
    def on_time(self) -> int:
        """Documents received within the limit."""
        return sum(1 for e in self.entries if not e.timeliness.late)

    @property
    def late(self) -> int:
        """Documents received after the limit."""
        return self.submitted - self.on_time

    @property
    def printed(self) -> int:
        """Documents the archive printed."""
        return sum(1 for e in self.entries if e.printed)

    @property
    def not_printed(self) -> int:
        """Documents not (yet) printed."""
        return self.submitted - self.printed


@dataclass(frozen=True)
class Report:
    """报送选登情况通报 for the submissions received from ``date_from`` to ``date_to``."""

    date_from: dt.date
    date_to: dt.date
    report_date: dt.date
    limit: int
    gazette_name: str | None
    departments: tuple[DepartmentReport, ...]

    @property
    def entries(self) -> tuple[ReportEntry, ...]:
        """Every entry, department by department."""
        return tuple(e for d in self.departments for e in d.entries)

    @property
    def estimated_years(self) -> tuple[int, ...]:
        """Years the calendar does not cover that some count relied on."""
        return tuple(sorted({y for e in self.entries for y in e.timeliness.estimated_years}))


def _group(entries: list[ReportEntry]) -> tuple[DepartmentReport, ...]:
    """Entries by department (names compared without spaces, 繁体 as 简体), each group
    named by the first of its spellings in code point order."""
    groups: dict[str, list[ReportEntry]] = {}
    for entry in entries:
        groups.setdefault(_organ_key(entry.submission.department), []).append(entry)
    out = []
    for members in groups.values():
        name = min(e.submission.department for e in members)
        members.sort(key=lambda e: sort_key(e.submission))
        out.append(DepartmentReport(name, tuple(members)))
    return tuple(sorted(out, key=lambda d: (d.department, _organ_key(d.department))))


def _gazette_name(archive: Archive) -> str | None:
    names = [issue.meta.gazette_name for issue in archive.issues if issue.meta.gazette_name]
    return names[-1] if names else None


def build_report(submissions: Iterable[Submission], archive: Archive, date_from: dt.date, date_to: dt.date,
                 report_date: dt.date | None = None, limit: int = DEFAULT_LIMIT) -> Report:
    """The report on the submissions received from ``date_from`` to ``date_to`` (both
    included), matched against ``archive``; dated ``report_date`` (default ``date_to``)."""
    if date_to < date_from:
        raise GazetteError(f"--to {date_to.isoformat()} is before --from {date_from.isoformat()}; swap them", ExitCode.BAD_ARGS)
    index = PrintIndex(archive)
    entries = [ReportEntry(sub, timeliness(sub, limit), index.find(sub))
               for sub in submissions if date_from <= sub.received <= date_to]
    return Report(date_from, date_to, report_date or date_to, limit, _gazette_name(archive), _group(entries))


def cn_date(day: dt.date) -> str:
    """2024年2月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (=, +, -, @ get a leading ')."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


REPORT_COLUMNS = ("部门", "标题", "文号", "印发日期", "报送日期", "工作日", "报送情况", "刊登情况", "刊登期次",
                  "刊登文件", "页码", "文件编号", "未刊登原因", "备注", "日历说明", "报送编号")
SUMMARY_COLUMNS = ("部门", "报送件数", "按时", "逾期", "已刊登", "未刊登")


def _csv(rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue()


def _entry_row(department: str, e: ReportEntry) -> list[object]:
    s, p = e.submission, e.printings
    return [department, s.title, s.doc_number, s.issued.isoformat(), s.received.isoformat(), e.timeliness.working_days.days,
            "逾期" if e.timeliness.late else "按时", "已刊登" if p else NOT_PRINTED, "；".join(x.issue_label for x in p),
            "；".join(x.title for x in p), "；".join(x.pages_label for x in p), "；".join(x.document_id for x in p),
            "" if p else (s.not_selected_reason or ""), s.note, e.timeliness.note, s.id]


def report_csv(report: Report) -> str:
    """The report as CSV, one row per submission (columns :data:`REPORT_COLUMNS`)."""
    rows: list[list[object]] = [list(REPORT_COLUMNS)]
    for dept in report.departments:
        rows += [_entry_row(dept.department, e) for e in dept.entries]
    return _csv(rows)


def report_summary_csv(report: Report) -> str:
    """The report as CSV, one row per department and a 合计 row (:data:`SUMMARY_COLUMNS`)."""
    rows: list[list[object]] = [list(SUMMARY_COLUMNS)]
    rows += [[d.department, d.submitted, d.on_time, d.late, d.printed, d.not_printed] for d in report.departments]
    total = DepartmentReport("合计", report.entries)
    rows.append([total.department, total.submitted, total.on_time, total.late, total.printed, total.not_printed])
    return _csv(rows)


_STYLE = """
body { font-family: "FangSong", "STFangsong", "仿宋", "Songti SC", "SimSun", serif; margin: 2em auto; max-width: 60em;
       padding: 0 1em; color: #000; line-height: 1.6; }
h1 { text-align: center; font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; page-break-after: avoid; break-after: avoid; }
.sub { text-align: center; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.95em; }
th, td { border: 1px solid #444; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
.docs, .summary { table-layout: fixed; }
.docs col.n { width: 3em; } .docs col.d { width: 8em; } .docs col.t { width: 11em; } .docs col.p { width: 26%; }
.summary col.name { width: 40%; }
.late { font-weight: bold; }
.note { font-size: 0.9em; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  th { background: none; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
}
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _summary_table(report: Report) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in SUMMARY_COLUMNS)
    rows = []
    for d in (*report.departments, DepartmentReport("合计", report.entries)):
        cells = "".join(f'<td class="n">{v}</td>' for v in (d.submitted, d.on_time, d.late, d.printed, d.not_printed))
        rows.append(f"<tr><td>{_e(d.department)}</td>{cells}</tr>")
    cols = '<colgroup><col class="name">' + "<col>" * (len(SUMMARY_COLUMNS) - 1) + "</colgroup>"
    return f"<table class=\"summary\">{cols}<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _entry_html(n: int, e: ReportEntry) -> str:
    s, t = e.submission, e.timeliness
    number = f"<br>{_e(doc_number_key(s.doc_number) or s.doc_number)}" if s.doc_number else ""
    note = f'<br><span class="note">备注：{_e(s.note)}</span>' if s.note else ""
    late = ' class="late"' if t.late else ""
    estimate = f'<br><span class="note">{_e(t.note)}</span>' if t.note else ""
    return (f'<tr><td class="n">{n}</td><td>{_e(s.title)}{number}{note}</td><td>{_e(cn_date(s.issued))}</td>'
            f"<td>{_e(cn_date(s.received))}</td><td{late}>{_e(t.label)}{estimate}</td><td>{_e(e.outcome)}</td></tr>")


def _department_html(d: DepartmentReport) -> str:
    head = "".join(f"<th>{c}</th>" for c in ("序号", "文件", "印发日期", "报送日期", "报送情况", "刊登情况"))
    rows = "".join(_entry_html(n, e) for n, e in enumerate(d.entries, start=1))
    return (f"<section><h2>{_e(d.department)}</h2><p>报送{d.submitted}件，按时{d.on_time}件，逾期{d.late}件；"
            f"已刊登{d.printed}件，未刊登{d.not_printed}件。</p>"
            f'<table class="docs"><colgroup><col class="n"><col><col class="d"><col class="d"><col class="t"><col class="p">'
            f"</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>")


def report_html(report: Report) -> str:
    """The report as one printable HTML page: no script, no request outside the page
    (its Content-Security-Policy forbids them), every value escaped."""
    total = DepartmentReport("合计", report.entries)
    period = f"{cn_date(report.date_from)}至{cn_date(report.date_to)}"
    title = "规范性文件报送选登情况通报"
    gazette = f"<p class=\"sub\">{_e(report.gazette_name)}</p>" if report.gazette_name else ""
    intro = (f"<p>按照规范性文件印发后{report.limit}个工作日内报送的要求，{period}共收到{len(report.departments)}个部门"
             f"报送的文件{total.submitted}件，其中按时报送{total.on_time}件，逾期报送{total.late}件；"
             f"已刊登{total.printed}件，未刊登{total.not_printed}件。</p>")
    estimate = (f"<p class=\"note\">注：{_e(estimate_note(report.estimated_years))}</p>" if report.estimated_years else "")
    body = "".join(_department_html(d) for d in report.departments) or "<p>本期间未收到报送文件。</p>"
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{_e(title)}（{_e(period)}）</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{_e(title)}</h1>\n{gazette}<p class=\"sub\">报送期间：{_e(period)}　通报日期：{_e(cn_date(report.report_date))}</p>\n"
            f"{intro}\n{_summary_table(report)}\n{body}\n{estimate}\n</body>\n</html>\n")
