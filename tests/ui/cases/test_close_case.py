"""Closing a case from the family page: reason, date, retention clock, read-only afterwards."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update

from app.models import Case
from app.models.enums import CaseStatus
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.editing import RowGoneError
from app.services.common.validation import Problem
from app.services.privacy.retention import load_rules
from app.ui.cases.close_case_dialog import CloseCaseDialog
from app.ui.common.background import StoreLanes
from app.ui.common.formatting import format_date
from app.ui.common.labels import problem_text
from app.ui.family.family_page import FamilyPage
from tests.ui.lane_helpers import ready, save


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def _page(qtbot, context: AppContext, settings, case_id: int) -> FamilyPage:  # type: ignore[no-untyped-def]
    page = FamilyPage(context, settings, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    return page


def _closing_day() -> date:
    day = local_today() - timedelta(days=1)
    return day - timedelta(days=1) if (day.month, day.day) == (2, 29) else day


def _dialog(qtbot, context: AppContext, case_id: int) -> CloseCaseDialog:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    dialog = CloseCaseDialog(context, lanes, case_id)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    ready(dialog)  # the case's facts are read on the store lane
    return dialog


def _case(context: AppContext, case_id: int) -> Case:
    with context.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        session.expunge(case)
        return case


def _close_from_page(qtbot, page, monkeypatch, reason: str, day: date | None = None) -> str:  # type: ignore[no-untyped-def]
    """*Luk sag …* on the family page, the dialog filled in and saved; what it said about
    retention before saving."""
    seen: list[str] = []

    def run(dialog: CloseCaseDialog) -> int:
        ready(dialog)
        if day is not None:
            dialog.closed_on.setDate(QDate(day.year, day.month, day.day))
        seen.append(dialog.erase_after.text())
        dialog.reason.setPlainText(reason)
        return int(save(dialog))

    monkeypatch.setattr(CloseCaseDialog, "exec", run)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        qtbot.mouseClick(page.close_case_button, Qt.MouseButton.LeftButton)
    return seen[0]


def test_closing_without_a_period_set_says_the_case_is_kept(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, danish, monkeypatch
) -> None:
    """The municipality has set no period (the program's own rules): the dialog says the case
    is kept until one is set, and closing it sets no retention date."""
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, settings, case_id)
    said = _close_from_page(qtbot, page, monkeypatch, "Familien klarer sig selv.")
    assert "Der er ikke fastsat en opbevaringstid" in said and "gemmes" in said
    case = _case(demo_context, case_id)
    assert case.status == CaseStatus.CLOSED and case.retention_until is None


def test_closing_lise_case_starts_retention_and_makes_the_page_read_only(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, danish, monkeypatch, municipal_retention
) -> None:
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, settings, case_id)
    assert page.close_case_button.isEnabled()
    assert not page.read_only
    model = _case(demo_context, case_id).model
    years = load_rules()[model].years
    day = _closing_day()
    expected = date(day.year + years, day.month, day.day)
    said = _close_from_page(
        qtbot, page, monkeypatch, "Familien klarer sig selv; indsatserne er afsluttet.", day
    )
    assert format_date(expected) in said
    case = _case(demo_context, case_id)
    assert case.status == CaseStatus.CLOSED
    assert case.closed_on == day
    assert case.retention_until == expected
    assert case.closing_reason == "Familien klarer sig selv; indsatserne er afsluttet."
    assert page.read_only
    assert not page.close_case_button.isEnabled()
    assert not page.people.add_intervention.isEnabled()
    assert not page.transition.isEnabled()


def test_empty_reason_is_refused_next_to_the_field(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    dialog = _dialog(qtbot, demo_context, case_id)
    dialog.reason.setPlainText("   ")
    assert not save(dialog)
    assert not dialog.errors["reason"].isHidden()
    assert dialog.errors["reason"].text() == problem_text(Problem.REQUIRED)
    assert dialog.errors["closed_on"].isHidden()
    assert _case(demo_context, case_id).status != CaseStatus.CLOSED


def test_future_date_is_refused(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    dialog = _dialog(qtbot, demo_context, case_id)
    dialog.reason.setPlainText("Flyttet til anden kommune")
    tomorrow = local_today() + timedelta(days=1)
    dialog.closed_on.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert not save(dialog)
    assert dialog.errors["closed_on"].text() == problem_text(Problem.IN_FUTURE)
    assert dialog.errors["reason"].isHidden()
    assert _case(demo_context, case_id).status != CaseStatus.CLOSED


def test_a_case_changed_by_someone_else_is_not_closed(qtbot, demo_context, danish, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    dialog = _dialog(qtbot, demo_context, case_id)
    dialog.reason.setPlainText("Flyttet til anden kommune")
    with demo_context.sessions.begin() as session:
        session.execute(update(Case).where(Case.id == case_id).values(version=Case.version + 1))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _text, *a: warned.append(title))
    assert not save(dialog)
    assert len(warned) == 1
    assert _case(demo_context, case_id).status != CaseStatus.CLOSED


def test_a_case_deleted_before_the_dialog_read_it_is_reported_by_the_page(  # type: ignore[no-untyped-def]
    qtbot, demo_context, settings, monkeypatch
) -> None:
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, settings, case_id)
    missing: list[int] = []
    page.case_missing.connect(missing.append)
    real_exec = CloseCaseDialog.exec

    def gone_then_exec(dialog: CloseCaseDialog) -> int:
        assert not dialog.ready and not dialog.save_button.isEnabled()  # nothing to save yet
        return real_exec(dialog)

    monkeypatch.setattr(CloseCaseDialog, "exec", gone_then_exec)
    monkeypatch.setattr(
        "app.ui.cases.close_case_dialog.closing_facts",
        lambda _session, cid: (_ for _ in ()).throw(RowGoneError(f"cases {cid}")),
    )
    page.close_case()
    assert missing == [case_id]
    assert _case(demo_context, case_id).status != CaseStatus.CLOSED
