"""Covers, running heads / feet, folios and side tabs of the five templates.

Every decorate function has the signature ``(ctx, m, page, folio, env) -> list[Item]``;
``env`` carries the issue's documents (for running heads with the current title and
section tabs) and the total page count (for ``N / TOTAL`` folios).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bench.indep import cn
from bench.indep.covers import GREY, RED, SYNTH, Ctx, box, rule, text
from bench.indep.layout import Item, Measurer

from .geo import XPage

WHITE = (255, 255, 255)
BLUE = (20, 60, 120)
GREEN = (20, 100, 70)


@dataclass
class Env:
    titles: list[str] = field(default_factory=list)      # running-head title per document
    sections: list[str] = field(default_factory=list)    # section key per document
    order: list[str] = field(default_factory=list)       # section keys in issue order
    tabs: dict[str, str] = field(default_factory=dict)   # section key -> tab label
    total: int = 0
    size: tuple[float, float] = (210.0, 297.0)


def ellipse(x: float, y: float, w: float, h: float, color=(0, 0, 0), fill: bool = False, width: float = 0.4) -> Item:
    return Item("ellipse", x, y, x2=w, y2=h, color=color, fill=fill, width=width)


def vertical(m: Measurer, s: str, font: str, size: float, x: float, y: float, pitch: float,
             color=(0, 0, 0)) -> list[Item]:
    """Characters stacked top to bottom, centred on x, first baseline at y."""
    return [text(m, ch, font, size, x, y + i * pitch, "center", color) for i, ch in enumerate(s)]


# -- covers ---------------------------------------------------------------------------
def cover_wide(c: Ctx, m: Measurer) -> list[Item]:
    """Landscape cover: red panel on the left with the name stacked vertically."""
    o = c.owner
    it = [box(0, 0, 92, 210, RED)]
    it += vertical(m, o.gazette, "bhei", 30, 46, 38, 14.2, WHITE)
    it += [text(m, str(c.year), "bhei", 54, 190, 78, "center"),
           text(m, f"第{c.number}期", "bhei", 34, 190, 104, "center"),
           rule(130, 114, 250, 0.8, RED),
           text(m, f"总第{c.total}期", "song", 15, 190, 126, "center"),
           text(m, cn.date_ar(c.date), "song", 14, 190, 137, "center"),
           text(m, f"{o.office}　主办", "song", 13, 190, 176, "center"),
           text(m, SYNTH, "song", 8, 190, 200, "center", GREY)]
    return it


def cover_number(c: Ctx, m: Measurer) -> list[Item]:
    """Dark-blue band with the name, a huge issue number, publisher at the foot."""
    o = c.owner
    return [box(0, 28, 210, 40, BLUE), text(m, o.gazette, "bhei", 32, 105, 53, "center", WHITE),
            text(m, f"{c.year}", "hei", 20, 28, 112),
            text(m, f"第{c.number}期　总第{c.total}期", "hei", 13, 28, 124),
            text(m, f"{c.number:02d}", "bhei", 96, 186, 150, "right", BLUE),
            rule(28, 162, 182, 0.5, BLUE),
            box(28, 170, 154, 46, (225, 230, 238)),
            text(m, "依法行政　政务公开", "hei", 14, 105, 196, "center", BLUE),
            text(m, f"{o.office}　编印", "hei", 13, 105, 252, "center"),
            text(m, f"{cn.date_ar(c.date)}", "hei", 12, 105, 261, "center"),
            text(m, SYNTH, "hei", 7.5, 105, 288, "center", GREY)]


def cover_seal(c: Ctx, m: Measurer) -> list[Item]:
    """Name between rules, grey issue band, a ring with 公报 inside."""
    o = c.owner
    return [rule(24, 40, 186, 0.4, RED), text(m, o.gazette, "bhei", 34, 105, 60, "center", RED),
            rule(24, 68, 186, 0.4, RED), box(0, 92, 210, 14, (120, 120, 120)),
            text(m, f"{c.issue_label}　　总第{c.total}期", "song", 13, 105, 101.5, "center", WHITE),
            ellipse(80, 138, 50, 50, RED, width=1.2),
            text(m, "公报", "bhei", 24, 105, 167, "center", RED),
            text(m, f"{o.office}编", "song", 13, 105, 244, "center"),
            text(m, cn.date_cn(c.date), "song", 13, 105, 253, "center"),
            text(m, SYNTH, "song", 8, 105, 287, "center", GREY)]


def cover_vertical(c: Ctx, m: Measurer) -> list[Item]:
    """Vertical masthead in a red strip on the right; year and issue large on the left."""
    o = c.owner
    it = [box(150, 0, 60, 297, RED)]
    it += vertical(m, o.gazette, "bhei", 34, 180, 48, 16.5, WHITE)
    it += [text(m, str(c.year), "bhei", 44, 26, 80), text(m, f"第{c.number}期", "bhei", 28, 26, 100),
           rule(26, 108, 130, 0.6), text(m, f"（总第{c.total}期）", "song", 13, 26, 118),
           text(m, cn.date_cn(c.date), "song", 13, 26, 128),
           text(m, f"{o.office}主办", "song", 12, 26, 262),
           text(m, SYNTH, "song", 7.5, 26, 288, "left", GREY)]
    return it


def cover_plainweb(c: Ctx, m: Measurer) -> list[Item]:
    """Born-digital look: name left-aligned, issue right, a grey panel, thin green rule."""
    o = c.owner
    return [box(0, 0, 210, 8, GREEN), text(m, o.gazette, "bhei", 30, 20, 46),
            text(m, "电子版", "hei", 12, 20, 60, "left", GREEN),
            text(m, f"{c.issue_label}（总第{c.total}期）", "hei", 12, 190, 60, "right"),
            text(m, f"{cn.date_ar(c.date)}出版", "hei", 10.5, 190, 68, "right"),
            rule(20, 74, 190, 0.8, GREEN), box(20, 86, 170, 126, (236, 240, 238)),
            text(m, "政务信息　权威发布", "hei", 16, 105, 152, "center", GREEN),
            text(m, f"主办：{o.office}", "hei", 11, 20, 262),
            text(m, SYNTH, "hei", 7.5, 20, 288, "left", GREY)]


# -- running heads, feet, folios -----------------------------------------------------------
def head_wide(c: Ctx, m: Measurer, p: XPage, folio: int, env: Env) -> list[Item]:
    """Landscape: name left, folio boxed in the centre, issue right, rule under (all pages alike)."""
    w = env.size[0]
    s = str(folio)
    fw = m.width(s, "hei", 9) + 4
    return [text(m, c.owner.gazette, "hei", 9, 18, 13), text(m, c.issue_label, "hei", 9, w - 18, 13, "right"),
            box(w / 2 - fw / 2, 9.2, fw, 5.2, (0, 0, 0), fill=False), text(m, s, "hei", 9, w / 2, 13, "center"),
            rule(18, 16.5, w - 18, 0.5, RED)]


def foot_circle(c: Ctx, m: Measurer, p: XPage, folio: int, env: Env) -> list[Item]:
    """No head; foot: issue label left, folio in a circle right, rule above (not mirrored)."""
    s = str(folio)
    return [rule(22, 276, 188, 0.3, BLUE), text(m, f"{c.owner.gazette}　{c.issue_label}", "hei", 8.5, 22, 283, "left", GREY),
            ellipse(178.5, 278.5, 8.5, 8.5, BLUE, width=0.5), text(m, s, "hei", 8.5, 182.75, 284, "center", BLUE)]


def head_tab(c: Ctx, m: Measurer, p: XPage, folio: int, env: Env) -> list[Item]:
    """Wide outer margin: small head at the inner edge, section tab and folio in the outer margin."""
    odd = folio % 2 == 1
    w = env.size[0]
    inner_x, frame_l, frame_r = (22, 22, 152) if odd else (188, 58, 188)
    it = [text(m, f"{c.owner.gazette}　{c.issue_label}", "song", 8.5, inner_x, 15.5, "left" if odd else "right", GREY),
          rule(frame_l, 17.5, frame_r, 0.2, GREY)]
    key = env.sections[p.docs[0]] if p.docs else ""
    label = env.tabs.get(key, "")
    if label:
        idx = env.order.index(key) if key in env.order else 0
        y0 = 36 + idx * 34
        h = len(label) * 5.0 + 5
        x0 = w - 12 if odd else 0
        it.append(box(x0, y0, 12, h, (90, 90, 90)))
        it += vertical(m, label, "hei", 9.5, x0 + 6, y0 + 6.2, 5.0, WHITE)
    fx = 181 if odd else 29
    it += [rule(fx - 6, 274, fx + 6, 0.6), text(m, str(folio), "bhei", 13, fx, 282, "center")]
    return it


def head_title(c: Ctx, m: Measurer, p: XPage, folio: int, env: Env) -> list[Item]:
    """Running head = the title of the page's first document (shortened); folio mid-height, outer margin."""
    odd = folio % 2 == 1
    t = env.titles[p.docs[0]] if p.docs else c.owner.gazette
    if m.width(t, "kai", 9) > 118:
        while t and m.width(t + "……", "kai", 9) > 118:
            t = t[:-1]
        t += "……"
    x = 186 if odd else 24
    it = [text(m, t, "kai", 9, x, 16, "right" if odd else "left"), rule(24, 18.5, 186, 0.4)]
    fx = 201 if odd else 9
    it += [Item("line", fx, 136, x2=fx, y2=142, width=0.4), text(m, str(folio), "hei", 10, fx, 149, "center"),
           Item("line", fx, 152, x2=fx, y2=158, width=0.4)]
    return it


def foot_total(c: Ctx, m: Measurer, p: XPage, folio: int, env: Env) -> list[Item]:
    """Foot: gazette + issue left, 'N / TOTAL' right; thin green rule at the very top."""
    return [rule(20, 10, 190, 0.6, GREEN),
            text(m, f"{c.owner.gazette}　{c.issue_label}", "hei", 8.5, 20, 286, "left", GREY),
            text(m, f"{folio} / {env.total}", "hei", 9, 190, 286, "right")]


def toc_foot_total(c: Ctx, m: Measurer, p: XPage, folio: int, env: Env) -> list[Item]:
    return foot_total(c, m, p, folio, env)
