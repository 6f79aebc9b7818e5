"""The editor's save (plans.save_edits) without any widget: stored on the version read; when
someone else saved meanwhile, re-read and combined (plan_merge); the same part changed by both
is handed back for a choice; nothing is stored over a draft approved or removed meanwhile, or
in a closed case."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete

from app.models import Case, PlanVersion
from app.models.enums import CaseStatus, PlanState
from app.services.common.context import AppContext
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plan_merge import Choice, normalize, resolve
from app.services.plan.plans import PlanDraft, PlanEdits, SaveResult, save_edits
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


def _stored(ctx: AppContext, case_id: int) -> tuple[int, int, PlanState, PlanDraft]:
    """The newest version's id, row version, state and content."""
    with ctx.sessions() as s:
        plan = load_plan_document(s, case_id).plan
    assert plan is not None
    return plan.id, plan.row_version, plan.state, PlanDraft.from_view(plan)


def _read(ctx: AppContext, case_id: int) -> PlanEdits:
    """What an editor holds right after opening the plan: its content as base and as edits."""
    plan_id, version, state, content = _stored(ctx, case_id)
    draft_id = plan_id if state == PlanState.DRAFT else None
    return PlanEdits(
        case_id,
        normalize(content),
        normalize(content),
        draft_id,
        version if draft_id else None,
        plan_id,
    )


def _approve_the_draft(ctx: AppContext, family: Family) -> int:
    """Give the draft a goal, an agreement and every consent, and approve it; returns its id."""
    draft_id, version, _state, content = _stored(ctx, family.case_id)
    save(
        ctx, draft_id, replace(content, goals=[goal("g1")], agreements=[coordinator_agreement(ctx)]), version
    )
    consent_everyone(ctx, family)
    approve(ctx, draft_id)
    return draft_id


def _edit(edits: PlanEdits, **sections: str) -> PlanEdits:
    mine = replace(edits.mine, sections={**edits.mine.sections, **sections})
    return replace(edits, mine=mine)


@pytest.fixture
def family(sqlite_context: AppContext) -> Family:
    return new_family(sqlite_context)


@pytest.fixture
def case_id(sqlite_context: AppContext, family: Family) -> int:
    pv_id = open_draft(sqlite_context, family.case_id)
    save(sqlite_context, pv_id, PlanDraft(sections={"summary": "Start.", "barriers": "Ingen."}))
    return family.case_id


def test_edits_are_stored_on_the_version_read(sqlite_context: AppContext, case_id: int) -> None:
    edits = _edit(_read(sqlite_context, case_id), summary="Mette har fået job.")
    outcome = save_edits(sqlite_context.sessions, edits)
    assert outcome.result == SaveResult.SAVED and outcome.combined_with == ""
    plan_id, version, _state, content = _stored(sqlite_context, case_id)
    assert (outcome.draft_id, outcome.row_version) == (plan_id, version)
    assert content.sections["summary"] == "Mette har fået job."
    assert outcome.stored == normalize(edits.mine)


def test_someone_elses_save_of_another_part_is_combined(sqlite_context: AppContext, case_id: int) -> None:
    mine = _edit(_read(sqlite_context, case_id), summary="Mine ord.")
    theirs = _edit(_read(sqlite_context, case_id), barriers="Deres ord.")
    assert save_edits(sqlite_context.sessions, theirs).result == SaveResult.SAVED
    outcome = save_edits(sqlite_context.sessions, mine)  # refused on the version, then combined
    assert outcome.result == SaveResult.SAVED
    assert outcome.combined_with == sqlite_context.user.full_name
    _id, version, _state, content = _stored(sqlite_context, case_id)
    assert (content.sections["summary"], content.sections["barriers"]) == ("Mine ord.", "Deres ord.")
    assert outcome.row_version == version and outcome.stored == normalize(content)
    assert outcome.document is not None  # re-read, for the editor's header


