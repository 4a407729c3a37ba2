"""The site's search index: static files the browser fetches a few at a time.

Layout under ``site/search/`` (every ``.gz`` file is gzip, decompressed by the browser
itself, so the bytes a query costs do not depend on the web server):

``meta.json``
    format version, document count, shard counts, kinds and years with counts.
``dates.json.gz``
    the first document number of every date: documents are numbered in date order, so a
    date range or a year is a range of numbers and sorting by date is sorting by number
    (fetched only when a date filter is used).
``s/<hex>.gz``
    postings shards. A term is a one- or two-character piece of the searchable form of
    the body text (:mod:`gazette.search.normalize`: lower-case letters, digits, CJK), or,
    after an upper-case tag no searchable form contains, ``T`` + a piece of the title,
    ``N`` + a piece of the 文号, or a filter value (``K`` + kind, ``I`` + issuer: a query
    word that is an issuer's whole name also finds that issuer's documents). Its shard is the FNV-1a hash of the
    UTF-8 bytes of :func:`shard_key` modulo the shard count. A shard holds, for each of its terms, the sorted
    document numbers: delta varints, or a bitmap when that is smaller.
``d/<n>.json.gz``
    one document: URL, title, 文号, issuer, dates, kind, issue label and plain text. Only
    the documents shown are fetched; a phrase is checked against this text before it
    is shown (the postings only say that every two-character piece occurs).
``n/<hex>.json.gz``
    文号 lookup: normalised 文号 → document numbers (:func:`normalize.doc_number_key`).
``e/<hex>.json.gz``
    exact titles: searchable form of a title → document numbers (an exact title is
    shown first).
``issuers.json.gz``, ``fold.json.gz``
    issuer names with counts (for the filter box); the character table the browser
    folds queries and texts with.

Only public documents reach this function (the caller passes ``Archive.public()``).
Everything is sorted and no clock is read, so the same archive gives the same bytes.
"""

from __future__ import annotations

import gzip
import json
from array import array
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..models import Document, Issue
from ..structure import body_to_text
from .normalize import bigrams, doc_number_key, fold_table, issuer_names, searchable

FORMAT = 1
_TERMS_PER_SHARD = 96  # aim; the shard count is a power of two


@dataclass(frozen=True)
class Entry:
    """One public document as the index sees it."""

    url: str
    doc: Document
    issue: Issue
    issue_label: str


@dataclass(frozen=True)
class StaticReport:
    """What :func:`write_static_index` wrote."""

    documents: int
    terms: int
    shards: int
    bytes: int


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (the browser computes the same)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_key(term: str) -> str:
    """What a term is hashed by: a title or 文号 piece (``T``/``N`` + piece) goes to the
    shard of the same body piece, so checking the title and the 文号 costs no extra file."""
    return term[1:] if term[:1] in ("T", "N") and len(term) > 1 else term


def _date_of(entry: Entry) -> str:
    return entry.doc.signed_date or entry.issue.meta.date or ""


def order(entries: Iterable[Entry]) -> list[Entry]:
    """Documents in date order (signing date, else the issue's), then issue and sequence."""
    return sorted(entries, key=lambda e: (_date_of(e), e.issue.id, e.doc.seq, e.doc.id))


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def encode_postings(numbers: Sequence[int], total: int) -> bytes:
    """``0`` + count + delta varints, or ``1`` + a bitmap of ``total`` bits, whichever is
    smaller."""
    deltas = bytearray()
    previous = -1
    for n in numbers:
        _varint(n - previous - 1, deltas)
        previous = n
    bitmap_size = (total + 7) // 8
    if bitmap_size < len(deltas):
        bits = bytearray(bitmap_size)
        for n in numbers:
            bits[n >> 3] |= 1 << (n & 7)
        head = bytearray([1])
        _varint(len(numbers), head)
        return bytes(head + bits)
    head = bytearray([0])
    _varint(len(numbers), head)
    return bytes(head + deltas)


def _shard_count(terms: int) -> int:
    count = 1
    while count * _TERMS_PER_SHARD < terms:
        count *= 2
    return count


