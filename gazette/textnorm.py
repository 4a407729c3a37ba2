"""Normalising the text of Chinese official documents: digits, numerals, dates, 文号.

PDF text layers are messy: full-width digits (２０２３), stray spaces inside dates
(``2022 年 6 月27 日``), Chinese-numeral dates on older documents (二〇二三年三月一日)
and several bracket styles around the year of a 文号 (〔〕, [ ], ［ ］, ( ), 【】).
Everything here is pure string handling with no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0/C1 control characters (NUL included) except tab and line breaks, and lone surrogates:
# a text layer can decode to them, but they are never text and cannot be written as UTF-8.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, int]:
    """Text without control characters (``\\n``, ``\\r`` and ``\\t`` kept) and lone
    surrogates, and how many were removed."""
    return _CONTROL_RE.subn("", text)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_SPACES = re.compile(r"[\s\u3000]+")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUM = "〇○零Ｏ一二两三四五六七八九十百千"

# A date as printed, tolerating spaces between every part.
_DATE_RE = re.compile(
    rf"(?P<y>\d{{4}}|[〇○零Ｏ一二三四五六七八九]{{4}})\s*年\s*"
    rf"(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日"
)
_DOC_NUMBER_RE = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,30}?)\s*[〔\[［(（【{｛]\s*(?P<year>\d{4})\s*[〕\]］)）】}｝]\s*"
    r"(?:第\s*)?(?P<no>\d{1,5})\s*号"
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: its ISO form and where it was found."""

    iso: str
    start: int
    end: int


def to_ascii_digits(text: str) -> str:
    """Replace full-width digits with ASCII digits."""
    return text.translate(_FULLWIDTH_DIGITS)


def squeeze_spaces(text: str) -> str:
    """Remove every space (ASCII, full-width, line breaks)."""
    return _SPACES.sub("", text)


def chinese_numeral_to_int(text: str) -> int | None:
    """``十二`` → 12, ``二十一`` → 21, ``一百零五`` → 105, ``二〇二三`` → 2023, ``12`` → 12.

    Returns None when ``text`` is not a number.
    """
    text = to_ascii_digits(text.strip())
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if any(ch not in _CN_NUM for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):
        # A digit-by-digit reading, as in years: 二〇二三.
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def _iso(year: str, month: str, day: str) -> str | None:
    y, m, d = chinese_numeral_to_int(year), chinese_numeral_to_int(month), chinese_numeral_to_int(day)
    if y is None or m is None or d is None or not (1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date in ``text``, in order, as ISO strings with their positions."""
    text = to_ascii_digits(text)
    found = []
    for match in _DATE_RE.finditer(text):
        iso = _iso(match.group("y"), match.group("m"), match.group("d"))
        if iso:
            found.append(DateMatch(iso, match.start(), match.end()))
    return found


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or None."""
    dates = find_dates(text)
    return dates[0].iso if dates else None


def is_date_line(text: str) -> bool:
    """True when a line holds a date and nothing else (spaces allowed)."""
    compact = squeeze_spaces(to_ascii_digits(text))
    match = _DATE_RE.fullmatch(compact)
    return bool(match) and _iso(match.group("y"), match.group("m"), match.group("d")) is not None


def find_doc_number(text: str) -> str | None:
    """The first 文号 in ``text`` (鲁政发〔2023〕5号 and its variants), normalised."""
    match = _DOC_NUMBER_RE.search(to_ascii_digits(text))
    if not match:
        return None
    return f"{match.group('prefix')}〔{match.group('year')}〕{int(match.group('no'))}号"


def normalize_doc_number(text: str) -> str:
    """A 文号 or 令号 with ASCII digits, no spaces and 〔〕 around the year.

    ``鲁政发[２０２３]５号`` → ``鲁政发〔2023〕5号``; ``第 336 号`` → ``第336号``.
    Text that is not a 文号 is returned with spaces removed and digits normalised.
    """
    compact = squeeze_spaces(to_ascii_digits(text))
    match = _DOC_NUMBER_RE.fullmatch(compact)
    if match:
        return f"{match.group('prefix')}〔{match.group('year')}〕{int(match.group('no'))}号"
    return compact
