"""``gazette desk``: the editors' web application (Flask), a thin layer over
:mod:`gazette.desk.edit`, :mod:`gazette.archive.review` and :mod:`gazette.desk.submissions`.

It works on the content/ files themselves, so a git-based workflow keeps working.
Pages are Jinja templates with autoescaping: text from PDFs is never markup here either.
Every state-changing request is a POST carrying a CSRF token (Flask-WTF's
``CSRFProtect``); ids in URLs and forms are checked against the archive before any file
is touched; pages send a Content-Security-Policy that allows nothing but this origin.

Without accounts the desk serves 127.0.0.1 only, and acts under one name (``--by``).
With accounts (:mod:`gazette.desk.accounts`) everyone signs in, and only reviewers
approve, withhold, withdraw or return documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import io
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFError, CSRFProtect

from ..archive import register
from ..archive.review import Rules
from ..content import Archive, ID_RE, load_archive, read_warnings, safe_file
from ..errors import GazetteError, RefusedError
from ..models import Disclosure, Document, Kind, Status
from . import accounts as accounts_mod
from . import edit
from .accounts import ROLE_LABELS, Role

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclasses.dataclass(frozen=True)
class DeskConfig:
    """How a desk runs: its content/, who acts when there are no accounts, the accounts
    file, the review rules and whether it is bound to loopback only."""

    content: Path
    by: str = ""
    accounts: Path | None = None
    rules: Rules = Rules()
    local_only: bool = True
    secret_key: bytes | None = None


@dataclasses.dataclass(frozen=True)
class User:
    """Who is using the desk and what they may do."""

    name: str
    role: Role

    @property
    def reviewer(self) -> bool:
        """May approve, withhold, withdraw and return documents."""
        return self.role is Role.REVIEWER


def create_app(config: DeskConfig) -> Flask:
    """The desk's Flask application for ``config.content``."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY=config.secret_key or _secret_key(config.content), SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Strict", WTF_CSRF_TIME_LIMIT=None, MAX_CONTENT_LENGTH=8 * 1024 * 1024,
                      TEMPLATES_AUTO_RELOAD=False)
    CSRFProtect(app)
    content = config.content
    accounts_file = accounts_mod.accounts_path(content, config.accounts)
    cache = content / CACHE  # parsed issues, reused while their files do not change
    edit.keep_out_of_git(cache)

    def archive() -> Archive:
        if "archive" not in g:
            g.archive = load_archive(content, cache=cache)
        return g.archive

    def user() -> User | None:
        known = g.accounts = accounts_mod.load(accounts_file)
        if not known:
            return User(config.by, Role.REVIEWER)
        name = session.get("user")
        account = known.get(name) if isinstance(name, str) else None
        return User(account.name, account.role) if account else None

    @app.before_request
    def guard() -> Any:
        if config.local_only and request.host.rsplit(":", 1)[0] not in LOOPBACK:
            abort(400, "这台编辑台只接受本机地址（127.0.0.1）的访问")
        g.user = user()
        if g.user is None and request.endpoint not in ("login", "static"):
            return redirect(url_for("login", next=request.full_path if request.method == "GET" else None))
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        if "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = ("default-src 'none'; img-src 'self'; style-src 'self'; connect-src 'self'; "
                                                           "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.context_processor
    def labels() -> dict[str, Any]:
        return {"KIND_LABELS": edit.KIND_LABELS, "STATUS_LABELS": edit.STATUS_LABELS, "ROLE_LABELS": ROLE_LABELS,
                "DISCLOSURE_LABELS": edit.DISCLOSURE_LABELS, "FIELD_LABELS": edit.FIELD_LABELS,
                "ACTION_LABELS": register.ACTION_LABELS, "user": g.get("user"), "Status": Status,
                "accounts_on": bool(g.get("accounts"))}

    def reviewer_only() -> None:
        if not g.user.reviewer:
            raise RefusedError("只有审核人员可以发布、暂缓发布、撤回或退回文件；请审核人员登录后操作")

    # ------------------------------------------------------------ errors

    @app.errorhandler(GazetteError)
    def gazette_error(exc: GazetteError) -> tuple[str, int]:
        status = 409 if isinstance(exc, RefusedError) else 400
        return render_template("error.html", message=exc.message, title="操作未完成"), status

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError) -> tuple[str, int]:
        return render_template("error.html", title="请求被拒绝",
                               message="请求缺少有效的安全令牌（CSRF）。请回到上一页，刷新后重新提交。"), 400

    @app.errorhandler(404)
    def not_found(exc: Exception) -> tuple[str, int]:
        return render_template("error.html", title="未找到", message="没有这个页面或文件。"), 404

    @app.errorhandler(400)
    def bad_request(exc: Any) -> tuple[str, int]:
        return render_template("error.html", title="请求有误", message=getattr(exc, "description", "请求有误")), 400

    # ------------------------------------------------------------ sign in

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        known = accounts_mod.load(accounts_file)
        if not known:
            return redirect(url_for("queue"))
        error = None
        if request.method == "POST":
            account = accounts_mod.authenticate(known, request.form.get("name", ""), request.form.get("password", ""))
            if account:
                session.clear()
                session["user"] = account.name
                target = request.args.get("next") or ""
                local = target.startswith("/") and not target.startswith("//") and "\\" not in target
                return redirect(target if local else url_for("queue"))
            error = "用户名或密码不正确"
        return render_template("login.html", error=error, title="登录"), (401 if error else 200)

    @app.post("/logout")
    def logout() -> Any:
        session.clear()
        return redirect(url_for("login"))

    # ------------------------------------------------------------ the queue

    @app.get("/")
    def queue() -> str:
        arch = archive()
        status = request.args.get("status") or ""
        issue_id = request.args.get("issue") or ""
        rows = []
        counts: dict[str, dict[Status, int]] = {}
        for issue in reversed(arch.issues):
            per = counts.setdefault(issue.id, {s: 0 for s in Status})
            for doc in arch.issue_documents(issue):
                per[doc.status] += 1
                if (not status or doc.status.value == status) and (not issue_id or issue.id == issue_id):
                    rows.append((issue, doc))
        conflicts = edit.conflicts(content, arch)
        return render_template("queue.html", title="审核队列", issues=list(reversed(arch.issues)), rows=rows, counts=counts,
                               status=status, issue_id=issue_id, conflicts=conflicts)

    # ------------------------------------------------------------ one document

    def document_page(doc_id: str, status: int = 200, **extra: Any) -> tuple[str, int]:
        arch = archive()
        opened = edit.open_document(content, arch, doc_id)
        doc = opened.doc
        issue = next(i for i in arch.issues if i.id == doc.issue_id)
        first, last = doc.source.pdf_pages
        warnings = [(p, m) for p, m in read_warnings(content, doc.issue_id) if p is None or first <= p <= last]
        entries = [e for e in register.read(content) if e.document == doc_id]
        values = extra.pop("values", None) or _form_values(doc)
        return render_template("doc.html", title=doc.title, doc=doc, issue=issue, sha=opened.sha256, pages=range(first, last + 1),
                               warnings=warnings, checks=doc.ocr.check if doc.ocr else (), preview=_preview(doc),
                               entries=list(reversed(entries)), values=values, errors=extra.pop("errors", {}),
                               kinds=list(Kind), disclosures=[None, *Disclosure],
                               has_conflict=any(c.doc_id == doc_id for c in edit.conflicts(content, arch)),
                               two_person=config.rules.two_person, **extra), status

    @app.get("/doc/<doc_id>")
    def document(doc_id: str) -> tuple[str, int]:
        _known(archive(), doc_id)
        return document_page(doc_id)

    @app.post("/doc/<doc_id>/save")
    def save(doc_id: str) -> Any:
        arch = archive()
        _known(arch, doc_id)
        form = request.form.to_dict()
        metadata, errors = edit.validate_metadata(form)
        body = form.get("body", "")
        if metadata is None:
            return document_page(doc_id, 422, values=form, errors=errors, message="有字段需要修改，尚未保存。")
        try:
            changed = edit.save_document(content, arch, doc_id, form.get("sha", ""), metadata, body, g.user.name,
                                         form.get("reason", ""))
        except edit.StaleError as exc:
            mine = edit.preview_text(exc.path, metadata, body)
            theirs = exc.current.decode("utf-8", "replace")
            return document_page(doc_id, 409, values=form, stale=True, diff=_side_by_side(theirs, mine, "磁盘上的当前版本（他人已保存）", "您提交的版本（未保存）"),
                                 message=exc.message)
        return redirect(url_for("document", doc_id=doc_id, saved=",".join(changed) or "none"))

    @app.post("/doc/<doc_id>/review")
    def review(doc_id: str) -> Any:
        arch = archive()
        _known(arch, doc_id)
        reviewer_only()
        targets = {"publish": Status.PUBLISHED, "withhold": Status.WITHHELD, "draft": Status.DRAFT}
        target = targets.get(request.form.get("action", ""))
        if target is None:
            abort(400, "未知的操作")
        edit.review_document(content, arch, doc_id, request.form.get("sha", ""), target, g.user.name,
                             request.form.get("reason", ""), request.form.get("override") == "yes", config.rules)
        return redirect(url_for("document", doc_id=doc_id, done=target.value))

    @app.get("/page/<issue_id>/<int:number>.webp")
    def page_image(issue_id: str, number: int) -> Response:
        if not ID_RE.match(issue_id):
            abort(404)
        issue = next((i for i in archive().issues if i.id == issue_id), None)
        if issue is None or not 1 <= number <= issue.page_count:
            abort(404)
        pdf = safe_file(content, content / issue.id / issue.source_file)
        if not pdf.is_file():
            abort(404)
        png = _render_page(str(pdf), pdf.stat().st_mtime_ns, number)
        return Response(png, mimetype="image/webp", headers={"Cache-Control": "private, max-age=3600"})

    # ------------------------------------------------------------ re-ingest conflicts

    @app.get("/conflict/<doc_id>")
    def conflict(doc_id: str) -> str:
        arch = archive()
        found = edit.find_conflict(content, arch, _known(arch, doc_id))
        mine, new = found.path.read_bytes(), found.new_path.read_bytes()
        return render_template("conflict.html", title="处理重新导入冲突", doc=arch.documents[doc_id], conflict=found,
                               sha=edit.file_sha(mine), new_sha=edit.file_sha(new), merged=mine.decode("utf-8", "replace"),
                               diff=_side_by_side(mine.decode("utf-8", "replace"), new.decode("utf-8", "replace"),
                                                  f"当前文件 {found.path.name}（编辑过）", f"重新导入的版本 {found.new_path.name}"))

    @app.post("/conflict/<doc_id>")
    def resolve(doc_id: str) -> Any:
        arch = archive()
        _known(arch, doc_id)
        form = request.form
        edit.resolve_conflict(content, arch, doc_id, form.get("choice", ""), form.get("sha", ""), form.get("new_sha", ""),
                              g.user.name, form.get("merged"), form.get("reason", ""))
        return redirect(url_for("document", doc_id=doc_id, resolved="1"))

    # ------------------------------------------------------------ register and submissions

    @app.get("/register")
    def register_page() -> str:
        return render_template("register.html", title="信息发布登记", entries=list(reversed(register.read(content))))

    @app.route("/submissions", methods=["GET", "POST"])
    def submissions_page() -> Any:
        from . import submissions as subs

        error = None
        form = request.form.to_dict() if request.method == "POST" else {}
        if request.method == "POST":
            try:
                sub = subs.make_submission(form.get("department", ""), form.get("title", ""),
                                           subs.parse_day(form.get("issued", ""), "印发日期"),
                                           subs.parse_day(form.get("received", ""), "报送日期"), form.get("doc_number"))
                subs.add_submission(content, sub)
                return redirect(url_for("submissions_page", added=sub.id))
            except GazetteError as exc:
                error = exc.message
        index = subs.PrintIndex(archive())
        rows = [(s, subs.timeliness(s), index.find(s)) for s in sorted(subs.load_submissions(content), key=subs.sort_key, reverse=True)]
        return render_template("submissions.html", title="部门文件报送", rows=rows, error=error, form=form,
                               today=dt.date.today().isoformat()), (422 if error else 200)

    @app.get("/submissions/report")
    def submissions_report() -> Response:
        from . import submissions as subs

        date_from = subs.parse_day(request.args.get("from", ""), "from")
        date_to = subs.parse_day(request.args.get("to", ""), "to")
        report = subs.build_report(subs.load_submissions(content), archive(), date_from, date_to)
        return Response(subs.report_html(report), mimetype="text/html",
                        headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})

    return app


