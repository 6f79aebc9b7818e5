"""What every edit of a stored row shares: the version check and blocking problems."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from app.services.common.text import stored_length, unstorable
from app.services.common.users import list_caseworkers
from app.services.common.validation import FieldProblem, Problem, ValidationError


class ConcurrentEditError(RuntimeError):
    """Someone else saved this row after it was read: nothing was stored."""


class RowGoneError(LookupError):
    """The row was deleted (by someone else) after it was read."""


def load_for_edit(session: Session, model: type[Any], row_id: int, expected_version: int | None) -> Any:
    """The row to change, refusing when it is gone or was changed since ``expected_version``.

    The row is read fresh and locked until the transaction ends (``FOR UPDATE`` on
    PostgreSQL; on SQLite the store's write lock, see :func:`hold_write_lock`): a second
    client saving at the same moment waits, then sees the new version and is refused,
    instead of both passing the check. The ORM's version column stays the last line of
    defence at flush.
    """
    hold_write_lock(session)
    from app.store.reach import lock_row

    lock_row(session, model.__tablename__, row_id)  # a caseworker's role on a shared server
    obj = session.get(model, row_id, with_for_update=True, populate_existing=True)
    if obj is None:
        raise RowGoneError(f"{model.__tablename__} {row_id}")
    if expected_version is not None and obj.version != expected_version:
        raise ConcurrentEditError(f"{model.__tablename__} {row_id}")
    return obj


def hold_write_lock(session: Session) -> None:
    """On SQLite: take the store's write lock now (``BEGIN IMMEDIATE``), before the row is read.

    Python's sqlite3 driver begins a transaction only at the first write, so a row read
    before it is read without any lock: another program could save between the read (and
    its version check) and the write, which then fails as ``StaleDataError`` or overwrites
    what was read. Holding the write lock from the read on makes the check and the write one
    step, as ``FOR UPDATE`` does on PostgreSQL. A transaction already writing holds it.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    if dbapi is None or getattr(dbapi, "in_transaction", True):
        return
    if getattr(dbapi, "isolation_level", "") is None:
        return  # the driver's autocommit mode: whoever set it begins transactions itself
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def raise_if_blocking(problems: list[FieldProblem]) -> None:
    blocking = [p for p in problems if p.blocking]
    if blocking:
        raise ValidationError(blocking)


def required(problems: list[FieldProblem], field: str, value: str, max_length: int = 0) -> None:
    if not value.strip():
        problems.append(FieldProblem(field, Problem.REQUIRED))
    elif max_length and len(value.strip()) > max_length:
        problems.append(FieldProblem(field, Problem.TOO_LONG))


def open_case(session: Session, case_id: int) -> Any:
    """The case to change; refused when it does not exist or is closed."""
    from app.models import Case
    from app.models.enums import CaseStatus

    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError([FieldProblem("case", Problem.REQUIRED)])
    if case.status == CaseStatus.CLOSED:
        raise ValidationError([FieldProblem("case", Problem.CASE_CLOSED)])
    return case


def case_citizen_ids(session: Session, case_id: int) -> frozenset[int]:
    """The citizens of a case: its own citizen, or every member of its family (one read)."""
    from sqlalchemy import select

    from app.models import Case, FamilyMember

    case = session.get(Case, case_id)  # usually loaded already: no read
    if case is None:
        return frozenset()
    if case.family_id is None:
        return frozenset() if case.citizen_id is None else frozenset({case.citizen_id})
    return frozenset(
        session.scalars(select(FamilyMember.citizen_id).where(FamilyMember.family_id == case.family_id))
    )


def citizen_in_case(session: Session, case_id: int, citizen_id: int) -> bool:
    """Whether the citizen is the case's citizen or a member of its family."""
    return citizen_id in case_citizen_ids(session, case_id)


def check_stored_text(session: Session, _context: Any, _instances: Any) -> None:
    """Before every flush: no text longer than its column, no NUL or broken character.

    PostgreSQL enforces the lengths (a save failed with DataError and the editor retried it
    for ever) while SQLite keeps any length (a 10 MB section was stored): this holds both
    stores to the same limits, on every write path, as a ValidationError naming
    ``table.column``. The services check their fields first, to name them for the user."""
    problems: list[FieldProblem] = []
    new = set(session.new)
    for obj in (*session.new, *session.dirty):
        table = getattr(obj, "__table__", None)
        if table is None:
            continue
        state = sa_inspect(obj)
        for column in table.columns:
            if column.key not in obj.__dict__:
                continue
            if obj not in new and not state.attrs[column.key].history.has_changes():
                continue  # only what this flush writes (an old over-long value stays readable)
            value = obj.__dict__[column.key]
            if not isinstance(value, str):
                continue
            limit = getattr(column.type, "length", None)
            if unstorable(value):
                problems.append(FieldProblem(f"{table.name}.{column.key}", Problem.BAD_CHARACTERS))
            elif limit is not None and stored_length(value) > limit:
                problems.append(FieldProblem(f"{table.name}.{column.key}", Problem.TOO_LONG))
    if problems:
        raise ValidationError(problems)


def saved_stamp(session: Session, model: type[Any], row_id: int) -> tuple[str, datetime | None]:
    """Who saved a tracked row last and when (the caseworker's name when known).

    Raises RowGoneError when the row is no longer there.
    """
    row = session.get(model, row_id, populate_existing=True)
    if row is None:
        raise RowGoneError(f"{model.__tablename__} {row_id}")
    login = str(row.updated_by or "")
    names = {user.login: user.full_name for user in list_caseworkers(session)}
    return names.get(login) or login, row.updated_at
