"""The VTIMEZONE of an invitation in the form Outlook reads: one STANDARD and one DAYLIGHT
observance, each with a yearly RRULE ("the last Sunday of October at 03.00"), instead of a
list of dates (RDATE) for every year.

The rule is not written by hand: the zone's transitions are read from the time-zone database
(``zoneinfo``) for the years concerned, turned into a month, a weekday ("the last Sunday",
"the second Sunday") and a local time, and checked against every one of those years. When
one rule does not describe them all (a country that changed its rule within the years, or
gave up summer time), the caller gets None and falls back to the per-year form.

Times in a VTIMEZONE are local times before the change (RFC 5545 3.6.5): summer time in
Denmark begins at 02.00 standard time and ends at 03.00 summer time.

    rrule_timezone(tzid, first_year, last_year) -> Timezone | None
"""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of the zone's offset, as it is written in an observance."""

    local: datetime  # naive: the wall-clock time before the change
    offset_from: timedelta
    offset_to: timedelta
    name: str  # the abbreviation after the change (CET, CEST)

    @property
    def rule(self) -> tuple[int, int, int, int, int]:
        """(month, weekday, nth, hour, minute); nth -1 is the last such weekday of the month."""
        day = self.local.day
        last_day = month_calendar.monthrange(self.local.year, self.local.month)[1]
        nth = -1 if day + 7 > last_day else (day - 1) // 7 + 1
        return (self.local.month, self.local.weekday(), nth, self.local.hour, self.local.minute)


def _offset(zone: ZoneInfo, moment: datetime) -> timedelta:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always has one
    return offset


def transitions(zone: ZoneInfo, year: int) -> list[Transition]:
    """The zone's changes of offset in ``year`` (by UTC), in order, found day by day and then
    to the minute."""
    found: list[Transition] = []
    start = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    day = start
    before = _offset(zone, day)
    while day < end:
        following = min(day + timedelta(days=1), end)
        after = _offset(zone, following)
        if after != before:
            low, high = day, following  # the change lies in (low, high]
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    middle = low + timedelta(minutes=1)
                if _offset(zone, middle) == before:
                    low = middle
                else:
                    high = middle
            local = (high + before).replace(tzinfo=None)
            found.append(Transition(local, before, after, high.astimezone(zone).tzname() or ""))
            before = after
        day = following
    return found


def _observance(transition: Transition, *, recurring: bool) -> TimezoneStandard | TimezoneDaylight:
    daylight = transition.offset_to > transition.offset_from
    component: TimezoneStandard | TimezoneDaylight = TimezoneDaylight() if daylight else TimezoneStandard()
    component.add("dtstart", transition.local)
    component.add("tzoffsetfrom", transition.offset_from)
    component.add("tzoffsetto", transition.offset_to)
    if transition.name:
        component.add("tzname", transition.name)
    if recurring:
        month, weekday, nth, _hour, _minute = transition.rule
        component.add("rrule", {"freq": "yearly", "bymonth": month, "byday": f"{nth}{_WEEKDAYS[weekday]}"})
    return component


def rrule_timezone(tzid: str, first_year: int, last_year: int) -> Timezone | None:
    """The zone as two yearly rules that hold from ``first_year`` to ``last_year``; the rules
    start in the year before ``first_year`` (so that a time early in ``first_year`` lies after
    an onset). A zone without summer time in those years is one STANDARD observance. None when
    no pair of yearly rules describes every year."""
    zone = ZoneInfo(tzid)
    base = first_year - 1
    first = transitions(zone, base)
    timezone = Timezone()
    timezone.add("tzid", tzid)
    if not first:
        if any(transitions(zone, year) for year in range(first_year, last_year + 1)):
            return None
        moment = datetime(base, 1, 1, tzinfo=UTC)
        offset = _offset(zone, moment)
        name = moment.astimezone(zone).tzname() or ""
        timezone.add_component(
            _observance(Transition(datetime(base, 1, 1), offset, offset, name), recurring=False)
        )
        return timezone
    rules = [(t.rule, t.offset_from, t.offset_to, t.name) for t in first]
    if len(first) != 2 or first[0].offset_from != first[1].offset_to:
        return None
    for year in range(first_year, last_year + 1):
        if [(t.rule, t.offset_from, t.offset_to, t.name) for t in transitions(zone, year)] != rules:
            return None
    for transition in sorted(first, key=lambda t: t.offset_to > t.offset_from):  # STANDARD first
        timezone.add_component(_observance(transition, recurring=True))
    return timezone
