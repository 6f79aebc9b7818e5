"""A journal entry: write a new one, change one while it is open, or correct one after its
lock (a new entry pointing at it). Saved on the store lane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from typing_extensions import override

from app.models import JournalEntry
from app.models.enums import JournalKind
from app.services.common.clock import now_utc
from app.services.common.context import AppContext
from app.services.common.editing import saved_stamp
from app.services.common.validation import FieldProblem
from app.services.journal.journal import (
    JournalInput,
    JournalLockedError,
    correct_entry,
    update_entry,
    validate_entry,
    write_entry,
)
from app.services.journal.journal_view import (
    AgreementChoice,
    EntryView,
    InterventionChoice,
    LinkChoices,
    MeetingChoice,
    load_entry,
)
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CaseRef
from app.ui.common.date_fields import datetime_edit, from_qdatetime, to_qdatetime
from app.ui.common.enum_combo import enum_combo
from app.ui.common.form_dialog import StoredRow
from app.ui.common.formatting import format_date, format_datetime
from app.ui.common.labels import label
from app.ui.common.lane_form import LaneFormDialog, SaveJob

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Mode(Enum):
    NEW = "new"
    EDIT = "edit"
    CORRECT = "correct"


def meeting_text(meeting: MeetingChoice) -> str:
    return (
        QCoreApplication.translate("JournalLinks", "Meeting: %1, %2")
        .replace("%1", label(meeting.kind))
        .replace("%2", format_date(meeting.starts_at.date()))
    )


def intervention_text(intervention: InterventionChoice, names: dict[int, str]) -> str:
    text = QCoreApplication.translate("JournalLinks", "Intervention: %1").replace("%1", intervention.title)
    who = names.get(intervention.citizen_id, "")
    return f"{text} ({who})" if who else text


def agreement_text(agreement: AgreementChoice) -> str:
    what = agreement.what if len(agreement.what) <= 80 else agreement.what[:79] + "…"
    return QCoreApplication.translate("JournalLinks", "Agreement: %1").replace("%1", what)


def link_text(links: LinkChoices, data: JournalInput, names: dict[int, str]) -> str:
    """What an entry is about, as the link combo words it ("" for nothing in particular)."""
    meeting = links.meeting(data.meeting_id)
    intervention = links.intervention(data.intervention_id)
    agreement = links.agreement(data.agreement_key)
    parts = [
        *([meeting_text(meeting)] if meeting else []),
        *([intervention_text(intervention, names)] if intervention else []),
        *([agreement_text(agreement)] if agreement else []),
    ]
    return "; ".join(parts)


def link_key(data: JournalInput) -> str:
    """The link combo's key of an input's link ("" for none)."""
    if data.meeting_id is not None:
        return f"meeting:{data.meeting_id}"
    if data.intervention_id is not None:
        return f"intervention:{data.intervention_id}"
    if data.agreement_key:
        return f"agreement:{data.agreement_key}"
    return ""


class JournalEntryDialog(LaneFormDialog):
    """Kind, when it happened, whom it concerns, what it is about, and the note itself."""

    FIELD_KEYS: ClassVar[dict[str, str]] = {
        "member_ids": "members",
        "meeting_id": "link",
        "intervention_id": "link",
        "agreement_key": "link",
    }

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case: CaseRef,
        links: LinkChoices,
        entry: EntryView | None = None,
        mode: Mode = Mode.NEW,
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            Mode.NEW: self.tr("New journal note"),
            Mode.EDIT: self.tr("Change journal note"),
            Mode.CORRECT: self.tr("Correct journal note"),
        }
        super().__init__(titles[mode], lanes, parent)
        self.setMinimumWidth(620)
        self._context = context
        self._case = case
        self._links = links
        self._entry = entry
        self.mode = mode
        start = entry.as_input() if entry is not None else self._blank()
        self.kind = enum_combo(self, list(JournalKind), start.kind)
        self.kind.setObjectName("journalKind")
        self.occurred = datetime_edit(self, start.occurred_at or now_utc())
        self.occurred.setObjectName("journalOccurred")
        self.members = QListWidget(self)
        self.members.setObjectName("journalMembers")
        self.members.setMaximumHeight(120)
        for citizen_id, name in case.members:
            item = QListWidgetItem(name, self.members)
            item.setData(ID_ROLE, citizen_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.link = QComboBox(self)
        self.link.setObjectName("journalLink")
        self._fill_links()
        self.subject = QLineEdit(self)
        self.subject.setObjectName("journalSubject")
        self.subject.setPlaceholderText(self.tr("e.g. Phone call with the mother"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("journalText")
        self.text.setMinimumHeight(180)
        self.text.setTabChangesFocus(True)
        if mode == Mode.CORRECT and entry is not None:
            note = QLabel(
                self.tr(
                    "The note written %1 can no longer be changed. Write what is right here: the "
                    "correction is kept beside it, and both stay in the journal."
                ).replace("%1", format_datetime(entry.created_at)),
                self,
            )
            note.setWordWrap(True)
            self.body.insertWidget(0, note)
        for key, text, widget in (
            ("kind", self.tr("Kind"), self.kind),
            ("occurred_at", self.tr("When it happened"), self.occurred),
            ("members", self.tr("Concerns"), self.members),
            ("link", self.tr("About"), self.link),
            ("subject", self.tr("Subject"), self.subject),
            ("text", self.tr("Note"), self.text),
        ):
            self.add_field(key, text, widget)
            holder = widget.parentWidget()
            buddy = self.form.labelForField(holder) if holder is not None else None
            if isinstance(buddy, QLabel):
                buddy.setBuddy(widget)  # the label names the input (screen readers, a click)
        self.show_data(start)
        self.watch("occurred_at", self.occurred.dateTimeChanged)
        self.watch("text", self.text.textChanged)
        self.watch("subject", self.subject.textEdited)
        self.refresh()
        if mode == Mode.EDIT and entry is not None:
            self.edit_version = entry.version
            self.remember_base()
        # Tab starts at the kind, as in every dialog (FormDialog), and reads down to the note.

    @staticmethod
    def _blank() -> JournalInput:
        now = now_utc().replace(second=0, microsecond=0)
        return JournalInput(JournalKind.PHONE, now, "", "")

    def _fill_links(self) -> None:
        self.link.addItem(self.tr("(nothing in particular)"), "")
        names = dict(self._case.members)
        for meeting in self._links.meetings:
            self.link.addItem(meeting_text(meeting), f"meeting:{meeting.id}")
        for intervention in self._links.interventions:
            self.link.addItem(intervention_text(intervention, names), f"intervention:{intervention.id}")
        for agreement in self._links.agreements:
            self.link.addItem(agreement_text(agreement), f"agreement:{agreement.key}")

    # -- the form as the service's input ------------------------------------------------------
    def _checked_members(self) -> tuple[int, ...]:
        return tuple(
            int(self.members.item(i).data(ID_ROLE))
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        )

    @override
    def data(self) -> JournalInput:
        kind, _, ref = str(self.link.currentData() or "").partition(":")
        return JournalInput(
            kind=JournalKind(self.kind.currentData()),
            occurred_at=from_qdatetime(self.occurred.dateTime()),
            subject=self.subject.text(),
            text=self.text.toPlainText(),
            member_ids=self._checked_members(),
            meeting_id=int(ref) if kind == "meeting" else None,
            intervention_id=int(ref) if kind == "intervention" else None,
            agreement_key=ref if kind == "agreement" else None,
        )

    @override
    def show_data(self, data: JournalInput) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        if data.occurred_at is not None:
            self.occurred.setDateTime(to_qdatetime(data.occurred_at))
        for i in range(self.members.count()):
            item = self.members.item(i)
            chosen = int(item.data(ID_ROLE)) in data.member_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        key = link_key(data)
        if key and self.link.findData(key) < 0:  # no longer offered (e.g. a meeting moved away)
            self.link.addItem(self.tr("(as linked before)"), key)
        self.link.setCurrentIndex(max(self.link.findData(key), 0))
        self.subject.setText(data.subject)
        if data.text != self.text.toPlainText():
            self.text.setPlainText(data.text)

    @override
    def collect_problems(self) -> list[FieldProblem]:
        return validate_entry(self.data(), now_utc())

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "member_ids":
            names = dict(self._case.members)
            return ", ".join(names.get(c, "?") for c in value) or self.tr("Nobody")
        return super().describe(field, value)

    # -- saving --------------------------------------------------------------------------------
    @override
    def job_for(self, data: JournalInput, version: int | None) -> SaveJob:
        sessions, case_id, entry, mode = self._context.sessions, self._case.case_id, self._entry, self.mode

        def job() -> int:
            with sessions.begin() as session:
                if mode == Mode.EDIT and entry is not None:
                    update_entry(session, entry.id, data, version)
                    return entry.id
                if mode == Mode.CORRECT and entry is not None:
                    return correct_entry(session, entry.id, data)
                return write_entry(session, case_id, data)

        return job

    @override
    def save_refused(self, exc: Exception) -> bool:
        """The entry locked while the user wrote: offer to keep the text as a correction."""
        if not isinstance(exc, JournalLockedError) or self._entry is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("The note is locked"),
            self.tr(
                "The note was written more than %n hour(s) ago and can no longer be changed. "
                "Save what you wrote as a correction instead? It is kept beside the note.",
                "",
                exc.hours,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.mode = Mode.CORRECT
            self.setWindowTitle(self.tr("Correct journal note"))
            self.submit_save(self.job_for(self.data(), None))
        return True

    # -- when someone else saved first --------------------------------------------------------------
    @override
    def stored_job(self) -> Callable[[], tuple[EntryView, str, datetime | None]] | None:
        if self.mode != Mode.EDIT or self._entry is None:
            return None
        sessions, entry_id = self._context.sessions, self._entry.id

        def job() -> tuple[EntryView, str, datetime | None]:
            with sessions() as session:
                saved_by, saved_at = saved_stamp(session, JournalEntry, entry_id)
                return load_entry(session, entry_id), saved_by, saved_at

        return job

    @override
    def stored_row(self, fetched: tuple[EntryView, str, datetime | None]) -> StoredRow:
        entry, saved_by, saved_at = fetched
        return StoredRow(entry.as_input(), entry.version, saved_by, saved_at)
