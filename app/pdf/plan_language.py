"""The language of the family's copy of the plan: its fixed texts, dates and direction.

The texts are data, one catalogue per language in ``resources/plan_texts/<code>.toml``
(Danish, English, Ukrainian, Polish and Arabic); every catalogue has Danish's keys and
placeholders. The caseworker's own text (goals, agreements, names) is printed as written.

    lang = plan_language("uk")
    lang.t("printed_on", date=lang.text_date(today))   # "Надруковано 24 листопада 2026 р."
    lang.voiced("intro", family=True)                   # "…_family" or "…_single"

The family's copy defaults to the language of the family's adults (``Citizen.language``,
which may be a code or a name, "ar" or "arabisk"); see ``default_language``.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from app.resources import resources_dir

if TYPE_CHECKING:  # the command line reads LANGUAGES without the store's modules
    from app.services.cases.case_summary import MemberSummary

DANISH = "da"
# The languages a family's copy can be printed in, in the order the dialog offers them.
LANGUAGES: tuple[str, ...] = ("da", "en", "uk", "pl", "ar")
TEXTS_DIR = "plan_texts"
ADULT_AGE = 18
_PLACEHOLDER = re.compile(r"{(\w*)}")

# Citizen.language as people type it: the code, the language's Danish or English name or
# its own name. Anything else (or Danish) gives the Danish copy.
_ALIASES: dict[str, tuple[str, ...]] = {
    "da": ("da", "dansk", "danish", "dan"),
    "en": ("en", "engelsk", "english", "eng"),
    "uk": ("uk", "ukrainsk", "ukrainian", "ukr", "українська"),
    "pl": ("pl", "polsk", "polish", "pol", "polski"),
    "ar": ("ar", "arabisk", "arabic", "ara", "العربية"),
}
_CODE_OF = {alias: code for code, aliases in _ALIASES.items() for alias in aliases}


class UnknownLanguageError(ValueError):
    """No catalogue for that language code."""


@dataclass(frozen=True, slots=True)
class PlanLanguage:
    code: str
    name: str  # the language's own name: "Українська"
    rtl: bool
    font: str  # a family in app.pdf.fonts
    date_format: str
    long_text_dates: bool
    time_format: str
    long_date_pattern: str
    list_separator: str
    list_and: str
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    texts: Mapping[str, str]
    tables: Mapping[str, Mapping[str, str]]

    # -- texts -------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        """The text ``key`` with its placeholders filled (values already escaped)."""
        return self.texts[key].format(**values)

    def voiced(self, key: str, family: bool, **values: object) -> str:
        """``key``'s variant for a family ("…_family") or a single citizen ("…_single")."""
        return self.t(f"{key}_{'family' if family else 'single'}", **values)

    def label(self, table: str, value: str) -> str:
        """A name from one of the tables (goal_level, sector, …) by its enum value; a value
        the table lacks gives its "unknown" entry (or "")."""
        names = self.tables[table]
        return names.get(str(value), names.get("unknown", ""))

    def join(self, words: Sequence[str]) -> str:
        """Lise, Oliver, Freja og Emil."""
        words = [w for w in words if w]
        if len(words) <= 1:
            return "".join(words)
        return f"{self.list_separator.join(words[:-1])}{self.list_and}{words[-1]}"

    def hide_cpr(self, text: str) -> str:
        from app.services.common.danish import hide_cpr

        return hide_cpr(text, self.t("cpr_hidden"))

    # -- dates and times -----------------------------------------------------------------
    def short_date(self, day: date | None) -> str:
        """A date in a table cell: 05.01.2027; "–" without a date."""
        return day.strftime(self.date_format) if day else "–"

    def long_date(self, day: date) -> str:
        """5. januar 2027; 5 January 2027; 5 січня 2027 р."""
        return self.long_date_pattern.format(day=day.day, month=self.months[day.month - 1], year=day.year)

    def text_date(self, day: date | None) -> str:
        """A date in running text: short in Danish (as the plan always had it), else long."""
        if day is None:
            return "–"
        return self.long_date(day) if self.long_text_dates else self.short_date(day)

    def weekday(self, moment: date) -> str:
        name = self.weekdays[moment.weekday()]
        return name[:1].upper() + name[1:]

    def time_span(self, start: datetime, end: datetime) -> str:
        """kl. 10.00–11.30 (the end's date too if it is another day)."""
        if end.date() != start.date():
            return self.t(
                "span_days",
                start=start.strftime(self.time_format),
                end_date=self.short_date(end.date()),
                end=end.strftime(self.time_format),
            )
        return self.t(
            "span_same_day", start=start.strftime(self.time_format), end=end.strftime(self.time_format)
        )

    def meeting_time(self, moment: datetime) -> str:
        """Tirsdag den 5. januar 2027 kl. 10.00 (``moment`` already in local time)."""
        return self.t(
            "meeting_time",
            weekday=self.weekday(moment),
            date=self.long_date(moment.date()),
            time=moment.strftime(self.time_format),
        )

    def meeting_period(self, start: datetime, end: datetime) -> str:
        """Tirsdag den 5. januar 2027 kl. 10.00–11.30 (both already in local time)."""
        return self.t(
            "meeting_period",
            weekday=self.weekday(start),
            date=self.long_date(start.date()),
            span=self.time_span(start, end),
        )


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@lru_cache(maxsize=len(LANGUAGES))
def plan_language(code: str = DANISH) -> PlanLanguage:
    """The catalogue for ``code`` (one of LANGUAGES). Raises UnknownLanguageError."""
    if code not in LANGUAGES:
        raise UnknownLanguageError(code)
    path = resources_dir() / TEXTS_DIR / f"{code}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data.pop("meta")
    texts = data.pop("text")
    return PlanLanguage(
        code=code,
        name=str(meta["name"]),
        rtl=meta["direction"] == "rtl",
        font=str(meta["font"]),
        date_format=str(meta["date_format"]),
        long_text_dates=meta["text_date"] == "long",
        time_format=str(meta["time_format"]),
        long_date_pattern=str(meta["long_date"]),
        list_separator=str(meta["list_separator"]),
        list_and=str(meta["list_and"]),
        months=tuple(meta["months"]),
        weekdays=tuple(meta["weekdays"]),
        texts={str(k): str(v) for k, v in texts.items()},
        tables={str(name): {str(k): str(v) for k, v in table.items()} for name, table in data.items()},
    )


def language_code(value: str) -> str | None:
    """The code for a Citizen.language value ("ar", "Arabisk", " العربية "), or None."""
    return _CODE_OF.get(value.strip().casefold())


def language_of(values: Iterable[str]) -> str:
    """The language most of ``values`` name (ties: the first named), other than Danish;
    Danish when none names a language the plan can be printed in."""
    codes = [c for c in (language_code(v) for v in values) if c and c != DANISH]
    if not codes:
        return DANISH
    counts = Counter(codes)
    best = max(counts.values())
    return next(c for c in codes if counts[c] == best)


def default_language(members: Sequence[MemberSummary], today: date) -> str:
    """The family's copy's language by default: what the adults speak (those with custody
    first), else what the members speak; Danish when nothing else is recorded."""
    adults = [m for m in members if m.age_on(today) >= ADULT_AGE]
    adults.sort(key=lambda m: not m.custody)
    for group in (adults, list(members)):
        code = language_of(m.language for m in group)
        if code != DANISH:
            return code
    return DANISH
