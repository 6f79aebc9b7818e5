"""Main window: navigation (Min dag · Sager · Familie · Plan · Kalender), pages, store indicator."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from typing_extensions import override

from app import __version__
from app.machine_settings import MachineSettings
from app.models.enums import UserRole
from app.services.common.context import AppContext
from app.services.day.my_day import Opens, Place
from app.ui.calendar.calendar_page import CalendarPage
from app.ui.cases.case_list_page import CaseListPage
from app.ui.cases.new_case_dialog import NewCaseDialog
from app.ui.common.a11y import begin_tab_order_at, tab_order
from app.ui.common.background import StoreLanes
from app.ui.common.colours import Cell, Tone, cell_style, error_style, tone
from app.ui.common.i18n import LANGUAGES, SETTINGS_KEY
from app.ui.common.live_updates import start_live_updates
from app.ui.common.store_events import StoreChange, StoreEvents
from app.ui.day.day_page import DayPage
from app.ui.documents.document_panel import DocumentPanel
from app.ui.family.family_page import FamilyPage
from app.ui.journal.journal_panel import JournalPanel
from app.ui.navigation import PAGE_CALENDAR, PAGE_CASES, PAGE_DAY, PAGE_FAMILY, PAGE_PLAN, Navigation
from app.ui.plan.plan_page import PlanPage
from app.ui.search.search_box import SearchBox
from app.ui.settings.preferences_dialog import PreferencesDialog
from app.ui.tasks.reminders import Reminders
from app.ui.tasks.task_panel import TaskPanel
from app.ui.team.absence_dialog import AbsenceDialog
from app.ui.team.case_team_bar import CaseTeamBar

log = logging.getLogger(__name__)

REACHABILITY_CHECK_MS = 60_000  # while all is well
RECONNECT_PROBE_MS = 2_000  # while the store does not answer
# Tables whose rows the case list shows (directly or in its columns).
CASE_LIST_TABLES = (
    "cases",
    "families",
    "family_members",
    "citizens",
    "meetings",
    "plan_versions",
    "agreements",
    "users",
    "tasks",
)
FAMILY_TABLES = ("families", "family_members", "citizens", "professionals")
CALENDAR_TABLES = ("meetings", "meeting_participants", "users")


def _probe(engine: object) -> bool:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql("SELECT 1")
    return True


class MainWindow(QMainWindow):
    def __init__(
        self, context: AppContext, settings: QSettings, language: str, machine: MachineSettings | None = None
    ) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        self.machine = machine or MachineSettings()  # what IT set for this computer
        # The one way to the store from the UI, made once (every module a job needs is
        # imported by now, on this thread) and handed to the pages.
        self.lanes = StoreLanes(self)
        self._case_id: int | None = None  # the opened case
        # Never a case, a name or a CPR number in the title.
        self.setWindowTitle("Koordinator")
        self.resize(1280, 760)

        self.nav = Navigation(self)
        for row in (PAGE_FAMILY, PAGE_PLAN):
            self._set_nav_enabled(row, False)

        self.day = DayPage(context, self.lanes, settings, self)
        self.day.loaded.connect(lambda: self.nav.show_counts(self.day.day) if self.day.day else None)
        # The family page's feature tabs a line of the day opens, by place (Place.value:
        # "journal", "task", "document"), added where the tabs are added.
        self.feature_tabs: dict[str, QWidget] = {}
        self.cases = CaseListPage(context, self.lanes, parent=self)
        self.family = FamilyPage(context, settings, self.lanes, self)
        self.journal = JournalPanel(context, self.lanes, self)  # the first of the feature tabs
        self.family.add_case_panel(self.journal, self.journal, self.tr("Journal"))
        self.journal.store_failed.connect(self._store_problem)
        self.documents = DocumentPanel(context, self.lanes, self)
        self.family.add_case_panel(self.documents, self.documents, self.tr("Documents"))
        self.plan = PlanPage(context, self.lanes, self)
        self._print_when_loaded: int | None = None  # Ctrl+P before the plan had arrived
        self.plan.loaded.connect(self._plan_loaded)
        self.calendar = CalendarPage(context, self.lanes, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.day)
        self.stack.addWidget(self.cases)
        self.stack.addWidget(self.family)
        self.stack.addWidget(self.plan)
        self.stack.addWidget(self.calendar)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        self.banner = QLabel(self)
        self.banner.setObjectName("storeBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            cell_style(Cell.ALERT, f"border: 1px solid {tone(Tone.ERROR).name()}; padding: 6px;")
        )
        self.banner.setText(
            self.tr(
                "The connection to the database is lost. What you type is kept on this computer "
                "and saved as soon as the connection is back. Trying to reconnect…"
            )
        )
        self.banner.hide()
        outer.addWidget(self.banner)
        pages = QHBoxLayout()
        pages.addWidget(self.nav)
        pages.addWidget(self.stack, 1)
        outer.addLayout(pages, 1)
        self.setCentralWidget(central)
        self.search = SearchBox(context, self.lanes, self)
        toolbar = self.addToolBar(self.tr("Search"))
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.search.install_shortcuts(self)
        self.search.open_requested.connect(self.open_search_result)

        self.nav.currentRowChanged.connect(self._navigate)
        self.nav.setCurrentRow(PAGE_DAY)
        self.day.open_requested.connect(self.open_from_day)
        self.day.store_failed.connect(self._store_problem)
        self.cases.case_opened.connect(self.open_case)
        self.cases.new_case_requested.connect(self.new_case)
        self.family.case_missing.connect(self._case_missing)
        self.family.store_failed.connect(self._store_problem)
        self.family.changed.connect(self.cases.model.reload)
        self.family.changed.connect(self.day.mark_stale)
        self.plan.store_failed.connect(self._store_problem)
        self.calendar.changed.connect(self.cases.model.reload)
        self.calendar.changed.connect(self.family.reload)
        self.tasks = TaskPanel(context, self.lanes, self)
        self.family.add_case_panel(self.tasks, self.tasks, self.tr("Tasks"))
        self.tasks.changed.connect(self.cases.model.reload)
        self.tasks.store_failed.connect(self._store_problem)
        self.plan.agreements.task_requested.connect(self._task_from_agreement)
        self.feature_tabs.update(journal=self.journal, task=self.tasks, document=self.documents)
        # The team's "Edit case…" and hand-over note, in the family page's header (no tab).
        self.team_bar = CaseTeamBar(context, self.lanes, self.family)
        self.family.heading_row.insertWidget(1, self.team_bar)
        self.family.case_panels.append(self.team_bar)
        self.team_bar.changed.connect(self.family.changed)
        self.team_bar.changed.connect(self.family.reload)
        self.team_bar.case_missing.connect(self.family.case_missing)
        self.plan.header.journal_button.clicked.connect(self._plan_journal)
        # Tab as the window reads: the search, the pages' list, the page; in the family's
        # header the team's buttons (made last) before the rest.
        tab_order(self.search, self.nav, self.stack)
        tab_order(self.team_bar, *self.family.header_parts())
        begin_tab_order_at(self.search.field)
        self.calendar.changed.connect(self.day.mark_stale)

        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeIndicator")
        self.statusBar().addPermanentWidget(self.store_label)
        self.user_label = QLabel(self.tr("Signed in as %1").replace("%1", context.user.full_name), self)
        self.statusBar().addWidget(self.user_label)
        self.events = StoreEvents(self)
        self.events.reachable_changed.connect(self._reachable_changed)
        self.events.changed.connect(self._store_changed)
        self._probing = False
        self._show_store_state(True)
        self._store_timer = QTimer(self)
        self._store_timer.setInterval(REACHABILITY_CHECK_MS)
        self._store_timer.timeout.connect(self.check_store)
        self._store_timer.start()
        watch = getattr(self.plan, "watch", None)
        if watch is not None:
            watch(self.events)
        self.live = start_live_updates(context.engine, self.events, self.lanes.store, self)
        self.reminders = Reminders(context, self.lanes, settings, parent=self)
        self.reminders.open_requested.connect(self.open_task)
        self.reminders.start()

        self._build_menus(language)

    def _build_menus(self, language: str) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_action = QAction(self.tr("&New case…"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self.new_case)
        file_menu.addAction(new_action)
        print_action = QAction(self.tr("&Print plan…"), self)
        print_action.setObjectName("printPlan")
        print_action.setShortcut(QKeySequence.StandardKey.Print)
        print_action.triggered.connect(self.print_plan)
        file_menu.addAction(print_action)
        access = QAction(self.tr("&Access request…"), self)
        access.setObjectName("accessRequest")
        access.triggered.connect(self.access_request)
        file_menu.addAction(access)
        absences = QAction(self.tr("Absences and &deputies…"), self)
        absences.setObjectName("absences")
        absences.triggered.connect(self._absences)
        file_menu.addAction(absences)
        profile = QAction(self.tr("My &profile…"), self)
        profile.setObjectName("myProfile")
        profile.setToolTip(self.tr("Your e-mail address and phone number, used in invitations and papers"))
        profile.triggered.connect(self.my_profile)
        file_menu.addAction(profile)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        preferences = QAction(self.tr("&Family overview…"), self)
        preferences.triggered.connect(self._preferences)
        settings_menu.addAction(preferences)
        database = QAction(self.tr("&Database connection…"), self)
        database.setObjectName("databaseConnection")
        database.triggered.connect(self._database_connection)
        settings_menu.addAction(database)
        if self.context.user.role == UserRole.ADMIN or self.context.store_kind == "sqlite":
            # The store's setting: on a shared server only IT (the admin group) may change it.
            letter = QAction(self.tr("&Letter template…"), self)
            letter.setObjectName("letterTemplate")
            letter.setToolTip(self.tr("The logo, sender and address of the Word copies"))
            letter.triggered.connect(self._letter_template)
            settings_menu.addAction(letter)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        if self.machine.is_locked("language"):  # IT chose it for every user of this computer
            language_menu.setEnabled(False)
            language_menu.setToolTip(self.tr("Set by IT for this computer"))
        group = QActionGroup(self)
        names = {"da": "Dansk", "en": "English"}
        for code in LANGUAGES:
            action = QAction(names[code], self, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        team_menu = self.menuBar().addMenu(self.tr("&Team"))
        overview = QAction(self.tr("Team &overview…"), self)
        overview.setObjectName("teamOverview")
        overview.setToolTip(
            self.tr("For team leads: the team's caseloads, overdue work, absences and candidates")
        )
        overview.triggered.connect(self.team_overview)
        team_menu.addAction(overview)

        if self.context.user.role == UserRole.ADMIN or self.context.store_kind == "sqlite":
            # On a shared server only admins read the log (the server refuses others too);
            # a local store is the user's own.
            admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
            audit_log = QAction(self.tr("&Audit log…"), self)
            audit_log.setObjectName("auditLog")
            audit_log.triggered.connect(self._audit_log)
            admin_menu.addAction(audit_log)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Koordinator"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _set_nav_enabled(self, row: int, enabled: bool) -> None:
        item = self.nav.item(row)
        flags = item.flags()
        if enabled:
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        else:
            item.setFlags(flags & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))

    def _navigate(self, row: int) -> None:
        if row == PAGE_PLAN and self._case_id is not None:
            self.plan.open_case(self._case_id)
        if row == PAGE_CALENDAR:
            self.calendar.reload()
        if row in (PAGE_DAY, PAGE_CASES, PAGE_FAMILY, PAGE_PLAN, PAGE_CALENDAR):
            if self.stack.currentIndex() == PAGE_PLAN and row != PAGE_PLAN:
                self.plan.flush()  # leaving the plan saves it
            self.stack.setCurrentIndex(row)
            self.search.set_find_key(row != PAGE_CASES)  # the case list's Ctrl+F is its own

    def team_overview(self) -> None:
        """The team overview (for team leads; open to everyone): not modal, so a case opened
        from it shows in the window behind."""
        from app.ui.team.team_overview import TeamOverviewDialog

        dialog = TeamOverviewDialog(self.context, self.lanes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_chosen.connect(self.open_case)
        self.team_dialog = dialog
        dialog.show()

    def open_case(self, case_id: int) -> None:
        """Show the family page at once; its data is read in the background."""
        self._case_id = case_id
        self.family.open_case(case_id)
        self.calendar.set_case(case_id)
        for page in (PAGE_FAMILY, PAGE_PLAN):
            self._set_nav_enabled(page, True)
            self.nav.item(page).setToolTip("")
        self.nav.setCurrentRow(PAGE_FAMILY)

    def print_plan(self) -> None:
        """Ctrl+P: the open case's plan, shown and printed (once it has arrived)."""
        if self._case_id is None:
            self.statusBar().showMessage(self.tr("Open a case first: then its plan can be printed."), 5000)
            return
        self.nav.setCurrentRow(PAGE_PLAN)
        doc = self.plan.doc
        if doc is not None and doc.case_id == self._case_id:
            self.plan.print_plan()
        else:
            self._print_when_loaded = self._case_id

    def _plan_loaded(self, case_id: int) -> None:
        wanted, self._print_when_loaded = self._print_when_loaded, None
        if wanted == case_id == self._case_id and self.stack.currentIndex() == PAGE_PLAN:
            self.plan.print_plan()

    def open_task(self, task_id: int, case_id: int | None) -> None:
        """A task (from a reminder): its case's Tasks tab with it chosen, or the task itself."""
        if case_id is None:
            self.tasks.open_task(task_id)
            return
        if case_id != self._case_id:
            self.open_case(case_id)
        else:
            self.nav.setCurrentRow(PAGE_FAMILY)
        self.family.show_panel(self.tasks, task_id)

    def _plan_journal(self) -> None:
        """From the plan to the case's journal (leaving the plan saves it)."""
        self.nav.setCurrentRow(PAGE_FAMILY)
        self.family.show_panel(self.journal)

    def _task_from_agreement(self, agreement_key: str) -> None:
        """A plan's agreement as a task: the plan is saved first, the task made of what is stored."""
        if self._case_id is not None:
            self.plan.flush()
            self.tasks.create_from_agreement(self._case_id, agreement_key)

    def open_from_day(self, opens: Opens) -> None:
        """Open a line of "Min dag" where it belongs: the case, then its plan, its meeting in
        the calendar, or a feature tab of the family page (``feature_tabs``)."""
        if opens.case_id is None:
            if opens.place == Place.TASK and opens.item_id is not None:
                self.tasks.open_task(opens.item_id)  # a task of no case: the task itself
            return
        self.open_case(opens.case_id)
        if opens.place == Place.PLAN:
            self.nav.setCurrentRow(PAGE_PLAN)
        elif opens.place == Place.MEETING and opens.item_id is not None:
            self.calendar.show_meeting(opens.item_id)
            self.nav.setCurrentRow(PAGE_CALENDAR)
        elif opens.place.value in self.feature_tabs:
            self.family.show_panel(self.feature_tabs[opens.place.value], opens.item_id)

    def open_search_result(self, case_id: int, source: str, item_id: int) -> None:
        """Open the case where the search found it."""
        self.open_case(case_id)
        if source in ("agreement", "goal"):
            self.nav.setCurrentRow(PAGE_PLAN)
            return
        panel = self.feature_tabs.get(source)  # the journal, task and document tabs
        if panel is not None:
            self.family.show_panel(panel, item_id)

    def _case_missing(self, _case_id: int) -> None:
        QMessageBox.information(
            self,
            self.tr("Case not found"),
            self.tr(
                "The case is no longer within your reach: it was deleted, or handed over to "
                "another team. The list is refreshed."
            ),
        )
        self.cases.model.reload()
        self._case_id = None
        for page in (PAGE_FAMILY, PAGE_PLAN):
            self._set_nav_enabled(page, False)
        self.nav.setCurrentRow(PAGE_CASES)

    def new_case(self) -> None:
        case_id = NewCaseDialog.ask(self.context, self.lanes, self, self.settings)
        if case_id is None:
            return
        self.cases.model.reload()
        self.cases.select_case(case_id)
        self.statusBar().showMessage(self.tr("The case was created."), 5000)

    def check_store(self) -> None:
        """Ask the store for a sign of life on the worker thread (never on the GUI thread:
        a dropped network can take seconds to answer)."""
        if self._probing:
            return
        self._probing = True
        engine = self.context.engine
        self.lanes.store.submit(lambda: _probe(engine), self._probe_answered, self._probe_failed)

    def _probe_answered(self, _ok: object) -> None:
        self._probing = False
        self.events.set_reachable(True)

    def _probe_failed(self, exc: Exception) -> None:
        self._probing = False
        if not isinstance(exc, SQLAlchemyError):
            raise exc
        self.events.set_reachable(False)

    def _reachable_changed(self, reachable: bool) -> None:
        self._show_store_state(reachable)
        self.banner.setVisible(not reachable)
        self._store_timer.setInterval(REACHABILITY_CHECK_MS if reachable else RECONNECT_PROBE_MS)
        self._store_timer.start()
        if reachable:
            self.statusBar().showMessage(self.tr("The connection to the database is back."), 5000)
            self._store_changed(StoreChange(frozenset(), frozenset(), everything=True))

    def _show_store_state(self, reachable: bool) -> None:
        kind = (
            self.tr("Local database") if self.context.store_kind == "sqlite" else self.tr("Shared database")
        )
        if not reachable:
            self.store_label.setText(self.tr("%1: not reachable").replace("%1", kind))
            self.store_label.setStyleSheet(error_style())
            return
        self.store_label.setText(f"{kind}: {self.context.store_label}")
        self.store_label.setToolTip(self.context.store_label)
        self.store_label.setStyleSheet("")

    def _store_changed(self, change: StoreChange) -> None:
        """Someone else wrote: refresh what is shown (the plan page decides for itself, so
        that nothing typed is replaced)."""
        if not self.events.reachable:
            return
        try:
            self.day.store_changed(change)
            if change.touches_table(*CASE_LIST_TABLES):
                self.cases.model.reload()
            if self._case_id is not None and (
                change.touches_case(self._case_id) or change.touches_table(*FAMILY_TABLES)
            ):
                self.family.reload()
            if change.touches_table(*CALENDAR_TABLES) and self.stack.currentIndex() == PAGE_CALENDAR:
                self.calendar.reload()
        except SQLAlchemyError as exc:
            log.warning("Refreshing after a change failed: %s", type(exc).__name__, exc_info=True)
            self.events.set_reachable(False)

    def _store_problem(self) -> None:
        """A page's store work failed: show the banner and find out when it is back."""
        self.events.set_reachable(False)
        self.check_store()

    def access_request(self) -> None:
        """Aktindsigt: for a member of the open case, or anyone by CPR number."""
        from app.ui.privacy.access_request_dialog import AccessRequestDialog

        AccessRequestDialog.open_for(self.context, self.lanes, self._case_id, self)

    def my_profile(self) -> None:
        from app.ui.settings.profile_dialog import ProfileDialog

        ProfileDialog.edit(self.context, self.lanes, self)

    def _absences(self) -> None:
        AbsenceDialog(self.context, self.lanes, self).exec()

    def _audit_log(self) -> None:
        from app.ui.privacy.audit_viewer import AuditViewer

        AuditViewer.open_for(self.context, self.lanes, self)

    def _database_connection(self) -> None:
        from app.store.credentials import KeyringCredentials
        from app.ui.settings.connection_dialog import ConnectionDialog

        ConnectionDialog.ask(self.settings, KeyringCredentials(), self.lanes.store, self, self.machine)

    def _letter_template(self) -> None:
        from app.ui.settings.letter_template_dialog import LetterTemplateDialog

        LetterTemplateDialog.open_for(self.context, self.lanes, self)

    def _preferences(self) -> None:
        if PreferencesDialog.ask(self.settings, self):
            self.family.reload()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.plan.flush()  # the plan's last typing is saved
        self._store_timer.stop()
        self.reminders.stop()
        self.live.stop()
        # No store work left running behind a closed window.
        self.lanes.wait(5000)
        super().closeEvent(event)

    def _choose_language(self, code: str) -> None:
        self.settings.setValue(SETTINGS_KEY, code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used the next time you start Koordinator."),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Koordinator"),
            self.tr("Koordinator %1 – one common plan for the family.").replace("%1", __version__),
        )
