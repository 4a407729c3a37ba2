"""The seven layout templates of the independent set."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from . import covers as cv
from .compose import Opts
from .layout import Geometry, Style


@dataclass(frozen=True)
class TocSpec:
    """How the 目录 is printed."""

    heading: str
    heading_style: Style
    section_fmt: str            # e.g. "【{}】", "■ {}"
    section_style: Style
    entry_style: Style
    mode: str                   # leader | bracket | first | plain
    leader: str = "…"
    docno_style: Style | None = None   # 文号 on its own line under the entry
    docno_inline: bool = False         # 文号 in brackets right after the title
    split_after: float = 0.0           # >0: force a page break after this fraction of entries
    on_cover_y: float = 0.0            # >0: the 目录 starts on the cover at this y


@dataclass(frozen=True)
class Template:
    """A complete issue layout."""

    name: str
    level: str
    fonts: frozenset[str]
    geo: Geometry
    styles: dict[str, Style]
    opts: Opts
    toc: TocSpec | None
    toc_geo: Geometry
    cover: Callable
    decorate: Callable
    sections: dict[str, str]
    folio_mode: str = "body1"           # body1 | annual
    new_page: str = "never"             # never | always | reg
    interp_after: bool = False          # 解读 right after its document (else own section)
    separator: bool = False             # short rule between documents
    back: Callable | None = None
    n_docs: tuple[int, int] = (6, 12)
    body_pages: tuple[int, int] = (12, 32)
    per_year: tuple[int, ...] = (12, 24)
    word: str = "期"
    notes: str = ""
    kinds: dict[str, float] = field(default_factory=dict)


def styles(body: str, size: float, lead: float, title: str, tsize: float, *, span_heads: bool = False,
           sub: str = "hei") -> dict[str, Style]:
    """Role -> Style with common defaults; templates override a few entries."""
    line = size * 0.3528 * lead
    b = Style(body, size, lead, indent=2)
    head = dict(span=span_heads, keep=True)
    return {
        "body": b,
        "order_text": replace(b, span=span_heads),
        "chapter": Style(sub, size, lead, align="center", before=line * 0.4, keep=True),
        "subhead": Style(sub, size, lead, indent=2, keep=True),
        "title": Style(title, tsize, 1.35, align="center", before=line * 1.6, after=line * 0.6, max_width=0.86, **head),
        "docno": Style(body, size, lead, align="center", after=line * 0.3, **head),
        "addressee": Style(body, size, lead, before=line * 0.2),
        "sign": Style(body, size, lead, align="right", right=3, before=line * 0.6, keep=True),
        "date": Style(body, size, lead, align="right", right=3),
        "note": Style(body, size, lead, indent=2),
        "order_head": Style(title, tsize + 3, 1.4, align="center", before=line * 1.6, **head),
        "order_no": Style(body, size + 1, lead, align="center", after=line * 0.4, **head),
        "order_sign": Style(body, size, lead, align="right", right=5, before=line * 0.5, span=span_heads),
        "order_date": Style(body, size, lead, align="right", right=4, after=line * 0.8, span=span_heads),
        "attach_label": Style(sub, size, lead, before=line * 1.5, keep=True, span=span_heads),
        "attach_title": Style(title, tsize - 1, 1.35, align="center", before=line * 0.6, after=line * 0.5,
                              max_width=0.86, **head),
        "sep": Style("rule", size, lead * 1.6, span=True, max_width=0.25),
    }


def _sec(o: str, office: str = "办公厅") -> dict[str, str]:
    return {"reg": f"{o}政府规章", "gov": f"{o}政府文件", "office": f"{o}政府{office}文件",
            "dept": "部门文件", "personnel": "人事任免", "interp": "政策解读"}


def _toc(heading: str, font: str, size: float, lead: float, mode: str, sec_fmt: str, **kw) -> TocSpec:
    return TocSpec(heading, Style("bhei", 20, 1.3, align="center", after=8),
                   sec_fmt, Style("bhei", size + 0.5, lead, before=4, keep=True),
                   Style(font, size, lead, left=1), mode, **kw)


def build() -> list[Template]:
    """All templates, in a fixed order."""
    T: list[Template] = []

    st = styles("song", 10, 1.55, "bhei", 15, span_heads=True)
    st["sign"] = replace(st["sign"], right=1)
    T.append(Template(
        "gwy_twocol", "province", frozenset({"song", "bhei", "hei"}),
        Geometry(top=22, bottom=274, inner=20, outer=20, columns=2, gap=7), st,
        Opts(docno_paren=True, cn_dates=0.6), _toc("目　　录", "song", 11, 1.9, "leader", "{}", docno_inline=True),
        Geometry(top=30, bottom=270, inner=25, outer=25), cv.cover_state, cv.folio_outer_plain,
        {"reg": "省政府令", "gov": "省政府文件", "office": "省政府办公厅文件", "dept": "省政府部门文件",
         "personnel": "人事任免", "interp": "政策解读"},
        folio_mode="annual", interp_after=True, back=cv.back_info, word="号", per_year=(24,),
        notes="国务院公报-like: two-column body, titles and 令 blocks span both columns, 文号 in "
              "brackets under the title, folio plain at the outer bottom corner, continuous annual "
              "pagination, 目录 with … leaders and inline 文号, imprint back page."))

    st = styles("hei", 10.5, 1.65, "bhei", 16)
    T.append(Template(
        "city_header", "city", frozenset({"hei", "bhei"}),
        Geometry(top=30, bottom=272, inner=25, outer=25), st, Opts(cn_dates=0.2),
        _toc("目　录", "hei", 10.5, 1.8, "leader", "【{}】",
             docno_style=Style("hei", 9, 1.5, left=2.5, color=(70, 70, 70))),
        Geometry(top=30, bottom=270, inner=25, outer=25), cv.cover_band, cv.head_alternating,
        _sec("市"), new_page="reg",
        notes="City gazette: running header 'XX市人民政府公报　2019年第7期' over a rule, right on odd / left "
              "on even pages, folio '— 12 —' centred; 目录 sections in 【】 with 文号 lines; "
              "regulations start a new page, other documents run on."))

    st = styles("song", 10.5, 1.7, "bhei", 16, sub="bhei")
    T.append(Template(
        "dot_bracket", "province", frozenset({"song", "bhei", "kai"}),
        Geometry(top=28, bottom=272, inner=26, outer=22), st, Opts(cn_dates=0.5),
        _toc("目　　录", "song", 11, 1.7, "bracket", "■ {}", leader="·",
             docno_style=Style("kai", 9.5, 1.5, left=2)),
        Geometry(top=30, bottom=270, inner=25, outer=25), cv.cover_plain, cv.head_centre_dot,
        _sec("省"), new_page="reg", separator=True,
        notes="目录 entries '标题 ········ （12）' with middle-dot leaders and bracketed page numbers, "
              "section heads '■ 省政府规章', 文号 in 楷体 under each entry; header rule with centred "
              "gazette name, folio '· 12 ·'; short rule between documents."))

    st = styles("kai", 14, 1.8, "bhei", 20, sub="bhei")
    st["title"] = replace(st["title"], max_width=0.7, leading=1.45)
    st["attach_title"] = replace(st["attach_title"], max_width=0.7, size=18)
    st["docno"] = Style("song", 13, 1.6, align="center", before=6, after=3, keep=True)
    st["order_no"] = Style("song", 14, 1.6, align="center", after=4, keep=True)
    T.append(Template(
        "big_font", "province", frozenset({"kai", "bhei", "song"}),
        Geometry(top=25, bottom=272, inner=28, outer=24), st,
        Opts(docno_above=True, cn_dates=0.5, attach_label=True),
        _toc("目　录", "song", 12.5, 2.0, "plain", "{}"),
        Geometry(top=30, bottom=270, inner=25, outer=25), cv.cover_plain, cv.folio_dash_outer,
        _sec("省"), new_page="always", back=cv.back_info, n_docs=(6, 8), body_pages=(18, 34),
        kinds={"issuance": 2.5},
        notes="Large type: 楷体 body 14pt, leading 1.8, first-line indent 2; titles in heavier 黑体 "
              "(zenhei) 20pt wrapped to 70% width (2-3 lines); 文号 centred ABOVE the title; many "
              "印发 notices whose 附件 follows with its own title; every document on a new page; "
              "folio －12－ at the outer corner; imprint back page."))

    st = styles("hei", 11, 1.6, "bhei", 16)
    T.append(Template(
        "county_notoc", "county", frozenset({"hei", "bhei"}),
        Geometry(top=24, bottom=274, inner=24, outer=24), st, Opts(cn_dates=0.3, notice_note=0.2),
        None, Geometry(top=30, bottom=270, inner=25, outer=25), cv.cover_county, cv.folio_hyphen,
        {k: "" for k in ("reg", "gov", "office", "dept", "personnel", "interp")},
        separator=True, n_docs=(6, 9), body_pages=(11, 24),
        notes="Small county gazette: no 目录 at all, no regulations (counties issue no 规章), "
              "documents run on separated by a short rule, folio '- 12 -' centred."))

    st = styles("song", 10.5, 1.75, "bhei", 16)
    T.append(Template(
        "toc_two_page", "province", frozenset({"song", "bhei", "hei"}),
        Geometry(top=27, bottom=274, inner=25, outer=22), st, Opts(cn_dates=0.7),
        _toc("目　　录", "song", 12, 1.9, "first", "—— {} ——",
             docno_style=Style("song", 10, 1.5, left=4.6, color=(60, 60, 60)), split_after=0.55),
        Geometry(top=30, bottom=272, inner=25, outer=25), cv.cover_state, cv.head_section_folio,
        _sec("省"), folio_mode="annual", n_docs=(11, 14), body_pages=(18, 34),
        notes="目录 over two pages, page number FIRST ('12　标题', hanging indent) with the 文号 on "
              "a second line, section heads '—— 省政府文件 ——'; running head: odd pages show the "
              "section name left and the folio right, even pages folio left and the gazette name "
              "right; continuous annual pagination."))

    st = styles("hei", 10.5, 1.6, "bhei", 15)
    st["docno"] = replace(st["docno"], align="right", right=2)
    T.append(Template(
        "cover_toc", "city", frozenset({"hei", "bhei"}),
        Geometry(top=26, bottom=272, inner=22, outer=22), st, Opts(cn_dates=0.1, notice_note=0.7),
        _toc("", "hei", 10.5, 1.75, "leader", "{}", leader="．", on_cover_y=74,
             docno_style=Style("hei", 9, 1.45, left=1.2, color=(90, 90, 90))),
        Geometry(top=26, bottom=272, inner=25, outer=25), cv.cover_masthead, cv.head_bar_boxfolio,
        _sec("市"), new_page="reg", per_year=(12,), n_docs=(8, 13),
        notes="The 目录 starts on the cover under a short masthead (本期目录) and often runs onto page 2; "
              "文号 right-aligned under titles; thick red top bar; folio white in a dark box at the "
              "outer bottom corner."))
    return T
