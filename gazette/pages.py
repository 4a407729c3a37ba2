"""Page text: split into lines, detect unusable text layers, remove page furniture.

Page furniture is the running header (gazette name and issue) and the printed page
number (``— 3 —``, ``·3·``, ``-3-``, ``3``, ``第3页``). It is recognised by shape and by
repetition across pages, removed from the text and kept in ``Page.furniture``. The
printed page number is read from it and made consistent with the PDF page order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

from .models import Page, TextSource
from .pdf import RawPage

_EDGE = 2  # lines at the top and at the bottom of a page that may be furniture
_PAGE_NO_RE = re.compile(  # 12, — 12 —, · 12 ·, 第12页, (12), 〔12〕, [12], 12 / 28, 第12页 共28页
    r"^(?:[—–\-－~·•．.\s]*)[（(〔【\[［]?\s*(?:第\s*)?([0-9０-９]{1,4})(?:\s*页)?\s*[）)〕】\]］]?"
    r"(?:\s*(?:[/／]|共)\s*(?P<total>[0-9０-９]{1,4})\s*页?)?(?:[—–\-－~·•．.\s]*)$"
)
_PEEL = 8  # furniture lines that may stack up at one edge (head, folio, a thumb tab's characters)
_ROMAN_RE = re.compile(r"^[IVXLivxl]{1,6}$")
_ISSUE_RE = re.compile(r"[0-9０-９〇零一二三四五六七八九]{2,4}\s*年\s*第\s*[0-9０-９一二三四五六七八九十]+\s*[期号]")
_GAZETTE_RE = re.compile(r"公\s*报")
_SECTION_AND_FOLIO_RE = re.compile(r"^(?:\d{1,4}\S{2,12}(?:文件|规章|法规|解读|任免)|\S{2,12}(?:文件|规章|法规|解读|任免)\d{1,4})$")
_NAME_AND_SECTION_RE = re.compile(r"^\S{2,20}公报\S{0,10}(?:文件|规章|法规|解读|任免|公告|决定|解释|信息|其他)$")
_STRUCTURAL_RE = re.compile(r"^第[零〇一二三四五六七八九十百千0-9]+[编章节条]")
_DIGITS_RE = re.compile(r"[0-9０-９]+")
_DATE_RE = re.compile(r"^[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日$")
_SPACE_RE = re.compile(r"\s+")
_CID_RE = re.compile(r"\(cid:\d+\)")
_CJK_CHAR_RE = re.compile(r"[\u4e00-\u9fff]")


def split_lines(text: str) -> list[str]:
    """Non-empty lines of extracted text, right-stripped, NFC-normalised."""
    text = unicodedata.normalize("NFC", text)
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def text_problem(raw: RawPage) -> str | None:
    """Why a page's text layer is unusable, or None when it is fine (OCR text is fine).

    Unusable: no text on a page that draws an image (a scan); mostly private-use,
    control or mojibake characters or ``(cid:N)`` codes (a font without a ToUnicode
    map); or almost no Chinese on a page that is a full-page image (a scan with a
    garbage invisible text layer).
    """
    if raw.source is not TextSource.TEXT_LAYER:
        return None
    visible = _SPACE_RE.sub("", raw.text)
    total = len(visible) + raw.removed  # control characters removed by pdf.clean_text count as garbage
    if total < 5:
        return "image-only page (no text layer); it needs OCR" if raw.has_images else None
    cjk = len(_CJK_CHAR_RE.findall(raw.text))
    cids = len(_CID_RE.findall(raw.text))
    # Garbage is never CJK: a page of mostly CJK text needs no character-by-character look.
    if cids or raw.removed or (len(visible) - cjk) / total > 0.3:
        bad = sum(1 for c in visible if _is_garbage(c)) + raw.removed + 6 * cids
        if bad / total > 0.3:
            return "unreadable text layer (font without a ToUnicode map); it needs OCR"
    if raw.has_images and cjk < 0.05 * total:
        return "scanned page whose text layer has almost no Chinese; it needs OCR"
    return None


def _is_garbage(char: str) -> bool:
    code = ord(char)
    if 0xE000 <= code <= 0xF8FF or char == "\ufffd":
        return True
    category = unicodedata.category(char)
    if category in ("Cc", "Co", "Cn", "Cs"):
        return True
    return 0x80 <= code <= 0x24F and category.startswith("L")  # Latin-1 mojibake


def _shape(line: str) -> str:
    return _DIGITS_RE.sub("#", _SPACE_RE.sub("", line))


def page_number_of(line: str) -> int | None:
    """The page number a furniture line shows, if the line is only a page number."""
    match = _PAGE_NO_RE.match(line.strip())
    if not match:
        return None
    number = int(unicodedata.normalize("NFKC", match.group(1)))
    if match.group("total") and number > int(unicodedata.normalize("NFKC", match.group("total"))):
        return None  # 2021 / 5 is no "page N of TOTAL"
    return number


def _edges(lines: Sequence[str]) -> Iterable[int]:
    n = len(lines)
    return sorted(set(range(min(_EDGE, n))) | set(range(max(0, n - _EDGE), n)))


def _is_header(line: str, repeated: set[str]) -> bool:
    compact = _SPACE_RE.sub("", line)
    if len(compact) > 40 or _STRUCTURAL_RE.match(compact) or compact.endswith(("。", "；", "，", "：")):
        return False
    if compact.startswith(("（此件", "(此件", "附件")):
        return False
    if compact.endswith("号") and re.search(r"[〔\[［(（【]\s*[0-9０-９]{4}", compact):
        return False  # a 文号 line
    if _DATE_RE.match(compact) and "公报" not in compact:
        return False  # a signing date at a page edge, not a running header
    if _shape(line) in repeated:
        return True
    if _SECTION_AND_FOLIO_RE.match(compact):
        return True  # 省政府办公厅文件　981: a section name as running head, with the folio
    if len(compact) <= 30 and (re.search(r"公报[\s\u3000]+\S", line.strip()) or _NAME_AND_SECTION_RE.match(compact)):
        return True  # 湖北省人民政府公报　省政府规章: gazette name and section at a page edge
    return bool(_GAZETTE_RE.search(compact) and _ISSUE_RE.search(compact))


def _repeated_shapes(pages: Sequence[list[str]]) -> set[str]:
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(lines[i]) for i in _edges(lines)})
    # Running headers repeat on most pages (alternating ones on every other page).
    threshold = max(3, int(len(pages) * 0.3))
    shapes = {shape for shape, n in counts.items() if n >= threshold and len(shape) <= 40}
    return shapes | _counting_shapes(pages)


def _counting_shapes(pages: Sequence[list[str]]) -> set[str]:
    """Shapes of edge lines that recur on the next page or the one after with their
    number one or two higher: a running head or foot that changes with the document
    (the title of the page's first document, then its folio) still counts pages."""
    found: set[str] = set()
    numbered = []
    for lines in pages:
        here = {}
        for i in _edges(lines):
            line = lines[i].strip()
            number = re.search(r"(?:^|\D)([0-9]{1,4})\s*$", line) or re.match(r"^\s*([0-9]{1,4})(?:\D|$)", line)
            shape = _shape(line)
            if number and len(shape) >= 5 and len(shape) <= 60 and shape.count("#") == 1:
                here[shape] = int(number.group(1))
        numbered.append(here)
    for k, here in enumerate(numbered):
        for step in (1, 2):
            if k + step < len(numbered):
                for shape, value in here.items():
                    if numbered[k + step].get(shape) == value + step:
                        found.add(shape)
    return found


def build_pages(raw_pages: Sequence[RawPage], body_start: int = 1) -> list[Page]:
    """Turn raw page texts into :class:`Page` objects with furniture removed.

    ``body_start`` is the first PDF page after the cover and 目录; page numbers are only
    trusted from there on, and missing ones are filled in from their neighbours.
    """
    split = [split_lines(p.text) for p in raw_pages]
    repeated = _repeated_shapes(split)
    problems = [text_problem(p) for p in raw_pages]
    body_lines: list[list[str]] = []
    furniture: list[list[str]] = []
    numbers: list[int | None] = []
    for lines, problem in zip(split, problems):
        keep, furn, number = _strip_furniture(lines, repeated) if problem is None else ([], lines, None)
        body_lines.append(keep)
        furniture.append(furn)
        numbers.append(number)
    printed = _consistent_numbers(numbers, body_start)
    return [
        Page(
            pdf_index=raw.index,
            printed_number=printed[i],
            lines=tuple(body_lines[i]),
            source=raw.source if problems[i] is None else TextSource.NONE,
            furniture=tuple(furniture[i]),
            problem=problems[i],
            removed_chars=raw.removed if problems[i] is None else 0,
        )
        for i, raw in enumerate(raw_pages)
    ]


def _strip_furniture(lines: list[str], repeated: set[str]) -> tuple[list[str], list[str], int | None]:
    """Drop furniture at both edges of a page: the two outermost lines are each tested,
    and beyond them the run goes on while every line is furniture (a running head drawn
    after its folio and a thumb tab's stacked characters)."""
    drop: set[int] = set()
    number: int | None = None
    n = len(lines)
    for order in (range(n), range(n - 1, -1, -1)):
        run = True
        for depth, i in enumerate(order):
            if depth >= _PEEL or (depth >= _EDGE and not run):
                break
            if i in drop:
                continue
            found, value = _furniture_at(lines, i, repeated, drop)
            if not found:
                run = False
                continue
            if value is not None and number is None:
                number = value
    keep = [line for i, line in enumerate(lines) if i not in drop]
    return keep, [lines[i] for i in sorted(drop)], number


def _furniture_at(lines: list[str], i: int, repeated: set[str], drop: set[int]) -> tuple[bool, int | None]:
    """Whether line ``i`` is furniture (added to ``drop``, with a stacked tab's other
    lines), and the folio it shows."""
    line = lines[i]
    value = page_number_of(line)
    if value is not None:
        drop.add(i)
        return True, value
    if _ROMAN_RE.match(line.strip()):
        drop.add(i)
        return True, None
    stack = _stacked_run(lines, i)
    if stack:
        drop.update(stack)
        return True, None
    if _is_header(line, repeated):
        drop.add(i)
        return True, _folio_in_head(line)
    return False, None


def _stacked_run(lines: list[str], i: int) -> list[int]:
    """A thumb tab or a vertical label: two or more consecutive lines through ``i`` of one
    CJK character each (no punctuation), which no paragraph prints."""
    def single(j: int) -> bool:
        text = lines[j].strip()
        return len(text) == 1 and "\u4e00" <= text <= "\u9fff"
    if not single(i):
        return []
    lo = hi = i
    while lo > 0 and single(lo - 1):
        lo -= 1
    while hi + 1 < len(lines) and single(hi + 1):
        hi += 1
    return list(range(lo, hi + 1)) if hi > lo else []


def _folio_in_head(line: str) -> int | None:
    """The folio printed inside a running head (``…公报　2020年第9期　3``, ``…公报 · 1 ·``,
    ``12 / 28``, ``3　省政府文件``), read once the issue designation is taken out: the
    text after the head's last word, or before its first, in any folio shape."""
    text = _TOTAL_NO_RE.sub(" ", _ISSUE_RE.sub(" ", line.strip()))
    text = re.sub(r"第\s*([0-9０-９]{1,4})\s*页", r" \1 ", text).strip()
    words = list(_HEAD_WORD_RE.finditer(text))
    if not words:
        return None
    for part in (text[words[-1].end():], text[:words[0].start()]):
        value = page_number_of(part) if part.strip() else None
        if value is not None:
            return value
    return None


_TOTAL_NO_RE = re.compile(r"[（(]?\s*总\s*第?\s*[0-9０-９]+\s*[期号]\s*[）)]?")
_HEAD_WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]+")


