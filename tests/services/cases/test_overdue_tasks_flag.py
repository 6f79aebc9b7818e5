"""The case list's flag for a case with an open task past its due date, on both stores."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from app.models import Case
from app.models.enums import CaseStatus
from app.services.cases.case_list import overdue_tasks
from app.services.common.clock import local_today, now_utc
from app.services.tasks.tasks import TaskInput, create_task, set_task_done
from tests.factories import new_family


def _case(context, title: str, seed: int) -> int:  # type: ignore[no-untyped-def]
    return new_family(context, title=title, seed=seed).case_id


@pytest.mark.parametrize(
    ("due_offset", "done", "closed", "flagged"),
    [
        (-365, False, False, True),
        (-1, False, False, True),  # yesterday
        (0, False, False, False),  # today: due, not yet overdue
        (1, False, False, False),  # tomorrow
        (None, False, False, False),  # no due date
        (-1, True, False, False),  # done
        (-1, False, True, False),  # a closed case is not flagged
    ],
    ids=["a-year-ago", "yesterday", "today", "tomorrow", "no-date", "done", "closed-case"],
)
def test_a_case_is_flagged_for_an_open_task_past_its_due_date(
    context, due_offset: int | None, done: bool, closed: bool, flagged: bool
) -> None:  # type: ignore[no-untyped-def]
    today = local_today()
    case_id = _case(context, "Familien Flag", 1)
    quiet = _case(context, "Familien Stille", 2)
    with context.sessions.begin() as s:
        due = None if due_offset is None else today + timedelta(days=due_offset)
        task_id = create_task(s, TaskInput("Ring", case_id, due, context.user.id), today)
        create_task(s, TaskInput("Senere", quiet, today + timedelta(days=3), context.user.id), today)
        if done:
            set_task_done(s, task_id, True, None, now_utc())
        if closed:
            s.execute(update(Case).where(Case.id == case_id).values(status=CaseStatus.CLOSED))
    with context.sessions() as s:
        assert overdue_tasks(s, today, [case_id, quiet]) == ({case_id} if flagged else set())
        assert overdue_tasks(s, today, [quiet]) == set()
        assert overdue_tasks(s, today, []) == set()
        # tomorrow every open dated task of the case is overdue, as long as it is open
        later = overdue_tasks(s, today + timedelta(days=(due_offset or 0) + 1), [case_id])
    assert later == ({case_id} if due_offset is not None and not done and not closed else set())


def test_many_cases_are_read_in_a_few_queries(context) -> None:  # type: ignore[no-untyped-def]
    """Pages over 500 cases are read in chunks: every flagged case is found."""
    today = local_today()
    ids = [_case(context, f"Familien Nr{n}", 10 + n) for n in range(3)]
    with context.sessions.begin() as s:
        for n, case_id in enumerate(ids):
            create_task(
                s, TaskInput("Ring", case_id, date(2026, 11, 1) if n != 1 else None, context.user.id), today
            )
    with context.sessions() as s:
        assert overdue_tasks(s, today, [*range(100_000, 100_700), *ids]) == {ids[0], ids[2]}
