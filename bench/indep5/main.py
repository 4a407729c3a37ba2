"""Driver: ``python -m bench.indep5 OUT_DIR --issues N --seed S [--corpus DIR] [--stats]``."""
from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from .issue import build_issue
from .sources import load
from .templates import build


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep5")
    ap.add_argument("out")
    ap.add_argument("--issues", type=int, default=10)
    ap.add_argument("--seed", type=int, default=51)
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--stats", action="store_true", help="also write _stats.json (variants per document)")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    corpus = load(Path(a.corpus))
    templates = build()
    usage: collections.Counter = collections.Counter()
    stats = []
    for i in range(a.issues):
        tpl = templates[(i + a.seed) % len(templates)]
        stem = f"indep5-s{a.seed}-{i + 1:02d}-{tpl.name}"
        pdf, truth, st = build_issue(tpl, stem, a.seed, i, corpus, usage)
        (out / f"{stem}.pdf").write_bytes(pdf)
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        stats += st
        print(f"{stem}: {truth['pages']} pages, {len(truth['documents'])} documents")
    if a.stats:
        (out / "_stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0
