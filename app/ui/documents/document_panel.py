"""The family page's "Documents" tab: the files kept with the case.

A list (title, kind, date, from whom, whom it concerns, size) read on the store lane — the
files themselves are not read for it. Attach… (or drop files onto the tab), Open (a copy in
the user's private folder, opened by the system's viewer and removed when the program
closes), Save copy…, Edit… and Remove… (after asking). A closed case's documents are shown
and opened, not changed. Never a title or file name in the log, a window title or a file
name on disk.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.documents.documents import DocumentInfo, list_documents, remove_document
from app.services.documents.open_copies import save_copy, write_open_copy
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.documents.document_dialog import DocumentDialog, file_filter, size_text

log = logging.getLogger(__name__)


def open_with_system(path: Path) -> bool:
    """Hand a file to the system's viewer for its kind (a module function: tests patch it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# "Save copy…" proposes a fixed name per kind of file: never the title or the name the file
# had (case text or a CPR number in a file name, tests/test_log_privacy.py); the user names it.
SAVE_AS = {
    "pdf": "dokument.pdf",
    "doc": "dokument.doc",
    "docx": "dokument.docx",
    "odt": "dokument.odt",
    "png": "billede.png",
    "jpg": "billede.jpg",
    "jpeg": "billede.jpeg",
    "gif": "billede.gif",
    "tif": "billede.tif",
    "tiff": "billede.tiff",
    "heic": "billede.heic",
    "eml": "e-mail.eml",
    "msg": "e-mail.msg",
    "bin": "dokument.bin",
}


