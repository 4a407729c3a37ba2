"""Tests for reading the 目录."""

from gazette.models import Page
from gazette.toc import find_toc_pages, parse_toc

TOC = """目　录
【省政府规章】
山东省重大行政决策程序规定（山东省人民政府令第336号）…………… 1
省政府文件
山东省人民政府关于印发山东省深化“放管服”改革
优化营商环境若干措施的通知…………………………………………… 12
（鲁政发〔２０２３〕5号）
山东省人民政府关于公布第一批省级文物保护单位的通知（鲁政字[2023]12号）.......... 20
政策解读
《山东省重大行政决策程序规定》解读 ······························ 31""".split("\n")


def test_sections_titles_numbers_and_pages() -> None:
    entries = parse_toc(TOC)
    assert [(e.section, e.printed_page) for e in entries] == [
        ("省政府规章", 1), ("省政府文件", 12), ("省政府文件", 20), ("政策解读", 31)]
    assert entries[0].title == "山东省重大行政决策程序规定"
    assert entries[0].doc_number == "山东省人民政府令第336号"
    assert entries[1].title == "山东省人民政府关于印发山东省深化“放管服”改革优化营商环境若干措施的通知"
    assert entries[1].doc_number == "鲁政发〔２０２３〕5号"
    assert entries[2].doc_number == "鲁政字[2023]12号"
    assert entries[3].doc_number is None


def test_toc_pages_found_after_cover_with_continuation() -> None:
    cover = Page(1, None, ("山东省人民政府公报", "2023年第1期"))
    first = Page(2, None, tuple(TOC[:6]))
    cont = Page(3, None, tuple(TOC[6:]) + ("关于某事项的通知……………… 40",))
    body = Page(4, 1, ("山东省人民政府令", "第336号", "《山东省重大行政决策程序规定》已经通过。"))
    assert find_toc_pages([cover, first, cont, body], first=1) == [1, 2]


def test_no_toc() -> None:
    body = Page(1, 1, ("联防联控机制综发〔2022〕71号", "关于印发新型冠状病毒肺炎防控方案", "（第九版）的通知"))
    assert find_toc_pages([body], first=0) == []
