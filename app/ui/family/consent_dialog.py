"""The consent dialog of the family screen: who gave a consent and as what, for whose
information, which types, to which parties, written or oral, given and expiry."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from app.models.enums import ConsentCapacity, ConsentDirection, ConsentForm, Relation, Sector
from app.services.cases.case_summary import CaseNotFoundError, MemberSummary
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import FieldProblem
from app.services.family.family_overview import ProfessionalInfo, load_family_overview
from app.services.family.transition import add_months
from app.services.privacy.consents import ConsentInput, record_consent, validate_consent
from app.services.privacy.sharing import INFO_TYPES, Party, PartyKind
from app.store.safe_files import OutputRefusedError
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import OptionalDate, date_edit, from_qdate
from app.ui.common.enum_combo import enum_combo
from app.ui.common.labels import label
from app.ui.common.lane_form import LaneFormDialog, SaveJob
from app.ui.common.noop import QT_TRANSLATE_NOOP

# The information types a consent can cover (sharing.INFO_TYPES), as the UI says them.
INFO_TYPE_LABELS: dict[str, str] = {
    "plan": QT_TRANSLATE_NOOP("ConsentDialog", "The common plan"),
    "social": QT_TRANSLATE_NOOP("ConsentDialog", "Social services"),
    "health": QT_TRANSLATE_NOOP("ConsentDialog", "Health"),
    "school": QT_TRANSLATE_NOOP("ConsentDialog", "School and day care"),
    "employment": QT_TRANSLATE_NOOP("ConsentDialog", "Job centre and benefits"),
    "family": QT_TRANSLATE_NOOP("ConsentDialog", "Family relations"),
}

log = logging.getLogger(__name__)


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


class ConsentDialog(LaneFormDialog):
    """A consent for the register: who gave it (a member or a typed name) and as what, for
    whose information, which types, to which parties, purpose, written or oral with the
    signed form attached, given and expiry."""

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        case_id: int,
        members: tuple[MemberSummary, ...],
        citizen_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record consent"), lanes, parent)
        self._context = context
        self._case_id = case_id
        self._attachment: bytes | None = None
        self._attachment_name = ""
        today = local_today()
        self._professionals: dict[str, ProfessionalInfo] = {}
        self.professionals_read = False  # the network's professionals arrive from the lane
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
        self.direction = enum_combo(self, list(ConsentDirection), ConsentDirection.BOTH)
        self.direction.setObjectName("consentDirection")
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
        self._fill_parties()
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("consentPurpose")
        self.purpose.setPlaceholderText(self.tr("e.g. the common plan for the family"))
        attach_row = QWidget(self)  # the file's name above, the two buttons below: it fits 1366
        attach_layout = QGridLayout(attach_row)
        attach_layout.setContentsMargins(0, 0, 0, 0)
        self.attachment_label = QLabel(self.tr("No file attached"), attach_row)
        self.print_button = QPushButton(self.tr("Print form to sign…"), attach_row)
        self.print_button.setObjectName("printConsentForm")
        self.print_button.clicked.connect(self._print_form)
        self.attach_button = QPushButton(self.tr("Attach signed form…"), attach_row)
        self.attach_button.setObjectName("attachForm")
        self.attach_button.clicked.connect(self._choose_file)
        attach_layout.addWidget(self.attachment_label, 0, 0, 1, 3)
        attach_layout.addWidget(self.print_button, 1, 0)
        attach_layout.addWidget(self.attach_button, 1, 1)
        attach_layout.setColumnStretch(2, 1)
        self.given_on = date_edit(self, today)
        self.expires = OptionalDate(self.tr("Expires"), None, add_months(today, 12), self)
        self.add_field("citizen", self.tr("Whose information"), self.member)
        self.add_field("given_by", self.tr("Given by"), self.given_by)
        self.add_field("capacity", self.tr("As"), self.capacity)
        self.add_field("mandate", self.tr("The mandate covers"), mandate_box)
        self.add_field("direction", self.tr("The consent lets us"), self.direction)
        self.add_field("info_types", self.tr("Information"), types_box)
        self.add_field("parties", self.tr("From or to whom"), self.parties)
        self.add_field("purpose", self.tr("Purpose"), self.purpose)
        self.add_field("form", self.tr("Form"), self.form_kind)
        self.add_field("attachment", self.tr("Signed form"), attach_row)
        self.add_field("given_on", self.tr("Given on"), self.given_on)
        self.add_field("expires_on", self.tr("Expiry"), self.expires)
        self.watch("given_by", self.given_by.editTextChanged)
        self.watch("given_on", self.given_on.dateChanged)
        self.watch("parties", self.direction.currentIndexChanged)
        self.watch("parties", self.parties.itemChanged)
        self.watch("info_types", self.direction.currentIndexChanged)
        for box in self.info_types.values():
            self.watch("info_types", box.toggled)
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
        self._read_professionals()

    def _read_professionals(self) -> None:
        sessions, case_id = self._context.sessions, self._case_id

        def job() -> tuple[ProfessionalInfo, ...]:
            with sessions() as session:
                try:
                    return load_family_overview(session, case_id).professionals
                except CaseNotFoundError:
                    return ()

        self.lanes.store.submit(job, self._professionals_arrived, owner=self)

    def _professionals_arrived(self, professionals: tuple[ProfessionalInfo, ...]) -> None:
        self._professionals = {str(p.id): p for p in professionals}
        self._fill_parties()
        self.professionals_read = True

    def _fill_parties(self) -> None:
        """The parties to choose from, keeping what is ticked already."""
        chosen = {party.encode() for party in self.chosen_parties()}
        blocked = self.parties.blockSignals(True)  # filling is not the user ticking: no error yet
        self.parties.clear()
        for party in self._party_choices():
            item = QListWidgetItem(self._party_text(party), self.parties)
            item.setData(Qt.ItemDataRole.UserRole, party.encode())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = party.encode() in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.parties.blockSignals(blocked)

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

    def _print_form(self) -> None:
        """The form as it stands, as a PDF to print and sign (nothing is recorded yet)."""
        self._show_all = True
        if any(p.blocking for p in self.refresh()):
            return  # the form would print what cannot be recorded: the fields say why
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the consent form"), "samtykke.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.write_form(Path(name if name.lower().endswith(".pdf") else f"{name}.pdf"))

    def write_form(self, path: Path) -> None:
        """Write the form to ``path`` on the store lane; the summary says when it is there."""
        sessions, case_id, data, today = self._context.sessions, self._case_id, self._input(), local_today()

        def job() -> Path:
            from app.pdf.consent_form_pdf import write_consent_form
            from app.services.common import audit
            from app.services.privacy.consent_form import consent_form

            with sessions.begin() as session:
                write_consent_form(consent_form(session, case_id, data, today), path)
                audit.record(
                    session,
                    audit.EXPORT,
                    object_type="consent_form",
                    citizen_id=data.citizen_id,
                    case_id=case_id,
                    details={"kind": "pdf", "direction": data.direction.value},
                )
            return path

        self.print_button.setEnabled(False)
        self.lanes.store.submit(job, self._form_written, self._form_failed, owner=self)

    def _form_written(self, path: Path) -> None:
        self.print_button.setEnabled(True)
        self.form_path = path
        self.summary.setText(
            self.tr("The form is saved as %1. Attach it here once it is signed.").replace("%1", path.name)
        )

    def _form_failed(self, exc: Exception) -> None:
        """Any failure is said plainly (a refused path with its reason); nothing is recorded."""
        self.print_button.setEnabled(True)
        log.warning("Printing a consent form failed: %s", type(exc).__name__)
        reason = str(exc) if isinstance(exc, OutputRefusedError) else type(exc).__name__
        self.summary.setText(self.tr("The form could not be saved: %1").replace("%1", reason))

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
            direction=ConsentDirection(self.direction.currentData()),
        )

    @override
    def collect_problems(self) -> list[FieldProblem]:
        return validate_consent(self._input(), local_today())

    @override
    def save_job(self) -> SaveJob:
        sessions, case_id, consent, today = (
            self._context.sessions,
            self._case_id,
            self._input(),
            local_today(),
        )

        def job() -> int:
            with sessions.begin() as session:
                return record_consent(session, case_id, consent, today)

        return job
