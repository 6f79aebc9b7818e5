"""Giving a coordinator a new case, against the team's caseload limit: above the limit a reason
is required, and it is logged (``record_above_limit``) in the same transaction as the case, so
there is never a case above the limit without its reason, nor a reason without its case.
The check is made again inside the transaction: what the dialog showed may have changed."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.models import Case
from app.services.cases.cases import CaseInput, create_case
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.team.caseload import CaseloadCheck, assignment_check, record_above_limit

REASON_FIELD = "caseload_reason"
MAX_REASON = 500


def reason_problems(check: CaseloadCheck | None, reason: str) -> list[FieldProblem]:
    """What is wrong with the reason given for an assignment (none needed within the limit)."""
    if check is None or not check.above_limit:
        return []
    if not reason.strip():
        return [FieldProblem(REASON_FIELD, Problem.REQUIRED)]
    if len(reason.strip()) > MAX_REASON:
        return [FieldProblem(REASON_FIELD, Problem.TOO_LONG)]
    return []


def create_assigned_case(session: Session, data: CaseInput, today: date, reason: str = "") -> Case:
    """``create_case`` with the caseload check: above the limit without a reason nothing is
    stored (ValidationError on ``caseload_reason``); with one, the reason is logged."""
    check = None
    if data.coordinator_id is not None:
        check = assignment_check(session, data.coordinator_id, is_family=not data.single_citizen)
    problems = reason_problems(check, reason)
    if problems:
        raise ValidationError(problems)
    case = create_case(session, data, today)
    if check is not None and check.above_limit:
        record_above_limit(session, check, case.id, reason)
    return case
