"""Recording and withdrawing consents (samtykke); the rules on what they cover are in
``app/services/privacy/consent_register.py``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.models import Consent
from app.models.enums import ConsentCapacity, ConsentDirection, ConsentForm
from app.services.common.editing import citizen_in_case, load_for_edit, open_case, raise_if_blocking, required
from app.services.common.validation import FieldProblem, Problem
from app.services.privacy.sharing import Party, encode_info_types, encode_parties

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # the signed form: 10 MB at most
MANDATED = (ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY)


@dataclass(frozen=True, slots=True)
class ConsentInput:
    citizen_id: int  # whose information
    given_by_name: str
    capacity: ConsentCapacity
    given_on: date
    # From whom information may be collected, or to whom it may be passed on (``direction``):
    # parties (stored encoded, see sharing.py) or, for old records, free text.
    parties: str | Sequence[Party] = ""
    # Keys from sharing.INFO_TYPES (stored comma-separated), or free text for old records.
    info_types: str | Iterable[str] = ""
    purpose: str = ""
    form: ConsentForm = ConsentForm.WRITTEN
    expires_on: date | None = None
    given_by_citizen_id: int | None = None  # a member of the case who gave it
    mandate: str | Iterable[str] = ""  # a guardian's / proxy's scope (info types)
    attachment: bytes | None = None  # the signed form
    attachment_name: str = ""
    # collecting from the parties (RSL § 11 a), passing on to them (FVL § 28, stk. 2), or both;
    # code that names none records a consent to pass on (the dialog asks)
    direction: ConsentDirection = ConsentDirection.SHARE

    @property
    def parties_text(self) -> str:
        return self.parties.strip() if isinstance(self.parties, str) else encode_parties(list(self.parties))

    @property
    def info_types_text(self) -> str:
        if isinstance(self.info_types, str):
            return self.info_types.strip()
        return encode_info_types(list(self.info_types))

    @property
    def mandate_text(self) -> str:
        return (
            self.mandate.strip() if isinstance(self.mandate, str) else encode_info_types(list(self.mandate))
        )


def validate_consent(data: ConsentInput, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    required(problems, "given_by", data.given_by_name, 200)
    if data.given_on > today:
        problems.append(FieldProblem("given_on", Problem.IN_FUTURE))
    if data.expires_on is not None and data.expires_on < data.given_on:
        problems.append(FieldProblem("expires_on", Problem.END_BEFORE_START))
    for name, value in (
        ("parties", data.parties_text),
        ("info_types", data.info_types_text),
        ("purpose", data.purpose),
    ):
        if len(value) > 2000:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
    if data.direction != ConsentDirection.SHARE:
        # RSL § 11 a (vejledningen pkt. 117): a consent to collect names what and from whom
        if not data.parties_text:
            problems.append(FieldProblem("parties", Problem.REQUIRED))
        if not data.info_types_text:
            problems.append(FieldProblem("info_types", Problem.REQUIRED))
    if data.capacity in MANDATED:
        required(problems, "mandate", data.mandate_text, 500)
    elif len(data.mandate_text) > 500:
        problems.append(FieldProblem("mandate", Problem.TOO_LONG))
    if data.attachment is not None:
        if len(data.attachment) > MAX_ATTACHMENT_BYTES:
            problems.append(FieldProblem("attachment", Problem.TOO_LONG))
        required(problems, "attachment_name", data.attachment_name, 255)
    return problems


def record_consent(session: Session, case_id: int, data: ConsentInput, today: date) -> int:
    open_case(session, case_id)
    problems = validate_consent(data, today)
    if not citizen_in_case(session, case_id, data.citizen_id):
        problems.append(FieldProblem("citizen", Problem.REQUIRED))
    if data.given_by_citizen_id is not None and not citizen_in_case(
        session, case_id, data.given_by_citizen_id
    ):
        problems.append(FieldProblem("given_by", Problem.REQUIRED))
    raise_if_blocking(problems)
    consent = Consent(
        citizen_id=data.citizen_id,
        case_id=case_id,
        given_by_citizen_id=data.given_by_citizen_id,
        given_by_name=data.given_by_name.strip(),
        capacity=data.capacity,
        info_types=data.info_types_text,
        parties=data.parties_text,
        purpose=data.purpose.strip(),
        form=data.form,
        given_on=data.given_on,
        expires_on=data.expires_on,
        mandate=data.mandate_text,
        attachment=data.attachment,
        attachment_name=data.attachment_name.strip() if data.attachment is not None else "",
        direction=data.direction,
    )
    session.add(consent)
    session.flush()
    return consent.id


def withdraw_consent(
    session: Session, consent_id: int, day: date, reason: str = "", expected_version: int | None = None
) -> None:
    """Withdrawal takes effect on ``day`` (coverage on that day no longer counts it); the
    record stays (what was shared stays lawful). A consent already withdrawn keeps the
    earlier day."""
    consent: Consent = load_for_edit(session, Consent, consent_id, expected_version)
    problems: list[FieldProblem] = []
    if day < consent.given_on:
        problems.append(FieldProblem("withdrawn_on", Problem.END_BEFORE_START))
    if len(reason.strip()) > 500:
        problems.append(FieldProblem("withdrawn_reason", Problem.TOO_LONG))
    raise_if_blocking(problems)
    if consent.withdrawn_on is not None and consent.withdrawn_on <= day:
        return
    consent.withdrawn_on = day
    consent.withdrawn_reason = reason.strip()
    session.flush()


def attachment_of(session: Session, consent_id: int) -> tuple[str, bytes] | None:
    """The signed form (file name, content), or None."""
    consent = session.get(Consent, consent_id)
    if consent is None or consent.attachment is None:
        return None
    return consent.attachment_name, consent.attachment
