"""Assemble one issue: owner and calendar, document mix per template, budget loop, 目录, truth."""
from __future__ import annotations

import collections
import datetime as dt
import random
import re

from bench.indep import cn
from bench.indep import compose as C
from bench.indep import extra as X
from bench.indep.issue import DocNumbers
from bench.indep.places import CITIES, PROVINCES, Owner, dept, person, pick_owner

from . import docs as D
from .docs import B, Doc, P
from .sources import Corpus
from .templates import Ctx, Entry, Template
from .trad import convert_doc
from .typeset import Flow, Measurer, Page, Row, _wrap, pair_rows, para_rows, render, rule_row, table_rows

MINISTRIES = [("交通运输部", "交"), ("水利部", "水"), ("农业农村部", "农"), ("生态环境部", "环")]
SUBJECT = "synthetic gazette issue for evaluation (bench.indep5) - not an official publication"


class Pools:
    """Least-used-first source pools (usage counted over the whole run)."""

    def __init__(self, corpus: Corpus, usage: collections.Counter, rng: random.Random):
        self.c, self.usage, self.rng = corpus, usage, rng

    def take(self, items: list, pred=lambda s: True):
        cands = [s for s in items if pred(s)]
        cands = self.rng.sample(cands, len(cands))
        src = min(cands, key=lambda s: self.usage[s.file])
        self.usage[src.file] += 1
        return src

    def notice(self):
        return self.take(self.c.notes, lambda s: s.genre == "normative")

    def art(self):
        return self.take(self.c.arts)


class Budget:
    def __init__(self, cpp: float, scale: float, caps: dict[int, float]):
        self.cpp, self.scale, self.caps, self.i = cpp, scale, caps, 0

    def __call__(self, pages: float) -> int:
        k = self.i
        self.i += 1
        return int(max(300, min(self.caps.get(k, 1e9), pages * self.cpp * self.scale)))


def _signed(rng: random.Random, date: dt.date, lo: int = 8, hi: int = 60) -> dt.date:
    return date - dt.timedelta(days=rng.randint(lo, hi))


def _insert_trap(d: Doc, rng: random.Random) -> None:
    idx = next((i for i, b in enumerate(d.blocks) if b.role == "addressee"), None)
    if idx is None:
        return
    j = idx + 1 + (1 if idx + 1 < len(d.blocks) and d.blocks[idx + 1].role == "body" else 0)
    d.blocks.insert(j, D.trap_block(rng))


def _pair_sign(d: Doc) -> None:
    """Replace two consecutive one-organ signature lines by one pair line (organ 1 left, organ 2 right)."""
    for i in range(len(d.blocks) - 1):
        a, b = d.blocks[i], d.blocks[i + 1]
        if a.role == "sign" and b.role == "sign":
            d.blocks[i:i + 2] = [B("pair", a.text, "pair_sign", right=b.text)]
            d.tags.append("two-organ pair signature")
            return


def _ministry_interp(target: Doc, org: str, rng: random.Random) -> Doc:
    name = target.title
    inner = re.sub(r"^.*?关于印发《?|》?的通知$", "", name) if "印发" in name else name
    title = f"《{inner}》解读"
    quotes = [b.text for b in target.blocks if b.role == "body" and len(b.text) > 40]
    q = quotes[rng.randrange(len(quotes))].split("。")[0] + "。" if quotes else ""
    office = org + rng.choice(["政策研究室", "法制司", "综合规划司"])
    bl = [P(title, "title"), P("一、出台背景", "subhead"),
          P(f"为贯彻落实党中央、国务院决策部署，{org}研究起草了《{inner}》，经广泛征求意见后印发实施。", "body"),
          P("二、主要内容", "subhead"), P(f"文件明确：{q}" if q else "文件明确了目标任务和保障措施。", "body"),
          P("三、工作要求", "subhead"), P("各地要结合实际抓好贯彻落实，加强宣传引导，及时总结推广经验做法。", "body"),
          P(f"（{office}）", "note")]
    doc = Doc("interpretation", title, None, office, None, None, "interp", bl, kicker="【政策解读】")
    doc.tags.append("kicker 【政策解读】 (furniture)")
    return doc


def _shim(d: Doc) -> C.Doc:
    return C.Doc(D.KIND[d.detail], d.title, d.doc_number, d.issuer, d.signed, d.effective, d.section,
                 [C.Para(b.text, b.role) for b in d.blocks if b.kind == "p"])