def _consistent_numbers(numbers: list[int | None], body_start: int) -> list[int | None]:
    offsets = Counter(n - i for i, n in enumerate(numbers, start=1) if n is not None and i >= body_start)
    if not offsets:
        return [None] * len(numbers)
    offset = offsets.most_common(1)[0][0]
    first = min(i for i, n in enumerate(numbers, start=1) if n is not None and i >= body_start and n - i == offset)
    result: list[int | None] = []
    for i, n in enumerate(numbers, start=1):
        if i < first and not (i >= body_start and n is None and i + offset >= 1 and first - i <= 2):
            result.append(None)
        else:
            result.append(i + offset)  # also a page or two before the first folio read (an unnumbered opening page)
    return result


def toc_page_lines(raw: RawPage) -> list[str]:
    """Lines of a 目录 page with only page numbers and running headers removed.

    Repetition-based furniture detection is not used here: a section name that recurs as
    a running header on body pages is, on the 目录 page, a section heading to keep.
    """
    lines = split_lines(raw.text)
    keep = []
    for i, line in enumerate(lines):
        at_edge = i < _EDGE or i >= len(lines) - _EDGE
        compact = _SPACE_RE.sub("", line)
        if at_edge and (page_number_of(line) is not None or _ROMAN_RE.match(line.strip())
                        or (_GAZETTE_RE.search(compact) and _ISSUE_RE.search(compact))):
            continue
        keep.append(line)
    return keep
