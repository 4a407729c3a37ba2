"""Corpus sources for bench.indep3.

Re-uses bench.indep.corpus for rule-like texts (ArticleSource) and gov.cn notices
(NoticeSource), and adds three shapes of its own:

* :class:`LocalSource` - a 地方性法规 (条例 / 规定) with its place name, 条例 kept;
* :class:`LawSource` - a 法律 of the 全国人大常委会 (body only, own 目录 dropped);
* :class:`JudSource` - a 司法解释 of the 最高人民法院 (preamble + articles).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.indep import corpus as icorpus
from bench.indep.corpus import ART_RE, CHAP_RE, ArticleSource, NoticeSource, norm_line

END_RE = re.compile(r"^第[一二三四五六七八九十百零〇]+条\u3000?本(法|条例|办法|规定|解释|细则)自.*(施行|实施)")
SKIP_TITLE = ("议事规则", "立法", "制定地方性法规", "反分裂", "自治县", "经济特区")
PLACE_WORDS = ("淮阳", "龙湖", "林州", "红旗渠", "西湖", "商丘", "古城", "景宁", "彭水", "汕头", "东莞", "零散")


@dataclass
class LocalSource:
    """地方性法规 body; ``place`` is the original owner (威海市), ``core`` the rest (节约用水条例)."""

    file: str
    place: str
    level: str          # province | city
    core: str
    paras: list[str]
    chapters: bool


@dataclass
class LawSource:
    file: str
    title: str
    paras: list[str]
    chapters: bool


@dataclass
class JudSource:
    file: str
    title: str          # 最高人民法院关于…的解释 / …的规定
    paras: list[str]    # preamble + 一、… headings + articles
    word: str           # 解释 | 规定
    joint: bool = False


@dataclass
class Sources:
    arts: list[ArticleSource]
    notes: list[NoticeSource]
    locals: list[LocalSource]
    laws: list[LawSource]
    juds: list[JudSource]


def _body(lines: list[str], start: int) -> list[str]:
    out = []
    for l in lines[start:]:
        if l.startswith(("附件", "附表", "附：", "附录")) or END_RE.match(l):
            break
        out.append(l)
    return out


def _local(row: dict, lines: list[str]) -> LocalSource | None:
    title = lines[0]
    if not title.endswith(("条例", "规定")) or any(w in title for w in SKIP_TITLE + PLACE_WORDS):
        return None
    m = re.match(r"^([\u4e00-\u9fff]{1,4}?(省|市))(.+)$", title)
    if not m or len(m.group(3)) < 4:
        return None
    place, core = m.group(1), m.group(3)
    start = next((i for i, l in enumerate(lines) if ART_RE.match(l) or CHAP_RE.match(l)), None)
    if start is None:
        return None
    body = _body(lines, start)
    if sum(len(p) for p in body) < 1500:
        return None
    level = "province" if place.endswith("省") else "city"
    return LocalSource(row["file"], place, level, core, body, any(CHAP_RE.match(p) for p in body))


def _law(row: dict, lines: list[str]) -> LawSource | None:
    chap = [i for i, l in enumerate(lines) if CHAP_RE.match(l)]
    start = next((i for i, l in enumerate(lines) if ART_RE.match(l) or CHAP_RE.match(l)), None)
    if start is None:
        return None
    if any("".join(l.split()).replace("\u3000", "") == "目录" for l in lines[:start]) and chap:
        first = lines[chap[0]]
        again = [i for i in chap if lines[i] == first]
        start = again[1] if len(again) > 1 else start
    body = _body(lines, start)
    return LawSource(row["file"], lines[0], body, any(CHAP_RE.match(p) for p in body))


def _jud(row: dict, lines: list[str]) -> JudSource | None:
    i = next((k for k, l in enumerate(lines[:6]) if l.startswith(("（", "经"))), None)
    if i is None:
        return None
    body = _body(lines, i + 1)
    word = "规定" if lines[0].endswith("规定") else "解释"
    return JudSource(row["file"], lines[0], body, word)


def load(corpus_dir: Path, charset: set[str]) -> Sources:
    """Every usable source; texts with characters outside ``charset`` are skipped."""
    arts, notes = icorpus.load(corpus_dir, charset)
    locs, laws, juds = [], [], []
    for raw in (corpus_dir / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        if row["subtype"] not in ("local_npc", "law", "judicial"):
            continue
        text = (corpus_dir / row["file"]).read_text(encoding="utf-8")
        text = re.sub("[\u2002\u2003\u2009]", " ", text)
        lines = [l for l in (norm_line(x) for x in text.splitlines()) if l]
        if not lines or any(c not in charset for c in "".join(lines)):
            continue
        fn = {"local_npc": _local, "law": _law, "judicial": _jud}[row["subtype"]]
        src = fn(row, lines)
        if src is None:
            continue
        {"local_npc": locs, "law": laws, "judicial": juds}[row["subtype"]].append(src)
    for lst in (locs, laws, juds):
        lst.sort(key=lambda s: s.file)
    return Sources(arts, notes, locs, laws, juds)
