"""Render each screen with demo data to PNG: ``python -m tools.screenshots OUT_DIR``.

Runs offscreen on a fresh temporary store; used by ``make screenshots``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.services.common.clock import clock_in_use, fixed_day_clock, local_now, local_today
from app.services.demo.demo import generate_demo
from app.startup import open_context
from app.ui.app import create_application
from app.ui.common.i18n import install_translators


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


# Filled when rendering with --audit: what tools.screen_audit found on each screen.
FINDINGS: list[str] = []
AUDITING: list[bool] = [False]
AUDITED: set[str] = set()  # the classes of the windows audited


def _save(widget: QWidget, app: QApplication, path: Path) -> None:
    _settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")
    if AUDITING[0]:
        from tools.screen_audit import audit

        FINDINGS.extend(f"{path.name}: {finding}" for finding in audit(widget.window()))
        AUDITED.add(type(widget.window()).__name__)


def _wait_loaded(window: QWidget, app: QApplication) -> None:
    family = window.family  # type: ignore[attr-defined]
    family.worker.wait(10_000)
    _settle(app)


def _case_with_transition(context: object) -> int | None:
    """A case whose youth has a transition track (for its screenshot)."""
    from sqlalchemy import select

    from app.models import TransitionTrack

    with context.sessions() as session:  # type: ignore[attr-defined]
        return session.scalar(select(TransitionTrack.case_id).order_by(TransitionTrack.id).limit(1))


def _plan_screens(window: QWidget, app: QApplication, out: Path, suffix: str) -> list[Path]:
    """The plan editor of Lise's case: text with the plain-language meter, goals with scores,
    the live preview, and two versions compared."""
    from app.ui.main_window import PAGE_PLAN
    from app.ui.plan.compare_dialog import CompareDialog

    written: list[Path] = []
    window.nav.setCurrentRow(PAGE_PLAN)  # type: ignore[attr-defined]
    plan = window.plan  # type: ignore[attr-defined]
    plan.worker.wait(10_000)
    _settle(app)
    plan.section_edits["summary"].setFocus()
    plan.reading.measure()
    plan.lix.refresh()
    written.append(out / f"plan{suffix}.png")
    _save(window, app, written[-1])
    plan.tabs.setCurrentIndex(1)
    if plan.goals.model.rowCount():
        plan.goals.view.selectRow(0)
    written.append(out / f"plan_goals{suffix}.png")
    _save(window, app, written[-1])
    for index, name in ((2, "plan_agreements"), (3, "plan_offers")):
        plan.tabs.setCurrentIndex(index)
        written.append(out / f"{name}{suffix}.png")
        _save(window, app, written[-1])
    plan.side.setCurrentIndex(1)
    plan.refresh_preview()
    plan.preview_worker.wait(10_000)
    _settle(app)
    written.append(out / f"plan_preview{suffix}.png")
    _save(window, app, written[-1])
    doc = plan.doc
    approved = [h for h in doc.history if h.approved_on is not None]
    if approved and doc.plan is not None:
        from app.services.plan.plan_document import load_plan_document

        with plan._context.sessions() as session:
            old = load_plan_document(session, doc.case_id, approved[-1].id).plan
        compare = CompareDialog(old, doc.plan, doc, window)
        compare.resize(1200, 800)
        compare.show()
        written.append(out / f"plan_compare{suffix}.png")
        _save(compare, app, written[-1])
        compare.close()
    plan.tabs.setCurrentIndex(0)
    plan.side.setCurrentIndex(0)
    return written


def _calendar_screens(
    window: QWidget, app: QApplication, out: Path, suffix: str, context: object, case_id: int
) -> list[Path]:
    """The week and month of the caseworker's meetings, and a new meeting for Lise."""
    from app.ui.calendar.meeting_dialog import MeetingDialog
    from app.ui.main_window import PAGE_CALENDAR

    written: list[Path] = []
    calendar = window.calendar  # type: ignore[attr-defined]
    window.nav.setCurrentRow(PAGE_CALENDAR)  # type: ignore[attr-defined]
    calendar.worker.wait(10_000)
    _settle(app)
    if not calendar.meetings:  # show a week that has meetings
        calendar.navigate(1)
        calendar.worker.wait(10_000)
        _settle(app)
    if calendar.meetings:
        calendar.open_meeting(calendar.meetings[0].id)
    written.append(out / f"calendar_week{suffix}.png")
    _save(window, app, written[-1])
    calendar.view_choice.setCurrentIndex(1)
    calendar.worker.wait(10_000)
    _settle(app)
    written.append(out / f"calendar_month{suffix}.png")
    _save(window, app, written[-1])
    calendar.view_choice.setCurrentIndex(0)
    dialog = MeetingDialog(context, window.lanes, case_id, None, None, window)
    dialog.place.setText("Rådhuset, mødelokale 2")
    dialog.resize(720, 860)
    dialog.show()
    written.append(out / f"meeting_dialog{suffix}.png")
    _save(dialog, app, written[-1])
    dialog.close()
    return written


