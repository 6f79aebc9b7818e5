"""Collisions in the family's week: same person twice, or a child's slot while every parent is busy."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, time
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Case
from app.models.enums import InterventionStatus, Relation
from app.services.cases.case_summary import MemberSummary
from app.services.demo.demo import generate_demo
from app.services.family.family_overview import FamilyOverview, InterventionInfo, load_family_overview
from app.services.meetings.collisions import Collision, CollisionKind, find_collisions, weekly_minutes
from tests.factories import SlotSpec, make_intervention, make_member
from tests.factories import make_overview as overview

TODAY = date(2026, 11, 24)
MON, TUE, THU = 0, 1, 3
PARENT, CHILD = 1, 10

# -- factories ------------------------------------------------------------------------------


def member(
    citizen_id: int,
    relation: Relation = Relation.PARENT,
    custody: bool = False,
    home: bool = True,
) -> MemberSummary:
    return make_member(
        citizen_id, born=date(2000, 1, 1), relation=relation, custody=custody, lives_in_household=home
    )


def parent(citizen_id: int = PARENT, custody: bool = True, home: bool = True) -> MemberSummary:
    return member(citizen_id, Relation.PARENT, custody, home)


def child(citizen_id: int = CHILD) -> MemberSummary:
    return member(citizen_id, Relation.CHILD)


def t(text: str) -> time:
    return time.fromisoformat(text)


def intervention(
    citizen_id: int,
    *slots: SlotSpec,
    status: InterventionStatus = InterventionStatus.ACTIVE,
    intervention_id: int | None = None,
) -> InterventionInfo:
    """An intervention with weekly slots given as (weekday, "HH:MM", "HH:MM"[, needs_parent])."""
    return make_intervention(intervention_id, citizen_id, status=status, slots=slots)


def kinds(found: list[Collision]) -> list[CollisionKind]:
    return [c.kind for c in found]


# -- SAME_PERSON ----------------------------------------------------------------------------


def test_two_overlapping_slots_of_one_person_collide_on_the_common_part() -> None:
    a = intervention(PARENT, (MON, "09:00", "11:00"))
    b = intervention(PARENT, (MON, "10:00", "12:00"))
    found = find_collisions(overview([parent()], [a, b]))
    assert found == [
        Collision(
            CollisionKind.SAME_PERSON,
            MON,
            t("10:00"),
            t("11:00"),
            PARENT,
            a.slots[0],
            b.slots[0],
            PARENT,
        )
    ]


def test_the_pair_is_reported_once_with_the_earlier_slot_first_whatever_the_input_order() -> None:
    late = intervention(PARENT, (MON, "10:00", "12:00"))
    early = intervention(PARENT, (MON, "09:00", "11:00"))
    found = find_collisions(overview([parent()], [late, early]))
    assert len(found) == 1
    assert found[0].slot == early.slots[0]
    assert found[0].other_slot == late.slots[0]


def test_equal_start_orders_the_pair_by_slot_id() -> None:
    a = intervention(PARENT, (MON, "09:00", "10:00"))
    b = intervention(PARENT, (MON, "09:00", "11:00"))
    (found,) = find_collisions(overview([parent()], [b, a]))
    assert found.slot.id < found.other_slot.id
    assert (found.start, found.end) == (t("09:00"), t("10:00"))


def test_touching_slots_do_not_collide_half_open_ranges() -> None:
    a = intervention(PARENT, (MON, "09:00", "10:00"))
    b = intervention(PARENT, (MON, "10:00", "11:00"))
    assert find_collisions(overview([parent()], [a, b])) == []


def test_one_minute_of_overlap_is_a_collision() -> None:
    a = intervention(PARENT, (MON, "09:00", "10:01"))
    b = intervention(PARENT, (MON, "10:00", "11:00"))
    (found,) = find_collisions(overview([parent()], [a, b]))
    assert (found.start, found.end) == (t("10:00"), t("10:01"))


def test_same_hours_on_different_weekdays_do_not_collide() -> None:
    a = intervention(PARENT, (MON, "09:00", "10:00"))
    b = intervention(PARENT, (TUE, "09:00", "10:00"))
    assert find_collisions(overview([parent()], [a, b])) == []


def test_different_people_at_the_same_time_do_not_collide() -> None:
    a = intervention(PARENT, (MON, "09:00", "10:00"))
    b = intervention(CHILD, (MON, "09:00", "10:00"))
    assert find_collisions(overview([parent(), child()], [a, b])) == []


def test_two_slots_of_the_same_intervention_collide() -> None:
    a = intervention(PARENT, (MON, "09:00", "10:00"), (MON, "09:30", "12:00"))
    (found,) = find_collisions(overview([parent()], [a]))
    assert found.kind == CollisionKind.SAME_PERSON
    assert {found.slot.id, found.other_slot.id} == {s.id for s in a.slots}
    assert (found.start, found.end) == (t("09:30"), t("10:00"))


def test_a_slot_inside_another_collides_for_its_whole_length() -> None:
    a = intervention(PARENT, (MON, "08:00", "16:00"))
    b = intervention(PARENT, (MON, "10:00", "11:00"))
    (found,) = find_collisions(overview([parent()], [a, b]))
    assert (found.start, found.end) == (t("10:00"), t("11:00"))


def test_three_overlapping_slots_give_three_pairs() -> None:
    items = [intervention(PARENT, (MON, "09:00", "12:00")) for _ in range(3)]
    found = find_collisions(overview([parent()], items))
    assert len(found) == 3
    assert {frozenset((c.slot.id, c.other_slot.id)) for c in found} == {
        frozenset((a.slots[0].id, b.slots[0].id)) for a, b in combinations(items, 2)
    }


def test_slots_of_ended_interventions_are_ignored() -> None:
    a = intervention(PARENT, (MON, "09:00", "11:00"))
    b = intervention(PARENT, (MON, "10:00", "12:00"), status=InterventionStatus.ENDED)
    assert find_collisions(overview([parent()], [a, b])) == []


def test_planned_and_paused_interventions_count() -> None:
    a = intervention(PARENT, (MON, "09:00", "11:00"), status=InterventionStatus.PLANNED)
    b = intervention(PARENT, (MON, "10:00", "12:00"), status=InterventionStatus.PAUSED)
    assert kinds(find_collisions(overview([parent()], [a, b]))) == [CollisionKind.SAME_PERSON]


def test_result_is_sorted_by_weekday_start_and_citizen() -> None:
    items = [
        intervention(CHILD, (THU, "09:00", "10:00"), (THU, "09:00", "10:00")),
        intervention(PARENT, (THU, "09:00", "10:00"), (THU, "09:30", "10:00")),
        intervention(PARENT, (MON, "13:00", "14:00"), (MON, "13:00", "14:00")),
        intervention(CHILD, (MON, "08:00", "09:00"), (MON, "08:30", "09:00")),
    ]
    found = find_collisions(overview([parent(), child()], items))
    assert [(c.weekday, c.start, c.citizen_id) for c in found] == [
        (MON, t("08:30"), CHILD),
        (MON, t("13:00"), PARENT),
        (THU, t("09:00"), CHILD),
        (THU, t("09:30"), PARENT),
    ]


# -- PARENT_BUSY ----------------------------------------------------------------------------


def test_child_slot_needing_a_parent_while_the_only_custody_holder_is_busy() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "08:00", "15:00"))
    found = find_collisions(overview([parent(), child()], [kid, work]))
    assert found == [
        Collision(
            CollisionKind.PARENT_BUSY,
            THU,
            t("14:00"),
            t("15:00"),
            CHILD,
            kid.slots[0],
            work.slots[0],
            PARENT,
        )
    ]


def test_no_collision_when_the_child_slot_does_not_need_a_parent() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", False))
    work = intervention(PARENT, (THU, "08:00", "15:00"))
    assert find_collisions(overview([parent(), child()], [kid, work])) == []


def test_no_collision_when_the_parent_is_free_at_that_time() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "08:00", "14:00"), (THU, "16:00", "18:00"))  # touching both ends
    assert find_collisions(overview([parent(), child()], [kid, work])) == []


def test_no_collision_when_the_parent_is_busy_on_another_weekday() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (MON, "14:00", "16:00"))
    assert find_collisions(overview([parent(), child()], [kid, work])) == []


def test_needs_parent_only_counts_for_members_who_are_children() -> None:
    sibling = member(CHILD, Relation.SIBLING)
    theirs = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "14:00", "16:00"))
    assert find_collisions(overview([parent(), sibling], [theirs, work])) == []


def test_no_custody_holder_means_no_parent_busy_collision() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "14:00", "16:00"))
    assert find_collisions(overview([parent(custody=False), child()], [kid, work])) == []


def test_a_busy_step_parent_without_custody_does_not_count() -> None:
    step = member(2, Relation.STEP_PARENT, custody=False)
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    step_work = intervention(2, (THU, "14:00", "16:00"))
    assert find_collisions(overview([parent(), step, child()], [kid, step_work])) == []


def test_ended_parent_intervention_does_not_make_the_parent_busy() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "14:00", "16:00"), status=InterventionStatus.ENDED)
    assert find_collisions(overview([parent(), child()], [kid, work])) == []


def test_ended_child_intervention_needs_no_parent() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True), status=InterventionStatus.ENDED)
    work = intervention(PARENT, (THU, "14:00", "16:00"))
    assert find_collisions(overview([parent(), child()], [kid, work])) == []


def test_two_custody_holders_at_home_one_free_gives_no_collision() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "14:00", "16:00"))
    members = [parent(PARENT), parent(2), child()]
    assert find_collisions(overview(members, [kid, work])) == []


def test_two_custody_holders_both_busy_give_one_collision_per_busy_slot() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    mum = intervention(PARENT, (THU, "13:00", "15:00"), (THU, "15:30", "17:00"))
    dad = intervention(2, (THU, "14:30", "15:30"))
    members = [parent(PARENT), parent(2), child()]
    found = find_collisions(overview(members, [kid, mum, dad]))
    assert kinds(found) == [CollisionKind.PARENT_BUSY] * 3
    assert [(c.start, c.end, c.other_citizen_id, c.other_slot) for c in found] == [
        (t("14:00"), t("15:00"), PARENT, mum.slots[0]),
        (t("14:30"), t("15:30"), 2, dad.slots[0]),
        (t("15:30"), t("16:00"), PARENT, mum.slots[1]),
    ]
    assert {c.slot for c in found} == {kid.slots[0]}
    assert {c.citizen_id for c in found} == {CHILD}


def test_custody_holder_living_elsewhere_is_not_asked_when_one_lives_at_home() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    at_home_busy = intervention(PARENT, (THU, "14:00", "16:00"))
    members = [parent(PARENT), parent(2, home=False), child()]
    found = find_collisions(overview(members, [kid, at_home_busy]))
    assert [(c.kind, c.other_citizen_id) for c in found] == [(CollisionKind.PARENT_BUSY, PARENT)]


def test_busy_custody_holder_living_elsewhere_does_not_matter_when_the_one_at_home_is_free() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    away_busy = intervention(2, (THU, "14:00", "16:00"))
    members = [parent(PARENT), parent(2, home=False), child()]
    assert find_collisions(overview(members, [kid, away_busy])) == []


def test_when_no_custody_holder_lives_at_home_all_of_them_count() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    busy = intervention(PARENT, (THU, "14:00", "16:00"))
    other_busy = intervention(2, (THU, "15:00", "17:00"))
    members = [parent(PARENT, home=False), parent(2, home=False), child()]
    assert find_collisions(overview(members, [kid, busy])) == []  # parent 2 is free
    found = find_collisions(overview(members, [kid, busy, other_busy]))
    assert [c.other_citizen_id for c in found] == [PARENT, 2]


def test_child_and_parent_overlap_and_parent_double_booked_are_both_reported() -> None:
    kid = intervention(CHILD, (THU, "14:00", "16:00", True))
    work = intervention(PARENT, (THU, "14:00", "16:00"), (THU, "15:00", "17:00"))
    found = find_collisions(overview([parent(), child()], [kid, work]))
    assert sorted(kinds(found)) == [
        CollisionKind.PARENT_BUSY,
        CollisionKind.PARENT_BUSY,
        CollisionKind.SAME_PERSON,
    ]


# -- weekly minutes -------------------------------------------------------------------------


def test_weekly_minutes_sums_open_slots_of_the_citizen_only() -> None:
    items = [
        intervention(PARENT, (MON, "08:00", "13:00"), (TUE, "16:00", "17:30")),
        intervention(PARENT, (THU, "08:00", "09:00"), status=InterventionStatus.ENDED),
        intervention(CHILD, (MON, "09:00", "11:00")),
    ]
    view = overview([parent(), child()], items)
    assert weekly_minutes(view, PARENT) == 5 * 60 + 90
    assert weekly_minutes(view, CHILD) == 120
    assert weekly_minutes(view, 999) == 0


# -- properties -----------------------------------------------------------------------------

minutes = st.integers(min_value=6 * 60, max_value=20 * 60)


@st.composite
def random_slots(draw: st.DrawFn) -> list[tuple[int, int, int, int, bool]]:
    """(citizen, weekday, start minute, end minute, needs_parent) tuples."""
    count = draw(st.integers(min_value=0, max_value=8))
    out = []
    for _ in range(count):
        start = draw(minutes)
        length = draw(st.integers(min_value=1, max_value=240))
        out.append(
            (
                draw(st.sampled_from([PARENT, 2, CHILD])),
                draw(st.integers(min_value=0, max_value=1)),
                start,
                min(start + length, 23 * 60 + 59),
                draw(st.booleans()),
            )
        )
    return out


def _hm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _family(spec: list[tuple[int, int, int, int, bool]], second_home: bool) -> FamilyOverview:
    items = [
        intervention(c, (day, _hm(s), _hm(e), need), intervention_id=1000 + n)
        for n, (c, day, s, e, need) in enumerate(spec)
    ]
    members = [parent(PARENT), parent(2, home=second_home), child()]
    return overview(members, items)


@settings(max_examples=150, deadline=None)
@given(random_slots(), st.booleans(), st.randoms(use_true_random=False))
def test_property_same_person_matches_brute_force_and_ignores_input_order(
    spec: list[tuple[int, int, int, int, bool]], second_home: bool, rnd: random.Random
) -> None:
    view = _family(spec, second_home)
    found = find_collisions(view)
    same = [c for c in found if c.kind == CollisionKind.SAME_PERSON]
    slots = view.slots
    expected_pairs = {
        frozenset((a.id, b.id))
        for a, b in combinations(slots, 2)
        if a.citizen_id == b.citizen_id and a.weekday == b.weekday and a.start < b.end and b.start < a.end
    }
    assert {frozenset((c.slot.id, c.other_slot.id)) for c in same} == expected_pairs
    assert len(same) == len(expected_pairs)
    for c in found:
        assert c.start < c.end
        assert c.slot.start <= c.start and c.end <= c.slot.end
        assert c.other_slot.start <= c.start and c.end <= c.other_slot.end
        assert c.slot.weekday == c.other_slot.weekday == c.weekday
    for c in same:
        assert (c.slot.start, c.slot.id) < (c.other_slot.start, c.other_slot.id)
    keys = [(c.weekday, c.start, c.citizen_id) for c in found]
    assert keys == sorted(keys)
    shuffled = list(view.interventions)
    rnd.shuffle(shuffled)
    assert find_collisions(replace(view, interventions=tuple(shuffled))) == found


@settings(max_examples=150, deadline=None)
@given(random_slots(), st.booleans())
def test_property_parent_busy_only_when_every_responsible_parent_is_busy(
    spec: list[tuple[int, int, int, int, bool]], second_home: bool
) -> None:
    view = _family(spec, second_home)
    responsible = [PARENT, 2] if second_home else [PARENT]
    busy = [c for c in find_collisions(view) if c.kind == CollisionKind.PARENT_BUSY]
    for s in view.slots:
        if s.citizen_id != CHILD or not s.needs_parent:
            continue
        reported = {c.other_citizen_id for c in busy if c.slot == s}
        overlapping = {
            o.citizen_id
            for o in view.slots
            if o.citizen_id in responsible and o.weekday == s.weekday and o.start < s.end and s.start < o.end
        }
        if overlapping == set(responsible):
            assert reported == set(responsible)
        else:
            assert reported == set()
    assert all(c.citizen_id == CHILD and c.slot.needs_parent for c in busy)


# -- a real store ---------------------------------------------------------------------------


def test_demo_family_of_lise(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=3, seed=1, today=TODAY, my_login="tester")
        case_id = session.scalars(select(Case.id).where(Case.title.like("%Holm Jensen%"))).one()
        view = load_family_overview(session, case_id)

    by_first = {m.first_name: m for m in view.members}
    lise, emil = by_first["Lise"], by_first["Emil"]
    assert lise.custody and lise.lives_in_household and emil.relation == Relation.CHILD
    found = find_collisions(view)
    keys = [(c.weekday, c.start, c.citizen_id) for c in found]
    assert keys == sorted(keys)
    open_slots = [s for i in view.interventions if i.open for s in i.slots]
    assert {
        frozenset((c.slot.id, c.other_slot.id)) for c in found if c.kind == CollisionKind.SAME_PERSON
    } == {
        frozenset((a.id, b.id))
        for a, b in combinations(open_slots, 2)
        if a.citizen_id == b.citizen_id and a.weekday == b.weekday and a.start < b.end and b.start < a.end
    }
    open_ids = {i.id for i in view.interventions if i.open}
    for c in found:
        assert c.slot.intervention_id in open_ids and c.other_slot.intervention_id in open_ids
        assert c.start < c.end
    expected_minutes = sum(
        (s.end.hour * 60 + s.end.minute) - (s.start.hour * 60 + s.start.minute)
        for i in view.interventions_of(lise.citizen_id)
        if i.open
        for s in i.slots
    )
    assert weekly_minutes(view, lise.citizen_id) == expected_minutes

    # Emil's group needs a parent; make Lise busy then and the collision must appear.
    emil_slot = next(s for s in view.slots if s.citizen_id == emil.citizen_id and s.needs_parent)
    lise_item = next(i for i in view.interventions_of(lise.citizen_id) if i.slots)
    lise_item = replace(
        lise_item,
        status=InterventionStatus.ACTIVE,
        slots=(
            *lise_item.slots,
            replace(
                lise_item.slots[0],
                id=10**6,
                weekday=emil_slot.weekday,
                start=emil_slot.start,
                end=emil_slot.end,
            ),
        ),
    )
    emil_items = [
        replace(i, status=InterventionStatus.ACTIVE) for i in view.interventions_of(emil.citizen_id)
    ]
    busy_view = replace(
        view,
        interventions=(
            *(i for i in view.interventions if i.citizen_id not in (lise.citizen_id, emil.citizen_id)),
            lise_item,
            *emil_items,
        ),
    )
    parent_busy = [c for c in find_collisions(busy_view) if c.kind == CollisionKind.PARENT_BUSY]
    assert any(
        c.slot.id == emil_slot.id and c.other_slot.id == 10**6 and c.other_citizen_id == lise.citizen_id
        for c in parent_busy
    )
