"""The plan editor: the coordinating plan of the opened case, written with the family.

Sections, goals (with progression scores), agreements and the offers overview are edited
freely and saved automatically as the draft; "Approve at meeting" freezes the draft as
version N. A live preview of the printed plan is built off the GUI thread from what is on
screen, so it follows the typing without holding it up.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
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
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from app.models.enums import AgreementStatus, GoalLevel, MeetingStatus, PlanState, Relation, ResponsibleKind
from app.services.cases.case_summary import CaseNotFoundError
from app.services.common import audit
from app.services.common.clock import local_now, local_today, now_utc
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.plan.local_drafts import LocalDraft, LocalDrafts, has_unsaved_work
from app.services.plan.plan_document import (
    SECTIONS,
    AgreementView,
    GoalView,
    PlanDocument,
    PlanVersionView,
    load_plan_document,
    plan_history,
    responsible_names,
)
from app.services.plan.plan_merge import (
    Choice,
    MergeResult,
    SavedBy,
    last_saved_by,
    merge,
    normalize,
    resolve,
)
from app.services.plan.plans import (
    SHORT_TEXT_MAX,
    TEXT_MAX,
    AgreementInput,
    GoalInput,
    PlanDraft,
    PlanProblem,
    current_draft_id,
    new_agreement_key,
    new_goal_key,
    save_draft,
    start_draft,
)
from app.ui.common.background import StoreLanes
from app.ui.common.conflict_dialog import ConflictDialog
from app.ui.common.form_dialog import ERROR_STYLE
from app.ui.common.formatting import format_date, format_datetime
from app.ui.common.labels import label
from app.ui.common.store_events import StoreChange, StoreEvents
from app.ui.family.family_dialogs import OptionalDate, enum_combo
from app.ui.plan.compare_dialog import HistoryDialog
from app.ui.plan.lix_meter import LixMeter
from app.ui.plan.plan_dialogs import ApproveDialog, GoalDialog, ScoreDialog
from app.ui.plan.plan_preview import PdfPreview, PrintPlanDialog
from app.ui.plan.score_chart import ScoreChart

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


# What a plan read returns: the document, the names of who can be responsible, who saved
# the plan last, and (when opening) a leftover local draft with edits the store lacks.
PlanRead = tuple[PlanDocument, dict[tuple[ResponsibleKind, int], str], SavedBy, LocalDraft | None]


def _set_text(edit: QPlainTextEdit, text: str) -> None:
    """Replace an editor's text, keeping its caret (clamped) and scroll position."""
    position = edit.textCursor().position()
    scroll = edit.verticalScrollBar().value()
    edit.setPlainText(text)
    cursor = edit.textCursor()
    cursor.setPosition(min(position, len(text)))
    edit.setTextCursor(cursor)
    edit.verticalScrollBar().setValue(scroll)


