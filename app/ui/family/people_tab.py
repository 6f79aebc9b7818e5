"""The family's people and their interventions (indsatser), grouped by member or by sector."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import InterventionStatus, Sector
from app.services.family.family_analysis import FamilyAnalysis
from app.services.family.family_overview import InterventionInfo
from app.ui.common.colours import Tone, note_style, tone
from app.ui.common.columns import keep_fitted
from app.ui.common.formatting import format_date
from app.ui.common.labels import label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_BY_MEMBER, GROUP_BY_SECTOR = 0, 1
MAX_MEMBER_ROWS = 8
MAX_COLUMN_WIDTH = 300  # long law titles are elided; the whole text is in the tooltip


class PeopleTab(QWidget):
    add_member_requested = Signal()
    edit_member_requested = Signal(int)  # citizen id
    remove_member_requested = Signal(int)
    consent_requested = Signal(int)
    consent_register_requested = Signal()
    add_intervention_requested = Signal(int)  # citizen id (0: none chosen)
    edit_intervention_requested = Signal(int)  # intervention id
    end_intervention_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: FamilyAnalysis | None = None
        self.members = QTableWidget(0, 7, self)
        self.members.setObjectName("memberTable")
        self.members.setAccessibleName(self.tr("Family members"))
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Age"),
                self.tr("CPR"),
                self.tr("Custody"),
                self.tr("In household"),
                self.tr("Consent"),
            ]
        )
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.doubleClicked.connect(lambda _i: self._emit_member(self.edit_member_requested))
        self.add_member = QPushButton(self.tr("Add person…"), self)
        self.add_member.setObjectName("addMember")
        self.edit_member = QPushButton(self.tr("Change…"), self)
        self.remove_member = QPushButton(self.tr("Remove…"), self)
        self.remove_member.setObjectName("removeMember")
        self.consent = QPushButton(self.tr("Record consent…"), self)
        self.consent.setObjectName("recordConsent")
        self.add_member.clicked.connect(self.add_member_requested)
        self.edit_member.clicked.connect(lambda: self._emit_member(self.edit_member_requested))
        self.remove_member.clicked.connect(lambda: self._emit_member(self.remove_member_requested))
        self.consent.clicked.connect(lambda: self._emit_member(self.consent_requested, allow_none=True))
        self.consent_register = QPushButton(self.tr("Consent register…"), self)
        self.consent_register.setObjectName("peopleConsentRegister")
        self.consent_register.clicked.connect(self.consent_register_requested)

        self.grouping = QComboBox(self)
        self.grouping.setAccessibleName(self.tr("Grouping of the interventions"))
        self.grouping.setProperty("no_label", "its items say what it does")
        self.grouping.addItem(self.tr("Grouped by person"))
        self.grouping.addItem(self.tr("Grouped by sector"))
        self.grouping.currentIndexChanged.connect(self._fill_interventions)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("interventionTree")
        self.tree.setAccessibleName(self.tr("Interventions"))
        self.tree.setColumnCount(8)
        self.tree.setHeaderLabels(
            [
                self.tr("Intervention"),
                self.tr("Law and section"),
                self.tr("Responsible"),
                self.tr("Period"),
                self.tr("Status"),
                self.tr("Sector plan"),
                self.tr("Source"),
                self.tr("Weekly times"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(self._tree_double_clicked)
        self.add_intervention = QPushButton(self.tr("New intervention…"), self)
        self.add_intervention.setObjectName("addIntervention")
        self.edit_intervention = QPushButton(self.tr("Change…"), self)
        self.end_intervention = QPushButton(self.tr("End…"), self)
        self.end_intervention.setObjectName("endIntervention")
        self.add_intervention.clicked.connect(self._add_intervention)
        self.edit_intervention.clicked.connect(
            lambda: self._emit_intervention(self.edit_intervention_requested)
        )
        self.end_intervention.clicked.connect(
            lambda: self._emit_intervention(self.end_intervention_requested)
        )

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.members)
        member_buttons = QHBoxLayout()
        for button in (
            self.add_member,
            self.edit_member,
            self.remove_member,
            self.consent,
            self.consent_register,
        ):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        top_layout.addLayout(member_buttons)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        title = QLabel(self.tr("Interventions"), bottom)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.grouping)
        bottom_layout.addLayout(heading)
        bottom_layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        for button in (self.add_intervention, self.edit_intervention, self.end_intervention):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.stale_note = QLabel(self)
        self.stale_note.setStyleSheet(note_style())
        buttons.addWidget(self.stale_note)
        bottom_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(bottom, 1)

    # -- filling ----------------------------------------------------------------------
    def show_analysis(self, analysis: FamilyAnalysis, read_only: bool) -> None:
        self.analysis = analysis
        overview = analysis.overview
        family = overview.family_id is not None
        for button in (self.add_member, self.remove_member):
            button.setVisible(family)
        for button in (
            self.add_member,
            self.edit_member,
            self.remove_member,
            self.consent,
            self.add_intervention,
            self.edit_intervention,
            self.end_intervention,
        ):
            button.setEnabled(not read_only)
        self.edit_member.setVisible(family)
        self._fill_members()
        self._fill_interventions()

    def _fill_members(self) -> None:
        assert self.analysis is not None
        overview, today = self.analysis.overview, self.analysis.today
        self.members.setRowCount(len(overview.members))
        for row, member in enumerate(overview.members):
            consents = [c for c in overview.consents_of(member.citizen_id) if c.in_force_on(today)]
            if consents:
                until = [c.expires_on for c in consents if c.expires_on is not None]
                consent_text = (
                    self.tr("Yes, until %1").replace("%1", format_date(max(until)))
                    if until and len(until) == len(consents)
                    else self.tr("Yes")
                )
            else:
                consent_text = self.tr("None recorded")
            values = [
                member.name,
                label(member.relation) if overview.family_id is not None else "",
                str(member.age_on(today)),
                member.cpr_masked,
                self.tr("Yes") if member.custody else "",
                self.tr("Yes") if member.lives_in_household else self.tr("No"),
                consent_text,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, member.citizen_id)
                if column == 6 and not consents:
                    item.setForeground(QBrush(tone(Tone.ERROR)))
                self.members.setItem(row, column, item)
        self.members.resizeColumnsToContents()
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Every member in sight (a family rarely has more than eight): no scrolling for them.
        shown = min(self.members.rowCount(), MAX_MEMBER_ROWS)
        height = self.members.horizontalHeader().height() + 2 * self.members.frameWidth()
        height += sum(self.members.rowHeight(r) for r in range(shown))
        self.members.setFixedHeight(height)

    def _fill_interventions(self) -> None:
        if self.analysis is None:
            return
        overview = self.analysis.overview
        self.tree.clear()
        by_member = self.grouping.currentIndex() == GROUP_BY_MEMBER
        groups: dict[object, list[InterventionInfo]] = {}
        if by_member:
            for member in overview.members:
                groups[member.citizen_id] = []
            for item in overview.interventions:
                groups.setdefault(item.citizen_id, []).append(item)
        else:
            for sector in Sector:
                items = [i for i in overview.interventions if i.sector == sector]
                if items:
                    groups[sector] = items
        stale_count = 0
        for key, items in groups.items():
            if by_member:
                person = overview.member(int(str(key)))
                title = person.name if person else "?"
            else:
                title = label(Sector(str(key)))
            running = sum(1 for i in items if i.open and i.runs_on(self.analysis.today))
            top = QTreeWidgetItem(self.tree, [self.tr("%1 (%n running)", "", running).replace("%1", title)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            if by_member:
                top.setData(0, ID_ROLE, key)
            if not items:
                QTreeWidgetItem(top, [self.tr("No interventions")]).setForeground(0, QBrush(tone(Tone.MUTED)))
            sub_groups: dict[Sector | int, list[InterventionInfo]] = {}
            for item in sorted(items, key=lambda i: (not i.open, i.start_date)):
                sub_key = item.sector if by_member else item.citizen_id
                sub_groups.setdefault(sub_key, []).append(item)
            for sub_key, sub_items in sub_groups.items():
                if by_member:
                    sub_title = label(Sector(str(sub_key)))
                else:
                    m = overview.member(int(str(sub_key)))
                    sub_title = m.name if m else "?"
                sub = QTreeWidgetItem(top, [sub_title])
                sub.setFirstColumnSpanned(True)
                for info in sub_items:
                    stale = info.id in self.analysis.stale_ids
                    stale_count += stale
                    self._intervention_row(sub, info, stale)
        self.tree.expandAll()
        # Long names, law titles, sources and times elide (the whole text is in the tooltip).
        keep_fitted(self.tree, flexible=(7, 6, 5, 1, 0), limit=MAX_COLUMN_WIDTH)
        self.stale_note.setText(
            self.tr(
                "%n intervention(s) not checked against the source system for a long time.", "", stale_count
            )
            if stale_count
            else ""
        )

    def _intervention_row(self, parent: QTreeWidgetItem, info: InterventionInfo, stale: bool) -> None:
        period = f"{format_date(info.start_date)} – {format_date(info.end_date)}"
        source = ""
        if info.source_system:
            source = (
                self.tr("%1, checked %2")
                .replace("%1", info.source_system)
                .replace("%2", format_date(info.last_checked))
                if info.last_checked
                else self.tr("%1, never checked").replace("%1", info.source_system)
            )
        law = (
            f"{info.law_reference} {info.law_title}".strip()
            if info.law_reference
            else self.tr("(no section)")
        )
        times = ", ".join(
            f"{_short_day(s.weekday)} {s.start.strftime('%H.%M')}–{s.end.strftime('%H.%M')}"
            for s in info.slots
        )
        row = QTreeWidgetItem(
            parent,
            [
                info.title,
                law,
                info.professional_name,
                period,
                label(info.status),
                info.sector_plan,
                source,
                times,
            ],
        )
        row.setData(0, ID_ROLE, info.id)
        for column in range(row.columnCount()):
            row.setToolTip(column, row.text(column))
        if info.status == InterventionStatus.ENDED:
            for column in range(row.columnCount()):
                row.setForeground(column, QBrush(tone(Tone.MUTED)))
        if stale:
            row.setForeground(6, QBrush(tone(Tone.NOTE)))
            row.setToolTip(6, self.tr("Check this against the source system: the copy may be out of date."))
            font = row.font(6)
            font.setBold(True)
            row.setFont(6, font)

    # -- selections ---------------------------------------------------------------------
    def selected_member(self) -> int | None:
        items = self.members.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def selected_intervention(self) -> int | None:
        item = self.tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None and item.parent() is not None else None
        return int(value) if value is not None else None

    def _emit_member(self, signal: SignalInstance, allow_none: bool = False) -> None:
        member = self.selected_member()
        if member is not None:
            signal.emit(member)
        elif allow_none:
            signal.emit(0)

    def _emit_intervention(self, signal: SignalInstance) -> None:
        chosen = self.selected_intervention()
        if chosen is not None:
            signal.emit(chosen)

    def _add_intervention(self) -> None:
        member = self.selected_member()
        item = self.tree.currentItem()
        if (
            member is None
            and item is not None
            and item.parent() is None
            and item.data(0, ID_ROLE) is not None
        ):
            member = int(item.data(0, ID_ROLE))
        self.add_intervention_requested.emit(member or 0)

    def _tree_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None and item.data(0, ID_ROLE) is not None:
            self.edit_intervention_requested.emit(int(item.data(0, ID_ROLE)))


def _short_day(weekday: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)
