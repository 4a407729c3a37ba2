"""Split an issue's body pages into documents.

Two independent readings are made and compared:

* the 目录 (when the issue has one): each entry's title is looked up in the body near
  its printed page;
* the body itself: strong document starts (order blocks ``…令 / 第N号``, 公告 blocks,
  standalone 文号 lines with a title beside them, 政策解读 titles).

With a 目录 the entries decide and the body refines each start (an order block or 文号
printed above the title belongs to the document). Disagreements become warnings.
Without a 目录 the body starts decide alone.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

from .models import Page, TocEntry, Warning_
from .textnorm import to_ascii_digits

_CJK = r"\u4e00-\u9fff"
_SPACES = re.compile(r"[\s\u3000]+")
_ORDER_HEAD_RE = re.compile(rf"^[{_CJK}、]{{2,40}}(?:令|公告)$")
_ORDER_NO_RE = re.compile(r"^[（(]?(?:\d{4}年)?第(?:\d+|[〇零一二三四五六七八九十百千]+)号[）)]?(?:令)?$")
_ORDER_ONE_LINE_RE = re.compile(rf"^[{_CJK}、]{{2,40}}(?:令|公告)(?:\d{{4}}年)?第\d+号$")
_DOC_NO_LINE_RE = re.compile(rf"^[{_CJK}]{{1,20}}[〔\[［(（【]\d{{4}}[〕\]］)）】]\d+号$")
_TITLE_END_RE = re.compile(r"(?:^中华人民共和国\S*法|通知|意见|决定|办法|规定|细则|方案|规划|批复|复函|函|公告|通告|报告|决议|命令|条例|规则|纲要|通报|解读|答复|意见书|实施意见|指导意见|名单|目录|清单|标准)[）)]?$")
_INTERPRETATION_RE = re.compile(r"解读$")
_DATE_LINE_RE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")
_ENUMERATION_RE = re.compile(r"^(?:第[一二三四五六七八九十百\d]+[章条节]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])")
_BODY_OPENER_RE = re.compile(r"^(?:第一[章条节]|[（(][一二三四五六七八九十\d]+[）)]|一、|为|根据|各|现将|经)")
_MAX_TITLE_LINES = 6
_MASTHEAD_RE = re.compile(rf"^[{_CJK}、]{{2,40}}文件$")  # the 版头 of a 红头文件


@dataclass(frozen=True)
class Line:
    """One body line and the PDF page it is on; ``compact`` is computed once."""

    page: int  # PDF page index, 1-based
    text: str
    compact: str = field(init=False, repr=False, compare=False)
    folded: str = field(init=False, repr=False, compare=False)  # compact, brackets and quotes folded

    def __post_init__(self) -> None:
        object.__setattr__(self, "compact", compact(self.text))
        object.__setattr__(self, "folded", _norm_title(self.compact))


@dataclass(frozen=True)
class Start:
    """Where a document starts: its first line, its title's lines, and why."""

    line: int
    title_first: int
    title_last: int  # inclusive
    reason: str
    entry: TocEntry | None = None


def compact(text: str) -> str:
    """Text without whitespace, NFKC-free but with ASCII digits, for comparisons."""
    return _SPACES.sub("", to_ascii_digits(unicodedata.normalize("NFC", text)))


def flatten(pages: Sequence[Page]) -> list[Line]:
    """All body lines of the pages, in reading order."""
    return [Line(page.pdf_index, text) for page in pages for text in page.lines]


# ------------------------------------------------------------------ body starts

def body_starts(lines: Sequence[Line]) -> list[Start]:
    """Strong document starts found in the body alone, in order."""
    starts: list[Start] = []
    i = 0
    while i < len(lines):
        found = (_order_block(lines, i) or _doc_number_start(lines, i) or _interpretation(lines, i)
                 or _announcement(lines, i))
        if found and (not starts or found.line > starts[-1].title_last):
            starts.append(found)
            i = found.title_last + 1
        else:
            i += 1
    return starts


