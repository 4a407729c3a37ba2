"""Exceptions with exit codes, in the manner of OCRmyPDF's ``ExitCode``.

Every error a user can cause is a :class:`GazetteError` whose message names the file,
says what is wrong and how to fix it. The CLI prints ``error: <message>`` on stderr and
exits with ``exit_code``; nothing else prints tracebacks.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Documented process exit codes (see docs/cli.md)."""

    OK = 0
    OTHER_ERROR = 1
    BAD_ARGS = 2
    INPUT_FILE = 3  # not a PDF, truncated, unreadable
    ENCRYPTED = 4
    NO_TEXT = 5  # pages without a usable text layer (needs OCR)
    PARTIAL = 6  # a batch where some inputs failed
    EDITOR_CONFLICT = 7  # editor-modified content kept; new version written beside it
    CONTENT = 8  # malformed content/ file
    BUILD = 9  # site build failed; previous site left intact
    REFUSED = 10  # a review rule refused the action (不予公开 without override, two-person rule, stale save)


class GazetteError(Exception):
    """Base class: a message for the user and an exit code."""

    exit_code: ExitCode = ExitCode.OTHER_ERROR

    def __init__(self, message: str, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        """The one-line message shown to the user."""
        return str(self)


class InputFileError(GazetteError):
    """The input file is not a readable PDF."""

    exit_code = ExitCode.INPUT_FILE


class EncryptedPdfError(GazetteError):
    """The PDF is encrypted and cannot be read without a password."""

    exit_code = ExitCode.ENCRYPTED


class NoTextLayerError(GazetteError):
    """Pages have no usable text layer; they need OCR."""

    exit_code = ExitCode.NO_TEXT


class ContentError(GazetteError):
    """A file under content/ is malformed."""

    exit_code = ExitCode.CONTENT


class BuildError(GazetteError):
    """The site build failed."""

    exit_code = ExitCode.BUILD


class RefusedError(GazetteError):
    """A review rule refused the action: nothing was changed."""

    exit_code = ExitCode.REFUSED
