"""Seeded search queries and their ground truth, computed from an archive's texts.

The queries are drawn (``random.Random(seed)``) from the first ``POOL`` documents of an
archive in id order. Archives made by bench/make_archive.py with the same seed are
prefixes of one another, so the 1,000- and 10,000-document archives get the *same*
queries; only the ground truth (recomputed by scanning every document) differs.

Ground truth: a document matches a query when the query's normalized form is a substring
of the document's normalized title + plain text (:func:`norm`: NFKC, traditional →
simplified with OpenCC ``t2s``, ASCII lower-cased, everything that is not a letter or a
digit removed; CJK ideographs are letters). A query of several words (``Query.words``)
matches when every word matches. 文号 queries also look at the document's ``doc_number``,
issuer queries at its ``issuer``. Where one document is *the* answer (the document with
that 文号, the document with that exact title) it is recorded as ``wanted`` and the
benchmark checks that it comes first.

``python bench/search_queries.py ARCHIVE`` prints the queries with their ground-truth sizes.
"""

from __future__ import annotations

import functools
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazette.content import load_archive  # noqa: E402
from gazette.structure import body_to_text  # noqa: E402

POOL = 1000
SEED = 20240611

KINDS = {
    "docnum": "文号/令号 typed in varied styles (〔〕, [ ], ［］ + full-width digits, ( ), （）, spaces inside, shortened 令号)",
    "title": "exact document titles (bare source titles and the archive's suffixed ones)",
    "phrase": "6–12 CJK characters copied from a text",
    "quoted": "4–10 characters from a text in double quotes (\"…\" or “…”)",
    "booktitle": "names in book-title marks as the text prints them (《…》, sometimes with a word before)",
    "traditional": "traditional-character forms (OpenCC s2t) of 4–8-character phrases printed in simplified",
    "issuer": "issuing organs: the archive's issuers and organs named in the texts",
    "short": "single characters and 2-character words",
    "common": "very common words (施行, 管理, …): ground truth is most of the archive",
    "spaces": "a 4–8-character phrase with stray spaces inside (行政 处罚)",
    "typo": "a 4–8-character phrase with one character replaced by a similar/wrong one; ground truth = documents with the correct phrase",
    "typo-other": "a phrase with one character left out, doubled, or two characters swapped (hand-written sets only); report only",
    "and": "two words from one text, space separated; a document matches when it has both",
    "latin": "pinyin and English (ground truth = the Chinese equivalent), ASCII words printed in texts; report only",
}
REPORT_ONLY = {"latin", "typo-other"}

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{_CJK}]+")
_BOOK = re.compile(r"《([^《》\n]{2,40})》")

# Characters a hurried typist or an input method confuses (homophones, look-alikes).
CONFUSABLE = {
    "制": "治", "治": "制", "规": "归", "管": "官", "理": "里", "政": "正", "务": "物", "施": "实",
    "法": "发", "部": "布", "门": "们", "监": "鉴", "督": "都", "环": "坏", "境": "竟", "保": "堡",
    "护": "户", "安": "按", "全": "金", "产": "铲", "卫": "为", "府": "付", "民": "名", "公": "工",
    "信": "言", "资": "姿", "审": "申", "批": "比", "许": "午", "记": "纪", "登": "灯", "事": "是",
    "项": "顶", "单": "但", "位": "立", "罚": "法", "处": "外", "检": "捡", "验": "险", "营": "赢",
    "经": "径", "证": "正", "照": "昭", "防": "妨", "疫": "役", "药": "要", "品": "晶", "组": "租",
    "织": "职", "建": "健", "设": "没", "价": "介", "格": "隔", "税": "锐", "收": "放", "财": "材",
    "源": "原", "权": "杈", "责": "债", "任": "认", "计": "记", "统": "通", "标": "际", "准": "淮",
}

SINGLE_CHARS = ["矿", "罚", "税", "港", "药", "船", "林", "粮", "疫", "桥", "鱼", "煤"]
TWO_CHAR_WORDS = ["船舶", "药品", "渔业", "煤矿", "海关", "补贴", "罚款", "档案", "森林", "价格", "税收", "疫苗",
                  "港口", "养老", "殡葬", "专利", "气象", "地震"]
COMMON_WORDS = ["施行", "管理", "规定", "应当", "人民政府", "工作", "国家", "有关部门"]
TEXT_ISSUERS = ["国务院办公厅", "国务院", "全国人民代表大会常务委员会", "国家市场监督管理总局", "交通运输部",
                "最高人民法院", "生态环境部", "财政部", "公安部", "国家发展改革委"]
