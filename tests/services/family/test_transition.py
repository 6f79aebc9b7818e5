"""Transition to adult life (Barnets lov §§ 122-123): birthdays, deadlines, status."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.family.family_overview import TransitionTopicInfo, TransitionTrackInfo, age_on
from app.services.family.transition import (
    DEFAULT_RULE,
    TOPICS,
    TransitionRule,
    TransitionStatus,
    add_months,
    eighteenth_birthday,
    needs_transition_track,
    transition_deadline,
    transition_status,
    turns_18_within,
)

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 24)


def track(
    done: tuple[str, ...] = (),
    topics: tuple[str, ...] = TOPICS,
    deadline: date = date(2027, 1, 10),
    contact: str = "Hanne Voksen",
) -> TransitionTrackInfo:
    return TransitionTrackInfo(
        id=1,
        citizen_id=5,
        deadline=deadline,
        adult_contact_name=contact,
        adult_contact_phone="",
        adult_contact_email="",
        adult_contact_organisation="",
        note="",
        version=1,
        topics=tuple(TransitionTopicInfo(n, name, name in done, "") for n, name in enumerate(topics)),
    )


# -- the rule is data -----------------------------------------------------------------------


def test_topics_and_default_rule() -> None:
    assert TOPICS == ("support_needs", "education", "employment_income", "housing", "social_conditions")
    assert (DEFAULT_RULE.law_code, DEFAULT_RULE.start_age, DEFAULT_RULE.months_before_18) == (
        "BL-122-123",
        16,
        6,
    )
    assert TransitionRule() == DEFAULT_RULE


def test_rule_law_code_is_a_row_of_the_law_catalogue() -> None:
    with (ROOT / "resources" / "law_sections.csv").open(encoding="utf-8", newline="") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    assert DEFAULT_RULE.law_code in codes


def test_rule_is_frozen() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_RULE.start_age = 15  # type: ignore[misc]


# -- months and birthdays -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 8, 31), -6, date(2026, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 5, 31), 0, date(2026, 5, 31)),
        (date(2026, 11, 24), 12, date(2027, 11, 24)),
    ],
)
def test_add_months_clamps_the_day(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_eighteenth_birthday() -> None:
    assert eighteenth_birthday(date(2008, 11, 24)) == date(2026, 11, 24)
    assert eighteenth_birthday(date(2008, 2, 28)) == date(2026, 2, 28)


def test_born_29_february_turns_18_on_1_march_in_a_non_leap_year() -> None:
    assert eighteenth_birthday(date(2008, 2, 29)) == date(2026, 3, 1)


def test_a_29_february_birth_always_turns_18_on_1_march() -> None:
    # 18 years after a leap year is never a leap year, so there is no 29 February to land on.
    for year in (1992, 1996, 2000, 2012, 2016):
        assert eighteenth_birthday(date(year, 2, 29)) == date(year + 18, 3, 1)


def test_born_1_march_turns_18_on_1_march() -> None:
    assert eighteenth_birthday(date(2010, 3, 1)) == date(2028, 3, 1)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31)))
def test_property_eighteenth_birthday_is_18_years_later(born: date) -> None:
    assert age_on(born, eighteenth_birthday(born)) == 18
    assert age_on(born, eighteenth_birthday(born) - timedelta(days=1)) == 17
    b18 = eighteenth_birthday(born)
    assert b18.year == born.year + 18
    if (born.month, born.day) == (2, 29):
        assert (b18.month, b18.day) == (3, 1)  # as age_on counts it
    else:
        assert (b18.month, b18.day) == (born.month, born.day)


# -- deadline -------------------------------------------------------------------------------


def test_deadline_is_six_months_before_the_18th_birthday() -> None:
    assert transition_deadline(date(2009, 11, 24)) == date(2027, 5, 24)


def test_deadline_clamps_to_the_month_length() -> None:
    assert transition_deadline(date(2008, 8, 31)) == date(2026, 2, 28)
    assert transition_deadline(date(2010, 8, 31)) == date(2028, 2, 29)
    assert transition_deadline(date(2008, 12, 31)) == date(2026, 6, 30)


def test_deadline_of_a_29_february_birth() -> None:
    assert transition_deadline(date(2008, 2, 29)) == date(2025, 9, 1)  # 1 March 2026 - 6 months


def test_deadline_follows_the_rule() -> None:
    rule = TransitionRule(months_before_18=3)
    assert transition_deadline(date(2009, 11, 24), rule) == date(2027, 8, 24)


# -- needs a track --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(2010, 11, 24), True),  # 16 today
        (date(2010, 11, 25), False),  # 16 tomorrow
        (date(2008, 11, 25), True),  # 18 tomorrow
        (date(2008, 11, 24), False),  # 18 today
        (date(2009, 6, 1), True),
        (date(2000, 1, 1), False),
        (date(2015, 1, 1), False),
    ],
)
def test_needs_transition_track_between_16_and_18(born: date, expected: bool) -> None:
    assert needs_transition_track(born, TODAY) is expected


def test_needs_transition_track_follows_the_rule_start_age() -> None:
    born = date(2011, 6, 1)  # 15
    assert not needs_transition_track(born, TODAY)
    assert needs_transition_track(born, TODAY, TransitionRule(start_age=15))


def test_needs_transition_track_29_february_birth() -> None:
    born = date(2008, 2, 29)
    assert needs_transition_track(born, date(2026, 2, 28))  # still 17, as age_on counts it
    assert not needs_transition_track(born, date(2026, 3, 1))  # the 18th birthday
    assert not needs_transition_track(date(2010, 3, 1), date(2026, 2, 28))  # 16 tomorrow
    assert needs_transition_track(date(2012, 2, 29), date(2028, 2, 29))  # 16 on the day
    assert not needs_transition_track(date(2012, 2, 29), date(2028, 2, 28))


# -- turns 18 within ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(2008, 11, 24), False),  # 18 today: not after today
        (date(2008, 11, 25), True),  # tomorrow
        (date(2009, 11, 24), True),  # exactly 12 months ahead
        (date(2009, 11, 25), False),  # one day more
        (date(2012, 1, 1), False),
        (date(2000, 1, 1), False),
    ],
)
def test_turns_18_within_twelve_months(born: date, expected: bool) -> None:
    assert turns_18_within(born, TODAY) is expected


def test_turns_18_within_other_months_and_clamped_today() -> None:
    assert turns_18_within(date(2009, 2, 28), date(2026, 8, 31), months=6)  # 31 Aug + 6 = 28 Feb
    assert not turns_18_within(date(2009, 3, 1), date(2026, 8, 31), months=6)
    assert not turns_18_within(date(2009, 3, 1), TODAY, months=0)


# -- status ---------------------------------------------------------------------------------


def test_status_without_track_uses_the_rule_deadline() -> None:
    born = date(2009, 11, 24)  # 17; deadline 24 May 2027
    assert transition_status(None, born, TODAY) == TransitionStatus(
        needed=True,
        deadline=date(2027, 5, 24),
        days_left=(date(2027, 5, 24) - TODAY).days,
        topics_done=0,
        topics_total=5,
        overdue=False,
        missing_adult_contact=True,
    )


def test_status_without_track_past_deadline_is_overdue() -> None:
    status = transition_status(None, date(2009, 3, 1), TODAY)  # deadline 1 September 2026
    assert status.days_left < 0 and status.overdue and status.needed


def test_status_with_track_uses_its_deadline_and_counts_topics() -> None:
    t = track(done=("housing", "education"), deadline=date(2026, 12, 1))
    status = transition_status(t, date(2009, 6, 1), TODAY)
    assert (status.deadline, status.days_left) == (date(2026, 12, 1), 7)
    assert (status.topics_done, status.topics_total) == (2, 5)
    assert not status.overdue and not status.missing_adult_contact


def test_status_deadline_today_is_not_overdue_yesterday_is() -> None:
    t = track(deadline=TODAY)
    assert transition_status(t, date(2009, 6, 1), TODAY).days_left == 0
    assert not transition_status(t, date(2009, 6, 1), TODAY).overdue
    late = transition_status(track(deadline=TODAY - timedelta(days=1)), date(2009, 6, 1), TODAY)
    assert late.days_left == -1 and late.overdue


def test_status_past_deadline_with_all_topics_done_is_not_overdue() -> None:
    t = track(done=TOPICS, deadline=date(2026, 1, 1))
    status = transition_status(t, date(2009, 6, 1), TODAY)
    assert status.topics_done == status.topics_total == 5
    assert status.days_left < 0 and not status.overdue


def test_status_topics_without_a_row_count_as_not_done() -> None:
    t = track(done=("housing", "education"), topics=("housing", "education"), deadline=date(2026, 1, 1))
    status = transition_status(t, date(2009, 6, 1), TODAY)
    assert (status.topics_done, status.topics_total) == (2, 5)
    assert status.overdue


def test_status_blank_adult_contact_is_missing() -> None:
    assert transition_status(track(contact="  "), date(2009, 6, 1), TODAY).missing_adult_contact
    assert not transition_status(track(contact="Hanne"), date(2009, 6, 1), TODAY).missing_adult_contact


def test_status_not_needed_for_an_adult_or_a_young_child() -> None:
    assert not transition_status(None, date(2000, 1, 1), TODAY).needed
    assert not transition_status(None, date(2015, 1, 1), TODAY).needed
