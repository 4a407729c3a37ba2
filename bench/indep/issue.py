"""Assemble one issue: plan documents, lay out body and 目录, draw, write truth."""
from __future__ import annotations

import collections
import datetime as dt
import random
from dataclasses import dataclass

from . import compose as C
from . import extra
from . import toc as toc_mod
from .corpus import ArticleSource, NoticeSource
from .covers import Ctx
from .layout import PT, Flow, Line, Measurer, Page, lay_paragraph
from .places import Owner, dept, pick_owner
from .render import render
from .templates import Template

SECTION_ORDER = ["reg", "gov", "office", "dept", "personnel", "interp"]


@dataclass
class Plan:
    """What one document slot will be (fixed before any budget is known)."""

    what: str           # reg | notice_gov | notice_office | other | iss_gov | iss_office | iss_dept | personnel
    src: object | None
    signed: dt.date
    seed: str
    weight: float


def _issue_date(year: int, number: int, per_year: int, rng: random.Random) -> dt.date:
    if per_year == 12:
        return dt.date(year, number, rng.randint(8, 28))
    month = (number + 1) // 2
    return dt.date(year, month, rng.randint(5, 14) if number % 2 else rng.randint(18, 28))


def _seq(d: dt.date, per_year: int) -> int:
    """A document serial number that grows through the year."""
    return max(1, round(d.timetuple().tm_yday / 366 * per_year))


class DocNumbers:
    """文号 / 令号 factory for one owner and issue; numbers are unique per series."""

    def __init__(self, owner: Owner, rng: random.Random):
        self.o, self.rng = owner, rng
        self.square = rng.random() < 0.12
        self.order_base = rng.randint(60, 320)
        fu = owner.prefix.endswith("府")  # 穗府〔2019〕5号, 筑府发〔…〕, 穗府办函〔…〕
        self.gov_word = rng.choice(["", "发"] if fu else ["政发", "政"] if owner.level != "province" else ["政发", "政发", "政字"])
        self.office_word = rng.choice(["办", "办发"] if fu else ["政办发", "政办"] if owner.level != "province" else ["政办发", "政办字"])
        self.zi = "字" if fu else "政字"
        self.han = "函" if fu else "政函"
        self.office_han = "办函" if fu else "政办函"
        self.personnel = rng.choice(["任", "人"] if fu else ["政任", "政人"])
        self.dept_prefix = owner.prefix.rstrip("府")
        self.used: dict[str, set[int]] = {}

    def serial(self, word: str, d: dt.date, per_year: int) -> int:
        n = _seq(d, per_year)
        used = self.used.setdefault(word, set())
        while n in used:
            n += 1
        used.add(n)
        return n

    def order(self, d: dt.date) -> int:
        return self.order_base + self.serial("令", d, 20)

    def fmt(self, word: str, d: dt.date, per_year: int, prefix: str | None = None) -> str:
        y = f"[{d.year}]" if self.square else f"〔{d.year}〕"
        return f"{self.o.prefix if prefix is None else prefix}{word}{y}{self.serial(word, d, per_year)}号"

    def make(self, what: str, d: dt.date, title: str = "") -> str:
        if what in ("notice_gov", "iss_gov"):
            return self.fmt(self.gov_word, d, 40)
        if what in ("notice_office", "iss_office"):
            return self.fmt(self.office_word, d, 90)
        if what == "other":
            word = self.zi if title.endswith("批复") else (self.office_han if "办公" in title[:12] else self.han)
            return self.fmt(word, d, 160)
        if what == "personnel":
            return self.fmt(self.personnel, d, 30)
        raise ValueError(what)