def _shared_store_screens(
    window: QWidget, app: QApplication, out: Path, suffix: str, settings: QSettings, lise: int
) -> list[Path]:
    """The database dialog, the banner of a lost connection, and both conflict dialogs."""
    from datetime import timedelta

    from app.services.plan.plan_merge import merge
    from app.services.plan.plans import PlanDraft
    from app.store.credentials import MemoryCredentials
    from app.ui.common.field_conflict_dialog import FieldChoice, FieldConflictDialog
    from app.ui.main_window import PAGE_CASES
    from app.ui.plan.conflict_dialog import ConflictDialog
    from app.ui.plan.sections_tab import SECTION_TITLES, section_title
    from app.ui.settings.connection_dialog import ConnectionDialog

    written: list[Path] = []
    settings.setValue("store/kind", "server")
    settings.setValue("store/host", "koordinator-db.helsingor.dk")
    settings.setValue("store/database", "koordinator")
    settings.setValue("store/user", "lone.madsen")
    settings.setValue("store/sslmode", "verify-full")
    connection = ConnectionDialog(settings, MemoryCredentials(available=False), window.lanes.store, window)
    connection.show()
    written.append(out / f"connection_dialog{suffix}.png")
    _save(connection, app, written[-1])
    connection.close()

    window.nav.setCurrentRow(PAGE_CASES)  # type: ignore[attr-defined]
    window.events.set_reachable(False)  # type: ignore[attr-defined]
    written.append(out / f"connection_lost{suffix}.png")
    _save(window, app, written[-1])
    window.events.set_reachable(True)  # type: ignore[attr-defined]

    plan = window.plan  # type: ignore[attr-defined]
    plan.open_case(lise)
    plan.worker.wait(10_000)
    _settle(app)
    assert plan.doc is not None and plan.doc.plan is not None
    base = PlanDraft.from_view(plan.doc.plan)
    summary = base.sections.get("summary", "")
    mine = replace_section(
        base, "summary", summary + " Lise vil gerne have, at Emil kommer med til næste møde."
    )
    theirs = replace_section(base, "summary", summary + " Skolen foreslår et møde på skolen i uge 50.")
    conflicts = merge(base, mine, theirs).conflicts
    dialog = ConflictDialog(
        conflicts,
        "Mette Dahl",
        local_now() - timedelta(minutes=3),
        section_titles={name: section_title(name) for name in SECTION_TITLES},
        member_name=plan.doc.member_name,
        parent=window,
    )
    dialog.resize(1000, 560)
    dialog.show()
    written.append(out / f"plan_conflict_dialog{suffix}.png")
    _save(dialog, app, written[-1])
    dialog.close()

    def label(text: str) -> str:
        return QCoreApplication.translate("InterventionDialog", text)

    fields = FieldConflictDialog(
        [
            FieldChoice(
                "title", label("Intervention"), "Aflastning hver anden weekend", "Aflastning hver weekend"
            ),
            FieldChoice("end_date", label("End"), "31.03.2027", "30.06.2027"),
        ],
        "Mette Dahl",
        local_now() - timedelta(minutes=2),
        [label("Status")],
        window,
    )
    fields.show()
    written.append(out / f"field_conflict_dialog{suffix}.png")
    _save(fields, app, written[-1])
    fields.close()
    return written


