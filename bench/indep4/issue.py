"""Plan, compose, lay out, assemble and label one issue."""
from __future__ import annotations

import collections
import datetime as dt
import random
import re
from dataclasses import dataclass, field, replace

from bench.indep import cn
from bench.indep.corpus import ART_RE
from bench.indep.issue import DocNumbers
from bench.indep.layout import PT, Measurer, break_lines
from bench.indep.places import CITIES, PROVINCES, dept, pick_owner

from . import docs as D
from . import furniture as F
from .templates import Template
from .trad import to_trad
from .typeset import Flow, Pg, RED, hline, pair_rows, render, rule_rows, table_rows, text_item, text_rows


@dataclass
class Slot:
    kind: str
    section: str
    weight: float = 0.0
    p: dict = field(default_factory=dict)
    src: object = None
    signed: dt.date | None = None
    seed: str = ""


class Fit:
    """Measures body lines of a template (for wrap traps and in-word title breaks)."""

    def __init__(self, tpl: Template, m: Measurer):
        self.m, self.tpl = m, tpl
        self.width = tpl.geo.w - tpl.geo.inner - tpl.geo.outer

    def fills(self, text: str) -> bool:
        st = self.tpl.styles["body"]
        em = st.size * PT
        wfn = lambda s: self.m.width(s, st.font, st.size)  # noqa: E731
        lines = break_lines(text, self.width - st.indent * em, self.width, wfn)
        if len(lines) < 1 or len(lines) > 4:
            return False
        w = wfn(lines[-1]) + (st.indent * em if len(lines) == 1 else 0)
        return self.width - 0.9 * em < w <= self.width + 0.01 and not lines[-1].endswith(("，", "、"))

    def title_break(self, title: str) -> tuple[int, ...]:
        st = self.tpl.styles["title"]
        avail = self.width * (st.max_width or 1)
        wfn = lambda s: self.m.width(s, st.font, st.size)  # noqa: E731
        best = None
        for w in ("管理", "保护", "实施", "建设", "工作", "发展", "监督", "服务", "安全", "环境", "办法", "规定",
                  "通知", "意见", "改革", "促进", "推进", "加强", "制度", "应急", "资源", "规范"):
            for mm in re.finditer(w, title):
                k = mm.start() + 1
                if k < 6 or len(title) - k < 3:
                    continue
                if wfn(title[:k]) <= avail and wfn(title[k:]) <= avail:
                    score = abs(k - len(title) / 2)
                    if best is None or score < best[0]:
                        best = (score, k)
        return (best[1],) if best else ()