# ------------------------------------------------------------------------------------ mixes
def mix_sc(ctx: Ctx, pools: Pools, bud: Budget, rng: random.Random, index: int) -> list[Doc]:
    o: Owner = ctx.owner
    nums = DocNumbers(o, random.Random(rng.random()))
    opts = C.Opts(cn_dates=0.4, notice_note=0.4)
    date = ctx.date
    out: list[Doc] = []
    s = _signed(rng, date)
    no = nums.order(s)
    out.append(D.rule_order(o.gov, f"{o.gov}令", f"第{no}号", o.head, o.place + (src := pools.art()).core, src, s,
                            bud(1.6), rng, rng.random() < 0.5, f"{o.short}政府第{rng.randint(3, 120)}次常务会议"))
    s = _signed(rng, date, 20, 90)
    src = pools.art()
    out.append(D.rule_no_order(o.gov, o.place + src.core, f"{o.gov}令第{nums.order(s)}号",
                               f"{o.short}人民政府第{rng.randint(3, 120)}次常务会议" if rng.random() < 0.6 else None,
                               src, s, bud(1.4), rng, "paren"))
    for _ in range(rng.choice([1, 2])):
        s = _signed(rng, date)
        d = C.notice(pools.notice(), o, nums.make("notice_gov", s), False, s, bud(0.9), random.Random(rng.random()), opts)
        out.append(D.from_compose(d, "normative", "gov"))
    s = _signed(rng, date)
    out.append(D.from_compose(X.reply(o, nums.make("other", s, "批复"), s, random.Random(rng.random()), opts), "reply", "gov"))
    s = _signed(rng, date)
    d = C.notice(pools.notice(), o, nums.make("notice_office", s), True, s, bud(0.8), random.Random(rng.random()), opts)
    out.append(D.from_compose(d, "normative", "office"))
    s = _signed(rng, date)
    out.append(D.tongbao(o, nums.make("notice_office", s), s, rng, rng.random() < 0.4))
    s = _signed(rng, date)
    out.append(D.reply_above(o.office, f"{o.short}政府", o.place[:-1] if o.level == "province" else o.place,
                             nums.fmt(nums.office_han, s, 160), f"{dept(o, rng)[0]}：", s, rng, rng.random() < 0.4, index))
    s = _signed(rng, date)
    (d1, st1), (d2, st2) = dept(o, rng), dept(o, rng)
    while d2 == d1:
        d2, st2 = dept(o, rng)
    d = C.issuance(pools.art(), o, nums.fmt(st1 + st2[0] + "规", s, 50, nums.dept_prefix), [d1, d2], s, bud(1.2),
                   random.Random(rng.random()), C.Opts(cn_dates=0.3, notice_note=0.0), "dept")
    dd = D.from_compose(d, "normative", "dept")
    _pair_sign(dd)
    out.append(dd)
    s = _signed(rng, date)
    out.append(D.from_compose(C.personnel(o, nums.make("personnel", s), s, random.Random(rng.random()), opts),
                              "personnel", "personnel"))
    for d in rng.sample([x for x in out if x.detail == "normative"], 2):
        _insert_trap(d, rng)
    return out


def mix_npc(ctx: Ctx, pools: Pools, bud: Budget, rng: random.Random, index: int) -> list[Doc]:
    o: Owner = ctx.owner
    date = ctx.date
    c = pools.c
    out: list[Doc] = []
    zx = index % 2 == 0
    lsrc = pools.take(c.laws)
    adopted = _signed(rng, date, 30, 70)
    out.append(D.law(lsrc, adopted, bud(2.2), rng, zx, zx))
    dsrc = pools.take(c.laws, lambda s: s.file != lsrc.file)
    out.append(D.national_decision(dsrc, adopted, rng, not zx))
    # provincial regulation with 公告
    s = _signed(rng, date, 10, 40)
    psrc = pools.take(c.locals)
    prov = D.local_regulation(psrc, o.place, None, s, bud(1.8), rng, rng.choice(["paren_one", "paren_lines"]), True,
                              rng.random() < 0.3)
    out.append(prov)
    # city regulation with 批准, bare lines, no 公告
    cities = [ci for ci, _, pi in CITIES if PROVINCES[pi][0] == o.place]
    city = rng.choice(cities) if cities else rng.choice(["临江市", "青山市", "白河市"])
    csrc = pools.take(c.locals, lambda x: x.file != psrc.file)
    cs = _signed(rng, s, 40, 90)
    out.append(D.local_regulation(csrc, city, o.place, cs, bud(1.4), rng, rng.choice(["bare", "paren_one"]),
                                  False, False))
    out.append(D.npc_explanation(o.place, prov.title, s - dt.timedelta(days=rng.randint(60, 120)), rng,
                                 rng.choice([f"{o.place}司法厅", f"{o.place}人民代表大会常务委员会法制工作委员会"])))
    out.append(D.npc_review_report(o.place, prov.title, s - dt.timedelta(days=rng.randint(2, 6)), rng, False))
    out.append(D.npc_personnel(o.place, s, rng))
    out.append(D.npc_qualification(o.place, s - dt.timedelta(days=1), rng, rng.random() < 0.3))
    return out


