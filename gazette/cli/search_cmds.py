"""Commands for command-line search: ``index`` and ``search``."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import click

from ..content import VALIDITY_LABELS
from ..models import Kind, Validity
from ..searchindex import HIT_CLOSE, HIT_OPEN, build_index, default_index_dir, search_page
from . import cli
from .options import content_option

index_option = click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                            help="Index folder.  [default: CONTENT/.gazette/index]")


def _stdout_is_tty() -> bool:
    return sys.stdout.isatty()


@cli.command()
@content_option
@index_option
@click.option("--rebuild", is_flag=True, help="Start from an empty index instead of updating it.")
def index(content_dir: Path, index_dir: Path | None, rebuild: bool) -> None:
    """Build or update the full-text index of the published documents.

    Incremental: only files that are new or changed since the last run are read, and
    only their documents are added, replaced or (when no longer published or deleted)
    removed. Drafts and withheld documents are never indexed. The summary goes to stderr.

    \b
    Example:
        gazette index --content content/
        gazette index --content content/ --index /tmp/gazette-index --rebuild
    """
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="indexing", file=sys.stderr)
            bar.__enter__()
        bar.update(1)

    started = time.perf_counter()
    try:
        report = build_index(content_dir, index_dir or default_index_dir(content_dir), rebuild=rebuild,
                             progress=progress if sys.stderr.isatty() else None)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(f"index: {report.added} added, {report.updated} updated, {report.removed} removed, "
               f"{report.unchanged} unchanged ({time.perf_counter() - started:.1f} s)", err=True)


@cli.command()
@click.argument("query")
@content_option
@index_option
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help="Only documents of this kind.")
@click.option("--year", type=int, help="Only documents of issues of this year.")
@click.option("--issuer", help="Only documents of this issuer, the whole name (e.g. 山东省人民政府).")
@click.option("--from", "date_from", metavar="DATE", help="Only documents signed on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Only documents signed on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--validity", type=click.Choice([v.value for v in Validity]), help="Only documents of this validity (docs/relations.md).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1), help="Number of hits.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit (JSON Lines).")
@click.option("--no-correct", "correct", flag_value=False, default=True,
              help="When nothing matches, only suggest a correction (您是不是要找…) instead of showing its hits.")
def search(query: str, content_dir: Path, index_dir: Path | None, kind: str | None, year: int | None,
           issuer: str | None, date_from: str | None, date_to: str | None, validity: str | None, limit: int,
           as_json: bool, correct: bool) -> None:
    """Search the published documents; 2-character Chinese terms match inside words.

    Words separated by spaces must all occur; "quoted text" is one phrase; a 文号
    (鲁政发〔2023〕5号, any bracket style, full-width digits) is looked up exactly first.
    Traditional and simplified characters find each other. Hits are printed best first
    with a snippet whose matches are marked 【like this】 (in colour on a terminal); the
    number of all matching documents goes to stderr. A query that finds nothing but
    has a one-character correction (环境保户 → 环境保护) shows the correction's hits, and
    says so on stderr (--no-correct: only the suggestion, 您是不是要找…). Run
    `gazette index` first, and again after changes.

    \b
    Example:
        gazette search 政务公开 --kind normative --year 2023
        gazette search '"自公布之日起施行"' --from 2020-01 --to 2022 --limit 5
        gazette search 鲁政发[2023]5号 --json
        gazette search 户外广告 --validity repealed
    """
    result = search_page(index_dir or default_index_dir(content_dir), query, kind, year, issuer, limit,
                         date_from=date_from, date_to=date_to, validity=validity, correct=correct)
    if result.corrected:
        click.echo(f"没有找到“{query}”；以下是“{result.suggestion}”的结果 (nothing matches {query!r}: "
                   f"showing {result.suggestion!r}; --no-correct shows only the suggestion)", err=True)
    hits = result.hits
    colour = _stdout_is_tty() and not as_json
    for n, hit in enumerate(hits, start=1):
        if as_json:
            click.echo(json.dumps(asdict(hit), ensure_ascii=False))
            continue
        snippet = hit.snippet
        title = hit.title
        if colour:
            snippet = snippet.replace(HIT_OPEN, "\x1b[1;31m").replace(HIT_CLOSE, "\x1b[0m")
            title = click.style(title, bold=True)
        number = f"（{hit.doc_number}）" if hit.doc_number else ""
        force = f", {VALIDITY_LABELS[Validity(hit.validity)]}" if hit.validity else ""
        click.echo(f"{n}. {title}{number}  [{hit.id}, {hit.kind}, {hit.signed_date or '—'}{force}]", color=colour)
        click.echo(f"   {snippet}", color=colour)
    if not hits:
        click.echo("no hits", err=True)
    elif result.total > len(hits):
        click.echo(f"{len(hits)} of {result.total} hits (--limit {limit}; give a larger --limit for more)", err=True)
    else:
        click.echo(f"{result.total} hits", err=True)
    if result.suggestion and not result.corrected:
        click.echo(f"您是不是要找：{result.suggestion}  (did you mean: gazette search '{result.suggestion}')", err=True)
