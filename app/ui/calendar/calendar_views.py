"""The calendar of meetings, painted by hand: ``WeekView`` (week_view.py) and ``MonthView``
(month_view.py), with what they share in calendar_painting.py. Both take the Danish public
holidays as a plain ``{date: name}`` dict (``danish_holidays`` makes one)."""

from __future__ import annotations

from app.ui.calendar.calendar_painting import (
    BLOCK_MUTED,
    BLOCK_TEXT,
    FIRST_HOUR,
    KIND_COLOURS,
    LAST_HOUR,
    MONTH_LINES,
    MOVE_SNAP_MINUTES,
    NEW_SNAP_MINUTES,
    _Block,
    _lanes,
    _local_span,
    _paint_badge,
    _Press,
    _week_monday,
    clock_text,
    day_title,
    kind_colour,
    kind_fill,
    meeting_tooltip,
    no_minutes_text,
    time_range_text,
)
from app.ui.calendar.month_view import MonthView
from app.ui.calendar.week_view import WeekView

__all__ = [
    "BLOCK_MUTED",
    "BLOCK_TEXT",
    "FIRST_HOUR",
    "KIND_COLOURS",
    "LAST_HOUR",
    "MONTH_LINES",
    "MOVE_SNAP_MINUTES",
    "NEW_SNAP_MINUTES",
    "MonthView",
    "WeekView",
    "_Block",
    "_Press",
    "_lanes",
    "_local_span",
    "_paint_badge",
    "_week_monday",
    "clock_text",
    "day_title",
    "kind_colour",
    "kind_fill",
    "meeting_tooltip",
    "no_minutes_text",
    "time_range_text",
]
