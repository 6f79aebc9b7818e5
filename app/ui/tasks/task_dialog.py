"""The task dialog: what, for which case (shown, not changed), who does it (me, the case's
partner caseworker, its coordinator or any colleague), by when, a reminder and a note.

Who may be chosen is read on the store lane when the dialog opens; saving runs there too. A
task made from an agreement, a deadline or the follow-up date comes in filled; saving it is
refused plainly while an open task made from the same is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from typing_extensions import override

from app.models import Task
from app.models.enums import TaskSource
from app.services.common.clock import LOCAL_TZ, local_now, local_today
from app.services.common.context import AppContext
from app.services.common.editing import saved_stamp
from app.services.common.validation import FieldProblem
from app.services.tasks.tasks import (
    Assignee,
    AssigneeKind,
    TaskExistsError,
    TaskInput,
    TaskRow,
    assignee_choices,
    create_task,
    task_row,
    update_task,
    validate_task,
)
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import OptionalDate, OptionalDateTime, to_qdatetime
from app.ui.common.form_dialog import StoredRow
from app.ui.common.lane_form import LaneFormDialog, SaveJob
from app.ui.common.noop import QT_TRANSLATE_NOOP

# Where a task came from, as the dialog and the panel say it.
SOURCE_TEXTS: dict[TaskSource, str] = {
    TaskSource.MANUAL: "",
    TaskSource.AGREEMENT: QT_TRANSLATE_NOOP("TaskDialog", "Made from an agreement in the plan"),
    TaskSource.DEADLINE: QT_TRANSLATE_NOOP("TaskDialog", "Made from a deadline"),
    TaskSource.FOLLOW_UP: QT_TRANSLATE_NOOP("TaskDialog", "Made from the case's follow-up date"),
}


def source_text(source: TaskSource) -> str:
    text = SOURCE_TEXTS[source]
    return QCoreApplication.translate("TaskDialog", text) if text else ""


REMINDER_HOUR = time(9, 0)  # a reminder ticked on starts at nine on the due date (or tomorrow)


@dataclass(frozen=True)
class TaskCase:
    """The case a task dialog shows (no case: a task of one's own)."""

    case_id: int
    number: str
    title: str


class TaskDialog(LaneFormDialog):
    """A new task (blank, or filled from a source), or changes to one."""

    FIELD_KEYS: ClassVar[dict[str, str]] = {"assigned_to_id": "assigned_to"}

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case: TaskCase | None = None,
        task: TaskRow | None = None,
        prefill: TaskInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change task") if task else self.tr("New task"), lanes, parent)
        self._context = context
        self._case = case
        self._task = task
        start = task.as_input() if task else prefill or TaskInput("", case.case_id if case else None)
        self._start = start
        self._names: dict[int, str] = {task.assigned_to_id: task.assignee} if task else {}
        self.ready = False  # who may be chosen has arrived
        self.existing: int | None = None  # the open task a save from a source found instead
        self.case_label = QLabel(self._case_text(), self)
        self.case_label.setObjectName("taskCase")
        self.case_label.setWordWrap(True)
        self.what = QLineEdit(start.what, self)
        self.what.setObjectName("taskWhat")
        self.what.setPlaceholderText(self.tr("e.g. Call the school about the absence"))
        self.assignee = QComboBox(self)
        self.assignee.setObjectName("taskAssignee")
        self.assignee.addItem(self.tr("Reading colleagues…"), None)
        self.due = OptionalDate(self.tr("Due"), start.due_date, local_today() + timedelta(days=7), self)
        self.due.setObjectName("taskDue")
        self.remind = OptionalDateTime(self.tr("Remind me"), start.remind_at, self._default_reminder(), self)
        self.remind.setObjectName("taskReminder")
        self.note = QPlainTextEdit(start.note, self)
        self.note.setObjectName("taskNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.add_field("case", self.tr("Case"), self.case_label)
        self.add_field("what", self.tr("What"), self.what)
        self.add_field("assigned_to", self.tr("Who does it"), self.assignee)
        self.add_field("due_date", self.tr("By when"), self.due)
        self.add_field("remind_at", self.tr("Reminder"), self.remind)
        self.add_field("note", self.tr("Note"), self.note)
        source = source_text(start.source)
        if source:
            made_from = QLabel(source, self)
            made_from.setObjectName("taskSource")
            self.body.addWidget(made_from)
        self.watch("what", self.what.textEdited)
        self.watch("note", self.note.textChanged)
        self.watch("due_date", self.due.check.toggled)
        self.watch("due_date", self.due.edit.dateChanged)
        self.watch("remind_at", self.remind.check.toggled)
        self.watch("remind_at", self.remind.edit.dateTimeChanged)
        self.due.edit.dateChanged.connect(self._follow_due)
        self.buttons.setEnabled(False)  # until the colleagues are read
        self.refresh()
        sessions, me, case_id = context.sessions, context.user.id, start.case_id

        def job() -> list[Assignee]:
            with sessions() as session:
                return assignee_choices(session, me, case_id)

        lanes.store.submit(job, self._choices_arrived, self._choices_failed, owner=self)

    # -- building ----------------------------------------------------------------------------
    def _case_text(self) -> str:
        if self._case is not None:
            return f"{self._case.number} · {self._case.title}"
        if self._task is not None and self._task.case_id is not None:
            return f"{self._task.case_number} · {self._task.case_title}"
        return self.tr("No case: only you and the one who does it see this task")

    def _default_reminder(self) -> datetime:
        day = self._start.due_date or (local_now() + timedelta(days=1)).date()
        return datetime.combine(day, REMINDER_HOUR, LOCAL_TZ)

    def _follow_due(self) -> None:
        """While no reminder is ticked, it is offered for the morning of the due date."""
        if not self.remind.check.isChecked():
            due = self.due.value()
            if due is not None:
                self.remind.edit.setDateTime(to_qdatetime(datetime.combine(due, REMINDER_HOUR, LOCAL_TZ)))

    def _assignee_text(self, choice: Assignee) -> str:
        if choice.kind == AssigneeKind.ME:
            return self.tr("Me (%1)").replace("%1", choice.name)
        if choice.kind == AssigneeKind.PARTNER:
            return self.tr("%1 (partner caseworker)").replace("%1", choice.name)
        if choice.kind == AssigneeKind.COORDINATOR:
            return self.tr("%1 (coordinator)").replace("%1", choice.name)
        return choice.name

    def _choices_arrived(self, choices: list[Assignee]) -> None:
        self.assignee.clear()
        for choice in choices:
            self.assignee.addItem(self._assignee_text(choice), choice.user_id)
            self._names[choice.user_id] = choice.name
        wanted = (
            self._start.assigned_to_id if self._start.assigned_to_id is not None else self._context.user.id
        )
        if self.assignee.findData(wanted) < 0 and wanted in self._names:
            self.assignee.addItem(self._names[wanted], wanted)  # has left: kept until changed
        self.assignee.setCurrentIndex(max(self.assignee.findData(wanted), 0))
        self.watch("assigned_to", self.assignee.currentIndexChanged)
        if self._task is not None:
            self.edit_version = self._task.version
            self.remember_base()
        self.ready = True
        self.buttons.setEnabled(not self.saving)
        self.refresh()

    def _choices_failed(self, exc: Exception) -> None:
        self.database_failed(exc)

    # -- the form ----------------------------------------------------------------------------
    @override
    def data(self) -> TaskInput:
        chosen = self.assignee.currentData()
        return TaskInput(
            what=self.what.text(),
            case_id=self._start.case_id,
            due_date=self.due.value(),
            assigned_to_id=int(chosen) if chosen is not None else None,
            remind_at=self.remind.value(),
            note=self.note.toPlainText(),
            source=self._start.source,
            source_ref=self._start.source_ref,
        )

    @override
    def collect_problems(self) -> list[FieldProblem]:
        problems = validate_task(self.data(), local_today())
        return [p for p in problems if p.field not in ("case", "source_ref")]

    @override
    def try_save(self) -> bool:
        return self.ready and super().try_save()

    @override
    def job_for(self, data: TaskInput, version: int | None) -> SaveJob:
        sessions, today = self._context.sessions, local_today()
        task_id = self._task.id if self._task is not None else None

        def job() -> int:
            with sessions.begin() as session:
                if task_id is None:
                    return create_task(session, data, today)
                update_task(session, task_id, data, version, today)
                return task_id

        return job

    @override
    def save_refused(self, exc: Exception) -> bool:
        if not isinstance(exc, TaskExistsError):
            return False
        self.existing = exc.task_id
        self.summary.setText(
            self.tr("There is already an open task for this, so no second one was made. Cancel to see it.")
        )
        return True

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "assigned_to_id" and isinstance(value, int):
            return self._names.get(value, str(value))
        return super().describe(field, value)

    # -- when someone else saved first ---------------------------------------------------------
    @override
    def stored_job(self) -> Callable[[], StoredRow] | None:
        if self._task is None:
            return None
        sessions, task_id = self._context.sessions, self._task.id

        def job() -> StoredRow:
            with sessions() as session:
                saved_by, saved_at = saved_stamp(session, Task, task_id)
                stored = task_row(session, task_id)
            return StoredRow(stored.as_input(), stored.version, saved_by, saved_at)

        return job

    @override
    def show_data(self, data: TaskInput) -> None:
        self.what.setText(data.what)
        index = self.assignee.findData(data.assigned_to_id)
        if index >= 0:
            self.assignee.setCurrentIndex(index)
        self.due.set_value(data.due_date)
        self.remind.set_value(data.remind_at)
        self.note.setPlainText(data.note)
