"""Desk accounts: who may sign in, with which role, and a hashed password.

Two roles. An **editor** corrects metadata and text, settles re-ingest conflicts and
records submissions. A **reviewer** may do all that and also approve (publish),
withhold, withdraw and return documents to draft.

Passwords are hashed with Werkzeug's ``generate_password_hash`` (scrypt, salted), never
stored. The file (``content/.gazette/accounts.json`` unless ``--accounts`` says
otherwise) is JSON, written atomically with owner-only permissions; keep it out of
version control.
"""

from __future__ import annotations

import enum
import functools
import json
import os
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from ..content import atomic_write
from ..errors import ContentError, ExitCode, GazetteError

DEFAULT = Path(".gazette") / "accounts.json"
MIN_PASSWORD = 10


class Role(str, enum.Enum):
    """What an account may do."""

    EDITOR = "editor"
    REVIEWER = "reviewer"


ROLE_LABELS = {Role.EDITOR: "编辑", Role.REVIEWER: "审核"}


@dataclass(frozen=True)
class Account:
    """One desk account (the hash, never the password)."""

    name: str
    role: Role
    password_hash: str


def accounts_path(content: Path, given: Path | None = None) -> Path:
    """The accounts file: ``given``, else ``content/.gazette/accounts.json``."""
    return given if given is not None else content / DEFAULT


def load(path: Path) -> dict[str, Account]:
    """Every account in ``path`` by name (none when there is no file)."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: Account(name, Role(item["role"]), str(item["password"])) for name, item in sorted(data["accounts"].items())}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ContentError(f"{path}: not a desk accounts file ({type(exc).__name__}: {exc}); "
                           "restore it, or move it away and add the accounts again with 'gazette accounts add'") from None


def _save(path: Path, accounts: dict[str, Account]) -> None:
    data = {"accounts": {a.name: {"role": a.role.value, "password": a.password_hash} for a in sorted(accounts.values(), key=lambda a: a.name)}}
    from .edit import keep_out_of_git

    keep_out_of_git(path)
    atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    os.chmod(path, 0o600)


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 40 or any(c in name for c in "\n\r\t/\\:\"'<>&"):
        raise GazetteError(f"{name!r} is not a usable account name: 1–40 characters, no spaces at the ends, "
                           "no / \\ : quotes or < > &", ExitCode.BAD_ARGS)
    return name


def add(path: Path, name: str, role: Role, password: str) -> Account:
    """Add an account, or set a new role and password for an existing one."""
    name = _check_name(name)
    if len(password) < MIN_PASSWORD:
        raise GazetteError(f"the password is too short: use at least {MIN_PASSWORD} characters", ExitCode.BAD_ARGS)
    accounts = load(path)
    account = Account(name, role, generate_password_hash(password))
    accounts[name] = account
    _save(path, accounts)
    return account


def remove(path: Path, name: str) -> bool:
    """Remove an account; False when there was none of that name."""
    accounts = load(path)
    if accounts.pop(name, None) is None:
        return False
    _save(path, accounts)
    return True


def authenticate(accounts: dict[str, Account], name: str, password: str) -> Account | None:
    """The account when ``password`` is its password, else None (same work either way)."""
    account = accounts.get(name)
    if account is None:
        check_password_hash(_dummy(), password)  # spend the same time for a wrong name
        return None
    return account if check_password_hash(account.password_hash, password) else None


@functools.cache
def _dummy() -> str:
    return generate_password_hash("not a password of anyone")
