"""``gazette export``: documents as JSON Lines, a stable public interface (docs/export.md).

One JSON object per document, keys in a fixed order, ``null`` for unknown values::

    id, issue{id,name,year,number,date}, title, kind, doc_number, issuer, signed_date,
    effective_date, section, source{file,sha256,pdf_pages,printed_pages}, text, status
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from .content import Archive
from .models import Document, Issue, Status
from .structure import body_to_text

EXPORT_VERSION = 1


def document_record(doc: Document, issue: Issue | None) -> dict[str, Any]:
    """The export record of one document."""
    meta = issue.meta if issue else None
    return {
        "id": doc.id,
        "issue": {
            "id": doc.issue_id,
            "name": meta.gazette_name if meta else None,
            "year": meta.year if meta else None,
            "number": meta.number if meta else None,
            "date": meta.date if meta else None,
        },
        "title": doc.title,
        "kind": doc.kind.value,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "signed_date": doc.signed_date,
        "effective_date": doc.effective_date,
        "section": doc.section,
        "source": {
            "file": doc.source.file,
            "sha256": doc.source.sha256,
            "pdf_pages": list(doc.source.pdf_pages),
            "printed_pages": list(doc.source.printed_pages),
        },
        "text": body_to_text(doc.body),
        "status": doc.status.value,
    }


def iter_records(archive: Archive, statuses: frozenset[Status]) -> Iterator[dict[str, Any]]:
    """Records of the documents whose status is in ``statuses``, issue by issue in printed order."""
    for issue in archive.issues:
        for doc in archive.issue_documents(issue):
            if doc.status in statuses:
                yield document_record(doc, issue)


def to_jsonl(record: dict[str, Any]) -> str:
    """One record as a JSON line (UTF-8 text, no ASCII escaping, no trailing newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
