"""Synthetic documents: what is printed (styled blocks) and the truth about it."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from .corpus import Source

_CN = "〇一二三四五六七八九"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_EFFECTIVE_RE = re.compile(r"自[^。；，：]{1,20}?起(?:施行|实施|执行)")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = ["建国", "海涛", "晓梅", "志强", "丽华", "文斌", "国庆", "红霞", "振宇", "春生", "玉兰", "立新"]
_POSTS = ["省发展和改革委员会主任", "省教育厅厅长", "省财政厅副厅长", "省交通运输厅厅长", "省卫生健康委员会副主任", "省统计局局长"]
_PLACES = ["济南新旧动能转换起步区", "青岛西海岸新区", "烟台经济技术开发区", "潍坊综合保税区", "临沂商城国际贸易综合改革试验区"]
_SIGNER = {"山东": "省长　李干杰", "浙江": "省长　王　浩", "广州": "市长　郭永航", "国务院": "总理　李克强",
           "北京": "市　长　殷　勇", "江苏": "省长　许昆林", "广东": "省　长　王伟中"}
_ORGAN_LINE_RE = re.compile(r"^[\u4e00-\u9fff　 ]{2,24}(?:部|委|会|局|总局|署|办公室|办公厅|厅|院|政府|银行|组)$")
_GAP_RE = re.compile(r"(?<=[0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9])")


@dataclass(frozen=True)
class Block:
    """One printed block: ``style`` is title / center / para / right / heading / plain / gap."""

    style: str
    text: str


@dataclass
class Doc:
    """A document as printed, with its truth record."""

    kind: str
    title: str
    section: str
    blocks: list[Block]
    doc_number: str | None
    toc_doc_number: str | None
    issuer: str | None
    signed_date: str | None
    effective_date: str | None
    truth_extra: dict = field(default_factory=dict)

    def truth_text(self) -> str:
        """The document's text as ingest should give it: one line per printed block."""
        return "\n".join(b.text for b in self.blocks if b.style != "gap")


@dataclass(frozen=True)
class Gazette:
    """Who publishes the gazette: names, organs and 文号 prefixes."""

    name: str
    short: str  # 山东, 浙江, 广州, 国务院
    government: str
    office: str
    prefix: str  # 鲁, 浙, 穗, 国
    regulation_section: str
    normative_section: str
    office_section: str
    council: str | None = None  # who holds the 常务会议 in an order block (省/市); None: the original rule

GAZETTES = [
    Gazette("山东省人民政府公报", "山东", "山东省人民政府", "山东省人民政府办公厅", "鲁", "省政府规章", "省政府文件", "省政府办公厅文件"),
    Gazette("浙江省人民政府公报", "浙江", "浙江省人民政府", "浙江省人民政府办公厅", "浙", "省政府令", "省政府文件", "省政府办公厅文件"),
    Gazette("广州市人民政府公报", "广州", "广州市人民政府", "广州市人民政府办公厅", "穗", "市政府规章", "市政府文件", "市政府办公厅文件"),
    Gazette("中华人民共和国国务院公报", "国务院", "国务院", "国务院办公厅", "国", "国务院令", "国务院文件", "国务院办公厅文件"),
    Gazette("北京市人民政府公报", "北京", "北京市人民政府", "北京市人民政府办公厅", "京", "市政府规章", "市政府文件",
            "市政府办公厅文件", council="市"),
    Gazette("江苏省人民政府公报", "江苏", "江苏省人民政府", "江苏省人民政府办公厅", "苏", "省政府令", "省政府文件",
            "省政府办公厅文件", council="省"),
    Gazette("广东省人民政府公报", "广东", "广东省人民政府", "广东省人民政府办公厅", "粤", "省政府规章", "省政府文件",
            "省政府办公厅文件", council="省"),
]


def digit_gaps(text: str) -> str:
    """What a WPS-made text layer gives: a space between ASCII digits and Chinese characters."""
    return _GAP_RE.sub(" ", text)


def cn_date(iso: str) -> str:
    """2023-03-01 → 二〇二三年三月一日."""
    y, m, d = (int(x) for x in iso.split("-"))
    return "".join(_CN[int(c)] for c in str(y)) + "年" + _cn_num(m) + "月" + _cn_num(d) + "日"


