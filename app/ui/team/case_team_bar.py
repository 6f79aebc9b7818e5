"""The team's buttons in the family page's header: "Edit case…" (coordinator, partner, model,
cadence, status, hand-over) and "Hand-over note" (the case's latest note, when it has one).

The main window puts the bar into the header and lets the family page tell it which case is
open (it is one of the page's case panels, without a tab). When the case was handed to the
signed-in user and they have not read the note, the note is shown first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.services.common.context import AppContext
from app.services.team.hand_over import HandOverNote, latest_hand_over, mark_hand_over_read, unread_hand_over
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.common.formatting import format_date
from app.ui.team.edit_case_dialog import EditCaseDialog
from app.ui.team.hand_over_note import HandOverNoteDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Notes:
    latest: HandOverNote | None
    unread: HandOverNote | None


class CaseTeamBar(QWidget):
    changed = Signal()  # the case was edited or handed over (the page reloads)
    case_missing = Signal(int)  # the case is gone (or out of reach)

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.lanes = lanes
        self.case: CaseRef | None = None
        self.latest: HandOverNote | None = None
        self.note_dialog: HandOverNoteDialog | None = None  # the note shown first, while open
        self._postponed: set[int] = set()  # notes put off with "Later" while this case is open
        self._request = 0
        self.edit_button = QPushButton(self.tr("Edit case…"), self)
        self.edit_button.setObjectName("editCase")
        self.edit_button.setToolTip(
            self.tr("Change coordinator, partner caseworker, model, follow-up cadence or status")
        )
        self.edit_button.clicked.connect(self.edit_case)
        self.note_button = QPushButton(self.tr("Hand-over note"), self)
        self.note_button.setObjectName("handOverNoteButton")
        self.note_button.clicked.connect(self.show_latest_note)
        self.note_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note_button)
        row.addWidget(self.edit_button)
        self.setEnabled(False)

    # -- the page's case (CasePanel) --------------------------------------------------------
    def show_case(self, case: CaseRef) -> None:
        if self.case is None or self.case.case_id != case.case_id:
            self._postponed.clear()
            self.latest = None
            self.note_button.hide()
        self.case = case
        self.setEnabled(True)
        sessions, me, case_id = self._context.sessions, self._context.user.id, case.case_id
        self._request += 1
        request = self._request

        def job() -> _Notes:
            with sessions() as session:
                latest = latest_hand_over(session, case_id)  # read once, for both
                return _Notes(latest, unread_hand_over(session, case_id, me, latest))

        self.lanes.store.submit(
            job, lambda notes: self._notes_arrived(notes, request), self._failed, owner=self
        )

    def clear_case(self) -> None:
        self.case = None
        self.latest = None
        self.note_button.hide()
        self.setEnabled(False)

    def focus_item(self, item_id: int) -> None:
        """Nothing to select: the bar has no rows."""

    def _notes_arrived(self, notes: _Notes, request: int) -> None:
        if request != self._request or self.case is None:
            return
        self.latest = notes.latest
        self.note_button.setVisible(notes.latest is not None)
        if notes.latest is not None:
            self.note_button.setToolTip(
                self.tr("Handed over by %1 on %2")
                .replace("%1", notes.latest.from_name)
                .replace("%2", format_date(notes.latest.handed_at.date()))
            )
        unread = notes.unread
        if unread is not None and unread.id not in self._postponed and self.note_dialog is None:
            self._show_unread(unread)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, SQLAlchemyError):
            log.warning("Reading the hand-over note failed: %s", type(exc).__name__)
            return
        raise exc

    # -- the note seen first -------------------------------------------------------------------
    def _show_unread(self, note: HandOverNote) -> None:
        dialog = HandOverNoteDialog(note, True, self.window())
        self.note_dialog = dialog
        dialog.finished.connect(lambda result: self._note_closed(note, result))
        dialog.open()  # window-modal, and the page behind it is already shown

    def _note_closed(self, note: HandOverNote, result: int) -> None:
        if self.note_dialog is not None:
            self.note_dialog.deleteLater()
        self.note_dialog = None
        if result != int(QDialog.DialogCode.Accepted):
            self._postponed.add(note.id)
            return
        sessions, me = self._context.sessions, self._context.user.id

        def job() -> None:
            with sessions.begin() as session:
                mark_hand_over_read(session, note.id, me)

        self.lanes.store.submit(job, lambda _none: None, self._failed, owner=self)

    def show_latest_note(self) -> None:
        if self.latest is None:
            return
        dialog = HandOverNoteDialog(self.latest, False, self)
        dialog.exec()
        dialog.deleteLater()

    # -- editing ----------------------------------------------------------------------------------
    def edit_case(self) -> None:
        if self.case is None:
            return
        case_id = self.case.case_id
        dialog = EditCaseDialog(self._context, self.lanes, case_id, self)
        if dialog.exec():
            self.changed.emit()
        elif dialog.gone:
            self.case_missing.emit(case_id)
        dialog.deleteLater()
