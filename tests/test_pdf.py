"""Tests for opening PDFs: every bad input gets a one-line error naming the file and the fix."""

from pathlib import Path

import pytest

from gazette.errors import EncryptedPdfError, ExitCode, InputFileError
from gazette.pdf import open_pdf

RESOURCES = Path(__file__).parent / "resources"


@pytest.mark.parametrize("name, error, code, needle", [
    ("not-a-pdf.pdf", InputFileError, ExitCode.INPUT_FILE, "not a PDF"),
    ("empty.pdf", InputFileError, ExitCode.INPUT_FILE, "empty"),
    ("truncated.pdf", InputFileError, ExitCode.INPUT_FILE, "truncated"),
    ("encrypted.pdf", EncryptedPdfError, ExitCode.ENCRYPTED, "password"),
    ("zero-pages.pdf", InputFileError, ExitCode.INPUT_FILE, "no pages"),
])
def test_bad_inputs(name: str, error: type, code: ExitCode, needle: str) -> None:
    path = RESOURCES / name
    with pytest.raises(error) as info:
        open_pdf(path)
    message = str(info.value)
    assert str(path) in message and needle in message
    assert "\n" not in message
    assert info.value.exit_code == code


def test_missing_file() -> None:
    with pytest.raises(InputFileError, match="no such file"):
        open_pdf(RESOURCES / "does-not-exist.pdf")


def test_real_pdf_opens_and_every_page_has_text(real_pdf: Path) -> None:
    pdf = open_pdf(real_pdf)
    assert pdf.page_count == 159
    assert pdf.sha256 == "be86db050081e8ecd3a992782607bf08d2d071f49506e697ff4aa044e5397f35"
    first = next(pdf.pages())
    assert "联防联控机制综发〔2022〕71号" in first.text


def _aes_pdf(tmp_path: Path, user_password: str) -> Path:
    from pypdf import PdfWriter

    from handmade import text_layer_pdf

    plain = text_layer_pdf(tmp_path / "plain.pdf", "关于加密文件的通知")
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password=user_password, owner_password="x", algorithm="AES-256")
    path = tmp_path / ("aes-user.pdf" if user_password else "aes.pdf")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_aes_encrypted_pdf_without_user_password_opens(tmp_path: Path) -> None:
    pdf = open_pdf(_aes_pdf(tmp_path, ""))
    assert pdf.page_count == 1
    assert "关于加密文件的通知" in next(pdf.pages()).text


def test_aes_encrypted_pdf_with_user_password_is_a_clear_error(tmp_path: Path) -> None:
    path = _aes_pdf(tmp_path, "secret")
    with pytest.raises(EncryptedPdfError) as info:
        open_pdf(path)
    assert str(path) in info.value.message and "password" in info.value.message
    assert "\n" not in info.value.message
    assert info.value.exit_code == ExitCode.ENCRYPTED


def test_cryptography_is_a_declared_dependency() -> None:
    import tomllib

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dep.replace(" ", "").startswith("cryptography>=42") for dep in project["dependencies"])


def test_control_characters_and_lone_surrogates_are_removed_from_the_text_layer(tmp_path: Path) -> None:
    from handmade import text_layer_pdf

    path = text_layer_pdf(tmp_path / "ctl.pdf", "第一条\t为了\x00测试\ud800，制定\x07本办法\x1b。\n第二条　施行。")
    (page,) = open_pdf(path).pages()
    assert page.text.startswith("第一条\t为了测试，制定本办法。\n第二条　施行。")
    assert not any(c in page.text for c in "\x00\ud800\x07\x1b")
    assert page.removed == 4


@pytest.mark.parametrize("padding", [b"\x00" * 4096, b" \r\n" * 1500, b"\n\x1a" + b"\x00" * 3000])
def test_valid_pdf_with_trailing_padding_opens(tmp_path: Path, padding: bytes) -> None:
    """Scanners and mailers pad files after %%EOF; the PDF is complete and must open."""
    source = Path(__file__).parent / "resources" / "mini-issue.pdf"
    path = tmp_path / "padded.pdf"
    path.write_bytes(source.read_bytes() + padding)
    assert open_pdf(path).page_count == open_pdf(source).page_count


def test_data_after_the_last_eof_is_still_truncation(tmp_path: Path) -> None:
    """An incremental update cut short leaves data after an earlier %%EOF: that file is
    incomplete, and reading its older revision silently would be wrong."""
    source = (Path(__file__).parent / "resources" / "mini-issue.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(source + b"\x00" * 3000 + b"5 0 obj\n<< /Type /Page /Parent 2 0 R")
    with pytest.raises(InputFileError, match="truncated"):
        open_pdf(path)