# -- mixes ------------------------------------------------------------------------------------
def mix(tpl: Template, rng: random.Random, k: int) -> tuple[list[Slot], int]:
    S = Slot
    r = rng.random
    if tpl.name == "b5_mirror":
        s = [S("rule", "reg", 3, {"trial": r() < 0.5})]
        if r() < 0.5:
            s.append(S("rule", "reg", 3, {"trial": False}))
        s += [S("rule_no_order", "reg2", 2.5, {"variant": ["bare2", "bare3"][k % 2]}),
              S("iss", "gov", 2.5, {"who": "gov", "banji": True, "trap": True}), S("notice", "gov", 2, {"who": "gov"}),
              S("reply", "gov"), S("iss", "office", 2.5, {"who": "office", "banji": True}),
              S("notice", "office", 2, {"who": "office", "nonum": True, "trap": 3}), S("fuhan", "office"),
              S("iss", "dept", 2.5, {"joint": "lines", "n": 2}), S("personnel", "personnel")]
        return s, 1
    if tpl.name == "k16_hekan":
        s = [S("local", "npc", 3, {"gonggao": True, "variant": "bare"})]
        if k % 2 == 1:
            s.append(S("local", "npc", 3, {"gonggao": False, "variant": "bare_pub"}))
        s += [S("rule_no_order", "reg2", 2.5, {"variant": ["paren", "bare2"][k % 2]}),
              S("iss", "gov", 2.5, {"who": "gov", "table": True, "banji": True}),
              S("notice", "gov", 2, {"who": "gov", "trap": True}),
              S("notice", "office", 2, {"who": "office", "nonum": True}),
              S("iss", "office", 2.5, {"who": "office", "banji": True, "trap": True}),
              S("iss", "dept", 2.5, {"joint": "block", "n": 2}), S("bulletin", "other"), S("personnel", "personnel")]
        return s, 1
    if tpl.name == "red_header":
        s = [S("notice", "gov", 2, {"who": "gov", "red": True, "trap": True}),
             S("iss", "gov", 2.5, {"who": "gov", "red": True}), S("reply", "gov", 0, {"red": True}),
             S("iss", "office", 2.5, {"who": "office", "red": True, "banji": True}),
             S("notice", "office", 2, {"who": "office", "nonum": True, "footnote": True}), S("fuhan", "office"),
             S("iss", "dept", 2.5, {"joint": "u3000", "n": 2 + k % 2, "trap": 3 + 2 * (k % 2)}),
             S("tongbao", "other", 0, {"red": True}), S("bulletin", "other"),
             S("personnel", "personnel", 0, {"red": True})]
        return s, 1 + k % 2
    if tpl.name == "npc_divider":
        s = [S("law", "law", 4, {"order": True, "own_toc": True}), S("decision", "law", 0, {"order": k % 2 == 0}),
             S("jud", "jud", 2.5, {"joint": False, "gonggao": k % 2 == 0, "above": k % 2 == 1, "which": k}),
             S("jud", "jud", 0, {"joint": True, "gonggao": k % 2 == 1, "above": k % 2 == 0}),
             S("local", "npc", 3, {"gonggao": True, "variant": ["bare_pub", "bare"][k % 2], "prov": True}),
             S("local", "npc", 3, {"gonggao": False, "variant": "bare", "prov": False}),
             S("rule_no_order", "reg2", 2.5, {"variant": "bare3"}),
             S("npc_personnel", "personnel"), S("personnel", "personnel")]
        return s, 0
    s = [S("rule", "reg", 3, {"trial": True, "cn": True}), S("notice", "gov", 2, {"who": "gov", "trad": "s2t"}),
         S("iss", "gov", 2.5, {"who": "gov", "table": k % 2 == 0, "tbreak": True}),
         S("reply_corpus", "gov", 1.5, {"who": "gov"}),
         S("notice", "office", 2, {"who": "office", "nonum": True, "trad": "s2hk"}),
         S("iss", "office", 2.5, {"who": "office", "tbreak": True, "footnote": True, "trap": True}),
         S("iss", "dept", 2.5, {"joint": "ascii", "n": 2}), S("iss", "dept", 2, {"joint": "lines", "n": 3}),
         S("bulletin", "other"), S("personnel", "personnel")]
    return s, 1


# -- composing ---------------------------------------------------------------------------------
def _pick(pool: list, usage: collections.Counter, rng: random.Random, pred=lambda s: True):
    cands = [s for s in pool if pred(s)]
    cands = rng.sample(cands, len(cands))
    src = min(cands, key=lambda s: usage[s.file])
    usage[src.file] += 1
    return src


def assign_sources(slots: list[Slot], srcs, usage, rng: random.Random, date: dt.date, key: str, level: str) -> None:
    national = ("雄安", "乌鲁木齐", "香港", "国家", "广东与香港", "山西、安徽")
    for i, s in enumerate(slots):
        s.seed = f"{key}:{i}"
        s.signed = date - dt.timedelta(days=rng.randint(8, 70))
        if s.kind in ("rule", "rule_no_order", "iss"):
            s.src = _pick(srcs.arts, usage, rng)
        elif s.kind == "notice":
            s.src = _pick(srcs.notes, usage, rng, lambda n: n.genre == "normative" and "转发" not in n.title)
        elif s.kind == "reply_corpus":
            s.src = _pick(srcs.notes, usage, rng, lambda n: n.title.endswith("复函") and not any(w in n.title for w in national))
        elif s.kind == "local":
            s.src = _pick(srcs.locals, usage, rng)
            s.signed = date - dt.timedelta(days=rng.randint(70, 120))
        elif s.kind in ("law", "decision"):
            s.src = _pick(srcs.laws, usage, rng)
            s.signed = date - dt.timedelta(days=rng.randint(40, 120))
        elif s.kind == "jud":
            s.src = srcs.juds[s.p.get("which", 0) % len(srcs.juds)] if not s.p["joint"] else None
            s.signed = date - dt.timedelta(days=rng.randint(60, 110))
        elif s.kind == "npc_personnel":
            s.signed = date - dt.timedelta(days=rng.randint(10, 40))


