"""The consent register of a case: every consent per member, and a coverage matrix per
member × party (the case's professionals and their sectors). Withdrawal takes effect at once."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import ConsentDirection
from app.services.cases.case_summary import MemberSummary
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.privacy.consent_register import Cover, CoverageMatrix
from app.services.privacy.consent_view import ConsentLine, ConsentRegisterView, load_consent_register
from app.services.privacy.consents import attachment_of, withdraw_consent
from app.services.privacy.sharing import decode_info_types, decode_parties
from app.store.safe_files import write_atomic
from app.ui.common.background import StoreLanes
from app.ui.common.colours import Cell, cell
from app.ui.common.columns import keep_fitted
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.family.consent_dialog import ConsentDialog, info_type_label, party_label

log = logging.getLogger(__name__)

COVER_CELLS = {Cover.FULL: Cell.COVER_FULL, Cover.PARTLY: Cell.COVER_PARTLY, Cover.NONE: Cell.COVER_NONE}


class ConsentRegisterDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent register"))
        self.setMinimumSize(820, 480)
        self._context = context
        self._lanes = lanes
        self._case_id = case_id
        self._read_only = read_only
        self._members: tuple[MemberSummary, ...] = ()
        self._rows: list[ConsentLine] = []
        self.matrix: CoverageMatrix | None = None
        self._view: ConsentRegisterView | None = None
        self.busy = False  # a read or a withdrawal is on its way
        self.modified = False  # a consent was recorded or withdrawn here
        self.tabs = QTabWidget(self)
        self.consents = QTableWidget(0, 8, self)
        self.consents.setObjectName("consentTable")
        self.consents.setAccessibleName(self.tr("Consents"))
        self.consents.setHorizontalHeaderLabels(
            [
                self.tr("Whose information"),
                self.tr("Given by"),
                self.tr("Information"),
                self.tr("Way"),
                self.tr("From or to whom"),
                self.tr("Purpose"),
                self.tr("Period"),
                self.tr("In force"),
            ]
        )
        self.consents.verticalHeader().setVisible(False)
        self.consents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.consents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.consents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.consents.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Record consent…"), self)
        self.add_button.setObjectName("addConsent")
        self.withdraw_button = QPushButton(self.tr("Withdraw…"), self)
        self.withdraw_button.setObjectName("withdrawConsent")
        self.save_file_button = QPushButton(self.tr("Save signed form…"), self)
        self.save_file_button.setObjectName("saveConsentForm")
        self.add_button.clicked.connect(self.add_consent)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.save_file_button.clicked.connect(self.save_selected_form)
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.consents)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.withdraw_button, self.save_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        list_layout.addLayout(buttons)

        self.coverage = QTableWidget(0, 0, self)
        self.coverage.setObjectName("coverageMatrix")
        self.coverage.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        cover_page = QWidget(self)
        cover_layout = QVBoxLayout(cover_page)
        self.cover_way = QComboBox(self)
        self.cover_way.setObjectName("coverWay")
        self.cover_way.addItem(self.tr("What may be passed on to each party"), ConsentDirection.SHARE)
        self.cover_way.addItem(self.tr("What may be collected from each party"), ConsentDirection.COLLECT)
        self.cover_way.currentIndexChanged.connect(self._way_chosen)
        self.cover_note = QLabel(self)
        self.cover_note.setWordWrap(True)
        way_row = QHBoxLayout()
        way_label = QLabel(self.tr("Show"), self)
        way_label.setBuddy(self.cover_way)
        way_row.addWidget(way_label)
        way_row.addWidget(self.cover_way)
        way_row.addStretch(1)
        cover_layout.addLayout(way_row)
        cover_layout.addWidget(self.cover_note)
        cover_layout.addWidget(self.coverage)
        self.tabs.addTab(list_page, self.tr("Consents"))
        self.tabs.addTab(cover_page, self.tr("Who may receive what"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.add_button.setEnabled(not read_only)
        self.reload()

    # -- filling ------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the register on the store lane; the tables fill when it answers."""
        case_id, sessions = self._case_id, self._context.sessions
        today = local_today()

        def job() -> ConsentRegisterView:
            with sessions() as session:
                return load_consent_register(session, case_id, today)

        self._set_busy(True)
        self._lanes.store.submit(job, self._show, self._read_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.add_button.setEnabled(not busy and not self._read_only)
        if busy:
            self.withdraw_button.setEnabled(False)
            self.save_file_button.setEnabled(False)
        else:
            self._update_buttons()

    def _read_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading the consent register failed: %s", type(exc).__name__)
        self.cover_note.setText(self.tr("The store could not be reached."))

    def _show(self, view: ConsentRegisterView) -> None:
        today = view.today
        self._view = view
        self.matrix = self._chosen_matrix()
        self._members = view.members
        names = {m.citizen_id: m.name for m in view.members}
        pros = view.professionals
        self._rows = list(view.lines)
        self.consents.setRowCount(len(view.lines))
        for row, line in enumerate(view.lines):
            decoded_types = decode_info_types(line.info_types)
            type_text = ", ".join(info_type_label(t) for t in sorted(decoded_types)) or line.info_types
            decoded = decode_parties(line.parties)
            party_text = ", ".join(party_label(p, pros) for p in decoded) if decoded else line.parties
            period = (
                format_date(line.given_on) + " – " + (format_date(line.expires_on) if line.expires_on else "")
            )
            if line.withdrawn_on is not None:
                state = self.tr("Withdrawn %1").replace("%1", format_date(line.withdrawn_on))
                if line.withdrawn_reason:
                    state += f" ({line.withdrawn_reason})"
            elif line.in_force:
                state = self.tr("Yes")
            elif line.expires_on is not None and line.expires_on < today:
                state = self.tr("Expired")
            else:
                state = self.tr("Not yet")
            cells = [
                names.get(line.citizen_id, ""),
                f"{line.given_by} ({label(line.capacity)})",
                type_text,
                self._way_text(line.direction),
                party_text,
                line.purpose,
                period,
                state,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a narrow column elides: the whole text on hover
                self.consents.setItem(row, column, item)
        keep_fitted(self.consents, flexible=(4, 5, 2, 3))  # from/to whom, purpose, information, way
        self._fill_matrix(names, pros)
        self._set_busy(False)

    def _fill_matrix(self, names: dict[int, str], pros: dict) -> None:  # type: ignore[type-arg]
        matrix = self.matrix
        assert matrix is not None
        self.coverage.clear()
        self.coverage.setRowCount(len(matrix.member_ids))
        self.coverage.setColumnCount(len(matrix.parties))
        self.coverage.setVerticalHeaderLabels([names.get(i, "") for i in matrix.member_ids])
        self.coverage.setHorizontalHeaderLabels([party_label(p.party, pros) for p in matrix.parties])
        texts = {
            Cover.FULL: self.tr("Covered"),
            Cover.PARTLY: self.tr("Partly"),
            Cover.NONE: self.tr("Not covered"),
        }
        for row, citizen in enumerate(matrix.member_ids):
            for column in range(len(matrix.parties)):
                level = matrix.level(citizen, column)
                item = QTableWidgetItem(texts[level])
                item.setData(Qt.ItemDataRole.UserRole, level.value)
                fill, ink = cell(COVER_CELLS[level], self.coverage.palette().color(QPalette.ColorRole.Base))
                item.setBackground(QBrush(fill))
                item.setForeground(QBrush(ink))
                types = matrix.types(citizen, column)
                if types:
                    item.setToolTip(", ".join(info_type_label(t) for t in sorted(types)))
                self.coverage.setItem(row, column, item)
        collect = self.cover_way.currentData() == ConsentDirection.COLLECT
        self.cover_note.setText(
            (
                self.tr(
                    "Today, per person and party: what may be collected from the party. "
                    "Partly: only some kinds of information."
                )
                if collect
                else self.tr(
                    "Today, per person and party: what may be shared. Partly: only some kinds of information."
                )
            )
            if matrix.parties
            else self.tr("The case has no professionals yet.")
        )
        self.coverage.resizeColumnsToContents()

    def _way_text(self, direction: ConsentDirection) -> str:
        """The consent's way, short enough for its column."""
        return {
            ConsentDirection.COLLECT: self.tr("Collect"),
            ConsentDirection.SHARE: self.tr("Pass on"),
            ConsentDirection.BOTH: self.tr("Both ways"),
        }[ConsentDirection(direction)]

    def _chosen_matrix(self) -> CoverageMatrix | None:
        view = self._view
        if view is None:
            return None
        if self.cover_way.currentData() == ConsentDirection.COLLECT and view.collect_matrix is not None:
            return view.collect_matrix
        return view.matrix

    def _way_chosen(self) -> None:
        """Show the other direction's coverage (read with the register: no new read)."""
        view = self._view
        if view is None:
            return
        self.matrix = self._chosen_matrix()
        self._fill_matrix({m.citizen_id: m.name for m in view.members}, view.professionals)

    def cover_text(self, citizen_id: int, party_index: int) -> str:
        row = self.matrix.member_ids.index(citizen_id) if self.matrix else -1
        item = self.coverage.item(row, party_index)
        return item.text() if item is not None else ""

    def cover_level(self, citizen_id: int, party_index: int) -> Cover:
        assert self.matrix is not None
        return self.matrix.level(citizen_id, party_index)

    def _selected(self) -> ConsentLine | None:
        rows = self.consents.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.withdraw_button.setEnabled(not self._read_only and chosen is not None and chosen.withdrawable)
        self.save_file_button.setEnabled(chosen is not None and chosen.has_file)

    # -- actions ------------------------------------------------------------------------
    def add_consent(self) -> None:
        if self._read_only:
            return
        if (
            ConsentDialog.ask(self._context, self._lanes, self._case_id, self._members, None, self)
            is not None
        ):
            self.modified = True
            self.reload()

    def ask_reason(self) -> tuple[str, bool]:
        return QInputDialog.getText(
            self,
            self.tr("Withdraw consent"),
            self.tr("Why is the consent withdrawn? It stops all sharing today."),
        )

    def confirm(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw consent"),
            self.tr("Withdraw the consent now? Nothing more may be shared under it from today."),
        )
        return answer == QMessageBox.StandardButton.Yes

    def withdraw_selected(self) -> None:
        chosen = self._selected()
        if chosen is None or self._read_only:
            return
        reason, ok = self.ask_reason()
        if not ok or not self.confirm():
            return
        self.withdraw(chosen.id, chosen.version, reason, local_today())

    def withdraw(self, consent_id: int, version: int, reason: str, day: date) -> None:
        """Withdraw on the store lane; the register is read again afterwards."""
        sessions = self._context.sessions

        def job() -> None:
            with sessions.begin() as session:
                withdraw_consent(session, consent_id, day, reason, version)

        self._set_busy(True)
        self._lanes.store.submit(job, self._withdrawn, self._withdraw_failed, owner=self)

    def _withdrawn(self, _result: None) -> None:
        self.modified = True
        self.reload()

    def _withdraw_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, (ConcurrentEditError, RowGoneError)):
            QMessageBox.information(
                self,
                self.tr("Not withdrawn"),
                self.tr("Someone else changed the consent meanwhile. Look again."),
            )
        elif isinstance(exc, ValidationError):
            QMessageBox.information(
                self, self.tr("Not withdrawn"), self.tr("The reason or the day is not valid.")
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Withdrawing a consent failed")
            QMessageBox.warning(self, self.tr("Not withdrawn"), self.tr("The store could not be reached."))
        else:
            raise exc
        self.reload()

    def save_selected_form(self) -> None:
        """The signed form is read on the store lane, then saved where the caseworker says."""
        chosen = self._selected()
        if chosen is None:
            return
        consent_id, sessions = chosen.id, self._context.sessions

        def job() -> tuple[str, bytes] | None:
            with sessions() as session:
                return attachment_of(session, consent_id)

        self._set_busy(True)
        self._lanes.store.submit(job, self._save_form, self._read_failed, owner=self)

    def _save_form(self, found: tuple[str, bytes] | None) -> None:
        self._set_busy(False)
        if found is None:
            return
        name, content = found
        # A fixed name: the stored one is the user's own and may hold a name or CPR number.
        suffix = Path(name).suffix.lower() if Path(name).suffix.isascii() else ""
        kind = f"*{suffix[:8]}" if suffix else ""
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save signed form"), "samtykkeerklaering", kind
        )
        if target and suffix and not Path(target).suffix:
            target += suffix[:8]
        if target:
            try:
                write_atomic(target, content)
            except OSError:
                QMessageBox.warning(self, self.tr("Not saved"), self.tr("The file could not be written."))

    @classmethod
    def show_for(
        cls, context: AppContext, lanes: StoreLanes, case_id: int, read_only: bool, parent: QWidget | None
    ) -> None:
        cls(context, lanes, case_id, read_only, parent).exec()