def _plan(tpl: Template, rng: random.Random, arts: list[ArticleSource], notes: list[NoticeSource],
          date: dt.date, key: str, usage: collections.Counter) -> tuple[list[Plan], int]:
    n = rng.randint(*tpl.n_docs)
    n_reg = 0 if tpl.level == "county" else rng.choice([0, 1, 1, 2, 2, 3])
    n_pers = rng.choice([0, 1, 1, 2])
    n_other = rng.choice([1, 1, 2, 3])
    n_interp = rng.choice([0, 1, 1, 2]) if n >= 7 else 0
    while n - n_reg - n_pers - n_other - n_interp < 2:
        if n_interp:
            n_interp -= 1
        elif n_pers:
            n_pers -= 1
        elif n_other > 1:
            n_other -= 1
        else:
            n_reg -= 1
    n_norm = n - n_reg - n_pers - n_other - n_interp
    def pool(items: list) -> list:
        """Shuffled, least-used-in-this-run last (pop() takes from the end)."""
        shuffled = rng.sample(items, len(items))
        return sorted(shuffled, key=lambda s: -usage[s.file])

    national = ("雄安", "乌鲁木齐", "香港", "国家")
    art_pool = pool(arts)
    norm_pool = pool([s for s in notes if s.genre == "normative"])
    oth_pool = pool([s for s in notes if s.genre == "other"
                     and (tpl.level == "province" or not any(w in s.title for w in national))])
    iss_w = tpl.kinds.get("issuance", 1.0)
    kinds = ["notice_gov", "notice_office", "iss_gov", "iss_office", "iss_dept"]
    weights = [1.0, 1.2, 0.8 * iss_w, 0.8 * iss_w, 1.0]
    whats = ["reg"] * n_reg + rng.choices(kinds, weights, k=n_norm) + ["other"] * n_other + ["personnel"] * n_pers
    plans = []
    for i, w in enumerate(whats):
        signed = date - dt.timedelta(days=rng.randint(8, 75))
        if w.startswith("notice") and norm_pool:
            src, wt = norm_pool.pop(), 2.0
        elif w == "other":
            r = rng.random()
            if r < 0.5 and oth_pool:
                src, wt = oth_pool.pop(), 1.0
            else:
                w, src, wt = ("reply" if r < 0.8 else "bulletin"), None, 0.0
        elif w == "personnel":
            src, wt = None, 0.0
        else:
            if w.startswith("notice"):
                w = "iss_office"
            src, wt = art_pool.pop(), 3.0
        if src is not None:
            usage[src.file] += 1
        plans.append(Plan(w, src, signed, f"{key}:{i}", wt))
    return plans, n_interp


def _more(rng: random.Random, arts: list[ArticleSource], usage: collections.Counter, date: dt.date,
          seed: str) -> Plan:
    """One more 印发 slot (least-used article source) for issues that come out too thin."""
    src = min(rng.sample(arts, len(arts)), key=lambda s: usage[s.file])
    usage[src.file] += 1
    return Plan(rng.choice(["iss_office", "iss_dept"]), src, date - dt.timedelta(days=rng.randint(8, 75)), seed, 3.0)


