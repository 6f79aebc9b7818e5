"""The SQL of "Min dag": one statement per section, each read through indexes from the
caseworker's own rows (their cases, their tasks, the day's meetings, the agreements they
answer for), never by visiting case after case. Built once; the values are bound
parameters (see :func:`parameters`), so the benchmark replays the very same statements.

Bound parameters: ``me`` (the user's id), ``login`` (their login, as the store stamps
``updated_by``), ``week_end``, ``day_from``/``day_to`` (today's and tomorrow's meetings,
UTC) and ``since`` (how far back a case never looked at counts as changed).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    union,
    union_all,
)

from app.models import (
    Absence,
    AbsenceCase,
    Agreement,
    Case,
    CaseLastSeen,
    Document,
    Intervention,
    JournalEntry,
    Meeting,
    MeetingParticipant,
    PlanVersion,
    Task,
    User,
)
from app.models.base import UTCDateTime
from app.models.enums import AgreementStatus, CaseStatus, MeetingStatus
from app.services.common.clock import start_of_local_day

# A case the user never opened counts as changed by others if changed this many days back.
NEVER_SEEN_DAYS = 14

_C = Case.__table__
_M = Meeting.__table__
_MP = MeetingParticipant.__table__
_T = Task.__table__
_A = Agreement.__table__
_PV = PlanVersion.__table__
_PV_NEWEST = PlanVersion.__table__.alias("pv_newest")
_SEEN = CaseLastSeen.__table__
_U = User.__table__

ME = bindparam("me", type_=Integer())
LOGIN = bindparam("login", type_=String())
WEEK_END = bindparam("week_end", type_=Date())
DAY_FROM = bindparam("day_from", type_=UTCDateTime())
DAY_TO = bindparam("day_to", type_=UTCDateTime())
SINCE = bindparam("since", type_=UTCDateTime())
TODAY = bindparam("today", type_=Date())
_AB = Absence.__table__
_ABC = AbsenceCase.__table__


def week_end(today: date) -> date:
    """The last day of the week the caseworker is working in: this week's Sunday; on a
    Saturday or a Sunday the coming week's (on Sunday evening Monday's work is "this week")."""
    sunday = today + timedelta(days=6 - today.weekday())
    return sunday + timedelta(days=7) if today.weekday() >= 5 else sunday


def parameters(user_id: int, login: str, today: date, now: datetime) -> dict[str, Any]:
    """The bound values of every section's statement."""
    return {
        "me": user_id,
        "login": login,
        "week_end": week_end(today),
        "day_from": start_of_local_day(today),
        "day_to": start_of_local_day(today + timedelta(days=2)),
        "since": now - timedelta(days=NEVER_SEEN_DAYS),
        "today": today,
    }


def _mine() -> ColumnElement[bool]:
    """Cases the user coordinates or is the partner caseworker on (each through its index)."""
    return and_(or_(_C.c.coordinator_id == ME, _C.c.partner_id == ME), _C.c.status != CaseStatus.CLOSED)


def _covered(case: Any, absent_column: Any = None) -> ColumnElement[bool]:
    """``case`` is one I cover today as a deputy (app/services/team/absences.py's rule);
    ``absent_column``, when given, must be the absent one (a task assigned to them)."""
    who = or_(case.c.coordinator_id == _AB.c.user_id, case.c.partner_id == _AB.c.user_id)
    listed = exists(
        select(1)
        .select_from(_ABC)
        .where(_ABC.c.absence_id == _AB.c.id, _ABC.c.case_id == case.c.id)
        .correlate_except(_ABC)  # the case two levels out, the absence one level out
    )
    return exists(
        select(1)
        .select_from(_AB)
        .where(
            _AB.c.deputy_id == ME,
            _AB.c.starts_on <= TODAY,
            _AB.c.ends_on >= TODAY,
            who,
            or_(_AB.c.all_cases.is_(True), listed),
            *(() if absent_column is None else (absent_column == _AB.c.user_id,)),
        )
        .correlate_except(_AB)
    )


@lru_cache(maxsize=1)
def my_cases_statement() -> Select[Any]:
    """My open cases, and whether I coordinate each (the caseload)."""
    return select(_C.c.id, (_C.c.coordinator_id == ME).label("coordinating")).where(_mine()).order_by(_C.c.id)


@lru_cache(maxsize=1)
def meetings_statement() -> Select[Any]:
    """Today's and tomorrow's meetings (not cancelled) of my cases or where I take part; the
    day's meetings are found by their start, then each is checked."""
    taking_part = exists(select(1).select_from(_MP).where(_MP.c.meeting_id == _M.c.id, _MP.c.user_id == ME))
    return (
        select(
            _M.c.id,
            _M.c.case_id,
            _M.c.kind,
            _M.c.status,
            _M.c.starts_at,
            _M.c.ends_at,
            _M.c.place,
            _C.c.number,
            _C.c.title,
            _C.c.coordinator_id,
            _C.c.partner_id,
            taking_part.label("taking_part"),
        )
        .select_from(_M.join(_C, _C.c.id == _M.c.case_id))
        .where(
            _M.c.starts_at >= DAY_FROM,
            _M.c.starts_at < DAY_TO,
            _M.c.status != MeetingStatus.CANCELLED,
            or_(_C.c.coordinator_id == ME, _C.c.partner_id == ME, taking_part, _covered(_C)),
        )
        .order_by(_M.c.starts_at, _M.c.id)
    )


