"""Aktindsigt: choose a person (a member of the open case, or a CPR number), see every item
held about them, tick what to withhold with a reason each, and save one PDF with its CSV
index beside it (app/services/privacy/access_request.py, app/pdf/access_request_pdf.py).

Every read and the export run on the store lane. Reading the list is a lookup in the audit
log; the export is logged per item with the reasons. The CPR number typed is never shown in
a title, a message or the log (messages show it masked); the file name is the user's."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.common.context import AppContext
from app.services.common.cpr import CprHolder, cpr_holders
from app.services.privacy.access_request import (
    MAX_REASON,
    AccessRequest,
    AccessRequestError,
    ItemKind,
    NotACprError,
    Person,
    PersonGoneError,
    PersonNotFoundError,
    clean_reason,
    collect,
    find_person,
    person_by_id,
    record_export,
    record_lookup,
)
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.formatting import format_date
from app.ui.common.noop import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

KIND_LABELS = {
    ItemKind.PLAN: QT_TRANSLATE_NOOP("AccessRequestDialog", "Plan"),
    ItemKind.JOURNAL: QT_TRANSLATE_NOOP("AccessRequestDialog", "Journal entry"),
    ItemKind.MEETING: QT_TRANSLATE_NOOP("AccessRequestDialog", "Meeting"),
    ItemKind.CONSENT: QT_TRANSLATE_NOOP("AccessRequestDialog", "Consent"),
    ItemKind.DOCUMENT: QT_TRANSLATE_NOOP("AccessRequestDialog", "Document"),
    ItemKind.TASK: QT_TRANSLATE_NOOP("AccessRequestDialog", "Task"),
    ItemKind.INTERVENTION: QT_TRANSLATE_NOOP("AccessRequestDialog", "Intervention"),
}
COL_WITHHOLD, COL_KIND, COL_CASE, COL_DATE, COL_TITLE, COL_REASON = range(6)


class AccessRequestDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Access request"))
        self.setMinimumSize(900, 560)
        self._sessions = context.sessions
        self._worker = lanes.store
        self.person: Person | None = None  # whose items the table shows
        self.request: AccessRequest | None = None
        self.busy = False
        self.saved: tuple[Path, Path] | None = None

        intro = QLabel(
            self.tr(
                "Everything Koordinator holds about a person, in one PDF for them (forvaltningsloven "
                "§ 9, GDPR article 15), with an index beside it as a CSV file. Tick what you withhold "
                "and give the reason for each; the reasons are printed in the index and kept in the "
                "audit log."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.who = QComboBox(self)
        self.who.setObjectName("accessPerson")
        self.who.addItem(self.tr("A CPR number…"), None)
        self.cpr = QLineEdit(self)
        self.cpr.setObjectName("accessCpr")
        self.cpr.setPlaceholderText(self.tr("DDMMYY-SSSS"))
        self.cpr.setMaxLength(20)
        self.cpr.returnPressed.connect(self.look_up)
        self.cpr.textEdited.connect(self._forget)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.setObjectName("accessFind")
        self.find_button.clicked.connect(self.look_up)
        self.who.currentIndexChanged.connect(self._person_chosen)
        self.person_error = self._label("accessPersonError", error_style())

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("accessItems")
        self.table.setAccessibleName(self.tr("Items in the access request"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Withhold"),
                self.tr("Kind"),
                self.tr("Case"),
                self.tr("Date"),
                self.tr("What"),
                self.tr("Reason"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in (COL_WITHHOLD, COL_KIND, COL_CASE, COL_DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.summary = self._label("accessSummary")
        self.summary.show()
        self.reason_error = self._label("accessReasonError", error_style())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.make_button = QPushButton(self.tr("Save PDF…"), self)
        self.make_button.setObjectName("accessSave")
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(self.save)
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Person:"), self))
        row.addWidget(self.who, 1)
        row.addWidget(self.cpr, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.person_error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.reason_error)
        layout.addWidget(self.buttons)

        self.members_read = case_id is None
        if case_id is not None:
            sessions = self._sessions

            def members() -> list[CprHolder]:
                with sessions() as session:
                    return cpr_holders(session, case_id)

            self._worker.submit(members, self._show_members, self._failed, owner=self)

    def _label(self, name: str, style: str = "") -> QLabel:
        """A wrapped line of text, hidden until it has something to say."""
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(style)
        label.setWordWrap(True)
        label.hide()
        return label

    # -- choosing the person ---------------------------------------------------------------------
    def _show_members(self, holders: list[CprHolder]) -> None:
        for holder in holders:
            self.who.addItem(f"{holder.name} ({holder.masked})", holder.citizen_id)
        self.members_read = True
        if holders:
            self.who.setCurrentIndex(1)
            self.look_up()  # the case's first member: their items at once

    def _person_chosen(self) -> None:
        typed = self.who.currentData() is None
        self.cpr.setVisible(typed)
        self._forget()

    def _forget(self) -> None:
        """Another person chosen: the items shown are no longer theirs (Find reads them)."""
        self.person_error.hide()
        self.reason_error.hide()
        if self.request is None:
            return
        self.request = self.person = None
        self.table.setRowCount(0)
        self.summary.setText("")
        self._set_busy(self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.find_button.setEnabled(not busy)
        self.make_button.setEnabled(not busy and self.request is not None)

    def look_up(self) -> None:
        if self.busy:
            return
        citizen_id = self.who.currentData()
        cpr = self.cpr.text()
        if citizen_id is None and not cpr.strip():
            self._person_problem(self.tr("Type the person's CPR number."))
            return
        sessions = self._sessions

        def read() -> AccessRequest:
            with sessions() as session:
                person = (
                    person_by_id(session, citizen_id) if citizen_id is not None else find_person(session, cpr)
                )
                record_lookup(session, person)
                return collect(session, person)

        self.person_error.hide()
        self._set_busy(True)
        self._worker.submit(read, self._show_request, self._failed, owner=self)

    def _person_problem(self, text: str) -> None:
        self.person_error.setText(text)
        self.person_error.show()

    def _show_request(self, request: AccessRequest) -> None:
        self.request = request
        self.person = request.person
        self.table.blockSignals(True)
        self.table.setRowCount(len(request.items))
        for row, item in enumerate(request.items):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, item.key)
            self.table.setItem(row, COL_WITHHOLD, check)
            kind = self.tr(KIND_LABELS[item.kind]) if item.kind in KIND_LABELS else item.kind_label
            for column, text in (
                (COL_KIND, kind),
                (COL_CASE, item.case_number),
                (COL_DATE, format_date(item.day)),
                (COL_TITLE, item.title),
            ):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
            reason = QTableWidgetItem("")
            reason.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
            )
            self.table.setItem(row, COL_REASON, reason)
        self.table.blockSignals(False)
        self._set_busy(False)
        self._show_summary()

    def _show_summary(self) -> None:
        if self.request is None:
            return
        name = self.request.person.name
        masked = self.request.person.cpr_masked
        who = f"{name} ({masked})" if masked else name
        self.summary.setText(
            self.tr("%1: %2 items in %3 case(s); %4 withheld.")
            .replace("%1", who)
            .replace("%2", str(len(self.request.items)))
            .replace("%3", str(len(self.request.cases)))
            .replace("%4", str(len(self.withheld())))
        )

    # -- withholding -----------------------------------------------------------------------------
    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() == COL_REASON and len(cell.text()) > MAX_REASON:
            cell.setText(cell.text()[:MAX_REASON])
        if cell.column() == COL_REASON and cell.text().strip():
            check = self.table.item(cell.row(), COL_WITHHOLD)
            if check is not None and check.checkState() != Qt.CheckState.Checked:
                check.setCheckState(Qt.CheckState.Checked)  # a reason given means: withhold it
        self.reason_error.hide()
        self._show_summary()

    def withheld(self) -> dict[str, str]:
        """The ticked items: ``kind:id`` -> the reason typed (maybe empty)."""
        out: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            check = self.table.item(row, COL_WITHHOLD)
            if check is not None and check.checkState() == Qt.CheckState.Checked:
                reason = self.table.item(row, COL_REASON)
                out[str(check.data(Qt.ItemDataRole.UserRole))] = clean_reason(reason.text() if reason else "")
        return out

    def missing_reasons(self) -> list[int]:
        keys = {key for key, reason in self.withheld().items() if not reason}
        return [
            row
            for row in range(self.table.rowCount())
            if str(self.table.item(row, COL_WITHHOLD).data(Qt.ItemDataRole.UserRole)) in keys  # type: ignore[union-attr]
        ]

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.busy or self.person is None:
            return
        missing = self.missing_reasons()
        if missing:
            self.reason_error.setText(
                self.tr("Give the reason for each item you withhold (row %1).").replace(
                    "%1", ", ".join(str(row + 1) for row in missing)
                )
            )
            self.reason_error.show()
            self.table.setCurrentCell(missing[0], COL_REASON)
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the access request"),
            "aktindsigt.pdf",
            "PDF (*.pdf)",  # never a name or number
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Collect anew, log and write (on the store lane): the PDF and its index, or nothing."""
        from app.pdf.access_request_pdf import write_access_request

        person, withheld, sessions = self.person, self.withheld(), self._sessions
        assert person is not None

        def write() -> tuple[Path, Path]:
            with sessions.begin() as session:
                request = collect(session, person, withheld)
                record_export(session, request, via="dialog")
                return write_access_request(request, path)

        self._set_busy(True)
        self._worker.submit(write, self._saved, self._failed, owner=self)

    def _saved(self, paths: tuple[Path, Path]) -> None:
        self._set_busy(False)
        self.saved = paths
        self.summary.setText(
            self.tr("Saved: %1 and its index %2").replace("%1", str(paths[0])).replace("%2", paths[1].name)
        )

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, AccessRequestError):
            self._person_problem(self._plain(exc))
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The files could not be saved there, so nothing was saved: %1").replace(
                    "%1", exc.strerror or str(exc)
                ),
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("The access request could not read the store: %s", type(exc).__name__)
            self._person_problem(self.tr("The database did not answer. Try again."))
        else:
            raise exc

    def _plain(self, exc: AccessRequestError) -> str:
        """The service's reason in the user's language (its messages never hold a full CPR number)."""
        if isinstance(exc, NotACprError):
            return self.tr("This is not a CPR number. Write it as DDMMYY-SSSS.")
        if isinstance(exc, PersonNotFoundError):
            return self.tr("No person with CPR number %1 is within your reach.").replace("%1", exc.masked)
        if isinstance(exc, PersonGoneError):
            return self.tr("The person is no longer in the database.")
        return self.tr("The access request could not be made: %1").replace("%1", str(exc))

    @classmethod
    def open_for(
        cls, context: AppContext, lanes: StoreLanes, case_id: int | None, parent: QWidget | None = None
    ) -> None:
        dialog = cls(context, lanes, case_id, parent)
        dialog.exec()
        dialog.deleteLater()
