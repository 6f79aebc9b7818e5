"""Collisions in the family's week: a slot that overlaps another slot of the same person,
or a child's slot that needs a parent present while that parent is busy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from app.services.family_overview import FamilyOverview, SlotInfo


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


def find_collisions(overview: FamilyOverview) -> list[Collision]:
    raise NotImplementedError
