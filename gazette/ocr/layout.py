"""Recognised text boxes → printed lines in reading order, as a text layer would give them.

The splitter reads lines of text. This module turns the engine's boxes into the same
thing, so that running headers, 目录 leaders, paragraph indents and 章/条 starts are
recognised by the very code that reads born-digital pages:

* the page's skew is measured from the boxes and taken out of their coordinates;
* two text columns are found by a gutter no box crosses, and read column by column
  between the full-width blocks (titles) that span them;
* boxes on one baseline are merged into one line; wide gaps become spaces (one for a
  word gap, two full-width ones for a leader or a tab stop);
* a first-line indent of about two characters becomes ``\\u3000\\u3000``, as the text
  layer of a gazette has it; centred and right-aligned lines get no indent. The
  margins are where two or more lines start and end.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Sequence

from .engine import TextBox

_INDENT_MIN, _INDENT_MAX = 1.2, 4.5  # paragraph indent, in character heights


@dataclass(frozen=True)
class OcrLine:
    """One printed line: its text, confidence (lowest box score), box (x0, y0, x1, y1),
    and why an editor should check it (set after correction; None when it is sure)."""

    text: str
    score: float
    box: tuple[float, float, float, float]
    check: str | None = None


@dataclass
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    score: float

    @property
    def height(self) -> float:
        return max(1.0, self.y1 - self.y0)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


def skew_degrees(boxes: Sequence[TextBox]) -> float:
    """The page's skew: the median slope of the long boxes' top edges, in degrees."""
    angles = []
    for box in boxes:
        (ax, ay), (bx, by) = box.quad[0], box.quad[1]
        width = math.hypot(bx - ax, by - ay)
        height = math.hypot(box.quad[3][0] - ax, box.quad[3][1] - ay)
        if width > 4 * max(height, 1.0):
            angles.append(math.degrees(math.atan2(by - ay, bx - ax)))
    return statistics.median(angles) if len(angles) >= 3 else 0.0


def _rotator(angle: float, centre: tuple[float, float]):
    rad = math.radians(-angle)
    cos, sin = math.cos(rad), math.sin(rad)
    cx, cy = centre

    def rotate(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - cx, y - cy
        return cx + dx * cos - dy * sin, cy + dx * sin + dy * cos

    return rotate


def _deskewed(boxes: Sequence[TextBox], angle: float, centre: tuple[float, float]) -> list[_Box]:
    rotate = _rotator(angle, centre)
    result = []
    for box in boxes:
        points = [rotate(x, y) for x, y in box.quad]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        result.append(_Box(min(xs), min(ys), max(xs), max(ys), box.text, box.score))
    return result


def build_lines(boxes: Sequence[TextBox], size: tuple[int, int]) -> tuple[list[OcrLine], float]:
    """Lines in reading order and the skew (degrees) that was taken out."""
    boxes = [b for b in boxes if b.text.strip()]
    if not boxes:
        return [], 0.0
    angle = skew_degrees(boxes)
    items = _deskewed(boxes, angle, (size[0] / 2, size[1] / 2))
    lines: list[OcrLine] = []
    for block in _reading_blocks(items):
        grouped = _group_lines(block)
        margins = _margins(grouped)
        for row in grouped:
            lines.append(_line(row, margins))
    return lines, angle


def _reading_blocks(items: list[_Box]) -> list[list[_Box]]:
    """Boxes split into reading blocks: full width blocks and, between them, columns."""
    x0 = min(b.x0 for b in items)
    x1 = max(b.x1 for b in items)
    width = x1 - x0
    gutter = _gutter(items, x0, width)
    if gutter is None:
        return [items]
    blocks: list[list[_Box]] = []
    spanning: list[_Box] = []
    left: list[_Box] = []
    right: list[_Box] = []
    for box in sorted(items, key=lambda b: b.cy):
        if box.x0 < gutter < box.x1:
            blocks += [part for part in (left, right) if part]
            left, right = [], []
            spanning.append(box)
        else:
            if spanning:
                blocks.append(spanning)
                spanning = []
            (left if box.x1 <= gutter else right).append(box)
    blocks += [part for part in (spanning, left, right) if part]
    return blocks


def _gutter(items: list[_Box], x0: float, width: float) -> float | None:
    """The x of a column gutter: a vertical band near the middle that most lines avoid."""
    if len(items) < 12 or width <= 0:
        return None
    height = statistics.median(b.height for b in items)
    best = None
    for step in range(36, 65):
        x = x0 + width * step / 100
        crossing = sum(1 for b in items if b.x0 + height * 0.3 < x < b.x1 - height * 0.3)
        left = sum(1 for b in items if b.x1 <= x)
        right = sum(1 for b in items if b.x0 >= x)
        if crossing * 6 <= len(items) and left >= 5 and right >= 5 and (left + right) * 4 >= len(items) * 3 \
                and _is_column([b for b in items if b.x0 >= x], x, height):
            score = crossing * 1000 + abs(step - 50)
            if best is None or score < best[0]:
                best = (score, x)
    return best[1] if best else None


def _is_column(boxes: list[_Box], gutter: float, height: float) -> bool:
    """Boxes right of a gutter form a text column when they are lines of text that start
    near it, not page numbers or dates pushed to the right margin."""
    starts = sorted(b.x0 for b in boxes)
    near = sum(1 for x in starts if x - starts[0] <= 2.5 * height)
    wide = statistics.median(b.x1 - b.x0 for b in boxes) >= 6 * height
    return starts[0] - gutter <= 3 * height and near * 2 >= len(boxes) and wide


def _group_lines(items: list[_Box]) -> list[list[_Box]]:
    rows: list[list[_Box]] = []
    for box in sorted(items, key=lambda b: (b.cy, b.x0)):
        for row in reversed(rows[-4:]):
            top, bottom = min(b.y0 for b in row), max(b.y1 for b in row)
            overlap = min(bottom, box.y1) - max(top, box.y0)
            clash = any(min(b.x1, box.x1) - max(b.x0, box.x0) > 0.3 * min(b.x1 - b.x0, box.x1 - box.x0) for b in row)
            if overlap >= 0.5 * min(box.height, bottom - top) and not clash:
                row.append(box)
                break
        else:
            rows.append([box])
    for row in rows:
        row.sort(key=lambda b: b.x0)
    rows.sort(key=lambda r: statistics.median(b.cy for b in r))
    return rows


def _margins(rows: list[list[_Box]]) -> tuple[float, float]:
    """The text block's left and right edges: the outermost x where two or more lines
    start (end), so a page of short paragraph ends still finds its margin."""
    height = statistics.median(b.height for row in rows for b in row)
    starts = sorted(row[0].x0 for row in rows)
    ends = sorted((row[-1].x1 for row in rows), reverse=True)
    left = next((x for i, x in enumerate(starts[:-1]) if starts[i + 1] - x <= 0.5 * height), starts[0])
    right = next((x for i, x in enumerate(ends[:-1]) if x - ends[i + 1] <= 0.5 * height), ends[0])
    return left, right


def _line(row: list[_Box], margins: tuple[float, float]) -> OcrLine:
    height = statistics.median(b.height for b in row)
    parts: list[str] = []
    prev: _Box | None = None
    for box in row:
        text = box.text.strip()
        if prev is not None:
            parts.append(_gap_text(box.x0 - prev.x1, height, parts[-1][-1:], text[:1]))
        parts.append(text)
        prev = box
    text = "".join(parts)
    indent = (row[0].x0 - margins[0]) / height
    left_gap, right_gap = row[0].x0 - margins[0], margins[1] - row[-1].x1
    centred = min(left_gap, right_gap) >= 1.5 * height and abs(left_gap - right_gap) < 1.2 * height
    if _INDENT_MIN <= indent <= _INDENT_MAX and not centred:
        text = "\u3000\u3000" + text
    box = (row[0].x0, min(b.y0 for b in row), row[-1].x1, max(b.y1 for b in row))
    return OcrLine(text, min(b.score for b in row), box)


def _gap_text(gap: float, height: float, before: str, after: str) -> str:
    if gap >= 1.5 * height:
        return "\u3000\u3000"
    if gap >= 0.45 * height or (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
        return " "
    return ""
