"""Per-document metadata from a document's printed lines: kind, 文号/令号, issuer, dates.

The rules follow how Chinese official documents are printed:

* a 规章 opens with an order block (``山东省人民政府令`` / ``第336号`` / order text /
  ``省长　李干杰`` / date); the order's organ is the issuer, the block's date is the
  signing date, and ``自…起施行`` gives the effective date;
* a 规范性文件 has a standalone 文号 line near its title and ends with a signature
  (one or more issuing organs, each possibly wrapped over two lines, possibly followed
  by ``（…代章）``) above its date line;
* the 目录 section a document is printed under is the best hint of its kind.
"""

from __future__ import annotations

import re
from typing import Sequence

from .fold import fold, is_traditional, unfolder
from .headers import find_header, header_facts, organ_of
from .models import Disclosure, DocumentMeta, Kind
from .textnorm import find_dates, is_date_line, normalize_doc_number, squeeze_spaces, to_ascii_digits

_CJK = r"\u4e00-\u9fff"
_ORDER_NUM = r"(?:\d{4}年)?第(?:\d+|[〇零一二三四五六七八九十百千]+)号"  # 主席令 numbers are printed in Chinese numerals
_ORDER_HEAD_RE = re.compile(rf"^(?P<organ>[{_CJK}、]{{2,60}}?)(?P<type>令|公告)(?P<no>{_ORDER_NUM})?$")
_ORDER_NO_RE = re.compile(rf"^[（(]?(?P<no>{_ORDER_NUM})[）)]?$")
_DOC_NO_LINE_RE = re.compile(rf"^[{_CJK}]{{1,20}}[〔\[［(（【]\d{{4}}[〕\]］)）】]第?\d+号$")
_EFFECTIVE_RE = re.compile(
    r"自\s*(?P<when>(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^，。；起]{1,12}?日|(?:公布|印发|发布|颁布|下发|签发)之日)\s*起\s*(?:施行|实施|执行|生效)"
)
_OWN_RULE_RE = re.compile(r"本(?:办法|规定|条例|细则|规则|决定|通知|意见|方案|实施意见|指导意见|措施|规划|标准|准则|制度|要求|若干规定|实施细则|实施办法|法|解释|批复)")
_ORGAN_END_RE = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|委|厅|局|部|院|署|会|组|中心|行|处|室|所|队|团|社|联|办|司|府|小组|机制|总队|分局|监狱|法院|检察院|银行|公司|协会)$"
)
_PROXY_SEAL_RE = re.compile(r"[（(][^（()）]*代章[)）]")
_PREFIX = "中华人民共和国"
_TITLE_ISSUER_RE = re.compile(rf"^(?P<organ>[{_CJK}、]{{2,60}}?)关于")
# What a short body line above the signature can look like, and an organ's name cannot:
# a closing formula, a heading of a list or article, or words an organ name never holds.
_BODY_LINE_RE = re.compile(
    r"^(?:特此|此复|此函|现予|以上|请|妥否)|^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|"
    r"第[一二三四五六七八九十百\d]+[条章节])"
)
_BODY_WORD_RE = re.compile(r"[将把被对要]$|[的了]")
_ADOPTED_RE = re.compile(r"(?:已由|已经|由|经)(?P<who>[^，。；]{4,60}?会议)于?(?P<date>(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^，。；]{1,8}?日)通过")
_LEGISLATURE_RE = re.compile(r"人民代表大会(?:常务委员会)?$")
_COURT_RE = re.compile(r"(?:法院|检察院)$")  # a 司法解释 is dated by its adoption too
_SIGNER_RE = re.compile(r"^(?:省长|市长|主任|部长|局长|署长|总局局长|主席|厅长|区长|县长|州长|委员长|总理|行长|院长|书记|组长)")

_SECTION_KINDS: tuple[tuple[str, Kind], ...] = (
    ("解读", Kind.INTERPRETATION),
    ("人事", Kind.PERSONNEL),
    ("任免", Kind.PERSONNEL),
    ("规章", Kind.REGULATION),
    ("法规", Kind.REGULATION),
    ("令", Kind.REGULATION),
)
_TITLE_KINDS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"解读[）)]?$|答记者问$|政策问答$"), Kind.INTERPRETATION),
    (re.compile(r"任免|任职|免职|免去|任命|职务的通知$"), Kind.PERSONNEL),
    (re.compile(r"(?:公告|通告|公示|通报|报告|决议|纪要)$"), Kind.OTHER),
)
_ISSUES_RE = re.compile(r"(?:印发|转发|发布|公布)")
_BRACKETED_ORGAN_RE = re.compile(r"^[（(](?P<organ>[\u4e00-\u9fff、]{2,40}(?:人民政府|办公厅|办公室|委员会|厅|局|部|委|署|院|中心|办|司|室|处))[）)]$")
_REPLY_RE = re.compile(r"(?:批复|复函|答复|函)$")
_JUDICIAL_NO_RE = re.compile(r"^法释〔")
_NOTICE_TITLE_RE = re.compile(r"关于.+的(?:通知|意见|决定|实施意见|指导意见)$")
_ADDRESSEE_RE = re.compile(r"^[^。；]{2,80}[：:]$")