_DOC_NO_TAIL_RE = re.compile(rf"[{_CJK}]{{1,14}}[〔\[［(（【]\d{{4}}[〕\]］)）】]第?\d+[号號]$")
_ORGAN_LINE_RE = re.compile(rf"^[{_CJK}]{{2,30}}(?:人民政府|办公厅|办公室|委员会|法院|检察院|部|局|厅|署|委)$")


def _order_block(lines: Sequence[Line], i: int) -> Start | None:
    c = lines[i].compact
    if _ORGAN_LINE_RE.match(c):
        # 最高人民法院 / 最高人民检察院 / 公　　告: organs on lines of their own above a bare 公告 or 令
        k = i
        while k + 1 < len(lines) and k - i < 3 and _ORGAN_LINE_RE.match(lines[k + 1].compact):
            k += 1
        if k + 1 < len(lines) and lines[k + 1].compact in ("公告", "令"):
            found = _order_block(lines, k + 1)
            return Start(i, found.title_first, found.title_last, "joint order block") if found and found.title_first > k + 1 else None
        return None
    if c in ("公告", "令") or (c.endswith("公告") and _ORGAN_LINE_RE.match(c[:-2])):
        head_end = i  # 公告 / 最高人民法院公告: no number
    elif _ORDER_ONE_LINE_RE.match(c):
        head_end = i
    elif _ORDER_HEAD_RE.match(c) and i + 1 < len(lines) and _ORDER_NO_RE.match(lines[i + 1].compact):
        head_end = i + 1
    else:
        return None
    # The order text, the signer and the date follow; the rule's title comes after the date.
    for j in range(head_end + 1, min(head_end + 14, len(lines))):
        if _DATE_LINE_RE.match(lines[j].compact):
            first = j + 1
            if first < len(lines) and _DOC_NO_LINE_RE.match(lines[first].compact):
                first += 1  # 法释〔2019〕11号 printed between the 公告 and the title
            if first >= len(lines):
                return None
            last = title_end(lines, first)
            return Start(i, first, last, "order block")
    return Start(i, i, head_end, "order block") if c.endswith("公告") or "公告" in c else None


_SPACED_DOC_NO_TAIL_RE = re.compile(r"^(?P<title>.*[^\s])[\s\u3000]+(?P<no>[^\s]{1,14}[〔\[［(（【]\d{4}[〕\]］)）】]第?\d+[号號])$")


def split_spaced_doc_number(line: str) -> tuple[str, str | None]:
    """("…的复函", "粤政办函〔2016〕155号") from a title line whose 文号 is set apart by a
    space (printed on the same baseline, right-aligned)."""
    spaced = _SPACED_DOC_NO_TAIL_RE.match(line.strip())
    return (spaced.group("title"), spaced.group("no")) if spaced else (line, None)


def split_doc_number(title: str) -> tuple[str, str | None]:
    """("title", "粤政办函〔2016〕155号") from a title whose last line carries its 文号,
    set apart by a space or flush after a word that ends a title."""
    title, spaced = split_spaced_doc_number(title)
    if spaced:
        return title, spaced
    tail = _DOC_NO_TAIL_RE.search(title)
    if not tail or tail.start() == 0 or not _TITLE_END_RE.search(title[:tail.start()].rstrip("　 ")):
        return title, None
    return title[:tail.start()].rstrip("　 "), tail.group(0)


def title_end(lines: Sequence[Line], first: int) -> int:
    """Last line of a title that starts at ``first`` (titles wrap over up to six lines)."""
    last = first
    for k in range(first, min(first + _MAX_TITLE_LINES, len(lines))):
        c = lines[k].compact
        if k > first and (_BODY_OPENER_RE.match(c) or _DOC_NO_LINE_RE.match(c) or c.endswith(("：", ":"))):
            break
        if k > first and (c.startswith("（") and c.endswith("）")):
            # (第九版), (试行), (2023年修订): part of the title only when short
            if len(c) <= 12:
                last = k
            break
        last = k
        if (_TITLE_END_RE.search(c) or c.endswith("》")) and not _title_continues(lines, k + 1):
            break
        if c.endswith(("。", "；", "：")):
            return first
    return last


