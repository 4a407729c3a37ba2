"""Page geometry of any size, extra paragraph styles and a flow that knows them.

Built on bench.indep.layout (line breaking, Flow, Measurer); adds page sizes other than
A4 portrait (landscape, 16开), full-width background bands behind a line (section banners),
left-aligned short rules, and per-page records of which documents a page carries (for
running heads that print the current document's title).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bench.indep.layout import PT, Flow, Item, Line, Page, Style

A4 = (210.0, 297.0)
A4_LANDSCAPE = (297.0, 210.0)


@dataclass(frozen=True)
class XStyle(Style):
    """Style with a background band and rule alignment."""

    bg: tuple[int, int, int] | None = None   # filled band behind the line, whole frame width
    rule_align: str = "center"               # for font == "rule": center | left
    rule_width: float = 0.4


@dataclass
class Geo:
    """Text frame on a page of size page_w x page_h (mm)."""

    top: float
    bottom: float
    inner: float
    outer: float
    columns: int = 1
    gap: float = 8.0
    mirror: bool = True
    page_w: float = 210.0
    page_h: float = 297.0

    def frame(self, folio: int) -> tuple[float, float]:
        odd = folio % 2 == 1
        left = self.inner if (odd or not self.mirror) else self.outer
        return left, self.full()

    def full(self) -> float:
        return self.page_w - self.inner - self.outer

    def col_width(self) -> float:
        return (self.full() - self.gap * (self.columns - 1)) / self.columns


@dataclass
class XPage(Page):
    """A page that also records the documents whose lines it carries (in order)."""

    docs: list[int] = field(default_factory=list)
    size: tuple[float, float] = A4


class XFlow(Flow):
    """bench.indep Flow on a Geo, with banners, left rules and document records."""

    def _new_page(self) -> None:
        self.pages.append(XPage(self.role, size=(self.geo.page_w, self.geo.page_h)))
        self.y = self.geo.top

    def _put(self, ln: Line, x: float, y_top: float) -> None:
        pg = self.pages[-1]
        st = ln.style
        base = y_top + ln.h / 2 + 0.36 * st.size * PT
        w = self.geo.full() if (st.span or self.geo.columns == 1) else self.geo.col_width()
        if st.font == "rule":
            if y_top <= self.geo.top + 0.01:
                return  # a separator never opens a page or a column
            ln_w = w * (st.max_width or 0.3)
            x0 = x if getattr(st, "rule_align", "center") == "left" else x + (w - ln_w) / 2
            pg.items.append(Item("line", x0, y_top + ln.h / 2, x2=x0 + ln_w, y2=y_top + ln.h / 2,
                                 color=st.color, width=getattr(st, "rule_width", 0.4)))
        else:
            for kind, dx, dy, sw, sh, color, fill in getattr(ln, "shapes", ()):
                pg.items.append(Item(kind, x + dx, y_top + dy, x2=sw, y2=sh, color=color, fill=fill))
            bg = getattr(st, "bg", None)
            if bg:
                pg.items.append(Item("rect", x, y_top + 0.05 * ln.h, x2=w, y2=ln.h * 0.9, color=bg, fill=True))
            pg.items.append(Item("text", x + ln.dx, base, ln.text, st.font, st.size, st.color))
        for dx, t, st2 in ln.extra:
            pg.items.append(Item("text", x + dx, base, t, st2.font, st2.size, st2.color))
        if ln.section and ln.section not in pg.sections:
            pg.sections.append(ln.section)
        if ln.doc is not None:
            self.doc_pages.setdefault(ln.doc, []).append(self.page_no)
            if ln.doc not in pg.docs:
                pg.docs.append(ln.doc)
