"""What the desk does to content/ files: open, validate, save, review and resolve.

The web application (:mod:`gazette.desk.app`) is a thin layer over these functions, so
every rule holds whatever the front end. Writes lose nothing:

* each write is atomic (:func:`gazette.content.atomic_write`);
* each write names the SHA-256 of the file as the editor opened it, and is refused with
  :class:`StaleError` (which carries the version now on disk) when the file changed
  since: two editors saving one document never overwrite each other;
* the check and the write happen under one lock (``content/.gazette/desk.lock``), so two
  saves arriving at once are taken one after the other;
* nothing is deleted: a settled ``NN.md.new`` is moved into ``content/.gazette/resolved/``.

Every change is registered: ``edit`` (a draft), ``correct`` (a published document),
``disclosure``, ``resolve``, and the review actions of :mod:`gazette.archive.review`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..archive import register
from ..archive.register import Action, Entry
from ..archive.review import Rules, set_disclosure, set_statuses
from ..content import (Archive, ID_RE, _front_matter, atomic_write, document_from_file, parse_file,
                       safe_file)
from ..errors import ContentError, ExitCode, GazetteError, RefusedError
from ..models import Disclosure, Document, DocumentMeta, Kind, Status

LOCK = Path(".gazette") / "desk.lock"
RESOLVED = Path(".gazette") / "resolved"

KIND_LABELS = {Kind.REGULATION: "规章", Kind.NORMATIVE: "规范性文件", Kind.INTERPRETATION: "政策解读",
               Kind.PERSONNEL: "人事任免", Kind.OTHER: "其他"}
STATUS_LABELS = {Status.DRAFT: "待审（草稿）", Status.PUBLISHED: "已发布", Status.WITHHELD: "暂缓发布"}
DISCLOSURE_LABELS = {None: "未标注", Disclosure.PUBLIC: "主动公开", Disclosure.ON_REQUEST: "依申请公开",
                     Disclosure.NOT_PUBLIC: "不予公开"}
FIELD_LABELS = {"title": "标题", "kind": "类别", "doc_number": "文号", "issuer": "发文机关", "signed_date": "成文日期",
                "effective_date": "施行日期", "disclosure": "公开属性", "text": "正文"}
METADATA_FIELDS = ("title", "kind", "doc_number", "issuer", "signed_date", "effective_date")

# 文号: 机关代字〔年份〕序号号 (brackets of any width), or a 令 number 第N号.
_DOC_NUMBER_RE = re.compile(r"^[^\s〔〕\[\]［］]{1,30}\s*[〔\[［(（]\s*[12]\d{3}\s*[〕\]］)）]\s*第?\s*\d{1,5}\s*号$"
                            r"|^[^\s]{0,30}令?\s*第\s*\d{1,6}\s*号$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def file_sha(data: bytes) -> str:
    """SHA-256 of a file's bytes: the version stamp an editor's save must name."""
    return hashlib.sha256(data).hexdigest()


class StaleError(RefusedError):
    """A save named a version of the file that is no longer on disk."""

    def __init__(self, path: Path, current: bytes, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.current = current


def keep_out_of_git(path: Path) -> None:
    """Name ``path`` in the ``.gitignore`` of its folder (made if missing): desk
    accounts, its signing key and its lock file are no content to commit."""
    ignore = path.parent / ".gitignore"
    lines = ignore.read_text(encoding="utf-8").splitlines() if ignore.exists() else []
    if path.name not in lines:
        ignore.parent.mkdir(parents=True, exist_ok=True)
        with open(ignore, "a", encoding="utf-8") as handle:
            handle.write(path.name + "\n")


@contextlib.contextmanager
def locked(content: Path) -> Iterator[None]:
    """Hold the desk's write lock on ``content`` (threads and processes alike)."""
    path = content / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        keep_out_of_git(path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# ---------------------------------------------------------------- reading

def check_doc_id(doc_id: str) -> str:
    """``doc_id`` if it is a valid document id; GazetteError otherwise (never a path)."""
    if not ID_RE.match(doc_id or ""):
        raise GazetteError(f"{doc_id!r} is not a document id (letters, digits, '-' and '_' only)", ExitCode.BAD_ARGS)
    return doc_id


@dataclass(frozen=True)
class Opened:
    """A document file as an editor opened it: its parsed document, its raw text and
    the SHA-256 that a save must name."""

    doc: Document
    path: Path
    text: str
    sha256: str


def open_document(content: Path, archive: Archive, doc_id: str) -> Opened:
    """Open one document of ``archive`` for editing."""
    check_doc_id(doc_id)
    if doc_id not in archive.paths:
        raise GazetteError(f"no document with id {doc_id} in {content}", ExitCode.BAD_ARGS)
    path = safe_file(content, archive.paths[doc_id])
    data = path.read_bytes()
    return Opened(document_from_file(path), path, data.decode("utf-8", "replace"), file_sha(data))


# ---------------------------------------------------------------- validating

@dataclass(frozen=True)
class Metadata(DocumentMeta):
    """The metadata an editor can change in the desk's form: what ingest extracts, and
    the 公开属性."""

    disclosure: Disclosure | None = None


def metadata_of(doc: Document) -> Metadata:
    """The form values of a document as it stands."""
    return Metadata(doc.title, doc.kind, doc.doc_number, doc.issuer, doc.signed_date, doc.effective_date, doc.disclosure)


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def _iso_date(value: str | None, label: str, errors: dict[str, str], key: str) -> str | None:
    text = _clean(value)
    if text is None:
        return None
    if not _DATE_RE.match(text):
        errors[key] = f"{label}须写作 YYYY-MM-DD（如 2024-03-01），现为 {text}"
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        errors[key] = f"{label} {text} 不是日历上的日期"
        return None
    if not 1949 <= day.year <= 2100:
        errors[key] = f"{label} {text} 的年份不合理"
    return text


def validate_metadata(form: dict[str, str]) -> tuple[Metadata | None, dict[str, str]]:
    """Check the form's fields; the metadata, or None and an error per field (in Chinese,
    saying what to write)."""
    errors: dict[str, str] = {}
    title = _clean(form.get("title"))
    if not title:
        errors["title"] = "标题不能为空"
    elif len(title) > 300:
        errors["title"] = "标题超过300字，请检查是否误把正文粘入标题"
    kind = None
    try:
        kind = Kind(form.get("kind", ""))
    except ValueError:
        errors["kind"] = "请从列表中选择类别"
    doc_number = _clean(form.get("doc_number"))
    if doc_number and not _DOC_NUMBER_RE.match(doc_number):
        errors["doc_number"] = ("文号格式应为 机关代字〔年份〕序号号（如 鲁政发〔2023〕5号）或 令号 第N号（如 省政府令第123号）；"
                                f"现为 {doc_number}")
    issuer = _clean(form.get("issuer"))
    if kind is Kind.REGULATION and not issuer:
        errors["issuer"] = "规章必须填写发文机关（制定机关）"
    signed = _iso_date(form.get("signed_date"), "成文日期", errors, "signed_date")
    effective = _iso_date(form.get("effective_date"), "施行日期", errors, "effective_date")
    disclosure = None
    if form.get("disclosure"):
        try:
            disclosure = Disclosure(form["disclosure"])
        except ValueError:
            errors["disclosure"] = "请从列表中选择公开属性"
    if errors or kind is None or title is None:
        return None, errors
    return Metadata(title, kind, doc_number, issuer, signed, effective, disclosure), {}


def clean_body(body: str) -> str:
    """The body as the editor typed it, with Unix line ends and one final newline."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    return text + "\n" if text else ""


# ---------------------------------------------------------------- writing

def _render(path: Path, meta_changes: dict[str, object], body: str) -> str:
    meta, _ = parse_file(path)
    for key, value in meta_changes.items():
        if value is None and key not in meta:
            continue
        meta[key] = value
    return _front_matter(meta) + body


def _checked(path: Path, text: str) -> Document:
    """The document ``text`` parses to; ContentError when it would not load."""
    with tempfile.TemporaryDirectory(prefix="gazette-desk-") as tmp:
        probe = Path(tmp) / path.name
        probe.write_text(text, encoding="utf-8")
        try:
            return document_from_file(probe)
        except ContentError as exc:
            raise ContentError(str(exc).replace(str(probe), str(path))) from None


def _expect(path: Path, expected_sha: str, what: str) -> bytes:
    current = path.read_bytes() if path.exists() else b""
    if file_sha(current) != expected_sha:
        raise StaleError(path, current, f"{path.name}: {what} changed on disk since you opened it (someone else saved it); "
                         "nothing was written. Compare both versions, then apply your changes to the current one")
    return current


def preview_text(path: Path, metadata: Metadata, body: str) -> str:
    """The file text a save of ``metadata`` and ``body`` would write over ``path`` now."""
    return _render(path, _changes(metadata), clean_body(body))


def _changes(metadata: Metadata) -> dict[str, object]:
    changes: dict[str, object] = {key: getattr(metadata, key) for key in METADATA_FIELDS}
    changes["kind"] = metadata.kind.value
    changes["disclosure"] = metadata.disclosure.value if metadata.disclosure else None
    return changes


def changed_fields(old: Document, new: Document) -> tuple[str, ...]:
    """The names of what differs between two versions of a document."""
    out = [key for key in METADATA_FIELDS if getattr(old, key) != getattr(new, key)]
    if old.disclosure != new.disclosure:
        out.append("disclosure")
    if old.body != new.body:
        out.append("text")
    return tuple(out)


def save_document(content: Path, archive: Archive, doc_id: str, expected_sha: str, metadata: Metadata, body: str,
                  by: str, reason: str = "") -> tuple[str, ...]:
    """Save an editor's metadata and text, if the file is still the version they opened.

    Registers ``edit`` (or ``correct`` for a published document, which stays on the
    site: the register and its page show the correction) and, when it changed,
    ``disclosure``. Returns what changed (nothing is written when nothing did)."""
    if not by.strip():
        raise GazetteError("say who acts: sign in, or start the desk with --by NAME", ExitCode.BAD_ARGS)
    with locked(content):
        opened = open_document(content, archive, doc_id)
        _expect(opened.path, expected_sha, "the document")
        old = opened.doc
        if metadata.disclosure is Disclosure.NOT_PUBLIC and old.status is Status.PUBLISHED and old.disclosure is not Disclosure.NOT_PUBLIC:
            raise RefusedError(f"{doc_id}: it is published; withdraw it before marking it 不予公开")
        text = _render(opened.path, _changes(metadata), clean_body(body))
        new = _checked(opened.path, text)
        changed = changed_fields(old, new)
        if not changed:
            return ()
        atomic_write(opened.path, text.encode("utf-8"))
        stamp = register.now()
        sha = register.text_sha256(new.body)
        entries = []
        content_changes = tuple(c for c in changed if c != "disclosure")
        if content_changes:
            action = Action.CORRECT if old.status is Status.PUBLISHED else Action.EDIT
            entries.append(Entry(stamp, by, action, doc_id, sha, reason, content_changes))
        if "disclosure" in changed:
            entries.append(Entry(stamp, by, Action.DISCLOSURE, doc_id, sha,
                                 reason or f"公开属性: {DISCLOSURE_LABELS[metadata.disclosure]}"))
        register.append(content, entries)
        return changed


def review_document(content: Path, archive: Archive, doc_id: str, expected_sha: str, target: Status, by: str,
                    reason: str = "", override: bool = False, rules: Rules = Rules()) -> list[Entry]:
    """Approve, withhold, withdraw or return a document to draft, if it is still the
    version the reviewer read (see :func:`gazette.archive.review.set_statuses`)."""
    with locked(content):
        opened = open_document(content, archive, doc_id)
        _expect(opened.path, expected_sha, "the document")
        one = Archive((), {doc_id: opened.doc}, {doc_id: opened.path})
        return set_statuses(content, one, [doc_id], target, by, reason, override, rules)


def change_disclosure(content: Path, archive: Archive, doc_id: str, expected_sha: str, disclosure: Disclosure | None,
                      by: str, reason: str = "") -> Entry | None:
    """Change a document's 公开属性 alone (see :func:`gazette.archive.review.set_disclosure`)."""
    with locked(content):
        opened = open_document(content, archive, doc_id)
        _expect(opened.path, expected_sha, "the document")
        one = Archive((), {doc_id: opened.doc}, {doc_id: opened.path})
        return set_disclosure(content, one, doc_id, disclosure, by, reason)


# ---------------------------------------------------------------- re-ingest conflicts

@dataclass(frozen=True)
class Conflict:
    """A document file an editor changed and the version a re-ingest wrote beside it."""

    doc_id: str
    path: Path  # NN.md, the editor's
    new_path: Path  # NN.md.new, the re-ingest's


def conflicts(content: Path, archive: Archive) -> list[Conflict]:
    """Every ``NN.md.new`` waiting beside a document of ``archive``, in path order."""
    by_path = {path: doc_id for doc_id, path in archive.paths.items()}
    found = []
    for new_path in sorted(content.glob("*/*.md.new")):
        path = new_path.with_name(new_path.name[: -len(".new")])
        if path in by_path:
            found.append(Conflict(by_path[path], path, new_path))
    return found


def find_conflict(content: Path, archive: Archive, doc_id: str) -> Conflict:
    """The conflict of one document; GazetteError when it has none."""
    check_doc_id(doc_id)
    for conflict in conflicts(content, archive):
        if conflict.doc_id == doc_id:
            safe_file(content, conflict.new_path)
            return conflict
    raise GazetteError(f"{doc_id} has no re-ingest conflict (no .md.new file beside it)", ExitCode.BAD_ARGS)


RESOLUTIONS = {"mine": "保留编辑版本", "new": "采用重新导入的版本", "merged": "采用合并后的版本"}


def resolve_conflict(content: Path, archive: Archive, doc_id: str, choice: str, expected_sha: str, expected_new_sha: str,
                     by: str, merged: str | None = None, reason: str = "") -> Path:
    """Settle a re-ingest conflict: keep the editor's file (``mine``), take the
    re-ingested one (``new``), or write the editor's merge of both (``merged``, the
    whole file). The ``.md.new`` file is moved to ``content/.gazette/resolved/`` (never
    deleted); returns where it went. Registers ``resolve``."""
    if choice not in RESOLUTIONS:
        raise GazetteError(f"choose one of {', '.join(RESOLUTIONS)}", ExitCode.BAD_ARGS)
    if not by.strip():
        raise GazetteError("say who acts: sign in, or start the desk with --by NAME", ExitCode.BAD_ARGS)
    with locked(content):
        conflict = find_conflict(content, archive, doc_id)
        _expect(conflict.path, expected_sha, "the document")
        new_bytes = _expect(conflict.new_path, expected_new_sha, "the re-ingested version")
        old = document_from_file(conflict.path)
        if choice == "mine":
            text = None
        elif choice == "new":
            text = new_bytes.decode("utf-8")
        else:
            text = (merged or "").replace("\r\n", "\n")
        if text is not None:
            doc = _checked(conflict.path, text)
            if doc.id != doc_id:
                raise ContentError(f"{conflict.path}: the merged version names id {doc.id}, not {doc_id}; keep the id")
            atomic_write(conflict.path, text.encode("utf-8"))
        else:
            doc = old
        target = content / RESOLVED / conflict.new_path.parent.name / f"{conflict.new_path.name}.{file_sha(new_bytes)[:12]}"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(conflict.new_path, target)
        register.append(content, [Entry(register.now(), by, Action.RESOLVE, doc_id, register.text_sha256(doc.body),
                                        reason or RESOLUTIONS[choice], changed_fields(old, doc))])
        return target