def mix_ministry(ctx: Ctx, pools: Pools, bud: Budget, rng: random.Random, index: int) -> list[Doc]:
    org, p = ctx.org, ctx.owner
    date = ctx.date
    full = f"中华人民共和国{org}"
    used: dict[str, int] = collections.Counter()

    def num(word: str, lo: int = 3, hi: int = 40) -> int:
        used[word] += 1
        return rng.randint(lo, hi) + used[word] * 41

    out: list[Doc] = []
    for _ in range(rng.choice([1, 2])):
        s = _signed(rng, date)
        src = pools.art()
        out.append(D.rule_order(org, f"{full}令", f"{s.year}年第{num('令', 1, 9) % 30 + 1}号", "部长", src.core, src, s,
                                bud(1.5), rng, rng.random() < 0.3, f"第{rng.randint(2, 30)}次部务会议"))
    s = _signed(rng, date, 30, 120)
    src = pools.art()
    out.append(D.rule_no_order(org, src.core, f"{org}令{s.year}年第{rng.randint(1, 30)}号", None, src, s, bud(1.2), rng,
                               "paren"))
    addr = D.addressee_ministry(org)
    s = _signed(rng, date)
    out.append(D.ministry_notice(pools.notice(), [org], org, f"{p}规划发〔{s.year}〕{num('规划发')}号", addr, s, bud(0.9),
                                 rng, False, "lines"))
    partner = rng.choice(["财政部", "国家发展和改革委员会", "自然资源部", "公安部"])
    s = _signed(rng, date)
    sep = " " if index % 2 == 0 else "\u3000"
    out.append(D.ministry_notice(pools.notice(), [org, partner], f"{org}{sep}{partner}",
                                 f"{p}政法发〔{s.year}〕{num('政法发')}号", addr, s, bud(0.9), rng, False,
                                 "one_line" if index % 2 == 0 else "lines"))
    s = _signed(rng, date)
    out.append(D.ministry_notice(pools.notice(), [org], org, None, addr, s, bud(0.7), rng,
                                 rng.random() < 0.3, "lines"))
    # 复函 from the ministry's office, addressed to one provincial department
    s = _signed(rng, date)
    rs = pools.take(pools.c.notes, lambda x: x.genre == "other" and x.title.endswith("复函") and "香港" not in x.title)
    office = f"{org}办公厅"
    title = office + rs.title[len(rs.issuer):]
    bl = D.head(title, f"{p}办函〔{s.year}〕{num('办函', 100, 300)}号") + [
        P(f"{rng.choice(['浙江省', '江苏省', '四川省', '湖南省'])}{org[:-1]}{'厅' if org != '生态环境部' else '厅'}：", "addressee")]
    bl += [P(x, C._role(x)) for x in C._take(rs.paras, bud(0.6))] + D.sign([office], s, False)
    rep = Doc("reply", title, bl[1].text, office, s, None, "dept", bl)
    rep.tags.append("corpus 复函 (ministry office)")
    out.append(rep)
    for _ in range(rng.choice([1, 2])):
        s = _signed(rng, date, 3, 40)
        out.append(D.numbered_gonggao(full, s, num("公告", 1, 20) % 60 + 1, rng, False))
    out.append(_ministry_interp(next(d for d in out if d.detail == "normative"), org, rng))
    for d in rng.sample([x for x in out if x.detail.startswith("normative")], 2):
        _insert_trap(d, rng)
    return out


