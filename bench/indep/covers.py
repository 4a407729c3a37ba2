"""Covers, running headers, folios and back covers, one family per template."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import cn
from .layout import PAGE_W, Item, Measurer, Page
from .places import Owner

RED = (200, 20, 30)
GREY = (110, 110, 110)
SYNTH = "合成测试样本（synthetic），据公开文本生成，非正式出版物"


@dataclass
class Ctx:
    """Everything about an issue that the page furniture prints."""

    owner: Owner
    year: int
    number: int
    total: int
    date: dt.date
    per_year: int
    word: str            # 期 or 号

    @property
    def issue_label(self) -> str:
        return f"{self.year}年第{self.number}{self.word}"


def text(m: Measurer, s: str, font: str, size: float, x: float, y: float, align: str = "left",
         color: tuple[int, int, int] = (0, 0, 0)) -> Item:
    """A text item whose x is the left, centre or right edge depending on ``align``."""
    w = m.width(s, font, size)
    x0 = x - w / 2 if align == "center" else x - w if align == "right" else x
    return Item("text", x0, y, s, font, size, color)


def spaced(s: str, gap: str = "　") -> str:
    """Letter-space a short heading: 目录 -> 目　录."""
    return gap.join(s)


def rule(x1: float, y: float, x2: float, width: float = 0.3, color=(0, 0, 0)) -> Item:
    return Item("line", x1, y, x2=x2, y2=y, width=width, color=color)


def box(x: float, y: float, w: float, h: float, color=(0, 0, 0), fill: bool = True) -> Item:
    return Item("rect", x, y, x2=w, y2=h, color=color, fill=fill)


# -- covers ------------------------------------------------------------------
def cover_state(c: Ctx, m: Measurer) -> list[Item]:
    """国务院公报-like: red masthead, year / 第N号 / 总号, date in Chinese numerals."""
    o = c.owner
    it = [text(m, o.gazette, "bhei", 38 if len(o.gazette) < 10 else 32, 105, 62, "center", RED)]
    if o.english:
        it.append(text(m, o.english, "hei", 9.5, 105, 74, "center", RED))
    it += [rule(25, 82, 185, 1.6, RED), rule(25, 84.2, 185, 0.4, RED),
           text(m, str(c.year), "bhei", 30, 70, 120, "center"),
           text(m, f"第{c.number}号", "bhei", 30, 140, 120, "center"),
           text(m, f"（总号：{c.total}）", "song", 14, 140, 134, "center"),
           text(m, cn.date_cn(c.date), "song", 14, 105, 160, "center"),
           text(m, f"{o.office}主办", "song", 14, 105, 250, "center"),
           text(m, SYNTH, "song", 8, 105, 285, "center", GREY)]
    return it


def cover_band(c: Ctx, m: Measurer) -> list[Item]:
    """City gazette: red band with white name, issue line below, publisher at foot."""
    o = c.owner
    it = [box(0, 30, PAGE_W, 46, RED), text(m, o.gazette, "bhei", 34, 105, 59, "center", (255, 255, 255)),
          text(m, f"{c.issue_label}（总第{c.total}期）", "bhei", 16, 105, 94, "center"),
          rule(40, 102, 170, 0.5, RED),
          text(m, f"{o.office}　主办", "hei", 13, 105, 258, "center"),
          text(m, f"{cn.date_ar(c.date)}出版", "hei", 12, 105, 267, "center"),
          text(m, SYNTH, "hei", 7.5, 105, 287, "center", GREY)]
    return it


def cover_plain(c: Ctx, m: Measurer) -> list[Item]:
    """Sober cover with an issue box on the right."""
    o = c.owner
    it = [text(m, o.gazette, "bhei", 36, 105, 70, "center", RED), rule(30, 80, 180, 0.8, RED),
          box(128, 96, 52, 34, RED, fill=False),
          text(m, f"{c.year}年", "song", 15, 154, 106, "center"),
          text(m, f"第{c.number}期", "bhei", 18, 154, 117, "center"),
          text(m, f"总第{c.total}期", "song", 12, 154, 126, "center"),
          text(m, f"{o.office}编印", "song", 14, 105, 240, "center"),
          text(m, cn.date_cn(c.date), "song", 14, 105, 250, "center"),
          text(m, SYNTH, "song", 8, 105, 286, "center", GREY)]
    return it


def cover_county(c: Ctx, m: Measurer) -> list[Item]:
    """County gazette: name over a double rule, 内部资料 notice, issue line."""
    o = c.owner
    return [text(m, o.gazette, "bhei", 34, 105, 55, "center", RED), rule(20, 64, 190, 1.2, RED),
            rule(20, 66, 190, 0.3, RED),
            text(m, f"{c.year}年第{c.number}期　（总第{c.total}期）", "hei", 14, 105, 80, "center"),
            text(m, "内部资料　免费交流", "hei", 11, 105, 230, "center"),
            text(m, f"{o.office}　编", "hei", 12, 105, 245, "center"),
            text(m, f"{c.date.year}年{c.date.month}月{c.date.day}日", "hei", 12, 105, 254, "center"),
            text(m, SYNTH, "hei", 7.5, 105, 287, "center", GREY)]


def cover_masthead(c: Ctx, m: Measurer) -> list[Item]:
    """Short masthead on top of the page; the 目录 follows on the same page (from y=78)."""
    o = c.owner
    return [text(m, o.gazette, "bhei", 30, 20, 36, "left", RED),
            text(m, f"{c.issue_label}　总第{c.total}期", "hei", 12, 190, 30, "right"),
            text(m, f"{cn.date_ar(c.date)}出版", "hei", 10.5, 190, 37, "right"),
            rule(20, 44, 190, 1.5, RED),
            text(m, f"主办：{o.office}", "hei", 9.5, 20, 51, "left", GREY),
            text(m, SYNTH, "hei", 7.5, 190, 51, "right", GREY),
            text(m, spaced("本期目录", " "), "bhei", 16, 105, 66, "center")]


# -- running heads and folios ----------------------------------------------------
def head_none(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    return []


def folio_outer_plain(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Plain number at the outer bottom corner."""
    odd = folio % 2 == 1
    return [text(m, str(folio), "hei", 9, 190 if odd else 20, 284, "right" if odd else "left")]


