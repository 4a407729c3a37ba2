"""Write gazette/search/ts_phrases.tsv: OpenCC's traditional→simplified phrases whose
conversion differs from converting their characters one by one (答覆 → 答复, where 覆
alone stays 覆), for the searchable form both searches share.

``python tools/make_ts_phrases.py`` reads ``TSPhrases.ocd2`` from the installed opencc
wheel with the wheel's own ``opencc_dict`` tool. Kept: phrases of the same length as
their conversion, whose characters are in the Basic Multilingual Plane, and whose
conversion is not what the character table gives already. The output is sorted, so
running it again with the same OpenCC writes the same file.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "gazette" / "search" / "ts_phrases.tsv"


def main() -> int:
    clib = Path(opencc.__file__).parent / "clib"
    tool, source = clib / "bin" / "opencc_dict", clib / "share" / "opencc" / "TSPhrases.ocd2"
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "phrases.txt"
        subprocess.run([str(tool), "-i", str(source), "-o", str(text), "-f", "ocd2", "-t", "text"], check=True)
        lines = text.read_text(encoding="utf-8").splitlines()
    convert = opencc.OpenCC("t2s").convert
    kept = set()
    for line in lines:
        traditional, simplified = line.split("\t")[0], line.split("\t")[1].split(" ")[0]
        if len(traditional) != len(simplified) or any(ord(c) > 0xFFFF for c in traditional + simplified):
            continue
        if "".join(convert(c) for c in traditional) == simplified:
            continue
        kept.add((traditional, simplified))
    header = ("# OpenCC TSPhrases (Apache License 2.0, https://github.com/BYVoid/OpenCC), opencc "
              f"{getattr(opencc, '__version__', '')}: phrases converted otherwise than character by character.\n"
              "# Written by tools/make_ts_phrases.py; do not edit.\n")
    OUT.write_text(header + "".join(f"{t}\t{s}\n" for t, s in sorted(kept)), encoding="utf-8")
    print(f"wrote {OUT} ({len(kept)} phrases)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
