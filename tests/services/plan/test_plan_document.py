"""The plan as plain data (what the editor shows and the PDF prints): which version is loaded,
the offers overview built from the family's interventions, the history, read-only state."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import Case, Citizen, LawSection, PlanVersion
from app.models.enums import (
    CaseStatus,
    ConsentCapacity,
    CoordinationModel,
    GoalLevel,
    InterventionStatus,
    PlanState,
    Relation,
    ResponsibleKind,
    Sector,
)
from app.services.cases.case_summary import CaseNotFoundError
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr, parse_cpr
from app.services.demo.demo import generate_demo
from app.services.family.interventions import InterventionInput, add_intervention
from app.services.family.professionals import ProfessionalInput, add_professional
from app.services.plan.plan_document import (
    SECTIONS,
    OfferItem,
    PlanDocument,
    VersionSummary,
    load_plan_document,
    offers_overview,
    plan_history,
)
from app.services.plan.plans import (
    AgreementInput,
    GoalInput,
    PlanDraft,
    approve_plan,
    save_draft,
    start_draft,
)
from app.services.privacy.consents import ConsentInput, record_consent
from tests.factories import add_meeting

TODAY = date(2026, 11, 24)
LISE = "Familien Holm Jensen"
MOTHER_BORN, CHILD_BORN = date(1985, 3, 12), date(2015, 4, 20)


def cpr(born: date, female: bool, seed: int = 0) -> str:
    digits = fictional_cpr(born, female, random.Random(f"plan-document-{born}-{female}-{seed}"))
    assert parse_cpr(digits).passes_mod11
    return digits


def new_family(ctx, *, seed: int = 0, title: str = "Familien Østergaard") -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """A mother with custody and her child; returns (case id, mother's id, child's id)."""
    mother_cpr, child_cpr = cpr(MOTHER_BORN, True, seed), cpr(CHILD_BORN, False, seed)
    with ctx.sessions.begin() as s:
        data = CaseInput(
            family_name=title,
            members=[
                MemberInput("Mette", "Østergaard", mother_cpr, Relation.PARENT, custody=True),
                MemberInput("Karl", "Østergaard", child_cpr, Relation.CHILD),
            ],
            coordinator_id=ctx.user.id,
            model=CoordinationModel.TOGETHER_FOR_FAMILY,
        )
        case_id = create_case(s, data, TODAY).id
        mother = s.scalar(select(Citizen.id).where(Citizen.cpr == mother_cpr))
        child = s.scalar(select(Citizen.id).where(Citizen.cpr == child_cpr))
    for citizen, capacity in ((mother, ConsentCapacity.SELF), (child, ConsentCapacity.CUSTODY_HOLDER)):
        with ctx.sessions.begin() as s:
            record_consent(
                s, case_id, ConsentInput(citizen, "Mette Østergaard", capacity, date(2026, 11, 1)), TODAY
            )
    return case_id, mother, child


def draft_with(ctx, case_id: int, summary: str, comments: dict[tuple[int, str], str] | None = None) -> int:  # type: ignore[no-untyped-def]
    """Start (or reuse) the draft and save a plan with ``summary`` and one shared goal."""
    with ctx.sessions.begin() as s:
        pv_id = start_draft(s, case_id)
        save_draft(
            s,
            pv_id,
            PlanDraft(
                sections={"summary": summary},
                goals=[GoalInput("g1", None, GoalLevel.OVERALL, "Ro i hverdagen")],
                agreements=[AgreementInput("Indkalde", ResponsibleKind.COORDINATOR, ctx.user.id)],
                offer_comments=comments or {},
            ),
            None,
        )
    return pv_id


def approve(ctx, pv_id: int, day: date = TODAY, meeting_id: int | None = None, who: str = "Mette") -> None:  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        approve_plan(s, pv_id, day, meeting_id, who, None)


def document(ctx, case_id: int, version_id: int | None = None) -> PlanDocument:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return load_plan_document(s, case_id, version_id)


def section_id(ctx, code: str) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        found = s.scalar(select(LawSection.id).where(LawSection.code == code))
    assert found is not None, code
    return found


def intervention(
    ctx,  # type: ignore[no-untyped-def]
    case_id: int,
    citizen_id: int,
    title: str,
    start: date,
    *,
    code: str | None = None,
    sector: Sector = Sector.SOCIAL_CHILDREN,
    status: InterventionStatus = InterventionStatus.ACTIVE,
    end: date | None = None,
    professional_id: int | None = None,
) -> int:
    data = InterventionInput(
        citizen_id=citizen_id,
        title=title,
        sector=sector,
        law_section_id=section_id(ctx, code) if code else None,
        professional_id=professional_id,
        start_date=start,
        end_date=end,
        status=status,
    )
    with ctx.sessions.begin() as s:
        return add_intervention(s, case_id, data, TODAY)


# -- which version is loaded ----------------------------------------------------------------


def test_a_case_without_a_plan(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, mother, child = new_family(sqlite_context)

    doc = document(sqlite_context, case_id)

    assert doc.plan is None
    assert doc.history == ()
    assert doc.offers == ()
    assert (doc.case_id, doc.family_name, doc.is_family, doc.read_only) == (
        case_id,
        "Familien Østergaard",
        True,
        False,
    )
    assert doc.case_number.startswith("K-2026-")
    assert doc.coordinator_name == sqlite_context.user.full_name
    assert [m.citizen_id for m in doc.members] == [mother, child]
    assert doc.member_name(child) == "Karl Østergaard"
    assert doc.member_name(None) == ""


def test_the_draft_is_loaded_when_there_is_one(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, _child = new_family(sqlite_context)
    v1 = draft_with(sqlite_context, case_id, "Første udkast")
    assert (document(sqlite_context, case_id).plan.id, document(sqlite_context, case_id).plan.state) == (
        v1,
        PlanState.DRAFT,
    )
    approve(sqlite_context, v1)
    assert document(sqlite_context, case_id).plan.id == v1  # no draft: the approved version

    v2 = draft_with(sqlite_context, case_id, "Andet udkast")

    plan = document(sqlite_context, case_id).plan
    assert (plan.id, plan.number, plan.state, plan.section("summary")) == (
        v2,
        2,
        PlanState.DRAFT,
        "Andet udkast",
    )


def test_without_a_draft_the_newest_approved_version_is_loaded(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, _child = new_family(sqlite_context)
    v1 = draft_with(sqlite_context, case_id, "Version 1")
    approve(sqlite_context, v1)
    v2 = draft_with(sqlite_context, case_id, "Version 2")
    approve(sqlite_context, v2, TODAY + timedelta(days=7))

    plan = document(sqlite_context, case_id).plan

    assert (plan.id, plan.number, plan.state, plan.approved_on, plan.section("summary")) == (
        v2,
        2,
        PlanState.APPROVED,
        TODAY + timedelta(days=7),
        "Version 2",
    )
    assert plan.approved


def test_a_given_version_is_loaded(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, _child = new_family(sqlite_context)
    v1 = draft_with(sqlite_context, case_id, "Version 1")
    meeting = add_meeting(sqlite_context, case_id, starts=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    approve(sqlite_context, v1, meeting_id=meeting, who="Mette og Karl")
    draft_with(sqlite_context, case_id, "Udkast 2")

    plan = document(sqlite_context, case_id, v1).plan

    assert (plan.id, plan.number, plan.state, plan.section("summary")) == (
        v1,
        1,
        PlanState.APPROVED,
        "Version 1",
    )
    assert (plan.meeting_id, plan.meeting_label, plan.participants) == (
        meeting,
        "network|2026-11-20T12:00:00+00:00",
        "Mette og Karl",
    )
    assert [name for name, _text in plan.sections] == list(SECTIONS)


def test_a_version_of_another_case_is_refused(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ours, _m, _c = new_family(sqlite_context)
    theirs, _m2, _c2 = new_family(sqlite_context, seed=1, title="Familien Åberg")
    their_plan = draft_with(sqlite_context, theirs, "Deres plan")
    draft_with(sqlite_context, ours, "Vores plan")

    with pytest.raises(CaseNotFoundError):
        document(sqlite_context, ours, their_plan)
    with pytest.raises(CaseNotFoundError):
        document(sqlite_context, ours, 999_999)
    with pytest.raises(CaseNotFoundError):
        document(sqlite_context, 999_999)
    assert document(sqlite_context, theirs, their_plan).plan.section("summary") == "Deres plan"


# -- history and read-only ------------------------------------------------------------------


def test_history_lists_every_version_in_order(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, _child = new_family(sqlite_context)
    meeting = add_meeting(sqlite_context, case_id, starts=datetime(2026, 11, 3, 13, 0, tzinfo=UTC))
    v1 = draft_with(sqlite_context, case_id, "Version 1")
    approve(sqlite_context, v1, date(2026, 11, 3), meeting, "Mette, Karl")
    v2 = draft_with(sqlite_context, case_id, "Version 2")
    approve(sqlite_context, v2, TODAY, None, "Mette")
    v3 = draft_with(sqlite_context, case_id, "Udkast 3")

    expected = (
        VersionSummary(
            v1, 1, PlanState.APPROVED, date(2026, 11, 3), "network|2026-11-03T13:00:00+00:00", "Mette, Karl"
        ),
        VersionSummary(v2, 2, PlanState.APPROVED, TODAY, "", "Mette"),
        VersionSummary(v3, 3, PlanState.DRAFT, None, "", ""),
    )
    with sqlite_context.sessions() as s:
        assert plan_history(s, case_id) == expected
    assert document(sqlite_context, case_id).history == expected
    assert document(sqlite_context, case_id, v1).history == expected


@pytest.mark.parametrize(
    ("status", "read_only"),
    [
        (CaseStatus.ACTIVE, False),
        (CaseStatus.PAUSED, False),
        (CaseStatus.CANDIDATE, False),
        (CaseStatus.CLOSED, True),
    ],
)
def test_a_closed_case_plan_is_read_only(sqlite_context, status: CaseStatus, read_only: bool) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, _child = new_family(sqlite_context)
    draft_with(sqlite_context, case_id, "Planen")
    with sqlite_context.sessions.begin() as s:
        s.get(Case, case_id).status = status

    doc = document(sqlite_context, case_id)

    assert doc.read_only is read_only
    assert doc.plan is not None and doc.plan.section("summary") == "Planen"


# -- the offers overview --------------------------------------------------------------------


def test_offers_are_grouped_per_member_and_law(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, mother, child = new_family(sqlite_context)
    with sqlite_context.sessions.begin() as s:
        pro = add_professional(s, case_id, ProfessionalInput("Mohammed Laursen", "Familiebehandler"))
    intervention(
        sqlite_context,
        case_id,
        mother,
        "Familiebehandling",
        date(2026, 10, 1),
        code="BL-32-1",
        professional_id=pro,
    )
    intervention(
        sqlite_context, case_id, mother, "Praktisk støtte i hjemmet", date(2026, 9, 1), code="BL-32-1"
    )
    intervention(
        sqlite_context,
        case_id,
        mother,
        "Virksomhedspraktik",
        date(2026, 9, 15),
        code="LAB-KAP11",
        sector=Sector.EMPLOYMENT,
    )
    intervention(
        sqlite_context, case_id, mother, "Danskundervisning", date(2026, 8, 1), sector=Sector.EDUCATION
    )
    intervention(
        sqlite_context,
        case_id,
        mother,
        "Bostøtte",
        date(2026, 12, 1),
        code="SEL-85",
        sector=Sector.SOCIAL_ADULTS,
        status=InterventionStatus.PLANNED,
    )
    intervention(
        sqlite_context,
        case_id,
        mother,
        "Samtalegruppe (afsluttet)",
        date(2026, 5, 1),
        code="BL-30",
        status=InterventionStatus.ENDED,
        end=date(2026, 8, 31),
    )
    intervention(
        sqlite_context,
        case_id,
        child,
        "Fast kontaktperson",
        date(2026, 9, 1),
        code="BL-32-1",
        status=InterventionStatus.PAUSED,
    )
    intervention(sqlite_context, case_id, child, "Lektiecafé", date(2026, 9, 2), sector=Sector.EDUCATION)
    # The same mother's help in another family's case is not part of this plan.
    other_case, other_mother, _other_child = new_family(sqlite_context, title="Familien Bæk")
    assert other_mother == mother
    intervention(
        sqlite_context,
        other_case,
        mother,
        "Ledsageordning",
        date(2026, 9, 1),
        code="SEL-97",
        sector=Sector.SOCIAL_ADULTS,
    )
    comments = {(mother, "BL-32-1"): "Fortsætter til sommer.", (child, "sector:education"): "Hver tirsdag."}

    with sqlite_context.sessions() as s:
        lines = offers_overview(s, case_id, comments)

    assert [(line.citizen_id, line.group_key) for line in lines] == [
        (mother, "sector:education"),
        (mother, "BL-32-1"),
        (mother, "LAB-KAP11"),
        (mother, "SEL-85"),
        (child, "BL-32-1"),
        (child, "sector:education"),
    ]
    by_key = {(line.citizen_id, line.group_key): line for line in lines}
    help_at_home = by_key[(mother, "BL-32-1")]
    assert (
        help_at_home.law_name,
        help_at_home.law_reference,
        help_at_home.law_title,
        help_at_home.sector,
    ) == (
        "Barnets lov",
        "BL § 32, stk. 1",
        "Støttende indsatser",
        Sector.SOCIAL_CHILDREN,
    )
    assert help_at_home.items == (
        OfferItem("Praktisk støtte i hjemmet", "", date(2026, 9, 1), None, InterventionStatus.ACTIVE),
        OfferItem(
            "Familiebehandling", "Mohammed Laursen", date(2026, 10, 1), None, InterventionStatus.ACTIVE
        ),
    )
    assert help_at_home.comment == "Fortsætter til sommer."
    school = by_key[(mother, "sector:education")]
    assert (school.law_name, school.law_reference, school.law_title, school.sector) == (
        "",
        "",
        "",
        Sector.EDUCATION,
    )
    assert [i.title for i in school.items] == ["Danskundervisning"]
    assert by_key[(mother, "SEL-85")].items[0].status == InterventionStatus.PLANNED
    assert by_key[(child, "BL-32-1")].items[0].status == InterventionStatus.PAUSED
    assert by_key[(child, "BL-32-1")].comment == ""  # the mother's BL-32-1 comment is hers only
    assert by_key[(child, "sector:education")].comment == "Hver tirsdag."
    assert all("afsluttet" not in item.title for line in lines for item in line.items)
    assert all(item.title != "Ledsageordning" for line in lines for item in line.items)


def test_the_document_offers_carry_the_loaded_versions_comments(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    case_id, _mother, child = new_family(sqlite_context)
    intervention(sqlite_context, case_id, child, "Fast kontaktperson", date(2026, 9, 1), code="BL-32-1")
    v1 = draft_with(sqlite_context, case_id, "Version 1", {(child, "BL-32-1"): "Kommentar i version 1"})
    approve(sqlite_context, v1)
    draft_with(sqlite_context, case_id, "Udkast 2", {(child, "BL-32-1"): "Kommentar i udkast 2"})

    (draft_line,) = document(sqlite_context, case_id).offers
    (approved_line,) = document(sqlite_context, case_id, v1).offers

    assert (draft_line.citizen_id, draft_line.group_key, draft_line.comment) == (
        child,
        "BL-32-1",
        "Kommentar i udkast 2",
    )
    assert approved_line.comment == "Kommentar i version 1"


# -- Lise's demo case -----------------------------------------------------------------------


def test_lises_plan_has_an_approved_version_and_a_draft(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=0, seed=1, today=TODAY, my_login="tester")
        case_id = s.scalar(select(Case.id).where(Case.title == LISE))
        versions = {
            v.number: v.id for v in s.scalars(select(PlanVersion).where(PlanVersion.case_id == case_id))
        }

    doc = document(sqlite_context, case_id)

    assert doc.family_name == LISE and not doc.read_only
    assert [(h.number, h.state) for h in doc.history] == [(1, PlanState.APPROVED), (2, PlanState.DRAFT)]
    assert doc.history[0].meeting_label.startswith("network|")
    assert (doc.plan.id, doc.plan.number, doc.plan.state) == (versions[2], 2, PlanState.DRAFT)
    approved = document(sqlite_context, case_id, versions[1]).plan
    assert approved.approved and approved.meeting_id is not None
    # The goals keep their keys from version 1 to 2, so each shows the same score series.
    assert [g.goal_key for g in doc.plan.goals] == [g.goal_key for g in approved.goals]
    overall = [g for g in doc.plan.goals if g.level == GoalLevel.OVERALL]
    assert len(overall) == 3 and all(g.scores for g in overall)
    assert [g.scores for g in overall] == [g.scores for g in approved.goals if g.level == GoalLevel.OVERALL]
    lise = next(m.citizen_id for m in doc.members if m.name == "Lise Holm Jensen")
    assert {line.group_key for line in doc.offers if line.citizen_id == lise} == {
        "LAB-KAP11",
        "LAS-16-20",
        "BL-32-1",
    }
