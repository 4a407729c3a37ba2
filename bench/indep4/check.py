"""Self-check: ``python -m bench.indep4.check DIR [--png PNG_DIR]``.

For every ``*.truth.json``: the PDF opens with pypdf and has ``pages`` pages; keys and their
order are as documented; ``kind`` = map(``kind_detail``).  Every page's text is read with
pypdf, keeping only show operations whose baseline lies inside the template's body frame
(heads, feet and folios lie outside).  Each document's whole text (whitespace ignored) must
be found **in document order** in the concatenated body text, starting on its first and
ending on its last pdf page.  Title, doc_number, each issuer part (届 ignored), signed and
effective dates (Arabic or Chinese numerals, or 自公布/印发之日起施行) must occur in the text.
Also: ≤ 40 pages per issue, ≤ 8 per document, a synthetic label on the cover, one
printed/pdf page offset per issue.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

from pypdf import PdfReader

from bench.indep import cn

from .docs import KIND
from .templates import build

TOP = ["pages", "synthetic", "file", "template", "cover", "documents"]
COVER = ["gazette_name", "year", "number", "total_number", "date"]
DOC = ["title", "kind", "kind_detail", "doc_number", "issuer", "signed_date", "effective_date", "section",
       "pdf_pages", "printed_pages", "text"]


def sq(s: str) -> str:
    return "".join(s.split())


def _date_forms(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [cn.date_ar(d), cn.date_cn(d)]


def page_texts(pdf: Path, geo) -> tuple[list[str], list[str]]:
    """(body-frame text, full text) per page."""
    reader = PdfReader(pdf)
    body, full = [], []
    for p in reader.pages:
        parts, allp = [], []

        def visit(t, cm, tm, fd, fs, parts=parts, allp=allp):
            if not t:
                return
            y = geo.h - tm[5] * 25.4 / 72
            allp.append(t)
            if geo.top - 1 <= y <= geo.bottom + 1.5:
                parts.append(t)
        p.extract_text(visitor_text=visit)
        body.append(sq("".join(parts)))
        full.append(sq("".join(allp)))
    return body, full


def check_issue(tp: Path, geos: dict) -> list[str]:
    errs: list[str] = []
    t = json.loads(tp.read_text(encoding="utf-8"))
    if list(t) != TOP or list(t["cover"]) != COVER or t["synthetic"] is not True:
        errs.append("top-level / cover keys")
    pdf = tp.with_name(t["file"])
    body, full = page_texts(pdf, geos[t["template"]])
    if len(body) != t["pages"]:
        errs.append(f"page count {len(body)} != {t['pages']}")
    if t["pages"] > 40:
        errs.append("more than 40 pages")
    if "synthetic" not in full[0]:
        errs.append("no synthetic label on the cover")
    starts, acc = [], 0
    for s in body:
        starts.append(acc)
        acc += len(s)
    allt = "".join(body)
    pos = 0
    offsets = set()
    for i, d in enumerate(t["documents"]):
        tag = f"doc {i + 1} {d['title'][:24]}"
        if list(d) != DOC:
            errs.append(f"{tag}: keys")
            continue
        if KIND.get(d["kind_detail"]) != d["kind"]:
            errs.append(f"{tag}: kind {d['kind']} vs {d['kind_detail']}")
        a, b = d["pdf_pages"]
        offsets.add(a - d["printed_pages"][0])
        offsets.add(b - d["printed_pages"][1])
        if not (1 <= a <= b <= t["pages"]) or b - a + 1 > 8:
            errs.append(f"{tag}: pdf_pages {d['pdf_pages']}")
            continue
        text = sq(d["text"])
        k = allt.find(text, max(pos, starts[a - 1]))
        end_b = starts[b - 1] + len(body[b - 1])
        if k < 0 or k >= starts[a - 1] + len(body[a - 1]) or k + len(text) > end_b or k + len(text) <= starts[b - 1]:
            errs.append(f"{tag}: text not found in order on pages {a}-{b} (at {k})")
        else:
            pos = k + len(text)
        if sq(d["title"]) not in text:
            errs.append(f"{tag}: title not in text")
        if d["doc_number"] and sq(d["doc_number"]) not in text:
            head = d["doc_number"]
            m = re.match(r"^(.*令)(第.+号)$", head)
            if not (m and sq(m.group(1)) in text and sq(m.group(2)) in text):
                errs.append(f"{tag}: doc_number not in text")
        for part in (d["issuer"] or "").split("、"):
            if part and sq(part) not in text and not re.sub(r"第.+?届", "", text).count(sq(part)):
                errs.append(f"{tag}: issuer part {part} not in text")
        for key in ("signed_date", "effective_date"):
            if d[key]:
                forms = _date_forms(d[key])
                ok = any(f in text for f in forms)
                if key == "effective_date" and not ok:
                    ok = d[key] == d["signed_date"] and re.search(r"自(公布|印发|發布|印發)之日起", text)
                if not ok:
                    errs.append(f"{tag}: {key} {d[key]} not in text")
    if len(offsets) > 1:
        errs.append(f"printed/pdf offsets differ: {sorted(offsets)}")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep4.check", description=__doc__)
    ap.add_argument("dir")
    ap.add_argument("--png", help="render the first four and the last page of each issue into this folder")
    a = ap.parse_args(argv)
    geos = {tp.name: tp.geo for tp in build()}
    bad = 0
    total = collections.Counter()
    for tp in sorted(Path(a.dir).glob("*.truth.json")):
        errs = check_issue(tp, geos)
        t = json.loads(tp.read_text(encoding="utf-8"))
        kinds = collections.Counter(d["kind"] for d in t["documents"])
        total.update(kinds)
        print(f"{'FAIL' if errs else 'ok  '} {tp.name}: {t['pages']} p, {len(t['documents'])} docs, {dict(kinds)}")
        for e in errs:
            print("     ", e)
        bad += bool(errs)
        if a.png:
            import pypdfium2 as pdfium

            out = Path(a.png)
            out.mkdir(parents=True, exist_ok=True)
            doc = pdfium.PdfDocument(str(tp.with_name(t["file"])))
            for n in sorted({1, 2, 3, 4, len(doc)}):
                doc[n - 1].render(scale=1.0).to_pil().save(out / f"{tp.name[:-11]}-p{n}.png")
    print(f"{sum(total.values())} documents: {dict(total)}; {bad} issue(s) with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