def _privacy_screens(window: QWidget, app: QApplication, out: Path, suffix: str, lise: int) -> list[Path]:
    """The consent register (consents and who may receive what) and the audit log."""
    from app.ui.privacy.audit_viewer import AuditViewer
    from app.ui.privacy.consent_register_dialog import ConsentRegisterDialog

    written: list[Path] = []
    context = window.context  # type: ignore[attr-defined]
    register = ConsentRegisterDialog(context, window.lanes, lise, False, window)
    register.resize(1100, 560)
    register.show()
    window.lanes.wait(10_000)  # the register is read on the store lane
    _settle(app)
    written.append(out / f"consent_register{suffix}.png")
    _save(register, app, written[-1])
    register.tabs.setCurrentIndex(1)
    written.append(out / f"consent_coverage{suffix}.png")
    _save(register, app, written[-1])
    register.close()

    viewer = AuditViewer(context, window.lanes, window)
    viewer.resize(1200, 600)
    viewer.show()
    viewer.search()
    window.lanes.wait(10_000)  # the search runs on the store lane
    _settle(app)
    written.append(out / f"audit_log{suffix}.png")
    _save(viewer, app, written[-1])
    viewer.close()

    from app.ui.privacy.access_request_dialog import AccessRequestDialog

    request = AccessRequestDialog(context, window.lanes, lise, window)
    request.resize(1100, 640)
    request.show()
    for _read in range(2):  # the case's members, then the first member's items
        window.lanes.wait(10_000)
        _settle(app)
    written.append(out / f"access_request{suffix}.png")
    _save(request, app, written[-1])
    request.close()
    return written


def _casework_screens(
    window: QWidget, app: QApplication, out: Path, suffix: str, context: object, lise: int, tmp: Path
) -> list[Path]:
    """The family page's journal, tasks and documents tabs (a school report attached first)."""
    from reportlab.pdfgen.canvas import Canvas

    from app.models.enums import DocumentKind
    from app.services.documents.documents import DocumentInput, attach_document
    from app.services.documents.file_types import read_upload

    report = tmp / "Skoleudtalelse Oliver.pdf"
    canvas = Canvas(str(report))
    canvas.drawString(72, 760, "Udtalelse fra skolen")
    canvas.save()
    members = [m.citizen_id for m in window.family.analysis.overview.members]  # type: ignore[attr-defined]
    with context.sessions.begin() as session:  # type: ignore[attr-defined]
        attach_document(
            session,
            lise,
            read_upload(report),
            DocumentInput(
                "Skoleudtalelse om Oliver",
                DocumentKind.REPORT,
                local_today(),
                "Skolen, klasselærer",
                tuple(sorted(members[1:2])),
            ),
            local_today(),
        )
    window.family.reload()  # type: ignore[attr-defined]
    _wait_loaded(window, app)
    from app.ui.navigation import PAGE_FAMILY

    window.nav.setCurrentRow(PAGE_FAMILY)  # type: ignore[attr-defined]  # the views tour left the plan showing
    _settle(app)
    written: list[Path] = []
    for panel, name in (
        (window.journal, "family_journal"),  # type: ignore[attr-defined]
        (window.tasks, "family_tasks"),  # type: ignore[attr-defined]
        (window.documents, "family_documents"),  # type: ignore[attr-defined]
    ):
        window.family.tabs.setCurrentWidget(panel)  # type: ignore[attr-defined]
        window.lanes.wait(10_000)  # type: ignore[attr-defined]  # each tab reads on the store lane
        _settle(app)
        if not panel.isVisible():  # a tour that left another page showing would name it wrongly
            raise RuntimeError(f"{name}: the family page's tab is not what the window shows")
        written.append(out / f"{name}{suffix}.png")
        _save(window, app, written[-1])
    return written


def _search_screens(window: QWidget, app: QApplication, out: Path, suffix: str) -> list[Path]:
    """The search across everything in the toolbar: places found, and nothing found."""
    written: list[Path] = []
    search = window.search  # type: ignore[attr-defined]
    for text, name in (("skolen", "search_everything"), ("blæksprutte", "search_nothing_found")):
        search.field.setText(text)
        search.search_now()
        window.lanes.wait(10_000)  # type: ignore[attr-defined]
        _settle(app)
        written.append(out / f"{name}{suffix}.png")
        _save(window, app, written[-1])
    search.field.setText("")
    search.panel.hide()
    return written


