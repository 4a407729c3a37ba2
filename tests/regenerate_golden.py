"""Regenerate the golden files in tests/golden/ (``make golden``).

Review ``git diff tests/golden`` before committing: every change must be one you meant.
"""

from __future__ import annotations

import shutil
import sys

from golden_cases import CASES, GOLDEN, produce


def main() -> int:
    for name, pdf in sorted(CASES.items()):
        if not pdf.exists():
            print(f"skip {name}: {pdf} does not exist", file=sys.stderr)
            continue
        folder = GOLDEN / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for rel, text in produce(pdf).items():
            (folder / rel).write_text(text, encoding="utf-8")
        print(f"wrote {folder}", file=sys.stderr)
    print("now review: git diff --stat tests/golden && git diff tests/golden", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
