"""The coordinating plan's services: drafts, saving all-or-nothing with a version check,
progression scores that follow a goal across versions, the approval rules (goals, someone
responsible, consent by age), approving at a meeting, and comparing two versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.models import Case, Citizen, GoalScore, PlanVersion
from app.models.enums import (
    AgreementStatus,
    CaseStatus,
    ConsentCapacity,
    CoordinationModel,
    GoalLevel,
    GoalStatus,
    PlanState,
    Relation,
    ResponsibleKind,
)
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.professionals import ProfessionalInput, add_professional
from app.services.plan.plan_document import (
    SECTIONS,
    AgreementView,
    GoalView,
    PlanVersionView,
    load_plan_document,
)
from app.services.plan.plans import (
    DEFAULT_CONSENT_RULE,
    AgreementInput,
    ConsentRule,
    PlanDraft,
    Segment,
    approval_problems,
    approve_plan,
    compare_versions,
    concerned_members,
    current_draft_id,
    diff_words,
    record_score,
    save_draft,
    start_draft,
    validate_draft,
)
from tests.factories import (
    MEMBERS,
    TODAY,
    Family,
    add_meeting,
    approve,
    consent,
    consent_everyone,
    coordinator_agreement,
    counts,
    cpr,
    goal,
    load,
    new_family,
    open_draft,
    row_version,
    save,
    snapshot,
    without_scores,
)


def problems(
    ctx, pv_id: int, day: date = TODAY, rule: ConsentRule = DEFAULT_CONSENT_RULE
) -> set[tuple[str, Problem]]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return pairs(approval_problems(s, pv_id, day, rule))


def pairs(found: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in found}


def consent_field(citizen_id: int, capacity: ConsentCapacity) -> tuple[str, Problem]:
    return (f"consent.{citizen_id}.{capacity.value}", Problem.REQUIRED)


def simple_plan(ctx, family: Family, citizen: int | None = None) -> int:  # type: ignore[no-untyped-def]
    """A draft with one goal (for ``citizen``; shared when None) and one agreement."""
    pv_id = open_draft(ctx, family.case_id)
    save(
        ctx,
        pv_id,
        PlanDraft(
            sections={"summary": "Familien vil have ro."},
            goals=[goal("g1", "Ro i hverdagen", citizen=citizen)],
            agreements=[coordinator_agreement(ctx)],
        ),
    )
    return pv_id


def close_case(ctx, case_id: int) -> None:  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        case = s.get(Case, case_id)
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY


def full_draft(ctx, family: Family, professional_id: int) -> PlanDraft:  # type: ignore[no-untyped-def]
    mother, youth = family["mother"], family["youth"]
    return PlanDraft(
        sections={name: f"Tekst om {name}: æble, øre og å." for name in SECTIONS},
        member_sections={mother: "Mettes del af planen.", youth: "Sørens del af planen."},
        goals=[
            goal("g-overall", "Familien har ro i hverdagen"),
            goal(
                "g-sub",
                "Mette kommer i virksomhedspraktik",
                parent="g-overall",
                citizen=mother,
                target=date(2027, 3, 1),
            ),
            goal(
                "g-progression",
                "Mette møder op tre dage om ugen",
                parent="g-sub",
                level=GoalLevel.PROGRESSION,
                citizen=mother,
                target=date(2027, 1, 15),
                status=GoalStatus.ACHIEVED,
            ),
            goal("g-youth", "Søren får et fritidsjob", citizen=youth, status=GoalStatus.DROPPED),
        ],
        agreements=[
            AgreementInput("Søge om aflastning", ResponsibleKind.MEMBER, mother, date(2026, 12, 13)),
            AgreementInput(
                "Indkalde til netværksmøde",
                ResponsibleKind.PROFESSIONAL,
                professional_id,
                date(2026, 12, 15),
                AgreementStatus.DONE,
            ),
            AgreementInput("Sende skema", ResponsibleKind.COORDINATOR, ctx.user.id),
        ],
        offer_comments={
            (mother, "BL-32-1"): "Familiebehandlingen fortsætter.",
            (youth, "sector:education"): "Støtte i klassen to dage om ugen.",
        },
    )


def add_pro(ctx, case_id: int) -> int:  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        return add_professional(s, case_id, ProfessionalInput("Mohammed Laursen", "Mentor"))


# -- starting a draft -------------------------------------------------------------------------


def test_first_draft_is_number_one_and_is_the_current_draft(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    with sqlite_context.sessions() as s:
        assert current_draft_id(s, family.case_id) is None

    pv_id = open_draft(sqlite_context, family.case_id)

    with sqlite_context.sessions() as s:
        pv = s.get(PlanVersion, pv_id)
        assert (pv.case_id, pv.number, pv.state) == (family.case_id, 1, PlanState.DRAFT)
        assert (pv.approved_on, pv.meeting_id, pv.participants) == (None, None, "")
        assert current_draft_id(s, family.case_id) == pv_id
    view = load(sqlite_context, family.case_id, pv_id)
    assert view.goals == view.agreements == view.member_sections == view.offer_comments == ()
    assert all(text == "" for _name, text in view.sections)


def test_start_draft_returns_the_open_draft_instead_of_a_second_one(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    first = open_draft(sqlite_context, family.case_id)
    save(sqlite_context, first, PlanDraft(sections={"summary": "Skrevet før."}, goals=[goal("g1")]))

    assert open_draft(sqlite_context, family.case_id) == first
    assert open_draft(sqlite_context, family.case_id) == first

    with sqlite_context.sessions() as s:
        numbers = list(s.scalars(select(PlanVersion.number).where(PlanVersion.case_id == family.case_id)))
    assert numbers == [1]
    assert load(sqlite_context, family.case_id, first).section("summary") == "Skrevet før."


def test_after_approval_the_next_draft_copies_the_approved_version(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pro = add_pro(context, family.case_id)
    consent_everyone(context, family)
    v1 = open_draft(context, family.case_id)
    save(context, v1, full_draft(context, family, pro))
    meeting = add_meeting(context, family.case_id)
    assert approve(context, v1, meeting_id=meeting) == 1
    approved = load(context, family.case_id, v1)

    v2 = open_draft(context, family.case_id)

    assert v2 != v1
    copy = load(context, family.case_id, v2)
    assert (copy.number, copy.state, copy.approved_on, copy.meeting_id, copy.participants) == (
        2,
        PlanState.DRAFT,
        None,
        None,
        "",
    )
    assert copy.sections == approved.sections
    assert all(text.startswith("Tekst om") for _name, text in copy.sections)
    assert (
        dict(copy.member_sections)
        == dict(approved.member_sections)
        == {
            family["mother"]: "Mettes del af planen.",
            family["youth"]: "Sørens del af planen.",
        }
    )
    # Goals keep their keys, parents, members, dates, levels and states.
    assert copy.goals == approved.goals
    assert [(g.goal_key, g.parent_key) for g in copy.goals] == [
        ("g-overall", None),
        ("g-sub", "g-overall"),
        ("g-progression", "g-sub"),
        ("g-youth", None),
    ]
    assert copy.goals[2] == GoalView(
        "g-progression",
        "g-sub",
        GoalLevel.PROGRESSION,
        "Mette møder op tre dage om ugen",
        (family["mother"],),
        date(2027, 1, 15),
        GoalStatus.ACHIEVED,
    )
    # Agreements keep who is responsible (and so the name shown).
    assert copy.agreements == approved.agreements
    assert [(a.responsible_kind, a.responsible_id) for a in copy.agreements] == [
        (ResponsibleKind.MEMBER, family["mother"]),
        (ResponsibleKind.PROFESSIONAL, pro),
        (ResponsibleKind.COORDINATOR, context.user.id),
    ]
    assert all(a.responsible_name for a in copy.agreements)
    assert (
        set(copy.offer_comments)
        == set(approved.offer_comments)
        == {
            (family["mother"], "BL-32-1", "Familiebehandlingen fortsætter."),
            (family["youth"], "sector:education", "Støtte i klassen to dage om ugen."),
        }
    )
    # The copy is what the editor would have saved.
    assert PlanDraft.from_view(copy) == PlanDraft.from_view(approved)
    with context.sessions() as s:
        assert current_draft_id(s, family.case_id) == v2
    assert without_scores(load(context, family.case_id, v1)) == without_scores(approved)


def test_a_third_draft_copies_the_second_approved_version(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    consent_everyone(sqlite_context, family)
    v1 = simple_plan(sqlite_context, family)
    approve(sqlite_context, v1)
    v2 = open_draft(sqlite_context, family.case_id)
    draft = PlanDraft.from_view(load(sqlite_context, family.case_id, v2))
    draft.sections["summary"] = "Version 2."
    draft.goals.append(goal("g2", "Nyt mål i version 2"))
    save(sqlite_context, v2, draft)
    assert approve(sqlite_context, v2) == 2

    v3 = open_draft(sqlite_context, family.case_id)

    copy = load(sqlite_context, family.case_id, v3)
    assert copy.number == 3
    assert copy.section("summary") == "Version 2."
    assert [g.goal_key for g in copy.goals] == ["g1", "g2"]


def test_a_closed_case_refuses_a_draft(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    close_case(sqlite_context, family.case_id)
    before = counts(sqlite_context)

    with pytest.raises(ValidationError) as err, sqlite_context.sessions.begin() as s:
        start_draft(s, family.case_id)

    assert Problem.CASE_CLOSED in {p.problem for p in err.value.problems}
    assert counts(sqlite_context) == before


def test_a_closed_case_plan_is_read_only(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    consent_everyone(context, family)
    pv_id = simple_plan(context, family)
    close_case(context, family.case_id)
    before = snapshot(context, family.case_id, pv_id)

    with pytest.raises(ValidationError) as saving, context.sessions.begin() as s:
        save_draft(s, pv_id, PlanDraft(sections={"summary": "Ændret"}, goals=[goal("g1")]), None)
    with pytest.raises(ValidationError) as approving, context.sessions.begin() as s:
        approve_plan(s, pv_id, TODAY, None, "Mette", None)
    with pytest.raises(ValidationError) as scoring, context.sessions.begin() as s:
        record_score(s, family.case_id, "g1", TODAY, 5, 5)

    for err in (saving, approving, scoring):
        assert Problem.CASE_CLOSED in {p.problem for p in err.value.problems}
    assert snapshot(context, family.case_id, pv_id) == before
    with context.sessions() as s:
        assert load_plan_document(s, family.case_id).read_only


# -- saving a draft ---------------------------------------------------------------------------


def test_save_replaces_the_whole_content(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pro = add_pro(context, family.case_id)
    pv_id = open_draft(context, family.case_id)
    save(context, pv_id, full_draft(context, family, pro))

    second = PlanDraft(
        sections={name: "" for name in SECTIONS} | {"summary": "  Kun et resumé nu.  "},
        member_sections={family["teen"]: "Idas del."},
        goals=[goal("g-new", "Ida kommer i skole hver dag", citizen=family["teen"])],
        agreements=[AgreementInput("Ringe til skolen", ResponsibleKind.MEMBER, family["mother"])],
        offer_comments={(family["teen"], "FSL-3-2"): "Støtte i klassen."},
    )
    save(context, pv_id, second)

    view = load(context, family.case_id, pv_id)
    assert view.section("summary") == "Kun et resumé nu."  # plain text, trimmed
    assert all(text == "" for name, text in view.sections if name != "summary")
    assert dict(view.member_sections) == {family["teen"]: "Idas del."}
    assert [(g.goal_key, g.text, g.member_ids) for g in view.goals] == [
        ("g-new", "Ida kommer i skole hver dag", (family["teen"],))
    ]
    assert [(a.what, a.responsible_id) for a in view.agreements] == [("Ringe til skolen", family["mother"])]
    assert view.offer_comments == ((family["teen"], "FSL-3-2", "Støtte i klassen."),)
    assert counts(context)["goals"] == 1
    assert counts(context)["agreements"] == 1


INVALID_DRAFTS = {
    "unknown parent": (
        PlanDraft(goals=[goal("g1", "Overordnet"), goal("g2", "Delmål", parent="no-such-goal")]),
        ("goals.1.parent", Problem.REQUIRED),
    ),
    "section not in SECTIONS": (
        PlanDraft(sections={"summary": "Nyt resumé", "agenda": "Ukendt felt"}, goals=[goal("g1")]),
        ("sections.agenda", Problem.REQUIRED),
    ),
    "the same goal key twice": (
        PlanDraft(goals=[goal("g1", "Et"), goal("g1", "To")]),
        ("goals", Problem.ALREADY_MEMBER),
    ),
    "section too long": (
        PlanDraft(sections={"summary": "ord " * 5001}),
        ("sections.summary", Problem.TOO_LONG),
    ),
    "goal text too long": (
        PlanDraft(goals=[goal("g1", "x" * 2001)]),
        ("goals.0.text", Problem.TOO_LONG),
    ),
    "agreement too long": (
        PlanDraft(agreements=[AgreementInput("x" * 2001, ResponsibleKind.COORDINATOR, 1)]),
        ("agreements.0.what", Problem.TOO_LONG),
    ),
}


@pytest.mark.parametrize(("draft", "expected"), INVALID_DRAFTS.values(), ids=INVALID_DRAFTS.keys())
def test_an_invalid_draft_stores_nothing(context, draft: PlanDraft, expected: tuple[str, Problem]) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pro = add_pro(context, family.case_id)
    pv_id = open_draft(context, family.case_id)
    save(context, pv_id, full_draft(context, family, pro))
    before = snapshot(context, family.case_id, pv_id)
    assert expected in pairs(validate_draft(draft))

    with pytest.raises(ValidationError) as err:
        save(context, pv_id, draft, before[0].row_version)

    assert expected in pairs(err.value.problems)
    assert snapshot(context, family.case_id, pv_id) == before


def test_a_valid_draft_has_no_problems(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    assert validate_draft(full_draft(sqlite_context, family, 1)) == []
    assert validate_draft(PlanDraft()) == []


def _change_sections(d: PlanDraft, f: Family) -> None:
    d.sections["barriers"] = "Mange møder i arbejdstiden."


def _change_goals(d: PlanDraft, f: Family) -> None:
    d.goals[0] = replace(d.goals[0], text="Familien har mere ro i hverdagen")


def _add_goal(d: PlanDraft, f: Family) -> None:
    d.goals.append(goal("g-extra", "Karl går til fodbold", citizen=f["child"]))


def _change_agreements(d: PlanDraft, f: Family) -> None:
    d.agreements[0] = replace(d.agreements[0], status=AgreementStatus.DONE)


def _change_member_section(d: PlanDraft, f: Family) -> None:
    d.member_sections[f["mother"]] = "Mettes del, ændret."


def _change_offer_comment(d: PlanDraft, f: Family) -> None:
    d.offer_comments[(f["mother"], "BL-32-1")] = "Ændret kommentar."


def _nothing(d: PlanDraft, f: Family) -> None:
    pass


CHANGES = {
    "sections": _change_sections,
    "goal text": _change_goals,
    "goal added": _add_goal,
    "agreement status": _change_agreements,
    "member section": _change_member_section,
    "offer comment": _change_offer_comment,
    "nothing": _nothing,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_each_save_moves_the_row_version_by_exactly_one(context, change) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pro = add_pro(context, family.case_id)
    pv_id = open_draft(context, family.case_id)
    first = save(context, pv_id, full_draft(context, family, pro), row_version(context, pv_id))
    assert first == row_version(context, pv_id)
    draft = PlanDraft.from_view(load(context, family.case_id, pv_id))
    change(draft, family)

    returned = save(context, pv_id, draft, first)

    assert returned == first + 1 == row_version(context, pv_id)
    assert load(context, family.case_id, pv_id).row_version == first + 1
    assert PlanDraft.from_view(load(context, family.case_id, pv_id)) == draft


def test_versions_count_up_one_per_save(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pv_id = open_draft(context, family.case_id)
    start = row_version(context, pv_id)
    seen = [save(context, pv_id, PlanDraft(goals=[goal("g1", f"Mål nr. {n}")]), start + n) for n in range(3)]
    assert seen == [start + 1, start + 2, start + 3]


def test_a_stale_save_raises_and_changes_nothing(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pv_id = open_draft(context, family.case_id)
    read = row_version(context, pv_id)
    save(context, pv_id, PlanDraft(sections={"summary": "Kollegaens tekst"}, goals=[goal("g1")]), read)
    before = snapshot(context, family.case_id, pv_id)

    with pytest.raises(ConcurrentEditError):
        save(context, pv_id, PlanDraft(sections={"summary": "Min tekst"}, goals=[goal("g2")]), read)

    assert snapshot(context, family.case_id, pv_id) == before
    assert before[0].section("summary") == "Kollegaens tekst"
    assert [g.goal_key for g in before[0].goals] == ["g1"]


def test_an_approved_version_never_changes(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pro = add_pro(context, family.case_id)
    consent_everyone(context, family)
    v1 = open_draft(context, family.case_id)
    save(context, v1, full_draft(context, family, pro))
    approve(context, v1, meeting_id=add_meeting(context, family.case_id))
    approved = without_scores(load(context, family.case_id, v1))
    other = PlanDraft(sections={"summary": "Omskrevet"}, goals=[goal("g-other")])

    for expected in (None, approved.row_version):
        with pytest.raises(ValidationError) as err:
            save(context, v1, other, expected)
        assert ("plan", Problem.CASE_CLOSED) in pairs(err.value.problems)
    with pytest.raises(ValidationError):
        approve(context, v1, participants="Igen")
    # Revising, scoring and approving the next version leave version 1 as it was.
    v2 = open_draft(context, family.case_id)
    revised = PlanDraft.from_view(load(context, family.case_id, v2))
    revised.sections["summary"] = "Version 2"
    revised.goals = [replace(g, text=g.text + " (revideret)") for g in revised.goals[:3]]
    revised.agreements = revised.agreements[1:]
    revised.member_sections = {}
    revised.offer_comments = {}
    save(context, v2, revised)
    with context.sessions.begin() as s:
        record_score(s, family.case_id, "g-sub", TODAY, 6, 5)
    approve(context, v2, day=TODAY + timedelta(days=1))

    assert without_scores(load(context, family.case_id, v1)) == approved
    with context.sessions() as s:
        pv = s.get(PlanVersion, v1)
        assert (pv.state, pv.approved_on) == (PlanState.APPROVED, TODAY)


# -- progression scores ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("family_score", "professional_score"), [(0, 10), (10, 0), (7, None), (None, 0), (5, 5)]
)
def test_scores_from_0_to_10_are_kept(sqlite_context, family_score, professional_score) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pv_id = simple_plan(sqlite_context, family)
    with sqlite_context.sessions.begin() as s:
        record_score(s, family.case_id, "g1", date(2026, 11, 20), family_score, professional_score, " Godt. ")

    (only,) = load(sqlite_context, family.case_id, pv_id).goals
    assert [(p.scored_on, p.family_score, p.professional_score, p.note) for p in only.scores] == [
        (date(2026, 11, 20), family_score, professional_score, "Godt.")
    ]


@pytest.mark.parametrize(
    ("family_score", "professional_score", "key", "expected"),
    [
        (11, 5, "g1", ("family_score", Problem.TOO_LONG)),
        (5, 11, "g1", ("professional_score", Problem.TOO_LONG)),
        (-1, None, "g1", ("family_score", Problem.TOO_LONG)),
        (None, -1, "g1", ("professional_score", Problem.TOO_LONG)),
        (None, None, "g1", ("score", Problem.REQUIRED)),
        (5, 5, "no-such-goal", ("goal", Problem.REQUIRED)),
    ],
)
def test_bad_scores_are_refused(sqlite_context, family_score, professional_score, key, expected) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    simple_plan(sqlite_context, family)

    with pytest.raises(ValidationError) as err, sqlite_context.sessions.begin() as s:
        record_score(s, family.case_id, key, TODAY, family_score, professional_score)

    assert expected in pairs(err.value.problems)
    with sqlite_context.sessions() as s:
        assert s.scalar(select(func.count(GoalScore.id))) == 0


def test_a_goal_key_of_another_case_is_unknown(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ours = new_family(sqlite_context)
    theirs = new_family(sqlite_context, seed=1, title="Familien Åberg")
    simple_plan(sqlite_context, theirs)  # has goal "g1"
    open_draft(sqlite_context, ours.case_id)

    with pytest.raises(ValidationError) as err, sqlite_context.sessions.begin() as s:
        record_score(s, ours.case_id, "g1", TODAY, 5, 5)

    assert ("goal", Problem.REQUIRED) in pairs(err.value.problems)


def test_scores_follow_the_goal_into_the_next_version(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    consent_everyone(sqlite_context, family)
    v1 = simple_plan(sqlite_context, family)
    with sqlite_context.sessions.begin() as s:
        record_score(s, family.case_id, "g1", date(2026, 10, 1), 3, 2)
    approve(sqlite_context, v1)
    v2 = open_draft(sqlite_context, family.case_id)
    reworded = PlanDraft.from_view(load(sqlite_context, family.case_id, v2))
    reworded.goals = [replace(reworded.goals[0], text="Mere ro i hverdagen"), goal("g2", "Nyt mål")]
    save(sqlite_context, v2, reworded)
    with sqlite_context.sessions.begin() as s:
        record_score(s, family.case_id, "g1", date(2026, 11, 20), 6, None)
        record_score(s, family.case_id, "g1", date(2026, 11, 10), 5, 4)

    series = [
        (p.scored_on, p.family_score, p.professional_score)
        for p in load(sqlite_context, family.case_id, v2).goals[0].scores
    ]
    assert series == [
        (date(2026, 10, 1), 3, 2),
        (date(2026, 11, 10), 5, 4),
        (date(2026, 11, 20), 6, None),
    ]
    assert load(sqlite_context, family.case_id, v2).goals[1].scores == ()
    # The same series shows on the goal in the approved version: one series across versions.
    assert (
        load(sqlite_context, family.case_id, v1).goals[0].scores
        == load(sqlite_context, family.case_id, v2).goals[0].scores
    )


# -- approval rules -------------------------------------------------------------------------


def test_a_plan_without_goals_cannot_be_approved(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    consent_everyone(sqlite_context, family)
    pv_id = open_draft(sqlite_context, family.case_id)
    save(
        sqlite_context,
        pv_id,
        PlanDraft(sections={"summary": "Et resumé"}, agreements=[coordinator_agreement(sqlite_context)]),
    )

    assert problems(sqlite_context, pv_id) == {("goals", Problem.REQUIRED)}


def test_every_agreement_needs_someone_responsible(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    consent_everyone(sqlite_context, family)
    pv_id = open_draft(sqlite_context, family.case_id)
    save(
        sqlite_context,
        pv_id,
        PlanDraft(
            goals=[goal("g1")],
            agreements=[
                coordinator_agreement(sqlite_context),
                AgreementInput("Ingen ansvarlig"),
                AgreementInput("Art uden person", ResponsibleKind.MEMBER, None),
                AgreementInput("Mette ringer", ResponsibleKind.MEMBER, family["mother"]),
            ],
        ),
    )

    assert problems(sqlite_context, pv_id) == {
        ("agreements.1", Problem.REQUIRED),
        ("agreements.2", Problem.REQUIRED),
    }


def test_a_complete_plan_with_consent_has_no_problems(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    consent_everyone(sqlite_context, family)
    pv_id = open_draft(sqlite_context, family.case_id)
    save(sqlite_context, pv_id, full_draft(sqlite_context, family, add_pro(sqlite_context, family.case_id)))

    assert problems(sqlite_context, pv_id) == set()


SELF, CUSTODY, YOUTH = ConsentCapacity.SELF, ConsentCapacity.CUSTODY_HOLDER, ConsentCapacity.YOUTH
GUARDIAN, PROXY = ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY
EXPIRED = {"expires_on": TODAY - timedelta(days=1)}
EXPIRES_TODAY = {"expires_on": TODAY}
WITHDRAWN = {"withdrawn_on": TODAY - timedelta(days=3)}
WITHDRAWN_TODAY = {"withdrawn_on": TODAY}
LATER = {"given_on": TODAY + timedelta(days=2)}

# (member the plan's only goal names, consents [(capacity, options)], capacities still missing)
CONSENT_CASES = {
    "adult without consent": ("mother", [], [SELF]),
    "adult, own consent": ("mother", [(SELF, {})], []),
    "adult, guardian": ("mother", [(GUARDIAN, {})], []),
    "adult, future proxy": ("mother", [(PROXY, {})], []),
    "adult, custody-holder capacity does not count": ("mother", [(CUSTODY, {})], [SELF]),
    "adult, youth capacity does not count": ("mother", [(YOUTH, {})], [SELF]),
    "adult, expired": ("mother", [(SELF, EXPIRED)], [SELF]),
    "adult, expires today still in force": ("mother", [(SELF, EXPIRES_TODAY)], []),
    "adult, withdrawn": ("mother", [(SELF, WITHDRAWN)], [SELF]),
    "adult, withdrawn today": ("mother", [(SELF, WITHDRAWN_TODAY)], [SELF]),
    "adult, given after the approval day": ("mother", [(SELF, LATER)], [SELF]),
    "adult, expired but renewed": ("mother", [(SELF, EXPIRED), (SELF, {})], []),
    "child without consent": ("child", [], [CUSTODY]),
    "child, custody holder": ("child", [(CUSTODY, {})], []),
    "child, own consent does not count": ("child", [(SELF, {})], [CUSTODY]),
    "child, custody holder withdrawn": ("child", [(CUSTODY, WITHDRAWN)], [CUSTODY]),
    "child, custody holder expired": ("child", [(CUSTODY, EXPIRED)], [CUSTODY]),
    "15-year-old, custody holder is enough": ("teen", [(CUSTODY, {})], []),
    "15-year-old without consent": ("teen", [], [CUSTODY]),
    "16-year-old, custody holder only": ("youth", [(CUSTODY, {})], [YOUTH]),
    "16-year-old, custody holder and youth": ("youth", [(CUSTODY, {}), (YOUTH, {})], []),
    "16-year-old, custody holder and self": ("youth", [(CUSTODY, {}), (SELF, {})], []),
    "16-year-old, own consent only": ("youth", [(YOUTH, {})], [CUSTODY]),
    "16-year-old, nobody": ("youth", [], [CUSTODY, YOUTH]),
    "16-year-old, youth consent withdrawn": ("youth", [(CUSTODY, {}), (YOUTH, WITHDRAWN)], [YOUTH]),
    "16-year-old, youth consent expired": ("youth", [(CUSTODY, {}), (YOUTH, EXPIRED)], [YOUTH]),
}


@pytest.mark.parametrize(("who", "given", "missing"), CONSENT_CASES.values(), ids=CONSENT_CASES.keys())
def test_consent_needed_for_the_member_a_plan_concerns(sqlite_context, who, given, missing) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pv_id = simple_plan(sqlite_context, family, citizen=family[who])
    for capacity, options in given:
        consent(sqlite_context, family.case_id, family[who], capacity, **options)

    assert problems(sqlite_context, pv_id) == {consent_field(family[who], c) for c in missing}


def test_the_youth_consent_is_needed_from_the_16th_birthday(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    birthday = date(2010, 11, 25)  # 16 on the day after TODAY
    family = new_family(
        sqlite_context, {"mother": MEMBERS["mother"], "son": ("Bo", birthday, False, Relation.CHILD, False)}
    )
    pv_id = simple_plan(sqlite_context, family, citizen=family["son"])
    consent(sqlite_context, family.case_id, family["son"], CUSTODY)

    assert problems(sqlite_context, pv_id, TODAY) == set()
    assert problems(sqlite_context, pv_id, TODAY + timedelta(days=1)) == {consent_field(family["son"], YOUTH)}


def test_a_child_of_18_consents_as_an_adult(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(
        sqlite_context,
        {"mother": MEMBERS["mother"], "son": ("Bo", date(2008, 11, 24), False, Relation.CHILD, False)},
    )
    pv_id = simple_plan(sqlite_context, family, citizen=family["son"])
    consent(sqlite_context, family.case_id, family["son"], CUSTODY)

    assert problems(sqlite_context, pv_id) == {consent_field(family["son"], SELF)}
    assert problems(sqlite_context, pv_id, TODAY - timedelta(days=1)) == {consent_field(family["son"], YOUTH)}
    consent(sqlite_context, family.case_id, family["son"], SELF)
    assert problems(sqlite_context, pv_id) == set()


def test_the_youth_age_is_data(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    assert DEFAULT_CONSENT_RULE.youth_age == 16
    family = new_family(sqlite_context)
    teen_plan = simple_plan(sqlite_context, family, citizen=family["teen"])
    consent(sqlite_context, family.case_id, family["teen"], CUSTODY)

    assert problems(sqlite_context, teen_plan) == set()
    assert problems(sqlite_context, teen_plan, rule=ConsentRule(youth_age=15)) == {
        consent_field(family["teen"], YOUTH)
    }
    with pytest.raises(ValidationError), sqlite_context.sessions.begin() as s:
        approve_plan(s, teen_plan, TODAY, None, "Mette", None, ConsentRule(youth_age=15))
    consent(sqlite_context, family.case_id, family["teen"], YOUTH)
    assert problems(sqlite_context, teen_plan, rule=ConsentRule(youth_age=15)) == set()


def test_joint_custody_needs_every_custody_holder(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(
        sqlite_context,
        {
            "mother": MEMBERS["mother"],
            "father": ("Jens", date(1983, 4, 2), False, Relation.PARENT, True),
            "child": MEMBERS["child"],
        },
    )
    pv_id = simple_plan(sqlite_context, family, citizen=family["child"])
    consent(sqlite_context, family.case_id, family["child"], CUSTODY)
    assert problems(sqlite_context, pv_id) == {consent_field(family["child"], CUSTODY)}
    # a typed name that is not the other holder's does not count
    consent(sqlite_context, family.case_id, family["child"], CUSTODY, given_by="Hanne Hansen")
    assert problems(sqlite_context, pv_id) == {consent_field(family["child"], CUSTODY)}
    consent(sqlite_context, family.case_id, family["child"], CUSTODY, given_by=" jens  østergaard ")
    assert problems(sqlite_context, pv_id) == set()
    assert problems(sqlite_context, pv_id, rule=ConsentRule(every_custody_holder=False)) == set()


def test_one_custody_holder_is_enough_when_the_rule_says_so(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(
        sqlite_context,
        {
            "mother": MEMBERS["mother"],
            "father": ("Jens", date(1983, 4, 2), False, Relation.PARENT, True),
            "child": MEMBERS["child"],
        },
    )
    pv_id = simple_plan(sqlite_context, family, citizen=family["child"])
    consent(sqlite_context, family.case_id, family["child"], CUSTODY)
    assert problems(sqlite_context, pv_id, rule=ConsentRule(every_custody_holder=False)) == set()


def test_a_higher_youth_age_drops_the_youth_consent(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pv_id = simple_plan(sqlite_context, family, citizen=family["youth"])
    consent(sqlite_context, family.case_id, family["youth"], CUSTODY)

    assert problems(sqlite_context, pv_id) == {consent_field(family["youth"], YOUTH)}
    assert problems(sqlite_context, pv_id, rule=ConsentRule(youth_age=17)) == set()


def test_goals_naming_one_member_need_only_that_members_consent(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pv_id = open_draft(sqlite_context, family.case_id)
    mother = family["mother"]
    save(
        sqlite_context,
        pv_id,
        PlanDraft(
            goals=[
                goal("g1", "Mette i praktik", citizen=mother),
                goal("g2", "Mette møder op", parent="g1", citizen=mother),
            ],
            agreements=[coordinator_agreement(sqlite_context)],
        ),
    )
    with sqlite_context.sessions() as s:
        assert concerned_members(s, s.get(PlanVersion, pv_id)) == [mother]
    assert problems(sqlite_context, pv_id) == {consent_field(mother, SELF)}

    consent(sqlite_context, family.case_id, mother, SELF)
    assert problems(sqlite_context, pv_id) == set()


def test_goals_naming_two_members_need_both(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pv_id = open_draft(sqlite_context, family.case_id)
    save(
        sqlite_context,
        pv_id,
        PlanDraft(goals=[goal("g1", citizen=family["child"]), goal("g2", citizen=family["mother"])]),
    )
    with sqlite_context.sessions() as s:
        assert concerned_members(s, s.get(PlanVersion, pv_id)) == [family["mother"], family["child"]]
    assert problems(sqlite_context, pv_id) == {
        consent_field(family["mother"], SELF),
        consent_field(family["child"], CUSTODY),
    }


def test_a_shared_goal_concerns_every_member(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pv_id = open_draft(sqlite_context, family.case_id)
    save(
        sqlite_context,
        pv_id,
        PlanDraft(goals=[goal("g1", citizen=family["mother"]), goal("g2", citizen=None)]),
    )

    with sqlite_context.sessions() as s:
        assert set(concerned_members(s, s.get(PlanVersion, pv_id))) == set(family.ids.values())
    assert problems(sqlite_context, pv_id) == {
        consent_field(family["mother"], SELF),
        consent_field(family["youth"], CUSTODY),
        consent_field(family["youth"], YOUTH),
        consent_field(family["teen"], CUSTODY),
        consent_field(family["child"], CUSTODY),
    }
    consent_everyone(sqlite_context, family)
    assert problems(sqlite_context, pv_id) == set()


def test_a_consent_given_in_another_case_does_not_count(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ours = new_family(sqlite_context)
    # The same mother (same CPR) in another family's case, where she has consented.
    other = new_family(sqlite_context, {"mother": MEMBERS["mother"]}, title="Familien Bæk")
    assert other["mother"] == ours["mother"]
    consent(sqlite_context, other.case_id, other["mother"], SELF)
    pv_id = simple_plan(sqlite_context, ours, citizen=ours["mother"])

    assert problems(sqlite_context, pv_id) == {consent_field(ours["mother"], SELF)}


def test_a_goal_for_someone_outside_the_family_does_not_skip_consent(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ours = new_family(sqlite_context)
    stranger = new_family(sqlite_context, {"mother": MEMBERS["mother"]}, seed=7, title="Familien Bæk")
    pv_id = open_draft(sqlite_context, ours.case_id)
    draft = PlanDraft(
        goals=[goal("g1", citizen=stranger["mother"])], agreements=[coordinator_agreement(sqlite_context)]
    )
    try:
        save(sqlite_context, pv_id, draft)
    except ValidationError:
        return  # refusing the goal is one right answer
    assert problems(sqlite_context, pv_id) != set()  # the other: the plan cannot be approved as is


def test_a_minor_with_a_case_of_their_own_still_needs_the_custody_holder(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    born = date(2009, 6, 1)  # 17 on TODAY: BL § 110 plans are for ages 16-23
    with sqlite_context.sessions.begin() as s:
        case_id = create_case(
            s,
            CaseInput(
                single_citizen=True,
                members=[MemberInput("Bo", "Bæk", cpr(born, False), Relation.OTHER)],
                coordinator_id=sqlite_context.user.id,
                model=CoordinationModel.HOLISTIC_PLAN,
            ),
            TODAY,
        ).id
        youth = s.scalar(select(Citizen.id).where(Citizen.cpr == cpr(born, False)))
    pv_id = simple_plan(sqlite_context, Family(case_id, {"youth": youth}))
    consent(sqlite_context, case_id, youth, SELF)

    assert consent_field(youth, CUSTODY) in problems(sqlite_context, pv_id)


# -- approving ------------------------------------------------------------------------------


def test_approving_freezes_the_draft_as_version_n(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    consent_everyone(context, family)
    pv_id = simple_plan(context, family)
    meeting = add_meeting(context, family.case_id)
    before = row_version(context, pv_id)

    number = approve(
        context, pv_id, meeting_id=meeting, participants="  Mette, Søren og koordinatoren ", expected=before
    )

    assert number == 1
    with context.sessions() as s:
        pv = s.get(PlanVersion, pv_id)
        assert (pv.state, pv.approved_on, pv.meeting_id, pv.participants) == (
            PlanState.APPROVED,
            TODAY,
            meeting,
            "Mette, Søren og koordinatoren",
        )
        assert pv.version == before + 1
        assert current_draft_id(s, family.case_id) is None
    view = load(context, family.case_id, pv_id)
    assert view.approved
    assert view.meeting_label.startswith("network|")


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("no consent", ("consent", None)),
        ("no goals", ("goals", Problem.REQUIRED)),
        ("no one responsible", ("agreements.0", Problem.REQUIRED)),
        ("no participants", ("participants", Problem.REQUIRED)),
        ("blank participants", ("participants", Problem.REQUIRED)),
        ("meeting of another case", ("meeting", Problem.REQUIRED)),
        ("meeting that does not exist", ("meeting", Problem.REQUIRED)),
    ],
)
def test_approving_with_a_problem_stores_nothing(context, setup: str, expected) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    if setup != "no consent":
        consent_everyone(context, family)
    pv_id = open_draft(context, family.case_id)
    save(
        context,
        pv_id,
        PlanDraft(
            goals=[] if setup == "no goals" else [goal("g1")],
            agreements=[
                AgreementInput("Ingen") if setup == "no one responsible" else coordinator_agreement(context)
            ],
        ),
    )
    meeting = add_meeting(context, family.case_id)
    if setup == "meeting of another case":
        meeting = add_meeting(context, new_family(context, seed=3, title="Familien Åberg").case_id, n=2)
    elif setup == "meeting that does not exist":
        meeting = 999_999
    participants = {"no participants": "", "blank participants": "  \n "}.get(setup, "Mette")
    before = snapshot(context, family.case_id, pv_id)

    with pytest.raises(ValidationError) as err:
        approve(context, pv_id, meeting_id=meeting, participants=participants)

    found = pairs(err.value.problems)
    field, problem = expected
    if problem is None:
        assert found and all(f.startswith(field + ".") for f, _p in found)
    else:
        assert expected in found
    assert snapshot(context, family.case_id, pv_id) == before
    with context.sessions() as s:
        pv = s.get(PlanVersion, pv_id)
        assert (pv.state, pv.approved_on, pv.meeting_id, pv.participants) == (PlanState.DRAFT, None, None, "")


def test_approving_without_a_meeting_is_allowed(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    consent_everyone(context, family)
    pv_id = simple_plan(context, family)
    assert approve(context, pv_id, meeting_id=None) == 1


def test_approving_a_stale_draft_raises(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    consent_everyone(context, family)
    pv_id = simple_plan(context, family)
    read = row_version(context, pv_id)
    save(context, pv_id, PlanDraft.from_view(load(context, family.case_id, pv_id)), read)

    with pytest.raises(ConcurrentEditError):
        approve(context, pv_id, expected=read)

    with context.sessions() as s:
        assert s.get(PlanVersion, pv_id).state == PlanState.DRAFT


def test_approval_problems_of_an_approved_version(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    consent_everyone(sqlite_context, family)
    pv_id = simple_plan(sqlite_context, family)
    approve(sqlite_context, pv_id)
    assert problems(sqlite_context, pv_id) == {("plan", Problem.CASE_CLOSED)}
    assert problems(sqlite_context, 999_999) == {("plan", Problem.REQUIRED)}


# -- comparing versions ---------------------------------------------------------------------


def test_diff_words_marks_the_changed_word() -> None:
    assert diff_words("Lise møder op tre dage om ugen", "Lise møder op fire dage om ugen") == (
        Segment("=", "Lise møder op "),
        Segment("-", "tre"),
        Segment("+", "fire"),
        Segment("=", " dage om ugen"),
    )


def test_diff_words_of_equal_and_empty_texts() -> None:
    assert diff_words("Samme  tekst\n", "Samme  tekst\n") == (Segment("=", "Samme  tekst\n"),)
    assert diff_words("", "") == ()
    assert diff_words("", "Ny tekst") == (Segment("+", "Ny tekst"),)
    assert diff_words("Gammel tekst", "") == (Segment("-", "Gammel tekst"),)


def test_diff_words_keeps_changed_whitespace() -> None:
    segments = diff_words("et to", "et\nto")
    assert "".join(s.text for s in segments if s.op != "+") == "et to"
    assert "".join(s.text for s in segments if s.op != "-") == "et\nto"
    assert any(s.op != "=" for s in segments)


WORD = st.sampled_from(
    ["Lise", "møder", "op", "tre", "dage", "mål", "æble", "øre", "å", "plan", "."]
) | st.text(alphabet="abcæøåÆØÅ,.-!?", min_size=1, max_size=6)
SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n ", "\u00a0"])


@st.composite
def texts(draw) -> str:  # type: ignore[no-untyped-def]
    words = draw(st.lists(WORD, max_size=14))
    pieces = [draw(SPACE) if draw(st.booleans()) else ""]
    for word in words:
        pieces += [word, draw(SPACE)]
    if words and draw(st.booleans()):
        pieces.pop()
    return "".join(pieces)


@settings(max_examples=300, deadline=None, database=None)
@given(texts(), texts())
def test_property_diff_words_rebuilds_both_texts(old: str, new: str) -> None:
    segments = diff_words(old, new)
    assert all(s.op in {"=", "-", "+"} and s.text for s in segments)
    assert "".join(s.text for s in segments if s.op in "=-") == old
    assert "".join(s.text for s in segments if s.op in "=+") == new
    if old == new:
        assert all(s.op == "=" for s in segments)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(WORD, min_size=1, max_size=12, unique=True), st.data())
def test_property_one_replaced_word_is_one_change(words: list[str], data) -> None:  # type: ignore[no-untyped-def]
    """Distinct words, one replaced by a new word: exactly that word out, the new one in."""
    index = data.draw(st.integers(0, len(words) - 1))
    replacement = data.draw(WORD.filter(lambda w: w not in words))
    new_words = [*words[:index], replacement, *words[index + 1 :]]
    segments = diff_words(" ".join(words), " ".join(new_words))
    assert [s.text for s in segments if s.op == "-"] == [words[index]]
    assert [s.text for s in segments if s.op == "+"] == [replacement]


def plan_view(
    *,
    sections: dict[str, str] | None = None,
    goals: tuple[GoalView, ...] = (),
    agreements: tuple[AgreementView, ...] = (),
    member_sections: tuple[tuple[int, str], ...] = (),
    number: int = 1,
) -> PlanVersionView:
    base = {name: f"{name} uændret." for name in SECTIONS}
    return PlanVersionView(
        id=number,
        number=number,
        state=PlanState.APPROVED,
        approved_on=TODAY,
        meeting_id=None,
        meeting_label="",
        participants="",
        sections=tuple((name, (sections or {}).get(name, base[name])) for name in SECTIONS),
        member_sections=member_sections,
        goals=goals,
        agreements=agreements,
        offer_comments=(),
        row_version=1,
    )


def goal_view(key: str, words: str, status: GoalStatus = GoalStatus.OPEN) -> GoalView:
    return GoalView(key, None, GoalLevel.OVERALL, words, (), date(2027, 3, 1), status)


def agreement_view(what: str, who: str = "Lone Madsen") -> AgreementView:
    return AgreementView(what, ResponsibleKind.COORDINATOR, 1, who, date(2026, 12, 8), AgreementStatus.OPEN)


def test_compare_marks_only_changed_sections() -> None:
    old = plan_view()
    new = plan_view(sections={"summary": "summary ændret nu."})

    changes = compare_versions(old, new)

    assert [c.name for c in changes[: len(SECTIONS)]] == list(SECTIONS)
    changed = {c.name: c for c in changes if c.changed}
    assert set(changed) == {"summary"}
    assert changed["summary"].segments == (
        Segment("=", "summary "),
        Segment("-", "uændret."),
        Segment("+", "ændret nu."),
    )
    assert all(c.segments == (Segment("=", c.old),) for c in changes if not c.changed)
    assert not any(c.changed for c in compare_versions(old, old))


def test_compare_matches_goals_by_key() -> None:
    old = plan_view(
        goals=(
            goal_view("k1", "Lise kommer i praktik"),
            goal_view("k2", "Børnene trives"),
            goal_view("k3", "Væk"),
        )
    )
    new = plan_view(
        goals=(
            goal_view("k2", "Børnene trives"),  # moved first: not a change
            goal_view("k1", "Lise kommer i fast praktik"),  # reworded: one change
            goal_view("k4", "Nyt mål"),  # added
        )
    )

    changes = {c.name: c for c in compare_versions(old, new) if c.name.startswith("goal:")}

    assert set(changes) == {"goal:k1", "goal:k2", "goal:k3", "goal:k4"}
    assert {name for name, c in changes.items() if c.changed} == {"goal:k1", "goal:k3", "goal:k4"}
    reworded = changes["goal:k1"]
    assert reworded.old.startswith("Lise kommer i praktik") and reworded.new.startswith(
        "Lise kommer i fast praktik"
    )
    assert [s.text for s in reworded.segments if s.op == "+"] == ["fast "]
    assert not [s for s in reworded.segments if s.op == "-"]
    assert changes["goal:k3"].new == "" and changes["goal:k3"].old.startswith("Væk")
    assert changes["goal:k4"].old == "" and changes["goal:k4"].new.startswith("Nyt mål")


def test_compare_shows_a_goal_status_change() -> None:
    old = plan_view(goals=(goal_view("k1", "Ro i hverdagen"),))
    new = plan_view(goals=(goal_view("k1", "Ro i hverdagen", GoalStatus.ACHIEVED),))
    (change,) = [c for c in compare_versions(old, new) if c.name == "goal:k1"]
    assert change.changed
    assert "open" in change.old and "achieved" in change.new


def test_compare_agreements_and_member_sections() -> None:
    old = plan_view(
        agreements=(agreement_view("Søge om aflastning"), agreement_view("Ringe til skolen")),
        member_sections=((5, "Mettes del."),),
    )
    new = plan_view(
        agreements=(agreement_view("Søge om aflastning", "Mohammed Laursen"),),
        member_sections=((5, "Mettes del."), (6, "Sørens del.")),
    )

    changes = {c.name: c for c in compare_versions(old, new)}

    assert changes["agreement:0"].changed and "Mohammed Laursen" in changes["agreement:0"].new
    assert changes["agreement:1"].new == "" and "Ringe til skolen" in changes["agreement:1"].old
    assert not changes["member:5"].changed
    assert changes["member:6"].changed and changes["member:6"].old == ""


def test_compare_stored_versions_after_a_revision(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(sqlite_context)
    pro = add_pro(sqlite_context, family.case_id)
    consent_everyone(sqlite_context, family)
    v1 = open_draft(sqlite_context, family.case_id)
    save(sqlite_context, v1, full_draft(sqlite_context, family, pro))
    approve(sqlite_context, v1)
    v2 = open_draft(sqlite_context, family.case_id)
    draft = PlanDraft.from_view(load(sqlite_context, family.case_id, v2))
    draft.sections["family_views"] = "Vi vil have ro og én person at ringe til."
    draft.goals[1] = replace(draft.goals[1], text="Mette kommer i fast virksomhedspraktik")
    save(sqlite_context, v2, draft)

    changes = compare_versions(
        load(sqlite_context, family.case_id, v1), load(sqlite_context, family.case_id, v2)
    )

    assert {c.name for c in changes if c.changed} == {"family_views", "goal:g-sub"}
    (goal_change,) = [c for c in changes if c.name == "goal:g-sub"]
    assert [s.text for s in goal_change.segments if s.op == "+"] == ["fast "]
