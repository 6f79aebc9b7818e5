"""Absences and deputies (fravær og stedfortræder): my absences (a team lead sees the team's),
a new one with its kind, dates, deputy and which of my cases the deputy covers, and ending one
early. During the absence the deputy reaches the covered cases; it ends by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.models.enums import AbsenceKind, UserRole
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.users import UserInfo, list_caseworkers
from app.services.common.validation import FieldProblem, Problem
from app.services.team.absences import (
    AbsenceInput,
    AbsenceRow,
    CaseChoice,
    absences,
    cases_to_cover,
    end_absence,
    plan_absence,
)
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import date_edit, from_qdate
from app.ui.common.enum_combo import enum_combo
from app.ui.common.formatting import format_date
from app.ui.common.labels import label
from app.ui.common.lane_form import LaneFormDialog, SaveJob


class NewAbsenceDialog(LaneFormDialog):
    """Plan an absence of the signed-in user, with a deputy for all or some of their cases."""

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New absence"), lanes, parent)
        self._context = context
        self.ready = False
        today = local_today()
        self.kind = enum_combo(self, list(AbsenceKind), AbsenceKind.HOLIDAY)
        self.starts_on = date_edit(self, today)
        self.starts_on.setObjectName("startsOn")
        self.ends_on = date_edit(self, today)
        self.ends_on.setObjectName("endsOn")
        self.deputy = QComboBox(self)
        self.deputy.setObjectName("deputy")
        self.all_cases = QCheckBox(self.tr("All my cases"), self)
        self.all_cases.setChecked(True)
        self.cases = QListWidget(self)
        self.cases.setObjectName("absenceCases")
        self.cases.setMaximumHeight(160)
        self.cases.setEnabled(False)
        self.note = QPlainTextEdit(self)
        self.note.setFixedHeight(54)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("starts_on", self.tr("From"), self.starts_on)
        self.add_field("ends_on", self.tr("To and including"), self.ends_on)
        self.add_field("deputy", self.tr("Deputy"), self.deputy)
        self.add_field("all_cases", self.tr("Covers"), self.all_cases)
        self.add_field("cases", self.tr("Cases"), self.cases)
        self.add_field("note", self.tr("Note"), self.note)
        self.all_cases.toggled.connect(lambda on: self.cases.setEnabled(not on))
        self.watch("ends_on", self.ends_on.dateChanged)
        self.watch("starts_on", self.starts_on.dateChanged)
        self.watch("deputy", self.deputy.currentIndexChanged)
        self.watch("cases", self.all_cases.toggled)
        self.watch("cases", self.cases.itemChanged)
        self.save_button.setEnabled(False)
        sessions, me = context.sessions, context.user.id

        def read() -> tuple[list[UserInfo], list[CaseChoice]]:
            with sessions() as session:
                return list_caseworkers(session), cases_to_cover(session, me)

        lanes.store.submit(read, self._arrived, self.read_failed, owner=self)

    def _arrived(self, arrived: tuple[list[UserInfo], list[CaseChoice]]) -> None:
        workers, cases = arrived
        self.deputy.addItem(self.tr("(choose)"), None)
        for worker in workers:
            if worker.id != self._context.user.id:
                self.deputy.addItem(worker.full_name, worker.id)
        for case in cases:
            item = QListWidgetItem(f"{case.number} · {case.title}", self.cases)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.ready = True
        self.save_button.setEnabled(True)
        self.refresh()

    def chosen_cases(self) -> tuple[int, ...]:
        items = (self.cases.item(i) for i in range(self.cases.count()))
        return tuple(
            int(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        )

    @override
    def data(self) -> AbsenceInput:
        deputy = self.deputy.currentData()
        return AbsenceInput(
            self._context.user.id,
            int(deputy) if deputy is not None else 0,
            AbsenceKind(self.kind.currentData()),
            from_qdate(self.starts_on.date()),
            from_qdate(self.ends_on.date()),
            self.all_cases.isChecked(),
            () if self.all_cases.isChecked() else self.chosen_cases(),
            self.note.toPlainText(),
        )

    @override
    def collect_problems(self) -> list[FieldProblem]:
        data, problems = self.data(), []
        if not data.deputy_id:
            problems.append(FieldProblem("deputy", Problem.REQUIRED))
        if data.ends_on < data.starts_on:
            problems.append(FieldProblem("ends_on", Problem.END_BEFORE_START))
        elif data.ends_on < local_today():
            problems.append(FieldProblem("ends_on", Problem.IN_PAST))
        if not data.all_cases and not data.case_ids:
            problems.append(FieldProblem("cases", Problem.REQUIRED))
        if len(data.note) > 500:
            problems.append(FieldProblem("note", Problem.TOO_LONG))
        return problems

    @override
    def try_save(self) -> bool:
        return self.ready and super().try_save()

    @override
    def save_job(self) -> SaveJob:
        sessions, data, today = self._context.sessions, self.data(), local_today()

        def job() -> int:
            with sessions.begin() as session:
                return plan_absence(session, data, today).id

        return job


class AbsenceDialog(QDialog):
    """The list of absences (mine; a team lead's shows the team's), with New and End early."""

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.lanes = lanes
        self.rows: list[AbsenceRow] = []
        self.loading = False
        self.setWindowTitle(self.tr("Absences and deputies"))
        self.setMinimumSize(640, 380)
        self.list = QListWidget(self)
        self.list.setObjectName("absences")
        self.list.setAccessibleName(self.tr("Absences"))
        self.new_button = QPushButton(self.tr("New absence…"), self)
        self.new_button.clicked.connect(self.new_absence)
        self.end_button = QPushButton(self.tr("End early"), self)
        self.end_button.setObjectName("endAbsence")
        self.end_button.setToolTip(
            self.tr("I am back: the absence ends yesterday (or is removed if not begun)")
        )
        self.end_button.clicked.connect(self.end_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        sessions, me, today = self._context.sessions, self._context.user, local_today()
        lead = me.role in (UserRole.TEAM_LEAD, UserRole.ADMIN)

        def job() -> list[AbsenceRow]:
            with sessions() as session:
                if lead:
                    team = [w.id for w in list_caseworkers(session) if not me.team or w.team == me.team]
                    return absences(session, today, [*team, me.id])
                return absences(session, today, [me.id])

        self.loading = True
        self.lanes.store.submit(job, self._arrived, self._failed, owner=self)

    def _arrived(self, rows: list[AbsenceRow]) -> None:
        self.loading = False
        self.rows = rows
        self.list.clear()
        for row in rows:
            text = (
                self.tr("%1: %2 from %3 to %4, deputy %5")
                .replace("%1", row.user_name)
                .replace("%2", label(row.kind))
                .replace("%3", format_date(row.starts_on))
                .replace("%4", format_date(row.ends_on))
                .replace("%5", row.deputy_name)
            )
            if not row.all_cases:
                text += " " + self.tr("(%n case(s))", "", len(row.case_ids))
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if not rows:
            QListWidgetItem(self.tr("No absences planned."), self.list)
        self.end_button.setEnabled(bool(rows))

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        if isinstance(exc, ConcurrentEditError | RowGoneError):
            QMessageBox.information(
                self,
                self.tr("Not changed"),
                self.tr("A colleague changed the absence meanwhile. Look again."),
            )
            self.reload()
        elif isinstance(exc, SQLAlchemyError):
            QMessageBox.warning(
                self, self.tr("Not changed"), self.tr("The database did not answer. Try again.")
            )
        else:
            raise exc

    def new_absence(self) -> None:
        if NewAbsenceDialog.ask(self._context, self.lanes, self) is not None:
            self.reload()

    def end_selected(self) -> None:
        item = self.list.currentItem()
        absence_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        row = next((r for r in self.rows if r.id == absence_id), None)
        if row is None:
            return
        sessions, today = self._context.sessions, local_today()

        def job() -> None:
            with sessions.begin() as session:
                end_absence(session, row.id, row.version, today)

        self.loading = True
        self.lanes.store.submit(job, lambda _none: self.reload(), self._failed, owner=self)
