"""Splitting accuracy on synthetic issues with known truth (``python bench/eval_split.py``).

For every ``*.pdf`` with a ``*.truth.json`` beside it, the PDF goes through the real
ingest and each predicted document is matched to the truth by title. A document is
*correct* when its title and PDF page span are right and its text (whitespace removed)
is at least 98 % identical to the truth. Prints document precision, recall and F1, the
accuracy of each metadata field over the documents matched by title, and the most
frequent (want, got) confusions of each field. A 文号 compares equal in any bracket style
(Gazette normalises to 〔〕).

Options: ``DIR`` (default bench/synth, generated with ``python -m tools.synth
bench/synth --issues 24 --seed 1`` when missing), ``--verbose`` lists every mismatch
(issue, field, expected, got), ``--json`` prints the figures as JSON. Always exits 0: it
is a report, not a test.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazette.errors import GazetteError  # noqa: E402
from gazette.ingest import ingest_pdf  # noqa: E402
from gazette.structure import body_to_text  # noqa: E402

FIELDS = ["doc_number", "issuer", "signed_date", "effective_date", "kind", "section", "pdf_pages", "printed_pages"]
COVER_FIELDS = ["gazette_name", "year", "number", "total_number", "date"]
_WS = re.compile(r"\s+")


def squeeze(text: str | None) -> str:
    return _WS.sub("", text or "")


def similarity(a: str, b: str) -> float:
    a, b = squeeze(a), squeeze(b)
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < 0.98 or matcher.quick_ratio() < 0.98:
        return matcher.quick_ratio()
    return matcher.ratio()


def char_errors(got: str, want: str) -> int:
    """Edit distance between two texts, whitespace removed (for the character error rate)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(squeeze(got), squeeze(want))


