"""Which name is right, when a CPR number already known to the program is typed with another."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.cases.cases import NameChoice


class NameChoiceBox(QMessageBox):
    """Keep the registered name, use the typed one, or cancel (nothing is saved then)."""

    def __init__(self, parent: QWidget | None, stored: str, typed: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Which name is right?"))
        self.setText(
            self.tr("This CPR number is already registered as %1. You typed %2.")
            .replace("%1", stored)
            .replace("%2", typed)
        )
        self.setInformativeText(
            self.tr(
                "Keep the registered name, or correct it to the one you typed (everywhere the person appears)?"
            )
        )
        self.keep = self.addButton(
            self.tr("Keep %1").replace("%1", stored), QMessageBox.ButtonRole.AcceptRole
        )
        self.correct = self.addButton(
            self.tr("Use %1").replace("%1", typed), QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.keep)

    def choice(self) -> NameChoice | None:
        if self.clickedButton() is self.keep:
            return NameChoice.STORED
        if self.clickedButton() is self.correct:
            return NameChoice.TYPED
        return None


def ask_which_name(parent: QWidget | None, stored: str, typed: str) -> NameChoice | None:
    """Ask the caseworker; None when they cancel (nothing is saved then)."""
    box = NameChoiceBox(parent, stored, typed)
    box.exec()
    return box.choice()
