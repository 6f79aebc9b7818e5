"""Dialogs of the family screen: member, professional, ending an intervention (the consent
dialog is in consent_dialog.py).

Each has a ``@classmethod ask(...)`` that runs it and returns what was stored (or None),
so callers' tests can patch it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)
from typing_extensions import override

from app.models import FamilyMember, Professional
from app.models.enums import Relation, Sector
from app.services.cases.case_summary import CaseNotFoundError, MemberSummary, case_summary
from app.services.cases.cases import MemberInput
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError, saved_stamp
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.family_overview import ProfessionalInfo, load_family_overview
from app.services.family.interventions import end_intervention
from app.services.family.members import (
    MemberChange,
    add_member,
    update_member,
    validate_member_change,
    validate_new_member_input,
)
from app.services.family.professionals import (
    ProfessionalChoice,
    ProfessionalInput,
    add_professional,
    link_professional,
    search_professionals,
    update_professional,
    validate_professional,
)
from app.ui.cases.name_choice import ask_which_name
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import date_edit, from_qdate
from app.ui.common.enum_combo import enum_combo
from app.ui.common.form_dialog import StoredRow
from app.ui.common.lane_form import LaneFormDialog, SaveJob
from app.ui.common.print_language_names import language_names


class MemberDialog(LaneFormDialog):
    """Add a person to the family, or change a member (the CPR number is fixed once given)."""

    FIELD_KEYS: ClassVar[dict[str, str]] = {"lives_in_household": "household"}

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        member: MemberSummary | None = None,
        member_version: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change person") if member else self.tr("Add person"), lanes, parent)
        self._context = context
        self._case_id = case_id
        self._member = member
        self._new_member: MemberInput | None = None  # a new person as last sent to the store
        self.first_name = QLineEdit(member.first_name if member else "", self)
        self.first_name.setObjectName("firstName")
        self.last_name = QLineEdit(member.last_name if member else "", self)
        self.last_name.setObjectName("lastName")
        self.cpr = QLineEdit(member.cpr_masked if member else "", self)
        self.cpr.setObjectName("cpr")
        self.cpr.setPlaceholderText(self.tr("DDMMYY-XXXX"))
        self.cpr.setReadOnly(member is not None)
        self.relation = enum_combo(self, list(Relation), member.relation if member else Relation.CHILD)
        self.relation.setObjectName("relation")
        self.custody = QCheckBox(self.tr("Has custody (forældremyndighed)"), self)
        self.custody.setObjectName("custody")
        self.custody.setChecked(bool(member and member.custody))
        self.lives = QCheckBox(self.tr("Lives in the household"), self)
        self.lives.setChecked(member.lives_in_household if member else True)
        self.language = QComboBox(self)
        self.language.setObjectName("memberLanguage")
        self.language.setToolTip(
            self.tr("The family's copy of the plan is printed in the language of the adults with custody.")
        )
        for code, name in language_names():
            self.language.addItem(name, code)
        self._set_language(member.language if member else "da")
        self.add_field("first_name", self.tr("First name"), self.first_name)
        self.add_field("last_name", self.tr("Last name"), self.last_name)
        self.add_field("cpr", self.tr("CPR number"), self.cpr)
        self.add_field("relation", self.tr("Relation"), self.relation)
        self.add_field("custody", self.tr("Custody"), self.custody)
        self.add_field("household", self.tr("Household"), self.lives)
        self.add_field("language", self.tr("Language of the printed plan"), self.language)
        if member is not None:
            self.cpr.setToolTip(self.tr("The CPR number cannot be changed here."))
        for key, widget in (
            ("first_name", self.first_name),
            ("last_name", self.last_name),
            ("cpr", self.cpr),
        ):
            self.watch(key, widget.textEdited)
        self.refresh()
        if member is not None:
            self.edit_version = member_version
            self.remember_base()

    def _input(self) -> MemberInput:
        return MemberInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            cpr=self.cpr.text(),
            relation=self.relation.currentData(),
            custody=self.custody.isChecked(),
            lives_in_household=self.lives.isChecked(),
            language=self.language.currentData(),
        )

    def _change(self) -> MemberChange:
        return MemberChange(
            self.first_name.text(),
            self.last_name.text(),
            self.relation.currentData(),
            self.custody.isChecked(),
            self.lives.isChecked(),
            self.language.currentData(),
        )

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "language" and isinstance(value, str):
            return dict(language_names()).get(value, value)
        return super().describe(field, value)

    def _set_language(self, recorded: str) -> None:
        """The recorded language chosen; one recorded in words (an older record) is kept as
        its own choice until changed."""
        index = self.language.findData(recorded)
        if index < 0:
            self.language.addItem(recorded, recorded)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)

    @override
    def collect_problems(self) -> list[FieldProblem]:
        # Whether the person is in the family already is the store's to say, when saving.
        if self._member is not None:
            return validate_member_change(self._change())
        return validate_new_member_input(self._input(), local_today())

    @override
    def data(self) -> MemberChange:
        """What a change of the member stores (a new person is ``_input()``)."""
        return self._change()

    @override
    def save_job(self) -> SaveJob:
        if self._member is None:
            self._new_member = self._input()
            return self._add_job(self._new_member)
        return self.job_for(self.data(), self.edit_version)

    def _add_job(self, member: MemberInput) -> SaveJob:
        sessions, case_id, today = self._context.sessions, self._case_id, local_today()

        def job() -> int:
            with sessions.begin() as session:
                return add_member(session, case_id, member, today)

        return job

    @override
    def save_refused(self, exc: Exception) -> bool:
        """A known CPR number typed with another name: ask which name is right, then save again."""
        if self._member is not None or not isinstance(exc, ValidationError):
            return False
        differs = next((p for p in exc.problems if p.problem == Problem.NAME_DIFFERS), None)
        member = self._new_member
        if differs is None or member is None:
            return False
        typed = f"{member.first_name.strip()} {member.last_name.strip()}"
        choice = ask_which_name(self, differs.detail, typed)
        if choice is None:
            return False
        member.name_choice = choice
        self.submit_save(self._add_job(member))
        return True

    @override
    def job_for(self, data: MemberChange, version: int | None) -> SaveJob:
        assert self._member is not None and self._member.member_id is not None
        sessions, case_id = self._context.sessions, self._case_id
        member_id, citizen_id = self._member.member_id, self._member.citizen_id

        def job() -> int:
            with sessions.begin() as session:
                update_member(session, case_id, member_id, data, version)
            return citizen_id

        return job

    # -- when someone else saved first ------------------------------------------------------
    @override
    def stored_job(self) -> Callable[[], StoredRow] | None:
        if self._member is None or self._member.member_id is None:
            return None
        sessions, case_id, member_id = self._context.sessions, self._case_id, self._member.member_id

        def job() -> StoredRow:
            with sessions() as session:
                saved_by, saved_at = saved_stamp(session, FamilyMember, member_id)
                try:
                    summary = case_summary(session, case_id)
                except CaseNotFoundError as exc:
                    raise RowGoneError(f"case {case_id}") from exc
            member = next((m for m in summary.members if m.member_id == member_id), None)
            if member is None:
                raise RowGoneError(f"family_members {member_id}")
            stored = MemberChange(
                member.first_name,
                member.last_name,
                member.relation,
                member.custody,
                member.lives_in_household,
                member.language,
            )
            return StoredRow(stored, member.member_version, saved_by, saved_at)

        return job

    @override
    def show_data(self, data: MemberChange) -> None:
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.relation.setCurrentIndex(max(self.relation.findData(data.relation), 0))
        self.custody.setChecked(data.custody)
        self.lives.setChecked(data.lives_in_household)
        self._set_language(data.language)


class ProfessionalDialog(LaneFormDialog):
    """A new professional in the case's network, or changes to one (seen in all families)."""

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        professional: ProfessionalInfo | None = None,
        version: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Change professional") if professional else self.tr("New professional"), lanes, parent
        )
        self._context = context
        self._case_id = case_id
        self._professional = professional
        p = professional
        self.name = QLineEdit(p.name if p else "", self)
        self.name.setObjectName("proName")
        self.role = QLineEdit(p.role if p else "", self)
        self.role.setPlaceholderText(self.tr("e.g. PPR psychologist, teacher, job consultant"))
        self.organisation = QLineEdit(p.organisation if p else "", self)
        self.sector = enum_combo(self, list(Sector), p.sector if p else Sector.SOCIAL_CHILDREN)
        self.phone = QLineEdit(p.phone if p else "", self)
        self.email = QLineEdit(p.email if p else "", self)
        self.email.setObjectName("proEmail")
        self.add_field("name", self.tr("Name"), self.name)
        self.add_field("role", self.tr("Role"), self.role)
        self.add_field("organisation", self.tr("Organisation"), self.organisation)
        self.add_field("sector", self.tr("Sector"), self.sector)
        self.add_field("phone", self.tr("Phone"), self.phone)
        self.add_field("email", self.tr("E-mail"), self.email)
        if p is not None:
            note = QLabel(self.tr("Changes are seen in every family this professional works with."), self)
            note.setWordWrap(True)
            self.body.addWidget(note)
        for key in ("name", "role", "organisation", "phone", "email"):
            self.watch(key, getattr(self, key).textEdited)
        self.refresh()
        if p is not None:
            self.edit_version = version
            self.remember_base()

    def _input(self) -> ProfessionalInput:
        return ProfessionalInput(
            self.name.text(),
            self.role.text(),
            self.organisation.text(),
            self.sector.currentData(),
            self.phone.text(),
            self.email.text(),
        )

    @override
    def collect_problems(self) -> list[FieldProblem]:
        return validate_professional(self._input())

    @override
    def data(self) -> ProfessionalInput:
        return self._input()

    @override
    def job_for(self, data: ProfessionalInput, version: int | None) -> SaveJob:
        sessions, case_id = self._context.sessions, self._case_id
        professional_id = self._professional.id if self._professional is not None else None

        def job() -> int:
            with sessions.begin() as session:
                if professional_id is None:
                    return add_professional(session, case_id, data)
                update_professional(session, professional_id, data, version)
                link_professional(session, case_id, professional_id)
                return professional_id

        return job

    # -- when someone else saved first ------------------------------------------------------
    @override
    def stored_job(self) -> Callable[[], StoredRow | None] | None:
        if self._professional is None:
            return None
        sessions, case_id, professional_id = self._context.sessions, self._case_id, self._professional.id

        def job() -> StoredRow | None:
            with sessions() as session:
                saved_by, saved_at = saved_stamp(session, Professional, professional_id)
                try:
                    overview = load_family_overview(session, case_id)
                except CaseNotFoundError as exc:
                    raise RowGoneError(f"case {case_id}") from exc
            pro = next((p for p in overview.professionals if p.id == professional_id), None)
            if pro is None:  # no longer around this family: the plain message instead
                return None
            stored = ProfessionalInput(pro.name, pro.role, pro.organisation, pro.sector, pro.phone, pro.email)
            return StoredRow(stored, pro.version, saved_by, saved_at)

        return job

    @override
    def show_data(self, data: ProfessionalInput) -> None:
        self.name.setText(data.name)
        self.role.setText(data.role)
        self.organisation.setText(data.organisation)
        self.sector.setCurrentIndex(max(self.sector.findData(data.sector), 0))
        self.phone.setText(data.phone)
        self.email.setText(data.email)


