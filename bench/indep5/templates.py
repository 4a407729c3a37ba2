"""The five layouts: geometry, styles, covers, heads/feet and 目录 styles."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import Callable

from bench.indep import cn

from .typeset import PT, Flow, Geo, Item, Measurer, Page, Row, Style, para_rows

RED = (190, 20, 30)
BLUE = (20, 70, 150)
GREY = (110, 110, 110)
SYNTH = "合成测试样本（synthetic）·据公开文本生成·非正式出版物"
U = "\u3000"


@dataclass
class Ctx:
    gazette: str
    publisher: str
    year: int
    number: int
    total: int
    date: dt.date
    word: str               # 期 | 号
    owner: object           # places.Owner or None
    org: str                # issuing organ of the gazette (for signatures etc.)

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.number}{self.word}"


@dataclass
class Entry:
    section: str            # printed section name
    title: str
    docno: str | None
    folio: int


def T(m: Measurer, s: str, font: str, size: float, x: float, y: float, align: str = "left",
      color=(0, 0, 0)) -> Item:
    w = m.width(s, font, size)
    x0 = x - w / 2 if align == "center" else x - w if align == "right" else x
    return Item("text", x0, y, s, font, size, color)


def L(x1, y, x2, w=0.3, color=(0, 0, 0), y2=None) -> Item:
    return Item("line", x1, y, x2=x2, y2=y if y2 is None else y2, width=w, color=color)


def R(x, y, w, h, color, fill=True) -> Item:
    return Item("rect", x, y, x2=w, y2=h, color=color, fill=fill, width=0.6)


def base_styles(font: str, size: float, lead: float, tfont: str, tsize: float, sub: str = "hei") -> dict[str, Style]:
    line = size * PT * lead
    b = Style(font, size, lead, indent=2)
    return {
        "body": b,
        "qa": Style(sub, size, lead, indent=2),
        "chapter": Style(sub, size, lead, align="center", before=line * 0.3, keep=True),
        "toc_line": Style(font, size, lead, left=4),
        "subhead": Style(sub, size, lead, indent=2, keep=True),
        "title": Style(tfont, tsize, 1.4, align="center", before=line * 1.2, after=line * 0.5, max_width=0.84, keep=True),
        "title2": Style(tfont, tsize, 1.4, align="center", after=line * 0.5, keep=True),
        "issuer_above": Style(tfont, tsize, 1.4, align="center", before=line * 1.2, keep=True),
        "docno": Style(font, size, lead, align="center", after=line * 0.3, keep=True),
        "header": Style("kai", size - 0.5, lead, align="center", left=2, right=2, keep=True),
        "byline": Style("kai", size, lead, align="center", keep=True),
        "speaker": Style("kai", size, lead, align="center", after=line * 0.4, keep=True),
        "addressee": Style(font, size, lead, before=line * 0.2),
        "sign": Style(font, size, lead, align="right", right=4, before=line * 0.6, keep=True),
        "pair_sign": Style(font, size, lead, left=4, right=4, before=line * 0.6, keep=True),
        "date": Style(font, size, lead, align="right", right=4),
        "note": Style(font, size, lead, indent=2),
        "note_small": Style(font, size - 1.5, lead, indent=2),
        "order_head": Style(tfont, tsize + 2, 1.4, align="center", before=line * 1.2, keep=True),
        "order_no": Style(font, size + 0.5, lead, align="center", after=line * 0.3, keep=True),
        "order_text": b,
        "order_sign": Style(font, size, lead, align="right", right=5, before=line * 0.4, keep=True),
        "order_date": Style(font, size, lead, align="right", right=4, after=line * 0.6),
        "gg_head": Style(tfont, tsize, 1.4, align="center", before=line * 1.2, keep=True),
        "gg_no": Style(font, size, lead, align="center", after=line * 0.3, keep=True),
        "attach_label": Style(sub, size, lead, before=line * 1.2, keep=True),
        "attach_list": Style(font, size, lead, left=2, hang=3, before=line * 0.4),
        "attach_list2": Style(font, size, lead, left=5),
        "attach_title": Style(tfont, tsize - 1, 1.4, align="center", before=line * 0.4, after=line * 0.4,
                              max_width=0.84, keep=True),
        "table": Style(font, size - 1.5, 1.45, before=line * 0.3),
        "cc": Style(font, size - 0.5, lead, left=1, hang=3, before=line * 1.0),
    }


@dataclass
class Template:
    name: str
    level: str
    geo: Geo
    toc_geo: Geo
    styles: dict[str, Style]
    fonts: frozenset[str]
    cover: Callable
    decorate: Callable
    toc: Callable
    sections: dict[str, str]
    new_page: str = "never"            # never | reg | all
    separator: str = "space"           # space | rule
    folio_mode: str = "body1"          # body1 | annual
    word: str = "期"
    pages: tuple[int, int] = (16, 26)
    per_year: tuple[int, ...] = (12, 24)
    kicker: Style | None = None
    notes: str = ""


# ---------------------------------------------------------------------------------- covers
def cover_sc(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    w = g.w
    return [T(m, c.gazette, "bhei", 34, w / 2, 58, "center", RED), L(22, 68, w - 22, 1.4, RED),
            T(m, f"{c.year}", "bhei", 26, w / 2 - 30, 100, "center"),
            T(m, f"第{c.number}{c.word}", "bhei", 26, w / 2 + 30, 100, "center"),
            T(m, f"（总第{c.total}{c.word}）", "song", 13, w / 2 + 30, 112, "center"),
            T(m, cn.date_cn(c.date), "song", 13, w / 2, 140, "center"),
            T(m, f"{c.publisher}主办", "song", 13, w / 2, g.h - 40, "center"),
            T(m, SYNTH, "song", 8, w / 2, g.h - 12, "center", GREY)]


def cover_npc(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    w = g.w
    name = c.gazette
    split = name.index("人民代表大会")
    return [R(14, 14, w - 28, g.h - 28, RED, fill=False),
            T(m, name[:split], "bhei", 30, w / 2, 52, "center", RED),
            T(m, name[split:], "bhei", 24, w / 2, 68, "center", RED),
            L(30, 78, w - 30, 0.8, RED),
            T(m, f"{c.label}", "hei", 16, w / 2, 92, "center"),
            T(m, f"（总第{c.total}{c.word}）", "hei", 11, w / 2, 101, "center"),
            T(m, f"{c.publisher}办公厅编印", "song", 12, w / 2, g.h - 48, "center"),
            T(m, cn.date_ar(c.date), "song", 12, w / 2, g.h - 40, "center"),
            T(m, SYNTH, "song", 7.5, w / 2, g.h - 20, "center", GREY)]


def cover_ministry(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    w = g.w
    return [R(0, 0, w, 70, BLUE), T(m, c.gazette, "bhei", 26, w / 2, 40, "center", (255, 255, 255)),
            T(m, c.label, "hei", 14, w / 2, 58, "center", (255, 255, 255)),
            T(m, f"总第{c.total}期", "hei", 11, w - 20, 82, "right", BLUE),
            T(m, f"{c.publisher}办公厅　主办", "hei", 12, w / 2, g.h - 36, "center"),
            T(m, f"出版日期：{cn.date_ar(c.date)}", "hei", 11, w / 2, g.h - 28, "center"),
            T(m, SYNTH, "hei", 7.5, w / 2, g.h - 12, "center", GREY)]


def cover_city(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    w = g.w
    return [L(20, 30, w - 20, 3, RED), T(m, c.gazette, "bhei", 32, 20, 52, "left", RED),
            T(m, c.label, "hei", 15, w - 20, 70, "right"), T(m, f"总第{c.total}期", "hei", 11, w - 20, 78, "right"),
            L(20, 84, w - 20, 0.5, RED),
            T(m, f"{c.publisher}办公厅　编", "hei", 12, 20, g.h - 40),
            T(m, f"{c.date.year}年{c.date.month}月{c.date.day}日", "hei", 12, 20, g.h - 32),
            T(m, SYNTH, "hei", 7.5, w - 20, g.h - 12, "right", GREY)]


def cover_court(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    w = g.w
    return [T(m, c.gazette, "bhei", 38, w / 2, 70, "center", (120, 20, 20)),
            T(m, "GAZETTE OF THE SUPREME PEOPLE'S COURT (synthetic)", "hei", 9, w / 2, 80, "center", (120, 20, 20)),
            L(30, 88, w - 30, 0.8), L(30, 89.5, w - 30, 0.3),
            T(m, f"{c.year}年　第{c.number}期（总第{c.total}期）", "hei", 15, w / 2, 104, "center"),
            T(m, f"{c.publisher}办公厅　编", "song", 12, w / 2, g.h - 40, "center"),
            T(m, cn.date_cn(c.date), "song", 12, w / 2, g.h - 32, "center"),
            T(m, SYNTH, "song", 7.5, w / 2, g.h - 12, "center", GREY)]


# ------------------------------------------------------------------------------- heads / feet
def deco_sc(c: Ctx, m: Measurer, g: Geo, pg: Page, folio: int, docs) -> list[Item]:
    """国务院公报-like: head alternates gazette name (even, outer=left) / issue (odd, outer=right); `· N ·` outer foot."""
    odd = folio % 2 == 1
    x_out = g.w - 22 if odd else 22
    al = "right" if odd else "left"
    s = c.label if odd else c.gazette
    return [T(m, s, "song", 9, x_out, 20, al), L(22, 22.5, g.w - 22, 0.35),
            T(m, f"· {folio} ·", "song", 10, x_out, g.h - 14, al)]


def deco_npc(c: Ctx, m: Measurer, g: Geo, pg: Page, folio: int, docs) -> list[Item]:
    """人大公报: bold folio at the outer top corner in a red square; gazette name beside it; no foot."""
    odd = folio % 2 == 1
    x = g.w - 16 - 10 if odd else 16
    name = c.gazette if not odd else c.label
    it = [R(x, 12, 10, 8, RED), T(m, str(folio), "bhei", 10, x + 5, 17.8, "center", (255, 255, 255)),
          L(16, 22, g.w - 16, 0.6, RED)]
    it.append(T(m, name, "kai", 9, x - 3 if odd else x + 13, 18, "right" if odd else "left", RED))
    return it


def deco_ministry(c: Ctx, m: Measurer, g: Geo, pg: Page, folio: int, docs) -> list[Item]:
    """部门公报: blue double rule head with gazette left / issue right; foot folio right-aligned always."""
    return [T(m, c.gazette, "hei", 8.5, 24, 18), T(m, c.label, "hei", 8.5, g.w - 24, 18, "right"),
            L(24, 20, g.w - 24, 0.9, BLUE), L(24, 21.2, g.w - 24, 0.25, BLUE),
            T(m, f"第{folio}页", "hei", 9, g.w - 24, g.h - 14, "right", BLUE)]


def deco_foot_title(c: Ctx, m: Measurer, g: Geo, pg: Page, folio: int, docs) -> list[Item]:
    """No head; foot: rule, the title of the page's first document (shortened) at the inner, folio outer."""
    odd = folio % 2 == 1
    title = docs[pg.docs[0]].title if pg.docs else ""
    if len(title) > 30:
        title = title[:28] + "……"
    x_in, x_out = (24, g.w - 24) if odd else (g.w - 24, 24)
    return [L(24, g.h - 21, g.w - 24, 0.4, RED),
            T(m, title, "kai", 8.5, x_in, g.h - 15, "left" if odd else "right", GREY),
            T(m, str(folio), "bhei", 11, x_out, g.h - 15, "right" if odd else "left", RED)]


