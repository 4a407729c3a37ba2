"""An OCR'd issue on the site: the notice, page images beside the text, the gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import Browser, SiteServer, chromium_path
from gazette.site.render import OCR_NOTICE


def test_ocr_document_says_so_and_links_its_pages(scan_site: Path) -> None:
    html = (scan_site / "2021-05" / "02" / "index.html").read_text(encoding="utf-8")
    assert OCR_NOTICE in html
    # printed on printed pages 1–2 (PDF pages 3–4): each linked to its figure and image
    for pdf_page, printed in ((3, 1), (4, 2)):
        assert f'<a href="#scan-p{pdf_page}">第{printed}页</a>' in html
        assert f'<figure id="scan-p{pdf_page}"' in html
        assert f'src="../pages/p{pdf_page:04d}.webp" loading="lazy"' in html


def test_born_digital_pages_carry_no_scan_notice(built_site: Path) -> None:
    html = (built_site / "2023-01" / "01" / "index.html").read_text(encoding="utf-8")
    assert OCR_NOTICE not in html and "gz-scans" not in html


def test_page_images_of_unpublished_documents_never_reach_the_site(scan_site: Path) -> None:
    images = sorted(p.name for p in (scan_site / "2021-05" / "pages").iterdir())
    assert images == ["p0003.webp", "p0004.webp", "p0005.webp", "p0007.webp"]  # p0006: the draft's page
    assert not (scan_site / "2021-05" / "04").exists()
    for path in scan_site.rglob("*.html"):
        assert "p0006.webp" not in path.read_text(encoding="utf-8"), path


def test_page_images_are_readable_and_light(scan_site: Path) -> None:
    from PIL import Image

    for path in (scan_site / "2021-05" / "pages").iterdir():
        with Image.open(path) as image:
            assert image.format == "WEBP"
            assert abs(image.size[0] - 1240) <= 2  # A4 at 150 dpi
        assert path.stat().st_size < 400_000


@pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed; `make test` installs it via scripts/system-deps.sh")
def test_page_images_load_lazily_beside_the_text_in_a_browser(scan_site: Path) -> None:
    with SiteServer(scan_site) as server:
        chrome = Browser(width=1280, height=900)
        try:
            chrome.goto(server.url + "2021-05/02/")
            assert chrome.js("document.querySelector('.gz-ocr-note').textContent").count("第") >= 2
            first = "document.querySelector('#scan-p3 img')"
            assert chrome.js(f"{first}.loading") == "lazy"
            chrome.js("document.querySelector('a[href=\"#scan-p4\"]').click()")
            chrome.wait_for("location.hash === '#scan-p4'")
            chrome.wait_for("document.querySelector('#scan-p4 img').complete && document.querySelector('#scan-p4 img').naturalWidth > 1000", timeout=15)
            top = chrome.js("document.querySelector('#scan-p4').getBoundingClientRect().top")
            assert -5 < top < 300
            assert chrome.js("document.querySelector('#scan-p4 img').getBoundingClientRect().width") <= 1280
        finally:
            chrome.close()
