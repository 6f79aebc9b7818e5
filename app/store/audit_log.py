"""The audit log's entries as the store keeps them: the fields hashed, the canonical text
(the same in SQL, app/store/audit_server.py ``CANONICAL_SQL``), the masking of CPR-shaped
numbers, and the one writer of an entry (``write``: the server's ``koordinator_audit`` on a
PostgreSQL server after server-init, else ``append_entry`` chained here).

What is logged and when is the services' business (app/services/common/audit.py); this
module only keeps the chain's format, so that the store (its access check, its server set-up)
can log without importing the services. Qt-free; never a CPR number in an entry.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import weakref
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.engine import Connection, Engine

from app.models import AuditEvent, User
from app.models.base import utcnow

# The fields hashed, in order (``prev_hash`` last).
HASHED_FIELDS = (
    "occurred_at",
    "user_login",
    "action",
    "object_type",
    "object_id",
    "citizen_id",
    "case_id",
    "department",
    "purpose",
    "search_term",
    "details",
    "prev_hash",
)

# Ten digits, alone or as DDMMYY-SSSS / DDMMYY SSSS, not inside a longer run of digits.
_CPR_ANYWHERE = re.compile(r"(?<![0-9])([0-9]{6})[- ]?([0-9]{4})(?![0-9])")
MAX_LENGTHS = {"search_term": 200, "purpose": 500, "details": 20000, "object_type": 40}


def mask_cpr_in(value: str) -> str:
    """Every CPR-shaped number in ``value`` as DDMMYY-XXXX."""
    return _CPR_ANYWHERE.sub(lambda m: f"{m.group(1)}-XXXX", value)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def format_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def canonical_text(fields: Mapping[str, Any]) -> str:
    parts = []
    for name in HASHED_FIELDS:
        value = fields.get(name)
        if value is None:
            shown = ""
        elif isinstance(value, datetime):
            shown = format_time(value)
        else:
            shown = str(value)
        parts.append(f"{len(shown)}:{shown};")
    return "".join(parts)


def entry_hash(fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_text(fields).encode("utf-8")).hexdigest()


def details_json(details: Any) -> str:
    """Details as JSON text (sorted keys), CPR-shaped numbers masked."""
    if details is None or details == "":
        return ""
    raw = (
        details
        if isinstance(details, str)
        else json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    )
    return mask_cpr_in(raw)


# Engines on which the server's koordinator_audit function is known to exist.
_SERVER_WRITES: weakref.WeakSet[Engine] = weakref.WeakSet()


def server_writes(conn: Connection) -> bool:
    """Whether the PostgreSQL server writes the entries (server-init has been run)."""
    if conn.dialect.name != "postgresql":
        return False
    engine = conn.engine
    if engine in _SERVER_WRITES:
        return True
    found = conn.exec_driver_sql(
        "SELECT 1 FROM pg_proc WHERE proname = 'koordinator_audit' "
        "AND pronamespace::regnamespace::text = ANY (current_schemas(false))"
    ).first()
    if found:
        _SERVER_WRITES.add(engine)
    return bool(found)


# Actions only the anchoring (app/services/privacy/audit_anchor.py) writes: signed checkpoints and
# pruning records. ``write`` refuses them, and so does the server's koordinator_audit.
RESERVED_PREFIX = "audit_"

# On a PostgreSQL store without server-init (one owner, no caseworker roles) the writer
# serialises with a table lock on the log itself: it conflicts with every insert, the
# server function's included, and only a role with rights on the table can take it. (An
# advisory lock, used before, can be taken and held by any role on the server.)
PG_LOCAL_LOCK = "LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE"


def write(
    conn: Connection,
    user: str,
    action: str,
    *,
    object_type: str = "",
    object_id: int | None = None,
    citizen_id: int | None = None,
    case_id: int | None = None,
    search_term: str = "",
    details: Any = None,
    purpose: str = "",
) -> None:
    """``record`` on a connection (used by the session events during a flush)."""
    if action.startswith(RESERVED_PREFIX):
        raise ValueError(f"the audit action {action!r} is reserved for signed checkpoints and pruning")
    values: dict[str, Any] = {
        "action": _nfc(action)[:40],
        "object_type": _nfc(object_type or "")[: MAX_LENGTHS["object_type"]],
        "object_id": object_id,
        "citizen_id": citizen_id,
        "case_id": case_id,
        "search_term": _nfc(mask_cpr_in(search_term or ""))[: MAX_LENGTHS["search_term"]],
        "details": _nfc(details_json(details))[: MAX_LENGTHS["details"]],
        "purpose": _nfc(mask_cpr_in(purpose or ""))[: MAX_LENGTHS["purpose"]],
    }
    if server_writes(conn):
        conn.execute(
            text(
                "SELECT koordinator_audit(:action, :object_type, :object_id, :citizen_id, :case_id, "
                ":purpose, :search_term, :details)"
            ),
            values,
        )
        return
    append_entry(conn, user, values)


_TABLE = cast(Table, AuditEvent.__table__)
# Built once: making a statement costs more than running it (an entry is written on every
# lookup), and the compiled form is cached by its shape.
_DEPARTMENT = select(User.department).where(User.login == bindparam("login"))
_INSERT = insert(_TABLE).returning(_TABLE.c.id)
_PREVIOUS = (
    select(_TABLE.c.hash).where(_TABLE.c.id < bindparam("new_id")).order_by(_TABLE.c.id.desc()).limit(1)
)
_STORED_TIME = select(_TABLE.c.occurred_at).where(_TABLE.c.id == bindparam("new_id"))
_CHAIN = (
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("new_id"))
    .values(prev_hash=bindparam("prev"), hash=bindparam("entry_hash"))
)


def append_entry(conn: Connection, user: str, values: Mapping[str, Any]) -> int:
    """Append an entry written by this program (SQLite, or PostgreSQL without server-init):
    ``values`` as given (``write`` has masked and cut them), chained to the last entry.
    Returns the new entry's id."""
    user = _nfc(user)[:64]
    department = conn.execute(_DEPARTMENT, {"login": user}).scalar() or ""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(PG_LOCAL_LOCK)
    row = {
        "object_type": "",
        "object_id": None,
        "citizen_id": None,
        "case_id": None,
        "search_term": "",
        "details": "",
        "purpose": "",
        **values,
        "occurred_at": utcnow(),
        "user_login": user,
        "department": _nfc(department)[:200],
        "prev_hash": "",
        "hash": "",
    }
    # SQLite: the insert takes the write lock first, so no other program can append between
    # reading the previous hash and writing this one (both in this transaction).
    new_id = conn.execute(_INSERT, row).scalar_one()
    row["prev_hash"] = conn.execute(_PREVIOUS, {"new_id": new_id}).scalar() or ""
    row["occurred_at"] = conn.execute(_STORED_TIME, {"new_id": new_id}).scalar_one()
    conn.execute(_CHAIN, {"new_id": new_id, "prev": row["prev_hash"], "entry_hash": entry_hash(row)})
    return int(new_id)
