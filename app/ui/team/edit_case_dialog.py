"""Changing a case once created: coordinator, partner caseworker (makker), model, follow-up
cadence and status (only the steps ``NEXT_STATUS`` allows; closed → active is a reopening).

What saving will do is read on the store lane as the fields change (debounced) and shown
before saving: the next follow-up moved, who will reach the case and who no longer will, the
retention clock, and the coordinator's caseload against the team's limit. A new coordinator
is a hand-over (overdragelse): the dialog then asks for the note the new coordinator reads
first and an optional period in which the old team may still read the case. Everything is
saved in one transaction, refused as a whole when a colleague changed the case meanwhile.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.models.enums import CaseStatus, CoordinationModel
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.users import UserInfo, list_caseworkers
from app.services.common.validation import FieldProblem, Problem
from app.services.team.case_edit import (
    ACTIVATED,
    FOLLOW_UP_MOVED,
    INTERVAL_RANGE,
    KEPT_FOR_ARCHIVE,
    NEXT_STATUS,
    NO_PERIOD_SET,
    PAUSED_NO_FLAGS,
    REACH_GAINED,
    REACH_LOST,
    RETENTION_STARTS,
    RETENTION_STOPS,
    CaseEdit,
    CaseEditFacts,
    CasePreview,
    Consequence,
    HandOverInput,
    case_edit_facts,
    preview_case_change,
    save_case_change,
    validate_hand_over_input,
)
from app.services.team.caseload import CaseloadCheck
from app.store.reach_team import READ_ONLY_MAX_DAYS
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style
from app.ui.common.formatting import format_date, format_load
from app.ui.common.labels import label
from app.ui.common.lane_form import LaneFormDialog, SaveJob

PREVIEW_DELAY_MS = 300  # typing in the cadence field asks once, not per key
REASON_MAX = 500


class EditCaseDialog(LaneFormDialog):
    """Edit the open case; ``ask`` returns the case id when saved."""

    FIELD_KEYS: ClassVar[dict[str, str]] = {"partner_id": "partner"}

    def __init__(
        self, context: AppContext, lanes: StoreLanes, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Edit case"), lanes, parent)
        self._context = context
        self._case_id = case_id
        self._facts: CaseEditFacts | None = None
        self._workers: dict[int, UserInfo] = {}
        self.preview: CasePreview | None = None
        self._asked = 0  # the newest preview asked for; older answers are dropped
        self.previewing = False
        self._save_pending = False  # Save pressed while the consequences were being read
        self.ready = False  # the case and the caseworkers have arrived
        self.coordinator = QComboBox(self)
        self.coordinator.setObjectName("coordinator")
        self.partner = QComboBox(self)
        self.partner.setObjectName("partner")
        self.model = QComboBox(self)
        self.model.setObjectName("model")
        for model in CoordinationModel:
            self.model.addItem(label(model), model)
        self.interval = QSpinBox(self)
        self.interval.setObjectName("interval")
        self.interval.setRange(1, 999)  # the service's range is checked next to the field
        self.interval.setSuffix(self.tr(" days"))
        # the new-case dialog counts in weeks: a whole number of weeks is said too
        self.interval.valueChanged.connect(self._interval_suffix)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.add_field("coordinator", self.tr("Coordinator"), self.coordinator)
        self.add_field("partner", self.tr("Partner caseworker"), self.partner)
        self.add_field("model", self.tr("Coordination model"), self.model)
        self.add_field("follow_up_interval_days", self.tr("Follow up every"), self.interval)
        self.add_field("status", self.tr("Status"), self.status)

        self.hand_over_box = QGroupBox(self.tr("Hand-over to the new coordinator"), self)
        self.hand_over_box.setObjectName("handOverBox")
        box = QVBoxLayout(self.hand_over_box)
        explain = QLabel(
            self.tr(
                "The new coordinator reads this note first when they open the case: what is going "
                "on, what is promised to the family, and what is due."
            ),
            self.hand_over_box,
        )
        explain.setWordWrap(True)
        box.addWidget(explain)
        self.note = QPlainTextEdit(self.hand_over_box)
        self.note.setObjectName("handOverNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.note_error = self._error_line("note")
        box.addWidget(self.note)
        box.addWidget(self.note_error)
        self.read_only_days = QSpinBox(self.hand_over_box)
        self.read_only_days.setObjectName("readOnlyDays")
        self.read_only_days.setRange(0, READ_ONLY_MAX_DAYS)
        self.read_only_days.setSuffix(self.tr(" days"))
        self.read_only_days.setSpecialValueText(self.tr("None"))
        self.read_only_days.setToolTip(
            self.tr("For how many days the old team may still read the case (not change it)")
        )
        box.addWidget(QLabel(self.tr("The old team may still read the case for"), self.hand_over_box))
        box.addWidget(self.read_only_days)
        self.hand_over_box.hide()
        self.body.addWidget(self.hand_over_box)

        self.consequences = QLabel(self.tr("Reading the case…"), self)
        self.consequences.setObjectName("consequences")
        self.consequences.setWordWrap(True)
        self.caseload = QLabel(self)
        self.caseload.setObjectName("caseload")
        self.caseload.setWordWrap(True)
        self.caseload.hide()
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(54)
        # in a scroll area: a hand-over to another team names everyone who will reach the case
        self.consequences_area = QScrollArea(self)
        self.consequences_area.setWidgetResizable(True)
        self.consequences_area.setFrameShape(QFrame.Shape.NoFrame)
        self.consequences_area.setWidget(self.consequences)
        self.consequences.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # a fixed height of seven lines, scrolling beyond: a wrapped label's height for its width
        # does not reach a dialog's layout, and the dialog must fit a 768-pixel screen
        self.consequences_area.setFixedHeight(self.fontMetrics().lineSpacing() * 7 + 6)

        self.add_field("consequences", self.tr("Saving will"), self.consequences_area)
        self.add_field("caseload", self.tr("Caseload"), self.caseload)
        self.add_field("reason", self.tr("Reason"), self.reason)
        self._caseload_row = self.caseload.parentWidget() or self.caseload
        self.form.setRowVisible(self._caseload_row, False)  # until a load is at stake
        self.reason.setPlaceholderText(
            self.tr("Required when closing the case, or when the caseload goes above the limit")
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._ask_preview)
        for key, signal in (
            ("coordinator", self.coordinator.currentIndexChanged),
            ("partner", self.partner.currentIndexChanged),
            ("model", self.model.currentIndexChanged),
            ("follow_up_interval_days", self.interval.valueChanged),
            ("status", self.status.currentIndexChanged),
            ("read_only_days", self.read_only_days.valueChanged),
        ):
            self.watch(key, signal)
            signal.connect(self._changed)
        self.watch("note", self.note.textChanged)
        self.watch("reason", self.reason.textChanged)
        self.coordinator.currentIndexChanged.connect(self._coordinator_changed)
        self.save_button.setEnabled(False)
        sessions = context.sessions

        def read() -> tuple[CaseEditFacts, list[UserInfo]]:
            with sessions() as session:
                return case_edit_facts(session, case_id), list_caseworkers(session)

        lanes.store.submit(read, self._arrived, self.read_failed, owner=self)

    def _error_line(self, key: str) -> QLabel:
        """An error line for a field that is not a row of the form (the hand-over's)."""
        error = QLabel(self)
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(error_style())
        error.hide()
        self.errors[key] = error
        self.labels[key] = self.tr("Hand-over note")
        return error

    # -- reading -----------------------------------------------------------------------------
    def _arrived(self, arrived: tuple[CaseEditFacts, list[UserInfo]]) -> None:
        facts, workers = arrived
        self._facts = facts
        self._workers = {w.id: w for w in workers}
        for combo in (self.coordinator, self.partner):
            combo.blockSignals(True)
        self.partner.addItem(self.tr("(none)"), None)
        if facts.coordinator_id not in self._workers:  # e.g. a coordinator who has left
            self.coordinator.addItem(self.tr("(the coordinator now)"), facts.coordinator_id)
        for worker in workers:
            self.coordinator.addItem(worker.full_name, worker.id)
            self.partner.addItem(worker.full_name, worker.id)
        self.coordinator.setCurrentIndex(max(self.coordinator.findData(facts.coordinator_id), 0))
        self.partner.setCurrentIndex(max(self.partner.findData(facts.partner_id), 0))
        for combo in (self.coordinator, self.partner):
            combo.blockSignals(False)
        self.status.blockSignals(True)
        steps = [facts.status, *sorted(NEXT_STATUS[facts.status], key=list(CaseStatus).index)]
        for status in steps:
            self.status.addItem(self.status_text(facts.status, status), status)
        self.status.blockSignals(False)
        self.show_data(facts.as_edit())
        self.edit_version = facts.version
        self.remember_base()
        self.ready = True
        self.save_button.setEnabled(True)
        self._ask_preview()

    def status_text(self, now: CaseStatus, status: CaseStatus) -> str:
        if status == now:
            return self.tr("%1 (as now)").replace("%1", label(status))
        if now == CaseStatus.CLOSED and status == CaseStatus.ACTIVE:
            return self.tr("Reopen (active)")
        return label(status)

    # -- what saving will do ---------------------------------------------------------------------
    def _changed(self) -> None:
        if self.ready:
            self.previewing = True
            self._timer.start()

    def _coordinator_changed(self) -> None:
        self.hand_over_box.setVisible(self.hands_over())
        self.grow_to_fit()

    def _interval_suffix(self, days: int) -> None:
        if days % 7 == 0:
            self.interval.setSuffix(self.tr(" days (%1 weeks)").replace("%1", str(days // 7)))
        else:
            self.interval.setSuffix(self.tr(" days"))

    def hands_over(self) -> bool:
        chosen = self.coordinator.currentData()
        return self._facts is not None and chosen is not None and chosen != self._facts.coordinator_id

    def _ask_preview(self) -> None:
        if self._facts is None:
            return
        self._asked += 1
        asked, edit, today = self._asked, self.data(), local_today()
        sessions, case_id = self._context.sessions, self._case_id
        new_coordinator = self.coordinator.currentData()
        self.previewing = True

        def job() -> CasePreview:
            with sessions() as session:
                return preview_case_change(session, case_id, edit, new_coordinator, today)

        self.lanes.store.submit(
            job, lambda p: self._preview_arrived(p, asked), self._preview_failed, owner=self
        )

    def _preview_arrived(self, preview: CasePreview, asked: int) -> None:
        if asked != self._asked:
            return
        self.previewing = False
        self.preview = preview
        lines = [self.consequence_text(c) for c in self.grouped(preview.consequences)]
        self.consequences.setText(
            "\n".join(f"• {line}" for line in lines) if lines else self.tr("Nothing changes yet.")
        )
        self.caseload.setVisible(preview.caseload is not None)
        self.form.setRowVisible(self._caseload_row, preview.caseload is not None)
        if preview.caseload is not None:
            self.caseload.setText(self.caseload_text(preview.caseload))
            self.caseload.setStyleSheet(error_style() if preview.caseload.above_limit else "")
        self.grow_to_fit()
        self._save_if_pending()
        self.refresh()

    def _preview_failed(self, exc: Exception) -> None:
        self.previewing = False
        if self._save_pending:  # nothing is saved without its consequences shown
            self._save_pending = False
            self.set_saving(False)
        if isinstance(exc, RowGoneError | SQLAlchemyError):
            self.consequences.setText(self.tr("What saving will do could not be read."))
            return
        raise exc

    def grouped(self, consequences: tuple[Consequence, ...]) -> list[Consequence]:
        """The persons who gain or lose reach in one line each (a team can be many)."""
        out: list[Consequence] = []
        names: dict[str, list[str]] = {REACH_GAINED: [], REACH_LOST: []}
        for consequence in consequences:
            if consequence.kind in names:
                if not names[consequence.kind]:
                    out.append(Consequence(consequence.kind))  # its place in the list
                names[consequence.kind].extend(consequence.values)
            else:
                out.append(consequence)
        return [Consequence(c.kind, (self.joined(names[c.kind]),)) if c.kind in names else c for c in out]

    def joined(self, names: list[str]) -> str:
        if len(names) < 2:
            return "".join(names)
        return ", ".join(names[:-1]) + self.tr(" and ") + names[-1]

    def consequence_text(self, consequence: Consequence) -> str:
        kind, values = consequence.kind, consequence.values
        if kind == FOLLOW_UP_MOVED:
            old = format_date(date.fromisoformat(values[0])) if values[0] else self.tr("(none)")
            return (
                self.tr("move the next follow-up from %1 to %2")
                .replace("%1", old)
                .replace("%2", format_date(date.fromisoformat(values[1])))
            )
        if kind == REACH_GAINED:
            return self.tr("let %1 reach the case").replace("%1", values[0])
        if kind == REACH_LOST and self.hands_over() and self.read_only_days.value():
            until = local_today() + timedelta(days=self.read_only_days.value())
            return (
                self.tr("mean %1 may only read the case until %2, then no longer reaches it")
                .replace("%1", values[0])
                .replace("%2", format_date(until))
            )
        if kind == REACH_LOST:
            return self.tr("mean %1 no longer reaches the case").replace("%1", values[0])
        if kind == RETENTION_STARTS and values[1:] == (NO_PERIOD_SET,):
            return self.tr(
                "close the case: no retention period is set for its type, so it is kept until the "
                "municipality sets one; the case is read-only"
            )
        if kind == RETENTION_STARTS and values[1:] == (KEPT_FOR_ARCHIVE,):
            return self.tr(
                "close the case: it holds a placement and is kept for the archive, never erased by "
                "Koordinator; the case is read-only"
            )
        if kind == RETENTION_STARTS and values and values[0]:
            return self.tr("start the retention period (%1 years): the case is read-only").replace(
                "%1", values[0]
            )
        texts = {
            RETENTION_STARTS: self.tr("start the retention period: the case is read-only"),
            RETENTION_STOPS: self.tr("reopen the case and stop its retention period"),
            PAUSED_NO_FLAGS: self.tr("pause the case: it keeps its data and still counts in the caseload"),
            ACTIVATED: self.tr("make the candidate an active case that counts in the caseload"),
        }
        return texts.get(kind, kind)

    def caseload_text(self, check: CaseloadCheck) -> str:
        worker = self._workers.get(check.user_id)
        text = (
            self.tr("%1's caseload goes from %2 to %3 (the team's limit is %4).")
            .replace("%1", worker.full_name if worker else "?")
            .replace("%2", format_load(check.before))
            .replace("%3", format_load(check.after))
            .replace("%4", format_load(check.limit))
        )
        if check.above_limit:
            text += " " + self.tr("That is above the limit: give a reason.")
        return text

    # -- the form ----------------------------------------------------------------------------------
    @override
    def data(self) -> CaseEdit:
        status, model = self.status.currentData(), self.model.currentData()  # Qt hands back str
        return CaseEdit(
            self.partner.currentData(),
            CoordinationModel(model) if model is not None else CoordinationModel.OTHER,
            self.interval.value(),
            CaseStatus(status) if status is not None else CaseStatus.ACTIVE,
            self.reason.toPlainText(),
        )

    def hand_over_input(self) -> HandOverInput | None:
        if not self.hands_over():
            return None
        days = self.read_only_days.value()
        until = local_today() + timedelta(days=days) if days else None
        return HandOverInput(int(self.coordinator.currentData()), self.note.toPlainText(), until)

    @override
    def show_data(self, data: CaseEdit) -> None:
        self.partner.setCurrentIndex(max(self.partner.findData(data.partner_id), 0))
        self.model.setCurrentIndex(max(self.model.findData(data.model), 0))
        self.interval.setValue(data.follow_up_interval_days)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))

    def needs_reason(self) -> bool:
        facts = self._facts
        closing = (
            facts is not None
            and facts.status != CaseStatus.CLOSED
            and self.data().status == CaseStatus.CLOSED
        )
        above = (
            self.preview is not None
            and self.preview.caseload is not None
            and self.preview.caseload.above_limit
        )
        return closing or above

    @override
    def collect_problems(self) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        facts, edit = self._facts, self.data()
        if facts is None:
            return problems
        coordinator = self.coordinator.currentData()
        if edit.partner_id is not None and edit.partner_id == coordinator:
            problems.append(FieldProblem("partner", Problem.SAME_PARTNER))
        low, high = INTERVAL_RANGE
        if not low <= edit.follow_up_interval_days <= high:
            problems.append(FieldProblem("follow_up_interval_days", Problem.INTERVAL_RANGE))
        if edit.status != facts.status and edit.status not in NEXT_STATUS[facts.status]:
            problems.append(FieldProblem("status", Problem.OUT_OF_RANGE))
        if self.needs_reason() and not edit.reason.strip():
            problems.append(FieldProblem("reason", Problem.REQUIRED))
        elif len(edit.reason) > REASON_MAX:
            problems.append(FieldProblem("reason", Problem.TOO_LONG))
        hand_over = self.hand_over_input()
        if hand_over is not None:
            problems.extend(validate_hand_over_input(hand_over, local_today()))
        return problems

    # -- saving ------------------------------------------------------------------------------------
    @override
    def try_save(self) -> bool:
        if not self.ready:
            return False
        if self.previewing or self._timer.isActive():
            # the consequences shown must be the ones saved: save once they are in
            self._save_pending = True
            self.set_saving(True)
            if not self.previewing:
                self._timer.stop()
                self._ask_preview()
            return True
        return super().try_save()

    def _save_if_pending(self) -> None:
        if self._save_pending:
            self._save_pending = False
            self.set_saving(False)
            super().try_save()

    @override
    def save_job(self) -> SaveJob:
        sessions, case_id, version = self._context.sessions, self._case_id, self.edit_version
        edit, hand_over, today = self.data(), self.hand_over_input(), local_today()

        def job() -> int:
            with sessions.begin() as session:
                save_case_change(session, case_id, version, edit, hand_over, today)
            return case_id

        return job

    @override
    def save_refused(self, exc: Exception) -> bool:
        """A colleague changed the case meanwhile: say so, keep what was typed."""
        if isinstance(exc, ConcurrentEditError):
            QMessageBox.warning(
                self,
                self.tr("Changed by a colleague"),
                self.tr(
                    "A colleague changed this case after you opened it, so nothing was saved. "
                    "Cancel and open the case again to see their changes."
                ),
            )
            return True
        return False
