"""``gazette relations``: the relations Gazette found, what it could not resolve, and conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..archive.relations import FORWARD, link_archive
from ..content import load_archive
from ..errors import ExitCode, GazetteError
from . import cli
from .options import content_option


@cli.command()
@content_option
@click.option("--all", "show_all", is_flag=True, help="List every relation, not only the unresolved ones.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of tab-separated columns.")
@click.option("--strict", is_flag=True, help="Exit with status 8 (content problem) when there are conflicts (for CI of an archive).")
def relations(content_dir: Path, show_all: bool, as_json: bool, strict: bool) -> None:
    """List relations between published documents (docs/relations.md).

    Prints, one per line: source id, type, target id (or - when the target is not in the
    archive), printed title and 文号. By default only unresolved references are listed;
    --all lists every relation the texts and the editors state. Conflicts (a document
    repealed twice, amended after its repeal, a relations: line naming no document) go
    to stderr. Fix a wrong relation with a relations: line in the document's front matter.

    \b
    Example:
        gazette relations --content content/
        gazette relations --content content/ --all --json > relations.jsonl
    """
    archive = load_archive(content_dir).public()
    linkage = link_archive(archive)
    rows = []
    for doc_id in sorted(linkage.standing):
        for rel in linkage.standing[doc_id].relations:
            if rel.type in FORWARD and (show_all or rel.target_id is None):
                rows.append((doc_id, rel))
    for doc_id, rel in rows:
        if as_json:
            click.echo(json.dumps({"source_id": doc_id, "type": rel.type.value, "target_id": rel.target_id,
                                   "target_title": rel.target_title, "target_doc_number": rel.target_doc_number,
                                   "by": rel.by}, ensure_ascii=False))
        else:
            click.echo("\t".join([doc_id, rel.type.value, rel.target_id or "-", rel.target_title, rel.target_doc_number or ""]))
    for problem in linkage.problems:
        click.echo(f"conflict: {problem}", err=True)
    unresolved = sum(1 for _, r in rows if r.target_id is None)
    click.echo(f"{len(rows)} relation(s) listed, {unresolved} not in the archive, {len(linkage.problems)} conflict(s)", err=True)
    if strict and linkage.problems:
        raise GazetteError(f"{len(linkage.problems)} conflict(s) between relations; see the lines above", ExitCode.CONTENT)
