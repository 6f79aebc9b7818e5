"""Handing a case to another coordinator (and team): a required note for the new coordinator,
who sees it first when they open the case, and an optional period in which the old team may
still read the case. On a shared server the server's function does it (a caseworker's role
cannot write a case out of its own reach); the command ``koordinator hand-over`` and the
family page's dialog both use :func:`hand_over`. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.models import Case, CaseHandOver, User
from app.models.enums import UserRole
from app.services.common.clock import now_utc
from app.store.reach_team import READ_ONLY_MAX_DAYS

HAND_OVER = "hand_over"  # the audit action


class HandOverError(ValueError):
    """A hand-over that cannot be done, with a plain reason."""


@dataclass(frozen=True)
class HandedOver:
    case_number: str
    from_login: str
    to_login: str
    read_only_until: date | None


def check_read_only_until(read_only_until: date | None, today: date) -> None:
    if read_only_until is not None and not today <= read_only_until <= today + timedelta(
        days=READ_ONLY_MAX_DAYS
    ):
        raise HandOverError(f"the read-only period is at most {READ_ONLY_MAX_DAYS} days from today")


def hand_over(
    session: Session,
    case_id: int,
    to_login: str,
    note: str,
    today: date,
    read_only_until: date | None = None,
) -> HandedOver:
    """Make another caseworker the case's coordinator, with the note they read first. Their
    team then reaches the case; on a shared server the old team no longer does (unless
    someone in it is partner), after the read-only period if one is given. Logged with who
    handed it to whom."""
    from app.services.common import audit
    from app.store.reach import uses_reach
    from app.store.reach_sql import REACH_SCHEMA

    if not note.strip():
        raise HandOverError("a hand-over needs a note for the new coordinator")
    check_read_only_until(read_only_until, today)
    case = session.get(Case, case_id, populate_existing=True)
    if case is None:
        raise HandOverError("no such case within your reach")
    target = session.scalar(select(User).where(User.login == to_login.strip()))
    if target is None or not target.active or target.role == UserRole.READ_ONLY:
        raise HandOverError(f"no active caseworker has the login {to_login.strip()!r}")
    if target.id == case.coordinator_id:
        raise HandOverError(f"{target.login} is already the case's coordinator")
    number = case.number
    before = session.get(User, case.coordinator_id)
    from_login = before.login if before is not None else ""
    if uses_reach(session):  # the server's function checks, records and logs it
        session.execute(
            text(f"SELECT {REACH_SCHEMA}.koordinator_hand_over(:case, :login, :note, :until)"),
            {"case": case.id, "login": target.login, "note": note.strip(), "until": read_only_until},
        )
        session.expire(case)
    else:
        audit.record(
            session,
            HAND_OVER,
            object_type="case",
            object_id=case.id,
            case_id=case.id,
            details={
                "from": from_login,
                "to": target.login,
                "read_only_until": read_only_until.isoformat() if read_only_until else None,
            },
        )
        session.add(
            CaseHandOver(
                case_id=case.id,
                from_user_id=case.coordinator_id,
                to_user_id=target.id,
                from_team=before.team if before is not None else "",
                handed_at=now_utc(),
                note=note.strip(),
                read_only_until=read_only_until,
            )
        )
        case.coordinator_id = target.id
        if case.partner_id == target.id:
            case.partner_id = None
        session.flush()
    return HandedOver(number, from_login, target.login, read_only_until)


@dataclass(frozen=True, slots=True)
class HandOverNote:
    """A hand-over as the new coordinator reads it."""

    id: int
    version: int
    from_name: str
    to_name: str
    handed_at: datetime
    note: str
    read_only_until: date | None
    seen_at: datetime | None


def latest_hand_over(session: Session, case_id: int) -> HandOverNote | None:
    """The case's last hand-over, if any."""
    row = session.scalar(
        select(CaseHandOver)
        .where(CaseHandOver.case_id == case_id)
        .order_by(CaseHandOver.handed_at.desc(), CaseHandOver.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    names = dict(
        session.execute(
            select(User.id, User.full_name).where(User.id.in_((row.from_user_id, row.to_user_id)))
        ).all()
    )
    return HandOverNote(
        row.id,
        row.version,
        names.get(row.from_user_id, ""),
        names.get(row.to_user_id, ""),
        row.handed_at,
        row.note,
        row.read_only_until,
        row.seen_at,
    )


_NOT_READ = object()  # latest_hand_over not read yet


def unread_hand_over(
    session: Session, case_id: int, user_id: int, latest: HandOverNote | object | None = _NOT_READ
) -> HandOverNote | None:
    """The hand-over note ``user_id`` has not yet read, when the case was last handed to them
    (``latest``: the case's last hand-over, when the caller has read it already)."""
    if latest is _NOT_READ:
        latest = latest_hand_over(session, case_id)
    if not isinstance(latest, HandOverNote) or latest.seen_at is not None:
        return None
    row = session.get(CaseHandOver, latest.id)
    if row is None or row.to_user_id != user_id:
        return None
    case = session.get(Case, case_id)
    if case is None or case.coordinator_id != user_id:  # handed on again since
        return None
    return latest


def mark_hand_over_read(session: Session, hand_over_id: int, user_id: int) -> None:
    """The new coordinator has read the note (only they can mark it so)."""
    row = session.get(CaseHandOver, hand_over_id, populate_existing=True)
    if row is None or row.to_user_id != user_id or row.seen_at is not None:
        return
    row.seen_at = now_utc()
    session.flush()
