"""DraftSync without a window: a plain "screen" (a PlanDraft in a box) and a real store.

Every transition: typing → dirty → saving → clean; typing while saving saves again after;
someone else's save → combined (clean) or a conflict → the user's choice saved; the store
lost → offline with the local draft kept → back → saved; the draft approved or removed →
gone → carried over; the case closed → gone for good; a killed program's local draft put
back and saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import app.services.plan.plans as plans
from app.models import Case
from app.models.enums import CaseStatus
from app.services.common.context import AppContext
from app.services.common.validation import FieldProblem
from app.services.plan.local_drafts import LocalDraft, LocalDrafts
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plan_merge import Choice
from app.services.plan.plans import PlanDraft, SaveResult
from app.ui.common.background import StoreWorker
from app.ui.plan.draft_sync import DraftSync, PendingConflict, Stamp, SyncState
from tests.factories import (
    TODAY,
    Family,
    approve,
    consent_everyone,
    coordinator_agreement,
    goal,
    new_family,
    open_draft,
    save,
)


class Screen:
    """What an editor shows, as plain data."""

    def __init__(self) -> None:
        self.draft = PlanDraft()

    def read(self) -> PlanDraft:
        return replace(self.draft, sections=dict(self.draft.sections))

    def show(self, draft: PlanDraft) -> None:
        self.draft = replace(draft, sections=dict(draft.sections))

    def type(self, sync: DraftSync, section: str, text: str) -> None:
        self.draft.sections[section] = text
        sync.edited()


def _describe(problems: list[FieldProblem]) -> str:
    return ", ".join(p.field for p in problems)


def _stored(ctx: AppContext, case_id: int) -> PlanDraft:
    with ctx.sessions() as s:
        plan = load_plan_document(s, case_id).plan
    assert plan is not None
    return PlanDraft.from_view(plan)


@pytest.fixture
def family(sqlite_context: AppContext) -> Family:
    family = new_family(sqlite_context)
    pv_id = open_draft(sqlite_context, family.case_id)
    save(sqlite_context, pv_id, PlanDraft(sections={"summary": "Start.", "barriers": "Ingen."}))
    return family


def _open(qtbot, ctx: AppContext, case_id: int, folder: Path) -> tuple[DraftSync, Screen]:  # type: ignore[no-untyped-def]
    """A sync on the plan as stored now, as the page opens it."""
    lane = StoreWorker()
    screen = Screen()
    sync = DraftSync(lane, ctx.sessions, LocalDrafts(folder), screen.read, screen.show, _describe)
    lane.setParent(sync)
    with ctx.sessions() as s:
        plan = load_plan_document(s, case_id).plan
    assert plan is not None
    content = PlanDraft.from_view(plan)
    screen.show(content)
    sync.load(case_id, Stamp(plan.id, plan.row_version, plan.id), content, editable=True)
    sync.autosave.setInterval(20)
    return sync, screen


def _states(sync: DraftSync) -> list[SyncState]:
    seen: list[SyncState] = []
    sync.state_changed.connect(seen.append)
    return seen


def test_typing_is_saved_and_typing_while_saving_is_saved_after(
    qtbot, sqlite_context, family, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path)
    seen = _states(sync)
    assert sync.state == SyncState.CLEAN
    screen.type(sync, "summary", "Først.")
    assert sync.state == SyncState.DIRTY and sync.local_drafts.read(family.case_id) is not None
    sync.save_now()
    assert sync.state == SyncState.SAVING
    screen.type(sync, "summary", "Først. Og så mere.")  # while the save is on the lane
    assert sync.state == SyncState.SAVING
    qtbot.waitUntil(lambda: sync.state == SyncState.CLEAN and not sync.unsaved, timeout=20_000)
    assert _stored(sqlite_context, family.case_id).sections["summary"] == "Først. Og så mere."
    assert seen[0] == SyncState.DIRTY and seen[1] == SyncState.SAVING and seen[-1] == SyncState.CLEAN
    assert sync.local_drafts.read(family.case_id) is None  # saved: the local copy is gone


def test_someone_elses_save_is_combined_and_shown(qtbot, sqlite_context, family, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path / "a")
    other, other_screen = _open(qtbot, sqlite_context, family.case_id, tmp_path / "b")
    with qtbot.waitSignal(other.saved, timeout=20_000):
        other_screen.type(other, "barriers", "Deres ord.")
    with qtbot.waitSignal(sync.saved, timeout=20_000):
        screen.type(sync, "summary", "Mine ord.")
    assert sync.state == SyncState.CLEAN
    assert screen.draft.sections["barriers"] == "Deres ord."  # shown on the screen
    stored = _stored(sqlite_context, family.case_id)
    assert (stored.sections["summary"], stored.sections["barriers"]) == ("Mine ord.", "Deres ord.")


def test_the_same_part_is_a_conflict_until_the_user_chooses(qtbot, sqlite_context, family, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path / "a")
    other, other_screen = _open(qtbot, sqlite_context, family.case_id, tmp_path / "b")
    with qtbot.waitSignal(other.saved, timeout=20_000):
        other_screen.type(other, "summary", "Deres udgave.")
    with qtbot.waitSignal(sync.conflict, timeout=20_000) as asked:
        screen.type(sync, "summary", "Min udgave.")
    pending: PendingConflict = asked.args[0]
    assert sync.state == SyncState.CONFLICT
    screen.type(sync, "summary", "Min udgave, rettet.")  # typing on: kept locally, not saved
    sync.save_now()
    assert sync.state == SyncState.CONFLICT
    assert _stored(sqlite_context, family.case_id).sections["summary"] == "Deres udgave."
    assert sync.local_drafts.read(family.case_id).draft.sections["summary"] == "Min udgave, rettet."  # type: ignore[union-attr]
    # Decide later, then ask again: the plan is read again and the question comes back.
    with qtbot.waitSignal(sync.conflict, timeout=20_000) as again:
        sync.resolve_now()
    with qtbot.waitSignal(sync.saved, timeout=20_000):
        sync.decide(again.args[0], {"section:summary": Choice.MINE})
    assert sync.state == SyncState.CLEAN and pending.by.name
    assert _stored(sqlite_context, family.case_id).sections["summary"] == "Min udgave, rettet."


def test_a_lost_store_keeps_the_edits_and_saves_when_back(
    qtbot, sqlite_context, family, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path)
    sync.set_reachable(False)
    assert sync.state == SyncState.OFFLINE
    screen.type(sync, "closing", "Skrevet uden net.")
    sync.save_now()
    assert sync.state == SyncState.OFFLINE
    assert sync.local_drafts.read(family.case_id).draft.sections["closing"] == "Skrevet uden net."  # type: ignore[union-attr]
    with qtbot.waitSignal(sync.saved, timeout=20_000):
        sync.set_reachable(True)
    assert sync.state == SyncState.CLEAN
    assert _stored(sqlite_context, family.case_id).sections["closing"] == "Skrevet uden net."
    # A save the store does not answer: offline, kept, and tried again (retry) when it answers.
    real = plans.save_draft

    def down(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("UPDATE", {}, Exception("server closed the connection"))

    monkeypatch.setattr(plans, "save_draft", down)
    sync.retry.setInterval(50)
    with qtbot.waitSignal(sync.store_failed, timeout=20_000):
        screen.type(sync, "closing", "Igen uden net.")
    assert sync.state == SyncState.OFFLINE and sync.unsaved
    monkeypatch.setattr(plans, "save_draft", real)
    with qtbot.waitSignal(sync.saved, timeout=20_000):
        pass  # the retry
    assert _stored(sqlite_context, family.case_id).sections["closing"] == "Igen uden net."


def test_an_approved_draft_is_gone_until_carried_over(qtbot, sqlite_context, family, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path)
    content = _stored(sqlite_context, family.case_id)
    assert sync.stamp.draft_id is not None
    save(
        sqlite_context,
        sync.stamp.draft_id,
        replace(content, goals=[goal("g1")], agreements=[coordinator_agreement(sqlite_context)]),
        sync.stamp.row_version,
    )
    consent_everyone(sqlite_context, family)
    approve(sqlite_context, sync.stamp.draft_id)
    screen.type(sync, "closing", "Efter godkendelsen.")
    sync.save_now()
    qtbot.waitUntil(lambda: sync.state == SyncState.GONE, timeout=20_000)
    assert sync.gone_because == SaveResult.APPROVED and sync.can_carry_over
    with qtbot.waitSignal(sync.saved, timeout=20_000):
        sync.resolve_now()
    assert sync.state == SyncState.CLEAN
    assert _stored(sqlite_context, family.case_id).sections["closing"] == "Efter godkendelsen."


def test_a_closed_case_is_gone_for_good(qtbot, sqlite_context, family, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path)
    with sqlite_context.sessions.begin() as s:
        case = s.get(Case, family.case_id)
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY
    screen.type(sync, "summary", "For sent.")
    sync.save_now()
    qtbot.waitUntil(lambda: sync.state == SyncState.GONE, timeout=20_000)
    assert sync.gone_because == SaveResult.CLOSED and not sync.can_carry_over
    sync.resolve_now()
    assert sync.state == SyncState.GONE  # nothing more is tried
    assert sync.local_drafts.read(family.case_id).draft.sections["summary"] == "For sent."  # type: ignore[union-attr]


def test_a_killed_programs_local_draft_is_put_back_and_saved(qtbot, sqlite_context, family, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sync, screen = _open(qtbot, sqlite_context, family.case_id, tmp_path)
    stored = _stored(sqlite_context, family.case_id)
    mine = replace(stored, sections={**stored.sections, "closing": "Fra sidste gang."})
    local = LocalDraft(
        family.case_id, sync.stamp.draft_id, sync.stamp.row_version, stored, mine, datetime.now(UTC)
    )
    with qtbot.waitSignal(sync.saved, timeout=20_000):
        sync.restore(local)
    assert screen.draft.sections["closing"] == "Fra sidste gang."
    assert _stored(sqlite_context, family.case_id).sections["closing"] == "Fra sidste gang."
    assert sync.state == SyncState.CLEAN and sync.local_drafts.read(family.case_id) is None
