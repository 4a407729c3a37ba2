"""The 目录: find its pages and read its sections and entries.

An entry is a title, perhaps wrapped over two lines and perhaps followed by its 文号 in
parentheses (on the same line or its own), then dot leaders and the printed page number.
Short lines without a page number are section headings (省政府规章, 【省政府文件】, …).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from .models import Page, TocEntry

_LEADERS = r"(?:[…⋯]+|(?:[\.．·•‥_\-—－][\s\u3000]?){2,}|[\s\u3000]{2,})"  # also "— — — —"
_PAGE = r"[（(〔【]?\s*(?:第\s*)?(?P<page>[0-9０-９]{1,4})\s*(?:页)?\s*[）)〕】]?"
_ENTRY_RE = re.compile(rf"^(?P<text>.*?)\s*{_LEADERS}\s*{_PAGE}$")
_BARE_ENTRY_RE = re.compile(rf"^(?P<text>.*?[^\d\s（(])\s+{_PAGE}$")
# A line ending in a dot leader ends its entry even when the page number after the
# leader is unreadable (a scan): leaders stand only at the end of an entry.
_LEADER_END_RE = re.compile(r"^(?P<text>.*?[^\s…⋯.．·•])\s*(?:[…⋯]+|[.．·•]{2,})$")
_ORNAMENTS = "◆◇■□●○★☆▲△▶►·•※◎❖"
_DOC_NO = (r"[^（）()\s]{1,30}?[〔\[［(（【]\s*[0-9０-９]{4}\s*[〕\]］)）】]\s*[0-9０-９]+\s*号"
           r"|[^（）()\s]{1,30}?(?:令|公告)\s*(?:[0-9０-９]{4}年)?第\s*(?:[0-9０-９]+|[〇零一二三四五六七八九十百千]+)\s*号")
_DOC_NO_SUFFIX_RE = re.compile(rf"^(?P<title>.*?)\s*[（(](?P<no>{_DOC_NO})[）)]$")
_DOC_NO_ONLY_RE = re.compile(rf"^[（(](?P<no>{_DOC_NO})[）)]$")
_BARE_DOC_NO_RE = re.compile(rf"^(?!.*(?:关于|《|的))(?P<no>{_DOC_NO})$")  # not a title line ending in a 文号 column
# A 文号 in brackets after the title that is not well formed (a misread bracket or digit
# in a scan) is still a 文号, not part of the title.
_LOOSE_DOC_NO_SUFFIX_RE = re.compile(r"^(?P<title>.*[^（(])[（(](?P<no>[^（）()]{1,30}[0-9０-９]{4}[^（）()]{0,8}号)[）)]$")
_TITLE_END_RE = re.compile(r"(?:通知|意见|决定|办法|规定|条例|细则|规则|方案|批复|复函|答复|函|说明|报告|决议|公告|通告|通报|命令|令|解读|解释|规划|纲要|措施|名单|法|》)(?:[）)]|[（(][^（）()]{1,12}[）)])?$")  # also …办法（试行）
_INSET_CORE_RE = re.compile(r"令第[0-9０-９]+号|[〔\[［【][0-9０-９]{4}[〕\]］】]第?[0-9０-９]+号")
_SECTION_NUMBER_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）])")
_LEADER_CHARS = "—－-.．·…⋯_"
_NOTE_RE = re.compile(r"^[（(][^（）()]{2,40}[）)]$")
_ISSUE_LABEL_RE = re.compile(r"^[0-9０-９]{4}年?第[0-9０-９]+(?:[-—–~～至][0-9０-９]+)?[期号](?:[（(](?:合刊|总第[0-9０-９\-—–]+[期号])[）)])*$")
_CONTINUED_RE = re.compile(r"^(?P<heading>.{2,16}?)\s*[（(]续[）)]$")
_TOC_TITLE_RE = re.compile(r"^(?:本期)?目[\s\u3000]*[录次]$")
# A 目录 set as a table (序号 | 文件名称 | 页码) extracts as "title N． page".
_TABLE_ENTRY_RE = re.compile(r"^(?P<text>.*?[^\d\s])\s*\d{1,3}[．.、]\s+(?P<page>[0-9０-９]{1,4})$")
_GLUED_ENTRY_RE = re.compile(r"^(?P<text>.*[^\d\s])(?P<page>[0-9０-９]{1,4})$")  # "…的通知981": page number set flush
_TABLE_HEAD_RE = re.compile(r"^(?:序号|文件名称|标题|名称|页码|页次|文号|发文机关|发布机关|机关)+$")
_BRACKETED_RE = re.compile(r"^(?:[【〖\[［〔](?P<name>[^】〗\]］〕]{1,20})[】〗\]］〕]|[—－\-─=～~]{1,4}(?P<dashed>[^—－\-─=～~]{1,20})[—－\-─=～~]{1,4})$")
_SPACES = re.compile(r"[\s\u3000]+")
_SECTION_MAX = 14
_SECTION_WORD_RE = re.compile(
    r"(?:规章|法规|文件|解读|任免|人事|公告|通告|决定|命令|批复|动态|信息|其他|函件|索引|政策|通知|意见|选登|专栏|目录|报告|说明)$"
)


def section_name(compact: str) -> str:
    """A section heading without its list number: （一）地方性法规 → 地方性法规."""
    return _SECTION_NUMBER_RE.sub("", compact)


def is_section_heading(compact: str) -> bool:
    """A short 目录 line without a page number that names a section, not a wrapped title."""
    if len(compact) > _SECTION_MAX or "关于" in compact or "《" in compact or "》" in compact:
        return False
    return bool(_SECTION_WORD_RE.search(compact)) or len(compact) <= 6


def _compact(line: str) -> str:
    return _SPACES.sub("", line)


def is_entry_line(line: str) -> bool:
    """True when a line ends in dot leaders and a page number (or is "title 12",
    "title 文号 12" with the text ending like a title, or a table row)."""
    line = line.strip()
    if _ENTRY_RE.match(line) or _TABLE_ENTRY_RE.match(line):
        return True
    glued = _GLUED_ENTRY_RE.match(_compact(line))
    if glued and _TITLE_END_RE.search(glued.group("text")):
        return True
    bare = _BARE_ENTRY_RE.match(line)
    if not bare:
        return False
    text, number = _split_no(bare.group("text"))
    return number is not None or bool(_TITLE_END_RE.search(_compact(text).rstrip(_LEADER_CHARS)))


def is_toc_start(page: Page) -> bool:
    """True when the page opens with a 目录 heading."""
    return any(_TOC_TITLE_RE.match(_compact(line)) for line in page.lines[:4])


def is_toc_continuation(page: Page) -> bool:
    """True when most of a page's lines are 目录 entries (a 目录 page without heading)."""
    lines = [line for line in page.lines if line.strip()]
    if len(lines) < 3:
        return False
    entries = sum(1 for line in lines if is_entry_line(line))
    return entries >= 3 and entries * 3 >= len(lines)


