"""Deadlines in groups a caseworker reads at a glance: overdue, this week, later."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.services.cases.deadline_groups import DueGroup, group_deadlines, group_of, week_end
from app.services.cases.deadlines import Deadline


def _deadline(due: date, done: bool = False, number: str = "K-2026-0001") -> Deadline:
    return Deadline(1, number, "Familien Holm Jensen", due, "rule", "BL § 95", "Opfølgning", "", None, done)


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))


@given(today=days, offsets=st.lists(st.tuples(st.integers(-400, 60), st.booleans()), max_size=30))
def test_every_deadline_is_in_exactly_one_group_in_order(
    today: date, offsets: list[tuple[int, bool]]
) -> None:
    deadlines = [_deadline(today + timedelta(days=o), done) for o, done in offsets]
    groups = group_deadlines(deadlines, today)
    assert sorted(len(g.deadlines) for g in groups) == sorted(
        sum(1 for d in deadlines if group_of(d, today) == g.group) for g in groups
    )
    assert sum(len(g.deadlines) for g in groups) == len(deadlines)
    order = [g.group for g in groups]
    assert order == [g for g in DueGroup if g in order]  # overdue, this week, later
    assert all(g.deadlines for g in groups)  # no empty group
    for group in groups:
        for deadline in group.deadlines:
            if group.group == DueGroup.OVERDUE:
                assert deadline.due < today and not deadline.done
            elif group.group == DueGroup.THIS_WEEK:
                assert deadline.due <= week_end(today) and not deadline.overdue(today)
            else:
                assert deadline.due > week_end(today)
    overdue = next((g.deadlines for g in groups if g.group == DueGroup.OVERDUE), ())
    assert [d.due for d in overdue] == sorted((d.due for d in overdue), reverse=True)  # latest first


@given(days)
def test_the_week_ends_on_sunday(today: date) -> None:
    end = week_end(today)
    assert end.weekday() == 6 and 0 <= (end - today).days <= 6


def test_a_done_deadline_is_never_overdue() -> None:
    today = date(2026, 12, 3)  # a Thursday
    assert group_of(_deadline(date(2026, 11, 1), done=True), today) != DueGroup.OVERDUE
    assert group_of(_deadline(date(2026, 12, 6)), today) == DueGroup.THIS_WEEK  # Sunday
    assert group_of(_deadline(date(2026, 12, 7)), today) == DueGroup.LATER  # Monday
    assert group_of(_deadline(date(2026, 12, 2)), today) == DueGroup.OVERDUE
