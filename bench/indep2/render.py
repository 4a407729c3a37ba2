"""Draw laid-out pages with fpdf2 (embedded TTF subsets, fixed dates => byte-stable output)."""
from __future__ import annotations

import datetime as dt
import logging

from fpdf import FPDF

from .typeset import FONT_FILES, Page

logging.getLogger("fontTools").setLevel(logging.ERROR)
logging.getLogger("fpdf").setLevel(logging.ERROR)


def render(pages: list[Page], fonts: set[str], when: dt.date, title: str) -> bytes:
    """PDF bytes for ``pages``; creation date is ``when`` at 09:00 UTC."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(dt.datetime(when.year, when.month, when.day, 9, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title(title)
    pdf.set_subject("synthetic gazette issue for evaluation (bench.indep2)")
    pdf.set_creator("bench.indep2")
    pdf.set_producer("bench.indep2 / fpdf2")
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
