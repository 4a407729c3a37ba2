"""Commands that read or write content/: ``ingest``, ``export``, ``publish``."""

from __future__ import annotations

import json

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import click

from ..archive.relations import link_archive
from ..content import load_archive, write_results
from ..errors import ContentError, ExitCode, GazetteError
from ..export import iter_records, to_jsonl
from ..models import Disclosure, IngestResult, IssueMeta, Status
from . import cli
from .options import content_option

if TYPE_CHECKING:  # ingest pulls in PDF, image and OCR libraries: imported when a command needs them
    from ..ocr import OcrOptions


def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A page progress callback drawing a bar (pages done, pages/s, time left) when
    stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    bar = None
    started = time.monotonic()

    def rate(_item: object) -> str:
        elapsed = time.monotonic() - started
        return f"{bar.pos / elapsed:.2f} pages/s" if bar is not None and elapsed > 0 and bar.pos else ""

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                                    show_eta=True, item_show_func=rate)
            bar.__enter__()
        bar.update(max(0, done - bar.pos), current_item=done)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _ingest_one(pdf: Path, override: IssueMeta | None, ocr: OcrOptions | None) -> IngestResult:
    gen = _progress(pdf.name)
    callback = next(gen)
    try:
        from ..ingest import ingest_pdf

        return ingest_pdf(pdf, override, callback, ocr=ocr)
    finally:
        gen.close()


@cli.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path))
@content_option
@click.option("--force", is_flag=True, help="Overwrite files that editors changed (otherwise the new version is written beside them as NN.md.new).")
@click.option("--gazette-name", help="Gazette name, when the cover does not give it (e.g. 山东省人民政府公报).")
@click.option("--year", type=int, help="Issue year, overriding the cover.")
@click.option("--number", type=int, help="Issue number within the year, overriding the cover.")
@click.option("--total-number", type=int, help="Running issue number (总第N期), overriding the cover.")
@click.option("--date", "issue_date", help="Issue date as YYYY-MM-DD, overriding the cover.")
@click.option("--ocr/--no-ocr", default=True, show_default=True, help="Recognise pages without a usable text layer (scans) by OCR.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="OCR worker processes [default: one per core].")
@click.option("--scheduler", metavar="ADDRESS", help="Run page OCR on a Dask cluster, e.g. tcp://10.0.0.5:8786 (workers need only `pip install gazette`).")
@click.option("--dpi", type=click.IntRange(100, 600), default=200, show_default=True, help="Resolution scanned pages are rendered at for OCR.")
@click.option("--ocr-cache", type=click.Path(path_type=Path), help="OCR cache folder [default: ~/.cache/gazette/ocr, or $GAZETTE_CACHE/ocr].")
@click.option("--no-ocr-cache", is_flag=True, help="Neither read nor write the OCR cache.")
def ingest(pdfs: tuple[Path, ...], content_dir: Path, force: bool, gazette_name: str | None,
           year: int | None, number: int | None, total_number: int | None, issue_date: str | None,
           ocr: bool, jobs: int | None, scheduler: str | None, dpi: int, ocr_cache: Path | None,
           no_ocr_cache: bool) -> None:
    """Read issue PDFs, split them into documents and write content/.

    Every PDF is read and split first; content/ is written only afterwards. A bad PDF is
    reported and skipped; the others are still ingested, and the exit code is non-zero.
    Files that editors changed are never overwritten without --force.

    Scanned pages (no text layer, or an unreadable one) are recognised by OCR, in
    parallel, and cached: a re-ingest reads them back from the cache in seconds, and an
    interrupted run resumes where it stopped.

    \b
    Example:
        gazette ingest samples/2023-01.pdf samples/2023-02.pdf --content content/
        gazette ingest scans/1987-*.pdf --jobs 2 --scheduler tcp://10.0.0.5:8786
    """
    override = IssueMeta(gazette_name=gazette_name, year=year, number=number,
                         total_number=total_number, date=issue_date)
    options = None
    if ocr:
        from ..ocr import OcrOptions
        from ..ocr.cache import default_cache_dir

        cache = None if no_ocr_cache else (ocr_cache or default_cache_dir())
        options = OcrOptions(dpi=dpi, jobs=jobs, scheduler=scheduler, cache_dir=cache)
    results: list[tuple[IngestResult, Path]] = []
    failures: list[GazetteError] = []
    seen: dict[str, Path] = {}
    for pdf in pdfs:
        try:
            result = _ingest_one(pdf, override, options)
            if result.issue.id in seen:
                raise ContentError(f"{pdf}: has the same issue id {result.issue.id} as {seen[result.issue.id]}; ingest them separately or give --year/--number")
            _check_same_gazette(content_dir, result, pdf)
        except GazetteError as exc:
            click.echo(f"error: {exc.message}", err=True)
            failures.append(exc)
            continue
        seen[result.issue.id] = pdf
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        click.echo(f"{pdf}: issue {result.issue.id}, {len(result.documents)} documents", err=True)
        results.append((result, pdf))
    report = write_results(content_dir, results, force=force) if results else None
    if report:
        for kept, beside in report.conflicts:
            click.echo(f"conflict: {kept} was edited by hand and kept; the new version is in {beside} — merge it, or re-run with --force to overwrite", err=True)
        for removed in report.removed:
            click.echo(f"removed: {removed} (no longer produced by the split)", err=True)
        for stale in report.stale:
            click.echo(f"removed: {stale} (an older new version; its file is now up to date)", err=True)
        for back in report.returned:
            click.echo(f"review: {back} was published, but its text or metadata changed on re-ingest; it is a draft "
                       "again until it is reviewed and published (gazette publish)", err=True)
        click.echo(f"wrote {len(report.written)} files, {len(report.unchanged)} unchanged, {len(report.conflicts)} kept (edited), into {content_dir}", err=True)
        _report_submissions(content_dir, [r for r, _ in results])
    click.echo(f"summary: {len(results)} of {len(pdfs)} PDFs ingested, {len(failures)} failed", err=True)
    sys.exit(int(_exit_code(failures, len(results), bool(report and report.conflicts))))


def _report_submissions(content_dir: Path, results: list[IngestResult]) -> None:
    """Name the recorded 部门报送 submissions that the ingested issues print (by 文号,
    or by issuer and title), so the office sees at once what was selected."""
    from ..content import Archive
    from ..desk.submissions import PrintIndex, load_submissions

    submissions = load_submissions(content_dir)
    if not submissions or not results:
        return
    index = PrintIndex(Archive(tuple(r.issue for r in results), {d.id: d for r in results for d in r.documents}))
    for sub in submissions:
        for printing in index.find(sub):
            how = "文号" if printing.matched_by == "doc_number" else "issuer and title"
            click.echo(f"submission: {sub.department} 《{sub.title}》 (received {sub.received.isoformat()}) is printed as "
                       f"{printing.document_id} in {printing.issue_label} (matched by {how})", err=True)


def _exit_code(failures: list[GazetteError], succeeded: int, conflicts: bool) -> ExitCode:
    if failures:
        codes = {f.exit_code for f in failures}
        return codes.pop() if succeeded == 0 and len(codes) == 1 else ExitCode.PARTIAL
    return ExitCode.EDITOR_CONFLICT if conflicts else ExitCode.OK


def _check_same_gazette(content_dir: Path, result: IngestResult, pdf: Path) -> None:
    from ..content import ISSUE_FILE, issue_from_file

    existing = content_dir / result.issue.id / ISSUE_FILE
    if not existing.exists():
        return
    old = issue_from_file(existing).meta.gazette_name
    new = result.issue.meta.gazette_name
    if old and new and old != new:
        raise ContentError(f"{pdf}: {existing} already holds issue {result.issue.id} of {old}, but this PDF is {new}; use a separate --content folder for each gazette")


@cli.command()
@content_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "opensearch", "opensearch-mapping"]), default="jsonl",
              show_default=True, help="jsonl: one record per document; opensearch: an OpenSearch/Elasticsearch _bulk body; "
              "opensearch-mapping: the index settings and mapping for it (docs/scale.md).")
