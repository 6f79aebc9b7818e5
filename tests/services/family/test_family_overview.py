"""The family overview read-model: Lise's demo case against direct SQL, and edge cases."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.models import (
    Case,
    CaseProfessional,
    Citizen,
    Consent,
    FamilyMember,
    Intervention,
    InterventionSlot,
    PlanVersion,
    Professional,
)
from app.models.enums import CaseStatus, ConsentCapacity, CoordinationModel, PlanState, Relation
from app.services.cases.case_summary import CaseNotFoundError
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.demo.demo import generate_demo
from app.services.family.family_overview import FamilyOverview, load_family_overview
from app.services.family.interventions import InterventionInput, SlotInput, add_intervention
from app.services.family.professionals import (
    ProfessionalInput,
    add_professional,
    link_professional,
    unlink_professional,
)
from app.services.family.transition_tracks import start_transition_track
from app.services.privacy.consents import ConsentInput, record_consent
from app.services.team.caseload import set_caseload_settings

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One SQLite store with demo data, shared by the read-only tests below."""
    from app.startup import open_context

    ctx = open_context(str(tmp_path_factory.mktemp("demo") / "demo.sqlite"), login="tester")
    with ctx.sessions.begin() as s:
        generate_demo(s, families=12, seed=7, today=TODAY, my_login="tester")
        lise_case = s.scalar(select(Case.id).where(Case.title.like("%Holm Jensen%")))
    assert lise_case is not None
    with ctx.sessions() as s:
        overview = load_family_overview(s, lise_case)
    yield ctx, lise_case, overview
    ctx.close()


