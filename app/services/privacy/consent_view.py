"""The consent register of one case as the register dialog shows it: the consents about the
case's members (the case's own and the citizens' general ones), each with its state today,
and the coverage matrices (who may receive what; from whom what may be collected). One read,
plain data, no widget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Consent
from app.models.enums import ConsentCapacity, ConsentDirection
from app.services.cases.case_summary import MemberSummary, case_summary
from app.services.family.family_overview import ProfessionalInfo, load_family_overview
from app.services.privacy.consent_register import CoverageMatrix, coverage_matrix


@dataclass(frozen=True, slots=True)
class ConsentLine:
    """One consent with what the register shows of it."""

    id: int
    version: int
    citizen_id: int
    given_by: str
    capacity: ConsentCapacity
    info_types: str  # as stored: decoded by the UI for its labels
    parties: str
    purpose: str
    given_on: date
    expires_on: date | None
    withdrawn_on: date | None
    withdrawn_reason: str | None
    in_force: bool  # on the day the register was read
    has_file: bool  # a signed form is attached
    direction: ConsentDirection = ConsentDirection.BOTH

    @property
    def withdrawable(self) -> bool:
        """In force, or not yet in force: a withdrawal still changes something."""
        return self.in_force or self.withdrawn_on is None


@dataclass(frozen=True, slots=True)
class ConsentRegisterView:
    today: date
    members: tuple[MemberSummary, ...]
    professionals: dict[str, ProfessionalInfo]  # by id as text, the way a party names them
    lines: tuple[ConsentLine, ...]
    matrix: CoverageMatrix  # what may be passed on to each party
    collect_matrix: CoverageMatrix | None = None  # what may be collected from each party


def load_consent_register(session: Session, case_id: int, today: date) -> ConsentRegisterView:
    summary = case_summary(session, case_id)
    overview = load_family_overview(session, case_id)
    consents = session.scalars(
        select(Consent)
        .where(
            Consent.citizen_id.in_([m.citizen_id for m in summary.members] or [0]),
            (Consent.case_id == case_id) | Consent.case_id.is_(None),
        )
        .order_by(Consent.citizen_id, Consent.given_on, Consent.id)
    )
    lines = tuple(
        ConsentLine(
            id=c.id,
            version=c.version,
            citizen_id=c.citizen_id,
            given_by=c.given_by_name,
            capacity=c.capacity,
            info_types=c.info_types,
            parties=c.parties,
            purpose=c.purpose,
            given_on=c.given_on,
            expires_on=c.expires_on,
            withdrawn_on=c.withdrawn_on,
            withdrawn_reason=c.withdrawn_reason,
            in_force=c.in_force_on(today),
            has_file=c.attachment is not None,
            direction=c.direction,
        )
        for c in consents
    )
    return ConsentRegisterView(
        today=today,
        members=summary.members,
        professionals={str(p.id): p for p in overview.professionals},
        lines=lines,
        matrix=coverage_matrix(session, case_id, today),
        collect_matrix=coverage_matrix(session, case_id, today, direction=ConsentDirection.COLLECT),
    )
