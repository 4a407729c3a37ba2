"""Frozen dataclasses that are the contract between pipeline stages.

``pdf``/``pages`` produce :class:`Page`; ``cover`` produces :class:`IssueMeta`;
``toc`` produces :class:`TocEntry`; ``split`` produces :class:`Document`;
``content`` writes and reads :class:`Issue` and :class:`Document`.
No stage passes loose dicts to another.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class TextSource(str, enum.Enum):
    """Where a page's text came from."""

    TEXT_LAYER = "text-layer"
    OCR = "ocr"
    NONE = "none"


class Kind(str, enum.Enum):
    """Document kind, as used in front matter and the export."""

    REGULATION = "regulation"  # 规章 (and 行政法规 / 地方性法规 printed in a gazette)
    NORMATIVE = "normative"  # 规范性文件: a 文号, or addressees and a signature; 批复/复函/函 with a 文号; 司法解释
    INTERPRETATION = "interpretation"  # 政策解读
    PERSONNEL = "personnel"  # 人事任免
    OTHER = "other"  # 公告, 通告, 通报, 批复/函 without a 文号, …


class Status(str, enum.Enum):
    """Review status. Only ``published`` documents reach the site and its exports."""

    DRAFT = "draft"
    PUBLISHED = "published"
    WITHHELD = "withheld"  # not for public release, never published


class Disclosure(str, enum.Enum):
    """公开属性: how a document may be released, from its printed line or an editor."""

    PUBLIC = "public"  # 主动公开 （此件公开发布）
    ON_REQUEST = "on_request"  # 依申请公开: a catalogue entry only, never its text
    NOT_PUBLIC = "not_public"  # 不予公开: never published without a registered override


@dataclass(frozen=True)
class Page:
    """One PDF page: its body lines with running header and page number removed.

    ``pdf_index`` is 1-based. ``printed_number`` is the page number printed on the page
    (None on the cover and unnumbered pages). ``problem`` explains why a page has no
    usable text (image-only, unmapped font encoding); OCR fills such pages later and
    sets ``source`` to ``TextSource.OCR``. ``removed_chars`` counts the control
    characters, NULs and lone surrogates removed from the text layer (reported as a warning).
    """

    pdf_index: int
    printed_number: int | None
    lines: tuple[str, ...]
    source: TextSource = TextSource.TEXT_LAYER
    furniture: tuple[str, ...] = ()
    problem: str | None = None
    removed_chars: int = 0  # control characters / lone surrogates removed from its text layer

    @property
    def has_text(self) -> bool:
        """True when the page has usable text."""
        return self.problem is None and self.source is not TextSource.NONE


@dataclass(frozen=True)
class IssueMeta:
    """Issue metadata read from the cover (or given by the user)."""

    gazette_name: str | None = None
    year: int | None = None
    number: int | None = None
    total_number: int | None = None
    date: str | None = None  # ISO 8601
    label: str | None = None  # as printed, e.g. 2021年第5期（总第448期）
    publisher: str | None = None

    @property
    def short_label(self) -> str | None:
        """``2021年第5期`` style label used in citations."""
        if self.year is None or self.number is None:
            return self.label
        return f"{self.year}年第{self.number}期"


@dataclass(frozen=True)
class TocEntry:
    """One 目录 entry: its section heading, title, 文号 and printed page."""

    title: str
    printed_page: int | None
    section: str | None = None
    doc_number: str | None = None


@dataclass(frozen=True)
class SourceRef:
    """Where a document was printed: the source PDF and page spans (1-based, inclusive)."""

    file: str
    sha256: str
    pdf_pages: tuple[int, int]
    printed_pages: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata extracted from a document's text."""

    title: str
    kind: Kind = Kind.OTHER
    doc_number: str | None = None
    issuer: str | None = None
    signed_date: str | None = None
    effective_date: str | None = None


@dataclass(frozen=True)
class OcrCheck:
    """A recognised line an editor should check against the page image, and why."""

    page: int  # PDF page index
    text: str
    why: str


@dataclass(frozen=True)
class OcrInfo:
    """How a document's text was recognised: engine, the PDF pages read by OCR, and
    the lines still to be checked (editors delete entries once checked)."""

    engine: str
    pages: tuple[int, ...]
    check: tuple[OcrCheck, ...] = ()


