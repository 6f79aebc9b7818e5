"""Two copies of the plan editor on one store (two contexts, two engines, two logins) edit
the same plan: neither loses work. Different sections combine by themselves; the same
section asks the user, and nothing is stored or thrown away before they choose. Each sees
the other's change when the store says it changed; an unreachable store keeps the edits
(on screen and in the local draft) and saves them when it answers again."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import delete, select

from app.models import Case, PlanVersion, User
from app.models.enums import GoalLevel, GoalStatus, PlanState, ResponsibleKind
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.plan.local_drafts import LocalDraft, LocalDrafts
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plan_merge import Choice, merge, resolve
from app.services.plan.plans import AgreementInput, GoalInput, PlanDraft, approve_plan
from app.startup import open_context
from app.ui.common.background import StoreLanes
from app.ui.common.store_events import StoreChange, StoreEvents
from app.ui.plan.conflict_dialog import ConflictDialog
from app.ui.plan.plan_page import PlanPage
from tests.ui.lane_helpers import drain


def _lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


@pytest.fixture
def bo(demo_context: AppContext, sqlite_url: str):  # type: ignore[no-untyped-def]
    """A second program on the same store, as another caseworker."""
    ctx = open_context(sqlite_url, login="bo")
    yield ctx
    ctx.close()


def _page(qtbot, context: AppContext, case_id: int, folder: Path) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(context, StoreLanes(), local_drafts=LocalDrafts(folder))
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    return page


def _stored(context: AppContext, case_id: int) -> tuple[int, PlanState, dict[str, str]]:
    with context.sessions() as session:
        plan = load_plan_document(session, case_id).plan
    assert plan is not None
    return plan.number, plan.state, dict(plan.sections)


def _name(context: AppContext, login: str) -> str:
    with context.sessions() as session:
        return str(session.scalar(select(User.full_name).where(User.login == login)))


def _type(qtbot, page: PlanPage, section: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type at the end of a section, as a person would (the autosave follows)."""
    edit = page.section_edits[section]
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, text)


def _local_text(page: PlanPage, case_id: int, section: str) -> str:
    local = page.local_drafts.read(case_id)
    assert local is not None, "no local draft written"
    return local.draft.sections[section]


