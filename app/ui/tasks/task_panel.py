"""The family page's "Tasks" tab: the open case's tasks, open ones first (overdue in red),
with New task…, Change… and Done / Not done; and the task made from a plan's agreement.

Every read and write runs on the store lane. The panel is a CasePanel: the family page tells
it which case is open and nothing else."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import TaskSource
from app.services.cases.case_summary import case_summary
from app.services.common.clock import local_today, now_utc
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.tasks.task_sources import agreement_task, deadline_task, follow_up_task
from app.services.tasks.tasks import TaskInput, TaskRow, case_tasks, open_task_from, set_task_done, task_row
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.common.colours import Tone, tone
from app.ui.common.formatting import format_date, format_datetime
from app.ui.tasks.task_dialog import TaskCase, TaskDialog, source_text
from app.ui.tasks.task_sources_menu import TaskSourcesButton

log = logging.getLogger(__name__)

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
WHAT, DUE, WHO, REMINDER, DONE_COLUMN = range(5)


class TaskPanel(QWidget):
    changed = Signal()  # a task was saved: the case list's flags may change
    store_failed = Signal()
    loaded = Signal(int)  # the case whose tasks are now shown

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.lanes = lanes
        self.case: CaseRef | None = None
        self.rows: list[TaskRow] = []
        self._request = 0  # the newest read; older answers are dropped
        self._focus: int | None = None  # a task to select once it is shown
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("taskTable")
        self.table.setAccessibleName(self.tr("Tasks"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("By when"),
                self.tr("Who does it"),
                self.tr("Reminder"),
                self.tr("Done"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)  # one line a task; the whole text (and the note) on hover
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column in (DUE, WHO, REMINDER, DONE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.edit_task())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("No tasks for this case yet. Make one with New task…"), self)
        self.empty.setObjectName("noTasks")
        self.new_button = QPushButton(self.tr("New task…"), self)
        self.new_button.setObjectName("newTask")
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.edit_button.setObjectName("editTask")
        self.done_button = QPushButton(self.tr("Mark as done"), self)
        self.done_button.setObjectName("taskDone")
        self.from_button = TaskSourcesButton(context, lanes, self)
        self.from_button.chosen.connect(self.create_from_source)
        self.new_button.clicked.connect(self.new_task)
        self.edit_button.clicked.connect(lambda: self.edit_task())
        self.done_button.clicked.connect(self.toggle_done)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.from_button, self.edit_button, self.done_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self._overdue = QBrush(tone(Tone.ERROR))
        self._done = QBrush(tone(Tone.MUTED))
        self._bold = QFont()
        self._bold.setBold(True)
        self.clear_case()

    # -- CasePanel -------------------------------------------------------------------------------
    def show_case(self, case: CaseRef) -> None:
        opened = self.case is None or self.case.case_id != case.case_id
        self.case = case
        if opened:
            self._show([])
        self._read(logged=opened)
        self.from_button.show_case(case.case_id, case.read_only)

    def clear_case(self) -> None:
        self.case = None
        self.from_button.show_case(None, True)
        self._request += 1
        self._show([])

    def focus_item(self, item_id: int) -> None:
        self._focus = item_id
        self._apply_focus()

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.case is not None:
            self._read(logged=False)

    def _read(self, logged: bool) -> None:
        assert self.case is not None
        sessions, case_id = self._context.sessions, self.case.case_id
        self._request += 1
        request = self._request

        def job() -> list[TaskRow]:
            with sessions() as session:
                return case_tasks(session, case_id, logged=logged)

        self.lanes.store.submit(
            job, lambda rows: self._arrived(rows, request, case_id), self._failed, owner=self
        )

    def _arrived(self, rows: list[TaskRow], request: int, case_id: int) -> None:
        if request != self._request:
            return
        self._show(rows)
        self.loaded.emit(case_id)

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading or changing tasks failed: %s", type(exc).__name__)
        self.store_failed.emit()

    def _show(self, rows: list[TaskRow]) -> None:
        selected = self.selected()
        self.rows = rows
        today = local_today()
        self.table.setRowCount(len(rows))
        for number, task in enumerate(rows):
            done = (
                self.tr("%1 by %2")
                .replace("%1", format_date(task.done_at.date()))
                .replace("%2", task.done_by_name)
                if task.done_at is not None
                else ""
            )
            texts = (
                task.what,
                format_date(task.due_date),
                task.assignee,
                format_datetime(task.remind_at),
                done,
            )
            items = [QTableWidgetItem(text) for text in texts]
            for item in items:
                item.setData(TASK_ID_ROLE, task.id)
                if task.done:
                    item.setForeground(self._done)
            items[WHAT].setToolTip(
                "\n".join(t for t in (task.what, task.note, source_text(task.source)) if t)
            )
            if task.overdue(today):
                items[DUE].setForeground(self._overdue)
                items[DUE].setFont(self._bold)
                items[DUE].setToolTip(self.tr("Overdue"))
            for column, item in enumerate(items):
                self.table.setItem(number, column, item)
        self.empty.setVisible(self.case is not None and not rows)
        self._select(self._focus or selected)
        self._apply_focus()
        self._update_buttons()

    def _select(self, task_id: int | None) -> None:
        for number, task in enumerate(self.rows):
            if task.id == task_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.table.model().index(number, WHAT))
                return

    def _apply_focus(self) -> None:
        if self._focus is not None and any(t.id == self._focus for t in self.rows):
            self._select(self._focus)
            self._focus = None

    def selected(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(TASK_ID_ROLE)) if items else None

    def _selected_row(self) -> TaskRow | None:
        chosen = self.selected()
        return next((t for t in self.rows if t.id == chosen), None)

    def _update_buttons(self) -> None:
        writable = self.case is not None and not self.case.read_only
        row = self._selected_row()
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and row is not None)
        self.done_button.setEnabled(writable and row is not None)
        self.done_button.setText(
            self.tr("Mark as not done") if row is not None and row.done else self.tr("Mark as done")
        )

    # -- acting ----------------------------------------------------------------------------------
    def _task_case(self) -> TaskCase | None:
        return TaskCase(self.case.case_id, self.case.number, self.case.title) if self.case else None

    def _run_dialog(self, dialog: TaskDialog) -> None:
        stored = dialog.exec() == int(QDialog.DialogCode.Accepted)
        if stored and dialog.stored_id is not None:
            self._focus = dialog.stored_id
            self.changed.emit()
            self._status(self.tr("The task was saved."))
        elif dialog.existing is not None:
            self._focus = dialog.existing
        dialog.deleteLater()
        self.reload()

    def new_task(self) -> None:
        if self.case is None or self.case.read_only:
            return
        self._run_dialog(TaskDialog(self._context, self.lanes, self._task_case(), parent=self))

    def edit_task(self, task_id: int | None = None) -> None:
        row = (
            self._selected_row() if task_id is None else next((t for t in self.rows if t.id == task_id), None)
        )
        if row is None or self.case is None or self.case.read_only:
            return
        self._run_dialog(TaskDialog(self._context, self.lanes, self._task_case(), task=row, parent=self))

    def toggle_done(self) -> None:
        row = self._selected_row()
        if row is None or self.case is None or self.case.read_only:
            return
        sessions, done, now = self._context.sessions, not row.done, now_utc()

        def job() -> None:
            with sessions.begin() as session:
                set_task_done(session, row.id, done, row.version, now)

        self.lanes.store.submit(job, lambda _none: self._saved(), self._change_failed, owner=self)

    def _saved(self) -> None:
        self.changed.emit()
        self.reload()

    def _change_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConcurrentEditError | RowGoneError):
            QMessageBox.information(
                self,
                self.tr("Changed by someone else"),
                self.tr("Someone else changed this task just now. The list now shows it as it is."),
            )
            self.reload()
        elif isinstance(exc, ValidationError):
            QMessageBox.information(
                self,
                self.tr("Not changed"),
                self.tr("The case is closed, so its tasks are no longer changed."),
            )
        else:
            self._failed(exc)

    def _status(self, text: str) -> None:
        status = getattr(self.window(), "statusBar", None)
        if callable(status):
            status().showMessage(text, 5000)

    # -- from elsewhere --------------------------------------------------------------------------
    def create_from_agreement(self, case_id: int, agreement_key: str) -> None:
        """The task an agreement of the case's plan gives, in the dialog to check and save;
        if an open task was made from it already, that is said instead."""
        self._create_from(case_id, TaskSource.AGREEMENT, agreement_key)

    def create_from_source(self, source: str, key: str) -> None:
        """The task a deadline or the next follow-up of the open case gives (the menu's choice)."""
        if self.case is not None and not self.case.read_only:
            self._create_from(self.case.case_id, TaskSource(source), key)

    def _create_from(self, case_id: int, source: TaskSource, key: str) -> None:
        sessions, today = self._context.sessions, local_today()

        def job() -> tuple[TaskInput, int | None, TaskCase]:
            with sessions() as session:
                if source == TaskSource.AGREEMENT:
                    data = agreement_task(session, case_id, key)
                elif source == TaskSource.DEADLINE:
                    data = deadline_task(session, case_id, key, today)
                else:
                    data = follow_up_task(session, case_id)
                existing = open_task_from(session, case_id, data.source, data.source_ref)
                summary = case_summary(session, case_id)
            return data, existing, TaskCase(case_id, summary.number, summary.title)

        self.lanes.store.submit(
            job,
            lambda read: self._source_read(read, source),
            lambda exc: self._source_failed(exc, source),
            owner=self,
        )

    def _source_read(self, read: tuple[TaskInput, int | None, TaskCase], source: TaskSource) -> None:
        data, existing, case = read
        if existing is not None:
            QMessageBox.information(
                self,
                self.tr("Task already made"),
                self.tr("There is already an open task for this agreement, so no second one was made.")
                if source == TaskSource.AGREEMENT
                else self.tr("There is already an open task for this date, so no second one was made."),
            )
            self.focus_item(existing)
            return
        self._run_dialog(TaskDialog(self._context, self.lanes, case, prefill=data, parent=self))

    def _source_failed(self, exc: Exception, source: TaskSource) -> None:
        if isinstance(exc, LookupError | ValidationError) and source != TaskSource.AGREEMENT:
            QMessageBox.information(
                self,
                self.tr("No task made"),
                self.tr(
                    "The case no longer has this date (it may have been met meanwhile). The menu is read again."
                ),
            )
            self.reload()
            if self.case is not None:
                self.from_button.show_case(self.case.case_id, self.case.read_only)
            return
        if isinstance(exc, LookupError | ValidationError):  # SourceNotFoundError, a case gone
            QMessageBox.information(
                self,
                self.tr("No task made"),
                self.tr(
                    "The agreement is not saved in the plan yet. Give it some words, wait for the plan to be saved and try again."
                ),
            )
            return
        self._failed(exc)

    def open_task(self, task_id: int) -> None:
        """Open one task in the dialog (a reminder of a task of no case)."""
        sessions = self._context.sessions

        def job() -> TaskRow:
            with sessions() as session:
                return task_row(session, task_id)

        def arrived(row: TaskRow) -> None:
            case = TaskCase(row.case_id, row.case_number, row.case_title) if row.case_id is not None else None
            self._run_dialog(TaskDialog(self._context, self.lanes, case, task=row, parent=self))

        def failed(exc: Exception) -> None:
            if isinstance(exc, RowGoneError):
                self._status(self.tr("The task is no longer there."))
                return
            self._failed(exc)

        self.lanes.store.submit(job, arrived, failed, owner=self)
