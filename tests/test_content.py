"""Tests for content/: round trips, editors' work kept, status changes."""

from pathlib import Path

import pytest

from gazette.content import load_archive, parse_file, set_status, write_results
from gazette.errors import ContentError
from gazette.models import Document, IngestResult, Issue, IssueMeta, Kind, SourceRef, Status
from gazette.structure import body_to_text, text_to_body


def _result(tmp_path: Path, body_text: str = "第一条　正文。") -> tuple[IngestResult, Path]:
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(b"%PDF-1.4 fake bytes for copying only\n%%EOF\n")
    source = SourceRef("2023-01.pdf", "ab" * 32, (3, 4), (1, 2))
    doc = Document(
        id="2023-01-01", issue_id="2023-01", seq=1, title="山东省某某办法", kind=Kind.REGULATION,
        doc_number="山东省人民政府令第1号", issuer="山东省人民政府", signed_date="2023-01-05",
        effective_date=None, section="省政府规章", source=source,
        body=text_to_body(["山东省某某办法", body_text, "# 不是标题: {{ x }}"]),
    )
    issue = Issue("2023-01", IssueMeta("山东省人民政府公报", 2023, 1, 500, "2023-01-10", "2023年第1期"),
                  "2023-01.pdf", "ab" * 32, 10, (), ("2023-01-01",))
    return IngestResult(issue, (doc,)), pdf


