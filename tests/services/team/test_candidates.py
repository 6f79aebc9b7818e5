"""Candidates for coordination against a store built by hand: exactly the citizens with running
interventions from three or more sectors and the families with four or more professionals,
none with a coordinating case; one step makes a candidate case held by the team lead."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseStatus, Sector, UserRole
from app.services.team.candidates import (
    CandidateKind,
    CandidateTakenError,
    candidates,
    create_candidate_case,
)
from app.services.team.overview import Figure, team_overview
from tests.services.team.team_builders import TeamBuilder

TODAY = date(2026, 12, 3)
DAY = timedelta(days=1)
S = Sector


@pytest.fixture
def store(sqlite_context):  # type: ignore[no-untyped-def]
    b = TeamBuilder(sqlite_context.sessions, TODAY)
    lead = b.user("Lene Leder", "A", UserRole.TEAM_LEAD)
    anna = b.user("Anna Andersen", "A")
    expected: dict[str, int] = {}

    def citizen_case(status: CaseStatus, sectors: list[Sector], ends: list[date | None] | None = None) -> int:
        case = b.case(anna, status=status)
        [citizen] = b.members_of(case)
        for sector, end in zip(sectors, ends or [None] * len(sectors), strict=True):
            b.intervention(case, citizen, sector, ends=end)
        return citizen

    # citizens, all cases closed
    expected["three"] = citizen_case(CaseStatus.CLOSED, [S.HEALTH, S.EMPLOYMENT, S.SOCIAL_ADULTS])
    expected["four"] = citizen_case(CaseStatus.CLOSED, [S.HEALTH, S.EMPLOYMENT, S.SOCIAL_ADULTS, S.EDUCATION])
    expected["ends_today"] = citizen_case(
        CaseStatus.CLOSED, [S.HEALTH, S.EMPLOYMENT, S.YOUTH], [None, None, TODAY]
    )
    # not candidates
    citizen_case(CaseStatus.CLOSED, [S.HEALTH, S.EMPLOYMENT])  # two sectors
    citizen_case(CaseStatus.CLOSED, [S.HEALTH, S.HEALTH, S.EMPLOYMENT])  # two sectors, three interventions
    citizen_case(CaseStatus.CLOSED, [S.HEALTH, S.EMPLOYMENT, S.YOUTH], [None, None, TODAY - DAY])  # one ended
    for status in (CaseStatus.ACTIVE, CaseStatus.PAUSED, CaseStatus.CANDIDATE):  # already coordinated
        citizen_case(status, [S.HEALTH, S.EMPLOYMENT, S.SOCIAL_ADULTS])
    # a citizen whose interventions sit in a closed case but who is in an open family case
    family_case = b.case(anna, family=True, people=2)
    mum = b.members_of(family_case)[0]
    old = b.case(anna, status=CaseStatus.CLOSED)
    for sector in (S.HEALTH, S.EMPLOYMENT, S.SOCIAL_ADULTS):
        b.intervention(old, mum, sector)
    # families, cases closed
    fam4 = b.case(anna, family=True, people=2, status=CaseStatus.CLOSED)
    pros = [b.professional(f"Pro {i}") for i in range(6)]
    for pro in pros[:3]:
        b.link(pro, fam4)
    b.intervention(fam4, b.members_of(fam4)[1], S.EDUCATION, professional=pros[3])  # the fourth
    expected["family4"] = fam4
    fam3 = b.case(anna, family=True, people=2, status=CaseStatus.CLOSED)  # three (one linked twice)
    for pro in (pros[0], pros[1], pros[2]):
        b.link(pro, fam3)
    b.intervention(fam3, b.members_of(fam3)[0], S.HEALTH, professional=pros[0])
    fam_open = b.case(anna, family=True, people=2)  # four, but an active case
    for pro in pros[:4]:
        b.link(pro, fam_open)
    return sqlite_context, lead, expected, b


def _family_id(ctx, case_id: int) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return s.get(Case, case_id).family_id


def test_exactly_the_right_citizens_and_families(store) -> None:  # type: ignore[no-untyped-def]
    ctx, _lead, expected, _b = store
    with ctx.sessions() as s:
        found = candidates(s, TODAY)
    families = [c for c in found if c.kind == CandidateKind.FAMILY]
    people = [c for c in found if c.kind == CandidateKind.CITIZEN]
    assert [c.id for c in families] == [_family_id(ctx, expected["family4"])]
    assert families[0].professionals == 4
    assert {c.id for c in people} == {expected["three"], expected["four"], expected["ends_today"]}
    four = next(c for c in people if c.id == expected["four"])
    assert len(four.sectors) == 4
    assert [c.name for c in people] == sorted(c.name for c in people)


def test_one_step_makes_a_candidate_case_the_lead_holds_and_it_leaves_the_list(store) -> None:  # type: ignore[no-untyped-def]
    ctx, lead, expected, _b = store
    with ctx.sessions() as s:
        found = candidates(s, TODAY)
    family = next(c for c in found if c.kind == CandidateKind.FAMILY)
    citizen = next(c for c in found if c.id == expected["three"])
    with ctx.sessions.begin() as s:
        made = [create_candidate_case(s, c, lead, TODAY).id for c in (family, citizen)]
    with ctx.sessions() as s:
        rows = [s.get(Case, i) for i in made]
        assert [(r.status, r.coordinator_id, r.title) for r in rows] == [
            (CaseStatus.CANDIDATE, lead, family.name),
            (CaseStatus.CANDIDATE, lead, citizen.name),
        ]
        assert rows[0].family_id == family.id and rows[1].citizen_id == citizen.id
        assert rows[0].follow_up_due is None
        left = {(c.kind, c.id) for c in candidates(s, TODAY)}
        assert (family.kind, family.id) not in left and (citizen.kind, citizen.id) not in left
        overview = team_overview(s, TODAY, "A")  # "uden koordinator" in the team overview
    assert [c.id for c in overview.cases_behind(Figure.WITHOUT_COORDINATOR)] == made
    with ctx.sessions.begin() as s, pytest.raises(CandidateTakenError):  # twice: refused
        create_candidate_case(s, citizen, lead, TODAY)
    with ctx.sessions() as s:
        assert s.scalars(
            select(Case.id).where(Case.citizen_id == citizen.id, Case.status == CaseStatus.CANDIDATE)
        ).all() == [made[1]]