def test_lise_members_in_order(demo_store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, overview = demo_store
    assert overview.summary.id == case_id
    assert overview.summary.title == "Familien Holm Jensen"
    assert [(m.first_name, m.relation, m.custody) for m in overview.members] == [
        ("Lise", Relation.PARENT, True),
        ("Oliver", Relation.CHILD, False),
        ("Freja", Relation.CHILD, False),
        ("Emil", Relation.CHILD, False),
    ]
    with ctx.sessions() as s:
        case = s.get(Case, case_id)
        assert overview.family_id == case.family_id
        assert (overview.case_status, overview.coordinator_id) == (case.status, case.coordinator_id)
        stored = s.execute(
            select(FamilyMember.id, FamilyMember.citizen_id, FamilyMember.version)
            .where(FamilyMember.family_id == case.family_id)
            .order_by(FamilyMember.position)
        ).all()
    assert [(m.member_id, m.citizen_id, m.member_version) for m in overview.members] == [
        tuple(r) for r in stored
    ]
    lise = overview.members[0]
    assert overview.member(lise.citizen_id) == lise
    assert overview.member(999_999) is None


def test_lise_interventions_and_slots_match_the_store(demo_store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, overview = demo_store
    with ctx.sessions() as s:
        stored = {
            i.id: (i.citizen_id, i.title, i.law_section_id, i.professional_id, i.start_date, i.status)
            for i in s.scalars(select(Intervention).where(Intervention.case_id == case_id))
        }
        slots: dict[int, list[tuple[int, time, time, bool]]] = defaultdict(list)
        for sl in s.scalars(
            select(InterventionSlot)
            .join(Intervention, Intervention.id == InterventionSlot.intervention_id)
            .where(Intervention.case_id == case_id)
            .order_by(InterventionSlot.weekday, InterventionSlot.start_time)
        ):
            slots[sl.intervention_id].append((sl.weekday, sl.start_time, sl.end_time, sl.needs_parent))
        pro_names = {pid: name for pid, name in s.execute(select(Professional.id, Professional.name))}
    assert len(stored) >= 4  # Lise's case has interventions for every member
    assert {
        i.id: (i.citizen_id, i.title, i.law_section_id, i.professional_id, i.start_date, i.status)
        for i in overview.interventions
    } == stored
    ordered = [(i.start_date, i.id) for i in overview.interventions]
    assert ordered == sorted(ordered)
    for info in overview.interventions:
        assert [(sl.weekday, sl.start, sl.end, sl.needs_parent) for sl in info.slots] == slots.get(
            info.id, []
        )
        assert all(sl.citizen_id == info.citizen_id and sl.intervention_id == info.id for sl in info.slots)
        assert info.professional_name == pro_names[info.professional_id]
    assert len(overview.slots) == sum(len(v) for v in slots.values()) > 0
    per_member = [len(overview.interventions_of(m.citizen_id)) for m in overview.members]
    assert per_member == [
        sum(1 for row in stored.values() if row[0] == m.citizen_id) for m in overview.members
    ]
    assert all(per_member)

    praktik = next(i for i in overview.interventions if i.title == "Virksomhedspraktik på plejecenter Bøgely")
    assert praktik.citizen_id == overview.members[0].citizen_id
    assert (praktik.law_code, praktik.law_reference, praktik.law_title) == (
        "LAB-KAP11",
        "LAB kap. 11, §§ 57 ff.",
        "Virksomhedspraktik",
    )
    assert [(sl.weekday, sl.start, sl.end) for sl in praktik.slots] == [
        (0, time(8), time(13)),
        (2, time(8), time(13)),
        (3, time(8), time(13)),
    ]
    kontakt = next(i for i in overview.interventions if i.title == "Fast kontaktperson")
    assert (kontakt.citizen_id, kontakt.law_reference) == (overview.members[1].citizen_id, "BL § 32, stk. 1")
    group = next(i for i in overview.interventions if i.title.startswith("Samtalegruppe"))
    assert [(sl.weekday, sl.needs_parent) for sl in group.slots] == [(3, True)]


def test_lise_professionals_follow_the_interventions_and_the_network(demo_store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, overview = demo_store
    with ctx.sessions() as s:
        works_with: dict[int, set[int]] = defaultdict(set)
        for pro, cid in s.execute(
            select(Intervention.professional_id, Intervention.citizen_id).where(
                Intervention.case_id == case_id, Intervention.professional_id.is_not(None)
            )
        ):
            works_with[pro].add(cid)
        linked = set(
            s.scalars(select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id))
        )
        details = {p.id: (p.name, p.role, p.organisation, p.sector) for p in s.scalars(select(Professional))}
    assert works_with and linked
    shown = {p.id: p for p in overview.professionals}
    assert set(shown) == linked | set(works_with)
    for pro_id, info in shown.items():
        assert info.member_ids == frozenset(works_with.get(pro_id, set())), info.name
        assert info.in_network == (pro_id in linked)
        assert (info.name, info.role, info.organisation, info.sector) == details[pro_id]
    names = [p.name for p in overview.professionals]
    assert names == sorted(names)


def test_lise_plan_consents_and_caseload_match_direct_counts(demo_store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, overview = demo_store
    with ctx.sessions() as s:
        approved = s.scalar(
            select(func.count(PlanVersion.id)).where(
                PlanVersion.case_id == case_id, PlanVersion.state == PlanState.APPROVED
            )
        )
        counted = s.execute(  # weighted by hand: a family 1.5, a single citizen 1 (the defaults)
            select(Case.family_id).where(
                Case.coordinator_id == overview.coordinator_id,
                Case.status.in_((CaseStatus.ACTIVE, CaseStatus.PAUSED)),
            )
        ).all()
        caseload = sum(Decimal("1.5") if row.family_id else Decimal(1) for row in counted)
        all_cases = s.scalar(
            select(func.count(Case.id)).where(Case.coordinator_id == overview.coordinator_id)
        )
        members = [m.citizen_id for m in overview.members]
        consents = {
            c.id: (c.citizen_id, c.given_by_name, c.capacity, c.given_on, c.expires_on, c.withdrawn_on)
            for c in s.scalars(
                select(Consent).where(
                    Consent.citizen_id.in_(members), (Consent.case_id == case_id) | Consent.case_id.is_(None)
                )
            )
        }
        tester = s.scalar(select(Case.coordinator_id).where(Case.id == case_id))
    assert approved == 1
    assert overview.has_approved_plan is True
    assert overview.coordinator_caseload == caseload
    assert 0 < len(counted) <= all_cases
    assert overview.coordinator_id == tester == ctx.user.id  # my_login="tester" coordinates Lise's case
    assert consents  # the demo records consents with the approved plan
    assert {
        c.id: (c.citizen_id, c.given_by, c.capacity, c.given_on, c.expires_on, c.withdrawn_on)
        for c in overview.consents
    } == consents
    for member in overview.members:
        expected = sorted((row[3], cid) for cid, row in consents.items() if row[0] == member.citizen_id)
        assert [c.id for c in overview.consents_of(member.citizen_id)] == [cid for _, cid in expected]
    assert overview.consents_of(overview.members[0].citizen_id)  # Lise herself consented
    assert overview.transitions == ()


# -- built by hand -------------------------------------------------------------------------


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"overview-{born}-{female}"))


def make_case(s, coordinator_id: int, last: str, born: int) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name=f"Familien {last}",
        members=[
            MemberInput("Mette", last, cpr(date(born, 3, 12), True), Relation.PARENT, custody=True),
            MemberInput("Søren", last, cpr(date(born + 25, 9, 2), False), Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
        model=CoordinationModel.TOGETHER_FOR_FAMILY,
    )
    case_id = create_case(s, data, TODAY).id
    mother, son = s.scalars(select(Citizen.id).where(Citizen.last_name == last).order_by(Citizen.birth_date))
    return case_id, mother, son


def overview_of(ctx, case_id: int) -> FamilyOverview:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return load_family_overview(s, case_id)


def test_a_new_case_is_empty(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id, mother, son = make_case(s, sqlite_context.user.id, "Ågård", 1985)
    overview = overview_of(sqlite_context, case_id)
    assert [m.citizen_id for m in overview.members] == [mother, son]
    assert (overview.interventions, overview.professionals, overview.consents, overview.transitions) == (
        (),
        (),
        (),
        (),
    )
    assert overview.slots == ()
    assert overview.has_approved_plan is False
    assert overview.coordinator_caseload == Decimal("1.5")  # one family at the default weight
    assert overview.case_status == CaseStatus.ACTIVE
    assert overview.transition_of(son) is None


def test_unknown_case_raises(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s, pytest.raises(CaseNotFoundError):
        load_family_overview(s, 999_999)


def test_approved_plan_and_caseload(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    me = sqlite_context.user.id
    with sqlite_context.sessions.begin() as s:
        case_id, _mother, _son = make_case(s, me, "Ågård", 1985)
        closed, _m, _s = make_case(s, me, "Bæk", 1981)
        paused, _m, _s = make_case(s, me, "Holm", 1979)
        s.get(Case, closed).status = CaseStatus.CLOSED
        s.get(Case, paused).status = CaseStatus.PAUSED
        s.add(PlanVersion(case_id=case_id, number=1, state=PlanState.DRAFT))
    overview = overview_of(sqlite_context, case_id)
    assert overview.has_approved_plan is False  # a draft is not a plan
    # two families of weight 1.5: the closed case does not count, the paused one does
    assert (overview.coordinator_caseload, overview.caseload_limit) == (Decimal(3), Decimal(30))
    with sqlite_context.sessions.begin() as s:  # the team's settings, the same for everyone
        set_caseload_settings(s, limit=Decimal(2), family_weight=Decimal(2))
    assert (
        overview_of(sqlite_context, case_id).coordinator_caseload,
        overview_of(sqlite_context, case_id).caseload_limit,
    ) == (Decimal(4), Decimal(2))
    with sqlite_context.sessions.begin() as s:
        s.add(PlanVersion(case_id=case_id, number=2, state=PlanState.APPROVED, approved_on=TODAY))
        s.add(PlanVersion(case_id=paused, number=1, state=PlanState.APPROVED, approved_on=TODAY))
    assert overview_of(sqlite_context, case_id).has_approved_plan is True
    assert overview_of(sqlite_context, closed).has_approved_plan is False  # another case's plan


def test_overview_shows_only_this_cases_rows(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    me = sqlite_context.user.id
    with sqlite_context.sessions.begin() as s:
        case_id, mother, son = make_case(s, me, "Ågård", 1985)
        other, other_mother, _ = make_case(s, me, "Bæk", 1981)
        pro = add_professional(s, case_id, ProfessionalInput("Hanne Ødegaard"))
        link_professional(s, other, pro)
        here = add_intervention(
            s,
            case_id,
            InterventionInput(
                citizen_id=son,
                title="Kontaktperson",
                start_date=date(2026, 9, 1),
                professional_id=pro,
                slots=[SlotInput(1, time(15), time(17))],
            ),
            TODAY,
        )
        add_intervention(
            s,
            other,
            InterventionInput(
                citizen_id=other_mother,
                title="Mentor",
                start_date=date(2026, 9, 1),
                professional_id=pro,
                slots=[SlotInput(2, time(9), time(10))],
            ),
            TODAY,
        )
        consent = record_consent(
            s, case_id, ConsentInput(mother, "Mette Ågård", ConsentCapacity.SELF, date(2026, 10, 1)), TODAY
        )
        # a consent without a case (given for the person in general) shows in every case of theirs
        general = Consent(
            citizen_id=mother,
            case_id=None,
            given_by_name="Mette Ågård",
            capacity=ConsentCapacity.SELF,
            given_on=date(2026, 9, 1),
        )
        s.add(general)
        record_consent(
            s,
            other,
            ConsentInput(other_mother, "Helle Bæk", ConsentCapacity.SELF, date(2026, 10, 1)),
            TODAY,
        )
        s.flush()
        general_id = general.id
        track = start_transition_track(s, case_id, son)
        start_transition_track(s, other, other_mother)
        unlink_professional(s, other, pro)
    overview = overview_of(sqlite_context, case_id)
    assert [i.id for i in overview.interventions] == [here]
    assert [(sl.weekday, sl.citizen_id) for sl in overview.slots] == [(1, son)]
    assert [c.id for c in overview.consents] == [general_id, consent]
    assert [t.id for t in overview.transitions] == [track]
    (info,) = overview.professionals
    assert (info.id, info.in_network, info.member_ids) == (pro, True, frozenset({son}))
    elsewhere = overview_of(sqlite_context, other)
    (info,) = elsewhere.professionals
    assert (info.id, info.in_network, info.member_ids) == (pro, False, frozenset({other_mother}))
    assert [c.citizen_id for c in elsewhere.consents] == [other_mother]
