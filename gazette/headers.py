"""The adoption header of laws, 地方性法规 and 规章 printed without their 令 block.

Under the title such texts carry a header of dated clauses, on one line or several,
usually in parentheses::

    （2017年8月31日XX市第八届人民代表大会常务委员会第五次会议通过
      2017年9月30日XX省第十二届人民代表大会常务委员会第三十二次会议批准）
    （2019年5月6日广东省人民政府令第261号公布　自2019年7月1日起施行）
    （2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过）

Each clause is a date, an actor (a meeting of an organ, or an organ's 令) and a verb
(通过, 批准, 公布, 发布, 修正, 修订). The grammar here reads them; the rules that turn
them into issuer, date and 令号 are in :func:`header_facts`: a legislature's act is
dated by its adoption (the first 通过), a government's by its promulgation (公布).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .textnorm import find_dates, squeeze_spaces, to_ascii_digits

_NUM = r"[〇零一二三四五六七八九十百\d]+"
_VERBS = "通过|批准|公布|发布|颁布|修正|修订|废止"
_CLAUSE_RE = re.compile(rf"(?P<actor>[^，。；（）()]*?)(?P<verb>{_VERBS})")
_SESSION_RE = re.compile(rf"第{_NUM}届|{_NUM}届(?=全国)")
_MEETING_RE = re.compile(rf"第{_NUM}次(?:全体|常务|主任)?会议$|(?:常务会议|主任会议|全体会议|会议)$")
_ORDER_RE = re.compile(rf"^(?P<organ>.+?)令(?:[（(]?{_NUM}年?[）)]?)?第(?P<no>{_NUM})号$")
_LEGISLATURE_RE = re.compile(r"(?:人民代表大会(?:常务委员会)?|人大(?:常委会)?)$")
_OPEN = ("（", "(")
_CLOSE = ("）", ")")
_MAX_LINES = 6


@dataclass(frozen=True)
class Clause:
    """One dated clause of a header: when, who (as printed, compact) and what."""

    date: str
    actor: str
    verb: str


@dataclass(frozen=True)
class HeaderFacts:
    """What a header says about its document."""

    issuer: str | None
    signed_date: str | None
    order_number: str | None  # 令号 of a 规章 (or 主席令) printed in the header
    effective_date: str | None
    legislature: bool  # adopted by a 人民代表大会 or its 常务委员会


def find_header(lines: Sequence[str], start: int = 0, limit: int = 14) -> tuple[int, int, list[Clause]] | None:
    """(first line, last line, clauses) of the adoption header among ``lines[start:limit]``."""
    for i in range(start, min(limit, len(lines))):
        first = _compact(lines[i])
        if not first or not (first.startswith(_OPEN) or find_dates(first[:14]) and find_dates(first[:14])[0].start == 0):
            continue
        text, last = "", i
        for k in range(i, min(i + _MAX_LINES, len(lines))):
            text += _compact(lines[k])
            last = k
            if text.startswith(_OPEN) and text.endswith(_CLOSE):
                break
            if not text.startswith(_OPEN) and not _continues(lines, k):
                break
        clauses = parse_clauses(text)
        if clauses:
            return i, last, clauses
    return None


def _compact(line: str) -> str:
    return squeeze_spaces(to_ascii_digits(line.strip()))


def _continues(lines: Sequence[str], k: int) -> bool:
    """Whether a header printed without parentheses goes on to the next line."""
    if k + 1 >= len(lines):
        return False
    nxt = _compact(lines[k + 1])
    if not nxt:
        return False
    clause_ended = bool(re.search(rf"(?:{_VERBS}|施行)$", _compact(lines[k])))
    next_is_clause = bool(find_dates(nxt[:14])) and bool(re.search(_VERBS, nxt))
    return not clause_ended or next_is_clause  # a clause cut mid-way, or another dated clause


def parse_clauses(text: str) -> list[Clause]:
    """The dated clauses of a header's text (compact); empty if it is no header."""
    body = text.strip("（）()")
    dates = find_dates(body)
    if not dates or dates[0].start != 0:
        return []
    clauses: list[Clause] = []
    waiting: list[tuple[str, str]] = []  # (date, actor) of a clause that shares the next one's verb
    for n, found in enumerate(dates):
        end = dates[n + 1].start if n + 1 < len(dates) else len(body)
        segment = body[found.end:end]
        match = _CLAUSE_RE.match(segment)
        if match:
            for date, actor in waiting:  # 2023年1月28日最高人民法院…会议、2023年2月7日最高人民检察院…会议通过
                clauses.append(Clause(date, actor, match.group("verb")))
            waiting = []
            clauses.append(Clause(found.iso, match.group("actor"), match.group("verb")))
        elif segment.endswith(("、", "和", "及")):
            waiting.append((found.iso, segment.rstrip("、和及")))
        elif not segment.startswith("起"):  # 自2019年7月1日起施行 belongs to the clause before
            return []
    return clauses if any(c.verb in ("通过", "公布", "发布", "颁布", "批准") for c in clauses) else []