def is_toc_tail(page: Page) -> bool:
    """True for the last, short page of a 目录 that already started (one or two entries)."""
    lines = [line for line in page.lines if line.strip()]
    entries = sum(1 for line in lines if is_entry_line(line))
    return entries >= 1 and entries * 2 >= len(lines)


def find_toc_pages(pages: Sequence[Page], first: int = 0) -> list[int]:
    """Indexes (into ``pages``) of the 目录 pages, which follow the cover; empty if none.

    A 目录 may run over any number of pages. Where its first entry's page number is
    printed on a later page, the 目录 is every page before that one: this holds whatever
    a page of it looks like (one title of 2,000 characters wrapped over a whole page).
    Otherwise it is the run of pages that look like 目录 pages and whose page numbers
    keep rising.
    """
    if first > 0 and _toc_on_cover(pages[first - 1]):
        first -= 1  # the 目录 starts on the cover, under the masthead
        return _by_first_entry(pages, first) or _by_look(pages, first)
    for start in range(first, min(first + 3, len(pages))):
        if is_toc_start(pages[start]) or is_toc_continuation(pages[start]):
            return _by_first_entry(pages, start) or _by_look(pages, start)
    return []


def find_end_toc_pages(pages: Sequence[Page], first: int = 0) -> list[int]:
    """Indexes of a 目录 printed at the end of the issue (after the body, before any
    imprint on the back page); empty if none. Some gazettes put it there."""
    for start in range(max(first + 1, len(pages) - 4), len(pages)):
        if is_toc_start(pages[start]):
            found = _by_look(pages, start)
            if sum(len(_entry_pages(pages[i])) for i in found) >= 2:
                return found
    return []


def _toc_on_cover(page: Page) -> bool:
    """A cover that carries the 目录 itself: a 目录 heading followed by entries."""
    lines = list(page.lines)
    heading = next((i for i, line in enumerate(lines) if _TOC_TITLE_RE.match(_compact(line))), None)
    return heading is not None and sum(1 for line in lines[heading + 1:] if is_entry_line(line)) >= 2


def _entry_pages(page: Page) -> list[int]:
    """The page numbers of the 目录 entries on a page, in order."""
    return [e.printed_page for e in parse_toc(page.lines) if e.printed_page is not None]


