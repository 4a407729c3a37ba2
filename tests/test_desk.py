"""The desk's library and its web layer through Flask's test client: validation, stale
saves, conflicts, roles, CSRF, ids and paths (the browser tests are in test_desk_browser.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazette.archive import register
from gazette.cli import cli
from gazette.content import load_archive, set_field, write_results
from gazette.desk import accounts, edit
from gazette.desk.app import DeskConfig, create_app
from gazette.errors import RefusedError
from gazette.ingest import ingest_pdf
from gazette.models import Kind, Status

RESOURCES = Path(__file__).parent / "resources"
MINI = RESOURCES / "mini-issue.pdf"


@pytest.fixture()
def content(desk_source: Path, tmp_path: Path) -> Path:
    """A fresh copy of the desk's test archive for one test."""
    return Path(shutil.copytree(desk_source, tmp_path / "content"))


def _client(content: Path, **config: object):
    app = create_app(DeskConfig(content, by=str(config.pop("by", "王编辑")), **config))  # type: ignore[arg-type]
    return app.test_client()


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _sha(html: str) -> str:
    return re.search(r'name="sha" value="([0-9a-f]{64})"', html).group(1)


def _form(client, doc_id: str, **changes: str) -> dict[str, str]:
    html = client.get(f"/doc/{doc_id}").get_data(as_text=True)
    fields = dict(re.findall(r'<input id="f-(\w+)" name="\w+" value="([^"]*)"', html))
    fields["kind"] = re.search(r'<option value="(\w+)" selected>', html.split('id="f-kind"')[1]).group(1)
    fields["body"] = re.search(r'<textarea id="f-body" name="body" rows="24">(.*?)</textarea>', html, re.S).group(1)
    fields["body"] = fields["body"].replace("&#34;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    fields["disclosure"] = re.search(r'<option value="(\w*)" selected>', html.split('id="f-disclosure"')[1]).group(1)
    fields.update(csrf_token=_token(html), sha=_sha(html))
    fields.update(changes)
    return fields


# ---------------------------------------------------------------- validation

@pytest.mark.parametrize("field,value,message", [
    ("signed_date", "2021/5/3", "YYYY-MM-DD"),
    ("signed_date", "2021-02-30", "不是日历上的日期"),
    ("doc_number", "鲁政发2021年5号", "文号格式"),
    ("title", "  ", "标题不能为空"),
    ("kind", "statute", "请从列表中选择类别"),
])
def test_metadata_form_is_validated(field: str, value: str, message: str) -> None:
    form = {"title": "关于某事的通知", "kind": "normative", "doc_number": "鲁政发〔2021〕5号", "issuer": "山东省人民政府",
            "signed_date": "2021-05-03", "effective_date": ""}
    form[field] = value
    metadata, errors = edit.validate_metadata(form)
    assert metadata is None and message in errors[field]


def test_a_regulation_needs_its_issuer() -> None:
    _, errors = edit.validate_metadata({"title": "某某办法", "kind": "regulation", "issuer": ""})
    assert "规章必须填写发文机关" in errors["issuer"]
    metadata, errors = edit.validate_metadata({"title": "某某办法", "kind": "regulation", "issuer": "山东省人民政府",
                                               "doc_number": "山东省人民政府令第345号"})
    assert metadata is not None and metadata.kind is Kind.REGULATION and not errors


@pytest.mark.parametrize("number", ["鲁政发〔2021〕5号", "国办发[2016]80号", "鲁政办字［２０２１］12号".replace("２０２１", "2021"),
                                    "省政府令第123号", "第 5 号", "京政发（2020）7号"])
def test_common_doc_numbers_pass(number: str) -> None:
    _, errors = edit.validate_metadata({"title": "通知", "kind": "normative", "doc_number": number})
    assert "doc_number" not in errors


# ---------------------------------------------------------------- saving

def test_a_save_writes_the_file_and_registers_an_edit(content: Path) -> None:
    client = _client(content)
    form = _form(client, "2021-05-02", title="山东省人民政府关于印发船舶识别号管理规定的通知", reason="标题校对")
    before = (content / "2021-05" / "02.md").read_text(encoding="utf-8")
    response = client.post("/doc/2021-05-02/save", data=form)
    assert response.status_code == 302
    after = (content / "2021-05" / "02.md").read_text(encoding="utf-8")
    assert "title: 山东省人民政府关于印发船舶识别号管理规定的通知" in after
    assert after.split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]  # the text is untouched
    (entry,) = register.read(content)
    assert (entry.action, entry.by, entry.document, entry.changed, entry.reason) == (
        register.Action.EDIT, "王编辑", "2021-05-02", ("title",), "标题校对")
    assert load_archive(content).documents["2021-05-02"].title == "山东省人民政府关于印发船舶识别号管理规定的通知"