def _team_screens(window: QWidget, app: QApplication, out: Path, suffix: str, context: object) -> list[Path]:
    """The team overview (a colleague away this week, Lone covering) and its candidates tab."""
    from app.models.enums import AbsenceKind
    from app.services.common.users import list_caseworkers
    from app.services.team.absences import AbsenceInput, plan_absence
    from app.ui.team.team_overview import TeamOverviewDialog

    sessions = context.sessions  # type: ignore[attr-defined]
    me = context.user.id  # type: ignore[attr-defined]
    today = local_today()
    with sessions.begin() as session:
        other = next(u for u in list_caseworkers(session) if u.id != me)
        plan_absence(
            session, AbsenceInput(other.id, me, AbsenceKind.HOLIDAY, today, today + timedelta(days=6)), today
        )
    dialog = TeamOverviewDialog(context, window.lanes, window)  # type: ignore[arg-type, attr-defined]
    dialog.resize(1300, 700)
    dialog.show()
    window.lanes.wait(10_000)  # type: ignore[attr-defined]
    _settle(app)
    written = [out / f"team_overview{suffix}.png"]
    _save(dialog, app, written[-1])
    dialog.tabs.setCurrentIndex(1)
    written.append(out / f"team_candidates{suffix}.png")
    _save(dialog, app, written[-1])
    dialog.tabs.setCurrentIndex(0)
    dialog.show_cases_behind(0, 1)
    _settle(app)
    written.append(out / f"team_cases_behind{suffix}.png")
    _save(dialog.cases_dialog, app, written[-1])
    dialog.cases_dialog.close()
    dialog.close()
    return written


def replace_section(draft: object, name: str, text: str) -> object:
    from dataclasses import replace

    sections = dict(draft.sections)  # type: ignore[attr-defined]
    sections[name] = text
    return replace(draft, sections=sections)  # type: ignore[type-var]


