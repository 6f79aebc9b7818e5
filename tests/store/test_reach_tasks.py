"""Tasks on a shared server, through each caseworker's own login: a task of a case goes with
the case (the team's cases, and the cases one is partner on), a task of no case with the one
who made it and the one it is given to; nobody else reads or changes it, not with the
program and not with plain SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.models import Case, Task, User
from app.models.enums import ResponsibleKind
from app.services.cases.case_list import overdue_tasks
from app.services.common.clock import local_today, now_utc
from app.services.common.editing import RowGoneError
from app.services.common.validation import ValidationError
from app.services.plan.plans import AgreementInput, PlanDraft, new_agreement_key, save_draft, start_draft
from app.services.tasks.task_sources import task_from_agreement
from app.services.tasks.tasks import (
    TaskInput,
    case_tasks,
    create_task,
    my_tasks,
    set_task_done,
    task_row,
    update_task,
)
from app.startup import session_factory
from app.store.engine import create_store_engine
from tests.shared_server import SharedStore

pytestmark = pytest.mark.postgres


@contextmanager
def sessions_of(store: SharedStore, who: str) -> Iterator[sessionmaker[Session]]:
    """The program's sessions as ``who`` logs in to the server."""
    engine = store.engine_for(who)
    try:
        yield session_factory(engine, user=store.logins[who])
    finally:
        engine.dispose()


def user_ids(store: SharedStore) -> dict[str, int]:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with Session(engine) as s:
            return {
                who: int(s.scalar(select(User.id).where(User.login == login)) or 0)
                for who, login in store.logins.items()
            }
    finally:
        engine.dispose()


def admin_sql(store: SharedStore, sql: str, **params: object) -> list[tuple]:
    return store.admin_sql(sql, **params)


def make_as(store: SharedStore, who: str, data: TaskInput) -> int:
    with sessions_of(store, who) as sessions, sessions.begin() as s:
        return create_task(s, data, local_today())


def psql(store: SharedStore, who: str) -> psycopg.Connection:
    return store.psql(who)


