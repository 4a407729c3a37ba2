"""Screenshots of the demo site for docs/site.md, in docs/img/.

    .venv/bin/python scripts/screenshots.py            # uses build/demo/site, or runs `make demo-build`
    .venv/bin/python scripts/screenshots.py --rebuild  # runs `make demo-build` first in any case

Takes the home page, an issue, a document and the search page with results, each on a
desktop (1280 × 800) and on a phone (390 × 844, mobile emulation, 2× pixels), in the
light scheme, with Debian's chromium over the DevTools pipe (tests/browser.py).
"""

from __future__ import annotations

import argparse
import base64
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import Browser, SiteServer  # noqa: E402

SITE = ROOT / "build" / "demo" / "site"
OUT = ROOT / "docs" / "img"
PAGES = {  # name → path in the demo site
    "home": "",
    "issue": "2023-01/",
    "document": "2023-01/01/",  # a 规章 with 章 (the outline beside the text)
    "search": "search/?q=%E5%85%AC%E5%BC%80",  # 公开
}
DEVICES = {  # name → (width, height, device pixel ratio, mobile)
    "desktop": (1280, 800, 1, False),
    "phone": (390, 844, 2, True),
}
RESULTS_SHOWN = "document.querySelectorAll('.gz-result').length > 0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="run `make demo-build` even if build/demo/site exists")
    args = parser.parse_args()
    if args.rebuild or not (SITE / "index.html").exists():
        subprocess.run(["make", "demo-build"], cwd=ROOT, check=True)
    OUT.mkdir(parents=True, exist_ok=True)
    with SiteServer(SITE) as server:
        chrome = Browser()
        try:
            chrome.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]}, session=True)
            chrome.goto(server.url)
            chrome.js("localStorage.clear()")  # no remembered palette or 字号
            for device, (width, height, scale, mobile) in DEVICES.items():
                chrome.call("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile}, session=True)
                for name, path in PAGES.items():
                    chrome.goto(server.url + path, settle=0.5)
                    if name == "search":
                        chrome.wait_for(RESULTS_SHOWN, timeout=20)
                    chrome.js("document.fonts.ready.then(() => true)")
                    time.sleep(0.3)
                    shot = chrome.call("Page.captureScreenshot", {"format": "png"}, session=True)
                    target = OUT / f"{name}-{device}.png"
                    target.write_bytes(base64.b64decode(shot["data"]))
                    print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")
        finally:
            chrome.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
