"""Tests for the body format and 章/节/条/款/项 recognition."""

from gazette.structure import article_anchors, body_to_text, parse_body, text_to_body


def test_chapters_become_headings_and_articles_get_anchors() -> None:
    body = text_to_body(["第一章　总则", "第一条　为了规范。", "第二条　本规定适用于：", "（一）甲；", "（二）乙。", "第二章　附则", "第三条　自公布之日起施行。"])
    assert "## 第一章　总则" in body and "## 第二章　附则" in body
    assert article_anchors(body) == ["第一条", "第二条", "第三条"]
    kinds = [(b.kind, b.anchor) for b in parse_body(body)]
    assert ("item", "第二条第一项") in kinds and ("item", "第二条第二项") in kinds


def test_clauses_are_numbered_within_their_article() -> None:
    body = text_to_body(["第五条　第一款内容。", "第二款内容。", "第三款内容。", "第六条　下一条。"])
    anchors = [b.anchor for b in parse_body(body)]
    assert anchors == ["第五条", "第五条第二款", "第五条第三款", "第六条"]


def test_duplicate_article_numbers_get_unique_anchors() -> None:
    body = text_to_body(["第一条　正文。", "附件", "第一条　附件里的条文。"])
    assert article_anchors(body) == ["第一条", "第一条-2"]


def test_markup_in_text_is_kept_literal_and_round_trips() -> None:
    hostile = ["# 不是标题", "\\反斜杠开头", "<script>alert(1)</script>", "**粗体** [链接](javascript:alert(1))"]
    body = text_to_body(hostile)
    blocks = parse_body(body)
    assert [b.kind for b in blocks] == ["paragraph"] * 4
    assert body_to_text(body).split("\n") == hostile


def test_long_line_starting_like_a_chapter_is_not_a_heading() -> None:
    long_line = "第一章规定的事项，" + "应当依照本规定办理" * 5
    assert not text_to_body([long_line]).startswith("##")


def test_clauses_past_one_hundred_are_numbered() -> None:
    body = text_to_body(["第一条　第一款。"] + [f"第{n}款内容。" for n in range(2, 103)] + ["第二条　下一条。"])
    anchors = [b.anchor for b in parse_body(body)]
    assert anchors[99:102] == ["第一条第一百款", "第一条第一百零一款", "第一条第一百零二款"]
    assert anchors[-1] == "第二条" and len(set(anchors)) == len(anchors)


def test_chinese_numerals() -> None:
    from gazette.structure import _cn

    want = {0: "零", 7: "七", 10: "十", 15: "十五", 20: "二十", 99: "九十九", 100: "一百", 101: "一百零一",
            110: "一百一十", 115: "一百一十五", 999: "九百九十九", 1000: "一千", 1001: "一千零一",
            1010: "一千零一十", 1100: "一千一百", 10000: "一万", 10001: "一万零一", 100000: "十万",
            120034: "十二万零三十四"}
    assert {n: _cn(n) for n in want} == want
