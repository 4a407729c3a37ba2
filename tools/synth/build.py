"""Building sets of synthetic issues: the evaluation set, the samples, big issues."""

from __future__ import annotations

import argparse
import contextlib
import json
import random
from pathlib import Path
from typing import Iterator

from . import documents as D
from .corpus import Source, load
from .layout import TEMPLATES, render_issue

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ config }} 与 {% include 'x.html' %}",
    "**粗体** 与 [链接](javascript:alert(1)) 与 <img src=x onerror=alert(1)>",
    "# 这不是标题",
]


def _pick(sources: list[Source], rng: random.Random, *subtypes: str) -> Source:
    return rng.choice([s for s in sources if s.subtype in subtypes])


def make_docs(g: D.Gazette, sources: list[Source], rng: random.Random, year: int, n_docs: int,
              budget: int, date_style: str, rich: bool = False) -> list[D.Doc]:
    """A varied mix of documents, ordered by section as a 目录 would list them.

    ``rich`` (the evaluation set) adds 公告, per-document date styles and 代章 lines; the
    samples and test resources are made without it and stay as they were."""
    docs: list[D.Doc] = []
    regs = rng.randint(1, 2)
    for _ in range(regs):
        src = _pick(sources, rng, "local_rule", "dept_rule", "sc_reg")
        docs.append(D.regulation(g, src, rng, year, rng.randint(100, 400), budget, date_style))
    normals = []
    while len(docs) + len(normals) < n_docs - 2:
        src = _pick(sources, rng, "normative", "other", "dept_rule")
        normals.append(D.normative(g, src, rng, year, rng.randint(1, 60), budget // 2, date_style,
                                   office=rng.random() < 0.35))
    normals.sort(key=lambda d: d.section != g.normative_section)
    docs += normals
    if rich:
        for doc in normals:
            if rng.random() < 0.3:
                D.restyle_date(doc, rng, year)
        if rng.random() < 0.5:
            docs.append(D.announcement(g, rng, year, rng.randint(1, 30), date_style))
    if rng.random() < 0.6:
        docs.append(D.reply(g, rng, year, rng.randint(1, 90), date_style))
        docs.sort(key=lambda d: ["regulation", "normative", "other"].index(d.kind) if d.kind != "other" else 1)
    if normals:
        docs.append(D.interpretation(g, normals[0], _pick(sources, rng, "normative"), rng, budget))
    docs.append(D.personnel(g, rng, year, rng.randint(1, 40), date_style))
    order = [g.regulation_section, "国务院部门规章", g.normative_section, g.office_section, "政策解读", "人事任免"]
    docs.sort(key=lambda d: order.index(d.section) if d.section in order else 9)
    return docs


