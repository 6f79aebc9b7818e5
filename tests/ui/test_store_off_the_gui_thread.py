"""The UI reaches the store only through the store lanes: a scripted tour of every screen
(case list, family page and its tabs and dialogs, plan, calendar, consent register, audit
log, settings) must never check a connection out of the pool on the GUI thread.

A pool "checkout" listener in the test session records the stack of every checkout made on
the main thread while the tour runs; the test's own set-up and checks read the store
outside the tour. Modal dialogs the tour opens are looked at (their first reads done) and
then cancelled by a timer, so every dialog's opening runs as a caseworker would meet it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import event, select
from sqlalchemy.pool import Pool

from app.models import Case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.ui.main_window import PAGE_CALENDAR, PAGE_CASES, PAGE_FAMILY, PAGE_PLAN, MainWindow

pytestmark = pytest.mark.any_day


class Checkouts:
    """Connections checked out on the GUI thread while ``touring`` is on."""

    def __init__(self) -> None:
        self.touring = False
        self.stacks: list[str] = []

    def __call__(self, *_args: object) -> None:
        if self.touring and threading.current_thread() is threading.main_thread():
            self.stacks.append(_program_frame(traceback.extract_stack()))


def _program_frame(stack: traceback.StackSummary) -> str:
    """The innermost frame in the program's UI (else its own code): where the store was
    reached from."""
    for frame in reversed(stack):
        if "/app/ui/" in frame.filename.replace("\\", "/"):
            where = frame.filename.replace("\\", "/").split("/app/", 1)[1]
            return f"app/{where}:{frame.lineno} in {frame.name}"
    for frame in reversed(stack):
        if "/app/" in frame.filename.replace("\\", "/") and "site-packages" not in frame.filename:
            where = frame.filename.replace("\\", "/").split("/app/", 1)[1]
            return f"app/{where}:{frame.lineno} in {frame.name}"
    return "".join(traceback.format_list(stack[-8:]))


@pytest.fixture
def checkouts() -> Iterator[Checkouts]:
    seen = Checkouts()
    event.listen(Pool, "checkout", seen)
    yield seen
    event.remove(Pool, "checkout", seen)


class ModalCloser:
    """Cancels each modal dialog the tour opens once the store lanes are idle, and
    remembers what it saw."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or modal is self.window:
            return
        self.window.lanes.wait(10_000)  # the dialog's own reads have run
        QApplication.processEvents()
        self.seen.append(type(modal).__name__)
        if isinstance(modal, QDialog):  # message boxes too
            modal.reject()
        else:  # pragma: no cover - a modal that is not a dialog
            modal.close()

    def stop(self) -> None:
        self.timer.stop()


