"""Self-check: ``python -m bench.indep5.check DIR [--png PNG_DIR]``.

For every ``*.truth.json``: pypdf reads each page, keeping only the show operations whose
baseline lies inside the template's body frame (heads, feet and folios lie outside).  Every
document's whole text (whitespace ignored) must be found **in document order** in the
concatenated body text, starting on its first and ending on its last pdf page; title,
doc_number, each issuer part (届 ignored), signed/effective dates (Arabic or Chinese numerals,
or 自公布/印发/发布之日起施行) must occur in its text; kind = map(kind_detail); keys in the
documented order; <= 40 pages per issue, <= 8 per document; a synthetic label on the cover;
one printed/pdf page offset per issue.  Exit status 1 if anything fails.
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

TOP_KEYS = ["pages", "synthetic", "file", "template", "cover", "documents"]
COVER_KEYS = ["gazette_name", "year", "number", "total_number", "date"]
DOC_KEYS = ["title", "kind", "kind_detail", "doc_number", "issuer", "signed_date", "effective_date", "section",
            "pdf_pages", "printed_pages", "text"]
MM = 0.3528


def sq(s: str) -> str:
    return "".join(s.split())


def page_texts(pdf: Path, geo) -> tuple[list[str], str]:
    """Body-frame text per page (squashed) and the whole cover text."""
    reader = PdfReader(pdf)
    out = []
    for k, page in enumerate(reader.pages):
        parts: list[str] = []

        def visit(text, cm, tm, fd, fs, parts=parts):
            if not text.strip():
                return
            y_mm = geo.h - tm[5] * MM
            if geo.top - 1 <= y_mm <= geo.bottom + 3:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        out.append(sq("".join(parts)))
    cover = reader.pages[0].extract_text() or ""
    return out, cover


def _dates(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [sq(cn.date_ar(d)), cn.date_cn(d)]


def check_issue(tp: Path, geos: dict) -> list[str]:
    errs: list[str] = []
    t = json.loads(tp.read_text(encoding="utf-8"))
    if list(t) != TOP_KEYS or list(t["cover"]) != COVER_KEYS or t["synthetic"] is not True:
        errs.append("bad top-level / cover keys")
    geo = geos[t["template"]]
    pages, cover = page_texts(tp.with_name(t["file"]), geo)
    if len(pages) != t["pages"] or t["pages"] > 40:
        errs.append(f"page count {len(pages)} vs truth {t['pages']}")
    if "synthetic" not in cover:
        errs.append("no synthetic label on the cover")
    starts = [0]
    for p in pages:
        starts.append(starts[-1] + len(p))
    allt = "".join(pages)

    def page_of(pos: int) -> int:
        for k in range(len(pages)):
            if starts[k] <= pos < starts[k + 1]:
                return k + 1
        return len(pages)

    pos, offsets = 0, set()
    for i, d in enumerate(t["documents"]):
        tag = f"doc {i + 1} {d['title'][:18]}"
        if list(d) != DOC_KEYS:
            errs.append(f"{tag}: bad keys")
            continue
        if KIND.get(d["kind_detail"]) != d["kind"]:
            errs.append(f"{tag}: kind {d['kind']} != map({d['kind_detail']})")
        a, b = d["pdf_pages"]
        if not 1 <= a <= b <= len(pages) or b - a + 1 > 8:
            errs.append(f"{tag}: bad pdf_pages {d['pdf_pages']}")
            continue
        offsets.add(a - d["printed_pages"][0])
        offsets.add(b - d["printed_pages"][1])
        text = sq(d["text"])
        k = allt.find(text, max(pos, starts[a - 1]))
        if k < 0:
            errs.append(f"{tag}: text not found in order from page {a}")
            continue
        if page_of(k) != a or page_of(k + len(text) - 1) != b:
            errs.append(f"{tag}: found on pages {page_of(k)}-{page_of(k + len(text) - 1)}, truth {a}-{b}")
        pos = k + len(text)
        if sq(d["title"]) not in text:
            errs.append(f"{tag}: title not in text")
        if d["doc_number"] and sq(d["doc_number"]) not in text:
            errs.append(f"{tag}: doc_number not in text")
        if d["issuer"]:
            plain = re.sub(r"第[一二三四五六七八九十]+[屆届]", "", text)
            for part in d["issuer"].split("、"):
                if sq(part) not in plain and sq(part) not in text:
                    errs.append(f"{tag}: issuer part {part} not in text")
        for key in ("signed_date", "effective_date"):
            if d[key]:
                ok = any(x in text for x in _dates(d[key]))
                if key == "effective_date" and d[key] == d["signed_date"]:
                    ok = ok or bool(re.search(r"自(公布|印發|印发|發布|发布)之日起(施行|實施|实施)", text))
                if not ok:
                    errs.append(f"{tag}: {key} {d[key]} not in text")
    if len(offsets) > 1:
        errs.append(f"printed/pdf offsets differ: {sorted(offsets)}")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep5.check")
    ap.add_argument("dir")
    ap.add_argument("--png", help="render a few pages of each issue into this folder (needs pypdfium2)")
    a = ap.parse_args(argv)
    geos = {tp.name: tp.geo for tp in build()}
    bad, n_docs = 0, 0
    kinds: collections.Counter = collections.Counter()
    for tp in sorted(Path(a.dir).glob("*.truth.json")):
        errs = check_issue(tp, geos)
        t = json.loads(tp.read_text(encoding="utf-8"))
        n_docs += len(t["documents"])
        kinds.update(d["kind"] for d in t["documents"])
        print(f"{'FAIL' if errs else 'ok  '} {tp.name}: {t['pages']} p, {len(t['documents'])} docs")
        for e in errs:
            print("      ", e)
        bad += bool(errs)
        if a.png:
            import pypdfium2 as pdfium
            out = Path(a.png)
            out.mkdir(parents=True, exist_ok=True)
            doc = pdfium.PdfDocument(str(tp.with_name(t["file"])))
            for n in sorted({1, 2, 3, 4, 5, len(doc)}):
                if n <= len(doc):
                    doc[n - 1].render(scale=1.0).to_pil().save(out / f"{tp.name[:-11]}-p{n}.png")
    print(f"{n_docs} documents, {dict(kinds)}; {bad} issue(s) failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
