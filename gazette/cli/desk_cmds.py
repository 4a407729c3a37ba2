"""``gazette desk`` (the editors' web application) and ``gazette accounts`` (its sign-ins)."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import click

from ..errors import ExitCode, GazetteError
from . import cli
from .content_cmds import _login
from .options import content_option

accounts_option = click.option("--accounts", "accounts_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                               envvar="GAZETTE_ACCOUNTS",
                               help="The desk accounts file [default: CONTENT/.gazette/accounts.json].")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@cli.command()
@content_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but 127.0.0.1 (an office network) requires accounts.")
@click.option("--port", default=8010, show_default=True, help="Port to listen on.")
@accounts_option
@click.option("--by", envvar="GAZETTE_USER", default=None,
              help="Without accounts: the name the register records [default: $GAZETTE_USER, else your login name].")
@click.option("--two-person", is_flag=True, envvar="GAZETTE_TWO_PERSON",
              help="A document's reviewer may not be its last editor (the two-person rule).")
@click.option("--open", "open_browser", is_flag=True, help="Open the desk in the web browser.")
def desk(content_dir: Path, host: str, port: int, accounts_file: Path | None, by: str | None, two_person: bool,
         open_browser: bool) -> None:
    """Start the editors' desk: a web application for reviewing, correcting and
    publishing documents, with the page images beside the text (docs/editors.md).

    It binds to 127.0.0.1: only this computer can reach it. To serve an office network,
    add accounts first (gazette accounts add) and pass --host.

    \b
    Example:
        gazette desk --content content --open
    """
    import waitress

    from ..archive.review import Rules
    from ..desk import accounts
    from ..desk.app import DeskConfig, create_app

    if not content_dir.is_dir():
        raise GazetteError(f"{content_dir}: no such content folder; ingest an issue first (gazette ingest PDF --content {content_dir})",
                           ExitCode.BAD_ARGS)
    path = accounts.accounts_path(content_dir, accounts_file)
    known = accounts.load(path)
    local = _loopback(host)
    if not local and not known:
        raise GazetteError(f"--host {host} serves the desk to other computers, which needs accounts; add them first: "
                           f"gazette accounts add NAME --role reviewer --content {content_dir}", ExitCode.BAD_ARGS)
    name = by or _login()
    if not known and not name.strip():
        raise GazetteError("say who acts: pass --by NAME (or set GAZETTE_USER)", ExitCode.BAD_ARGS)
    app = create_app(DeskConfig(content_dir, name, path, Rules(two_person=two_person), local_only=local))
    server = waitress.create_server(app, host=host, port=port, threads=4, ident="gazette-desk")
    url = f"http://{'127.0.0.1' if local else host}:{server.effective_port}/"
    who = f"accounts from {path}" if known else f"acting as {name} (no accounts)"
    click.echo(f"desk: {url} ({who}); press Ctrl+C to stop", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("desk: stopped", err=True)
    finally:
        server.close()


@cli.group()
def accounts() -> None:
    """Desk accounts: editors correct documents, reviewers also approve them.

    \b
    Example:
        gazette accounts add 王编辑 --role reviewer
    """


@accounts.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "reviewer"]), default="editor", show_default=True)
@content_option
@accounts_option
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin instead of asking.")
def accounts_add(name: str, role: str, content_dir: Path, accounts_file: Path | None, password_stdin: bool) -> None:
    """Add a desk account (or give an existing one a new role and password). The
    password is stored hashed (scrypt), never as typed.

    \b
    Example:
        gazette accounts add 李审核 --role reviewer
    """
    from ..desk import accounts as acc

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt(f"password for {name}", hide_input=True, confirmation_prompt=True, err=True)
    path = acc.accounts_path(content_dir, accounts_file)
    account = acc.add(path, name, acc.Role(role), password)
    click.echo(f"accounts: {account.name} ({account.role.value}) saved in {path}; keep that file out of version control",
               err=True)


@accounts.command("list")
@content_option
@accounts_option
def accounts_list(content_dir: Path, accounts_file: Path | None) -> None:
    """List the desk accounts and their roles on stdout (tab-separated).

    \b
    Example:
        gazette accounts list
    """
    from ..desk import accounts as acc

    for account in acc.load(acc.accounts_path(content_dir, accounts_file)).values():
        click.echo(f"{account.name}\t{account.role.value}")


@accounts.command("remove")
@click.argument("name")
@content_option
@accounts_option
def accounts_remove(name: str, content_dir: Path, accounts_file: Path | None) -> None:
    """Remove a desk account; its entries in the register stay.

    \b
    Example:
        gazette accounts remove 王编辑
    """
    from ..desk import accounts as acc

    if not acc.remove(acc.accounts_path(content_dir, accounts_file), name):
        raise GazetteError(f"no desk account named {name}; 'gazette accounts list' shows them", ExitCode.BAD_ARGS)
    click.echo(f"accounts: {name} removed", err=True)
