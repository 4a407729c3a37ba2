"""Relation detection and resolution scored on a labelled set
(``python bench/eval_relations.py [SET_DIR] [-v]``; default bench/relations-set).

The set (documents.jsonl, expected.jsonl, decoys.jsonl; its README says how it was made,
by a helper who had not read Gazette's code) is written into a content/ archive, loaded
with ``load_archive`` and linked with ``link_archive``, exactly as ``gazette build`` does.
A predicted relation is right when its source and type match an expected one and its
target is the expected document (or an accepted alternative), or both are unresolved and
the printed title or 文号 agree after normalisation. Reprints (``reprint_of``) are scored
from the printings Gazette groups into one work. Prints precision and recall per type.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazette.archive.relations import FORWARD, link_archive, norm_title  # noqa: E402
from gazette.content import load_archive, render_document, render_issue  # noqa: E402
from gazette.models import Document, Issue, IssueMeta, Kind, SourceRef, Status  # noqa: E402
from gazette.structure import text_to_body  # noqa: E402
from gazette.textnorm import normalize_doc_number  # noqa: E402

KINDS = {"regulation": Kind.REGULATION, "normative": Kind.NORMATIVE, "interpretation": Kind.INTERPRETATION}


def write_archive(records: list[dict], content: Path) -> None:
    """The set's documents as content/ issues (one folder per gazette issue)."""
    issues: dict[str, list[dict]] = {}
    for r in records:
        issues.setdefault(r["id"].rsplit("-", 1)[0], []).append(r)
    for issue_id, docs in sorted(issues.items()):
        first = docs[0]
        year, number = (int(x) for x in first["issue"].split("-")[:2])
        folder = content / issue_id
        folder.mkdir(parents=True)
        ids = []
        for seq, r in enumerate(docs, start=1):
            kind = KINDS.get(r["kind"]) or (Kind.NORMATIVE if r.get("doc_number") else Kind.OTHER)
            doc = Document(id=r["id"], issue_id=issue_id, seq=seq, title=r["title"], kind=kind,
                           doc_number=r.get("doc_number"), issuer=r.get("issuer"), signed_date=r.get("signed_date"),
                           effective_date=r.get("effective_date"), section=None,
                           source=SourceRef(f"{issue_id}.pdf", "0" * 64, (seq, seq)),
                           body=text_to_body([r["title"], *r["text"].split("\n")]), status=Status.PUBLISHED)
            (folder / f"{seq:02d}.md").write_text(render_document(doc), encoding="utf-8")
            ids.append(r["id"])
        issue = Issue(issue_id, IssueMeta(first["gazette"], year, number, None, first["issue_date"]),
                      f"{issue_id}.pdf", "0" * 64, len(docs), (), tuple(ids))
        (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")


def _number(text: str | None) -> str:
    if not text:
        return ""
    n = normalize_doc_number(re.sub(r"^\d{4}年", "", text))
    return re.sub(r"^(?:山东省|清河市)?(?:人民)?政府令|^(?:省|市)(?:人民)?政府令", "政府令", n)


def matches(pred: tuple, exp: dict) -> bool:
    source, kind, target, title, number = pred
    if source != exp["source_id"] or kind != exp["type"]:
        return False
    wanted = [exp["target_id"], *exp.get("alt_target_ids", [])] if exp["target_id"] else []
    if wanted:
        return target in wanted
    if target is not None:
        return False
    t1, t2 = norm_title(title or ""), norm_title(exp["target_title"] or "")
    same_title = bool(t1 and t2) and (t1 == t2 or t1.endswith(t2) or t2.endswith(t1))
    same_number = bool(number and exp.get("target_doc_number")) and _number(number) == _number(exp["target_doc_number"])
    return same_title or same_number


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", nargs="?", type=Path, default=ROOT / "bench" / "relations-set")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false positive")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in (args.set / "documents.jsonl").read_text(encoding="utf-8").splitlines() if line]
    expected = [json.loads(line) for line in (args.set / "expected.jsonl").read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_archive(records, content)
        archive = load_archive(content)
        linkage = link_archive(archive)
    predicted = []
    for doc_id, standing in sorted(linkage.standing.items()):
        for rel in standing.relations:
            if rel.type in FORWARD:
                predicted.append((doc_id, rel.type.value, rel.target_id, rel.target_title, rel.target_doc_number))
        if standing.work and standing.work != doc_id:
            predicted.append((doc_id, "reprint_of", standing.work, None, None))
    hit_pred = [any(matches(p, e) for e in expected) for p in predicted]
    hit_exp = [any(matches(p, e) for p in predicted) for e in expected]
    rows = []
    for kind in [t.value for t in FORWARD] + ["reprint_of"]:
        p = [h for pr, h in zip(predicted, hit_pred) if pr[1] == kind]
        e = [h for ex, h in zip(expected, hit_exp) if ex["type"] == kind]
        rows.append((kind, len(e), sum(e), len(p), sum(p)))
    total_e, total_p = sum(hit_exp), sum(hit_pred)
    print("| type | expected | found | predicted | right | recall | precision |")
    print("|---|---|---|---|---|---|---|")
    for kind, ne, fe, np_, rp in rows:
        print(f"| {kind} | {ne} | {fe} | {np_} | {rp} | {fe / ne if ne else 1:.3f} | {rp / np_ if np_ else 1:.3f} |")
    print(f"| all | {len(expected)} | {total_e} | {len(predicted)} | {total_p} | "
          f"{total_e / len(expected):.3f} | {total_p / len(predicted) if predicted else 1:.3f} |")
    if args.verbose:
        for e, h in zip(expected, hit_exp):
            if not h:
                print("MISS", e["source_id"], e["type"], e["target_id"], e["target_title"], e.get("target_doc_number"), "|", e.get("evidence", "")[:80])
        for p, h in zip(predicted, hit_pred):
            if not h:
                print("FALSE", *p)
        print(Counter(p[1] for p in predicted))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