def test_round_trip(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    archive = load_archive(content)
    assert archive.issues == (result.issue,)
    assert archive.documents["2023-01-01"] == result.documents[0]
    assert (content / "2023-01" / "2023-01.pdf").read_bytes() == pdf.read_bytes()


def test_writing_twice_is_byte_identical(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    a, b = tmp_path / "a", tmp_path / "b"
    write_results(a, [(result, pdf)])
    write_results(b, [(result, pdf)])
    for path in sorted(a.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (b / path.relative_to(a)).read_bytes(), path


def test_editor_changes_are_kept_and_new_version_written_beside(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    doc_file = content / "2023-01" / "01.md"
    edited = doc_file.read_text(encoding="utf-8").replace("正文。", "编辑改正后的正文。")
    doc_file.write_text(edited, encoding="utf-8")

    new_result, _ = _result(tmp_path, "第一条　重新识别的正文。")
    report = write_results(content, [(new_result, pdf)])
    assert doc_file.read_text(encoding="utf-8") == edited
    beside = doc_file.with_name("01.md.new")
    assert report.conflicts == [(doc_file, beside)]
    assert "重新识别的正文" in beside.read_text(encoding="utf-8")
    assert len(load_archive(content).documents) == 1  # the .new file is not loaded

    write_results(content, [(new_result, pdf)], force=True)
    assert "重新识别的正文" in doc_file.read_text(encoding="utf-8")


def test_unedited_files_are_updated_and_foreign_files_left_alone(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    stale = content / "2023-01" / "02.md"
    stale.write_text((content / "2023-01" / "01.md").read_text(encoding="utf-8").replace("2023-01-01", "2023-01-02"), encoding="utf-8")
    new_result, _ = _result(tmp_path, "第一条　新正文。")
    report = write_results(content, [(new_result, pdf)])
    assert report.conflicts == []
    assert "新正文" in (content / "2023-01" / "01.md").read_text(encoding="utf-8")
    assert stale.exists()  # not written by Gazette, so it is an editor's file and stays


def test_set_status_touches_only_that_line(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    path = content / "2023-01" / "01.md"
    before = path.read_text(encoding="utf-8")
    assert set_status(path, Status.PUBLISHED)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("status: draft", "status: published")
    assert load_archive(content).documents["2023-01-01"].status is Status.PUBLISHED
    assert not set_status(path, Status.PUBLISHED)


def test_public_view_hides_drafts(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    assert load_archive(content).public().documents == {}


@pytest.mark.parametrize("text, needle", [
    ("no front matter\n", "no YAML front matter"),
    ("---\ntitle: [unclosed\n---\nbody\n", "invalid YAML"),
    ("---\nid: x\nissue: y\ntitle: t\nkind: law\n---\n", "kind"),
])
def test_malformed_files_name_the_file_and_the_fix(tmp_path: Path, text: str, needle: str) -> None:
    from gazette.content import document_from_file

    path = tmp_path / "01.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        document_from_file(path)
    assert str(path) in str(info.value) and needle in str(info.value)


def test_front_matter_parses_unquoted_dates(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\ndate: 2023-01-05\n---\nbody\n", encoding="utf-8")
    meta, body = parse_file(path)
    assert meta["date"] == "2023-01-05" and body == "body\n"


def test_files_no_longer_produced_are_removed_when_unedited(tmp_path: Path) -> None:
    from dataclasses import replace

    result, pdf = _result(tmp_path)
    second = replace(result.documents[0], id="2023-01-02", seq=2)
    two = IngestResult(replace(result.issue, document_ids=("2023-01-01", "2023-01-02")), (result.documents[0], second))
    content = tmp_path / "content"
    write_results(content, [(two, pdf)])
    assert (content / "2023-01" / "02.md").exists()
    report = write_results(content, [(result, pdf)])
    assert report.removed == [content / "2023-01" / "02.md"]
    assert not (content / "2023-01" / "02.md").exists()


def _written(tmp_path: Path) -> tuple[Path, Path]:
    result, pdf = _result(tmp_path)
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    return content, content / "2023-01" / "01.md"


def test_document_naming_an_unknown_issue_is_a_content_error(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("issue: 2023-01", "issue: 2099-09"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_archive(content)
    assert str(doc_file) in info.value.message and "issue" in info.value.message and "2099-09" in info.value.message


@pytest.mark.parametrize("old, new, field", [
    ("seq: 1", "seq: first", "seq"),
    ("seq: 1", "seq: [1]", "seq"),
    ("pdf_pages: [3, 4]", "pdf_pages: [three, 4]", "pdf_pages"),
    ("pdf_pages: [3, 4]", "pdf_pages: [3, {a: 1}]", "pdf_pages"),
])
def test_non_integer_numbers_are_content_errors(tmp_path: Path, old: str, new: str, field: str) -> None:
    from gazette.content import document_from_file

    _, doc_file = _written(tmp_path)
    text = doc_file.read_text(encoding="utf-8")
    assert old in text
    doc_file.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        document_from_file(doc_file)
    assert str(doc_file) in info.value.message and field in info.value.message


def test_issue_page_count_must_be_a_number(tmp_path: Path) -> None:
    from gazette.content import issue_from_file

    content, _ = _written(tmp_path)
    issue_file = content / "2023-01" / "issue.md"
    issue_file.write_text(issue_file.read_text(encoding="utf-8").replace("pages: 10", "pages: ten"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        issue_from_file(issue_file)
    assert str(issue_file) in info.value.message and "pages" in info.value.message


def test_duplicated_front_matter_key_is_refused(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("status: draft", "status: withheld\nstatus: published"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_archive(content)
    assert str(doc_file) in info.value.message and "'status'" in info.value.message and "twice" in info.value.message


def test_duplicated_nested_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("---\nsource:\n  file: a.pdf\n  file: b.pdf\n---\nbody\n", encoding="utf-8")
    with pytest.raises(ContentError, match="'file'"):
        parse_file(path)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    doc_file.write_bytes(b"\xef\xbb\xbf" + doc_file.read_bytes())
    assert load_archive(content).documents["2023-01-01"].title == "山东省某某办法"
    assert set_status(doc_file, Status.PUBLISHED)
    assert doc_file.read_bytes().startswith(b"\xef\xbb\xbf---\n")
    assert load_archive(content).documents["2023-01-01"].status is Status.PUBLISHED


def test_force_removes_the_stale_new_file(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content, doc_file = _written(tmp_path)
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("正文。", "编辑改正后的正文。"), encoding="utf-8")
    new_result, _ = _result(tmp_path, "第一条　重新识别的正文。")
    write_results(content, [(new_result, pdf)])
    beside = doc_file.with_name("01.md.new")
    assert beside.exists()
    report = write_results(content, [(new_result, pdf)], force=True)
    assert not beside.exists()
    assert beside in report.stale


def test_new_file_is_removed_when_the_new_version_equals_the_kept_file(tmp_path: Path) -> None:
    result, pdf = _result(tmp_path)
    content, doc_file = _written(tmp_path)
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("正文。", "编辑改正后的正文。"), encoding="utf-8")
    new_result, _ = _result(tmp_path, "第一条　编辑改正后的正文。")
    write_results(content, [(result, pdf)])
    beside = doc_file.with_name("01.md.new")
    assert beside.exists()
    write_results(content, [(new_result, pdf)])  # the PDF now says what the editor wrote
    assert not beside.exists()


def test_two_documents_with_the_same_seq_are_refused(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    other = doc_file.with_name("01-copy.md")
    other.write_text(doc_file.read_text(encoding="utf-8").replace("id: '2023-01-01'", "id: '2023-01-09'"), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_archive(content)
    message = info.value.message
    assert str(doc_file) in message and str(other) in message and "seq" in message


def _one_issue(tmp_path: Path) -> Path:
    """A content folder holding mini-issue.pdf, ingested (no OCR needed)."""
    from gazette.content import write_results
    from gazette.ingest import ingest_pdf

    pdf = Path(__file__).parent / "resources" / "mini-issue.pdf"
    content = tmp_path / "content"
    write_results(content, [(ingest_pdf(pdf), pdf)])
    return content


def test_issue_id_that_leaves_its_folder_is_refused(tmp_path: Path) -> None:
    from gazette.content import load_archive

    content = _one_issue(tmp_path)
    issue_md = content / "2021-05" / "issue.md"
    issue_md.write_text(issue_md.read_text(encoding="utf-8").replace("id: 2021-05", "id: ../../../X", 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_archive(content)
    assert "issue.md" in info.value.message and "not a valid id" in info.value.message


def test_document_id_must_be_a_plain_segment(tmp_path: Path) -> None:
    from gazette.content import load_archive

    content = _one_issue(tmp_path)
    doc = content / "2021-05" / "01.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("id: '2021-05-01'", "id: ../evil", 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_archive(content)
    assert "01.md" in info.value.message and "'../evil'" in info.value.message


def test_symlinked_content_file_is_refused_unless_allowed(tmp_path: Path) -> None:
    from gazette.content import load_archive

    content = _one_issue(tmp_path)
    doc = content / "2021-05" / "02.md"
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(doc.read_bytes())
    doc.unlink()
    doc.symlink_to(outside)
    with pytest.raises(ContentError) as info:
        load_archive(content)
    assert "02.md" in info.value.message and "symbolic link" in info.value.message
    with pytest.raises(ContentError):  # it also resolves outside content/
        load_archive(content, allow_symlinks=True)


def test_site_refuses_a_replaced_or_linked_issue_pdf(tmp_path: Path) -> None:
    from gazette.content import load_archive, set_status
    from gazette.models import Status
    from gazette.site import build_site

    content = _one_issue(tmp_path)
    for path in load_archive(content).paths.values():
        set_status(path, Status.PUBLISHED)
    pdf = content / "2021-05" / "2021-05.pdf"
    secret = tmp_path / "secret.txt"
    secret.write_text("host secret", encoding="utf-8")
    pdf.unlink()
    pdf.symlink_to(secret)
    config = Path(__file__).resolve().parents[1] / "mkdocs.yml"
    with pytest.raises(ContentError) as info:
        build_site(content, tmp_path / "site", config, "https://example.org/")
    assert "2021-05.pdf" in info.value.message and "symbolic link" in info.value.message
    pdf.unlink()
    pdf.write_bytes(b"%PDF-1.4 not the ingested file\n%%EOF\n")
    with pytest.raises(ContentError) as info:
        build_site(content, tmp_path / "site", config, "https://example.org/")
    assert "SHA-256 does not match" in info.value.message
    assert not (tmp_path / "site").exists()


def test_reingest_keeps_review_status_without_a_conflict(tmp_path: Path) -> None:
    """Publishing is review, not editing: re-ingesting the same issue keeps every status
    and reports no conflict (it used to reset published documents to draft, or with
    --force silently)."""
    result, pdf = _result(tmp_path)
    content, doc_file = _written(tmp_path)
    assert set_status(doc_file, Status.PUBLISHED)
    for force in (False, True):
        report = write_results(content, [(result, pdf)], force=force)
        assert report.conflicts == [] and report.returned == []
        assert load_archive(content).documents["2023-01-01"].status is Status.PUBLISHED


def test_published_document_whose_text_changed_returns_to_draft_loudly(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    assert set_status(doc_file, Status.PUBLISHED)
    changed, pdf = _result(tmp_path, "第一条　重新识别的正文。")
    report = write_results(content, [(changed, pdf)])
    assert report.conflicts == [] and report.returned == [doc_file]
    doc = load_archive(content).documents["2023-01-01"]
    assert doc.status is Status.DRAFT and "重新识别" in body_to_text(doc.body)


def test_withheld_document_stays_withheld_when_its_text_changes(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    assert set_status(doc_file, Status.WITHHELD)
    changed, pdf = _result(tmp_path, "第一条　重新识别的正文。")
    report = write_results(content, [(changed, pdf)])
    assert report.conflicts == [] and report.returned == []
    assert load_archive(content).documents["2023-01-01"].status is Status.WITHHELD


def test_force_over_an_edited_published_document_says_it_is_a_draft_again(tmp_path: Path) -> None:
    content, doc_file = _written(tmp_path)
    doc_file.write_text(doc_file.read_text(encoding="utf-8").replace("正文。", "编辑改正后的正文。"), encoding="utf-8")
    assert set_status(doc_file, Status.PUBLISHED)
    result, pdf = _result(tmp_path)
    assert write_results(content, [(result, pdf)]).conflicts  # an edit is still an edit
    report = write_results(content, [(result, pdf)], force=True)
    assert report.returned == [doc_file]
    assert load_archive(content).documents["2023-01-01"].status is Status.DRAFT
