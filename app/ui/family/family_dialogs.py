"""Dialogs of the family screen: member, professional, consent, ending an intervention.

Each has a ``@classmethod ask(...)`` that runs it and returns what was stored (or None),
so callers' tests can patch it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.models import FamilyMember, Professional
from app.models.enums import ConsentCapacity, ConsentForm, Relation, Sector
from app.services.cases.case_summary import CaseNotFoundError, MemberSummary, case_summary
from app.services.cases.cases import MemberInput
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.family_overview import ProfessionalInfo, load_family_overview
from app.services.family.interventions import end_intervention
from app.services.family.members import (
    MemberChange,
    add_member,
    update_member,
    validate_member_change,
    validate_new_member,
)
from app.services.family.professionals import (
    ProfessionalInput,
    add_professional,
    link_professional,
    search_professionals,
    update_professional,
    validate_professional,
)
from app.services.family.transition import add_months
from app.services.privacy.consents import ConsentInput, record_consent, validate_consent
from app.services.privacy.sharing import INFO_TYPES, Party, PartyKind
from app.ui.cases.name_choice import ask_which_name
from app.ui.common.form_dialog import FormDialog, StoredRow, saved_stamp
from app.ui.common.labels import label

DATE_FORMAT = "dd.MM.yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box and a date field."""

    def __init__(self, text: str, day: date | None, fallback: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.edit = date_edit(self, day or fallback)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


def enum_combo(parent: QWidget, values: list, current: object) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class MemberDialog(FormDialog):
    """Add a person to the family, or change a member (the CPR number is fixed once given)."""

    FIELD_KEYS: ClassVar[dict[str, str]] = {"lives_in_household": "household"}

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        member: MemberSummary | None = None,
        member_version: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change person") if member else self.tr("Add person"), parent)
        self._context = context
        self._case_id = case_id
        self._member = member
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
        self.add_field("first_name", self.tr("First name"), self.first_name)
        self.add_field("last_name", self.tr("Last name"), self.last_name)
        self.add_field("cpr", self.tr("CPR number"), self.cpr)
        self.add_field("relation", self.tr("Relation"), self.relation)
        self.add_field("custody", self.tr("Custody"), self.custody)
        self.add_field("household", self.tr("Household"), self.lives)
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
        )

    def _change(self) -> MemberChange:
        return MemberChange(
            self.first_name.text(),
            self.last_name.text(),
            self.relation.currentData(),
            self.custody.isChecked(),
            self.lives.isChecked(),
        )

    def collect_problems(self) -> list[FieldProblem]:
        if self._member is not None:
            return validate_member_change(self._change())
        with self._context.sessions() as session:
            return validate_new_member(session, self._case_id, self._input(), local_today())

    def data(self) -> MemberChange:
        """What a change of the member stores (a new person is ``_input()``)."""
        return self._change()

    def store(self) -> None:
        if self._member is None:
            member = self._input()
            while True:
                try:
                    with self._context.sessions.begin() as session:
                        self.stored_id = add_member(session, self._case_id, member, local_today())
                    return
                except ValidationError as exc:
                    # A known CPR number typed with another name: ask which name is right.
                    differs = next((p for p in exc.problems if p.problem == Problem.NAME_DIFFERS), None)
                    typed = f"{member.first_name.strip()} {member.last_name.strip()}"
                    choice = None if differs is None else ask_which_name(self, differs.detail, typed)
                    if choice is None:
                        raise
                    member.name_choice = choice
        else:
            self.store_data(self.data(), self.edit_version)

    def store_data(self, data: MemberChange, version: int | None) -> None:
        assert self._member is not None and self._member.member_id is not None
        with self._context.sessions.begin() as session:
            update_member(session, self._case_id, self._member.member_id, data, version)
        self.stored_id = self._member.citizen_id

    # -- when someone else saved first ------------------------------------------------------
    def stored_now(self) -> StoredRow | None:
        if self._member is None or self._member.member_id is None:
            return None
        with self._context.sessions() as session:
            saved_by, saved_at = saved_stamp(session, FamilyMember, self._member.member_id)
            try:
                summary = case_summary(session, self._case_id)
            except CaseNotFoundError as exc:
                raise RowGoneError(f"case {self._case_id}") from exc
        member = next((m for m in summary.members if m.member_id == self._member.member_id), None)
        if member is None:
            raise RowGoneError(f"family_members {self._member.member_id}")
        stored = MemberChange(
            member.first_name, member.last_name, member.relation, member.custody, member.lives_in_household
        )
        return StoredRow(stored, member.member_version, saved_by, saved_at)

    def show_data(self, data: MemberChange) -> None:
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.relation.setCurrentIndex(max(self.relation.findData(data.relation), 0))
        self.custody.setChecked(data.custody)
        self.lives.setChecked(data.lives_in_household)


