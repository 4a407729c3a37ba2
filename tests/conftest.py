"""Shared fixtures: paths to the test resources and to the shared real material."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Who acts, for the publication register, on machines whose user has no login name
# (containers); tests that check the signature pass --by themselves.
os.environ.setdefault("GAZETTE_USER", "pytest")

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "tests" / "resources"
SHARED = Path(os.environ.get("GAZETTE_SHARED", ROOT.parent / "shared"))
REAL_PDF = SHARED / "official-pdfs-real" / "lianfang-zongfa-2022-71-xinguan-fangkong-fangan-9.pdf"


@pytest.fixture(scope="session")
def real_pdf() -> Path:
    """The real born-digital government PDF kept beside the project (../shared)."""
    if not REAL_PDF.exists():
        pytest.skip(f"{REAL_PDF} is not present; set GAZETTE_SHARED to the folder holding official-pdfs-real/")
    return REAL_PDF


SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def sample_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three sample issues and tests/resources/hostile-issue.pdf (2023-04, whose
    2023-04-02 carries HTML, Jinja and Markdown syntax) ingested through the real
    pipeline; all published except 2023-01-02 (left a draft) and 2023-03-02 (withheld:
    not for public release)."""
    from gazette.content import load_archive, set_status, write_results
    from gazette.ingest import ingest_pdf
    from gazette.models import Status

    content = tmp_path_factory.mktemp("sample") / "content"
    pdfs = sorted(SAMPLES.glob("*.pdf")) + [RESOURCES / "hostile-issue.pdf"]
    write_results(content, [(ingest_pdf(pdf), pdf) for pdf in pdfs])
    archive = load_archive(content)
    for doc_id, path in archive.paths.items():
        if doc_id == "2023-03-02":
            set_status(path, Status.WITHHELD)
        elif doc_id != "2023-01-02":
            set_status(path, Status.PUBLISHED)
    return content


@pytest.fixture(scope="session")
def built_site(sample_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real `gazette build` (MkDocs and the search index) of the sample archive."""
    from gazette.site import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    build_site(sample_content, site, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    return site


@pytest.fixture(scope="session")
def desk_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mini-issue.pdf ingested through the real pipeline for the desk tests (copy it
    before changing anything); 2021-05-03 marked 不予公开."""
    from gazette.content import set_field, write_results
    from gazette.ingest import ingest_pdf

    mini = RESOURCES / "mini-issue.pdf"
    content = tmp_path_factory.mktemp("desk-source") / "content"
    write_results(content, [(ingest_pdf(mini), mini)])
    set_field(content / "2021-05" / "03.md", "disclosure", "not_public")
    return content


@pytest.fixture(scope="session", autouse=True)
def _private_ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The CLI's default OCR cache (~/.cache/gazette) is never touched by the tests."""
    os.environ["GAZETTE_CACHE"] = str(tmp_path_factory.mktemp("gazette-cache"))


@pytest.fixture(scope="session")
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One OCR cache shared by the OCR tests, so each scanned page is recognised once."""
    return tmp_path_factory.mktemp("ocr-cache")


@pytest.fixture(scope="session")
def scan_mini(ocr_cache: Path):
    """tests/resources/scan-mini.pdf (an office scan of mini-issue.pdf) ingested with OCR."""
    from gazette.ingest import ingest_pdf
    from gazette.ocr import OcrOptions

    return ingest_pdf(RESOURCES / "scan-mini.pdf", ocr=OcrOptions(cache_dir=ocr_cache))


@pytest.fixture(scope="session")
def scan_site(scan_mini, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """scan-mini.pdf ingested with OCR, all published but 2021-05-04 (a draft alone on
    PDF page 6), built into a real site."""
    from gazette.content import load_archive, set_status, write_results
    from gazette.models import Status
    from gazette.site import build_site

    root = tmp_path_factory.mktemp("scan-site")
    content = root / "content"
    write_results(content, [(scan_mini, RESOURCES / "scan-mini.pdf")])
    for doc_id, path in load_archive(content).paths.items():
        if doc_id != "2021-05-04":
            set_status(path, Status.PUBLISHED)
    site = root / "site"
    build_site(content, site, ROOT / "mkdocs.yml", "https://gazette.example.org/")
    return site
