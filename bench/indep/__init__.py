"""Independent synthetic gazette (政府公报) generator for evaluating the splitter and OCR.

Written without reading the code under test (gazette/) or the project's own generator
(tools/synth/).  Run ``python -m bench.indep OUT_DIR --issues N --seed S``.
"""
from __future__ import annotations

__all__ = ["generate"]


def generate(out_dir: str, issues: int, seed: int, corpus: str = "/work/shared/corpus") -> list[str]:
    """Write ``issues`` PDFs plus ``.truth.json`` files into ``out_dir``; return the stems."""
    from .main import generate as _g

    return _g(out_dir, issues, seed, corpus)
