"""Post-correction of OCR lines: each rule, and the contexts where it must not fire."""

from __future__ import annotations

import pytest

from gazette.ocr.correct import correct_line


@pytest.mark.parametrize("read, printed", [
    ("鲁政发(2019)5号", "鲁政发〔2019〕5号"),
    ("国办发[2016]80号", "国办发〔2016〕80号"),
    ("鲁政字〔2019]12号", "鲁政字〔2019〕12号"),
    ("鲁政办发［2019〕3号", "鲁政办发〔2019〕3号"),
    ("根据(一)项,现将:", "根据（一）项，现将："),
    ("(三)实施查封", "（三）实施查封"),
    ("（总第853期)", "（总第853期）"),
    ("资金1,000万元;", "资金1,000万元；"),
    ("一 3 一", "— 3 —"),
    ("一12一", "— 12 —"),
    ("二O二三年六月十八日", "二〇二三年六月十八日"),
    ("二0一九年", "二〇一九年"),
    ("的通知》的解读……\u3000\u300010", "的通知》的解读……10"),
    ("实施条例.……1", "实施条例……1"),
])
def test_rule_fixes_what_ocr_misreads(read: str, printed: str) -> None:
    assert correct_line(read)[0] == printed


@pytest.mark.parametrize("text", [
    "ISO (9001) 标准", "第3,4项 10:30", "二〇一九年", "（三）实施查封", "该条例1.2.3规定", "一、总体要求",
    "2019年", "O2O 平台",
])
def test_rule_leaves_printed_text_alone(text: str) -> None:
    assert correct_line(text) == (text, [])


def test_guessed_fix_is_flagged() -> None:
    text, fixes = correct_line("二O年")
    assert text == "二O年" and not fixes  # too little context: not touched at all
    text, fixes = correct_line("二OO三年")
    assert text == "二〇〇三年"
    assert [f.guess for f in fixes] == [True]
    _, fixes = correct_line("二O一九年")
    assert [f.guess for f in fixes] == [False]


def test_half_width_is_kept_on_a_page_that_prints_half_width() -> None:
    from gazette.ocr.correct import page_style

    half = page_style(["(一)机动车所有人的身份证明;", "(二)购车发票等机动车来历证明;", "（三）机动车整车出厂合格证明"])
    assert correct_line("(四)车辆购置税完税证明;", half)[0] == "(四)车辆购置税完税证明;"
    full = page_style(["（一）机动车所有人的身份证明；", "（二）购车发票等机动车来历证明；", "(三）机动车整车出厂合格证明"])
    assert correct_line("(三）机动车整车出厂合格证明;", full)[0] == "（三）机动车整车出厂合格证明；"
