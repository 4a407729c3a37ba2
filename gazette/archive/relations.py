"""Relations resolved across the whole archive, works and printings, and validity.

:func:`link_archive` reads every document's references (``references``), resolves each
against every issue in content/ — by 文号/令号 (市政府令第5号 is the gazette's city's
人民政府令第5号), by title with or without 《》 and with or without the issuer's place
name, preferring documents printed before the referring one — applies the editors'
``relations:`` lines, derives the reverse relations, groups reprints into works, and
derives each document's validity as of the archive's latest issue date. Nothing here
depends on the clock: the same content gives the same links.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..content import Archive, atomic_write
from ..fold import fold
from ..models import Document, Issue, Kind, RelationType, Validity
from ..structure import body_to_text
from ..textnorm import normalize_doc_number, parse_date, to_ascii_digits
from .references import Reference, references

FORWARD = (RelationType.INTERPRETS, RelationType.REPEALS, RelationType.AMENDS, RelationType.ISSUES, RelationType.REPLACES)
_NO_FORCE = (Kind.PERSONNEL, Kind.OTHER, Kind.INTERPRETATION)
_PLACE_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|县|区|州|盟))+")
_EXPIRY_RE = re.compile(r"有效期(?:至|到|截至)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_EXPIRY_YEARS_RE = re.compile(r"有效期(?:为)?\s*([1-9一二两三四五六七八九十])\s*年")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)} | {"十": 10, "两": 2}


@dataclass(frozen=True)
class Relation:
    """One relation of a document: its type, the target (None when the target is not
    in the archive), the title and 文号 as printed, and who stated it."""

    type: RelationType
    target_id: str | None
    target_title: str
    target_doc_number: str | None = None
    by: str = "text"  # "text", "editor" or "derived" (a reverse relation)
    date: str | None = None  # for repeals: when the repeal takes effect


@dataclass(frozen=True)
class Standing:
    """What the archive says of one document: relations, validity and other printings."""

    relations: tuple[Relation, ...] = ()
    validity: Validity | None = None
    validity_by: str | None = None  # None when derived, else who decided
    repealed_on: str | None = None
    printings: tuple[str, ...] = ()  # ids of the same work's other printings, in date order
    work: str | None = None  # id of the work's first printing


@dataclass(frozen=True)
class Linkage:
    """Every document's standing, the date validity is reckoned at, and the conflicts
    an editor should look at."""

    standing: dict[str, Standing]
    as_of: str | None
    problems: tuple[str, ...] = ()

    def of(self, doc_id: str) -> Standing:
        """The standing of one document (empty when it has none)."""
        return self.standing.get(doc_id, Standing())


@functools.lru_cache(maxsize=65536)
def norm_title(title: str) -> str:
    """A title for comparison: folded, no 《》, spaces or punctuation, ASCII brackets."""
    text = fold(to_ascii_digits(title)).translate(str.maketrans("（）", "()"))
    return re.sub(r"[\s《》〈〉<>“”\"'、，,。·・]", "", text)


def _region(doc: Document, issue: Issue | None) -> str:
    """The place a document speaks for: its issuer's (山东省人民政府 → 山东省), else its gazette's."""
    for text in (doc.issuer or "", (issue.meta.gazette_name or "") if issue else ""):
        match = _PLACE_RE.match(fold(text))
        if match:
            return match.group()
    return ""


def _date(doc: Document, issue: Issue | None) -> str:
    return doc.signed_date or (issue.meta.date if issue else None) or ""


class _Resolver:
    """Titles and numbers of every document of the archive."""

    def __init__(self, archive: Archive, issue_of: dict[str, Issue]) -> None:
        self.archive, self.issue_of = archive, issue_of
        self.by_number: dict[str, list[str]] = defaultdict(list)
        self.by_order_no: dict[str, list[str]] = defaultdict(list)  # 令第5号 → ids
        self.by_title: dict[str, list[str]] = defaultdict(list)
        self.by_bare_title: dict[str, list[str]] = defaultdict(list)  # place name taken off
        self.by_about: dict[str, list[str]] = defaultdict(list)  # 关于… without the issuer before it
        for doc_id in sorted(archive.documents):
            doc = archive.documents[doc_id]
            if doc.doc_number:
                number = normalize_doc_number(doc.doc_number)
                self.by_number[number].append(doc_id)
                order = re.search(r"令第\d+号$", number)
                if order:
                    self.by_order_no[order.group()].append(doc_id)
            title = norm_title(doc.title)
            self.by_title[title].append(doc_id)
            self.by_bare_title[_PLACE_RE.sub("", title)].append(doc_id)
            if "关于" in title[1:]:
                self.by_about[title[title.index("关于", 1):]].append(doc_id)

    def resolve(self, source: Document, ref: Reference) -> str | None:
        """The id the reference points at, or None when it is not in the archive."""
        candidates: list[str] = []
        if ref.doc_number:
            candidates = self._by_number(source, ref.doc_number)
        if ref.title:
            titled = self._by_title(ref.title)
            if candidates and titled:
                both = [c for c in candidates if c in titled]
                candidates = both or candidates
            elif not candidates:
                candidates = titled
        candidates = [c for c in candidates if c != source.id]
        return self._pick(source, ref, candidates) if candidates else None

    def _by_number(self, source: Document, printed: str) -> list[str]:
        number = normalize_doc_number(re.sub(r"^\d{4}年", "", printed))
        if number in self.by_number:
            return list(self.by_number[number])
        order = re.search(r"令第(\d+)号$", number)
        if not order:
            return []
        short = re.match(r"^(省|市|县|区|自治区|州)?(?:人民)?政府令", number)
        if not short and not number.startswith(("省", "市")):
            return []
        level = short.group(1) if short else ""
        region = _region(source, self.issue_of.get(source.id))
        out = []
        for doc_id in self.by_order_no.get(f"令第{int(order.group(1))}号", []):
            doc_number = normalize_doc_number(self.archive.documents[doc_id].doc_number or "")
            if "人民政府令" not in doc_number:
                continue
            organ = doc_number[: doc_number.index("人民政府令")]
            if level and not organ.endswith(level):
                continue
            if region and level in ("市", "县", "区", "州") and not (region.endswith(organ) or organ.endswith(region)):
                continue
            if region and level in ("省", "自治区") and not (region.startswith(organ) or organ.startswith(region)):
                continue
            out.append(doc_id)
        return out

    def _by_title(self, printed: str) -> list[str]:
        title = norm_title(printed)
        if title in self.by_title:
            return list(self.by_title[title])
        bare = _PLACE_RE.sub("", title)
        if len(bare) >= 4 and bare in self.by_bare_title:
            return list(self.by_bare_title[bare])
        if title.startswith("关于") and title in self.by_about:
            return list(self.by_about[title])
        return list(self.by_title.get(bare, [])) if len(bare) >= 4 else []

    def _pick(self, source: Document, ref: Reference, candidates: list[str]) -> str:
        """Among several: for a repeal, amendment or replacement the latest printed before
        the source; for a 解读 or 印发 the nearest, the same issue first."""
        docs = self.archive.documents
        when = _date(source, self.issue_of.get(source.id))
        region = _region(source, self.issue_of.get(source.id))
        local = [c for c in candidates if _region(docs[c], self.issue_of.get(c)) == region]
        candidates = local or candidates
        keyed = []
        for c in candidates:
            date = _date(docs[c], self.issue_of.get(c))
            same_issue = docs[c].issue_id == source.issue_id
            if ref.type in (RelationType.REPEALS, RelationType.AMENDS, RelationType.REPLACES):
                earlier = bool(date and when and date <= when) and not (ref.type is RelationType.REPLACES and same_issue)
                keyed.append(((0 if earlier else 1), _neg(date) if earlier else date, c))
            else:
                keyed.append(((0 if same_issue else 1), abs(_days(date) - _days(when)), c))
        return min(keyed)[2]


def _neg(date: str) -> str:
    return "".join(chr(0x10FFFF - ord(ch)) for ch in date)


def _days(date: str) -> int:
    digits = re.sub(r"\D", "", date)[:8]
    return int(digits) if len(digits) == 8 else 0


_CACHE_VERSION = 1  # bump when ``references`` finds other things in the same text


def _all_references(docs: dict[str, Document], cache: Path | None) -> dict[str, tuple[Reference, ...]]:
    """``references`` of every document, from ``cache/.references.pickle`` where a
    document's title, kind and text are unchanged (the cache is rewritten atomically)."""
    stored: dict[str, tuple[Reference, ...]] = {}
    path = cache / ".references.pickle" if cache else None  # issue folders never start with a dot
    if path and path.exists():
        try:
            loaded = pickle.loads(path.read_bytes())
            if loaded.get("version") == (_CACHE_VERSION, __version__):
                stored = loaded["refs"]
        except Exception:  # a damaged cache is rebuilt, never trusted
            stored = {}
    out: dict[str, tuple[Reference, ...]] = {}
    fresh: dict[str, tuple[Reference, ...]] = {}
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        key = hashlib.sha1(f"{doc.title}\0{doc.kind.value}\0{doc.body}".encode("utf-8")).hexdigest()
        refs = stored.get(key)
        if refs is None:
            refs = references(doc)
        fresh[key] = out[doc_id] = refs
    if path and fresh.keys() != stored.keys():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps({"version": (_CACHE_VERSION, __version__), "refs": fresh}))
    return out