class ProfessionalDialog(FormDialog):
    """A new professional in the case's network, or changes to one (seen in all families)."""

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        professional: ProfessionalInfo | None = None,
        version: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Change professional") if professional else self.tr("New professional"), parent
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

    def collect_problems(self) -> list[FieldProblem]:
        return validate_professional(self._input())

    def data(self) -> ProfessionalInput:
        return self._input()

    def store_data(self, data: ProfessionalInput, version: int | None) -> None:
        with self._context.sessions.begin() as session:
            if self._professional is None:
                self.stored_id = add_professional(session, self._case_id, data)
            else:
                update_professional(session, self._professional.id, data, version)
                link_professional(session, self._case_id, self._professional.id)
                self.stored_id = self._professional.id

    # -- when someone else saved first ------------------------------------------------------
    def stored_now(self) -> StoredRow | None:
        if self._professional is None:
            return None
        with self._context.sessions() as session:
            saved_by, saved_at = saved_stamp(session, Professional, self._professional.id)
            try:
                overview = load_family_overview(session, self._case_id)
            except CaseNotFoundError as exc:
                raise RowGoneError(f"case {self._case_id}") from exc
        pro = next((p for p in overview.professionals if p.id == self._professional.id), None)
        if pro is None:  # no longer around this family: the plain message instead
            return None
        stored = ProfessionalInput(pro.name, pro.role, pro.organisation, pro.sector, pro.phone, pro.email)
        return StoredRow(stored, pro.version, saved_by, saved_at)

    def show_data(self, data: ProfessionalInput) -> None:
        self.name.setText(data.name)
        self.role.setText(data.role)
        self.organisation.setText(data.organisation)
        self.sector.setCurrentIndex(max(self.sector.findData(data.sector), 0))
        self.phone.setText(data.phone)
        self.email.setText(data.email)


