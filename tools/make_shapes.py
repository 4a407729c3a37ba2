"""Write gazette/search/shapes.tsv: for each common Chinese character, the characters
that look most like it, for the typo correction of both searches (a character mistaken
for one of the same shape, as in a scan or a hurried copy: 末 for 未, 贷 for 货, 冶 for 治).

``python tools/make_shapes.py [FONT]`` draws each of the 6,763 characters of GB 2312 in
a CJK font (default: WenQuanYi Zen Hei, Debian's ``fonts-wqy-zenhei``), blurs it and
shrinks it to 16×16 grey levels, and compares every pair by the cosine of their centred
images. Kept per character: the :data:`KEEP` most alike with a cosine of at least
:data:`FLOOR`, most alike first. Only this script needs Pillow, numpy and the font: the
table is committed. The same font gives the same file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "gazette" / "search" / "shapes.tsv"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
KEEP = 32
FLOOR = 0.7


def _common(char: str) -> bool:
    try:
        return len(char.encode("gb2312")) == 2
    except UnicodeEncodeError:
        return False


def _image(char: str, font: ImageFont.FreeTypeFont) -> np.ndarray:
    canvas = Image.new("L", (32, 32), 0)
    ImageDraw.Draw(canvas).text((1, -1), char, fill=255, font=font)
    small = canvas.filter(ImageFilter.GaussianBlur(1.2)).resize((16, 16), Image.BILINEAR)
    return np.asarray(small, dtype=np.float32).reshape(-1)


def main(argv: list[str]) -> int:
    font = ImageFont.truetype(argv[0] if argv else FONT, 30)
    chars = [chr(code) for code in range(0x4E00, 0xA000) if _common(chr(code))]
    vectors = np.stack([_image(c, font) for c in chars])
    vectors -= vectors.mean(axis=1, keepdims=True)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
    alike = vectors @ vectors.T
    np.fill_diagonal(alike, -1.0)
    lines = []
    for i, char in enumerate(chars):
        order = np.lexsort((np.arange(len(chars)), -np.round(alike[i], 4)))[:KEEP]
        kept = "".join(chars[j] for j in order if alike[i, j] >= FLOOR)
        if kept:
            lines.append(f"{char}\t{kept}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
