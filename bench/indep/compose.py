"""Compose synthetic gazette documents (paragraph lists + truth metadata).

Bodies come from the shared corpus; headers (令 block, 文号, addressee, signature,
dates) are synthesised for the gazette's owner.  Every paragraph produced here is
printed verbatim, so ``Doc.text`` is exactly the printed text.
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from . import cn
from .corpus import ART_RE, CHAP_RE, ArticleSource, NoticeSource
from .places import Owner, dept, person

SUBHEAD_RE = re.compile(r"^[一二三四五六七八九十]+、")


@dataclass
class Para:
    """One printed paragraph and its style role."""

    text: str
    role: str


@dataclass
class Opts:
    """Template choices that change what is printed."""

    docno_above: bool = False     # 文号 centred above the title
    docno_paren: bool = False     # 文号 printed as （鲁政发〔2019〕5号）
    cn_dates: float = 0.3         # probability of 二〇一九年四月三日 signature dates
    attach_label: bool = True     # print 附件 before an attached text
    notice_note: float = 0.5      # probability of （此件公开发布）


@dataclass
class Doc:
    """A composed document: what is printed plus its truth metadata."""

    kind: str
    title: str
    doc_number: str | None
    issuer: str | None
    signed: dt.date | None
    effective: dt.date | None
    section: str                  # section key: reg | gov | office | dept | personnel | interp
    paras: list[Para] = field(default_factory=list)
    ref: int | None = None        # index of the interpreted document
    plan: int | None = None       # index of the plan slot this document came from

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


def _role(p: str) -> str:
    if CHAP_RE.match(p) or re.match(r"^第[一二三四五六七八九十]+节", p):
        return "chapter"
    if SUBHEAD_RE.match(p) and len(p) < 34 and not p.endswith("。"):
        return "subhead"
    return "body"


def _take(paras: list[str], budget: int) -> list[str]:
    """Leading paragraphs within ``budget`` characters, never ending on a heading."""
    out: list[str] = []
    used = 0
    for p in paras:
        if out and used + len(p) > budget:
            break
        out.append(p)
        used += len(p)
    while len(out) > 1 and _role(out[-1]) != "body":
        out.pop()
    return out


def _head_block(title: str, docno: str | None, opts: Opts) -> list[Para]:
    if docno is None:
        return [Para(title, "title")]
    shown = f"（{docno}）" if opts.docno_paren else docno
    if opts.docno_above:
        return [Para(shown, "docno"), Para(title, "title")]
    return [Para(title, "title"), Para(shown, "docno")]


def _sign(issuers: list[str], d: dt.date, rng: random.Random, opts: Opts) -> list[Para]:
    out = [Para(i, "sign") for i in issuers]
    out.append(Para(cn.date_str(d, rng.random() < opts.cn_dates), "date"))
    if rng.random() < opts.notice_note:
        out.append(Para(rng.choice(["（此件公开发布）", "（此件主动公开）"]), "note"))
    return out


def addressee(owner: Owner) -> str:
    """Standard 主送 line for a government / office document."""
    return {
        "province": "各市人民政府，省政府各部门、各直属机构：",
        "city": "各区、县（市）人民政府，市政府各部门、各直属单位：",
        "county": "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
    }[owner.level]


def _suffix(core: str) -> str:
    base = re.sub(r"（.*?）$", "", core)
    for s in ("实施细则", "细则", "规定", "办法"):
        if base.endswith(s):
            return s
    return "办法"


def _articles(src: ArticleSource, budget: int, eff_phrase: str) -> list[Para]:
    """Truncated article body, closed by a synthesised final article."""
    kept = _take(src.paras, budget)
    last = 0
    for p in kept:
        m = ART_RE.match(p)
        if m:
            last = cn.parse_num(m.group(1)) or last
    chapters = [p for p in kept if CHAP_RE.match(p)]
    out = [Para(p, _role(p)) for p in kept]
    if chapters and "附" not in chapters[-1]:
        out.append(Para(f"第{cn.num(len(chapters) + 1)}章　附　　则", "chapter"))
    out.append(Para(f"第{cn.num(last + 1)}条　本{_suffix(src.core)}{eff_phrase}", "body"))
    return out


def _eff_date(signed: dt.date, rng: random.Random) -> dt.date:
    m = signed.month + rng.randint(1, 3)
    y = signed.year + (m - 1) // 12
    return dt.date(y, (m - 1) % 12 + 1, 1)


def regulation(src: ArticleSource, owner: Owner, no: int, signed: dt.date, budget: int,
               rng: random.Random, opts: Opts) -> Doc:
    """A 规章 published by a 令 of the head of government."""
    title = owner.place + src.core
    immediate = rng.random() < 0.15
    eff = signed if immediate else _eff_date(signed, rng)
    when = "自公布之日起施行" if immediate else f"自{cn.date_ar(eff)}起施行"
    meeting = signed - dt.timedelta(days=rng.randint(6, 30))
    paras = [
        Para(f"{owner.gov}令", "order_head"),
        Para(f"第{no}号", "order_no"),
        Para(f"《{title}》已经{cn.date_ar(meeting)}{owner.short}政府第{rng.randint(3, 120)}次常务会议通过，"
             f"现予公布，{when}。", "order_text"),
        Para(f"{owner.head}　{person(rng)}", "order_sign"),
        Para(cn.date_str(signed, rng.random() < opts.cn_dates * 0.5), "order_date"),
        Para(title, "title"),
    ]
    paras += _articles(src, budget, when + "。")
    return Doc("regulation", title, f"{owner.gov}令第{no}号", owner.gov, signed, eff, "reg", paras)


def notice(src: NoticeSource, owner: Owner, docno: str, by_office: bool, signed: dt.date,
           budget: int, rng: random.Random, opts: Opts) -> Doc:
    """A gov / office 通知, 意见, 决定 (normative) or 批复, 函, 通报 (other)."""
    issuer = owner.office if by_office else owner.gov
    title = issuer + src.title[len(src.issuer):]
    paras = _head_block(title, docno, opts)
    if src.genre == "other" and title.endswith("批复"):
        d, _ = dept(owner, rng)
        paras.append(Para(f"{d}：", "addressee"))
    else:
        paras.append(Para(addressee(owner), "addressee"))
    body = _take(src.paras, budget)
    paras += [Para(p, _role(p)) for p in body]
    eff = None
    if src.genre == "normative":
        r = rng.random()
        word = "意见" if title.endswith("意见") else "决定" if title.endswith("决定") else "通知"
        if r < 0.3:
            paras.append(Para(f"本{word}自印发之日起施行。", "body"))
            eff = signed
        elif r < 0.55:
            eff = _eff_date(signed, rng)
            end = dt.date(eff.year + 5, eff.month, 1) - dt.timedelta(days=1)
            paras.append(Para(f"本{word}自{cn.date_ar(eff)}起施行，有效期至{cn.date_ar(end)}。", "body"))
    paras += _sign([issuer], signed, rng, opts)
    kind = "normative" if src.genre == "normative" else "other"
    return Doc(kind, title, docno, issuer, signed, eff, "office" if by_office else "gov", paras)


def issuance(src: ArticleSource, owner: Owner, docno: str, issuers: list[str], signed: dt.date,
             budget: int, rng: random.Random, opts: Opts, section: str) -> Doc:
    """A 印发 notice whose attachment (a rule-like text with its own title) follows."""
    inner = owner.place + src.core
    gov_level = issuers[0] in (owner.gov, owner.office)
    title = (f"{issuers[0]}关于印发{inner}的通知" if gov_level and rng.random() < 0.5
             else (f"{issuers[0]}关于印发《{inner}》的通知" if gov_level else f"关于印发《{inner}》的通知"))
    paras = _head_block(title, docno, opts)
    paras.append(Para(addressee(owner) if gov_level else
                      f"各{'市' if owner.level == 'province' else '区、县（市）'}有关部门，有关单位：", "addressee"))
    approved = f"已经{owner.short}政府同意，" if gov_level else ""
    paras.append(Para(f"《{inner}》{approved}现印发给你们，请{rng.choice(['认真贯彻执行', '结合实际认真贯彻落实', '认真遵照执行'])}。", "body"))
    paras += _sign(issuers, signed, rng, opts)
    if opts.attach_label:
        paras.append(Para("附件", "attach_label"))
    paras.append(Para(inner, "attach_title"))
    if rng.random() < 0.35:
        eff, phrase = signed, "自印发之日起施行。"
    else:
        eff = _eff_date(signed, rng)
        phrase = f"自{cn.date_ar(eff)}起施行，有效期{rng.choice(['5', '3', '2'])}年。"
    paras += _articles(src, budget, phrase)
    return Doc("normative", title, docno, "、".join(issuers), signed, eff, section, paras)


def personnel(owner: Owner, docno: str, signed: dt.date, rng: random.Random, opts: Opts) -> Doc:
    """关于…职务任免的通知 with synthetic names."""
    names = [person(rng) for _ in range(rng.randint(3, 8))]
    title = (f"{owner.gov}关于{names[0]}等职务任免的通知" if len(names) > 2 and rng.random() < 0.7
             else f"{owner.gov}关于{names[0]}、{names[1]}职务任免的通知")
    paras = _head_block(title, docno, opts)
    paras.append(Para(addressee(owner), "addressee"))
    meet = signed - dt.timedelta(days=rng.randint(1, 12))
    paras.append(Para(rng.choice([f"经{cn.date_ar(meet)}{owner.short}政府第{rng.randint(5, 90)}次常务会议研究，决定：",
                                  f"{owner.short}人民政府决定："]), "body"))
    n_app = rng.randint(1, len(names) - 1)
    for i, nm in enumerate(names):
        dname = dept(owner, rng)[0]
        last = i == len(names) - 1
        end = "。" if last else "；"
        head = "主任" if dname.endswith("委员会") else "局长" if dname.endswith("局") else "厅长"
        post = rng.choice(["副" + head, "副" + head, head, rng.choice(["总工程师", "总经济师"])])
        text = f"任命{nm}为{dname}{post}{end}" if i < n_app else f"免去{nm}的{dname}{post}职务{end}"
        paras.append(Para(text, "body"))
    paras += _sign([owner.gov], signed, rng, Opts(cn_dates=opts.cn_dates, notice_note=0.0))
    return Doc("personnel", title, docno, owner.gov, signed, None, "personnel", paras)


def interpretation(target: Doc, ref: int, owner: Owner, rng: random.Random) -> Doc:
    """政策解读 of a document in the same issue (no 文号, no dates)."""
    name = target.title
    short = "《" + (re.sub(r"^.*?关于印发《?|》?的通知$", "", name) if "印发" in name else name) + "》"
    inner = short.strip("《》")
    word = next((w for w in ("意见", "通知", "决定", "批复") if inner.endswith(w)), _suffix(inner))
    abbr = f"《{word}》"
    title = rng.choice([f"{short}政策解读", f"关于{short}的解读", f"{short}解读"])
    d, _ = dept(owner, rng)
    quotes = []
    for p in target.paras:
        m = ART_RE.match(p.text)
        if p.role == "body" and (m or len(p.text) > 40):
            s = p.text[m.end():].lstrip("\u3000") if m else p.text
            s = s.split("。")[0]
            if 12 < len(s) < 90 and "施行" not in s and not s.endswith(("：", ":", "；")):
                quotes.append(s + "。")
    rng.shuffle(quotes)
    paras = [Para(title, "title"), Para("一、起草背景", "subhead"),
             Para(f"为贯彻落实党中央、国务院决策部署，进一步规范相关工作，{d}会同有关部门在深入调研、"
                  f"广泛征求意见的基础上，起草了{short}（以下简称{abbr}）。", "body"),
             Para(f"{abbr}的出台，对于推动依法行政、优化营商环境、保障人民群众合法权益具有重要意义。", "body"),
             Para("二、主要内容", "subhead"),
             Para(f"{abbr}共分若干部分，主要包括以下内容：", "body")]
    for i, q in enumerate(quotes[: rng.randint(2, 4)]):
        paras.append(Para(f"（{cn.num(i + 1)}）{q}", "body"))
    paras += [Para("三、贯彻落实要求", "subhead"),
              Para(f"各地、各有关部门要加强组织领导，做好宣传解读和培训工作，确保{abbr}各项规定落到实处。"
                   f"执行中遇到的问题，请及时向{d}反映。", "body")]
    issuer = None
    if rng.random() < 0.5:
        paras.append(Para(f"（{d}）", "note"))
        issuer = d
    return Doc("interpretation", title, None, issuer, None, None, "interp", paras, ref=ref)
