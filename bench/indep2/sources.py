"""Corpus sources for indep2.

Rule-like bodies and gov.cn notices come from bench.indep.corpus; added here:

* :class:`LocalRegSource` - 地方性法规 (``local_npc``) with the 条例 title kept and the
  original place names recorded so the body can be re-attributed;
* :class:`LawSource` - 法律 of the 全国人大常委会 (``law``);
* :class:`JudicialSource` - 司法解释 (``judicial``): preamble + headed articles.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bench.indep.corpus import ART_RE, CHAP_RE, EFFECT_RE, ArticleSource, NoticeSource, load as load_indep, norm_line

# corpus city -> its province (for re-attribution of bodies that name both)
CITY_PROVINCE = {
    "宁波": "浙江省", "杭州": "浙江省", "丽水": "浙江省", "嘉兴": "浙江省", "台州": "浙江省",
    "威海": "山东省", "德州": "山东省", "日照": "山东省", "枣庄": "山东省",
    "东莞": "广东省", "云浮": "广东省", "汕尾": "广东省", "江门": "广东省",
    "三门峡": "河南省", "南阳": "河南省", "开封": "河南省",
}
SKIP_TITLE = ("议事规则", "立法条例", "制定地方性法规", "自治县", "经济特区", "西湖", "红旗渠", "龙湖", "古城",
              "反分裂", "新乡市")


@dataclass
class LocalRegSource:
    file: str
    core: str             # 节约用水条例 (place removed)
    place: str            # 宁波市 / 浙江省 / 上海市 / 北京市
    province: str         # province named in the body (may be "")
    paras: list[str]
    chapters: bool


@dataclass
class LawSource:
    file: str
    title: str            # 中华人民共和国湿地保护法
    paras: list[str]
    chapters: bool


@dataclass
class JudicialSource:
    file: str
    title: str
    word: str             # 解释 | 规定
    paras: list[str]      # preamble, 一、… headings, articles


@dataclass
class Sources:
    arts: list[ArticleSource]
    notes: list[NoticeSource]
    local: list[LocalRegSource]
    laws: list[LawSource]
    judicial: list[JudicialSource]
    addressees: dict[str, str]     # corpus file -> the addressee line of a 批复 / 复函 / 通报
    places: dict[str, tuple[str, str]]  # corpus file -> (place in its title, that place's province)


def _body_from(lines: list[str], start: int) -> list[str]:
    body: list[str] = []
    for l in lines[start:]:
        if l.startswith(("附件", "附表", "附：", "附录")) or EFFECT_RE.search(l):
            break
        body.append(l)
    return body


def _local(row: dict, lines: list[str]) -> LocalRegSource | None:
    title = row["title"]
    if any(w in title for w in SKIP_TITLE) or not title.endswith(("条例", "规定")):
        return None
    m = re.match(r"^(.{2,4}?[省市])(.+)$", title)
    if not m:
        return None
    place, core = m.group(1), m.group(2)
    start = next((i for i, l in enumerate(lines) if CHAP_RE.match(l) or ART_RE.match(l)), None)
    if start is None:
        return None
    body = _body_from(lines, start)
    if sum(len(p) for p in body) < 1200:
        return None
    stem = place[:-1]
    prov = "" if place.endswith("省") else CITY_PROVINCE.get(stem, "")
    return LocalRegSource(row["file"], core, place, prov, body, any(CHAP_RE.match(p) for p in body))


def _law(row: dict, lines: list[str]) -> LawSource | None:
    if row.get("issuer") != "全国人民代表大会常务委员会":
        return None
    chap = [i for i, l in enumerate(lines) if CHAP_RE.match(l)]
    arts = [i for i, l in enumerate(lines) if ART_RE.match(l)]
    if not arts:
        return None
    # skip the law's own 目录 (a run of chapter headings before the first article)
    start = max([i for i in chap if i < arts[0]], default=arts[0])
    body = _body_from(lines, start)
    return LawSource(row["file"], row["title"], body, any(CHAP_RE.match(p) for p in body))


def _judicial(row: dict, lines: list[str]) -> JudicialSource | None:
    i = next((k for k, l in enumerate(lines) if l.startswith("为") and l.endswith(("本解释。", "本规定。"))), None)
    if i is None:
        return None
    body = _body_from(lines, i)
    word = "解释" if row["title"].endswith("解释") else "规定"
    return JudicialSource(row["file"], row["title"], word, body)


def load(corpus_dir: Path, charset: set[str]) -> Sources:
    arts, notes = load_indep(corpus_dir, charset)
    local: list[LocalRegSource] = []
    laws: list[LawSource] = []
    jud: list[JudicialSource] = []
    for raw in (corpus_dir / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        text = (corpus_dir / row["file"]).read_text(encoding="utf-8")
        lines = [l for l in (norm_line(x) for x in text.splitlines()) if l]
        if not lines or any(c not in charset for c in "".join(lines)):
            continue
        st = row["subtype"]
        if st == "local_npc":
            s = _local(row, lines)
            if s:
                local.append(s)
        elif st == "law":
            s2 = _law(row, lines)
            if s2:
                laws.append(s2)
        elif st == "judicial":
            s3 = _judicial(row, lines)
            if s3:
                jud.append(s3)
    addressees: dict[str, str] = {}
    for n in notes:
        if n.genre == "other":
            lines = [l for l in (norm_line(x) for x in (corpus_dir / n.file).read_text(encoding="utf-8").splitlines()) if l]
            addressees[n.file] = next((l for l in lines[:8] if l.endswith("：")), "")
    places: dict[str, tuple[str, str]] = {}
    for raw in (corpus_dir / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        m = re.match(r"^(.{2,4}?[省市])", row["title"])
        if m and not row["title"].startswith(("中华人民共和国", "国家", "国务院")):
            pl = m.group(1)
            places[row["file"]] = (pl, "" if pl.endswith("省") else CITY_PROVINCE.get(pl[:-1], ""))
    local.sort(key=lambda s: s.file)
    laws.sort(key=lambda s: s.file)
    jud.sort(key=lambda s: s.file)
    return Sources(arts, notes, local, laws, jud, addressees, places)