def evaluate(folder: Path, verbose: bool = False, ingest=ingest_pdf, pattern: str = "*.truth.json") -> dict:
    """Split every issue in ``folder`` with ``ingest`` and score it against its truth."""
    totals = Counter()
    field_ok = Counter()
    field_n = Counter()
    confusions: dict[str, Counter] = {name: Counter() for name in FIELDS}
    cover_ok = Counter()
    mismatches: list[str] = []
    pages = 0
    started = time.perf_counter()
    errors = chars = 0
    for truth_path in sorted(folder.glob(pattern)):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pdf = truth_path.with_name(truth["file"])
        try:
            result = ingest(pdf)
        except GazetteError as exc:
            mismatches.append(f"{pdf.name}: ingest failed: {exc.message}")
            totals["truth"] += len(truth["documents"])
            continue
        except Exception as exc:  # a crash is a finding of the report, not the end of it
            mismatches.append(f"{pdf.name}: ingest crashed: {type(exc).__name__}: {exc}")
            totals["truth"] += len(truth["documents"])
            continue
        pages += result.issue.page_count
        meta = result.issue.meta
        for name in COVER_FIELDS:
            cover_ok[name] += getattr(meta, name) == truth["cover"][name]
            if getattr(meta, name) != truth["cover"][name]:
                mismatches.append(f"{pdf.name}: cover {name}: expected {truth['cover'][name]!r}, got {getattr(meta, name)!r}")
        totals["issues"] += 1
        predicted = list(result.documents)
        totals["predicted"] += len(predicted)
        totals["truth"] += len(truth["documents"])
        by_title: dict[str, list] = {}
        for doc in predicted:
            by_title.setdefault(squeeze(doc.title), []).append(doc)
        for want in truth["documents"]:
            candidates = by_title.get(squeeze(want["title"]), [])
            if not candidates:
                mismatches.append(f"{pdf.name}: missing 《{want['title']}》 (pages {want['pdf_pages']})")
                continue
            got = candidates.pop(0)
            totals["title_matched"] += 1
            values = {
                "doc_number": got.doc_number, "issuer": got.issuer, "signed_date": got.signed_date,
                "effective_date": got.effective_date, "kind": got.kind.value, "section": got.section,
                "pdf_pages": list(got.source.pdf_pages), "printed_pages": list(got.source.printed_pages),
            }
            for name in FIELDS:
                field_n[name] += 1
                if _comparable(name, values[name]) == _comparable(name, want[name]):
                    field_ok[name] += 1
                else:
                    confusions[name][(_shape(want[name]), _shape(values[name]))] += 1
                    mismatches.append(f"{pdf.name}: 《{want['title'][:30]}》 {name}: expected {want[name]!r}, got {values[name]!r}")
            got_text = body_to_text(got.body)
            errors += char_errors(got_text, want["text"])
            chars += len(squeeze(want["text"]))
            sim = similarity(got_text, want["text"])
            if sim < 0.98:
                mismatches.append(f"{pdf.name}: 《{want['title'][:30]}》 text similarity {sim:.3f}")
            if values["pdf_pages"] == want["pdf_pages"] and sim >= 0.98:
                totals["correct"] += 1
        for leftovers in by_title.values():
            for doc in leftovers:
                mismatches.append(f"{pdf.name}: extra document 《{doc.title[:40]}》 pages {list(doc.source.pdf_pages)}")
    elapsed = time.perf_counter() - started
    precision = totals["correct"] / totals["predicted"] if totals["predicted"] else 0.0
    recall = totals["correct"] / totals["truth"] if totals["truth"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    report = {
        "issues": totals["issues"], "pages": pages, "truth_documents": totals["truth"],
        "predicted_documents": totals["predicted"], "correct_documents": totals["correct"],
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "fields": {n: round(field_ok[n] / field_n[n], 4) if field_n[n] else None for n in FIELDS},
        "cover": {n: round(cover_ok[n] / totals["issues"], 4) if totals["issues"] else None for n in COVER_FIELDS},
        "cer": round(errors / chars, 5) if chars else None,
        "confusions": {name: [[w, g, n] for (w, g), n in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
                       for name, c in confusions.items() if c},
        "seconds": round(elapsed, 1),
    }
    if verbose:
        report["mismatches"] = mismatches
    return report


_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕"})


def _comparable(field: str, value):
    """A 文号 in any bracket style compares equal: Gazette writes the standard 〔〕
    (GB/T 9704-2012) whatever the PDF printed, while some truth files keep the print."""
    return value.translate(_BRACKETS) if field == "doc_number" and isinstance(value, str) else value


def _shape(value) -> str:
    """A value as shown in the confusion table."""
    return "(empty)" if value is None or value == "" else str(value)


def markdown(report: dict) -> str:
    lines = [
        f"{report['issues']} issues, {report['pages']} pages, {report['truth_documents']} documents "
        f"({report['seconds']} s)", "",
        "| figure | value |", "|---|---|",
        f"| document precision | {report['precision']:.4f} |",
        f"| document recall | {report['recall']:.4f} |",
        f"| document F1 | {report['f1']:.4f} |",
        f"| body-text CER (matched documents) | {report['cer']:.4%} |" if report.get("cer") is not None else "| body-text CER | n/a |",
    ]
    lines += [f"| {name} accuracy | {value:.4f} |" for name, value in report["fields"].items() if value is not None]
    lines += [f"| cover {name} accuracy | {value:.4f} |" for name, value in report["cover"].items() if value is not None]
    if report.get("confusions"):
        lines += ["", "Confusions (matched documents; most frequent first, at most 8 per field):", "",
                  "| field | want | got | n |", "|---|---|---|---|"]
        for name, rows in report["confusions"].items():
            lines += [f"| {name} | {w[:40]} | {g[:40]} | {n} |" for w, g, n in rows[:8]]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "bench" / "synth")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not any(args.folder.glob("*.truth.json")):
        subprocess.run([sys.executable, "-m", "tools.synth", str(args.folder), "--issues", "24", "--seed", "1"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    report = evaluate(args.folder, args.verbose)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(markdown(report))
        for line in report.get("mismatches", []):
            print("  -", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
