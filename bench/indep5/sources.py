"""Corpus loading: bench.indep.corpus (rule-like texts, gov.cn notices) plus 法律, 地方性法规, 司法解释."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection

from bench.indep import corpus as icorpus
from bench.indep.corpus import ART_RE, CHAP_RE, ArticleSource, NoticeSource, norm_line

from .typeset import FONT_FILES


@functools.lru_cache(maxsize=1)
def charset() -> frozenset[str]:
    """Characters present in every font used."""
    common: set[str] | None = None
    for path, idx in sorted(set(FONT_FILES.values())):
        cmap = {chr(c) for c in TTCollection(path).fonts[idx].getBestCmap()}
        common = cmap if common is None else common & cmap
    return frozenset(common or set())


@dataclass
class LawSource:
    file: str
    title: str            # 中华人民共和国湿地保护法
    paras: list[str]      # from the first 第一章/第一条


@dataclass
class LocalSource:
    file: str
    core: str             # 公路养护管理条例 (place removed)
    paras: list[str]


@dataclass
class Corpus:
    arts: list[ArticleSource]
    notes: list[NoticeSource]
    laws: list[LawSource]
    locals: list[LocalSource]
    judicial: list[LawSource]


def _body_from(lines: list[str]) -> list[str] | None:
    start = next((i for i, l in enumerate(lines) if ART_RE.match(l) or CHAP_RE.match(l)), None)
    if start is None:
        return None
    out = []
    for l in lines[start:]:
        if l.startswith(("附件", "附表", "附：", "附录")):
            break
        out.append(l)
    return out


PLACE = re.compile(r"^(.{2,6}?(省|市|自治州|自治县|县))")


def load(corpus_dir: Path) -> Corpus:
    cs = set(charset())
    arts, notes = icorpus.load(corpus_dir, cs)
    laws, locs, jud = [], [], []
    for raw in (corpus_dir / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        text = (corpus_dir / row["file"]).read_text(encoding="utf-8")
        lines = [l for l in (norm_line(x) for x in text.splitlines()) if l]
        if not lines or any(c not in cs for c in "".join(lines)):
            continue
        st = row["subtype"]
        if st == "law":
            body = _body_from(lines)
            if body and sum(map(len, body)) > 1200:
                laws.append(LawSource(row["file"], row["title"], body))
        elif st == "judicial":
            body = _body_from(lines)
            if body:
                jud.append(LawSource(row["file"], row["title"], body))
        elif st == "local_npc":
            t = row["title"]
            m = PLACE.match(t)
            if not m or any(w in t for w in ("经济特区", "自治", "议事规则", "立法", "制定地方性法规", "反分裂",
                                             "西湖", "红旗渠", "淮阳", "商丘")) or not t.endswith("条例"):
                continue
            core = t[len(m.group(1)):]
            body = _body_from(lines)
            if body and sum(map(len, body)) > 1500 and len(core) >= 6:
                locs.append(LocalSource(row["file"], core, body))
    for L in (laws, locs, jud):
        L.sort(key=lambda s: s.file)
    return Corpus(arts, notes, laws, locs, jud)
