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
    (record,) = _export(content)
    assert set(record) == {"id", "issue", "title", "kind", "doc_number", "issuer", "signed_date",
                           "effective_date", "section", "source", "text", "status"}
    assert set(record["issue"]) == {"id", "name", "year", "number", "date"}
    assert record["doc_number"] == "联防联控机制综发〔2022〕71号"
    assert record["source"]["pdf_pages"] == [1, 159]
    assert record["status"] == "draft"
    assert "\n" in record["text"] and "2022 年 6 月27 日" in record["text"]


def test_publish_then_published_only(ingested: tuple[Path, Path], tmp_path: Path) -> None:
    _, content = ingested
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    assert _export(copy, "--published-only") == []
    result = CliRunner().invoke(cli, ["publish", "--all", "--content", str(copy)])
    assert result.exit_code == 0, result.output
    assert [r["status"] for r in _export(copy, "--published-only")] == ["published"]
    doc_id = _export(copy)[0]["id"]
    CliRunner().invoke(cli, ["publish", doc_id, "--status", "withheld", "--content", str(copy)])
    assert _export(copy) == []  # withheld never leaves content/


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
