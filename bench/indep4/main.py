"""Driver: one template per issue (seeded order, every template early), write PDF + truth."""
from __future__ import annotations

import collections
import json
import random
from pathlib import Path

from bench.indep.main import charset as font_charset

from .issue import build_issue
from .sources import load
from .templates import build


def generate(out_dir: str, issues: int, seed: int, corpus: str, stats: bool = False) -> list[str]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cs = font_charset()
    srcs = load(Path(corpus), cs)
    tpls = build()
    order = random.Random(f"indep4-order:{seed}").sample(tpls, len(tpls))
    usage: collections.Counter = collections.Counter()
    stems, all_stats = [], {}
    for i in range(issues):
        tpl = order[i % len(order)]
        stem = f"indep4-s{seed}-{i + 1:02d}-{tpl.name}"
        pdf, truth, st = build_issue(tpl, i // len(order), stem, seed, i, srcs, usage, cs)
        (out / f"{stem}.pdf").write_bytes(pdf)
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        all_stats[stem] = st
        stems.append(stem)
        print(f"{stem}: {truth['pages']} pages, {len(truth['documents'])} documents")
    if stats:
        (out / "_stats.json").write_text(json.dumps(all_stats, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return stems
