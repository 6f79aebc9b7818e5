"""The team's reach on a shared server (issue 16), through each caseworker's own login, with
the program and with plain SQL: a deputy reaches the cases an absence covers while it lasts
(and not before or after); after a hand-over the old team reads the case — and changes
nothing — until the read-only period ends; nobody plans another's absence, forges a
hand-over or rewrites its note."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, User
from app.models.enums import AbsenceKind
from app.services.common.validation import ValidationError
from app.services.team.absences import AbsenceInput, plan_absence
from app.services.team.hand_over import hand_over, mark_hand_over_read, unread_hand_over
from app.startup import session_factory
from app.store.reach_sql import CASE_FACTS, REACH_SCHEMA
from tests.shared_server import SharedStore

pytestmark = pytest.mark.postgres

# The server's day is Copenhagen's (reach_team.TODAY_SQL); the tests ask the server for it.


def _admin(store: SharedStore, sql: str, **params: object) -> list[tuple]:
    return store.admin_sql(sql, **params)


def _server_today(store: SharedStore) -> date:
    return _admin(store, "SELECT (now() AT TIME ZONE 'Europe/Copenhagen')::date")[0][0]


def _ids(store: SharedStore) -> dict[str, int]:
    rows = _admin(store, "SELECT login, id FROM users")
    by_login = dict(rows)
    return {who: int(by_login[login]) for who, login in store.logins.items()}


def _psql(store: SharedStore, who: str) -> psycopg.Connection:
    return store.psql(who)


def _sessions(store: SharedStore, who: str) -> Iterator[Session]:
    engine = store.engine_for(who)
    try:
        with session_factory(engine, user=store.logins[who]).begin() as session:
            yield session
    finally:
        engine.dispose()


def _coordinated_by(store: SharedStore, who: str) -> set[int]:
    ids = _ids(store)
    return {int(r[0]) for r in _admin(store, "SELECT id FROM cases WHERE coordinator_id = :u", u=ids[who])}


def _absence_sql(
    store: SharedStore, absent: str, deputy: str, start: date, end: date, all_cases: bool = True
) -> int:
    ids = _ids(store)
    return int(
        _admin(
            store,
            "INSERT INTO absences (user_id, deputy_id, kind, starts_on, ends_on, all_cases, note, version, "
            "created_at, updated_at, created_by, updated_by) VALUES (:u, :d, 'holiday', :s, :e, :a, '', 1, "
            "now(), now(), 'it', 'it') RETURNING id",
            u=ids[absent],
            d=ids[deputy],
            s=start,
            e=end,
            a=all_cases,
        )[0][0]
    )


# -- cover while away -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "covered"),
    [
        (0, 6, True),  # this week, from today
        (-6, 0, True),  # the last day is today
        (-3, 3, True),
        (1, 7, False),  # not begun
        (-7, -1, False),  # ended yesterday: it ends by itself
        (-30, -20, False),
    ],
)
def test_a_deputy_reaches_the_absent_ones_cases_while_the_absence_lasts(
    shared_store: SharedStore, start: int, end: int, covered: bool
) -> None:
    today = _server_today(shared_store)
    annas = _coordinated_by(shared_store, "anna")
    assert annas
    before = shared_store.reached_cases("bo")
    assert not annas & before  # another team's
    _absence_sql(shared_store, "anna", "bo", today + timedelta(days=start), today + timedelta(days=end))
    reached = shared_store.reached_cases("bo")
    if covered:
        assert reached == before | annas
        # ... and not the cases of Anna's teammates, which Bo does not cover
        assert not (reached - before - annas)
    else:
        assert reached == before


def test_a_deputy_for_some_cases_reaches_those_alone_and_may_work_on_them(shared_store: SharedStore) -> None:
    today = _server_today(shared_store)
    annas = sorted(_coordinated_by(shared_store, "anna"))
    absence = _absence_sql(shared_store, "anna", "bo", today, today + timedelta(days=7), all_cases=False)
    _admin(
        shared_store,
        "INSERT INTO absence_cases (absence_id, case_id, version, created_at, updated_at, created_by, updated_by) "
        "VALUES (:a, :c, 1, now(), now(), 'it', 'it')",
        a=absence,
        c=annas[0],
    )
    before = set(shared_store.cases["B"])
    assert shared_store.reached_cases("bo") == before | {annas[0]}
    with _psql(shared_store, "bo") as conn:
        assert conn.execute("UPDATE cases SET closing_reason = '' WHERE id = %s", (annas[0],)).rowcount == 1
        # the case list's columns answer for the covered case too: the kept CPR date through
        # the view, the per-case function's "turning 18" (every case has people)
        assert conn.execute("SELECT cpr6 FROM cases WHERE id = %s", (annas[0],)).fetchone()[0] is not None
        assert set(CASE_FACTS) == {"case_next_meeting", "case_turning_18"}
        turning = f"SELECT {REACH_SCHEMA}.case_turning_18(%s, '1900-01-01'::date, '2100-01-01'::date)"
        assert conn.execute(turning, (annas[0],)).fetchone()[0] is not None


@pytest.mark.parametrize("who", ["bo", "ali", "reader"])
def test_nobody_plans_another_caseworkers_absence_to_reach_their_cases(
    shared_store: SharedStore, who: str
) -> None:
    """Bo (another team), Ali (Anna's teammate, not a lead) and a read-only login cannot make
    themselves Anna's deputy with plain SQL; nothing is stored."""
    ids = _ids(shared_store)
    today = _server_today(shared_store)
    with _psql(shared_store, who) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO absences (user_id, deputy_id, kind, starts_on, ends_on, all_cases, note, version, "
            "created_at, updated_at, created_by, updated_by) VALUES (%s, %s, 'holiday', %s, %s, true, '', 1, "
            "now(), now(), '', '')",
            (ids["anna"], ids[who], today, today + timedelta(days=3)),
        )
    assert _admin(shared_store, "SELECT count(*) FROM absences") == [(0,)]


def test_the_absent_one_and_their_team_lead_plan_the_cover_with_the_program(
    shared_store: SharedStore,
) -> None:
    ids = _ids(shared_store)
    today = _server_today(shared_store)
    for who in ("anna", "lead_a"):
        for session in _sessions(shared_store, who):
            plan_absence(
                session,
                AbsenceInput(ids["anna"], ids["bo"], AbsenceKind.COURSE, today, today + timedelta(days=2)),
                today,
            )
    assert _admin(shared_store, "SELECT count(*) FROM absences WHERE user_id = :u", u=ids["anna"]) == [(2,)]
    # Anna cannot move her absence onto a colleague's name afterwards
    with _psql(shared_store, "anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE absences SET user_id = %s", (ids["ali"],))
    # the program refuses a deputy who is the absent one
    for session in _sessions(shared_store, "anna"):
        with pytest.raises(ValidationError):
            plan_absence(
                session, AbsenceInput(ids["anna"], ids["anna"], AbsenceKind.HOLIDAY, today, today), today
            )


# -- hand-over: the note, the read-only period --------------------------------------------------


def test_after_a_hand_over_the_old_team_reads_but_changes_nothing_until_the_period_ends(
    shared_store: SharedStore,
) -> None:
    ids = _ids(shared_store)
    today = _server_today(shared_store)
    case_id = sorted(_coordinated_by(shared_store, "anna"))[0]
    for session in _sessions(shared_store, "anna"):
        done = hand_over(
            session,
            case_id,
            shared_store.logins["bo"],
            "Mor venter svar om skolen.",
            today,
            today + timedelta(days=7),
        )
    assert done.to_login == shared_store.logins["bo"]
    for who in ("anna", "ali"):
        assert case_id in shared_store.reached_cases(who), who
        with _psql(shared_store, who) as conn:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute("UPDATE cases SET closing_reason = 'x' WHERE id = %s", (case_id,))
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO journal_entries (case_id, kind, occurred_at, author_id, subject, text, version, "
                    "created_at, updated_at, created_by, updated_by) VALUES (%s, 'phone', now(), %s, '', 'x', 1, "
                    "now(), now(), '', '')",
                    (case_id, ids[who]),
                )
            with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor hand it on again
                conn.execute(
                    f"SELECT {REACH_SCHEMA}.koordinator_hand_over(%s, %s, 'n', NULL)",
                    (case_id, shared_store.logins["ali"]),
                )
    # Bo reads the note first, once
    for session in _sessions(shared_store, "bo"):
        note = unread_hand_over(session, case_id, ids["bo"])
        assert note is not None and note.note == "Mor venter svar om skolen."
        mark_hand_over_read(session, note.id, ids["bo"])
    for session in _sessions(shared_store, "bo"):
        assert unread_hand_over(session, case_id, ids["bo"]) is None
    # the period ends: the old team reads nothing more
    _admin(
        shared_store,
        "UPDATE case_hand_overs SET read_only_until = :d WHERE case_id = :c",
        d=today - timedelta(days=1),
        c=case_id,
    )
    for who in ("anna", "ali"):
        assert case_id not in shared_store.reached_cases(who), who
    assert case_id in shared_store.reached_cases("bo")


@pytest.mark.parametrize(
    ("note", "days", "error"),
    [
        ("", None, psycopg.errors.InvalidParameterValue),
        ("   ", None, psycopg.errors.InvalidParameterValue),
        ("ok", 91, psycopg.errors.InvalidParameterValue),
        ("ok", 400, psycopg.errors.InvalidParameterValue),
        ("ok", -1, psycopg.errors.InvalidParameterValue),
    ],
)
def test_a_hand_over_without_a_note_or_with_a_long_read_only_period_is_refused(
    shared_store: SharedStore, note: str, days: int | None, error: type[Exception]
) -> None:
    today = _server_today(shared_store)
    case_id = sorted(_coordinated_by(shared_store, "anna"))[0]
    until = today + timedelta(days=days) if days is not None else None
    with _psql(shared_store, "anna") as conn, pytest.raises(error):
        conn.execute(
            f"SELECT {REACH_SCHEMA}.koordinator_hand_over(%s, %s, %s, %s)",
            (case_id, shared_store.logins["bo"], note, until),
        )
    assert _admin(shared_store, "SELECT count(*) FROM case_hand_overs") == [(0,)]


def test_nobody_forges_a_hand_over_or_rewrites_its_note(shared_store: SharedStore) -> None:
    ids = _ids(shared_store)
    today = _server_today(shared_store)
    case_id = sorted(_coordinated_by(shared_store, "anna"))[0]
    with _psql(shared_store, "anna") as conn:
        # a made-up hand-over "from team B" would give team B reading: refused
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO case_hand_overs (case_id, from_user_id, to_user_id, from_team, handed_at, note, "
                "read_only_until, version, created_at, updated_at, created_by, updated_by) VALUES "
                "(%s, %s, %s, 'B', now(), 'x', %s, 1, now(), now(), '', '')",
                (case_id, ids["bo"], ids["anna"], today + timedelta(days=30)),
            )
        conn.execute(
            f"SELECT {REACH_SCHEMA}.koordinator_hand_over(%s, %s, 'Notat', NULL)",
            (case_id, shared_store.logins["ali"]),
        )
    for who, sql in (
        ("ali", "UPDATE case_hand_overs SET note = 'omskrevet'"),
        ("ali", "UPDATE case_hand_overs SET read_only_until = now()::date + 30"),
        ("ali", "DELETE FROM case_hand_overs"),
        ("lead_a", "UPDATE case_hand_overs SET seen_at = now()"),  # only the new coordinator
    ):
        with _psql(shared_store, who) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql)
    with _psql(shared_store, "ali") as conn:
        assert conn.execute("UPDATE case_hand_overs SET seen_at = now()").rowcount == 1
    assert _admin(shared_store, "SELECT note FROM case_hand_overs") == [("Notat",)]


