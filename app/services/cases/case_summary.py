"""A case's header and members, as plain data for the family screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.models import Case, Citizen, FamilyMember, User
from app.models.enums import CaseStatus, CoordinationModel, Relation
from app.services.common.cpr import mask_cpr


def age_on(birth_date: date, day: date) -> int:
    """Completed years on ``day`` (a 29 February birthday counts from 1 March)."""
    years = day.year - birth_date.year
    return years - ((day.month, day.day) < (birth_date.month, birth_date.day))


@dataclass(frozen=True, slots=True)
class MemberSummary:
    citizen_id: int
    name: str
    relation: Relation
    birth_date: date
    cpr_masked: str
    custody: bool
    lives_in_household: bool
    member_id: int | None = None  # the family_members row; None for a single citizen's case
    first_name: str = ""
    last_name: str = ""
    member_version: int | None = None
    language: str = "da"  # Citizen.language as recorded (a code or a name)

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: int
    number: str
    title: str
    coordinator: str
    coordinator_phone: str
    partner: str
    partner_phone: str
    model: CoordinationModel
    status: CaseStatus
    opened_on: date
    follow_up_due: date | None
    members: tuple[MemberSummary, ...]


class CaseNotFoundError(LookupError):
    """No case with this id (deleted, or never there); args[0] is the id."""


def case_summary(session: Session, case_id: int) -> CaseSummary:
    coordinator, partner = aliased(User), aliased(User)
    row = session.execute(
        select(Case, coordinator.full_name, coordinator.phone, partner.full_name, partner.phone)
        .join(coordinator, coordinator.id == Case.coordinator_id)
        .outerjoin(partner, partner.id == Case.partner_id)
        .where(Case.id == case_id)
    ).one_or_none()
    if row is None:
        raise CaseNotFoundError(case_id)
    case, c_name, c_phone, p_name, p_phone = row
    members: list[MemberSummary] = []
    if case.family_id is not None:
        rows = session.execute(
            select(FamilyMember, Citizen)
            .join(Citizen, Citizen.id == FamilyMember.citizen_id)
            .where(FamilyMember.family_id == case.family_id)
            .order_by(FamilyMember.position, FamilyMember.id)
        )
        for member, citizen in rows:
            members.append(
                MemberSummary(
                    citizen.id,
                    citizen.full_name,
                    member.relation,
                    citizen.birth_date,
                    mask_cpr(citizen.cpr),
                    member.custody,
                    member.lives_in_household,
                    member.id,
                    citizen.first_name,
                    citizen.last_name,
                    member.version,
                    citizen.language,
                )
            )
    elif case.citizen is not None:
        citizen = case.citizen
        members.append(
            MemberSummary(
                citizen.id,
                citizen.full_name,
                Relation.OTHER,
                citizen.birth_date,
                mask_cpr(citizen.cpr),
                False,
                True,
                None,
                citizen.first_name,
                citizen.last_name,
                language=citizen.language,
            )
        )
    return CaseSummary(
        id=case.id,
        number=case.number,
        title=case.title,
        coordinator=c_name,
        coordinator_phone=c_phone,
        partner=p_name or "",
        partner_phone=p_phone or "",
        model=case.model,
        status=case.status,
        opened_on=case.opened_on,
        follow_up_due=case.follow_up_due,
        members=tuple(members),
    )