TOPICS_ASCII = ["做好2023年度城乡居民基本医疗保险参保缴费工作", "加快推进5G网络和千兆光网建设",
                "印发“十四五”数字政府建设规划", "开展2024年度安全生产大检查", "推进“互联网＋政务服务”2.0版建设"]


def mix_city(ctx: Ctx, pools: Pools, bud: Budget, rng: random.Random, index: int) -> list[Doc]:
    o: Owner = ctx.owner
    nums = DocNumbers(o, random.Random(rng.random()))
    date = ctx.date
    opts = C.Opts(cn_dates=0.3, notice_note=0.3)
    out: list[Doc] = []
    s = _signed(rng, date, 15, 50)
    out.append(D.local_regulation(pools.take(pools.c.locals), o.place, o.province, s, bud(1.5), rng, "bare", True,
                                  rng.random() < 0.4))
    s = _signed(rng, date)
    src = pools.art()
    out.append(D.rule_order(o.gov, f"{o.gov}令", f"第{nums.order(s)}号", o.head, o.place + src.core, src, s, bud(1.3),
                            rng, True, f"{o.short}政府第{rng.randint(3, 120)}次常务会议"))
    s = _signed(rng, date)
    out.append(D.issuance_forms(o, o.gov, nums.make("iss_gov", s), pools.art(), s, bud(1.1), rng, False))
    s = _signed(rng, date)
    tr = D.from_compose(C.notice(pools.notice(), o, nums.make("notice_gov", s), False, s, bud(0.8),
                                 random.Random(rng.random()), opts), "normative", "gov")
    convert_doc(tr, "s2tw")
    out.append(tr)
    s = _signed(rng, date)
    rp = D.from_compose(X.reply(o, nums.make("other", s, "批复"), s, random.Random(rng.random()), opts), "reply", "gov")
    convert_doc(rp, "s2t")
    out.append(rp)
    s = _signed(rng, date)
    topic = TOPICS_ASCII[(index + rng.randint(0, 4)) % len(TOPICS_ASCII)]
    out.append(D.synth_titled_notice(o, o.office, nums.make("notice_office", s), pools.notice(), topic, s, bud(0.8), rng,
                                     False, "office"))
    s = _signed(rng, date)
    nn = D.from_compose(C.notice(pools.notice(), o, None, True, s, bud(0.7), random.Random(rng.random()), opts),
                        "normative_no_number", "office")
    nn.tags.append("no 文号")
    out.append(nn)
    s = _signed(rng, date)
    ds = []
    while len(ds) < 3:
        x = dept(o, rng)
        if x[0] not in [y[0] for y in ds]:
            ds.append(x)
    d = C.issuance(pools.art(), o, nums.fmt(ds[0][1] + ds[1][1][0] + "发", s, 50, nums.dept_prefix), [x[0] for x in ds], s,
                   bud(1.0), random.Random(rng.random()), C.Opts(cn_dates=0.2, notice_note=0.0), "dept")
    dd = D.from_compose(d, "normative", "dept")
    dd.tags.append("three organs one per line")
    out.append(dd)
    s = _signed(rng, date)
    out.append(D.from_compose(X.bulletin(o, s, random.Random(rng.random()), opts), "notice_announcement", "gov"))
    tgt = out[2]
    it = D.from_compose(C.interpretation(_shim(tgt), 2, o, random.Random(rng.random())), "interpretation", "interp")
    out.append(it)
    for d in rng.sample([out[5], out[6], out[7]], 2):
        _insert_trap(d, rng)
    return out