def _compose(tpl: Template, owner: Owner, plans: list[Plan], n_interp: int, budgets: list[int],
             key: str) -> list[C.Doc]:
    rng = random.Random(key + ":numbers")
    nums = DocNumbers(owner, rng)
    docs: list[C.Doc] = []
    for pi in sorted(range(len(plans)), key=lambda i: (plans[i].signed, plans[i].seed)):
        p, b = plans[pi], budgets[pi]
        r = random.Random(p.seed)
        if p.what == "reg":
            no = nums.order(p.signed)
            docs.append(C.regulation(p.src, owner, no, p.signed, b, r, tpl.opts))
        elif p.what in ("notice_gov", "notice_office", "other"):
            office = p.what == "notice_office" or (p.what == "other" and p.src.issuer.endswith("办公厅"))
            title = (owner.office if office else owner.gov) + p.src.title[len(p.src.issuer):]
            what = "other" if p.what == "other" else p.what
            docs.append(C.notice(p.src, owner, nums.make(what, p.signed, title), office, p.signed, b, r, tpl.opts))
        elif p.what in ("iss_gov", "iss_office"):
            office = p.what == "iss_office"
            iss = [owner.office if office else owner.gov]
            docs.append(C.issuance(p.src, owner, nums.make(p.what, p.signed), iss, p.signed, b, r, tpl.opts,
                                   "office" if office else "gov"))
        elif p.what == "iss_dept":
            d1 = dept(owner, r)
            ds = [d1] + ([d2] if r.random() < 0.4 and (d2 := dept(owner, r))[0] != d1[0] else [])
            second = (ds[1][1][0] if ds[1][1][0] != "发" else "改") if len(ds) > 1 else ""
            word = ds[0][1] + second + r.choice(["规", "发"])
            docs.append(C.issuance(p.src, owner, nums.fmt(word, p.signed, 50, nums.dept_prefix),
                                   [d[0] for d in ds], p.signed, b, r, tpl.opts, "dept"))
        elif p.what == "reply":
            docs.append(extra.reply(owner, nums.make("other", p.signed, "批复"), p.signed, r, tpl.opts))
        elif p.what == "bulletin":
            docs.append(extra.bulletin(owner, p.signed, r, tpl.opts))
        else:
            docs.append(C.personnel(owner, nums.make("personnel", p.signed), p.signed, r, tpl.opts))
        docs[-1].plan = pi
    docs.sort(key=lambda d: (SECTION_ORDER.index(d.section), d.signed or dt.date.min, d.title))
    r = random.Random(key + ":interp")
    cands = [i for i, d in enumerate(docs) if d.kind in ("regulation", "normative")]
    targets = sorted(r.sample(cands, min(n_interp, len(cands))))
    out: list[C.Doc] = []
    for i, d in enumerate(docs):
        out.append(d)
        if tpl.interp_after and i in targets:
            it = C.interpretation(d, i, owner, r)
            it.section = d.section
            out.append(it)
    if not tpl.interp_after:
        out += [C.interpretation(docs[i], i, owner, r) for i in targets]
    return out


def _body(tpl: Template, docs: list[C.Doc], m: Measurer, first_folio: int) -> tuple[list[Page], dict[int, list[int]]]:
    geo = tpl.geo
    flow = Flow(geo, m, first_folio)
    full = geo.frame(1)[1]
    colw = geo.col_width()
    body_h = tpl.styles["body"].line_h
    prev = None
    for di, d in enumerate(docs):
        room = (geo.bottom - flow.y) / (geo.bottom - geo.top)
        if di and (tpl.new_page == "always" or (tpl.new_page == "reg" and d.kind == "regulation")
                   or room < (0.3 if d.kind == "regulation" else 0.12)):
            flow.page_break()
        elif di and tpl.separator and not flow.at_top():
            flow.place_span(lay_paragraph("", tpl.styles["sep"], full, m, None, None))
            prev = None
        sec = tpl.sections.get(d.section) or None
        runs: list[tuple[bool, list[Line]]] = []
        for p in d.paras:
            st = tpl.styles[p.role]
            span = st.span or geo.columns == 1
            lines = lay_paragraph(p.text, st, full if span else colw, m, di, sec)
            if prev is not None and not flow.at_top():
                lines[0].gap += prev.after
            prev = st
            if runs and runs[-1][0] == span:
                runs[-1][1].extend(lines)
            else:
                runs.append((span, lines))
        for k, (span, lines) in enumerate(runs):
            if span:
                flow.place_span(lines, min_after=body_h * 3 if k + 1 < len(runs) else 0.0)
            else:
                flow.place_columns(lines)
    return flow.pages, flow.doc_pages


def _cpp(tpl: Template, m: Measurer) -> float:
    st = tpl.styles["body"]
    per_line = tpl.geo.col_width() / (st.size * PT) * tpl.geo.columns
    return per_line * (tpl.geo.bottom - tpl.geo.top) / st.line_h * 0.82


