"""HTML for the site's pages. Every piece of text from content/ is escaped here.

Text from PDFs is untrusted. Nothing from a document reaches a page except through
:func:`esc` (HTML-escaped; quotes too, so it is safe in attributes) or :func:`json_ld`
(JSON with ``<``, ``>`` and ``&`` escaped so it cannot close its script element). The
generated Markdown files consist of one raw HTML block, which Python-Markdown passes
through untouched, so Markdown syntax in a document is never interpreted either.
"""

from __future__ import annotations


import html
import json
import re
from urllib.parse import urljoin
from dataclasses import dataclass
from typing import Any, Sequence

from ..archive.relations import Relation, Standing
from ..content import VALIDITY_LABELS
from ..models import Document, Issue, Kind, RelationType, Validity
from ..structure import parse_body

KIND_LABELS = {
    Kind.REGULATION: "规章",
    Kind.NORMATIVE: "规范性文件",
    Kind.INTERPRETATION: "政策解读",
    Kind.PERSONNEL: "人事任免",
    Kind.OTHER: "其他",
}


def esc(text: Any) -> str:
    """HTML-escape any value (None becomes an empty string)."""
    return html.escape("" if text is None else str(text), quote=True)


def json_ld(data: dict[str, Any]) -> str:
    """A JSON-LD script element whose content cannot break out of the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    # Characters Python and HTML treat as line ends must not stand raw inside a JSON string.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\u0085", "\\u0085")
    return f'<script type="application/ld+json">{text}</script>'


def page(*parts: str) -> str:
    """One raw HTML block (no blank lines inside, so Markdown leaves it alone)."""
    body = "\n".join(p for p in parts if p)
    lines = body.replace("\r\n", "\n").split("\n")  # not splitlines(): U+2028, U+0085 … are text here
    return '<div class="gz-page" markdown="0">\n' + "\n".join(l for l in lines if l.strip()) + "\n</div>\n"


@dataclass(frozen=True)
class PdfLink:
    """The issue PDF as published: its link, SHA-256, and the pages blanked in it
    because they print a document not approved for release (empty: the original)."""

    href: str
    sha256: str
    blanked: tuple[int, ...] = ()


@dataclass(frozen=True)
class DocLinks:
    """Relative links from a document page to its neighbours and files (``pdf`` is
    None when the issue PDF is not published)."""

    issue: str
    pdf: PdfLink | None
    prev: tuple[str, str] | None  # (href, title)
    next: tuple[str, str] | None


def issue_label(issue: Issue) -> str:
    """``山东省人民政府公报 2023年第2期``."""
    name = issue.meta.gazette_name or ""
    label = issue.meta.short_label or issue.id
    return f"{name} {label}".strip()


def printed_span(doc: Document) -> str:
    """``第3–8页`` (or ``第3页``), empty when the printed pages are unknown."""
    first, last = doc.source.printed_pages
    if first is None:
        return ""
    return f"第{first}页" if last in (None, first) else f"第{first}–{last}页"


def book_title(title: str) -> str:
    """《title》, a title inside it nested as 〈…〉: 《〈山东省…办法〉政策解读》."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def citation_parts(doc: Document, issue: Issue) -> tuple[str, str]:
    """(《title》, （文号），载《gazette》2021年第5期第3页): a citation around an article."""
    number = f"（{doc.doc_number}）" if doc.doc_number else ""
    first = doc.source.printed_pages[0]
    page_part = f"第{first}页" if first is not None else ""
    where = f"载《{issue.meta.gazette_name}》{issue.meta.short_label or issue.id}{page_part}" if issue.meta.gazette_name else ""
    return book_title(doc.title), f"{number}，{where}".rstrip("，")


def citation(doc: Document, issue: Issue, url: str) -> str:
    """《title》（文号），载《gazette》2021年第5期第3页，URL."""
    head, rest = citation_parts(doc, issue)
    return f"{head}{rest}，{url}".replace("，，", "，")


def _row(label: str, value: str) -> str:
    """One row of a 信息表; a row with no value is left out."""
    return f"<tr><th>{esc(label)}</th><td>{value}</td></tr>" if value else ""