def _title_continues(lines: Sequence[Line], k: int) -> bool:
    """True when line ``k`` finishes a title whose previous line only looked finished
    (``…防控方案`` / ``（第九版）的通知``, ``…《办法》`` / ``的通知``)."""
    if k >= len(lines):
        return False
    c = lines[k].compact
    if len(c) > 24 or _BODY_OPENER_RE.match(c) or c.endswith(("。", "；", "：", "，")):
        return False
    return c.startswith(("的", "（", "(", "》")) and bool(_TITLE_END_RE.search(c))


def _is_titleish(c: str) -> bool:
    return (2 <= len(c) <= 60 and not re.search(r"[。；，;：:]", c) and not _DATE_LINE_RE.match(c)
            and not _ENUMERATION_RE.match(c))


def _doc_number_start(lines: Sequence[Line], i: int) -> Start | None:
    if not _DOC_NO_LINE_RE.match(lines[i].compact):
        return None
    # Title above the 文号?
    above_last = i - 1
    if above_last >= 0 and _TITLE_END_RE.search(lines[above_last].compact) and _is_titleish(lines[above_last].compact):
        first = above_last
        while first - 1 >= 0 and i - first < _MAX_TITLE_LINES and _is_titleish(lines[first - 1].compact) \
                and not _TITLE_END_RE.search(lines[first - 1].compact) and lines[first - 1].page == lines[i].page \
                and not _ends_paragraph(lines[first - 1].compact) and not _is_signature(lines[first - 1].compact):
            first -= 1
        return Start(first, first, above_last, "文号 below title")
    if i + 1 < len(lines) and _is_titleish(lines[i + 1].compact):
        last = title_end(lines, i + 1)
        if any(_TITLE_END_RE.search(lines[k].compact) for k in range(i + 1, last + 1)):
            return Start(i, i + 1, last, "文号 above title")
    return None


def _is_signature(c: str) -> bool:
    """A short line naming an organ (the end of the previous document), not a title line."""
    return len(c) <= 4


def _ends_paragraph(c: str) -> bool:
    return c.endswith(("。", "；", "：", "！", "？", "）", ";", ":", ".", "!", "?")) or bool(_DATE_LINE_RE.match(c))


_ORGAN_ABOUT_RE = re.compile(rf"^[{_CJK}、]{{2,30}}?(?:人民政府|办公厅|办公室|委员会|局|厅|部)(?:关于|关$|$)")
_ANNOUNCEMENT_END_RE = re.compile(r"关于.+的(?:公告|通告)$")


def _announcement(lines: Sequence[Line], i: int) -> Start | None:
    """A ``…关于…的公告`` title right after the previous document's date or （此件…） line."""
    if i == 0:
        return None
    before = lines[i - 1].compact
    after_sentence = before.endswith("。") and bool(_ORGAN_ABOUT_RE.match(lines[i].compact))
    if not (_DATE_LINE_RE.match(before) or before.startswith(("（此件", "(此件")) or after_sentence):
        return None  # (an attachment ends with a sentence: 浙江省人民政府关于…的公告 may follow it)
    if lines[i].compact.startswith(("（此件", "(此件")):
        return None  # the end of the document before, not a title
    joined = ""
    for k in range(i, min(i + 3, len(lines))):
        c = lines[k].compact
        if not _is_titleish(c):
            return None
        joined += c
        if _ANNOUNCEMENT_END_RE.search(joined):
            return Start(i, i, k, "公告 title")
    return None


def _interpretation(lines: Sequence[Line], i: int) -> Start | None:
    c = lines[i].compact
    if i > 0 and not _ends_paragraph(lines[i - 1].compact) and lines[i - 1].page == lines[i].page:
        return None
    for k in range(i, min(i + _MAX_TITLE_LINES, len(lines))):
        ck = lines[k].compact
        if len(ck) > 60:
            return None
        if _INTERPRETATION_RE.search(ck) and ("《" in c or "关于" in c or k == i):
            return Start(i, i, k, "政策解读 title")
        if ck.endswith(("。", "；", "：")):
            return None
    return None


# ------------------------------------------------------------------ 目录 matching