def link_archive(archive: Archive, cache: Path | None = None) -> Linkage:
    """Relations, works, printings and validity of every document in ``archive``
    (``cache``: a folder where the references of unchanged documents are kept)."""
    found_refs = _all_references(archive.documents, cache)
    issue_of = {doc_id: issue for issue in archive.issues for doc_id in issue.document_ids}
    resolver = _Resolver(archive, issue_of)
    docs = archive.documents
    work_of, printings = _works(archive, issue_of)
    forward: dict[str, list[Relation]] = {}
    problems: list[str] = []
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        found = []
        for ref in found_refs[doc_id]:
            target = resolver.resolve(doc, ref)
            if target is not None:
                target = work_of.get(target, target)
                if target == work_of.get(doc_id, doc_id):
                    continue
            if target is None and ref.type is RelationType.ISSUES and _prints_itself(doc, ref):
                continue
            found.append(Relation(ref.type, target, ref.title or (docs[target].title if target else ref.doc_number or ""),
                                  ref.doc_number or (docs[target].doc_number if target else None), "text", ref.date))
        forward[doc_id] = _edited(doc, found, docs, work_of, problems)
    reverse: dict[str, list[Relation]] = defaultdict(list)
    for doc_id in sorted(forward):
        for rel in forward[doc_id]:
            if rel.target_id is None:
                continue
            source = docs[doc_id]
            back = Relation(rel.type.reverse, work_of.get(doc_id, doc_id), source.title, source.doc_number, "derived",
                            rel.date or source.effective_date or _date(source, issue_of.get(doc_id)) or None)
            for printing in printings.get(work_of.get(rel.target_id, rel.target_id), [rel.target_id]):
                if back not in reverse[printing]:
                    reverse[printing].append(back)
    as_of = max((i.meta.date for i in archive.issues if i.meta.date), default=None)
    standing: dict[str, Standing] = {}
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        rels = tuple(forward.get(doc_id, ())) + tuple(reverse.get(doc_id, ()))
        validity, by, repealed_on = _validity(doc, issue_of.get(doc_id), rels, as_of)
        problems += _conflicts(doc_id, rels, docs)
        work = work_of.get(doc_id, doc_id)
        others = tuple(p for p in printings.get(work, [doc_id]) if p != doc_id)
        standing[doc_id] = Standing(rels, validity, by, repealed_on, others, work)
    return Linkage(standing, as_of, tuple(problems))