def render(out: Path, language: str = "da", size: tuple[int, int] = (1366, 768), tag: str = "") -> list[Path]:
    from app.ui.cases.new_case_dialog import NewCaseDialog
    from app.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    translators = install_translators(app, language)
    suffix = ("" if language == "da" else f"_{language}") + tag
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        context = open_context(str(Path(tmp) / "screens.sqlite"), login="lone.madsen")
        with context.sessions.begin() as session:
            generate_demo(session, families=60, seed=7, today=local_today(), my_login="lone.madsen")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(context, settings, language)
        window.resize(*size)  # a caseworker's laptop: the whole screen
        window.move(0, 0)
        window.show()
        window.lanes.wait(10_000)  # the start page, "Min dag", is read on the store lane
        _settle(app)
        written.append(out / f"my_day{suffix}.png")
        _save(window, app, written[-1])

        from app.ui.main_window import PAGE_CASES

        window.nav.setCurrentRow(PAGE_CASES)
        window.cases.model.reload()
        window.lanes.wait(10_000)  # the list is read on the store lane
        _settle(app)
        written.append(out / f"case_list{suffix}.png")
        _save(window, app, written[-1])

        window.cases.search.setText("holm")
        window.cases.model.set_search("holm")
        window.lanes.wait(10_000)
        _settle(app)
        written.append(out / f"case_list_search{suffix}.png")
        _save(window, app, written[-1])
        window.cases.search.setText("")
        written.extend(_search_screens(window, app, out, suffix))

        model = window.cases.model
        lise = next(
            model.row_at(r).id for r in range(model.rowCount()) if "Holm Jensen" in model.row_at(r).title
        )
        window.open_case(lise)
        _wait_loaded(window, app)
        from app.ui.family.family_page import TAB_NETWORK, TAB_PEOPLE, TAB_TIMELINE, TAB_TRANSITION, TAB_WEEK

        for tab, name in (
            (TAB_PEOPLE, "family"),
            (TAB_TIMELINE, "family_timeline"),
            (TAB_WEEK, "family_week"),
            (TAB_NETWORK, "family_network"),
        ):
            window.family.tabs.setCurrentIndex(tab)
            written.append(out / f"{name}{suffix}.png")
            _save(window, app, written[-1])
        from tools.screenshots_views import views_screens

        written.extend(views_screens(window, app, out, suffix, _save, _settle))
        written.extend(_casework_screens(window, app, out, suffix, context, lise, Path(tmp)))

        youth = _case_with_transition(context)
        if youth is not None:
            window.open_case(youth)
            _wait_loaded(window, app)
            window.family.tabs.setCurrentIndex(TAB_TRANSITION)
            written.append(out / f"family_transition{suffix}.png")
            _save(window, app, written[-1])

        from app.ui.family.intervention_dialog import InterventionDialog

        window.open_case(lise)
        _wait_loaded(window, app)
        overview = window.family.analysis.overview  # type: ignore[union-attr]
        editing = InterventionDialog(context, window.lanes, overview, overview.interventions[0], None, window)
        editing.end.check.setChecked(True)
        start = overview.interventions[0].start_date
        editing.end.edit.setDate(QDate(start.year, start.month, start.day).addDays(-10))
        editing.try_save()
        editing.show()
        written.append(out / f"intervention_dialog{suffix}.png")
        _save(editing, app, written[-1])
        editing.close()
        written.extend(_plan_screens(window, app, out, suffix))
        written.extend(_calendar_screens(window, app, out, suffix, context, lise))

        dialog = NewCaseDialog(context, window.lanes, window)
        dialog.family_name.setText("Familien Østergaard")
        first = dialog.members[0]
        first.first_name.setText("Åse")
        first.last_name.setText("Østergaard")
        first.cpr.setText("310299-1234")  # 31 February: not a date
        second = dialog.members[1]
        second.first_name.setText("Mikkel")
        second.cpr.setText("12345")
        dialog.try_save()
        dialog.resize(1000, 560)
        dialog.show()
        written.append(out / f"new_case_dialog{suffix}.png")
        _save(dialog, app, written[-1])
        dialog.close()
        written.extend(_shared_store_screens(window, app, out, suffix, settings, lise))
        written.extend(_privacy_screens(window, app, out, suffix, lise))
        from tools.screenshots_dialogs import dialog_screens
        from tools.screenshots_team import team_screens

        written.extend(team_screens(window, app, out, suffix, lise, _save, _settle))
        written.extend(_team_screens(window, app, out, suffix, context))
        written.extend(dialog_screens(window, app, out, suffix, lise, _save, _settle))
        window.close()
        window.deleteLater()  # now, while the application (its shortcuts) is still there
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        context.close()
    for translator in translators:
        app.removeTranslator(translator)
    return written


SCREENSHOT_DAY = date(2026, 12, 3)


SIZES = {"1366x768": "", "1920x1080": "_1920", "1280x720": "_1280"}


def _screen(size: str) -> tuple[int, int]:
    """Make the offscreen platform's screen ``size`` (before the QApplication exists)."""
    width, height = (int(part) for part in size.split("x"))
    config = Path(tempfile.gettempdir()) / f"koordinator-screen-{size}.json"
    screen = {"name": size, "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    return width, height


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots")
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", choices=sorted(SIZES), default="1366x768", help="the screen's size")
    parser.add_argument("--languages", default="da,en")
    parser.add_argument("--audit", action="store_true", help="check names and clipping; exit 1 on findings")
    args = parser.parse_args(argv[1:])
    size = _screen(args.size)
    # The tour leaves closed dialogs behind; Python collecting their wrappers' cycles (on a
    # store lane's thread, often) crashes Qt now and then: this short run collects nothing.
    gc.disable()
    AUDITING[0] = args.audit
    # The screens are rendered on a fixed day, so the pictures do not change with the calendar.
    with clock_in_use(fixed_day_clock(SCREENSHOT_DAY)):
        for language in args.languages.split(","):
            render(Path(args.out), language, size, SIZES[args.size])
    if args.audit:
        print("audited:", " ".join(sorted(AUDITED)))
    for finding in FINDINGS:
        print(finding)
    if FINDINGS:
        print(f"{len(FINDINGS)} findings at {args.size}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
