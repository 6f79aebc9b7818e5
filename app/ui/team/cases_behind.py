"""The cases behind a figure of the team overview: number, name, status, coordinator and the
follow-up date; a double-click (or Open) opens the case in the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.team.overview import CaseRef
from app.ui.common.formatting import format_date
from app.ui.common.labels import label

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def read_only_table(parent: QWidget, name: str, headers: list[str], whole_rows: bool = True) -> QTableWidget:
    """A table to read and choose one row (or cell) from: the team screens' lists."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    rows, items = (
        QAbstractItemView.SelectionBehavior.SelectRows,
        QAbstractItemView.SelectionBehavior.SelectItems,
    )
    table.setSelectionBehavior(rows if whole_rows else items)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    return table


class CasesBehindDialog(QDialog):
    case_chosen = Signal(int)

    def __init__(self, title: str, cases: list[CaseRef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 420)
        heading = QLabel(self.tr("%n case(s)", "", len(cases)), self)
        headers = [
            self.tr("Case"),
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Coordinator"),
            self.tr("Follow-up"),
        ]
        self.table = read_only_table(self, "casesBehind", headers)
        self.table.setAccessibleName(self.tr("Cases behind the figure"))
        self.table.setRowCount(len(cases))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, case in enumerate(cases):
            texts = (
                case.number,
                case.title,
                label(case.status),
                case.coordinator,
                format_date(case.follow_up_due),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(CASE_ID_ROLE, case.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close, self
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(self.tr("Open case"))
        self.open_button.setEnabled(bool(cases))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.open_button.clicked.connect(self._open_selected)
        buttons.rejected.connect(self.reject)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open_row(row))
        if cases:
            self.table.selectRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open_row(rows[0].row())

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        self.case_chosen.emit(int(item.data(CASE_ID_ROLE)))
        self.accept()