def _prints_itself(doc: Document, ref: Reference) -> bool:
    """印发《X》 where X is printed inside the notice itself: its title stands in the text
    in lines that neither say 印发 nor list 附件 (a heading of its own, perhaps wrapped)."""
    wanted = norm_title(ref.title or "")
    rest = "".join(norm_title(line) for line in body_to_text(doc.body).splitlines()
                   if "印发" not in line and "印發" not in line and not line.lstrip().startswith("附件"))
    return bool(wanted) and wanted in rest


def _edited(doc: Document, found: list[Relation], docs: dict[str, Document], work_of: dict[str, str],
            problems: list[str]) -> list[Relation]:
    """The text's relations with the editor's ``relations:`` lines applied: removals drop
    a relation of that type and target (or title); additions and confirmations win."""
    out = list(found)
    for edit in doc.relations:
        target = edit.target if edit.target in docs else None
        if edit.target and target is None:
            problems.append(f"{doc.issue_id}/{doc.seq:02d}.md: relations: target {edit.target!r} is not a document id in content/")
        target = work_of.get(target, target) if target else None
        title_key = norm_title(edit.title or "")

        def same(rel: Relation) -> bool:
            return rel.type is edit.type and ((target is not None and rel.target_id == target)
                                              or (bool(title_key) and norm_title(rel.target_title) == title_key))
        out = [r for r in out if not same(r)]
        if not edit.remove:
            title = edit.title or (docs[target].title if target else "")
            number = edit.doc_number or (docs[target].doc_number if target else None)
            out.append(Relation(edit.type, target, title, number, "editor"))
    return out


