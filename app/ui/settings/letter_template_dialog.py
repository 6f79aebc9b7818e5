"""The municipality's letter template: the logo, the sender and the address at the top of every
Word copy of the plan and the meeting papers. It is the store's setting, the same for every
caseworker; on a shared server only IT (the admin group) may change it, so the main window
offers it to an admin, and to everyone on a local store (the user's own). ``koordinator
letter-template`` sets the same from the command line.

The template is read and written on the store lane; a logo that is not a PNG or JPEG of at most
100 KB is refused with the reason before anything is written.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from typing_extensions import override

from app.services.common.context import AppContext
from app.services.common.letter_template import (
    MAX_LOGO_BYTES,
    NO_CHANGE,
    LetterTemplate,
    LetterTemplateError,
    check_address,
    check_logo,
    check_sender,
    letter_template,
    set_letter_template,
)
from app.ui.common.background import StoreLanes

log = logging.getLogger(__name__)

LOGO_PREVIEW_HEIGHT = 60


class LetterTemplateDialog(QDialog):
    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Letter template"))
        self._context = context
        self._lanes = lanes
        self._logo: bytes | object | None = NO_CHANGE  # NO_CHANGE, new bytes, or None: remove
        self._current = LetterTemplate()
        self._has_logo = False
        intro = QLabel(
            self.tr(
                "The logo, sender and address at the top of the plan and the meeting papers saved as "
                "Word files. They are the same for everyone who uses this database."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.sender_edit = QLineEdit(self)
        self.sender_edit.setObjectName("letterSender")
        self.sender_edit.setPlaceholderText(self.tr("e.g. Family department, Example Municipality"))
        self.address_edit = QPlainTextEdit(self)
        self.address_edit.setObjectName("letterAddress")
        self.address_edit.setPlaceholderText(self.tr("One line each: street, postcode and town, phone"))
        self.address_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.logo_view = QLabel(self)
        self.logo_view.setObjectName("letterLogo")
        self.logo_view.setMinimumHeight(LOGO_PREVIEW_HEIGHT)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_logo = QPushButton(self.tr("Choose logo…"), self)
        self.choose_logo.setObjectName("chooseLogo")
        self.remove_logo = QPushButton(self.tr("Remove logo"), self)
        self.remove_logo.setObjectName("removeLogo")
        self.choose_logo.clicked.connect(self.pick_logo)
        self.remove_logo.clicked.connect(self.drop_logo)
        logo_buttons = QHBoxLayout()
        logo_buttons.addWidget(self.choose_logo)
        logo_buttons.addWidget(self.remove_logo)
        logo_buttons.addStretch(1)
        self.message = QLabel(self)
        self.message.setObjectName("letterMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Sender"), self.sender_edit)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Logo"), self.logo_view)
        form.addRow("", logo_buttons)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._set_enabled(False)
        self._read()

    # -- reading -------------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.sender_edit, self.address_edit, self.choose_logo):
            widget.setEnabled(enabled)
        self.remove_logo.setEnabled(enabled and self._has_logo)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(enabled)

    def _read(self) -> None:
        sessions = self._context.sessions

        def job() -> LetterTemplate:
            with sessions() as session:
                return letter_template(session)

        self.message.setText(self.tr("Reading the letter template…"))
        self._lanes.store.submit(job, self._arrived, self._read_failed, owner=self)

    def _arrived(self, template: LetterTemplate) -> None:
        self._current = template
        self.sender_edit.setText(template.sender)
        self.address_edit.setPlainText("\n".join(template.address))
        self._show_logo(template.logo.data if template.logo else None)
        self.message.clear()
        self._set_enabled(True)

    def _read_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading the letter template failed: %s", type(exc).__name__)
        self.message.setText(self.tr("The database did not answer. Close the dialog and try again."))

    # -- the logo ------------------------------------------------------------------------------
    def _show_logo(self, data: bytes | None) -> None:
        self._has_logo = data is not None
        self.remove_logo.setEnabled(self._has_logo and self.choose_logo.isEnabled())
        if data is None:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(data))
        self.logo_view.setText("")
        self.logo_view.setPixmap(
            pixmap.scaledToHeight(LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        )

    def pick_logo(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.use_logo_file(path)

    def use_logo_file(self, path: str) -> bool:
        """Take the logo from ``path`` if it is usable; else say why (nothing changes)."""
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_LOGO_BYTES + 1)
            check_logo(data)
        except OSError as exc:
            self.message.setText(self.tr("The file could not be read: %1").replace("%1", exc.strerror or ""))
            return False
        except LetterTemplateError:
            self.message.setText(
                self.tr("The logo must be a PNG or JPEG image of at most %1 KB.").replace(
                    "%1", str(MAX_LOGO_BYTES // 1024)
                )
            )
            return False
        self._logo = data
        self._show_logo(data)
        self.message.clear()
        return True

    def drop_logo(self) -> None:
        self._logo = None
        self._show_logo(None)

    # -- saving --------------------------------------------------------------------------------
    @override
    def accept(self) -> None:
        sender, address, logo = self.sender_edit.text(), self.address_edit.toPlainText(), self._logo
        try:
            check_sender(sender)
            check_address(address)
        except LetterTemplateError:
            self.message.setText(
                self.tr(
                    "The sender may hold 200 characters and the address 6 lines of 120 characters, "
                    "without CPR numbers."
                )
            )
            return
        sessions = self._context.sessions

        def job() -> LetterTemplate:
            with sessions.begin() as session:
                return set_letter_template(session, sender=sender, address=address, logo=logo)

        self._set_enabled(False)
        self.message.setText(self.tr("Saving…"))
        self._lanes.store.submit(job, self._saved, self._save_failed, owner=self)

    def _saved(self, template: LetterTemplate) -> None:
        self._current = template
        super().accept()

    def _save_failed(self, exc: Exception) -> None:
        self._set_enabled(True)
        self.message.clear()
        if isinstance(exc, DBAPIError) and self._context.store_kind != "sqlite":
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("On a shared server only IT can change the letter template. Nothing was saved."),
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Saving the letter template failed: %s", type(exc).__name__)
            QMessageBox.warning(
                self,
                self.tr("Database problem"),
                self.tr("The database did not answer, so nothing was saved. Try again."),
            )
        else:
            raise exc

    @classmethod
    def open_for(cls, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> bool:
        return bool(cls(context, lanes, parent).exec())
