"""Review actions (先审查、后公开): publish, withhold, withdraw, return to draft, and
公开属性 changes, each checked against the review rules and registered.

Used by ``gazette publish`` and by the desk alike, so the rules hold however an editor
works. A refused action changes nothing and raises :class:`RefusedError`, naming the
document and the way forward. Only the ``status:`` / ``disclosure:`` line of a file is
rewritten (atomically), never the editor's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content import Archive, set_field
from ..errors import ExitCode, GazetteError, RefusedError
from ..models import Disclosure, Document, Status
from . import register
from .register import Action, Entry


@dataclass(frozen=True)
class Rules:
    """Review rules of a gazette office. ``two_person``: a document's reviewer may not
    be its last editor (the register says who that was)."""

    two_person: bool = False


def action_for(old: Status, new: Status) -> Action | None:
    """The register action of a status change (None when nothing changes)."""
    if old is new:
        return None
    if new is Status.PUBLISHED:
        return Action.PUBLISH
    if old is Status.PUBLISHED:
        return Action.WITHDRAW
    return Action.WITHHOLD if new is Status.WITHHELD else Action.RETURN


_NEEDS_REASON = (Action.WITHDRAW, Action.RETURN)


def check(doc: Document, target: Status, by: str, reason: str, override: bool, rules: Rules,
          entries: list[Entry]) -> None:
    """Raise :class:`RefusedError` when a rule forbids setting ``doc`` to ``target``."""
    action = action_for(doc.status, target)
    if action is None:
        return
    if action in _NEEDS_REASON and not reason.strip():
        raise RefusedError(f"{doc.id}: say why it goes back ({'withdraw' if action is Action.WITHDRAW else 'return to draft'}): "
                           "pass --reason \"…\"")
    if target is Status.PUBLISHED and doc.disclosure is Disclosure.NOT_PUBLIC:
        if not override:
            raise RefusedError(f"{doc.id}: 《{doc.title}》 is marked 不予公开 (disclosure: not_public); it is not published. "
                               "If the office has decided to release it, pass --override-not-public with --reason \"…\" "
                               "(registered), or change its disclosure first")
        if not reason.strip():
            raise RefusedError(f"{doc.id}: publishing a 不予公开 document needs the reason for the decision: --reason \"…\"")
    if target is Status.PUBLISHED and rules.two_person and register.last_editor(entries, doc.id) == by:
        raise RefusedError(f"{doc.id}: {by} edited this document last; under the two-person rule another reviewer "
                           "must approve it")


def set_statuses(content: Path, archive: Archive, ids: list[str], target: Status, by: str, reason: str = "",
                 override: bool = False, rules: Rules = Rules()) -> list[Entry]:
    """Set the status of documents, after checking every one of them (all or nothing),
    and register what changed. A published document whose text differs from the text
    the register last recorded is registered as corrected when it is published again."""
    if not by.strip():
        raise GazetteError("say who acts: pass --by NAME (or set GAZETTE_USER)", ExitCode.BAD_ARGS)
    entries = register.read(content)
    docs = [archive.documents[i] for i in ids]
    for doc in docs:
        check(doc, target, by, reason, override, rules, entries)
    written: list[Entry] = []
    stamp = register.now()
    for doc in docs:
        sha = register.text_sha256(doc.body)
        action = action_for(doc.status, target)
        if action is None:
            if target is Status.PUBLISHED and register.registered_sha(entries, doc.id) not in (None, sha):
                written.append(Entry(stamp, by, Action.CORRECT, doc.id, sha, reason, ("text",)))
            continue
        set_field(archive.paths[doc.id], "status", target.value)
        override_used = action is Action.PUBLISH and doc.disclosure is Disclosure.NOT_PUBLIC
        written.append(Entry(stamp, by, action, doc.id, sha, reason, (), override_used))
    register.append(content, written)
    return written


def set_disclosure(content: Path, archive: Archive, doc_id: str, disclosure: Disclosure | None, by: str,
                   reason: str = "") -> Entry | None:
    """Change a document's 公开属性 and register it. A published document cannot become
    不予公开 while it is on the site: withdraw it first."""
    doc = archive.documents[doc_id]
    if doc.disclosure is disclosure:
        return None
    if not by.strip():
        raise GazetteError("say who acts: pass --by NAME (or set GAZETTE_USER)", ExitCode.BAD_ARGS)
    if disclosure is Disclosure.NOT_PUBLIC and doc.status is Status.PUBLISHED:
        raise RefusedError(f"{doc_id}: it is published; withdraw it (gazette publish {doc_id} --status draft "
                           "--reason \"…\") before marking it 不予公开")
    set_field(archive.paths[doc_id], "disclosure", disclosure.value if disclosure else None)
    entry = Entry(register.now(), by, Action.DISCLOSURE, doc_id, register.text_sha256(doc.body),
                  reason or f"公开属性: {disclosure.value if disclosure else '未标注'}")
    register.append(content, [entry])
    return entry
