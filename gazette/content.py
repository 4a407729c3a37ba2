"""content/: one Markdown file per document, one ``issue.md`` per issue, YAML front matter.

Layout (stable, readable, deterministic)::

    content/
      2021-05/                   one folder per issue, named by its id
        issue.md                 issue metadata, its 目录 and ordered document list
        01.md, 02.md, …          one file per document, in printed order
        2021-05.pdf              a copy of the source PDF (linked from the site)
        pages/p0005.webp         150-dpi image of each scanned (OCR'd) page
      .gazette/manifest.json     SHA-256 of every file as Gazette last wrote it

Editors may change any file. Before overwriting, :func:`write_results` compares a file
with the hash recorded in the manifest: a file whose bytes differ was edited by hand, so
it is kept and the new version is written beside it as ``NN.md.new`` (unless ``force``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import pickle
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import ContentError
from .textnorm import clean_text
from .models import (
    Disclosure,
    Document,
    Issue,
    IssueMeta,
    IngestResult,
    Kind,
    OcrCheck,
    OcrInfo,
    RelationEdit,
    RelationType,
    SourceRef,
    Status,
    TocEntry,
    Validity,
)

MANIFEST = Path(".gazette") / "manifest.json"
ISSUE_FILE = "issue.md"
_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)
_BOM = "\ufeff"  # some Windows editors start UTF-8 files with it


@dataclass(frozen=True)
class Archive:
    """Everything under content/: issues in date order, documents by id."""

    issues: tuple[Issue, ...]
    documents: dict[str, Document]
    paths: dict[str, Path] = field(default_factory=dict)

    def issue_documents(self, issue: Issue) -> list[Document]:
        """The documents of an issue, in printed order."""
        return [self.documents[d] for d in issue.document_ids if d in self.documents]

    def public(self) -> "Archive":
        """A copy holding only published documents (and issues that have any), each
        依申请公开 one as its catalogue entry (:func:`catalogue_entry`)."""
        return self.only(frozenset({Status.PUBLISHED}))

    def only(self, statuses: frozenset[Status]) -> "Archive":
        """A copy holding only documents whose status is in ``statuses``. Unless drafts
        are asked for (an editors' copy), 依申请公开 documents carry no text."""
        docs = {k: d for k, d in self.documents.items() if d.status in statuses}
        if Status.DRAFT not in statuses:
            docs = {k: catalogue_entry(d) if d.disclosure is Disclosure.ON_REQUEST else d for k, d in docs.items()}
        issues = []
        for issue in self.issues:
            ids = tuple(d for d in issue.document_ids if d in docs)
            if ids:
                issues.append(_replace_issue(issue, document_ids=ids))
        paths = {k: p for k, p in self.paths.items() if k in docs}
        return Archive(tuple(issues), docs, paths)


ON_REQUEST_NOTE = ("本件依申请公开，此处仅登载目录信息。如需获取全文，请依照《中华人民共和国政府信息公开条例》"
                   "向发文机关{issuer}提出政府信息公开申请。")


def catalogue_entry(doc: Document) -> Document:
    """A 依申请公开 document as the public sees it: its metadata, and in place of its text
    a note saying how to request it (no OCR lines, no scan pages)."""
    from dataclasses import replace

    issuer = f"（{doc.issuer}）" if doc.issuer else ""
    return replace(doc, body=ON_REQUEST_NOTE.format(issuer=issuer) + "\n", ocr=None)


@dataclass
class WriteReport:
    """What :func:`write_results` did, for the CLI to report."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    conflicts: list[tuple[Path, Path]] = field(default_factory=list)  # (kept, new beside)
    removed: list[Path] = field(default_factory=list)
    stale: list[Path] = field(default_factory=list)  # NN.md.new files removed: their file is now up to date
    returned: list[Path] = field(default_factory=list)  # published documents whose text changed: back to draft


# ---------------------------------------------------------------- serialising

def issue_dir(content: Path, issue_id: str) -> Path:
    """The folder of one issue."""
    return content / issue_id


def document_filename(doc: Document) -> str:
    """``03.md`` for the third document of an issue."""
    return f"{doc.seq:02d}.md"


def render_document(doc: Document) -> str:
    """The full text of a document's Markdown file."""
    meta: dict[str, Any] = {
        "id": doc.id,
        "issue": doc.issue_id,
        "seq": doc.seq,
        "title": doc.title,
        "kind": doc.kind.value,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "signed_date": doc.signed_date,
        "effective_date": doc.effective_date,
        "section": doc.section,
        "source": {
            "file": doc.source.file,
            "sha256": doc.source.sha256,
            "pdf_pages": list(doc.source.pdf_pages),
            "printed_pages": list(doc.source.printed_pages),
        },
        "status": doc.status.value,
    }
    if doc.ocr:
        meta["text_source"] = doc.text_source.value
        meta["ocr"] = {
            "engine": doc.ocr.engine,
            "pages": list(doc.ocr.pages),
            "check": [{"page": c.page, "line": c.text, "why": c.why} for c in doc.ocr.check],
        }
    if doc.disclosure:
        meta["disclosure"] = doc.disclosure.value
    if doc.validity:
        meta["validity"] = doc.validity.value
        if doc.validity_by:
            meta["validity_by"] = doc.validity_by
    if doc.relations:
        meta["relations"] = [_relation_edit_yaml(r) for r in doc.relations]
    for key, value in doc.extra:
        meta.setdefault(key, value)
    return _front_matter(meta) + doc.body


def _relation_edit_yaml(edit: RelationEdit) -> dict[str, Any]:
    out: dict[str, Any] = {"type": edit.type.value}
    for key in ("target", "title", "doc_number"):
        if getattr(edit, key):
            out[key] = getattr(edit, key)
    if edit.remove:
        out["remove"] = True
    return out


def render_issue(issue: Issue) -> str:
    """The full text of an issue's ``issue.md``."""
    m = issue.meta
    meta: dict[str, Any] = {
        "id": issue.id,
        "gazette_name": m.gazette_name,
        "year": m.year,
        "number": m.number,
        "total_number": m.total_number,
        "date": m.date,
        "label": m.label,
        "publisher": m.publisher,
        "source": {"file": issue.source_file, "sha256": issue.sha256, "pages": issue.page_count},
        "toc": [
            {"section": t.section, "title": t.title, "doc_number": t.doc_number, "page": t.printed_page}
            for t in issue.toc
        ],
        "documents": list(issue.document_ids),
    }
    return _front_matter(meta)


def _front_matter(meta: dict[str, Any]) -> str:
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return f"---\n{dumped}---\n\n"


# ---------------------------------------------------------------- parsing

class _DuplicateKey(yaml.YAMLError):
    """A mapping in the front matter names the same key twice."""

    def __init__(self, key: Any, first: int, second: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key, self.first, self.second = key, first, second


class _NoAliases(yaml.YAMLError):
    """The front matter uses a YAML anchor (&x) or alias (*x)."""

    def __init__(self, line: int) -> None:
        super().__init__("anchor or alias")
        self.line = line


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but a key given twice is an error instead of "last one wins"
    (two ``status:`` lines must not silently publish or withhold a document)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        # Anchors and aliases have no use in front matter, and they let a few bytes expand
        # into gigabytes ("billion laughs") or into a structure that contains itself.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _NoAliases(event.start_mark.line)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key; SafeLoader reports it below
                continue
            if first is not None:
                raise _DuplicateKey(key, first, key_node.start_mark.line)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


_FastLoader = getattr(yaml, "CSafeLoader", None)


def _check_nodes(node: yaml.Node, loader: Any) -> None:
    """The checks of :class:`_UniqueKeyLoader` on a tree libyaml composed: a node met twice
    is an alias (libyaml shares the anchored node), a key met twice is a duplicate."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            raise _NoAliases(current.start_mark.line)
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = loader.construct_object(key_node)
                    if key in keys:
                        raise _DuplicateKey(key, keys[key], key_node.start_mark.line)
                    keys[key] = key_node.start_mark.line
                stack += [key_node, value_node]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


def _load_yaml(text: str) -> Any:
    """Front matter as data: libyaml when PyYAML has it (ten times faster: it is most of
    what loading a large archive costs), with the same refusals as the pure-Python
    :class:`_UniqueKeyLoader` (duplicate keys, anchors and aliases)."""
    if _FastLoader is None:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_nodes(node, loader)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def parse_file(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter and body of a content file; ContentError names the file on failure."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read it ({exc}); restore it from version control or re-ingest its issue")
    text, removed = clean_text(text.removeprefix(_BOM).replace("\r\n", "\n"))
    if removed:
        logging.getLogger("gazette").warning(
            "%s: %d control character%s (NUL, escape codes …) ignored; delete them from the file", path, removed,
            "s" if removed != 1 else "")
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        raise ContentError(f"{path}: no YAML front matter; the file must start with a '---' line and the metadata must end with another '---' line")
    try:
        meta = _load_yaml(match.group(1)) or {}
    except _DuplicateKey as exc:
        raise ContentError(f"{path}: front matter key {str(exc.key)!r} is given twice (lines {exc.first + 2} and {exc.second + 2}); "
                           "keep only the one you mean and delete the other") from None
    except _NoAliases as exc:
        raise ContentError(f"{path}: front matter line {exc.line + 2} uses a YAML anchor (&) or alias (*); "
                           "write the value out instead") from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        # PyYAML's constructors raise these for values like 2021-13-45, !!float x, !!bool maybe
        raise ContentError(f"{path}: front matter holds a value YAML cannot read ({type(exc).__name__}: {str(exc)[:80]}); "
                           "quote it, or correct it (dates are YYYY-MM-DD)") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where else ""
        raise ContentError(f"{path}: invalid YAML front matter{line}; fix the syntax (quote values that contain ':' or '#')")
    if not isinstance(meta, dict):
        raise ContentError(f"{path}: front matter must be a mapping of 'key: value' lines")
    return {_plain(k): _plain(v) for k, v in meta.items()}, match.group(2).lstrip("\n")


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)[0]  # a YAML escape ("\\ud800", "\\0") can make what a file cannot hold
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _opt_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return None if value is None or value == "" else str(value)


def _enum(path: Path, enum_cls: type, value: Any, key: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_cls)
        raise ContentError(f"{path}: {key}: {value!r} is not one of {allowed}; correct the front matter")


def _int(path: Path, value: Any, key: str) -> int:
    """A whole number from the front matter (None and "" count as 0)."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ContentError(f"{path}: {key}: {value!r} is not a whole number; correct the front matter (see docs/content.md)")
    try:
        return int(value)
    except ValueError:
        raise ContentError(f"{path}: {key}: {value!r} is not a whole number; correct the front matter (see docs/content.md)") from None


def _span(value: Any) -> tuple[Any, Any]:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return (value[0], value[1])
    return (None, None)


def _printed_span(path: Path, value: Any) -> tuple[int | None, int | None]:
    first, last = _span(value)
    for page in (first, last):
        if page is not None and (isinstance(page, bool) or not isinstance(page, int)):
            raise ContentError(f"{path}: source: printed_pages: {value!r} must be two page numbers (or ~); correct the front matter")
    return (first, last)


def document_from_file(path: Path) -> Document:
    """Read one document file into a :class:`Document`."""
    try:
        return _document_from_file(path)
    except (TypeError, ValueError, AttributeError, OverflowError, KeyError) as exc:
        raise ContentError(f"{path}: a front matter field has the wrong shape ({type(exc).__name__}: {str(exc)[:80]}); "
                           "compare it with docs/content.md or restore the file") from None


def _document_from_file(path: Path) -> Document:
    meta, body = parse_file(path)
    for key in ("id", "issue", "title"):
        if not meta.get(key):
            raise ContentError(f"{path}: front matter has no '{key}'; add it (see docs/content.md)")
    source = meta.get("source") or {}
    if not isinstance(source, dict):
        raise ContentError(f"{path}: 'source' must be a mapping with file, sha256, pdf_pages, printed_pages")
    known = {"id", "issue", "seq", "title", "kind", "doc_number", "issuer", "signed_date",
             "effective_date", "section", "source", "status", "text_source", "ocr", "relations", "validity", "validity_by", "disclosure"}
    extra = tuple(sorted((str(k), str(v)) for k, v in meta.items() if k not in known and k is not None))
    pdf_pages = _span(source.get("pdf_pages"))
    return Document(
        id=str(meta["id"]),
        issue_id=str(meta["issue"]),
        seq=_int(path, meta.get("seq"), "seq"),
        title=str(meta["title"]),
        kind=_enum(path, Kind, meta.get("kind", "other"), "kind"),
        doc_number=_opt_str(meta, "doc_number"),
        issuer=_opt_str(meta, "issuer"),
        signed_date=_opt_str(meta, "signed_date"),
        effective_date=_opt_str(meta, "effective_date"),
        section=_opt_str(meta, "section"),
        source=SourceRef(
            file=str(source.get("file") or ""),
            sha256=str(source.get("sha256") or ""),
            pdf_pages=(_int(path, pdf_pages[0], "source: pdf_pages"), _int(path, pdf_pages[1], "source: pdf_pages")),
            printed_pages=_printed_span(path, source.get("printed_pages")),
        ),
        body=body,
        status=_enum(path, Status, meta.get("status", "draft"), "status"),
        extra=extra,
        ocr=_ocr_info(path, meta.get("ocr")),
        relations=_relation_edits(path, meta.get("relations")),
        validity=_validity(path, meta.get("validity")),
        validity_by=_opt_str(meta, "validity_by"),
        disclosure=_disclosure(path, meta.get("disclosure")),
    )


VALIDITY_LABELS = {Validity.NOT_YET_EFFECTIVE: "尚未生效", Validity.IN_FORCE: "现行有效", Validity.AMENDED: "已被修改",
                   Validity.REPEALED: "已废止", Validity.EXPIRED: "已失效"}
_VALIDITY_WORDS = {label: v for v, label in VALIDITY_LABELS.items()} | {"有效": Validity.IN_FORCE, "失效": Validity.EXPIRED,
                                                                        "废止": Validity.REPEALED, "已修改": Validity.AMENDED}


DISCLOSURE_LABELS = {Disclosure.PUBLIC: "主动公开", Disclosure.ON_REQUEST: "依申请公开", Disclosure.NOT_PUBLIC: "不予公开"}
_DISCLOSURE_WORDS = {label: d for d, label in DISCLOSURE_LABELS.items()} | {"公开": Disclosure.PUBLIC, "不公开": Disclosure.NOT_PUBLIC}


def _disclosure(path: Path, value: Any) -> Disclosure | None:
    """``disclosure:`` as public / on_request / not_public or its Chinese label."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if text in _DISCLOSURE_WORDS:
        return _DISCLOSURE_WORDS[text]
    try:
        return Disclosure(text)
    except ValueError:
        raise ContentError(f"{path}: disclosure '{text}' is not one of public, on_request, not_public "
                           "(主动公开, 依申请公开, 不予公开); fix the front matter") from None


def _validity(path: Path, value: Any) -> Validity | None:
    """``validity:`` as one of the five values or its Chinese label (现行有效, 已废止 …)."""
    if value is None or value == "" or value == "未标注":
        return None
    text = str(value).strip()
    if text in _VALIDITY_WORDS:
        return _VALIDITY_WORDS[text]
    try:
        return Validity(text)
    except ValueError:
        allowed = ", ".join(f"{v.value} ({VALIDITY_LABELS[v]})" for v in Validity)
        raise ContentError(f"{path}: validity: {value!r} is not one of {allowed}; correct the front matter or delete the line") from None


def _relation_edits(path: Path, value: Any) -> tuple[RelationEdit, ...]:
    """The editor's ``relations:`` list (docs/relations.md)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ContentError(f"{path}: 'relations' must be a list of mappings with type and target (or title); see docs/relations.md")
    edits = []
    for n, item in enumerate(value, start=1):
        kind = _enum(path, RelationType, item.get("type"), f"relations[{n}]: type")
        target, title = _opt_str(item, "target"), _opt_str(item, "title")
        if not target and not title:
            raise ContentError(f"{path}: relations[{n}]: give a target (a document id) or the printed title; see docs/relations.md")
        edits.append(RelationEdit(kind, target, title, _opt_str(item, "doc_number"), bool(item.get("remove"))))
    return tuple(edits)


def _ocr_info(path: Path, value: Any) -> OcrInfo | None:
    """The ``ocr:`` block: engine, recognised pages and the lines still to check."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ContentError(f"{path}: 'ocr' must be a mapping with engine, pages and check; restore it from the .md.new file or re-ingest")
    try:
        pages = tuple(int(p) for p in value.get("pages") or [])
        checks = tuple(
            OcrCheck(int(c.get("page") or 0), str(c.get("line") or ""), str(c.get("why") or ""))
            for c in value.get("check") or [] if isinstance(c, dict)
        )
    except (TypeError, ValueError, AttributeError, OverflowError):
        raise ContentError(f"{path}: ocr: pages must be PDF page numbers and each check entry a mapping with page, line and why") from None
    return OcrInfo(str(value.get("engine") or ""), pages, checks)


def issue_from_file(path: Path) -> Issue:
    """Read one ``issue.md`` into an :class:`Issue`."""
    try:
        return _issue_from_file(path)
    except (TypeError, ValueError, AttributeError, OverflowError, KeyError) as exc:
        raise ContentError(f"{path}: a front matter field has the wrong shape ({type(exc).__name__}: {str(exc)[:80]}); "
                           "compare it with docs/content.md or restore the file") from None


def _opt_int(path: Path, meta: dict[str, Any], key: str) -> int | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContentError(f"{path}: {key}: {value!r} is not a whole number; correct the front matter (see docs/content.md)")
    return value


def _issue_from_file(path: Path) -> Issue:
    meta, _ = parse_file(path)
    if not meta.get("id"):
        raise ContentError(f"{path}: front matter has no 'id'; add it (see docs/content.md)")
    source = meta.get("source") or {}
    if not isinstance(source, dict):
        raise ContentError(f"{path}: 'source' must be a mapping with file, sha256 and pages")
    for key in ("toc", "documents"):
        if not isinstance(meta.get(key) or [], list):
            raise ContentError(f"{path}: '{key}' must be a list; correct the front matter (see docs/content.md)")
    toc = tuple(
        TocEntry(title=str(t.get("title") or ""), printed_page=_opt_int(path, t, "page"),
                 section=_opt_str(t, "section"), doc_number=_opt_str(t, "doc_number"))
        for t in meta.get("toc") or [] if isinstance(t, dict)
    )
    return Issue(
        id=str(meta["id"]),
        meta=IssueMeta(
            gazette_name=_opt_str(meta, "gazette_name"),
            year=_opt_int(path, meta, "year"),
            number=_opt_int(path, meta, "number"),
            total_number=_opt_int(path, meta, "total_number"),
            date=_opt_str(meta, "date"),
            label=_opt_str(meta, "label"),
            publisher=_opt_str(meta, "publisher"),
        ),
        source_file=str(source.get("file") or ""),
        sha256=str(source.get("sha256") or ""),
        page_count=_int(path, source.get("pages"), "source: pages"),
        toc=toc,
        document_ids=tuple(str(d) for d in meta.get("documents") or []),
    )


ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")


def check_id(path: Path, key: str, value: str) -> None:
    """Ids become URL and file path segments: letters, digits, ``-`` and ``_`` only."""
    if not ID_RE.match(value):
        raise ContentError(f"{path}: {key}: {value!r} is not a valid id (letters, digits, '-' and '_' only, "
                           "e.g. 2023-01 or 2023-01-03); correct it")


def safe_file(content: Path, path: Path, allow_symlinks: bool = False) -> Path:
    """``path`` if it is a regular file inside ``content``; a symlink, or a file that
    resolves outside content/, is refused (it could publish any file of the host)."""
    rel = os.path.relpath(path, content).split(os.sep)
    if not allow_symlinks:
        # lstat of each step below content/ (os.path, not pathlib: this runs for every
        # file of the archive on every build)
        steps, current = [], os.fspath(content)
        for part in rel:
            current = os.path.join(current, part)
            steps.append(current)
        for candidate in [steps[-1], *reversed(steps[:-1])]:
            if os.path.islink(candidate):
                raise ContentError(f"{candidate}: is a symbolic link; content/ files must be real files "
                                   "(copy the file in, or pass --allow-symlinks if you trust every link)")
        if ".." not in rel:
            return path  # no link below content/: the file is inside it
    if not path.resolve().is_relative_to(content.resolve()):
        raise ContentError(f"{path}: resolves outside {content}; keep every content file inside the content folder")
    return path


_PARSE_CACHE_VERSION = 3


def _file_stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def _issue_files(folder: Path, content: Path, allow_symlinks: bool) -> list[Path]:
    """The ``issue.md`` and document files of an issue folder, checked and in order."""
    files = sorted(folder.glob("*.md"))
    for path in files:
        safe_file(content, path, allow_symlinks)
    return files


def _parse_issue(issue_path: Path, files: list[Path], cache: Path | None) -> tuple[Issue, list[tuple[Path, Document]]]:
    """An issue and its documents, from ``cache`` when no file changed since it was made.

    The cache (one pickle per issue folder, in Gazette's own build cache, never in
    content/) holds what parsing gave, keyed by every file's size and modification time
    and the Gazette version: at 10,000 documents, parsing is most of what an incremental
    build would otherwise cost."""
    from . import __version__

    stamps = {path.name: _file_stamp(path) for path in files}
    key = (_PARSE_CACHE_VERSION, __version__, stamps)
    cached_file = cache / f"{issue_path.parent.name}.pickle" if cache is not None else None
    if cached_file is not None and cached_file.exists():
        try:
            with open(cached_file, "rb") as handle:
                saved_key, issue, docs = pickle.load(handle)
            if saved_key == key:
                return issue, [(issue_path.parent / name, doc) for name, doc in docs]
        except Exception:  # noqa: BLE001 - a damaged cache is only a slower build
            pass
    issue = issue_from_file(issue_path)
    docs = [(path, document_from_file(path)) for path in files if path.name != ISSUE_FILE]
    if cached_file is not None:
        cache.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps((key, issue, [(path.name, doc) for path, doc in docs]), protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(cached_file, data)
    return issue, docs


def load_archive(content: Path, allow_symlinks: bool = False, cache: Path | None = None) -> Archive:
    """Read every issue and document under ``content``; issues sorted by date and id.

    Ids must be plain path segments and an issue's id its folder's name; symbolic links
    are refused unless ``allow_symlinks``. With ``cache`` (a folder of Gazette's own),
    issues whose files did not change are taken from it instead of parsed again."""
    if not content.is_dir():
        raise ContentError(f"{content}: no such content folder; run 'gazette ingest PDF --content {content}' first")
    issues: list[Issue] = []
    documents: dict[str, Document] = {}
    paths: dict[str, Path] = {}
    for issue_path in sorted(content.glob(f"*/{ISSUE_FILE}")):
        issue, parsed = _parse_issue(issue_path, _issue_files(issue_path.parent, content, allow_symlinks), cache)
        check_id(issue_path, "id", issue.id)
        if issue.id != issue_path.parent.name:
            raise ContentError(f"{issue_path}: id {issue.id!r} is not the name of its folder ({issue_path.parent.name}); "
                               "make them the same")
        issues.append(issue)
        seqs: dict[int, Path] = {}
        for doc_path, doc in parsed:
            check_id(doc_path, "id", doc.id)
            if doc.id in documents:
                raise ContentError(f"{doc_path}: document id {doc.id} is also used by {paths[doc.id]}; give one of them a different 'id'")
            if doc.issue_id != issue.id:
                raise ContentError(f"{doc_path}: issue: {doc.issue_id!r} is not the issue of its folder ({issue.id}, see {issue_path}); "
                                   f"set 'issue: {issue.id}' or move the file into the folder of issue {doc.issue_id}")
            if doc.seq in seqs:
                raise ContentError(f"{doc_path}: seq {doc.seq} is also used by {seqs[doc.seq]} in issue {issue.id}, so both would be "
                                   "published at the same URL; give one of them a different 'seq' (its position in the issue)")
            seqs[doc.seq] = doc_path
            documents[doc.id] = doc
            paths[doc.id] = doc_path
    issues.sort(key=lambda i: (i.meta.date or "", i.id))
    return Archive(tuple(issues), documents, paths)


# ---------------------------------------------------------------- writing

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load_manifest(content: Path) -> dict[str, str]:
    path = content / MANIFEST
    if not path.exists():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise ContentError(f"{path}: unreadable manifest ({exc}); delete it and re-run (edited files will then be treated as editors' work and kept)")


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old bytes or the new, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def planned_files(result: IngestResult, pdf_path: Path) -> dict[str, bytes]:
    """Every file (relative path → bytes) that ingesting one issue produces."""
    issue = result.issue
    files: dict[str, bytes] = {f"{issue.id}/{ISSUE_FILE}": render_issue(issue).encode("utf-8")}
    for doc in result.documents:
        files[f"{issue.id}/{document_filename(doc)}"] = render_document(doc).encode("utf-8")
    files[f"{issue.id}/{issue.source_file}"] = pdf_path.read_bytes()
    for index, image in result.page_images:
        files[f"{issue.id}/{page_image_name(index)}"] = image
    files[f"{issue.id}/{WARNINGS_FILE}"] = render_warnings(result)
    return files


WARNINGS_FILE = "warnings.json"


def render_warnings(result: IngestResult) -> bytes:
    """The ingest warnings of an issue as JSON (``[{"page": 5, "message": …}]``), kept
    beside its documents so the desk can show each document the problems found in its
    pages. Written by every ingest; the file is Gazette's, editors need not touch it."""
    items = [{"page": w.page, "message": w.message} for w in result.warnings]
    return (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_warnings(content: Path, issue_id: str) -> list[tuple[int | None, str]]:
    """The ingest warnings recorded for an issue, as (PDF page, message); none when the
    issue was ingested before warnings were kept, or the file is unreadable."""
    path = issue_dir(content, issue_id) / WARNINGS_FILE
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
        return [(int(i["page"]) if i.get("page") is not None else None, str(i["message"])) for i in items]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []


def page_image_name(pdf_index: int) -> str:
    """Where a scanned page's image lives inside its issue folder: ``pages/p0005.webp``."""
    return f"pages/p{pdf_index:04d}.webp"


def write_results(content: Path, results: Iterable[tuple[IngestResult, Path]], force: bool = False) -> WriteReport:
    """Write ingested issues into ``content``, never overwriting an editor's changes.

    All files are rendered first; then each is written atomically. Files of an issue that
    the new split no longer produces are removed only when nobody edited them.
    """
    manifest = _load_manifest(content)
    report = WriteReport()
    plan: dict[str, bytes] = {}
    issue_ids: set[str] = set()
    for result, pdf_path in results:
        plan.update(planned_files(result, pdf_path))
        issue_ids.add(result.issue.id)

    for rel, data in sorted(plan.items()):
        path = content / rel
        beside = path.with_name(path.name + ".new")
        if path.exists():
            current = path.read_bytes()
            data = _keep_review(current, data, path, report)
            if current == data:
                report.unchanged.append(path)
                manifest[rel] = _sha(_review_neutral(data))
                _remove_stale(beside, report)
                continue
            edited = manifest.get(rel) != _sha(_review_neutral(current))
            if edited and not force:
                atomic_write(beside, data)
                report.conflicts.append((path, beside))
                continue
        atomic_write(path, data)
        manifest[rel] = _sha(_review_neutral(data))
        report.written.append(path)
        _remove_stale(beside, report)

    for issue_id in sorted(issue_ids):
        for path in sorted(issue_dir(content, issue_id).glob("*.md")):
            rel = path.relative_to(content).as_posix()
            if rel in plan:
                continue
            if manifest.get(rel) == _sha(path.read_bytes()) or force:
                path.unlink()
                manifest.pop(rel, None)
                report.removed.append(path)
                _remove_stale(path.with_name(path.name + ".new"), report)
    atomic_write(content / MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return report


_STATUS_LINE_RE = re.compile(rb"^status:[ \t]*(?P<value>[a-z]*)[ \t]*$", re.M)


def _front(data: bytes) -> tuple[int, int] | None:
    """Byte span of the front matter of a document file, or None."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if not data.startswith(b"---\n", start):
        return None
    end = data.find(b"\n---\n", start + 3)
    return (start, end) if end >= 0 else None


def _with_status(data: bytes, status: str) -> bytes:
    span = _front(data)
    if span is None:
        return data
    head = _STATUS_LINE_RE.sub(b"status: " + status.encode(), data[span[0]:span[1]], count=1)
    return data[:span[0]] + head + data[span[1]:]


def _status_of(data: bytes) -> str | None:
    span = _front(data)
    match = _STATUS_LINE_RE.search(data[span[0]:span[1]]) if span else None
    return match.group("value").decode() if match else None


def _review_neutral(data: bytes) -> bytes:
    """A document file as ingest wrote it, whatever its review status now: review is
    not editing, so publishing a document never makes a re-ingest see a conflict."""
    return _with_status(data, Status.DRAFT.value) if _status_of(data) is not None else data


def _keep_review(current: bytes, new: bytes, path: Path, report: WriteReport) -> bytes:
    """The new version of a document file, carrying over the review status of the file
    on disk. A published document whose text or metadata changed goes back to draft (it
    must be reviewed again before release) and is listed in ``report.returned``."""
    status = _status_of(current)
    if status is None or _status_of(new) is None or status == _status_of(new):
        return new
    if status == Status.PUBLISHED.value and _review_neutral(new) != _review_neutral(current):
        report.returned.append(path)
        return new
    return _with_status(new, status)


def _remove_stale(beside: Path, report: WriteReport) -> None:
    """Delete an ``NN.md.new`` left by an earlier conflict once its file is up to date."""
    if beside.is_file():
        beside.unlink()
        report.stale.append(beside)


def set_status(path: Path, status: Status) -> bool:
    """Change the ``status:`` line of one document file; True when it changed.

    Only that line is touched, so the rest of an editor's file stays byte-identical.
    The manifest is deliberately not updated: the file now counts as edited, and a
    later re-ingest keeps it.
    """
    return set_field(path, "status", status.value)


def set_field(path: Path, key: str, value: str | None) -> bool:
    """Change (or add, or with None remove) one top-level ``key: value`` line of a
    document's front matter, atomically; True when the file changed. ``value`` must be
    a plain YAML scalar (an enum value)."""
    if value is not None and not re.fullmatch(r"[a-z_]+", value):
        raise ValueError(f"set_field takes plain enum values, not {value!r}")
    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER_RE.match(text.removeprefix(_BOM))
    if not match:
        raise ContentError(f"{path}: no YAML front matter; cannot set its {key}")
    front = match.group(1)
    pattern = rf"^{re.escape(key)}:.*(?:\n|$)" if value is None else rf"^{re.escape(key)}:.*$"
    replacement = "" if value is None else f"{key}: {value}"
    new_front, n = re.subn(pattern, replacement, front, count=1, flags=re.M)
    if n == 0 and value is not None:
        new_front = front + f"\n{key}: {value}"
    new_front = new_front.rstrip("\n") if value is None else new_front
    if new_front == front:
        return False
    atomic_write(path, text.replace(front, new_front, 1).encode("utf-8"))
    return True


def _replace_issue(issue: Issue, **changes: Any) -> Issue:
    from dataclasses import replace

    return replace(issue, **changes)

