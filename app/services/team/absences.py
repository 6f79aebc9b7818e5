"""Cover while away: an absence (holiday, illness, course) with dates and a deputy for all or
some of the absent caseworker's cases. During the period the deputy reaches those cases (on a
shared server the reach rules say so by date, app/store/reach_team.py), gets their meetings and
tasks in "Min dag" and the calendar, and the families' plan names whom to call. It ends by
itself: nothing is changed when it ends. Qt-free."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, exists, or_, select, true
from sqlalchemy.orm import Session

from app.models import Absence, AbsenceCase, Case, Meeting, User
from app.models.enums import AbsenceKind, UserRole
from app.services.common.editing import load_for_edit
from app.services.common.validation import FieldProblem, Problem, ValidationError

# An absence further ahead or longer than this is a typing error, not a plan.
MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class AbsenceInput:
    user_id: int
    deputy_id: int
    kind: AbsenceKind
    starts_on: date
    ends_on: date
    all_cases: bool = True
    case_ids: tuple[int, ...] = ()
    note: str = ""


def validate_absence(session: Session, data: AbsenceInput, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    deputy = session.get(User, data.deputy_id)
    if deputy is None or not deputy.active or deputy.role == UserRole.READ_ONLY:
        problems.append(FieldProblem("deputy", Problem.REQUIRED))
    elif data.deputy_id == data.user_id:
        problems.append(FieldProblem("deputy", Problem.SAME_PARTNER))
    if data.ends_on < data.starts_on:
        problems.append(FieldProblem("ends_on", Problem.END_BEFORE_START))
    elif (data.ends_on - data.starts_on).days > MAX_DAYS or (data.starts_on - today).days > MAX_DAYS:
        problems.append(FieldProblem("ends_on", Problem.OUT_OF_RANGE))
    if data.ends_on < today:
        problems.append(FieldProblem("ends_on", Problem.IN_PAST))
    if not data.all_cases and not data.case_ids:
        problems.append(FieldProblem("cases", Problem.REQUIRED))
    if len(data.note) > 500:
        problems.append(FieldProblem("note", Problem.TOO_LONG))
    if not data.all_cases and data.case_ids:
        own = set(_cases_of(session, data.user_id, data.case_ids))
        if own != set(data.case_ids):  # a case that is not the absent one's to hand on
            problems.append(FieldProblem("cases", Problem.OUT_OF_RANGE))
    return problems


def _cases_of(session: Session, user_id: int, case_ids: Iterable[int]) -> list[int]:
    return list(
        session.scalars(
            select(Case.id).where(
                Case.id.in_(list(case_ids)), or_(Case.coordinator_id == user_id, Case.partner_id == user_id)
            )
        )
    )


def plan_absence(session: Session, data: AbsenceInput, today: date) -> Absence:
    """Store an absence (logged). Refused with the problems by field when it cannot be."""
    problems = validate_absence(session, data, today)
    if problems:
        raise ValidationError(problems)
    absence = Absence(
        user_id=data.user_id,
        deputy_id=data.deputy_id,
        kind=data.kind,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        all_cases=data.all_cases,
        note=data.note.strip(),
    )
    session.add(absence)
    session.flush()
    if not data.all_cases:
        for case_id in sorted(set(data.case_ids)):
            session.add(AbsenceCase(absence_id=absence.id, case_id=case_id))
        session.flush()
    _log(session, "create", absence, data)
    return absence


def end_absence(session: Session, absence_id: int, version: int | None, today: date) -> None:
    """End an absence early (back today): it ends yesterday, or is removed if not yet begun."""
    from datetime import timedelta

    absence = load_for_edit(session, Absence, absence_id, version)
    if absence.starts_on >= today:
        session.delete(absence)
    else:
        absence.ends_on = max(absence.starts_on, today - timedelta(days=1))
    session.flush()
    from app.services.common import audit

    audit.record(
        session,
        audit.CHANGE,
        object_type="absence",
        object_id=absence_id,
        details={"ended": today.isoformat()},
    )


def _log(session: Session, how: str, absence: Absence, data: AbsenceInput) -> None:
    from app.services.common import audit

    audit.record(
        session,
        audit.CREATE if how == "create" else audit.CHANGE,
        object_type="absence",
        object_id=absence.id,
        details={
            "user_id": data.user_id,
            "deputy_id": data.deputy_id,
            "kind": data.kind.value,
            "from": data.starts_on.isoformat(),
            "to": data.ends_on.isoformat(),
            "cases": "all" if data.all_cases else sorted(set(data.case_ids)),
        },
    )


@dataclass(frozen=True, slots=True)
class AbsenceRow:
    id: int
    version: int
    user_id: int
    user_name: str
    deputy_id: int
    deputy_name: str
    kind: AbsenceKind
    starts_on: date
    ends_on: date
    all_cases: bool
    case_ids: tuple[int, ...] = field(default=())
    note: str = ""

    def covers_day(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def absences(session: Session, since: date, user_ids: Iterable[int] | None = None) -> list[AbsenceRow]:
    """Absences not ended before ``since`` (of these users, or every one within reach), by start."""
    stmt = select(Absence).where(Absence.ends_on >= since).order_by(Absence.starts_on, Absence.id)
    if user_ids is not None:
        ids = list(user_ids)
        stmt = stmt.where(or_(Absence.user_id.in_(ids), Absence.deputy_id.in_(ids)))
    rows = list(session.scalars(stmt))
    names = dict(session.execute(select(User.id, User.full_name)).all()) if rows else {}
    listed: dict[int, list[int]] = {}
    if rows:
        for absence_id, case_id in session.execute(
            select(AbsenceCase.absence_id, AbsenceCase.case_id).where(
                AbsenceCase.absence_id.in_([r.id for r in rows])
            )
        ):
            listed.setdefault(absence_id, []).append(case_id)
    return [
        AbsenceRow(
            r.id,
            r.version,
            r.user_id,
            names.get(r.user_id, ""),
            r.deputy_id,
            names.get(r.deputy_id, ""),
            r.kind,
            r.starts_on,
            r.ends_on,
            r.all_cases,
            tuple(sorted(listed.get(r.id, []))),
            r.note,
        )
        for r in rows
    ]


def _covering(day: Any):  # type: ignore[no-untyped-def]
    """The condition that an absence in ``Absence`` covers case ``Case`` on ``day``."""
    return and_(
        Absence.starts_on <= day,
        Absence.ends_on >= day,
        or_(Case.coordinator_id == Absence.user_id, Case.partner_id == Absence.user_id),
        or_(
            Absence.all_cases.is_(True),
            exists().where(AbsenceCase.absence_id == Absence.id, AbsenceCase.case_id == Case.id),
        ),
    )


def covered_cases(deputy: Any, day: Any) -> Select[Any]:
    """The ids of the cases ``deputy`` covers on ``day`` (values or bound parameters), as a
    statement to use inside another (the case list's "my cases")."""
    return select(Case.id).join(Absence, Absence.deputy_id == deputy).where(_covering(day))


def covered_case_ids(session: Session, deputy_id: int, day: date) -> list[int]:
    """The cases ``deputy_id`` covers on ``day`` (the same rule as the server's reach)."""
    return list(
        session.scalars(
            select(Case.id)
            .join(Absence, Absence.deputy_id == deputy_id)
            .where(_covering(day))
            .distinct()
            .order_by(Case.id)
        )
    )


@dataclass(frozen=True, slots=True)
class Cover:
    """Who covers a case today, for whom, until when (the plan's "whom to call")."""

    absent_id: int
    absent_name: str
    deputy_id: int
    deputy_name: str
    deputy_phone: str
    deputy_email: str
    until: date


def case_cover(session: Session, case_id: int, day: date) -> Cover | None:
    """The deputy covering the case's coordinator on ``day``, if the coordinator is away."""
    row = session.execute(
        select(Absence)
        .join(Case, Case.id == case_id)
        .where(_covering(day), Absence.user_id == Case.coordinator_id)
        .order_by(Absence.starts_on.desc(), Absence.id.desc())
        .limit(1)
    ).scalar()
    if row is None:
        return None
    absent = session.get(User, row.user_id)
    deputy = session.get(User, row.deputy_id)
    if absent is None or deputy is None:
        return None
    return Cover(
        absent.id, absent.full_name, deputy.id, deputy.full_name, deputy.phone, deputy.email, row.ends_on
    )


def deputy_periods(
    session: Session, deputy_id: int, first: date, last: date
) -> list[tuple[date, date, list[int]]]:
    """The periods in [first, last] in which ``deputy_id`` covers cases, with those cases."""
    out = []
    for absence in session.scalars(
        select(Absence).where(
            Absence.deputy_id == deputy_id, Absence.starts_on <= last, Absence.ends_on >= first
        )
    ):
        case_ids = list(
            session.scalars(
                select(Case.id).where(
                    or_(Case.coordinator_id == absence.user_id, Case.partner_id == absence.user_id),
                    true()
                    if absence.all_cases
                    else exists().where(AbsenceCase.absence_id == absence.id, AbsenceCase.case_id == Case.id),
                )
            )
        )
        if case_ids:
            out.append((max(first, absence.starts_on), min(last, absence.ends_on), case_ids))
    return out


def covered_meetings(session: Session, deputy_id: int, start: datetime, end: datetime) -> list[Meeting]:
    """The meetings in [start, end) of the cases ``deputy_id`` covers, on the days they cover them."""
    from datetime import timedelta

    from app.services.common.clock import start_of_local_day, to_local

    found: list[Meeting] = []
    first, last = to_local(start).date(), to_local(end).date()
    for period_start, period_end, case_ids in deputy_periods(session, deputy_id, first, last):
        lower = max(start, start_of_local_day(period_start))
        upper = min(end, start_of_local_day(period_end + timedelta(days=1)))
        found += session.scalars(
            select(Meeting).where(
                Meeting.case_id.in_(case_ids), Meeting.starts_at >= lower, Meeting.starts_at < upper
            )
        )
    return found


@dataclass(frozen=True, slots=True)
class CaseChoice:
    id: int
    number: str
    title: str


def cases_to_cover(session: Session, user_id: int) -> list[CaseChoice]:
    """The open cases a caseworker is coordinator or partner of (to choose which a deputy covers)."""
    from app.models.enums import CaseStatus

    rows = session.scalars(
        select(Case)
        .where(
            or_(Case.coordinator_id == user_id, Case.partner_id == user_id), Case.status != CaseStatus.CLOSED
        )
        .order_by(Case.number)
    )
    return [CaseChoice(c.id, c.number, c.title) for c in rows]
