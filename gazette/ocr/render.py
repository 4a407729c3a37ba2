"""The only module that talks to the PDF renderer (pypdfium2, which ships PDFium).

It renders one page at a time to a greyscale or colour Pillow image, bounded in pixels
so that an A3 page scanned at 600 dpi never needs more than ``MAX_PIXELS`` of memory, and
reports the resolution of the scan embedded in the page (a 72-dpi scan is too coarse to
trust, whatever dpi it is rendered at).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..errors import InputFileError

MAX_PIXELS = 25_000_000  # A3 at 300 dpi is 17.4 Mpx; a larger page is rendered coarser
RENDERER = f"pdfium-{pdfium.version.PDFIUM_INFO.build}"


@dataclass(frozen=True)
class Rendered:
    """A rendered page: its image, the dpi it was rendered at and the embedded scan's dpi."""

    image: Image.Image
    dpi: float
    scan_dpi: float | None  # resolution of the largest image on the page, if any
    size_pt: tuple[float, float]
    damaged: str | None = None  # why the page's scan image could be read only in part


def render_page(path: Path, index: int, dpi: float, colour: bool = False) -> Rendered:
    """Render PDF page ``index`` (1-based) at ``dpi``, lowered if the page is huge."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise InputFileError(f"{path}: the renderer cannot open the PDF ({exc}); re-export or re-download it") from None
    try:
        page = pdf[index - 1]
        width, height = page.get_size()
        scale = dpi / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = math.sqrt(MAX_PIXELS / (width * height)) * 0.99
        scan_dpi, damaged = _scan_image(page, width, height)
        bitmap = page.render(scale=scale, grayscale=not colour, may_draw_forms=False)
        image = bitmap.to_pil()
        image = image.convert("RGB" if colour else "L")
        bitmap.close()
        page.close()
        return Rendered(image=image, dpi=scale * 72, scan_dpi=scan_dpi, size_pt=(width, height), damaged=damaged)
    finally:
        pdf.close()


def _scan_image(page: pdfium.PdfPage, width: float, height: float) -> tuple[float | None, str | None]:
    """Pixels per inch of the largest image covering most of the page (a scan), and
    whether its JPEG stream is damaged (PDFium then draws only the part it could read)."""
    best: float | None = None
    best_obj = None
    best_area = 0.0
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            area = max(0.0, right - left) * max(0.0, top - bottom)
            if area < 0.4 * width * height or area <= best_area:
                continue
            px_w, px_h = obj.get_px_size()
            long_px, long_pt = max(px_w, px_h), max(right - left, top - bottom)
            if long_pt > 0:
                best, best_area, best_obj = long_px / (long_pt / 72), area, obj
        return best, _damage(best_obj) if best_obj is not None else None
    except pdfium.PdfiumError:
        return best, None


def _damage(obj: pdfium.PdfImage) -> str | None:
    try:
        if obj.get_filters() != ["DCTDecode"]:
            return None
        data = bytes(obj.get_data(decode_simple=False))
    except (pdfium.PdfiumError, ValueError):
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except (OSError, SyntaxError, ValueError) as exc:
        return f"its scan image is damaged ({exc}); only part of the page could be read — rescan it"
    return None
