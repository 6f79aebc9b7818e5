"""A second hostile review of the reach design (issue 13): attacks beyond the battery in
test_hostile_roles.py, by a caseworker with her own login and psql.

Tests marked ``xfail(strict=True)`` document an attack that succeeds today: each asserts what
must hold, so it starts passing (and the strict xfail fails) once the fault is fixed —
then remove the mark. The unmarked tests are regressions for attack classes that held."""

from __future__ import annotations

import contextlib
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

from app.store import access_check
from app.store.engine import create_store_engine
from tests.shared_server import SharedStore, drop_shared_store, make_shared_store
from tests.store.test_hostile_roles import DATA_TABLES, _admin, _team_b_people, psql

pytestmark = pytest.mark.postgres

_NOW = "now(), now(), '', ''"  # created_at, updated_at, created_by, updated_by (the server stamps them)
NEW_FAMILY = f"INSERT INTO families (name, version, created_at, updated_at, created_by, updated_by) VALUES (%s, 1, {_NOW}) RETURNING id"
NEW_MEMBER = (
    "INSERT INTO family_members (family_id, citizen_id, relation, custody, lives_in_household, position, "
    f"version, created_at, updated_at, created_by, updated_by) VALUES (%s, %s, 'other', false, false, 0, 1, {_NOW})"
)
_CITIZEN_COLUMNS = (
    "cpr, first_name, last_name, birth_date, address, postcode, city, phone, email, language, "
    "interpreter_needed, version, created_at, updated_at, created_by, updated_by"
)
_CITIZEN_VALUES = f"'', 'X', 'Y', date '1980-01-01', '', '', '', '', '', 'da', false, 1, {_NOW}"
NEW_CITIZEN = f"INSERT INTO citizens ({_CITIZEN_COLUMNS}) VALUES ({_CITIZEN_VALUES}) RETURNING id"
NEW_CITIZEN_WITH_ID = (
    f"INSERT INTO citizens (id, {_CITIZEN_COLUMNS}) VALUES (%s, {_CITIZEN_VALUES}) RETURNING id"
)


def _anna_citizen(store: SharedStore) -> int:
    """A person in Anna's own case (Lise's family, the first case)."""
    return int(
        _admin(
            store,
            "SELECT fm.citizen_id FROM cases c JOIN family_members fm ON fm.family_id = c.family_id "
            "WHERE c.id = :c ORDER BY fm.citizen_id LIMIT 1",
            c=store.cases["A"][0],
        )[0][0]
    )


def _outcome(conn: psycopg.Connection, sql: str, *params: object) -> str:
    """What a statement tells its caller: 'ok' or the error's class (rolled back either way)."""
    conn.execute("SAVEPOINT probe")
    try:
        conn.execute(sql, params)
        return "ok"
    except psycopg.Error as exc:
        return type(exc).__name__
    finally:
        conn.execute("ROLLBACK TO SAVEPOINT probe")


def _refusal(conn: psycopg.Connection, sql: str, *params: object) -> str:
    """The same on a connection in autocommit: 'ok' or the error's class."""
    try:
        conn.execute(sql, params)
        return "ok"
    except psycopg.Error as exc:
        return type(exc).__name__


def _professional_of_team_b_alone(store: SharedStore) -> int:
    rows = _admin(
        store,
        "SELECT p.id FROM professionals p WHERE EXISTS (SELECT 1 FROM case_professionals cp WHERE "
        "cp.professional_id = p.id AND cp.case_id = ANY(:b)) AND NOT EXISTS (SELECT 1 FROM case_professionals cp "
        "WHERE cp.professional_id = p.id AND cp.case_id = ANY(:a)) "
        "AND NOT EXISTS (SELECT 1 FROM interventions x WHERE x.professional_id = p.id AND x.case_id = ANY(:a)) "
        "ORDER BY p.id LIMIT 1",
        a=store.cases["A"],
        b=store.cases["B"],
    )
    assert rows
    return int(rows[0][0])


# -- (a) learning and (b) changing outside reach ---------------------------------------------


