"""The family screen's whole picture: the overview plus what the rules find in it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from app.services.cases.deadlines import Deadline, deadlines_for_case, upcoming
from app.services.common import audit
from app.services.common.clock import now_utc
from app.services.day.last_seen import mark_case_seen
from app.services.family.family_overview import FamilyOverview, load_family_overview
from app.services.family.family_warnings import (
    FamilyWarning,
    WarningSettings,
    family_warnings,
    stale_intervention_ids,
)
from app.services.family.timeline import Gap, Overlap, find_gaps, find_overlaps
from app.services.meetings.collisions import Collision, find_collisions


@dataclass(frozen=True, slots=True)
class FamilyAnalysis:
    overview: FamilyOverview
    today: date
    collisions: tuple[Collision, ...]
    overlaps: tuple[Overlap, ...]
    gaps: tuple[Gap, ...]
    warnings: tuple[FamilyWarning, ...]
    stale_ids: frozenset[int]
    deadlines: tuple[Deadline, ...] = ()  # the case's deadlines: overdue, and the next 30 days


def analyse_family(overview: FamilyOverview, today: date, settings: WarningSettings) -> FamilyAnalysis:
    return FamilyAnalysis(
        overview=overview,
        today=today,
        collisions=tuple(find_collisions(overview, today)),
        overlaps=tuple(find_overlaps(overview)),
        gaps=tuple(find_gaps(overview, today)),
        warnings=tuple(family_warnings(overview, today, settings)),
        stale_ids=stale_intervention_ids(overview, today, settings.stale_days),
    )


def load_family_analysis(
    session: Session, case_id: int, today: date, settings: WarningSettings, *, opened: bool = True
) -> FamilyAnalysis:
    """The family page's data. ``opened``: the user opens the case (a lookup for the audit
    log); a re-read after a change of the page's own or someone else's is not."""
    if opened:
        audit.record_now(session, audit.OPEN_CASE, object_type="case", object_id=case_id, case_id=case_id)
    analysis = analyse_family(load_family_overview(session, case_id), today, settings)
    if opened:  # the case exists and is within reach: "Min dag" counts changes from now on
        mark_case_seen(session, case_id, now_utc())
    due = upcoming(deadlines_for_case(session, case_id, today), today)
    return replace(analysis, deadlines=tuple(d for d in due if not d.done))
