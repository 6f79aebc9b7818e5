"""The week grid's words: times and weekdays as Danes write them, and the whole sentence that
explains a collision (translated in the grid's context)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, QLocale

from app.services.family.family_overview import FamilyOverview, MemberSummary
from app.services.meetings.collisions import Collision, CollisionKind
from app.ui.common.painting import fill_placeholders


def format_time(moment: time) -> str:
    """Danish style: 09.00."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def day_name(weekday: int) -> str:
    """The locale's name of the weekday (0 = Monday), as in a sentence: Danish "mandag"."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


def first_name(member: MemberSummary | None) -> str:
    """What the grid calls a member: the first name ("?" for one it does not know)."""
    if member is None:
        return "?"
    return member.first_name or member.name


def _title_of(overview: FamilyOverview, intervention_id: int) -> str:
    return next((i.title for i in overview.interventions if i.id == intervention_id), "?")


def collision_text(collision: Collision, overview: FamilyOverview) -> str:
    """One whole, translated sentence that explains the collision."""
    who = first_name(overview.member(collision.citizen_id))
    day = day_name(collision.weekday)
    start, end = format_time(collision.start), format_time(collision.end)
    title = _title_of(overview, collision.slot.intervention_id)
    other_title = _title_of(overview, collision.other_slot.intervention_id)
    if collision.kind == CollisionKind.PARENT_BUSY:
        parent = first_name(overview.member(collision.other_citizen_id))
        template = QCoreApplication.translate(
            "WeekGrid", "%1 needs a parent present for %5 on %2 %3–%4, but %6 is busy with %7."
        )
        return fill_placeholders(template, who, day, start, end, title, parent, other_title)
    template = QCoreApplication.translate(
        "WeekGrid", "%1 has two things at the same time on %2 %3–%4: %5 and %6."
    )
    return fill_placeholders(template, who, day, start, end, title, other_title)
