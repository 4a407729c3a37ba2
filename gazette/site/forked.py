"""Run one stage of a build in a forked child process, beside the rest of the build.

The search index (:mod:`gazette.site.search`) needs nothing MkDocs makes, so it is
written by a child while the parent renders the pages: on two cores the two run at
once. The child is a ``fork`` of the build, so it sees the loaded archive without
copying it; it sends back its result, or the exception it raised, pickled through a
pipe, and :meth:`Forked.result` returns the one or raises the other. Where ``fork`` is
missing (Windows, or a platform where it is unsafe) the function simply runs at once.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import time
import traceback
from typing import Any, Callable, Generic, TypeVar

from ..errors import BuildError

T = TypeVar("T")


class Forked(Generic[T]):
    """A function running in a child process (or already run, where there is no fork)."""

    def __init__(self, name: str, function: Callable[..., T], *args: Any) -> None:
        self.name = name
        self.seconds = 0.0  # how long the function ran, in the child
        self.peak_mb = 0.0  # the child's peak resident memory (0 where there is no child)
        self._pid: int | None = None
        self._read = -1
        self._done: tuple[str, Any] | None = None
        if not _can_fork():
            started = time.perf_counter()
            try:
                self._done = ("ok", function(*args))
            except BaseException as exc:  # noqa: BLE001 - handed over by result(), as from a child
                self._done = ("error", exc)
            self.seconds = time.perf_counter() - started
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, report, and leave without running the parent's exit handlers
            os.close(read)
            _run_child(write, function, args)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        """The function's value; re-raises what it raised. Waits for the child."""
        if self._done is None:
            chunks = []
            with os.fdopen(self._read, "rb") as pipe:
                self._read = -1
                while chunk := pipe.read(1 << 20):
                    chunks.append(chunk)
            status = self._reap()
            data = b"".join(chunks)
            if not data:
                how = f"signal {-status}" if status < 0 else f"exit {status}"
                raise BuildError(f"the {self.name} stopped without a result ({how}); the previous site was left in place")
            kind, value, self.seconds, self.peak_mb = pickle.loads(data)
            self._done = (kind, value)
        kind, value = self._done
        if kind == "error":
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child (a build that failed elsewhere) and wait for it."""
        if self._pid is None:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if self._read >= 0:
            os.close(self._read)
            self._read = -1
        self._reap()

    def _reap(self) -> int:
        pid, self._pid = self._pid, None
        if pid is None:
            return 0
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status)


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def _run_child(write: int, function: Callable[..., Any], args: tuple) -> None:
    code = 0
    started = time.perf_counter()
    try:
        try:
            outcome: tuple[str, Any] = ("ok", function(*args))
        except BaseException as exc:  # noqa: BLE001 - the parent raises it
            outcome = ("error", exc)
        seconds = time.perf_counter() - started
        import resource  # Unix only, as fork is

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        try:
            data = pickle.dumps((outcome[0], outcome[1], seconds, peak))
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its text does
            text = "".join(traceback.format_exception(outcome[1])) if outcome[0] == "error" else repr(outcome[1])
            data = pickle.dumps(("error", BuildError(text), seconds, peak))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - nothing may escape into the parent's code
        code = 1
    finally:
        os._exit(code)
