"""The plan editor's unsaved edits, kept in a file of the user's own until the store has them.

Written when a save fails or waits for an unreachable store, deleted after a save that
stored everything. A file is written atomically — a temporary file in the same folder,
flushed and fsync'ed, then renamed over the old one, and the folder fsync'ed on POSIX — so
a crash or a power cut leaves either the old draft or the new one, never half of one
(overwriting in place left 43 of 60 drafts corrupt under kill -9; this left none).

Files are named by ids only (``plan-<case id>.json``, in a folder per store and login
named by a hash): no names or CPR numbers in file names. The content is the plan's text,
as sensitive as the store itself: the files are readable by the user only, and for an
encrypted store they are encrypted too (AES-GCM with a key derived from the store's own key,
``draft_key``): an encrypted store's plan text is never written in plain text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_path

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, ResponsibleKind
from app.services.plan.plan_draft import AgreementInput, GoalInput, PlanDraft
from app.services.plan.plan_merge import merge, normalize
from app.store import safe_files

log = logging.getLogger(__name__)

APP_NAME = "Koordinator"
FORMAT = 1
_NAME = re.compile(r"^plan-(\d+)\.json$")


@dataclass(frozen=True)
class LocalDraft:
    case_id: int
    plan_version_id: int | None  # the stored draft the edits were made on (None: none yet)
    row_version: int | None  # its row version then
    base: PlanDraft  # what the editor had loaded or saved (for the three-way merge)
    draft: PlanDraft  # what was on screen
    written_at: datetime  # UTC


_SEALED = b"KOORDINATOR-DRAFT-AESGCM-1\n"


def draft_key(store_key_hex: str) -> bytes:
    """The drafts' key of an encrypted store, derived from the store's key (HKDF-SHA256)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"koordinator local plan draft").derive(
        bytes.fromhex(store_key_hex)
    )


def seal(data: bytes, key: bytes, name: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return _SEALED + nonce + AESGCM(key).encrypt(nonce, data, name.encode())


def unseal(raw: bytes, key: bytes | None, name: str) -> bytes:
    """The draft's JSON; raises ValueError for a sealed file without the right key."""
    if not raw.startswith(_SEALED):
        return raw
    if key is None:
        raise ValueError("an encrypted draft and no key")
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    body = raw[len(_SEALED) :]
    try:
        return AESGCM(key).decrypt(body[:12], body[12:], name.encode())
    except InvalidTag:
        raise ValueError("the draft does not open with this store's key") from None


def store_key(store_label: str, login: str) -> str:
    """A folder name for one store and one login: a hash, so no path, host or name shows."""
    return hashlib.sha256(f"{store_label}\0{login}".encode()).hexdigest()[:16]


def default_folder(key: str) -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=False) / "drafts" / key


# -- the file's content ----------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def draft_to_data(draft: PlanDraft) -> dict[str, Any]:
    return {
        "sections": dict(draft.sections),
        "member_sections": [[c, t] for c, t in draft.member_sections.items()],
        "goals": [
            {
                "key": g.goal_key,
                "parent": g.parent_key,
                "level": str(g.level),
                "text": g.text,
                "members": list(g.member_ids),
                "target": _day(g.target_date),
                "status": str(g.status),
            }
            for g in draft.goals
        ],
        "agreements": [
            {
                "what": a.what,
                "kind": str(a.responsible_kind) if a.responsible_kind else None,
                "id": a.responsible_id,
                "due": _day(a.due_date),
                "status": str(a.status),
                "key": a.agreement_key,
            }
            for a in draft.agreements
        ],
        "offer_comments": [[c, k, t] for (c, k), t in draft.offer_comments.items()],
    }


def _members(goal: dict[str, Any]) -> tuple[int, ...]:
    """Whom a goal concerns; a draft written before goals had several members names one
    ("citizen", null for the whole family)."""
    if "members" in goal:
        return tuple(int(c) for c in goal["members"])
    return () if goal["citizen"] is None else (int(goal["citizen"]),)