def _cn_num(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def ar_date(iso: str, spaced: bool = False) -> str:
    """2023-03-01 → 2023年3月1日 (or the messy ``2023 年 3 月1 日``)."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y} 年 {m} 月{d} 日" if spaced else f"{y}年{m}月{d}日"


def bracket_number(prefix: str, year: int, no: int, rng: random.Random) -> str:
    """A printed 文号 in one of the bracket styles seen in real PDFs."""
    left, right = rng.choice([("〔", "〕"), ("〔", "〕"), ("〔", "〕"), ("[", "]"), ("［", "］"), ("(", ")"), ("（", "）")])
    text = f"{prefix}{left}{year}{right}{no}号"
    if rng.random() < 0.15:
        text = text.translate(_FULLWIDTH)
    return text


def norm_number(prefix: str, year: int, no: int) -> str:
    """The normalised form of a 文号."""
    return f"{prefix}〔{year}〕{no}号"


def _body(src: Source, rng: random.Random, budget: int, effective: str | None, signed_text: str) -> list[str]:
    out, total = [], 0
    for p in src.paragraphs:
        if total > budget and out:
            break
        p = _EFFECTIVE_RE.sub(lambda m: f"自{effective}起施行" if effective else "", p)
        if not p.strip("　 。"):
            continue
        out.append(p)
        total += len(p)
    return out


SIGN_BEFORE: str | None = None  # when set (the samples): documents are signed before this issue date


def signing_date(rng: random.Random, year: int) -> str:
    """A document's signing date in ``year``; with :data:`SIGN_BEFORE` set, between 1
    January of that date's year and three days before it (a document is printed after
    it is signed). Draws the same random numbers either way, so other output stays as it was."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if SIGN_BEFORE is None:
        return f"{year}-{month:02d}-{day:02d}"
    latest = dt.date.fromisoformat(SIGN_BEFORE) - dt.timedelta(days=3)
    first = dt.date(latest.year, 1, 1)
    return (first + dt.timedelta(days=(month * 31 + day) % ((latest - first).days + 1))).isoformat()


def regulation(g: Gazette, src: Source, rng: random.Random, year: int, no: int, budget: int, date_style: str) -> Doc:
    """A 规章: order block, then the rule (with its chapters and articles)."""
    signed = signing_date(rng, year)
    if g.short == "国务院" and src.issuer and src.subtype == "dept_rule":
        organ = src.issuer.split("、")[0]
        head = ("中华人民共和国" if rng.random() < 0.5 else "") + organ + "令"
        issuer = organ
        signer = "部长　" + rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        section = "国务院部门规章"
    else:
        head = ("中华人民共和国国务院令" if g.short == "国务院" else f"{g.government}令")
        issuer = g.government
        signer = _SIGNER[g.short]
        section = g.regulation_section
    promulgated = rng.random() < 0.3
    eff = signed if promulgated else f"{year + (1 if signed[5:7] > '09' else 0)}-{rng.choice(['01', '03', '05', '07', '10'])}-01"
    eff_text = "公布之日" if promulgated else ar_date(eff)
    adopted = f"{year}-{int(signed[5:7]):02d}-01"
    title = src.title
    council = g.council if g.council is not None else "省" if g.short in ("山东", "浙江") else ""
    order = f"《{title}》已经{ar_date(adopted)}{council}政府第{rng.randint(10, 120)}次常务会议通过，现予公布，自{eff_text}起施行。"
    number = f"第{no}号"
    blocks = [Block("title", head), Block("center", number), Block("para", order), Block("right", signer),
              Block("right", ar_date(signed, date_style == "spaced")), Block("gap", ""), Block("title", title)]
    for p in _body(src, rng, budget, eff_text, ar_date(signed)):
        style = "heading" if re.match(r"^第[一二三四五六七八九十百]+[章节编]", p) else "para"
        blocks.append(Block(style, p))
    return Doc("regulation", title, section, blocks, f"{head}{number}", None, issuer, signed, eff)