@dataclass(frozen=True)
class Target:
    """A related document as a page links it: its URL from this page, title, 文号 and
    the issue it was printed in."""

    href: str
    title: str
    doc_number: str | None
    issue_label: str


def validity_label(validity: Validity | None) -> str:
    """The coloured 效力 label (empty for documents without legal force)."""
    if validity is None:
        return ""
    return f'<span class="gz-validity gz-validity-{validity.value}">{esc(VALIDITY_LABELS[validity])}</span>'


def _cited(rel: Relation, targets: dict[str, Target]) -> str:
    """《title》（文号）, linked when the target is in the archive, else marked 未收录."""
    target = targets.get(rel.target_id) if rel.target_id else None
    title = target.title if target else rel.target_title
    number = target.doc_number if target else rel.target_doc_number
    text = esc(book_title(title)) + (f"（{esc(number)}）" if number else "")
    if target:
        return f'<a href="{esc(target.href)}">{text}</a>'
    return f'{text}<span class="gz-unlisted">（未收录）</span>'


def _day(iso: str | None) -> str:
    """2023-05-30 → 2023年5月30日 (anything else as written, escaped)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not match:
        return esc(iso or "")
    return f"{int(match.group(1))}年{int(match.group(2))}月{int(match.group(3))}日"


def standing_box(standing: Standing, targets: dict[str, Target], printings: Sequence[Target] = ()) -> str:
    """The box under the metadata: repeal, amendments, interpretations, what it explains,
    and where else the document was printed (in the words of legal databases)."""
    rels = standing.relations
    rows: list[str] = []
    by_type: dict[RelationType, list[Relation]] = {}
    for rel in rels:
        by_type.setdefault(rel.type, []).append(rel)
    for kind in (RelationType.REPEALED_BY, RelationType.REPLACED_BY):
        for rel in by_type.get(kind, []):
            since = f"，自{_day(rel.date)}起失效" if rel.date else ""
            verb = "废止" if kind is RelationType.REPEALED_BY else "替代并废止"
            rows.append(f'<li class="gz-rel-repealed">本件已被{_cited(rel, targets)}{verb}{since}。</li>')
    if by_type.get(RelationType.AMENDED_BY):
        rows.append('<li class="gz-rel-amended">本件已被修改：' + "；".join(_cited(r, targets) for r in by_type[RelationType.AMENDED_BY]) + "。</li>")
    for kind, words in ((RelationType.INTERPRETED_BY, "相关解读"), (RelationType.INTERPRETS, "解读的文件"),
                        (RelationType.REPEALS, "本件废止"), (RelationType.REPLACES, "本件替代"), (RelationType.AMENDS, "本件修改"),
                        (RelationType.ISSUES, "本件印发"), (RelationType.ISSUED_BY, "印发文件")):
        if by_type.get(kind):
            rows.append(f'<li class="gz-rel-{kind.value}">{words}：' + "；".join(_cited(r, targets) for r in by_type[kind]) + "。</li>")
    if printings:
        rows.append('<li class="gz-rel-printed">本件同时刊登于' + "；".join(
            f'<a href="{esc(t.href)}">{esc(t.issue_label)}</a>' for t in printings) + "。</li>")
    if standing.validity_by:
        rows.append(f'<li class="gz-rel-by">效力状态由{esc(standing.validity_by)}标注。</li>')
    if not rows:
        return ""
    return '<aside class="gz-relations" aria-label="效力与关联文件"><ul>' + "".join(rows) + "</ul></aside>"


def metadata_table(doc: Document, issue: Issue, validity: str) -> str:
    """The table readers of government sites expect."""
    rows = [
        _row("发文机关", esc(doc.issuer)),
        _row("文号", esc(doc.doc_number)),
        _row("成文日期", esc(doc.signed_date)),
        _row("施行日期", esc(doc.effective_date)),
        _row("刊登期次", esc(f"{issue.meta.short_label or issue.id} {printed_span(doc)}".strip())),
        _row("类别", esc(KIND_LABELS[doc.kind])),
        _row("效力状态", validity),
    ]
    return '<table class="gz-meta">\n' + "\n".join(r for r in rows if r) + "\n</table>"


_DOC_NO_LINE = re.compile(r"^[\u4e00-\u9fff]{0,20}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号$|^第\s*[\d一二三四五六七八九十百千]+\s*号$")
_ORDER_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,40}令$")
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日$")
_SIGN_LINE = re.compile(r"^[\u4e00-\u9fff、（）()　 ]{2,40}(?:人民政府|政府|办公厅|办公室|委员会|厅|局|部|院|署|会|（印章）|代章）)$|^(?:省长|市长|县长|区长|主任|部长|局长|厅长|总理)[\s　]+[\u4e00-\u9fff×]{1,4}$")
_ADDRESSEE = re.compile(r"^[^。；]{2,200}[：:]$")


def _layout(blocks: list, index: int) -> str:
    """How a paragraph is set in print: 文号 and 令 heads centred, 主送机关 flush left,
    落款 (organ, signer, date) right-aligned; everything else indented."""
    text = blocks[index].text.strip().lstrip("　")
    if index < 8 and (_DOC_NO_LINE.match(text) or _ORDER_HEAD.match(text)):
        return "gz-center"
    if index < 10 and _ADDRESSEE.match(text) and ("各" in text[:3] or "、" in text or "，" in text):
        return "gz-flush"
    if (_DATE_LINE.match(text) or _SIGN_LINE.match(text)) and (index >= len(blocks) - 6 or index < 8):
        return "gz-right"
    return ""


def outline_html(body: str) -> str:
    """A 章/节 outline (linked) for a text with at least two chapters, else nothing."""
    heads = [b for b in parse_body(body) if b.kind in ("chapter", "part", "section") and b.anchor]
    if sum(b.kind != "section" for b in heads) < 2:
        return ""
    items = "".join(f'<li class="gz-outline-{b.kind}"><a href="#{esc(b.anchor)}">{esc(b.text)}</a></li>' for b in heads)
    return f'<nav class="gz-outline" aria-label="章节目录"><p class="gz-outline-title">章节目录</p><ul>{items}</ul></nav>'


def body_html(body: str) -> str:
    """Chapters as headings, every paragraph literal text, every 条/款/项 with an anchor."""
    out = ['<div class="gz-body">']
    blocks = parse_body(body)
    for n, block in enumerate(blocks):
        text = esc(block.text)
        if block.kind in ("chapter", "part"):
            tag = "h2"
        elif block.kind == "section":
            tag = "h3"
        else:
            tag = "p"
        if block.anchor:
            anchor = esc(block.anchor)
            # The ¶ itself is CSS (::after), so it is never part of the text or a heading.
            link = f'<a class="gz-permalink" href="#{anchor}" title="引用或链接{anchor}" aria-label="引用或链接{anchor}"></a>'
            out.append(f'<{tag} id="{anchor}" class="gz-anchored">{text}{link}</{tag}>')
        else:
            layout = _layout(blocks, n) if tag == "p" else ""
            out.append(f'<{tag} class="{layout}">{text}</{tag}>' if layout else f"<{tag}>{text}</{tag}>")
    out.append("</div>")
    return "\n".join(out)


@dataclass(frozen=True)
class ScanPage:
    """A scanned page of an OCR'd document: PDF page, printed page, image link and size
    (no link when the page also prints a document that is not public)."""

    pdf_page: int
    printed: int | None
    href: str | None
    size: tuple[int, int] | None


OCR_NOTICE = "本文由扫描件识别，如有出入以原版扫描页为准。"


def scan_anchor(page: ScanPage) -> str:
    """The id of a scanned page's figure: ``scan-p5`` (PDF page 5)."""
    return f"scan-p{page.pdf_page}"