def _json(value: object) -> bytes:
    """Compact JSON with ``<``, ``>`` and ``&`` as \\u escapes (no markup from a PDF appears
    verbatim in any file of the site, even one a browser sniffs as HTML)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").encode("utf-8")


def _write_gz(path: Path, data: bytes) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(packed)
    return len(packed)


def _write_table(folder: Path, table: dict[str, list[int]]) -> tuple[int, int]:
    """A lookup table (key → document numbers) as JSON shards by the key's hash; returns
    (shard count, bytes written)."""
    count = _shard_count(len(table) * 2)
    grouped: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for key, docs in table.items():
        grouped[fnv1a(key) % count][key] = docs
    written = sum(_write_gz(folder / f"{shard:x}.json.gz", _json(dict(sorted(grouped.get(shard, {}).items()))))
                  for shard in range(count))
    return count, written


def write_static_index(entries: Iterable[Entry], folder: Path) -> StaticReport:
    """Write the search index of ``entries`` (public documents only) into ``folder``."""
    ordered = order(entries)
    total = len(ordered)
    postings: dict[str, array] = defaultdict(lambda: array("I"))
    numbers: dict[str, list[int]] = defaultdict(list)
    titles: dict[str, list[int]] = defaultdict(list)
    days: dict[int, int] = {}
    kinds: dict[str, int] = defaultdict(int)
    years: dict[str, int] = defaultdict(int)
    issuer_counts: dict[str, int] = defaultdict(int)
    written = 0
    for n, entry in enumerate(ordered):
        doc = entry.doc
        text = body_to_text(doc.body)
        form = searchable(text)
        title = searchable(doc.title)
        number_form = searchable(doc.doc_number or "")
        terms = (set(form) | bigrams(form) | {"T" + piece for piece in set(title) | bigrams(title)}
                 | {"N" + piece for piece in set(number_form) | bigrams(number_form)})
        terms.add("K" + doc.kind.value)
        for name in sorted(set(issuer_names(doc.issuer))):
            terms.add("I" + searchable(name))
            issuer_counts[name] += 1
        for term in terms:
            postings[term].append(n)
        key = doc_number_key(doc.doc_number) if doc.doc_number else None
        if key:
            numbers[key].append(n)
        if title:
            titles[title].append(n)
        date = _date_of(entry)
        day = int(date.replace("-", "")[:8]) if date[:4].isdigit() and len(date.replace("-", "")) >= 8 else 0
        days.setdefault(day, n)
        kinds[doc.kind.value] += 1
        if date[:4].isdigit():
            years[date[:4]] += 1
        record = [entry.url, doc.title, doc.doc_number or "", doc.issuer or "", doc.signed_date or "",
                  doc.effective_date or "", doc.kind.value, entry.issue_label, text]
        written += _write_gz(folder / "d" / f"{n}.json.gz", _json(record))
    shards = _shard_count(len(postings))
    by_shard: dict[int, list[str]] = defaultdict(list)
    for term in postings:
        by_shard[fnv1a(shard_key(term)) % shards].append(term)
    for shard in range(shards):
        out = bytearray()
        for term in sorted(by_shard.get(shard, [])):
            key = term.encode("utf-8")
            body = encode_postings(postings[term], total)
            _varint(len(key), out)
            out += key
            _varint(len(body), out)
            out += body
        written += _write_gz(folder / "s" / f"{shard:x}.gz", bytes(out))
    number_shards, size = _write_table(folder / "n", numbers)
    written += size
    title_shards, size = _write_table(folder / "e", titles)
    written += size
    issuers = sorted(issuer_counts.items(), key=lambda item: (-item[1], item[0]))
    written += _write_gz(folder / "issuers.json.gz", _json(issuers))
    written += _write_gz(folder / "fold.json.gz", _json(dict(sorted(fold_table().items()))))
    written += _write_gz(folder / "dates.json.gz", _json(sorted(days.items())))
    meta = {"format": FORMAT, "documents": total, "shards": shards, "number_shards": number_shards, "title_shards": title_shards,
            "kinds": dict(sorted(kinds.items())), "years": dict(sorted(years.items()))}
    data = _json(meta)
    (folder / "meta.json").write_bytes(data)
    written += len(data)
    return StaticReport(total, len(postings), shards, written)
