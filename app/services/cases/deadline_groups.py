"""Deadlines grouped the way a caseworker reads them: what is overdue, what is due this week,
and what comes later — each group counted — instead of one list coloured red.

Overdue deadlines come most recent first: the one missed yesterday is the one to act on; one
missed a year ago is known already (and may be one the law no longer sets, issue 20).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.services.cases.deadlines import Deadline


class DueGroup(StrEnum):
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"  # today up to and including Sunday
    LATER = "later"


@dataclass(frozen=True, slots=True)
class DeadlineGroup:
    group: DueGroup
    deadlines: tuple[Deadline, ...]


def week_end(today: date) -> date:
    """The Sunday of ``today``'s week (Danish weeks start on Monday)."""
    return today + timedelta(days=6 - today.weekday())


def group_of(deadline: Deadline, today: date) -> DueGroup:
    if deadline.overdue(today):
        return DueGroup.OVERDUE
    if deadline.due <= week_end(today):
        return DueGroup.THIS_WEEK
    return DueGroup.LATER


def group_deadlines(deadlines: Iterable[Deadline], today: date) -> list[DeadlineGroup]:
    """The deadlines in their groups, in the order overdue, this week, later; empty groups
    are left out."""
    groups: dict[DueGroup, list[Deadline]] = {group: [] for group in DueGroup}
    for deadline in deadlines:
        groups[group_of(deadline, today)].append(deadline)
    groups[DueGroup.OVERDUE].sort(key=lambda d: d.sort_key, reverse=True)
    for group in (DueGroup.THIS_WEEK, DueGroup.LATER):
        groups[group].sort(key=lambda d: d.sort_key)
    return [DeadlineGroup(group, tuple(items)) for group, items in groups.items() if items]
