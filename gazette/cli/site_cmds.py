"""Commands that publish the archive: ``build`` and ``serve``."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

import click

from ..errors import BuildError, ExitCode, GazetteError
from . import cli
from .options import content_option

site_option = click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"),
                           show_default=True, help="Where the built site goes (replaced atomically).")


@cli.command()
@content_option
@site_option
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The mkdocs.yml to use (default: ./mkdocs.yml).")
@click.option("--site-url", default=None, help="Public URL of the site, for feeds, sitemap and citations (default: site_url in mkdocs.yml).")
@click.option("--full", is_flag=True, help="Re-render every page instead of only the pages that changed.")
@click.option("--allow-symlinks", is_flag=True, help="Follow symbolic links inside content/ (refused by default: a link can publish any file of the host).")
@click.option("--strict", is_flag=True, help="Fail (exit 9) instead of warning when the site URL is missing or a loopback address.")
def build(content_dir: Path, site_dir: Path, config: Path | None, site_url: str | None, full: bool,
          allow_symlinks: bool, strict: bool) -> None:
    """Render the published documents of content/ into a static site.

    Only documents whose status is published appear anywhere in the site, its search
    index, feed, sitemap and downloads. The site is built beside the target and swapped
    in at the end, so a failed build leaves the previous site untouched. Later builds
    re-render only the pages that changed (same result as a full build).

    \b
    Example:
        gazette build --content content/ --site site/
        gazette build --content content/ --site site/ --site-url https://gazette.example.gov.cn/ --strict
    """
    from ..site.build import build_site, is_local_url, site_url_of  # MkDocs and PDF libraries: only for a build

    url = site_url_of(config, site_url)
    if is_local_url(url):
        message = (f"the site URL is {url or 'not set'}: citations, the feed and the sitemap would point to this "
                   "machine; set site_url in mkdocs.yml or pass --site-url https://your.site/")
        if strict:
            raise BuildError(message)
        click.echo(f"warning: {message}", err=True)
    report = build_site(content_dir, site_dir, config, site_url, full=full, allow_symlinks=allow_symlinks)
    how = f"{report.rendered} of {report.pages} pages re-rendered" if report.incremental else f"{report.pages} pages"
    click.echo(f"built {report.site}: {report.issues} issues, {report.documents} published documents, "
               f"{how} in {report.seconds:.1f} s", err=True)
    click.echo("  " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.phases), err=True)
    if report.search is not None:
        click.echo(f"  search index: {report.search.blocks} blocks ({report.search.reused} unchanged), "
                   f"{report.search.bytes / 1e6:.1f} MB", err=True)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, and the site's own 404.html for a missing page (as a web server would)."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        data = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


@cli.command()
@site_option
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
def serve(site_dir: Path, port: int, host: str) -> None:
    """Serve a built site over HTTP for preview (search needs HTTP, not file://).

    \b
    Example:
        gazette build && gazette serve --port 8000
    """
    if not (site_dir / "index.html").exists():
        raise GazetteError(f"{site_dir}: no built site here; run `gazette build --site {site_dir}` first", ExitCode.BAD_ARGS)
    handler = functools.partial(_Handler, directory=str(site_dir))
    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        click.echo(f"serving {site_dir} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
