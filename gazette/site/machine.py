"""Outputs for machines: Atom feed, sitemap, documents.jsonl and one JSON file per document.

All dates come from the documents and issues, never from the clock, so two builds of
the same content give the same bytes. Only the public archive is passed in.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
from pathlib import Path
from xml.sax.saxutils import escape as _escape

from ..content import Archive
from ..archive.relations import Linkage
from ..models import RelationType, Validity
from ..export import document_record, to_jsonl
from .render import issue_label

FEED_ENTRIES = 100


def _inert(text: str) -> str:
    """JSON text with ``<``, ``>`` and ``&`` written as \\u escapes: the same data, but no
    markup from a PDF appears verbatim even if a browser sniffs the file as HTML.
    (In JSON these characters only ever occur inside strings.)"""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _abs(site_url: str, path: str) -> str:
    return (site_url.rstrip("/") + "/" + path) if site_url else "/" + path


def write_jsonl(archive: Archive, site: Path, unchanged: set[str] | None = None, previous: Path | None = None,
                linkage: Linkage | None = None) -> int:
    """``documents.jsonl``: the public export, one document per line.

    The lines of the issues in ``unchanged`` (whose documents are as they were in the
    ``previous`` site) are copied from its ``documents.jsonl`` instead of made again."""
    old = previous / "documents.jsonl" if previous is not None and unchanged else None
    where = _line_offsets(old) if old is not None and old.is_file() else {}
    count = 0
    with open(site / "documents.jsonl", "wb") as out, (open(old, "rb") if where else contextlib.nullcontext()) as before:
        for issue in archive.issues:
            for doc in archive.issue_documents(issue):
                span = where.get(doc.id) if unchanged and issue.id in unchanged else None
                if span is not None:
                    before.seek(span[0])
                    out.write(before.read(span[1]))
                else:
                    out.write((_inert(to_jsonl(document_record(doc, issue, linkage.of(doc.id) if linkage else None))) + "\n").encode("utf-8"))
                count += 1
    return count


def _line_offsets(path: Path) -> dict[str, tuple[int, int]]:
    """Document id → (offset, length) of its line in a ``documents.jsonl`` (every line
    starts with ``{"id":"<id>"``; ids are letters, digits, - and _)."""
    found: dict[str, tuple[int, int]] = {}
    at = 0
    with open(path, "rb") as lines:
        for line in lines:
            if line.startswith(b'{"id":"'):
                found[line[7:line.index(b'"', 7)].decode("ascii", "replace")] = (at, len(line))
            at += len(line)
    return found


def write_document_json(archive: Archive, site: Path, doc_urls: dict[str, str], site_url: str,
                        unchanged: set[str] | None = None, previous: Path | None = None,
                        linkage: Linkage | None = None) -> None:
    """``api/documents/<id>.json`` for every document, and ``api/index.json`` listing them.

    The files of the issues in ``unchanged`` are hard-linked from the ``previous`` site
    (never written through: every file written here is a new one)."""
    folder = site / "api" / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    index = []
    for issue in archive.issues:
        for doc in archive.issue_documents(issue):
            name = f"{doc.id}.json"
            index.append({"id": doc.id, "title": doc.title, "issue": issue.id, "json": f"documents/{name}"})
            if previous is not None and unchanged and issue.id in unchanged:
                try:
                    os.link(previous / "api" / "documents" / name, folder / name)
                    continue
                except OSError:
                    pass
            record = document_record(doc, issue, linkage.of(doc.id) if linkage else None)
            record["url"] = _abs(site_url, doc_urls[doc.id])
            (folder / name).write_text(_inert(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)) + "\n", encoding="utf-8")
    (site / "api" / "index.json").write_text(_inert(json.dumps(index, ensure_ascii=False, indent=1)) + "\n", encoding="utf-8")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_escape(text: str) -> str:
    """Escape text for XML, dropping the characters XML 1.0 cannot hold at all (NUL and
    other control characters), which would make the whole file unreadable."""
    return _escape(_NOT_XML.sub("", text))


def write_feed(archive: Archive, site: Path, doc_urls: dict[str, str], site_url: str, title: str,
               linkage: Linkage | None = None) -> None:
    """``feed.xml``: an Atom feed of the latest issues and their documents. A repealed
    document's entry says by what and since when, and is updated on that date."""
    entries: list[tuple[str, str, str, str, str]] = []  # (date, id, title, url, summary)
    for issue in archive.issues:
        date = issue.meta.date or "1970-01-01"
        label = issue_label(issue)
        docs = archive.issue_documents(issue)
        entries.append((date, f"issue:{issue.id}", label, _abs(site_url, f"{issue.id}/"), f"本期共{len(docs)}件"))
        for doc in docs:
            summary = "，".join(x for x in (doc.issuer, doc.doc_number, doc.signed_date) if x)
            updated = date
            standing = linkage.of(doc.id) if linkage else None
            if standing and standing.validity is Validity.REPEALED:
                by = next((r for r in standing.relations if r.type in (RelationType.REPEALED_BY, RelationType.REPLACED_BY)), None)
                when = standing.repealed_on
                summary += "。已" + (f"于{when}" if when else "") + (f"被《{by.target_title}》" if by else "") + "废止"
                updated = max(date, when or date)
            entries.append((updated, f"document:{doc.id}", doc.title, _abs(site_url, doc_urls[doc.id]), summary))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    entries = entries[:FEED_ENTRIES]
    updated = entries[0][0] if entries else "1970-01-01"
    base = site_url.rstrip("/") or "urn:gazette"
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
           f"<title>{xml_escape(title)}</title>", f"<id>{xml_escape(base)}/</id>",
           f'<link rel="self" href="{xml_escape(_abs(site_url, "feed.xml"))}"/>',
           f'<link rel="alternate" href="{xml_escape(_abs(site_url, ""))}"/>',
           f"<updated>{updated}T00:00:00Z</updated>"]
    for date, entry_id, entry_title, url, summary in entries:
        out += ["<entry>", f"<id>{xml_escape(base)}/{xml_escape(entry_id)}</id>", f"<title>{xml_escape(entry_title)}</title>",
                f'<link href="{xml_escape(url)}"/>', f"<updated>{date}T00:00:00Z</updated>",
                f"<summary>{xml_escape(summary)}</summary>", "<author><name>政府公报</name></author>", "</entry>"]
    out.append("</feed>")
    (site / "feed.xml").write_text("\n".join(out) + "\n", encoding="utf-8")


def write_robots(site: Path, site_url: str) -> None:
    """``robots.txt``: everything may be crawled; where the sitemap is."""
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {_abs(site_url, 'sitemap.xml')}\n", encoding="utf-8")


def write_sitemap(site: Path, paths: list[str], site_url: str) -> None:
    """``sitemap.xml`` (and ``.gz`` with a fixed mtime) listing the public pages only."""
    urls = sorted(set(paths))
    body = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    body += [f"<url><loc>{xml_escape(_abs(site_url, p))}</loc></url>" for p in urls]
    body.append("</urlset>")
    data = ("\n".join(body) + "\n").encode("utf-8")
    (site / "sitemap.xml").write_bytes(data)
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
