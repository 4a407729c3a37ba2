"""Fuzzing suite (the hardening issue).

* Properties (Hypothesis) of the front-matter loader, the body renderer and the bigram
  generator over arbitrary Unicode: lone surrogates, NUL and other control characters,
  RTL and other format marks, line separators, huge lines and odd YAML (tags, anchors and
  aliases, out-of-range dates and numbers, wrong shapes, broken framing and encodings).
* A corpus of broken PDFs (``tests/broken_pdfs.py``: truncated, byte-flipped, xref-,
  stream- and encryption-damaged, and trailing-padded valid files) run through the real command line,
  ``gazette ingest … --no-ocr``, in one batch together with two good issues.

Hypothesis runs the fixed profile ``gazette-ci``: derandomized (the same examples on
every run of the same code), no deadline, no example database, no "explain" phase,
modest example counts, so that this file stays well under a minute. The ``@example``
cases are reproducers of defects these properties found; a failing explicit example
makes Hypothesis report it without generating further examples. ``bench/bench_fuzz.py`` runs the same properties under
``gazette-bench`` (``GAZETTE_FUZZ_PROFILE=gazette-bench``, ``GAZETTE_FUZZ_EXAMPLES=N``;
random, seedable) and the broken-PDF corpus of every seed PDF, a scanned one with OCR.
The helpers that run and judge a batch (:func:`run_ingest`, :func:`batch_problems`) are
shared with it.
"""

from __future__ import annotations

import atexit
import collections
import dataclasses
import enum
import json
import logging
import os
import re
import unicodedata
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Iterable

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st

from broken_pdfs import ACCEPT, REJECT, Variant, encryption_damaged, variants, write_variants
from gazette.archive.relations import Relation, Standing
from gazette.content import document_from_file, issue_from_file, load_archive
from gazette.errors import ContentError, ExitCode, GazetteError
from gazette.models import (Document, Issue, IssueMeta, Kind, OcrCheck, OcrInfo, SourceRef, Status,
                            RelationType, TocEntry, Validity)
from gazette.search import normalize
from gazette.site import render
from gazette.structure import parse_body

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "tests" / "resources"
SAMPLES = ROOT / "samples"

# ---------------------------------------------------------------- Hypothesis profiles

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
          HealthCheck.large_base_example]