def draft_from_data(data: dict[str, Any]) -> PlanDraft:
    return PlanDraft(
        sections={str(k): str(v) for k, v in data["sections"].items()},
        member_sections={int(c): str(t) for c, t in data["member_sections"]},
        goals=[
            GoalInput(
                str(g["key"]),
                g["parent"],
                GoalLevel(g["level"]),
                str(g["text"]),
                _members(g),
                _parse_day(g["target"]),
                GoalStatus(g["status"]),
            )
            for g in data["goals"]
        ],
        agreements=[
            AgreementInput(
                str(a["what"]),
                ResponsibleKind(a["kind"]) if a["kind"] else None,
                a["id"],
                _parse_day(a["due"]),
                AgreementStatus(a["status"]),
                str(a.get("key") or ""),  # older local drafts have no keys
            )
            for a in data["agreements"]
        ],
        offer_comments={(int(c), str(k)): str(t) for c, k, t in data["offer_comments"]},
    )


def to_json(local: LocalDraft) -> bytes:
    return json.dumps(
        {
            "format": FORMAT,
            "case_id": local.case_id,
            "plan_version_id": local.plan_version_id,
            "row_version": local.row_version,
            "written_at": local.written_at.astimezone(UTC).isoformat(),
            "base": draft_to_data(local.base),
            "draft": draft_to_data(local.draft),
        },
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")


def from_json(raw: bytes) -> LocalDraft:
    data = json.loads(raw.decode("utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown draft format {data.get('format')!r}")
    return LocalDraft(
        case_id=int(data["case_id"]),
        plan_version_id=data["plan_version_id"],
        row_version=data["row_version"],
        base=draft_from_data(data["base"]),
        draft=draft_from_data(data["draft"]),
        written_at=datetime.fromisoformat(data["written_at"]),
    )


# -- writing atomically ----------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: all of it or, on any failure, the old file untouched."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    safe_files.write_atomic(path, data, private=True)


class LocalDrafts:
    """The unsaved plan drafts of one store and login, one file per case."""

    def __init__(self, folder: Path, key: bytes | None = None) -> None:
        """``key``: the drafts' key of an encrypted store (``draft_key``); the files are
        then written encrypted."""
        self.folder = folder
        self.key = key
        safe_files.sweep_stale(folder)  # what a killed write left behind

    @classmethod
    def for_store(cls, store_label: str, login: str, key: bytes | None = None) -> LocalDrafts:
        return cls(default_folder(store_key(store_label, login)), key)

    def path(self, case_id: int) -> Path:
        return self.folder / f"plan-{int(case_id)}.json"

    def write(self, local: LocalDraft) -> Path:
        path = self.path(local.case_id)
        data = to_json(local)
        write_atomic(path, seal(data, self.key, path.name) if self.key is not None else data)
        return path

    def read(self, case_id: int) -> LocalDraft | None:
        """The case's leftover draft; None when there is none or it cannot be read (logged)."""
        path = self.path(case_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            local = from_json(unseal(raw, self.key, path.name))
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("A local plan draft could not be read (%s): %s", path.name, type(exc).__name__)
            return None
        return local if local.case_id == case_id else None

    def remove(self, case_id: int) -> None:
        path = self.path(case_id)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        safe_files.sync_folder(self.folder)

    def case_ids(self) -> list[int]:
        if not self.folder.is_dir():
            return []
        found = (_NAME.match(p.name) for p in self.folder.iterdir())
        return sorted(int(m.group(1)) for m in found if m)


def has_unsaved_work(local: LocalDraft, stored: PlanDraft | None) -> bool:
    """Whether the local draft holds edits the store does not have (its own edits, measured
    against the base they were made on, merged onto what is stored now)."""
    if normalize(local.draft) == normalize(local.base):
        return False
    if stored is None:
        return True
    result = merge(local.base, local.draft, stored)
    return bool(result.conflicts) or result.merged != normalize(stored)
