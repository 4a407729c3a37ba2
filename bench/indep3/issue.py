"""Assemble one issue: plan slots, compose documents, lay out body and 目录, draw, write truth."""
from __future__ import annotations

import collections
import datetime as dt
import random
import re
from dataclasses import dataclass, field, replace

from bench.indep import cn
from bench.indep.covers import Ctx
from bench.indep.issue import DocNumbers
from bench.indep.layout import PT, Line, Measurer, break_lines, lay_paragraph
from bench.indep.places import CITIES, PROVINCES, Owner, dept, pick_owner

from . import docs as D
from . import toc as toc_mod
from .furniture import Env
from .geo import XFlow, XPage
from .render import render
from bench.indep.corpus import ArticleSource

from .sources import Sources
from .templates import Template
from .trad import convert


@dataclass
class Slot:
    what: str
    p: dict
    weight: float
    signed: dt.date
    seed: str
    srcs: list = field(default_factory=list)


def _owner(tpl: Template, rng: random.Random, occ: int) -> Owner:
    if tpl.provinces:
        p, a, e = next(x for x in PROVINCES if x[0] == tpl.provinces[occ % len(tpl.provinces)])
        return Owner("province", p, a, p, f"GAZETTE OF THE PEOPLE'S GOVERNMENT OF {e} PROVINCE")
    return pick_owner(rng, tpl.level)


def _issue_date(year: int, number: int, per_year: int, rng: random.Random) -> dt.date:
    if per_year == 12:
        return dt.date(year, number, rng.randint(6, 28))
    month = (number + 1) // 2
    return dt.date(year, month, rng.randint(5, 14) if number % 2 else rng.randint(18, 28))


WEIGHTS = {"rule": 3.0, "rule_no_order": 3.0, "local_reg": 3.0, "law": 3.0, "judicial": 2.2, "iss": 2.6,
           "notice": 2.0, "reply_corpus": 0.8}


def _plan(tpl: Template, owner: Owner, rng: random.Random, S: Sources, date: dt.date, key: str,
          usage: collections.Counter, occ: int) -> tuple[list[Slot], int]:
    def pool(items: list) -> list:
        shuffled = rng.sample(items, len(items))
        return sorted(shuffled, key=lambda s: -usage[s.file])

    arts = pool([_relocate_art(a, owner) for a in S.arts
                 if not any(w in p for p in a.paras[:8] for w in ("自治县", "自治州", "自治区", "经济特区"))])
    norm = pool([s for s in S.notes if s.genre == "normative" and len(s.paras) >= 5
                 and not re.search(r"\d{4}年", s.title)])
    national = ("雄安", "乌鲁木齐", "香港", "国家")
    oth = [s for s in S.notes if s.genre == "other" and not any(w in s.title for w in national)]
    replies = pool([s for s in oth if not s.title.endswith("通报")])
    locs = pool([s for s in S.locals if s.level == owner.level])
    laws = pool(S.laws)
    juds = pool(S.juds + D.SYN_JUD)
    slots: list[Slot] = []
    n_interp = 0
    for i, (what, p) in enumerate(tpl.mix(rng, occ)):
        if what == "interp":
            n_interp += 1
            continue
        signed = date - dt.timedelta(days=rng.randint(8, 70))
        srcs: list = []
        if what in ("rule", "rule_no_order"):
            srcs = [arts.pop()]
        elif what == "iss":
            srcs = [arts.pop() for _ in range(p.get("att", 1))]
        elif what == "notice":
            srcs = [norm.pop()] if norm else [arts.pop()]
            if not norm and not srcs:
                continue
        elif what == "reply_corpus":
            if replies:
                srcs = [replies.pop()]
            else:
                what = "reply_syn"
        elif what in ("local_reg", "decision_local"):
            srcs = [locs.pop()]
            signed = date - dt.timedelta(days=rng.randint(70, 140) if owner.level == "city" else rng.randint(12, 50))
        elif what in ("law", "decision_nat"):
            cand = [x for x in laws if x.chapters] if p.get("own_toc") else laws
            srcs = [cand[-1]]
            laws.remove(cand[-1])
            signed = date - dt.timedelta(days=rng.randint(20, 80))
        elif what == "judicial":
            cand = [j for j in juds if j.joint == p.get("joint", False)]
            src = cand[-1]
            juds.remove(src)
            srcs = [src]
            signed = date - dt.timedelta(days=rng.randint(60, 110))
        for s in srcs:
            if hasattr(s, "file"):
                usage[s.file] += 1
        if what == "notice" and srcs and not hasattr(srcs[0], "genre"):
            what, p = "iss", dict(p, org="office" if p.get("office") else "gov", att=1)
        w = WEIGHTS.get(what, 0.0) * (1.6 if what == "iss" and p.get("att", 1) > 1 else 1.0)
        slots.append(Slot(what, p, w, signed, f"{key}:{i}", srcs))
    return slots, n_interp


