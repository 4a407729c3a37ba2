"""The five layouts of bench.indep4 and their document mixes."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from bench.indep.compose import Opts
from bench.indep.layout import PT, Style

from . import furniture as F
from .typeset import GREY, RED, Geo


def styles(body: str, size: float, lead: float, title: str, tsize: float, sub: str = "hei",
           title_w: float = 0.86) -> dict[str, Style]:
    line = size * PT * lead
    b = Style(body, size, lead, indent=2)
    return {
        "body": b, "body_noind": replace(b, indent=0), "attach_list": replace(b, indent=3),
        "order_text": b,
        "chapter": Style(sub, size, lead, align="center", before=line * 0.4, keep=True),
        "subhead": Style(sub, size, lead, indent=2, keep=True),
        "title": Style(title, tsize, 1.4, align="center", before=line * 1.2, after=line * 0.5, max_width=title_w,
                       keep=True),
        "title_issuer": Style(title, tsize, 1.4, align="center", before=line * 1.2, keep=True),
        "docno": Style(body, size, lead, align="center", after=line * 0.3, keep=True),
        "header": Style("kai", size - 0.5, 1.5, align="center", keep=True),
        "gg_head": Style(title, tsize - 1, 1.4, align="center", before=line * 1.0, keep=True),
        "gg_no": Style(body, size, lead, align="center", after=line * 0.3, keep=True),
        "addressee": Style(body, size, lead, before=line * 0.2),
        "sign": Style(body, size, lead, align="right", right=3, before=line * 0.5, keep=True),
        "sign_pair": Style(body, size, lead, left=2, right=2, before=line * 0.6, keep=True),
        "date": Style(body, size, lead, align="right", right=3),
        "note": Style(body, size, lead, indent=2),
        "order_head": Style(title, tsize + 2, 1.4, align="center", before=line * 1.2, keep=True),
        "order_no": Style(body, size + 0.5, lead, align="center", after=line * 0.3, keep=True),
        "order_sign": Style(body, size, lead, align="right", right=5, before=line * 0.4, keep=True),
        "order_date": Style(body, size, lead, align="right", right=4, after=line * 0.6),
        "attach_label": Style(sub, size, lead, before=line * 1.2, keep=True),
        "attach_title": Style(title, tsize - 1.5, 1.4, align="center", before=line * 0.4, after=line * 0.4,
                              max_width=title_w, keep=True),
        "toc_head": Style(sub, size, lead, align="center", before=line * 0.3, keep=True),
        "toc_line": Style("kai", size, lead * 0.95, left=4),
        "banji": Style(body, size - 1, lead, left=1, right=1, keep=True),
        "banji_pair": Style(body, size - 1, lead, left=1, right=1, keep=True),
        "rule": Style("rule", size - 1, 0.9, keep=True),
        "fnrule": Style("rule", size - 1, 1.2, before=line * 0.6, keep=True),
        "footnote": Style(body, size - 1.5, lead * 0.95),
        "redhead": Style("bhei", tsize + 10, 1.3, align="center", before=line, color=RED, keep=True),
        "red_docno": Style(body, size, lead, align="center", before=line * 0.8, keep=True),
        "redrule": Style("rule", size, 1.4, keep=True),
        "table": Style(body, size - 1.5, 1.5, before=line * 0.3),
        "tnote": Style(body, size - 1.5, lead, indent=0, before=1.0),
        "label": Style("hei", size - 1, 1.5, color=GREY, before=line * 0.6, keep=True),
    }


@dataclass
class Template:
    name: str
    level: str
    geo: Geo
    fonts: frozenset
    styles: dict
    opts: Opts
    sections: dict          # key -> printed section name (order = printed order)
    cover: Callable
    decorate: Callable
    toc_style: str
    toc_columns: int = 1
    annual: bool = False
    hekan: bool = False
    docno_above: bool = False
    dividers: bool = False
    hang: bool = False
    label: bool = False
    interp_after: bool = True
    reg_new_page: bool = False
    separator: str = "space"           # space | rule
    body_pages: tuple = (15, 26)
    notes: str = ""
    per_year: tuple = (12,)
    trad: tuple = ()
    extra: dict = field(default_factory=dict)


def build() -> list[Template]:
    T = []
    st = styles("song", 10, 1.6, "bhei", 14.5)
    T.append(Template(
        "b5_mirror", "province", Geo(176, 250, 24, 232, 20, 17), frozenset({"song", "bhei", "hei", "kai"}), st,
        Opts(cn_dates=0.5, notice_note=0.4),
        {"reg": "省政府令", "reg2": "省政府规章", "gov": "省政府文件", "office": "省政府办公厅文件", "dept": "部门文件",
         "personnel": "人事任免"},
        F.cover_b5, F.deco_b5, "twocol", toc_columns=2, annual=True, reg_new_page=True, per_year=(24,),
        notes="B5 (176×250 mm). Mirrored heads: even pages gazette + issue at the outer (left), odd pages the "
              "section name at the outer (right), over a rule; folio `— N —` centred in the foot. 目录 in two "
              "columns with ◆ section heads and grey 文号 lines. 令 blocks signed by the 省长 with dates in "
              "Chinese numerals; 规章 without 令 with bare `…令第N号公布` / `自…起施行` header lines; 版记; 复函 with "
              "issuer above a two-line title; annual pagination."))
    st = styles("hei", 10.5, 1.6, "bhei", 15.5, title_w=0.72)
    st["docno"] = Style("hei", 10.5, 1.6, align="center", before=10.5 * PT * 1.6 * 1.2, after=1.0, keep=True)
    T.append(Template(
        "k16_hekan", "city", Geo(184, 260, 20, 238, 22, 18), frozenset({"hei", "bhei", "song", "kai"}), st,
        Opts(cn_dates=0.2, notice_note=0.5),
        {"npc": "地方性法规", "reg2": "市政府规章", "gov": "市政府文件", "office": "市政府办公室文件",
         "dept": "部门文件", "other": "公告", "personnel": "人事任免"},
        F.cover_hekan, F.deco_hekan, "pageleft", hekan=True, docno_above=True, separator="rule",
        notes="16开 (184×260 mm), **合刊** `第5-6期` (总第N-N+1期). No head; foot `·N·` centred and the issue at "
              "the outer foot. 目录 with page numbers LEFT in red and sections on red bands. **文号 centred ABOVE** "
              "titles wrapped to 72% width (2–3 lines); 地方性法规 with 公告 and bare header lines; joint notices "
              "with a two-organ signature on one line; 附件 tables drawn with rules; 版记."))
    st = styles("song", 11, 1.7, "bhei", 16, sub="bhei")
    T.append(Template(
        "red_header", "county", Geo(210, 297, 30, 274, 27, 24, mirror=False), frozenset({"song", "bhei", "hei", "kai"}),
        st, Opts(cn_dates=0.6, notice_note=0.3),
        {"gov": "县政府文件", "office": "县政府办公室文件", "dept": "部门文件", "other": "通报公告",
         "personnel": "人事任免", "interp": "政策解读"},
        F.cover_red, F.deco_red, "issuer_first", interp_after=False,
        notes="A4 county gazette. Government documents reproduced with their **红头** (`XX县人民政府文件` in big "
              "red type, the 文号 centred under it, a red rule) before the title. Head (not mirrored): gazette "
              "name left, issue centre, **bold red folio right in the head**, red rule; no foot. 目录 with the "
              "**issuer before the title** (`县人民政府办公室　关于…`), … leaders, 文号 line in 楷体. 通报 with a "
              "table; footnotes; 解读 in its own section."))
    st = styles("song", 10.5, 1.65, "bhei", 16, sub="hei")
    T.append(Template(
        "npc_divider", "province", Geo(210, 285, 26, 264, 26, 22), frozenset({"song", "bhei", "hei", "kai"}), st,
        Opts(cn_dates=0.3, notice_note=0.0),
        {"law": "法律", "jud": "司法解释", "npc": "地方性法规", "reg2": "省政府规章", "personnel": "人事任免"},
        F.cover_npc, F.deco_npc, "centred_sections", dividers=True, hang=True, annual=True, interp_after=False,
        reg_new_page=True, body_pages=(17, 27),
        notes="大16开 (210×285 mm). **Section divider pages** (栏目页: only the section name, folio counted but "
              "not printed). Articles set with a **hanging indent** (`第N条　` hangs, the rest of the paragraph "
              "is indented by its width). Head: section name centred between short rules; folio `－N－` at the "
              "outer foot. 目录: page numbers left of the titles behind a short bar, sections centred between "
              "rules, date line under each entry. Reprinted 法律 with 主席令, 全国人大常委会决定, 司法解释, 地方性法规 "
              "with bare multi-line headers, 规章 without 令, 任免名单."))
    st = styles("hei", 10.5, 1.65, "bhei", 15, title_w=0.8)
    T.append(Template(
        "label_trad", "city", Geo(210, 297, 24, 272, 25, 22), frozenset({"hei", "bhei", "song", "kai"}), st,
        Opts(cn_dates=0.4, notice_note=0.5),
        {"reg": "市政府令", "gov": "市政府文件", "office": "市政府办公厅文件", "dept": "部门文件", "other": "公告",
         "personnel": "人事任免", "interp": "政策解读"},
        F.cover_label, F.deco_label, "dated", label=True, interp_after=False, trad=("s2t", "s2hk"),
        notes="A4 city gazette. A grey **section label `【市政府文件】` above every document** (repeats the "
              "section). **Two documents printed wholly in traditional characters** (OpenCC s2t and s2hk) in a "
              "simplified issue. Titles broken **inside a word** over two lines. Foot: rule, gazette name at "
              "the inner, `· N ·` at the outer; no head. 目录 entries with the **signing date in brackets** after "
              "the title and `．` leaders. Joint departments on one line with two ASCII spaces, also named in "
              "the title."))
    return T
