"""``gazette build``: content/ → a complete static site, swapped in atomically.

Gather, then write: the public archive is loaded first, the MkDocs source tree is
written into a temporary folder, MkDocs builds into a temporary site folder beside the
target, the machine outputs and the Pagefind index are added, and only then is the new
site renamed into place. A failure at any step leaves the previous site untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from ..content import load_archive
from ..errors import BuildError
from . import machine, search
from .tree import write_tree

ROOT_CONFIG = Path("mkdocs.yml")


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    site: Path
    issues: int
    documents: int
    pages: int
    seconds: float


def find_config(config: Path | None) -> Path:
    """mkdocs.yml: the one given, the one in the working folder, or the packaged default."""
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


def build_site(content: Path, site: Path, config: Path | None = None, site_url: str | None = None) -> BuildReport:
    """Build the public site of ``content`` into ``site`` (replaced atomically)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    config_path = find_config(config)
    archive = load_archive(content).public()
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".gazette-build-", dir=site.parent))
    try:
        docs_dir, new_site = work / "docs", work / "site"
        overrides = Path(config_path).resolve().parent / "site_config"
        shutil.copytree(overrides / "assets", docs_dir / "assets") if (overrides / "assets").exists() else docs_dir.mkdir(parents=True)
        import yaml  # noqa: PLC0415

        raw = yaml.safe_load(Path(config_path).read_text(encoding="utf-8")) or {}
        url = site_url if site_url is not None else (raw.get("site_url") or "")
        tree = write_tree(archive, content, docs_dir, url)
        latest = max((i.meta.date for i in archive.issues if i.meta.date), default=None)
        with _environment("SOURCE_DATE_EPOCH", _epoch(latest)):
            try:
                cfg = load_config(config_file=str(config_path), docs_dir=str(docs_dir), site_dir=str(new_site),
                                  nav=tree.nav, site_url=url or None, strict=False)
                mkdocs_build(cfg)
            except MkDocsException as exc:
                raise BuildError(f"{config_path}: MkDocs failed: {exc}; the previous site was left in place") from exc
        page_paths = [""] + [p for p in _page_paths(new_site)]
        machine.write_sitemap(new_site, page_paths, url)
        machine.write_jsonl(archive, new_site)
        machine.write_document_json(archive, new_site, tree.doc_urls, url)
        machine.write_feed(archive, new_site, tree.doc_urls, url, raw.get("site_name") or "政府公报")
        if tree.doc_urls:
            search.index_site(new_site)
        _swap(new_site, site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BuildReport(site, len(archive.issues), len(archive.documents), tree.pages, time.perf_counter() - started)


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
