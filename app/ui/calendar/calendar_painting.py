"""What the calendar's week and month views share: the meetings' colours and texts, the
side-by-side lanes of overlapping meetings, and the painting of the week (``paint_week``,
which draws the geometry ``WeekView`` lays out)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from app.models.enums import MeetingKind, MeetingStatus
from app.services.common.clock import to_local
from app.services.meetings.meetings import MeetingInfo
from app.ui.common.colours import Cell, Tone, cell, muted_text, tone, tooltip_tone
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.common.painting import WARNING_RED, blend, elided

if TYPE_CHECKING:  # the view the painting is mixed into
    from app.ui.calendar.week_view import WeekView

# Strings shared by both views are in the "CalendarViews" context.

# Calm colours that stay apart (no red: red means "look here").
KIND_COLOURS: dict[MeetingKind, str] = {
    MeetingKind.NETWORK: "#4e79a7",
    MeetingKind.FOLLOW_UP: "#59a14f",
    MeetingKind.STATUS: "#f28e2b",
    MeetingKind.START: "#b07aa1",
    MeetingKind.CLOSING: "#9c755f",
}
BLOCK_TEXT = "#1b1b1b"
BLOCK_MUTED = "#404040"
CANCELLED_FADE = 0.75  # how far a cancelled meeting's fill goes towards the base (text: the palette's)

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
        red = tooltip_tone(Tone.ERROR)
        parts.append(f"<span style='color:{red}'>{html.escape(no_minutes_text())}</span>")
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


def wrap_text(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
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


# The week view's painting: the grid, the meetings' blocks and the ghost of a drag. It only
# draws what ``WeekView._relayout`` computed.


def paint_week(view: WeekView, p: QPainter, clip: QRectF) -> None:
    pal = view.palette()
    p.fillRect(view.rect(), pal.base())
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _font, small, small_bold, bold = view._fonts()
    _paint_grid(view, p, small, small_bold, bold)
    for block in view._blocks:
        if block.rect.intersects(clip):
            _paint_block(view, p, block, small, small_bold)
    if view.ghost_rect is not None and view.ghost_start is not None and view._press is not None:
        meeting = view._by_id.get(view._press.meeting_id or -1)
        if meeting is not None:
            _paint_ghost(view, p, meeting, small_bold)
    if view.hasFocus() and view.selected_meeting_id is None:
        # Keyboard focus with nothing selected: a frame round the grid.
        p.setPen(QPen(pal.highlight().color(), 1, Qt.PenStyle.DotLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(
            QRectF(
                view._grid_left,
                view._grid_top,
                view._grid_right - view._grid_left,
                view._grid_bottom - view._grid_top,
            ).adjusted(1, 1, -1, -1)
        )


def _paint_grid(view: WeekView, p: QPainter, small: QFont, small_bold: QFont, bold: QFont) -> None:
    pal = view.palette()
    fm_small, fm_bold = QFontMetricsF(small), QFontMetricsF(bold)
    text, muted = pal.text().color(), muted_text(pal)
    base = pal.base().color()
    hour_line = blend(pal.mid().color(), base, 0.55)
    half_line = blend(pal.mid().color(), base, 0.8)
    day_line = pal.mid().color()
    today_blue = tone(Tone.TODAY, base)
    holiday_fill, holiday_text = cell(Cell.HOLIDAY, base)

    # Column backgrounds: weekend, holiday, today.
    for day, rect in view.day_rects.items():
        if day in view.holidays:
            p.fillRect(rect, holiday_fill)
            hatch = QColor(holiday_text)
            hatch.setAlpha(28)
            p.fillRect(view.grid_rects[day], QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        elif day.weekday() >= 5:
            p.fillRect(rect, pal.alternateBase())
        if day == view.today:
            p.fillRect(rect, blend(today_blue, base, 0.9))

    # Hours: a line each hour, a dotted one at the half hour, the hour at the left.
    p.setFont(small)
    for hour in range(view.first_hour, view.last_hour + 1):
        y = round(view.y_for_minutes(hour * 60)) + 0.5
        p.setPen(QPen(hour_line, 1))
        p.drawLine(QPointF(view._grid_left, y), QPointF(view._grid_right, y))
        if hour < view.last_hour:
            p.setPen(QPen(half_line, 1, Qt.PenStyle.DotLine))
            half = y + view._hour_h / 2
            p.drawLine(QPointF(view._grid_left, half), QPointF(view._grid_right, half))
            p.setPen(muted)
            p.drawText(
                QRectF(view.MARGIN, y + 2, view._hour_col_w - 8, fm_small.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                f"{hour % 24:02d}.00",
            )

    # The week number in the corner, above the hours.
    p.setFont(small_bold)
    p.setPen(text)
    p.drawText(
        QRectF(view.MARGIN, view.MARGIN + 4, view._hour_col_w - 6, QFontMetricsF(bold).height()),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        view.week_text,  # on the line of the day names
    )

    # Days: the line between them, the weekday and date, and a holiday's name.
    for day, rect in view.day_rects.items():
        p.setPen(QPen(day_line, 1))
        x = round(rect.left()) + 0.5
        p.drawLine(QPointF(x, view.MARGIN), QPointF(x, view._grid_bottom))
        header = view.header_rects[day]
        inner = header.adjusted(4, 4, -4, -4)
        title = day_title(day)
        if fm_bold.horizontalAdvance(title) > inner.width():
            title = day_title(day, short=True)
        if fm_bold.horizontalAdvance(title) > inner.width():
            title = f"{day.day}.{day.month}."
        is_today = day == view.today
        if is_today:
            p.fillRect(QRectF(header.left() + 1, header.top(), header.width() - 1, 3), today_blue)
        p.setFont(bold)
        p.setPen(today_blue if is_today else text)
        p.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), fm_bold.height()),
            int(Qt.AlignmentFlag.AlignCenter),
            elided(fm_bold, title, inner.width()),
        )
        holiday = view.holidays.get(day)
        if holiday:
            italic = QFont(small)
            italic.setItalic(True)
            p.setFont(italic)
            p.setPen(holiday_text)
            p.drawText(
                QRectF(inner.left(), inner.top() + fm_bold.height() + 2, inner.width(), fm_small.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                elided(QFontMetricsF(italic), holiday, inner.width()),
            )
    right = round(view._grid_right) - 0.5
    p.setPen(QPen(day_line, 1))
    p.drawLine(QPointF(right, view.MARGIN), QPointF(right, view._grid_bottom))
    top = round(view._grid_top) - 0.5
    p.drawLine(QPointF(view._grid_left, top), QPointF(view._grid_right, top))

    # Now: a line over today's column with a dot at its start.
    if view.now_line_y is not None and view.today in view.grid_rects:
        column = view.grid_rects[view.today]
        p.setPen(QPen(today_blue, 2))
        p.drawLine(QPointF(column.left(), view.now_line_y), QPointF(column.right(), view.now_line_y))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(today_blue)
        p.drawEllipse(QPointF(column.left() + 1, view.now_line_y), 4, 4)


def _block_lines(
    view: WeekView, block: _Block, fm: QFontMetricsF, fm_bold: QFontMetricsF, width: float, height: float
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
    title_lines = wrap_text(meeting.case_title, fm, width, room - 2)
    lines.extend((line, False) for line in title_lines)
    lines.append((times, False))
    return lines


def _paint_block(view: WeekView, p: QPainter, block: _Block, small: QFont, small_bold: QFont) -> None:
    meeting, r = block.meeting, block.rect
    pal = view.palette()
    cancelled = meeting.status == MeetingStatus.CANCELLED
    colour = kind_colour(meeting.kind)
    p.save()
    if cancelled:
        fill = blend(kind_fill(meeting.kind), pal.base().color(), CANCELLED_FADE)
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
    # A cancelled meeting is struck through on a fill taken towards the base: the palette's text.
    text_colour = QColor(BLOCK_TEXT) if not cancelled else pal.text().color()
    for index, (line, is_bold) in enumerate(
        _block_lines(view, block, fm, fm_bold, inner.width(), inner.height())
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
    if meeting.id == view.selected_meeting_id:
        highlight = pal.highlight().color()
        p.setPen(QPen(highlight, 3 if view.hasFocus() else 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r.adjusted(1, 1, -1, -1), 3, 3)
    if view._dragging and view._press is not None and view._press.meeting_id == meeting.id:
        veil = QColor(pal.base().color())
        veil.setAlpha(140)
        p.fillRect(r, veil)
    p.restore()


def _paint_ghost(view: WeekView, p: QPainter, meeting: MeetingInfo, small_bold: QFont) -> None:
    rect, start = view.ghost_rect, view.ghost_start
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
