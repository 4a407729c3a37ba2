"""``gazette ocr-check``: which OCR'd documents still have lines to check."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..content import load_archive
from . import cli
from .options import content_option


@cli.command("ocr-check")
@content_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document, with every line to check.")
@click.option("--all", "show_all", is_flag=True, help="Also list OCR'd documents with nothing left to check.")
def ocr_check(content_dir: Path, as_json: bool, show_all: bool) -> None:
    """List documents read by OCR, those with most lines still to check first.

    A line is to be checked when the engine was unsure of it, when a correction was a
    guess, or when the scan was too coarse. Each is listed under ``ocr: check:`` in the
    document's file; delete an entry once you have compared the line with the page
    image (and corrected the body if needed).

    \b
    Example:
        gazette ocr-check --content content/
    """
    archive = load_archive(content_dir)
    rows = [(len(d.ocr.check), d) for d in archive.documents.values() if d.ocr and d.ocr.pages]
    rows = [(n, d) for n, d in rows if n or show_all]
    rows.sort(key=lambda row: (-row[0], row[1].id))
    for count, doc in rows:
        if as_json:
            click.echo(json.dumps({
                "id": doc.id, "title": doc.title, "to_check": count, "ocr_pages": list(doc.ocr.pages),
                "file": str(archive.paths[doc.id]),
                "lines": [{"page": c.page, "line": c.text, "why": c.why} for c in doc.ocr.check],
            }, ensure_ascii=False))
        else:
            click.echo(f"{count}\t{doc.id}\t{archive.paths[doc.id]}\t{doc.title}")
    total = sum(n for n, _ in rows)
    click.echo(f"{total} lines to check in {sum(1 for n, _ in rows if n)} documents", err=True)
