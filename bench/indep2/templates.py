"""The seven indep2 layouts and the document mix each one prints."""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from typing import Callable

from . import furniture as fu
from .toc import TocSpec
from .typeset import Geometry, Style


@dataclass
class Slot:
    """One document the issue will carry (chosen before any page budget is known)."""

    detail: str
    what: str                   # composer variant, e.g. notice_gov, iss_dept, fuhan_split
    section: str
    variant: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Template:
    name: str
    level: str
    npc_gazette: bool
    fonts: frozenset[str]
    geo: Geometry
    styles: dict[str, Style]
    toc: TocSpec | None
    toc_columns: int
    toc_geo: Geometry
    cover: Callable
    decorate: Callable
    sections: dict[str, str]
    section_order: tuple[str, ...]
    mix: Callable[[random.Random], list[Slot]]
    folio_mode: str = "body1"
    new_page: str = "never"            # never | reg | always
    separator: str = ""                # "" | rule | stars(graphic)
    back: Callable | None = None
    body_pages: tuple[int, int] = (14, 32)
    per_year: tuple[int, ...] = (12, 24)
    word: str = "期"
    trad: tuple[str, ...] = ()         # OpenCC configs (one is chosen per issue)
    cn_dates: float = 0.3
    docno_pos: str = "below"
    interp_after: bool = False
    notes: str = ""


def styles(body: str, size: float, lead: float, title: str, tsize: float, sub: str = "hei",
           title_color=(0, 0, 0)) -> dict[str, Style]:
    line = size * 0.3528 * lead
    b = Style(body, size, lead, indent=2)
    return {
        "body": b,
        "chapter": Style(sub, size, lead, align="center", before=line * 0.4, keep=True),
        "subhead": Style(sub, size, lead, indent=2, keep=True),
        "title": Style(title, tsize, 1.35, align="center", before=line * 1.6, after=line * 0.5, max_width=0.84,
                       keep=True, color=title_color),
        "issuer_line": Style(title, tsize, 1.35, align="center", before=line * 1.2, keep=True, color=title_color),
        "docno": Style(body, size, lead, align="center", after=line * 0.3, keep=True),
        "header": Style("kai", size, lead, align="center", left=2, right=2, keep=True, after=line * 0.2),
        "addressee": Style(body, size, lead, before=line * 0.2),
        "sign": Style(body, size, lead, align="right", right=3, before=line * 0.5, keep=True),
        "date": Style(body, size, lead, align="right", right=3),
        "note": Style(body, size, lead, indent=2),
        "order_head": Style(title, tsize + 3, 1.4, align="center", before=line * 1.6, keep=True, color=title_color),
        "order_no": Style(body, size + 1, lead, align="center", after=line * 0.4, keep=True),
        "order_text": b,
        "order_sign": Style(body, size, lead, align="right", right=5, before=line * 0.5),
        "order_date": Style(body, size, lead, align="right", right=4, after=line * 0.8),
        "gg_head": Style(title, tsize + 1, 1.4, align="center", before=line * 1.6, keep=True, color=title_color),
        "gg_no": Style(body, size, lead, align="center", after=line * 0.3, keep=True),
        "gg_text": b,
        "attach_label": Style(sub, size, lead, before=line * 1.5, keep=True),
        "attach_title": Style(title, tsize - 1, 1.35, align="center", before=line * 0.6, after=line * 0.5,
                              max_width=0.84, keep=True),
        "inner_toc": Style(body, size, lead, left=6),
        "sep": Style("rule", size, lead * 1.6, span=True, max_width=0.2),
    }


def _sec(o: str, office: str = "办公厅") -> dict[str, str]:
    return {"law": "法律", "npcdec": "全国人大常委会决定", "judicial": "司法解释", "state": "国务院文件",
            "npc": "地方性法规", "reg": f"{o}政府规章", "gov": f"{o}政府文件", "office": f"{o}政府{office}文件",
            "dept": "部门文件", "personnel": "人事任免", "interp": "政策解读", "notice": "公告"}


