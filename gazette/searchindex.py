"""Command-line full-text search with Whoosh (the only module that imports whoosh).

Chinese analysis: every character of a CJK run starts one token, the bigram of it and the
next character; the last character of a run becomes a unigram (政务公开 → 政务 务公 公开
开). Latin words and numbers become lower-case tokens, full-width forms folded. Queries
go through the same analyzer and a term becomes a *phrase* of its tokens at consecutive
positions, so 公开 matches 政务公开 (any substring of two or more characters is found),
政务公开 does not match a text where 政务 and 公开 are apart, and a single character
matches as a prefix. No dictionary or model is needed.

The index lives in ``<content>/.gazette/index`` by default and is incremental: each
indexed document stores its content file's path and a fingerprint (SHA-256 of the file
and its issue's year); ``build_index`` re-reads only files whose fingerprint changed and
adds, replaces and deletes just those documents. Only published documents are indexed.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
import re
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
from whoosh import index as whoosh_index
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.matching import IntersectionMatcher, NullMatcher, WrappingMatcher
from whoosh.query import And, NumericRange, Or, Phrase, Prefix, Query, Sequence, Term
from whoosh.util import make_binary_tree

from .archive.relations import Standing, link_archive
from .content import ISSUE_FILE, document_from_file, issue_from_file, load_archive
from .errors import ContentError, ExitCode, GazetteError
from .fold import fold as fold_script
from .search.normalize import (OMITTED_WEIGHT, abbreviates, edits, issuer_names, order_key, order_number,
                               slip_weight, slips)
from .models import Document, Kind, Validity
from .structure import body_to_text
from .textnorm import normalize_doc_number

INDEX_VERSION = 7  # bump when the analyzer or schema changes: build_index then rebuilds
_VERSION_FILE = "gazette-index.json"  # {"version": N, "skipped": {path: fingerprint}}
HIT_OPEN, HIT_CLOSE = "【", "】"

_CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN_RE = re.compile(rf"(?P<cjk>[{_CJK}]+)|[A-Za-z0-9]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
# Full-width ASCII (Ａ, ０, ［ …) to ASCII, and the ideographic space to a space: one char for one.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_DOC_NUMBER_RE = re.compile(r"[〔\[(（【]\s*\d{4}\s*[〕\])）】]\s*\d+\s*号|第\s*\d+\s*号")
_BRACKETS = str.maketrans("[［(（【]］)）】", "〔〔〔〔〔〕〕〕〕〕")


class SearchError(GazetteError):
    """The index is missing, busy or out of date, or the query cannot be run."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.BAD_ARGS)


def fold(text: str) -> str:
    """Full-width ASCII forms to ASCII and traditional characters to simplified (OpenCC
    ``t2s``), both one character for one, so offsets stay valid."""
    return fold_script(text.translate(_FOLD))


_GAP_RE = re.compile(rf"[^0-9A-Za-z{_CJK}]+")


def analysed(text: str) -> str:
    """What the analyzer reads: :func:`fold`, then spaces and punctuation dropped next
    to a CJK character (a text layer's 行 政 处 罚 is 行政处罚, and 各部门、特别是 holds
    各部门特, as in the browser's search, docs/site.md); between two Latin words or
    numbers they stay one space (ISO 9001 is two words)."""
    return _GAP_RE.sub(_gap, fold(text))


def _gap(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    return " " if 0 < start and end < len(text) and text[start - 1].isascii() and text[end].isascii() else ""


class BigramTokenizer(Tokenizer):
    """CJK runs → one token per character (bigram, unigram at run end); Latin/digits → words."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for match in _TOKEN_RE.finditer(analysed(value)):
            run, offset = match.group(), match.start()
            if match.lastgroup == "cjk":
                pieces: list[tuple[str, int]] = [(run[i:i + 2], i) for i in range(len(run))]
            else:
                pieces = [(run.lower(), 0)]
            for text, i in pieces:
                token.text = text
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = text
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + offset + i
                    token.endchar = token.startchar + len(text)
                pos += 1
                yield token


class CharTokenizer(Tokenizer):
    """Every CJK character of the analysed text, once per occurrence (no positions): the
    ``*_chars`` fields that answer a one-character query with one posting list."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, char in enumerate(_CJK_CHAR.findall(analysed(value))):
            token.text, token.boost, token.stopped = char, 1.0, False
            if positions:
                token.pos = pos
            yield token


def analyzer() -> BigramTokenizer:
    """The analyzer used for indexing and for queries."""
    return BigramTokenizer()


def schema() -> Schema:
    """The index schema (see docs/search-cli.md)."""
    text = analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        path=STORED(),  # content file, relative to the content folder
        fingerprint=STORED(),
        issue=ID(stored=True),
        title=TEXT(analyzer=text, stored=True, field_boost=3.0, phrase=True),
        doc_number=TEXT(analyzer=text, stored=True, phrase=True),
        doc_number_exact=ID(),
        issuer=TEXT(analyzer=text, stored=True, phrase=True),
        issuer_exact=KEYWORD(commas=True),
        kind=ID(stored=True),
        year=NUMERIC(stored=True),
        signed_date=STORED(),
        date=NUMERIC(stored=False, sortable=True),  # the signing date (else the issue's) as yyyymmdd, for --from/--to
        body=TEXT(analyzer=text, phrase=True),
        title_chars=TEXT(analyzer=CharTokenizer(), field_boost=3.0, phrase=False),
        body_chars=TEXT(analyzer=CharTokenizer(), phrase=False),
        validity=ID(stored=True),  # docs/relations.md; "" for kinds without legal force
        work=ID(stored=True),  # first printing's id when printed more than once, else ""
        text=STORED(),  # zlib-compressed plain text, for snippets
    )


@dataclass(frozen=True)
class IndexReport:
    """What one ``build_index`` run changed."""

    added: int
    updated: int
    removed: int
    unchanged: int


@dataclass(frozen=True)
class Hit:
    """One search result; matches in ``snippet`` are marked 【like this】."""

    id: str
    title: str
    issue: str
    kind: str
    doc_number: str | None
    issuer: str | None
    signed_date: str | None
    score: float
    snippet: str
    validity: str | None = None  # docs/relations.md


