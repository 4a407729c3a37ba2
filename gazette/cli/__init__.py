"""The ``gazette`` command: a thin click layer over the library.

Data goes to stdout, messages to stderr. Every :class:`~gazette.errors.GazetteError`
is caught here, printed as one ``error:`` line and turned into its exit code.
"""

from __future__ import annotations

import signal
import sys
from typing import Any

import click

from .. import __version__
from ..errors import GazetteError


class GazetteGroup(click.Group):
    """A click group whose single error handler prints GazetteErrors without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GazetteError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(int(exc.exit_code))


@click.group(cls=GazetteGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gazette")
def cli() -> None:
    """Turn government gazette PDFs into a static, searchable, citable archive.

    \b
    Example:
        gazette ingest samples/*.pdf && gazette publish --all && gazette build
    """


def main() -> None:
    """Console-script entry point.

    SIGTERM is turned into a normal exit so that interrupted builds still remove their
    temporary folders (the previous site is never touched before the final rename).
    """
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cli(prog_name="gazette")


from . import content_cmds  # noqa: E402,F401  (registers commands)

for _optional in ("site_cmds", "search_cmds", "ocr_cmds", "relation_cmds", "review_cmds", "submission_cmds", "desk_cmds"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as _exc:  # pragma: no cover - during development only
        if _exc.name != f"{__name__}.{_optional}":
            raise
