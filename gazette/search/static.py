"""The site's search index: static files the browser fetches a few at a time.

Layout under ``site/search-index/`` (every ``.gz`` file is gzip, decompressed by the
browser itself, so the bytes a query costs do not depend on the web server):

``meta.json``
    format version, document count, the blocks in order (id, document count, shard and neighbour shard
    counts), the shard counts of the lookup tables, kinds and years with counts.
``b/<id>/``
    one *block*: a run of consecutive documents in date order (below). Documents are
    numbered in date order across the whole archive; a block holds the numbers from
    the sum of the earlier blocks' counts on, and its files use numbers local to it.

    ``s/<hex>.gz``
        postings shards. A term is a one- or two-character piece of the searchable form
        of the body text (:mod:`gazette.search.normalize`: lower-case letters, digits,
        CJK), or, after an upper-case tag no searchable form contains, ``T`` + a piece
        of the title, ``N`` + a piece of the 文号, ``R`` + a piece of an issuer's name
        (山东省人民政府 finds what 山东省人民政府办公厅 issued), or a filter value
        (``K`` + kind, ``V`` + validity, ``I`` + an issuer's whole name). Its shard is the FNV-1a hash of the UTF-8 bytes of
        :func:`shard_key` modulo the block's shard count. A shard holds, for each of
        its terms, the sorted document numbers: delta varints, or a bitmap when that is
        smaller.
    ``d/<n>.json.gz``
        one document: URL, title, 文号, issuer, dates, kind, issue label and plain
        text. Only the documents shown are fetched; a phrase is checked against this
        text before it is shown (the postings only say that every piece occurs).
    ``x/<hex>.json.gz``
        the *neighbour table*, read only when a query finds nothing (您是不是要找…): for
        each Chinese character of the unit's texts, the characters that follow it and
        those that precede it in some text, each with the number of documents that have
        the pair, most frequent first and at most :data:`NEIGHBOURS` of each (JSON
        ``{char: [followers, counts, preceders, counts]}``, the lists as strings). A
        character's shard is the FNV-1a hash of its UTF-8 bytes modulo the unit's
        neighbour shard count. A mistyped character (环境保户) is replaced by one that
        follows the character before it and precedes the one after it.
    ``block.json``
        its document, term, shard and neighbour shard counts, written last (a block
        without it is incomplete and never reused).
``n/<hex>.json.gz``
    文号 lookup: normalised 文号 → document numbers (:func:`normalize.doc_number_key`),
    and every 令号's number → [document number, issuing organ] pairs
    (:func:`normalize.order_key`: 令第453号), for a 令号 typed short (省政府令第453号,
    第453号令).
``e/<hex>.json.gz``
    exact titles: searchable form of a title → document numbers (an exact title is
    shown first).
``dates.json.gz``
    the first document number of every date: a date range or a year is a range of
    numbers and sorting by date is sorting by number (fetched only for a date filter).
``issuers.json.gz``, ``fold.json.gz``
    issuer names with counts (for the filter box); the character and phrase tables the
    browser folds queries and texts with (``{"chars": …, "phrases": …}``).
``sounds.json.gz``
    toneless pinyin syllable → the common characters with that reading
    (:func:`normalize.sound_table`), fetched only to correct a query that finds nothing:
    a fix that puts a character of the same sound (环境保户 → 环境保护) ranks first.
``shapes/<hex>.json.gz``
    character → the characters that look most like it (:func:`normalize.shape_table`),
    by the character's hash; fetched, like ``sounds.json.gz``, only to correct a query
    that finds nothing (末成年人 → 未成年人).

**Blocks** keep publishing cheap however large the archive grows: a new issue changes
the last block (or the block its dates fall in), and every other block is reused as it
is, hard-linked from the previous site. Where a block ends is decided by the documents
themselves (content-defined chunking, as in rsync): after a document whose id hashes to
0 modulo :data:`BLOCK_AVERAGE` − :data:`BLOCK_MIN`, once the block has
:data:`BLOCK_MIN` documents, and always at :data:`BLOCK_MAX`. So the cuts do not depend
on what was published before or in which order, a back-filled issue changes only the
block it falls in and the next one or two (until a cut falls where it fell before:
a new document that is itself a cut can push the following cut past
:data:`BLOCK_MIN`), and a block's id is a hash of its contents:
an incremental build writes the same bytes as a full one, and a browser never mixes an
old block with a new one.

**Eras** keep queries cheap however large the archive grows: a query fetches one shard
per unit for each piece, so the older blocks are joined into eras of 6,000–16,000
documents (:func:`cut_units`, content-defined too), each written as one unit, and only
the blocks after the last closed era are units of their own. The shards of a unit are
sized by bytes (:data:`_SHARD_BYTES`), not by terms, so a shard of a large unit costs a
query no more than one of a small unit. A new issue rewrites the last block; the build
that closes an era (once per 6,000–16,000 documents) or back-fills into one writes that
era again, which costs a time bounded by the era's size, not the archive's. In the
files below, "block" means a unit: a closed era or a block.

The lookup tables and ``meta.json`` are small and rewritten every build from the
metadata.

Only public documents reach this function (the caller passes ``Archive.public()``).
Everything is sorted and no clock is read, so the same archive gives the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..models import Document, Issue
from ..structure import body_to_text
from .normalize import (bigrams, doc_number_key, fold_table, issuer_names, order_key, order_number, phrase_table,
                        searchable, shape_table, sound_table)

FORMAT = 4
_SHARD_BYTES = 2048  # aim, before compression; a unit's shard count is a power of two
BLOCK_MIN = 256  # documents
BLOCK_AVERAGE = 2048
BLOCK_MAX = 4096
ERA_MIN = 6144  # documents; an era closes at a block's end once it has this many …
ERA_SPREAD = 2  # … and the block's last document hashes to 0 modulo this …
ERA_MAX = 16384  # … or once it has this many
BLOCK_FILE = "block.json"
NEIGHBOURS = 256  # followers and preceders kept per character and unit, most frequent first


@dataclass(frozen=True)
class Entry:
    """One public document as the index sees it."""

    url: str
    doc: Document
    issue: Issue
    issue_label: str
    validity: str = ""  # a Validity value, "" for documents without legal force


@dataclass(frozen=True)
class BlockInfo:
    """What one unit's folder holds (its ``block.json``) and the bytes written for it."""

    terms: int
    shards: int
    neighbours: int  # neighbour table shards
    bytes: int


