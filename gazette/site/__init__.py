"""The static site: content/ → MkDocs source tree → mkdocs build → search index → atomic swap.

Modules: ``render`` (escaped HTML for every page), ``tree`` (the MkDocs source tree and
nav), ``machine`` (feed, sitemap, JSON), ``search`` (the static search index), ``build`` (orchestration).
"""

from .build import BuildReport, build_site

__all__ = ["BuildReport", "build_site"]
