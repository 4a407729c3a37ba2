"""Command-line full-text search with Whoosh (the only module that imports whoosh).

Chinese analysis: runs of CJK characters become overlapping character bigrams (a lone
character stays a unigram); Latin words and numbers become lower-case tokens. Queries
are analysed the same way and a Chinese term becomes a *phrase* of its bigrams, so 公开
matches 政务公开 (any 2-character substring is findable) while 政务公开 does not match
a text where 政务 and 公开 are far apart. No dictionary or model is needed.

The index lives in ``<content>/.gazette/index`` by default and is incremental: each
document's fingerprint (SHA-256 of its file) is stored, and ``build_index`` adds,
replaces and deletes only what changed. Only published documents are ever indexed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from whoosh import index as whoosh_index
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.query import And, Every, NumericRange, Or, Query, Term

from .content import load_archive
from .errors import ExitCode, GazetteError
from .models import Document
from .structure import body_to_text
from .textnorm import normalize_doc_number, to_ascii_digits

HIT_OPEN, HIT_CLOSE = "【", "】"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]+|[A-Za-z0-9]+")
_DOC_NUMBER_RE = re.compile(r"[〔\[［(（【]\s*[0-9０-９]{4}\s*[〕\]］)）】]\s*[0-9０-９]+\s*号|第\s*[0-9０-９]+\s*号")


class SearchError(GazetteError):
    """The index is missing or the query cannot be run."""

    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.BAD_ARGS)


class BigramTokenizer(Tokenizer):
    """CJK runs → overlapping bigrams; Latin/digit runs → lower-case words."""

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: object) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for match in _TOKEN_RE.finditer(to_ascii_digits(value)):
            run, offset = match.group(), match.start()
            if "\u3400" <= run[0]:
                pieces = [(run[i:i + 2], i) for i in range(len(run) - 1)] if len(run) > 1 else [(run, 0)]
            else:
                pieces = [(run.lower(), 0)]
            for text, i in pieces:
                token.text = text
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = pos
                if chars:
                    token.startchar = start_char + offset + i
                    token.endchar = token.startchar + len(text)
                pos += 1
                yield token


def analyzer() -> BigramTokenizer:
    """The analyzer used for indexing and for queries."""
    return BigramTokenizer()


def schema() -> Schema:
    """The index schema."""
    return Schema(
        id=ID(stored=True, unique=True),
        issue=ID(stored=True),
        title=TEXT(analyzer=analyzer(), stored=True, field_boost=3.0, phrase=True),
        doc_number=TEXT(analyzer=analyzer(), stored=True, phrase=True),
        doc_number_exact=ID(stored=False),
        issuer=TEXT(analyzer=analyzer(), stored=True, phrase=True),
        issuer_exact=KEYWORD(stored=False, commas=True),
        kind=ID(stored=True),
        year=NUMERIC(stored=True),
        signed_date=STORED(),
        body=TEXT(analyzer=analyzer(), stored=True, phrase=True),
        fingerprint=STORED(),
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
    """One search result."""

    id: str
    title: str
    issue: str
    kind: str
    doc_number: str | None
    issuer: str | None
    signed_date: str | None
    score: float
    snippet: str


def default_index_dir(content: Path) -> Path:
    """``<content>/.gazette/index``."""
    return content / ".gazette" / "index"


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fields(doc: Document, year: int | None, fingerprint: str) -> dict[str, object]:
    return {
        "id": doc.id,
        "issue": doc.issue_id,
        "title": doc.title,
        "doc_number": doc.doc_number or "",
        "doc_number_exact": normalize_doc_number(doc.doc_number) if doc.doc_number else "",
        "issuer": doc.issuer or "",
        "issuer_exact": ",".join(doc.issuer.split("、")) if doc.issuer else "",
        "kind": doc.kind.value,
        "year": year if year is not None else 0,
        "signed_date": doc.signed_date,
        "body": body_to_text(doc.body),
        "fingerprint": fingerprint,
    }


def build_index(content: Path, index_dir: Path | None = None, rebuild: bool = False,
                progress: Callable[[int, int], None] | None = None) -> IndexReport:
    """Create or update the index of the published documents in ``content``."""
    index_dir = index_dir or default_index_dir(content)
    archive = load_archive(content)
    years = {issue.id: issue.meta.year for issue in archive.issues}
    wanted = {doc_id: path for doc_id, path in archive.paths.items() if archive.documents[doc_id].is_public}
    if rebuild or not whoosh_index.exists_in(str(index_dir)):
        index_dir.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(index_dir), schema())
    else:
        ix = whoosh_index.open_dir(str(index_dir))
    with ix.searcher() as searcher:
        indexed = {fields["id"]: fields.get("fingerprint") for fields in searcher.all_stored_fields()}
    added = updated = removed = unchanged = 0
    writer = ix.writer(limitmb=256)
    try:
        for doc_id in sorted(set(indexed) - set(wanted)):
            writer.delete_by_term("id", doc_id)
            removed += 1
        todo = sorted(wanted)
        for n, doc_id in enumerate(todo, start=1):
            fingerprint = _fingerprint(wanted[doc_id])
            if indexed.get(doc_id) == fingerprint:
                unchanged += 1
            else:
                doc = archive.documents[doc_id]
                writer.update_document(**_fields(doc, years.get(doc.issue_id), fingerprint))
                if doc_id in indexed:
                    updated += 1
                else:
                    added += 1
            if progress:
                progress(n, len(todo))
        writer.commit(optimize=rebuild)
    except BaseException:
        writer.cancel()
        raise
    return IndexReport(added, updated, removed, unchanged)


def _text_query(field: str, text: str) -> Query | None:
    """All the bigrams of ``text`` in ``field`` (adjacency is checked on the text later).

    An AND of terms is a fast posting-list intersection; Whoosh's positional phrase
    matching is pure Python and was the slowest part of a query at 10,000 documents.
    """
    tokens = sorted({t.text for t in analyzer()(text)})
    if not tokens:
        return None
    return Term(field, tokens[0]) if len(tokens) == 1 else And([Term(field, t) for t in tokens])


def _normalised(text: str) -> str:
    return re.sub(r"\s+", "", to_ascii_digits(text)).lower()


def _contains_all(fields: dict[str, object], literals: list[str]) -> bool:
    """True when every query word occurs literally (spaces ignored) in the document."""
    haystack = _normalised(" ".join(str(fields.get(k) or "") for k in ("title", "doc_number", "issuer", "body")))
    exact = normalize_doc_number(str(fields.get("doc_number") or ""))
    return all(w in haystack or (_DOC_NUMBER_RE.search(w) and normalize_doc_number(w) == exact) for w in literals)


def parse_query(query: str) -> Query:
    """Quoted phrases and bare words (each a phrase of bigrams), ANDed; 文号 looked up exactly."""
    parts = re.findall(r'"([^"]+)"|(\S+)', query)
    clauses: list[Query] = []
    for quoted, bare in parts:
        words = quoted or bare
        per_field = [q for q in (_text_query(f, words) for f in ("title", "body", "doc_number", "issuer")) if q is not None]
        if _DOC_NUMBER_RE.search(to_ascii_digits(words)):
            per_field.append(Term("doc_number_exact", normalize_doc_number(words)))
        if per_field:
            clauses.append(Or(per_field))
    if not clauses:
        raise SearchError(f"the query {query!r} has no searchable words; give Chinese text, a 文号 or Latin words")
    return clauses[0] if len(clauses) == 1 else And(clauses)


def _query_words(query: str) -> list[str]:
    """The literal strings a query looks for (quoted phrases with spaces removed, words)."""
    words = []
    for quoted, bare in re.findall(r'"([^"]+)"|(\S+)', query):
        text = to_ascii_digits(quoted.replace(" ", "") if quoted else bare)
        words.append(text)
    return [w for w in words if w]


def make_snippet(text: str, words: list[str], width: int = 100) -> str:
    """A window of ``text`` around the first match, every match marked 【like this】.

    Plain string search over the stored text: far cheaper than re-analysing whole
    documents with Whoosh's highlighter, and exact for Chinese.
    """
    if not text or not words:
        return ""
    flat = re.sub(r"\s+", " ", text)
    lowered = flat.lower()
    positions = [(lowered.find(w.lower()), w) for w in words]
    positions = [(p, w) for p, w in positions if p >= 0]
    if not positions:
        return ""
    first = min(p for p, _ in positions)
    start = max(0, first - width // 3)
    window = flat[start:start + width]
    spans: list[tuple[int, int]] = []
    low = window.lower()
    for word in words:
        at = low.find(word.lower())
        while at >= 0:
            spans.append((at, at + len(word)))
            at = low.find(word.lower(), at + 1)
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, index = [], 0
    for a, b in merged:
        out += [window[index:a], HIT_OPEN, window[a:b], HIT_CLOSE]
        index = b
    out.append(window[index:])
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(flat) else ""
    return (prefix + "".join(out) + suffix).strip()


def search(index_dir: Path, query: str, kind: str | None = None, year: int | None = None,
           issuer: str | None = None, limit: int = 10) -> list[Hit]:
    """Ranked hits for ``query``, with 【highlighted】 snippets."""
    if not whoosh_index.exists_in(str(index_dir)):
        raise SearchError(f"{index_dir}: no search index here; run `gazette index` first (with the same --content)")
    ix = whoosh_index.open_dir(str(index_dir))
    q = parse_query(query)
    filters: list[Query] = []
    if kind:
        filters.append(Term("kind", kind))
    if year:
        filters.append(NumericRange("year", year, year))
    if issuer:
        filters.append(_text_query("issuer", issuer) or Every())
    if filters:
        q = And([q, *filters])
    words = _query_words(query)
    literals = [_normalised(w) for w in words]
    hits: list[Hit] = []
    with ix.searcher() as searcher:
        # Candidates share all the bigrams; keep those where the words really occur.
        window = max(limit * 4, 40)
        kept = []
        while True:
            results = searcher.search(q, limit=window)
            kept = [r for r in results if _contains_all(r.fields(), literals)]
            if len(kept) >= limit or len(results) < window:
                break
            window *= 4
        for result in kept[:limit]:
            snippet = make_snippet(result["body"], words) or make_snippet(result["title"], words) or result["body"][:80]
            hits.append(Hit(
                id=result["id"], title=result["title"], issue=result["issue"], kind=result["kind"],
                doc_number=result.get("doc_number") or None, issuer=result.get("issuer") or None,
                signed_date=result.get("signed_date"), score=round(float(result.score), 4),
                snippet=re.sub(r"\s+", " ", snippet).strip() if snippet else "",
            ))
    return hits
