"""Warnings on a family's case: one rule function each, and all of them together."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.models.enums import CaseStatus, InterventionStatus, Relation, Sector
from app.services.cases.case_summary import MemberSummary
from app.services.family.family_overview import (
    ConsentInfo,
    FamilyOverview,
    InterventionInfo,
    TransitionTrackInfo,
)
from app.services.family.family_warnings import (
    RULES,
    FamilyWarning,
    WarningCode,
    WarningSettings,
    caseload_above_limit,
    consent_review_due,
    ending_without_follow_on,
    family_warnings,
    follow_up_overdue,
    multi_sector_no_plan,
    no_consent,
    stale_data,
    stale_intervention_ids,
    youth_without_transition,
)
from tests.factories import make_consent, make_intervention, make_member, make_overview, make_transition

TODAY = date(2026, 11, 24)
REVIEWED = date(2026, 8, 1)  # after SON turned 15 and GIRL 10: no review due by default
MUM, SON, GIRL = 1, 2, 3
SETTINGS = WarningSettings()
ACTIVE, PLANNED, PAUSED, ENDED = (
    InterventionStatus.ACTIVE,
    InterventionStatus.PLANNED,
    InterventionStatus.PAUSED,
    InterventionStatus.ENDED,
)

# -- factories ------------------------------------------------------------------------------


def member(citizen_id: int, born: date, relation: Relation = Relation.CHILD) -> MemberSummary:
    return make_member(citizen_id, born=born, relation=relation)


MEMBERS = (
    member(MUM, date(1988, 5, 1), Relation.PARENT),
    member(SON, date(2011, 3, 10)),  # 15
    member(GIRL, date(2016, 7, 1)),  # 10
)


def intervention(
    citizen_id: int = MUM,
    start: date = date(2026, 1, 1),
    end: date | None = None,
    *,
    status: InterventionStatus = ACTIVE,
    sector: Sector = Sector.EMPLOYMENT,
    source: str = "",
    checked: date | None = None,
) -> InterventionInfo:
    return make_intervention(
        None,
        citizen_id,
        title="Help",
        sector=sector,
        start=start,
        end=end,
        status=status,
        source_system=source,
        last_checked=checked,
    )


def consent(
    citizen_id: int,
    given_on: date = date(2026, 1, 1),
    expires_on: date | None = None,
    withdrawn_on: date | None = None,
) -> ConsentInfo:
    return make_consent(None, citizen_id, given_on=given_on, expires_on=expires_on, withdrawn_on=withdrawn_on)


def track(citizen_id: int) -> TransitionTrackInfo:
    return make_transition(None, citizen_id)


def overview(
    *interventions: InterventionInfo,
    members: tuple[MemberSummary, ...] = MEMBERS,
    consents: tuple[ConsentInfo, ...] | None = None,
    transitions: tuple[TransitionTrackInfo, ...] = (),
    status: CaseStatus = CaseStatus.ACTIVE,
    follow_up_due: date | None = None,
    has_plan: bool = True,
    caseload: str = "10",
    limit: str = "30",
) -> FamilyOverview:
    if consents is None:  # by default everybody is covered
        consents = tuple(consent(m.citizen_id, given_on=REVIEWED) for m in members)
    return make_overview(
        members,
        interventions,
        consents=consents,
        transitions=transitions,
        case_status=status,
        follow_up_due=follow_up_due,
        has_approved_plan=has_plan,
        caseload=Decimal(caseload),
        caseload_limit=Decimal(limit),
    )


def test_a_quiet_case_has_no_warnings() -> None:
    quiet = overview(intervention(), follow_up_due=TODAY)
    assert family_warnings(quiet, TODAY) == []
    for rule in RULES.values():
        assert rule(quiet, TODAY, SETTINGS) == []


def test_every_code_has_a_rule() -> None:
    assert list(RULES) == list(WarningCode)


# -- MULTI_SECTOR_NO_PLAN -------------------------------------------------------------------


def test_two_sectors_without_an_approved_plan() -> None:
    work = intervention(MUM, sector=Sector.EMPLOYMENT)
    school = intervention(SON, sector=Sector.EDUCATION)
    found = multi_sector_no_plan(overview(work, school, has_plan=False), TODAY, SETTINGS)
    assert found == [
        FamilyWarning(
            WarningCode.MULTI_SECTOR_NO_PLAN,
            citizen_ids=(MUM, SON),
            intervention_ids=(work.id, school.id),
            count=2,
        )
    ]


def test_counts_distinct_sectors() -> None:
    items = (
        intervention(MUM, sector=Sector.EMPLOYMENT),
        intervention(MUM, sector=Sector.EMPLOYMENT),
        intervention(SON, sector=Sector.EDUCATION),
        intervention(GIRL, sector=Sector.HEALTH, status=PLANNED, start=TODAY + timedelta(days=30)),
    )
    (found,) = multi_sector_no_plan(overview(*items, has_plan=False), TODAY, SETTINGS)
    assert found.count == 3


def test_an_approved_plan_silences_multi_sector() -> None:
    items = (intervention(MUM, sector=Sector.EMPLOYMENT), intervention(SON, sector=Sector.EDUCATION))
    assert multi_sector_no_plan(overview(*items, has_plan=True), TODAY, SETTINGS) == []


def test_one_sector_is_not_multi_sector() -> None:
    items = (intervention(MUM, sector=Sector.HEALTH), intervention(SON, sector=Sector.HEALTH))
    assert multi_sector_no_plan(overview(*items, has_plan=False), TODAY, SETTINGS) == []


def test_ended_and_past_interventions_do_not_count_as_sectors() -> None:
    items = (
        intervention(MUM, sector=Sector.EMPLOYMENT),
        intervention(SON, sector=Sector.EDUCATION, status=ENDED, end=date(2026, 6, 1)),
        intervention(SON, sector=Sector.HEALTH, end=TODAY - timedelta(days=1)),  # status not updated
    )
    assert multi_sector_no_plan(overview(*items, has_plan=False), TODAY, SETTINGS) == []


def test_intervention_ending_today_still_counts() -> None:
    items = (intervention(MUM, sector=Sector.EMPLOYMENT), intervention(SON, sector=Sector.HEALTH, end=TODAY))
    assert multi_sector_no_plan(overview(*items, has_plan=False), TODAY, SETTINGS)


# -- FOLLOW_UP_OVERDUE ----------------------------------------------------------------------


def test_follow_up_before_today_is_overdue() -> None:
    due = TODAY - timedelta(days=1)
    found = follow_up_overdue(overview(follow_up_due=due), TODAY, SETTINGS)
    assert found == [FamilyWarning(WarningCode.FOLLOW_UP_OVERDUE, day=due)]


@pytest.mark.parametrize("due", [TODAY, TODAY + timedelta(days=1), None])
def test_follow_up_today_later_or_unset_is_not_overdue(due: date | None) -> None:
    assert follow_up_overdue(overview(follow_up_due=due), TODAY, SETTINGS) == []


def test_follow_up_on_a_closed_case_is_not_overdue() -> None:
    closed = overview(follow_up_due=date(2026, 1, 1), status=CaseStatus.CLOSED)
    assert follow_up_overdue(closed, TODAY, SETTINGS) == []


def test_follow_up_on_a_paused_case_is_overdue() -> None:
    paused = overview(follow_up_due=date(2026, 1, 1), status=CaseStatus.PAUSED)
    assert [w.code for w in follow_up_overdue(paused, TODAY, SETTINGS)] == [WarningCode.FOLLOW_UP_OVERDUE]


# -- NO_CONSENT -----------------------------------------------------------------------------


def test_members_without_consent_in_force_are_listed_in_one_warning() -> None:
    consents = (
        consent(MUM),
        consent(SON, expires_on=TODAY - timedelta(days=1)),  # expired yesterday
        consent(GIRL, withdrawn_on=TODAY),  # withdrawn today
    )
    found = no_consent(overview(consents=consents), TODAY, SETTINGS)
    assert found == [FamilyWarning(WarningCode.NO_CONSENT, citizen_ids=(SON, GIRL), count=2)]


def test_everybody_covered_means_no_consent_warning() -> None:
    consents = (
        consent(MUM, expires_on=TODAY),  # expires today: still in force
        consent(SON, withdrawn_on=TODAY + timedelta(days=1)),
        consent(GIRL, given_on=TODAY),
    )
    assert no_consent(overview(consents=consents), TODAY, SETTINGS) == []


def test_consent_given_tomorrow_is_not_in_force_and_one_valid_consent_is_enough() -> None:
    consents = (
        consent(MUM, given_on=TODAY + timedelta(days=1)),
        consent(SON, expires_on=date(2026, 1, 31)),
        consent(SON),
        consent(GIRL),
    )
    (found,) = no_consent(overview(consents=consents), TODAY, SETTINGS)
    assert found.citizen_ids == (MUM,)


def test_no_consents_at_all_lists_every_member() -> None:
    (found,) = no_consent(overview(consents=()), TODAY, SETTINGS)
    assert found.citizen_ids == (MUM, SON, GIRL)


# -- YOUTH_WITHOUT_TRANSITION ---------------------------------------------------------------


def test_youth_turning_18_within_a_year_without_track() -> None:
    youth = member(SON, date(2009, 6, 1))
    found = youth_without_transition(overview(members=(MEMBERS[0], youth)), TODAY, SETTINGS)
    assert found == [
        FamilyWarning(WarningCode.YOUTH_WITHOUT_TRANSITION, citizen_ids=(SON,), day=date(2027, 6, 1))
    ]


def test_youth_with_a_track_gives_no_warning() -> None:
    youth = member(SON, date(2009, 6, 1))
    view = overview(members=(MEMBERS[0], youth), transitions=(track(SON),))
    assert youth_without_transition(view, TODAY, SETTINGS) == []


def test_a_track_of_another_member_does_not_count() -> None:
    youth = member(SON, date(2009, 6, 1))
    view = overview(members=(MEMBERS[0], youth), transitions=(track(GIRL),))
    assert [w.citizen_ids for w in youth_without_transition(view, TODAY, SETTINGS)] == [(SON,)]


@pytest.mark.parametrize(
    ("born", "warned"),
    [
        (date(2009, 11, 24), True),  # 18 exactly 12 months from today
        (date(2009, 11, 25), False),  # one day later
        (date(2008, 11, 25), True),  # 18 tomorrow
        (date(2008, 11, 24), False),  # 18 today: already adult
    ],
)
def test_youth_boundaries(born: date, warned: bool) -> None:
    view = overview(members=(member(SON, born),))
    assert bool(youth_without_transition(view, TODAY, SETTINGS)) is warned


def test_youth_months_come_from_settings() -> None:
    view = overview(members=(member(SON, date(2009, 6, 1)),))
    assert youth_without_transition(view, TODAY, WarningSettings(turning_18_months=6)) == []
    assert youth_without_transition(view, TODAY, WarningSettings(turning_18_months=7))


def test_youth_born_29_february_warns_with_1_march() -> None:
    leap = overview(members=(member(SON, date(2008, 2, 29)),))  # 18 on 1 March 2026
    assert [w.day for w in youth_without_transition(leap, date(2025, 3, 1), SETTINGS)] == [date(2026, 3, 1)]
    assert youth_without_transition(leap, date(2025, 2, 28), SETTINGS) == []  # 12 months + 1 day ahead


def test_two_youths_give_two_warnings() -> None:
    members = (member(SON, date(2009, 6, 1)), member(GIRL, date(2009, 1, 1)))
    found = youth_without_transition(overview(members=members), TODAY, SETTINGS)
    assert [(w.citizen_ids, w.day) for w in found] == [
        ((SON,), date(2027, 6, 1)),
        ((GIRL,), date(2027, 1, 1)),
    ]


# -- ENDING_WITHOUT_FOLLOW_ON ---------------------------------------------------------------


def test_intervention_ending_soon_with_nothing_after_it() -> None:
    ending = intervention(SON, end=TODAY + timedelta(days=10))
    found = ending_without_follow_on(overview(ending), TODAY, SETTINGS)
    assert found == [
        FamilyWarning(
            WarningCode.ENDING_WITHOUT_FOLLOW_ON,
            citizen_ids=(SON,),
            intervention_ids=(ending.id,),
            day=TODAY + timedelta(days=10),
        )
    ]


@pytest.mark.parametrize(
    ("days", "warned"),
    [(0, True), (30, True), (31, False), (-1, False)],
)
def test_ending_window_boundaries(days: int, warned: bool) -> None:
    ending = intervention(SON, end=TODAY + timedelta(days=days))
    assert bool(ending_without_follow_on(overview(ending), TODAY, SETTINGS)) is warned


def test_ending_window_comes_from_settings() -> None:
    ending = intervention(SON, end=TODAY + timedelta(days=40))
    assert ending_without_follow_on(overview(ending), TODAY, WarningSettings(ending_within_days=40))


def test_open_ended_and_ended_interventions_are_not_ending() -> None:
    items = (
        intervention(SON),
        intervention(GIRL, end=TODAY + timedelta(days=5), status=ENDED),
    )
    assert ending_without_follow_on(overview(*items), TODAY, SETTINGS) == []


def test_follow_on_running_the_day_after_silences_the_warning() -> None:
    end = TODAY + timedelta(days=10)
    items = (intervention(SON, end=end), intervention(SON, start=end + timedelta(days=1)))
    assert ending_without_follow_on(overview(*items), TODAY, SETTINGS) == []


def test_follow_on_already_running_past_the_end_silences_the_warning() -> None:
    end = TODAY + timedelta(days=10)
    items = (intervention(SON, end=end), intervention(SON, start=date(2026, 1, 1)))
    assert ending_without_follow_on(overview(*items), TODAY, SETTINGS) == []


def test_follow_on_starting_later_silences_the_warning() -> None:
    end = TODAY + timedelta(days=10)
    later = intervention(SON, start=end + timedelta(days=60), status=PLANNED)
    assert ending_without_follow_on(overview(intervention(SON, end=end), later), TODAY, SETTINGS) == []


def test_other_ending_on_the_same_day_is_no_follow_on_and_both_warn() -> None:
    end = TODAY + timedelta(days=10)
    a, b = intervention(SON, end=end), intervention(SON, end=end)
    found = ending_without_follow_on(overview(a, b), TODAY, SETTINGS)
    assert [w.intervention_ids for w in found] == [(a.id,), (b.id,)]


def test_ended_follow_on_or_another_members_follow_on_does_not_count() -> None:
    end = TODAY + timedelta(days=10)
    items = (
        intervention(SON, end=end),
        intervention(SON, start=end + timedelta(days=1), end=end + timedelta(days=90), status=ENDED),
        intervention(GIRL, start=end + timedelta(days=1)),
    )
    found = ending_without_follow_on(overview(*items), TODAY, SETTINGS)
    assert [w.intervention_ids for w in found] == [(items[0].id,)]


def test_paused_intervention_ending_soon_warns() -> None:
    ending = intervention(SON, end=TODAY + timedelta(days=3), status=PAUSED)
    assert ending_without_follow_on(overview(ending), TODAY, SETTINGS)


# -- STALE_DATA -----------------------------------------------------------------------------


def test_stale_data_lists_unchecked_and_old_interventions() -> None:
    never = intervention(MUM, source="Momentum")
    old = intervention(SON, source="DUBU", checked=TODAY - timedelta(days=91))
    fresh = intervention(SON, source="DUBU", checked=TODAY - timedelta(days=90))  # exactly 90: fresh
    own = intervention(GIRL, source="", checked=None)  # our own data: never stale
    ended = intervention(GIRL, source="DUBU", status=ENDED, end=date(2026, 1, 31))
    view = overview(never, old, fresh, own, ended)
    assert stale_intervention_ids(view, TODAY, 90) == frozenset({never.id, old.id})
    assert stale_data(view, TODAY, SETTINGS) == [
        FamilyWarning(
            WarningCode.STALE_DATA,
            citizen_ids=(MUM, SON),
            intervention_ids=(never.id, old.id),
            count=2,
        )
    ]


def test_no_stale_data_no_warning() -> None:
    view = overview(intervention(MUM, source="Momentum", checked=TODAY), intervention(SON))
    assert stale_data(view, TODAY, SETTINGS) == []
    assert stale_intervention_ids(view, TODAY, 90) == frozenset()


def test_stale_days_come_from_settings_and_blank_source_is_own_data() -> None:
    item = intervention(MUM, source="Momentum", checked=TODAY - timedelta(days=10))
    assert stale_data(overview(item), TODAY, WarningSettings(stale_days=10)) == []
    assert stale_data(overview(item), TODAY, WarningSettings(stale_days=9))
    assert stale_intervention_ids(overview(replace(item, source_system="  ")), TODAY, 0) == frozenset()


# -- CONSENT_REVIEW_DUE -------------------------------------------------------------------


def test_a_child_reaching_10_15_or_16_after_the_last_consent_prompts_a_review() -> None:
    stale = overview(consents=(consent(MUM), consent(SON), consent(GIRL)))  # all given 2026-01-01
    assert consent_review_due(stale, TODAY, SETTINGS) == [
        FamilyWarning(WarningCode.CONSENT_REVIEW_DUE, citizen_ids=(SON,), day=date(2026, 3, 10), count=15),
        FamilyWarning(WarningCode.CONSENT_REVIEW_DUE, citizen_ids=(GIRL,), day=date(2026, 7, 1), count=10),
    ]
    # a consent recorded (or withdrawn) on or after the birthday is the review
    reviewed = overview(
        consents=(consent(MUM), consent(SON, withdrawn_on=date(2026, 3, 10)), consent(GIRL, date(2026, 7, 1)))
    )
    assert consent_review_due(reviewed, TODAY, SETTINGS) == []
    # the day before the birthday nothing is due yet
    assert consent_review_due(stale, date(2026, 3, 9), SETTINGS) == []


def test_no_review_for_adults_or_for_birthdays_before_the_case_opened() -> None:
    members = (member(MUM, date(1988, 5, 1), Relation.PARENT), member(SON, date(2015, 12, 1)))  # 10 in 2025
    assert consent_review_due(overview(members=members, consents=()), TODAY, SETTINGS) == []


# -- CASELOAD_ABOVE_LIMIT -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("load", "limit", "above"),
    [
        ("30.5", "30", True),
        ("30", "30", False),
        ("12", "10", True),
        ("10", "10", False),
        ("0", "1", False),
        ("25.5", "25", True),
        ("24.5", "25", False),
    ],
)
def test_caseload_above_the_teams_limit(load: str, limit: str, above: bool) -> None:
    found = caseload_above_limit(overview(caseload=load, limit=limit), TODAY, SETTINGS)
    expected = [FamilyWarning(WarningCode.CASELOAD_ABOVE_LIMIT, load=Decimal(load), limit=Decimal(limit))]
    assert found == (expected if above else [])


# -- all rules ------------------------------------------------------------------------------


def _busy_family(status: CaseStatus = CaseStatus.ACTIVE) -> FamilyOverview:
    return overview(
        intervention(MUM, sector=Sector.EMPLOYMENT, source="Momentum", checked=date(2026, 6, 1)),
        intervention(SON, sector=Sector.EDUCATION, end=TODAY + timedelta(days=5)),
        replace(intervention(MUM, start=date(2025, 3, 1)), law_valid_to=date(2026, 1, 31)),  # abolished
        members=(*MEMBERS, member(4, date(2009, 6, 1))),
        consents=(consent(MUM), consent(GIRL, given_on=REVIEWED)),  # SON turned 15 since
        status=status,
        follow_up_due=date(2026, 10, 1),
        has_plan=False,
        caseload="40",
    )


def test_family_warnings_runs_every_rule_in_code_order() -> None:
    busy = _busy_family()
    found = family_warnings(busy, TODAY)
    assert [w.code for w in found] == list(WarningCode)
    assert found == [w for rule in RULES.values() for w in rule(busy, TODAY, SETTINGS)]


def test_family_warnings_passes_the_settings_on() -> None:
    relaxed = WarningSettings(stale_days=1000, ending_within_days=1, turning_18_months=1)
    codes = {w.code for w in family_warnings(_busy_family(), TODAY, relaxed)}
    assert codes == {
        WarningCode.MULTI_SECTOR_NO_PLAN,
        WarningCode.FOLLOW_UP_OVERDUE,
        WarningCode.NO_CONSENT,
        WarningCode.CONSENT_REVIEW_DUE,
        WarningCode.SECTION_EXPIRES,  # its last day has passed: no horizon hides it
        WarningCode.CASELOAD_ABOVE_LIMIT,  # the team's limit, not a user's setting
    }


def test_closed_case_gives_no_warnings_at_all() -> None:
    assert family_warnings(_busy_family(CaseStatus.CLOSED), TODAY) == []


def test_paused_and_candidate_cases_get_warnings() -> None:
    assert family_warnings(_busy_family(CaseStatus.PAUSED), TODAY)
    assert family_warnings(_busy_family(CaseStatus.CANDIDATE), TODAY)
