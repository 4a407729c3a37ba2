"""Review commands besides ``publish``: ``disclose`` (公开属性) and ``register`` (信息发布登记)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from ..archive import register
from ..content import load_archive
from ..errors import ExitCode, GazetteError
from ..models import Disclosure
from . import cli
from .content_cmds import _login
from .options import content_option

_CHOICES = {"public": Disclosure.PUBLIC, "on_request": Disclosure.ON_REQUEST, "not_public": Disclosure.NOT_PUBLIC,
            "主动公开": Disclosure.PUBLIC, "依申请公开": Disclosure.ON_REQUEST, "不予公开": Disclosure.NOT_PUBLIC}


@cli.command()
@click.argument("doc_id")
@click.argument("disclosure", type=click.Choice([*_CHOICES, "none"]))
@content_option
@click.option("--by", envvar="GAZETTE_USER", default=None, help="Who acts [default: $GAZETTE_USER, else your login name].")
@click.option("--reason", default="", help="Why, for the register.")
def disclose(doc_id: str, disclosure: str, content_dir: Path, by: str | None, reason: str) -> None:
    """Set a document's 公开属性 (public, on_request, not_public, or none) and register it.

    on_request documents appear on the site as catalogue entries only (title, 文号,
    issuer, date and how to request them); not_public ones are never published without
    an override (gazette publish --override-not-public --reason …).

    \b
    Example:
        gazette disclose 2023-01-04 on_request --reason "涉及个人信息"
    """
    from ..archive.review import set_disclosure

    archive = load_archive(content_dir)
    if doc_id not in archive.documents:
        raise GazetteError(f"{content_dir}: no document with id {doc_id}; 'gazette export --include-drafts' lists the ids",
                           ExitCode.BAD_ARGS)
    entry = set_disclosure(content_dir, archive, doc_id, _CHOICES.get(disclosure), by or _login(), reason)
    click.echo(f"{doc_id}: disclosure {'unchanged' if entry is None else 'set to ' + disclosure}", err=True)


_COLUMNS = ("at", "by", "action", "document", "sha256", "reason", "changed", "override")


@cli.command("register")
@content_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv"]), default="jsonl", show_default=True)
@click.option("--document", "document", default=None, help="Only the entries of this document id.")
def register_cmd(content_dir: Path, fmt: str, document: str | None) -> None:
    """Print the publication register (信息发布登记) on stdout: every review action, who
    did it and when, the SHA-256 of the text and the reason.

    \b
    Example:
        gazette register --format csv > 发布登记.csv
    """
    entries = [e for e in register.read(content_dir) if document in (None, e.document)]
    if fmt == "jsonl":
        for entry in entries:
            click.echo(entry.to_json())
    elif fmt == "json":
        click.echo(json.dumps([json.loads(e.to_json()) for e in entries], ensure_ascii=False, indent=1))
    else:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_COLUMNS)
        for e in entries:
            writer.writerow([e.at, _cell(e.by), e.action.value, e.document, e.sha256, _cell(e.reason),
                             ";".join(e.changed), "yes" if e.override else ""])
        click.echo(out.getvalue(), nl=False)


def _cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
