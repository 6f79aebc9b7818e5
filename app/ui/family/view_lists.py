"""The timeline and the family's week as lists: the text alternatives of the two painted views,
row for row the items the views draw (and in the same order until a column is sorted)."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services.family.timeline import Gap
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.common.list_alternative import ListAlternative, ListRow
from app.ui.family.timeline_tips import end_text, overlap_texts
from app.ui.family.timeline_view import TimelineView
from app.ui.family.week_grid import WeekGrid
from app.ui.family.week_texts import day_name, format_time, sentences, slot_notes


def timeline_headers() -> list[str]:
    return [
        QCoreApplication.translate("FamilyViewLists", "Who"),
        QCoreApplication.translate("FamilyViewLists", "What"),
        QCoreApplication.translate("FamilyViewLists", "Law"),
        QCoreApplication.translate("FamilyViewLists", "From"),
        QCoreApplication.translate("FamilyViewLists", "To"),
        QCoreApplication.translate("FamilyViewLists", "Status"),
        QCoreApplication.translate("FamilyViewLists", "Note"),
    ]


def timeline_rows(view: TimelineView) -> list[ListRow]:
    """One row per bar and per gap the timeline draws, in its order."""
    overview = view.overview
    infos = {info.id: info for info in overview.interventions} if overview is not None else {}
    order = {key: index for index, key in enumerate(view.item_keys())}
    rows = []
    for key, index in order.items():
        assert isinstance(key, tuple)
        kind, item = key
        if kind == "intervention" and isinstance(item, int):
            info = infos[item]
            member = overview.member(info.citizen_id) if overview is not None else None
            texts = (
                member.name if member is not None else "?",
                info.title,
                info.law_reference,
                format_date(info.start_date),
                end_text(info.end_date),
                label(info.status),
                sentences(overlap_texts(info, overview, view.overlaps)),
            )
            sort_end = info.end_date or date.max
            sort_keys = (index, None, None, info.start_date, sort_end)
            rows.append(ListRow(key, texts, sort_keys, tooltip=view.item_summary(key)))
        elif isinstance(item, Gap):
            member = overview.member(item.citizen_id) if overview is not None else None
            texts = (
                member.name if member is not None else "?",
                view.no_help_text(item),
                "",
                format_date(item.start),
                end_text(item.end),
                "",
                "",
            )
            sort_keys = (index, None, None, item.start, item.end or date.max)
            rows.append(ListRow(key, texts, sort_keys, tooltip=view.item_summary(key)))
    return rows


def week_headers() -> list[str]:
    return [
        QCoreApplication.translate("FamilyViewLists", "Day"),
        QCoreApplication.translate("FamilyViewLists", "Time"),
        QCoreApplication.translate("FamilyViewLists", "Who"),
        QCoreApplication.translate("FamilyViewLists", "What"),
        QCoreApplication.translate("FamilyViewLists", "Note"),
    ]


def week_rows(view: WeekGrid) -> list[ListRow]:
    """One row per weekly time the grid draws, in its order."""
    overview = view.overview
    rows = []
    for index, key in enumerate(view.item_keys()):
        block = view.block_of(key)  # type: ignore[arg-type]
        if block is None or overview is None:
            continue
        slot, info = block.slot, block.info
        member = overview.member(slot.citizen_id)
        what = f"{info.title} ({info.law_reference})" if info.law_reference else info.title
        texts = (
            day_name(slot.weekday),
            f"{format_time(slot.start)}–{format_time(slot.end)}",
            member.name if member is not None else "?",
            what,
            sentences(slot_notes(slot, info, overview, view.collisions)),
        )
        sort_keys = ((slot.weekday, slot.start, index), (slot.start, slot.end))
        rows.append(ListRow(key, texts, sort_keys, tooltip=view.item_summary(key)))
    return rows


def with_list(view: TimelineView | WeekGrid, parent: QWidget | None = None) -> ListAlternative:
    """The view in a scroll area, with an "As a list" switch to its rows in a table."""
    if isinstance(view, TimelineView):
        headers, rows = timeline_headers(), partial(timeline_rows, view)
        name = QCoreApplication.translate("FamilyViewLists", "The interventions over time, as a list")
    else:
        headers, rows = week_headers(), partial(week_rows, view)
        name = QCoreApplication.translate("FamilyViewLists", "The family's weekly times, as a list")
    panel = ListAlternative(
        view,
        view.choice,
        headers,
        rows,
        toggle_text=QCoreApplication.translate("FamilyViewLists", "As a list"),
        list_name=name,
        parent=parent,
    )
    view.content_changed.connect(panel.refresh)
    panel.activated.connect(view.choice.activated)
    return panel
