"""The plan as it is on screen, as a document the PDF builder takes (the live preview)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from app.models.enums import PlanState
from app.services.plan.plan_document import (
    SECTIONS,
    AgreementView,
    GoalView,
    PlanDocument,
    PlanVersionView,
    ScorePoint,
)
from app.services.plan.plan_draft import AgreementInput, PlanDraft
from app.ui.plan.draft_sync import Stamp


def screen_document(
    doc: PlanDocument,
    draft: PlanDraft,
    scores: dict[str, tuple[ScorePoint, ...]],
    who_name: Callable[[AgreementInput], str],
    stamp: Stamp,
    unsaved: bool,
) -> PlanDocument:
    """The plan as it is on screen (``draft`` over the stored ``doc``), for the live preview."""
    base = doc.plan
    goals = tuple(
        GoalView(
            g.goal_key,
            g.parent_key,
            g.level,
            g.text,
            g.member_ids,
            g.target_date,
            g.status,
            scores.get(g.goal_key, ()),
        )
        for g in draft.goals
    )
    agreements = tuple(
        AgreementView(
            a.what,
            a.responsible_kind,
            a.responsible_id,
            who_name(a),
            a.due_date,
            a.status,
            a.agreement_key,
        )
        for a in draft.agreements
    )
    plan = PlanVersionView(
        id=base.id if base else 0,
        number=base.number if base and not base.approved else (base.number + 1 if base else 1),
        state=base.state if base else PlanState.DRAFT,
        approved_on=base.approved_on if base else None,
        meeting_id=base.meeting_id if base else None,
        meeting_label=base.meeting_label if base else "",
        participants=base.participants if base else "",
        sections=tuple((name, draft.sections.get(name, "")) for name in SECTIONS),
        member_sections=tuple(draft.member_sections.items()),
        goals=goals,
        agreements=agreements,
        offer_comments=tuple((c, k, text) for (c, k), text in draft.offer_comments.items()),
        row_version=stamp.row_version or 0,
    )
    if base is None or stamp.draft_id is not None or unsaved:
        plan = replace(plan, state=PlanState.DRAFT, approved_on=None)
    offers = tuple(
        replace(o, comment=draft.offer_comments.get((o.citizen_id, o.group_key), "")) for o in doc.offers
    )
    return replace(doc, plan=plan, offers=offers)
