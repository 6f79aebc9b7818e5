"""Add or change an intervention (indsats): member, law section, professional, period,
sector plan, source system, and the weekly time slots used to find collisions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.models import Intervention
from app.models.enums import InterventionStatus, Sector
from app.services.cases.case_summary import CaseNotFoundError
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError, saved_stamp
from app.services.common.validation import FieldProblem
from app.services.family.family_overview import FamilyOverview, InterventionInfo, load_family_overview
from app.services.family.interventions import (
    InterventionInput,
    SlotInput,
    add_intervention,
    update_intervention,
    validate_intervention,
)
from app.services.family.law_catalogue import CatalogueEntry, LawCatalogue, SectionChoice, read_law_catalogue
from app.ui.common.background import StoreLanes
from app.ui.common.date_fields import OptionalDate, date_edit, from_qdate, to_qdate
from app.ui.common.enum_combo import enum_combo
from app.ui.common.form_dialog import StoredRow
from app.ui.common.labels import label
from app.ui.common.lane_form import LaneFormDialog, SaveJob

SECTOR_PLANS = (
    "Barnets plan",
    "Ungeplan",
    "Handleplan (SEL § 141)",
    "Min Plan",
    "Helhedsorienteret plan",
    "Elevplan",
)
SOURCE_SYSTEMS = ("DUBU", "Momentum", "Nexus", "Sensum", "Aula", "EG Fasit")
SECTION_ROLE = Qt.ItemDataRole.UserRole


def weekday_names() -> list[str]:
    from PySide6.QtCore import QLocale

    locale = QLocale()
    return [locale.dayName(day, QLocale.FormatType.LongFormat) for day in range(1, 8)]


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class SlotTable(QTableWidget):
    """Weekly slots: weekday, from, to, a parent must be present."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("slotTable")
        self.setHorizontalHeaderLabels(
            [self.tr("Weekday"), self.tr("From"), self.tr("To"), self.tr("Parent present")]
        )
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(120)

    def add_slot(self, slot: SlotInput | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        day = QComboBox(self)
        day.addItems(weekday_names())
        day.setCurrentIndex(slot.weekday if slot else 0)
        start = QTimeEdit(_qtime(slot.start if slot else time(9, 0)), self)
        end = QTimeEdit(_qtime(slot.end if slot else time(10, 0)), self)
        for edit in (start, end):
            edit.setDisplayFormat("HH.mm")
        parent_box = QCheckBox(self)
        parent_box.setChecked(bool(slot and slot.needs_parent))
        self.setCellWidget(row, 0, day)
        self.setCellWidget(row, 1, start)
        self.setCellWidget(row, 2, end)
        self.setCellWidget(row, 3, parent_box)

    def set_slots(self, slots: list[SlotInput]) -> None:
        self.setRowCount(0)
        for slot in slots:
            self.add_slot(slot)

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            row = self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)

    def slots(self) -> list[SlotInput]:
        result = []
        for row in range(self.rowCount()):
            day = self.cellWidget(row, 0)
            start = self.cellWidget(row, 1)
            end = self.cellWidget(row, 2)
            parent_box = self.cellWidget(row, 3)
            assert isinstance(day, QComboBox) and isinstance(start, QTimeEdit)
            assert isinstance(end, QTimeEdit) and isinstance(parent_box, QCheckBox)
            result.append(
                SlotInput(day.currentIndex(), _time(start.time()), _time(end.time()), parent_box.isChecked())
            )
        return result


