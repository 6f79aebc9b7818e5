"""The plan editor driven like a caseworker: write, edit a goal, score it, approve, revise."""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select

from app.models import Case, Consent, GoalScore, PlanVersion
from app.models.enums import PlanState
from app.services.common.context import AppContext
from app.ui.common.background import StoreLanes
from app.ui.plan.plan_dialogs import ApproveDialog, GoalDialog, ScoreDialog
from app.ui.plan.plan_page import PlanPage


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def _page(qtbot, context: AppContext, case_id: int) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(context, StoreLanes())
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    return page


def _versions(context: AppContext, case_id: int) -> list[tuple[int, PlanState]]:
    with context.sessions() as session:
        return [
            (number, state)
            for number, state in session.execute(
                select(PlanVersion.number, PlanVersion.state)
                .where(PlanVersion.case_id == case_id)
                .order_by(PlanVersion.number)
            )
        ]


def _answer(dialog_class, fill, monkeypatch) -> list:  # type: ignore[no-untyped-def]
    """Replace exec() of a dialog class: fill the real dialog, press its save button and wait
    for the store lane's answer (a dialog saving in the background), as exec() would."""
    seen: list = []

    def fake_exec(self) -> int:  # type: ignore[no-untyped-def]
        seen.append(self)
        fill(self)
        pressed = self.try_save()
        deadline = time.monotonic() + 10
        while getattr(self, "busy", False) and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        stored = pressed and getattr(self, "stored_id", 1) is not None
        return int(QDialog.DialogCode.Accepted) if stored else int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return seen


def test_write_edit_goal_score_approve_and_revise(qtbot, demo_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id)
    before = _versions(demo_context, case_id)
    assert before[-1][1] == PlanState.DRAFT
    draft_number = before[-1][0]

    # Typing is saved automatically.
    page.section_edits["family_views"].setPlainText("Vi vil have ro i hverdagen og én at ringe til.")
    with qtbot.waitSignal(page.saved, timeout=20_000):
        pass
    with demo_context.sessions() as session:
        views = session.scalar(
            select(PlanVersion.family_views).where(
                PlanVersion.case_id == case_id, PlanVersion.number == draft_number
            )
        )
    assert views == "Vi vil have ro i hverdagen og én at ringe til."

    # Edit a goal through its dialog.
    page.goals.select(page.goals.model.rows[0].goal_key)
    key = page.goals.selected_goal().goal_key  # type: ignore[union-attr]
    _answer(GoalDialog, lambda d: d.text.setPlainText("Lise får fast arbejde"), monkeypatch)
    page.goals.edit_goal()
    assert page.goals.model.index(0, 0).data() == "Lise får fast arbejde"

    # Record a score: the goal is saved first, then the score joins its series.
    def score(d: ScoreDialog) -> None:
        d.family.setValue(7)
        d.professional.setValue(6)

    _answer(ScoreDialog, score, monkeypatch)
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.record_score()
    with demo_context.sessions() as session:
        last = session.scalars(
            select(GoalScore).where(GoalScore.goal_key == key).order_by(GoalScore.id.desc())
        ).first()
    assert last is not None and (last.family_score, last.professional_score) == (7, 6)
    assert page.goals.chart.family_points  # the trend chart shows the series

    # Approve at a meeting: the draft becomes an immutable version.
    dialogs = _answer(ApproveDialog, lambda d: None, monkeypatch)
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.approve()
    assert dialogs and dialogs[0].blockers.text() == "Nothing is missing."
    after = _versions(demo_context, case_id)
    assert after[-1] == (draft_number, PlanState.APPROVED)
    assert "approved" in page.version_label.text()

    # The next edit starts a new draft from it, with the goal's key kept.
    page.section_edits["summary"].setPlainText("Efter mødet: Lise er i praktik.")
    with qtbot.waitSignal(page.saved, timeout=20_000):
        pass
    revised = _versions(demo_context, case_id)
    assert revised[-1] == (draft_number + 1, PlanState.DRAFT)
    with demo_context.sessions() as session:
        approved_summary = session.scalar(
            select(PlanVersion.summary).where(
                PlanVersion.case_id == case_id, PlanVersion.number == draft_number
            )
        )
    assert approved_summary != "Efter mødet: Lise er i praktik."  # the approved version did not change
    assert key in {g.goal_key for g in page.screen_document().plan.goals}  # type: ignore[union-attr]


def test_approval_is_refused_without_consent(qtbot, demo_context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    with demo_context.sessions.begin() as session:
        session.query(Consent).filter(Consent.case_id == case_id).delete()
    page = _page(qtbot, demo_context, case_id)
    before = _versions(demo_context, case_id)
    dialogs = _answer(ApproveDialog, lambda d: None, monkeypatch)
    page.approve()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=20_000)
    blockers = dialogs[0].blockers.text()
    assert "No consent" in blockers and "Lise Holm Jensen" in blockers
    assert not dialogs[0].save_button.isEnabled()
    assert _versions(demo_context, case_id) == before


def test_live_preview_follows_the_typing(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context, _lise(demo_context))
    with qtbot.waitSignal(page.preview_ready, timeout=10_000):
        pass
    first = page.preview.pdf
    assert first.startswith(b"%PDF") and page.preview.page_count >= 1
    with qtbot.waitSignal(page.preview_ready, timeout=10_000):
        page.section_edits["closing"].setPlainText("Planen slutter, når Lise har arbejde.")
    assert page.preview.pdf != first


def test_a_closed_case_plan_is_read_only(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    from app.models.enums import CaseStatus

    case_id = _lise(demo_context)
    with demo_context.sessions.begin() as session:
        case = session.get(Case, case_id)
        case.status = CaseStatus.CLOSED
        case.closed_on = date(2026, 11, 1)
    page = _page(qtbot, demo_context, case_id)
    assert page.section_edits["summary"].isReadOnly()
    assert not page.approve_button.isEnabled()
    with demo_context.sessions() as session:
        count = session.scalar(select(func.count(PlanVersion.id)).where(PlanVersion.case_id == case_id))
    page.section_edits["summary"].setPlainText("x")
    page.flush()
    with demo_context.sessions() as session:
        assert (
            session.scalar(select(func.count(PlanVersion.id)).where(PlanVersion.case_id == case_id)) == count
        )


def test_every_change_is_in_the_local_draft_at_once(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    """Killed right after a keystroke, or typing while the store is gone: the local draft has
    every character at once, not a second after the last keystroke."""
    page = _page(qtbot, demo_context, _lise(demo_context))
    page.sync.autosave.stop()
    editor = page.section_edits["closing"]
    editor.setFocus()
    typed = ""
    for char in "Lise ringer":
        qtbot.keyClicks(editor, char)
        typed += char
        kept = page.local_drafts.read(page.doc.case_id)
        assert kept is not None and typed in kept.draft.sections["closing"]
        assert not page.sync.autosave.isActive() or page.sync.autosave.remainingTime() > 0