def locate_entries(
    lines: Sequence[Line],
    entries: Sequence[TocEntry],
    printed_to_pdf: dict[int, int],
    body: Sequence[Start],
    file: str,
) -> tuple[list[Start], list[Warning_]]:
    """Find each 目录 entry in the body; refine its start with the body's own starts."""
    warnings: list[Warning_] = []
    starts: list[Start] = []
    page_first_line = _first_line_of_page(lines)
    by_title_line = {s.title_first: s for s in body}
    index = _LineIndex(lines)
    cursor = 0
    for entry in entries:
        target = compact(entry.title)
        pdf_page = printed_to_pdf.get(entry.printed_page) if entry.printed_page is not None else None
        span = _find_title(lines, target, cursor, pdf_page, index)
        if span is None:
            warnings.append(Warning_(file, f"目录 entry 《{entry.title}》 (printed page {entry.printed_page}) was not found in the body; check the split of that page", pdf_page))
            if pdf_page is not None and pdf_page in page_first_line and page_first_line[pdf_page] >= cursor:
                line = page_first_line[pdf_page]
                starts.append(Start(line, line, line, "目录 page (title not found)", entry))
                cursor = line + 1
            continue
        first, last = span
        start_line = first
        body_start = by_title_line.get(first)
        if body_start is not None and body_start.line >= cursor:
            start_line = body_start.line
        elif first - 1 >= cursor and _DOC_NO_LINE_RE.match(lines[first - 1].compact):
            start_line = first - 1
        elif last + 1 < len(lines) and _DOC_NO_LINE_RE.match(lines[last + 1].compact):
            pass
        start_line = _with_masthead(lines, start_line, cursor)
        # The document starts where its first line is (a 文号 or masthead printed above the
        # title may sit at the foot of the page before the title's).
        if pdf_page is not None and pdf_page not in (lines[start_line].page, lines[first].page):
            warnings.append(Warning_(file, f"目录 says 《{entry.title}》 starts on printed page {entry.printed_page}, but it was found on PDF page {lines[first].page}", lines[first].page))
        starts.append(Start(start_line, first, last, "目录", entry))
        cursor = last + 1
    matched = {s.title_first for s in starts}
    for extra in body:
        if extra.title_first not in matched and not any(s.line <= extra.line <= s.title_last for s in starts):
            title = "".join(lines[k].compact for k in range(extra.title_first, extra.title_last + 1))
            warnings.append(Warning_(file, f"the body has a document start ({extra.reason}: 《{title}》) that the 目录 does not list; it was kept inside the previous document", lines[extra.line].page))
    return starts, warnings


def _with_masthead(lines: Sequence[Line], start: int, cursor: int) -> int:
    """Move a start up over a 红头's 版头 (博罗县人民政府文件 / 文号 / title), also a joint
    one whose organs stand one per line beside a large 文件, and over a 公告's heading
    (农业农村部公告 / 2023年第58号) printed above its title."""
    k = start
    if k - 1 >= cursor and _ORDER_NO_RE.match(lines[k - 1].compact) and k - 2 >= cursor \
            and _ORDER_HEAD_RE.match(lines[k - 2].compact) and lines[k - 2].compact.endswith("公告"):
        return k - 2  # 农业农村部公告 / 2023年第58号 / 关于废止…的公告: the 公告's heading and number
    if k - 1 >= cursor and lines[k - 1].compact.endswith("公告") and _ORDER_HEAD_RE.match(lines[k - 1].compact):
        return k - 1  # 最高人民法院公告 / 关于发布…的公告
    if k - 1 >= cursor and (lines[k - 1].compact == "文件" or _MASTHEAD_RE.match(lines[k - 1].compact)):
        k -= 1
        while k - 1 >= cursor and start - k < 6 and _ORGAN_LINE_RE.match(lines[k - 1].compact) \
                and lines[k - 1].page == lines[start].page:
            k -= 1
        if lines[k].compact == "文件" and k == start - 1:
            return start  # a bare 文件 without organs above it is no 版头
    return k


def _first_line_of_page(lines: Sequence[Line]) -> dict[int, int]:
    first: dict[int, int] = {}
    for i, line in enumerate(lines):
        first.setdefault(line.page, i)
    return first


