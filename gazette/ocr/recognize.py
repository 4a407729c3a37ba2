"""One scanned page, from PDF to corrected lines: prepare (render), recognise, lay out.

:func:`prepare_page` runs where the PDF is (it renders the page, keeps a 150-dpi WebP
for the site and removes coloured ink); :func:`recognize_page` needs only the prepared
image, so it runs in a local worker process or on a Dask worker of another machine that
has nothing but the package installed.

Page problems become notes that name the page: blank, too coarse a scan, turned
sideways or upside down (detected and rotated), skewed, and lines an editor should
check against the image (low confidence or a guessed correction).
"""

from __future__ import annotations

import io
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from .correct import Style, correct_line, page_style
from .engine import Engine, TextBox, engine_id
from .gaps import straighten, with_gaps
from .layout import OcrLine, build_lines
from .render import render_page

DPI = 200
IMAGE_DPI = 150  # page images on the site
COARSE_DPI = 150  # a scan below this is too coarse to trust
CHECK_BELOW = 0.8  # lines whose weakest box scores below this are listed for checking
_BLANK_INK = 0.0005  # share of dark pixels below which a page is blank


@dataclass(frozen=True)
class OcrPage:
    """Everything OCR produced for one page; cached as JSON."""

    pdf_index: int
    lines: tuple[OcrLine, ...]
    dpi: float
    engine: str
    scan_dpi: float | None = None
    rotation: int = 0
    skew: float = 0.0
    notes: tuple[str, ...] = ()
    size: tuple[int, int] = (0, 0)

    @property
    def text(self) -> str:
        """The page text, one line per printed line."""
        return "\n".join(line.text for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the cache format)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "OcrPage":
        """Inverse of :meth:`to_json`."""
        lines = tuple(OcrLine(l["text"], l["score"], tuple(l["box"]), l.get("check")) for l in data["lines"])
        return cls(data["pdf_index"], lines, data["dpi"], data["engine"], data.get("scan_dpi"),
                   data.get("rotation", 0), data.get("skew", 0.0), tuple(data.get("notes", ())),
                   tuple(data.get("size", (0, 0))))


@dataclass(frozen=True)
class Prepared:
    """A page ready for recognition: greyscale pixels and what the renderer knew."""

    pdf_index: int
    pixels: np.ndarray = field(repr=False)  # uint8, H × W
    dpi: float
    scan_dpi: float | None
    webp: bytes = field(repr=False, default=b"")
    damaged: str | None = None


def prepare_page(path: Path, index: int, dpi: float = DPI, with_image: bool = True) -> Prepared:
    """Render page ``index`` for OCR, with red seals and blue ink taken out, and a WebP."""
    rendered = render_page(path, index, dpi, colour=True)
    rgb = np.asarray(rendered.image, dtype=np.int16)
    webp = _webp(rendered.image, rendered.dpi, _is_colourful(rgb)) if with_image else b""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    ink = ((r - np.maximum(g, b) > 50) & (r > 110)) | (b - np.maximum(r, g) > 40)
    grey = (0.299 * r + 0.587 * g + 0.114 * b).astype(np.uint8)
    grey[ink] = 255
    return Prepared(index, grey, rendered.dpi, rendered.scan_dpi, webp, rendered.damaged)


def _is_colourful(rgb: np.ndarray) -> bool:
    sample = rgb[::8, ::8]
    spread = sample.max(axis=2) - sample.min(axis=2)
    return bool((spread > 60).mean() > 0.0005)


def _webp(image: Image.Image, dpi: float, colour: bool) -> bytes:
    scale = IMAGE_DPI / dpi
    small = image if colour else image.convert("L")
    if scale < 1:
        small = small.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.LANCZOS)
    out = io.BytesIO()
    small.save(out, "WEBP", quality=50, method=4)
    return out.getvalue()


