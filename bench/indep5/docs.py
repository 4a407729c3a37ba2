"""Document builders: every class of the brief, as block lists plus truth metadata.

Everything a block prints is its truth text (``B.line``), except ``intext=False``
blocks (none are used inside documents: kickers/labels are furniture drawn by the
template, not blocks).
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from bench.indep import cn
from bench.indep import compose as C
from bench.indep import extra as X
from bench.indep.corpus import ART_RE, CHAP_RE, ArticleSource, NoticeSource
from bench.indep.places import Owner, dept, person

from .sources import LawSource, LocalSource

U = "\u3000"


@dataclass
class B:
    kind: str                    # p | pair | table | rule | space | trap
    text: str = ""
    role: str = "body"
    right: str = ""
    rows: list[list[str]] | None = None
    fracs: list[float] | None = None
    forced: list[str] | None = None     # printed lines, when the builder breaks them
    trap: tuple[str, str, str] | None = None   # (lead, tail-of-prefix, trap text) resolved at layout

    @property
    def line(self) -> str | None:
        if self.kind == "p" or self.kind == "trap":
            return self.text
        if self.kind == "pair":
            return self.text + U + self.right
        if self.kind == "table":
            return "\n".join(U.join(c for c in r if c) for r in self.rows)
        return None


@dataclass
class Doc:
    detail: str
    title: str
    doc_number: str | None
    issuer: str | None
    signed: dt.date | None
    effective: dt.date | None
    section: str
    blocks: list[B] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    kicker: str | None = None       # furniture line printed above the document
    new_page: bool = False
    trad: str | None = None
    ref: int | None = None

    @property
    def text(self) -> str:
        return "\n".join(l for b in self.blocks if (l := b.line) is not None)


KIND = {"law": "regulation", "decision": "regulation", "local_regulation": "regulation", "rule": "regulation",
        "rule_no_order": "regulation", "normative": "normative", "normative_no_number": "normative",
        "judicial_interpretation": "normative", "reply": "normative", "notice_announcement": "other",
        "personnel": "personnel", "interpretation": "interpretation"}


def P(text: str, role: str = "body") -> B:
    return B("p", text, role)


def from_paras(paras: list[C.Para]) -> list[B]:
    return [P(p.text, p.role) for p in paras]


def d_str(d: dt.date, chinese: bool) -> str:
    return cn.date_str(d, chinese)


def eff_after(d: dt.date, rng: random.Random) -> dt.date:
    m = d.month + rng.randint(1, 3)
    return dt.date(d.year + (m - 1) // 12, (m - 1) % 12 + 1, 1)


# -- article bodies ---------------------------------------------------------------
def articles(paras: list[str], budget: int, word: str, eff_phrase: str) -> tuple[list[B], list[str]]:
    """Cut body + synthesised final article; returns blocks and the chapter lines printed."""
    kept = C._take(paras, budget)
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    chapters = [p for p in kept if CHAP_RE.match(p)]
    out = [P(p, C._role(p)) for p in kept]
    if chapters and "附" not in chapters[-1]:
        ch = f"第{cn.num(len(chapters) + 1)}章{U}附{U}{U}则"
        out.append(P(ch, "chapter"))
        chapters.append(ch)
    out.append(P(f"第{cn.num(last + 1)}条{U}本{word}{eff_phrase}", "body"))
    return out, chapters


def suffix(core: str) -> str:
    return C._suffix(core)


# -- wrap traps ----------------------------------------------------------------------
TRAPS = [
    ("各地要加强对", "等场所的安全检查，对存放国家", "一、二级珍贵文物的库房实行重点防护，落实专人值守制度。", "一、二级"),
    ("加快推进", "等区域道路提档升级，重点实施辖区内", "三、四级公路的改造工程，进一步提高通行能力和安全水平。", "三、四级"),
    ("统筹做好", "等单位的数据归集和共享工作，确保截至", "2025年底前全面完成相关信息系统的整合迁移。", "year"),
    ("进一步规范", "等行业的经营行为，对符合本办法第十二条第一款第", "（二）项规定情形的，由有关部门依法予以处理。", "（二）项"),
    ("对", "等领域列入", "一、二、三级保护名录的项目，按照有关规定给予相应的资金扶持。", "一、二、三级"),
]
TRAP_ITEMS2 = ["街道", "社区", "学校", "医院", "企业", "景区", "车站", "码头", "商场", "园区", "港口", "市场"]
TRAP_ITEMS3 = ["工业园", "居民区", "博物馆", "文化馆", "体育场", "养老院"]


def trap_block(rng: random.Random) -> B:
    lead, tail, t, tag = rng.choice(TRAPS)
    return B("trap", "", "body", trap=(lead, tail, t), right=tag)


def resolve_trap(b: B, fits) -> None:
    """Choose a list of places so that a printed line starts with the trap text."""
    lead, tail, t = b.trap
    for k in range(2, 22):
        for n3 in range(0, min(k, 3) + 1):
            items = TRAP_ITEMS3[:n3] + TRAP_ITEMS2[: k - n3]
            text = lead + "、".join(items) + tail + t
            lines = fits(text)
            pos = len(text) - len(t)
            acc = 0
            for ln in lines:
                if acc == pos and ln.startswith(t[:3]):
                    b.text, b.forced = text, None
                    return
                acc += len(ln)
    b.text = lead + "、".join(TRAP_ITEMS2[:4]) + tail + t    # not landed: still a correct paragraph
    b.right = "not-landed"


# -- signatures ------------------------------------------------------------------------
def sign(issuers: list[str], d: dt.date, chinese: bool, mode: str = "lines") -> list[B]:
    """Signature: one organ per line / on one line (U+3000) / pair (left + flush right)."""
    if mode == "one_line" and len(issuers) > 1:
        out = [P((U * 2).join(issuers), "sign")]
    elif mode == "pair" and len(issuers) == 2:
        out = [B("pair", issuers[0], "pair_sign", right=issuers[1])]
    else:
        out = [P(i, "sign") for i in issuers]
    return out + [P(d_str(d, chinese), "date")]


def head(title: str, docno: str | None, above: bool = False) -> list[B]:
    if docno is None:
        return [P(title, "title")]
    return [P(docno, "docno"), P(title, "title")] if above else [P(title, "title"), P(docno, "docno")]


# -- 规章 -----------------------------------------------------------------------------------
def rule_order(owner_gov: str, order_head: str, order_no: str, head_title: str, place_core: str,
               src: ArticleSource, signed: dt.date, budget: int, rng: random.Random, chinese: bool,
               meeting: str) -> Doc:
    """令 block (令 head, number, 公布 sentence, signer, date), title, articles."""
    title = place_core
    imm = rng.random() < 0.2
    eff = signed if imm else eff_after(signed, rng)
    when = "自公布之日起施行" if imm else f"自{cn.date_ar(eff)}起施行"
    met = signed - dt.timedelta(days=rng.randint(6, 30))
    bl = [P(order_head, "order_head"), P(order_no, "order_no"),
          P(f"《{title}》已经{cn.date_ar(met)}{meeting}通过，现予公布，{when}。", "order_text"),
          P(f"{head_title}{U}{person(rng)}", "order_sign"), P(d_str(signed, chinese), "order_date"),
          P(title, "title")]
    body, _ = articles(src.paras, budget, suffix(src.core), when + "。")
    doc = Doc("rule", title, order_head + order_no, owner_gov, signed, eff, "reg", bl + body)
    doc.tags.append("令 block" + (" 中文日期" if chinese else ""))
    return doc


def rule_no_order(owner_gov: str, title: str, order_str: str, meeting: str | None, src: ArticleSource,
                  signed: dt.date, budget: int, rng: random.Random, style: str) -> Doc:
    """规章 reprinted without its 令: header `（…令第N号公布　自…起施行）` (paren) or bare lines."""
    eff = eff_after(signed, rng)
    pub = f"{cn.date_ar(signed)}{order_str}公布"
    start = f"自{cn.date_ar(eff)}起施行"
    met = f"{cn.date_ar(signed - dt.timedelta(days=rng.randint(5, 20)))}{meeting}通过" if meeting else None
    bl = [P(title, "title")]
    if style == "paren":
        bl.append(P("（" + U.join(x for x in (met, pub, start) if x) + "）", "header"))
    else:
        bl += [P(x, "header") for x in (met, pub, start) if x]
    body, _ = articles(src.paras, budget, suffix(src.core), start + "。")
    doc = Doc("rule_no_order", title, order_str, owner_gov, signed, eff, "reg", bl + body)
    doc.tags.append(f"header {style}{' +常务会议' if meeting else ''}")
    return doc


# -- 人大 ------------------------------------------------------------------------------------
def jie(y: int) -> tuple[str, int]:
    """届 ordinal and first year of the term (national / provincial terms 2018-2022, 2023-2027)."""
    return ("十三", 2018) if y < 2023 else ("十四", 2023)


def session_no(d: dt.date, step: int = 6) -> int:
    _, y0 = jie(d.year)
    return max(1, (d.year - y0) * step + d.month // 2 + 1)


def npc_meeting(d: dt.date, body: str) -> str:
    j, _ = jie(d.year)
    return f"{body}第{j}届人民代表大会常务委员会第{cn.num(session_no(d))}次会议" if body != "全国" else \
        f"第{j}届全国人民代表大会常务委员会第{cn.num(session_no(d))}次会议"


def law(src: LawSource, adopted: dt.date, budget: int, rng: random.Random, zhuxi: bool, own_toc: bool) -> Doc:
    title = src.title
    order = cn.num(rng.randint(12, 140))
    eff = eff_after(adopted, rng)
    meet = npc_meeting(adopted, "全国")
    bl: list[B] = []
    if zhuxi:
        bl += [P("中华人民共和国主席令", "order_head"), P(f"第{order}号", "order_no"),
               P(f"《{title}》已由中华人民共和国{meet}于{cn.date_ar(adopted)}通过，现予公布，自{cn.date_ar(eff)}起施行。",
                 "order_text"),
               P(f"中华人民共和国主席{U}{person(rng)}", "order_sign"), P(cn.date_ar(adopted), "order_date")]
    bl += [P(title, "title"), P(f"（{cn.date_ar(adopted)}{meet}通过）", "header")]
    body, chapters = articles(src.paras, budget, "法", f"自{cn.date_ar(eff)}起施行。")
    if own_toc and chapters:
        bl.append(P(f"目{U}{U}录", "chapter"))
        bl += [P(c, "toc_line") for c in chapters]
    doc = Doc("law", title, f"中华人民共和国主席令第{order}号" if zhuxi else None, "全国人民代表大会常务委员会",
              adopted, eff, "law", bl + body)
    doc.tags.append(("主席令" if zhuxi else "header only") + (" +own 目录" if own_toc and chapters else ""))
    return doc


def national_decision(src: LawSource, adopted: dt.date, rng: random.Random, zhuxi: bool) -> Doc:
    """全国人大常委会关于修改《…》的决定."""
    law_t = src.title
    short = law_t.replace("中华人民共和国", "")
    title = f"全国人民代表大会常务委员会关于修改《{law_t}》的决定"
    meet = npc_meeting(adopted, "全国")
    order = cn.num(rng.randint(12, 140))
    bl: list[B] = []
    if zhuxi:
        bl += [P("中华人民共和国主席令", "order_head"), P(f"第{order}号", "order_no"),
               P(f"《{title}》已由中华人民共和国{meet}于{cn.date_ar(adopted)}通过，现予公布，自公布之日起施行。", "order_text"),
               P(f"中华人民共和国主席{U}{person(rng)}", "order_sign"), P(cn.date_ar(adopted), "order_date")]
    bl += [P(title, "title"), P(f"（{cn.date_ar(adopted)}{meet}通过）", "header"),
           P(f"{meet}决定对《{law_t}》作如下修改：", "body")]
    arts = [p for p in src.paras if ART_RE.match(p)]
    picks = sorted(rng.sample(range(min(len(arts), 30)), 3))
    for k, i in enumerate(picks):
        m = ART_RE.match(arts[i])
        body = arts[i][m.end():].lstrip(U)
        cut = body.split("。")[0]
        bl.append(P(f"{cn.num(k + 1)}、将第{m.group(1)}条修改为：“{cut}，并依法接受监督。”", "body"))
    bl.append(P("本决定自公布之日起施行。", "body"))
    bl.append(P(f"《{law_t}》根据本决定作相应修改，重新公布。", "body"))
    doc = Doc("decision", title, f"中华人民共和国主席令第{order}号" if zhuxi else None, "全国人民代表大会常务委员会",
              adopted, adopted, "decision", bl)
    doc.tags.append("national " + ("主席令" if zhuxi else "header only"))
    _ = short
    return doc


def local_regulation(src: LocalSource, place: str, province: str | None, adopted: dt.date, budget: int,
                     rng: random.Random, header: str, gonggao: bool, chinese: bool) -> Doc:
    """地方性法规 of ``place`` (province or city; ``province`` approves a city's)."""
    title = place + src.core
    issuer = f"{place}人民代表大会常务委员会"
    meet = npc_meeting(adopted, place)
    approved = adopted + dt.timedelta(days=rng.randint(25, 70)) if province else None
    pub = (approved or adopted) + dt.timedelta(days=rng.randint(1, 6))
    eff = eff_after(pub, rng)
    bl: list[B] = []
    if gonggao:
        j, _ = jie(adopted.year)
        head_g = f"{place}人民代表大会常务委员会公告" if rng.random() < 0.5 else f"{place}第{j}届人民代表大会常务委员会公告"
        no = rng.randint(3, 90)
        txt = (f"《{title}》已由{meet}于{cn.date_ar(adopted)}通过，" +
               (f"{npc_meeting(approved, province)}于{cn.date_ar(approved)}批准，" if province else "") +
               f"现予公布，自{cn.date_ar(eff)}起施行。")
        bl += [P(head_g, "gg_head"), P(rng.choice([f"第{no}号", f"（第{no}号）"]), "gg_no"), P(txt, "body"),
               P(f"{place}人民代表大会常务委员会", "sign"), P(d_str(pub, chinese), "date")]
    facts = [f"{cn.date_ar(adopted)}{meet}通过"]
    if province:
        facts.append(f"{cn.date_ar(approved)}{npc_meeting(approved, province)}批准")
    bl.append(P(title, "title"))
    if header == "paren_one":
        bl.append(P("（" + U.join(facts) + "）", "header"))
    elif header == "paren_lines":
        if len(facts) == 1:
            bl.append(P("（" + facts[0] + "）", "header"))
        else:
            bl += [P("（" + facts[0], "header"), P(facts[1] + "）", "header")]
    else:  # bare lines
        bl += [P(f, "header") for f in facts]
    body, _ = articles(src.paras, budget, "条例", f"自{cn.date_ar(eff)}起施行。")
    doc = Doc("local_regulation", title, None, issuer, adopted, eff, "local", bl + body)
    doc.tags.append(f"{'city+批准' if province else 'province'} header {header}{' +公告' if gonggao else ''}")
    return doc


def npc_personnel(place: str, adopted: dt.date, rng: random.Random, national: bool = False) -> Doc:
    body_name = "全国人民代表大会常务委员会" if national else f"{place}人民代表大会常务委员会"
    title = f"{body_name}任免名单"
    meet = npc_meeting(adopted, "全国" if national else place)
    bl = [P(title, "title"), P(f"（{cn.date_ar(adopted)}{meet}通过）", "header")]
    posts = (["最高人民法院副院长", "最高人民法院审判委员会委员", "最高人民法院审判员"] if national else
             [f"{place}人民政府副{'省长' if place.endswith('省') else '市长'}", f"{place}高级人民法院副院长",
              f"{place}人民检察院副检察长", f"{place}人民代表大会常务委员会副秘书长"])
    bl.append(P("一、决定任命：", "body"))
    for _ in range(rng.randint(1, 3)):
        bl.append(P(f"{person(rng)}为{rng.choice(posts)}", "body"))
    bl.append(P("二、决定免去：", "body"))
    for _ in range(rng.randint(1, 2)):
        bl.append(P(f"{person(rng)}的{rng.choice(posts)}职务", "body"))
    doc = Doc("personnel", title, None, body_name, adopted, None, "personnel", bl)
    doc.tags.append("人大常委会任免名单")
    return doc


def npc_explanation(place: str, target_title: str, d: dt.date, rng: random.Random, dept_name: str) -> Doc:
    """关于《…（草案）》的说明: byline with the date, speaker's organ + name (kind other)."""
    draft = target_title + "（草案）"
    title = f"关于《{draft}》的说明"
    meet = npc_meeting(d, place)
    who = rng.choice(["厅长", "主任", "副主任"])
    bl = [P(title, "title"), P(f"——{cn.date_ar(d)}在{meet}上", "byline"), P(f"{dept_name}{who}{U}{person(rng)}", "speaker"),
          P(f"{'主任' if rng.random() < 0.5 else '各位副主任'}、秘书长、各位委员：", "addressee"),
          P(f"我受{place}人民政府委托，现就《{draft}》作如下说明。", "body"),
          P("一、制定条例的必要性", "subhead"),
          P(f"近年来，我{place[-1]}相关领域工作取得积极进展，但也存在管理职责不够清晰、制度措施不够完善、"
            f"执法依据不够充分等问题。为了将实践中行之有效的做法上升为法规制度，制定本条例是必要的。", "body"),
          P("二、起草过程", "subhead"),
          P(f"{dept_name}在深入调研的基础上形成草案征求意见稿，先后征求了各有关部门、社会公众和专家学者的意见，"
            f"经反复修改形成草案。草案已经{place}人民政府常务会议讨论通过。", "body"),
          P("三、主要内容", "subhead"),
          P("草案共分七章四十条，主要规定了管理体制、规划建设、保护利用、监督管理和法律责任等内容。", "body"),
          P(f"《{draft}》和以上说明是否妥当，请审议。", "body")]
    doc = Doc("notice_announcement", title, None, dept_name, d, None, "report", bl)
    doc.tags.append("说明 (speaker byline)")
    return doc


def npc_review_report(place: str, target_title: str, d: dt.date, rng: random.Random, chinese: bool) -> Doc:
    """法制委员会关于《…（草案）》审议结果的报告 — issuer above the title (kind other)."""
    org = f"{place}人民代表大会法制委员会"
    t2 = f"关于《{target_title}（草案）》审议结果的报告"
    bl = [P(org, "issuer_above"), P(t2, "title"), P(f"{place}人民代表大会常务委员会：", "addressee"),
          P(f"常委会第一次审议后，法制委员会、常委会法制工作委员会将草案印发各设区的市人大常委会和有关部门征求意见，"
            f"并召开座谈会听取意见。法制委员会于{cn.date_ar(d - dt.timedelta(days=9))}召开会议，根据常委会组成人员的审议意见"
            f"和各方面的意见，对草案进行了统一审议。现将审议结果报告如下：", "body"),
          P("一、有的常委会组成人员提出，应当进一步明确有关部门的监督管理职责。法制委员会经研究，建议增加相应规定。", "body"),
          P("二、有的意见提出，草案有关法律责任的规定应当与上位法做好衔接。法制委员会经研究，对相关条款作了修改。", "body"),
          P("此外，还对草案作了一些文字修改。", "body"),
          P("法制委员会已按上述意见提出了草案修改稿，建议本次常委会会议审议通过。", "body"),
          P("草案修改稿和以上报告是否妥当，请审议。", "body")] + sign([org], d, chinese)
    doc = Doc("notice_announcement", org + t2, None, org, d, None, "report", bl)
    doc.tags.append("审议结果的报告 (issuer above)")
    return doc


def npc_qualification(place: str, d: dt.date, rng: random.Random, chinese: bool) -> Doc:
    org = f"{place}人民代表大会常务委员会代表资格审查委员会"
    j, _ = jie(d.year)
    title = f"{org}关于个别代表的代表资格的报告"
    n = rng.randint(1, 3)
    names = "、".join(person(rng) for _ in range(n))
    subs = [f"{rng.choice(['临江', '青山', '东湖', '白河', '永宁'])}市人民代表大会常务委员会" for _ in range(2)]
    bl = [P(title, "title"), P(f"{place}人民代表大会常务委员会：", "addressee"),
          P(f"根据《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》的有关规定，{subs[0]}补选{names}"
            f"为{place}第{j}届人民代表大会代表。", "body"),
          P(f"代表资格审查委员会对补选的代表进行了审查，确认{names}的代表资格有效。", "body"),
          P(f"另，{subs[1]}罢免了{person(rng)}的{place}第{j}届人民代表大会代表职务。依照代表法的有关规定，其代表资格终止。", "body"),
          P(f"截至目前，{place}第{j}届人民代表大会实有代表{rng.randint(600, 780)}名。", "body"),
          P("特此报告。", "body")] + sign([org], d, chinese)
    doc = Doc("notice_announcement", title, None, org, d, None, "qual", bl)
    doc.tags.append("代表资格审查报告")
    return doc


# -- 司法解释 -----------------------------------------------------------------------------------
JUD_REPLIES = [
    ("关于审理涉及农村集体经济组织成员资格认定案件适用法律问题的批复",
     ["你院《关于审理涉及农村集体经济组织成员资格认定案件如何适用法律的请示》收悉。经研究，批复如下：",
      "一、人民法院审理涉及农村集体经济组织成员资格认定的案件，应当以户籍登记为基础，综合考虑当事人的生产生活状况、"
      "对集体经济组织所尽义务以及土地承包经营等因素作出认定。",
      "二、外嫁女、离婚或者丧偶妇女及其子女，在原农村集体经济组织所在地生产生活，未取得其他农村集体经济组织成员资格的，"
      "其原有成员资格不因婚姻关系变化而丧失。",
      "三、本批复施行后尚未审结的一审、二审案件适用本批复；本批复施行前已经终审的案件，当事人申请再审或者按照审判监督程序"
      "决定再审的，不适用本批复。"]),
    ("关于网络司法拍卖中竞买人悔拍后保证金处理问题的批复",
     ["你院《关于网络司法拍卖中竞买人悔拍后保证金如何处理的请示》收悉。经研究，批复如下：",
      "一、拍卖成交后买受人悔拍的，交纳的保证金不予退还，依次用于支付拍卖产生的费用损失、弥补重新拍卖价款低于原拍卖价款的差价、"
      "冲抵本案被执行人的债务以及与拍卖财产相关的被执行人的债务。",
      "二、悔拍后重新拍卖的，原买受人不得参加竞买。",
      "三、本批复自公布之日起施行。"]),
    ("关于人民法院能否对信用证开证保证金采取冻结措施问题的批复",
     ["你院《关于人民法院能否对信用证开证保证金采取冻结措施的请示》收悉。经研究，批复如下：",
      "一、信用证开证保证金属于有进出口经营权的企业向银行申请对国外出口方开立信用证而备付的具有担保支付性质的资金。"
      "人民法院在审理或者执行案件时，依法可以对该项资金采取冻结措施，但不得扣划。",
      "二、如果银行因信用证无效、过期，或者因单证不符而拒付信用证款项并且免除了对外支付义务，以及在正常付出了信用证款项并从信用证开证保证金中扣除相应款额后尚有剩余，"
      "即在信用证开证保证金账户存款已丧失保证金功能的情况下，人民法院可以依法采取扣划措施。"]),
]
HIGH_COURTS = ["浙江省高级人民法院", "江苏省高级人民法院", "四川省高级人民法院", "湖北省高级人民法院", "广东省高级人民法院",
               "福建省高级人民法院", "河南省高级人民法院"]
JOINT_JUD = ("关于办理非法采集、破坏古树名木刑事案件适用法律若干问题的解释",
             ["为依法惩治非法采集、破坏古树名木犯罪，保护生态环境和自然资源，根据《中华人民共和国刑法》《中华人民共和国刑事诉讼法》"
              "的有关规定，现就办理此类刑事案件适用法律的若干问题解释如下：",
              "第一条　违反国家规定，非法采伐、毁坏古树名木的，依照刑法第三百四十四条的规定，以危害国家重点保护植物罪定罪处罚。",
              "第二条　非法采伐、毁坏古树名木，具有下列情形之一的，应当认定为刑法第三百四十四条规定的“情节严重”：",
              "（一）非法采伐、毁坏一级古树名木一株以上的；",
              "（二）非法采伐、毁坏二级、三级古树名木三株以上的；",
              "（三）造成古树名木死亡，直接经济损失五十万元以上的；",
              "（四）其他情节严重的情形。",
              "第三条　非法移植古树名木，致使古树名木死亡或者严重损害其生长的，以毁坏论。",
              "第四条　明知是非法采伐、毁坏的古树名木及其制品，而收购、运输、加工、出售的，依照刑法第三百四十四条的规定定罪处罚。",
              "第五条　实施本解释规定的行为，积极修复生态环境、赔偿损失的，可以从轻处罚；情节轻微的，可以不起诉或者免予刑事处罚。",
              "第六条　单位犯本解释规定之罪的，依照本解释规定的相应自然人犯罪的定罪量刑标准，对直接负责的主管人员和其他直接责任人员定罪处罚，"
              "并对单位判处罚金。"])


def jud_reply(d: dt.date, eff: dt.date | None, no: int, rng: random.Random, k: int, above: bool) -> Doc:
    """最高人民法院关于…的批复 (a 司法解释 in 批复 form): 公告-less, 法释 under the title, header."""
    topic, body = JUD_REPLIES[k % len(JUD_REPLIES)]
    title = "最高人民法院" + topic
    docno = f"法释〔{d.year}〕{no}号"
    passed = d - dt.timedelta(days=rng.randint(5, 30))
    eff = d + dt.timedelta(days=rng.randint(5, 25)) if not body[-1].endswith("自公布之日起施行。") else d
    hd = f"（{cn.date_ar(passed)}最高人民法院审判委员会第{rng.randint(1800, 1900)}次会议通过，" + (
        "自公布之日起施行）" if eff == d else f"自{cn.date_ar(eff)}起施行）")
    bl = head(title, docno, above) + [P(hd, "header"), P(f"{rng.choice(HIGH_COURTS)}：", "addressee")]
    bl += [P(t, "body") for t in body]
    bl += sign(["最高人民法院"], d, False)
    doc = Doc("judicial_interpretation", title, docno, "最高人民法院", passed, eff, "jud", bl)
    doc.tags.append("批复-form 司法解释" + (" 法释 above" if above else ""))
    return doc


def jud_full(src: LawSource | None, d: dt.date, no: int, budget: int, rng: random.Random, joint: bool,
             gonggao: bool, sep: str = U) -> Doc:
    """司法解释 with optional 公告 block; joint (最高人民法院　最高人民检察院) or the court only."""
    if joint:
        topic, paras = JOINT_JUD
        title = f"最高人民法院{sep}最高人民检察院{topic}"
        issuer = "最高人民法院、最高人民检察院"
    else:
        title = src.title
        paras = src.paras
        issuer = "最高人民法院"
    docno = f"法释〔{d.year}〕{no}号"
    passed = d - dt.timedelta(days=rng.randint(20, 60))
    passed2 = passed + dt.timedelta(days=rng.randint(5, 20))
    eff = d + dt.timedelta(days=rng.randint(5, 30))
    bl: list[B] = []
    if gonggao:
        gh = f"最高人民法院{sep}最高人民检察院公告" if joint else "最高人民法院公告"
        txt = (f"《{title}》已于{cn.date_ar(passed)}由最高人民法院审判委员会第{rng.randint(1800, 1900)}次会议"
               + (f"、{cn.date_ar(passed2)}由最高人民检察院第{cn.num(rng.randint(13, 14))}届检察委员会第{rng.randint(10, 120)}次会议"
                  if joint else "") + f"通过，现予公布，自{cn.date_ar(eff)}起施行。")
        bl += [P(gh, "gg_head"), P(txt, "body")] + sign(["最高人民法院", "最高人民检察院"] if joint else ["最高人民法院"], d, False)
    bl += [P(docno, "docno"), P(title, "title")]
    hd = f"（{cn.date_ar(passed)}最高人民法院审判委员会第{rng.randint(1800, 1900)}次会议" + (
        f"、{cn.date_ar(passed2)}最高人民检察院第{cn.num(rng.randint(13, 14))}届检察委员会第{rng.randint(10, 120)}次会议" if joint else "") + \
        f"通过，自{cn.date_ar(eff)}起施行）"
    bl.append(P(hd, "header"))
    if joint:
        bl += [P(p, "body") for p in paras]
        bl.append(P(f"第七条{U}本解释自{cn.date_ar(eff)}起施行。", "body"))
    else:
        body, _ = articles(paras, budget, "解释" if title.endswith("解释") else "规定", f"自{cn.date_ar(eff)}起施行。")
        bl += body
    doc = Doc("judicial_interpretation", title, docno, issuer, passed, eff, "jud", bl)
    doc.tags.append(("joint" if joint else "court") + (" +公告" if gonggao else ""))
    return doc


# -- 公告 / 通报 ---------------------------------------------------------------------------------
def numbered_gonggao(org: str, d: dt.date, no: int, rng: random.Random, chinese: bool) -> Doc:
    """部门公告 `XX部公告` / `2023年第N号` (kind other; doc_number = the two lines joined)."""
    topic, body = rng.choice([
        ("发布《公路工程施工安全技术规范》等3项行业标准",
         ["现发布《公路工程施工安全技术规范》《公路隧道养护技术规范》《公路桥梁抗震设计规范》3项行业标准，"
          f"自{cn.date_ar(d + dt.timedelta(days=60))}起施行。原相应标准同时废止。",
          "上述标准的管理权和解释权归本部，日常解释和管理工作由主编单位负责。请各有关单位注意在实践中总结经验，"
          "及时将发现的问题和修改建议函告主编单位。", "特此公告。"]),
        ("公布第二批交通强国建设试点单位名单",
         ["为深入贯彻落实《交通强国建设纲要》，经组织评审，现将第二批交通强国建设试点单位名单予以公布（见附件）。",
          "各试点单位要按照试点任务要求，细化实施方案，加强组织保障，确保试点工作取得实效。",
          "附件：第二批交通强国建设试点单位名单"]),
        ("废止部分规范性文件",
         ["为深化“放管服”改革，维护法制统一，经清理，决定废止《关于加强道路运输安全监管的若干意见》等12件规范性文件。",
          "本公告自发布之日起施行。"]),
    ])
    short = org.replace("中华人民共和国", "")
    bl = [P(f"{short}公告", "gg_head"), P(f"{d.year}年第{no}号", "gg_no"), P(f"关于{topic}的公告", "title")]
    bl += [P(t, "body") for t in body] + sign([short], d, chinese)
    mm = re.search(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行", "".join(body))
    eff = dt.date(int(mm.group(1)), int(mm.group(2)), int(mm.group(3))) if mm else (
        d if "自发布之日起施行" in "".join(body) else None)
    doc = Doc("notice_announcement", f"关于{topic}的公告", f"{short}公告{d.year}年第{no}号", short, d, eff, "gonggao", bl)
    doc.tags.append("numbered 部门公告")
    return doc


def court_gonggao(d: dt.date, rng: random.Random) -> Doc:
    title = "最高人民法院关于发布第" + cn.num(rng.randint(30, 45)) + "批指导性案例的公告"
    bl = [P("最高人民法院公告", "gg_head"), P(title, "title"),
          P("经最高人民法院审判委员会讨论决定，现将北京某科技有限公司诉某区市场监督管理局行政处罚案等六个案例"
            "作为第" + title.split("第")[1].split("批")[0] + "批指导性案例发布，供审判类似案件时参照。", "body"),
          P("特此公告。", "body")] + sign(["最高人民法院"], d, False)
    doc = Doc("notice_announcement", title, None, "最高人民法院", d, None, "gonggao", bl)
    doc.tags.append("court 公告")
    return doc


def tongbao(owner: Owner, docno: str, d: dt.date, rng: random.Random, chinese: bool) -> Doc:
    """通报 with 文号 and a ruled results table (kind other)."""
    title = f"{owner.office}关于{d.year - 1}年度政务服务“好差评”工作情况的通报"
    subs = ["临江市", "青山市", "东湖市", "白河市", "安平市"] if owner.level == "province" else ["临江区", "青山区", "东湖区", "白河区"]
    rows = [["序号", "地区", "评价总数（件）", "好评率"]]
    for i, s in enumerate(subs):
        rows.append([str(i + 1), s, str(rng.randint(12000, 98000)), f"{rng.randint(9950, 9999) / 100:.2f}%"])
    bl = head(title, docno) + [P(C.addressee(owner), "addressee"),
          P(f"{d.year - 1}年，各地、各部门认真贯彻落实政务服务“好差评”制度，评价数量和质量稳步提升。现将有关情况通报如下：", "body"),
          P("一、总体情况", "subhead"),
          P(f"全年共收到评价{rng.randint(300, 900)}万件，好评率99.9%以上，差评整改率100%。各地评价情况见下表。", "body"),
          B("table", rows=rows, fracs=[0.12, 0.33, 0.3, 0.25], role="table"),
          P("注：好评率＝好评数÷评价总数×100%。", "note_small"),
          P("二、下一步工作要求", "subhead"),
          P("各地、各部门要坚持问题导向，对差评事项逐项整改，切实做到评价、反馈、整改、监督全流程闭环。", "body")]
    bl += sign([owner.office], d, chinese)
    doc = Doc("notice_announcement", title, docno, owner.office, d, None, "office", bl)
    doc.tags.append("通报 with 文号 + table")
    return doc


# -- 复函 with the issuer above -----------------------------------------------------------------------
REPLY_TOPICS = [
    ("关于同意以{s}名义召开{y}年全{r}科技创新大会的", "复函"),
    ("关于同意建立{y}年度{a}文化和旅游消费联席会议制度的", "函"),
    ("关于同意设立{a}5G应用创新示范区有关事项的", "复函"),
]


def reply_above(issuer: str, short: str, area: str, docno: str, addressee: str, d: dt.date, rng: random.Random,
                chinese: bool, k: int) -> Doc:
    l1, l2 = REPLY_TOPICS[k % len(REPLY_TOPICS)]
    l1 = l1.format(s=short, y=d.year, a=area, r=short[0])
    bl = [P(issuer, "issuer_above"), B("p", l1 + l2, "title2", forced=[l1, l2]), P(docno, "docno"),
          P(addressee, "addressee"),
          P(f"你单位《{l1.replace('关于同意', '关于')}请示》收悉。经{short}同意，现函复如下：", "body"),
          P("一、同意你单位的意见。具体工作由你单位会同有关部门组织实施，所需经费按现行渠道解决。", "body"),
          P("二、要坚持勤俭节约，严格控制规模和经费支出，确保取得实效。", "body")]
    bl += sign([issuer], d, chinese)
    doc = Doc("reply", issuer + l1 + l2, docno, issuer, d, None, "office", bl, new_page=True)
    doc.tags.append("issuer above two-line title " + l2)
    return doc


# -- ministry notices ---------------------------------------------------------------------------
def ministry_notice(src: NoticeSource, issuers: list[str], title_issuer: str, docno: str | None, addressee: str,
                    d: dt.date, budget: int, rng: random.Random, chinese: bool, sig_mode: str) -> Doc:
    title = title_issuer + src.title[len(src.issuer):]
    bl = head(title, docno) + [P(addressee, "addressee")]
    bl += [P(p, C._role(p)) for p in C._take(src.paras, budget)]
    eff = None
    if rng.random() < 0.35:
        word = "意见" if title.endswith("意见") else "通知"
        bl.append(P(f"本{word}自印发之日起施行。", "body"))
        eff = d
    bl += sign(issuers, d, chinese, sig_mode)
    detail = "normative" if docno else "normative_no_number"
    doc = Doc(detail, title, docno, "、".join(issuers), d, eff, "dept", bl)
    doc.tags.append(f"{len(issuers)} organ(s) sign {sig_mode}" + (" title names them" if title_issuer != issuers[0] else ""))
    return doc


def court_notice(src: NoticeSource, docno: str | None, d: dt.date, budget: int, rng: random.Random) -> Doc:
    title = "最高人民法院" + src.title[len(src.issuer):]
    addr = "各省、自治区、直辖市高级人民法院，解放军军事法院，新疆维吾尔自治区高级人民法院生产建设兵团分院："
    bl = head(title, docno) + [P(addr, "addressee")]
    bl += [P(p, C._role(p)) for p in C._take(src.paras, budget)]
    bl += sign(["最高人民法院"], d, False)
    doc = Doc("normative" if docno else "normative_no_number", title, docno, "最高人民法院", d, None, "sfwj", bl)
    doc.tags.append("司法文件 法发" if docno else "司法文件 no 文号")
    return doc


def press_qa(target: Doc, d: dt.date, rng: random.Random) -> Doc:
    """最高人民法院相关负责人就《…》答记者问 (interpretation)."""
    short = target.title.replace("最高人民法院", "").replace("最高人民检察院", "").lstrip(U + " ")
    title = f"最高人民法院研究室负责人就《{short}》答记者问"
    quotes = [b.text for b in target.blocks if b.role == "body" and ART_RE.match(b.text)]
    q = quotes[rng.randrange(len(quotes))] if quotes else "本解释对有关问题作了规定。"
    bl = [P(title, "title"),
          P(f"问：《{short}》出台的背景是什么？", "qa"),
          P("答：近年来，人民法院审理的相关案件数量持续增长，审判实践中对有关法律适用问题认识不一。为统一裁判尺度，"
            "最高人民法院在深入调研、广泛征求意见的基础上，制定了本司法解释。", "body"),
          P("问：司法解释的主要内容有哪些？", "qa"),
          P(f"答：司法解释共有若干条。例如，其中规定：“{q[:80]}”", "body"),
          P("问：下一步如何抓好贯彻落实？", "qa"),
          P("答：各级人民法院要认真组织学习培训，准确理解和适用司法解释，及时总结审判经验。", "body")]
    doc = Doc("interpretation", title, None, None, None, None, "news", bl)
    doc.tags.append("答记者问")
    return doc


def addressee_ministry(short: str) -> str:
    return {"交通运输部": "各省、自治区、直辖市、新疆生产建设兵团交通运输厅（局、委）：",
            "水利部": "各省、自治区、直辖市水利（水务）厅（局），新疆生产建设兵团水利局：",
            "农业农村部": "各省、自治区、直辖市及计划单列市农业农村（农牧）厅（局、委），新疆生产建设兵团农业农村局：",
            "生态环境部": "各省、自治区、直辖市生态环境厅（局），新疆生产建设兵团生态环境局："}.get(
        short, "各省、自治区、直辖市有关主管部门：")


def issuance_forms(owner: Owner, issuer: str, docno: str, src: ArticleSource, d: dt.date, budget: int,
                   rng: random.Random, chinese: bool, inner_title: str | None = None) -> Doc:
    """印发 notice with 附件1 (rule text) and 附件2 (a 表格 with rules + 注), then 抄送 line."""
    inner = inner_title or owner.place + src.core
    form = f"{owner.place}{src.core[:-2] if src.core.endswith('办法') else src.core}申请表"
    title = f"{issuer}关于印发《{inner}》的通知"
    bl = head(title, docno) + [P(C.addressee(owner), "addressee"),
          P(f"《{inner}》已经{owner.short}政府同意，现印发给你们，请认真贯彻执行。", "body"),
          P(f"附件：1．{inner}", "attach_list"), P(f"2．{form}", "attach_list2")]
    bl += sign([issuer], d, chinese)
    eff = eff_after(d, rng)
    bl += [P("附件1", "attach_label"), P(inner, "attach_title")]
    body, _ = articles(src.paras, budget, suffix(src.core), f"自{cn.date_ar(eff)}起施行，有效期5年。")
    bl += body
    rows = [["申请单位", "", "统一社会信用代码", ""], ["法定代表人", "", "联系电话", ""],
            ["申请事项", "", "", ""], ["申请理由", "", "", ""], ["审核意见", "", "", "（盖章）"]]
    bl += [P("附件2", "attach_label"), P(form, "attach_title"),
           B("table", rows=rows, fracs=[0.2, 0.3, 0.25, 0.25], role="table"),
           P("注：本表一式三份，申请单位、区县主管部门和市主管部门各存一份。", "note_small")]
    bl.append(P(f"抄送：{owner.short}委各部门，{owner.short}人大常委会办公厅，{owner.short}政协办公厅，{owner.short}监委，"
                f"{owner.short}法院，{owner.short}检察院。", "cc"))
    doc = Doc("normative", title, docno, issuer, d, eff, "gov" if issuer == owner.gov else "office", bl)
    doc.tags.append("印发 附件1+附件2 form table + 抄送")
    return doc


def synth_titled_notice(owner: Owner, issuer: str, docno: str | None, src: NoticeSource, topic: str, d: dt.date,
                        budget: int, rng: random.Random, chinese: bool, section: str) -> Doc:
    """A notice whose title carries digits/ASCII (2023年度, 5G, “十四五”); body from a corpus notice."""
    title = f"{issuer}关于{topic}的通知"
    bl = head(title, docno) + [P(C.addressee(owner), "addressee")]
    bl += [P(p, C._role(p)) for p in C._take(src.paras, budget)]
    bl += sign([issuer], d, chinese)
    doc = Doc("normative" if docno else "normative_no_number", title, docno, issuer, d, None, section, bl)
    doc.tags.append("title with digits/ASCII")
    return doc


def from_compose(doc: C.Doc, detail: str, section: str | None = None) -> Doc:
    out = Doc(detail, doc.title, doc.doc_number, doc.issuer, doc.signed, doc.effective, section or doc.section,
              from_paras(doc.paras))
    return out


__all__ = ["B", "Doc", "KIND", "P", "X", "C", "dept", "person"]
