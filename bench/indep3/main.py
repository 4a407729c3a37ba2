"""Driver: template per issue (seeded order, every template early), build, write PDF + truth."""
from __future__ import annotations

import collections
import json
import random
from pathlib import Path

from bench.indep.main import charset

from . import sources
from .issue import build_issue
from .templates import build


def generate(out_dir: str, issues: int, seed: int, corpus: str, stats: bool = False) -> list[str]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cs = charset()
    S = sources.load(Path(corpus), cs)
    templates = build()
    order = random.Random(f"order:{seed}").sample(templates, len(templates))
    usage: collections.Counter = collections.Counter()
    stems, all_stats = [], []
    for i in range(issues):
        tpl = order[i % len(order)]
        stem = f"indep3-s{seed}-{i + 1:02d}-{tpl.name}"
        pdf, truth, st = build_issue(tpl, stem, seed, i, i // len(order), S, usage, cs)
        (out / f"{stem}.pdf").write_bytes(pdf)
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                encoding="utf-8")
        stems.append(stem)
        all_stats += st
        print(f"{stem}: {truth['pages']} pages, {len(truth['documents'])} documents")
    if stats:
        (out / "_stats.json").write_text(json.dumps(all_stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return stems
