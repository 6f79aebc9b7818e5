"""The printed plan inside the program: a live PDF preview (QtPdf), saving and printing.

The PDF is built by app.pdf on the worker thread from a fresh read of the store; the GUI
thread only shows the bytes that come back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import local_today
from app.services.context import AppContext
from app.ui.background import StoreWorker

log = logging.getLogger(__name__)


def plan_pdf_job(context: AppContext, case_id: int, large_print: bool) -> Callable[[], bytes]:
    """A job for the worker: read the plan and build its PDF (no widget touched)."""
    sessions = context.sessions
    today = local_today()

    # Imported here on the GUI thread: a first import inside a worker can deadlock.
    from app.pdf.plan_pdf import build_plan_pdf
    from app.services.plan_document import load_plan_document

    def job() -> bytes:
        with sessions() as session:
            doc = load_plan_document(session, case_id)
        return build_plan_pdf(doc, today=today, large_print=large_print)

    return job


class PdfPreview(QWidget):
    """Shows PDF bytes; keeps the page the reader was on when the document is replaced."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
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
    """ "Print plan": the preview, large print, save as PDF, print."""

    def __init__(
        self, context: AppContext, case_id: int, worker: StoreWorker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print plan"))
        self.resize(900, 960)
        self._context = context
        self._case_id = case_id
        self._worker = worker
        self.preview = PdfPreview(self)
        self.large_print = QCheckBox(self.tr("Large print"), self)
        self.large_print.setObjectName("largePrint")
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdf")
        self.print_button = QPushButton(self.tr("Print…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.large_print.toggled.connect(self.refresh)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.large_print)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.preview.state.setText(self.tr("Making the preview…"))
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)
        job = plan_pdf_job(self._context, self._case_id, self.large_print.isChecked())
        self._worker.submit(job, self._arrived, self._failed)

    def _arrived(self, pdf: bytes) -> None:
        self.preview.show_pdf(pdf)
        for button in (self.save_button, self.print_button):
            button.setEnabled(True)

    def _failed(self, exc: Exception) -> None:
        log.warning("Making the plan PDF failed: %s", type(exc).__name__)
        self.preview.state.setText(self.tr("The preview could not be made. Try again."))

    def save_pdf(self) -> None:
        # A neutral name: never the family's name or a CPR number in a file name we propose.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the plan"), self.tr("plan.pdf"), "PDF (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            with open(path, "wb") as out:
                out.write(self.preview.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The plan could not be saved there: %1").replace("%1", exc.strerror or ""),
            )

    def print_pdf(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
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
