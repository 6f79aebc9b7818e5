"""The day the case summaries are kept for (app/store/case_summary_sql.py), moved on.

``cases.next_meeting_at`` and ``cases.turning_18`` depend on the date; the triggers keep
them for the day in ``summary_clock``. When the program finds a new day it moves the clock
and brings up to date the rows the move can change: the cases whose kept next meeting was
before the new day, and those with a person born where the "turning 18" window was or now
is — a few rows a day, however large the store. A move back in time or across more than a
year (a test, a clock set wrong and mended) recomputes every case.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from sqlalchemy import Date, bindparam, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from app.models import SummaryClock
from app.models.base import UTCDateTime
from app.services.common.clock import start_of_local_day
from app.store import case_summary_sql
from app.store.reach import uses_reach

log = logging.getLogger(__name__)

_FULL_AFTER = timedelta(days=366)
# Typed parameters: written as the columns store them (SQLite compares the text).
_PASSED = text(case_summary_sql.NEXT_MEETING_PASSED).bindparams(bindparam("since", type_=UTCDateTime()))
_CHANGED = text(case_summary_sql.TURNING_18_CHANGED).bindparams(
    *(bindparam(name, type_=Date()) for name in ("old_after", "old_by", "new_after", "new_by"))
)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def turning_18_window(today: date) -> tuple[date, date]:
    """Birth dates (exclusive low, inclusive high) of people who turn 18 within 12 months."""
    return _years_before(today, 18), _years_before(today, 17)


def kept_for(session: Session, today: date) -> bool:
    """Whether the kept date-dependent summaries are those of ``today``."""
    return session.scalar(select(SummaryClock.day).where(SummaryClock.id == 1)) == today


def catch_up(sessions: sessionmaker[Session], today: date) -> None:
    """Move the day on in a transaction of its own if a new day has come (the case list
    asks before each load). A store the program may not write to, or a caseworker's role on
    a server, leaves it: the list then computes those sort keys itself, slower but right."""
    try:
        with sessions() as session:
            if uses_reach(session) or kept_for(session, today):
                return
        with sessions.begin() as session:
            move_to(session, today)
    except SQLAlchemyError as exc:  # e.g. a login the server gives no right to the table
        log.warning("The case summaries' day could not be moved on: %s", type(exc).__name__)


def move_to(session: Session, today: date) -> bool:
    """Move the summaries' day to ``today`` (in the caller's transaction); False when it is
    there already. Two programs moving it at once: the second waits for the first's row
    lock, then finds the day moved."""
    old = session.execute(
        select(SummaryClock.day, SummaryClock.born_after, SummaryClock.born_by).where(SummaryClock.id == 1)
    ).one_or_none()
    if old is None or old.day == today:
        return False
    born_after, born_by = turning_18_window(today)
    since = start_of_local_day(today)
    moved = session.execute(
        update(SummaryClock)
        .where(SummaryClock.id == 1, SummaryClock.day == old.day)
        .values(day=today, since=since, born_after=born_after, born_by=born_by)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]  # another program moved it first
        return False
    if today < old.day or today - old.day > _FULL_AFTER:
        session.execute(text(case_summary_sql.EVERY_DATE_SUMMARY))
        return True
    session.execute(_PASSED, {"since": since})
    session.execute(
        _CHANGED,
        {"old_after": old.born_after, "old_by": old.born_by, "new_after": born_after, "new_by": born_by},
    )
    return True
