"""Word gaps inside a recognised box, measured on the image.

The engine returns a box's text without the spaces that were printed in it, such as the
gap after an article number (``第五条　为…``) or between a signatory's title and name
(``省长　李干杰``). They matter downstream (article anchors, signatures), so they are put
back where the line image has a column of white clearly wider than the line's normal
letter spacing. The engine does not say exactly which characters a gap falls between,
so a gap is placed only at a boundary where one is printed by convention: after an
article or chapter number (``第五条``, ``第一章``), or inside a short line such as a
heading or a signature; elsewhere it is left out rather than guessed.
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from .engine import TextBox

_MIN_GAP = 0.42
_NUMBERED_RE = re.compile(r"^第[零〇一二三四五六七八九十百千\d]+[编章节条](?:之[一二三四五六七八九十]+)?")
_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕…—·「」『』,.;:?!()[]")


def with_gaps(boxes: list[TextBox], pixels: np.ndarray) -> list[TextBox]:
    """The boxes with printed word gaps inserted into their text as spaces."""
    return [_with_gaps(box, pixels) for box in boxes]


def straighten(quad: object, pixels: np.ndarray) -> np.ndarray | None:
    """The image inside a (possibly slanted) quadrilateral, as an upright rectangle."""
    quad = np.asarray(quad, dtype=np.float32)
    width = int(round(max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3]))))
    height = int(round(max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1]))))
    if width < 8 or height < 6:
        return None
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad, target)
    return cv2.warpPerspective(pixels, matrix, (width, height), borderValue=255)


def _with_gaps(box: TextBox, pixels: np.ndarray) -> TextBox:
    if len(box.chars) != len(box.text) or len(box.text) < 2:
        return box
    strip = straighten(box.quad, pixels)
    if strip is None:
        return box
    height = strip.shape[0]
    core = strip[int(height * 0.15): max(int(height * 0.85), int(height * 0.15) + 1)]
    inked = (core < 140).any(axis=0)
    columns = np.flatnonzero(inked)
    if columns.size == 0:
        return box
    first, last = int(columns[0]), int(columns[-1]) + 1
    runs = [(a, b) for a, b in _white_runs(inked[first:last])]
    if not runs:
        return box
    normal = float(np.median([b - a for a, b in runs]))
    wide = [(a, b) for a, b in runs if b - a >= max(_MIN_GAP * height * 0.8, normal + 0.3 * height * 0.8)]
    if not wide:
        return box
    # Where each character lies, from its printed width (CJK 1, ASCII ½), in the ink
    # extent less the wide gaps: steadier than the engine's per-character positions.
    widths = [0.55 if ch.isascii() else 1.0 for ch in box.text]
    scale = (last - first - sum(b - a for a, b in wide)) / sum(widths)
    allowed = _boundaries(box.text)
    cuts = set()
    for a, b in wide:
        before = a - sum(bb - aa for aa, bb in wide if bb <= a)
        edge, cut = 0.0, 0
        while cut < len(widths) and edge + widths[cut] * scale / 2 < before:
            edge += widths[cut] * scale
            cut += 1
        near = [j for j in allowed if abs(j - cut) <= 1]
        if near:
            cuts.add(min(near, key=lambda j: abs(j - cut)))
    if not cuts:
        return box
    text = "".join((" " if i in cuts else "") + ch for i, ch in enumerate(box.text))
    return TextBox(box.quad, text, box.score, ())


def _boundaries(text: str) -> set[int]:
    """Where a printed gap may stand: after an article or chapter number, and between
    the words of a short line without digits (a signature)."""
    found = set()
    match = _NUMBERED_RE.match(text)
    if match and match.end() < len(text):
        found.add(match.end())
    if len(text) <= 7 and not any(c.isdigit() or c in _PUNCT for c in text):
        found |= set(range(2, len(text) - 1))
    return found


def _white_runs(inked: np.ndarray) -> list[tuple[int, int]]:
    runs = []
    start = None
    for x, ink in enumerate(inked):
        if not ink and start is None:
            start = x
        elif ink and start is not None:
            runs.append((start, x))
            start = None
    if start is not None:
        runs.append((start, len(inked)))
    return runs