def _toc(mode: str, heading: str, font: str, size: float, lead: float, sec_fmt: str, sec_style: Style | None = None,
         small: Style | None = None, **kw) -> TocSpec:
    return TocSpec(mode, heading, Style("bhei", 19, 1.3, align="center", after=7),
                   sec_fmt, sec_style or Style("bhei", size + 0.5, lead, before=4, keep=True),
                   Style(font, size, lead), small or Style(font, size - 1.5, 1.5, color=(90, 90, 90)), **kw)


# -- mixes -------------------------------------------------------------------------------
def _hdr(rng: random.Random) -> str:
    return rng.choice(["paren_one", "paren_one", "paren_lines", "bare_one", "bare_lines"])


def mix_npc(rng: random.Random) -> list[Slot]:
    out = []
    for i in range(rng.randint(4, 6)):
        out.append(Slot("local_regulation", "local", "npc",
                        {"header": _hdr(rng), "gonggao": rng.random() < 0.5, "amended": rng.random() < 0.15,
                         "sub_city": rng.random() < 0.5}))
    for _ in range(rng.randint(1, 2)):
        out.append(Slot("decision", "local_decision", "npcdec", {"header": _hdr(rng), "sub_city": rng.random() < 0.4}))
    out.append(Slot("personnel", "npc", "personnel"))
    if rng.random() < 0.5:
        out.append(Slot("personnel", "npc", "personnel"))
    if rng.random() < 0.7:
        out.append(Slot("law", "law", "law", {"order": False, "inner_toc": rng.random() < 0.6,
                                              "header": rng.choice(["paren", "bare_lines"])}))
    return out


