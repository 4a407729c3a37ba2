"""Covers, running heads / feet and folios of the indep2 templates (all new designs)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from bench.indep import cn
from bench.indep.covers import box, rule, text

from .owners import Owner
from .typeset import PAGE_W, Item, Measurer, Page

RED = (190, 20, 30)
BLUE = (22, 64, 130)
GREEN = (20, 100, 70)
GREY = (110, 110, 110)
WHITE = (255, 255, 255)
SYNTH = "合成测试样本（synthetic），据公开文本生成，非正式出版物"


@dataclass
class Ctx:
    """What the page furniture prints for one issue."""

    owner: Owner
    year: int
    number: int
    total: int
    date: dt.date
    per_year: int
    word: str                                   # 期 | 号
    conv: Callable[[str], str] = lambda s: s    # script of the furniture (traditional template)
    highlights: list[str] = field(default_factory=list)

    @property
    def gazette(self) -> str:
        return self.conv(self.owner.gazette)

    @property
    def issue_label(self) -> str:
        return self.conv(f"{self.year}年第{self.number}{self.word}")


def _synth(m: Measurer, font: str, y: float = 287) -> Item:
    return text(m, SYNTH, font, 7.5, 105, y, "center", GREY)


# -- covers ----------------------------------------------------------------------------
def cover_npc(c: Ctx, m: Measurer) -> list[Item]:
    """人大常委会公报: emblem-like double circle, name in two lines, issue box below."""
    o = c.owner
    name = c.gazette
    cut = name.index("人民代表大会")
    it = [Item("rect", 20, 20, x2=170, y2=257, color=RED, fill=False),
          text(m, name[:cut], "bhei", 30, 105, 62, "center", RED),
          text(m, name[cut:], "bhei", 24, 105, 80, "center", RED),
          rule(40, 90, 170, 0.8, RED),
          text(m, f"{c.year}年　第{c.number}号", "song", 16, 105, 110, "center"),
          text(m, f"（总第{c.total}号）", "song", 12, 105, 120, "center"),
          text(m, f"{o.publisher}编", "song", 13, 105, 238, "center"),
          text(m, cn.date_ar(c.date), "song", 12, 105, 247, "center"),
          _synth(m, "song")]
    return it


def cover_blue(c: Ctx, m: Measurer) -> list[Item]:
    """Blue block on the left third, vertical issue data on the right."""
    o = c.owner
    return [box(0, 0, 70, 297, BLUE),
            text(m, "政府公报", "bhei", 30, 35, 60, "center", WHITE),
            text(m, str(c.year), "hei", 26, 35, 90, "center", WHITE),
            text(m, c.gazette, "bhei", 26, 190, 60, "right", BLUE),
            rule(80, 68, 190, 1.0, BLUE),
            text(m, f"第{c.number}期（总第{c.total}期）", "hei", 14, 190, 80, "right"),
            text(m, f"{cn.date_ar(c.date)}出版", "hei", 11, 190, 89, "right"),
            text(m, f"{o.publisher}　主办", "hei", 11, 190, 265, "right"),
            text(m, SYNTH, "hei", 7.5, 190, 287, "right", GREY)]


def cover_footer_city(c: Ctx, m: Measurer) -> list[Item]:
    """Green title on white, a thin frame, issue number in a large figure."""
    o = c.owner
    return [rule(15, 30, 195, 3.0, GREEN), text(m, c.gazette, "bhei", 34, 105, 58, "center", GREEN),
            text(m, str(c.number), "hei", 60, 105, 120, "center", GREEN),
            text(m, f"{c.year}年第{c.number}期　总第{c.total}期", "hei", 13, 105, 138, "center"),
            rule(15, 255, 195, 0.5, GREEN),
            text(m, f"编辑出版：{o.publisher}　　出版日期：{cn.date_ar(c.date)}", "hei", 10, 105, 263, "center"),
            _synth(m, "hei")]


def cover_trad(c: Ctx, m: Measurer) -> list[Item]:
    o = c.owner
    return [box(15, 25, 180, 3, RED), text(m, c.gazette, "bhei", 30, 105, 55, "center", RED),
            box(15, 64, 180, 1, RED),
            text(m, c.conv(f"{c.year}年第{c.number}期（总第{c.total}期）"), "song", 15, 105, 82, "center"),
            text(m, c.conv(f"{o.publisher}　編印"), "song", 13, 105, 250, "center"),
            text(m, cn.date_ar(c.date), "song", 12, 105, 259, "center"),
            text(m, c.conv(SYNTH), "song", 7.5, 105, 287, "center", GREY)]


def cover_state(c: Ctx, m: Measurer) -> list[Item]:
    o = c.owner
    return [text(m, c.gazette, "bhei", 36, 105, 52, "center", RED),
            rule(20, 62, 190, 0.4, RED), rule(20, 63.6, 190, 1.6, RED),
            text(m, f"{c.year}", "song", 24, 40, 90), text(m, f"第{c.number}期", "bhei", 24, 170, 90, "right"),
            text(m, f"总第{c.total}期　{cn.date_cn(c.date)}", "song", 12, 105, 104, "center"),
            text(m, f"{o.publisher}　发行", "song", 12, 105, 262, "center"), _synth(m, "song")]


def cover_boxed(c: Ctx, m: Measurer) -> list[Item]:
    o = c.owner
    return [box(0, 40, PAGE_W, 8, (90, 90, 90)), text(m, c.gazette, "bhei", 32, 25, 72, "left"),
            text(m, c.issue_label, "hei", 16, 25, 86, "left", RED),
            text(m, f"总第{c.total}期", "hei", 11, 25, 94, "left"),
            box(0, 250, PAGE_W, 2, (90, 90, 90)),
            text(m, f"{o.publisher}　{cn.date_ar(c.date)}", "hei", 10.5, 185, 262, "right"), _synth(m, "hei")]


def cover_digest(c: Ctx, m: Measurer) -> list[Item]:
    """Cover carrying a 本期要目 box with a few document titles (not the 目录)."""
    o = c.owner
    it = [text(m, c.gazette, "bhei", 34, 105, 48, "center", RED), rule(25, 56, 185, 0.8, RED),
          text(m, f"{c.year}年第{c.number}期（总第{c.total}期）", "song", 14, 105, 68, "center"),
          Item("rect", 35, 140, x2=140, y2=18 + 9 * len(c.highlights), color=RED, fill=False),
          text(m, "本 期 要 目", "bhei", 14, 105, 150, "center", RED)]
    for i, h in enumerate(c.highlights):
        s = h if len(h) <= 30 else h[:29] + "…"
        it.append(text(m, s, "song", 10.5, 42, 161 + 9 * i))
    it += [text(m, f"{o.publisher}主办", "song", 12, 105, 262, "center"),
           text(m, cn.date_cn(c.date), "song", 12, 105, 270, "center"), _synth(m, "song")]
    return it


# -- running heads / feet / folios ---------------------------------------------------------
def head_npc(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Gazette name left / issue right (same on every page), no rule; folio 第N页 centred."""
    return [text(m, c.gazette, "song", 8.5, 24, 16), text(m, c.issue_label, "song", 8.5, 186, 16, "right"),
            text(m, f"第{folio}页", "song", 9, 105, 285, "center")]