def default_index_dir(content: Path) -> Path:
    """``<content>/.gazette/index``."""
    return content / ".gazette" / "index"


def _content_hint(index_dir: Path) -> str:
    if index_dir.name == "index" and index_dir.parent.name == ".gazette":
        return f"gazette index --content {index_dir.parent.parent}"
    return f"gazette index --content DIR --index {index_dir}"


# ---------------------------------------------------------------- building

def _day(iso: str | None) -> int:
    """2023-03-01 → 20230301 (0 when unknown), the indexed date."""
    digits = re.sub(r"\D", "", iso or "")[:8]
    return int(digits) if len(digits) == 8 else 0


def _fields(doc: Document, year: int | None, path: str, fingerprint: str, issue_date: str | None = None,
            standing: Standing | None = None) -> dict[str, object]:
    text = body_to_text(doc.body)
    return {
        "validity": standing.validity.value if standing and standing.validity else "",
        "work": standing.work if standing and standing.printings else "",
        "id": doc.id,
        "path": path,
        "fingerprint": fingerprint,
        "issue": doc.issue_id,
        "title": doc.title,
        "doc_number": doc.doc_number or "",
        "doc_number_exact": normalize_doc_number(doc.doc_number) if doc.doc_number else "",
        "issuer": doc.issuer or "",
        "issuer_exact": ",".join(issuer_names(fold(doc.issuer or ""))),
        "date": _day(doc.signed_date or issue_date),
        "kind": doc.kind.value,
        "year": year if year is not None else 0,
        "signed_date": doc.signed_date,
        "body": text,
        "title_chars": doc.title,
        "body_chars": text,
        "text": zlib.compress(text.encode("utf-8"), 6),
    }


def _read_state(index_dir: Path) -> dict | None:
    try:
        state = json.loads((index_dir / _VERSION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _write_state(index_dir: Path, skipped: dict[str, str]) -> None:
    data = json.dumps({"version": INDEX_VERSION, "skipped": skipped}, ensure_ascii=False, sort_keys=True)
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".state.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.replace(tmp, index_dir / _VERSION_FILE)


def _scan(content: Path) -> list[tuple[str, Path, int | None, str | None]]:
    """Every document file under ``content`` (relative path, path, its issue's year and date)."""
    if not content.is_dir():
        raise ContentError(f"{content}: no such content folder; run 'gazette ingest PDF --content {content}' first")
    files = []
    for issue_path in sorted(content.glob(f"*/{ISSUE_FILE}")):
        meta = issue_from_file(issue_path).meta
        year = meta.year if isinstance(meta.year, int) else None
        for doc_path in sorted(issue_path.parent.glob("*.md")):
            if doc_path.name != ISSUE_FILE:
                files.append((doc_path.relative_to(content).as_posix(), doc_path, year, meta.date))
    return files


def _open_for_writing(index_dir: Path, rebuild: bool) -> tuple[object, bool]:
    state = _read_state(index_dir)
    fresh = rebuild or state is None or state.get("version") != INDEX_VERSION or not whoosh_index.exists_in(str(index_dir))
    try:
        if fresh:
            index_dir.mkdir(parents=True, exist_ok=True)
            return whoosh_index.create_in(str(index_dir), schema()), True
        return whoosh_index.open_dir(str(index_dir)), False
    except whoosh_index.LockError:
        raise _busy(index_dir)
    except OSError as exc:
        raise SearchError(f"{index_dir}: cannot create or open the index ({exc.strerror or exc}); check the folder's permissions or give another --index")
    except Exception as exc:  # an unreadable index of an older Gazette: start afresh
        if rebuild:
            raise
        del exc
        return _open_for_writing(index_dir, True)


def _busy(index_dir: Path) -> SearchError:
    return SearchError(f"{index_dir}: another `gazette index` is updating this index; wait until it has finished and run it again")


def build_index(content: Path, index_dir: Path | None = None, rebuild: bool = False,
                progress: Callable[[int, int], None] | None = None, procs: int = 1) -> IndexReport:
    """Create or update the index of the published documents in ``content``.

    Only files whose fingerprint changed since the last run are read; drafts and
    withheld documents are never indexed, and documents that are no longer published
    or no longer exist are deleted from the index. ``procs`` > 1 indexes in parallel
    (used only when many documents are to be indexed).
    """
    content = Path(content)
    index_dir = Path(index_dir) if index_dir else default_index_dir(content)
    files = _scan(content)
    # Validity and works come from the whole published archive (docs/relations.md): a
    # document whose validity changed (a later issue repealed it) is indexed again.
    cache = index_dir.parent / f"{index_dir.name}.cache"
    archive = load_archive(content, cache=cache)
    linkage = link_archive(archive.public(), cache=cache)
    doc_at = {path.resolve(): archive.documents[doc_id] for doc_id, path in archive.paths.items()}
    ix, fresh = _open_for_writing(index_dir, rebuild)
    indexed: dict[str, tuple[str, str]] = {}  # path → (id, fingerprint)
    skipped_before: dict[str, str] = {}
    if not fresh:
        with ix.searcher() as searcher:
            for stored in searcher.all_stored_fields():
                indexed[stored.get("path", "")] = (stored["id"], stored.get("fingerprint", ""))
        skipped_before = dict((_read_state(index_dir) or {}).get("skipped") or {})
    indexed_ids = {doc_id for doc_id, _ in indexed.values()}

    keep: dict[str, str] = {}  # id → path of documents that stay as they are
    todo: list[tuple[Document, int | None, str, str, str | None, Standing]] = []
    skipped: dict[str, str] = {}
    seen: dict[str, str] = {}
    for rel, path, year, issue_date in files:
        loaded = doc_at.get(path.resolve())
        standing = linkage.of(loaded.id if loaded else "")
        linked = f"\0{standing.validity.value if standing.validity else ''}\0{standing.work if standing.printings else ''}"
        fingerprint = hashlib.sha256(path.read_bytes() + f"\0{year}\0{issue_date}{linked}".encode()).hexdigest()
        old = indexed.get(rel)
        if old and old[1] == fingerprint:
            doc_id = old[0]
            keep[doc_id] = rel
        elif skipped_before.get(rel) == fingerprint:
            skipped[rel] = fingerprint
            continue
        else:
            doc = loaded or document_from_file(path)  # parsed once, by load_archive
            doc_id = doc.id
            if not doc.is_public:
                skipped[rel] = fingerprint
                continue
            todo.append((doc, year, rel, fingerprint, issue_date, standing))
        if doc_id in seen:
            ix.close()
            raise ContentError(f"{content / rel}: document id {doc_id} is also used by {content / seen[doc_id]}; give one of them a different 'id'")
        seen[doc_id] = rel

    removed_ids = indexed_ids - set(seen)
    big = len(todo) >= 400 and procs > 1
    try:
        writer = (ix.writer(procs=procs, limitmb=128, multisegment=True, compound=False) if big
                  else ix.writer(limitmb=256, compound=False))
    except whoosh_index.LockError:
        raise _busy(index_dir)
    added = updated = 0
    try:
        for doc_id in sorted(removed_ids):
            writer.delete_by_term("id", doc_id)
        for n, (doc, year, rel, fingerprint, issue_date, standing) in enumerate(todo, start=1):
            fields = _fields(doc, year, rel, fingerprint, issue_date, standing)
            if doc.id in indexed_ids:
                writer.delete_by_term("id", doc.id)
                updated += 1
            else:
                added += 1
            writer.add_document(**fields)
            if progress:
                progress(n, len(todo))
        writer.commit(optimize=fresh and not big)
    except BaseException:
        writer.cancel()
        raise
    _write_state(index_dir, skipped)
    return IndexReport(added, updated, len(removed_ids), len(keep))


# ---------------------------------------------------------------- querying

_ONE_CJK_RE = re.compile(f"[{_CJK}]")


def _segments(query: str) -> list[str]:
    """Quoted phrases and bare words; whitespace between CJK characters is dropped."""
    if query.count('"') % 2:
        raise SearchError(f"the query {query!r} has an unclosed quote; put a \" at both ends of a phrase")
    parts: list[str] = []
    last_bare = last_part = ""  # the bare word parts[-1] is (or ""), and the token it ends with
    for quoted, bare in re.findall(r'"([^"]*)"|([^\s"]+)', fold(query)):
        if quoted:
            text = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])", "", quoted).strip()
            if text:
                parts.append(text)
                last_bare = last_part = ""
            continue
        # A lone Chinese character is joined to the bare word before it (几 个 问 题 →
        # 几个问题, 请及时 向 → 请及时向), as the search page does.
        if (last_bare and _ONE_CJK_RE.search(last_bare[-1]) and _ONE_CJK_RE.search(bare[0])
                and (_ONE_CJK_RE.fullmatch(bare) or _ONE_CJK_RE.fullmatch(last_part))):
            last_bare += bare
            parts[-1] = last_bare
        else:
            parts.append(bare)
            last_bare = bare
        last_part = bare
    return parts