def _idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Let every queued lane job run and its answer reach the widgets."""
    for _ in range(3):
        window.lanes.wait(10_000)
        qtbot.wait(5)


def _step(qtbot, window: MainWindow, action: Callable[[], object]) -> None:  # type: ignore[no-untyped-def]
    action()
    _idle(qtbot, window)


def _tabs(widget: QWidget) -> list[object]:
    from PySide6.QtWidgets import QTabWidget

    return widget.findChildren(QTabWidget)


def test_a_tour_of_every_screen_never_touches_the_store_on_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, demo_context: AppContext, settings, checkouts: Checkouts, monkeypatch
) -> None:
    with demo_context.sessions() as session:
        lise = session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
    assert lise is not None
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    # A file dialog or a question would block the tour: answer them as "cancel".
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a, **_k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("", False)))

    checkouts.touring = True
    window = MainWindow(demo_context, settings, "da")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    closer = ModalCloser(window)
    try:
        _idle(qtbot, window)
        # The case list: scope, search, every sort, scrolling to the end, the CPR reveal.
        cases = window.cases
        _step(qtbot, window, lambda: cases.scope.setCurrentIndex(cases.scope.findData("all")))
        for term in ("h", "holm", "0101", ""):
            _step(qtbot, window, lambda term=term: cases.model.set_search(term))
        for column in range(cases.model.columnCount()):
            _step(
                qtbot,
                window,
                lambda column=column: cases.table.sortByColumn(column, Qt.SortOrder.AscendingOrder),
            )
        while cases.model.canFetchMore(QModelIndex()):
            _step(qtbot, window, lambda: cases.model.fetchMore(QModelIndex()))
        cases.table.selectRow(0)
        _step(qtbot, window, cases.reveal_action.trigger)

        # The family page: the case opened, every tab shown, its dialogs opened and cancelled.
        _step(qtbot, window, lambda: window.open_case(lise))
        assert window.stack.currentIndex() == PAGE_FAMILY
        family = window.family
        for tabs in _tabs(family):
            for index in range(tabs.count()):  # type: ignore[attr-defined]
                _step(qtbot, window, lambda tabs=tabs, index=index: tabs.setCurrentIndex(index))  # type: ignore[attr-defined]
        analysis = family.analysis
        assert analysis is not None
        member = analysis.overview.summary.members[0].citizen_id
        for open_dialog in (
            family.add_member,
            lambda: family.edit_member(member),
            lambda: family.record_consent(member),
            family.open_consent_register,
            lambda: family.add_intervention(member),
            family.add_professional,
            family.link_professional,
            family.close_case,
        ):
            _step(qtbot, window, open_dialog)
        if analysis.overview.interventions:
            _step(qtbot, window, lambda: family.edit_intervention(analysis.overview.interventions[0].id))
        if analysis.overview.professionals:
            _step(qtbot, window, lambda: family.edit_professional(analysis.overview.professionals[0].id))

        # The plan: every tab, a change saved by the page's own autosave, the preview, and
        # its dialogs (score, approve, versions, print) opened and cancelled.
        _step(qtbot, window, lambda: window.nav.setCurrentRow(PAGE_PLAN))
        plan = window.plan
        for tabs in _tabs(plan):
            for index in range(tabs.count()):  # type: ignore[attr-defined]
                _step(qtbot, window, lambda tabs=tabs, index=index: tabs.setCurrentIndex(index))  # type: ignore[attr-defined]
        edit = next(iter(plan.section_edits.values()))
        _step(qtbot, window, lambda: edit.appendPlainText("Aftalt på mødet."))
        _step(qtbot, window, plan.save_now)
        _step(qtbot, window, plan.refresh_preview)
        for open_dialog in (plan.record_score, plan.approve, plan.show_history, plan.print_plan):
            _step(qtbot, window, open_dialog)

        # The calendar: a meeting chosen, its dialogs and papers, moved by drag.
        _step(qtbot, window, lambda: window.nav.setCurrentRow(PAGE_CALENDAR))
        calendar = window.calendar
        _step(qtbot, window, lambda: calendar.set_case(lise))
        for step in (1, -1, -1, 1):
            _step(qtbot, window, lambda step=step: calendar.navigate(step))
        _step(qtbot, window, lambda: calendar.new_meeting(None))
        if calendar.meetings:
            meeting = calendar.meetings[0]
            _step(qtbot, window, lambda: calendar.open_meeting(meeting.id))
            for action in (calendar.edit_selected, calendar.export_invitation):
                _step(qtbot, window, action)
            held = [m for m in calendar.meetings if m.starts_at.date() <= local_today()]
            if held:
                _step(qtbot, window, lambda: calendar.open_meeting(held[0].id))
                _step(qtbot, window, calendar.minutes_selected)
                _step(qtbot, window, lambda: calendar.open_meeting(meeting.id))
            for what in ("agenda", "slip"):
                _step(qtbot, window, lambda what=what: calendar.export_pdf(what))
            _step(
                qtbot,
                window,
                lambda: calendar.move_meeting(meeting.id, meeting.starts_at + timedelta(days=1)),
            )

        # The calendar's views: week and month.
        for tabs in _tabs(window.calendar):
            for index in range(tabs.count()):  # type: ignore[attr-defined]
                _step(qtbot, window, lambda tabs=tabs, index=index: tabs.setCurrentIndex(index))  # type: ignore[attr-defined]
        _step(qtbot, window, lambda: window.calendar.reload())

        # The menus: new case, preferences, database connection, audit log.
        _step(qtbot, window, lambda: window.nav.setCurrentRow(PAGE_CASES))
        for action in window.menuBar().actions():
            menu = action.menu()
            for item in menu.actions() if menu is not None else []:
                if item.menu() is None and not item.isSeparator() and item.text() not in ("&Afslut", "&Quit"):
                    _step(qtbot, window, item.trigger)
        for top in QApplication.topLevelWidgets():
            if top is not window and top.isVisible() and isinstance(top, QDialog):
                # A window opened without blocking (the audit log) that the closer's timer
                # did not get to before the tour ended: its first reads have run (_idle).
                closer.seen.append(type(top).__name__)
                top.reject()
        _idle(qtbot, window)
    finally:
        closer.stop()
        checkouts.touring = False
    met = {
        "ApproveDialog",
        "AuditViewer",
        "CloseCaseDialog",
        "ConnectionDialog",
        "ConsentDialog",
        "ConsentRegisterDialog",
        "HistoryDialog",
        "InterventionDialog",
        "LinkProfessionalDialog",
        "MeetingDialog",
        "MemberDialog",
        "NewCaseDialog",
        "PreferencesDialog",
        "PrintPlanDialog",
        "ProfessionalDialog",
    }
    assert met <= set(closer.seen), f"the tour did not reach: {sorted(met - set(closer.seen))}"
    assert not checkouts.stacks, "connections checked out on the GUI thread, from:\n" + "\n".join(
        sorted(set(checkouts.stacks))
    )
