"""gazette.search.normalize: the tables both searches' typo correction weighs fixes by."""

from __future__ import annotations

import pytest

from gazette.search import normalize


def test_sound_table_covers_the_common_characters() -> None:
    sounds = normalize.sound_table()
    chars = {c for group in sounds.values() for c in group}
    assert len(chars) >= 6700  # GB 2312 has 6,763
    assert {"户", "护", "沪"} <= set(sounds["hu"]) and {"政", "正"} <= set(sounds["zheng"])
    assert all(s.isascii() and s.isalpha() and s == s.lower() for s in sounds)


def test_shape_table_pairs_characters_that_look_alike() -> None:
    shapes = normalize.shape_table()
    assert len(shapes) >= 6000
    for typed, meant in ["末未", "士土", "入人", "贷货", "冶治"]:
        assert meant in shapes[typed], typed
    assert "火" not in shapes["水"] and "丈" in shapes["党"]  # 丈's own list has 党; the table is symmetric
    assert all(char in shapes[other] for char, alike in shapes.items() for other in alike)


@pytest.mark.parametrize("fix, typed, weight", [
    ("护", "户", normalize.SOUND_WEIGHT),  # a pinyin input method's slip
    ("政", "正", normalize.SOUND_WEIGHT),
    ("未", "末", normalize.SHAPE_WEIGHT),  # a look-alike
    ("民", "名", normalize.NEAR_WEIGHT),  # min / ming under the fuzzy rules
    ("程", "陈", normalize.NEAR_WEIGHT),  # cheng / chen
    ("刑", "名", 1),
    ("水", "火", 1),
])
def test_slip_weight(fix: str, typed: str, weight: int) -> None:
    assert normalize.slip_weight(fix, typed) == weight == normalize.slip_weight(typed, fix)
    assert (fix in normalize.slips(typed)) == (weight > 1) == (typed in normalize.slips(fix))
