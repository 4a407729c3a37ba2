"""Paragraph-wrap traps: body paragraphs built so that a printed line starts with
``一、`` / ``二、`` / ``三、``, with digits cut out of a number (``组建20`` / ``08年``), with a
year or an amount, with ``第三十二条`` or with ``（二）项`` - all mid-sentence.

The paragraph is padded with neutral clauses until the trap token falls exactly at
the start of a printed line (checked with the real line breaker, font and width);
only traps that really land are reported.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from .model import Para
from .typeset import Measurer, Style, line_starts

# (family, text before the token, token + rest)
_CORES = [
    ("list", "存放国家", "一、二级珍贵文物的博物馆、纪念馆等场所，应当按照规定配备安全防范设施。"),
    ("list", "对列入", "一、二、三级保护名录的古树名木，应当分级落实养护责任。"),
    ("list", "对列入一、", "二、三级保护名录的古树名木，应当逐株建立档案，落实养护措施。"),
    ("list", "本地区", "一、二类水功能区的水质监测工作，由生态环境主管部门统一组织实施。"),
    ("list", "辖区内", "三、四级公路的日常养护资金，按照有关规定纳入本级财政预算予以保障。"),
    ("list", "对承担院前急救任务的", "二、三级医疗机构，卫生健康主管部门应当统筹规划、合理布局。"),
    ("digit", "同意组建20", "08年城市运行保障协调小组，具体工作由应急管理部门牵头承担。"),
    ("digit", "截至20", "20年底，全市已累计建成各类应急避难场所一百余处。"),
    ("digit", "力争于20", "25年前完成全部城镇老旧供水管网改造任务。"),
    ("number", "截至", "2022年底，累计完成投资1280亿元，超额完成年度目标任务。"),
    ("number", "本年度共安排专项资金", "3500万元，重点支持基层公共服务设施建设。"),
    ("article", "情节严重的，依照本{w}", "第三十二条的规定从重处罚；构成犯罪的，依法追究刑事责任。"),
    ("article", "其具体程序适用本{w}", "第十八条至第二十一条的规定。"),
    ("item", "有本条第一款", "（二）项、（三）项情形之一的，由主管部门责令限期改正。"),
]
_PADS = [
    "为进一步加强管理，", "按照属地管理原则，", "各有关部门应当密切配合，", "结合本地实际，", "在组织实施过程中，",
    "坚持问题导向，", "根据工作需要，", "经综合评估，", "依照有关规定，", "同时，", "其中，", "按照职责分工，",
    "统筹推进相关工作，", "切实加强监督检查，", "认真做好宣传引导，", "进一步压实工作责任，", "建立健全长效机制，",
    "强化部门协同联动，", "对此，", "此外，", "坚持依法依规，", "注重源头治理，", "加强日常巡查，",
    "完善应急预案，", "落实主体责任，", "着力补齐短板，", "稳步推进，",
]


@dataclass
class Typeset:
    """What is needed to know where a body paragraph wraps."""

    m: Measurer
    body: Style
    width: float


def _pad_table(rng: random.Random, max_len: int) -> dict[int, list[str]]:
    """Exact-length paddings (each clause at most once), deterministic for ``rng``."""
    pool = rng.sample(_PADS, len(_PADS))
    table: dict[int, list[str]] = {0: []}
    for p in pool:
        for length, combo in sorted(table.items(), reverse=True):
            n = length + len(p)
            if n <= max_len and n not in table:
                table[n] = combo + [p]
    return table


def make(ts: Typeset, rng: random.Random, families: tuple[str, ...], head: str = "", word: str = "办法",
         tail_ok: bool = True) -> tuple[Para, str] | None:
    """A body paragraph ``head + padding + core`` whose core token opens a printed line.

    Returns (paragraph, label) or None if no padding makes the token land.
    """
    cores = [c for c in _CORES if c[0] in families]
    rng.shuffle(cores)
    table = _pad_table(rng, 160)
    for fam, before, rest in cores:
        before = before.format(w=word)
        digits = fam == "digit"
        for length in sorted(table):
            text = head + "".join(table[length]) + before + rest
            pos = len(head) + length + len(before)
            starts = line_starts(text, ts.body, ts.width, ts.m, split_digits=digits)
            if pos in starts[1:]:
                return Para(text, "body", split_digits=digits), f"{fam}:{rest[:4]}"
    return None