def compose_slot(s: Slot, budget: int, tpl: Template, owner, nums: DocNumbers, fit: Fit, charset, ctx) -> D.Doc:
    rng = random.Random(s.seed)
    o, p, opts = owner, s.p, tpl.opts
    if tpl.docno_above:
        opts = replace(opts, docno_above=True)
    d: D.Doc
    if s.kind == "rule":
        d = D.rule(s.src, o, nums.order(s.signed), s.signed, budget, rng, p.get("trial", False), True)
    elif s.kind == "rule_no_order":
        d = D.rule_no_order(s.src, o, nums.order(s.signed), s.signed, budget, rng, p["variant"])
    elif s.kind == "iss":
        if p.get("who") in ("gov", "office"):
            iss = [o.gov if p["who"] == "gov" else o.office]
            d = D.issuance(s.src, o, nums.make("iss_" + p["who"], s.signed), iss, s.signed, budget, rng, opts, p["who"])
        else:
            ds, seen = [], set()
            while len(ds) < p.get("n", 1):
                x = dept(o, rng)
                if x[0] not in seen:
                    seen.add(x[0])
                    ds.append(x)
            word = ds[0][1] + "".join(x[1][0] for x in ds[1:]) + rng.choice(["规", "发"])
            d = D.issuance(s.src, o, nums.fmt(word, s.signed, 50, nums.dept_prefix), [x[0] for x in ds], s.signed,
                           budget, rng, opts, "dept", p.get("joint", "lines"))
        if p.get("table"):
            D.add_table_attachment(d, rng, o)
    elif s.kind in ("notice", "reply_corpus"):
        office = p["who"] == "office" or (s.kind == "reply_corpus" and s.src.issuer.endswith("办公厅"))
        title = (o.office if office else o.gov) + s.src.title[len(s.src.issuer):]
        if s.kind == "reply_corpus":
            no = nums.make("other", s.signed, title)
        else:
            no = None if p.get("nonum") else nums.make("notice_office" if office else "notice_gov", s.signed)
        d = D.notice(s.src, o, no, office, s.signed, budget, rng, opts)
        if s.kind == "reply_corpus":
            d.section = "gov"
            ai = next(i for i, q in enumerate(d.paras) if q.role == "addressee")
            d.paras[ai].text = f"{dept(o, rng)[0]}："
    elif s.kind == "reply":
        d = D.reply_synth(o, nums.make("other", s.signed, "批复"), s.signed, rng, opts)
    elif s.kind == "fuhan":
        d = D.fuhan_above(o, nums.fmt(nums.office_han, s.signed, 160), s.signed, rng, opts)
    elif s.kind == "bulletin":
        d = D.bulletin(o, s.signed, rng, opts)
    elif s.kind == "tongbao":
        d = D.tongbao(o, nums.make("notice_office", s.signed), s.signed, rng, opts, True)
    elif s.kind == "personnel":
        d = D.personnel(o, nums.make("personnel", s.signed), s.signed, rng, opts)
    elif s.kind == "npc_personnel":
        d = D.npc_personnel(o.place, s.signed, rng, o.level == "province")
    elif s.kind == "local":
        if tpl.level == "city":
            place, prov = o.place, o.province
        elif p.get("prov"):
            place, prov = o.place, None
        else:
            cities = [c for c, _, pi in CITIES if PROVINCES[pi][0] == o.place]
            place = rng.choice(cities) if cities else rng.choice(["临江市", "青山市", "永宁市", "安平市"])
            prov = o.place
        d = D.local_regulation(s.src, place, prov, s.signed, budget, rng, p["variant"], p["gonggao"])
    elif s.kind == "law":
        d = D.law(s.src, s.signed, budget, rng, p["order"], p["own_toc"])
    elif s.kind == "decision":
        d = D.decision(s.src, s.signed, rng, p["order"])
    elif s.kind == "jud":
        d = D.judicial(s.src, s.signed, rng, p["joint"], p["gonggao"], p["above"], budget)
    else:
        raise ValueError(s.kind)
    d.section = s.section
    if p.get("trap"):
        lv = o.short
        t = D.trap_para(fit, rng, s.signed.year, lv, "办法", p["trap"])
        if t is not None:
            body = [i for i, q in enumerate(d.paras) if q.role == "body"]
            if body:
                d.paras.insert(body[0] + 1, t)
                d.variant.append("wrap trap " + t.text[t.breaks[0]:t.breaks[0] + 4])
    if p.get("red"):
        D.add_redhead(d, o.office if d.issuer == o.office else o.gov)
    if p.get("banji"):
        D.add_banji(d, o, rng)
    if p.get("footnote"):
        D.add_footnote(d, rng)
    if p.get("tbreak"):
        ti = next(i for i, q in enumerate(d.paras) if q.role == "title")
        br = fit.title_break(d.paras[ti].text)
        if br:
            d.paras[ti].breaks = br
            d.variant.append("title broken inside a word")
    if p.get("trad"):
        to_trad(d, p["trad"], charset)
    return d