def deco_court(c: Ctx, m: Measurer, g: Geo, pg: Page, folio: int, docs) -> list[Item]:
    """Court gazette: centred name + section of the page in the head; folio centred in the foot `—N—`."""
    sec = pg.sections[0] if pg.sections else ""
    it = [T(m, f"{c.gazette}　{c.label}", "song", 8.5, 20, 18), T(m, sec, "hei", 8.5, g.w - 20, 18, "right"),
          L(20, 20.3, g.w - 20, 0.3), L(g.w / 2, 26, g.w / 2, 0.2, GREY, y2=g.bottom)]
    it.append(T(m, f"—{folio}—", "song", 10, g.w / 2, g.h - 13, "center"))
    return it


# --------------------------------------------------------------------------------- 目录
def _heading(flow: Flow, m: Measurer, text: str, st: Style) -> None:
    flow.place(para_rows(text, st, flow.geo.width, m, None, None))


def toc_paren_cont(spec: Template, c: Ctx, m: Measurer, entries: list[Entry]) -> list[Page]:
    """【section】 heads, 文号 in parentheses after the title, … leaders; split over 2 pages, heads repeated 「（续）」."""
    g = spec.toc_geo
    flow = Flow(g, 1, "toc")
    W = g.width
    _heading(flow, m, f"目{U}{U}录", Style("bhei", 20, 1.4, align="center", after=6))
    st = Style("song", 12, 1.9)
    sst = Style("bhei", 13, 1.8, before=5, keep=True)
    split = math.ceil(len(entries) * 0.6)
    cur = None
    broke = False
    for i, e in enumerate(entries):
        if e.section != cur and i == split and not broke:
            broke = True
            flow.page_break()
        if e.section != cur:
            flow.place(para_rows(f"【{e.section}】", sst, W, m, None, None))
            cur = e.section
        txt = e.title + (f"（{e.docno}）" if e.docno else "")
        num = str(e.folio)
        nw = m.width(num, st.font, st.size)
        em = st.em
        wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
        from bench.indep.layout import break_lines
        lines = break_lines(txt, W - em - nw - 3 * em, W - 2 * em - nw - 3 * em, wfn)
        rows = []
        for k, t in enumerate(lines):
            dx = em if k == 0 else 2 * em
            draw = [(dx, st.line_h / 2 + 0.36 * em, Item("text", 0, 0, t, st.font, st.size))]
            if k == len(lines) - 1:
                end = dx + wfn(t) + 0.3 * em
                lw = wfn("…")
                n = max(2, int((W - nw - 0.3 * em - end) / lw))
                draw.append((end, st.line_h / 2 + 0.36 * em, Item("text", 0, 0, "…" * n, st.font, st.size)))
                draw.append((W - nw, st.line_h / 2 + 0.36 * em, Item("text", 0, 0, num, st.font, st.size)))
            rows.append(Row(st.line_h, 3.5 if k == 0 else 0.0, k < len(lines) - 1, None, None, draw))
        need = sum(r.h + r.gap for r in rows)
        if (flow.y + need > g.bottom or i == split) and not broke:
            broke = True
            flow.page_break()
            if e.section == cur:
                flow.place(para_rows(f"【{cur}】（续）", sst, W, m, None, None))
        flow.place(rows)
    return flow.pages