class LawSectionPicker(QWidget):
    """Search as you type in the catalogue; only sections in force on the start date.

    The catalogue is read once (on the store lane, by the dialog) and searched in memory."""

    section_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = local_today()
        self.catalogue: LawCatalogue | None = None  # None until read
        self.section_id: int | None = None  # the chosen section (known before the catalogue)
        self.search = QLineEdit(self)
        self.search.setObjectName("lawSearch")
        self.search.setPlaceholderText(self.tr("Search law, section or title, e.g. BL 32 or aflastning"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("lawResults")
        self.results.setAccessibleName(self.tr("Matching law sections"))
        self.results.setFixedHeight(110)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("lawChosen")
        self.chosen.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.results)
        box.addWidget(self.chosen)
        self.search.textChanged.connect(self.refill)
        self.results.currentItemChanged.connect(self._pick)
        self._show_chosen()

    @property
    def selected(self) -> SectionChoice | None:
        entry = self.entry()
        return entry.choice if entry is not None else None

    def entry(self) -> CatalogueEntry | None:
        """The chosen section's catalogue row (None without a choice or before the read)."""
        return self.catalogue.entry(self.section_id) if self.catalogue is not None else None

    def set_catalogue(self, catalogue: LawCatalogue) -> None:
        self.catalogue = catalogue
        self._show_chosen()
        self.refill()

    def set_day(self, day: date) -> None:
        self._day = day
        self.refill()

    def refill(self) -> None:
        choices = self.catalogue.search(self.search.text(), self._day) if self.catalogue else []
        self.results.blockSignals(True)
        self.results.clear()
        for choice in choices:
            item = QListWidgetItem(choice.display, self.results)
            item.setData(SECTION_ROLE, choice)
            item.setToolTip(f"{choice.law_name} {choice.reference} – {choice.title}")
            if choice.id == self.section_id:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.section_id = item.data(SECTION_ROLE).id
            self._show_chosen()
            self.section_changed.emit()

    def select_id(self, section_id: int | None) -> None:
        self.section_id = section_id
        self._show_chosen()
        self.refill()

    def clear_choice(self) -> None:
        self.section_id = None
        self.results.clearSelection()
        self._show_chosen()
        self.section_changed.emit()

    def describe(self, section_id: int | None) -> str:
        if section_id is None:
            return self.tr("No law section chosen.")
        entry = self.catalogue.entry(section_id) if self.catalogue is not None else None
        return entry.choice.display if entry is not None else str(section_id)

    def _show_chosen(self) -> None:
        if self.section_id is not None and self.catalogue is None:
            text = self.tr("Reading the law catalogue…")
        elif self.selected is not None:
            text = self.tr("Chosen: %1").replace("%1", self.selected.display)
        else:
            text = self.tr("No law section chosen.")
        self.chosen.setText(text)


class InterventionDialog(LaneFormDialog):
    FIELD_KEYS: ClassVar[dict[str, str]] = {
        "citizen_id": "citizen",
        "law_section_id": "law_section",
        "professional_id": "professional",
    }

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        overview: FamilyOverview,
        intervention: InterventionInfo | None = None,
        citizen_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Change intervention") if intervention else self.tr("New intervention"), lanes, parent
        )
        self.setMinimumWidth(640)
        self._context = context
        self._overview = overview
        self._item = intervention
        today = local_today()
        it = intervention

        self.member = QComboBox(self)
        self.member.setObjectName("member")
        for m in overview.members:
            self.member.addItem(m.name, m.citizen_id)
        chosen = it.citizen_id if it else citizen_id
        if chosen is not None:
            self.member.setCurrentIndex(max(self.member.findData(chosen), 0))
        self.title_edit = QLineEdit(it.title if it else "", self)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("e.g. Aflastning hver anden weekend"))
        self.sector = enum_combo(self, list(Sector), it.sector if it else Sector.SOCIAL_CHILDREN)
        self.sector.setObjectName("sector")
        self.law = LawSectionPicker(self)
        self.law.section_changed.connect(self._law_changed)
        no_law = QPushButton(self.tr("Without a law section"), self)
        no_law.clicked.connect(self.law.clear_choice)
        self.professional = QComboBox(self)
        self.professional.setObjectName("professional")
        self.professional.addItem(self.tr("(not chosen)"), None)
        for pro in overview.professionals:
            detail = pro.role or label(pro.sector)
            self.professional.addItem(f"{pro.name} ({detail})", pro.id)
        if it and it.professional_id is not None:
            self.professional.setCurrentIndex(max(self.professional.findData(it.professional_id), 0))
        self.start = date_edit(self, it.start_date if it else today)
        self.start.setObjectName("startDate")
        self.end = OptionalDate(self.tr("Ends"), it.end_date if it else None, today, self)
        self.end.setObjectName("endDate")
        self.status = enum_combo(
            self, list(InterventionStatus), it.status if it else InterventionStatus.ACTIVE
        )
        self.sector_plan = QComboBox(self)
        self.sector_plan.setEditable(True)
        self.sector_plan.addItems(["", *SECTOR_PLANS])
        self.sector_plan.setEditText(it.sector_plan if it else "")
        self.source = QComboBox(self)
        self.source.setEditable(True)
        self.source.addItems(["", *SOURCE_SYSTEMS])
        self.source.setEditText(it.source_system if it else "")
        self.last_checked = OptionalDate(self.tr("Checked"), it.last_checked if it else None, today, self)
        self.noticed = OptionalDate(self.tr("Known"), it.noticed_on if it else None, today, self)
        self.noticed.setObjectName("noticedOn")
        self.noticed.setToolTip(
            self.tr(
                "When the municipality became aware that the child may need support, e.g. the day a "
                "notification or an application arrived. The deadline of a child welfare "
                "investigation counts from this day."
            )
        )
        self.slot_table = SlotTable(self)
        for slot in it.slots if it else ():
            self.slot_table.add_slot(SlotInput(slot.weekday, slot.start, slot.end, slot.needs_parent))
        add_slot = QPushButton(self.tr("Add time"), self)
        add_slot.setObjectName("addSlot")
        add_slot.clicked.connect(self._add_slot)
        remove_slot = QPushButton(self.tr("Remove time"), self)
        remove_slot.clicked.connect(self._remove_slot)
        slot_box = QWidget(self)
        slot_layout = QVBoxLayout(slot_box)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        slot_layout.addWidget(self.slot_table)
        slot_buttons = QHBoxLayout()
        slot_buttons.addWidget(add_slot)
        slot_buttons.addWidget(remove_slot)
        slot_buttons.addStretch(1)
        slot_layout.addLayout(slot_buttons)
        law_box = QWidget(self)
        law_layout = QVBoxLayout(law_box)
        law_layout.setContentsMargins(0, 0, 0, 0)
        law_layout.addWidget(self.law)
        law_layout.addWidget(no_law, 0, Qt.AlignmentFlag.AlignLeft)

        self.add_field("citizen", self.tr("For"), self.member)
        self.add_field("title", self.tr("Intervention"), self.title_edit)
        self.add_field("start_date", self.tr("Start"), self.start)
        self.add_field("noticed_on", self.tr("Need noticed"), self.noticed)
        self.add_field("law_section", self.tr("Law and section"), law_box)
        self.add_field("sector", self.tr("Sector"), self.sector)
        self.add_field("professional", self.tr("Responsible"), self.professional)
        self.add_field("end_date", self.tr("End"), self.end)
        self.add_field("status", self.tr("Status"), self.status)
        self.add_field("sector_plan", self.tr("Sector plan"), self.sector_plan)
        self.add_field("source_system", self.tr("Copied from"), self.source)
        self.add_field("last_checked", self.tr("Last checked"), self.last_checked)
        self.add_field("slots", self.tr("Weekly times"), slot_box)

        self.watch("title", self.title_edit.textEdited)
        self.watch("end_date", self.end.edit.dateChanged)
        self.watch("end_date", self.end.check.toggled)
        self.watch("status", self.status.currentIndexChanged)
        self.watch("last_checked", self.last_checked.edit.dateChanged)
        self.watch("noticed_on", self.noticed.edit.dateChanged)
        self.watch("noticed_on", self.noticed.check.toggled)
        self.start.dateChanged.connect(self._start_changed)
        self.law.select_id(it.law_section_id if it else None)
        self.law.set_day(from_qdate(self.start.date()))
        self.refresh()
        if it is not None:
            self.edit_version = it.version
            self.remember_base()
        self._professional_names: dict[int, str] = {}  # professionals named by a newer save
        self.buttons.setEnabled(False)  # until the catalogue is read: validation needs it
        sessions = context.sessions

        def read_catalogue() -> LawCatalogue:
            with sessions() as session:
                return read_law_catalogue(session)

        lanes.store.submit(read_catalogue, self._catalogue_arrived, owner=self)

    def _add_slot(self) -> None:
        self.slot_table.add_slot()
        self.refresh()

    def _remove_slot(self) -> None:
        self.slot_table.remove_current()
        self.refresh()

    def _catalogue_arrived(self, catalogue: LawCatalogue) -> None:
        self.law.set_catalogue(catalogue)
        self.buttons.setEnabled(not self.saving)
        self.refresh()

    @property
    def ready(self) -> bool:
        """The law catalogue has been read (the form can be checked and saved)."""
        return self.law.catalogue is not None

    @override
    def try_save(self) -> bool:
        return self.ready and super().try_save()

    def _start_changed(self) -> None:
        self._touched.add("law_section")
        self._touched.add("end_date")
        self.law.set_day(from_qdate(self.start.date()))
        self.refresh()

    def _law_changed(self) -> None:
        choice = self.law.selected
        if choice is not None and self._item is None:
            self.sector.setCurrentIndex(max(self.sector.findData(choice.sector), 0))
            if not self.title_edit.text().strip():
                self.title_edit.setText(choice.title)
        self._touched.add("law_section")
        self.refresh()

    @override
    def data(self) -> InterventionInput:
        return InterventionInput(
            citizen_id=self.member.currentData(),
            title=self.title_edit.text(),
            sector=self.sector.currentData(),
            law_section_id=self.law.section_id,
            professional_id=self.professional.currentData(),
            start_date=from_qdate(self.start.date()),
            end_date=self.end.value(),
            status=self.status.currentData(),
            sector_plan=self.sector_plan.currentText(),
            source_system=self.source.currentText(),
            last_checked=self.last_checked.value(),
            noticed_on=self.noticed.value(),
            slots=self.slot_table.slots(),
        )

    @override
    def error_key(self, field: str) -> str:
        return "slots" if field.startswith("slots.") else super().error_key(field)

    @override
    def collect_problems(self) -> list[FieldProblem]:
        it = self._item
        stored = (it.law_section_id, it.start_date) if it is not None else None
        problems = validate_intervention(self.data(), self.law.entry(), local_today(), stored)
        if any(p.field.startswith("slots.") for p in problems):
            self._touched.add("slots")
        return problems

    @override
    def job_for(self, data: InterventionInput, version: int | None) -> SaveJob:
        sessions, case_id, today = self._context.sessions, self._overview.summary.id, local_today()
        intervention_id = self._item.id if self._item is not None else None

        def job() -> int:
            with sessions.begin() as session:
                if intervention_id is None:
                    return add_intervention(session, case_id, data, today)
                update_intervention(session, case_id, intervention_id, data, version, today)
                return intervention_id

        return job

    # -- when someone else saved first ------------------------------------------------------
    @staticmethod
    def input_of(info: InterventionInfo) -> InterventionInput:
        """A stored intervention as the input the form gives (for comparing field by field)."""
        return InterventionInput(
            citizen_id=info.citizen_id,
            title=info.title,
            sector=info.sector,
            law_section_id=info.law_section_id,
            professional_id=info.professional_id,
            start_date=info.start_date,
            end_date=info.end_date,
            status=info.status,
            sector_plan=info.sector_plan,
            source_system=info.source_system,
            last_checked=info.last_checked,
            noticed_on=info.noticed_on,
            slots=[SlotInput(s.weekday, s.start, s.end, s.needs_parent) for s in info.slots],
        )

    @override
    def stored_job(self) -> Callable[[], tuple[StoredRow, dict[int, str]]] | None:
        if self._item is None:
            return None
        sessions, case_id, intervention_id = self._context.sessions, self._overview.summary.id, self._item.id

        def job() -> tuple[StoredRow, dict[int, str]]:
            with sessions() as session:
                saved_by, saved_at = saved_stamp(session, Intervention, intervention_id)
                try:
                    overview = load_family_overview(session, case_id)
                except CaseNotFoundError as exc:
                    raise RowGoneError(f"case {case_id}") from exc
            info = next((i for i in overview.interventions if i.id == intervention_id), None)
            if info is None:
                raise RowGoneError(f"interventions {intervention_id}")
            names = {p.id: p.name for p in overview.professionals}
            return StoredRow(self.input_of(info), info.version, saved_by, saved_at), names

        return job

    @override
    def stored_row(self, fetched: tuple[StoredRow, dict[int, str]]) -> StoredRow:
        stored, names = fetched
        self._professional_names.update(names)
        return stored

    @override
    def show_data(self, data: InterventionInput) -> None:
        self.member.setCurrentIndex(max(self.member.findData(data.citizen_id), 0))
        self.title_edit.setText(data.title)
        self.sector.setCurrentIndex(max(self.sector.findData(data.sector), 0))
        if data.professional_id is None:
            self.professional.setCurrentIndex(0)
        else:
            index = self.professional.findData(data.professional_id)
            if index < 0:  # came into the network after the form was opened
                name = self.describe("professional_id", data.professional_id)
                self.professional.addItem(name, data.professional_id)
                index = self.professional.count() - 1
            self.professional.setCurrentIndex(index)
        if data.start_date is not None:
            self.start.setDate(to_qdate(data.start_date))
        self.law.select_id(data.law_section_id)
        self.end.set_value(data.end_date)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.sector_plan.setEditText(data.sector_plan)
        self.source.setEditText(data.source_system)
        self.last_checked.set_value(data.last_checked)
        self.noticed.set_value(data.noticed_on)
        self.slot_table.set_slots(list(data.slots))

    @override
    def describe(self, field: str, value: Any) -> str:
        if field == "citizen_id" and value is not None:
            index = self.member.findData(value)
            return self.member.itemText(index) if index >= 0 else str(value)
        if field == "professional_id":
            if value is None:
                return self.professional.itemText(0)
            index = self.professional.findData(value)
            if index >= 0:
                return self.professional.itemText(index)
            return self._professional_names.get(value, str(value))
        if field == "law_section_id":
            return self.law.describe(value)
        if field == "slots":
            return "; ".join(self._slot_text(slot) for slot in value) or self.tr("No weekly times")
        return super().describe(field, value)

    def _slot_text(self, slot: SlotInput) -> str:
        names = weekday_names()
        text = (
            f"{names[slot.weekday] if 0 <= slot.weekday < 7 else slot.weekday} "
            f"{slot.start:%H.%M}–{slot.end:%H.%M}"
        )
        return text + (" " + self.tr("(parent present)") if slot.needs_parent else "")