PINYIN = [("xingzheng chufa", "行政处罚"), ("zhengwu gongkai", "政务公开"), ("anquan shengchan", "安全生产"),
          ("huanjing baohu", "环境保护"), ("administrative penalty", "行政处罚"),
          ("environmental protection", "环境保护"), ("State Council", "国务院")]


@functools.lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _keep(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


_LOOSE: dict[int, str | None] = {}
_STRICT: dict[int, str | None] = {}


def _tables(text: str) -> None:
    """Classify the characters of ``text`` not seen before (for str.translate)."""
    for ch in set(text):
        o = ord(ch)
        if o not in _LOOSE:
            keep = _keep(ch)
            _LOOSE[o] = ch if keep else None
            _STRICT[o] = ch if keep else ("\0" if ch == "\n" or unicodedata.category(ch)[0] == "P" else None)


def _prepare(text: str) -> str:
    text = _converter("t2s").convert(unicodedata.normalize("NFKC", text)).lower()
    _tables(text)
    return text


def norm(text: str) -> str:
    """NFKC, traditional → simplified, ASCII lower case, only letters and digits kept."""
    return _prepare(text).translate(_LOOSE)


def norm_strict(text: str) -> str:
    """Like :func:`norm`, but punctuation and line breaks leave a boundary (NUL) that a
    match may not cross: 措施。行政 holds 施行 under :func:`norm`, not under this."""
    return re.sub("\0{2,}", "\0", _prepare(text).translate(_STRICT))


def norm_both(text: str) -> tuple[str, str]:
    """(norm(text), norm_strict(text)), converting once."""
    text = _prepare(text)
    return text.translate(_LOOSE), re.sub("\0{2,}", "\0", text.translate(_STRICT))


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


@dataclass
class Doc:
    id: str
    title: str
    doc_number: str
    issuer: str
    text: str
    hay: str = ""          # norm(title + text)
    hay_number: str = ""   # norm(doc_number)
    hay_issuer: str = ""   # norm(issuer)
    strict: tuple[str, str, str] = ("", "", "")  # norm_strict of title + text, doc_number, issuer


class Corpus:
    """The public documents of an archive with their normalized texts."""

    def __init__(self, content: Path) -> None:
        archive = load_archive(Path(content))
        self.docs: list[Doc] = []
        for doc_id in sorted(archive.documents):
            d = archive.documents[doc_id]
            if not d.is_public:
                continue
            text = body_to_text(d.body)
            (hay, hay_s), (num, num_s), (iss, iss_s) = (norm_both(t) for t in (d.title + "\n" + text, d.doc_number or "",
                                                                             d.issuer or ""))
            self.docs.append(Doc(doc_id, d.title, d.doc_number or "", d.issuer or "", text, hay, num, iss,
                                 (hay_s, num_s, iss_s)))
        self.by_id = {d.id: d for d in self.docs}


@dataclass
class Query:
    kind: str
    text: str                       # what is typed into the search box
    words: tuple[str, ...]          # every one must occur (normalized) for a document to match
    fields: tuple[str, ...] = ("text",)   # "text" (title + text), "doc_number", "issuer"
    wanted: str | None = None       # "doc_number" / "title": the document whose field equals the query
    wanted_value: str = ""
    note: str = ""                  # e.g. the correct phrase of a typo
    report_only: bool = False
    normalized: tuple[str, ...] = field(default=())
    strict: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        self.normalized = tuple(w for w in (norm(w) for w in self.words) if w)
        self.strict = tuple(w for w in (norm_strict(w).strip("\0") for w in self.words) if w)


def matches(q: Query, d: Doc, strict: bool = False) -> bool:
    """The ground-truth test; ``strict``: the match may not cross punctuation or a line break
    (a diagnostic: the ground truth proper is the non-strict one)."""
    hay, number, issuer = d.strict if strict else (d.hay, d.hay_number, d.hay_issuer)
    hays = [hay] + ([number] if "doc_number" in q.fields else []) + ([issuer] if "issuer" in q.fields else [])
    words = q.strict if strict else q.normalized
    return bool(words) and all(any(w in h for h in hays) for w in words)


def ground_truth(q: Query, corpus: Corpus, strict: bool = False) -> tuple[set[str], set[str]]:
    """(ids of matching documents, ids of the wanted-first documents)."""
    relevant = {d.id for d in corpus.docs if matches(q, d, strict)}
    wanted: set[str] = set()
    if q.wanted == "doc_number":
        value = norm(q.wanted_value)
        wanted = {d.id for d in corpus.docs if d.hay_number and value and value in d.hay_number}
    elif q.wanted == "title":
        wanted = {d.id for d in corpus.docs if d.title == q.wanted_value}
    return relevant | wanted, wanted


# ---------------------------------------------------------------- generation

def _runs(text: str, min_len: int) -> list[str]:
    return [m.group() for m in _RUN.finditer(text) if len(m.group()) >= min_len]


def _phrase(rng: random.Random, docs: list[Doc], lo: int, hi: int, skip_title: bool = True) -> tuple[Doc, str]:
    """lo..hi CJK characters from a random document's text: half the time from the start of
    a clause (as a reader would select it), otherwise from anywhere inside one."""
    aligned = rng.random() < 0.5
    while True:
        d = rng.choice(docs)
        lines = d.text.split("\n")[1 if skip_title else 0:]
        runs = [r for line in lines for r in _runs(line, lo)]
        if not runs:
            continue
        run = rng.choice(runs)
        n = rng.randint(lo, min(hi, len(run)))
        start = 0 if aligned else rng.randrange(len(run) - n + 1)
        return d, run[start:start + n]


def _docnum_styles(number: str) -> list[tuple[str, str]]:
    fw = str.maketrans("0123456789", "０１２３４５６７８９")
    if "〔" in number:
        return [
            ("〔〕", number),
            ("[ ]", number.replace("〔", "[").replace("〕", "]")),
            ("［］ full-width digits", number.replace("〔", "［").replace("〕", "］").translate(fw)),
            ("( )", number.replace("〔", "(").replace("〕", ")")),
            ("（）", number.replace("〔", "（").replace("〕", "）")),
            ("spaces inside", number.replace("〔", " 〔").replace("〕", "〕 ").replace("号", " 号")),
            ("[ ] with spaces", number.replace("〔", " [ ").replace("〕", " ] ")),
        ]
    m = re.match(r"(.*?)令第(\d+)号", number)
    if m:
        organ, num = m.groups()
        return [
            ("令号 as printed", number),
            ("令号 space inside", f"{organ}令 第{num}号"),
            ("令号 full-width digits", f"{organ}令第{num.translate(fw)}号"),
            ("令号 without organ prefix", f"{organ[-4:]}令第{num}号"),
        ]
    return [("as printed", number)]


def generate_queries(corpus: Corpus, seed: int = SEED, pool: int = POOL) -> list[Query]:
    """The benchmark queries (deterministic for a seed and an archive prefix of ``pool`` documents)."""
    rng = random.Random(seed)
    docs = corpus.docs[:pool]
    all_hay = [d.hay for d in docs]
    out: list[Query] = []

    # 文号 / 令号
    normative = [d for d in docs if "〔" in d.doc_number]
    orders = [d for d in docs if "令第" in d.doc_number]
    style_no = 0
    for d in rng.sample(normative, min(7, len(normative))):
        name, text = _docnum_styles(d.doc_number)[style_no % 7]
        style_no += 1
        out.append(Query("docnum", text, (text,), ("text", "doc_number"), "doc_number", d.doc_number, name))
    for i, d in enumerate(rng.sample(orders, min(4, len(orders)))):
        name, text = _docnum_styles(d.doc_number)[i % 4]
        out.append(Query("docnum", text, (text,), ("text", "doc_number"), "doc_number", text, name))

    # exact titles: some bare source titles, some with the archive's （…年第…期第…件） suffix
    bare = [d for d in docs if not d.title.endswith("件）")]
    suffixed = [d for d in docs if d.title.endswith("件）")]
    for d in rng.sample(bare, min(3, len(bare))) + rng.sample(suffixed, min(4, len(suffixed))):
        out.append(Query("title", d.title, (d.title,), wanted="title", wanted_value=d.title))

    # copied phrases
    for _ in range(8):
        d, p = _phrase(rng, docs, 6, 12)
        out.append(Query("phrase", p, (p,), note=f"from {d.id}"))

    # quoted phrases
    for i in range(6):
        d, p = _phrase(rng, docs, 4, 10)
        text = f"“{p}”" if i % 3 == 2 else f'"{p}"'
        out.append(Query("quoted", text, (p,), note=f"from {d.id}"))

    # 《…》 as printed
    seen: set[str] = set()
    books: list[tuple[str, str]] = []
    for d in docs:
        for line in d.text.split("\n"):
            for m in _BOOK.finditer(line):
                if m.group(1) not in seen:
                    seen.add(m.group(1))
                    before = line[max(0, m.start() - 2):m.start()]
                    books.append((m.group(0), before + m.group(0) if _RUN.fullmatch(before or "x") and len(before) == 2 else m.group(0)))
    for i, (plain, with_context) in enumerate(rng.sample(books, min(7, len(books)))):
        text = with_context if i % 3 == 1 else plain
        out.append(Query("booktitle", text, (text,)))

    # traditional forms
    made = 0
    while made < 7:
        d, p = _phrase(rng, docs, 4, 8)
        t = to_traditional(p)
        if t != p and norm(t) == norm(p):
            out.append(Query("traditional", t, (t,), note=f"simplified {p}, from {d.id}"))
            made += 1

    # issuers
    archive_issuers = sorted({d.issuer for d in docs if d.issuer})
    in_text = [name for name in TEXT_ISSUERS if any(norm(name) in h for h in all_hay)]
    picked = ["山东省人民政府"] if "山东省人民政府" in archive_issuers else []
    picked += rng.sample([i for i in archive_issuers if i not in picked], min(3, len(archive_issuers) - len(picked)))
    picked += (["国务院办公厅"] if "国务院办公厅" in in_text else [])
    picked += rng.sample([i for i in in_text if i not in picked], min(3, len([i for i in in_text if i not in picked])))
    for name in picked:
        out.append(Query("issuer", name, (name,), ("text", "issuer")))

    # single characters and 2-character words
    present = lambda w: any(norm(w) in h for h in all_hay)  # noqa: E731
    singles = [c for c in SINGLE_CHARS if present(c)]
    pairs = [w for w in TWO_CHAR_WORDS if present(w)]
    for w in singles[:2] + rng.sample(singles[2:], 2) + rng.sample(pairs, 4):
        out.append(Query("short", w, (w,)))

    # common words
    for w in COMMON_WORDS[:6]:
        out.append(Query("common", w, (w,)))

    # stray spaces
    out.append(Query("spaces", "行政 处罚", ("行政处罚",)))
    for i in range(6):
        d, p = _phrase(rng, docs, 4, 8)
        cut = rng.randrange(1, len(p))
        text = p[:cut] + (" ", "  ", "\u3000")[i % 3] + p[cut:]
        if i == 5 and len(p) > 3:
            cut2 = rng.randrange(cut + 1, len(p)) if cut + 1 < len(p) else cut
            text = p[:cut] + " " + p[cut:cut2] + " " + p[cut2:]
        out.append(Query("spaces", text, (p,), note=f"from {d.id}"))

    # typos: the typo must occur in no pool document
    made = 0
    while made < 7:
        d, p = _phrase(rng, docs, 4, 8)
        spots = [i for i, ch in enumerate(p) if ch in CONFUSABLE]
        if not spots:
            continue
        i = rng.choice(spots)
        typo = p[:i] + CONFUSABLE[p[i]] + p[i + 1:]
        if any(norm(typo) in h for h in all_hay):
            continue
        out.append(Query("typo", typo, (p,), note=p))
        made += 1

    # two words (AND)
    made = 0
    while made < 5:
        d = rng.choice(docs)
        runs = [r for line in d.text.split("\n")[1:] for r in _runs(line, 4)]
        if len(runs) < 10:
            continue
        a, b = rng.sample(runs, 2)
        wa, wb = a[:rng.randint(2, 4)], b[-rng.randint(2, 4):]
        if norm(wa) in norm(wb) or norm(wb) in norm(wa):
            continue
        out.append(Query("and", f"{wa} {wb}", (wa, wb), note=f"from {d.id}"))
        made += 1

    # pinyin / English (report only)
    for text, chinese in PINYIN:
        out.append(Query("latin", text, (chinese,), note=f"= {chinese}", report_only=True))
    latin = sorted({w for d in docs for w in re.findall(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])", d.text)})
    for w in rng.sample(latin, min(2, len(latin))):
        out.append(Query("latin", w, (w,), note="printed in a text", report_only=True))
    return out


def main(argv: list[str]) -> int:
    content = Path(argv[0]) if argv else ROOT / "build" / "bench" / "search-archive-1000"
    corpus = Corpus(content)
    for q in generate_queries(corpus):
        relevant, wanted = ground_truth(q, corpus)
        print(f"{q.kind}\t{q.text!r}\t{len(relevant)}\twanted={sorted(wanted)}\t{q.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