@dataclass(frozen=True)
class StaticReport:
    """What :func:`write_static_index` wrote."""

    documents: int
    terms: int  # summed over the blocks
    shards: int
    bytes: int
    blocks: int = 1
    reused: int = 0  # blocks taken unchanged from the previous site


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (the browser computes the same)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_key(term: str) -> str:
    """What a term is hashed by: a title, 文号 or issuer piece (``T``/``N``/``R`` + piece)
    goes to the shard of the same body piece, so checking the title, the 文号 and the
    issuer costs no extra file."""
    return term[1:] if term[:1] in ("T", "N", "R") and len(term) > 1 else term


def _date_of(entry: Entry) -> str:
    return entry.doc.signed_date or entry.issue.meta.date or ""


def order(entries: Iterable[Entry]) -> list[Entry]:
    """Documents in date order (signing date, else the issue's), then issue and sequence."""
    return sorted(entries, key=lambda e: (_date_of(e), e.issue.id, e.doc.seq, e.doc.id))


def cut_blocks(ordered: Sequence[Entry]) -> list[list[Entry]]:
    """Consecutive runs of ``ordered`` (see the module docstring: content-defined cuts)."""
    blocks: list[list[Entry]] = []
    current: list[Entry] = []
    for entry in ordered:
        current.append(entry)
        if len(current) >= BLOCK_MAX or (len(current) >= BLOCK_MIN
                                         and fnv1a(entry.doc.id) % (BLOCK_AVERAGE - BLOCK_MIN) == 0):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def cut_units(ordered: Sequence[Entry]) -> list[list[Entry]]:
    """What the index is written as: the blocks of :func:`cut_blocks`, with every *closed
    era* of them joined into one unit. An era is a run of whole blocks, closed at the end
    of a block (never at the end of the archive) once it holds :data:`ERA_MIN` documents
    and that block's last document's id hashes to 0 modulo :data:`ERA_SPREAD`, or once
    it holds :data:`ERA_MAX`. So the cuts are content-defined as the blocks' are, the
    blocks after the last closed era stay blocks (a new issue rewrites only the last),
    and a query reads one shard per unit: a dozen eras instead of sixty blocks at
    100,000 documents."""
    units: list[list[Entry]] = []
    era: list[list[Entry]] = []  # the blocks of the era being read
    blocks = cut_blocks(ordered)
    for k, block in enumerate(blocks):
        era.append(block)
        size = sum(len(b) for b in era)
        if k < len(blocks) - 1 and (size >= ERA_MAX or (
                size >= ERA_MIN and fnv1a("era:" + block[-1].doc.id) % ERA_SPREAD == 0)):
            units.append([entry for b in era for entry in b])
            era = []
    return units + era


