"""The Tasks tab's "From a deadline or follow-up" button: the open case's deadlines and its
next follow-up date, each made into a task in one step (the dialog opens filled in).

The menu is read on the store lane whenever the tab shows a case, so it is ready when opened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.models import Case
from app.models.enums import TaskSource
from app.services.cases.deadlines import Deadline, deadlines_for_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.tasks.task_sources import deadline_key
from app.ui.common.background import StoreLanes
from app.ui.common.formatting import format_date
from app.ui.common.labels import deadline_title


@dataclass(frozen=True)
class CaseDates:
    """What a task can be made from besides an agreement."""

    case_id: int
    deadlines: tuple[Deadline, ...]
    follow_up: date | None  # the case's next follow-up


class TaskSourcesButton(QToolButton):
    chosen = Signal(str, str)  # TaskSource value, source key (a deadline's key or "")

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions = context.sessions
        self._lanes = lanes
        self._case_id: int | None = None
        self._request = 0
        self.setObjectName("taskFromDeadline")
        self.setText(self.tr("From a deadline…"))
        self.setToolTip(self.tr("Make a task of one of the case's deadlines or of its next follow-up"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.setEnabled(False)

    def show_case(self, case_id: int | None, read_only: bool) -> None:
        self._case_id = case_id
        self._request += 1
        menu = self.menu()
        menu.clear()
        self.setEnabled(False)
        if case_id is None or read_only:
            return
        request, sessions, today = self._request, self._sessions, local_today()

        def job() -> CaseDates:
            with sessions() as session:
                case = session.get(Case, case_id)
                follow_up = case.follow_up_due if case is not None else None
                return CaseDates(case_id, tuple(deadlines_for_case(session, case_id, today)), follow_up)

        self._lanes.store.submit(job, lambda dates: self._fill(dates, request), lambda _exc: None, owner=self)

    def _fill(self, dates: CaseDates, request: int) -> None:
        if request != self._request or dates.case_id != self._case_id:
            return  # another case was opened meanwhile
        menu = self.menu()
        menu.clear()
        for deadline in dates.deadlines:
            text = (
                self.tr("Deadline %1: %2")
                .replace("%1", format_date(deadline.due))
                .replace("%2", deadline_title(deadline))
            )
            action = QAction(text + (f" ({deadline.detail})" if deadline.detail else ""), menu)
            action.setToolTip(deadline.source or deadline.law_reference)
            key = deadline_key(deadline)
            action.triggered.connect(lambda _c=False, k=key: self.chosen.emit(TaskSource.DEADLINE.value, k))
            menu.addAction(action)
        if dates.follow_up is not None:
            action = QAction(
                self.tr("Next follow-up: %1").replace("%1", format_date(dates.follow_up)),
                menu,
            )
            action.triggered.connect(lambda _c=False: self.chosen.emit(TaskSource.FOLLOW_UP.value, ""))
            menu.addAction(action)
        self.setEnabled(not menu.isEmpty())