def compact(text: str) -> str:
    """A line without spaces and with ASCII digits."""
    return squeeze_spaces(to_ascii_digits(text))


def drop_state_prefix(organ: str) -> str:
    """``中华人民共和国国家安全部`` → ``国家安全部``."""
    return organ[len(_PREFIX):] if organ.startswith(_PREFIX) and len(organ) > len(_PREFIX) else organ


def _join_issuers(organs: Sequence[str]) -> str | None:
    cleaned = []
    for organ in organs:
        organ = drop_state_prefix(_PROXY_SEAL_RE.sub("", organ).strip("、 "))
        if organ and organ not in cleaned:
            cleaned.append(organ)
    return "、".join(cleaned) or None


def find_order_block(lines: Sequence[str]) -> tuple[int, str, str] | None:
    """(index of the head line, organ as printed, 令号) of an order block at the top."""
    c = [compact(line) for line in lines[:8]]
    for i, line in enumerate(c[:4]):
        match = _ORDER_HEAD_RE.match(line)
        if not match:
            continue
        number = match.group("no")
        next_no = _ORDER_NO_RE.match(c[i + 1]) if number is None and i + 1 < len(c) else None
        if next_no:
            number = next_no.group("no")
        if number is None:
            continue
        return i, match.group("organ"), f"{match.group('organ')}{match.group('type')}{number}"
    return None


def find_doc_number_line(lines: Sequence[str], limit: int = 10) -> str | None:
    """The 文号 printed on a line of its own near the top, normalised."""
    for line in lines[:limit]:
        tokens = line.split()
        while len(tokens) > 1 and _TITLE_WORDS_RE.search(tokens[0]):
            tokens = tokens[1:]  # 然保护区范围的批复　粤政字〔2017〕4号: the title's last line, then the 文号
        c = compact("".join(tokens))
        if c[:1] in "（(" and c[-1:] in "）)":
            c = c[1:-1]  # （云司规〔2021〕30号）
        if _DOC_NO_LINE_RE.match(c):
            return normalize_doc_number(c)
    return None


_TITLE_WORDS_RE = re.compile(r"的|关于|《|》|(?:通知|意见|决定|办法|规定|批复|复函|公告|通报|细则|方案)$")


def _split_organs(line: str) -> list[str]:
    """One signature line may hold several organs separated by spaces."""
    parts = [p for p in re.split(r"[\s\u3000]{1,}", line.strip()) if p]
    if len(parts) > 1 and all(_ORGAN_END_RE.search(_PROXY_SEAL_RE.sub("", p)) for p in parts):
        return parts
    return [squeeze_spaces(line)]


def signature_before(lines: Sequence[str], date_index: int) -> list[str]:
    """The issuing organs printed on the lines just above a date line."""
    block: list[str] = []
    k = date_index - 1
    while k >= 0 and date_index - k <= 8:
        c = compact(lines[k])
        if not c or len(c) > 40 or re.search(r"[。；：，！？:;,”“《》]", c) or _SIGNER_RE.match(c):
            break
        if c.startswith(("附件", "（此件", "(此件")) or is_date_line(c) or re.match(r"^\d+[.．、]", c):
            break
        if c.startswith(("（", "(")) and not _PROXY_SEAL_RE.fullmatch(c):
            break  # （本文有删减）, （此件公开发布） …
        if re.search(r"[（()）]", _PROXY_SEAL_RE.sub("", c)):
            break  # …（省发展改革委负责）: the end of a body line; an organ's name has no brackets
        if c.endswith(("文件", "公报")) or "公报" in c:
            break  # a 目录 section heading or the gazette's running head, not a signer
        if _BODY_LINE_RE.search(c) or (_BODY_WORD_RE.search(c) and not _ORGAN_END_RE.search(_PROXY_SEAL_RE.sub("", c))):
            break  # 特此通知, 三、保障措施, 抓好落实的: the body, not a name
        block.insert(0, lines[k])
        k -= 1
    organs: list[str] = []
    pending = ""
    for raw in block:
        for part in _split_organs(raw):
            part = squeeze_spaces(part)
            if _PROXY_SEAL_RE.fullmatch(part):
                if pending:
                    organs.append(pending)
                    pending = ""
                continue
            text = pending + _PROXY_SEAL_RE.sub("", part)
            if _ORGAN_END_RE.search(text):
                organs.append(text)
                pending = ""
            else:
                pending = text
    if pending and _ORGAN_END_RE.search(pending):
        organs.append(pending)
    return organs


