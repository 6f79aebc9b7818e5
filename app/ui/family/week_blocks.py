"""The week grid's blocks as painted: one weekly time slot in the rectangle the grid computed
for it (all geometry lives in ``WeekGrid._relayout``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from app.models.enums import InterventionStatus
from app.services.family.family_overview import InterventionInfo, SlotInfo
from app.ui.common.painting import (
    WARNING_RED,
    elided,
    paint_parent_icon,
    sector_colour,
    sector_fill,
    wrap_text,
)
from app.ui.family.week_texts import format_time


@dataclass(slots=True)
class Block:
    slot: SlotInfo
    info: InterventionInfo
    rect: QRectF


def paint_block(
    p: QPainter,
    block: Block,
    fonts: tuple[QFont, QFont],
    metrics: tuple[QFontMetricsF, QFontMetricsF],
    bands: Sequence[QRectF],
    collision_ring: QColor | None,
) -> None:
    """One weekly slot: the sector's light fill (hatched when planned), the title wrapped, the
    times, a parent's figure when one must be there, the collision ``bands`` in red and a red
    ``collision_ring`` round it."""
    font, small = fonts
    fm, fm_small = metrics
    r, info, slot = block.rect, block.info, block.slot
    base = sector_colour(info.sector)
    planned = info.status == InterventionStatus.PLANNED
    p.save()
    pen = QPen(base.darker(125), 1)
    if planned:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QColor("#ffffff") if planned else sector_fill(info.sector))
    p.drawRoundedRect(r, 3, 3)
    if planned:
        hatch = QColor(base)
        hatch.setAlpha(95)
        p.fillRect(r.adjusted(1, 1, -1, -1), QBrush(hatch, Qt.BrushStyle.BDiagPattern))
    p.fillRect(QRectF(r.left(), r.top(), min(3.0, r.width()), r.height()), base)
    red = QColor(WARNING_RED)
    for band in bands:
        p.fillRect(band, QColor(red.red(), red.green(), red.blue(), 40))
        p.fillRect(band, QBrush(QColor(red.red(), red.green(), red.blue(), 70), Qt.BrushStyle.BDiagPattern))

    icon = 12.0 if slot.needs_parent else 0.0
    if slot.needs_parent:
        paint_parent_icon(
            p, QPointF(r.right() - icon / 2 - 3, r.top() + icon / 2 + 3), icon, QColor("#303030")
        )
    inner = r.adjusted(6, 3, -4, -2)
    start, end = format_time(slot.start), format_time(slot.end)
    time_lines = [f"{start}–{end}"]
    if fm_small.horizontalAdvance(time_lines[0]) > inner.width():
        time_lines = [f"{start}–", end]  # a narrow column: the end time under the start
    title_room = int((inner.height() - len(time_lines) * fm_small.height()) // fm.height())
    if title_room < 1:
        time_lines = []
        title_room = 1 if inner.height() >= fm.height() - 2 else 0
    y = inner.top()
    p.setPen(QColor("#1b1b1b"))
    p.setFont(font)
    first_width = inner.width() - (icon + 2 if icon else 0)
    for line in wrap_text(info.title, fm, inner.width(), title_room, first_width):
        p.drawText(
            QRectF(inner.left(), y, inner.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            line,
        )
        y += fm.height()
    p.setFont(small)
    p.setPen(QColor("#404040"))
    for line in time_lines:
        p.drawText(
            QRectF(inner.left(), y, inner.width(), fm_small.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            elided(fm_small, line, inner.width()),
        )
        y += fm_small.height()
    if collision_ring is not None:
        p.setPen(QPen(collision_ring, 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
    p.restore()
