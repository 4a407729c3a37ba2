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


def query_bytes(site: Path, queries: list[str]) -> list[int]:
    """Bytes transferred under /pagefind/ for each query typed into the search page."""
    from browser import Browser, SiteServer

    results = []
    with SiteServer(site) as server:
        chrome = Browser()
        try:
            chrome.call("Network.enable", session=True)
            chrome.call("Network.setCacheDisabled", {"cacheDisabled": True}, session=True)
            for query in queries:
                chrome.goto(f"{server.url}search/?q={query}", settle=0.5)
                chrome.wait_for("document.querySelectorAll('.pagefind-ui__result-link').length > 0 || "
                                "!!document.querySelector('.pagefind-ui__message')", timeout=30)
                time.sleep(1.0)
                chrome.js("1")
                urls, sizes = {}, {}
                for event in chrome.events:
                    params = event.get("params", {})
                    if event.get("method") == "Network.requestWillBeSent":
                        urls[params["requestId"]] = params["request"]["url"]
                    elif event.get("method") == "Network.loadingFinished":
                        sizes[params["requestId"]] = params.get("encodedDataLength", 0)
                results.append(sum(n for rid, n in sizes.items() if "/pagefind/" in urls.get(rid, "")))
        finally:
            chrome.close()
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
    args = parser.parse_args(argv)
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
