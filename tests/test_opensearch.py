"""The OpenSearch/Elasticsearch bulk export, checked against the _bulk format and the
documented mapping (no search server can be installed here; docs/scale.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from gazette.cli import cli
from gazette.content import load_archive
from gazette.search.opensearch import MAPPING

# What the built-in analysis chain may use (OpenSearch 2 and Elasticsearch 8 ship these).
BUILT_IN_FILTERS = {"cjk_width", "lowercase", "cjk_bigram"}
BUILT_IN_TOKENIZERS = {"standard"}


def _bulk(content: Path, *extra: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["export", "--content", str(content), "--format", "opensearch", *extra])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _check_value(name: str, spec: dict, value: object) -> None:
    if value is None:
        return
    values = value if isinstance(value, list) else [value]
    for item in values:
        kind = spec["type"]
        if kind in ("keyword", "text"):
            assert isinstance(item, str), (name, item)
        elif kind == "integer":
            assert isinstance(item, int) and not isinstance(item, bool), (name, item)
        elif kind == "date":
            assert isinstance(item, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", item), (name, item)
        else:
            raise AssertionError(f"{name}: unexpected mapping type {kind}")


def test_bulk_body_matches_the_format_and_the_mapping(sample_content: Path) -> None:
    lines = _bulk(sample_content, "--site-url", "https://gazette.example.org/")
    archive = load_archive(sample_content)
    public = {d.id for d in archive.documents.values() if d.is_public}
    assert len(lines) == 2 * len(public)
    properties = MAPPING["mappings"]["properties"]
    seen = set()
    for action, source in zip(lines[::2], lines[1::2]):
        assert list(action) == ["index"] and action["index"]["_index"] == "gazette"
        assert action["index"]["_id"] == source["id"]
        assert set(source) == set(properties), set(source) ^ set(properties)  # "dynamic": "strict" accepts nothing else
        for name, value in source.items():
            _check_value(name, properties[name], value)
        assert source["url"] == f"https://gazette.example.org/{source['issue_id']}/{source['id'].rsplit('-', 1)[1]}/"
        seen.add(source["id"])
    assert seen == public  # drafts and withheld documents are never exported


def test_normalised_fields(sample_content: Path) -> None:
    lines = _bulk(sample_content)
    numbered = [s for s in lines[1::2] if s["doc_number"] and "〔" in s["doc_number"]]
    assert numbered and all(s["doc_number_key"] and "〔" in s["doc_number_key"] for s in numbered)
    joint = [s for s in lines[1::2] if s["issuer_text"] and "、" in s["issuer_text"]]
    assert all(s["issuer"] == s["issuer_text"].split("、") for s in joint)


def test_mapping_uses_only_built_in_analysis(sample_content: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--content", str(sample_content), "--format", "opensearch-mapping"])
    mapping = json.loads(result.stdout)
    assert mapping == MAPPING
    analyzers = mapping["settings"]["analysis"]["analyzer"]
    for analyzer in analyzers.values():
        assert analyzer["tokenizer"] in BUILT_IN_TOKENIZERS and set(analyzer["filter"]) <= BUILT_IN_FILTERS
    for name, spec in mapping["mappings"]["properties"].items():
        if spec["type"] == "text":
            assert spec["analyzer"] in analyzers, name


def test_drafts_cannot_go_to_a_search_server(sample_content: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--content", str(sample_content), "--format", "opensearch", "--include-drafts"])
    assert result.exit_code != 0 and "published documents only" in result.output
