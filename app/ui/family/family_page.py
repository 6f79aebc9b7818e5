"""The family screen of the opened case: header, warnings, and the family seen as a whole —
people and interventions, timeline, week, network, and the transition to adulthood. The store
is read off the GUI thread (StoreWorker); the page shows what comes back."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.models.enums import CaseStatus
from app.services.cases.case_summary import CaseNotFoundError, MemberSummary
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import ValidationError
from app.services.family.family_analysis import FamilyAnalysis, load_family_analysis
from app.services.family.family_overview import FamilyOverview
from app.services.family.family_warnings import WarningSettings
from app.services.family.members import RemovalImpact, removal_impact, remove_member
from app.ui.cases.close_case_dialog import CloseCaseDialog
from app.ui.common.background import StoreLanes
from app.ui.common.case_panel import CasePanel, CaseRef
from app.ui.common.colours import Tone, error_style, tone
from app.ui.common.formatting import format_date
from app.ui.common.labels import deadline_title, label, problem_text
from app.ui.family.consent_dialog import ConsentDialog
from app.ui.family.family_dialogs import (
    EndInterventionDialog,
    LinkProfessionalDialog,
    MemberDialog,
    ProfessionalDialog,
)
from app.ui.family.intervention_dialog import InterventionDialog
from app.ui.family.network_tab import NetworkTab
from app.ui.family.people_tab import PeopleTab
from app.ui.family.timeline_view import TimelineView
from app.ui.family.transition_panel import TransitionPanel
from app.ui.family.view_lists import with_list
from app.ui.family.warning_texts import warning_text
from app.ui.family.week_grid import WeekGrid
from app.ui.family.week_texts import collision_text

log = logging.getLogger(__name__)

STALE_DAYS_KEY = "family/stale_days"
TAB_PEOPLE, TAB_TIMELINE, TAB_WEEK, TAB_NETWORK, TAB_TRANSITION = range(5)


def warning_settings(settings: QSettings) -> WarningSettings:
    defaults = WarningSettings()
    return WarningSettings(
        stale_days=int(str(settings.value(STALE_DAYS_KEY, defaults.stale_days))),
        ending_within_days=defaults.ending_within_days,
        turning_18_months=defaults.turning_18_months,
    )


class FamilyPage(QWidget):
    loaded = Signal(int)  # case id, after the page shows it
    case_missing = Signal(int)
    store_failed = Signal()
    changed = Signal()  # something was saved (the case list may need a refresh)

    def __init__(
        self, context: AppContext, settings: QSettings, lanes: StoreLanes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._settings = settings
        self.lanes = lanes
        self.worker = lanes.store
        self._pending: int | None = None
        self._request = 0  # the newest read; older results are dropped
        self.analysis: FamilyAnalysis | None = None
        self.case_panels: list[CasePanel] = []  # feature tabs wired in by the main window
        self._panel_tabs: dict[int, CasePanel] = {}  # by the id of the panel's tab widget

        self.placeholder = QLabel(self.tr("Open a case in the case list to see the family here."), self)
        self.heading = QLabel(self)
        self.heading.setObjectName("caseHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.coordinator = QLabel(self)
        self.partner = QLabel(self)
        self.model_status = QLabel(self)
        self.follow_up = QLabel(self)
        self.consent_register_dialog: QDialog | None = None  # open while shown (for tests)
        self.consent_state = QLabel(self)
        self.consent_state.setObjectName("consentState")
        self.consent_state.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Coordinator"), self.coordinator)
        form.addRow(self.tr("Partner caseworker"), self.partner)
        form.addRow(self.tr("Model and status"), self.model_status)
        form.addRow(self.tr("Next follow-up"), self.follow_up)
        self.consent_register = QPushButton(self.tr("Consent register…"), self)
        self.consent_register.setObjectName("consentRegister")
        self.consent_register.setToolTip(self.tr("Who has consented to what, and who may receive what"))
        self.consent_register.clicked.connect(self.open_consent_register)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_state, 1)
        consent_row.addWidget(self.consent_register)
        form.addRow(self.tr("Consent"), consent_row)

        self.warnings = QListWidget(self)
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setMinimumWidth(380)
        self.warnings.setMaximumHeight(120)
        warnings_title = QLabel(self.tr("Needs attention"), self)
        bold = warnings_title.font()
        bold.setBold(True)
        warnings_title.setFont(bold)
        warnings_box = QVBoxLayout()
        warnings_box.addWidget(warnings_title)
        warnings_box.addWidget(self.warnings)
        header = QHBoxLayout()
        header_left = QVBoxLayout()
        self.close_case_button = QPushButton(self.tr("Close case…"), self)
        self.close_case_button.setObjectName("closeCase")
        self.close_case_button.setToolTip(self.tr("Close the case and start its retention period"))
        self.close_case_button.clicked.connect(self.close_case)
        heading_row = self.heading_row = QHBoxLayout()  # the team's bar is added here
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.close_case_button)
        header_left.addLayout(heading_row)
        header_left.addLayout(form)
        header_left.addStretch(1)
        header.addLayout(header_left, 3)
        header.addLayout(warnings_box, 2)

        self.people = PeopleTab(self)
        self.timeline = TimelineView(self)
        self.timeline.setObjectName("timeline")
        self.week = WeekGrid(self, show_collision_list=False)
        self.week.setObjectName("weekGrid")
        self.collisions = QListWidget(self)
        self.collisions.setObjectName("collisionList")
        self.collisions.setAccessibleName(self.tr("Meeting collisions"))
        self.collisions.setWordWrap(True)
        self.collisions.setMaximumHeight(80)
        self.network = NetworkTab(self, context, lanes)
        self.transition = TransitionPanel(context, lanes, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("familyTabs")
        self.tabs.addTab(self.people, self.tr("People and interventions"))
        self.timeline_panel = with_list(self.timeline, self)
        self.tabs.addTab(self.timeline_panel, self.tr("Timeline"))
        week_page = QWidget(self)
        week_layout = QVBoxLayout(week_page)
        week_layout.setContentsMargins(0, 0, 0, 0)
        self.week_panel = with_list(self.week, self)
        week_layout.addWidget(self.week_panel, 1)
        week_layout.addWidget(self.collisions)
        QWidget.setTabOrder(
            self.week_panel.table, self.collisions
        )  # the week (or its table), then the list under it
        self.tabs.addTab(week_page, self.tr("Week"))
        self.tabs.addTab(self.network, self.tr("Network"))
        self.tabs.addTab(self.transition, self.tr("Transition to adulthood"))

        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(header)
        content_layout.addWidget(self.tabs, 1)
        self.content.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content, 1)

        self.people.add_member_requested.connect(self.add_member)
        self.people.edit_member_requested.connect(self.edit_member)
        self.people.remove_member_requested.connect(self.remove_member)
        self.people.consent_requested.connect(self.record_consent)
        self.people.consent_register_requested.connect(self.open_consent_register)
        self.people.add_intervention_requested.connect(self.add_intervention)
        self.people.edit_intervention_requested.connect(self.edit_intervention)
        self.people.end_intervention_requested.connect(self.end_intervention)
        self.timeline.intervention_activated.connect(self.edit_intervention)
        self.week.intervention_activated.connect(self.edit_intervention)
        self.network.add_requested.connect(self.add_professional)
        self.network.link_requested.connect(self.link_professional)
        self.network.edit_requested.connect(self.edit_professional)
        self.transition.changed.connect(self._saved)

    def header_parts(self) -> tuple[QWidget, ...]:
        """What Tab goes through after the heading's buttons, in reading order (the tabs with
        the feature panels added to them)."""
        return (self.close_case_button, self.consent_register, self.warnings, self.tabs)

    def add_case_panel(self, panel: CasePanel, widget: QWidget, title: str) -> int:
        """Add a feature's tab (``panel`` is ``widget``); returns its tab index."""
        self.case_panels.append(panel)
        self._panel_tabs[id(widget)] = panel
        return self.tabs.addTab(widget, title)

    def show_panel(self, widget: QWidget, item_id: int | None = None) -> None:
        """Bring a feature's tab to the front, and one of its rows if named."""
        self.tabs.setCurrentWidget(widget)
        panel = self._panel_tabs.get(id(widget))
        if item_id is not None and panel is not None:
            panel.focus_item(item_id)

    # -- loading ------------------------------------------------------------------------
    @property
    def case_id(self) -> int | None:
        return self.analysis.overview.summary.id if self.analysis else None

    def open_case(self, case_id: int, opened: bool = True) -> None:
        """Read the case in the background; the page updates when the data arrives.
        ``opened``: the user opens it (logged as a lookup), not a re-read."""
        self._pending = case_id
        if self.analysis is None or self.analysis.overview.summary.id != case_id:
            self.placeholder.setText(self.tr("Opening the case…"))
        today = local_today()
        settings = warning_settings(self._settings)
        sessions = self._context.sessions

        def job() -> FamilyAnalysis:
            with sessions() as session:
                return load_family_analysis(session, case_id, today, settings, opened=opened)

        self._request += 1
        request = self._request
        self.worker.submit(job, lambda result: self._arrived(result, request), self._failed)

    def reload(self) -> None:
        if self.case_id is not None:
            self.open_case(self.case_id, opened=False)

    def _arrived(self, analysis: FamilyAnalysis, request: int) -> None:
        case_id = analysis.overview.summary.id
        if request != self._request:
            return  # a newer read was asked for meanwhile: only the newest is shown
        self.show_analysis(analysis)
        self.loaded.emit(case_id)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, CaseNotFoundError):
            missing = exc.args[0] if exc.args else (self._pending or 0)
            if self.analysis is not None and self.analysis.overview.summary.id == missing:
                self.clear()
            self.case_missing.emit(int(missing))
            return
        if isinstance(exc, SQLAlchemyError):
            log.warning("Opening a case failed: %s", type(exc).__name__)
            self.store_failed.emit()
            return
        raise exc

    def clear(self) -> None:
        """Show nothing (the case is gone)."""
        self.analysis = None
        self._pending = None
        self.content.hide()
        self.placeholder.setText(self.tr("Open a case in the case list to see the family here."))
        self.placeholder.show()
        for panel in self.case_panels:
            panel.clear_case()

    def show_analysis(self, analysis: FamilyAnalysis) -> None:
        self.analysis = analysis
        overview = analysis.overview
        summary = overview.summary
        read_only = overview.case_status == CaseStatus.CLOSED
        self.placeholder.hide()
        self.content.show()
        self.heading.setText(f"{summary.number} · {summary.title}")
        self.coordinator.setText(
            f"{summary.coordinator}, {summary.coordinator_phone}"
            if summary.coordinator_phone
            else summary.coordinator
        )
        self.partner.setText(
            (f"{summary.partner}, {summary.partner_phone}" if summary.partner_phone else summary.partner)
            or self.tr("(none)")
        )
        self.model_status.setText(f"{label(summary.model)} · {label(summary.status)}")
        due = summary.follow_up_due
        self.follow_up.setText(format_date(due))
        self.follow_up.setStyleSheet(error_style() if due and due < analysis.today else "")
        self.consent_state.setText(self._consent_text(overview, analysis.today))
        self.warnings.clear()
        for warning in analysis.warnings:
            QListWidgetItem(warning_text(warning, overview), self.warnings)
        for deadline in analysis.deadlines:
            text = self.tr("Deadline %1: %2").replace("%1", format_date(deadline.due)).replace(
                "%2", deadline_title(deadline)
            ) + (f" ({deadline.detail})" if deadline.detail else "")
            item = QListWidgetItem(text, self.warnings)
            item.setToolTip(deadline.source or deadline.law_reference)
            if deadline.overdue(analysis.today):
                item.setForeground(tone(Tone.ERROR))
        if not analysis.warnings and not analysis.deadlines:
            QListWidgetItem(self.tr("Nothing needs attention right now."), self.warnings)
        self.people.show_analysis(analysis, read_only)
        self.timeline.show_timeline(overview, analysis.today, list(analysis.overlaps), list(analysis.gaps))
        self.week.show_week(overview, list(analysis.collisions))
        self.collisions.clear()
        for collision in analysis.collisions:
            QListWidgetItem(collision_text(collision, overview), self.collisions)
        if not analysis.collisions:
            QListWidgetItem(self.tr("No collisions in the family's week."), self.collisions)
        self.tabs.setTabText(
            TAB_WEEK,
            self.tr("Week (%n collision(s))", "", len(analysis.collisions))
            if analysis.collisions
            else self.tr("Week"),
        )
        self.network.show_analysis(analysis, read_only)
        self.transition.show_analysis(analysis)
        self.transition.setEnabled(not read_only)
        self.close_case_button.setEnabled(not read_only)
        ref = CaseRef(
            summary.id,
            summary.number,
            summary.title,
            tuple((m.citizen_id, m.name) for m in summary.members),
            read_only,
        )
        for panel in self.case_panels:
            panel.show_case(ref)

    def _consent_text(self, overview: FamilyOverview, today: date) -> str:
        covered = [
            m.name
            for m in overview.members
            if any(c.shares_on(today) for c in overview.consents_of(m.citizen_id))
        ]
        missing = [m.name for m in overview.members if m.name not in covered]
        if not missing:
            return self.tr("Recorded for everyone")
        if not covered:
            return self.tr("None recorded")
        return self.tr("Missing for %1").replace("%1", ", ".join(missing))

    # -- editing ------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.analysis is None or self.analysis.overview.case_status == CaseStatus.CLOSED

    def _saved(self) -> None:
        self.changed.emit()
        self.reload()

    def close_case(self) -> None:
        if self.read_only or self.case_id is None:
            return
        dialog = CloseCaseDialog(self._context, self.lanes, self.case_id, self)
        if dialog.exec():
            self._saved()  # reloads: a closed case is shown read-only
        elif dialog.gone:
            self.case_missing.emit(self.case_id)

    def add_member(self) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        if (
            self.case_id is not None
            and MemberDialog.ask(self._context, self.lanes, self.case_id, parent=self) is not None
        ):
            self._saved()

    def edit_member(self, citizen_id: int) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        member = self.analysis.overview.member(citizen_id)
        if member is None or member.member_id is None:
            return
        if MemberDialog.ask(
            self._context, self.lanes, self.analysis.overview.summary.id, member, member.member_version, self
        ):
            self._saved()

    def remove_member(self, citizen_id: int) -> None:
        """Ask what removing the member takes with it (read on the lane), then remove."""
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        case_id = self.analysis.overview.summary.id
        member = self.analysis.overview.member(citizen_id)
        if member is None or member.member_id is None:
            return
        sessions = self._context.sessions

        def job() -> RemovalImpact:
            with sessions() as session:
                return removal_impact(session, case_id, citizen_id)

        self.worker.submit(job, lambda impact: self._confirm_removal(member, impact), self._remove_failed)

    def _confirm_removal(self, member: MemberSummary, impact: RemovalImpact) -> None:
        text = self.tr("Remove %1 from the family?").replace("%1", member.name)
        gone = []
        if impact.interventions:
            gone.append(self.tr("%n intervention(s)", "", impact.interventions))
        if impact.consents:
            gone.append(self.tr("%n consent record(s)", "", impact.consents))
        if impact.transition_track:
            gone.append(self.tr("the transition track"))
        if gone:
            text += "\n\n" + self.tr("In this case, this also removes: %1.").replace("%1", ", ".join(gone))
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes or self.analysis is None:
            return
        sessions, case_id = self._context.sessions, self.analysis.overview.summary.id
        member_id, version = member.member_id, member.member_version
        assert member_id is not None

        def job() -> None:
            with sessions.begin() as session:
                remove_member(session, case_id, member_id, version)

        self.worker.submit(job, lambda _none: self._saved(), self._remove_failed)

    def _remove_failed(self, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            QMessageBox.information(
                self, self.tr("Not removed"), " ".join(problem_text(p.problem) for p in exc.problems)
            )
        elif isinstance(exc, ConcurrentEditError | RowGoneError):
            QMessageBox.information(
                self,
                self.tr("Not removed"),
                self.tr("Someone else changed the family meanwhile. Look again."),
            )
            self.reload()
        elif isinstance(exc, SQLAlchemyError):
            log.warning("Removing a member failed")
            self.store_failed.emit()
        else:
            raise exc

    def record_consent(self, citizen_id: int) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        overview = self.analysis.overview
        if (
            ConsentDialog.ask(
                self._context, self.lanes, overview.summary.id, overview.members, citizen_id or None, self
            )
            is not None
        ):
            self._saved()

    def open_consent_register(self) -> None:
        """The case's consents and who may receive what; changes there reload the page."""
        if self.analysis is None:
            return
        from app.ui.privacy.consent_register_dialog import ConsentRegisterDialog

        dialog = ConsentRegisterDialog(
            self._context, self.lanes, self.analysis.overview.summary.id, self.read_only, self
        )
        self.consent_register_dialog = dialog
        dialog.exec()
        self.consent_register_dialog = None
        if dialog.modified:
            self._saved()

    def add_intervention(self, citizen_id: int) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        if InterventionDialog.ask(
            self._context, self.lanes, self.analysis.overview, None, citizen_id or None, self
        ):
            self._saved()

    def edit_intervention(self, intervention_id: int) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        info = next((i for i in self.analysis.overview.interventions if i.id == intervention_id), None)
        if info is not None and InterventionDialog.ask(
            self._context, self.lanes, self.analysis.overview, info, None, self
        ):
            self._saved()

    def end_intervention(self, intervention_id: int) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        overview = self.analysis.overview
        info = next((i for i in overview.interventions if i.id == intervention_id), None)
        if info is not None and EndInterventionDialog.ask(
            self._context,
            self.lanes,
            overview.summary.id,
            info.id,
            info.title,
            info.start_date,
            info.version,
            self,
        ):
            self._saved()

    def add_professional(self) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        if self.case_id is not None and ProfessionalDialog.ask(
            self._context, self.lanes, self.case_id, parent=self
        ):
            self._saved()

    def link_professional(self) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        if self.case_id is not None and LinkProfessionalDialog.ask(
            self._context, self.lanes, self.case_id, self
        ):
            self._saved()

    def edit_professional(self, professional_id: int) -> None:
        if self.read_only:  # a closed case is read, not changed (also by double-click)
            return
        assert self.analysis is not None
        pro = next((p for p in self.analysis.overview.professionals if p.id == professional_id), None)
        if pro is not None and ProfessionalDialog.ask(
            self._context, self.lanes, self.analysis.overview.summary.id, pro, pro.version or None, self
        ):
            self._saved()
