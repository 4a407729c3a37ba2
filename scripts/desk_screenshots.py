"""Screenshots of the editors' desk for docs/editors.md, in docs/img/desk-*.png.

    .venv/bin/python scripts/desk_screenshots.py

Ingests the 2023-01 sample and the scanned mini issue into a temporary content/, makes
one re-ingest conflict and one refused save, serves the desk (waitress, loopback) and
photographs its pages with Debian's chromium (tests/browser.py), 1280 × 900.
"""

from __future__ import annotations

import base64
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, WsgiServer  # noqa: E402

from gazette.content import write_results  # noqa: E402
from gazette.desk.app import DeskConfig, create_app  # noqa: E402
from gazette.ingest import ingest_pdf  # noqa: E402
from gazette.ocr import OcrOptions  # noqa: E402

OUT = ROOT / "docs" / "img"


def _shot(chrome: Browser, name: str) -> None:
    time.sleep(0.4)
    data = chrome.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
    target = OUT / f"desk-{name}.png"
    target.write_bytes(base64.b64decode(data))
    print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="gazette-desk-shots-"))
    try:
        content = tmp / "content"
        sample, scan = ROOT / "samples" / "2023-01.pdf", ROOT / "tests" / "resources" / "scan-mini.pdf"
        write_results(content, [(ingest_pdf(sample), sample), (ingest_pdf(scan, ocr=OcrOptions()), scan)])
        edited = content / "2023-01" / "02.md"
        edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: （校对）", 1), encoding="utf-8")
        write_results(content, [(ingest_pdf(sample), sample)])  # a re-ingest: 02.md.new beside the edited file
        OUT.mkdir(parents=True, exist_ok=True)
        with WsgiServer(create_app(DeskConfig(content, by="王编辑"))) as server:
            chrome = Browser(1280, 900)
            try:
                chrome.goto(server.url)
                _shot(chrome, "queue")
                chrome.goto(server.url + "doc/2021-05-02")
                chrome.wait_for("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
                _shot(chrome, "document")
                chrome.goto(server.url + "doc/2021-05-02")  # a save of a version someone else has changed since
                chrome.js("document.querySelector('#edit-form [name=sha]').value = '0'.repeat(64), "
                          f"document.querySelector('#f-issuer').value = {json.dumps('山东省人民政府办公厅')}, "
                          "document.querySelector('#do-save').click(), true")
                time.sleep(1)
                chrome.js("document.querySelector('#stale').scrollIntoView(), true")
                _shot(chrome, "stale")
                chrome.goto(server.url + "conflict/2023-01-02")
                _shot(chrome, "conflict")
                chrome.goto(server.url + "submissions")
                _shot(chrome, "submissions")
            finally:
                chrome.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
