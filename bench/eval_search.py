"""Search-quality benchmark: recall, precision@10, "wanted first", latency and bytes per query.

``python bench/eval_search.py --docs 1000,10000 [--only browser|cli] [--details]``

For each archive size the queries of bench/search_queries.py (same queries at every size,
ground truth recomputed by scanning every text) run in

* the command-line search (``gazette.searchindex.search_page``): the first 10 hits of a
  ``limit=10`` call (timed, 3 runs per query after one warm-up query) give precision@10 and
  "wanted first"; a ``limit=1_000_000`` call gives every result, for recall;
* the browser search of the built site in headless Chromium: ``search/?q=…`` opened in a
  fresh browser context (empty cache and storage) per query; the first 10 ``.gz-result h2 a``
  of the page give precision@10 and "wanted first", ``window.gazetteSearch.all(query, {})``
  gives every result, for recall. Bytes per query are counted at the HTTP server (response
  bodies, everything the page loads until the status line is final and the network has
  been quiet for 0.5 s; the later ``all()`` call is not counted).

Recall = found ∩ relevant / relevant (queries whose ground truth is empty are left out);
P@10 = relevant among the first ≤10 results shown / results shown (queries with no result
are left out, and counted under "no results"). Kind ``latin`` (pinyin / English) is report
only and not in the "all" row. Archives are cached under build/bench/search-archive-N (as
bench_search.py does), sites under build/bench/evalsearch-site-N (rebuilt when gazette/,
site_config/ or mkdocs.yml changed after build/bench/evalsearch-site-N.complete); per-query results are written to
build/bench/eval-search-N.json.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from common import markdown_table, percentile  # noqa: E402
from make_archive import archive_for  # noqa: E402
from search_queries import KINDS, REPORT_ONLY, Corpus, Query, generate_queries, ground_truth, norm  # noqa: E402

ALL = 1_000_000
STATUS_DONE = "/共|约|没有|出错/.test((document.querySelector('.gz-search-status') || {}).textContent || '')"


def url_to_id(url: str) -> str:
    """``2023-01/05/`` (or ``/2023-01/05/``, or a full URL) → ``2023-01-05``."""
    path = urllib.parse.urlsplit(url).path if "://" in url else url.split("?")[0].split("#")[0]
    parts = [p for p in path.split("/") if p and p != "index.html"]
    return "-".join(parts[-2:]) if len(parts) >= 2 else path


# ---------------------------------------------------------------- command line

def run_cli(archive: Path, queries: list[Query], log) -> list[dict]:
    from gazette.searchindex import build_index, default_index_dir, search_page

    started = time.perf_counter()
    report = build_index(archive, procs=2)
    log(f"  index: {report} in {time.perf_counter() - started:.1f} s")
    index = default_index_dir(archive)
    search_page(index, "公开")  # warm the file cache
    out = []
    for q in queries:
        row: dict = {"ms": []}
        try:
            for _ in range(3):
                started = time.perf_counter()
                result = search_page(index, q.text, limit=10)
                row["ms"].append((time.perf_counter() - started) * 1000)
            row["top"] = [h.id for h in result.hits]
            row["total"] = result.total
            row["suggestion"] = getattr(result, "suggestion", None)
            row["all"] = [h.id for h in search_page(index, q.text, limit=ALL).hits]
        except Exception as exc:  # a failing query is a finding, not a crash
            row.update(error=f"{type(exc).__name__}: {exc}", top=[], all=[], total=0, suggestion=None)
        out.append(row)
    return out


# ---------------------------------------------------------------- browser

class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records (path, body bytes) of every response."""

    log: list[tuple[str, int]] = []

    def copyfile(self, source, outputfile) -> None:  # type: ignore[override]
        sent = 0
        try:
            while True:
                chunk = source.read(1 << 16)
                if not chunk:
                    break
                outputfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page went away (its browser context was disposed) mid-response
        type(self).log.append((self.path, sent))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _fresh_context(chrome, previous: str | None) -> str:
    """A new incognito-like browser context with one page; the DevTools session moves to it."""
    if previous:
        try:
            chrome.call("Target.disposeBrowserContext", {"browserContextId": previous})
        except RuntimeError:
            pass
    context = chrome.call("Target.createBrowserContext", {})["browserContextId"]
    target = chrome.call("Target.createTarget", {"url": "about:blank", "browserContextId": context})["targetId"]
    chrome.session = chrome.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    chrome.call("Page.enable", session=True)
    chrome.call("Runtime.enable", session=True)
    chrome.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=True)
    return context


