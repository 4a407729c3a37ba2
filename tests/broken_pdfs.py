"""A corpus of broken PDFs made from a good one, for ``tests/test_fuzz.py`` and
``bench/bench_fuzz.py`` (nothing is committed: the variants are generated on the fly).

From one seed PDF :func:`variants` makes, deterministically (same seed file and
``rng_seed`` → the same bytes, on every machine and Python version):

* ``truncated`` — the file cut at ``truncations`` points (default 20): a few structural
  ones (after the header line, inside the xref table, after ``trailer``, after
  ``startxref``, inside the ``%%EOF`` marker) and the rest spread evenly over the file;
* ``flipped`` — ``flips`` copies with 1 to 128 bytes XOR-ed with random values, anywhere,
  near the start, or in the last KiB (xref and trailer); each copy has its own
  ``random.Random`` seeded from ``rng_seed`` and its number;
* ``xref`` — the cross-reference data damaged: ``startxref`` garbled (huge, zero,
  negative, off by a few bytes, letters, missing), xref entries scribbled over (random
  digits, all shifted by one, garbage, in-use flags flipped, wrong subsection count),
  the trailer missing or without ``/Root``, a dangling ``/Root``, the whole table gone;
  for a PDF with a cross-reference *stream* the stream's bytes and ``/W`` are damaged;
* ``stream`` — stream objects damaged: an unknown ``/Filter`` name (the first stream's or
  every stream's), ``/Length`` far too long or zero, compressed data replaced by noise;
* ``encryption`` — only for an encrypted seed: the ``/Encrypt`` dictionary names another
  security handler (``/Adobe.PubSec``) or none, or an unknown version or revision;
* ``padded`` — the intact file followed by NUL bytes, spaces or line breaks after
  ``%%EOF`` (16 bytes to 64 KiB). These are **valid** PDFs: downloaders and some
  scanners pad files to a block size, and every PDF reader accepts them.

Each :class:`Variant` says what a reader must do with it (``expect``): ``"reject"``
(a truncated file without any ``%%EOF``), ``"accept"`` (padded) or ``"either"``
(flipped, xref-, stream- and encryption-damaged files, which a lenient parser may
repair or refuse).

Usage::

    from broken_pdfs import variants, write_variants
    paths = write_variants(variants(Path("tests/resources/mini-issue.pdf")), tmp_path)
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

REJECT, ACCEPT, EITHER = "reject", "accept", "either"

#: trailing padding after ``%%EOF`` (name → bytes); all of them leave a valid PDF.
PADDINGS: dict[str, bytes] = {
    "nul16": b"\0" * 16,
    "spaces1k": b" " * 1024,
    "crlf-spaces": b"\r\n" + b" " * 200 + b"\r\n",
    "nul4k": b"\0" * 4096,  # one disk block, as left by some download managers
    "mixed64k": (b"\0 \n\r\t\x0c" * 10923)[:65536],
}

_STARTXREF_RE = re.compile(rb"startxref\s*(\d+)")
_ENTRY_RE = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?=\s)")


@dataclass(frozen=True)
class Variant:
    """One generated file: its name, kind, bytes, what a reader must do, and how it was made."""

    name: str  # a file name, unique within one seed's variants: "mini-issue.trunc07-at-1234.pdf"
    kind: str  # "truncated", "flipped", "xref", "stream", "encryption" or "padded"
    data: bytes
    expect: str  # REJECT, ACCEPT or EITHER
    detail: str


def eof_marker(data: bytes) -> int:
    """Offset of the last ``%%EOF`` (ValueError when there is none: not a complete PDF)."""
    at = data.rfind(b"%%EOF")
    if at < 0:
        raise ValueError("the seed has no %%EOF marker; use a complete PDF as seed")
    return at


def truncated(data: bytes, stem: str, points: int = 20) -> list[Variant]:
    """The file cut at ``points`` distinct lengths, all before the end of the last ``%%EOF``."""
    eof = eof_marker(data)
    end = eof + 5
    structural = [data.find(b"\n") + 1]  # just the header line
    for needle, extra in ((b"\nxref", 40), (b"trailer", 7), (b"startxref", 10)):
        at = data.rfind(needle)
        if at > 0:
            structural.append(at + extra)
    structural += [eof, eof + 2, eof + 4]  # before the marker, "%%", "%%EO"
    cuts: list[int] = []
    for cut in structural:
        if 0 < cut < end and cut not in cuts:
            cuts.append(cut)
    cuts = cuts[:points]
    spread = points - len(cuts)
    step = 1
    while len(cuts) < points:
        # evenly spread over the file; refined until there are enough distinct lengths
        for i in range(1, spread * step + 1):
            cut = round(end * i / (spread * step + 1))
            if 0 < cut < end and cut not in cuts:
                cuts.append(cut)
                if len(cuts) == points:
                    break
        step += 1
        if step > 64:
            break  # a tiny seed: fewer distinct lengths than points
    out = []
    for number, cut in enumerate(sorted(cuts)):
        piece = data[:cut]
        expect = EITHER if b"%%EOF" in piece else REJECT  # an earlier revision may end there
        out.append(Variant(f"{stem}.trunc{number:02d}-at-{cut}.pdf", "truncated", piece, expect,
                           f"first {cut} of {len(data)} bytes"))
    return out


_FLIP_COUNTS = (1, 2, 8, 32, 128)
_REGIONS = ("anywhere", "head", "tail")


def flipped(data: bytes, stem: str, count: int = 12, rng_seed: int = 0) -> list[Variant]:
    """``count`` copies, each with some bytes XOR-ed with a random non-zero value."""
    out = []
    for number in range(count):
        rng = random.Random(f"gazette-flip:{rng_seed}:{number}")
        region = _REGIONS[number % len(_REGIONS)]
        n = _FLIP_COUNTS[(number // len(_REGIONS)) % len(_FLIP_COUNTS)]
        lo, hi = {"anywhere": (0, len(data)), "head": (0, min(len(data), 1024)),
                  "tail": (max(0, len(data) - 1024), len(data))}[region]
        buf = bytearray(data)
        positions = sorted(rng.randrange(lo, hi) for _ in range(n))
        for pos in positions:
            buf[pos] ^= rng.randrange(1, 256)
        if bytes(buf) == data:  # two flips of one byte cancelled out
            buf[positions[0]] ^= 0xFF
        out.append(Variant(f"{stem}.flip{number:03d}-{n}x-{region}.pdf", "flipped", bytes(buf), EITHER,
                           f"{n} byte(s) XOR-ed in the {region} region (rng seed {rng_seed}, copy {number}) at {positions[:8]}"))
    return out


def _replace(data: bytes, start: int, end: int, new: bytes) -> bytes:
    return data[:start] + new + data[end:]


def xref_damaged(data: bytes, stem: str, rng_seed: int = 0) -> list[Variant]:
    """The cross-reference data damaged in every way listed in the module docstring."""
    rng = random.Random(f"gazette-xref:{rng_seed}")
    found: list[tuple[str, bytes, str]] = []
    matches = list(_STARTXREF_RE.finditer(data))
    if not matches:
        raise ValueError("the seed has no startxref; use a complete PDF as seed")
    sx = matches[-1]
    a, b = sx.span(1)
    offset = int(sx.group(1))

    def startxref(label: str, value: bytes, detail: str) -> None:
        found.append((f"startxref-{label}", _replace(data, a, b, value), detail))

    startxref("huge", b"9999999999", "startxref points far beyond the end of the file")
    startxref("zero", b"0", "startxref is 0 (the header)")
    startxref("negative", b"-1", "startxref is -1")
    startxref("plus7", str(offset + 7).encode(), "startxref points 7 bytes into the xref section")
    startxref("minus17", str(max(0, offset - 17)).encode(), "startxref points 17 bytes before the xref section")
    startxref("letters", bytes(rng.choice(b"0123456789abcxyz") for _ in range(b - a)), "startxref offset garbled with letters")
    found.append(("startxref-missing", _replace(data, sx.start(), b, b""), "the startxref keyword and offset removed"))

    table_at = offset if data[offset:offset + 4] == b"xref" else data.rfind(b"\nxref") + 1
    trailer_at = data.find(b"trailer", max(table_at, 0))
    if table_at > 0 and data[table_at:table_at + 4] == b"xref" and trailer_at > table_at:
        section = data[table_at:trailer_at]
        entries = list(_ENTRY_RE.finditer(section))
        if entries:
            def scribble(label: str, fn, detail: str) -> None:
                new = bytearray(section)
                for index, entry in enumerate(entries):
                    replacement = fn(index, entry)
                    if replacement is not None:  # always the same length: later spans stay valid
                        s, e = entry.span()
                        new[s:e] = replacement
                found.append((f"xref-{label}", data[:table_at] + bytes(new) + data[trailer_at:], detail))

            chosen = set(rng.sample(range(len(entries)), max(1, len(entries) // 3)))
            scribble("random-offsets",
                     lambda i, m: (b"%010d" % rng.randrange(10 ** 10)) + m.group(0)[10:] if i in chosen else None,
                     f"{len(chosen)} of {len(entries)} xref entries given random offsets")
            scribble("shifted", lambda i, m: (b"%010d" % (int(m.group(1)) + 1)) + m.group(0)[10:] if m.group(3) == b"n" else None,
                     "every in-use entry's offset one byte too far")
            scribble("garbage", lambda i, m: bytes(rng.choice(b"0123456789 nfxX#") for _ in m.group(0)),
                     "every xref entry overwritten with garbage of the same length")
            scribble("flags", lambda i, m: m.group(0)[:-1] + (b"f" if m.group(3) == b"n" else b"n"),
                     "every xref entry's in-use flag inverted")
            header = re.match(rb"xref\s+(\d+) (\d+)", section)
            if header:
                s, e = header.span(2)
                bad = section[:s] + str(int(header.group(2)) * 3 + 7).encode() + section[e:]
                found.append(("xref-count", data[:table_at] + bad + data[trailer_at:],
                              "the xref subsection claims more entries than it has"))
        found.append(("xref-missing", data[:table_at] + data[sx.start():], "the xref table and trailer removed"))
        found.append(("trailer-missing", data[:trailer_at] + data[sx.start():], "the trailer dictionary removed"))
        trailer = data[trailer_at:sx.start()]
        root = re.search(rb"/Root\s+\d+\s+\d+\s+R", trailer)
        if root:
            s, e = root.span()
            found.append(("trailer-no-root", data[:trailer_at] + trailer[:s] + b" " * (e - s) + trailer[e:] + data[sx.start():],
                          "the trailer has no /Root"))
            found.append(("trailer-dangling-root",
                          data[:trailer_at] + trailer[:s] + b"/Root 9999 0 R".ljust(e - s) + trailer[e:] + data[sx.start():],
                          "the trailer's /Root names an object that does not exist"))
    else:  # a cross-reference stream (PDF 1.5+): damage the stream object at startxref
        stream_at = data.find(b"stream", offset)
        end_at = data.find(b"endstream", stream_at)
        if 0 <= offset < stream_at < end_at:
            body_start = stream_at + len(b"stream") + (2 if data[stream_at + 6:stream_at + 8] == b"\r\n" else 1)
            junk = bytes(rng.randrange(256) for _ in range(end_at - body_start))
            found.append(("xrefstream-garbage", _replace(data, body_start, end_at, junk), "the xref stream's data replaced by random bytes"))
            w = re.compile(rb"/W\s*\[[^\]]*\]").search(data, offset, stream_at)
            if w:
                found.append(("xrefstream-w", _replace(data, w.start(), w.end(), b"/W [9 9 9]".ljust(w.end() - w.start())),
                              "the xref stream's /W field widths made nonsense"))
            root = re.compile(rb"/Root\s+\d+\s+\d+\s+R").search(data, offset, stream_at)
            if root:
                found.append(("xrefstream-no-root", _replace(data, root.start(), root.end(), b" " * (root.end() - root.start())),
                              "the xref stream dictionary has no /Root"))
    return [Variant(f"{stem}.{label}.pdf", "xref", body, EITHER, detail) for label, body, detail in found]


_STREAM_RE = re.compile(rb"stream\r?\n")


def stream_damaged(data: bytes, stem: str, rng_seed: int = 0) -> list[Variant]:
    """Stream objects damaged: an unknown /Filter name (the first one, or every one), a
    /Length far too long or zero, and the first stream's compressed data replaced by noise."""
    rng = random.Random(f"gazette-stream:{rng_seed}")
    found: list[tuple[str, bytes, str]] = []
    filters = list(re.finditer(rb"/FlateDecode(?=[\s/>\]])", data))
    if filters:
        first = filters[0]
        found.append(("filter-unknown", _replace(data, first.end(), first.end(), b"X"),
                      "the first /FlateDecode filter name misspelt (/FlateDecodeX)"))
        found.append(("filter-unknown-all", re.sub(rb"/FlateDecode(?=[\s/>\]])", b"/FlateDecodX", data),
                      "every /FlateDecode filter name misspelt (same length)"))
    length = re.search(rb"/Length (\d+)", data)
    if length:
        a, b = length.span(1)
        found.append(("length-huge", _replace(data, a, b, b"99999999"), "the first stream's /Length far beyond the file"))
        found.append(("length-zero", _replace(data, a, b, b"0"), "the first stream's /Length is 0"))
    body = _STREAM_RE.search(data)
    if body:
        end = data.find(b"endstream", body.end())
        if end > body.end():
            junk = bytes(rng.randrange(256) for _ in range(end - body.end()))
            found.append(("data-noise", _replace(data, body.end(), end, junk),
                          "the first stream's compressed data replaced by random bytes"))
    return [Variant(f"{stem}.stream-{label}.pdf", "stream", body, EITHER, detail) for label, body, detail in found]


