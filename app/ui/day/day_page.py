"""The start page, "Min dag": today's and tomorrow's meetings, tasks, follow-ups and
deadlines, agreements due, cases others changed since I looked, and my caseload. Read on
the store lane; read again when the store changes, whenever the page is shown, and at
midnight. Enter or a double-click on a line asks the main window to open it
(``open_requested`` with the line's :class:`Opens`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QIcon, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.services.common.clock import LOCAL_TZ, local_now, local_today, now_utc, start_of_local_day
from app.services.common.context import AppContext
from app.services.day.my_day import MyDay, Opens, my_day
from app.ui.common.background import StoreLanes
from app.ui.common.colours import Tone, error_style, tone
from app.ui.common.design import ICON_SIZE, icon_pixmap
from app.ui.common.formatting import format_load
from app.ui.common.store_events import StoreChange
from app.ui.day.day_lines import Line, agreement_line, change_line, deadline_line, meeting_line, task_line

log = logging.getLogger(__name__)

OPENS_ROLE = Qt.ItemDataRole.UserRole + 1
# Tables whose rows the day shows (directly or in its lines).
DAY_TABLES = (
    "cases",
    "meetings",
    "meeting_participants",
    "tasks",
    "plan_versions",
    "agreements",
    "journal_entries",
    "documents",
    "interventions",
    "transition_tracks",
    "transition_topics",
    "family_members",
    "citizens",
    "users",
)


def ms_to_midnight(now: datetime) -> int:
    """Milliseconds from ``now`` (Copenhagen time) to just after the next Copenhagen midnight."""
    today = now.astimezone(LOCAL_TZ).date()
    midnight = start_of_local_day(today + timedelta(days=1))
    # in UTC: between two times of one zone Python subtracts the wall clocks (a 23- or 25-hour
    # day would be taken for 24 hours)
    return max(1000, int((midnight - now.astimezone(UTC)).total_seconds() * 1000) + 1000)


class DayPage(QWidget):
    open_requested = Signal(object)  # Opens
    loaded = Signal()
    store_failed = Signal()

    def __init__(
        self, context: AppContext, lanes: StoreLanes, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._settings = settings
        self.worker = lanes.store
        self.day: MyDay | None = None
        self.busy = False
        self._request = 0
        self._logged: frozenset[int] = frozenset()  # cases the audit log already has from this page

        self.heading = QLabel(self.tr("Reading your day…"), self)
        self.heading.setObjectName("dayHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.caseload = QLabel(self)
        self.caseload.setObjectName("dayCaseload")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("dayRefresh")
        self.refresh_button.clicked.connect(self.reload)
        self.status = QLabel(self)
        self.status.setObjectName("dayStatus")

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("dayTree")
        self.tree.setAccessibleName(self.tr("My day"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Case"), self.tr("What")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(1, 320)
        self.tree.activated.connect(self._activated)  # Enter, and a double-click

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.caseload)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)

        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._day_changed)
        self._arm_midnight()

    # -- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the day on the store lane; the page updates when it arrives."""
        self.busy = True
        today, now = local_today(), now_utc()
        user = self._context.user
        sessions = self._context.sessions
        logged = self._logged

        def job() -> MyDay:
            with sessions() as session:
                return my_day(session, user, today, now, already_logged=logged)

        self._request += 1
        request = self._request
        self.worker.submit(job, lambda day: self._arrived(day, request), self._failed, owner=self)

    def _arrived(self, day: MyDay, request: int) -> None:
        if request != self._request:
            return  # a newer read was asked for meanwhile
        self.busy = False
        self._logged = self._logged | day.case_ids
        self.show_day(day)
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if isinstance(exc, SQLAlchemyError):
            log.warning("Reading the day failed: %s", type(exc).__name__)
            self.store_failed.emit()
            self.status.setText(
                self.tr("The database did not answer. The day is read again when it is back.")
            )
            return
        raise exc

    def mark_stale(self) -> None:
        """Something changed: read again now if shown (a hidden page reads when shown)."""
        if self.isVisible():
            self.reload()

    def store_changed(self, change: StoreChange) -> None:
        if change.touches_table(*DAY_TABLES):
            self.mark_stale()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: read again (cheap, and the only way to hear of what this window's own
        pages changed meanwhile, and of a day that changed while the laptop slept)."""
        super().showEvent(event)
        self.reload()

    def _arm_midnight(self) -> None:
        self._midnight.start(ms_to_midnight(local_now()))

    def _day_changed(self) -> None:
        self._arm_midnight()
        self.mark_stale()

    # -- showing ----------------------------------------------------------------------------
    def show_day(self, day: MyDay) -> None:
        self.day = day
        when = QLocale().toString(
            QDate(day.today.year, day.today.month, day.today.day), QLocale.FormatType.LongFormat
        )
        self.heading.setText(self.tr("My day – %1").replace("%1", when))
        load = day.caseload
        text = (
            self.tr("My open cases: %1 as coordinator, %2 as partner. My caseload: %3 of %4")
            .replace("%1", str(load.coordinating))
            .replace("%2", str(load.partner))
            .replace("%3", format_load(load.load))
            .replace("%4", format_load(load.limit))
        )
        self.caseload.setText(text)
        self.caseload.setStyleSheet(error_style(bold=True) if load.above_limit else "")
        self.caseload.setToolTip(self.tr("Above the caseload limit.") if load.above_limit else "")
        self.status.setText("")
        current = self.current_opens()
        self.tree.clear()
        sections: list[tuple[str, str, Sequence[Any], Callable[[Any], Line]]] = [
            (self.tr("Meetings today"), self.tr("No meetings today."), day.meetings_today, meeting_line),
            (
                self.tr("Meetings tomorrow"),
                self.tr("No meetings tomorrow."),
                day.meetings_tomorrow,
                meeting_line,
            ),
            (self.tr("Tasks due this week"), self.tr("No tasks due this week."), day.tasks, task_line),
            (
                self.tr("Follow-ups and deadlines this week"),
                self.tr("No follow-ups or deadlines this week."),
                day.deadlines,
                deadline_line,
            ),
            (
                self.tr("Agreements due"),
                self.tr("No agreements due this week."),
                day.agreements,
                agreement_line,
            ),
            (
                self.tr("Changed by others since you last looked"),
                self.tr("No changes by others since you last looked."),
                day.changes,
                change_line,
            ),
        ]
        for title, empty, lines, make in sections:
            self._section(title, empty, [make(line) for line in lines])
        self.tree.expandAll()
        if current is not None:
            self.select(current)

    def _section(self, title: str, empty: str, lines: list[Line]) -> None:
        late_count = sum(line.late for line in lines)
        count = (
            self.tr("%1, %2 overdue").replace("%1", str(len(lines))).replace("%2", str(late_count))
            if late_count
            else str(len(lines))
        )
        heading = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        heading.setFirstColumnSpanned(True)
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if not lines:
            item = QTreeWidgetItem(heading, [empty])
            item.setFirstColumnSpanned(True)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(0, QBrush(tone(Tone.MUTED)))
            return
        # What is late is marked by one small sign and its words, not a wall of red text.
        late = QIcon(
            icon_pixmap("alert-circle", tone(Tone.ERROR, self.palette().color(QPalette.ColorRole.Base)))
        )
        blank = QPixmap(ICON_SIZE)
        blank.fill(Qt.GlobalColor.transparent)
        on_time = QIcon(blank)  # the dates of a section stand in one column
        for line in lines:
            item = QTreeWidgetItem(heading, [line.when, line.case, line.what])
            item.setData(0, OPENS_ROLE, line.opens)
            item.setToolTip(2, line.what)
            if late_count:
                item.setIcon(0, late if line.late else on_time)

    # -- opening ----------------------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        item = self.tree.itemFromIndex(index)
        opens = item.data(0, OPENS_ROLE) if item is not None else None
        if isinstance(opens, Opens):
            self.open_requested.emit(opens)

    def current_opens(self) -> Opens | None:
        item = self.tree.currentItem()
        opens = item.data(0, OPENS_ROLE) if item is not None else None
        return opens if isinstance(opens, Opens) else None

    def lines(self) -> list[tuple[str, QTreeWidgetItem]]:
        """(section heading, line item) for every line that opens something."""
        out: list[tuple[str, QTreeWidgetItem]] = []
        for s in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(s)
            assert heading is not None
            for r in range(heading.childCount()):
                child = heading.child(r)
                if child is not None and isinstance(child.data(0, OPENS_ROLE), Opens):
                    out.append((heading.text(0), child))
        return out

    def select(self, opens: Opens) -> bool:
        """Make the line that opens ``opens`` the current one (kept across a re-read)."""
        for _heading, item in self.lines():
            if item.data(0, OPENS_ROLE) == opens:
                self.tree.setCurrentItem(item)
                return True
        return False
