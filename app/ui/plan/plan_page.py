"""The plan editor: the coordinating plan of the opened case, written with the family.

Sections, goals (with progression scores), agreements and the offers overview — one widget
per tab — are edited freely; :class:`DraftSync` keeps the draft in step with the store
(autosave, combining with others' saves, conflicts, the local draft, the store being away).
"Approve at meeting" freezes the draft as version N. A live preview of the printed plan is
built off the GUI thread from what is on screen, so it follows the typing without holding
it up. Every read and write goes through the store lane; the page never opens a session.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import Relation, ResponsibleKind
from app.services.cases.case_summary import CaseNotFoundError
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import FieldProblem
from app.services.plan.local_drafts import LocalDraft, LocalDrafts
from app.services.plan.plan_document import PlanDocument, PlanVersionView, ScorePoint
from app.services.plan.plan_draft import GoalInput, PlanDraft, SaveOutcome
from app.services.plan.plan_merge import normalize
from app.services.plan.three_way import Choice
from app.ui.common.a11y import tab_order
from app.ui.common.background import StoreLanes
from app.ui.common.formatting import format_datetime
from app.ui.common.labels import label
from app.ui.common.store_events import StoreChange, StoreEvents
from app.ui.plan.agreements_tab import AgreementsTab
from app.ui.plan.compare_dialog import HistoryDialog
from app.ui.plan.conflict_dialog import ConflictDialog
from app.ui.plan.draft_sync import DraftSync, PendingConflict, Stamp, SyncState
from app.ui.plan.goals_tab import GoalsTab
from app.ui.plan.offers_tab import OffersTab
from app.ui.plan.plan_dialogs import ApproveDialog, ScoreDialog, ask_restore
from app.ui.plan.plan_header import PlanHeader
from app.ui.plan.plan_jobs import PlanRead, document_job, meetings_job, read_plan_job, versions_job
from app.ui.plan.plan_preview import PdfPreview, PrintPlanDialog
from app.ui.plan.plan_problems import describe_problem, problems_text
from app.ui.plan.plan_reading import PlanReadingPanel, go_to_part
from app.ui.plan.plan_screen import screen_document
from app.ui.plan.sections_tab import SECTION_TITLES, SectionsTab, section_title

log = logging.getLogger(__name__)

PREVIEW_MS = 300


class PlanPage(QWidget):
    loaded = Signal(int)  # case id
    saved = Signal(int)  # the draft's row version after an automatic save
    preview_ready = Signal()
    store_failed = Signal()
    refreshed = Signal(int)  # case id: the plan was re-read after someone else's change
    conflict_shown = Signal(object)  # the ConflictDialog, open for a choice
    kept_locally = Signal()  # the unsaved edits were written to the local draft
    shown = Signal()  # a re-read document (after approving or scoring) is on screen

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
        self._scores: dict[str, tuple[ScorePoint, ...]] = {}
        self._filling = False
        self._events: StoreEvents | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self._request = 0
        self._news_request = 0
        self.sync = DraftSync(
            lanes.store,
            context.sessions,
            self.local_drafts,
            self.collect_draft,
            self._apply_draft,
            self._problem_text,
            self,
        )
        self.sync.status.connect(self._show_status)
        self.sync.state_changed.connect(self._state_changed)
        self.sync.saved.connect(self.saved)
        self.sync.reread.connect(self._reread)
        self.sync.conflict.connect(self._ask)
        self.sync.kept_locally.connect(self.kept_locally)
        self.sync.store_failed.connect(self.store_failed)
        self.sync.back_online.connect(self.check_for_changes)

        self.placeholder = QLabel(self.tr("Open a case in the case list to write its plan here."), self)
        self.header = PlanHeader(self)
        self.heading, self.version_label = self.header.heading, self.header.version_label
        self.save_state, self.note = self.header.save_state, self.header.note
        self.resolve_button, self.approve_button = self.header.resolve_button, self.header.approve_button
        self.history_button, self.print_button = self.header.history_button, self.header.print_button
        self.resolve_button.clicked.connect(self.resolve_now)
        self.approve_button.clicked.connect(self.approve)
        self.history_button.clicked.connect(self.show_history)
        self.print_button.clicked.connect(self.print_plan)

        self.reading = PlanReadingPanel(self._family_text, section_title, self)
        self.reading.part_chosen.connect(lambda key: go_to_part(self, key))
        self.lix = self.reading.meter
        self.sections = SectionsTab(self.lix, self)
        self.goals = GoalsTab(self)
        self.agreements = AgreementsTab(self)
        self.offers = OffersTab(self)
        self.sections.changed.connect(self._changed)
        self.goals.model.edited.connect(self._changed)
        self.goals.score_asked.connect(self.record_score)
        self.agreements.model.edited.connect(self._changed)
        self.offers.changed.connect(self._changed)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("planTabs")
        self.tabs.addTab(self.sections, self.tr("Plan text"))
        self.tabs.addTab(self.goals, self.tr("Goals"))
        self.tabs.addTab(self.agreements, self.tr("Agreements"))
        self.tabs.addTab(self.offers, self.tr("Offers"))
        self.preview = PdfPreview(self)
        self.side = side = QTabWidget(self)
        side.addTab(self.reading, self.tr("Plain language"))
        side.addTab(self.preview, self.tr("Preview"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 420])
        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.header)
        content_layout.addWidget(splitter, 1)
        self.content.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content, 1)
        tab_order(self.header, self.tabs, self.side)  # as they read: the panes left to right

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)

    @property
    def section_edits(self) -> dict[str, QPlainTextEdit]:
        return self.sections.section_edits

    @property
    def member_edits(self) -> dict[int, QPlainTextEdit]:
        return self.sections.member_edits

    # -- loading ---------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        if self.doc is not None and self.doc.case_id == case_id:
            return
        self.flush()
        self.placeholder.setText(self.tr("Opening the plan…"))
        job = read_plan_job(self._context.sessions, case_id, self.local_drafts)
        self._request += 1
        request = self._request
        self.worker.submit(job, lambda result: self._arrived(result, request), self._failed)

    def _arrived(self, read: PlanRead, request: int) -> None:
        if request != self._request:
            return  # a newer case was asked for meanwhile
        self._names = read.names
        self.show_document(read.doc)
        self.loaded.emit(read.doc.case_id)
        if read.local is not None and not read.doc.read_only:
            self._offer_restore(read.local)

    def _offer_restore(self, local: LocalDraft) -> None:
        """Edits of this plan that never reached the store: put back on request (the save combines them)."""
        if ask_restore(self, format_datetime(local.written_at)):
            self.sync.restore(local)
        else:
            self.local_drafts.remove(local.case_id)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, CaseNotFoundError | SQLAlchemyError):
            log.warning("Reading a plan failed: %s", type(exc).__name__)
            self.store_failed.emit()
            return
        raise exc

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Fill the editor without taking it for the user's typing."""
        self._filling = True
        try:
            yield
        finally:
            self._filling = False

    def show_document(self, doc: PlanDocument) -> None:
        self.doc = doc
        plan = doc.plan
        with self._quietly():
            self.placeholder.hide()
            self.content.show()
            self.heading.setText(
                self.tr("Plan for %1 (%2)").replace("%1", doc.family_name).replace("%2", doc.case_number)
            )
            self.header.show_version(doc)
            self.sections.fill(doc)
            content = PlanDraft.from_view(plan) if plan is not None else PlanDraft()
            self._scores = {g.goal_key: g.scores for g in plan.goals} if plan else {}
            self.goals.fill(content.goals, self._scores, doc.members, doc.read_only)
            self.agreements.fill(doc, self._names, content.agreements)
            self.offers.fill(doc)
            self.approve_button.setEnabled(not doc.read_only)
            tab_order(self.header, self.tabs, self.side)  # the family's rows just made too
            self.note.clear()
        draft = plan is not None and not plan.approved
        stamp = Stamp(
            plan.id if plan and draft else None,
            plan.row_version if plan and draft else None,
            plan.id if plan else None,
        )
        self.sync.load(doc.case_id, stamp, content, not doc.read_only)
        self._show_status(
            self.tr("The case is closed: the plan can be read, not changed.") if doc.read_only else ""
        )
        self._preview_timer.start()

    # -- the draft on screen ------------------------------------------------------------------
    def collect_draft(self) -> PlanDraft:
        return PlanDraft(
            sections=self.sections.sections(),
            member_sections=self.sections.member_sections(),
            goals=self.goals.goals(),
            agreements=self.agreements.agreements(),
            offer_comments=self.offers.comments(),
        )

    def _apply_draft(self, draft: PlanDraft) -> None:
        """Put ``draft`` in the editor, changing only what differs (the caret stays)."""
        draft = normalize(draft)
        screen = normalize(self.collect_draft())
        with self._quietly():
            self.sections.show_texts(draft, screen)
            if screen.goals != draft.goals:
                self.goals.set_goals(list(draft.goals))
            if screen.agreements != draft.agreements:
                self.agreements.set_agreements(list(draft.agreements))
            self.offers.show_comments(draft.offer_comments)
        self._preview_timer.start()

    def _changed(self) -> None:
        if self._filling or self.doc is None or self.doc.read_only:
            return
        self.sync.edited()
        self._preview_timer.start()

    def keep_locally(self) -> bool:
        """Write what is on screen to the local draft now; False if that failed."""
        return self.sync.keep_locally()

    def save_now(self) -> None:
        self.sync.save_now()

    def flush(self) -> bool:
        """Save now and wait (before approving, printing, scoring or leaving the case)."""
        return self.sync.flush(self._deliver)

    def _deliver(self) -> None:
        self.worker.wait()
        QApplication.processEvents()  # deliver the result of the save

    def _show_status(self, text: str, problem: bool = False) -> None:
        self.header.show_status(text, problem)

    def _state_changed(self, state: SyncState) -> None:
        if state == SyncState.CONFLICT:
            self.resolve_button.setText(self.tr("Choose what to keep…"))
            self.resolve_button.show()
        elif self.sync.can_carry_over:
            self.resolve_button.setText(self.tr("Continue in a new draft"))
            self.resolve_button.show()
        else:
            self.resolve_button.hide()
        if state == SyncState.CLEAN:
            self.note.clear()

    def _reread(self, outcome: SaveOutcome) -> None:
        """A save read the plan again (a new draft, or someone else's changes)."""
        if outcome.document is not None:
            self._take_stored(outcome.document, outcome.names)

    def _take_stored(
        self, stored: PlanDocument, names: dict[tuple[ResponsibleKind, int], str] | None
    ) -> None:
        """The header, versions, offers and scores of the plan as stored (the texts stay)."""
        if self.doc is None or stored.case_id != self.doc.case_id:
            return
        if names is not None:
            self._names = names
            self.agreements.set_names(names)
        self.doc = replace(self.doc, plan=stored.plan, history=stored.history, offers=stored.offers)
        self.header.show_version(self.doc)
        if stored.plan is not None:
            self._scores = {g.goal_key: g.scores for g in stored.plan.goals}
            self.goals.set_scores(self._scores)

    # -- when someone else saved meanwhile ---------------------------------------------------
    def _ask(self, pending: PendingConflict) -> None:
        assert self.doc is not None
        dialog = ConflictDialog(
            pending.merged.conflicts,
            pending.by.name,
            pending.by.at,
            section_titles={name: section_title(name) for name in SECTION_TITLES},
            member_name=self.doc.member_name,
            names=pending.names,
            parent=self,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda code: self._decided(dialog, code, pending))
        dialog.open()
        self.conflict_shown.emit(dialog)

    def _decided(self, dialog: ConflictDialog, code: int, pending: PendingConflict) -> None:
        if self.conflict_dialog is dialog:
            self.conflict_dialog = None
        dialog.deleteLater()
        choices = dialog.choices()
        if code != QDialog.DialogCode.Accepted.value or choices is None:
            return  # decide later: the text stays on screen and in the local draft
        chosen: dict[str, Choice] = choices
        self.sync.decide(pending, chosen)

    def resolve_now(self) -> None:
        """The button beside the save state: choose after "decide later", or carry the edits
        over into a new draft after someone approved or removed this one."""
        if self.doc is None or self.conflict_dialog is not None or self.sync.state == SyncState.SAVING:
            return
        self.sync.resolve_now()

    # -- changes by others and the store's reachability ----------------------------------------
    def watch(self, events: StoreEvents) -> None:
        """Follow the store: re-read the plan when someone else changed it (unless we have
        unsaved edits: then the save combines them), keep edits while it cannot be reached."""
        self._events = events
        events.changed.connect(self._store_changed)
        events.reachable_changed.connect(self.sync.set_reachable)
        if not events.reachable:
            self.sync.set_reachable(False)

    def _store_changed(self, change: StoreChange) -> None:
        if self.doc is None or not self.sync.reachable or not change.touches_case(self.doc.case_id):
            return
        self.check_for_changes()

    def check_for_changes(self) -> None:
        """Read the plan as stored (on the store lane) and compare it with what we hold."""
        if self.doc is None:
            return
        case_id = self.doc.case_id
        self._news_request += 1
        request = self._news_request
        self.worker.submit(
            read_plan_job(self._context.sessions, case_id),
            lambda result: self._news_arrived(result, case_id, request),
            self._news_failed,
        )

    def _news_failed(self, exc: Exception) -> None:
        if not isinstance(exc, SQLAlchemyError | CaseNotFoundError):
            raise exc
        log.warning("Re-reading the plan failed: %s", type(exc).__name__)

    def _held_stamp(self) -> tuple[int, int] | None:
        stamp = self.sync.stamp
        if stamp.draft_id is not None and stamp.row_version is not None:
            return stamp.draft_id, stamp.row_version
        plan = self.doc.plan if self.doc is not None else None
        return (plan.id, plan.row_version) if plan is not None else None

    def _news_arrived(self, read: PlanRead, case_id: int, request: int) -> None:
        doc, by = read.doc, read.by
        if self.doc is None or self.doc.case_id != case_id or request != self._news_request:
            return
        stored = (doc.plan.id, doc.plan.row_version) if doc.plan is not None else None
        plan_changed = stored != self._held_stamp()
        if self.sync.busy or self.conflict_dialog is not None:
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
        self._names = read.names
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
        places = self.sections.places()
        self.show_document(doc)
        self.tabs.setCurrentIndex(tab)
        self.sections.restore_places(places)

    # -- preview -------------------------------------------------------------------------
    def screen_document(self) -> PlanDocument | None:
        """The plan as it is on screen now (for the live preview)."""
        if self.doc is None:
            return None
        return screen_document(
            self.doc,
            self.collect_draft(),
            self._scores,
            self.agreements.model.who_name,
            self.sync.stamp,
            self.sync.unsaved,
        )

    def _family_text(self) -> tuple[PlanDraft, dict[int, str]] | None:
        return None if self.doc is None else (self.collect_draft(), self._members())

    def refresh_preview(self) -> None:
        self.reading.measure()  # the paper's readability follows the preview
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
    def _reload(self) -> None:
        """Read the plan again (after approving or scoring) and show it."""
        assert self.doc is not None
        self.worker.submit(
            document_job(self._context.sessions, self.doc.case_id), self._reloaded, self._failed
        )

    def _reloaded(self, doc: PlanDocument) -> None:
        if self.doc is None or doc.case_id != self.doc.case_id:
            return
        if self.sync.busy:  # typed meanwhile: only the scores and the header
            self._take_stored(doc, None)
        else:
            self._show_keeping_place(doc)
        self.shown.emit()

    def record_score(self, goal: GoalInput | None = None) -> None:
        """Record a progression score for ``goal`` (else the chosen goal)."""
        goal = goal or self.goals.selected_goal()
        if self.doc is None or goal is None:
            return
        if not self.flush():  # the goal must be stored before it can be scored
            return
        if (
            ScoreDialog.ask(self._context, self.lanes, self.doc.case_id, goal.goal_key, goal.text, self)
            is not None
        ):
            self._reload()

    def approve(self) -> None:
        if self.doc is None:
            return
        if not self.flush():
            QMessageBox.information(
                self, self.tr("Not approved"), self.tr("The plan must be saved before it is approved.")
            )
            return
        if self.sync.stamp.draft_id is None:
            QMessageBox.information(
                self,
                self.tr("Nothing to approve"),
                self.tr("This version is already approved. Change the plan to start a new draft."),
            )
            return
        self.worker.submit(
            meetings_job(self._context.sessions, self.doc.case_id), self._approve_at, self._failed
        )

    def _approve_at(self, meetings: list[tuple[int, object, object]]) -> None:
        if self.doc is None or self.sync.stamp.draft_id is None:
            return
        choices = [(mid, f"{label(kind)} {format_datetime(at)}") for mid, kind, at in meetings]  # type: ignore[arg-type]
        participants = ", ".join(
            [m.name for m in self.doc.members if m.custody or m.relation != Relation.CHILD]
            + [self.doc.coordinator_name]
        )
        stamp = self.sync.stamp
        assert stamp.draft_id is not None
        if (
            ApproveDialog.ask(
                self._context,
                self.lanes,
                stamp.draft_id,
                stamp.row_version,
                choices,
                participants,
                self.describe_problem,
                self,
            )
            is not None
        ):
            self._reload()

    def describe_problem(self, problem: FieldProblem) -> str:
        """A sentence for one reason the plan cannot be approved yet."""
        return describe_problem(problem, self._members())

    def _members(self) -> dict[int, str]:
        return {m.citizen_id: m.name for m in self.doc.members} if self.doc else {}

    def _problem_text(self, problems: list[FieldProblem]) -> str:
        return problems_text(problems, self._members())

    def show_history(self) -> None:
        if self.doc is None:
            return
        self.flush()
        self.worker.submit(
            versions_job(self._context.sessions, self.doc.case_id), self._history_read, self._failed
        )

    def _history_read(self, read: tuple[PlanDocument, dict[int, PlanVersionView]]) -> None:
        doc, versions = read
        if self.doc is None or doc.case_id != self.doc.case_id:
            return
        self.doc = replace(self.doc, plan=doc.plan, history=doc.history)
        self.header.show_version(self.doc)
        HistoryDialog(self.doc, versions.__getitem__, self).exec()

    def print_plan(self) -> None:
        if self.doc is None:
            return
        if self.doc.plan is None and not self.sync.unsaved:
            QMessageBox.information(
                self, self.tr("No plan yet"), self.tr("Write the plan first; then it can be printed.")
            )
            return
        self.flush()
        PrintPlanDialog(self._context, self.doc.case_id, self.preview_worker, self, store=self.worker).exec()
