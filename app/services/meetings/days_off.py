"""The one rule for which days a Danish municipality's offices are closed.

Used by the calendar (shaded days) and the free-time search (skipped days) alike, so the two
can never disagree. The public holidays come from the maintained ``holidays`` library with
Danish names (Store bededag until 2023 only: abolished from 2024). Beside them the offices
close on three customary days that the library files as "optional": Grundlovsdag (5 June),
Juleaftensdag (24 December) and Nytårsaftensdag (31 December). Arbejdernes kampdag (1 May)
is not a day off: it is a working day for most municipal staff, so meetings may be planned.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

# (month, day) of the customary days off beside the public holidays.
CUSTOMARY_DAYS_OFF: frozenset[tuple[int, int]] = frozenset({(6, 5), (12, 24), (12, 31)})

# Used only if the installed holidays version cannot give Danish names.
_DANISH_NAMES = {
    "New Year's Day": "Nytårsdag",
    "Maundy Thursday": "Skærtorsdag",
    "Good Friday": "Langfredag",
    "Easter Sunday": "Påskedag",
    "Easter Monday": "Anden påskedag",
    "Great Prayer Day": "Store bededag",
    "Ascension Day": "Kristi himmelfartsdag",
    "Whit Sunday": "Pinsedag",
    "Pentecost": "Pinsedag",
    "Whit Monday": "Anden pinsedag",
    "Pentecost Monday": "Anden pinsedag",
    "Christmas Day": "Juledag",
    "Second Day of Christmas": "Anden juledag",
    "Christmas Eve": "Juleaftensdag",
    "New Year's Eve": "Nytårsaften",
    "Constitution Day": "Grundlovsdag",
}


@lru_cache(maxsize=128)
def _year(year: int, customary_days_off: bool) -> tuple[tuple[date, str], ...]:
    cls = holidays.country_holidays("DK").__class__
    categories = tuple(getattr(cls, "supported_categories", ("public",)))
    chosen = ("public", "optional") if customary_days_off and "optional" in categories else ("public",)
    danish = "da" in set(getattr(cls, "supported_languages", ()))
    kwargs: dict[str, object] = {"years": year, "categories": chosen}
    if danish:
        kwargs["language"] = "da"
    days = holidays.country_holidays("DK", **kwargs)  # type: ignore[arg-type]
    named: dict[date, str] = {}
    for day, name in days.items():
        public = day in holidays.country_holidays("DK", years=year)
        if not public and (day.month, day.day) not in CUSTOMARY_DAYS_OFF:
            continue  # an optional day that is not a day off (1 May)
        named[day] = (
            name if danish else "; ".join(_DANISH_NAMES.get(p.strip(), p.strip()) for p in name.split(";"))
        )
    return tuple(sorted(named.items()))


def danish_holidays(
    year_from: int, year_to: int | None = None, *, customary_days_off: bool = True
) -> dict[date, str]:
    """The days off of the years ``year_from``..``year_to`` with their Danish names, in date
    order: the public holidays and (``customary_days_off``) 5 June, 24 and 31 December."""
    last = year_from if year_to is None else year_to
    result: dict[date, str] = {}
    for year in range(year_from, last + 1):
        result.update(_year(year, customary_days_off))
    return result


@lru_cache(maxsize=128)
def _closed(year: int, customary_days_off: bool) -> frozenset[date]:
    return frozenset(day for day, _name in _year(year, customary_days_off))


def is_working_day(day: date, *, customary_days_off: bool = True) -> bool:
    """Monday to Friday and not a day off."""
    if day.weekday() >= 5:
        return False
    return day not in _closed(day.year, customary_days_off)
