"""The five layout templates of bench.indep3 and their document mixes."""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Callable

from bench.indep.compose import Opts
from bench.indep.layout import PT, Style
from bench.indep.templates import styles as base_styles

from . import furniture as F
from . import toc as T
from .geo import A4, A4_LANDSCAPE, Geo, XStyle

BLUE = (20, 60, 120)
RED = (190, 20, 30)
GREEN = (20, 100, 70)


@dataclass
class Template:
    name: str
    level: str
    fonts: frozenset[str]
    size: tuple[float, float]
    geo: Geo
    styles: dict[str, Style]
    opts: Opts
    cover: Callable
    decorate: Callable
    sections: dict[str, str]                # section key -> printed (and truth) name
    order: list[str]                        # section keys in issue order
    toc: Callable | None
    toc_geo: Geo
    mix: Callable                           # (rng, occurrence) -> list of (what, params)
    toc_where: str = "front"                # front | end
    groups: list[tuple[str, list[str]]] = field(default_factory=list)   # two-level 目录
    folio_mode: str = "body1"               # body1 | annual | pdf
    new_page: Callable = lambda d: False
    separator: Style | None = None
    banner: Style | None = None
    docno_on_title: bool = False
    interp_after: bool = True
    back: Callable | None = None
    remap: dict[tuple[str, str], str] = field(default_factory=dict)
    tabs: dict[str, str] = field(default_factory=dict)
    body_pages: tuple[int, int] = (14, 28)
    per_year: tuple[int, ...] = (12, 24)
    provinces: tuple[str, ...] = ()
    trad: tuple[str, ...] = ()
    toc_decorate: Callable | None = None
    notes: str = ""


def roles(body: str, size: float, lead: float, title: str, tsize: float, *, sub: str = "hei",
          head_font: str = "kai") -> dict[str, Style]:
    """bench.indep's role styles plus the roles of bench.indep3's documents."""
    st = base_styles(body, size, lead, title, tsize, sub=sub)
    line = size * PT * lead
    st.update({
        "header": Style(head_font, size - 0.5, lead, align="center", left=2, right=2, after=line * 0.5),
        "header_line": Style(head_font, size - 0.5, lead, align="center", keep=True),
        "gg_head": Style(title, tsize + 1, 1.4, align="center", before=line * 1.4, keep=True),
        "gg_no": Style(body, size, lead, align="center", after=line * 0.4, keep=True),
        "gg_head2": Style(title, tsize + 1, 1.4, align="center", before=line * 0.2, keep=True),
        "gg_text": Style(body, size, lead, indent=2),
        "gg_sign2": Style(body, size, lead, align="right", right=3, keep=True),
        "gg_sign": Style(body, size, lead, align="right", right=3, before=line * 0.5, keep=True),
        "gg_date": Style(body, size, lead, align="right", right=3, after=line * 1.2, keep=True),
        "ltoc_head": Style(sub, size, lead, align="center", before=line * 0.4, keep=True),
        "ltoc": Style(body, size, lead, left=4),
        "list_head": Style(sub, size, lead, before=line * 0.3, keep=True),
        "list": Style(body, size, lead, indent=2),
        "attach_list": Style(body, size, lead, indent=2, before=line * 0.3),
        "attach_list2": Style(body, size, lead, left=5),
    })
    st["abody"], st["achapter"], st["asubhead"] = st["body"], st["chapter"], st["subhead"]
    st["order_text"] = replace(st["order_text"], span=False)
    return st


def _sec(o: str, dept: str = "部门文件") -> dict[str, str]:
    return {"reg": f"{o}政府规章", "gov": f"{o}政府文件", "office": f"{o}政府办公厅文件", "dept": dept,
            "personnel": "人事任免", "interp": "政策解读"}