def toc_firstline(spec: Template, c: Ctx, m: Measurer, entries: list[Entry]) -> list[Page]:
    """Sections centred between rules; title in a left column, page number right on the title's FIRST line."""
    g = spec.toc_geo
    flow = Flow(g, 1, "toc")
    W = g.width
    _heading(flow, m, f"目{U}{U}录", Style("bhei", 19, 1.4, align="center", after=5, color=RED))
    st = Style("song", 11, 1.7)
    em = st.em
    cur = None
    from bench.indep.layout import break_lines
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    for e in entries:
        if e.section != cur:
            cur = e.section
            sw = m.width(cur, "bhei", 12)
            mid = W / 2
            draw = [(mid - sw / 2, 6.2, Item("text", 0, 0, cur, "bhei", 12, RED)),
                    (0, 4.6, Item("line", 0, 0, x2=mid - sw / 2 - 4, y2=0, width=0.4, color=RED)),
                    (mid + sw / 2 + 4, 4.6, Item("line", 0, 0, x2=W - mid - sw / 2 - 4, y2=0, width=0.4, color=RED))]
            flow.place([Row(9.5, 3.0, True, None, None, draw)])
        lines = break_lines(e.title, W * 0.8, W * 0.8 - em, wfn)
        rows = []
        for k, t in enumerate(lines):
            draw = [(em if k else 0.0, st.line_h / 2 + 0.36 * em, Item("text", 0, 0, t, st.font, st.size))]
            if k == 0:
                num = str(e.folio)
                draw.append((W - wfn(num), st.line_h / 2 + 0.36 * em, Item("text", 0, 0, num, "bhei", st.size)))
            rows.append(Row(st.line_h, 1.5 if k == 0 else 0.0, k < len(lines) - 1, None, None, draw))
        flow.place(rows)
    return flow.pages


