"""The candidates tab of the team overview: citizens helped by three or more sectors and
families with four or more professionals, none with a coordinating case; "Create candidate
case" makes a case with status candidate that the team lead holds (on the store lane)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.team.candidates import (
    Candidate,
    CandidateKind,
    CandidateTakenError,
    candidates,
    create_candidate_case,
)
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.labels import label
from app.ui.team.cases_behind import read_only_table

log = logging.getLogger(__name__)


class CandidatesTab(QWidget):
    case_created = Signal(int)  # the new candidate case

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lanes = lanes
        self._found: list[Candidate] = []
        self._notice = ""  # what was just done, shown with the list read after it
        self.busy = False
        note = QLabel(
            self.tr(
                "Citizens who receive help from three or more sectors, and families with four or more "
                "professionals, who have no coordinating case."
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = read_only_table(self, "candidates", [self.tr("Name"), self.tr("Kind"), self.tr("Why")])
        self.table.setAccessibleName(self.tr("Candidate cases"))
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.create_button = QPushButton(self.tr("Create candidate case"), self)
        self.create_button.setObjectName("createCandidateCase")
        self.create_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.create_button.clicked.connect(self.create_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def reload(self) -> None:
        sessions, today = self._context.sessions, local_today()

        def job() -> list[Candidate]:
            with sessions() as session:
                return candidates(session, today)

        self.busy = True
        self._lanes.store.submit(job, self._arrived, self._failed, owner=self)

    def _arrived(self, found: list[Candidate]) -> None:
        self.busy = False
        self._found = found
        self.table.setRowCount(len(found))
        for row, candidate in enumerate(found):
            if candidate.kind == CandidateKind.FAMILY:
                kind = self.tr("Family")
                why = self.tr("%n professional(s)", "", candidate.professionals)
            else:
                kind = self.tr("Citizen")
                why = self.tr("Sectors: %1").replace("%1", ", ".join(label(s) for s in candidate.sectors))
            for column, text in enumerate((candidate.name, kind, why)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        empty = self.tr("No candidates: everyone helped by many is coordinated.") if not found else ""
        self.status.setText(" ".join(t for t in (self._notice, empty) if t))
        self._notice = ""
        self._selection_changed()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if isinstance(exc, CandidateTakenError):
            self.status.setStyleSheet(error_style())
            self.status.setText(self.tr("Someone created a case for them meanwhile. Nothing was stored."))
            self.reload()
            return
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("The candidates could not be read or stored: %s", type(exc).__name__)
        self.status.setStyleSheet(error_style())
        self.status.setText(self.tr("The database did not answer. Nothing was stored; try again."))

    def selected(self) -> Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self._found[rows[0].row()] if rows and rows[0].row() < len(self._found) else None

    def _selection_changed(self) -> None:
        self.create_button.setEnabled(self.selected() is not None and not self.busy)

    def create_selected(self) -> None:
        """One step: a candidate case the team lead (me) holds until a coordinator takes it."""
        candidate = self.selected()
        if candidate is None or self.busy:
            return
        sessions, today, me = self._context.sessions, local_today(), self._context.user.id

        def job() -> tuple[int, str]:
            with sessions.begin() as session:
                case = create_candidate_case(session, candidate, me, today)
                return case.id, case.number

        self.busy = True
        self.create_button.setEnabled(False)
        self._lanes.store.submit(job, self._created, self._failed, owner=self)

    def _created(self, made: tuple[int, str]) -> None:
        self.busy = False
        case_id, number = made
        self.status.setStyleSheet("")
        self._notice = self.tr("Candidate case %1 created.").replace("%1", number)
        self.status.setText(self._notice)
        self.case_created.emit(case_id)
        self.reload()
