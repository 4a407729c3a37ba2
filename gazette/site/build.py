"""``gazette build``: content/ → a complete static site, swapped in atomically.

Gather, then write: the public archive is loaded first, the MkDocs source tree is
written, MkDocs builds into a temporary site folder beside the target, the machine
outputs and the search index are added, and only then is the new site renamed into
place. A failure at any step leaves the previous site untouched.

Incremental builds: the MkDocs source tree is kept in a cache folder beside the site
(``.<site>.gazette-cache``). The next build rewrites only source files whose bytes
changed, marks the pages whose sidebar changed (the pages filed under a year whose nav
changed; every page when the list of years changed), hard-links the previous site into
the new temporary folder and lets MkDocs re-render just those pages (``dirty`` mode).
Files MkDocs or Gazette rewrite are never shared with the previous site, so it stays
intact until the swap. The result is the same as a full build; ``--full`` forces one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import yaml

from .. import __version__
from ..archive import register
from ..archive.relations import link_archive
from ..content import Archive, load_archive
from ..models import Disclosure
from ..errors import BuildError
from ..search.static import StaticReport
from . import machine, search
from .forked import Forked
from .tree import SiteTree, private_parts, write_tree

ROOT_CONFIG = Path("mkdocs.yml")
_MACHINE_OUTPUTS = ("feed.xml", "sitemap.xml", "sitemap.xml.gz", "documents.jsonl", "api", search.FOLDER)


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    site: Path
    issues: int
    documents: int
    pages: int
    rendered: int  # pages MkDocs rendered (all of them in a full build)
    incremental: bool
    seconds: float
    phases: tuple[tuple[str, float], ...] = ()  # (phase, seconds): where the time went
    search: StaticReport | None = None  # what the search index holds and reused


def site_url_of(config: Path | None, site_url: str | None = None) -> str:
    """The public URL a build uses: ``site_url`` when given, else mkdocs.yml's."""
    if site_url is not None:
        return site_url
    raw = yaml.safe_load(find_config(config).read_text(encoding="utf-8")) or {}
    return str(raw.get("site_url") or "")


def is_local_url(url: str) -> bool:
    """True for no URL or a loopback one (http://127.0.0.1:8000/, localhost): citations,
    the feed and the sitemap would point to the reader's own machine."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower() if url else ""
    return not host or host == "localhost" or host.endswith(".localhost") or host.startswith("127.") or host in ("::1", "0.0.0.0")


def find_config(config: Path | None) -> Path:
    """mkdocs.yml: the one given, the one in the working folder, or the project's."""
    for candidate in (config, ROOT_CONFIG, Path(__file__).resolve().parents[2] / "mkdocs.yml"):
        if candidate is not None and candidate.exists():
            return candidate
    raise BuildError("no mkdocs.yml found; run `gazette build` from the project folder or pass --config")


def _epoch(latest_date: str | None) -> str:
    """SOURCE_DATE_EPOCH from the newest issue date, so MkDocs never reads the clock."""
    if not latest_date:
        return "0"
    y, m, d = (int(x) for x in latest_date.split("-"))
    return str(int((date(y, m, d) - date(1970, 1, 1)).total_seconds()))


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def cache_dir(site: Path) -> Path:
    """Where the MkDocs source tree of ``site`` is kept between builds."""
    return site.parent / f".{site.name}.gazette-cache"


