"""The calendar of meetings: a week by the hour and a month by the day, both painted by hand.

``WeekView`` shows Monday to Friday (Saturday and Sunday too when a meeting falls then) with
the hours 07–18, grown to fit earlier or later meetings; a planned meeting can be dragged to
another day and time. ``MonthView`` shows six weeks from the Monday on or before the first.
Both mark today and shade the Danish public holidays, which they take as a plain
``{date: name}`` dict (``danish_holidays`` makes one) so a caller or a test can pass its own.

As in the other canvases, all geometry is computed when the data or the size changes and
painting only draws it; the rectangles are public so the page and the tests can hit-test.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

from app.models.enums import MeetingKind, MeetingStatus
from app.services.common.clock import LOCAL_TZ, local_now, local_today, to_local
from app.services.meetings.meetings import MeetingInfo
from app.ui.common.canvas import ReflowCanvas
from app.ui.common.formatting import format_date, iso_week
from app.ui.common.labels import label
from app.ui.family.timeline_view import TODAY_BLUE, WARNING_RED, blend, elided, scaled_font

# Strings shared by both views are in the "CalendarViews" context.

# Calm colours that stay apart (no red: red means "look here").
KIND_COLOURS: dict[MeetingKind, str] = {
    MeetingKind.NETWORK: "#4e79a7",
    MeetingKind.FOLLOW_UP: "#59a14f",
    MeetingKind.STATUS: "#f28e2b",
    MeetingKind.START: "#b07aa1",
    MeetingKind.CLOSING: "#9c755f",
}
HOLIDAY_FILL = "#f7eee3"
HOLIDAY_TEXT = "#7a4a1e"
BLOCK_TEXT = "#1b1b1b"
BLOCK_MUTED = "#404040"

FIRST_HOUR = 7  # the week starts at 07.00 or earlier
LAST_HOUR = 18  # and ends at 18.00 or later
MOVE_SNAP_MINUTES = 15
NEW_SNAP_MINUTES = 30
MONTH_LINES = 3  # meetings listed in a day of the month; the rest are "+N more"

# -- shared helpers ---------------------------------------------------------------------------


def kind_colour(kind: MeetingKind) -> QColor:
    return QColor(KIND_COLOURS.get(kind, "#a39a96"))


def kind_fill(kind: MeetingKind) -> QColor:
    """A light fill that dark text stays readable on."""
    return blend(kind_colour(kind), "#ffffff", 0.62)


def clock_text(moment: datetime) -> str:
    """Danish style: 09.00."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def time_range_text(start: datetime, end: datetime) -> str:
    return f"{clock_text(start)}–{clock_text(end)}"


def day_title(day: date, short: bool = False) -> str:
    """The locale's weekday and the day: Danish "tirsdag 24.11."."""
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return f"{QLocale().dayName(day.isoweekday(), fmt)} {day.day}.{day.month}."


def no_minutes_text() -> str:
    return QCoreApplication.translate("CalendarViews", "Held, but no minutes yet")


def meeting_tooltip(meeting: MeetingInfo) -> str:
    """Kind, case, time, place and how many take part, as rich text."""
    start, end = to_local(meeting.starts_at), to_local(meeting.ends_at)
    kind = label(meeting.kind)
    if meeting.status == MeetingStatus.CANCELLED:
        kind += " – " + QCoreApplication.translate("CalendarViews", "Cancelled")
    elif meeting.status == MeetingStatus.HELD:
        kind += " – " + QCoreApplication.translate("CalendarViews", "Held")
    weekday = QLocale().dayName(start.isoweekday(), QLocale.FormatType.LongFormat)
    lines = [
        f"{meeting.case_number} · {meeting.case_title}",
        f"{weekday} {format_date(start.date())} {time_range_text(start, end)}",
    ]
    place, video = meeting.place.strip(), meeting.video_link.strip()
    if place:
        lines.append(QCoreApplication.translate("CalendarViews", "Place: %1").replace("%1", place))
    if video:
        lines.append(QCoreApplication.translate("CalendarViews", "Video: %1").replace("%1", video))
    count = str(len(meeting.participants))
    lines.append(QCoreApplication.translate("CalendarViews", "Participants: %1").replace("%1", count))
    if meeting.interpreter_needed:
        lines.append(QCoreApplication.translate("CalendarViews", "Interpreter needed"))
    parts = [f"<b>{html.escape(kind)}</b>", *(html.escape(line) for line in lines)]
    if meeting.held_without_minutes:
        parts.append(f"<span style='color:{WARNING_RED}'>{html.escape(no_minutes_text())}</span>")
    return "<br>".join(parts)


