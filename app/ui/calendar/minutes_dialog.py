"""The minutes of a held meeting: decisions, who came, agreements closed and added, scores —
which flow back into the plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.models.enums import AgreementStatus, ResponsibleKind
from app.services.common.context import AppContext
from app.services.common.validation import FieldProblem, Problem
from app.services.meetings.meetings import (
    MeetingInfo,
    MinutesInput,
    NewAgreement,
    ScoreInput,
    record_minutes,
)
from app.services.plan.plan_document import PlanDocument, load_plan_document
from app.services.plan.plan_draft import PlanConflictError, PlanDraft, PlanSeen
from app.ui.calendar.meeting_dialog import KEY_ROLE, ordered_keys, stored_meeting
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import OptionalDate
from app.ui.common.form_dialog import StoredRow
from app.ui.common.formatting import format_datetime
from app.ui.common.lane_form import LaneFormDialog, SaveJob
from app.ui.plan.plan_dialogs import NO_SCORE, score_box


class MinutesDialog(LaneFormDialog):
    """The minutes of a meeting: they flow back into the plan."""

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        meeting: MeetingInfo,
        plan: PlanDocument,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Minutes"), lanes, parent)
        self.setMinimumWidth(760)
        self._context = context
        self._meeting = meeting
        self._today = today
        what = QLabel(f"{meeting.case_title} · {format_datetime(meeting.starts_at)}", self)
        self.decisions = QPlainTextEdit(meeting.minutes, self)
        self.decisions.setObjectName("minutesText")
        self.decisions.setPlaceholderText(self.tr("What was said and decided (notatpligt)"))
        self.decisions.setMinimumHeight(110)
        self.attended = QListWidget(self)
        for person in meeting.participants:
            item = QListWidgetItem(person.name, self.attended)
            item.setData(KEY_ROLE, person.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            came = person.attended if person.attended is not None else True
            item.setCheckState(Qt.CheckState.Checked if came else Qt.CheckState.Unchecked)
        self.attended.setMaximumHeight(110)
        self.closed = QListWidget(self)
        self.closed.setObjectName("closeAgreements")
        self._plan_seen: PlanSeen | None = None
        self._fill_closed(plan)
        self.closed.setMaximumHeight(110)
        self.new_agreements = QTableWidget(0, 3, self)
        self.new_agreements.setObjectName("newAgreements")
        self.new_agreements.setHorizontalHeaderLabels([self.tr("What"), self.tr("Who"), self.tr("By when")])
        self.new_agreements.horizontalHeader().setStretchLastSection(False)
        self.new_agreements.setColumnWidth(0, 300)
        self.new_agreements.setMinimumHeight(110)
        self._who = (
            [(self.tr("(choose)"), "")]
            + [
                (p.name, f"{ResponsibleKind.MEMBER.value}:{p.key.split(':')[1]}")
                for p in meeting.participants
                if p.key.startswith("citizen:")
            ]
            + [
                (p.name, f"{ResponsibleKind.PROFESSIONAL.value}:{p.key.split(':')[1]}")
                for p in meeting.participants
                if p.key.startswith("professional:")
            ]
            + [
                (
                    self.tr("%1 (coordinator)").replace("%1", meeting.coordinator_name),
                    f"{ResponsibleKind.COORDINATOR.value}:{meeting.coordinator_id}",
                )
            ]
        )
        add = QPushButton(self.tr("New agreement"), self)
        add.setObjectName("addMinutesAgreement")
        add.clicked.connect(self.add_agreement)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.new_agreements)
        table_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.scores = QTableWidget(0, 3, self)
        self.scores.setObjectName("minutesScores")
        self.scores.setHorizontalHeaderLabels(
            [self.tr("Goal"), self.tr("The family (0–10)"), self.tr("Professionals (0–10)")]
        )
        # The score columns as wide as their headings; the goal takes the rest (full text on hover).
        self.scores.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.scores.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        for goal in plan.plan.goals if plan.plan else ():
            row = self.scores.rowCount()
            self.scores.insertRow(row)
            goal_item = QTableWidgetItem(goal.text)
            goal_item.setToolTip(goal.text)
            goal_item.setData(KEY_ROLE, goal.goal_key)
            goal_item.setFlags(goal_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.scores.setItem(row, 0, goal_item)
            self.scores.setCellWidget(row, 1, score_box(self.scores))
            self.scores.setCellWidget(row, 2, score_box(self.scores))
        self.scores.setMinimumHeight(120)
        self.add_field("meeting", self.tr("Meeting"), what)
        self.add_field("decisions", self.tr("Minutes"), self.decisions)
        self.add_field("attended", self.tr("Who came"), self.attended)
        self.add_field("closed", self.tr("Agreements done"), self.closed)
        self.add_field("new", self.tr("New agreements"), table_box)
        self.add_field("scores", self.tr("Progression scores"), self.scores)
        self.watch("decisions", self.decisions.textChanged)
        self.refresh()
        self.edit_version = meeting.version
        self.remember_base()

    def _fill_closed(self, plan: PlanDocument) -> None:
        """The plan's open agreements to tick as done, each by its key (not its place): the
        minutes close the agreement meant even if someone inserted another before it."""
        checked = {
            str(self.closed.item(i).data(KEY_ROLE))
            for i in range(self.closed.count())
            if self.closed.item(i).checkState() == Qt.CheckState.Checked
        }
        self.closed.clear()
        view = plan.plan
        self._plan_seen = (
            PlanSeen(view.id, view.row_version, PlanDraft.from_view(view)) if view is not None else None
        )
        for agreement in view.agreements if view is not None else ():
            if agreement.status != AgreementStatus.OPEN:
                continue
            item = QListWidgetItem(f"{agreement.what} — {agreement.responsible_name}", self.closed)
            item.setData(KEY_ROLE, agreement.agreement_key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            done = agreement.agreement_key in checked
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def add_agreement(self) -> int:
        row = self.new_agreements.rowCount()
        self.new_agreements.insertRow(row)
        self.new_agreements.setItem(row, 0, QTableWidgetItem(""))
        who = QComboBox(self.new_agreements)
        for text, value in self._who:
            who.addItem(text, value)
        self.new_agreements.setCellWidget(row, 1, who)
        due = OptionalDate("", self._today + timedelta(days=14), self._today, self.new_agreements)
        self.new_agreements.setCellWidget(row, 2, due)
        return row

    @override
    def collect_problems(self) -> list[FieldProblem]:
        problems = []
        if not self.decisions.toPlainText().strip():
            problems.append(FieldProblem("decisions", Problem.REQUIRED))
        if self._meeting.starts_at.date() > self._today:
            problems.append(FieldProblem("meeting", Problem.IN_FUTURE))
        for row in range(self.new_agreements.rowCount()):
            what = self.new_agreements.item(row, 0)
            who = self.new_agreements.cellWidget(row, 1)
            if (
                what is not None
                and what.text().strip()
                and isinstance(who, QComboBox)
                and not who.currentData()
            ):
                problems.append(FieldProblem("new", Problem.REQUIRED))
        return problems

    def minutes(self) -> MinutesInput:
        new = []
        for row in range(self.new_agreements.rowCount()):
            what = self.new_agreements.item(row, 0)
            who = self.new_agreements.cellWidget(row, 1)
            due = self.new_agreements.cellWidget(row, 2)
            if what is None or not what.text().strip():
                continue
            assert isinstance(who, QComboBox) and isinstance(due, OptionalDate)
            kind, _, ident = str(who.currentData() or "").partition(":")
            new.append(
                NewAgreement(
                    what.text().strip(),
                    ResponsibleKind(kind) if kind else None,
                    int(ident) if ident else None,
                    due.value(),
                )
            )
        scores = []
        for row in range(self.scores.rowCount()):
            family = self.scores.cellWidget(row, 1)
            pros = self.scores.cellWidget(row, 2)
            assert isinstance(family, QSpinBox) and isinstance(pros, QSpinBox)
            values = [None if b.value() == NO_SCORE else b.value() for b in (family, pros)]
            goal_item = self.scores.item(row, 0)
            if goal_item is not None and (values[0] is not None or values[1] is not None):
                scores.append(ScoreInput(str(goal_item.data(KEY_ROLE)), values[0], values[1]))
        return MinutesInput(
            decisions=self.decisions.toPlainText(),
            new_agreements=new,
            closed_agreements=[
                str(self.closed.item(i).data(KEY_ROLE))
                for i in range(self.closed.count())
                if self.closed.item(i).checkState() == Qt.CheckState.Checked
            ],
            scores=scores,
            attended=[
                str(self.attended.item(i).data(KEY_ROLE))
                for i in range(self.attended.count())
                if self.attended.item(i).checkState() == Qt.CheckState.Checked
            ],
            plan_seen=self._plan_seen,
        )

    @override
    def data(self) -> MinutesInput:
        return self.minutes()

    @override
    def job_for(self, data: MinutesInput, version: int | None) -> SaveJob:
        sessions, meeting_id, today = self._context.sessions, self._meeting.id, self._today

        def job() -> int:
            with sessions.begin() as session:
                record_minutes(session, meeting_id, data, version, today)
            return meeting_id

        return job

    @override
    def save_refused(self, exc: Exception) -> bool:
        """Someone changed the plan so that the minutes cannot simply go on top (an agreement
        to close was removed or changed otherwise): show the plan's agreements as they are now
        and ask the user to look again; the text, new agreements and scores stay."""
        if not isinstance(exc, PlanConflictError):
            return False
        sessions, case_id = self._context.sessions, self._meeting.case_id

        def job() -> PlanDocument:
            with sessions() as session:
                return load_plan_document(session, case_id)

        self.set_saving(True)
        self.lanes.store.submit(
            job, lambda plan: self._plan_changed(plan, exc), self._save_failed, owner=self
        )
        return True

    def _plan_changed(self, plan: PlanDocument, exc: PlanConflictError) -> None:
        self.set_saving(False)
        self._fill_closed(plan)
        names = "\n".join(f"• {label}" for label in exc.labels)
        QMessageBox.warning(
            self,
            self.tr("The plan was changed"),
            self.tr(
                "Someone else changed the plan's agreements while you wrote the minutes, so "
                "nothing was saved yet. The agreements are shown as they are now: check which "
                "are done and save again."
            )
            + (f"\n\n{names}" if names else ""),
        )

    # -- when someone else saved first ------------------------------------------------------
    # Only the minutes text and who came are stored on the meeting; agreements and scores go
    # into the plan, so the stored side never has any (they always stay the user's).
    def _listed_keys(self) -> list[str]:
        return [str(self.attended.item(i).data(KEY_ROLE)) for i in range(self.attended.count())]

    @override
    def stored_job(self) -> Callable[[], tuple[MeetingInfo, str, datetime | None]] | None:
        return stored_meeting(self._context.sessions, self._meeting.id)

    @override
    def stored_row(self, fetched: tuple[MeetingInfo, str, datetime | None]) -> StoredRow:
        info, saved_by, saved_at = fetched
        came = [p.key for p in info.participants if p.attended is None or p.attended]
        stored = MinutesInput(
            decisions=info.minutes,
            attended=ordered_keys(self._listed_keys(), came),
            plan_seen=self._plan_seen,  # the plan is not the meeting's: always the form's
        )
        return StoredRow(stored, info.version, saved_by, saved_at)

    @override
    def show_data(self, data: MinutesInput) -> None:
        if data.decisions != self.decisions.toPlainText():
            self.decisions.setPlainText(data.decisions)
        for i in range(self.attended.count()):
            item = self.attended.item(i)
            came = str(item.data(KEY_ROLE)) in data.attended
            item.setCheckState(Qt.CheckState.Checked if came else Qt.CheckState.Unchecked)

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "attended":
            names = {
                str(self.attended.item(i).data(KEY_ROLE)): self.attended.item(i).text()
                for i in range(self.attended.count())
            }
            return ", ".join(names.get(key, key) for key in value) or self.tr("Nobody")
        return super().describe(field, value)
