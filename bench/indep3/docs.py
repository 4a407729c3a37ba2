"""Document builders: every paragraph produced here is printed verbatim.

Each builder returns a :class:`Doc` whose ``paras`` are exactly the printed paragraphs
(``Doc.text``) and whose fields are the truth labels, following bench/indep2/README.md.
Government notices, 印发 notices, 批复, 公告 and 任免 reuse bench.indep.compose / extra;
法律, 决定, 地方性法规, 规章 without 令, 司法解释, 任免名单 and two-attachment notices are new.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench.indep import cn
from bench.indep import compose as C
from bench.indep import extra as X
from bench.indep.compose import Opts, Para, _eff_date, _role, _suffix, _take, addressee
from bench.indep.corpus import ART_RE, CHAP_RE, ArticleSource, NoticeSource
from bench.indep.places import PROVINCES, Owner, dept, person

from .sources import JudSource, LawSource, LocalSource

KIND = {"law": "regulation", "decision": "regulation", "local_regulation": "regulation",
        "rule": "regulation", "rule_no_order": "regulation", "normative": "normative",
        "normative_no_number": "normative", "judicial_interpretation": "normative", "reply": "normative",
        "notice_announcement": "other", "personnel": "personnel", "interpretation": "interpretation"}
NPCSC = "全国人民代表大会常务委员会"
ar = cn.date_ar


@dataclass
class Doc:
    """A composed document and its truth labels."""

    detail: str                   # kind_detail
    title: str
    doc_number: str | None
    issuer: str | None
    signed: dt.date | None
    effective: dt.date | None
    section: str                  # section key (templates map it to a printed name)
    paras: list[Para] = field(default_factory=list)
    variant: str = ""
    ref: int | None = None        # index of the interpreted document
    plan: int | None = None
    toc_title: str | None = None  # title as printed in the 目录 when it differs (traditional)

    @property
    def kind(self) -> str:
        return KIND[self.detail]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


def of(cd: C.Doc, detail: str, variant: str = "") -> Doc:
    return Doc(detail, cd.title, cd.doc_number, cd.issuer, cd.signed, cd.effective, cd.section,
               list(cd.paras), variant, cd.ref)


# -- calendars -----------------------------------------------------------------------
def term(year: int, base: int = 13) -> int:
    """届 of a 人大 (five-year terms, the 13th starting 2018)."""
    return base + (year - 2018) // 5


def meeting(d: dt.date, per: int = 60) -> int:
    """Ordinal of a 常委会 meeting (one about every two months from the term's start)."""
    start = dt.date(2018 + 5 * ((d.year - 2018) // 5), 2, 1)
    return max(1, (d - start).days // per + 1)


def court_meeting(d: dt.date) -> int:
    return 1700 + (d - dt.date(2017, 1, 1)).days * 45 // 365


def npc_name(place: str, t: int | None = None) -> str:
    return f"{place}第{cn.num(t)}届人民代表大会常务委员会" if t else f"{place}人民代表大会常务委员会"


def _later(d: dt.date, lo: int, hi: int, rng: random.Random) -> dt.date:
    return d + dt.timedelta(days=rng.randint(lo, hi))


def _first_of_month(d: dt.date, rng: random.Random) -> dt.date:
    return _eff_date(d, rng)


# -- article bodies ------------------------------------------------------------------
def articles(paras: list[str], budget: int, word: str, phrase: str, pre: str = "") -> list[Para]:
    """Leading articles within ``budget`` characters, a 附则 chapter if needed, a final article."""
    kept = _take(paras, budget)
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    chapters = [p for p in kept if CHAP_RE.match(p)]
    out = [Para(p, pre + _role(p)) for p in kept]
    if chapters and "附" not in chapters[-1]:
        out.append(Para(f"第{cn.num(len(chapters) + 1)}章　附　　则", pre + "chapter"))
    out.append(Para(f"第{cn.num(last + 1)}条　本{word}{phrase}", pre + "body"))
    return out


def relocate(paras: list[str], src_place: str, place: str, province: str) -> list[str]:
    """Move a local text to another owner: place names and province names replaced."""
    stem_src, stem = src_place[:-1], place[:-1]
    out = []
    for p in paras:
        p = p.replace(src_place, place)
        if len(stem_src) >= 2:
            p = p.replace(stem_src, stem)
        for prov, _, _ in PROVINCES:
            if prov in p and prov != province:
                p = p.replace(prov, province)
        out.append(p)
    return out


def sign_paras(issuers: list[str], d: dt.date, cn_date: bool, mode: str = "lines",
               note: str | None = None) -> list[Para]:
    """Signature: one organ per line, or all on one line (U+3000 / two ASCII spaces)."""
    if mode == "row":
        out = [Para("\u3000".join(issuers), "sign")]
    elif mode == "row_ascii":
        out = [Para("  ".join(issuers), "sign")]
    else:
        out = [Para(i, "sign") for i in issuers]
    out.append(Para(cn.date_str(d, cn_date), "date"))
    if note:
        out.append(Para(note, "note"))
    return out


def head(title: str, docno: str | None, above: bool = False) -> list[Para]:
    if docno is None:
        return [Para(title, "title")]
    return [Para(docno, "docno"), Para(title, "title")] if above else [Para(title, "title"), Para(docno, "docno")]


# -- 规章 ---------------------------------------------------------------------------------
def rule(src: ArticleSource, owner: Owner, no: int, signed: dt.date, budget: int, rng: random.Random,
         opts: Opts) -> Doc:
    """规章 with its 令 block (bench.indep.compose.regulation)."""
    return of(C.regulation(src, owner, no, signed, budget, rng, opts), "rule", "order")


def rule_no_order(src: ArticleSource, owner: Owner, no: int, signed: dt.date, budget: int,
                  rng: random.Random, variant: str) -> Doc:
    """规章 printed without its 令 block: （…令第N号公布　自…起施行） under the title."""
    title = owner.place + src.core
    immediate = rng.random() < 0.15
    eff = signed if immediate else _first_of_month(signed, rng)
    when = "自公布之日起施行" if immediate else f"自{ar(eff)}起施行"
    order = f"{owner.gov}令第{no}号"
    if variant == "meeting":
        meet = signed - dt.timedelta(days=rng.randint(5, 25))
        hd = f"（{ar(meet)}{owner.short}人民政府第{rng.randint(8, 140)}次常务会议通过　{ar(signed)}{order}公布　{when}）"
    elif variant == "comma":
        hd = f"（{ar(signed)}{order}公布，{when}）"
    else:
        hd = f"（{ar(signed)}{order}公布　{when}）"
    paras = [Para(title, "title"), Para(hd, "header")] + articles(src.paras, budget, _suffix(src.core), when + "。")
    return Doc("rule_no_order", title, order, owner.gov, signed, eff, "reg", paras, variant)


# -- 地方性法规 -----------------------------------------------------------------------
@dataclass
class NpcDates:
    adopt: dt.date
    approve: dt.date | None
    publish: dt.date
    effective: dt.date
    t: int                 # 届 of the adopting body
    k: int                 # its meeting
    t2: int = 0            # 届 of the approving province
    k2: int = 0


def npc_dates(owner: Owner, adopt: dt.date, base: int, rng: random.Random) -> NpcDates:
    t, k = term(adopt.year, base), meeting(adopt)
    if owner.level == "city":
        approve = _later(adopt, 25, 70, rng)
        pub = _later(approve, 3, 12, rng)
        return NpcDates(adopt, approve, pub, _first_of_month(pub, rng), t, k, term(approve.year), meeting(approve))
    pub = _later(adopt, 0, 2, rng)
    return NpcDates(adopt, None, pub, _first_of_month(pub, rng), t, k)


def _passed(owner: Owner, nd: NpcDates) -> str:
    """…通过　…批准 (one header line, no parentheses)."""
    s = f"{ar(nd.adopt)}{npc_name(owner.place, nd.t)}第{cn.num(nd.k)}次会议通过"
    if nd.approve:
        s += f"　{ar(nd.approve)}{npc_name(owner.province, nd.t2)}第{cn.num(nd.k2)}次会议批准"
    return s


def gg_block(owner: Owner, nd: NpcDates, name: str, no: int, rng: random.Random, cn_date: bool,
             variant: str) -> list[Para]:
    """人大常委会公告 that precedes the text it publishes (part of the same document)."""
    hd = npc_name(owner.place, nd.t if variant in ("term", "term_paren") else None) + "公告"
    num = f"（第{no}号）" if variant in ("paren", "term_paren") else f"第{no}号"
    if nd.approve:
        txt = (f"《{name}》已由{npc_name(owner.place, nd.t)}第{cn.num(nd.k)}次会议于{ar(nd.adopt)}通过，"
               f"{npc_name(owner.province, nd.t2)}第{cn.num(nd.k2)}次会议于{ar(nd.approve)}批准，"
               f"现予公布，自{ar(nd.effective)}起施行。")
    else:
        txt = (f"《{name}》已于{ar(nd.adopt)}经{npc_name(owner.place, nd.t)}第{cn.num(nd.k)}次会议通过，"
               f"现予公布，自{ar(nd.effective)}起施行。")
    return [Para(hd, "gg_head"), Para(num, "gg_no"), Para(txt, "gg_text"),
            Para(npc_name(owner.place), "gg_sign"), Para(cn.date_str(nd.publish, cn_date), "gg_date")]


def local_reg(src: LocalSource, owner: Owner, adopt: dt.date, base: int, budget: int, rng: random.Random,
              gg: str | None, header: str, cn_date: bool) -> Doc:
    """地方性法规 of the owner (province or city), optionally preceded by its 公告."""
    title = owner.place + src.core
    body_src = relocate(src.paras, src.place, owner.place, owner.province)
    nd = npc_dates(owner, adopt, base, rng)
    word = "规定" if src.core.endswith("规定") else "条例"
    paras: list[Para] = []
    gg_no = rng.randint(3, 60)
    if header == "amended":
        gg = None
        orig = dt.date(adopt.year - rng.randint(4, 12), rng.randint(1, 12), rng.randint(1, 28))
        o = npc_dates(owner, orig, base, rng)
        first = f"{ar(o.adopt)}{npc_name(owner.place, o.t)}第{cn.num(o.k)}次会议通过"
        if o.approve:
            first += f"　{ar(o.approve)}{npc_name(owner.province, o.t2)}第{cn.num(o.k2)}次会议批准"
        how = (f"{npc_name(owner.place, nd.t)}第{cn.num(nd.k)}次会议通过"
               + (f"并经{ar(nd.approve)}{npc_name(owner.province, nd.t2)}第{cn.num(nd.k2)}次会议批准" if nd.approve else ""))
        hd = [f"（{first}　根据{ar(nd.adopt)}{how}的《{npc_name(owner.place)}关于修改〈{title}〉的决定》修正）"]
        signed, eff = o.adopt, o.effective
    else:
        signed, eff = nd.adopt, nd.effective
        if header == "paren":
            hd = [f"（{_passed(owner, nd)}）"]
        elif header == "paren_pub":
            hd = [f"（{_passed(owner, nd)}　{ar(nd.publish)}{npc_name(owner.place)}公告第{gg_no}号公布"
                  f"　自{ar(eff)}起施行）"]
        else:  # lines: bare header lines, ASCII space after the date
            hd = [f"{ar(nd.adopt)} {npc_name(owner.place, nd.t)}第{cn.num(nd.k)}次会议通过"]
            if nd.approve:
                hd.append(f"{ar(nd.approve)} {npc_name(owner.province, nd.t2)}第{cn.num(nd.k2)}次会议批准")
            hd += [f"{ar(nd.publish)} {npc_name(owner.place)}公告第{gg_no}号公布", f"{ar(eff)} 施行"]
    if gg:
        paras += gg_block(owner, nd, title, gg_no, rng, cn_date, gg)
    paras.append(Para(title, "title"))
    paras += [Para(h, "header" if len(hd) == 1 else "header_line") for h in hd]
    paras += articles(body_src, budget, word, f"自{ar(eff)}起施行。")
    variant = f"{owner.level}/{header}" + (f"/gg-{gg}" if gg else "")
    return Doc("local_regulation", title, None, npc_name(owner.place), signed, eff, "npc", paras, variant)


# -- amendment decisions ------------------------------------------------------------
def _quote(s: str) -> str:
    return s.replace("“", "‘").replace("”", "’")


def amend_items(paras: list[str], rng: random.Random, n: int) -> list[str]:
    """一、将第X条修改为：“…” / 删去第X条第二款 / 增加一款 items from real articles."""
    arts = []
    for p in paras:
        m = ART_RE.match(p)
        if m and len(p) > 30 and not p.endswith("："):
            arts.append((cn.parse_num(m.group(1)) or 0, m.group(0), p[m.end():].lstrip("\u3000")))
    picks = sorted(rng.sample(arts, min(n, len(arts))), key=lambda a: a[0])
    out = []
    for i, (num, label, body) in enumerate(picks):
        r = rng.random()
        if r < 0.55:
            new = body.replace("应当", "应当依法", 1) if "应当" in body else body.rstrip("。") + "，并向社会公布。"
            new = new.replace("人民政府", "人民政府及其有关部门", 1) if new == body else new
            out.append(f"{cn.num(i + 1)}、将{label}修改为：“{_quote(new)}”")
        elif r < 0.75:
            out.append(f"{cn.num(i + 1)}、删去{label}第{cn.num(rng.randint(2, 3))}款。")
        else:
            out.append(f"{cn.num(i + 1)}、在{label}中增加一款，作为第二款：“有关部门应当建立健全信息共享和协同监管机制，"
                       f"及时向社会公布相关信息，接受社会监督。”")
    return out


def decision_local(src: LocalSource, owner: Owner, adopt: dt.date, base: int, rng: random.Random,
                   gg: str | None, cn_date: bool) -> Doc:
    """XX市人民代表大会常务委员会关于修改《XX市…条例》的决定 (issuer without 届)."""
    law = owner.place + src.core
    title = f"{npc_name(owner.place)}关于修改《{law}》的决定"
    nd = npc_dates(owner, adopt, base, rng)
    body_src = relocate(src.paras, src.place, owner.place, owner.province)
    paras: list[Para] = []
    if gg:
        paras += gg_block(owner, nd, title.replace("《", "〈").replace("》", "〉"), rng.randint(3, 60), rng, cn_date, gg)
    paras += [Para(title, "title"), Para(f"（{_passed(owner, nd)}）", "header"),
              Para(f"{npc_name(owner.place, nd.t)}第{cn.num(nd.k)}次会议决定对《{law}》作如下修改：", "body")]
    paras += [Para(t, "body") for t in amend_items(body_src, rng, rng.randint(2, 4))]
    paras += [Para(f"本决定自{ar(nd.effective)}起施行。", "body"),
              Para(f"《{law}》根据本决定作相应修改，重新公布。", "body")]
    return Doc("decision", title, None, npc_name(owner.place), nd.adopt, nd.effective, "npc", paras,
               f"local/{owner.level}" + (f"/gg-{gg}" if gg else ""))


def _president_order(no: int, name: str, t: int, k: int, d: dt.date, eff: dt.date, rng: random.Random) -> list[Para]:
    return [Para("中华人民共和国主席令", "order_head"), Para(f"第{cn.num(no)}号", "order_no"),
            Para(f"《{name}》已由中华人民共和国第{cn.num(t)}届全国人民代表大会常务委员会第{cn.num(k)}次会议于"
                 f"{ar(d)}通过，现予公布，自{ar(eff)}起施行。", "order_text"),
            Para(f"中华人民共和国主席　{person(rng)}", "order_sign"), Para(ar(d), "order_date")]


def national_dates(d: dt.date) -> tuple[int, int]:
    start_year = 2018 + 5 * ((d.year - 2018 - (d.month < 3)) // 5)
    t = 13 + (start_year - 2018) // 5
    k = max(1, (d - dt.date(start_year, 3, 1)).days // 58 + 1)
    return t, k


def law(src: LawSource, adopt: dt.date, rng: random.Random, order_no: int | None, own_toc: bool,
        budget: int) -> Doc:
    """法律 reprinted: optional 主席令 block, title, （…通过） header, own 目录, articles."""
    t, k = national_dates(adopt)
    eff = _first_of_month(adopt, rng)
    paras: list[Para] = []
    if order_no:
        paras += _president_order(order_no, src.title, t, k, adopt, eff, rng)
    paras += [Para(src.title, "title"),
              Para(f"（{ar(adopt)}第{cn.num(t)}届全国人民代表大会常务委员会第{cn.num(k)}次会议通过）", "header")]
    body = articles(src.paras, budget, "法", f"自{ar(eff)}起施行。")
    chaps = [p.text for p in body if p.role == "chapter"]
    if own_toc and len(chaps) > 2:
        paras.append(Para("目　　录", "ltoc_head"))
        paras += [Para(c, "ltoc") for c in chaps]
    paras += body
    no = f"中华人民共和国主席令第{cn.num(order_no)}号" if order_no else None
    return Doc("law", src.title, no, NPCSC, adopt, eff, "law", paras,
               ("order" if order_no else "header") + ("/toc" if own_toc and len(chaps) > 2 else ""))


def decision_national(src: LawSource, adopt: dt.date, rng: random.Random, order_no: int | None) -> Doc:
    """全国人民代表大会常务委员会关于修改《中华人民共和国…法》的决定."""
    t, k = national_dates(adopt)
    eff = _first_of_month(adopt, rng)
    title = f"{NPCSC}关于修改《{src.title}》的决定"
    paras: list[Para] = []
    if order_no:
        paras += _president_order(order_no, title.replace("《", "〈").replace("》", "〉"), t, k, adopt, eff, rng)
    paras += [Para(title, "title"),
              Para(f"（{ar(adopt)}第{cn.num(t)}届全国人民代表大会常务委员会第{cn.num(k)}次会议通过）", "header"),
              Para(f"第{cn.num(t)}届全国人民代表大会常务委员会第{cn.num(k)}次会议决定对《{src.title}》作如下修改：", "body")]
    paras += [Para(x, "body") for x in amend_items(src.paras, rng, rng.randint(2, 4))]
    paras += [Para(f"本决定自{ar(eff)}起施行。", "body"),
              Para(f"《{src.title}》根据本决定作相应修改，重新公布。", "body")]
    no = f"中华人民共和国主席令第{cn.num(order_no)}号" if order_no else None
    return Doc("decision", title, no, NPCSC, adopt, eff, "law", paras, "national/" + ("order" if order_no else "header"))


# -- 司法解释 -----------------------------------------------------------------------------
SYN_JUD = [
    JudSource("synthetic:jud-waste", "关于办理非法处置危险废物刑事案件适用法律若干问题的解释", [
        "为依法惩治非法处置危险废物犯罪，保护和改善生态环境，根据《中华人民共和国刑法》《中华人民共和国刑事诉讼法》"
        "的有关规定，现就办理此类刑事案件适用法律的若干问题解释如下：",
        "第一条　违反国家规定，非法排放、倾倒、处置危险废物三吨以上的，应当认定为刑法第三百三十八条规定的“严重污染环境”。",
        "第二条　无危险废物经营许可证从事收集、贮存、利用、处置危险废物经营活动，具有下列情形之一的，应当认定为“情节严重”：",
        "（一）非法处置危险废物一百吨以上的；",
        "（二）致使县级以上城区集中式饮用水水源取水中断十二小时以上的；",
        "（三）造成直接经济损失一百万元以上的。",
        "第三条　明知他人无危险废物经营许可证，向其提供或者委托其收集、贮存、利用、处置危险废物，严重污染环境的，以共同犯罪论处。",
        "第四条　实施本解释规定的犯罪行为，在刑事案件立案之前积极修复生态环境，及时赔偿损失，可以从轻处罚；"
        "犯罪情节轻微的，可以不起诉或者免予刑事处罚。",
        "第五条　单位实施本解释规定的犯罪的，依照本解释规定的定罪量刑标准，对直接负责的主管人员和其他直接责任人员定罪处罚，"
        "并对单位判处罚金。",
        "第六条　对于危险废物的认定，可以依据名录或者有关鉴别标准作出判断；难以确定的，可以依据司法鉴定机构出具的鉴定意见，"
        "或者国务院生态环境部门指定的机构出具的报告，结合其他证据作出认定。",
    ], "解释", True),
    JudSource("synthetic:jud-wages", "关于办理拒不支付劳动者报酬刑事案件适用法律若干问题的解释", [
        "为依法惩治拒不支付劳动者报酬犯罪，维护劳动者合法权益，根据《中华人民共和国刑法》有关规定，"
        "现就办理此类刑事案件适用法律的若干问题解释如下：",
        "第一条　劳动者依照劳动法和劳动合同法等法律的规定应得的劳动报酬，包括工资、奖金、津贴、补贴、延长工作时间的工资报酬"
        "以及特殊情况下支付的工资等，应当认定为刑法第二百七十六条之一第一款规定的“劳动者的劳动报酬”。",
        "第二条　以逃避支付劳动者的劳动报酬为目的，具有下列情形之一的，应当认定为“以转移财产、逃匿等方法逃避支付劳动者的劳动报酬”：",
        "（一）隐匿财产、恶意清偿、虚构债务、虚假破产、虚假倒闭或者以其他方法转移、处分财产的；",
        "（二）逃跑、藏匿的；",
        "（三）隐匿、销毁或者篡改账目、职工名册、工资支付记录、考勤记录等与劳动报酬相关的材料的。",
        "第三条　拒不支付一名劳动者三个月以上的劳动报酬且数额在五千元至二万元以上的，或者拒不支付十名以上劳动者的劳动报酬"
        "且数额累计在三万元至十万元以上的，应当认定为“数额较大”。",
        "第四条　经人力资源社会保障部门或者政府其他有关部门依法以限期整改指令书等文书责令支付劳动者的劳动报酬后，"
        "在指定的期限内仍不支付的，应当认定为“经政府有关部门责令支付仍不支付”。",
        "第五条　拒不支付劳动者的劳动报酬，尚未造成严重后果，在刑事立案前支付劳动者的劳动报酬，并依法承担相应赔偿责任的，"
        "可以认定为情节显著轻微危害不大，不认为是犯罪。",
        "第六条　用人单位的实际控制人实施拒不支付劳动者报酬行为，构成犯罪的，应当依照刑法第二百七十六条之一的规定追究刑事责任。",
    ], "解释", True),
    JudSource("synthetic:jud-land", "最高人民法院关于审理农村土地经营权流转纠纷案件适用法律若干问题的解释", [
        "为正确审理农村土地经营权流转纠纷案件，依法保护当事人的合法权益，根据《中华人民共和国民法典》"
        "《中华人民共和国农村土地承包法》等法律的规定，结合民事审判实践，制定本解释。",
        "一、受理与诉讼主体",
        "第一条　下列涉及农村土地经营权流转的纠纷，人民法院应当依法受理：",
        "（一）土地经营权出租、入股纠纷；",
        "（二）土地经营权再流转纠纷；",
        "（三）土地经营权融资担保纠纷。",
        "第二条　承包方以土地经营权入股农民专业合作社或者公司，因入股发生的纠纷，以入股的承包方和接受入股的组织为当事人。",
        "二、纠纷的处理",
        "第三条　流转期限超过承包期剩余期限的，超过部分无效，但承包方与受让方另有约定且不违反法律规定的除外。",
        "第四条　受让方擅自改变土地的农业用途、弃耕抛荒连续两年以上、给土地造成严重损害或者严重破坏土地生态环境，"
        "承包方请求解除合同的，人民法院应予支持。",
        "第五条　因征收或者征用土地，受让方请求分配地上附着物和青苗的补偿费的，人民法院应予支持。",
        "三、其他规定",
        "第六条　本解释施行后尚未终审的案件，适用本解释；本解释施行前已经终审，当事人申请再审或者按照审判监督程序决定再审的，不适用本解释。",
    ], "解释", False),
]


def judicial(src: JudSource, adopt: dt.date, no: int, budget: int, rng: random.Random, gg: str | None,
             number_above: bool, cn_date: bool) -> Doc:
    """司法解释: optional 公告 block, 法释〔Y〕N号 above or below the title, （…通过，自…起施行）."""
    joint = src.joint
    km = court_meeting(adopt)
    adopt2 = _later(adopt, 6, 40, rng) if joint else None
    pub = _later(adopt2 or adopt, 3, 18, rng)
    eff = _later(pub, 10, 45, rng)
    tp = term(adopt2.year) if adopt2 else 0
    kp = max(1, (adopt2 - dt.date(2018 + 5 * ((adopt2.year - 2018) // 5), 3, 1)).days // 20 + 1) if adopt2 else 0
    if joint:
        title = "最高人民法院" + rng.choice(["\u3000", " "]) + "最高人民检察院" + src.title
        name = "最高人民法院、最高人民检察院" + src.title
        who = f"{ar(adopt)}由最高人民法院审判委员会第{km}次会议、{ar(adopt2)}由最高人民检察院第{cn.num(tp)}届检察委员会第{cn.num(kp)}次会议"
        hd = (f"（{ar(adopt)}最高人民法院审判委员会第{km}次会议、{ar(adopt2)}最高人民检察院第{cn.num(tp)}届"
              f"检察委员会第{cn.num(kp)}次会议通过，自{ar(eff)}起施行）")
    else:
        title = name = src.title
        who = f"{ar(adopt)}由最高人民法院审判委员会第{km}次会议"
        hd = f"（{ar(adopt)}最高人民法院审判委员会第{km}次会议通过，自{ar(eff)}起施行）"
    docno = f"法释〔{pub.year}〕{no + pub.timetuple().tm_yday // 12}号"
    paras: list[Para] = []
    if gg:
        if joint and gg == "lines":
            paras += [Para("最高人民法院", "gg_head"), Para("最高人民检察院", "gg_head2"), Para("公　　告", "gg_head2")]
        elif joint:
            paras += [Para("最高人民法院\u3000最高人民检察院", "gg_head"), Para("公　　告", "gg_head2")]
        else:
            paras += [Para("最高人民法院公告", "gg_head")]
        paras.append(Para(f"《{name}》已于{who}通过，现予公布，自{ar(eff)}起施行。", "gg_text"))
        if joint and gg == "lines":
            paras += [Para("最高人民法院", "gg_sign"), Para("最高人民检察院", "gg_sign2")]
        else:
            paras.append(Para("最高人民法院\u3000最高人民检察院" if joint else "最高人民法院", "gg_sign"))
        paras.append(Para(cn.date_str(pub, cn_date), "gg_date"))
    paras += head(title, docno, number_above)
    paras.append(Para(hd, "header"))
    paras += articles(src.paras, budget, src.word, f"自{ar(eff)}起施行。")
    issuer = "最高人民法院、最高人民检察院" if joint else "最高人民法院"
    variant = ("joint" if joint else "court") + (f"/gg-{gg}" if gg else "") + ("/number-above" if number_above else "")
    return Doc("judicial_interpretation", title, docno, issuer, adopt, eff, "jud", paras, variant)


# -- notices ----------------------------------------------------------------------------
def gov_notice(src: NoticeSource, owner: Owner, docno: str | None, by_office: bool, signed: dt.date,
               budget: int, rng: random.Random, opts: Opts) -> Doc:
    """通知/意见/决定 (normative or normative_no_number), 复函/函 (reply), 通报 (notice_announcement)."""
    d = C.notice(src, owner, docno, by_office, signed, budget, rng, opts)
    if src.genre == "other":
        detail = "notice_announcement" if d.title.endswith("通报") else "reply"
        if detail == "reply":  # a 复函 / 函 answers one body, not every government
            for p in d.paras:
                if p.role == "addressee":
                    p.text = dept(owner, rng)[0] + "："
    else:
        detail = "normative" if docno else "normative_no_number"
    return of(d, detail, "corpus")


def reply(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    return of(X.reply(owner, docno, signed, rng, opts), "reply", "synthetic")


def dept_addressee(owner: Owner) -> str:
    return f"各{'市' if owner.level == 'province' else '区、县（市）'}有关部门，有关单位："


def issuance(srcs: list[ArticleSource], owner: Owner, docno: str | None, issuers: list[str], signed: dt.date,
             budgets: list[int], rng: random.Random, opts: Opts, section: str, sign_mode: str = "lines",
             title_issuers: bool = False) -> Doc:
    """印发 notice with one or two attachments, each with its own title (附件 / 附件1, 附件2)."""
    inners = [owner.place + s.core for s in srcs]
    gov_level = issuers[0] in (owner.gov, owner.office)
    quoted = "".join(f"《{i}》" for i in inners) if len(inners) == 1 else f"《{inners[0]}》和《{inners[1]}》"
    if gov_level:
        title = f"{issuers[0]}关于印发{quoted}的通知"
    elif title_issuers:
        title = " ".join(issuers) + f"关于印发{quoted}的通知"
    else:
        title = f"关于印发{quoted}的通知"
    paras = head(title, docno, opts.docno_above)
    paras.append(Para(addressee(owner) if gov_level else dept_addressee(owner), "addressee"))
    approved = f"已经{owner.short}政府同意，" if gov_level else ""
    paras.append(Para(f"{quoted}{approved}现印发给你们，请{rng.choice(['认真贯彻执行', '结合实际认真贯彻落实', '认真遵照执行'])}。",
                      "body"))
    if len(inners) > 1:
        paras.append(Para(f"附件：1．{inners[0]}", "attach_list"))
        paras.append(Para(f"2．{inners[1]}", "attach_list2"))
    note = rng.choice(["（此件公开发布）", "（此件主动公开）"]) if rng.random() < opts.notice_note else None
    paras += sign_paras(issuers, signed, rng.random() < opts.cn_dates, sign_mode, note)
    if rng.random() < 0.35:
        eff, phrase = signed, "自印发之日起施行。"
    else:
        eff = _first_of_month(signed, rng)
        phrase = f"自{ar(eff)}起施行，有效期{rng.choice(['5', '3', '2'])}年。"
    for i, (src, inner) in enumerate(zip(srcs, inners)):
        if len(inners) > 1:
            paras.append(Para(f"附件{i + 1}", "attach_label"))
        elif opts.attach_label:
            paras.append(Para("附件", "attach_label"))
        paras.append(Para(inner, "attach_title"))
        paras += articles(src.paras, budgets[i], _suffix(src.core), phrase, pre="a")
    detail = "normative" if docno else "normative_no_number"
    variant = f"{len(srcs)}att/{len(issuers)}org/{sign_mode}" + ("/title-orgs" if title_issuers and not gov_level else "")
    return Doc(detail, title, docno, "、".join(issuers), signed, eff, section, paras, variant)


BULLETINS = [
    ("关于公布{o}第{n}批{l}级非物质文化遗产代表性项目名录的公告",
     ["根据《中华人民共和国非物质文化遗产法》和有关规定，经{o}人民政府同意，现将第{n}批{l}级非物质文化遗产代表性项目名录予以公布。",
      "列入名录的项目共{k}项，其中传统技艺{k1}项、传统音乐{k2}项、民俗{k3}项，名单见附后的项目清单，在本公报同期刊登。",
      "各地、各有关部门要按照“保护为主、抢救第一、合理利用、传承发展”的方针，切实做好名录项目的保护、传承和管理工作。"]),
    ("关于{s}至{t}高速公路车辆通行费收费期限的公告",
     ["根据《收费公路管理条例》和有关规定，经{o}人民政府批准，现将{s}至{t}高速公路车辆通行费收费期限公告如下：",
      "一、收费期限：自该路段建成通车之日起计算，收费期限为{k}年。",
      "二、收费标准按照{o}价格主管部门和交通运输主管部门核定的标准执行，并在各收费站显著位置公示。",
      "三、收费期届满，依法停止收费，并由交通运输主管部门向社会公告。"]),
    ("关于{s}片区土地征收启动的公告",
     ["根据《中华人民共和国土地管理法》及其实施条例的规定，为了公共利益的需要，{o}人民政府拟征收{s}片区部分集体土地，现将有关事项公告如下：",
      "一、征收范围：{s}片区东至滨河路、南至规划三路、西至铁路防护绿地、北至规划一路，面积约{k}公顷。",
      "二、自本公告发布之日起，在征收范围内抢栽抢种、抢建的地上附着物和青苗，征收时不予补偿。",
      "三、土地现状调查结果将另行公示，有关权利人应当积极配合调查工作。"]),
]


def bulletin(owner: Owner, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    """公告 with no 文号: bench.indep.extra's two topics plus three new ones."""
    r = rng.random()
    if r < 0.35:
        return of(X.bulletin(owner, signed, rng, opts), "notice_announcement", "bulletin")
    from bench.indep.extra import SUBUNITS
    t_tpl, b_tpl = rng.choice(BULLETINS)
    vals = dict(o=owner.place, n=cn.num(rng.randint(3, 7)), l=owner.short, k=rng.randint(12, 60),
                k1=rng.randint(3, 9), k2=rng.randint(2, 6), k3=rng.randint(2, 8),
                s=rng.choice(SUBUNITS), t=rng.choice(SUBUNITS[::-1]))
    if vals["s"] == vals["t"]:
        vals["t"] = "新安"
    title = owner.gov + t_tpl.format(**vals)
    paras = [Para(title, "title")] + [Para(b.format(**vals), "body") for b in b_tpl]
    eff = None
    if rng.random() < 0.4:
        eff = signed + dt.timedelta(days=rng.randint(3, 20))
        paras.append(Para(f"本公告自{ar(eff)}起施行。", "body"))
    else:
        paras.append(Para("特此公告。", "body"))
    paras += sign_paras([owner.gov], signed, rng.random() < opts.cn_dates)
    return Doc("notice_announcement", title, None, owner.gov, signed, eff, "gov", paras, "bulletin")


TONGBAO = [("政府网站和政务新媒体检查", "《政府网站与政务新媒体检查指标》"),
           ("政务公开工作考核", "《中华人民共和国政府信息公开条例》"),
           ("安全生产执法检查", "《中华人民共和国安全生产法》")]


def tongbao(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    """XX市人民政府办公厅关于…情况的通报 (synthetic; 文号; kind other)."""
    topic, basis = rng.choice(TONGBAO)
    y = signed.year - (signed.month < 4)
    title = f"{owner.office}关于{y}年度{topic}情况的通报"
    n, pc = rng.randint(40, 160), rng.randint(86, 98)
    due = signed + dt.timedelta(days=rng.randint(20, 40))
    body = [
        (f"为进一步加强和规范相关工作，根据{basis}等有关规定，{owner.office}于{y}年{rng.randint(9, 12)}月"
         f"组织开展了{y}年度{topic}。现将有关情况通报如下：", "body"),
        ("一、总体情况", "subhead"),
        (f"本次共抽查{n}家单位，总体合格率为{pc}%，较上年提高{rng.randint(1, 6)}个百分点。各地、各部门高度重视，"
         f"建立健全工作机制，落实专人负责，工作规范化、标准化水平持续提升。", "body"),
        ("二、存在的问题", "subhead"),
        (f"检查也发现，部分单位仍存在责任落实不到位、信息更新不及时、问题整改不彻底等问题，"
         f"其中{rng.randint(2, 9)}家单位检查结果为不合格。", "body"),
        ("三、下一步工作要求", "subhead"),
        (f"各地、各部门要对照通报的问题，逐项认真整改，举一反三，建立长效机制，并于{ar(due)}前将整改情况"
         f"书面报送{owner.office}。", "body"),
    ]
    paras = head(title, docno, opts.docno_above) + [Para(addressee(owner), "addressee")]
    paras += [Para(t, r) for t, r in body]
    paras += sign_paras([owner.office], signed, rng.random() < opts.cn_dates)
    return Doc("notice_announcement", title, docno, owner.office, signed, None, "office", paras, "tongbao")


def personnel(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    return of(C.personnel(owner, docno, signed, rng, opts), "personnel", "gov")


def npc_personnel(owner: Owner, d: dt.date, base: int, rng: random.Random) -> Doc:
    """XX省人民代表大会常务委员会任免名单 (no 文号, no signature)."""
    t, k = term(d.year, base), meeting(d)
    title = f"{npc_name(owner.place)}任免名单"
    paras = [Para(title, "title"), Para(f"（{ar(d)}{npc_name(owner.place, t)}第{cn.num(k)}次会议通过）", "header")]
    groups = [("决定任命：", "为", ""), ("决定免去：", "的", "职务")]
    if rng.random() < 0.7:
        groups.append(("任命：", "为", ""))
    for g, (label, link, tail) in enumerate(groups):
        paras.append(Para(label, "list_head"))
        n = rng.randint(1, 3)
        for i in range(n):
            nm = person(rng)
            if label == "任命：":
                post = f"{owner.place}{rng.choice(['中级', '高级'] if owner.level == 'province' else ['中级'])}人民法院" \
                       f"{rng.choice(['审判员', '审判委员会委员', '副庭长'])}"
            else:
                dn = dept(owner, rng)[0]
                post = dn + ("主任" if dn.endswith("委员会") else "局长" if dn.endswith("局") else "厅长")
            end = "。" if i == n - 1 else "；"
            paras.append(Para(f"{nm}{link}{post}{tail}{end}", "list"))
    return Doc("personnel", title, None, npc_name(owner.place), d, None, "npc", paras, "npc_list")


class _Shim:
    """Interpretation target with attachment roles folded into plain ones."""

    def __init__(self, d: Doc):
        self.title = d.title
        self.paras = [Para(p.text, p.role[1:] if p.role in ("abody", "achapter", "asubhead") else p.role)
                      for p in d.paras]


def interpretation(target: Doc, ref: int, owner: Owner, rng: random.Random) -> Doc:
    return of(C.interpretation(_Shim(target), ref, owner, rng), "interpretation", "")
