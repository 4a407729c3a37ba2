"""Turn born-digital synthetic gazette PDFs into *scanned* (image-only) PDFs for OCR benchmarks.

All scans made here are **synthetic**: the inputs are synthetic issues (``samples/`` or
``python -m tools.synth``) and every "scanner" defect below is simulated.

Usage::

    python bench/make_scans.py IN_DIR OUT_DIR [--profiles clean200,office200] [--seed 1] [--limit N] [--jobs 2]
    python bench/make_scans.py --broken OUT_DIR

For each ``IN_DIR/<stem>.pdf`` that has a ``<stem>.truth.json`` beside it, and each profile,
this writes ``OUT_DIR/<stem>.<profile>.pdf`` (one JPEG image per page, no text layer, page
boxes the original physical size, A4) and ``OUT_DIR/<stem>.<profile>.truth.json``: the input
truth unchanged (the text truth stays the born-digital text) except ``"file"``, which names
the new PDF, and an added ``"scan"`` object::

    {"profile": "office200", "dpi": 200, "seed": 1,
     "degradations": ["skew", "specks", "blur", "tone", "noise", "jpeg"],
     "rotated_pages": [{"page": 7, "angle": 180}, ...],     # rotated200 only, else []
     "stamped_pages": [12], "noted_pages": [5, 9],          # stamp200 only, else []
     "marks": [{"page": 12, "kind": "seal", "text": "...", "bbox": [x0, y0, x1, y1]}, ...],
     "page_params": [{"page": 1, "jpeg_quality": 67, "skew": 0.42, ...}, ...]}

Pages are 1-based. ``angle`` is the clockwise turn applied to the sheet (90 = the page image is
turned a quarter clockwise and its page box is landscape; rotate it 90° counter-clockwise to
read it). ``bbox`` is in PDF points from the top-left corner of the unskewed page; the seal
and note texts are *not* in the text truth (they are what an OCR engine should ignore or
at least not confuse with the body text). ``skew`` is in degrees, counter-clockwise.

Profiles
    ``clean200``, ``clean300``  grayscale render at 200 / 300 dpi, JPEG quality 90, nothing else.
    ``office200``, ``office300`` per page: skew (uniform ±1.5°, white fill), a few specks
        (5–30 dark dots/blobs, radius 1–4 px at 200 dpi), Gaussian blur (sigma 0.6–0.9 px at
        200 dpi), tone jitter (paper 232–250, ink 15–45 grey levels, a gentle shading
        gradient), Gaussian noise (sigma 6–10 grey levels), JPEG quality 60–75. Lengths in
        pixels scale with the dpi, so office300 is the same physical scanner at 300 dpi.
    ``rotated200``  office200 plus one body page turned 180° and another turned 90° (a sheet
        fed sideways: the image is landscape and so is its page box).
    ``stamp200``    office200 plus a red official seal (ring, star, the issuer's name in an
        arc, multiplied semi-transparently over the text) on 1–2 pages where a document ends,
        and a handwritten-looking note (a blue or black wavy scribble plus 2–4 slanted,
        jittered characters) in the right margin or over a line end on 1–2 body pages.
        Those pages are RGB; all other pages in all profiles are grayscale.
    ``coarse72``    72 dpi grayscale, JPEG quality 75: too coarse to trust.

Determinism
    The same input bytes, profile and ``--seed`` give byte-identical output. Every random
    choice comes from a NumPy generator seeded with a SHA-256 of (seed, stem, profile, page
    index) (or ``"plan"`` for the per-issue choice of rotated/stamped pages), and the PDF is
    written by a tiny writer here (not Pillow's PDF plugin), with no dates and no /ID. Pillow
    is still used to encode the JPEGs. (Pillow's PDF plugin would apply the first page's JPEG
    quality to every page and stamp the current time.)

``--broken OUT_DIR`` writes a few deliberately awkward scans for error-handling tests (a
blank page, a damaged JPEG stream, an A3 sheet at 600 dpi, upside-down, sideways and skewed
pages) and prints a table describing them. Their pages are a cover drawn with Pillow and
pages of the first PDF in ``samples/``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PRODUCER = "Gazette bench/make_scans.py - synthetic scan"
MM_PER_INCH = 25.4
SEAL_RED = (206, 38, 44)
NOTE_INKS = {"blue": (28, 52, 158), "black": (38, 36, 42)}
NOTE_TEXTS = ["同意", "已阅", "请核实", "拟同意", "转办", "存档备查", "请阅示", "已办", "速办"]
SEAL_FALLBACK = "山东省人民政府办公厅"


@dataclass(frozen=True)
class Profile:
    """A scanning profile: resolution and which defects to simulate."""

    name: str
    dpi: int
    office: bool = False  # skew, specks, blur, tone, noise, JPEG quality jitter
    quality: int = 90  # JPEG quality when not ``office``
    rotate: bool = False
    stamp: bool = False

    def degradations(self) -> list[str]:
        """Names of the simulated defects, in the order they are applied."""
        out = ["rotate"] if self.rotate else []
        out += ["seal", "note"] if self.stamp else []
        out += ["skew", "specks", "blur", "tone", "noise"] if self.office else []
        return out + ["jpeg"]


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in [
        Profile("clean200", 200),
        Profile("clean300", 300),
        Profile("office200", 200, office=True),
        Profile("office300", 300, office=True),
        Profile("rotated200", 200, office=True, rotate=True),
        Profile("stamp200", 200, office=True, stamp=True),
        Profile("coarse72", 72, quality=75),
    ]
}


# --------------------------------------------------------------------------- randomness


def derive_seed(*parts: object) -> int:
    """A 64-bit seed from a SHA-256 of the parts (stable across runs and platforms)."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def make_rng(*parts: object) -> np.random.Generator:
    """A NumPy generator seeded from the parts."""
    return np.random.default_rng(derive_seed(*parts))