# No "explain" phase: it re-runs failing examples under a tracer, slowly (and would
# disturb the step counting of the linear-time property).
settings.register_profile("gazette-ci", max_examples=100, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_QUIET, print_blob=False,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
# The bench explores at random and leaves out the explicit examples (the reproducers of
# defects already found): a failing explicit example stops Hypothesis from generating.
settings.register_profile("gazette-bench", parent=settings.get_profile("gazette-ci"), derandomize=False,
                          max_examples=int(os.environ.get("GAZETTE_FUZZ_EXAMPLES", "2000")),
                          phases=[Phase.reuse, Phase.generate, Phase.shrink])
FUZZ = settings.get_profile(os.environ.get("GAZETTE_FUZZ_PROFILE", "gazette-ci"))


def budget(fraction: float) -> settings:
    """The profile with a fraction of its examples, for the costlier properties."""
    return settings(FUZZ, max_examples=max(10, int(FUZZ.max_examples * fraction)))


#: examples run per property (read by bench/bench_fuzz.py)
CASES: collections.Counter[str] = collections.Counter()

_SCRATCH = Path(tempfile.mkdtemp(prefix="gazette-fuzz-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)

# ---------------------------------------------------------------- text strategies

NASTY_CHARS = [
    "\x00", "\x01", "\x02", "\x03", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x1e", "\x1f", "\x7f",
    "\x85", "\x9f", "\xa0", "\t", "\r", "\n",
    "\ud800", "\udbff", "\udc00", "\udfff",  # lone surrogates
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u061c",  # bidi marks and isolates
    "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\u3000", "\u00ad", "\u034f",
    "\U0001f600", "\U00020000", "\U0010ffff", "\u3400", "\uf900", "\u0301", "\u05d0", "\u0627",
    "<", ">", "&", '"', "'", "`", "=", "/", "#", "\\", "*", "_", "[", "]", "(", ")", "!", "|", ":", "-", "{", "}",
    "%", "@", "~", " ", "第", "条", "章", "节", "编", "款", "项", "一", "十", "百", "（", "）", "、", "。", "，",
]
NASTY_TOKENS = [
    "<script>alert(1)</script>", "</script>", "</div>", "</article>", "<div>", "<p>", "<!--", "-->", "<!DOCTYPE html>",
    "<![CDATA[", "]]>", "<?xml ?>", "&amp;", "&lt;", "&#60;", "&#x3c;", "&#0;", "&#xd800;", "&nbsp", "&",
    "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)', "' onfocus='x", '"><svg onload=alert(1)>',
    "javascript:alert(1)", "<textarea>", "</textarea>", "<style>", "<a href='//evil'>", "\x02wzxhzdk:0\x03",
    "{: .cls #id }", "[x](javascript:alert(1))", "<http://x.org>", "***", "---", "```", "    code", "## ", "### ",
    "# ", "> ", "1. ", "| a | b |", "\\", "\\#", "第一条", "第十二条　", "第3条 ", "第五条之一 ", "第一百零一条",
    "第一章 总则", "第二节 ", "第三编", "（一）", "(二)", "附件1", "附件：", "\n\n", "\n \n", "\u2028\u2028", "%%EOF",
    "{{ x }}", "{% x %}", "⁂", "政务公开", "山东省人民政府", "关于印发", "的通知",
]
surrogates = st.integers(0xD800, 0xDFFF).map(chr)
cjk_chars = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
any_chars = st.characters(exclude_categories=())  # every code point, surrogates included
pieces = st.one_of(
    st.text(any_chars, max_size=16),
    st.text(cjk_chars, min_size=1, max_size=16),
    st.sampled_from(NASTY_CHARS),
    st.sampled_from(NASTY_TOKENS),
    surrogates,
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: arbitrary Unicode text, weighted towards what breaks parsers
fuzz_text = st.lists(pieces, max_size=10).map("".join)
#: one huge line: a piece repeated thousands of times
huge_line = st.tuples(pieces.filter(bool), st.integers(1_000, 10_000)).map(lambda t: (t[0] * t[1])[:60_000])
long_text = st.one_of(fuzz_text, fuzz_text, fuzz_text, huge_line)
yaml_text = st.one_of(*[fuzz_text] * 9, huge_line)  # huge lines rarer: PyYAML reads them slowly


def block_text() -> st.SearchStrategy[str]:
    """One block of a document body in the body format (docs/content.md)."""
    starts = st.sampled_from(["", "", "## ", "### ", "\\", "第一条 ", "第十二条　", "第3条", "第五条之一 ", "（一）",
                              "（十）", "第一章 ", "第二节 ", "附件1", "#", "  ", "\t"])
    return st.tuples(starts, long_text).map("".join)


bodies = st.tuples(st.lists(block_text(), max_size=8),
                   st.sampled_from(["\n\n", "\n\n", "\n \n", "\n\t\n", "\n", "\r\n\r\n", "\n\n\n"])).map(
    lambda t: t[1].join(t[0]))

# ---------------------------------------------------------------- odd YAML

KNOWN_KEYS = ["id", "issue", "seq", "title", "kind", "doc_number", "issuer", "signed_date", "effective_date",
              "section", "source", "status", "text_source", "ocr", "documents", "toc", "year", "number",
              "total_number", "date", "label", "publisher", "gazette_name", "validity"]
ODD_KEYS = ["~", "null", "1", "2.5", "true", "'id'", '"id"', "!!str id", "&k0 id", "*k0", "? [a, b]\n", "? {a: 1}\n",
            "? |\n  block key\n", "<<", "\ud800", "\"\\ud800\"", "\"\\0\"", "[x]", "{x: 1}", "-", "- id", "", " id"]
ODD_VALUES = [
    "", "~", "null", "NULL", "true", "False", "yes", "off", "0", "-0", "007", "0x1F", "0o17", "0b101", "1_000",
    "+12", "1.5", "1e3", "1e400", "-1e400", ".inf", "-.Inf", ".nan", "9" * 5000, "-" + "9" * 5000, "190:20:30",
    "2021-05-06", "2021-13-45", "2021-02-29", "0000-00-00", "2021-05-06T25:61:00", "2001-12-14t21:59:43.10-05:00",
    "2021-05-06 10:00:00 +99:00", "!!binary aGVsbG8=", "!!binary ===", "!!set {a, b}", "!!omap [a: 1, b: 2]",
    "!!pairs [a: 1, a: 2]", "!!timestamp 2021-99-99", "!!int abc", "!!float x", "!!bool maybe", "!!null x",
    "!!str 5", "!!seq [1]", "!!map {a: 1}", "!!python/object:os.system ls", "!!python/name:os.system",
    "!<tag:yaml.org,2002:str> x", "!custom x", "!!merge x", "&r [*r]", "&m {a: *m}", "&s [1, [2, *s]]",
    "*undefined", "*k0", "[1, 2]", "[]", "{}", "[[1], 2]", "[1, [2, [3, [4]]]]", "{a: 1}", "{a: [1, {b: .inf}]}",
    "{file: x.pdf, sha256: abc, pdf_pages: [1, 2], printed_pages: [3, 4]}", "{pdf_pages: [.inf, 2]}",
    "{pdf_pages: [2]}", "{pdf_pages: [[1], {a: 1}]}", "{pdf_pages: ['1', '٣']}", "{printed_pages: [x, [1]]}",
    "{pages: .inf}", "{pages: [1]}", "{pages: 1.5}", "{file: [1], sha256: {a: b}}", "[file, x]",
    "{engine: x, pages: [1, 2], check: [{page: 1, line: a, why: b}]}", "{pages: [.inf]}", "{pages: [.nan]}",
    "{pages: 5}", "{pages: abc}", "{pages: {1: 2}}", "{check: [{page: .inf}]}", "{check: [{page: [1]}]}",
    "{check: 7}", "{check: [1, 2]}", "{check: [{page: '1e5'}]}", "[{title: a, page: 3}]", "[{page: .inf}]",
    "[{title: [1], page: {a: b}, section: 5}]", "[1, 2]", "5", "[a, [b], {c: d}]",
    "regulation", "normative", "interpretation", "personnel", "other", "published", "draft", "withheld",
    "PUBLISHED", "[published]", "ocr", "text-layer",
    "|\n  block\n  text", "|-\n  x", ">\n  folded\n  text", "|\n", "|2\n   x", "|\n  \ud800",
    "'quoted ''x'''", '"\\x00\\ud800\\U0001F600"', '"\\ud83d\\ude00"', '"\\N\\_\\L\\P\\e"', '"\\0"', '"\\uDFFF"',
    "'unterminated", '"bad \\q escape"', '"open', "@reserved", "`reserved", "%TAG", "---", "...", "- a", "? x",
    ": x", "a: b: c", "a #comment", "#", "x\n y", "\t tab", "[unclosed", "{unclosed", "}", "]", "*", "&", "!",
    "|", ">", "'", '"', "%", "@", "`", "\ud800", "\x00", "\x85", "\u2028", "\ufeff",
]


def _loads(value: str) -> bool:
    try:
        yaml.safe_load(f"key: {value}")
    except Exception:  # noqa: BLE001 - YAML errors and constructors' ValueErrors alike
        return False
    return True


#: the odd values PyYAML itself loads (tags, anchors, huge numbers … that parse)
LOADABLE_VALUES = [v for v in ODD_VALUES if _loads(v)]


def _quoted(text: str, style: str) -> str:
    if style == "json":
        return json.dumps(text)
    if style == "json-raw":
        return json.dumps(text, ensure_ascii=False)
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return text  # plain: whatever the text makes of the YAML


yaml_values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.sampled_from(ODD_VALUES),
    st.tuples(yaml_text, st.sampled_from(["json", "json", "json", "json-raw", "single", "plain"])).map(lambda t: _quoted(*t)),
    st.tuples(st.sampled_from(["&k0 ", "&k1 ", "!!str ", "!!int ", "!!binary "]), st.sampled_from(ODD_VALUES)).map(
        "".join),
    st.lists(st.sampled_from(ODD_VALUES), min_size=1, max_size=4).map(lambda xs: "\n" + "\n".join("  - " + x for x in xs)),
    st.lists(st.tuples(st.sampled_from(KNOWN_KEYS), st.sampled_from(ODD_VALUES)), min_size=1, max_size=4).map(
        lambda kv: "\n" + "\n".join(f"  {k}: {v}" for k, v in kv)),
)
yaml_keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.sampled_from(KNOWN_KEYS), st.sampled_from(ODD_KEYS),
                      fuzz_text.map(lambda t: t[:40]))
_key_value = st.tuples(yaml_keys, yaml_values).map(lambda kv: f"{kv[0]}: {kv[1]}")
yaml_lines = st.one_of(
    _key_value, _key_value, _key_value, _key_value,
    st.tuples(yaml_keys, st.sampled_from([":", ":  ", " : ", ":\t"]), yaml_values).map("".join),
    fuzz_text,  # a line that is not YAML at all
    st.sampled_from(["---", "...", "%YAML 1.1", "%YAML 9.9", "# a comment", "", " ", "- a", "? x", "<<: *k0",
                     "<<: {id: merged}", "<<: [*k0]"]),
)


@st.composite
def front_matters(draw: st.DrawFn, required: tuple[str, ...] = ("id", "issue", "title")) -> bytes:
    """A well-framed UTF-8 content/ file whose front matter maps known keys (each once) to
    odd YAML values; the required keys mostly plausible, so that loading gets far."""
    plausible = st.sampled_from(["'2021-05-01'", "2021-05", "标题", "政务公开 办法"])
    values = st.one_of(st.sampled_from(LOADABLE_VALUES), st.sampled_from(LOADABLE_VALUES),
                       yaml_text.map(json.dumps), yaml_text.map(lambda t: json.dumps(t, ensure_ascii=False)))
    lines = [f"{key}: {draw(st.one_of(plausible, plausible, plausible, values))}" for key in required]
    keys = draw(st.lists(st.sampled_from([k for k in KNOWN_KEYS if k not in required]), unique=True, max_size=6))
    lines += [f"{key}: {draw(values)}" for key in keys]
    if draw(st.integers(0, 3)) == 0:
        lines.append(f"{draw(st.one_of(fuzz_text.map(json.dumps), st.sampled_from(ODD_KEYS)))}: {draw(values)}")
    text = "---\n" + "\n".join(draw(st.permutations(lines))) + "\n---\n" + draw(bodies)
    return _SURROGATE_RE.sub("", text).encode("utf-8")


@st.composite
def content_files(draw: st.DrawFn, required: tuple[str, ...] = ("id", "issue", "title")) -> bytes:
    """The bytes of a content/ file: front matter plus a body, framed in odd ways."""
    if draw(st.booleans()):
        return draw(front_matters(required))
    shape = draw(st.sampled_from(["yaml"] * 18 + ["text", "bytes"]))
    if shape == "bytes":
        return draw(st.binary(max_size=3000))
    if shape == "text":
        text = draw(st.sampled_from(["", "---\n", "---\n---\n"])) + draw(long_text)
    else:
        lines = []
        for key in required:  # present and plausible most of the time, so that parsing gets far
            if draw(st.integers(0, 9)):
                lines.append(f"{key}: {draw(st.one_of(st.just('2021-05-01'), st.just('标题'), yaml_values))}")
        lines += draw(st.lists(yaml_lines, max_size=10))
        lines = draw(st.permutations(lines))
        front = "\n".join(lines)
        opener = draw(st.sampled_from(["---\n"] * 14 + ["\ufeff---\n", "---\r\n", "--- \n", "", "----\n", "\n---\n"]))
        closer = draw(st.sampled_from(["\n---\n"] * 14 + ["\n---", "\r\n---\r\n", "\n...\n", "\n--- \n", "",
                                                           "\n---\n---\n", "---\n"]))
        text = opener + front + closer + draw(bodies)
        newline = draw(st.sampled_from(["\n"] * 12 + ["\r\n", "\r"]))
        if newline != "\n":
            text = text.replace("\n", newline)
    encoding = draw(st.sampled_from(["utf-8"] * 12 + ["utf-8-surrogatepass", "utf-16", "latin-1"]))
    if encoding == "utf-8-surrogatepass":  # lone surrogates written as invalid UTF-8, as a broken editor does
        return text.encode("utf-8", "surrogatepass")
    if encoding == "utf-8":  # lone surrogates reach the loader only through YAML escapes ("\\ud800")
        return _SURROGATE_RE.sub("", text).encode("utf-8")
    return text.encode(encoding, "replace")


def _write(data: bytes, *parts: str) -> Path:
    path = _SCRATCH.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def load(loader: Callable[[Path], Any], path: Path) -> Any:
    """``loader(path)``, with the warnings it logs for the user (e.g. control characters
    ignored) captured instead of printed; each must be one line naming the file."""
    logger = logging.getLogger("gazette")
    handler, propagate = _Messages(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        return loader(path)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        for line in handler.lines:
            assert str(path) in line and "\n" not in line, f"a warning that does not name the file in one line: {line!r}"


def _check_error(exc: GazetteError, *paths: Path) -> None:
    """A user-facing error: a ContentError, one line, naming the file, printable."""
    message = exc.message
    assert isinstance(exc, ContentError), f"{type(exc).__name__} instead of ContentError: {message}"
    assert any(str(p) in message for p in paths), f"the message does not name the file: {message!r}"
    assert "\n" not in message and "\r" not in message, f"the message is not one line: {message!r}"
    message.encode("utf-8")  # it is printed on stderr


def _text_ok(value: Any) -> bool:
    """Valid Unicode text that can be written back as UTF-8 (no lone surrogates)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _strings(value: Any) -> Iterable[str]:
    """Every string inside a loaded model object."""
    if isinstance(value, enum.Enum):
        return
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)


def _int(value: Any) -> bool:
    return type(value) is int


def _opt_int(value: Any) -> bool:
    return value is None or type(value) is int


def _opt_text(value: Any) -> bool:
    return value is None or isinstance(value, str)

# ---------------------------------------------------------------- the front-matter loader


_DOC = b"---\nid: '2021-05-01'\nissue: '2021-05'\ntitle: t\n"  # a minimal valid front matter, still open


@FUZZ
@given(data=content_files())
# reproducers of defects the property found (kept so that CI always checks them)
@example(data=_DOC + b"signed_date: 2021-13-45\n---\n")  # ValueError from the YAML date constructor
@example(data=_DOC + b"date: 2021-05-06 10:00:00 +99:00\n---\n")  # ValueError: time zone offset out of range
@example(data=_DOC + b"seq: " + b"9" * 5000 + b"\n---\n")  # ValueError: int with more than 4300 digits
@example(data=b"---\nid: a\nissue: b\ntitle: !!float x\n---\n")  # ValueError from the !!float constructor
@example(data=b"---\nid: a\nissue: b\ntitle: !!bool maybe\n---\n")  # KeyError from the !!bool constructor
@example(data=_DOC + b"ocr: {pages: [.inf]}\n---\n")  # OverflowError: int(inf)
@example(data=_DOC + b"x: &a [*a]\n---\n")  # RecursionError: a self-referencing alias
@example(data=_DOC + b"1: x\ny: z\n---\n")  # TypeError: sorting extra keys of different types
@example(data=b"---\nid: !!int \n---\n")  # IndexError from the !!int constructor (found by bench/bench_fuzz.py)
def test_document_loader_returns_or_raises_content_error(data: bytes) -> None:
    """``document_from_file`` returns a Document or raises a ContentError naming the file;
    any other exception (ValueError, TypeError, OverflowError, RecursionError …) escapes
    and fails the property."""
    CASES["document loader: only ContentError"] += 1
    path = _write(data, "content", "2021-05", "01.md")
    try:
        doc = load(document_from_file, path)
    except GazetteError as exc:
        _check_error(exc, path)
        return
    assert isinstance(doc, Document)


@FUZZ
@given(data=front_matters())
@example(data=_DOC.replace(b"title: t", b'title: "\\ud83d\\ude00"') + b"---\n")  # YAML escapes make lone surrogates
@example(data=_DOC + b"source: {printed_pages: [x, [1]]}\n---\n")  # printed pages that are not numbers
@example(data=_DOC + b"~: x\n---\n")  # an extra key that is not a string (None)
@example(data=_DOC + b'"\\ud800\\udc00": \n---\n')  # a key made of escaped surrogates (found by bench/bench_fuzz.py)
def test_document_loader_result_is_valid(data: bytes) -> None:
    """A Document the loader returns has the types its model declares and only text that
    can be written as UTF-8 (what the site, the index and the export rely on)."""
    CASES["document loader: valid object"] += 1
    path = _write(data, "content", "2021-05", "02.md")
    try:
        doc = load(document_from_file, path)
    except Exception:  # noqa: BLE001 - judged by the property above
        return
    assert isinstance(doc.id, str) and isinstance(doc.issue_id, str) and isinstance(doc.title, str)
    assert isinstance(doc.body, str)
    assert all(_opt_text(v) for v in (doc.doc_number, doc.issuer, doc.signed_date, doc.effective_date, doc.section))
    assert _int(doc.seq), f"seq {doc.seq!r}"
    assert isinstance(doc.kind, Kind) and isinstance(doc.status, Status)
    assert isinstance(doc.source, SourceRef) and isinstance(doc.source.file, str) and isinstance(doc.source.sha256, str)
    assert len(doc.source.pdf_pages) == 2 and all(_int(p) for p in doc.source.pdf_pages), f"pdf_pages {doc.source.pdf_pages!r}"
    assert len(doc.source.printed_pages) == 2 and all(_opt_int(p) for p in doc.source.printed_pages), \
        f"printed_pages {doc.source.printed_pages!r} are not page numbers"
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in doc.extra), \
        f"extra keys and values must be text: {doc.extra!r:.200}"
    if doc.ocr is not None:
        assert isinstance(doc.ocr, OcrInfo) and all(_int(p) for p in doc.ocr.pages)
        assert all(isinstance(c, OcrCheck) and _int(c.page) for c in doc.ocr.check)
    bad = [s for s in _strings(doc) if not _text_ok(s)]
    assert not bad, f"the loaded document holds text that cannot be written as UTF-8 (lone surrogates): {bad[0]!r:.120}"


@FUZZ
@given(data=content_files(required=("id",)))
@example(data=b"---\nid: '2021-05'\ndocuments: 5\n---\n")  # TypeError: 'int' object is not iterable
@example(data=b"---\nid: '2021-05'\ntoc: 5\n---\n")  # TypeError: 'int' object is not iterable
@example(data=b"---\nid: '2021-05'\ndate: 2021-13-45\n---\n")  # ValueError from the YAML date constructor
@example(data=b"---\nid: &s [1, [2, *s]]\n---\n")  # RecursionError: a self-referencing alias
def test_issue_loader_returns_or_raises_content_error(data: bytes) -> None:
    """``issue_from_file`` (issue.md) returns an Issue or raises a ContentError naming the file."""
    CASES["issue loader: only ContentError"] += 1
    path = _write(data, "content", "2021-05", "issue.md")
    try:
        issue = load(issue_from_file, path)
    except GazetteError as exc:
        _check_error(exc, path)
        return
    assert isinstance(issue, Issue)


@FUZZ
@given(data=front_matters(required=("id",)))
@example(data=b"---\nid: '2021-05'\nyear: 1.5\n---\n")  # a year that is not a whole number
@example(data=b"---\nid: '2021-05'\nyear: [2021]\n---\n")  # a list as year (gazette build: TypeError unhashable)
@example(data=b"---\nid: '2021-05'\ntoc: [{title: x, page: [1]}]\n---\n")  # a 目录 page that is a list
@example(data=b'---\nid: "\\ud800"\n---\n')  # a lone surrogate through a YAML escape
def test_issue_loader_result_is_valid(data: bytes) -> None:
    """An Issue the loader returns has the types its model declares (year, number and
    page numbers are whole numbers, 目录 entries text) and only UTF-8-writable text."""
    CASES["issue loader: valid object"] += 1
    path = _write(data, "content", "2021-06", "issue.md")
    try:
        issue = load(issue_from_file, path)
    except Exception:  # noqa: BLE001 - judged by the property above
        return
    meta = issue.meta
    assert isinstance(issue.id, str) and isinstance(meta, IssueMeta)
    assert all(_opt_text(v) for v in (meta.gazette_name, meta.date, meta.label, meta.publisher))
    assert _opt_int(meta.year), f"year {meta.year!r} is not a whole number"
    assert _opt_int(meta.number), f"number {meta.number!r} is not a whole number"
    assert _opt_int(meta.total_number), f"total_number {meta.total_number!r} is not a whole number"
    assert isinstance(issue.source_file, str) and isinstance(issue.sha256, str) and _int(issue.page_count)
    assert all(isinstance(t, TocEntry) and isinstance(t.title, str) for t in issue.toc)
    assert all(_opt_int(t.printed_page) for t in issue.toc), f"toc pages {[t.printed_page for t in issue.toc]!r:.200}"
    assert all(_opt_text(t.section) and _opt_text(t.doc_number) for t in issue.toc), f"toc {issue.toc!r:.200}"
    assert all(isinstance(d, str) for d in issue.document_ids)
    bad = [s for s in _strings(issue) if not _text_ok(s)]
    assert not bad, f"the loaded issue holds text that cannot be written as UTF-8 (lone surrogates): {bad[0]!r:.120}"


@budget(0.5)
@given(issue=content_files(required=("id",)), doc=content_files())
def test_load_archive_returns_or_raises_content_error(issue: bytes, doc: bytes) -> None:
    """``load_archive`` over a folder with one fuzzed issue.md and document: an Archive,
    or a ContentError naming one of the files."""
    CASES["load_archive: only ContentError"] += 1
    content = _SCRATCH / "archive"
    shutil.rmtree(content, ignore_errors=True)
    issue_path = _write(issue, "archive", "2021-05", "issue.md")
    doc_path = _write(doc, "archive", "2021-05", "01.md")
    try:
        load(load_archive, content)
    except GazetteError as exc:
        _check_error(exc, issue_path, doc_path)


@budget(0.3)
@given(depth=st.integers(1, 4), fanout=st.integers(2, 9),
       where=st.sampled_from(["extra", "title", "source", "ocr", "toc"]))
def test_front_matter_aliases_do_not_expand(depth: int, fanout: int, where: str) -> None:
    """YAML aliases ("billion laughs"): a few hundred bytes of front matter that name an
    anchor again and again must not become megabytes of data (linear, not exponential)."""
    CASES["loader: alias expansion is linear"] += 1
    lines = ["id: '2021-05-01'", "issue: '2021-05'", "title: 标题", "l0: &l0 [" + ", ".join(["政务公开"] * fanout) + "]"]
    for level in range(1, depth + 1):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * fanout) + "]")
    target = {"extra": f"bomb: *l{depth}", "title": f"title2: {{a: *l{depth}}}",
              "source": f"source: {{file: x.pdf, printed_pages: [*l{depth}, 1]}}",
              "ocr": f"ocr: {{engine: x, pages: [], check: [{{page: 1, line: *l{depth}, why: x}}]}}",
              "toc": f"toc: [{{title: *l{depth}, page: 1}}]"}[where]
    text = "---\n" + "\n".join(lines + [target]) + "\n---\n正文\n"
    path = _write(text.encode(), "content", "2021-05", "03.md")
    for loader in (document_from_file, issue_from_file):
        try:
            loaded = load(loader, path)
        except GazetteError:
            continue  # refusing aliases is a fine answer
        size = len(repr(loaded))
        assert size <= 20 * len(text) + 4096, (
            f"{loader.__name__}: {len(text)} bytes of front matter became {size} characters of data "
            f"(aliases expanded {fanout}^{depth} times)")

# ---------------------------------------------------------------- the body renderer


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    parent: "Element | None"
    children: list["Element"] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # all text inside, descendants included

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)

    @property
    def classes(self) -> list[str]:
        return (self.attr("class") or "").split()

    @property
    def content(self) -> str:
        return "".join(self.text)


class Tree(HTMLParser):
    """The elements of an HTML fragment (html.parser), plus anything that is not an
    element or text (comments, declarations, processing instructions) and stray end tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], None)
        self.elements: list[Element] = []
        self.other: list[str] = []
        self.stray: list[str] = []
        self._open = [self.root]
        self.feed(html)
        self.close()
        if len(self._open) > 1:
            self.stray += [f"unclosed <{e.tag}>" for e in self._open[1:]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs, self._open[-1])
        self._open[-1].children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs, self._open[-1])
        self._open[-1].children.append(element)
        self.elements.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if len(self._open) > 1 and self._open[-1].tag == tag:
            self._open.pop()
        else:
            self.stray.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.other.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.other.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.other.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.other.append(f"<![{data}]>")

    def find(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in e.classes)]

    def shapes(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each element as (tag, its attribute names), in document order."""
        return [(e.tag, tuple(name for name, _ in e.attrs)) for e in self.elements]


def paged(text: str) -> str:
    """What :func:`render.page` leaves of a text written between two tags: it splits the
    page into lines at ``\\n`` only (U+2028, U+001E … are text) and drops the blank ones."""
    kept = "\n".join(line for line in ("\x01" + text + "\x01").replace("\r\n", "\n").split("\n") if line.strip())
    return kept[1:-1]


def _links(issue: str, pdf: tuple[str, str, tuple[int, ...]] | None, prev: tuple[str, str] | None,
           next_: tuple[str, str] | None) -> render.DocLinks:
    pdf_link = getattr(render, "PdfLink", None)
    pdf_value: Any = None
    if pdf is not None:
        pdf_value = pdf_link(pdf[0], pdf[1], pdf[2]) if pdf_link else pdf[0]
    return render.DocLinks(issue=issue, pdf=pdf_value, prev=prev, next=next_)


def _document(title: str, body: str, kind: Kind = Kind.REGULATION, doc_number: str | None = None,
              issuer: str | None = None, dates: tuple[str | None, str | None] = (None, None), section: str | None = None,
              file: str = "2021-05.pdf", sha256: str = "ab" * 32, pdf_pages: tuple[int, int] = (3, 4),
              printed_pages: tuple[int | None, int | None] = (1, 2), doc_id: str = "2021-05-01") -> Document:
    return Document(id=doc_id, issue_id="2021-05", seq=1, title=title, kind=kind, doc_number=doc_number, issuer=issuer,
                    signed_date=dates[0], effective_date=dates[1], section=section,
                    source=SourceRef(file, sha256, pdf_pages, printed_pages), body=body)


def _issue(issue_id: str = "2021-05", name: str | None = "山东省人民政府公报", year: int | None = 2021,
           number: int | None = 5, date: str | None = "2021-05-10", label: str | None = None) -> Issue:
    return Issue(id=issue_id, meta=IssueMeta(gazette_name=name, year=year, number=number, date=date, label=label),
                 source_file=f"{issue_id}.pdf", sha256="cd" * 32, page_count=9)


NEUTRAL_BODY = "\n\n".join([
    "## 第一章 总则", "第一条 为了规范政务公开工作，制定本办法。", "本办法适用于本省。", "（一）公开目录；", "（二）公开指南。",
    "### 第一节 一般规定", "第二条 各级人民政府负责。", "附件1", "公开目录", "\\# 井号开头的段落"]) + "\n"


NEUTRAL_TARGETS = {"t1": render.Target("../../2021-06/01/", "关于修改的决定", "鲁政发〔2021〕6号", "2021年第6期")}
NEUTRAL_PRINTINGS = [render.Target("../../2021-07/02/", "同一文件", None, "2021年第7期")]
NEUTRAL_STANDING = Standing(
    relations=tuple(Relation(t, tid, "某某办法", number, "text", date) for t in RelationType
                    for tid, number, date in (("t1", None, "2021-07-01"), (None, "市政府令第2号", None))),
    validity=Validity.REPEALED, validity_by="市司法局", repealed_on="2021-07-01", printings=("p",), work="w")


def _neutral_pages() -> list[str]:
    """Renders with harmless text that reach every branch of the page template."""
    scans = (render.ScanPage(3, 1, "pages/p0003.webp", (1240, 1754)), render.ScanPage(4, None, None, None))
    doc = _document("关于政务公开的办法", NEUTRAL_BODY, doc_number="鲁政发〔2021〕5号", issuer="山东省人民政府",
                    dates=("2021-05-06", "2021-06-01"), section="省政府文件")
    out = []
    for pdf in (("2021-05.pdf", "ef" * 32, ()), ("2021-05.pdf", "ef" * 32, (1, 2)), ("x.pdf", "ef" * 32, (3, 4)), None):
        links = _links("../", pdf, ("../00/", "上一篇"), ("../02/", "下一篇"))
        for shown in (scans, ()):
            for standing in (NEUTRAL_STANDING, None, Standing()):
                out.append(render.document_page(doc, _issue(), links, "https://gazette.example.org/2021-05/01/",
                                                standing, shown, NEUTRAL_TARGETS, NEUTRAL_PRINTINGS))
    out += [render.body_html("## "), render.body_html("### ")]  # headings without text get no anchor
    return out


_ALLOWED: dict[str, set] = {}


def allowed_shapes() -> set[tuple[str, tuple[str, ...]]]:
    """Every (tag, attribute names) the template itself writes."""
    if not _ALLOWED:
        _ALLOWED["shapes"] = {shape for html in _neutral_pages() for shape in Tree(html).shapes()}
    return _ALLOWED["shapes"]


optional_text = st.one_of(st.none(), fuzz_text)
small_int = st.integers(-3, 60)
hrefs = st.one_of(fuzz_text, st.sampled_from(["../", "../02/", "2021-05.pdf", "javascript:alert(1)", '" onclick="x',
                                              "//evil.example/", "#x", "?a=1&b=2", ""]))
scan_pages = st.builds(render.ScanPage, small_int, st.one_of(st.none(), small_int), st.one_of(st.none(), hrefs),
                       st.one_of(st.none(), st.tuples(st.integers(0, 5000), st.integers(0, 5000))))


@st.composite
def document_pages(draw: st.DrawFn) -> dict[str, Any]:
    """Everything ``document_page`` takes, with fuzzed text wherever a document or its
    issue supplies text."""
    first = draw(small_int)
    doc = _document(
        title=draw(long_text), body=draw(bodies), kind=draw(st.sampled_from(list(Kind))),
        doc_number=draw(optional_text), issuer=draw(optional_text), dates=(draw(optional_text), draw(optional_text)),
        section=draw(optional_text), file=draw(fuzz_text), sha256=draw(fuzz_text),
        pdf_pages=(first, first + draw(st.integers(-2, 6))),
        printed_pages=(draw(st.one_of(st.none(), small_int)), draw(st.one_of(st.none(), small_int))),
        doc_id=draw(fuzz_text))
    issue = _issue(issue_id=draw(fuzz_text), name=draw(optional_text), year=draw(st.one_of(st.none(), st.integers(-5, 10 ** 6))),
                   number=draw(st.one_of(st.none(), small_int)), date=draw(optional_text), label=draw(optional_text))
    pdf = draw(st.one_of(st.none(), st.tuples(hrefs, fuzz_text, st.lists(small_int, max_size=4).map(tuple))))
    links = _links(draw(hrefs), pdf, draw(st.one_of(st.none(), st.tuples(hrefs, fuzz_text))),
                   draw(st.one_of(st.none(), st.tuples(hrefs, fuzz_text))))
    url = "https://gazette.example.org/" + draw(st.sampled_from(["2021-05/01/", "a/b/", ""]))
    if pdf is not None:  # urljoin(url, pdf href) is the standard library's business; keep hrefs it can join
        try:
            from urllib.parse import urljoin
            urljoin(url, pdf[0])
        except ValueError:
            assume(False)
    targets = {f"t{n}": render.Target(draw(hrefs), draw(fuzz_text), draw(optional_text), draw(fuzz_text)) for n in range(draw(st.integers(0, 2)))}
    relations = tuple(Relation(draw(st.sampled_from(list(RelationType))), draw(st.sampled_from([None, "t0", "t1", "gone"])),
                               draw(fuzz_text), draw(optional_text), "text", draw(optional_text))
                      for _ in range(draw(st.integers(0, 4))))
    standing = draw(st.one_of(st.none(), st.just(Standing(relations, draw(st.one_of(st.none(), st.sampled_from(list(Validity)))),
                                                          draw(optional_text), draw(optional_text)))))
    printings = [render.Target(draw(hrefs), draw(fuzz_text), None, draw(fuzz_text)) for _ in range(draw(st.integers(0, 2)))]
    return dict(doc=doc, issue=issue, links=links, url=url, standing=standing,
                scans=tuple(draw(st.lists(scan_pages, max_size=3))), targets=targets, printings=printings)


@FUZZ
@given(body=bodies)
def test_body_html_keeps_every_block_literal(body: str) -> None:
    """``body_html``: one element per block, its text exactly the block's text, anchors as
    computed; nothing in the text becomes an element, an attribute, a comment or an entity."""
    CASES["body_html: text stays text"] += 1
    blocks = parse_body(body)
    html = render.body_html(body)
    tree = Tree(html)
    assert not tree.other and not tree.stray, f"markup from the text: {tree.other or tree.stray}"
    (wrapper,) = tree.root.children
    assert wrapper.tag == "div" and wrapper.classes == ["gz-body"]
    assert len(wrapper.children) == len(blocks), "the number of elements is not the number of blocks"
    for element, block in zip(wrapper.children, blocks):
        assert element.tag in ("p", "h2", "h3")
        if block.anchor:
            assert element.attr("id") == block.anchor
            (link,) = element.children
            # the ¶ is drawn by CSS: the link has no text, so headings and paragraphs hold only their own
            assert link.tag == "a" and link.attr("href") == "#" + block.anchor and link.content == ""
            assert element.content == block.text
        else:
            # a plain block may only carry its print layout (文号 centred, 落款 right-aligned …)
            assert not element.children and all(k == "class" and v in ("gz-center", "gz-flush", "gz-right") for k, v in element.attrs)
            assert element.content == block.text


@budget(0.6)
@given(args=document_pages())
def test_document_page_markup_comes_only_from_the_template(args: dict[str, Any]) -> None:
    """``document_page`` never raises, and every element and attribute on the page is one
    the template writes: fuzzed text never adds a tag, an attribute, a comment or a stray
    end tag; the title, the citation and each body block come out as the same text."""
    CASES["document_page: markup only from the template"] += 1
    html = render.document_page(**args)
    tree = Tree(html)
    assert not tree.other, f"markup from the text: {tree.other[:3]}"
    assert not tree.stray, f"unbalanced tags: {tree.stray[:3]}"
    allowed = allowed_shapes()
    for shape in tree.shapes():
        assert shape in allowed, f"element {shape} is not written by the template"
    doc, issue = args["doc"], args["issue"]
    (title,) = tree.find("h1", "gz-title")
    assert title.content == paged(doc.title)
    (cite,) = tree.find("textarea", "gz-cite-text")
    assert cite.content == paged(render.citation(doc, issue, args["url"]))
    (body,) = tree.find("div", "gz-body")
    blocks = parse_body(doc.body)
    assert len(body.children) == len(blocks)
    for element, block in zip(body.children, blocks):
        assert element.content == paged(block.text)
    for a in tree.find("a", "gz-prev") + tree.find("a", "gz-next"):
        assert a.attr("href") in {paged(args["links"].prev[0]) if args["links"].prev else None,
                                  paged(args["links"].next[0]) if args["links"].next else None}


def _page_args(title: str = "标题", related: str = "某某办法") -> dict[str, Any]:
    doc = _document(title, "第一条 正文。\n")
    standing = Standing((Relation(RelationType.AMENDS, None, related, None), Relation(RelationType.AMENDED_BY, None, related, None)),
                        Validity.AMENDED)
    return dict(doc=doc, issue=_issue(), links=_links("../", ("2021-05.pdf", "ef" * 32, ()), None, None),
                url="https://gazette.example.org/2021-05/01/", standing=standing, scans=(), targets={})


@budget(0.6)
@given(args=document_pages())
# reproducers: a line or paragraph separator (or NEL) in any text breaks the JSON-LD, since
# page() splits lines on it and a raw line break then stands inside a JSON string
@example(args=_page_args(related="\u2028"))
@example(args=_page_args(title="关于\u2029通知"))
@example(args=_page_args(title="关于\x85通知"))
def test_document_page_json_ld_is_valid(args: dict[str, Any]) -> None:
    """The JSON-LD block is valid JSON whatever the text, names the document by its exact
    title and cannot close its script element."""
    CASES["document_page: JSON-LD intact"] += 1
    tree = Tree(render.document_page(**args))
    (script,) = tree.find("script")
    assert script.attr("type") == "application/ld+json"
    assert "</" not in script.content
    data = json.loads(script.content)  # strict: a raw line break inside a string is an error
    assert data["name"] == args["doc"].title


@budget(0.4)
@given(args=document_pages())
def test_document_page_survives_markdown(args: dict[str, Any]) -> None:
    """The page is one raw HTML block: Python-Markdown (with MkDocs' built-in extensions)
    passes it through, so Markdown syntax in the text never becomes markup either."""
    CASES["document_page: Markdown leaves it alone"] += 1
    html = render.document_page(**args)
    converted = markdown.Markdown(extensions=["toc", "tables", "fenced_code"]).convert(html)
    before, after = Tree(html), Tree(converted)
    assert not after.other and not after.stray
    assert after.shapes() == before.shapes(), "Markdown changed the page's elements"


# ---------------------------------------------------------------- the searchable form

CJK_LO, CJK_HI = "\u4e00", "\u9fff"
bigram_text = st.one_of(
    fuzz_text,
    st.text(st.one_of(cjk_chars, cjk_chars, cjk_chars, st.sampled_from(NASTY_CHARS), surrogates), max_size=300),
    huge_line,
)
_FORM_RE = re.compile(f"^[{normalize.KEEP}]*$")


@FUZZ
@given(text=bigram_text)
def test_searchable_form_is_folded_letters_and_digits_only(text: str) -> None:
    """The searchable form (both searches compare texts and queries in it) holds only
    lower-case ASCII letters, digits and CJK characters; folding it again changes
    nothing; it never grows longer than the NFKC text; every piece ``bigrams`` gives
    stands side by side in it."""
    CASES["searchable: folded, idempotent"] += 1
    form = normalize.searchable(text)
    assert _FORM_RE.match(form), f"{form!r} keeps a character it should drop"
    assert normalize.searchable(form) == form
    assert len(form) <= len(unicodedata.normalize("NFKC", text))
    assert all(piece in form and len(piece) == 2 for piece in normalize.bigrams(form))


def steps(fn: Callable[..., Any], *args: Any) -> int:
    """How many Python-level steps (trace events: calls, lines, returns) ``fn(*args)``
    takes: a machine-independent measure of work, unlike a clock."""
    count = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(previous)
    return count


@budget(0.3)
@given(parts=st.lists(bigram_text.map(lambda t: t[:3000]), min_size=2, max_size=8), repeat=st.integers(2, 8))
def test_searchable_form_runs_in_linear_time(parts: list[str], repeat: int) -> None:
    """Linear time, as a property over sizes: the work for a text made of pieces is at most
    the work for the pieces separately (plus a constant per piece), and a text repeated k
    times costs at most k times as much. A quadratic fold fails both."""
    CASES["searchable: linear time"] += 1
    def both(text: str) -> None:
        normalize.bigrams(normalize.searchable(text))
    whole = "".join(parts)
    separately = sum(steps(both, p) for p in parts)
    assert steps(both, whole) <= 1.1 * separately + 20 * len(parts)
    unit = parts[0] or "政务"
    once = steps(both, unit)
    assert steps(both, unit * repeat) <= 1.1 * repeat * once + 20


# ---------------------------------------------------------------- broken PDFs through the CLI

def documented_exit_codes() -> set[int]:
    """The exit codes in both gazette/errors.py and docs/cli.md's table."""
    table = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("## Exit codes", 1)[1]
    in_docs = {int(m) for m in re.findall(r"^\| (\d+) \|", table, re.M)}
    return in_docs & {int(code) for code in ExitCode}


def gazette_command() -> list[str]:
    """The installed console script (``.venv/bin/gazette``)."""
    script = Path(sys.executable).with_name("gazette")
    if not script.exists():
        script = ROOT / ".venv" / "bin" / "gazette"
    return [str(script)]


@dataclass
class Outcome:
    """What the CLI said about one input file."""

    path: Path
    variant: Variant | None  # None for an untouched (good) file
    ingested: tuple[str, int] | None = None  # issue id, documents
    errors: list[str] = field(default_factory=list)

    @property
    def duplicate_of(self) -> str | None:
        """The issue id when the only error is "same issue id as an earlier file": the
        PDF was read and split, and came out as that issue."""
        if len(self.errors) == 1:
            match = re.match(r"has the same issue id (\S+) as ", self.errors[0])
            if match:
                return match.group(1)
        return None

    @property
    def read_ok(self) -> bool:
        return self.ingested is not None or self.duplicate_of is not None


@dataclass
class Batch:
    """One ``gazette ingest`` run over many files."""

    command: list[str]
    returncode: int | None  # None: timed out
    stdout: str
    stderr: str
    seconds: float
    outcomes: dict[Path, Outcome]
    content: Path


def run_ingest(inputs: list[tuple[Path, Variant | None]], content: Path, ocr: bool = False, timeout: float = 50,
               extra: tuple[str, ...] = ()) -> Batch:
    """Run the real CLI once over every input and sort its stderr by file."""
    import time

    command = gazette_command() + ["ingest", *[str(p) for p, _ in inputs], "--content", str(content)]
    command += [] if ocr else ["--no-ocr"]
    command += list(extra)
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              errors="backslashreplace")
        returncode, stdout, stderr = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        returncode = None
        stdout = (exc.stdout or b"").decode("utf-8", "backslashreplace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        stderr = (exc.stderr or b"").decode("utf-8", "backslashreplace") if isinstance(exc.stderr, bytes) else (exc.stderr or "")
    seconds = time.monotonic() - started
    outcomes = {p: Outcome(p, v) for p, v in inputs}
    for line in stderr.splitlines():
        for path, outcome in outcomes.items():
            error_prefix, ok_prefix = f"error: {path}: ", f"{path}: issue "
            if line.startswith(error_prefix):
                outcome.errors.append(line[len(error_prefix):])
            elif line.startswith(ok_prefix):
                match = re.match(r"(\S+), (\d+) documents?$", line[len(ok_prefix):])
                if match:
                    outcome.ingested = (match.group(1), int(match.group(2)))
    return Batch(command, returncode, stdout, stderr, seconds, outcomes, content)


def _short(path: Path) -> str:
    return path.name


def batch_problems(batch: Batch, good: dict[Path, int] | None = None, seed_issue: str | None = None,
                   seed_read: bool = True) -> dict[str, list[str]]:
    """Everything wrong with one batch, by check (empty lists: fine).

    ``good`` maps the untouched files to their number of documents; ``seed_issue`` is the
    issue id the seed PDF of the variants splits into (padded copies must give the same).
    ``seed_read=False``: the seed itself is refused (encrypted, no text layer …), so its
    padded copies are not expected to be read either (the bench compares their errors).
    """
    good = good or {}
    problems: dict[str, list[str]] = collections.defaultdict(list)
    if batch.returncode is None:
        problems["hang"].append(f"gazette ingest did not finish within the time limit ({batch.seconds:.0f} s)")
    for stream, text in (("stderr", batch.stderr), ("stdout", batch.stdout)):
        if "Traceback" in text:
            tail = text[text.index("Traceback"):].strip().splitlines()
            problems["traceback"].append(f"a traceback on {stream}; last lines: " + " | ".join(tail[-4:]))
    codes = documented_exit_codes()
    if batch.returncode is not None and batch.returncode not in codes:
        problems["exit code"].append(f"exit code {batch.returncode} is not documented ({sorted(codes)})")
    outcomes = list(batch.outcomes.values())
    failed = [o for o in outcomes if o.errors]
    succeeded = [o for o in outcomes if o.ingested]
    if batch.returncode is not None and failed and succeeded and batch.returncode != ExitCode.PARTIAL:
        problems["exit code"].append(f"exit code {batch.returncode} for a batch where {len(failed)} inputs failed and "
                                     f"{len(succeeded)} were ingested (documented: {int(ExitCode.PARTIAL)})")
    for o in outcomes:
        if not o.errors and not o.ingested:
            problems["not named"].append(f"{_short(o.path)} is named neither in an error: line nor as ingested")
        if o.errors and o.ingested:
            problems["not named"].append(f"{_short(o.path)} is reported both as ingested and as failed")
    for o in outcomes:
        v = o.variant
        if v is None:
            continue
        if v.expect == REJECT and not o.errors:
            problems["broken file accepted"].append(f"{_short(o.path)} ({v.detail}) was not rejected: {o.ingested}")
        if v.expect == ACCEPT and seed_read and not o.read_ok:
            why = "; ".join(o.errors)[:200] if o.errors else "not reported at all"
            problems["valid padded PDF rejected"].append(f"{_short(o.path)} ({v.detail}) was not read: {why}")
        if v.expect == ACCEPT and seed_issue:
            issue = o.ingested[0] if o.ingested else o.duplicate_of
            if issue is not None and issue != seed_issue:
                problems["valid padded PDF misread"].append(f"{_short(o.path)} came out as issue {issue}, not {seed_issue}")
        if o.ingested and o.ingested[1] == 0:
            problems["damaged PDF ingested as an empty issue"].append(
                f"{_short(o.path)} ({v.detail}) was ingested, without an error or warning, as issue {o.ingested[0]} "
                "with 0 documents")
    for path, count in good.items():
        o = batch.outcomes[path]
        if o.ingested is None or o.errors:
            problems["good file not ingested"].append(f"{path}: {o.errors or 'not reported'}")
            continue
        issue_id, documents = o.ingested
        if documents != count:
            problems["good file split wrongly"].append(f"{path}: {documents} documents, expected {count}")
        folder = batch.content / issue_id
        missing = [name for name in ["issue.md", *[f"{n:02d}.md" for n in range(1, count + 1)]]
                   if not (folder / name).is_file()]
        if missing:
            problems["good file not written"].append(f"{path}: {folder} lacks {missing}")
    if not any(o.ingested for o in outcomes):
        return dict(problems)  # nothing written, no content/ to read
    try:
        archive = load_archive(batch.content)
        for path, count in good.items():
            o = batch.outcomes[path]
            if o.ingested:
                issue = next((i for i in archive.issues if i.id == o.ingested[0]), None)
                if issue is None or len(archive.issue_documents(issue)) != count:
                    problems["good file not written"].append(f"{path}: issue {o.ingested[0]} not in content/ with {count} documents")
    except GazetteError as exc:
        problems["content/ unreadable"].append(f"load_archive: {exc.message}")
    return dict(problems)


def truth_documents(pdf: Path) -> int:
    return len(json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))["documents"])


