"""OCR speed, side by side in one run (``python bench/bench_ocr.py``).

On the same scanned pages (an ``office200`` scan of a synthetic issue, made by
``bench/make_scans.py`` into ``bench/scans/speed/``), measures wall time per page of:

(a) the bare engine: ``RapidOCR()`` with its default settings in one process, on the
    pages already rendered at 200 dpi (rendering is not counted against it);
(b) ``gazette ingest`` (``ingest_pdf`` with OCR, a fresh cache): rendering, page
    orientation, recognition in ``--jobs`` worker processes, layout, correction,
    splitting and metadata;
(c) the same on a local two-worker Dask cluster (``--scheduler``), pages rendered here
    and sent as images;
(d) a re-ingest of (b) served from the OCR cache.

Prints seconds per page, the throughput ratio (b ÷ a; target ≥ 1.3), the distributed
overhead (c ÷ b; target ≤ 1.10), the cache speed-up (b ÷ d; target ≥ 50) and the peak
resident memory of the worker processes. ``--pages N`` limits the pages (default 24).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from pypdf import PdfReader, PdfWriter  # noqa: E402

from gazette.ingest import ingest_pdf  # noqa: E402
from gazette.ocr import OcrOptions  # noqa: E402
from gazette.ocr.render import render_page  # noqa: E402

FOLDER = ROOT / "bench" / "scans" / "speed"


def scanned_issue(pages: int) -> Path:
    """An office200 scan of a synthetic issue, cut to ``pages`` pages."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    cut = FOLDER / f"speed-{pages}.pdf"
    if cut.exists():
        return cut
    born = FOLDER / "born"
    if not any(born.glob("*.truth.json")):
        subprocess.run([sys.executable, "-m", "tools.synth", str(born), "--issues", "1", "--seed", "9", "--pages", str(pages)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_scans.py"), str(born), str(FOLDER), "--profiles", "office200"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    scan = next(FOLDER.glob("*.office200.pdf"))
    reader, writer = PdfReader(scan), PdfWriter()
    for page in reader.pages[:pages]:
        writer.add_page(page)
    with cut.open("wb") as fh:
        writer.write(fh)
    return cut


def bare_engine(pdf: Path, pages: int) -> float:
    """Seconds per page of RapidOCR with default settings, one process, pre-rendered pages."""
    from rapidocr import RapidOCR

    images = [np.asarray(render_page(pdf, i, 200).image.convert("RGB")) for i in range(1, pages + 1)]
    engine = RapidOCR(params={"Global.log_level": "error"})
    started = time.perf_counter()
    for image in images:
        engine(image)
    return (time.perf_counter() - started) / pages


def ingest(pdf: Path, pages: int, cache: Path, **options: object) -> tuple[float, int]:
    started = time.perf_counter()
    result = ingest_pdf(pdf, ocr=OcrOptions(cache_dir=cache, **options))
    return (time.perf_counter() - started) / pages, len(result.documents)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    pdf = scanned_issue(args.pages)
    pages = len(PdfReader(pdf).pages)
    work = Path(tempfile.mkdtemp(prefix="gazette-bench-ocr-"))
    try:
        bare = bare_engine(pdf, pages)
        local, docs = ingest(pdf, pages, work / "local", jobs=args.jobs)
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        cached, _ = ingest(pdf, pages, work / "local", jobs=args.jobs)
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            ingest(pdf, 2, work / "warm", scheduler=cluster.scheduler_address)  # workers load the engine
            shutil.rmtree(work / "warm")
            remote, _ = ingest(pdf, pages, work / "remote", scheduler=cluster.scheduler_address)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = {
        "pages": pages, "documents": docs,
        "bare_engine_s_per_page": round(bare, 3), "ingest_s_per_page": round(local, 3),
        "throughput_ratio": round(bare / local, 2),
        "dask_2_workers_s_per_page": round(remote, 3), "dask_overhead": round(remote / local, 3),
        "cached_s_per_page": round(cached, 4), "cache_speedup": round(local / cached, 1),
        "peak_worker_rss_mib": round(worker_rss),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(f"{pages} scanned pages (office200), {docs} documents\n")
        print("| figure | value | target |\n|---|---|---|")
        print(f"| bare RapidOCR, default settings, 1 process | {bare:.2f} s/page | |")
        print(f"| gazette ingest (all cores) | {local:.2f} s/page | ≤ 3 s/page |")
        print(f"| throughput, ingest ÷ bare engine | {bare / local:.2f}× | ≥ 1.3× |")
        print(f"| Dask, 2-worker local cluster | {remote:.2f} s/page ({remote / local:.2f}× local) | ≤ 1.10× |")
        print(f"| re-ingest from the OCR cache | {cached * 1000:.1f} ms/page ({local / cached:.0f}× faster) | ≥ 50× |")
        print(f"| peak RSS of one OCR worker | {worker_rss:.0f} MiB | |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
