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
_ITEM_RE = re.compile(r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．\s]|[①-⑳])\s*")
_DOC_WORD_RE = re.compile(r"(?:办法|规定|条例|细则|规则|决定|通知|意见|方案|规划|标准|制度|措施|目录|办法（试行）|规定（试行）|"
                          r"（试行）|（暂行）|公告|通告|批复|纲要|计划|准则|要点|清单)$")
_OWN_RULE_RE = re.compile(r"本(?:办法|规定|条例|细则|规则|实施办法|实施细则|决定|意见|通知|方案|措施|标准|制度)[^。；]{0,40}?(?:施行|实施)")
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
    lines = [fold(to_ascii_digits(line)).strip() for line in body_to_text(doc.body).splitlines()]
    lines = [line for line in lines if line]
    title = fold(to_ascii_digits(doc.title)).strip()
    found: list[Reference] = []
    if is_interpretation(doc):
        found += _interpreted(title, lines)
    else:
        found += _from_title(title)
        found += _from_lines(title, lines)
    out: list[Reference] = []
    seen: set[tuple[RelationType, str]] = set()
    for ref in found:
        key = (ref.type, _key(ref.title) or normalize_doc_number(ref.doc_number or ""))
        if key[1] and key not in seen and not (ref.title and _key(ref.title) == _key(title)):
            seen.add(key)
            out.append(ref)
    return tuple(out)


def _key(title: str | None) -> str:
    return re.sub(r"[\s《》]", "", title or "")


def _interpreted(title: str, lines: list[str]) -> list[Reference]:
    """The document a 政策解读 explains: 《…》 in its title, else in its first lines, else
    its title without 关于/的/政策解读."""
    named = _TITLE_RE.findall(title)
    if not named:
        for line in lines[:6]:
            named = [t for t in _TITLE_RE.findall(line) if not _BASIS_RE.search(line[:line.find(t)])]
            if named:
                return [Reference(RelationType.INTERPRETS, named[0], _number_after(line, named[0]), None, line[:200])]
        bare = re.sub(r"^(?:关于|对)", "", title)
        bare = re.sub(r"(?:的)?(?:政策)?(?:解读|答记者问|政策问答|问答)(?:材料)?$", "", bare)
        bare = re.sub(r"^.*?负责人就", "", bare)
        return [Reference(RelationType.INTERPRETS, bare, None, None, title)] if len(bare) >= 4 else []
    return [Reference(RelationType.INTERPRETS, named[0], None, None, title)]


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
    if _ISSUE_WORDS.search(masked) and re.search(r"印发给|现将|予以印发|印发《》|印发的", masked):
        modes.append(RelationType.ISSUES)
    return modes


def _title_mode(title: str) -> RelationType | None:
    has_repeal, has_amend = "废止" in title, "修改" in title
    if has_repeal and not has_amend:
        return RelationType.REPEALS
    if has_amend and not has_repeal:
        return RelationType.AMENDS
    return None


def _from_lines(title: str, lines: list[str]) -> list[Reference]:
    refs: list[Reference] = []
    list_mode: RelationType | None = None
    default = _title_mode(title)
    for line in lines:
        item = bool(_ITEM_RE.match(line))
        for sentence in _sentences(line):
            modes = _modes(sentence)
            if modes:
                refs += _sentence_refs(sentence, modes)
        own = _modes(line)
        if re.search(r"[：:]$", line) and own:
            list_mode = own[0] if len(own) == 1 else (RelationType.REPEALS if line.rfind("废止") > line.rfind("修改") else RelationType.AMENDS)
        elif item and not own and (list_mode or default):
            refs += _item_refs(line, list_mode or default)  # type: ignore[arg-type]
        elif not item and not own:
            list_mode = None if not re.match(r"^(?:序号|名称|文件名称|规章名称)", line) else list_mode
    return refs


def _sentences(line: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；;])", line) if s.strip()]


def _sentence_refs(sentence: str, modes: list[RelationType]) -> list[Reference]:
    """The titles and numbers a sentence with relation words names, each given the mode
    of the nearest relation word after it (or before it, for 对《…》作如下修改)."""
    refs = []
    masked = _TITLE_RE.sub(lambda m: "《" + "＊" * len(m.group(1)) + "》", sentence)
    replaced = "同时废止" in masked and bool(_OWN_RULE_RE.search(masked))
    date = _repeal_date(sentence)
    spans = [(m.start(), m.end(), m.group(1), None) for m in _TITLE_RE.finditer(sentence)]
    for m in _NUMBER_RE.finditer(masked):
        if not any(a <= m.start() < b + 12 for a, b, _, _ in spans) and not _inside_title(sentence, m.start()):
            spans.append((m.start(), m.end(), None, m.group()))
    for start, end, title, number in sorted(spans):
        before = masked[max(0, start - 12):start]
        if _BASIS_RE.search(before) or re.search(r"根据[^，。；]{0,40}$", masked[:start]) and _HISTORY_RE.search(masked[start:]):
            continue
        mode = _mode_at(masked, start, end, modes)
        if mode is None:
            continue
        if mode is RelationType.REPEALS and replaced:
            mode = RelationType.REPLACES
        if title is not None:
            number = _number_after(sentence, title)
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
    at = text.find(f"《{title}》")
    if at < 0:
        return None
    tail = text[at + len(title) + 2:at + len(title) + 40]
    match = re.match(r"\s*[（(]([^（）()]*)[）)]", tail)
    if match:
        number = _NUMBER_RE.search(match.group(1))
        if number:
            return re.sub(r"\s+", "", number.group())
    return None


def _item_refs(line: str, mode: RelationType) -> list[Reference]:
    """A list item under 决定废止下列规章： — 《title》, a bare title, and/or a 文号."""
    text = _ITEM_RE.sub("", line, count=1)
    named = _TITLE_RE.findall(text)
    if named:
        return [Reference(mode, t, _number_after(text, t), None, line[:200]) for t in named]
    number = _NUMBER_RE.search(text)
    bare = re.split(r"[（(，,。；;\s]", text, maxsplit=1)[0].strip()
    if not _DOC_WORD_RE.search(bare):
        bare = ""
    if not bare and not number:
        return []
    return [Reference(mode, bare or None, re.sub(r"\s+", "", number.group()) if number else None, None, line[:200])]
