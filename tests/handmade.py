"""Tiny PDFs built byte by byte inside a test (nothing committed): a text layer whose
ToUnicode map yields exactly the characters a test needs, control characters included."""

from __future__ import annotations

from pathlib import Path


def text_layer_pdf(path: Path, text: str) -> Path:
    """A one-page PDF whose extracted text is ``text`` (any code points, lone surrogates
    and NUL included): each distinct character gets a one-byte code in a ToUnicode CMap."""
    chars = sorted(set(text))
    assert len(chars) < 255, "at most 254 distinct characters"
    code = {c: i + 1 for i, c in enumerate(chars)}
    cmap_lines = "\n".join(f"<{code[c]:02X}> <{ord(c):04X}>" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test def\n"
        "/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        f"{len(chars)} beginbfchar\n{cmap_lines}\nendbfchar\nendcmap\n"
        "CMapName currentdict /CMap defineresource pop\nend\nend"
    ).encode()
    lines = text.split("\n")
    ops = ["BT /F1 12 Tf 14 TL 72 720 Td"]
    for line in lines:
        ops.append("<" + "".join(f"{code[c]:02X}" for c in line) + "> Tj T*")
    ops.append("ET")
    content = "\n".join(ops).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path
