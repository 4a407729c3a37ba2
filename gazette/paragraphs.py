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
        if current and not mid_sentence and (_OPENER_RE.match(text.lstrip("\u3000 ")) or line.startswith(("\u3000", "  "))):
            paragraphs.append(current)
            current = ""
        previous = i
        current = _glue(current, text)
        if widths[i] < full * _FULL_RATIO or (text.endswith(_END_PUNCT) and widths[i] < full * 0.97):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


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