def find_signature(lines: Sequence[str], after: int = 0) -> tuple[int | None, list[str]]:
    """(index of the signing date line, issuing organs above it).

    The signing date is the first standalone date line after ``after`` that has a
    signature above it; failing that, the first standalone date line.
    """
    date_lines = [i for i in range(after, len(lines)) if is_date_line(lines[i])]
    for i in date_lines:
        organs = signature_before(lines, i)
        if organs:
            return i, organs
    return (date_lines[0], []) if date_lines else (None, [])


def _title_issuer(title: str) -> str | None:
    match = _TITLE_ISSUER_RE.match(compact(title))
    if not match:
        return None
    head = title.split("关于", 1)[0]
    spaced = [p for p in re.split(r"[\s\u3000、]+", head.strip()) if p]
    if len(spaced) > 1 and all(_ORGAN_END_RE.search(p) for p in spaced):
        return _join_issuers(spaced)  # 最高人民法院　最高人民检察院关于…: organs the title separates
    return _join_issuers(match.group("organ").split("、"))


def effective_date(text: str, signed: str | None, published: str | None = None) -> str | None:
    """The date of ``自…起施行``: the document's own clause (本办法自…) first.
    ``自公布之日`` is ``published`` when the document prints its publication date apart
    from the date it was adopted (a 司法解释 signed by the court), else ``signed``."""
    text = to_ascii_digits(text)
    matches = list(_EFFECTIVE_RE.finditer(text))
    if not matches:
        return None
    own = [m for m in matches if _OWN_RULE_RE.search(text[max(0, m.start() - 12):m.start()])]
    match = own[0] if own else matches[0]
    when = match.group("when")
    if when.endswith("之日"):
        return (published or signed) if when[:2] in ("公布", "发布", "颁布") else signed
    dates = find_dates(when)
    return dates[0].iso if dates else None


def guess_kind(title: str, section: str | None, has_order: bool, has_doc_number: bool,
               doc_number: str | None = None, addressed_and_signed: bool = False) -> Kind:
    """The 目录 section decides when it names a kind; then the title; then the shape.

    A 司法解释 (法释〔…〕) is normative whatever its title (…的批复 included); a 批复,
    复函 or 函 is normative when it carries a 文号, else other; a 关于…的通知/意见 with
    addressees and a signature is normative even when no 文号 is printed.
    """
    if _TITLE_KINDS[0][0].search(compact(title)):
        return Kind.INTERPRETATION  # a 解读 printed under its document's section is still a 解读
    if section:
        for word, kind in _SECTION_KINDS:
            if word in section:
                return kind
    if doc_number and _JUDICIAL_NO_RE.match(doc_number):
        return Kind.NORMATIVE
    c = compact(title)
    for pattern, kind in _TITLE_KINDS:
        if pattern.search(c):
            return kind
    if _REPLY_RE.search(c):
        return Kind.NORMATIVE if has_doc_number else Kind.OTHER
    if has_order:
        return Kind.REGULATION
    if has_doc_number or (addressed_and_signed and _NOTICE_TITLE_RE.search(c)):
        return Kind.NORMATIVE
    return Kind.OTHER


_BRACKET_CLASS = {"〔": "[〔\\[［(（【]", "〕": "[〕\\]］)）】]"}
_TO_STANDARD_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕"})


