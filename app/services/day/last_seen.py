"""When a user last looked at a case: opening a case on the family page records it, and
"Min dag" lists the cases others changed since (app/services/day/my_day.py).

Kept apart from the day itself so the family page's opening imports no more than this.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.models import CaseLastSeen, User
from app.store.errors import refused_by_server


def _user_id(session: Session) -> int | None:
    login = str(session.info.get("user", ""))
    return session.scalar(select(User.id).where(User.login == login)) if login else None


def _write(session: Session, user_id: int, case_id: int, seen_at: datetime) -> None:
    table = CaseLastSeen.__table__
    assert isinstance(table, Table)
    updated = session.execute(
        update(table)
        .where(table.c.user_id == user_id, table.c.case_id == case_id)
        .values(seen_at=seen_at, version=table.c.version + 1, updated_by=session.info.get("user", "system"))
    )
    if updated.rowcount:  # type: ignore[attr-defined]
        return
    session.add(CaseLastSeen(user_id=user_id, case_id=case_id, seen_at=seen_at))
    session.flush()


def mark_case_seen(session: Session, case_id: int, seen_at: datetime) -> None:
    """Record that the session's user looked at the case at ``seen_at`` (one row per user
    and case, moved on each time). Written in a transaction of its own, like a lookup's
    audit entry: the caller's session only reads. Nothing is written on a store opened
    read-only, for a login without a user record, for a case that is gone, nor where a
    shared server refuses it (a read-only role, a case out of reach)."""
    if session.info.get("read_only"):
        return
    with Session(bind=session.get_bind(), info=dict(session.info)) as own:
        for attempt in range(2):
            try:
                with own.begin():
                    user_id = _user_id(own)
                    if user_id is None:
                        return
                    _write(own, user_id, case_id, seen_at)
                return
            except IntegrityError:
                # a second window of the same user inserted it first (then update it), or
                # the case was erased meanwhile (then there is nothing to mark)
                if attempt:
                    return
            except DBAPIError as exc:
                # a shared server refuses a read-only role's write, or a case out of reach:
                # not looking there is no reason to fail what the user opened
                if refused_by_server(exc):
                    return
                raise


def last_seen(session: Session, user_id: int, case_id: int) -> datetime | None:
    """When the user last looked at the case (None: never)."""
    return session.scalar(
        select(CaseLastSeen.seen_at).where(CaseLastSeen.user_id == user_id, CaseLastSeen.case_id == case_id)
    )
