"""What a caseworker starts the day with: "Min dag".

Today's and tomorrow's meetings, tasks due this week or overdue, follow-ups and deadlines
due this week, agreements due, cases others changed since I last looked, and my caseload.
Each line says where it opens (a case and a place in it). One statement per section
(app/services/day/day_sql.py) plus the deadline engine's fixed handful for my cases; on a
shared server everything is read through the caseworker's reach.

Times are shown in Copenhagen time whatever the laptop's zone (app/services/common/clock.py).
Reading the day is a lookup of the cases it lists: one audit entry names them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from app.models.enums import MeetingKind, MeetingStatus
from app.services.cases.deadlines import Deadline, RuleKind, Trigger, deadlines_for_cases, load_rules
from app.services.common import audit
from app.services.common.clock import aware_utc, to_local
from app.services.common.users import UserInfo
from app.services.day import day_sql
from app.services.team.caseload import caseload_of, caseload_settings
from app.store.reach import narrowed_to

# At most this many case ids in one audit entry (the entry's details hold 20,000 characters).
AUDIT_CASES_PER_ENTRY = 2000


class Place(StrEnum):
    """Where a line of the day opens its case."""

    FAMILY = "family"  # the family page's overview
    PLAN = "plan"  # the plan page
    MEETING = "meeting"  # the meeting in the calendar
    TASK = "task"  # the task on the case's tasks tab
    JOURNAL = "journal"  # the entry on the case's journal tab
    DOCUMENT = "document"  # the document on the case's documents tab


@dataclass(frozen=True, slots=True)
class Opens:
    case_id: int | None  # None: a task of no case
    place: Place
    item_id: int | None = None


class MeetingRole(StrEnum):
    COORDINATOR = "coordinator"
    PARTNER = "partner"
    PARTICIPANT = "participant"
    DEPUTY = "deputy"  # I cover the case for an absent colleague


@dataclass(frozen=True, slots=True)
class DayMeeting:
    id: int
    opens: Opens
    case_number: str
    case_title: str
    kind: MeetingKind
    status: MeetingStatus
    starts_at: datetime  # Copenhagen time
    ends_at: datetime
    place: str
    role: MeetingRole


@dataclass(frozen=True, slots=True)
class DayTask:
    id: int
    opens: Opens
    case_number: str  # "" for a task of no case
    case_title: str
    what: str
    due: date
    overdue: bool
    covering: bool = False  # an absent colleague's task on a case I cover


@dataclass(frozen=True, slots=True)
class DayDeadline:
    opens: Opens
    deadline: Deadline
    overdue: bool
    follow_up: bool  # the case's own follow-up date (cases.follow_up_due)
    cites_law: bool = True  # a deadline of the law (not the case's own date): its section is shown


@dataclass(frozen=True, slots=True)
class DayAgreement:
    id: int
    agreement_key: str
    opens: Opens
    case_number: str
    case_title: str
    what: str
    due: date
    overdue: bool
    mine: bool  # I am the one responsible (else: I coordinate the case)


class ChangeSource(StrEnum):
    CASE = "case"
    PLAN = "plan"
    MEETING = "meeting"
    JOURNAL = "journal"
    TASK = "task"
    DOCUMENT = "document"
    INTERVENTION = "intervention"


_OPENS_AT: dict[ChangeSource, Place] = {
    ChangeSource.CASE: Place.FAMILY,
    ChangeSource.PLAN: Place.PLAN,
    ChangeSource.MEETING: Place.MEETING,
    ChangeSource.JOURNAL: Place.JOURNAL,
    ChangeSource.TASK: Place.TASK,
    ChangeSource.DOCUMENT: Place.DOCUMENT,
    ChangeSource.INTERVENTION: Place.FAMILY,
}


@dataclass(frozen=True, slots=True)
class DayChange:
    opens: Opens  # the newest change's place
    case_number: str
    case_title: str
    changed_at: datetime  # the newest change, Copenhagen time
    changed_by: str  # who made it (full name)
    source: ChangeSource
    rows_changed: int  # rows others changed since I looked


@dataclass(frozen=True, slots=True)
class Caseload:
    coordinating: int  # my open cases as coordinator
    partner: int  # my open cases as partner caseworker
    load: Decimal  # my weighted caseload (app.services.team.caseload: what the limit is about)
    limit: Decimal  # the team's limit (a store setting)

    @property
    def above_limit(self) -> bool:
        return self.load > self.limit


@dataclass(frozen=True)
class MyDay:
    today: date
    week_end: date
    meetings_today: tuple[DayMeeting, ...]
    meetings_tomorrow: tuple[DayMeeting, ...]
    tasks: tuple[DayTask, ...]
    deadlines: tuple[DayDeadline, ...]
    agreements: tuple[DayAgreement, ...]
    changes: tuple[DayChange, ...]
    caseload: Caseload

    @property
    def case_ids(self) -> frozenset[int]:
        """Every case a line names (the lookup the audit log records)."""
        lines: Iterable[Any] = (
            *self.meetings_today,
            *self.meetings_tomorrow,
            *self.tasks,
            *self.deadlines,
            *self.agreements,
            *self.changes,
        )
        return frozenset(line.opens.case_id for line in lines if line.opens.case_id is not None)


def _meetings(rows: Iterable[Any], user_id: int, today: date) -> tuple[list[DayMeeting], list[DayMeeting]]:
    today_list: list[DayMeeting] = []
    tomorrow_list: list[DayMeeting] = []
    for row in rows:
        if row.coordinator_id == user_id:
            role = MeetingRole.COORDINATOR
        elif row.partner_id == user_id:
            role = MeetingRole.PARTNER
        elif row.taking_part:
            role = MeetingRole.PARTICIPANT
        else:
            role = MeetingRole.DEPUTY
        starts = to_local(aware_utc(row.starts_at))
        meeting = DayMeeting(
            id=row.id,
            opens=Opens(row.case_id, Place.MEETING, row.id),
            case_number=row.number,
            case_title=row.title,
            kind=MeetingKind(row.kind),
            status=MeetingStatus(row.status),
            starts_at=starts,
            ends_at=to_local(aware_utc(row.ends_at)),
            place=row.place,
            role=role,
        )
        (today_list if starts.date() == today else tomorrow_list).append(meeting)
    return today_list, tomorrow_list


def _tasks(rows: Iterable[Any], user_id: int, today: date) -> list[DayTask]:
    return [
        DayTask(
            id=row.id,
            opens=Opens(row.case_id, Place.TASK, row.id),
            case_number=row.number or "",
            case_title=row.title or "",
            what=row.what,
            due=_day(row.due_date),
            overdue=_day(row.due_date) < today,
            covering=row.assigned_to_id != user_id,
        )
        for row in rows
    ]


def _day(value: date | str) -> date:
    """A stored day (SQLite hands back text from a union's column)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _deadlines(session: Session, case_ids: list[int], today: date, end: date) -> list[DayDeadline]:
    """Follow-ups and the laws' deadlines of my cases due by ``end`` and not done (agreements
    have a section of their own)."""
    rules = [r for r in load_rules() if r.trigger != Trigger.AGREEMENT_DUE]
    triggers = {r.code: r.trigger for r in rules}
    out = []
    for deadline in deadlines_for_cases(session, case_ids, today, rules=rules):
        if deadline.done or not deadline.shown(today, (end - today).days):
            continue  # a reminder is shown for a while after its day, never as overdue
        # the measure or person it concerns (barnets plan: recorded on the intervention)
        out.append(
            DayDeadline(
                opens=Opens(deadline.case_id, Place.FAMILY),
                deadline=deadline,
                overdue=deadline.overdue(today),
                follow_up=triggers.get(deadline.rule_code) == Trigger.FOLLOW_UP,
                cites_law=deadline.kind != RuleKind.OWN,
            )
        )
    return out


def _agreements(rows: Iterable[Any], user_id: int, today: date) -> list[DayAgreement]:
    return [
        DayAgreement(
            id=row.id,
            agreement_key=row.agreement_key,
            opens=Opens(row.case_id, Place.PLAN, row.id),
            case_number=row.number,
            case_title=row.title,
            what=row.what,
            due=row.due_date,
            overdue=row.due_date < today,
            mine=row.responsible_user_id == user_id,
        )
        for row in rows
    ]


def _changes(rows: Iterable[Any]) -> list[DayChange]:
    out = []
    for row in rows:
        source = ChangeSource(row.source)
        out.append(
            DayChange(
                opens=Opens(
                    row.case_id, _OPENS_AT[source], None if source == ChangeSource.CASE else row.item_id
                ),
                case_number=row.number,
                case_title=row.title,
                changed_at=to_local(aware_utc(row.at)),
                changed_by=row.by_name,
                source=source,
                rows_changed=int(row.rows_changed),
            )
        )
    return out


def my_day(
    session: Session,
    user: UserInfo,
    today: date,
    now: datetime,
    *,
    already_logged: frozenset[int] = frozenset(),
) -> MyDay:
    """The user's day. ``today`` is the Copenhagen day, ``now`` the moment (aware).

    Logged as a lookup of the cases listed — once: a re-read that lists no case beyond
    ``already_logged`` (those the screen showed and logged before) writes no entry."""
    conn = session.connection()
    values = day_sql.parameters(user.id, user.login, today, now)
    mine = conn.execute(day_sql.my_cases_statement(), values).all()
    case_ids = [row.id for row in mine]
    meetings_today, meetings_tomorrow = _meetings(
        conn.execute(day_sql.meetings_statement(), values), user.id, today
    )
    tasks = _tasks(conn.execute(day_sql.tasks_statement(), values), user.id, today)
    deadlines = _deadlines(session, case_ids, today, values["week_end"])
    agreements = _agreements(conn.execute(day_sql.agreements_statement(), values), user.id, today)
    with narrowed_to(session, case_ids):
        changes = _changes(session.connection().execute(day_sql.changes_statement(), values))
    coordinating = sum(1 for row in mine if row.coordinating)
    settings = caseload_settings(session)
    load = caseload_of(session, user.id, settings)
    day = MyDay(
        today=today,
        week_end=values["week_end"],
        meetings_today=tuple(meetings_today),
        meetings_tomorrow=tuple(meetings_tomorrow),
        tasks=tuple(tasks),
        deadlines=tuple(deadlines),
        agreements=tuple(agreements),
        changes=tuple(changes),
        caseload=Caseload(coordinating, len(mine) - coordinating, load, settings.limit),
    )
    listed = day.case_ids
    if listed - already_logged:
        ids = sorted(listed)
        for start in range(0, len(ids), AUDIT_CASES_PER_ENTRY):
            chunk = ids[start : start + AUDIT_CASES_PER_ENTRY]
            audit.record_now(session, audit.SEARCH, object_type="my_day", details={"cases": chunk})
    return day
