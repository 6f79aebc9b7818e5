"""The day ("Min dag") in the window: the first page at start, its sections with counts, an empty
section saying so, a line opening its case at the right place (Enter or a double-click),
and the page read again when the store changes and when the day changes at midnight."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from app.services.common.clock import LOCAL_TZ, local_today
from app.services.common.context import AppContext
from app.services.day.my_day import Opens, Place
from app.ui.common.store_events import StoreChange
from app.ui.day.day_page import DayPage, ms_to_midnight
from app.ui.main_window import PAGE_CALENDAR, PAGE_DAY, PAGE_FAMILY, PAGE_PLAN, MainWindow
from app.ui.navigation import PAGE_CASES, overdue_count
from tests.services.day.day_builders import Builder, local


def _window(qtbot, context: AppContext, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, settings, "da")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.day.day is not None and not window.day.busy, timeout=20_000)
    return window


def _line(page: DayPage, heading: str, text: str) -> QTreeWidgetItem:
    found = [
        item
        for head, item in page.lines()
        if head.startswith(heading) and any(text in item.text(column) for column in range(3))
    ]
    assert len(found) == 1, [(h, i.text(2)) for h, i in page.lines()]
    return found[0]


def _headings(page: DayPage) -> list[str]:
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]  # type: ignore[union-attr]


def test_the_day_lists_a_task_and_tomorrows_meeting_and_opens_their_cases(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, settings, danish
) -> None:
    me = demo_context.user
    build = Builder.on(demo_context.engine, me.login)
    today = local_today()
    first, second = build.case(me.id), build.case(me.id)
    task = build.task(me.id, today, first, what="Ring til skolen om Lise")
    meeting = build.meeting(second, local(today + timedelta(days=1), 9, 30))
    window = _window(qtbot, demo_context, settings)
    assert window.nav.currentRow() == PAGE_DAY and window.stack.currentWidget() is window.day
    page = window.day
    # The navigation names the page and, once the day is read, how much of it is overdue.
    late = overdue_count(page.day)
    assert window.nav.item(PAGE_DAY).text() == (f"Min dag · {late} over tid" if late else "Min dag")
    cases = page.day.caseload.coordinating + page.day.caseload.partner
    assert window.nav.item(PAGE_CASES).text() == f"Sager · {cases}"
    today_meetings = len(page.day.meetings_today)
    assert window.nav.item(PAGE_CALENDAR).text() == (
        f"Kalender · {today_meetings} i dag" if today_meetings else "Kalender"
    )
    assert any(h.startswith("Opgaver") for h in _headings(page))

    # Enter on the task opens its case on the family page.
    item = _line(page, "Opgaver", "Ring til skolen om Lise")
    assert item.data(0, Qt.ItemDataRole.UserRole + 1) == Opens(first, Place.TASK, task)
    page.tree.setFocus()
    page.tree.setCurrentItem(item)
    with qtbot.waitSignal(window.family.loaded, timeout=20_000):
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert window.nav.currentRow() == PAGE_FAMILY
    assert window.family.case_id == first

    # A double-click on tomorrow's meeting shows it in the calendar, chosen.
    window.nav.setCurrentRow(PAGE_DAY)
    item = _line(page, "Møder i morgen", "09.30")
    assert item.text(0) == "09.30–10.30"
    rect = page.tree.visualItemRect(item)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.calendar.selected is not None, timeout=20_000)
    assert window.nav.currentRow() == PAGE_CALENDAR
    assert window.calendar.selected.id == meeting  # type: ignore[union-attr]
    assert window.family.case_id == second or window.calendar.case_id == second


def test_lines_open_the_plan_and_a_feature_tab_by_name(qtbot, demo_context: AppContext, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    case = Builder.on(demo_context.engine, demo_context.user.login).case(demo_context.user.id)
    window.open_from_day(Opens(case, Place.PLAN, None))
    assert window.nav.currentRow() == PAGE_PLAN
    qtbot.waitUntil(lambda: window.family.case_id == case, timeout=20_000)

    from PySide6.QtWidgets import QWidget

    class JournalPanel(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.focused: list[int] = []

        def show_case(self, _case: object) -> None: ...
        def clear_case(self) -> None: ...
        def focus_item(self, item_id: int) -> None:
            self.focused.append(item_id)

    panel = JournalPanel()
    window.family.add_case_panel(panel, panel, "Journal")
    window.feature_tabs["journal"] = panel
    window.open_from_day(Opens(case, Place.JOURNAL, 77))
    assert window.nav.currentRow() == PAGE_FAMILY
    assert window.family.tabs.currentWidget() is panel and panel.focused == [77]
    # a task of no case opens the task itself, and no case
    opened: list[int] = []
    window.tasks.open_task = opened.append  # type: ignore[method-assign]
    window.open_from_day(Opens(None, Place.TASK, 5))
    assert opened == [5]
    assert window.family.case_id == case and window.nav.currentRow() == PAGE_FAMILY


def test_an_empty_day_says_so_in_every_section(qtbot, sqlite_context: AppContext, settings, danish) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, sqlite_context, settings)
    page = window.day
    assert _headings(page) == [
        "Møder i dag (0)",
        "Møder i morgen (0)",
        "Opgaver denne uge (0)",
        "Opfølgninger og frister denne uge (0)",
        "Aftaler der forfalder (0)",
        "Ændret af andre siden du sidst kiggede (0)",
    ]
    texts = [page.tree.topLevelItem(i).child(0).text(0) for i in range(6)]  # type: ignore[union-attr]
    assert texts[0] == "Ingen møder i dag."
    assert texts[1] == "Ingen møder i morgen."
    assert all(t.startswith("Ingen") for t in texts)
    assert page.lines() == []
    assert "0 som koordinator" in page.caseload.text()


def test_the_day_is_read_again_when_the_store_changes(qtbot, demo_context: AppContext, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    page = window.day
    me = demo_context.user
    build = Builder.on(demo_context.engine, me.login)
    build.task(me.id, local_today(), None, what="Bestil tolk")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.store_changed(StoreChange(frozenset({"tasks"}), frozenset()))
    assert _line(page, "Tasks", "Bestil tolk")
    # while another page is shown, a change waits until the day is shown again
    window.nav.setCurrentRow(1)
    build.task(me.id, local_today(), None, what="Send referat")
    page.store_changed(StoreChange(frozenset({"tasks"}), frozenset()))
    window.lanes.wait(10_000)
    assert not [i for _h, i in page.lines() if "Send referat" in i.text(2)]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        window.nav.setCurrentRow(PAGE_DAY)
    assert _line(page, "Tasks", "Send referat")
    # a change of a table the day does not show reads nothing
    page.store_changed(StoreChange(frozenset({"consents"}), frozenset()))
    assert not page.busy


def test_another_program_adding_my_task_shows_on_the_open_day(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, settings, sqlite_url: str
) -> None:
    window = _window(qtbot, demo_context, settings)
    me = demo_context.user
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        'c.execute("INSERT INTO tasks (what, note, due_date, assigned_to_id, done_by, source, source_ref, '
        "version, created_at, updated_at, created_by, updated_by) VALUES ('Fra en kollega', '', ?, ?, '', "
        "'manual', '', 1, '2026-12-01 10:00:00.000000', '2026-12-01 10:00:00.000000', 'anna', 'anna')\", "
        "(sys.argv[2], int(sys.argv[3]))); c.commit()"
    )
    qtbot.wait(600)  # the window's own last commit (the day's audit entry) is past the watcher's window
    subprocess.run(
        [sys.executable, "-c", script, sqlite_url, local_today().isoformat(), str(me.id)], check=True
    )
    qtbot.waitUntil(lambda: any("Fra en kollega" in i.text(2) for _h, i in window.day.lines()), timeout=5000)


@pytest.mark.parametrize(
    ("now", "expected_hours"),
    [
        (datetime(2026, 12, 3, 23, 0, tzinfo=LOCAL_TZ), 1),
        (datetime(2027, 3, 27, 23, 0, tzinfo=LOCAL_TZ), 1),  # the night summer time begins
        (datetime(2027, 3, 28, 0, 0, 1, tzinfo=LOCAL_TZ), 23),  # a 23-hour day
        (datetime(2026, 10, 25, 0, 0, 1, tzinfo=LOCAL_TZ), 25),  # a 25-hour day
        (datetime(2026, 12, 31, 12, 0, tzinfo=LOCAL_TZ), 12),
    ],
)
def test_the_page_wakes_just_after_copenhagen_midnight(now: datetime, expected_hours: int) -> None:
    wait = ms_to_midnight(now)
    assert abs(wait - expected_hours * 3_600_000) <= 2000
    woken = now.astimezone(UTC) + timedelta(milliseconds=wait)  # real time, not the wall clock
    assert woken.astimezone(LOCAL_TZ).date() == now.date() + timedelta(days=1)


def test_at_midnight_the_page_shows_the_new_day(qtbot, demo_context: AppContext, settings, danish) -> None:  # type: ignore[no-untyped-def]
    me = demo_context.user
    build = Builder.on(demo_context.engine, me.login)
    today = local_today()
    tomorrow = today + timedelta(days=1)
    case = build.case(me.id)
    build.meeting(case, local(tomorrow, 8))
    window = _window(qtbot, demo_context, settings)
    page = window.day
    assert page.day is not None and page.day.today == today
    assert len(page.day.meetings_tomorrow) >= 1
    assert page._midnight.isActive()
    with time_machine.travel(
        datetime.combine(tomorrow, datetime.min.time(), LOCAL_TZ) + timedelta(seconds=2)
    ):
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            page._midnight.timeout.emit()
        assert page.day.today == tomorrow
        assert _line(page, "Møder i dag", "08.00")
        assert page._midnight.isActive() and page._midnight.remainingTime() > 23 * 3_600_000


def test_a_meeting_i_only_take_part_in_opens_in_the_calendar(
    qtbot, demo_context: AppContext, settings
) -> None:  # type: ignore[no-untyped-def]
    me = demo_context.user
    build = Builder.on(demo_context.engine, me.login)
    anna = build.user("anna", "Anna Andersen")
    theirs = build.case(anna.id)
    in_three_weeks = local_today() + timedelta(days=21)
    meeting = build.meeting(theirs, local(in_three_weeks, 11), participants=(me.id, anna.id))
    window = _window(qtbot, demo_context, settings)
    assert window.calendar.scope.currentData() == "mine"
    window.open_from_day(Opens(theirs, Place.MEETING, meeting))
    qtbot.waitUntil(lambda: window.calendar.selected is not None, timeout=20_000)
    assert window.calendar.selected.id == meeting  # type: ignore[union-attr]
    assert window.calendar.scope.currentData() == "all"  # widened: the meeting is not of my cases
    assert window.calendar.visible_range()[0] <= in_three_weeks < window.calendar.visible_range()[1]


@pytest.mark.postgres
def test_a_colleagues_new_task_for_me_reaches_my_open_day_on_the_server(  # type: ignore[no-untyped-def]
    open_store_context, qtbot, postgres_url, settings
) -> None:
    from app.ui.common.live_updates import PostgresListener

    mine = open_store_context(postgres_url, login="anna")
    colleague = open_store_context(postgres_url, login="bo")
    case = Builder.on(mine.engine, "anna").case(mine.user.id)
    window = _window(qtbot, mine, settings)
    assert isinstance(window.live, PostgresListener)
    qtbot.waitUntil(lambda: window.live.listening, timeout=20_000)
    Builder.on(colleague.engine, "bo").task(mine.user.id, local_today(), case, what="Fra Bo")
    qtbot.waitUntil(lambda: any("Fra Bo" in i.text(2) for _h, i in window.day.lines()), timeout=3000)


def test_what_is_late_is_counted_in_the_heading_and_marked_by_a_sign_not_red_text(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, settings, danish
) -> None:
    me = demo_context.user
    build = Builder.on(demo_context.engine, me.login)
    today = local_today()
    case = build.case(me.id)
    build.task(me.id, today - timedelta(days=2), case, what="Sende referat (sent)")
    build.task(me.id, today, case, what="Ringe til skolen (i dag)")
    page = _window(qtbot, demo_context, settings).day
    tasks = [t for t in page.day.tasks]
    late = sum(t.overdue for t in tasks)
    assert late >= 1
    heading = next(h for h in _headings(page) if h.startswith("Opgaver"))
    assert heading.endswith(f"({len(tasks)}, {late} over tid)")
    overdue = _line(page, "Opgaver", "Sende referat (sent)")
    on_time = _line(page, "Opgaver", "Ringe til skolen (i dag)")
    assert overdue.text(0).startswith("overskredet siden")
    assert not overdue.icon(0).isNull() and not on_time.icon(0).isNull()  # the dates stay in line
    assert overdue.icon(0).cacheKey() != on_time.icon(0).cacheKey()
    for item in (overdue, on_time):  # the text in the view's own colour
        assert item.foreground(0).style() == Qt.BrushStyle.NoBrush
