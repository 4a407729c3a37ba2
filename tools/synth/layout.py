"""Typesetting synthetic issues with fpdf2: cover, 目录, body pages, furniture, truth."""

from __future__ import annotations

import logging
import math
import random
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

# fontTools reports the Zen Hei bitmap tables it leaves out when subsetting; that is expected.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

from .documents import Doc, Gazette

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TITLE_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")  # heavier face for titles in some layouts
PT = 0.3528  # mm per point
_NO_LINE_START = "，。；：、）》”’！？．〕］"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class Template:
    """One visual layout. Issues built from different templates look different."""

    name: str
    size: float  # body font size, pt
    title_size: float
    margins: tuple[float, float, float, float]  # left, right, top, bottom (mm)
    spacing: float  # line height as a multiple of the font size
    header: str  # "both" | "alternate" | "label-first" | "none"
    page_number: str  # format with {n}
    number_at: str  # "bottom" | "top-outer" | "top"
    indent: str  # "spaces" | "offset"
    new_page: float  # probability that a document starts on a new page
    leaders: str  # dot leader character in the 目录 ("" = spaces)
    section_style: str  # "{}" or "【{}】"
    toc_number: str  # "inline" | "next-line" | "none"
    title_chars: int  # longest title line
    toc: bool = True  # False: the issue has no 目录 (split from the body alone)
    # Later layouts (the first six stay byte-for-byte as they were: samples and tests use them)
    title_font: str = "wqy"  # "zen": titles in WenQuanYi Zen Hei
    digit_gaps: bool = False  # WPS-style text layer: a space between ASCII digits and CJK ("2022 年 6 月 27 日")
    toc_page: str = "{n}"  # how the 目录 prints a page number: "{n}" or "（{n}）"
    cover: str = "plain"  # "plain" | "banner" (name on a dark band, 总第N期 on its own line)
    toc_folio: str = "roman"  # 目录 page numbers: "roman" | "none"
    semantic_breaks: bool = False  # titles break after 关于/印发 or before 的通知 where that is near the middle


TEMPLATES = [
    Template("classic", 12, 18, (28, 26, 30, 28), 1.75, "both", "— {n} —", "bottom", "spaces", 0.5, "…", "【{}】", "inline", 18),
    Template("compact", 10.5, 16, (22, 22, 26, 24), 1.6, "alternate", "·{n}·", "bottom", "offset", 0.2, "．", "{}", "next-line", 20),
    Template("topnum", 11, 17, (25, 25, 32, 22), 1.7, "label-first", "{n}", "top-outer", "spaces", 0.0, "·", "{}", "inline", 16),
    Template("plain", 11.5, 16, (30, 28, 28, 30), 1.8, "none", "- {n} -", "bottom", "offset", 1.0, "", "【{}】", "none", 22),
    Template("no-toc", 11, 15, (26, 26, 30, 26), 1.7, "with-number", "", "none", "spaces", 0.4, "…", "{}", "none", 14, toc=False),
    Template("section-header", 12, 17, (27, 27, 30, 26), 1.75, "section", "第{n}页", "bottom", "offset", 0.3, "·", "{}", "next-line", 19),
    Template("wps", 12, 20, (30, 28, 36, 30), 1.9, "none", "{n}", "top", "spaces", 0.7, "…", "【{}】", "number-leader", 15,
             title_font="zen", digit_gaps=True, toc_folio="none", semantic_breaks=True),
    Template("banner", 11, 17, (25, 25, 30, 28), 1.7, "alternate", "— {n} —", "bottom-outer", "offset", 0.3, "…", "{}",
             "inline", 18, title_font="zen", toc_page="（{n}）", cover="banner", semantic_breaks=True),
    Template("dense", 10, 15, (20, 20, 24, 22), 1.5, "both", "- {n} -", "top", "spaces", 0.0, "．", "◆{}", "next-line", 24,
             digit_gaps=True, cover="banner", toc_folio="none"),
]


