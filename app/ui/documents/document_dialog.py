"""The dialog that attaches a file to a case, or changes what is said about a document.

The chosen file is read and checked on the store lane (its size from the file system first:
a file over the limit is never read); a refusal is said next to the file field, in plain
words ("Filen fylder 31,2 MB; højst 25 MB."), and the dialog stays open for another file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from app.models import Document
from app.models.enums import DocumentKind
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import saved_stamp
from app.services.common.validation import FieldProblem, Problem
from app.services.documents.documents import (
    DocumentInfo,
    DocumentInput,
    attach_document,
    get_document,
    update_document,
    validate_document,
)
from app.services.documents.file_types import (
    FILE_TYPES,
    FileProblem,
    FileRefusedError,
    Upload,
    default_title,
    format_megabytes,
    read_upload,
)
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.common.colours import error_style
from app.ui.common.date_fields import date_edit, from_qdate, to_qdate
from app.ui.common.enum_combo import enum_combo
from app.ui.common.form_dialog import StoredRow
from app.ui.common.lane_form import LaneFormDialog, SaveJob


def size_text(size_bytes: int) -> str:
    """A file's size as the list shows it: "840 kB", "3,4 MB"."""
    if size_bytes < 1024 * 1024:
        return QCoreApplication.translate("DocumentDialog", "%1 kB").replace(
            "%1", str(max(1, -(-size_bytes // 1024)))
        )
    return QCoreApplication.translate("DocumentDialog", "%1 MB").replace(
        "%1", format_megabytes(size_bytes, QLocale().decimalPoint())
    )


def refusal_text(exc: FileRefusedError) -> str:
    """Why a file is not attached, in the user's language."""
    point = QLocale().decimalPoint()
    match exc.problem:
        case FileProblem.TOO_LARGE:
            return (
                QCoreApplication.translate("DocumentDialog", "The file is %1 MB; at most %2 MB.")
                .replace("%1", format_megabytes(exc.size_bytes or 0, point))
                .replace("%2", format_megabytes(exc.limit_bytes, point))
            )
        case FileProblem.EMPTY:
            return QCoreApplication.translate("DocumentDialog", "The file is empty.")
        case FileProblem.UNREADABLE:
            return QCoreApplication.translate(
                "DocumentDialog",
                "The file could not be read. Check that it is there and that you may open it.",
            )
        case FileProblem.TYPE_NOT_ALLOWED:
            return QCoreApplication.translate(
                "DocumentDialog",
                "Only PDF, Word, OpenDocument text, pictures and e-mails can be attached (%1).",
            ).replace("%1", ", ".join(f".{e}" for e in FILE_TYPES))
    return QCoreApplication.translate(
        "DocumentDialog", "The file is not what its name says (a .%1 file), so it is not attached."
    ).replace("%1", exc.extension)


def file_filter() -> str:
    """The file dialog's filter: every kind that may be attached."""
    patterns = " ".join(f"*.{e}" for e in FILE_TYPES)
    return QCoreApplication.translate("DocumentDialog", "Documents (%1)").replace("%1", patterns)


class DocumentDialog(LaneFormDialog):
    """Attach a file (``document`` None) or change what is said about ``document``."""

    FIELD_KEYS: ClassVar[dict[str, str]] = {"member_ids": "members"}

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case: CaseRef,
        document: DocumentInfo | None = None,
        path: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Change document") if document else self.tr("Attach document")
        super().__init__(title, lanes, parent)
        self._context = context
        self._case = case
        self._document = document
        self.upload: Upload | None = None
        self.refusal: FileRefusedError | None = None
        self.checking = False  # a chosen file is being read on the lane
        self._title_typed = document is not None
        self._asked = 0  # the newest file asked for

        if document is None:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            self.file_name = QLineEdit(row)
            self.file_name.setObjectName("documentFile")
            self.file_name.setReadOnly(True)
            self.file_name.setPlaceholderText(self.tr("No file chosen"))
            self.choose = QPushButton(self.tr("Choose…"), row)
            self.choose.setObjectName("chooseFile")
            self.choose.clicked.connect(self._choose)
            line.addWidget(self.file_name, 1)
            line.addWidget(self.choose)
            self.add_field("file", self.tr("File"), row)
        else:
            about = QLabel(f"{document.file_name} · {size_text(document.size_bytes)}", self)
            about.setWordWrap(True)
            self.add_field("file", self.tr("File"), about)
        d = document
        self.title = QLineEdit(d.title if d else "", self)
        self.title.setObjectName("documentTitle")
        self.kind = enum_combo(self, list(DocumentKind), d.kind if d else DocumentKind.OTHER)
        self.kind.setObjectName("documentKind")
        self.received = date_edit(self, d.received_on if d else local_today())
        self.received.setObjectName("documentReceived")
        self.from_whom = QLineEdit(d.from_whom if d else "", self)
        self.from_whom.setObjectName("documentFrom")
        self.from_whom.setPlaceholderText(self.tr("e.g. the school, the GP, the mother"))
        self.members = QListWidget(self)
        self.members.setObjectName("documentMembers")
        self.members.setMaximumHeight(120)
        chosen = set(d.member_ids) if d else set()
        for citizen_id, name in case.members:
            item = QListWidgetItem(name, self.members)
            item.setData(Qt.ItemDataRole.UserRole, citizen_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if citizen_id in chosen else Qt.CheckState.Unchecked)
        self.add_field("title", self.tr("Title"), self.title)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("received_on", self.tr("Received"), self.received)
        self.add_field("from_whom", self.tr("From"), self.from_whom)
        self.add_field("members", self.tr("Concerns"), self.members)
        self.watch("title", self.title.textEdited)
        self.title.textEdited.connect(self._title_edited)
        self.watch("received_on", self.received.dateChanged)
        self.watch("from_whom", self.from_whom.textEdited)
        if d is None:
            self.save_button.setText(self.tr("Attach"))
        self.refresh()
        if d is not None:
            self.edit_version = d.version
            self.remember_base()
        elif path:
            self.use_file(path)

    # -- the file -------------------------------------------------------------------------------
    def _choose(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), "", file_filter())
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> None:
        """Read and check ``path`` on the store lane (the file may be large or on a network)."""
        self._asked += 1
        asked = self._asked
        self.checking = True
        self.file_name.setText(Path(path).name)
        self.upload, self.refusal = None, None
        self.save_button.setEnabled(False)

        def job() -> Upload:
            return read_upload(path)

        self.lanes.store.submit(
            job, lambda upload: self._read(asked, upload), lambda exc: self._refused(asked, exc), owner=self
        )

    def _read(self, asked: int, upload: Upload) -> None:
        if asked != self._asked:
            return
        self.checking = False
        self.save_button.setEnabled(True)
        self.upload = upload
        if not self._title_typed:
            self.title.setText(default_title(upload.file_name))
            self.kind.setCurrentIndex(max(self.kind.findData(upload.file_type.kind), 0))
        self.refresh()

    def _refused(self, asked: int, exc: Exception) -> None:
        if asked != self._asked:
            return
        self.checking = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, FileRefusedError):
            raise exc
        self.refusal = exc
        self._touched.add("file")
        self.refresh()

    def _title_edited(self, _text: str) -> None:
        self._title_typed = True

    # -- the form -------------------------------------------------------------------------------
    def _member_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.members.count()):
            item = self.members.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(sorted(ids))

    @override
    def data(self) -> DocumentInput:
        return DocumentInput(
            self.title.text(),
            DocumentKind(self.kind.currentData()),
            from_qdate(self.received.date()),
            self.from_whom.text(),
            self._member_ids(),
        )

    @override
    def collect_problems(self) -> list[FieldProblem]:
        problems = validate_document(self.data(), local_today())
        if self._document is None and self.upload is None:
            problems.insert(0, FieldProblem("file", Problem.REQUIRED))
        return problems

    @override
    def show_problems(self, problems: list[FieldProblem]) -> None:
        super().show_problems(problems)
        if self.refusal is not None and "file" in self.errors:
            error = self.errors["file"]
            error.setText(refusal_text(self.refusal))
            error.setStyleSheet(error_style())
            error.setVisible(True)

    @override
    def error_key(self, field: str) -> str:
        if field.startswith("members"):
            return "members"
        return super().error_key(field)

    @override
    def try_save(self) -> bool:
        if self.checking:
            return False
        return super().try_save()

    @override
    def save_job(self) -> SaveJob:
        if self._document is not None:
            return self.job_for(self.data(), self.edit_version)
        upload, data, today = self.upload, self.data(), local_today()
        assert upload is not None
        sessions, case_id = self._context.sessions, self._case.case_id

        def job() -> int:
            with sessions.begin() as session:
                return attach_document(session, case_id, upload, data, today)

        return job

    @override
    def job_for(self, data: DocumentInput, version: int | None) -> SaveJob:
        assert self._document is not None
        sessions, document_id, today = self._context.sessions, self._document.id, local_today()

        def job() -> int:
            with sessions.begin() as session:
                update_document(session, document_id, data, version, today)
            return document_id

        return job

    # -- when someone else saved first ----------------------------------------------------------
    @override
    def stored_job(self) -> Callable[[], StoredRow] | None:
        if self._document is None:
            return None
        sessions, document_id = self._context.sessions, self._document.id

        def job() -> StoredRow:
            with sessions() as session:
                saved_by, saved_at = saved_stamp(session, Document, document_id)
                info = get_document(session, document_id)
            return StoredRow(info.as_input(), info.version, saved_by, saved_at)

        return job

    @override
    def show_data(self, data: DocumentInput) -> None:
        self.title.setText(data.title)
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        if data.received_on is not None:
            self.received.setDate(to_qdate(data.received_on))
        self.from_whom.setText(data.from_whom)
        chosen = set(data.member_ids)
        for row in range(self.members.count()):
            item = self.members.item(row)
            checked = int(item.data(Qt.ItemDataRole.UserRole)) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "member_ids" and isinstance(value, Sequence):
            names = dict(self._case.members)
            return "; ".join(names.get(int(v), str(v)) for v in value) or self.tr("Nobody in particular")
        return super().describe(field, value)
