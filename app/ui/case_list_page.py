"""The case list screen: search as you type, my cases / all, sort by any column."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.case_list import Scope, SortKey
from app.services.context import AppContext
from app.ui.case_list_model import CASE_ID_ROLE, COLUMNS, CaseListModel

SEARCH_DELAY_MS = 150


class CaseListPage(QWidget):
    case_opened = Signal(int)
    new_case_requested = Signal()

    def __init__(
        self, context: AppContext, model: CaseListModel | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model or CaseListModel(context, self)
        self.model.setParent(self)

        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Search name, case number or CPR"))
        self.search.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("caseScope")
        self.scope.addItem(self.tr("My cases"), Scope.MINE.value)
        self.scope.addItem(self.tr("All cases"), Scope.ALL.value)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setObjectName("newCase")

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Most urgent first; enabling sorting runs the first query (in SQL).
        header.setSortIndicator(COLUMNS.index(SortKey.FOLLOW_UP_DUE), Qt.SortOrder.AscendingOrder)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_search)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.new_button.clicked.connect(self.new_case_requested)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.model.reloaded.connect(self._show_count)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self._sized = False
        self.table.setSortingEnabled(True)

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def _scope_changed(self) -> None:
        self.model.set_scope(Scope(self.scope.currentData()))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(int(index.siblingAtColumn(0).data(CASE_ID_ROLE)))

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", total))
        if not self._sized and total:
            self.table.resizeColumnsToContents()
            self._sized = True

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of_case(case_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
