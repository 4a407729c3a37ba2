"""目录 / 目次 layouts of indep2 (all differ from bench.indep's four styles).

* ``plain_note``  - title left, page right, no leaders; an adoption note line under 法规 entries;
* ``twocol``      - entries in two columns, section heads in grey bars;
* ``numbered``    - a table: header row 序号 / 文件名称 / 页码, entries ``1．标题``;
* ``docno_leader``- title on its own line(s); the leaders run along the 文号 line to the page;
* ``dash``        - section heads in outlined boxes, ``— — —`` leaders, 文号 right-aligned below;
* ``inline_grey`` - title + 文号 in small grey type on the same line, page right.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .typeset import PT, Flow2, Geometry, Item, Line, Measurer, Page, Style, break_lines, lay_paragraph


@dataclass
class Entry:
    section: str | None
    title: str
    doc_number: str | None
    folio: int
    note: str | None = None
    index: int = 0


@dataclass(frozen=True)
class TocSpec:
    mode: str
    heading: str
    heading_style: Style
    section_fmt: str
    section_style: Style
    entry_style: Style
    small_style: Style
    leader: str = ""
    split_after: float = 0.0
    boxed: bool = True           # dash mode: section heads in an outlined box


def _num_w(m: Measurer, st: Style, s: str) -> float:
    return m.width(s, st.font, st.size)


def _entry_lines(spec: TocSpec, e: Entry, width: float, m: Measurer) -> list[Line]:
    st, sm = spec.entry_style, spec.small_style
    em = st.size * PT
    wfn = lambda s: m.width(s, st.font, st.size)  # noqa: E731
    num = str(e.folio)
    nw = wfn(num)
    out: list[Line] = []
    if spec.mode == "numbered":
        lab = f"{e.index}．"
        left = 2.4 * em
        avail = width - left - 4 * em
        for i, t in enumerate(break_lines(e.title, avail, avail, wfn)):
            out.append(Line(t, st, left, 1.2 if i == 0 else 0.0, True, None, None))
        out[0].extra.append((0.3 * em, lab, st))
        out[0].extra.append((width - 1.5 * em - nw / 2, num, st))
        if e.doc_number:
            out.append(Line(e.doc_number, sm, left, 0.0, True, None, None))
    elif spec.mode == "docno_leader":
        avail = width - 3 * em
        for i, t in enumerate(break_lines(e.title, avail, avail, wfn)):
            out.append(Line(t, st, 0.0 if i == 0 else em, 1.4 if i == 0 else 0.0, True, None, None))
        base = e.doc_number or ""
        ln = Line(base, sm, em, 0.0, True, None, None)
        end = em + m.width(base, sm.font, sm.size) + 0.3 * em
        lw = m.width(spec.leader, sm.font, sm.size)
        n = max(2, math.floor((width - nw - 0.5 * em - end) / lw))
        ln.extra.append((end, spec.leader * n, sm))
        ln.extra.append((width - nw, num, st))
        out.append(ln)
    elif spec.mode == "inline_grey":
        avail = width - nw - 2 * em
        title_lines = break_lines(e.title, avail, avail - em, wfn)
        for i, t in enumerate(title_lines):
            out.append(Line(t, st, 0.0 if i == 0 else em, 1.3 if i == 0 else 0.0, True, None, None))
        last = out[-1]
        if e.doc_number:
            dx = last.dx + wfn(last.text) + 0.8 * em
            dw = m.width(e.doc_number, sm.font, sm.size)
            if dx + dw < width - nw - em:
                last.extra.append((dx, e.doc_number, sm))
            else:
                out.append(Line(e.doc_number, sm, em, 0.0, True, None, None))
        out[0].extra.append((width - nw, num, st))
    else:  # plain_note, twocol, dash
        avail = width - nw - 2.2 * em
        for i, t in enumerate(break_lines(e.title, avail, avail - em, wfn)):
            out.append(Line(t, st, 0.0 if i == 0 else em, 1.3 if i == 0 else 0.0, True, None, None))
        last = out[-1]
        if spec.leader:
            end = last.dx + wfn(last.text) + 0.4 * em
            lw = wfn(spec.leader)
            n = max(1, math.floor((width - nw - 0.5 * em - end) / lw))
            last.extra.append((end, spec.leader * n, st))
        last.extra.append((width - nw, num, st))
        if spec.mode == "dash" and e.doc_number:
            out.append(Line(e.doc_number, sm, width - nw - 1.5 * em - m.width(e.doc_number, sm.font, sm.size),
                            0.0, True, None, None))
        if spec.mode == "plain_note" and e.note:
            out.append(Line(e.note, sm, em, 0.0, True, None, None))
    out[-1].keep = False
    return out


def _section_lines(spec: TocSpec, name: str, width: float, m: Measurer, flow: Flow2) -> list[Line]:
    lines = lay_paragraph(spec.section_fmt.format(name), spec.section_style, width, m, None, None)
    if spec.mode == "dash":
        for ln in lines:
            ln.extra = []
    return lines


def layout(spec: TocSpec, geo: Geometry, m: Measurer, entries: list[Entry], columns: int = 1) -> list[Page]:
    """Lay the 目录 out on its own pages."""
    geo = replace(geo, mirror=False)
    flow = Flow2(geo, m, 1, role="toc")
    width = geo.frame(1)[1]
    flow.place_span(lay_paragraph(spec.heading, spec.heading_style, width, m, None, None))
    if spec.mode == "numbered":
        st = spec.small_style
        hdr = Line("文件名称", st, 2.4 * st.size * PT, 0.0, True, None, None)
        hdr.extra += [(0.0, "序号", st), (width - m.width("页码", st.font, st.size), "页码", st)]
        flow.place_span([hdr])
        flow.pages[-1].items.append(Item("line", geo.frame(1)[0], flow.y + 0.5, x2=geo.frame(1)[0] + width,
                                         y2=flow.y + 0.5, width=0.4))
        flow.y += 2
    if columns == 2:
        colg = replace(geo, columns=2, gap=8)
        cw = colg.col_width()
        lines: list[Line] = []
        for e in entries:
            if e.section:
                lines += lay_paragraph(spec.section_fmt.format(e.section), spec.section_style, cw, m, None, None)
            lines += _entry_lines(spec, e, cw, m)
        flow.geo = colg
        flow.place_columns(lines)
        return flow.pages
    split = math.ceil(len(entries) * spec.split_after) if spec.split_after else 0
    for i, e in enumerate(entries):
        if e.section:
            sl = _section_lines(spec, e.section, width, m, flow)
            flow.place_span(sl, min_after=spec.entry_style.line_h * 2)
            if spec.mode == "dash" and spec.boxed:
                pg = flow.pages[-1]
                x0 = geo.frame(1)[0]
                h = sum(l.h for l in sl)
                w = m.width(sl[0].text, spec.section_style.font, spec.section_style.size) + 6
                pg.items.append(Item("rect", x0 - 1, flow.y - h - 0.3, x2=w, y2=h + 0.6, fill=False))
        flow.place_span(_entry_lines(spec, e, width, m))
        if split and i + 1 == split and i + 1 < len(entries):
            flow.page_break()
    return flow.pages
