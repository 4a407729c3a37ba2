"""Rebuild paragraphs from wrapped PDF lines.

A PDF text layer gives lines, not paragraphs. A line ends its paragraph when it is
clearly shorter than a full line, or when the next line opens a new structural unit
(第X条, 第X章, （一）, 一、, 附件, a date line). Titles are joined by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

_OPENER_RE = re.compile(
    r"^(?:第[零〇一二三四五六七八九十百千\d]+[编章节条]|[（(][零〇一二三四五六七八九十\d]+[）)]|"
    r"[一二三四五六七八九十]+、|\d+[\.．、]|附件\s*\d*|附\s*件)"
)
_END_PUNCT = ("。", "：", "；", "！", "？", "”", "）", ")")
_FULL_RATIO = 0.9


def visual_width(text: str) -> float:
    """Approximate printed width: CJK, full-width and ambiguous-width characters count 1
    (Chinese fonts print “”、… at full width), others 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def join_lines(lines: Sequence[str], full_width: float | None = None) -> list[str]:
    """Group wrapped lines into paragraphs (each returned without line breaks)."""
    if not lines:
        return []
    widths = [visual_width(line.strip()) for line in lines]
    full = full_width if full_width is not None else _typical_full_width(widths)
    paragraphs: list[str] = []
    current = ""
    previous = -1
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        # A full line that ends inside a sentence goes on: its next line is no new item even
        # when it reads like one (……存放国家 / 一、二级珍贵文物, 组建20 / 08年).
        mid_sentence = previous >= 0 and widths[previous] >= full * 0.97 and not current.endswith(_END_PUNCT + ("：", ":"))
        signature = current.endswith(("。", "！", "？")) and _signature_line(text)
        if current and (signature or not mid_sentence and (_OPENER_RE.match(text.lstrip("\u3000 ")) or line.startswith(("\u3000", "  ")))):
            paragraphs.append(current)
            current = ""
        previous = i
        current = _glue(current, text)
        if widths[i] < full * _FULL_RATIO or (text.endswith(_END_PUNCT) and widths[i] < full * 0.97):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return join_wrapped_titles(paragraphs)


_TITLE_END_RE = re.compile(r"(?:规定|办法|条例|细则|规则|决定|方案|意见|标准|规划|制度|规程|准则|纲要|计划|目录|清单|"
                           r"指引|指南|章程|公约|要点|措施|通则|规范)(?:[（(](?:试行|暂行|修订|草案)[）)])?$")
_STARTS_RULE_RE = re.compile(r"^(?:##\s*)?(?:第[一1]\s*[编章条]|第[一二三四五六七八九十]+章|[（(]\s*\d{4}\s*年|总\s*则$)")
_SENTENCE_RE = re.compile(r"[。，,；;：:！？]")
_DATE_LINE_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[〇○零一二三四五六七八九]{4}年")


_AFTER_NOTICE_RE = re.compile(r"^[（(].{0,12}公开.{0,6}[）)]$|日$|^附\s*件\s*\d*[:：]?$")


_ORGAN_END_RE = re.compile(r"(?:人民政府|政府|办公厅|办公室|委员会|厅|局|部|委|院|署|会|中心)(?:[（(]代章[）)])?$")


def _signature_line(text: str) -> bool:
    """A 落款 line: an organ's name or a date, short and without punctuation (it follows
    a sentence that happened to fill its line)."""
    text = text.strip()
    return len(text) <= 30 and not _SENTENCE_RE.search(text) and bool(_ORGAN_END_RE.search(text) or _DATE_LINE_RE.match(text))


def _title_piece(text: str) -> bool:
    return (0 < len(text) <= 26 and not _SENTENCE_RE.search(text) and not _OPENER_RE.match(text)
            and not _DATE_LINE_RE.match(text) and not text.startswith(("（", "(", "《")))


def join_wrapped_titles(paragraphs: list[str]) -> list[str]:
    """Join the title of an attached document (a 规定 a notice prints) that is centred
    over two or three lines, which :func:`join_lines` cannot tell from short
    paragraphs: short pieces without punctuation, the last ending in a document type
    (规定, 办法 …), the first not, after the notice's date, its （此件公开发布） line or
    附件, and right before the rule's first 章 or 条 or its （YYYY年…通过） line."""
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        joined = None
        for n in (2, 3):
            pieces = paragraphs[i:i + n]
            after = paragraphs[i + n] if i + n < len(paragraphs) else ""
            before = out[-1].strip() if out else ""
            if _AFTER_NOTICE_RE.search(before) and (len(pieces) == n and all(_title_piece(p) for p in pieces) and _TITLE_END_RE.search(pieces[-1])
                    and not any(_TITLE_END_RE.search(p) for p in pieces[:-1]) and _STARTS_RULE_RE.match(after.strip())):
                joined = "".join(pieces), n
                break
        if joined:
            out.append(joined[0])
            i += joined[1]
        else:
            out.append(paragraphs[i])
            i += 1
    return out


def _glue(left: str, right: str) -> str:
    """Join a wrapped line to the text before it: a space between two ASCII words (ISO /
    9001), none inside a number wrapped at the line end (20 / 08年 is 2008年)."""
    if left and _ascii_word(left[-1]) and _ascii_word(right[0]) and not (left[-1].isdigit() and right[0].isdigit()):
        return f"{left} {right}"
    return left + right


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _typical_full_width(widths: Sequence[float]) -> float:
    """The width of a full line: a high percentile of line widths."""
    ordered = sorted(widths)
    return ordered[int(len(ordered) * 0.9)] if len(ordered) >= 5 else max(ordered)
