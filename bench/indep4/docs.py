"""Document builders for every class of the set (paragraph lists + truth metadata).

Every paragraph is printed verbatim, so ``Doc.text`` is exactly the printed text.  Roles
``rule``/``label`` are furniture drawn inside a document's run and are not part of it.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from bench.indep import cn
from bench.indep import compose as C
from bench.indep import extra as X
from bench.indep.corpus import ART_RE, CHAP_RE
from bench.indep.places import CITIES, PROVINCES, Owner, dept, person

KIND = {"law": "regulation", "decision": "regulation", "local_regulation": "regulation", "rule": "regulation",
        "rule_no_order": "regulation", "normative": "normative", "normative_no_number": "normative",
        "judicial_interpretation": "normative", "reply": "normative", "notice_announcement": "other",
        "personnel": "personnel", "interpretation": "interpretation"}
NOT_TEXT = {"rule", "redrule", "label", "fnrule"}
U3 = "\u3000"


@dataclass
class P:
    text: str
    role: str
    breaks: tuple = ()
    right: str = ""                     # role pair: right-hand part of the line
    rows: list | None = None            # role table
    fracs: list | None = None

    @property
    def truth(self) -> str | None:
        if self.role in NOT_TEXT:
            return None
        if self.role in ("pair", "banji_pair", "sign_pair"):
            return self.text + U3 + self.right
        if self.role == "table":
            return "\n".join(U3.join(r) for r in self.rows)
        return self.text


@dataclass
class Doc:
    detail: str
    title: str
    doc_number: str | None
    issuer: str | None
    signed: dt.date | None
    effective: dt.date | None
    section: str
    paras: list[P] = field(default_factory=list)
    variant: list[str] = field(default_factory=list)
    ref: int | None = None
    new_page: bool = False

    @property
    def kind(self) -> str:
        return KIND[self.detail]

    @property
    def text(self) -> str:
        return "\n".join(t for t in (p.truth for p in self.paras) if t is not None)


def conv(doc: C.Doc, detail: str, section: str | None = None) -> Doc:
    return Doc(detail, doc.title, doc.doc_number, doc.issuer, doc.signed, doc.effective, section or doc.section,
               [P(p.text, p.role) for p in doc.paras])


def eff_after(d: dt.date, rng: random.Random, lo: int = 1, hi: int = 3) -> dt.date:
    m = d.month + rng.randint(lo, hi)
    return dt.date(d.year + (m - 1) // 12, (m - 1) % 12 + 1, 1)


def session(year: int, national: bool = False, base: int = 13) -> str:
    """届 ordinal for a 人大 in ``year`` (terms start 2018, 2023, 2013 …)."""
    n = base + (year - 2018) // 5
    return cn.num(n)


# -- 规章 --------------------------------------------------------------------------
def rule(src, owner: Owner, no: int, signed: dt.date, budget: int, rng: random.Random, trial: bool,
         cn_date: bool = True) -> Doc:
    core = src.core + ("（试行）" if trial and not src.core.endswith("）") else "")
    title = owner.place + core
    eff = eff_after(signed, rng)
    when = f"自{cn.date_ar(eff)}起施行"
    meeting = signed - dt.timedelta(days=rng.randint(6, 25))
    paras = [P(f"{owner.gov}令", "order_head"), P(f"第{no}号", "order_no"),
             P(f"《{title}》已经{cn.date_ar(meeting)}{owner.short}人民政府第{rng.randint(3, 120)}次常务会议通过，"
               f"现予公布，{when}。", "order_text"),
             P(f"{owner.head}　{person(rng)}", "order_sign"),
             P(cn.date_str(signed, cn_date), "order_date"), P(title, "title")]
    src2 = type(src)(src.file, core, src.paras, src.chapters)
    paras += [P(p.text, p.role) for p in C._articles(src2, budget, when + "。")]
    d = Doc("rule", title, f"{owner.gov}令第{no}号", owner.gov, signed, eff, "reg", paras)
    d.variant.append("令 block" + (", Chinese date" if cn_date else ""))
    return d


def rule_no_order(src, owner: Owner, no: int, signed: dt.date, budget: int, rng: random.Random, variant: str) -> Doc:
    title = owner.place + src.core
    eff = eff_after(signed, rng)
    order = f"{owner.gov}令第{no}号"
    meet = signed - dt.timedelta(days=rng.randint(5, 20))
    mline = f"{cn.date_ar(meet)}{owner.short}人民政府第{rng.randint(10, 140)}次常务会议通过"
    if variant == "paren":
        head = [P(f"（{cn.date_ar(signed)}{order}公布　自{cn.date_ar(eff)}起施行）", "header")]
    elif variant == "bare2":
        head = [P(f"{cn.date_ar(signed)}{order}公布", "header"), P(f"自{cn.date_ar(eff)}起施行", "header")]
    else:  # bare3: meeting date first
        head = [P(mline, "header"), P(f"{cn.date_ar(signed)}{order}公布", "header"),
                P(f"自{cn.date_ar(eff)}起施行", "header")]
    paras = [P(title, "title")] + head
    paras += [P(p.text, p.role) for p in C._articles(src, budget, f"自{cn.date_ar(eff)}起施行。")]
    d = Doc("rule_no_order", title, order, owner.gov, signed, eff, "reg2", paras)
    d.variant.append(f"公布 header {variant}")
    return d


# -- 地方性法规 ----------------------------------------------------------------------
def _cut(paras: list[str], budget: int, word: str, eff: dt.date) -> list[P]:
    kept = C._take(paras, budget)
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    chapters = [p for p in kept if CHAP_RE.match(p)]
    out = [P(p, C._role(p)) for p in kept]
    if chapters and "附" not in chapters[-1]:
        out.append(P(f"第{cn.num(len(chapters) + 1)}章　附　　则", "chapter"))
    out.append(P(f"第{cn.num(last + 1)}条　本{word}自{cn.date_ar(eff)}起施行。", "body"))
    return out


def npc_name(place: str) -> str:
    return f"{place}人民代表大会常务委员会"


def local_regulation(src, place: str, province: str | None, passed: dt.date, budget: int, rng: random.Random,
                     variant: str, gonggao: bool) -> Doc:
    """地方性法规 of ``place`` (approved by ``province`` if a city); headers printed as bare lines."""
    title = place + src.core
    word = "条例" if src.core.endswith("条例") else "规定"
    body = [p.replace(src.place, place) for p in src.paras]
    if not province:  # a provincial regulation: the city wording of the source becomes provincial
        body = [p.replace("本市", "本省").replace("市人民政府", "省人民政府") for p in body]
    jie = cn.num(rng.randint(15, 17)) if province else session(passed.year)
    meet = cn.num(rng.randint(2, 38))
    approve = passed + dt.timedelta(days=rng.randint(25, 60)) if province else None
    pub = (approve or passed) + dt.timedelta(days=rng.randint(1, 6))
    eff = eff_after(pub, rng, 1, 4)
    npc = npc_name(place)
    lines = [f"{cn.date_ar(passed)}{place}第{jie}届人民代表大会常务委员会第{meet}次会议通过"]
    if province:
        lines.append(f"{cn.date_ar(approve)}{province}第{session(approve.year)}届人民代表大会常务委员会"
                     f"第{cn.num(rng.randint(2, 38))}次会议批准")
    no = rng.randint(3, 90)
    if variant == "bare_pub":
        lines.append(f"{cn.date_ar(pub)}{npc}公告第{no}号公布")
        lines.append(f"自{cn.date_ar(eff)}起施行")
    paras: list[P] = []
    if gonggao:
        head = f"{place}第{jie}届人民代表大会常务委员会公告" if rng.random() < 0.4 else f"{npc}公告"
        sent = (f"《{title}》已经{place}第{jie}届人民代表大会常务委员会第{meet}次会议于{cn.date_ar(passed)}通过，"
                + (f"{province}第{session(approve.year)}届人民代表大会常务委员会于{cn.date_ar(approve)}批准，" if province else "")
                + f"现予公布，自{cn.date_ar(eff)}起施行。")
        paras += [P(head, "gg_head"), P(rng.choice([f"第{no}号", f"（第{no}号）"]), "gg_no"), P(sent, "body"),
                  P(npc, "sign"), P(cn.date_ar(pub), "date")]
    paras += [P(title, "title")] + [P(l, "header") for l in lines]
    paras += _cut(body, budget, word, eff)
    d = Doc("local_regulation", title, None, npc, passed, eff, "npc", paras)
    d.variant.append(("city (批准)" if province else "province") + f", header {variant}" + (", 公告" if gonggao else ""))
    return d


# -- 法律 / 决定 ------------------------------------------------------------------------
def _order_block(title: str, no: int, passed: dt.date, eff: dt.date, meet: str, jie: str,
                 rng: random.Random, cn_date: bool) -> list[P]:
    return [P("中华人民共和国主席令", "order_head"), P(f"第{cn.num(no)}号", "order_no"),
            P(f"《{title}》已由中华人民共和国第{jie}届全国人民代表大会常务委员会第{meet}次会议于"
              f"{cn.date_ar(passed)}通过，现予公布，自{cn.date_ar(eff)}起施行。", "order_text"),
            P(f"中华人民共和国主席　{person(rng)}", "order_sign"), P(cn.date_str(passed, cn_date), "order_date")]


NPC = "全国人民代表大会常务委员会"


def law(src, passed: dt.date, budget: int, rng: random.Random, with_order: bool, own_toc: bool) -> Doc:
    jie, meet = session(passed.year), cn.num(rng.randint(2, 40))
    eff = eff_after(passed, rng, 2, 6)
    no = rng.randint(10, 130)
    paras = _order_block(src.title, no, passed, eff, meet, jie, rng, rng.random() < 0.5) if with_order else []
    paras.append(P(src.title, "title"))
    paras.append(P(f"（{cn.date_ar(passed)}第{jie}届全国人民代表大会常务委员会第{meet}次会议通过）", "header"))
    body = _cut(src.paras, budget, "法", eff)
    chaps = [p.text for p in body if p.role == "chapter"]
    if own_toc and chaps:
        paras.append(P("目　　录", "toc_head"))
        paras += [P(c, "toc_line") for c in chaps]
    paras += body
    d = Doc("law", src.title, f"中华人民共和国主席令第{cn.num(no)}号" if with_order else None, NPC, passed, eff, "law",
            paras)
    d.variant.append(("主席令" if with_order else "header only") + (", own 目录" if own_toc and chaps else ""))
    return d


def decision(src, passed: dt.date, rng: random.Random, with_order: bool) -> Doc:
    """全国人大常委会关于修改《…法》的决定 quoting articles of the law."""
    jie, meet = session(passed.year), cn.num(rng.randint(2, 40))
    eff = eff_after(passed, rng, 1, 4)
    title = f"{NPC}关于修改《{src.title}》的决定"
    arts = [p for p in src.paras if ART_RE.match(p) and 30 < len(p) < 160]
    picks = sorted(rng.sample(range(len(arts)), min(3, len(arts))))
    paras = _order_block(title, rng.randint(10, 130), passed, eff, meet, jie, rng, False) if with_order else []
    no = paras[1].text if with_order else None
    paras += [P(title, "title"),
              P(f"（{cn.date_ar(passed)}第{jie}届全国人民代表大会常务委员会第{meet}次会议通过）", "header"),
              P(f"第{jie}届全国人民代表大会常务委员会第{meet}次会议决定对《{src.title}》作如下修改：", "body")]
    for k, i in enumerate(picks):
        a = arts[i]
        m = ART_RE.match(a)
        new = a.replace("应当", "应当依法", 1) if "应当" in a else a.rstrip("。") + "，并接受社会监督。"
        paras.append(P(f"{cn.num(k + 1)}、将第{m.group(1)}条修改为：“{new}”", "body"))
    paras += [P(f"本决定自{cn.date_ar(eff)}起施行。", "body"),
              P(f"《{src.title}》根据本决定作相应修改，重新公布。", "body")]
    d = Doc("decision", title, f"中华人民共和国主席令{no}" if with_order else None, NPC, passed, eff, "law", paras)
    d.variant.append("national" + (", 主席令" if with_order else ""))
    return d


# -- 司法解释 ---------------------------------------------------------------------------
SPC, SPP = "最高人民法院", "最高人民检察院"
JOINT_TITLE = "关于办理非法捕捞水产品刑事案件适用法律若干问题的解释"
JOINT_BODY = [
    "为依法惩治非法捕捞水产品犯罪，保护渔业资源和水域生态环境，根据《中华人民共和国刑法》《中华人民共和国刑事诉讼法》的有关规定，现就办理此类刑事案件适用法律的若干问题解释如下：",
    "第一条　违反保护水产资源法规，在禁渔区、禁渔期或者使用禁用的工具、方法捕捞水产品，具有下列情形之一的，应当认定为刑法第三百四十条规定的“情节严重”：",
    "（一）非法捕捞水产品五百公斤以上或者价值一万元以上的；",
    "（二）非法捕捞有重要经济价值的水生动物苗种、怀卵亲体或者在水产种质资源保护区内捕捞水产品五十公斤以上或者价值一千元以上的；",
    "（三）在禁渔区使用电鱼、毒鱼、炸鱼等严重破坏渔业资源的禁用方法捕捞的；",
    "（四）二年内曾因非法捕捞受过行政处罚二次以上，又实施非法捕捞行为的；",
    "（五）其他情节严重的情形。",
    "第二条　实施前条规定的行为，具有下列情形之一的，从重处罚：",
    "（一）暴力抗拒、阻碍国家机关工作人员依法履行职务，尚未构成妨害公务罪、袭警罪的；",
    "（二）二年内曾因破坏渔业资源犯罪受过刑事处罚的；",
    "（三）对水生生物资源或者水域生态造成严重损害的。",
    "第三条　实施本解释规定的行为，根据渔获物的数量、价值和捕捞方法、工具等，认为对水生生物资源危害明显较轻的，综合考虑行为人自愿接受行政处罚、积极修复生态环境等情节，可以认定为犯罪情节轻微，不起诉或者免予刑事处罚。",
    "第四条　非法捕捞水产品的数量、价值，根据渔获物的实际数量和销赃数额认定；销赃数额低于市场价格的，参照有关部门公布的价格或者市场价格认定。",
    "第五条　对于涉案水产品的种类、数量、价值以及捕捞方法、工具等专门性问题，可以由渔业主管部门出具认定意见，并结合其他证据作出认定。",
    "第六条　单位实施本解释规定的犯罪的，依照本解释规定的定罪量刑标准，对直接负责的主管人员和其他直接责任人员定罪处罚，并对单位判处罚金。",
]


def judicial(src, court_pass: dt.date, rng: random.Random, joint: bool, gonggao: bool, above: bool,
             budget: int) -> Doc:
    issuers = [SPC, SPP] if joint else [SPC]
    issuer = "、".join(issuers)
    pub = court_pass + dt.timedelta(days=rng.randint(12, 45))
    eff = pub + dt.timedelta(days=rng.choice([0, 10, 20, 30]))
    if joint:
        core, body = JOINT_TITLE, JOINT_BODY
        title = f"{SPC}　{SPP}{core}"
        word = "解释"
    else:
        title, body = src.title, src.paras
        word = "规定" if title.endswith("规定") else "解释"
    no = f"法释〔{pub.year}〕{rng.randint(2, 24)}号"
    cmeet = rng.randint(1700, 1900)
    court = f"{cn.date_ar(court_pass)}最高人民法院审判委员会第{cmeet}次会议"
    if joint:
        pro = court_pass + dt.timedelta(days=rng.randint(3, 20))
        pmeet = f"最高人民检察院第{session(pro.year)}届检察委员会第{cn.num(rng.randint(20, 120))}次会议"
        header = f"（{court}、{cn.date_ar(pro)}{pmeet}通过，自{cn.date_ar(eff)}起施行）"
        by = f"于{cn.date_ar(court_pass)}由最高人民法院审判委员会第{cmeet}次会议、{cn.date_ar(pro)}由{pmeet}"
    else:
        header = f"（{court}通过，自{cn.date_ar(eff)}起施行）"
        by = f"于{cn.date_ar(court_pass)}由最高人民法院审判委员会第{cmeet}次会议"
    paras: list[P] = []
    if gonggao:
        who = "最高人民法院　最高人民检察院" if joint else SPC
        paras += [P(f"{who}公告", "gg_head"), P(f"《{title}》已{by}通过，现予公布，自{cn.date_ar(eff)}起施行。", "body")]
        paras += [P(i, "sign") for i in issuers] + [P(cn.date_ar(pub), "date")]
    if above:
        paras += [P(no, "docno"), P(title, "title")]
    else:
        paras += [P(title, "title"), P(no, "docno")]
    paras.append(P(header, "header"))
    kept = C._take(body, budget) if not joint else body
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    paras += [P(p, "subhead" if re.match(r"^[一二三四五六七八九十]+、", p) and len(p) < 30 else "body") for p in kept]
    paras.append(P(f"第{cn.num(last + 1)}条　本{word}自{cn.date_ar(eff)}起施行。", "body"))
    d = Doc("judicial_interpretation", title, no, issuer, court_pass, eff, "jud", paras)
    d.variant.append(("joint" if joint else "court") + (", 公告" if gonggao else "") + (", 法释 above" if above else ""))
    return d


# -- notices ------------------------------------------------------------------------------
def notice(src, owner: Owner, docno: str | None, office: bool, signed: dt.date, budget: int, rng: random.Random,
           opts: C.Opts) -> Doc:
    d = C.notice(src, owner, docno or "X", office, signed, budget, rng, opts)
    if docno is None:
        d.paras = [p for p in d.paras if p.role != "docno"]
        d.doc_number = None
    detail = "reply" if src.genre == "other" else "normative" if docno else "normative_no_number"
    out = conv(d, detail)
    out.variant.append("corpus " + ("复函/批复" if detail == "reply" else "notice"))
    return out


def issuance(src, owner: Owner, docno: str, issuers: list[str], signed: dt.date, budget: int, rng: random.Random,
             opts: C.Opts, section: str, joint: str = "lines") -> Doc:
    d = conv(C.issuance(src, owner, docno, issuers, signed, budget, rng, opts, section), "normative")
    if len(issuers) > 1:
        signs = [i for i, p in enumerate(d.paras) if p.role == "sign"]
        if joint == "u3000":
            d.paras[signs[0]:signs[-1] + 1] = [P(U3.join(issuers), "sign")]
        elif joint == "ascii":
            d.paras[signs[0]:signs[-1] + 1] = [P("  ".join(issuers), "sign")]
            d.title = " ".join(issuers) + d.title
            ti = next(i for i, p in enumerate(d.paras) if p.role == "title")
            d.paras[ti].text = d.title
        elif joint == "block":
            d.paras[signs[0]:signs[-1] + 1] = [P(issuers[0], "sign_pair", right=issuers[1])]
        d.variant.append(f"joint {len(issuers)} {joint}")
    return d


def add_table_attachment(d: Doc, rng: random.Random, owner: Owner) -> None:
    """附件：1．… / 2．…分工表 list, 附件1 label, and 附件2 with a ruled table + 注."""
    inner = next(p.text for p in d.paras if p.role == "attach_title")
    tname = f"{inner.replace('（试行）', '')}重点任务分工表"
    body_i = next(i for i, p in enumerate(d.paras) if p.role == "sign") - 0
    d.paras[body_i:body_i] = [P(f"附件：1．{inner}", "body_noind"), P(f"2．{tname}", "attach_list")]
    lab = next((i for i, p in enumerate(d.paras) if p.role == "attach_label"), None)
    if lab is not None:
        d.paras[lab].text = "附件1"
    tasks = rng.sample(TASKS, 5)
    units = [dept(owner, rng)[0].replace(owner.place, owner.short) for _ in tasks]
    rows = [["序号", "重点任务", "牵头单位", "完成时限"]]
    y = (d.signed or dt.date(2021, 1, 1)).year
    for k, (t, u) in enumerate(zip(tasks, units)):
        rows.append([str(k + 1), t, u, rng.choice([f"{y}年底前", f"{y + 1}年6月底前", "长期坚持"])])
    d.paras += [P("附件2", "attach_label"), P(tname, "attach_title"),
                P("", "table", rows=rows, fracs=[0.1, 0.44, 0.26, 0.2]),
                P("注：各牵头单位于每季度末将工作进展情况报送牵头部门汇总。", "tnote")]
    d.variant.append("table attachment")


TASKS = ["建立健全工作协调机制", "制定年度工作实施方案", "开展专项监督检查", "完善信息公开制度",
         "加强基层队伍能力建设", "推进数据共享平台建设", "组织开展宣传培训", "落实财政资金保障",
         "建立考核评价制度", "完善投诉举报处理机制", "开展第三方评估", "推动标准体系建设"]


def personnel(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: C.Opts) -> Doc:
    d = conv(C.personnel(owner, docno, signed, rng, opts), "personnel")
    d.variant.append("government 任免")
    return d


def npc_personnel(place: str, passed: dt.date, rng: random.Random, province: bool) -> Doc:
    npc = npc_name(place)
    title = f"{npc}任免名单"
    paras = [P(title, "title"),
             P(f"（{cn.date_ar(passed)}{place}第{session(passed.year)}届人民代表大会常务委员会第"
               f"{cn.num(rng.randint(3, 40))}次会议通过）", "header")]
    owner = Owner("province" if province else "city", place, "", place, "")
    paras.append(P("一、决定任命：", "body_noind"))
    for _ in range(rng.randint(2, 4)):
        dn = dept(owner, rng)[0]
        paras.append(P(f"{person(rng)}为{dn}{'主任' if dn.endswith('会') else '厅长' if dn.endswith('厅') else '局长'}", "body"))
    paras.append(P("二、决定免去：", "body_noind"))
    for _ in range(rng.randint(1, 3)):
        dn = dept(owner, rng)[0]
        paras.append(P(f"{person(rng)}的{dn}{'主任' if dn.endswith('会') else '厅长' if dn.endswith('厅') else '局长'}职务", "body"))
    d = Doc("personnel", title, None, npc, passed, None, "personnel", paras)
    d.variant.append("人大常委会任免名单")
    return d


def reply_synth(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: C.Opts) -> Doc:
    d = conv(X.reply(owner, docno, signed, rng, opts), "reply", "gov")
    d.variant.append("synthetic 批复")
    return d


FUHAN_TOPICS = [
    ("关于同意以{s}名义召开全{s2}乡村振兴工作会议的", "复函", "你厅《关于以{s}名义召开全{s2}乡村振兴工作会议的请示》收悉。经{s}同意，现函复如下："),
    ("关于同意建立全{s2}养老服务体系建设联席会议制度的", "函", "你厅《关于建立全{s2}养老服务体系建设联席会议制度的请示》收悉。经{s}同意，现函复如下："),
    ("关于同意将{t}列为{s2}级历史文化街区的", "复函", "你厅《关于将{t}列为{s2}级历史文化街区的请示》收悉。经{s}同意，现函复如下："),
]


def fuhan_above(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: C.Opts) -> Doc:
    """办公厅（室）复函 / 函 printed with the issuer alone on a line above a two-line title."""
    s = f"{owner.short}政府"
    s2 = owner.short
    t = rng.choice(X.SUBUNITS) + rng.choice(["老街", "古街", "南门街"])
    a, b, intro = rng.choice(FUHAN_TOPICS)
    a, intro = a.format(s=s, s2=s2, t=t), intro.format(s=s, s2=s2, t=t)
    d_name, _ = dept(owner, rng)
    if b == "函" and d_name.endswith("委员会"):
        intro = intro.replace("你厅", "你委")
    elif owner.level != "province":
        intro = intro.replace("你厅", "你局")
    issuer = owner.office
    paras = [P(issuer, "title_issuer"), P(a + b, "title", breaks=(len(a),)), P(docno, "docno"),
             P(f"{d_name}：", "addressee"), P(intro, "body"),
             P(f"一、同意{'召开' if '会议' in a else '建立' if '制度' in a else '列入'}。具体工作由你{intro[1]}负责组织实施，"
               f"所需经费按规定渠道解决。", "body"),
             P(f"二、要严格落实中央八项规定及其实施细则精神，厉行节约，注重实效，{rng.choice(['控制规模', '精简程序', '加强统筹'])}。", "body"),
             P("三、有关部门要按照职责分工，密切配合，抓好工作落实。", "body")]
    paras += [P(p.text, p.role) for p in C._sign([issuer], signed, rng, C.Opts(cn_dates=opts.cn_dates, notice_note=0.0))]
    d = Doc("reply", issuer + a + b, docno, issuer, signed, None, "office", paras, new_page=True)
    d.variant.append(f"issuer above two-line title ({b})")
    return d


def bulletin(owner: Owner, signed: dt.date, rng: random.Random, opts: C.Opts) -> Doc:
    d = conv(X.bulletin(owner, signed, rng, opts), "notice_announcement", "other")
    d.variant.append("公告 without 文号")
    return d


def tongbao(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: C.Opts, office: bool) -> Doc:
    issuer = owner.office if office else owner.gov
    q = rng.choice(["第一季度", "第二季度", "第三季度", "上半年"])
    title = f"{issuer}关于{signed.year}年{q}政府网站和政务新媒体检查情况的通报"
    subs = rng.sample(X.SUBUNITS, 4)
    lv = "镇" if owner.level == "county" else "区" if owner.level == "city" else "市"
    rows = [["单位", "检查数量", "合格数量", "合格率"]]
    for s in subs:
        n = rng.randint(8, 30)
        k = rng.randint(n - 3, n)
        rows.append([s + lv, str(n), str(k), f"{100 * k // n}%"])
    paras = [P(title, "title"), P(docno, "docno"), P(C.addressee(owner), "addressee"),
             P(f"按照全国政府网站和政务新媒体检查工作要求，{owner.short}政府办公{'厅' if owner.level == 'province' else '室'}"
               f"组织开展了{signed.year}年{q}检查工作。现将有关情况通报如下：", "body"),
             P("一、总体情况", "subhead"),
             P(f"本次共检查政府网站和政务新媒体{sum(int(r[1]) for r in rows[1:])}个，总体合格率较上期有所提升。"
               "各单位检查结果见下表。", "body"),
             P("", "table", rows=rows, fracs=[0.34, 0.22, 0.22, 0.22]),
             P("二、存在的问题", "subhead"),
             P("部分单位存在栏目更新不及时、互动回应不规范、错别字较多等问题，个别政务新媒体长期未更新。", "body"),
             P("三、下一步工作要求", "subhead"),
             P("各单位要对照检查发现的问题，逐项整改到位，并于通报印发之日起15个工作日内将整改情况报送。", "body")]
    paras += [P(p.text, p.role) for p in C._sign([issuer], signed, rng, C.Opts(cn_dates=opts.cn_dates, notice_note=0.0))]
    d = Doc("notice_announcement", title, docno, issuer, signed, None, "other", paras)
    d.variant.append("通报 with 文号 and table")
    return d


def interp(target: Doc, ref: int, owner: Owner, rng: random.Random) -> Doc:
    cd = C.Doc(target.kind, target.title, target.doc_number, target.issuer, target.signed, target.effective,
               target.section, [C.Para(p.text, p.role) for p in target.paras if p.truth is not None])
    d = conv(C.interpretation(cd, ref, owner, rng), "interpretation", target.section)
    d.ref = ref
    d.variant.append("解读")
    return d


# -- decorations ---------------------------------------------------------------------------
def add_banji(d: Doc, owner: Owner, rng: random.Random) -> None:
    """版记: rule / 抄送：… / rule / 印发 line / rule — part of the document."""
    office = owner.office
    cc = {"province": "省委各部门，省人大常委会办公厅，省政协办公厅，省监委，省法院，省检察院。",
          "city": "市委各部门，市人大常委会办公室，市政协办公室，市监委，市中级法院，市检察院。",
          "county": "县委各部门，县人大常委会办公室，县政协办公室，县监委，县法院，县检察院。"}[owner.level]
    printed = (d.signed or dt.date(2021, 1, 1)) + dt.timedelta(days=rng.randint(1, 5))
    end = len(d.paras)
    att = next((i for i, p in enumerate(d.paras) if p.role == "attach_label"), None)
    if att is not None:
        end = len(d.paras)  # 版记 after the attachment (last page of the document)
    d.paras[end:end] = [P("", "rule"), P(f"抄送：{cc}", "banji"), P("", "rule"),
                        P(office, "banji_pair", right=f"{cn.date_ar(printed)}印发"), P("", "rule")]
    d.variant.append("版记")


def add_redhead(d: Doc, issuer_word: str) -> None:
    """红头: `XX县人民政府文件` in red, the 文号 under it, a red rule — part of the document."""
    ti = next(i for i, p in enumerate(d.paras) if p.role == "title")
    docno = d.doc_number
    d.paras = [p for p in d.paras if not (p.role == "docno" and p.text == docno)]
    ti = next(i for i, p in enumerate(d.paras) if p.role == "title")
    d.paras[ti:ti] = [P(f"{issuer_word}文件", "redhead"), P(docno, "red_docno"), P("", "redrule")]
    d.variant.append("红头")


def add_footnote(d: Doc, rng: random.Random) -> bool:
    cands = [i for i, p in enumerate(d.paras) if p.role == "body" and "《" in p.text and p.text.endswith("。")]
    if not cands:
        return False
    i = rng.choice(cands)
    name = re.search(r"《([^》]+)》", d.paras[i].text).group(1)
    d.paras[i].text = d.paras[i].text[:-1] + "①。"
    d.paras += [P("", "fnrule"), P(f"①《{name}》全文可在本级人民政府门户网站“政府信息公开”专栏查阅。", "footnote")]
    d.variant.append("footnote")
    return True


TRAPS = [
    ("加强文物收藏单位安全管理，对存放国家", "一、二级珍贵文物的库房和展厅，应当设置防火、防盗、防破坏的技术防范设施。"),
    ("各地要将辖区内", "三、四级公路的日常养护纳入年度工作计划，落实养护资金和养护责任单位。"),
    ("对列入", "一、二、三级保护名录的古树名木，应当逐株建立档案，设立保护标志，明确养护责任人。"),
    ("截至{y0}", "{y1}年底，全{lv}累计建成标准化便民服务站点一百二十个，覆盖率达到百分之九十以上。"),
    ("力争到", "{y}年底，全面完成既有问题的排查整治，建立健全长效管理机制。"),
    ("对违反规定的，依照有关法规第", "三十二条的规定予以处理；构成犯罪的，依法追究刑事责任。"),
]
FILLERS = ["各地区、各有关部门要", "按照属地管理原则，", "结合本地实际，", "在前期工作基础上，", "进一步", "切实",
           "认真总结经验，", "统筹推进，", "强化责任落实，", "同时，", "依法", "扎实"]


def trap_para(fit, rng: random.Random, year: int, lv: str, word: str, which=None) -> P | None:
    """A body paragraph whose wrapped line starts with 一、 / 三、 / digits / 三十二条 mid-sentence."""
    pre, cont = TRAPS[which] if isinstance(which, int) and not isinstance(which, bool) else rng.choice(TRAPS)
    ys = str(year + 1)
    pre = pre.format(y0=ys[:2], w=word)
    cont = cont.format(y1=ys[2:], y=ys, lv=lv)
    for _ in range(600):
        n = rng.randint(0, 5)
        pick = sorted(rng.sample(range(len(FILLERS)), n))
        text = "".join(FILLERS[i] for i in pick) + pre
        if fit.fills(text):
            return P(text + cont, "body", breaks=(len(text),))
    return None