SEED_PDF = RESOURCES / "mini-issue.pdf"
ENCRYPTED_PDF = RESOURCES / "encrypted.pdf"
GOOD_PDFS = [RESOURCES / "mini-issue.pdf", SAMPLES / "2023-01.pdf"]


def ci_corpus() -> list[Variant]:
    """Every variant of mini-issue.pdf, and the damaged security handlers of encrypted.pdf."""
    return (variants(SEED_PDF, truncations=20, flips=12, rng_seed=0)
            + encryption_damaged(ENCRYPTED_PDF.read_bytes(), ENCRYPTED_PDF.stem))


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Two good issues and the whole CI corpus, in one ``gazette ingest``."""
    folder = tmp_path_factory.mktemp("fuzz-pdfs")
    made = ci_corpus()
    paths = write_variants(made, folder / "variants")
    inputs: list[tuple[Path, Variant | None]] = [(p, None) for p in GOOD_PDFS] + list(zip(paths, made))
    return run_ingest(inputs, folder / "content", ocr=False, timeout=50)


@pytest.fixture(scope="module")
def problems(batch: Batch) -> dict[str, list[str]]:
    return batch_problems(batch, {p: truth_documents(p) for p in GOOD_PDFS}, seed_issue="2021-05")


def _report(problems: dict[str, list[str]], *keys: str) -> str:
    return "\n".join(f"{key}: {line}" for key in keys for line in problems.get(key, []))


def test_corpus_is_large_and_deterministic() -> None:
    """The generator makes every kind of variant, the same bytes on every call, each one
    different from the seed, and the padded ones start with the whole seed."""
    made = ci_corpus()
    kinds = collections.Counter(v.kind for v in made)
    assert kinds["truncated"] == 20 and kinds["flipped"] == 12 and kinds["xref"] >= 10 and kinds["padded"] >= 4
    assert kinds["stream"] >= 4 and kinds["encryption"] >= 3
    assert [v.data for v in made] == [v.data for v in ci_corpus()]
    assert len({v.name for v in made}) == len(made)
    seeds = {SEED_PDF.stem: SEED_PDF.read_bytes(), ENCRYPTED_PDF.stem: ENCRYPTED_PDF.read_bytes()}
    assert all(v.data != seeds[v.name.split(".")[0]] for v in made)
    assert all(v.data.startswith(seeds[SEED_PDF.stem]) for v in made if v.kind == "padded")


def test_ingest_batch_has_no_traceback_and_no_hang(batch: Batch, problems: dict[str, list[str]]) -> None:
    assert not problems.get("traceback") and not problems.get("hang"), _report(problems, "traceback", "hang")


def test_ingest_batch_exit_code_is_documented(batch: Batch, problems: dict[str, list[str]]) -> None:
    assert batch.returncode in documented_exit_codes(), batch.stderr[-2000:]
    assert not problems.get("exit code"), _report(problems, "exit code")


def test_ingest_batch_names_every_file(problems: dict[str, list[str]]) -> None:
    assert not problems.get("not named"), _report(problems, "not named")


def test_ingest_batch_rejects_truncated_files(problems: dict[str, list[str]]) -> None:
    assert not problems.get("broken file accepted"), _report(problems, "broken file accepted")


def test_ingest_batch_accepts_padded_valid_pdfs(problems: dict[str, list[str]]) -> None:
    """Bytes after %%EOF (NUL, spaces, line breaks) leave a valid PDF; it must be read."""
    keys = ("valid padded PDF rejected", "valid padded PDF misread")
    assert not any(problems.get(k) for k in keys), _report(problems, *keys)


def test_ingest_batch_reports_damaged_files_that_yield_nothing(problems: dict[str, list[str]]) -> None:
    """A damaged PDF that comes out as an issue with no documents (its pages lost) must be
    an error, not a silent success."""
    key = "damaged PDF ingested as an empty issue"
    assert not problems.get(key), _report(problems, key)


def test_ingest_batch_writes_the_good_issues(problems: dict[str, list[str]]) -> None:
    keys = ("good file not ingested", "good file split wrongly", "good file not written", "content/ unreadable")
    assert not any(problems.get(k) for k in keys), _report(problems, *keys)
