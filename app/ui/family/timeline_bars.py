"""The timeline's bars and gaps as painted: one function per thing drawn, given the rectangle
the timeline computed for it (all geometry lives in ``TimelineView._relayout``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen, QPolygonF

from app.models.enums import InterventionStatus
from app.services.family.family_overview import InterventionInfo
from app.ui.common.painting import (
    BAR_TEXT,
    GAP_GREY,
    MUTED_TEXT,
    blend,
    elided,
    sector_colour,
    sector_fill,
)


@dataclass(slots=True)
class Bar:
    """One intervention's bar as laid out: where it is drawn and how its ends look."""

    info: InterventionInfo
    rect: QRectF
    clipped_left: bool  # started before the visible range
    open_ended: bool  # no end date: fades out at the right edge
    beyond: bool  # ends after the visible range


def paint_gap(
    p: QPainter, rect: QRectF, texts: tuple[str, str], small: QFont, fm_small: QFontMetricsF
) -> None:
    """A time without help: a hatched, dashed box with ``texts`` in the middle (the long one,
    "No help for 5 weeks", or the short one, "5 weeks", where the long one does not fit)."""
    p.save()
    p.setPen(QPen(QColor(GAP_GREY), 1, Qt.PenStyle.DashLine))
    p.setBrush(QColor(244, 244, 244, 220))
    p.drawRect(rect)
    p.fillRect(rect, QBrush(QColor(140, 140, 140, 150), Qt.BrushStyle.BDiagPattern))
    text, short = texts
    if fm_small.horizontalAdvance(text) > rect.width() - 10:
        text = elided(fm_small, short, rect.width() - 10)
    if text:
        w = fm_small.horizontalAdvance(text) + 8
        box = QRectF(
            rect.center().x() - w / 2,
            rect.center().y() - fm_small.height() / 2 - 1,
            w,
            fm_small.height() + 2,
        )
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(box, 2, 2)
        p.setFont(small)
        p.setPen(QColor("#404040"))
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    p.restore()


def paint_bar(
    p: QPainter,
    bar: Bar,
    fonts: tuple[QFont, QFont],
    metrics: tuple[QFontMetricsF, QFontMetricsF],
    overlap_ring: QColor | None,
) -> None:
    """One intervention's bar: the sector's colour (grey when ended, hatched when planned), an
    arrow where it goes on, the title and the law, and an ``overlap_ring`` (red) round it when
    it overlaps help of the same kind."""
    font, small = fonts
    fm, fm_small = metrics
    info, r = bar.info, bar.rect
    base = sector_colour(info.sector)
    status = info.status
    if status == InterventionStatus.ENDED:
        fill, border, text, accent = (
            QColor("#e6e6e6"),
            QColor("#9e9e9e"),
            QColor(MUTED_TEXT),
            blend(base, "#d0d0d0", 0.6),
        )
    elif status == InterventionStatus.PLANNED:
        fill, border, text, accent = QColor("#ffffff"), base.darker(125), QColor(BAR_TEXT), base
    else:
        fill, border, text, accent = (
            sector_fill(info.sector),
            base.darker(125),
            QColor(BAR_TEXT),
            base,
        )
    p.save()
    if bar.open_ended:
        fade = QLinearGradient(QPointF(max(r.left(), r.right() - 60), 0), QPointF(r.right(), 0))
        fade.setColorAt(0, fill)
        faded = QColor(fill)
        faded.setAlpha(0)
        fade.setColorAt(1, faded)
        brush = QBrush(fade)
        pen_fade = QLinearGradient(fade.start(), fade.finalStop())
        pen_fade.setColorAt(0, border)
        pen_fade.setColorAt(1, QColor(border.red(), border.green(), border.blue(), 40))
        pen = QPen(QBrush(pen_fade), 1)
    else:
        brush = QBrush(fill)
        pen = QPen(border, 1)
    if status == InterventionStatus.PLANNED:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(brush)
    p.drawRoundedRect(r, 3, 3)
    if status == InterventionStatus.PLANNED:
        hatch = QColor(base)
        hatch.setAlpha(95)
        p.fillRect(r.adjusted(1, 1, -1, -1), QBrush(hatch, Qt.BrushStyle.BDiagPattern))
    accent_w = min(4.0, r.width())
    p.fillRect(QRectF(r.left(), r.top(), accent_w, r.height()), accent)

    mid_y = r.center().y()
    if bar.open_ended or bar.beyond:
        arrow_colour = QColor(accent if status != InterventionStatus.ENDED else border)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(arrow_colour)
        tip = r.right() + 10
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(r.right() + 2, mid_y - 6),
                    QPointF(tip, mid_y),
                    QPointF(r.right() + 2, mid_y + 6),
                ]
            )
        )
    text_left = r.left() + accent_w + 5
    if bar.clipped_left:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(text)
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(text_left + 5, mid_y - 4),
                    QPointF(text_left, mid_y),
                    QPointF(text_left + 5, mid_y + 4),
                ]
            )
        )
        text_left += 9
    text_w = r.right() - text_left - 4
    if text_w > 12:
        p.setPen(text)
        p.setFont(font)
        p.drawText(
            QRectF(text_left, r.top() + 4, text_w, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            elided(fm, info.title, text_w),
        )
        if info.law_reference:
            p.setFont(small)
            p.setPen(text if status == InterventionStatus.ENDED else blend(text, fill, 0.25))
            p.drawText(
                QRectF(text_left, r.top() + 4 + fm.height() + 1, text_w, fm_small.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(fm_small, info.law_reference, text_w),
            )
    if overlap_ring is not None:
        p.setPen(QPen(overlap_ring, 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(r.adjusted(-1, -1, 1, 1), 3, 3)
    p.restore()
