"""``gazette export``: documents as JSON Lines, a stable public interface (docs/export.md).

One JSON object per document, keys in a fixed order, ``null`` for unknown values::

    id, issue{id,name,year,number,date}, title, kind, doc_number, issuer, signed_date,
    effective_date, section, source{file,sha256,pdf_pages,printed_pages}, text, status,
    validity, relations[{type,target_id,target_title,target_doc_number}]

Validity and relations are those of the exported set itself (``link_archive`` over it):
a relation to a document outside it has ``target_id: null``.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from .archive.relations import Linkage, Standing, link_archive
from .content import Archive
from .models import Document, Issue, Status
from .structure import body_to_text

EXPORT_VERSION = 2  # 2: validity and relations


def document_record(doc: Document, issue: Issue | None, standing: Standing | None = None) -> dict[str, Any]:
    """The export record of one document (``standing``: its validity and relations)."""
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
        "validity": standing.validity.value if standing and standing.validity else None,
        "relations": [{"type": r.type.value, "target_id": r.target_id, "target_title": r.target_title,
                       "target_doc_number": r.target_doc_number} for r in (standing.relations if standing else ())],
    }


def iter_records(archive: Archive, statuses: frozenset[Status], linkage: Linkage | None = None) -> Iterator[dict[str, Any]]:
    """Records of the documents whose status is in ``statuses``, issue by issue in
    printed order, with validity and relations resolved within that set."""
    chosen = archive.only(statuses)
    linkage = linkage or link_archive(chosen)
    for issue in chosen.issues:
        for doc in chosen.issue_documents(issue):
            yield document_record(doc, issue, linkage.of(doc.id))


def to_jsonl(record: dict[str, Any]) -> str:
    """One record as a JSON line (UTF-8 text, no ASCII escaping, no trailing newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
