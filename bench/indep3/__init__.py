"""bench.indep3 - third, held-out set of synthetic gazette issues (five new templates).

Written without reading the code under test (gazette/), the project's generator
(tools/synth/), tests/, bench/eval_split.py or the code of bench/indep2; it reuses
bench/indep's modules.  Run ``python -m bench.indep3 OUT_DIR --issues N --seed S``.
"""
from __future__ import annotations

__all__ = ["generate"]


def generate(out_dir: str, issues: int, seed: int, corpus: str = "/work/shared/corpus") -> list[str]:
    """Write ``issues`` PDFs plus ``.truth.json`` files into ``out_dir``; return the stems."""
    from .main import generate as _g

    return _g(out_dir, issues, seed, corpus)
