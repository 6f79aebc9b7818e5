"""The consent register: who may consent for whom, and what a recipient may receive.

Pure rules over plain records (``ConsentRecord``, ``MemberFacts``, ``ProfessionalFacts``)
decide; the session functions only read the rows and call them, so the rules are tested
without a database (tests/services/privacy/test_consent_register.py, with hypothesis).

Who may consent (DOMAIN.md §2.2), per member, information type and day:

* an adult (18+): the member (``SELF``), or a guardian (værge) or a future proxy
  (fremtidsfuldmægtig) -- these only for the information types written in their
  ``mandate`` (stored like ``info_types``; an empty mandate covers nothing);
* a child: every custody holder (joint custody: important decisions need both parents,
  forældreansvarsloven § 3); when no custody holder is known among the members, any
  custody holder's consent (or a guardian's within the mandate);
* from 15 the young person decides over their own health information (sundhedsloven § 17):
  the youth's own consent is needed and the custody holders' does not cover it;
* from 16 the young person must consent to the helhedsorienteret plan (Barnets lov § 110,
  stk. 3): the plan information needs the custody holders *and* the youth.

A consent counts on a day when it is in force (given on or before, not withdrawn on or
before, not expired) and when its giver may consent for the member on that day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CaseProfessional, Consent, Professional
from app.models.consent import consent_in_force
from app.models.enums import ConsentCapacity, ConsentDirection
from app.services.cases.case_summary import MemberSummary, age_on, case_summary
from app.services.family.transition import birthday
from app.services.privacy.consent_rules import ConsentAges, load_consent_rules
from app.services.privacy.consents import ConsentInput, record_consent, withdraw_consent
from app.services.privacy.sharing import (
    INFO_TYPES,
    Party,
    PartyKind,
    decode_info_types,
    decode_parties,
)

__all__ = [
    "DEFAULT_AGES",
    "INFO_TYPES",
    "ConsentAges",
    "ConsentInput",
    "ConsentRecord",
    "Cover",
    "MemberFacts",
    "ProfessionalFacts",
    "Requirement",
    "ReviewDue",
    "case_parties",
    "consent_reviews_due",
    "cover_level",
    "coverage_matrix",
    "effective_info_types",
    "giver_matches",
    "party_covers",
    "record_consent",
    "reviews_due",
    "sharing_cover",
    "sharing_cover_of",
    "who_may_consent",
    "withdraw_consent",
]


# The code's own defaults (the rules file's values); the functions read the rules file when
# no ages are given, so a municipality's file applies.
DEFAULT_AGES = ConsentAges()


def _ages(ages: ConsentAges | None) -> ConsentAges:
    return ages if ages is not None else load_consent_rules().ages


ADULT_CAPACITIES = frozenset({ConsentCapacity.SELF, ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY})
YOUTH_CAPACITIES = frozenset({ConsentCapacity.YOUTH, ConsentCapacity.SELF})
MANDATED = frozenset({ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY})


# -- plain records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Holder:
    """A custody holder known among the case's members."""

    citizen_id: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class MemberFacts:
    citizen_id: int
    birth_date: date
    custody_holders: tuple[Holder, ...] = ()  # for a child: the members holding custody


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    id: int
    citizen_id: int  # whose information
    capacity: ConsentCapacity
    info_types: frozenset[str]
    parties: tuple[Party, ...]
    given_on: date
    expires_on: date | None = None
    withdrawn_on: date | None = None
    given_by_citizen_id: int | None = None
    given_by_name: str = ""
    mandate: frozenset[str] = frozenset()  # a guardian's / proxy's scope as info types
    direction: ConsentDirection = ConsentDirection.BOTH

    def goes(self, direction: ConsentDirection) -> bool:
        """Whether the consent lets information go ``direction`` (a "both" consent goes both)."""
        return self.direction in (direction, ConsentDirection.BOTH)

    def in_force_on(self, day: date) -> bool:
        return consent_in_force(self.given_on, self.expires_on, self.withdrawn_on, day)

    @classmethod
    def from_row(cls, row: Consent) -> ConsentRecord:
        return cls(
            id=row.id,
            citizen_id=row.citizen_id,
            capacity=row.capacity,
            info_types=decode_info_types(row.info_types),
            parties=tuple(decode_parties(row.parties)),
            given_on=row.given_on,
            expires_on=row.expires_on,
            withdrawn_on=row.withdrawn_on,
            given_by_citizen_id=row.given_by_citizen_id,
            given_by_name=row.given_by_name,
            mandate=decode_info_types(row.mandate),
            direction=row.direction,
        )


