"""Ingest speed against bare pypdf text extraction (``python bench/bench_ingest.py``).

Makes (or reuses) a synthetic issue of at least ``--pages`` pages (default 200) in
``bench/synth-<pages>/`` with ``python -m tools.synth … --pages N``, then measures
pages per second, best of ``--runs`` (default 3) runs each (taking turns), of

(a) bare pypdf: ``PdfReader(f).pages[i].extract_text()`` over every page, and
(b) ``gazette.ingest.ingest_pdf`` on the same file (text extraction, furniture, cover,
    目录, splitting, metadata, body structure),

and prints both, their ratio (ingest ÷ pypdf; the target is ≥ 0.75, i.e. the parsing
around pypdf costs at most a third of pypdf's own time) and the peak memory of each
(tracemalloc peak of Python allocations during the best run, plus the process's
maximum resident set size at the end). ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

TARGET = 0.75


def ensure_issue(pages: int, seed: int) -> Path:
    """The big synthetic issue, generated once and reused afterwards."""
    folder = ROOT / "bench" / f"synth-{pages}"
    pdf = folder / f"big-{pages}.pdf"
    if not pdf.exists() or not pdf.with_suffix(".truth.json").exists():
        print(f"generating {pdf.relative_to(ROOT)} …", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "tools.synth", str(folder), "--pages", str(pages), "--seed", str(seed)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return pdf


def bare_pypdf(pdf: Path) -> int:
    with pdf.open("rb") as f:
        reader = PdfReader(f)
        n = len(reader.pages)
        for i in range(n):
            reader.pages[i].extract_text()
    return n


def gazette_ingest(pdf: Path) -> int:
    from gazette.ingest import ingest_pdf

    result = ingest_pdf(pdf)
    return result.issue.page_count


def measure(fns: dict, pdf: Path, runs: int) -> dict:
    """Best wall time of each function over ``runs`` rounds; the functions take turns within
    a round so that a change in machine load affects both alike. Peak traced memory is
    measured in one extra run each (tracing slows Python down, so it is kept out of the
    timed runs)."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    pages: dict[str, int] = {}
    for _ in range(runs):
        for name, fn in fns.items():
            gc.collect()
            started = time.perf_counter()
            pages[name] = fn(pdf)
            times[name].append(time.perf_counter() - started)
    out = {}
    for name, fn in fns.items():
        gc.collect()
        tracemalloc.start()
        fn(pdf)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        best = min(times[name])
        out[name] = {"pages": pages[name], "seconds": round(best, 3), "pages_per_second": round(pages[name] / best, 1),
                     "runs": [round(t, 3) for t in times[name]], "peak_traced_mib": round(peak / 2**20, 1)}
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200, help="size of the synthetic issue (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (best is reported)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pdf", type=Path, help="measure this PDF instead of the synthetic issue")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    pdf = args.pdf or ensure_issue(args.pages, args.seed)
    import gazette.ingest  # noqa: F401  (import cost is not part of the measurement)

    results = measure({"pypdf": bare_pypdf, "ingest": gazette_ingest}, pdf, args.runs)
    bare, ingest = results["pypdf"], results["ingest"]
    ratio = ingest["pages_per_second"] / bare["pages_per_second"]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    report = {"pdf": str(pdf.relative_to(ROOT) if pdf.is_relative_to(ROOT) else pdf), "pypdf": bare,
              "ingest": ingest, "ratio": round(ratio, 3), "target": TARGET, "meets_target": ratio >= TARGET,
              "max_rss_mib": round(rss, 1)}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print(f"{report['pdf']}: {bare['pages']} pages, best of {args.runs} runs\n")
    print("| measurement | pages/s | best s | peak traced MiB |")
    print("|---|---|---|---|")
    print(f"| pypdf extract_text (bare) | {bare['pages_per_second']} | {bare['seconds']} | {bare['peak_traced_mib']} |")
    print(f"| gazette ingest_pdf | {ingest['pages_per_second']} | {ingest['seconds']} | {ingest['peak_traced_mib']} |")
    print(f"\nratio ingest/pypdf: {ratio:.3f} (target ≥ {TARGET}: {'met' if ratio >= TARGET else 'NOT met'}); "
          f"process max RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
