"""A dialog of labelled fields that shows the service's problems next to each field.

Subclasses add fields with ``add_field`` and implement ``collect_problems`` (the pure
validation, run as the user types) and ``store`` (one transaction). Saving never closes
the dialog on an error, so nothing typed is lost.

A dialog that changes a stored row also implements ``data`` (the service's input),
``store_data(data, version)``, ``stored_now`` (the row as stored now, as the same input)
and ``show_data`` (put an input into the widgets), sets ``edit_version`` and calls
``remember_base`` when built. When a save loses the race against someone else's, the
fields only they changed are taken over, and the fields both changed differently are put
side by side in a ``FieldConflictDialog`` for the user to choose; nothing is thrown away.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import FieldProblem, ValidationError
from app.ui.common.colours import error_style, note_style
from app.ui.common.field_conflict_dialog import FieldChoice, FieldConflictDialog, merge_fields
from app.ui.common.formatting import format_date, format_datetime
from app.ui.common.labels import label, problem_text
from app.ui.common.reading_order import arrange_tab_order
from app.ui.common.screen_fit import FittingScrollArea

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoredRow:
    """A row as stored now: the same input type ``data()`` returns, its version and stamp."""

    data: Any
    version: int | None
    saved_by: str = ""  # who saved it last (full name when known), "" when unknown
    saved_at: datetime | None = None


class FormDialog(QDialog):
    """Fields with an error line under each, a summary beside Save, and safe saving."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stored_id: int | None = None  # what ``store`` saved
        self.edit_version: int | None = None  # the version of the stored row the form is based on
        self._base: Any = None  # the input the form was opened with (for the three-way merge)
        self.errors: dict[str, QLabel] = {}
        self._fields: list[QWidget] = []  # in the form's order
        self.labels: dict[str, str] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self.summary = QLabel(self)
        self.summary.setObjectName("formSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(error_style())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("FormDialog", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "Cancel")
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll inside the dialog where the screen is too low for them all; the
        # summary and the buttons stay in view.
        fields = QWidget(self)
        self.body = QVBoxLayout(fields)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self.fields_area = FittingScrollArea(fields, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_area, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    @override
    def setVisible(self, visible: bool) -> None:
        if visible:  # rows added to the form since: sized from all of them
            self.body.invalidate()
            self.fields_area.updateGeometry()
        super().setVisible(visible)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """Tab goes through the fields as they read, then the buttons, and starts at the first
        field (the buttons were made first)."""
        arrange_tab_order(self, first_focus=True)
        super().showEvent(event)

    @classmethod
    def ask(cls, *args: Any, **kwargs: Any) -> int | None:
        """Run the dialog; the id of what was stored, or None when cancelled."""
        dialog = cls(*args, **kwargs)
        return dialog.stored_id if dialog.exec() else None

    # -- building -------------------------------------------------------------------
    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """A labelled row with an error line under it; ``key`` is the service's field name."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(error_style())
        error.hide()
        box.addWidget(error)
        self.form.addRow(label, holder)
        self._fields.append(widget)
        self.errors[key] = error
        self.labels[key] = label.rstrip(":")
        return widget

    def watch(self, key: str, signal: SignalInstance) -> None:
        """Re-validate when ``signal`` fires, marking the field as touched."""

        def changed(*_args: object) -> None:
            self._touched.add(key)
            self.refresh()

        signal.connect(changed)

    # -- validation -----------------------------------------------------------------
    def collect_problems(self) -> list[FieldProblem]:
        return []

    def refresh(self) -> list[FieldProblem]:
        problems = self.collect_problems()
        self.show_problems(problems)
        return problems

    def error_key(self, field: str) -> str:
        """Which error line shows a problem of ``field`` (subclasses map sub-fields)."""
        return field if field in self.errors else next(iter(self.errors), field)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        texts: dict[str, list[str]] = {}
        for problem in problems:
            key = self.error_key(problem.field)
            if self._show_all or key in self._touched or not problem.blocking:
                texts.setdefault(key, []).append(problem_text(problem.problem))
        for key, error in self.errors.items():
            lines = texts.get(key)
            error.setVisible(bool(lines))
            error.setText(" ".join(lines or []))
            blocking = any(p.blocking for p in problems if self.error_key(p.field) == key)
            error.setStyleSheet(error_style() if blocking else note_style())
        missing = []
        for problem in problems:
            if problem.blocking:
                name = self.labels.get(self.error_key(problem.field), problem.field)
                if name not in missing:
                    missing.append(name)
        if missing and self._show_all:
            self.summary.setText(
                QCoreApplication.translate("FormDialog", "Before saving, check: %1").replace(
                    "%1", ", ".join(missing)
                )
            )
        else:
            self.summary.setText("")
        self.save_button.setToolTip(
            QCoreApplication.translate("FormDialog", "Missing: %1").replace("%1", ", ".join(missing))
            if missing
            else ""
        )

    # -- saving -----------------------------------------------------------------------
    # Service field names whose error line and label have another key (e.g. citizen_id).
    FIELD_KEYS: ClassVar[dict[str, str]] = {}

    def data(self) -> Any:
        """The form as the service's input dataclass (dialogs that change a stored row)."""
        raise NotImplementedError(f"{type(self).__name__} must implement data()")

    def store(self) -> None:
        """Every dialog built on this class stores its own data (one transaction)."""
        self.store_data(self.data(), self.edit_version)

    def store_data(self, data: Any, version: int | None) -> None:
        """Store ``data`` (one transaction), refusing when the row is no longer at ``version``."""
        raise NotImplementedError(f"{type(self).__name__} must implement store() or store_data()")

    def stored_now(self) -> StoredRow | None:
        """The row as stored now, converted to the input ``data()`` returns; None when this
        dialog cannot merge. Raises RowGoneError when the row was deleted."""
        return None

    def show_data(self, data: Any) -> None:
        """Put ``data`` (as ``data()`` returns it) into the widgets."""
        raise NotImplementedError(f"{type(self).__name__} must implement show_data()")

    def remember_base(self) -> None:
        """Keep what the form was opened with, so a lost race merges three ways."""
        self._base = self.data()

    def field_label(self, field: str) -> str:
        key = self.FIELD_KEYS.get(field, field)
        return self.labels.get(key, field)

    def describe(self, field: str, value: Any) -> str:
        """A field's value as short readable text for the conflict dialog."""
        empty = QCoreApplication.translate("FormDialog", "(empty)")
        if value is None:
            return empty
        if isinstance(value, bool):
            return (
                QCoreApplication.translate("FormDialog", "Yes")
                if value
                else QCoreApplication.translate("FormDialog", "No")
            )
        if isinstance(value, datetime):
            return format_datetime(value)
        if isinstance(value, date):
            return format_date(value)
        if isinstance(value, enum.StrEnum):
            return label(value)
        if isinstance(value, str):
            return value.strip() or empty
        if isinstance(value, list | tuple | set | frozenset):
            return "; ".join(self.describe(field, item) for item in value) or empty
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return ", ".join(self.describe(field, getattr(value, f.name)) for f in dataclasses.fields(value))
        return str(value)

    def try_save(self) -> bool:
        self._show_all = True
        if any(p.blocking for p in self.refresh()):
            return False
        if not self._guarded(self.store):
            return False
        self.accept()
        return True

    def _guarded(self, action: Callable[[], None]) -> bool:
        """Run one store; on a lost race, merge and ask. Whether something was stored."""
        try:
            action()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ConcurrentEditError:
            return self._resolve_conflict()
        except RowGoneError:
            self._deleted()
            return False
        except SQLAlchemyError:
            self._not_saved()
            return False
        return True

    def _resolve_conflict(self) -> bool:
        """Someone else saved first: take what only they changed, ask about what both changed,
        then store against their version (which may lose again: the same once more)."""
        try:
            stored = self.stored_now()
        except RowGoneError:
            self._deleted()
            return False
        except SQLAlchemyError:
            self._not_saved()
            return False
        merged = self.merge_stored(stored)
        if merged is None or stored is None:
            return False
        return self._guarded(lambda: self.store_data(merged, stored.version))

    def merge_stored(self, stored: StoredRow | None) -> Any:
        """Merge the form with the row as stored now (asking about fields both changed); the
        form is then based on ``stored``. The merged input to store against ``stored.version``,
        or None when nothing is to be stored (the form keeps what the user typed)."""
        if stored is None:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("FormDialog", "Changed by someone else"),
                QCoreApplication.translate(
                    "FormDialog",
                    "Someone else saved this after you opened it. Your text is still here: "
                    "copy what you need, cancel, and open it again to see the newest version.",
                ),
            )
            return None
        mine = self.data()
        merge = merge_fields(self._base, mine, stored.data)
        merged = merge.merged
        if merge.conflicts:
            choices = [
                FieldChoice(
                    name,
                    self.field_label(name),
                    self.describe(name, getattr(mine, name)),
                    self.describe(name, getattr(stored.data, name)),
                )
                for name in merge.conflicts
            ]
            taken = list(dict.fromkeys(self.field_label(name) for name in merge.taken))
            dialog = FieldConflictDialog(choices, stored.saved_by, stored.saved_at, taken, self)
            accepted = dialog.exec() == int(QDialog.DialogCode.Accepted)
            theirs = dialog.theirs_chosen()
            dialog.deleteLater()
            if not accepted:
                return None  # nothing stored; the form keeps what the user typed
            if theirs:
                merged = dataclasses.replace(merged, **{n: getattr(stored.data, n) for n in theirs})
        # From here the form is based on what is stored now.
        self._base = stored.data
        self.edit_version = stored.version
        self.show_data(merged)
        if any(p.blocking for p in self.refresh()):
            return None
        log.info(
            "%s merged with a newer save (%d chosen field(s))", type(self).__name__, len(merge.conflicts)
        )
        return merged

    def _deleted(self) -> None:
        QMessageBox.warning(
            self,
            QCoreApplication.translate("FormDialog", "Deleted"),
            QCoreApplication.translate("FormDialog", "This was deleted by someone else after you opened it."),
        )

    def _not_saved(self) -> None:
        log.exception("Saving %s failed", type(self).__name__)
        QMessageBox.warning(
            self,
            QCoreApplication.translate("FormDialog", "Not saved"),
            QCoreApplication.translate(
                "FormDialog",
                "The database did not answer, so nothing was saved. Your text is still here; try again.",
            ),
        )