def _js(chrome, expression: str, timeout: float = 30):
    result = chrome.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                         session=True, timeout=timeout)
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        raise RuntimeError((details.get("exception") or {}).get("description") or details.get("text", "JavaScript error"))
    return result["result"].get("value")


def _wait(chrome, expression: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _js(chrome, expression):
            return
        time.sleep(0.05)
    raise TimeoutError(expression)


def _quiet(seconds: float = 0.5, limit: float = 10) -> None:
    """Wait until no request has been served for ``seconds``."""
    deadline = time.monotonic() + limit
    seen = -1
    while seen != len(_CountingHandler.log) and time.monotonic() < deadline:
        seen = len(_CountingHandler.log)
        time.sleep(seconds)


@functools.lru_cache(maxsize=None)
def _gzip_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else min(len(data), len(gzip.compress(data, 6)))


def _code_newer_than(marker: Path) -> bool:
    """True when the site generator or its assets changed after the site was built."""
    built = marker.stat().st_mtime
    sources = [ROOT / "mkdocs.yml", *(ROOT / "gazette").rglob("*.py"), *(ROOT / "site_config").rglob("*")]
    return any(p.is_file() and p.stat().st_mtime > built for p in sources)


def run_browser(archive: Path, n_docs: int, work: Path, queries: list[Query], log) -> list[dict]:
    from gazette.site import build_site
    from browser import Browser

    site = work / f"evalsearch-site-{n_docs}"
    marker = work / f"evalsearch-site-{n_docs}.complete"
    if not marker.exists() or not (site / "search" / "index.html").exists() or _code_newer_than(marker):
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(site.parent / f".{site.name}.gazette-cache", ignore_errors=True)
        started = time.perf_counter()
        build_site(archive, site, ROOT / "mkdocs.yml", "http://127.0.0.1/")
        log(f"  site built in {time.perf_counter() - started:.1f} s")
        marker.write_text(f"build_site({archive.name})\n")
    handler = functools.partial(_CountingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    chrome = Browser()
    context = None
    out = []
    try:
        for q in queries:
            row: dict = {}
            try:
                context = _fresh_context(chrome, context)
                _CountingHandler.log.clear()
                started = time.perf_counter()
                chrome.goto(f"{base}search/?q={urllib.parse.quote(q.text)}", settle=0)
                _wait(chrome, STATUS_DONE, 120)
                row["ms"] = (time.perf_counter() - started) * 1000
                _quiet()
                served = list(_CountingHandler.log)
                row["bytes"] = sum(n for _, n in served)
                row["requests"] = len(served)
                row["bytes_gzip"] = sum(_gzip_size(site / urllib.parse.unquote(p.split("?")[0]).lstrip("/"))
                                        if (site / urllib.parse.unquote(p.split("?")[0]).lstrip("/")).is_file() else n
                                        for p, n in served)
                by_ext: dict[str, int] = {}
                for p, n in served:
                    name = p.split("?")[0].rsplit("/", 1)[-1]
                    ext = name.rsplit(".", 1)[-1] if "." in name else "(html)"
                    by_ext[ext] = by_ext.get(ext, 0) + n
                row["bytes_by_ext"] = by_ext
                row["bytes_search"] = sum(n for p, n in served if "search-index" in p or p.split("?")[0].endswith((".gz", ".json")))
                row["served"] = served
                row["status"] = _js(chrome, "document.querySelector('.gz-search-status').textContent.trim()")
                row["top"] = [url_to_id(u) for u in _js(chrome, "Array.from(document.querySelectorAll('.gz-result h2 a'))"
                                                                 ".slice(0, 10).map(a => new URL(a.href).pathname)")]
                row["suggestion"] = _js(chrome, "(() => { const e = document.querySelector('[class*=suggest], [class*=didyou]');"
                                                " return e ? e.textContent.trim() : null; })()")
                _wait(chrome, "!!(window.gazetteSearch && window.gazetteSearch.ready())", 60)
                before = len(_CountingHandler.log)
                pairs = _js(chrome, f"window.gazetteSearch.all({json.dumps(q.text)}, {{}})", timeout=600)
                row["all"] = [url_to_id(p[0]) for p in pairs or []]
                row["all_bytes"] = sum(n for _, n in _CountingHandler.log[before:])
            except Exception as exc:
                row.setdefault("top", [])
                row.setdefault("all", [])
                row["error"] = f"{type(exc).__name__}: {exc}"[:300]
            out.append(row)
    finally:
        chrome.close()
        server.shutdown()
        server.server_close()
    return out


# ---------------------------------------------------------------- scoring

def score(q: Query, relevant: set[str], wanted: set[str], strict: set[str], row: dict) -> dict:
    top, every = row.get("top", []), row.get("all", [])
    s: dict = {"relevant": len(relevant), "found": len(every), "error": row.get("error")}
    s["recall"] = len(set(every) & relevant) / len(relevant) if relevant else None
    s["recall_strict"] = len(set(every) & strict) / len(strict) if strict else None
    s["p10"] = sum(1 for d in top if d in relevant) / len(top) if top else None
    s["wanted_first"] = (bool(top) and top[0] in wanted) if wanted else None
    s["extra"] = len(set(every) - relevant)
    suggestion = row.get("suggestion")
    s["suggestion"] = suggestion
    if q.kind.startswith("typo"):
        # the typo's words are the correct phrase (its note may say more)
        s["suggested_ok"] = bool(suggestion) and all(w in norm(suggestion) for w in q.normalized)
    return s


def _mean(values: list) -> str:
    values = [v for v in values if v is not None]
    return f"{statistics.mean(values):.2f}" if values else "–"


def summary(engine: str, queries: list[Query], scores: list[dict], rows: list[dict]) -> list[dict]:
    groups = [(k, [i for i, q in enumerate(queries) if q.kind == k]) for k in KINDS]
    groups.append(("all (excl. report-only kinds)", [i for i, q in enumerate(queries) if not q.report_only]))
    table = []
    for kind, idx in groups:
        if not idx:
            continue
        sc = [scores[i] for i in idx]
        line = {
            "kind": kind,
            "queries": len(idx),
            "recall": _mean([s["recall"] for s in sc]),
            "recall (strict)": _mean([s["recall_strict"] for s in sc]),
            "full recall": sum(1 for s in sc if s["recall"] == 1),
            "no results": sum(1 for s in sc if s["found"] == 0),
            "P@10": _mean([s["p10"] for s in sc]),
            "wanted first": (f"{sum(1 for s in sc if s['wanted_first'])}/{sum(1 for s in sc if s['wanted_first'] is not None)}"
                             if any(s["wanted_first"] is not None for s in sc) else "–"),
            "suggests fix": (f"{sum(1 for s in sc if s.get('suggested_ok'))}/{len(sc)}" if kind.startswith("typo") else "–"),
            "errors": sum(1 for s in sc if s["error"]),
        }
        if engine == "cli":
            ms = [m for i in idx for m in rows[i].get("ms", [])]
            line["p50 ms"] = f"{percentile(ms, 0.5):.0f}" if ms else "–"
            line["p95 ms"] = f"{percentile(ms, 0.95):.0f}" if ms else "–"
        else:
            sizes = [rows[i]["bytes"] for i in idx if "bytes" in rows[i]]
            gz = [rows[i]["bytes_gzip"] for i in idx if "bytes_gzip" in rows[i]]
            ms = [rows[i]["ms"] for i in idx if "ms" in rows[i]]
            data = [rows[i]["bytes_search"] for i in idx if "bytes_search" in rows[i]]
            line["KB median"] = f"{statistics.median(sizes) / 1024:.0f}" if sizes else "–"
            line["KB max"] = f"{max(sizes) / 1024:.0f}" if sizes else "–"
            line["KB max gz"] = f"{max(gz) / 1024:.0f}" if gz else "–"
            line["index KB median"] = f"{statistics.median(data) / 1024:.0f}" if data else "–"
            line["index KB max"] = f"{max(data) / 1024:.0f}" if data else "–"
            line["ms to status (median)"] = f"{statistics.median(ms):.0f}" if ms else "–"
        table.append(line)
    return table


def _short(text: str, n: int = 30) -> str:
    text = text.replace("|", "\\|").replace("\u3000", "␣").replace("\n", " ")
    return text if len(text) <= n else text[:n - 1] + "…"


def failures(queries: list[Query], scores: dict[str, list[dict]], rows: dict[str, list[dict]]) -> list[dict]:
    out = []
    for i, q in enumerate(queries):
        bad = []
        for engine, sc in scores.items():
            s = sc[i]
            issues = []
            if s["error"]:
                issues.append("error " + _short(s["error"], 60))
            if s["recall"] is not None and s["recall"] < 1:
                issues.append(f"recall {s['recall']:.2f}" + ("" if s["recall_strict"] is None else f" (strict {s['recall_strict']:.2f})"))
            if s["p10"] is not None and s["p10"] < 1:
                issues.append(f"P@10 {s['p10']:.1f}")
            if s["wanted_first"] is False:
                issues.append("wanted not first")
            if q.kind.startswith("typo") and s.get("suggestion"):
                issues.append(f"suggests {_short(str(s['suggestion']), 20)}")
            if issues:
                bad.append(f"{engine}: " + ", ".join(issues) + f" (found {s['found']})")
        if bad:
            out.append({"kind": q.kind, "query": "`" + _short(q.text) + "`", "relevant": scores[next(iter(scores))][i]["relevant"],
                        "note": _short(q.note, 24), "problems": "; ".join(bad)})
    return out


def mismatches(queries: list[Query], cli: list[dict], browser: list[dict], truth: list[set[str]],
               wanted: list[set[str]]) -> tuple[list[dict], int]:
    """Queries whose result sets differ or where only one search puts the wanted document
    first; and how many queries have equal sets but a different first result."""
    out, reordered = [], 0
    for q, c, b, rel, want in zip(queries, cli, browser, truth, wanted):
        cs, bs = set(c.get("all", [])), set(b.get("all", []))
        ct, bt = c.get("top", []), b.get("top", [])
        first_differs = bool(want) and (ct[:1] and ct[0] in want) != (bt[:1] and bt[0] in want)
        if cs != bs or first_differs or b.get("error") or c.get("error"):
            out.append({"kind": q.kind, "query": "`" + _short(q.text) + "`", "relevant": len(rel), "cli": len(cs),
                        "browser": len(bs) if not b.get("error") else "error", "cli only": len(cs - bs),
                        "browser only": len(bs - cs), "top-10 overlap": len(set(ct) & set(bt)),
                        "wanted first cli/browser": (f"{'yes' if ct[:1] and ct[0] in want else 'no'}/"
                                                     f"{'yes' if bt[:1] and bt[0] in want else 'no'}") if want else "–"})
        elif ct[:1] != bt[:1]:
            reordered += 1
    return out, reordered


def details(queries: list[Query], truth: list[set[str]], strict: list[set[str]], scores: dict[str, list[dict]]) -> str:
    parts = []
    for kind in KINDS:
        rows = []
        for i, q in enumerate(queries):
            if q.kind != kind:
                continue
            line = {"query": "`" + _short(q.text, 36) + "`", "relevant": len(truth[i]), "strict": len(strict[i])}
            for engine, sc in scores.items():
                s = sc[i]
                line[f"{engine} found"] = s["found"]
                line[f"{engine} recall"] = "–" if s["recall"] is None else f"{s['recall']:.2f}"
                line[f"{engine} P@10"] = "–" if s["p10"] is None else f"{s['p10']:.1f}"
                if s["wanted_first"] is not None:
                    line[f"{engine} first"] = "yes" if s["wanted_first"] else "NO"
            line["note"] = _short(q.note, 24)
            rows.append(line)
        if rows:
            parts.append(f"#### {kind}: {KINDS[kind]}\n\n" + markdown_table(rows))
    return "\n\n".join(parts)


def load_queries(path: Path) -> list[Query]:
    """Queries from a JSON Lines file, one object a line with the fields of :class:`Query`
    (``kind``, ``text``, ``words``; optionally ``fields``, ``wanted``, ``wanted_value``,
    ``note``, ``report_only``). Lines that are blank or start with ``#`` are skipped."""
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            item = json.loads(line)
            if item["kind"] not in KINDS:
                raise ValueError(f"unknown kind {item['kind']!r} (one of {', '.join(KINDS)})")
            queries.append(Query(kind=item["kind"], text=item["text"], words=tuple(item["words"]),
                                 fields=tuple(item.get("fields", ("text",))), wanted=item.get("wanted"),
                                 wanted_value=item.get("wanted_value", ""), note=item.get("note", ""),
                                 report_only=bool(item.get("report_only", item["kind"] in REPORT_ONLY))))
        except (ValueError, KeyError, TypeError) as error:
            raise SystemExit(f"{path}:{number}: {error}") from None
    return queries


def run(n_docs: int, work: Path, only: str | None, show_details: bool, log, query_file: Path | None = None) -> str:
    archive = archive_for(n_docs, work)
    started = time.perf_counter()
    corpus = Corpus(archive)
    queries = load_queries(query_file) if query_file else generate_queries(corpus)
    truth, wanted, strict = [], [], []
    for q in queries:
        rel, want = ground_truth(q, corpus)
        truth.append(rel)
        wanted.append(want)
        strict.append((ground_truth(q, corpus, strict=True)[0] & rel) | want)
    log(f"{n_docs} documents: {len(queries)} queries, ground truth in {time.perf_counter() - started:.1f} s")
    rows: dict[str, list[dict]] = {}
    if only in (None, "cli"):
        started = time.perf_counter()
        rows["cli"] = run_cli(archive, queries, log)
        log(f"  cli: {time.perf_counter() - started:.1f} s")
    if only in (None, "browser"):
        started = time.perf_counter()
        rows["browser"] = run_browser(archive, n_docs, work, queries, log)
        log(f"  browser: {time.perf_counter() - started:.1f} s")
    scores = {e: [score(q, t, w, st, r) for q, t, w, st, r in zip(queries, truth, wanted, strict, rs)] for e, rs in rows.items()}
    dump = [{"kind": q.kind, "query": q.text, "words": q.words, "note": q.note, "relevant": sorted(t), "wanted": sorted(w),
             "strict": sorted(st), **{e: {**rows[e][i], **scores[e][i]} for e in rows}}
            for i, (q, t, w, st) in enumerate(zip(queries, truth, wanted, strict))]
    suffix = f"-{query_file.stem}" if query_file else ""
    (work / f"eval-search-{n_docs}{suffix}.json").write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")

    out = [f"## {n_docs:,} documents ({len(queries)} queries)"]
    for engine in rows:
        out.append(f"### {'command line (search_page)' if engine == 'cli' else 'browser (search page, gazetteSearch.all)'}")
        out.append(markdown_table(summary(engine, queries, scores[engine], rows[engine])))
    if "cli" in rows and "browser" in rows:
        diff, reordered = mismatches(queries, rows["cli"], rows["browser"], truth, wanted)
        out.append(f"### CLI vs browser: {len(diff)} queries with different result sets, a browser error or a "
                   f"different wanted-first outcome ({reordered} more have the same set but a different first result)")
        if diff:
            out.append(markdown_table(diff))
    fails = failures(queries, scores, rows)
    out.append(f"### Queries with a problem ({len(fails)})")
    if fails:
        out.append(markdown_table(fails))
    if show_details:
        out.append("### Per query\n\n" + details(queries, truth, strict, scores))
    return "\n\n".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="1000,10000", help="comma-separated archive sizes")
    parser.add_argument("--only", choices=["browser", "cli"], help="run one of the two searches")
    parser.add_argument("--details", action="store_true", help="also print a table per kind with every query")
    parser.add_argument("--queries", type=Path, help="a JSON Lines query file instead of the generated queries "
                        "(bench/search-queries-*.jsonl)")
    args = parser.parse_args(argv)
    work = ROOT / "build" / "bench"
    work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    for n in args.docs.split(","):
        print(run(int(n), work, args.only, args.details, log, args.queries), flush=True)
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