def _by_first_entry(pages: Sequence[Page], start: int) -> list[int]:
    numbers = _entry_pages(pages[start])
    if not numbers:
        return []
    target = numbers[0]
    for index in range(start + 1, len(pages)):
        if pages[index].printed_number == target:
            if is_toc_continuation(pages[index]):
                return []  # the 目录 pages carry the body's folios: cannot tell this way
            return list(range(start, index))
    return []


def _by_look(pages: Sequence[Page], start: int) -> list[int]:
    found = [start]
    last = max(_entry_pages(pages[start]), default=0)
    for index in range(start + 1, len(pages)):
        page = pages[index]
        if not (is_toc_continuation(page) or is_toc_tail(page)):
            break
        numbers = _entry_pages(page)
        if numbers and numbers[0] < last:
            break  # numbers fall back: a list in the body, not the 目录 going on
        found.append(index)
        last = max(numbers, default=last)
    return found


_PAGE_FIRST_RE = re.compile(r"^(?P<page>[0-9０-９]{1,4})[\s\u3000]+(?P<text>[\u4e00-\u9fff《“（(].*)$")


def _pages_moved_last(lines: Sequence[str]) -> list[str]:
    """A 目录 that prints each page number before its title (``5 石家庄市…办法``) in the
    usual order, the number after the title's last line. Used when at least two lines
    take that shape and none ends in a leader and a page number."""
    shaped = [bool(_PAGE_FIRST_RE.match(line.strip())) for line in lines]
    if sum(shaped) < 2 or any(_ENTRY_RE.match(line.strip()) for line in lines):
        return list(lines)
    result: list[str] = []
    open_entry: tuple[str, str] | None = None  # (title so far, page)
    for line, first in zip(lines, shaped):
        text = line.strip()
        if open_entry and not first and _unfinished(_compact(open_entry[0])) and not _BARE_DOC_NO_RE.match(_compact(text)) \
                and not _DATE_LINE_RE.match(_compact(text)):
            open_entry = (open_entry[0] + text, open_entry[1])  # the title wraps
            continue
        if open_entry:
            result.append(f"{open_entry[0]} …… {open_entry[1]}")
            open_entry = None
        if first:
            found = _PAGE_FIRST_RE.match(text)
            open_entry = (found.group("text"), found.group("page"))
        else:
            result.append(line)
    if open_entry:
        result.append(f"{open_entry[0]} …… {open_entry[1]}")
    return result


