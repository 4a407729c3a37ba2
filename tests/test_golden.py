"""Splitting and rendering compared with reviewed golden files (see tests/golden_cases.py)."""

from __future__ import annotations

import pytest

from golden_cases import CASES, GOLDEN, produce


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_golden(name: str) -> None:
    pdf = CASES[name]
    folder = GOLDEN / name
    if not pdf.exists():
        pytest.fail(f"{pdf} is missing; it is part of the repository")
    assert folder.exists(), f"no golden files for {name}; run `make golden` and review them"
    produced = produce(pdf)
    assert sorted(produced) == sorted(p.name for p in folder.iterdir())
    for rel, text in produced.items():
        assert text == (folder / rel).read_text(encoding="utf-8"), f"{name}/{rel} differs from the golden file; if the change is intended, run `make golden` and review the diff"
