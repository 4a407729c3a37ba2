"""End-to-end ingest of real PDFs through the real parser (no mocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazette.ingest import ingest_pdf
from gazette.models import Kind
from gazette.structure import body_to_text


@pytest.fixture(scope="module")
def real_result(real_pdf: Path):
    return ingest_pdf(real_pdf)


def test_real_pdf_is_one_normative_document(real_result) -> None:
    assert len(real_result.documents) == 1
    doc = real_result.documents[0]
    assert doc.kind is Kind.NORMATIVE
    assert doc.doc_number == "联防联控机制综发〔2022〕71号"
    assert doc.signed_date == "2022-06-27"
    assert doc.title == "关于印发新型冠状病毒肺炎防控方案（第九版）的通知"
    assert doc.issuer == "国务院应对新型冠状病毒肺炎疫情联防联控机制综合组"


def test_real_pdf_keeps_all_pages_and_attachments(real_result) -> None:
    doc = real_result.documents[0]
    assert doc.source.pdf_pages == (1, 159)
    assert doc.source.printed_pages == (1, 159)
    text = body_to_text(doc.body)
    for n in (1, 5, 9, 14):
        assert f"附件{n}" in text.replace(" ", "")
    assert "公民防疫基本行为准则" in text


def test_real_pdf_page_numbers_are_furniture(real_result) -> None:
    pages = real_result.pages
    assert [p.printed_number for p in pages[:3]] == [1, 2, 3]
    assert all(p.lines and p.lines[0].strip() != str(p.printed_number) for p in pages[:20])


def test_real_pdf_paragraphs_are_rejoined(real_result) -> None:
    text = body_to_text(real_result.documents[0].body)
    assert "全面落实“外防输入、内防反弹”总策略和“动态清零”总方针" in text
    assert "各省、自治区、直辖市及新疆生产建设兵团应对新型冠状病毒肺炎疫情联防联控机制" in text


RESOURCES = Path(__file__).parent / "resources"


def test_image_only_pdf_needs_ocr() -> None:
    from gazette.errors import ExitCode, NoTextLayerError

    with pytest.raises(NoTextLayerError) as info:
        ingest_pdf(RESOURCES / "image-only.pdf")
    assert "image-only.pdf" in info.value.message and "OCR" in info.value.message
    assert info.value.exit_code == ExitCode.NO_TEXT


def test_mini_issue_matches_its_truth() -> None:
    import json

    truth = json.loads((RESOURCES / "mini-issue.truth.json").read_text(encoding="utf-8"))
    result = ingest_pdf(RESOURCES / "mini-issue.pdf")
    meta = result.issue.meta
    assert (meta.gazette_name, meta.year, meta.number, meta.total_number, meta.date) == tuple(
        truth["cover"][k] for k in ("gazette_name", "year", "number", "total_number", "date"))
    assert result.issue.id == "2021-05"
    assert len(result.documents) == len(truth["documents"])
    for doc, want in zip(result.documents, truth["documents"]):
        assert doc.title == want["title"]
        assert doc.kind.value == want["kind"]
        assert (doc.doc_number, doc.issuer, doc.signed_date, doc.effective_date, doc.section) == (
            want["doc_number"], want["issuer"], want["signed_date"], want["effective_date"], want["section"])
        assert list(doc.source.pdf_pages) == want["pdf_pages"]
        assert list(doc.source.printed_pages) == want["printed_pages"]
        assert "".join(body_to_text(doc.body).split()) == "".join(want["text"].split())
    assert result.warnings == ()


_CONTROL_TEXT = "关于开展测试工作的通知\n第一条　为了测试\x00，制定本办法\ud800。\n第二条　本办法自公布之日起施行\x07。"


def test_control_characters_are_one_warning_and_never_reach_content(tmp_path: Path) -> None:
    from gazette.content import write_results
    from handmade import text_layer_pdf

    pdf = text_layer_pdf(tmp_path / "ctl.pdf", _CONTROL_TEXT)
    result = ingest_pdf(pdf)
    removed = [w for w in result.warnings if "control" in w.message]
    assert len(removed) == 1
    assert removed[0].file == "ctl.pdf" and removed[0].page == 1 and "3" in removed[0].message
    content = tmp_path / "content"
    write_results(content, [(result, pdf)])
    for path in content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not any(c in text for c in "\x00\ud800\x07"), path
    assert "为了测试，制定本办法。" in body_to_text(result.documents[0].body)


@pytest.mark.parametrize("lines, title", [
    (["关于推进ISO 9001  认证的通知"], "关于推进ISO 9001认证的通知"),
    (["关于做好COVID 19 疫情", "防控工作的通知"], "关于做好COVID 19疫情防控工作的通知"),
    (["关于 印发 山东省", "某某办法的通知"], "关于印发山东省某某办法的通知"),
    (["关于\u3000印发ISO", "9001 指南的通知"], "关于印发ISO 9001指南的通知"),
])
def test_title_keeps_spaces_between_ascii_words_only(lines: list[str], title: str) -> None:
    from gazette.ingest import _join_title

    assert _join_title(lines) == title


def test_issue_with_a_long_toc_and_a_huge_title_keeps_every_document(tmp_path: Path) -> None:
    """130 short documents (a 目录 of several pages) and one whose title has 2,000
    characters, set by the project's generator and read back through pypdf."""
    import json
    import random

    from tools.synth.build import long_title_doc, make_issue
    from tools.synth.corpus import load
    from tools.synth import documents as D

    sources = load()
    if not sources:
        pytest.skip("the shared corpus (../shared/corpus) is empty")
    path = make_issue(tmp_path, "many", sources, random.Random(5), gazette=D.GAZETTES[0], template_index=0,
                      year=2022, number=9, n_docs=130, budget=150, extra=[long_title_doc(D.GAZETTES[0], sources, 2000)])
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    result = ingest_pdf(path)
    assert len(result.issue.toc) == len(truth["documents"])
    got = {d.title for d in result.documents}
    missing = [d["title"] for d in truth["documents"] if d["title"] not in got and len(d["title"]) < 1000]
    assert missing == [] and len(result.documents) == len(truth["documents"])
    huge = next(d["title"] for d in truth["documents"] if len(d["title"]) == 2000)
    assert [d for d in result.documents if d.title[:100] == huge[:100] and len(d.title) > 1000]
    assert not [d for d in result.documents if d.title.startswith("目")]  # the 目录 is no document


