"""A form dialog that saves on the application's store lane, never on the GUI thread.

Saving disables the buttons, runs the subclass's job on ``lanes.store`` and closes the dialog
when the job succeeds. A refusal (``ValidationError``) is shown next to its field, a lost race
is merged three ways as in :class:`FormDialog` (the row as stored now is read on the lane too),
and nothing the user typed is lost.

Subclasses build the job on the GUI thread from what the widgets hold:

* ``job_for(data, version)``: the job that stores ``data`` (``data()``'s input) against
  ``version`` and returns the stored id (dialogs that change a stored row);
* ``save_job()``: the job for the form as it is (``job_for(self.data(), self.edit_version)``
  unless overridden);
* ``stored_job()`` and ``stored_row(fetched)``: read the row as stored now (plain data, on
  the lane) and turn it into a :class:`StoredRow` (on the GUI thread); no ``stored_job``
  means the dialog cannot merge;
* ``save_refused(exc)``: a refusal the dialog handles itself (True when handled).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.ui.common.background import StoreLanes
from app.ui.common.form_dialog import FormDialog, StoredRow

log = logging.getLogger(__name__)

SaveJob = Callable[[], int | None]


class LaneFormDialog(FormDialog):
    """A :class:`FormDialog` whose reads and writes are jobs on the store lane."""

    def __init__(self, title: str, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.lanes = lanes
        self.saving = False  # a save (or the read of the stored row) is under way
        self.gone = False  # the row was deleted (or left reach) before the dialog could read it

    def grow_to_fit(self) -> None:
        """Rows or text that arrive from the store later (a hand-over, the caseload, how long
        the case is kept) make the dialog taller rather than squeeze or hide the others: up
        to the screen's height (the dialog is made to fit a 768 one)."""
        hint = self.sizeHint()
        screen = self.screen()
        highest = screen.availableGeometry().height() if screen is not None else hint.height()
        self.resize(max(self.width(), hint.width()), min(max(self.height(), hint.height()), highest))

    # -- what subclasses give ------------------------------------------------------------
    def job_for(self, data: Any, version: int | None) -> SaveJob:
        raise NotImplementedError(f"{type(self).__name__} must implement job_for() or save_job()")

    def save_job(self) -> SaveJob:
        return self.job_for(self.data(), self.edit_version)

    def stored_job(self) -> Callable[[], Any] | None:
        return None

    def stored_row(self, fetched: Any) -> StoredRow | None:
        return fetched if isinstance(fetched, StoredRow) else None

    def save_refused(self, exc: Exception) -> bool:
        return False

    # -- reading -----------------------------------------------------------------------------
    def read_failed(self, exc: Exception) -> None:
        """The dialog's first read failed: a row gone is the opener's to say (``gone``), a
        database that did not answer is said here; either way the dialog closes."""
        if isinstance(exc, RowGoneError):
            self.gone = True
            self.reject()
        elif isinstance(exc, SQLAlchemyError):
            self.database_failed(exc)
            self.reject()
        else:
            raise exc

    # -- saving ------------------------------------------------------------------------------
    @override
    def try_save(self) -> bool:
        """Validate and hand the save to the lane. True when a save was started; the dialog
        closes (accepted) when it succeeds."""
        if self.saving:
            return False
        self._show_all = True
        if any(p.blocking for p in self.refresh()):
            return False
        self.submit_save(self.save_job())
        return True

    def submit_save(self, job: SaveJob) -> None:
        self.set_saving(True)
        self.lanes.store.submit(job, self._saved, self._save_failed, owner=self)

    def set_saving(self, saving: bool) -> None:
        """While saving, the buttons are off and the dialog cannot be closed."""
        self.saving = saving
        self.buttons.setEnabled(not saving)

    @override
    def reject(self) -> None:
        if not self.saving:  # a save under way is not abandoned: its outcome is shown
            super().reject()

    def _saved(self, stored_id: int | None) -> None:
        self.set_saving(False)
        self.stored_id = stored_id
        self.accept()

    def _save_failed(self, exc: Exception) -> None:
        self.set_saving(False)
        if self.save_refused(exc):
            return
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
        elif isinstance(exc, ConcurrentEditError):
            self._read_stored()
        elif isinstance(exc, RowGoneError):
            self._deleted()
        elif isinstance(exc, SQLAlchemyError):
            self.database_failed(exc)
        else:
            raise exc

    def database_failed(self, exc: Exception) -> None:
        log.warning("Saving %s failed: %s", type(self).__name__, type(exc).__name__)
        QMessageBox.warning(
            self,
            QCoreApplication.translate("FormDialog", "Not saved"),
            QCoreApplication.translate(
                "FormDialog",
                "The database did not answer, so nothing was saved. Your text is still here; try again.",
            ),
        )

    def _read_stored(self) -> None:
        """Someone else saved first: read their row on the lane, then merge and store again."""
        job = self.stored_job()
        if job is None:
            self._merge(None)
            return
        self.set_saving(True)
        self.lanes.store.submit(job, self._stored_arrived, self._save_failed, owner=self)

    def _stored_arrived(self, fetched: Any) -> None:
        self.set_saving(False)
        self._merge(self.stored_row(fetched))

    def _merge(self, stored: StoredRow | None) -> None:
        merged = self.merge_stored(stored)
        if merged is not None and stored is not None:
            self.submit_save(self.job_for(merged, stored.version))