def _local_span(meeting: MeetingInfo) -> tuple[datetime, datetime]:
    start = to_local(meeting.starts_at)
    return start, max(start, to_local(meeting.ends_at))


def _lanes(items: Sequence[tuple[MeetingInfo, float, float]]) -> list[tuple[MeetingInfo, int, int]]:
    """Side-by-side lanes for meetings (with their start and end in hours) that overlap."""
    ordered = sorted(items, key=lambda item: (item[1], item[2], item[0].id))
    result: list[tuple[MeetingInfo, int, int]] = []
    cluster: list[tuple[MeetingInfo, int]] = []
    lane_ends: list[float] = []
    cluster_end: float | None = None
    for meeting, start, end in ordered:
        if cluster_end is not None and start >= cluster_end:
            result.extend((m, lane, len(lane_ends)) for m, lane in cluster)
            cluster, lane_ends, cluster_end = [], [], None
        lane = next((i for i, lane_end in enumerate(lane_ends) if lane_end <= start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        cluster.append((meeting, lane))
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    result.extend((m, lane, len(lane_ends)) for m, lane in cluster)
    return result


def _paint_badge(p: QPainter, rect: QRectF, font: QFont) -> None:
    """The small red "!" of a held meeting without minutes."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(WARNING_RED))
    p.drawEllipse(rect)
    p.setPen(QColor("#ffffff"))
    badge_font = QFont(font)
    badge_font.setBold(True)
    badge_font.setStrikeOut(False)
    p.setFont(badge_font)
    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "!")
    p.restore()


def _week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(slots=True)
class _Block:
    meeting: MeetingInfo
    day: date
    start: datetime  # local
    end: datetime
    rect: QRectF
    badge: QRectF | None


@dataclass(slots=True)
class _Press:
    pos: QPointF
    meeting_id: int | None
    grab_minutes: float = 0.0  # from the meeting's start to where it was grabbed


# -- the week ---------------------------------------------------------------------------------


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
        self.setAccessibleDescription(self._plain_summary(meeting) if meeting is not None else "")
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
            minutes = {m.id: (s, e) for m, s, e in items}
            for meeting, lane, lanes in _lanes(items):
                start_min, end_min = minutes[meeting.id]
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

    @override
    def _paint(self, p: QPainter, clip: QRectF) -> None:
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        _font, small, small_bold, bold = self._fonts()
        self._paint_grid(p, small, small_bold, bold)
        for block in self._blocks:
            if block.rect.intersects(clip):
                self._paint_block(p, block, small, small_bold)
        if self.ghost_rect is not None and self.ghost_start is not None and self._press is not None:
            meeting = self._by_id.get(self._press.meeting_id or -1)
            if meeting is not None:
                self._paint_ghost(p, meeting, small_bold)
        if self.hasFocus() and self.selected_meeting_id is None:
            # Keyboard focus with nothing selected: a frame round the grid.
            p.setPen(QPen(pal.highlight().color(), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(
                QRectF(
                    self._grid_left,
                    self._grid_top,
                    self._grid_right - self._grid_left,
                    self._grid_bottom - self._grid_top,
                ).adjusted(1, 1, -1, -1)
            )

    def _paint_grid(self, p: QPainter, small: QFont, small_bold: QFont, bold: QFont) -> None:
        pal = self.palette()
        fm_small, fm_bold = QFontMetricsF(small), QFontMetricsF(bold)
        text, muted = pal.text().color(), pal.placeholderText().color()
        base = pal.base().color()
        hour_line = blend(pal.mid().color(), base, 0.55)
        half_line = blend(pal.mid().color(), base, 0.8)
        day_line = pal.mid().color()
        today_blue = QColor(TODAY_BLUE)

        # Column backgrounds: weekend, holiday, today.
        for day, rect in self.day_rects.items():
            if day in self.holidays:
                p.fillRect(rect, QColor(HOLIDAY_FILL))
                hatch = QColor(HOLIDAY_TEXT)
                hatch.setAlpha(28)
                p.fillRect(self.grid_rects[day], QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            elif day.weekday() >= 5:
                p.fillRect(rect, pal.alternateBase())
            if day == self.today:
                p.fillRect(rect, blend(today_blue, base, 0.9))

        # Hours: a line each hour, a dotted one at the half hour, the hour at the left.
        p.setFont(small)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = round(self.y_for_minutes(hour * 60)) + 0.5
            p.setPen(QPen(hour_line, 1))
            p.drawLine(QPointF(self._grid_left, y), QPointF(self._grid_right, y))
            if hour < self.last_hour:
                p.setPen(QPen(half_line, 1, Qt.PenStyle.DotLine))
                half = y + self._hour_h / 2
                p.drawLine(QPointF(self._grid_left, half), QPointF(self._grid_right, half))
                p.setPen(muted)
                p.drawText(
                    QRectF(self.MARGIN, y + 2, self._hour_col_w - 8, fm_small.height()),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                    f"{hour % 24:02d}.00",
                )

        # The week number in the corner, above the hours.
        p.setFont(small_bold)
        p.setPen(text)
        p.drawText(
            QRectF(self.MARGIN, self.MARGIN + 4, self._hour_col_w - 6, QFontMetricsF(bold).height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.week_text,  # on the line of the day names
        )

        # Days: the line between them, the weekday and date, and a holiday's name.
        for day, rect in self.day_rects.items():
            p.setPen(QPen(day_line, 1))
            x = round(rect.left()) + 0.5
            p.drawLine(QPointF(x, self.MARGIN), QPointF(x, self._grid_bottom))
            header = self.header_rects[day]
            inner = header.adjusted(4, 4, -4, -4)
            title = day_title(day)
            if fm_bold.horizontalAdvance(title) > inner.width():
                title = day_title(day, short=True)
            if fm_bold.horizontalAdvance(title) > inner.width():
                title = f"{day.day}.{day.month}."
            is_today = day == self.today
            if is_today:
                p.fillRect(QRectF(header.left() + 1, header.top(), header.width() - 1, 3), today_blue)
            p.setFont(bold)
            p.setPen(today_blue if is_today else text)
            p.drawText(
                QRectF(inner.left(), inner.top(), inner.width(), fm_bold.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                elided(fm_bold, title, inner.width()),
            )
            holiday = self.holidays.get(day)
            if holiday:
                italic = QFont(small)
                italic.setItalic(True)
                p.setFont(italic)
                p.setPen(QColor(HOLIDAY_TEXT))
                p.drawText(
                    QRectF(
                        inner.left(), inner.top() + fm_bold.height() + 2, inner.width(), fm_small.height()
                    ),
                    int(Qt.AlignmentFlag.AlignCenter),
                    elided(QFontMetricsF(italic), holiday, inner.width()),
                )
        right = round(self._grid_right) - 0.5
        p.setPen(QPen(day_line, 1))
        p.drawLine(QPointF(right, self.MARGIN), QPointF(right, self._grid_bottom))
        top = round(self._grid_top) - 0.5
        p.drawLine(QPointF(self._grid_left, top), QPointF(self._grid_right, top))

        # Now: a line over today's column with a dot at its start.
        if self.now_line_y is not None and self.today in self.grid_rects:
            column = self.grid_rects[self.today]
            p.setPen(QPen(today_blue, 2))
            p.drawLine(QPointF(column.left(), self.now_line_y), QPointF(column.right(), self.now_line_y))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(today_blue)
            p.drawEllipse(QPointF(column.left() + 1, self.now_line_y), 4, 4)

    def _block_lines(
        self, block: _Block, fm: QFontMetricsF, fm_bold: QFontMetricsF, width: float, height: float
    ) -> list[tuple[str, bool]]:
        """The text of a block, (line, bold), as much as fits: kind, case title, time."""
        meeting = block.meeting
        kind = label(meeting.kind)
        times = time_range_text(block.start, block.end)
        line_h = fm.height()
        room = int(height // line_h)
        if room <= 0:
            return []
        if room == 1:
            return [(f"{clock_text(block.start)} {kind}", True)]
        if room == 2:
            return [(kind, True), (times, False)]
        lines: list[tuple[str, bool]] = [(kind, True)]
        title_lines = _wrap(meeting.case_title, fm, width, room - 2)
        lines.extend((line, False) for line in title_lines)
        lines.append((times, False))
        return lines

    def _paint_block(self, p: QPainter, block: _Block, small: QFont, small_bold: QFont) -> None:
        meeting, r = block.meeting, block.rect
        pal = self.palette()
        cancelled = meeting.status == MeetingStatus.CANCELLED
        colour = kind_colour(meeting.kind)
        p.save()
        if cancelled:
            fill = blend(kind_fill(meeting.kind), pal.base().color(), 0.65)
            pen = QPen(blend(colour, pal.base().color(), 0.4), 1, Qt.PenStyle.DashLine)
        else:
            fill = kind_fill(meeting.kind)
            pen = QPen(colour.darker(125), 1)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawRoundedRect(r, 3, 3)
        bar = QColor(colour)
        if cancelled:
            bar.setAlpha(90)
        p.fillRect(QRectF(r.left(), r.top(), min(4.0, r.width()), r.height()), bar)

        fonts = (QFont(small), QFont(small_bold))
        for f in fonts:
            f.setStrikeOut(cancelled)
        fm, fm_bold = QFontMetricsF(fonts[0]), QFontMetricsF(fonts[1])
        inner = r.adjusted(7, 2, -3, -1)
        badge_w = (block.badge.width() + 3) if block.badge is not None else 0.0
        y = inner.top()
        text_colour = QColor(BLOCK_TEXT) if not cancelled else pal.placeholderText().color()
        for index, (line, is_bold) in enumerate(
            self._block_lines(block, fm, fm_bold, inner.width(), inner.height())
        ):
            line_w = inner.width() - (badge_w if index == 0 else 0)
            f, metrics = (fonts[1], fm_bold) if is_bold else (fonts[0], fm)
            p.setFont(f)
            p.setPen(text_colour if is_bold or cancelled else QColor(BLOCK_MUTED))
            p.drawText(
                QRectF(inner.left(), y, line_w, fm.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(metrics, line, line_w),
            )
            y += fm.height()
        if block.badge is not None:
            _paint_badge(p, block.badge, small_bold)
        if meeting.id == self.selected_meeting_id:
            highlight = pal.highlight().color()
            p.setPen(QPen(highlight, 3 if self.hasFocus() else 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
        if self._dragging and self._press is not None and self._press.meeting_id == meeting.id:
            veil = QColor(pal.base().color())
            veil.setAlpha(140)
            p.fillRect(r, veil)
        p.restore()

    def _paint_ghost(self, p: QPainter, meeting: MeetingInfo, small_bold: QFont) -> None:
        rect, start = self.ghost_rect, self.ghost_start
        if rect is None or start is None:
            return
        duration = to_local(meeting.ends_at) - to_local(meeting.starts_at)
        colour = kind_colour(meeting.kind)
        fill = QColor(kind_fill(meeting.kind))
        fill.setAlpha(200)
        p.save()
        p.setPen(QPen(colour.darker(140), 1.5, Qt.PenStyle.DashLine))
        p.setBrush(fill)
        p.drawRoundedRect(rect, 3, 3)
        p.setFont(small_bold)
        p.setPen(QColor(BLOCK_TEXT))
        fm = QFontMetricsF(small_bold)
        text = time_range_text(start, start + duration)
        p.drawText(
            rect.adjusted(6, 2, -3, -1),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            elided(fm, text, rect.width() - 9),
        )
        p.restore()


def _wrap(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines; the last is elided when text is left."""
    if max_lines <= 0 or width < fm.averageCharWidth():
        return []
    words = text.split()
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words) and len(lines) < max_lines - 1:
        candidate = f"{current} {words[index]}" if current else words[index]
        if fm.horizontalAdvance(candidate) <= width:
            current, index = candidate, index + 1
        elif current:
            lines.append(current)
            current = ""
        else:
            break  # one word wider than the line: elided on the last line
    rest = " ".join([*([current] if current else []), *words[index:]])
    if rest:
        lines.append(elided(fm, rest, width) or rest[:1])
    return lines


# -- the month --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    meeting: MeetingInfo
    text: str
    rect: QRectF
    badge: QRectF | None


class MonthView(ReflowCanvas):
    """Six weeks around a month, a cell per day; feed it with ``show_month``."""

    meeting_activated = Signal(int)  # meeting id: clicked
    day_activated = Signal(object)  # date: clicked, or Enter on the selected day
    navigate = Signal(int)  # -1 / +1 month, 0 = the month of today

    MARGIN = 8.0
    MIN_CELL_W = 84.0
    WANTED_CELL_W = 130.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Month calendar"))
        today = local_today()
        self.year, self.month = today.year, today.month
        self.today = today
        self.meetings: list[MeetingInfo] = []
        self.holidays: dict[date, str] = {}
        self.selected_day: date = today
        self._chosen = False  # the user has chosen a day (else the first month shown selects today)
        self.first_day = _week_monday(today.replace(day=1))
        # Geometry, recomputed by _relayout (public for the page and the tests).
        self.day_rects: dict[date, QRectF] = {}
        self.meeting_rects: dict[int, QRectF] = {}  # id -> the rect of its line
        self.more_rects: dict[date, QRectF] = {}
        self.week_rects: dict[int, QRectF] = {}  # row -> the week number's cell
        self.week_numbers: list[int] = []
        self._lines: dict[date, list[_Line]] = {}
        self._more: dict[date, list[MeetingInfo]] = {}
        self._week_col_w = 30.0
        self._header_h = 24.0
        self._day_line_h = 18.0
        self._line_h = 16.0
        self._relayout()

    # -- public API -------------------------------------------------------------------------

    def show_month(
        self,
        year: int,
        month: int,
        meetings: Sequence[MeetingInfo],
        holidays: dict[date, str],
        today: date,
    ) -> None:
        self.year, self.month = year, month
        self.today = today
        first = date(year, month, 1)
        self.first_day = _week_monday(first)
        last = self.first_day + timedelta(days=42)
        self.meetings = [m for m in meetings if self.first_day <= to_local(m.starts_at).date() < last]
        self.holidays = dict(holidays)
        if not self._chosen or (self.selected_day.year, self.selected_day.month) != (year, month):
            self.selected_day = today if (today.year, today.month) == (year, month) else first
        self._relayout()
        self.updateGeometry()
        self.update()

    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(42)]

    def header_text(self, day: date) -> str:
        """The day's number and, on a holiday, its name below."""
        name = self.holidays.get(day)
        return str(day.day) + (f"\n{name}" if name else "")

    def line_text(self, meeting_id: int) -> str:
        """The shown line of a meeting: "09.00 Netværksmøde"."""
        return next(
            (line.text for lines in self._lines.values() for line in lines if line.meeting.id == meeting_id),
            "",
        )

    def more_text(self, day: date) -> str:
        hidden = len(self._more.get(day, ()))
        return self.tr("+%n more", "", hidden) if hidden else ""

    def hit_test(self, pos: QPointF) -> int | None:
        point = QPointF(pos)
        return next((mid for mid, r in self.meeting_rects.items() if r.contains(point)), None)

    def day_at(self, pos: QPointF) -> date | None:
        point = QPointF(pos)
        return next((d for d, r in self.day_rects.items() if r.contains(point)), None)

    def select_day(self, day: date) -> None:
        self._chosen = True
        if day != self.selected_day:
            self.selected_day = day
            self.setAccessibleDescription(self._day_summary(day))
            self.update()

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self._tooltip_hit(QPointF(pos))
        return "" if hit is None else hit[0]

    # -- size -------------------------------------------------------------------------------

    @override
    def sizeHint(self) -> QSize:
        return QSize(round(2 * self.MARGIN + self._week_col_w + 7 * self.WANTED_CELL_W), round(self._height))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(round(self._min_width()), round(self._height))

    def _min_width(self) -> float:
        return 2 * self.MARGIN + self._week_col_w + 7 * self.MIN_CELL_W

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self._relayout(event.size().width())  # the rows stretch with the height

    # -- layout -----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        font = self.font()
        return scaled_font(font, 0.85), scaled_font(font, 0.85, bold=True), scaled_font(font, 0.9, bold=True)

    def _relayout(self, width: float | None = None) -> None:
        small, small_bold, bold = self._fonts()
        fm_small, fm_small_bold, fm_bold = (
            QFontMetricsF(small),
            QFontMetricsF(small_bold),
            QFontMetricsF(bold),
        )
        self._week_col_w = (
            max(fm_small.horizontalAdvance("53"), fm_small_bold.horizontalAdvance(self.tr("Wk"))) + 12
        )
        if width is None:
            width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        width = max(float(width or 0), self._min_width())
        self._laid_out_width = round(width)

        self._header_h = fm_bold.height() + 10
        self._day_line_h = fm_small_bold.height() + 6
        self._line_h = fm_small.height() + 3
        min_row_h = self._day_line_h + (MONTH_LINES + 1) * self._line_h + 6
        top = self.MARGIN + self._header_h
        natural = top + 6 * min_row_h + self.MARGIN
        row_h = min_row_h
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized) and self.height() > natural:
            row_h = (self.height() - top - self.MARGIN) / 6
        self._height = natural

        left = self.MARGIN + self._week_col_w
        cell_w = (width - self.MARGIN - left) / 7
        by_day: dict[date, list[MeetingInfo]] = defaultdict(list)
        for meeting in self.meetings:
            by_day[to_local(meeting.starts_at).date()].append(meeting)

        self.day_rects, self.meeting_rects, self.more_rects, self.week_rects = {}, {}, {}, {}
        self.week_numbers, self._lines, self._more = [], {}, {}
        badge = fm_small_bold.height() - 2
        for index, day in enumerate(self.days()):
            row, column = divmod(index, 7)
            x, y = left + column * cell_w, top + row * row_h  # edges shared exactly by neighbours
            cell = QRectF(x, y, left + (column + 1) * cell_w - x, top + (row + 1) * row_h - y)
            self.day_rects[day] = cell
            if column == 0:
                self.week_numbers.append(iso_week(day))
                self.week_rects[row] = QRectF(self.MARGIN, cell.top(), self._week_col_w, row_h)
            todays = sorted(by_day.get(day, []), key=lambda m: (m.starts_at, m.ends_at, m.id))
            shown = todays if len(todays) <= MONTH_LINES else todays[:MONTH_LINES]
            y = cell.top() + self._day_line_h
            lines: list[_Line] = []
            for meeting in shown:
                rect = QRectF(cell.left() + 3, y, cell.width() - 6, self._line_h - 1)
                text = f"{clock_text(to_local(meeting.starts_at))} {label(meeting.kind)}"
                badge_rect = None
                if meeting.held_without_minutes:
                    badge_rect = QRectF(rect.right() - badge - 1, rect.center().y() - badge / 2, badge, badge)
                lines.append(_Line(meeting, text, rect, badge_rect))
                self.meeting_rects[meeting.id] = rect
                y += self._line_h
            self._lines[day] = lines
            if len(todays) > MONTH_LINES:
                self._more[day] = todays[MONTH_LINES:]
                self.more_rects[day] = QRectF(cell.left() + 3, y, cell.width() - 6, self._line_h - 1)

    def _day_summary(self, day: date) -> str:
        parts = [format_date(day)]
        if day in self.holidays:
            parts.append(self.holidays[day])
        parts.extend(line.text for line in self._lines.get(day, ()))
        more = self.more_text(day)
        if more:
            parts.append(more)
        return ", ".join(parts)

    # -- tooltips ---------------------------------------------------------------------------

    @override
    def _tooltip_hit(self, pos: QPointF) -> tuple[str, QRectF] | None:
        for lines in self._lines.values():
            for line in lines:
                if line.badge is not None and line.badge.contains(pos):
                    return no_minutes_text(), line.badge
                if line.rect.contains(pos):
                    return meeting_tooltip(line.meeting), line.rect
        for day, rect in self.more_rects.items():
            if rect.contains(pos):
                texts = [
                    f"{clock_text(to_local(m.starts_at))} {label(m.kind)} · {m.case_title}"
                    for m in self._more[day]
                ]
                return "<br>".join(html.escape(t) for t in texts), rect
        day = self.day_at(pos)
        if day is not None and day in self.holidays:
            return html.escape(self.holidays[day]), self.day_rects[day]
        return None

    # -- mouse and keyboard -----------------------------------------------------------------

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        pos = event.position()
        day = self.day_at(pos)
        if day is None:
            return
        self.select_day(day)
        meeting_id = self.hit_test(pos)
        if meeting_id is not None:
            self.meeting_activated.emit(meeting_id)
        else:
            self.day_activated.emit(day)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps:
            day = self.selected_day + timedelta(days=steps[Qt.Key(key)])
            self.select_day(day)
            shown = self.year * 12 + self.month
            wanted = day.year * 12 + day.month
            if wanted != shown:
                self.navigate.emit(1 if wanted > shown else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(self.selected_day)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = -1 if key == Qt.Key.Key_PageUp else 1
            self.select_day(_same_day_months_later(self.selected_day, step))
            self.navigate.emit(step)
        elif key == Qt.Key.Key_Home:
            self.select_day(self.today)
            self.navigate.emit(0)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- painting ---------------------------------------------------------------------------

    @override
    def _paint(self, p: QPainter, clip: QRectF) -> None:
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        small, small_bold, bold = self._fonts()
        fm_small, fm_small_bold, fm_bold = (
            QFontMetricsF(small),
            QFontMetricsF(small_bold),
            QFontMetricsF(bold),
        )
        text, muted = pal.text().color(), pal.placeholderText().color()
        base = pal.base().color()
        line_colour = blend(pal.mid().color(), base, 0.45)
        today_blue = QColor(TODAY_BLUE)
        dim = blend(pal.mid().color(), base, 0.82)

        # Weekday names over the columns, "Wk" over the week numbers.
        p.setFont(bold)
        p.setPen(text)
        for column in range(7):
            cell = self.day_rects[self.first_day + timedelta(days=column)]
            name = QLocale().dayName(column + 1, QLocale.FormatType.LongFormat)
            if fm_bold.horizontalAdvance(name) > cell.width() - 8:
                name = QLocale().dayName(column + 1, QLocale.FormatType.ShortFormat)
            p.drawText(
                QRectF(cell.left() + 4, self.MARGIN, cell.width() - 8, self._header_h),
                int(Qt.AlignmentFlag.AlignCenter),
                elided(fm_bold, name, cell.width() - 8),
            )
        p.setFont(small_bold)
        p.setPen(muted)
        p.drawText(
            QRectF(self.MARGIN, self.MARGIN, self._week_col_w - 4, self._header_h),
            int(Qt.AlignmentFlag.AlignCenter),
            elided(fm_small_bold, self.tr("Wk"), self._week_col_w - 4),
        )
        p.setFont(small)
        for row, rect in self.week_rects.items():
            p.drawText(
                QRectF(rect.left(), rect.top() + 3, rect.width() - 4, fm_small.height() + 2),
                int(Qt.AlignmentFlag.AlignCenter),
                str(self.week_numbers[row]),
            )

        # Cells: backgrounds, then lines, then the contents.
        for day, cell in self.day_rects.items():
            if not cell.intersects(clip):
                continue
            in_month = day.month == self.month
            if day in self.holidays:
                p.fillRect(cell, QColor(HOLIDAY_FILL))
            elif not in_month:
                p.fillRect(cell, dim)
            elif day.weekday() >= 5:
                p.fillRect(cell, pal.alternateBase())
            if day == self.today:
                p.fillRect(cell, blend(today_blue, base, 0.88))
        p.setPen(QPen(line_colour, 1))
        grid = QRectF(
            self.day_rects[self.first_day].topLeft(),
            self.day_rects[self.first_day + timedelta(days=41)].bottomRight(),
        )
        for row in range(7):
            y = round(grid.top() + row * grid.height() / 6) + 0.5
            p.drawLine(QPointF(self.MARGIN, y), QPointF(grid.right(), y))
        for column in range(8):
            x = round(grid.left() + column * grid.width() / 7) + 0.5
            p.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()))

        for day, cell in self.day_rects.items():
            if cell.intersects(clip):
                self._paint_cell(p, day, cell, (small, small_bold), (fm_small, fm_small_bold))

        selected = self.day_rects.get(self.selected_day)
        if selected is not None:
            p.setPen(QPen(pal.highlight().color(), 3 if self.hasFocus() else 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(selected.adjusted(1.5, 1.5, -1.5, -1.5))

    def _paint_cell(
        self,
        p: QPainter,
        day: date,
        cell: QRectF,
        fonts: tuple[QFont, QFont],
        metrics: tuple[QFontMetricsF, QFontMetricsF],
    ) -> None:
        small, small_bold = fonts
        fm_small, fm_small_bold = metrics
        pal = self.palette()
        in_month = day.month == self.month
        text = pal.text().color() if in_month else pal.placeholderText().color()
        number = str(day.day)
        if day.day == 1:  # the first of a month says which month
            number = f"{day.day}. {QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)}"
        number_h = self._day_line_h - 3
        number_w = max(number_h, fm_small_bold.horizontalAdvance(number) + 10)
        number_rect = QRectF(cell.left() + 3, cell.top() + 2, number_w, number_h)
        p.setFont(small_bold)
        if day == self.today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(TODAY_BLUE))
            p.drawRoundedRect(number_rect, number_rect.height() / 2, number_rect.height() / 2)
            p.setPen(QColor("#ffffff"))
        else:
            p.setPen(text)
        p.drawText(number_rect, int(Qt.AlignmentFlag.AlignCenter), number)
        holiday = self.holidays.get(day)
        if holiday:
            italic = QFont(small)
            italic.setItalic(True)
            p.setFont(italic)
            p.setPen(QColor(HOLIDAY_TEXT))
            room = QRectF(
                number_rect.right() + 4,
                number_rect.top(),
                cell.right() - number_rect.right() - 8,
                number_rect.height(),
            )
            p.drawText(
                room,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                elided(QFontMetricsF(italic), holiday, room.width()),
            )
        for line in self._lines.get(day, ()):
            self._paint_line(p, line, small, small_bold, fm_small, in_month)
        more = self.more_rects.get(day)
        if more is not None:
            p.setFont(small_bold)
            p.setPen(pal.placeholderText().color() if not in_month else pal.text().color())
            p.drawText(
                more.adjusted(6, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(fm_small_bold, self.more_text(day), more.width() - 6),
            )

    def _paint_line(
        self, p: QPainter, line: _Line, small: QFont, small_bold: QFont, fm: QFontMetricsF, in_month: bool
    ) -> None:
        meeting, r = line.meeting, line.rect
        cancelled = meeting.status == MeetingStatus.CANCELLED
        pal = self.palette()
        p.save()
        fill = kind_fill(meeting.kind)
        if cancelled or not in_month:
            fill = blend(fill, pal.base().color(), 0.6)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(r, 2, 2)
        bar = kind_colour(meeting.kind)
        if cancelled:
            bar.setAlpha(90)
        p.fillRect(QRectF(r.left(), r.top(), 3, r.height()), bar)
        font = QFont(small)
        font.setStrikeOut(cancelled)
        p.setFont(font)
        p.setPen(pal.placeholderText().color() if cancelled else QColor(BLOCK_TEXT))
        right_room = (line.badge.width() + 3) if line.badge is not None else 0.0
        text_rect = r.adjusted(6, 0, -2 - right_room, 0)
        p.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            elided(fm, line.text, text_rect.width()),
        )
        if line.badge is not None:
            _paint_badge(p, line.badge, small_bold)
        p.restore()


def _same_day_months_later(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = index // 12, index % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))