def head_blue(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Blue band with white name / issue; folio at the INNER bottom corner."""
    odd = folio % 2 == 1
    return [box(0, 8, PAGE_W, 9, BLUE), text(m, c.gazette, "hei", 9, 20, 14, "left", WHITE),
            text(m, c.issue_label, "hei", 9, 190, 14, "right", WHITE),
            text(m, str(folio), "hei", 9.5, 26 if odd else 184, 286, "left" if odd else "right", BLUE)]


def foot_running(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """No head; a rule over the foot line carrying gazette name + issue and the folio (outer)."""
    odd = folio % 2 == 1
    s = f"{c.gazette}　{c.issue_label}"
    if odd:
        return [rule(22, 278, 188, 0.4, GREEN), text(m, s, "hei", 8.5, 22, 283.5),
                text(m, str(folio), "bhei", 11, 188, 284, "right", GREEN)]
    return [rule(22, 278, 188, 0.4, GREEN), text(m, str(folio), "bhei", 11, 22, 284, "left", GREEN),
            text(m, s, "hei", 8.5, 188, 283.5, "right")]


def head_trad(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    return [text(m, c.gazette, "song", 9, 105, 16, "center"), rule(30, 18.5, 180, 0.3),
            text(m, c.conv(f"第{folio}頁").replace("页", "頁"), "song", 9.5, 105, 286, "center")]


def head_state(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Folio bold at the top outer corner with a short vertical rule; gazette name in the foot."""
    odd = folio % 2 == 1
    x = 188 if odd else 22
    it = [text(m, str(folio), "bhei", 13, x, 17, "right" if odd else "left"),
          Item("line", x - 12 if odd else x + 12, 11.5, x2=x - 12 if odd else x + 12, y2=19, width=0.6),
          text(m, c.gazette, "song", 8, 105, 287.5, "center", GREY)]
    return it


def head_boxed(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    odd = folio % 2 == 1
    return [text(m, c.gazette, "hei", 9, 22, 15), text(m, c.issue_label, "hei", 9, 188, 15, "right"),
            rule(22, 17.5, 188, 1.2), rule(22, 18.8, 188, 0.3),
            text(m, f"({folio})", "hei", 9.5, 188 if odd else 22, 285, "right" if odd else "left")]


def head_digest(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Gazette name at the outer top corner, section name at the inner one; folio centred under a rule."""
    odd = folio % 2 == 1
    sec = p.sections[0] if p.sections else ""
    return [text(m, c.gazette, "kai", 9, 186 if odd else 24, 15, "right" if odd else "left", RED),
            text(m, sec, "kai", 9, 24 if odd else 186, 15, "left" if odd else "right"),
            rule(98, 280, 112, 0.4), text(m, str(folio), "song", 10, 105, 285.5, "center")]


# -- back pages ---------------------------------------------------------------------------
def back_subscribe(c: Ctx, m: Measurer) -> list[Item]:
    o = c.owner
    rows = [c.gazette, f"{c.issue_label}（总第{c.total}期）", f"编辑：{o.publisher}公报编辑部",
            f"印刷日期：{cn.date_ar(c.date)}", "赠阅范围：各级国家机关、公共图书馆、档案馆", SYNTH]
    it = [box(20, 220, 170, 0.8, (0, 0, 0))]
    for i, r in enumerate(rows):
        it.append(text(m, r, "hei", 10, 25, 230 + i * 7, "left", GREY if i == len(rows) - 1 else (0, 0, 0)))
    return it
