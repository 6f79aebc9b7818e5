"""CPR protection (issue 7 part 5): a realistic session at DEBUG leaves no CPR-shaped string in
the technical log or the crash report; window titles and proposed file names never hold one;
the full number is shown only by a deliberate, logged action."""

from __future__ import annotations

import ast
import faulthandler
import logging
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

import app.logging_setup as logging_setup
from app.models import AuditEvent, Case, Citizen
from app.models.enums import Relation
from app.services.cases.case_list import CaseListQuery, count_cases, fetch_case_rows
from app.services.cases.cases import CaseInput, CaseValidationError, MemberInput, create_case
from app.services.common import audit
from app.services.common.cpr import cpr_holders, reveal_cpr
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import SECTIONS, load_plan_document
from app.services.plan.plans import PlanDraft, save_draft, start_draft
from app.startup import open_context

TODAY = date(2025, 6, 11)
CPR_SHAPE = re.compile(r"\d{6}-?\d{4}")
UI = Path(__file__).resolve().parent.parent / "app" / "ui"


def _flush_logs() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def _log_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir()))


@pytest.fixture
def logs(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "logs"
    setup_path = logging_setup.setup_logging(folder, level=logging.DEBUG)
    logging_setup.enable_fault_handler(folder)
    yield folder, setup_path
    faulthandler.disable()
    if logging_setup._fault_file is not None:
        logging_setup._fault_file.close()
        logging_setup._fault_file = None
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_koordinator", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


def test_a_working_session_leaves_no_cpr_in_the_logs_or_crash_report(tmp_path: Path, logs) -> None:  # type: ignore[no-untyped-def]
    folder, _log_file = logs
    context = open_context(str(tmp_path / "store.sqlite"), login="tester")
    try:
        _session(context, tmp_path)
    finally:
        context.close()
    # A hard crash report is written by faulthandler into the same folder.
    assert logging_setup._fault_file is not None
    faulthandler.dump_traceback(logging_setup._fault_file)
    logging_setup._fault_file.flush()
    _flush_logs()
    text = _log_text(folder)
    assert (folder / logging_setup.FAULT_NAME).stat().st_size > 0
    assert "DEBUG" in text and "Unexpected error" in text  # the session was logged at DEBUG
    assert "XXXXXX-XXXX" in text  # the redaction was needed, and it worked
    found = CPR_SHAPE.findall(text)
    assert found == [], f"CPR-shaped strings in the technical log: {len(found)}"


def _session(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = logging.getLogger("app.test_session")
    with context.sessions.begin() as session:
        generate_demo(session, families=3, seed=7, today=TODAY, my_login="tester")
        cprs = [c for c in session.scalars(select(Citizen.cpr)) if c]
    # Search by a CPR prefix and by a whole CPR number, as a caseworker types them.
    now = datetime(2025, 6, 11, 10, tzinfo=UTC)
    with context.sessions.begin() as session:
        for term in (cprs[0][:6], f"{cprs[1][:6]}-{cprs[1][6:]}", cprs[2]):
            query = CaseListQuery(today=TODAY, now=now, search=term)
            assert count_cases(session, query) >= 1
            fetch_case_rows(session, query)
            audit.record(session, audit.SEARCH, search_term=term)
            log.debug("search for %s", term)  # a careless debug line: redacted by the formatter
    # Create a case with CPR numbers, and fail to create one with a duplicate.
    members = [
        MemberInput("Karl", "Nyborg", "050585-1235", Relation.PARENT, custody=True),
        MemberInput("Ida", "Nyborg", "1203152468", Relation.CHILD),
    ]
    with context.sessions.begin() as session:
        case = create_case(
            session,
            CaseInput(family_name="Familien Nyborg", members=members, coordinator_id=context.user.id),
            TODAY,
        )
        case_id = case.id
    try:
        with context.sessions.begin() as session:
            create_case(
                session,
                CaseInput(
                    family_name="Familien Nyborg",
                    members=[members[0], MemberInput("Bo", "Nyborg", "050585-1235", Relation.PARENT)],
                    coordinator_id=context.user.id,
                ),
                TODAY,
            )
    except CaseValidationError:
        log.exception("The new case was refused")  # a handled error with the CPR in the input
    # A database error whose statement carries a CPR number (a duplicate person).
    try:
        with context.sessions.begin() as session:
            session.add(Citizen(cpr="0505851235", first_name="X", last_name="Y", birth_date=date(1985, 5, 5)))
            session.flush()
    except IntegrityError:
        log.exception("Saving the person failed")
    # Save a plan for Lise's case and export it to PDF.
    with context.sessions.begin() as session:
        lise = session.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
        draft_id = start_draft(session, case_id)
        save_draft(session, draft_id, PlanDraft(sections={SECTIONS[0]: "Karl (050585-1235) har job."}), None)
        doc = load_plan_document(session, lise.id)
        reveal_cpr(session, cpr_holders(session, case_id)[0].citizen_id, case_id=case_id)
    from app.pdf.plan_pdf import write_plan_pdf

    write_plan_pdf(doc, tmp_path / "plan.pdf", today=TODAY)
    # An unexpected error reaches the program's crash handling (the GUI's excepthook); the
    # crash dialog is replaced so that the test does not wait for a click.
    import sys

    import app.ui.app as gui

    class _NoDialog:
        def __init__(self, details: str, _log_path: str) -> None:
            assert not CPR_SHAPE.search(details)

        def exec(self) -> int:
            return 0

    saved_hook, saved_dialog = sys.excepthook, gui.CrashDialog
    gui.CrashDialog = _NoDialog  # type: ignore[assignment,misc]
    try:
        gui._install_excepthook(str(tmp_path / "logs"))
        try:
            raise RuntimeError(f"lookup failed for {cprs[3]} and {cprs[4][:6]}-{cprs[4][6:]}")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook, gui.CrashDialog = saved_hook, saved_dialog


def test_the_audit_log_masks_cpr_in_search_terms(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        audit.record(session, audit.SEARCH, search_term="050585-1235")
        audit.record(session, audit.SEARCH, search_term="0505851235")
    with sqlite_context.sessions.begin() as session:
        terms = session.scalars(select(AuditEvent.search_term).where(AuditEvent.action == audit.SEARCH)).all()
    assert terms == ["050585-XXXX", "050585-XXXX"]


def test_revealing_a_cpr_number_is_logged_without_the_number(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        case = create_case(
            session,
            CaseInput(
                single_citizen=True,
                members=[MemberInput("Karl", "Nyborg", "0505851235", Relation.PARENT)],
                coordinator_id=sqlite_context.user.id,
            ),
            TODAY,
        )
        people = cpr_holders(session, case.id)
        assert [(p.name, p.masked) for p in people] == [("Karl Nyborg", "050585-XXXX")]
        assert reveal_cpr(session, people[0].citizen_id, case_id=case.id) == "050585-1235"
    with sqlite_context.sessions.begin() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == audit.CPR_REVEAL)).one()
        assert event.citizen_id == people[0].citizen_id and event.case_id == case.id
        assert event.user_login == "tester"
        stored = " ".join(str(v) for v in (event.details, event.purpose, event.search_term))
        assert "1235" not in stored


# -- window titles and file names ---------------------------------------------------------


def _save_dialog_names() -> list[tuple[str, int, ast.expr]]:
    """The proposed file name (third argument) of every save dialog in the program."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "getSaveFileName"
            ):
                assert len(node.args) >= 3, (
                    f"{path.name}:{node.lineno}: a save dialog without a proposed name"
                )
                found.append((path.relative_to(UI).as_posix(), node.lineno, node.args[2]))
    return found


def _literal_names(expr: ast.expr, tree_texts: dict[str, list[str]]) -> list[str] | None:
    """The fixed texts a proposed name can take, or None when it is built from data."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "tr"
        and len(expr.args) == 1
    ):
        return _literal_names(expr.args[0], tree_texts)
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "translate"
        and len(expr.args) == 2
    ):  # QCoreApplication.translate(context, text)
        return _literal_names(expr.args[1], tree_texts)
    if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name):
        return tree_texts.get(expr.value.id)
    return None


