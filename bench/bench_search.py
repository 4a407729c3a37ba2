"""Command-line search benchmark (``python bench/bench_search.py --docs 1000,10000``).

For each archive size: a full Whoosh index build, the incremental update after one new
40-document issue, median and 95th-percentile query latency over varied queries
(2-character terms, 4-character terms, phrases, 文号, filters) and the index size.
Archives are generated with bench/make_archive.py and cached under build/bench/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazette.searchindex import build_index, search  # noqa: E402
from common import dir_size, markdown_table  # noqa: E402
from make_archive import add_issue, make_archive  # noqa: E402

QUERIES = [
    ("公开", {}), ("施行", {}), ("管理", {}), ("务公", {}), ("政务公开", {}), ("安全生产", {}), ("行政处罚", {}),
    ('"自公布之日起施行"', {}), ("环境 保护", {}), ("鲁政发〔2005〕41号", {}), ("鲁政发[2010]50号", {}),
    ("许可", {"kind": "regulation"}), ("公开", {"year": 2005}), ("安全", {"issuer": "山东省财政厅"}),
]



def run(n_docs: int, work: Path) -> dict:
    archive = work / f"search-archive-{n_docs}"
    shutil.rmtree(archive, ignore_errors=True)
    make_archive(archive, n_docs)
    index = work / f"search-index-{n_docs}"
    shutil.rmtree(index, ignore_errors=True)
    started = time.perf_counter()
    build_index(archive, index, rebuild=True)
    full = time.perf_counter() - started
    add_issue(archive)
    started = time.perf_counter()
    report = build_index(archive, index)
    incremental = time.perf_counter() - started
    latencies = []
    for _ in range(3):
        for query, filters in QUERIES:
            started = time.perf_counter()
            search(index, query, limit=10, **filters)
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {
        "documents": n_docs,
        "full_index_s": round(full, 1),
        "add_issue_s": round(incremental, 1),
        "add_issue_docs": report.added,
        "query_ms_median": round(statistics.median(latencies), 1),
        "query_ms_p95": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "index_mb": round(dir_size(index) / 1e6, 1),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="1000,10000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = ROOT / "build" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    reports = [run(int(n), work) for n in args.docs.split(",")]
    if args.json:
        print(json.dumps(reports, indent=1))
        return 0
    print(markdown_table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
