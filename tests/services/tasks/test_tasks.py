"""Tasks on both stores: made, changed against their version, done and not done with who and
when, the lists (a case's, mine, those I gave others), who they may be given to, reminders,
and the audit log's entries (never the task's words)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.models import AuditEvent, Case, Task
from app.models.enums import CaseStatus, TaskSource
from app.services.common.clock import local_today, now_utc
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import Problem, ValidationError
from app.services.tasks.tasks import (
    AssigneeKind,
    OpenTask,
    TaskInput,
    assignee_choices,
    case_tasks,
    create_task,
    due_reminders,
    given_tasks,
    my_tasks,
    open_tasks_for,
    set_task_done,
    task_row,
    update_task,
    validate_task,
)
from tests.services.tasks.conftest import Office


def today() -> date:
    return local_today()


def make(office: Office, what: str = "Ring til skolen", **changes: object) -> int:
    values: dict[str, object] = {"what": what, "case_id": office.case_id, "assigned_to_id": office.me}
    values.update(changes)
    with office.ctx.sessions.begin() as s:
        return create_task(s, TaskInput(**values), today())  # type: ignore[arg-type]


def row(office: Office, task_id: int):  # type: ignore[no-untyped-def]
    with office.ctx.sessions() as s:
        return task_row(s, task_id)


def problems_of(exc: pytest.ExceptionInfo[ValidationError]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in exc.value.problems}


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"what": ""}, ("what", Problem.REQUIRED)),
        ({"what": "   "}, ("what", Problem.REQUIRED)),
        ({"what": "x" * 2001}, ("what", Problem.TOO_LONG)),
        ({"note": "x" * 20001}, ("note", Problem.TOO_LONG)),
        ({"assigned_to_id": None}, ("assigned_to", Problem.REQUIRED)),
        ({"due_date": date(2040, 1, 1)}, ("due_date", Problem.OUT_OF_RANGE)),
        ({"due_date": date(2001, 1, 1)}, ("due_date", Problem.OUT_OF_RANGE)),
        ({"remind_at": datetime(2226, 1, 1, tzinfo=UTC)}, ("remind_at", Problem.OUT_OF_RANGE)),
        ({"source": TaskSource.AGREEMENT, "source_ref": ""}, ("source_ref", Problem.REQUIRED)),
        ({"source": TaskSource.FOLLOW_UP, "source_ref": "x", "case_id": None}, ("case", Problem.REQUIRED)),
    ],
)
def test_input_that_cannot_be_stored_is_named_by_field(
    changes: dict[str, object], expected: tuple[str, Problem]
) -> None:
    values: dict[str, object] = {"what": "Ring", "case_id": 1, "assigned_to_id": 1}
    values.update(changes)
    problems = validate_task(TaskInput(**values), date(2026, 12, 3))  # type: ignore[arg-type]
    assert expected in {(p.field, p.problem) for p in problems}


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"case_id": None},
        {"due_date": date(2026, 12, 3)},
        {"due_date": date(2036, 11, 30)},
        {"remind_at": datetime(2026, 12, 3, 8, 0, tzinfo=UTC)},
        {"note": "x" * 20000, "what": "y" * 2000},
    ],
)
def test_valid_input_has_no_problems(changes: dict[str, object]) -> None:
    values: dict[str, object] = {"what": "Ring", "case_id": 1, "assigned_to_id": 1}
    values.update(changes)
    assert validate_task(TaskInput(**values), date(2026, 12, 3)) == []  # type: ignore[arg-type]


def test_a_naive_reminder_is_a_program_fault_not_a_user_problem() -> None:
    with pytest.raises(ValueError, match="aware"):
        validate_task(TaskInput("Ring", 1, None, 1, datetime(2026, 12, 3, 9, 0)), date(2026, 12, 3))


# -- making and changing -------------------------------------------------------------------


def test_a_task_is_stored_as_given(office: Office) -> None:
    remind = now_utc().replace(microsecond=0) + timedelta(hours=2)
    task_id = make(
        office,
        "  Ring til skolen om Ida  ",
        due_date=date(2026, 12, 5),
        remind_at=remind,
        note=" Spørg om fravær ",
    )
    got = row(office, task_id)
    assert (got.what, got.note, got.due_date, got.remind_at) == (
        "Ring til skolen om Ida",
        "Spørg om fravær",
        date(2026, 12, 5),
        remind,
    )
    assert (got.case_id, got.assigned_to_id, got.assignee) == (
        office.case_id,
        office.me,
        office.ctx.user.full_name,
    )
    assert got.case_number.startswith("K-") and got.case_title == "Familien Østergaard"
    assert (got.done, got.done_by, got.source, got.created_by, got.version) == (
        False,
        "",
        TaskSource.MANUAL,
        "tester",
        1,
    )


@pytest.mark.parametrize("who", ["me", "partner", "colleague"])
def test_a_task_may_be_given_to_me_the_partner_or_a_colleague(office: Office, who: str) -> None:
    user = getattr(office, who)
    assert row(office, make(office, assigned_to_id=user)).assigned_to_id == user


@pytest.mark.parametrize("who", ["gone", "reader"])
def test_nobody_who_cannot_do_it_is_given_a_task(office: Office, who: str) -> None:
    with pytest.raises(ValidationError) as exc:
        make(office, assigned_to_id=getattr(office, who))
    assert problems_of(exc) == {("assigned_to", Problem.REQUIRED)}
    with office.ctx.sessions() as s:
        assert s.scalar(select(Task.id)) is None


def test_a_task_of_no_case_is_mine_to_keep(office: Office) -> None:
    task_id = make(office, "Bestil kursus", case_id=None)
    got = row(office, task_id)
    assert (got.case_id, got.case_number, got.case_title) == (None, "", "")


def test_a_closed_case_takes_no_new_task_and_its_tasks_do_not_change(office: Office) -> None:
    task_id = make(office)
    with office.ctx.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == office.case_id).values(status=CaseStatus.CLOSED))
    with pytest.raises(ValidationError) as exc:
        make(office)
    assert problems_of(exc) == {("case", Problem.CASE_CLOSED)}
    with pytest.raises(ValidationError), office.ctx.sessions.begin() as s:
        set_task_done(s, task_id, True, None, now_utc())
    with pytest.raises(ValidationError), office.ctx.sessions.begin() as s:
        update_task(s, task_id, TaskInput("Andet", office.case_id, None, office.me), None, today())
    assert not row(office, task_id).done


def test_an_unknown_case_is_refused(office: Office) -> None:
    with pytest.raises(ValidationError) as exc:
        make(office, case_id=office.case_id + 999)
    assert problems_of(exc) == {("case", Problem.REQUIRED)}


def test_a_change_is_checked_against_the_version_read(office: Office) -> None:
    task_id = make(office)
    with office.ctx.sessions.begin() as s:
        update_task(
            s,
            task_id,
            TaskInput("Ring til skolen igen", office.case_id, date(2026, 12, 9), office.partner),
            1,
            today(),
        )
    got = row(office, task_id)
    assert (got.what, got.due_date, got.assigned_to_id, got.version) == (
        "Ring til skolen igen",
        date(2026, 12, 9),
        office.partner,
        2,
    )
    with pytest.raises(ConcurrentEditError), office.ctx.sessions.begin() as s:
        update_task(s, task_id, TaskInput("Mit gamle syn", office.case_id, None, office.me), 1, today())
    with pytest.raises(ConcurrentEditError), office.ctx.sessions.begin() as s:
        set_task_done(s, task_id, True, 1, now_utc())
    assert row(office, task_id).what == "Ring til skolen igen"
    with pytest.raises(RowGoneError), office.ctx.sessions.begin() as s:
        update_task(s, task_id + 99, TaskInput("x", office.case_id, None, office.me), None, today())


def test_a_task_keeps_an_assignee_who_has_left_until_it_is_given_to_another(office: Office) -> None:
    task_id = make(office, assigned_to_id=office.colleague)
    with office.ctx.sessions.begin() as s:
        s.execute(update(Task).where(Task.id == task_id).values(assigned_to_id=office.gone))
    with office.ctx.sessions.begin() as s:
        update_task(s, task_id, TaskInput("Nyt ord", office.case_id, None, office.gone), None, today())
    with pytest.raises(ValidationError), office.ctx.sessions.begin() as s:
        update_task(s, task_id, TaskInput("Nyt ord", office.case_id, None, office.reader), None, today())
    assert row(office, task_id).assigned_to_id == office.gone


def test_done_and_not_done_say_who_and_when(office: Office) -> None:
    task_id = make(office)
    moment = now_utc()
    with office.ctx.sessions.begin() as s:
        set_task_done(s, task_id, True, 1, moment)
    got = row(office, task_id)
    assert (got.done, got.done_at, got.done_by, got.done_by_name) == (
        True,
        moment,
        "tester",
        office.ctx.user.full_name,
    )
    with office.ctx.sessions.begin() as s:  # done twice: nothing changes
        set_task_done(s, task_id, True, None, moment + timedelta(hours=1))
    assert row(office, task_id).done_at == moment
    with office.ctx.sessions.begin() as s:
        set_task_done(s, task_id, False, got.version, moment)
    again = row(office, task_id)
    assert (again.done, again.done_at, again.done_by) == (False, None, "")


# -- lists -----------------------------------------------------------------------------------


def test_the_lists_put_what_is_due_first(office: Office) -> None:
    day = today()
    later = make(office, "Senere", due_date=day + timedelta(days=5))
    undated = make(office, "Uden dato")
    overdue = make(office, "For sent", due_date=day - timedelta(days=2))
    due_today = make(office, "I dag", due_date=day)
    done = make(office, "Gjort", due_date=day - timedelta(days=9))
    partners = make(office, "Pias", assigned_to_id=office.partner, due_date=day)
    mine_elsewhere = make(office, "Uden sag", case_id=None, due_date=day + timedelta(days=1))
    with office.ctx.sessions.begin() as s:
        set_task_done(s, done, True, None, now_utc())
    with office.ctx.sessions() as s:
        assert [r.id for r in case_tasks(s, office.case_id)] == [
            overdue,
            due_today,
            partners,
            later,
            undated,
            done,
        ]
        assert [r.id for r in case_tasks(s, office.case_id, include_done=False)] == [
            overdue,
            due_today,
            partners,
            later,
            undated,
        ]
        assert [r.id for r in my_tasks(s, office.me)] == [overdue, due_today, mine_elsewhere, later, undated]
        assert [r.id for r in given_tasks(s, office.me, "tester")] == [partners]
        assert [r.id for r in my_tasks(s, office.partner)] == [partners]
        lines = open_tasks_for(s, office.me, day)
    assert lines[0] == OpenTask(
        overdue,
        "For sent",
        office.case_id,
        lines[0].case_number,
        "Familien Østergaard",
        day - timedelta(days=2),
        True,
    )
    assert [line.overdue for line in lines] == [True, False, False, False, False]
    assert lines[2].case_id is None and lines[2].case_number == ""


def test_a_closed_cases_tasks_leave_the_lists_of_open_tasks(office: Office) -> None:
    task_id = make(office, due_date=today() - timedelta(days=1))
    with office.ctx.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == office.case_id).values(status=CaseStatus.CLOSED))
    with office.ctx.sessions() as s:
        assert my_tasks(s, office.me) == []
        assert [r.id for r in case_tasks(s, office.case_id)] == [task_id]
        assert case_tasks(s, office.case_id)[0].case_closed


def test_who_a_task_may_be_given_to(office: Office) -> None:
    with office.ctx.sessions() as s:
        with_case = assignee_choices(s, office.me, office.case_id)
        without = assignee_choices(s, office.me, None)
        as_partner = assignee_choices(s, office.partner, office.case_id)
    assert [(a.user_id, a.kind) for a in with_case] == [
        (office.me, AssigneeKind.ME),
        (office.partner, AssigneeKind.PARTNER),
        (office.colleague, AssigneeKind.COLLEAGUE),
    ]
    assert [(a.user_id, a.kind) for a in without] == [
        (office.me, AssigneeKind.ME),
        (office.colleague, AssigneeKind.COLLEAGUE),
        (office.partner, AssigneeKind.COLLEAGUE),
    ]
    assert [(a.user_id, a.kind) for a in as_partner][:2] == [
        (office.partner, AssigneeKind.ME),
        (office.me, AssigneeKind.COORDINATOR),
    ]
    every = {a.user_id for a in with_case + without + as_partner}
    assert office.gone not in every and office.reader not in every


def test_reminders_come_due_in_their_window_only(office: Office) -> None:
    now = now_utc().replace(microsecond=0)
    soon = make(office, "Om lidt", remind_at=now + timedelta(minutes=1))
    past = make(office, "Før", remind_at=now - timedelta(minutes=30))
    make(office, "Til Pia", remind_at=now + timedelta(minutes=1), assigned_to_id=office.partner)
    done = make(office, "Gjort", remind_at=now + timedelta(minutes=1))
    make(office, "Ingen påmindelse")
    with office.ctx.sessions.begin() as s:
        set_task_done(s, done, True, None, now)
    with office.ctx.sessions() as s:
        assert [r.id for r in due_reminders(s, office.me, now, now + timedelta(minutes=2))] == [soon]
        assert [r.id for r in due_reminders(s, office.me, now - timedelta(hours=1), now)] == [past]
        assert due_reminders(s, office.me, now + timedelta(minutes=1), now + timedelta(minutes=2)) == []


# -- the audit log ---------------------------------------------------------------------------


def test_every_change_and_read_is_logged_without_the_tasks_words(office: Office) -> None:
    secret = "Ring til Idas psykiater om medicinen"
    task_id = make(office, secret, note="Fortroligt: diagnose")
    with office.ctx.sessions.begin() as s:
        update_task(
            s, task_id, TaskInput(secret + "!", office.case_id, date(2026, 12, 7), office.me), None, today()
        )
    with office.ctx.sessions.begin() as s:
        set_task_done(s, task_id, True, None, now_utc())
    with office.ctx.sessions() as s:
        case_tasks(s, office.case_id)
        my_tasks(s, office.me)
    with office.ctx.sessions() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.object_type.in_(["task", "tasks"]))).all()
    seen = [(e.action, e.object_type, e.object_id, e.case_id) for e in events]
    assert seen == [
        ("create", "task", task_id, office.case_id),
        ("change", "task", task_id, office.case_id),
        ("change", "task", task_id, office.case_id),
        ("open_case", "tasks", office.case_id, office.case_id),
        ("search", "tasks", None, None),
    ]
    assert json.loads(events[1].details)["fields"] == ["what", "due_date", "note"]
    assert json.loads(events[2].details) == {"done": True, "fields": ["done"]}
    for event in events:
        assert "Ring" not in (event.details or "") and "diagnose" not in (event.details or "")


def test_nothing_is_half_stored_when_a_task_is_refused(office: Office) -> None:
    with pytest.raises(ValidationError), office.ctx.sessions.begin() as s:
        create_task(s, TaskInput("Ring", office.case_id, None, office.gone), today())
    with office.ctx.sessions() as s:
        assert s.scalar(select(Task.id)) is None
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.object_type == "task")) is None