class DocumentPanel(QWidget):
    """A CasePanel (app/ui/common/case_panel.py) of the family page."""

    changed = Signal()  # a document was attached, changed or removed
    loaded = Signal()  # the list was read and shown

    COLUMNS = 6

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPanel")
        self.context = context
        self.lanes = lanes
        self.case: CaseRef | None = None
        self.documents: list[DocumentInfo] = []
        self._request = 0  # the newest read; older answers are dropped
        self._focus: int | None = None  # a document to select once the list is read
        self.setAcceptDrops(True)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("documentTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Received"),
                self.tr("From"),
                self.tr("Concerns"),
                self.tr("Size"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No documents yet. Attach a file, or drop it here."), self)
        self.empty.setObjectName("documentsEmpty")

        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.setObjectName("attachDocument")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openDocument")
        self.save_button = QPushButton(self.tr("Save copy…"), self)
        self.save_button.setObjectName("saveDocumentCopy")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editDocument")
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("removeDocument")
        self.attach_button.clicked.connect(lambda: self.attach())
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)

        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- the CasePanel protocol ---------------------------------------------------------------
    def show_case(self, case: CaseRef) -> None:
        if self.case is None or self.case.case_id != case.case_id:
            self._focus = None
            self._fill([])
        self.case = case
        self._update_buttons()
        self.reload()

    def clear_case(self) -> None:
        self.case = None
        self._request += 1
        self._focus = None
        self._fill([])
        self._update_buttons()

    def focus_item(self, item_id: int) -> None:
        self._focus = item_id
        self._select(item_id)

    # -- reading --------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.case is None:
            return
        self._request += 1
        request, sessions, case_id = self._request, self.context.sessions, self.case.case_id

        def job() -> list[DocumentInfo]:
            with sessions() as session:
                return list_documents(session, case_id)

        self.lanes.store.submit(job, lambda docs: self._read(request, docs), self._failed, owner=self)

    def _read(self, request: int, documents: list[DocumentInfo]) -> None:
        if request != self._request:
            return
        self._fill(documents)
        if self._focus is not None:
            self._select(self._focus)
        self.loaded.emit()

    def _fill(self, documents: list[DocumentInfo]) -> None:
        self.documents = documents
        names = dict(self.case.members) if self.case is not None else {}
        self.table.setRowCount(len(documents))
        for row, doc in enumerate(documents):
            concerns = ", ".join(names.get(cid, "") for cid in doc.member_ids if cid in names)
            values = [
                doc.title,
                label(doc.kind),
                format_date(doc.received_on),
                doc.from_whom,
                concerns,
                size_text(doc.size_bytes),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(self.case is not None and not documents)
        self._update_buttons()

    def _select(self, document_id: int) -> None:
        for row, doc in enumerate(self.documents):
            if doc.id == document_id:
                self.table.selectRow(row)
                item = self.table.item(row, 0)
                if item is not None:
                    self.table.scrollToItem(item)
                return

    def selected(self) -> DocumentInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.documents[row] if row < len(self.documents) else None

    def _writable(self) -> bool:
        return self.case is not None and not self.case.read_only

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.attach_button.setEnabled(self._writable())
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen and self._writable())
        self.remove_button.setEnabled(chosen and self._writable())

    # -- changing -------------------------------------------------------------------------------
    def attach(self, path: str | None = None) -> int | None:
        """Attach a file (asked for when ``path`` is None); the new document's id or None."""
        if not self._writable() or self.case is None:
            return None
        if path is None:
            path, _chosen = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), "", file_filter())
            if not path:
                return None
        stored = DocumentDialog.ask(self.context, self.lanes, self.case, None, path, self)
        if stored is not None:
            self._saved(stored)
        return stored

    def edit_selected(self) -> None:
        doc = self.selected()
        if doc is None or not self._writable() or self.case is None:
            return
        stored = DocumentDialog.ask(self.context, self.lanes, self.case, doc, None, self)
        if stored is not None:
            self._saved(stored)

    def remove_selected(self) -> None:
        doc = self.selected()
        if doc is None or not self._writable():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove document"),
            self.tr(
                "Remove the document “%1” from the case? The file is deleted from the database, "
                "and this cannot be undone."
            ).replace("%1", doc.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        sessions, document_id, version = self.context.sessions, doc.id, doc.version

        def job() -> None:
            with sessions.begin() as session:
                remove_document(session, document_id, version)

        self.lanes.store.submit(job, lambda _none: self._saved(None), self._failed, owner=self)

    def _saved(self, document_id: int | None) -> None:
        self._focus = document_id
        self.reload()
        self.changed.emit()

    # -- copies outside the store ----------------------------------------------------------------
    def open_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        sessions, document_id = self.context.sessions, doc.id

        def job() -> Path:
            with sessions() as session:
                return write_open_copy(session, document_id)

        self.lanes.store.submit(job, self._opened, self._failed, owner=self)

    def _opened(self, path: Path) -> None:
        if not open_with_system(path):
            QMessageBox.information(
                self,
                self.tr("Open document"),
                self.tr("No program on this computer opens this kind of file. Use Save copy… instead."),
            )

    def save_selected(self) -> None:
        doc = self.selected()
        if doc is None:
            return
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy of the document"), SAVE_AS[doc.extension], f"*.{doc.extension}"
        )
        if not path:
            return
        sessions, document_id = self.context.sessions, doc.id

        def job() -> Path:
            with sessions() as session:
                return save_copy(session, document_id, path)

        self.lanes.store.submit(job, self._copy_saved, self._failed, owner=self)

    def _copy_saved(self, _path: Path) -> None:
        status = getattr(self.window(), "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("A copy of the document was saved."), 5000)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ConcurrentEditError | RowGoneError):
            QMessageBox.information(
                self,
                self.tr("Changed by someone else"),
                self.tr("Someone else changed or removed this document meanwhile. The list is read again."),
            )
            self.reload()
        elif isinstance(exc, ValidationError):
            QMessageBox.information(
                self, self.tr("Not changed"), self.tr("The case is closed; its documents cannot be changed.")
            )
            self.reload()
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Document work on the store failed: %s", type(exc).__name__)
            QMessageBox.warning(
                self,
                self.tr("The database did not answer"),
                self.tr("The database did not answer, so nothing was done. Try again."),
            )
        elif isinstance(exc, OSError):
            log.warning("Writing a copy of a document failed: %s", type(exc).__name__)
            QMessageBox.warning(
                self,
                self.tr("No copy"),
                self.tr("The copy could not be written there. Choose another folder, or try again."),
            )
        else:
            raise exc

    # -- files dropped onto the tab ----------------------------------------------------------
    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._writable() and self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if not self._writable() or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        # The dialogs open after the drop has ended (the program the files came from waits
        # for the drop to end).
        QTimer.singleShot(0, lambda: self.attach_files(files))

    def attach_files(self, paths: list[str]) -> None:
        """One dialog a file (each gets its own title, kind and date); cancelling one stops."""
        for path in paths:
            if self.attach(path) is None:
                break
