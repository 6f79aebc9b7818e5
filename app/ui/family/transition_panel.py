"""Transition to adulthood: a youth from 16 gets a checklist of the Barnets lov §§ 122-123
topics with a deadline before the 18th birthday, and the adult-services contact."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.services.cases.case_summary import MemberSummary
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.family.family_analysis import FamilyAnalysis
from app.services.family.family_overview import TransitionTrackInfo
from app.services.family.transition import DEFAULT_RULE, TOPICS, eighteenth_birthday, transition_status
from app.services.family.transition_tracks import TrackChange, start_transition_track, update_transition_track
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.date_fields import date_edit, from_qdate
from app.ui.common.formatting import format_date
from app.ui.common.labels import problem_text
from app.ui.common.noop import QT_TRANSLATE_NOOP
from app.ui.common.painting import fill_placeholders

log = logging.getLogger(__name__)

TOPIC_LABELS = {
    "support_needs": QT_TRANSLATE_NOOP("TransitionPanel", "Support needs"),
    "education": QT_TRANSLATE_NOOP("TransitionPanel", "Education"),
    "employment_income": QT_TRANSLATE_NOOP("TransitionPanel", "Employment and income"),
    "housing": QT_TRANSLATE_NOOP("TransitionPanel", "Housing"),
    "social_conditions": QT_TRANSLATE_NOOP("TransitionPanel", "Social conditions"),
}


def topic_label(topic: str) -> str:
    return QCoreApplication.translate("TransitionPanel", TOPIC_LABELS.get(topic, topic))


@dataclass
class _TrackWidgets:
    track: TransitionTrackInfo
    deadline: QDateEdit
    topics: dict[str, QCheckBox]
    notes: dict[str, QLineEdit]
    contact_name: QLineEdit
    contact_organisation: QLineEdit
    contact_phone: QLineEdit
    contact_email: QLineEdit
    note: QLineEdit
    error: QLabel
    save_button: QPushButton
    saving: bool = False


class TransitionPanel(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._lanes = lanes
        self._case_id: int | None = None
        self.tracks: dict[int, _TrackWidgets] = {}  # citizen id -> widgets
        self.start_buttons: dict[int, QPushButton] = {}
        self.intro = QLabel(
            self.tr(
                "From 16, a young person gets a transition track so that decisions about help as an "
                "adult are ready before the 18th birthday (Barnets lov §§ 122-123)."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self._content = QWidget(self)
        self._content_layout = QVBoxLayout(self._content)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)

    def show_analysis(self, analysis: FamilyAnalysis) -> None:
        overview = analysis.overview
        # Typing not saved yet survives a reload of the same case (e.g. after another save).
        unsaved: dict[int, TrackChange] = {}
        if self._case_id == overview.summary.id:
            for w in self.tracks.values():
                typed = self._typed(w)
                if typed != self._stored(w.track):
                    unsaved[w.track.id] = typed
        self._case_id = overview.summary.id
        self.tracks.clear()
        self.start_buttons.clear()
        while self._content_layout.count():
            item = self._content_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of sight now: it is deleted when the event loop runs
                widget.deleteLater()
        shown = 0
        for member in overview.members:
            track = overview.transition_of(member.citizen_id)
            status = transition_status(track, member.birth_date, analysis.today, DEFAULT_RULE)
            if track is None and not status.needed:
                continue
            shown += 1
            if track is None:
                self._content_layout.addWidget(self._start_row(member, status.deadline))
            else:
                self._content_layout.addWidget(self._track_box(member, track, analysis))
        for w in self.tracks.values():
            if w.track.id in unsaved:
                self._put(w, unsaved[w.track.id])
        if not shown:
            empty = QLabel(self.tr("Nobody in the family is between 16 and 18."), self._content)
            self._content_layout.addWidget(empty)
        self._content_layout.addStretch(1)

    def _start_row(self, member: MemberSummary, deadline: object) -> QWidget:
        box = QWidget(self._content)
        row = QHBoxLayout(box)
        text = (
            self.tr("%1 has no transition track yet. Adult decisions should be ready by %2.")
            .replace("%1", member.name)
            .replace("%2", format_date(deadline))  # type: ignore[arg-type]
        )
        lab = QLabel(text, box)
        lab.setWordWrap(True)
        lab.setStyleSheet(error_style())
        button = QPushButton(self.tr("Start transition track"), box)
        button.setObjectName(f"startTransition_{member.citizen_id}")
        button.clicked.connect(lambda _=False, cid=member.citizen_id: self._start(cid))
        self.start_buttons[member.citizen_id] = button
        row.addWidget(lab, 1)
        row.addWidget(button)
        return box

    def _track_box(
        self, member: MemberSummary, track: TransitionTrackInfo, analysis: FamilyAnalysis
    ) -> QWidget:
        status = transition_status(track, member.birth_date, analysis.today, DEFAULT_RULE)
        box = QGroupBox(
            self.tr("%1 – turns 18 on %2")
            .replace("%1", member.name)
            .replace("%2", format_date(eighteenth_birthday(member.birth_date))),
            self._content,
        )
        outer = QVBoxLayout(box)
        state = QLabel(box)
        state.setObjectName(f"transitionState_{member.citizen_id}")
        days = status.days_left
        when = (
            self.tr("%n day(s) left", "", days)
            if days >= 0
            else self.tr("%n day(s) past the deadline", "", -days)
        )
        state.setText(
            self.tr("%1 of %2 topics ready · %3")
            .replace("%1", str(status.topics_done))
            .replace("%2", str(status.topics_total))
            .replace("%3", when)
        )
        if status.overdue:
            state.setStyleSheet(error_style())
        outer.addWidget(state)
        deadline = date_edit(box, track.deadline)
        deadline.setMaximumWidth(160)
        grid = QGridLayout()
        checks: dict[str, QCheckBox] = {}
        notes: dict[str, QLineEdit] = {}
        by_topic = {t.topic: t for t in track.topics}
        for row, topic in enumerate(TOPICS):
            info = by_topic.get(topic)
            check = QCheckBox(topic_label(topic), box)
            check.setChecked(bool(info and info.done))
            note = QLineEdit(info.note if info else "", box)
            note.setPlaceholderText(self.tr("What is agreed, who does it"))
            note.setAccessibleName(fill_placeholders(self.tr("%1: what is agreed"), topic_label(topic)))
            note.setProperty("no_label", "the check box beside it names the topic")
            grid.addWidget(check, row, 0)
            grid.addWidget(note, row, 1)
            checks[topic] = check
            notes[topic] = note
        grid.setColumnStretch(1, 1)
        form = QFormLayout()
        form.addRow(self.tr("Deadline"), deadline)
        outer.addLayout(form)
        outer.addLayout(grid)
        contact = QFormLayout()
        name = QLineEdit(track.adult_contact_name, box)
        organisation = QLineEdit(track.adult_contact_organisation, box)
        phone = QLineEdit(track.adult_contact_phone, box)
        email = QLineEdit(track.adult_contact_email, box)
        note_edit = QLineEdit(track.note, box)
        contact.addRow(self.tr("Adult services contact"), name)
        contact.addRow(self.tr("Organisation"), organisation)
        contact.addRow(self.tr("Phone"), phone)
        contact.addRow(self.tr("E-mail"), email)
        contact.addRow(self.tr("Note"), note_edit)
        outer.addLayout(contact)
        if status.missing_adult_contact:
            missing = QLabel(self.tr("No contact in adult services recorded yet."), box)
            missing.setStyleSheet(error_style())
            outer.addWidget(missing)
        error = QLabel(box)
        error.setStyleSheet(error_style())
        error.setWordWrap(True)
        error.hide()
        outer.addWidget(error)
        save = QPushButton(self.tr("Save transition track"), box)
        save.setObjectName(f"saveTransition_{member.citizen_id}")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        outer.addLayout(buttons)
        widgets = _TrackWidgets(
            track, deadline, checks, notes, name, organisation, phone, email, note_edit, error, save
        )
        self.tracks[member.citizen_id] = widgets
        save.clicked.connect(lambda _=False, cid=member.citizen_id: self.save(cid))
        return box

    def _start(self, citizen_id: int) -> None:
        if self._case_id is None:
            return
        sessions, case_id = self._context.sessions, self._case_id

        def job() -> None:
            with sessions.begin() as session:
                start_transition_track(session, case_id, citizen_id, DEFAULT_RULE)

        self._lanes.store.submit(job, lambda _none: self.changed.emit(), self._not_started, owner=self)

    def _not_started(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            QMessageBox.information(
                self, self.tr("Not started"), " ".join(problem_text(p.problem) for p in exc.problems)
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Starting a transition track failed: %s", type(exc).__name__)
            QMessageBox.warning(
                self, self.tr("Not saved"), self.tr("The database did not answer. Try again.")
            )
        else:
            raise exc

    @staticmethod
    def _typed(w: _TrackWidgets) -> TrackChange:
        return TrackChange(
            deadline=from_qdate(w.deadline.date()),
            adult_contact_name=w.contact_name.text(),
            adult_contact_phone=w.contact_phone.text(),
            adult_contact_email=w.contact_email.text(),
            adult_contact_organisation=w.contact_organisation.text(),
            note=w.note.text(),
            done_topics=frozenset(t for t, box in w.topics.items() if box.isChecked()),
            topic_notes=tuple((t, edit.text()) for t, edit in w.notes.items()),
        )

    @staticmethod
    def _stored(track: TransitionTrackInfo) -> TrackChange:
        notes = {t.topic: t.note for t in track.topics}
        return TrackChange(
            deadline=track.deadline,
            adult_contact_name=track.adult_contact_name,
            adult_contact_phone=track.adult_contact_phone,
            adult_contact_email=track.adult_contact_email,
            adult_contact_organisation=track.adult_contact_organisation,
            note=track.note,
            done_topics=frozenset(t.topic for t in track.topics if t.done),
            topic_notes=tuple((t, notes.get(t, "")) for t in TOPICS),
        )

    @staticmethod
    def _put(w: _TrackWidgets, change: TrackChange) -> None:
        w.deadline.setDate(QDate(change.deadline.year, change.deadline.month, change.deadline.day))
        w.contact_name.setText(change.adult_contact_name)
        w.contact_phone.setText(change.adult_contact_phone)
        w.contact_email.setText(change.adult_contact_email)
        w.contact_organisation.setText(change.adult_contact_organisation)
        w.note.setText(change.note)
        for topic, box in w.topics.items():
            box.setChecked(topic in change.done_topics)
        for topic, text in change.topic_notes:
            if topic in w.notes:
                w.notes[topic].setText(text)

    def save(self, citizen_id: int) -> bool:
        """Hand the track's changes to the store lane (True when a save was started); the
        answer shows under the track, and the typing stays until it is stored."""
        w = self.tracks[citizen_id]
        if w.saving:
            return False
        change = self._typed(w)
        sessions, track_id, version = self._context.sessions, w.track.id, w.track.version

        def job() -> None:
            with sessions.begin() as session:
                update_transition_track(session, track_id, change, version)

        w.saving = True
        w.save_button.setEnabled(False)
        self._lanes.store.submit(
            job, lambda _none: self._saved(w), lambda exc: self._not_saved(w, exc), owner=w.save_button
        )
        return True

    def _saved(self, w: _TrackWidgets) -> None:
        w.saving = False
        w.save_button.setEnabled(True)
        w.error.hide()
        self.changed.emit()

    def _not_saved(self, w: _TrackWidgets, exc: Exception) -> None:
        w.saving = False
        w.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            w.error.setText(" ".join(problem_text(p.problem) for p in exc.problems))
        elif isinstance(exc, ConcurrentEditError | RowGoneError):
            w.error.setText(
                self.tr(
                    "Someone else changed this track. Your changes are still here: copy what you need before you open the case again, which shows their version."
                )
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Saving a transition track failed: %s", type(exc).__name__)
            w.error.setText(self.tr("The database did not answer, so nothing was saved. Try again."))
        else:
            raise exc
        w.error.show()
