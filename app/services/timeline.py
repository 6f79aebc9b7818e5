"""The family's interventions over time: overlaps of the same kind of help, and gaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services.family_overview import FamilyOverview

DEFAULT_GAP_WEEKS = 2  # a break shorter than this is not reported


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


def find_overlaps(overview: FamilyOverview) -> list[Overlap]:
    raise NotImplementedError


def find_gaps(overview: FamilyOverview, today: date, min_weeks: int = DEFAULT_GAP_WEEKS) -> list[Gap]:
    raise NotImplementedError
