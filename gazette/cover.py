"""Issue metadata from the cover page: gazette name, year, number, total number, date."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .models import IssueMeta
from .textnorm import parse_date, to_ascii_digits

_LABEL_RE = re.compile(
    r"(\d{4})\s*年\s*第\s*(\d+)\s*(?:[-—–~～至]\s*\d+\s*)?[期号]\s*(?:[（(]\s*总\s*第\s*(\d+)\s*(?:[-—–~～至]\s*\d+\s*)?[期号]\s*[）)])?"
)
_TOTAL_RE = re.compile(r"总\s*第\s*(\d+)\s*[期号]")
_NAME_RE = re.compile(r"^(.{2,24}公报)$")
_PUBLISHER_RE = re.compile(r"^(.{2,30}?)\s*(?:主\s*办|编\s*印|主\s*管)$")
_SPACES = re.compile(r"[\s\u3000]+")


_JOINED_LABEL_RE = re.compile(r"(\d{4})年?第(\d+)(?:[-—–~～至]\d+)?([期号])")  # 2017年 / 第8期, 2023 第7期, 2021 第22号
_NUMBER_RE = re.compile(r"第(\d+)(?:[-—–~～至]\d+)?[期号]")  # also a double issue, 第3-4期 (合刊): its first number
_ORGAN_NAME_RE = re.compile(r"(?:人民政府|人民代表大会常务委员会|人大常委会|办公厅|[省市县区州盟旗])$")
_YEAR_LINE_RE = re.compile(r"^(?:19|20)\d{2}年?$")
_TOTAL_ANY_RE = re.compile(r"总\s*第\s*(\d+)\s*(?:[-—–~～至]\s*\d+\s*)?[期号]|总号[：:]?\s*(\d+)|总\s*(\d+)\s*期")
_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:省|市|县|区|自治区|自治州|自治县|盟|旗)$")


def read_cover(lines: Sequence[str]) -> IssueMeta:
    """Read issue metadata from the lines of the cover (or of the first page).

    Covers set the label many ways: ``2021年第5期（总第448期）`` on one line, or year and
    number on lines of their own (``2017年`` / ``第8期`` / ``总第260期``), ``2023 第7期``,
    ``2021 第22号（总号：454）``; the name may be wrapped (``广东省`` / ``人民代表大会常务委员会公报``)
    or follow a logo reading ``政府公报``."""
    compact = [_SPACES.sub("", to_ascii_digits(line)) for line in unstack(lines) if line.strip()]
    head = compact[:12]
    meta = IssueMeta()
    names = [i for i, line in enumerate(head) if _NAME_RE.match(line) and not _LABEL_RE.search(line)]
    if names:
        i = max(names, key=lambda k: len(head[k]))  # the full name, not a logo's 政府公报
        name = head[i]
        if i > 0 and len(head[i - 1]) <= 10 and (head[i - 1].endswith(("中华人民共和国", "人民政府")) or _PLACE_RE.match(head[i - 1])):
            name = head[i - 1] + name
        meta = replace(meta, gazette_name=name)
    else:
        alone = next((i for i, line in enumerate(head) if line == "公报" and i > 0), None)  # 山西省人民政府 / 公　　报
        if alone is not None and 2 <= len(head[alone - 1]) <= 22 and _ORGAN_NAME_RE.search(head[alone - 1]):
            meta = replace(meta, gazette_name=head[alone - 1] + "公报")
    joined = "".join(head)
    label = _LABEL_RE.search(joined) or _JOINED_LABEL_RE.search(joined)
    if label:
        meta = replace(meta, year=int(label.group(1)), number=int(label.group(2)), label=label.group(0))
    else:
        number = next((m for m in map(_NUMBER_RE.search, head) if m), None)
        year = next((line[:4] for line in head if _YEAR_LINE_RE.match(line)), None)
        if number and year:
            meta = replace(meta, year=int(year), number=int(number.group(1)), label=f"{year}年{number.group(0)}")
    total = _TOTAL_ANY_RE.search(joined)
    if total:
        meta = replace(meta, total_number=int(next(g for g in total.groups() if g)))
    for line in compact[:20]:
        publisher = _PUBLISHER_RE.match(line)
        if publisher and meta.publisher is None:
            meta = replace(meta, publisher=publisher.group(1))
            continue
        if meta.date is None:
            rest = _LABEL_RE.sub("", line)
            date = parse_date(rest)
            if date:
                meta = replace(meta, date=date)
    if meta.year is None and meta.date and meta.number is not None:
        meta = replace(meta, year=int(meta.date[:4]))
    return meta


def unstack(lines: Sequence[str]) -> list[str]:
    """A name set vertically (one character per line: 四 / 川 / 省 / … / 报) as one line."""
    result: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        text = line.strip()
        if len(text) == 1 and "\u4e00" <= text <= "\u9fff":
            run.append(text)
            continue
        if run:
            result.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if line:
            result.append(line)
    return result


_TOC_HEADING_RE = re.compile(r"^(?:本期)?目[\s\u3000]*[录次]$")


def masthead(lines: Sequence[str]) -> list[str]:
    """The cover's own lines: everything above a 目录 printed on the cover, if any."""
    for i, line in enumerate(lines):
        if i > 0 and _TOC_HEADING_RE.match(_SPACES.sub("", line)):
            return list(lines[:i])
    return list(lines)


def looks_like_cover(lines: Sequence[str]) -> bool:
    """True when a page carries a gazette name and an issue label, with little else
    (a 目录 printed under the masthead does not count)."""
    lines = unstack(masthead(lines))
    text = _SPACES.sub("", to_ascii_digits("".join(lines[:15])))
    labelled = _LABEL_RE.search(text) or _JOINED_LABEL_RE.search(text) or _NUMBER_RE.search(text)
    return "公报" in text and bool(labelled) and len(lines) <= 25


_IMPRINT_FIELD_RE = re.compile(
    r"^(?:主管|主办|编辑|编印|编辑出版|出版|印刷|印刷日期|出版日期|发行|承印|地址|电话|传真|邮编|邮政编码|定价|国内统一刊号|"
    r"刊号|ISSN|CN|赠阅范围|内部发行|投稿|网址|电子邮箱)"
)


def looks_like_imprint(lines: Sequence[str]) -> bool:
    """True for the back page that prints the gazette's imprint (主办, 编辑, 印刷, 地址 …)
    and no document text: it belongs to no document."""
    compact = [_SPACES.sub("", line) for line in lines if line.strip()]
    if not compact or len(compact) > 25:
        return False
    fields = sum(1 for c in compact if _IMPRINT_FIELD_RE.match(c) or "编辑部" in c or "免费赠阅" in c)
    prose = sum(1 for c in compact if len(c) > 30 and c.endswith(("。", "；")))
    return fields >= 2 and prose == 0


def merge_meta(found: IssueMeta, override: IssueMeta | None) -> IssueMeta:
    """Values from ``override`` win where they are set."""
    if override is None:
        return found
    changes = {k: v for k, v in override.__dict__.items() if v is not None}
    return replace(found, **changes)
