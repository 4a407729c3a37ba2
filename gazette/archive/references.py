"""References a document's own text makes to other documents (no archive needed).

What is found, in the wordings gazettes print (docs/relations.md):

* ``interprets``: a 政策解读 (by kind or title) names its document: 《…》 in its title
  (《…》政策解读, 关于《…》的解读, …负责人就《…》答记者问) or in its first lines;
* ``issues``: 关于印发《…》的通知, 现将《…》印发给你们;
* ``amends``: 关于修改《…》的决定, 对《…》作如下修改, 将《…》第三条修改为;
* ``repeals``: 关于废止《…》的决定, …予以废止, 自…起废止, and the items of a list under
  决定废止下列规章： (with or without 《》, a 文号/令号 in brackets after the title);
* ``replaces``: 本办法自…起施行，原《…》同时废止.

Titles cited as a legal basis (根据《…》, 依照…) or inside an amendment history
(根据…令第N号修正) are not references. Each reference keeps the title and 文号 as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fold import fold
from ..models import Document, Kind, RelationType
from ..structure import body_to_text
from ..textnorm import normalize_doc_number, parse_date, to_ascii_digits

_CJK = r"\u4e00-\u9fff"
_TITLE_RE = re.compile(r"《([^《》\n]{2,80})》")
_NUMBER_RE = re.compile(
    rf"(?:\d{{4}}年)?[{_CJK}]{{0,20}}令\s*第\s*\d+\s*号"
    rf"|[{_CJK}]{{1,20}}\s*[〔\[［(（【]\s*\d{{4}}\s*[〕\]］)）】]\s*第?\s*\d+\s*号"
)
_BASIS_RE = re.compile(r"(?:根据|依据|依照|按照|参照|贯彻|落实|遵照|对照|符合|违反|执行|实施)[^，。；：]{0,6}$")
_HISTORY_RE = re.compile(r"根据[^，。；]{0,60}(?:修正|修订|修改)")
_DOC_WORD_RE = re.compile(r"(?:办法|规定|条例|细则|规则|决定|通知|意见|方案|规划|标准|制度|措施|目录|办法（试行）|规定（试行）|"
                          r"（试行）|（暂行）|公告|通告|批复|纲要|计划|准则|要点|清单)$")
_REPEAL_DATE_RE = re.compile(r"自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起[^。；]{0,12}?(?:废止|失效|停止执行)")

_AMEND_WORDS = re.compile(r"作如下修改|作出如下修改|作以下修改|修改如下|修改为|予以修改|作出修改|进行修改|修改部分|决定修改|关于修改|删去|删除第|增加一[条款项]")
_REPEAL_WORDS = re.compile(r"废止|停止执行|不再执行|宣布失效|予以失效")
_ISSUE_WORDS = re.compile(r"印发")


@dataclass(frozen=True)
class Reference:
    """One reference as printed: its type, the title (without 《》) and 文号 given,
    the date a repeal takes effect when the text names it, and the sentence."""

    type: RelationType
    title: str | None
    doc_number: str | None
    date: str | None
    evidence: str


def is_interpretation(doc: Document) -> bool:
    """A 政策解读 by kind, or by a title that says so."""
    return doc.kind is Kind.INTERPRETATION or bool(re.search(r"解读|答记者问|政策问答|问答$", doc.title))


def references(doc: Document) -> tuple[Reference, ...]:
    """Every reference ``doc``'s title and text make, in printed order, without repeats."""
    title = fold(to_ascii_digits(doc.title)).strip()
    interpretation = is_interpretation(doc)
    if not interpretation and not _ANY_TRIGGER_RE.search(doc.body) and not _ANY_TRIGGER_RE.search(doc.title):
        return ()  # no relation word in any script: nothing to find
    text = body_to_text(doc.body)
    if _FULLWIDTH_DIGIT_RE.search(text):
        text = to_ascii_digits(text)
    lines = [line.strip() for line in fold(text).splitlines()]
    lines = [line for line in lines if line]
    found: list[Reference] = []
    if interpretation:
        found += _interpreted(title, lines)
    else:
        found += _from_title(title)
        found += _from_lines(title, lines)
    out: list[Reference] = []
    seen: set[tuple[RelationType, str]] = set()
    for ref in found:
        key = (ref.type, _key(ref.title) or normalize_doc_number(ref.doc_number or ""))
        self_named = ref.title and _key(ref.title) == _key(title) and ref.type is not RelationType.REPLACES
        if key[1] and key not in seen and not self_named:
            seen.add(key)
            out.append(ref)
    return tuple(out)