def _works(archive: Archive, issue_of: dict[str, Issue]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Printings of one work: the same 文号, title and signing date, or the same issuer,
    title and signing date. The first printing (by issue date) names the work."""
    docs = archive.documents
    parent = {doc_id: doc_id for doc_id in docs}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    keys: dict[tuple[str, ...], str] = {}
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        if doc.kind is Kind.PERSONNEL:
            continue
        own = []
        if doc.doc_number and re.search(r"\d", doc.doc_number):
            # the same 文号 and title, and the same signing date where it is known (two
            # documents of different dates under one number are a mistake, not a reprint)
            own.append(("n", normalize_doc_number(doc.doc_number), norm_title(doc.title), doc.signed_date or ""))
        if doc.issuer and doc.signed_date:
            own.append(("t", norm_title(doc.issuer), norm_title(doc.title), doc.signed_date))
        for key in own:
            if key in keys:
                parent[root(doc_id)] = root(keys[key])
            else:
                keys[key] = doc_id
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(docs):
        groups[root(doc_id)].append(doc_id)
    work_of: dict[str, str] = {}
    printings: dict[str, list[str]] = {}
    for members in groups.values():
        if len(members) < 2 or len({docs[m].issue_id for m in members}) < len(members):
            continue
        ordered = sorted(members, key=lambda m: ((issue_of[m].meta.date or "") if m in issue_of else "", m))
        for m in ordered:
            work_of[m] = ordered[0]
        printings[ordered[0]] = ordered
    return work_of, printings


def _validity(doc: Document, issue: Issue | None, rels: tuple[Relation, ...],
              as_of: str | None) -> tuple[Validity | None, str | None, str | None]:
    """(validity, who decided or None when derived, the date a repeal took effect)."""
    repeal = sorted(((r.date or "", r) for r in rels if r.type in (RelationType.REPEALED_BY, RelationType.REPLACED_BY)),
                    key=lambda pair: (pair[0], pair[1].target_id or "", pair[1].target_title, pair[1].type.value, pair[1].by))
    repealed_on = repeal[0][0] or None if repeal else None
    if doc.validity is not None:
        return doc.validity, doc.validity_by or "编辑", repealed_on
    if doc.kind in _NO_FORCE:
        return None, None, None
    if repeal and (not repealed_on or not as_of or repealed_on <= as_of):
        return Validity.REPEALED, None, repealed_on
    end = _expiry(doc, doc.body) if "有效期" in doc.body else None
    if end and as_of and end < as_of:
        return Validity.EXPIRED, None, None
    if doc.effective_date and as_of and doc.effective_date > as_of:
        return Validity.NOT_YET_EFFECTIVE, None, None
    if any(r.type is RelationType.AMENDED_BY for r in rels):
        return Validity.AMENDED, None, None
    return Validity.IN_FORCE, None, None


def _expiry(doc: Document, body: str) -> str | None:
    """有效期至2025年12月31日, or 有效期N年 from the effective (else signing) date."""
    text = "\n".join(to_ascii_digits(re.sub(r"\s+", "", body[m.start():m.start() + 40])) for m in re.finditer("有效期", body))
    match = _EXPIRY_RE.search(text)
    if match:
        return parse_date(match.group(1))
    match = _EXPIRY_YEARS_RE.search(text)
    start = doc.effective_date or doc.signed_date
    if match and start:
        years = int(match.group(1)) if match.group(1).isdigit() else _CN_DIGITS.get(match.group(1), 0)
        if years:
            return f"{int(start[:4]) + years:04d}{start[4:]}"
    return None


def _conflicts(doc_id: str, rels: tuple[Relation, ...], docs: dict[str, Document]) -> list[str]:
    """A document repealed by two documents, or amended after its repeal."""
    doc = docs[doc_id]
    where = f"{doc.issue_id}/{doc.seq:02d}.md ({doc.title})"
    out = []
    repealers = sorted({r.target_id for r in rels if r.type in (RelationType.REPEALED_BY, RelationType.REPLACED_BY) and r.target_id})
    if len(repealers) > 1:
        out.append(f"{where}: repealed by {len(repealers)} documents: {', '.join(repealers)}; keep the right one with a 'relations:' line")
    repealed = min((r.date for r in rels if r.type in (RelationType.REPEALED_BY, RelationType.REPLACED_BY) and r.date), default=None)
    for r in rels:
        if r.type is RelationType.AMENDED_BY and repealed and r.date and r.date > repealed:
            out.append(f"{where}: amended by {r.target_id} on {r.date}, after its repeal on {repealed}")
    return out