def _query_tokens(text: str) -> tuple[list[str], str | None]:
    """Tokens a phrase must match, and a trailing single CJK character to match as a prefix.

    The last character of a text is a unigram token in the index only where the indexed
    run ends there too; so a query's trailing unigram is dropped (the bigram before it
    covers it) or, when the query's last run is one character, matched as a prefix.
    """
    tokens = [t.text for t in analyzer()(text)]
    runs = list(_TOKEN_RE.finditer(analysed(text)))
    if not runs or runs[-1].lastgroup != "cjk":
        return tokens, None
    tokens.pop()
    return (tokens, None) if len(runs[-1].group()) > 1 else (tokens, runs[-1].group())


def _aligned_at(leaves: Iterable[tuple[int, Iterable[int]]]) -> bool:
    """True when every (offset, positions) leaf has a position at its offset from one
    common start. Leaves are taken lazily: decoding stops at the first that fails."""
    starts: set[int] | None = None
    for offset, positions in leaves:
        here = {p - offset for p in positions} if offset else set(positions)
        starts = here if starts is None else starts & here
        if not starts:
            return False
    return True


class _AlignedMatcher(WrappingMatcher):
    """The documents of an intersection where every term stands at its offset from one
    common start position (set arithmetic on the decoded positions; Whoosh's span
    machinery does the same with an object per position, several times slower)."""

    def __init__(self, child, leaves: list, offsets: list[int]) -> None:  # type: ignore[no-untyped-def]
        super().__init__(child)
        self._leaves, self._offsets = leaves, offsets
        self._settle()

    def _aligned(self) -> bool:
        return _aligned_at((offset, leaf.value_as("positions")) for leaf, offset in zip(self._leaves, self._offsets))

    def _settle(self) -> None:
        while self.child.is_active() and not self._aligned():
            self.child.next()

    def copy(self):  # type: ignore[no-untyped-def]
        return _AlignedMatcher(self.child.copy(), self._leaves, self._offsets)

    def replace(self, minquality=0):  # type: ignore[no-untyped-def]
        return self if self.is_active() else NullMatcher()

    def supports_block_quality(self) -> bool:
        return False

    def all_ids(self) -> Iterator[int]:
        while self.is_active():
            yield self.id()
            self.next()

    def next(self) -> None:
        self.child.next()
        self._settle()

    def skip_to(self, id: int) -> None:  # noqa: A002
        self.child.skip_to(id)
        self._settle()


class _BigramPhrase(Phrase):
    """A phrase of bigram tokens (one per character). ``AB BC CD DE`` holds exactly when
    the non-overlapping bigrams AB, CD and the last one, DE, stand at offsets 0, 2 and 3:
    they cover every character, so only those are intersected and aligned. A phrase
    with a Latin word or a run-end unigram in it aligns every token."""

    def offsets(self) -> list[int]:
        """The positions of the tokens that are intersected and aligned."""
        n = len(self.words)
        bigrams = all(len(w) == 2 and _CJK_CHAR.match(w[0]) and _CJK_CHAR.match(w[1]) for w in self.words)
        return sorted(set(range(0, n, 2)) | {n - 1}) if bigrams else list(range(n))

    def matcher(self, searcher, context=None):  # type: ignore[no-untyped-def]
        reader = searcher.reader()
        field = searcher.schema[self.fieldname]
        leaves, kept = [], []
        for offset in self.offsets():
            word = field.to_bytes(self.words[offset])
            if (self.fieldname, word) not in reader:
                return NullMatcher()
            leaves.append((reader.doc_frequency(self.fieldname, word), offset, Term(self.fieldname, self.words[offset])))
        leaves.sort(key=lambda leaf: (leaf[0], leaf[1]))  # the rarest first: the alignment fails sooner
        matchers = [term.matcher(searcher, context) for _, _, term in leaves]
        kept = [offset for _, offset, _ in leaves]
        child = make_binary_tree(IntersectionMatcher, matchers) if len(matchers) > 1 else matchers[0]
        m = _AlignedMatcher(child, matchers, kept)
        return WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


