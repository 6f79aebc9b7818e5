"""Dialogs of the plan editor: a goal, a progression score, approving the plan at a meeting."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QWidget
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.models.enums import GoalLevel, GoalStatus
from app.services.cases.case_summary import MemberSummary
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.plan.plan_draft import GoalInput
from app.services.plan.plans import approval_problems, approve_plan, record_score
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.date_fields import OptionalDate, date_edit, from_qdate
from app.ui.common.enum_combo import enum_combo
from app.ui.common.form_dialog import FormDialog
from app.ui.plan.member_picker import MemberPicker

log = logging.getLogger(__name__)

NO_SCORE = -1


class LaneDialog(FormDialog):
    """A form whose save is a job on the store lane: the buttons wait while it runs, the
    dialog closes when it is stored, and a refusal is shown beside the fields (nothing typed
    is lost)."""

    def __init__(
        self, title: str, context: AppContext, lanes: StoreLanes, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self._context = context
        self._lanes = lanes
        self.busy = False

    def save_job(self) -> Callable[[], int]:
        raise NotImplementedError

    @override
    def try_save(self) -> bool:
        self._show_all = True
        if self.busy or any(p.blocking for p in self.refresh()):
            return False
        self._set_busy(True)
        self._lanes.store.submit(self.save_job(), self._stored, self._refused, owner=self)
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)

    def _stored(self, stored_id: int) -> None:
        self._set_busy(False)
        self.stored_id = stored_id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_problems(exc.problems)
            self.refused(exc.problems)
        elif isinstance(exc, ConcurrentEditError):
            self.summary.setText(
                self.tr("Someone else changed the plan meanwhile. Close this window and try again.")
            )
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Saving from a plan dialog failed: %s", type(exc).__name__)
            self.summary.setText(self.tr("The database did not answer, so nothing was saved. Try again."))
        else:
            raise exc

    def refused(self, problems: list[FieldProblem]) -> None:
        """The service refused with ``problems`` (shown beside the fields already)."""


class GoalDialog(FormDialog):
    """A goal's text, whom it concerns, its target date and status (kept in the draft)."""

    def __init__(
        self,
        members: tuple[MemberSummary, ...],
        goal: GoalInput,
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            GoalLevel.OVERALL: self.tr("Overall goal"),
            GoalLevel.SUB: self.tr("Sub-goal"),
            GoalLevel.PROGRESSION: self.tr("Progression goal"),
        }
        super().__init__(titles[goal.level], parent)
        self._goal = goal
        self.result_goal: GoalInput | None = None
        self.text = QPlainTextEdit(goal.text, self)
        self.text.setObjectName("goalText")
        self.text.setFixedHeight(80)
        self.text.setPlaceholderText(self.tr("Write the goal in the family's own words"))
        self.members = MemberPicker([(m.citizen_id, m.name) for m in members], self)
        self.members.set_chosen(goal.member_ids)
        self.members.go_to_chosen()
        self.members.setMaximumHeight(self.members.fitting_height())
        self.target = OptionalDate(self.tr("Target date"), goal.target_date, local_today(), self)
        self.status = enum_combo(self, list(GoalStatus), goal.status)
        self.add_field("text", self.tr("Goal"), self.text)
        self.add_field("citizen", self.tr("Concerns"), self.members)
        self.add_field("target_date", self.tr("By"), self.target)
        self.add_field("status", self.tr("Status"), self.status)
        self.save_button.setText(self.tr("OK"))
        self.watch("text", self.text.textChanged)
        self.refresh()

    @override
    def collect_problems(self) -> list[FieldProblem]:
        text = self.text.toPlainText().strip()
        if not text:
            return [FieldProblem("text", Problem.REQUIRED)]
        if len(text) > 2000:
            return [FieldProblem("text", Problem.TOO_LONG)]
        return []

    @override
    def store(self) -> None:
        g = self._goal
        self.result_goal = GoalInput(
            g.goal_key,
            g.parent_key,
            g.level,
            self.text.toPlainText().strip(),
            self.members.chosen(),
            self.target.value(),
            GoalStatus(self.status.currentData()),
        )
        self.stored_id = 1

    @classmethod
    def edit(
        cls, members: tuple[MemberSummary, ...], goal: GoalInput, parent: QWidget | None = None
    ) -> GoalInput | None:
        dialog = cls(members, goal, parent)
        return dialog.result_goal if dialog.exec() else None


def score_box(parent: QWidget) -> QSpinBox:
    """A 0–10 score that may be left out (shown as –)."""
    box = QSpinBox(parent)
    box.setRange(NO_SCORE, 10)
    box.setSpecialValueText("–")  # the lowest value means "not given"
    box.setValue(NO_SCORE)
    return box


