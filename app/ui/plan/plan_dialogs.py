"""Dialogs of the plan editor: a goal, a progression score, approving the plan at a meeting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.models.enums import GoalLevel, GoalStatus
from app.services.cases.case_summary import MemberSummary
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import FieldProblem, Problem
from app.services.plan.plans import GoalInput, approval_problems, approve_plan, record_score
from app.ui.common.form_dialog import FormDialog
from app.ui.family.family_dialogs import OptionalDate, date_edit, enum_combo, from_qdate

NO_SCORE = -1


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
        self.member = QComboBox(self)
        self.member.setObjectName("goalMember")
        self.member.addItem(self.tr("The whole family"), None)
        for m in members:
            self.member.addItem(m.name, m.citizen_id)
        self.member.setCurrentIndex(max(self.member.findData(goal.citizen_id), 0))
        self.target = OptionalDate(self.tr("Target date"), goal.target_date, local_today(), self)
        self.status = enum_combo(self, list(GoalStatus), goal.status)
        self.add_field("text", self.tr("Goal"), self.text)
        self.add_field("citizen", self.tr("Concerns"), self.member)
        self.add_field("target_date", self.tr("By"), self.target)
        self.add_field("status", self.tr("Status"), self.status)
        self.save_button.setText(self.tr("OK"))
        self.watch("text", self.text.textChanged)
        self.refresh()

    def collect_problems(self) -> list[FieldProblem]:
        text = self.text.toPlainText().strip()
        if not text:
            return [FieldProblem("text", Problem.REQUIRED)]
        if len(text) > 2000:
            return [FieldProblem("text", Problem.TOO_LONG)]
        return []

    def store(self) -> None:
        g = self._goal
        self.result_goal = GoalInput(
            g.goal_key,
            g.parent_key,
            g.level,
            self.text.toPlainText().strip(),
            self.member.currentData(),
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


class ScoreDialog(FormDialog):
    """Record the family's own score and the professionals' score (0–10) for a goal."""

    def __init__(
        self, context: AppContext, case_id: int, goal_key: str, goal_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Progression score"), parent)
        self._context = context
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

    def error_key(self, field: str) -> str:
        return "family_score" if field in ("score", "family_score") else super().error_key(field)

    def _value(self, box: QSpinBox) -> int | None:
        return None if box.value() == NO_SCORE else box.value()

    def collect_problems(self) -> list[FieldProblem]:
        if self._value(self.family) is None and self._value(self.professional) is None:
            return [FieldProblem("score", Problem.REQUIRED)]
        if from_qdate(self.day.date()) > local_today():
            return [FieldProblem("day", Problem.IN_FUTURE)]
        return []

    def store(self) -> None:
        with self._context.sessions.begin() as session:
            self.stored_id = record_score(
                session,
                self._case_id,
                self._goal_key,
                from_qdate(self.day.date()),
                self._value(self.family),
                self._value(self.professional),
                self.note.text(),
            )


class ApproveDialog(FormDialog):
    """Approve the draft at a meeting: it becomes version N and never changes again."""

    def __init__(
        self,
        context: AppContext,
        plan_version_id: int,
        row_version: int | None,
        meetings: list[tuple[int, str]],
        participants: str,
        describe: Callable[[FieldProblem], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Approve the plan at a meeting"), parent)
        self._context = context
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
        self.refresh()

    def collect_problems(self) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        if not self.participants.toPlainText().strip():
            problems.append(FieldProblem("participants", Problem.REQUIRED))
        with self._context.sessions() as session:
            blockers = approval_problems(session, self._id, from_qdate(self.day.date()))
        lines = [self._describe(p) for p in blockers]
        self.blockers.setText(
            "\n".join(f"• {line}" for line in lines) if lines else self.tr("Nothing is missing.")
        )
        self.blockers.setStyleSheet("color: #b3261e;" if lines else "")
        self.save_button.setEnabled(not blockers)
        problems.extend(FieldProblem("plan", p.problem) for p in blockers[:1])
        return problems

    def store(self) -> None:
        with self._context.sessions.begin() as session:
            self.stored_id = approve_plan(
                session,
                self._id,
                from_qdate(self.day.date()),
                self.meeting.currentData(),
                self.participants.toPlainText(),
                self._row_version,
            )
