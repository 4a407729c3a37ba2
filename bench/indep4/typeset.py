"""Page geometry of any size, rows (text lines, pair lines, table rows, rules), flow, render.

Text is broken with bench.indep.layout's CJK line breaker; paragraphs may carry forced
break positions (titles broken inside a word, wrap traps).  Everything a page shows is an
``Item`` of bench.indep.layout, drawn in row order, so the PDF content stream follows the
reading order.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from typing import Callable

from fpdf import FPDF

from bench.indep.layout import FONT_FILES, PT, Item, Measurer, Style, break_lines

logging.getLogger("fontTools").setLevel(logging.ERROR)
logging.getLogger("fpdf").setLevel(logging.ERROR)

RED = (190, 20, 25)
GREY = (105, 105, 105)


@dataclass
class Geo:
    """Page size and text frame (mm)."""

    w: float
    h: float
    top: float
    bottom: float
    inner: float
    outer: float
    mirror: bool = True

    def frame(self, folio: int) -> tuple[float, float]:
        odd = folio % 2 == 1
        left = self.inner if (odd or not self.mirror) else self.outer
        return left, self.w - self.inner - self.outer


@dataclass
class Row:
    """A horizontal slice of the text frame: height, space above, draw function."""

    h: float
    gap: float
    keep: bool
    draw: Callable[[list, float, float, float], None]   # (items, x_left, y_top, width)
    doc: int | None = None
    section: str | None = None


@dataclass
class Pg:
    role: str                                  # cover | toc | body | divider
    items: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    folio: int | None = None
    docs: list = field(default_factory=list)


def text_item(m: Measurer, s: str, font: str, size: float, x: float, y: float, align: str = "left",
              color=(0, 0, 0)) -> Item:
    w = m.width(s, font, size)
    x0 = x - w / 2 if align == "center" else x - w if align == "right" else x
    return Item("text", x0, y, s, font, size, color)


def hline(x1: float, y: float, x2: float, width: float = 0.3, color=(0, 0, 0)) -> Item:
    return Item("line", x1, y, x2=x2, y2=y, width=width, color=color)


def vline(x: float, y1: float, y2: float, width: float = 0.3, color=(0, 0, 0)) -> Item:
    return Item("line", x, y1, x2=x, y2=y2, width=width, color=color)


def rect(x: float, y: float, w: float, h: float, color=(0, 0, 0), fill: bool = True) -> Item:
    return Item("rect", x, y, x2=w, y2=h, color=color, fill=fill)


def _baseline(y_top: float, st: Style) -> float:
    return y_top + st.line_h / 2 + 0.36 * st.size * PT


def break_para(text: str, st: Style, width: float, m: Measurer, breaks: tuple[int, ...] = ()) -> list[tuple[str, float]]:
    """(line text, dx) pairs; ``breaks`` are forced break positions (character offsets)."""
    em = st.size * PT
    avail = width - (st.left + st.right) * em
    off = st.left * em
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    if st.max_width:
        avail = min(avail, width * st.max_width)
        off = (width - avail) / 2
    segs, last = [], 0
    for b in list(breaks) + [len(text)]:
        segs.append(text[last:b])
        last = b
    raw: list[str] = []
    for k, seg in enumerate(segs):
        first = avail - st.indent * em if k == 0 else avail
        raw += break_lines(seg, first, avail, wfn)
    if st.max_width and not breaks and len(raw) > 1:
        lo, hi = wfn(text) / len(raw), avail
        for _ in range(14):
            mid = (lo + hi) / 2
            if len(break_lines(text, mid - st.indent * em, mid, wfn)) > len(raw):
                lo = mid
            else:
                hi = mid
        raw = break_lines(text, hi - st.indent * em, hi, wfn)
    out = []
    for i, t in enumerate(raw):
        w = wfn(t)
        if st.align == "center":
            dx = off + (avail - w) / 2
        elif st.align == "right":
            dx = off + avail - w
        else:
            dx = off + (st.indent * em if i == 0 else 0.0)
        out.append((t, dx))
    return out


def text_rows(m: Measurer, text: str, st: Style, width: float, doc: int | None, section: str | None,
              breaks: tuple[int, ...] = ()) -> list[Row]:
    rows = []
    lines = break_para(text, st, width, m, breaks)
    for i, (t, dx) in enumerate(lines):
        last = i == len(lines) - 1
        keep = (st.keep or (i == 0 and len(lines) > 1)) if not last else st.keep

        def draw(items, x, y, w, t=t, dx=dx):
            items.append(Item("text", x + dx, _baseline(y, st), t, st.font, st.size, st.color))
        rows.append(Row(st.line_h, st.before if i == 0 else 0.0, keep, draw, doc, section))
    return rows


def pair_rows(m: Measurer, left: str, right: str, st: Style, width: float, doc, section) -> list[Row]:
    """One line: ``left`` at the left indent, ``right`` flush right (版记 印发 line, two-organ block)."""
    em = st.size * PT

    def draw(items, x, y, w):
        b = _baseline(y, st)
        items.append(Item("text", x + st.left * em, b, left, st.font, st.size, st.color))
        items.append(text_item(m, right, st.font, st.size, x + w - st.right * em, b, "right", st.color))
    return [Row(st.line_h, st.before, st.keep, draw, doc, section)]


def rule_rows(st: Style, frac: float, doc, section, color=(0, 0, 0), width: float = 0.35,
              align: str = "center", double: bool = False) -> list[Row]:
    def draw(items, x, y, w):
        lw = w * frac
        x0 = x + (w - lw) / 2 if align == "center" else x
        yy = y + st.line_h / 2
        items.append(hline(x0, yy, x0 + lw, width, color))
        if double:
            items.append(hline(x0, yy + 0.9, x0 + lw, width / 3, color))
    return [Row(st.line_h, st.before, st.keep, draw, doc, section)]


def table_rows(m: Measurer, rows: list[list[str]], st: Style, width: float, fracs: list[float], doc,
               section) -> list[Row]:
    """Ruled table; cell text on one line, centred; the header row is bold (hei)."""
    h = st.line_h * 1.25
    out: list[Row] = []
    for r, cells in enumerate(rows):
        last = r == len(rows) - 1
        font = "hei" if r == 0 else st.font

        def draw(items, x, y, w, cells=cells, last=last, font=font):
            xs = [x]
            for f in fracs:
                xs.append(xs[-1] + w * f)
            items.append(hline(x, y, x + w, 0.3))
            b = y + h / 2 + 0.36 * st.size * PT
            for c, txt in enumerate(cells):
                cw = xs[c + 1] - xs[c]
                tw = m.width(txt, font, st.size)
                dx = (cw - tw) / 2 if tw < cw - 1 else 0.5
                items.append(Item("text", xs[c] + dx, b, txt, font, st.size, (0, 0, 0)))
            for xx in xs:
                items.append(vline(xx, y, y + h, 0.3))
            if last:
                items.append(hline(x, y + h, x + w, 0.3))
        out.append(Row(h, st.before if r == 0 else 0.0, r == 0, draw, doc, section))
    return out


class Flow:
    """Single-column flow of rows over body pages of one geometry."""

    def __init__(self, geo: Geo, first_folio: int, role: str = "body", pages: list[Pg] | None = None):
        self.geo = geo
        self.first_folio = first_folio
        self.role = role
        self.pages: list[Pg] = pages if pages is not None else []
        self.doc_pages: dict[int, list[int]] = {}
        self.y = 0.0
        self.new_page()

    def new_page(self, role: str | None = None) -> None:
        self.pages.append(Pg(role or self.role))
        self.y = self.geo.top

    @property
    def folio(self) -> int:
        return self.first_folio + len(self.pages) - 1

    def at_top(self) -> bool:
        return self.y <= self.geo.top + 0.01

    def page_break(self) -> None:
        if not self.at_top():
            self.new_page()

    def room(self) -> float:
        return self.geo.bottom - self.y

    def _put(self, row: Row) -> None:
        pg = self.pages[-1]
        x, w = self.geo.frame(self.folio)
        row.draw(pg.items, x, self.y, w)
        if row.section and row.section not in pg.sections:
            pg.sections.append(row.section)
        if row.doc is not None:
            self.doc_pages.setdefault(row.doc, []).append(len(self.pages))
            if row.doc not in pg.docs:
                pg.docs.append(row.doc)

    def place(self, rows: list[Row], min_after: float = 0.0) -> None:
        i = 0
        while i < len(rows):
            j = i
            while j < len(rows) - 1 and rows[j].keep:
                j += 1
            chain = rows[i:j + 1]
            need = sum(r.h + r.gap for r in chain) - (chain[0].gap if self.at_top() else 0)
            if j == len(rows) - 1 and rows[j].keep:
                need += min_after
            if self.y + need > self.geo.bottom + 0.01 and not self.at_top():
                self.new_page()
            for r in chain:
                gap = 0.0 if self.at_top() else r.gap
                if self.y + gap + r.h > self.geo.bottom + 0.01:
                    self.new_page()
                    gap = 0.0
                self.y += gap
                self._put(r)
                self.y += r.h
            i = j + 1


def render(pages: list[Pg], geo: Geo, fonts: set[str], when: dt.date, title: str, subject: str) -> bytes:
    pdf = FPDF(unit="mm", format=(geo.w, geo.h))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(dt.datetime(when.year, when.month, when.day, 9, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_keywords("synthetic; evaluation; bench.indep4")
    pdf.set_creator("bench.indep4")
    pdf.set_producer("bench.indep4 / fpdf2")
    pdf.set_lang("zh-CN")
    for f in sorted(fonts):
        path, idx = FONT_FILES[f]
        pdf.add_font(f, fname=path, collection_font_number=idx)
    for pg in pages:
        pdf.add_page()
        for it in pg.items:
            if it.kind == "text":
                if not it.text:
                    continue
                pdf.set_font(it.font, size=it.size)
                pdf.set_text_color(*it.color)
                pdf.text(it.x, it.y, it.text)
            elif it.kind == "line":
                pdf.set_draw_color(*it.color)
                pdf.set_line_width(it.width)
                pdf.line(it.x, it.y, it.x2, it.y2)
            elif it.kind == "rect":
                if it.fill:
                    pdf.set_fill_color(*it.color)
                    pdf.rect(it.x, it.y, it.x2, it.y2, style="F")
                else:
                    pdf.set_draw_color(*it.color)
                    pdf.set_line_width(0.5)
                    pdf.rect(it.x, it.y, it.x2, it.y2, style="D")
    return bytes(pdf.output())


def sty(**kw) -> Style:
    return Style(**kw)


__all__ = ["Geo", "Row", "Pg", "Flow", "Style", "Measurer", "replace", "PT", "RED", "GREY", "text_item", "hline",
           "vline", "rect", "text_rows", "pair_rows", "rule_rows", "table_rows", "break_para", "render"]
