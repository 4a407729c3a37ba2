"""Helpers shared by the benchmarks."""

from __future__ import annotations

from pathlib import Path


def dir_size(path: Path) -> int:
    """Total bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def markdown_table(rows: list[dict]) -> str:
    """Rows of figures as a Markdown table (columns from the first row)."""
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in rows]
    return "\n".join(lines)
