"""Driving the case list like a caseworker: search as you type, open a case, Danish UI."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from app.services.cases.case_list import SortKey
from app.services.common.context import AppContext
from app.ui.cases.case_list_model import COLUMNS
from app.ui.main_window import PAGE_FAMILY, MainWindow
from app.ui.navigation import NAME_ROLE


def _window(qtbot, context: AppContext, settings, language: str = "da") -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, settings, language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.cases.model.busy, timeout=20_000)  # the list is read on the lane
    return window


def test_danish_by_default(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    names = ["Min dag", "Sager", "Familie", "Plan", "Kalender"]
    assert [window.nav.item(i).data(NAME_ROLE) for i in range(5)] == names
    # Each line is its page's name, with the day's count after it once the day is read.
    texts = [window.nav.item(i).text() for i in range(5)]
    assert all(text == name or text.startswith(f"{name} · ") for text, name in zip(texts, names, strict=True))
    assert window.stack.currentWidget() is window.day  # the day is the start page
    header = window.cases.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Sagsnr."
    assert window.windowTitle() == "Koordinator"
    assert "Lokal database" in window.store_label.text()


def test_typing_in_search_filters_rows(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    page = window.cases
    page.scope.setCurrentIndex(page.scope.findData("all"))
    qtbot.waitUntil(lambda: page.model.query.scope == "all" and not page.model.busy)
    everyone = page.model.total
    assert everyone > 5
    qtbot.keyClicks(page.search, "holm jen")
    qtbot.waitUntil(lambda: page.model.query.search == "holm jen" and not page.model.busy, timeout=2000)
    assert 1 <= page.model.rowCount() < everyone
    title_col = COLUMNS.index(SortKey.TITLE)
    titles = {page.model.index(r, title_col).data() for r in range(page.model.rowCount())}
    assert "Familien Holm Jensen" in titles
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total == everyone, timeout=2000)


def test_search_by_cpr_prefix(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    page = window.cases
    page.scope.setCurrentIndex(page.scope.findData("all"))
    qtbot.waitUntil(lambda: not page.model.busy)
    cpr_col = COLUMNS.index(SortKey.CPR)
    masked = page.model.index(0, cpr_col).data()
    qtbot.keyClicks(page.search, masked[:6])
    qtbot.waitUntil(lambda: page.model.query.search == masked[:6] and not page.model.busy, timeout=2000)
    assert 1 <= page.model.rowCount() < page.model.total + 1
    shown = [page.model.index(r, cpr_col).data() for r in range(page.model.rowCount())]
    assert masked in shown


def test_double_click_opens_the_case(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    table = window.cases.table
    index = window.cases.model.index(2, COLUMNS.index(SortKey.TITLE))
    number = window.cases.model.index(2, COLUMNS.index(SortKey.NUMBER)).data()
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.family.loaded, timeout=20_000):  # read off the GUI thread
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.nav.currentRow() == PAGE_FAMILY
    assert window.family.heading.text().startswith(number)
    members = window.family.people.members
    assert members.rowCount() >= 1
    for row in range(members.rowCount()):
        assert members.item(row, 3).text().endswith("-XXXX")
    assert window.windowTitle() == "Koordinator"


def test_clicking_a_header_sorts_in_sql(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    header = window.cases.table.horizontalHeader()
    column = COLUMNS.index(SortKey.NUMBER)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    model = window.cases.model
    assert model.query.sort == SortKey.NUMBER
    if model.query.descending:  # a first click may sort either way, per the style
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert not model.query.descending
    qtbot.waitUntil(lambda: not model.busy)
    numbers = [model.index(r, column).data() for r in range(model.rowCount())]
    assert len(numbers) > 1
    assert numbers == sorted(numbers)


def test_ctrl_p_prints_the_open_cases_plan(qtbot, demo_context, settings, monkeypatch, danish) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+P (File → Print plan…): with no case open it says what to do; with a case open it
    shows the plan and opens the print dialog for that case — once its plan has arrived."""
    from PySide6.QtGui import QAction, QKeySequence
    from sqlalchemy import select

    from app.models import Case
    from app.ui.main_window import PAGE_PLAN
    from app.ui.plan.plan_preview import PrintPlanDialog

    printed: list[int] = []
    monkeypatch.setattr(PrintPlanDialog, "exec", lambda self: printed.append(self._case_id) or 0)
    window = _window(qtbot, demo_context, settings)
    action = window.findChild(QAction, "printPlan")
    assert action is not None and action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    action.trigger()
    assert printed == [] and "sag" in window.statusBar().currentMessage().lower()
    with demo_context.sessions() as session:
        lise = session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
    window.open_case(lise)
    action.trigger()  # before the plan has arrived: printed when it does
    qtbot.waitUntil(lambda: printed == [lise], timeout=10_000)
    assert window.stack.currentIndex() == PAGE_PLAN
    action.trigger()  # the plan is there: at once
    assert printed == [lise, lise]


def test_the_letter_template_is_in_the_settings_menu_on_a_local_store(
    qtbot, demo_context, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A local store is the user's own: Settings → Letter template… opens the dialog (on a
    shared server only an admin gets it: the server lets only IT write the store's settings)."""
    from PySide6.QtGui import QAction

    from app.ui.settings.letter_template_dialog import LetterTemplateDialog

    opened: list[bool] = []
    monkeypatch.setattr(LetterTemplateDialog, "exec", lambda self: opened.append(True) or 0)
    window = _window(qtbot, demo_context, settings)
    action = window.findChild(QAction, "letterTemplate")
    assert action is not None
    action.trigger()
    assert opened == [True]
    window.lanes.wait()


def test_the_family_plan_and_calendar_pages_are_made_when_first_needed(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    from app.ui.main_window import PAGE_CALENDAR, PAGE_PLAN

    window = _window(qtbot, demo_context, settings)
    stand_ins = [window.stack.widget(i) for i in (PAGE_FAMILY, PAGE_PLAN, PAGE_CALENDAR)]
    assert (window._family, window._plan, window._calendar) == (None, None, None)
    tasks = window.tasks  # a panel of the family page: the page is made with it, in its place
    assert window._family is not None and window.stack.widget(PAGE_FAMILY) is window.family
    assert window.family.tabs.indexOf(tasks) >= 0 and window.feature_tabs["task"] is tasks
    assert window.tasks is tasks and window.family is window.stack.widget(PAGE_FAMILY)  # made once
    assert (window._plan, window._calendar) == (None, None)  # the others still wait
    case_id = window.cases.model.row_at(0).id
    window.open_case(case_id)
    window.nav.setCurrentRow(PAGE_CALENDAR)
    assert window.stack.currentWidget() is window.calendar is window.stack.widget(PAGE_CALENDAR)
    assert window.calendar.case_id == case_id  # made after the case was opened, it takes it
    assert window.stack.widget(PAGE_PLAN) is stand_ins[1] and window.stack.count() == 5
    window.nav.setCurrentRow(PAGE_PLAN)
    assert window.stack.currentWidget() is window.plan is window.stack.widget(PAGE_PLAN)