SECRET_FILE = Path(".gazette") / "desk.key"
CACHE = Path(".gazette") / "desk-cache"


def _secret_key(content: Path) -> bytes:
    """The key that signs sessions and CSRF tokens, kept in ``content/.gazette/desk.key``
    (owner-only) so that restarting the desk neither signs editors out nor turns the
    form they were filling in into a refused request."""
    path = content / SECRET_FILE
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    edit.keep_out_of_git(path)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


def _known(arch: Archive, doc_id: str) -> str:
    if not ID_RE.match(doc_id) or doc_id not in arch.documents:
        abort(404)
    return doc_id


def _form_values(doc: Document) -> dict[str, str]:
    return {"title": doc.title, "kind": doc.kind.value, "doc_number": doc.doc_number or "", "issuer": doc.issuer or "",
            "signed_date": doc.signed_date or "", "effective_date": doc.effective_date or "",
            "disclosure": doc.disclosure.value if doc.disclosure else "", "body": doc.body}


def _preview(doc: Document) -> list[tuple[str, str | None]]:
    """The body's paragraphs, each with why an editor should check it (a low-confidence
    OCR line it contains), or None."""
    checks = [(c.text.strip(), c.why) for c in (doc.ocr.check if doc.ocr else ()) if c.text.strip()]
    out = []
    for para in doc.body.split("\n\n"):
        if para.strip():
            flat = "".join(para.split())
            why = next((w for t, w in checks if "".join(t.split()) in flat), None)
            out.append((para.strip(), why))
    return out


def _side_by_side(left: str, right: str, left_label: str, right_label: str) -> str:
    """An HTML side-by-side diff (difflib escapes the text it shows)."""
    return difflib.HtmlDiff(wrapcolumn=48).make_table(left.splitlines(), right.splitlines(), left_label, right_label,
                                                     context=True, numlines=2)


@functools.lru_cache(maxsize=64)
def _render_page(pdf: str, mtime_ns: int, number: int) -> bytes:
    from ..ocr.render import render_page

    image = render_page(Path(pdf), number, dpi=110).image
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=70, method=4)
    return out.getvalue()
