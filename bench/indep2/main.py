"""Driver: pick templates per issue, build, write PDF + truth."""
from __future__ import annotations

import collections
import json
import random
from pathlib import Path

from bench.indep.main import charset as _indep_charset

from . import sources, trad
from .issue import build_issue
from .templates import build
from .typeset import FONT_FILES


def charset() -> set[str]:
    """Characters present in every font we may use (same four fonts as bench.indep)."""
    assert set(FONT_FILES) == {"song", "kai", "hei", "bhei"}
    return _indep_charset()


def generate(out_dir: str, issues: int, seed: int, corpus: str, stats: bool = False) -> list[str]:
    """Write the set; template order is a seeded shuffle so every template appears early."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cs = charset()
    trad.CHARSET = cs
    S = sources.load(Path(corpus), cs)
    templates = build()
    order = random.Random(f"indep2-order:{seed}").sample(templates, len(templates))
    stems = []
    usage: collections.Counter = collections.Counter()
    all_meta = {}
    for i in range(issues):
        tpl = order[i % len(order)]
        stem = f"indep2-s{seed}-{i + 1:02d}-{tpl.name}"
        pdf, truth, meta = build_issue(tpl, stem, seed, i, S, usage, cs)
        (out / f"{stem}.pdf").write_bytes(pdf)
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        all_meta[stem] = meta
        stems.append(stem)
        kinds = collections.Counter(d["kind_detail"] for d in truth["documents"])
        print(f"{stem}: {truth['pages']} pages, {len(truth['documents'])} documents {dict(kinds)}")
    if stats:
        (out / "_stats.json").write_text(json.dumps(all_meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return stems