def _key(title: str | None) -> str:
    return re.sub(r"[\s《》]", "", title or "")


def _interpreted(title: str, lines: list[str]) -> list[Reference]:
    """The document a 政策解读 explains: 《…》 in its title, else in its first lines, else
    its title without 关于/的/政策解读."""
    named = _TITLE_RE.findall(title)
    bare = re.sub(r"^(?:关于|对)", "", title)
    bare = re.sub(r"(?:的)?(?:政策)?(?:解读|答记者问|政策问答|问答)(?:材料)?$", "", bare)
    bare = re.sub(r"^.*?负责人就", "", bare)
    if not named and len(bare) >= 4 and _DOC_WORD_RE.search(bare):
        number = next((_number_after(line, bare) for line in lines[:6] if bare in line), None)
        return [Reference(RelationType.INTERPRETS, bare, number, None, title)]
    if not named:
        for line in lines[:6]:
            named = [t for t in _TITLE_RE.findall(line) if not _BASIS_RE.search(line[:line.find(t)])]
            if named:
                return [Reference(RelationType.INTERPRETS, named[0], _number_after(line, named[0]), None, line[:200])]
        return [Reference(RelationType.INTERPRETS, bare, None, None, title)] if len(bare) >= 4 else []
    number = next((_number_after(line, named[0]) for line in lines[:6] if f"《{named[0]}》" in line), None)
    return [Reference(RelationType.INTERPRETS, named[0], number, None, title)]


def _from_title(title: str) -> list[Reference]:
    """关于印发《…》的通知, 关于修改/废止《…》的决定 (with or without 《》)."""
    refs: list[Reference] = []
    for kind, word in ((RelationType.ISSUES, "印发"), (RelationType.AMENDS, "修改"), (RelationType.REPEALS, "废止")):
        match = re.search(rf"关于{word}(.+?)的(?:通知|决定|命令|公告|通告|意见)$", title)
        if not match or (kind is RelationType.AMENDS and "废止" in match.group(1) and "修改" not in match.group(1)):
            continue
        named = _TITLE_RE.findall(match.group(1))
        if named:
            refs += [Reference(kind, t, None, None, title) for t in named]
        elif not re.search(r"部分|若干|一批|[和及、]|等", match.group(1)) and _DOC_WORD_RE.search(match.group(1)):
            refs.append(Reference(kind, match.group(1), None, None, title))
    return refs


def _modes(text: str) -> list[RelationType]:
    """The relation words of a line, titles masked (a title may hold 修改 or 废止)."""
    masked = _TITLE_RE.sub("《》", text)
    if _HISTORY_RE.search(masked):
        masked = _HISTORY_RE.sub("", masked)
    modes = []
    if _REPEAL_WORDS.search(masked):
        modes.append(RelationType.REPEALS)
    if _AMEND_WORDS.search(masked):
        modes.append(RelationType.AMENDS)
    if _ISSUE_WORDS.search(masked) and re.search(r"印发给|现将[^，。；]{0,40}印发|予以印发|现印发", masked):
        modes.append(RelationType.ISSUES)
    return modes


def _title_mode(title: str) -> RelationType | None:
    has_repeal, has_amend = "废止" in title, "修改" in title
    if has_repeal and not has_amend:
        return RelationType.REPEALS
    if has_amend and not has_repeal:
        return RelationType.AMENDS
    return None


_LEVELS = (re.compile(r"^\s*[一二三四五六七八九十百]+[、.．]"), re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]"),
           re.compile(r"^\s*\d+\s*[、.．\s]"), re.compile(r"^\s*[（(]\d+[）)]"), re.compile(r"^\s*[①-⑳]"))


_ITEM_STARTS = frozenset("一二三四五六七八九十百（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳ 　")
_ANY_TRIGGER_RE = re.compile(r"[废廢]止|修改|印[发發]|[删刪][去除]|增加|停止[执執]行|不再[执執]行|失效")
_FULLWIDTH_DIGIT_RE = re.compile(r"[０-９]")
_TRIGGER_RE = re.compile(r"废止|修改|印发|删去|删除|增加|停止执行|不再执行|失效")


def _level(line: str) -> int | None:
    """How deep a list item is: 一、 0, （一） 1, 1. 2, （1） 3, ① 4; None for a plain line."""
    for n, pattern in enumerate(_LEVELS):
        if pattern.match(line):
            return n
    return None


