"""The printed plan inside the program: a live PDF preview (QtPdf), saving, printing, and
saving as an editable Word file on the municipality's letter template (the same copy).

The PDF is built by app.pdf on the worker thread from a fresh read of the store; the GUI
thread only shows the bytes that come back. "Copy for" chooses the recipient: the family's
copy is complete; a copy for a sector, organisation or professional leaves out what the
consent register does not cover for them (app.services.plan.recipient_copy) and says so.
"Language" prints the family's copy in Danish, English, Ukrainian, Polish or Arabic (the
fixed texts; the caseworker's own text as written); it starts at the language recorded for
the family's adults. A recipient's copy is Danish. Every save and print is in the audit log
with the recipient and the language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.letter_template import LetterTemplate
from app.services.privacy.sharing import Party
from app.store.safe_files import write_atomic
from app.ui.common.background import StoreWorker
from app.ui.common.print_language_names import language_names

if TYPE_CHECKING:
    from app.services.plan.recipient_copy import RecipientCopy

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrintedPlan:
    pdf: bytes
    version_id: int | None
    recipient: Party | None  # None: the family's copy
    omitted: int  # how many statements of what was left out
    copy: RecipientCopy | None = None  # the copy the PDF shows: the Word file is made from it
    template: LetterTemplate = field(default_factory=LetterTemplate)
    language: str = "da"  # the copy's language (a code of app.pdf.plan_language.LANGUAGES)


def plan_pdf_job(
    context: AppContext,
    case_id: int,
    large_print: bool,
    recipient: Party | None = None,
    language: str | None = "da",
) -> Callable[[], PrintedPlan]:
    """A job for the worker: read the plan (the recipient's copy) and build its PDF, in
    ``language`` (None: the language recorded for the family; a recipient's copy is Danish)."""
    sessions = context.sessions
    today = local_today()

    # Imported here on the GUI thread: a first import inside a worker can deadlock.
    from app.pdf.plan_language import default_language, plan_language
    from app.pdf.plan_pdf import build_plan_pdf
    from app.services.common.letter_template import letter_template
    from app.services.plan.recipient_copy import load_recipient_copy

    if recipient is not None:
        import app.services.privacy.consent_register  # noqa: F401  (imported here, not in the worker)
    if language is not None:
        plan_language(language)  # the catalogue read here too, not first in the worker

    def job() -> PrintedPlan:
        with sessions() as session:
            copy = load_recipient_copy(session, case_id, recipient, today)
            template = letter_template(session)
        chosen = "da" if recipient is not None else language or default_language(copy.document.members, today)
        pdf = build_plan_pdf(
            copy.document,
            today=today,
            large_print=large_print,
            recipient=copy.recipient_label,
            omitted=copy.omitted,
            language=chosen,
        )
        plan = copy.document.plan
        return PrintedPlan(
            pdf, plan.id if plan else None, recipient, len(copy.omitted), copy, template, chosen
        )

    return job


class PdfPreview(QWidget):
    """Shows PDF bytes; keeps the page the reader was on when the document is replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("Preview of the printed plan"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.state = QLabel(self)
        self.state.setObjectName("previewState")
        self.pdf: bytes = b""
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.view, 1)

    def show_pdf(self, pdf: bytes) -> None:
        page = self.view.pageNavigator().currentPage()
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        if 0 < page < self.document.pageCount():
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())
        self.state.setText(self.tr("%n page(s)", "", self.document.pageCount()))

    @property
    def page_count(self) -> int:
        return self.document.pageCount()


class PrintPlanDialog(QDialog):
    """ "Print plan": copy for (the family or a party), the family's copy's language, the
    preview, large print, save as PDF, print."""

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        worker: StoreWorker,
        parent: QWidget | None = None,
        store: StoreWorker | None = None,
    ) -> None:
        """``worker`` builds the PDFs; ``store`` (else ``worker``) reads the recipients and
        writes the audit entries."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print plan"))
        self.resize(900, 960)
        self._context = context
        self._case_id = case_id
        self._worker = worker
        self._store = store or worker
        self.printed: PrintedPlan | None = None
        self._request = 0  # the newest preview asked for; older ones are dropped
        self.copy_for = QComboBox(self)
        self.copy_for.setObjectName("copyFor")
        self.copy_for.addItem(self.tr("The family (complete)"), None)
        self._read_choices()
        copy_label = QLabel(self.tr("Copy for:"), self)
        copy_label.setBuddy(self.copy_for)
        self.language = QComboBox(self)
        self.language.setObjectName("printLanguage")
        for code, name in self._language_names():
            self.language.addItem(name, code)
        self.language.setToolTip(
            self.tr(
                "The family's copy in this language: headings, dates and the other fixed texts. "
                "What you wrote is printed as you wrote it. A copy for someone else is in Danish."
            )
        )
        self._language_chosen = False  # until the family's own language has been read
        language_label = QLabel(self.tr("Language:"), self)
        language_label.setBuddy(self.language)
        self.preview = PdfPreview(self)
        self.large_print = QCheckBox(self.tr("Large print"), self)
        self.large_print.setObjectName("largePrint")
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdf")
        self.word_button = QPushButton(self.tr("Save as Word…"), self)
        self.word_button.setObjectName("saveWord")
        self.word_button.setToolTip(
            self.tr("The same copy as an editable Word file, on the municipality's letter template")
        )
        self.print_button = QPushButton(self.tr("Print…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.large_print.toggled.connect(self.refresh)
        self.copy_for.currentIndexChanged.connect(self._copy_for_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.print_button.clicked.connect(self.print_pdf)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.large_print)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.word_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        recipient_row = QHBoxLayout()
        recipient_row.addWidget(copy_label)
        recipient_row.addWidget(self.copy_for, 1)
        recipient_row.addSpacing(12)
        recipient_row.addWidget(language_label)
        recipient_row.addWidget(self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(recipient_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.refresh()

    @property
    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.save_button, self.word_button, self.print_button)

    def _read_choices(self) -> None:
        """The parties a copy can be made for, read on the store lane."""
        from app.services.plan.recipient_copy import recipient_choices

        sessions, case_id = self._context.sessions, self._case_id

        def job() -> list[tuple[Party, str]]:
            with sessions() as session:
                return recipient_choices(session, case_id)

        self._store.submit(job, self._choices_read, self._choices_failed, owner=self)

    def _choices_read(self, choices: list[tuple[Party, str]]) -> None:
        for party, name in choices:
            self.copy_for.addItem(name, party.encode())

    def _choices_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading the recipients of a plan copy failed")

    def _language_names(self) -> list[tuple[str, str]]:
        """The languages a family's copy can be printed in: the name in the program's
        language, and the language's own name."""
        from app.pdf.plan_language import plan_language

        out = []
        for code, name in language_names():
            own = plan_language(code).name
            out.append((code, name if own.casefold() == name.casefold() else f"{name} – {own}"))
        return out

    @property
    def recipient(self) -> Party | None:
        data = self.copy_for.currentData()
        return Party.decode(data) if data else None

    @property
    def chosen_language(self) -> str:
        """The language of the copy in the preview: a recipient's copy is Danish."""
        return "da" if self.recipient is not None else str(self.language.currentData())

    def _copy_for_changed(self) -> None:
        self.language.setEnabled(self.recipient is None)
        self.refresh()

    def _language_changed(self) -> None:
        self._language_chosen = True
        self.refresh()

    def refresh(self) -> None:
        self.preview.state.setText(self.tr("Making the preview…"))
        self.printed = None
        for button in self._buttons:
            button.setEnabled(False)
        # The first preview of the family's copy is in the family's own language.
        language = self.chosen_language if self._language_chosen or self.recipient else None
        job = plan_pdf_job(
            self._context, self._case_id, self.large_print.isChecked(), self.recipient, language
        )
        self._request += 1
        request = self._request
        self._worker.submit(job, lambda printed: self._arrived(printed, request), self._failed, owner=self)

    def _arrived(self, printed: PrintedPlan, request: int) -> None:
        if request != self._request:  # the choice changed while this one was made
            return
        self.printed = printed
        if printed.recipient is None and not self._language_chosen:
            index = self.language.findData(printed.language)
            self.language.blockSignals(True)  # the family's language shown, not chosen again
            self.language.setCurrentIndex(max(index, 0))
            self.language.blockSignals(False)
            self._language_chosen = True
        self.preview.show_pdf(printed.pdf)
        for button in self._buttons:
            button.setEnabled(True)
        danish = printed.language == "da"  # the Word copy is Danish only
        self.word_button.setEnabled(danish)
        self.word_button.setToolTip(
            "" if danish else self.tr("The Word copy is in Danish: choose Danish to save it.")
        )

    def _logged(self, action: str, then: Callable[[], object] = lambda: None, fmt: str = "pdf") -> None:
        """Write the print or export in the audit log, naming the recipient, on the store
        lane (with ``then`` in the same transaction: a file not written rolls it back); the
        dialog waits for it with its event loop running. Raises what the job raised."""
        from app.services.common import audit

        printed = self.printed
        assert printed is not None
        sessions, case_id = self._context.sessions, self._case_id
        details = {
            "recipient": printed.recipient.encode() if printed.recipient else "family",
            "recipient_name": self.copy_for.currentText() if printed.recipient else "",
            "left_out": printed.omitted,
            "large_print": self.large_print.isChecked() and fmt == "pdf",
            "format": fmt,
            "language": printed.language if fmt == "pdf" else "da",
        }

        def job() -> None:
            with sessions.begin() as session:
                audit.record(
                    session,
                    action,
                    object_type="plan",
                    object_id=printed.version_id,
                    case_id=case_id,
                    details=details,
                )
                then()

        loop = QEventLoop(self)
        failure: list[Exception] = []

        def failed(exc: Exception) -> None:
            failure.append(exc)
            loop.quit()

        for button in self._buttons:
            button.setEnabled(False)
        self._store.submit(job, lambda _none: loop.quit(), failed, owner=self)
        loop.exec()
        for button in self._buttons:
            button.setEnabled(True)
        if failure:
            raise failure[0]

    def _not_logged(self) -> None:
        log.warning("Writing the audit entry for a plan copy failed")
        QMessageBox.warning(
            self,
            self.tr("Database problem"),
            self.tr("The database did not answer, so the copy was not made. Try again."),
        )

    def _failed(self, exc: Exception) -> None:
        log.warning("Making the plan PDF failed: %s", type(exc).__name__)
        self.preview.state.setText(self.tr("The preview could not be made. Try again."))

    def save_pdf(self) -> None:
        if self.printed is None:
            return
        # A neutral name: never the family's name or a CPR number in a file name we propose.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the plan"), self.tr("plan.pdf"), "PDF (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from app.services.common import audit

        pdf = self.printed.pdf
        try:
            self._logged(audit.EXPORT, lambda: write_atomic(path, pdf))
        except SQLAlchemyError:
            self._not_logged()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The plan could not be saved there: %1").replace("%1", exc.strerror or ""),
            )

    def save_word(self) -> None:
        """The copy on screen as an editable Word file: built from the same recipient's copy, so
        it leaves out what the PDF leaves out; written with its audit entry on the store lane."""
        printed = self.printed
        if printed is None or printed.copy is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the plan as Word"), self.tr("plan.docx"), self.tr("Word document (*.docx)")
        )
        if not path:
            return
        if not path.lower().endswith(".docx"):
            path += ".docx"
        from app.docx.plan_docx import write_plan_docx
        from app.services.common import audit

        copy, template, today = printed.copy, printed.template, local_today()

        def write() -> None:
            write_plan_docx(
                copy.document,
                path,
                today=today,
                template=template,
                recipient=copy.recipient_label,
                omitted=copy.omitted,
            )

        try:
            self._logged(audit.EXPORT, write, fmt="docx")
        except SQLAlchemyError:
            self._not_logged()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The plan could not be saved there: %1").replace("%1", exc.strerror or ""),
            )

    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.printed is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from app.services.common import audit

        try:
            self._logged(audit.PRINT)
        except SQLAlchemyError:
            self._not_logged()
            return
        painter = QPainter(printer)
        try:
            document = self.preview.document
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                image = document.render(page, QSize(target.width(), target.height()))
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, image.scaled(scaled))
        finally:
            painter.end()
