"""The rest of the program's dialogs for the screenshot tour (issue 17, item 2): each opened as
its own button opens it, filled with Lise's demo case where that makes sense, shown at the size
it takes itself (as ``exec()`` would show it), saved, audited with ``--audit``, and closed.

Nothing here blocks: each dialog is ``show()``-n, read (its reads on the store lane waited for),
grabbed and closed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.services.common.clock import LOCAL_TZ, local_today

Save = Callable[[QWidget, QApplication, Path], None]
Settle = Callable[[QApplication], None]

CRASH_DETAILS = """Traceback (most recent call last):
  File "app/ui/family/family_page.py", line 412, in _shown
    self.overview.show_members(members)
AttributeError: 'NoneType' object has no attribute 'show_members'"""


class _Tour:
    """Shows, saves and closes one dialog after another."""

    def __init__(
        self, window: QWidget, app: QApplication, out: Path, suffix: str, save: Save, settle: Settle
    ) -> None:
        self.window, self.app, self.out, self.suffix = window, app, out, suffix
        self.lanes = window.lanes  # type: ignore[attr-defined]
        self._save, self._settle = save, settle
        self.written: list[Path] = []

    def wait(self, *workers: object) -> None:
        for _ in range(3):  # a dialog's reads, then what a read asks for next
            self.lanes.wait(10_000)
            for worker in workers:
                worker.wait(10_000)  # type: ignore[attr-defined]
            self._settle(self.app)

    def shot(self, dialog: QDialog, name: str, *workers: object) -> None:
        dialog.show()
        self.wait(*workers)
        self.written.append(self.out / f"{name}{self.suffix}.png")
        self._save(dialog, self.app, self.written[-1])
        self.lanes.wait(10_000)  # nothing of the dialog's is left running when it goes
        dialog.hide()
        dialog.deleteLater()
        self._settle(self.app)


def dialog_screens(
    window: QWidget, app: QApplication, out: Path, suffix: str, lise: int, save: Save, settle: Settle
) -> list[Path]:
    """Every dialog the rest of the tour does not show, on Lise's case."""
    tour = _Tour(window, app, out, suffix, save, settle)
    window.open_case(lise)  # type: ignore[attr-defined]
    window.family.worker.wait(10_000)  # type: ignore[attr-defined]
    tour.wait()
    _family_dialogs(tour, lise)
    _casework_dialogs(tour)
    _plan_dialogs(tour)
    _other_dialogs(tour)
    _letter_and_profile_dialogs(tour)
    return tour.written


def _family_dialogs(tour: _Tour, lise: int) -> None:
    from app.ui.cases.close_case_dialog import CloseCaseDialog
    from app.ui.family.consent_dialog import ConsentDialog
    from app.ui.family.family_dialogs import (
        EndInterventionDialog,
        LinkProfessionalDialog,
        MemberDialog,
        ProfessionalDialog,
    )

    window = tour.window
    context, lanes = window.context, tour.lanes  # type: ignore[attr-defined]
    overview = window.family.analysis.overview  # type: ignore[attr-defined]
    mother = overview.members[0]
    tour.shot(MemberDialog(context, lanes, lise, mother, mother.member_version, window), "member_dialog")
    tour.shot(
        ConsentDialog(context, lanes, lise, overview.members, mother.citizen_id, window), "consent_dialog"
    )
    if overview.professionals:
        pro = overview.professionals[0]
        tour.shot(
            ProfessionalDialog(context, lanes, lise, pro, pro.version or None, window), "professional_dialog"
        )
    link = LinkProfessionalDialog(context, lanes, lise, window)
    link.search.setText("skole")
    tour.shot(link, "link_professional_dialog")
    intervention = overview.interventions[0]
    end = EndInterventionDialog(
        context,
        lanes,
        lise,
        intervention.id,
        intervention.title,
        intervention.start_date,
        intervention.version,
        window,
    )
    tour.shot(end, "end_intervention_dialog")
    tour.shot(CloseCaseDialog(context, lanes, lise, window), "close_case_dialog")


