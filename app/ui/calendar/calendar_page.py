"""The meeting calendar: my meetings, my team's, or all, by week or month, with the deadlines
of the next 30 days beside it. Meetings are read off the GUI thread; a click opens one, a
drag moves it, and the meeting's invitation, agenda, minutes and agreement slip are here."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import MeetingStatus
from app.services.common.clock import LOCAL_TZ, local_now, local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.meetings.days_off import danish_holidays
from app.services.meetings.meetings import (
    MeetingInfo,
    cancel_meeting,
    meeting_info,
    meetings_between,
    move_meeting,
)
from app.services.plan.plan_document import PlanDocument
from app.ui.calendar.calendar_views import MonthView, WeekView
from app.ui.calendar.deadline_list import DeadlineList
from app.ui.calendar.meeting_dialog import MeetingDialog
from app.ui.calendar.meeting_papers import MeetingPapers
from app.ui.calendar.minutes_dialog import MinutesDialog
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.formatting import format_date, iso_week
from app.ui.common.labels import label, problem_text

if TYPE_CHECKING:
    from app.services.cases.deadlines import Deadline

log = logging.getLogger(__name__)

SCOPE_MINE, SCOPE_TEAM, SCOPE_ALL = "mine", "team", "all"
VIEW_WEEK, VIEW_MONTH = 0, 1


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class CalendarPage(QWidget):
    loaded = Signal()
    changed = Signal()  # a meeting was created, moved, cancelled or held

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.lanes = lanes
        self.worker = lanes.store
        self._request = 0
        self.case_id: int | None = None  # the opened case: new meetings are for it
        self.anchor = local_today()
        self.meetings: list[MeetingInfo] = []
        self.selected: MeetingInfo | None = None
        self._holidays: dict[date, str] = {}
        self._pending_meeting: int | None = None  # to select once its week is read (show_meeting)

        self.today_button = QPushButton(self.tr("Today"), self)
        self.prev_button = QPushButton("‹", self)
        self.next_button = QPushButton("›", self)
        self.prev_button.setToolTip(self.tr("Previous (Page Up)"))
        self.next_button.setToolTip(self.tr("Next (Page Down)"))
        self.title = QLabel(self)
        self.title.setObjectName("calendarTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.view_choice = QComboBox(self)
        self.view_choice.addItem(self.tr("Week"))
        self.view_choice.addItem(self.tr("Month"))
        self.scope = QComboBox(self)
        self.scope.setObjectName("calendarScope")
        self.scope.setAccessibleName(self.tr("Whose meetings to show"))
        self.scope.setProperty("no_label", "named; its placeholder or items say what it is")
        self.scope.addItem(self.tr("My meetings"), SCOPE_MINE)
        self.scope.addItem(self.tr("My team"), SCOPE_TEAM)
        self.scope.addItem(self.tr("All"), SCOPE_ALL)
        self.new_button = QPushButton(self.tr("New meeting…"), self)
        self.new_button.setObjectName("newMeeting")
        self.today_button.clicked.connect(lambda: self.navigate(0))
        self.prev_button.clicked.connect(lambda: self.navigate(-1))
        self.next_button.clicked.connect(lambda: self.navigate(1))
        self.view_choice.currentIndexChanged.connect(self._view_changed)
        self.scope.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(lambda: self.new_meeting(None))

        self.week = WeekView(self)
        self.week.setObjectName("weekView")
        self.month = MonthView(self)
        self.month.setObjectName("monthView")
        self.views = QStackedWidget(self)
        week_scroll = QScrollArea(self)
        week_scroll.setWidgetResizable(True)
        week_scroll.setWidget(self.week)
        self.views.addWidget(week_scroll)
        self.views.addWidget(self.month)
        for view in (self.week, self.month):
            view.meeting_activated.connect(self.open_meeting)
            view.navigate.connect(self.navigate)
        self.week.meeting_moved.connect(self.move_meeting)
        self.week.slot_activated.connect(self.new_meeting)
        self.month.day_activated.connect(self._show_week_of)

        self.details = QLabel(self)
        self.details.setObjectName("meetingDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.meeting_buttons: dict[str, QPushButton] = {}
        actions = QVBoxLayout()
        for key, text, slot in (
            ("edit", self.tr("Change…"), self.edit_selected),
            ("cancel", self.tr("Cancel meeting…"), self.cancel_selected),
            ("minutes", self.tr("Minutes…"), self.minutes_selected),
            ("ics", self.tr("Invitation…"), self.export_invitation),
            ("agenda", self.tr("Agenda (PDF)…"), lambda: self.export_pdf("agenda")),
            ("slip", self.tr("Agreement slip (PDF)…"), lambda: self.export_pdf("slip")),
            ("minutes_pdf", self.tr("Minutes (PDF)…"), lambda: self.export_pdf("minutes")),
            ("word", self.tr("Save as Word…"), None),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"meeting_{key}")
            if slot is not None:
                button.clicked.connect(slot)
            actions.addWidget(button)
            self.meeting_buttons[key] = button
        # The papers as editable Word files (the municipality's letter template): a menu.
        word_menu = QMenu(self)
        word_menu.setObjectName("wordMenu")
        for what, text in (
            ("agenda", self.tr("Agenda")),
            ("slip", self.tr("Agreement slip")),
            ("minutes", self.tr("Minutes")),
        ):
            action = word_menu.addAction(text)
            action.setObjectName(f"word_{what}")
            action.triggered.connect(lambda _checked=False, w=what: self.export_pdf(w, "docx"))
        self.meeting_buttons["word"].setMenu(word_menu)
        self.deadlines = DeadlineList(self)
        deadlines_heading = QLabel(self.tr("Deadlines, next 30 days"), self)
        bold = deadlines_heading.font()
        bold.setBold(True)
        deadlines_heading.setFont(bold)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.details)
        side_layout.addLayout(actions)
        side_layout.addWidget(deadlines_heading)
        side_layout.addWidget(self.deadlines, 1)

        top = QHBoxLayout()
        for widget in (self.today_button, self.prev_button, self.next_button):
            top.addWidget(widget)
        top.addWidget(self.title, 1)
        top.addWidget(self.view_choice)
        top.addWidget(self.scope)
        top.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.views)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.papers = MeetingPapers(context, lanes, self)
        self.papers.gone.connect(self._meeting_gone)
        self._select(None)
        self._update_new_button()

    # -- navigation -------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self._update_new_button()
        if self.isVisible():
            self.reload()

    def _update_new_button(self) -> None:
        self.new_button.setEnabled(self.case_id is not None)
        self.new_button.setToolTip(
            "" if self.case_id else self.tr("Open a case first: a meeting belongs to a case.")
        )

    def _view_changed(self) -> None:
        self.views.setCurrentIndex(self.view_choice.currentIndex())
        self.reload()

    def navigate(self, step: int) -> None:
        if step == 0:
            self.anchor = local_today()
        elif self.view_choice.currentIndex() == VIEW_WEEK:
            self.anchor += timedelta(weeks=step)
        else:
            month = self.anchor.month - 1 + step
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    def _show_week_of(self, day: object) -> None:
        assert isinstance(day, date)
        self.anchor = day
        self.view_choice.setCurrentIndex(VIEW_WEEK)

    def visible_range(self) -> tuple[date, date]:
        if self.view_choice.currentIndex() == VIEW_WEEK:
            start = monday_of(self.anchor)
            return start, start + timedelta(days=7)
        first = self.anchor.replace(day=1)
        start = monday_of(first)
        return start, start + timedelta(days=42)

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        start, end = self.visible_range()
        scope = self.scope.currentData()
        user = self._context.user
        sessions = self._context.sessions
        today = local_today()
        self._request += 1
        request = self._request

        # Imports happen here, on the GUI thread: a first import inside a worker thread can
        # deadlock against Qt's import hook.
        from app.services.cases.deadlines import deadlines_for_user, upcoming

        def job() -> tuple[list[MeetingInfo], list[Deadline]]:
            first = datetime.combine(start, time(0), LOCAL_TZ)
            last = datetime.combine(end, time(0), LOCAL_TZ)
            with sessions() as session:
                meetings = meetings_between(
                    session,
                    first,
                    last,
                    user_id=user.id if scope == SCOPE_MINE else None,
                    team=(user.team or None) if scope == SCOPE_TEAM else None,
                )
                due = upcoming(deadlines_for_user(session, user.id, today), today)
            return meetings, due

        self.worker.submit(job, lambda result: self._arrived(result, request), self._failed)

    def _arrived(self, result: tuple[list[MeetingInfo], list[Deadline]], request: int) -> None:
        if request != self._request:
            return
        self.meetings, due = result
        start, end = self.visible_range()
        if not self._holidays or start.year not in {d.year for d in self._holidays}:
            self._holidays = danish_holidays(start.year - 1, end.year + 1)
        today = local_today()
        if self.view_choice.currentIndex() == VIEW_WEEK:
            monday = monday_of(self.anchor)
            self.week.show_week(monday, self.meetings, self._holidays, today)
            self.title.setText(
                self.tr("Week %1, %2 – %3")
                .replace("%1", str(iso_week(monday)))
                .replace("%2", format_date(monday))
                .replace("%3", format_date(monday + timedelta(days=6)))
            )
        else:
            self.month.show_month(self.anchor.year, self.anchor.month, self.meetings, self._holidays, today)
            from PySide6.QtCore import QLocale

            self.title.setText(
                f"{QLocale().standaloneMonthName(self.anchor.month).capitalize()} {self.anchor.year}"
            )
        self.deadlines.show_deadlines(due, today)
        if self.selected is not None:
            self._select(next((m for m in self.meetings if m.id == self.selected.id), None))
        if self._pending_meeting is not None:
            self._select_pending()
        self.loaded.emit()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, SQLAlchemyError):
            log.warning("Reading the calendar failed: %s", type(exc).__name__)
            self.title.setText(self.tr("The database did not answer."))
            return
        raise exc

    # -- a meeting --------------------------------------------------------------------------
    def show_meeting(self, meeting_id: int) -> None:
        """Show one meeting, opened from elsewhere ("Min dag"): its week, the meeting chosen.
        Its day is read on the store lane; a meeting outside the chosen scope (one I only take
        part in) widens the scope to all."""
        sessions = self._context.sessions

        def job() -> MeetingInfo:
            with sessions() as session:
                return meeting_info(session, meeting_id)

        self.worker.submit(job, self._show_found, self._not_found, owner=self)

    def _show_found(self, meeting: MeetingInfo) -> None:
        self._pending_meeting = meeting.id
        self.anchor = meeting.starts_at.date()
        if self.view_choice.currentIndex() != VIEW_WEEK:
            self.view_choice.setCurrentIndex(VIEW_WEEK)  # reads the week
        else:
            self.reload()

    def _not_found(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self._meeting_gone()
            return
        self._store_problem(exc)

    def _select_pending(self) -> None:
        found = next((m for m in self.meetings if m.id == self._pending_meeting), None)
        if found is None and self.scope.currentData() != SCOPE_ALL:
            self.scope.setCurrentIndex(self.scope.findData(SCOPE_ALL))  # reads again
            return
        self._pending_meeting = None
        if found is not None:
            self._select(found)

    def open_meeting(self, meeting_id: int) -> None:
        self._select(next((m for m in self.meetings if m.id == meeting_id), None))

    def _select(self, meeting: MeetingInfo | None) -> None:
        self.selected = meeting
        if meeting is None:
            self.details.setText(self.tr("Click a meeting to see it here."))
        else:
            people = ", ".join(p.name for p in meeting.participants)
            lines = [
                f"<b>{label(meeting.kind)}</b> · {label(meeting.status)}",
                f"{meeting.case_number} {meeting.case_title}",
                f"{format_date(meeting.starts_at.date())} {meeting.starts_at.strftime('%H.%M')}–{meeting.ends_at.strftime('%H.%M')}",
                meeting.place or meeting.video_link,
                people,
            ]
            if meeting.held_without_minutes:
                lines.append(
                    f"<span style='{error_style()}'>" + self.tr("Held, but no minutes yet.") + "</span>"
                )
            from html import escape

            self.details.setText("<br>".join(escape(x) if not x.startswith("<") else x for x in lines if x))
        planned = meeting is not None and meeting.status == MeetingStatus.PLANNED
        for key, button in self.meeting_buttons.items():
            enabled = meeting is not None
            if key == "cancel":
                enabled = planned
            if key == "edit":  # a cancelled meeting is not changed; a held one can be corrected
                enabled = meeting is not None and meeting.status != MeetingStatus.CANCELLED
            if key == "slip":
                enabled = meeting is not None and meeting.status != MeetingStatus.CANCELLED
            if key == "minutes":
                enabled = (
                    meeting is not None
                    and meeting.status != MeetingStatus.CANCELLED
                    and meeting.starts_at.date() <= local_today()
                )
            button.setEnabled(enabled)

    def new_meeting(self, start: object) -> None:
        if self.case_id is None:
            return
        moment = start if isinstance(start, datetime) else None
        if MeetingDialog.ask(self._context, self.lanes, self.case_id, None, moment, self) is not None:
            self.changed.emit()
            self.reload()

    def edit_selected(self) -> None:
        if self.selected is None:
            return
        if (
            MeetingDialog.ask(self._context, self.lanes, self.selected.case_id, self.selected, None, self)
            is not None
        ):
            self.changed.emit()
            self.reload()

    def move_meeting(self, meeting_id: int, new_start: object) -> None:
        """A meeting dragged to another time: moved on the store lane, then read again."""
        meeting = next((m for m in self.meetings if m.id == meeting_id), None)
        if meeting is None or not isinstance(new_start, datetime):
            return
        sessions, version, now = self._context.sessions, meeting.version, local_now()

        def job() -> None:
            with sessions.begin() as session:
                move_meeting(session, meeting_id, new_start, version, now)

        self.worker.submit(job, lambda _none: self._changed(), self._not_moved)

    def _changed(self) -> None:
        self.changed.emit()
        self.reload()

    def _not_moved(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            QMessageBox.information(
                self, self.tr("Not moved"), " ".join(problem_text(p.problem) for p in exc.problems)
            )
        elif isinstance(exc, ConcurrentEditError | RowGoneError):
            QMessageBox.information(
                self, self.tr("Not moved"), self.tr("Someone else changed the meeting. Look again.")
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Moving a meeting failed")
            QMessageBox.warning(
                self, self.tr("Not moved"), self.tr("The database did not answer. Try again.")
            )
        else:
            raise exc
        self.reload()

    def cancel_selected(self) -> None:
        meeting = self.selected
        if meeting is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel meeting"),
            self.tr(
                "Cancel the meeting on %1? Send the cancellation (.ics) to the participants afterwards."
            ).replace("%1", format_date(meeting.starts_at.date())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        sessions, meeting_id, version = self._context.sessions, meeting.id, meeting.version

        def job() -> None:
            with sessions.begin() as session:
                cancel_meeting(session, meeting_id, version)

        self.worker.submit(job, lambda _none: self._changed(), self._not_cancelled)

    def _not_cancelled(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError | ConcurrentEditError | RowGoneError):
            QMessageBox.information(
                self, self.tr("Not cancelled"), self.tr("The meeting was changed meanwhile. Look again.")
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Cancelling a meeting failed")
            QMessageBox.warning(
                self, self.tr("Not cancelled"), self.tr("The database did not answer. Try again.")
            )
        else:
            raise exc
        self.reload()

    def minutes_selected(self) -> None:
        meeting = self.selected
        if meeting is None:
            return
        from app.services.plan.plan_document import load_plan_document

        sessions, case_id = self._context.sessions, meeting.case_id

        def job() -> PlanDocument:
            with sessions() as session:
                return load_plan_document(session, case_id)

        self.worker.submit(job, lambda doc: self._write_minutes(meeting, doc), self._store_problem)

    def _write_minutes(self, meeting: MeetingInfo, doc: PlanDocument) -> None:
        if MinutesDialog.ask(self._context, self.lanes, meeting, doc, local_today(), self) is not None:
            self.changed.emit()
            self.reload()

    def _store_problem(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading for the calendar failed: %s", type(exc).__name__)
        QMessageBox.warning(
            self, self.tr("Database problem"), self.tr("The database did not answer. Try again.")
        )

    def _meeting_gone(self) -> None:
        self._select(None)
        self.reload()

    def export_invitation(self) -> None:
        if self.selected is not None and not self.papers.busy:
            self.papers.export_invitation(self.selected.id)

    def export_pdf(self, what: str, fmt: str = "pdf") -> None:
        """Save a paper of the selected meeting as PDF, or (``fmt`` "docx") as a Word file."""
        if self.selected is not None and not self.papers.busy:
            self.papers.export_pdf(self.selected.id, what, fmt)