# ---------------------------------------------------------------- fast evaluation
#
# Whoosh walks a tree of matcher objects document by document, in Python: at 10,000
# documents a query of two common words visits the tree some 400,000 times. The
# evaluator below gives the same documents and the same scores (BM25F as Whoosh computes
# it, summed as its And and Or do) with arrays: posting lists are read a block at a
# time, intersections and unions are numpy set operations, and only phrase candidates
# are checked one by one (their positions). Query types it does not know are run through
# Whoosh's own matcher, so every query is answered exactly; tests/test_searchindex.py
# compares both on every kind of query.

_LENGTHS = None  # byte → length table, made on first use


def _length_table():  # type: ignore[no-untyped-def]
    global _LENGTHS
    if _LENGTHS is None:
        from whoosh.util.numeric import byte_to_length

        _LENGTHS = np.array([byte_to_length(b) if b else 1 for b in range(256)], dtype=np.float64)
    return _LENGTHS


_EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class _Evaluator:
    """Evaluates queries on one leaf (segment) searcher into (doc numbers, scores)."""

    def __init__(self, searcher) -> None:  # type: ignore[no-untyped-def]
        self.searcher = searcher
        self.reader = searcher.reader()
        self.deleted = np.fromiter(sorted(self.reader.deleted_docs_set), dtype=np.int64) if self.reader.has_deletions() else None
        self._lengths: dict[str, np.ndarray] = {}

    def run(self, q: Query) -> tuple[np.ndarray, np.ndarray]:
        kind = type(q)
        if kind is Term:
            return self._term(q.fieldname, q.text, q.boost)
        if kind is _BigramPhrase:
            return self._phrase(q)
        if kind in (And, Or) and (kind is And or (not q.minmatch and not q.scale)):
            subs = q.subqueries
            if not subs:
                return _EMPTY
            if len(subs) == 1:  # as Whoosh: a lone subquery, without the compound's boost
                return self.run(subs[0])
            parts = [self.run(sub) for sub in subs]
            ids, scores = (self._intersect if kind is And else self._union)(parts)
            return ids, scores * q.boost if q.boost != 1.0 else scores
        return self._generic(q)

    def _generic(self, q: Query) -> tuple[np.ndarray, np.ndarray]:
        m = q.matcher(self.searcher, self.searcher.context())  # as Searcher.search gives it
        ids, scores = [], []
        while m.is_active():
            ids.append(m.id())
            scores.append(m.score())
            m.next()
        return np.array(ids, dtype=np.int64), np.array(scores, dtype=np.float64)

    @staticmethod
    def _intersect(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        ids = parts[0][0]
        for other, _ in parts[1:]:
            ids = np.intersect1d(ids, other, assume_unique=True)
        scores = np.zeros(len(ids), dtype=np.float64)
        for part_ids, part_scores in parts:
            scores += part_scores[np.searchsorted(part_ids, ids)]
        return ids, scores

    @staticmethod
    def _union(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
        ids = np.unique(np.concatenate([p[0] for p in parts])) if parts else _EMPTY[0]
        scores = np.zeros(len(ids), dtype=np.float64)
        for part_ids, part_scores in parts:
            scores[np.searchsorted(ids, part_ids)] += part_scores
        return ids, scores

    def _postings(self, field: str, word: bytes) -> tuple[np.ndarray, np.ndarray]:
        from whoosh.matching.wrappers import FilterMatcher

        m = self.reader.postings(field, word)
        if isinstance(m, FilterMatcher):
            m = m.child
        id_blocks, weight_blocks = [], []
        if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):  # Whoosh 3 postings: a block at a time
            while m.is_active():
                if m._weights is None:
                    m._read_weights()
                id_blocks.append(_block_ids(m))
                weight_blocks.append(np.asarray(m._weights, dtype=np.float64))
                m._next_block()
        else:
            ids_, weights_ = [], []
            while m.is_active():  # any other matcher: one posting at a time
                ids_.append(m.id())
                weights_.append(m.weight())
                m.next()
            id_blocks.append(np.array(ids_, dtype=np.int64))
            weight_blocks.append(np.array(weights_, dtype=np.float64))
        ids = np.concatenate(id_blocks) if id_blocks else _EMPTY[0]
        weights = np.concatenate(weight_blocks) if weight_blocks else _EMPTY[1]
        if self.deleted is not None and len(self.deleted):
            keep = ~np.isin(ids, self.deleted)
            ids, weights = ids[keep], weights[keep]
        return ids, weights

    def _field_lengths(self, field: str) -> np.ndarray:
        if field not in self._lengths:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            perdoc = getattr(self.reader, "_perdoc", None)
            column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN) if perdoc is not None else None
            count = self.reader.doc_count_all()
            raw = np.zeros(count, dtype=np.uint8)
            if column is not None and getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_dbfile"):
                stored = min(column._count, count)  # one read: a byte per document
                raw[:stored] = np.frombuffer(bytes(column._dbfile.get(column._basepos, stored)), dtype=np.uint8)
            elif column is not None:
                raw[:] = [column[i] for i in range(count)]
            self._lengths[field] = _length_table()[raw]
        return self._lengths[field]

    def _term(self, field: str, text: str, boost: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
        from whoosh.scoring import WeightLengthScorer, WeightScorer

        schema = self.searcher.schema
        if field not in schema:
            return _EMPTY
        try:
            word = schema[field].to_bytes(text)
        except ValueError:
            return _EMPTY
        if (field, word) not in self.reader:
            return _EMPTY
        ids, weights = self._postings(field, word)
        scorer = self.searcher.weighting.scorer(self.searcher, field, word)
        if isinstance(scorer, WeightScorer):
            scores = weights
        elif isinstance(scorer, WeightLengthScorer) and hasattr(scorer, "_score"):
            scores = scorer._score(weights, self._field_lengths(field)[ids])
        else:
            return self._generic(Term(field, text, boost=boost))
        scores = np.asarray(scores, dtype=np.float64)
        return ids, scores * boost if boost != 1.0 else scores

    def _phrase(self, q: "_BigramPhrase") -> tuple[np.ndarray, np.ndarray]:
        field = self.searcher.schema[q.fieldname]
        leaves = []
        for offset in q.offsets():
            word = field.to_bytes(q.words[offset])
            if (q.fieldname, word) not in self.reader:
                return _EMPTY
            leaves.append((self.reader.doc_frequency(q.fieldname, word), offset, q.words[offset], word))
        leaves.sort(key=lambda leaf: (leaf[0], leaf[1]))
        parts = [self._term(q.fieldname, text) for _, _, text, _ in leaves]
        ids, scores = self._intersect(parts) if len(parts) > 1 else parts[0]
        if len(parts) > 1 and len(ids):
            keep = self._aligned(q.fieldname, [(offset, word) for _, offset, _, word in leaves], ids)
            ids, scores = ids[keep], scores[keep]
        return ids, scores * q.boost if q.boost != 1.0 else scores

    def _aligned(self, field: str, leaves: list[tuple[int, bytes]], ids: np.ndarray) -> np.ndarray:
        """Which candidates hold every leaf at its offset from one start position."""
        from whoosh.formats import Positions

        if type(self.searcher.schema[field].format) is not Positions:
            return self._aligned_by_matcher(field, leaves, ids)
        values = [self._values(field, word, ids) for _, word in leaves]
        if any(v is None for v in values):
            return self._aligned_by_matcher(field, leaves, ids)
        offsets = [offset for offset, _ in leaves]
        return np.fromiter((_aligned_at((offset, _positions(leaf_values[n])) for offset, leaf_values in zip(offsets, values))
                            for n in range(len(ids))), dtype=bool, count=len(ids))

    def _values(self, field: str, word: bytes, ids: np.ndarray) -> list[bytes] | None:
        """The stored values (encoded positions) of a term for documents ``ids``, all of
        which are in its postings; blocks holding none of them are not read."""
        from whoosh.matching.wrappers import FilterMatcher

        m = self.reader.postings(field, word)
        if isinstance(m, FilterMatcher):
            m = m.child
        if not hasattr(m, "_read_values") or not hasattr(m, "_maxid"):
            return None
        out: list[bytes] = []
        wanted, j = ids, 0
        while m.is_active() and j < len(wanted):
            if wanted[j] > m._maxid:
                m._next_block()
                continue
            if m._values is None:
                m._read_values()
            k = int(np.searchsorted(wanted, m._maxid, side="right"))
            where = np.searchsorted(_block_ids(m), wanted[j:k])
            block_values = m._values
            out.extend(block_values[i] for i in where.tolist())
            j = k
            m._next_block()
        return out if len(out) == len(ids) else None

    def _aligned_by_matcher(self, field: str, leaves: list[tuple[int, bytes]], ids: np.ndarray) -> np.ndarray:
        matchers = [self.reader.postings(field, word) for _, word in leaves]

        def at(m, docnum: int):  # type: ignore[no-untyped-def]
            m.skip_to(docnum)
            return m.value_as("positions")

        return np.fromiter((_aligned_at((offset, at(m, docnum)) for (offset, _), m in zip(leaves, matchers))
                            for docnum in ids.tolist()), dtype=bool, count=len(ids))


def _block_ids(m) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The document numbers of a Whoosh 3 posting block, decoded with numpy (Whoosh
    decodes the deltas one by one)."""
    if m._data is None:
        m._read_data()
    raw = m._data[0]
    if m._byteids:
        return np.asarray(raw, dtype=np.int64)
    return np.cumsum(np.asarray(raw, dtype=np.int64))


def _positions(value: bytes) -> Iterator[int]:
    """The positions a Whoosh ``Positions`` value encodes (as ``decode_positions``)."""
    from pickle import loads

    from whoosh.system import _INT_SIZE

    if not value.endswith(b"."):
        value += b"."
    return itertools.accumulate(loads(value[_INT_SIZE:]))


class _Hit:
    """One ranked document of :class:`_Results`: its stored fields and its score."""

    def __init__(self, fields: dict, score: float) -> None:
        self._fields, self.score = fields, score

    def __getitem__(self, key: str):  # type: ignore[no-untyped-def]
        return self._fields[key]

    def get(self, key: str, default=None):  # type: ignore[no-untyped-def]
        return self._fields.get(key, default)


class _Results:
    """The ranked matches of a query, like Whoosh's ``Results`` with ``limit=None``:
    by score, highest first, then by document number."""

    def __init__(self, searcher, ids: np.ndarray, scores: np.ndarray) -> None:  # type: ignore[no-untyped-def]
        order = np.lexsort((ids, -scores))
        self._searcher = searcher
        self.top_n = list(zip(scores[order].tolist(), ids[order].tolist()))

    def scored_length(self) -> int:
        return len(self.top_n)

    def docs(self) -> set[int]:
        return {docnum for _, docnum in self.top_n}

    def __getitem__(self, n):  # type: ignore[no-untyped-def]
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self.top_n)))]
        score, docnum = self.top_n[n]
        return _Hit(self._searcher.stored_fields(docnum), score)


def _fast_search(searcher, q: Query) -> _Results:  # type: ignore[no-untyped-def]
    """Every match of ``q`` with its Whoosh score (see :class:`_Evaluator`)."""
    all_ids, all_scores = [], []
    for sub, offset in searcher.leaf_searchers():
        ids, scores = _Evaluator(sub).run(q)
        all_ids.append(ids + offset)
        all_scores.append(scores)
    ids = np.concatenate(all_ids) if all_ids else _EMPTY[0]
    scores = np.concatenate(all_scores) if all_scores else _EMPTY[1]
    return _Results(searcher, ids, scores)


def _text_query(field: str, text: str) -> Query | None:
    """A phrase of ``text``'s tokens at consecutive positions."""
    tokens, prefix = _query_tokens(text)
    if prefix is None:
        if not tokens:
            return None
        return Term(field, tokens[0]) if len(tokens) == 1 else _BigramPhrase(field, tokens)
    if not tokens:
        if field in ("title", "body"):  # one character: its own posting list, not every bigram it starts
            return Term(f"{field}_chars", prefix)
        return Prefix(field, prefix)
    return Sequence([*(Term(field, t) for t in tokens), Prefix(field, prefix)])


def _short_order_number(searcher, typed: str, filters: list):  # type: ignore[no-untyped-def]
    """Every printing of a 令号 typed short (省政府令第453号, 第1006号令, …令１１３２号): the
    documents whose 令号 has that number and an organ the typed one abbreviates; None
    when there is none."""
    order = order_number(typed)
    if order is None:
        return None
    organ, number = order
    wanted = []
    for value in searcher.reader().field_terms("doc_number_exact"):
        found = order_number(value) if value.endswith(order_key(number)) else None
        if found and found[1] == number and abbreviates(organ, found[0]):
            wanted.append(Term("doc_number_exact", value))
    if not wanted:
        return None
    query = Or(wanted)
    results = searcher.search(And([query, *filters]) if filters else query, limit=None)
    return None if results.is_empty() else results


def looks_like_doc_number(text: str) -> bool:
    """True for 鲁政发〔2023〕5号, 鲁政发[2023]5号, 山东省人民政府令第336号 and the like."""
    return bool(_DOC_NUMBER_RE.search(fold(text).replace(" ", "")))


def parse_query(query: str) -> Query:
    """Words and quoted phrases (each a phrase of bigrams) in any text field, ANDed."""
    clauses: list[Query] = []
    for words in _segments(query):
        per_field = [q for q in (_text_query(f, words) for f in ("title", "body", "doc_number", "issuer")) if q is not None]
        if per_field:
            clauses.append(Or(per_field))
    if not clauses:
        raise SearchError(f"the query {query!r} has no searchable words; give Chinese text, a 文号 or Latin words")
    if len(clauses) == 1:
        return clauses[0]
    segments = _segments(query)
    if all(_CJK_CHAR.match(part[0]) and _CJK_CHAR.match(part[-1]) for part in segments):
        # 行政 处罚: the words must all occur; where they stand together (行政处罚) the text ranks first.
        joined = [q for q in (_text_query(f, "".join(segments)) for f in ("title", "body")) if q is not None]
        for q in joined:
            q.boost = 4.0
        return Or([And(clauses), *joined]) if joined else And(clauses)
    return And(clauses)


def make_snippet(text: str, words: list[str], width: int = 100) -> str:
    """A window of ``text`` around the first match, every match marked 【like this】.

    Plain string search over the stored text (full-width forms folded, case ignored):
    far cheaper than re-analysing whole documents with Whoosh's highlighter, and exact
    for Chinese.
    """
    if not text or not words:
        return ""
    flat = re.sub(r"\s+", " ", text)
    haystack = fold(flat).lower()
    needles = sorted({fold(w).lower() for w in words if w}, key=len, reverse=True)
    if needles and all(looks_like_doc_number(w) for w in needles):
        haystack = haystack.translate(_BRACKETS)
        needles = [n.translate(_BRACKETS) for n in needles]
    found = [p for p in (haystack.find(n) for n in needles) if p >= 0]
    if not found:
        return ""
    start = max(0, min(found) - width // 3)
    end = min(len(flat), start + width)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        at = haystack.find(needle, start)
        while 0 <= at < end:
            spans.append((at, min(end, at + len(needle))))
            at = haystack.find(needle, at + 1)
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, index = [], start
    for a, b in merged:
        out += [flat[index:a], HIT_OPEN, flat[a:b], HIT_CLOSE]
        index = b
    out.append(flat[index:end])
    return (("…" if start > 0 else "") + "".join(out) + ("…" if end < len(flat) else "")).strip()


def _open_for_search(index_dir: Path):  # type: ignore[no-untyped-def]
    hint = _content_hint(index_dir)
    if not whoosh_index.exists_in(str(index_dir)):
        raise SearchError(f"{index_dir}: no search index here; run `{hint}` first")
    state = _read_state(index_dir)
    if not state or state.get("version") != INDEX_VERSION:
        raise SearchError(f"{index_dir}: the index was made by another version of Gazette; run `{hint}` to update it")
    try:
        return whoosh_index.open_dir(str(index_dir))
    except Exception as exc:
        raise SearchError(f"{index_dir}: the index cannot be read ({type(exc).__name__}); run `{hint} --rebuild`")


def _filters(searcher, kind: str | None, year: int | None, issuer: str | None) -> list[Query]:  # type: ignore[no-untyped-def]
    filters: list[Query] = []
    if kind:
        allowed = [k.value for k in Kind]
        if kind not in allowed:
            raise SearchError(f"kind {kind!r} is not one of {', '.join(allowed)}")
        filters.append(Term("kind", kind))
    if year:
        filters.append(NumericRange("year", int(year), int(year)))
    if issuer:
        wanted = re.sub(r"\s+", "", fold(issuer))
        if not searcher.doc_frequency("issuer_exact", wanted):
            similar = sorted({t.decode("utf-8") if isinstance(t, bytes) else t for t in searcher.lexicon("issuer_exact")
                              if wanted in (t.decode("utf-8") if isinstance(t, bytes) else t)})
            if similar:
                raise SearchError(f"no published document has the issuer {issuer!r}; did you mean "
                                  + ", ".join(similar[:8]) + "? (--issuer matches the whole issuer name)")
        filters.append(Term("issuer_exact", wanted))
    return filters


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, how many documents match in all, and a suggestion when a query
    (perhaps mistyped) finds nothing."""

    hits: list[Hit]
    total: int
    suggestion: str | None = None
    corrected: bool = False  # the hits and total are the suggestion's: the query found nothing


def parse_day(text: str, end: bool = False) -> int:
    """2023, 2023-03 or 2023-03-01 (also 2023年3月1日) as yyyymmdd; the first day of the
    span, or with ``end`` its last."""
    parts = [int(p) for p in re.findall(r"\d+", text or "")]
    if not parts or not 1000 <= parts[0] <= 9999 or len(parts) > 3:
        raise SearchError(f"{text!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-03-01)")
    year, month, day = (parts + [None, None])[:3]
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        raise SearchError(f"{text!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-03-01)")
    if end:
        return year * 10000 + (month or 12) * 100 + (day or 31)
    return year * 10000 + (month or 1) * 100 + (day or 1)


def search(index_dir: Path, query: str, kind: str | None = None, year: int | None = None,
           issuer: str | None = None, limit: int = 10) -> list[Hit]:
    """Ranked hits for ``query`` (see :func:`search_page`)."""
    return search_page(index_dir, query, kind, year, issuer, limit).hits


def search_page(index_dir: Path, query: str, kind: str | None = None, year: int | None = None,
                issuer: str | None = None, limit: int = 10, date_from: str | None = None,
                date_to: str | None = None, suggest: bool = True, validity: str | None = None,
                correct: bool = True) -> SearchResult:
    """Ranked hits for ``query``, with 【highlighted】 snippets, the total number of
    matching documents, and (when nothing is found) a corrected query that finds some;
    with ``correct`` (the default) the hits and total are then the corrected query's,
    and ``corrected`` says so.

    A query that looks like a 文号 is first looked up exactly (normalised: ASCII digits,
    〔〕 brackets) in the documents' 文号; when that finds nothing it is searched as text.
    Traditional characters match their simplified forms and the other way round.
    ``date_from``/``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD) bound the signing date;
    ``validity`` (in_force, repealed …) keeps documents of that validity. A work printed
    in several issues is one hit (its first printing), except in a 文号 lookup, which
    lists every printing.
    """
    index_dir = Path(index_dir)
    segments = _segments(query)
    low = parse_day(date_from) if date_from else None
    high = parse_day(date_to, end=True) if date_to else None
    if low and high and low > high:
        raise SearchError(f"--from {date_from} is after --to {date_to}; swap them")
    ix = _open_for_search(index_dir)
    hits: list[Hit] = []
    suggestion = None
    with ix.searcher() as searcher:
        filters = _filters(searcher, kind, year, issuer)
        if low or high:
            filters.append(NumericRange("date", low or 1, high or 99991231))
        if validity:
            allowed = [v.value for v in Validity]
            if validity not in allowed:
                raise SearchError(f"validity {validity!r} is not one of {', '.join(allowed)}")
            filters.append(Term("validity", validity))
        results, per_work = None, False
        typed = "".join(segments)  # 鲁政发 〔2001〕 351 号 is one 文号
        if segments and (looks_like_doc_number(typed) or order_number(typed)):
            exact = Term("doc_number_exact", normalize_doc_number(typed))
            results = searcher.search(And([exact, *filters]) if filters else exact, limit=None)
            if results.is_empty():
                results = _short_order_number(searcher, typed, filters)
        if results is None:
            q = parse_query(query)
            # Every match scored and counted in one pass, with arrays (see _Evaluator).
            results = _fast_search(searcher, And([q, *filters]) if filters else q)
            per_work = True
        shown, total = _one_per_work(searcher, results, limit) if per_work else (results[:limit], results.scored_length())
        corrected = False
        if suggest and total == 0:
            suggestion = _suggestion(searcher, segments, filters, total)
            if suggestion and correct:  # 环境保户 finds nothing: show what 环境保护 finds, and say so
                segments = _segments(suggestion)
                q = parse_query(suggestion)
                results = _fast_search(searcher, And([q, *filters]) if filters else q)
                shown, total = _one_per_work(searcher, results, limit)
                corrected = True
        for result in shown:
            text = zlib.decompress(result["text"]).decode("utf-8") if result.get("text") else ""
            snippet = (make_snippet(text, segments) or make_snippet(result["title"], segments)
                       or make_snippet(result.get("doc_number") or "", segments))
            if not snippet:
                snippet = re.sub(r"\s+", " ", text[:80]) + ("…" if len(text) > 80 else "")
            hits.append(Hit(
                id=result["id"], title=result["title"], issue=result["issue"], kind=result["kind"],
                doc_number=result.get("doc_number") or None, issuer=result.get("issuer") or None,
                signed_date=result.get("signed_date"), score=round(float(result.score), 4),
                snippet=snippet, validity=result.get("validity") or None,
            ))
    return SearchResult(hits, total, suggestion, corrected)


def _one_per_work(searcher, results, limit: int) -> tuple[list, int]:  # type: ignore[no-untyped-def]
    """The first ``limit`` hits with one printing of each work (the best ranked), and
    the number of matching works and documents. Printings are few, so they are looked up
    in the ``work`` field's postings rather than faceted on every match."""
    reader = searcher.reader()
    work_of: dict[int, bytes] = {}
    for key in reader.lexicon("work"):
        if not key:  # documents printed once hold an empty work
            continue
        for docnum in reader.postings("work", key).all_ids():
            work_of[docnum] = key
    if not work_of:
        return results[:limit], results.scored_length()
    matched = results.docs()
    in_works = [d for d in work_of if d in matched]
    total = results.scored_length() - (len(in_works) - len({work_of[d] for d in in_works}))
    # A work shows at its first printing (its id is the work's key), ranked where its best printing is.
    at = {docnum: n for n, (_, docnum) in enumerate(results.top_n) if docnum in work_of}
    first = {work_of[d]: d for d in at if reader.stored_fields(d).get("id", "").encode("utf-8") == work_of[d]}
    chosen, seen = [], set()
    for n, (_, docnum) in enumerate(results.top_n):
        key = work_of.get(docnum)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
            n = at[first[key]] if key in first else n
        chosen.append(n)
        if len(chosen) == limit:
            break
    return [results[n] for n in chosen], total


_SUGGEST_CANDIDATES = 12  # replacement characters tried per position, most frequent first


def _suggestion(searcher, segments: list[str], filters: list[Query], found: int) -> str | None:  # type: ignore[no-untyped-def]
    """您是不是要找…: the query with one character of one Chinese term replaced so that it
    finds more documents than the query did. A replacement must form, with the
    characters on both sides, bigrams that the texts contain: candidates come from the
    index's own term list, never from a dictionary. Of the fixes that find something,
    the one whose count times the weight of the slip it undoes (a character of the
    same sound or shape, :func:`normalize.slip_weight`) is highest wins. A repeated
    character deleted, two swapped and one left out are fixes too (:func:`normalize.edits`,
    :func:`_insertions`)."""
    best: tuple[int, str] | None = None
    cache: dict[str, np.ndarray] = {}

    def _ids(bigram: str) -> np.ndarray:  # the documents whose body has the bigram
        if bigram not in cache:
            reader = searcher.reader()
            cache[bigram] = (np.fromiter(reader.postings("body", bigram).all_ids(), dtype=np.int64)
                             if reader.doc_frequency("body", bigram) else np.zeros(0, dtype=np.int64))
        return cache[bigram]

    for k, segment in enumerate(segments):
        term = analysed(segment)
        if len(term) < 2 or not all(_CJK_CHAR.match(c) for c in term):
            continue
        reader = searcher.reader()
        missing = [i for i in range(len(term) - 1) if not reader.doc_frequency("body", term[i:i + 2])]
        # A mistyped character makes bigrams no text contains: try the characters beside
        # those. When every bigram occurs somewhere (环境保户: 保户 is a word too), any
        # character may be the wrong one.
        if not missing and len(term) >= 3:  # the characters beside its rarest bigram
            rarest = min(range(len(term) - 1), key=lambda i: (reader.doc_frequency("body", term[i:i + 2]), i))
            missing = [rarest]
        positions = sorted({j for i in missing for j in (i, i + 1)})
        others = [parse_query(f'"{w}"') for w in segments[:k] + segments[k + 1:]]
        allowed = (np.fromiter(sorted(_fast_search(searcher, And(others + filters)).docs()), dtype=np.int64)
                   if others or filters else None)

        def _bound(fixed: str) -> int:
            lists = [_ids(fixed[i:i + 2]) for i in range(len(fixed) - 1)] + ([allowed] if allowed is not None else [])
            return len(functools.reduce(np.intersect1d, lists)) if lists else 0
        for wide in (False, True):
            if wide and (best is not None or 0 not in positions):
                break  # every character is tried at the start only when nothing else helped
            weights = {term[:j] + c + term[j + 1:]: slip_weight(c, term[j])
                       for j in (positions if not wide else [0]) for c in _replacements(searcher, term, j, wide)}
            if not wide:  # a character typed twice, two swapped, one left out (normalize.edits)
                for m in missing:
                    fixes = [(fixed, weight) for fixed, weight, _ in edits(term, m)]
                    fixes += [(term[:m + 1] + c + term[m + 1:], OMITTED_WEIGHT) for c in _insertions(searcher, term, m)]
                    for fixed, weight in fixes:
                        if len(fixed) >= 2 and weight > weights.get(fixed, 0):
                            weights[fixed] = weight
            # A fix finds at most the documents with all its bigrams (cheap: no positions
            # read); its phrase is counted only while that bound, times the weight of the
            # slip it undoes (normalize.slip_weight), can beat the best score so far.
            bounds = [(_bound(fixed) * weight, fixed, weight) for fixed, weight in weights.items()]
            for bound, fixed, weight in sorted(bounds, key=lambda b: (-b[0], b[1])):
                if bound <= (best[0] if best else 0):
                    break
                if bound <= found * weight:  # cannot find more than the query did
                    continue
                words = segments[:k] + [fixed] + segments[k + 1:]
                q = parse_query(" ".join(f'"{w}"' for w in words))
                n = _fast_search(searcher, And([q, *filters]) if filters else q).scored_length()
                if n > found and (best is None or n * weight > best[0]):
                    best = (n * weight, " ".join(words))
    return best[1] if best else None


def _insertions(searcher, term: str, m: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Characters that may have been left out between ``term[m]`` and ``term[m + 1]``:
    those that follow the one and precede the other in the texts' bigrams, the most
    frequent (the rarer of the two bigrams) first."""
    reader = searcher.reader()
    counts: dict[str, int] = {}
    for raw in reader.expand_prefix("body", term[m]):
        word = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if len(word) == 2 and _CJK_CHAR.match(word[1]) and (after := reader.doc_frequency("body", word[1] + term[m + 1])):
            counts[word[1]] = min(reader.doc_frequency("body", word), after)
    return sorted(counts, key=lambda c: (-counts[c], c))[:_SUGGEST_CANDIDATES]


def _replacements(searcher, term: str, j: int, wide: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """Characters that could stand at position ``j`` of ``term``: those that follow the
    character before it in some indexed bigram (or, at the start, precede the next one:
    in a title's bigram, or with ``wide`` in the body's, or as a likely slip's character),
    and also make a bigram with the character after it. The most frequent first, a
    likely slip's (normalize.slip_weight) before a common one's."""
    reader = searcher.reader()
    counts: dict[str, int] = {}
    if j > 0:
        for raw in reader.expand_prefix("body", term[j - 1]):
            word = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if len(word) == 2 and word[1] != term[j] and _CJK_CHAR.match(word[1]):
                counts[word[1]] = reader.doc_frequency("body", word)
    else:
        if wide:  # every character the texts have, before the next one
            for raw in reader.lexicon("body_chars"):
                char = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                if char != term[0] and _CJK_CHAR.match(char) and (n := reader.doc_frequency("body", char + term[1])):
                    counts[char] = n
        else:  # the titles' bigrams that end in the next character (no index by a term's end: read them all)
            for raw in reader.lexicon("title"):
                word = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                if len(word) == 2 and word[1] == term[1] and word[0] != term[0] and _CJK_CHAR.match(word[0]):
                    counts[word[0]] = reader.doc_frequency("title", word)
        # A likely slip's character (same sound or shape), wherever it stands in the texts.
        for char in slips(term[0]):
            if char not in counts and (n := reader.doc_frequency("body", char + term[1])):
                counts[char] = n
    if j + 1 < len(term):
        counts = {c: n for c, n in counts.items() if reader.doc_frequency("body", c + term[j + 1])}
    return sorted(counts, key=lambda c: (-counts[c] * slip_weight(c, term[j]), c))[:_SUGGEST_CANDIDATES]
