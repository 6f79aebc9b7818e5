"""Closing a case: a reason, a closing date, and when the closed case may be erased.

Closing starts the case's retention clock (app.services.privacy.retention); the period per
coordination model comes from resources/retention_rules.csv.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from app.models import Case
from app.models.enums import CaseStatus
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError, load_for_edit, raise_if_blocking, required
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.privacy.retention import close_case, retention_end
from app.ui.common.form_dialog import ERROR_STYLE, FormDialog
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.family.family_dialogs import date_edit, from_qdate

MAX_REASON = 500  # Case.closing_reason is NFCText(500)


class CloseCaseDialog(FormDialog):
    """Close an open case; Save closes it in one transaction, refused if it changed meanwhile."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close case"), parent)
        self._context = context
        self._case_id = case_id
        with context.sessions() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise RowGoneError(f"cases {case_id}")
            self._version: int | None = case.version
            self._model = case.model
            self._opened_on: date = case.opened_on
            what = f"{case.number} · {case.title}"
        self.case_label = QLabel(what, self)
        self.case_label.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("closingReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(90)
        self.closed_on = date_edit(self, local_today())
        self.closed_on.setObjectName("closedOn")
        self.erase_after = QLabel(self)
        self.erase_after.setObjectName("eraseAfter")
        self.erase_after.setWordWrap(True)
        self.add_field("case", self.tr("Case"), self.case_label)
        self.add_field("reason", self.tr("Reason for closing"), self.reason)
        self.add_field("closed_on", self.tr("Closing date"), self.closed_on)
        self.body.addWidget(self.erase_after)
        self.watch("reason", self.reason.textChanged)
        self.watch("closed_on", self.closed_on.dateChanged)
        self.closed_on.dateChanged.connect(self._show_retention)
        self.save_button.setText(self.tr("Close case"))
        self._show_retention()
        self.refresh()

    def _show_retention(self) -> None:
        try:
            until = retention_end(self._model, from_qdate(self.closed_on.date()))
        except (OSError, ValueError) as exc:  # a missing or broken rules file
            self.erase_after.setText(
                self.tr("The retention rules could not be read: %1").replace("%1", str(exc))
            )
            self.erase_after.setStyleSheet(ERROR_STYLE)
            self.save_button.setEnabled(False)
            return
        self.erase_after.setText(
            self.tr("The case may be erased after %1 (retention period for %2)")
            .replace("%1", format_date(until))
            .replace("%2", label(self._model))
        )

    def collect_problems(self) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        required(problems, "reason", self.reason.toPlainText(), MAX_REASON)
        day = from_qdate(self.closed_on.date())
        if day > local_today():
            problems.append(FieldProblem("closed_on", Problem.IN_FUTURE))
        elif day < self._opened_on:
            problems.append(FieldProblem("closed_on", Problem.END_BEFORE_START))
        return problems

    def store(self) -> None:
        raise_if_blocking(self.collect_problems())
        day = from_qdate(self.closed_on.date())
        with self._context.sessions.begin() as session:
            case = load_for_edit(session, Case, self._case_id, self._version)
            if case.status == CaseStatus.CLOSED:
                raise ValidationError([FieldProblem("case", Problem.CASE_CLOSED)])
            close_case(session, case, day, self.reason.toPlainText())
        self.stored_id = self._case_id
