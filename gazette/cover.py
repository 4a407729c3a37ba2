"""Issue metadata from the cover page: gazette name, year, number, total number, date."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .models import IssueMeta
from .textnorm import parse_date, to_ascii_digits

_LABEL_RE = re.compile(
    r"(\d{4})\s*年\s*第\s*(\d+)\s*[期号]\s*(?:[（(]\s*总\s*第\s*(\d+)\s*[期号]\s*[）)])?"
)
_TOTAL_RE = re.compile(r"总\s*第\s*(\d+)\s*[期号]")
_NAME_RE = re.compile(r"^(.{2,24}公报)$")
_PUBLISHER_RE = re.compile(r"^(.{2,30}?)\s*(?:主\s*办|编\s*印|主\s*管)$")
_SPACES = re.compile(r"[\s\u3000]+")


def read_cover(lines: Sequence[str]) -> IssueMeta:
    """Read issue metadata from the lines of the cover (or of the first page)."""
    compact = [_SPACES.sub("", to_ascii_digits(line)) for line in lines if line.strip()]
    meta = IssueMeta()
    name_parts: list[str] = []
    for i, line in enumerate(compact[:12]):
        if _NAME_RE.match(line) and not _LABEL_RE.search(line):
            if i > 0 and not name_parts and len(compact[i - 1]) <= 10 and compact[i - 1].endswith(("中华人民共和国", "人民政府")):
                name_parts.append(compact[i - 1])
            name_parts.append(line)
            break
    if name_parts:
        meta = replace(meta, gazette_name="".join(name_parts))
    for line in compact[:20]:
        total = _TOTAL_RE.search(line)
        if total and meta.total_number is None and not _LABEL_RE.search(line):
            meta = replace(meta, total_number=int(total.group(1)))
            continue
        match = _LABEL_RE.search(line)
        if match and meta.year is None:
            meta = replace(
                meta,
                year=int(match.group(1)),
                number=int(match.group(2)),
                total_number=int(match.group(3)) if match.group(3) else meta.total_number,
                label=match.group(0),
            )
            continue
        publisher = _PUBLISHER_RE.match(line)
        if publisher and meta.publisher is None:
            meta = replace(meta, publisher=publisher.group(1))
            continue
        if meta.date is None and not _LABEL_RE.search(line):
            date = parse_date(line)
            if date:
                meta = replace(meta, date=date)
    return meta


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
    lines = masthead(lines)
    text = _SPACES.sub("", to_ascii_digits("".join(lines[:15])))
    return "公报" in text and bool(_LABEL_RE.search(text)) and len(lines) <= 25


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