class Typesetter:
    """Lays out pages as lists of text operations, then renders them with fpdf2."""

    def __init__(self, template: Template) -> None:
        self.t = template
        self.pdf = FPDF(unit="mm", format="A4")
        self.pdf.add_font("wqy", "", str(FONT))
        if template.title_font != "wqy":
            self.pdf.add_font(template.title_font, "", str(TITLE_FONT))
        self.pdf.set_creation_date(datetime(2020, 1, 1, tzinfo=timezone.utc))
        self.width = 210 - template.margins[0] - template.margins[1]
        self.pages: list[list[tuple[float, float, float, str, str]]] = []
        self.y = 0.0

    # -------------------------------------------------------------- measuring
    def text_width(self, text: str, size: float, font: str = "wqy") -> float:
        self.pdf.set_font(font, size=size)
        return self.pdf.get_string_width(text)

    def wrap(self, text: str, size: float, width: float, first_indent: float = 0.0) -> list[str]:
        """Greedy line breaking that keeps closing punctuation off line starts."""
        self.pdf.set_font("wqy", size=size)
        lines, current, avail = [], "", width - first_indent
        for ch in text:
            if current and self.pdf.get_string_width(current + ch) > avail and ch not in _NO_LINE_START:
                lines.append(current)
                current, avail = "", width
            current += ch
        if current:
            lines.append(current)
        return lines

    # -------------------------------------------------------------- body layout
    @property
    def line_height(self) -> float:
        return self.t.size * PT * self.t.spacing

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.t.margins[2]

    def room(self, height: float) -> bool:
        return self.pages and self.y + height <= 297 - self.t.margins[3]

    def put(self, x: float, size: float, text: str, height: float | None = None, font: str = "wqy") -> int:
        height = height or size * PT * self.t.spacing
        if not self.room(height):
            self.new_page()
        self.y += height
        self.pages[-1].append((x, self.y - height * 0.3, size, text, font))
        return len(self.pages) - 1

    def block(self, style: str, text: str, rng: random.Random) -> list[int]:
        """Lay out one block; returns the page indexes it touched."""
        t, left = self.t, self.t.margins[0]
        touched = []
        char = self.text_width("国", t.size)
        if style == "gap":
            if self.room(self.line_height * 4):
                self.y += self.line_height
            return []
        if style == "title":
            size = t.title_size
            n = 1 if text.endswith("令") else max(1, math.ceil(len(text) / t.title_chars))
            per = math.ceil(len(text) / n)
            parts = semantic_parts(text, n, t.title_chars) if t.semantic_breaks and n > 1 else \
                [text[i:i + per] for i in range(0, len(text), per)]
            if len(parts) > 1 and len(parts[-1]) <= 2:
                parts[-2] += parts.pop()
            if self.room(size * PT * 1.6 * (len(parts) + 3)):
                self.y += size * PT * 0.6
            else:
                self.new_page()
            font = t.title_font
            for part in parts:
                touched.append(self.put(left + (self.width - self.text_width(part, size, font)) / 2, size, part,
                                        size * PT * 1.6, font))
            self.y += size * PT * 0.4
            return touched
        if style in ("center", "heading"):
            for part in self.wrap(text, t.size, self.width):
                touched.append(self.put(left + (self.width - self.text_width(part, t.size)) / 2, t.size, part))
            return touched
        if style == "right":
            touched.append(self.put(left + self.width - self.text_width(text, t.size) - 2 * char, t.size, text))
            return touched
        indent = 2 * char if style == "para" else 0.0
        body = text
        if style == "para" and t.indent == "spaces":
            body, indent = "　　" + text, 0.0
        for i, part in enumerate(self.wrap(body, t.size, self.width, indent)):
            touched.append(self.put(left + (indent if i == 0 else 0), t.size, part))
        return touched

    def document(self, doc: Doc, rng: random.Random, first: bool) -> tuple[int, int]:
        """Lay out one document; returns its first and last body page (0-based)."""
        if not self.pages or (not first and rng.random() < self.t.new_page):
            self.new_page()
        elif not first:
            if not self.room(self.line_height * 6):
                self.new_page()
            else:
                self.y += self.line_height
        touched = []
        for b in doc.blocks:
            touched += self.block(b.style, b.text, rng)
        return min(touched), max(touched)


_BREAK_AFTER = ("关于", "印发", "转发", "人民政府", "办公厅", "、")
_BREAK_BEFORE = ("的通知", "的意见", "的决定", "的批复", "的公告", "的解读", "政策解读", "（", "管理办法", "实施")


