"""The family's interventions over time: overlaps of the same kind of help, and gaps."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, pairwise

from app.models.enums import InterventionStatus
from app.services.family.family_overview import FamilyOverview, InterventionInfo

DEFAULT_GAP_WEEKS = 2  # a break shorter than this is not reported

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Overlap:
    citizen_id: int
    first_id: int  # intervention ids, first_id < second_id
    second_id: int
    kind: str  # InterventionInfo.kind
    start: date
    end: date | None  # None: open-ended


@dataclass(frozen=True, slots=True)
class Gap:
    """A member who had help has none from ``start`` to ``end`` (None: still none today)."""

    citizen_id: int
    start: date
    end: date | None
    weeks: int


def _ended_without_date(info: InterventionInfo) -> bool:
    return info.status == InterventionStatus.ENDED and info.end_date is None


def _min_end(a: date | None, b: date | None) -> date | None:
    """The earlier of two period ends, where None means open-ended (later than any date)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def find_overlaps(overview: FamilyOverview) -> list[Overlap]:
    """Pairs of one member's interventions of the same kind whose periods overlap.

    Dates are inclusive; an end date of None is open-ended. An ended intervention without an
    end date has no known period and is left out. Sorted by (citizen_id, start, ids).
    """
    groups: dict[tuple[int, str], list[InterventionInfo]] = defaultdict(list)
    for info in overview.interventions:
        if _ended_without_date(info):
            continue
        if info.end_date is not None and info.end_date < info.start_date:
            continue  # an empty period overlaps nothing
        groups[(info.citizen_id, info.kind)].append(info)
    found: list[Overlap] = []
    for (citizen_id, kind), items in groups.items():
        items.sort(key=lambda i: i.id)
        for a, b in combinations(items, 2):
            start = max(a.start_date, b.start_date)
            end = _min_end(a.end_date, b.end_date)
            if end is not None and end < start:
                continue
            found.append(Overlap(citizen_id, a.id, b.id, kind, start, end))
    found.sort(key=lambda o: (o.citizen_id, o.start, o.first_id, o.second_id))
    return found


def help_periods(overview: FamilyOverview, citizen_id: int, today: date) -> list[tuple[date, date]]:
    """The member's merged periods with help, from the first start up to and including today.

    Only interventions starting on or before today count. An ended intervention without an end
    date counts as its start day only; an open-ended one runs to today. Periods that touch
    (one ends the day before the next starts) are merged, so there is a gap between any two.
    """
    raw: list[tuple[date, date]] = []
    for info in overview.interventions_of(citizen_id):
        if info.start_date > today:
            continue
        if _ended_without_date(info):
            end = info.start_date
        elif info.end_date is None:
            end = today
        else:
            end = min(info.end_date, today)
        if end < info.start_date:
            continue
        raw.append((info.start_date, end))
    raw.sort()
    merged: list[tuple[date, date]] = []
    for start, end in raw:
        if merged and start <= merged[-1][1] + _ONE_DAY:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def find_gaps(overview: FamilyOverview, today: date, min_weeks: int = DEFAULT_GAP_WEEKS) -> list[Gap]:
    """Stretches from the first intervention's start up to today with no intervention running.

    A gap between two periods ends the day before the next start; a gap after the last period
    has end None (still nothing today) and its weeks are counted up to and including today.
    weeks = whole weeks (days // 7); gaps with fewer than ``min_weeks`` are left out.
    Interventions planned to start after today do not close a gap before they start.
    Sorted by (citizen_id, start).
    """
    citizen_ids = sorted({i.citizen_id for i in overview.interventions})
    found: list[Gap] = []
    for citizen_id in citizen_ids:
        periods = help_periods(overview, citizen_id, today)
        for (_, prev_end), (next_start, _) in pairwise(periods):
            start, end = prev_end + _ONE_DAY, next_start - _ONE_DAY
            weeks = ((end - start).days + 1) // 7
            if weeks >= min_weeks:
                found.append(Gap(citizen_id, start, end, weeks))
        if periods and periods[-1][1] < today:
            start = periods[-1][1] + _ONE_DAY
            weeks = ((today - start).days + 1) // 7
            if weeks >= min_weeks:
                found.append(Gap(citizen_id, start, None, weeks))
    found.sort(key=lambda g: (g.citizen_id, g.start))
    return found
