"""Simplified -> traditional conversion with OpenCC, restricted to glyphs the fonts have."""
from __future__ import annotations

import functools

import opencc


@functools.lru_cache(maxsize=None)
def _conv(cfg: str) -> opencc.OpenCC:
    return opencc.OpenCC(cfg)


def convert(text: str, cfg: str, charset: set[str]) -> str:
    """``text`` in traditional script (OpenCC ``cfg``: s2t, s2hk, s2tw).

    A converted character missing from the fonts is taken from ``s2t`` at the same
    position (when the lengths agree), else the simplified character is kept.
    """
    out = _conv(cfg).convert(text)
    if all(c in charset for c in out):
        return out
    alt = _conv("s2t").convert(text)
    chars = []
    for i, c in enumerate(out):
        if c in charset:
            chars.append(c)
        elif len(alt) == len(out) and alt[i] in charset:
            chars.append(alt[i])
        elif len(text) == len(out) and text[i] in charset:
            chars.append(text[i])
        else:
            chars.append("□" if "□" in charset else "")
    return "".join(chars)