def build_issue(tpl: Template, stem: str, seed: int, index: int, arts: list[ArticleSource],
                notes: list[NoticeSource], usage: collections.Counter) -> tuple[bytes, dict]:
    """PDF bytes and truth dict for issue ``index`` of run ``seed``.

    ``usage`` counts corpus files used by earlier issues of the run (updated here), so
    that sources repeat as little as possible across a set.
    """
    key = f"{seed}:{index}:{tpl.name}"
    rng = random.Random(key)
    owner = pick_owner(rng, tpl.level)
    per_year = rng.choice(tpl.per_year)
    year, number = rng.randint(2016, 2023), rng.randint(1, per_year)
    date = _issue_date(year, number, per_year, rng)
    total = (year - rng.randint(1996, 2008)) * per_year + number
    first_folio = 1 if tpl.folio_mode == "body1" else 1 + (number - 1) * rng.randint(30, 46)
    ctx = Ctx(owner, year, number, total, date, per_year, tpl.word)
    plans, n_interp = _plan(tpl, rng, arts, notes, date, key, usage)
    m = Measurer(set(tpl.fonts))
    cpp = _cpp(tpl, m)
    target = rng.randint(*tpl.body_pages)
    wsum = sum(p.weight for p in plans) or 1.0
    fixed = 0.35 * cpp * len(plans) + (0.5 * cpp * len(plans) if tpl.new_page == "always" else 0)
    caps = [6.5 * cpp] * len(plans)
    scale, last_total = 1.0, -1
    furniture = 1 + (tpl.back is not None) + (1 if tpl.toc and not tpl.toc.on_cover_y else 0)
    for _ in range(16):
        pool = max(cpp * 2, target * cpp - fixed) * scale
        budgets = [int(min(caps[i], max(350, pool * p.weight / wsum))) for i, p in enumerate(plans)]
        docs = _compose(tpl, owner, plans, n_interp, budgets, key)
        body, doc_pages = _body(tpl, docs, m, first_folio)
        total = len(body) + furniture
        long = [d.plan for i, d in enumerate(docs)
                if d.plan is not None and max(doc_pages[i]) - min(doc_pages[i]) + 1 > 8]
        for pi in long:
            caps[pi] *= 0.75
        if 12 <= total and total + (tpl.toc is not None) <= 40 and not long and (
                abs(len(body) - target) <= max(3, target // 5) or total == last_total):
            break
        if total < 12 and total <= last_total and len(plans) < 14:
            plans.append(_more(rng, arts, usage, date, f"{key}:x{len(plans)}"))
            caps.append(6.5 * cpp)
            wsum += plans[-1].weight
        last_total = total
        scale *= min(2.0, max(0.5, target / max(len(body), 1)))
    cover = Page("cover", tpl.cover(ctx, m))
    toc_pages: list[Page] = []
    if tpl.toc:
        entries, seen = [], None
        for i, d in enumerate(docs):
            sec = tpl.sections.get(d.section) or None
            entries.append(toc_mod.Entry(sec if sec != seen else None, d.title, d.doc_number,
                                         first_folio + min(doc_pages[i]) - 1))
            seen = sec
        toc_pages = toc_mod.layout(tpl.toc, tpl.toc_geo, m, entries, [cover] if tpl.toc.on_cover_y else [])
        if tpl.toc.on_cover_y:
            toc_pages = toc_pages[1:]
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
            "title": d.title, "kind": d.kind, "doc_number": d.doc_number, "issuer": d.issuer,
            "signed_date": d.signed.isoformat() if d.signed else None,
            "effective_date": d.effective.isoformat() if d.effective else None,
            "section": tpl.sections.get(d.section) or None,
            "pdf_pages": [offset + min(pp), offset + max(pp)],
            "printed_pages": [first_folio + min(pp) - 1, first_folio + max(pp) - 1],
            "text": d.text,
        })
    truth = {"pages": len(pages), "synthetic": True, "file": f"{stem}.pdf", "template": tpl.name,
             "cover": {"gazette_name": owner.gazette, "year": year, "number": number, "total_number": ctx.total,  # (was the page count: the name `total` is reused above)
                       "date": date.isoformat()},
             "documents": truth_docs}
    pdf = render(pages, set(tpl.fonts), date, f"{owner.gazette} {ctx.issue_label}（synthetic）")
    return pdf, truth