class LinkProfessionalDialog(LaneFormDialog):
    """Add a professional who already works with other families to this case's network.

    The search runs on the store lane; only the newest answer is shown."""

    def __init__(
        self, context: AppContext, lanes: StoreLanes, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Add an existing professional"), lanes, parent)
        self._context = context
        self._case_id = case_id
        self._asked = 0  # the newest search asked for
        self.search = QLineEdit(self)
        self.search.setObjectName("proSearch")
        self.search.setPlaceholderText(self.tr("Search name, role or organisation"))
        self.results = QListWidget(self)
        self.results.setObjectName("proResults")
        self.results.setMinimumHeight(220)
        self.add_field("search", self.tr("Search"), self.search)
        self.add_field("professional", self.tr("Professional"), self.results)
        self.search.textChanged.connect(self._fill)
        self.results.itemDoubleClicked.connect(lambda _item: self.try_save())
        self._fill("")

    def _fill(self, text: str) -> None:
        sessions = self._context.sessions
        self._asked += 1
        asked = self._asked

        def job() -> list[ProfessionalChoice]:
            with sessions() as session:
                return search_professionals(session, text)

        self.lanes.store.submit(job, lambda found: self._found(found, asked), owner=self)

    def _found(self, found: list[ProfessionalChoice], asked: int) -> None:
        if asked != self._asked:
            return
        self.results.clear()
        for choice in found:
            detail = ", ".join(x for x in (choice.role, choice.organisation) if x)
            item = QListWidgetItem(f"{choice.name} – {detail}" if detail else choice.name, self.results)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.refresh()

    @override
    def collect_problems(self) -> list[FieldProblem]:
        if self.results.currentItem() is None:
            return [FieldProblem("professional", Problem.REQUIRED)]
        return []

    @override
    def save_job(self) -> SaveJob:
        item = self.results.currentItem()
        professional_id = int(item.data(Qt.ItemDataRole.UserRole))
        sessions, case_id = self._context.sessions, self._case_id

        def job() -> int:
            with sessions.begin() as session:
                link_professional(session, case_id, professional_id)
            return professional_id

        return job


class EndInterventionDialog(LaneFormDialog):
    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        intervention_id: int,
        title: str,
        start: date,
        version: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("End intervention"), lanes, parent)
        self._context = context
        self._case_id = case_id
        self._id = intervention_id
        self._start = start
        self._version = version
        what = QLabel(title, self)
        what.setWordWrap(True)
        self.end_date = date_edit(self, max(local_today(), start))
        self.end_date.setObjectName("endDate")
        self.add_field("intervention", self.tr("Intervention"), what)
        self.add_field("end_date", self.tr("Last day"), self.end_date)
        self.watch("end_date", self.end_date.dateChanged)
        self.save_button.setText(self.tr("End"))

    @override
    def collect_problems(self) -> list[FieldProblem]:
        if from_qdate(self.end_date.date()) < self._start:
            return [FieldProblem("end_date", Problem.END_BEFORE_START)]
        return []

    @override
    def save_job(self) -> SaveJob:
        sessions, case_id, intervention_id = self._context.sessions, self._case_id, self._id
        last_day, version = from_qdate(self.end_date.date()), self._version

        def job() -> int:
            with sessions.begin() as session:
                end_intervention(session, case_id, intervention_id, last_day, version)
            return intervention_id

        return job