# --------------------------------------------------------------------------- PDF writing


def _num(x: float) -> str:
    """A PDF number with at most 3 decimals."""
    return f"{x:.3f}".rstrip("0").rstrip(".")


@dataclass
class PageImage:
    """One encoded page image and the page box it fills (in points)."""

    data: bytes
    width: int
    height: int
    size_pt: tuple[float, float]
    colorspace: str = "DeviceGray"  # or DeviceRGB
    filter: str = "/DCTDecode"
    bits: int = 8
    parms: str = ""  # extra dictionary entries, e.g. " /DecodeParms << ... >>"


class ImagePdfWriter:
    """A minimal deterministic PDF 1.4 writer: each page is one full-page image, nothing else.

    Pages are streamed to disk as they are added; no dates, no /ID, so equal input gives
    equal bytes.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._f = path.open("wb")
        self._offsets: dict[int, int] = {}
        self._kids: list[int] = []
        self._next = 4  # 1 catalog, 2 page tree, 3 info
        self._f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    def _obj(self, num: int, body: str) -> None:
        """Write object ``num`` with a dictionary (or other) ``body``."""
        self._offsets[num] = self._f.tell()
        self._f.write(f"{num} 0 obj\n{body}\nendobj\n".encode("ascii"))

    def _stream(self, num: int, entries: str, data: bytes) -> None:
        """Write stream object ``num``: dictionary ``entries`` (without << >>) plus /Length, then ``data``."""
        self._offsets[num] = self._f.tell()
        entries = f"{entries} /Length {len(data)}".strip()
        head = f"{num} 0 obj\n<< {entries} >>\nstream\n"
        self._f.write(head.encode("ascii") + data + b"\nendstream\nendobj\n")

    def add_page(self, page: PageImage) -> None:
        """Append a page showing ``page`` over its whole page box."""
        pg, content, img = self._next, self._next + 1, self._next + 2
        self._next += 3
        w, h = (_num(v) for v in page.size_pt)
        procset = "/ImageC" if page.colorspace == "DeviceRGB" else "/ImageB"
        self._stream(img, f"/Type /XObject /Subtype /Image /Width {page.width} /Height {page.height}"
                          f" /ColorSpace /{page.colorspace} /BitsPerComponent {page.bits}"
                          f" /Filter {page.filter}{page.parms}", page.data)
        self._stream(content, "", f"q {w} 0 0 {h} 0 0 cm /Im0 Do Q\n".encode("ascii"))
        self._obj(pg, f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Contents {content} 0 R"
                      f" /Resources << /XObject << /Im0 {img} 0 R >> /ProcSet [/PDF {procset}] >> >>")
        self._kids.append(pg)

    def close(self) -> None:
        """Write the page tree, catalog, info, cross-reference table and trailer."""
        kids = " ".join(f"{k} 0 R" for k in self._kids)
        self._obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {len(self._kids)} >>")
        self._obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
        self._obj(3, f"<< /Producer ({PRODUCER}) >>")
        xref = self._f.tell()
        lines = [f"xref\n0 {self._next}\n", "0000000000 65535 f \n"]
        lines += [f"{self._offsets[n]:010d} 00000 n \n" for n in range(1, self._next)]
        lines.append(f"trailer\n<< /Size {self._next} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n")
        self._f.write("".join(lines).encode("ascii"))
        self._f.close()

    def __enter__(self) -> ImagePdfWriter:
        return self

    def __exit__(self, exc_type: type | None, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:  # leave no half-written PDF behind
            self._f.close()
            self._path.unlink(missing_ok=True)


def jpeg_page(arr: np.ndarray, quality: int, dpi: int, size_pt: tuple[float, float]) -> PageImage:
    """Encode a grayscale (H×W) or RGB (H×W×3) uint8 array as a JPEG page."""
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=quality, optimize=True, dpi=(dpi, dpi))
    cs = "DeviceRGB" if arr.ndim == 3 else "DeviceGray"
    return PageImage(buf.getvalue(), arr.shape[1], arr.shape[0], size_pt, cs)


def g4_page(img: Image.Image, size_pt: tuple[float, float]) -> PageImage:
    """Encode a bilevel image as a CCITT Group 4 page (via libtiff, single strip)."""
    buf = io.BytesIO()
    img.convert("1").save(buf, "TIFF", compression="group4", strip_size=math.ceil(img.width / 8) * img.height)
    tif = Image.open(io.BytesIO(buf.getvalue()))
    (offset,), (count,) = tif.tag_v2[273], tif.tag_v2[279]
    data = buf.getvalue()[offset:offset + count]
    parms = f" /DecodeParms << /K -1 /Columns {img.width} /Rows {img.height} /BlackIs1 true >>"
    return PageImage(data, img.width, img.height, size_pt, "DeviceGray", "/CCITTFaxDecode", 1, parms)


# --------------------------------------------------------------------------- rendering


def render_gray(page: pdfium.PdfPage, dpi: float) -> np.ndarray:
    """The page rendered in grayscale at ``dpi`` as a uint8 H×W array."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    arr = np.array(bitmap.to_pil().convert("L"))
    bitmap.close()
    return arr