def head_alternating(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Gazette name + issue, right on odd pages, left on even; rule under; folio — N — centred."""
    odd = folio % 2 == 1
    s = f"{c.owner.gazette}　{c.issue_label}"
    return [text(m, s, "hei", 9, 185 if odd else 25, 19, "right" if odd else "left"),
            rule(25, 21.5, 185, 0.4),
            text(m, f"— {folio} —", "hei", 10, 105, 284, "center")]


def head_centre_dot(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Centred gazette name over a double rule; folio · N · centred at the foot."""
    return [text(m, c.owner.gazette, "song", 9, 105, 18, "center"), rule(22, 20.5, 188, 0.6),
            rule(22, 21.4, 188, 0.2), text(m, f"· {folio} ·", "song", 10.5, 105, 285, "center")]


def folio_dash_outer(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """－N－ at the outer bottom corner (large-type layout)."""
    odd = folio % 2 == 1
    return [text(m, f"－{folio}－", "song", 12, 186 if odd else 24, 285, "right" if odd else "left")]


def folio_hyphen(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """ASCII - N - centred."""
    return [text(m, f"- {folio} -", "hei", 10, 105, 285, "center")]


def head_section_folio(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Odd: section name left, folio right; even: folio left, gazette name right; rule under."""
    odd = folio % 2 == 1
    sec = p.sections[0] if p.sections else ""
    if odd:
        it = [text(m, sec, "hei", 9, 22, 17), text(m, str(folio), "hei", 10, 188, 17, "right")]
    else:
        it = [text(m, str(folio), "hei", 10, 22, 17), text(m, f"{c.owner.gazette}　{c.issue_label}", "hei", 9,
                                                            188, 17, "right")]
    return it + [rule(22, 19.5, 188, 0.5)]


def head_bar_boxfolio(c: Ctx, m: Measurer, p: Page, folio: int) -> list[Item]:
    """Thick top bar with name/issue; folio white in a dark box at the outer bottom corner."""
    odd = folio % 2 == 1
    x = 180 if odd else 20
    return [text(m, c.owner.gazette, "hei", 9, 20, 16), text(m, c.issue_label, "hei", 9, 190, 16, "right"),
            rule(20, 18.5, 190, 1.0, RED), box(x, 279, 10, 7, (60, 60, 60)),
            text(m, str(folio), "hei", 9, x + 5, 284, "center", (255, 255, 255))]


# -- back covers -------------------------------------------------------------------
def back_info(c: Ctx, m: Measurer) -> list[Item]:
    """Imprint page (封底): editorial data, no document text."""
    o = c.owner
    rows = [f"{o.gazette}", f"（{c.per_year == 24 and '半月刊' or '月刊'}）", f"{c.issue_label}（总第{c.total}期）",
            f"主管主办：{o.office}", f"编辑出版：《{o.gazette}》编辑部", f"出版日期：{cn.date_ar(c.date)}",
            "内部发行　免费赠阅", SYNTH]
    it = [rule(45, 196, 165, 0.6)]
    for i, r in enumerate(rows):
        it.append(text(m, r, "song" if i else "bhei", 11 if i else 14, 105, 206 + i * 8.5, "center",
                       GREY if i == len(rows) - 1 else (0, 0, 0)))
    return it + [rule(45, 206 + len(rows) * 8.5, 165, 0.6)]