def _page_label(page: ScanPage) -> str:
    return f"第{page.printed}页" if page.printed is not None else f"PDF第{page.pdf_page}页"


def scans_html(pages: Sequence[ScanPage]) -> tuple[str, str]:
    """The OCR notice with links to each page, and the figures of the page images."""
    if not pages:
        return "", ""
    links = "、".join(f'<a href="#{scan_anchor(p)}">{esc(_page_label(p))}</a>' for p in pages)
    notice = (f'<div class="gz-ocr-note admonition note"><p class="admonition-title">扫描件识别文本</p>'
              f'<p>{esc(OCR_NOTICE)}原版扫描页：{links}。</p></div>')
    figures = ['<section class="gz-scans">', "<h2>原版扫描页</h2>"]
    for p in pages:
        label = esc(_page_label(p))
        if p.href and p.size:
            figures.append(
                f'<figure id="{scan_anchor(p)}" class="gz-scan"><a href="{esc(p.href)}">'
                f'<img src="{esc(p.href)}" loading="lazy" decoding="async" width="{p.size[0]}" height="{p.size[1]}" '
                f'alt="公报{label}扫描图"></a><figcaption>公报{label}（PDF 第{p.pdf_page}页）</figcaption></figure>')
        else:
            figures.append(f'<figure id="{scan_anchor(p)}" class="gz-scan gz-scan-missing"><figcaption>公报{label}：'
                           "此页同时刊载尚未公开的文件，扫描图暂不提供。</figcaption></figure>")
    figures.append("</section>")
    return notice, "\n".join(figures)