# -- layout --------------------------------------------------------------------------------------
def para_rows(tpl: Template, m: Measurer, q: D.P, width: float, di: int, sec: str):
    st = tpl.styles[q.role]
    if q.role == "table":
        return table_rows(m, q.rows, st, width, q.fracs, di, sec)
    if q.role in ("banji_pair", "sign_pair", "pair"):
        return pair_rows(m, q.text, q.right, st, width, di, sec)
    if q.role == "rule":
        return rule_rows(st, 1.0, di, sec, width=0.4)
    if q.role == "fnrule":
        return rule_rows(st, 0.3, di, sec, width=0.3, align="left")
    if q.role == "redrule":
        return rule_rows(st, 1.0, di, sec, color=RED, width=0.9, double=True)
    if tpl.hang and q.role == "body":
        mm = ART_RE.match(q.text)
        if mm and q.text[mm.end():mm.end() + 1] == "\u3000":
            k = mm.end() + 1
            st = replace(st, left=k, indent=-k)
    return text_rows(m, q.text, st, width, di, sec, q.breaks)


def lay_body(tpl: Template, docs: list[D.Doc], m: Measurer, first_folio: int, ctx) -> tuple[list[Pg], dict]:
    geo = tpl.geo
    flow = Flow(geo, first_folio)
    width = geo.w - geo.inner - geo.outer
    prev_sec = None
    span = geo.bottom - geo.top
    for di, d in enumerate(docs):
        sec = tpl.sections[d.section]
        if tpl.dividers and sec != prev_sec:
            if not flow.at_top():
                flow.new_page()
            flow.pages[-1].role = "divider"
            flow.pages[-1].items += F.divider_page(sec, m, geo)
            flow.new_page()
        elif di:
            if d.new_page or (tpl.reg_new_page and d.kind == "regulation") or flow.room() < 0.16 * span:
                flow.page_break()
            elif not flow.at_top():
                if tpl.separator == "rule":
                    flow.place(rule_rows(tpl.styles["body"], 0.22, None, None, width=0.4))
                else:
                    flow.y += tpl.styles["body"].line_h * 0.8
        prev_sec = sec
        if tpl.label:
            flow.place(text_rows(m, f"【{sec}】", tpl.styles["label"], width, None, sec))
        rows = []
        for q in d.paras:
            rows += para_rows(tpl, m, q, width, di, sec)
        flow.place(rows, min_after=tpl.styles["body"].line_h * 2)
    return flow.pages, flow.doc_pages


def _cpp(tpl: Template) -> float:
    st = tpl.styles["body"]
    width = tpl.geo.w - tpl.geo.inner - tpl.geo.outer
    return width / (st.size * PT) * (tpl.geo.bottom - tpl.geo.top) / st.line_h * 0.85


