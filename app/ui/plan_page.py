"""The plan editor: the coordinating plan of the opened case, written with the family.

Sections, goals (with progression scores), agreements and the offers overview are edited
freely and saved automatically as the draft; "Approve at meeting" freezes the draft as
version N. A live preview of the printed plan is built off the GUI thread from what is on
screen, so it follows the typing without holding it up.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import AgreementStatus, GoalLevel, MeetingStatus, PlanState, Relation, ResponsibleKind
from app.services.case_summary import CaseNotFoundError
from app.services.cases import FieldProblem, ValidationError
from app.services.clock import local_today
from app.services.context import AppContext
from app.services.editing import ConcurrentEditError, RowGoneError
from app.services.plan_document import (
    SECTIONS,
    AgreementView,
    GoalView,
    PlanDocument,
    PlanVersionView,
    load_plan_document,
    responsible_names,
)
from app.services.plans import (
    AgreementInput,
    GoalInput,
    PlanDraft,
    PlanProblem,
    current_draft_id,
    new_goal_key,
    save_draft,
    start_draft,
)
from app.ui.background import StoreWorker
from app.ui.compare_dialog import HistoryDialog
from app.ui.family_dialogs import OptionalDate, enum_combo
from app.ui.form_dialog import ERROR_STYLE
from app.ui.formatting import format_date
from app.ui.labels import label
from app.ui.lix_meter import LixMeter
from app.ui.plan_dialogs import ApproveDialog, GoalDialog, ScoreDialog
from app.ui.plan_preview import PdfPreview, PrintPlanDialog
from app.ui.score_chart import ScoreChart

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
PREVIEW_MS = 300
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

SECTION_TITLES = {
    "summary": QT_TRANSLATE_NOOP("PlanPage", "The situation now (summary)"),
    "family_views": QT_TRANSLATE_NOOP("PlanPage", "The family's own views and wishes"),
    "resources": QT_TRANSLATE_NOOP("PlanPage", "Resources – what works"),
    "barriers": QT_TRANSLATE_NOOP("PlanPage", "Barriers – what is hard"),
    "sequencing": QT_TRANSLATE_NOOP("PlanPage", "The order in which help comes"),
    "follow_up": QT_TRANSLATE_NOOP("PlanPage", "Follow-up: who takes the initiative, how often"),
    "closing": QT_TRANSLATE_NOOP("PlanPage", "Closing: when the plan ends"),
}
# The family reads these: the plain-language meter follows them.
FAMILY_TEXT = ("summary", "family_views", "resources", "barriers", "sequencing", "follow_up", "closing")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanPage", text)


class PlanPage(QWidget):
    loaded = Signal(int)  # case id
    saved = Signal(int)  # the draft's row version after an automatic save
    preview_ready = Signal()
    store_failed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.worker = StoreWorker(self)
        self.preview_worker = StoreWorker(self)  # PDFs never wait behind a save, nor a save behind them
        self.doc: PlanDocument | None = None
        self._names: dict[tuple[ResponsibleKind, int], str] = {}
        self._draft_id: int | None = None
        self._row_version: int | None = None
        self._goals: list[GoalInput] = []
        self._scores: dict[str, GoalView] = {}
        self._filling = False
        self._dirty = False
        self._saving = False
        self._save_again = False
        self._conflict = False
        self._request = 0

        self.placeholder = QLabel(self.tr("Open a case in the case list to write its plan here."), self)
        self.heading = QLabel(self)
        self.heading.setObjectName("planHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.version_label = QLabel(self)
        self.version_label.setObjectName("planVersion")
        self.save_state = QLabel(self)
        self.save_state.setObjectName("saveState")
        self.approve_button = QPushButton(self.tr("Approve at meeting…"), self)
        self.approve_button.setObjectName("approvePlan")
        self.history_button = QPushButton(self.tr("Versions and compare…"), self)
        self.print_button = QPushButton(self.tr("Print plan…"), self)
        self.print_button.setObjectName("printPlan")
        self.approve_button.clicked.connect(self.approve)
        self.history_button.clicked.connect(self.show_history)
        self.print_button.clicked.connect(self.print_plan)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("planTabs")
        self.section_edits: dict[str, QPlainTextEdit] = {}
        self.member_edits: dict[int, QPlainTextEdit] = {}
        self._sections_page = QWidget(self)
        self._sections_form = QFormLayout(self._sections_page)
        self._sections_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in SECTIONS:
            edit = QPlainTextEdit(self._sections_page)
            edit.setObjectName(f"section_{name}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            edit.textChanged.connect(self._changed)
            self.section_edits[name] = edit
            title = QLabel(_tr(SECTION_TITLES[name]), self._sections_page)
            title.setWordWrap(True)
            self._sections_form.addRow(title, edit)
        self._member_rows: list[QWidget] = []
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._sections_page)
        self.tabs.addTab(scroll, self.tr("Plan text"))
        self.tabs.addTab(self._build_goals(), self.tr("Goals"))
        self.tabs.addTab(self._build_agreements(), self.tr("Agreements"))
        self.tabs.addTab(self._build_offers(), self.tr("Offers"))

        self.lix = LixMeter(self)
        self.lix.setObjectName("lixMeter")
        for name in FAMILY_TEXT:
            self.lix.attach(self.section_edits[name])
        self.preview = PdfPreview(self)
        side = QTabWidget(self)
        side.addTab(self.lix, self.tr("Plain language"))
        side.addTab(self.preview, self.tr("Preview"))
        self.side = side

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.version_label)
        titles.addWidget(self.save_state)
        header.addLayout(titles, 1)
        for button in (self.approve_button, self.history_button, self.print_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 420])
        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(header)
        content_layout.addWidget(splitter, 1)
        self.content.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content, 1)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

    # -- building the tabs ---------------------------------------------------------------
    def _build_goals(self) -> QWidget:
        page = QWidget(self)
        self.goal_tree = QTreeWidget(page)
        self.goal_tree.setObjectName("goalTree")
        self.goal_tree.setHeaderLabels(
            [self.tr("Goal"), self.tr("Concerns"), self.tr("By"), self.tr("Status"), self.tr("Latest score")]
        )
        self.goal_tree.setColumnWidth(0, 320)
        self.goal_tree.itemDoubleClicked.connect(lambda _i, _c: self.edit_goal())
        self.goal_tree.currentItemChanged.connect(self._show_scores)
        self.chart = ScoreChart(page)
        self.chart.setObjectName("scoreChart")
        self.chart.setMinimumHeight(170)
        buttons = QHBoxLayout()
        self.goal_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("overall", self.tr("New overall goal"), lambda: self.add_goal(GoalLevel.OVERALL)),
            ("sub", self.tr("New sub-goal"), lambda: self.add_goal(GoalLevel.SUB)),
            ("progression", self.tr("New progression goal"), lambda: self.add_goal(GoalLevel.PROGRESSION)),
            ("edit", self.tr("Change…"), self.edit_goal),
            ("remove", self.tr("Remove"), self.remove_goal),
            ("score", self.tr("Record score…"), self.record_score),
        ):
            button = QPushButton(text, page)
            button.setObjectName(f"goal_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.goal_buttons[key] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.goal_tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.chart)
        return page

    def _build_agreements(self) -> QWidget:
        page = QWidget(self)
        self.agreements = QTableWidget(0, 4, page)
        self.agreements.setObjectName("agreementTable")
        self.agreements.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Who"), self.tr("By when"), self.tr("Status")]
        )
        self.agreements.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agreements.verticalHeader().setVisible(False)
        self.agreements.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agreements.itemChanged.connect(lambda _item: self._changed())
        self.add_agreement_button = QPushButton(self.tr("New agreement"), page)
        self.add_agreement_button.setObjectName("addAgreement")
        self.remove_agreement_button = QPushButton(self.tr("Remove agreement"), page)
        self.add_agreement_button.clicked.connect(lambda: self.add_agreement_row(None))
        self.remove_agreement_button.clicked.connect(self.remove_agreement_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_agreement_button)
        buttons.addWidget(self.remove_agreement_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.agreements, 1)
        layout.addLayout(buttons)
        return page

    def _build_offers(self) -> QWidget:
        page = QWidget(self)
        self.offers = QTableWidget(0, 4, page)
        self.offers.setObjectName("offerTable")
        self.offers.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Law"), self.tr("Help"), self.tr("Comment for the plan")]
        )
        self.offers.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.offers.verticalHeader().setVisible(False)
        self.offers.setWordWrap(True)
        self.offers.itemChanged.connect(lambda _item: self._changed())
        note = QLabel(
            self.tr("Filled from the family's interventions. Write a comment where the family needs one."),
            page,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.offers, 1)
        return page

    # -- loading ---------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        if self.doc is not None and self.doc.case_id == case_id:
            return
        self.flush()
        self._pending = case_id
        self.placeholder.setText(self.tr("Opening the plan…"))
        sessions = self._context.sessions

        def job() -> tuple[PlanDocument, dict[tuple[ResponsibleKind, int], str]]:
            with sessions() as session:
                return load_plan_document(session, case_id), responsible_names(session, case_id)

        self._request += 1
        request = self._request
        self.worker.submit(job, lambda result: self._arrived(result, request), self._failed)

    def _arrived(
        self, result: tuple[PlanDocument, dict[tuple[ResponsibleKind, int], str]], request: int
    ) -> None:
        doc, names = result
        if request != self._request:
            return  # a newer case was asked for meanwhile
        self._names = names
        self.show_document(doc)
        self.loaded.emit(doc.case_id)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, CaseNotFoundError | SQLAlchemyError):
            log.warning("Opening a plan failed: %s", type(exc).__name__)
            self.store_failed.emit()
            return
        raise exc

    def show_document(self, doc: PlanDocument) -> None:
        self.doc = doc
        self._filling = True
        try:
            self.placeholder.hide()
            self.content.show()
            self.heading.setText(
                self.tr("Plan for %1 (%2)").replace("%1", doc.family_name).replace("%2", doc.case_number)
            )
            plan = doc.plan
            self._draft_id = plan.id if plan is not None and not plan.approved else None
            self._row_version = plan.row_version if plan is not None and not plan.approved else None
            self._show_version(doc)
            for name, edit in self.section_edits.items():
                edit.setPlainText(plan.section(name) if plan else "")
                edit.setReadOnly(doc.read_only)
            self._fill_member_sections(doc)
            self._goals = [
                GoalInput(g.goal_key, g.parent_key, g.level, g.text, g.citizen_id, g.target_date, g.status)
                for g in (plan.goals if plan else ())
            ]
            self._scores = {g.goal_key: g for g in (plan.goals if plan else ())}
            self._fill_goals()
            self.agreements.setRowCount(0)
            for agreement in plan.agreements if plan else ():
                self.add_agreement_row(agreement)
            self._fill_offers(doc)
            for widget in (self.approve_button, self.add_agreement_button, self.remove_agreement_button):
                widget.setEnabled(not doc.read_only)
            for button in self.goal_buttons.values():
                button.setEnabled(not doc.read_only)
            self.agreements.setEditTriggers(
                QAbstractItemView.EditTrigger.NoEditTriggers
                if doc.read_only
                else QAbstractItemView.EditTrigger.AllEditTriggers
            )
            self._dirty = False
            self._conflict = False
            self.save_state.setText(
                self.tr("The case is closed: the plan can be read, not changed.") if doc.read_only else ""
            )
        finally:
            self._filling = False
        self._preview_timer.start()

    def _show_version(self, doc: PlanDocument) -> None:
        plan = doc.plan
        if plan is None:
            text = self.tr("No plan yet. Start writing: it is saved as a draft.")
        elif plan.approved:
            text = (
                self.tr("Version %1, approved %2. Your next change starts a new draft.")
                .replace("%1", str(plan.number))
                .replace("%2", format_date(plan.approved_on))
            )
        else:
            approved = [h for h in doc.history if h.approved_on is not None]
            text = self.tr("Draft (version %1)").replace("%1", str(plan.number))
            if approved:
                text += " · " + self.tr("last approved: version %1, %2").replace(
                    "%1", str(approved[-1].number)
                ).replace("%2", format_date(approved[-1].approved_on))
        self.version_label.setText(text)

    def _fill_member_sections(self, doc: PlanDocument) -> None:
        for widget in self._member_rows:
            self._sections_form.removeRow(widget)
        self._member_rows.clear()
        self.member_edits.clear()
        if not doc.is_family:
            return
        for member in doc.members:
            edit = QPlainTextEdit(self._sections_page)
            edit.setObjectName(f"member_{member.citizen_id}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.setPlainText(doc.plan.member_section(member.citizen_id) if doc.plan else "")
            edit.setReadOnly(doc.read_only)
            edit.textChanged.connect(self._changed)
            self.member_edits[member.citizen_id] = edit
            self.lix.attach(edit)
            title = QLabel(self.tr("About %1").replace("%1", member.name), self._sections_page)
            self._sections_form.addRow(title, edit)
            self._member_rows.append(edit)

    def _fill_goals(self) -> None:
        assert self.doc is not None
        current = self.goal_tree.currentItem()
        keep = current.data(0, KEY_ROLE) if current is not None else None
        self.goal_tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for goal in self._goals:
            parent = items.get(goal.parent_key) if goal.parent_key else None
            latest = ""
            scored = self._scores.get(goal.goal_key)
            if scored is not None and scored.scores:
                last = scored.scores[-1]
                latest = (
                    self.tr("family %1 · professionals %2")
                    .replace("%1", "–" if last.family_score is None else str(last.family_score))
                    .replace("%2", "–" if last.professional_score is None else str(last.professional_score))
                )
            values = [
                goal.text,
                self.doc.member_name(goal.citizen_id) or self.tr("The whole family"),
                format_date(goal.target_date),
                label(goal.status),
                latest,
            ]
            item = QTreeWidgetItem(parent or self.goal_tree, values)
            item.setData(0, KEY_ROLE, goal.goal_key)
            item.setToolTip(0, goal.text)
            if goal.level == GoalLevel.OVERALL:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            items[goal.goal_key] = item
            if goal.goal_key == keep:
                self.goal_tree.setCurrentItem(item)
        self.goal_tree.expandAll()

    def _fill_offers(self, doc: PlanDocument) -> None:
        self.offers.setRowCount(len(doc.offers))
        for row, line in enumerate(doc.offers):
            law = (
                f"{line.law_reference} {line.law_title}".strip() if line.law_reference else label(line.sector)
            )
            help_text = "\n".join(
                f"{item.title} ({item.professional})" if item.professional else item.title
                for item in line.items
            )
            for column, text in enumerate((doc.member_name(line.citizen_id), law, help_text, line.comment)):
                item = QTableWidgetItem(text)
                if column < 3 or doc.read_only:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(KEY_ROLE, f"{line.citizen_id}|{line.group_key}")
                self.offers.setItem(row, column, item)
        self.offers.resizeColumnsToContents()
        self.offers.resizeRowsToContents()
        self.offers.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    # -- agreements ----------------------------------------------------------------------
    def _who_combo(self, agreement: AgreementView | None) -> QComboBox:
        combo = QComboBox(self.agreements)
        # Item data as "kind:id" text: Qt keeps plain strings exactly as given.
        combo.addItem(self.tr("(choose)"), "")
        assert self.doc is not None
        for member in self.doc.members:
            combo.addItem(member.name, f"{ResponsibleKind.MEMBER.value}:{member.citizen_id}")
        for (kind, rid), name in sorted(self._names.items(), key=lambda kv: kv[1]):
            if kind == ResponsibleKind.PROFESSIONAL:
                combo.addItem(name, f"{kind.value}:{rid}")
        for (kind, rid), name in self._names.items():
            if kind == ResponsibleKind.COORDINATOR and name == self.doc.coordinator_name:
                combo.addItem(self.tr("%1 (coordinator)").replace("%1", name), f"{kind.value}:{rid}")
        if agreement is not None and agreement.responsible_kind is not None:
            index = combo.findData(
                f"{ResponsibleKind(agreement.responsible_kind).value}:{agreement.responsible_id}"
            )
            if index < 0:  # someone no longer in the network: keep them, named
                combo.addItem(
                    agreement.responsible_name or "?",
                    f"{ResponsibleKind(agreement.responsible_kind).value}:{agreement.responsible_id}",
                )
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def add_agreement_row(self, agreement: AgreementView | None) -> int:
        row = self.agreements.rowCount()
        self.agreements.insertRow(row)
        self.agreements.setItem(row, 0, QTableWidgetItem(agreement.what if agreement else ""))
        self.agreements.setCellWidget(row, 1, self._who_combo(agreement))
        due = OptionalDate("", agreement.due_date if agreement else None, local_today(), self.agreements)
        due.check.toggled.connect(self._changed)
        due.edit.dateChanged.connect(self._changed)
        self.agreements.setCellWidget(row, 2, due)
        status = enum_combo(
            self.agreements, list(AgreementStatus), agreement.status if agreement else AgreementStatus.OPEN
        )
        status.currentIndexChanged.connect(self._changed)
        self.agreements.setCellWidget(row, 3, status)
        self.agreements.resizeRowToContents(row)
        if agreement is None and not self._filling:
            self.agreements.setCurrentCell(row, 0)
            self.agreements.editItem(self.agreements.item(row, 0))
            self._changed()
        return row

    def remove_agreement_row(self) -> None:
        row = self.agreements.currentRow()
        if row >= 0:
            self.agreements.removeRow(row)
            self._changed()

    # -- goals ---------------------------------------------------------------------------
    def _selected_goal(self) -> GoalInput | None:
        item = self.goal_tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return next((g for g in self._goals if g.goal_key == key), None)

    def add_goal(self, level: GoalLevel) -> None:
        assert self.doc is not None
        parent = self._selected_goal()
        parent_key = None
        if level != GoalLevel.OVERALL:
            wanted = GoalLevel.OVERALL if level == GoalLevel.SUB else GoalLevel.SUB
            while parent is not None and parent.level != wanted:
                parent = next((g for g in self._goals if g.goal_key == parent.parent_key), None)
            if parent is None:
                QMessageBox.information(
                    self,
                    self.tr("Choose a goal first"),
                    self.tr(
                        "Select the overall goal (for a sub-goal) or the sub-goal (for a progression goal) first."
                    ),
                )
                return
            parent_key = parent.goal_key
        draft = GoalInput(new_goal_key(), parent_key, level, "", parent.citizen_id if parent else None)
        goal = GoalDialog.edit(self.doc.members, draft, self)
        if goal is None:
            return
        # Children follow their parent: insert after the parent's last descendant.
        index = len(self._goals)
        if parent_key is not None:
            keys = {parent_key}
            for i, g in enumerate(self._goals):
                if g.goal_key in keys or g.parent_key in keys:
                    keys.add(g.goal_key)
                    index = i + 1
        self._goals.insert(index, goal)
        self._fill_goals()
        self._select_goal(goal.goal_key)
        self._changed()

    def edit_goal(self) -> None:
        goal = self._selected_goal()
        if goal is None or self.doc is None or self.doc.read_only:
            return
        changed = GoalDialog.edit(self.doc.members, goal, self)
        if changed is not None:
            self._goals[self._goals.index(goal)] = changed
            self._fill_goals()
            self._changed()

    def remove_goal(self) -> None:
        goal = self._selected_goal()
        if goal is None:
            return
        keys = {goal.goal_key}
        for g in self._goals:
            if g.parent_key in keys:
                keys.add(g.goal_key)
        text = self.tr("Remove the goal “%1”?").replace("%1", goal.text)
        if len(keys) > 1:
            text += " " + self.tr("%n goal(s) under it will be removed too.", "", len(keys) - 1)
        answer = QMessageBox.question(
            self,
            self.tr("Remove goal"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._goals = [g for g in self._goals if g.goal_key not in keys]
            self._fill_goals()
            self._changed()

    def _select_goal(self, key: str) -> None:
        for item in self.goal_tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive):
            if item.data(0, KEY_ROLE) == key:
                self.goal_tree.setCurrentItem(item)
                return

    def _show_scores(self) -> None:
        goal = self._selected_goal()
        scored = self._scores.get(goal.goal_key) if goal else None
        self.chart.set_scores(scored.scores if scored else (), goal.text if goal else "")

    def record_score(self) -> None:
        goal = self._selected_goal()
        if goal is None or self.doc is None:
            return
        if not self.flush():  # the goal must be stored before it can be scored
            return
        if ScoreDialog.ask(self._context, self.doc.case_id, goal.goal_key, goal.text, self) is not None:
            self._reload_scores()

    def _reload_scores(self) -> None:
        assert self.doc is not None
        with self._context.sessions() as session:
            doc = load_plan_document(session, self.doc.case_id)
        if doc.plan is not None:
            self._scores = {g.goal_key: g for g in doc.plan.goals}
        self._fill_goals()
        self._show_scores()
        self._preview_timer.start()

    # -- the draft -----------------------------------------------------------------------
    def collect_draft(self) -> PlanDraft:
        agreements = []
        for row in range(self.agreements.rowCount()):
            what = self.agreements.item(row, 0)
            who = self.agreements.cellWidget(row, 1)
            due = self.agreements.cellWidget(row, 2)
            status = self.agreements.cellWidget(row, 3)
            assert (
                isinstance(who, QComboBox) and isinstance(due, OptionalDate) and isinstance(status, QComboBox)
            )
            kind_text, _, rid = (who.currentData() or "").partition(":")
            agreements.append(
                AgreementInput(
                    what.text() if what else "",
                    ResponsibleKind(kind_text) if kind_text else None,
                    int(rid) if rid else None,
                    due.value(),
                    AgreementStatus(status.currentData()),
                )
            )
        comments = {}
        for row in range(self.offers.rowCount()):
            item = self.offers.item(row, 3)
            if item is not None and item.text().strip():
                citizen_text, _, key = str(item.data(KEY_ROLE)).partition("|")
                comments[(int(citizen_text), key)] = item.text()
        return PlanDraft(
            sections={name: edit.toPlainText() for name, edit in self.section_edits.items()},
            member_sections={cid: edit.toPlainText() for cid, edit in self.member_edits.items()},
            goals=list(self._goals),
            agreements=[a for a in agreements if a.what.strip() or a.responsible_kind],
            offer_comments=comments,
        )

    def _changed(self) -> None:
        if self._filling or self.doc is None or self.doc.read_only:
            return
        self._dirty = True
        if not self._conflict:
            self.save_state.setStyleSheet("")
            self.save_state.setText(self.tr("Changes not saved yet…"))
            self._autosave.start()
        self._preview_timer.start()

    def save_now(self) -> None:
        """Save the draft on the worker thread (one save at a time; typing goes on)."""
        if self.doc is None or not self._dirty or self._conflict:
            return
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        self._dirty = False
        draft = self.collect_draft()
        job = self._save_job(draft)
        self.save_state.setText(self.tr("Saving…"))
        self.worker.submit(job, self._save_done, self._save_failed)

    def _save_job(self, draft: PlanDraft):  # type: ignore[no-untyped-def]
        sessions, case_id = self._context.sessions, self.doc.case_id  # type: ignore[union-attr]
        draft_id, expected = self._draft_id, self._row_version

        def job() -> tuple[int, int]:
            with sessions.begin() as session:
                target = draft_id if draft_id is not None else current_draft_id(session, case_id)
                if target is None:
                    target = start_draft(session, case_id)
                    version = save_draft(session, target, draft, None)
                else:
                    version = save_draft(session, target, draft, expected if target == draft_id else None)
                return target, version

        return job

    def _save_done(self, result: tuple[int, int]) -> None:
        first_draft = self._draft_id is None
        self._draft_id, self._row_version = result
        self._saving = False
        self.save_state.setStyleSheet("")
        self.save_state.setText(self.tr("Saved %1").replace("%1", datetime.now().strftime("%H.%M")))
        self.saved.emit(self._row_version)
        if first_draft:
            self._refresh_header()
        if self._save_again or self._dirty:
            self._save_again = False
            self._dirty = True
            self.save_now()

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self._dirty = True
        self.save_state.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ConcurrentEditError | RowGoneError):
            self._conflict = True
            self.save_state.setText(
                self.tr(
                    "Someone else saved this plan meanwhile. Your text is kept here and not saved: "
                    "copy what you need, then open the case again."
                )
            )
        elif isinstance(exc, ValidationError):
            self.save_state.setText(self.tr("Not saved: %1").replace("%1", self._problem_text(exc.problems)))
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Saving a plan failed: %s", type(exc).__name__)
            self.save_state.setText(self.tr("Not saved: the database did not answer. Trying again soon."))
            self._autosave.start(5000)
        else:
            raise exc

    def flush(self) -> bool:
        """Save now and wait (before approving, printing, scoring or leaving the case)."""
        self._autosave.stop()
        if self.doc is None or self.doc.read_only:
            return True
        if self._dirty and not self._saving:
            self.save_now()
        self.worker.wait()
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # deliver the result of the save
        return not self._dirty and not self._conflict

    def _refresh_header(self) -> None:
        assert self.doc is not None
        with self._context.sessions() as session:
            doc = load_plan_document(session, self.doc.case_id)
        self.doc = replace(self.doc, plan=doc.plan, history=doc.history)
        self._show_version(self.doc)

    # -- preview -------------------------------------------------------------------------
    def screen_document(self) -> PlanDocument | None:
        """The plan as it is on screen now (for the live preview)."""
        if self.doc is None:
            return None
        draft = self.collect_draft()
        base = self.doc.plan
        goals = tuple(
            GoalView(
                g.goal_key,
                g.parent_key,
                g.level,
                g.text,
                g.citizen_id,
                g.target_date,
                g.status,
                self._scores[g.goal_key].scores if g.goal_key in self._scores else (),
            )
            for g in draft.goals
        )
        agreements = tuple(
            AgreementView(
                a.what,
                a.responsible_kind,
                a.responsible_id,
                self._names.get((a.responsible_kind, a.responsible_id or 0), "")
                if a.responsible_kind
                else "",
                a.due_date,
                a.status,
            )
            for a in draft.agreements
        )
        plan = PlanVersionView(
            id=base.id if base else 0,
            number=base.number if base and not base.approved else (base.number + 1 if base else 1),
            state=base.state if base else PlanState.DRAFT,
            approved_on=base.approved_on if base else None,
            meeting_id=base.meeting_id if base else None,
            meeting_label=base.meeting_label if base else "",
            participants=base.participants if base else "",
            sections=tuple((name, draft.sections.get(name, "")) for name in SECTIONS),
            member_sections=tuple(draft.member_sections.items()),
            goals=goals,
            agreements=agreements,
            offer_comments=tuple((c, k, text) for (c, k), text in draft.offer_comments.items()),
            row_version=self._row_version or 0,
        )
        if base is None or self._draft_id is not None or self._dirty:
            plan = replace(plan, state=PlanState.DRAFT, approved_on=None)
        offers = tuple(
            replace(o, comment=draft.offer_comments.get((o.citizen_id, o.group_key), ""))
            for o in self.doc.offers
        )
        return replace(self.doc, plan=plan, offers=offers)

    def refresh_preview(self) -> None:
        doc = self.screen_document()
        if doc is None:
            return
        today = local_today()

        from app.pdf.plan_pdf import build_plan_pdf  # on the GUI thread, never first in a worker

        def job() -> bytes:
            return build_plan_pdf(doc, today=today)

        self.preview_worker.submit(job, self._preview_arrived, self._preview_failed)

    def _preview_arrived(self, pdf: bytes) -> None:
        self.preview.show_pdf(pdf)
        self.preview_ready.emit()

    def _preview_failed(self, exc: Exception) -> None:
        log.warning("The plan preview failed: %s", type(exc).__name__)
        self.preview.state.setText(self.tr("The preview could not be made."))

    # -- actions -------------------------------------------------------------------------
    def approve(self) -> None:
        if self.doc is None:
            return
        if not self.flush():
            QMessageBox.information(
                self, self.tr("Not approved"), self.tr("The plan must be saved before it is approved.")
            )
            return
        if self._draft_id is None:
            QMessageBox.information(
                self,
                self.tr("Nothing to approve"),
                self.tr("This version is already approved. Change the plan to start a new draft."),
            )
            return
        meetings = self._meetings()
        participants = ", ".join(
            [m.name for m in self.doc.members if m.custody or m.relation != Relation.CHILD]
            + [self.doc.coordinator_name]
        )
        if (
            ApproveDialog.ask(
                self._context,
                self._draft_id,
                self._row_version,
                meetings,
                participants,
                self.describe_problem,
                self,
            )
            is not None
        ):
            with self._context.sessions() as session:
                doc = load_plan_document(session, self.doc.case_id)
            self.show_document(doc)

    def _meetings(self) -> list[tuple[int, str]]:
        """The case's meetings that have begun, newest first (to approve the plan at)."""
        from app.services.meetings import case_meetings
        from app.ui.formatting import format_datetime

        assert self.doc is not None
        with self._context.sessions() as session:
            meetings = case_meetings(session, self.doc.case_id)
        today = local_today()
        begun = [m for m in meetings if m.starts_at.date() <= today and m.status != MeetingStatus.CANCELLED]
        return [(m.id, f"{label(m.kind)} {format_datetime(m.starts_at)}") for m in reversed(begun[-12:])]

    def describe_problem(self, problem: FieldProblem) -> str:
        """A sentence for one reason the plan cannot be approved yet."""
        field = problem.field
        members = {m.citizen_id: m.name for m in self.doc.members} if self.doc else {}
        if field == PlanProblem.GOALS:
            return self.tr("The plan needs at least one goal.")
        if field.startswith(PlanProblem.AGREEMENT + "."):
            index = int(field.split(".")[1]) + 1
            return self.tr("Agreement %1 has no one responsible.").replace("%1", str(index))
        if field.startswith(PlanProblem.CONSENT + "."):
            _, citizen, capacity = field.split(".", 2)
            name = members.get(int(citizen), "?")
            if capacity == "custody_holder":
                return self.tr("No consent from a custody holder about %1.").replace("%1", name)
            if capacity == "youth":
                return self.tr("%1 must consent too (16 years or older).").replace("%1", name)
            return self.tr("No consent from %1.").replace("%1", name)
        return self.tr("The plan cannot be approved in its present state.")

    def _problem_text(self, problems: list[FieldProblem]) -> str:
        return "; ".join(self.describe_problem(p) for p in problems)

    def show_history(self) -> None:
        if self.doc is None:
            return
        self.flush()
        self._refresh_header()
        sessions, case_id = self._context.sessions, self.doc.case_id

        def load_version(version_id: int) -> PlanVersionView:
            with sessions() as session:
                plan = load_plan_document(session, case_id, version_id).plan
            assert plan is not None
            return plan

        HistoryDialog(self.doc, load_version, self).exec()

    def print_plan(self) -> None:
        if self.doc is None:
            return
        if self.doc.plan is None and not self._dirty:
            QMessageBox.information(
                self, self.tr("No plan yet"), self.tr("Write the plan first; then it can be printed.")
            )
            return
        self.flush()
        PrintPlanDialog(self._context, self.doc.case_id, self.preview_worker, self).exec()
