"""Boxes → lines: reading order, skew, columns, indents and leaders, on made-up boxes."""

from __future__ import annotations

import math

from gazette.ocr.engine import TextBox
from gazette.ocr.layout import build_lines, skew_degrees

H = 40  # line height in pixels


def box(x0: float, y0: float, text: str, width: float | None = None, angle: float = 0.0) -> TextBox:
    width = width if width is not None else H * len(text)
    rad = math.radians(angle)
    dx, dy = width * math.cos(rad), width * math.sin(rad)
    hx, hy = -H * math.sin(rad), H * math.cos(rad)
    quad = ((x0, y0), (x0 + dx, y0 + dy), (x0 + dx + hx, y0 + dy + hy), (x0 + hx, y0 + hy))
    return TextBox(quad, text, 0.99)


def texts(boxes: list[TextBox], size: tuple[int, int] = (1600, 2300)) -> list[str]:
    return [line.text for line in build_lines(boxes, size)[0]]


def test_boxes_on_one_baseline_become_one_line_in_order() -> None:
    lines = texts([box(900, 105, "2023年第1期"), box(200, 100, "山东省人民政府公报"), box(200, 200, "正文第一行")])
    assert lines == ["山东省人民政府公报\u3000\u30002023年第1期", "正文第一行"]


def test_paragraph_indent_becomes_two_ideographic_spaces() -> None:
    body = [box(200 + (2 * H if i % 3 == 0 else 0), 100 + i * 60, "字" * (28 if i % 3 else 26)) for i in range(9)]
    lines = texts(body)
    assert [line.startswith("\u3000\u3000") for line in lines] == [i % 3 == 0 for i in range(9)]


def test_centred_and_right_aligned_lines_get_no_indent() -> None:
    body = [box(200, 300 + i * 60, "字" * 28) for i in range(4)]
    title = box(200 + 9 * H, 100, "字" * 10)  # centred in a 28-character measure
    signature = box(200 + 22 * H, 600, "字" * 6)  # flush right
    lines = texts(body + [title, signature])
    assert lines[0] == "字" * 10 and lines[-1] == "字" * 6


def test_skew_is_measured_and_lines_stay_whole() -> None:
    angle = 1.5
    rows = []
    for i in range(12):
        # a skewed page whose lines the detector cut in two at varying places
        x, y, cut = 200, 100 + i * 60, 8 + i
        rad = math.radians(angle)
        rows += [box(x, y, "甲" * cut, angle=angle),
                 box(x + (cut + 1) * H * math.cos(rad), y + (cut + 1) * H * math.sin(rad), "乙" * (27 - cut), angle=angle)]
    assert abs(skew_degrees(rows) - angle) < 0.1
    lines, skew = build_lines(rows, (1600, 2300))
    assert abs(skew - angle) < 0.1
    assert [line.text.replace(" ", "") for line in lines] == ["甲" * (8 + i) + "乙" * (19 - i) for i in range(12)]


def test_two_columns_are_read_column_by_column_below_a_spanning_title() -> None:
    title = box(300, 100, "标题横跨两栏的文件名称", width=1000)
    left = [box(200, 200 + i * 60, f"左{i:02d}" + "字" * 12) for i in range(10)]
    right = [box(900, 200 + i * 60, f"右{i:02d}" + "字" * 12) for i in range(10)]
    lines = texts(right + left + [title])
    assert lines[0].startswith("标题")
    order = [line.lstrip("\u3000")[:3] for line in lines[1:]]
    assert order == [f"左{i:02d}" for i in range(10)] + [f"右{i:02d}" for i in range(10)]


def test_wide_gap_becomes_a_leader_for_the_toc_parser() -> None:
    from gazette.toc import parse_toc

    lines = texts([box(200, 100, "关于加强安全生产工作的通知"), box(1350, 100, "12"), box(200, 160, "另一个文件的标题"), box(1350, 160, "15")])
    entries = parse_toc(lines)
    assert [(e.title, e.printed_page) for e in entries] == [("关于加强安全生产工作的通知", 12), ("另一个文件的标题", 15)]