def extract_metadata(lines: Sequence[str], title: str, section: str | None = None) -> DocumentMeta:
    """Metadata of one document from its printed lines (order block and title included).

    A document printed in traditional characters is read through its simplified fold
    (:mod:`gazette.fold`); the issuer and 文号 are given back as printed.
    """
    printed = "\n".join(lines)
    if not is_traditional(title + printed[:2000]):
        return _extract(lines, title, section)
    folded = fold(printed)
    meta = _extract(folded.split("\n"), fold(title), fold(section) if section else None)
    back = unfolder(printed + "\n" + title, folded + "\n" + fold(title))
    where_f, where_p = compact(folded + fold(title)), compact(printed + title)

    def as_printed(value: str | None) -> str | None:
        """The printed characters at the place ``value`` was read (the char map only as a fallback)."""
        if not value:
            return value
        pattern = "".join(_BRACKET_CLASS.get(c, re.escape(c)) for c in value)
        found = re.search(pattern, where_f) if len(where_f) == len(where_p) else None
        if not found:
            return back(value)
        return where_p[found.start():found.end()].translate(_TO_STANDARD_BRACKETS) if "〔" in value else where_p[found.start():found.end()]

    issuer = "、".join(as_printed(p) or p for p in meta.issuer.split("、")) if meta.issuer else None
    return DocumentMeta(title=title, kind=meta.kind, doc_number=as_printed(meta.doc_number), issuer=issuer,
                        signed_date=meta.signed_date, effective_date=meta.effective_date)


_SPEECH_DATE_RE = re.compile(r"^[—－-]{1,2}(?P<date>.{6,16}?日)在(?P<where>.+)上$")
_SPEAKER_RE = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff]{2,30}?(?:人民代表大会常务委员会|人民政府|办公厅|委员会|厅|局|部|办公室|法院|检察院|署|委))"
    r"(?:副?(?:主任委员|主任|厅长|局长|部长|秘书长|院长|检察长|市长|省长|署长|委员))?$")


def _speech_byline(lines: Sequence[str]) -> tuple[str, str | None] | None:
    """(organ, date) of a speech printed with its byline: ——2022年1月8日在…会议上, then
    the speaker's organ and post before the name (河北省司法厅厅长　黄东若)."""
    for i in range(1, min(5, len(lines) - 1)):
        byline = _SPEECH_DATE_RE.match(compact(lines[i]))
        if not byline:
            continue
        parts = lines[i + 1].split()
        speaker = _SPEAKER_RE.match(compact(parts[0])) if len(parts) >= 2 else None
        dates = find_dates(byline.group("date"))
        if speaker:
            return drop_state_prefix(speaker.group("organ")), dates[0].iso if dates else None
    return None


def _title_lines(lines: Sequence[str], title: str, limit: int = 40) -> tuple[int, int] | None:
    """Indexes of the lines on which the title's text begins and ends (it may wrap)."""
    wanted = compact(title)
    if not wanted:
        return None
    text, starts = "", []
    for line in lines[:limit]:
        starts.append(len(text))
        text += compact(line)
    at = text.find(wanted)
    while at > 0 and text[at - 1] in "《〈“":  # quoted in a 公告 above it: not the title line
        at = text.find(wanted, at + 1)
    if at < 0:
        return None
    first = max(i for i, start in enumerate(starts) if start <= at)
    last = max(i for i, start in enumerate(starts) if start < at + len(wanted))
    return first, last


