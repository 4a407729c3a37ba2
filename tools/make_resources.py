"""Regenerate the small test inputs in tests/resources/ (``python tools/make_resources.py``).

Each file and what it is for is listed in tests/resources/README.md.
"""

from __future__ import annotations

import io
import random
import sys
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "resources"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)

sys.path.insert(0, str(ROOT))


def _pdf() -> FPDF:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_font("wqy", "", FONT)
    pdf.set_creation_date(EPOCH)
    return pdf


def one_page_pdf() -> bytes:
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("wqy", size=12)
    pdf.text(20, 30, "山东省人民政府公报（合成样例）")
    return bytes(pdf.output())


def zero_pages() -> bytes:
    """A syntactically valid PDF whose page tree is empty (written by hand)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted() -> bytes:
    """Encrypted with a user password; the file ID pypdf draws at random is fixed so the
    bytes are the same on every run."""
    import pypdf._writer as pypdf_writer

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(one_page_pdf())))
    real = pypdf_writer.secrets.token_bytes
    pypdf_writer.secrets.token_bytes = lambda n: bytes(range(n))  # type: ignore[assignment]
    try:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    finally:
        pypdf_writer.secrets.token_bytes = real  # type: ignore[assignment]
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_only() -> bytes:
    """A 'scanned' issue: two pages, each only a bitmap of rendered gazette text (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 18)
    big = ImageFont.truetype(FONT, 30)
    pages = [
        [("山东省人民政府公报", big), ("2021年第5期（总第448期）", font), ("合成样例（synthetic）扫描件", font),
         ("山东省人民政府办公厅主办", font), ("2021年3月10日", font)],
        [("山东省人民政府关于加强扫描件管理的通知", font), ("鲁政发〔2021〕5号", font),
         ("各市人民政府，省政府各部门：", font), ("　　本页只是一幅图片，没有文字层，需要先做文字识别。", font),
         ("山东省人民政府", font), ("2021年3月1日", font)],
    ]
    pdf = _pdf()
    for lines in pages:
        image = Image.new("L", (620, 880), 255)
        draw = ImageDraw.Draw(image)
        y = 60
        for text, face in lines:
            width = draw.textlength(text, font=face)
            draw.text(((620 - width) / 2, y), text, font=face, fill=0)
            y += 70 if face is big else 48
        png = io.BytesIO()
        image.convert("1").save(png, format="PNG", optimize=True)
        pdf.add_page()
        pdf.image(io.BytesIO(png.getvalue()), x=20, y=20, w=170)
    return bytes(pdf.output())


def mini_issue() -> None:
    """A tiny but complete issue: cover, 目录 and three short documents."""
    from tools.synth import documents as D
    from tools.synth.build import make_issue
    from tools.synth.corpus import load

    sources = load()
    rng = random.Random(7)
    make_issue(OUT, "mini-issue", sources, rng, gazette=D.GAZETTES[0], template_index=0, year=2021, number=5,
               n_docs=4, budget=300)


def hostile_issue() -> None:
    """``hostile-issue.pdf``: 2023年第4期, a short issue whose notice carries HTML, Jinja
    and Markdown syntax in its title and text (test-only content, kept out of samples/)."""
    from tools.synth.build import make_hostile_issue
    from tools.synth.corpus import load

    make_hostile_issue(OUT, load())


def scanned_mini() -> None:
    """``scan-mini.pdf``: mini-issue.pdf as an office scan (200 dpi, skew, blur, noise,
    JPEG 60); ``scans/coarse-72dpi.pdf``: its cover and first body page at 72 dpi;
    ``mixed-issue.pdf``: mini-issue.pdf with its PDF pages 4 and 5 replaced by
    those scanned pages (a born-digital issue with two scanned pages)."""
    import numpy as np
    import pypdfium2 as pdfium

    from bench.make_scans import ImagePdfWriter, jpeg_page, make_rng, office_scan, render_gray

    source = pdfium.PdfDocument(str(OUT / "mini-issue.pdf"))
    (OUT / "scans").mkdir(exist_ok=True)
    with ImagePdfWriter(OUT / "scan-mini.pdf") as writer:
        for index in range(len(source)):
            page = source[index]
            grey, _ = office_scan(render_gray(page, 200), 200, make_rng("scan-mini", index))
            writer.add_page(jpeg_page(np.ascontiguousarray(grey), 60, 200, page.get_size()))
    with ImagePdfWriter(OUT / "scans" / "coarse-72dpi.pdf") as writer:
        for index in (0, 2):
            page = source[index]
            writer.add_page(jpeg_page(render_gray(page, 72), 75, 72, page.get_size()))
    scanned = PdfReader(OUT / "scan-mini.pdf")
    born = PdfReader(OUT / "mini-issue.pdf")
    mixed = PdfWriter()
    for index, page in enumerate(born.pages, start=1):
        mixed.add_page(scanned.pages[index - 1] if index in (4, 5) else page)
    mixed.add_metadata({"/Producer": "gazette tools/make_resources.py"})
    with (OUT / "mixed-issue.pdf").open("wb") as fh:
        mixed.write(fh)


def broken_scans() -> None:
    """Deliberately bad scans in ``scans/`` (blank page, corrupt image, A3 at 600 dpi,
    upside down, sideways, skewed), made by ``bench/make_scans.py --broken``."""
    import subprocess

    subprocess.run([sys.executable, str(ROOT / "bench" / "make_scans.py"), "--broken", str(OUT / "scans")],
                   check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    good = one_page_pdf()
    files = {
        "not-a-pdf.pdf": "这不是 PDF 文件，只是改了扩展名的文本。\n".encode("utf-8"),
        "empty.pdf": b"",
        "truncated.pdf": good[: len(good) // 2],
        "encrypted.pdf": encrypted(),
        "zero-pages.pdf": zero_pages(),
        "image-only.pdf": image_only(),
    }
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    mini_issue()
    hostile_issue()
    scanned_mini()
    broken_scans()
    for path in sorted(OUT.rglob("*.pdf")):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
