"""The hand-over note (overdragelsesnote), seen first: when the new coordinator opens a case that
was handed to them, the note from the old coordinator is shown before anything else, until
they mark it read ("Læst"). The latest note stays readable from the family page's header
afterwards (the "Hand-over note" button), so it is not lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.team.hand_over import HandOverNote
from app.ui.common.formatting import format_date, format_datetime


class HandOverNoteDialog(QDialog):
    """One hand-over note: from whom, to whom, when, the note, the old team's read-only period.
    ``unread``: the reader is the new coordinator who has not read it yet (a "Read" button)."""

    def __init__(self, note: HandOverNote, unread: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = note
        self.setWindowTitle(self.tr("Hand-over note"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr("This case was handed over to you. Read the note from the previous coordinator first.")
            if unread
            else self.tr("The case's latest hand-over."),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.from_label = QLabel(note.from_name, self)
        self.from_label.setObjectName("handOverFrom")
        form.addRow(self.tr("From"), self.from_label)
        form.addRow(self.tr("To"), QLabel(note.to_name, self))
        form.addRow(self.tr("Handed over"), QLabel(format_datetime(note.handed_at), self))
        if note.read_only_until is not None:
            form.addRow(
                self.tr("The old team may read the case until"),
                QLabel(format_date(note.read_only_until), self),
            )
        self.text = QPlainTextEdit(note.note, self)
        self.text.setObjectName("handOverText")
        self.text.setAccessibleName(self.tr("Hand-over note"))
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(180)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(self)
        if unread:
            self.read_button = buttons.addButton(self.tr("Read"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.read_button.setObjectName("handOverRead")
            later = buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
            later.setToolTip(self.tr("The note is shown again the next time you open the case"))
        else:
            buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
