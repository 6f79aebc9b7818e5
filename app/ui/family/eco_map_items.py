"""The eco-map's look: the sector colours (Okabe–Ito, kept apart from the other views' calm
palette so the picture prints well in colour and in grey), the fonts, and ``NodeItem``, the box
with lines of text each person and professional is drawn as."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from typing_extensions import override

from app.models.enums import Sector

# Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), used as light
# fills with a stronger border, so the picture prints well in colour and in grey.
SECTOR_COLOURS: dict[Sector, str] = {
    Sector.SOCIAL_CHILDREN: "#E69F00",  # orange
    Sector.SOCIAL_ADULTS: "#CC79A7",  # reddish purple
    Sector.EMPLOYMENT: "#0072B2",  # blue
    Sector.HEALTH: "#009E73",  # bluish green
    Sector.EDUCATION: "#56B4E9",  # sky blue
    Sector.DAYCARE: "#D9C200",  # yellow, darkened to show on white
    Sector.YOUTH: "#D55E00",  # vermillion
    Sector.ELDERLY: "#8C6BB1",  # violet
    Sector.OTHER: "#8A8A8A",  # grey
}
INK = QColor("#1F2933")
MUTED_INK = QColor("#52606D")


def sector_colour(sector: Sector) -> QColor:
    return QColor(SECTOR_COLOURS.get(sector, SECTOR_COLOURS[Sector.OTHER]))


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * amount,
        colour.greenF() + (other.greenF() - colour.greenF()) * amount,
        colour.blueF() + (other.blueF() - colour.blueF()) * amount,
    )


def tint(colour: QColor, amount: float) -> QColor:
    return mix(colour, QColor(Qt.GlobalColor.white), amount)


def shade(colour: QColor, amount: float) -> QColor:
    return mix(colour, QColor(Qt.GlobalColor.black), amount)


def pixel_font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Break ``text`` at spaces into at most ``max_lines`` lines; the last one is elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines.append(" ".join(words))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]


class NodeItem(QGraphicsItem):
    """A box (rounded rectangle or ellipse) with one or more lines of text."""

    def __init__(
        self,
        rect: QRectF,
        *,
        fill: QColor,
        border: QColor,
        lines: Sequence[tuple[str, QFont, QColor]],
        ellipse: bool = False,
        accent: QColor | None = None,
        align_left: bool = False,
        border_width: float = 1.5,
    ) -> None:
        super().__init__()
        self._rect = rect
        self._fill = fill
        self._border = border
        self._ellipse = ellipse
        self._accent = accent
        self._align_left = align_left
        self._border_width = border_width
        self._lines = list(lines)
        self.texts: list[str] = [text for text, _, _ in self._lines]

    @override
    def boundingRect(self) -> QRectF:
        half = self._border_width / 2 + 1
        return self._rect.adjusted(-half, -half, half, half)

    def _outline(self) -> QPainterPath:
        path = QPainterPath()
        if self._ellipse:
            path.addEllipse(self._rect)
        else:
            path.addRoundedRect(self._rect, 8.0, 8.0)
        return path

    @override
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        outline = self._outline()
        painter.setPen(QPen(self._border, self._border_width))
        painter.setBrush(QBrush(self._fill))
        painter.drawPath(outline)
        text_left = self._rect.left() + 12
        if self._accent is not None:
            strip = QPainterPath()
            strip.addRect(QRectF(self._rect.left(), self._rect.top(), 7.0, self._rect.height()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(self._accent))
            painter.drawPath(outline.intersected(strip))
            text_left += 6
        heights = [QFontMetricsF(font).height() for _, font, _ in self._lines]
        y = self._rect.center().y() - sum(heights) / 2
        for (text, font, colour), height in zip(self._lines, heights, strict=True):
            painter.setFont(font)
            painter.setPen(colour)
            if self._align_left:
                box = QRectF(text_left, y, self._rect.right() - 10 - text_left, height)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                box = QRectF(self._rect.left() + 8, y, self._rect.width() - 16, height)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            y += height