def recognize_page(page: Prepared, engine: Engine) -> OcrPage:
    """Recognise a prepared page: orientation, lines, corrections, notes."""
    pixels = page.pixels
    notes: list[str] = [page.damaged] if page.damaged else []
    if page.scan_dpi is not None and page.scan_dpi < COARSE_DPI:
        notes.append(f"scanned at {page.scan_dpi:.0f} dpi, too coarse to trust: check every line against the image, or rescan at 200–300 dpi")
    if (pixels < 128).mean() < _BLANK_INK:
        notes.append("blank page: nothing to recognise")
        return OcrPage(page.pdf_index, (), page.dpi, engine_id(), page.scan_dpi, notes=tuple(notes),
                       size=(pixels.shape[1], pixels.shape[0]))
    rotation, boxes, pixels = _oriented(pixels, engine)
    boxes = _leader_ends(boxes, pixels, engine)
    if rotation:
        notes.append(f"scanned {'upside down' if rotation == 180 else 'sideways'}: turned by {rotation}° before reading")
    lines, skew = build_lines(with_gaps(boxes, pixels), (pixels.shape[1], pixels.shape[0]))
    if abs(skew) >= 0.5:
        notes.append(f"skewed by {skew:.1f}°: lines were read along the skew")
    coarse = any(note.startswith("scanned at") for note in notes)
    style = page_style([line.text for line in lines])
    checked = tuple(_checked(line, coarse, style) for line in lines)
    unsure = sum(1 for line in checked if line.check)
    if unsure:
        notes.append(f"{unsure} of {len(checked)} lines need checking against the page image")
    if not checked:
        notes.append("no text recognised on the page")
    return OcrPage(page.pdf_index, checked, page.dpi, engine_id(), page.scan_dpi, rotation, round(skew, 2),
                   tuple(notes), (pixels.shape[1], pixels.shape[0]))


def _checked(line: OcrLine, coarse: bool, style: Style) -> OcrLine:
    text, fixes = correct_line(line.text, style)
    reasons = []
    if line.score < CHECK_BELOW:
        reasons.append(f"low confidence {line.score:.2f}")
    reasons += [f"guessed {f.before}→{f.after or '(removed)'}" for f in fixes if f.guess]
    if coarse and not reasons:
        reasons.append("coarse scan")
    return OcrLine(text, round(line.score, 4), tuple(round(v, 1) for v in line.box), "; ".join(reasons) or None)


_LEADER_CHARS = "…⋯.．·•-—_"
_PAGE_END_RE = re.compile(r"^[.．·…]*(\d{1,4})[.．·]?$")


def _leader_ends(boxes: list[TextBox], pixels: np.ndarray, engine: Engine) -> list[TextBox]:
    """Read again the ends of 目录 lines, where detection loses dot leaders and the page
    numbers after them: on a page where several boxes end in a leader and stop short
    of the right margin, the last group of tall glyphs to its right on the same line
    (the page number; leader dots are short) is recognised on its own."""
    ending = [b for b in boxes if b.text.rstrip()[-1:] in _LEADER_CHARS]
    if len(ending) < 3:
        return boxes
    result = list(boxes)
    for box in ending:
        xs, ys = [x for x, _ in box.quad], [y for _, y in box.quad]
        height = max(ys) - min(ys)
        if any(min(x for x, _ in o.quad) > max(xs) - 2 and abs(min(y for _, y in o.quad) - min(ys)) < height / 2
               for o in boxes if o is not box):
            continue  # something was found to the right already
        strip, offset, along = _line_to_margin(box, pixels)
        if strip is None:
            continue
        height = strip.shape[0]
        digits = _rightmost_glyphs(strip[:, offset:], height)
        if digits is None:
            continue
        a, b = offset + digits[0], offset + digits[1]
        text, score = engine.read_line(np.ascontiguousarray(strip[:, a:b]))
        number = _PAGE_END_RE.search(text)
        if number and score >= 0.5:
            quad = (along(a, 0), along(b, 0), along(b, 1), along(a, 1))
            result.append(TextBox(tuple((float(x), float(y)) for x, y in quad), "……" + number.group(1), score))
    return result