def parse_toc(lines: Sequence[str]) -> list[TocEntry]:
    """Read 目录 lines into entries, each with its section heading."""
    lines = _pages_moved_last(lines)
    entries: list[TocEntry] = []
    section: str | None = None
    pending: list[str] = []
    incomplete = False
    for index, raw in enumerate(lines):
        line = unicodedata.normalize("NFC", raw.strip()).lstrip(_ORNAMENTS).strip()
        line = _CONTINUED_RE.sub(r"\g<heading>", line)  # 【省政府文件】（续）: a heading repeated on the next 目录 page
        compact = _compact(line)
        if not compact:
            continue
        if _TOC_TITLE_RE.match(compact):
            pending = []  # what stands above the heading is a masthead (a 目录 on the cover)
            continue
        if _TABLE_HEAD_RE.match(compact) or _ISSUE_LABEL_RE.match(compact):
            continue
        bare = _BARE_ENTRY_RE.match(line)
        if bare and not pending and not _TITLE_END_RE.search(_compact(_split_no(bare.group("text"))[0]).rstrip(_LEADER_CHARS)) \
                and not _continues_entry(lines, index):
            bare = None  # "title 5" with one space: an entry only if the text ends like a title
        glued = _GLUED_ENTRY_RE.match(compact)
        if glued and (_number_goes_on(glued.group("text"), lines, index)
                      or not _TITLE_END_RE.search(glued.group("text")) and not (not pending and _continues_entry(lines, index))):
            glued = None
        match = _ENTRY_RE.match(line) or _TABLE_ENTRY_RE.match(line) or bare or glued
        if incomplete and not match and not pending:
            # "…若干问 72" / "题的解释 法释〔2019〕11号": the title goes on after its page number.
            rest, number = _split_no(line)
            last = entries[-1]
            entries[-1] = TocEntry(last.title + _compact(rest), last.printed_page, last.section, number or last.doc_number)
            incomplete = False
            continue
        incomplete = False
        if match:
            # A title in a table cell beside an issuer column wraps inside its cell, under the page number.
            in_cell = bool(_ISSUER_COLUMN_RE.match(match.group("text").strip()))
            text, inline_no = _split_no(match.group("text"))
            if pending and _is_byline(text):
                text = ""  # the title above, its issuers and date on the line with the page number
            text = _compact(text)
            page = int(unicodedata.normalize("NFKC", match.group("page")))
            if inline_no and (pending or text):  # "title 浙政发〔2019〕37号 74"
                entries.append(TocEntry("".join(pending) + text, page, section, inline_no))
                pending = []
                incomplete = _unfinished(entries[-1].title) and _continues_entry(lines, index)
                continue
            only_no = _DOC_NO_ONLY_RE.match(text)
            if only_no and not pending and entries and entries[-1].doc_number is None:
                last = entries[-1]
                entries[-1] = TocEntry(last.title, last.printed_page, last.section, only_no.group("no"))
                continue
            bare_no = _BARE_DOC_NO_RE.match(text)
            if pending and bare_no:  # the 文号 on its own line, without brackets, before the leaders
                entries.append(TocEntry("".join(pending), page, section, bare_no.group("no")))
            elif pending or text:  # a page number alone is no entry
                entries.append(_entry("".join(pending) + text, page, section))
                incomplete = (in_cell or _unfinished(entries[-1].title)) and _continues_entry(lines, index)
                if incomplete and entries[-1].doc_number is None:
                    pending = []
                    continue
            pending = []
            continue
        unnumbered = _LEADER_END_RE.match(line)
        if unnumbered:
            entries.append(_entry("".join(pending) + _compact(unnumbered.group("text")), None, section))
            pending = []
            continue
        only_no = _DOC_NO_ONLY_RE.match(compact) or _BARE_DOC_NO_RE.match(compact)
        if only_no and not pending and entries and entries[-1].doc_number is None:
            last = entries[-1]
            entries[-1] = TocEntry(last.title, last.printed_page, last.section, only_no.group("no"))
            continue
        if not pending and entries and (_NOTE_RE.match(compact) or _DATE_LINE_RE.match(compact)):
            continue  # a note under the entry above: （2016年8月20日通过）, （试行）, 2019年5月26日
        bracketed = _BRACKETED_RE.match(compact)
        if bracketed and not pending:
            section = bracketed.group("name") or bracketed.group("dashed")
        elif not pending and is_section_heading(section_name(compact)):
            section = section_name(compact)  # 一、法规规章 / （一）地方性法规: the name, not its number
        else:
            pending.append(compact)
    return entries


_SPACED_NO_RE = re.compile(rf"^(?P<title>.*?\S)?[\s\u3000]+(?P<no>{_DOC_NO})$")


_ISSUER_COLUMN_RE = re.compile(
    r"^(?P<title>.*\S)[\s\u3000]+[\u4e00-\u9fff、]{2,24}(?:人民政府|办公厅|办公室|委员会|厅|局|部|委|院|署)$")


_ORGAN = r"[\u4e00-\u9fff]{2,30}?(?:人民代表大会常务委员会|人民政府|办公厅|办公室|委员会|法院|检察院|厅|局|部|委|院|署)"
_DATE = r"[0-9０-９〇○零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日"
_BYLINE_RE = re.compile(rf"^(?:{_ORGAN}(?:[、\s\u3000]+{_ORGAN})*)?[\s\u3000]*(?:{_DATE})?$")
_DATE_COLUMN_RE = re.compile(rf"^(?P<title>.*\S)[\s\u3000]+{_DATE}$")
_DATE_LINE_RE = re.compile(rf"^{_DATE}$")
_DATE_NOTE_RE = re.compile(rf"^(?P<title>.*\S)\s*[（(]\s*{_DATE}\s*[）)]$")  # title（2018年12月8日）


def _is_byline(text: str) -> bool:
    """An entry's second line naming its issuers and date (全国人民代表大会常务委员会　2020年3月23日)."""
    return bool(text.strip()) and bool(_BYLINE_RE.match(text.strip()))


def _unfinished(title: str) -> bool:
    """A title cut short: it does not end like a title, or a 《 is left open (…《济南市旅行社条例)."""
    return not _TITLE_END_RE.search(title) or title.count("《") > title.count("》")


def _split_no(text: str) -> tuple[str, str | None]:
    """("title", "浙政发〔2019〕37号") from "title 浙政发〔2019〕37号" (a 文号 after a space);
    an issuer or date column after the title ("title 四川省人民政府") is dropped."""
    dated = _DATE_COLUMN_RE.match(text.strip()) or _DATE_NOTE_RE.match(text.strip())
    if dated:
        text = dated.group("title")
    column = _ISSUER_COLUMN_RE.match(text.strip())
    if column:
        text = column.group("title")
    match = _SPACED_NO_RE.match(text.strip())
    if not match:
        return text, None
    return match.group("title") or "", _compact(match.group("no"))