def _casework_dialogs(tour: _Tour) -> None:
    """The journal note, the document and the task of Lise's case, and a reminder."""
    from app.ui.documents.document_dialog import DocumentDialog
    from app.ui.journal.entry_dialog import JournalEntryDialog
    from app.ui.tasks.reminders import ReminderNotice
    from app.ui.tasks.task_dialog import TaskDialog

    window = tour.window
    context, lanes = window.context, tour.lanes  # type: ignore[attr-defined]
    _lises_tasks(context, window.family.case_id, context.user.id)  # type: ignore[attr-defined]
    journal, documents, tasks = window.journal, window.documents, window.tasks  # type: ignore[attr-defined]
    for panel in (journal, documents, tasks):
        window.family.tabs.setCurrentWidget(panel)  # type: ignore[attr-defined]
        tour.wait()  # each tab reads its rows when first shown
    tasks.reload()  # the tasks made above
    tour.wait()
    window.family.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    if journal.case is not None and journal.view is not None:
        note = JournalEntryDialog(context, lanes, journal.case, journal.view.links, parent=window)
        note.text.setPlainText(
            "Telefonsamtale med Lise. Oliver har haft en god uge i skolen; hun vil gerne have, "
            "at støttetimerne fortsætter efter jul."
        )
        tour.shot(note, "journal_entry_dialog")
    if documents.case is not None and documents.documents:
        dialog = DocumentDialog(context, lanes, documents.case, documents.documents[0], None, window)
        tour.shot(dialog, "document_dialog")
    case = tasks._task_case()
    row = tasks.rows[0] if tasks.rows else None
    tour.shot(TaskDialog(context, lanes, case, task=row, parent=window), "task_dialog")
    if tasks.rows:
        notice = ReminderNotice(window)
        notice.add(tasks.rows[:3])
        tour.shot(notice, "reminder_notice")


def _lises_tasks(context: object, case_id: int, me: int) -> None:
    """Two tasks of Lise's case, one asking to be remembered (the demo makes none)."""
    from datetime import datetime, time

    from app.services.tasks.tasks import TaskInput, create_task

    today = local_today()
    remind = datetime.combine(today, time(9), LOCAL_TZ)
    with context.sessions.begin() as session:  # type: ignore[attr-defined]
        for what, due, at in (
            ("Ring til skolen om Olivers støttetimer", today + timedelta(days=2), remind),
            ("Send referat fra netværksmødet til Lise", today + timedelta(days=5), None),
        ):
            create_task(session, TaskInput(what, case_id, due, me, at), today)


def _plan_dialogs(tour: _Tour) -> None:
    """The plan editor's dialogs: a goal, a score, approving, the history and printing."""
    from app.models.enums import Relation
    from app.services.plan.plan_document import load_plan_document
    from app.ui.main_window import PAGE_PLAN
    from app.ui.plan.compare_dialog import HistoryDialog
    from app.ui.plan.plan_dialogs import ApproveDialog, GoalDialog, ScoreDialog
    from app.ui.plan.plan_preview import PrintPlanDialog

    window = tour.window
    context, lanes = window.context, tour.lanes  # type: ignore[attr-defined]
    window.nav.setCurrentRow(PAGE_PLAN)  # type: ignore[attr-defined]
    plan = window.plan  # type: ignore[attr-defined]
    tour.wait(plan.worker)
    doc = plan.doc
    goals = plan.goals.goals()
    if goals:
        goal = goals[0]
        tour.shot(GoalDialog(plan.goals.members, goal, window), "goal_dialog")
        tour.shot(ScoreDialog(context, lanes, doc.case_id, goal.goal_key, goal.text, window), "score_dialog")
    version_id = plan.sync.stamp.draft_id or (doc.history[-1].id if doc.history else None)
    if version_id is not None:
        participants = ", ".join(
            [m.name for m in doc.members if m.custody or m.relation != Relation.CHILD]
            + [doc.coordinator_name]
        )
        day = local_today() - timedelta(days=2)
        meetings = [(0, f"Netværksmøde {day:%d.%m.%Y} 10:00")]
        approve = ApproveDialog(
            context, lanes, version_id, plan.sync.stamp.row_version, meetings, participants,
            plan.describe_problem, window,
        )  # fmt: skip
        tour.shot(approve, "approve_dialog")

    def load_version(version: int) -> object:
        with context.sessions() as session:
            return load_plan_document(session, doc.case_id, version).plan

    tour.shot(HistoryDialog(doc, load_version, window), "history_dialog")  # type: ignore[arg-type]
    printing = PrintPlanDialog(context, doc.case_id, plan.preview_worker, window, store=plan.worker)
    tour.shot(printing, "print_plan_dialog", plan.worker, plan.preview_worker)


