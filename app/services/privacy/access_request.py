"""Aktindsigt (forvaltningsloven § 9, GDPR art. 15): everything the store holds about one
person, as one list of items for one PDF and its CSV index (app/pdf/access_request_pdf.py).

The person is found by CPR number (every record with that number within the user's reach:
on a shared server a person in two teams' cases has a record in each, and the user sees
those they reach) or by a member of an open case. The items (app/services/privacy/access_items.py)
are the plan versions of every case the person is in, the journal entries, meetings (with
their minutes), consents, documents, tasks and interventions concerning them.

The caseworker may withhold items, each with a reason; a withheld item keeps its place in
the index (kind, date, case, the reason) but none of its content. The export is logged per
item (EXPORT, the item's object type and id; a withheld item's reason in ``details``) and once
for the whole request; never with the CPR number. Qt-free."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import Case, Citizen, FamilyMember, User
from app.models.enums import CaseStatus
from app.services.common import audit
from app.services.common.clock import now_utc
from app.services.common.cpr import CprError, format_cpr, mask_cpr, normalize_cpr

MAX_REASON = 500  # a withholding reason (the audit log's purpose field holds as much)
PURPOSE = "aktindsigt"


class AccessRequestError(ValueError):
    """A request that cannot be made as asked; ``str()`` is the plain reason (no CPR number)."""


class NotACprError(AccessRequestError):
    def __init__(self) -> None:
        super().__init__("not a CPR number (DDMMYY-SSSS)")


class PersonNotFoundError(AccessRequestError):
    """No person with the number within reach; ``masked`` is the number as DDMMYY-XXXX."""

    def __init__(self, masked: str) -> None:
        super().__init__(f"no person with CPR number {masked} within your reach")
        self.masked = masked


class PersonGoneError(AccessRequestError):
    def __init__(self) -> None:
        super().__init__("the person is no longer in the store (or not within your reach)")


class ItemKind(StrEnum):
    PLAN = "plan"
    JOURNAL = "journal"
    MEETING = "meeting"
    CONSENT = "consent"
    DOCUMENT = "document"
    TASK = "task"
    INTERVENTION = "intervention"


# The audit log's object type of each kind.
OBJECT_TYPES = {
    ItemKind.PLAN: "plan",
    ItemKind.JOURNAL: "journal_entry",
    ItemKind.MEETING: "meeting",
    ItemKind.CONSENT: "consent",
    ItemKind.DOCUMENT: "document",
    ItemKind.TASK: "task",
    ItemKind.INTERVENTION: "intervention",
}


@dataclass(frozen=True, slots=True)
class Line:
    """A labelled value on an item's page (printed words, Danish)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Block:
    """A heading and a text on an item's page (the text as stored, CPR numbers hidden)."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class HeldItem:
    kind: ItemKind
    id: int
    case_id: int | None
    case_number: str
    day: date | None
    kind_label: str  # "Journalnotat", "Plan", … (printed words)
    title: str  # what the index says of it ("" when withheld)
    lines: tuple[Line, ...] = ()
    blocks: tuple[Block, ...] = ()
    # A PDF file of the item (a document, a signed consent form): its pages are attached.
    pdf: bytes | None = None
    # A file the PDF cannot carry (Word, an image, an e-mail): handed over separately.
    separate_file: str = ""
    withheld: str = ""  # the reason, when the caseworker withholds the item

    @property
    def key(self) -> str:
        """``kind:id``, as ``--withhold`` names it."""
        return f"{self.kind.value}:{self.id}"

    def withhold(self, reason: str) -> HeldItem:
        """The item as the index shows it when withheld: where and when, never what."""
        return replace(
            self, title="", lines=(), blocks=(), pdf=None, separate_file="", withheld=reason or "?"
        )


@dataclass(frozen=True, slots=True)
class Person:
    citizen_ids: tuple[int, ...]  # every record of the person within reach
    name: str
    cpr: str  # ten digits; "" when none is registered
    birth_date: date
    address: str
    phone: str
    email: str

    @property
    def cpr_printed(self) -> str:
        """DDMMYY-SSSS: the person's own copy carries their number (never a log)."""
        return format_cpr(self.cpr) if self.cpr else ""

    @property
    def cpr_masked(self) -> str:
        return mask_cpr(self.cpr)


@dataclass(frozen=True, slots=True)
class CaseLine:
    id: int
    number: str
    title: str
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    coordinator: str
    alone: bool  # the person's own case (a single citizen's), not a family's


@dataclass(frozen=True, slots=True)
class AccessRequest:
    person: Person
    made_at: datetime  # UTC
    made_by: str  # the caseworker's full name
    department: str
    cases: tuple[CaseLine, ...]
    items: tuple[HeldItem, ...] = field(default=())

    @property
    def withheld(self) -> tuple[HeldItem, ...]:
        return tuple(i for i in self.items if i.withheld)


# -- the person ------------------------------------------------------------------------------


def _person(session: Session, records: list[Citizen]) -> Person:
    first = records[0]
    address = ", ".join(
        part for part in (first.address.strip(), f"{first.postcode} {first.city}".strip()) if part
    )
    return Person(
        citizen_ids=tuple(sorted(c.id for c in records)),
        name=first.full_name,
        cpr=first.cpr or "",
        birth_date=first.birth_date,
        address=address,
        phone=first.phone,
        email=first.email,
    )


def find_person(session: Session, cpr_text: str) -> Person:
    """The person with a CPR number, within the user's reach; AccessRequestError otherwise."""
    try:
        digits = normalize_cpr(cpr_text)
    except CprError:
        raise NotACprError() from None
    records = list(session.scalars(select(Citizen).where(Citizen.cpr == digits).order_by(Citizen.id)))
    if not records:
        raise PersonNotFoundError(mask_cpr(digits))
    return _person(session, records)