def mix_court(ctx: Ctx, pools: Pools, bud: Budget, rng: random.Random, index: int) -> list[Doc]:
    date = ctx.date
    out: list[Doc] = []
    fs = iter(sorted(rng.sample(range(1, 30), 6)))
    s = _signed(rng, date, 5, 40)
    out.append(D.jud_reply(s, None, next(fs), rng, index * 2, False))
    s = _signed(rng, date, 5, 40)
    out.append(D.jud_reply(s, None, next(fs), rng, index * 2 + 1, True))
    s = _signed(rng, date, 5, 40)
    out.append(D.jud_full(None, s, next(fs), 0, rng, True, index % 2 == 0, " " if index % 2 else "\u3000"))
    joint = out[-1]
    if pools.c.judicial:
        s = _signed(rng, date, 5, 40)
        out.append(D.jud_full(pools.take(pools.c.judicial), s, next(fs), bud(2.6), rng, False, index % 2 == 1))
    fa = sorted(rng.sample(range(5, 60), 3))
    for k in range(3):
        s = _signed(rng, date)
        out.append(D.court_notice(pools.notice(), f"法发〔{s.year}〕{fa[k]}号", s, bud(1.4), rng))
    s = _signed(rng, date)
    out.append(D.court_notice(pools.notice(), None, s, bud(1.0), rng))
    s = _signed(rng, date)
    prov = rng.choice(D.HIGH_COURTS)
    title = f"最高人民法院关于{prov[:3]}涉外商事案件集中管辖有关问题的复函"
    bl = D.head(title, f"法函〔{s.year}〕{rng.randint(10, 200)}号") + [P(f"{prov}：", "addressee"),
          P(f"你院《关于{prov[:3]}涉外商事案件集中管辖有关问题的请示》收悉。经研究，答复如下：", "body"),
          P(f"同意自{cn.date_ar(s + dt.timedelta(days=30))}起，由你院指定的中级人民法院集中管辖辖区内第一审涉外商事案件。"
            "集中管辖前已经受理的案件，仍由原受理法院继续审理。", "body"),
          P("此复。", "body")] + D.sign(["最高人民法院"], s, False)
    rep = Doc("reply", title, bl[1].text, "最高人民法院", s, None, "sfwj", bl)
    rep.tags.append("court 复函 法函")
    out.append(rep)
    s = _signed(rng, date, 3, 30)
    out.append(D.court_gonggao(s, rng))
    out.append(D.npc_personnel("", _signed(rng, date, 5, 40), rng, national=True))
    out.append(D.press_qa(joint, date, rng))
    for d in rng.sample([x for x in out if x.detail.startswith("normative")], 2):
        _insert_trap(d, rng)
    return out


MIX = {"sc_newpage": mix_sc, "npc_report": mix_npc, "ministry": mix_ministry, "foot_title": mix_city,
       "court_twocol": mix_court}


# ------------------------------------------------------------------------------------ issue
def make_ctx(tpl: Template, rng: random.Random) -> Ctx:
    per_year = rng.choice(tpl.per_year)
    year, number = rng.randint(2019, 2024), rng.randint(1, per_year)
    month = min(12, max(1, round(number * 12 / per_year)))
    date = dt.date(year, month, rng.randint(5, 26))
    total = (year - rng.randint(1998, 2008)) * per_year + number
    if tpl.level in ("province", "city"):
        o = pick_owner(rng, tpl.level)
        if tpl.name == "npc_report":
            return Ctx(f"{o.place}人民代表大会常务委员会公报", f"{o.place}人民代表大会常务委员会", year, number, total, date,
                       tpl.word, o, f"{o.place}人民代表大会常务委员会")
        return Ctx(o.gazette, o.gov, year, number, total, date, tpl.word, o, o.gov)
    if tpl.level == "ministry":
        mname, pre = rng.choice(MINISTRIES)
        return Ctx(f"中华人民共和国{mname}公报", mname, year, number, total, date, tpl.word, pre, mname)
    return Ctx("最高人民法院公报", "最高人民法院", year, number, total, date, tpl.word, None, "最高人民法院")


def layout(tpl: Template, docs: list[Doc], m: Measurer, first_folio: int) -> Flow:
    g = tpl.geo
    flow = Flow(g, first_folio)
    W = g.col_w
    for di, d in enumerate(docs):
        sec = tpl.sections[d.section]
        if di:
            reg = D.KIND[d.detail] == "regulation"
            if tpl.new_page == "all" or d.new_page or (tpl.new_page == "reg" and reg):
                flow.page_break()
            elif flow.room() < (g.bottom - g.top) * 0.16:
                flow.next_col()
            elif tpl.separator == "rule":
                flow.place([rule_row(0.3, W, 8, (20, 70, 150), 0.5)])
            elif tpl.separator == "space":
                flow.skip(6)
        if d.kicker and tpl.kicker:
            rows = para_rows(d.kicker, tpl.kicker, W, m, None, sec)
            rows[-1].keep = True
            flow.place(rows)
        for b in d.blocks:
            st = tpl.styles[b.role]
            if b.kind == "trap":
                D.resolve_trap(b, lambda s, st=st: _wrap(s, st, W, m)[0])
            if b.kind in ("p", "trap"):
                rows = para_rows(b.text, st, W, m, di, sec, forced=b.forced)
            elif b.kind == "pair":
                rows = pair_rows(b.text, b.right, st, W, m, di, sec)
            elif b.kind == "table":
                rows = table_rows(b.rows, b.fracs, st, W, m, di, sec, head_font="hei")
            else:
                continue
            flow.place(rows)
    return flow