@dataclass(frozen=True, slots=True)
class ProfessionalFacts:
    id: int
    sector: str
    organisation: str = ""


@dataclass(frozen=True, slots=True)
class Requirement:
    """One consent that must be in force: of one of ``capacities``; for a named custody
    holder, given by them (``holder``)."""

    capacities: frozenset[ConsentCapacity]
    holder: Holder | None = None


# -- who may consent -------------------------------------------------------------------------


def who_may_consent(
    age: int,
    info_type: str,
    custody_holders: Sequence[Holder] = (),
    ages: ConsentAges | None = None,
) -> tuple[Requirement, ...]:
    """The consents needed (all of them) to share ``info_type`` of a member of ``age``."""
    ages = _ages(ages)
    if age >= ages.adult_age:
        return (Requirement(ADULT_CAPACITIES),)
    youth = Requirement(YOUTH_CAPACITIES)
    if age >= ages.own_health_age and info_type in ages.own_info_types:
        return (youth,)
    if custody_holders:
        parents = tuple(
            Requirement(frozenset({ConsentCapacity.CUSTODY_HOLDER}), h)
            for h in sorted(set(custody_holders), key=lambda h: h.citizen_id)
        )
    else:
        parents = (Requirement(frozenset({ConsentCapacity.CUSTODY_HOLDER, ConsentCapacity.GUARDIAN})),)
    if age >= ages.plan_age and info_type in ages.plan_info_types:
        return (*parents, youth)
    return parents


def may_consent(
    age: int,
    capacity: ConsentCapacity,
    info_type: str,
    custody_holders: Sequence[Holder] = (),
    ages: ConsentAges | None = None,
) -> bool:
    """Whether someone in ``capacity`` has a say over ``info_type`` of a member of ``age``."""
    return any(capacity in r.capacities for r in who_may_consent(age, info_type, custody_holders, ages))


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold() != ""


def giver_matches(record: ConsentRecord, requirement: Requirement) -> bool:
    if record.capacity not in requirement.capacities:
        return False
    holder = requirement.holder
    if holder is None:
        return True
    if record.given_by_citizen_id is not None:
        return record.given_by_citizen_id == holder.citizen_id
    return _same_name(record.given_by_name, holder.name)  # typed name of a known holder


def effective_info_types(record: ConsentRecord) -> frozenset[str]:
    """The types a consent covers: a guardian or proxy only within the mandate."""
    if record.capacity in MANDATED:
        return record.info_types & record.mandate
    return record.info_types


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def party_covers(named: Party, recipient: Party, professionals: Mapping[str, ProfessionalFacts]) -> bool:
    """A sector covers its organisations and professionals; an organisation its
    professionals; a professional only themselves."""
    if named.kind == recipient.kind:
        if named.kind == PartyKind.PROFESSIONAL:
            return named.value == recipient.value
        return _norm(named.value) == _norm(recipient.value)
    if recipient.kind == PartyKind.PROFESSIONAL:
        pro = professionals.get(recipient.value)
        if pro is None:
            return False
        if named.kind == PartyKind.SECTOR:
            return pro.sector == named.value
        return named.kind == PartyKind.ORGANISATION and _norm(pro.organisation) == _norm(named.value)
    if recipient.kind == PartyKind.ORGANISATION and named.kind == PartyKind.SECTOR:
        org = _norm(recipient.value)
        in_org = [p for p in professionals.values() if _norm(p.organisation) == org]
        return bool(in_org) and all(p.sector == named.value for p in in_org)
    return False


def _covers_recipient(
    record: ConsentRecord, recipient: Party, professionals: Mapping[str, ProfessionalFacts]
) -> bool:
    return any(party_covers(named, recipient, professionals) for named in record.parties)


