"""Relations across issues: detection, resolution, reverse relations, works, validity,
editors' overrides, the export, the site's relation box and the validity filter.

The archive: four issues (synthetic; bodies of the rules are real official texts from
../shared/corpus) in two gazettes:

* 2021-03 清河市人民政府公报: rule A (市政府令第5号), rule B (市政府令第6号), the 政策解读 of A,
  and a notice that prints (印发) an attached 实施方案;
* 2021-09: a decision that amends A (by its short 令号) and repeals B and a rule that is
  not in the archive;
* 2022-01: rule C, whose last article replaces an older rule not in the archive;
* 2022-02 山东省人民政府公报: a reprint of the notice of 2021-03 (same 文号).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazette.archive.references import references
from gazette.archive.relations import link_archive
from gazette.cli import cli
from gazette.content import load_archive, render_document, render_issue
from gazette.export import iter_records
from gazette.models import (Document, Issue, IssueMeta, Kind, RelationEdit, RelationType, SourceRef, Status,
                            Validity)
from gazette.structure import text_to_body

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _corpus_paragraphs(count: int) -> list[list[str]]:
    from tools.synth.corpus import load

    sources = [s for s in load() if s.kind == "regulation" and len(s.paragraphs) > 8]
    if len(sources) < count:
        pytest.skip("the shared corpus (../shared/corpus) has too few regulations")
    return [list(s.paragraphs[1:12]) for s in sources[:count]]


def _doc(issue_id: str, seq: int, title: str, kind: Kind, number: str | None, issuer: str, signed: str,
         body: list[str], effective: str | None = None, **extra: object) -> Document:
    return Document(id=f"{issue_id}-{seq:02d}", issue_id=issue_id, seq=seq, title=title, kind=kind, doc_number=number,
                    issuer=issuer, signed_date=signed, effective_date=effective or signed, section=None,
                    source=SourceRef(f"{issue_id}.pdf", "0" * 64, (seq, seq), (seq, seq)),
                    body=text_to_body([title, *body]), status=Status.PUBLISHED, **extra)  # type: ignore[arg-type]


CITY = "清河市人民政府"
A_TITLE, B_TITLE = "清河市城市绿化管理办法", "清河市户外广告设置管理办法"


def _write(content: Path, issue_id: str, gazette: str, date: str, docs: list[Document]) -> None:
    folder = content / issue_id
    folder.mkdir(parents=True, exist_ok=True)
    year, number = (int(x) for x in issue_id.split("-"))
    issue = Issue(issue_id, IssueMeta(gazette, year, number, None, date), f"{issue_id}.pdf", "0" * 64, 10, (),
                  tuple(d.id for d in docs))
    (folder / "issue.md").write_text(render_issue(issue), encoding="utf-8")
    for doc in docs:
        (folder / f"{doc.seq:02d}.md").write_text(render_document(doc), encoding="utf-8")


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    a_body, b_body, c_body, plan_body = _corpus_paragraphs(4)
    content = tmp_path_factory.mktemp("relations") / "content"
    _write(content, "2021-03", "清河市人民政府公报", "2021-03-15", [
        _doc("2021-03", 1, A_TITLE, Kind.REGULATION, "清河市人民政府令第5号", CITY, "2021-02-01", a_body),
        _doc("2021-03", 2, B_TITLE, Kind.REGULATION, "清河市人民政府令第6号", CITY, "2021-02-03", b_body),
        _doc("2021-03", 3, f"《{A_TITLE}》政策解读", Kind.INTERPRETATION, None, "清河市司法局", "2021-02-05",
             ["近日，市政府公布了《清河市城市绿化管理办法》（市政府令第5号）。现就有关内容解读如下。", "一、制定背景"]),
        _doc("2021-03", 4, "清河市人民政府办公室关于印发清河市古树名木保护实施方案的通知", Kind.NORMATIVE,
             "清政办发〔2021〕3号", "清河市人民政府办公室", "2021-02-10",
             ["各县（市、区）人民政府，市政府各部门：", "根据《中华人民共和国森林法》，《清河市古树名木保护实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。"]),
        _doc("2021-03", 5, "清河市古树名木保护实施方案", Kind.NORMATIVE, None, "清河市人民政府办公室", "2021-02-10", plan_body),
    ])
    _write(content, "2021-09", "清河市人民政府公报", "2021-09-20", [
        _doc("2021-09", 1, "清河市人民政府关于修改和废止部分市政府规章的决定", Kind.REGULATION, "清河市人民政府令第9号", CITY,
             "2021-09-01", ["为维护法制统一，市政府决定：", "一、对下列规章作如下修改：",
                            f"（一）{A_TITLE}（2021年2月1日市政府令第5号公布）", "将第三条中的“园林部门”修改为“城市管理部门”。",
                            "二、决定废止下列规章：", f"（一）《{B_TITLE}》（市政府令第6号）",
                            "（二）清河市城市道路挖掘管理办法（2010年5月1日市政府令第2号公布）",
                            "本决定自2021年10月1日起施行。"], effective="2021-10-01"),
    ])
    _write(content, "2022-01", "清河市人民政府公报", "2022-01-10", [
        _doc("2022-01", 1, "清河市生活垃圾分类管理办法", Kind.REGULATION, "清河市人民政府令第12号", CITY, "2021-12-20",
             c_body + ["第三十条　本办法自2022年3月1日起施行。2012年5月8日市政府令第3号公布的《清河市城市生活垃圾管理办法》同时废止。"],
             effective="2022-03-01"),
    ])
    _write(content, "2022-02", "山东省人民政府公报", "2022-02-15", [
        _doc("2022-02", 1, "清河市人民政府办公室关于印发清河市古树名木保护实施方案的通知", Kind.NORMATIVE,
             "清政办发〔2021〕3号", "清河市人民政府办公室", "2021-02-10",
             ["各县（市、区）人民政府，市政府各部门：", "《清河市古树名木保护实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。"]),
    ])
    return content


def _rel(standing, kind: RelationType):  # type: ignore[no-untyped-def]
    return [r for r in standing.relations if r.type is kind]


def test_relations_are_found_and_resolved_across_issues(archive_dir: Path) -> None:
    linkage = link_archive(load_archive(archive_dir))
    (interprets,) = _rel(linkage.of("2021-03-03"), RelationType.INTERPRETS)
    assert interprets.target_id == "2021-03-01"
    (issues,) = _rel(linkage.of("2021-03-04"), RelationType.ISSUES)
    assert issues.target_id == "2021-03-05"  # 根据《森林法》 is a legal basis, not a relation
    decision = linkage.of("2021-09-01")
    (amends,) = _rel(decision, RelationType.AMENDS)
    assert amends.target_id == "2021-03-01"  # 市政府令第5号, title without 《》
    repeals = sorted(_rel(decision, RelationType.REPEALS), key=lambda r: r.target_title)
    assert [(r.target_id, r.target_title) for r in repeals] == [
        (None, "清河市城市道路挖掘管理办法"), ("2021-03-02", B_TITLE)]
    assert repeals[0].target_doc_number == "市政府令第2号"  # kept as printed, unresolved
    (replaces,) = _rel(linkage.of("2022-01-01"), RelationType.REPLACES)
    assert (replaces.target_id, replaces.target_title, replaces.target_doc_number) == (
        None, "清河市城市生活垃圾管理办法", "市政府令第3号")
    # The reverse direction, derived.
    a, b = linkage.of("2021-03-01"), linkage.of("2021-03-02")
    assert [r.target_id for r in _rel(a, RelationType.INTERPRETED_BY)] == ["2021-03-03"]
    assert [r.target_id for r in _rel(a, RelationType.AMENDED_BY)] == ["2021-09-01"]
    assert [(r.target_id, r.date) for r in _rel(b, RelationType.REPEALED_BY)] == [("2021-09-01", "2021-10-01")]
    assert [r.target_id for r in _rel(linkage.of("2021-03-05"), RelationType.ISSUED_BY)] == ["2021-03-04"]


def test_validity_and_printings(archive_dir: Path) -> None:
    linkage = link_archive(load_archive(archive_dir))
    assert linkage.as_of == "2022-02-15"
    assert linkage.of("2021-03-01").validity is Validity.AMENDED
    b = linkage.of("2021-03-02")
    assert (b.validity, b.repealed_on) == (Validity.REPEALED, "2021-10-01")
    assert linkage.of("2022-01-01").validity is Validity.NOT_YET_EFFECTIVE  # effective 2022-03-01, archive ends 2022-02-15
    assert linkage.of("2021-03-03").validity is None  # a 政策解读 has no legal force
    # The notice reprinted in the provincial gazette: one work, two printings.
    first, reprint = linkage.of("2021-03-04"), linkage.of("2022-02-01")
    assert first.work == reprint.work == "2021-03-04"
    assert first.printings == ("2022-02-01",) and reprint.printings == ("2021-03-04",)
    # Resolution goes to the first printing; nothing relates a document to itself.
    assert not any(r.target_id in ("2021-03-04", "2022-02-01") for r in _rel(reprint, RelationType.ISSUES))


def test_decoys_make_no_relation() -> None:
    doc = _doc("2020-01", 1, "清河市某某管理办法", Kind.REGULATION, None, CITY, "2020-01-01", [
        "第一条　根据《中华人民共和国行政处罚法》《清河市城市绿化管理办法》，制定本办法。",
        "第二条　规章的修改、废止程序依照《规章制定程序条例》执行。",
        "第三条　本办法自2020年2月1日起施行。本办法施行前的规定与本办法不一致的，以本办法为准。",
    ])
    assert references(doc) == ()


def test_editor_relations_and_validity_win(archive_dir: Path, tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(archive_dir, content)
    path = content / "2021-09" / "01.md"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("\nstatus: published\n", "\nstatus: published\nrelations:\n"
                          "- type: repeals\n  title: 清河市城市道路挖掘管理办法\n  remove: true\n"
                          "- type: repeals\n  target: 2022-01-01\n", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    rule = content / "2021-03" / "01.md"
    rule.write_text(rule.read_text(encoding="utf-8").replace("\nstatus: published\n", "\nstatus: published\nvalidity: 已失效\nvalidity_by: 市司法局\n", 1), encoding="utf-8")
    archive = load_archive(content)
    assert archive.documents["2021-09-01"].relations[0] == RelationEdit(RelationType.REPEALS, None, "清河市城市道路挖掘管理办法", None, True)
    linkage = link_archive(archive)
    repeals = {r.target_title: r for r in _rel(linkage.of("2021-09-01"), RelationType.REPEALS)}
    assert "清河市城市道路挖掘管理办法" not in repeals
    assert repeals["清河市生活垃圾分类管理办法"].by == "editor"
    assert linkage.of("2022-01-01").validity is Validity.REPEALED  # the editor's relation made it so
    a = linkage.of("2021-03-01")
    assert (a.validity, a.validity_by) == (Validity.EXPIRED, "市司法局")
    # A later re-render of the file keeps the editor's lines.
    assert "relations:" in render_document(archive.documents["2021-09-01"])
    # A conflict is reported: 2022-01-01 is repealed after it was printed... and B only once.
    bad = content / "2021-03" / "03.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("\nstatus: published\n", "\nstatus: published\nrelations:\n- type: repeals\n  target: nosuch-01\n", 1), encoding="utf-8")
    problems = link_archive(load_archive(content)).problems
    assert any("nosuch-01" in p for p in problems)


def test_export_records_carry_validity_and_relations(archive_dir: Path) -> None:
    records = {r["id"]: r for r in iter_records(load_archive(archive_dir), frozenset({Status.PUBLISHED}))}
    b = records["2021-03-02"]
    assert b["validity"] == "repealed"
    assert {"type": "repealed_by", "target_id": "2021-09-01", "target_title": "清河市人民政府关于修改和废止部分市政府规章的决定",
            "target_doc_number": "清河市人民政府令第9号"} in b["relations"]
    assert records["2021-03-03"]["validity"] is None
    unresolved = [r for r in records["2021-09-01"]["relations"] if r["target_id"] is None]
    assert unresolved == [{"type": "repeals", "target_id": None, "target_title": "清河市城市道路挖掘管理办法",
                           "target_doc_number": "市政府令第2号"}]


def test_relations_command_lists_unresolved(archive_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["relations", "--content", str(archive_dir)])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["2021-09-01", "repeals", "-", "清河市城市道路挖掘管理办法", "市政府令第2号"] in lines
    assert all(line[2] == "-" for line in lines)
    every = CliRunner().invoke(cli, ["relations", "--content", str(archive_dir), "--all", "--json"])
    rows = [json.loads(line) for line in every.stdout.splitlines()]
    assert {"source_id": "2021-03-03", "type": "interprets", "target_id": "2021-03-01"}.items() <= next(
        r for r in rows if r["source_id"] == "2021-03-03").items()


@pytest.fixture(scope="module")
def relation_site(archive_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gazette.site import build_site

    site = tmp_path_factory.mktemp("relsite") / "site"
    build_site(archive_dir, site, ROOT / "mkdocs.yml")
    return site


def _page(site: Path, doc_id: str) -> str:
    issue, seq = doc_id.rsplit("-", 1)
    return (site / issue / seq / "index.html").read_text(encoding="utf-8")


def test_site_relation_box_labels_and_json_ld(relation_site: Path) -> None:
    b = _page(relation_site, "2021-03-02")
    assert re.search(r"本件已被<a href=\"[^\"]*2021-09/01/\">《清河市人民政府关于修改和废止部分市政府规章的决定》（清河市人民政府令第9号）</a>废止，自2021年10月1日起失效。", b)
    assert 'gz-validity-repealed">已废止' in b
    assert '"legislationLegalForce": "NotInForce"' in b or '"legislationLegalForce":"NotInForce"' in b
    a = _page(relation_site, "2021-03-01")
    assert "本件已被修改：" in a and "相关解读：" in a and "gz-validity-amended" in a
    decision = _page(relation_site, "2021-09-01")
    assert "《清河市城市道路挖掘管理办法》（市政府令第2号）<span class=\"gz-unlisted\">（未收录）</span>" in decision
    reprint = _page(relation_site, "2022-02-01")
    assert "本件同时刊登于" in reprint and "2021-03/04/" in reprint
    toc = (relation_site / "2021-03" / "index.html").read_text(encoding="utf-8")
    assert toc.count("gz-validity-") >= 2
    feed = (relation_site / "feed.xml").read_text(encoding="utf-8")
    assert "已于2021-10-01被《清河市人民政府关于修改和废止部分市政府规章的决定》废止" in feed
    meta = json.loads((relation_site / "search-index" / "meta.json").read_text(encoding="utf-8"))
    assert meta["validities"]["repealed"] == 1
    repealed = (relation_site / "validity" / "repealed" / "index.html").read_text(encoding="utf-8")
    assert B_TITLE in repealed and A_TITLE not in repealed
    record = json.loads((relation_site / "api" / "documents" / "2021-03-02.json").read_text(encoding="utf-8"))
    assert record["validity"] == "repealed"


def test_browser_relation_box_and_validity_filter(relation_site: Path) -> None:
    from browser import Browser, SiteServer, chromium_path
    from test_browser import _api_search

    if chromium_path() is None:
        pytest.skip("chromium is not installed; `make test` installs it via scripts/system-deps.sh")
    with SiteServer(relation_site) as server:
        chrome = Browser()
        try:
            chrome.goto(server.url + "2021-03/02/")
            box = chrome.js("document.querySelector('.gz-relations') && document.querySelector('.gz-relations').innerText")
            assert box and "已被" in box and "废止" in box
            shown = chrome.js("getComputedStyle(document.querySelector('.gz-relations')).display")
            assert shown != "none"
            href = chrome.js("document.querySelector('.gz-relations a').getAttribute('href')")
            chrome.goto(server.url + "2021-03/02/" + href)
            assert "修改和废止" in chrome.js("document.querySelector('h1').textContent")
            assert _api_search(chrome, server.url, "管理", {"validity": "repealed"}) == {"/2021-03/02/"}
            in_force = _api_search(chrome, server.url, "管理", {"validity": "amended"})
            assert in_force == {"/2021-03/01/"}
            # The reprint is one work: search lists its first printing only.
            found = _api_search(chrome, server.url, "古树名木保护实施方案")
            assert "/2021-03/04/" in found and "/2022-02/01/" not in found
        finally:
            chrome.close()


def test_relations_through_ingested_pdfs(tmp_path: Path) -> None:
    """Two synthetic issue PDFs (tools.synth, corpus texts) through the real ingest: a
    later decision repeals a rule of the first issue by its short 令号 and a rule that
    is not in the archive; a notice printing its attachment inside itself relates to
    nothing."""
    import random

    from tools.synth import documents as D
    from tools.synth.build import make_issue
    from tools.synth.corpus import load

    sources = load()
    if not sources:
        pytest.skip("the shared corpus (../shared/corpus) is empty")
    g = next(x for x in D.GAZETTES if x.short == "山东")
    first = make_issue(tmp_path, "i1", sources, random.Random(7), gazette=g, template_index=0, year=2019, number=3, n_docs=6, rich=True)
    truth = json.loads((tmp_path / "i1.truth.json").read_text(encoding="utf-8"))
    rule = next(d for d in truth["documents"] if d["kind"] == "regulation" and d.get("doc_number"))
    short = rule["doc_number"].replace("山东省人民政府令", "省政府令")
    blocks = [D.Block("title", "山东省人民政府关于废止部分省政府规章的决定"), D.Block("para", "为维护法制统一，经省政府同意，决定对下列规章予以废止："),
              D.Block("para", f"一、《{rule['title']}》（{short}）"),
              D.Block("para", "二、山东省城市房屋拆迁管理条例实施办法（1998年省政府令第90号公布）"),
              D.Block("para", "本决定自公布之日起施行。"), D.Block("right", "山东省人民政府"), D.Block("right", "2020年5月6日")]
    decision = D.Doc("normative", "山东省人民政府关于废止部分省政府规章的决定", g.normative_section, blocks,
                     "鲁政发〔2020〕5号", "鲁政发〔2020〕5号", "山东省人民政府", "2020-05-06", "2020-05-06")
    second = make_issue(tmp_path, "i2", sources, random.Random(8), gazette=g, template_index=1, year=2020, number=9,
                        n_docs=4, extra=[decision])
    content = tmp_path / "content"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(first), str(second), "--content", str(content), "--no-ocr"]).exit_code == 0
    assert runner.invoke(cli, ["publish", "--all", "--content", str(content)]).exit_code == 0
    archive = load_archive(content)
    linkage = link_archive(archive)
    rule_id = next(d.id for d in archive.documents.values() if d.title == rule["title"])
    decision_id = next(d.id for d in archive.documents.values() if d.title == decision.title)
    repeals = {(r.target_id, r.target_title) for r in _rel(linkage.of(decision_id), RelationType.REPEALS)}
    assert repeals == {(rule_id, rule["title"]), (None, "山东省城市房屋拆迁管理条例实施办法")}
    assert linkage.of(rule_id).validity is Validity.REPEALED
    # The 印发 notice of the first issue prints its attachment inside itself (heading wrapped
    # over two lines): no unresolved "issues" relation, no 未收录 on its page.
    notices = [d for d in archive.documents.values() if "关于印发" in d.title]
    assert notices
    assert not [r for d in notices for r in _rel(linkage.of(d.id), RelationType.ISSUES) if r.target_id is None]


def test_cli_search_filters_by_validity_and_shows_a_work_once(archive_dir: Path, tmp_path: Path) -> None:
    from gazette.searchindex import build_index, search_page

    index = tmp_path / "index"
    build_index(archive_dir, index)
    repealed = search_page(index, "管理", validity="repealed")
    assert [h.id for h in repealed.hits] == ["2021-03-02"] and repealed.hits[0].validity == "repealed"
    found = search_page(index, "古树名木保护实施方案", limit=50)
    ids = [h.id for h in found.hits]
    assert "2021-03-04" in ids and "2022-02-01" not in ids and found.total == len(ids)
    both = search_page(index, "清政办发[2021]3号")  # a 文号 lists every printing
    assert {h.id for h in both.hits} == {"2021-03-04", "2022-02-01"}
    result = CliRunner().invoke(cli, ["search", "管理", "--index", str(index), "--validity", "repealed"])
    assert result.exit_code == 0 and "已废止" in result.stdout


def test_index_follows_a_repeal_printed_later(archive_dir: Path, tmp_path: Path) -> None:
    """A new issue that repeals an old rule changes the old rule's entry in the index."""
    import shutil

    from gazette.searchindex import build_index, search_page

    content = tmp_path / "content"
    shutil.copytree(archive_dir, content)
    index = tmp_path / "index"
    build_index(content, index)
    assert search_page(index, "生活垃圾分类", validity="repealed").total == 0
    _write(content, "2022-06", "清河市人民政府公报", "2022-06-10", [
        _doc("2022-06", 1, "清河市人民政府关于废止《清河市生活垃圾分类管理办法》的决定", Kind.REGULATION, "清河市人民政府令第15号", CITY,
             "2022-06-01", ["市政府决定：废止《清河市生活垃圾分类管理办法》（市政府令第12号）。", "本决定自公布之日起施行。"]),
    ])
    report = build_index(content, index)
    assert report.added == 1 and report.updated >= 1  # the repealed rule is indexed again
    hits = search_page(index, "生活垃圾分类", validity="repealed").hits
    assert "2022-01-01" in [h.id for h in hits]


