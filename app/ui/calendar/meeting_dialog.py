"""Plan or change a meeting: kind, time, place or video link, participants from the family and
its network plus free guests, interpreter; conflicts shown with the next free times.

Also the minutes of a held meeting: decisions, agreements closed and added, scores — which
flow back into the plan.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import Meeting
from app.models.enums import AgreementStatus, MeetingKind, MeetingStatus, ResponsibleKind
from app.services.common.clock import LOCAL_TZ, from_local_wall, local_now, local_wall
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.meetings.meetings import (
    MeetingInfo,
    MeetingInput,
    MinutesInput,
    NewAgreement,
    ParticipantInfo,
    ParticipantInput,
    ScoreInput,
    create_meeting,
    meeting_info,
    participant_choices,
    record_minutes,
    update_meeting,
    validate_meeting,
)
from app.services.plan.plan_document import PlanDocument, load_plan_document
from app.services.plan.plans import PlanConflictError, PlanDraft, PlanSeen
from app.ui.common.form_dialog import ERROR_STYLE, FormDialog, StoredRow, saved_stamp
from app.ui.common.formatting import format_datetime
from app.ui.family.family_dialogs import OptionalDate, enum_combo
from app.ui.plan.plan_dialogs import NO_SCORE, score_box

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _now() -> datetime:
    return local_now()


# Qt's date/time widgets would read and show a moment in the computer's own zone. They are
# given the Copenhagen wall-clock time instead, held as a zone-less (UTC-spec) value, and
# app.services.common.clock does the one conversion between that wall time and the stored moment.


def to_qdatetime(moment: datetime) -> QDateTime:
    wall = local_wall(moment)
    return QDateTime(
        QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute, wall.second), QTimeZone.utc()
    )


def from_qdatetime(value: QDateTime) -> datetime:
    day, at = value.date(), value.time()
    wall = datetime(day.year(), day.month(), day.day(), at.hour(), at.minute(), at.second())
    return from_local_wall(wall)


def _to_the_second(moment: datetime) -> datetime:
    """What a date-time field holds: local time, whole seconds."""
    return from_qdatetime(to_qdatetime(moment))


def _stored_meeting(context: AppContext, meeting_id: int) -> tuple[MeetingInfo, str, datetime | None]:
    """The meeting as stored now, with who saved it last and when (RowGoneError when gone)."""
    with context.sessions() as session:
        saved_by, saved_at = saved_stamp(session, Meeting, meeting_id)
        try:
            info = meeting_info(session, meeting_id)
        except ValidationError as exc:
            raise RowGoneError(f"meetings {meeting_id}") from exc
    return info, saved_by, saved_at


def _ordered_keys(listed: list[str], keys: list[str]) -> list[str]:
    """``keys`` in the order of the list in the form (keys not listed last, as they come)."""
    position = {key: index for index, key in enumerate(listed)}
    return sorted(keys, key=lambda key: position.get(key, len(listed)))


def _datetime_edit(parent: QWidget, moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(QTimeZone.utc())  # holds Copenhagen wall time; see to_qdatetime
    edit.setDateTime(to_qdatetime(moment))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy HH.mm")
    return edit


class MeetingDialog(FormDialog):
    FIELD_KEYS: ClassVar[dict[str, str]] = {"interpreter_needed": "interpreter"}

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        meeting: MeetingInfo | None = None,
        start: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change meeting") if meeting else self.tr("New meeting"), parent)
        self.setMinimumWidth(640)
        self._context = context
        self._case_id = case_id
        self._meeting = meeting
        with context.sessions() as session:
            self.choices: list[ParticipantInfo] = participant_choices(session, case_id)
        begin = meeting.starts_at if meeting else (start or self._default_start())
        length = (meeting.ends_at - meeting.starts_at) if meeting else timedelta(hours=1)
        self.kind = enum_combo(self, list(MeetingKind), meeting.kind if meeting else MeetingKind.NETWORK)
        self.kind.setObjectName("meetingKind")
        self.starts = _datetime_edit(self, begin)
        self.starts.setObjectName("meetingStart")
        self.ends = _datetime_edit(self, begin + length)
        self.ends.setObjectName("meetingEnd")
        self.place = QLineEdit(meeting.place if meeting else "", self)
        self.place.setPlaceholderText(self.tr("e.g. Rådhuset, mødelokale 2"))
        self.video = QLineEdit(meeting.video_link if meeting else "", self)
        self.video.setPlaceholderText(self.tr("Link to a video meeting, if any"))
        self.interpreter = QCheckBox(self.tr("An interpreter is needed"), self)
        self.interpreter.setChecked(bool(meeting and meeting.interpreter_needed))
        self.held = QCheckBox(self.tr("The meeting has been held (recording it afterwards)"), self)
        self.held.setObjectName("meetingHeld")
        self.people = QListWidget(self)
        self.people.setObjectName("meetingParticipants")
        self.people.setMinimumHeight(150)
        chosen = (
            set(meeting.participant_keys)
            if meeting
            else {c.key for c in self.choices if c.role != "professional"}
        )
        for choice in self.choices:
            item = QListWidgetItem(
                f"{choice.name}" + (f" <{choice.email}>" if choice.email else ""), self.people
            )
            item.setData(KEY_ROLE, choice.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.key in chosen else Qt.CheckState.Unchecked)
        self.guests: list[tuple[str, str]] = [
            (p.name, p.email) for p in (meeting.participants if meeting else ()) if p.key.startswith("guest:")
        ]
        self.guest_name = QLineEdit(self)
        self.guest_name.setPlaceholderText(self.tr("Guest's name"))
        self.guest_email = QLineEdit(self)
        self.guest_email.setPlaceholderText(self.tr("E-mail (for the invitation)"))
        add_guest = QPushButton(self.tr("Add guest"), self)
        add_guest.clicked.connect(self._add_guest)
        self.guest_list = QLabel(self)
        self.guest_list.setWordWrap(True)
        guests = QWidget(self)
        guest_row = QHBoxLayout()
        guest_row.setContentsMargins(0, 0, 0, 0)
        guest_row.addWidget(self.guest_name)
        guest_row.addWidget(self.guest_email)
        guest_row.addWidget(add_guest)
        guest_box = QVBoxLayout(guests)
        guest_box.setContentsMargins(0, 0, 0, 0)
        guest_box.addLayout(guest_row)
        guest_box.addWidget(self.guest_list)
        self.conflicts = QLabel(self)
        self.conflicts.setObjectName("meetingConflicts")
        self.conflicts.setWordWrap(True)
        self.free_times = QComboBox(self)
        self.free_times.setObjectName("freeTimes")
        self.use_free = QPushButton(self.tr("Use this time"), self)
        self.use_free.clicked.connect(self._use_free_time)
        free = QWidget(self)
        free_row = QHBoxLayout(free)
        free_row.setContentsMargins(0, 0, 0, 0)
        free_row.addWidget(self.free_times, 1)
        free_row.addWidget(self.use_free)

        self.add_field("kind", self.tr("Kind of meeting"), self.kind)
        self.add_field("starts_at", self.tr("Starts"), self.starts)
        self.add_field("ends_at", self.tr("Ends"), self.ends)
        self.add_field("place", self.tr("Place"), self.place)
        self.add_field("video_link", self.tr("Video link"), self.video)
        self.add_field("participants", self.tr("Participants"), self.people)
        self.add_field("guests", self.tr("Guests"), guests)
        self.add_field("interpreter", self.tr("Interpreter"), self.interpreter)
        self.add_field("held", self.tr("Held"), self.held)
        self.add_field("conflicts", self.tr("Conflicts"), self.conflicts)
        self.add_field("free", self.tr("Free times"), free)
        self._show_guests()
        self.watch("starts_at", self.starts.dateTimeChanged)
        self.watch("ends_at", self.ends.dateTimeChanged)
        self.watch("participants", self.people.itemChanged)
        self.watch("starts_at", self.held.toggled)
        self.starts.dateTimeChanged.connect(self._keep_length)
        self._length = length
        self._busy_window: tuple | None = None  # (keys, first day, last day, busy times)
        self.refresh()
        self._check_conflicts()
        self.starts.dateTimeChanged.connect(self._check_conflicts)
        self.ends.dateTimeChanged.connect(self._check_conflicts)
        self.people.itemChanged.connect(self._check_conflicts)
        self._names = {c.key: c.name for c in self.choices}
        if meeting is not None:
            self._names.update((p.key, p.name) for p in meeting.participants)
            self.edit_version = meeting.version
            self.remember_base()

    @staticmethod
    def _default_start() -> datetime:
        tomorrow = (_now() + timedelta(days=1)).date()
        return datetime.combine(tomorrow, time(10, 0), LOCAL_TZ)

    def _keep_length(self) -> None:
        self.ends.blockSignals(True)
        self.ends.setDateTime(to_qdatetime(from_qdatetime(self.starts.dateTime()) + self._length))
        self.ends.blockSignals(False)

    def _add_guest(self) -> None:
        name = self.guest_name.text().strip()
        if not name:
            self.guest_name.setFocus()
            return
        self.guests.append((name, self.guest_email.text().strip()))
        self.guest_name.clear()
        self.guest_email.clear()
        self._show_guests()
        self.refresh()

    def _show_guests(self) -> None:
        self.guest_list.setText(
            ", ".join(f"{n} <{e}>" if e else n for n, e in self.guests) or self.tr("No guests.")
        )

    def keys(self) -> list[str]:
        return [
            str(self.people.item(i).data(KEY_ROLE))
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def data(self) -> MeetingInput:
        participants = [ParticipantInput(key) for key in self.keys()]
        participants += [ParticipantInput("guest:", name, email) for name, email in self.guests]
        return MeetingInput(
            case_id=self._case_id,
            kind=MeetingKind(self.kind.currentData()),
            starts_at=from_qdatetime(self.starts.dateTime()),
            ends_at=from_qdatetime(self.ends.dateTime()),
            place=self.place.text(),
            video_link=self.video.text(),
            interpreter_needed=self.interpreter.isChecked(),
            participants=participants,
            held=self.held.isChecked() or bool(self._meeting and self._meeting.status == "held"),
        )

    def error_key(self, field: str) -> str:
        if field.startswith("participants."):
            return "guests"
        return super().error_key(field)

    def collect_problems(self) -> list[FieldProblem]:
        return validate_meeting(self.data(), _now())

    def _check_conflicts(self) -> None:
        """Double bookings and the family's weekly times, with the next free times."""
        from app.services.meetings.free_slots import busy_times, conflicts, next_free_slots

        data = self.data()
        if data.starts_at is None or data.ends_at is None or data.ends_at <= data.starts_at:
            return
        keys = self.keys()
        day = data.starts_at.date()
        window = self._busy_window
        # Read the participants' busy times once per choice of people and 2-month window;
        # moving the time inside it only recomputes (no query per keystroke).
        if (
            window is None
            or window[0] != tuple(keys)
            or not window[1] <= day <= window[2] - timedelta(days=30)
        ):
            first, last = day - timedelta(days=1), day + timedelta(days=61)
            with self._context.sessions() as session:
                busy = busy_times(
                    session, keys, first, last, exclude_meeting_id=self._meeting.id if self._meeting else None
                )
            self._busy_window = (tuple(keys), first, last, busy)
        busy = self._busy_window[3]  # type: ignore[index]
        found = conflicts(data.starts_at, data.ends_at, keys, busy)
        names = {c.key: c.name for c in self.choices}
        if found:
            lines = [
                self.tr("%1 is busy %2–%3.")
                .replace("%1", names.get(b.who, b.who))
                .replace("%2", format_datetime(b.start))
                .replace("%3", b.end.astimezone(LOCAL_TZ).strftime("%H.%M"))
                for b in found[:5]
            ]
            self.conflicts.setText("\n".join(lines))
            self.conflicts.setStyleSheet(ERROR_STYLE)
        else:
            self.conflicts.setText(self.tr("Nobody is double-booked."))
            self.conflicts.setStyleSheet("")
        self.free_times.clear()
        after = max(_now(), data.starts_at - timedelta(hours=2))
        for moment in next_free_slots(busy, keys, data.ends_at - data.starts_at, after, count=5):
            self.free_times.addItem(format_datetime(moment), moment.isoformat())
        self.use_free.setEnabled(self.free_times.count() > 0)

    def _use_free_time(self) -> None:
        value = self.free_times.currentData()
        if value:
            self.starts.setDateTime(to_qdatetime(datetime.fromisoformat(str(value))))

    def store_data(self, data: MeetingInput, version: int | None) -> None:
        with self._context.sessions.begin() as session:
            if self._meeting is None:
                self.stored_id = create_meeting(session, data, _now())
            else:
                update_meeting(session, self._meeting.id, data, version, _now())
                self.stored_id = self._meeting.id

    # -- when someone else saved first ------------------------------------------------------
    def _listed_keys(self) -> list[str]:
        return [str(self.people.item(i).data(KEY_ROLE)) for i in range(self.people.count())]

    def input_of(self, info: MeetingInfo) -> MeetingInput:
        """A stored meeting as the input the form gives (for comparing field by field)."""
        keys = [p.key for p in info.participants if not p.key.startswith("guest:")]
        participants = [ParticipantInput(key) for key in _ordered_keys(self._listed_keys(), keys)]
        participants += [
            ParticipantInput("guest:", p.name, p.email)
            for p in info.participants
            if p.key.startswith("guest:")
        ]
        return MeetingInput(
            case_id=self._case_id,
            kind=MeetingKind(info.kind),
            starts_at=_to_the_second(info.starts_at),
            ends_at=_to_the_second(info.ends_at),
            place=info.place,
            video_link=info.video_link,
            interpreter_needed=info.interpreter_needed,
            participants=participants,
            held=info.status == MeetingStatus.HELD,
        )

    def stored_now(self) -> StoredRow | None:
        if self._meeting is None:
            return None
        info, saved_by, saved_at = _stored_meeting(self._context, self._meeting.id)
        self._names.update((p.key, p.name) for p in info.participants)
        return StoredRow(self.input_of(info), info.version, saved_by, saved_at)

    def show_data(self, data: MeetingInput) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        if data.starts_at is not None:
            self.starts.setDateTime(to_qdatetime(data.starts_at))
        if data.ends_at is not None:
            self.ends.setDateTime(to_qdatetime(data.ends_at))
        if data.starts_at is not None and data.ends_at is not None:
            self._length = data.ends_at - data.starts_at
        self.place.setText(data.place)
        self.video.setText(data.video_link)
        self.interpreter.setChecked(data.interpreter_needed)
        opened_held = self._meeting is not None and self._meeting.status == MeetingStatus.HELD
        self.held.setChecked(data.held and not opened_held)
        chosen = [p.key for p in data.participants if not p.key.startswith("guest:")]
        self.people.blockSignals(True)
        listed = self._listed_keys()
        for key in chosen:
            if key not in listed:  # invited by the other person, not offered when the form opened
                item = QListWidgetItem(self._names.get(key, key), self.people)
                item.setData(KEY_ROLE, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for i in range(self.people.count()):
            item = self.people.item(i)
            checked = str(item.data(KEY_ROLE)) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.people.blockSignals(False)
        self.guests = [(p.guest_name, p.guest_email) for p in data.participants if p.key.startswith("guest:")]
        self._show_guests()
        self._check_conflicts()

    def describe(self, field: str, value: Any) -> str:
        if field == "participants":
            names = [
                (p.guest_name if p.key.startswith("guest:") else self._names.get(p.key, p.key)) for p in value
            ]
            return ", ".join(names) or self.tr("Nobody")
        return super().describe(field, value)


class MinutesDialog(FormDialog):
    """The minutes of a meeting: they flow back into the plan."""

    def __init__(
        self,
        context: AppContext,
        meeting: MeetingInfo,
        plan: PlanDocument,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Minutes"), parent)
        self.setMinimumWidth(760)
        self._context = context
        self._meeting = meeting
        self._today = today
        what = QLabel(f"{meeting.case_title} · {format_datetime(meeting.starts_at)}", self)
        self.decisions = QPlainTextEdit(meeting.minutes, self)
        self.decisions.setObjectName("minutesText")
        self.decisions.setPlaceholderText(self.tr("What was said and decided (notatpligt)"))
        self.decisions.setMinimumHeight(110)
        self.attended = QListWidget(self)
        for person in meeting.participants:
            item = QListWidgetItem(person.name, self.attended)
            item.setData(KEY_ROLE, person.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            came = person.attended if person.attended is not None else True
            item.setCheckState(Qt.CheckState.Checked if came else Qt.CheckState.Unchecked)
        self.attended.setMaximumHeight(110)
        self.closed = QListWidget(self)
        self.closed.setObjectName("closeAgreements")
        self._plan_seen: PlanSeen | None = None
        self._fill_closed(plan)
        self.closed.setMaximumHeight(110)
        self.new_agreements = QTableWidget(0, 3, self)
        self.new_agreements.setObjectName("newAgreements")
        self.new_agreements.setHorizontalHeaderLabels([self.tr("What"), self.tr("Who"), self.tr("By when")])
        self.new_agreements.horizontalHeader().setStretchLastSection(False)
        self.new_agreements.setColumnWidth(0, 300)
        self.new_agreements.setMinimumHeight(110)
        self._who = (
            [(self.tr("(choose)"), "")]
            + [
                (p.name, f"{ResponsibleKind.MEMBER.value}:{p.key.split(':')[1]}")
                for p in meeting.participants
                if p.key.startswith("citizen:")
            ]
            + [
                (p.name, f"{ResponsibleKind.PROFESSIONAL.value}:{p.key.split(':')[1]}")
                for p in meeting.participants
                if p.key.startswith("professional:")
            ]
            + [
                (
                    self.tr("%1 (coordinator)").replace("%1", meeting.coordinator_name),
                    f"{ResponsibleKind.COORDINATOR.value}:{meeting.coordinator_id}",
                )
            ]
        )
        add = QPushButton(self.tr("New agreement"), self)
        add.setObjectName("addMinutesAgreement")
        add.clicked.connect(self.add_agreement)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.new_agreements)
        table_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.scores = QTableWidget(0, 3, self)
        self.scores.setObjectName("minutesScores")
        self.scores.setHorizontalHeaderLabels(
            [self.tr("Goal"), self.tr("The family (0–10)"), self.tr("Professionals (0–10)")]
        )
        self.scores.setColumnWidth(0, 360)
        for goal in plan.plan.goals if plan.plan else ():
            row = self.scores.rowCount()
            self.scores.insertRow(row)
            item = QTableWidgetItem(goal.text)
            item.setData(KEY_ROLE, goal.goal_key)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.scores.setItem(row, 0, item)
            self.scores.setCellWidget(row, 1, score_box(self.scores))
            self.scores.setCellWidget(row, 2, score_box(self.scores))
        self.scores.setMinimumHeight(120)
        self.add_field("meeting", self.tr("Meeting"), what)
        self.add_field("decisions", self.tr("Minutes"), self.decisions)
        self.add_field("attended", self.tr("Who came"), self.attended)
        self.add_field("closed", self.tr("Agreements done"), self.closed)
        self.add_field("new", self.tr("New agreements"), table_box)
        self.add_field("scores", self.tr("Progression scores"), self.scores)
        self.watch("decisions", self.decisions.textChanged)
        self.refresh()
        self.edit_version = meeting.version
        self.remember_base()

    def _fill_closed(self, plan: PlanDocument) -> None:
        """The plan's open agreements to tick as done, each by its key (not its place): the
        minutes close the agreement meant even if someone inserted another before it."""
        checked = {
            str(self.closed.item(i).data(KEY_ROLE))
            for i in range(self.closed.count())
            if self.closed.item(i).checkState() == Qt.CheckState.Checked
        }
        self.closed.clear()
        view = plan.plan
        self._plan_seen = (
            PlanSeen(view.id, view.row_version, PlanDraft.from_view(view)) if view is not None else None
        )
        for agreement in view.agreements if view is not None else ():
            if agreement.status != AgreementStatus.OPEN:
                continue
            item = QListWidgetItem(f"{agreement.what} — {agreement.responsible_name}", self.closed)
            item.setData(KEY_ROLE, agreement.agreement_key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            done = agreement.agreement_key in checked
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def add_agreement(self) -> int:
        row = self.new_agreements.rowCount()
        self.new_agreements.insertRow(row)
        self.new_agreements.setItem(row, 0, QTableWidgetItem(""))
        who = QComboBox(self.new_agreements)
        for text, value in self._who:
            who.addItem(text, value)
        self.new_agreements.setCellWidget(row, 1, who)
        due = OptionalDate("", self._today + timedelta(days=14), self._today, self.new_agreements)
        self.new_agreements.setCellWidget(row, 2, due)
        return row

    def collect_problems(self) -> list[FieldProblem]:
        problems = []
        if not self.decisions.toPlainText().strip():
            problems.append(FieldProblem("decisions", Problem.REQUIRED))
        if self._meeting.starts_at.date() > self._today:
            problems.append(FieldProblem("meeting", Problem.IN_FUTURE))
        for row in range(self.new_agreements.rowCount()):
            what = self.new_agreements.item(row, 0)
            who = self.new_agreements.cellWidget(row, 1)
            if (
                what is not None
                and what.text().strip()
                and isinstance(who, QComboBox)
                and not who.currentData()
            ):
                problems.append(FieldProblem("new", Problem.REQUIRED))
        return problems

    def minutes(self) -> MinutesInput:
        new = []
        for row in range(self.new_agreements.rowCount()):
            what = self.new_agreements.item(row, 0)
            who = self.new_agreements.cellWidget(row, 1)
            due = self.new_agreements.cellWidget(row, 2)
            if what is None or not what.text().strip():
                continue
            assert isinstance(who, QComboBox) and isinstance(due, OptionalDate)
            kind, _, ident = str(who.currentData() or "").partition(":")
            new.append(
                NewAgreement(
                    what.text().strip(),
                    ResponsibleKind(kind) if kind else None,
                    int(ident) if ident else None,
                    due.value(),
                )
            )
        scores = []
        for row in range(self.scores.rowCount()):
            family = self.scores.cellWidget(row, 1)
            pros = self.scores.cellWidget(row, 2)
            assert isinstance(family, QSpinBox) and isinstance(pros, QSpinBox)
            values = [None if b.value() == NO_SCORE else b.value() for b in (family, pros)]
            if values[0] is not None or values[1] is not None:
                scores.append(ScoreInput(str(self.scores.item(row, 0).data(KEY_ROLE)), values[0], values[1]))
        return MinutesInput(
            decisions=self.decisions.toPlainText(),
            new_agreements=new,
            closed_agreements=[
                str(self.closed.item(i).data(KEY_ROLE))
                for i in range(self.closed.count())
                if self.closed.item(i).checkState() == Qt.CheckState.Checked
            ],
            scores=scores,
            attended=[
                str(self.attended.item(i).data(KEY_ROLE))
                for i in range(self.attended.count())
                if self.attended.item(i).checkState() == Qt.CheckState.Checked
            ],
            plan_seen=self._plan_seen,
        )

    def data(self) -> MinutesInput:
        return self.minutes()

    def store_data(self, data: MinutesInput, version: int | None) -> None:
        try:
            with self._context.sessions.begin() as session:
                record_minutes(session, self._meeting.id, data, version, self._today)
        except PlanConflictError as exc:
            self._plan_changed(exc)
            raise ValidationError([]) from exc  # nothing stored; the dialog stays open
        self.stored_id = self._meeting.id

    def _plan_changed(self, exc: PlanConflictError) -> None:
        """Someone changed the plan so that the minutes cannot simply go on top (an agreement
        to close was removed or changed otherwise): show the plan's agreements as they are now
        and ask the user to look again; the text, new agreements and scores stay."""
        with self._context.sessions() as session:
            plan = load_plan_document(session, self._meeting.case_id)
        self._fill_closed(plan)
        names = "\n".join(f"• {label}" for label in exc.labels)
        QMessageBox.warning(
            self,
            self.tr("The plan was changed"),
            self.tr(
                "Someone else changed the plan's agreements while you wrote the minutes, so "
                "nothing was saved yet. The agreements are shown as they are now: check which "
                "are done and save again."
            )
            + (f"\n\n{names}" if names else ""),
        )

    # -- when someone else saved first ------------------------------------------------------
    # Only the minutes text and who came are stored on the meeting; agreements and scores go
    # into the plan, so the stored side never has any (they always stay the user's).
    def _listed_keys(self) -> list[str]:
        return [str(self.attended.item(i).data(KEY_ROLE)) for i in range(self.attended.count())]

    def stored_now(self) -> StoredRow | None:
        info, saved_by, saved_at = _stored_meeting(self._context, self._meeting.id)
        came = [p.key for p in info.participants if p.attended is None or p.attended]
        stored = MinutesInput(
            decisions=info.minutes,
            attended=_ordered_keys(self._listed_keys(), came),
            plan_seen=self._plan_seen,  # the plan is not the meeting's: always the form's
        )
        return StoredRow(stored, info.version, saved_by, saved_at)

    def show_data(self, data: MinutesInput) -> None:
        if data.decisions != self.decisions.toPlainText():
            self.decisions.setPlainText(data.decisions)
        for i in range(self.attended.count()):
            item = self.attended.item(i)
            came = str(item.data(KEY_ROLE)) in data.attended
            item.setCheckState(Qt.CheckState.Checked if came else Qt.CheckState.Unchecked)

    def describe(self, field: str, value: Any) -> str:
        if field == "attended":
            names = {
                str(self.attended.item(i).data(KEY_ROLE)): self.attended.item(i).text()
                for i in range(self.attended.count())
            }
            return ", ".join(names.get(key, key) for key in value) or self.tr("Nobody")
        return super().describe(field, value)
