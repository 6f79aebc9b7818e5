"""The meeting calendar driven like a caseworker: plan Lise's network meeting at a free time,
find it in the week, send the invitation, write the minutes, print the agreement slip."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt
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
    with qtbot.waitSignal(page.loaded, timeout=5000):
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
    with qtbot.waitSignal(page.loaded, timeout=5000):
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
    with qtbot.waitSignal(page.loaded, timeout=5000):
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
    with qtbot.waitSignal(page.loaded, timeout=5000):
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
