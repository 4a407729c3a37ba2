"""Browser search: run Pagefind (extended build, which segments Chinese) over the built site.

Pagefind writes a fragmented index into ``site/pagefind/``; a query downloads the
entry file, the WebAssembly runtime and only the index chunks and fragments it needs.
Only document pages carry ``data-pagefind-body``, so nothing else is indexed; each
document page also holds its text's character bigrams (hidden), so every 2-character
query matches inside longer words (公开 in 政务公开) whatever the segmenter does.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import BuildError


def pagefind_executable() -> Path:
    """The Pagefind binary shipped in the ``pagefind[extended]`` wheel."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError as exc:
        raise BuildError("the Pagefind extended binary is not installed; run `pip install 'pagefind[extended]'` (make setup does it)") from exc
    return Path(get_executable())


def index_site(site: Path) -> None:
    """Build the Pagefind index of a built site in ``site/pagefind``."""
    command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", "pagefind",
               "--force-language", "zh-cn", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BuildError(f"{site}: Pagefind failed ({detail[0]}); the previous site was left in place")
