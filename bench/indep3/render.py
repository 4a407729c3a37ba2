"""Draw laid-out pages with fpdf2; page size per page; fixed dates => byte-stable output."""
from __future__ import annotations

import datetime as dt
import logging

from fpdf import FPDF

from bench.indep.layout import FONT_FILES, Page

logging.getLogger("fontTools").setLevel(logging.ERROR)
logging.getLogger("fpdf").setLevel(logging.ERROR)


def render(pages: list[Page], fonts: set[str], when: dt.date, title: str,
           size: tuple[float, float]) -> bytes:
    """PDF bytes; every page has ``size`` (w, h) mm; creation date ``when`` 09:00 UTC."""
    w, h = size
    pdf = FPDF(orientation="L" if w > h else "P", unit="mm", format=(min(w, h), max(w, h)))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    stamp = dt.datetime(when.year, when.month, when.day, 9, 0, 0, tzinfo=dt.timezone.utc)
    pdf.set_creation_date(stamp)
    pdf.set_title(title)
    pdf.set_subject("synthetic gazette issue for evaluation (bench.indep3), not an official publication")
    pdf.set_keywords("synthetic")
    pdf.set_creator("bench.indep3")
    pdf.set_producer("bench.indep3 / fpdf2")
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
            elif it.kind in ("rect", "ellipse"):
                draw = pdf.rect if it.kind == "rect" else pdf.ellipse
                if it.fill:
                    pdf.set_fill_color(*it.color)
                    draw(it.x, it.y, it.x2, it.y2, style="F")
                else:
                    pdf.set_draw_color(*it.color)
                    pdf.set_line_width(it.width if it.width != 0.3 else 0.5)
                    draw(it.x, it.y, it.x2, it.y2, style="D")
    return bytes(pdf.output())
