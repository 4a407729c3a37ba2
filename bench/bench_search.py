"""Command-line search benchmark (``python bench/bench_search.py --docs 1000,10000``).

For each archive size: a full Whoosh index build, the incremental update after one new
40-document issue (and a no-change update), median and 95th-percentile latency of
``searchindex.search`` (which opens the index, as the CLI does) over 50 varied queries
(1-, 2- and 4-character terms, two-word queries, quoted phrases, 文号 in several bracket
and digit styles, filters), the wall time of a whole ``gazette search`` process, and the
index size. Prints a Markdown table.

Archives are generated with bench/make_archive.py and cached under
build/bench/search-archive-N (delete them to regenerate); the timed "add one issue" runs
on a copy, so the cache is never changed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gazette.content import issue_from_file  # noqa: E402
from gazette.searchindex import build_index, search  # noqa: E402
from common import dir_size, percentile  # noqa: E402
from make_archive import add_issue, archive_for  # noqa: E402

TERMS_1 = ["法", "税", "港"]
TERMS_2 = ["公开", "施行", "管理", "务公", "许可", "应急", "海关", "药品", "船舶", "补贴", "罚款", "监督"]
TERMS_4 = ["政务公开", "安全生产", "行政处罚", "生态环境", "公共卫生", "信息公开", "财政资金", "招标投标"]
TWO_WORDS = ["环境 保护", "药品 监督", "船舶 登记", "许可 期限"]
PHRASES = ['"自公布之日起施行"', '"本办法自"', '"县级以上人民政府"', '"违反本规定"', '"国务院有关部门"']
FILTERED = [("许可", {"kind": "regulation"}), ("公开", {"year": 2005}), ("安全", {"issuer": "山东省财政厅"}),
            ("管理", {"kind": "normative", "year": 2003}), ("监督", {"issuer": "山东省人民政府"})]


def doc_number_queries(archive: Path, count: int = 13) -> list[str]:
    """文号 that exist in the archive, written in varying bracket and digit styles."""
    numbers = []
    issues = sorted(archive.glob("*/issue.md"))
    for n, issue_path in enumerate(issues[::max(1, len(issues) // count)] * 4):
        toc = [t.doc_number for t in issue_from_file(issue_path).toc if t.doc_number and "〔" in t.doc_number]
        numbers += toc[n // count % len(toc):][:1] if toc else []
    styles = [lambda s: s, lambda s: s.replace("〔", "[").replace("〕", "]"),
              lambda s: s.translate(str.maketrans("0123456789〔〕", "０１２３４５６７８９［］"))]
    return [styles[i % 3](n) for i, n in enumerate(numbers[:count])]


def queries(archive: Path) -> list[tuple[str, str, dict]]:
    out = [("1-char", q, {}) for q in TERMS_1] + [("2-char", q, {}) for q in TERMS_2]
    out += [("4-char", q, {}) for q in TERMS_4] + [("2 words", q, {}) for q in TWO_WORDS]
    out += [("phrase", q, {}) for q in PHRASES] + [("文号", q, {}) for q in doc_number_queries(archive)]
    out += [("filtered", q, f) for q, f in FILTERED]
    return out


def run(n_docs: int, work: Path, keep_index: bool = False) -> dict:
    archive = archive_for(n_docs, work)
    index = work / f"search-index-{n_docs}"
    full = None
    if not (keep_index and index.exists()):
        shutil.rmtree(index, ignore_errors=True)
        started = time.perf_counter()
        build_index(archive, index, rebuild=True)
        full = time.perf_counter() - started
    build_index(archive, index)  # an index of another version is rebuilt here
    size = dir_size(index)

    started = time.perf_counter()
    build_index(archive, index)
    noop = time.perf_counter() - started

    grown = work / f"search-archive-{n_docs}-plus"
    shutil.rmtree(grown, ignore_errors=True)
    shutil.copytree(archive, grown)
    add_issue(grown)
    started = time.perf_counter()
    report = build_index(grown, index)
    incremental = time.perf_counter() - started

    by_kind: dict[str, list[float]] = {}
    latencies: list[float] = []
    qs = queries(grown)
    search(index, "公开")  # warm the file cache once
    for _ in range(3):
        for category, query, filters in qs:
            started = time.perf_counter()
            search(index, query, limit=10, **filters)
            ms = (time.perf_counter() - started) * 1000
            latencies.append(ms)
            by_kind.setdefault(category, []).append(ms)

    cli = []
    for query in ("政务公开", "公开"):
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "gazette", "search", query, "--index", str(index)],
                           check=True, capture_output=True)
            cli.append(time.perf_counter() - started)
    shutil.rmtree(grown, ignore_errors=True)
    return {
        "documents": n_docs,
        "content_mb": round(dir_size(archive) / 1e6, 1),
        "full_index_s": round(full, 1) if full is not None else "(kept)",
        "index_mb": round(size / 1e6, 1),
        "noop_update_s": round(noop, 2),
        "add_issue_s": round(incremental, 2),
        "add_issue_docs": report.added,
        "queries": len(qs),
        "query_ms_median": round(statistics.median(latencies), 1),
        "query_ms_p95": round(percentile(latencies, 0.95), 1),
        **{f"median_ms_{k}": round(statistics.median(v), 1) for k, v in by_kind.items()},
        "cli_search_s_median": round(statistics.median(cli), 2),
    }


def table(reports: list[dict]) -> str:
    """Figures as rows, archive sizes as columns."""
    lines = ["| figure | " + " | ".join(f"{r['documents']:,} docs" for r in reports) + " |",
             "|---|" + "---|" * len(reports)]
    for key in reports[0]:
        if key != "documents":
            lines.append(f"| {key} | " + " | ".join(str(r.get(key, "")) for r in reports) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="1000,10000", help="comma-separated archive sizes")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    parser.add_argument("--keep-index", action="store_true", help="reuse build/bench/search-index-N when it exists (no full build timed)")
    args = parser.parse_args(argv)
    work = ROOT / "build" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    reports = []
    for n in args.docs.split(","):
        reports.append(run(int(n), work, args.keep_index))
        print(json.dumps(reports[-1], ensure_ascii=False), file=sys.stderr)
    print(json.dumps(reports, indent=1, ensure_ascii=False) if args.json else table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