def _cpp(tpl: Template) -> float:
    st = tpl.styles["body"]
    g = tpl.geo
    return g.col_w / st.em * g.columns * (g.bottom - g.top) / st.line_h * 0.8


def build_issue(tpl: Template, stem: str, seed: int, index: int, corpus: Corpus, usage: collections.Counter,
                ) -> tuple[bytes, dict, list[dict]]:
    key = f"indep5:{seed}:{index}:{tpl.name}"
    rng = random.Random(key)
    ctx = make_ctx(tpl, rng)
    first_folio = 1 if tpl.folio_mode == "body1" else 1 + (ctx.number - 1) * rng.randint(36, 48)
    target = rng.randint(*tpl.pages)
    m = Measurer(set(tpl.fonts))
    cpp = _cpp(tpl)
    scale, caps = 1.0, {}
    best = None
    for attempt in range(14):
        u = collections.Counter(usage)
        r = random.Random(key + ":mix")
        bud = Budget(cpp, scale, caps)
        docs = MIX[tpl.name](ctx, Pools(corpus, u, r), bud, r, index)
        order = list(tpl.sections)
        docs = [d for k in order for d in docs if d.section == k]
        flow = layout(tpl, docs, m, first_folio)
        n = len(flow.pages)
        spans = {i: max(p) - min(p) + 1 for i, p in flow.doc_pages.items()}
        long = [i for i, sp in spans.items() if sp > 6]
        best = (docs, flow, u)
        total = n + 2
        if not long and abs(n - target) <= 2 and 15 <= total <= 40:
            break
        for i in long:   # cap by budget-call order: docs are not 1:1 with calls, so shrink everything a bit
            scale *= 0.9
        if not long:
            scale *= max(0.6, min(1.6, target / max(n, 1)))
    docs, flow, u = best
    usage.clear()
    usage.update(u)
    body = flow.pages
    entries = [Entry(tpl.sections[d.section], d.title, d.doc_number, first_folio + min(flow.doc_pages[i]) - 1)
               for i, d in enumerate(docs)]
    cover = Page("cover", tpl.cover(ctx, m, tpl.toc_geo))
    toc = tpl.toc(tpl, ctx, m, entries)
    for k, pg in enumerate(body):
        pg.folio = first_folio + k
        pg.items += tpl.decorate(ctx, m, tpl.geo, pg, pg.folio, docs)
    pages = [cover] + toc + body
    off = 1 + len(toc)
    tdocs, stats = [], []
    for i, d in enumerate(docs):
        pp = flow.doc_pages[i]
        tdocs.append({
            "title": d.title, "kind": D.KIND[d.detail], "kind_detail": d.detail, "doc_number": d.doc_number,
            "issuer": d.issuer, "signed_date": d.signed.isoformat() if d.signed else None,
            "effective_date": d.effective.isoformat() if d.effective else None,
            "section": tpl.sections[d.section], "pdf_pages": [off + min(pp), off + max(pp)],
            "printed_pages": [first_folio + min(pp) - 1, first_folio + max(pp) - 1], "text": d.text})
        traps = [b.right for b in d.blocks if b.kind == "trap"]
        stats.append({"file": f"{stem}.pdf", "title": d.title, "kind_detail": d.detail, "variants": d.tags,
                      "traps": traps})
    truth = {"pages": len(pages), "synthetic": True, "file": f"{stem}.pdf", "template": tpl.name,
             "cover": {"gazette_name": ctx.gazette, "year": ctx.year, "number": ctx.number, "total_number": ctx.total,
                       "date": ctx.date.isoformat()},
             "documents": tdocs}
    size = (tpl.geo.w, tpl.geo.h)
    pdf = render(pages, [size] * len(pages), set(tpl.fonts), ctx.date, f"{ctx.gazette} {ctx.label}（synthetic）",
                 SUBJECT, "synthetic, 合成测试样本, bench.indep5")
    return pdf, truth, stats
