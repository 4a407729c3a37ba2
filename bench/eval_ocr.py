"""OCR accuracy on synthetic scans (``python bench/eval_ocr.py``).

Synthetic issues (``tools.synth``, and the independent layouts of ``bench/indep`` with
``--indep``) are scanned by ``bench/make_scans.py`` under several profiles (200 and 300
dpi, office-scanner degradations, turned pages, seals and handwritten notes, a 72-dpi
scan) and ingested through the real pipeline with OCR. Each profile is scored like the
born-digital set (``bench/eval_split.py``): document precision / recall / F1, every
metadata field, and the body-text character error rate (edit distance without
whitespace, over the documents matched by title), against the born-digital truth.

The OCR cache (``bench/.ocr-cache``) makes a second run fast; ``--no-cache`` recognises
every page again. Always exits 0: it is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval_split import evaluate  # noqa: E402
from gazette.ingest import ingest_pdf  # noqa: E402
from gazette.ocr import OcrOptions  # noqa: E402

PROFILES = ["clean200", "clean300", "office200", "office300", "rotated200", "stamp200", "coarse72"]
FIELDS = ["doc_number", "issuer", "signed_date", "effective_date", "kind", "section", "pdf_pages", "printed_pages"]


def _ensure_sources(folder: Path, issues: int, indep: bool) -> Path:
    """Born-digital issues to scan: the first ``issues`` of the evaluation set."""
    source = folder / ("indep-born" if indep else "born")
    if not any(source.glob("*.truth.json")):
        source.mkdir(parents=True, exist_ok=True)
        if indep:
            command = [sys.executable, "-m", "bench.indep", str(source), "--issues", str(issues), "--seed", "21"]
        else:
            command = [sys.executable, "-m", "tools.synth", str(source), "--issues", str(issues), "--seed", "4"]
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return source


def _ensure_scans(source: Path, out: Path, profiles: list[str], jobs: int) -> None:
    missing = [p for p in profiles if not any(out.glob(f"*.{p}.truth.json"))]
    if missing:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_scans.py"), str(source), str(out),
                        "--profiles", ",".join(missing), "--jobs", str(jobs)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=ROOT / "bench" / "scans")
    parser.add_argument("--issues", type=int, default=3, help="born-digital issues to scan (default 3)")
    parser.add_argument("--profiles", default=",".join(PROFILES))
    parser.add_argument("--indep", action="store_true", help="use the independent layouts (bench/indep)")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    profiles = [p for p in args.profiles.split(",") if p]
    folder = args.folder / ("indep" if args.indep else "synth")
    source = _ensure_sources(folder, args.issues, args.indep)
    scans = folder / "scans"
    _ensure_scans(source, scans, profiles, args.jobs or 2)
    cache = None if args.no_cache else ROOT / "bench" / ".ocr-cache"
    ingest = partial(ingest_pdf, ocr=OcrOptions(jobs=args.jobs, cache_dir=cache))
    reports = {}
    for profile in profiles:
        reports[profile] = evaluate(scans, args.verbose, ingest=ingest, pattern=f"*.{profile}.truth.json")
        print(f"{profile}: F1 {reports[profile]['f1']:.4f}, CER {reports[profile]['cer']}, {reports[profile]['seconds']} s", file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=1))
        return 0
    print(f"{'independent' if args.indep else 'tools.synth'} layouts, {args.issues} issues scanned per profile\n")
    print("| profile | pages | docs | precision | recall | F1 | CER | " + " | ".join(FIELDS) + " |")
    print("|---|" + "---|" * (6 + len(FIELDS)))
    for profile, r in reports.items():
        fields = " | ".join(f"{r['fields'][f]:.3f}" if r["fields"].get(f) is not None else "n/a" for f in FIELDS)
        cer = f"{r['cer']:.3%}" if r["cer"] is not None else "n/a"
        print(f"| {profile} | {r['pages']} | {r['truth_documents']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {cer} | {fields} |")
    if args.verbose:
        for profile, r in reports.items():
            for line in r.get("mismatches", []):
                print(f"  - [{profile}] {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