@click.option("--index-name", default="gazette", show_default=True, help="The index the opensearch actions write to.")
@click.option("--site-url", default=None, help="With --format opensearch: the public site's URL, to give every document its link.")
@click.option("--include-drafts", is_flag=True, help="Also export drafts (not yet reviewed), with their status, for editors. Never use this for open data.")
@click.option("--published-only", is_flag=True, hidden=True, help="The default; kept so that older scripts keep working.")
def export(content_dir: Path, fmt: str, index_name: str, site_url: str | None, include_drafts: bool, published_only: bool) -> None:
    """Print the published documents as JSON Lines on stdout (see docs/export.md).

    By default only documents whose status is published are exported: exactly what the
    public site carries (its documents.jsonl), safe to publish as open data.
    --include-drafts adds the drafts, with their status, for editors' review (jsonl
    only). Documents marked withheld (not for public release) are never exported.
    --format opensearch writes the bulk body for a search server (docs/scale.md).

    \b
    Example:
        gazette export --content content/ --format jsonl > documents.jsonl
        gazette export --content content/ --include-drafts > review.jsonl
        gazette export --content content/ --format opensearch-mapping > mapping.json
        gazette export --content content/ --format opensearch > bulk.ndjson
    """
    from ..search import opensearch

    if include_drafts and published_only:
        raise GazetteError("--include-drafts and --published-only contradict each other; pass only one", ExitCode.BAD_ARGS)
    if include_drafts and fmt != "jsonl":
        raise GazetteError(f"--include-drafts is for editors' JSON Lines only; a {fmt} export carries published documents only",
                           ExitCode.BAD_ARGS)
    if fmt == "opensearch-mapping":
        click.echo(json.dumps(opensearch.MAPPING, ensure_ascii=False, indent=1))
        return
    archive = load_archive(content_dir)
    if fmt == "opensearch":
        public = archive.public()
        linkage = link_archive(public)
        validity = {i: s.validity.value for i, s in linkage.standing.items() if s.validity}
        pairs = ((doc, issue) for issue in public.issues for doc in public.issue_documents(issue)
                 if linkage.of(doc.id).work in (None, doc.id))  # a work printed twice is one search document
        for line in opensearch.bulk_lines(pairs, index_name, site_url, validity):
            click.echo(line)
        return
    statuses = frozenset({Status.PUBLISHED, Status.DRAFT} if include_drafts else {Status.PUBLISHED})
    for record in iter_records(archive, statuses):
        click.echo(to_jsonl(record))