def test_issue_with_its_toc_at_the_end_running_title_heads_and_banners(tmp_path: Path) -> None:
    """A layout unlike the generator's: vertical cover name, body pages whose running head
    repeats the title of the page's first document (whole or shortened with ……), a
    two-level section banner, a 文号 on the title's last line, and the 目录 at the end."""
    from handmade import pages_pdf

    law = "中华人民共和国个人独资企业法"
    notice = "浙江省人民政府关于推广第二批支持创新相关改革举措的通知"
    pages = [
        "\n".join([*"浙江省人民政府公报", "2020", "第9期", "（总第297期）", "二〇二〇年五月八日"]),
        "\n".join(["一、法规规章　（一）国家法律", law,
                   "（2020年3月23日第十三届全国人民代表大会常务委员会第十六次会议通过）",
                   "第一条　为了规范个人独资企业的行为，制定本法。", law, "1"]),
        "\n".join(["第二条　本法所称个人独资企业，是指依照本法在中国境内设立的经营实体。",
                   "第三条　本法自2020年4月1日起施行。", law, "2"]),
        "\n".join(["二、政府文件", "浙江省人民政府关于推广第二批支持创新相关",
                   "改革举措的通知　浙政发〔2020〕5号", "各市、县（市、区）人民政府，省政府直属各单位：",
                   "现将有关事项通知如下。", "浙江省人民政府", "2020年3月5日", "浙江省人民政府关于推广第二批……", "3"]),
        "\n".join(["本期目录", "国家法律", law, "全国人民代表大会常务委员会　2020年3月23日 ··········· 1",
                   "政府文件", notice, "浙江省人民政府　2020年3月5日 ··········· 3"]),
    ]
    path = tmp_path / "endtoc.pdf"
    path.write_bytes(pages_pdf(pages))
    result = ingest_pdf(path)
    assert result.issue.meta.gazette_name == "浙江省人民政府公报" and result.issue.meta.number == 9
    assert [(d.title, d.section, d.source.pdf_pages, d.source.printed_pages) for d in result.documents] == [
        (law, "国家法律", (2, 3), (1, 2)), (notice, "政府文件", (4, 4), (3, 3))]
    first, second = result.documents
    assert (first.issuer, first.signed_date, first.kind) == ("全国人民代表大会常务委员会", "2020-03-23", Kind.REGULATION)
    assert body_to_text(first.body).count(law) == 1  # the running heads are gone
    assert (second.doc_number, second.issuer, second.signed_date) == ("浙政发〔2020〕5号", "浙江省人民政府", "2020-03-05")
    assert "……" not in body_to_text(second.body) and "法规规章" not in body_to_text(first.body)


