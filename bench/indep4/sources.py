"""Corpus loading: bench.indep's article / notice sources plus 法律, 地方性法规 and 司法解释."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.indep import corpus as icorpus
from bench.indep.corpus import ART_RE, CHAP_RE, EFFECT_RE, norm_line

LOCAL_PLACE_RE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:省|市|自治县|经济特区))")
BAD_LOCAL = ("议事", "立法", "制定", "反分裂", "民族", "畲族", "苗族", "经济特区", "警务")


@dataclass
class LawSource:
    file: str
    title: str            # 中华人民共和国XX法
    paras: list[str]      # from the first chapter / article, before the 施行 article


@dataclass
class LocalSource:
    file: str
    core: str             # title without the place: 节约用水条例
    place: str            # original place, replaced in the body
    paras: list[str]


@dataclass
class JudSource:
    file: str
    title: str
    paras: list[str]      # preamble, headings and articles (without the 施行 article)


@dataclass
class Sources:
    arts: list
    notes: list
    laws: list[LawSource]
    locals: list[LocalSource]
    juds: list[JudSource]


def _lines(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8").replace("\u2002", " ").replace("\u2003", " ")
    return [l for l in (norm_line(x) for x in raw.splitlines()) if l]


def _body(lines: list[str]) -> list[str]:
    first_art = next((i for i, l in enumerate(lines) if ART_RE.match(l)), None)
    if first_art is None:
        return []
    start = first_art
    if first_art and CHAP_RE.match(lines[first_art - 1]):
        start = first_art - 1
    out = []
    for l in lines[start:]:
        if EFFECT_RE.search(l) or l.startswith(("附件", "附表", "附录")):
            break
        out.append(l)
    return out


def load(corpus: Path, charset: set[str]) -> Sources:
    arts, notes = icorpus.load(corpus, charset)
    laws, locs, juds = [], [], []
    for raw in (corpus / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        sub = row["subtype"]
        if sub not in ("law", "local_npc", "judicial"):
            continue
        lines = _lines(corpus / row["file"])
        if any(c not in charset for c in "".join(lines)):
            continue
        if sub == "law":
            if "集会" in row["title"]:
                continue
            body = _body(lines)
            if sum(map(len, body)) > 1500:
                laws.append(LawSource(row["file"], row["title"], body))
        elif sub == "local_npc":
            m = LOCAL_PLACE_RE.match(row["title"])
            if not m or any(w in row["title"] for w in BAD_LOCAL) or not row["title"].endswith(("条例", "规定")):
                continue
            core = row["title"][m.end():]
            if len(core) < 4 or any(w in core for w in icorpus.PLACE_WORDS):
                continue
            body = _body(lines)
            if sum(map(len, body)) > 1200:
                locs.append(LocalSource(row["file"], core, m.group(1), body))
        else:
            i = next((k for k, l in enumerate(lines) if "通过" in l and ("施行" in l or "会议" in l)), None)
            if i is None:
                continue
            body = []
            for l in lines[i + 1:]:
                if EFFECT_RE.search(l) and ART_RE.match(l):
                    break
                body.append(l)
            juds.append(JudSource(row["file"], row["title"], body))
    key = lambda s: s.file  # noqa: E731
    return Sources(arts, notes, sorted(laws, key=key), sorted(locs, key=key), sorted(juds, key=key))