def make_issue(out: Path, name: str, sources: list[Source], rng: random.Random, *, gazette: D.Gazette | None = None,
               template_index: int | None = None, year: int | None = None, number: int | None = None,
               n_docs: int | None = None, budget: int | None = None, extra: list[D.Doc] | None = None,
               rich: bool = False) -> Path:
    """One synthetic issue PDF and its truth JSON."""
    g = gazette or rng.choice(D.GAZETTES)
    t = TEMPLATES[template_index if template_index is not None else rng.randrange(len(TEMPLATES))]
    year = year or rng.randint(1998, 2024)
    number = number or rng.randint(1, 24)
    date_style = rng.choice(["plain", "plain", "spaced", "cn"] if year < 2010 else ["plain", "plain", "spaced"])
    docs = make_docs(g, sources, rng, year, n_docs or rng.randint(6, 14), budget or rng.choice([900, 1500, 2500]), date_style, rich)
    for doc in extra or []:
        docs.insert(len(docs) - 2, doc)
    if t.digit_gaps:
        for doc in docs:
            doc.blocks = [D.Block(b.style, D.digit_gaps(b.text)) for b in doc.blocks]
    total = 300 + year % 100 * 24 + number
    if g.short == "国务院":
        label = f"{year}年第{number}号"
        total_number = None
    else:
        label = f"{year}年第{number}期（总第{total}期）"
        total_number = total
    month = min(12, (number + 1) // 2)
    cover_date = f"{year}年{month}月{10 if number % 2 else 25}日"
    truth = render_issue(out / f"{name}.pdf", g, t, label, cover_date, f"{g.office}主办", docs, rng,
                         full_width_label=rng.random() < 0.2)
    truth.update({
        "synthetic": True,
        "file": f"{name}.pdf",
        "template": t.name,
        "cover": {"gazette_name": g.name, "year": year, "number": number, "total_number": total_number,
                  "date": f"{year}-{month:02d}-{10 if number % 2 else 25:02d}"},
    })
    (out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out / f"{name}.pdf"


def hostile_doc(g: D.Gazette, rng: random.Random, year: int) -> D.Doc:
    """A normative notice whose text carries HTML, Jinja and Markdown syntax."""
    title = f"{g.government}关于<script>alert(1)</script>测试{{{{ config }}}}的通知"
    blocks = [D.Block("title", title), D.Block("center", f"{g.prefix}政字〔{year}〕99号"),
              D.Block("plain", "各市人民政府，省政府各部门：")]
    blocks += [D.Block("para", f"本段落包含原样文字：{h}。") for h in HOSTILE]
    blocks += [D.Block("right", g.government), D.Block("right", D.ar_date(f"{year}-02-14"))]
    return D.Doc("normative", title, g.normative_section, blocks, f"{g.prefix}政字〔{year}〕99号", None,
                 g.government, f"{year}-02-14", None)


def long_title_doc(g: D.Gazette, sources: list[Source], length: int) -> D.Doc:
    """A normative notice whose title has ``length`` characters (a stress case for the
    目录), made of corpus text so that no line of it repeats like a running head."""
    text = "".join(c for s in sources for p in s.paragraphs for c in p if "\u4e00" <= c <= "\u9fff")
    middle = text[:max(0, length - len(g.government) - 5)]
    title = f"{g.government}关于{middle}的通知"
    number = f"{g.prefix}政字〔2022〕98号"
    blocks = [D.Block("title", title), D.Block("center", number), D.Block("plain", "各市人民政府，省政府各部门："),
              D.Block("para", "现将有关事项通知如下，请认真贯彻执行。"), D.Block("right", g.government),
              D.Block("right", D.ar_date("2022-03-14"))]
    return D.Doc("normative", title, g.normative_section, blocks, number, None, g.government, "2022-03-14", None)


def make_samples(out: Path, sources: list[Source]) -> list[Path]:
    """The three sample issues shipped in samples/: 山东省人民政府公报 2023年第1–3期, each
    document signed before its issue's date, and nothing made only for tests (the
    hostile-text issue is :func:`make_hostile_issue`, in tests/resources)."""
    g = D.GAZETTES[0]
    paths = []
    for number in (1, 2, 3):
        rng = random.Random(2023_00 + number)
        with _signed_before(issue_date(2023, number)):
            paths.append(make_issue(out, f"2023-{number:02d}", sources, rng, gazette=g, template_index=number - 1,
                                    year=2023, number=number, n_docs=7, budget=3500))
    return paths


def make_hostile_issue(out: Path, sources: list[Source]) -> Path:
    """tests/resources/hostile-issue.pdf: 2023年第4期 with a notice whose text carries
    HTML, Jinja and Markdown syntax, for the escaping tests."""
    rng = random.Random(2023_04)
    with _signed_before(issue_date(2023, 4)):
        return make_issue(out, "hostile-issue", sources, rng, gazette=D.GAZETTES[0], template_index=1, year=2023, number=4,
                          n_docs=4, budget=900, extra=[hostile_doc(D.GAZETTES[0], rng, 2023)])


def issue_date(year: int, number: int) -> str:
    """The cover date :func:`make_issue` prints for issue ``number`` of ``year``."""
    return f"{year}-{min(12, (number + 1) // 2):02d}-{10 if number % 2 else 25:02d}"


@contextlib.contextmanager
def _signed_before(date: str) -> Iterator[None]:
    D.SIGN_BEFORE = date
    try:
        yield
    finally:
        D.SIGN_BEFORE = None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.synth", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m tools.synth bench/synth --issues 24 --seed 1   # the evaluation set\n"
               "  python -m tools.synth --samples samples/                 # the three sample issues\n"
               "  python -m tools.synth bench/synth-200 --pages 200        # one big issue (speed benchmark)\n"
               "Output is deterministic: the same arguments give byte-identical PDFs and truth JSON.")
    parser.add_argument("out", type=Path, help="folder for <name>.pdf and <name>.truth.json")
    parser.add_argument("--issues", type=int, default=24, help="number of issues (default 24)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--samples", action="store_true", help="write the three sample issues instead")
    parser.add_argument("--pages", type=int, help="write one big issue of at least this many pages")
    parser.add_argument("--docs", type=int, help="write one issue of this many short documents (a 目录 of many pages)")
    parser.add_argument("--long-title", type=int, default=0, help="with --docs: one more document whose title has this many characters")
    args = parser.parse_args(argv)
    sources = load()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.samples:
        for p in make_samples(args.out, sources):
            print(p)
        return 0
    if args.docs:
        rng = random.Random(args.seed)
        extra = [long_title_doc(D.GAZETTES[0], sources, args.long_title)] if args.long_title else None
        path = make_issue(args.out, f"many-{args.docs}" + (f"-title{args.long_title}" if args.long_title else ""), sources, rng,
                          gazette=D.GAZETTES[0], template_index=0, year=2022, number=9, n_docs=args.docs, budget=150, extra=extra)
        print(path)
        return 0
    if args.pages:
        n = max(8, args.pages // 3)
        while True:  # grow the issue until it has at least --pages pages (deterministic)
            rng = random.Random(args.seed)
            path = make_issue(args.out, f"big-{args.pages}", sources, rng, template_index=0, year=2022, number=8,
                              n_docs=n, budget=4000)
            pages = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))["pages"]
            if pages >= args.pages:
                break
            n = max(n + 1, int(n * args.pages / pages * 1.05))
        print(path)
        return 0
    for i in range(args.issues):
        budget = None
        while True:  # an issue of fewer than 10 pages is set again with longer documents
            rng = random.Random(args.seed * 1000 + i)
            path = make_issue(args.out, f"synth-{args.seed}-{i:02d}", sources, rng, template_index=i % len(TEMPLATES),
                              budget=budget, rich=True)
            pages = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))["pages"]
            if pages >= 10 or (budget or 0) >= 8000:
                break
            budget = (budget or 2000) + 2000
        print(path)
    return 0
