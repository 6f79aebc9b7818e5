"""The calendar's month by the day: six weeks from the Monday on or before the first, a few
meetings listed per day and "+N more" for the rest; today is marked and holidays shaded."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
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
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from app.models.enums import MeetingStatus
from app.services.common.clock import local_today, to_local
from app.services.meetings.meetings import MeetingInfo
from app.ui.calendar.calendar_painting import (
    BLOCK_TEXT,
    CANCELLED_FADE,
    MONTH_LINES,
    _paint_badge,
    _week_monday,
    clock_text,
    kind_colour,
    kind_fill,
    meeting_tooltip,
    no_minutes_text,
)
from app.ui.common import colours
from app.ui.common.canvas import ReflowCanvas
from app.ui.common.chosen_item import announce_description
from app.ui.common.colours import Cell, Tone, muted_text, tone
from app.ui.common.formatting import format_date, iso_week
from app.ui.common.labels import label
from app.ui.common.painting import blend, elided, scaled_font


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
            announce_description(self, self._day_summary(day))
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

    @override
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
        hovered = self.day_at(pos)
        if hovered is not None and hovered in self.holidays:
            return html.escape(self.holidays[hovered]), self.day_rects[hovered]
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
        text, muted = pal.text().color(), muted_text(pal)
        base = pal.base().color()
        line_colour = blend(pal.mid().color(), base, 0.45)
        today_blue = tone(Tone.TODAY, base)
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
                p.fillRect(cell, colours.cell(Cell.HOLIDAY, base)[0])
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
        text = pal.text().color() if in_month else muted_text(pal)
        number = str(day.day)
        if day.day == 1:  # the first of a month says which month
            number = f"{day.day}. {QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)}"
        number_h = self._day_line_h - 3
        number_w = max(number_h, fm_small_bold.horizontalAdvance(number) + 10)
        number_rect = QRectF(cell.left() + 3, cell.top() + 2, number_w, number_h)
        p.setFont(small_bold)
        if day == self.today:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(tone(Tone.TODAY, pal.base().color()))
            p.drawRoundedRect(number_rect, number_rect.height() / 2, number_rect.height() / 2)
            p.setPen(pal.base().color())  # white on dark blue, or dark on light blue
        else:
            p.setPen(text)
        p.drawText(number_rect, int(Qt.AlignmentFlag.AlignCenter), number)
        holiday = self.holidays.get(day)
        if holiday:
            italic = QFont(small)
            italic.setItalic(True)
            p.setFont(italic)
            p.setPen(colours.cell(Cell.HOLIDAY, pal.base().color())[1])
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
            p.setPen(muted_text(pal) if not in_month else pal.text().color())
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
            fill = blend(fill, pal.base().color(), CANCELLED_FADE)
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
        p.setPen(pal.text().color() if cancelled or not in_month else QColor(BLOCK_TEXT))
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