def turn(arr: np.ndarray, angle: int) -> np.ndarray:
    """The array turned clockwise by a multiple of 90 degrees."""
    return np.ascontiguousarray(np.rot90(arr, k=-(angle // 90)))


# --------------------------------------------------------------------------- office defects


@dataclass
class OfficeParams:
    """The per-page parameters of a simulated office scanner."""

    skew: float
    specks: int
    blur: float
    paper: float
    ink: float
    shading: float
    noise: float
    jpeg_quality: int

    @classmethod
    def sample(cls, rng: np.random.Generator) -> OfficeParams:
        """Random parameters within the office profile's ranges (lengths at 200 dpi)."""
        return cls(
            skew=round(float(rng.uniform(-1.5, 1.5)), 3),
            specks=int(rng.integers(5, 31)),
            blur=round(float(rng.uniform(0.6, 0.9)), 3),
            paper=round(float(rng.uniform(232, 250)), 1),
            ink=round(float(rng.uniform(15, 45)), 1),
            shading=round(float(rng.uniform(0, 4)), 2),
            noise=round(float(rng.uniform(6, 10)), 2),
            jpeg_quality=int(rng.integers(60, 76)),
        )


def skew(arr: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate counter-clockwise by ``degrees`` about the centre, same size, white fill."""
    h, w = arr.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    fill = (255, 255, 255) if arr.ndim == 3 else 255
    return cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def add_specks(arr: np.ndarray, count: int, px: float, rng: np.random.Generator) -> None:
    """Draw ``count`` dark dots and small blobs (dust, toner) in place; ``px`` = pixels per 200-dpi pixel."""
    h, w = arr.shape[:2]
    for _ in range(count):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        level = int(rng.integers(10, 110))
        colour = (level,) * 3 if arr.ndim == 3 else level
        for _ in range(int(rng.integers(1, 4))):  # 1–3 overlapping ellipses make a blob
            ax = max(1, round(rng.uniform(1, 4) * px))
            ay = max(1, round(ax * rng.uniform(0.5, 1.0)))
            cx, cy = x + int(rng.integers(-ax, ax + 1)), y + int(rng.integers(-ax, ax + 1))
            cv2.ellipse(arr, (cx, cy), (ax, ay), float(rng.uniform(0, 180)), 0, 360, colour, -1, cv2.LINE_AA)


def gaussian(shape: tuple[int, ...], mean: float, sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Gaussian float32 noise; OpenCV's generator (2.5× faster than NumPy's), seeded from ``rng``."""
    out = np.empty(shape, dtype=np.float32)
    cv2.setRNGSeed(int(rng.integers(1, 2**31 - 1)))
    cv2.randn(out.reshape(shape[0], -1), mean, sigma)  # 2-D view: randn fills only channel 0 of a multi-channel Mat
    return out


def tone_and_noise(arr: np.ndarray, p: OfficeParams, rng: np.random.Generator) -> np.ndarray:
    """Map black/white to ink/paper, add a shading gradient and Gaussian noise; back to uint8."""
    h, w = arr.shape[:2]
    theta = rng.uniform(0, 2 * math.pi)
    base = gaussian((h, w), p.ink, p.noise, rng)  # ink level + noise + shading, added to the scaled page
    base += np.linspace(-p.shading, p.shading, h, dtype=np.float32)[:, None] * np.float32(math.sin(theta))
    base += np.linspace(-p.shading, p.shading, w, dtype=np.float32)[None, :] * np.float32(math.cos(theta))
    f = arr.astype(np.float32)
    if arr.ndim == 2:
        f = cv2.scaleAdd(f, (p.paper - p.ink) / 255, base)
    else:  # colour scans show a slightly warm paper and a little chroma noise
        f *= (np.array([p.paper, p.paper - 1.5, p.paper - 5], dtype=np.float32) - p.ink) / 255
        f += base[..., None]
        f += gaussian(f.shape, 0, p.noise * 0.3, rng)
    np.clip(f, 0, 255, out=f)
    return f.astype(np.uint8)


def office_scan(arr: np.ndarray, dpi: int, rng: np.random.Generator,
                p: OfficeParams | None = None) -> tuple[np.ndarray, OfficeParams]:
    """Apply the office-scanner defects (``p``, or freshly sampled) to a page image; return it and ``p``."""
    p = p or OfficeParams.sample(rng)
    px = dpi / 200
    arr = skew(arr, p.skew)
    add_specks(arr, p.specks, px, rng)
    arr = cv2.GaussianBlur(arr, (0, 0), p.blur * px)
    return tone_and_noise(arr, p, rng), p


# --------------------------------------------------------------------------- seals and notes


def _font(px: int) -> ImageFont.FreeTypeFont:
    """The WenQuanYi Micro Hei font at ``px`` pixels."""
    return ImageFont.truetype(FONT_PATH, max(6, px))


def _glyph(ch: str, px: int, stroke: int = 0) -> Image.Image:
    """One character, white on black, centred on a square canvas twice its size."""
    img = Image.new("L", (2 * px, 2 * px), 0)
    ImageDraw.Draw(img).text((px, px), ch, font=_font(px), fill=255, anchor="mm", stroke_width=stroke, stroke_fill=255)
    return img


def _paste_max(canvas: Image.Image, piece: Image.Image, cx: float, cy: float) -> None:
    """Paste ``piece`` centred at (cx, cy), keeping the brighter pixel (union of ink)."""
    x, y = round(cx - piece.width / 2), round(cy - piece.height / 2)
    box = (x, y, x + piece.width, y + piece.height)
    canvas.paste(ImageChops.lighter(canvas.crop(box), piece), box)


def seal_alpha(text: str, ppm: float, rng: np.random.Generator) -> np.ndarray:
    """Alpha (0–1) of a round official seal: ring, five-pointed star, ``text`` along the top arc."""
    radius = rng.uniform(19, 21) * ppm
    size = int(2 * radius + 8)
    c = size / 2
    img = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(img)
    ring = max(2, round(1.1 * ppm))
    draw.ellipse([c - radius, c - radius, c + radius, c + radius], outline=255, width=ring)
    turn_deg = rng.uniform(-18, 18)  # the whole seal is pressed slightly askew
    star = []  # five-pointed star: alternate outer and inner vertices
    for k in range(10):
        r, a = radius * (0.34 if k % 2 == 0 else 0.34 * 0.382), math.radians(-90 + turn_deg + 36 * k)
        star.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(star, fill=255)
    glyph_px = int(radius * 0.3)
    span = min(250.0, 21.0 * len(text) + 30)
    r_text = radius - ring - glyph_px * 0.62
    for k, ch in enumerate(text):
        ang = -90 + turn_deg - span / 2 + span * (k + 0.5) / len(text)
        glyph = _glyph(ch, glyph_px).rotate(-(ang + 90), resample=Image.BICUBIC)
        _paste_max(img, glyph, c + r_text * math.cos(math.radians(ang)), c + r_text * math.sin(math.radians(ang)))
    return _ink_texture(np.asarray(img, dtype=np.float32) / 255, rng, rng.uniform(0.8, 0.92))


def _ink_texture(alpha: np.ndarray, rng: np.random.Generator, density: float) -> np.ndarray:
    """Uneven ink: low-frequency pressure variation, a pressure gradient, pale pores, soft edges."""
    h, w = alpha.shape
    blotch = cv2.resize(rng.uniform(0.6, 1.0, (6, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    theta = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ramp = 0.85 + 0.15 * ((xx / w - 0.5) * math.cos(theta) + (yy / h - 0.5) * math.sin(theta)) * 2
    pores = (rng.random((h, w)) > 0.07).astype(np.float32)
    out = alpha * np.clip(blotch * ramp, 0.3, 1.0) * pores
    return np.clip(cv2.GaussianBlur(out, (0, 0), 0.8) * density, 0, 1)


def note_alpha(text: str, ppm: float, vertical: bool, rng: np.random.Generator) -> np.ndarray:
    """Alpha (0–1) of a handwritten-looking note: slanted, jittered characters and a wavy scribble."""
    glyph_px = int(rng.uniform(6, 8.5) * ppm)
    n = len(text)
    long_side, short_side = int(glyph_px * (n + 1.2)), int(glyph_px * 2.2)
    w, h = (short_side, long_side) if vertical else (long_side, short_side)
    img = Image.new("L", (w, h), 0)
    shear = rng.uniform(0.22, 0.38)
    for k, ch in enumerate(text):
        g = _glyph(ch, int(glyph_px * rng.uniform(0.85, 1.1)), stroke=max(1, round(ppm / 9)))
        g = g.transform(g.size, Image.AFFINE, (1, shear, -shear * g.height / 2, 0, 1, 0), resample=Image.BICUBIC)
        g = g.rotate(rng.uniform(-9, 9), resample=Image.BICUBIC)
        along = glyph_px * (0.6 + k * rng.uniform(0.88, 1.0))
        across = glyph_px * (0.75 + rng.uniform(-0.12, 0.12))
        _paste_max(img, g, *((across, along) if vertical else (along, across)))
    arr = np.asarray(img, dtype=np.uint8).copy()
    _scribble(arr, glyph_px, vertical, max(2, round(0.45 * ppm)), rng)
    return _hand_warp(arr.astype(np.float32) / 255, glyph_px, rng) * rng.uniform(0.85, 0.95)


def _scribble(arr: np.ndarray, glyph_px: int, vertical: bool, thick: int, rng: np.random.Generator) -> None:
    """A wavy pen line along the note (under it, or beside it when vertical), drawn in place."""
    h, w = arr.shape
    length = (h if vertical else w) - glyph_px * 0.3
    t = np.linspace(0, 1, 80)
    wobble = np.cumsum(rng.normal(0, 0.5, t.size))
    freq = rng.uniform(2, 4) * (1 + 0.35 * np.cumsum(rng.normal(0, 0.05, t.size)))  # uneven loops
    amp = rng.uniform(0.08, 0.16) * glyph_px * (0.6 + 0.4 * np.sin(math.pi * t * rng.uniform(0.5, 1.5) + rng.uniform(0, 3)))
    wave = amp * np.sin(2 * math.pi * freq * t + rng.uniform(0, 6.3))
    along = glyph_px * 0.15 + t * length
    across = (w if vertical else h) - glyph_px * 0.35 + wave + wobble
    pts = np.stack([across, along] if vertical else [along, across], axis=1)
    cv2.polylines(arr, [np.round(pts).astype(np.int32)], False, 255, thick, cv2.LINE_AA)


def _hand_warp(alpha: np.ndarray, glyph_px: int, rng: np.random.Generator) -> np.ndarray:
    """A smooth random displacement, so strokes look drawn rather than typeset."""
    h, w = alpha.shape
    amp = glyph_px * 0.04
    dx = cv2.resize(rng.normal(0, amp, (4, 4)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    dy = cv2.resize(rng.normal(0, amp, (4, 4)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return cv2.remap(alpha, xx + dx, yy + dy, cv2.INTER_LINEAR, borderValue=0)


def composite(rgb: np.ndarray, alpha: np.ndarray, colour: tuple[int, int, int], x: int, y: int) -> tuple[int, int, int, int]:
    """Multiply ink of ``colour`` with ``alpha`` onto ``rgb`` at (x, y), clipped; return the pixel box."""
    h, w = rgb.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + alpha.shape[1]), min(h, y + alpha.shape[0])
    a = alpha[y0 - y:y1 - y, x0 - x:x1 - x, None]
    tint = 1 - np.array(colour, dtype=np.float32) / 255
    patch = rgb[y0:y1, x0:x1].astype(np.float32) * (1 - a * tint)
    rgb[y0:y1, x0:x1] = np.clip(patch, 0, 255).astype(np.uint8)
    return x0, y0, x1, y1


def ink_pixels(gray: np.ndarray, step: int = 4) -> np.ndarray:
    """(row, col) of dark pixels on a ``step``-subsampled grid, in full-resolution coordinates."""
    return np.argwhere(gray[::step, ::step] < 128) * step


def place_seal(rgb: np.ndarray, gray: np.ndarray, text: str, ppm: float, rng: np.random.Generator) -> tuple[int, int, int, int]:
    """Press a seal over text in the right half of the page; return its pixel box."""
    alpha = seal_alpha(text, ppm, rng)
    h, w = gray.shape
    ink = ink_pixels(gray)
    ink = ink[(ink[:, 1] > w * 0.45) & (ink[:, 0] > h * 0.12) & (ink[:, 0] < h * 0.88)]
    cy, cx = ink[rng.integers(len(ink))] if len(ink) else (h // 2, w * 2 // 3)
    x = int(np.clip(cx - alpha.shape[1] // 2, 0, w - alpha.shape[1]))
    y = int(np.clip(cy - alpha.shape[0] // 2, 0, h - alpha.shape[0]))
    return composite(rgb, alpha, SEAL_RED, x, y)


def place_note(rgb: np.ndarray, gray: np.ndarray, text: str, colour: tuple[int, int, int], ppm: float,
               rng: np.random.Generator) -> tuple[tuple[int, int, int, int], str]:
    """Write a note in the right margin (vertically) or over a line end; return its box and where."""
    h, w = gray.shape
    ink = ink_pixels(gray)
    right = int(ink[:, 1].max()) if len(ink) else int(w * 0.85)
    vertical = rng.random() < 0.5
    alpha = note_alpha(text, ppm, vertical, rng)
    if vertical and w - right > alpha.shape[1] + 4:
        x = right + (w - right - alpha.shape[1]) // 2
        y = int(rng.integers(int(h * 0.15), max(int(h * 0.15) + 1, int(h * 0.8) - alpha.shape[0])))
        where = "margin"
    else:
        if vertical:
            alpha = note_alpha(text, ppm, False, rng)
        ends = ink[ink[:, 1] > right - w * 0.12]
        cy, cx = ends[rng.integers(len(ends))] if len(ends) else (h // 2, right)
        x = int(np.clip(cx - alpha.shape[1] * 0.35, 0, w - alpha.shape[1]))
        y = int(np.clip(cy - alpha.shape[0] * 0.5, 0, h - alpha.shape[0]))
        where = "line-end"
    return composite(rgb, alpha, colour, x, y), where


# --------------------------------------------------------------------------- planning


@dataclass
class IssuePlan:
    """Which pages (0-based) of one issue get turned, sealed or annotated."""

    rotations: dict[int, int] = field(default_factory=dict)
    seals: dict[int, str] = field(default_factory=dict)  # page -> seal text
    notes: dict[int, str] = field(default_factory=dict)  # page -> note text


def body_pages(truth: dict, n_pages: int) -> list[int]:
    """0-based pages belonging to a document (never the cover); all but page 0 if unknown."""
    pages = {p - 1 for d in truth.get("documents", []) for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)}
    pages = sorted(p for p in pages if 0 < p < n_pages)
    return pages or list(range(1, n_pages))


def seal_text(issuer: str | None) -> str:
    """The CJK characters of an issuer's name, for the seal's arc (a fixed name if none)."""
    cjk = "".join(re.findall(r"[\u4e00-\u9fff]", issuer or ""))
    return cjk[:14] if len(cjk) >= 4 else SEAL_FALLBACK


def plan_issue(truth: dict, n_pages: int, prof: Profile, rng: np.random.Generator) -> IssuePlan:
    """Choose the rotated, sealed and annotated pages of one issue for a profile."""
    plan = IssuePlan()
    body = body_pages(truth, n_pages)
    if prof.rotate and body:
        picks = rng.choice(body, size=min(2, len(body)), replace=False)
        for page, angle in zip(picks, (180, 90)):
            plan.rotations[int(page)] = angle
    if prof.stamp and body:
        ends = {d["pdf_pages"][1] - 1: d.get("issuer") for d in truth.get("documents", [])}
        ends = {p: who for p, who in ends.items() if p in body} or {p: None for p in body}
        keys = sorted(ends)
        for page in rng.choice(keys, size=min(int(rng.integers(1, 3)), len(keys)), replace=False):
            plan.seals[int(page)] = seal_text(ends[int(page)])
        for page in rng.choice(body, size=min(int(rng.integers(1, 3)), len(body)), replace=False):
            plan.notes[int(page)] = NOTE_TEXTS[int(rng.integers(len(NOTE_TEXTS)))]
    return plan


# --------------------------------------------------------------------------- scanning an issue


def add_marks(gray: np.ndarray, index: int, plan: IssuePlan, ppm: float, pt_per_px: float,
              rng: np.random.Generator) -> tuple[np.ndarray, list[dict]]:
    """The page as RGB with its seal and/or note, and the marks' descriptions."""
    rgb = np.repeat(gray[..., None], 3, axis=2)
    marks = []

    def record(kind: str, text: str, box: tuple[int, int, int, int], **extra: str) -> None:
        bbox = [round(v * pt_per_px, 1) for v in box]
        marks.append({"page": index + 1, "kind": kind, "text": text, "bbox": bbox, **extra})

    if index in plan.seals:
        record("seal", plan.seals[index], place_seal(rgb, gray, plan.seals[index], ppm, rng))
    if index in plan.notes:
        ink = sorted(NOTE_INKS)[int(rng.integers(len(NOTE_INKS)))]
        box, where = place_note(rgb, gray, plan.notes[index], NOTE_INKS[ink], ppm, rng)
        record("note", plan.notes[index], box, ink=ink, where=where)
    return rgb, marks


def scan_page(page: pdfium.PdfPage, index: int, prof: Profile, plan: IssuePlan,
              rng: np.random.Generator) -> tuple[PageImage, dict, list[dict]]:
    """Render and degrade one page; return the encoded page, its parameters and marks."""
    size_pt = page.get_size()
    gray = render_gray(page, prof.dpi)
    angle = plan.rotations.get(index, 0)
    if angle:
        gray = turn(gray, angle)
        size_pt = size_pt[::-1] if angle % 180 else size_pt
    params: dict = {"page": index + 1}
    img, marks = gray, []
    if index in plan.seals or index in plan.notes:
        img, marks = add_marks(gray, index, plan, prof.dpi / MM_PER_INCH, 72 / prof.dpi, rng)
    quality = prof.quality
    if prof.office:
        img, p = office_scan(img, prof.dpi, rng)
        params.update(vars(p))
        quality = p.jpeg_quality
    params["jpeg_quality"] = quality
    return jpeg_page(img, quality, prof.dpi, size_pt), params, marks


def scan_truth(truth: dict, name: str, prof: Profile, seed: int, plan: IssuePlan,
               params: list[dict], marks: list[dict]) -> dict:
    """The truth JSON of a scan: the input's, with ``file`` renamed and ``scan`` added."""
    out = dict(truth)
    out["file"] = name
    out["scan"] = {
        "profile": prof.name,
        "dpi": prof.dpi,
        "degradations": prof.degradations(),
        "rotated_pages": [{"page": p + 1, "angle": a} for p, a in sorted(plan.rotations.items())],
        "stamped_pages": sorted(p + 1 for p in plan.seals),
        "noted_pages": sorted(p + 1 for p in plan.notes),
        "marks": marks,
        "seed": seed,
        "page_params": params,
        "synthetic": True,
    }
    return out


def scan_issue(pdf_path: Path, truth: dict, prof: Profile, seed: int, out_dir: Path) -> dict:
    """Write ``<stem>.<profile>.pdf`` and its truth JSON; return a summary row."""
    started = time.perf_counter()
    stem = pdf_path.stem
    out_pdf = out_dir / f"{stem}.{prof.name}.pdf"
    doc = pdfium.PdfDocument(str(pdf_path))
    n = len(doc)
    plan = plan_issue(truth, n, prof, make_rng(seed, stem, prof.name, "plan"))
    params: list[dict] = []
    marks: list[dict] = []
    with ImagePdfWriter(out_pdf) as writer:
        for i in range(n):
            page = doc[i]
            encoded, p, m = scan_page(page, i, prof, plan, make_rng(seed, stem, prof.name, i))
            page.close()
            writer.add_page(encoded)
            params.append(p)
            marks += m
    doc.close()
    meta = scan_truth(truth, out_pdf.name, prof, seed, plan, params, marks)
    out_pdf.with_suffix(".truth.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = out_pdf.stat().st_size
    return {"file": out_pdf.name, "pages": n, "dpi": prof.dpi, "KB": round(size / 1024),
            "KB/page": round(size / 1024 / n), "seconds": round(time.perf_counter() - started, 1)}


def find_inputs(in_dir: Path, limit: int | None) -> list[tuple[Path, dict]]:
    """Input PDFs with a truth JSON beside them (sorted; scans already made are skipped)."""
    found = []
    for pdf in sorted(in_dir.glob("*.pdf")):
        truth_path = pdf.with_suffix(".truth.json")
        if not truth_path.is_file():
            print(f"skip {pdf.name}: no {truth_path.name}", file=sys.stderr)
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if "scan" in truth:
            print(f"skip {pdf.name}: already a scan", file=sys.stderr)
            continue
        found.append((pdf, truth))
    return found[:limit] if limit is not None else found


# --------------------------------------------------------------------------- broken scans


A4_PT = (595.276, 841.89)
A3_PT = (841.89, 1190.551)


def draw_cover(dpi: int) -> np.ndarray:
    """A cover-like A4 page drawn with Pillow (grayscale, white background)."""
    ppm = dpi / MM_PER_INCH
    w, h = round(A4_PT[0] / 72 * dpi), round(A4_PT[1] / 72 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    lines = [(45, 15, "山东省人民政府公报"), (68, 6.5, "2023年第1期（总第853期）"), (80, 5, "合成样例（synthetic）"),
             (110, 8, "目　录"), (128, 4.5, "省政府规章"), (138, 4.5, "山东省环境保护主管部门实施查封、扣押办法"),
             (148, 4.5, "省政府文件"), (158, 4.5, "山东省人民政府关于加强安全生产工作的通知"),
             (168, 4.5, "山东省人民政府办公厅关于印发工作要点的通知"), (265, 5, "山东省人民政府办公厅　主办　2023年1月10日出版")]
    for y_mm, size_mm, text in lines:
        draw.text((w / 2, y_mm * ppm), text, font=_font(round(size_mm * ppm)), fill=0, anchor="mm")
    draw.line([(25 * ppm, 95 * ppm), (w - 25 * ppm, 95 * ppm)], fill=0, width=max(1, round(0.5 * ppm)))
    return np.asarray(img).copy()


def sample_pages(dpi: float, count: int = 2) -> list[np.ndarray]:
    """Grayscale renders of body pages (3, 4, …) of the first PDF in ``samples/`` (drawn covers if none)."""
    pdfs = sorted((ROOT / "samples").glob("*.pdf"))
    if not pdfs:
        return [draw_cover(round(dpi)) for _ in range(count)]
    doc = pdfium.PdfDocument(str(pdfs[0]))
    out = [render_gray(doc[min(2 + k, len(doc) - 1)], dpi) for k in range(count)]
    doc.close()
    return out


def office_page(gray: np.ndarray, rng: np.random.Generator, angle: int = 0, skew_deg: float | None = None,
                dpi: int = 200) -> PageImage:
    """An office scan of a page image, optionally turned and with a fixed skew.

    Noise (sigma 2–3) and JPEG quality (55–62) are lower than the office profiles' so that
    a 3-page file stays under about 600 KB.
    """
    size_pt = A4_PT[::-1] if angle % 180 else A4_PT
    gray = turn(gray, angle) if angle else gray
    p = OfficeParams.sample(rng)
    p.noise, p.jpeg_quality = round(float(rng.uniform(2, 3)), 2), int(rng.integers(55, 63))
    if skew_deg is not None:
        p.skew = skew_deg
    arr, _ = office_scan(gray, dpi, rng, p)
    return jpeg_page(arr, p.jpeg_quality, dpi, size_pt)


def blank_sheet(dpi: int, rng: np.random.Generator) -> PageImage:
    """A near-white page: paper tone, faint noise, two specks of dust."""
    w, h = round(A4_PT[0] / 72 * dpi), round(A4_PT[1] / 72 * dpi)
    arr = np.full((h, w), 255, dtype=np.uint8)
    add_specks(arr, 2, dpi / 200, rng)
    p = OfficeParams(skew=0, specks=2, blur=0.7, paper=247, ink=30, shading=1.5, noise=2.0, jpeg_quality=70)
    return jpeg_page(tone_and_noise(arr, p, rng), p.jpeg_quality, dpi, A4_PT)


def damage_jpeg(data: bytes, rng: np.random.Generator) -> bytes:
    """The JPEG with its entropy-coded data cut to a third and partly overwritten (no EOI)."""
    sos = data.index(b"\xff\xda")
    cut = sos + (len(data) - sos) // 3
    keep = bytearray(data[:cut])
    start = sos + (cut - sos) // 2
    keep[start:start + 512] = rng.integers(0, 256, 512, dtype=np.uint8).tobytes()
    return bytes(keep)


def a3_page() -> PageImage:
    """An A3 sheet at 600 dpi, bilevel (CCITT G4): a sample page scaled up to fill it."""
    dpi = 600
    w, h = round(A3_PT[0] / 72 * dpi), round(A3_PT[1] / 72 * dpi)
    (src,) = sample_pages(dpi * A3_PT[0] / A4_PT[0], 1)
    canvas = np.full((h, w), 255, dtype=np.uint8)
    sh, sw = min(h, src.shape[0]), min(w, src.shape[1])
    canvas[:sh, :sw] = src[:sh, :sw]
    canvas = skew(canvas, 0.4)
    return g4_page(Image.fromarray(np.where(canvas < 150, 0, 255).astype(np.uint8)), A3_PT)


def write_pdf(path: Path, pages: list[PageImage]) -> None:
    """Write image pages to a PDF."""
    with ImagePdfWriter(path) as writer:
        for page in pages:
            writer.add_page(page)


def write_broken(out_dir: Path) -> list[dict]:
    """Write the awkward scans for error-handling tests; return one row per file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    dpi = 200
    cover, body = draw_cover(dpi), sample_pages(dpi, 2)
    rng = make_rng("broken")
    bad = office_page(body[0], rng)
    bad.data = damage_jpeg(bad.data, rng)
    files = {
        "blank-page.pdf": ([office_page(cover, rng), blank_sheet(dpi, rng), office_page(body[0], rng)],
                           "page 2 is a blank sheet (paper tone, faint noise, 2 specks)"),
        "corrupt-image.pdf": ([office_page(cover, rng), bad],
                              "page 2's DCTDecode stream cut to a third, 512 bytes garbled, no EOI; page 1 fine"),
        "a3-600dpi.pdf": ([a3_page()], "one A3 page, 600 dpi bilevel CCITT G4, sample page scaled to fill it"),
        "upside-down.pdf": ([office_page(img, rng, angle=180) for img in (cover, *body)], "every page turned 180°"),
        "sideways.pdf": ([office_page(img, rng, angle=a) for img, a in zip((cover, *body), (90, 90, 270))],
                         "pages turned 90° clockwise, 90° clockwise, 90° counter-clockwise; landscape page boxes"),
        "skewed.pdf": ([office_page(img, rng, skew_deg=s) for img, s in zip((cover, *body), (3.0, -3.0, 3.0))],
                       "pages skewed 3° counter-clockwise, 3° clockwise, 3° counter-clockwise"),
    }
    rows = []
    for name, (pages, what) in files.items():
        write_pdf(out_dir / name, pages)
        sizes = sorted({f"{round(p.size_pt[0] / 72 * MM_PER_INCH)}×{round(p.size_pt[1] / 72 * MM_PER_INCH)} mm"
                        for p in pages})
        rows.append({"file": name, "pages": len(pages), "page size": ", ".join(sizes),
                     "dpi": 600 if name.startswith("a3") else dpi,
                     "KB": round((out_dir / name).stat().st_size / 1024), "what": what})
    return rows


# --------------------------------------------------------------------------- CLI


def table(rows: list[dict]) -> str:
    """Rows as a Markdown table (columns from the first row)."""
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    return "\n".join(lines + ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows])


def parse_profiles(value: str) -> list[Profile]:
    """Comma-separated profile names (argparse type)."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in PROFILES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown profile(s) {unknown}; choose from {','.join(PROFILES)}")
    return [PROFILES[n] for n in names]


def _scan_task(task: tuple[Path, dict, Profile, int, Path]) -> dict:
    """``scan_issue`` on one (pdf, truth, profile, seed, out_dir) tuple (picklable for a pool)."""
    return scan_issue(*task)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="profiles: " + ", ".join(PROFILES))
    ap.add_argument("in_dir", nargs="?", type=Path, help="folder of <stem>.pdf + <stem>.truth.json")
    ap.add_argument("out_dir", nargs="?", type=Path, help="where to write the scans")
    ap.add_argument("--profiles", type=parse_profiles, default=list(PROFILES.values()),
                    help="comma-separated subset of: " + ",".join(PROFILES) + " (default: all)")
    ap.add_argument("--seed", type=int, default=1, help="base seed (default 1)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N input issues")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes, one (issue, profile) each (default 1)")
    ap.add_argument("--broken", type=Path, metavar="OUT_DIR", help="write the broken-scan test files instead")
    args = ap.parse_args(argv)
    if args.broken:
        if args.in_dir:
            ap.error("--broken takes no IN_DIR/OUT_DIR")
        print(table(write_broken(args.broken)))
        return 0
    if not (args.in_dir and args.out_dir):
        ap.error("IN_DIR and OUT_DIR are required (or use --broken OUT_DIR)")
    inputs = find_inputs(args.in_dir, args.limit)
    if not inputs:
        ap.error(f"no <stem>.pdf with <stem>.truth.json in {args.in_dir}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    tasks = [(pdf, truth, prof, args.seed, args.out_dir) for pdf, truth in inputs for prof in args.profiles]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(_scan_task, tasks))
    else:
        rows = [_scan_task(t) for t in tasks]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