def _from_lines(title: str, lines: list[str]) -> list[Reference]:
    """References of the text. A line with a relation word and no title of its own
    (决定废止下列规章：, 一、对4件省政府规章予以修改) opens a list: the items below it
    (deeper, or any item under a plain intro line) are its references."""
    refs: list[Reference] = []
    opened: list[tuple[int, RelationType]] = []  # (level, mode), outermost first; -1 for an intro line
    default = _title_mode(title)
    for line in lines:
        level = _level(line) if line[0] in _ITEM_STARTS else None
        if level is None and not opened and not _TRIGGER_RE.search(line):
            continue  # most lines of most documents: no relation word, no list open
        own = _modes(line) if _TRIGGER_RE.search(line) else []
        if own:
            for sentence in _sentences(line):
                modes = _modes(sentence)
                if modes:
                    refs += _sentence_refs(sentence, modes, default)
        names = _TITLE_RE.search(_unquoted(line)) or _NUMBER_RE.search(line)
        if own and not names and (level is not None or re.search(r"[：:]$|下列|以下|如下|(?:目录|清单|名单|一览表)$", line)):
            mode = own[0] if len(own) == 1 else (RelationType.REPEALS if line.rfind("废止") > line.rfind("修改") else RelationType.AMENDS)
            depth = -1 if level is None else level
            opened = [(lv, m) for lv, m in opened if lv < depth] + [(depth, mode)]
        elif level is not None and not own:
            above = [m for lv, m in opened if lv < level]
            if above or default:
                refs += _item_refs(line, above[-1] if above else default)  # type: ignore[arg-type]
            opened = [(lv, m) for lv, m in opened if lv < level]
        elif level is None and not own and not re.match(r"^(?:序号|名称|文件名称|规章名称)", line):
            opened = []
    return refs


def _unquoted(text: str) -> str:
    """``text`` with quoted wording (“…”, the words an amendment changes) blanked; quotes
    inside a 《title》 stay."""
    def blank(m: re.Match[str]) -> str:
        return m.group() if m.group().startswith("《") else m.group()[0] + "＊" * (len(m.group()) - 2) + m.group()[-1]
    return re.sub(r"《[^《》\n]*》|“[^“”]*”|「[^「」]*」", blank, text)


_BASIS_START = re.compile(r"根据|依据|依照|按照|鉴于|参照|为贯彻|为落实|贯彻落实|遵照")


def _basis_spans(masked: str) -> list[tuple[int, int]]:
    """Where a sentence cites its legal basis: from 根据 (依据, 鉴于 …) to the next comma
    outside brackets (根据《A》（…号）和《B》，… covers both A and B)."""
    spans = []
    for m in _BASIS_START.finditer(masked):
        depth, end = 0, len(masked)
        for i in range(m.end(), len(masked)):
            ch = masked[i]
            depth += ch in "（(〔[" and 1 or 0
            depth -= ch in "）)〕]" and 1 or 0
            if depth <= 0 and ch in "，,。；;：:":
                end = i
                break
        spans.append((m.start(), end))
    return spans


def _sentences(line: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；;])", line) if s.strip()]


_BARE_ARTICLE_RE = re.compile(
    rf"(?:将|删去|删除|在)([{_CJK}、]{{4,40}}?(?:办法|规定|条例|细则|规则)(?:（试行）|（暂行）)?)(?:（[^（）]{{0,40}}）)?第[一二三四五六七八九十百零〇\d]+条")
_GENERIC = re.compile(r"^(?:实施)?(?:办法|规定|条例|细则|规则|决定|通知|意见|方案|指导意见|实施方案|实施意见|纲要|规划|若干规定|暂行办法|实施细则|通告|公告)$")


