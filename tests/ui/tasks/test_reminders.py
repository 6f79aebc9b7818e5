"""Reminders while the program runs: a task's reminder is shown once when its time comes
(checked here every 50 ms instead of every minute), again only if it is moved; one that came
while the program was closed is shown at the next start; the notice opens the task."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select, update

from app.models import Case, Task
from app.services.common.clock import now_utc
from app.services.common.context import AppContext
from app.services.tasks.tasks import TaskInput, TaskRow, create_task, set_task_done
from app.ui.common.background import StoreLanes
from app.ui.tasks.reminders import SETTINGS_KEY, Reminders
from tests.ui.lane_helpers import drain, wait_for


def make(context: AppContext, what: str, remind_at: datetime | None, case: bool = True) -> int:
    with context.sessions.begin() as s:
        case_id = s.scalar(select(Case.id).order_by(Case.id)) if case else None
        return create_task(s, TaskInput(what, case_id, None, context.user.id, remind_at), now_utc().date())


@pytest.fixture
def watching(qtbot, demo_context: AppContext, lanes: StoreLanes, settings: QSettings):  # type: ignore[no-untyped-def]
    made: list[Reminders] = []

    def start(interval_ms: int = 50) -> tuple[Reminders, list[list[TaskRow]]]:
        reminders = Reminders(demo_context, lanes, settings, interval_ms)
        seen: list[list[TaskRow]] = []
        reminders.due.connect(seen.append)
        reminders.start()
        made.append(reminders)
        return reminders, seen

    yield start
    for reminders in made:
        reminders.stop()
        if reminders.notice is not None:
            reminders.notice.close()
            reminders.notice.deleteLater()
    lanes.wait(10_000)


def shown_ids(seen: list[list[TaskRow]]) -> list[int]:
    return [row.id for rows in seen for row in rows]


@pytest.mark.parametrize("case", [True, False], ids=["of-a-case", "of-no-case"])
def test_a_reminder_is_shown_once_when_its_time_comes(qtbot, demo_context, watching, case: bool) -> None:  # type: ignore[no-untyped-def]
    soon = make(demo_context, "Ring til skolen", now_utc() + timedelta(seconds=1), case)
    later = make(demo_context, "Senere", now_utc() + timedelta(hours=3), case)
    reminders, seen = watching()
    assert seen == []
    wait_for(lambda: seen, timeout=10)
    time.sleep(0.4)  # several more checks
    drain(qtbot, reminders._lanes.store)
    assert shown_ids(seen) == [soon] and later not in shown_ids(seen)
    notice = reminders.notice
    assert notice is not None and notice.isVisible() and not notice.isModal()
    assert notice.tasks.count() == 1 and "Ring til skolen" in notice.tasks.item(0).text()
    opened: list[tuple[int, object]] = []
    notice.open_requested.connect(lambda task_id, case_id: opened.append((task_id, case_id)))
    notice.open_button.click()
    with demo_context.sessions() as s:
        case_id = s.scalar(select(Task.case_id).where(Task.id == soon))
    assert opened == [(soon, case_id)] and not notice.isVisible()


def test_a_moved_reminder_comes_again_and_a_done_task_reminds_no_one(qtbot, demo_context, watching) -> None:  # type: ignore[no-untyped-def]
    first = make(demo_context, "Ring", now_utc() + timedelta(seconds=1))
    done = make(demo_context, "Gjort", now_utc() + timedelta(seconds=1))
    with demo_context.sessions.begin() as s:
        set_task_done(s, done, True, None, now_utc())
    _reminders, seen = watching()
    wait_for(lambda: seen, timeout=10)
    with demo_context.sessions.begin() as s:
        s.execute(update(Task).where(Task.id == first).values(remind_at=now_utc() + timedelta(seconds=1)))
    wait_for(lambda: len(seen) == 2, timeout=10)
    time.sleep(0.3)
    assert shown_ids(seen) == [first, first]


@pytest.mark.parametrize(
    ("came", "shown"),
    [(timedelta(minutes=30), True), (timedelta(days=3), True), (timedelta(days=10), False)],
    ids=["half-an-hour-ago", "three-days-ago", "ten-days-ago"],
)
def test_a_reminder_that_came_while_the_program_was_closed_is_shown_at_the_start(  # type: ignore[no-untyped-def]
    qtbot, demo_context, watching, settings, came: timedelta, shown: bool
) -> None:
    settings.setValue(SETTINGS_KEY, (now_utc() - timedelta(days=30)).isoformat())
    task_id = make(demo_context, "Mens du var væk", now_utc() - came)
    reminders, seen = watching(interval_ms=60_000)
    wait_for(lambda: not reminders._checking)
    assert shown_ids(seen) == ([task_id] if shown else [])
    stored = datetime.fromisoformat(str(settings.value(SETTINGS_KEY)))
    assert now_utc() - timedelta(seconds=30) < stored <= now_utc()


def test_the_first_start_looks_back_at_nothing(qtbot, demo_context, watching) -> None:  # type: ignore[no-untyped-def]
    make(demo_context, "Før programmet", now_utc() - timedelta(minutes=1))
    reminders, seen = watching(interval_ms=60_000)
    wait_for(lambda: not reminders._checking)
    assert seen == []
