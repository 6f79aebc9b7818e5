"""The family's week: every member's weekly time slots side by side, with the collisions.

Columns are the weekdays (Saturday and Sunday only when something happens then), each split
into one sub-column per member who has slots; rows are the hours. As in the timeline, all
geometry is computed when the data or the width changes and painting only draws it.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Hashable
from datetime import time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from app.models.enums import InterventionStatus, Sector
from app.services.family.family_overview import FamilyOverview, MemberSummary, SlotInfo
from app.services.meetings.collisions import Collision
from app.ui.common.canvas import ReflowCanvas
from app.ui.common.chosen_item import ChosenItem
from app.ui.common.colours import Tone, muted_text, tone, tooltip_tone
from app.ui.common.labels import label
from app.ui.common.painting import (
    WARNING_RED,
    LegendEntry,
    Swatch,
    blend,
    elided,
    layout_legend,
    paint_legend,
    scaled_font,
)
from app.ui.family.week_blocks import Block, paint_block
from app.ui.family.week_texts import collision_text, day_name, first_name, format_time, slot_summary

EARLIEST_FIRST_HOUR = 7  # the grid starts at 07.00 or earlier
LATEST_LAST_HOUR = 17  # and ends at 17.00 or later


class WeekGrid(ReflowCanvas):
    """The week of the family; feed it with ``show_week``.

    The arrow keys move between the weekly times (``choice``), day by day in time order; Enter
    or a double-click on one opens its intervention.
    """

    intervention_activated = Signal(int)  # intervention id
    content_changed = Signal()  # new data: the list alternative refills

    MARGIN = 8.0
    MIN_SUB_W = 58.0  # narrowest member sub-column
    WANTED_SUB_W = 90.0

    def __init__(self, parent: QWidget | None = None, *, show_collision_list: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("weekGrid")
        # The collision sentences under the grid; off when the caller lists them elsewhere.
        self.show_collision_list = show_collision_list
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.overview: FamilyOverview | None = None
        self.collisions: list[Collision] = []
        self.first_hour = EARLIEST_FIRST_HOUR
        self.last_hour = LATEST_LAST_HOUR
        self.visible_days: list[int] = list(range(5))
        self.columns: list[MemberSummary] = []  # the members with a sub-column, in family order
        # Geometry, recomputed by _relayout (public for tests).
        self.slot_rects: dict[int, QRectF] = {}
        self.collision_slot_ids: set[int] = set()
        self.day_rects: dict[int, QRectF] = {}  # weekday -> the day's column, headers included
        self.member_rects: dict[tuple[int, int], QRectF] = {}  # (weekday, citizen id) -> sub-column
        self._blocks: list[Block] = []
        self._bands: dict[int, list[QRectF]] = {}
        self._texts: list[tuple[str, QRectF]] = []
        self._legend: list[tuple[LegendEntry, QRectF]] = []
        self._grid_top = 0.0
        self._grid_bottom = 0.0
        self._grid_left = 0.0
        self._grid_right = 0.0
        self._hour_h = 44.0
        self._height = 0.0
        self._laid_out_width = -1
        self.setAccessibleName(self.tr("The family's week"))
        self.choice = ChosenItem(self)
        self.choice.activated.connect(self._open)
        self._relayout()
        self.choice.describe()

    # -- public API -------------------------------------------------------------------------

    def show_week(self, overview: FamilyOverview, collisions: list[Collision]) -> None:
        self.overview = overview
        self.collisions = list(collisions)
        self.collision_slot_ids = {i for c in self.collisions for i in (c.slot.id, c.other_slot.id)}
        self._relayout()
        self.updateGeometry()
        self.update()
        self.choice.refresh()
        self.content_changed.emit()

    def set_collision_list_visible(self, visible: bool) -> None:
        self.show_collision_list = visible
        self._relayout()
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.overview = None
        self.collisions = []
        self.collision_slot_ids = set()
        self._relayout()
        self.updateGeometry()
        self.update()
        self.choice.refresh()
        self.content_changed.emit()

    def collision_texts(self) -> list[str]:
        if self.overview is None:
            return []
        return [collision_text(c, self.overview) for c in self.collisions]

    def shown_slots(self) -> list[SlotInfo]:
        """The slots in the grid: those of interventions that have not ended."""
        if self.overview is None:
            return []
        members = {m.citizen_id for m in self.overview.members}
        return [
            s
            for i in self.overview.interventions
            if i.status != InterventionStatus.ENDED and i.citizen_id in members
            for s in i.slots
        ]

    def y_for(self, moment: time) -> float:
        hours = moment.hour + moment.minute / 60 + moment.second / 3600
        return self._grid_top + (hours - self.first_hour) * self._hour_h

    def slot_at(self, pos: QPointF) -> SlotInfo | None:
        point = QPointF(pos)
        return next((b.slot for b in self._blocks if b.rect.contains(point)), None)

    # -- the keyboard path -------------------------------------------------------------------

    def item_keys(self) -> list[Hashable]:
        """The slot ids drawn, day by day and hour by hour (members in family order): the order
        of the arrow keys and of the list."""
        columns = {m.citizen_id: index for index, m in enumerate(self.columns)}
        blocks = sorted(
            self._blocks,
            key=lambda b: (
                b.slot.weekday,
                b.slot.start,
                columns.get(b.slot.citizen_id, 0),
                b.slot.end,
                b.slot.id,
            ),
        )
        return [b.slot.id for b in blocks]

    def item_rect(self, key: Hashable) -> QRectF | None:
        return self.slot_rects.get(key) if isinstance(key, int) else None

    def key_at(self, pos: QPointF) -> Hashable | None:
        slot = self.slot_at(pos)
        return None if slot is None else slot.id

    def item_summary(self, key: Hashable) -> str:
        block = next((b for b in self._blocks if b.slot.id == key), None)
        return (
            ""
            if block is None or self.overview is None
            else slot_summary(block.slot, block.info, self.overview, self.collisions)
        )

    def idle_summary(self) -> str:
        return self.tr(
            "The arrow keys move between the weekly times; Enter opens the intervention. The list shows the same."
        )

    def block_of(self, slot_id: int) -> Block | None:
        return next((b for b in self._blocks if b.slot.id == slot_id), None)

    def _open(self, key: Hashable) -> None:
        block = self.block_of(key) if isinstance(key, int) else None
        if block is not None:
            self.intervention_activated.emit(block.info.id)

    def tooltip_at(self, pos: QPointF) -> str:
        slot = self.slot_at(pos)
        return "" if slot is None else self.slot_tooltip(slot)

    def slot_tooltip(self, slot: SlotInfo) -> str:
        overview = self.overview
        if overview is None:
            return ""
        info = next((i for i in overview.interventions if i.id == slot.intervention_id), None)
        member = overview.member(slot.citizen_id)
        lines = [f"<b>{html.escape(info.title if info is not None else '?')}</b>"]
        if member is not None:
            lines.append(html.escape(member.name))
        when = f"{day_name(slot.weekday)} {format_time(slot.start)}–{format_time(slot.end)}"
        lines.append(html.escape(when))
        if info is not None and info.law_reference:
            lines.append(html.escape(info.law_reference))
        if info is not None and info.status == InterventionStatus.PLANNED:
            lines.append(html.escape(label(info.status)))
        if slot.needs_parent:
            lines.append(html.escape(self.tr("A parent must be present")))
        red = tooltip_tone(Tone.ERROR)
        for collision in self.collisions:
            if slot.id in (collision.slot.id, collision.other_slot.id):
                text = html.escape(collision_text(collision, overview))
                lines.append(f"<span style='color:{red}'>{text}</span>")
        return "<br>".join(lines)

    # -- size -------------------------------------------------------------------------------

    def _columns_count(self) -> int:
        return max(1, len(self.visible_days) * max(1, len(self.columns)))

    @override
    def sizeHint(self) -> QSize:
        width = 2 * self.MARGIN + self._hour_col_w() + self._columns_count() * self.WANTED_SUB_W
        return QSize(round(width), round(self._height_for(width)))

    @override
    def minimumSizeHint(self) -> QSize:
        width = self._min_width()
        return QSize(round(width), round(self._height_for(max(width, self.width()))))

    def _min_width(self) -> float:
        return 2 * self.MARGIN + self._hour_col_w() + self._columns_count() * self.MIN_SUB_W

    def _height_for(self, width: float) -> float:
        return self._height if round(width) == self._laid_out_width else self._total_height(width)

    # -- layout -----------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return self.font(), scaled_font(self.font(), 0.85), scaled_font(self.font(), 1.0, bold=True)

    def _hour_col_w(self) -> float:
        return QFontMetricsF(self._fonts()[1]).horizontalAdvance("00.00") + 14

    @override
    def _relayout(self, width: float | None = None) -> None:
        font, small, bold = self._fonts()
        fm, fm_small, fm_bold = QFontMetricsF(font), QFontMetricsF(small), QFontMetricsF(bold)
        overview = self.overview
        slots = self.shown_slots()
        with_slots = {s.citizen_id for s in slots}
        self.columns = (
            [m for m in overview.members if m.citizen_id in with_slots] if overview is not None else []
        )
        weekend = any(s.weekday >= 5 for s in slots)
        self.visible_days = list(range(7 if weekend else 5))
        starts = [s.start.hour for s in slots]
        ends = [s.end.hour + (1 if (s.end.minute or s.end.second) else 0) for s in slots]
        self.first_hour = min([EARLIEST_FIRST_HOUR, *starts])
        self.last_hour = min(24, max([LATEST_LAST_HOUR, *ends]))

        if width is None:
            width = self.width() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        width = max(float(width or 0), self._min_width())
        self._laid_out_width = round(width)

        self._day_h = fm_bold.height() + 8
        self._member_h = fm_small.height() + 6
        self._hour_h = max(44.0, fm.height() + fm_small.height() + 12)
        self._grid_left = self.MARGIN + self._hour_col_w()
        self._grid_right = width - self.MARGIN
        self._grid_top = self.MARGIN + self._day_h + self._member_h
        self._grid_bottom = self._grid_top + (self.last_hour - self.first_hour) * self._hour_h
        members = max(1, len(self.columns))
        sub_w = (self._grid_right - self._grid_left) / (len(self.visible_days) * members)

        self.day_rects, self.member_rects = {}, {}
        for d_index, weekday in enumerate(self.visible_days):
            day_left = self._grid_left + d_index * members * sub_w
            self.day_rects[weekday] = QRectF(
                day_left, self.MARGIN, members * sub_w, self._grid_bottom - self.MARGIN
            )
            for m_index, member in enumerate(self.columns):
                left = day_left + m_index * sub_w
                self.member_rects[(weekday, member.citizen_id)] = QRectF(
                    left, self._grid_top, sub_w, self._grid_bottom - self._grid_top
                )

        infos = {i.id: i for i in overview.interventions} if overview is not None else {}
        self._blocks, self.slot_rects = [], {}
        by_column: dict[tuple[int, int], list[SlotInfo]] = defaultdict(list)
        for slot in slots:
            by_column[(slot.weekday, slot.citizen_id)].append(slot)
        for key, column_slots in by_column.items():
            column = self.member_rects.get(key)
            if column is None:
                continue
            for slot, lane, lanes in self._lanes(column_slots):
                lane_w = (column.width() - 4) / lanes
                rect = QRectF(
                    column.left() + 2 + lane * lane_w,
                    self.y_for(slot.start) + 1,
                    lane_w - (1 if lanes > 1 else 0),
                    max(6.0, self.y_for(slot.end) - self.y_for(slot.start) - 2),
                )
                self._blocks.append(Block(slot, infos[slot.intervention_id], rect))
                self.slot_rects[slot.id] = rect

        # The overlapping part of each collision, on every slot involved.
        self._bands = defaultdict(list)
        for collision in self.collisions:
            top, bottom = self.y_for(collision.start), self.y_for(collision.end)
            for slot_id in (collision.slot.id, collision.other_slot.id):
                slot_rect = self.slot_rects.get(slot_id)
                if slot_rect is None:
                    continue
                band_top, band_bottom = max(top, slot_rect.top()), min(bottom, slot_rect.bottom())
                if band_bottom > band_top:
                    self._bands[slot_id].append(
                        QRectF(slot_rect.left(), band_top, slot_rect.width(), band_bottom - band_top)
                    )

        self._layout_notes(width)
        self._height = self._total_height(width)

    @staticmethod
    def _lanes(slots: list[SlotInfo]) -> list[tuple[SlotInfo, int, int]]:
        """Side by side lanes for slots of one member on one day that overlap (a collision)."""
        ordered = sorted(slots, key=lambda s: (s.start, s.end, s.id))
        result: list[tuple[SlotInfo, int, int]] = []
        cluster: list[tuple[SlotInfo, int]] = []
        lane_ends: list[time] = []
        cluster_end: time | None = None

        def close() -> None:
            result.extend((s, lane, len(lane_ends)) for s, lane in cluster)

        for slot in ordered:
            if cluster_end is not None and slot.start >= cluster_end:
                close()
                cluster, lane_ends, cluster_end = [], [], None
            lane = next((i for i, end in enumerate(lane_ends) if end <= slot.start), None)
            if lane is None:
                lane = len(lane_ends)
                lane_ends.append(slot.end)
            else:
                lane_ends[lane] = slot.end
            cluster.append((slot, lane))
            cluster_end = slot.end if cluster_end is None else max(cluster_end, slot.end)
        close()
        return result

    def legend_entries(self) -> list[LegendEntry]:
        shown = {b.info.sector for b in self._blocks}
        entries = [LegendEntry(label(s), Swatch.SECTOR, s) for s in Sector if s in shown]
        if any(b.info.status == InterventionStatus.PLANNED for b in self._blocks):
            entries.append(LegendEntry(label(InterventionStatus.PLANNED), Swatch.PLANNED))
        if any(b.slot.needs_parent for b in self._blocks):
            entries.append(LegendEntry(self.tr("A parent must be present"), Swatch.NEEDS_PARENT))
        if self.collision_slot_ids & set(self.slot_rects):
            entries.append(LegendEntry(self.tr("Collision"), Swatch.COLLISION))
        return entries

    def _notes_layout(self, width: float, top: float) -> tuple[list[tuple[str, QRectF]], float]:
        """The collision sentences under the grid, word-wrapped to the width."""
        fm = QFontMetricsF(self.font())
        text_left = self.MARGIN + fm.height() + 8
        text_w = max(50.0, width - text_left - self.MARGIN)
        placed: list[tuple[str, QRectF]] = []
        y = top
        for text in self.collision_texts() if self.show_collision_list else ():
            bound = fm.boundingRect(QRectF(0, 0, text_w, 10_000), int(Qt.TextFlag.TextWordWrap), text)
            rect = QRectF(text_left, y, text_w, bound.height())
            placed.append((text, rect))
            y += bound.height() + 4
        return placed, y - top

    def _layout_notes(self, width: float) -> None:
        fm = QFontMetricsF(self.font())
        top = self._body_bottom() + 10
        self._texts, notes_h = self._notes_layout(width, top)
        top += notes_h + (6 if notes_h else 0)
        self._legend, _ = layout_legend(self.legend_entries(), fm, self.MARGIN, top, width - 2 * self.MARGIN)

    def _body_bottom(self) -> float:
        if not self._blocks:
            return self.MARGIN + 3 * QFontMetricsF(self.font()).height()
        return self._grid_bottom

    def _total_height(self, width: float) -> float:
        fm = QFontMetricsF(self.font())
        _, notes_h = self._notes_layout(width, 0)
        _, legend_h = layout_legend(self.legend_entries(), fm, 0, 0, width - 2 * self.MARGIN)
        return self._body_bottom() + 10 + notes_h + (6 if notes_h else 0) + legend_h + self.MARGIN

    @override
    def _tooltip_hit(self, pos: QPointF) -> tuple[str, QRectF] | None:
        slot = self.slot_at(pos)
        return None if slot is None else (self.slot_tooltip(slot), self.slot_rects[slot.id])

    # -- painting ---------------------------------------------------------------------------

    @override
    def _paint(self, p: QPainter, clip: QRectF) -> None:
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        font, small, bold = self._fonts()
        fm = QFontMetricsF(font)
        if not self._blocks:
            p.setFont(font)
            p.setPen(muted_text(pal))
            p.drawText(
                QRectF(
                    self.MARGIN,
                    self.MARGIN,
                    self.width() - 2 * self.MARGIN,
                    self._body_bottom() - self.MARGIN,
                ),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No weekly times yet."),
            )
        else:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            red = tone(Tone.ERROR, pal.base().color())
            self._paint_grid(p, font, small, bold)
            title_font, time_font = scaled_font(font, 0.92), scaled_font(font, 0.8)
            fm_title, fm_time = QFontMetricsF(title_font), QFontMetricsF(time_font)
            for block in self._blocks:
                if block.rect.intersects(clip):
                    paint_block(
                        p,
                        block,
                        (title_font, time_font),
                        (fm_title, fm_time),
                        self._bands.get(block.slot.id, ()),
                        red if block.slot.id in self.collision_slot_ids else None,
                    )
            self.choice.paint_mark(p)
        p.setFont(font)
        for text, rect in self._texts:
            marker = QRectF(self.MARGIN, rect.top() + 1, fm.height() - 2, fm.height() - 2)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(WARNING_RED))
            p.drawEllipse(marker)
            p.setPen(QColor("#ffffff"))
            p.setFont(scaled_font(font, 0.85, bold=True))
            p.drawText(marker, int(Qt.AlignmentFlag.AlignCenter), "!")
            p.setFont(font)
            p.setPen(pal.text().color())
            p.drawText(
                rect,
                int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                text,
            )
        paint_legend(p, self._legend, fm, pal.text().color())

    def _paint_grid(self, p: QPainter, font: QFont, small: QFont, bold: QFont) -> None:
        pal = self.palette()
        fm_small, fm_bold = QFontMetricsF(small), QFontMetricsF(bold)
        text = pal.text().color()
        muted = muted_text(pal)
        hour_line = blend(pal.mid().color(), pal.base().color(), 0.55)
        half_line = blend(pal.mid().color(), pal.base().color(), 0.8)
        day_line = pal.mid().color()

        # Member sub-columns: a faint band for every other member, the first names on top.
        for (_weekday, citizen_id), rect in self.member_rects.items():
            index = next(i for i, m in enumerate(self.columns) if m.citizen_id == citizen_id)
            if index % 2 == 1:
                p.fillRect(rect, pal.alternateBase())
            header = QRectF(rect.left(), self._grid_top - self._member_h, rect.width(), self._member_h)
            p.setFont(small)
            p.setPen(muted)
            p.drawText(
                header.adjusted(2, 0, -2, 0),
                int(Qt.AlignmentFlag.AlignCenter),
                elided(fm_small, first_name(self.columns[index]), header.width() - 4),
            )
        # Hours: a line each hour, a dotted one at the half hour, the hour at the left.
        for hour in range(self.first_hour, self.last_hour + 1):
            y = round(self.y_for(time(hour % 24))) + 0.5 if hour < 24 else round(self._grid_bottom) + 0.5
            p.setPen(QPen(hour_line, 1))
            p.drawLine(QPointF(self._grid_left, y), QPointF(self._grid_right, y))
            if hour < self.last_hour:
                p.setPen(QPen(half_line, 1, Qt.PenStyle.DotLine))
                half = y + self._hour_h / 2
                p.drawLine(QPointF(self._grid_left, half), QPointF(self._grid_right, half))
            p.setFont(small)
            p.setPen(muted)
            label_rect = QRectF(
                self.MARGIN, y - fm_small.height() / 2, self._hour_col_w() - 8, fm_small.height()
            )
            p.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                format_time(time(hour % 24)),
            )
        # Days: a stronger line between them and the day's name on top.
        for weekday, rect in self.day_rects.items():
            p.setPen(QPen(day_line, 1))
            x = round(rect.left()) + 0.5
            p.drawLine(QPointF(x, self.MARGIN), QPointF(x, self._grid_bottom))
            name = day_name(weekday)
            name = name[:1].upper() + name[1:]
            p.setFont(bold)
            p.setPen(text)
            p.drawText(
                QRectF(rect.left() + 2, self.MARGIN, rect.width() - 4, self._day_h),
                int(Qt.AlignmentFlag.AlignCenter),
                elided(fm_bold, name, rect.width() - 6),
            )
        right = round(self._grid_right) - 0.5
        p.setPen(QPen(day_line, 1))
        p.drawLine(QPointF(right, self.MARGIN), QPointF(right, self._grid_bottom))
        p.drawLine(
            QPointF(self._grid_left, self._grid_top - self._member_h),
            QPointF(self._grid_right, self._grid_top - self._member_h),
        )
