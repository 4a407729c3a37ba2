"""Read the shared corpus and cut each text into reusable bodies.

Two shapes come out:

* :class:`ArticleSource` - a rule-like text (第一章 / 第一条 ...), header stripped;
  used for 令-published regulations and for the attachments of 印发 notices.
* :class:`NoticeSource` - a gov.cn style notice / 批复 / 复函 (title, 文号, addressee,
  body, signature); only the body paragraphs between addressee and signature are kept.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ART_RE = re.compile(r"^第([一二三四五六七八九十百零〇]+)条")
CHAP_RE = re.compile(r"^第([一二三四五六七八九十]+)章")
DOCNO_RE = re.compile(r"(〔|\[)\d{4}(〕|\])\d+号$")
DATE_RE = re.compile(r"^([一二三四五六七八九〇○零]{4}|\d{4})年.{1,3}月.{1,3}日$")
EFFECT_RE = re.compile(r"自.{0,16}(起施行|起实施|起执行|之日起)|施行。$|有效期")
PLACE_RE = re.compile(r"^(中华人民共和国|国务院关于|[\u4e00-\u9fff]{2,8}?(自治县|经济特区|自治区|省|市))")
PLACE_WORDS = ("杭州", "西湖", "商丘", "宁波", "北京", "上海", "广东", "浙江", "山东", "中华人民共和国", "口岸", "林州", "淮阳")
END_PUNCT = "。；：！？”」）"


def norm_line(s: str) -> str:
    """Strip indentation, turn ASCII space runs into one U+3000, drop odd controls."""
    s = s.replace("\u00a0", " ").replace("\t", " ").strip(" \u3000")
    s = re.sub(r" {1,}", "\u3000", s)
    s = re.sub(r"\u3000{3,}", "\u3000\u3000", s)
    s = re.sub(r"^(第[一二三四五六七八九十百零〇]+条)\u3000+", "\\1\u3000", s)
    return s


@dataclass
class ArticleSource:
    """Rule-like body (chapters / articles), original header removed."""

    file: str
    core: str                 # title without place prefix, 条例 -> 办法
    paras: list[str]
    chapters: bool


@dataclass
class NoticeSource:
    """Notice / reply body between addressee line and signature."""

    file: str
    title: str                # original title (one line)
    issuer: str               # 国务院 / 国务院办公厅
    genre: str                # normative | other
    paras: list[str] = field(default_factory=list)


def _core_title(title: str) -> str | None:
    m = re.search(r"印发《?(.+?)》?的通知$", title)
    core = m.group(1) if m else title
    core = PLACE_RE.sub("", PLACE_RE.sub("", core))
    if any(w in core for w in PLACE_WORDS) or len(core) < 4 or "关于" in core or "\u3000" in core:
        return None
    if core.startswith("国家") or (core.endswith("法") and not core.endswith("办法")):
        return None
    if core.endswith(("规则", "工作规则")) or "议事" in core or "立法" in core or "法规" in core:
        return None
    if core.endswith("条例"):
        stem = core[:-2]
        tail = "办法" if stem.endswith(("管理", "保护", "促进", "防治", "应急", "救助", "监督", "实施", "暂行", "处理", "管制", "维护", "禁毒")) else "管理办法"
        return stem + tail
    return core


def _article_source(row: dict, lines: list[str]) -> ArticleSource | None:
    core = _core_title(row["title"])
    if not core:
        return None
    start = next((i for i, l in enumerate(lines) if ART_RE.match(l) or CHAP_RE.match(l)), None)
    if start is None:
        return None
    body: list[str] = []
    for l in lines[start:]:
        if l.startswith(("附件", "附表", "附：", "附录")) or EFFECT_RE.search(l):
            break
        body.append(l.replace("本条例", "本办法") if row["title"].endswith("条例") else l)
    if sum(len(p) for p in body) < 600:
        return None
    return ArticleSource(row["file"], core, body, any(CHAP_RE.match(p) for p in body))


def _notice_source(row: dict, lines: list[str]) -> NoticeSource | None:
    i_no = next((i for i, l in enumerate(lines[:6]) if DOCNO_RE.search(l)), None)
    if i_no is None or i_no + 2 >= len(lines) or not lines[i_no + 1].endswith("："):
        return None
    title = "".join(lines[:i_no])
    m = re.match(r"^(国务院办公厅|国务院)(关于|转发|对)", title)
    if any(w in title for w in ("总理", "科学技术奖", "博鳌", "大督查")):
        return None
    if not m or "印发" in title or "答复" in title or "\u3000" in title or "、" in title[: len(m.group(1)) + 1]:
        return None
    body: list[str] = []
    for l in lines[i_no + 2:]:
        if l in ("国务院", "国务院办公厅") or DATE_RE.match(l) or l.startswith(("附件", "（此件", "（本文")):
            break
        body.append(l)
    short = sum(1 for p in body if len(p) < 16 and not p.endswith(tuple(END_PUNCT)))
    if not body or short > 0.25 * len(body) or sum(len(p) for p in body) < 300:
        return None
    genre = "other" if re.search(r"(批复|复函|的函|通报)$", title) else "normative"
    body = [p for p in body if not EFFECT_RE.search(p)]
    return NoticeSource(row["file"], title, m.group(1), genre, body)


def load(corpus_dir: Path, charset: set[str]) -> tuple[list[ArticleSource], list[NoticeSource]]:
    """All usable sources; texts with characters outside ``charset`` are skipped."""
    arts: list[ArticleSource] = []
    notes: list[NoticeSource] = []
    for raw in (corpus_dir / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        text = (corpus_dir / row["file"]).read_text(encoding="utf-8")
        lines = [l for l in (norm_line(x) for x in text.splitlines()) if l]
        if not lines or any(c not in charset for c in "".join(lines)):
            continue
        ns = _notice_source(row, lines) if row["subtype"] in ("normative", "other") else None
        if ns:
            notes.append(ns)
        elif row["subtype"] in ("local_rule", "dept_rule", "sc_reg", "local_npc", "normative"):
            src = _article_source(row, lines)
            if src:
                arts.append(src)
    arts.sort(key=lambda s: s.file)
    notes.sort(key=lambda s: s.file)
    return arts, notes
