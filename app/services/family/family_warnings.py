"""Warnings on a family's case, as codes with numbers: the UI turns them into text.

Each warning is one rule function ``(overview, today, settings) -> list[FamilyWarning]``;
``family_warnings`` runs them all in the order of ``WarningCode``. Id tuples are sorted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from app.models.enums import CaseStatus
from app.services.family.family_overview import FamilyOverview, InterventionInfo
from app.services.family.transition import eighteenth_birthday, turns_18_within
from app.services.privacy.consent_register import reviews_due


class WarningCode(StrEnum):
    MULTI_SECTOR_NO_PLAN = "multi_sector_no_plan"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    NO_CONSENT = "no_consent"
    CONSENT_REVIEW_DUE = "consent_review_due"
    YOUTH_WITHOUT_TRANSITION = "youth_without_transition"
    ENDING_WITHOUT_FOLLOW_ON = "ending_without_follow_on"
    STALE_DATA = "stale_data"
    SECTION_EXPIRES = "section_expires"
    CASELOAD_ABOVE_LIMIT = "caseload_above_limit"


@dataclass(frozen=True, slots=True)
class FamilyWarning:
    code: WarningCode
    citizen_ids: tuple[int, ...] = ()
    intervention_ids: tuple[int, ...] = ()
    day: date | None = None
    count: int = 0
    load: Decimal = Decimal(0)  # the coordinator's weighted caseload (CASELOAD_ABOVE_LIMIT)
    limit: Decimal = Decimal(0)  # the team's caseload limit


@dataclass(frozen=True)
class WarningSettings:
    stale_days: int = 90  # data from another system not checked for this long is stale
    ending_within_days: int = 30  # look this far ahead for interventions that end
    turning_18_months: int = 12  # look this far ahead for young people turning 18
    section_expires_within_days: int = 90  # warn this long before a section stops applying


DEFAULT_SETTINGS = WarningSettings()

Rule = Callable[[FamilyOverview, date, WarningSettings], list[FamilyWarning]]


def _current_or_planned(info: InterventionInfo, today: date) -> bool:
    """Open and running today or starting later."""
    return info.open and (info.runs_on(today) or info.start_date > today)


def multi_sector_no_plan(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """Help from two or more sectors (running today or planned) but no approved common plan."""
    if overview.has_approved_plan:
        return []
    current = [i for i in overview.interventions if _current_or_planned(i, today)]
    sectors = {i.sector for i in current}
    if len(sectors) < 2:
        return []
    return [
        FamilyWarning(
            WarningCode.MULTI_SECTOR_NO_PLAN,
            citizen_ids=tuple(sorted({i.citizen_id for i in current})),
            intervention_ids=tuple(sorted(i.id for i in current)),
            count=len(sectors),
        )
    ]


def follow_up_overdue(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """The follow-up date has passed on a case that is not closed."""
    due = overview.summary.follow_up_due
    if due is None or due >= today or overview.case_status == CaseStatus.CLOSED:
        return []
    return [FamilyWarning(WarningCode.FOLLOW_UP_OVERDUE, day=due)]


def no_consent(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """Members without a consent to share in force today (one warning naming them all)."""
    missing = sorted(
        m.citizen_id
        for m in overview.members
        if not any(c.shares_on(today) for c in overview.consents_of(m.citizen_id))
    )
    if not missing:
        return []
    return [FamilyWarning(WarningCode.NO_CONSENT, citizen_ids=tuple(missing), count=len(missing))]


def consent_review_due(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """A child reached 10, 15 or 16 (DOMAIN.md §2.2) after the last consent recorded or
    withdrawn for them (or after the case opened): review who consents to what. One warning
    per child; ``count`` is the age reached, ``day`` the birthday."""
    days: dict[int, list[date]] = {}
    for c in overview.consents:
        days.setdefault(c.citizen_id, []).append(c.given_on)
        if c.withdrawn_on is not None:
            days[c.citizen_id].append(c.withdrawn_on)
    due = reviews_due(
        [(m.citizen_id, m.birth_date) for m in overview.members], days, today, overview.summary.opened_on
    )
    return [
        FamilyWarning(WarningCode.CONSENT_REVIEW_DUE, citizen_ids=(r.citizen_id,), day=r.day, count=r.age)
        for r in due
    ]


def youth_without_transition(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """A member turns 18 within ``turning_18_months`` and has no transition track."""
    return [
        FamilyWarning(
            WarningCode.YOUTH_WITHOUT_TRANSITION,
            citizen_ids=(m.citizen_id,),
            day=eighteenth_birthday(m.birth_date),
        )
        for m in sorted(overview.members, key=lambda m: m.citizen_id)
        if turns_18_within(m.birth_date, today, settings.turning_18_months)
        and overview.transition_of(m.citizen_id) is None
    ]


def _has_follow_on(overview: FamilyOverview, ending: InterventionInfo, end_date: date) -> bool:
    next_day = end_date + timedelta(days=1)
    return any(
        other.id != ending.id and other.open and (other.runs_on(next_day) or other.start_date > end_date)
        for other in overview.interventions_of(ending.citizen_id)
    )


def ending_without_follow_on(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """An open intervention ends within ``ending_within_days`` (today included) and nothing
    open of the same member runs the day after or starts later."""
    horizon = today + timedelta(days=settings.ending_within_days)
    found: list[FamilyWarning] = []
    for info in sorted(overview.interventions, key=lambda i: (i.end_date or today, i.id)):
        end = info.end_date
        if not info.open or end is None or not today <= end <= horizon:
            continue
        if _has_follow_on(overview, info, end):
            continue
        found.append(
            FamilyWarning(
                WarningCode.ENDING_WITHOUT_FOLLOW_ON,
                citizen_ids=(info.citizen_id,),
                intervention_ids=(info.id,),
                day=end,
            )
        )
    return found


def stale_intervention_ids(overview: FamilyOverview, today: date, stale_days: int) -> frozenset[int]:
    """Open interventions copied from another system and not checked for over ``stale_days``
    days (checked exactly ``stale_days`` days ago is still fresh; never checked is stale)."""
    oldest_fresh = today - timedelta(days=stale_days)
    return frozenset(
        i.id
        for i in overview.interventions
        if i.open and i.source_system.strip() and (i.last_checked is None or i.last_checked < oldest_fresh)
    )


def stale_data(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """Open interventions whose data from another system may be out of date (one warning)."""
    stale = stale_intervention_ids(overview, today, settings.stale_days)
    if not stale:
        return []
    citizens = {i.citizen_id for i in overview.interventions if i.id in stale}
    return [
        FamilyWarning(
            WarningCode.STALE_DATA,
            citizen_ids=tuple(sorted(citizens)),
            intervention_ids=tuple(sorted(stale)),
            count=len(stale),
        )
    ]


def section_expires(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """An open intervention runs (or is planned to run) past the last day its law section
    applies, and that day is near or has passed: one warning each, to re-check it (a new
    section, a reassessment, an end)."""
    horizon = today + timedelta(days=settings.section_expires_within_days)
    found = []
    for info in overview.interventions:
        last = info.law_valid_to
        if last is None or not info.open or last > horizon:
            continue
        if info.end_date is not None and info.end_date <= last:
            continue  # it ends while its section still applies
        found.append(
            FamilyWarning(
                WarningCode.SECTION_EXPIRES,
                citizen_ids=(info.citizen_id,),
                intervention_ids=(info.id,),
                day=last,
            )
        )
    return sorted(found, key=lambda w: (w.day or today, w.intervention_ids))


def caseload_above_limit(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """The coordinator's weighted caseload is above the team's limit (store settings)."""
    if overview.coordinator_caseload <= overview.caseload_limit:
        return []
    return [
        FamilyWarning(
            WarningCode.CASELOAD_ABOVE_LIMIT,
            load=overview.coordinator_caseload,
            limit=overview.caseload_limit,
        )
    ]


RULES: dict[WarningCode, Rule] = {
    WarningCode.MULTI_SECTOR_NO_PLAN: multi_sector_no_plan,
    WarningCode.FOLLOW_UP_OVERDUE: follow_up_overdue,
    WarningCode.NO_CONSENT: no_consent,
    WarningCode.CONSENT_REVIEW_DUE: consent_review_due,
    WarningCode.YOUTH_WITHOUT_TRANSITION: youth_without_transition,
    WarningCode.ENDING_WITHOUT_FOLLOW_ON: ending_without_follow_on,
    WarningCode.STALE_DATA: stale_data,
    WarningCode.SECTION_EXPIRES: section_expires,
    WarningCode.CASELOAD_ABOVE_LIMIT: caseload_above_limit,
}


def family_warnings(
    overview: FamilyOverview, today: date, settings: WarningSettings = DEFAULT_SETTINGS
) -> list[FamilyWarning]:
    """Every warning on the case, grouped in the order of ``WarningCode``; none on a closed case."""
    if overview.case_status == CaseStatus.CLOSED:
        return []
    return [warning for rule in RULES.values() for warning in rule(overview, today, settings)]
