"""A small, self-contained page-layout engine (mm units, A4).

Paragraphs are broken into lines with CJK line-breaking rules, then flowed into
one or two columns; full-width ("span") blocks such as titles interrupt a two-column
flow after the columns above them are balanced.  Nothing is drawn here: the result
is a list of pages holding positioned text items and rules, drawn later by render.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from fpdf import FPDF

PT = 0.3528  # mm per point
PAGE_W, PAGE_H = 210.0, 297.0
NO_START = set("，。、；：？！）》」』”’】〕…—·%,.;:!?)]〉")
NO_END = set("（《「『“‘【〔(〈")

FONT_FILES = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "bhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}


@dataclass(frozen=True)
class Style:
    """Paragraph style."""

    font: str = "song"
    size: float = 10.5            # pt
    leading: float = 1.6          # line height / font size
    align: str = "left"           # left | center | right
    indent: float = 0.0           # first-line indent, in characters
    left: float = 0.0             # left indent (all lines), in characters
    right: float = 0.0            # right indent, in characters
    before: float = 0.0           # space before, mm
    after: float = 0.0            # space after, mm
    keep: bool = False            # keep with next paragraph
    span: bool = False            # full width in a multi-column flow
    color: tuple[int, int, int] = (0, 0, 0)
    max_width: float = 0.0        # if >0, wrap at this fraction of the frame width (centred)

    @property
    def line_h(self) -> float:
        return self.size * PT * self.leading


@dataclass
class Item:
    """Something drawn on a page: text (kind='text') or a rule (kind='line'/'rect')."""

    kind: str
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
    """One output page."""

    role: str                       # cover | toc | body
    items: list[Item] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    folio: int | None = None


class Measurer:
    """String widths (mm) from the real font metrics, cached per character."""

    def __init__(self, fonts: set[str]):
        self.pdf = FPDF(unit="mm", format="A4")
        for f in sorted(fonts):
            path, idx = FONT_FILES[f]
            self.pdf.add_font(f, fname=path, collection_font_number=idx)
        self.cache: dict[tuple[str, float, str], float] = {}

    def width(self, text: str, font: str, size: float) -> float:
        total = 0.0
        for ch in text:
            key = (font, size, ch)
            w = self.cache.get(key)
            if w is None:
                self.pdf.set_font(font, size=size)
                w = self.cache[key] = self.pdf.get_string_width(ch)
            total += w
        return total


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for ch in text:
        if out and ch.isascii() and ch.isalnum() and out[-1][-1].isascii() and out[-1][-1].isalnum():
            out[-1] += ch
        else:
            out.append(ch)
    return out


def break_lines(text: str, first: float, rest: float, wfn: Callable[[str], float]) -> list[str]:
    """Greedy CJK line breaking; closing punctuation may hang, opening marks never end a line."""
    lines: list[str] = []
    cur, cur_w, limit = "", 0.0, first
    for tok in _tokens(text):
        w = wfn(tok)
        if cur and cur_w + w > limit + 0.01:
            if tok[0] in NO_START and len(tok) == 1:
                cur += tok
                lines.append(cur)
                cur, cur_w, limit = "", 0.0, rest
                continue
            carry = ""
            while cur and cur[-1] in NO_END:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur, cur_w, limit = carry, wfn(carry), rest
        cur += tok
        cur_w += w
    if cur or not lines:
        lines.append(cur)
    return [l for l in lines if l] or [""]


@dataclass
class Line:
    """A laid-out line waiting for placement."""

    text: str
    style: Style
    dx: float          # offset from the frame's left edge
    gap: float         # space above (dropped at the top of a column)
    keep: bool         # must not be the last line of a column
    doc: int | None
    section: str | None
    extra: list[tuple[float, str, Style]] = field(default_factory=list)

    @property
    def h(self) -> float:
        return self.style.line_h


def lay_paragraph(text: str, st: Style, width: float, m: Measurer, doc: int | None,
                  section: str | None) -> list[Line]:
    """Break one paragraph into Lines at the given frame width."""
    em = st.size * PT
    avail = width - (st.left + st.right) * em
    off = st.left * em
    if st.max_width:
        avail = min(avail, width * st.max_width)
        off = (width - avail) / 2
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    raw = break_lines(text, avail - st.indent * em, avail, wfn)
    if st.max_width and len(raw) > 1:
        lo, hi = wfn(text) / len(raw), avail
        for _ in range(14):  # balanced wrapping: narrowest width giving the same line count
            mid = (lo + hi) / 2
            if len(break_lines(text, mid - st.indent * em, mid, wfn)) > len(raw):
                lo = mid
            else:
                hi = mid
        raw = break_lines(text, hi - st.indent * em, hi, wfn)
        avail = hi if st.align != "center" else avail
    out: list[Line] = []
    for i, t in enumerate(raw):
        w = wfn(t)
        if st.align == "center":
            dx = off + (avail - w) / 2
        elif st.align == "right":
            dx = off + avail - w
        else:
            dx = off + (st.indent * em if i == 0 else 0.0)
        last = i == len(raw) - 1
        keep = (st.keep or (i == 0 and len(raw) > 1)) if not last else st.keep
        out.append(Line(t, st, dx, st.before if i == 0 else 0.0, keep, doc, section))
    return out


@dataclass
class Geometry:
    """Text frame of a body page."""

    top: float
    bottom: float
    inner: float
    outer: float
    columns: int = 1
    gap: float = 8.0
    mirror: bool = True

    def frame(self, folio: int) -> tuple[float, float]:
        """(left x, width) of the full text area on the page printed ``folio``."""
        odd = folio % 2 == 1
        left = self.inner if (odd or not self.mirror) else self.outer
        return left, PAGE_W - self.inner - self.outer

    def col_width(self) -> float:
        full = PAGE_W - self.inner - self.outer
        return (full - self.gap * (self.columns - 1)) / self.columns


class Flow:
    """Flows paragraphs onto body pages, recording which pages each document touches."""

    def __init__(self, geo: Geometry, m: Measurer, first_folio: int, role: str = "body",
                 pages: list[Page] | None = None, start_y: float | None = None):
        self.geo, self.m, self.role = geo, m, role
        self.first_folio = first_folio
        self.pages: list[Page] = pages if pages is not None else []
        self.doc_pages: dict[int, list[int]] = {}
        if start_y is not None and self.pages:
            self.y = start_y
        else:
            self._new_page()

    # -- pages -------------------------------------------------------------
    def _new_page(self) -> None:
        self.pages.append(Page(self.role))
        self.y = self.geo.top

    @property
    def page_no(self) -> int:
        """1-based index of the current page within this flow's page list."""
        return len(self.pages)

    @property
    def folio(self) -> int:
        """Printed number of the current page (decides odd/even geometry)."""
        return self.first_folio + len(self.pages) - 1

    def at_top(self) -> bool:
        return self.y <= self.geo.top + 0.01

    def page_break(self) -> None:
        if not self.at_top():
            self._new_page()

    def _put(self, ln: Line, x: float, y_top: float) -> None:
        pg = self.pages[-1]
        st = ln.style
        base = y_top + ln.h / 2 + 0.36 * st.size * PT
        if st.font == "rule":
            w = self.geo.col_width() if not st.span else PAGE_W - self.geo.inner - self.geo.outer
            ln_w = w * (st.max_width or 0.3)
            x0 = x + (w - ln_w) / 2
            pg.items.append(Item("line", x0, y_top + ln.h / 2, x2=x0 + ln_w, y2=y_top + ln.h / 2,
                                 color=st.color, width=0.4))
        else:
            pg.items.append(Item("text", x + ln.dx, base, ln.text, st.font, st.size, st.color))
        for dx, t, st2 in ln.extra:
            pg.items.append(Item("text", x + dx, base, t, st2.font, st2.size, st2.color))
        if ln.section and ln.section not in pg.sections:
            pg.sections.append(ln.section)
        if ln.doc is not None:
            self.doc_pages.setdefault(ln.doc, []).append(self.page_no)

    # -- single column / span ---------------------------------------------
    def place_span(self, lines: list[Line], min_after: float = 0.0) -> None:
        """Stack lines at full width, breaking pages; keep chains stay together."""
        i = 0
        while i < len(lines):
            j = i
            while j < len(lines) - 1 and lines[j].keep:
                j += 1
            chain = lines[i:j + 1]
            need = sum(l.h + l.gap for l in chain) - (chain[0].gap if self.at_top() else 0)
            if j == len(lines) - 1 and lines[j].keep:
                need += min_after
            if self.y + need > self.geo.bottom + 0.01 and not self.at_top():
                self._new_page()
            for ln in chain:
                gap = 0.0 if self.at_top() else ln.gap
                if self.y + gap + ln.h > self.geo.bottom + 0.01:
                    self._new_page()
                    gap = 0.0
                self.y += gap
                self._put(ln, self.geo.frame(self.folio)[0], self.y)
                self.y += ln.h
            i = j + 1

    # -- multi column --------------------------------------------------------
    @staticmethod
    def _height(lines: list[Line]) -> float:
        return sum(l.h + (l.gap if k else 0.0) for k, l in enumerate(lines))

    def _fill(self, lines: list[Line], avail: float) -> int:
        """How many of ``lines`` fit into one column of height ``avail``."""
        h, n = 0.0, 0
        for k, l in enumerate(lines):
            add = l.h + (l.gap if k else 0.0)
            if h + add > avail + 0.01:
                break
            h += add
            n += 1
        while 0 < n < len(lines) and lines[n - 1].keep:
            n -= 1
        return n

    def place_columns(self, lines: list[Line]) -> None:
        """Flow lines into balanced columns from the current y."""
        geo = self.geo
        cw = geo.col_width()
        while lines:
            if self.y > geo.top + 0.01 and lines:
                self.y += lines[0].gap
            avail = geo.bottom - self.y
            if avail < lines[0].h:
                self._new_page()
                continue
            total = self._height(lines)
            cols: list[list[Line]] = []
            if total <= avail * geo.columns:
                target = total / geo.columns
                rest = lines
                for c in range(geo.columns):
                    if c == geo.columns - 1:
                        cols.append(rest)
                        break
                    n = self._fill(rest, min(avail, target + rest[0].h * 0.99)) or self._fill(rest, avail)
                    cols.append(rest[:n])
                    rest = rest[n:]
                if self._height(cols[-1]) > avail + 0.01:
                    cols = []
            if not cols:
                rest = lines
                for _ in range(geo.columns):
                    n = self._fill(rest, avail) if rest else 0
                    if n == 0 and rest and self.at_top():
                        n = 1
                    cols.append(rest[:n])
                    rest = rest[n:]
            used = 0.0
            left, _ = geo.frame(self.folio)
            for c, col in enumerate(cols):
                y = self.y
                for k, ln in enumerate(col):
                    y += ln.gap if k else 0.0
                    self._put(ln, left + c * (cw + geo.gap), y)
                    y += ln.h
                used = max(used, y - self.y)
            placed = sum(len(c) for c in cols)
            lines = lines[placed:]
            self.y += used
            if lines:
                self._new_page()
