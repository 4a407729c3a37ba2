"""Site build and browser-search benchmark (``python bench/bench_site.py --docs 1000,10000``).

For each archive size: a full ``gazette build`` (wall time, peak memory, site and
search-index size, mean document page size), the bytes a browser downloads for one
query (counted at the HTTP server for the search page in headless Chromium), and the time
to publish one new 40-document issue into the archive (``add_issue`` + an incremental
``gazette build``). With ``--material`` it also builds the 1,000-document archive with
Material's built-in search to report the size of its ``search_index.json``.
Archives are generated with bench/make_archive.py and cached under build/bench/.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from common import dir_size, markdown_table  # noqa: E402
from make_archive import add_issue, make_archive  # noqa: E402

GAZETTE = [sys.executable, "-m", "gazette"]
QUERIES = ["公开", "政务公开", "管理办法", "施行", "安全生产", "县级以上人民政府", "行政處罰", "鲁政发〔2001〕5号",
           '"自公布之日起施行"', "行政 许可"]



def _timed(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the largest process of the command (itself or a
    child it waited for: ``wait4``), and the phases line ``gazette build`` prints."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode:
        tail = "\n".join(stderr.splitlines()[-15:])
        raise SystemExit(f"{' '.join(command)} failed (exit {process.returncode}):\n{tail}")
    phases = next((line.strip() for line in stderr.splitlines() if line.startswith("  load content")), "")
    return seconds, usage.ru_maxrss / 1024, phases


class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with caching off and records (path, bytes) of every response."""

    log: list[tuple[str, int]] = []

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # type: ignore[override]
        data = source.read()
        outputfile.write(data)
        type(self).log.append((self.path, len(data)))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


DONE = ("!!document.querySelector('.gz-search-status') && "
        "/共|约|没有|出错|无法/.test(document.querySelector('.gz-search-status').textContent)")


def query_bytes(site: Path, queries: list[str]) -> list[dict]:
    """What one query costs in bytes, counted at the HTTP server.

    Headless Chromium opens a fresh search page per query with caching off
    (``/search/?q=…``, as a shared link or the home page's search box does); once the
    results are shown and no request has arrived for a second, the bytes served are
    summed: the search index files (``/search-index/``, gzip'd by Gazette itself, so no
    server compression is assumed), the search script, and everything else the page
    loads (HTML, Material's CSS and JS, fonts), counted apart.
    """
    from urllib.parse import quote

    from browser import Browser

    handler = functools.partial(_CountingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    results = []
    chrome = Browser()
    try:
        chrome.call("Network.enable", session=True)
        chrome.call("Network.setCacheDisabled", {"cacheDisabled": True}, session=True)
        for query in queries:
            _CountingHandler.log.clear()
            chrome.goto(f"{url}search/?q={quote(query)}", settle=0.2)
            chrome.wait_for(DONE, timeout=90)
            seen = -1
            while seen != len(_CountingHandler.log):
                seen = len(_CountingHandler.log)
                time.sleep(1.0)
            parts = {"query": query, "index": 0, "script": 0, "page": 0, "requests": len(_CountingHandler.log)}
            for path, size in list(_CountingHandler.log):
                kind = "index" if path.startswith("/search-index/") else "script" if "gazette-search.js" in path else "page"
                parts[kind] += size
            parts["total"] = parts["index"] + parts["script"]
            parts["results"] = chrome.js("document.querySelectorAll('.gz-result').length")
            parts["status"] = chrome.js("document.querySelector('.gz-search-status').textContent")
            results.append(parts)
    finally:
        chrome.close()
        server.shutdown()
        server.server_close()
    return results


def run(n_docs: int, work: Path, material: bool) -> dict:
    archive = work / f"archive-{n_docs}"
    if not archive.exists():
        make_archive(archive, n_docs)
    site = work / f"site-{n_docs}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(site.parent / f".{site.name}.gazette-cache", ignore_errors=True)
    seconds, peak, phases = _timed(GAZETTE + ["build", "--content", str(archive), "--site", str(site), "--full"])
    report = {
        "documents": n_docs,
        "full_build_s": round(seconds, 1),
        "peak_rss_mb": round(peak),
        "full_build_phases": phases,
        "site_mb": round(dir_size(site) / 1e6, 1),
        "search_index_mb": round(dir_size(site / "search-index") / 1e6, 1),
        "search_blocks": len(json.loads((site / "search-index" / "meta.json").read_text(encoding="utf-8"))["blocks"]),
        "doc_page_kb_mean": round(statistics.mean(p.stat().st_size for p in site.glob("*/[0-9][0-9]/index.html")) / 1024, 1),
    }
    per_query = query_bytes(site, QUERIES)
    sizes = [q["total"] for q in per_query]
    report["query_kb_median"] = round(statistics.median(sizes) / 1024)
    report["query_kb_max"] = round(max(sizes) / 1024)
    report["queries"] = per_query
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
    seconds, peak, phases = _timed(GAZETTE + ["build", "--content", str(grown), "--site", str(site_plus)])
    report["publish_issue_s"] = round(seconds, 1)
    report["publish_phases"] = phases
    report["publish_peak_rss_mb"] = round(peak)
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
        sizes = [q["total"] for q in query_bytes(args.query_only, QUERIES)]
        print(json.dumps(dict(zip(QUERIES, [round(n / 1024) for n in sizes])), ensure_ascii=False))
        return 0
    work = ROOT / "build" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    reports = [run(int(n), work, args.material and int(n) <= 1000) for n in args.docs.split(",")]
    if args.json:
        print(json.dumps(reports, indent=1))
        return 0
    print(markdown_table([{k: v for k, v in r.items() if k != "queries"} for r in reports]))
    print()
    print(markdown_table([{"documents": r["documents"], **q} for r in reports for q in r["queries"]]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
