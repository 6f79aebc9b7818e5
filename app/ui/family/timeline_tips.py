"""What the timeline says about an intervention, a gap in the help and two interventions that
overlap: the tooltips (rich text) and the plain summaries a screen reader reads and the list
shows (translated in the timeline's context)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.services.family.family_overview import FamilyOverview, InterventionInfo
from app.services.family.timeline import Gap, Overlap
from app.ui.common.colours import Tone, tooltip_tone
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.common.painting import fill_placeholders


def _fact(template: str, value: str) -> str:
    """One line of a tooltip: ``template``'s %1 filled in, escaped for rich text."""
    return html.escape(fill_placeholders(template, value))


def intervention_tip(
    info: InterventionInfo, overview: FamilyOverview | None, overlaps: Sequence[Overlap]
) -> str:
    """The intervention's facts, and the other help it overlaps with in red."""
    lines = [f"<b>{html.escape(info.title)}</b>"]
    if info.law_reference:
        law = info.law_reference + (f" – {info.law_title}" if info.law_title else "")
        lines.append(html.escape(law))
    if info.professional_name:
        lines.append(
            _fact(QCoreApplication.translate("TimelineView", "Professional: %1"), info.professional_name)
        )
    if info.end_date is not None:
        period = f"{format_date(info.start_date)}–{format_date(info.end_date)}"
    else:
        period = QCoreApplication.translate("TimelineView", "From %1, no end date").replace(
            "%1", format_date(info.start_date)
        )
    lines.append(html.escape(period))
    lines.append(_fact(QCoreApplication.translate("TimelineView", "Status: %1"), label(info.status)))
    lines.append(_fact(QCoreApplication.translate("TimelineView", "Sector: %1"), label(info.sector)))
    if info.sector_plan:
        lines.append(_fact(QCoreApplication.translate("TimelineView", "Sector plan: %1"), info.sector_plan))
    if info.source_system:
        lines.append(
            _fact(QCoreApplication.translate("TimelineView", "Source system: %1"), info.source_system)
        )
    if info.last_checked is not None:
        lines.append(
            _fact(
                QCoreApplication.translate("TimelineView", "Last checked: %1"), format_date(info.last_checked)
            )
        )
    red = tooltip_tone(Tone.ERROR)
    for text in overlap_texts(info, overview, overlaps):
        lines.append(f"<span style='color:{red}'>{html.escape(text)}</span>")
    return "<br>".join(lines)


def overlap_texts(
    info: InterventionInfo, overview: FamilyOverview | None, overlaps: Sequence[Overlap]
) -> list[str]:
    """ "Same kind of help at the same time as: …", once for each intervention it overlaps."""
    texts = []
    for overlap in overlaps:
        if info.id in (overlap.first_id, overlap.second_id):
            other_id = overlap.second_id if overlap.first_id == info.id else overlap.first_id
            other = _intervention(overview, other_id)
            texts.append(
                QCoreApplication.translate(
                    "TimelineView", "Same kind of help at the same time as: %1"
                ).replace("%1", other.title if other is not None else str(other_id))
            )
    return texts


def end_text(end: date | None) -> str:
    """The last day, or that there is none (the list's "To" column)."""
    return format_date(end) if end is not None else QCoreApplication.translate("TimelineView", "No end date")


def intervention_summary(
    info: InterventionInfo, overview: FamilyOverview | None, overlaps: Sequence[Overlap]
) -> str:
    """The bar in plain words, for a screen reader: who, what, the law, when, status, sector
    and what it overlaps."""
    member = overview.member(info.citizen_id) if overview is not None else None
    facts = [info.title]
    if info.law_reference:
        facts.append(info.law_reference)
    facts.append(f"{format_date(info.start_date)}–{end_text(info.end_date)}")
    facts += [label(info.status), label(info.sector), *overlap_texts(info, overview, overlaps)]
    text = ", ".join(facts)
    return f"{member.name}: {text}" if member is not None else text


def gap_summary(gap: Gap, overview: FamilyOverview | None, no_help: str) -> str:
    """A time without help in plain words: who, "No help for 5 weeks", from when to when."""
    member = overview.member(gap.citizen_id) if overview is not None else None
    text = f"{no_help}, {format_date(gap.start)}–{end_text(gap.end)}"
    return f"{member.name}: {text}" if member is not None else text


def gap_tip(gap: Gap, overview: FamilyOverview | None, no_help: str) -> str:
    """Whom the time without help is about, ``no_help`` ("No help for 5 weeks"), from when to
    when."""
    member = overview.member(gap.citizen_id) if overview is not None else None
    lines = []
    if member is not None:
        lines.append(f"<b>{html.escape(member.name)}</b>")
    lines.append(html.escape(no_help))
    if gap.end is not None:
        period = (
            QCoreApplication.translate("TimelineView", "From %1 to %2")
            .replace("%1", format_date(gap.start))
            .replace("%2", format_date(gap.end))
        )
    else:
        period = QCoreApplication.translate("TimelineView", "Since %1").replace("%1", format_date(gap.start))
    lines.append(html.escape(period))
    return "<br>".join(lines)


def overlap_tip(overlap: Overlap, overview: FamilyOverview | None) -> str:
    """The two interventions that are the same kind of help at the same time."""
    first = _intervention(overview, overlap.first_id)
    second = _intervention(overview, overlap.second_id)
    member = overview.member(overlap.citizen_id) if overview is not None else None
    lines = []
    if member is not None:
        lines.append(f"<b>{html.escape(member.name)}</b>")
    text = QCoreApplication.translate("TimelineView", "%1 and %2 are the same kind of help at the same time.")
    first_title = first.title if first is not None else str(overlap.first_id)
    second_title = second.title if second is not None else str(overlap.second_id)
    lines.append(html.escape(fill_placeholders(text, first_title, second_title)))
    if overlap.end is not None:
        period = fill_placeholders(
            QCoreApplication.translate("TimelineView", "From %1 to %2"),
            format_date(overlap.start),
            format_date(overlap.end),
        )
    else:
        period = QCoreApplication.translate("TimelineView", "Since %1").replace(
            "%1", format_date(overlap.start)
        )
    lines.append(html.escape(period))
    return "<br>".join(lines)


def _intervention(overview: FamilyOverview | None, intervention_id: int) -> InterventionInfo | None:
    if overview is None:
        return None
    return next((i for i in overview.interventions if i.id == intervention_id), None)
