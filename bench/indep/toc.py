"""目录 layout: section heads and entries in four styles (leader, bracket, first, plain)."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .layout import PT, Flow, Geometry, Line, Measurer, Page, break_lines, lay_paragraph
from .templates import TocSpec


@dataclass
class Entry:
    """One 目录 line-group."""

    section: str | None      # printed section name when a new section starts here
    title: str
    doc_number: str | None
    folio: int


def _entry_lines(spec: TocSpec, e: Entry, width: float, m: Measurer) -> list[Line]:
    st = spec.entry_style
    em = st.size * PT
    left = st.left * em
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    title = e.title + (f"（{e.doc_number}）" if spec.docno_inline and e.doc_number else "")
    out: list[Line] = []
    if spec.mode == "first":
        num = str(e.folio)
        box = 3.6 * em
        txt = break_lines(title, width - left - box - em, width - left - box - em, wfn)
        for i, t in enumerate(txt):
            out.append(Line(t, st, left + box, 1.5 if i == 0 else 0.0, True, None, None))
        out[0].extra.append((left + 2.6 * em - wfn(num), num, st))
    else:
        num = f"（{e.folio}）" if spec.mode == "bracket" else str(e.folio)
        nw = wfn(num)
        avail = width - left - nw - 2.5 * em
        txt = break_lines(title, avail, avail - em, wfn)
        for i, t in enumerate(txt):
            out.append(Line(t, st, left + (em if i else 0.0), 1.5 if i == 0 else 0.0, True, None, None))
        last = out[-1]
        end = last.dx + wfn(last.text) + 0.4 * em
        if spec.mode != "plain":
            lw = m.width(spec.leader, st.font, st.size)
            n = max(2, math.floor((width - nw - 0.4 * em - end) / lw))
            last.extra.append((end, spec.leader * n, st))
        last.extra.append((width - nw, num, st))
    if spec.docno_style and e.doc_number:
        ds = spec.docno_style
        out.append(Line(e.doc_number, ds, ds.left * ds.size * PT, 0.0, True, None, None))
    out[-1].keep = False
    return out


def layout(spec: TocSpec, geo: Geometry, m: Measurer, entries: list[Entry],
           pages: list[Page]) -> list[Page]:
    """Lay the 目录 out; if ``spec.on_cover_y`` it continues the last page of ``pages``."""
    geo = replace(geo, mirror=False)
    flow = Flow(geo, m, 1, role="toc", pages=pages, start_y=spec.on_cover_y or None)
    width = geo.frame(1)[1]
    if spec.heading:
        flow.place_span(lay_paragraph(spec.heading, spec.heading_style, width, m, None, None))
    split = math.ceil(len(entries) * spec.split_after) if spec.split_after else 0
    for i, e in enumerate(entries):
        if e.section:
            ss = spec.section_style
            lines = lay_paragraph(spec.section_fmt.format(e.section), ss, width, m, None, None)
            flow.place_span(lines, min_after=spec.entry_style.line_h * 2)
        flow.place_span(_entry_lines(spec, e, width, m))
        if split and i + 1 == split and i + 1 < len(entries):
            flow.page_break()
    return flow.pages
