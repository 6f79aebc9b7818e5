"""Builders for tests: plain data for the family screen's dataclasses (FamilyOverview and its
parts), and a family case with its plan in a test store (plan services and UI tests).

Every builder takes keyword arguments with quiet defaults, so a test names only what it is
about. Ids left out are drawn from one counter, in creation order.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import count

from sqlalchemy import select, text

from app.models import Citizen, Meeting, PlanVersion
from app.models.enums import (
    CaseStatus,
    ConsentCapacity,
    CoordinationModel,
    GoalLevel,
    GoalStatus,
    InterventionStatus,
    MeetingKind,
    MeetingStatus,
    Relation,
    ResponsibleKind,
    Sector,
)
from app.services.cases.case_summary import CaseSummary, MemberSummary
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr, parse_cpr
from app.services.family.family_overview import (
    ConsentInfo,
    FamilyOverview,
    InterventionInfo,
    ProfessionalInfo,
    SlotInfo,
    TransitionTopicInfo,
    TransitionTrackInfo,
)
from app.services.plan.plan_document import PlanVersionView, load_plan_document
from app.services.plan.plans import (
    DEFAULT_CONSENT_RULE,
    AgreementInput,
    ConsentRule,
    GoalInput,
    PlanDraft,
    approve_plan,
    save_draft,
    start_draft,
)
from app.services.privacy.consents import ConsentInput, record_consent, withdraw_consent

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
    caseload: Decimal = Decimal(1),
    caseload_limit: Decimal = Decimal(30),
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
        caseload_limit=caseload_limit,
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


# -- a family case and its plan in a store ------------------------------------------------------
# The set-up of the plan tests (services and UI): a family of four with real CPR numbers
# (fictional, mod-11), drafts, saves, consents, meetings and approvals in one short call each.

TODAY = date(2026, 11, 24)
GIVEN = date(2026, 11, 1)  # when the consents in these tests were given
PLAN_TABLES = (
    "plan_versions",
    "goals",
    "goal_members",
    "agreements",
    "plan_member_sections",
    "plan_offer_comments",
)

# name -> (first name, born, female, relation, custody). Ages on TODAY: 41, 16, 15, 8.
Person = tuple[str, date, bool, Relation, bool]
MEMBERS: dict[str, Person] = {
    "mother": ("Mette", date(1985, 3, 12), True, Relation.PARENT, True),
    "youth": ("Søren", date(2010, 6, 1), False, Relation.CHILD, False),
    "teen": ("Ida", date(2011, 5, 10), True, Relation.CHILD, False),
    "child": ("Karl", date(2018, 2, 1), False, Relation.CHILD, False),
}


def cpr(born: date, female: bool, seed: int = 0) -> str:
    digits = fictional_cpr(born, female, random.Random(f"plans-{born}-{female}-{seed}"))
    assert parse_cpr(digits).passes_mod11
    return digits


def single_citizen_case(session, coordinator_id: int, last_name: str, today: date):  # type: ignore[no-untyped-def]
    """A case of one adult citizen (Ida ``last_name``) and nothing else: no plan, no meeting."""
    born = fictional_cpr(date(1990, 2, 3), True, random.Random(5))
    members = [MemberInput("Ida", last_name, born, Relation.OTHER)]
    return create_case(
        session, CaseInput(single_citizen=True, members=members, coordinator_id=coordinator_id), today
    )


@dataclass(frozen=True)
class Family:
    case_id: int
    ids: dict[str, int]  # member name -> citizen id

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


def new_family(
    ctx,  # type: ignore[no-untyped-def]
    people: dict[str, Person] | None = None,
    *,
    seed: int = 0,
    title: str = "Familien Østergaard",
) -> Family:
    people = people or MEMBERS
    with ctx.sessions.begin() as s:
        data = CaseInput(
            family_name=title,
            members=[
                MemberInput(first, "Østergaard", cpr(born, female, seed), relation, custody=custody)
                for first, born, female, relation, custody in people.values()
            ],
            coordinator_id=ctx.user.id,
            model=CoordinationModel.TOGETHER_FOR_FAMILY,
        )
        case_id = create_case(s, data, TODAY).id
        ids = {
            name: s.scalar(select(Citizen.id).where(Citizen.cpr == cpr(born, female, seed)))
            for name, (_first, born, female, _relation, _custody) in people.items()
        }
    return Family(case_id, ids)


def goal(
    key: str,
    words: str = "Et mål",
    *,
    parent: str | None = None,
    level: GoalLevel | None = None,
    citizen: int | None = None,
    target: date | None = None,
    status: GoalStatus = GoalStatus.OPEN,
    members: tuple[int, ...] = (),
) -> GoalInput:
    """A goal of ``members`` (or the one ``citizen``; neither: the whole family)."""
    if level is None:
        level = GoalLevel.OVERALL if parent is None else GoalLevel.SUB
    concerns = members or ((citizen,) if citizen is not None else ())
    return GoalInput(key, parent, level, words, concerns, target, status)


def coordinator_agreement(ctx, what: str = "Indkalde til møde") -> AgreementInput:  # type: ignore[no-untyped-def]
    return AgreementInput(what, ResponsibleKind.COORDINATOR, ctx.user.id, date(2026, 12, 8))


def open_draft(ctx, case_id: int) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        return start_draft(s, case_id)


def save(ctx, pv_id: int, draft: PlanDraft, expected: int | None = None) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        return save_draft(s, pv_id, draft, expected)


def load(ctx, case_id: int, pv_id: int) -> PlanVersionView:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        plan = load_plan_document(s, case_id, pv_id).plan
    assert plan is not None
    return plan


def row_version(ctx, pv_id: int) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return s.scalar(select(PlanVersion.version).where(PlanVersion.id == pv_id))


def without_scores(view: PlanVersionView) -> PlanVersionView:
    """The version's own content: scores belong to the goal's series, not to one version."""
    return replace(
        view,
        goals=tuple(replace(g, scores=()) for g in view.goals),
        member_sections=tuple(sorted(view.member_sections)),
        offer_comments=tuple(sorted(view.offer_comments)),
    )


def counts(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return {t: s.scalar(text(f"SELECT count(*) FROM {t}")) for t in PLAN_TABLES}


def snapshot(ctx, case_id: int, pv_id: int) -> tuple[PlanVersionView, dict[str, int]]:  # type: ignore[no-untyped-def]
    return without_scores(load(ctx, case_id, pv_id)), counts(ctx)


def consent(
    ctx,  # type: ignore[no-untyped-def]
    case_id: int,
    citizen_id: int,
    capacity: ConsentCapacity,
    *,
    given_on: date = GIVEN,
    expires_on: date | None = None,
    withdrawn_on: date | None = None,
    given_by: str = "Mette Østergaard",
) -> int:
    with ctx.sessions.begin() as s:
        consent_id = record_consent(
            s,
            case_id,
            ConsentInput(
                citizen_id,
                given_by,
                capacity,
                given_on,
                expires_on=expires_on,
                mandate="plan"
                if capacity in (ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY)
                else "",
            ),
            max(TODAY, given_on),
        )
        if withdrawn_on is not None:
            withdraw_consent(s, consent_id, withdrawn_on, "", None)
    return consent_id


def consent_everyone(ctx, family: Family) -> None:  # type: ignore[no-untyped-def]
    """What the default rule asks for MEMBERS: the mother herself, the custody holder for each
    child, and the 16-year-old too."""
    consent(ctx, family.case_id, family["mother"], ConsentCapacity.SELF)
    for name in ("youth", "teen", "child"):
        consent(ctx, family.case_id, family[name], ConsentCapacity.CUSTODY_HOLDER)
    consent(ctx, family.case_id, family["youth"], ConsentCapacity.YOUTH)


def add_meeting(ctx, case_id: int, n: int = 1, *, starts: datetime | None = None) -> int:  # type: ignore[no-untyped-def]
    """A held network meeting of the case, ``n`` days after TODAY's morning (or at ``starts``)."""
    starts = starts or datetime(2026, 11, 24, 9, 0, tzinfo=UTC) + timedelta(days=n)
    with ctx.sessions.begin() as s:
        meeting = Meeting(
            case_id=case_id,
            kind=MeetingKind.NETWORK,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            status=MeetingStatus.HELD,
            ical_uid=f"plan-{case_id}-{starts.isoformat()}@test",
        )
        s.add(meeting)
        s.flush()
        return meeting.id


def approve(
    ctx,  # type: ignore[no-untyped-def]
    pv_id: int,
    *,
    day: date = TODAY,
    meeting_id: int | None = None,
    participants: str = "Mette Østergaard, koordinator",
    expected: int | None = None,
    rule: ConsentRule = DEFAULT_CONSENT_RULE,
) -> int:
    with ctx.sessions.begin() as s:
        return approve_plan(s, pv_id, day, meeting_id, participants, expected, rule)
