"""Plain Danish words and date formats for printed documents (printed in Danish whatever the
program's language; no locale needed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, MeetingKind, Sector

MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

GOAL_LEVEL = {
    GoalLevel.OVERALL: "Mål",
    GoalLevel.SUB: "Delmål",
    GoalLevel.PROGRESSION: "Skridt på vejen",
}
GOAL_STATUS = {
    GoalStatus.OPEN: "",
    GoalStatus.ACHIEVED: "Nået",
    GoalStatus.DROPPED: "Ikke længere aktuelt",
}
AGREEMENT_STATUS = {
    AgreementStatus.OPEN: "Skal gøres",
    AgreementStatus.DONE: "Gjort",
    AgreementStatus.CANCELLED: "Aflyst",
}
AGREEMENT_ORDER = {AgreementStatus.OPEN: 0, AgreementStatus.DONE: 1, AgreementStatus.CANCELLED: 2}
SECTOR = {
    Sector.SOCIAL_CHILDREN: "Børn og familie",
    Sector.SOCIAL_ADULTS: "Social hjælp til voksne",
    Sector.EMPLOYMENT: "Job og beskæftigelse",
    Sector.HEALTH: "Sundhed",
    Sector.EDUCATION: "Skole og uddannelse",
    Sector.DAYCARE: "Dagtilbud",
    Sector.YOUTH: "Unge",
    Sector.ELDERLY: "Ældre",
    Sector.OTHER: "Andet",
}
MEETING = {
    MeetingKind.NETWORK: "netværksmødet",
    MeetingKind.FOLLOW_UP: "opfølgningsmødet",
    MeetingKind.STATUS: "statusmødet",
    MeetingKind.START: "opstartsmødet",
    MeetingKind.CLOSING: "afslutningsmødet",
}


def short_date(day: date | None) -> str:
    """05.01.2027 (a table cell); "–" without a date."""
    return day.strftime("%d.%m.%Y") if day else "–"


def long_date(day: date) -> str:
    """5. januar 2027."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def meeting_time(moment: datetime) -> str:
    """Tirsdag den 5. januar 2027 kl. 10.00 (``moment`` already in local time)."""
    weekday = WEEKDAYS[moment.weekday()].capitalize()
    return f"{weekday} den {long_date(moment.date())} kl. {moment:%H.%M}"


def join(words: Sequence[str]) -> str:
    """Lise, Oliver, Freja og Emil."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} og {words[-1]}"


def meeting_word(kind: str) -> str:
    try:
        return MEETING[MeetingKind(kind)]
    except ValueError:
        return "mødet"


# The meeting kinds as a title ("Netværksmøde – Familien Holm Jensen").
MEETING_KIND = {
    MeetingKind.NETWORK: "Netværksmøde",
    MeetingKind.FOLLOW_UP: "Opfølgningsmøde",
    MeetingKind.STATUS: "Statusmøde",
    MeetingKind.START: "Opstartsmøde",
    MeetingKind.CLOSING: "Afslutningsmøde",
}

# Ten digits, the last four optionally after a hyphen or space: a CPR number typed into free
# text (minutes, agenda, place) must not leave the program in a printout or an invitation.
_CPR_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{6}[- ]?[0-9]{4}(?![0-9])")
CPR_HIDDEN = "[cpr-nr. fjernet]"


def meeting_kind(kind: str) -> str:
    """Netværksmøde (a title); "Møde" for an unknown kind."""
    try:
        return MEETING_KIND[MeetingKind(kind)]
    except ValueError:
        return "Møde"


def time_span(start: datetime, end: datetime) -> str:
    """kl. 10.00–11.30 (both already in local time; the end's date if it is another day)."""
    if end.date() != start.date():
        return f"kl. {start:%H.%M} – {short_date(end.date())} kl. {end:%H.%M}"
    return f"kl. {start:%H.%M}–{end:%H.%M}"


def meeting_period(start: datetime, end: datetime) -> str:
    """Tirsdag den 5. januar 2027 kl. 10.00–11.30 (both already in local time)."""
    weekday = WEEKDAYS[start.weekday()].capitalize()
    return f"{weekday} den {long_date(start.date())} {time_span(start, end)}"


def hide_cpr(text: str, note: str = CPR_HIDDEN) -> str:
    """``text`` with every CPR-shaped number replaced by a note that it was removed."""
    return _CPR_IN_TEXT.sub(lambda _match: note, text)
