"""Generate a content/ archive of N published documents for benchmarks.

``python bench/make_archive.py DEST --docs 1000`` writes issues of 40 documents
(山东省人民政府公报, two issues a month from 2001 on) whose bodies are real corpus texts,
cycled and mixed so that no two documents are identical. ``add_issue`` appends one more
issue (the "publish one new issue" benchmark). Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazette.content import render_document, render_issue  # noqa: E402
from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status, TocEntry  # noqa: E402
from gazette.structure import text_to_body  # noqa: E402
from tools.synth.corpus import load  # noqa: E402

KINDS = {"regulation": Kind.REGULATION, "normative": Kind.NORMATIVE, "other": Kind.OTHER}
ISSUERS = ["山东省人民政府", "山东省人民政府办公厅", "山东省财政厅", "山东省教育厅", "山东省生态环境厅", "山东省交通运输厅"]


def _issue_id(n: int) -> tuple[str, int, int]:
    year, number = 2001 + n // 24, n % 24 + 1
    return f"{year}-{number:02d}", year, number


def write_issue(dest: Path, n: int, per_issue: int, sources: list, rng: random.Random, status: Status) -> int:
    """Write issue number ``n`` (0-based) with ``per_issue`` documents."""
    issue_id, year, number = _issue_id(n)
    folder = dest / issue_id
    folder.mkdir(parents=True, exist_ok=True)
    docs, toc, page = [], [], 1
    for seq in range(1, per_issue + 1):
        src = sources[(n * per_issue + seq) % len(sources)]
        extra = sources[rng.randrange(len(sources))].paragraphs
        paragraphs = list(src.paragraphs[:60]) + list(extra[: rng.randint(2, 8)])
        kind = KINDS.get(src.kind, Kind.OTHER)
        title = f"{src.title}（{year}年第{number}期第{seq}件）"
        pages = max(1, sum(len(p) for p in paragraphs) // 1500)
        number_text = f"鲁政发〔{year}〕{seq + number * 40}号" if kind is not Kind.REGULATION else f"山东省人民政府令第{n * per_issue + seq}号"
        doc = Document(
            id=f"{issue_id}-{seq:02d}", issue_id=issue_id, seq=seq, title=title, kind=kind, doc_number=number_text,
            issuer=ISSUERS[(n + seq) % len(ISSUERS)], signed_date=f"{year}-{min(12, (number + 1) // 2):02d}-0{seq % 9 + 1}",
            effective_date=None, section="省政府文件",
            source=SourceRef(f"{issue_id}.pdf", f"{n:064x}", (page + 2, page + 2 + pages), (page, page + pages)),
            body=text_to_body([title, *paragraphs]), status=status,
        )
        toc.append(TocEntry(title, page, "省政府文件", number_text))
        page += pages + 1
        docs.append(doc)
        (folder / f"{seq:02d}.md").write_text(render_document(doc), encoding="utf-8")
    month = min(12, (number + 1) // 2)
    issue = Issue(issue_id, IssueMeta("山东省人民政府公报", year, number, 300 + n, f"{year}-{month:02d}-{10 if number % 2 else 25}",
                                      f"{year}年第{number}期（总第{300 + n}期）", "山东省人民政府办公厅"),
                  f"{issue_id}.pdf", f"{n:064x}", page + 2, tuple(toc), tuple(d.id for d in docs))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    return len(docs)


def make_archive(dest: Path, n_docs: int, per_issue: int = 40, seed: int = 0, status: Status = Status.PUBLISHED) -> Path:
    """Write an archive of ``n_docs`` documents into ``dest`` (a content/ folder)."""
    sources = load()
    rng = random.Random(seed)
    issues = (n_docs + per_issue - 1) // per_issue
    written = 0
    for n in range(issues):
        written += write_issue(dest, n, min(per_issue, n_docs - written), sources, rng, status)
    return dest


def add_issue(dest: Path, per_issue: int = 40, seed: int = 1) -> str:
    """Append the next issue to an archive made by :func:`make_archive`; returns its id."""
    existing = sorted(p.name for p in dest.iterdir() if p.is_dir() and p.name[:4].isdigit())
    n = len(existing)
    write_issue(dest, n, per_issue, load(), random.Random(seed), Status.PUBLISHED)
    return _issue_id(n)[0]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args(argv)
    make_archive(args.dest, args.docs)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
