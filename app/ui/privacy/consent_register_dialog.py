"""The consent register of a case: every consent per member, and a coverage matrix per
member × party (the case's professionals and their sectors). Withdrawal takes effect at once."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from app.models import Consent
from app.services.cases.case_summary import MemberSummary, case_summary
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.family.family_overview import load_family_overview
from app.services.privacy.consent_register import Cover, CoverageMatrix, coverage_matrix
from app.services.privacy.consents import attachment_of, withdraw_consent
from app.services.privacy.sharing import decode_info_types, decode_parties
from app.store.safe_files import write_atomic
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.family.family_dialogs import ConsentDialog, info_type_label, party_label

log = logging.getLogger(__name__)

COVER_COLOURS = {Cover.FULL: "#d8f0d8", Cover.PARTLY: "#fff1c2", Cover.NONE: "#f6d6d6"}


class ConsentRegisterDialog(QDialog):
    def __init__(
        self, context: AppContext, case_id: int, read_only: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent register"))
        self.setMinimumSize(820, 480)
        self._context = context
        self._case_id = case_id
        self._read_only = read_only
        self._members: tuple[MemberSummary, ...] = ()
        self._rows: list[tuple[int, int, bool, bool]] = []  # consent id, version, in force, has file
        self.matrix: CoverageMatrix | None = None
        self.modified = False  # a consent was recorded or withdrawn here
        self.tabs = QTabWidget(self)
        self.consents = QTableWidget(0, 7, self)
        self.consents.setObjectName("consentTable")
        self.consents.setHorizontalHeaderLabels(
            [
                self.tr("Whose information"),
                self.tr("Given by"),
                self.tr("Information"),
                self.tr("Shared with"),
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
        self.cover_note = QLabel(self)
        self.cover_note.setWordWrap(True)
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
        today = local_today()
        with self._context.sessions() as session:
            summary = case_summary(session, self._case_id)
            overview = load_family_overview(session, self._case_id)
            rows = list(
                session.scalars(
                    select(Consent)
                    .where(
                        Consent.citizen_id.in_([m.citizen_id for m in summary.members] or [0]),
                        (Consent.case_id == self._case_id) | Consent.case_id.is_(None),
                    )
                    .order_by(Consent.citizen_id, Consent.given_on, Consent.id)
                )
            )
            self.matrix = coverage_matrix(session, self._case_id, today)
            facts = [
                (
                    c.id,
                    c.version,
                    c.citizen_id,
                    c.given_by_name,
                    c.capacity,
                    c.info_types,
                    c.parties,
                    c.purpose,
                    c.given_on,
                    c.expires_on,
                    c.withdrawn_on,
                    c.withdrawn_reason,
                    c.in_force_on(today),
                    c.attachment is not None,
                )
                for c in rows
            ]
        self._members = summary.members
        names = {m.citizen_id: m.name for m in summary.members}
        pros = {str(p.id): p for p in overview.professionals}
        self._rows = []
        self.consents.setRowCount(len(facts))
        for row, f in enumerate(facts):
            (
                cid,
                version,
                citizen,
                by,
                capacity,
                types,
                parties,
                purpose,
                given,
                expires,
                withdrawn,
                why,
                live,
                file,
            ) = f
            decoded_types = decode_info_types(types)
            type_text = ", ".join(info_type_label(t) for t in sorted(decoded_types)) or types
            decoded = decode_parties(parties)
            party_text = ", ".join(party_label(p, pros) for p in decoded) if decoded else parties
            period = format_date(given) + " – " + (format_date(expires) if expires else "")
            if withdrawn is not None:
                state = self.tr("Withdrawn %1").replace("%1", format_date(withdrawn))
                if why:
                    state += f" ({why})"
            elif live:
                state = self.tr("Yes")
            elif expires is not None and expires < today:
                state = self.tr("Expired")
            else:
                state = self.tr("Not yet")
            cells = [
                names.get(citizen, ""),
                f"{by} ({label(capacity)})",
                type_text,
                party_text,
                purpose,
                period,
                state,
            ]
            for column, text in enumerate(cells):
                self.consents.setItem(row, column, QTableWidgetItem(text))
            self._rows.append((cid, version, live or withdrawn is None, file))
        self.consents.resizeColumnsToContents()
        self._fill_matrix(names, pros)
        self._update_buttons()

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
                item.setBackground(QBrush(QColor(COVER_COLOURS[level])))
                types = matrix.types(citizen, column)
                if types:
                    item.setToolTip(", ".join(info_type_label(t) for t in sorted(types)))
                self.coverage.setItem(row, column, item)
        self.cover_note.setText(
            self.tr(
                "Today, per person and party: what may be shared. Partly: only some kinds of information."
            )
            if matrix.parties
            else self.tr("The case has no professionals yet.")
        )
        self.coverage.resizeColumnsToContents()

    def cover_text(self, citizen_id: int, party_index: int) -> str:
        row = self.matrix.member_ids.index(citizen_id) if self.matrix else -1
        item = self.coverage.item(row, party_index)
        return item.text() if item is not None else ""

    def cover_level(self, citizen_id: int, party_index: int) -> Cover:
        assert self.matrix is not None
        return self.matrix.level(citizen_id, party_index)

    def _selected(self) -> tuple[int, int, bool, bool] | None:
        rows = self.consents.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.withdraw_button.setEnabled(not self._read_only and chosen is not None and chosen[2])
        self.save_file_button.setEnabled(chosen is not None and chosen[3])

    # -- actions ------------------------------------------------------------------------
    def add_consent(self) -> None:
        if self._read_only:
            return
        if ConsentDialog.ask(self._context, self._case_id, self._members, None, self) is not None:
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
        self.withdraw(chosen[0], chosen[1], reason, local_today())

    def withdraw(self, consent_id: int, version: int, reason: str, day: date) -> None:
        try:
            with self._context.sessions.begin() as session:
                withdraw_consent(session, consent_id, day, reason, version)
            self.modified = True
        except (ConcurrentEditError, RowGoneError):
            QMessageBox.information(
                self,
                self.tr("Not withdrawn"),
                self.tr("Someone else changed the consent meanwhile. Look again."),
            )
        except ValidationError:
            QMessageBox.information(
                self, self.tr("Not withdrawn"), self.tr("The reason or the day is not valid.")
            )
        except SQLAlchemyError:
            log.warning("Withdrawing a consent failed")
            QMessageBox.warning(self, self.tr("Not withdrawn"), self.tr("The store could not be reached."))
        self.reload()

    def save_selected_form(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        with self._context.sessions() as session:
            found = attachment_of(session, chosen[0])
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
    def show_for(cls, context: AppContext, case_id: int, read_only: bool, parent: QWidget | None) -> None:
        cls(context, case_id, read_only, parent).exec()