def block_id(block: Sequence[Entry]) -> str:
    """A hash of everything a unit's files are made from (and the format)."""
    digest = hashlib.sha256(f"gazette-search-{FORMAT}".encode())
    for entry in block:
        digest.update(repr((entry.url, entry.issue_label, _date_of(entry), entry.doc)).encode("utf-8"))
    return digest.hexdigest()[:20]


def _varint(value: int, out: bytearray) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def encode_postings(numbers: Sequence[int], total: int) -> bytes:
    """``0`` + count + delta varints, or ``1`` + a bitmap of ``total`` bits, whichever is
    smaller."""
    values = np.asarray(numbers, dtype=np.int64)
    gaps = np.diff(values, prepend=-1) - 1
    head = bytearray([0])
    _varint(len(values), head)
    if len(gaps) and int(gaps.max()) < 0x80:
        deltas = gaps.astype(np.uint8).tobytes()
    else:
        out = bytearray()
        for gap in gaps.tolist():
            _varint(gap, out)
        deltas = bytes(out)
    bitmap_size = (total + 7) // 8
    if bitmap_size < len(deltas):
        bits = np.zeros(bitmap_size * 8, dtype=np.uint8)
        bits[values] = 1
        head[0] = 1
        return bytes(head) + np.packbits(bits, bitorder="little").tobytes()
    return bytes(head) + deltas


def _shard_count(size: int, aim: int = _SHARD_BYTES) -> int:
    """The power of two that puts about ``aim`` of ``size`` into each shard."""
    count = 1
    while count * aim < size:
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


def _write_table(folder: Path, table: dict[str, list], count: int | None = None) -> tuple[int, int]:
    """A lookup table (key → document numbers, or pairs, or a neighbour table's entries) as
    JSON shards by the key's hash, ``count`` of them (by default about 64 bytes of keys
    a shard); returns (shard count, bytes written)."""
    count = count or _shard_count(len(table) * 3, 64)
    grouped: dict[int, dict[str, list]] = defaultdict(dict)
    for key, docs in table.items():
        grouped[fnv1a(key) % count][key] = docs
    written = sum(_write_gz(folder / f"{shard:x}.json.gz", _json(dict(sorted(grouped.get(shard, {}).items()))))
                  for shard in range(count))
    return count, written


