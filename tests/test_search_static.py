"""The static search index (gazette/search/static.py): blocks, reuse, determinism, and
the page's engine over an index of many blocks in headless Chromium."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from browser import Browser, browsing, chromium_path
from gazette.content import load_archive, set_status
from gazette.models import Status
from gazette.search import static
from gazette.search.normalize import searchable
from gazette.site import build_site
from gazette.site.render import issue_label
from gazette.site.tree import doc_path
from gazette.structure import body_to_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 2–6 documents, so the 21-document sample has several."""
    monkeypatch.setattr(static, "BLOCK_MIN", 2)
    monkeypatch.setattr(static, "BLOCK_AVERAGE", 4)
    monkeypatch.setattr(static, "BLOCK_MAX", 6)


@pytest.fixture()
def small_eras(monkeypatch: pytest.MonkeyPatch, small_blocks: None) -> None:
    """Eras of 6–10 documents over those blocks, so the sample has closed eras and blocks."""
    monkeypatch.setattr(static, "ERA_MIN", 6)
    monkeypatch.setattr(static, "ERA_SPREAD", 2)
    monkeypatch.setattr(static, "ERA_MAX", 10)


def _entries(content: Path) -> list[static.Entry]:
    archive = load_archive(content).public()
    return [static.Entry(doc_path(d), d, issue, issue_label(issue)) for issue in archive.issues for d in archive.issue_documents(issue)]


def _tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cuts_depend_on_the_documents_not_on_their_neighbours(sample_content: Path, small_blocks: None) -> None:
    ordered = static.order(_entries(sample_content))
    blocks = static.cut_blocks(ordered)
    assert len(blocks) >= 3 and [e for b in blocks for e in b] == ordered
    assert all(len(b) <= static.BLOCK_MAX for b in blocks) and all(len(b) >= static.BLOCK_MIN for b in blocks[:-1])
    ids = [static.block_id(b) for b in blocks]
    # Taking one document out of the middle changes its block and at most the next one.
    middle = len(blocks) // 2
    without = static.cut_blocks([e for e in ordered if e is not blocks[middle][0]])
    assert len(set(ids) - {static.block_id(b) for b in without}) <= 2
    # Adding documents at the end leaves every block but the last as it was.
    grown = static.cut_blocks(ordered + ordered[:3])
    assert [static.block_id(b) for b in grown[:len(blocks) - 1]] == ids[:-1]


def test_closed_eras_join_whole_blocks_and_the_rest_stay_blocks(sample_content: Path, small_eras: None) -> None:
    ordered = static.order(_entries(sample_content))
    blocks, units = static.cut_blocks(ordered), static.cut_units(ordered)
    assert [e for u in units for e in u] == ordered
    eras = [u for u in units if not any(u == b for b in blocks)]
    assert eras and len(units) > len(eras)  # some closed eras, and blocks after them
    assert all(static.ERA_MIN <= len(u) <= static.ERA_MAX + static.BLOCK_MAX for u in eras)
    # Every unit ends where a block ends; the units after the last era are the last blocks.
    ends = {id(b[-1]) for b in blocks}
    assert all(id(u[-1]) in ends for u in units)
    assert units[-1] == blocks[-1]
    # A new issue at the end leaves every closed era as it was.
    grown = static.cut_units(ordered + ordered[:3])
    assert [static.block_id(u) for u in grown[:len(eras)]] == [static.block_id(u) for u in eras]