@dataclass(frozen=True)
class Correction:
    """One 更正 of a published document, from the publication register."""

    date: str  # ISO date
    changed: tuple[str, ...]  # field names: title, body, doc_number …
    reason: str


_FIELD_LABELS = {"text": "正文", "body": "正文", "title": "标题", "doc_number": "文号", "issuer": "发文机关",
                 "signed_date": "成文日期", "effective_date": "施行日期", "kind": "类别", "section": "栏目",
                 "relations": "关联文件", "validity": "效力状态", "disclosure": "公开属性"}


def corrections_html(corrections: Sequence[Correction]) -> str:
    """The 更正记录 box of a corrected document (nothing when it was never corrected)."""
    if not corrections:
        return ""
    rows = []
    for c in corrections:
        what = "、".join(_FIELD_LABELS.get(f, f) for f in c.changed) or "内容"
        reason = f"：{esc(c.reason)}" if c.reason else ""
        rows.append(f"<li><time datetime=\"{esc(c.date)}\">{_day(c.date)}</time> 更正{esc(what)}{reason}</li>")
    return ('<section class="gz-corrections" aria-label="更正记录"><h2>更正记录</h2><ul>' + "".join(rows)
            + '</ul><p class="gz-note">本页所载为更正后的文本；更正情况见<a href="../../register/">发布登记</a>。</p></section>')


