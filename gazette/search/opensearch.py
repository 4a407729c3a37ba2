"""Bulk export for OpenSearch or Elasticsearch: beyond one site (docs/scale.md).

A national collection of every gazette does not fit in per-site browser bundles; it
belongs in a search server. ``gazette export --format opensearch`` writes the ``_bulk``
body (NDJSON: an action line, then the document) for the published documents, and
``--format opensearch-mapping`` the index settings and mapping they are meant for:

* the texts (``title``, ``text``, ``issuer_text``) analysed with the built-in ``cjk``
  analyzer (overlapping bigrams, full-width forms folded: no plugin needed), and again
  in their folded form (``*_folded``: traditional characters as simplified, NFKC), so a
  query folded the same way (``gazette.search.normalize``) finds 繁体 and 简体 alike;
* ``doc_number`` as printed and ``doc_number_key`` normalised (any brackets, digits and
  spaces), ``issuer`` (each organ of a joint issue), ``kind``, ``validity``, ``section``,
  ids and the source as keywords; dates as ``date``; page numbers as integers.

Only documents the caller passes are written: the CLI passes the published ones.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Iterator

from ..fold import fold
from ..models import Document, Issue
from ..structure import body_to_text
from .normalize import doc_number_key, issuer_names

_TEXT = {"type": "text", "analyzer": "gazette_cjk"}
_KEYWORD = {"type": "keyword"}
_DATE = {"type": "date", "format": "strict_date"}

MAPPING: dict[str, Any] = {
    "settings": {
        "analysis": {
            "analyzer": {
                "gazette_cjk": {"type": "custom", "tokenizer": "standard",
                                "filter": ["cjk_width", "lowercase", "cjk_bigram"]},
            },
        },
    },
    "mappings": {
        "dynamic": "strict",
        "properties": {
            "id": _KEYWORD,
            "url": _KEYWORD,
            "gazette": _KEYWORD,
            "issue_id": _KEYWORD,
            "issue_year": {"type": "integer"},
            "issue_number": {"type": "integer"},
            "issue_date": _DATE,
            "title": {**_TEXT, "fields": {"exact": {"type": "keyword", "ignore_above": 2048}}},
            "title_folded": _TEXT,
            "kind": _KEYWORD,
            "doc_number": _KEYWORD,
            "doc_number_key": _KEYWORD,
            "issuer": _KEYWORD,
            "issuer_text": _TEXT,
            "signed_date": _DATE,
            "effective_date": _DATE,
            "validity": _KEYWORD,
            "section": _KEYWORD,
            "source_file": _KEYWORD,
            "source_sha256": _KEYWORD,
            "pdf_pages": {"type": "integer"},
            "printed_pages": {"type": "integer"},
            "text": _TEXT,
            "text_folded": _TEXT,
        },
    },
}


def _folded(text: str) -> str:
    return fold(unicodedata.normalize("NFKC", text))


def _date(value: str | None) -> str | None:
    return value if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def record(doc: Document, issue: Issue, url: str | None = None, validity: str | None = None) -> dict[str, Any]:
    """The indexed document: every key is a property of :data:`MAPPING`."""
    text = body_to_text(doc.body)
    meta = issue.meta
    return {
        "id": doc.id,
        "url": url,
        "gazette": meta.gazette_name,
        "issue_id": issue.id,
        "issue_year": meta.year,
        "issue_number": meta.number,
        "issue_date": _date(meta.date),
        "title": doc.title,
        "title_folded": _folded(doc.title),
        "kind": doc.kind.value,
        "doc_number": doc.doc_number,
        "doc_number_key": doc_number_key(doc.doc_number) if doc.doc_number else None,
        "issuer": issuer_names(doc.issuer),
        "issuer_text": doc.issuer,
        "signed_date": _date(doc.signed_date),
        "effective_date": _date(doc.effective_date),
        "validity": validity,
        "section": doc.section,
        "source_file": doc.source.file,
        "source_sha256": doc.source.sha256,
        "pdf_pages": [p for p in doc.source.pdf_pages if p is not None],
        "printed_pages": [p for p in doc.source.printed_pages if p is not None],
        "text": text,
        "text_folded": _folded(text),
    }


def bulk_lines(pairs: Iterator[tuple[Document, Issue]], index: str = "gazette",
               site_url: str | None = None, validity: dict[str, str] | None = None) -> Iterator[str]:
    """The ``_bulk`` body: for each document an ``index`` action (``_id`` = document id,
    so re-sending an archive replaces, never duplicates) and the document."""
    for doc, issue in pairs:
        url = f"{site_url.rstrip('/')}/{doc.issue_id}/{doc.seq:02d}/" if site_url else None
        yield json.dumps({"index": {"_index": index, "_id": doc.id}}, ensure_ascii=False, separators=(",", ":"))
        yield json.dumps(record(doc, issue, url, (validity or {}).get(doc.id)), ensure_ascii=False, separators=(",", ":"))
