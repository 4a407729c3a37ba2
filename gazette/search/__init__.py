"""Search: the normalisation both searches share, and the browser's static index.

* :mod:`gazette.search.normalize`: what a text and a query are compared as (full-width
  forms, traditional characters, brackets, spaces, punctuation);
* :mod:`gazette.search.static`: the site's search index, static files that the browser
  fetches a few at a time (postings sharded by term, one small file per document, a
  文号 lookup table). The command-line search (Whoosh) is :mod:`gazette.searchindex`.
"""
