"""Build isolation: a build never writes into the live site, queues behind another build
of the same site, removes what a killed build left, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gazette.content import load_archive, set_status
from gazette.errors import ExitCode
from gazette.models import Status
from gazette.site import build as build_module
from gazette.site import build_site
from gazette.site.build import build_lock, lock_path

from conftest import ROOT

URL = "https://gazette.example.org/"


def _snapshot(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of a site: its inode and bytes."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture()
def work(sample_content: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(content, site): a private copy of the sample archive and a full build of it."""
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    site = tmp_path / "out" / "site"
    build_site(content, site, ROOT / "mkdocs.yml", URL)
    return content, site


def _edit(content: Path) -> None:
    """Changes that make an incremental build rewrite a page, the issue PDF (a document
    withdrawn makes a copy with its pages blanked) and drop a page."""
    archive = load_archive(content)
    path = archive.paths["2023-01-01"]
    path.write_text(path.read_text(encoding="utf-8").replace("。", "。 ", 1), encoding="utf-8")
    set_status(archive.paths["2023-02-02"], Status.DRAFT)


def test_killed_incremental_build_leaves_every_live_file_untouched(work: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    content, site = work
    before = _snapshot(site)
    _edit(content)

    def killed(*_args: object) -> None:  # the process dies while the search index is written: MkDocs has written everything
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module.search, "write_index", killed)
    with pytest.raises(KeyboardInterrupt):
        build_site(content, site, ROOT / "mkdocs.yml", URL)
    assert _snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == [".site.gazette-lock", "site"]
    monkeypatch.undo()
    build_site(content, site, ROOT / "mkdocs.yml", URL)  # the next build completes the change
    assert not (site / "2023-02" / "02").exists()
    assert (site / "2023-02" / "2023-02.pdf").read_bytes() != before["2023-02/2023-02.pdf"][1]


def test_incremental_build_shares_unchanged_files_only(work: tuple[Path, Path]) -> None:
    content, site = work
    before = _snapshot(site)
    _edit(content)
    report = build_site(content, site, ROOT / "mkdocs.yml", URL)
    assert report.incremental
    after = _snapshot(site)
    shared = {rel for rel in after if rel in before and after[rel][0] == before[rel][0]}
    assert shared, "an incremental build links unchanged files"
    for rel in shared:
        assert after[rel][1] == before[rel][1], rel
    assert "2023-01/01/index.html" not in shared and "2023-02/2023-02.pdf" not in shared


def test_builds_of_one_site_queue(work: tuple[Path, Path]) -> None:
    content, site = work
    _edit(content)
    done = threading.Event()
    errors: list[BaseException] = []

    def build() -> None:
        try:
            build_site(content, site, ROOT / "mkdocs.yml", URL)
        except BaseException as exc:  # reported below
            errors.append(exc)
        done.set()

    with build_lock(site.resolve()):
        thread = threading.Thread(target=build)
        thread.start()
        assert not done.wait(3), "a second build ran while the first held the lock"
        assert (site / "2023-02" / "02").exists()
    assert done.wait(120) and not errors
    thread.join()
    assert not (site / "2023-02" / "02").exists()


def test_stale_temporary_trees_are_removed(work: tuple[Path, Path]) -> None:
    content, site = work
    stale = [site.parent / ".site.gazette-build-k1ll3d", site.parent / f".site.old-{os.getpid() + 1}"]
    other = site.parent / ".other.gazette-build-x"  # another site's build: not ours to remove
    for folder in stale + [other]:
        (folder / "deep").mkdir(parents=True)
        (folder / "deep" / "page.html").write_text("x", encoding="utf-8")
    build_site(content, site, ROOT / "mkdocs.yml", URL)
    assert not any(p.exists() for p in stale)
    assert other.exists()


def test_sigterm_stops_a_build_and_cleans_up(work: tuple[Path, Path]) -> None:
    content, site = work
    before = _snapshot(site)
    _edit(content)
    command = [str(Path(sys.executable).with_name("gazette")), "build", "--content", str(content), "--site", str(site),
               "--config", str(ROOT / "mkdocs.yml"), "--site-url", URL, "--full"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".site.gazette-build-") for p in site.parent.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None, "the build never started"
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)  # at once: a full build of the samples takes about a second
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == ExitCode.BUILD, stderr
    assert "SIGTERM" in stderr and "Traceback" not in stderr
    assert _snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == [".site.gazette-lock", "site"]
    assert lock_path(site).exists()


def test_the_replaced_site_is_removed_by_the_next_build(work: tuple[Path, Path]) -> None:
    content, site = work
    first = _snapshot(site)
    _edit(content)
    build_site(content, site, ROOT / "mkdocs.yml", URL)
    retired = [p for p in site.parent.iterdir() if p.name.startswith(".site.gazette-retired-")]
    assert len(retired) == 1  # the first build's site, kept whole until the next build
    assert _snapshot(retired[0] / "site") == first
    build_site(content, site, ROOT / "mkdocs.yml", URL)
    after = [p for p in site.parent.iterdir() if p.name.startswith(".site.gazette-retired-")]
    assert len(after) == 1 and after != retired and not retired[0].exists()
    assert not (site / "2023-02" / "02").exists() and (site / "index.html").exists()
