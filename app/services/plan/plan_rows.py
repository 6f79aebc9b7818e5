"""The rows of a plan draft's content: its goals (with the members each concerns), agreements,
member sections and offer comments, written anew on each save, the checks that need the
store, and the goals' members for the audit of a save."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import InstanceState, Session

from app.models import Agreement, Goal, GoalMember, PlanMemberSection, PlanOfferComment, PlanVersion
from app.models.enums import ResponsibleKind
from app.models.plans import new_agreement_key
from app.services.common.audit import RowSnapshot
from app.services.common.editing import case_citizen_ids
from app.services.common.validation import FieldProblem, Problem
from app.services.plan.plan_draft import PlanDraft


def _loaded(obj: object) -> dict[str, Any]:
    """An ORM object's loaded attributes, read without loading anything."""
    state: InstanceState[Any] = sa_inspect(obj)
    return state.dict


def write_content(session: Session, pv: PlanVersion, draft: PlanDraft) -> None:
    """Replace goals (with their members), agreements, member sections and offer comments of ``pv``."""
    models = (Goal, Agreement, PlanMemberSection, PlanOfferComment)
    # Rows of the old content read earlier in this session leave it with their rows: a new
    # row may get a deleted one's id (SQLite reuses the highest), which must not meet it.
    old: list[Any] = [
        o
        for o in session.identity_map.values()
        if isinstance(o, models) and _loaded(o).get("plan_version_id") == pv.id
    ]
    old_goals = {_loaded(o).get("id") for o in old if isinstance(o, Goal)}
    old += [
        o
        for o in session.identity_map.values()
        if isinstance(o, GoalMember) and _loaded(o).get("goal_id") in old_goals
    ]
    for obj in old:
        if obj in session:  # a goal takes its members with it
            session.expunge(obj)
    session.execute(  # the members first: neither store depends on ON DELETE CASCADE
        delete(GoalMember).where(
            GoalMember.goal_id.in_(select(Goal.id).where(Goal.plan_version_id == pv.id))
        ),
        execution_options={"synchronize_session": False},
    )
    for model in models:
        session.execute(
            delete(model).where(model.plan_version_id == pv.id),
            execution_options={"synchronize_session": False},
        )
    session.expire(pv, ["goals", "agreements", "member_sections", "offer_comments"])
    by_key: dict[str, Goal] = {}
    for position, goal in enumerate(draft.goals):
        row = Goal(
            plan_version_id=pv.id,
            goal_key=goal.goal_key,
            members=[GoalMember(citizen_id=citizen_id) for citizen_id in goal.member_ids],
            level=goal.level,
            text=goal.text.strip(),
            target_date=goal.target_date,
            status=goal.status,
            position=position,
        )
        session.add(row)
        by_key[goal.goal_key] = row
    session.flush()
    for goal in draft.goals:
        if goal.parent_key is not None and goal.parent_key in by_key:
            by_key[goal.goal_key].parent_id = by_key[goal.parent_key].id
    for position, agreement in enumerate(draft.agreements):
        kind, rid = agreement.responsible_kind, agreement.responsible_id
        session.add(
            Agreement(
                plan_version_id=pv.id,
                agreement_key=agreement.agreement_key or new_agreement_key(),
                what=agreement.what.strip(),
                responsible_kind=kind,
                responsible_citizen_id=rid if kind == ResponsibleKind.MEMBER else None,
                responsible_professional_id=rid if kind == ResponsibleKind.PROFESSIONAL else None,
                responsible_user_id=rid if kind == ResponsibleKind.COORDINATOR else None,
                due_date=agreement.due_date,
                status=agreement.status,
                position=position,
            )
        )
    for citizen_id, text in draft.member_sections.items():
        if text.strip():
            session.add(PlanMemberSection(plan_version_id=pv.id, citizen_id=citizen_id, text=text.strip()))
    for (citizen_id, key), comment in draft.offer_comments.items():
        if comment.strip():
            session.add(
                PlanOfferComment(
                    plan_version_id=pv.id, citizen_id=citizen_id, group_key=key, comment=comment.strip()
                )
            )


def content_problems(session: Session, pv: PlanVersion, draft: PlanDraft) -> list[FieldProblem]:
    """Problems of a draft that need the store: members and responsible people of the case."""
    named = {c for goal in draft.goals for c in goal.member_ids} | set(draft.member_sections)
    named |= {
        a.responsible_id
        for a in draft.agreements
        if a.responsible_kind == ResponsibleKind.MEMBER and a.responsible_id is not None
    }
    # one read whatever the plan's size, and none when it names nobody
    people = case_citizen_ids(session, pv.case_id) if named else frozenset()
    problems = [
        FieldProblem(f"goals.{index}.citizen", Problem.REQUIRED)
        for index, goal in enumerate(draft.goals)
        if any(citizen_id not in people for citizen_id in goal.member_ids)
    ]
    problems += [
        FieldProblem(f"agreements.{index}.responsible", Problem.REQUIRED)
        for index, agreement in enumerate(draft.agreements)
        if agreement.responsible_kind == ResponsibleKind.MEMBER
        and agreement.responsible_id is not None
        and agreement.responsible_id not in people
    ]
    problems += [
        FieldProblem(f"member_sections.{citizen_id}", Problem.REQUIRED)
        for citizen_id in draft.member_sections
        if citizen_id not in people
    ]
    return problems


def with_members(session: Session, plan_version_id: int, goals: RowSnapshot) -> None:
    """The audit's snapshot of the goals with whom each concerns (the member ids, as the
    goal's citizen was shown before; a goal of the whole family shows none)."""
    members: dict[int, list[int]] = {}
    for goal_id, citizen_id in session.execute(
        select(GoalMember.goal_id, GoalMember.citizen_id)
        .join(Goal, Goal.id == GoalMember.goal_id)
        .where(Goal.plan_version_id == plan_version_id)
        .order_by(GoalMember.citizen_id)
    ):
        members.setdefault(goal_id, []).append(citizen_id)
    for goal_id, values in goals.values():
        values["members"] = members.get(goal_id) or None
