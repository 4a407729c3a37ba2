"""Tests for page furniture removal and printed page numbers."""

from gazette.pages import build_pages, page_number_of, text_problem
from gazette.pdf import RawPage


def test_page_number_shapes() -> None:
    assert page_number_of("— 3 —") == 3
    assert page_number_of("·12·") == 12
    assert page_number_of("-7-") == 7
    assert page_number_of("15") == 15
    assert page_number_of("第 4 页") == 4
    assert page_number_of("第四条") is None
    assert page_number_of("2021年") is None


def _raw(index: int, *lines: str) -> RawPage:
    return RawPage(index, "\n".join(lines), False)


def test_running_header_and_numbers_removed_and_offset_kept() -> None:
    raw = [_raw(1, "山东省人民政府公报", "2021年第5期")]
    for i in range(2, 8):
        header = "山东省人民政府公报　　2021年第5期" if i % 2 else "2021年第5期"
        raw.append(_raw(i, header, f"正文第{i}页的内容。", "第二行内容。", f"— {i - 1} —"))
    pages = build_pages(raw, body_start=2)
    assert pages[0].printed_number is None
    assert [p.printed_number for p in pages[1:]] == [1, 2, 3, 4, 5, 6]
    for page in pages[1:]:
        assert all("公报" not in line and "—" not in line for line in page.lines)
        assert page.lines[0].startswith("正文第")


def test_missing_number_is_filled_from_neighbours() -> None:
    raw = [_raw(i, f"内容{i}。", str(i + 2) if i != 3 else "最后一行") for i in range(1, 6)]
    pages = build_pages(raw)
    assert [p.printed_number for p in pages] == [3, 4, 5, 6, 7]
    assert pages[2].lines == ("内容3。", "最后一行")


def test_unusable_text_layers_are_named() -> None:
    assert "image-only" in (text_problem(RawPage(1, "", True)) or "")
    assert text_problem(RawPage(1, "", False)) is None  # a blank page is not a problem
    assert "ToUnicode" in (text_problem(RawPage(1, "\ue001\ue002\ue003\ue004\ue005\ue006", False)) or "")
    assert "ToUnicode" in (text_problem(RawPage(1, "ÄÖÜßàáâãäåæçèé", False)) or "")
    assert text_problem(RawPage(1, "第一条　为了规范管理，制定本办法。", False)) is None


def test_text_layer_of_control_codes_still_needs_ocr(tmp_path) -> None:
    from handmade import text_layer_pdf
    from gazette.pdf import open_pdf

    # A font without a ToUnicode map often extracts as raw glyph codes \x01\x02…: after
    # pdf.clean_text removes them, the page must still count as unreadable, not as blank.
    path = text_layer_pdf(tmp_path / "codes.pdf", "".join(chr(c) for c in range(1, 30) if chr(c) not in "\t\n\r") + "第一条")
    (page,) = open_pdf(path).pages()
    assert page.removed > 20 and "\x01" not in page.text
    assert "ToUnicode" in (text_problem(page) or "")


def test_full_line_ending_inside_a_sentence_goes_on_even_before_an_item_marker() -> None:
    """……存放国家 / 一、二级珍贵文物 and 组建20 / 08年: one paragraph each, joined as printed."""
    from gazette.paragraphs import join_lines

    full = "（七）大型影剧院、体育场馆、商业服务设施和学生公寓楼以及存放国家"
    lines = ["第十条　下列建设工程应当进行地震安全性评价：", full, "一、二级珍贵文物的博物馆等公共建筑。",
             "二、其他重要建设工程。", "本省自" + "二" * (len(full) - 6) + "组建20", "08年起实施。"]
    assert join_lines(lines) == [
        "第十条　下列建设工程应当进行地震安全性评价：",
        full + "一、二级珍贵文物的博物馆等公共建筑。",
        "二、其他重要建设工程。",
        "本省自" + "二" * (len(full) - 6) + "组建2008年起实施。",
    ]


def test_folio_shapes_of_other_gazettes() -> None:
    assert page_number_of("5 / 28") == 5
    assert page_number_of("第5页 共28页") == 5
    assert page_number_of("【12】") == 12
    assert page_number_of("2021 / 5") is None  # four digits then a slash: no folio shape we know


def test_folio_after_the_issue_in_a_head_and_as_n_of_total() -> None:
    raw = [_raw(1, "济南市人民政府公报", "2019年第9期")]
    for i in range(2, 7):
        raw.append(_raw(i, f"正文第{i}页的内容。", "第二行内容。", f"济南市人民政府公报　2019年第9期 {i - 1} / 6"))
    raw.append(_raw(7, "郑州市人民政府公报　2020年第9期 6", "正文。"))  # no total: the folio after the issue
    pages = build_pages(raw, body_start=2)
    assert [p.printed_number for p in pages[1:]] == [1, 2, 3, 4, 5, 6]
    assert all("公报" not in line for p in pages for line in p.lines[:1] if p.pdf_index > 1)