class LinkProfessionalDialog(FormDialog):
    """Add a professional who already works with other families to this case's network."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add an existing professional"), parent)
        self._context = context
        self._case_id = case_id
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
        with self._context.sessions() as session:
            found = search_professionals(session, text)
        self.results.clear()
        for choice in found:
            detail = ", ".join(x for x in (choice.role, choice.organisation) if x)
            item = QListWidgetItem(f"{choice.name} – {detail}" if detail else choice.name, self.results)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def collect_problems(self) -> list[FieldProblem]:
        from app.services.common.validation import Problem

        if self.results.currentItem() is None:
            return [FieldProblem("professional", Problem.REQUIRED)]
        return []

    def store(self) -> None:
        item = self.results.currentItem()
        professional_id = int(item.data(Qt.ItemDataRole.UserRole))
        with self._context.sessions.begin() as session:
            link_professional(session, self._case_id, professional_id)
        self.stored_id = professional_id


# The information types a consent can cover (sharing.INFO_TYPES), as the UI says them.
INFO_TYPE_LABELS: dict[str, str] = {
    "plan": QT_TRANSLATE_NOOP("ConsentDialog", "The common plan"),
    "social": QT_TRANSLATE_NOOP("ConsentDialog", "Social services"),
    "health": QT_TRANSLATE_NOOP("ConsentDialog", "Health"),
    "school": QT_TRANSLATE_NOOP("ConsentDialog", "School and day care"),
    "employment": QT_TRANSLATE_NOOP("ConsentDialog", "Job centre and benefits"),
    "family": QT_TRANSLATE_NOOP("ConsentDialog", "Family relations"),
}


def info_type_label(key: str) -> str:
    return QCoreApplication.translate("ConsentDialog", INFO_TYPE_LABELS.get(key, key))


def party_label(party: Party, professionals: dict[str, ProfessionalInfo]) -> str:
    """A party as the UI says it: a sector's label, an organisation, a professional's name."""
    if party.kind == PartyKind.SECTOR:
        try:
            return label(Sector(party.value))
        except ValueError:
            return party.value
    if party.kind == PartyKind.PROFESSIONAL:
        pro = professionals.get(party.value)
        return pro.name if pro is not None else party.value
    return party.value


class ConsentDialog(FormDialog):
    """A consent for the register: who gave it (a member or a typed name) and as what, for
    whose information, which types, to which parties, purpose, written or oral with the
    signed form attached, given and expiry."""

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        members: tuple[MemberSummary, ...],
        citizen_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record consent"), parent)
        self._context = context
        self._case_id = case_id
        self._attachment: bytes | None = None
        self._attachment_name = ""
        today = local_today()
        with context.sessions() as session:
            try:
                professionals = load_family_overview(session, case_id).professionals
            except CaseNotFoundError:
                professionals = ()
        self._professionals = {str(p.id): p for p in professionals}
        self.member = QComboBox(self)
        self.member.setObjectName("consentMember")
        for m in members:
            self.member.addItem(m.name, m.citizen_id)
        if citizen_id is not None:
            self.member.setCurrentIndex(max(self.member.findData(citizen_id), 0))
        self.given_by = QComboBox(self)
        self.given_by.setObjectName("consentGivenBy")
        self.given_by.setEditable(True)
        for m in members:
            self.given_by.addItem(m.name, m.citizen_id)
        self.capacity = enum_combo(self, list(ConsentCapacity), ConsentCapacity.CUSTODY_HOLDER)
        self.form_kind = enum_combo(self, list(ConsentForm), ConsentForm.WRITTEN)
        self.info_types: dict[str, QCheckBox] = {}
        self.mandate: dict[str, QCheckBox] = {}
        types_box, mandate_box = QWidget(self), QWidget(self)
        types_layout, mandate_layout = QGridLayout(types_box), QGridLayout(mandate_box)
        for layout in (types_layout, mandate_layout):
            layout.setContentsMargins(0, 0, 0, 0)
        for index, key in enumerate(INFO_TYPES):
            self.info_types[key] = QCheckBox(info_type_label(key), types_box)
            self.info_types[key].setObjectName(f"infoType_{key}")
            types_layout.addWidget(self.info_types[key], index // 3, index % 3)
            self.mandate[key] = QCheckBox(info_type_label(key), mandate_box)
            self.mandate[key].setObjectName(f"mandate_{key}")
            mandate_layout.addWidget(self.mandate[key], index // 3, index % 3)
        self.parties = QListWidget(self)
        self.parties.setObjectName("consentParties")
        self.parties.setFixedHeight(130)
        for party in self._party_choices():
            item = QListWidgetItem(self._party_text(party), self.parties)
            item.setData(Qt.ItemDataRole.UserRole, party.encode())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("consentPurpose")
        self.purpose.setPlaceholderText(self.tr("e.g. the common plan for the family"))
        attach_row = QWidget(self)
        attach_layout = QHBoxLayout(attach_row)
        attach_layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_label = QLabel(self.tr("No file attached"), attach_row)
        self.attach_button = QPushButton(self.tr("Attach signed form…"), attach_row)
        self.attach_button.setObjectName("attachForm")
        self.attach_button.clicked.connect(self._choose_file)
        attach_layout.addWidget(self.attachment_label, 1)
        attach_layout.addWidget(self.attach_button)
        self.given_on = date_edit(self, today)
        self.expires = OptionalDate(self.tr("Expires"), None, add_months(today, 12), self)
        self.add_field("citizen", self.tr("Whose information"), self.member)
        self.add_field("given_by", self.tr("Given by"), self.given_by)
        self.add_field("capacity", self.tr("As"), self.capacity)
        self.add_field("mandate", self.tr("The mandate covers"), mandate_box)
        self.add_field("info_types", self.tr("Information"), types_box)
        self.add_field("parties", self.tr("Shared with"), self.parties)
        self.add_field("purpose", self.tr("Purpose"), self.purpose)
        self.add_field("form", self.tr("Form"), self.form_kind)
        self.add_field("attachment", self.tr("Signed form"), attach_row)
        self.add_field("given_on", self.tr("Given on"), self.given_on)
        self.add_field("expires_on", self.tr("Expiry"), self.expires)
        self.watch("given_by", self.given_by.editTextChanged)
        self.watch("given_on", self.given_on.dateChanged)
        self.watch("expires_on", self.expires.edit.dateChanged)
        self.watch("mandate", self.capacity.currentIndexChanged)
        for box in self.mandate.values():
            self.watch("mandate", box.toggled)
        self.member.currentIndexChanged.connect(self._suggest_capacity)
        self.capacity.currentIndexChanged.connect(self._mandate_enabled)
        self._members = {m.citizen_id: m for m in members}
        self._suggest_capacity()
        self._mandate_enabled()
        self.refresh()

    def _party_choices(self) -> list[Party]:
        pros = sorted(self._professionals.values(), key=lambda p: p.name.casefold())
        sectors = [Party(PartyKind.SECTOR, s.value) for s in Sector]
        organisations = sorted(
            {p.organisation.strip() for p in pros if p.organisation.strip()}, key=str.casefold
        )
        return [
            *[Party(PartyKind.PROFESSIONAL, str(p.id)) for p in pros],
            *[Party(PartyKind.ORGANISATION, o) for o in organisations],
            *sectors,
        ]

    def _party_text(self, party: Party) -> str:
        name = party_label(party, self._professionals)
        if party.kind == PartyKind.SECTOR:
            return self.tr("Sector: %1").replace("%1", name)
        if party.kind == PartyKind.ORGANISATION:
            return self.tr("Organisation: %1").replace("%1", name)
        pro = self._professionals.get(party.value)
        where = ", ".join(x for x in (pro.role, pro.organisation) if x) if pro else ""
        return f"{name} ({where})" if where else name

    def check_party(self, party: Party, checked: bool = True) -> None:
        for row in range(self.parties.count()):
            item = self.parties.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == party.encode():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen_parties(self) -> list[Party]:
        chosen: list[Party] = []
        for row in range(self.parties.count()):
            item = self.parties.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                party = Party.decode(item.data(Qt.ItemDataRole.UserRole))
                if party is not None:
                    chosen.append(party)
        return chosen

    def _mandate_enabled(self) -> None:
        mandated = self.capacity.currentData() in (ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY)
        for box in self.mandate.values():
            box.setEnabled(mandated)

    def attach_file(self, path: Path) -> None:
        self._attachment = path.read_bytes()
        self._attachment_name = path.name
        self.attachment_label.setText(path.name)
        self.refresh()

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach signed form"),
            "",
            self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif);;All files (*)"),
        )
        if name:
            try:
                self.attach_file(Path(name))
            except OSError:
                self.attachment_label.setText(self.tr("The file could not be read"))

    def _suggest_capacity(self) -> None:
        member = self._members.get(self.member.currentData())
        if member is None:
            return
        age = member.age_on(local_today())
        if member.relation != Relation.CHILD or age >= 18:
            capacity = ConsentCapacity.SELF
            self.given_by.setEditText(member.name)
        elif age >= 15:
            capacity = ConsentCapacity.YOUTH
        else:
            capacity = ConsentCapacity.CUSTODY_HOLDER
        self.capacity.setCurrentIndex(self.capacity.findData(capacity))

    def _given_by_id(self) -> int | None:
        text = " ".join(self.given_by.currentText().split()).casefold()
        for index in range(self.given_by.count()):
            if " ".join(self.given_by.itemText(index).split()).casefold() == text:
                return int(self.given_by.itemData(index))
        return None

    def _input(self) -> ConsentInput:
        capacity = self.capacity.currentData()
        mandated = capacity in (ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY)
        return ConsentInput(
            citizen_id=int(self.member.currentData()),
            given_by_name=self.given_by.currentText(),
            capacity=capacity,
            given_on=from_qdate(self.given_on.date()),
            parties=self.chosen_parties(),
            info_types=[k for k, box in self.info_types.items() if box.isChecked()],
            purpose=self.purpose.text(),
            form=self.form_kind.currentData(),
            expires_on=self.expires.value(),
            given_by_citizen_id=self._given_by_id(),
            mandate=[k for k, box in self.mandate.items() if box.isChecked()] if mandated else [],
            attachment=self._attachment,
            attachment_name=self._attachment_name,
        )

    def collect_problems(self) -> list[FieldProblem]:
        return validate_consent(self._input(), local_today())

    def store(self) -> None:
        with self._context.sessions.begin() as session:
            self.stored_id = record_consent(session, self._case_id, self._input(), local_today())


class EndInterventionDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        case_id: int,
        intervention_id: int,
        title: str,
        start: date,
        version: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("End intervention"), parent)
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

    def collect_problems(self) -> list[FieldProblem]:
        from app.services.common.validation import Problem

        if from_qdate(self.end_date.date()) < self._start:
            return [FieldProblem("end_date", Problem.END_BEFORE_START)]
        return []

    def store(self) -> None:
        with self._context.sessions.begin() as session:
            end_intervention(
                session, self._case_id, self._id, from_qdate(self.end_date.date()), self._version
            )
        self.stored_id = self._id
