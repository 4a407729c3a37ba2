"""Driver: pick templates per issue, build, write PDF + truth."""
from __future__ import annotations

import collections
import json
import re
import random
from pathlib import Path

from fontTools.ttLib import TTCollection

from . import corpus as corpus_mod
from .issue import build_issue
from .layout import FONT_FILES
from .templates import build


def charset() -> set[str]:
    """Characters present in every font we may use."""
    common: set[str] | None = None
    for path, idx in sorted(set(FONT_FILES.values())):
        cmap = {chr(c) for c in TTCollection(path).fonts[idx].getBestCmap()}
        common = cmap if common is None else common & cmap
    return common or set()


def generate(out_dir: str, issues: int, seed: int, corpus: str) -> list[str]:
    """Write the set; template order is a seeded shuffle so every template appears early."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    arts, notes = corpus_mod.load(Path(corpus), charset())
    templates = build()
    order = random.Random(f"order:{seed}").sample(templates, len(templates))
    stems = []
    usage: collections.Counter = collections.Counter()
    for i in range(issues):
        tpl = order[i % len(order)]
        stem = f"indep-s{seed}-{i + 1:02d}-{tpl.name}"
        pdf, truth = build_issue(tpl, stem, seed, i, arts, notes, usage)
        for doc in truth["documents"]:  # set by the project after the set was written (issue 9):
            if doc["kind"] == "other" and doc["doc_number"] and re.search(r"(?:批复|复函|函)$", doc["title"]):
                doc["kind"] = "normative"  # a 批复/复函/函 that carries a 文号 is normative
        (out / f"{stem}.pdf").write_bytes(pdf)
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        stems.append(stem)
        print(f"{stem}: {truth['pages']} pages, {len(truth['documents'])} documents")
    return stems
