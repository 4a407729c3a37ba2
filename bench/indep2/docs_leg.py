"""Legislative documents: 法律, 人大常委会决定, 地方性法规, 规章 (with or without the 令
block) and 司法解释.  Every paragraph built here is printed verbatim."""
from __future__ import annotations

import datetime as dt
import random
import re

from bench.indep import cn
from bench.indep.compose import _role, _suffix, _take
from bench.indep.corpus import ART_RE, CHAP_RE, ArticleSource

from . import traps
from .model import Doc, Para
from . import owners as ow
from .owners import Owner, national_session, npc_ordinal, person
from .sources import JudicialSource, LawSource, LocalRegSource

FW = "\u3000"


def eff_after(d: dt.date, rng: random.Random, lo: int = 1, hi: int = 3) -> dt.date:
    m = d.month + rng.randint(lo, hi)
    return dt.date(d.year + (m - 1) // 12, (m - 1) % 12 + 1, 1)


def ar(d: dt.date) -> str:
    return cn.date_ar(d)


def _articles(paras: list[str], budget: int, word: str, eff_phrase: str, ts: traps.Typeset | None,
              rng: random.Random, trap_p: float, doc: Doc) -> list[Para]:
    """Cut article body + (trap article) + synthesised final article ``本{word}{eff_phrase}``."""
    kept = _take(paras, budget)
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    chapters = [p for p in kept if CHAP_RE.match(p)]
    out = [Para(p, _role(p)) for p in kept]
    if chapters and "附" not in chapters[-1]:
        out.append(Para(f"第{cn.num(len(chapters) + 1)}章{FW}附{FW}{FW}则", "chapter"))
    if ts is not None and rng.random() < trap_p:
        t = traps.make(ts, rng, ("list", "digit", "number", "article", "item"), head=f"第{cn.num(last + 1)}条{FW}",
                       word=word)
        if t:
            out.append(t[0])
            doc.traps.append(t[1])
            last += 1
    out.append(Para(f"第{cn.num(last + 1)}条{FW}本{word}{eff_phrase}", "body"))
    return out


# -- 地方性法规 -------------------------------------------------------------------
def _retarget(text: str, src: LocalRegSource, place: str, province: str) -> str:
    text = text.replace(src.place, place)
    if len(src.place) > 2:
        text = text.replace(src.place[:-1], place[:-1])
    if src.province and province:
        text = text.replace(src.province, province).replace(src.province[:-1], province[:-1])
    return text


def _header(parts: list[tuple[str, str]], style: str) -> list[Para]:
    """The （…通过　…批准） header in one of four printed shapes; ``parts`` are (date, rest)."""
    items = [f"{d}{rest}" for d, rest in parts]
    items_sp = [f"{d} {rest}" if not d.startswith("根据") else f"{d}{rest}" for d, rest in parts]
    if style == "paren_one":
        return [Para("（" + FW.join(items) + "）", "header")]
    if style == "paren_lines":
        if len(items) == 1:
            return [Para("（" + items[0] + "）", "header")]
        return [Para("（" + items[0], "header")] + [Para(i, "header") for i in items[1:-1]] + [
            Para(items[-1] + "）", "header")]
    if style == "bare_one":
        return [Para(FW.join(items), "header")]
    return [Para(i, "header") for i in items_sp]          # bare_lines (LawRefBook-like)


def _adoption(owner: Owner, place: str, level: str, approx: dt.date, rng: random.Random, amended: bool,
              title: str) -> tuple[dt.date, str, dt.date | None, str, list[tuple[str, str]], dt.date]:
    """(adopted, its session, approved, approving session, header parts, date of the last step)."""
    npc = f"{place}人民代表大会常务委员会"
    first = ow.session_on_or_before(place, level, approx - dt.timedelta(days=rng.randint(500, 1400)) if amended
                                    else approx)
    s1 = ow.local_session(place, level, first)
    parts = [(ar(first), f"{s1}通过")]
    ap, s2, last = None, "", first
    if level == "city":
        ap = ow.session_after(owner.province, "province", first + dt.timedelta(days=14))
        s2 = ow.local_session(owner.province, "province", ap)
        parts.append((ar(ap), f"{s2}批准"))
        last = ap
    if amended:
        am = ow.session_on_or_before(place, level, approx)
        dec = f"《{npc}关于修改〈{title}〉的决定》"
        if level == "city":
            am_ap = ow.session_after(owner.province, "province", am + dt.timedelta(days=14))
            parts.append((f"根据{ar(am)}", f"{ow.local_session(place, level, am)}通过、{ar(am_ap)}"
                          f"{ow.local_session(owner.province, 'province', am_ap)}批准的{dec}修正"))
            last = am_ap
        else:
            parts.append((f"根据{ar(am)}", f"{ow.local_session(place, level, am)}{dec}修正"))
            last = am
    return first, s1, ap, s2, parts, last


def local_regulation(src: LocalRegSource, owner: Owner, place: str, level: str, approx: dt.date,
                     rng: random.Random, budget: int, ts: traps.Typeset | None, variant: dict) -> Doc:
    """地方性法规: optional 人大常委会公告 block, title, 通过/批准 header, articles."""
    province = owner.province
    title = place + src.core
    npc = f"{place}人民代表大会常务委员会"
    amended = bool(variant.get("amended"))
    adopted, s1, approved, s2, parts, last = _adoption(owner, place, level, approx, rng, amended, title)
    published = last + dt.timedelta(days=rng.randint(2, 9))
    eff = eff_after(published, rng)
    word = "条例" if src.core.endswith("条例") else "规定"
    doc = Doc("local_regulation", title, None, npc, adopted, eff, "npc")
    paras: list[Para] = []
    if variant.get("gonggao"):
        head = npc + "公告" if rng.random() < 0.6 else f"{place}{npc_ordinal(place, level, published.year)}人民代表大会常务委员会公告"
        no = rng.randint(2, 60)
        paras.append(Para(head, "gg_head"))
        paras.append(Para(f"（第{no}号）" if rng.random() < 0.5 else f"第{no}号", "gg_no"))
        if amended:
            txt = f"《{title}》已经修正，现将修正后的文本予以公布，自{ar(eff)}起施行。"
        elif level == "city":
            txt = (f"《{title}》已由{s1}于{ar(adopted)}通过，经{s2}于{ar(approved)}批准，"
                   f"现予公布，自{ar(eff)}起施行。")
        else:
            txt = f"《{title}》已于{ar(adopted)}经{s1}通过，现予公布，自{ar(eff)}起施行。"
        paras += [Para(txt, "gg_text"), Para(npc, "sign"), Para(ar(published), "date")]
        doc.variant += "+gonggao"
    paras.append(Para(title, "title"))
    hs = variant.get("header", "paren_one")
    paras += _header(parts, hs)
    doc.variant += "+" + hs + ("+amended" if amended else "")
    body = [_retarget(p, src, place, province) for p in src.paras]
    paras += _articles(body, budget, word, f"自{ar(eff)}起施行。", ts, rng, 0.5, doc)
    doc.paras = paras
    return doc


def local_decision(src: LocalRegSource, owner: Owner, place: str, level: str, approx: dt.date,
                   rng: random.Random, variant: dict) -> Doc:
    """XX市人民代表大会常务委员会关于修改《XX市XX条例》的决定."""
    reg = place + src.core
    npc = f"{place}人民代表大会常务委员会"
    title = f"{npc}关于修改《{reg}》的决定"
    adopted, s1, _, _, parts, last = _adoption(owner, place, level, approx, rng, False, reg)
    eff = eff_after(last, rng)
    paras = [Para(title, "title")] + _header(parts, variant.get("header", "paren_one"))
    body = [_retarget(p, src, place, owner.province) for p in src.paras]
    paras += amendments(body, s1, reg, eff, rng)
    return Doc("decision", title, None, npc, adopted, eff, "npcdec", paras,
               variant="local+" + variant.get("header", "paren_one"))


REPLACE = [("应当", "应当依法"), ("有关部门", "有关主管部门"), ("主管部门", "行政主管部门"), ("单位", "组织"),
           ("可以", "依法可以"), ("县级以上", "设区的市和县级"), ("罚款", "罚款，并予以公告"), ("公布", "向社会公开"),
           ("组织实施", "统筹组织实施"), ("监督管理", "监督检查")]


def amendments(body: list[str], session: str, reg: str, eff: dt.date, rng: random.Random) -> list[Para]:
    """一、将第X条修改为：“…” / 删去第X条 / 将第X条中的“A”修改为“B” items + closing sentences."""
    arts = [p for p in body if ART_RE.match(p) and 30 < len(p) < 220]
    picks = sorted(rng.sample(arts, min(len(arts), rng.randint(2, 4))), key=body.index)
    out = [Para(f"{session}决定对《{reg}》作如下修改：", "body")]
    used_words: set[str] = set()
    deleted = 0
    for i, p in enumerate(picks):
        m = ART_RE.match(p)
        num = m.group(1)
        rest = p[m.end():].lstrip(FW)
        words = [(a, b) for a, b in REPLACE if a in rest and a not in used_words]
        k = rng.random()
        if k < 0.4 and rest.endswith("。"):
            extra = rng.choice(["并向社会公布", "并报上级主管部门备案", "具体办法另行制定", "并加强监督检查"])
            out.append(Para(f"{cn.num(i + 1)}、将第{num}条修改为：“{rest[:-1]}，{extra}。”", "body"))
        elif words and (k < 0.85 or deleted):
            a, b = rng.choice(words)
            used_words.add(a)
            out.append(Para(f"{cn.num(i + 1)}、将第{num}条中的“{a}”修改为“{b}”。", "body"))
        else:
            deleted += 1
            out.append(Para(f"{cn.num(i + 1)}、删去第{num}条。", "body"))
    out.append(Para(f"本决定自{ar(eff)}起施行。", "body"))
    out.append(Para(f"《{reg}》根据本决定作相应修改并对条文顺序作相应调整，重新公布。", "body"))
    return out


# -- 法律 / 全国人大常委会决定 ----------------------------------------------------------
NPCSC = "全国人民代表大会常务委员会"


def _zhuxiling(no: int, what: str, session: str, adopted: dt.date, eff: dt.date, rng: random.Random) -> list[Para]:
    return [Para("中华人民共和国主席令", "order_head"), Para(f"第{cn.num(no)}号", "order_no"),
            Para(f"《{what}》已由中华人民共和国{session}于{ar(adopted)}通过，现予公布，自{ar(eff)}起施行。",
                 "order_text"),
            Para(f"中华人民共和国主席{FW}{person(rng)}", "order_sign"), Para(ar(adopted), "order_date")]


def law(src: LawSource, approx: dt.date, rng: random.Random, budget: int, ts: traps.Typeset | None,
        variant: dict) -> Doc:
    adopted = ow.session_on_or_before("全国", "national", approx)
    session = national_session(adopted)
    eff = eff_after(adopted, rng, 2, 6)
    doc = Doc("law", src.title, None, NPCSC, adopted, eff, "law")
    paras: list[Para] = []
    if variant.get("order"):
        no = variant["order_no"]
        paras += _zhuxiling(no, src.title, session, adopted, eff, rng)
        doc.doc_number = f"中华人民共和国主席令第{cn.num(no)}号"
        doc.variant += "+zhuxiling"
    paras.append(Para(src.title, "title"))
    paras.append(Para(f"（{ar(adopted)}{session}通过）" if variant.get("header") != "bare_lines"
                      else f"{ar(adopted)} {session}通过", "header"))
    doc.variant += "+" + (variant.get("header") or "paren")
    body = _articles(src.paras, budget, "法", f"自{ar(eff)}起施行。", ts, rng, 0.4, doc)
    chaps = [p.text for p in body if p.role == "chapter"]
    if variant.get("inner_toc") and len(chaps) >= 3:
        paras.append(Para(f"目{FW}{FW}录", "chapter"))
        paras += [Para(c, "inner_toc") for c in chaps]
        doc.variant += "+inner_toc"
    doc.paras = paras + body
    return doc


def npcsc_decision(src: LawSource, approx: dt.date, rng: random.Random, variant: dict) -> Doc:
    adopted = ow.session_on_or_before("全国", "national", approx)
    session = national_session(adopted)
    eff = eff_after(adopted, rng, 1, 4)
    title = f"{NPCSC}关于修改《{src.title}》的决定"
    doc = Doc("decision", title, None, NPCSC, adopted, eff, "npcdec", variant="national")
    paras: list[Para] = []
    if variant.get("order"):
        no = variant["order_no"]
        inner = title.replace("《", "〈").replace("》", "〉")
        paras += _zhuxiling(no, inner, session, adopted, eff, rng)
        doc.doc_number = f"中华人民共和国主席令第{cn.num(no)}号"
        doc.variant += "+zhuxiling"
    paras += [Para(title, "title"), Para(f"（{ar(adopted)}{session}通过）", "header")]
    paras += amendments(src.paras, session, src.title, eff, rng)
    doc.paras = paras
    return doc


# -- 规章 -----------------------------------------------------------------------------
def rule(src: ArticleSource, owner: Owner, no: int, signed: dt.date, rng: random.Random, budget: int,
         ts: traps.Typeset | None, cn_date: bool) -> Doc:
    """规章 with its 令 block (令 head, 第N号, 公布 sentence, signature, date)."""
    title = owner.place + src.core
    eff = eff_after(signed, rng)
    meeting = signed - dt.timedelta(days=rng.randint(6, 30))
    doc = Doc("rule", title, f"{owner.gov}令第{no}号", owner.gov, signed, eff, "reg")
    doc.paras = [
        Para(f"{owner.gov}令", "order_head"), Para(f"第{no}号", "order_no"),
        Para(f"《{title}》已经{ar(meeting)}{owner.short}人民政府第{rng.randint(3, 120)}次常务会议通过，"
             f"现予公布，自{ar(eff)}起施行。", "order_text"),
        Para(f"{owner.head}{FW}{person(rng)}", "order_sign"), Para(cn.date_str(signed, cn_date), "order_date"),
        Para(title, "title"),
    ] + _articles(src.paras, budget, _suffix(src.core), f"自{ar(eff)}起施行。", ts, rng, 0.4, doc)
    return doc


def rule_no_order(src: ArticleSource, owner: Owner, no: int, signed: dt.date, rng: random.Random, budget: int,
                  ts: traps.Typeset | None, style: str) -> Doc:
    """规章 printed without its 令 block: title + （…令第N号公布　自…起施行） header."""
    title = owner.place + src.core
    eff = eff_after(signed, rng)
    order = f"{owner.gov}令第{no}号"
    if style == "short" and owner.level == "province":
        order = f"{owner.prefix}府令第{no}号"
    meet = signed - dt.timedelta(days=rng.randint(6, 30))
    k = rng.randint(3, 120)
    if style == "meeting":
        head = [Para(f"（{ar(meet)}{owner.short}政府第{k}次常务会议通过{FW}{ar(signed)}{order}公布{FW}"
                     f"自{ar(eff)}起施行）", "header")]
    elif style == "ascii":
        head = [Para(f"({ar(signed)}{order}公布  自{ar(eff)}起施行)", "header")]
    elif style == "lines":
        head = [Para(f"{ar(signed)}{order}公布", "header"), Para(f"自{ar(eff)}起施行", "header")]
    elif style == "short":
        head = [Para(f"（{ar(signed)}以{order}公布{FW}自{ar(eff)}起施行）", "header")]
    else:
        head = [Para(f"（{ar(signed)}{order}公布{FW}自{ar(eff)}起施行）", "header")]
    doc = Doc("rule_no_order", title, order, owner.gov, signed, eff, "reg", variant=style)
    doc.paras = [Para(title, "title")] + head + _articles(src.paras, budget, _suffix(src.core),
                                                         f"自{ar(eff)}起施行。", ts, rng, 0.4, doc)
    return doc


# -- 司法解释 ---------------------------------------------------------------------------
SPC, SPP = "最高人民法院", "最高人民检察院"

JOINT_TOPICS = [
    ("危害食品安全", "食品安全", [
        "生产、销售不符合食品安全标准的食品，具有下列情形之一的，应当认定为刑法第一百四十三条规定的“足以造成严重食物中毒事故或者其他严重食源性疾病”：",
        "（一）含有严重超出标准限量的致病性微生物、农药残留、兽药残留、生物毒素、重金属等污染物质以及其他严重危害人体健康的物质的；",
        "（二）属于病死、死因不明或者检验检疫不合格的畜、禽、兽、水产动物肉类及其制品的；",
        "（三）属于国家为防控疾病等特殊需要明令禁止生产、销售的；",
        "（四）特殊医学用途配方食品、专供婴幼儿的主辅食品营养成分严重不符合食品安全标准的；",
        "（五）其他足以造成严重食物中毒事故或者严重食源性疾病的情形。",
        "生产、销售不符合食品安全标准的食品，生产、销售金额二十万元以上，或者生产、销售持续时间六个月以上的，应当认定为刑法第一百四十三条规定的“其他严重情节”。",
        "在食品生产、销售、运输、贮存等过程中，违反食品安全标准，超限量或者超范围滥用食品添加剂，足以造成严重食物中毒事故或者其他严重食源性疾病的，依照刑法第一百四十三条的规定以生产、销售不符合安全标准的食品罪定罪处罚。",
        "明知他人生产、销售不符合食品安全标准的食品，而为其提供资金、贷款、账号、发票、证明、许可证件，或者提供生产、经营场所或者运输、贮存、保管、邮寄、网络销售渠道等便利条件的，以生产、销售不符合安全标准的食品罪的共犯论处。",
        "负有食品安全监督管理职责的国家机关工作人员，滥用职权或者玩忽职守，构成食品监管渎职罪，同时构成徇私舞弊不移交刑事案件罪、商检徇私舞弊罪等其他渎职犯罪的，依照处罚较重的规定定罪处罚。",
    ]),
    ("非法采矿、破坏性采矿", "矿产资源", [
        "违反《中华人民共和国矿产资源法》《中华人民共和国水法》等法律、行政法规有关矿产资源开发、利用、保护和管理的规定的，应当认定为刑法第三百四十三条规定的“违反矿产资源法的规定”。",
        "具有下列情形之一的，应当认定为刑法第三百四十三条第一款规定的“未取得采矿许可证”：",
        "（一）无许可证的；",
        "（二）许可证被注销、吊销、撤销的；",
        "（三）超越许可证规定的矿区范围或者开采范围的；",
        "（四）超出许可证规定的矿种的（共生、伴生矿种除外）；",
        "（五）其他未取得许可证的情形。",
        "实施非法采矿行为，具有下列情形之一的，应当认定为刑法第三百四十三条第一款规定的“情节严重”：",
        "（一）开采的矿产品价值或者造成矿产资源破坏的价值在十万元至三十万元以上的；",
        "（二）在国家规划矿区、对国民经济具有重要价值的矿区采矿，开采国家规定实行保护性开采的特定矿种，或者在禁采区、禁采期内采矿，开采的矿产品价值或者造成矿产资源破坏的价值在五万元至十五万元以上的；",
        "（三）二年内曾因非法采矿受过两次以上行政处罚，又实施非法采矿行为的；",
        "（四）造成生态环境严重损害的；",
        "（五）其他情节严重的情形。",
        "多次非法采矿、破坏性采矿构成犯罪，依法应当追诉的，或者二年内多次非法采矿、破坏性采矿未经处理的，价值数额累计计算。",
    ]),
    ("破坏野生动物资源", "野生动物", [
        "刑法第三百四十一条第一款规定的“国家重点保护的珍贵、濒危野生动物”包括：",
        "（一）列入《国家重点保护野生动物名录》的野生动物；",
        "（二）经国务院野生动物保护主管部门核准按照国家重点保护的野生动物管理的野生动物。",
        "违反野生动物保护管理法规，在禁猎区、禁猎期或者使用禁用的工具、方法捕猎非国家重点保护野生动物，情节严重的，依照刑法第三百四十一条第二款的规定，以非法狩猎罪定罪处罚。",
        "以食用为目的，违反刑法第三百四十一条第三款的规定，非法猎捕、收购、运输、出售在野外环境自然生长繁殖的陆生野生动物，价值一万元以上的，应当认定为“情节严重”。",
        "实施本解释规定的相关行为，在认定是否构成犯罪以及裁量刑罚时，应当考虑涉案动物是否系人工繁育、物种的濒危程度、野外存活状况、人工繁育情况、是否列入人工繁育国家重点保护野生动物名录，行为手段、对野生动物资源的损害程度，以及对野生动物及其制品的认知程度等情节，综合评估社会危害性，准确认定是否构成犯罪，妥当裁量刑罚，确保罪责刑相适应。",
        "对于涉案动物及其制品的价值，应当根据下列方法确定：",
        "（一）对于国家重点保护的珍贵、濒危野生动物及其制品的价值，根据国务院野生动物保护主管部门制定的评估标准和方法核算；",
        "（二）对于有重要生态、科学、社会价值的陆生野生动物、地方重点保护野生动物，其价值根据野生动物保护主管部门制定的评估标准和方法核算。",
    ]),
]


def _spc_session(d: dt.date) -> str:
    return f"第{1700 + (d.year - 2017) * 40 + d.month * 3}次"


def _spp_session(d: dt.date) -> str:
    i = 13 if d.year >= 2018 else 12
    if d.year >= 2023:
        i = 14
    start = {12: 2013, 13: 2018, 14: 2023}[i]
    return f"第{cn.num(i)}届检察委员会第{cn.num((d.year - start) * 20 + d.month + 1)}次"


def judicial(src: JudicialSource | None, adopted: dt.date, number: int, rng: random.Random, budget: int,
             variant: dict) -> Doc:
    """司法解释: optional 公告 block, 法释〔YYYY〕N号, title, （…通过，自…起施行） header, body."""
    joint = src is None
    adopted2 = adopted + dt.timedelta(days=rng.randint(3, 25))
    published = adopted2 + dt.timedelta(days=rng.randint(2, 10)) if joint else adopted + dt.timedelta(
        days=rng.randint(3, 20))
    eff = eff_after(published, rng, 1, 3)
    docno = f"法释〔{published.year}〕{number}号"
    sep = variant.get("sep", FW)
    if joint:
        topic, area, items = variant["topic"]
        title = f"{SPC}{sep}{SPP}关于办理{topic}刑事案件适用法律若干问题的解释"
        passed = (f"{ar(adopted)}由{SPC}审判委员会{_spc_session(adopted)}会议、{ar(adopted2)}由{SPP}"
                  f"{_spp_session(adopted2)}会议通过")
        header = (f"（{ar(adopted)}{SPC}审判委员会{_spc_session(adopted)}会议、{ar(adopted2)}{SPP}"
                  f"{_spp_session(adopted2)}会议通过，自{ar(eff)}起施行）")
        issuer = f"{SPC}、{SPP}"
        word = "解释"
        body = [f"为依法惩治{topic}犯罪，保护{area}，根据《中华人民共和国刑法》《中华人民共和国刑事诉讼法》的有关规定，"
                "现就办理此类刑事案件适用法律的若干问题解释如下："]
        n = 0
        for it in items:
            if it.startswith("（"):
                body.append(it)
            else:
                n += 1
                body.append(f"第{cn.num(n)}条{FW}{it}")
    else:
        title = src.title
        passed = f"{ar(adopted)}由{SPC}审判委员会{_spc_session(adopted)}会议通过"
        header = f"（{ar(adopted)}{SPC}审判委员会{_spc_session(adopted)}会议通过，自{ar(eff)}起施行）"
        issuer = SPC
        word = src.word
        body = src.paras
    doc = Doc("judicial_interpretation", title, docno, issuer, adopted, eff, "judicial",
              variant="joint" if joint else "spc")
    paras: list[Para] = []
    if variant.get("gonggao"):
        inner = title.replace("《", "〈").replace("》", "〉")
        if joint and variant.get("head_lines"):
            paras += [Para(SPC, "gg_head"), Para(SPP, "gg_head"), Para(f"公{FW}{FW}告", "gg_head")]
        else:
            paras.append(Para(f"{SPC}{sep}{SPP}公告" if joint else f"{SPC}公告", "gg_head"))
        paras.append(Para(f"《{inner}》已于{passed}，现予公布，自{ar(eff)}起施行。", "gg_text"))
        if joint and variant.get("sign_lines"):
            paras += [Para(SPC, "sign"), Para(SPP, "sign")]
        else:
            paras.append(Para(f"{SPC}{sep}{SPP}" if joint else SPC, "sign"))
        paras.append(Para(ar(published), "date"))
        doc.variant += "+gonggao"
    if variant.get("docno_first", True):
        paras += [Para(docno, "docno"), Para(title, "title")]
    else:
        paras += [Para(title, "title"), Para(docno, "docno")]
    paras.append(Para(header, "header"))
    kept = _take(body, budget)
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    paras += [Para(p, "subhead" if re.match(r"^[一二三四五六七八九十]+、", p) and len(p) < 24 else "body")
              for p in kept]
    paras.append(Para(f"第{cn.num(last + 1)}条{FW}本{word}自{ar(eff)}起施行。", "body"))
    doc.paras = paras
    return doc
