"""Traditional-script printing of a whole document (OpenCC, glyph fallback to the simplified character)."""
from __future__ import annotations

import opencc

from .docs import Doc

_CC: dict[str, opencc.OpenCC] = {}


def convert(s: str | None, cfg: str, charset: set[str]) -> str | None:
    if not s:
        return s
    cc = _CC.setdefault(cfg, opencc.OpenCC(cfg + ".json"))
    t = cc.convert(s)
    if len(t) == len(s):
        return "".join(a if a in charset else b for a, b in zip(t, s))
    return t if all(c in charset for c in t) else s


def to_trad(d: Doc, cfg: str, charset: set[str]) -> None:
    f = lambda s: convert(s, cfg, charset)  # noqa: E731
    d.title, d.issuer, d.doc_number = f(d.title), f(d.issuer), f(d.doc_number)
    for p in d.paras:
        p.text, p.right = f(p.text), f(p.right)
        if p.rows:
            p.rows = [[f(c) for c in r] for r in p.rows]
        p.breaks = ()
    d.variant.append(f"traditional ({cfg})")
