"""The only module that talks to the OCR engine: RapidOCR 3 on onnxruntime.

RapidOCR's wheel carries the PP-OCR detection, recognition and orientation models, so
recognition works offline. Only those default models are used: any other model would be
downloaded at run time, which fails offline. :func:`check_models` proves they are there.

Settings differ from RapidOCR's defaults in two measured ways (docs/ocr.md): detection
runs on the page scaled to ``DET_SIDE`` pixels on its long side (about 100 dpi for A4,
three times cheaper than the default and as accurate on body text), and the page is not
shrunk below ``MAX_SIDE`` before cropping, so recognition sees the full 200-dpi glyphs.
The per-line 0°/180° classifier is off: whole-page orientation is decided in
``gazette.ocr.recognize`` by comparing recognition scores. Boxes are kept down to a
score of 0.3 (RapidOCR drops them below 0.5): a faint line is better listed for an
editor to check than silently lost.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import GazetteError

DET_SIDE = 1216
MAX_SIDE = 2400
# Bumped whenever Gazette's own page reading (orientation, gaps, layout, corrections)
# changes, so cached pages from an older reading are recognised again.
PIPELINE = 10


@dataclass(frozen=True)
class Char:
    """One recognised character and its box (x0, y0, x1, y1) in image pixels."""

    text: str
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class TextBox:
    """One detected text region: its corner points, text, confidence and characters."""

    quad: tuple[tuple[float, float], ...]  # four corners, clockwise from top-left
    text: str
    score: float
    chars: tuple[Char, ...] = ()


class OcrEngineError(GazetteError):
    """The OCR engine is missing or broken."""


def _models_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).parent / "models"


@lru_cache(maxsize=1)
def engine_id() -> str:
    """Engine, version and models, for cache keys and content files: ``rapidocr-3.10.0+…``."""
    from rapidocr._version import __version__

    digest = hashlib.sha256()
    for model in sorted(_models_dir().glob("*.onnx")):
        digest.update(model.name.encode())
        digest.update(str(model.stat().st_size).encode())
    return f"rapidocr-{__version__}+{digest.hexdigest()[:10]}-det{DET_SIDE}-g{PIPELINE}"


def check_models() -> list[Path]:
    """The model files in the RapidOCR wheel; raise a clear error when they are absent."""
    try:
        models = sorted(_models_dir().glob("*.onnx"))
    except ImportError:
        raise OcrEngineError("the OCR engine is not installed; run `pip install rapidocr onnxruntime` (make setup does)") from None
    kinds = {name for name in ("det", "rec") if any(f"_{name}_" in m.name for m in models)}
    if kinds != {"det", "rec"}:
        raise OcrEngineError(f"RapidOCR's bundled models are missing from {_models_dir()}; reinstall it with `pip install --force-reinstall rapidocr`")
    return models


class Engine:
    """A loaded RapidOCR instance limited to ``threads`` CPU threads."""

    def __init__(self, threads: int = 1) -> None:
        check_models()
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        self._fast = RapidOCR(params={
            "Global.log_level": "error",
            "Global.max_side_len": MAX_SIDE,
            "Global.use_cls": False,
            "Global.text_score": 0.3,
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        })
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)

    def recognize(self, grey: np.ndarray) -> list[TextBox]:
        """Detect and recognise the text regions of a greyscale (H × W, uint8) image.
        (Small isolated marks the reduced detection misses, such as 目录 page numbers,
        are re-read by ``recognize._leader_ends`` with :meth:`read_line`.)"""
        result = self._fast(_rgb(grey), use_cls=False, return_word_box=True)
        if result.boxes is None or result.txts is None:
            return []
        words = result.word_results or ()
        boxes = []
        for i, (quad, text, score) in enumerate(zip(result.boxes, result.txts, result.scores)):
            chars: tuple[Char, ...] = ()
            if i < len(words) and words[i]:
                chars = tuple(_char(t, b) for t, _s, b in words[i] if b is not None and t)
            boxes.append(TextBox(tuple((float(x), float(y)) for x, y in quad), str(text), float(score), chars))
        return boxes


    def read_line(self, grey: np.ndarray) -> tuple[str, float]:
        """Recognise an image that holds one line of text, without detection (RapidOCR's
        recogniser alone: its pipeline cannot skip detection and still return text)."""
        try:
            result = self._fast.recognize_txt([_rgb(grey)])
        except Exception:  # RapidOCRError: nothing recognised
            return "", 0.0
        if not result.txts:
            return "", 0.0
        return str(result.txts[0]), float(result.scores[0])


def _rgb(grey: np.ndarray) -> np.ndarray:
    """The three-channel array RapidOCR expects."""
    return np.stack([grey] * 3, axis=-1)


def _char(text: str, box: object) -> Char:
    points = np.asarray(box, dtype=float)
    return Char(str(text), (float(points[:, 0].min()), float(points[:, 1].min()),
                            float(points[:, 0].max()), float(points[:, 1].max())))
