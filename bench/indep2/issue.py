"""Assemble one issue: plan slots, pick sources, compose, budget, lay out, draw, write truth."""
from __future__ import annotations

import collections
import datetime as dt
import random
from dataclasses import dataclass

from bench.indep import cn
from bench.indep.issue import DocNumbers

from . import docs_gov as G
from . import docs_leg as L
from . import owners as ow
from . import toc as toc_mod
from . import trad
from .furniture import Ctx
from .model import Doc
from .render import render
from bench.indep.corpus import ArticleSource

from .sources import Sources
from .templates import Slot, Template
from .traps import Typeset
from .typeset import PT, Flow2, Measurer, Page, lay_paragraph

LONG = {"local", "local_decision", "law", "npcsc_decision", "judicial", "rule", "rno", "iss_gov", "iss_office",
        "iss_dept"}
NOTICE = {"notice_gov", "notice_office", "state_notice", "state_reply", "reply_corpus", "tongbao"}
NATIONAL_ADDR = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："


@dataclass
class Plan:
    slot: Slot
    src: object | None
    signed: dt.date
    seed: str
    weight: float
    place: str = ""
    level: str = ""


def _issue_date(year: int, number: int, per_year: int, rng: random.Random) -> dt.date:
    month = min(12, 1 + (number - 1) * 12 // per_year)
    return dt.date(year, month, rng.randint(5, 26))


class Pools:
    """Least-used-first source pools shared across a run (``usage`` counts corpus files)."""

    def __init__(self, S: Sources, rng: random.Random, usage: collections.Counter):
        self.S, self.rng, self.usage = S, rng, usage
        self.in_issue: set[str] = set()

    def take(self, items: list, key=lambda s: s.file):
        cands = [s for s in items if key(s) not in self.in_issue] or items
        shuffled = self.rng.sample(cands, len(cands))
        s = min(shuffled, key=lambda s: self.usage[key(s)])
        self.usage[key(s)] += 1
        self.in_issue.add(key(s))
        return s


def _plan(tpl: Template, owner: ow.Owner, rng: random.Random, S: Sources, date: dt.date, key: str,
          usage: collections.Counter) -> list[Plan]:
    pools = Pools(S, rng, usage)
    norm = [n for n in S.notes if n.genre == "normative" and len(n.paras) >= 3]
    replies = [n for n in S.notes if n.genre == "other" and not n.title.endswith("通报")]
    # corpus 批复/复函 that survive re-attribution to a local government (none of the current
    # corpus's do: they name 雄安, 香港, a person ...); the slot then becomes a synthetic 批复
    local_replies = [n for n in replies if not any(w in n.title for w in ("雄安", "乌鲁木齐", "香港", "黄金", "节水"))]
    arts = [a for a in S.arts if not any(w in "".join(a.paras) for w in ("特区", "雄安"))]
    tongbao = [n for n in S.notes if n.title.endswith("通报")]
    plans: list[Plan] = []
    law_used: set[str] = set()
    fuhan = rng.randint(0, 2)
    pifu = rng.randint(0, 5)
    for i, sl in enumerate(tpl.mix(rng)):
        w = sl.what
        if w.startswith("fuhan_split"):
            sl.variant["pick"] = fuhan
            fuhan += 1
        src: object | None = None
        weight = 0.0
        signed = date - dt.timedelta(days=rng.randint(8, 70))
        place, level = "", ""
        if w in ("local", "local_decision"):
            place, level = owner.place, owner.level
            if owner.level == "province" and sl.variant.get("sub_city"):
                cities = [c for c, _, pi in ow.CITIES if ow.PROVINCES[pi][0] == owner.province]
                if cities:
                    place, level = rng.choice(cities), "city"
            same = [s for s in S.local if s.place.endswith("省") == (level == "province")]
            src = pools.take(same)
            weight = 3.0 if w == "local" else 0.0
            signed = date - dt.timedelta(days=rng.randint(45, 100) if level == "province" else rng.randint(100, 140))
        elif w in ("law", "npcsc_decision"):
            cands = [s for s in S.laws if s.file not in law_used] or S.laws
            src = pools.take(cands)
            law_used.add(src.file)
            weight = 3.0 if w == "law" else 0.0
            signed = date - dt.timedelta(days=rng.randint(20, 80))
            sl.variant.setdefault("order_no", rng.randint(20, 130))
        elif w == "judicial":
            if sl.variant.get("joint") or not S.judicial:
                sl.variant["topic"] = pools.take(L.JOINT_TOPICS, key=lambda t: "joint:" + t[0])
                sl.variant["sep"] = rng.choice([L.FW, L.FW, " "])
                sl.variant["head_lines"] = rng.random() < 0.4
                sl.variant["sign_lines"] = rng.random() < 0.5
                weight = 1.0
            else:
                src = pools.take(S.judicial)
                weight = 2.5
            sl.variant["docno_first"] = rng.random() < 0.6
            signed = date - dt.timedelta(days=rng.randint(40, 90))
        elif w in ("rule", "rno", "iss_gov", "iss_office", "iss_dept"):
            src = pools.take(arts)
            weight = 3.0
        elif w in ("notice_gov", "notice_office", "state_notice"):
            src = pools.take(norm)
            weight = 2.0
        elif w in ("state_reply", "reply_corpus"):
            if w == "reply_corpus" and not local_replies:
                sl = Slot(sl.detail, "pifu", sl.section, sl.variant)
            else:
                src = pools.take(replies if w == "state_reply" else local_replies)
                weight = 1.0
        elif w == "tongbao":
            if tongbao:
                src = pools.take(tongbao)
                weight = 1.5
            else:
                sl = Slot(sl.detail, "bulletin", sl.section)
        if sl.what == "pifu":
            sl.variant["pick"] = pifu
            pifu += 1
        plans.append(Plan(sl, src, signed, f"{key}:{i}", weight, place, level))
    return plans


def _retarget_art(src, S: Sources, owner: ow.Owner):
    """The rule body with the source's own place names replaced by the owner's."""
    pl = S.places.get(src.file)
    if not pl:
        return src
    place, prov = pl
    rep = [(place, owner.place), (place[:-1], owner.place[:-1])]
    if prov and owner.province:
        rep += [(prov, owner.province), (prov[:-1], owner.province[:-1])]

    def fix(t: str) -> str:
        for a, b in rep:
            t = t.replace(a, b)
        return t
    return ArticleSource(src.file, src.core, [fix(p) for p in src.paras], src.chapters)


def _compose_one(p: Plan, owner: ow.Owner, nums: DocNumbers, budget: int, ts: Typeset, tpl: Template,
                 cfg: str | None, S: Sources) -> Doc:
    sl, r, d = p.slot, random.Random(p.seed), p.signed
    w, v = sl.what, sl.variant
    opt = {"cn_dates": tpl.cn_dates, "docno_pos": tpl.docno_pos}
    numbered = sl.detail != "normative_no_number"
    if w in ("rule", "rno", "iss_gov", "iss_office", "iss_dept"):
        p = Plan(p.slot, _retarget_art(p.src, S, owner), p.signed, p.seed, p.weight, p.place, p.level)
    if w == "local":
        doc = L.local_regulation(p.src, owner, p.place, p.level, d, r, budget, ts, v)
    elif w == "local_decision":
        doc = L.local_decision(p.src, owner, p.place, p.level, d, r, v)
    elif w == "law":
        doc = L.law(p.src, d, r, budget, ts, v)
    elif w == "npcsc_decision":
        doc = L.npcsc_decision(p.src, d, r, v)
    elif w == "judicial":
        doc = L.judicial(p.src, d, r.randint(1, 30), r, budget, v)
    elif w == "rule":
        doc = L.rule(p.src, owner, nums.order(d), d, r, budget, ts, r.random() < tpl.cn_dates * 0.5)
    elif w == "rno":
        doc = L.rule_no_order(p.src, owner, nums.order(d), d, r, budget, ts, v.get("style", "plain"))
    elif w in ("notice_gov", "notice_office"):
        office = w == "notice_office"
        issuer = owner.office if office else owner.gov
        docno = nums.make(w, d) if numbered else None
        doc = G.notice(p.src, issuer, owner, docno, d, budget, r, ts, opt, sl.section)
    elif w == "state_notice":
        issuer = p.src.issuer
        docno = f"{'国办发' if issuer.endswith('办公厅') else '国发'}〔{d.year}〕{r.randint(3, 60)}号"
        doc = G.notice(p.src, issuer, owner, docno, d, budget, r, ts, opt, sl.section, addressee=NATIONAL_ADDR)
    elif w in ("iss_gov", "iss_office"):
        issuer = owner.office if w == "iss_office" else owner.gov
        docno = nums.make(w, d) if numbered else None
        doc = G.issuance(p.src, owner, [issuer], docno, d, budget, r, ts, opt, sl.section)
    elif w == "iss_dept":
        ds = owner.depts(r, v.get("n", 1))
        word = ds[0][1] + (ds[1][1][0] if len(ds) > 1 else "") + r.choice(["规", "发"])
        docno = nums.fmt(word, d, 50, nums.dept_prefix) if numbered else None
        o2 = dict(opt, sign_form=v.get("sign_form", "lines"), issuers_in_title=v.get("issuers_in_title", False))
        doc = G.issuance(p.src, owner, [x[0] for x in ds], docno, d, budget, r, ts, o2, sl.section)
    elif w == "state_reply":
        title = p.src.title
        word = "国函" if title.endswith("批复") and p.src.issuer == "国务院" else "国办函"
        docno = f"{word}〔{d.year}〕{r.randint(5, 160)}号"
        doc = G.reply_from_source(p.src, p.src.issuer, docno, S.addressees.get(p.src.file) or NATIONAL_ADDR, d, budget, r, ts, opt,
                                  sl.section, keep_title=True)
    elif w == "reply_corpus":
        office = p.src.issuer.endswith("办公厅")
        issuer = owner.office if office else owner.gov
        title = issuer + p.src.title[len(p.src.issuer):]
        addr = owner.dept(r)[0] + "："
        doc = G.reply_from_source(p.src, issuer, nums.make("other", d, title), addr, d, budget, r, ts, opt,
                                  sl.section)
    elif w == "tongbao":
        issuer = owner.office
        doc = G.reply_from_source(p.src, issuer, nums.make("notice_office", d), owner.addressee(), d, budget, r, ts,
                                  opt, sl.section)
    elif w == "pifu":
        doc = G.pifu(owner, nums.make("other", d, "批复"), d, r, dict(opt, pick=v.get("pick")), sl.section, ts)
    elif w == "fuhan_split":
        docno = nums.make("other", d, owner.office + "复函")
        doc = G.fuhan_split(owner.office, "local", owner, docno, d, r, dict(opt, pick=v.get("pick")), sl.section)
    elif w == "fuhan_split_national":
        doc = G.fuhan_split("国务院办公厅", "national", None, f"国办函〔{d.year}〕{r.randint(5, 160)}号", d, r,
                            dict(opt, pick=v.get("pick")), sl.section)
    elif w == "bulletin":
        doc = G.bulletin(owner, d, r, opt, sl.section, ts)
    elif w == "gov":
        doc = G.personnel_gov(owner, nums.make("personnel", d), d, r, opt, sl.section)
    elif w == "npc":
        place = owner.place
        d = ow.session_on_or_before(place, owner.level, d)
        doc = G.personnel_npc(owner, place, owner.level, d, ow.local_session(place, owner.level, d), r, sl.section)
    else:
        raise ValueError(w)
    doc.section = sl.section
    if cfg:
        doc = trad.convert_doc(doc, cfg)
    return doc


def _compose(tpl: Template, owner: ow.Owner, plans: list[Plan], budgets: list[int], key: str, ts: Typeset,
             cfg: str | None, S: Sources) -> list[Doc]:
    nums = DocNumbers(owner, random.Random(key + ":numbers"))
    docs: list[Doc] = []
    interp_slots = []
    for pi in sorted(range(len(plans)), key=lambda i: (plans[i].signed, plans[i].seed)):
        p = plans[pi]
        if p.slot.what == "interp":
            interp_slots.append(p)
            continue
        doc = _compose_one(p, owner, nums, budgets[pi], ts, tpl, cfg, S)
        doc.plan = pi
        docs.append(doc)
    order = tpl.section_order
    docs.sort(key=lambda d: (order.index(d.section), d.break_before, d.signed or dt.date.min, d.title))
    r = random.Random(key + ":interp")
    cands = [i for i, d in enumerate(docs) if d.detail in ("rule", "rule_no_order", "normative", "local_regulation")]
    targets = sorted(r.sample(cands, min(len(interp_slots), len(cands))))
    out: list[Doc] = []
    extra: list[Doc] = []
    for i, d in enumerate(docs):
        out.append(d)
        if i in targets:
            it = G.interpretation(d, owner, r, d.section if tpl.interp_after else "interp")
            if cfg:
                it = trad.convert_doc(it, cfg)
            (out if tpl.interp_after else extra).append(it)
    return out + extra


def _body(tpl: Template, docs: list[Doc], m: Measurer, first_folio: int) -> tuple[list[Page], dict[int, list[int]]]:
    geo = tpl.geo
    flow = Flow2(geo, m, first_folio)
    full = geo.frame(1)[1]
    body_h = tpl.styles["body"].line_h
    prev = None
    for di, d in enumerate(docs):
        room = (geo.bottom - flow.y) / (geo.bottom - geo.top)
        if di and (tpl.new_page == "always" or d.break_before or (tpl.new_page == "reg" and d.kind == "regulation")
                   or room < (0.3 if d.kind == "regulation" else 0.12)):
            flow.page_break()
        elif di and tpl.separator and not flow.at_top():
            flow.place_span(lay_paragraph("", tpl.styles["sep"], full, m, None, None))
            prev = None
        sec = tpl.sections.get(d.section) or None
        lines = []
        for k, p in enumerate(d.paras):
            st = tpl.styles[p.role]
            ls = lay_paragraph(p.text, st, full, m, di, sec, p.split_digits, p.cuts)
            if prev is not None and lines:
                ls[0].gap += prev.after
            if k == 0:  # a document never starts flush under the previous one
                ls[0].gap = max(ls[0].gap, body_h * 1.6)
            prev = st
            lines += ls
        flow.place_span(lines)
    return flow.pages, flow.doc_pages


def _cpp(tpl: Template) -> float:
    st = tpl.styles["body"]
    per_line = tpl.geo.col_width() / (st.size * PT)
    return per_line * (tpl.geo.bottom - tpl.geo.top) / st.line_h * 0.8


def _note(d: Doc) -> str | None:
    if d.detail in ("local_regulation", "decision", "law") or (d.detail == "personnel" and d.doc_number is None):
        return f"（{cn.date_ar(d.signed)}通过）"
    return None


def build_issue(tpl: Template, stem: str, seed: int, index: int, S: Sources, usage: collections.Counter,
                charset: set[str]) -> tuple[bytes, dict]:
    key = f"{seed}:{index}:{tpl.name}"
    rng = random.Random(key)
    owner = ow.pick(rng, rng.choice(tpl.level.split("|")), tpl.npc_gazette)
    per_year = rng.choice(tpl.per_year)
    year, number = rng.randint(2016, 2023), rng.randint(1, per_year)
    date = _issue_date(year, number, per_year, rng)
    total = (year - rng.randint(1998, 2010)) * per_year + number
    first_folio = 1 if tpl.folio_mode == "body1" else 1 + (number - 1) * rng.randint(30, 44)
    cfg = None
    if tpl.trad:  # alternate the OpenCC configuration between the issues of this template
        cfg = tpl.trad[usage[f"template:{tpl.name}"] % len(tpl.trad)]
        usage[f"template:{tpl.name}"] += 1
    conv = (lambda s: trad.convert(s, cfg)) if cfg else (lambda s: s)
    ctx = Ctx(owner, year, number, total, date, per_year, tpl.word, conv)
    plans = _plan(tpl, owner, rng, S, date, key, usage)
    m = Measurer(set(tpl.fonts))
    ts = Typeset(m, tpl.styles["body"], tpl.geo.frame(1)[1])
    cpp = _cpp(tpl)
    target = rng.randint(*tpl.body_pages)
    wsum = sum(p.weight for p in plans) or 1.0
    fixed = 0.45 * cpp * len(plans) + (0.5 * cpp * len(plans) if tpl.new_page == "always" else 0)
    caps = [6.0 * cpp] * len(plans)
    scale = 1.0
    furniture = 1 + (tpl.back is not None) + (2 if tpl.toc else 0)
    for _ in range(18):
        pool = max(cpp * 2, target * cpp - fixed) * scale
        budgets = [int(min(caps[i], max(400, pool * p.weight / wsum))) for i, p in enumerate(plans)]
        docs = _compose(tpl, owner, plans, budgets, key, ts, cfg, S)
        body, doc_pages = _body(tpl, docs, m, first_folio)
        long = [d.plan for i, d in enumerate(docs)
                if d.plan is not None and max(doc_pages[i]) - min(doc_pages[i]) + 1 > 8]
        for pi in long:
            caps[pi] *= 0.75
        if not long and len(body) + furniture <= 40 and abs(len(body) - target) <= max(2, target // 6):
            break
        scale *= min(1.8, max(0.55, target / max(len(body), 1)))
    bad = [c for d in docs for c in d.text if c not in charset and c != "\n"]
    if bad:
        raise SystemExit(f"{stem}: characters missing from the fonts: {''.join(sorted(set(bad)))}")
    # 目录
    toc_pages: list[Page] = []
    if tpl.toc:
        entries, seen = [], None
        for i, d in enumerate(docs):
            sec = tpl.sections.get(d.section) or None
            entries.append(toc_mod.Entry(sec if sec != seen else None, d.title, d.doc_number,
                                         first_folio + min(doc_pages[i]) - 1,
                                         _note(d) if tpl.toc.mode == "plain_note" else None, i + 1))
            seen = sec
        toc_pages = toc_mod.layout(tpl.toc, tpl.toc_geo, m, entries, tpl.toc_columns)
    ctx.highlights = [d.title for d in docs if d.kind in ("regulation", "normative")][:4]
    cover = Page("cover", tpl.cover(ctx, m))
    for k, pg in enumerate(body):
        pg.folio = first_folio + k
        pg.items += tpl.decorate(ctx, m, pg, pg.folio)
    pages = [cover] + toc_pages + body
    if tpl.back:
        pages.append(Page("back", tpl.back(ctx, m)))
    offset = 1 + len(toc_pages)
    truth_docs = []
    for i, d in enumerate(docs):
        pp = doc_pages[i]
        truth_docs.append({
            "title": d.title, "kind": d.kind, "kind_detail": d.detail, "doc_number": d.doc_number,
            "issuer": d.issuer, "signed_date": d.signed.isoformat() if d.signed else None,
            "effective_date": d.effective.isoformat() if d.effective else None,
            "section": tpl.sections.get(d.section) or None,
            "pdf_pages": [offset + min(pp), offset + max(pp)],
            "printed_pages": [first_folio + min(pp) - 1, first_folio + max(pp) - 1],
            "text": d.text,
        })
    truth = {"pages": len(pages), "synthetic": True, "file": f"{stem}.pdf", "template": tpl.name,
             "cover": {"gazette_name": ctx.gazette, "year": year, "number": number, "total_number": total,
                       "date": date.isoformat()},
             "documents": truth_docs}
    meta = {"variants": [d.variant for d in docs], "traps": [d.traps for d in docs], "script": cfg or "simplified"}
    pdf = render(pages, set(tpl.fonts), date, f"{ctx.gazette} {ctx.issue_label}（synthetic）")
    return pdf, truth, meta
