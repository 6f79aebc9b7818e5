"""Painting helpers shared by the hand-painted views (timeline, week grid, calendar, eco-map,
score chart): colours, blending, fonts, legends, eliding text and month arithmetic."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from app.models.enums import Sector

# -- shared look ------------------------------------------------------------------------------

# Calm colours that stay apart on screen and on paper (no red: red means "look here").
SECTOR_COLOURS: dict[Sector, str] = {
    Sector.SOCIAL_CHILDREN: "#4e79a7",
    Sector.SOCIAL_ADULTS: "#9c755f",
    Sector.EMPLOYMENT: "#f28e2b",
    Sector.HEALTH: "#59a14f",
    Sector.EDUCATION: "#d4b12f",
    Sector.DAYCARE: "#b07aa1",
    Sector.YOUTH: "#5fa8a3",
    Sector.ELDERLY: "#e58a96",
    Sector.OTHER: "#a39a96",
}
WARNING_RED = "#c0392b"
TODAY_BLUE = "#1d4e89"
BAR_TEXT = "#1b1b1b"
MUTED_TEXT = "#616161"
GAP_GREY = "#8c8c8c"


def sector_colour(sector: Sector) -> QColor:
    return QColor(SECTOR_COLOURS.get(sector, SECTOR_COLOURS[Sector.OTHER]))


def blend(colour: QColor, other: QColor | str, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    target = QColor(other)
    return QColor(
        round(colour.red() + (target.red() - colour.red()) * amount),
        round(colour.green() + (target.green() - colour.green()) * amount),
        round(colour.blue() + (target.blue() - colour.blue()) * amount),
    )


def sector_fill(sector: Sector) -> QColor:
    """A light fill that dark text stays readable on."""
    return blend(sector_colour(sector), "#ffffff", 0.6)


def scaled_font(font: QFont, factor: float, bold: bool = False) -> QFont:
    result = QFont(font)
    if result.pointSizeF() > 0:
        result.setPointSizeF(max(6.0, result.pointSizeF() * factor))
    elif result.pixelSize() > 0:
        result.setPixelSize(max(8, round(result.pixelSize() * factor)))
    result.setBold(bold)
    return result


class Swatch(Enum):
    SECTOR = "sector"
    PLANNED = "planned"
    ENDED = "ended"
    OVERLAP = "overlap"
    GAP = "gap"
    NEEDS_PARENT = "needs_parent"
    COLLISION = "collision"


@dataclass(frozen=True, slots=True)
class LegendEntry:
    text: str
    swatch: Swatch
    sector: Sector = Sector.OTHER


SWATCH_W, SWATCH_H = 22.0, 12.0


def layout_legend(
    entries: Sequence[LegendEntry], fm: QFontMetricsF, left: float, top: float, width: float
) -> tuple[list[tuple[LegendEntry, QRectF]], float]:
    """Flow the entries into lines within ``width``; returns each entry's box and the height used."""
    placed: list[tuple[LegendEntry, QRectF]] = []
    line_h = max(fm.height(), SWATCH_H) + 4
    x, y = left, top
    for entry in entries:
        w = SWATCH_W + 6 + fm.horizontalAdvance(entry.text)
        if x > left and x + w > left + width:
            x, y = left, y + line_h
        placed.append((entry, QRectF(x, y, w, line_h)))
        x += w + 18
    return placed, (y + line_h - top) if placed else 0.0


def paint_swatch(painter: QPainter, rect: QRectF, entry: LegendEntry) -> None:
    painter.save()
    if entry.swatch is Swatch.SECTOR:
        painter.setPen(QPen(sector_colour(entry.sector).darker(125), 1))
        painter.setBrush(sector_fill(entry.sector))
        painter.drawRect(rect)
        painter.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), sector_colour(entry.sector))
    elif entry.swatch is Swatch.PLANNED:
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(QColor("#707070"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(rect)
        painter.fillRect(rect, QBrush(QColor(112, 112, 112, 110), Qt.BrushStyle.BDiagPattern))
    elif entry.swatch is Swatch.ENDED:
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.setBrush(QColor("#e6e6e6"))
        painter.drawRect(rect)
    elif entry.swatch in (Swatch.OVERLAP, Swatch.COLLISION):
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(QColor(WARNING_RED), 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.fillRect(
            rect.adjusted(2, 2, -2, -2), QBrush(QColor(WARNING_RED), Qt.BrushStyle.DiagCrossPattern)
        )
    elif entry.swatch is Swatch.GAP:
        painter.setPen(QPen(QColor(GAP_GREY), 1, Qt.PenStyle.DashLine))
        painter.setBrush(QColor("#f4f4f4"))
        painter.drawRect(rect)
        painter.fillRect(rect, QBrush(QColor(GAP_GREY), Qt.BrushStyle.BDiagPattern))
    elif entry.swatch is Swatch.NEEDS_PARENT:
        paint_parent_icon(painter, rect.center(), rect.height(), QColor("#404040"))
    painter.restore()


def paint_legend(
    painter: QPainter, placed: Iterable[tuple[LegendEntry, QRectF]], fm: QFontMetricsF, text: QColor
) -> None:
    for entry, box in placed:
        swatch = QRectF(box.left(), box.center().y() - SWATCH_H / 2, SWATCH_W, SWATCH_H)
        paint_swatch(painter, swatch, entry)
        painter.setPen(text)
        painter.drawText(
            QRectF(swatch.right() + 6, box.top(), box.width() - SWATCH_W - 6, box.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            entry.text,
        )


def paint_parent_icon(painter: QPainter, centre: QPointF, size: float, colour: QColor) -> None:
    """A small figure (head and shoulders): a parent must be there."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    head = size * 0.3
    painter.drawEllipse(QPointF(centre.x(), centre.y() - size * 0.2), head / 2 + 0.5, head / 2 + 0.5)
    body = QRectF(centre.x() - size * 0.32, centre.y() + size * 0.02, size * 0.64, size * 0.6)
    painter.drawPie(body, 0, 180 * 16)
    painter.restore()


def fill_placeholders(template: str, *args: str) -> str:
    """Qt-style ``%1``…``%9`` placeholders, replaced in one pass (a title may itself contain "%2")."""

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if index < len(args) else match.group(0)

    return re.sub(r"%([1-9])", one, template)


def elided(fm: QFontMetricsF, text: str, width: float) -> str:
    if width <= fm.averageCharWidth():
        return ""
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)


def wrap_text(
    text: str, fm: QFontMetricsF, width: float, max_lines: int, first_width: float | None = None
) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines (the first ``first_width`` wide, if
    given). A word wider than a line is broken; the last line is elided when text is left."""

    def room(line: int) -> float:
        return first_width if line == 0 and first_width is not None else width

    if max_lines <= 0 or min(width, room(0)) < fm.averageCharWidth():
        return []
    words = text.split()
    lines: list[str] = []
    current = ""
    index = 0
    while index < len(words) and len(lines) < max_lines - 1:
        line_w = room(len(lines))
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= line_w:
            current, index = candidate, index + 1
        elif current:
            lines.append(current)
            current = ""
        else:  # one word wider than the line: break it where it stops fitting
            cut = next(
                (k for k in range(len(word) - 1, 0, -1) if fm.horizontalAdvance(word[:k]) <= line_w), 1
            )
            lines.append(word[:cut])
            words[index] = word[cut:]
    rest = " ".join([*([current] if current else []), *words[index:]])
    if rest:
        lines.append(elided(fm, rest, room(len(lines))) or rest[:1])
    return lines


# -- dates ------------------------------------------------------------------------------------


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)