def semantic_parts(text: str, n: int, width: int) -> list[str]:
    """Split a title into ``n`` lines the way a typesetter would: at a phrase boundary near
    the even split point when there is one, else at the even split point."""
    per = math.ceil(len(text) / n)
    cuts = [i for i in range(2, len(text) - 1)
            if text[:i].endswith(_BREAK_AFTER) or text[i:].startswith(_BREAK_BEFORE)]
    parts, start = [], 0
    for k in range(n - 1):
        target = start + per
        near = [i for i in cuts if start < i and abs(i - target) <= max(2, per // 3) and i - start <= width + 3]
        cut = min(near, key=lambda i: abs(i - target)) if near else target
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return [p for p in parts if p]


def roman(n: int) -> str:
    """1 → I, 4 → IV, 12 → XII (目录 pages are numbered in roman numerals)."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def header_text(t: Template, g: Gazette, label: str, printed: int) -> str | None:
    """The running header of a body page."""
    if t.header == "both":
        return f"{g.name}　　{label}"
    if t.header == "label-first":
        return f"{label}　{g.name}"
    if t.header == "alternate":
        return g.name if printed % 2 else label
    if t.header == "with-number":
        return f"{g.name}　{label}　　{printed}" if printed % 2 else f"{printed}　　{label}　{g.name}"
    return None


def toc_lines(ts: Typesetter, docs: list[Doc], printed_first: list[int]) -> list[tuple[str, str]]:
    """目录 lines as (style, text): section headings and entries with leaders and pages."""
    t = ts.t
    out: list[tuple[str, str]] = []
    section = None
    page_w = ts.text_width(t.toc_page.format(n="000"), t.size)
    for doc, page in zip(docs, printed_first):
        if doc.section != section:
            section = doc.section
            out.append(("section", t.section_style.format(section)))
        title = doc.title
        number_line = None
        if doc.toc_doc_number and t.toc_number == "inline":
            title += f"（{doc.toc_doc_number}）"
        elif doc.toc_doc_number and t.toc_number == "next-line":
            number_line = f"（{doc.toc_doc_number}）"
        elif doc.toc_doc_number and t.toc_number == "number-leader":
            # the title on its own line(s); the 文号 line carries the leaders and the page number
            out.extend(("entry-text", part) for part in ts.wrap(title, t.size, ts.width - page_w))
            title = f"（{doc.toc_doc_number}）"
        page = t.toc_page.format(n=page)
        avail = ts.width - page_w - ts.text_width("……", t.size)
        parts = ts.wrap(title, t.size, avail)
        for part in parts[:-1]:
            out.append(("entry-text", part))
        last = parts[-1]
        leader = t.leaders or "　"
        fill = ""
        while ts.text_width(last + fill + leader, t.size) < ts.width - page_w:
            fill += leader
        if not t.leaders:
            fill = "　　"
        out.append(("entry", f"{last}{fill}{page}"))
        if number_line:
            out.append(("entry-text", number_line))
    return out


def banner_cover(pdf: FPDF, g: Gazette, t: Template, label: str, cover_date: str, publisher: str,
                 full_width_label: bool) -> None:
    """A cover with the gazette name in white on a dark band; the 总第N期 part of the label
    on its own line below the year and number."""
    pdf.set_fill_color(150, 20, 20)
    pdf.rect(0, 40, 210, 46, style="F")
    pdf.set_text_color(255, 255, 255)
    font = t.title_font
    pdf.set_font(font, size=32)
    pdf.text((210 - pdf.get_string_width(g.name)) / 2, 70, g.name)
    pdf.set_text_color(0, 0, 0)
    main, _, total = label.partition("（")
    lines = [(main, 18), (("（" + total) if total else "", 13), ("合成样例（synthetic）", 10), ("", 0),
             (publisher, 13), (f"出版日期：{cover_date}", 12)]
    y = 110.0
    for text, size in lines:
        y += 13
        if not text:
            continue
        if full_width_label and text in (main, "（" + total):
            text = text.translate(_FULLWIDTH)
        pdf.set_font("wqy", size=size)
        pdf.text((210 - pdf.get_string_width(text)) / 2, y, text)
    pdf.set_draw_color(150, 20, 20)
    pdf.line(30, 250, 180, 250)
    pdf.set_draw_color(0, 0, 0)


def render_issue(path: Path, g: Gazette, t: Template, label: str, cover_date: str, publisher: str,
                 docs: list[Doc], rng: random.Random, full_width_label: bool = False) -> dict:
    """Typeset one issue into ``path`` and return the truth about where everything went."""
    body = Typesetter(t)
    spans = [body.document(doc, rng, i == 0) for i, doc in enumerate(docs)]
    page_section = {}
    for doc, (first, last) in zip(docs, spans):
        for k in range(first, last + 1):
            page_section.setdefault(k, doc.section)
    printed_first = [s[0] + 1 for s in spans]
    toc = Typesetter(t)
    lines = toc_lines(toc, docs, printed_first)
    per_page = int((297 - t.margins[2] - t.margins[3]) / toc.line_height) - 3
    toc_pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] if t.toc else []
    offset = 1 + len(toc_pages)  # cover + 目录 pages before printed page 1
    pdf = body.pdf
    # cover
    pdf.add_page()
    if t.cover == "banner":
        banner_cover(pdf, g, t, label, cover_date, publisher, full_width_label)
    else:
        y = 70.0
        names = ["中华人民共和国", "国务院公报"] if g.short == "国务院" and rng.random() < 0.5 else [g.name]
        for name in names:
            pdf.set_font("wqy", size=30)
            pdf.text((210 - pdf.get_string_width(name)) / 2, y, name)
            y += 16
        shown = label.translate(_FULLWIDTH) if full_width_label else label
        for text, size in ((shown, 16), ("合成样例（synthetic）", 10), (publisher, 14), (cover_date, 14)):
            y += 14
            pdf.set_font("wqy", size=size)
            pdf.text((210 - pdf.get_string_width(text)) / 2, y, text)
    # 目录
    for k, chunk in enumerate(toc_pages):
        pdf.add_page()
        y = t.margins[2]
        if k == 0:
            pdf.set_font("wqy", size=t.title_size)
            head = "目　　录" if rng.random() < 0.5 else "目录"
            pdf.text((210 - pdf.get_string_width(head)) / 2, y + 8, head)
            y += 20
        for style, text in chunk:
            y += toc.line_height
            pdf.set_font("wqy", size=t.size)
            x = t.margins[0] + (0 if style != "entry-text" or not text.startswith("（") else 0)
            if style == "section":
                x = t.margins[0]
            pdf.text(x, y, text)
        if t.page_number != "{n}" and t.toc_folio == "roman":
            pdf.set_font("wqy", size=9)
            pdf.text(105 - 2, 297 - 12, roman(k + 1))
    # body
    for b, ops in enumerate(body.pages):
        pdf.add_page()
        printed = b + 1
        header = page_section.get(b, "") if t.header == "section" and printed % 2 else header_text(t, g, label, printed)
        if t.header == "section" and not printed % 2:
            header = f"{g.name}　{label}"
        if header:
            pdf.set_font("wqy", size=9)
            pdf.text((210 - pdf.get_string_width(header)) / 2, t.margins[2] - 12, header)
            pdf.line(t.margins[0], t.margins[2] - 9, 210 - t.margins[1], t.margins[2] - 9)
        number = t.page_number.format(n=printed) if t.page_number else ""
        pdf.set_font("wqy", size=10)
        if t.number_at == "top-outer":
            x = 210 - t.margins[1] - pdf.get_string_width(number) if printed % 2 else t.margins[0]
            pdf.text(x, t.margins[2] - 18, number)
        elif t.number_at == "top":
            pdf.text(105, t.margins[2] - 18, number)
        for x, y, size, text, font in ops:
            pdf.set_font(font, size=size)
            pdf.text(x, y, text)
        if t.number_at == "bottom-outer":
            pdf.set_font("wqy", size=10)
            x = 210 - t.margins[1] - pdf.get_string_width(number) if printed % 2 else t.margins[0]
            pdf.text(x, 297 - 12, number)
        if t.number_at == "bottom":
            pdf.set_font("wqy", size=10)
            pdf.text((210 - pdf.get_string_width(number)) / 2, 297 - 12, number)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    truth_docs = []
    for doc, (first, last) in zip(docs, spans):
        truth_docs.append({
            "title": doc.title, "kind": doc.kind, "doc_number": doc.doc_number, "issuer": doc.issuer,
            "signed_date": doc.signed_date, "effective_date": doc.effective_date,
            "section": doc.section if t.toc else None,
            "pdf_pages": [first + 1 + offset, last + 1 + offset], "printed_pages": [first + 1, last + 1],
            "text": doc.truth_text(),
        })
    return {"pages": offset + len(body.pages), "documents": truth_docs}
