"""A small trend chart of a goal's progression scores (0–10): the family's own and the professionals'.

The two series differ in colour (Okabe–Ito blue and vermilion, safe for colour-blind eyes,
lighter on a dark palette)
and in shape too (a solid line with filled circles; a dashed line with open squares), so the
chart also reads in grey print. Geometry is computed when the data or the size changes
(``_relayout``); painting only draws it. ``chart_points`` is the pure mapping from scores to
the plot area.
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget
from typing_extensions import override

from app.services.plan.plan_document import ScorePoint
from app.ui.common import colours
from app.ui.common.chosen_item import ChosenItem
from app.ui.common.colours import Series, muted_text
from app.ui.common.formatting import format_date
from app.ui.common.list_alternative import ListRow
from app.ui.common.painting import elided, fill_placeholders, scaled_font

SCORE_MAX = 10
MARKER_RADIUS = 3.5
HIT_RADIUS = 9.0  # how near the mouse must be for a point's tooltip


def _ordered(points: Sequence[ScorePoint]) -> list[ScorePoint]:
    return sorted(points, key=lambda p: p.scored_on)  # stable: same-day scores keep their order


def _x_of(day: date, first: date, last: date, rect: QRectF) -> float:
    span = (last - first).days
    if span <= 0:
        return rect.center().x()
    return rect.left() + (day - first).days / span * rect.width()


def _y_of(score: int, rect: QRectF) -> float:
    clamped = min(max(score, 0), SCORE_MAX)
    return rect.bottom() - clamped / SCORE_MAX * rect.height()


def _mapped(
    points: Sequence[ScorePoint], rect: QRectF
) -> tuple[list[tuple[QPointF, ScorePoint]], list[tuple[QPointF, ScorePoint]]]:
    ordered = _ordered(points)
    if not ordered:
        return [], []
    first, last = ordered[0].scored_on, ordered[-1].scored_on
    family: list[tuple[QPointF, ScorePoint]] = []
    professional: list[tuple[QPointF, ScorePoint]] = []
    for point in ordered:
        x = _x_of(point.scored_on, first, last, rect)
        if point.family_score is not None:
            family.append((QPointF(x, _y_of(point.family_score, rect)), point))
        if point.professional_score is not None:
            professional.append((QPointF(x, _y_of(point.professional_score, rect)), point))
    return family, professional


def chart_points(points: Sequence[ScorePoint], rect: QRectF) -> tuple[list[QPointF], list[QPointF]]:
    """The family's and the professionals' scores as points in ``rect``, in date order.

    The first date is at the left edge, the last at the right (one date alone: the middle);
    score 0 is at the bottom and 10 at the top. A missing (None) score gives no point.
    """
    family, professional = _mapped(points, rect)
    return [p for p, _ in family], [p for p, _ in professional]


def axis_dates(first: date, last: date, count: int) -> list[date]:
    """Up to ``count`` dates spread evenly from ``first`` to ``last``, both included, no repeats."""
    span = (last - first).days
    if span <= 0 or count < 2:
        return [first]
    count = min(count, span + 1)
    days = sorted({round(span * i / (count - 1)) for i in range(count)})
    return [first + timedelta(days=d) for d in days]


def _score_text(score: int | None) -> str:
    return "–" if score is None else str(score)


def _score_sort(score: int | None) -> int:
    return -1 if score is None else score


def short_date(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}."


class ScoreChart(QWidget):
    """A goal's progression scores over time; feed it with ``set_scores``.

    The arrow keys move from date to date (``choice``); the chosen date's scores are the
    widget's accessible description. ``table_rows`` are the same scores as rows.
    """

    content_changed = Signal()  # new scores: the table alternative refills

    MARGIN = 6.0
    X_PAD = 10.0  # keeps the first and last points off the axis lines

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreChart")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.points: tuple[ScorePoint, ...] = ()
        self.title = ""
        # Geometry, recomputed by _relayout (public for tests and hit-tests).
        self.family_points: list[QPointF] = []
        self.professional_points: list[QPointF] = []
        self.plot_rect = QRectF()
        self._hits: list[tuple[QPointF, ScorePoint]] = []
        self._x_labels: list[tuple[str, float]] = []
        self._legend_rects: list[tuple[str, str, QRectF]] = []  # (series, text, box)
        self._title_rect = QRectF()
        self._laid_out: tuple[int, int] = (-1, -1)
        self.point_rects: list[QRectF] = []  # by index in date order: round the day's markers
        self.setAccessibleName(self.tr("Progression scores over time"))
        self.choice = ChosenItem(self)
        self._relayout()
        self.choice.describe()

    # -- public API -------------------------------------------------------------------------

    def set_scores(self, points: Sequence[ScorePoint], title: str = "") -> None:
        self.points = tuple(points)
        self.title = title
        self._relayout()
        self.update()
        self.choice.refresh()
        self.content_changed.emit()

    def clear(self) -> None:
        self.set_scores(())

    @property
    def is_empty(self) -> bool:
        return not any(p.family_score is not None or p.professional_score is not None for p in self.points)

    def legend_texts(self) -> tuple[str, str]:
        return self.tr("The family"), self.tr("Professionals")

    def point_at(self, pos: QPointF) -> ScorePoint | None:
        """The score nearest ``pos`` within a few pixels, or None."""
        best: tuple[float, ScorePoint] | None = None
        for point, score in self._hits:
            dx, dy = point.x() - pos.x(), point.y() - pos.y()
            distance = (dx * dx + dy * dy) ** 0.5
            if distance <= HIT_RADIUS and (best is None or distance < best[0]):
                best = (distance, score)
        return best[1] if best else None

    # -- the keyboard path and the table ---------------------------------------------------

    def ordered_points(self) -> list[ScorePoint]:
        """The scores drawn, in date order (a date without either score is not drawn)."""
        return [
            p for p in _ordered(self.points) if p.family_score is not None or p.professional_score is not None
        ]

    def item_keys(self) -> list[Hashable]:
        return list(range(len(self.ordered_points())))

    def item_rect(self, key: Hashable) -> QRectF | None:
        return self.point_rects[key] if isinstance(key, int) and 0 <= key < len(self.point_rects) else None

    def key_at(self, pos: QPointF) -> Hashable | None:
        point = self.point_at(pos)
        ordered = self.ordered_points()
        return next((i for i, p in enumerate(ordered) if p is point), None)

    def item_summary(self, key: Hashable) -> str:
        """ "Goal: the family 6, professionals 5, 12.11.2026" (and the note)."""
        ordered = self.ordered_points()
        if not isinstance(key, int) or not 0 <= key < len(ordered):
            return ""
        point = ordered[key]
        text = fill_placeholders(
            self.tr("%1: the family %2, professionals %3, %4"),
            self.title or self.tr("Scores"),
            _score_text(point.family_score),
            _score_text(point.professional_score),
            format_date(point.scored_on),
        )
        return f"{text}. {point.note.strip()}" if point.note.strip() else text

    def idle_summary(self) -> str:
        return self.tr("The arrow keys move from score to score. The table shows the same.")

    def table_rows(self) -> list[ListRow]:
        """One row per date drawn: date, goal, the family's score, the professionals', the note."""
        rows = []
        for index, point in enumerate(self.ordered_points()):
            texts = (
                format_date(point.scored_on),
                self.title,
                _score_text(point.family_score),
                _score_text(point.professional_score),
                point.note.strip(),
            )
            sort_keys = (
                (point.scored_on, index),
                None,
                _score_sort(point.family_score),
                _score_sort(point.professional_score),
            )
            rows.append(ListRow(index, texts, sort_keys))
        return rows

    def tooltip_at(self, pos: QPointF) -> str:
        point = self.point_at(pos)
        return "" if point is None else self.tooltip_text(point)

    def tooltip_text(self, point: ScorePoint) -> str:
        family_text, pro_text = self.legend_texts()

        def score(value: int | None) -> str:
            return "–" if value is None else str(value)

        lines = [
            f"<b>{html.escape(format_date(point.scored_on))}</b>",
            f"{html.escape(family_text)}: {score(point.family_score)}",
            f"{html.escape(pro_text)}: {score(point.professional_score)}",
        ]
        if point.note.strip():
            lines.append(f"<i>{html.escape(point.note.strip())}</i>".replace("\n", "<br>"))
        return "<br>".join(lines)

    # -- size -------------------------------------------------------------------------------

    @override
    def sizeHint(self) -> QSize:
        return QSize(320, 160)

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    # -- layout -----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont]:
        return scaled_font(self.font(), 0.85), scaled_font(self.font(), 0.95, bold=True)

    def _relayout(self) -> None:
        small, bold = self._fonts()
        fm_small, fm_bold = QFontMetricsF(small), QFontMetricsF(bold)
        width = float(max(self.width(), 1))
        height = float(max(self.height(), 1))
        self._laid_out = (self.width(), self.height())
        m = self.MARGIN
        top = m
        self._title_rect = QRectF()
        if self.title:
            self._title_rect = QRectF(m, top, width - 2 * m, fm_bold.height())
        # The legend sits right of the title when there is room, else on a line of its own.
        swatch_w = 22.0
        texts = self.legend_texts()
        widths = [swatch_w + 4 + fm_small.horizontalAdvance(t) for t in texts]
        legend_w = sum(widths) + 12
        line_h = max(fm_small.height(), fm_bold.height() if self.title else 0.0)
        title_w = fm_bold.horizontalAdvance(self.title) if self.title else 0.0
        if self.title and title_w + 16 + legend_w > width - 2 * m:
            top += fm_bold.height() + 2
            self._title_rect.setWidth(width - 2 * m)
        elif self.title:
            self._title_rect.setWidth(max(0.0, width - 2 * m - legend_w - 16))
        x = max(m, width - m - legend_w)
        self._legend_rects = []
        for series, text, w in zip(("family", "professional"), texts, widths, strict=True):
            self._legend_rects.append((series, text, QRectF(x, top, w, line_h)))
            x += w + 12
        top += line_h + 6

        y_label_w = fm_small.horizontalAdvance("10") + 6
        bottom = height - m - fm_small.height() - 2
        self.plot_rect = QRectF(m + y_label_w, top + MARKER_RADIUS, width - 2 * m - y_label_w, 0.0)
        self.plot_rect.setBottom(max(self.plot_rect.top() + 10, bottom - MARKER_RADIUS))
        inner = self.plot_rect.adjusted(self.X_PAD, 0, -self.X_PAD, 0)

        family, professional = _mapped(self.points, inner)
        self.family_points = [p for p, _ in family]
        self.professional_points = [p for p, _ in professional]
        self._hits = family + professional
        self.point_rects = []
        r = MARKER_RADIUS + 1
        for point in self.ordered_points():
            marks = [QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r) for at, p in self._hits if p is point]
            box = marks[0]
            for mark in marks[1:]:
                box = box.united(mark)
            self.point_rects.append(box)

        self._x_labels = []
        ordered = _ordered(self.points)
        if ordered and not self.is_empty:
            first, last = ordered[0].scored_on, ordered[-1].scored_on
            label_w = fm_small.horizontalAdvance("00.00.") + 14
            count = max(2, min(5, int(inner.width() // label_w)))
            for day in axis_dates(first, last, count):
                self._x_labels.append((short_date(day), _x_of(day, first, last, inner)))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = self.point_at(QPointF(event.pos()))
            if point is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.tooltip_text(point), self)
            return True
        return super().event(event)

    # -- painting ---------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._laid_out != (self.width(), self.height()):
            self._relayout()
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, p: QPainter) -> None:
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        small, bold = self._fonts()
        fm_small, fm_bold = QFontMetricsF(small), QFontMetricsF(bold)
        if self.title:
            p.setFont(bold)
            p.setPen(pal.text().color())
            p.drawText(
                self._title_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(fm_bold, self.title, self._title_rect.width()),
            )
        if self.is_empty:
            p.setFont(self.font())
            p.setPen(muted_text(pal))
            area = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
            if self.title:
                area.setTop(self._title_rect.bottom())
            p.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.tr("No scores yet."))
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_grid(p, small, fm_small)
        self._paint_series(p, self.professional_points, "professional")
        self._paint_series(p, self.family_points, "family")
        self._paint_legend(p, small, fm_small)
        self.choice.paint_mark(p)

    def _paint_grid(self, p: QPainter, small: QFont, fm_small: QFontMetricsF) -> None:
        pal = self.palette()
        rect = self.plot_rect
        text = muted_text(pal)
        grid = QColor(pal.mid().color())
        grid.setAlpha(110)
        p.setFont(small)
        label_w = rect.left() - self.MARGIN - 4
        for score in (0, SCORE_MAX // 2, SCORE_MAX):
            y = _y_of(score, rect)
            p.setPen(QPen(pal.mid().color() if score == 0 else grid, 1))
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            p.setPen(text)
            p.drawText(
                QRectF(self.MARGIN, y - fm_small.height() / 2, label_w, fm_small.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(score),
            )
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(QPointF(rect.left(), rect.top()), QPointF(rect.left(), rect.bottom()))
        p.setPen(text)
        y = rect.bottom() + MARKER_RADIUS + 2
        count = len(self._x_labels)
        for index, (text_label, x) in enumerate(self._x_labels):
            w = fm_small.horizontalAdvance(text_label)
            if count == 1:
                align = Qt.AlignmentFlag.AlignHCenter
                left = x - w / 2
            elif index == 0:
                align, left = Qt.AlignmentFlag.AlignLeft, max(rect.left(), x - w / 2)
            elif index == count - 1:
                align, left = Qt.AlignmentFlag.AlignRight, min(rect.right() - w, x - w / 2)
            else:
                align, left = Qt.AlignmentFlag.AlignHCenter, x - w / 2
            p.drawText(
                QRectF(left, y, w + 1, fm_small.height()),
                int(align | Qt.AlignmentFlag.AlignTop),
                text_label,
            )

    def series_colour(self, which: str) -> QColor:
        """The line's colour: blue for the family, vermilion for the professionals."""
        line = Series.FIRST if which == "family" else Series.SECOND
        return colours.series(line, self.palette().base().color())

    def _series_pen(self, which: str, width: float = 2.0) -> QPen:
        if which == "family":
            return QPen(self.series_colour(which), width, Qt.PenStyle.SolidLine)
        pen = QPen(self.series_colour(which), width, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([3.0, 2.0])
        return pen

    def _paint_marker(self, p: QPainter, centre: QPointF, which: str) -> None:
        r = MARKER_RADIUS
        if which == "family":
            p.setPen(QPen(self.series_colour(which), 1.2))
            p.setBrush(self.series_colour(which))
            p.drawEllipse(centre, r, r)
        else:
            p.setPen(QPen(self.series_colour(which), 1.8))
            p.setBrush(self.palette().base())
            p.drawRect(QRectF(centre.x() - r - 0.5, centre.y() - r - 0.5, 2 * r + 1, 2 * r + 1))

    def _paint_series(self, p: QPainter, points: list[QPointF], series: str) -> None:
        if not points:
            return
        p.save()
        if len(points) > 1:
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            p.setPen(self._series_pen(series))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        for point in points:
            self._paint_marker(p, point, series)
        p.restore()

    def _paint_legend(self, p: QPainter, small: QFont, fm_small: QFontMetricsF) -> None:
        p.setFont(small)
        for series, text, box in self._legend_rects:
            y = box.center().y()
            p.save()
            p.setPen(self._series_pen(series))
            p.drawLine(QPointF(box.left() + 1, y), QPointF(box.left() + 21, y))
            self._paint_marker(p, QPointF(box.left() + 11, y), series)
            p.restore()
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(box.left() + 26, box.top(), box.width() - 26, box.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(fm_small, text, box.width() - 26),
            )
