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
