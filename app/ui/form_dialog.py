"""A dialog of labelled fields that shows the service's problems next to each field.

Subclasses add fields with ``add_field`` and implement ``collect_problems`` (the pure
validation, run as the user types) and ``store`` (one transaction). Saving never closes
the dialog on an error, so nothing typed is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
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

from app.services.cases import FieldProblem, ValidationError
from app.services.editing import ConcurrentEditError, RowGoneError
from app.ui.labels import problem_text

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #8a5a00;"


class FormDialog(QDialog):
    """Fields with an error line under each, a summary beside Save, and safe saving."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stored_id: int | None = None  # what ``store`` saved
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self.summary = QLabel(self)
        self.summary.setObjectName("formSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE)
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
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

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
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        box.addWidget(error)
        self.form.addRow(label, holder)
        self.errors[key] = error
        self.labels[key] = label.rstrip(":")
        return widget

    def watch(self, key: str, signal: Callable[..., object] | object) -> None:
        """Re-validate when ``signal`` fires, marking the field as touched."""

        def changed(*_args: object) -> None:
            self._touched.add(key)
            self.refresh()

        signal.connect(changed)  # type: ignore[attr-defined]

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
            error.setStyleSheet(ERROR_STYLE if blocking else NOTE_STYLE)
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
    def store(self) -> None:
        """Every dialog built on this class stores its own data (one transaction)."""
        raise NotImplementedError(f"{type(self).__name__} must implement store()")

    def try_save(self) -> bool:
        self._show_all = True
        if any(p.blocking for p in self.refresh()):
            return False
        try:
            self.store()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ConcurrentEditError:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("FormDialog", "Changed by someone else"),
                QCoreApplication.translate(
                    "FormDialog",
                    "Someone else saved this after you opened it. Your text is still here: "
                    "copy what you need, cancel, and open it again to see the newest version.",
                ),
            )
            return False
        except RowGoneError:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("FormDialog", "Deleted"),
                QCoreApplication.translate(
                    "FormDialog", "This was deleted by someone else after you opened it."
                ),
            )
            return False
        except SQLAlchemyError:
            log.exception("Saving %s failed", type(self).__name__)
            QMessageBox.warning(
                self,
                QCoreApplication.translate("FormDialog", "Not saved"),
                QCoreApplication.translate(
                    "FormDialog",
                    "The database did not answer, so nothing was saved. Your text is still here; try again.",
                ),
            )
            return False
        self.accept()
        return True
