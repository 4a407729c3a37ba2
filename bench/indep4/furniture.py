"""Covers, running heads / feet, section divider pages and the five 目录 styles."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from bench.indep import cn
from bench.indep.layout import PT, Item, Measurer, Style, break_lines
from bench.indep.places import Owner

from .typeset import GREY, RED, Flow, Geo, Pg, Row, hline, rect, text_item, vline

SYNTH = "合成测试样本（synthetic），据公开文本生成，非正式出版物"


@dataclass
class Ctx:
    owner: Owner
    year: int
    number: int
    number2: int | None       # 合刊: second issue number
    total: int
    date: dt.date
    per_year: int

    @property
    def num_label(self) -> str:
        return f"{self.number}-{self.number2}" if self.number2 else str(self.number)

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.num_label}期"

    @property
    def total_label(self) -> str:
        return f"总第{self.total}-{self.total + 1}期" if self.number2 else f"总第{self.total}期"


# -- covers ------------------------------------------------------------------------------
def cover_b5(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    """Province, B5: red double frame, name in two lines, issue block, date in Chinese numerals."""
    o = c.owner
    cx = g.w / 2
    return [rect(12, 12, g.w - 24, g.h - 24, RED, fill=False), rect(15, 15, g.w - 30, g.h - 30, RED, fill=False),
            text_item(m, o.place + "人民政府", "bhei", 30, cx, 62, "center", RED),
            text_item(m, "公　　报", "bhei", 40, cx, 88, "center", RED),
            hline(35, 100, g.w - 35, 0.8, RED),
            text_item(m, c.label, "hei", 15, cx, 116, "center"),
            text_item(m, f"（{c.total_label}）", "song", 11, cx, 125, "center"),
            text_item(m, cn.date_cn(c.date), "song", 12, cx, 200, "center"),
            text_item(m, f"{o.office}主办", "song", 12, cx, 210, "center"),
            text_item(m, SYNTH, "song", 7, cx, g.h - 19, "center", GREY)]


def cover_hekan(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    """City, 16开: grey top block with the name, big 合刊 issue numbers, publisher at the foot."""
    o = c.owner
    cx = g.w / 2
    return [rect(0, 0, g.w, 70, (60, 60, 70)), text_item(m, o.gazette, "bhei", 30, cx, 42, "center", (255, 255, 255)),
            text_item(m, f"{c.year}", "bhei", 26, cx, 100, "center", RED),
            text_item(m, f"第{c.num_label}期", "bhei", 34, cx, 122, "center", RED),
            text_item(m, "（合　刊）" if c.number2 else "", "hei", 14, cx, 134, "center", RED),
            text_item(m, c.total_label, "hei", 12, cx, 146, "center"),
            hline(30, 225, g.w - 30, 0.5), text_item(m, f"{o.office}　编印", "hei", 12, cx, 234, "center"),
            text_item(m, f"{cn.date_ar(c.date)}出版", "hei", 11, cx, 242, "center"),
            text_item(m, SYNTH, "hei", 7, cx, g.h - 8, "center", GREY)]


def cover_red(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    """County, A4: red name over a red star rule, 内部资料 line, issue info in a box."""
    o = c.owner
    cx = g.w / 2
    return [text_item(m, o.gazette, "bhei", 36, cx, 62, "center", RED), hline(25, 74, cx - 6, 1.2, RED),
            text_item(m, "★", "song", 12, cx, 76, "center", RED), hline(cx + 6, 74, g.w - 25, 1.2, RED),
            rect(cx - 35, 92, 70, 30, RED, fill=False),
            text_item(m, c.label, "hei", 15, cx, 104, "center"),
            text_item(m, c.total_label, "hei", 11, cx, 114, "center"),
            text_item(m, "内部资料　免费交流", "hei", 11, cx, 240, "center"),
            text_item(m, f"{o.office}　主办", "hei", 12, cx, 252, "center"),
            text_item(m, cn.date_ar(c.date), "hei", 12, cx, 261, "center"),
            text_item(m, SYNTH, "hei", 7.5, cx, g.h - 10, "center", GREY)]


def cover_npc(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    """Province, 大16开: left red bar, name left-aligned, issue and date right-aligned."""
    o = c.owner
    return [rect(0, 0, 24, g.h, RED), text_item(m, o.place + "人民政府", "bhei", 26, 36, 70),
            text_item(m, "公报", "bhei", 54, 36, 100, "left", RED),
            hline(36, 110, g.w - 20, 0.6),
            text_item(m, c.label, "hei", 16, g.w - 20, 124, "right"),
            text_item(m, c.total_label, "hei", 11, g.w - 20, 133, "right"),
            text_item(m, f"{o.office}　编", "hei", 12, 36, 250),
            text_item(m, cn.date_cn(c.date), "hei", 12, 36, 259),
            text_item(m, SYNTH, "hei", 7, g.w - 12, g.h - 8, "right", GREY)]


def cover_label(c: Ctx, m: Measurer, g: Geo) -> list[Item]:
    """City, A4: thin rules, name centred, a 本期导读-free issue strip at mid-height."""
    o = c.owner
    cx = g.w / 2
    return [hline(20, 30, g.w - 20, 0.4), hline(20, 32, g.w - 20, 1.4),
            text_item(m, o.gazette, "bhei", 34, cx, 70, "center"),
            rect(0, 130, g.w, 16, (225, 225, 225)),
            text_item(m, f"{c.label}　　{c.total_label}　　{cn.date_ar(c.date)}", "hei", 12, cx, 140.5, "center"),
            text_item(m, f"主办单位：{o.office}", "hei", 11, cx, 250, "center"),
            hline(20, g.h - 30, g.w - 20, 1.4), hline(20, g.h - 28, g.w - 20, 0.4),
            text_item(m, SYNTH, "hei", 7.5, cx, g.h - 18, "center", GREY)]


# -- heads / feet --------------------------------------------------------------------------
def deco_b5(c: Ctx, m: Measurer, p: Pg, folio: int, g: Geo) -> list[Item]:
    """Mirrored head: even pages gazette name at the outer (left), odd pages section name at the outer (right)."""
    odd = folio % 2 == 1
    left, w = g.frame(folio)
    it = []
    if odd:
        it.append(text_item(m, p.sections[0] if p.sections else "", "hei", 8.5, left + w, g.top - 7, "right"))
    else:
        it.append(text_item(m, f"{c.owner.gazette}　{c.label}", "hei", 8.5, left, g.top - 7))
    it += [hline(left, g.top - 5.5, left + w, 0.35), text_item(m, f"— {folio} —", "song", 9, g.w / 2, g.h - 10, "center")]
    return it


def deco_hekan(c: Ctx, m: Measurer, p: Pg, folio: int, g: Geo) -> list[Item]:
    """No head; foot: ·N· centred, issue (合刊) at the outer foot in grey."""
    odd = folio % 2 == 1
    left, w = g.frame(folio)
    return [text_item(m, f"·{folio}·", "song", 10, g.w / 2, g.h - 11, "center"),
            text_item(m, f"{c.owner.gazette}　{c.label}{'（合刊）' if c.number2 else ''}", "hei", 7.5,
                      left + w if odd else left, g.h - 11, "right" if odd else "left", GREY)]


def deco_red(c: Ctx, m: Measurer, p: Pg, folio: int, g: Geo) -> list[Item]:
    """Head (not mirrored): gazette name left, folio right in the head, red rule below; no foot."""
    left, w = g.frame(folio)
    return [text_item(m, c.owner.gazette, "hei", 9, left, g.top - 7, "left", RED),
            text_item(m, c.label, "hei", 9, left + w / 2, g.top - 7, "center", GREY),
            text_item(m, str(folio), "bhei", 11, left + w, g.top - 7, "right", RED),
            hline(left, g.top - 5, left + w, 0.8, RED)]


def deco_npc(c: Ctx, m: Measurer, p: Pg, folio: int, g: Geo) -> list[Item]:
    """Section name centred in the head between two short rules; folio －N－ at the outer foot."""
    odd = folio % 2 == 1
    left, w = g.frame(folio)
    sec = p.sections[0] if p.sections else ""
    it = [text_item(m, sec, "kai", 10, left + w / 2, g.top - 7, "center"),
          hline(left, g.top - 4.5, left + w, 0.25)]
    if sec:
        sw = m.width(sec, "kai", 10)
        it += [hline(left + w / 2 - sw / 2 - 16, g.top - 8.2, left + w / 2 - sw / 2 - 3, 0.25),
               hline(left + w / 2 + sw / 2 + 3, g.top - 8.2, left + w / 2 + sw / 2 + 16, 0.25)]
    it.append(text_item(m, f"－{folio}－", "song", 10, left + w if odd else left, g.h - 12, "right" if odd else "left"))
    return it


def deco_label(c: Ctx, m: Measurer, p: Pg, folio: int, g: Geo) -> list[Item]:
    """No head; foot rule, gazette name at the inner, ·N· at the outer foot."""
    odd = folio % 2 == 1
    left, w = g.frame(folio)
    y = g.h - 14
    return [hline(left, y - 4.5, left + w, 0.3),
            text_item(m, f"{c.owner.gazette}", "kai", 9, left if odd else left + w, y, "left" if odd else "right"),
            text_item(m, f"· {folio} ·", "hei", 10, left + w if odd else left, y, "right" if odd else "left")]


def divider_page(name: str, m: Measurer, g: Geo) -> list[Item]:
    """栏目页: only the section name, big, between ornaments (belongs to no document)."""
    cx, cy = g.w / 2, g.h * 0.42
    sp = "　".join(name) if len(name) <= 4 else name
    return [hline(cx - 40, cy - 16, cx + 40, 0.4, RED), text_item(m, sp, "bhei", 28, cx, cy, "center", RED),
            hline(cx - 40, cy + 8, cx + 40, 0.4, RED), text_item(m, "◆", "song", 10, cx, cy + 18, "center", RED)]


# -- 目录 ------------------------------------------------------------------------------------
@dataclass
class Entry:
    section: str | None
    title: str
    doc_number: str | None
    issuer: str | None
    date: str | None
    folio: int


def _rows_text(m, t, st, x0, width, first_extra=None):
    """Simple left-aligned wrapped text rows for the 目录 (x0 = left offset)."""
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    lines = break_lines(t, width, width, wfn)
    return lines


def _mk_row(h: float, gap: float, keep: bool, fn) -> Row:
    return Row(h, gap, keep, fn)


def toc_rows(style: str, m: Measurer, entries: list[Entry], width: float, c: Ctx) -> list[list[Row]]:
    """Row groups (one per section head / entry) for a 目录 style."""
    groups: list[list[Row]] = []
    if style == "twocol":
        st = Style("song", 9.5, 1.55)
        ds = Style("song", 8, 1.45, color=GREY)
        hs = Style("bhei", 10.5, 1.7)
        for e in entries:
            if e.section:
                groups.append([_mk_row(hs.line_h, 2.5, True, lambda it, x, y, w, s=e.section: it.append(
                    text_item(m, f"◆ {s}", hs.font, hs.size, x, y + hs.line_h * 0.7, "left", RED)))])
            num = str(e.folio)
            nw = m.width(num, st.font, st.size)
            lines = break_lines(e.title, width - nw - 4, width - nw - 4 - 3.4, lambda s: m.width(s, st.font, st.size))
            g = []
            for i, t in enumerate(lines):
                last = i == len(lines) - 1

                def fn(it, x, y, w, t=t, i=i, last=last, num=num):
                    it.append(Item("text", x + (3.4 if i else 0), y + st.line_h * 0.7, t, st.font, st.size))
                    if last:
                        it.append(text_item(m, num, st.font, st.size, x + w, y + st.line_h * 0.7, "right"))
                g.append(_mk_row(st.line_h, 1.2 if i == 0 else 0, True, fn))
            if e.doc_number:
                g.append(_mk_row(ds.line_h, 0, True, lambda it, x, y, w, d=e.doc_number: it.append(
                    Item("text", x + 3.4, y + ds.line_h * 0.7, d, ds.font, ds.size, GREY))))
            g[-1].keep = False
            groups.append(g)
    elif style == "pageleft":
        st = Style("hei", 10.5, 1.6)
        ds = Style("hei", 8.5, 1.45, color=GREY)
        hs = Style("bhei", 11, 1.9)
        for e in entries:
            if e.section:
                def fn(it, x, y, w, s=e.section):
                    it.append(rect(x, y + 1, w, hs.line_h - 1.5, RED))
                    it.append(Item("text", x + 3, y + hs.line_h * 0.68, s, hs.font, hs.size, (255, 255, 255)))
                groups.append([_mk_row(hs.line_h, 3, True, fn)])
            col = 14
            lines = break_lines(e.title, width - col, width - col, lambda s: m.width(s, st.font, st.size))
            g = []
            for i, t in enumerate(lines):
                def fn(it, x, y, w, t=t, i=i, e=e):
                    if i == 0:
                        it.append(text_item(m, str(e.folio), "bhei", st.size, x + col - 4, y + st.line_h * 0.7, "right", RED))
                    it.append(Item("text", x + col, y + st.line_h * 0.7, t, st.font, st.size))
                g.append(_mk_row(st.line_h, 1.5 if i == 0 else 0, True, fn))
            if e.doc_number:
                g.append(_mk_row(ds.line_h, 0, True, lambda it, x, y, w, d=e.doc_number: it.append(
                    Item("text", x + col, y + ds.line_h * 0.7, d, ds.font, ds.size, GREY))))
            g[-1].keep = False
            groups.append(g)
    elif style == "issuer_first":
        st = Style("song", 11, 1.7)
        hs = Style("bhei", 12, 1.9)
        ds = Style("kai", 9.5, 1.5)
        for e in entries:
            if e.section:
                groups.append([_mk_row(hs.line_h, 3, True, lambda it, x, y, w, s=e.section: it.append(
                    text_item(m, f"〖{s}〗", hs.font, hs.size, x, y + hs.line_h * 0.7)))])
            iss = e.issuer.replace("、", "　") if e.issuer else ""
            rest = e.title[len(e.issuer):] if e.issuer and e.title.startswith(e.issuer) else e.title
            num = str(e.folio)
            nw = m.width(num, st.font, st.size)
            iw = m.width(iss + "　", "hei", st.size) if iss else 0.0
            avail = width - nw - 8
            lines = break_lines(rest, avail - iw, avail - 2 * st.size * PT, lambda s: m.width(s, st.font, st.size))
            g = []
            for i, t in enumerate(lines):
                last = i == len(lines) - 1

                def fn(it, x, y, w, t=t, i=i, last=last, iss=iss, iw=iw, num=num, nw=nw):
                    b = y + st.line_h * 0.7
                    if i == 0 and iss:
                        it.append(Item("text", x, b, iss + "　", "hei", st.size))
                    tx = x + (iw if i == 0 else 2 * st.size * PT)
                    it.append(Item("text", tx, b, t, st.font, st.size))
                    if last:
                        end = tx + m.width(t, st.font, st.size) + 1
                        lw = m.width("…", st.font, st.size)
                        n = max(2, math.floor((x + w - nw - 1 - end) / lw))
                        it.append(Item("text", end, b, "…" * n, st.font, st.size))
                        it.append(text_item(m, num, st.font, st.size, x + w, b, "right"))
                g.append(_mk_row(st.line_h, 1.5 if i == 0 else 0, True, fn))
            if e.doc_number:
                g.append(_mk_row(ds.line_h, 0, True, lambda it, x, y, w, d=e.doc_number: it.append(
                    Item("text", x + 2 * st.size * PT, y + ds.line_h * 0.7, d, ds.font, ds.size))))
            g[-1].keep = False
            groups.append(g)
    elif style == "centred_sections":
        st = Style("song", 11, 1.7)
        hs = Style("kai", 13, 2.1)
        for e in entries:
            if e.section:
                def fn(it, x, y, w, s=e.section):
                    sw = m.width(s, hs.font, hs.size)
                    b = y + hs.line_h * 0.68
                    it.append(text_item(m, s, hs.font, hs.size, x + w / 2, b, "center"))
                    it.append(hline(x + 10, b - 1.6, x + w / 2 - sw / 2 - 4, 0.5))
                    it.append(hline(x + w / 2 + sw / 2 + 4, b - 1.6, x + w - 10, 0.5))
                groups.append([_mk_row(hs.line_h, 3, True, fn)])
            col = 13
            lines = break_lines(e.title, width - col, width - col, lambda s: m.width(s, st.font, st.size))
            g = []
            for i, t in enumerate(lines):
                def fn(it, x, y, w, t=t, i=i, e=e):
                    b = y + st.line_h * 0.7
                    if i == 0:
                        it.append(text_item(m, str(e.folio), "hei", st.size, x + col - 5, b, "right"))
                        it.append(vline(x + col - 2.5, y + 1, y + st.line_h - 0.5, 0.3))
                    it.append(Item("text", x + col, b, t, st.font, st.size))
                g.append(_mk_row(st.line_h, 2 if i == 0 else 0, True, fn))
            if e.date:
                g.append(_mk_row(st.line_h * 0.85, 0, True, lambda it, x, y, w, d=e.date: it.append(
                    Item("text", x + col, y + st.line_h * 0.6, d, "kai", 9.5, GREY))))
            g[-1].keep = False
            groups.append(g)
    else:  # dated
        st = Style("hei", 10.5, 1.7)
        hs = Style("bhei", 11.5, 1.9)
        for e in entries:
            if e.section:
                groups.append([_mk_row(hs.line_h, 3, True, lambda it, x, y, w, s=e.section: it.append(
                    Item("text", x, y + hs.line_h * 0.7, f"【{s}】", hs.font, hs.size)))])
            num = str(e.folio)
            nw = m.width(num, st.font, st.size)
            full = e.title + (f"（{e.date}）" if e.date else "")
            avail = width - nw - 10
            lines = break_lines(full, avail, avail - st.size * PT, lambda s: m.width(s, st.font, st.size))
            g = []
            for i, t in enumerate(lines):
                last = i == len(lines) - 1

                def fn(it, x, y, w, t=t, i=i, last=last, num=num, nw=nw):
                    b = y + st.line_h * 0.7
                    tx = x + 2 + (st.size * PT if i else 0)
                    it.append(Item("text", tx, b, t, st.font, st.size))
                    if last:
                        end = tx + m.width(t, st.font, st.size) + 1
                        lw = m.width("．", st.font, st.size)
                        n = max(2, math.floor((x + w - nw - 1 - end) / lw))
                        it.append(Item("text", end, b, "．" * n, st.font, st.size, GREY))
                        it.append(text_item(m, num, st.font, st.size, x + w, b, "right"))
                g.append(_mk_row(st.line_h, 1.3 if i == 0 else 0, True, fn))
            g[-1].keep = False
            groups.append(g)
    return groups


def toc_pages(style: str, heading: list[Item], m: Measurer, entries: list[Entry], geo: Geo, c: Ctx,
              columns: int = 1, head_h: float = 22) -> list[Pg]:
    """Lay the 目录 out on unnumbered pages (one or two columns)."""
    pages: list[Pg] = []
    gap = 7.0
    full = geo.w - geo.inner - geo.outer
    cw = (full - gap * (columns - 1)) / columns
    groups = toc_rows(style, m, entries, cw, c)
    col, y = 0, 0.0

    def new():
        nonlocal col, y
        pages.append(Pg("toc"))
        if len(pages) == 1:
            pages[-1].items += heading
        col, y = 0, geo.top + (head_h if len(pages) == 1 else 0)
    new()
    i = 0
    while i < len(groups):
        chain = [groups[i]]
        while len(chain[-1]) == 1 and chain[-1][0].keep and i + len(chain) < len(groups):
            chain.append(groups[i + len(chain)])   # section head stays with its first entry
        h = sum(r.h + r.gap for g in chain for r in g)
        if y + h > geo.bottom:
            col += 1
            if col >= columns:
                new()
            else:
                y = geo.top + (head_h if len(pages) == 1 else 0)
        x = geo.inner + col * (cw + gap)
        for g in chain:
            for r in g:
                y += r.gap
                r.draw(pages[-1].items, x, y, cw)
                y += r.h
        i += len(chain)
    if columns == 2:
        for pg in pages:
            pg.items.append(vline(geo.inner + cw + gap / 2, geo.top + (head_h if pg is pages[0] else 0), geo.bottom, 0.2))
    return pages