class ScoreDialog(LaneDialog):
    """Record the family's own score and the professionals' score (0–10) for a goal."""

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        goal_key: str,
        goal_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Progression score"), context, lanes, parent)
        self._case_id = case_id
        self._goal_key = goal_key
        what = QLabel(goal_text, self)
        what.setWordWrap(True)
        self.family = score_box(self)
        self.family.setObjectName("familyScore")
        self.professional = score_box(self)
        self.professional.setObjectName("professionalScore")
        self.day = date_edit(self, local_today())
        self.note = QLineEdit(self)
        self.add_field("goal", self.tr("Goal"), what)
        self.add_field("family_score", self.tr("The family's own score (0–10)"), self.family)
        self.add_field("professional_score", self.tr("The professionals' score (0–10)"), self.professional)
        self.add_field("day", self.tr("Date"), self.day)
        self.add_field("note", self.tr("Note"), self.note)
        self.watch("score", self.family.valueChanged)
        self.watch("score", self.professional.valueChanged)
        self.refresh()

    @override
    def error_key(self, field: str) -> str:
        return "family_score" if field in ("score", "family_score") else super().error_key(field)

    def _value(self, box: QSpinBox) -> int | None:
        return None if box.value() == NO_SCORE else box.value()

    @override
    def collect_problems(self) -> list[FieldProblem]:
        if self._value(self.family) is None and self._value(self.professional) is None:
            return [FieldProblem("score", Problem.REQUIRED)]
        if from_qdate(self.day.date()) > local_today():
            return [FieldProblem("day", Problem.IN_FUTURE)]
        return []

    @override
    def save_job(self) -> Callable[[], int]:
        sessions, case_id, key = self._context.sessions, self._case_id, self._goal_key
        day, family, professional = (
            from_qdate(self.day.date()),
            self._value(self.family),
            self._value(self.professional),
        )
        note = self.note.text()

        def job() -> int:
            with sessions.begin() as session:
                return record_score(session, case_id, key, day, family, professional, note)

        return job


class ApproveDialog(LaneDialog):
    """Approve the draft at a meeting: it becomes version N and never changes again."""

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        plan_version_id: int,
        row_version: int | None,
        meetings: list[tuple[int, str]],
        participants: str,
        describe: Callable[[FieldProblem], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Approve the plan at a meeting"), context, lanes, parent)
        self._blockers: list[FieldProblem] | None = None  # None: being checked
        self._checking = 0
        self._id = plan_version_id
        self._row_version = row_version
        self._describe = describe
        self.meeting = QComboBox(self)
        self.meeting.setObjectName("approveMeeting")
        self.meeting.addItem(self.tr("(no meeting recorded)"), None)
        for meeting_id, text in meetings:
            self.meeting.addItem(text, meeting_id)
        if meetings:
            self.meeting.setCurrentIndex(1)
        self.day = date_edit(self, local_today())
        self.participants = QPlainTextEdit(participants, self)
        self.participants.setObjectName("approveParticipants")
        self.participants.setFixedHeight(70)
        self.blockers = QLabel(self)
        self.blockers.setObjectName("approveBlockers")
        self.blockers.setWordWrap(True)
        self.add_field("meeting", self.tr("Meeting"), self.meeting)
        self.add_field("day", self.tr("Approved on"), self.day)
        self.add_field("participants", self.tr("Who took part"), self.participants)
        self.add_field("plan", self.tr("Before approval"), self.blockers)
        note = QLabel(
            self.tr("An approved version cannot be changed. The next edit starts a new draft."), self
        )
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.save_button.setText(self.tr("Approve"))
        self.watch("participants", self.participants.textChanged)
        self.day.dateChanged.connect(lambda _day: self.check_blockers())
        self.refresh()
        self.check_blockers()

    def check_blockers(self) -> None:
        """Ask the store (on the lane) what still stands in the way on the chosen day."""
        sessions, plan_id, day = self._context.sessions, self._id, from_qdate(self.day.date())
        self._checking += 1
        asked = self._checking
        self._blockers = None
        self.blockers.setText(self.tr("Checking…"))

        def job() -> list[FieldProblem]:
            with sessions() as session:
                return approval_problems(session, plan_id, day)

        self._lanes.store.submit(job, lambda found: self._checked(found, asked), self._refused, owner=self)

    def _checked(self, blockers: list[FieldProblem], asked: int) -> None:
        if asked == self._checking:
            self._blockers = blockers
            self.refresh()

    @override
    def refused(self, problems: list[FieldProblem]) -> None:
        self._blockers = [p for p in problems if p.field != "participants"]
        self.refresh()

    @override
    def collect_problems(self) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        if not self.participants.toPlainText().strip():
            problems.append(FieldProblem("participants", Problem.REQUIRED))
        if self._blockers is None:
            return problems  # the store's answer comes; approve_plan checks again anyway
        lines = [self._describe(p) for p in self._blockers]
        self.blockers.setText(
            "\n".join(f"• {line}" for line in lines) if lines else self.tr("Nothing is missing.")
        )
        self.blockers.setStyleSheet(error_style() if lines else "")
        self.save_button.setEnabled(not self._blockers)
        problems.extend(FieldProblem("plan", p.problem) for p in self._blockers[:1])
        return problems

    @override
    def save_job(self) -> Callable[[], int]:
        sessions, plan_id, version = self._context.sessions, self._id, self._row_version
        day, meeting, who = (
            from_qdate(self.day.date()),
            self.meeting.currentData(),
            self.participants.toPlainText(),
        )

        def job() -> int:
            with sessions.begin() as session:
                return approve_plan(session, plan_id, day, meeting, who, version)

        return job


def ask_restore(parent: QWidget, written_at: str) -> bool:
    """Whether to put back plan edits that never reached the store (the program or the
    connection stopped) and were kept in the local draft at ``written_at``."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("PlanPage", "Unsaved changes found"),
        QCoreApplication.translate(
            "PlanPage",
            "Changes you made to this plan %1 were not saved: the program or the connection "
            "stopped. Restore them? They are combined with what is stored now.",
        ).replace("%1", written_at),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
