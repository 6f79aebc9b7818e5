"""Plain Danish words and date formats for printed documents (printed in Danish whatever the
program's language; no locale needed)."""

from __future__ import annotations

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
