"""Browser search: write the static search index of the site's public documents.

The index (``site/search/``, see :mod:`gazette.search.static`) is read by the search
page's script (``site_config/assets/gazette-search.js``). It replaced Pagefind: Chinese
word segmentation at index time and at query time disagree (a quoted phrase found
nothing), the bigram lists that patched that made every page heavier, and exact
phrases, 文号 lookups, traditional characters and a date order needed an index whose
terms Gazette chooses itself. Only documents of ``Archive.public()`` reach it.
"""

from __future__ import annotations

from pathlib import Path

from ..archive.relations import Linkage
from ..content import Archive
from ..search.static import Entry, StaticReport, write_static_index
from . import render

FOLDER = "search-index"


def write_index(archive: Archive, doc_urls: dict[str, str], site: Path, previous: Path | None = None,
                linkage: Linkage | None = None) -> StaticReport:
    """Write ``site/search-index/`` for the (public) ``archive``; the unchanged blocks of
    the ``previous`` site's index are reused. A work printed in several issues is
    indexed once, at its first printing (whose page lists the others)."""
    linkage = linkage or Linkage({}, None)
    entries = [Entry(doc_urls[doc.id], doc, issue, render.issue_label(issue),
                     (linkage.of(doc.id).validity.value if linkage.of(doc.id).validity else ""))
               for issue in archive.issues for doc in archive.issue_documents(issue)
               if doc.id in doc_urls and linkage.of(doc.id).work in (None, doc.id)]
    return write_static_index(entries, site / FOLDER, previous / FOLDER if previous is not None else None)