def encryption_damaged(data: bytes, stem: str) -> list[Variant]:
    """For an encrypted seed (an ``/Encrypt`` dictionary): a security handler other than
    /Standard (public-key, as Adobe's certificate security writes), no handler at all, and
    an unknown algorithm version and revision. Nothing for an unencrypted seed."""
    found: list[tuple[str, bytes, str]] = []
    if b"/Encrypt" not in data:
        return []
    handler = re.search(rb"/Filter\s*/Standard", data)
    if handler:
        found.append(("handler-pubsec", _replace(data, *handler.span(), b"/Filter /Adobe.PubSec"),
                      "the /Encrypt dictionary names the public-key security handler /Adobe.PubSec"))
        found.append(("handler-missing", _replace(data, *handler.span(), b""), "the /Encrypt dictionary names no security handler"))
    for key, label in ((rb"/V", "version"), (rb"/R", "revision")):
        match = re.search(key + rb"\s+(\d+)(?=[\s/>])", data)
        if match:
            found.append((f"{label}-99", _replace(data, *match.span(1), b"99"), f"the /Encrypt {label} ({key.decode()}) is 99"))
    return [Variant(f"{stem}.encrypt-{label}.pdf", "encryption", body, EITHER, detail) for label, body, detail in found]


def padded(data: bytes, stem: str, paddings: dict[str, bytes] | None = None) -> list[Variant]:
    """The intact file with bytes after ``%%EOF``: valid PDFs every reader must accept."""
    eof_marker(data)
    return [Variant(f"{stem}.pad-{label}.pdf", "padded", data + pad, ACCEPT, f"{len(pad)} bytes of {label} after %%EOF")
            for label, pad in (paddings or PADDINGS).items()]


