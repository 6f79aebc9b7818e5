"""The transition to adult life (Barnets lov §§ 122-123) as plain date arithmetic.

A young person with a disability gets a transition track from ``start_age``; the track must be
in place ``months_before_18`` calendar months before the 18th birthday. The numbers live in a
``TransitionRule`` (data), so a change of law is a change of one value, not of the code.

Birthdays of people born on 29 February fall on 28 February in non-leap years here
(the last day of the birth month, as the month arithmetic below also clamps to it).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from app.services.family.family_overview import TransitionTrackInfo

# The topics the plan for the transition must cover (Barnets lov §§ 122-123).
TOPICS: tuple[str, ...] = (
    "support_needs",
    "education",
    "employment_income",
    "housing",
    "social_conditions",
)

ADULT_AGE = 18


@dataclass(frozen=True)
class TransitionRule:
    law_code: str = "BL-122-123"  # the catalogue row in resources/law_sections.csv
    start_age: int = 16  # the track starts when the young person turns this old
    months_before_18: int = 6  # the track must be ready this many months before the 18th birthday


DEFAULT_RULE = TransitionRule()


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (negative: back); the day is clamped to the
    length of the target month (31 August - 6 months = 28/29 February)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def birthday(birth_date: date, age: int) -> date:
    """The day ``birth_date`` turns ``age``. A 29 February birth turns a year older on
    1 March in a non-leap year, as ``age_on`` counts it (the two must never disagree)."""
    year = birth_date.year + age
    if (birth_date.month, birth_date.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth_date.replace(year=year)


def eighteenth_birthday(birth_date: date) -> date:
    """The 18th birthday; for 29 February births it is 1 March (never a leap year)."""
    return birthday(birth_date, ADULT_AGE)


def transition_deadline(birth_date: date, rule: TransitionRule = DEFAULT_RULE) -> date:
    """The 18th birthday minus ``rule.months_before_18`` calendar months (day clamped)."""
    return add_months(eighteenth_birthday(birth_date), -rule.months_before_18)


def needs_transition_track(birth_date: date, today: date, rule: TransitionRule = DEFAULT_RULE) -> bool:
    """Whether the person is at least ``rule.start_age`` and not yet 18 on ``today``."""
    return birthday(birth_date, rule.start_age) <= today < eighteenth_birthday(birth_date)


def turns_18_within(birth_date: date, today: date, months: int = 12) -> bool:
    """Whether the 18th birthday is after ``today`` and at most ``months`` calendar months ahead."""
    return today < eighteenth_birthday(birth_date) <= add_months(today, months)


@dataclass(frozen=True)
class TransitionStatus:
    needed: bool  # by age: at least start_age and under 18 today
    deadline: date  # the track's deadline, else the deadline by the rule
    days_left: int  # negative when the deadline has passed
    topics_done: int
    topics_total: int
    overdue: bool  # the deadline has passed and not every topic is done
    missing_adult_contact: bool  # no named contact person in the adult area


def transition_status(
    track: TransitionTrackInfo | None,
    birth_date: date,
    today: date,
    rule: TransitionRule = DEFAULT_RULE,
) -> TransitionStatus:
    """Where a young person's transition track stands on ``today``.

    Without a track, the deadline is the rule's and no topic is done. With a track, its stored
    deadline counts (the caseworker may have set it). Every topic in ``TOPICS`` counts towards
    the total even when the track has no row for it yet (a missing row is not done).
    """
    deadline = track.deadline if track is not None else transition_deadline(birth_date, rule)
    topics = track.topics if track is not None else ()
    total = len(set(TOPICS) | {t.topic for t in topics})
    done = len({t.topic for t in topics if t.done})
    days_left = (deadline - today).days
    return TransitionStatus(
        needed=needs_transition_track(birth_date, today, rule),
        deadline=deadline,
        days_left=days_left,
        topics_done=done,
        topics_total=total,
        overdue=days_left < 0 and done < total,
        missing_adult_contact=track is None or not track.adult_contact_name.strip(),
    )
