"""Plain-data builders for the family screen's dataclasses (FamilyOverview and its parts).

Every builder takes keyword arguments with quiet defaults, so a test names only what it is
about. Ids left out are drawn from one counter, in creation order.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from itertools import count

from app.models.enums import (
    CaseStatus,
    ConsentCapacity,
    CoordinationModel,
    InterventionStatus,
    Relation,
    Sector,
)
from app.services.cases.case_summary import CaseSummary, MemberSummary
from app.services.family.family_overview import (
    ConsentInfo,
    FamilyOverview,
    InterventionInfo,
    ProfessionalInfo,
    SlotInfo,
    TransitionTopicInfo,
    TransitionTrackInfo,
)

_ids = count(100)


def next_id() -> int:
    """A fresh id (intervention, slot, consent, track …), increasing in creation order."""
    return next(_ids)


def _time(value: time | str) -> time:
    return value if isinstance(value, time) else time.fromisoformat(value)


# -- members --------------------------------------------------------------------------------


def make_member(
    citizen_id: int,
    first: str = "",
    last: str = "",
    *,
    name: str | None = None,
    born: date | None = None,
    relation: Relation = Relation.PARENT,
    custody: bool | None = None,
    lives_in_household: bool = True,
    cpr_masked: str | None = None,
    member_id: int | None = None,
    member_version: int | None = None,
) -> MemberSummary:
    """A family member. The name is "first last", or "Person <id>" without either; a parent is
    born in 1988 and a child in 2014 unless ``born`` is given; ``custody`` follows the relation
    (parents have it) unless given."""
    if born is None:
        born = date(2014, 3, 1) if relation == Relation.CHILD else date(1988, 5, 1)
    return MemberSummary(
        citizen_id=citizen_id,
        name=name if name is not None else (f"{first} {last}".strip() or f"Person {citizen_id}"),
        relation=relation,
        birth_date=born,
        cpr_masked=cpr_masked if cpr_masked is not None else f"{born:%d%m%y}-xxxx",
        custody=relation == Relation.PARENT if custody is None else custody,
        lives_in_household=lives_in_household,
        member_id=member_id,
        first_name=first,
        last_name=last,
        member_version=member_version,
    )


# -- interventions and their weekly slots ---------------------------------------------------

SlotSpec = tuple[int, str, str] | tuple[int, str, str, bool]


def make_slot(
    id: int | None = None,
    intervention_id: int = 1,
    citizen_id: int = 1,
    weekday: int = 0,
    start: time | str = "09:00",
    end: time | str = "10:00",
    needs_parent: bool = False,
) -> SlotInfo:
    """A weekly slot (weekday 0 = Monday); times as ``time`` or "HH:MM"."""
    return SlotInfo(
        id=id if id is not None else next_id(),
        intervention_id=intervention_id,
        citizen_id=citizen_id,
        weekday=weekday,
        start=_time(start),
        end=_time(end),
        needs_parent=needs_parent,
    )


def make_intervention(
    id: int | None = None,
    citizen_id: int = 1,
    *,
    title: str = "",
    sector: Sector = Sector.SOCIAL_CHILDREN,
    law_section_id: int | None = None,
    law_code: str = "",
    law_reference: str = "",
    law_title: str = "",
    professional_id: int | None = None,
    professional_name: str = "",
    start: date = date(2026, 1, 1),
    end: date | None = None,
    status: InterventionStatus = InterventionStatus.ACTIVE,
    sector_plan: str = "",
    source_system: str = "",
    last_checked: date | None = None,
    version: int = 1,
    slots: Iterable[SlotInfo | SlotSpec] = (),
) -> InterventionInfo:
    """An intervention; the title defaults to "Intervention <id>". ``slots`` may be SlotInfo
    objects or (weekday, "HH:MM", "HH:MM"[, needs_parent]) tuples, which become slots of this
    intervention and its citizen (ids drawn after the intervention's own)."""
    iid = id if id is not None else next_id()
    slot_infos = tuple(
        s
        if isinstance(s, SlotInfo)
        else make_slot(None, iid, citizen_id, s[0], s[1], s[2], bool(s[3]) if len(s) > 3 else False)
        for s in slots
    )
    return InterventionInfo(
        id=iid,
        citizen_id=citizen_id,
        title=title or f"Intervention {iid}",
        sector=sector,
        law_section_id=law_section_id,
        law_code=law_code,
        law_reference=law_reference,
        law_title=law_title,
        professional_id=professional_id,
        professional_name=professional_name,
        start_date=start,
        end_date=end,
        status=status,
        sector_plan=sector_plan,
        source_system=source_system,
        last_checked=last_checked,
        version=version,
        slots=slot_infos,
    )


# -- consents, professionals, transition tracks ---------------------------------------------


def make_consent(
    id: int | None = None,
    citizen_id: int = 1,
    *,
    given_by: str = "Mum",
    capacity: ConsentCapacity = ConsentCapacity.CUSTODY_HOLDER,
    info_types: str = "",
    parties: str = "",
    purpose: str = "",
    given_on: date = date(2026, 1, 1),
    expires_on: date | None = None,
    withdrawn_on: date | None = None,
) -> ConsentInfo:
    return ConsentInfo(
        id=id if id is not None else next_id(),
        citizen_id=citizen_id,
        given_by=given_by,
        capacity=capacity,
        info_types=info_types,
        parties=parties,
        purpose=purpose,
        given_on=given_on,
        expires_on=expires_on,
        withdrawn_on=withdrawn_on,
    )


def make_professional(
    id: int | None = None,
    name: str = "",
    *,
    role: str = "Sagsbehandler",
    organisation: str = "",
    sector: Sector = Sector.SOCIAL_CHILDREN,
    phone: str = "",
    email: str = "",
    member_ids: Iterable[int] = (),
    in_network: bool = True,
) -> ProfessionalInfo:
    """A professional; the name defaults to "Professional <id>"."""
    pid = id if id is not None else next_id()
    return ProfessionalInfo(
        id=pid,
        name=name or f"Professional {pid}",
        role=role,
        organisation=organisation,
        sector=sector,
        phone=phone,
        email=email,
        member_ids=frozenset(member_ids),
        in_network=in_network,
    )


def make_transition(
    id: int | None = None,
    citizen_id: int = 1,
    *,
    deadline: date = date(2027, 1, 1),
    adult_contact_name: str = "",
    adult_contact_phone: str = "",
    adult_contact_email: str = "",
    adult_contact_organisation: str = "",
    note: str = "",
    version: int = 1,
    topics: Iterable[TransitionTopicInfo] = (),
) -> TransitionTrackInfo:
    return TransitionTrackInfo(
        id=id if id is not None else next_id(),
        citizen_id=citizen_id,
        deadline=deadline,
        adult_contact_name=adult_contact_name,
        adult_contact_phone=adult_contact_phone,
        adult_contact_email=adult_contact_email,
        adult_contact_organisation=adult_contact_organisation,
        note=note,
        version=version,
        topics=tuple(topics),
    )


# -- the whole picture ----------------------------------------------------------------------


def make_overview(
    members: Iterable[MemberSummary],
    interventions: Iterable[InterventionInfo] = (),
    *,
    consents: Iterable[ConsentInfo] = (),
    professionals: Iterable[ProfessionalInfo] = (),
    transitions: Iterable[TransitionTrackInfo] = (),
    has_approved_plan: bool = False,
    caseload: int = 1,
    follow_up_due: date | None = None,
    case_status: CaseStatus = CaseStatus.ACTIVE,
    family: bool = True,
    number: str = "K-1",
    title: str = "Family",
    coordinator: str = "Coordinator",
    model: CoordinationModel = CoordinationModel.ONE_FAMILY_ONE_ENTRY,
    opened_on: date = date(2026, 1, 1),
) -> FamilyOverview:
    """Case 1 of coordinator 1 (family 1 unless ``family`` is false) with these parts."""
    summary = CaseSummary(
        id=1,
        number=number,
        title=title,
        coordinator=coordinator,
        coordinator_phone="",
        partner="",
        partner_phone="",
        model=model,
        status=case_status,
        opened_on=opened_on,
        follow_up_due=follow_up_due,
        members=tuple(members),
    )
    return FamilyOverview(
        summary=summary,
        family_id=1 if family else None,
        case_status=case_status,
        coordinator_id=1,
        interventions=tuple(interventions),
        professionals=tuple(professionals),
        consents=tuple(consents),
        transitions=tuple(transitions),
        has_approved_plan=has_approved_plan,
        coordinator_caseload=caseload,
    )


# -- the Holm family of the timeline and week-grid view tests -------------------------------

# Every detail an intervention's tooltip shows, filled in.
HOLM_DETAILS = {
    "law_section_id": 6,
    "law_code": "BL-32-1",
    "law_reference": "BL § 32, stk. 1",
    "law_title": "Forebyggende foranstaltninger",
    "professional_id": 1,
    "professional_name": "Mette Sørensen",
    "sector_plan": "Barnets plan",
    "source_system": "DUBU",
    "last_checked": date(2026, 11, 1),
}


def holm_member(citizen_id: int, first: str, relation: Relation = Relation.CHILD) -> MemberSummary:
    """A member of the Holm family (member id = citizen id)."""
    return make_member(citizen_id, first, "Holm", relation=relation, member_id=citizen_id)


def holm_intervention(
    id: int, citizen_id: int, start: date, end: date | None, **changes: object
) -> InterventionInfo:
    """An intervention with every detail filled in (HOLM_DETAILS), changed by ``changes``."""
    return make_intervention(id, citizen_id, start=start, end=end, **{**HOLM_DETAILS, **changes})  # type: ignore[arg-type]
