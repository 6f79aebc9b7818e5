"""Tasks in the main window: the "Opgaver" tab on the family page, a task made from the plan's
agreement with "Opret opgave…", and a reminder that opens its task where it belongs."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from app.models import Case, Task
from app.services.common.clock import now_utc
from app.services.common.context import AppContext
from app.services.tasks.tasks import TaskInput, create_task
from app.ui.main_window import PAGE_FAMILY, PAGE_PLAN, MainWindow
from app.ui.tasks.task_dialog import TaskDialog
from tests.ui.lane_helpers import exec_saving, wait_for
from tests.ui.tasks.task_cases import AGREED, add_partner, agreement_for, case_with_partner


def _window(qtbot, context: AppContext, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, settings, "da")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.cases.model.busy, timeout=20_000)
    return window


def _my_case(context: AppContext) -> int:
    with context.sessions() as s:
        return int(
            s.scalar(select(Case.id).where(Case.coordinator_id == context.user.id).order_by(Case.id)) or 0
        )


def _open(qtbot, window: MainWindow, case_id: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.tasks.loaded, timeout=20_000):
        window.open_case(case_id)


def test_the_tasks_tab_sits_on_the_family_page(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    case_id = _my_case(demo_context)
    _open(qtbot, window, case_id)
    tabs = window.family.tabs
    index = tabs.indexOf(window.tasks)
    assert index >= 0 and tabs.tabText(index) == "Opgaver"
    window.family.show_panel(window.tasks)
    assert window.tasks.isVisible() and window.tasks.new_button.text() == "Ny opgave…"
    assert window.tasks.case is not None and window.tasks.case.case_id == case_id


def test_an_agreement_in_the_plan_becomes_the_partners_task(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, danish, monkeypatch
) -> None:
    partner_id = add_partner(demo_context)
    case_id = case_with_partner(demo_context, partner_id)
    key = agreement_for(demo_context, case_id, partner_id)
    window = _window(qtbot, demo_context, settings)
    _open(qtbot, window, case_id)
    with qtbot.waitSignal(window.plan.loaded, timeout=20_000):
        window.nav.setCurrentRow(PAGE_PLAN)
    tab = window.plan.agreements
    assert tab.task_button.text() == "Opret opgave…" and not tab.task_button.isEnabled()  # none chosen
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    assert tab.task_button.isEnabled()

    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        assert (dialog.what.text(), dialog.assignee.currentData()) == (AGREED, partner_id)

    monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, check))
    tab.task_button.click()
    wait_for(lambda: bool(_tasks(demo_context)))
    (task,) = _tasks(demo_context)
    assert (task.case_id, task.assigned_to_id, task.source_ref) == (case_id, partner_id, key)


def _tasks(context: AppContext) -> list[Task]:
    with context.sessions() as s:
        return list(s.scalars(select(Task)))


def test_a_reminder_opens_its_task_on_the_cases_tasks_tab(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    wait_for(lambda: not window.reminders._checking)
    case_id = _my_case(demo_context)
    with demo_context.sessions.begin() as s:
        task_id = create_task(
            s,
            TaskInput("Ring til Pia", case_id, None, demo_context.user.id, now_utc()),
            now_utc().date(),
        )
    time.sleep(0.05)  # the reminder's time has come
    window.reminders.check()
    wait_for(lambda: window.reminders.notice is not None and window.reminders.notice.isVisible())
    notice = window.reminders.notice
    assert notice is not None and "Ring til Pia" in notice.tasks.item(0).text()
    with qtbot.waitSignal(window.tasks.loaded, timeout=20_000):
        notice.open_button.click()
    wait_for(lambda: window.tasks.selected() == task_id)
    assert window.nav.currentRow() == PAGE_FAMILY
    assert window.family.tabs.currentWidget() is window.tasks
