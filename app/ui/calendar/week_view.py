"""The calendar's week by the hour: Monday to Friday (Saturday and Sunday too when a meeting
falls then) with the hours 07–18, grown to fit earlier or later meetings; a planned meeting can
be dragged to another day and time. Today is marked and the Danish public holidays shaded.

All geometry is computed when the data or the size changes and painting only draws it; the
rectangles are public so the page and the tests can hit-test.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

from app.models.enums import MeetingStatus
from app.services.common.clock import LOCAL_TZ, local_now, local_today, to_local
from app.services.meetings.meetings import MeetingInfo
from app.ui.calendar.calendar_painting import (
    FIRST_HOUR,
    LAST_HOUR,
    MOVE_SNAP_MINUTES,
    NEW_SNAP_MINUTES,
    _Block,
    _lanes,
    _local_span,
    _Press,
    _week_monday,
    day_title,
    meeting_tooltip,
    no_minutes_text,
    paint_week,
    time_range_text,
)
from app.ui.common.canvas import ReflowCanvas
from app.ui.common.chosen_item import announce_description
from app.ui.common.formatting import iso_week
from app.ui.common.labels import label
from app.ui.common.painting import scaled_font


class WeekView(ReflowCanvas):
    """A week of meetings by the hour; feed it with ``show_week``.

    Put it in a ``QScrollArea`` with ``widgetResizable``: the hours stretch to fill a tall
    viewport and scroll in a low one.
    """

    meeting_activated = Signal(int)  # meeting id: clicked, or Enter on the selected one
    meeting_moved = Signal(int, object)  # meeting id, new aware start: a planned meeting dropped
    day_activated = Signal(object)  # date: double-click on the day's header or empty space
    slot_activated = Signal(object)  # aware datetime (30 minutes): double-click on empty space
    navigate = Signal(int)  # -1 / +1 week, 0 = the week of today

    MARGIN = 8.0
    MIN_DAY_W = 90.0
    WANTED_DAY_W = 160.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Week calendar"))
        self.monday = _week_monday(local_today())
        self.today = local_today()
        self.now: datetime | None = None
        self._auto_now = True
        self.meetings: list[MeetingInfo] = []
        self.holidays: dict[date, str] = {}
        self.days: list[date] = []
        self.first_hour = FIRST_HOUR
        self.last_hour = LAST_HOUR
        self.week_text = ""
        self.selected_meeting_id: int | None = None
        # Geometry, recomputed by _relayout (public for the page and the tests).
        self.meeting_rects: dict[int, QRectF] = {}
        self.badge_rects: dict[int, QRectF] = {}
        self.day_rects: dict[date, QRectF] = {}  # the day's column, header included
        self.grid_rects: dict[date, QRectF] = {}  # the day's column below the header
        self.header_rects: dict[date, QRectF] = {}
        self.now_line_y: float | None = None
        self.ghost_rect: QRectF | None = None  # where a dragged meeting would land
        self.ghost_start: datetime | None = None
        self._blocks: list[_Block] = []
        self._by_id: dict[int, MeetingInfo] = {}
        self._press: _Press | None = None
        self._dragging = False
        self._hour_col_w = 40.0
        self._header_h = 30.0
        self._grid_left = 0.0
        self._grid_right = 0.0
        self._grid_top = 0.0
        self._grid_bottom = 0.0
        self._hour_h = 44.0
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(60_000)
        self._now_timer.timeout.connect(self._tick)
        self._relayout()

    # -- public API -------------------------------------------------------------------------

    def show_week(
        self,
        monday: date,
        meetings: Sequence[MeetingInfo],
        holidays: dict[date, str],
        today: date,
        now: datetime | None = None,
    ) -> None:
        """Show the week of ``monday``. ``now`` places the "now" line; without it the clock's
        time is used when ``today`` is the real today (and the line moves each minute)."""
        self.monday = _week_monday(monday)
        self.today = today
        self.holidays = dict(holidays)
        end = self.monday + timedelta(days=7)
        self.meetings = [m for m in meetings if self.monday <= to_local(m.starts_at).date() < end]
        self._by_id = {m.id: m for m in self.meetings}
        if self.selected_meeting_id not in self._by_id:
            self.selected_meeting_id = None
        self._auto_now = now is None
        self.now = to_local(now) if now is not None else self._clock_now()
        if self._auto_now and self.monday <= today < end:
            self._now_timer.start()
        else:
            self._now_timer.stop()
        self._press = None
        self._cancel_drag()
        self._relayout()
        self.updateGeometry()
        self.update()

    def header_text(self, day: date) -> str:
        """The day's header in full: "tirsdag 24.11." and, on a holiday, its name below."""
        name = self.holidays.get(day)
        return day_title(day) + (f"\n{name}" if name else "")

    def hit_test(self, pos: QPointF) -> int | None:
        """The id of the meeting under ``pos``."""
        point = QPointF(pos)
        for block in reversed(self._blocks):
            if block.rect.contains(point):
                return block.meeting.id
        return None

    def day_at(self, pos: QPointF) -> date | None:
        point = QPointF(pos)
        return next((d for d, r in self.day_rects.items() if r.contains(point)), None)

    def time_at(self, pos: QPointF) -> datetime | None:
        """The aware local time at ``pos`` in the grid (to the minute), or None outside it."""
        point = QPointF(pos)
        day = next((d for d, r in self.grid_rects.items() if r.contains(point)), None)
        if day is None:
            return None
        minutes = min(24 * 60 - 1, max(0, math.floor(self._minutes_at_y(point.y()))))
        return self._at(day, minutes)

    def y_for_minutes(self, minutes: float) -> float:
        return self._grid_top + (minutes / 60 - self.first_hour) * self._hour_h

    def ordered_meeting_ids(self) -> list[int]:
        """The shown meetings in time order: the order of Left/Right and Tab."""
        blocks = sorted(self._blocks, key=lambda b: (b.start, b.end, b.rect.left(), b.meeting.id))
        return [b.meeting.id for b in blocks]

    def select_meeting(self, meeting_id: int | None) -> None:
        if meeting_id is not None and meeting_id not in self.meeting_rects:
            meeting_id = None
        if meeting_id == self.selected_meeting_id:
            return
        self.selected_meeting_id = meeting_id
        meeting = self._by_id.get(meeting_id) if meeting_id is not None else None
        announce_description(self, self._plain_summary(meeting) if meeting is not None else "")
        self.update()

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self._tooltip_hit(QPointF(pos))
        return "" if hit is None else hit[0]

    # -- size -------------------------------------------------------------------------------

    @override
    def sizeHint(self) -> QSize:
        width = 2 * self.MARGIN + self._hour_col_w + max(5, len(self.days)) * self.WANTED_DAY_W
        return QSize(round(width), round(self._height))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(round(self._min_width()), round(self._height))

    def _min_width(self) -> float:
        return 2 * self.MARGIN + self._hour_col_w + max(5, len(self.days)) * self.MIN_DAY_W

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._relayout(event.size().width())  # the hours stretch with the height

    # -- layout -----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        font = self.font()
        return font, scaled_font(font, 0.85), scaled_font(font, 0.85, bold=True), scaled_font(font, 1.0, True)

    @override
    def _paint(self, p: QPainter, clip: QRectF) -> None:
        paint_week(self, p, clip)

    @override
    def _relayout(self, width: float | None = None) -> None:
        _font, small, small_bold, bold = self._fonts()
        fm_small, fm_small_bold, fm_bold = (
            QFontMetricsF(small),
            QFontMetricsF(small_bold),
            QFontMetricsF(bold),
        )
        self.week_text = self.tr("Week %1").replace("%1", str(iso_week(self.monday)))
        spans = {m.id: _local_span(m) for m in self.meetings}
        weekend = any(start.weekday() >= 5 for start, _ in spans.values())
        self.days = [self.monday + timedelta(days=i) for i in range(7 if weekend else 5)]
        starts = [self._minutes_in_day(start, start.date()) for start, _ in spans.values()]
        ends = [self._minutes_in_day(end, start.date()) for start, end in spans.values()]
        self.first_hour = min([FIRST_HOUR, *(math.floor(s / 60) for s in starts)])
        self.last_hour = min(24, max([LAST_HOUR, *(math.ceil(e / 60) for e in ends)]))
        hours = max(1, self.last_hour - self.first_hour)

        self._hour_col_w = (
            max(fm_small.horizontalAdvance("00.00"), fm_small_bold.horizontalAdvance(self.week_text)) + 14
        )
        if width is None:
            width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        width = max(float(width or 0), self._min_width())
        self._laid_out_width = round(width)

        self._header_h = fm_bold.height() + fm_small.height() + 12
        self._grid_left = self.MARGIN + self._hour_col_w
        self._grid_right = width - self.MARGIN
        self._grid_top = self.MARGIN + self._header_h
        min_hour_h = max(44.0, 3 * fm_small.height() + 8)
        natural = self._grid_top + hours * min_hour_h + self.MARGIN
        self._hour_h = min_hour_h
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized) and self.height() > natural:
            self._hour_h = (self.height() - self._grid_top - self.MARGIN) / hours
        self._grid_bottom = self._grid_top + hours * self._hour_h
        self._height = natural

        day_w = (self._grid_right - self._grid_left) / len(self.days)
        self.day_rects, self.grid_rects, self.header_rects = {}, {}, {}
        for index, day in enumerate(self.days):
            left = self._grid_left + index * day_w
            w = self._grid_left + (index + 1) * day_w - left  # edges shared exactly by neighbours
            self.day_rects[day] = QRectF(left, self.MARGIN, w, self._grid_bottom - self.MARGIN)
            self.header_rects[day] = QRectF(left, self.MARGIN, w, self._header_h)
            self.grid_rects[day] = QRectF(left, self._grid_top, w, self._grid_bottom - self._grid_top)

        # A short meeting is drawn at least one line high; lanes follow what is drawn.
        min_minutes = (fm_small.height() + 5) / self._hour_h * 60
        by_day: dict[date, list[tuple[MeetingInfo, float, float]]] = defaultdict(list)
        for meeting in self.meetings:
            start, end = spans[meeting.id]
            day = start.date()
            start_min = self._minutes_in_day(start, day)
            end_min = min(24 * 60.0, max(self._minutes_in_day(end, day), start_min + min_minutes))
            by_day[day].append((meeting, start_min, end_min))
        badge = fm_small_bold.height()
        self._blocks, self.meeting_rects, self.badge_rects = [], {}, {}
        for day, items in by_day.items():
            column = self.grid_rects.get(day)
            if column is None:
                continue
            spans_of = {m.id: (s, e) for m, s, e in items}
            for meeting, lane, lanes in _lanes(items):
                start_min, end_min = spans_of[meeting.id]
                lane_w = (column.width() - 5) / lanes
                top = self.y_for_minutes(start_min) + 1
                height = max(8.0, self.y_for_minutes(end_min) - top - 1)
                rect = QRectF(
                    column.left() + 2 + lane * lane_w, top, lane_w - (2 if lanes > 1 else 0), height
                )
                badge_rect = None
                if meeting.held_without_minutes:
                    size = min(badge, rect.height() - 2, rect.width() - 4)
                    badge_rect = QRectF(rect.right() - size - 2, rect.top() + 1, size, size)
                    self.badge_rects[meeting.id] = badge_rect
                start, end = spans[meeting.id]
                self._blocks.append(_Block(meeting, day, start, end, rect, badge_rect))
                self.meeting_rects[meeting.id] = rect
        if self.selected_meeting_id not in self.meeting_rects:
            self.selected_meeting_id = None

        self.now_line_y = None
        now = self.now
        if now is not None and now.date() == self.today and now.date() in self.grid_rects:
            minutes = now.hour * 60 + now.minute
            if self.first_hour * 60 <= minutes <= self.last_hour * 60:
                self.now_line_y = self.y_for_minutes(minutes)
        if self._press is not None and self._dragging:
            self._update_ghost(self._press.pos)

    def _minutes_in_day(self, moment: datetime, day: date) -> float:
        """Minutes from the start of ``day`` (local wall clock), at most the day's end."""
        if moment.date() > day:
            return 24 * 60.0
        return moment.hour * 60 + moment.minute + moment.second / 60

    def _minutes_at_y(self, y: float) -> float:
        return (self.first_hour + (y - self._grid_top) / self._hour_h) * 60

    @staticmethod
    def _at(day: date, minutes: int) -> datetime:
        minutes = max(0, min(24 * 60 - 1, minutes))
        return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=LOCAL_TZ)

    def _clock_now(self) -> datetime | None:
        now = local_now()
        return now if now.date() == self.today else None

    def _tick(self) -> None:
        if self._auto_now:
            self.now = self._clock_now()
            self._relayout()
            self.update()

    def _plain_summary(self, meeting: MeetingInfo) -> str:
        start, end = _local_span(meeting)
        return f"{label(meeting.kind)}, {meeting.case_title}, {day_title(start.date())} {time_range_text(start, end)}"

    # -- tooltips ---------------------------------------------------------------------------

    @override
    def _tooltip_hit(self, pos: QPointF) -> tuple[str, QRectF] | None:
        for block in reversed(self._blocks):
            if block.badge is not None and block.badge.contains(pos):
                return no_minutes_text(), block.badge
            if block.rect.contains(pos):
                return meeting_tooltip(block.meeting), block.rect
        for day, rect in self.header_rects.items():
            if rect.contains(pos) and day in self.holidays:
                return html.escape(self.header_text(day)).replace("\n", "<br>"), rect
        return None

    # -- mouse ------------------------------------------------------------------------------

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        meeting_id = self.hit_test(pos)
        grab = 0.0
        if meeting_id is not None:
            block = next(b for b in self._blocks if b.meeting.id == meeting_id)
            grab = self._minutes_at_y(pos.y()) - self._minutes_in_day(block.start, block.day)
        self._press = _Press(QPointF(pos), meeting_id, grab)
        self._dragging = False
        self.select_meeting(meeting_id)
        event.accept()

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is None or press.meeting_id is None:
            super().mouseMoveEvent(event)
            return
        meeting = self._by_id.get(press.meeting_id)
        if meeting is None or meeting.status != MeetingStatus.PLANNED:
            return
        pos = event.position()
        if not self._dragging:
            if (pos - press.pos).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._update_ghost(pos)
        self.update()

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            super().mouseReleaseEvent(event)
            return
        if self._dragging:
            self._update_ghost(event.position(), press)
            new_start = self.ghost_start
            self._cancel_drag()
            meeting = self._by_id.get(press.meeting_id) if press.meeting_id is not None else None
            if meeting is not None and new_start is not None and new_start != meeting.starts_at:
                self.meeting_moved.emit(meeting.id, new_start)
            return
        if press.meeting_id is not None and self.hit_test(event.position()) == press.meeting_id:
            self.meeting_activated.emit(press.meeting_id)

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        pos = event.position()
        self._press = None  # the first click has opened the meeting already
        if self.hit_test(pos) is not None:
            return
        moment = self.time_at(pos)
        if moment is not None:
            minutes = moment.hour * 60 + moment.minute
            snapped = self._at(moment.date(), minutes - minutes % NEW_SNAP_MINUTES)
            self.slot_activated.emit(snapped)
            self.day_activated.emit(snapped.date())
            return
        day = self.day_at(pos)
        if day is not None:
            self.day_activated.emit(day)

    def _update_ghost(self, pos: QPointF, press: _Press | None = None) -> None:
        """Where the grabbed meeting would start if dropped at ``pos`` (15 minute steps)."""
        self.ghost_rect, self.ghost_start = None, None
        press = press or self._press
        if press is None or press.meeting_id is None:
            return
        block = next((b for b in self._blocks if b.meeting.id == press.meeting_id), None)
        day = next((d for d, r in self.grid_rects.items() if r.contains(pos)), None)
        if block is None or day is None:
            return
        duration = max(1.0, (block.end - block.start).total_seconds() / 60)
        wanted = self._minutes_at_y(pos.y()) - press.grab_minutes
        snapped = round(wanted / MOVE_SNAP_MINUTES) * MOVE_SNAP_MINUTES
        latest = 24 * 60 - math.ceil(duration / MOVE_SNAP_MINUTES) * MOVE_SNAP_MINUTES
        snapped = int(max(0, min(latest, snapped)))
        self.ghost_start = self._at(day, snapped)
        column = self.grid_rects[day]
        top = max(self._grid_top, self.y_for_minutes(snapped))
        bottom = min(self._grid_bottom, self.y_for_minutes(snapped + duration))
        self.ghost_rect = QRectF(column.left() + 2, top + 1, column.width() - 5, max(8.0, bottom - top - 2))

    def _cancel_drag(self) -> None:
        if self._dragging:
            self.unsetCursor()
        self._dragging = False
        self.ghost_rect, self.ghost_start = None, None
        self.update()

    # -- keyboard ---------------------------------------------------------------------------

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected_meeting_id is not None:
                self.meeting_activated.emit(self.selected_meeting_id)
        elif key == Qt.Key.Key_PageUp:
            self.navigate.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Home:
            self.navigate.emit(0)
        elif key == Qt.Key.Key_Escape and self._press is not None:
            self._press = None
            self._cancel_drag()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step(self, direction: int) -> bool:
        """Select the next (1) or previous (-1) meeting; False at either end."""
        order = self.ordered_meeting_ids()
        if not order:
            return False
        current = self.selected_meeting_id
        if current is None or current not in order:
            self.select_meeting(order[0] if direction > 0 else order[-1])
            return True
        index = order.index(current) + direction
        if not 0 <= index < len(order):
            return False
        self.select_meeting(order[index])
        return True

    @override
    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab walks through the meetings, then on to the next widget."""
        if self._step(1 if next else -1):
            return True
        self.select_meeting(None)
        return super().focusNextPrevChild(next)

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            order = self.ordered_meeting_ids()
            if order:
                backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
                self.select_meeting(order[-1] if backwards else order[0])
        self.update()

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- painting ---------------------------------------------------------------------------
