"""Closing a case: a reason, a closing date, and when the closed case may be erased.

Closing starts the case's retention clock (app.services.privacy.retention); the period per
coordination model comes from resources/retention_rules.csv.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from typing_extensions import override

from app.models.enums import CoordinationModel
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import required
from app.services.common.validation import FieldProblem, Problem
from app.services.privacy.retention import ClosingFacts, close_case_as_read, closing_facts, retention_end
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.date_fields import date_edit, from_qdate
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.common.lane_form import LaneFormDialog, SaveJob

MAX_REASON = 500  # Case.closing_reason is NFCText(500)


class CloseCaseDialog(LaneFormDialog):
    """Close an open case; Save closes it in one transaction on the store lane, refused if it
    changed meanwhile. The case's facts are read on the lane when the dialog opens."""

    def __init__(
        self, context: AppContext, lanes: StoreLanes, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Close case"), lanes, parent)
        self._context = context
        self._case_id = case_id
        self._version: int | None = None
        self._model: CoordinationModel | None = None
        self._archived = False  # kept for the archive (a placement): never erased
        self._opened_on: date | None = None
        self.ready = False  # the case's facts have arrived
        self.case_label = QLabel(self.tr("Reading the case…"), self)
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
        # room for two lines from the start: the text comes with the case's facts, after the
        # dialog has its size ("no period is set … kept until the municipality sets one")
        self.erase_after.setMinimumHeight(2 * self.erase_after.fontMetrics().lineSpacing() + 2)
        self.add_field("case", self.tr("Case"), self.case_label)
        self.add_field("reason", self.tr("Reason for closing"), self.reason)
        self.add_field("closed_on", self.tr("Closing date"), self.closed_on)
        self.body.addWidget(self.erase_after)
        self.watch("reason", self.reason.textChanged)
        self.watch("closed_on", self.closed_on.dateChanged)
        self.closed_on.dateChanged.connect(self._show_retention)
        self.save_button.setText(self.tr("Close case"))
        self.save_button.setEnabled(False)
        sessions = context.sessions

        def read() -> ClosingFacts:
            with sessions() as session:
                return closing_facts(session, case_id)

        lanes.store.submit(read, self._arrived, self.read_failed, owner=self)

    def _arrived(self, facts: ClosingFacts) -> None:
        self._version, self._model, self._opened_on = facts.version, facts.model, facts.opened_on
        self._archived = facts.archived
        self.case_label.setText(facts.label)
        self.ready = True
        self.save_button.setEnabled(True)
        if facts.closed:
            self.show_problems([FieldProblem("case", Problem.CASE_CLOSED)])
            self.save_button.setEnabled(False)
        self._show_retention()
        self.refresh()

    def _show_retention(self) -> None:
        if self._model is None:
            return
        try:
            until = retention_end(self._model, from_qdate(self.closed_on.date()))
        except (OSError, ValueError) as exc:  # a missing or broken rules file
            self.erase_after.setText(
                self.tr("The retention rules could not be read: %1").replace("%1", str(exc))
            )
            self.erase_after.setStyleSheet(error_style())
            self.save_button.setEnabled(False)
            return
        if self._archived:
            self.erase_after.setText(
                self.tr("The case holds a placement and is kept for the archive: Koordinator never erases it")
            )
            return
        if until is None:
            self.erase_after.setText(
                self.tr(
                    "No retention period is set for %1: the case is kept until the municipality sets one"
                ).replace("%1", label(self._model))
            )
            return
        self.erase_after.setText(
            self.tr("The case may be erased after %1 (retention period for %2)")
            .replace("%1", format_date(until))
            .replace("%2", label(self._model))
        )

    @override
    def collect_problems(self) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        required(problems, "reason", self.reason.toPlainText(), MAX_REASON)
        day = from_qdate(self.closed_on.date())
        if day > local_today():
            problems.append(FieldProblem("closed_on", Problem.IN_FUTURE))
        elif self._opened_on is not None and day < self._opened_on:
            problems.append(FieldProblem("closed_on", Problem.END_BEFORE_START))
        return problems

    @override
    def try_save(self) -> bool:
        return self.ready and super().try_save()

    @override
    def save_job(self) -> SaveJob:
        sessions, case_id, version = self._context.sessions, self._case_id, self._version
        day, reason = from_qdate(self.closed_on.date()), self.reason.toPlainText()

        def job() -> int:
            with sessions.begin() as session:
                close_case_as_read(session, case_id, version, day, reason)
            return case_id

        return job
