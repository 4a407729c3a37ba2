"""Simplified -> traditional conversion (OpenCC, ``pip install opencc``; the kept set used 1.4.2)."""
from __future__ import annotations

from functools import lru_cache

from .model import Doc, Para


@lru_cache(maxsize=None)
def _conv(config: str):
    try:
        import opencc
    except ImportError as e:  # pragma: no cover - environment problem, say so clearly
        raise SystemExit("bench.indep2 needs OpenCC for its traditional-script template: "
                         ".venv/bin/pip install opencc==1.4.2") from e
    return opencc.OpenCC(config)


CHARSET: set[str] = set()      # set by main: characters all four fonts have
FALLBACK = ("s2tw", "s2t")      # where a glyph is missing (s2hk's 説, 閲), take it from these


def convert(s: str | None, config: str) -> str | None:
    if s is None:
        return None
    out = _conv(config).convert(s)
    if CHARSET and any(c not in CHARSET for c in out):
        alts = [_conv(f).convert(s) for f in FALLBACK]
        if all(len(a) == len(out) for a in alts):
            chars = list(out)
            for i, c in enumerate(chars):
                if c not in CHARSET:
                    chars[i] = next((a[i] for a in alts if a[i] in CHARSET), c)
            out = "".join(chars)
    return out


def convert_doc(d: Doc, config: str) -> Doc:
    """The same document printed in traditional characters (truth follows the print)."""
    d.title = convert(d.title, config)
    d.issuer = convert(d.issuer, config)
    d.doc_number = convert(d.doc_number, config)
    d.paras = [Para(convert(p.text, config), p.role, p.split_digits, p.cuts) for p in d.paras]
    return d
