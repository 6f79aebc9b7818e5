"""New case: a family with members, or a single citizen.

Validation is the service's pure ``validate_case``; this dialog only shows its
problems next to the fields, sums up what is missing beside the save button, and
stores everything in one transaction or nothing at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app.models.enums import CoordinationModel, Relation
from app.services.cases.cases import DEFAULT_FOLLOW_UP_DAYS, CaseInput, MemberInput, validate_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.users import UserInfo, list_caseworkers
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.team.assignment import REASON_FIELD, create_assigned_case
from app.ui.cases.caseload_field import CaseloadField
from app.ui.cases.name_choice import ask_which_name
from app.ui.common.background import StoreLanes
from app.ui.common.colours import error_style, note_style
from app.ui.common.labels import label, problem_text
from app.ui.common.noop import QT_TRANSLATE_NOOP
from app.ui.common.painting import fill_placeholders

log = logging.getLogger(__name__)

FOLLOW_UP_WEEKS_KEY = "cases/follow_up_weeks"

FIELD_NAMES = {
    "family_name": QT_TRANSLATE_NOOP("NewCaseDialog", "family name"),
    "members": QT_TRANSLATE_NOOP("NewCaseDialog", "people"),
    "coordinator": QT_TRANSLATE_NOOP("NewCaseDialog", "coordinator"),
    "partner": QT_TRANSLATE_NOOP("NewCaseDialog", "partner caseworker"),
    "follow_up_interval_days": QT_TRANSLATE_NOOP("NewCaseDialog", "follow-up interval"),
    "first_name": QT_TRANSLATE_NOOP("NewCaseDialog", "first name of person %1"),
    "last_name": QT_TRANSLATE_NOOP("NewCaseDialog", "last name of person %1"),
    "cpr": QT_TRANSLATE_NOOP("NewCaseDialog", "CPR number of person %1"),
    "caseload_reason": QT_TRANSLATE_NOOP("NewCaseDialog", "reason for going above the caseload limit"),
}


def field_name(field: str) -> str:
    parts = field.split(".")
    if parts[0] == "members" and len(parts) == 3:
        text = QCoreApplication.translate("NewCaseDialog", FIELD_NAMES[parts[2]])
        return text.replace("%1", str(int(parts[1]) + 1))
    return QCoreApplication.translate("NewCaseDialog", FIELD_NAMES.get(field, field))


def _error_label(parent: QWidget) -> QLabel:
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setStyleSheet(error_style())
    lab.hide()
    return lab


@dataclass
class _MemberWidgets:
    first_name: QLineEdit
    last_name: QLineEdit
    cpr: QLineEdit
    relation: QComboBox
    custody: QCheckBox
    lives: QCheckBox
    remove: QPushButton
    errors: dict[str, QLabel]


class NewCaseDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._lanes = lanes
        self.ready = False  # the caseworkers to choose from and their caseloads have arrived
        self._workers_read = False
        self.saving = False  # the case is being stored on the store lane
        self._touched: set[str] = set()
        self._inherits_last_name: set[int] = set()  # ids of last-name fields that follow person 1
        self._show_all = False
        self.created_case_id: int | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setMinimumWidth(880)

        # Kind of case
        self.family_radio = QRadioButton(self.tr("A family"), self)
        self.single_radio = QRadioButton(self.tr("A single citizen"), self)
        self.family_radio.setChecked(True)
        kind_group = QButtonGroup(self)
        kind_group.addButton(self.family_radio)
        kind_group.addButton(self.single_radio)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.family_radio)
        kind_row.addWidget(self.single_radio)
        kind_row.addStretch(1)

        # Case fields
        self.family_name = QLineEdit(self)
        self.family_name.setObjectName("familyName")
        self.family_name.setPlaceholderText(self.tr("e.g. The Holm Jensen family"))
        self.family_name_error = _error_label(self)
        self.coordinator = QComboBox(self)
        self.partner = QComboBox(self)
        self.partner.addItem(self.tr("(none)"), None)
        sessions = context.sessions

        def caseworkers() -> list[UserInfo]:
            with sessions() as session:
                return list_caseworkers(session)

        lanes.store.submit(caseworkers, self._caseworkers_arrived, self._read_failed, owner=self)
        self.coordinator_error = _error_label(self)
        self.caseload = CaseloadField(self)
        self.caseload.load(context, lanes, self._caseloads_arrived)
        self.partner_error = _error_label(self)
        self.model_combo = QComboBox(self)
        for model in CoordinationModel:
            self.model_combo.addItem(label(model), model.value)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 52)
        # The team's usual cadence (Indstillinger → Familieoverblik), else 6 weeks.
        weeks = str((settings or QSettings()).value(FOLLOW_UP_WEEKS_KEY, DEFAULT_FOLLOW_UP_DAYS // 7))
        self.interval.setValue(int(weeks) if str(weeks).isdigit() else DEFAULT_FOLLOW_UP_DAYS // 7)
        self.interval.setSuffix(self.tr(" weeks"))
        self.interval_error = _error_label(self)

        self.family_name_row_label = QLabel(self.tr("Family name"), self)
        form = QFormLayout()
        form.addRow(self.family_name_row_label, self._with_error(self.family_name, self.family_name_error))
        form.addRow(self.tr("Coordinator"), self._with_error(self.coordinator, self.coordinator_error))
        form.addRow(self.tr("Caseload"), self.caseload)
        form.addRow(self.tr("Partner caseworker"), self._with_error(self.partner, self.partner_error))
        form.addRow(self.tr("Coordination model"), self.model_combo)
        form.addRow(self.tr("Follow up every"), self._with_error(self.interval, self.interval_error))

        # People
        self.people_box = QGroupBox(self.tr("People"), self)
        self.people_grid = QGridLayout()
        headers = [
            self.tr("First name"),
            self.tr("Last name"),
            self.tr("CPR number"),
            self.tr("Relation"),
            self.tr("Custody"),
            self.tr("Lives at home"),
        ]
        self._headers = headers
        for column, text in enumerate(headers):
            heading = QLabel(text, self)
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
            self.people_grid.addWidget(heading, 0, column)
        self.members: list[_MemberWidgets] = []
        self.members_error = _error_label(self)
        self.add_member_button = QPushButton(self.tr("Add person"), self)
        self.add_member_button.setObjectName("addMember")
        people_inner = QWidget(self)
        inner_layout = QVBoxLayout(people_inner)
        inner_layout.addLayout(self.people_grid)
        inner_layout.addWidget(self.members_error)
        inner_layout.addWidget(self.add_member_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(people_inner)
        scroll.setMinimumHeight(260)
        box_layout = QVBoxLayout(self.people_box)
        box_layout.addWidget(scroll)

        # Buttons and the summary of what is missing
        self.summary = QLabel(self)
        self.summary.setObjectName("missingSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(error_style())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Create case"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._set_saving(False)  # Save waits for the caseworkers' list
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(kind_row)
        layout.addLayout(form)
        layout.addWidget(self.people_box, 1)
        layout.addLayout(bottom)

        self.family_radio.toggled.connect(self._kind_changed)
        self.add_member_button.clicked.connect(lambda: self.add_member())
        self.family_name.textEdited.connect(lambda: self._touch("family_name"))
        self.coordinator.currentIndexChanged.connect(self._update_caseload)
        self.family_radio.toggled.connect(self._update_caseload)
        self.caseload.reason.textEdited.connect(lambda: self._touch(REASON_FIELD))
        self.partner.currentIndexChanged.connect(self._revalidate)
        self.interval.valueChanged.connect(self._revalidate)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)

        self.add_member(Relation.PARENT, custody=True)
        self.add_member(Relation.CHILD)
        self._revalidate()

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        holder = QWidget(field.parentWidget())
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return holder

    # -- members ------------------------------------------------------------------
    def add_member(self, relation: Relation = Relation.CHILD, custody: bool = False) -> _MemberWidgets:
        index = len(self.members)
        grid_row = 1 + index * 2
        first, last, cpr = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        cpr.setPlaceholderText(self.tr("DDMMYY-XXXX"))
        cpr.setMaxLength(11)
        if index > 0:
            last.setText(self.members[0].last_name.text())
            self._inherits_last_name.add(id(last))
        relation_box = QComboBox(self)
        for value in Relation:
            relation_box.addItem(label(value), value.value)
        relation_box.setCurrentIndex(relation_box.findData(relation.value))
        custody_box = QCheckBox(self)
        custody_box.setChecked(custody)
        lives = QCheckBox(self)
        lives.setChecked(True)
        remove = QPushButton(self.tr("Remove"), self)
        errors = {name: _error_label(self) for name in ("first_name", "last_name", "cpr")}
        widgets = _MemberWidgets(first, last, cpr, relation_box, custody_box, lives, remove, errors)
        for column, widget in enumerate((first, last, cpr, relation_box, custody_box, lives, remove)):
            self.people_grid.addWidget(widget, grid_row, column)
        for column, name in enumerate(("first_name", "last_name", "cpr")):
            self.people_grid.addWidget(errors[name], grid_row + 1, column)
        self.members.append(widgets)
        for name, edit in (("first_name", first), ("last_name", last), ("cpr", cpr)):
            edit.textEdited.connect(lambda _text, w=widgets, n=name: self._touch_member(w, n))
        if index == 0:
            last.textEdited.connect(self._copy_last_name)
        else:
            last.textEdited.connect(lambda _text, e=last: self._inherits_last_name.discard(id(e)))
        relation_box.currentIndexChanged.connect(self._revalidate)
        custody_box.toggled.connect(self._revalidate)
        remove.clicked.connect(lambda _checked=False, w=widgets: self.remove_member(w))
        self._update_member_controls()
        self._revalidate()
        return widgets

    def _copy_last_name(self, text: str) -> None:
        """Family members usually share the last name: fill rows the user has not changed."""
        for w in self.members[1:]:
            if id(w.last_name) in self._inherits_last_name:
                w.last_name.setText(text)
        self._revalidate()

    def remove_member(self, widgets: _MemberWidgets) -> None:
        if len(self.members) <= 1:
            return
        self.members.remove(widgets)
        for widget in (
            widgets.first_name,
            widgets.last_name,
            widgets.cpr,
            widgets.relation,
            widgets.custody,
            widgets.lives,
            widgets.remove,
            *widgets.errors.values(),
        ):
            self.people_grid.removeWidget(widget)
            widget.deleteLater()
        # Re-lay the remaining rows so they keep their order without gaps.
        for index, w in enumerate(self.members):
            grid_row = 1 + index * 2
            for column, widget in enumerate(
                (w.first_name, w.last_name, w.cpr, w.relation, w.custody, w.lives, w.remove)
            ):
                self.people_grid.addWidget(widget, grid_row, column)
            for column, name in enumerate(("first_name", "last_name", "cpr")):
                self.people_grid.addWidget(w.errors[name], grid_row + 1, column)
        # Row numbers shifted: only a save attempt (show all) keeps member errors visible.
        self._touched = {t for t in self._touched if not t.startswith("members.")}
        self._update_member_controls()
        self._revalidate()

    def _name_rows(self) -> None:
        """Each row's fields are named by their column's heading and the person's number (a
        screen reader says "CPR number, person 2")."""
        for index, w in enumerate(self.members, start=1):
            fields = (w.first_name, w.last_name, w.cpr, w.relation, w.custody, w.lives)
            for heading, field in zip(self._headers, fields, strict=True):
                field.setAccessibleName(fill_placeholders(self.tr("%1, person %2"), heading, str(index)))
                field.setProperty("no_label", "named by its column's heading")
            w.remove.setAccessibleName(fill_placeholders(self.tr("Remove person %1"), str(index)))

    def _update_member_controls(self) -> None:
        self._name_rows()
        single = self.single_radio.isChecked()
        for w in self.members:
            w.remove.setEnabled(len(self.members) > 1)
            for widget in (w.relation, w.custody, w.lives, w.remove):
                widget.setVisible(not single)
        self.add_member_button.setVisible(not single)

    def _kind_changed(self) -> None:
        single = self.single_radio.isChecked()
        while single and len(self.members) > 1:
            self.remove_member(self.members[-1])
        self.family_name.setVisible(not single)
        self.family_name_row_label.setVisible(not single)
        if single:
            self.family_name_error.hide()
        self.model_combo.setCurrentIndex(
            self.model_combo.findData(
                (CoordinationModel.HOLISTIC_PLAN if single else CoordinationModel.ONE_FAMILY_ONE_ENTRY).value
            )
        )
        self._update_member_controls()
        self._revalidate()

    # -- validation ---------------------------------------------------------------
    def case_input(self) -> CaseInput:
        single = self.single_radio.isChecked()
        return CaseInput(
            single_citizen=single,
            family_name=self.family_name.text(),
            members=[
                MemberInput(
                    first_name=w.first_name.text(),
                    last_name=w.last_name.text(),
                    cpr=w.cpr.text(),
                    relation=Relation.OTHER if single else Relation(w.relation.currentData()),
                    custody=False if single else w.custody.isChecked(),
                    lives_in_household=True if single else w.lives.isChecked(),
                )
                for w in self.members
            ],
            coordinator_id=self.coordinator.currentData(),
            partner_id=self.partner.currentData(),
            model=CoordinationModel(self.model_combo.currentData()),
            follow_up_interval_days=self.interval.value() * 7,
        )

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self._revalidate()

    def _touch_member(self, widgets: _MemberWidgets, name: str) -> None:
        if widgets in self.members:
            self._touch(f"members.{self.members.index(widgets)}.{name}")

    def problems(self) -> list[FieldProblem]:
        return validate_case(self.case_input(), local_today()) + self.caseload.problems()

    def _update_caseload(self) -> None:
        self.caseload.update_for(self.coordinator.currentData(), self.family_radio.isChecked())
        self._revalidate()

    def _revalidate(self) -> None:
        problems = self.problems()
        by_field: dict[str, list[FieldProblem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)

        def show(field: str, target: QLabel) -> None:
            found = by_field.get(field, [])
            visible = [p for p in found if self._show_all or field in self._touched or not p.blocking]
            if visible:
                target.setText("\n".join(problem_text(p.problem) for p in visible))
                blocking = any(p.blocking for p in visible)
                target.setStyleSheet(error_style() if blocking else note_style())
                target.show()
            else:
                target.hide()

        show("family_name", self.family_name_error)
        show("coordinator", self.coordinator_error)
        show("partner", self.partner_error)
        show(REASON_FIELD, self.caseload.reason_error)
        show("follow_up_interval_days", self.interval_error)
        members_problems = by_field.get("members", [])
        if members_problems and (self._show_all or self._touched):
            self.members_error.setText("\n".join(problem_text(p.problem) for p in members_problems))
            self.members_error.show()
        else:
            self.members_error.hide()
        for index, w in enumerate(self.members):
            for name, target in w.errors.items():
                show(f"members.{index}.{name}", target)

        blocking = [p for p in problems if p.blocking]
        if blocking:
            names = list(dict.fromkeys(field_name(p.field) for p in blocking))
            self.summary.setText(self.tr("To create the case, fix: %1").replace("%1", ", ".join(names)))
            self.save_button.setToolTip(self.summary.text())
        else:
            self.summary.setText("")
            self.save_button.setToolTip("")

    # -- reading -----------------------------------------------------------------------
    def _caseworkers_arrived(self, workers: list[UserInfo]) -> None:
        for worker in workers:
            self.coordinator.addItem(worker.full_name, worker.id)
            self.partner.addItem(worker.full_name, worker.id)
        mine = self.coordinator.findData(self._context.user.id)
        self.coordinator.setCurrentIndex(max(mine, 0))
        self._workers_read = True
        self._caseloads_arrived()

    def _caseloads_arrived(self) -> None:
        """Save waits for both the caseworkers and their caseloads."""
        self.ready = self._workers_read and self.caseload.loaded
        self._set_saving(False)
        self._update_caseload()

    def _read_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        log.warning("Reading the caseworkers failed: %s", type(exc).__name__)
        self.summary.setText(self._not_saved_text())

    # -- saving ---------------------------------------------------------------------
    @override
    def showEvent(self, event: QShowEvent) -> None:
        """Tab starts at the kind of case (the buttons, made first, come after the people)."""
        if self.focusWidget() is None or self.focusWidget() in self.buttons.buttons():
            self.family_radio.setFocus(Qt.FocusReason.TabFocusReason)
        super().showEvent(event)

    def try_save(self) -> bool:
        """Validate, then store the case on the store lane. True when the save was started;
        the dialog closes when it succeeds and stays open with the problems shown when not."""
        if not self.ready or self.saving:
            return False
        self._show_all = True
        self._revalidate()
        data = self.case_input()
        if any(p.blocking for p in self.problems()):
            self._focus_first_problem()
            return False
        self._submit(data)
        return True

    def _submit(self, data: CaseInput) -> None:
        sessions, today, reason = self._context.sessions, local_today(), self.caseload.reason.text()

        def job() -> int:  # above the caseload limit: the reason is logged with the case
            with sessions.begin() as session:
                return int(create_assigned_case(session, data, today, reason).id)

        self._set_saving(True)
        self._lanes.store.submit(job, self._created, lambda exc: self._not_created(exc, data), owner=self)

    def _set_saving(self, saving: bool) -> None:
        """Save waits for the caseworkers' list; while saving, nothing closes the dialog."""
        self.saving = saving
        self.save_button.setEnabled(not saving and self.ready)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not saving)

    @override
    def reject(self) -> None:
        if not self.saving:  # a save under way is not abandoned: its outcome is shown
            super().reject()

    def _created(self, case_id: int) -> None:
        self._set_saving(False)
        self.created_case_id = case_id
        self.accept()

    def _not_created(self, exc: Exception, data: CaseInput) -> None:
        """Nothing was stored. A known CPR number typed with another name is asked about and
        stored again; everything else is shown, the typing kept."""
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            differs = next((p for p in exc.problems if p.problem == Problem.NAME_DIFFERS), None)
            if differs is not None:
                member = data.members[int(differs.field.split(".")[1])]
                typed = f"{member.first_name.strip()} {member.last_name.strip()}"
                choice = ask_which_name(self, differs.detail, typed)
                if choice is not None:
                    member.name_choice = choice
                    self._submit(data)
                    return
            if any(p.field == REASON_FIELD for p in exc.problems):  # the loads changed meanwhile
                self._show_all = True
                self.caseload.load(self._context, self._lanes, self._caseloads_arrived)
            self._revalidate()
            shown = [p for p in exc.problems if p.problem != Problem.NAME_DIFFERS]
            if shown:  # found by the store only (e.g. a person out of reach on the server)
                self.summary.setText("; ".join(problem_text(p.problem) for p in shown))
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Saving a new case failed: %s", type(exc).__name__)
            self.summary.setText(self._not_saved_text())
        else:
            raise exc

    def _not_saved_text(self) -> str:
        return self.tr(
            "The case could not be saved: the database did not accept it. "
            "Nothing was stored; your typing is kept. Try again, or ask IT support."
        )

    def _focus_first_problem(self) -> None:
        for problem in self.problems():
            if not problem.blocking:
                continue
            parts = problem.field.split(".")
            if problem.field in ("family_name", REASON_FIELD):
                {"family_name": self.family_name, REASON_FIELD: self.caseload.reason}[
                    problem.field
                ].setFocus()
                return
            if parts[0] == "members" and len(parts) == 3:
                w = self.members[int(parts[1])]
                {"first_name": w.first_name, "last_name": w.last_name, "cpr": w.cpr}[parts[2]].setFocus()
                return

    @classmethod
    def ask(
        cls,
        context: AppContext,
        lanes: StoreLanes,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> int | None:
        """Show the dialog; the new case's id, or None if cancelled."""
        dialog = cls(context, lanes, parent, settings)
        dialog.exec()
        return dialog.created_case_id