def test_thumb_tab_and_head_stacked_under_the_body_are_furniture() -> None:
    # A wide outer margin: the head, a thumb tab's characters one per line and the folio
    # all come after the body text in the text layer.
    raw = [_raw(1, "广东省人民政府公报", "2017年第3期")]
    for i in range(2, 6):
        raw.append(_raw(i, f"第{i}条　正文内容。", "最后一行正文。", "广东省人民政府公报　2017年第3期", "规", "章", str(68 + i)))
    pages = build_pages(raw, body_start=2)
    assert [p.printed_number for p in pages[1:]] == [70, 71, 72, 73]
    for page in pages[1:]:
        assert page.lines == (f"第{page.pdf_index}条　正文内容。", "最后一行正文。")


def test_one_character_line_alone_is_kept() -> None:
    last = "法律责任和"
    raw = [_raw(i, f"第{i}条　正文内容很长很长。", last[i], str(i)) for i in range(1, 5)]
    pages = build_pages(raw, body_start=1)
    assert [page.lines[-1] for page in pages] == list(last[1:])


def test_folio_between_dots_and_after_a_total_number_in_the_head() -> None:
    raw = [_raw(1, "郑州市人民政府公报", "2019年第2期")]
    for i in range(2, 6):
        raw.append(_raw(i, f"郑州市人民政府公报 · {i - 1} ·", f"第{i}条　正文内容。", "最后一行正文。"))
    pages = build_pages(raw, body_start=2)
    assert [p.printed_number for p in pages[1:]] == [1, 2, 3, 4]
    raw = [_raw(1, "浙江省人民政府公报", "2011年第20期")]
    for i in range(2, 6):
        raw.append(_raw(i, f"浙江省人民政府公报　2011年第20期（总第584期）第{i + 40}页", f"第{i}条　正文内容。"))
    pages = build_pages(raw, body_start=2)
    assert [p.printed_number for p in pages[1:]] == [42, 43, 44, 45]


def test_running_foot_with_the_current_title_and_folio_is_furniture() -> None:
    raw = [_raw(1, "苏州市人民政府公报", "2019年第9期")]
    title = "苏州市安全生产监督管理条例"
    for i in range(2, 6):
        raw.append(_raw(i, f"第{i}条　正文内容。", "最后一行正文。", f"{title} {i - 1}" if i % 2 else f"{title}{i - 1}"))
    pages = build_pages(raw, body_start=2)
    assert [p.printed_number for p in pages[1:]] == [1, 2, 3, 4]
    assert all(title not in line for p in pages[1:] for line in p.lines)


def test_an_attached_rules_wrapped_title_is_one_paragraph() -> None:
    from gazette.paragraphs import join_wrapped_titles

    lines = ["（此件公开发布）", "中华人民共和国海上船舶", "污染事故调查处理规定", "第一章　总　则", "第一条　为了规范工作，制定本规定。"]
    assert join_wrapped_titles(lines) == ["（此件公开发布）", "中华人民共和国海上船舶污染事故调查处理规定", *lines[3:]]
    after_date = ["2023年1月2日", "山东省城市绿化", "管理办法（试行）", "（2023年1月1日省政府第5次常务会议通过）"]
    assert join_wrapped_titles(after_date)[1] == "山东省城市绿化管理办法（试行）"
    # short lines that are not a title: not after a 落款 or （此件…）, or not ending in a document type
    for lines in (["要求如下：", "一是加强领导", "二是落实规定", "第一条　…"],
                  ["2023年1月2日", "山东省人民政府办公厅", "2023年1月3日", "第一条　…"]):
        assert join_wrapped_titles(lines) == lines


def test_a_sentence_filling_its_line_does_not_swallow_the_signature() -> None:
    from gazette.paragraphs import join_lines

    full = "现将《中华人民共和国海上船舶污染事故调查处理规定》印发给你们，请结合实际认真贯彻执行。"
    lines = [full, "山东省人民政府", "2023年1月2日"]
    assert join_lines(lines, full_width=len(full)) == lines
    wrapped = ["各地要按照本通知要求，认真做好各项工作，确保各项措施落到实处。请于年底前将落实情况报", "省人民政府办公厅。"]
    assert join_lines(wrapped, full_width=len(wrapped[0])) == ["".join(wrapped)]
