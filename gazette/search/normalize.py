"""What a text and a query are compared as, in both searches.

A text is searched in its *searchable form*: each character's NFKC form (full-width
digits and Latin letters become ASCII), traditional characters folded to simplified
(OpenCC ``t2s``, one character for one), ASCII letters in lower case, and everything
that is neither a letter nor a digit dropped (spaces, punctuation, 《》, brackets); then
the phrases OpenCC converts otherwise than character by character (答覆 → 答复: 覆
alone stays 覆) replaced, left to right and longest first. A query matches a text
when its searchable form is a substring of the text's: 行 政 处 罚, 行政處罰 and
《行政处罚法》 all find 行政处罚法.

The browser computes the same form with :func:`fold_table` and :func:`phrase_table`
(both exported to the site), so the Python side here is the reference and the tests
compare the two.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from ..fold import fold as fold_script

_DOC_NUMBER_RE = re.compile(r"^(?P<org>[^〔\[［(（【]*?)\s*[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*(?P<n>\d+)\s*号$")
_ORDER_NUMBER_RE = re.compile(r"^(?P<org>.*?)令\s*(?:\d{4}\s*年\s*)?第\s*(?P<n>[\d〇零一二三四五六七八九十百千]+)\s*号$")
# How a 令号 is typed: 省政府令第453号, 山东省人民政府令1132号 (no 第), 第1006号令.
_ORDER_TYPED_RE = re.compile(r"^(?P<org>.*?)(?:令(?:\d{4}年)?第?(?P<n>\d{1,6})号|第(?P<m>\d{1,6})号令)$")


_RANGES = [(0x20, 0x7F), (0xA0, 0x250), (0x2000, 0x2BFF), (0x3000, 0x303F), (0x3200, 0x33FF), (0x3400, 0x4DBF),
           (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


@functools.lru_cache(maxsize=1)
def fold_table() -> dict[str, str]:
    """Every character (of the ranges Chinese official texts use) whose searchable form
    is not itself, with that form: its NFKC form, traditional characters simplified
    (OpenCC ``t2s``, character by character), ASCII letters lower-cased, everything but
    :data:`KEEP` dropped ('' for punctuation, 一 for ㈠, 1 for ①). The browser folds
    with the same table, character by character, so both sides agree exactly."""
    table: dict[str, str] = {}
    for low, high in _RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            if unicodedata.category(char) in ("Cs", "Cn", "Co"):
                continue
            form = _DROP_RE.sub("", fold_script(unicodedata.normalize("NFKC", char)).lower())
            if form != char and (form or _KEEP_RE.match(char)):
                table[char] = form  # a character dropped by both rules needs no entry
    return table


KEEP = r"0-9a-z\u3007\u3400-\u4dbf\u4e00-\u9fff"  # what a searchable form consists of
_DROP_RE = re.compile(f"[^{KEEP}]+")
_KEEP_RE = re.compile(f"[{KEEP}]")


@functools.lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return {ord(k): v for k, v in fold_table().items()}


def _characters(text: str) -> str:
    return _DROP_RE.sub("", text.translate(_translation()))


@functools.lru_cache(maxsize=1)
def phrase_table() -> dict[str, str]:
    """Phrases (in the character-folded form) whose simplified form is not what their
    characters fold to, with that form, of the same length: OpenCC's ``TSPhrases``
    (``ts_phrases.tsv``, written by ``tools/make_ts_phrases.py``)."""
    table: dict[str, str] = {}
    lines = Path(__file__).with_name("ts_phrases.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        traditional, simplified = line.split("\t")[:2]
        key, value = _characters(traditional), _characters(simplified)
        if len(key) == len(traditional) == len(value) and key != value:
            table[key] = value
    return dict(sorted(table.items()))


SOUND_WEIGHT, SHAPE_WEIGHT, NEAR_WEIGHT = 1000, 300, 100
# Slips that change a word's length or order, weighed like the replacements above:
# a character typed twice (人民法法院), two characters swapped (危险物废), one left out
# (生文明建设). (Deleting any other character is not tried: a word cut short always
# finds at least what the whole word would, 发布职 for 发布职债.)
DOUBLED_WEIGHT, SWAPPED_WEIGHT, OMITTED_WEIGHT = 1000, 300, 100


def edits(term: str, missing: int) -> list[tuple[str, int, tuple[int, ...]]]:
    """The fixes of ``term`` that remove or reorder characters around its pair
    ``term[missing:missing + 2]`` (one no text has, or the rarest): a character of it
    that repeats the one beside it deleted, and the pair or a pair beside it swapped, as
    (fixed word, weight, the indexes of the fixed word's pairs that are new). A left-out
    character is found from the texts' pairs, not here (its candidates are the
    characters that follow ``term[missing]`` and precede ``term[missing + 1]``)."""
    out: list[tuple[str, int, tuple[int, ...]]] = []
    if len(term) >= 3:
        for i in (missing - 1, missing, missing + 1, missing + 2):  # 治安管理理处罚: the pair 理处 is rare, 理理 is not
            if 0 < i < len(term) and term[i - 1] == term[i]:
                fixed = term[:i] + term[i + 1:]
                out.append((fixed, DOUBLED_WEIGHT, (i - 1,) if i < len(term) - 1 else ()))
    for i in (missing - 1, missing, missing + 1):  # the pair itself, or one beside it, swapped (行政罚处: 罚处)
        if 0 <= i < len(term) - 1 and term[i] != term[i + 1]:
            fixed = term[:i] + term[i + 1] + term[i] + term[i + 2:]
            out.append((fixed, SWAPPED_WEIGHT, tuple(p for p in (i - 1, i, i + 1) if 0 <= p < len(fixed) - 1)))
    return out


def _fuzzy(syllable: str) -> str:
    return re.sub(r"(in|en|an)g$", r"\1", re.sub(r"^l", "n", re.sub(r"^([zcs])h", r"\1", syllable)))


@functools.lru_cache(maxsize=1)
def _sounds_of() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for syllable, chars in sound_table().items():
        for char in chars:
            out.setdefault(char, set()).add(syllable)
    return {char: frozenset(syllables) for char, syllables in out.items()}


def slip_weight(fix: str, typed: str) -> int:
    """How likely it is that ``typed`` was typed for ``fix`` (both searches rank typo fixes
    by count times this): :data:`SOUND_WEIGHT` for a shared reading (户 for 护, a pinyin
    input method's slip), :data:`SHAPE_WEIGHT` for characters that look alike (末 for 未),
    :data:`NEAR_WEIGHT` for readings alike under an input method's fuzzy rules (z/zh,
    c/ch, s/sh, n/l, in/ing, en/eng, an/ang: 名 for 民), else 1."""
    sounds = _sounds_of()
    x, y = sounds.get(fix, frozenset()), sounds.get(typed, frozenset())
    if x & y:
        return SOUND_WEIGHT
    if fix in shape_table().get(typed, ""):  # symmetric
        return SHAPE_WEIGHT
    return NEAR_WEIGHT if {_fuzzy(a) for a in x} & {_fuzzy(b) for b in y} else 1


@functools.lru_cache(maxsize=4096)
def slips(typed: str) -> tuple[str, ...]:
    """The characters ``typed`` may have been typed for with a :func:`slip_weight` above 1
    (same or fuzzy-same reading, or alike in shape), in code point order."""
    sounds = _sounds_of()
    mine = sounds.get(typed, frozenset())
    fuzzy = {_fuzzy(s) for s in mine}
    alike = set(shape_table().get(typed, ""))
    alike |= {c for syllable, chars in sound_table().items() if _fuzzy(syllable) in fuzzy for c in chars}
    alike.discard(typed)
    return tuple(sorted(alike))


@functools.lru_cache(maxsize=1)
def shape_table() -> dict[str, str]:
    """Character → the common characters that look most like it, most alike first
    (``shapes.tsv``, drawn and compared by ``tools/make_shapes.py``): which characters a
    scan or a hurried copy may put in place of each other (末 and 未, 贷 and 货).
    Symmetric: a character that lists this one follows its own list, in code point order
    (the file keeps each character's 32 most alike, so 丈 lists 党 but not the reverse),
    so the search page, which fetches the lists of the characters typed, sees every pair."""
    listed: dict[str, str] = {}
    for line in Path(__file__).with_name("shapes.tsv").read_text(encoding="utf-8").splitlines():
        char, _, alike = line.partition("\t")
        if alike:
            listed[char] = alike
    listing: dict[str, set[str]] = {}
    for char, alike in listed.items():
        for other in alike:
            listing.setdefault(other, set()).add(char)
    table: dict[str, str] = {}
    for char in sorted(set(listed) | set(listing)):
        own = listed.get(char, "")
        table[char] = own + "".join(sorted(c for c in listing.get(char, ()) if c not in own and c != char))
    return table


@functools.lru_cache(maxsize=1)
def sound_table() -> dict[str, str]:
    """Toneless pinyin syllable → the common characters with that reading (``sounds.tsv``,
    written by ``tools/make_sounds.py``): which characters a pinyin input method may put
    in place of each other (户 and 护, 正 and 政)."""
    table: dict[str, str] = {}
    for line in Path(__file__).with_name("sounds.tsv").read_text(encoding="utf-8").splitlines():
        syllable, _, chars = line.partition("\t")
        if chars:
            table[syllable] = chars
    return dict(sorted(table.items()))


@functools.lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern[str] | None:
    keys = sorted(phrase_table(), key=lambda k: (-len(k), k))
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def searchable(text: str) -> str:
    """The searchable form of ``text`` (see the module docstring): each character
    through :func:`fold_table`, everything but :data:`KEEP` dropped, then the phrases of
    :func:`phrase_table` replaced (left to right, longest first)."""
    form = _characters(text)
    pattern = _phrase_re()
    if pattern is None or form.isascii():
        return form
    table = phrase_table()
    return pattern.sub(lambda m: table[m.group()], form)


def bigrams(form: str) -> set[str]:
    """The overlapping two-character pieces of a searchable form."""
    return {form[i:i + 2] for i in range(len(form) - 1)}


def doc_number_key(text: str) -> str | None:
    """A 文号 or 令号 as one lookup key, whatever brackets, digits and spaces it was typed
    with (鲁政发［２０２３］５号, 鲁政发 (2023) 5 号 → 鲁政发〔2023〕5号); None when ``text`` is
    not shaped like one."""
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    table = fold_table()
    flat = "".join(table.get(c, c) if "\u4e00" <= c <= "\u9fff" else c for c in flat)  # as the browser does
    found = _DOC_NUMBER_RE.match(flat)
    if found:
        return f"{found.group('org')}〔{found.group('year')}〕{int(found.group('n'))}号"
    order = _ORDER_NUMBER_RE.match(flat)
    if order and order.group("org"):
        return f"{order.group('org')}令第{order.group('n')}号"
    return None




def issuer_names(issuer: str | None) -> list[str]:
    """Each organ of a (joint) issuer, in printed order: 山东省财政厅、山东省教育厅 → both."""
    return [part for part in (re.sub(r"\s+", "", p) for p in re.split(r"[、，,;；]", issuer or "")) if part]


def order_key(number: int) -> str:
    """The lookup key of every 令号 with this number, whoever issued it: 令第453号."""
    return f"令第{number}号"


def order_number(text: str) -> tuple[str, int] | None:
    """(the issuing organ's searchable form, possibly '', the number) of a 令号 however it
    is typed — 山东省人民政府令第453号, 省政府令第453号, 山东省人民政府令１１３２号 (no 第),
    第1006号令 — or None when ``text`` is not shaped like one."""
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    found = _ORDER_TYPED_RE.match(flat)
    if not found:
        return None
    return searchable(found.group("org")), int(found.group("n") or found.group("m"))


def abbreviates(short: str, name: str) -> bool:
    """True when ``short`` is ``name`` with characters left out (省政府 of 山东省人民政府),
    both in searchable form; '' abbreviates every name."""
    rest = iter(name)
    return all(char in rest for char in short)