def _piece_codes(form: str) -> np.ndarray:
    """The distinct one- and two-character pieces of a searchable form, as sorted
    integers: ``first << 21 | second`` (second 0 for a single character)."""
    if not form:
        return np.zeros(0, dtype=np.int64)
    chars = np.frombuffer(form.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    pairs = (chars[:-1] << 21) | chars[1:]
    return np.unique(np.concatenate([chars << 21, pairs]))


def _piece(code: int) -> str:
    second = code & 0x1FFFFF
    return chr(code >> 21) + (chr(second) if second else "")


def _is_cjk(chars: np.ndarray) -> np.ndarray:
    return (chars == 0x3007) | ((chars >= 0x3400) & (chars <= 0x4DBF)) | ((chars >= 0x4E00) & (chars <= 0x9FFF))


def neighbour_table(pairs: np.ndarray, counts: np.ndarray) -> dict[str, list]:
    """The neighbour table (module docstring, ``x/``) of a unit whose two-character pieces
    are ``pairs`` (``first << 21 | second``, as :func:`_piece_codes`) in ``counts``
    documents: ``{char: [followers, counts, preceders, counts]}``, Chinese characters
    only, ties in character order."""
    first, second = pairs >> 21, pairs & 0x1FFFFF
    keep = _is_cjk(first) & _is_cjk(second)
    first, second, counts = first[keep], second[keep], counts[keep]
    table: dict[str, list] = {}
    for slot, (own, other) in enumerate(((first, second), (second, first))):
        sorter = np.lexsort((other, -counts, own))
        own_s, other_s, counts_s = own[sorter], other[sorter], counts[sorter]
        starts = np.flatnonzero(np.diff(own_s, prepend=-1))
        ends = np.append(starts[1:], len(own_s))
        for start, end in zip(starts.tolist(), ends.tolist()):
            end = min(end, start + NEIGHBOURS)
            entry = table.setdefault(chr(int(own_s[start])), ["", [], "", []])
            entry[2 * slot] = "".join(map(chr, other_s[start:end].tolist()))
            entry[2 * slot + 1] = counts_s[start:end].tolist()
    return dict(sorted(table.items()))


def write_block(block: Sequence[Entry], folder: Path) -> BlockInfo:
    """Write one block's postings shards, neighbour table and document files into
    ``folder``. ``block.json`` is written last."""
    codes: list[np.ndarray] = []
    tagged: dict[str, list[int]] = defaultdict(list)
    written = 0
    for n, entry in enumerate(block):
        doc = entry.doc
        text = body_to_text(doc.body)
        codes.append(_piece_codes(searchable(text)))
        title = searchable(doc.title)
        number_form = searchable(doc.doc_number or "")
        terms = ({"T" + piece for piece in set(title) | bigrams(title)}
                 | {"N" + piece for piece in set(number_form) | bigrams(number_form)})
        terms.add("K" + doc.kind.value)
        if entry.validity:
            terms.add("V" + entry.validity)
        for name in issuer_names(doc.issuer):
            form = searchable(name)
            terms.add("I" + form)
            terms |= {"R" + piece for piece in set(form) | bigrams(form)}
        for term in terms:
            tagged[term].append(n)
        record = [entry.url, doc.title, doc.doc_number or "", doc.issuer or "", doc.signed_date or "",
                  doc.effective_date or "", doc.kind.value, entry.issue_label, text, entry.validity]
        written += _write_gz(folder / "d" / f"{n}.json.gz", _json(record))
    total = len(block)
    postings: dict[str, bytes] = {}
    neighbours: dict[str, list] = {}
    if codes:
        flat = np.concatenate(codes)
        owners = np.repeat(np.arange(total, dtype=np.int64), [len(c) for c in codes])
        sorter = np.argsort(flat, kind="stable")  # stable: each piece's documents stay in order
        flat, owners = flat[sorter], owners[sorter]
        starts = np.flatnonzero(np.diff(flat)) + 1 if len(flat) else np.zeros(0, dtype=np.int64)
        bounds = np.concatenate([[0], starts, [len(flat)]]).tolist()
        pieces = flat[bounds[:-1]].tolist() if len(flat) else []
        for k, code in enumerate(pieces):
            postings[_piece(code)] = encode_postings(owners[bounds[k]:bounds[k + 1]], total)
        if pieces:
            codes_u, counts_u = np.asarray(pieces, dtype=np.int64), np.diff(np.asarray(bounds, dtype=np.int64))
            pairs = (codes_u & 0x1FFFFF) != 0
            neighbours = neighbour_table(codes_u[pairs], counts_u[pairs])
    for term, numbers in tagged.items():
        postings[term] = encode_postings(numbers, total)
    # Shards are sized by bytes, not terms: a shard costs a query what is in it, and in a
    # large unit a common piece's postings are large.
    shards = _shard_count(sum(len(term.encode("utf-8")) + len(body) + 2 for term, body in postings.items()))
    by_shard: dict[int, list[str]] = defaultdict(list)
    for term in postings:
        by_shard[fnv1a(shard_key(term)) % shards].append(term)
    for shard in range(shards):
        out = bytearray()
        for term in sorted(by_shard.get(shard, [])):
            key = term.encode("utf-8")
            body = postings[term]
            _varint(len(key), out)
            out += key
            _varint(len(body), out)
            out += body
        written += _write_gz(folder / "s" / f"{shard:x}.gz", bytes(out))
    # Shards sized by bytes, as the postings' are: a common character's entry is long.
    neighbour_shards, size = _write_table(folder / "x", neighbours,
                                          _shard_count(sum(len(_json(entry)) + 6 for entry in neighbours.values())))
    written += size
    info = _json({"documents": total, "terms": len(postings), "shards": shards, "neighbours": neighbour_shards})
    (folder / BLOCK_FILE).write_bytes(info)
    return BlockInfo(len(postings), shards, neighbour_shards, written + len(info))


def _reuse_block(previous: Path, folder: Path) -> BlockInfo | None:
    """Hard-link a complete block of the previous site into ``folder``; None when there
    is none. The files are never written again (a block's id changes with its contents),
    so sharing them with the live site is safe. (Plain ``os`` calls on strings: at
    100,000 documents this links a quarter of a million files.)"""
    info_file = os.path.join(previous, BLOCK_FILE)
    try:
        with open(info_file, "rb") as handle:
            info = json.loads(handle.read())
        size = 0
        for root, _dirs, files in os.walk(previous):
            target = os.path.join(folder, os.path.relpath(root, previous))
            os.makedirs(target, exist_ok=True)
            for name in files:
                if name == BLOCK_FILE:
                    continue
                source = os.path.join(root, name)
                try:
                    os.link(source, os.path.join(target, name))
                except OSError:
                    shutil.copy2(source, os.path.join(target, name))
                size += os.stat(source).st_size
        shutil.copy2(info_file, os.path.join(folder, BLOCK_FILE))
        return BlockInfo(int(info["terms"]), int(info["shards"]), int(info["neighbours"]),
                         size + os.stat(info_file).st_size)
    except (OSError, ValueError, KeyError, TypeError):
        shutil.rmtree(folder, ignore_errors=True)
        return None


def _version(paths: list[Path]) -> str:
    """A hash of the lookup tables' bytes: the browser asks for them with ``?v=`` + this,
    so a cached table of an earlier build (whose numbers differ) is never used."""
    digest = hashlib.sha256()
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def write_static_index(entries: Iterable[Entry], folder: Path, previous: Path | None = None) -> StaticReport:
    """Write the search index of ``entries`` (public documents only) into ``folder``,
    reusing the unchanged blocks of ``previous`` (the last site's index) when given."""
    ordered = order(entries)
    total = len(ordered)
    numbers: dict[str, list[int]] = defaultdict(list)
    orders: dict[str, list[list]] = defaultdict(list)
    titles: dict[str, list[int]] = defaultdict(list)
    days: dict[int, int] = {}
    kinds: dict[str, int] = defaultdict(int)
    validities: dict[str, int] = defaultdict(int)
    years: dict[str, int] = defaultdict(int)
    issuer_counts: dict[str, int] = defaultdict(int)
    for n, entry in enumerate(ordered):
        doc = entry.doc
        key = doc_number_key(doc.doc_number) if doc.doc_number else None
        if key:
            numbers[key].append(n)
        typed_order = order_number(doc.doc_number) if doc.doc_number else None
        if typed_order:
            orders[order_key(typed_order[1])].append([n, typed_order[0]])
        title = searchable(doc.title)
        if title:
            titles[title].append(n)
        for name in sorted(set(issuer_names(doc.issuer))):
            issuer_counts[name] += 1
        date = _date_of(entry)
        day = int(date.replace("-", "")[:8]) if date[:4].isdigit() and len(date.replace("-", "")) >= 8 else 0
        days.setdefault(day, n)
        kinds[doc.kind.value] += 1
        if entry.validity:
            validities[entry.validity] += 1
        if date[:4].isdigit():
            years[date[:4]] += 1
    written = terms = shard_total = reused = 0
    blocks = []
    for block in cut_units(ordered):
        ident = block_id(block)
        target = folder / "b" / ident
        result = _reuse_block(previous / "b" / ident, target) if previous is not None else None
        if result is None:
            result = write_block(block, target)
        else:
            reused += 1
        terms += result.terms
        shard_total += result.shards
        written += result.bytes
        blocks.append({"id": ident, "documents": len(block), "shards": result.shards, "neighbours": result.neighbours})
    tables = [folder / "n", folder / "e"]
    number_shards, size = _write_table(folder / "n", {**numbers, **orders})
    written += size
    title_shards, size = _write_table(folder / "e", titles)
    written += size
    shape_shards, size = _write_table(folder / "shapes", shape_table())
    written += size
    tables.append(folder / "shapes")
    issuers = sorted(issuer_counts.items(), key=lambda item: (-item[1], item[0]))
    tables_written = (("issuers", issuers), ("fold", {"chars": dict(sorted(fold_table().items())), "phrases": phrase_table()}),
                      ("dates", sorted(days.items())), ("sounds", sound_table()))
    for name, value in tables_written:
        written += _write_gz(folder / f"{name}.json.gz", _json(value))
        tables.append(folder / f"{name}.json.gz")
    meta = {"format": FORMAT, "documents": total, "blocks": blocks, "tables": _version(tables), "neighbours_kept": NEIGHBOURS,
            "number_shards": number_shards, "title_shards": title_shards, "shape_shards": shape_shards,
            "kinds": dict(sorted(kinds.items())), "years": dict(sorted(years.items())),
            "validities": dict(sorted(validities.items()))}
    data = _json(meta)
    (folder / "meta.json").write_bytes(data)
    written += len(data)
    return StaticReport(total, terms, shard_total, written, len(blocks), reused)