class RelationType(str, enum.Enum):
    """How one document bears on another (the export's ``relations[].type``)."""

    INTERPRETS = "interprets"  # a 政策解读 explains the target
    REPEALS = "repeals"  # …予以废止
    AMENDS = "amends"  # 作如下修改, 修改为
    ISSUES = "issues"  # a notice prints (印发) the target
    REPLACES = "replaces"  # 本办法自…起施行，原《…》同时废止
    INTERPRETED_BY = "interpreted_by"
    REPEALED_BY = "repealed_by"
    AMENDED_BY = "amended_by"
    ISSUED_BY = "issued_by"
    REPLACED_BY = "replaced_by"

    @property
    def reverse(self) -> "RelationType":
        """The type seen from the target (repeals → repealed_by and back)."""
        return _REVERSE[self]


_REVERSE: dict[RelationType, RelationType] = {}
for _a, _b in (("interprets", "interpreted_by"), ("repeals", "repealed_by"), ("amends", "amended_by"),
               ("issues", "issued_by"), ("replaces", "replaced_by")):
    _REVERSE[RelationType(_a)], _REVERSE[RelationType(_b)] = RelationType(_b), RelationType(_a)


class Validity(str, enum.Enum):
    """Whether a document is in force, as of the archive's latest issue."""

    NOT_YET_EFFECTIVE = "not_yet_effective"  # 尚未生效
    IN_FORCE = "in_force"  # 现行有效
    AMENDED = "amended"  # 已被修改
    REPEALED = "repealed"  # 已废止
    EXPIRED = "expired"  # 已失效


@dataclass(frozen=True)
class RelationEdit:
    """An editor's line in a document's ``relations:`` front matter: add or confirm a
    relation (``target`` an id, or a printed title/文号 when the target is not in the
    archive), or remove one the text seemed to make (``remove: true``)."""

    type: RelationType
    target: str | None = None
    title: str | None = None
    doc_number: str | None = None
    remove: bool = False


@dataclass(frozen=True)
class Document:
    """One document of an issue.

    ``body`` is the document text in Gazette's body format (see ``structure``):
    paragraphs separated by blank lines, 章 and 节 as ``##``/``###`` headings,
    everything else literal text.
    """

    id: str
    issue_id: str
    seq: int
    title: str
    kind: Kind
    doc_number: str | None
    issuer: str | None
    signed_date: str | None
    effective_date: str | None
    section: str | None
    source: SourceRef
    body: str
    status: Status = Status.DRAFT
    extra: tuple[tuple[str, str], ...] = ()
    ocr: OcrInfo | None = None
    relations: tuple[RelationEdit, ...] = ()  # the editor's, from the front matter
    validity: Validity | None = None  # set by an editor; derived when None
    validity_by: str | None = None  # who set it
    disclosure: Disclosure | None = None  # 公开属性; None when nothing is printed or set

    @property
    def text_source(self) -> TextSource:
        """``ocr`` when any page of the document was recognised from a scan."""
        return TextSource.OCR if self.ocr and self.ocr.pages else TextSource.TEXT_LAYER

    @property
    def is_public(self) -> bool:
        """True only for documents approved for public release."""
        return self.status is Status.PUBLISHED

    @property
    def text_public(self) -> bool:
        """True when the document's text may be shown: published and not 依申请公开
        (those are catalogue entries: title, 文号, issuer, date and how to ask)."""
        return self.is_public and self.disclosure is not Disclosure.ON_REQUEST


@dataclass(frozen=True)
class Issue:
    """One gazette issue: metadata, its 目录 and its documents in printed order."""

    id: str
    meta: IssueMeta
    source_file: str
    sha256: str
    page_count: int
    toc: tuple[TocEntry, ...] = ()
    document_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Warning_:
    """A disagreement or problem found while splitting, reported to the user."""

    file: str
    message: str
    page: int | None = None

    def __str__(self) -> str:
        where = f" (PDF page {self.page})" if self.page else ""
        return f"{self.file}{where}: {self.message}"


@dataclass(frozen=True)
class IngestResult:
    """Everything read from one PDF, before anything is written."""

    issue: Issue
    documents: tuple[Document, ...]
    pages: tuple[Page, ...] = field(default=(), repr=False)
    warnings: tuple[Warning_, ...] = ()
    page_images: tuple[tuple[int, bytes], ...] = field(default=(), repr=False)  # (PDF page, WebP) of scanned pages
