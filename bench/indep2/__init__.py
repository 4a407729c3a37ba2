"""Second independent synthetic gazette (政府公报) generator: new layouts and document classes.

Written without reading the code under test (gazette/), the project's own generator
(tools/synth/), tests/ or bench/eval_split.py.  Run
``python -m bench.indep2 OUT_DIR --issues N --seed S``; self-check with
``python -m bench.indep2.check OUT_DIR``.
"""
from __future__ import annotations

__all__ = ["generate"]


def generate(out_dir: str, issues: int, seed: int, corpus: str = "/work/shared/corpus") -> list[str]:
    """Write ``issues`` PDFs plus ``.truth.json`` files into ``out_dir``; return the stems."""
    from .main import generate as _g

    return _g(out_dir, issues, seed, corpus)