def organ_of(actor: str) -> str:
    """The organ a meeting belongs to: XX市第八届人民代表大会常务委员会第五次会议 →
    XX市人民代表大会常务委员会; 省人民政府第12次常务会议 → 省人民政府; 最高人民法院审判委员会
    第1830次会议 → 最高人民法院 (a court's or procuratorate's own committee acts for it);
    以苏府令 → 江苏省人民政府 (a province's short form)."""
    organ = re.sub(r"^(?:根据)?[在由经以]", "", actor)
    organ = _MEETING_RE.sub("", organ)
    organ = _SESSION_RE.sub("", organ)
    organ = re.sub(r"(?<=[院])(?:审判委员会|检察委员会)$", "", organ)
    short = re.fullmatch(r"(?P<p>[\u4e00-\u9fff])府", organ)
    if short and short.group("p") in _PROVINCES:
        organ = _PROVINCES[short.group("p")] + "人民政府"
    return organ.strip("　 、")


def organs_of(actor: str) -> list[str]:
    """Every organ of a clause adopted jointly (最高人民法院审判委员会…、最高人民检察院…会议)."""
    found: list[str] = []
    for part in actor.split("、"):
        organ = organ_of(part)
        if organ and organ not in found:
            found.append(organ)
    return found


# 省级 short forms as printed in 令号 (苏府令, 豫府令); 宁 is left out: it is also 南京's.
_PROVINCES = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省", "辽": "辽宁省",
    "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省",
    "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "琼": "海南省", "川": "四川省",
    "黔": "贵州省", "滇": "云南省", "陕": "陕西省", "甘": "甘肃省", "青": "青海省", "桂": "广西壮族自治区",
    "藏": "西藏自治区", "新": "新疆维吾尔自治区", "蒙": "内蒙古自治区",
}


def header_facts(clauses: Sequence[Clause], text: str = "") -> HeaderFacts:
    """Issuer, signed date, 令号 and effective date from a header's clauses."""
    effective = None
    effective_match = re.search(r"自(.{6,16}?日)起(?:施行|实施|生效)", text)
    if effective_match:
        dates = find_dates(effective_match.group(1))
        effective = dates[0].iso if dates else None
    adopted = [c for c in clauses if c.verb == "通过"]
    orders = [(c, _ORDER_RE.match(c.actor)) for c in clauses if c.verb in ("公布", "发布", "颁布")]
    orders = [(c, m) for c, m in orders if m]
    if adopted and _LEGISLATURE_RE.search(organ_of(adopted[0].actor)):
        clause = adopted[0]
        return HeaderFacts(organ_of(clause.actor), clause.date, None, effective, True)
    if orders:
        clause, match = orders[0]
        printed = re.sub(r"^(?:根据)?[在由经以]", "", match.group("organ"))
        number = printed + match.group(0)[len(match.group("organ")):]  # 令第261号, 令2023年第28号: as printed
        organ = organ_of(printed)
        if organ.endswith("主席") and adopted:
            return HeaderFacts(organ_of(adopted[0].actor), adopted[0].date, number, effective, True)
        return HeaderFacts(organ, clause.date, number, effective, False)
    if adopted:
        clause = adopted[0]
        organs = [o for c in adopted for o in organs_of(c.actor)]
        organs = list(dict.fromkeys(organs))
        if len(organs) > 1:
            return HeaderFacts("、".join(organs), clause.date, None, effective, False)
        return HeaderFacts(organ_of(clause.actor) or None, clause.date, None, effective, False)
    return HeaderFacts(None, clauses[0].date if clauses else None, None, effective, False)