# -- mixes: (what, params); "interp" slots become 解读 of documents of the issue -----------
def mix_wide(rng: random.Random, occ: int) -> list[tuple[str, dict]]:
    out = [("rule", {}), ("rule_no_order", {"variant": rng.choice(["plain", "meeting"])}),
           ("iss", {"org": "gov", "att": 1}), ("iss", {"org": "dept" if occ % 2 == 0 else "office", "att": 2, "n_org": 2}),
           ("notice", {"office": rng.random() < 0.6, "numbered": True}),
           ("notice", {"office": True, "numbered": False}),
           (rng.choice(["reply_syn", "reply_corpus"]), {}), (rng.choice(["bulletin", "tongbao"]), {}),
           ("personnel", {}), ("interp", {})]
    if rng.random() < 0.5:
        out.append(("iss", {"org": "dept", "att": 1, "n_org": 1}))
    return out


def mix_levels(rng: random.Random, occ: int) -> list[tuple[str, dict]]:
    first = occ % 2 == 0
    gg = ["plain", "paren", "term", "term_paren"][(occ * 2 + rng.randint(0, 1)) % 4]
    out = [("local_reg", {"gg": gg, "header": "paren_pub" if first else "paren"}),
           ("local_reg", {"gg": None, "header": "lines" if first else "amended"}),
           ("decision_local", {"gg": None if first else "plain"}),
           ("rule_no_order", {"variant": rng.choice(["plain", "meeting", "comma"])}),
           ("iss", {"org": "office", "att": 1}),
           ("iss", {"org": "dept", "att": 1, "n_org": 3, "sign": "row_ascii"}),
           ("notice", {"office": rng.random() < 0.5, "numbered": False}),
           ("reply_syn", {}), ("personnel", {}), ("interp", {})]
    out.append(("rule", {}) if first else ("notice", {"office": False, "numbered": True}))
    return out


def mix_tab(rng: random.Random, occ: int) -> list[tuple[str, dict]]:
    return [("rule", {}), ("rule_no_order", {"variant": rng.choice(["plain", "meeting"])}),
            ("notice", {"office": True, "numbered": True, "trad": "all"}),
            ("iss", {"org": "gov", "att": 1, "trad": "attach"}),
            ("iss", {"org": "dept", "att": 1, "n_org": 2, "sign": "row"}),
            ("notice", {"office": rng.random() < 0.5, "numbered": False}),
            ("reply_syn", {}), ("reply_corpus", {}), ("bulletin", {}), ("personnel", {}), ("interp", {})]


def mix_law(rng: random.Random, occ: int) -> list[tuple[str, dict]]:
    first = occ % 2 == 0
    return [("law", {"order": first, "own_toc": first}), ("decision_nat", {"order": not first}),
            ("judicial", {"joint": True, "gg": "lines" if first else "one", "above": not first}),
            ("judicial", {"joint": False, "gg": "one" if not first else None, "above": first}),
            ("local_reg", {"gg": "term" if first else "paren", "header": "paren" if first else "lines"}),
            ("npc_personnel", {}), ("rule_no_order", {"variant": "meeting" if first else "comma"}),
            ("iss", {"org": "office", "att": 1}), ("notice", {"office": False, "numbered": True}), ("interp", {})]


def mix_total(rng: random.Random, occ: int) -> list[tuple[str, dict]]:
    return [("rule_no_order", {"variant": rng.choice(["comma", "plain"])}), ("rule", {}),
            ("iss", {"org": "dept", "att": 2, "n_org": 3, "sign": "row"}),
            ("iss", {"org": "dept", "att": 1, "n_org": 3, "sign": "row_ascii", "title_orgs": True}),
            ("iss", {"org": "gov", "att": 2}),
            ("notice", {"office": True, "numbered": True}), ("notice", {"office": False, "numbered": False}),
            (rng.choice(["reply_corpus", "reply_syn"]), {}), ("tongbao" if occ % 2 else "bulletin", {}),
            ("personnel", {}), ("interp", {})]