@lru_cache(maxsize=1)
def tasks_statement() -> Select[Any]:
    """My open tasks due by the end of the week (overdue ones too): one range of the
    (assignee, done, due) index."""
    columns = (_T.c.id, _T.c.case_id, _T.c.what, _T.c.due_date, _C.c.number, _C.c.title, _T.c.assigned_to_id)
    own = (
        select(*columns)
        .select_from(_T.outerjoin(_C, _C.c.id == _T.c.case_id))
        .where(_T.c.assigned_to_id == ME, _T.c.done_at.is_(None), _T.c.due_date <= WEEK_END)
    )
    # the open tasks of an absent colleague on the cases I cover for them (from my covered
    # cases through the tasks' case index)
    covering = (
        select(*columns)
        .select_from(_C.join(_T, _T.c.case_id == _C.c.id))
        .where(_T.c.done_at.is_(None), _T.c.due_date <= WEEK_END, _covered(_C, _T.c.assigned_to_id))
    )
    found = union_all(own, covering).subquery("tasks")
    return select(found).order_by(found.c.due_date, found.c.id)


def _agreements_where(*who: ColumnElement[bool]) -> Select[Any]:
    newest = (
        select(func.max(_PV_NEWEST.c.number)).where(_PV_NEWEST.c.case_id == _PV.c.case_id).scalar_subquery()
    )
    return (
        select(
            _A.c.id,
            _A.c.agreement_key,
            _A.c.what,
            _A.c.due_date,
            _A.c.responsible_user_id,
            _PV.c.case_id,
            _C.c.number,
            _C.c.title,
        )
        .select_from(_A.join(_PV, _PV.c.id == _A.c.plan_version_id).join(_C, _C.c.id == _PV.c.case_id))
        .where(
            *who,
            _A.c.status == AgreementStatus.OPEN,
            _A.c.due_date <= WEEK_END,
            _PV.c.number == newest,
            _C.c.status != CaseStatus.CLOSED,
        )
    )


@lru_cache(maxsize=1)
def agreements_statement() -> Select[Any]:
    """Open agreements of each case's newest plan version due by the end of the week (or
    overdue) that I answer for or whose case I coordinate: two index paths, one statement."""
    mine = union(
        _agreements_where(_A.c.responsible_user_id == ME), _agreements_where(_C.c.coordinator_id == ME)
    )
    found = mine.subquery("due")
    return select(found).order_by(found.c.due_date, found.c.number, found.c.id)


# Where a change was made: the table, its case column, its id column, its name here.
_CHANGE_SOURCES: tuple[tuple[Any, str], ...] = (
    (Case.__table__, "case"),
    (PlanVersion.__table__, "plan"),
    (Meeting.__table__, "meeting"),
    (JournalEntry.__table__, "journal"),
    (Task.__table__, "task"),
    (Document.__table__, "document"),
    (Intervention.__table__, "intervention"),
)


@lru_cache(maxsize=1)
def changes_statement() -> Select[Any]:
    """My open cases where someone else changed something after I last looked (a case never
    looked at: in the last NEVER_SEEN_DAYS days): the newest such change per case, who made
    it, and how many rows changed. Each table is read through its case index, for my cases
    only; changes stamped by a login that is no user (the demo, IT's maintenance) do not count."""
    parts = []
    for table, name in _CHANGE_SOURCES:
        # each part starts from my cases (their indexes) and reaches the table through its
        # case index; a shared "my cases" CTE made SQLite scan the table and probe the CTE
        case = _C if name == "case" else _C.alias(f"c_{name}")
        seen = _SEEN.alias(f"seen_{name}")
        source = case if name == "case" else table.join(case, case.c.id == table.c.case_id)
        parts.append(
            select(
                case.c.id.label("case_id"),
                table.c.updated_at.label("at"),
                _U.c.full_name.label("by_name"),
                literal_column(f"'{name}'", String()).label("source"),
                table.c.id.label("item_id"),
            )
            .select_from(
                source.outerjoin(seen, and_(seen.c.case_id == case.c.id, seen.c.user_id == ME)).join(
                    _U, _U.c.login == table.c.updated_by
                )
            )
            .where(
                or_(case.c.coordinator_id == ME, case.c.partner_id == ME),
                case.c.status != CaseStatus.CLOSED,
                table.c.updated_by != LOGIN,
                table.c.updated_at > func.coalesce(seen.c.seen_at, SINCE),
            )
        )
    changes = union_all(*parts).subquery("changes")
    ranked = select(
        changes,
        func.row_number()
        .over(
            partition_by=changes.c.case_id,
            order_by=(changes.c.at.desc(), changes.c.source, changes.c.item_id.desc()),
        )
        .label("newest"),
        func.count().over(partition_by=changes.c.case_id).label("rows_changed"),
    ).subquery("ranked")
    return (
        select(
            ranked.c.case_id,
            ranked.c.at,
            ranked.c.by_name,
            ranked.c.source,
            ranked.c.item_id,
            ranked.c.rows_changed,
            _C.c.number,
            _C.c.title,
        )
        .select_from(ranked.join(_C, _C.c.id == ranked.c.case_id))
        .where(ranked.c.newest == 1)
        .order_by(ranked.c.at.desc(), ranked.c.case_id)
    )
