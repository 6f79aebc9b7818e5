"""Which name is right, when a CPR number already known to the program is typed with another."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.cases import NameChoice


def ask_which_name(parent: QWidget | None, stored: str, typed: str) -> NameChoice | None:
    """Ask the caseworker; None when they cancel (nothing is saved then)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("NameChoice", text)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Which name is right?"))
    box.setText(
        tr("This CPR number is already registered as %1. You typed %2.")
        .replace("%1", stored)
        .replace("%2", typed)
    )
    box.setInformativeText(
        tr("Keep the registered name, or correct it to the one you typed (everywhere the person appears)?")
    )
    keep = box.addButton(tr("Keep %1").replace("%1", stored), QMessageBox.ButtonRole.AcceptRole)
    correct = box.addButton(tr("Use %1").replace("%1", typed), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    if box.clickedButton() is keep:
        return NameChoice.STORED
    if box.clickedButton() is correct:
        return NameChoice.TYPED
    return None