def variants(seed: Path, *, truncations: int = 20, flips: int = 12, rng_seed: int = 0, xref: bool = True,
             padding: bool = True, streams: bool = True, paddings: dict[str, bytes] | None = None) -> list[Variant]:
    """Every variant of one seed PDF, in a fixed order (truncated, flipped, xref, padded,
    stream, and for an encrypted seed encryption)."""
    data = seed.read_bytes()
    stem = seed.stem
    out = truncated(data, stem, truncations) + flipped(data, stem, flips, rng_seed)
    if xref:
        out += xref_damaged(data, stem, rng_seed)
    if padding:
        out += padded(data, stem, paddings)
    if streams:
        out += stream_damaged(data, stem, rng_seed)
    out += encryption_damaged(data, stem)
    names = [v.name for v in out]
    assert len(set(names)) == len(names), "variant names must be unique"
    return out


def write_variants(found: Iterable[Variant], folder: Path) -> list[Path]:
    """Write the variants into ``folder`` (created); their paths, in the same order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for variant in found:
        path = folder / variant.name
        path.write_bytes(variant.data)
        paths.append(path)
    return paths


if __name__ == "__main__":  # python tests/broken_pdfs.py SEED.pdf OUTDIR
    import sys

    made = variants(Path(sys.argv[1]))
    for v, p in zip(made, write_variants(made, Path(sys.argv[2]))):
        print(f"{p}\t{v.kind}\t{v.expect}\t{v.detail}")
