"""The publication register (信息发布登记): an append-only record in ``content/register.jsonl``.

Every review action lands here, from the CLI (``gazette publish``) and from the desk
(``gazette desk``): who did what to which document, when, the SHA-256 of the text as it
stood, and why. One JSON object a line with sorted keys, so it diffs well in git; lines
are only ever appended, each with one ``write`` on a file opened for appending and held
under an exclusive lock, so two editors acting at once both land whole.

The site's 发布登记 page and each corrected document's 更正 history are made from this
file alone: the same content/ gives the same site.
"""

from __future__ import annotations

import datetime as dt
import enum
import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import ContentError

REGISTER = "register.jsonl"


class Action(str, enum.Enum):
    """What an editor did to a document."""

    PUBLISH = "publish"  # approved for release (先审查、后公开)
    WITHDRAW = "withdraw"  # taken off the site after it was published
    WITHHOLD = "withhold"  # kept from release (never published)
    RETURN = "return"  # back to draft, for another round of editing
    EDIT = "edit"  # the text or metadata of an unpublished document changed
    CORRECT = "correct"  # the text or metadata of a published document changed
    DISCLOSURE = "disclosure"  # 公开属性 changed
    RESOLVE = "resolve"  # a re-ingest conflict (NN.md.new) settled


ACTION_LABELS = {Action.PUBLISH: "发布", Action.WITHDRAW: "撤回", Action.WITHHOLD: "暂缓发布", Action.RETURN: "退回修改", Action.EDIT: "编辑",
                 Action.CORRECT: "更正", Action.DISCLOSURE: "变更公开属性", Action.RESOLVE: "处理重新导入冲突"}


@dataclass(frozen=True)
class Entry:
    """One line of the register. ``at`` is an ISO 8601 UTC time; ``sha256`` the hash of
    the document's text (its Markdown body) as it stood after the action; ``changed``
    names what a correction changed (title, body, signed_date …); ``override`` marks a
    不予公开 document published on an editor's explicit decision."""

    at: str
    by: str
    action: Action
    document: str
    sha256: str
    reason: str = ""
    changed: tuple[str, ...] = ()
    override: bool = False

    def to_json(self) -> str:
        """The entry as one register line (without the newline)."""
        data: dict[str, object] = {"at": self.at, "by": self.by, "action": self.action.value,
                                   "document": self.document, "sha256": self.sha256}
        if self.reason:
            data["reason"] = self.reason
        if self.changed:
            data["changed"] = list(self.changed)
        if self.override:
            data["override"] = True
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def text_sha256(body: str) -> str:
    """The SHA-256 recorded for a document's text (its Markdown body, UTF-8)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def now() -> str:
    """The current UTC time as the register writes it (seconds)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def append(content: Path, entries: list[Entry]) -> None:
    """Append entries to ``content/register.jsonl``, whole lines, under a lock."""
    if not entries:
        return
    for entry in entries:
        if not entry.by.strip():
            raise ContentError(f"{content / REGISTER}: an entry needs who acted; pass --by NAME")
    data = "".join(e.to_json() + "\n" for e in entries).encode("utf-8")
    path = content / REGISTER
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size:  # a last line left without its newline (a crash, a hand edit) is closed first
            with open(path, "rb") as tail:
                tail.seek(size - 1)
                if tail.read(1) != b"\n":
                    data = b"\n" + data
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def read(content: Path) -> list[Entry]:
    """Every entry of the register, in the order written (none when there is no file)."""
    return list(_entries(content / REGISTER))


def _entries(path: Path) -> Iterator[Entry]:
    if not path.exists():
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            yield Entry(at=str(data["at"]), by=str(data["by"]), action=Action(data["action"]),
                        document=str(data["document"]), sha256=str(data.get("sha256", "")),
                        reason=str(data.get("reason", "")), changed=tuple(str(c) for c in data.get("changed", ())),
                        override=bool(data.get("override", False)))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ContentError(f"{path}: line {number} is not a register entry ({type(exc).__name__}: {exc}); "
                               "the register is append-only: restore that line from version control") from None


def corrections(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Per document, its corrections in the order made."""
    found: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.action is Action.CORRECT:
            found.setdefault(entry.document, []).append(entry)
    return found


def last_editor(entries: list[Entry], document: str) -> str | None:
    """Who last changed a document's text or metadata (an edit, a correction or a
    resolved conflict), for the two-person rule."""
    for entry in reversed(entries):
        if entry.document == document and entry.action in (Action.EDIT, Action.CORRECT, Action.RESOLVE):
            return entry.by
    return None


def registered_sha(entries: list[Entry], document: str) -> str | None:
    """The text hash the register last recorded for a document, if any."""
    for entry in reversed(entries):
        if entry.document == document and entry.sha256:
            return entry.sha256
    return None