def _relocate_art(a: ArticleSource, owner: Owner) -> ArticleSource:
    """Province names in a rule body become the owner's province (city names its city)."""
    paras = []
    for p in a.paras:
        for prov, _, _ in PROVINCES:
            if prov != owner.province and prov in p:
                p = p.replace(prov, owner.province)
        if owner.level == "city":
            for city, _, _ in CITIES:
                if city != owner.place and city in p:
                    p = p.replace(city, owner.place)
        paras.append(p)
    return ArticleSource(a.file, a.core, paras, a.chapters)


def _depts(owner: Owner, r: random.Random, n: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    while len(out) < n:
        d = dept(owner, r)
        if all(d[0] != x[0] for x in out):
            out.append(d)
    return out


def _compose(tpl: Template, owner: Owner, slots: list[Slot], n_interp: int, budgets: list[int], key: str,
             base: int, charset: set[str], trad_cfg: str) -> list[D.Doc]:
    nums = DocNumbers(owner, random.Random(key + ":numbers"))
    opts = tpl.opts
    docs: list[D.Doc] = []
    for si in sorted(range(len(slots)), key=lambda i: (slots[i].signed, slots[i].seed)):
        s, b = slots[si], budgets[si]
        r = random.Random(s.seed)
        p = s.p
        if s.what == "rule":
            d = D.rule(s.srcs[0], owner, nums.order(s.signed), s.signed, b, r, opts)
        elif s.what == "rule_no_order":
            d = D.rule_no_order(s.srcs[0], owner, nums.order(s.signed), s.signed, b, r, p["variant"])
        elif s.what == "local_reg":
            d = D.local_reg(s.srcs[0], owner, s.signed, base, b, r, p["gg"], p["header"], r.random() < opts.cn_dates)
        elif s.what == "decision_local":
            d = D.decision_local(s.srcs[0], owner, s.signed, base, r, p["gg"], r.random() < opts.cn_dates)
        elif s.what == "law":
            d = D.law(s.srcs[0], s.signed, r, r.randint(20, 130) if p["order"] else None, p["own_toc"], b)
        elif s.what == "decision_nat":
            d = D.decision_national(s.srcs[0], s.signed, r, r.randint(20, 130) if p["order"] else None)
        elif s.what == "judicial":
            d = D.judicial(s.srcs[0], s.signed, r.randint(1, 3), b, r, p["gg"], p["above"], r.random() < opts.cn_dates)
        elif s.what == "notice":
            office = p["office"]
            title = (owner.office if office else owner.gov) + s.srcs[0].title[len(s.srcs[0].issuer):]
            no = nums.make("notice_office" if office else "notice_gov", s.signed, title) if p["numbered"] else None
            d = D.gov_notice(s.srcs[0], owner, no, office, s.signed, b, r, opts)
        elif s.what == "reply_corpus":
            src = s.srcs[0]
            office = src.issuer.endswith("办公厅")
            title = (owner.office if office else owner.gov) + src.title[len(src.issuer):]
            d = D.gov_notice(src, owner, nums.make("other", s.signed, title), office, s.signed, b, r, opts)
        elif s.what == "tongbao":
            d = D.tongbao(owner, nums.make("notice_office", s.signed), s.signed, r, opts)
        elif s.what == "reply_syn":
            d = D.reply(owner, nums.make("other", s.signed, "批复"), s.signed, r, opts)
        elif s.what == "bulletin":
            d = D.bulletin(owner, s.signed, r, opts)
        elif s.what == "personnel":
            d = D.personnel(owner, nums.make("personnel", s.signed), s.signed, r, opts)
        elif s.what == "npc_personnel":
            d = D.npc_personnel(owner, s.signed, base, r)
            d.section = "npc_pers" if "npc_pers" in tpl.sections else "npc"
        elif s.what == "iss":
            n_att = len(s.srcs)
            bs = [int(b * 0.55), int(b * 0.45)] if n_att > 1 else [b]
            org = p["org"]
            mode = p.get("sign", "lines")
            if org in ("gov", "office"):
                iss = [owner.gov if org == "gov" else owner.office]
                no = nums.make("iss_gov" if org == "gov" else "iss_office", s.signed)
                d = D.issuance(s.srcs, owner, no, iss, s.signed, bs, r, opts, org)
            else:
                ds = _depts(owner, r, p.get("n_org", 1))
                second = "".join((x[1][0] if x[1][0] != "发" else "改") for x in ds[1:])
                word = ds[0][1] + second + r.choice(["规", "发"])
                no = nums.fmt(word, s.signed, 50, nums.dept_prefix)
                d = D.issuance(s.srcs, owner, no, [x[0] for x in ds], s.signed, bs, r, opts, "dept", mode,
                               p.get("title_orgs", False))
        else:
            raise ValueError(s.what)
        if p.get("trad"):
            _to_trad(d, p["trad"], trad_cfg, charset)
        d.plan = si
        docs.append(d)
    order = tpl.order
    docs.sort(key=lambda d: (order.index(d.section), d.signed or dt.date.min, d.title))
    r = random.Random(key + ":interp")
    cands = [i for i, d in enumerate(docs) if d.detail in ("rule", "rule_no_order", "normative", "normative_no_number")
             and not d.variant.startswith("trad") and d.toc_title is None]
    targets = sorted(r.sample(cands, min(n_interp, len(cands))))
    out: list[D.Doc] = []
    for i, d in enumerate(docs):
        out.append(d)
        if tpl.interp_after and i in targets:
            it = D.interpretation(d, i, owner, r)
            it.section = d.section
            out.append(it)
    if not tpl.interp_after:
        for i in targets:
            it = D.interpretation(docs[i], i, owner, r)
            it.section = "interp"
            out.append(it)
    return out


def _to_trad(d: D.Doc, part: str, cfg: str, charset: set[str]) -> None:
    """Print the whole document (``all``) or its attachments (``attach``) in traditional script."""
    conv = lambda s: convert(s, cfg, charset)  # noqa: E731
    if part == "all":
        d.title, d.issuer = conv(d.title), conv(d.issuer) if d.issuer else None
        d.doc_number = conv(d.doc_number) if d.doc_number else None
        d.toc_title = d.title
        for p in d.paras:
            p.text = conv(p.text)
    else:
        on = False
        for p in d.paras:
            on = on or p.role == "attach_label"
            if on:
                p.text = conv(p.text)
    d.variant = f"trad-{part}-{cfg}/" + d.variant


# -- layout ----------------------------------------------------------------------------
def _numbering(tpl: Template, docs: list[D.Doc]) -> dict[str, tuple[str, str]]:
    """Two-level numbering of the sections present: key -> (printed group, printed section)."""
    present = [k for k in tpl.order if any(d.section == k for d in docs)]
    out: dict[str, tuple[str, str]] = {}
    gn = 0
    for gname, keys in tpl.groups:
        here = [k for k in keys if k in present]
        if not here:
            continue
        gn += 1
        for sn, k in enumerate(here):
            out[k] = (f"{cn.num(gn)}、{gname}", f"（{cn.num(sn + 1)}）{tpl.sections[k]}")
    return out


def lay_body(tpl: Template, docs: list[D.Doc], m: Measurer, first_folio: int) -> tuple[list[XPage], dict[int, list[int]]]:
    geo = tpl.geo
    flow = XFlow(geo, m, first_folio)
    cols = geo.columns > 1
    width = geo.col_width() if cols else geo.full()
    numbering = _numbering(tpl, docs) if tpl.groups else {}
    pending: list[Line] = []
    prev_sec: str | None = None
    prev_group: str | None = None
    for di, d in enumerate(docs):
        sec = tpl.sections.get(d.section)
        lines: list[Line] = []
        if not cols and di:
            room = (geo.bottom - flow.y) / (geo.bottom - geo.top)
            if tpl.new_page(d) or room < (0.3 if d.kind == "regulation" else 0.1):
                flow.page_break()
        if tpl.banner is not None and d.section != prev_sec:
            grp, name = numbering.get(d.section, (None, sec))
            txt = f"{grp}　{name}" if grp and grp != prev_group else name
            prev_group = grp
            lines += lay_paragraph(txt, tpl.banner, width, m, None, None)
            for ln in lines:
                ln.keep = True
        elif di and tpl.separator is not None and (cols or not flow.at_top()):
            lines += lay_paragraph("", tpl.separator, width, m, None, None)
            lines[-1].keep = True
        prev_sec = d.section
        prev_style = None
        k = 0
        while k < len(d.paras):
            p = d.paras[k]
            role = tpl.remap.get((d.detail, p.role), p.role)
            st = tpl.styles[role]
            if role == "title" and st.align == "left":
                st = _balanced_left(p.text, st, width, m)
            pl = lay_paragraph(p.text, st, width, m, di, sec)
            if tpl.docno_on_title and p.role == "title" and k + 1 < len(d.paras) and d.paras[k + 1].role == "docno":
                ds = tpl.styles["docno"]
                dn = d.paras[k + 1].text
                pl[-1].extra.append((width - m.width(dn, ds.font, ds.size), dn, ds))
                k += 1
            if prev_style is not None:
                pl[0].gap += prev_style.after
                if role == "title" and k and d.paras[k - 1].role == "docno":
                    pl[0].gap = min(pl[0].gap, prev_style.after + 2.5)  # 文号 printed above the title
            prev_style = st
            lines += pl
            k += 1
        if cols:
            pending += lines
        else:
            flow.place_span(lines)
    if pending:
        flow.place_columns(pending)
    return flow.pages, flow.doc_pages


def _balanced_left(text: str, st, width: float, m: Measurer):
    """A left-aligned title style whose right indent gives the same line count with even lines."""
    em = st.size * PT
    wfn = lambda x: m.width(x, st.font, st.size)  # noqa: E731
    avail = width - (st.left + st.right) * em
    n = len(break_lines(text, avail, avail, wfn))
    if n < 2:
        return st
    lo, hi = wfn(text) / n, avail
    for _ in range(14):
        mid = (lo + hi) / 2
        if len(break_lines(text, mid, mid, wfn)) > n:
            lo = mid
        else:
            hi = mid
    return replace(st, right=max(0.0, (width - hi - st.left * em) / em - 0.02))


def _cpp(tpl: Template) -> float:
    st = tpl.styles["body"]
    per_line = tpl.geo.col_width() / (st.size * PT) * tpl.geo.columns
    return per_line * (tpl.geo.bottom - tpl.geo.top) / st.line_h * 0.8


def _entries(tpl: Template, docs: list[D.Doc], doc_pages: dict[int, list[int]], first_folio: int) -> list[toc_mod.Entry]:
    numbering = _numbering(tpl, docs) if tpl.groups else {}
    out, seen, seen_g = [], None, None
    for i, d in enumerate(docs):
        sec = tpl.sections.get(d.section)
        grp = None
        if numbering:
            grp, sec_p = numbering[d.section]
        else:
            sec_p = sec
        out.append(toc_mod.Entry(grp if grp != seen_g else None, sec_p if d.section != seen else None,
                                 d.toc_title or d.title, d.doc_number, d.issuer, d.signed,
                                 first_folio + min(doc_pages[i]) - 1))
        seen, seen_g = d.section, grp
    return out


def build_issue(tpl: Template, stem: str, seed: int, index: int, occ: int, S: Sources,
                usage: collections.Counter, charset: set[str]) -> tuple[bytes, dict, list[dict]]:
    """PDF bytes, truth dict and per-document stats for issue ``index`` of run ``seed``."""
    key = f"{seed}:{index}:{tpl.name}"
    rng = random.Random(key)
    owner = _owner(tpl, rng, occ)
    per_year = rng.choice(tpl.per_year)
    year, number = rng.randint(2017, 2023), rng.randint(1, per_year)
    date = _issue_date(year, number, per_year, rng)
    total_no = (year - rng.randint(1996, 2008)) * per_year + number
    base = rng.randint(14, 17) if owner.level == "city" else 13
    trad_cfg = tpl.trad[occ % len(tpl.trad)] if tpl.trad else ""
    if tpl.folio_mode == "annual":
        first_folio = 1 + (number - 1) * rng.randint(30, 44)
    else:
        first_folio = 1
    ctx = Ctx(owner, year, number, total_no, date, per_year, "期")
    slots, n_interp = _plan(tpl, owner, rng, S, date, key, usage, occ)
    m = Measurer(set(tpl.fonts))
    cpp = _cpp(tpl)
    target = rng.randint(*tpl.body_pages)
    wsum = sum(s.weight for s in slots) or 1.0
    caps = [6.0 * cpp * (1.5 if s.what == "iss" and len(s.srcs) > 1 else 1.0) for s in slots]
    scale, ntoc = 1.0, 1
    for _ in range(18):
        pool = max(cpp * 2, target * cpp - 0.3 * cpp * len(slots)) * scale
        budgets = [int(min(caps[i], max(300, pool * s.weight / wsum))) for i, s in enumerate(slots)]
        docs = _compose(tpl, owner, slots, n_interp, budgets, key, base, charset, trad_cfg)
        ff = 2 + ntoc if tpl.folio_mode == "pdf" else first_folio
        body, doc_pages = lay_body(tpl, docs, m, ff)
        toc_pages = tpl.toc(tpl.toc_geo, m, _entries(tpl, docs, doc_pages, ff), []) if tpl.toc else []
        if tpl.folio_mode == "pdf" and len(toc_pages) != ntoc:
            ntoc = len(toc_pages)
            continue
        total = 1 + len(toc_pages) + len(body) + (tpl.back is not None)
        long = [d.plan for i, d in enumerate(docs) if d.plan is not None
                and max(doc_pages[i]) - min(doc_pages[i]) + 1 > 8]
        for si in long:
            caps[si] *= 0.75
        if not long and total <= 40 and abs(len(body) - target) <= max(2, target // 6):
            break
        if total > 40:
            target = min(target, 36 - len(toc_pages))
        scale *= min(2.0, max(0.5, target / max(len(body), 1)))
    else:
        if total > 40 or long:
            raise RuntimeError(f"{stem}: could not fit ({total} pages, long docs {long})")
    cover = XPage("cover", tpl.cover(ctx, m), size=tpl.size)
    ff = 2 + len(toc_pages) if tpl.folio_mode == "pdf" else first_folio
    front = toc_pages if tpl.toc_where == "front" else []
    end = toc_pages if tpl.toc_where == "end" else []
    pages = [cover] + front + body + end
    if tpl.back:
        pages.append(XPage("back", tpl.back(ctx, m), size=tpl.size))
    env = Env([d.toc_title or d.title for d in docs], [d.section for d in docs], tpl.order, tpl.tabs,
              len(pages), tpl.size)
    for k, pg in enumerate(body):
        pg.folio = ff + k
        pg.items += tpl.decorate(ctx, m, pg, pg.folio, env)
    if tpl.toc_decorate:
        for k, pg in enumerate(front):
            pg.folio = 2 + k
            pg.items += tpl.toc_decorate(ctx, m, pg, pg.folio, env)
    offset = 1 + len(front)
    truth_docs, stats = [], []
    for i, d in enumerate(docs):
        pp = doc_pages[i]
        truth_docs.append({
            "title": d.title, "kind": d.kind, "kind_detail": d.detail, "doc_number": d.doc_number,
            "issuer": d.issuer, "signed_date": d.signed.isoformat() if d.signed else None,
            "effective_date": d.effective.isoformat() if d.effective else None,
            "section": tpl.sections.get(d.section) or None,
            "pdf_pages": [offset + min(pp), offset + max(pp)],
            "printed_pages": [ff + min(pp) - 1, ff + max(pp) - 1],
            "text": d.text,
        })
        stats.append({"file": f"{stem}.pdf", "doc": i + 1, "kind_detail": d.detail, "variant": d.variant,
                      "title": d.title})
    truth = {"pages": len(pages), "synthetic": True, "file": f"{stem}.pdf", "template": tpl.name,
             "cover": {"gazette_name": owner.gazette, "year": year, "number": number, "total_number": total_no,
                       "date": date.isoformat()},
             "documents": truth_docs}
    pdf = render(pages, set(tpl.fonts), date, f"{owner.gazette} {ctx.issue_label}（synthetic）", tpl.size)
    return pdf, truth, stats