@pytest.fixture(autouse=True)
def _no_tasks_yet(shared_store: SharedStore) -> None:
    """The store holds only the tasks each test makes (the demo makes some of its own)."""
    engine = create_engine(shared_store.admin_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM tasks"))
    finally:
        engine.dispose()


def test_a_task_goes_with_its_case_and_a_caseless_one_with_its_people(shared_store: SharedStore) -> None:
    ids = user_ids(shared_store)
    a_case, b_case = shared_store.cases["A"][0], shared_store.cases["B"][0]
    of_case = make_as(shared_store, "anna", TaskInput("Ring til skolen", a_case, None, ids["ali"]))
    anna_alone = make_as(shared_store, "anna", TaskInput("Bestil kursus", None, None, ids["anna"]))
    for_bo = make_as(shared_store, "anna", TaskInput("Send skema til Bo", None, None, ids["bo"]))
    of_b = make_as(shared_store, "bo", TaskInput("Bos egen", b_case, None, ids["bo"]))

    def visible(who: str) -> set[int]:
        with sessions_of(shared_store, who) as sessions, sessions() as s:
            return set(s.scalars(select(Task.id)))

    assert visible("anna") == {of_case, anna_alone, for_bo}
    assert visible("ali") == {of_case}  # the team's case; not Anna's own notes
    assert visible("lead_a") == {of_case}
    assert visible("bo") == {for_bo, of_b}  # given to him; his team's case
    with sessions_of(shared_store, "ali") as sessions, sessions() as s:
        assert [r.id for r in my_tasks(s, ids["ali"])] == [of_case]
        assert [r.id for r in case_tasks(s, a_case)] == [of_case]
        assert case_tasks(s, b_case) == []
    with sessions_of(shared_store, "bo") as sessions, sessions() as s:
        assert case_tasks(s, a_case) == []
        with pytest.raises(RowGoneError):
            task_row(s, of_case)


def test_another_teams_task_cannot_be_changed_or_made_through_the_program(shared_store: SharedStore) -> None:
    ids = user_ids(shared_store)
    a_case = shared_store.cases["A"][0]
    task_id = make_as(shared_store, "anna", TaskInput("Ring til skolen", a_case, None, ids["anna"]))
    with sessions_of(shared_store, "bo") as sessions:
        with pytest.raises(RowGoneError), sessions.begin() as s:
            update_task(s, task_id, TaskInput("Bo var her", a_case, None, ids["bo"]), None, local_today())
        with pytest.raises(RowGoneError), sessions.begin() as s:
            set_task_done(s, task_id, True, None, now_utc())
        with pytest.raises(ValidationError), sessions.begin() as s:
            create_task(s, TaskInput("Snige sig ind", a_case, None, ids["bo"]), local_today())
    assert admin_sql(shared_store, "SELECT what, done_at FROM tasks WHERE id = :t", t=task_id) == [
        ("Ring til skolen", None)
    ]
    assert admin_sql(shared_store, "SELECT count(*) FROM tasks") == [(1,)]


def test_a_hostile_login_reads_and_changes_no_other_teams_task_with_plain_sql(
    shared_store: SharedStore,
) -> None:
    ids = user_ids(shared_store)
    a_case, b_case = shared_store.cases["A"][0], shared_store.cases["B"][0]
    a_task = make_as(shared_store, "anna", TaskInput("Hemmelig opgave", a_case, None, ids["anna"]))
    anna_own = make_as(shared_store, "anna", TaskInput("Annas egen", None, None, ids["anna"]))
    b_task = make_as(shared_store, "bo", TaskInput("Bos opgave", b_case, None, ids["bo"]))
    with psql(shared_store, "bo") as conn:
        assert {r[0] for r in conn.execute("SELECT id FROM tasks").fetchall()} == {b_task}
        assert conn.execute("SELECT count(*) FROM tasks WHERE what LIKE %s", ("Hemmelig%",)).fetchone() == (
            0,
        )
        for sql, params in (
            ("UPDATE tasks SET what = 'x' WHERE id = %s", (a_task,)),
            ("UPDATE tasks SET assigned_to_id = %s WHERE id = %s", (ids["bo"], anna_own)),
            ("DELETE FROM tasks WHERE id = ANY(%s)", ([a_task, anna_own],)),
        ):
            assert conn.execute(sql, params).rowcount == 0, sql
        refused = [
            # a task into team A's case
            (
                "INSERT INTO tasks (case_id, what, note, assigned_to_id, done_by, source, source_ref, version, "
                "created_at, updated_at, created_by, updated_by) VALUES (%s, 'x', '', %s, '', 'manual', '', 1, "
                "now(), now(), 'x', 'x')",
                (a_case, ids["bo"]),
            ),
            # his own task moved into team A's case
            ("UPDATE tasks SET case_id = %s WHERE id = %s", (a_case, b_task)),
        ]
        for sql, params in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="reach"):
                conn.execute(sql, params)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM public.tasks")
    with psql(shared_store, "reader") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE tasks SET what = 'x' WHERE id = %s", (a_task,))
    assert admin_sql(shared_store, "SELECT id, case_id, what FROM tasks ORDER BY id") == [
        (a_task, a_case, "Hemmelig opgave"),
        (anna_own, None, "Annas egen"),
        (b_task, b_case, "Bos opgave"),
    ]


