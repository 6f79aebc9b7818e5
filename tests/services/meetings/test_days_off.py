"""One rule for the days the offices are closed, used by the calendar and the free-time search."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.services.common.clock import LOCAL_TZ
from app.services.meetings.days_off import danish_holidays, is_working_day
from app.services.meetings.free_slots import next_free_slots


def test_danish_names_and_the_customary_days_off() -> None:
    days = danish_holidays(2026)
    assert days[date(2026, 12, 24)] == "Juleaftensdag"
    assert days[date(2026, 12, 25)] == "Juledag"
    assert days[date(2026, 12, 26)] == "Anden juledag"
    assert date(2026, 12, 31) in days and date(2026, 6, 5) in days
    assert days[date(2026, 4, 3)] == "Langfredag"
    assert days[date(2026, 5, 14)] == "Kristi himmelfartsdag"
    assert danish_holidays(2027)[date(2027, 1, 1)] == "Nytårsdag"
    assert list(days) == sorted(days)
    public = danish_holidays(2026, customary_days_off=False)
    assert date(2026, 12, 24) not in public and date(2026, 6, 5) not in public
    assert date(2026, 12, 25) in public
    both = danish_holidays(2026, 2027)
    assert date(2026, 4, 3) in both and date(2027, 3, 26) in both  # Langfredag both years


@pytest.mark.parametrize("year", range(2020, 2036))
def test_first_of_may_is_a_working_day_in_both_views(year: int) -> None:
    """The calendar and the free-time search once disagreed about 1 May: it is not a day off."""
    may_day = date(year, 5, 1)
    assert may_day not in danish_holidays(year)
    assert is_working_day(may_day) == (may_day.weekday() < 5)


@pytest.mark.parametrize("year", range(2020, 2036))
def test_the_free_time_search_skips_exactly_the_calendars_days_off(year: int) -> None:
    shaded = danish_holidays(year)
    day = date(year, 1, 1)
    while day.year == year:
        assert is_working_day(day) == (day.weekday() < 5 and day not in shaded), day
        day += timedelta(days=1)
    # and the search itself: from the morning of each weekday off it offers a later day
    for off in (d for d in shaded if d.weekday() < 5):
        start = datetime.combine(off, time(7), LOCAL_TZ)
        found = next_free_slots([], ("citizen:1",), timedelta(hours=1), start, count=1)
        assert found and found[0].date() > off


def test_store_bededag_is_a_holiday_until_2023_only() -> None:
    assert danish_holidays(2023)[date(2023, 5, 5)] == "Store bededag"
    for year in (2024, 2026, 2027):
        assert "Store bededag" not in danish_holidays(year).values()
    assert not is_working_day(date(2023, 5, 5))
    assert is_working_day(date(2024, 4, 26))


def test_the_calendar_uses_the_same_rule() -> None:
    import app.ui.calendar.calendar_page as calendar_page

    assert calendar_page.danish_holidays is danish_holidays
