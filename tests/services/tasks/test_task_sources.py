"""Tasks in one step from an agreement, a deadline or the follow-up date, on both stores:
the task says what the source says, is given to whom the source names, and the same step
twice makes no second open task."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from app.models import Case, FamilyMember, Task
from app.models.enums import AgreementStatus, ResponsibleKind, TaskSource
from app.services.cases.deadlines import deadlines_for_case
from app.services.common.clock import local_today, now_utc
from app.services.plan.plans import AgreementInput, PlanDraft, new_agreement_key
from app.services.tasks.task_sources import (
    FOLLOW_UP_WHAT,
    SourceNotFoundError,
    agreement_task,
    deadline_key,
    task_from_agreement,
    task_from_deadline,
    task_from_follow_up,
)
from app.services.tasks.tasks import TaskExistsError, create_task, set_task_done, task_row
from tests.factories import open_draft, save
from tests.services.tasks.conftest import Office

DUE = date(2026, 12, 4)  # "by Friday"


def agreements(office: Office, *items: AgreementInput) -> None:
    save(office.ctx, open_draft(office.ctx, office.case_id), PlanDraft(agreements=list(items)))


def open_count(office: Office) -> int:
    with office.ctx.sessions() as s:
        return int(s.scalar(select(func.count(Task.id)).where(Task.done_at.is_(None))) or 0)


def who(office: Office, name: str) -> int | None:
    return None if name == "nobody" else int(getattr(office, name))


@pytest.mark.parametrize(
    ("kind", "responsible", "assignee"),
    [
        (ResponsibleKind.COORDINATOR, "partner", "partner"),  # "Pia calls the school": Pia's task
        (ResponsibleKind.COORDINATOR, "me", "me"),
        (ResponsibleKind.COORDINATOR, "colleague", "colleague"),
        (ResponsibleKind.COORDINATOR, "gone", "me"),  # has left: the coordinator follows it up
        (ResponsibleKind.COORDINATOR, "reader", "me"),
        (None, "nobody", "me"),  # no one named yet
    ],
)
def test_an_agreement_becomes_the_task_of_the_caseworker_responsible(
    office: Office, kind: ResponsibleKind | None, responsible: str, assignee: str
) -> None:
    key = new_agreement_key()
    agreements(
        office,
        AgreementInput("Pia ringer til skolen", kind, who(office, responsible), DUE, agreement_key=key),
    )
    with office.ctx.sessions.begin() as s:
        made = task_from_agreement(s, office.case_id, key, local_today())
    assert made.created
    with office.ctx.sessions() as s:
        task = task_row(s, made.task_id)
    assert (task.what, task.due_date, task.assigned_to_id) == (
        "Pia ringer til skolen",
        DUE,
        getattr(office, assignee),
    )
    assert (task.case_id, task.source, task.source_ref) == (office.case_id, TaskSource.AGREEMENT, key)


def test_a_member_or_a_professionals_agreement_is_the_coordinators_to_follow_up(office: Office) -> None:
    key = new_agreement_key()
    with office.ctx.sessions() as s:
        case = s.get(Case, office.case_id)
        assert case is not None and case.family_id is not None
        member = s.scalar(select(FamilyMember.citizen_id).where(FamilyMember.family_id == case.family_id))
    agreements(
        office,
        AgreementInput("Mor ringer til lægen", ResponsibleKind.MEMBER, member, None, agreement_key=key),
    )
    with office.ctx.sessions() as s:
        data = agreement_task(s, office.case_id, key)
    assert (data.assigned_to_id, data.due_date, data.what) == (office.me, None, "Mor ringer til lægen")


@pytest.mark.parametrize("times", [2, 3, 5])
def test_the_same_agreement_twice_makes_no_second_open_task(office: Office, times: int) -> None:
    key = new_agreement_key()
    agreements(
        office,
        AgreementInput(
            "Ring til skolen", ResponsibleKind.COORDINATOR, office.partner, DUE, agreement_key=key
        ),
    )
    made = []
    for _ in range(times):
        with office.ctx.sessions.begin() as s:
            made.append(task_from_agreement(s, office.case_id, key, local_today()))
    assert [m.created for m in made] == [True] + [False] * (times - 1)
    assert {m.task_id for m in made} == {made[0].task_id}
    assert open_count(office) == 1
    # Once done, the agreement may give a new task (it was opened again, say).
    with office.ctx.sessions.begin() as s:
        set_task_done(s, made[0].task_id, True, None, now_utc())
    with office.ctx.sessions.begin() as s:
        again = task_from_agreement(s, office.case_id, key, local_today())
    assert again.created and again.task_id != made[0].task_id
    assert open_count(office) == 1


def test_the_dialogs_save_of_a_task_from_a_source_is_refused_while_one_is_open(office: Office) -> None:
    """The dialog saves through create_task: a second task from the same agreement is refused
    there too, naming the open one (also when given to someone else)."""
    key = new_agreement_key()
    agreements(office, AgreementInput("Ring", ResponsibleKind.COORDINATOR, office.me, DUE, agreement_key=key))
    with office.ctx.sessions.begin() as s:
        first = create_task(s, agreement_task(s, office.case_id, key), local_today())
    with office.ctx.sessions.begin() as s:
        data = agreement_task(s, office.case_id, key)
        with pytest.raises(TaskExistsError) as exc:
            create_task(s, replace(data, assigned_to_id=office.partner), local_today())
    assert exc.value.task_id == first
    assert open_count(office) == 1


@pytest.mark.parametrize(
    "key",
    ["", "no-such-key", "4dbadb0c-fe0d-43ab-9a17-8fa7680a82a0"],
    ids=["empty", "unknown", "well-formed"],
)
def test_an_agreement_not_in_the_stored_plan_is_named_plainly(office: Office, key: str) -> None:
    agreements(
        office,
        AgreementInput(
            "Ring", ResponsibleKind.COORDINATOR, office.me, DUE, agreement_key=new_agreement_key()
        ),
    )
    with pytest.raises(SourceNotFoundError, match="stored plan"), office.ctx.sessions.begin() as s:
        task_from_agreement(s, office.case_id, key, local_today())
    assert open_count(office) == 0


def test_the_agreement_as_stored_now_gives_the_words(office: Office) -> None:
    key = new_agreement_key()
    agreements(
        office,
        AgreementInput("Gammel aftale", ResponsibleKind.COORDINATOR, office.partner, DUE, agreement_key=key),
    )
    agreements(
        office,
        AgreementInput(
            "Ny ordlyd", ResponsibleKind.COORDINATOR, office.partner, DUE, AgreementStatus.OPEN, key
        ),
    )
    with office.ctx.sessions() as s:
        assert agreement_task(s, office.case_id, key).what == "Ny ordlyd"


# -- deadlines and the follow-up date ----------------------------------------------------------


def test_a_deadline_becomes_a_task_once(office: Office) -> None:
    due = local_today() - timedelta(days=3)
    with office.ctx.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == office.case_id).values(follow_up_due=due))
    with office.ctx.sessions() as s:
        deadlines = deadlines_for_case(s, office.case_id, local_today())
    assert deadlines
    keys = [deadline_key(d) for d in deadlines]
    assert len(set(keys)) == len(keys) and all(len(k) <= 100 for k in keys)
    deadline = deadlines[0]
    for attempt in range(3):
        with office.ctx.sessions.begin() as s:
            made = task_from_deadline(s, office.case_id, deadline_key(deadline), local_today())
        assert made.created == (attempt == 0)
    with office.ctx.sessions() as s:
        task = task_row(s, made.task_id)
        assert deadline_key(deadlines_for_case(s, office.case_id, local_today())[0]) == deadline_key(deadline)
    assert (task.due_date, task.source, task.assigned_to_id) == (deadline.due, TaskSource.DEADLINE, office.me)
    assert deadline.law_reference in task.what
    assert open_count(office) == 1
    with pytest.raises(SourceNotFoundError), office.ctx.sessions.begin() as s:
        task_from_deadline(s, office.case_id, "CASE-FOLLOW-UP|0|2001-01-01|x", local_today())


@pytest.mark.parametrize("offset", [-30, -1, 0, 1, 42])
def test_the_follow_up_date_becomes_a_task_once(office: Office, offset: int) -> None:
    due = local_today() + timedelta(days=offset)
    with office.ctx.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == office.case_id).values(follow_up_due=due))
    made = []
    for _ in range(2):
        with office.ctx.sessions.begin() as s:
            made.append(task_from_follow_up(s, office.case_id, local_today(), assigned_to_id=office.partner))
    assert [m.created for m in made] == [True, False] and made[0].task_id == made[1].task_id
    with office.ctx.sessions() as s:
        task = task_row(s, made[0].task_id)
    assert (task.what, task.due_date, task.source_ref, task.assigned_to_id) == (
        FOLLOW_UP_WHAT,
        due,
        due.isoformat(),
        office.partner,
    )
    # The follow-up moves on: the next date is a new step.
    with office.ctx.sessions.begin() as s:
        s.execute(
            update(Case).where(Case.id == office.case_id).values(follow_up_due=due + timedelta(days=42))
        )
    with office.ctx.sessions.begin() as s:
        assert task_from_follow_up(s, office.case_id, local_today(), "Opfølgningsmøde").created
    assert open_count(office) == 2


def test_a_case_without_a_follow_up_date_gives_no_task(office: Office) -> None:
    with office.ctx.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == office.case_id).values(follow_up_due=None))
    with pytest.raises(SourceNotFoundError, match="no follow-up"), office.ctx.sessions.begin() as s:
        task_from_follow_up(s, office.case_id, local_today())
    assert open_count(office) == 0


def test_two_clients_making_the_same_task_at_once_make_one(office: Office) -> None:
    """Two caseworkers press "Create task" on the same agreement at the same moment: the case
    is locked while one looks for an open task, so the other finds it and makes none."""
    import threading

    from app.startup import open_context

    key = new_agreement_key()
    agreements(
        office,
        AgreementInput("Ring til skolen", ResponsibleKind.COORDINATOR, office.me, DUE, agreement_key=key),
    )
    url = office.ctx.engine.url.render_as_string(hide_password=False)
    if office.ctx.store_kind == "sqlite":
        url = str(office.ctx.engine.url.database)
    clients = [open_context(url, login=login) for login in ("tester", "pia")]

    def press(client, barrier: threading.Barrier, made: list[bool]) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        with client.sessions.begin() as s:
            made.append(task_from_agreement(s, office.case_id, key, local_today()).created)

    try:
        for _round in range(5):
            barrier, made = threading.Barrier(2), []
            threads = [threading.Thread(target=press, args=(client, barrier, made)) for client in clients]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert sorted(made) == [False, True]
            assert open_count(office) == 1
            with office.ctx.sessions.begin() as s:  # done: the next round may make a new one
                open_id = s.scalar(select(Task.id).where(Task.done_at.is_(None)))
                set_task_done(s, open_id, True, None, now_utc())
    finally:
        for client in clients:
            client.close()