def test_shards_are_sized_by_bytes(tmp_path: Path, sample_content: Path) -> None:
    entries = static.order(_entries(sample_content))
    info = static.write_block(entries, tmp_path)
    terms, shards = info.terms, info.shards
    raw = [len(gzip.decompress(p.read_bytes())) for p in tmp_path.glob("s/*.gz")]
    assert len(raw) == shards and shards & (shards - 1) == 0  # a power of two
    assert sum(raw) / shards <= static._SHARD_BYTES and sum(raw) / (shards // 2 or 1) > static._SHARD_BYTES


def test_postings_decode_to_the_documents(tmp_path: Path, sample_content: Path) -> None:
    """Read one block back the way the browser does and compare with the texts."""
    entries = static.order(_entries(sample_content))
    static.write_block(entries, tmp_path)
    found: dict[str, list[int]] = {}
    for shard in tmp_path.glob("s/*.gz"):
        data, at = gzip.decompress(shard.read_bytes()), 0
        while at < len(data):
            size, at = _varint(data, at)
            term, at = data[at:at + size].decode(), at + size
            size, at = _varint(data, at)
            found[term] = _decode(data[at:at + size], len(entries))
            at += size
    for piece in ("公开", "施行", "政", "20"):
        expected = [n for n, e in enumerate(entries) if piece in searchable(body_to_text(e.doc.body))]
        assert expected and found[piece] == expected, piece
    # An issuer's pieces (tag R) find its documents by any part of its name, in the shard
    # of the same body piece (山东省人民政府 finds what 山东省人民政府办公厅 issued).
    issuers = [searchable(e.doc.issuer or "") for e in entries]
    name = max(issuers, key=len)
    for piece in {name[:2], name[-2:], name[len(name) // 2]}:
        expected = [n for n, form in enumerate(issuers) if piece in form]
        assert expected and found["R" + piece] == expected, piece
        assert static.shard_key("R" + piece) == piece
    assert json.loads((tmp_path / static.BLOCK_FILE).read_text())["documents"] == len(entries)


@pytest.mark.parametrize("kept", [static.NEIGHBOURS, 3])
def test_neighbour_tables_count_the_pairs_of_the_texts(tmp_path: Path, sample_content: Path, kept: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The x/ shards say, for each Chinese character, which characters follow and precede
    it in how many texts, most frequent first, at most NEIGHBOURS of each."""
    monkeypatch.setattr(static, "NEIGHBOURS", kept)
    entries = static.order(_entries(sample_content))
    info = static.write_block(entries, tmp_path)
    table: dict[str, list] = {}
    for shard in range(info.neighbours):
        part = json.loads(gzip.decompress((tmp_path / "x" / f"{shard:x}.json.gz").read_bytes()))
        assert all(static.fnv1a(char) % info.neighbours == shard for char in part)
        table.update(part)
    pairs: dict[str, int] = {}
    for entry in entries:
        form = searchable(body_to_text(entry.doc.body))
        for pair in {form[i:i + 2] for i in range(len(form) - 1)}:
            if all("\u4e00" <= c <= "\u9fff" for c in pair):
                pairs[pair] = pairs.get(pair, 0) + 1
    assert set(table) == {c for pair in pairs for c in pair}
    for char, (followers, f_counts, preceders, p_counts) in table.items():
        after = sorted(((n, pair[1]) for pair, n in pairs.items() if pair[0] == char), key=lambda x: (-x[0], x[1]))
        before = sorted(((n, pair[0]) for pair, n in pairs.items() if pair[1] == char), key=lambda x: (-x[0], x[1]))
        assert list(zip(f_counts, followers)) == after[:kept], char
        assert list(zip(p_counts, preceders)) == before[:kept], char
    assert json.loads((tmp_path / static.BLOCK_FILE).read_text())["neighbours"] == info.neighbours


def test_sound_table_is_written_for_the_page(tmp_path: Path, sample_content: Path) -> None:
    from gazette.search.normalize import sound_table

    static.write_static_index(_entries(sample_content), tmp_path)
    sounds = json.loads(gzip.decompress((tmp_path / "sounds.json.gz").read_bytes()))
    assert sounds == sound_table()
    assert "户" in sounds["hu"] and "护" in sounds["hu"] and "政" in sounds["zheng"] and "正" in sounds["zheng"]
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert meta["neighbours_kept"] == static.NEIGHBOURS and all(b["neighbours"] >= 1 for b in meta["blocks"])


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def _decode(body: bytes, total: int) -> list[int]:
    count, at = _varint(body, 1)
    if body[0] == 1:
        return [n for n in range(total) if body[at + (n >> 3)] >> (n & 7) & 1]
    out, previous = [], -1
    for _ in range(count):
        gap, at = _varint(body, at)
        previous += gap + 1
        out.append(previous)
    return out


@pytest.mark.parametrize("units", ["small_blocks", "small_eras"])
def test_incremental_build_reuses_blocks_and_writes_what_a_full_build_writes(
        tmp_path: Path, sample_content: Path, units: str, request: pytest.FixtureRequest) -> None:
    request.getfixturevalue(units)
    content = tmp_path / "content"
    shutil.copytree(sample_content, content)
    site = tmp_path / "site"
    first = build_site(content, site, ROOT / "mkdocs.yml")
    assert first.search is not None and first.search.blocks >= 3 and first.search.reused == 0
    draft = load_archive(content).paths["2023-01-02"]  # the sample's draft: published now
    set_status(draft, Status.PUBLISHED)
    second = build_site(content, site, ROOT / "mkdocs.yml")
    assert second.incremental and second.search is not None
    assert second.search.documents == first.search.documents + 1
    # the block it falls in, and the next one or two until the cuts fall where they fell before
    assert 1 <= second.search.blocks - second.search.reused <= 3
    fresh = tmp_path / "fresh"
    build_site(content, fresh, ROOT / "mkdocs.yml", full=True)
    assert _tree_digest(site) == _tree_digest(fresh)  # the whole site, search index included


@pytest.fixture(scope="module")
def blocked_site(sample_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Browser, str]]:
    if chromium_path() is None:
        pytest.skip("chromium is not installed; `make test` installs it via scripts/system-deps.sh")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(static, "BLOCK_MIN", 2)
        patch.setattr(static, "BLOCK_AVERAGE", 4)
        patch.setattr(static, "BLOCK_MAX", 6)
        patch.setattr(static, "ERA_MIN", 6)  # closed eras and blocks, both
        patch.setattr(static, "ERA_MAX", 10)
        site = tmp_path_factory.mktemp("blocked") / "site"
        report = build_site(sample_content, site, ROOT / "mkdocs.yml")
    assert report.search is not None and report.search.blocks >= 3
    with browsing(site) as opened:
        yield opened


def test_browser_search_over_many_blocks(blocked_site: tuple[Browser, str], sample_content: Path) -> None:
    from test_browser import _api_search, _expected, _search

    chrome, base = blocked_site
    for term in ("公开", "施行", "人民政府", "國務院"):
        assert _api_search(chrome, base, term) == _expected(sample_content, term), term
    public = [d for d in load_archive(sample_content).documents.values() if d.is_public]
    numbered = next(d for d in public if d.doc_number and "〔" in d.doc_number)
    assert _search(chrome, base, numbered.doc_number)[:1] == [f"/{numbered.issue_id}/{numbered.seq:02d}/"]
    dates = {f"/{d.issue_id}/{d.seq:02d}/": d.signed_date or "" for d in public}
    shown = [dates[h] for h in _search(chrome, base, "施行", sort="new")]
    assert shown and shown == sorted(shown, reverse=True)
    year = max(d.signed_date[:4] for d in public if d.signed_date)
    wanted = {u for u in _expected(sample_content, "施行") if dates[u].startswith(year)}
    assert _api_search(chrome, base, "施行", {"year": year}) == wanted
