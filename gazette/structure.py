"""Document structure: 编/章/节 headings, 条 articles, 款 and 项, and the body format.

The body of a content/ file is a deliberately small format (documented in
docs/content.md), so that nothing from a PDF can become markup:

* blocks are separated by one blank line;
* a block starting with ``## `` is a 编/章 heading, ``### `` a 节 heading;
* every other block is a literal paragraph; a paragraph that itself starts with ``#``
  or ``\\`` is written with a leading backslash.

Articles (第X条) are paragraphs that start with their number; anchors are derived from
the printed number (``第十二条``), so they are stable across rebuilds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

_CN_NUM = "零〇一二两三四五六七八九十百千"
# The gap after an article number is printed, but OCR (and some text layers) lose it:
# without one, the article must go on with a word that cannot continue a reference to
# that article (第五条规定的…, 第五条第二款…, 第五条、第六条… are references, not articles).
_NO_GAP_ARTICLE = r"(?!规定|所|第|的|中(?!华人民共和国)|至|和|及|与|或|以|、|，|。|之)[\u4e00-\u9fff（《“]"
ARTICLE_RE = re.compile(rf"^第([{_CN_NUM}]+|\d+)条(?:之[{_CN_NUM}]+)?(?=[\s　]|$|{_NO_GAP_ARTICLE})")
# A heading without its gap (第三章总则) is recognised when it is short and not a sentence.
CHAPTER_RE = re.compile(rf"^第[{_CN_NUM}\d]+[编章](?:[\s　]|$|(?=[\u4e00-\u9fff][^。；，：]{{0,14}}$))")
SECTION_RE = re.compile(rf"^第[{_CN_NUM}\d]+节(?:[\s　]|$|(?=[\u4e00-\u9fff][^。；，：]{{0,14}}$))")
ITEM_RE = re.compile(rf"^[（(]([{_CN_NUM}]+)[）)]")
ATTACHMENT_RE = re.compile(r"^附件\s*[0-9０-９]*(?:[-—－][0-9０-９]+)?\s*[:：]?$")

_ESCAPE_PREFIXES = ("#", "\\")


@dataclass(frozen=True)
class Block:
    """One rendered unit of a document body.

    ``kind`` is ``chapter``, ``section``, ``article``, ``clause`` (a 款 after the
    first), ``item`` (项) or ``paragraph``. ``anchor`` is set for headings, articles,
    clauses and items that sit inside an article.
    """

    kind: str
    text: str
    anchor: str | None = None
    article: str | None = None


def text_to_body(paragraphs: Iterable[str]) -> str:
    """Turn plain paragraphs into the body format, marking 章/节 headings."""
    blocks: list[str] = []
    for para in paragraphs:
        para = para.strip("\n")
        if not para.strip():
            continue
        stripped = para.strip()
        if CHAPTER_RE.match(stripped) and len(stripped) <= 40:
            blocks.append("## " + stripped)
        elif SECTION_RE.match(stripped) and len(stripped) <= 40:
            blocks.append("### " + stripped)
        elif para.startswith(_ESCAPE_PREFIXES):
            blocks.append("\\" + para)
        else:
            blocks.append(para)
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def body_paragraphs(body: str) -> list[tuple[str, str]]:
    """Split a body into ``(marker, text)`` pairs: marker is ``##``, ``###`` or ``""``."""
    result: list[tuple[str, str]] = []
    for raw in re.split(r"\n[ \t]*\n", body.strip("\n")):
        block = " ".join(line.rstrip() for line in raw.split("\n")) if "\n" in raw else raw
        if not block.strip():
            continue
        if block.startswith("### "):
            result.append(("###", block[4:].strip()))
        elif block.startswith("## "):
            result.append(("##", block[3:].strip()))
        elif block.startswith("\\"):
            result.append(("", block[1:]))
        else:
            result.append(("", block))
    return result


def body_to_text(body: str) -> str:
    """Plain text of a body: one paragraph per line, heading markers removed."""
    return "\n".join(text for _, text in body_paragraphs(body))


def parse_body(body: str) -> list[Block]:
    """Parse a body into blocks with stable, unique anchors for 章, 节, 条, 款 and 项."""
    blocks: list[Block] = []
    used: dict[str, int] = {}
    article: str | None = None
    clause_no = 0
    item_seen = False

    def unique(anchor: str) -> str:
        n = used.get(anchor, 0) + 1
        used[anchor] = n
        return anchor if n == 1 else f"{anchor}-{n}"

    for marker, text in body_paragraphs(body):
        stripped = text.strip().lstrip("　")
        if marker:
            article = None
            heading = re.split(r"[\s　]", stripped, maxsplit=1)[0]
            kind = "chapter" if marker == "##" else "section"
            blocks.append(Block(kind, text.strip(), unique(heading)))
            continue
        match = ARTICLE_RE.match(stripped)
        if match:
            article = unique(match.group(0))
            clause_no, item_seen = 1, False
            blocks.append(Block("article", text, article, article))
            continue
        if ATTACHMENT_RE.match(stripped):
            article = None
        if article is None:
            blocks.append(Block("paragraph", text))
            continue
        item = ITEM_RE.match(stripped)
        if item:
            item_seen = True
            anchor = unique(f"{article}第{item.group(1)}项")
            blocks.append(Block("item", text, anchor, article))
        else:
            if item_seen or clause_no >= 1:
                clause_no += 1
            item_seen = False
            anchor = unique(f"{article}第{_cn(clause_no)}款")
            blocks.append(Block("clause", text, anchor, article))
    return blocks


def article_anchors(body: str) -> list[str]:
    """All article anchors of a body, in order."""
    return [b.anchor for b in parse_body(body) if b.kind == "article" and b.anchor]


_DIGITS = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """A non-negative integer in Chinese numerals, as 款 are numbered: 十二, 一百零一, 一千零一十."""
    if n < 0:
        raise ValueError(f"no Chinese numeral for {n}")
    if n == 0:
        return _DIGITS[0]
    groups: list[int] = []  # groups of four digits, lowest first (个, 万, 亿, 万亿 …)
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    zero = False  # a 零 is owed before the next non-zero digit
    for level in range(len(groups) - 1, -1, -1):
        group = groups[level]
        if group == 0:
            zero = bool(out)
            continue
        if out and group < 1000:
            zero = True
        out += ("零" if zero else "") + _group(group) + _big_unit(level)
        zero = False
    return "十" + out[2:] if out.startswith("一十") else out


def _group(n: int) -> str:
    """1–9999 in Chinese numerals (一千零一十, 一百零一, 一十二)."""
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        out += ("零" if zero else "") + _DIGITS[digit] + unit
        zero = False
    return out


def _big_unit(level: int) -> str:
    return "万" * (level % 2) + "亿" * (level // 2)


def is_heading_line(line: str) -> bool:
    """True when a line is a 编/章/节 heading."""
    s = line.strip()
    return bool((CHAPTER_RE.match(s) or SECTION_RE.match(s)) and len(s) <= 40)


def join_paragraphs(lines: Sequence[str]) -> list[str]:
    """Default paragraph joining for callers that have only lines (no layout info)."""
    return [line for line in lines if line.strip()]