@cli.command()
@click.argument("ids", nargs=-1)
@content_option
@click.option("--issue", "issue_ids", multiple=True, help="Every document of this issue (e.g. 2023-01); repeatable.")
@click.option("--all", "all_docs", is_flag=True, help="Every draft in content/ (withheld and 不予公开 documents are left alone).")
@click.option("--status", "status", type=click.Choice([s.value for s in Status]), default=Status.PUBLISHED.value,
              show_default=True, help="The status to set.")
@click.option("--by", "by", envvar="GAZETTE_USER", default=None,
              help="Who acts, for the publication register [default: $GAZETTE_USER, else your login name].")
@click.option("--reason", default="", help="Why; required to withdraw, to return to draft and with --override-not-public.")
@click.option("--override-not-public", "override", is_flag=True,
              help="Publish documents marked 不予公开 all the same (the office's decision; registered with --reason).")
@click.option("--two-person", is_flag=True, envvar="GAZETTE_TWO_PERSON",
              help="Refuse to publish a document the same person edited last (the two-person rule).")
def publish(ids: tuple[str, ...], content_dir: Path, issue_ids: tuple[str, ...], all_docs: bool, status: str,
            by: str | None, reason: str, override: bool, two_person: bool) -> None:
    """Approve documents for release (or withhold them, or return them to draft) and
    register each action in content/register.jsonl (see docs/editors.md).

    Only published documents appear on the site, in its search index, feeds and exports.
    Withheld means "not for public release": --all and --issue never publish those, nor
    documents marked 不予公开; name them explicitly to change their status. Publishing a
    published document whose text changed registers a correction (更正).

    \b
    Example:
        gazette publish --issue 2023-01 --by 王编辑         # publish a whole issue
        gazette publish 2023-01-03 --status withheld
        gazette publish 2023-01-03 --status draft --reason "标题有误"
    """
    from ..archive.review import Rules, set_statuses

    if not (ids or issue_ids or all_docs):
        raise GazetteError("name the documents to change: document ids, --issue ID or --all", ExitCode.BAD_ARGS)
    archive = load_archive(content_dir)
    unknown = [i for i in ids if i not in archive.documents]
    unknown += [i for i in issue_ids if i not in {issue.id for issue in archive.issues}]
    if unknown:
        raise GazetteError(f"{content_dir}: no document or issue with id {', '.join(unknown)}; 'gazette export' lists the ids", ExitCode.BAD_ARGS)
    chosen = set(ids)
    for issue in archive.issues:
        if issue.id in issue_ids:
            chosen.update(issue.document_ids)
    if all_docs:
        chosen.update(d.id for d in archive.documents.values() if d.status is not Status.WITHHELD)
    target = Status(status)
    if issue_ids or all_docs:
        held = {d for d in chosen if d not in ids and archive.documents[d].status is Status.WITHHELD}
        secret = {d for d in chosen - held if d not in ids and target is Status.PUBLISHED
                  and archive.documents[d].disclosure is Disclosure.NOT_PUBLIC and archive.documents[d].status is not target}
        for doc_id in sorted(secret):
            click.echo(f"skipped: {doc_id} is marked 不予公开; name it with --override-not-public --reason \"…\" "
                       "to publish it", err=True)
        chosen -= held | secret
    entries = set_statuses(content_dir, archive, sorted(d for d in chosen if d in archive.paths), target,
                           by or _login(), reason, override, Rules(two_person=two_person))
    changed = sum(1 for e in entries if e.action.value != "correct")
    corrected = len(entries) - changed
    note = f"; {corrected} corrections registered" if corrected else ""
    click.echo(f"{changed} of {len(chosen)} documents set to {target.value}{note}", err=True)


def _login() -> str:
    """The user's login name, the default register signature."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