def toc_docno_col(spec: Template, c: Ctx, m: Measurer, entries: list[Entry]) -> list[Page]:
    """Grey section bars; three columns: title | 文号 | page (文号 and page on the title's last line)."""
    g = spec.toc_geo
    flow = Flow(g, 1, "toc")
    W = g.width
    _heading(flow, m, "目　录", Style("bhei", 19, 1.4, align="center", after=3, color=BLUE))
    st = Style("song", 10.5, 1.7)
    ds = Style("song", 9, 1.7)
    em = st.em
    col_t, col_d = W * 0.56, W * 0.6
    from bench.indep.layout import break_lines
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    hd = [(col_d, 5, Item("text", 0, 0, "发文字号", "hei", 8.5, GREY)),
          (W - m.width("页码", "hei", 8.5), 5, Item("text", 0, 0, "页码", "hei", 8.5, GREY))]
    flow.place([Row(7, 0, True, None, None, hd)])
    cur = None
    for e in entries:
        if e.section != cur:
            cur = e.section
            draw = [(0, 0.8, Item("rect", 0, 0, x2=W, y2=7, color=(225, 230, 240), fill=True)),
                    (2, 5.8, Item("text", 0, 0, cur, "bhei", 11, BLUE))]
            flow.place([Row(8.5, 3, True, None, None, draw)])
        lines = break_lines(e.title, col_t, col_t - em, wfn)
        rows = []
        for k, t in enumerate(lines):
            base = st.line_h / 2 + 0.36 * em
            draw = [(em if k else 0.0, base, Item("text", 0, 0, t, st.font, st.size))]
            if k == len(lines) - 1:
                if e.docno:
                    draw.append((col_d, base, Item("text", 0, 0, e.docno.replace("中华人民共和国", ""), ds.font, ds.size,
                                                   (60, 60, 60))))
                num = str(e.folio)
                draw.append((W - wfn(num), base, Item("text", 0, 0, num, st.font, st.size)))
            rows.append(Row(st.line_h, 1.2 if k == 0 else 0.0, k < len(lines) - 1, None, None, draw))
        flow.place(rows)
    return flow.pages