def test_a_shadow_family_does_not_keep_reach_after_a_hand_over(shared_store: SharedStore) -> None:
    person = _anna_citizen(shared_store)
    case_id = shared_store.cases["A"][0]
    with psql(shared_store, "anna") as conn:
        shadow = conn.execute(NEW_FAMILY, ("shadow",)).fetchone()[0]
        conn.execute(NEW_MEMBER, (shadow, person))
        conn.execute(
            "SELECT koordinator_reach.koordinator_hand_over(%s, %s, %s, NULL)",
            (case_id, shared_store.logins["bo"], "Bo tager over."),
        )
        assert conn.execute("SELECT count(*) FROM cases WHERE id = %s", (case_id,)).fetchone() == (0,)
        # Renewed before the window ends: a new shadow family, the same person — refused,
        # the person is no longer hers.
        renewed = conn.execute(NEW_FAMILY, ("shadow 2",)).fetchone()[0]
        assert _refusal(conn, NEW_MEMBER, renewed, person) == "InsufficientPrivilege"
    _admin(
        shared_store,
        "UPDATE families SET created_at = now() - interval '1 hour' WHERE id = :f RETURNING id",
        f=shadow,
    )
    with psql(shared_store, "anna") as conn:
        seen = conn.execute("SELECT cpr, last_name FROM citizens WHERE id = %s", (person,)).fetchall()
        changed = conn.execute(
            "UPDATE citizens SET address = 'Anna was here' WHERE id = %s", (person,)
        ).rowcount
    assert seen == [] and changed == 0


def test_an_explicit_id_tells_nothing_about_hidden_rows(shared_store: SharedStore) -> None:
    hidden = _team_b_people(shared_store)[0][0]
    free = int(_admin(shared_store, "SELECT max(id) + 1000 FROM citizens")[0][0])
    with psql(shared_store, "anna", autocommit=False) as conn:
        assert _outcome(conn, NEW_CITIZEN_WITH_ID, free) == "ok"
        assert _outcome(conn, NEW_CITIZEN_WITH_ID, hidden) == "ok"  # today: UniqueViolation


