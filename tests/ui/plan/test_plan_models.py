"""The goal and agreement models (qtmodeltester) and editing them through the plan page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.models import Case
from app.models.enums import AgreementStatus, GoalLevel, ResponsibleKind
from app.services.common.context import AppContext
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plans import AgreementInput, GoalInput
from app.ui.common.background import StoreLanes
from app.ui.common.store_events import StoreEvents
from app.ui.plan.plan_models import AgreementColumn, AgreementModel, GoalColumn, GoalModel
from app.ui.plan.plan_page import PlanPage


def _goals() -> list[GoalInput]:
    return [
        GoalInput("a", None, GoalLevel.OVERALL, "Ro i hverdagen"),
        GoalInput("b", "a", GoalLevel.SUB, "Fast sengetid", (7,), date(2027, 1, 1)),
    ]


def test_the_goal_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = GoalModel()
    model.members = {7: "Emil"}
    model.set_rows(_goals())
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, GoalColumn.CONCERNS).data() == "Emil"
    assert model.setData(model.index(1, GoalColumn.STATUS), "achieved")
    assert model.rows[1].status.value == "achieved"
    assert not model.setData(model.index(0, GoalColumn.TEXT), "  ")  # a goal keeps its words
    qtmodeltester.check(model, force_py=True)


def test_the_agreement_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = AgreementModel()
    model.names = {(ResponsibleKind.PROFESSIONAL, 3): "Kim"}
    model.set_rows(
        [AgreementInput("Ringe", ResponsibleKind.PROFESSIONAL, 3, None, AgreementStatus.OPEN, "k1")]
    )
    qtmodeltester.check(model, force_py=True)
    row = model.add()
    assert model.rows[row].agreement_key and model.agreements() == model.rows[:1]  # empty rows are not stored
    assert model.setData(model.index(row, AgreementColumn.WHAT), "Skrive til skolen")
    assert model.setData(model.index(row, AgreementColumn.WHO), "professional:3")
    assert model.setData(model.index(row, AgreementColumn.DUE), "2027-02-01")
    assert model.index(row, AgreementColumn.WHO).data() == "Kim"
    assert model.rows[row].due_date == date(2027, 2, 1)
    qtmodeltester.check(model, force_py=True)


def test_the_coordinator_and_the_partner_caseworker_may_be_responsible(qapp) -> None:  # type: ignore[no-untyped-def]
    """An agreement for the partner caseworker ("Kasper calls the school") becomes his task."""
    model = AgreementModel()
    model.members = {7: "Emil"}
    model.names = {
        (ResponsibleKind.MEMBER, 7): "Emil",
        (ResponsibleKind.PROFESSIONAL, 3): "Kim",
        (ResponsibleKind.COORDINATOR, 1): "Lone Madsen",
        (ResponsibleKind.COORDINATOR, 2): "Kasper Holm",
        (ResponsibleKind.COORDINATOR, 4): "Rasmus Lund",  # a colleague not on the case
    }
    model.coordinator = "Lone Madsen"
    assert model.who_choices()[1:] == [
        ("Emil", "member:7"),
        ("Kim", "professional:3"),
        ("Lone Madsen (coordinator)", "coordinator:1"),
    ]
    model.partner = "Kasper Holm"
    assert model.who_choices()[-2:] == [
        ("Lone Madsen (coordinator)", "coordinator:1"),
        ("Kasper Holm (partner caseworker)", "coordinator:2"),
    ]


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def _page(qtbot, context: AppContext, tmp_path) -> PlanPage:  # type: ignore[no-untyped-def]
    from app.services.plan.local_drafts import LocalDrafts

    page = PlanPage(context, StoreLanes(), local_drafts=LocalDrafts(tmp_path))
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(_lise(context))
    return page


def test_agreements_and_goals_added_and_removed_through_the_models_are_saved(
    qtbot, demo_context, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, tmp_path)
    case_id = _lise(demo_context)
    tab = page.agreements
    before = len(tab.agreements())
    tab.add_agreement()
    row = tab.model.rowCount() - 1
    with qtbot.waitSignal(page.saved, timeout=20_000):
        tab.model.setData(tab.model.index(row, AgreementColumn.WHAT), "Ringe til tandlægen")
    with demo_context.sessions() as s:
        stored = load_plan_document(s, case_id).plan
    assert stored is not None and stored.agreements[-1].what == "Ringe til tandlægen"
    assert len(stored.agreements) == before + 1
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    with qtbot.waitSignal(page.saved, timeout=20_000):
        tab.remove_agreement()
    with demo_context.sessions() as s:
        assert len(load_plan_document(s, case_id).plan.agreements) == before  # type: ignore[union-attr]
    # A goal removed with its sub-goals, after a question.
    goals = page.goals
    first = goals.model.rows[0]
    under = [g for g in goals.model.rows if g.parent_key == first.goal_key]
    goals.select(first.goal_key)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.saved, timeout=20_000):
        goals.remove_goal()
    kept = {g.goal_key for g in goals.model.rows}
    assert first.goal_key not in kept and not {g.goal_key for g in under} & kept
    assert goals.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) != first.text


def test_the_offline_banner_and_the_conflict_button(qtbot, demo_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, tmp_path)
    events = StoreEvents()
    page.watch(events)
    events.set_reachable(False)
    page.section_edits["summary"].setPlainText("Uden forbindelse.")
    page.save_now()
    assert "cannot be reached" in page.save_state.text() and page.resolve_button.isHidden()
    with qtbot.waitSignal(page.saved, timeout=20_000):
        events.set_reachable(True)
    assert "Saved" in page.save_state.text()