def person_by_id(session: Session, citizen_id: int) -> Person:
    """A member picked in the program: with a CPR number, every record with it within reach."""
    citizen = session.get(Citizen, citizen_id)
    if citizen is None:
        raise PersonGoneError()
    if citizen.cpr:
        return find_person(session, citizen.cpr)
    return _person(session, [citizen])


# -- withholding -----------------------------------------------------------------------------

_WITHHOLD = re.compile(r"^\s*([a-z_]+)\s*:\s*([0-9]{1,10})\s*=(.*)$", re.DOTALL)


def clean_reason(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def parse_withhold(text: str) -> tuple[str, str]:
    """``KIND:ID=REASON`` as (``kind:id``, reason); AccessRequestError with a plain message."""
    match = _WITHHOLD.match(text)
    if match is None:
        raise AccessRequestError(
            f"--withhold {clean_reason(text)[:60]!r}: write KIND:ID=REASON, e.g. journal:12=third party's health"
        )
    kind, number, reason = match.group(1), int(match.group(2)), clean_reason(match.group(3))
    kinds = ", ".join(k.value for k in ItemKind)
    if kind not in {k.value for k in ItemKind}:
        raise AccessRequestError(f"--withhold: {kind!r} is not a kind of item ({kinds})")
    if not reason:
        raise AccessRequestError(f"--withhold {kind}:{number}: give the reason after '='")
    if len(reason) > MAX_REASON:
        raise AccessRequestError(
            f"--withhold {kind}:{number}: the reason is longer than {MAX_REASON} characters"
        )
    return f"{kind}:{number}", reason


def check_withheld(items: tuple[HeldItem, ...], withheld: Mapping[str, str]) -> None:
    """Every withheld key is an item of the request, and every one has a reason."""
    keys = {item.key for item in items}
    unknown = [key for key in withheld if key not in keys]
    if unknown:
        raise AccessRequestError(
            f"{', '.join(sorted(unknown))}: not among the items held about this person "
            "(list them with --list)"
        )
    for key, reason in withheld.items():
        reason = clean_reason(reason)
        if not reason:
            raise AccessRequestError(f"{key}: a withheld item needs a reason")
        if len(reason) > MAX_REASON:
            raise AccessRequestError(f"{key}: the reason is longer than {MAX_REASON} characters")


# -- the request -----------------------------------------------------------------------------


def person_cases(session: Session, person: Person) -> tuple[CaseLine, ...]:
    """Every case within reach the person is in: their own, and their families'."""
    ids = list(person.citizen_ids)
    families = select(FamilyMember.family_id).where(FamilyMember.citizen_id.in_(ids))
    rows = session.execute(
        select(Case, User.full_name)
        .join(User, User.id == Case.coordinator_id)
        .where(or_(Case.citizen_id.in_(ids), Case.family_id.in_(families)))
        .order_by(Case.opened_on, Case.id)
    ).all()
    return tuple(
        CaseLine(
            id=case.id,
            number=case.number,
            title=case.title,
            status=case.status,
            opened_on=case.opened_on,
            closed_on=case.closed_on,
            coordinator=coordinator,
            alone=case.citizen_id is not None,
        )
        for case, coordinator in rows
    )


def collect(
    session: Session, person: Person, withheld: Mapping[str, str] | None = None, now: datetime | None = None
) -> AccessRequest:
    """The whole request: the person's cases and every item concerning them, withheld items
    emptied of their content. Writes nothing (``record_export`` logs the export)."""
    from app.services.privacy.access_items import held_items

    cases = person_cases(session, person)
    items = tuple(held_items(session, person, cases))
    withheld = dict(withheld or {})
    check_withheld(items, withheld)
    items = tuple(
        item.withhold(clean_reason(withheld[item.key])) if item.key in withheld else item for item in items
    )
    login = str(session.info.get("user", ""))
    user = session.scalar(select(User).where(User.login == login)) if login else None
    return AccessRequest(
        person=person,
        made_at=now or now_utc(),
        made_by=user.full_name if user is not None else login,
        department=user.department if user is not None else "",
        cases=cases,
        items=items,
    )


def record_export(session: Session, request: AccessRequest, *, via: str) -> None:
    """The export in the audit log, in the session's transaction: one entry per item (a
    withheld item's reason in its details) and one for the request. Never the CPR number."""
    citizen_id = request.person.citizen_ids[0]
    for item in request.items:
        details: dict[str, object] = {"via": via, "request": "access_request"}
        if item.withheld:
            details["withheld"] = item.withheld
        audit.record(
            session,
            audit.EXPORT,
            object_type=OBJECT_TYPES[item.kind],
            object_id=item.id,
            citizen_id=citizen_id,
            case_id=item.case_id,
            purpose=PURPOSE,
            details=details,
        )
    audit.record(
        session,
        audit.EXPORT,
        object_type="access_request",
        object_id=citizen_id,
        citizen_id=citizen_id,
        purpose=PURPOSE,
        details={
            "via": via,
            "items": len(request.items),
            "withheld": len(request.withheld),
            "cases": [case.number for case in request.cases],
        },
    )


def record_lookup(session: Session, person: Person) -> None:
    """Reading the list of items to choose what to withhold (the dialog, ``--list``): a lookup."""
    audit.record_now(
        session,
        audit.OPEN_CITIZEN,
        object_type="access_request",
        object_id=person.citizen_ids[0],
        citizen_id=person.citizen_ids[0],
        purpose=PURPOSE,
    )