class PlanPage(QWidget):
    loaded = Signal(int)  # case id
    saved = Signal(int)  # the draft's row version after an automatic save
    preview_ready = Signal()
    store_failed = Signal()
    refreshed = Signal(int)  # case id: the plan was re-read after someone else's change
    conflict_shown = Signal(object)  # the ConflictDialog, open for a choice
    kept_locally = Signal()  # the unsaved edits were written to the local draft

    def __init__(
        self,
        context: AppContext,
        lanes: StoreLanes,
        parent: QWidget | None = None,
        local_drafts: LocalDrafts | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.local_drafts = local_drafts or LocalDrafts.for_store(
            context.store_label, context.user.login, context.draft_key
        )
        self.lanes = lanes
        self.worker = lanes.store
        self.preview_worker = lanes.pdf  # PDFs never wait behind a save, nor a save behind them
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
        self._conflict = False  # both changed the same part: saving waits for the user's choice
        self._gone = False  # the draft was approved or removed by someone else meanwhile
        self._merging = False  # reading what someone else saved, to combine it with ours
        self._offline = False  # the store does not answer: edits are kept locally meanwhile
        self._base: PlanDraft = PlanDraft()  # what the editor last loaded or saved (normalised)
        self._saving_draft: PlanDraft | None = None
        self._combined_with = ""  # whose changes the next save message names
        self._events: StoreEvents | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._request = 0
        self._news_request = 0

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
        self.save_state.setWordWrap(True)
        self.note = QLabel(self)  # a quiet note: someone else changed the plan
        self.note.setObjectName("planNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.resolve_button = QPushButton(self.tr("Choose what to keep…"), self)
        self.resolve_button.setObjectName("resolvePlan")
        self.resolve_button.hide()
        self.resolve_button.clicked.connect(self.resolve_now)
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
        titles.addWidget(self.note)
        header.addLayout(titles, 1)
        for button in (self.resolve_button, self.approve_button, self.history_button, self.print_button):
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
        job = self._read_job(case_id, with_local=True)
        self._request += 1
        request = self._request
        self.worker.submit(job, lambda result: self._arrived(result, request), self._failed)

    def _read_job(self, case_id: int, with_local: bool = False):  # type: ignore[no-untyped-def]
        """A worker job reading the case's plan as stored now (and its leftover local draft)."""
        sessions, drafts = self._context.sessions, self.local_drafts

        def job() -> PlanRead:
            with sessions() as session:
                doc = load_plan_document(session, case_id)
                if with_local:  # the plan is opened (a re-read after a change is no new lookup)
                    plan_id = doc.plan.id if doc.plan is not None else None
                    audit.record_now(
                        session, audit.OPEN_CASE, object_type="plan", object_id=plan_id, case_id=case_id
                    )
                names = responsible_names(session, case_id, doc.members)
                by = last_saved_by(session, doc.plan.id) if doc.plan is not None else SavedBy("", None)
            local = drafts.read(case_id) if with_local else None
            if local is not None:
                stored = PlanDraft.from_view(doc.plan) if doc.plan is not None else None
                if not has_unsaved_work(local, stored):
                    drafts.remove(case_id)  # the store has all of it
                    local = None
            return doc, names, by, local

        return job

    def _arrived(self, result: PlanRead, request: int) -> None:
        doc, names, _by, local = result
        if request != self._request:
            return  # a newer case was asked for meanwhile
        self._names = names
        self.show_document(doc)
        self.loaded.emit(doc.case_id)
        if local is not None and not doc.read_only:
            self._offer_restore(local)

    def _offer_restore(self, local: LocalDraft) -> None:
        """Edits of this plan that never reached the store (the program or the connection
        stopped): put them back in the editor on request; the save combines them."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes found"),
            self.tr(
                "Changes you made to this plan %1 were not saved: the program or the connection "
                "stopped. Restore them? They are combined with what is stored now."
            ).replace("%1", format_datetime(local.written_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.local_drafts.remove(local.case_id)
            return
        # As it was then: the edits, the draft and version they were made on, and their base.
        self._draft_id, self._row_version = local.plan_version_id, local.row_version
        self._base = normalize(local.base)
        self._apply_draft(local.draft)
        self._dirty = True
        self.save_state.setStyleSheet("")
        self.save_state.setText(self.tr("Your unsaved changes are back. Saving…"))
        self.save_now()

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
            self._conflict = self._gone = False
            self._combined_with = ""
            self._base = normalize(PlanDraft.from_view(plan)) if plan is not None else PlanDraft()
            self.resolve_button.hide()
            self.note.clear()
            self.save_state.setStyleSheet("")
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
        what = QTableWidgetItem(agreement.what if agreement else "")
        # The agreement's stable key travels with its row (a new row gets a new one), so a
        # merge and the minutes know it by the key, not by its place.
        what.setData(
            KEY_ROLE,
            agreement.agreement_key if agreement and agreement.agreement_key else new_agreement_key(),
        )
        self.agreements.setItem(row, 0, what)
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
                    str(what.data(KEY_ROLE) or "") if what else "",
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
        # Every change the store does not have yet is in the local draft at once (small and
        # atomic): a killed program or a dropped server loses no keystroke.
        self.keep_locally()
        if not self._held_back():
            self.save_state.setStyleSheet("")
            self.save_state.setText(self.tr("Changes not saved yet…"))
        self._autosave.start()  # saves, or (held back) shows why it waits
        self._preview_timer.start()

    def _held_back(self) -> bool:
        """Saving waits: for the user's choice, for a decision after an approval, or for the
        store to answer. Edits are kept on screen and in the local draft meanwhile."""
        return self._conflict or self._gone or self._offline

    def save_now(self) -> None:
        """Save the draft on the worker thread (one save at a time; typing goes on)."""
        if self.doc is None or not self._dirty or self.doc.read_only:
            return
        if self._held_back():
            self.keep_locally()
            if self._offline:
                self._show_offline()
            return
        if self._merging:
            return  # the combined draft is saved when the merge is done
        if self._saving:
            self._save_again = True
            return
        self._saving = True
        self._dirty = False
        draft = self.collect_draft()
        self._saving_draft = draft
        job = self._save_job(draft)
        self.save_state.setText(self.tr("Saving…"))
        self.worker.submit(job, self._save_done, self._save_failed)

    def _save_job(self, draft: PlanDraft):  # type: ignore[no-untyped-def]
        assert self.doc is not None
        sessions, case_id = self._context.sessions, self.doc.case_id
        draft_id, expected = self._draft_id, self._row_version
        based_on = self.doc.plan.id if self.doc.plan is not None else None

        def job() -> tuple[int, int]:
            with sessions.begin() as session:
                if draft_id is None:
                    history = plan_history(session, case_id)
                    if (
                        current_draft_id(session, case_id) is not None
                        or (history[-1].id if history else None) != based_on
                    ):
                        # Someone else started (or even approved) the next draft meanwhile:
                        # combine with it, never overwrite it.
                        raise ConcurrentEditError(f"case {case_id}: a new version was started meanwhile")
                    target = start_draft(session, case_id)
                    return target, save_draft(session, target, draft, None)
                return draft_id, save_draft(session, draft_id, draft, expected)

        return job

    def _save_done(self, result: tuple[int, int]) -> None:
        first_draft = self._draft_id is None
        self._draft_id, self._row_version = result
        self._saving = False
        if self._saving_draft is not None:
            self._base = normalize(self._saving_draft)
        self.save_state.setStyleSheet("")
        text = self.tr("Saved %1").replace("%1", local_now().strftime("%H.%M"))
        if self._combined_with:
            text += " – " + self.tr("your changes were combined with those of %1.").replace(
                "%1", self._combined_with
            )
            self._combined_with = ""
        self.save_state.setText(text)
        self.note.clear()
        self.resolve_button.hide()
        self.saved.emit(self._row_version)
        if first_draft:
            self._refresh_header()
        if self._save_again or self._dirty:
            self._save_again = False
            self._dirty = True
            self.save_now()
        elif self.doc is not None:
            self._remove_local_draft()

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self._save_again = False
        self._dirty = True
        if isinstance(exc, ConcurrentEditError | StaleDataError) or (
            isinstance(exc, IntegrityError) and self._draft_id is None
        ):
            # Someone saved (or started the next draft) after we read it: combine.
            self._start_merge()
            return
        self.save_state.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, RowGoneError):
            self._went_away(self.tr("Someone else removed this draft meanwhile."))
        elif isinstance(exc, ValidationError):
            self.keep_locally()
            self.save_state.setText(self.tr("Not saved: %1").replace("%1", self._problem_text(exc.problems)))
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Saving a plan failed: %s", type(exc).__name__)
            self.keep_locally()
            self.save_state.setText(
                self.tr(
                    "Not saved: the database did not answer. Your changes are kept here and in a "
                    "local copy; saving is tried again soon."
                )
            )
            self._autosave.start(5000)
            self.store_failed.emit()
        else:
            raise exc

    # -- when someone else saved meanwhile ---------------------------------------------------
    def _start_merge(self, after_gone: bool = False) -> None:
        """Read what is stored now (on the worker), then combine it with what is on screen."""
        if self.doc is None:
            return
        self._merging = True
        self._autosave.stop()
        self.save_state.setStyleSheet("")
        self.save_state.setText(self.tr("Someone else saved this plan meanwhile: combining the changes…"))
        case_id = self.doc.case_id
        job = self._read_job(case_id)
        self.worker.submit(
            job, lambda result: self._merge_arrived(result, case_id, after_gone), self._merge_failed
        )

    def _merge_failed(self, exc: Exception) -> None:
        self._merging = False
        if not isinstance(exc, SQLAlchemyError | CaseNotFoundError):
            raise exc
        log.warning("Reading the stored plan to combine failed: %s", type(exc).__name__)
        self.keep_locally()
        self.save_state.setStyleSheet(ERROR_STYLE)
        self.save_state.setText(
            self.tr("Not saved: the database did not answer. Your changes are kept; trying again soon.")
        )
        self._autosave.start(5000)
        if isinstance(exc, SQLAlchemyError):
            self.store_failed.emit()

    def _merge_arrived(self, result: PlanRead, case_id: int, after_gone: bool) -> None:
        self._merging = False
        doc, names, by, _local = result
        if self.doc is None or self.doc.case_id != case_id:
            return
        stored = doc.plan
        if stored is not None and not stored.approved:
            same_line = self._draft_id in (None, stored.id)  # our draft, or the first one of a new round
        else:
            same_line = self._draft_id is None  # we were about to start a new draft anyway
        if not same_line and not after_gone:
            if stored is not None and stored.approved:
                self._went_away(
                    self.tr("%1 approved this draft meanwhile, so it can no longer change.").replace(
                        "%1", by.name or self.tr("Someone else")
                    )
                )
            else:
                self._went_away(self.tr("Someone else replaced or removed this draft meanwhile."))
            return
        self._gone = False
        theirs = PlanDraft.from_view(stored) if stored is not None else self._base
        mine = self.collect_draft()
        outcome = merge(self._base, mine, theirs)
        # From now on the editor works on what is stored: that draft (or a new one after an
        # approval), at its version, with the stored content as the base of the next merge.
        target = stored.id if stored is not None and not stored.approved else None
        version = stored.row_version if target is not None else None
        self._names = names
        self.doc = replace(self.doc, plan=doc.plan, history=doc.history, offers=doc.offers)
        self._show_version(self.doc)
        if stored is not None:
            self._scores = {g.goal_key: g for g in stored.goals}
        if outcome.clean:
            self._adopt(target, version, theirs)
            self._apply_draft(outcome.merged)
            if outcome.merged == normalize(theirs):  # the store has it all already
                self._dirty = False
                self.save_state.setStyleSheet("")
                self.save_state.setText(self.tr("Up to date with the changes of %1.").replace("%1", by.name))
                self._remove_local_draft()
                return
            self._combined_with = by.name
            self._dirty = True
            self.save_now()
            return
        self.keep_locally()
        self._conflict = True
        self.save_state.setStyleSheet(ERROR_STYLE)
        self.save_state.setText(
            self.tr(
                "Not saved yet: you and %1 changed the same part of the plan. Your text is kept here "
                "and in a local copy until you choose."
            ).replace("%1", by.name or self.tr("someone else"))
        )
        self.resolve_button.setText(self.tr("Choose what to keep…"))
        self.resolve_button.show()
        self._ask(outcome, theirs, target, version, by)

    def _ask(
        self, outcome: MergeResult, theirs: PlanDraft, target: int | None, version: int | None, by: SavedBy
    ) -> None:
        assert self.doc is not None
        dialog = ConflictDialog(
            outcome.conflicts,
            by.name,
            by.at,
            section_titles={name: _tr(title) for name, title in SECTION_TITLES.items()},
            member_name=self.doc.member_name,
            names=self._names,
            parent=self,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.conflict_dialog = dialog
        dialog.finished.connect(
            lambda code: self._decided(dialog, code, outcome, theirs, target, version, by.name)
        )
        dialog.open()
        self.conflict_shown.emit(dialog)

    def _decided(
        self,
        dialog: ConflictDialog,
        code: int,
        outcome: MergeResult,
        theirs: PlanDraft,
        target: int | None,
        version: int | None,
        who: str,
    ) -> None:
        if self.conflict_dialog is dialog:
            self.conflict_dialog = None
        dialog.deleteLater()
        choices = dialog.choices()
        if code != QDialog.DialogCode.Accepted.value or choices is None:
            return  # decide later: the text stays on screen and in the local draft
        chosen: dict[str, Choice] = choices
        self._conflict = False
        self.resolve_button.hide()
        self._adopt(target, version, theirs)
        self._apply_draft(resolve(outcome.merged, outcome.conflicts, chosen))
        self._combined_with = who
        self._dirty = True
        self.save_now()

    def _went_away(self, why: str) -> None:
        """The draft cannot take our save any more (approved or removed by someone else)."""
        self._gone = True
        self.keep_locally()
        self.save_state.setStyleSheet(ERROR_STYLE)
        self.save_state.setText(
            why
            + " "
            + self.tr(
                "Your changes are kept here and in a local copy, not saved. Continue them in a new draft?"
            )
        )
        self.resolve_button.setText(self.tr("Continue in a new draft"))
        self.resolve_button.show()

    def resolve_now(self) -> None:
        """The button beside the save state: choose after "decide later", or carry the edits
        over into a new draft after someone approved or removed this one."""
        if self.doc is None or self._merging or self.conflict_dialog is not None:
            return
        if self._gone:
            self._start_merge(after_gone=True)
        elif self._conflict:
            self._conflict = False  # read again: both sides may have changed since
            self._start_merge()

    def _adopt(self, draft_id: int | None, version: int | None, base: PlanDraft) -> None:
        self._draft_id, self._row_version = draft_id, version
        self._base = normalize(base)

    def _apply_draft(self, draft: PlanDraft) -> None:
        """Put ``draft`` in the editor, changing only what differs (the caret stays)."""
        assert self.doc is not None
        draft = normalize(draft)
        screen = normalize(self.collect_draft())
        self._filling = True
        try:
            for name, edit in self.section_edits.items():
                value = draft.sections.get(name, "")
                if screen.sections.get(name, "") != value:
                    _set_text(edit, value)
            for citizen_id, edit in self.member_edits.items():
                value = draft.member_sections.get(citizen_id, "")
                if screen.member_sections.get(citizen_id, "") != value:
                    _set_text(edit, value)
            if screen.goals != draft.goals:
                self._goals = list(draft.goals)
                self._fill_goals()
            if screen.agreements != draft.agreements:
                row = self.agreements.currentRow()
                self.agreements.setRowCount(0)
                for agreement in draft.agreements:
                    kind, rid = agreement.responsible_kind, agreement.responsible_id
                    name = self._names.get((kind, rid or 0), "") if kind else ""
                    self.add_agreement_row(
                        AgreementView(
                            agreement.what,
                            kind,
                            rid,
                            name,
                            agreement.due_date,
                            agreement.status,
                            agreement.agreement_key,
                        )
                    )
                if 0 <= row < self.agreements.rowCount():
                    self.agreements.setCurrentCell(row, 0)
            for row in range(self.offers.rowCount()):
                item = self.offers.item(row, 3)
                if item is None:
                    continue
                citizen_text, _, key = str(item.data(KEY_ROLE)).partition("|")
                value = draft.offer_comments.get((int(citizen_text), key), "")
                if item.text().strip() != value:
                    item.setText(value)
        finally:
            self._filling = False
        self._preview_timer.start()

    # -- the local draft -------------------------------------------------------------------
    def keep_locally(self) -> bool:
        """Write what is on screen to the local draft (atomically); False if that failed."""
        if self.doc is None or self.doc.read_only:
            return False
        local = LocalDraft(
            case_id=self.doc.case_id,
            plan_version_id=self._draft_id,
            row_version=self._row_version,
            base=self._base,
            draft=self.collect_draft(),
            written_at=now_utc(),
        )
        try:
            self.local_drafts.write(local)
        except OSError as exc:
            log.warning("The local plan draft could not be written: %s", type(exc).__name__)
            return False
        self.kept_locally.emit()
        return True

    def _remove_local_draft(self) -> None:
        assert self.doc is not None
        try:
            self.local_drafts.remove(self.doc.case_id)
        except OSError as exc:
            log.warning("The local plan draft could not be removed: %s", type(exc).__name__)

    # -- changes by others and the store's reachability ----------------------------------------
    def watch(self, events: StoreEvents) -> None:
        """Follow the store: re-read the plan when someone else changed it (unless we have
        unsaved edits: then the save combines them), keep edits while it cannot be reached."""
        self._events = events
        events.changed.connect(self._store_changed)
        events.reachable_changed.connect(self._reachable_changed)
        if not events.reachable:
            self._reachable_changed(False)

    def _store_changed(self, change: StoreChange) -> None:
        if self.doc is None or self._offline or not change.touches_case(self.doc.case_id):
            return
        self.check_for_changes()

    def check_for_changes(self) -> None:
        """Read the plan as stored (on the worker) and compare it with what we hold."""
        if self.doc is None:
            return
        case_id = self.doc.case_id
        self._news_request += 1
        request = self._news_request
        self.worker.submit(
            self._read_job(case_id),
            lambda result: self._news_arrived(result, case_id, request),
            self._news_failed,
        )

    def _news_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError | CaseNotFoundError):
            raise exc
        log.warning("Re-reading the plan failed: %s", type(exc).__name__)

    def _held_stamp(self) -> tuple[int, int] | None:
        if self._draft_id is not None and self._row_version is not None:
            return self._draft_id, self._row_version
        plan = self.doc.plan if self.doc is not None else None
        return (plan.id, plan.row_version) if plan is not None else None

    def _news_arrived(self, result: PlanRead, case_id: int, request: int) -> None:
        doc, names, by, _local = result
        if self.doc is None or self.doc.case_id != case_id or request != self._news_request:
            return
        stored = (doc.plan.id, doc.plan.row_version) if doc.plan is not None else None
        plan_changed = stored != self._held_stamp()
        busy = self._dirty or self._saving or self._merging or self.conflict_dialog is not None
        if busy or self._held_back():
            if plan_changed:
                self.note.setText(
                    self.tr(
                        "%1 changed this plan %2. Your changes are combined with theirs when they are saved."
                    )
                    .replace("%1", by.name or self.tr("Someone else"))
                    .replace("%2", format_datetime(by.at))
                )
            return
        if not plan_changed and doc.offers == self.doc.offers and doc.members == self.doc.members:
            return
        self._names = names
        self._show_keeping_place(doc)
        if plan_changed:
            self.note.setText(
                self.tr("Updated with the changes of %1 (%2).")
                .replace("%1", by.name or self.tr("someone else"))
                .replace("%2", format_datetime(by.at))
            )
        self.refreshed.emit(case_id)

    def _show_keeping_place(self, doc: PlanDocument) -> None:
        """Show the re-read plan with the same tab, caret and scroll position."""
        tab = self.tabs.currentIndex()
        focus = QApplication.focusWidget()
        edits = {
            **{f"s:{n}": e for n, e in self.section_edits.items()},
            **{f"m:{c}": e for c, e in self.member_edits.items()},
        }
        where = next((key for key, edit in edits.items() if edit is focus), None)
        places = {
            key: (edit.textCursor().position(), edit.verticalScrollBar().value())
            for key, edit in edits.items()
        }
        agreement_row = self.agreements.currentRow()
        self.show_document(doc)
        self.tabs.setCurrentIndex(tab)
        edits = {
            **{f"s:{n}": e for n, e in self.section_edits.items()},
            **{f"m:{c}": e for c, e in self.member_edits.items()},
        }
        for key, (position, scroll) in places.items():
            edit = edits.get(key)
            if edit is None:
                continue
            cursor = edit.textCursor()
            cursor.setPosition(min(position, len(edit.toPlainText())))
            edit.setTextCursor(cursor)
            edit.verticalScrollBar().setValue(scroll)
        if where is not None and where in edits:
            edits[where].setFocus()
        if 0 <= agreement_row < self.agreements.rowCount():
            self.agreements.setCurrentCell(agreement_row, 0)

    def _reachable_changed(self, reachable: bool) -> None:
        if not reachable:
            self._offline = True
            if self.doc is not None and not self.doc.read_only:
                if self._dirty or self._saving:
                    self.keep_locally()
                self._show_offline()
            return
        self._offline = False
        if self.doc is None or self.doc.read_only:
            return
        if self._dirty and not self._conflict and not self._gone:
            self.save_state.setStyleSheet("")
            self.save_state.setText(self.tr("The database answers again: saving…"))
            self._autosave.stop()
            self.save_now()
        elif not self._dirty:
            self.save_state.setText("")
            self.check_for_changes()  # what others saved while we could not hear it

    def _show_offline(self) -> None:
        self.save_state.setStyleSheet(ERROR_STYLE)
        if self._dirty:
            text = self.tr(
                "The database cannot be reached. Your changes are kept here and in a local copy, "
                "and saved as soon as it answers again."
            )
        else:
            text = self.tr("The database cannot be reached. What you write is saved when it answers again.")
        self.save_state.setText(text)

    def flush(self) -> bool:
        """Save now and wait (before approving, printing, scoring or leaving the case)."""
        self._autosave.stop()
        if self.doc is None or self.doc.read_only:
            return True
        if self._dirty and not self._saving:
            self.save_now()
        if self._offline:
            return not self._dirty
        self.worker.wait()
        QApplication.processEvents()  # deliver the result of the save
        done = not self._dirty and not self._held_back() and not self._merging
        if not done and self._dirty:
            self.keep_locally()  # leaving (or closing) with edits the store does not have yet
        return done

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
                a.agreement_key,
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
        from app.services.meetings.meetings import case_meetings
        from app.ui.common.formatting import format_datetime

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
        if problem.problem in (Problem.TOO_LONG, Problem.BAD_CHARACTERS):
            where = self._where(field, members)
            if problem.problem == Problem.BAD_CHARACTERS:
                return self.tr(
                    "%1 holds characters that cannot be stored (a NUL or a broken character): remove them."
                ).replace("%1", where)
            limit = TEXT_MAX if field.startswith(("sections.", "member_sections.")) else SHORT_TEXT_MAX
            return (
                self.tr("%1 has too many characters: at most %2.")
                .replace("%1", where)
                .replace("%2", f"{limit:,}".replace(",", "."))
            )
        return self.tr("The plan cannot be approved in its present state.")

    def _where(self, field: str, members: dict[int, str]) -> str:
        """The place in the editor a problem's field names, as the start of a sentence."""
        parts = field.split(".")
        if parts[0] == "sections" and len(parts) > 1 and parts[1] in SECTION_TITLES:
            return self.tr("The section “%1”").replace("%1", _tr(SECTION_TITLES[parts[1]]))
        if parts[0] == "member_sections" and len(parts) > 1 and parts[1].isdigit():
            return self.tr("The part about %1").replace("%1", members.get(int(parts[1]), "?"))
        if parts[0] == "goals" and len(parts) > 1 and parts[1].isdigit():
            return self.tr("Goal %1").replace("%1", str(int(parts[1]) + 1))
        if parts[0] == "agreements" and len(parts) > 1 and parts[1].isdigit():
            return self.tr("Agreement %1").replace("%1", str(int(parts[1]) + 1))
        if parts[0] == "offer_comments":
            return self.tr("A comment in the offers overview")
        return self.tr("A text in the plan")

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
