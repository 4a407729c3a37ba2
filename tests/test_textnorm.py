"""Tests for gazette.textnorm: digits, Chinese numerals, dates and 文号."""

import pytest

from gazette.textnorm import (
    chinese_numeral_to_int,
    find_dates,
    find_doc_number,
    is_date_line,
    normalize_doc_number,
    parse_date,
    to_ascii_digits,
)


def test_full_width_digits() -> None:
    assert to_ascii_digits("２０２１年第５期") == "2021年第5期"


@pytest.mark.parametrize(
    "text, value",
    [("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("一百零五", 105), ("三百三十六", 336),
     ("二〇二三", 2023), ("一九九九", 1999), ("12", 12), ("１２", 12), ("甲", None), ("", None)],
)
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert chinese_numeral_to_int(text) == value


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2023年3月1日", "2023-03-01"),
        ("2022 年 6 月27 日", "2022-06-27"),
        ("２０２３年１２月３１日", "2023-12-31"),
        ("二〇二三年三月一日", "2023-03-01"),
        ("二○一九年十二月二十一日", "2019-12-21"),
        ("于2020年10月30日省政府第94次常务会议通过", "2020-10-30"),
        ("2023年13月1日", None),
        ("没有日期", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_find_dates_in_order() -> None:
    found = find_dates("已经2020年10月30日通过，自2021年1月1日起施行")
    assert [d.iso for d in found] == ["2020-10-30", "2021-01-01"]


def test_date_line() -> None:
    assert is_date_line("2022 年 6 月27 日")
    assert is_date_line("二〇二三年三月一日")
    assert not is_date_line("2022年6月27日印发")


@pytest.mark.parametrize(
    "raw",
    ["鲁政发〔2023〕5号", "鲁政发[2023]5号", "鲁政发［２０２３］５号", "鲁政发(2023)5号",
     "鲁政发（2023）5号", "鲁政发【2023】5号", "鲁政发 〔2023〕 5 号", "鲁政发〔2023〕05号"],
)
def test_doc_number_variants(raw: str) -> None:
    assert normalize_doc_number(raw) == "鲁政发〔2023〕5号"


def test_order_number_is_kept_but_cleaned() -> None:
    assert normalize_doc_number("山东省人民政府令 第 336 号") == "山东省人民政府令第336号"


def test_find_doc_number_in_text() -> None:
    assert find_doc_number("联防联控机制综发〔2022〕71号") == "联防联控机制综发〔2022〕71号"
    assert find_doc_number("没有文号") is None