class _LineIndex:
    """Lines by their folded text, so that finding where a title starts costs a lookup of
    each of the title's prefixes, not a pass over every line (an issue of 10,000
    documents would otherwise take 10,000 passes over all its lines)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.by_text: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            if line.folded:
                self.by_text.setdefault(line.folded, []).append(i)
                tail = _DOC_NO_TAIL_RE.search(line.folded)
                if tail and tail.start() > 0:  # …的复函　粤政办函〔2016〕155号: the 文号 set on the title's line
                    self.by_text.setdefault(line.folded[:tail.start()], []).append(i)
        self.lengths = sorted({len(text) for text in self.by_text})
        self.pages = [line.page for line in lines]  # non-decreasing

    def candidates(self, target: str, cursor: int) -> list[int]:
        """Indexes ≥ ``cursor`` of the lines whose text begins ``target``, in order."""
        found: list[int] = []
        for length in self.lengths:
            if length > len(target):
                break
            hits = self.by_text.get(target[:length])
            if hits:
                found.extend(hits[bisect.bisect_left(hits, cursor):])
        return sorted(found)


def _find_title(lines: Sequence[Line], target: str, cursor: int, pdf_page: int | None,
                index: "_LineIndex | None" = None) -> tuple[int, int] | None:
    """Line span whose joined text equals ``target``, preferring the expected page."""
    if not target:
        return None
    target = _norm_title(target)
    index = index or _LineIndex(lines)
    candidates = [i for i in index.candidates(target, cursor) if _title_match(lines, i, target) is not None]
    if not candidates:
        return _near_title(lines, target, cursor, pdf_page, index)
    if pdf_page is not None:
        candidates.sort(key=lambda i: (abs(lines[i].page - pdf_page), i))
    first = candidates[0]
    return first, _title_match(lines, first, target)  # type: ignore[return-value]


def _near_title(lines: Sequence[Line], target: str, cursor: int, pdf_page: int | None,
                index: _LineIndex) -> tuple[int, int] | None:
    """The line span on or next to the expected page whose text is nearly ``target``.

    A 目录 and a title printed on different pages may each carry a misread character
    or two (a scan), or a 文号 the 目录 parser could not separate; they still name the
    same document when 90 % of the characters agree and the first ones match.
    """
    if pdf_page is None or len(target) < 8:
        return None
    best: tuple[float, int, int] | None = None
    first = max(cursor, bisect.bisect_left(index.pages, pdf_page - 1))
    for i in range(first, bisect.bisect_right(index.pages, pdf_page + 1)):
        if not lines[i].folded or lines[i].folded[:2] != target[:2]:
            continue
        joined = ""
        for k in range(i, len(lines)):
            joined += lines[k].folded
            if len(joined) > len(target) + 12:
                break
            ratio = difflib.SequenceMatcher(None, joined, target, autojunk=False).ratio()
            if ratio >= 0.9 and (best is None or ratio > best[0]):
                best = (ratio, i, k)
    return (best[1], best[2]) if best else None


def _title_match(lines: Sequence[Line], i: int, target: str) -> int | None:
    """Last line of the span starting at ``i`` whose folded text equals ``target`` (folded)."""
    joined = ""
    for k in range(i, len(lines)):  # no line limit: the target's length bounds the walk
        joined += lines[k].folded
        if joined == target:
            return k
        if joined.startswith(target) and _DOC_NO_TAIL_RE.fullmatch(joined[len(target):]):
            return k  # the title's last line carries its 文号
        if not target.startswith(joined):
            return None
    return None


_TITLE_FOLD = str.maketrans({"(": "（", ")": "）", "“": "\"", "”": "\"", "‘": "'", "’": "'", "〈": "<", "〉": ">"})


_TITLE_PUNCT = str.maketrans("", "", "、，。：；")


def _norm_title(text: str) -> str:
    """A title for comparison: brackets and quotes folded, list punctuation dropped (a
    speck read as 、 at the end of a scanned title line must not hide the title)."""
    return text.translate(_TITLE_FOLD).translate(_TITLE_PUNCT)
