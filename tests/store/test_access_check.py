"""The owner is not a quiet back door: every change to the access rules made by hand (by
the tables' owner or a superuser) is named by the access check that verify-audit runs."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from app.store import access_check
from app.store.engine import create_store_engine
from tests.shared_server import SharedStore

pytestmark = pytest.mark.postgres

NEW_MY_CASES = (
    "CREATE OR REPLACE FUNCTION koordinator_my_cases() RETURNS integer[] LANGUAGE sql STABLE "
    "SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT coalesce(array_agg(id), '{{}}') FROM cases $$"
)


def _check(store: SharedStore, *statements: str) -> access_check.AccessCheck:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement.format(anna=store.logins["anna"]))
        with engine.connect() as conn:
            return access_check.check(conn)
    finally:
        engine.dispose()


def test_what_the_program_put_in_place_checks_clean(shared_store: SharedStore) -> None:
    result = _check(shared_store)
    assert result.recorded and result.recorded_hash_matches_log and result.differences == ()
    assert result.ok


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (
            ["ALTER TABLE audit_events DISABLE TRIGGER koordinator_audit_no_update"],
            "trigger public.audit_events",
        ),
        (["GRANT SELECT ON citizens TO koordinator_caseworker"], "table public.citizens"),
        (['GRANT SELECT ON citizens TO "{anna}"'], "table public.citizens"),
        ([NEW_MY_CASES], "function public.koordinator_my_cases()"),
        (['GRANT koordinator_admin TO "{anna}"'], "member koordinator_admin>"),
        (
            ["ALTER TABLE cases ENABLE ROW LEVEL SECURITY", "CREATE POLICY peek ON cases USING (true)"],
            "policy cases.peek",
        ),
        (["ALTER TABLE cases ENABLE ROW LEVEL SECURITY"], "table public.cases"),
        (["CREATE TABLE copy_of_citizens AS SELECT * FROM citizens"], "table public.copy_of_citizens"),
        (["DROP TRIGGER koordinator_write ON koordinator_reach_{anna}.cases"], "trigger koordinator_reach_"),
        (
            ["ALTER FUNCTION koordinator_my_cases() SECURITY INVOKER"],
            "function public.koordinator_my_cases()",
        ),
    ],
)
def test_a_change_by_hand_is_named(shared_store: SharedStore, statements: list[str], named: str) -> None:
    result = _check(shared_store, *statements)
    assert not result.ok
    assert any(str(d).startswith(named) for d in result.differences), result.differences


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE koordinator_access_rules SET hash = 'x' WHERE name LIKE 'function%%'",
        "DELETE FROM koordinator_access_rules WHERE name LIKE 'trigger%%'",
        "INSERT INTO koordinator_access_rules VALUES ('table public.extra', 'x')",
    ],
)
def test_the_kept_list_cannot_be_edited_to_match(shared_store: SharedStore, statement: str) -> None:
    result = _check(shared_store, statement)
    assert not result.recorded_hash_matches_log
    assert not result.ok


def test_verify_audit_names_a_change_by_hand_and_fails(shared_store: SharedStore, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli.cli import main

    assert main(["verify-audit", "--db", shared_store.admin_url]) == 0
    assert "Access rules: as the program put them in place" in capsys.readouterr().out
    _check(shared_store, "ALTER TABLE audit_events DISABLE TRIGGER koordinator_audit_no_update")
    assert main(["verify-audit", "--db", shared_store.admin_url]) == 1
    out = capsys.readouterr().out
    assert (
        "ACCESS RULES CHANGED BY HAND: trigger public.audit_events.koordinator_audit_no_update changed" in out
    )


def test_another_databases_caseworkers_coming_and_going_change_nothing_here(
    shared_store: SharedStore,
) -> None:
    """Group roles belong to the whole server: a caseworker added to (or removed from) another
    Koordinator database on it is no change to this store's access rules — until it may
    connect here."""
    other = f"{shared_store.prefix}_elsewhere"
    database = make_url(shared_store.admin_url).database
    try:
        result = _check(
            shared_store, f'CREATE ROLE "{other}" LOGIN', f'GRANT koordinator_caseworker TO "{other}"'
        )
        assert result.differences == ()
        result = _check(shared_store, f'DROP ROLE "{other}"')
        assert result.differences == ()
        result = _check(
            shared_store,
            f'CREATE ROLE "{other}" LOGIN',
            f'GRANT koordinator_caseworker TO "{other}"',
            f'GRANT CONNECT ON DATABASE "{database}" TO "{other}"',
        )
        assert any(d.name == f"member koordinator_caseworker>{other}" for d in result.differences)
    finally:
        _check(
            shared_store,
            f"DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{other}') THEN "
            f'REVOKE CONNECT ON DATABASE "{database}" FROM "{other}"; DROP ROLE "{other}"; END IF; END $$',
        )