def document_page(doc: Document, issue: Issue, links: DocLinks, url: str,
                  standing: Standing | None = None, scans: Sequence[ScanPage] = (),
                  targets: dict[str, Target] | None = None, printings: Sequence[Target] = (),
                  corrections: Sequence[Correction] = ()) -> str:
    """The whole document page; an OCR'd document says so and shows its page images."""
    label = issue_label(issue)
    kind = KIND_LABELS[doc.kind]
    cite = citation(doc, issue, url)
    nav = ['<nav class="gz-prevnext">']
    if links.prev:
        nav.append(f'<a class="gz-prev" rel="prev" href="{esc(links.prev[0])}">上一篇：{esc(links.prev[1])}</a>')
    if links.next:
        nav.append(f'<a class="gz-next" rel="next" href="{esc(links.next[0])}">下一篇：{esc(links.next[1])}</a>')
    nav.append("</nav>")
    ld = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": doc.title,
        "legislationIdentifier": doc.doc_number,
        "legislationDate": doc.signed_date,
        "legislationLegalForce": _LEGAL_FORCE.get(standing.validity) if standing and standing.validity else None,
        "legislationChanges": [{"@type": "Legislation", "name": r.target_title, "url": urljoin(url, targets[r.target_id].href)}
                               if r.target_id in targets else {"@type": "Legislation", "name": r.target_title}
                               for r in standing.relations if r.type in (RelationType.AMENDS, RelationType.REPEALS, RelationType.REPLACES)] or None
        if standing and targets is not None else None,
        "legislationConsolidates": [{"@type": "Legislation", "name": r.target_title} for r in standing.relations
                                    if r.type is RelationType.AMENDED_BY] or None if standing else None,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": doc.issuer} if doc.issuer else None,
        "legislationType": kind,
        "inLanguage": "zh-CN",
        "url": url,
        "isPartOf": {"@type": "PublicationIssue", "name": label, "datePublished": issue.meta.date},
        "encoding": {"@type": "MediaObject", "contentUrl": urljoin(url, links.pdf.href),
                     "encodingFormat": "application/pdf", "sha256": links.pdf.sha256} if links.pdf else None,
    }
    ld = {k: v for k, v in ld.items() if v is not None}
    notice, figures = scans_html(scans)
    targets = targets or {}
    validity = validity_label(standing.validity) if standing and standing.validity else (
        "不适用" if doc.kind in (Kind.PERSONNEL, Kind.OTHER, Kind.INTERPRETATION) else "未标注")
    head, rest = citation_parts(doc, issue)
    return page(
        f'<article class="gz-doc" data-gz-cite-head="{esc(head)}" data-gz-cite-rest="{esc(rest)}" data-gz-url="{esc(url)}">',
        f'<h1 class="gz-title">{esc(doc.title)}</h1>',
        f'<p class="gz-issue-line"><a href="{esc(links.issue)}">{esc(label)}</a> {esc(printed_span(doc))}</p>',
        metadata_table(doc, issue, validity),
        standing_box(standing, targets, printings) if standing else "",
        corrections_html(corrections),
        source_link(doc, links.pdf),
        notice,
        outline_html(doc.body),
        body_html(doc.body),
        figures,
        "</article>",
        '<aside class="gz-cite">',
        "<h2>引用本文</h2>",
        f'<p><textarea class="gz-cite-text" readonly rows="3" aria-label="本文引用格式">{esc(cite)}</textarea></p>',
        '<p><button type="button" class="md-button gz-copy">复制引用</button> '
        '<button type="button" class="md-button gz-print">打印</button> '
        '<span class="gz-sizes" role="group" aria-label="字号">字号：'
        '<button type="button" class="gz-size" data-size="l">大</button>'
        '<button type="button" class="gz-size" data-size="m">中</button>'
        '<button type="button" class="gz-size" data-size="s">小</button></span></p>',
        "</aside>",
        f'<p class="gz-print-note">{esc(cite)}　本文以公报刊登文本为准。</p>',
        "\n".join(nav),
        json_ld(ld),
    )


_LEGAL_FORCE = {Validity.IN_FORCE: "InForce", Validity.AMENDED: "PartiallyInForce", Validity.REPEALED: "NotInForce",
                Validity.EXPIRED: "NotInForce", Validity.NOT_YET_EFFECTIVE: "NotInForce"}


def source_link(doc: Document, pdf: PdfLink | None) -> str:
    """The link to the document's first page in the issue PDF, if that page is published."""
    first, last = doc.source.pdf_pages
    if pdf is None:
        return '<p class="gz-source">本期原版 PDF 未在本站发布。</p>'
    shown = [p for p in range(first, last + 1) if p not in pdf.blanked]
    if not shown:
        return '<p class="gz-source">本文所在版面含未公开内容，原版 PDF 中已略去。</p>'
    what = "原版公报" if not pdf.blanked else "公报"
    return (f'<p class="gz-source"><a href="{esc(pdf.href)}#page={shown[0]}">查看{what} PDF 第{shown[0]}页</a>'
            f'（SHA-256 <code>{esc(pdf.sha256[:16])}…</code>）</p>')


