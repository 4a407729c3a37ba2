"""CLI: ``python -m bench.indep OUT_DIR --issues N --seed S [--corpus DIR]``."""
from __future__ import annotations

import argparse

from .main import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.indep", description=__doc__)
    ap.add_argument("out_dir")
    ap.add_argument("--issues", type=int, default=12)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--corpus", default="/work/shared/corpus")
    a = ap.parse_args(argv)
    generate(a.out_dir, a.issues, a.seed, a.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
