"""The team overview for team leads: per coordinator of the team the weighted caseload against
the team's limit, follow-ups overdue, deadlines overdue (the case list's flag: a law's or an
agreement's deadline not done), plans waiting for approval (the newest version of the plan is a
draft), absences and deputies; and the team's candidate cases still held by a team lead — "uden
koordinator". Every figure keeps the cases behind it, so one click lists them. Qt-free.

The team is the users with my team (on a shared server); on a local store, every caseworker."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case, PlanVersion
from app.models.enums import CaseStatus, PlanState, UserRole
from app.services.cases.case_list import overdue_deadlines
from app.services.common.users import UserInfo, list_caseworkers
from app.services.team.absences import AbsenceRow, absences
from app.services.team.caseload import COUNTED, CaseloadSettings, caseload_settings


class Figure(StrEnum):
    """A figure of the overview; each has a list of cases behind it."""

    CASELOAD = "caseload"  # the coordinator's active and paused cases
    FOLLOW_UPS = "follow_ups"  # active cases whose follow-up date has passed
    DEADLINES = "deadlines"  # open cases with a deadline overdue
    PLANS = "plans"  # active and paused cases whose newest plan version is a draft
    ABSENCE = "absence"  # the cases a deputy covers while the coordinator is away
    WITHOUT_COORDINATOR = "without_coordinator"  # candidate cases a team lead holds


@dataclass(frozen=True, slots=True)
class CaseRef:
    """A case as the overview's lists show it (no CPR number, no case text)."""

    id: int
    number: str
    title: str
    status: CaseStatus
    coordinator: str
    follow_up_due: date | None


@dataclass(frozen=True, slots=True)
class CoordinatorFigures:
    user_id: int
    name: str
    role: UserRole
    load: Decimal
    cases: tuple[int, ...]  # counted in the caseload
    follow_ups: tuple[int, ...]
    deadlines: tuple[int, ...]
    plans: tuple[int, ...]
    absences: tuple[AbsenceRow, ...]  # the coordinator's own, current or ahead
    absence_cases: tuple[int, ...]  # what their deputies cover

    def above(self, limit: Decimal) -> bool:
        return self.load > limit

    def behind(self, figure: Figure) -> tuple[int, ...]:
        return {
            Figure.CASELOAD: self.cases,
            Figure.FOLLOW_UPS: self.follow_ups,
            Figure.DEADLINES: self.deadlines,
            Figure.PLANS: self.plans,
            Figure.ABSENCE: self.absence_cases,
        }.get(figure, ())


@dataclass(frozen=True)
class TeamOverview:
    today: date
    team: str | None  # None: every caseworker (a local store)
    settings: CaseloadSettings
    rows: tuple[CoordinatorFigures, ...]
    without_coordinator: tuple[int, ...]
    cases: dict[int, CaseRef] = field(default_factory=dict)

    def row(self, user_id: int) -> CoordinatorFigures | None:
        return next((r for r in self.rows if r.user_id == user_id), None)

    def cases_behind(self, figure: Figure, user_id: int | None = None) -> list[CaseRef]:
        """The cases behind a figure (of one coordinator, or the team's candidates), by number."""
        if figure == Figure.WITHOUT_COORDINATOR:
            ids: tuple[int, ...] = self.without_coordinator
        else:
            row = self.row(user_id) if user_id is not None else None
            ids = row.behind(figure) if row is not None else ()
        return sorted((self.cases[i] for i in ids if i in self.cases), key=lambda c: c.number)


def team_members(session: Session, team: str | None) -> list[UserInfo]:
    """The caseworkers and team leads of ``team`` (every one when None), by name."""
    return [u for u in list_caseworkers(session) if team is None or u.team == team]


_CHUNK = 500  # case ids per IN (...) list: SQLite takes at most 32,766 values in a statement


def _newest_plan_is_draft(session: Session, case_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(case_ids), _CHUNK):
        chunk = case_ids[start : start + _CHUNK]
        newest = (
            select(PlanVersion.case_id, func.max(PlanVersion.number).label("number"))
            .where(PlanVersion.case_id.in_(chunk))
            .group_by(PlanVersion.case_id)
            .subquery()
        )
        found.update(
            session.scalars(
                select(PlanVersion.case_id)
                .join(
                    newest,
                    (newest.c.case_id == PlanVersion.case_id) & (newest.c.number == PlanVersion.number),
                )
                .where(PlanVersion.state == PlanState.DRAFT)
            )
        )
    return found


def team_overview(session: Session, today: date, team: str | None) -> TeamOverview:
    """Every figure of the overview in a fixed number of statements (within reach)."""
    settings = caseload_settings(session)
    members = team_members(session, team)
    by_id = {m.id: m for m in members}
    cases = session.execute(
        select(Case.id, Case.number, Case.title, Case.status, Case.coordinator_id, Case.partner_id)
        .add_columns(Case.follow_up_due, Case.family_id)
        .where(Case.status != CaseStatus.CLOSED, Case.coordinator_id.in_(list(by_id)))
        .order_by(Case.number)
    ).all()
    refs = {
        c.id: CaseRef(c.id, c.number, c.title, c.status, by_id[c.coordinator_id].full_name, c.follow_up_due)
        for c in cases
    }
    open_ids = [c.id for c in cases]
    deadlines = overdue_deadlines(session, today, open_ids) if open_ids else set()
    drafts = _newest_plan_is_draft(session, open_ids) if open_ids else set()
    away = absences(session, today, list(by_id))
    figures: dict[int, dict[Figure, list[int]]] = defaultdict(lambda: defaultdict(list))
    loads: dict[int, Decimal] = defaultdict(Decimal)
    without: list[int] = []
    for c in cases:
        mine = figures[c.coordinator_id]
        if c.status == CaseStatus.CANDIDATE and by_id[c.coordinator_id].role == UserRole.TEAM_LEAD:
            without.append(c.id)
        if c.status in COUNTED:
            mine[Figure.CASELOAD].append(c.id)
            loads[c.coordinator_id] += settings.weight(c.family_id is not None)
            if c.id in drafts:
                mine[Figure.PLANS].append(c.id)
        if c.status == CaseStatus.ACTIVE and c.follow_up_due is not None and c.follow_up_due < today:
            mine[Figure.FOLLOW_UPS].append(c.id)
        if c.id in deadlines:
            mine[Figure.DEADLINES].append(c.id)
    rows = []
    for member in members:
        own = tuple(a for a in away if a.user_id == member.id)
        covered: set[int] = set()
        for absence in own:
            if absence.all_cases:
                covered |= {c.id for c in cases if member.id in (c.coordinator_id, c.partner_id)}
            else:
                covered |= set(absence.case_ids)
        mine = figures[member.id]
        rows.append(
            CoordinatorFigures(
                member.id,
                member.full_name,
                member.role,
                loads[member.id],
                tuple(mine[Figure.CASELOAD]),
                tuple(mine[Figure.FOLLOW_UPS]),
                tuple(mine[Figure.DEADLINES]),
                tuple(mine[Figure.PLANS]),
                own,
                tuple(sorted(covered, key=lambda i: refs[i].number if i in refs else "")),
            )
        )
    return TeamOverview(today, team, settings, tuple(rows), tuple(without), refs)
