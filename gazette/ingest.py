"""Ingest one issue PDF: pages → cover → 目录 → split → documents, nothing written yet.

:func:`ingest_pdf` gathers everything about one issue into an :class:`IngestResult`;
``content.write_results`` writes it later (mkdocs' "gather, then write").
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .cover import looks_like_cover, looks_like_imprint, masthead, merge_meta, read_cover
from .errors import NoTextLayerError
from .fold import fold, is_traditional
from .metadata import extract_metadata, find_disclosure
from .models import (Document, IngestResult, Issue, IssueMeta, Kind, OcrCheck, OcrInfo, Page, SourceRef,
                     TextSource, TocEntry, Warning_)
from .pages import build_pages, split_lines, text_problem, toc_page_lines
from .paragraphs import join_lines, visual_width
from .pdf import PdfFile, RawPage, clean_text, open_pdf
from .split import Line, Start, body_starts, compact, flatten, locate_entries, split_doc_number, split_spaced_doc_number, title_end
from .structure import text_to_body
from .textnorm import normalize_doc_number
from .toc import find_end_toc_pages, find_toc_pages, is_section_heading, parse_toc, resolve_insets, section_name

if TYPE_CHECKING:
    from .ocr import OcrOptions

ProgressCallback = Callable[[int, int], None]
_SPACES = re.compile(r"[\s\u3000]+")


def issue_id_for(meta: IssueMeta, sha256: str) -> str:
    """``2021-05`` from the year and number; the file hash when the cover gave neither."""
    if meta.year is not None and meta.number is not None:
        return f"{meta.year}-{meta.number:02d}"
    return f"issue-{sha256[:12]}"


def ingest_pdf(path: Path, meta_override: IssueMeta | None = None,
               progress: ProgressCallback | None = None, ocr: "OcrOptions | None" = None) -> IngestResult:
    """Read and split one issue PDF. Raises GazetteError subclasses on bad input.

    Pages without a usable text layer are recognised by OCR when ``ocr`` is given
    (``gazette.ocr.OcrOptions``); otherwise they are reported as needing OCR.
    """
    pdf = open_pdf(path)
    raw: list[RawPage] = []
    for page in pdf.pages():
        raw.append(page)
        if progress and ocr is None:
            progress(page.index, pdf.page_count)
    ocr_warnings: list[Warning_] = []
    ocr_lines: dict[int, tuple] = {}
    images: tuple[tuple[int, bytes], ...] = ()
    engine = ""
    if ocr is not None:
        raw, ocr_lines, images, ocr_warnings, engine = _recognise(pdf, raw, ocr, progress)
    printed_raw = raw
    traditional = is_traditional("".join(page.text for page in raw[:40]))
    if traditional:  # read the structure through the simplified fold; the text stays as printed
        raw = [replace(page, text=fold(page.text)) for page in raw]
    has_cover = looks_like_cover(split_lines(raw[0].text))
    meta = merge_meta(read_cover(masthead(split_lines(raw[0].text))) if has_cover else IssueMeta(), meta_override)
    first_body = 1 if has_cover else 0
    pages = build_pages(raw, body_start=first_body + 1)
    toc_pages = find_toc_pages(pages, first=first_body)
    body_pages = pages[(toc_pages[-1] + 1 if toc_pages else first_body):]
    if not toc_pages:
        toc_pages = find_end_toc_pages(pages, first=first_body)
        body_pages = pages[first_body:toc_pages[0]] if toc_pages else body_pages
    while len(body_pages) > 1 and looks_like_imprint(body_pages[-1].lines):
        body_pages = body_pages[:-1]  # the imprint on the back page is no document's text
    warnings = ocr_warnings + [Warning_(path.name, p.problem, p.pdf_index) for p in pages if p.problem]
    warnings += [Warning_(path.name, f"{p.removed_chars} control character{'s' if p.removed_chars != 1 else ''} (NUL, lone surrogates …) removed from the text layer; "
                          "check the page's text against the printed page", p.pdf_index) for p in pages if p.removed_chars]
    if not any(p.has_text and any(line.strip() for line in p.lines) for p in body_pages):
        if ocr is not None:
            raise NoTextLayerError(f"{path}: OCR recognised no text on any body page; check that the scan is not blank and is at least 150 dpi")
        if not any(page.has_images for page in printed_raw):
            raise NoTextLayerError(f"{path}: no page has any text or image (blank pages, or a damaged page tree); check the file, or export it again")
        raise NoTextLayerError(f"{path}: no page has a usable text layer (scanned or image-only PDF); ingest it with OCR (the default; do not pass --no-ocr)")
    entries = parse_toc([line for i in toc_pages for line in toc_page_lines(raw[i])])
    if toc_pages and not entries:
        warnings.append(Warning_(path.name, "the 目录 has no readable entries; the issue was split from the body alone", pages[toc_pages[0]].pdf_index))
    body_pages = drop_section_headings(body_pages, entries)
    body_pages = drop_running_titles(body_pages, entries)
    lines = flatten(body_pages)
    entries = resolve_insets(entries, "".join(line.compact for line in lines))
    starts = _starts(lines, entries, body_pages, path.name, warnings)
    if traditional:
        body_pages = [_as_printed(page, raw[page.pdf_index - 1].text, printed_raw[page.pdf_index - 1].text) for page in body_pages]
        lines = flatten(body_pages)
        toc_folded = "".join(compact(line) for i in toc_pages for line in toc_page_lines(raw[i]))
        toc_printed = "".join(compact(line) for i in toc_pages for line in toc_page_lines(printed_raw[i]))
        entries = [_entry_as_printed(e, toc_folded, toc_printed) for e in entries]
        starts = [replace(s, entry=_entry_as_printed(s.entry, toc_folded, toc_printed)) if s.entry else s for s in starts]
        meta = _meta_as_printed(meta, compact(raw[0].text), compact(printed_raw[0].text))
    issue_id = issue_id_for(meta, pdf.sha256)
    source_file = f"{issue_id}.pdf"
    full_width = _full_width(lines)
    documents = []
    for seq, (start, end) in enumerate(_spans(starts, len(lines)), start=1):
        doc = _document(lines[start.line:end], start, seq, issue_id, source_file, pdf.sha256, body_pages, full_width)
        documents.append(replace(doc, ocr=_ocr_info(doc, lines[start.line:end], ocr_lines, engine)))
    issue = Issue(
        id=issue_id,
        meta=meta,
        source_file=source_file,
        sha256=pdf.sha256,
        page_count=pdf.page_count,
        toc=tuple(entries),
        document_ids=tuple(d.id for d in documents),
    )
    return IngestResult(issue=issue, documents=tuple(documents), pages=tuple(pages),
                        warnings=tuple(_recount_checks(warnings, documents)), page_images=images)


_CHECK_NOTE_RE = re.compile(r"^\d+ of \d+ lines need checking against the page image$")


def _recount_checks(warnings: Sequence[Warning_], documents: Sequence[Document]) -> list[Warning_]:
    """The OCR's "N of M lines need checking" notes, counting only the lines of documents
    (a low-confidence page number or running head is no text to check)."""
    per_page: dict[int, int] = {}
    for doc in documents:
        for check in (doc.ocr.check if doc.ocr else ()):
            per_page[check.page] = per_page.get(check.page, 0) + 1
    out = []
    for warning in warnings:
        if _CHECK_NOTE_RE.match(warning.message):
            count = per_page.get(warning.page or 0, 0)
            if not count:
                continue
            warning = Warning_(warning.file, f"{count} line{'s' if count != 1 else ''} need{'' if count != 1 else 's'} checking "
                               "against the page image (gazette ocr-check lists them)", warning.page)
        out.append(warning)
    return out


def _as_printed(page: Page, folded_text: str, printed_text: str) -> Page:
    """A page read through the fold, with its lines given back as printed (the fold
    keeps every line's length, so line k of one is line k of the other)."""
    folded_lines, printed_lines = split_lines(folded_text), split_lines(printed_text)
    if len(folded_lines) != len(printed_lines):
        return page
    out, k = [], 0
    for line in page.lines:
        while k < len(folded_lines) and folded_lines[k] != line:
            k += 1
        if k == len(folded_lines):
            return page  # not found in order: keep the folded page rather than guess
        out.append(printed_lines[k])
        k += 1
    return replace(page, lines=tuple(out))


def _span_as_printed(text: str | None, folded: str, printed: str) -> str | None:
    """The printed form of ``text``, found at the same place in the folded text."""
    if not text:
        return text
    at = folded.find(compact(text))
    return printed[at:at + len(compact(text))] if at >= 0 and len(folded) == len(printed) else text


def _entry_as_printed(entry: TocEntry, folded: str, printed: str) -> TocEntry:
    return TocEntry(_span_as_printed(entry.title, folded, printed) or entry.title, entry.printed_page,
                    _span_as_printed(entry.section, folded, printed), _span_as_printed(entry.doc_number, folded, printed))


def _meta_as_printed(meta: IssueMeta, folded: str, printed: str) -> IssueMeta:
    return replace(meta, gazette_name=_span_as_printed(meta.gazette_name, folded, printed),
                   label=_span_as_printed(meta.label, folded, printed),
                   publisher=_span_as_printed(meta.publisher, folded, printed))


def _recognise(pdf: PdfFile, raw: list[RawPage], options: "OcrOptions", progress: ProgressCallback | None):
    """OCR every page whose text layer is unusable; the others stay as they are."""
    from .ocr import ocr_pages

    wanted = [page.index for page in raw if text_problem(page) is not None]
    warnings: list[Warning_] = []
    if not wanted:
        return raw, {}, (), warnings, ""
    results = ocr_pages(pdf.path, pdf.sha256, wanted, options, progress)
    lines: dict[int, tuple] = {}
    images = []
    engine = ""
    out = list(raw)
    for index, result in results.items():
        if result.page is None:
            warnings.append(Warning_(pdf.path.name, f"OCR failed: {result.error}; the page was left out — rescan it", index))
            continue
        page = result.page
        engine = page.engine
        warnings.extend(Warning_(pdf.path.name, note, index) for note in page.notes)
        out[index - 1] = RawPage(index, clean_text(page.text)[0], True, TextSource.OCR)
        lines[index] = page.lines
        if result.image:
            images.append((index, result.image))
    return out, lines, tuple(images), warnings, engine


def _ocr_info(doc: Document, lines: Sequence[Line], ocr_lines: dict[int, tuple], engine: str) -> OcrInfo | None:
    """Which of the document's pages were recognised, and its lines still to be checked."""
    first, last = doc.source.pdf_pages
    pages = tuple(p for p in range(first, last + 1) if p in ocr_lines)
    if not pages:
        return None
    mine = {(line.page, line.compact) for line in lines}
    checks = tuple(
        OcrCheck(page, _SPACES.sub(" ", line.text).strip(), line.check)
        for page in pages for line in ocr_lines[page]
        if line.check and (page, compact(line.text)) in mine
    )
    return OcrInfo(engine, pages, checks)


def drop_section_headings(pages: Sequence[Page], entries: Sequence[TocEntry]) -> list[Page]:
    """Remove 目录 section names printed on their own line in the body.

    Some gazettes print the section (省政府文件, 政策解读 …) as a running header or as a
    heading above the section's first document; either way it belongs to no document.
    """
    every = {_SPACES.sub("", e.section) for e in entries if e.section}
    sections = {name for name in every if len(name) >= 3}
    if not every:
        return list(pages)
    result = []
    for page in pages:
        keep = [line for line in page.lines if not _is_banner(line, sections)]
        if _is_divider(page.lines, every):
            keep = []  # a divider page that prints only the section's name (法　律, ◆)
        if len(keep) != len(page.lines):
            dropped = tuple(line for line in page.lines if line not in keep)
            page = replace(page, lines=tuple(keep), furniture=page.furniture + dropped)
        result.append(page)
    return result


def drop_running_titles(pages: Sequence[Page], entries: Sequence[TocEntry]) -> list[Page]:
    """Remove a running head that repeats a document's title.

    A line at a page edge is such a head when it shortens a 目录 title with an ellipsis;
    when it gives a title whole (perhaps with the folio) that an earlier page already
    printed, or whose document the 目录 starts on an earlier page (the document goes on);
    or when it is a page's last line and the page prints that title once more. A title's
    first printing, the document's own title line, always stays."""
    titles = {_SPACES.sub("", e.title) for e in entries if len(_SPACES.sub("", e.title)) >= 6}
    if not titles:
        return list(pages)
    started: dict[str, int] = {}  # title → the printed page its document starts on
    for e in entries:
        if e.printed_page is not None:
            started.setdefault(_SPACES.sub("", e.title), e.printed_page)
    result = []
    seen: set[str] = set()
    for page in pages:
        lines = list(page.lines)
        text = [_SPACES.sub("", line) for line in lines]
        drop = set()
        last = len(lines) - 1
        for i in sorted({0, 1, last - 1, last} & set(range(len(lines)))):
            line = _FOLIO_END_RE.sub("", text[i])  # …的解读 21: a running foot that ends in the folio
            with_folio = line != text[i]
            short = line.rstrip("…⋯.")
            if short != line and len(short) >= 6 and any(t.startswith(short) for t in titles):
                drop.add(i)
            elif line in titles and (line in seen or (i == last and _printed_before(line, text[:i]))
                                     or (with_folio or i == last) and (page.printed_number or 0) > started.get(line, 10 ** 6)):
                drop.add(i)
        seen.update(t for k, t in enumerate(text) if k not in drop and t in titles)
        if drop:
            page = replace(page, lines=tuple(l for k, l in enumerate(lines) if k not in drop),
                           furniture=page.furniture + tuple(lines[k] for k in sorted(drop)))
        result.append(page)
    return result


_FOLIO_END_RE = re.compile(r"(?<=[^\d])\d{1,4}$|^\d{1,4}(?=[^\d年])")


def _printed_before(title: str, lines: Sequence[str]) -> bool:
    """Whether lines print ``title`` as a title (whole, or wrapped), not quoted in 《》."""
    text = "".join(lines)
    at = text.find(title)
    while at >= 0:
        if not (at > 0 and text[at - 1] in "《〈“"):
            return True
        at = text.find(title, at + 1)
    return False


_ORDINAL_RE = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")


def _is_banner(line: str, sections: set[str]) -> bool:
    """A section name printed in the body: 省政府文件, 【政策解读】, or a two-level banner
    that names the group and the section (一、法规规章　（一）地方性法规)."""
    text = _SPACES.sub("", line).strip("【】〖〗[]［］◆■●")
    if section_name(text) in sections:
        return True
    parts = [part for part in _ORDINAL_RE.split(text) if part]
    return (len(parts) > 1 and len(_ORDINAL_RE.findall(text)) >= len(parts) - 1 and any(p in sections for p in parts)
            and all(p in sections or is_section_heading(p) for p in parts))


def _is_divider(lines: Sequence[str], sections: set[str]) -> bool:
    """A page whose only text is a section name, perhaps with ornaments, or only
    ornaments (its name was taken as a running head)."""
    words = [_SPACES.sub("", line).strip("◆◇■□●○★☆▲△·•※◎❖—－-【】〖〗[]［］") for line in lines]
    words = [w for w in words if w]
    return bool(lines) and (not words or len(words) == 1 and section_name(words[0]) in sections)


def _starts(lines: Sequence[Line], entries: Sequence[TocEntry], pages: Sequence[Page],
            file: str, warnings: list[Warning_]) -> list[Start]:
    body = body_starts(lines)
    if entries:
        printed_to_pdf = {p.printed_number: p.pdf_index for p in pages if p.printed_number is not None}
        starts, found = locate_entries(lines, entries, printed_to_pdf, body, file)
        warnings.extend(found)
    else:
        starts = body
    if lines and (not starts or starts[0].line > 0):
        head = [line for line in lines[: starts[0].line if starts else len(lines)] if line.text.strip()]
        if starts and len("".join(l.text for l in head)) < 200 and not entries:
            starts[0] = replace(starts[0], line=0)
        else:
            # Without a 目录 the first document's title is read whole, unless it runs into the next start.
            last = title_end(lines, 0) if not entries else 0
            if starts and last >= starts[0].line:
                last = 0
            starts.insert(0, Start(0, 0, last, "first line of the body"))
            if entries:
                warnings.append(Warning_(file, "text before the first 目录 entry was kept as a document of its own", lines[0].page))
    return starts


def _spans(starts: Sequence[Start], total: int) -> list[tuple[Start, int]]:
    ends = [s.line for s in starts[1:]] + [total]
    return [(s, e) for s, e in zip(starts, ends) if e > s.line]


def _full_width(lines: Sequence[Line]) -> float:
    widths = sorted(visual_width(line.text.strip()) for line in lines)
    return widths[int(len(widths) * 0.9)] if widths else 1.0


def _document(lines: Sequence[Line], start: Start, seq: int, issue_id: str, source_file: str,
              sha256: str, pages: Sequence[Page], full_width: float) -> Document:
    t0, t1 = start.title_first - start.line, start.title_last - start.line
    texts = [line.text for line in lines]
    *head, last = texts[t0:t1 + 1]
    last, spaced_no = split_spaced_doc_number(last)
    title, title_no = (_join_title([*head, last]), spaced_no) if spaced_no else split_doc_number(_join_title(texts[t0:t1 + 1]))
    paragraphs = (join_lines(texts[:t0], full_width) + [title] + ([title_no] if title_no else [])
                  + join_lines(texts[t1 + 1:], full_width))
    entry = start.entry
    section = entry.section if entry else None
    meta = extract_metadata(texts, title=title, section=section)
    doc_number = meta.doc_number or (normalize_doc_number(title_no) if title_no else None) \
        or (normalize_doc_number(entry.doc_number) if entry and entry.doc_number else None)
    printed = {p.pdf_index: p.printed_number for p in pages}
    first_page, last_page = lines[0].page, lines[-1].page
    return Document(
        id=f"{issue_id}-{seq:02d}",
        issue_id=issue_id,
        seq=seq,
        title=title,
        kind=meta.kind if isinstance(meta.kind, Kind) else Kind(meta.kind),
        doc_number=doc_number,
        issuer=meta.issuer,
        signed_date=meta.signed_date,
        effective_date=meta.effective_date,
        section=section,
        source=SourceRef(source_file, sha256, (first_page, last_page), (printed.get(first_page), printed.get(last_page))),
        body=text_to_body(paragraphs),
        disclosure=find_disclosure(texts),
    )


def _join_title(lines: Sequence[str]) -> str:
    """A title printed over several lines, as one line: spaces and line breaks vanish
    (Chinese is written without them), except that two ASCII words keep one space
    between them (ISO 9001, COVID 19), as ``paragraphs.join_lines`` does. No title
    ends in 、，；： : such a mark at the end is a speck on a scan."""
    text = "\n".join(line.strip() for line in lines)
    return _SPACES.sub(lambda gap: " " if _ascii_word_gap(gap) else "", text).strip().rstrip("、，；：").strip()


def _ascii_word_gap(gap: re.Match[str]) -> bool:
    text, start, end = gap.string, gap.start(), gap.end()
    if not (0 < start and end < len(text)):
        return False
    left, right = text[start - 1], text[end]
    if "\n" in gap.group() and left.isdigit() and right.isdigit():
        return False  # a number wrapped at the line end: 20 / 18年 is 2018年
    return _ascii_alnum(left) and _ascii_alnum(right)


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