def _line_to_margin(box: TextBox, pixels: np.ndarray):
    """The box's line continued along its own slope to the page edge, straightened;
    where the box itself ends in it; and a function from a strip position (x, 0 for the
    top or 1 for the bottom) back to page coordinates."""
    p0, p1, _p2, p3 = (np.asarray(p, dtype=np.float32) for p in box.quad)
    direction = p1 - p0
    length = float(np.linalg.norm(direction))
    none = (None, 0, None)
    if length < 1 or direction[0] <= 0:
        return none
    unit = direction / length
    reach = (pixels.shape[1] - 1 - p0[0]) / unit[0]
    height = float(np.linalg.norm(p3 - p0))
    if reach <= length or height < 4:
        return none

    def along(x: float, bottom: int) -> tuple[float, float]:
        point = (p3 if bottom else p0) + unit * x
        return float(point[0]), float(point[1])

    strip = straighten([p0, p0 + unit * reach, p3 + unit * reach, p3], pixels)
    return (strip, int(length), along) if strip is not None else none


def _rightmost_glyphs(strip: np.ndarray, height: float) -> tuple[int, int] | None:
    """Column span of the last group of tall glyphs (a page number, not leader dots) in
    a strip, with a little white around it: connected ink components at least a third
    of the line height tall, the rightmost ones less than a character apart."""
    count, _labels, stats, _centroids = cv2.connectedComponentsWithStats((strip < 128).astype(np.uint8), connectivity=8)
    glyphs = sorted((int(x), int(x + w)) for x, _y, w, h, _a in stats[1:count] if h >= height / 3)
    if not glyphs:
        return None
    begin, end = glyphs[-1]
    for x0, x1 in reversed(glyphs[:-1]):
        if begin - x1 > 0.6 * height:
            break
        begin, end = min(begin, x0), max(end, x1)
    pad = int(0.3 * height)
    return max(0, begin - pad), min(strip.shape[1], end + pad)


def _quality(boxes: list[TextBox]) -> float:
    chars = sum(len(b.text) for b in boxes)
    return sum(b.score * len(b.text) for b in boxes) / chars if chars else 0.0


def _tall_share(boxes: list[TextBox]) -> float:
    tall = 0
    for b in boxes:
        xs, ys = [p[0] for p in b.quad], [p[1] for p in b.quad]
        tall += (max(ys) - min(ys)) > 1.5 * (max(xs) - min(xs))
    return tall / len(boxes) if boxes else 0.0


def _oriented(pixels: np.ndarray, engine: Engine) -> tuple[int, list[TextBox], np.ndarray]:
    """Read the page upright (angles counter-clockwise): try other orientations when it
    looks turned.

    On a sideways page every text line is a tall box; RapidOCR turns tall crops a quarter
    counter-clockwise before reading, so when those crops read well the page needs the
    same turn, and otherwise the opposite one. An upside-down page reads badly.
    """
    boxes = engine.recognize(pixels)
    if _tall_share(boxes) > 0.5:
        candidates = (90, 270) if _quality(boxes) >= 0.8 else (270, 90)
        best: tuple[float, int, list[TextBox], np.ndarray] | None = None
    elif boxes and _quality(boxes) < 0.85:
        candidates = (180,)
        best = (_quality(boxes) * min(1.0, len(boxes) / 5), 0, boxes, pixels)
    else:
        return 0, boxes, pixels
    for angle in candidates:
        turned = np.ascontiguousarray(np.rot90(pixels, k=angle // 90))
        found = engine.recognize(turned)
        score = _quality(found) * min(1.0, len(found) / 5)
        if best is None or score > best[0] + 0.05:
            best = (score, angle, found, turned)
        if score >= 0.9 and _tall_share(found) < 0.2:
            break
    return best[1], best[2], best[3]