def _fix_rect(pages: list[Page]) -> None:
    """Rects placed through Flow carry absolute x2/y2 ends; turn them back into width/height."""
    for pg in pages:
        for it in pg.items:
            if it.kind == "rect":
                it.x2, it.y2 = it.x2 - it.x, it.y2 - it.y


def toc_diamond(spec: Template, c: Ctx, m: Measurer, entries: list[Entry]) -> list[Page]:
    """`本期目录`; sections `◆ name`; entries title, `·` leaders, page; wrapped lines hang."""
    g = spec.toc_geo
    flow = Flow(g, 1, "toc")
    W = g.width
    _heading(flow, m, "本 期 目 录", Style("bhei", 18, 1.4, align="left", after=4, color=RED))
    st = Style("kai", 11, 1.75)
    em = st.em
    cur = None
    from bench.indep.layout import break_lines
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    for e in entries:
        if e.section != cur:
            cur = e.section
            flow.place(para_rows(f"◆{U}{cur}", Style("bhei", 12, 1.7, before=3, keep=True, color=RED), W, m, None, None))
        num = str(e.folio)
        nw = wfn(num)
        lines = break_lines(e.title, W - nw - 4 * em, W - nw - 5 * em, wfn)
        rows = []
        for k, t in enumerate(lines):
            base = st.line_h / 2 + 0.36 * em
            dx = em if k == 0 else 2 * em
            draw = [(dx, base, Item("text", 0, 0, t, st.font, st.size))]
            if k == len(lines) - 1:
                end = dx + wfn(t) + 0.3 * em
                lw = wfn("·")
                n = max(2, int((W - nw - 0.5 * em - end) / lw))
                draw.append((end, base, Item("text", 0, 0, "·" * n, st.font, st.size, GREY)))
                draw.append((W - nw, base, Item("text", 0, 0, num, st.font, st.size)))
            rows.append(Row(st.line_h, 1.0 if k == 0 else 0.0, k < len(lines) - 1, None, None, draw))
        flow.place(rows)
    return flow.pages


def toc_court(spec: Template, c: Ctx, m: Measurer, entries: list[Entry]) -> list[Page]:
    """Sections `■ name`; title, `—` leaders, page; 文号 on a 楷体 line under the entry."""
    g = spec.toc_geo
    flow = Flow(g, 1, "toc")
    W = g.width
    _heading(flow, m, f"目{U}{U}录", Style("bhei", 20, 1.4, align="center", after=6))
    st = Style("song", 11, 1.7)
    em = st.em
    cur = None
    from bench.indep.layout import break_lines
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    for e in entries:
        if e.section != cur:
            cur = e.section
            flow.place(para_rows(f"■{U}{cur}", Style("bhei", 12, 1.7, before=3, keep=True), W, m, None, None))
        num = str(e.folio)
        nw = wfn(num)
        lines = break_lines(e.title, W - nw - 4 * em, W - nw - 4 * em, wfn)
        rows = []
        for k, t in enumerate(lines):
            base = st.line_h / 2 + 0.36 * em
            draw = [(em, base, Item("text", 0, 0, t, st.font, st.size))]
            if k == len(lines) - 1:
                end = em + wfn(t) + 0.3 * em
                lw = wfn("—")
                n = max(2, int((W - nw - 0.5 * em - end) / lw))
                draw.append((end, base, Item("text", 0, 0, "—" * n, st.font, st.size, GREY)))
                draw.append((W - nw, base, Item("text", 0, 0, num, st.font, st.size)))
            rows.append(Row(st.line_h, 1.2 if k == 0 else 0.0, True, None, None, draw))
        if e.docno:
            rows.append(Row(st.line_h * 0.9, 0, False, None, None,
                            [(2 * em, st.line_h / 2, Item("text", 0, 0, e.docno, "kai", 9.5, (60, 60, 60)))]))
        else:
            rows[-1].keep = False
        flow.place(rows)
    return flow.pages


