"""The case list screen: search as you type, my cases / all, sort by any column."""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.cases.case_list import Scope, SortKey
from app.services.common.context import AppContext
from app.services.common.cpr import CprHolder, cpr_holders, reveal_cpr
from app.services.team.caseload import caseload_of, caseload_settings
from app.ui.cases.case_list_model import CASE_ID_ROLE, COLUMNS, ELIDED, CaseListModel
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.columns import fit_columns
from app.ui.common.design import empty_state
from app.ui.common.formatting import format_load

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150


class CaseListPage(QWidget):
    case_opened = Signal(int)
    new_case_requested = Signal()

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        model: CaseListModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lanes = lanes
        self.model = model or CaseListModel(context, lanes.store, self)
        self.model.setParent(self)

        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setProperty("no_label", "named; its placeholder or items say what it is")
        self.search.setPlaceholderText(self.tr("Search name, case number or CPR"))
        self.search.setClearButtonEnabled(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("caseScope")
        self.scope.setAccessibleName(self.tr("Which cases to show"))
        self.scope.setProperty("no_label", "named; its placeholder or items say what it is")
        self.scope.addItem(self.tr("My cases"), Scope.MINE.value)
        self.scope.addItem(self.tr("All cases"), Scope.ALL.value)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(self.tr("New case…"), self)
        self.new_button.setObjectName("newCase")
        self.context = context
        # Showing a full CPR number is a deliberate action, logged as a lookup (DOMAIN §3.2).
        self.reveal_action = QAction(self.tr("Show CPR number…"), self)
        self.reveal_action.setObjectName("revealCpr")
        self.reveal_action.setToolTip(
            self.tr("Show the full CPR number of a person in the case (the lookup is logged)")
        )
        self.reveal_action.setEnabled(False)
        self.reveal_action.triggered.connect(self.reveal_cpr_of_selected)
        self.reveal_button = QPushButton(self.reveal_action.text(), self)
        self.reveal_button.setObjectName("revealCprButton")
        self.reveal_button.setToolTip(self.reveal_action.toolTip())
        self.reveal_button.setEnabled(False)
        self.reveal_button.clicked.connect(self.reveal_action.trigger)

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName(self.tr("Cases"))
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
        top.addWidget(self.reveal_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.empty = empty_state("", self)  # an empty list says why and what to do
        self.empty.hide()
        layout.addWidget(self.empty)
        self.caseload_label = QLabel(self)
        self.caseload_label.setObjectName("myCaseload")
        layout.addWidget(self.caseload_label)

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
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.reveal_dialog: CprRevealDialog | None = None
        self._pending_selection: int | None = None

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def _scope_changed(self) -> None:
        self.model.set_scope(Scope(self.scope.currentData()))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(int(index.siblingAtColumn(0).data(CASE_ID_ROLE)))

    def _read_caseload(self) -> None:
        """My weighted caseload against the team's limit (read again with every list read)."""
        sessions, me = self.context.sessions, self.context.user.id

        def job() -> tuple[Decimal, Decimal]:
            with sessions() as session:
                settings = caseload_settings(session)
                return caseload_of(session, me, settings), settings.limit

        self.lanes.store.submit(job, self._show_caseload, self._caseload_failed, owner=self)

    def _show_caseload(self, found: tuple[Decimal, Decimal]) -> None:
        load, limit = found
        self.caseload_label.setText(
            self.tr("Your caseload: %1 of %2")
            .replace("%1", format_load(load))
            .replace("%2", format_load(limit))
        )
        above = load > limit
        self.caseload_label.setStyleSheet(f"{error_style()} font-weight: bold;" if above else "")
        self.caseload_label.setToolTip(self.tr("Above the team's caseload limit.") if above else "")

    def _show_empty(self, total: int) -> None:
        query = self.model.query
        if total:
            text = ""
        elif query.search.strip():
            text = self.tr("No case matches “%1”. Search by name, case number or CPR number.").replace(
                "%1", query.search.strip()
            )
        elif query.scope == Scope.MINE:
            text = self.tr("You have no open cases. Show all cases, or make one with New case …")
        else:
            text = self.tr("There are no cases yet. Make the first with New case …")
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def _caseload_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading the caseload failed: %s", type(exc).__name__)
        self.caseload_label.setText("")

    def _show_count(self, total: int) -> None:
        self._read_caseload()
        self.count_label.setText(self.tr("%n case(s)", "", total))
        self._show_empty(total)
        if not self._sized and total:
            fit_columns(self.table, ELIDED)
            self._sized = True
        if self._pending_selection is not None:
            self.select_case(self._pending_selection)

    def select_case(self, case_id: int) -> None:
        """Select the case's row; while the list is being read, once it has arrived."""
        if self.model.busy:
            self._pending_selection = case_id
            return
        self._pending_selection = None
        row = self.model.row_of_case(case_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- a deliberate, logged CPR reveal ------------------------------------------------

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        value = rows[0].siblingAtColumn(0).data(CASE_ID_ROLE)
        return int(value) if value is not None else None

    def _selection_changed(self, *_args: object) -> None:
        enabled = self.selected_case_id() is not None
        self.reveal_action.setEnabled(enabled)
        self.reveal_button.setEnabled(enabled)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.reveal_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def reveal_cpr_of_selected(self) -> None:
        """Read whose numbers the case holds (names with masked numbers) on the store lane,
        ask whose, then reveal it."""
        case_id = self.selected_case_id()
        if case_id is None:
            return
        sessions = self.context.sessions

        def job() -> list[CprHolder]:
            with sessions() as session:
                return cpr_holders(session, case_id)

        self.lanes.store.submit(job, self._choose_person, self._reveal_failed)

    def _choose_person(self, people: list[CprHolder]) -> None:
        if not people:
            return
        person = people[0]
        if len(people) > 1:
            labels = [f"{p.name} ({p.masked})" for p in people]
            chosen, ok = QInputDialog.getItem(
                self,
                self.tr("Show CPR number"),
                self.tr("Whose CPR number? Showing it is logged as a lookup."),
                labels,
                0,
                False,
            )
            if not ok:
                return
            person = people[labels.index(chosen)]
        self.show_cpr(person)

    def show_cpr(self, person: CprHolder) -> None:
        """Reveal (and log) one person's number on the store lane; a small dialog shows it
        without blocking (``reveal_dialog``)."""
        case_id = self.selected_case_id()
        sessions = self.context.sessions

        def job() -> str | None:
            try:
                with sessions.begin() as session:
                    return reveal_cpr(session, person.citizen_id, case_id=case_id)
            except LookupError:
                return None

        self.lanes.store.submit(job, lambda number: self._revealed(person, number), self._reveal_failed)

    def _revealed(self, person: CprHolder, number: str | None) -> None:
        if number is None:
            QMessageBox.information(
                self, self.tr("Show CPR number"), self.tr("No CPR number is registered for this person.")
            )
            return
        if self.reveal_dialog is not None:
            self.reveal_dialog.close()
        self.reveal_dialog = CprRevealDialog(person.name, number, self)
        self.reveal_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reveal_dialog.destroyed.connect(self._reveal_dialog_gone)
        self.reveal_dialog.open()

    def _reveal_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Showing a CPR number failed: %s", type(exc).__name__)
        QMessageBox.warning(
            self,
            self.tr("Show CPR number"),
            self.tr("The database did not answer. Nothing was shown and nothing was logged."),
        )

    def _reveal_dialog_gone(self) -> None:
        self.reveal_dialog = None


class CprRevealDialog(QDialog):
    """One person's full CPR number. The title never holds it (window lists, screenshots)."""

    def __init__(self, name: str, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cprRevealDialog")
        self.setWindowTitle(self.tr("CPR number"))
        self.name_label = QLabel(name, self)
        self.number_label = QLabel(number, self)
        self.number_label.setObjectName("cprNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.number_label.setFont(font)
        self.note = QLabel(self.tr("This lookup has been logged with your name and the time."), self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.number_label)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
