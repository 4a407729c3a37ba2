"""gazette.site.forked: a build stage in a child process hands back its value or its exception."""

from __future__ import annotations

import os
import signal

import pytest

from gazette.errors import BuildError
from gazette.site.forked import Forked


def _double(x: int) -> list[int]:
    return [x, x * 2, os.getpid()]


def _fail(message: str) -> None:
    raise ValueError(message)


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_the_value_comes_back_from_another_process() -> None:
    forked = Forked("test stage", _double, 21)
    value = forked.result()
    assert value[:2] == [21, 42] and value[2] != os.getpid()
    assert forked.seconds >= 0 and forked.peak_mb > 0
    assert forked.result() == value  # asked twice: the same


def test_the_exception_is_raised_in_the_parent() -> None:
    forked = Forked("test stage", _fail, "shards unwritable")
    with pytest.raises(ValueError, match="shards unwritable"):
        forked.result()


def test_a_child_that_dies_is_a_build_error_naming_the_stage() -> None:
    forked = Forked("search index", _die)
    with pytest.raises(BuildError, match=r"the search index stopped without a result \(signal 9\)"):
        forked.result()


def test_cancel_stops_the_child() -> None:
    forked = Forked("test stage", signal.pause)
    forked.cancel()
    forked.cancel()  # twice is harmless