def test_an_explicit_id_does_not_make_anothers_insert_fail(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna", autocommit=False) as conn:
        probe = conn.execute(NEW_CITIZEN).fetchone()[0]  # learns where the sequence is
        conn.rollback()
        for ahead in range(1, 4):
            conn.execute(NEW_CITIZEN_WITH_ID, (probe + ahead,))
        conn.commit()
    with psql(shared_store, "bo") as conn:
        conn.execute(NEW_CITIZEN)


def test_a_case_number_tells_nothing_about_another_teams_cases(shared_store: SharedStore) -> None:
    numbers_b = [
        r[0]
        for r in _admin(
            shared_store, "SELECT number FROM cases WHERE id = ANY(:b)", b=shared_store.cases["B"]
        )
    ]
    mine = shared_store.cases["A"][1]
    with psql(shared_store, "anna", autocommit=False) as conn:
        free = _outcome(conn, "UPDATE cases SET number = 'K-1999-0001' WHERE id = %s", mine)
        taken = _outcome(conn, "UPDATE cases SET number = %s WHERE id = %s", numbers_b[0], mine)
    assert free == taken


def test_the_next_case_number_cannot_be_taken_in_advance(shared_store: SharedStore) -> None:
    year = 2026
    next_number = int(
        _admin(shared_store, "SELECT last + 1 FROM case_number_counters WHERE year = :y", y=year)[0][0]
    )
    with psql(shared_store, "anna") as conn:
        conn.execute(
            "UPDATE cases SET number = %s WHERE id = %s",
            (f"K-{year}-{next_number:04d}", shared_store.cases["A"][1]),
        )
    with psql(shared_store, "bo") as conn:
        number = conn.execute(
            "SELECT koordinator_reach.koordinator_next_case_number(%s)", (year,)
        ).fetchone()[0]
    assert _admin(shared_store, "SELECT count(*) FROM cases WHERE number = :n", n=number) == [(0,)]


def test_case_numbers_cannot_be_exhausted(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna") as conn:
        first = conn.execute("SELECT koordinator_reach.koordinator_next_case_number(2027)").fetchone()[0]
        burn = 9999 - int(first[-4:])
        conn.execute(
            "SELECT count(koordinator_reach.koordinator_next_case_number(2027)) FROM generate_series(1, %s)",
            (burn,),
        )
    with psql(shared_store, "bo") as conn:
        a, b = (
            conn.execute("SELECT koordinator_reach.koordinator_next_case_number(2027)").fetchone()[0]
            for _ in range(2)
        )
    assert a != b and a > first and b > first


def test_a_hand_over_from_psql_is_logged(shared_store: SharedStore) -> None:
    case_id = shared_store.cases["A"][0]
    with psql(shared_store, "anna") as conn:
        conn.execute(
            "SELECT koordinator_reach.koordinator_hand_over(%s, %s, %s, NULL)",
            (case_id, shared_store.logins["bo"], "Bo tager over."),
        )
    assert _admin(
        shared_store,
        "SELECT count(*) FROM audit_events WHERE action = 'hand_over' AND case_id = :c",
        c=case_id,
    ) == [(1,)]


def test_a_refused_professional_tells_nothing_about_other_teams(shared_store: SharedStore) -> None:
    used_by_b = _professional_of_team_b_alone(shared_store)
    unused = _admin(
        shared_store,
        "INSERT INTO professionals (name, organisation, role, sector, phone, email, version, created_at, "
        "updated_at, created_by, updated_by) SELECT 'Ny', '', '', sector, '', '', 1, now(), now(), 'x', 'x' "
        "FROM professionals LIMIT 1 RETURNING id",
    )[0][0]
    with psql(shared_store, "anna", autocommit=False) as conn:
        for sql in (
            "UPDATE professionals SET phone = phone WHERE id = %s",
            "DELETE FROM professionals WHERE id = %s",
        ):
            assert _outcome(conn, sql, unused) == _outcome(conn, sql, used_by_b) != "ok", sql


# -- (c) disturbing others --------------------------------------------------------------------


def _bo_waits(store: SharedStore, sql: str, *params: object) -> bool:
    """Whether Bo's statement waits more than a second for a lock."""
    with psql(store, "bo") as bo:
        bo.execute("SET lock_timeout = '1s'")
        try:
            bo.execute(sql, params)
        except psycopg.errors.LockNotAvailable:
            return True
    return False


def test_holding_the_case_number_counter_stops_no_one(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna", autocommit=False) as anna:
        anna.execute("SET idle_in_transaction_session_timeout = 0")  # a role's own setting
        anna.execute("SELECT koordinator_reach.koordinator_next_case_number(2026)")
        assert not _bo_waits(shared_store, "SELECT koordinator_reach.koordinator_next_case_number(2026)")
        anna.rollback()


def test_holding_the_audit_lock_stops_no_one(shared_store: SharedStore) -> None:
    """Anna writes an entry and keeps her transaction open: Bo's entries go on being written
    (into the inbox, without waiting), and are chained once she is gone; the log verifies."""
    from app.cli.cli import main

    with psql(shared_store, "anna", autocommit=False) as anna:
        anna.execute("SET idle_in_transaction_session_timeout = 0")
        anna.execute("SELECT koordinator_audit('open_case', 'case', NULL, NULL, NULL, '', '', '')")
        for _ in range(3):
            assert not _bo_waits(
                shared_store, "SELECT koordinator_audit('open_case', 'case', NULL, NULL, NULL, '', 'bo', '')"
            )
        anna.rollback()
    with psql(shared_store, "bo") as bo:  # the next entry chains what waited
        bo.execute("SELECT koordinator_audit('open_case', 'case', NULL, NULL, NULL, '', 'bo', '')")
    assert _admin(shared_store, "SELECT count(*) FROM audit_events WHERE search_term = 'bo'") == [(4,)]
    assert main(["verify-audit", "--db", shared_store.admin_url]) == 0


def test_a_professional_she_may_not_change_is_not_hers_to_lock(shared_store: SharedStore) -> None:
    professional = _professional_of_team_b_alone(shared_store)
    with psql(shared_store, "anna", autocommit=False) as anna:
        anna.execute("SET idle_in_transaction_session_timeout = 0")
        anna.execute("SELECT koordinator_reach.koordinator_lock('professionals', %s)", (professional,))
        waited = _bo_waits(
            shared_store,
            "INSERT INTO case_professionals (case_id, professional_id, note, version, created_at, updated_at, "
            f"created_by, updated_by) VALUES (%s, %s, '', 1, {_NOW})",
            shared_store.cases["B"][0],
            professional,
        )
        anna.rollback()
    assert not waited


def test_a_caseworker_cannot_write_the_access_rules_entry(shared_store: SharedStore) -> None:
    engine = create_store_engine(make_url(shared_store.admin_url))
    try:
        with engine.begin() as conn:
            assert access_check.check(conn).ok
        with psql(shared_store, "anna") as anna, contextlib.suppress(psycopg.errors.InsufficientPrivilege):
            anna.execute(
                "SELECT koordinator_audit('access_rules', 'server', NULL, NULL, NULL, '', '', %s)",
                ('{"hash": "forged", "entries": 1}',),
            )
        with engine.begin() as conn:
            assert access_check.check(conn).ok
    finally:
        engine.dispose()


def test_a_caseworker_cannot_take_the_servers_resources(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna") as conn:
        limit = conn.execute("SELECT rolconnlimit FROM pg_roles WHERE rolname = session_user").fetchone()[0]
        temp = conn.execute("SELECT has_database_privilege(current_database(), 'TEMP')").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TEMP TABLE filler AS SELECT g FROM generate_series(1, 1000) g")
    assert limit != -1 and not temp


def test_another_database_on_the_server_is_closed(shared_store: SharedStore, postgres_url: str) -> None:
    admin = psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True)
    other_name = f"koordinator_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{other_name}"')
    other = None
    try:
        other = make_shared_store(make_url(postgres_url).set(database=other_name).render_as_string(False))
        url = make_url(shared_store.url_for("anna"))
        dsn = f"host={url.host} port={url.port or 5432} user={url.username} dbname={other_name}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            directory = conn.execute("SELECT count(*) FROM public.users").fetchone()[0]
            conn.execute("SELECT public.koordinator_audit('lookup', 'citizen', 1, 1, NULL, '', '', '')")
        assert directory == 0
    except (psycopg.errors.InsufficientPrivilege, psycopg.OperationalError) as exc:
        assert "permission denied" in str(exc)
    finally:
        if other is not None:
            drop_shared_store(other)
        admin.execute(f'DROP DATABASE IF EXISTS "{other_name}" WITH (FORCE)')
        admin.close()


# -- classes that held ------------------------------------------------------------------------


def test_every_definer_function_fixes_its_search_path_and_staff_create_nothing(
    shared_store: SharedStore,
) -> None:
    with psql(shared_store, "anna") as conn:
        loose = conn.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND NOT EXISTS "
            "(SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%%pg_temp')"
        ).fetchall()
        writable = conn.execute(
            "SELECT nspname FROM pg_namespace WHERE has_schema_privilege(oid, 'CREATE') AND nspname NOT LIKE 'pg_temp%%'"
        ).fetchall()
        assert loose == [] and writable == []
        assert conn.execute("SELECT has_database_privilege(current_database(), 'CREATE')").fetchone() == (
            False,
        )


def test_shadowing_names_in_pg_temp_changes_nothing(shared_store: SharedStore) -> None:
    """Temporary tables and functions with the names the definer functions use."""
    with psql(shared_store, "anna") as conn:
        before = conn.execute("SELECT id FROM cases ORDER BY id").fetchall()
        for sql in (
            "CREATE TEMP TABLE cases AS SELECT g AS id FROM generate_series(1, 100) g",
            "CREATE TEMP TABLE users (id int, team text, login text, active bool, role text)",
            "CREATE FUNCTION pg_temp.koordinator_my_cases() RETURNS integer[] LANGUAGE sql "
            "AS $$ SELECT array_agg(g) FROM generate_series(1, 100) g $$",
        ):
            assert _refusal(conn, sql) in ("ok", "InsufficientPrivilege")  # refused: no TEMP
        schema = conn.execute("SELECT (current_schemas(false))[1]").fetchone()[0]
        after = conn.execute(f'SELECT id FROM "{schema}".cases ORDER BY id').fetchall()
        assert after == before
        assert conn.execute(
            "SELECT koordinator_reach.koordinator_lock('cases', %s)", (shared_store.cases["B"][0],)
        ).fetchone() == (False,)


def test_locks_and_rows_out_of_reach_answer_like_absent_ones(shared_store: SharedStore) -> None:
    hidden_case = shared_store.cases["B"][0]
    with psql(shared_store, "anna", autocommit=False) as conn:
        for table in (
            "users",
            "audit_events",
            "case_number_counters",
            "cases; DROP TABLE x",
            "koordinator_secret",
        ):
            assert (
                _outcome(conn, "SELECT koordinator_reach.koordinator_lock(%s, 1)", table)
                == "InsufficientPrivilege"
            )
        for case_id in (hidden_case, 999_999):
            assert conn.execute(
                "SELECT koordinator_reach.koordinator_lock('cases', %s)", (case_id,)
            ).fetchone() == (False,)
            assert conn.execute("UPDATE cases SET title = 'x' WHERE id = %s", (case_id,)).rowcount == 0
            assert conn.execute("DELETE FROM cases WHERE id = %s", (case_id,)).rowcount == 0
        conn.rollback()
    assert not _bo_waits(shared_store, "UPDATE cases SET title = title WHERE id = %s", hidden_case)


def test_references_to_hidden_rows_are_refused_like_absent_ones(shared_store: SharedStore) -> None:
    """Every reference column the battery does not try: the refusal is the same for a hidden
    row and for an id that exists nowhere (no foreign-key DETAIL)."""
    hidden = {
        "goal": _admin(
            shared_store,
            "SELECT g.id FROM goals g JOIN plan_versions p ON p.id = g.plan_version_id WHERE p.case_id = ANY(:b) LIMIT 1",
            b=shared_store.cases["B"],
        ),
        "meeting": _admin(
            shared_store, "SELECT id FROM meetings WHERE case_id = ANY(:b) LIMIT 1", b=shared_store.cases["B"]
        ),
        "citizen": [(_team_b_people(shared_store)[0][0],)],
    }
    mine = shared_store.cases["A"][0]
    attacks = [
        ("UPDATE goals SET parent_id = %s WHERE id IN (SELECT id FROM goals LIMIT 1)", "goal"),
        (
            "UPDATE plan_versions SET meeting_id = %s WHERE id IN (SELECT id FROM plan_versions LIMIT 1)",
            "meeting",
        ),
        (
            "UPDATE consents SET given_by_citizen_id = %s WHERE id IN (SELECT id FROM consents LIMIT 1)",
            "citizen",
        ),
        (
            "UPDATE agreements SET responsible_citizen_id = %s WHERE id IN (SELECT id FROM agreements LIMIT 1)",
            "citizen",
        ),
        (
            "UPDATE meeting_participants SET citizen_id = %s WHERE id IN (SELECT id FROM meeting_participants LIMIT 1)",
            "citizen",
        ),
        ("UPDATE cases SET citizen_id = %s WHERE id = " + str(mine), "citizen"),
    ]
    with psql(shared_store, "anna", autocommit=False) as conn:
        for sql, kind in attacks:
            assert hidden[kind], kind
            assert _outcome(conn, sql, hidden[kind][0][0]) == _outcome(conn, sql, 999_999), sql


def test_a_raising_function_in_her_query_sees_only_her_rows(shared_store: SharedStore) -> None:
    """The leaky-function trick: a function of hers that raises on every row it is shown."""
    with psql(shared_store, "anna") as conn:
        made = _refusal(
            conn,
            "CREATE FUNCTION pg_temp.peek(c text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS "
            "$$ BEGIN RAISE NOTICE 'saw %%', c; RETURN true; END $$",
        )
        if made != "ok":  # no TEMP on the database: she cannot make a function at all
            assert made == "InsufficientPrivilege"
            return
        conn.execute(
            "CREATE FUNCTION pg_temp.peek(c text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS "
            "$$ BEGIN RAISE NOTICE 'saw %', c; RETURN true; END $$"
        )
        seen: list[str] = []
        conn.add_notice_handler(lambda d: seen.append(d.message_primary or ""))
        for table in DATA_TABLES:
            column = "cpr" if table == "citizens" else "id::text"
            conn.execute(f"SELECT 1 FROM {table} WHERE pg_temp.peek({column})").fetchall()
        hidden_cprs = {cpr for _i, cpr, _n in _team_b_people(shared_store)}
        assert not [s for s in seen if s.removeprefix("saw ") in hidden_cprs]


def test_two_sessions_do_not_share_a_shadow_of_anothers_data(shared_store: SharedStore) -> None:
    """Bo's pending rows are not Anna's, even within the 15 minutes, and Anna cannot tie Bo's
    fresh person into her family by its id."""
    with psql(shared_store, "bo") as bo:
        fresh = bo.execute(NEW_CITIZEN).fetchone()[0]
    with psql(shared_store, "anna", autocommit=False) as anna:
        assert anna.execute("SELECT count(*) FROM citizens WHERE id = %s", (fresh,)).fetchone() == (0,)
        family = anna.execute(NEW_FAMILY, ("f",)).fetchone()[0]
        assert _outcome(anna, NEW_MEMBER, family, fresh) == "InsufficientPrivilege"
        anna.rollback()
