"""A small team's store built by hand for the team overview's and the candidates' tests."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from app.models import (
    Absence,
    AbsenceCase,
    Agreement,
    CaseProfessional,
    Intervention,
    PlanVersion,
    Professional,
    User,
)
from app.models.enums import AbsenceKind, AgreementStatus, CaseStatus, PlanState, Relation, Sector, UserRole
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.team.caseload import set_caseload_settings

_serial = itertools.count(1)
TODAY = date(2026, 12, 3)
DAY = timedelta(days=1)


class TeamBuilder:
    def __init__(self, sessions: sessionmaker[Session], today: date) -> None:
        self.sessions = sessions
        self.today = today

    def user(self, name: str, team: str, role: UserRole = UserRole.CASEWORKER, active: bool = True) -> int:
        with self.sessions.begin() as s:
            user = User(login=name.split()[0].lower(), full_name=name, team=team, role=role, active=active)
            s.add(user)
            s.flush()
            return user.id

    def case(
        self,
        coordinator: int,
        *,
        family: bool = False,
        status: CaseStatus = CaseStatus.ACTIVE,
        follow_up: date | None = None,
        partner: int | None = None,
        people: int = 1,
    ) -> int:
        n = next(_serial)
        members = [
            MemberInput(
                f"Navn{n}x{i}",
                f"Teamsen{n}",
                fictional_cpr(
                    date(1960, 1, 1) + timedelta(days=53 * n + i), i % 2 == 0, random.Random(f"t{n}-{i}")
                ),
                Relation.PARENT if i == 0 else Relation.CHILD,
                custody=i == 0,
            )
            for i in range(people if family else 1)
        ]
        data = CaseInput(
            single_citizen=not family,
            family_name=f"Familien Teamsen{n}" if family else "",
            members=members,
            coordinator_id=coordinator,
            partner_id=partner,
        )
        with self.sessions.begin() as s:
            case = create_case(s, data, self.today - timedelta(days=100))
            case.status = status
            case.follow_up_due = follow_up
            return case.id

    def plan(self, case_id: int, number: int, state: PlanState) -> int:
        with self.sessions.begin() as s:
            version = PlanVersion(case_id=case_id, number=number, state=state)
            if state == PlanState.APPROVED:
                version.approved_on = self.today - timedelta(days=50)
            s.add(version)
            s.flush()
            return version.id

    def agreement(self, plan_id: int, due: date, status: AgreementStatus = AgreementStatus.OPEN) -> int:
        with self.sessions.begin() as s:
            agreement = Agreement(plan_version_id=plan_id, what="Aftale", due_date=due, status=status)
            s.add(agreement)
            s.flush()
            return agreement.id

    def absence(
        self,
        user: int,
        deputy: int,
        starts: date,
        ends: date,
        cases: tuple[int, ...] = (),
        kind=AbsenceKind.HOLIDAY,
    ) -> int:
        with self.sessions.begin() as s:
            absence = Absence(
                user_id=user, deputy_id=deputy, kind=kind, starts_on=starts, ends_on=ends, all_cases=not cases
            )
            absence.cases = [AbsenceCase(case_id=c) for c in cases]
            s.add(absence)
            s.flush()
            return absence.id

    def members_of(self, case_id: int) -> list[int]:
        """The citizens of a case (its family's members, or its single citizen)."""
        from app.models import Case

        with self.sessions() as s:
            case = s.get(Case, case_id)
            assert case is not None
            if case.family is not None:
                return [m.citizen_id for m in case.family.members]
            assert case.citizen_id is not None
            return [case.citizen_id]

    def intervention(
        self,
        case_id: int,
        citizen_id: int,
        sector: Sector,
        *,
        ends: date | None = None,
        professional: int | None = None,
    ) -> int:
        with self.sessions.begin() as s:
            row = Intervention(
                case_id=case_id,
                citizen_id=citizen_id,
                title=f"Indsats {sector.value}",
                sector=sector,
                start_date=self.today - timedelta(days=200),
                end_date=ends,
                professional_id=professional,
            )
            s.add(row)
            s.flush()
            return row.id

    def professional(self, name: str, case_id: int | None = None) -> int:
        with self.sessions.begin() as s:
            pro = Professional(name=name)
            s.add(pro)
            s.flush()
            if case_id is not None:
                s.add(CaseProfessional(case_id=case_id, professional_id=pro.id))
            return pro.id

    def link(self, professional: int, case_id: int) -> None:
        with self.sessions.begin() as s:
            s.add(CaseProfessional(case_id=case_id, professional_id=professional))


# -- the hand-counted team of the overview's tests ---------------------------------------------


@dataclass
class Team:
    users: dict[str, int]
    cases: dict[str, int]


def build_team(sqlite_context) -> Team:  # type: ignore[no-untyped-def]
    """Team A: a lead, Anna and Bo (and Dan, inactive); team B: Carl. Counted by hand."""
    b = TeamBuilder(sqlite_context.sessions, TODAY)
    users = {
        "lead": b.user("Lene Leder", "A", UserRole.TEAM_LEAD),
        "anna": b.user("Anna Andersen", "A"),
        "bo": b.user("Bo Berg", "A"),
        "dan": b.user("Dan Gone", "A", active=False),
        "carl": b.user("Carl Cæsar", "B", UserRole.TEAM_LEAD),
    }
    u = users
    c: dict[str, int] = {}
    # Anna: 1.5 + 1 + 1.5 = 4
    c["A1"] = b.case(u["anna"], family=True, follow_up=TODAY - DAY)  # follow-up overdue
    b.plan(c["A1"], 1, PlanState.APPROVED)
    draft = b.plan(c["A1"], 2, PlanState.DRAFT)  # a revision waiting for approval
    b.agreement(draft, TODAY - 2 * DAY)  # overdue, on the newest version
    c["A2"] = b.case(u["anna"], follow_up=TODAY + 10 * DAY)
    approved = b.plan(c["A2"], 1, PlanState.APPROVED)
    b.agreement(approved, TODAY - 3 * DAY, AgreementStatus.DONE)  # done: not overdue
    c["A3"] = b.case(u["anna"], family=True, status=CaseStatus.PAUSED, follow_up=TODAY - 5 * DAY)  # paused
    c["A4"] = b.case(u["anna"], status=CaseStatus.CLOSED, follow_up=TODAY - 9 * DAY)  # closed: nothing
    c["A5"] = b.case(u["anna"], status=CaseStatus.CANDIDATE)  # a caseworker's candidate
    # Bo: 1 + 1 + 1.5 = 3.5
    c["B1"] = b.case(u["bo"], follow_up=TODAY)  # due today: not overdue
    only_draft = b.plan(c["B1"], 1, PlanState.DRAFT)  # never approved
    b.agreement(only_draft, TODAY - DAY)
    c["B2"] = b.case(u["bo"], partner=u["anna"])
    c["B3"] = b.case(u["bo"], family=True, follow_up=TODAY - 30 * DAY)
    b.agreement(b.plan(c["B3"], 1, PlanState.APPROVED), TODAY)  # due today: not overdue
    # The lead: two candidates without a coordinator, one active case: 1
    c["L1"] = b.case(u["lead"], family=True, status=CaseStatus.CANDIDATE)
    c["L2"] = b.case(u["lead"], status=CaseStatus.CANDIDATE)
    c["L3"] = b.case(u["lead"])
    c["L4"] = b.case(u["lead"], status=CaseStatus.CLOSED)
    # Team B
    c["C1"] = b.case(u["carl"], status=CaseStatus.CANDIDATE)
    c["C2"] = b.case(u["carl"], family=True, follow_up=TODAY - DAY)
    # Absences: Anna away now (all her cases, Bo covers), Bo on a course ahead (B1 only), the lead's
    # is over, Carl's (Anna covers) is team B's
    b.absence(u["anna"], u["bo"], TODAY - DAY, TODAY + 6 * DAY)
    b.absence(u["bo"], u["anna"], TODAY + 10 * DAY, TODAY + 12 * DAY, (c["B1"],), AbsenceKind.COURSE)
    b.absence(u["lead"], u["anna"], TODAY - 20 * DAY, TODAY - DAY)
    b.absence(u["carl"], u["anna"], TODAY, TODAY + DAY)
    with sqlite_context.sessions.begin() as s:
        set_caseload_settings(s, limit=Decimal("3.5"))
    return Team(users, c)
