"""The timeline's time axis as painted: years, months and ISO weeks above the chart, and the
line at today (the geometry is the timeline's, computed in ``TimelineView._relayout``)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.ui.common.colours import Tone, muted_text, tone
from app.ui.common.painting import add_months, blend, elided

if TYPE_CHECKING:
    from app.ui.family.timeline_view import TimelineView


def paint_axis(
    view: TimelineView,
    p: QPainter,
    fonts: tuple[QFont, QFont],
    metrics: tuple[QFontMetricsF, QFontMetricsF],
    text: QColor,
) -> None:
    """The year, the months and the ISO weeks above the chart, and a line under them."""
    font, small = fonts
    fm, fm_small = metrics
    pal = view.palette()
    locale = QLocale()
    tag_h, month_h, week_h = view._axis_rows
    month_top = view.MARGIN + tag_h
    week_top = month_top + month_h
    grid = blend(pal.mid().color(), pal.base().color(), 0.45)
    year_line = pal.mid().color()

    # Months: a line at each month's start, the name centred in its span.
    p.setFont(font)
    month = view.range_start
    while month < view.range_end:
        nxt = add_months(month, 1)
        x1, x2 = view._x(month), view._x(min(nxt, view.range_end))
        p.setPen(QPen(year_line if month.month == 1 else grid, 1))
        p.drawLine(QPointF(round(x1) + 0.5, month_top), QPointF(round(x1) + 0.5, view._chart_bottom))
        name = locale.standaloneMonthName(month.month, QLocale.FormatType.ShortFormat)
        if fm.horizontalAdvance(name) + 4 <= x2 - x1:
            p.setPen(text)
            p.drawText(QRectF(x1, month_top, x2 - x1, month_h), int(Qt.AlignmentFlag.AlignCenter), name)
        if month.month == 1 or month == view.range_start:
            # The year above its first month, left-aligned at the month line.
            p.setFont(small)
            p.setPen(muted_text(pal))
            p.drawText(
                QRectF(x1 + 3, view.MARGIN, 60, tag_h - 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(month.year),
            )
            p.setFont(font)
        month = nxt
    # ISO weeks: a tick at each Monday, numbers where there is room.
    p.setFont(small)
    p.setPen(muted_text(pal))
    p.drawText(
        QRectF(view.MARGIN + 4, week_top, view._header_w - 12, week_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        elided(fm_small, QCoreApplication.translate("TimelineView", "Week"), view._header_w - 12),
    )
    week_px = 7 * view._ppd
    need = fm_small.horizontalAdvance("53") + 6
    step = next((s for s in (1, 2, 4, 8) if s * week_px >= need), 0)
    monday = view.range_start + timedelta(days=(7 - view.range_start.weekday()) % 7)
    tick = blend(pal.mid().color(), pal.base().color(), 0.2)
    last_right = view._chart_left
    while monday < view.range_end:
        x = view._x(monday)
        p.setPen(QPen(tick, 1))
        p.drawLine(QPointF(round(x) + 0.5, week_top + week_h - 4), QPointF(round(x) + 0.5, week_top + week_h))
        number = monday.isocalendar().week
        text_w = fm_small.horizontalAdvance(str(number))
        box = QRectF(x + week_px / 2 - text_w / 2 - 2, week_top, text_w + 4, week_h - 3)
        # Every step-th week from week 1; week 53 would crowd out week 1 when not every week fits.
        wanted = step and (number - 1) % step == 0 and not (number == 53 and step > 1)
        if wanted and box.left() >= last_right + 2 and box.right() <= view._chart_right + view.ARROW_ROOM:
            p.setPen(muted_text(pal))
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(number))
            last_right = box.right()
        monday += timedelta(days=7)
    p.setPen(QPen(pal.mid().color(), 1))
    p.drawLine(
        QPointF(view.MARGIN, view._chart_top - 0.5),
        QPointF(view.width() - view.MARGIN, view._chart_top - 0.5),
    )


def paint_today(view: TimelineView, p: QPainter, small: QFont, fm_small: QFontMetricsF) -> None:
    """The line at today, and its tag at the top."""
    if not view.range_start <= view.today < view.range_end:
        return
    x = view.today_x
    base = view.palette().base().color()
    colour = tone(Tone.TODAY, base)  # dark blue on a light palette, light blue on a dark one
    p.setPen(QPen(colour, 2))
    tag_h = view._axis_rows[0]
    p.drawLine(QPointF(x, view.MARGIN + tag_h), QPointF(x, view._chart_bottom))
    text = QCoreApplication.translate("TimelineView", "Today")
    w = fm_small.horizontalAdvance(text) + 10
    left = min(max(x - w / 2, view._chart_left), view._chart_right + view.ARROW_ROOM - w)
    tag = QRectF(left, view.MARGIN, w, tag_h - 2)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(tag, 3, 3)
    p.setFont(small)
    p.setPen(base)
    p.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
