"""Progression scores: the family's own and the professionals' 0–10 for a goal on a day.

A score is written beside the plan, not in it: the goal's key ties the series together
across versions, and the plan's newest version is locked first so a save in progress is
waited for.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Goal, GoalScore, PlanVersion
from app.services.common.editing import load_for_edit, open_case, raise_if_blocking
from app.services.common.validation import FieldProblem, Problem


def lock_plan(session: Session, case_id: int) -> PlanVersion | None:
    """Lock the case's newest plan version (as ``change_plan`` does) without changing it: a
    write beside the plan (a progression score) waits for a save in progress."""
    latest_id = session.scalar(
        select(PlanVersion.id)
        .where(PlanVersion.case_id == case_id)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )
    if latest_id is None:
        return None
    pv: PlanVersion = load_for_edit(session, PlanVersion, latest_id, None)
    return pv


def record_score(
    session: Session,
    case_id: int,
    goal_key: str,
    day: date,
    family_score: int | None,
    professional_score: int | None,
    note: str = "",
) -> int:
    """A progression score (0–10) for a goal on a day; the goal's key ties the series together."""
    open_case(session, case_id)
    lock_plan(session, case_id)  # the goal check below and the write see one plan
    problems: list[FieldProblem] = []
    if family_score is None and professional_score is None:
        problems.append(FieldProblem("score", Problem.REQUIRED))
    for name, value in (("family_score", family_score), ("professional_score", professional_score)):
        if value is not None and not 0 <= value <= 10:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
    known = session.scalar(
        select(func.count(Goal.id))
        .join(PlanVersion, PlanVersion.id == Goal.plan_version_id)
        .where(PlanVersion.case_id == case_id, Goal.goal_key == goal_key)
    )
    if not known:
        problems.append(FieldProblem("goal", Problem.REQUIRED))
    raise_if_blocking(problems)
    score = GoalScore(
        case_id=case_id,
        goal_key=goal_key,
        scored_on=day,
        family_score=family_score,
        professional_score=professional_score,
        note=note.strip(),
    )
    session.add(score)
    session.flush()
    return score.id