def normative(g: Gazette, src: Source, rng: random.Random, year: int, no: int, budget: int, date_style: str,
              office: bool = False) -> Doc:
    """A 规范性文件: title, 文号, addressees, body, signature, date, attachments."""
    organ = g.office if office else g.government
    joint = []
    if src.issuer and rng.random() < 0.3 and not office:
        joint = [o for o in src.issuer.split("、") if o != organ and re.search(r"(?:部|委|局|厅|署|院|会|总局|办公室)$", o)][:2]
    issuers = [organ] + joint
    title = src.title if src.title.startswith(("关于", organ)) else f"{organ}关于印发{src.title}的通知"
    if not title.startswith(organ) and rng.random() < 0.5:
        title = organ + title
    infix = rng.choice(["发", "字", "办发", "办字"]) if not office else rng.choice(["办发", "办字"])
    printed_no = bracket_number(f"{g.prefix}{'政' if g.short != '国务院' else ''}{infix}", year, no, rng)
    truth_no = norm_number(f"{g.prefix}{'政' if g.short != '国务院' else ''}{infix}", year, no)
    signed = signing_date(rng, year)
    eff_choice = rng.random()
    eff = None
    clause = None
    if eff_choice < 0.35:
        eff = f"{year + 1}-01-01" if signed[5:7] > "10" else f"{year}-{int(signed[5:7]) + 1:02d}-01"
        clause = f"本{'通知' if '通知' in title else '意见' if '意见' in title else '办法'}自{ar_date(eff)}起施行。"
    elif eff_choice < 0.55:
        eff = signed
        clause = "本通知自印发之日起施行。"
    body = _body(src, rng, budget, None, ar_date(signed))
    attached: list[str] = []
    if "关于印发" in title and not src.title.startswith("关于"):
        attached, body = body, [f"现将《{src.title}》印发给你们，请结合实际认真贯彻执行。"]
    blocks = []
    number_above = rng.random() < 0.3
    if number_above:
        blocks.append(Block("center", printed_no))
    blocks.append(Block("title", title))
    if not number_above:
        blocks.append(Block("center", printed_no))
    blocks.append(Block("plain", rng.choice(["各市人民政府，省政府各部门、各直属机构，各大企业，各高等院校：",
                                             "各市、县（市、区）人民政府，省政府直属各单位：",
                                             "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："])))
    blocks.extend(Block("para", p) for p in body)
    if clause:
        blocks.append(Block("para", clause))
    if rng.random() < 0.3:
        blocks.append(Block("plain", "附件：1." + src.title[:20] + "情况统计表"))
    if len(issuers) > 1 and rng.random() < 0.5:
        blocks.append(Block("right", "　　".join(issuers)))
    else:
        blocks.extend(Block("right", o) for o in issuers)
    if g.short == "国务院" and rng.random() < 0.3 and not office:
        blocks.append(Block("right", "（国务院办公厅代章）"))
    date_text = cn_date(signed) if date_style == "cn" else ar_date(signed, date_style == "spaced")
    blocks.append(Block("right", date_text))
    blocks.append(Block("center", "（此件公开发布）"))
    if attached:
        blocks.append(Block("title", src.title))
        blocks.extend(Block("heading" if re.match(r"^第[一二三四五六七八九十百]+[章节编]", p) else "para", p) for p in attached)
    elif rng.random() < 0.3:
        blocks.append(Block("plain", "附件1"))
        blocks.append(Block("title", src.title[:20] + "情况统计表"))
        blocks.append(Block("para", "填报单位（盖章）：　　　　填报日期：" + ar_date(signed)))
    toc_no = truth_no if rng.random() < 0.6 else None
    kind = "other" if re.search(r"(?:通报|纪要)$", title) else "normative"  # a 批复/复函 with a 文号 is normative
    return Doc(kind, title, g.office_section if office else g.normative_section, blocks, truth_no, toc_no,
               "、".join(issuers), signed, eff)


def interpretation(g: Gazette, of: Doc, src: Source, rng: random.Random, budget: int) -> Doc:
    """A 政策解读 of another document in the issue."""
    short = of.title
    title = rng.choice([f"《{short}》政策解读", f"关于《{short}》的解读"])
    blocks = [Block("title", title), Block("heading", "一、出台背景")]
    # a 解读 does not carry the source's signature lines (organ names left inside the corpus text)
    paras = [p for p in src.paragraphs[:6] if not _ORGAN_LINE_RE.match(p)]
    blocks.extend(Block("para", p) for p in paras[:2])
    blocks.append(Block("heading", "二、主要内容"))
    blocks.extend(Block("para", p) for p in paras[2:5])
    return Doc("interpretation", title, "政策解读", blocks, None, None, None, None, None)


