"""The meeting calendar driven like a caseworker: plan Lise's network meeting at a free time,
find it in the week, send the invitation, write the minutes, print the agreement slip."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QFileDialog, QTableWidgetItem
from sqlalchemy import select

from app.models import Case
from app.models.enums import AgreementStatus, MeetingStatus
from app.services.common.clock import LOCAL_TZ, local_today
from app.services.common.context import AppContext
from app.services.meetings.meetings import meeting_info
from app.services.plan.plan_document import load_plan_document
from app.ui.calendar.calendar_page import CalendarPage
from app.ui.calendar.meeting_dialog import MeetingDialog, from_qdatetime
from app.ui.calendar.minutes_dialog import MinutesDialog
from app.ui.common.background import StoreLanes
from tests.ui.invitation_helpers import answer_invitation
from tests.ui.lane_helpers import exec_saving, wait_for

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def _page(qtbot, context: AppContext, case_id: int) -> CalendarPage:  # type: ignore[no-untyped-def]
    page = CalendarPage(context, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.set_case(case_id)
    return page


def _exec_with(dialog_class, fill, monkeypatch) -> list:  # type: ignore[no-untyped-def]
    seen: list = []

    def fake_exec(self) -> int:  # type: ignore[no-untyped-def]
        seen.append(self)
        return exec_saving(self, fill)

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return seen


def test_plan_a_meeting_at_a_free_time_and_find_it_in_the_week(
    qtbot, demo_context, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id)

    def fill(dialog: MeetingDialog) -> None:
        assert dialog.free_times.count() > 0  # free times are offered
        dialog.free_times.setCurrentIndex(0)
        dialog.use_free.click()
        assert dialog.conflicts.text() == "Nobody is double-booked."
        dialog.place.setText("Rådhuset, mødelokale 2")

    dialogs = _exec_with(MeetingDialog, fill, monkeypatch)
    page.new_meeting(None)
    created = dialogs[0].stored_id
    assert created is not None
    start = from_qdatetime(dialogs[0].starts.dateTime())
    assert start.weekday() < 5 and 8 <= start.hour < 16  # within working hours on a working day

    page.anchor = start.date()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    assert created in page.week.meeting_rects  # found in the week view
    rect = page.week.meeting_rects[created]
    qtbot.mouseClick(page.week, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.selected is not None and page.selected.id == created
    assert "Rådhuset" in page.details.text()

    # The invitation: a real .ics with the meeting's UID and time.
    target = tmp_path / "invitation.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "iCalendar (*.ics)"))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *_a, **_k: None)
    answer_invitation(monkeypatch)
    page.export_invitation()
    wait_for(lambda: not page.papers.busy)
    event = next(iter(Calendar.from_ical(target.read_bytes()).walk("VEVENT")))
    with demo_context.sessions() as session:
        info = meeting_info(session, created)
    assert str(event["UID"]) == info.ical_uid
    assert event.decoded("DTSTART") == info.starts_at


def test_a_double_booking_is_shown(qtbot, demo_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id)
    first = _exec_with(MeetingDialog, lambda d: d.use_free.click(), monkeypatch)
    page.new_meeting(None)
    taken = from_qdatetime(first[0].starts.dateTime())
    clash: list[str] = []

    def same_time(dialog: MeetingDialog) -> None:
        dialog.starts.setDateTime(first[0].starts.dateTime())
        wait_for(lambda: not dialog.checking)
        clash.append(dialog.conflicts.text())
        dialog.reject()

    _exec_with(MeetingDialog, same_time, monkeypatch)
    page.new_meeting(datetime.combine(taken.date(), taken.time(), LOCAL_TZ))
    assert clash and "is busy" in clash[0]


def test_minutes_update_the_plan_and_the_slip_prints(qtbot, demo_context, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id)

    def held(dialog: MeetingDialog) -> None:
        dialog.held.setChecked(True)
        yesterday = datetime.combine(
            local_today() - timedelta(days=1), datetime.min.time().replace(hour=10), LOCAL_TZ
        )
        from app.ui.common.date_fields import to_qdatetime

        dialog.starts.setDateTime(to_qdatetime(yesterday))

    dialogs = _exec_with(MeetingDialog, held, monkeypatch)
    page.new_meeting(None)
    meeting_id = dialogs[0].stored_id
    page.anchor = local_today() - timedelta(days=1)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    page.open_meeting(meeting_id)
    assert page.selected is not None and page.selected.held_without_minutes

    def minutes(dialog: MinutesDialog) -> None:
        dialog.decisions.setPlainText("Lise starter i praktik mandag. Vi søger aflastning.")
        row = dialog.add_agreement()
        dialog.new_agreements.setItem(row, 0, QTableWidgetItem("Søge om aflastning"))
        who = dialog.new_agreements.cellWidget(row, 1)
        who.setCurrentIndex(1)  # type: ignore[union-attr]
        if dialog.closed.count():
            dialog.closed.item(0).setCheckState(Qt.CheckState.Checked)

    _exec_with(MinutesDialog, minutes, monkeypatch)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.minutes_selected()
    with demo_context.sessions() as session:
        assert meeting_info(session, meeting_id).status == MeetingStatus.HELD
        plan = load_plan_document(session, case_id).plan
    assert plan is not None
    assert ("Søge om aflastning", AgreementStatus.OPEN) in {(a.what, a.status) for a in plan.agreements}

    target = tmp_path / "aftaler.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    page.open_meeting(meeting_id)
    page.export_pdf("slip")
    wait_for(lambda: not page.papers.busy)
    reader = PdfReader(str(target))
    assert len(reader.pages) == 1
    assert "Søge om aflastning" in reader.pages[0].extract_text()


def _next_week(qtbot, page: CalendarPage) -> None:  # type: ignore[no-untyped-def]
    """The week after this one (where a new meeting is never in the past)."""
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.next_button.click()


def _free_spot(page: CalendarPage) -> QPointF:
    """Half past one (or later) on the first weekday of the shown week with nothing booked then."""
    week = page.week
    for day in week.days[2:5]:
        for hour in (13, 14, 15, 9, 10):
            spot = QPointF(week.grid_rects[day].center().x(), week.y_for_minutes(hour * 60 + 10))
            if week.hit_test(spot) is None:
                return spot
    raise AssertionError("no free time in the week")


def _create_by_double_click(qtbot, page: CalendarPage, monkeypatch) -> tuple[int, datetime]:  # type: ignore[no-untyped-def]
    spot = _free_spot(page)
    wanted = page.week.time_at(spot)
    assert wanted is not None
    dialogs = _exec_with(MeetingDialog, lambda d: d.place.setText("Familiens hjem"), monkeypatch)
    with qtbot.waitSignal(page.loaded, timeout=20_000), qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mouseDClick(page.week, Qt.MouseButton.LeftButton, pos=spot.toPoint())
    assert len(dialogs) == 1 and dialogs[0].stored_id is not None
    start = from_qdatetime(dialogs[0].starts.dateTime())
    return dialogs[0].stored_id, start


def test_a_meeting_created_on_an_empty_time_lands_there(qtbot, demo_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, _lise(demo_context))
    _next_week(qtbot, page)
    spot = _free_spot(page)
    meeting_id, start = _create_by_double_click(qtbot, page, monkeypatch)
    # The dialog opened at the time double-clicked (the half hour it lies in).
    assert start.date() == page.week.time_at(spot).date()  # type: ignore[union-attr]
    assert start.hour * 60 + start.minute == (page.week.time_at(spot).hour * 60 + 10) // 30 * 30  # type: ignore[union-attr]
    with demo_context.sessions() as session:
        stored = meeting_info(session, meeting_id)
    assert stored.case_id == _lise(demo_context) and stored.place == "Familiens hjem"
    assert stored.starts_at == start
    rect = page.week.meeting_rects[meeting_id]
    assert page.week.grid_rects[start.date()].contains(rect)
    assert rect.top() == pytest.approx(page.week.y_for_minutes(start.hour * 60 + start.minute), abs=2)


def test_dragging_a_meeting_to_the_next_day_moves_it(qtbot, demo_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, _lise(demo_context))
    _next_week(qtbot, page)
    meeting_id, start = _create_by_double_click(qtbot, page, monkeypatch)
    with demo_context.sessions() as session:
        before = meeting_info(session, meeting_id)
    week = page.week
    rect = week.meeting_rects[meeting_id]
    day = start.date()
    step = week.grid_rects[day + timedelta(days=1)].left() - week.grid_rects[day].left()
    grab = QPointF(rect.center().x(), rect.top() + 6)
    drop = grab + QPointF(step, 0)
    with qtbot.waitSignal(page.loaded, timeout=20_000), qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mousePress(week, Qt.MouseButton.LeftButton, pos=grab.toPoint())
        qtbot.mouseMove(week, pos=((grab + drop) / 2).toPoint())
        qtbot.mouseMove(week, pos=drop.toPoint())
        qtbot.mouseRelease(week, Qt.MouseButton.LeftButton, pos=drop.toPoint())
    with demo_context.sessions() as session:
        moved = meeting_info(session, meeting_id)
    assert moved.starts_at == start + timedelta(days=1)
    assert moved.ends_at - moved.starts_at == before.ends_at - before.starts_at
    assert week.grid_rects[day + timedelta(days=1)].contains(week.meeting_rects[meeting_id])


def test_switching_between_week_and_month(qtbot, demo_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, _lise(demo_context))
    _next_week(qtbot, page)
    meeting_id, start = _create_by_double_click(qtbot, page, monkeypatch)
    assert page.views.currentIndex() == 0 and page.week.isVisible()

    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.view_choice.setCurrentIndex(1)
    assert page.views.currentWidget() is page.month and page.month.isVisible()
    assert (page.month.year, page.month.month) == (page.anchor.year, page.anchor.month)
    first, end = page.visible_range()
    assert first == page.month.first_day and end == first + timedelta(days=42)
    assert first <= start.date() < end  # next week's meeting is in the month shown around it
    line = page.month.meeting_rects.get(meeting_id)
    assert (
        start.date() in page.month.more_rects
        if line is None
        else page.month.day_rects[start.date()].contains(line)
    )

    # The next month, then a click on a day opens the week of that day.
    shown = (page.month.year, page.month.month)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.next_button.click()
    assert (page.month.year, page.month.month) == (
        shown[0] + shown[1] // 12,
        shown[1] % 12 + 1,
    )
    day = date(page.month.year, page.month.month, 15)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.month.day_activated.emit(day)
    assert page.views.currentIndex() == 0 and page.view_choice.currentIndex() == 0
    assert page.week.days[0] == day - timedelta(days=day.weekday())  # its week, weekend or not