def test_an_agreement_becomes_the_partner_caseworkers_task_on_the_server(shared_store: SharedStore) -> None:
    """Bo (team B) is partner on one of Anna's cases: Anna's agreement "Bo calls the school"
    becomes his task, which he reaches and marks done; the same step again makes no second."""
    ids = user_ids(shared_store)
    a_case = shared_store.cases["A"][0]
    admin_sql(shared_store, "UPDATE cases SET partner_id = :b WHERE id = :c", b=ids["bo"], c=a_case)
    key = new_agreement_key()
    with sessions_of(shared_store, "anna") as sessions:
        with sessions.begin() as s:
            draft = start_draft(s, a_case)
            save_draft(
                s,
                draft,
                PlanDraft(
                    agreements=[
                        AgreementInput(
                            "Bo ringer til skolen",
                            ResponsibleKind.COORDINATOR,
                            ids["bo"],
                            date(2026, 12, 4),
                            agreement_key=key,
                        )
                    ]
                ),
                None,
            )
        with sessions.begin() as s:
            made = task_from_agreement(s, a_case, key, local_today())
        with sessions.begin() as s:
            again = task_from_agreement(s, a_case, key, local_today())
    assert made.created and not again.created and again.task_id == made.task_id
    with sessions_of(shared_store, "bo") as sessions:
        with sessions() as s:
            mine = my_tasks(s, ids["bo"])
        assert [(r.id, r.what, r.due_date, r.case_id) for r in mine] == [
            (made.task_id, "Bo ringer til skolen", date(2026, 12, 4), a_case)
        ]
        with sessions.begin() as s:
            set_task_done(s, made.task_id, True, mine[0].version, now_utc())
    assert admin_sql(shared_store, "SELECT done_by FROM tasks WHERE id = :t", t=made.task_id) == [
        (shared_store.logins["bo"],)
    ]


@pytest.mark.parametrize(
    ("offset", "flagged"), [(-1, True), (0, False), (1, False)], ids=["yesterday", "today", "tomorrow"]
)
def test_the_overdue_flag_through_reach_is_the_flag_cut_to_reach(
    shared_store: SharedStore, offset: int, flagged: bool
) -> None:
    ids = user_ids(shared_store)
    today = local_today()
    a_cases, b_cases = shared_store.cases["A"], shared_store.cases["B"]
    due = today + timedelta(days=offset)
    make_as(shared_store, "anna", TaskInput("Ring", a_cases[0], due, ids["anna"]))
    make_as(shared_store, "ali", TaskInput("Skriv", a_cases[1], today - timedelta(days=5), ids["ali"]))
    make_as(shared_store, "bo", TaskInput("Bos", b_cases[0], today - timedelta(days=5), ids["bo"]))
    every = a_cases + b_cases
    expected_a = ({a_cases[0]} if flagged else set()) | {a_cases[1]}
    engine = create_store_engine(make_url(shared_store.admin_url))
    try:
        with Session(engine) as s:  # IT: no rules
            assert overdue_tasks(s, today, every) == expected_a | {b_cases[0]}
    finally:
        engine.dispose()
    for who, expected in (("anna", expected_a), ("ali", expected_a), ("bo", {b_cases[0]})):
        with sessions_of(shared_store, who) as sessions, sessions() as s:
            assert overdue_tasks(s, today, every) == expected, who
            assert overdue_tasks(s, today, [a_cases[0]]) == (expected & {a_cases[0]}), who


def test_the_server_stamps_who_made_a_task(shared_store: SharedStore) -> None:
    ids = user_ids(shared_store)
    task_id = make_as(shared_store, "ali", TaskInput("Ring", shared_store.cases["A"][0], None, ids["anna"]))
    with psql(shared_store, "ali") as conn:
        conn.execute("UPDATE tasks SET created_by = 'someone_else' WHERE id = %s", (task_id,))
    assert admin_sql(shared_store, "SELECT created_by FROM tasks WHERE id = :t", t=task_id) == [
        (shared_store.logins["ali"],)
    ]
    with sessions_of(shared_store, "anna") as sessions, sessions() as s:
        assert s.scalar(select(Case.id).where(Case.id == shared_store.cases["A"][0])) is not None
        assert task_row(s, task_id).created_by == shared_store.logins["ali"]
