"""Self-check of a generated set: ``python -m bench.indep.check DIR [--png OUT]``.

For every ``*.truth.json``: the PDF opens with pypdf, the page count matches, the
schema is as documented, and every document's truth text (whitespace ignored) is
found in the text layer of exactly its ``pdf_pages`` - with its first line on the
first page and its last line on the last page.  Running heads and folios (edge lines
that are only digits/ornaments, carry the gazette name, or a section name) are ignored.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

from pypdf import PdfReader

KINDS = {"regulation", "normative", "interpretation", "personnel", "other"}
DOC_KEYS = {"title", "kind", "doc_number", "issuer", "signed_date", "effective_date", "section",
            "pdf_pages", "printed_pages", "text"}


def _squash(s: str) -> str:
    return "".join(s.split())


def _is_furniture(line: str, names: set[str], gazette: str) -> bool:
    """Folio / running-head line: only digits and ornaments, the gazette name, or a section name."""
    core = re.sub(r"[\d\s—\-·－.．第页]+", "", line)
    return not core or gazette in line or core in names


def _clean_page(lines: list[str], names: set[str], gazette: str) -> str:
    keep = [l for k, l in enumerate(lines)
            if not ((k < 2 or k >= len(lines) - 3) and _is_furniture(l, names, gazette))]
    return _squash("".join(keep))


def check_issue(truth_path: Path) -> list[str]:
    """Problems found for one issue (empty list = fine)."""
    errs: list[str] = []
    t = json.loads(truth_path.read_text(encoding="utf-8"))
    pdf = truth_path.with_name(t["file"])
    reader = PdfReader(pdf)
    if len(reader.pages) != t["pages"]:
        errs.append(f"page count {len(reader.pages)} != truth {t['pages']}")
    if t.get("synthetic") is not True or set(t["cover"]) != {"gazette_name", "year", "number", "total_number", "date"}:
        errs.append("bad top-level / cover keys")
    raw = [(p.extract_text() or "").splitlines() for p in reader.pages]
    names = {d["section"] for d in t["documents"] if d.get("section")}
    clean = [_clean_page(lines, names, t["cover"]["gazette_name"]) for lines in raw]
    prev_first = 0
    for i, d in enumerate(t["documents"]):
        tag = f"doc {i + 1} {d['title'][:20]}"
        if set(d) != DOC_KEYS or d["kind"] not in KINDS:
            errs.append(f"{tag}: bad keys/kind")
            continue
        a, b = d["pdf_pages"]
        if not (1 <= a <= b <= t["pages"]) or a < prev_first:
            errs.append(f"{tag}: bad pdf_pages {d['pdf_pages']}")
            continue
        prev_first = a
        text = _squash(d["text"])
        if text not in "".join(clean[a - 1:b]):
            errs.append(f"{tag}: text not found on pages {a}-{b}")
        paras = [_squash(p) for p in d["text"].split("\n") if _squash(p)]
        if paras[0][:12] not in clean[a - 1] or paras[-1][-12:] not in clean[b - 1]:
            errs.append(f"{tag}: first/last line not on first/last page")
        if b - a + 1 > 8:
            errs.append(f"{tag}: longer than 8 pages")
    return errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep.check", description=__doc__)
    ap.add_argument("dir")
    ap.add_argument("--png", help="render pages 1-3 and the last page of each issue into this folder")
    a = ap.parse_args(argv)
    bad = 0
    for tp in sorted(Path(a.dir).glob("*.truth.json")):
        errs = check_issue(tp)
        t = json.loads(tp.read_text(encoding="utf-8"))
        kinds = collections.Counter(d["kind"] for d in t["documents"])
        print(f"{'FAIL' if errs else 'ok  '} {tp.name}: {t['pages']} p, {dict(kinds)}")
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
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
