"""The content commands through the real CLI: ingest, export, publish, editors' edits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazette.cli import cli
from gazette.errors import ExitCode


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, real_pdf: Path) -> tuple[Path, Path]:
    """One real PDF and one non-PDF ingested together into a fresh content folder."""
    root = tmp_path_factory.mktemp("cli")
    pdf = root / "real.pdf"
    shutil.copy(real_pdf, pdf)
    bogus = root / "notes.pdf"
    bogus.write_text("this is not a PDF\n", encoding="utf-8")
    content = root / "content"
    result = CliRunner().invoke(cli, ["ingest", str(bogus), str(pdf), "--content", str(content)])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "notes.pdf" in result.output and "not a PDF" in result.output
    assert "summary: 1 of 2 PDFs ingested, 1 failed" in result.output
    return pdf, content


def _export(content: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["export", "--content", str(content), *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_export_fields(ingested: tuple[Path, Path]) -> None:
    _, content = ingested
    (record,) = _export(content, "--include-drafts")
    assert set(record) == {"id", "issue", "title", "kind", "doc_number", "issuer", "signed_date",
                           "effective_date", "section", "source", "text", "status", "validity", "relations"}
    assert set(record["issue"]) == {"id", "name", "year", "number", "date"}
    assert record["doc_number"] == "联防联控机制综发〔2022〕71号"
    assert record["source"]["pdf_pages"] == [1, 159]
    assert record["status"] == "draft"
    assert record["validity"] in ("in_force", "not_yet_effective", "expired") and isinstance(record["relations"], list)
    assert "\n" in record["text"] and "2022 年 6 月27 日" in record["text"]


def test_publish_then_published_only(ingested: tuple[Path, Path], tmp_path: Path) -> None:
    _, content = ingested
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    assert _export(copy) == []
    result = CliRunner().invoke(cli, ["publish", "--all", "--content", str(copy)])
    assert result.exit_code == 0, result.output
    assert [r["status"] for r in _export(copy)] == ["published"]
    doc_id = _export(copy)[0]["id"]
    refused = CliRunner().invoke(cli, ["publish", doc_id, "--status", "withheld", "--content", str(copy)])
    assert refused.exit_code == 10 and "--reason" in refused.output  # a withdrawal says why
    assert len(_export(copy)) == 1
    CliRunner().invoke(cli, ["publish", doc_id, "--status", "withheld", "--reason", "误登", "--content", str(copy)])
    assert _export(copy) == []  # withheld never leaves content/
    assert _export(copy, "--include-drafts") == []


def test_reingest_keeps_editor_changes(ingested: tuple[Path, Path], tmp_path: Path) -> None:
    pdf, content = ingested
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    (doc_file,) = sorted(copy.glob("*/[0-9]*.md"))
    edited = doc_file.read_text(encoding="utf-8").replace("关于印发", "关于印发（编辑已校对）", 1)
    doc_file.write_text(edited, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(pdf), "--content", str(copy)])
    assert result.exit_code == ExitCode.EDITOR_CONFLICT, result.output
    assert doc_file.read_text(encoding="utf-8") == edited
    beside = doc_file.with_name(doc_file.name + ".new")
    assert beside.exists() and "编辑已校对" not in beside.read_text(encoding="utf-8")
    forced = CliRunner().invoke(cli, ["ingest", str(pdf), "--content", str(copy), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "编辑已校对" not in doc_file.read_text(encoding="utf-8")
    assert not beside.exists(), "the stale .md.new must go once the file is overwritten"


def test_ingest_is_deterministic(ingested: tuple[Path, Path], tmp_path: Path) -> None:
    pdf, content = ingested
    again = tmp_path / "content"
    assert CliRunner().invoke(cli, ["ingest", str(pdf), "--content", str(again)]).exit_code == 0
    files = sorted(p.relative_to(content) for p in content.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (content / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_missing_content_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--content", str(tmp_path / "nope")])
    assert result.exit_code != 0
    assert "nope" in result.output and "Traceback" not in result.output


def test_every_command_help_ends_with_an_example() -> None:
    for name, command in cli.commands.items():
        help_text = CliRunner().invoke(cli, [name, "--help"]).output
        assert "Example:" in help_text, name


def test_export_is_public_only_by_default(ingested: tuple[Path, Path]) -> None:
    _, content = ingested
    assert _export(content) == []  # the ingested document is a draft
    assert [r["status"] for r in _export(content, "--include-drafts")] == ["draft"]
    help_text = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "--include-drafts" in help_text and "published" in help_text


def test_ingest_warns_once_about_removed_control_characters(tmp_path: Path) -> None:
    from handmade import text_layer_pdf

    pdf = text_layer_pdf(tmp_path / "ctl.pdf", "关于开展测试工作的通知\n第一条　为了测试\x00，制定本办法\ud800。\n第二条　本办法自公布之日起施行\x07。")
    content = tmp_path / "content"
    result = CliRunner().invoke(cli, ["ingest", str(pdf), "--content", str(content), "--no-ocr"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:") and "control" in line]
    assert len(warnings) == 1 and "ctl.pdf" in warnings[0] and "PDF page 1" in warnings[0]
    assert "Traceback" not in result.output
    assert all(b"\x00" not in path.read_bytes() for path in content.rglob("*.md"))
