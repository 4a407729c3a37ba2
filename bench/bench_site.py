"""Site build and browser-search benchmark (``python bench/bench_site.py --docs 1000,10000``).

For each archive size: a full ``gazette build`` (wall time, peak memory of the build and
of Pagefind, site and index size), the bytes a browser downloads for one query
(measured in headless Chromium from the network events of the search page), and the time
to publish one new 40-document issue into the archive (``add_issue`` + an incremental
``gazette build``). With ``--material`` it also builds the 1,000-document archive with
Material's built-in search to report the size of its ``search_index.json``.
Archives are generated with bench/make_archive.py and cached under build/bench/.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from common import dir_size, markdown_table  # noqa: E402
from make_archive import add_issue, make_archive  # noqa: E402

GAZETTE = [sys.executable, "-m", "gazette"]
QUERIES = ["公开", "政务公开", "管理办法", "施行", "安全生产"]



def _timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def _wire_size(site: Path, path: str, raw: int) -> int:
    """Bytes on the wire behind a web server that gzips text (Pagefind's own data files
    are gzip already and are counted as they are)."""
    import gzip

    data = (site / path.lstrip("/").split("?")[0]).read_bytes()
    if data[:2] == b"\x1f\x8b" or len(data) != raw:
        return raw
    return min(raw, len(gzip.compress(data, 6)))


def query_bytes(site: Path, queries: list[str]) -> list[int]:
    """Bytes the server sent under /pagefind/ while Chromium ran each query.

    Counted on the server side, so requests made from Pagefind's web worker are
    included. Pagefind's index chunks and fragments are gzip files already and count as
    stored; JavaScript, CSS and WebAssembly count as a gzip-compressing web server (any
    production server) would send them.
    """
    import functools
    import http.server
    import threading

    from browser import Browser

    served: list[tuple[str, int]] = []

    class CountingHandler(http.server.SimpleHTTPRequestHandler):
        def copyfile(self, source, outputfile):  # type: ignore[no-untyped-def]
            data = source.read()
            served.append((self.path, len(data)))
            try:
                outputfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the page moved on (next query)

        def log_message(self, format, *args):  # type: ignore[no-untyped-def]  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    chrome = Browser()
    try:
        chrome.call("Network.enable", session=True)
        chrome.call("Network.setCacheDisabled", {"cacheDisabled": True}, session=True)
        for query in queries:
            served.clear()
            chrome.goto(f"{base}search/?q={query}", settle=0.5)
            chrome.wait_for("document.querySelectorAll('.pagefind-ui__result-link').length > 0 || "
                            "!!document.querySelector('.pagefind-ui__message')", timeout=60)
            time.sleep(1.5)
            results.append(sum(_wire_size(site, path, n) for path, n in served if path.startswith("/pagefind/")))
    finally:
        chrome.close()
        server.shutdown()
    return results


def run(n_docs: int, work: Path, material: bool) -> dict:
    archive = work / f"archive-{n_docs}"
    if not archive.exists():
        make_archive(archive, n_docs)
    site = work / f"site-{n_docs}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(site.parent / f".{site.name}.gazette-cache", ignore_errors=True)
    seconds, peak = _timed(GAZETTE + ["build", "--content", str(archive), "--site", str(site), "--full"])
    report = {
        "documents": n_docs,
        "full_build_s": round(seconds, 1),
        "peak_rss_mb": round(peak),
        "site_mb": round(dir_size(site) / 1e6, 1),
        "pagefind_mb": round(dir_size(site / "pagefind") / 1e6, 1),
    }
    sizes = query_bytes(site, QUERIES)
    report["query_kb_median"] = round(statistics.median(sizes) / 1024)
    report["query_kb_max"] = round(max(sizes) / 1024)
    grown = work / f"archive-{n_docs}-plus"
    shutil.rmtree(grown, ignore_errors=True)
    shutil.copytree(archive, grown)
    shutil.rmtree(grown / ".gazette", ignore_errors=True)
    site_plus = work / f"site-{n_docs}-plus"
    for stale in (site_plus, site_plus.parent / f".{site_plus.name}.gazette-cache"):
        shutil.rmtree(stale, ignore_errors=True)
    shutil.copytree(site, site_plus)
    shutil.copytree(site.parent / f".{site.name}.gazette-cache", site_plus.parent / f".{site_plus.name}.gazette-cache")
    add_issue(grown)
    seconds, _ = _timed(GAZETTE + ["build", "--content", str(grown), "--site", str(site_plus)])
    report["publish_issue_s"] = round(seconds, 1)
    if material:
        report["material_search_index_mb"] = material_index_mb(archive, work)
    return report


def material_index_mb(archive: Path, work: Path) -> float:
    """Size of Material's built-in search_index.json for the same archive (for comparison)."""
    config = work / "mkdocs-material-search.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search")
    config.write_text(text.replace("custom_dir: site_config", f"custom_dir: {ROOT / 'site_config'}"), encoding="utf-8")
    site = work / "site-material"
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(GAZETTE + ["build", "--content", str(archive), "--site", str(site), "--config", str(config), "--full"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    index = site / "search" / "search_index.json"
    return round(index.stat().st_size / 1e6, 1) if index.exists() else 0.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="1000,10000")
    parser.add_argument("--material", action="store_true", help="also measure Material's search index (1,000 docs)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--query-only", type=Path, metavar="SITE", help="only measure bytes per query on a built site")
    args = parser.parse_args(argv)
    if args.query_only:
        sizes = query_bytes(args.query_only, QUERIES)
        print(json.dumps(dict(zip(QUERIES, [round(n / 1024) for n in sizes])), ensure_ascii=False))
        return 0
    work = ROOT / "build" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    reports = [run(int(n), work, args.material and int(n) <= 1000) for n in args.docs.split(",")]
    if args.json:
        print(json.dumps(reports, indent=1))
        return 0
    print(markdown_table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
