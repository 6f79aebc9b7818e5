"""Main window: navigation (Min dag · Sager · Familie · Plan · Kalender), pages, store indicator."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

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
from app.ui.cases.case_list_page import CaseListPage
from app.ui.common.a11y import begin_tab_order_at, tab_order
from app.ui.common.background import StoreLanes
from app.ui.common.colours import Cell, Tone, cell_style, error_style, tone
from app.ui.common.i18n import LANGUAGES, SETTINGS_KEY
from app.ui.common.live_updates import start_live_updates
from app.ui.common.store_events import StoreChange, StoreEvents
from app.ui.day.day_page import DayPage
from app.ui.navigation import PAGE_CALENDAR, PAGE_CASES, PAGE_DAY, PAGE_FAMILY, PAGE_PLAN, Navigation
from app.ui.search.search_box import SearchBox
from app.ui.tasks.reminders import Reminders
from app.ui.window_parts import (
    CALENDAR_TABLES,
    CASE_LIST_TABLES,
    FAMILY_TABLES,
    REACHABILITY_CHECK_MS,
    RECONNECT_PROBE_MS,
    BuiltOnUse,
    probe,
)

if TYPE_CHECKING:  # built when first needed (their imports are most of the start's)
    from app.ui.calendar.calendar_page import CalendarPage
    from app.ui.documents.document_panel import DocumentPanel
    from app.ui.family.family_page import FamilyPage
    from app.ui.journal.journal_panel import JournalPanel
    from app.ui.plan.plan_page import PlanPage
    from app.ui.tasks.task_panel import TaskPanel
    from app.ui.team.case_team_bar import CaseTeamBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # Made when first read (window_parts.BuiltOnUse): most of the start's imports are theirs.
    family: BuiltOnUse[FamilyPage] = BuiltOnUse("_build_family")
    journal: BuiltOnUse[JournalPanel] = BuiltOnUse("_build_family")
    documents: BuiltOnUse[DocumentPanel] = BuiltOnUse("_build_family")
    tasks: BuiltOnUse[TaskPanel] = BuiltOnUse("_build_family")
    team_bar: BuiltOnUse[CaseTeamBar] = BuiltOnUse("_build_family")
    feature_tabs: BuiltOnUse[dict[str, QWidget]] = BuiltOnUse("_build_family")
    plan: BuiltOnUse[PlanPage] = BuiltOnUse("_build_plan")
    calendar: BuiltOnUse[CalendarPage] = BuiltOnUse("_build_calendar")

    def __init__(
        self, context: AppContext, settings: QSettings, language: str, machine: MachineSettings | None = None
    ) -> None:
        super().__init__()
        self.context = context
        self.settings = settings
        self.machine = machine or MachineSettings()  # what IT set for this computer
        # The one way to the store from the UI, made once and handed to the pages (every
        # module a job needs is imported on this thread first: now, or as its page is made).
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
        self.cases = CaseListPage(context, self.lanes, parent=self)
        # The family, plan and calendar pages are made when first needed; till then a stand-in.
        self._family: FamilyPage | None = None
        self._plan: PlanPage | None = None
        self._calendar: CalendarPage | None = None
        self._print_when_loaded: int | None = None  # Ctrl+P before the plan had arrived
        self.stack = QStackedWidget(self)
        for page in (self.day, self.cases, QWidget(self), QWidget(self), QWidget(self)):
            self.stack.addWidget(page)
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
        # Tab as the window reads: the search, the pages' list, the page.
        tab_order(self.search, self.nav, self.stack)
        begin_tab_order_at(self.search.field)

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
        self.live = start_live_updates(context.engine, self.events, self.lanes.store, self)
        self.reminders = Reminders(context, self.lanes, settings, parent=self)
        self.reminders.open_requested.connect(self.open_task)
        self.reminders.start()

        self._build_menus(language)

    def _place(self, index: int, page: QWidget) -> None:
        """``page`` instead of the empty stand-in at ``index`` of the stack."""
        stand_in = self.stack.widget(index)
        assert stand_in is not None
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.insertWidget(index, page)

    def _build_family(self) -> None:
        from app.ui.documents.document_panel import DocumentPanel
        from app.ui.family.family_page import FamilyPage
        from app.ui.journal.journal_panel import JournalPanel
        from app.ui.tasks.task_panel import TaskPanel
        from app.ui.team.case_team_bar import CaseTeamBar

        context, lanes = self.context, self.lanes
        family = self._family = FamilyPage(context, self.settings, lanes, self)
        self._place(PAGE_FAMILY, family)
        journal = JournalPanel(context, lanes, self)  # the first of the feature tabs
        family.add_case_panel(journal, journal, self.tr("Journal"))
        documents = DocumentPanel(context, lanes, self)
        family.add_case_panel(documents, documents, self.tr("Documents"))
        tasks = TaskPanel(context, lanes, self)
        family.add_case_panel(tasks, tasks, self.tr("Tasks"))
        for failing in (family, journal, tasks):
            failing.store_failed.connect(self._store_problem)
        family.case_missing.connect(self._case_missing)
        family.changed.connect(self.cases.model.reload)
        family.changed.connect(self.day.mark_stale)
        tasks.changed.connect(self.cases.model.reload)
        # The team's "Edit case…" and hand-over note, in the family page's header (no tab).
        team_bar = CaseTeamBar(context, lanes, family)
        family.heading_row.insertWidget(1, team_bar)
        family.case_panels.append(team_bar)
        team_bar.changed.connect(family.changed)
        team_bar.changed.connect(family.reload)
        team_bar.case_missing.connect(family.case_missing)
        # In the family's header the team's buttons (made last) before the rest.
        tab_order(team_bar, *family.header_parts())
        self._journal, self._documents, self._tasks, self._team_bar = journal, documents, tasks, team_bar
        # The feature tabs a line of the day opens, by place (Place.value).
        self._feature_tabs: dict[str, QWidget] = {"journal": journal, "task": tasks, "document": documents}

    def _build_plan(self) -> None:
        from app.ui.plan.plan_page import PlanPage

        plan = self._plan = PlanPage(self.context, self.lanes, self)
        self._place(PAGE_PLAN, plan)
        plan.loaded.connect(self._plan_loaded)
        plan.store_failed.connect(self._store_problem)
        plan.agreements.task_requested.connect(self._task_from_agreement)
        plan.header.journal_button.clicked.connect(self._plan_journal)
        watch = getattr(plan, "watch", None)
        if watch is not None:
            watch(self.events)

    def _build_calendar(self) -> None:
        from app.ui.calendar.calendar_page import CalendarPage

        calendar = self._calendar = CalendarPage(self.context, self.lanes, self)
        self._place(PAGE_CALENDAR, calendar)
        calendar.changed.connect(self.cases.model.reload)
        calendar.changed.connect(self._reload_family)
        calendar.changed.connect(self.day.mark_stale)
        if self._case_id is not None:
            calendar.set_case(self._case_id)

    def _reload_family(self) -> None:
        if self._family is not None:
            self._family.reload()

    def _page(self, row: int) -> QWidget:
        """The page of a row of the navigation (made now if it was not yet)."""
        pages: dict[int, QWidget] = {PAGE_DAY: self.day, PAGE_CASES: self.cases}
        if row in pages:
            return pages[row]
        return self.family if row == PAGE_FAMILY else self.plan if row == PAGE_PLAN else self.calendar

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
            self.stack.setCurrentWidget(self._page(row))
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
        if self._calendar is not None:  # else it takes the case when it is made
            self._calendar.set_case(case_id)
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
        from app.ui.cases.new_case_dialog import NewCaseDialog  # made when first asked for

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
        self.lanes.store.submit(lambda: probe(engine), self._probe_answered, self._probe_failed)

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
        from app.ui.team.absence_dialog import AbsenceDialog

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
        from app.ui.settings.preferences_dialog import PreferencesDialog

        if PreferencesDialog.ask(self.settings, self):
            self._reload_family()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._plan is not None:
            self._plan.flush()  # the plan's last typing is saved
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