def sharing_cover_of(
    members: Iterable[MemberFacts],
    consents: Iterable[ConsentRecord],
    recipient: Party,
    day: date,
    professionals: Mapping[str, ProfessionalFacts] | Iterable[ProfessionalFacts] = (),
    ages: ConsentAges | None = None,
    direction: ConsentDirection = ConsentDirection.SHARE,
) -> dict[int, frozenset[str]]:
    """Per member, the information types ``recipient`` may receive on ``day`` (pure) — or,
    with ``direction`` COLLECT, the types the municipality may collect from ``recipient``.
    Only consents that go that way count (RSL § 11 a collects, FVL § 28, stk. 2 shares)."""
    ages = _ages(ages)  # read once, not per member and type
    directory = (
        dict(professionals) if isinstance(professionals, Mapping) else {str(p.id): p for p in professionals}
    )
    usable: dict[int, list[ConsentRecord]] = defaultdict(list)
    for record in consents:
        if (
            record.goes(direction)
            and record.in_force_on(day)
            and _covers_recipient(record, recipient, directory)
        ):
            usable[record.citizen_id].append(record)
    result: dict[int, frozenset[str]] = {}
    for member in members:
        age = age_on(member.birth_date, day)
        mine = usable.get(member.citizen_id, [])
        covered = set()
        for info_type in INFO_TYPES:
            needed = who_may_consent(age, info_type, member.custody_holders, ages)
            if all(
                any(giver_matches(r, req) and info_type in effective_info_types(r) for r in mine)
                for req in needed
            ):
                covered.add(info_type)
        result[member.citizen_id] = frozenset(covered)
    return result


# -- reading the store -------------------------------------------------------------------------


def custody_holders_of(member: MemberSummary, members: Sequence[MemberSummary]) -> tuple[Holder, ...]:
    """The members holding custody of a child member (nobody holds custody of themselves)."""
    return tuple(
        Holder(m.citizen_id, m.name) for m in members if m.custody and m.citizen_id != member.citizen_id
    )


def member_facts(session: Session, case_id: int) -> list[MemberFacts]:
    members = case_summary(session, case_id).members
    return [MemberFacts(m.citizen_id, m.birth_date, custody_holders_of(m, members)) for m in members]


def case_consents(session: Session, case_id: int, citizen_ids: Iterable[int]) -> list[ConsentRecord]:
    """The consents for this case's members given for this case (or for no case)."""
    ids = list(citizen_ids)
    if not ids:
        return []
    rows = session.scalars(
        select(Consent)
        .where(Consent.citizen_id.in_(ids), (Consent.case_id == case_id) | Consent.case_id.is_(None))
        .order_by(Consent.given_on, Consent.id)
    )
    return [ConsentRecord.from_row(row) for row in rows]


def professional_facts(session: Session, ids: Iterable[str] | None = None) -> dict[str, ProfessionalFacts]:
    query = select(Professional.id, Professional.sector, Professional.organisation)
    if ids is not None:
        numeric = [int(i) for i in ids if i.isdigit()]
        if not numeric:
            return {}
        query = query.where(Professional.id.in_(numeric))
    return {
        str(pid): ProfessionalFacts(pid, str(sector), organisation or "")
        for pid, sector, organisation in session.execute(query)
    }


def sharing_cover(
    session: Session,
    case_id: int,
    recipient: Party,
    day: date,
    ages: ConsentAges | None = None,
    direction: ConsentDirection = ConsentDirection.SHARE,
) -> dict[int, frozenset[str]]:
    """Per member of the case, the information types ``recipient`` may receive on ``day``
    (``direction`` COLLECT: the types that may be collected from it)."""
    members = member_facts(session, case_id)
    consents = case_consents(session, case_id, [m.citizen_id for m in members])
    if recipient.kind == PartyKind.PROFESSIONAL:
        directory = professional_facts(session, [recipient.value])
    elif recipient.kind == PartyKind.ORGANISATION:
        directory = {
            k: p
            for k, p in professional_facts(session).items()
            if _norm(p.organisation) == _norm(recipient.value)
        }
    else:
        directory = {}
    return sharing_cover_of(members, consents, recipient, day, directory, ages, direction)


# -- the matrix the UI shows -------------------------------------------------------------------


class Cover(StrEnum):
    NONE = "none"
    PARTLY = "partly"
    FULL = "full"


def cover_level(types: frozenset[str]) -> Cover:
    if not types:
        return Cover.NONE
    return Cover.FULL if types >= frozenset(INFO_TYPES) else Cover.PARTLY


@dataclass(frozen=True, slots=True)
class CaseParty:
    party: Party
    label: str  # a professional's name, an organisation's name, a sector's value
    sector: str = ""


