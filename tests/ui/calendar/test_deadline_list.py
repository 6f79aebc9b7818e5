"""The calendar's deadlines grouped and counted, overdue latest first and folded when long."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services.cases.deadlines import Deadline
from app.ui.calendar.deadline_list import COLLAPSE_ABOVE, DeadlineList

TODAY = date(2026, 12, 3)  # a Thursday


def _deadline(offset: int, title: str = "Opfølgningsmøde") -> Deadline:
    due = TODAY + timedelta(days=offset)
    return Deadline(1, "K-2026-0001", "Familien Holm Jensen", due, "rule", "BL § 95", title, "", None, False)


@pytest.mark.parametrize("overdue", [0, 1, COLLAPSE_ABOVE, COLLAPSE_ABOVE + 1, 30])
def test_groups_are_counted_and_a_long_overdue_group_is_folded(qtbot, overdue: int) -> None:  # type: ignore[no-untyped-def]
    view = DeadlineList()
    qtbot.addWidget(view)
    deadlines = [_deadline(-1 - i) for i in range(overdue)] + [_deadline(0), _deadline(3), _deadline(10)]
    view.show_deadlines(deadlines, TODAY)
    headings = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    expected = ([f"Overdue ({overdue})"] if overdue else []) + ["This week (2)", "Later (1)"]
    assert [h.text(0) for h in headings] == expected
    if overdue:
        late = headings[0]
        assert late.isExpanded() == (overdue <= COLLAPSE_ABOVE)
        dates = [late.child(i).text(0).split(" · ")[0] for i in range(late.childCount())]
        assert dates == sorted(dates, key=lambda d: tuple(reversed(d.split("."))), reverse=True)
    for heading in headings:
        for i in range(heading.childCount()):
            line = heading.child(i)
            assert line.text(0) in line.toolTip(0)  # the whole line on hover, and its law
            assert "BL § 95" in line.toolTip(0)


def test_no_deadlines_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = DeadlineList()
    qtbot.addWidget(view)
    view.show_deadlines([], TODAY)
    assert view.topLevelItemCount() == 1
    assert view.topLevelItem(0).text(0) == "No deadlines in the next 30 days."
