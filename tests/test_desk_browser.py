"""The desk in headless Chromium through a real server (waitress) on a loopback port:
approving end to end, withholding, a re-ingest conflict, two editors at once, the
不予公开 gate, a CSRF-less POST and a path outside content/."""

from __future__ import annotations

import http.client
import json
import shutil
import time
import urllib.parse
from pathlib import Path
from typing import Any, Iterator

import pytest

from browser import Browser, WsgiServer, chromium_path
from gazette.archive import register
from gazette.content import load_archive, write_results
from gazette.desk.app import DeskConfig, create_app
from gazette.ingest import ingest_pdf
from gazette.models import Status
from gazette.site import build_site

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed (scripts/system-deps.sh)")

@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chrome = Browser()
    yield chrome
    chrome.close()


@pytest.fixture()
def content(desk_source: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(desk_source, tmp_path / "content"))


@pytest.fixture()
def desk(content: Path) -> Iterator[WsgiServer]:
    with WsgiServer(create_app(DeskConfig(content, by="王编辑"))) as server:
        yield server


def _submit(tab: Any, click: str, expect: str, timeout: float = 20) -> Any:
    """Click a submit button, then wait (through the navigation) for ``expect``."""
    tab.js(f"document.querySelector({json.dumps(click)}).click(), true")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = tab.js(f"(() => {{ const e = document.querySelector({json.dumps(expect)}); return e ? e.textContent : null; }})()")
            if found is not None:
                return found
        except RuntimeError:
            pass  # the page is navigating
        time.sleep(0.1)
    raise TimeoutError(expect)


def _set(tab: Any, selector: str, value: str) -> None:
    tab.js(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}, true")


def test_approving_a_document_puts_it_on_the_site(browser: Browser, desk: WsgiServer, content: Path, tmp_path: Path) -> None:
    browser.goto(desk.url)
    href = browser.js("document.querySelector('#queue tr[data-doc=\"2021-05-02\"] a').getAttribute('href')")
    browser.goto(urllib.parse.urljoin(desk.url, href))
    assert browser.js("document.querySelector('#doc-status').textContent") == "待审（草稿）"
    assert browser.wait_for("[...document.images].every(i => i.complete && i.naturalWidth > 300)")  # the page images
    message = _submit(browser, "#do-publish", "#done")
    assert "已发布" in message and browser.js("document.querySelector('#doc-status').textContent") == "已发布"
    (entry,) = register.read(content)
    assert (entry.action, entry.by, entry.document) == (register.Action.PUBLISH, "王编辑", "2021-05-02")
    site = tmp_path / "site"
    build_site(content, site, site_url="https://gazette.example.gov.cn/")
    page = (site / "2021-05" / "02" / "index.html").read_text(encoding="utf-8")
    assert "船舶识别号管理规定的通知" in page
    assert not (site / "2021-05" / "01").exists()  # still a draft


def test_withholding(browser: Browser, desk: WsgiServer, content: Path) -> None:
    browser.goto(desk.url + "doc/2021-05-01")
    _set(browser, "#reason", "待核实制定机关")
    assert "暂缓发布" in _submit(browser, "#do-withhold", "#done")
    assert load_archive(content).documents["2021-05-01"].status is Status.WITHHELD
    assert register.read(content)[-1].action is register.Action.WITHHOLD


def test_resolving_a_reingest_conflict(browser: Browser, desk: WsgiServer, content: Path) -> None:
    path = content / "2021-05" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 编辑改过的", 1), encoding="utf-8")
    pdf = content / "2021-05" / "2021-05.pdf"
    write_results(content, [(ingest_pdf(pdf), pdf)])
    new = path.with_name("02.md.new").read_bytes()
    browser.goto(desk.url)
    browser.goto(urllib.parse.urljoin(desk.url, browser.js("document.querySelector('a[href=\"/conflict/2021-05-02\"]').getAttribute('href')")))
    assert browser.js("document.querySelectorAll('#conflict-diff .diff_sub').length") >= 1
    browser.js("document.querySelector('#c-new').checked = true")
    assert "冲突已处理" in _submit(browser, "#do-resolve", "#resolved")
    assert path.read_bytes() == new and not path.with_name("02.md.new").exists()
    assert [p.read_bytes() for p in (content / ".gazette" / "resolved" / "2021-05").iterdir()] == [new]