@pytest.mark.parametrize("clause, validity", [
    ("本办法自2015年1月1日起施行，有效期两年。", Validity.EXPIRED),
    ("本办法自2015年1月1日起施行，有效期至2016年12月31日。", Validity.EXPIRED),
    ("本办法自2015年1月1日起施行，有效期5年。", Validity.IN_FORCE),  # ends 2020-01-01, after the archive's last issue
    ("本办法自2030年1月1日起施行。", Validity.NOT_YET_EFFECTIVE),
])
def test_validity_from_the_documents_own_dates(tmp_path: Path, clause: str, validity: Validity) -> None:
    effective = "2030-01-01" if "2030" in clause else "2015-01-01"
    content = tmp_path / "content"
    _write(content, "2019-01", "清河市人民政府公报", "2019-01-10", [
        _doc("2019-01", 1, "清河市某某暂行办法", Kind.REGULATION, "清河市人民政府令第1号", CITY, "2014-12-01",
             ["第一条　为了规范管理，制定本办法。", f"第二条　{clause}"], effective=effective)])
    assert link_archive(load_archive(content)).of("2019-01-01").validity is validity


def test_two_repeals_on_one_day_do_not_break_linking(tmp_path: Path) -> None:
    """Found at 100,000 documents: a rule repealed by two decisions taking effect the same
    day (two reprints of one decision) made the validity sort compare Relation objects."""
    content = tmp_path / "content"
    target = _doc("2021-03", 1, B_TITLE, Kind.REGULATION, "清河市人民政府令第6号", CITY, "2021-02-03",
                  ["第一条　为了规范户外广告设置，制定本办法。"])
    decision = ["市政府决定：", f"废止《{B_TITLE}》（市政府令第6号）。", "本决定自2021年10月1日起施行。"]
    _write(content, "2021-03", "清河市人民政府公报", "2021-03-15", [target])
    _write(content, "2021-09", "清河市人民政府公报", "2021-09-20", [
        _doc("2021-09", 1, "清河市人民政府关于废止部分市政府规章的决定", Kind.REGULATION, "清河市人民政府令第9号", CITY,
             "2021-09-01", decision, effective="2021-10-01"),
        _doc("2021-09", 2, "清河市人民政府关于废止部分规章的决定", Kind.REGULATION, "清河市人民政府令第10号", CITY,
             "2021-09-02", decision, effective="2021-10-01")])
    standing = link_archive(load_archive(content)).of("2021-03-01")
    assert len([r for r in standing.relations if r.type is RelationType.REPEALED_BY]) == 2
    assert standing.validity is Validity.IN_FORCE  # as of the latest issue (2021-09-20) the repeal is still ahead
