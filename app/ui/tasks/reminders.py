"""Reminders: while the program runs, a timer asks the store lane every minute which of the
user's open tasks have come to their reminder time; each is shown once, in a small notice
that does not block the window, from which the task is opened.

The moment up to which reminders were looked for is kept in the settings, so a reminder that
came while the program was closed is shown at the next start (from at most a week back)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.common.clock import now_utc
from app.services.common.context import AppContext
from app.services.tasks.tasks import TaskRow, due_reminders
from app.ui.common.background import StoreLanes
from app.ui.common.formatting import format_date

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 60_000
SETTINGS_KEY = "tasks/reminders_checked_until"
MISSED_AT_MOST = timedelta(days=7)  # reminders that came while the program was closed
TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReminderNotice(QDialog):
    """The reminders that have come: a list; Open (or a double-click) opens the chosen task."""

    open_requested = Signal(int, object)  # task id, case id (None: a task of no case)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminder"))
        self.setModal(False)
        self.setMinimumWidth(480)
        self._cases: dict[int, int | None] = {}
        intro = QLabel(self.tr("These tasks asked to be remembered now:"), self)
        self.tasks = QListWidget(self)
        self.tasks.setObjectName("reminderTasks")
        self.tasks.setWordWrap(True)
        self.tasks.itemDoubleClicked.connect(lambda _item: self._open())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(self.tr("Open task"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("openReminder")
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tasks, 1)
        layout.addWidget(buttons)

    def add(self, rows: list[TaskRow]) -> None:
        for task in rows:
            case = f"{task.case_number} · " if task.case_number else ""
            due = self.tr(" (due %1)").replace("%1", format_date(task.due_date)) if task.due_date else ""
            item = QListWidgetItem(f"{case}{task.what}{due}", self.tasks)
            item.setToolTip(task.what)
            item.setData(TASK_ID_ROLE, task.id)
            self._cases[task.id] = task.case_id
        if self.tasks.currentRow() < 0 and self.tasks.count():
            self.tasks.setCurrentRow(0)

    def _open(self) -> None:
        item = self.tasks.currentItem()
        if item is None:
            return
        task_id = int(item.data(TASK_ID_ROLE))
        self.tasks.takeItem(self.tasks.row(item))
        if not self.tasks.count():
            self.hide()
        self.open_requested.emit(task_id, self._cases.pop(task_id, None))


class Reminders(QObject):
    """Looks for reminders on the store lane every ``interval_ms``; shows each task once."""

    due = Signal(list)  # the TaskRows that came, each once
    open_requested = Signal(int, object)  # task id, case id (None: a task of no case)

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        settings: QSettings | None = None,
        interval_ms: int = CHECK_EVERY_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._lanes = lanes
        self._settings = settings
        self._window = parent
        self._since = self._checked_until()
        self._shown: set[tuple[int, datetime]] = set()  # (task, its reminder time): once each
        self._checking = False
        self.notice: ReminderNotice | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def _checked_until(self) -> datetime:
        now = now_utc()
        stored = self._settings.value(SETTINGS_KEY, "") if self._settings is not None else ""
        try:
            moment = datetime.fromisoformat(str(stored)) if stored else now
        except ValueError:
            moment = now
        if moment.tzinfo is None:
            moment = now
        return min(max(moment, now - MISSED_AT_MOST), now)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        """Ask the store which reminders have come since the last look (one job at a time)."""
        if self._checking or not self._context.user.id:
            return
        self._checking = True
        sessions, user_id, since, until = (
            self._context.sessions,
            self._context.user.id,
            self._since,
            now_utc(),
        )

        def job() -> list[TaskRow]:
            with sessions() as session:
                return due_reminders(session, user_id, since, until)

        self._lanes.store.submit(job, lambda rows: self._arrived(rows, until), self._failed, owner=self)

    def _arrived(self, rows: list[TaskRow], until: datetime) -> None:
        self._checking = False
        self._since = max(self._since, until)
        if self._settings is not None:
            self._settings.setValue(SETTINGS_KEY, self._since.isoformat())
        fresh = [r for r in rows if r.remind_at is not None and (r.id, r.remind_at) not in self._shown]
        if not fresh:
            return
        self._shown.update((r.id, r.remind_at) for r in fresh if r.remind_at is not None)
        self.due.emit(fresh)
        self._show(fresh)

    def _failed(self, exc: Exception) -> None:
        self._checking = False
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Looking for reminders failed: %s", type(exc).__name__)  # tried again next time

    def _show(self, rows: list[TaskRow]) -> None:
        window = self._window
        if self.notice is None:
            self.notice = ReminderNotice(window)
            self.notice.open_requested.connect(self.open_requested)
        self.notice.add(rows)
        self.notice.show()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(
                self.tr("Reminder: %n task(s) asked to be remembered now.", "", len(rows)), 10_000
            )
