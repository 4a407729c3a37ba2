"""OpenCC conversion with a per-character fallback to the simplified glyph when a font lacks it."""
from __future__ import annotations

import functools

import opencc

from .docs import Doc
from .sources import charset


@functools.lru_cache(maxsize=4)
def _cc(cfg: str) -> opencc.OpenCC:
    return opencc.OpenCC(cfg)


def conv(s: str | None, cfg: str) -> str | None:
    if s is None:
        return None
    t = _cc(cfg).convert(s)
    cs = charset()
    if len(t) == len(s):
        return "".join(a if a in cs else b for a, b in zip(t, s))
    return t if all(c in cs for c in t) else s


def convert_doc(d: Doc, cfg: str) -> None:
    """Print the whole document in traditional characters (strings in truth as printed)."""
    d.title, d.issuer, d.doc_number = conv(d.title, cfg), conv(d.issuer, cfg), conv(d.doc_number, cfg)
    for b in d.blocks:
        b.text = conv(b.text, cfg) or ""
        b.right = conv(b.right, cfg) if b.kind == "pair" else b.right
        if b.rows:
            b.rows = [[conv(c, cfg) for c in r] for r in b.rows]
        if b.forced:
            b.forced = [conv(x, cfg) for x in b.forced]
            b.text = "".join(b.forced)
    d.trad = cfg
    d.tags.append(f"traditional {cfg}")