def _fixed_dicts(file: str) -> dict[str, list[str]]:
    """The module's dicts of fixed texts (a proposed name chosen from them is fixed too)."""
    tree = ast.parse((UI / file).read_text(encoding="utf-8"))
    dicts: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                texts = [_literal_names(v, {}) for v in node.value.values if v is not None]
                if all(t is not None for t in texts):
                    dicts[target.id] = [n for t in texts if t for n in t]
    return dicts


def test_proposed_export_file_names_are_fixed_and_hold_no_cpr() -> None:
    names = _save_dialog_names()
    assert {file for file, _, _ in names} >= {"plan/plan_preview.py", "calendar/meeting_papers.py"}
    for file, line, expr in names:
        fixed = _literal_names(expr, _fixed_dicts(file))
        assert fixed is not None, f"{file}:{line}: the proposed file name is built from data"
        for name in fixed:
            assert not re.search(r"\d{6}", name), f"{file}:{line}: {name}"
    plan = [e for f, _, e in names if f == "plan/plan_preview.py"]
    assert _literal_names(plan[0], {}) == ["plan.pdf"]
    invitation = [e for f, _, e in names if f == "calendar/meeting_papers.py"]
    dicts = _fixed_dicts("calendar/meeting_papers.py")
    assert ["invitation.eml", "invitation.ics"] in [_literal_names(e, dicts) for e in invitation]
