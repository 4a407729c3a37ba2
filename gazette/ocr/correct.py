"""Post-correction of what OCR typically gets wrong in official documents.

Each rule fixes one class of confusion, and only where the context makes the printed
form certain; a rule whose fix is a guess reports it, and the line is then listed for an
editor to check against the page image (never silently "corrected" into something that
was not printed):

* half-width ``( ) , : ; ? !`` inside Chinese text → full width (brackets as a pair),
  where the page prints them full width: the engine reads a printed half-width
  bracket as half width, and a full-width one as half width about one time in three,
  so a half-width reading is only a misreading on a page whose other readings are
  mostly full width (:func:`page_style`);
* the brackets of a 文号 year (``〔2019]``, ``(2019)``, ``［2019〕``) → ``〔2019〕``;
* page furniture ``一 3 一`` (a dash read as the numeral 一) → ``— 3 —``;
* O, o, 0 and their full-width forms among Chinese numerals of a date → 〇;
* a 目录 leader read in pieces (``……　　…``) → one run of ``…``;
* a mark a line cannot begin with in Chinese typesetting (、，。；：？！, 行首禁则) at
  the start of a line is a speck of dirt: removed, and the line flagged as a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_CN_DIGITS = "〇零一二三四五六七八九"
_ZERO_LIKE = "Oo0ОоＯｏ０"
_FULL = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_DOC_NO_RE = re.compile(rf"([{_HAN}]{{1,16}})\s*[〔\[［(（【{{｛]\s*((?:19|20)\d{{2}})\s*[〕\]］)）】}}｝]\s*(\d{{1,5}})\s*号")
_FOLIO_RE = re.compile(r"^[一\-－—–~～]{1,2}\s*(\d{1,4})\s*[一\-－—–~～]{1,2}$")
_YEAR_RE = re.compile(rf"[{_CN_DIGITS}{_ZERO_LIKE}]{{4}}(?=\s*年)")
_PAIR_RE = re.compile(r"[(（]([^()（）\n]{0,60})[)）]")
_PUNCT_RE = re.compile(r"[,:;?!]")
_LEADER_RE = re.compile(r"[.．·]?[\s\u3000]*(?:[…⋯]|[.．·]{2})(?:[\s\u3000]*(?:[…⋯]|[.．·]))*[\s\u3000]*")


@dataclass(frozen=True)
class Fix:
    """One correction made to a line: the rule, the text before and after, and whether
    the fix is a guess that an editor should check."""

    rule: str
    before: str
    after: str
    guess: bool = False


@dataclass(frozen=True)
class Style:
    """How a page prints brackets and the other punctuation: full width or not."""

    brackets: bool = True
    punctuation: bool = True


def page_style(lines: list[str]) -> Style:
    """The page's punctuation style, by majority of what the engine read on it."""
    text = "".join(lines)
    brackets = sum(text.count(c) for c in "（）") > sum(text.count(c) for c in "()")
    punctuation = sum(text.count(c) for c in "，；：") > sum(text.count(c) for c in ",;:")
    return Style(brackets, punctuation)


def correct_line(text: str, style: Style = Style()) -> tuple[str, list[Fix]]:
    """The corrected line and the fixes made to it."""
    fixes: list[Fix] = []
    rules = [_folio, _leaders, _doc_number, _zero, _line_start]
    rules += [_brackets] if style.brackets else []
    rules += [_punctuation] if style.punctuation else []
    for rule in rules:
        fixed, found = rule(text)
        if fixed != text:
            fixes.extend(found)
            text = fixed
    return text, fixes


def _is_han(char: str) -> bool:
    return bool(char) and bool(re.match(rf"[{_HAN}]", char))


def _folio(text: str) -> tuple[str, list[Fix]]:
    match = _FOLIO_RE.match(text.strip())
    if not match:
        return text, []
    fixed = f"— {match.group(1)} —"
    return fixed, [Fix("folio", text, fixed)]


def _line_start(text: str) -> tuple[str, list[Fix]]:
    stripped = text.lstrip("\u3000 ")
    if len(stripped) > 1 and stripped[0] in "、，。；：？！,.;:" and not stripped[1] in "、，。；：？！,.;:…":
        fixed = text[: len(text) - len(stripped)] + stripped[1:].lstrip()
        return fixed, [Fix("line-start", stripped[0], "", guess=True)]
    return text, []


def _leaders(text: str) -> tuple[str, list[Fix]]:
    fixed = _LEADER_RE.sub("……", text)
    return fixed, [Fix("leader", text, fixed)] if fixed != text else []


def _doc_number(text: str) -> tuple[str, list[Fix]]:
    fixes: list[Fix] = []

    def repl(match: re.Match[str]) -> str:
        fixed = f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
        if fixed != match.group(0):
            fixes.append(Fix("doc-number", match.group(0), fixed))
        return fixed

    return _DOC_NO_RE.sub(repl, text), fixes


def _zero(text: str) -> tuple[str, list[Fix]]:
    fixes: list[Fix] = []

    def repl(match: re.Match[str]) -> str:
        year = match.group(0)
        numerals = sum(1 for c in year if c in _CN_DIGITS)
        if numerals < 2 or not any(c in _ZERO_LIKE for c in year):
            return year
        fixed = "".join("〇" if c in _ZERO_LIKE else c for c in year)
        fixes.append(Fix("zero", year, fixed, guess=numerals < 3))
        return fixed

    return _YEAR_RE.sub(repl, text), fixes


def _brackets(text: str) -> tuple[str, list[Fix]]:
    fixes: list[Fix] = []

    def repl(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        inner = match.group(1)
        outside = text[start - 1:start] + text[end:end + 1]
        mixed = "（" in match.group(0) or "）" in match.group(0)
        if mixed or any(_is_han(c) for c in inner) or any(_is_han(c) or c in "，。；：、" for c in outside):
            fixed = f"（{inner}）"
            if fixed != match.group(0):
                fixes.append(Fix("brackets", match.group(0), fixed))
            return fixed
        return match.group(0)

    return _PAIR_RE.sub(repl, text), fixes


def _punctuation(text: str) -> tuple[str, list[Fix]]:
    fixes: list[Fix] = []

    def repl(match: re.Match[str]) -> str:
        i = match.start()
        before, after = text[i - 1:i], text[i + 1:i + 2]
        if before.isdigit() and after.isdigit():
            return match.group(0)  # 1,000 or 10:30
        if _is_han(before) or before in "）》”" or (_is_han(after) and not before.isascii()):
            fixed = _FULL[match.group(0)]
            fixes.append(Fix("punctuation", match.group(0), fixed))
            return fixed
        return match.group(0)

    return _PUNCT_RE.sub(repl, text), fixes
