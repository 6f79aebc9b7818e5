"""A simple consent record per member (samtykke); the full consent register comes later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.models import Consent
from app.models.enums import ConsentCapacity, ConsentForm
from app.services.cases import FieldProblem, Problem
from app.services.editing import citizen_in_case, load_for_edit, open_case, raise_if_blocking, required


@dataclass(frozen=True, slots=True)
class ConsentInput:
    citizen_id: int  # whose information
    given_by_name: str
    capacity: ConsentCapacity
    given_on: date
    parties: str = ""  # to and from whom information may be shared
    info_types: str = ""
    purpose: str = ""
    form: ConsentForm = ConsentForm.WRITTEN
    expires_on: date | None = None


def validate_consent(data: ConsentInput, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    required(problems, "given_by", data.given_by_name, 200)
    if data.given_on > today:
        problems.append(FieldProblem("given_on", Problem.IN_FUTURE))
    if data.expires_on is not None and data.expires_on < data.given_on:
        problems.append(FieldProblem("expires_on", Problem.END_BEFORE_START))
    for name in ("parties", "info_types", "purpose"):
        if len(getattr(data, name)) > 2000:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
    return problems


def record_consent(session: Session, case_id: int, data: ConsentInput, today: date) -> int:
    open_case(session, case_id)
    problems = validate_consent(data, today)
    if not citizen_in_case(session, case_id, data.citizen_id):
        problems.append(FieldProblem("citizen", Problem.REQUIRED))
    raise_if_blocking(problems)
    consent = Consent(
        citizen_id=data.citizen_id,
        case_id=case_id,
        given_by_name=data.given_by_name.strip(),
        capacity=data.capacity,
        info_types=data.info_types.strip(),
        parties=data.parties.strip(),
        purpose=data.purpose.strip(),
        form=data.form,
        given_on=data.given_on,
        expires_on=data.expires_on,
    )
    session.add(consent)
    session.flush()
    return consent.id


def withdraw_consent(session: Session, consent_id: int, day: date, expected_version: int | None) -> None:
    """Withdrawal takes effect on ``day``; the record stays (what was shared stays lawful)."""
    consent: Consent = load_for_edit(session, Consent, consent_id, expected_version)
    if day < consent.given_on:
        raise_if_blocking([FieldProblem("withdrawn_on", Problem.END_BEFORE_START)])
    consent.withdrawn_on = day
    session.flush()
