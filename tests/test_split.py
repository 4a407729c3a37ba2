"""Tests for gazette.split: document starts from the body and from the 目录."""

from __future__ import annotations

from gazette.models import TocEntry
from gazette.split import Line, body_starts, locate_entries

PAGE_3 = """山东省人民政府令
第 336 号
《山东省电力设施和电能保护办法》已经2020年10月30日省政府第94次常务会议通过，现予公布，自2021年1月1日起施行。
省长　李干杰
2020年11月12日
山东省电力设施和电能保护办法
第一章　总　则
第一条　为了保障电力设施安全，根据有关法律、行政法规，结合本省实际，制定本办法。
第二条　本办法适用于本省行政区域内电力设施和电能的保护。""".splitlines()

PAGE_4 = """第三条　本办法自2021年1月1日起施行。
山东省人民政府关于印发山东省
促进民营经济发展若干措施的通知
鲁政发〔2023〕5号
各市人民政府，省政府各部门：
现将《山东省促进民营经济发展若干措施》印发给你们，请认真贯彻执行。
山东省人民政府
2023年3月1日
（此件公开发布）""".splitlines()

PAGE_5 = """鲁政办字［２０２３］１２号
山东省人民政府办公厅关于做好
2023年春节期间有关工作的通知
各市人民政府：
现就有关事项通知如下。
《山东省促进民营经济发展若干措施》政策解读
一、出台背景
为了促进民营经济发展，制定若干措施。""".splitlines()


def _lines() -> list[Line]:
    return [Line(3, t) for t in PAGE_3] + [Line(4, t) for t in PAGE_4] + [Line(5, t) for t in PAGE_5]


def test_body_starts_find_every_kind_of_start() -> None:
    lines = _lines()
    starts = body_starts(lines)
    titles = ["".join(lines[k].compact for k in range(s.title_first, s.title_last + 1)) for s in starts]
    assert titles == [
        "山东省电力设施和电能保护办法",
        "山东省人民政府关于印发山东省促进民营经济发展若干措施的通知",
        "山东省人民政府办公厅关于做好2023年春节期间有关工作的通知",
        "《山东省促进民营经济发展若干措施》政策解读",
    ]
    assert [s.line for s in starts] == [0, 10, 18, 23]  # the order block and a 文号 above the title belong to their documents


def test_toc_entries_are_located_and_refined() -> None:
    lines = _lines()
    entries = [
        TocEntry("山东省电力设施和电能保护办法", 1, "省政府规章"),
        TocEntry("山东省人民政府关于印发山东省促进民营经济发展若干措施的通知", 2, "省政府文件", "鲁政发〔2023〕5号"),
        TocEntry("山东省人民政府办公厅关于做好2023年春节期间有关工作的通知", 3, "省政府办公厅文件"),
        TocEntry("《山东省促进民营经济发展若干措施》政策解读", 3, "政策解读"),
    ]
    starts, warnings = locate_entries(lines, entries, {1: 3, 2: 4, 3: 5}, body_starts(lines), "x.pdf")
    assert [s.line for s in starts] == [0, 10, 18, 23]
    assert warnings == []


def test_disagreements_become_warnings() -> None:
    lines = _lines()
    entries = [
        TocEntry("山东省电力设施和电能保护办法", 1),
        TocEntry("一份目录里有但正文里没有的文件", 2),
        TocEntry("《山东省促进民营经济发展若干措施》政策解读", 2),
    ]
    starts, warnings = locate_entries(lines, entries, {1: 3, 2: 4, 3: 5}, body_starts(lines), "x.pdf")
    messages = " ".join(w.message for w in warnings)
    assert "一份目录里有但正文里没有的文件" in messages and "not found" in messages
    assert "printed page 2" in messages  # the 解读 is on printed page 3, not 2
    assert "does not list" in messages  # the body's notices are missing from this 目录