def test_an_invalid_form_writes_nothing_and_says_why(content: Path) -> None:
    client = _client(content)
    before = (content / "2021-05" / "01.md").read_bytes()
    response = client.post("/doc/2021-05-01/save", data=_form(client, "2021-05-01", issuer="", signed_date="2021-13-01"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "规章必须填写发文机关" in html and "不是日历上的日期" in html
    assert (content / "2021-05" / "01.md").read_bytes() == before and register.read(content) == []


def test_a_stale_save_is_refused_and_shows_both_versions(content: Path) -> None:
    client = _client(content)
    form = _form(client, "2021-05-02", title="第一位编辑的标题")
    path = content / "2021-05" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 他人先改的", 1), encoding="utf-8")
    theirs = path.read_bytes()
    response = client.post("/doc/2021-05-02/save", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and "保存被拒绝" in html
    assert "他人先改的" in html and "第一位编辑的标题" in html  # both versions shown
    assert path.read_bytes() == theirs and register.read(content) == []


def test_unchanged_save_writes_nothing(content: Path) -> None:
    client = _client(content)
    before = (content / "2021-05" / "02.md").read_bytes()
    assert client.post("/doc/2021-05-02/save", data=_form(client, "2021-05-02")).status_code == 302
    assert (content / "2021-05" / "02.md").read_bytes() == before and register.read(content) == []


def test_editing_a_published_document_registers_a_correction(content: Path) -> None:
    archive = load_archive(content)
    doc = archive.documents["2021-05-02"]
    opened = edit.open_document(content, archive, doc.id)
    edit.review_document(content, archive, doc.id, opened.sha256, Status.PUBLISHED, "李审核")
    opened = edit.open_document(content, load_archive(content), doc.id)
    metadata = edit.metadata_of(opened.doc)
    changed = edit.save_document(content, load_archive(content), doc.id, opened.sha256, metadata,
                                 opened.doc.body.replace("船舶", "船舶 ", 1) + "\n补一段。\n", "王编辑", "漏印一段")
    assert changed == ("text",)
    actions = [(e.action, e.by) for e in register.read(content)]
    assert actions == [(register.Action.PUBLISH, "李审核"), (register.Action.CORRECT, "王编辑")]
    assert load_archive(content).documents[doc.id].status is Status.PUBLISHED


# ---------------------------------------------------------------- review

def test_not_public_needs_the_override_and_a_reason(content: Path) -> None:
    client = _client(content)
    html = client.get("/doc/2021-05-03").get_data(as_text=True)
    data = {"csrf_token": _token(html), "sha": _sha(html), "action": "publish"}
    refused = client.post("/doc/2021-05-03/review", data=data)
    assert refused.status_code == 409 and "不予公开" in refused.get_data(as_text=True)
    assert load_archive(content).documents["2021-05-03"].status is Status.DRAFT
    done = client.post("/doc/2021-05-03/review", data=data | {"override": "yes", "reason": "经办公会研究决定公开"})
    assert done.status_code == 302
    (entry,) = register.read(content)
    assert entry.override and entry.reason == "经办公会研究决定公开"


def test_two_person_rule_in_the_desk(content: Path) -> None:
    from gazette.archive.review import Rules

    client = _client(content, rules=Rules(two_person=True))
    assert client.post("/doc/2021-05-02/save", data=_form(client, "2021-05-02", issuer="山东省政府")).status_code == 302
    html = client.get("/doc/2021-05-02").get_data(as_text=True)
    refused = client.post("/doc/2021-05-02/review", data={"csrf_token": _token(html), "sha": _sha(html), "action": "publish"})
    assert refused.status_code == 409 and "two-person" in refused.get_data(as_text=True)
    other = _client(content, by="李审核", rules=Rules(two_person=True))
    html = other.get("/doc/2021-05-02").get_data(as_text=True)
    assert other.post("/doc/2021-05-02/review", data={"csrf_token": _token(html), "sha": _sha(html), "action": "publish"}).status_code == 302


def test_a_review_of_a_changed_file_is_refused(content: Path) -> None:
    archive = load_archive(content)
    opened = edit.open_document(content, archive, "2021-05-02")
    set_field(opened.path, "disclosure", "on_request")
    with pytest.raises(edit.StaleError):
        edit.review_document(content, archive, "2021-05-02", opened.sha256, Status.PUBLISHED, "李审核")
    assert load_archive(content).documents["2021-05-02"].status is Status.DRAFT


# ---------------------------------------------------------------- conflicts

def _conflict(content: Path) -> Path:
    path = content / "2021-05" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: 编辑改过的", 1), encoding="utf-8")
    pdf = content / "2021-05" / "2021-05.pdf"
    report = write_results(content, [(ingest_pdf(pdf), pdf)])
    assert (path, path.with_name("02.md.new")) in report.conflicts
    return path


@pytest.mark.parametrize("choice", ["mine", "new", "merged"])
def test_a_conflict_is_resolved_and_nothing_deleted(content: Path, choice: str) -> None:
    path = _conflict(content)
    new_path = path.with_name("02.md.new")
    mine, new = path.read_bytes(), new_path.read_bytes()
    archive = load_archive(content)
    merged = new.decode().replace("title: ", "title: 合并后的", 1)
    moved = edit.resolve_conflict(content, archive, "2021-05-02", choice, edit.file_sha(mine), edit.file_sha(new),
                                  "王编辑", merged)
    assert not new_path.exists() and moved.read_bytes() == new and moved.is_relative_to(content / ".gazette" / "resolved")
    expected = {"mine": mine, "new": new, "merged": merged.encode()}[choice]
    assert path.read_bytes() == expected
    (entry,) = register.read(content)
    assert entry.action is register.Action.RESOLVE and entry.reason == edit.RESOLUTIONS[choice]


def test_a_broken_merge_is_refused(content: Path) -> None:
    path = _conflict(content)
    mine, new = path.read_bytes(), path.with_name("02.md.new").read_bytes()
    with pytest.raises(Exception, match="front matter"):
        edit.resolve_conflict(content, load_archive(content), "2021-05-02", "merged", edit.file_sha(mine),
                              edit.file_sha(new), "王编辑", "no front matter at all")
    assert path.read_bytes() == mine and path.with_name("02.md.new").exists()


def test_the_conflict_page_shows_a_side_by_side_diff(content: Path) -> None:
    _conflict(content)
    client = _client(content)
    assert 'href="/conflict/2021-05-02"' in client.get("/").get_data(as_text=True)
    html = client.get("/conflict/2021-05-02").get_data(as_text=True)
    assert 'class="diff"' in html and "编辑改过的" in html and 'class="diff_sub"' in html


# ---------------------------------------------------------------- who may do what

def test_csrf_less_posts_are_rejected(content: Path) -> None:
    client = _client(content)
    before = (content / "2021-05" / "02.md").read_bytes()
    form = _form(client, "2021-05-02", title="伪造的标题")
    del form["csrf_token"]
    response = client.post("/doc/2021-05-02/save", data=form)
    assert response.status_code == 400 and "CSRF" in response.get_data(as_text=True)
    assert (content / "2021-05" / "02.md").read_bytes() == before


@pytest.mark.parametrize("url", ["/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/conflict/..%2Fissue",
                                 "/page/..%2F..%2Fetc/1.webp", "/page/2021-05/999.webp", "/static/../../etc/passwd",
                                 "/doc/2021-05-02%00"])
def test_paths_outside_content_are_rejected(content: Path, url: str) -> None:
    response = _client(content).get(url)
    assert response.status_code in (400, 404) and b"root:" not in response.data


def test_page_images_are_rendered_from_the_issue_pdf(content: Path) -> None:
    response = _client(content).get("/page/2021-05/3.webp")
    assert response.status_code == 200 and response.mimetype == "image/webp" and response.data[8:12] == b"WEBP"


def test_accounts_are_required_once_they_exist(content: Path) -> None:
    path = accounts.accounts_path(content)
    accounts.add(path, "李审核", accounts.Role.REVIEWER, "correct horse battery")
    accounts.add(path, "王编辑", accounts.Role.EDITOR, "another long password")
    assert "correct horse" not in path.read_text(encoding="utf-8") and "scrypt" in path.read_text(encoding="utf-8")
    client = _client(content, by="")
    assert client.get("/doc/2021-05-02").status_code == 302
    login = client.get("/login").get_data(as_text=True)
    wrong = client.post("/login", data={"csrf_token": _token(login), "name": "王编辑", "password": "wrong password"})
    assert wrong.status_code == 401
    client.post("/login", data={"csrf_token": _token(login), "name": "王编辑", "password": "another long password"})
    html = client.get("/doc/2021-05-02").get_data(as_text=True)
    assert "王编辑 · 编辑" in html and 'id="review-form"' not in html
    refused = client.post("/doc/2021-05-02/review", data={"csrf_token": _token(html), "sha": _sha(html), "action": "publish"})
    assert refused.status_code == 409 and "只有审核人员" in refused.get_data(as_text=True)
    assert load_archive(content).documents["2021-05-02"].status is Status.DRAFT


def test_a_local_desk_refuses_other_hosts(content: Path) -> None:
    client = _client(content)
    assert client.get("/", headers={"Host": "evil.example:8010"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8010"}).status_code == 200


def test_serving_a_network_needs_accounts(content: Path) -> None:
    result = CliRunner().invoke(cli, ["desk", "--content", str(content), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "gazette accounts add" in result.output


def test_accounts_command_hashes_the_password(content: Path) -> None:
    result = CliRunner().invoke(cli, ["accounts", "add", "赵审核", "--role", "reviewer", "--password-stdin", "--content", str(content)],
                                input="a long enough password\n")
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(cli, ["accounts", "list", "--content", str(content)])
    assert listed.output == "赵审核\treviewer\n"
    short = CliRunner().invoke(cli, ["accounts", "add", "钱", "--password-stdin", "--content", str(content)], input="short\n")
    assert short.exit_code == 2 and "too short" in short.output


def test_pdf_text_is_escaped_in_the_desk(content: Path) -> None:
    path = content / "2021-05" / "02.md"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: <script>alert(1)</script>", 1), encoding="utf-8")
    html = _client(content).get("/doc/2021-05-02").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_low_confidence_ocr_lines_are_highlighted(scan_mini, tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_results(content, [(scan_mini, RESOURCES / "scan-mini.pdf")])
    doc = load_archive(content).documents["2021-05-02"]
    line = doc.body.split("\n\n")[2].strip()[:12]
    path = content / "2021-05" / "02.md"  # a line to check, as ingest writes them
    path.write_text(path.read_text(encoding="utf-8").replace(
        "check: []", f"check:\n  - page: 3\n    line: {line}\n    why: low confidence (0.61)", 1), encoding="utf-8")
    html = _client(content).get(f"/doc/{doc.id}").get_data(as_text=True)
    assert 'id="ocr-checks"' in html and f'class="flag" title="low confidence (0.61)"><mark>' in html
    assert 'id="warnings"' in html  # the ingest warnings of its pages


def test_refused_error_is_a_refusal() -> None:
    assert issubclass(edit.StaleError, RefusedError)


def test_a_restarted_desk_accepts_the_form_opened_before(content: Path) -> None:
    """The signing key is kept in content/.gazette/desk.key: an editor's open form
    still saves after the desk was restarted."""
    first = _client(content)
    form = _form(first, "2021-05-02", issuer="山东省人民政府办公厅")
    cookie = first.get_cookie("session")
    second = _client(content)
    second.set_cookie("session", cookie.value)
    assert second.post("/doc/2021-05-02/save", data=form).status_code == 302
    key = content / ".gazette" / "desk.key"
    assert key.stat().st_mode & 0o077 == 0 and len(key.read_bytes()) == 32
    assert "desk.key" in (key.parent / ".gitignore").read_text(encoding="utf-8").splitlines()
