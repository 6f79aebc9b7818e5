"""A goal's member set in plain data: merged as one field (a conflict when both sides changed
it differently), kept in local drafts (older drafts with one "citizen" still load), and in a
recipient's copy only when every member it names is covered."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models.enums import GoalLevel, GoalStatus, PlanState, Relation
from app.services.plan.local_drafts import LocalDraft, draft_from_data, draft_to_data, from_json, to_json
from app.services.plan.plan_document import GoalView, PlanDocument, PlanVersionView
from app.services.plan.plan_draft import GoalInput, PlanDraft
from app.services.plan.plan_merge import ItemKind, merge, resolve
from app.services.plan.recipient_copy import recipient_copy
from app.services.plan.three_way import Choice
from tests.factories import make_member

PEOPLE = (1, 2, 3, 4)
SETS = st.frozensets(st.sampled_from(PEOPLE)).map(lambda s: tuple(sorted(s)))


def a_goal(members: tuple[int, ...], text: str = "Børnene trives i skolen") -> GoalInput:
    return GoalInput("g", None, GoalLevel.OVERALL, text, members, None, GoalStatus.OPEN)


# -- merging -----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, database=None)
@given(SETS, SETS, SETS)
def test_the_member_set_merges_as_one_field(base: tuple, mine: tuple, theirs: tuple) -> None:  # type: ignore[type-arg]
    result = merge(
        PlanDraft(goals=[a_goal(base)]), PlanDraft(goals=[a_goal(mine)]), PlanDraft(goals=[a_goal(theirs)])
    )
    both_changed = mine != base and theirs != base and mine != theirs
    assert result.clean == (not both_changed)
    if not both_changed:
        expected = mine if mine != base else theirs
        assert [g.member_ids for g in result.merged.goals] == [expected]
        return
    (conflict,) = result.conflicts
    assert conflict.kind == ItemKind.GOAL and conflict.key == "g"
    assert conflict.mine.member_ids == mine and conflict.theirs.member_ids == theirs
    for choice, wanted in ((Choice.MINE, mine), (Choice.THEIRS, theirs)):
        chosen = resolve(result.merged, result.conflicts, {conflict.item_id: choice})
        assert [g.member_ids for g in chosen.goals] == [wanted]


def test_members_changed_on_one_side_and_the_text_on_the_other_combine() -> None:
    base = PlanDraft(goals=[a_goal((2,))])
    mine = PlanDraft(goals=[a_goal((2, 3))])
    theirs = PlanDraft(goals=[a_goal((2,), "Børnene trives i skolen og i fritiden")])
    result = merge(base, mine, theirs)
    assert result.clean
    assert result.merged.goals == [a_goal((2, 3), "Børnene trives i skolen og i fritiden")]


def test_the_same_members_chosen_in_another_order_are_no_change() -> None:
    base = PlanDraft(goals=[a_goal((2, 3))])
    mine = PlanDraft(goals=[replace(a_goal(()), member_ids=(3, 2))])
    theirs = PlanDraft(goals=[a_goal((4,))])
    result = merge(base, mine, theirs)
    assert result.clean and result.merged.goals == [a_goal((4,))]


# -- local drafts ------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(SETS, min_size=1, max_size=5))
def test_local_drafts_keep_each_goals_members(sets: list[tuple[int, ...]]) -> None:
    goals = [replace(a_goal(members), goal_key=f"g{i}") for i, members in enumerate(sets)]
    draft = PlanDraft(goals=goals)
    local = LocalDraft(7, 3, 2, draft, draft, datetime(2026, 11, 24, 9, tzinfo=UTC))
    back = from_json(to_json(local))
    assert back.draft.goals == goals and back.base.goals == goals


@pytest.mark.parametrize(("citizen", "members"), [(None, ()), (12, (12,))])
def test_a_draft_written_before_goals_had_several_members_still_loads(
    citizen: int | None, members: tuple
) -> None:  # type: ignore[type-arg]
    data = draft_to_data(PlanDraft(goals=[a_goal((5, 6))]))
    old_goal = {k: v for k, v in data["goals"][0].items() if k != "members"}
    old_goal["citizen"] = citizen  # as the program wrote it before (format 1)
    data["goals"][0] = old_goal
    loaded = draft_from_data(json.loads(json.dumps(data)))
    assert loaded.goals == [a_goal(members)]


# -- the recipient's copy ----------------------------------------------------------------------

MEMBERS = (
    make_member(1, "Lise", "Holm", relation=Relation.PARENT),
    make_member(2, "Oliver", "Holm", relation=Relation.CHILD),
    make_member(3, "Freja", "Holm", relation=Relation.CHILD),
    make_member(4, "Emil", "Holm", relation=Relation.CHILD),
)
ALL = frozenset({"plan", "social", "health", "school", "employment", "family"})
COUNTED = {
    1: "et familiemedlem",
    2: "to familiemedlemmer",
    3: "tre familiemedlemmer",
    4: "fire familiemedlemmer",
}


def a_document(goals: tuple[GoalView, ...]) -> PlanDocument:
    plan = PlanVersionView(
        id=1,
        number=1,
        state=PlanState.DRAFT,
        approved_on=None,
        meeting_id=None,
        meeting_label="",
        participants="",
        sections=(),
        member_sections=(),
        goals=goals,
        agreements=(),
        offer_comments=(),
        row_version=1,
    )
    return PlanDocument(
        case_id=1,
        case_number="K-2026-0001",
        family_name="Familien Holm",
        is_family=True,
        coordinator_name="Anna",
        coordinator_phone="",
        coordinator_email="",
        partner_name="",
        partner_phone="",
        members=MEMBERS,
        plan=plan,
        offers=(),
        next_meeting=None,
        history=(),
        read_only=False,
    )


def a_view(key: str, members: tuple[int, ...], parent: str | None = None) -> GoalView:
    level = GoalLevel.OVERALL if parent is None else GoalLevel.SUB
    return GoalView(key, parent, level, f"Målet {key}", members, None, GoalStatus.OPEN)


@settings(max_examples=300, deadline=None, database=None)
@given(SETS, st.frozensets(st.sampled_from(PEOPLE)), SETS)
def test_a_goal_is_copied_only_when_every_member_it_names_is_covered(
    members: tuple[int, ...], covered: frozenset[int], sub_members: tuple[int, ...]
) -> None:
    doc = a_document((a_view("top", members), a_view("under", sub_members, parent="top")))
    cover = {cid: (ALL if cid in covered else frozenset()) for cid in PEOPLE}
    copy = recipient_copy(doc, cover, "Skolen")
    assert copy.document.plan is not None
    kept = [g.goal_key for g in copy.document.plan.goals]

    def allowed(names: tuple[int, ...]) -> bool:
        return set(names) <= covered if names else covered == set(PEOPLE)

    top = allowed(members)
    assert ("top" in kept) == top
    assert ("under" in kept) == (top and allowed(sub_members))  # a sub-goal goes with its goal
    # What was left out is counted, never named: the members the left-out goals name that
    # the copy does not cover.
    lost = {c for key, names in (("top", members), ("under", sub_members)) if key not in kept for c in names}
    lost -= covered
    statements = " ".join(copy.omitted)
    if lost:
        assert f"Det, der står om {COUNTED[len(lost)]}, er udeladt" in statements
    else:
        assert "Det, der står om" not in statements
    family_goal_out = any(
        not names and key not in kept for key, names in (("top", members), ("under", sub_members))
    )
    assert ("Det, der gælder hele familien, er udeladt" in statements) == family_goal_out
    shown = {m.first_name for m in copy.document.members}
    assert shown == {m.first_name for m in MEMBERS if m.citizen_id in covered}
    assert copy.complete == (len(kept) == 2)


@pytest.mark.parametrize(
    ("members", "covered", "kept"),
    [
        ((2, 3), {2, 3}, True),
        ((2, 3), {2}, False),  # Freja is not covered: the goal would name her
        ((2, 3), {3}, False),
        ((2, 3), {1, 4}, False),
        ((2,), {2}, True),
        ((), {1, 2, 3}, False),  # the whole family's goal needs everyone
        ((), {1, 2, 3, 4}, True),
        ((1, 2, 3, 4), {1, 2, 3, 4}, True),
        ((1, 2, 3, 4), {1, 2, 3}, False),
    ],
)
def test_examples_of_member_sets_and_cover(members: tuple[int, ...], covered: set[int], kept: bool) -> None:
    doc = a_document((a_view("top", members),))
    copy = recipient_copy(doc, {cid: ALL for cid in covered}, "Skolen")
    assert copy.document.plan is not None
    assert bool(copy.document.plan.goals) == kept
    assert copy.complete == kept