def issue_page(issue: Issue, docs: Sequence[Document], doc_links: dict[str, str], pdf: PdfLink | None,
               prev_issue: tuple[str, str] | None, next_issue: tuple[str, str] | None,
               validities: dict[str, Validity | None] | None = None) -> str:
    """The issue page: cover data, the 目录 as printed, the PDF and neighbouring issues."""
    m = issue.meta
    rows = [
        _row("刊名", esc(m.gazette_name)),
        _row("期次", esc(m.label or m.short_label)),
        _row("总期号", esc(m.total_number)),
        _row("出版日期", esc(m.date)),
        _row("主办", esc(m.publisher)),
    ]
    by_title = {d.title: d for d in docs}
    toc = ['<div class="gz-toc">']
    section = None
    listed: set[str] = set()
    entries = issue.toc or ()
    for entry in entries:
        doc = by_title.get(entry.title)
        if doc is None:
            continue  # not published (or not found by the split): never shown
        if entry.section != section and entry.section:
            section = entry.section
            toc.append(f"<h3>{esc(section)}</h3>")
        listed.add(doc.id)
        title = f'<a href="{esc(doc_links[doc.id])}">{esc(entry.title)}</a>'
        number = f'<span class="gz-docno">（{esc(entry.doc_number)}）</span>' if entry.doc_number else ""
        number += validity_label((validities or {}).get(doc.id))
        toc.append(f'<p class="gz-toc-entry"><span class="gz-toc-title">{title}{number}</span>'
                   f'<span class="gz-toc-page">{esc(entry.printed_page)}</span></p>')
    rest = [d for d in docs if d.id not in listed]
    if rest:
        if entries:
            toc.append("<h3>其他文件</h3>")
        for doc in rest:
            toc.append(f'<p class="gz-toc-entry"><span class="gz-toc-title"><a href="{esc(doc_links[doc.id])}">{esc(doc.title)}</a>'
                       f'{validity_label((validities or {}).get(doc.id))}</span>'
                       f'<span class="gz-toc-page">{esc(doc.source.printed_pages[0] or "")}</span></p>')
    toc.append("</div>")
    around = ['<nav class="gz-prevnext">']
    if prev_issue:
        around.append(f'<a class="gz-prev" rel="prev" href="{esc(prev_issue[0])}">上一期：{esc(prev_issue[1])}</a>')
    if next_issue:
        around.append(f'<a class="gz-next" rel="next" href="{esc(next_issue[0])}">下一期：{esc(next_issue[1])}</a>')
    around.append("</nav>")
    return page(
        f'<h1>{esc(issue_label(issue))}</h1>',
        '<table class="gz-meta">', *[r for r in rows if r], "</table>",
        download_link(pdf),
        "<h2>目录</h2>",
        "\n".join(toc),
        "\n".join(around),
    )


def download_link(pdf: PdfLink | None) -> str:
    """The issue page's PDF download: the original, or a copy with unpublished pages blanked."""
    if pdf is None:
        return '<p class="gz-download">本期原版 PDF 未在本站发布。</p>'
    if not pdf.blanked:
        return (f'<p class="gz-download"><a class="md-button" href="{esc(pdf.href)}" download>下载原版 PDF</a> '
                f'SHA-256：<code>{esc(pdf.sha256)}</code></p>')
    pages = "、".join(str(p) for p in pdf.blanked)
    return (f'<p class="gz-download"><a class="md-button" href="{esc(pdf.href)}" download>下载公报 PDF</a> '
            f'SHA-256：<code>{esc(pdf.sha256)}</code></p>'
            f'<p class="gz-note">本期部分内容未公开，PDF 第{esc(pages)}页已留空，页码不变。</p>')


def listing(title: str, intro: str, items: Sequence[tuple[str, str, str]], pager: str = "", crumbs: str = "") -> str:
    """A list page: (href, label, note) items, the pager of a long list, a breadcrumb."""
    rows = [f'<li><a href="{esc(h)}">{esc(label)}</a> <span class="gz-note">{esc(note)}</span></li>' for h, label, note in items]
    return page(crumbs, f"<h1>{esc(title)}</h1>", f"<p>{esc(intro)}</p>" if intro else "", pager, '<ul class="gz-list">', *rows, "</ul>", pager)


def older_newer(links: Sequence[tuple[str, str, str]]) -> str:
    """The links between the pages of a long list, each (rel, href, label); "" for none."""
    if not links:
        return ""
    parts = []
    for rel, href, label in links:
        attribute = f' rel="{rel}"' if rel else ""
        parts.append(f'<a{attribute} href="{esc(href)}">{esc(label)}</a>')
    return '<nav class="gz-pager" aria-label="分页">' + " ".join(parts) + "</nav>"