# ------------------------------------------------------------------------------- templates
def build() -> list[Template]:
    out = []
    st = base_styles("song", 11, 1.7, "bhei", 16)
    out.append(Template(
        "sc_newpage", "province",
        Geo(210, 297, top=30, bottom=270, inner=27, outer=23, mirror=True),
        Geo(210, 297, top=30, bottom=272, inner=26, outer=26), st, frozenset({"song", "bhei", "hei", "kai"}),
        cover_sc, deco_sc, toc_paren_cont,
        {"reg": "省政府规章", "gov": "省政府文件", "office": "省政府办公厅文件", "dept": "部门文件", "personnel": "人事任免"},
        new_page="all", folio_mode="annual", word="号", pages=(18, 27), per_year=(24,),
        notes="国务院公报-like province gazette"))

    st = base_styles("song", 10.5, 1.7, "bhei", 15.5)
    st["header"] = replace(st["header"], font="kai")
    out.append(Template(
        "npc_report", "province",
        Geo(185, 260, top=28, bottom=240, inner=20, outer=18, mirror=True),
        Geo(185, 260, top=30, bottom=240, inner=22, outer=22), st, frozenset({"song", "bhei", "hei", "kai"}),
        cover_npc, deco_npc, toc_firstline,
        {"law": "法律", "decision": "决定", "local": "地方性法规", "report": "说明和报告", "personnel": "人事任免",
         "qual": "代表资格审查报告"},
        new_page="reg", word="号", pages=(18, 28), per_year=(8, 10),
        notes="人大常委会公报"))

    st = base_styles("song", 10.5, 1.65, "hei", 15.5, sub="hei")
    out.append(Template(
        "ministry", "ministry",
        Geo(210, 297, top=30, bottom=272, inner=24, outer=24),
        Geo(210, 297, top=30, bottom=272, inner=24, outer=24), st, frozenset({"song", "bhei", "hei", "kai"}),
        cover_ministry, deco_ministry, toc_docno_col,
        {"reg": "部令", "dept": "部文件", "gonggao": "公告", "interp": "政策解读"},
        separator="rule", pages=(16, 26), per_year=(12,),
        kicker=Style("hei", 10, 1.6, color=BLUE, before=4, keep=True),
        notes="部门公报"))

    st = base_styles("song", 10.5, 1.7, "bhei", 16)
    st["title"] = replace(st["title"], max_width=0.72)
    out.append(Template(
        "foot_title", "city",
        Geo(210, 297, top=24, bottom=270, inner=26, outer=22, mirror=True),
        Geo(210, 297, top=28, bottom=272, inner=24, outer=24), st, frozenset({"song", "bhei", "hei", "kai"}),
        cover_city, deco_foot_title, toc_diamond,
        {"local": "地方性法规", "reg": "市政府规章", "gov": "市政府文件", "office": "市政府办公厅文件", "dept": "部门文件",
         "interp": "政策解读"},
        separator="space", pages=(16, 26), per_year=(12, 24),
        notes="city gazette, running foot with document title"))

    st = base_styles("song", 9.5, 1.65, "bhei", 13)
    st["title"] = replace(st["title"], max_width=0.0)
    st["attach_title"] = replace(st["attach_title"], max_width=0.0)
    st["header"] = replace(st["header"], left=0, right=0, align="left", indent=2)
    out.append(Template(
        "court_twocol", "court",
        Geo(210, 297, top=27, bottom=276, inner=20, outer=20, columns=2, gap=9),
        Geo(210, 297, top=30, bottom=272, inner=25, outer=25), st, frozenset({"song", "bhei", "hei", "kai"}),
        cover_court, deco_court, toc_court,
        {"jud": "司法解释", "sfwj": "司法文件", "gonggao": "公告", "personnel": "人事任免", "news": "新闻发布"},
        separator="space", folio_mode="annual", pages=(17, 24), per_year=(12,),
        notes="court gazette, two columns"))
    return out
