"""A plan goal concerns a set of members: none (the whole family), one or several. Stored as
rows of goal_members, read back as a set, checked against the case, carried into the next
version, audited, and asked about for consent."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import combinations

import pytest
from sqlalchemy import select

from app.models import AuditEvent, Case, Goal, GoalMember, PlanVersion
from app.models.enums import ConsentCapacity, GoalLevel, PlanState
from app.services.common.validation import Problem, ValidationError
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plans import (
    PlanDraft,
    PlanEdits,
    SaveResult,
    approval_problems,
    concerned_members,
    save_edits,
    start_draft,
)
from tests.factories import (
    MEMBERS,
    TODAY,
    add_meeting,
    approve,
    consent,
    consent_everyone,
    coordinator_agreement,
    counts,
    goal,
    load,
    new_family,
    open_draft,
    save,
)

NAMES = tuple(MEMBERS)  # mother, youth, teen, child
EVERY_SET = [frozenset(c) for n in range(len(NAMES) + 1) for c in combinations(NAMES, n)]


def _ids(family, names) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return tuple(sorted(family[n] for n in names))


def test_every_member_set_is_stored_and_read_back_as_a_set(context) -> None:  # type: ignore[no-untyped-def]
    """All 16 sets of the four members at once, then each goal's set turned into its
    complement: stored as rows, read back as the same sets (in any order given)."""
    family = new_family(context)
    pv_id = open_draft(context, family.case_id)
    goals = [
        goal(f"g{i}", f"Mål {i}", members=tuple(reversed(_ids(family, names))))
        for i, names in enumerate(EVERY_SET)
    ]
    save(context, pv_id, PlanDraft(goals=goals))
    view = load(context, family.case_id, pv_id)
    assert [g.member_ids for g in view.goals] == [_ids(family, names) for names in EVERY_SET]
    assert counts(context)["goal_members"] == sum(len(names) for names in EVERY_SET)

    flipped = [
        replace(g, member_ids=_ids(family, set(NAMES) - names))
        for g, names in zip(goals, EVERY_SET, strict=True)
    ]
    save(context, pv_id, PlanDraft(goals=flipped))
    view = load(context, family.case_id, pv_id)
    assert [g.member_ids for g in view.goals] == [_ids(family, set(NAMES) - n) for n in EVERY_SET]
    assert PlanDraft.from_view(view).goals == flipped
    assert counts(context)["goal_members"] == sum(len(NAMES) - len(n) for n in EVERY_SET)


def test_a_goal_input_is_a_set_whatever_order_or_repeats_it_is_given() -> None:
    a = goal("g", members=(3, 1, 3, 2))
    assert a.member_ids == (1, 2, 3)
    assert a == goal("g", members=(2, 3, 1))
    assert replace(a, member_ids=(5, 4)).member_ids == (4, 5)


def test_a_member_outside_the_case_is_refused_and_nothing_is_stored(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    stranger = new_family(context, seed=3, title="Familien Andersen")
    pv_id = open_draft(context, family.case_id)
    save(context, pv_id, PlanDraft(goals=[goal("g0", members=(family["mother"],))]))
    before = counts(context)
    bad = PlanDraft(goals=[goal("g1", "Mål", members=(family["mother"], stranger["child"]))])
    with pytest.raises(ValidationError) as refused:
        save(context, pv_id, bad)
    assert {(p.field, p.problem) for p in refused.value.problems} == {("goals.0.citizen", Problem.REQUIRED)}
    assert counts(context) == before


def test_a_new_draft_from_an_approved_version_keeps_the_members(context) -> None:  # type: ignore[no-untyped-def]
    """Approved with a goal of two members; the editor's next save starts the new draft and
    stores its edits in one transaction (the goals written twice in one session)."""
    family = new_family(context)
    consent_everyone(context, family)
    pv_id = open_draft(context, family.case_id)
    both = _ids(family, ("teen", "child"))
    draft = PlanDraft(
        goals=[goal("g1", "Børnene trives i skolen", members=both), goal("g2", "Ro", parent="g1")],
        agreements=[coordinator_agreement(context)],
    )
    save(context, pv_id, draft)
    approve(context, pv_id, meeting_id=add_meeting(context, family.case_id))
    approved = load(context, family.case_id, pv_id)
    base = PlanDraft.from_view(approved)
    mine = replace(base, goals=[replace(base.goals[0], member_ids=_ids(family, ("teen",))), base.goals[1]])
    outcome = save_edits(context.sessions, PlanEdits(family.case_id, base, mine, None, None, pv_id))
    assert outcome.result == SaveResult.SAVED and outcome.draft_id not in (None, pv_id)
    assert outcome.draft_id is not None
    new = load(context, family.case_id, outcome.draft_id)
    assert new.state == PlanState.DRAFT
    assert [g.member_ids for g in new.goals] == [_ids(family, ("teen",)), ()]
    assert [g.member_ids for g in load(context, family.case_id, pv_id).goals] == [both, ()]


def test_start_draft_copies_the_members_of_the_approved_version(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    consent_everyone(context, family)
    pv_id = open_draft(context, family.case_id)
    three = _ids(family, ("youth", "teen", "child"))
    save(
        context,
        pv_id,
        PlanDraft(goals=[goal("g1", members=three)], agreements=[coordinator_agreement(context)]),
    )
    approve(context, pv_id, meeting_id=add_meeting(context, family.case_id))
    with context.sessions.begin() as s:
        next_id = start_draft(s, family.case_id)
    assert next_id != pv_id
    assert [g.member_ids for g in load(context, family.case_id, next_id).goals] == [three]


def test_consent_is_asked_for_every_member_a_goal_names_and_no_one_else(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pv_id = open_draft(context, family.case_id)
    two = _ids(family, ("teen", "child"))
    save(
        context,
        pv_id,
        PlanDraft(goals=[goal("g1", members=two)], agreements=[coordinator_agreement(context)]),
    )
    with context.sessions() as s:
        pv = s.get(PlanVersion, pv_id)
        assert pv is not None
        assert concerned_members(s, pv) == [family["teen"], family["child"]]
        asked = {p.field for p in approval_problems(s, pv_id, TODAY)}
    assert asked == {f"consent.{c}.{ConsentCapacity.CUSTODY_HOLDER.value}" for c in two}
    consent(context, family.case_id, family["teen"], ConsentCapacity.CUSTODY_HOLDER)
    with context.sessions() as s:
        asked = {p.field for p in approval_problems(s, pv_id, TODAY)}
    assert asked == {f"consent.{family['child']}.{ConsentCapacity.CUSTODY_HOLDER.value}"}
    # A goal of the whole family beside it: everyone is concerned.
    save(context, pv_id, PlanDraft(goals=[goal("g1", members=two), goal("g2")], agreements=[]))
    with context.sessions() as s:
        pv = s.get(PlanVersion, pv_id)
        assert pv is not None
        assert concerned_members(s, pv) == [family[n] for n in NAMES]


def test_a_change_of_members_is_audited_on_the_goal(context) -> None:  # type: ignore[no-untyped-def]
    family = new_family(context)
    pv_id = open_draft(context, family.case_id)
    save(context, pv_id, PlanDraft(goals=[goal("g1", "Ro", members=(family["teen"],))]))
    with context.sessions() as s:
        since = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    save(context, pv_id, PlanDraft(goals=[goal("g1", "Ro", members=_ids(family, ("teen", "child")))]))
    save(context, pv_id, PlanDraft(goals=[goal("g1", "Ro")]))
    with context.sessions() as s:
        rows = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.id > since, AuditEvent.object_type == "goal")
            .order_by(AuditEvent.id)
        ).all()
        fields = [json.loads(r.details)["fields"] for r in rows]
        assert {r.case_id for r in rows} == {family.case_id}
    assert fields == [
        {"members": {"before": [family["teen"]], "after": list(_ids(family, ("teen", "child")))}},
        {"members": {"before": list(_ids(family, ("teen", "child"))), "after": None}},
    ]


def test_lises_children_goal_concerns_all_three_children(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    """Seed 004: "De tre børn skal have støtte til at få overskud til at trives i skolen"."""
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=0, seed=1, today=TODAY, my_login="tester")
    with sqlite_context.sessions() as s:
        case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
        assert case_id is not None
        doc = load_plan_document(s, case_id)
        stored = s.scalar(select(GoalMember.id).join(Goal).limit(1))
        assert stored is not None
    assert doc.plan is not None
    first = {m.citizen_id: m.first_name for m in doc.members}
    concerns = {g.text: [first[c] for c in g.member_ids] for g in doc.plan.goals}
    assert sorted(concerns["Børnene trives i skolen"]) == ["Emil", "Freja", "Oliver"]
    assert sorted(concerns["Oliver og Freja har et fritidsliv"]) == ["Freja", "Oliver"]
    assert concerns["Oliver får et fritidsjob"] == ["Oliver"]
    assert concerns["Lise bliver selvforsørgende"] == ["Lise"]
    level = {g.text: g.level for g in doc.plan.goals}
    assert level["Børnene trives i skolen"] == GoalLevel.OVERALL
