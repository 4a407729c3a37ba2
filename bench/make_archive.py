"""Generate a content/ archive of N documents for benchmarks.

``python bench/make_archive.py DEST --docs 1000`` writes issues of 40 documents
(山东省人民政府公报, 24 issues a year from 2001-01 on, years and numbers increasing,
目录 entries matching the documents) whose bodies are real texts from
``../shared/corpus`` (never ``corpus-eval``), cycled and mixed: each document takes one
source text (regulations keep their 第一章/第一条 structure) and appends paragraphs of
other sources, so no two bodies are identical. Bodies are kept between about 3 and 20 KB.

``add_issue(dest)`` appends one more 40-document issue (the "publish one new issue"
benchmark). Output is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazette.content import render_document, render_issue  # noqa: E402
from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status, TocEntry  # noqa: E402
from gazette.structure import text_to_body  # noqa: E402
from tools.synth.corpus import Source, load  # noqa: E402

GAZETTE_NAME = "山东省人民政府公报"
ISSUES_PER_YEAR = 24
KINDS = {"regulation": Kind.REGULATION, "normative": Kind.NORMATIVE, "other": Kind.OTHER}
SECTIONS = {Kind.REGULATION: "省政府令", Kind.NORMATIVE: "省政府文件", Kind.OTHER: "其他"}
ISSUERS = ["山东省人民政府", "山东省人民政府办公厅", "山东省财政厅", "山东省教育厅", "山东省生态环境厅", "山东省交通运输厅"]
MIN_BODY, MAX_BODY = 3_000, 19_000  # bytes of UTF-8 body text (the file adds ~0.6 KB of front matter)

_SOURCES: list[Source] | None = None


def _sources() -> list[Source]:
    """Corpus sources in a fixed shuffled order, so every issue mixes kinds."""
    global _SOURCES
    if _SOURCES is None:
        _SOURCES = load()
        random.Random(20010101).shuffle(_SOURCES)
    return _SOURCES


def issue_id(n: int) -> tuple[str, int, int]:
    """Id, year and number of the ``n``-th issue (0-based)."""
    year, number = 2001 + n // ISSUES_PER_YEAR, n % ISSUES_PER_YEAR + 1
    return f"{year}-{number:02d}", year, number


def _body_paragraphs(src: Source, sources: list[Source], rng: random.Random) -> list[str]:
    """The source's paragraphs (cut at MAX_BODY) plus paragraphs mixed in from others."""
    out: list[str] = []
    size = 0
    for para in src.paragraphs:
        cost = len(para.encode("utf-8")) + 2
        if size + cost > MAX_BODY and out:
            break
        out.append(para)
        size += cost
    wanted = rng.randint(2, 8)
    while wanted > 0 or size < MIN_BODY:
        other = sources[rng.randrange(len(sources))]
        start = rng.randrange(len(other.paragraphs))
        for para in other.paragraphs[start:start + rng.randint(1, 4)]:
            cost = len(para.encode("utf-8")) + 2
            if size + cost > MAX_BODY:
                wanted = 0
                break
            out.append(para)
            size += cost
            wanted -= 1
        if size >= MIN_BODY and size + 200 > MAX_BODY:
            break
    return out


def write_issue(dest: Path, n: int, docs_per_issue: int, sources: list[Source], rng: random.Random,
                status: Status) -> Issue:
    """Write issue number ``n`` (0-based) with ``docs_per_issue`` documents."""
    iid, year, number = issue_id(n)
    month = (number + 1) // 2
    date = f"{year}-{month:02d}-{10 if number % 2 else 25}"
    folder = dest / iid
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[Document] = []
    toc: list[TocEntry] = []
    page = 1
    for seq in range(1, docs_per_issue + 1):
        ordinal = n * docs_per_issue + seq
        src = sources[ordinal % len(sources)]
        paragraphs = _body_paragraphs(src, sources, rng)
        kind = KINDS.get(src.kind, Kind.OTHER)
        title = src.title if ordinal < len(sources) else f"{src.title}（{year}年第{number}期第{seq}件）"
        pages = max(1, sum(len(p) for p in paragraphs) // 1500)
        if kind is Kind.REGULATION:
            doc_number = f"山东省人民政府令第{200 + ordinal}号"
        else:
            doc_number = f"鲁政{'办' if seq % 3 == 0 else ''}发〔{year}〕{(number - 1) * docs_per_issue + seq}号"
        doc = Document(
            id=f"{iid}-{seq:02d}", issue_id=iid, seq=seq, title=title, kind=kind, doc_number=doc_number,
            issuer=ISSUERS[0] if kind is Kind.REGULATION else ISSUERS[(n + seq) % len(ISSUERS)], signed_date=f"{year}-{month:02d}-{seq % 9 + 1:02d}",
            effective_date=None, section=SECTIONS[kind],
            source=SourceRef(f"{iid}.pdf", f"{n:064x}", (page + 2, page + 2 + pages - 1), (page, page + pages - 1)),
            body=text_to_body([title, *paragraphs]), status=Status(status),
        )
        toc.append(TocEntry(title, page, doc.section, doc_number))
        page += pages
        docs.append(doc)
        (folder / f"{seq:02d}.md").write_text(render_document(doc), encoding="utf-8")
    issue = Issue(iid, IssueMeta(GAZETTE_NAME, year, number, 300 + n, date, f"{year}年第{number}期（总第{300 + n}期）",
                                 "山东省人民政府办公厅"),
                  f"{iid}.pdf", f"{n:064x}", page + 1, tuple(toc), tuple(d.id for d in docs))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    return issue


def make_archive(dest: Path, n_docs: int, docs_per_issue: int = 40, seed: int = 0,
                 status: str | Status = "published") -> Path:
    """Write an archive of ``n_docs`` documents into ``dest`` (a content/ folder); returns ``dest``."""
    sources = _sources()
    rng = random.Random(seed)
    written = n = 0
    while written < n_docs:
        count = min(docs_per_issue, n_docs - written)
        write_issue(Path(dest), n, count, sources, rng, Status(status))
        written += count
        n += 1
    return Path(dest)


def archive_for(n_docs: int, work: Path) -> Path:
    """The cached search-benchmark archive of ``n_docs`` documents under ``work``
    (generated once; ``.complete`` marks a finished one)."""
    archive = work / f"search-archive-{n_docs}"
    if not (archive / ".complete").exists():
        shutil.rmtree(archive, ignore_errors=True)
        make_archive(archive, n_docs)
        (archive / ".complete").write_text("make_archive(seed=0, docs_per_issue=40)\n")
    return archive


def add_issue(dest: Path, docs_per_issue: int = 40, seed: int | None = None, status: str | Status = "published") -> str:
    """Append the next issue to an archive made by :func:`make_archive`; returns its id."""
    dest = Path(dest)
    n = sum(1 for p in dest.iterdir() if p.is_dir() and (p / "issue.md").exists())
    rng = random.Random(seed if seed is not None else 1_000_003 + n)
    return write_issue(dest, n, docs_per_issue, _sources(), rng, Status(status)).id


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest", type=Path, help="content folder to write (created if missing)")
    parser.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--per-issue", type=int, default=40, help="documents per issue (default 40)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--status", choices=[s.value for s in Status], default="published")
    parser.add_argument("--add-issue", action="store_true", help="append one more issue to DEST instead")
    args = parser.parse_args(argv)
    if args.add_issue:
        print(add_issue(args.dest, args.per_issue, status=args.status))
        return 0
    make_archive(args.dest, args.docs, args.per_issue, args.seed, args.status)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
