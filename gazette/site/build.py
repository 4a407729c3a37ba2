"""``gazette build``: content/ → a complete static site, swapped in atomically.

Gather, then write: the public archive is loaded first, the MkDocs source tree is
written, MkDocs builds into a temporary site folder beside the target, the machine
outputs and the Pagefind index are added, and only then is the new site renamed into
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
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from .. import __version__
from ..content import Archive, load_archive
from ..errors import BuildError
from . import machine, search
from .tree import SiteTree, private_parts, write_tree

ROOT_CONFIG = Path("mkdocs.yml")
_MACHINE_OUTPUTS = ("feed.xml", "sitemap.xml", "sitemap.xml.gz", "documents.jsonl", "api", "pagefind")


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
    """Build the public site of ``content`` into ``site`` (replaced atomically)."""
    import yaml
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    started = time.perf_counter()
    config_path = find_config(config)
    everything = load_archive(content, allow_symlinks)
    archive = everything.public()
    private = private_parts(everything)
    phases: list[tuple[str, float]] = [("load content", time.perf_counter() - started)]

    def phase(name: str) -> None:
        phases.append((name, time.perf_counter() - started - sum(t for _, t in phases)))
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    raw = yaml.safe_load(Path(config_path).read_text(encoding="utf-8")) or {}
    url = site_url if site_url is not None else (raw.get("site_url") or "")
    overrides = Path(config_path).resolve().parent / "site_config"
    settings = {"version": __version__, "config": Path(config_path).read_text(encoding="utf-8"), "url": url,
                "overrides": _tree_signature(overrides)}
    cache = cache_dir(site)
    state_file = cache / "state.json"
    previous = json.loads(state_file.read_text(encoding="utf-8")) if state_file.exists() else None
    incremental = (not full and previous is not None and previous.get("settings") == settings
                   and (site / "index.html").exists() and (cache / "docs").exists())
    if not incremental:
        shutil.rmtree(cache, ignore_errors=True)
    docs_dir = cache / "docs"
    work = Path(tempfile.mkdtemp(prefix=".gazette-build-", dir=site.parent))
    try:
        if (overrides / "assets").exists():
            shutil.copytree(overrides / "assets", docs_dir / "assets", dirs_exist_ok=True)
        docs_dir.mkdir(parents=True, exist_ok=True)
        tree = write_tree(archive, content, docs_dir, url, private=private, allow_symlinks=allow_symlinks)
        phase("write MkDocs sources")
        for year in {y for y in tree.page_years.values() if y is not None}:
            tree.page_years[f"years/{year}/index.md"] = year
        assets = {p.relative_to(docs_dir).as_posix() for p in (docs_dir / "assets").rglob("*") if p.is_file()}
        _remove_stale(docs_dir, tree.files | assets)
        nav_state = _nav_state(tree)
        new_site = work / "site"
        rendered = _pages_to_render(tree, previous, nav_state) if incremental else None
        if rendered is not None:
            expected = {_output_of(rel) for rel in tree.files if rel.endswith(".md")} | tree.files
            _link_previous(site, new_site, {_output_of(rel) for rel in rendered}, expected)
            now = time.time()
            for rel in rendered:
                os.utime(docs_dir / rel, (now, now))
        latest = max((i.meta.date for i in archive.issues if i.meta.date), default=None)
        if rendered is not None:
            logging.getLogger("mkdocs.commands.build").setLevel(logging.ERROR)  # the generic --dirty warning
        with _environment("SOURCE_DATE_EPOCH", _epoch(latest)):
            try:
                cfg = load_config(config_file=str(config_path), docs_dir=str(docs_dir), site_dir=str(new_site),
                                  nav=tree.nav, site_url=url or None, strict=False)
                mkdocs_build(cfg, dirty=rendered is not None)
            except (MkDocsException, Abort) as exc:
                raise BuildError(f"{config_path}: MkDocs failed: {exc}; the previous site was left in place") from exc
        phase("MkDocs")
        machine.write_sitemap(new_site, [""] + _page_paths(new_site), url)
        machine.write_jsonl(archive, new_site)
        machine.write_document_json(archive, new_site, tree.doc_urls, url)
        machine.write_feed(archive, new_site, tree.doc_urls, url, raw.get("site_name") or "政府公报")
        phase("feed, sitemap, JSON")
        if tree.doc_urls:
            search.index_site(new_site)
            phase("Pagefind")
        _swap(new_site, site)
        state_file.write_text(json.dumps({"settings": settings, "nav": nav_state}, ensure_ascii=False), encoding="utf-8")
    except BaseException:
        shutil.rmtree(cache, ignore_errors=True)  # the next build starts from scratch
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    count = tree.pages if rendered is None else len(rendered)
    return BuildReport(site, len(archive.issues), len(archive.documents), tree.pages, count,
                       rendered is not None, time.perf_counter() - started, tuple(phases))


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


def _pages_to_render(tree: SiteTree, previous: dict[str, Any], nav_state: dict[str, Any]) -> set[str] | None:
    """Source pages to re-render, or None when everything must be (the years changed)."""
    old = previous.get("nav", {})
    if old.get("top") != nav_state["top"]:
        return None
    changed_years = {title for title, sig in nav_state["years"].items() if old.get("years", {}).get(title) != sig}
    pages = {rel for rel in tree.changed if rel.endswith(".md")}
    for rel, year in tree.page_years.items():
        if year is not None and f"{year}年" in changed_years:
            pages.add(rel)
    if changed_years:
        # The browse pages and the home page list issues and counts.
        pages |= {rel for rel in tree.files if rel.endswith(".md") and rel not in tree.page_years}
    return pages


def _link_previous(old_site: Path, new_site: Path, rewritten: set[str], expected: set[str]) -> None:
    """Hard-link the previous site into ``new_site``, except files that will be rewritten
    and files the new site no longer has (a document withdrawn from publication)."""
    for root, dirs, files in os.walk(old_site):
        rel_root = Path(root).relative_to(old_site)
        if rel_root == Path("."):
            dirs[:] = [d for d in dirs if d not in _MACHINE_OUTPUTS]
        target_root = new_site / rel_root
        for name in files:
            rel = (rel_root / name).as_posix()
            if rel_root == Path(".") and name in _MACHINE_OUTPUTS:
                continue
            if rel in rewritten or not (rel in expected or rel.startswith("assets/") or rel == "404.html"):
                continue
            source, target = Path(root) / name, target_root / name
            target_root.mkdir(parents=True, exist_ok=True)
            if rel.startswith("assets/") or rel == "404.html":
                shutil.copy2(source, target)  # MkDocs may rewrite these in place
            else:
                os.link(source, target)


def _page_paths(site: Path) -> list[str]:
    paths = []
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        if rel in (".",) or rel.startswith(("assets", "pagefind", "search")):
            continue
        paths.append(rel + "/")
    return paths


def _swap(new_site: Path, site: Path) -> None:
    """Replace ``site`` by ``new_site`` with renames only (same file system)."""
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
        shutil.rmtree(old, ignore_errors=True)