def _other_dialogs(tour: _Tour) -> None:
    """The minutes of a meeting, sharing without consent, settings, the password, the CPR
    number, which name is right, and the dialog for a bug."""
    from sqlalchemy.engine import make_url

    from app.services.meetings.invitation import family_names, organizer_for
    from app.services.plan.plan_document import load_plan_document
    from app.store.credentials import AskReason, PasswordPrompt
    from app.ui.calendar.invitation_dialog import InvitationDialog
    from app.ui.calendar.minutes_dialog import MinutesDialog
    from app.ui.cases.case_list_page import CprRevealDialog
    from app.ui.cases.name_choice import NameChoiceBox
    from app.ui.common.crash_dialog import CrashDialog
    from app.ui.main_window import PAGE_CALENDAR
    from app.ui.privacy.share_override_dialog import ShareOverrideDialog
    from app.ui.settings.connection_dialog import PasswordDialog
    from app.ui.settings.preferences_dialog import PreferencesDialog

    window = tour.window
    context, lanes = window.context, tour.lanes  # type: ignore[attr-defined]
    calendar = window.calendar  # type: ignore[attr-defined]
    window.nav.setCurrentRow(PAGE_CALENDAR)  # type: ignore[attr-defined]
    tour.wait(calendar.worker)
    if calendar.meetings:
        meeting = calendar.meetings[0]
        with context.sessions() as session:
            doc = load_plan_document(session, meeting.case_id)
            organizer = organizer_for(session, context.user.id)
            family = family_names(session, meeting.case_id)
        tour.shot(MinutesDialog(context, lanes, meeting, doc, local_today(), window), "minutes_dialog")
        invitation = InvitationDialog(context, lanes, meeting, organizer, family, window)
        tour.shot(invitation, "invitation_dialog")
    share = ShareOverrideDialog(["Dorthe Laursen", "Karsten Bro"], "invitation", window)
    tour.shot(share, "share_override_dialog")
    tour.shot(PreferencesDialog(window.settings, window), "preferences_dialog")  # type: ignore[attr-defined]
    url = make_url("postgresql+psycopg://lone.madsen@koordinator-db.helsingor.dk/koordinator")
    tour.shot(PasswordDialog(url, PasswordPrompt(AskReason.FIRST_TIME, True), window), "password_dialog")
    tour.shot(CprRevealDialog("Lise Holm Jensen", "010101-0000", window), "cpr_reveal_dialog")
    tour.shot(NameChoiceBox(window, "Lise Holm Jensen", "Lise Holm"), "name_choice")
    log = "/home/lone.madsen/.local/state/koordinator/koordinator.log"
    tour.shot(CrashDialog(CRASH_DETAILS, log, window), "crash_dialog")


def _letter_and_profile_dialogs(tour: _Tour) -> None:
    """The caseworker's own profile, and the municipality's letter template."""
    from app.ui.settings.letter_template_dialog import LetterTemplateDialog
    from app.ui.settings.profile_dialog import ProfileDialog

    window = tour.window
    context, lanes = window.context, tour.lanes  # type: ignore[attr-defined]
    tour.shot(ProfileDialog(context, lanes, window), "profile_dialog")
    tour.shot(LetterTemplateDialog(context, lanes, window), "letter_template_dialog")