_COUNTED_RE = re.compile(r"^[号年月日条款项届次批期个名万亿元%％]")


def _number_goes_on(text: str, lines: Sequence[str], index: int) -> bool:
    """True when digits at a line's end belong to the text (第2741 / 号提案…), not a page."""
    nxt = _compact(lines[index + 1]) if index + 1 < len(lines) else ""
    return text.endswith("第") or bool(_COUNTED_RE.match(nxt))


def _continues_entry(lines: Sequence[str], index: int) -> bool:
    """Whether the line after ``index`` finishes the title of the entry on ``index``: it
    has no page number and ends like a title, perhaps followed by the 文号."""
    if index + 1 >= len(lines):
        return False
    nxt = lines[index + 1].strip()
    if not nxt or _ENTRY_RE.match(nxt) or _BARE_ENTRY_RE.match(nxt) and not _SPACED_NO_RE.match(nxt):
        return False
    rest, _ = _split_no(nxt)
    here = _BARE_ENTRY_RE.match(lines[index].strip())
    joined = _compact(_split_no(here.group("text"))[0] if here else "") + _compact(rest)
    return bool(_TITLE_END_RE.search(joined)) and len(_compact(rest)) <= 30


def _entry(text: str, page: int | None, section: str | None) -> TocEntry:
    text = text.rstrip(_LEADER_CHARS)  # a leader that began on the title's own line
    dated = _DATE_NOTE_RE.match(text)
    text = dated.group("title") if dated else text  # a date note wrapped onto the page number's line
    match = _DOC_NO_SUFFIX_RE.match(text) or _LOOSE_DOC_NO_SUFFIX_RE.match(text)
    if match:
        return TocEntry(match.group("title"), page, section, match.group("no"))
    core = _INSET_CORE_RE.search(text)
    if core and core.end() == len(text):
        # A 文号 column set beside the title extracts onto its end (管理办法广东省人民政府令第177号):
        # it starts right after the last word that can end a title.
        for start in range(max(0, core.start() - 14), core.start()):
            if _TITLE_END_RE.search(text[:start]) and start >= 4:
                prefix = text[start:core.start()]
                if not re.search(r"(?:落实|贯彻|执行|根据|转发|印发)$", text[:start]) and not re.search(r"[的和与及]", prefix):
                    return TocEntry(text[:start], page, section, text[start:])
    return TocEntry(text, page, section, None)


_INNER_DOC_NO_RE = re.compile(r"[〔\[［【][0-9０-９]{4}[〕\]］】]第?[0-9０-９]+号|令第[0-9０-９]+号")
_ISSUER_PREFIX_RE = re.compile(rf"^(?:{_ORGAN})+(?=关于)")
_INSET_PREFIX = 10  # characters a 文号's organ prefix (粤政办字, 闽医保水发) may take


def resolve_insets(entries: Sequence[TocEntry], body: str) -> list[TocEntry]:
    """Take a 文号 column out of a title wrapped over several 目录 lines, and an issuer
    column out of a title the body prints without its issuers.

    A 文号 set beside the first line of a wrapped title extracts into its middle
    (``…网络安全保粤政字〔2017〕1号护管理办法》的通知``). Where the organ prefix starts is read
    from the body (``body``, the issue's text without whitespace), which prints the title
    whole: the cut that leaves a title printed there is the 文号. A title the body prints
    as it stands (…落实国发〔2019〕5号文件的通知) is left alone.
    """
    result = []
    for entry in entries:
        title = entry.title
        if title in body:
            result.append(entry)
            continue
        issuers = _ISSUER_PREFIX_RE.match(title)
        if issuers and title[issuers.end():] in body:
            # 博罗县科学技术局　博罗县自然资源局　关于印发…: an issuer column before a title the body prints without it
            result.append(TocEntry(title[issuers.end():], entry.printed_page, entry.section, entry.doc_number))
            continue
        for match in _INNER_DOC_NO_RE.finditer(title):
            if match.end() >= len(title) - 1:
                continue  # a 文号 at the end is _entry's business
            start = next((k for k in range(max(0, match.start() - _INSET_PREFIX), match.start())
                          if title[:k] + title[match.end():] in body), None)
            if start is not None:
                number = title[start:match.end()]
                entry = TocEntry(title[:start] + title[match.end():], entry.printed_page, entry.section,
                                 entry.doc_number or number)
                break
        result.append(entry)
    return result
