"""Review before release: 公开属性 from the printed line, the review rules (不予公开,
reasons, the two-person rule), the publication register and what the site shows."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazette.archive import register
from gazette.archive.register import Action, Entry
from gazette.cli import cli
from gazette.content import load_archive, render_document, render_issue
from gazette.errors import ContentError, ExitCode
from gazette.metadata import find_disclosure
from gazette.models import Disclosure, Document, Issue, IssueMeta, Kind, SourceRef, Status
from gazette.site.build import build_site


@pytest.mark.parametrize("line, expected", [
    ("（此件公开发布）", Disclosure.PUBLIC),
    ("(此件主动公开)", Disclosure.PUBLIC),
    ("（此件公开发布，有删减）", Disclosure.PUBLIC),
    ("（此件依申请公开）", Disclosure.ON_REQUEST),
    ("（本件依申请予以公开）", Disclosure.ON_REQUEST),
    ("（此件不予公开）", Disclosure.NOT_PUBLIC),
    ("（ 此件 不公开 ）", Disclosure.NOT_PUBLIC),
    ("本文件自印发之日起施行。", None),
    ("各市人民政府要依法公开政府信息。", None),
])
def test_disclosure_read_from_the_printed_line(line: str, expected: Disclosure | None) -> None:
    assert find_disclosure(["正文第一段。", line]) is expected


def _doc(seq: int, title: str, body: str, disclosure: Disclosure | None = None) -> Document:
    return Document(id=f"2024-01-{seq:02d}", issue_id="2024-01", seq=seq, title=title, kind=Kind.NORMATIVE,
                    doc_number=f"鲁政发〔2024〕{seq}号", issuer="山东省人民政府", signed_date="2024-01-05",
                    effective_date=None, section=None, source=SourceRef("2024-01.pdf", "0" * 64, (seq, seq), (seq, seq)),
                    body=body, disclosure=disclosure)


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    """One issue with a 主动公开, a 依申请公开 and a 不予公开 document, all drafts."""
    root = tmp_path / "content"
    folder = root / "2024-01"
    folder.mkdir(parents=True)
    docs = [_doc(1, "关于加强政务公开工作的通知", "各市人民政府：\n\n请认真贯彻落实。\n\n（此件公开发布）\n", Disclosure.PUBLIC),
            _doc(2, "关于调整某项补贴标准的通知", "补贴标准为每人每月五百元整的秘密正文。\n\n（此件依申请公开）\n", Disclosure.ON_REQUEST),
            _doc(3, "关于内部事务的通知", "内部事务正文。\n\n（此件不予公开）\n", Disclosure.NOT_PUBLIC)]
    issue = Issue("2024-01", IssueMeta("山东省人民政府公报", 2024, 1, None, "2024-01-20"), "2024-01.pdf", "0" * 64, 3, (),
                  tuple(d.id for d in docs))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    for doc in docs:
        (folder / f"{doc.seq:02d}.md").write_text(render_document(doc), encoding="utf-8")
    return root


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_disclosure_round_trips_through_the_file(content: Path) -> None:
    docs = load_archive(content).documents
    assert [docs[f"2024-01-0{i}"].disclosure for i in (1, 2, 3)] == [Disclosure.PUBLIC, Disclosure.ON_REQUEST,
                                                                     Disclosure.NOT_PUBLIC]


def test_not_public_is_refused_without_the_override(content: Path) -> None:
    result = _run("publish", "--all", "--by", "王编辑", "--content", str(content))
    assert result.exit_code == 0, result.output
    assert "2024-01-03 is marked 不予公开" in result.output
    docs = load_archive(content).documents
    assert [docs[f"2024-01-0{i}"].status for i in (1, 2, 3)] == [Status.PUBLISHED, Status.PUBLISHED, Status.DRAFT]
    named = _run("publish", "2024-01-03", "--by", "王编辑", "--content", str(content))
    assert named.exit_code == ExitCode.REFUSED and "--override-not-public" in named.output
    no_reason = _run("publish", "2024-01-03", "--override-not-public", "--by", "王编辑", "--content", str(content))
    assert no_reason.exit_code == ExitCode.REFUSED
    assert load_archive(content).documents["2024-01-03"].status is Status.DRAFT
    done = _run("publish", "2024-01-03", "--override-not-public", "--reason", "经办公会议决定公开", "--by", "李主任",
                "--content", str(content))
    assert done.exit_code == 0, done.output
    last = register.read(content)[-1]
    assert (last.action, last.document, last.by, last.override, last.reason) == (
        Action.PUBLISH, "2024-01-03", "李主任", True, "经办公会议决定公开")


def test_every_action_is_registered_with_the_text_hash(content: Path) -> None:
    _run("publish", "2024-01-01", "--by", "王编辑", "--content", str(content))
    _run("publish", "2024-01-01", "--status", "draft", "--reason", "标题有误", "--by", "王编辑", "--content", str(content))
    _run("disclose", "2024-01-01", "on_request", "--reason", "涉及个人信息", "--by", "王编辑", "--content", str(content))
    entries = register.read(content)
    assert [e.action for e in entries] == [Action.PUBLISH, Action.WITHDRAW, Action.DISCLOSURE]
    body = load_archive(content).documents["2024-01-01"].body
    assert all(e.sha256 == register.text_sha256(body) for e in entries)
    assert load_archive(content).documents["2024-01-01"].disclosure is Disclosure.ON_REQUEST
    lines = (content / "register.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(json.loads(line)["by"] == "王编辑" for line in lines)
    table = list(csv.reader(io.StringIO(_run("register", "--format", "csv", "--content", str(content)).stdout)))
    assert table[0][:4] == ["at", "by", "action", "document"] and [row[2] for row in table[1:]] == [
        "publish", "withdraw", "disclosure"]
    assert len(json.loads(_run("register", "--format", "json", "--content", str(content)).stdout)) == 3


def test_a_return_to_draft_needs_a_reason(content: Path) -> None:
    _run("publish", "2024-01-01", "--by", "王编辑", "--content", str(content))
    result = _run("publish", "2024-01-01", "--status", "draft", "--by", "王编辑", "--content", str(content))
    assert result.exit_code == ExitCode.REFUSED and "--reason" in result.output
    assert load_archive(content).documents["2024-01-01"].status is Status.PUBLISHED


def test_two_person_rule(content: Path) -> None:
    register.append(content, [Entry(register.now(), "王编辑", Action.EDIT, "2024-01-01", "x", "改标题", ("title",))])
    own = _run("publish", "2024-01-01", "--two-person", "--by", "王编辑", "--content", str(content))
    assert own.exit_code == ExitCode.REFUSED and "two-person" in own.output
    other = _run("publish", "2024-01-01", "--two-person", "--by", "李审核", "--content", str(content))
    assert other.exit_code == 0, other.output


def test_concurrent_appends_land_whole(content: Path) -> None:
    def write(name: str) -> None:
        for k in range(40):
            register.append(content, [Entry(register.now(), name, Action.EDIT, "2024-01-01", f"{k:064d}", "并发" * 30)])
    threads = [threading.Thread(target=write, args=(f"editor{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(register.read(content)) == 160


def test_a_broken_register_line_is_named(content: Path) -> None:
    (content / "register.jsonl").write_text('{"at": "2024-01-01T00:00:00Z"}\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"register.jsonl: line 1"):
        register.read(content)


def test_the_site_shows_catalogue_entries_register_and_corrections(content: Path, tmp_path: Path) -> None:
    assert _run("publish", "--all", "--by", "王编辑", "--content", str(content)).exit_code == 0
    path = content / "2024-01" / "01.md"
    path.write_text(path.read_text(encoding="utf-8").replace("请认真贯彻落实。", "请认真组织贯彻落实。"), encoding="utf-8")
    fixed = _run("publish", "2024-01-01", "--reason", "第二段漏字", "--by", "王编辑", "--content", str(content))
    assert fixed.exit_code == 0 and "1 corrections registered" in fixed.output
    site = tmp_path / "site"
    build_site(content, site, site_url="https://gazette.example.gov.cn/")
    catalogue = (site / "2024-01" / "02" / "index.html").read_text(encoding="utf-8")
    assert "关于调整某项补贴标准的通知" in catalogue and "依申请公开" in catalogue
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*")
                         if p.is_file() and p.suffix in (".html", ".json", ".jsonl", ".xml", ".txt"))
    assert "秘密正文" not in everything and "内部事务" not in everything
    corrected = (site / "2024-01" / "01" / "index.html").read_text(encoding="utf-8")
    assert "更正记录" in corrected and "第二段漏字" in corrected and "请认真组织贯彻落实" in corrected
    listing = (site / "register" / "index.html").read_text(encoding="utf-8")
    assert listing.count("关于加强政务公开工作的通知") == 2 and "更正" in listing and "王编辑" not in listing
