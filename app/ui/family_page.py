"""The family screen for the opened case: header and members (the full overview comes later)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.case_summary import CaseSummary
from app.services.clock import local_today
from app.ui.formatting import format_date
from app.ui.labels import label


class FamilyPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("caseHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.coordinator = QLabel(self)
        self.partner = QLabel(self)
        self.model_status = QLabel(self)
        self.follow_up = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Coordinator"), self.coordinator)
        form.addRow(self.tr("Partner caseworker"), self.partner)
        form.addRow(self.tr("Model and status"), self.model_status)
        form.addRow(self.tr("Next follow-up"), self.follow_up)
        self.members = QTableWidget(0, 5, self)
        self.members.setObjectName("memberTable")
        self.members.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Relation"), self.tr("Age"), self.tr("CPR"), self.tr("Custody")]
        )
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.placeholder = QLabel(self.tr("Open a case in the case list to see the family here."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        members_title = QLabel(self.tr("Members"), self)
        bold = members_title.font()
        bold.setBold(True)
        members_title.setFont(bold)
        layout.addWidget(members_title)
        layout.addWidget(self.members)
        layout.addStretch(1)
        self.summary: CaseSummary | None = None

    def show_case(self, summary: CaseSummary) -> None:
        self.summary = summary
        self.placeholder.hide()
        self.heading.setText(f"{summary.number} · {summary.title}")
        self.coordinator.setText(
            f"{summary.coordinator}, {summary.coordinator_phone}"
            if summary.coordinator_phone
            else summary.coordinator
        )
        self.partner.setText(
            (f"{summary.partner}, {summary.partner_phone}" if summary.partner_phone else summary.partner)
            or self.tr("(none)")
        )
        self.model_status.setText(f"{label(summary.model)} · {label(summary.status)}")
        self.follow_up.setText(format_date(summary.follow_up_due))
        today = local_today()
        self.members.setRowCount(len(summary.members))
        for row, member in enumerate(summary.members):
            values = [
                member.name,
                label(member.relation),
                str(member.age_on(today)),
                member.cpr_masked,
                self.tr("Yes") if member.custody else "",
            ]
            for column, value in enumerate(values):
                self.members.setItem(row, column, QTableWidgetItem(value))
        self.members.resizeColumnsToContents()
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        height = self.members.horizontalHeader().height() + 2 * self.members.frameWidth()
        height += sum(self.members.rowHeight(r) for r in range(self.members.rowCount()))
        self.members.setFixedHeight(height)
