"""The Tasks tab of the family page, driven as a caseworker does: a new task through the
dialog (for the partner caseworker, overdue in red), done and not done, a change, a task from
a plan's agreement (and the same agreement again), and problems shown beside their field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import select, update

from app.models import Case, Task, User
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.plan.plans import new_agreement_key
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import to_qdate
from app.ui.family.family_page import FamilyPage
from app.ui.tasks.task_dialog import TaskDialog
from app.ui.tasks.task_panel import DONE_COLUMN, DUE, WHAT, WHO, TaskPanel
from tests.ui.lane_helpers import exec_saving, ready, save, wait_for
from tests.ui.tasks.task_cases import AGREED, AGREED_BY, add_partner, agreement_for, case_with_partner


@pytest.fixture
def partner(demo_context: AppContext) -> int:
    return add_partner(demo_context)


def open_tasks(qtbot, context: AppContext, settings, case_id: int) -> tuple[FamilyPage, TaskPanel]:  # type: ignore[no-untyped-def]
    """The family page with the Tasks tab wired in as the main window does, the case open."""
    lanes = StoreLanes()
    page = FamilyPage(context, settings, lanes)
    lanes.setParent(page)
    panel = TaskPanel(context, lanes, page)
    page.add_case_panel(panel, panel, "Tasks")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        page.open_case(case_id)
    page.show_panel(panel)
    return page, panel


def shown(panel: TaskPanel, column: int = WHAT) -> list[str]:
    return [panel.table.item(row, column).text() for row in range(panel.table.rowCount())]


def stored(context: AppContext) -> list[Task]:
    with context.sessions() as s:
        return list(s.scalars(select(Task).order_by(Task.id)))


def test_a_task_for_the_partner_through_the_dialog_then_done_and_not_done(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, partner, monkeypatch
) -> None:
    case_id = case_with_partner(demo_context, partner)
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    assert panel.table.rowCount() == 0 and panel.empty.isVisible()
    yesterday = local_today() - timedelta(days=1)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        assert dialog.case_label.text().startswith("K-")
        texts = [dialog.assignee.itemText(i) for i in range(dialog.assignee.count())]
        assert texts[0].startswith("Me (") and texts[1] == "Pia Partner (partner caseworker)"
        dialog.what.setText("Ring til skolen om fraværet")
        dialog.assignee.setCurrentIndex(dialog.assignee.findData(partner))
        dialog.due.check.setChecked(True)
        dialog.due.edit.setDate(to_qdate(yesterday))

    monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, fill))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.new_button.click()
    (task,) = stored(demo_context)
    assert (task.what, task.assigned_to_id, task.due_date, task.case_id) == (
        "Ring til skolen om fraværet",
        partner,
        yesterday,
        case_id,
    )
    assert shown(panel) == ["Ring til skolen om fraværet"] and shown(panel, WHO) == ["Pia Partner"]
    due = panel.table.item(0, DUE)
    assert due.foreground().color() == QColor("#b3261e") and due.toolTip() == "Overdue"
    assert panel.selected() == task.id and panel.done_button.text() == "Mark as done"

    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.done_button.click()
    (task,) = stored(demo_context)
    assert task.done_at is not None and task.done_by == "tester"
    with demo_context.sessions() as s:
        me = s.scalar(select(User.full_name).where(User.login == "tester"))
    assert shown(panel, DONE_COLUMN) == [f"{local_today():%d.%m.%Y} by {me}"]
    assert panel.done_button.text() == "Mark as not done"
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.done_button.click()
    assert stored(demo_context)[0].done_at is None and shown(panel, DONE_COLUMN) == [""]


def test_a_change_through_the_dialog_and_problems_beside_their_field(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, partner, monkeypatch
) -> None:
    case_id = case_with_partner(demo_context, partner)
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    dialog = ready(TaskDialog(demo_context, panel.lanes, panel._task_case(), parent=panel))
    qtbot.addWidget(dialog)
    assert not save(dialog)  # nothing written: "what" is required
    assert not dialog.errors["what"].isHidden() and dialog.errors["what"].text() == "Required."
    dialog.what.setText("x" * 2001)
    assert not save(dialog) and dialog.errors["what"].text() == "The text is too long."
    dialog.what.setText("Send referat")
    dialog.due.check.setChecked(True)
    dialog.due.edit.setDate(to_qdate(date(2040, 1, 1)))
    assert not save(dialog) and not dialog.errors["due_date"].isHidden()
    assert stored(demo_context) == []
    dialog.due.check.setChecked(False)
    assert save(dialog)
    (task,) = stored(demo_context)
    panel.reload()
    wait_for(lambda: panel.table.rowCount() == 1)
    panel.table.selectRow(0)

    def change(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog) and dialog.what.text() == "Send referat"
        dialog.what.setText("Send referat til skolen")
        dialog.note.setPlainText("Husk bilag")

    monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, change))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.edit_button.click()
    (task,) = stored(demo_context)
    assert (task.what, task.note, task.version) == ("Send referat til skolen", "Husk bilag", 2)
    assert shown(panel) == ["Send referat til skolen"]


def test_an_agreement_becomes_a_task_once(qtbot, demo_context, settings, partner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case_id = case_with_partner(demo_context, partner)
    key = agreement_for(demo_context, case_id, partner)
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)

    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        assert dialog.what.text() == AGREED
        assert dialog.assignee.currentData() == partner
        assert dialog.due.value() == AGREED_BY
        assert dialog.findChild(object, "taskSource") is not None

    monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, check))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.create_from_agreement(case_id, key)
    (task,) = stored(demo_context)
    assert (task.assigned_to_id, task.source_ref) == (partner, key)
    assert panel.selected() == task.id

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(TaskDialog, "exec", lambda self: pytest.fail("no dialog for a second task"))
    panel.create_from_agreement(case_id, key)
    wait_for(lambda: told)
    assert "already an open task" in told[0]
    assert len(stored(demo_context)) == 1

    told.clear()
    panel.create_from_agreement(case_id, new_agreement_key())  # not in the stored plan
    wait_for(lambda: told)
    assert "not saved in the plan" in told[0]
    assert len(stored(demo_context)) == 1


def test_a_closed_case_shows_its_tasks_and_changes_none(qtbot, demo_context, settings, partner) -> None:  # type: ignore[no-untyped-def]
    case_id = case_with_partner(demo_context, partner)
    with demo_context.sessions.begin() as s:
        s.add(Task(case_id=case_id, what="Gammel opgave", assigned_to_id=demo_context.user.id, done_by=""))
        s.execute(update(Case).where(Case.id == case_id).values(status="closed"))
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    panel.table.selectRow(0)
    assert shown(panel) == ["Gammel opgave"]
    assert not panel.new_button.isEnabled() and not panel.edit_button.isEnabled()
    assert not panel.done_button.isEnabled()


def test_a_colleagues_save_meanwhile_is_merged_not_lost(qtbot, demo_context, settings, partner) -> None:  # type: ignore[no-untyped-def]
    """Pia changes the note while I change the words: both are kept, nothing is asked."""
    from app.services.tasks.tasks import TaskInput, create_task, task_row, update_task

    case_id = case_with_partner(demo_context, partner)
    with demo_context.sessions.begin() as s:
        task_id = create_task(s, TaskInput("Ring til skolen", case_id, None, partner), local_today())
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    dialog = ready(
        TaskDialog(demo_context, panel.lanes, panel._task_case(), task=panel.rows[0], parent=panel)
    )
    qtbot.addWidget(dialog)
    with demo_context.sessions.begin() as s:
        theirs = task_row(s, task_id).as_input()
        update_task(s, task_id, replace(theirs, note="Skolen ringer tilbage"), 1, local_today())
    dialog.what.setText("Ring til skolen om fraværet")
    assert save(dialog)
    (task,) = stored(demo_context)
    assert (task.what, task.note, task.version) == ("Ring til skolen om fraværet", "Skolen ringer tilbage", 3)


def test_a_second_task_from_the_same_agreement_is_refused_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, partner
) -> None:
    """Two dialogs from the same agreement: the second save says so, and stores nothing."""
    from app.services.tasks.task_sources import agreement_task

    case_id = case_with_partner(demo_context, partner)
    key = agreement_for(demo_context, case_id, partner)
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    with demo_context.sessions() as s:
        data = agreement_task(s, case_id, key)
    first, second = (
        ready(TaskDialog(demo_context, panel.lanes, panel._task_case(), prefill=data, parent=panel))
        for _ in range(2)
    )
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert save(first)
    assert not save(second)
    assert "already an open task" in second.summary.text() and second.existing == first.stored_id
    assert len(stored(demo_context)) == 1


@pytest.mark.parametrize("days_ahead", [-3, 0, 1, 40])
def test_the_follow_up_and_each_deadline_become_a_task_in_one_step(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, partner, monkeypatch, days_ahead
) -> None:
    case_id = case_with_partner(demo_context, partner)
    follow_up = local_today() + timedelta(days=days_ahead)
    with demo_context.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == case_id).values(follow_up_due=follow_up))
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    menu = panel.from_button.menu()
    wait_for(lambda: panel.from_button.isEnabled())
    texts = [a.text() for a in menu.actions()]
    from app.ui.common.formatting import format_date

    assert texts[-1].endswith(format_date(follow_up))  # the follow-up, after the deadlines

    def check(dialog: QDialog) -> None:
        assert isinstance(dialog, TaskDialog)
        assert dialog.due.value() == follow_up
        assert dialog.assignee.currentData() == demo_context.user.id  # the coordinator's

    monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, check))
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        menu.actions()[-1].trigger()
    (task,) = stored(demo_context)
    assert (task.source, task.source_ref, task.due_date) == ("follow_up", follow_up.isoformat(), follow_up)

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(TaskDialog, "exec", lambda self: pytest.fail("no dialog for a second task"))
    menu.actions()[-1].trigger()
    wait_for(lambda: told)
    assert "already an open task" in told[0] and len(stored(demo_context)) == 1

    deadlines = menu.actions()[:-1]
    if deadlines:  # a deadline of the case: its task is due when the deadline is
        monkeypatch.setattr(TaskDialog, "exec", lambda self: exec_saving(self, lambda _d: None))
        with qtbot.waitSignal(panel.loaded, timeout=20_000):
            deadlines[0].trigger()
        made = [t for t in stored(demo_context) if t.source == "deadline"]
        assert len(made) == 1 and made[0].due_date is not None
        assert format_date(made[0].due_date) in deadlines[0].text()


def test_a_closed_case_offers_no_task_from_its_dates(qtbot, demo_context, settings, partner) -> None:  # type: ignore[no-untyped-def]
    case_id = case_with_partner(demo_context, partner)
    with demo_context.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == case_id).values(status="closed"))
    _page, panel = open_tasks(qtbot, demo_context, settings, case_id)
    assert not panel.from_button.isEnabled() and panel.from_button.menu().isEmpty()
