"""Everything the family screen shows for one case, read in one short session as plain data.

The screen, the timeline, the week grid, the eco-map and the warnings all work on these
frozen dataclasses; nothing here is bound to a session.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, time
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
    CaseProfessional,
    Consent,
    Intervention,
    InterventionSlot,
    LawSection,
    PlanVersion,
    Professional,
    TransitionTopic,
    TransitionTrack,
)
from app.models.consent import consent_in_force
from app.models.enums import (
    CaseStatus,
    ConsentCapacity,
    ConsentDirection,
    InterventionStatus,
    PlanState,
    Relation,
    Sector,
)
from app.services.cases.case_summary import CaseSummary, MemberSummary, age_on, case_summary
from app.services.team.caseload import DEFAULT_LIMIT, caseload_of, caseload_settings
from app.store.reach import narrowed_to


@dataclass(frozen=True, slots=True)
class SlotInfo:
    """A weekly time slot of an intervention (weekday 0 = Monday)."""

    id: int
    intervention_id: int
    citizen_id: int
    weekday: int
    start: time
    end: time
    needs_parent: bool


@dataclass(frozen=True, slots=True)
class InterventionInfo:
    id: int
    citizen_id: int
    title: str
    sector: Sector
    law_section_id: int | None
    law_code: str  # catalogue code, e.g. "BL-32"; "" without a section
    law_reference: str  # "BL § 32, stk. 1"; "" without a section
    law_title: str
    professional_id: int | None
    professional_name: str
    start_date: date
    end_date: date | None
    status: InterventionStatus
    sector_plan: str
    source_system: str
    last_checked: date | None
    version: int
    slots: tuple[SlotInfo, ...] = ()
    noticed_on: date | None = None  # when the municipality became aware of the need (BL § 20)
    law_valid_to: date | None = None  # the last day the law section applies (the catalogue)

    @property
    def kind(self) -> str:
        """The kind of help, for finding overlaps: the law section, else the sector."""
        return f"law:{self.law_section_id}" if self.law_section_id is not None else f"sector:{self.sector}"

    def runs_on(self, day: date) -> bool:
        """Whether the intervention is (planned to be) running on ``day``."""
        if self.status == InterventionStatus.ENDED and self.end_date is None:
            return False
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)

    @property
    def open(self) -> bool:
        return self.status != InterventionStatus.ENDED


@dataclass(frozen=True, slots=True)
class ConsentInfo:
    id: int
    citizen_id: int  # whose data
    given_by: str
    capacity: ConsentCapacity
    info_types: str
    parties: str
    purpose: str
    given_on: date
    expires_on: date | None
    withdrawn_on: date | None
    direction: ConsentDirection = ConsentDirection.BOTH

    def in_force_on(self, day: date) -> bool:
        return consent_in_force(self.given_on, self.expires_on, self.withdrawn_on, day)

    def shares_on(self, day: date) -> bool:
        """In force on ``day`` and a consent to pass information on (not only to collect it)."""
        return self.in_force_on(day) and self.direction != ConsentDirection.COLLECT


@dataclass(frozen=True, slots=True)
class ProfessionalInfo:
    id: int
    name: str
    role: str
    organisation: str
    sector: Sector
    phone: str
    email: str
    member_ids: frozenset[int]  # citizens of this case they work with (through interventions)
    in_network: bool  # linked to the case's network (case_professionals)
    version: int = 0  # the row's version, for a safe edit


@dataclass(frozen=True, slots=True)
class TransitionTopicInfo:
    id: int
    topic: str  # services.transition.TOPICS
    done: bool
    note: str


@dataclass(frozen=True, slots=True)
class TransitionTrackInfo:
    id: int
    citizen_id: int
    deadline: date
    adult_contact_name: str
    adult_contact_phone: str
    adult_contact_email: str
    adult_contact_organisation: str
    note: str
    version: int
    topics: tuple[TransitionTopicInfo, ...]

    @property
    def done_count(self) -> int:
        return sum(1 for t in self.topics if t.done)


@dataclass(frozen=True, slots=True)
class FamilyOverview:
    summary: CaseSummary
    family_id: int | None
    case_status: CaseStatus
    coordinator_id: int
    interventions: tuple[InterventionInfo, ...]
    professionals: tuple[ProfessionalInfo, ...]
    consents: tuple[ConsentInfo, ...]
    transitions: tuple[TransitionTrackInfo, ...]
    has_approved_plan: bool
    coordinator_caseload: Decimal  # the coordinator's weighted caseload (app.services.team.caseload)
    caseload_limit: Decimal = DEFAULT_LIMIT  # the team's limit (a store setting, the same for everyone)

    @property
    def members(self) -> tuple[MemberSummary, ...]:
        return self.summary.members

    def member(self, citizen_id: int) -> MemberSummary | None:
        return next((m for m in self.summary.members if m.citizen_id == citizen_id), None)

    def interventions_of(self, citizen_id: int) -> tuple[InterventionInfo, ...]:
        return tuple(i for i in self.interventions if i.citizen_id == citizen_id)

    def consents_of(self, citizen_id: int) -> tuple[ConsentInfo, ...]:
        return tuple(c for c in self.consents if c.citizen_id == citizen_id)

    def transition_of(self, citizen_id: int) -> TransitionTrackInfo | None:
        return next((t for t in self.transitions if t.citizen_id == citizen_id), None)

    @property
    def slots(self) -> tuple[SlotInfo, ...]:
        return tuple(s for i in self.interventions for s in i.slots)


def load_family_overview(session: Session, case_id: int) -> FamilyOverview:
    """Read the whole picture of one case (raises CaseNotFoundError)."""
    with narrowed_to(session, [case_id]):
        overview = _case_picture(session, case_id)
    settings = caseload_settings(session)  # the coordinator's other cases too: outside the narrowed read
    caseload = caseload_of(session, overview.coordinator_id, settings)
    return replace(overview, coordinator_caseload=caseload, caseload_limit=settings.limit)


def _case_picture(session: Session, case_id: int) -> FamilyOverview:
    """All of the overview that belongs to the case itself (the caseload is left at 0)."""
    summary = case_summary(session, case_id)
    case_row = session.execute(
        select(Case.family_id, Case.status, Case.coordinator_id).where(Case.id == case_id)
    ).one()
    family_id, status, coordinator_id = case_row

    slot_rows = session.execute(
        select(InterventionSlot, Intervention.citizen_id)
        .join(Intervention, Intervention.id == InterventionSlot.intervention_id)
        .where(Intervention.case_id == case_id)
        .order_by(InterventionSlot.weekday, InterventionSlot.start_time, InterventionSlot.id)
    )
    slots_by_intervention: dict[int, list[SlotInfo]] = defaultdict(list)
    for slot, citizen_id in slot_rows:
        slots_by_intervention[slot.intervention_id].append(
            SlotInfo(
                slot.id,
                slot.intervention_id,
                citizen_id,
                slot.weekday,
                slot.start_time,
                slot.end_time,
                slot.needs_parent,
            )
        )

    interventions: list[InterventionInfo] = []
    rows = session.execute(
        select(Intervention, LawSection, Professional.name)
        .outerjoin(LawSection, LawSection.id == Intervention.law_section_id)
        .outerjoin(Professional, Professional.id == Intervention.professional_id)
        .where(Intervention.case_id == case_id)
        .order_by(Intervention.start_date, Intervention.id)
    )
    for item, section, pro_name in rows:
        interventions.append(
            InterventionInfo(
                id=item.id,
                citizen_id=item.citizen_id,
                title=item.title,
                sector=item.sector,
                law_section_id=item.law_section_id,
                law_code=section.code if section else "",
                law_reference=section.reference if section else "",
                law_title=section.title if section else "",
                professional_id=item.professional_id,
                professional_name=pro_name or "",
                start_date=item.start_date,
                end_date=item.end_date,
                status=item.status,
                sector_plan=item.sector_plan,
                source_system=item.source_system,
                last_checked=item.last_checked,
                noticed_on=item.noticed_on,
                law_valid_to=section.valid_to if section else None,
                version=item.version,
                slots=tuple(slots_by_intervention.get(item.id, ())),
            )
        )

    members_of: dict[int, set[int]] = defaultdict(set)
    for info in interventions:
        if info.professional_id is not None:
            members_of[info.professional_id].add(info.citizen_id)
    network_ids = set(
        session.scalars(select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id))
    )
    pro_ids = network_ids | set(members_of)
    professionals: list[ProfessionalInfo] = []
    if pro_ids:
        for pro in session.scalars(
            select(Professional).where(Professional.id.in_(pro_ids)).order_by(Professional.name)
        ):
            professionals.append(
                ProfessionalInfo(
                    id=pro.id,
                    name=pro.name,
                    role=pro.role,
                    organisation=pro.organisation,
                    sector=pro.sector,
                    phone=pro.phone,
                    email=pro.email,
                    member_ids=frozenset(members_of.get(pro.id, ())),
                    in_network=pro.id in network_ids,
                    version=pro.version,
                )
            )

    citizen_ids = [m.citizen_id for m in summary.members]
    consents = tuple(
        ConsentInfo(
            id=c.id,
            citizen_id=c.citizen_id,
            given_by=c.given_by_name,
            capacity=c.capacity,
            info_types=c.info_types,
            parties=c.parties,
            purpose=c.purpose,
            given_on=c.given_on,
            expires_on=c.expires_on,
            withdrawn_on=c.withdrawn_on,
            direction=c.direction,
        )
        for c in session.scalars(
            select(Consent)
            .where(Consent.citizen_id.in_(citizen_ids))
            .where((Consent.case_id == case_id) | Consent.case_id.is_(None))
            .order_by(Consent.given_on, Consent.id)
        )
    )

    topics_by_track: dict[int, list[TransitionTopicInfo]] = defaultdict(list)
    for topic in session.scalars(
        select(TransitionTopic)
        .join(TransitionTrack, TransitionTrack.id == TransitionTopic.track_id)
        .where(TransitionTrack.case_id == case_id)
        .order_by(TransitionTopic.position, TransitionTopic.id)
    ):
        topics_by_track[topic.track_id].append(
            TransitionTopicInfo(topic.id, topic.topic, topic.done, topic.note)
        )
    transitions = tuple(
        TransitionTrackInfo(
            id=t.id,
            citizen_id=t.citizen_id,
            deadline=t.deadline,
            adult_contact_name=t.adult_contact_name,
            adult_contact_phone=t.adult_contact_phone,
            adult_contact_email=t.adult_contact_email,
            adult_contact_organisation=t.adult_contact_organisation,
            note=t.note,
            version=t.version,
            topics=tuple(topics_by_track.get(t.id, ())),
        )
        for t in session.scalars(select(TransitionTrack).where(TransitionTrack.case_id == case_id))
    )

    has_plan = (
        session.scalar(
            select(func.count(PlanVersion.id)).where(
                PlanVersion.case_id == case_id, PlanVersion.state == PlanState.APPROVED
            )
        )
        or 0
    ) > 0
    return FamilyOverview(
        summary=summary,
        family_id=family_id,
        case_status=status,
        coordinator_id=coordinator_id,
        interventions=tuple(interventions),
        professionals=tuple(professionals),
        consents=consents,
        transitions=transitions,
        has_approved_plan=has_plan,
        coordinator_caseload=Decimal(0),
    )


__all__ = [
    "ConsentInfo",
    "FamilyOverview",
    "InterventionInfo",
    "MemberSummary",
    "ProfessionalInfo",
    "Relation",
    "SlotInfo",
    "TransitionTopicInfo",
    "TransitionTrackInfo",
    "age_on",
    "load_family_overview",
]