def test_the_same_part_changed_by_both_is_handed_back_and_nothing_is_stored(
    sqlite_context: AppContext, case_id: int
) -> None:
    mine = _edit(_read(sqlite_context, case_id), summary="Min udgave.")
    save_edits(sqlite_context.sessions, _edit(_read(sqlite_context, case_id), summary="Deres udgave."))
    before = _stored(sqlite_context, case_id)
    outcome = save_edits(sqlite_context.sessions, mine)
    assert outcome.result == SaveResult.CONFLICT
    assert outcome.merged is not None and [c.item_id for c in outcome.merged.conflicts] == ["section:summary"]
    assert _stored(sqlite_context, case_id) == before  # nothing stored
    # The user's choice is saved on the stamp handed back, over what they saw.
    assert outcome.stored is not None
    chosen = resolve(outcome.merged.merged, outcome.merged.conflicts, {"section:summary": Choice.MINE})
    again = PlanEdits(case_id, outcome.stored, chosen, outcome.draft_id, outcome.row_version, before[0])
    assert save_edits(sqlite_context.sessions, again).result == SaveResult.SAVED
    assert _stored(sqlite_context, case_id)[3].sections["summary"] == "Min udgave."


def test_the_same_change_saved_by_someone_else_is_up_to_date(
    sqlite_context: AppContext, case_id: int
) -> None:
    mine = _edit(_read(sqlite_context, case_id), closing="Til sommer.")
    save_edits(sqlite_context.sessions, _edit(_read(sqlite_context, case_id), closing="Til sommer."))
    outcome = save_edits(sqlite_context.sessions, mine)
    assert outcome.result == SaveResult.UP_TO_DATE
    assert outcome.row_version == _stored(sqlite_context, case_id)[1]


def test_a_draft_approved_meanwhile_takes_nothing_until_carried_over(
    sqlite_context: AppContext, family: Family, case_id: int
) -> None:
    mine = _edit(_read(sqlite_context, case_id), closing="Efter mødet.")
    draft_id = _approve_the_draft(sqlite_context, family)
    outcome = save_edits(sqlite_context.sessions, mine)
    assert outcome.result == SaveResult.APPROVED
    assert _stored(sqlite_context, case_id)[2] == PlanState.APPROVED
    carried = save_edits(sqlite_context.sessions, replace(mine, carry_over=True))
    assert carried.result == SaveResult.SAVED
    new_id, _version, state, stored = _stored(sqlite_context, case_id)
    assert state == PlanState.DRAFT and new_id != draft_id and carried.draft_id == new_id
    assert stored.sections["closing"] == "Efter mødet."
    assert [g.goal_key for g in stored.goals] == ["g1"]  # the approved content came along


def test_a_draft_removed_meanwhile_takes_nothing(sqlite_context: AppContext, case_id: int) -> None:
    mine = _edit(_read(sqlite_context, case_id), barriers="Mine forhindringer.")
    with sqlite_context.sessions.begin() as s:
        s.execute(delete(PlanVersion).where(PlanVersion.case_id == case_id))
    assert save_edits(sqlite_context.sessions, mine).result == SaveResult.REMOVED
    carried = save_edits(sqlite_context.sessions, replace(mine, carry_over=True))
    assert carried.result == SaveResult.SAVED
    assert _stored(sqlite_context, case_id)[3].sections["barriers"] == "Mine forhindringer."


def test_a_closed_case_takes_nothing(sqlite_context: AppContext, case_id: int) -> None:
    mine = _edit(_read(sqlite_context, case_id), summary="For sent.")
    with sqlite_context.sessions.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY
    assert save_edits(sqlite_context.sessions, mine).result == SaveResult.CLOSED
    assert _stored(sqlite_context, case_id)[3].sections["summary"] == "Start."


def test_a_new_draft_started_meanwhile_is_combined_with_not_replaced(
    sqlite_context: AppContext, family: Family, case_id: int
) -> None:
    _approve_the_draft(sqlite_context, family)
    anna = _edit(_read(sqlite_context, case_id), summary="Annas nye udkast.")
    bo = _edit(_read(sqlite_context, case_id), closing="Bos nye udkast.")
    assert anna.draft_id is None and bo.draft_id is None  # both start the next draft
    assert save_edits(sqlite_context.sessions, anna).result == SaveResult.SAVED
    outcome = save_edits(sqlite_context.sessions, bo)
    assert outcome.result == SaveResult.SAVED and outcome.combined_with
    _id, _version, state, stored = _stored(sqlite_context, case_id)
    assert state == PlanState.DRAFT
    assert (stored.sections["summary"], stored.sections["closing"]) == (
        "Annas nye udkast.",
        "Bos nye udkast.",
    )
