"""The family's interventions over time: a custom-painted Gantt chart, one lane group per member.

All geometry is computed when the data or the width changes (``_relayout``); painting only
draws the precomputed rectangles (timeline_bars.py), so scrolling and repainting stay quick.
The tooltips' texts are in timeline_tips.py.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from app.models.enums import InterventionStatus, Sector
from app.services.common.clock import local_today
from app.services.family.family_overview import FamilyOverview, InterventionInfo, MemberSummary
from app.services.family.timeline import Gap, Overlap
from app.ui.common.canvas import ReflowCanvas
from app.ui.common.chosen_item import ChosenItem
from app.ui.common.colours import Tone, muted_text, tone
from app.ui.common.labels import label
from app.ui.common.painting import (
    LegendEntry,
    Swatch,
    add_months,
    blend,
    elided,
    first_of_month,
    layout_legend,
    paint_legend,
    scaled_font,
)
from app.ui.family.timeline_axis import paint_axis, paint_today
from app.ui.family.timeline_bars import Bar, paint_bar, paint_gap
from app.ui.family.timeline_tips import (
    gap_summary,
    gap_tip,
    intervention_summary,
    intervention_tip,
    overlap_tip,
)

LOOK_BACK_MONTHS = 18
LOOK_AHEAD_MONTHS = 6
MAX_AHEAD_MONTHS = 36


@dataclass(slots=True)
class _Group:
    member: MemberSummary
    rect: QRectF  # the whole lane group, header included
    rows: int


class TimelineView(ReflowCanvas):
    """A Gantt chart of the family's interventions; feed it with ``show_timeline``.

    The arrow keys move between the bars and the gaps (``choice``), member by member in time
    order; Enter or a double-click on a bar opens its intervention.
    """

    intervention_activated = Signal(int)  # intervention id
    content_changed = Signal()  # new data: the list alternative refills

    MARGIN = 8.0
    ARROW_ROOM = 14.0  # right of the chart, for the arrows of bars that go on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.overview: FamilyOverview | None = None
        self.today = local_today()
        self.overlaps: list[Overlap] = []
        self.gaps: list[Gap] = []
        self.range_start = self.today
        self.range_end = self.today
        # Geometry, recomputed by _relayout (public for tests and for a caller's hit-tests).
        self.bar_rects: dict[int, QRectF] = {}
        self.gap_rects: list[tuple[Gap, QRectF]] = []
        self.overlap_rects: list[tuple[Overlap, QRectF]] = []
        self.overlap_ids: set[int] = set()
        self.lane_rects: dict[int, QRectF] = {}  # citizen id -> the member's lane group
        self.today_x = 0.0
        self.hidden_count = 0  # interventions that ended before the visible range
        self._bars: list[Bar] = []
        self._groups: list[_Group] = []
        self._legend: list[tuple[LegendEntry, QRectF]] = []
        self._height = 0.0
        self._header_w = 140.0
        self._chart_left = 0.0
        self._chart_right = 0.0
        self._chart_top = 0.0
        self._chart_bottom = 0.0
        self._ppd = 1.0
        self._laid_out_width = -1
        self.setAccessibleName(self.tr("Timeline of the interventions"))
        self.choice = ChosenItem(self)
        self.choice.activated.connect(self._open)
        self._relayout()
        self.choice.describe()

    # -- public API -------------------------------------------------------------------------

    def show_timeline(
        self, overview: FamilyOverview, today: date, overlaps: list[Overlap], gaps: list[Gap]
    ) -> None:
        self.overview = overview
        self.today = today
        self.overlaps = list(overlaps)
        self.gaps = list(gaps)
        self.overlap_ids = {i for o in self.overlaps for i in (o.first_id, o.second_id)}
        self._relayout()
        self.updateGeometry()
        self.update()
        self.choice.refresh()
        self.content_changed.emit()

    def clear(self) -> None:
        self.overview = None
        self.overlaps, self.gaps = [], []
        self.overlap_ids = set()
        self._relayout()
        self.updateGeometry()
        self.update()
        self.choice.refresh()
        self.content_changed.emit()

    def item_at(self, pos: QPointF) -> tuple[str, object] | None:
        """What is under ``pos``: ("intervention", InterventionInfo), ("overlap", Overlap) or ("gap", Gap)."""
        point = QPointF(pos)
        for bar in self._bars:
            if bar.rect.contains(point):
                return ("intervention", bar.info)
        for overlap, rect in self.overlap_rects:
            if rect.contains(point):
                return ("overlap", overlap)
        for gap, rect in self.gap_rects:
            if rect.contains(point):
                return ("gap", gap)
        return None

    # -- the keyboard path -------------------------------------------------------------------

    def item_keys(self) -> list[Hashable]:
        """The bars and gaps drawn, member by member in time order: ("intervention", id) and
        ("gap", Gap). The order of the arrow keys and of the list."""
        lanes = {citizen_id: index for index, citizen_id in enumerate(self.lane_rects)}
        items: list[tuple[int, date, int, Hashable]] = [
            (lanes.get(b.info.citizen_id, 0), b.info.start_date, b.info.id, ("intervention", b.info.id))
            for b in self._bars
        ]
        items += [(lanes.get(g.citizen_id, 0), g.start, -1, ("gap", g)) for g, _rect in self.gap_rects]
        return [key for *_order, key in sorted(items, key=lambda item: item[:3])]

    def item_rect(self, key: Hashable) -> QRectF | None:
        match key:
            case ("intervention", int(intervention_id)):
                return self.bar_rects.get(intervention_id)
            case ("gap", Gap() as gap):
                return next((rect for g, rect in self.gap_rects if g == gap), None)
        return None

    def key_at(self, pos: QPointF) -> Hashable | None:
        hit = self.item_at(pos)
        if hit is None or hit[0] == "overlap":
            return None
        kind, item = hit
        return ("intervention", item.id) if isinstance(item, InterventionInfo) else (kind, item)

    def item_summary(self, key: Hashable) -> str:
        """The item in plain words (the accessible description when it is chosen)."""
        match key:
            case ("intervention", int(intervention_id)):
                info = next((b.info for b in self._bars if b.info.id == intervention_id), None)
                return "" if info is None else intervention_summary(info, self.overview, self.overlaps)
            case ("gap", Gap() as gap):
                return gap_summary(gap, self.overview, self.no_help_text(gap))
        return ""

    def idle_summary(self) -> str:
        return self.tr(
            "The arrow keys move between the interventions; Enter opens one. The list shows the same."
        )

    def _open(self, key: Hashable) -> None:
        if isinstance(key, tuple) and key[0] == "intervention":
            self.intervention_activated.emit(key[1])

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self.item_at(pos)
        return "" if hit is None else self.tooltip_text(*hit)

    def tooltip_text(self, kind: str, item: object) -> str:
        if kind == "intervention" and isinstance(item, InterventionInfo):
            return intervention_tip(item, self.overview, self.overlaps)
        if kind == "gap" and isinstance(item, Gap):
            return gap_tip(item, self.overview, self.no_help_text(item))
        if kind == "overlap" and isinstance(item, Overlap):
            return overlap_tip(item, self.overview)
        return ""

    def no_help_text(self, gap: Gap) -> str:
        return self.tr("No help for %n week(s)", "", gap.weeks)

    def legend_entries(self) -> list[LegendEntry]:
        if self.overview is None:
            return []
        shown = {bar.info.sector for bar in self._bars}
        entries = [LegendEntry(label(s), Swatch.SECTOR, s) for s in Sector if s in shown]
        statuses = {bar.info.status for bar in self._bars}
        if InterventionStatus.PLANNED in statuses:
            entries.append(LegendEntry(label(InterventionStatus.PLANNED), Swatch.PLANNED))
        if InterventionStatus.ENDED in statuses:
            entries.append(LegendEntry(label(InterventionStatus.ENDED), Swatch.ENDED))
        if self.overlap_rects:
            entries.append(LegendEntry(self.tr("Same kind of help at the same time"), Swatch.OVERLAP))
        if self.gap_rects:
            entries.append(LegendEntry(self.tr("No help"), Swatch.GAP))
        return entries

    # -- size -------------------------------------------------------------------------------

    def _months_shown(self) -> int:
        return max(
            1,
            (self.range_end.year - self.range_start.year) * 12
            + self.range_end.month
            - self.range_start.month,
        )

    @override
    def sizeHint(self) -> QSize:
        width = self.MARGIN * 2 + self._header_w + self.ARROW_ROOM + max(640, self._months_shown() * 56)
        return QSize(round(width), round(self._height_for(width)))

    @override
    def minimumSizeHint(self) -> QSize:
        width = self.MARGIN * 2 + self._header_w + self.ARROW_ROOM + max(320, self._months_shown() * 26)
        return QSize(round(width), round(self._height_for(max(width, self.width()))))

    def _height_for(self, width: float) -> float:
        return self._height if round(width) == self._laid_out_width else self._total_height(width)

    # -- layout -----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return self.font(), scaled_font(self.font(), 0.85), scaled_font(self.font(), 1.0, bold=True)

    def _visible_range(self, interventions: Sequence[InterventionInfo]) -> tuple[date, date]:
        today = self.today
        earliest = min((i.start_date for i in interventions), default=today)
        start = max(earliest, add_months(today, -LOOK_BACK_MONTHS))
        start = min(start, add_months(today, -1))
        latest_start = max((i.start_date for i in interventions), default=today)
        end = max(add_months(today, LOOK_AHEAD_MONTHS + 1), add_months(latest_start, 3))
        end = min(end, add_months(today, MAX_AHEAD_MONTHS))
        return first_of_month(start), end  # end: the first day after the range

    def _x(self, day: date) -> float:
        return self._chart_left + (day - self.range_start).days * self._ppd

    @override
    def _relayout(self, width: float | None = None) -> None:
        font, small, bold = self._fonts()
        fm, fm_small, fm_bold = QFontMetricsF(font), QFontMetricsF(small), QFontMetricsF(bold)
        if width is None:
            width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        overview = self.overview
        interventions = overview.interventions if overview is not None else ()
        self.range_start, self.range_end = self._visible_range(interventions)

        members = overview.members if overview is not None else ()
        names_w = max((fm_bold.horizontalAdvance(m.name) for m in members), default=0.0)
        self._header_w = min(210.0, max(120.0, names_w + 16))
        min_width = self.MARGIN * 2 + self._header_w + self.ARROW_ROOM + max(320, self._months_shown() * 26)
        width = max(float(width or 0), min_width)
        self._laid_out_width = round(width)

        self._chart_left = self.MARGIN + self._header_w
        self._chart_right = width - self.MARGIN - self.ARROW_ROOM
        total_days = max(1, (self.range_end - self.range_start).days)
        self._ppd = (self._chart_right - self._chart_left) / total_days

        line, small_line = fm.height(), fm_small.height()
        self._axis_rows = (small_line + 6, line + 6, small_line + 6)  # today tag, months, weeks
        top = self.MARGIN + sum(self._axis_rows)
        self._chart_top = top
        bar_h = line + small_line + 10
        row_gap = 6.0
        pad_top, pad_bottom = 7.0, 7.0
        self._bar_h = bar_h

        self._bars, self._groups = [], []
        self.bar_rects, self.lane_rects = {}, {}
        self.hidden_count = 0
        y = top
        for member in members:
            rows_end: list[date] = []
            placed: list[tuple[InterventionInfo, int, date]] = []
            for info in sorted(
                overview.interventions_of(member.citizen_id) if overview is not None else (),
                key=lambda i: (i.start_date, i.id),
            ):
                end = self._effective_end(info)
                if end < self.range_start or info.start_date >= self.range_end:
                    self.hidden_count += 1
                    continue
                row = next((r for r, last in enumerate(rows_end) if last < info.start_date), None)
                if row is None:
                    row = len(rows_end)
                    rows_end.append(end)
                else:
                    rows_end[row] = end
                placed.append((info, row, end))
            rows = max(1, len(rows_end))
            group_h = max(
                pad_top + rows * bar_h + (rows - 1) * row_gap + pad_bottom, fm_bold.height() + small_line + 16
            )
            group_rect = QRectF(self.MARGIN, y, width - 2 * self.MARGIN, group_h)
            self._groups.append(_Group(member, group_rect, rows))
            self.lane_rects[member.citizen_id] = group_rect
            for info, row, end in placed:
                x1 = self._x(max(info.start_date, self.range_start))
                last_day = min(end + timedelta(days=1), self.range_end)
                x2 = max(self._x(last_day), x1 + 4)
                bar_top = y + pad_top + row * (bar_h + row_gap)
                # One pixel apart from a bar that ends the day before this one starts.
                rect = QRectF(x1 + 0.5, bar_top, x2 - x1 - 1.0, bar_h)
                open_ended = info.end_date is None and info.status != InterventionStatus.ENDED
                bar = Bar(
                    info,
                    rect,
                    clipped_left=info.start_date < self.range_start,
                    open_ended=open_ended,
                    beyond=not open_ended and end >= self.range_end,
                )
                self._bars.append(bar)
                self.bar_rects[info.id] = rect
            y += group_h
        self._chart_bottom = y

        self.today_x = self._x(self.today) + self._ppd / 2

        self.gap_rects = []
        for gap in self.gaps:
            lane = self.lane_rects.get(gap.citizen_id)
            if lane is None:
                continue
            gap_end = (gap.end + timedelta(days=1)) if gap.end is not None else None
            if gap.start >= self.range_end or (gap_end is not None and gap_end <= self.range_start):
                continue
            x1 = self._x(max(gap.start, self.range_start))
            x2 = self._x(min(gap_end, self.range_end)) if gap_end is not None else self.today_x
            if x2 - x1 < 2:
                x2 = x1 + 2
            self.gap_rects.append((gap, QRectF(x1, lane.top() + 3, x2 - x1, lane.height() - 6)))

        self.overlap_rects = []
        for overlap in self.overlaps:
            lane = self.lane_rects.get(overlap.citizen_id)
            if lane is None:
                continue
            ov_end = (overlap.end + timedelta(days=1)) if overlap.end is not None else self.range_end
            if overlap.start >= self.range_end or ov_end <= self.range_start:
                continue
            x1 = self._x(max(overlap.start, self.range_start))
            x2 = max(self._x(min(ov_end, self.range_end)), x1 + 2)
            self.overlap_rects.append((overlap, QRectF(x1, lane.top() + 2, x2 - x1, lane.height() - 4)))

        self._body_bottom = y if interventions else top + 3 * line
        self._legend, _ = layout_legend(
            self.legend_entries(), fm, self.MARGIN, self._body_bottom + 10, width - 2 * self.MARGIN
        )
        self._height = self._total_height(width)

    def _total_height(self, width: float) -> float:
        fm, fm_small = QFontMetricsF(self.font()), QFontMetricsF(self._fonts()[1])
        _, legend_h = layout_legend(self.legend_entries(), fm, 0, 0, width - 2 * self.MARGIN)
        y = self._body_bottom + 10 + legend_h
        if self.hidden_count:
            y += fm_small.height() + 6
        return y + self.MARGIN

    def _effective_end(self, info: InterventionInfo) -> date:
        """The last day the bar covers (inclusive)."""
        if info.end_date is not None:
            return max(info.end_date, info.start_date)
        if info.status == InterventionStatus.ENDED:  # ended, but nobody wrote down when
            return max(info.start_date, info.last_checked or info.start_date)
        return self.range_end - timedelta(days=1)

    @override
    def _tooltip_hit(self, pos: QPointF) -> tuple[str, QRectF] | None:
        hit = self.item_at(pos)
        return None if hit is None else (self.tooltip_text(*hit), self._hit_rect(hit))

    def _hit_rect(self, hit: tuple[str, object]) -> QRectF:
        kind, item = hit
        if kind == "intervention" and isinstance(item, InterventionInfo):
            return self.bar_rects[item.id]
        pairs: list[tuple[object, QRectF]] = [*(self.overlap_rects if kind == "overlap" else self.gap_rects)]
        return next(rect for obj, rect in pairs if obj is item)

    # -- painting ---------------------------------------------------------------------------

    @override
    def _paint(self, p: QPainter, clip: QRectF) -> None:
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        font, small, bold = self._fonts()
        fm, fm_small = QFontMetricsF(font), QFontMetricsF(small)
        text_colour = pal.text().color()
        if self.overview is None or not self.overview.interventions:
            p.setPen(muted_text(pal))
            p.setFont(font)
            p.drawText(
                QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No interventions yet."),
            )
            return

        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        red = tone(Tone.ERROR, pal.base().color())
        self._paint_groups(p, clip, bold, small)
        paint_axis(self, p, (font, small), (fm, fm_small), text_colour)
        for _overlap, rect in self.overlap_rects:
            if rect.intersects(clip):
                p.fillRect(rect, QColor(red.red(), red.green(), red.blue(), 28))
                p.fillRect(
                    rect,
                    QBrush(QColor(red.red(), red.green(), red.blue(), 90), Qt.BrushStyle.DiagCrossPattern),
                )
        for gap, rect in self.gap_rects:
            if rect.intersects(clip):
                paint_gap(
                    p, rect, (self.no_help_text(gap), self.tr("%n week(s)", "", gap.weeks)), small, fm_small
                )
        for bar in self._bars:
            if bar.rect.adjusted(-2, -2, self.ARROW_ROOM, 2).intersects(clip):
                ring = red if bar.info.id in self.overlap_ids else None
                paint_bar(p, bar, (font, small), (fm, fm_small), ring)
        paint_today(self, p, small, fm_small)
        self.choice.paint_mark(p)
        p.setFont(font)
        paint_legend(p, self._legend, fm, text_colour)
        if self.hidden_count:
            p.setFont(small)
            p.setPen(muted_text(pal))
            p.drawText(
                QRectF(
                    self.MARGIN,
                    self._height - self.MARGIN - fm_small.height() - 4,
                    self.width() - 2 * self.MARGIN,
                    fm_small.height() + 4,
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.tr("%n earlier intervention(s) not shown", "", self.hidden_count),
            )

    def _paint_groups(self, p: QPainter, clip: QRectF, bold: QFont, small: QFont) -> None:
        pal = self.palette()
        fm_bold, fm_small = QFontMetricsF(bold), QFontMetricsF(small)
        line_colour = pal.mid().color()
        for index, group in enumerate(self._groups):
            rect = group.rect
            if not rect.intersects(clip):
                continue
            p.fillRect(rect, pal.alternateBase() if index % 2 == 0 else pal.base())
            p.setPen(QPen(blend(line_colour, pal.base().color(), 0.5), 1))
            p.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
            member = group.member
            text_w = self._header_w - 12
            p.setFont(bold)
            p.setPen(pal.text().color())
            name_rect = QRectF(rect.left() + 4, rect.top() + 6, text_w, fm_bold.height())
            p.drawText(
                name_rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(fm_bold, member.name, text_w),
            )
            age = member.age_on(self.today)
            years = self.tr("%n year(s)", "", age)
            detail = f"{label(member.relation)}, {years}"
            p.setFont(small)
            p.setPen(muted_text(pal))
            p.drawText(
                QRectF(rect.left() + 4, name_rect.bottom() + 2, text_w, fm_small.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided(fm_small, detail, text_w),
            )
        # The header column's edge.
        p.setPen(QPen(pal.mid().color(), 1))
        p.drawLine(
            QPointF(self._chart_left - 0.5, self.MARGIN), QPointF(self._chart_left - 0.5, self._chart_bottom)
        )
