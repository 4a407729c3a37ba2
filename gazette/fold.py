"""Traditional characters folded to simplified, for analysis only (OpenCC ``t2s``).

Some gazettes print documents in traditional characters (reprints of 港澳 texts, older
issues). The rules that find kinds, issuers, dates and titles are written in simplified
characters, so they read a folded copy of the text; what is stored and shown is always
the text as printed. The fold keeps positions: the folded text has the same length as
the original (OpenCC's phrase conversions that change length are replaced by a
character-by-character conversion), so a span found in one is the same span in the other.

OpenCC ships its dictionaries in the wheel: nothing is downloaded.
"""

from __future__ import annotations

import functools
from typing import Callable

_CJK_LOW, _CJK_HIGH = "\u4e00", "\u9fff"


@functools.lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def fold(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones, same length."""
    if text.isascii():
        return text
    folded = _converter().convert(text)
    if len(folded) == len(text):
        return folded
    convert = _converter().convert
    return "".join(c if len(d := convert(c)) != 1 else d for c in text)


def traditional_share(text: str) -> float:
    """The share of CJK characters that fold to another character."""
    cjk = [c for c in text if _CJK_LOW <= c <= _CJK_HIGH]
    if not cjk:
        return 0.0
    folded = fold("".join(cjk))
    return sum(a != b for a, b in zip(cjk, folded)) / len(cjk)


def is_traditional(text: str) -> bool:
    """True when ``text`` is printed in traditional characters (not a simplified text with
    a stray character that has a traditional reading)."""
    cjk = sum(1 for c in text if _CJK_LOW <= c <= _CJK_HIGH)
    share = traditional_share(text)
    return share >= 0.05 or (cjk < 40 and share > 0)


def unfolder(original: str, folded: str) -> Callable[[str], str]:
    """A function that maps text found in ``folded`` back to the printed characters of
    ``original`` (character by character; unambiguous characters only)."""
    back: dict[str, str] = {}
    clash: set[str] = set()
    for a, b in zip(original, folded):
        if a != b:
            if back.get(b, a) != a:
                clash.add(b)
            back[b] = a
    for c in clash:
        back.pop(c, None)
    return lambda text: "".join(back.get(c, c) for c in text) if text else text
