"""The audit log for administrators: filter by citizen, user and period, check the hash
chain and export the rows shown as CSV.

Viewing the log is not a lookup of a citizen: the viewer's queries write no audit entry.
An export does (EXPORT). Full CPR numbers are never shown: citizens appear as name and
DDMMYY-XXXX.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.common import audit
from app.services.common.clock import local_today, to_local
from app.services.common.context import AppContext
from app.services.common.users import UserInfo, list_caseworkers
from app.services.privacy.audit_search import (
    AuditRow,
    ViewerQuery,
    ViewerRows,
    export_csv,
    local_day_start,
    search_rows,
)
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import from_qdate, to_qdate

log = logging.getLogger(__name__)

SUGGESTED_FILE_NAME = "revisionslog.csv"
DEFAULT_DAYS = 30
MAX_CITIZENS = 50  # a citizen search matching more is too broad to be meant
_CPR_TERM = re.compile(r"^[0-9]{4,6}-?[0-9]{0,4}$")
_SUMMARY_LENGTH = 80

COLUMNS = 7  # time, user, department, action, case, citizen, details


# ------------------------------------------------------------------------- the dialog


class AuditViewer(QDialog):
    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.setMinimumSize(960, 560)
        self._context = context
        self._worker = lanes.store
        self._query: ViewerQuery | None = None  # the query of the rows shown
        self.rows: list[AuditRow] = []
        self.busy = False

        self.citizen = QLineEdit(self)
        self.citizen.setObjectName("auditCitizen")
        self.citizen.setPlaceholderText(self.tr("Name or CPR number"))
        self.citizen.returnPressed.connect(self.search)
        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.user.addItem(self.tr("All users"), "")
        sessions = context.sessions

        def caseworkers() -> list[UserInfo]:
            with sessions() as session:
                return list_caseworkers(session)

        self._worker.submit(caseworkers, self._show_caseworkers, self._failed, owner=self)
        today = local_today()
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("auditFrom")
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("auditTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.date_from.setDate(to_qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.date_to.setDate(to_qdate(today))

        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("auditSearch")
        self.search_button.clicked.connect(self.search)
        self.check_button = QPushButton(self.tr("Check the chain"), self)
        self.check_button.setObjectName("auditCheckChain")
        self.check_button.clicked.connect(self.check_chain)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export_csv)
        self.export_button.setEnabled(False)

        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.chain_status = QLabel(self)
        self.chain_status.setObjectName("auditChainStatus")
        self.chain_status.setWordWrap(True)

        self.model = QStandardItemModel(0, COLUMNS, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Department"),
                self.tr("Action"),
                self.tr("Case"),
                self.tr("Citizen"),
                self.tr("Search term / details"),
            ]
        )
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)

        form = QFormLayout()
        form.addRow(self.tr("Citizen:"), self.citizen)
        form.addRow(self.tr("User:"), self.user)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.date_to)
        period.addStretch(1)
        form.addRow(self.tr("Period:"), period)
        buttons = QHBoxLayout()
        for button in (self.search_button, self.check_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain_status)
        layout.addWidget(close)

    @classmethod
    def open_for(cls, context: AppContext, lanes: StoreLanes, parent: QWidget | None) -> None:
        dialog = cls(context, lanes, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.search()
        dialog.open()

    def _show_caseworkers(self, users: list[UserInfo]) -> None:
        for info in users:
            shown = info.full_name if info.full_name == info.login else f"{info.full_name} ({info.login})"
            self.user.addItem(shown, info.login)

    # -- labels -----------------------------------------------------------------------
    def action_label(self, action: str) -> str:
        labels = {
            audit.OPEN_CASE: self.tr("Opened case"),
            audit.OPEN_CITIZEN: self.tr("Opened citizen"),
            audit.SEARCH: self.tr("Search"),
            audit.CHANGE: self.tr("Changed"),
            audit.CREATE: self.tr("Created"),
            audit.DELETE: self.tr("Deleted"),
            audit.PRINT: self.tr("Printed"),
            audit.EXPORT: self.tr("Exported"),
            audit.CPR_REVEAL: self.tr("Showed CPR number"),
            audit.LOGIN: self.tr("Logged in"),
            audit.SHARE_OVERRIDE: self.tr("Shared without consent"),
            audit.ERASE: self.tr("Erased"),
        }
        return labels.get(action, action)

    def describe_break(self, found: audit.ChainBreak) -> str:
        if found.reason == audit.CHANGED:
            text = self.tr("Entry %1 was changed: its hash does not match its content.")
        elif found.reason == audit.INSERTED:
            text = self.tr("Entry %1 was inserted: entry %2 links past it.")
        else:
            text = self.tr("An entry was deleted at %1: entry %2 does not link to the one before it.")
        return text.replace("%1", str(found.entry_id)).replace("%2", str(found.found_at))

    # -- searching --------------------------------------------------------------------
    def current_query(self, citizen_ids: tuple[int, ...] | None) -> ViewerQuery:
        first = from_qdate(self.date_from.date())
        last = from_qdate(self.date_to.date())
        if last < first:
            first, last = last, first
        return ViewerQuery(
            citizen_ids=citizen_ids,
            user_login=str(self.user.currentData() or ""),
            start=local_day_start(first),
            end=local_day_start(last + timedelta(days=1)),
        )

    def search(self) -> None:
        """Run the filter on the worker; the table fills when it is done."""
        term = self.citizen.text().strip()
        base = self.current_query(None)
        sessions = self._context.sessions

        def job() -> tuple[ViewerQuery, ViewerRows]:
            with sessions() as session:
                return search_rows(session, base, term)

        self._set_busy(True)
        self.status.setText(self.tr("Searching…"))
        self._worker.submit(job, self._show_rows, self._failed, owner=self)

    def _show_rows(self, result: tuple[ViewerQuery, ViewerRows]) -> None:
        query, found = result
        rows = found.rows
        self._set_busy(False)
        self._query = query
        self.rows = rows
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            local = to_local(row.occurred_at)
            cells = [
                local.strftime("%d.%m.%Y %H.%M"),
                row.user_login,
                row.department,
                self.action_label(row.action),
                row.case_number,
                row.citizen,
                row.summary,
            ]
            items = []
            for text in cells:
                item = QStandardItem(text)
                item.setEditable(False)
                items.append(item)
            items[0].setData(row.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        if query.citizen_ids is not None and not query.citizen_ids:
            self.status.setText(self.tr("No citizen matches the search."))
        elif found.more:
            self.status.setText(
                self.tr(
                    "The newest %1 entries are shown; older ones match too. Narrow the period, "
                    "the user or the citizen to see them — the export writes them all."
                ).replace("%1", str(len(rows)))
            )
        else:
            self.status.setText(self.tr("%1 entries").replace("%1", str(len(rows))))
        self.export_button.setEnabled(bool(rows))

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        log.error("Reading the audit log failed: %s", type(exc).__name__)
        self.status.setText(self.tr("The audit log could not be read."))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.search_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy)
        if busy:
            self.export_button.setEnabled(False)

    # -- the chain --------------------------------------------------------------------
    def check_chain(self) -> None:
        sessions = self._context.sessions

        def job() -> tuple[audit.ChainBreak | None, int]:
            with sessions() as session:
                return audit.verify_chain(session), audit.count_entries(session)

        self._set_busy(True)
        self.chain_status.setText(self.tr("Checking the chain…"))
        self._worker.submit(job, self._show_chain, self._chain_failed, owner=self)

    def _show_chain(self, result: tuple[audit.ChainBreak | None, int]) -> None:
        found, count = result
        self._set_busy(False)
        self.export_button.setEnabled(bool(self.rows))
        if found is None:
            self.chain_status.setText(
                self.tr("The chain is whole: %1 entries checked.").replace("%1", str(count))
            )
        else:
            self.chain_status.setText(
                self.tr("The chain is broken. %1").replace("%1", self.describe_break(found))
            )

    def _chain_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.export_button.setEnabled(bool(self.rows))
        log.error("Checking the audit chain failed: %s", type(exc).__name__)
        self.chain_status.setText(self.tr("The chain could not be checked."))

    # -- export -----------------------------------------------------------------------
    def export_csv(self) -> None:
        """The rows of the last search as CSV; the export itself is logged (EXPORT)."""
        query = self._query
        if query is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export audit log"), "revisionslog.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        target, sessions = Path(path), self._context.sessions

        def job() -> int:
            with sessions.begin() as session:
                return export_csv(session, query, target)

        self._set_busy(True)
        self.status.setText(self.tr("Exporting…"))
        self._worker.submit(job, self._exported, self._export_failed, owner=self)

    def _exported(self, count: int) -> None:
        self._set_busy(False)
        self.export_button.setEnabled(bool(self.rows))
        self.status.setText(self.tr("%1 entries exported.").replace("%1", str(count)))

    def _export_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.export_button.setEnabled(bool(self.rows))
        if not isinstance(exc, (OSError, SQLAlchemyError)):
            raise exc
        log.error("Exporting the audit log failed: %s", type(exc).__name__)
        self.status.setText(self.tr("The export failed."))