def _signature(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _nav_state(tree: SiteTree) -> dict[str, Any]:
    """A signature of the sidebar each page is rendered with (prune: its year's subtree)."""
    top = [next(iter(item)) if isinstance(item, dict) else item for item in tree.nav]
    years = {next(iter(item)): _signature(item) for item in tree.nav if isinstance(item, dict)}
    return {"top": _signature(top), "years": years}


def _output_of(rel: str) -> str:
    """The HTML file MkDocs writes for a source page (use_directory_urls)."""
    stem = rel[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def build_site(content: Path, site: Path, config: Path | None = None, site_url: str | None = None,
               full: bool = False, allow_symlinks: bool = False) -> BuildReport:
    """Build the public site of ``content`` into ``site`` (replaced atomically).

    Builds of the same site queue on a lock; the temporary folders a killed build left
    behind are removed first; SIGTERM and SIGHUP stop the build like Ctrl-C does, so it
    cleans up and the previous site stays in place.
    """
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site), interruptible():
        remove_stale(site)
        # The trees earlier builds replaced are removed while this one works: removing
        # 100,000 folders is system calls, which run beside the Python work on another core.
        sweeper = threading.Thread(target=_remove_retired, args=(site,), name="gazette-sweeper", daemon=True)
        sweeper.start()
        try:
            report = _build(content, site, config, site_url, full, allow_symlinks)
        except BaseException:
            sweeper.join(timeout=10)  # a stopped build stops soon; what is left, the next one removes
            raise
        sweeper.join()
        return report


def lock_path(site: Path) -> Path:
    """The lock file that serialises builds of ``site``."""
    return site.parent / f".{site.name}.gazette-lock"


@contextmanager
def build_lock(site: Path) -> Iterator[None]:
    """Hold the build lock of ``site``; wait (saying so) while another build holds it."""
    import fcntl

    with open(lock_path(site), "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logging.getLogger("gazette").warning("%s: another build of this site is running; waiting for it", site)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _work_prefix(site: Path) -> str:
    return f".{site.name}.gazette-build-"


def _retired_prefix(site: Path) -> str:
    """The previous site a build replaced is kept under this name until the next build
    removes it in the background (:func:`build_site`)."""
    return f".{site.name}.gazette-retired-"


def _remove_trees(site: Path, *prefixes: str) -> list[Path]:
    """Remove the folders beside ``site`` whose names start with one of ``prefixes``."""
    found = sorted(p for p in site.parent.glob(f".{site.name}.*")
                   if p.is_dir() and not p.is_symlink() and p.name.startswith(prefixes))
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


def _remove_retired(site: Path) -> None:
    _remove_trees(site, _retired_prefix(site))


def remove_stale(site: Path) -> list[Path]:
    """Remove the temporary trees of builds of ``site`` that were killed (call with the
    lock held: no other build of it is running); returns what was removed."""
    return _remove_trees(site, _work_prefix(site), f".{site.name}.old-")


class BuildInterrupted(BuildError):
    """The build was stopped by a signal; nothing was changed."""


class _Stopped(BaseException):
    """Raised by the signal handler. Not an ``Exception``, so no library's ``except
    Exception`` (pypdf wraps errors in its own) turns a stop into a misleading error;
    :func:`interruptible` turns it into :class:`BuildInterrupted` at its boundary."""


@contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception while the build runs (main thread only),
    so ``finally`` blocks clean up instead of the process dying mid-write."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise _Stopped(signal.Signals(signum).name)

    old = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    except _Stopped as stopped:
        raise BuildInterrupted(f"build stopped by {stopped}; the previous site was left in place") from None
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _build(content: Path, site: Path, config: Path | None, site_url: str | None, full: bool,
           allow_symlinks: bool) -> BuildReport:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    started = time.perf_counter()
    config_path = find_config(config)
    cache = cache_dir(site)
    if full:
        shutil.rmtree(cache, ignore_errors=True)
    existed = cache.exists()
    try:
        everything = load_archive(content, allow_symlinks, cache=cache / "content")
    except BaseException:
        if not existed:  # a build that failed leaves nothing behind
            shutil.rmtree(cache, ignore_errors=True)
        raise
    archive = everything.public()
    private = private_parts(everything)
    linkage = link_archive(archive, cache / "content")  # the public archive only: nothing unpublished is named or linked
    phases: list[tuple[str, float]] = [("load content", time.perf_counter() - started)]

    def phase(name: str) -> None:
        phases.append((name, time.perf_counter() - started - sum(t for _, t in phases)))
    raw = yaml.safe_load(Path(config_path).read_text(encoding="utf-8")) or {}
    url = site_url if site_url is not None else (raw.get("site_url") or "")
    # One name for the gazette: the masthead's (extra.gazette.name) is also the <title>'s.
    site_name = str(((raw.get("extra") or {}).get("gazette") or {}).get("name") or raw.get("site_name") or "政府公报")
    overrides = Path(config_path).resolve().parent / "site_config"
    settings = {"version": __version__, "config": Path(config_path).read_text(encoding="utf-8"), "url": url,
                "overrides": _tree_signature(overrides)}
    state_file = cache / "state.json"
    previous = json.loads(state_file.read_text(encoding="utf-8")) if state_file.exists() else None
    incremental = (not full and previous is not None and previous.get("settings") == settings
                   and (site / "index.html").exists() and (cache / "docs").exists())
    if not incremental:
        state_file.unlink(missing_ok=True)
        shutil.rmtree(cache / "docs", ignore_errors=True)
    docs_dir = cache / "docs"
    work = Path(tempfile.mkdtemp(prefix=_work_prefix(site), dir=site.parent))
    indexer: Forked | None = None
    try:
        if (overrides / "assets").exists():
            shutil.copytree(overrides / "assets", docs_dir / "assets", dirs_exist_ok=True)
        docs_dir.mkdir(parents=True, exist_ok=True)
        entries = register.read(content)
        _warn_unregistered(archive, entries)
        tree = write_tree(archive, content, docs_dir, url, private=private, allow_symlinks=allow_symlinks,
                          previous=previous.get("issues") if incremental and previous else None, linkage=linkage,
                          entries=entries)
        phase("write MkDocs sources")
        # The search index needs nothing MkDocs makes: a child process writes it meanwhile
        # (MkDocs empties its site folder on a full build, so the child writes beside it).
        indexer = Forked("search index", search.write_index, archive, tree.doc_urls, work / "index",
                         site if incremental else None, linkage)
        for year in {y for y in tree.page_years.values() if y is not None}:
            tree.page_years[f"years/{year}/index.md"] = year
        assets = {p.relative_to(docs_dir).as_posix() for p in (docs_dir / "assets").rglob("*") if p.is_file()}
        _remove_stale(docs_dir, tree.files | assets)
        nav_state = _nav_state(tree)
        contexts = page_contexts(tree.nav)
        new_site = work / "site"
        rendered = _pages_to_render(tree, previous, nav_state, contexts) if incremental else None
        if rendered is not None:
            expected = {_output_of(rel) for rel in tree.files if rel.endswith(".md")} | tree.files
            now = time.time()
            for rel in rendered:
                os.utime(docs_dir / rel, (now, now))
            _link_previous(site, new_site, docs_dir, {_output_of(rel) for rel in rendered}, expected,
                           tree.changed | rendered)
        latest = max((i.meta.date for i in archive.issues if i.meta.date), default=None)
        if rendered is not None:
            logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR)  # the generic --dirty warning
        with _environment("SOURCE_DATE_EPOCH", _epoch(latest)):
            try:
                cfg = load_config(config_file=str(config_path), docs_dir=str(docs_dir), site_dir=str(new_site),
                                  nav=tree.nav, site_url=url or None, site_name=site_name, strict=False)
                mkdocs_build(cfg, dirty=rendered is not None)
            except (MkDocsException, Abort) as exc:
                raise BuildError(f"{config_path}: MkDocs failed: {exc}; the previous site was left in place") from exc
        phase("MkDocs")
        machine.write_sitemap(new_site, [""] + _page_paths(new_site), url)
        machine.write_robots(new_site, url)
        unchanged = tree.unchanged_issues if rendered is not None else set()
        machine.write_jsonl(archive, new_site, unchanged, site, linkage)
        machine.write_document_json(archive, new_site, tree.doc_urls, url, unchanged, site, linkage)
        machine.write_feed(archive, new_site, tree.doc_urls, url, site_name, linkage)
        phase("feed, sitemap, JSON")
        searched = indexer.result()
        os.replace(work / "index" / search.FOLDER, new_site / search.FOLDER)
        peak = f", {indexer.peak_mb / 1024:.2f} GB" if indexer.peak_mb else ""
        phase(f"waiting for the search index (written in {indexer.seconds:.1f} s{peak} by a child process)")
        _swap(new_site, site)
        state_file.write_text(json.dumps({"settings": settings, "nav": nav_state, "pages": contexts, "issues": tree.issue_state},
                                         ensure_ascii=False, sort_keys=True), encoding="utf-8")
    except BaseException:
        if indexer is not None:
            indexer.cancel()
        shutil.rmtree(cache, ignore_errors=True)  # the next build starts from scratch
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    count = tree.pages if rendered is None else len(rendered)
    return BuildReport(site, len(archive.issues), len(archive.documents), tree.pages, count,
                       rendered is not None, time.perf_counter() - started, tuple(phases), searched)


def _tree_signature(folder: Path) -> str:
    if not folder.exists():
        return ""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _remove_stale(docs_dir: Path, keep: set[str]) -> None:
    for path in sorted(docs_dir.rglob("*"), reverse=True):
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def page_contexts(nav: list[Any]) -> dict[str, str]:
    """Per source page, a hash of what the theme takes from the nav for it besides the
    sidebar: its title, the path above it (navigation.path) and the pages before and
    after it in nav order (navigation.footer), as MkDocs links them."""
    flat: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []

    def first_page(items: list[Any]) -> str:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            return first_page(value) if isinstance(value, list) else str(value)
        return ""

    def walk(items: list[Any], ancestors: tuple[tuple[str, str], ...]) -> None:
        for item in items:
            title, value = next(iter(item.items())) if isinstance(item, dict) else ("", item)
            if isinstance(value, list):
                walk(value, ancestors + ((str(title), first_page(value)),))
            else:
                flat.append((str(value), str(title), ancestors))

    walk(nav, ())
    contexts = {}
    for i, (rel, title, ancestors) in enumerate(flat):
        before = flat[i - 1][:2] if i > 0 else None
        after = flat[i + 1][:2] if i + 1 < len(flat) else None
        contexts[rel] = _signature([title, ancestors, before, after])[:16]
    return contexts


def _pages_to_render(tree: SiteTree, previous: dict[str, Any], nav_state: dict[str, Any],
                     contexts: dict[str, str]) -> set[str]:
    """Source pages to re-render: those whose source changed, those whose place in the
    nav changed (title, path, neighbours), and the pages that show the sidebar where it
    changed (a document page leaves the sidebar out: site_config/main.html)."""
    old = previous.get("nav", {})
    old_contexts = previous.get("pages", {})
    pages = {rel for rel in tree.changed if rel.endswith(".md")}
    pages |= {rel for rel, context in contexts.items() if old_contexts.get(rel) != context}
    with_sidebar = {rel for rel in tree.files if rel.endswith(".md") and rel not in tree.document_pages
                    and rel not in tree.listing_pages}
    if old.get("top") != nav_state["top"]:
        return pages | with_sidebar
    changed_years = {title for title, sig in nav_state["years"].items() if old.get("years", {}).get(title) != sig}
    for rel in with_sidebar:
        year = tree.page_years.get(rel)
        if year is not None and f"{year}年" in changed_years:
            pages.add(rel)
    if changed_years:
        # The browse pages and the home page list issues and counts.
        pages |= {rel for rel in with_sidebar if rel not in tree.page_years}
    return pages


def _link_previous(old_site: Path, new_site: Path, docs_dir: Path, rewritten: set[str], expected: set[str],
                   touched: set[str]) -> None:
    """Hard-link the unchanged files of the previous site into ``new_site``.

    A link shares its bytes with the live site, so nothing may ever be written through
    one: files that will be re-rendered, files MkDocs will copy again (their source is
    newer than the output: MkDocs' own ``--dirty`` test), files MkDocs or Gazette
    rewrite in place (assets, 404.html: copied instead) and files the new site no longer
    has (a document withdrawn from publication) are never linked. Only the sources in
    ``touched`` (written or re-dated by this build) can be newer than their output.
    """
    sources = {_output_of(rel) if rel.endswith(".md") else rel: rel for rel in expected if not rel.endswith(".html")}
    old_root, new_root, docs_root = os.fspath(old_site), os.fspath(new_site), os.fspath(docs_dir)
    # Plain string paths and one directory creation per folder: at 100,000 pages this
    # loop runs once per file of the site.
    for root, dirs, files in os.walk(old_root):
        rel_root = os.path.relpath(root, old_root)
        top = rel_root == "."
        if top:
            dirs[:] = [d for d in dirs if d not in _MACHINE_OUTPUTS]
        target_root = new_root if top else os.path.join(new_root, rel_root)
        made = False
        for name in files:
            if top and name in _MACHINE_OUTPUTS:
                continue
            rel = name if top else f"{rel_root}/{name}"
            copied = rel.startswith("assets/") or rel == "404.html"
            if rel in rewritten or not (copied or rel in expected):
                continue
            if not made:
                os.makedirs(target_root, exist_ok=True)
                made = True
            source, target = os.path.join(root, name), os.path.join(target_root, name)
            info = os.lstat(source)
            if copied or stat.S_ISLNK(info.st_mode):
                shutil.copy2(source, target, follow_symlinks=False)
                continue
            source_rel = sources.get(rel, rel)
            try:
                newer = source_rel in touched and os.stat(os.path.join(docs_root, source_rel)).st_mtime > info.st_mtime
            except FileNotFoundError:
                newer = False
            if newer:
                continue  # MkDocs will write this file: let it write a new one
            os.link(source, target)


def _page_paths(site: Path) -> list[str]:
    paths = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        if rel in (".",) or rel.startswith(("assets", search.FOLDER, "search")):
            continue
        paths.append(rel + "/")
    return paths


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``): a web
    server reading ``b`` sees the old tree or the new one, never neither. False when the
    system cannot do it."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap(new_site: Path, site: Path) -> None:
    """Replace ``site`` by ``new_site`` with renames only (same file system): one atomic
    exchange where the system has it, else two renames. The previous site is renamed to
    a retired tree, which the next build removes (:func:`_remove_retired`)."""
    if site.exists() and not site.is_symlink() and _exchange(new_site, site):
        _retire(new_site, site)  # now the previous site
        return
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}.old-{os.getpid()}")
        os.replace(site, old)
    try:
        os.replace(new_site, site)
    except OSError:
        if old is not None:
            os.replace(old, site)
        raise
    if old is not None:
        _retire(old, site)


def _retire(tree: Path, site: Path) -> None:
    retired = Path(tempfile.mkdtemp(prefix=_retired_prefix(site), dir=site.parent))
    os.replace(tree, retired / "site")


def _warn_unregistered(archive: Archive, entries: list[register.Entry]) -> None:
    """Warn about published documents whose text is not the text the register recorded
    (edited by hand after publishing): a correction should be registered."""
    for doc_id in sorted(archive.documents):
        doc = archive.documents[doc_id]
        if doc.disclosure is Disclosure.ON_REQUEST:
            continue  # the public copy carries the catalogue note, not the registered text
        known = register.registered_sha(entries, doc_id)
        if known is not None and known != register.text_sha256(doc.body):
            logging.getLogger("gazette").warning(
                "%s: published text differs from the text registered on publication; register the correction "
                "(gazette publish %s --reason \"…\") or use the desk", archive.paths.get(doc_id, doc_id), doc_id)
