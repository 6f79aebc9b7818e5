"""The consent form the family signs (samtykkeerklæring): what the consent lets the
municipality do — collect information from others, pass it on to others, or both — which
information, from or to whom, for what, until when, and how to withdraw it. Built from a
consent being recorded (the dialog prints it to sign) or from a stored one. The fixed texts
and the rules they cite are data (``resources/consent_form.toml``); no CPR number is printed."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy.orm import Session

from app.models import Case, Citizen, Consent, User
from app.models.enums import ConsentDirection
from app.resources import resources_dir
from app.services.common.letter_template import letter_template
from app.services.privacy.access_items import CAPACITY, INFO_TYPE
from app.services.privacy.consents import ConsentInput
from app.services.privacy.sharing import INFO_TYPES, decode_info_types, decode_parties

TEXTS_FILE = "consent_form.toml"


@lru_cache(maxsize=1)
def form_texts() -> dict[str, str]:
    with (resources_dir() / TEXTS_FILE).open("rb") as handle:
        return {key: str(value) for key, value in tomllib.load(handle).items()}


@dataclass(frozen=True, slots=True)
class ConsentFormDoc:
    case_number: str
    name: str  # whose information: first and last name
    direction: ConsentDirection
    info_types: tuple[str, ...]  # in words ("Skole og dagtilbud")
    parties: tuple[str, ...]  # in words ("Skolen", "Dorthe Laursen, Skoleleder")
    purpose: str
    expires_on: date | None
    given_by: str
    capacity: str  # in words ("Forældremyndighedsindehaver")
    coordinator: str  # name, phone and e-mail: whom to call to withdraw it
    sender: str  # the municipality's sender line, from the letter template
    address: tuple[str, ...]
    printed_on: date

    @property
    def collects(self) -> bool:
        return self.direction in (ConsentDirection.COLLECT, ConsentDirection.BOTH)

    @property
    def shares(self) -> bool:
        return self.direction in (ConsentDirection.SHARE, ConsentDirection.BOTH)

    def text(self, key: str) -> str:
        """A fixed text with this form's name, case and expiry filled in."""
        day = self.expires_on.strftime("%d.%m.%Y") if self.expires_on else ""
        return form_texts()[key].format(name=self.name, case=self.case_number, day=day)


def consent_form(session: Session, case_id: int, data: ConsentInput, today: date) -> ConsentFormDoc:
    """The form for a consent about to be recorded (printed for the family to sign)."""
    from app.services.plan.recipient_copy import party_label

    case = session.get(Case, case_id)
    citizen = session.get(Citizen, data.citizen_id)
    if case is None or citizen is None:
        raise LookupError("no such case or person")
    coordinator = session.get(User, case.coordinator_id) if case.coordinator_id else None
    template = letter_template(session)
    types = decode_info_types(data.info_types_text)
    return ConsentFormDoc(
        case_number=case.number,
        name=f"{citizen.first_name} {citizen.last_name}".strip(),
        direction=data.direction,
        info_types=tuple(INFO_TYPE.get(t, t) for t in INFO_TYPES if t in types),
        parties=tuple(party_label(session, p) for p in decode_parties(data.parties_text)),
        purpose=data.purpose.strip(),
        expires_on=data.expires_on,
        given_by=data.given_by_name.strip(),
        capacity=CAPACITY.get(data.capacity, ""),
        coordinator=", ".join(
            part for part in (coordinator.full_name, coordinator.phone, coordinator.email) if part
        )
        if coordinator is not None
        else "",
        sender=template.sender,
        address=template.address,
        printed_on=today,
    )


def stored_consent_form(session: Session, consent_id: int, today: date) -> ConsentFormDoc:
    """The form of a recorded consent (again, e.g. for a new signature)."""
    row = session.get(Consent, consent_id)
    if row is None or row.case_id is None:
        raise LookupError("no such consent in a case")
    data = ConsentInput(
        citizen_id=row.citizen_id,
        given_by_name=row.given_by_name,
        capacity=row.capacity,
        given_on=row.given_on,
        parties=row.parties,
        info_types=row.info_types,
        purpose=row.purpose,
        expires_on=row.expires_on,
        direction=row.direction,
    )
    return consent_form(session, row.case_id, data, today)