def test_two_editors_at_once_lose_nothing(browser: Browser, desk: WsgiServer, content: Path) -> None:
    other = browser.new_context()
    for tab in (browser, other):
        tab.goto(desk.url + "doc/2021-05-02")
    _set(browser, "#f-title", "第一位编辑改的标题")
    assert "已保存" in _submit(browser, "#do-save", "#saved")
    _set(other, "#f-issuer", "第二位编辑改的机关")
    assert "文件已被他人修改" in _submit(other, "#do-save", "#stale")
    saved = load_archive(content).documents["2021-05-02"]
    assert saved.title == "第一位编辑改的标题" and saved.issuer != "第二位编辑改的机关"
    assert other.js("document.querySelector('#f-issuer').value") == "第二位编辑改的机关"  # still in the form
    assert "第一位编辑改的标题" in other.js("document.querySelector('#stale .diff').textContent")
    assert [e.action for e in register.read(content)] == [register.Action.EDIT]


def test_not_public_is_refused_without_the_override(browser: Browser, desk: WsgiServer, content: Path) -> None:
    browser.goto(desk.url + "doc/2021-05-03")
    assert browser.js("!!document.querySelector('#override')")
    assert "不予公开" in _submit(browser, "#do-publish", "#error-message")
    assert load_archive(content).documents["2021-05-03"].status is Status.DRAFT and register.read(content) == []


def test_a_csrf_less_post_is_rejected(browser: Browser, desk: WsgiServer, content: Path) -> None:
    before = (content / "2021-05" / "02.md").read_bytes()
    browser.goto(desk.url + "doc/2021-05-02")
    status = browser.js("""(async () => {
        const sha = document.querySelector('#edit-form [name=sha]').value;
        const body = new URLSearchParams({title: '伪造', kind: 'normative', sha, body: 'x'});
        const r = await fetch('/doc/2021-05-02/save', {method: 'POST', body});
        const p = await fetch('/doc/2021-05-02/review', {method: 'POST', body: new URLSearchParams({action: 'publish', sha})});
        return [r.status, p.status];
    })()""")
    assert status == [400, 400]
    assert (content / "2021-05" / "02.md").read_bytes() == before and register.read(content) == []


def test_a_path_outside_content_is_rejected(browser: Browser, desk: WsgiServer) -> None:
    browser.goto(desk.url)
    answers = browser.js("""Promise.all(['/doc/..%2F..%2Fetc%2Fpasswd', '/page/..%2F..%2Fetc/passwd.webp',
        '/conflict/..%2F..%2Fetc%2Fpasswd', '/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd'].map(async u => {
        const r = await fetch(u); return [r.status, (await r.text()).includes('root:')]; }))""")
    assert all(status in (400, 404) and not leaked for status, leaked in answers)
    host, port = urllib.parse.urlsplit(desk.url).netloc.split(":")
    raw = http.client.HTTPConnection(host, int(port), timeout=10)
    raw.request("GET", "/doc/../../etc/passwd")  # sent as written, not normalised by a browser
    response = raw.getresponse()
    assert response.status in (400, 404) and b"root:" not in response.read()


AXE = Path(__file__).resolve().parents[1] / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (scripts/system-deps.sh)")
def test_desk_pages_have_no_serious_accessibility_violations(browser: Browser, desk: WsgiServer, content: Path) -> None:
    path = content / "2021-05" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 改", 1), encoding="utf-8")
    pdf = content / "2021-05" / "2021-05.pdf"
    write_results(content, [(ingest_pdf(pdf), pdf)])
    found = {}
    for page in ("", "doc/2021-05-02", "conflict/2021-05-02", "submissions", "register"):
        browser.goto(desk.url + page)
        browser.js(AXE.read_text(encoding="utf-8") + "; true")
        violations = browser.js("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                                ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.nodes[0].html.slice(0, 120)))")
        if violations:
            found[page or "queue"] = violations
    assert not found
