"""Collisions in the family's week: a slot that overlaps another slot of the same person,
or a child's slot that needs a parent present while that parent is busy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from itertools import combinations

from app.models.enums import Relation
from app.services.family.family_overview import FamilyOverview, MemberSummary, SlotInfo

Meets = Callable[[SlotInfo, SlotInfo], tuple[time, time] | None]


class CollisionKind(StrEnum):
    SAME_PERSON = "same_person"  # two slots of one person overlap
    PARENT_BUSY = "parent_busy"  # a child's slot needs a parent who is busy then


@dataclass(frozen=True, slots=True)
class Collision:
    kind: CollisionKind
    weekday: int  # 0 = Monday
    start: time  # the overlapping part
    end: time
    citizen_id: int  # SAME_PERSON: the person; PARENT_BUSY: the child
    slot: SlotInfo  # the (child's) slot
    other_slot: SlotInfo  # the other slot of the same person, or the busy parent's slot
    other_citizen_id: int  # SAME_PERSON: the same person; PARENT_BUSY: the parent


def open_slots(overview: FamilyOverview) -> tuple[SlotInfo, ...]:
    """The weekly slots of interventions that have not ended."""
    return tuple(s for i in overview.interventions if i.open for s in i.slots)


def overlap(a: SlotInfo, b: SlotInfo) -> tuple[time, time] | None:
    """The common part of two slots as half-open ranges [start, end), or None.

    Slots on different weekdays never overlap; touching slots (09-10 and 10-11) do not either.
    """
    if a.weekday != b.weekday:
        return None
    start, end = max(a.start, b.start), min(a.end, b.end)
    return (start, end) if start < end else None


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def weekly_minutes(overview: FamilyOverview, citizen_id: int) -> int:
    """Minutes per week that ``citizen_id`` is booked by slots of open interventions.

    Overlapping slots are counted in full each (it is the booked load, not the busy time).
    """
    return sum(
        max(0, _minutes(s.end) - _minutes(s.start))
        for s in open_slots(overview)
        if s.citizen_id == citizen_id
    )


def _same_person(slots: Iterable[SlotInfo], meets: Meets) -> list[Collision]:
    by_day: dict[tuple[int, int], list[SlotInfo]] = defaultdict(list)
    for s in slots:
        by_day[(s.citizen_id, s.weekday)].append(s)
    found: list[Collision] = []
    for (citizen_id, weekday), group in by_day.items():
        group.sort(key=lambda s: (s.start, s.id))
        for first, second in combinations(group, 2):
            common = meets(first, second)
            if common is None:
                continue
            found.append(
                Collision(
                    CollisionKind.SAME_PERSON,
                    weekday,
                    common[0],
                    common[1],
                    citizen_id,
                    first,
                    second,
                    citizen_id,
                )
            )
    return found


def responsible_custody_holders(overview: FamilyOverview, child_id: int) -> tuple[MemberSummary, ...]:
    """The custody holders who could come with the child: those living in the household,
    or all custody holders when none of them lives there. Never the child itself."""
    holders = tuple(m for m in overview.members if m.custody and m.citizen_id != child_id)
    at_home = tuple(m for m in holders if m.lives_in_household)
    return at_home or holders


def _parent_busy(overview: FamilyOverview, slots: tuple[SlotInfo, ...], meets: Meets) -> list[Collision]:
    children = {m.citizen_id for m in overview.members if m.relation == Relation.CHILD}
    by_citizen: dict[int, list[SlotInfo]] = defaultdict(list)
    for s in slots:
        by_citizen[s.citizen_id].append(s)
    found: list[Collision] = []
    for slot in slots:
        if not slot.needs_parent or slot.citizen_id not in children:
            continue
        holders = responsible_custody_holders(overview, slot.citizen_id)
        if not holders:
            continue
        busy: list[tuple[int, SlotInfo, tuple[time, time]]] = []
        every_holder_busy = True
        for holder in holders:
            hits = [
                (holder.citizen_id, other, common)
                for other in by_citizen.get(holder.citizen_id, ())
                if (common := meets(slot, other)) is not None
            ]
            if not hits:
                every_holder_busy = False  # this parent can come: no collision for this slot
                break
            busy.extend(hits)
        if not every_holder_busy:
            continue
        for parent_id, other, (start, end) in busy:
            found.append(
                Collision(
                    CollisionKind.PARENT_BUSY,
                    slot.weekday,
                    start,
                    end,
                    slot.citizen_id,
                    slot,
                    other,
                    parent_id,
                )
            )
    return found


def find_collisions(overview: FamilyOverview, today: date | None = None) -> list[Collision]:
    """All collisions in the family's week, sorted by (weekday, start, citizen_id).

    Only slots of open interventions (status not ENDED) count; time ranges are half-open.
    Two slots collide only when their interventions run in the same period; with ``today``,
    interventions that ended before today are left out. Ties are broken by kind, slot id and
    other slot id so the order is stable.
    """
    periods = {
        i.id: (i.start_date, i.end_date or date.max)
        for i in overview.interventions
        if today is None or i.end_date is None or i.end_date >= today
    }
    slots = tuple(s for s in open_slots(overview) if s.intervention_id in periods)

    def meets(a: SlotInfo, b: SlotInfo) -> tuple[time, time] | None:
        (a_start, a_end), (b_start, b_end) = periods[a.intervention_id], periods[b.intervention_id]
        if a_start > b_end or b_start > a_end:
            return None  # one ends before the other starts: never in the same week
        return overlap(a, b)

    found = _same_person(slots, meets) + _parent_busy(overview, slots, meets)
    found.sort(key=lambda c: (c.weekday, c.start, c.citizen_id, c.kind, c.slot.id, c.other_slot.id))
    return found
