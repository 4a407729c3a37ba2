"""Browser search: run Pagefind (extended build, which segments Chinese) over the built site.

Pagefind writes a fragmented index into ``site/pagefind/``; a query downloads the
entry file, the WebAssembly runtime and only the index chunks and fragments it needs.
Only document pages carry ``data-pagefind-body``, so nothing else is indexed; each
document page also holds its text's character bigrams (hidden), so every 2-character
query matches inside longer words (公开 in 政务公开) whatever the segmenter does.

Determinism: Pagefind 1.5 writes the filter list of its ``.pf_meta`` file and the
values of each ``.pf_filter`` file in hash-map order, which changes from run to run
(and with it the content-hash file names and ``pagefind-entry.json``).
:func:`canonicalize` rewrites those files with the lists sorted, renames them by a hash
of their new content and updates the references, so two builds give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import subprocess
from pathlib import Path
from typing import Any

from ..errors import BuildError

_SIGNATURE = b"pagefind_dcd"


def pagefind_executable() -> Path:
    """The Pagefind binary shipped in the ``pagefind[extended]`` wheel."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError as exc:
        raise BuildError("the Pagefind extended binary is not installed; run `pip install 'pagefind[extended]'` (make setup does it)") from exc
    return Path(get_executable())


def index_site(site: Path) -> None:
    """Build the Pagefind index of a built site in ``site/pagefind``."""
    command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", "pagefind",
               "--force-language", "zh-cn", "--quiet"]
    returncode, output = run_child(command)
    if returncode != 0:
        detail = output.strip().splitlines()[-1:] or ["no output"]
        raise BuildError(f"{site}: Pagefind failed ({detail[0]}); the previous site was left in place")
    try:
        canonicalize(site / "pagefind")
    except (ValueError, KeyError, IndexError, OSError) as exc:
        raise BuildError(f"{site}/pagefind: unexpected Pagefind index format ({exc}); "
                         "this Gazette version expects Pagefind 1.5; the previous site was left in place") from exc


def run_child(command: list[str]) -> tuple[int, str]:
    """Run a command in its own process group and return (exit code, its output). If
    anything stops the wait (Ctrl-C, SIGTERM turned into an exception, an error), the
    whole group is killed, so no indexer keeps running after Gazette stops."""
    import os
    import signal

    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        output, _ = process.communicate()
    except BaseException:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        raise
    return process.returncode, output.decode("utf-8", errors="replace")


# ---------------------------------------------------------------- minimal CBOR (what Pagefind writes)

class _Map(list):
    """A decoded CBOR map, kept as ordered (key, value) pairs."""


def _decode(data: bytes, i: int = 0) -> tuple[Any, int]:
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"unsupported CBOR item 0x{head:02x}")
    if major == 0:
        return value, i
    if major == 1:
        return -1 - value, i
    if major == 2:
        return bytes(data[i:i + value]), i + value
    if major == 3:
        return data[i:i + value].decode("utf-8"), i + value
    if major == 4:
        items = []
        for _ in range(value):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    if major == 5:
        pairs = _Map()
        for _ in range(value):
            key, i = _decode(data, i)
            item, i = _decode(data, i)
            pairs.append((key, item))
        return pairs, i
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], i
    raise ValueError(f"unsupported CBOR item 0x{head:02x}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise ValueError("integer too large")


def _encode(value: Any) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, _Map):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value)
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise ValueError(f"cannot encode {type(value).__name__}")


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError(f"{path.name}: no Pagefind signature")
    value, end = _decode(raw, len(_SIGNATURE))
    if end != len(raw):
        raise ValueError(f"{path.name}: trailing bytes")
    return value


def _write(folder: Path, prefix: str, lang: str, digits: int, suffix: str, value: Any) -> str:
    """Write ``value`` as a Pagefind file named by a hash of its content; returns the hash name."""
    raw = _SIGNATURE + _encode(value)
    name = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def canonicalize(pagefind: Path) -> None:
    """Sort the hash-map-ordered lists of Pagefind's meta and filter files (see module doc)."""
    entry_path = pagefind / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        meta_path = pagefind / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        # MetaIndex: [version, pages, index_chunks, filters [[name, hash]], sorts, ...]
        filters = meta[3]
        renamed = []
        for name, filter_hash in filters:
            filter_path = pagefind / "filter" / f"{filter_hash}.pf_filter"
            table = _read(filter_path)  # [name, [[value, [page numbers]]]]
            table[1] = sorted(table[1], key=lambda row: row[0])
            filter_path.unlink()
            renamed.append([name, _write(pagefind / "filter", "", lang, len(filter_hash.split("_")[-1]), ".pf_filter", table)])
        meta[3] = sorted(renamed, key=lambda row: row[0])
        meta_path.unlink()
        digits = len(info["hash"].split("_")[-1])
        info["hash"] = _write(pagefind, "pagefind.", lang, digits, ".pf_meta", meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
