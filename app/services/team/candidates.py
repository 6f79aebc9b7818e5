"""Candidates for coordination (seed 004's way of finding the families): citizens who receive
interventions from three or more sectors, and families with four or more professionals linked
to their cases, who have no coordinating case that is a candidate, active or paused (their
cases are all closed). The team lead turns one into a candidate case in one step: a new case
with status candidate, the team lead as its coordinator. Qt-free."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import CompoundSelect, or_, select, union
from sqlalchemy.orm import Session

from app.models import Case, CaseProfessional, Citizen, Family, FamilyMember, Intervention
from app.models.enums import CaseStatus, CoordinationModel, InterventionStatus, Sector
from app.services.cases.cases import DEFAULT_FOLLOW_UP_DAYS, next_case_number, refresh_search_text

MIN_SECTORS = 3  # a citizen helped by this many sectors at once
MIN_PROFESSIONALS = 4  # a family with this many professionals around it


class CandidateKind(StrEnum):
    CITIZEN = "citizen"
    FAMILY = "family"


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: CandidateKind
    id: int  # the citizen's or the family's
    name: str
    sectors: tuple[Sector, ...] = ()  # a citizen's sectors
    professionals: int = 0  # a family's professionals


def _uncoordinated_citizens(session: Session) -> set[int]:
    """Citizens in no case that is a candidate, active or paused (alone or in a family)."""
    open_cases = Case.status != CaseStatus.CLOSED
    covered: CompoundSelect[tuple[int | None]] = union(
        select(Case.citizen_id).where(open_cases, Case.citizen_id.is_not(None)),
        select(FamilyMember.citizen_id)
        .join(Case, Case.family_id == FamilyMember.family_id)
        .where(open_cases),
    )
    return set(session.scalars(select(Citizen.id).where(Citizen.id.not_in(covered))))


def candidates(session: Session, today: date) -> list[Candidate]:
    """Citizens (three or more sectors) and families (four or more professionals) without a
    coordinating case, families first, each by name (within reach)."""
    free = _uncoordinated_citizens(session)
    sectors: dict[int, set[Sector]] = defaultdict(set)
    for citizen_id, sector in session.execute(
        select(Intervention.citizen_id, Intervention.sector).where(
            or_(Intervention.end_date.is_(None), Intervention.end_date >= today),
            Intervention.status != InterventionStatus.ENDED,
        )
    ):
        if citizen_id in free:
            sectors[citizen_id].add(sector)
    helped = [cid for cid, found in sectors.items() if len(found) >= MIN_SECTORS]
    names = (
        {c.id: c.full_name for c in session.scalars(select(Citizen).where(Citizen.id.in_(helped)))}
        if helped
        else {}
    )
    people = [
        Candidate(CandidateKind.CITIZEN, cid, names[cid], tuple(sorted(sectors[cid])))
        for cid in helped
        if cid in names
    ]
    families = _families(session, free)
    return sorted(families, key=lambda c: c.name) + sorted(people, key=lambda c: c.name)


def _families(session: Session, free: set[int]) -> list[Candidate]:
    pros: dict[int, set[int]] = defaultdict(set)
    linked = union(
        select(Case.family_id, CaseProfessional.professional_id).join(
            CaseProfessional, CaseProfessional.case_id == Case.id
        ),
        select(Case.family_id, Intervention.professional_id)
        .join(Intervention, Intervention.case_id == Case.id)
        .where(Intervention.professional_id.is_not(None)),
    ).subquery()
    for family_id, professional_id in session.execute(
        select(linked.c.family_id, linked.c.professional_id).where(linked.c.family_id.is_not(None))
    ):
        pros[family_id].add(professional_id)
    many = [fid for fid, found in pros.items() if len(found) >= MIN_PROFESSIONALS]
    if not many:
        return []
    members: dict[int, set[int]] = defaultdict(set)
    for family_id, citizen_id in session.execute(
        select(FamilyMember.family_id, FamilyMember.citizen_id).where(FamilyMember.family_id.in_(many))
    ):
        members[family_id].add(citizen_id)
    found = []
    for family in session.scalars(select(Family).where(Family.id.in_(many))):
        if members[family.id] and members[family.id] <= free:  # no member in an open case
            found.append(
                Candidate(CandidateKind.FAMILY, family.id, family.name, professionals=len(pros[family.id]))
            )
    return found


class CandidateTakenError(ValueError):
    """The family or citizen got a coordinating case meanwhile: nothing was stored."""


def create_candidate_case(session: Session, candidate: Candidate, lead_id: int, today: date) -> Case:
    """A case with status candidate for the family or the citizen, the team lead coordinating
    it until a coordinator takes it over (no follow-up until the case is active)."""
    family = candidate.kind == CandidateKind.FAMILY
    people = (
        set(session.scalars(select(FamilyMember.citizen_id).where(FamilyMember.family_id == candidate.id)))
        if family
        else {candidate.id}
    )
    if not people or not people <= _uncoordinated_citizens(session):
        raise CandidateTakenError(candidate.name)
    case = Case(
        number=next_case_number(session, today.year),
        title=candidate.name,
        family_id=candidate.id if family else None,
        citizen_id=None if family else candidate.id,
        coordinator_id=lead_id,
        model=CoordinationModel.ONE_FAMILY_ONE_ENTRY,
        status=CaseStatus.CANDIDATE,
        opened_on=today,
        follow_up_interval_days=DEFAULT_FOLLOW_UP_DAYS,
        follow_up_due=None,
    )
    session.add(case)
    session.flush()
    refresh_search_text(session, case)
    session.flush()
    return case
