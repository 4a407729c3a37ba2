"""Scanned issues through the real renderer, the real OCR engine and the real splitter.

Expected values come from the generator's truth for mini-issue.pdf (the born-digital
issue that scan-mini.pdf is a scan of), never from the OCR output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rapidfuzz.distance import Levenshtein

from gazette.cli import cli
from gazette.errors import ExitCode
from gazette.ingest import ingest_pdf
from gazette.models import TextSource
from gazette.ocr import OcrOptions, ocr_pages
from gazette.ocr.engine import check_models, engine_id
from gazette.pdf import file_sha256
from gazette.structure import body_to_text, parse_body

RESOURCES = Path(__file__).parent / "resources"
SCANS = RESOURCES / "scans"
TRUTH = json.loads((RESOURCES / "mini-issue.truth.json").read_text(encoding="utf-8"))
FIELDS = ["title", "kind", "doc_number", "issuer", "signed_date", "effective_date", "section"]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_default_models_ship_in_the_wheel() -> None:
    names = [p.name for p in check_models()]
    assert any("_det_" in n for n in names) and any("_rec_" in n for n in names)
    assert engine_id().startswith("rapidocr-3.10.0+")


def test_scan_splits_like_the_born_digital_issue(scan_mini) -> None:
    got = [{f: (d.kind.value if f == "kind" else getattr(d, f)) for f in FIELDS} | {"pdf_pages": list(d.source.pdf_pages)}
           for d in scan_mini.documents]
    want = [{f: d[f] for f in FIELDS + ["pdf_pages"]} for d in TRUTH["documents"]]
    assert got == want
    assert scan_mini.issue.meta.year == TRUTH["cover"]["year"] and scan_mini.issue.meta.number == TRUTH["cover"]["number"]


def test_scan_text_is_close_to_the_printed_text(scan_mini) -> None:
    errors = chars = 0
    for doc, want in zip(scan_mini.documents, TRUTH["documents"]):
        errors += Levenshtein.distance(_squeeze(body_to_text(doc.body)), _squeeze(want["text"]))
        chars += len(_squeeze(want["text"]))
    assert errors / chars < 0.01


def test_scan_keeps_article_anchors_and_page_numbers(scan_mini) -> None:
    regulation = scan_mini.documents[0]
    anchors = [b.anchor for b in parse_body(regulation.body) if b.kind == "article"]
    assert anchors[:3] == ["第一条", "第二条", "第三条"]
    assert [p.printed_number for p in scan_mini.pages[2:7]] == [1, 2, 3, 4, 5]
    assert {p.source for p in scan_mini.pages} == {TextSource.OCR}


def test_every_document_says_it_was_recognised(scan_mini) -> None:
    for doc in scan_mini.documents:
        assert doc.text_source is TextSource.OCR
        first, last = doc.source.pdf_pages
        assert doc.ocr.pages == tuple(range(first, last + 1))
        assert doc.ocr.engine == engine_id()
    assert [i for i, _ in scan_mini.page_images] == list(range(1, 8))
    assert all(image[:4] == b"RIFF" and image[8:12] == b"WEBP" and len(image) < 400_000 for _, image in scan_mini.page_images)


def test_mixed_pdf_ocrs_only_its_scanned_pages(ocr_cache: Path) -> None:
    result = ingest_pdf(RESOURCES / "mixed-issue.pdf", ocr=OcrOptions(cache_dir=ocr_cache))
    assert [p.source for p in result.pages] == [TextSource.TEXT_LAYER] * 3 + [TextSource.OCR] * 2 + [TextSource.TEXT_LAYER] * 2
    assert [d.title for d in result.documents] == [d["title"] for d in TRUTH["documents"]]
    by_title = {d.title: d for d in result.documents}
    assert by_title[TRUTH["documents"][0]["title"]].ocr is None  # printed on page 3 only
    assert by_title[TRUTH["documents"][1]["title"]].ocr.pages == (4,)  # pages 3-4


def test_reingest_is_served_from_the_cache(scan_mini, ocr_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gazette.ocr.run as run

    def no_engine(*_args, **_kwargs):
        raise AssertionError("a cached page was recognised again")

    monkeypatch.setattr(run, "_local_task", no_engine)
    again = ingest_pdf(RESOURCES / "scan-mini.pdf", ocr=OcrOptions(cache_dir=ocr_cache, jobs=1))
    assert again.documents == scan_mini.documents


def test_without_ocr_a_scan_is_refused_with_a_hint() -> None:
    result = CliRunner().invoke(cli, ["ingest", str(RESOURCES / "image-only.pdf"), "--no-ocr", "--content", "/nonexistent/x"])
    assert result.exit_code == ExitCode.NO_TEXT
    assert "image-only.pdf" in result.output and "OCR" in result.output


def test_cli_writes_ocr_front_matter_and_page_images(tmp_path: Path, ocr_cache: Path) -> None:
    content = tmp_path / "content"
    result = CliRunner().invoke(cli, ["ingest", str(RESOURCES / "scan-mini.pdf"), "--content", str(content),
                                      "--ocr-cache", str(ocr_cache)])
    assert result.exit_code == 0, result.output
    issue = content / "2021-05"
    assert sorted(p.name for p in (issue / "pages").iterdir()) == [f"p{i:04d}.webp" for i in range(1, 8)]
    text = (issue / "01.md").read_text(encoding="utf-8")
    assert "text_source: ocr" in text and "engine: rapidocr-" in text
    listed = CliRunner().invoke(cli, ["ocr-check", "--content", str(content), "--all", "--json"])
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["id"] for r in rows} == {f"2021-05-0{i}" for i in range(1, 6)}
    assert [r["to_check"] for r in rows] == sorted((r["to_check"] for r in rows), reverse=True)


def _warnings(result) -> list[str]:
    return [str(w) for w in result.warnings]


@pytest.mark.parametrize("name, expected", [
    ("blank-page.pdf", ["(PDF page 2): blank page"]),
    ("corrupt-image.pdf", ["(PDF page 2): its scan image is damaged"]),
    ("upside-down.pdf", ["(PDF page 1): scanned upside down", "(PDF page 2): scanned upside down"]),
    ("sideways.pdf", ["(PDF page 1): scanned sideways", "(PDF page 3): scanned sideways"]),
    ("skewed.pdf", ["(PDF page 1): skewed by", "(PDF page 2): skewed by"]),
    ("coarse-72dpi.pdf", ["(PDF page 2): scanned at 72 dpi, too coarse to trust"]),
])
def test_bad_scans_are_named_and_still_read(name: str, expected: list[str], ocr_cache: Path) -> None:
    result = ingest_pdf(SCANS / name, ocr=OcrOptions(cache_dir=ocr_cache))
    warnings = _warnings(result)
    for want in expected:
        assert any(want in w and name in w for w in warnings), (want, warnings)
    assert result.documents and all(d.body.strip() for d in result.documents)


def test_turned_pages_are_read_upright(ocr_cache: Path) -> None:
    for name in ("upside-down.pdf", "sideways.pdf"):
        result = ingest_pdf(SCANS / name, ocr=OcrOptions(cache_dir=ocr_cache))
        text = _squeeze("".join(body_to_text(d.body) for d in result.documents))
        assert "环境保护主管部门" in text and "查封、扣押" in text, name


def test_coarse_scan_lists_every_line_for_checking(ocr_cache: Path) -> None:
    result = ingest_pdf(SCANS / "coarse-72dpi.pdf", ocr=OcrOptions(cache_dir=ocr_cache))
    assert all(d.ocr.check for d in result.documents)


def test_a3_page_at_600_dpi_is_rendered_within_bounds(ocr_cache: Path) -> None:
    from gazette.ocr.render import MAX_PIXELS, render_page

    rendered = render_page(SCANS / "a3-600dpi.pdf", 1, 600)
    assert rendered.image.width * rendered.image.height <= MAX_PIXELS
    assert rendered.scan_dpi is not None and rendered.scan_dpi > 550
    result = ingest_pdf(SCANS / "a3-600dpi.pdf", ocr=OcrOptions(cache_dir=ocr_cache))
    assert "查封" in body_to_text(result.documents[0].body)


def test_dask_cluster_gives_the_same_pages(tmp_path: Path, ocr_cache: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pdf = SCANS / "skewed.pdf"
    local = ocr_pages(pdf, file_sha256(pdf), [1, 2], OcrOptions(cache_dir=ocr_cache))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = ocr_pages(pdf, file_sha256(pdf), [1, 2], OcrOptions(cache_dir=tmp_path / "c", scheduler=cluster.scheduler_address))
    assert [r.page.lines for r in remote.values()] == [r.page.lines for r in local.values()]
    assert all(r.image for r in remote.values())


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    pdf = SCANS / "skewed.pdf"
    result = CliRunner().invoke(cli, ["ingest", str(pdf), "--content", str(tmp_path / "c"), "--no-ocr-cache",
                                      "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code != 0
    assert "Dask scheduler at tcp://127.0.0.1:1" in result.output


def test_an_interrupted_run_resumes_with_the_pages_left(tmp_path: Path, ocr_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gazette.ocr.run as run
    from gazette.ocr.cache import OcrCache

    pdf = SCANS / "skewed.pdf"
    sha = file_sha256(pdf)
    done = ocr_pages(pdf, sha, [1, 2, 3], OcrOptions(cache_dir=ocr_cache))
    partial = OcrCache(tmp_path / "partial")  # as left by a run stopped after page 2
    for index in (1, 2):
        partial.put(sha, 200, done[index].page, done[index].image)
    asked: list[int] = []
    real_task = run._local_task

    def counting(path: str, index: int, dpi: float):
        asked.append(index)
        return real_task(path, index, dpi)

    monkeypatch.setattr(run, "_local_task", counting)
    resumed = ocr_pages(pdf, sha, [1, 2, 3], OcrOptions(cache_dir=tmp_path / "partial", jobs=1))
    assert asked == [3]
    assert [r.page.lines for r in resumed.values()] == [r.page.lines for r in done.values()]


def test_check_warnings_count_only_document_lines(scan_mini) -> None:
    """A low-confidence page number is no text to check: the warning counts the lines
    listed in the documents' ``ocr.check``, and is left out when there are none."""
    import re

    listed: dict[int, int] = {}
    for doc in scan_mini.documents:
        for check in doc.ocr.check if doc.ocr else ():
            listed[check.page] = listed.get(check.page, 0) + 1
    warned = {w.page: int(re.match(r"(\d+) lines? needs? checking", w.message).group(1))
              for w in scan_mini.warnings if "checking against the page image" in w.message}
    assert warned == listed