def test_red_header_opens_its_document_and_divider_pages_belong_to_none(tmp_path: Path) -> None:
    """A 版头 (…人民政府文件) above the 文号 and title is the document's first line; a page
    that prints only a section's name (a divider) is no document's page."""
    from handmade import pages_pdf

    first = "博罗县人民政府关于推进政务新媒体健康有序发展的意见"
    second = "关于印发《博罗县工伤保险管理办法》的通知"
    pages = [
        "\n".join(["博罗县人民政府公报", "2022年第5期", "（总第101期）", "2022年5月10日"]),
        "\n".join(["目　　录", "〖县政府文件〗", f"博罗县人民政府　{first[7:]} ……………… 1", "博府发〔2022〕8号",
                   "〖部门文件〗", f"博罗县科学技术局　博罗县自然资源局　{second} ……………… 3", "博科自发〔2022〕16号"]),
        "\n".join(["博罗县人民政府文件", "博府发〔2022〕8号", first, "各乡镇人民政府，县政府各部门：",
                   "现就推进政务新媒体健康有序发展提出如下意见。", "博罗县人民政府", "2022年3月1日",
                   "博罗县人民政府公报 2022年第5期 1"]),
        "\n".join(["部　门　文　件", "◆"]),
        "\n".join(["博罗县科学技术局", "博罗县自然资源局", "文件", "博科自发〔2022〕16号", second,
                   "各乡镇人民政府：", "现将《博罗县工伤保险管理办法》印发给你们，请认真贯彻执行。",
                   "博罗县科学技术局　博罗县自然资源局", "2022年3月8日", "博罗县人民政府公报 2022年第5期 3"]),
    ]
    path = tmp_path / "redhead.pdf"
    path.write_bytes(pages_pdf(pages))
    result = ingest_pdf(path)
    got = [(d.title, d.source.pdf_pages, d.doc_number) for d in result.documents]
    assert got == [(first, (3, 3), "博府发〔2022〕8号"), (second, (5, 5), "博科自发〔2022〕16号")]
    assert body_to_text(result.documents[0].body).startswith("博罗县人民政府文件")
    assert result.documents[1].issuer == "博罗县科学技术局、博罗县自然资源局"


def test_announcement_heading_opens_its_document_and_a_title_foot_is_furniture(tmp_path: Path) -> None:
    """农业农村部公告 / 2023年第58号 above the title belong to the 公告; a running foot that
    prints the title of the page's first document with the folio belongs to none."""
    from handmade import pages_pdf

    reply = "农业农村部办公厅关于黄金经济政策有关问题的复函"
    notice = "关于废止部分规范性文件的公告"
    pages = [
        "\n".join(["中华人民共和国农业农村部公报", "2023年第10期", "（总第283期）", "2023年10月20日"]),
        "\n".join(["目　　录", "部文件", f"{reply} 农办函〔2023〕237号 1", "公告", f"{notice} 农业农村部公告2023年第58号 2"]),
        "\n".join([reply, "农办函〔2023〕237号", "中国人民银行：", "你行来函收悉。经研究，函复如下：",
                   "一、关于黄金收购问题", "继续执行现行规定。", f"{reply} 1"]),
        "\n".join(["二、关于黄金管理经费问题", "按照政企分开的原则进行改革。", "农业农村部办公厅", "2023年9月25日",
                   "农业农村部公告", "2023年第58号", notice, "现决定废止部分规范性文件。", "农业农村部", "2023年10月1日", f"{reply} 2"]),
    ]
    path = tmp_path / "ministry.pdf"
    path.write_bytes(pages_pdf(pages))
    result = ingest_pdf(path)
    assert [(d.title, d.source.pdf_pages) for d in result.documents] == [(reply, (3, 4)), (notice, (4, 4))]
    first, second = (body_to_text(d.body) for d in result.documents)
    assert first.count(reply) == 1 and "农业农村部公告" not in first  # the foot is gone; the heading went to the 公告
    assert second.startswith("农业农村部公告\n2023年第58号\n" + notice)
    assert result.documents[0].signed_date == "2023-09-25"
