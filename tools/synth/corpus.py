"""Reading the shared corpus of real official texts (never corpus-eval)."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("GAZETTE_SHARED", ROOT.parent / "shared")) / "corpus"
_HEADER_RE = re.compile(r"^[（(].{0,300}?(?:公布|发布|通过|修正|修订|施行).{0,300}[）)]$")
_DATE_LINE_RE = re.compile(r"^[\d〇○一二三四五六七八九]{4}\s*年[\d一二三四五六七八九十\s]{1,4}月[\d一二三四五六七八九十\s]{1,4}日")
_DOC_NO_RE = re.compile(r"^\S{1,20}[〔\[［(（【]\d{4}[〕\]］)）】]\d+号")
_DROP_RE = re.compile(r"^(?:-\s|附件\d*[-—].*\.(?:pdf|docx?|xlsx?)$)|印发$|^抄送|^\S{2,20}办公(?:厅|室)\s*\d{4}年")


@dataclass(frozen=True)
class Source:
    """One corpus document: its metadata and body paragraphs (title and header removed)."""

    file: str
    title: str
    kind: str
    subtype: str
    issuer: str | None
    doc_number: str | None
    date: str | None
    paragraphs: tuple[str, ...]


def load(corpus: Path = CORPUS) -> list[Source]:
    """Every corpus document with a usable body, in index order."""
    if not (corpus / "index.jsonl").exists():
        raise SystemExit(f"error: {corpus}/index.jsonl not found; set GAZETTE_SHARED to the shared folder")
    sources = []
    for line in (corpus / "index.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (corpus / row["file"]).read_text(encoding="utf-8")
        paragraphs = _paragraphs(text, row["title"])
        if len("".join(paragraphs)) < 300:
            continue
        sources.append(Source(row["file"], row["title"].strip(), row["kind"], row.get("subtype") or "",
                              row.get("issuer"), row.get("doc_number"), row.get("date"), tuple(paragraphs)))
    return sources


def _paragraphs(text: str, title: str) -> list[str]:
    lines = [re.sub(r"[ \t\u3000]+", lambda m: "　" if "\u3000" in m.group() else " ", l).strip(" 　") for l in text.splitlines()]
    lines = [l for l in lines if l]
    if lines and re.sub(r"\s", "", lines[0]) == re.sub(r"\s", "", title):
        lines = lines[1:]
    while lines and _HEADER_RE.match(lines[0]):
        lines = lines[1:]
    out = []
    for line in lines:
        if _DROP_RE.search(line) or line.startswith(("#", "|", "*", "!", "[")) or _DATE_LINE_RE.match(line) \
                or _DOC_NO_RE.match(line):
            continue
        out.append(line)
    # The source's own signature (short organ lines at the end) is not part of the body we reuse.
    while out and len(out[-1]) <= 30 and not out[-1].endswith(("。", "；", "：", "）")):
        out.pop()
    return out
