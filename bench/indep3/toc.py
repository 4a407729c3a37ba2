"""目录 layouts of the five templates (none of them used by bench.indep / bench.indep2).

* ``table``   - a ruled table 文件名称 / 发文机关 / 页码 with shaded section rows (landscape);
* ``levels``  - two-level numbered sections (一、法规规章 / （一）地方性法规), … leaders;
* ``docno``   - 文号 in a narrow left column, title, …… leaders, page in 【】;
* ``twoline`` - printed at the END of the issue: title, then issuer + date with · leaders to
  the page; section names white on dark bands;
* ``circle``  - left-aligned heading over a thick rule, section names over a thin rule,
  page numbers white in filled circles, no leaders.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from bench.indep import cn
from bench.indep.layout import PT, Line, Measurer, Page, break_lines, lay_paragraph

from .geo import Geo, XFlow, XStyle

GREY = (90, 90, 90)
WHITE = (255, 255, 255)
GREEN = (20, 100, 70)


@dataclass
class Entry:
    group: str | None        # level-1 heading, printed when it starts (levels only)
    section: str | None      # section heading as printed, when a new section starts
    title: str
    doc_number: str | None
    issuer: str | None
    date: dt.date | None
    folio: int


def _L(text: str, st, dx: float, gap: float = 0.0, keep: bool = True) -> Line:
    return Line(text, st, dx, gap, keep, None, None)


def _flow(geo: Geo, m: Measurer, pages: list[Page]) -> XFlow:
    return XFlow(replace(geo, mirror=False), m, 1, role="toc", pages=pages)


def _wfn(m: Measurer, st):
    return lambda s: m.width(s, st.font, st.size)


def leader_entry(title: str, num: str, st, width: float, m: Measurer, leader: str, hang: float = 1.0,
                 left: float | None = None, gap: float = 1.2, num_st=None) -> list[Line]:
    """Title wrapped with a hanging indent; leaders from its last line to the right-aligned number."""
    em = st.size * PT
    left = st.left * em if left is None else left
    wfn = _wfn(m, st)
    num_st = num_st or st
    nw = m.width(num, num_st.font, num_st.size)
    avail = width - left - nw - 2.5 * em
    txt = break_lines(title, avail, avail - hang * em, wfn)
    out = [_L(t, st, left + (hang * em if i else 0.0), gap if i == 0 else 0.0) for i, t in enumerate(txt)]
    last = out[-1]
    end = last.dx + wfn(last.text) + 0.4 * em
    if leader:
        lw = m.width(leader, st.font, st.size)
        n = max(2, math.floor((width - nw - 0.4 * em - end) / lw))
        last.extra.append((end, leader * n, st))
    last.extra.append((width - nw, num, num_st))
    last.keep = False
    return out


def toc_table(geo: Geo, m: Measurer, entries: list[Entry], pages: list[Page]) -> list[Page]:
    flow = _flow(geo, m, pages)
    W = geo.full()
    flow.place_span(lay_paragraph("目　　录", XStyle("bhei", 20, 1.3, align="center", after=5), W, m, None, None))
    c1, c2 = W * 0.6, W * 0.3
    x2 = c1 + 6
    hdr = XStyle("hei", 10.5, 1.9, bg=(210, 210, 210))
    pw = m.width("页码", "hei", 10.5)
    row = _L("文件名称", hdr, 3)
    row.extra += [(x2, "发文机关", hdr), (W - 3 - pw, "页码", hdr)]
    thin = XStyle("rule", 2, 1.0, max_width=1.0, span=True, rule_width=0.2, color=(120, 120, 120))
    flow.place_span([row, _L("", thin, 0, keep=False)])
    st = XStyle("song", 10.5, 1.6)
    sec = XStyle("bhei", 11, 1.9, bg=(236, 236, 236), keep=True)
    wfn = _wfn(m, st)
    for e in entries:
        lines: list[Line] = []
        if e.section:
            lines.append(_L(e.section, sec, 3, gap=1.0))
        tl = break_lines(e.title, c1 - 4, c1 - 4, wfn)
        il = break_lines(e.issuer, c2 - 4, c2 - 4, wfn) if e.issuer else []
        for i in range(max(len(tl), len(il))):
            ln = _L(tl[i] if i < len(tl) else "", st, 3, gap=1.0 if i == 0 else 0.0)
            if i < len(il):
                ln.extra.append((x2, il[i], st))
            if i == 0:
                num = str(e.folio)
                ln.extra.append((W - 3 - pw / 2 - wfn(num) / 2, num, st))
            lines.append(ln)
        lines.append(_L("", thin, 0, gap=0.6, keep=False))
        flow.place_span(lines)
    return flow.pages


def toc_levels(geo: Geo, m: Measurer, entries: list[Entry], pages: list[Page]) -> list[Page]:
    flow = _flow(geo, m, pages)
    W = geo.full()
    flow.place_span(lay_paragraph("目　　录", XStyle("bhei", 22, 1.3, align="center", after=7), W, m, None, None))
    G = XStyle("bhei", 13.5, 1.7, before=5, keep=True)
    S = XStyle("hei", 11.5, 1.7, left=1, before=1.5, keep=True)
    E = XStyle("song", 11, 1.75, left=2.6)
    for e in entries:
        if e.group:
            flow.place_span(lay_paragraph(e.group, G, W, m, None, None), min_after=E.line_h * 2)
        if e.section:
            flow.place_span(lay_paragraph(e.section, S, W, m, None, None), min_after=E.line_h * 2)
        flow.place_span(leader_entry(e.title, str(e.folio), E, W, m, "…", gap=0.8))
    return flow.pages


def toc_docno(geo: Geo, m: Measurer, entries: list[Entry], pages: list[Page]) -> list[Page]:
    flow = _flow(geo, m, pages)
    W = geo.full()
    flow.place_span(lay_paragraph("目　　录", XStyle("bhei", 20, 1.3, align="center", after=6), W, m, None, None))
    S = XStyle("bhei", 12, 1.7, before=4, keep=True)
    E = XStyle("song", 11, 1.7)
    D = XStyle("song", 8.5, 1.7, color=GREY)
    col = 38.0
    for e in entries:
        if e.section:
            flow.place_span(lay_paragraph(f"◆ {e.section}", S, W, m, None, None), min_after=E.line_h * 2)
        lines = leader_entry(e.title, f"【{e.folio}】", E, W, m, "…", hang=0.0, left=col, gap=1.4)
        if e.doc_number:
            lines[0].extra.insert(0, (0.0, e.doc_number, D))
        flow.place_span(lines)
    return flow.pages


def toc_twoline(geo: Geo, m: Measurer, entries: list[Entry], pages: list[Page]) -> list[Page]:
    flow = _flow(geo, m, pages)
    W = geo.full()
    flow.place_span(lay_paragraph("本期目录", XStyle("bhei", 18, 1.3, align="center", after=2), W, m, None, None))
    flow.place_span([_L("", XStyle("rule", 4, 1.0, max_width=1.0, span=True, rule_width=0.8), 0, keep=False)])
    S = XStyle("hei", 11, 1.85, bg=(45, 45, 45), color=WHITE, before=4, keep=True)
    T = XStyle("song", 11.5, 1.6, left=1, keep=True)
    I = XStyle("kai", 9.5, 1.6, left=2.5, color=GREY)
    P = XStyle("song", 10.5, 1.6)
    for e in entries:
        if e.section:
            flow.place_span([_L(e.section, S, 2.5, gap=S.before)], min_after=T.line_h * 2)
        sub = "　".join(x for x in (e.issuer, cn.date_ar(e.date) if e.date else None) if x)
        if sub:
            tl = lay_paragraph(e.title, replace(T, before=1.6, right=3), W, m, None, None)
            for ln in tl:
                ln.keep = True
            flow.place_span(tl + leader_entry(sub, str(e.folio), I, W, m, "·", gap=0.0, num_st=P))
        else:
            flow.place_span(leader_entry(e.title, str(e.folio), T, W, m, "·", gap=1.6, num_st=P))
    return flow.pages


def toc_circle(geo: Geo, m: Measurer, entries: list[Entry], pages: list[Page]) -> list[Page]:
    flow = _flow(geo, m, pages)
    W = geo.full()
    flow.place_span(lay_paragraph("本 期 目 录", XStyle("bhei", 18, 1.3, after=1.5), W, m, None, None))
    flow.place_span([_L("", XStyle("rule", 4, 1.0, max_width=1.0, span=True, rule_width=1.2, color=GREEN,
                                   rule_align="left"), 0, keep=False)])
    S = XStyle("bhei", 11.5, 1.8, color=GREEN, before=4, keep=True)
    thin = XStyle("rule", 2, 1.0, max_width=1.0, span=True, rule_width=0.25, color=GREEN, keep=True)
    E = XStyle("hei", 10.5, 1.75, left=1)
    N = XStyle("hei", 8, 1.0, color=WHITE)
    wfn = _wfn(m, E)
    em = E.size * PT
    for e in entries:
        if e.section:
            flow.place_span([_L(e.section, S, 0, gap=S.before), _L("", thin, 0, keep=True)],
                            min_after=E.line_h * 2)
        txt = break_lines(e.title, W - em - 14, W - 2 * em - 14, wfn)
        lines = [_L(t, E, em * (1 if i == 0 else 2), gap=1.0 if i == 0 else 0.0) for i, t in enumerate(txt)]
        h, d = E.line_h, 5.4
        lines[0].shapes = [("ellipse", W - d - 1, (h - d) / 2, d, d, GREEN, True)]
        num = str(e.folio)
        nx = W - 1 - d / 2 - m.width(num, N.font, N.size) / 2
        lines[0].extra.append((nx, num, N))
        lines[-1].keep = False
        flow.place_span(lines)
    return flow.pages
