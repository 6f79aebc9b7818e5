"""The VTIMEZONE written with yearly rules (RRULE), the form Outlook reads: read back by another
implementation (icalendar's, on dateutil's VTIMEZONE reader), it gives the same offset as the
time-zone database at every moment of the years it is made for — Copenhagen, and zones whose
rules differ (the second Sunday, the southern hemisphere, no summer time at all). A zone whose
rule changed within the years gets no rule (the caller falls back to dates per year)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from app.services.meetings import ics
from app.services.meetings.vtimezone import rrule_timezone, transitions

# Each zone from the first year its present rule held (Denmark's since 1996, the USA's since
# 2007, New South Wales's since 2008).
ZONES_WITH_ONE_RULE = {
    "Europe/Copenhagen": 1997,
    "America/New_York": 2008,
    "Australia/Sydney": 2009,
    "Asia/Tokyo": 1970,
    "UTC": 1970,
}


@st.composite
def years_and_moment(draw: st.DrawFn, first: int = 1997, last: int = 2150) -> tuple[int, int, datetime]:
    start = draw(st.integers(first, last))
    end = start + draw(st.integers(0, 4))
    seconds = draw(st.integers(0, int((datetime(end + 1, 1, 1) - datetime(start, 1, 1)).total_seconds()) - 1))
    return start, end, datetime(start, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)


@pytest.mark.parametrize("tzid", list(ZONES_WITH_ONE_RULE))
@given(data=st.data())
def test_the_rules_give_the_zone_databases_offset_at_every_moment(tzid: str, data: st.DataObject) -> None:
    first, last, moment = data.draw(years_and_moment(first=ZONES_WITH_ONE_RULE[tzid]))
    zone = rrule_timezone(tzid, first, last)
    assert zone is not None
    read_back = zone.to_tz(lookup_tzid=False)  # from the observances, not from the name
    assert moment.astimezone(read_back).utcoffset() == moment.astimezone(ZoneInfo(tzid)).utcoffset()


@pytest.mark.parametrize("tzid", ["Europe/Copenhagen", "America/New_York", "Australia/Sydney"])
@pytest.mark.parametrize("year", [2010, 2026, 2027, 2100])
def test_the_change_itself_is_right_to_the_minute(tzid: str, year: int) -> None:
    zone = rrule_timezone(tzid, year, year)
    assert zone is not None
    read_back = zone.to_tz(lookup_tzid=False)
    found = transitions(ZoneInfo(tzid), year)
    assert len(found) == 2
    for change in found:
        at = (change.local.replace(tzinfo=UTC) - change.offset_from).replace(tzinfo=UTC)
        for moment, offset in ((at - timedelta(minutes=1), change.offset_from), (at, change.offset_to)):
            assert moment.astimezone(read_back).utcoffset() == offset
            assert moment.astimezone(ZoneInfo(tzid)).utcoffset() == offset


def test_copenhagen_is_two_observances_of_rules_without_dates() -> None:
    zone = rrule_timezone("Europe/Copenhagen", 2027, 2029)
    assert zone is not None
    text = zone.to_ical().decode()
    assert "RDATE" not in text
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3") == 1
    assert text.count("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10") == 1
    # the onsets are local times before the change, in the year before the first
    assert "DTSTART:20260329T020000" in text and "DTSTART:20261025T030000" in text
    assert "TZOFFSETFROM:+0100" in text and "TZOFFSETTO:+0200" in text
    assert "TZNAME:CEST" in text and "TZNAME:CET" in text


def test_new_york_is_the_second_and_first_sunday() -> None:
    zone = rrule_timezone("America/New_York", 2027, 2027)
    assert zone is not None
    text = zone.to_ical().decode()
    assert "BYDAY=2SU;BYMONTH=3" in text and "BYDAY=1SU;BYMONTH=11" in text


def test_a_zone_without_summer_time_is_one_standard_observance() -> None:
    zone = rrule_timezone("Asia/Tokyo", 2027, 2030)
    assert zone is not None
    assert [c.name for c in zone.subcomponents] == ["STANDARD"]
    assert "RRULE" not in zone.subcomponents[0]


@pytest.mark.parametrize(
    ("tzid", "first", "last"),
    [
        ("America/Sao_Paulo", 2017, 2020),  # summer time given up in 2019
        ("Europe/Moscow", 2009, 2012),  # permanent summer time from 2011
        ("Europe/Copenhagen", 1994, 1997),  # summer time ended in September until 1995
    ],
)
def test_a_zone_whose_rule_changed_gets_none(tzid: str, first: int, last: int) -> None:
    assert rrule_timezone(tzid, first, last) is None


def test_the_invitation_falls_back_to_dates_per_year_when_no_rule_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.services.meetings.test_invitation_email import NOW, _meeting

    monkeypatch.setattr(ics, "rrule_timezone", lambda *_a: None)
    calendar = Calendar.from_ical(ics.meeting_ics(_meeting(), now=NOW))
    [zone] = list(calendar.walk("VTIMEZONE"))
    assert str(zone["TZID"]) == "Europe/Copenhagen" and "RRULE" not in zone.to_ical().decode()
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=2)
