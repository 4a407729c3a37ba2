"""CLI: ``python -m bench.indep4 OUT_DIR --issues N --seed S [--corpus DIR] [--stats]``."""
from __future__ import annotations

import argparse

from .main import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep4")
    ap.add_argument("out_dir")
    ap.add_argument("--issues", type=int, default=10)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--stats", action="store_true", help="also write _stats.json (variants per document)")
    a = ap.parse_args(argv)
    generate(a.out_dir, a.issues, a.seed, a.corpus, a.stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
