"""Accessibility of the built sample site, checked by axe-core in real Chromium.

axe-core (the npm package, installed by scripts/system-deps.sh into build/npm/, git-ignored)
is injected into each page over the DevTools pipe (Runtime.evaluate of axe.min.js) and run
with its default rules, none disabled. A page fails on any violation of impact *serious*
or *critical*; the others are printed (``pytest -s`` or ``-rP`` shows them). Pages: the home
page, an issue's 目录, a 规章, a 规范性文件 and a 政策解读 page, the search page after its
results have rendered, and the 404 page, each in the light and the dark colour scheme
(switched as a reader's system would: prefers-color-scheme, which Material's palette
follows). Also: no page scrolls sideways on a 360 or 390 px wide phone or a 1280 px desktop.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest

from browser import Browser, browsing, chromium_path

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed; `make test` installs it via scripts/system-deps.sh")

BLOCKING = ("serious", "critical")
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's data-md-color-scheme
PAGES = ("home", "issue", "regulation", "normative", "interpretation", "search", "404")
RESULTS_SHOWN = ("document.querySelectorAll('.gz-result').length > 0 && "
                 "/共|约/.test((document.querySelector('.gz-search-status') || {}).textContent || '')")
RUN_AXE = """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary}))})))"""


@pytest.fixture(scope="module")
def pages(sample_content: Path) -> dict[str, str]:
    """Path of each page under test, from the sample archive (first public document of each kind)."""
    from gazette.content import load_archive

    public = sorted((d for d in load_archive(sample_content).documents.values() if d.is_public),
                    key=lambda d: (d.issue_id, d.seq))
    first = {}
    for doc in public:
        first.setdefault(doc.kind.value, doc)
    missing = {"regulation", "normative", "interpretation"} - first.keys()
    assert not missing, f"the samples have no public document of kind {missing}"
    path = {kind: f"{doc.issue_id}/{doc.seq:02d}/" for kind, doc in first.items()}
    regulation = first["regulation"]
    return {
        "home": "",
        "issue": f"{regulation.issue_id}/",
        "regulation": path["regulation"],
        "normative": path["normative"],
        "interpretation": path["interpretation"],
        # a query that finds documents: the regulation's title is in its text
        "search": "search/?q=" + quote(regulation.title[:4]),
        "404": "404.html",
    }


@pytest.fixture(scope="module")
def axe_browser(built_site: Path) -> Iterator[tuple[Browser, str]]:
    if not AXE.exists():
        pytest.skip(f"{AXE.relative_to(ROOT)} is missing; scripts/system-deps.sh (run by `make test`) installs axe-core with npm")
    with browsing(built_site) as opened:
        yield opened


def _open(chrome: Browser, url: str, scheme: str) -> None:
    """Load a page in a colour scheme: the system preference, which Material follows until
    the reader picks a palette (it remembers the pick in localStorage, so that is cleared)."""
    chrome.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}, session=True)
    chrome.goto(url)
    if chrome.js("document.body.getAttribute('data-md-color-scheme')") != SCHEMES[scheme]:
        chrome.js("localStorage.clear()")
        chrome.goto(url)
    assert chrome.js("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme], url
    time.sleep(0.3)  # Material animates colour changes


def _axe(chrome: Browser) -> list[dict]:
    if not chrome.js("typeof window.axe === 'object'"):
        chrome.js(AXE.read_text(encoding="utf-8") + "\n;true")
    return chrome.js(RUN_AXE)


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:8]:
            lines.append(f"    {node['target']}  {node['html']}")
            lines.append("        " + " / ".join(s.strip() for s in node["summary"].splitlines()[1:3]))
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_violations(axe_browser: tuple[Browser, str], pages: dict[str, str], page: str, scheme: str) -> None:
    chrome, base = axe_browser
    _open(chrome, base + pages[page], scheme)
    if page == "search":
        chrome.wait_for(RESULTS_SHOWN, timeout=20)
    violations = _axe(chrome)
    others = [v for v in violations if v["impact"] not in BLOCKING]
    if others:
        print(f"\n{page} ({scheme}), not failing the test:\n{_report(others)}")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"{page} /{pages[page]} ({scheme}): axe-core found\n{_report(blocking)}"


def test_axe_catches_a_planted_violation(axe_browser: tuple[Browser, str]) -> None:
    """The check can fail: an image without alt text and grey-on-grey text are reported."""
    chrome, base = axe_browser
    _open(chrome, base, "light")
    chrome.js("""(() => { const c = document.querySelector('.md-content__inner');
      const img = document.createElement('img'); img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; img.width = 20; img.height = 20;
      const p = document.createElement('p'); p.textContent = '对比度不足的文字'; p.style.cssText = 'color:#999;background:#aaa';
      c.prepend(img, p); return true; })()""")
    found = {v["id"]: v["impact"] for v in _axe(chrome)}
    assert found.get("image-alt") == "critical" and found.get("color-contrast") == "serious", json.dumps(found)


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_no_page_scrolls_sideways(axe_browser: tuple[Browser, str], pages: dict[str, str], width: int) -> None:
    """Phones 360 and 390 px wide (mobile emulation), and a 1280 px desktop, where the 章/节
    outline of a long 规章 sits beside the text."""
    chrome, base = axe_browser
    chrome.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 1000}, session=True)
    try:
        wide = {}
        for page in PAGES:
            _open(chrome, base + pages[page], "light")
            if page == "search":
                chrome.wait_for(RESULTS_SHOWN, timeout=20)
            sizes = chrome.js("""(() => { const d = document.documentElement, w = d.clientWidth;
              const over = e => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== 'fixed';
              const culprits = Array.from(document.querySelectorAll('body *')).filter(e => over(e) && !over(e.parentElement))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''));
              return [d.scrollWidth, w, culprits]; })()""")
            if sizes[0] > sizes[1]:
                wide[page] = sizes
        assert wide == {}, f"at {width} px these pages are wider than the screen (scrollWidth, clientWidth, elements): {wide}"
    finally:
        chrome.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=True)
