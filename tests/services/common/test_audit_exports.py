"""A plan save re-creates its goals and agreements: the audit log holds one entry per goal
(by goal_key) and agreement (by position) that changed, field by field, and the generic change
capture does not also log the re-created rows as new."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, Case
from app.models.enums import GoalLevel
from app.services.common import audit
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plans import (
    GoalInput,
    PlanDraft,
    current_draft_id,
    new_goal_key,
    save_draft,
    start_draft,
)


@pytest.fixture
def plan(context):  # type: ignore[no-untyped-def]
    """A draft with at least two goals and one agreement: (case id, plan version id)."""
    with context.sessions.begin() as s:
        generate_demo(s, families=2, seed=7, today=date(2025, 3, 1), my_login="tester")
        case_id = s.scalar(select(Case.id).order_by(Case.id).limit(1))
        pv_id = current_draft_id(s, case_id) or start_draft(s, case_id)
    draft = _draft(context, case_id, pv_id)
    assert draft.agreements, "the demo plan has agreements"
    while len(draft.goals) < 2:
        draft.goals.append(GoalInput(new_goal_key(), None, GoalLevel.OVERALL, f"Mål {len(draft.goals)}"))
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)
    return case_id, pv_id


def _draft(context, case_id: int, pv_id: int) -> PlanDraft:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        view = load_plan_document(s, case_id, pv_id).plan
        assert view is not None
        return PlanDraft.from_view(view)


def _mark(context) -> int:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        return int(s.scalar(select(func.max(AuditEvent.id))) or 0)


def _entries(context, since: int) -> list[tuple[str, str, dict]]:  # type: ignore[no-untyped-def]
    """(action, object_type, fields) of goal and agreement entries written after ``since``."""
    with context.sessions() as s:
        rows = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.id > since, AuditEvent.object_type.in_(("goal", "agreement")))
            .order_by(AuditEvent.id)
        ).all()
        return [(r.action, r.object_type, json.loads(r.details)["fields"]) for r in rows]


def test_a_plan_save_logs_exactly_the_changed_goal_and_agreement(context, plan) -> None:  # type: ignore[no-untyped-def]
    case_id, pv_id = plan
    draft = _draft(context, case_id, pv_id)
    old_goal, old_agreement = draft.goals[0], draft.agreements[0]
    new_due = (old_agreement.due_date or date(2025, 3, 1)) + timedelta(days=7)
    draft.goals[0] = replace(old_goal, text="Lise kommer i skole hver dag")
    draft.agreements[0] = replace(old_agreement, due_date=new_due)
    since = _mark(context)
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)
    assert _entries(context, since) == [
        (audit.CHANGE, "goal", {"text": {"before": old_goal.text, "after": "Lise kommer i skole hver dag"}}),
        (
            audit.CHANGE,
            "agreement",
            {
                "due_date": {
                    "before": old_agreement.due_date.isoformat() if old_agreement.due_date else None,
                    "after": new_due.isoformat(),
                }
            },
        ),
    ]
    with context.sessions() as s:
        rows = s.scalars(
            select(AuditEvent).where(AuditEvent.id > since, AuditEvent.object_type == "goal")
        ).all()
        assert [r.case_id for r in rows] == [case_id]
    with context.sessions() as s:
        assert audit.verify_chain(s) is None


def test_an_unchanged_save_logs_no_goal_or_agreement(context, plan) -> None:  # type: ignore[no-untyped-def]
    case_id, pv_id = plan
    draft = _draft(context, case_id, pv_id)
    since = _mark(context)
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)
    assert _entries(context, since) == []


def test_an_added_goal_and_a_removed_agreement_are_logged(context, plan) -> None:  # type: ignore[no-untyped-def]
    case_id, pv_id = plan
    draft = _draft(context, case_id, pv_id)
    removed = draft.agreements.pop()
    draft.goals.append(GoalInput(new_goal_key(), None, GoalLevel.OVERALL, "Et nyt mål"))
    since = _mark(context)
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)
    entries = _entries(context, since)
    assert [(action, kind) for action, kind, _ in entries] == [
        (audit.CREATE, "goal"),
        (audit.DELETE, "agreement"),
    ]
    assert entries[0][2]["text"] == {"after": "Et nyt mål"}
    assert entries[1][2]["what"] == {"before": removed.what}
    with context.sessions() as s:
        assert audit.verify_chain(s) is None


def _member_entries(context, since: int) -> list[tuple[str, str, dict]]:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        rows = s.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.id > since,
                AuditEvent.object_type.in_(("plan_member_section", "plan_offer_comment")),
            )
            .order_by(AuditEvent.id)
        ).all()
        return [(r.action, r.object_type, json.loads(r.details)["fields"]) for r in rows]


def test_member_parts_are_logged_only_when_they_change_with_before_and_after(context, plan) -> None:  # type: ignore[no-untyped-def]
    case_id, pv_id = plan
    draft = _draft(context, case_id, pv_id)
    with context.sessions() as s:
        member = load_plan_document(s, case_id, pv_id).members[0].citizen_id
    draft = replace(draft, member_sections={**draft.member_sections, member: "Første udgave."})
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)
    since = _mark(context)
    with context.sessions.begin() as s:
        save_draft(s, pv_id, draft, None)  # nothing changed: nothing logged (no re-created rows)
    assert _member_entries(context, since) == []
    changed = replace(draft, member_sections={**draft.member_sections, member: "Anden udgave."})
    with context.sessions.begin() as s:
        save_draft(s, pv_id, changed, None)
    [(action, kind, fields)] = _member_entries(context, since)
    assert (action, kind) == (audit.CHANGE, "plan_member_section")
    assert fields["text"] == {"before": "Første udgave.", "after": "Anden udgave."}
    with context.sessions() as s:
        assert audit.verify_chain(s) is None
