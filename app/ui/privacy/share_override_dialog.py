"""Sending to someone without consent cover: a warning naming them and a reason to give.

The caller logs the reason (audit SHARE_OVERRIDE). Cancel sends and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

MAX_REASON = 500


class ShareOverrideDialog(QDialog):
    def __init__(self, names: Sequence[str], what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("No consent to share"))
        self.warning = QLabel(
            self.tr(
                "There is no consent to share the plan about every member of the family with: %1.\n\n"
                "Send the %2 anyway only if the law allows it without consent (e.g. a duty to "
                "pass information on). Give the reason; it is written in the audit log."
            )
            .replace("%1", ", ".join(names))
            .replace("%2", what),
            self,
        )
        self.warning.setObjectName("shareWarning")
        self.warning.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("shareReason")
        self.reason.setPlaceholderText(self.tr("Reason for sharing without consent"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send.setText(self.tr("Send anyway"))
        self.send.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 300)

    def _changed(self) -> None:
        text = self.reason.toPlainText()
        if len(text) > MAX_REASON:
            self.reason.setPlainText(text[:MAX_REASON])
            return
        self.send.setEnabled(bool(text.strip()))

    @property
    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    @classmethod
    def ask(cls, names: Sequence[str], what: str, parent: QWidget | None = None) -> str | None:
        """The reason given, or None when the user cancels."""
        dialog = cls(names, what, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.reason_text:
            return None
        return dialog.reason_text