def _sentence_refs(sentence: str, modes: list[RelationType], default: RelationType | None = None) -> list[Reference]:
    """The titles and numbers a sentence with relation words names, each given the mode
    of the nearest relation word after it (or before it, for 对《…》作如下修改)."""
    refs = []
    sentence = _unquoted(sentence)
    masked = _TITLE_RE.sub(lambda m: "《" + "＊" * len(m.group(1)) + "》", sentence)
    # In a rule (not a decision about repeals): 原《…》同时废止 / 自本办法施行之日起废止 is a replacement.
    replaced = default is None and bool(re.search(r"同时废止|自本[^，。；]{1,8}施行之日起[^，。；]{0,6}废止", masked))
    date = _repeal_date(sentence)
    titles = [m for m in _TITLE_RE.finditer(sentence) if not _GENERIC.match(m.group(1))]
    spans = [(m.start(), m.end(), m.group(1), None) for m in titles]
    for m in _NUMBER_RE.finditer(masked):
        number = _clean_number(m.group())
        owner = [i for i, (a, b, _, _) in enumerate(spans) if a - 24 <= m.start() < a or b <= m.start() < b + 12]
        if owner or _inside_title(sentence, m.start()):
            continue
        spans.append((m.start(), m.end(), None, number))
    if RelationType.AMENDS in modes:  # 将河北省…办法第四条修改为, 删去…办法（…号）第九条: a title without 《》
        for m in _BARE_ARTICLE_RE.finditer(masked):
            if not any(a <= m.start(1) < b for a, b, _, _ in spans):
                spans.append((m.start(1), m.end(1), m.group(1), None))
    basis = _basis_spans(masked)
    for start, end, title, number in sorted(spans):
        if any(a <= start < b for a, b in basis):
            continue
        before = masked[max(0, start - 12):start]
        if _BASIS_RE.search(before) or re.search(r"根据[^，。；]{0,40}$", masked[:start]) and _HISTORY_RE.search(masked[start:]):
            continue
        mode = _mode_at(masked, start, end, modes)
        if mode is None:
            continue
        if mode is RelationType.REPEALS and replaced:
            mode = RelationType.REPLACES
        if title is not None:
            number = _number_after(sentence, title) or _number_before(masked, start)
        refs.append(Reference(mode, title, number, date if mode in (RelationType.REPEALS, RelationType.REPLACES) else None,
                              sentence[:200]))
    return refs


def _inside_title(sentence: str, at: int) -> bool:
    return sentence.rfind("《", 0, at) > sentence.rfind("》", 0, at)


def _mode_at(masked: str, start: int, end: int, modes: list[RelationType]) -> RelationType | None:
    """The relation word that governs the title at ``start``–``end``."""
    best: tuple[int, RelationType] | None = None
    words = {RelationType.REPEALS: _REPEAL_WORDS, RelationType.AMENDS: _AMEND_WORDS, RelationType.ISSUES: _ISSUE_WORDS}
    for mode in modes:
        for m in words[mode].finditer(masked):
            if m.start() >= end:
                distance = m.start() - end
            elif m.end() <= start:
                distance = (start - m.end()) + (0 if mode is not RelationType.AMENDS else 2)
                if mode is RelationType.REPEALS and not re.search(r"(?:决定|予以|宣布|现)废止[^。；]*$|废止(?:下列|以下|了)?$", masked[:start]):
                    distance += 40
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, mode)
    return best[1] if best and best[0] < 120 else None


def _repeal_date(sentence: str) -> str | None:
    match = _REPEAL_DATE_RE.search(sentence)
    return parse_date(match.group(1)) if match else None


def _number_after(text: str, title: str) -> str | None:
    """The 文号/令号 printed in brackets right after 《title》."""
    at, width = text.find(f"《{title}》"), len(title) + 2
    if at < 0:
        at, width = text.find(title), len(title)
    if at < 0:
        return None
    tail = text[at + width:at + width + 40]
    match = re.match(r"\s*[（(]([^（）()]*)[）)]", tail)
    if match:
        number = _NUMBER_RE.search(match.group(1))
        if number:
            return re.sub(r"\s+", "", number.group())
    return None


def _clean_number(text: str) -> str:
    """A matched 文号/令号 without the date words a greedy match picks up (…日市政府令第5号)."""
    text = re.sub(r"\s+", "", text)
    return re.sub(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[年日月于的原以经由]+)?(?=.)", "", text) if not re.match(r"^\d{4}年[^月]", text) else text


def _number_before(masked: str, start: int) -> str | None:
    """…令第274号公布的《…》: the number printed just before a title."""
    window = masked[max(0, start - 30):start]
    found = [m for m in _NUMBER_RE.finditer(window) if re.match(r"^\s*(?:公布|发布|印发|颁布)?的?\s*$", window[m.end():])]
    return _clean_number(found[-1].group()) if found else None


def _item_refs(line: str, mode: RelationType) -> list[Reference]:
    """A list item under 决定废止下列规章： — 《title》, a bare title, and/or a 文号."""
    marker = next(m for m in (pattern.match(line) for pattern in _LEVELS) if m)
    text = _unquoted(line[marker.end():].lstrip())
    named = [t for t in _TITLE_RE.findall(text) if not _GENERIC.match(t)]
    if named and text.startswith("《"):
        return [Reference(mode, t, _number_after(text, t), None, line[:200]) for t in named]
    number = _NUMBER_RE.search(text)
    bare = re.split(r"[（(，,。；;\s]", text, maxsplit=1)[0].strip()
    if not _DOC_WORD_RE.search(bare):
        bare = ""
    if not bare and not number:
        return []
    return [Reference(mode, bare or None, _clean_number(number.group()) if number else None, None, line[:200])]