def test_different_sections_are_combined_and_each_sees_the_other(qtbot, demo_context, bo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    anna = _page(qtbot, demo_context, case_id, tmp_path / "anna")
    bos = _page(qtbot, bo, case_id, tmp_path / "bo")
    events = StoreEvents()
    anna.watch(events)

    with qtbot.waitSignal(anna.saved, timeout=20_000):
        _type(qtbot, anna, "summary", " Anna skrev dette.")
    # Bo read the plan before Anna saved: his save is refused, combined, and saved again.
    with qtbot.waitSignal(bos.saved, timeout=10_000):
        _type(qtbot, bos, "barriers", " Bo skrev dette.")
    _number, _state, sections = _stored(demo_context, case_id)
    assert sections["summary"].endswith("Anna skrev dette.")
    assert sections["barriers"].endswith("Bo skrev dette.")
    assert bos.section_edits["summary"].toPlainText().endswith("Anna skrev dette.")  # Bo sees Anna's
    assert bos.section_edits["barriers"].toPlainText().endswith("Bo skrev dette.")  # and keeps his
    assert "combined" in bos.save_state.text() and _name(demo_context, "tester") in bos.save_state.text()

    # A change of another case is not hers to re-read (though her own plan has news she has
    # not been told of yet: a re-read now would show it).
    refreshed: list[int] = []
    anna.refreshed.connect(refreshed.append)
    events.changed.emit(StoreChange(frozenset({"plan_versions"}), frozenset({case_id + 1000})))
    drain(qtbot, anna.worker)  # a re-read, had one been asked for, has come back
    assert refreshed == []
    # Anna hears that the store changed; with nothing unsaved she sees Bo's change at once,
    # on the tab she is on, with her caret where it was.
    anna.tabs.setCurrentIndex(0)
    edit = anna.section_edits["summary"]
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(5)
    edit.setTextCursor(cursor)
    with qtbot.waitSignal(anna.refreshed, timeout=1000):  # within a second
        events.changed.emit(StoreChange(frozenset({"plan_versions"}), frozenset({case_id})))
    assert anna.section_edits["barriers"].toPlainText().endswith("Bo skrev dette.")
    assert anna.tabs.currentIndex() == 0 and anna.section_edits["summary"].textCursor().position() == 5
    assert "bo" in anna.note.text()


def test_unsaved_edits_are_not_replaced_by_someone_elses_change(qtbot, demo_context, bo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    anna = _page(qtbot, demo_context, case_id, tmp_path / "anna")
    bos = _page(qtbot, bo, case_id, tmp_path / "bo")
    events = StoreEvents()
    anna.watch(events)
    with qtbot.waitSignal(bos.saved, timeout=20_000):
        _type(qtbot, bos, "closing", " Bos slutning.")
    anna.sync.autosave.setInterval(60_000)  # Anna is still typing: her edit is not saved yet
    _type(qtbot, anna, "resources", " Annas ressourcer.")
    refreshed: list[int] = []
    anna.refreshed.connect(refreshed.append)
    events.changed.emit(StoreChange(frozenset({"plan_versions"}), frozenset({case_id})))
    qtbot.waitUntil(lambda: "changed this plan" in anna.note.text(), timeout=2000)  # the re-read is back
    assert refreshed == []  # and it did not replace her unsaved edit
    assert anna.section_edits["resources"].toPlainText().endswith("Annas ressourcer.")
    # Her save combines the two.
    with qtbot.waitSignal(anna.saved, timeout=10_000):
        anna.save_now()
    _number, _state, sections = _stored(demo_context, case_id)
    assert sections["resources"].endswith("Annas ressourcer.") and sections["closing"].endswith(
        "Bos slutning."
    )


def _conflict(qtbot, demo_context, bo, tmp_path):  # type: ignore[no-untyped-def]
    """Anna and Bo both rewrite the summary; Bo's save meets hers: the dialog opens."""
    case_id = _lise(demo_context)
    anna = _page(qtbot, demo_context, case_id, tmp_path / "anna")
    bos = _page(qtbot, bo, case_id, tmp_path / "bo")
    with qtbot.waitSignal(anna.saved, timeout=20_000):
        anna.section_edits["summary"].setPlainText("Annas udgave af situationen.")
    with qtbot.waitSignal(bos.conflict_shown, timeout=10_000) as shown:
        bos.section_edits["summary"].setPlainText("Bos udgave af situationen.")
    dialog = shown.args[0]
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    return case_id, anna, bos, dialog


def test_the_same_section_asks_and_stores_the_chosen_text(qtbot, demo_context, bo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id, _anna, bos, dialog = _conflict(qtbot, demo_context, bo, tmp_path)
    # Before the choice nothing of Bo's is stored and nothing of his is thrown away.
    assert _stored(demo_context, case_id)[2]["summary"] == "Annas udgave af situationen."
    assert bos.section_edits["summary"].toPlainText() == "Bos udgave af situationen."
    assert _local_text(bos, case_id, "summary") == "Bos udgave af situationen."
    # Both texts side by side, the one who saved theirs named.
    assert "Annas udgave" in dialog.theirs_views["section:summary"].toPlainText()
    assert "Bos udgave" in dialog.mine_views["section:summary"].toPlainText()
    assert _name(demo_context, "tester") in dialog.intro.text()
    assert not dialog.ok_button.isEnabled()  # a choice first
    dialog.choose("section:summary", Choice.MINE)
    with qtbot.waitSignal(bos.saved, timeout=10_000):
        dialog.ok_button.click()
    assert _stored(demo_context, case_id)[2]["summary"] == "Bos udgave af situationen."
    assert bos.local_drafts.read(case_id) is None  # saved: the local copy is gone
    assert bos.resolve_button.isHidden()


def test_deciding_later_keeps_everything_and_keep_both_keeps_both(qtbot, demo_context, bo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id, _anna, bos, dialog = _conflict(qtbot, demo_context, bo, tmp_path)
    dialog.later_button.click()
    qtbot.waitUntil(lambda: bos.conflict_dialog is None, timeout=2000)
    assert bos.section_edits["summary"].toPlainText() == "Bos udgave af situationen."
    assert bos.resolve_button.isVisible()
    # Typing on is kept locally, and not saved over Anna's.
    with qtbot.waitSignal(bos.kept_locally, timeout=20_000):
        _type(qtbot, bos, "summary", " Og mere.")
    assert _local_text(bos, case_id, "summary") == "Bos udgave af situationen. Og mere."
    assert _stored(demo_context, case_id)[2]["summary"] == "Annas udgave af situationen."
    # Later: choose, keeping both.
    with qtbot.waitSignal(bos.conflict_shown, timeout=10_000) as shown:
        bos.resolve_button.click()
    again = shown.args[0]
    again.choose("section:summary", Choice.BOTH)
    with qtbot.waitSignal(bos.saved, timeout=10_000):
        again.ok_button.click()
    summary = _stored(demo_context, case_id)[2]["summary"]
    assert summary == "Bos udgave af situationen. Og mere.\nAnnas udgave af situationen."
    assert bos.section_edits["summary"].toPlainText() == summary


def test_an_unreachable_store_keeps_the_edits_and_saves_when_back(qtbot, demo_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id, tmp_path / "drafts")
    events = StoreEvents()
    page.watch(events)
    before = _stored(demo_context, case_id)[2]["follow_up"]
    events.set_reachable(False)
    with qtbot.waitSignal(page.kept_locally, timeout=20_000):
        _type(qtbot, page, "follow_up", " Vi ses hver 14. dag.")
    assert "cannot be reached" in page.save_state.text()
    assert _stored(demo_context, case_id)[2]["follow_up"] == before  # nothing was tried
    assert _local_text(page, case_id, "follow_up").endswith("Vi ses hver 14. dag.")
    assert not page.flush()  # leaving the plan now would not save it
    with qtbot.waitSignal(page.saved, timeout=20_000):
        events.set_reachable(True)  # saved at once
    assert _stored(demo_context, case_id)[2]["follow_up"].endswith("Vi ses hver 14. dag.")
    assert page.local_drafts.read(case_id) is None


def test_a_failed_save_writes_the_local_draft(qtbot, demo_context, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    import app.services.plan.plans as plans

    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id, tmp_path / "drafts")

    def down(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(plans, "save_draft", down)
    with qtbot.waitSignal(page.store_failed, timeout=20_000):
        _type(qtbot, page, "sequencing", " Først bolig, så job.")
    assert _local_text(page, case_id, "sequencing").endswith("Først bolig, så job.")
    assert page.section_edits["sequencing"].toPlainText().endswith("Først bolig, så job.")


def _leftover(page: PlanPage, context: AppContext, case_id: int, text: str) -> None:
    """A local draft left by a program that stopped before it could save."""
    with context.sessions() as session:
        plan = load_plan_document(session, case_id).plan
    assert plan is not None
    stored = PlanDraft.from_view(plan)
    mine = PlanDraft.from_view(plan)
    mine.sections["closing"] = text
    page.local_drafts.write(LocalDraft(case_id, plan.id, plan.row_version, stored, mine, datetime.now(UTC)))


@pytest.mark.parametrize("restore", [True, False])
def test_a_leftover_local_draft_is_offered_back(qtbot, demo_context, tmp_path, monkeypatch, restore) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = PlanPage(demo_context, StoreLanes(), local_drafts=LocalDrafts(tmp_path / "drafts"))
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    _leftover(page, demo_context, case_id, "Planen slutter til sommer.")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes if restore else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    if restore:
        with qtbot.waitSignal(page.saved, timeout=10_000):
            page.open_case(case_id)
        assert page.section_edits["closing"].toPlainText() == "Planen slutter til sommer."
        assert _stored(demo_context, case_id)[2]["closing"] == "Planen slutter til sommer."
    else:
        with qtbot.waitSignal(page.loaded, timeout=20_000):
            page.open_case(case_id)
        assert _stored(demo_context, case_id)[2]["closing"] != "Planen slutter til sommer."
    assert len(asked) == 1
    assert page.local_drafts.read(case_id) is None


def test_a_local_draft_the_store_already_has_is_not_offered(
    qtbot, demo_context, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = PlanPage(demo_context, StoreLanes(), local_drafts=LocalDrafts(tmp_path / "drafts"))
    page.lanes.setParent(page)
    qtbot.addWidget(page)
    with demo_context.sessions() as session:
        plan = load_plan_document(session, case_id).plan
    assert plan is not None
    same = PlanDraft.from_view(plan)
    page.local_drafts.write(LocalDraft(case_id, plan.id, plan.row_version, same, same, datetime.now(UTC)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked about nothing"))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    assert page.local_drafts.read(case_id) is None


def test_a_draft_approved_meanwhile_keeps_the_text_and_continues_in_a_new_draft(
    qtbot, demo_context, bo, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    bos = _page(qtbot, bo, case_id, tmp_path / "bo")
    number, state, sections = _stored(demo_context, case_id)
    assert state == PlanState.DRAFT
    with demo_context.sessions.begin() as session:  # Anna approves the draft at the meeting
        draft = session.scalar(
            select(PlanVersion).where(PlanVersion.case_id == case_id, PlanVersion.number == number)
        )
        approve_plan(session, draft.id, local_today(), None, "Lise, Anna", draft.version)
    bos.section_edits["closing"].setPlainText("Bos afslutning.")
    qtbot.waitUntil(lambda: bos.resolve_button.isVisible(), timeout=10_000)
    assert "approved" in bos.save_state.text()
    assert bos.section_edits["closing"].toPlainText() == "Bos afslutning."
    assert _local_text(bos, case_id, "closing") == "Bos afslutning."
    assert _stored(demo_context, case_id)[:2] == (number, PlanState.APPROVED)  # untouched
    with qtbot.waitSignal(bos.saved, timeout=10_000):
        bos.resolve_button.click()
    new_number, new_state, new_sections = _stored(demo_context, case_id)
    assert (new_number, new_state) == (number + 1, PlanState.DRAFT)
    assert new_sections["closing"] == "Bos afslutning."
    assert new_sections["summary"] == sections["summary"]
    with demo_context.sessions() as session:
        approved = session.scalar(
            select(PlanVersion.closing).where(PlanVersion.case_id == case_id, PlanVersion.number == number)
        )
    assert approved == sections["closing"]  # the approved version did not change


def test_the_local_draft_file_names_no_one(qtbot, demo_context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    page = _page(qtbot, demo_context, case_id, tmp_path / "drafts")
    page.section_edits["summary"].setPlainText("Lise Holm Jensen har det svært.")
    assert page.keep_locally()
    (path,) = (tmp_path / "drafts").iterdir()
    assert path.name == f"plan-{case_id}.json"
    assert json.loads(path.read_text("utf-8"))["case_id"] == case_id


def test_the_dialog_shows_goals_and_agreements_and_offers_both_only_where_it_makes_sense(qtbot) -> None:  # type: ignore[no-untyped-def]
    goal = GoalInput("k", None, GoalLevel.OVERALL, "Lise får arbejde", (), None, GoalStatus.OPEN)
    deal = AgreementInput("Ring til jobcentret", ResponsibleKind.PROFESSIONAL, 3, date(2027, 1, 4))
    base = PlanDraft(goals=[goal], agreements=[deal])
    mine = PlanDraft(
        goals=[replace(goal, text="Lise får fast arbejde")],
        agreements=[replace(deal, what="Ring til jobcentret i dag")],
    )
    theirs = PlanDraft(goals=[], agreements=[replace(deal, what="Ring til jobcentret i morgen")])
    result = merge(base, mine, theirs)
    dialog = ConflictDialog(
        result.conflicts,
        "Anna Andersen",
        datetime(2026, 11, 24, 13, 5, tzinfo=UTC),
        names={(ResponsibleKind.PROFESSIONAL, 3): "Kim (jobkonsulent)"},
    )
    qtbot.addWidget(dialog)
    ids = [c.item_id for c in result.conflicts]
    assert ids == ["goal:k", "agreements:0"]
    assert set(dialog.buttons["goal:k"]) == {Choice.MINE, Choice.THEIRS}  # a goal is one or the other
    assert set(dialog.buttons["agreements:0"]) == {Choice.MINE, Choice.THEIRS, Choice.BOTH}
    assert "Lise får fast arbejde" in dialog.mine_views["goal:k"].toPlainText()
    assert "(removed)" in dialog.theirs_views["goal:k"].toPlainText()
    assert "Kim (jobkonsulent)" in dialog.theirs_views["agreements:0"].toPlainText()
    assert "i morgen" in dialog.theirs_views["agreements:0"].toPlainText()
    assert "Anna Andersen" in dialog.intro.text() and "24.11.2026" in dialog.intro.text()
    # The words that differ are marked (underlined) on both sides.
    assert "underline" in dialog.mine_views["agreements:0"].toHtml()
    assert dialog.choices() is None and not dialog.ok_button.isEnabled()
    dialog.accept()  # refused without every choice
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    dialog.choose_all(Choice.MINE)
    dialog.choose("agreements:0", Choice.BOTH)
    assert dialog.ok_button.isEnabled()
    chosen = resolve(result.merged, result.conflicts, dialog.choices())  # type: ignore[arg-type]
    assert [g.text for g in chosen.goals] == ["Lise får fast arbejde"]
    assert [a.what for a in chosen.agreements] == [
        "Ring til jobcentret i dag",
        "Ring til jobcentret i morgen",
    ]


def test_a_draft_removed_meanwhile_keeps_the_text(qtbot, demo_context, bo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise(demo_context)
    bos = _page(qtbot, bo, case_id, tmp_path / "bo")
    number, _state, _sections = _stored(demo_context, case_id)
    with demo_context.sessions.begin() as session:  # someone removes the draft (ON DELETE CASCADE)
        session.execute(
            delete(PlanVersion).where(PlanVersion.case_id == case_id, PlanVersion.number == number)
        )
    bos.section_edits["barriers"].setPlainText("Bos forhindringer.")
    qtbot.waitUntil(lambda: bos.resolve_button.isVisible(), timeout=10_000)
    assert "removed" in bos.save_state.text()
    assert bos.section_edits["barriers"].toPlainText() == "Bos forhindringer."
    assert _local_text(bos, case_id, "barriers") == "Bos forhindringer."
    assert not bos.flush()  # nothing was saved over anything
    with qtbot.waitSignal(bos.saved, timeout=10_000):
        bos.resolve_button.click()  # continue in a new draft
    assert _stored(demo_context, case_id)[2]["barriers"] == "Bos forhindringer."
    assert bos.local_drafts.read(case_id) is None


def test_opening_the_plan_is_logged_once_and_a_re_read_is_not(qtbot, demo_context, bo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.models import AuditEvent
    from app.services.common import audit

    def plan_openings() -> int:
        with demo_context.sessions() as session:
            return len(
                session.scalars(
                    select(AuditEvent.id).where(
                        AuditEvent.action == audit.OPEN_CASE, AuditEvent.object_type == "plan"
                    )
                ).all()
            )

    case_id = _lise(demo_context)
    before = plan_openings()
    anna = _page(qtbot, demo_context, case_id, tmp_path / "anna")
    assert plan_openings() == before + 1
    events = StoreEvents()
    anna.watch(events)
    bos = _page(qtbot, bo, case_id, tmp_path / "bo")  # Bo opens it too (logged as his lookup)
    with qtbot.waitSignal(bos.saved, timeout=20_000):
        _type(qtbot, bos, "summary", " Bo skrev.")
    with qtbot.waitSignal(anna.refreshed, timeout=20_000):  # Anna re-reads the changed plan
        events.changed.emit(StoreChange(frozenset({"plan_versions"}), frozenset({case_id})))
    assert plan_openings() == before + 2
