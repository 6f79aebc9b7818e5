"""The plan editor's "Plain language" panel: how easy the family's paper is to read as a whole
and part by part (app.services.plan.readability), above the meter of the field being written.

The whole plan is measured again shortly after each change (debounced, on the GUI thread: a
plan's text measures in a few milliseconds). Activating a part (double-click, Enter) asks the
page to go to it; the meter below then measures that part.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.plan.plan_draft import PlanDraft
from app.services.plan.readability import AGREEMENTS, GOALS, OFFERS, PlanReading, member_of, read_plan
from app.ui.common.painting import fill_placeholders
from app.ui.plan.lix_meter import DEBOUNCE_MS, LixBandBar, LixMeter, score_labels, set_muted
from app.ui.plan.sections_tab import SectionsTab

# What to measure: the draft on screen and the family's members (id -> name) in the family's
# order; None while no plan is open.
DraftSource = Callable[[], tuple[PlanDraft, dict[int, str]] | None]
PART_ROLE = Qt.ItemDataRole.UserRole


def part_name(key: str, members: dict[int, str], section_title: Callable[[str], str]) -> str:
    """The part's name as the editor shows it."""
    fixed = {
        GOALS: QCoreApplication.translate("PlanReading", "Goals"),
        AGREEMENTS: QCoreApplication.translate("PlanReading", "Agreements"),
        OFFERS: QCoreApplication.translate("PlanReading", "Comments on the help"),
    }
    if key in fixed:
        return fixed[key]
    citizen_id = member_of(key)
    if citizen_id is not None:
        name = members.get(citizen_id, "")
        return QCoreApplication.translate("PlanPage", "About %1").replace("%1", name)
    return section_title(key)


class PlanReadingPanel(QScrollArea):
    """Side panel: the whole plan's LIX, a table of its parts, and the field meter below."""

    part_chosen = Signal(str)  # a part key: the page shows that part
    measured = Signal()

    def __init__(
        self,
        source: DraftSource,
        section_title: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._section_title = section_title
        self._members: dict[int, str] = {}
        self.reading: PlanReading | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.measure)

        page = QWidget(self)
        self.title = QLabel(self.tr("The whole plan, as the family reads it"), page)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.score_label, self.band_label, row = score_labels(page, self.tr("LIX score of the whole plan"))
        self.bar = LixBandBar(page)
        self.hardest_label = QLabel(page)
        self.hardest_label.setWordWrap(True)

        self.parts = QTreeWidget(page)
        self.parts.setObjectName("readingParts")
        self.parts.setAccessibleName(self.tr("Parts of the plan by readability"))
        self.parts.setColumnCount(2)
        self.parts.setHeaderLabels([self.tr("Part of the plan"), self.tr("LIX")])
        self.parts.setRootIsDecorated(False)
        self.parts.setUniformRowHeights(True)
        self.parts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parts.setToolTip(self.tr("Double-click a part (or press Enter) to go to it."))
        header = self.parts.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.parts.itemActivated.connect(self._activated)

        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        self.meter = LixMeter(page)
        self.meter.setObjectName("lixMeter")
        self.meter.title.setText(self.tr("The text you are writing"))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.bar)
        layout.addWidget(self.hardest_label)
        layout.addWidget(self.parts)
        layout.addWidget(line)
        layout.addWidget(self.meter, 1)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._show()

    def schedule(self) -> None:
        """Measure again once the typing pauses."""
        self._timer.start()

    @Slot()
    def measure(self) -> None:
        self._timer.stop()
        got = self._source()
        if got is None:
            self.reading = None
        else:
            draft, self._members = got
            self.reading = read_plan(draft, list(self._members))
        self._show()
        self.measured.emit()

    def name_of(self, key: str) -> str:
        return part_name(key, self._members, self._section_title)

    def show_part(self, key: str) -> None:
        """Measure one part in the meter below (for parts without an editor of their own)."""
        for part in self.reading.parts if self.reading else ():
            if part.key == key:
                self.meter.set_text(part.text, self.name_of(key))
                return

    def _show(self) -> None:
        reading = self.reading
        self.parts.clear()
        if reading is None or reading.is_empty:
            self.score_label.setText("–")
            self.band_label.setText(self.tr("Nothing written for the family yet."))
            set_muted(self.band_label, True)
            self.bar.set_score(None)
            self.hardest_label.clear()
            self.hardest_label.hide()
            self.parts.hide()
            return
        whole = reading.whole
        self.score_label.setText(str(whole.score))
        self.band_label.setText(self.meter.band_name(whole.band))
        set_muted(self.band_label, False)
        self.bar.set_score(whole.score)
        hardest = reading.hardest()
        self.hardest_label.setVisible(hardest is not None and len(reading.parts) > 1)
        if hardest is not None:
            self.hardest_label.setText(
                fill_placeholders(
                    self.tr("Hardest to read: %1 (%2)."), self.name_of(hardest.key), str(hardest.result.score)
                )
            )
        for part in reading.parts:
            name = self.name_of(part.key)
            item = QTreeWidgetItem([name, str(part.result.score)])
            item.setData(0, PART_ROLE, part.key)
            band = self.meter.band_name(part.result.band)
            item.setToolTip(0, name)
            item.setToolTip(1, band)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, f"{part.result.score}, {band}")
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.parts.addTopLevelItem(item)
        self.parts.show()
        rows = self.parts.topLevelItemCount()
        row_height = self.parts.sizeHintForRow(0) if rows else 0
        frame = self.parts.frameWidth() * 2 + self.parts.header().sizeHint().height()
        self.parts.setFixedHeight(frame + row_height * rows + 2)

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, PART_ROLE)
        if isinstance(key, str):
            self.part_chosen.emit(key)


class _Page(Protocol):
    tabs: QTabWidget
    sections: SectionsTab
    goals: QWidget
    agreements: QWidget
    offers: QWidget
    reading: PlanReadingPanel


def go_to_part(page: _Page, key: str) -> None:
    """Show a part of the plan: its editor gets the focus (the meter follows it), or its tab
    is shown and the meter measures the part."""
    edit = page.sections.edit_for(key)
    if edit is not None:
        page.tabs.setCurrentWidget(page.sections)
        page.sections.ensureWidgetVisible(edit)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    tab = {GOALS: page.goals, AGREEMENTS: page.agreements, OFFERS: page.offers}.get(key)
    if tab is not None:
        page.tabs.setCurrentWidget(tab)
        page.reading.show_part(key)
