"""The OCR cache: one JSON file (and one WebP page image) per recognised page.

Keyed by the PDF's SHA-256, the page, the engine with its model version, and the dpi,
so a re-ingest after a splitter fix reads every page back in milliseconds, and an
interrupted run resumes where it stopped. Files are written atomically; a damaged or
foreign cache file is ignored and the page recognised again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..content import atomic_write
from .recognize import OcrPage


def default_cache_dir() -> Path:
    """``$GAZETTE_CACHE/ocr``, else ``$XDG_CACHE_HOME/gazette/ocr``, else ``~/.cache/gazette/ocr``."""
    if os.environ.get("GAZETTE_CACHE"):
        return Path(os.environ["GAZETTE_CACHE"]) / "ocr"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "gazette" / "ocr"


class OcrCache:
    """Cached pages under one folder; ``None`` as folder disables caching."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _stem(self, sha256: str, page: int, engine: str, dpi: float) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / sha256[:2] / sha256 / f"p{page:05d}-{dpi:.0f}dpi-{engine}"

    def get(self, sha256: str, page: int, engine: str, dpi: float) -> tuple[OcrPage, bytes] | None:
        """The cached page and its WebP image, or None."""
        stem = self._stem(sha256, page, engine, dpi)
        if stem is None:
            return None
        try:
            data = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
            image = stem.with_suffix(".webp").read_bytes()
            result = OcrPage.from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return (result, image) if result.pdf_index == page and result.engine == engine else None

    def put(self, sha256: str, dpi: float, page: OcrPage, image: bytes) -> None:
        """Store a page recognised at ``dpi`` (image first: a cached page has its image)."""
        stem = self._stem(sha256, page.pdf_index, page.engine, dpi)
        if stem is None:
            return
        stem.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(stem.with_suffix(".webp"), image)
        atomic_write(stem.with_suffix(".json"), json.dumps(page.to_json(), ensure_ascii=False, sort_keys=True).encode())
