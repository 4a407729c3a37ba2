"""Shared fixtures: paths to the test resources and to the shared real material."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "tests" / "resources"
SHARED = Path(os.environ.get("GAZETTE_SHARED", ROOT.parent / "shared"))
REAL_PDF = SHARED / "official-pdfs-real" / "lianfang-zongfa-2022-71-xinguan-fangkong-fangan-9.pdf"


@pytest.fixture(scope="session")
def real_pdf() -> Path:
    """The real born-digital government PDF kept beside the project (../shared)."""
    if not REAL_PDF.exists():
        pytest.skip(f"{REAL_PDF} is not present; set GAZETTE_SHARED to the folder holding official-pdfs-real/")
    return REAL_PDF
