"""Plan or change a meeting: kind, time, place or video link, participants from the family and
its network plus free guests, interpreter; conflicts shown with the next free times. The
minutes of a held meeting are in minutes_dialog.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.models import Meeting
from app.models.enums import MeetingKind, MeetingStatus
from app.services.common.clock import LOCAL_TZ, local_now
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError, saved_stamp
from app.services.common.validation import FieldProblem, ValidationError
from app.services.meetings.meetings import (
    MeetingInfo,
    MeetingInput,
    ParticipantInfo,
    ParticipantInput,
    create_meeting,
    meeting_info,
    participant_choices,
    update_meeting,
    validate_meeting,
)
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.date_fields import datetime_edit, from_qdatetime, to_qdatetime, to_the_second
from app.ui.common.enum_combo import enum_combo
from app.ui.common.form_dialog import StoredRow
from app.ui.common.formatting import format_datetime
from app.ui.common.lane_form import LaneFormDialog, SaveJob

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _now() -> datetime:
    return local_now()


def stored_meeting(sessions: Any, meeting_id: int) -> Callable[[], tuple[MeetingInfo, str, datetime | None]]:
    """A job: the meeting as stored now, with who saved it last and when (RowGoneError when gone)."""

    def job() -> tuple[MeetingInfo, str, datetime | None]:
        with sessions() as session:
            saved_by, saved_at = saved_stamp(session, Meeting, meeting_id)
            try:
                info = meeting_info(session, meeting_id)
            except ValidationError as exc:
                raise RowGoneError(f"meetings {meeting_id}") from exc
        return info, saved_by, saved_at

    return job


def ordered_keys(listed: list[str], keys: list[str]) -> list[str]:
    """``keys`` in the order of the list in the form (keys not listed last, as they come)."""
    position = {key: index for index, key in enumerate(listed)}
    return sorted(keys, key=lambda key: position.get(key, len(listed)))


class MeetingDialog(LaneFormDialog):
    FIELD_KEYS: ClassVar[dict[str, str]] = {"interpreter_needed": "interpreter"}

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        meeting: MeetingInfo | None = None,
        start: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change meeting") if meeting else self.tr("New meeting"), lanes, parent)
        self.setMinimumWidth(640)
        self._context = context
        self._case_id = case_id
        self._meeting = meeting
        self.choices: list[ParticipantInfo] = []  # the family and its network, read on the lane
        self.ready = False  # the choices have arrived
        begin = meeting.starts_at if meeting else (start or self._default_start())
        length = (meeting.ends_at - meeting.starts_at) if meeting else timedelta(hours=1)
        self.kind = enum_combo(self, list(MeetingKind), meeting.kind if meeting else MeetingKind.NETWORK)
        self.kind.setObjectName("meetingKind")
        self.starts = datetime_edit(self, begin)
        self.starts.setObjectName("meetingStart")
        self.ends = datetime_edit(self, begin + length)
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
        self.guests: list[tuple[str, str]] = [
            (p.name, p.email) for p in (meeting.participants if meeting else ()) if p.key.startswith("guest:")
        ]
        self.guest_name = QLineEdit(self)
        self.guest_name.setPlaceholderText(self.tr("Guest's name"))
        self.guest_email = QLineEdit(self)
        self.guest_email.setPlaceholderText(self.tr("E-mail (for the invitation)"))
        self.guest_name.setAccessibleName(self.tr("Guest's name"))
        self.guest_email.setAccessibleName(self.tr("Guest's e-mail"))
        self.guest_email.setProperty("no_label", "named; beside the guest's name")
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
        self._busy_window: tuple[Any, ...] | None = None  # (keys, first day, last day, busy times)
        self._reading_busy: tuple[tuple[str, ...], date, date] | None = None  # asked, not arrived
        self._names: dict[str, str] = {}
        if meeting is not None:
            self._names.update((p.key, p.name) for p in meeting.participants)
        self.buttons.setEnabled(False)  # until the choices are read
        self.refresh()
        self.starts.dateTimeChanged.connect(self._check_conflicts)
        self.ends.dateTimeChanged.connect(self._check_conflicts)
        self.people.itemChanged.connect(self._check_conflicts)
        sessions = context.sessions

        def job() -> list[ParticipantInfo]:
            with sessions() as session:
                return participant_choices(session, case_id)

        lanes.store.submit(job, self._choices_arrived, owner=self)

    def _choices_arrived(self, choices: list[ParticipantInfo]) -> None:
        meeting = self._meeting
        self.choices = choices
        chosen = (
            set(meeting.participant_keys) if meeting else {c.key for c in choices if c.role != "professional"}
        )
        self.people.blockSignals(True)
        for choice in choices:
            item = QListWidgetItem(
                f"{choice.name}" + (f" <{choice.email}>" if choice.email else ""), self.people
            )
            item.setData(KEY_ROLE, choice.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if choice.key in chosen else Qt.CheckState.Unchecked)
        self.people.blockSignals(False)
        self._names.update({c.key: c.name for c in choices})
        if meeting is not None:
            self._names.update((p.key, p.name) for p in meeting.participants)
            self.edit_version = meeting.version
            self.remember_base()
        self.ready = True
        self.buttons.setEnabled(not self.saving)
        self.refresh()
        self._check_conflicts()

    @property
    def checking(self) -> bool:
        """The participants' busy times are being read for the conflict check."""
        return self._reading_busy is not None

    @override
    def try_save(self) -> bool:
        return self.ready and super().try_save()

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

    @override
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

    @override
    def error_key(self, field: str) -> str:
        if field.startswith("participants."):
            return "guests"
        return super().error_key(field)

    @override
    def collect_problems(self) -> list[FieldProblem]:
        return validate_meeting(self.data(), _now())

    def _check_conflicts(self) -> None:
        """Double bookings and the family's weekly times, with the next free times."""
        data = self.data()
        if not self.ready or data.starts_at is None or data.ends_at is None or data.ends_at <= data.starts_at:
            return
        keys = tuple(self.keys())
        day = data.starts_at.date()
        window = self._busy_window
        # Read the participants' busy times once per choice of people and 2-month window (on
        # the store lane); moving the time inside it only recomputes (no query per keystroke).
        if window is not None and window[0] == keys and window[1] <= day <= window[2] - timedelta(days=30):
            self._show_conflicts(window[3])
            return
        first, last = day - timedelta(days=1), day + timedelta(days=61)
        if self._reading_busy == (keys, first, last):
            return
        self._reading_busy = (keys, first, last)
        from app.services.meetings.free_slots import busy_times

        sessions, exclude = self._context.sessions, self._meeting.id if self._meeting else None

        def job() -> Any:
            with sessions() as session:
                return busy_times(session, list(keys), first, last, exclude_meeting_id=exclude)

        def arrived(busy: Any) -> None:
            self._reading_busy = None
            self._busy_window = (keys, first, last, busy)
            self._check_conflicts()

        self.lanes.store.submit(job, arrived, owner=self)

    def _show_conflicts(self, busy: Any) -> None:
        from app.services.meetings.free_slots import conflicts, next_free_slots

        data = self.data()
        assert data.starts_at is not None and data.ends_at is not None
        keys = self.keys()
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
            self.conflicts.setStyleSheet(error_style())
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

    @override
    def job_for(self, data: MeetingInput, version: int | None) -> SaveJob:
        sessions, now = self._context.sessions, _now()
        meeting_id = self._meeting.id if self._meeting is not None else None

        def job() -> int:
            with sessions.begin() as session:
                if meeting_id is None:
                    return create_meeting(session, data, now)
                update_meeting(session, meeting_id, data, version, now)
                return meeting_id

        return job

    # -- when someone else saved first ------------------------------------------------------
    def _listed_keys(self) -> list[str]:
        return [str(self.people.item(i).data(KEY_ROLE)) for i in range(self.people.count())]

    def input_of(self, info: MeetingInfo) -> MeetingInput:
        """A stored meeting as the input the form gives (for comparing field by field)."""
        keys = [p.key for p in info.participants if not p.key.startswith("guest:")]
        participants = [ParticipantInput(key) for key in ordered_keys(self._listed_keys(), keys)]
        participants += [
            ParticipantInput("guest:", p.name, p.email)
            for p in info.participants
            if p.key.startswith("guest:")
        ]
        return MeetingInput(
            case_id=self._case_id,
            kind=MeetingKind(info.kind),
            starts_at=to_the_second(info.starts_at),
            ends_at=to_the_second(info.ends_at),
            place=info.place,
            video_link=info.video_link,
            interpreter_needed=info.interpreter_needed,
            participants=participants,
            held=info.status == MeetingStatus.HELD,
        )

    @override
    def stored_job(self) -> Callable[[], tuple[MeetingInfo, str, datetime | None]] | None:
        return None if self._meeting is None else stored_meeting(self._context.sessions, self._meeting.id)

    @override
    def stored_row(self, fetched: tuple[MeetingInfo, str, datetime | None]) -> StoredRow:
        info, saved_by, saved_at = fetched
        self._names.update((p.key, p.name) for p in info.participants)
        return StoredRow(self.input_of(info), info.version, saved_by, saved_at)

    @override
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

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "participants":
            names = [
                (p.guest_name if p.key.startswith("guest:") else self._names.get(p.key, p.key)) for p in value
            ]
            return ", ".join(names) or self.tr("Nobody")
        return super().describe(field, value)
