"""The golden-file cases shared by tests/test_golden.py and tests/regenerate_golden.py.

A golden file records what splitting and rendering produce for a fixed input PDF:
``tests/golden/<name>.split.json`` (every document's metadata, pages and text) and
``tests/golden/<name>/NN.md`` (the content files exactly as written). Regenerate them
with ``make golden`` and review the diff before committing: a golden file is a reviewed
expectation, not a snapshot to refresh blindly.
"""

from __future__ import annotations

import json
from pathlib import Path

from gazette.content import render_document, render_issue
from gazette.export import document_record
from gazette.ingest import ingest_pdf

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "mini-issue": ROOT / "tests" / "resources" / "mini-issue.pdf",
    "sample-2023-02": ROOT / "samples" / "2023-02.pdf",
}


def produce(pdf: Path) -> dict[str, str]:
    """Relative golden path → expected text, for one input PDF."""
    result = ingest_pdf(pdf)
    records = [document_record(doc, result.issue) for doc in result.documents]
    split = {
        "issue": render_issue(result.issue),
        "documents": records,
        "warnings": [str(w) for w in result.warnings],
    }
    files = {"split.json": json.dumps(split, ensure_ascii=False, indent=1, sort_keys=True) + "\n"}
    for doc in result.documents:
        files[f"{doc.seq:02d}.md"] = render_document(doc)
    return files
