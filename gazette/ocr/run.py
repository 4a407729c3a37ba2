"""Recognise many pages: from the cache, in local worker processes, or on Dask.

* Local (default): ``jobs`` worker processes (default: all cores), each rendering and
  recognising whole pages, with onnxruntime limited to ``cores // jobs`` threads so the
  processes and the engine's own threads do not fight over the cores.
* Distributed: with ``scheduler`` (``tcp://host:8786``) pages are rendered here and sent
  as images to a Dask ``distributed`` cluster; workers need only this package installed,
  not the PDF. At most two pages per worker are in flight, so memory stays bounded.

Every finished page is written to the cache at once: an interrupted run (Ctrl-C, a lost
worker) resumes from there. Results come back keyed by page, so output does not depend
on which worker finished first.
"""

from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from ..errors import ExitCode, GazetteError
from .cache import OcrCache, default_cache_dir
from .engine import Engine, engine_id
from .recognize import DPI, OcrPage, Prepared, prepare_page, recognize_page

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OcrOptions:
    """How to run OCR: resolution, parallelism, cluster and cache."""

    dpi: float = DPI
    jobs: int | None = None  # worker processes; None: one per core
    scheduler: str | None = None  # Dask scheduler address, e.g. tcp://10.0.0.5:8786
    cache_dir: Path | None = field(default_factory=default_cache_dir)


@dataclass(frozen=True)
class PageResult:
    """A recognised page and its WebP image, or the error that stopped it."""

    page: OcrPage | None
    image: bytes = b""
    error: str | None = None


def cores() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@lru_cache(maxsize=1)
def _engine(threads: int) -> Engine:
    return Engine(threads)


def _threads() -> int:
    return int(os.environ.get("GAZETTE_OCR_THREADS", "1"))


def _local_task(path: str, index: int, dpi: float) -> PageResult:
    """Worker: render and recognise one page; a broken page fails alone."""
    try:
        prepared = prepare_page(Path(path), index, dpi)
        return PageResult(recognize_page(prepared, _engine(_threads())), prepared.webp)
    except GazetteError as exc:
        return PageResult(None, error=exc.message)
    except Exception as exc:  # a damaged image stream fails its page only
        return PageResult(None, error=f"page {index} cannot be rendered or read ({type(exc).__name__}: {exc})")


def _remote_task(prepared: Prepared) -> PageResult:
    """Dask worker: recognise a page prepared by the client."""
    try:
        return PageResult(recognize_page(prepared, _engine(_threads())), prepared.webp)
    except Exception as exc:
        return PageResult(None, error=f"page {prepared.pdf_index} cannot be read ({type(exc).__name__}: {exc})")


def _init_worker(threads: int) -> None:
    os.environ["GAZETTE_OCR_THREADS"] = str(threads)
    os.environ["OMP_NUM_THREADS"] = str(threads)


def ocr_pages(path: Path, sha256: str, indexes: Iterable[int], options: OcrOptions,
              progress: Progress | None = None) -> dict[int, PageResult]:
    """Recognise the given pages (1-based) of one PDF; cached pages are not redone."""
    wanted = sorted(set(indexes))
    cache = OcrCache(options.cache_dir)
    engine = engine_id()
    results: dict[int, PageResult] = {}
    todo = []
    for index in wanted:
        hit = cache.get(sha256, index, engine, options.dpi)
        if hit:
            results[index] = PageResult(*hit)
        else:
            todo.append(index)
    done = len(results)
    if progress and done:
        progress(done, len(wanted))

    def finished(index: int, result: PageResult) -> None:
        nonlocal done
        results[index] = result
        if result.page is not None:
            cache.put(sha256, options.dpi, result.page, result.image)
        done += 1
        if progress:
            progress(done, len(wanted))

    if todo:
        if options.scheduler:
            _run_dask(path, todo, options, finished)
        else:
            _run_local(path, todo, options, finished)
    return {i: results[i] for i in wanted}


def _run_local(path: Path, todo: list[int], options: OcrOptions, finished: Callable[[int, PageResult], None]) -> None:
    jobs = max(1, min(options.jobs or cores(), len(todo)))
    if jobs == 1:
        os.environ.setdefault("GAZETTE_OCR_THREADS", str(cores()))
        for index in todo:
            finished(index, _local_task(str(path), index, options.dpi))
        return
    threads = max(1, cores() // jobs)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(threads,))
    try:
        pending: dict[Future[PageResult], int] = {}
        queue = list(todo)
        while queue or pending:
            while queue and len(pending) < jobs * 2:
                index = queue.pop(0)
                pending[pool.submit(_local_task, str(path), index, options.dpi)] = index
            complete, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(complete, key=lambda f: pending[f]):
                index = pending.pop(future)
                try:
                    finished(index, future.result())
                except Exception as exc:  # a worker died (killed, out of memory)
                    finished(index, PageResult(None, error=f"page {index}: the OCR worker failed ({type(exc).__name__}); run again to retry"))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _run_dask(path: Path, todo: list[int], options: OcrOptions, finished: Callable[[int, PageResult], None]) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise GazetteError("--scheduler needs Dask: pip install 'dask[distributed]' (on this machine and every worker)", ExitCode.BAD_ARGS) from None
    try:
        client = Client(options.scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise GazetteError(f"cannot reach the Dask scheduler at {options.scheduler} ({exc}); start it with `dask scheduler` and workers with `dask worker {options.scheduler} --nthreads 1`", ExitCode.BAD_ARGS) from None
    try:
        window = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        queue = list(todo)
        index_of: dict[str, int] = {}

        def submit():
            while queue:
                index = queue.pop(0)
                try:
                    prepared = prepare_page(path, index, options.dpi)
                except Exception as exc:
                    finished(index, PageResult(None, error=f"page {index} cannot be rendered ({type(exc).__name__}: {exc})"))
                    continue
                future = client.submit(_remote_task, prepared, pure=False, key=f"gazette-ocr-{path.name}-{index}-{os.getpid()}")
                index_of[future.key] = index
                return future
            return None

        first = [f for f in (submit() for _ in range(window)) if f is not None]
        if not first:
            return
        stream = as_completed(first)
        for future in stream:
            index = index_of.pop(future.key)
            try:
                finished(index, future.result())
            except Exception as exc:
                finished(index, PageResult(None, error=f"page {index}: the Dask task failed ({type(exc).__name__}: {exc})"))
            while queue and stream.count() < window:
                more = submit()
                if more is not None:
                    stream.add(more)
    finally:
        client.close()