def _extract(lines: Sequence[str], title: str, section: str | None) -> DocumentMeta:
    order = find_order_block(lines)
    span = _title_lines(lines, title)
    header = find_header(lines, 1)
    if header is None and span is not None:
        header = find_header(lines, span[1] + 1, span[1] + 8)  # under a title that follows a 公告 block
    facts = header_facts(header[2], "".join(compact(line) for line in lines[header[0]:header[1] + 1])) if header else None
    doc_number = order[2] if order else find_doc_number_line(lines)
    if doc_number is None and span is not None:
        # 法释〔2020〕9号 just under or above a title that follows a 公告 block
        doc_number = find_doc_number_line(lines[span[1] + 1:], limit=2) or (
            find_doc_number_line(lines[span[0] - 1:span[0]], limit=1) if span[0] >= 1 else None)
    if doc_number is None and facts and facts.order_number:
        doc_number = facts.order_number
    has_order = (order is not None and ("令" in order[2] or bool(_LEGISLATURE_RE.search(order[1])))) or bool(facts and facts.issuer)
    addressed = any(_ADDRESSEE_RE.match(compact(line)) or (i + 1 < len(lines) and _ADDRESSEE_RE.match(compact(line + lines[i + 1])))
                    for i, line in enumerate(lines[1:12], start=1))  # the addressees may wrap onto a second line
    kind = guess_kind(title, section, has_order, doc_number is not None, doc_number,
                      addressed and find_signature(lines, after=1)[1] != [])
    body_text = "".join(compact(line) for line in lines)
    if order:
        date_index = next((i for i in range(order[0], min(order[0] + 14, len(lines))) if is_date_line(lines[i])), None)
        issuer = _join_issuers(order[1].split("、"))
        signed = find_dates(compact(lines[date_index]))[0].iso if date_index is not None else None
        own_text = "".join(compact(line) for line in lines[order[0]:(date_index or order[0]) + 1])
        effective = effective_date(own_text, signed) or effective_date(body_text, signed)
        adopted = _ADOPTED_RE.search(own_text)
        if adopted and (order[1].endswith("主席") or _LEGISLATURE_RE.search(order[1]) or _COURT_RE.search(order[1])):
            # A law or 地方性法规 is dated by its adoption, and its issuer is the body that adopted it.
            dates = find_dates(adopted.group("date"))
            issuer, signed = _join_issuers([organ_of(adopted.group("who"))]) or issuer, dates[0].iso if dates else signed
        elif facts and facts.legislature:
            issuer, signed = _join_issuers([facts.issuer or ""]) or issuer, facts.signed_date
        if order[2].startswith(order[1] + "公告") and _LEGISLATURE_RE.search(order[1]):
            doc_number = None  # a 人大常委会公告 number promulgates the act; it is not the act's 文号
    elif facts and facts.issuer:
        issuer, signed = _join_issuers([facts.issuer]), facts.signed_date
        date_index, _ = find_signature(lines, after=1)
        published = find_dates(compact(lines[date_index]))[0].iso if date_index is not None else None
        effective = facts.effective_date or effective_date(body_text, signed, published)
    elif speech := _speech_byline(lines):
        # 关于…（草案）的说明 / ——2022年1月8日在…会议上 / 河北省司法厅厅长　某某: dated and issued by the speaker's organ
        issuer, signed, effective = speech[0], speech[1], None
    else:
        date_index, organs = find_signature(lines, after=1)
        signed = find_dates(compact(lines[date_index]))[0].iso if date_index is not None else None
        issuer = _join_issuers(organs) if organs else _title_issuer(title)
        if kind is Kind.INTERPRETATION:
            closing = next((_BRACKETED_ORGAN_RE.match(compact(line)) for line in reversed(lines[-3:])
                            if _BRACKETED_ORGAN_RE.match(compact(line))), None)
            issuer = closing.group("organ") if closing else (issuer if organs else None)
        before_date = lines[: date_index] if date_index is not None else lines
        effective = None if kind is Kind.INTERPRETATION else effective_date("".join(compact(line) for line in before_date), signed)
        if effective is None and date_index is not None and kind is not Kind.INTERPRETATION and _ISSUES_RE.search(compact(title)):
            # An 印发 notice takes effect with what it prints: the attachment's own 施行 article.
            after = "".join(compact(line) for line in lines[date_index + 1:])
            own = _OWN_RULE_RE.search(after) and effective_date(after, signed)
            effective = own or None
    return DocumentMeta(
        title=title,
        kind=kind,
        doc_number=doc_number,
        issuer=issuer,
        signed_date=signed,
        effective_date=effective,
    )


# （此件公开发布）, (此件主动公开), （此件依申请公开）, （此件不予公开）, （此件删减后公开）, …: the printed
# 公开属性 line, in full- or half-width brackets, with spaces a scan may add.
_DISCLOSURE_RE = re.compile(r"^[（(【\[]?(?:此件|本件|本文件)(?P<how>[^）)】\]]{1,12})[）)】\]]?$")
_DISCLOSURE_WORDS: tuple[tuple[re.Pattern[str], Disclosure], ...] = (
    (re.compile(r"(?:不予|不|不宜|免予|暂不)公开(?:发布)?"), Disclosure.NOT_PUBLIC),
    (re.compile(r"依申请(?:予以)?公开"), Disclosure.ON_REQUEST),
    (re.compile(r"(?:予以)?(?:公开发布|主动公开|删减后公开|公开)(?:[，,]?有删[减节])?"), Disclosure.PUBLIC),
)


def find_disclosure(lines: Sequence[str]) -> Disclosure | None:
    """The 公开属性 a document prints on a line of its own (（此件公开发布） and variants),
    or None. When several are printed (an attachment's own line) the first counts."""
    for line in lines:
        match = _DISCLOSURE_RE.match(squeeze_spaces(line)) if len(line) <= 30 else None
        if not match:
            continue
        for pattern, disclosure in _DISCLOSURE_WORDS:
            if pattern.fullmatch(match.group("how")):
                return disclosure
    return None
