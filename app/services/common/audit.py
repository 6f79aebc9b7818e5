"""The audit log (DOMAIN.md §3.1): who opened, searched, changed, printed, exported or
revealed what, and when. Entries are hash-chained: each entry's hash covers its fields and
the previous entry's hash, so a changed, deleted or inserted entry is found at that entry.

On SQLite the entry is written here, one writer at a time (the insert takes SQLite's write
lock before the previous hash is read, in the same transaction). On a PostgreSQL server
set up by ``server-init`` the server writes it (``koordinator_audit`` in
app/store/audit_server.py): the user is the database role, which the client cannot choose,
and the caseworkers' roles cannot change or delete the log.

The chain is anchored by signed checkpoints and signed pruning records (actions starting
with ``audit_``, written only by app/services/privacy/audit_anchor.py with a key held outside the
database); ``write`` refuses those actions.

The canonical text hashed is the same in Python (app/store/audit_log.py ``canonical_text``) and SQL
(``audit_server.CANONICAL_SQL``): every field as ``<length>:<value>;`` in a fixed order,
NULL as the empty string, the time as UTC ``YYYY-MM-DDTHH:MM:SS.ffffff``. The row id is not
hashed (PostgreSQL sequences leave gaps on rollback); the chain is the order of ids.

Qt-free. Never a CPR number in ``details`` or ``search_term``: CPR-shaped text is masked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.services.common.cpr import mask_cpr
from app.store import audit_log
from app.store.audit_log import mask_cpr_in as mask_cpr_in  # the services' name for it too
from app.store.audit_log import write as write  # ``record`` on a connection

# Actions (stored text; a retention job may select on them).
OPEN_CASE = "open_case"
OPEN_CITIZEN = "open_citizen"
SEARCH = "search"
CHANGE = "change"
CREATE = "create"
DELETE = "delete"
PRINT = "print"
EXPORT = "export"
CPR_REVEAL = "cpr_reveal"
LOGIN = "login"
SHARE_OVERRIDE = "share_override"  # sharing without consent cover; the reason in ``purpose``
ERASE = "erase"

ACTIONS = (
    OPEN_CASE,
    OPEN_CITIZEN,
    SEARCH,
    CHANGE,
    CREATE,
    DELETE,
    PRINT,
    EXPORT,
    CPR_REVEAL,
    LOGIN,
    SHARE_OVERRIDE,
    ERASE,
)
# Lookups of a citizen's data, for the "who looked at me" report.
LOOKUP_ACTIONS = (OPEN_CASE, OPEN_CITIZEN, SEARCH, PRINT, EXPORT, CPR_REVEAL, SHARE_OVERRIDE, CHANGE, CREATE)


def record(
    session: Session,
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
    """Append an entry in the session's transaction (it is kept when the caller commits).

    The user is the session's (``session.info["user"]``; on a PostgreSQL server the
    database role), the department the user's at the time. A store opened read-only (a
    read-only file) takes no entry; the command that opened it says so."""
    if session.info.get("read_only"):
        return
    conn = session.connection()
    write(
        conn,
        str(session.info.get("user", "system")),
        action,
        object_type=object_type,
        object_id=object_id,
        citizen_id=citizen_id,
        case_id=case_id,
        search_term=search_term,
        details=details,
        purpose=purpose,
    )


# ---------------------------------------------------------------------------- verifying


CHANGED = "changed"
DELETED = "deleted"
INSERTED = "inserted"


@dataclass(frozen=True, slots=True)
class ChainBreak:
    entry_id: int  # the first broken entry (for a deletion: the id the missing entry had)
    reason: str  # CHANGED, DELETED, INSERTED, or audit_anchor's REWRITTEN, FORGED, TRUNCATED
    found_at: int  # the entry whose check failed
    detail: str = ""  # the anchoring's own sentence (no content of entries)

    def describe(self) -> str:
        if self.detail:
            return self.detail
        if self.reason == CHANGED:
            return f"entry {self.entry_id} was changed (its hash does not match its content)"
        if self.reason == INSERTED:
            return f"entry {self.entry_id} was inserted (entry {self.found_at} links past it)"
        return f"an entry was deleted at {self.entry_id} (entry {self.found_at} does not link to the one before it)"


def count_entries(session: Session) -> int:
    from sqlalchemy import func

    return int(
        session.connection().execute(select(func.count()).select_from(AuditEvent.__table__)).scalar_one()
    )


def verify_chain(session: Session, key: Any = None) -> ChainBreak | None:
    """The first broken entry, or None when the chain is whole.

    An entry whose hash does not match its fields was changed. An entry whose own hash is
    right but whose ``prev_hash`` is not the previous entry's hash follows a deletion — or,
    when it links to the entry before the previous one, the previous entry was inserted. A
    gap is allowed only where a pruning record declares it; checkpoints and pruning records
    must sit where they were signed, and with ``key`` (app/services/privacy/audit_key.AuditKey)
    their signatures are checked too (``audit_anchor.check_log`` tells more)."""
    from app.services.privacy.audit_anchor import check_log

    return check_log(session, key).broken


def _holds_write_lock(session: Session) -> bool:
    """Whether the session's transaction already writes (SQLite's write lock, or the audit
    lock on PostgreSQL): a second connection would then wait for this one."""
    if not session.in_transaction():
        return False
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        return bool(getattr(conn.connection.driver_connection, "in_transaction", False))
    # Whoever has appended to the log in this transaction holds the log's write lock (the
    # server function's row lock, or the table lock) until it ends; the insert leaves its
    # RowExclusiveLock on audit_events, which pg_locks shows for this backend.
    return bool(
        conn.exec_driver_sql(
            "SELECT 1 FROM pg_locks WHERE locktype = 'relation' AND pid = pg_backend_pid() "
            "AND relation = to_regclass('audit_events') "
            "AND mode IN ('RowExclusiveLock', 'ShareRowExclusiveLock')"
        ).first()
    )


def record_now(session: Session, action: str, **fields: Any) -> None:
    """A lookup (opening, search): logged and committed in a transaction of its own, since
    the caller's session only reads and is not committed. Inside a writing transaction the
    entry joins that transaction instead (a second writer would wait for it)."""
    if _holds_write_lock(session):
        record(session, action, **fields)
        return
    with Session(bind=session.get_bind(), info=dict(session.info)) as own, own.begin():
        record(own, action, **fields)


# ---------------------------------------------------------------- change capture

# Columns never shown in before/after (bookkeeping, binary content).
_SKIPPED_COLUMNS = {"version", "created_at", "updated_at", "created_by", "updated_by", "attachment"}
_VALUE_LIMIT = 2000


def _audited_classes() -> dict[type, str]:
    from app.models import Agreement, Consent, Goal, Intervention, PlanMemberSection, PlanVersion
    from app.models.plans import PlanOfferComment

    return {
        PlanVersion: "plan",
        Goal: "goal",
        Agreement: "agreement",
        PlanMemberSection: "plan_member_section",
        PlanOfferComment: "plan_offer_comment",
        Consent: "consent",
        Intervention: "intervention",
    }


def _shown(column: str, value: Any) -> Any:
    if value is None:
        return None
    if "cpr" in column.lower():
        return mask_cpr(str(value)[:6])
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (int, float)):
        return value.value
    if isinstance(value, str) and len(value) > _VALUE_LIMIT:
        return value[:_VALUE_LIMIT] + "…"
    return value


def _changes(obj: Any, mode: str) -> dict[str, dict[str, Any]]:
    from sqlalchemy import inspect as sa_inspect

    state = sa_inspect(obj)
    out: dict[str, dict[str, Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIPPED_COLUMNS or key == "id":
            continue
        hist = state.attrs[key].history
        if mode == "create":
            value = getattr(obj, key)
            if value is not None and value != "":
                out[key] = {"after": _shown(key, value)}
        elif mode == "delete":
            value = hist.unchanged[0] if hist.unchanged else (hist.deleted[0] if hist.deleted else None)
            if value is not None and value != "":
                out[key] = {"before": _shown(key, value)}
        elif hist.has_changes():
            before = hist.deleted[0] if hist.deleted else None
            after = hist.added[0] if hist.added else None
            if before != after:
                out[key] = {"before": _shown(key, before), "after": _shown(key, after)}
    return out


def _where(conn: Connection, obj: Any, cache: dict[int, int | None]) -> tuple[int | None, int | None]:
    """(case_id, citizen_id) of an audited row."""
    from app.models import PlanVersion

    case_id = getattr(obj, "case_id", None)
    citizen_id = getattr(obj, "citizen_id", None)
    plan_id = getattr(obj, "plan_version_id", None)
    if case_id is None and plan_id is not None:
        if plan_id not in cache:
            cache[plan_id] = conn.execute(
                select(PlanVersion.case_id).where(PlanVersion.id == plan_id)
            ).scalar()
        case_id = cache[plan_id]
    return case_id, citizen_id


def _old_values(conn: Connection, obj: Any, keys: list[str]) -> dict[str, Any]:
    """Stored values of columns whose old value the session never loaded."""
    from sqlalchemy import inspect as sa_inspect

    mapper = sa_inspect(obj).mapper
    table = mapper.local_table
    row = conn.execute(select(*(table.c[k] for k in keys)).where(table.c.id == obj.id)).mappings().first()
    return dict(row) if row else {}


# ``session.info`` key: classes whose changes the caller records itself (see ``captured_by_caller``).
_CALLER_CAPTURES = "audit_captured_by_caller"


@contextmanager
def captured_by_caller(session: Session, *classes: type) -> Iterator[None]:
    """While inside, the generic change capture skips rows of ``classes``: the caller records
    their before/after itself (a plan save deletes and re-creates its goals and agreements,
    which the capture would only see as new rows)."""
    previous = session.info.get(_CALLER_CAPTURES, frozenset())
    session.info[_CALLER_CAPTURES] = previous | frozenset(classes)
    try:
        yield
    finally:
        session.info[_CALLER_CAPTURES] = previous


def _captured(session: Session) -> dict[type, str]:
    skipped = session.info.get(_CALLER_CAPTURES, frozenset())
    return {cls: name for cls, name in _audited_classes().items() if cls not in skipped}


RowSnapshot = dict[Any, tuple[int, dict[str, Any]]]


def plan_rows(session: Session, model: type, plan_version_id: int, key: str | tuple[str, ...]) -> RowSnapshot:
    """The stored rows of ``model`` in a plan version as {key: (id, {field: shown value})}:
    read as plain values (no objects), before a bulk delete or after the re-write. A goal's
    parent is shown by its goal_key, which survives the re-write (the id does not)."""
    table = model.__table__  # type: ignore[attr-defined]
    rows = session.execute(select(table).where(table.c.plan_version_id == plan_version_id)).mappings().all()
    keys_by_id = {row["id"]: row.get("goal_key") for row in rows}
    out: RowSnapshot = {}
    for row in rows:
        values: dict[str, Any] = {}
        for name, value in row.items():
            if name in _SKIPPED_COLUMNS or name in ("id", "plan_version_id"):
                continue
            if name == "parent_id":
                name, value = "parent_key", keys_by_id.get(value)
            values[name] = _shown(name, value)
        out[row[key] if isinstance(key, str) else tuple(row[k] for k in key)] = (row["id"], values)
    return out


def record_replaced(
    session: Session, object_type: str, before: RowSnapshot, after: RowSnapshot, *, case_id: int | None
) -> None:
    """One entry per row that changed between two ``plan_rows`` snapshots, field by field:
    CHANGE with before/after, CREATE for a new key, DELETE for a key that is gone."""
    keys = list(after) + [k for k in before if k not in after]
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old is None and new is not None:
            action, object_id = CREATE, new[0]
            fields = {k: {"after": v} for k, v in new[1].items() if v is not None and v != ""}
        elif new is None and old is not None:
            action, object_id = DELETE, old[0]
            fields = {k: {"before": v} for k, v in old[1].items() if v is not None and v != ""}
        elif old is not None and new is not None:
            action, object_id = CHANGE, new[0]
            fields = {
                k: {"before": old[1].get(k), "after": new[1].get(k)}
                for k in dict.fromkeys([*old[1], *new[1]])
                if old[1].get(k) != new[1].get(k)
            }
            if not fields:
                continue
        else:
            continue
        record(
            session,
            action,
            object_type=object_type,
            object_id=object_id,
            case_id=case_id,
            details=_fit({"fields": fields}),
        )


def snapshot_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    """``before_flush``: the before/after of changed and deleted rows, taken while the
    store still holds the old values."""
    from sqlalchemy import inspect as sa_inspect

    classes = _captured(session)
    pending: list[tuple[Any, str, str, dict[str, Any]]] = []
    for obj in session.dirty:
        if type(obj) not in classes or not session.is_modified(obj):
            continue
        fields = _changes(obj, "change")
        state = sa_inspect(obj)
        unknown = [k for k in fields if not state.attrs[k].history.deleted and obj.id is not None]
        if unknown:
            old = _old_values(session.connection(), obj, unknown)
            for key in unknown:
                fields[key]["before"] = _shown(key, old.get(key))
                if fields[key]["before"] == fields[key]["after"]:
                    del fields[key]
        if fields:
            pending.append((obj, CHANGE, "change", fields))
    for obj in session.deleted:
        if type(obj) in classes:
            pending.append((obj, DELETE, "delete", _changes(obj, "delete")))
    session.info["_audit_pending"] = pending


def capture_changes(session: Session, _flush_context: Any) -> None:
    """``after_flush``: one CREATE/CHANGE/DELETE entry per audited row, field by field."""
    classes = _captured(session)
    work = session.info.pop("_audit_pending", [])
    work += [(obj, CREATE, "create", _changes(obj, "create")) for obj in session.new if type(obj) in classes]
    if not work:
        return
    conn = session.connection()
    user = str(session.info.get("user", "system"))
    cache: dict[int, int | None] = {}
    for obj, action, _mode, fields in work:
        case_id, citizen_id = _where(conn, obj, cache)
        write(
            conn,
            user,
            action,
            object_type=classes[type(obj)],
            object_id=getattr(obj, "id", None),
            citizen_id=citizen_id,
            case_id=case_id,
            details=_fit({"fields": fields}),
        )


def _fit(details: dict[str, Any]) -> str:
    text_ = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    limit = audit_log.MAX_LENGTHS["details"]
    while len(mask_cpr_in(text_)) > limit:
        for change in details["fields"].values():
            for side, value in change.items():
                if isinstance(value, str) and len(value) > 200:
                    change[side] = value[: len(value) // 2] + "…"
        shorter = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
        if len(shorter) >= len(text_):
            return shorter[:limit]
        text_ = shorter
    return text_


# ---------------------------------------------------------------- reading the log


@dataclass(frozen=True, slots=True)
class EntryFilter:
    citizen_id: int | None = None
    user_login: str = ""
    start: datetime | None = None  # inclusive
    end: datetime | None = None  # exclusive


def _citizen_case_ids(session: Session, citizen_id: int) -> list[int]:
    from app.models import Case, FamilyMember

    own = select(Case.id).where(Case.citizen_id == citizen_id)
    family = (
        select(Case.id)
        .join(FamilyMember, FamilyMember.family_id == Case.family_id)
        .where(FamilyMember.citizen_id == citizen_id)
    )
    return sorted(set(session.scalars(own)) | set(session.scalars(family)))


def entry_conditions(
    session: Session,
    citizen_ids: Sequence[int] | None = None,
    user_login: str = "",
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[ColumnElement[bool]]:
    """Where-clauses for entries about any of ``citizen_ids`` (directly, or through the cases
    they are part of; None: anyone), by ``user_login`` (or anyone), in ``[start, end)``."""
    from sqlalchemy import false, or_

    table = AuditEvent.__table__.c
    found: list[ColumnElement[bool]] = []
    if citizen_ids is not None and not citizen_ids:
        found.append(false())  # no citizen: nothing (read no entry at all)
    elif citizen_ids is not None:
        cases = sorted({case for cid in citizen_ids for case in _citizen_case_ids(session, cid)})
        about = table.citizen_id.in_(list(citizen_ids))
        # (no empty IN: SQLite's stand-in for it hides the indexes from the planner)
        found.append(or_(about, table.case_id.in_(cases)) if cases else about)
    if user_login:
        found.append(table.user_login == user_login)
    if start is not None:
        found.append(table.occurred_at >= start)
    if end is not None:
        found.append(table.occurred_at < end)
    return found


def find_entries(session: Session, where: EntryFilter, limit: int | None = None) -> list[AuditEvent]:
    """Entries by citizen (directly, or through the cases the citizen is part of), user and
    period, oldest first."""
    ids = None if where.citizen_id is None else [where.citizen_id]
    stmt = (
        select(AuditEvent)
        .where(*entry_conditions(session, ids, where.user_login, where.start, where.end))
        .order_by(AuditEvent.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))


def stream_entries(session: Session, conditions: Sequence[ColumnElement[bool]]) -> Iterator[Any]:
    """The matching entries as rows, oldest first, read in batches (an export of millions of
    entries holds one batch at a time)."""
    table = AuditEvent.__table__
    stmt = select(table).where(*conditions).order_by(table.c.id).execution_options(yield_per=2000)
    result = session.connection().execute(stmt)
    try:
        yield from result
    finally:
        result.close()  # a failed export ends the server's cursor too


def export_entries(session: Session, conditions: Sequence[ColumnElement[bool]], target: Any) -> int:
    """Write the matching entries to the file ``target`` as CSV, atomically and streamed;
    the number written. (Logging the export is the caller's.)"""
    from app.store.safe_files import write_text_streamed

    counted: list[int] = []
    write_text_streamed(
        target,
        lambda handle: counted.append(write_csv(stream_entries(session, conditions), handle)),
        "utf-8-sig",
    )
    return counted[0]


CSV_COLUMNS = (
    "id",
    "occurred_at",
    "user_login",
    "department",
    "action",
    "object_type",
    "object_id",
    "citizen_id",
    "case_id",
    "purpose",
    "search_term",
    "details",
)


def write_csv(entries: Iterable[Any], target: Any) -> int:
    """The entries (AuditEvent objects or rows) as CSV (semicolon-separated, as Danish
    spreadsheets expect)."""
    import csv

    writer = csv.writer(target, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for e in entries:
        writer.writerow(
            [
                audit_log.format_time(getattr(e, c))
                if c == "occurred_at"
                else ("" if getattr(e, c) is None else getattr(e, c))
                for c in CSV_COLUMNS
            ]
        )
        count += 1
    return count


@dataclass(frozen=True, slots=True)
class AccessLine:
    occurred_at: datetime
    staff: str  # pseudonym, e.g. "Medarbejder 1"
    department: str
    action: str
    case_number: str
    purpose: str


def access_report(session: Session, citizen_id: int) -> list[AccessLine]:
    """Every lookup of a citizen's data (directly or through their cases), staff pseudonymised:
    the same person is the same "Medarbejder n" throughout one report."""
    from app.models import Case

    entries = [
        e for e in find_entries(session, EntryFilter(citizen_id=citizen_id)) if e.action in LOOKUP_ACTIONS
    ]
    case_ids = sorted({e.case_id for e in entries if e.case_id is not None})
    numbers = {
        cid: number
        for cid, number in session.execute(select(Case.id, Case.number).where(Case.id.in_(case_ids)))
    }
    pseudonyms: dict[str, str] = {}
    lines = []
    for e in entries:
        staff = pseudonyms.setdefault(e.user_login, f"Medarbejder {len(pseudonyms) + 1}")
        lines.append(
            AccessLine(
                occurred_at=e.occurred_at,
                staff=staff,
                department=e.department,
                action=e.action,
                case_number=numbers.get(e.case_id, "") if e.case_id is not None else "",
                purpose=e.purpose,
            )
        )
    return lines