def personnel(g: Gazette, rng: random.Random, year: int, no: int, date_style: str) -> Doc:
    """A 人事任免 notice."""
    people = [rng.choice(_SURNAMES) + rng.choice(_GIVEN) for _ in range(3)]
    title = f"{g.government}关于{people[0]}等同志职务任免的通知"
    prefix = f"{g.prefix}政任" if g.short != "国务院" else "国人"
    signed = signing_date(rng, year)
    blocks = [Block("title", title), Block("center", bracket_number(prefix, year, no, rng)),
              Block("plain", "各市人民政府，省政府各部门、各直属机构："), Block("para", f"{g.government}决定：")]
    posts = rng.sample(_POSTS, 3)
    blocks.append(Block("para", f"任命{people[0]}为{posts[0]}；"))
    blocks.append(Block("para", f"任命{people[1]}为{posts[1]}；"))
    blocks.append(Block("para", f"免去{people[2]}的{posts[2]}职务。"))
    blocks.append(Block("right", g.government))
    blocks.append(Block("right", cn_date(signed) if date_style == "cn" else ar_date(signed, date_style == "spaced")))
    return Doc("personnel", title, "人事任免", blocks, norm_number(prefix, year, no), None, g.government, signed, None)


def reply(g: Gazette, rng: random.Random, year: int, no: int, date_style: str) -> Doc:
    """A 批复 with its 文号 (kind ``normative``, like every 批复/复函/函 that carries one)."""
    place = rng.choice(_PLACES)
    title = f"{g.government}关于同意设立{place}管理委员会的批复"
    prefix = f"{g.prefix}政字" if g.short != "国务院" else "国函"
    signed = signing_date(rng, year)
    blocks = [Block("title", title), Block("center", bracket_number(prefix, year, no, rng)),
              Block("plain", "你市《关于设立" + place + "管理委员会的请示》收悉。现批复如下："),
              Block("para", f"一、同意设立{place}管理委员会，为市人民政府派出机构。"),
              Block("para", "二、有关机构编制事项按照规定程序另行办理。"),
              Block("right", g.government),
              Block("right", cn_date(signed) if date_style == "cn" else ar_date(signed, date_style == "spaced"))]
    return Doc("normative", title, g.normative_section, blocks, norm_number(prefix, year, no), None, g.government, signed, None)


def restyle_date(doc: Doc, rng: random.Random, year: int) -> None:
    """Print a document's signing date in another style (Chinese numerals, or with the stray
    spaces of a real text layer), and sometimes add a 代章 line above it (not part of the issuer)."""
    if not doc.signed_date:
        return
    for i in range(len(doc.blocks) - 1, -1, -1):
        b = doc.blocks[i]
        if b.style == "right" and b.text in (ar_date(doc.signed_date), ar_date(doc.signed_date, True), cn_date(doc.signed_date)):
            style = rng.choice(["cn", "spaced", "spaced-tight"])
            y, m, d = (int(x) for x in doc.signed_date.split("-"))
            text = {"cn": cn_date(doc.signed_date), "spaced": f"{y} 年 {m} 月 {d} 日",
                    "spaced-tight": f"{y} 年 {m} 月{d} 日"}[style]
            doc.blocks[i] = Block("right", text)
            if doc.issuer and "、" in doc.issuer and rng.random() < 0.6:
                doc.blocks.insert(i, Block("right", f"（{doc.issuer.split('、')[0]}代章）"))
            return


def announcement(g: Gazette, rng: random.Random, year: int, no: int, date_style: str) -> Doc:
    """A 公告 (kind ``other``): no 文号, no addressees, ends with 特此公告。"""
    place = rng.choice(_PLACES)
    title = f"{g.government}关于{place}范围调整的公告"
    signed = signing_date(rng, year)
    blocks = [Block("title", title),
              Block("para", f"经{g.government}研究同意，现将{place}范围调整有关事项公告如下："),
              Block("para", f"一、调整后的{place}总面积为{rng.randint(20, 300)}平方公里，四至范围以所附界址点坐标为准。"),
              Block("para", "二、范围调整后，区内各项管理事项按照有关规定执行。"),
              Block("para", "特此公告。"),
              Block("right", g.government),
              Block("right", cn_date(signed) if date_style == "cn" else ar_date(signed, date_style == "spaced"))]
    return Doc("other", title, g.normative_section, blocks, None, None, g.government, signed, None)
