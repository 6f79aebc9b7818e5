"""The week grid's words: times and weekdays as Danes write them, the whole sentence that
explains a collision, and a weekly time in plain words (translated in the grid's context)."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, QLocale

from app.models.enums import InterventionStatus
from app.services.family.family_overview import FamilyOverview, InterventionInfo, MemberSummary, SlotInfo
from app.services.meetings.collisions import Collision, CollisionKind
from app.ui.common.labels import label
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


def slot_notes(
    slot: SlotInfo, info: InterventionInfo, overview: FamilyOverview, collisions: list[Collision]
) -> list[str]:
    """What else there is to say about a weekly time: planned, a parent must be there, and the
    collisions it is part of."""
    notes = []
    if info.status == InterventionStatus.PLANNED:
        notes.append(label(info.status))
    if slot.needs_parent:
        notes.append(QCoreApplication.translate("WeekGrid", "A parent must be present"))
    notes += [collision_text(c, overview) for c in collisions if slot.id in (c.slot.id, c.other_slot.id)]
    return notes


def slot_summary(
    slot: SlotInfo, info: InterventionInfo, overview: FamilyOverview, collisions: list[Collision]
) -> str:
    """The weekly time in plain words, for a screen reader: when, who, what, and the notes."""
    when = f"{day_name(slot.weekday)} {format_time(slot.start)}–{format_time(slot.end)}"
    member = overview.member(slot.citizen_id)
    facts = [info.title]
    if info.law_reference:
        facts.append(info.law_reference)
    text = f"{when}, {member.name if member is not None else '?'}: {', '.join(facts)}"
    notes = sentences(slot_notes(slot, info, overview, collisions))
    return f"{text}. {notes}" if notes else text


def sentences(notes: list[str]) -> str:
    """Notes one after the other, each ending with a full stop."""
    return " ".join(note if note.endswith(".") else f"{note}." for note in notes)
