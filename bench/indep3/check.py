"""Self-check of a generated set: ``python -m bench.indep3.check DIR [--png OUT]``.

For every ``*.truth.json``:

* the PDF opens with pypdf, the page count matches, keys and kinds are as documented,
  ``kind`` = map(``kind_detail``), at most 40 pages per issue and 8 per document, the cover
  page says it is synthetic, printed_pages - pdf_pages is the same for all documents;
* text layer: the page's text inside the template's body frame (pypdf visitor positions;
  running heads, feet, folios and tabs lie outside it) is concatenated over the issue, and
  every document's text (whitespace ignored) must be found **in document order**, starting
  on its first and ending on its last pdf page - i.e. exactly on its ``pdf_pages``;
* labels: title, doc_number (two-line 令 / 主席令 heads joined), every issuer part (届
  ignored), signed and effective dates (Arabic or Chinese numerals; 自公布/印发之日起施行 for
  an effective date equal to the signed date) occur in the document's text.
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

MM = 25.4 / 72
DOC_KEYS = ["title", "kind", "kind_detail", "doc_number", "issuer", "signed_date", "effective_date", "section",
            "pdf_pages", "printed_pages", "text"]
TOP_KEYS = ["pages", "synthetic", "file", "template", "cover", "documents"]


def _squash(s: str) -> str:
    return "".join(s.split())


def _frame_texts(reader: PdfReader, geo, offset: int) -> list[str]:
    """Per page: text of the show operations whose origin lies in the body frame, in stream order."""
    out = []
    for pi, page in enumerate(reader.pages, start=1):
        ph = float(page.mediabox.height) * MM
        left, width = geo.frame(pi + offset)
        parts: list[str] = []

        def visit(text, cm, tm, fd, fs, parts=parts, left=left, width=width, ph=ph):
            if not text:
                return
            x, y = tm[4] * MM, ph - tm[5] * MM
            if left - 0.6 <= x <= left + width + 0.6 and geo.top - 1.0 <= y <= geo.bottom + 1.5:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        out.append(_squash("".join(parts)))
    return out


def _dates(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [cn.date_ar(d), cn.date_cn(d)]


def check_issue(truth_path: Path, tpls: dict) -> list[str]:
    errs: list[str] = []
    t = json.loads(truth_path.read_text(encoding="utf-8"))
    if list(t) != TOP_KEYS or t.get("synthetic") is not True:
        errs.append("bad top-level keys / synthetic flag")
    if set(t["cover"]) != {"gazette_name", "year", "number", "total_number", "date"}:
        errs.append("bad cover keys")
    tpl = tpls.get(t["template"])
    if tpl is None:
        return errs + [f"unknown template {t['template']}"]
    reader = PdfReader(truth_path.with_name(t["file"]))
    if len(reader.pages) != t["pages"] or t["pages"] > 40:
        errs.append(f"page count {len(reader.pages)} / truth {t['pages']} (limit 40)")
    if "synthetic" not in (reader.pages[0].extract_text() or ""):
        errs.append("cover does not say synthetic")
    docs = t["documents"]
    offsets = {d["printed_pages"][0] - d["pdf_pages"][0] for d in docs} | \
              {d["printed_pages"][1] - d["pdf_pages"][1] for d in docs}
    if len(offsets) != 1:
        errs.append(f"printed/pdf page offsets differ: {sorted(offsets)}")
    offset = min(offsets)
    pages = _frame_texts(reader, tpl.geo, offset)
    starts, full = [], ""
    for p in pages:
        starts.append(len(full))
        full += p
    page_of = lambda pos: max(i for i, s in enumerate(starts) if s <= pos) + 1  # noqa: E731
    cursor = 0
    sections = set(tpl.sections.values())
    for i, d in enumerate(docs):
        tag = f"doc {i + 1} {d['title'][:18]}"
        if list(d) != DOC_KEYS:
            errs.append(f"{tag}: bad keys")
            continue
        if KIND.get(d["kind_detail"]) != d["kind"]:
            errs.append(f"{tag}: kind {d['kind']} != map({d['kind_detail']})")
        if d["section"] is not None and d["section"] not in sections:
            errs.append(f"{tag}: unknown section {d['section']}")
        a, b = d["pdf_pages"]
        if not (1 <= a <= b <= t["pages"]) or b - a + 1 > 8:
            errs.append(f"{tag}: bad pdf_pages {d['pdf_pages']}")
            continue
        text = _squash(d["text"])
        pos = full.find(text, cursor)
        if pos < 0:
            errs.append(f"{tag}: text not found in order" + (" (found out of order)" if text in full else ""))
            continue
        pa, pb = page_of(pos), page_of(pos + len(text) - 1)
        if (pa, pb) != (a, b):
            errs.append(f"{tag}: text on pages {pa}-{pb}, truth {a}-{b}")
        cursor = pos + len(text)
        no_term = re.sub(r"第[一二三四五六七八九十]+届", "", text)
        if _squash(d["title"]) not in text:
            errs.append(f"{tag}: title not in text")
        if d["doc_number"] and _squash(d["doc_number"]) not in text:
            errs.append(f"{tag}: doc_number not in text")
        for part in (d["issuer"] or "").split("、"):
            if part and part not in no_term:
                errs.append(f"{tag}: issuer part {part} not in text")
        if d["signed_date"] and not any(s in text for s in _dates(d["signed_date"])):
            errs.append(f"{tag}: signed date not in text")
        if d["effective_date"]:
            ok = any(f"自{s}" in text for s in _dates(d["effective_date"])) or (
                d["effective_date"] == d["signed_date"] and re.search("自(公布|公佈|印发|印發)之日起施行", text))
            if not ok:
                errs.append(f"{tag}: effective date not in text")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep3.check", description=__doc__)
    ap.add_argument("dir")
    ap.add_argument("--png", help="render pages 1-3 and the last page of each issue into this folder")
    a = ap.parse_args(argv)
    tpls = {tp.name: tp for tp in build()}
    bad = 0
    total: collections.Counter = collections.Counter()
    for tp in sorted(Path(a.dir).glob("*.truth.json")):
        errs = check_issue(tp, tpls)
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
            for n in sorted({1, 2, 3, len(doc)}):
                doc[n - 1].render(scale=1.2).to_pil().save(out / f"{tp.name[:-11]}-p{n}.png")
    print(f"{sum(total.values())} documents: {dict(total)}; {bad} issue(s) failing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
