"""Line breaking and page flow for indep2, built on bench.indep.layout.

Additions over bench.indep.layout:

* ``break_lines`` can split inside digit runs (``组建20`` / ``08年``) for chosen
  paragraphs and honours forced break positions (``cuts``) used for titles that are
  printed over two lines at a chosen point;
* ``Style`` has a background colour (titles in grey boxes) and a left bar colour;
* ``Flow`` draws those backgrounds and can start a document on a fresh page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from bench.indep.layout import (FONT_FILES, NO_END, NO_START, PAGE_H, PAGE_W, PT, Flow, Geometry,  # noqa: F401
                                Item, Line, Measurer, Page)
from bench.indep.layout import Style as _BaseStyle


@dataclass(frozen=True)
class Style(_BaseStyle):
    """Paragraph style with an optional background box / left bar."""

    bg: tuple[int, int, int] | None = None       # filled box behind every line (full frame width)
    bar: tuple[int, int, int] | None = None      # thick bar at the left edge of the frame


def _tokens(text: str, split_digits: bool) -> list[str]:
    out: list[str] = []
    for ch in text:
        if (not split_digits and out and ch.isascii() and ch.isalnum()
                and out[-1][-1].isascii() and out[-1][-1].isalnum()):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _break_one(text: str, first: float, rest: float, wfn: Callable[[str], float],
               split_digits: bool) -> list[str]:
    lines: list[str] = []
    cur, cur_w, limit = "", 0.0, first
    for tok in _tokens(text, split_digits):
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


def break_lines(text: str, first: float, rest: float, wfn: Callable[[str], float],
                split_digits: bool = False, cuts: tuple[int, ...] = ()) -> list[str]:
    """Greedy CJK line breaking; ``cuts`` are forced break offsets into ``text``."""
    out: list[str] = []
    prev = 0
    for c in list(cuts) + [len(text)]:
        seg = text[prev:c]
        prev = c
        if not seg:
            continue
        out += _break_one(seg, first if not out else rest, rest, wfn, split_digits)
    return out or [""]


def lay_paragraph(text: str, st: Style, width: float, m: Measurer, doc: int | None, section: str | None,
                  split_digits: bool = False, cuts: tuple[int, ...] = ()) -> list[Line]:
    """Break one paragraph into Lines at the given frame width (balanced when max_width)."""
    em = st.size * PT
    avail = width - (st.left + st.right) * em
    off = st.left * em
    if st.max_width:
        avail = min(avail, width * st.max_width)
        off = (width - avail) / 2
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    raw = break_lines(text, avail - st.indent * em, avail, wfn, split_digits, cuts)
    if st.max_width and len(raw) > 1 and not cuts:
        lo, hi = wfn(text) / len(raw), avail
        for _ in range(14):
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


def line_starts(text: str, st: Style, width: float, m: Measurer, split_digits: bool = False) -> list[int]:
    """Character offsets at which the printed lines of ``text`` begin (first is 0)."""
    em = st.size * PT
    avail = width - (st.left + st.right) * em
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    raw = break_lines(text, avail - st.indent * em, avail, wfn, split_digits)
    starts, pos = [], 0
    for l in raw:
        starts.append(pos)
        pos += len(l)
    return starts


class Flow2(Flow):
    """Flow that draws background boxes / bars for styles that ask for them."""

    def _put(self, ln: Line, x: float, y_top: float) -> None:
        st = ln.style
        if isinstance(st, Style) and (st.bg or st.bar):
            full = self.geo.col_width() if self.geo.columns > 1 else self.geo.frame(self.folio)[1]
            left = x
            pg = self.pages[-1]
            if st.bg:
                pg.items.append(Item("rect", left, y_top, x2=full, y2=ln.h + 0.2, color=st.bg, fill=True))
            if st.bar:
                pg.items.append(Item("rect", left - 3.5, y_top + 0.3, x2=1.6, y2=ln.h - 0.6, color=st.bar, fill=True))
        super()._put(ln, x, y_top)