def build_issue(tpl: Template, k: int, stem: str, seed: int, index: int, srcs, usage, charset) -> tuple[bytes, dict, list]:
    key = f"{seed}:{index}:{tpl.name}"
    rng = random.Random(key)
    owner = pick_owner(rng, tpl.level)
    if tpl.name == "npc_divider":
        while owner.place not in [p for p, _, _ in PROVINCES[:8]]:
            owner = pick_owner(rng, tpl.level)
    year = rng.randint(2019, 2023)
    per_year = 24 if tpl.name == "b5_mirror" else 12
    if tpl.hekan:
        number = rng.randrange(1, 11, 2) + (1 if k % 2 else 0)
        number2 = number + 1
    else:
        number, number2 = rng.randint(1, per_year), None
    if per_year == 24:
        date = dt.date(year, (number + 1) // 2, rng.randint(5, 12) if number % 2 else rng.randint(18, 27))
    else:
        date = dt.date(year, (number2 or number), rng.randint(6, 26))
    total = (year - rng.randint(1998, 2008)) * per_year + number
    ctx = F.Ctx(owner, year, number, number2, total, date, per_year)
    first_folio = 1 + (number - 1) * rng.randint(34, 48) if tpl.annual else 1
    slots, n_interp = mix(tpl, rng, k)
    assign_sources(slots, srcs, usage, rng, date, key, tpl.level)
    m = Measurer(set(tpl.fonts))
    fit = Fit(tpl, m)
    cpp = _cpp(tpl)
    target = rng.randint(*tpl.body_pages)
    wsum = sum(s.weight for s in slots) or 1
    caps = [5.0 * cpp] * len(slots)
    scale = 1.0
    order = list(tpl.sections)
    for it in range(16):
        pool = max(cpp * 3, (target - 0.45 * len(slots)) * cpp) * scale
        budgets = [int(min(caps[i], max(400, pool * s.weight / wsum))) for i, s in enumerate(slots)]
        nums = DocNumbers(owner, random.Random(key + ":numbers"))
        nums.square = False
        composed = [compose_slot(s, budgets[i], tpl, owner, nums, fit, charset, ctx) for i, s in enumerate(slots)]
        for i, d in enumerate(composed):
            d.slot = i
        docs = sorted(composed, key=lambda d: (order.index(d.section), d.new_page, d.slot))
        r = random.Random(key + ":interp")
        cands = [i for i, d in enumerate(docs) if d.detail in ("normative", "rule", "rule_no_order")
                 and not any(v.startswith("traditional") for v in d.variant)]
        targets = sorted(r.sample(cands, min(n_interp, len(cands))))
        out = []
        for i, d in enumerate(docs):
            out.append(d)
            if tpl.interp_after and i in targets:
                x = D.interp(d, i, owner, r)
                x.slot = -1
                out.append(x)
        if not tpl.interp_after:
            for i in targets:
                x = D.interp(docs[i], i, owner, r)
                x.section = "interp"
                x.slot = -1
                out.append(x)
        docs = out
        body, doc_pages = lay_body(tpl, docs, m, first_folio, ctx)
        long = [d.slot for i, d in enumerate(docs) if d.slot >= 0 and max(doc_pages[i]) - min(doc_pages[i]) + 1 > 6]
        for si in long:
            caps[si] *= 0.75
        if not long and abs(len(body) - target) <= 2 and len(body) + 4 <= 40:
            break
        scale *= min(1.8, max(0.6, target / max(len(body), 1)))
    # 目录
    entries, seen = [], None
    for i, d in enumerate(docs):
        sec = tpl.sections[d.section]
        date_s = cn.date_ar(d.signed) if d.signed else None
        entries.append(F.Entry(sec if sec != seen else None, d.title, d.doc_number,
                               d.issuer if d.issuer and (tpl.toc_style == "issuer_first"
                                                         or d.title.startswith(d.issuer.split("、")[0])) else None,
                               date_s, first_folio + min(doc_pages[i]) - 1))
        seen = sec
    g = tpl.geo
    head = [text_item(m, "目　　录", "bhei", 18, g.w / 2, g.top + 8, "center")]
    if tpl.hekan:
        head.append(text_item(m, f"{ctx.label}（合刊）", "hei", 10, g.w / 2, g.top + 15, "center"))
    if tpl.toc_style == "twocol":
        head.append(hline(g.inner, g.top + 13, g.w - g.outer, 0.6))
    tocg = replace(g, mirror=False)
    toc = F.toc_pages(tpl.toc_style, head, m, entries, tocg, ctx, tpl.toc_columns)
    cover = Pg("cover", tpl.cover(ctx, m, g))
    for n, pg in enumerate(body):
        pg.folio = first_folio + n
        if pg.role != "divider":
            pg.items += tpl.decorate(ctx, m, pg, pg.folio, g)
    pages = [cover] + toc + body
    off = 1 + len(toc)
    tdocs = []
    stats = []
    for i, d in enumerate(docs):
        pp = doc_pages[i]
        tdocs.append({"title": d.title, "kind": d.kind, "kind_detail": d.detail, "doc_number": d.doc_number,
                      "issuer": d.issuer, "signed_date": d.signed.isoformat() if d.signed else None,
                      "effective_date": d.effective.isoformat() if d.effective else None,
                      "section": tpl.sections[d.section],
                      "pdf_pages": [off + min(pp), off + max(pp)],
                      "printed_pages": [first_folio + min(pp) - 1, first_folio + max(pp) - 1],
                      "text": d.text})
        stats.append({"title": d.title, "kind_detail": d.detail, "variant": d.variant})
    truth = {"pages": len(pages), "synthetic": True, "file": f"{stem}.pdf", "template": tpl.name,
             "cover": {"gazette_name": owner.gazette, "year": year, "number": number, "total_number": total,
                       "date": date.isoformat()},
             "documents": tdocs}
    pdf = render(pages, tpl.geo, set(tpl.fonts), date, f"{owner.gazette} {ctx.label}（synthetic）",
                 "synthetic gazette issue for evaluation (bench.indep4), not an official publication")
    return pdf, truth, stats
