"""OCR for scanned pages: render (``render``), recognise (``engine``), lay out
(``layout``), correct (``correct``), cache (``cache``) and run in parallel (``run``).

The result of each page is plain lines of text, fed to the same splitter as a text
layer; nothing downstream forks into a "scan" path.
"""

from .run import OcrOptions, PageResult, ocr_pages

__all__ = ["OcrOptions", "PageResult", "ocr_pages"]
