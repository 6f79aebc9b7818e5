"""Tasks made in one step from what the case already says: an agreement of its plan ("Anna
calls the school by Friday" becomes Anna's task), a deadline, or the case's follow-up date.

Each source gives a ready :class:`TaskInput` (``*_task``: the dialog shows it before saving)
and a one-step maker (``task_from_*``) that stores it. The task remembers its source
(``source``, ``source_ref``): while an open task made from the same source is there, the
same step makes no second one but names the open one (``TaskMade.created`` is False).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Agreement, Case, PlanVersion, User
from app.models.enums import ResponsibleKind, TaskSource, UserRole
from app.services.cases.deadlines import Deadline, deadlines_for_case
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.tasks.tasks import MAX_SOURCE_REF, MAX_WHAT, TaskExistsError, TaskInput, create_task

# What a task made from the follow-up date says, unless the caller gives its own words.
FOLLOW_UP_WHAT = "Opfølgning på sagen"


class SourceNotFoundError(LookupError):
    """The agreement, deadline or follow-up date is not (or no longer) in the stored case."""


@dataclass(frozen=True, slots=True)
class TaskMade:
    task_id: int
    created: bool  # False: an open task made from the same was there already; nothing new stored


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError([FieldProblem("case", Problem.REQUIRED)])
    return case


def _may_work(session: Session, user_id: int | None) -> bool:
    user = session.get(User, user_id) if user_id is not None else None
    return user is not None and user.active and user.role != UserRole.READ_ONLY


# -- agreements ------------------------------------------------------------------------------


def agreement_task(session: Session, case_id: int, agreement_key: str) -> TaskInput:
    """The task an agreement of the case's plan (its newest version holding it) gives: its
    words and due date, for the caseworker responsible for it — else the coordinator."""
    case = _case(session, case_id)
    agreement = session.scalar(
        select(Agreement)
        .join(PlanVersion, PlanVersion.id == Agreement.plan_version_id)
        .where(PlanVersion.case_id == case_id, Agreement.agreement_key == agreement_key)
        .order_by(PlanVersion.number.desc())
        .limit(1)
    )
    if agreement is None or not agreement.what.strip():
        raise SourceNotFoundError("the agreement is not in the case's stored plan")
    assignee = case.coordinator_id
    if agreement.responsible_kind == ResponsibleKind.COORDINATOR and _may_work(
        session, agreement.responsible_user_id
    ):
        assert agreement.responsible_user_id is not None
        assignee = agreement.responsible_user_id
    return TaskInput(
        what=agreement.what.strip()[:MAX_WHAT],
        case_id=case_id,
        due_date=agreement.due_date,
        assigned_to_id=assignee,
        source=TaskSource.AGREEMENT,
        source_ref=agreement_key,
    )


# -- deadlines -------------------------------------------------------------------------------


def deadline_key(deadline: Deadline) -> str:
    """A deadline's key, the same each time the deadline engine finds it: the rule, the
    person, the due date and (hashed, as it may be case text) what it is about."""
    about = hashlib.sha256(deadline.detail.encode("utf-8")).hexdigest()[:12]
    key = f"{deadline.rule_code[:60]}|{deadline.citizen_id or 0}|{deadline.due.isoformat()}|{about}"
    return key[:MAX_SOURCE_REF]


def deadline_task(session: Session, case_id: int, key: str, today: date) -> TaskInput:
    """The task a deadline of the case gives (``key`` from :func:`deadline_key`), for the
    case's coordinator, due when the deadline is."""
    case = _case(session, case_id)
    found = next((d for d in deadlines_for_case(session, case_id, today) if deadline_key(d) == key), None)
    if found is None:
        raise SourceNotFoundError("the case has no such deadline now")
    what = f"{found.law_reference}: {found.title}" + (f" – {found.detail}" if found.detail else "")
    return TaskInput(
        what=what[:MAX_WHAT],
        case_id=case_id,
        due_date=found.due,
        assigned_to_id=case.coordinator_id,
        source=TaskSource.DEADLINE,
        source_ref=key,
    )


# -- the follow-up date ----------------------------------------------------------------------


def follow_up_task(session: Session, case_id: int, what: str = "") -> TaskInput:
    """The task the case's next follow-up gives, for its coordinator, due on the date."""
    case = _case(session, case_id)
    if case.follow_up_due is None:
        raise SourceNotFoundError("the case has no follow-up date")
    return TaskInput(
        what=(what.strip() or FOLLOW_UP_WHAT)[:MAX_WHAT],
        case_id=case_id,
        due_date=case.follow_up_due,
        assigned_to_id=case.coordinator_id,
        source=TaskSource.FOLLOW_UP,
        source_ref=case.follow_up_due.isoformat(),
    )


# -- one step --------------------------------------------------------------------------------


def make_task(session: Session, data: TaskInput, today: date) -> TaskMade:
    """Store ``data`` unless an open task made from the same source is there: then that one."""
    try:
        return TaskMade(create_task(session, data, today), True)
    except TaskExistsError as exc:
        return TaskMade(exc.task_id, False)


def task_from_agreement(
    session: Session, case_id: int, agreement_key: str, today: date, assigned_to_id: int | None = None
) -> TaskMade:
    data = agreement_task(session, case_id, agreement_key)
    if assigned_to_id is not None:
        data = replace(data, assigned_to_id=assigned_to_id)
    return make_task(session, data, today)


def task_from_deadline(
    session: Session, case_id: int, key: str, today: date, assigned_to_id: int | None = None
) -> TaskMade:
    data = deadline_task(session, case_id, key, today)
    if assigned_to_id is not None:
        data = replace(data, assigned_to_id=assigned_to_id)
    return make_task(session, data, today)


def task_from_follow_up(
    session: Session, case_id: int, today: date, what: str = "", assigned_to_id: int | None = None
) -> TaskMade:
    data = follow_up_task(session, case_id, what)
    if assigned_to_id is not None:
        data = replace(data, assigned_to_id=assigned_to_id)
    return make_task(session, data, today)