def case_parties(session: Session, case_id: int) -> list[CaseParty]:
    """The case's professionals (network and interventions) followed by their sectors."""
    from app.models import Intervention

    ids = set(
        session.scalars(select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id))
    ) | {
        pid
        for pid in session.scalars(
            select(Intervention.professional_id).where(Intervention.case_id == case_id)
        )
        if pid is not None
    }
    if not ids:
        return []
    pros = list(
        session.scalars(select(Professional).where(Professional.id.in_(ids)).order_by(Professional.name))
    )
    parties = [CaseParty(Party(PartyKind.PROFESSIONAL, str(p.id)), p.name, str(p.sector)) for p in pros]
    for sector in sorted({str(p.sector) for p in pros}):
        parties.append(CaseParty(Party(PartyKind.SECTOR, sector), sector, sector))
    return parties


@dataclass(frozen=True, slots=True)
class CoverageMatrix:
    parties: tuple[CaseParty, ...]
    member_ids: tuple[int, ...]
    cells: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)  # (citizen, party index)

    def types(self, citizen_id: int, index: int) -> frozenset[str]:
        return self.cells.get((citizen_id, index), frozenset())

    def level(self, citizen_id: int, index: int) -> Cover:
        return cover_level(self.types(citizen_id, index))


def coverage_matrix(
    session: Session,
    case_id: int,
    day: date,
    ages: ConsentAges | None = None,
    direction: ConsentDirection = ConsentDirection.SHARE,
) -> CoverageMatrix:
    """Per member × per party (the case's professionals and their sectors) what may be shared
    with it (``direction`` COLLECT: collected from it)."""
    parties = case_parties(session, case_id)
    members = member_facts(session, case_id)
    consents = case_consents(session, case_id, [m.citizen_id for m in members])
    directory = professional_facts(
        session, [p.party.value for p in parties if p.party.kind == PartyKind.PROFESSIONAL]
    )
    cells: dict[tuple[int, int], frozenset[str]] = {}
    for index, party in enumerate(parties):
        for citizen_id, types in sharing_cover_of(
            members, consents, party.party, day, directory, ages, direction
        ).items():
            cells[(citizen_id, index)] = types
    return CoverageMatrix(tuple(parties), tuple(m.citizen_id for m in members), cells)


# -- reviews at 10, 15 and 16 ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewDue:
    citizen_id: int
    age: int  # the age reached: 10, 15 or 16
    day: date  # the birthday


def reviews_due(
    members: Iterable[tuple[int, date]],
    consent_days: Mapping[int, Iterable[date]],
    today: date,
    since: date | None = None,
    ages: ConsentAges | None = None,
) -> list[ReviewDue]:
    """Children who reached 10, 15 or 16 after the last consent recorded or withdrawn for them
    (``consent_days``), or after ``since`` (the case opened) when none is; the latest age
    reached only. A consent recorded on the birthday counts as the review."""
    ages = _ages(ages)
    found: list[ReviewDue] = []
    for citizen_id, born in members:
        if age_on(born, today) >= ages.adult_age:
            continue
        reached = [(a, birthday(born, a)) for a in ages.review_ages if birthday(born, a) <= today]
        if not reached:
            continue
        age, day = max(reached, key=lambda pair: pair[1])
        days = list(consent_days.get(citizen_id, ()))
        last = max(days) if days else since
        if last is None or last < day:
            found.append(ReviewDue(citizen_id, age, day))
    return sorted(found, key=lambda r: (r.day, r.citizen_id))


def consent_reviews_due(
    session: Session, case_id: int, today: date, ages: ConsentAges | None = None
) -> list[ReviewDue]:
    """Per child of the case who reached 10, 15 or 16 since the last consent review/record."""
    from app.models import Case

    summary = case_summary(session, case_id)
    ids = [m.citizen_id for m in summary.members]
    days: dict[int, list[date]] = defaultdict(list)
    for record in case_consents(session, case_id, ids):
        days[record.citizen_id].append(record.given_on)
        if record.withdrawn_on is not None:
            days[record.citizen_id].append(record.withdrawn_on)
    opened = session.scalar(select(Case.opened_on).where(Case.id == case_id))
    return reviews_due([(m.citizen_id, m.birth_date) for m in summary.members], days, today, opened, ages)
