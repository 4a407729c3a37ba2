"""The only module that talks to pypdf: open a PDF safely and extract each page's text.

Every failure becomes a :class:`~gazette.errors.GazetteError` that names the file and
says how to fix it; pypdf's own exceptions and warnings never reach the user.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

from .errors import EncryptedPdfError, InputFileError
from .textnorm import clean_text
from .models import TextSource

logging.getLogger("pypdf").setLevel(logging.ERROR)

_TAIL_BYTES = 2048
@dataclass(frozen=True)
class RawPage:
    """Text of one PDF page as pypdf extracts it (or OCR recognised it), and whether the
    page draws images."""

    index: int  # 1-based
    text: str
    has_images: bool
    source: TextSource = TextSource.TEXT_LAYER
    removed: int = 0  # control characters and lone surrogates removed from the text


@dataclass(frozen=True)
class PdfFile:
    """An opened, checked PDF."""

    path: Path
    sha256: str
    page_count: int
    reader: PdfReader

    def pages(self) -> Iterator[RawPage]:
        """Extract every page's text, in order, one page at a time."""
        for index, page in enumerate(self.reader.pages, start=1):
            try:
                text = page.extract_text() or ""
            except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, NotImplementedError, RecursionError,
                    OverflowError, IndexError, ZeroDivisionError) as exc:
                raise InputFileError(
                    f"{self.path}: page {index} cannot be read ({type(exc).__name__}: {exc}); "
                    "the file is damaged — re-export or re-download it"
                ) from None
            text, removed = clean_text(text)
            yield RawPage(index, text, _has_images(page) if len(text.strip()) < 20 or _few_cjk(text) else False,
                          removed=removed)


def _few_cjk(text: str) -> bool:
    chars = [c for c in text if not c.isspace()]
    return sum(1 for c in chars if "\u4e00" <= c <= "\u9fff") < 0.05 * len(chars)


def _has_images(page: object) -> bool:
    try:
        resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
        xobjects = resources.get("/XObject") or {}
        return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    except (PyPdfError, AttributeError, KeyError, TypeError):
        return False


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_pdf(path: Path) -> PdfFile:
    """Open and check a PDF; raise a GazetteError that says what is wrong and how to fix it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - _TAIL_BYTES))
            tail = fh.read()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a folder, not a PDF; pass the PDF files inside it") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read it ({exc.strerror}); check its permissions") from None
    if size == 0:
        raise InputFileError(f"{path}: the file is empty (0 bytes); download or export it again")
    if b"%PDF-" not in head:
        raise InputFileError(f"{path}: not a PDF (no %PDF- header); pass the issue's PDF file, not {_guess_kind(head)}")
    if b"%%EOF" not in tail and not _padded_after_eof(path):
        raise InputFileError(f"{path}: the PDF is truncated (no %%EOF at the end); download or copy it again completely")
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except DependencyError as exc:
                raise EncryptedPdfError(f"{path}: the PDF is encrypted and reading it needs a package that is missing ({exc}); reinstall Gazette (pip install gazette) or save an unencrypted copy (qpdf --decrypt)") from None
            except (NotImplementedError, PyPdfError) as exc:
                raise EncryptedPdfError(f"{path}: the PDF is encrypted ({exc}); save an unencrypted copy (e.g. qpdf --decrypt) and ingest that") from None
            if not ok:
                raise EncryptedPdfError(f"{path}: the PDF is password-protected; save an unencrypted copy (e.g. qpdf --password=… --decrypt) and ingest that")
        count = len(reader.pages)
    except (EncryptedPdfError, InputFileError):
        raise
    except FileNotDecryptedError:
        raise EncryptedPdfError(f"{path}: the PDF is password-protected; save an unencrypted copy and ingest that") from None
    except NotImplementedError as exc:  # pypdf: an encryption handler or filter it does not support
        if "ncrypt" in str(exc) or "handler" in str(exc):
            raise EncryptedPdfError(f"{path}: the PDF uses an encryption pypdf cannot open ({exc}); save an unencrypted copy (e.g. qpdf --decrypt) and ingest that") from None
        raise InputFileError(f"{path}: the PDF uses a feature that cannot be read ({exc}); re-export it as plain PDF") from None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError,
            OverflowError, IndexError, ZeroDivisionError) as exc:
        raise InputFileError(f"{path}: the PDF is damaged and cannot be parsed ({type(exc).__name__}: {exc}); re-export or re-download it") from None
    if count == 0:
        raise InputFileError(f"{path}: the PDF has no pages; check that the right file was exported")
    return PdfFile(path=path, sha256=file_sha256(path), page_count=count, reader=reader)


_PADDING = b" \t\r\n\f\x00\x1a"


def _padded_after_eof(path: Path) -> bool:
    """True when the file's last %%EOF is followed by padding only (NULs, spaces, a DOS
    end-of-file mark: what some scanners, mailers and disk images add), not by data."""
    import mmap

    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        end = data.rfind(b"%%EOF")
        if end < 0:
            return False
        return not data[end + 5:].translate(None, _PADDING)


def _guess_kind(head: bytes) -> str:
    signatures = {b"PK\x03\x04": "a ZIP/Office file", b"\xd0\xcf\x11\xe0": "an old Office file",
                  b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"<": "an HTML/XML file"}
    for magic, name in signatures.items():
        if head.lstrip().startswith(magic):
            return name
    return "some other kind of file"


def _squeeze(text: str) -> str:
    return "".join(text.split())


def redacted_copy(path: Path, data: bytes, blank: set[int], unlisted: set[int], secrets: list[str]) -> tuple[bytes, tuple[int, ...]]:
    """A copy of the PDF ``data`` with pages replaced by blank pages of the same size.

    ``blank`` pages are always replaced; an ``unlisted`` page (one that prints no
    document: cover, 目录, imprint) is replaced when its text mentions any of
    ``secrets`` (the titles and 文号 of unpublished documents). Page numbering is kept,
    so ``#page=N`` links still point at the right page. Returns the bytes and the
    replaced pages. The output is deterministic (pypdf writes no dates or random ids).
    """
    from io import BytesIO

    from pypdf import PdfWriter

    wanted = [s for s in (_squeeze(s) for s in secrets) if len(s) >= 4]
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        writer = PdfWriter()
        removed = []
        for index, page in enumerate(reader.pages, start=1):
            hide = index in blank
            if not hide and index in unlisted and wanted:
                text = _squeeze(clean_text(page.extract_text() or "")[0])
                hide = any(s in text for s in wanted)
            if hide:
                box = page.mediabox
                writer.add_blank_page(width=box.width, height=box.height)
                removed.append(index)
            else:
                writer.add_page(page)
        out = BytesIO()
        writer.write(out)
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise InputFileError(f"{path}: cannot make the public copy of this PDF ({type(exc).__name__}: {exc}); "
                             "replace it with the original issue PDF") from None
    return out.getvalue(), tuple(removed)