def test_the_program_sees_the_same_reach_narrowed_to_a_case(shared_store: SharedStore) -> None:
    """The narrowing hint (reach.narrowed_to) checks each case by the same rule as the whole
    reach, for a deputy's and a read-only reader's cases too."""
    from app.store.reach import narrowed_to

    today = _server_today(shared_store)
    annas = sorted(_coordinated_by(shared_store, "anna"))
    _absence_sql(shared_store, "anna", "bo", today, today)
    for session in _sessions(shared_store, "anna"):
        hand_over(session, annas[-1], shared_store.logins["bo"], "N", today, today + timedelta(days=1))
    for who in ("bo", "anna", "ali"):
        reached = shared_store.reached_cases(who)
        every = [int(r[0]) for r in _admin(shared_store, "SELECT id FROM cases")]
        for session in _sessions(shared_store, who):
            for case_id in every:
                with narrowed_to(session, [case_id]):
                    seen = set(session.scalars(select(Case.id)))
                assert seen == ({case_id} & reached), (who, case_id)
    assert User  # the model is imported for the program's sessions


def test_the_team_lead_overview_on_the_server_counts_the_teams_cases_and_no_others(
    shared_store: SharedStore,
) -> None:
    """Team A's lead sees Anna's, Ali's and her own rows, with every counted case of team A
    behind their caseload figures — read through her own login, nothing of team B."""
    from app.services.team.overview import Figure, team_overview

    ids = _ids(shared_store)
    today = _server_today(shared_store)
    team_a = set(shared_store.cases["A"])
    counted = {
        int(r[0]) for r in _admin(shared_store, "SELECT id FROM cases WHERE status IN ('active', 'paused')")
    }
    for session in _sessions(shared_store, "lead_a"):
        overview = team_overview(session, today, "A")
        assert {r.user_id for r in overview.rows} == {ids["anna"], ids["ali"], ids["lead_a"]}
        behind = {c.id for r in overview.rows for c in overview.cases_behind(Figure.CASELOAD, r.user_id)}
        assert behind == team_a & counted
        assert not behind & set(shared_store.cases["B"])