def build() -> list[Template]:
    """All templates, in a fixed order."""
    TT: list[Template] = []

    # 1 -------------------------------------------------------------------------------
    st = roles("song", 10, 1.55, "bhei", 14)
    st["title"] = replace(st["title"], max_width=0.92)
    st["ibody"] = Style("kai", 10, 1.55, indent=2)
    st["sep"] = XStyle("rule", 10, 1.2, max_width=0.22, color=RED, rule_width=0.5)
    geo = Geo(top=24, bottom=195, inner=18, outer=18, columns=2, gap=11, mirror=False,
              page_w=A4_LANDSCAPE[0], page_h=A4_LANDSCAPE[1])
    TT.append(Template(
        "wide_issuer", "province", frozenset({"song", "bhei", "hei", "kai"}), A4_LANDSCAPE, geo, st,
        Opts(cn_dates=0.3, notice_note=0.4), F.cover_wide, F.head_wide, _sec("省", "省直部门文件"),
        ["reg", "gov", "office", "dept", "personnel"], T.toc_table,
        Geo(top=22, bottom=196, inner=22, outer=22, mirror=False, page_w=297, page_h=210), mix_wide,
        separator=st["sep"], remap={("interpretation", "body"): "ibody"}, body_pages=(10, 18),
        notes="Landscape A4 'screen edition': two columns, and EVERYTHING flows in the columns (titles, "
              "令 blocks, 解读) - no spanning heads; documents start mid-column after a short red rule. "
              "Head: gazette name left, folio boxed in the centre, issue right (no foot). Cover: red panel "
              "with the name stacked vertically. 目录 as a ruled table 文件名称 / 发文机关 / 页码 with "
              "shaded section rows; 解读 in 楷体 after its document."))

    # 2 -------------------------------------------------------------------------------
    st = roles("song", 11, 1.65, "bhei", 16)
    st["banner"] = XStyle("hei", 11.5, 2.1, left=0.6, bg=(222, 228, 238), color=BLUE, before=4, after=2,
                          keep=True)
    st["title"] = replace(st["title"], before=st["title"].before * 0.7)
    TT.append(Template(
        "two_level", "city", frozenset({"song", "bhei", "hei", "kai"}), A4,
        Geo(top=22, bottom=268, inner=24, outer=24, mirror=False), st, Opts(cn_dates=0.25, notice_note=0.3),
        F.cover_number, F.foot_circle,
        {"npc": "地方性法规", **_sec("市")}, ["npc", "reg", "gov", "office", "dept", "personnel", "interp"],
        T.toc_levels, Geo(top=24, bottom=268, inner=25, outer=25, mirror=False), mix_levels,
        groups=[("法规规章", ["npc", "reg"]), ("规范性文件", ["gov", "office", "dept"]),
                ("其他文件", ["personnel", "interp"])],
        new_page=lambda d: d.detail in ("local_regulation", "rule", "decision"),
        banner=st["banner"], interp_after=False, body_pages=(14, 26),
        notes="City gazette. 目录 in TWO NUMBERED LEVELS (一、法规规章 / （一）地方性法规 …) with … leaders; "
              "the same headings are printed as SECTION BANNERS (shaded bands) in the body before the "
              "first document of each section. No running head; foot: gazette + issue left, folio in a "
              "circle right, not mirrored. 地方性法规 with the 人大常委会公告 directly before the text; "
              "three departments signing on one line."))

    # 3 -------------------------------------------------------------------------------
    st = roles("song", 10.5, 1.65, "bhei", 15)
    st["title"] = Style("bhei", 15, 1.35, align="left", right=130 * 0.5 / (15 * PT), before=10, after=3, keep=True)
    st["docno"] = Style("song", 10.5, 1.5, align="right", keep=True)
    for r, base in (("abody", "body"), ("achapter", "chapter"), ("asubhead", "subhead")):
        st[r] = replace(st[base], size=9.2, font="kai" if r == "abody" else st[base].font)
    st["attach_title"] = replace(st["attach_title"], size=13)
    st["gbody"] = Style("song", 12, 1.7, indent=2)
    TT.append(Template(
        "side_tab", "province", frozenset({"song", "bhei", "hei", "kai"}), A4,
        Geo(top=24, bottom=270, inner=22, outer=58, mirror=True), st,
        Opts(cn_dates=0.85, notice_note=0.3, attach_label=True), F.cover_seal, F.head_tab, _sec("省"),
        ["reg", "gov", "office", "dept", "personnel"], T.toc_docno,
        Geo(top=28, bottom=270, inner=25, outer=25, mirror=False), mix_tab,
        folio_mode="annual", new_page=lambda d: d.detail == "rule", docno_on_title=True,
        remap={("notice_announcement", "body"): "gbody"},
        tabs={"reg": "规章", "gov": "政府文件", "office": "办公厅", "dept": "部门", "personnel": "任免"},
        body_pages=(14, 26), provinces=("广东省", "福建省"), trad=("s2hk", "s2t"),
        notes="Narrow text block with a 58 mm OUTER margin carrying a thumb tab (section label stacked "
              "vertically, white on grey, at a height per section) and the bold folio; small head at the "
              "inner edge. Titles LEFT-aligned, wrapped to 2-4 lines, with the 文号 RIGHT-ALIGNED ON THE "
              "TITLE'S LAST LINE. Mixed sizes: attachments 9.2pt 楷体, 公告 12pt. Dates mostly in Chinese "
              "numerals. One document printed entirely in traditional characters and one 印发 notice "
              "whose attachment is traditional, inside a simplified issue. 目录 with a 文号 column, … "
              "leaders and pages in 【】. Annual pagination."))

    # 4 -------------------------------------------------------------------------------
    st = roles("song", 10.5, 1.7, "bhei", 16)
    st["title"] = replace(st["title"], max_width=0.8)
    TT.append(Template(
        "law_endtoc", "province", frozenset({"song", "bhei", "hei", "kai"}), A4,
        Geo(top=26, bottom=272, inner=26, outer=24, mirror=True), st, Opts(cn_dates=0.4, notice_note=0.3),
        F.cover_vertical, F.head_title,
        {"law": "国家法律", "jud": "司法解释", "npc": "地方性法规", "npc_pers": "人大常委会任免",
         **_sec("省")},
        ["law", "jud", "npc", "npc_pers", "reg", "gov", "office", "interp"], T.toc_twoline,
        Geo(top=24, bottom=272, inner=25, outer=25, mirror=False), mix_law, toc_where="end",
        new_page=lambda d: d.detail in ("law", "decision", "local_regulation", "judicial_interpretation"),
        interp_after=False, back=None, body_pages=(16, 30),
        notes="Reprints first: 法律 (with 主席令 block or header only, own 目录), 全国人大常委会 修改决定, "
              "司法解释 (joint with 公告 on three lines / court only), a provincial 地方性法规 with its "
              "公告, a 人大常委会任免名单; then 规章 without 令 and notices. RUNNING HEAD = the title of "
              "the page's first document (shortened with ……); folio in the OUTER MARGIN at mid-height "
              "between two short vertical rules. The 目录 is printed at the END of the issue (title "
              "line, then issuer and date with · leaders to the page). Vertical masthead cover."))

    # 5 -------------------------------------------------------------------------------
    st = roles("hei", 10.5, 1.65, "bhei", 16)
    st["sep"] = XStyle("rule", 10.5, 1.5, max_width=0.16, color=GREEN, rule_align="left", rule_width=0.8)
    st["title"] = replace(st["title"], color=(0, 0, 0), max_width=0.78)
    st["attach_title"] = replace(st["attach_title"], size=14)
    TT.append(Template(
        "pdf_folio", "city", frozenset({"hei", "bhei", "kai", "song"}), A4,
        Geo(top=20, bottom=274, inner=22, outer=22, mirror=False), st, Opts(cn_dates=1.0, notice_note=0.5),
        F.cover_plainweb, F.foot_total, _sec("市"), ["reg", "gov", "office", "dept", "personnel"],
        T.toc_circle, Geo(top=24, bottom=272, inner=24, outer=24, mirror=False), mix_total,
        folio_mode="pdf", separator=st["sep"], toc_decorate=F.foot_total, body_pages=(14, 26),
        notes="Born-digital city gazette: folios ARE the PDF page numbers, printed 'N / TOTAL' at the "
              "bottom right also on the 目录 (cover unnumbered); no running head. Documents run on after "
              "a short LEFT-aligned green rule. All signature dates in Chinese numerals; three departments "
              "on one line separated by U+3000 or two ASCII spaces (also named in a title); 印发 notices "
              "with 附件1 / 附件2, each with its own title. 目录: heading over a thick rule, section "
              "names over thin rules, page numbers in filled circles."))
    return TT
