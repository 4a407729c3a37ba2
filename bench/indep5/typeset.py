"""Page geometry of any size, line/row flow into one or two columns, fpdf2 rendering.

A document is a list of blocks (paragraphs, pair lines, ruled tables, rules, spaces,
page breaks).  ``Flow`` turns blocks into positioned items on pages and records, for
every page, which documents touch it (for pdf_pages) and the first document on it
(for running feet that print the current title).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace

from fpdf import FPDF

from bench.indep.layout import FONT_FILES, PT, Measurer, break_lines

logging.getLogger("fontTools").setLevel(logging.ERROR)
logging.getLogger("fpdf").setLevel(logging.ERROR)

__all__ = ["PT", "Measurer", "Style", "Item", "Page", "Geo", "Flow", "render", "FONT_FILES"]


@dataclass(frozen=True)
class Style:
    font: str = "song"
    size: float = 10.5
    leading: float = 1.6
    align: str = "left"           # left | center | right
    indent: float = 0.0           # first-line indent (chars)
    left: float = 0.0             # all lines (chars)
    right: float = 0.0            # right indent (chars)
    before: float = 0.0           # mm
    after: float = 0.0            # mm
    keep: bool = False            # keep with next block
    color: tuple[int, int, int] = (0, 0, 0)
    max_width: float = 0.0        # >0: wrap at this fraction of the frame (balanced), centred block
    hang: float = 0.0             # later lines indented by this many chars

    @property
    def line_h(self) -> float:
        return self.size * PT * self.leading

    @property
    def em(self) -> float:
        return self.size * PT


@dataclass
class Item:
    kind: str                     # text | line | rect
    x: float
    y: float
    text: str = ""
    font: str = "song"
    size: float = 10.5
    color: tuple[int, int, int] = (0, 0, 0)
    x2: float = 0.0
    y2: float = 0.0
    width: float = 0.3
    fill: bool = False


@dataclass
class Page:
    role: str                     # cover | toc | body | back
    items: list[Item] = field(default_factory=list)
    docs: list[int] = field(default_factory=list)       # documents with a line on this page
    sections: list[str] = field(default_factory=list)
    folio: int | None = None


@dataclass(frozen=True)
class Geo:
    """Page size and text frame; ``inner``/``outer`` margins mirror on even pages if ``mirror``."""

    w: float = 210.0
    h: float = 297.0
    top: float = 28.0
    bottom: float = 272.0
    inner: float = 25.0
    outer: float = 25.0
    columns: int = 1
    gap: float = 7.0
    mirror: bool = False

    @property
    def width(self) -> float:
        return self.w - self.inner - self.outer

    @property
    def col_w(self) -> float:
        return (self.width - self.gap * (self.columns - 1)) / self.columns

    def left(self, folio: int) -> float:
        if self.mirror and folio % 2 == 0:
            return self.outer
        return self.inner


@dataclass
class Row:
    """One unbreakable unit of flow: a text line, a table row or a rule."""

    h: float
    gap: float
    keep: bool
    doc: int | None
    section: str | None
    draw: list                    # (dx, dy, Item-template) relative to column x / row top
    is_text: bool = True


def _wrap(text: str, st: Style, width: float, m: Measurer) -> tuple[list[str], float, float]:
    """Lines of a paragraph, available width and left offset."""
    em = st.em
    avail = width - (st.left + st.right) * em
    off = st.left * em
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    raw = break_lines(text, avail - st.indent * em, avail - st.hang * em, wfn)
    if st.max_width:
        avail = min(avail, width * st.max_width)
        off = (width - avail) / 2
        raw = break_lines(text, avail - st.indent * em, avail, wfn)
        if len(raw) > 1:
            lo, hi = wfn(text) / len(raw), avail
            for _ in range(14):
                mid = (lo + hi) / 2
                if len(break_lines(text, mid, mid, wfn)) > len(raw):
                    lo = mid
                else:
                    hi = mid
            raw = break_lines(text, hi, hi, wfn)
    return raw, avail, off


def para_rows(text: str, st: Style, width: float, m: Measurer, doc: int | None, sec: str | None,
              forced: list[str] | None = None) -> list[Row]:
    """Rows of one paragraph (``forced``: the printed lines, when the caller broke them)."""
    if forced is not None:
        lines, avail, off = forced, width - (st.left + st.right) * st.em, st.left * st.em
    else:
        lines, avail, off = _wrap(text, st, width, m)
    rows: list[Row] = []
    for i, t in enumerate(lines):
        w = m.width(t, st.font, st.size)
        if st.align == "center":
            dx = off + (avail - w) / 2
        elif st.align == "right":
            dx = off + avail - w
        else:
            dx = off + (st.indent * st.em if i == 0 else st.hang * st.em)
        last = i == len(lines) - 1
        keep = st.keep if last else True if i == 0 else (i < len(lines) - 2 or True)
        base = st.line_h / 2 + 0.36 * st.em
        rows.append(Row(st.line_h, st.before if i == 0 else 0.0, keep if not last else st.keep, doc, sec,
                        [(dx, base, Item("text", 0, 0, t, st.font, st.size, st.color))]))
    # widow/orphan: a paragraph of >=3 lines may break only after its 2nd line and before its last 2
    n = len(rows)
    for i, r in enumerate(rows[:-1]):
        r.keep = not (n >= 4 and 1 <= i <= n - 3)
    if rows:
        rows[-1].keep = st.keep
    if st.after and rows:
        rows[-1].h += st.after
    return rows


def pair_rows(left: str, right: str, st: Style, width: float, m: Measurer, doc, sec,
              left_x: float = 0.0) -> list[Row]:
    """One line: ``left`` at ``left_x`` and ``right`` flush right (minus st.right)."""
    wr = m.width(right, st.font, st.size)
    x_r = width - st.right * st.em - wr
    base = st.line_h / 2 + 0.36 * st.em
    it = [(left_x + st.left * st.em, base, Item("text", 0, 0, left, st.font, st.size, st.color)),
          (x_r, base, Item("text", 0, 0, right, st.font, st.size, st.color))]
    return [Row(st.line_h + st.after, st.before, st.keep, doc, sec, it)]


def table_rows(rows: list[list[str]], fracs: list[float], st: Style, width: float, m: Measurer,
               doc, sec, head_font: str | None = None) -> list[Row]:
    """A ruled table: one Row per table row, cells wrapped, rules drawn around every cell."""
    out: list[Row] = []
    pad = 1.2
    xs = [0.0]
    for f in fracs:
        xs.append(xs[-1] + f * width)
    for ri, cells in enumerate(rows):
        font = head_font if (ri == 0 and head_font) else st.font
        wrapped = []
        for ci, c in enumerate(cells):
            cw = xs[ci + 1] - xs[ci] - 2 * pad
            wfn = lambda s, f=font: m.width(s, f, st.size)  # noqa: E731
            wrapped.append(break_lines(c, cw, cw, wfn) if c else [])
        nl = max(1, max(len(w) for w in wrapped))
        h = nl * st.line_h + 2 * pad
        draw = []
        for ci, lines in enumerate(wrapped):
            cw = xs[ci + 1] - xs[ci] - 2 * pad
            for li, t in enumerate(lines):
                w = m.width(t, font, st.size)
                dx = xs[ci] + pad + ((cw - w) / 2 if (ri == 0 or len(lines) == 1) else 0.0)
                draw.append((dx, pad + li * st.line_h + st.line_h / 2 + 0.36 * st.em,
                             Item("text", 0, 0, t, font, st.size, st.color)))
        # rules: top (first row), bottom, verticals
        if ri == 0:
            draw.append((0, 0, Item("line", 0, 0, x2=width, y2=0, width=0.35)))
        draw.append((0, h, Item("line", 0, 0, x2=width, y2=0, width=0.35 if ri < len(rows) - 1 else 0.5)))
        for x in xs:
            draw.append((x, 0, Item("line", 0, 0, x2=0, y2=h, width=0.3, fill=True)))
        out.append(Row(h, st.before if ri == 0 else 0.0, ri == 0, doc, sec, draw))
    return out


def rule_row(frac: float, width: float, h: float, color=(0, 0, 0), lw: float = 0.4, align: str = "center",
             doc=None, sec=None) -> Row:
    ln = width * frac
    x0 = (width - ln) / 2 if align == "center" else 0.0
    return Row(h, 0.0, False, doc, sec, [(x0, h / 2, Item("line", 0, 0, x2=ln, y2=0, width=lw, color=color))],
               is_text=False)


class Flow:
    """Places rows into the columns of successive pages."""

    def __init__(self, geo: Geo, first_folio: int, role: str = "body"):
        self.geo, self.first_folio, self.role = geo, first_folio, role
        self.pages: list[Page] = []
        self.doc_pages: dict[int, list[int]] = {}
        self.first_doc: dict[int, int] = {}           # page index -> first doc starting/continuing on it
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append(Page(self.role))
        self.col = 0
        self.y = self.geo.top

    @property
    def folio(self) -> int:
        return self.first_folio + len(self.pages) - 1

    def at_top(self) -> bool:
        return self.y <= self.geo.top + 0.01

    def page_empty(self) -> bool:
        return self.col == 0 and self.at_top()

    def next_col(self) -> None:
        if self.col + 1 < self.geo.columns:
            self.col += 1
            self.y = self.geo.top
        else:
            self._new_page()

    def page_break(self) -> None:
        if not self.page_empty():
            self._new_page()

    def col_x(self) -> float:
        return self.geo.left(self.folio) + self.col * (self.geo.col_w + self.geo.gap)

    def room(self) -> float:
        return self.geo.bottom - self.y

    def place(self, rows: list[Row]) -> None:
        i = 0
        while i < len(rows):
            j = i
            while j < len(rows) - 1 and rows[j].keep:
                j += 1
            chain = rows[i:j + 1]
            need = sum(r.h + r.gap for r in chain) - (chain[0].gap if self.at_top() else 0)
            if self.y + need > self.geo.bottom + 0.01 and not self.at_top():
                self.next_col()
            for r in chain:
                gap = 0.0 if self.at_top() else r.gap
                if self.y + gap + r.h > self.geo.bottom + 0.01 and not self.at_top():
                    self.next_col()
                    gap = 0.0
                self.y += gap
                self._put(r)
                self.y += r.h
            i = j + 1

    def skip(self, mm: float) -> None:
        if not self.at_top():
            self.y = min(self.y + mm, self.geo.bottom)

    def _put(self, r: Row) -> None:
        pg = self.pages[-1]
        x0 = self.col_x()
        for dx, dy, t in r.draw:
            if t.kind in ("text", "rect"):
                pg.items.append(replace(t, x=x0 + dx, y=self.y + dy))
            else:  # lines: x2/y2 relative lengths
                pg.items.append(replace(t, x=x0 + dx, y=self.y + dy, x2=x0 + dx + t.x2, y2=self.y + dy + t.y2,
                                        fill=False))
        k = len(self.pages) - 1
        if r.section and r.section not in pg.sections:
            pg.sections.append(r.section)
        if r.doc is not None and r.is_text:
            self.doc_pages.setdefault(r.doc, []).append(k + 1)
            if r.doc not in pg.docs:
                pg.docs.append(r.doc)


def render(pages: list[Page], geo_sizes: list[tuple[float, float]], fonts: set[str], when: dt.date,
           title: str, subject: str, keywords: str) -> bytes:
    pdf = FPDF(unit="mm", format=geo_sizes[0])
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(dt.datetime(when.year, when.month, when.day, 9, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_keywords(keywords)
    pdf.set_author("synthetic (bench.indep5)")
    pdf.set_creator("bench.indep5")
    pdf.set_producer("bench.indep5 / fpdf2")
    pdf.set_lang("zh-CN")
    for f in sorted(fonts):
        path, idx = FONT_FILES[f]
        pdf.add_font(f, fname=path, collection_font_number=idx)
    for pg, size in zip(pages, geo_sizes):
        pdf.add_page(format=size)
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
                    pdf.set_line_width(it.width)
                    pdf.rect(it.x, it.y, it.x2, it.y2, style="D")
    return bytes(pdf.output())