def mix_blue(rng: random.Random) -> list[Slot]:
    out = [Slot("rule_no_order", "rno", "reg", {"style": rng.choice(["plain", "meeting", "short"])})
           for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.5:
        out.append(Slot("rule", "rule", "reg"))
    out.append(Slot("local_regulation", "local", "npc", {"header": _hdr(rng), "gonggao": rng.random() < 0.4}))
    out += [Slot("normative", "notice_gov", "gov"), Slot("normative", "iss_office", "office"),
            Slot("normative", "iss_dept", "dept", {"n": rng.choice([2, 3]), "sign_form": rng.choice(["lines", "fullwidth", "ascii"])})]
    out += [Slot("normative_no_number", rng.choice(["notice_office", "notice_gov"]), "office")]
    out.append(Slot("reply", "pifu", "gov"))
    out.append(Slot("personnel", "gov", "personnel"))
    out.append(Slot("interpretation", "interp", "interp"))
    if rng.random() < 0.5:
        out.append(Slot("notice_announcement", "bulletin", "gov"))
    return out


def mix_city(rng: random.Random) -> list[Slot]:
    out = [Slot("rule", "rule", "reg"), Slot("rule_no_order", "rno", "reg", {"style": rng.choice(["plain", "ascii", "lines"])})]
    out += [Slot("normative", rng.choice(["notice_gov", "iss_gov"]), "gov"),
            Slot("normative", "iss_dept", "dept", {"n": rng.choice([1, 2]), "sign_form": rng.choice(["lines", "fullwidth"])}),
            Slot("normative_no_number", "notice_office", "office"),
            Slot("normative_no_number", "iss_dept", "dept", {"n": rng.choice([2, 3]), "sign_form": rng.choice(["lines", "ascii"]),
                                                             "issuers_in_title": rng.random() < 0.5})]
    out.append(Slot("reply", "reply_corpus", "gov"))
    out.append(Slot("reply", "fuhan_split", "office"))
    out.append(Slot("notice_announcement", "bulletin", "gov"))
    out.append(Slot("personnel", "gov", "personnel"))
    if rng.random() < 0.6:
        out.append(Slot("interpretation", "interp", "interp"))
    return out


def mix_trad(rng: random.Random) -> list[Slot]:
    out = [Slot("normative", "notice_gov", "gov"), Slot("normative", "iss_office", "office"),
           Slot("normative", "iss_dept", "dept", {"n": rng.choice([2, 3]), "sign_form": rng.choice(["lines", "fullwidth", "ascii"]),
                                                  "issuers_in_title": rng.random() < 0.4}),
           Slot("normative_no_number", "notice_office", "office"),
           Slot("normative_no_number", rng.choice(["notice_gov", "iss_gov"]), "gov"),
           Slot("reply", "pifu", "gov"), Slot("personnel", "gov", "personnel"),
           Slot("notice_announcement", "bulletin", "notice")]
    if rng.random() < 0.7:
        out.append(Slot("interpretation", "interp", "interp"))
    if rng.random() < 0.5:
        out.append(Slot("reply", "fuhan_split", "office"))
    return out


def mix_state(rng: random.Random) -> list[Slot]:
    out = [Slot("law", "law", "law", {"order": True, "inner_toc": rng.random() < 0.5})]
    out.append(Slot("decision", "npcsc_decision", "npcdec", {"order": rng.random() < 0.5}))
    joint = rng.random() < 0.5
    out.append(Slot("judicial_interpretation", "judicial", "judicial", {"joint": joint, "gonggao": True}))
    if rng.random() < 0.7:
        out.append(Slot("judicial_interpretation", "judicial", "judicial", {"joint": not joint, "gonggao": False}))
    out += [Slot("reply", "state_reply", "state"), Slot("reply", "fuhan_split_national", "state")]
    if rng.random() < 0.5:
        out.append(Slot("reply", "fuhan_split_national", "state"))
    out.append(Slot("normative", "state_notice", "state"))
    out.append(Slot("rule_no_order", "rno", "reg", {"style": rng.choice(["plain", "meeting"])}))
    out.append(Slot("normative", rng.choice(["notice_gov", "iss_gov"]), "gov"))
    out.append(Slot("normative_no_number", "notice_office", "gov"))
    return out


def mix_boxed(rng: random.Random) -> list[Slot]:
    out = [Slot("local_regulation", "local", "npc", {"header": _hdr(rng), "gonggao": rng.random() < 0.6})
           for _ in range(rng.randint(1, 2))]
    out.append(Slot("rule_no_order", "rno", "reg", {"style": rng.choice(["plain", "meeting", "ascii", "lines"])}))
    out += [Slot("normative", "notice_gov", "gov"),
            Slot("normative", "iss_dept", "dept", {"n": 2, "sign_form": rng.choice(["fullwidth", "ascii"])}),
            Slot("normative", "iss_dept", "dept", {"n": 3, "sign_form": "lines", "issuers_in_title": rng.random() < 0.5}),
            Slot("normative_no_number", rng.choice(["notice_office", "iss_office"]), "office"),
            Slot("reply", rng.choice(["pifu", "reply_corpus"]), "gov"),
            Slot("notice_announcement", rng.choice(["bulletin", "tongbao"]), "gov"),
            Slot("personnel", "gov", "personnel")]
    return out


def mix_digest(rng: random.Random) -> list[Slot]:
    out = [Slot("rule", "rule", "reg"), Slot("rule_no_order", "rno", "reg", {"style": rng.choice(["plain", "meeting", "short"])})]
    out.append(Slot("judicial_interpretation", "judicial", "judicial",
                    {"joint": rng.random() < 0.5, "gonggao": rng.random() < 0.5}))
    out += [Slot("normative", "notice_gov", "gov"), Slot("normative", "iss_gov", "gov"),
            Slot("normative", "iss_dept", "dept", {"n": rng.choice([1, 2]), "sign_form": rng.choice(["lines", "fullwidth"])}),
            Slot("normative_no_number", "notice_office", "office"),
            Slot("reply", rng.choice(["reply_corpus", "pifu"]), "gov"), Slot("reply", "fuhan_split", "office"),
            Slot("personnel", "gov", "personnel"), Slot("interpretation", "interp", "interp")]
    return out


def build() -> list[Template]:
    T: list[Template] = []

    st = styles("song", 10.5, 1.7, "kai", 18, sub="hei")
    st["title"] = replace(st["title"], font="bhei", size=17)
    st["header"] = Style("kai", 10.5, 1.6, align="center", left=1, right=1, keep=True, after=2)
    T.append(Template(
        "npc_gazette", "province|city", True, frozenset({"song", "kai", "hei", "bhei"}),
        Geometry(top=24, bottom=274, inner=24, outer=24), st,
        _toc("plain_note", "目　　次", "song", 11, 1.75, "◎{}", small=Style("kai", 9, 1.5, color=(80, 80, 80))),
        1, Geometry(top=28, bottom=272, inner=26, outer=26), fu.cover_npc, fu.head_npc,
        {"law": "法律", "npc": "地方性法规", "npcdec": "决定", "personnel": "人事任免"},
        ("law", "npc", "npcdec", "personnel"), mix_npc, word="号", per_year=(8, 10, 12), new_page="reg",
        notes="人大常委会公报: 目次 (not 目录) with ◎ section heads, no leaders, the adoption note under "
              "法规 entries; head gazette name left / issue right on every page without a rule; folio 第N页. "
              "Local regulations of the province and of its cities (with 批准), some preceded by a "
              "人大常委会公告, decisions, 任免名单, sometimes a reprinted law with its 主席令 block."))

    st = styles("song", 11, 1.7, "hei", 16, sub="hei", title_color=fu.BLUE)
    T.append(Template(
        "blue_band", "province", False, frozenset({"song", "hei", "bhei", "kai"}),
        Geometry(top=26, bottom=276, inner=24, outer=20), st,
        _toc("twocol", "目　录", "hei", 9.5, 1.55, "{}",
             sec_style=Style("hei", 10, 1.6, before=3, keep=True, color=fu.WHITE, bg=fu.BLUE, left=0.5)),
        2, Geometry(top=28, bottom=274, inner=18, outer=18), fu.cover_blue, fu.head_blue, _sec("省"),
        ("reg", "npc", "gov", "office", "dept", "personnel", "interp"), mix_blue, new_page="reg",
        cn_dates=0.2, notes="Blue band head with white name/issue, folio at the INNER bottom corner; 目录 in "
                            "two columns with section heads in blue bars; 规章 printed without their 令 block."))

    st = styles("hei", 10.5, 1.6, "bhei", 15, sub="bhei", title_color=fu.GREEN)
    st["docno"] = replace(st["docno"], align="right", right=1, color=fu.RED)
    T.append(Template(
        "footer_city", "city", False, frozenset({"hei", "bhei", "kai"}),
        Geometry(top=20, bottom=270, inner=24, outer=22), st,
        _toc("numbered", "本 期 目 录", "hei", 10.5, 1.7, "{}",
             sec_style=Style("bhei", 11, 1.6, before=4, keep=True, color=fu.GREEN, bar=fu.GREEN)),
        1, Geometry(top=26, bottom=272, inner=24, outer=24), fu.cover_footer_city, fu.foot_running, _sec("市"),
        ("reg", "gov", "office", "dept", "personnel", "interp"), mix_city, separator="rule", per_year=(12, 24),
        docno_pos="below", notes="No running head; the gazette name, issue and folio are in a running FOOT "
                                 "under a rule; 目录 as a numbered table (序号/文件名称/页码); 文号 red, right-aligned."))

    st = styles("hei", 10.5, 1.65, "bhei", 16, sub="bhei")
    T.append(Template(
        "fan_district", "district", False, frozenset({"hei", "bhei", "song", "kai"}),
        Geometry(top=26, bottom=274, inner=25, outer=23), st,
        _toc("dash", "目　　錄", "song", 11, 1.8, "{}", leader="－",
             sec_style=Style("bhei", 11, 1.7, before=5, keep=True, left=0.4)),
        1, Geometry(top=30, bottom=272, inner=26, outer=26), fu.cover_trad, fu.head_trad,
        {"gov": "區政府文件", "office": "區政府辦公室文件", "dept": "部門文件", "personnel": "人事任免",
         "interp": "政策解讀", "notice": "公告"},
        ("gov", "office", "dept", "personnel", "notice", "interp"), mix_trad, trad=("s2hk", "s2tw"),
        body_pages=(12, 26), notes="District gazette printed in TRADITIONAL characters (OpenCC s2hk or s2tw); "
                                   "truth fields as printed. Folio 第N頁; 目錄 with boxed section heads."))

    st = styles("song", 10, 1.65, "bhei", 16, sub="hei")
    st["header"] = Style("kai", 10, 1.6, align="left", indent=2, keep=True, after=1.5)
    T.append(Template(
        "state_reprint", "province", False, frozenset({"song", "bhei", "hei", "kai"}),
        Geometry(top=25, bottom=278, inner=26, outer=20), st,
        _toc("dash", "目　　录", "song", 11, 1.75, "{}", leader="— ", boxed=False,
             sec_style=Style("hei", 11, 1.6, before=5, keep=True, left=1.2, bar=(60, 60, 60))),
        1, Geometry(top=28, bottom=272, inner=26, outer=24), fu.cover_state, fu.head_state, _sec("省"),
        ("law", "npcdec", "judicial", "state", "reg", "gov"), mix_state, folio_mode="annual",
        new_page="reg", body_pages=(16, 34), cn_dates=0.6,
        notes="Reprints national documents first: 法律 (header or 主席令), 全国人大常委会决定, 司法解释 "
              "(法释, 公告, joint 最高人民法院　最高人民检察院), 国务院办公厅 复函 with the issuer on its own line "
              "over a two-line title opening a page; folio bold at the top outer corner; header left-aligned 楷体; "
              "continuous annual pagination."))

    st = styles("hei", 10.5, 1.65, "bhei", 15.5, sub="bhei")
    st["title"] = replace(st["title"], bg=(225, 225, 225), max_width=0.0, before=6, after=2.5)
    st["issuer_line"] = replace(st["issuer_line"], bg=(225, 225, 225))
    st["docno"] = replace(st["docno"], color=fu.RED)
    T.append(Template(
        "boxed_title", "city", False, frozenset({"hei", "bhei", "kai"}),
        Geometry(top=25, bottom=274, inner=23, outer=23), st,
        _toc("docno_leader", "目　录", "hei", 10.5, 1.6, "〔{}〕", leader="…", small=Style("kai", 9.5, 1.6)),
        1, Geometry(top=28, bottom=272, inner=25, outer=25), fu.cover_boxed, fu.head_boxed, _sec("市"),
        ("npc", "reg", "gov", "office", "dept", "personnel"), mix_boxed, back=fu.back_subscribe, per_year=(12,),
        notes="Titles on grey boxes; 文号 red; head with thick+thin rule; folio (N) at the outer bottom corner; "
              "目录 lines: title, then 文号 with … leaders to the page number; section heads 〔…〕."))

    st = styles("song", 10.5, 1.75, "bhei", 16, sub="hei")
    T.append(Template(
        "cover_digest", "province", False, frozenset({"song", "bhei", "hei", "kai"}),
        Geometry(top=24, bottom=274, inner=25, outer=22), st,
        _toc("inline_grey", "目　　录", "song", 11, 1.8, "{}", split_after=0.5,
             sec_style=Style("hei", 11.5, 1.7, before=4.5, keep=True, color=fu.RED)),
        1, Geometry(top=28, bottom=272, inner=26, outer=26), fu.cover_digest, fu.head_digest, _sec("省"),
        ("reg", "judicial", "gov", "office", "dept", "personnel", "interp"), mix_digest, folio_mode="annual",
        interp_after=True, docno_pos="above",
        notes="Cover with a 本期要目 box (a few titles, not the 目录); 目录 over two pages with the 文号 "
              "inline in grey; 文号 above titles; head: gazette name outer, section name inner; folio centred "
              "under a short rule; continuous annual pagination; 解读 right after its document."))
    return T
