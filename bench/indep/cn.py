"""Chinese numerals and date strings (一百零一, 二〇一九年四月三日)."""
from __future__ import annotations

import datetime as dt

DIGITS = "〇一二三四五六七八九"
_VAL = {c: i for i, c in enumerate(DIGITS)} | {"零": 0, "两": 2}


def num(n: int) -> str:
    """Integer 0..9999 to Chinese numerals as used for 第N条 / 第N章."""
    if n < 10:
        return "零" if n == 0 else DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + DIGITS[rest]
        tail = num(rest)
        return head + ("一" + tail if rest < 20 else tail)
    rest = n % 1000
    head = DIGITS[n // 1000] + "千"
    if rest == 0:
        return head
    return head + ("零" if rest < 100 else "") + num(rest)


def parse_num(s: str) -> int | None:
    """Inverse of :func:`num` for the forms it produces; None if unparsable."""
    if not s or any(c not in _VAL and c not in "十百千" for c in s):
        return None
    total, cur = 0, 0
    for c in s:
        if c in _VAL:
            cur = _VAL[c]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (cur or 1) * unit
            cur = 0
    return total + cur


def year_digits(y: int) -> str:
    """2019 -> 二〇一九."""
    return "".join(DIGITS[int(c)] for c in str(y))


def date_cn(d: dt.date) -> str:
    """二〇一九年四月三日."""
    return f"{year_digits(d.year)}年{num(d.month)}月{num(d.day)}日"


def date_ar(d: dt.date) -> str:
    """2019年4月3日."""
    return f"{d.year}年{d.month}月{d.day}日"


def date_str(d: dt.date, chinese: bool) -> str:
    """Date in Chinese numerals or Arabic digits."""
    return date_cn(d) if chinese else date_ar(d)
