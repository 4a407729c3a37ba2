"""Write gazette/search/sounds.tsv: the readings of the common Chinese characters, for
the search page's typo correction (a character typed for one that sounds the same, as a
pinyin input method makes: 环境保户 for 环境保护, ranks first among the fixes).

``python tools/make_sounds.py`` needs pypinyin (``pip install pypinyin``; its wheel holds
its dictionary, nothing is downloaded). Only this script uses it: the table is committed,
and Gazette itself does not depend on pypinyin. One line per toneless syllable: the
syllable, a tab, and the characters of GB 2312 (the 6,763 characters of everyday text)
that have it among their readings, in code point order. The output is sorted, so
running it again with the same pypinyin writes the same file.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "gazette" / "search" / "sounds.tsv"


def _common(char: str) -> bool:
    try:
        return len(char.encode("gb2312")) == 2
    except UnicodeEncodeError:
        return False


def main() -> int:
    sounds: dict[str, list[str]] = defaultdict(list)
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        if not _common(char):
            continue
        readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
        for syllable in sorted({r for group in readings for r in group if r.isascii() and r.isalpha()}):
            sounds[syllable].append(char)
    lines = [f"{syllable}\t{''.join(chars)}" for syllable, chars in sorted(sounds.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} syllables, {sum(len(c) for c in sounds.values())} readings",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
