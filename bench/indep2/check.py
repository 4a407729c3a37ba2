"""Self-check of a generated set: ``python -m bench.indep2.check DIR [--png OUT]``.

For every ``*.truth.json``: the PDF opens with pypdf and has the stated page count; the
schema is bench/indep's plus ``kind_detail`` (and ``kind`` agrees with it); every
document's truth text (whitespace ignored) is found in the re-extracted text layer of
exactly its ``pdf_pages``, its first line on the first page and its last line on the last
page; its title, doc_number, issuer (each joint organ, 届 ordinals ignored) and dates occur
in its text.  Running heads / feet and folios are ignored (edge lines that are only
digits and ornaments, or that carry the gazette name, the issue label or a section name).
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

from .model import KIND

DOC_KEYS = ["title", "kind", "kind_detail", "doc_number", "issuer", "signed_date", "effective_date", "section",
            "pdf_pages", "printed_pages", "text"]
TOP_KEYS = {"pages", "synthetic", "file", "template", "cover", "documents"}
COVER_KEYS = {"gazette_name", "year", "number", "total_number", "date"}


def squash(s: str) -> str:
    return "".join(s.split())


def _is_furniture(line: str, names: set[str], gazette: str, label: str) -> bool:
    core = re.sub(r"[\d\s—\-·－.．()（）第页頁]+", "", line)
    s = squash(line)
    return not core or gazette in s or (label and label in s) or core in names


def clean_page(lines: list[str], names: set[str], gazette: str, label: str) -> str:
    keep = [l for k, l in enumerate(lines)
            if not ((k < 2 or k >= len(lines) - 3) and _is_furniture(l, names, gazette, label))]
    return squash("".join(keep))


def _dates(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [cn.date_ar(d), cn.date_cn(d)]


def check_issue(truth_path: Path) -> list[str]:
    errs: list[str] = []
    t = json.loads(truth_path.read_text(encoding="utf-8"))
    if set(t) != TOP_KEYS or t.get("synthetic") is not True or set(t["cover"]) != COVER_KEYS:
        errs.append("bad top-level / cover keys")
    reader = PdfReader(truth_path.with_name(t["file"]))
    if len(reader.pages) != t["pages"]:
        errs.append(f"page count {len(reader.pages)} != truth {t['pages']}")
    if t["pages"] > 40:
        errs.append("more than 40 pages")
    raw = [(p.extract_text() or "").splitlines() for p in reader.pages]
    names = {d["section"] for d in t["documents"] if d.get("section")}
    c = t["cover"]
    gazette = squash(c["gazette_name"])
    label = f"{c['year']}年第{c['number']}"
    clean = [clean_page(lines, names, gazette, label) for lines in raw]
    prev_first = 0
    for i, d in enumerate(t["documents"]):
        tag = f"doc {i + 1} {d['title'][:18]}"
        if list(d) != DOC_KEYS or KIND.get(d["kind_detail"]) != d["kind"]:
            errs.append(f"{tag}: bad keys / kind / kind_detail")
            continue
        a, b = d["pdf_pages"]
        if not (1 <= a <= b <= t["pages"]) or a < prev_first:
            errs.append(f"{tag}: bad pdf_pages {d['pdf_pages']}")
            continue
        if d["printed_pages"][1] - d["printed_pages"][0] != b - a:
            errs.append(f"{tag}: printed_pages do not match pdf_pages")
        prev_first = a
        text = squash(d["text"])
        if text not in "".join(clean[a - 1:b]):
            errs.append(f"{tag}: text not found on pages {a}-{b}")
        paras = [squash(p) for p in d["text"].split("\n") if squash(p)]
        if paras[0][:12] not in clean[a - 1] or paras[-1][-12:] not in clean[b - 1]:
            errs.append(f"{tag}: first/last line not on first/last page")
        if b - a + 1 > 8:
            errs.append(f"{tag}: longer than 8 pages")
        if squash(d["title"]) not in text:
            errs.append(f"{tag}: title not in text")
        if d["doc_number"] and squash(d["doc_number"]) not in text:
            errs.append(f"{tag}: doc_number not in text")
        plain = re.sub(r"第[一二三四五六七八九十]+届", "", text)
        short_order = bool(d["doc_number"] and re.match(r"^.{1,2}府令第", d["doc_number"]))
        if d["issuer"] and not short_order and any(squash(x) not in plain for x in d["issuer"].split("、")):
            errs.append(f"{tag}: issuer not in text")
        if d["signed_date"] and not any(s in text for s in _dates(d["signed_date"])):
            errs.append(f"{tag}: signed_date not in text")
        if d["effective_date"] and d["effective_date"] != d["signed_date"] and \
                not any(s in text for s in _dates(d["effective_date"])):
            errs.append(f"{tag}: effective_date not in text")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep2.check", description=__doc__)
    ap.add_argument("dir")
    ap.add_argument("--png", help="render pages 1-3 and the last page of each issue into this folder")
    a = ap.parse_args(argv)
    bad = 0
    total: collections.Counter = collections.Counter()
    for tp in sorted(Path(a.dir).glob("*.truth.json")):
        errs = check_issue(tp)
        t = json.loads(tp.read_text(encoding="utf-8"))
        kinds = collections.Counter(d["kind_detail"] for d in t["documents"])
        total.update(kinds)
        print(f"{'FAIL' if errs else 'ok  '} {tp.name}: {t['pages']} p, {len(t['documents'])} docs")
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
    print(f"{sum(total.values())} documents: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    print(f"{bad} issue(s) failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
