"""The MkDocs source tree for an archive: one Markdown file per page, and the nav.

URL scheme (``use_directory_urls``)::

    /                       home: latest issues, search box, browsing with counts
    /search/                search (the static index in /search-index/)
    /years/  /years/2023/   issues by year
    /kinds/  /kinds/normative/
    /validity/  /validity/repealed/   (by 效力状态, docs/relations.md)
    /issuers/  /issuers/<hash>/
    /<issue-id>/            an issue: cover data, 目录, PDF download
    /<issue-id>/<NN>/       a document
    /<issue-id>/<issue-id>.pdf   the original PDF

Only the public part of the archive (status ``published``) is ever passed in here.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

from PIL import Image

from ..archive.register import ACTION_LABELS, Action, Entry
from ..archive.relations import Linkage, Standing
from ..content import Archive, page_image_name, safe_file
from ..pdf import redacted_copy
from ..errors import ContentError
from ..content import VALIDITY_LABELS
from ..models import Document, Issue, Kind, Validity
from . import render
from .render import KIND_LABELS, esc

_LATEST = 10
# Marks a document page for site_config/main.html, which leaves the navigation tree out of it.
DOCUMENT_FRONT_MATTER = "---\ngazette_page: document\n---\n\n"


@dataclass
class SiteTree:
    """What was written: the nav for mkdocs.yml and the URL of every document."""

    nav: list[Any] = field(default_factory=list)
    doc_urls: dict[str, str] = field(default_factory=dict)  # id → path relative to the site root
    issue_urls: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    files: set[str] = field(default_factory=set)  # every file written or kept, relative to docs_dir
    changed: set[str] = field(default_factory=set)  # files whose bytes changed since the last build
    page_years: dict[str, int | None] = field(default_factory=dict)  # page file → year it is filed under
    document_pages: set[str] = field(default_factory=set)  # page files of documents (no sidebar)
    listing_pages: set[str] = field(default_factory=set)  # paged lists of documents (no sidebar)
    issue_state: dict[str, dict[str, Any]] = field(default_factory=dict)  # issue id → inputs' hash, files
    unchanged_issues: set[str] = field(default_factory=set)  # issues whose inputs are as in the last build
    issues_rendered: int = 0  # issues whose pages were rendered again (the rest were unchanged)


def issuer_slug(issuer: str) -> str:
    """A stable, safe path segment for an issuer name taken from a PDF."""
    return hashlib.sha1(issuer.encode("utf-8")).hexdigest()[:10]


def doc_path(doc: Document) -> str:
    return f"{doc.issue_id}/{doc.seq:02d}/"


def _rel(from_dir: str, to: str) -> str:
    """Relative URL from a page directory (``a/b/``) to a site path (``c/d/`` or ``x.pdf``)."""
    depth = from_dir.count("/")
    return "../" * depth + to


_NAV_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇"})


def nav_title(text: str) -> str:
    """A nav title that is safe in every template context.

    MkDocs renders nav and page titles without escaping, and Material passes them
    through ``striptags`` (which un-escapes entities) into ``<title>`` and attributes.
    HTML escaping is therefore not enough: the markup characters are replaced by their
    full-width forms, which no template can turn back into markup. The page body still
    shows the exact title, escaped.
    """
    return text.translate(_NAV_SAFE)


_title = nav_title


@dataclass(frozen=True)
class Private:
    """What an issue holds that is not approved for release: the PDF pages printing an
    unpublished or 依申请公开 document, the pages printing no document at all (cover, 目录), and the
    titles and 文号 of the unpublished documents (a 目录 page naming one is not public)."""

    pages: frozenset[int]
    unlisted: frozenset[int]
    secrets: tuple[str, ...]


def private_parts(archive: Archive) -> dict[str, Private]:
    """Per issue with any document not approved for release, what must not be published."""
    found: dict[str, Private] = {}
    by_issue: dict[str, list[Document]] = defaultdict(list)
    for doc in archive.documents.values():
        by_issue[doc.issue_id].append(doc)
    for issue in archive.issues:
        docs = by_issue.get(issue.id, [])
        hidden = [d for d in docs if not d.is_public]
        untold = [d for d in docs if not d.text_public]  # unpublished, or 依申请公开: its pages are blanked
        if not untold:
            continue
        printed = {p for d in docs for p in range(d.source.pdf_pages[0], d.source.pdf_pages[1] + 1)}
        pages = {p for d in untold for p in range(d.source.pdf_pages[0], d.source.pdf_pages[1] + 1)}
        secrets = sorted({s for d in hidden for s in (d.title, d.doc_number) if s})
        found[issue.id] = Private(frozenset(pages), frozenset(set(range(1, issue.page_count + 1)) - printed),
                                  tuple(secrets))
    return found


def _stamp(path: Path) -> tuple[int, int, bool] | None:
    try:
        info = path.lstat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, path.is_symlink()


def _issue_inputs(issue: Issue, docs: list[Document], neighbours: tuple[Issue | None, Issue | None],
                  hidden: Private | None, content: Path, site_url: str, links: object) -> str:
    """A hash of everything an issue's pages are made from: its metadata and documents,
    its neighbours' labels (上一期/下一期), what of it is private, the size and time of
    its PDF and scan images, and ``links``: its documents' standing and related pages
    (a repeal printed in a later issue changes this issue's pages)."""
    images = sorted({p for d in docs if d.ocr for p in d.ocr.pages})
    inputs = (issue, docs, [(i.id, render.issue_label(i)) if i else None for i in neighbours],
              (sorted(hidden.pages), sorted(hidden.unlisted), hidden.secrets) if hidden else None,
              _stamp(content / issue.id / f"{issue.id}.pdf"),
              [(p, _stamp(content / issue.id / page_image_name(p))) for p in images], site_url, links)
    return hashlib.sha256(repr(inputs).encode("utf-8")).hexdigest()


def _targets(standing: Standing, archive: Archive, issue_of: dict[str, Issue]) -> tuple[dict[str, render.Target], list[render.Target]]:
    """The public documents a page links to (from ``{issue}/{seq}/``), and its other printings."""
    def target(doc_id: str) -> render.Target | None:
        doc = archive.documents.get(doc_id)
        if doc is None or doc_id not in issue_of:
            return None
        return render.Target("../../" + doc_path(doc), doc.title, doc.doc_number, render.issue_label(issue_of[doc_id]))
    ids = sorted({r.target_id for r in standing.relations if r.target_id})
    targets = {i: t for i in ids if (t := target(i)) is not None}
    printings = [t for i in standing.printings if (t := target(i)) is not None]
    return targets, printings


def write_tree(archive: Archive, content: Path, docs_dir: Path, site_url: str,
               private: dict[str, Private] | None = None, allow_symlinks: bool = False,
               previous: dict[str, dict[str, Any]] | None = None, linkage: Linkage | None = None,
               entries: Sequence[Entry] = ()) -> SiteTree:
    """Write every page of the public archive into ``docs_dir``; return the nav.

    ``private`` (from :func:`private_parts` of the whole archive) says, per issue, what
    is not approved for release: those pages are blanked in the published PDF and their
    scan images are never published. ``previous`` (the ``issue_state`` of the last
    build into the same ``docs_dir``) lets an issue whose inputs did not change keep its
    files without rendering them again. ``entries`` (the publication register) give the
    发布登记 page and each corrected document's 更正记录.
    """
    tree = SiteTree()
    private = private or {}
    previous = previous or {}
    issues = sorted(archive.issues, key=lambda i: (i.meta.date or "", i.id))
    collected: list[str] = []  # the files of the issue being written

    def add(rel: str) -> None:
        tree.files.add(rel)
        collected.append(rel)

    def write(rel: str, text: str) -> None:
        # Unchanged files keep their bytes and mtime, so an incremental build skips them.
        path = docs_dir / rel
        data = text.encode("utf-8")
        tree.pages += 1
        add(rel)
        if path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        tree.changed.add(rel)

    for issue in issues:
        tree.issue_urls[issue.id] = f"{issue.id}/"
        for doc in archive.issue_documents(issue):
            tree.doc_urls[doc.id] = doc_path(doc)
    years: dict[int | None, list[Issue]] = defaultdict(list)
    for issue in issues:
        years[issue.meta.year].append(issue)
    issue_of = {doc_id: issue for issue in issues for doc_id in issue.document_ids}
    linkage = linkage or Linkage({}, None)
    corrected = _corrections(entries, archive)
    for index, issue in enumerate(issues):
        docs = archive.issue_documents(issue)
        pdf_name = f"{issue.id}.pdf"
        source_pdf = content / issue.id / pdf_name
        hidden = private.get(issue.id)
        tree.page_years[f"{issue.id}/index.md"] = issue.meta.year
        for doc in docs:
            tree.page_years[f"{issue.id}/{doc.seq:02d}.md"] = issue.meta.year
            tree.document_pages.add(f"{issue.id}/{doc.seq:02d}.md")
        prev_issue = issues[index - 1] if index > 0 else None
        next_issue = issues[index + 1] if index + 1 < len(issues) else None
        standings = {d.id: linkage.of(d.id) for d in docs}
        linked = {i: _targets(st, archive, issue_of) for i, st in standings.items()}
        fixes = {d.id: corrected[d.id] for d in docs if d.id in corrected}
        inputs = _issue_inputs(issue, docs, (prev_issue, next_issue), hidden, content, site_url,
                               (sorted(standings.items()), sorted(linked.items()), sorted(fixes.items())))
        before = previous.get(issue.id)
        if before and before.get("inputs") == inputs and all((docs_dir / rel).exists() for rel in before["files"]):
            tree.files.update(before["files"])
            tree.pages += sum(rel.endswith(".md") for rel in before["files"])
            tree.issue_state[issue.id] = before
            tree.unchanged_issues.add(issue.id)
            continue
        tree.issues_rendered += 1
        collected.clear()
        pdf: render.PdfLink | None = None
        if source_pdf.exists() or source_pdf.is_symlink():
            data = _issue_pdf(content, source_pdf, issue, allow_symlinks)
            blanked: tuple[int, ...] = ()
            if hidden:
                data, blanked = redacted_copy(source_pdf, data, set(hidden.pages), set(hidden.unlisted), list(hidden.secrets))
            pdf = render.PdfLink(pdf_name, hashlib.sha256(data).hexdigest(), blanked)
            target = docs_dir / issue.id / pdf_name
            add(f"{issue.id}/{pdf_name}")
            if not target.exists() or target.read_bytes() != data:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                tree.changed.add(f"{issue.id}/{pdf_name}")
        write(f"{issue.id}/index.md", render.issue_page(
            issue, docs, {d.id: f"{d.seq:02d}/" for d in docs}, pdf,
            (f"../{prev_issue.id}/", render.issue_label(prev_issue)) if prev_issue else None,
            (f"../{next_issue.id}/", render.issue_label(next_issue)) if next_issue else None,
            {d.id: standings[d.id].validity for d in docs},
        ))
        scans = _copy_scans(docs, content, docs_dir, issue.id, set(hidden.pages) if hidden else set(), tree, add)
        for k, doc in enumerate(docs):
            here = doc_path(doc)
            prev_doc = docs[k - 1] if k > 0 else None
            next_doc = docs[k + 1] if k + 1 < len(docs) else None
            links = render.DocLinks(
                issue="../",
                pdf=replace(pdf, href=f"../{pdf.href}") if pdf else None,
                prev=(f"../{prev_doc.seq:02d}/", prev_doc.title) if prev_doc else None,
                next=(f"../{next_doc.seq:02d}/", next_doc.title) if next_doc else None,
            )
            url = site_url.rstrip("/") + "/" + here if site_url else "/" + here
            pages = _scan_pages(doc, scans)
            targets, printings = linked[doc.id]
            write(f"{issue.id}/{doc.seq:02d}.md", DOCUMENT_FRONT_MATTER + render.document_page(
                doc, issue, links, url, standings[doc.id], pages, targets, printings, fixes.get(doc.id, ())))
        tree.issue_state[issue.id] = {"inputs": inputs, "files": sorted(collected)}
    collected.clear()
    _browse_pages(archive, issues, years, tree, write, linkage)
    _register_page(archive, entries, tree, write)
    tree.nav = _nav(archive, years)
    return tree


_PUBLIC_ACTIONS = (Action.PUBLISH, Action.CORRECT)


def _corrections(entries: Sequence[Entry], archive: Archive) -> dict[str, tuple[render.Correction, ...]]:
    """Per public document, its corrections from the register."""
    found: dict[str, list[render.Correction]] = defaultdict(list)
    for entry in entries:
        if entry.action is Action.CORRECT and entry.document in archive.documents:
            found[entry.document].append(render.Correction(entry.at[:10], entry.changed, entry.reason))
    return {k: tuple(v) for k, v in found.items()}


def _register_page(archive: Archive, entries: Sequence[Entry], tree: SiteTree, write) -> None:
    """发布登记: when each public document was published or corrected, newest first.
    Only public documents are named; who acted stays in content/register.jsonl."""
    rows = [(tree.doc_urls[e.document], archive.documents[e.document].title,
             f"{e.at[:10]} {ACTION_LABELS[e.action]}{('：' + e.reason) if e.action is Action.CORRECT and e.reason else ''}")
            for e in reversed(entries) if e.action in _PUBLIC_ACTIONS and e.document in tree.doc_urls]
    _paged(write, "register", "发布登记", rows,
           f"共{len(rows)}条，按登记时间从新到旧排列。每件文件经审核后发布（先审查、后公开）；更正均在此登记。", tree)


def _issue_pdf(content: Path, path: Path, issue: Issue, allow_symlinks: bool) -> bytes:
    """The bytes of an issue's PDF, once it is shown to be the PDF that was ingested."""
    data = safe_file(content, path, allow_symlinks).read_bytes()
    if not data.startswith(b"%PDF-"):
        raise ContentError(f"{path}: is not a PDF; put the issue's PDF back (or re-ingest the issue)")
    if issue.sha256 and hashlib.sha256(data).hexdigest() != issue.sha256:
        raise ContentError(f"{path}: its SHA-256 does not match the one recorded in {issue.id}/issue.md; "
                           "restore the original PDF, or re-ingest the new one so its split matches it")
    return data


def _copy_scans(docs: list[Document], content: Path, docs_dir: Path, issue_id: str, private: set[int],
                tree: SiteTree, add) -> dict[int, tuple[int, int] | None]:
    """Copy the scan image of every OCR'd page of these documents; page → (width,
    height) of its image, or None where the page is not public or has no image."""
    found: dict[int, tuple[int, int] | None] = {}
    for page in sorted({p for d in docs if d.ocr for p in d.ocr.pages}):
        source = content / issue_id / page_image_name(page)
        if page in private or not source.is_file() or source.is_symlink():
            found[page] = None
            continue
        rel = f"{issue_id}/{page_image_name(page)}"
        target = docs_dir / rel
        data = source.read_bytes()
        add(rel)
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            tree.changed.add(rel)
        with Image.open(source) as image:
            found[page] = image.size
    return found


def _scan_pages(doc: Document, scans: dict[int, tuple[int, int] | None]) -> list[render.ScanPage]:
    """The scanned pages a document page shows beside its text, in page order."""
    if not doc.ocr:
        return []
    first, _ = doc.source.pdf_pages
    printed_first = doc.source.printed_pages[0]
    pages = []
    for page in doc.ocr.pages:
        printed = printed_first + page - first if isinstance(printed_first, int) else None
        size = scans.get(page)
        pages.append(render.ScanPage(page, printed, f"../{page_image_name(page)}" if size else None, size))
    return pages


PAGE_SIZE = 100  # documents per listing page
_LATEST_DOCS = 10  # documents on the home page


def _front(title: str, kind: str | None = None) -> str:
    """Front matter giving a generated page its <title>: made safe as a nav title is
    (``nav_title``), then quoted as JSON, which is YAML. ``kind`` ``listing`` marks a
    page that leaves out the navigation tree (site_config/main.html)."""
    extra = f"gazette_page: {kind}\n" if kind else ""
    return "---\ntitle: " + json.dumps(nav_title(title), ensure_ascii=False) + "\n" + extra + "---\n\n"


_SECTIONS = {"kinds": "按类别浏览", "validity": "按效力状态浏览", "issuers": "按发文机关浏览", "register": "发布登记"}


def _paged(write, base: str, title: str, rows: list[tuple[str, str, str]], intro: str = "", tree: "SiteTree | None" = None) -> None:
    """A list of documents, newest first (``rows``: href from the site root, label, note).

    ``base.md`` shows the newest PAGE_SIZE. Older ones are on pages counted from the
    earliest: ``base/1.md`` holds the first PAGE_SIZE ever listed, ``base/2.md`` the next…
    so that a new issue changes only ``base.md`` (and, when a page fills, the link of the
    page before it): publishing stays cheap at 100,000 documents, and an older page keeps
    its address. These pages leave out the navigation tree (their breadcrumb leads up)."""
    total, size = len(rows), PAGE_SIZE
    full = total // size if total > size else 0
    section = base.split("/")[0]

    def chunk_of(c: int) -> list[tuple[str, str, str]]:
        return rows[total - c * size: total - (c - 1) * size]

    def emit(path: str, heading: str, items: list[tuple[str, str, str]], text: str, links: list[tuple[str, str, str]]) -> None:
        up = "../" * (path.count("/") + 1)  # pages are folders: kinds/normative/ and kinds/normative/2/
        middle = "" if section == base else f'<a href="{up}{section}/">{esc(_SECTIONS.get(section, section))}</a> › '
        crumbs = f'<nav class="gz-crumbs" aria-label="位置"><a href="{up}">首页</a> › {middle}{esc(title)}</nav>'
        chunk = [(up + h, label, note) for h, label, note in items]
        write(path, _front(heading, "listing") + render.listing(heading, text, chunk, render.older_newer(links), crumbs))
        if tree is not None:
            tree.listing_pages.add(path)

    # Reading order is newest first: rel="next" leads to older documents.
    newest_links = [("next", f"{full}/", "更早的文件"), ("", "1/", "最早的文件")] if full else []
    emit(f"{base}.md", title, rows[:size], intro or f"共{total}件，按刊登日期从新到旧排列；此页为最新的{min(total, size)}件",
         newest_links)
    for c in range(1, full + 1):
        links = [("", "../", "最新"), ("prev", "../" if c == full else f"../{c + 1}/", "较新的文件")]
        if c > 1:
            links.append(("next", f"../{c - 1}/", "更早的文件"))
        emit(f"{base}/{c}.md", f"{title}（自最早起第{c}页）", chunk_of(c),
             f"自最早刊登的文件起每页{size}件；此页为第{(c - 1) * size + 1}至{c * size}件，从新到旧排列", links)


def _doc_rows(chosen: list[Document], tree: SiteTree, issue_of: dict[str, Issue]) -> list[tuple[str, str, str]]:
    return [(tree.doc_urls[d.id], d.title, f"{render.issue_label(issue_of[d.issue_id])} {d.doc_number or ''}".strip())
            for d in reversed(chosen)]


def _browse_pages(archive: Archive, issues: list[Issue], years: dict, tree: SiteTree, write,
                  linkage: Linkage | None = None) -> None:
    docs = [d for issue in issues for d in archive.issue_documents(issue)]
    validity_of = {d.id: linkage.of(d.id).validity for d in docs} if linkage else {}
    validity_counts = Counter(v for v in validity_of.values() if v is not None)
    issue_of = {i.id: i for i in issues}
    # home
    latest = list(reversed(issues))[:_LATEST]
    kind_counts = Counter(d.kind for d in docs)
    issuer_counts = Counter(d.issuer for d in docs if d.issuer)
    year_counts = Counter(issue_of[d.issue_id].meta.year for d in docs)
    names = Counter(i.meta.gazette_name for i in issues if i.meta.gazette_name)
    home = [
        f"<h1>{esc(min(names, key=lambda n: (-names[n], n)) if names else '政府公报')}</h1>",
        '<form class="gz-search-form" action="search/" method="get" role="search">'
        '<input type="search" name="q" placeholder="检索公报全文，如：政务公开" aria-label="检索">'
        '<button type="submit" class="md-button md-button--primary">检索</button></form>',
        "<h2>最新各期</h2>", '<ul class="gz-list">',
        *[f'<li><a href="{esc(i.id)}/">{esc(render.issue_label(i))}</a> <span class="gz-note">{esc(i.meta.date)}，{len(archive.issue_documents(i))}件</span></li>' for i in latest],
        "</ul>",
        "<h2>最新文件</h2>", '<ul class="gz-list">',
        *[f'<li><a href="{esc(tree.doc_urls[d.id])}">{esc(d.title)}</a> <span class="gz-note">{esc(render.issue_label(issue_of[d.issue_id]))}'
          f'{("，" + esc(d.doc_number)) if d.doc_number else ""}</span>{render.validity_label(validity_of.get(d.id))}</li>'
          for d in list(reversed(docs))[:_LATEST_DOCS]],
        "</ul>",
        '<div class="gz-browse">',
        "<section><h2>按年份</h2><ul>",
        *[f'<li><a href="years/{esc(y)}/">{esc(y)}年</a> <span class="gz-note">{year_counts[y]}件</span></li>' for y in sorted((y for y in years if y is not None), reverse=True)],
        "</ul></section>",
        "<section><h2>按类别</h2><ul>",
        *[f'<li><a href="kinds/{k.value}/">{esc(KIND_LABELS[k])}</a> <span class="gz-note">{kind_counts[k]}件</span></li>' for k in Kind if kind_counts[k]],
        "</ul></section>",
        "<section><h2>按发文机关</h2><ul>",
        *[f'<li><a href="issuers/{issuer_slug(name)}/">{esc(name)}</a> <span class="gz-note">{n}件</span></li>' for name, n in sorted(issuer_counts.items(), key=lambda x: (-x[1], x[0]))[:12]],
        f'<li><a href="issuers/">全部发文机关（{len(issuer_counts)}）</a></li>',
        "</ul></section>",
        "<section><h2>按效力状态</h2><ul>",
        *[f'<li><a href="validity/{v.value}/">{esc(VALIDITY_LABELS[v])}</a> <span class="gz-note">{validity_counts[v]}件</span></li>' for v in Validity if validity_counts[v]],
        "</ul></section></div>",
    ]
    write("index.md", render.page(*home))
    write("search.md", render.page(
        "<h1>全文检索</h1>",
        '<div id="gz-search"></div>',
        '<script src="../assets/gazette-search.js"></script>',
        '<noscript><p>检索需要启用 JavaScript。也可下载 <a href="../documents.jsonl">documents.jsonl</a> 离线检索。</p></noscript>',
    ))
    # years
    write("years/index.md", _front("按年份浏览") + render.listing("按年份浏览", "", [
        (f"{y}/", f"{y}年", f"{len(years[y])}期，{year_counts[y]}件") for y in sorted((y for y in years if y is not None), reverse=True)]))
    for year, year_issues in years.items():
        if year is None:
            continue
        write(f"years/{year}/index.md", _front(f"{year}年") + render.listing(f"{year}年", "", [
            (f"../../{i.id}/", render.issue_label(i), f"{i.meta.date or ''}，{len(archive.issue_documents(i))}件") for i in year_issues]))
    # kinds
    write("kinds/index.md", _front("按类别浏览") + render.listing("按类别浏览", "", [
        (f"{k.value}/", KIND_LABELS[k], f"{kind_counts[k]}件") for k in Kind if kind_counts[k]]))
    for kind in Kind:
        chosen = [d for d in docs if d.kind is kind]
        if chosen:
            _paged(write, f"kinds/{kind.value}", KIND_LABELS[kind], _doc_rows(chosen, tree, issue_of), tree=tree)
    # validity
    write("validity/index.md", _front("按效力状态浏览") + render.listing("按效力状态浏览", "效力状态依文件日期及其被废止、修改的情况推定，或由编辑标注（截至本站最新一期）。", [
        (f"{v.value}/", VALIDITY_LABELS[v], f"{validity_counts[v]}件") for v in Validity if validity_counts[v]]))
    for validity in Validity:
        chosen = [d for d in docs if validity_of.get(d.id) is validity]
        if chosen:
            _paged(write, f"validity/{validity.value}", VALIDITY_LABELS[validity], _doc_rows(chosen, tree, issue_of), tree=tree)
    # issuers
    write("issuers/index.md", _front("按发文机关浏览") + render.listing("按发文机关浏览", "", [
        (f"{issuer_slug(name)}/", name, f"{n}件") for name, n in sorted(issuer_counts.items(), key=lambda x: (-x[1], x[0]))]))
    by_issuer: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        if d.issuer:
            by_issuer[d.issuer].append(d)
    for name in sorted(issuer_counts):
        chosen = by_issuer[name]
        _paged(write, f"issuers/{issuer_slug(name)}", name, _doc_rows(chosen, tree, issue_of), tree=tree)


def _nav(archive: Archive, years: dict) -> list[Any]:
    nav: list[Any] = [
        {"首页": "index.md"},
        {"全文检索": "search.md"},
        {"浏览": [{"按年份": "years/index.md"}, {"按类别": "kinds/index.md"}, {"按发文机关": "issuers/index.md"},
                  {"按效力状态": "validity/index.md"}]},
        {"发布登记": "register.md"},
    ]
    for year in sorted((y for y in years if y is not None), reverse=True):
        # Every nav entry has an explicit title, so incremental builds (which do not
        # re-read unchanged pages) render the same sidebar as full builds.
        year_nav: list[Any] = [{f"{year}年": f"years/{year}/index.md"}]
        for issue in sorted(years[year], key=lambda i: (i.meta.number or 0, i.id), reverse=True):
            issue_nav: list[Any] = [{_title(render.issue_label(issue)): f"{issue.id}/index.md"}]
            issue_nav += [{_title(d.title): f"{issue.id}/{d.seq:02d}.md"} for d in archive.issue_documents(issue)]
            year_nav.append({_title(issue.meta.short_label or issue.id): issue_nav})
        nav.append({f"{year}年": year_nav})
    undated = years.get(None, [])
    if undated:
        nav.append({"其他": [{_title(i.id): [{_title(render.issue_label(i)): f"{i.id}/index.md"}] + [{_title(d.title): f"{i.id}/{d.seq:02d}.md"} for d in archive.issue_documents(i)]} for i in undated]})
    return nav
