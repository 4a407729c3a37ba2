"""Tests for gazette.cover: issue metadata from the cover page."""

from gazette.cover import looks_like_cover, merge_meta, read_cover
from gazette.models import IssueMeta


def test_provincial_cover_with_full_width_digits() -> None:
    lines = ["山东省人民政府公报", "２０２１年第５期（总第４４８期）", "山东省人民政府办公厅主办", "2021年3月10日"]
    meta = read_cover(lines)
    assert (meta.gazette_name, meta.year, meta.number, meta.total_number) == ("山东省人民政府公报", 2021, 5, 448)
    assert meta.date == "2021-03-10"
    assert meta.publisher == "山东省人民政府办公厅"
    assert meta.short_label == "2021年第5期"
    assert looks_like_cover(lines)


def test_state_council_cover_split_name_and_hao() -> None:
    lines = ["中华人民共和国", "国务院公报", "2019 年 第 12 号", "国务院办公厅 主办", "二〇一九年四月三十日"]
    meta = read_cover(lines)
    assert meta.gazette_name == "中华人民共和国国务院公报"
    assert (meta.year, meta.number, meta.total_number) == (2019, 12, None)
    assert meta.date == "2019-04-30"


def test_body_page_is_not_a_cover() -> None:
    assert not looks_like_cover(["关于印发某某办法的通知", "各市人民政府："] * 20)


def test_override_wins() -> None:
    found = IssueMeta(gazette_name="山东省人民政府公报", year=2021, number=5)
    merged = merge_meta(found, IssueMeta(number=6, date="2021-03-25"))
    assert (merged.gazette_name, merged.year, merged.number, merged.date) == ("山东省人民政府公报", 2021, 6, "2021-03-25")


def test_imprint_back_page_is_recognised_and_a_body_page_is_not() -> None:
    from gazette.cover import looks_like_imprint

    imprint = ["河北省人民政府公报", "（半月刊）", "2023年第20期（总第404期）", "主管主办：河北省人民政府办公厅",
               "编辑出版：《河北省人民政府公报》编辑部", "出版日期：2023年10月24日", "内部发行　免费赠阅"]
    body = ["第二十条　本办法自2023年1月1日起施行。", "河北省人民政府办公厅", "2023年10月1日",
            "主办单位应当在活动结束后十五日内向有关部门报告活动情况，并对报告的真实性负责。"]
    assert looks_like_imprint(imprint)
    assert not looks_like_imprint(body)


def test_name_set_vertically_one_character_per_line() -> None:
    lines = [*"四川省人民政府公报", "2018", "第10期", "总第370期", "2018年5月18日", "四川省人民政府办公厅　主办"]
    meta = read_cover(lines)
    assert (meta.gazette_name, meta.year, meta.number, meta.total_number) == ("四川省人民政府公报", 2018, 10, 370)
    assert meta.date == "2018-05-18"
    assert looks_like_cover(lines)


def test_double_issue_and_a_name_broken_before_gongbao() -> None:
    meta = read_cover(["石家庄市人民政府公报", "2019", "第3-4期", "（合　刊）", "总第183-184期", "2019年4月14日出版"])
    assert (meta.gazette_name, meta.year, meta.number, meta.total_number, meta.date) == (
        "石家庄市人民政府公报", 2019, 3, 183, "2019-04-14")
    meta = read_cover(["山西省人民政府", "公　　报", "2021年第1期", "（总第505期）", "二〇二一年一月十一日"])
    assert (meta.gazette_name, meta.number, meta.total_number) == ("山西省人民政府公报", 1, 505)
