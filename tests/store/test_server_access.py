"""Access on the shared server is enforced by PostgreSQL itself: each caseworker's own
database role, forced row-level security, and nothing a client can SET gets around it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.services.cases.case_list import CaseListQuery, Scope, case_list_statement, fetch_case_rows
from app.services.cases.cases import create_case
from app.startup import open_context
from app.store.engine import create_store_engine
from app.store.errors import StoreUnavailableError
from app.store.reach_sql import READ_RULES
from app.store.server import add_caseworker
from tests.shared_server import SharedStore, a_parent_and_child

pytestmark = pytest.mark.postgres

CASE_TABLES = [t for t in READ_RULES if t != "professionals"]


def _count(store: SharedStore, who: str, sql: str, **params: object) -> int:
    engine = store.engine_for(who)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar() or 0)
    finally:
        engine.dispose()


def _b_family(store: SharedStore) -> tuple[int, int, str]:
    """Team B's first case: its id, its family id and a member's CPR (read by IT)."""
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT c.id, c.family_id, ci.cpr FROM cases c JOIN family_members fm "
                    "ON fm.family_id = c.family_id JOIN citizens ci ON ci.id = fm.citizen_id "
                    "WHERE c.id = ANY(:ids) AND ci.cpr IS NOT NULL ORDER BY c.id LIMIT 1"
                ),
                {"ids": store.cases["B"]},
            ).one()
            return int(row[0]), int(row[1]), str(row[2])
    finally:
        engine.dispose()


def _name_by_admin(store: SharedStore, cpr: str, first: bool = True) -> str:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.connect() as conn:
            return str(
                conn.execute(
                    text(
                        "SELECT first_name || ' ' || last_name FROM citizens WHERE cpr = :c ORDER BY id LIMIT 1"
                    ),
                    {"c": cpr},
                ).scalar()
            )
    finally:
        engine.dispose()


def test_a_caseworker_reads_only_their_teams_cases_with_their_own_sql(shared_store: SharedStore) -> None:
    case_b, family_b, cpr_b = _b_family(shared_store)
    assert _count(shared_store, "anna", "SELECT count(*) FROM cases") == len(shared_store.cases["A"])
    assert _count(shared_store, "bo", "SELECT count(*) FROM cases") == len(shared_store.cases["B"])
    # Hand-written SQL for team B's family finds nothing, table by table.
    assert _count(shared_store, "anna", "SELECT count(*) FROM cases WHERE id = :i", i=case_b) == 0
    assert _count(shared_store, "anna", "SELECT count(*) FROM families WHERE id = :i", i=family_b) == 0
    assert (
        _count(shared_store, "anna", "SELECT count(*) FROM family_members WHERE family_id = :i", i=family_b)
        == 0
    )
    assert _count(shared_store, "anna", "SELECT count(*) FROM citizens WHERE cpr = :c", c=cpr_b) == 0
    for table in ("interventions", "meetings", "plan_versions", "goal_scores", "consents"):
        sql = f"SELECT count(*) FROM {table} WHERE case_id = :i"
        assert _count(shared_store, "anna", sql, i=case_b) == 0, table
        assert _count(shared_store, "bo", sql, i=case_b) == _count(shared_store, "admin", sql, i=case_b)
    assert _count(shared_store, "bo", "SELECT count(*) FROM citizens WHERE cpr = :c", c=cpr_b) == 1
    # The same query through a join or a sub-select is filtered too.
    sql = "SELECT count(*) FROM goals g JOIN plan_versions p ON p.id = g.plan_version_id WHERE p.case_id = :i"
    assert _count(shared_store, "admin", sql, i=case_b) > 0
    assert _count(shared_store, "anna", sql, i=case_b) == 0
    # A team colleague's cases are reached; the team lead's too; an admin reaches all.
    all_cases = len(shared_store.cases["A"]) + len(shared_store.cases["B"])
    assert _count(shared_store, "ali", "SELECT count(*) FROM cases") == len(shared_store.cases["A"])
    assert _count(shared_store, "lead_a", "SELECT count(*) FROM cases") == len(shared_store.cases["A"])
    assert _count(shared_store, "admin", "SELECT count(*) FROM cases") == all_cases


@pytest.mark.parametrize(
    "statement",
    [
        "SET ROLE {admin_group}",
        "SET ROLE {bo}",
        "SET ROLE postgres",
        "SET SESSION AUTHORIZATION {bo}",
        "SET row_security = off",
    ],
)
def test_set_cannot_get_around_the_policies(shared_store: SharedStore, statement: str) -> None:
    case_b, _family, _cpr = _b_family(shared_store)
    engine = shared_store.engine_for("anna")
    try:
        with engine.connect() as conn:
            sql = statement.format(admin_group="koordinator_admin", bo=shared_store.logins["bo"])
            try:
                conn.exec_driver_sql(sql)
            except DBAPIError:
                conn.rollback()  # refused: the session is still anna's
            else:
                # Accepted (row_security = off changes nothing here): the row stays out of reach.
                assert (
                    conn.execute(text("SELECT count(*) FROM cases WHERE id = :i"), {"i": case_b}).scalar()
                    == 0
                )
            assert conn.exec_driver_sql("SELECT current_user").scalar() == shared_store.logins["anna"]
            assert conn.execute(text("SELECT count(*) FROM cases WHERE id = :i"), {"i": case_b}).scalar() == 0
    finally:
        engine.dispose()


def test_session_variables_are_not_a_way_in(shared_store: SharedStore) -> None:
    """A shared login plus SET app.x would be no boundary; the policies do not read one."""
    case_b, _family, _cpr = _b_family(shared_store)
    engine = shared_store.engine_for("anna")
    try:
        with engine.connect() as conn:
            for name in ("koordinator.user", "koordinator.client", "app.login", "app.team"):
                conn.execute(
                    text("SELECT set_config(:n, :v, false)"), {"n": name, "v": shared_store.logins["bo"]}
                )
            conn.execute(text("SELECT set_config('koordinator.team', 'B', false)"))
            assert conn.execute(text("SELECT count(*) FROM cases WHERE id = :i"), {"i": case_b}).scalar() == 0
    finally:
        engine.dispose()


def test_writes_to_another_teams_rows_change_nothing(shared_store: SharedStore) -> None:
    case_b, family_b, _cpr = _b_family(shared_store)
    engine = shared_store.engine_for("anna")
    try:
        with engine.begin() as conn:
            assert (
                conn.execute(text("UPDATE cases SET title = 'x' WHERE id = :i"), {"i": case_b}).rowcount == 0
            )
            assert conn.execute(text("DELETE FROM meetings WHERE case_id = :i"), {"i": case_b}).rowcount == 0
            assert conn.execute(text("UPDATE citizens SET phone = '1'")).rowcount > 0  # only her own
        assert (
            _count(
                shared_store, "admin", "SELECT count(*) FROM cases WHERE id = :i AND title = 'x'", i=case_b
            )
            == 0
        )
        assert _count(shared_store, "admin", "SELECT count(*) FROM citizens WHERE phone = '1'") < _count(
            shared_store, "admin", "SELECT count(*) FROM citizens"
        )
        # Opening a case of her own on team B's family would reach that family: refused.
        me = _count(shared_store, "anna", "SELECT id FROM users WHERE login = current_user")
        with pytest.raises(DBAPIError, match="your reach"), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO cases (number, title, family_id, coordinator_id, model, status, opened_on, "
                    "closing_reason, follow_up_interval_days, search_text, version, created_at, updated_at, "
                    "created_by, updated_by) VALUES ('K-2026-9999', 't', :f, :me, 'other', 'active', "
                    "current_date, '', 42, '', 1, now(), now(), current_user, current_user)"
                ),
                {"f": family_b, "me": me},
            )
        # Handing her own case to team B is refused too (the new row would be out of her reach).
        bo_id = _count(
            shared_store, "admin", "SELECT id FROM users WHERE login = :l", l=shared_store.logins["bo"]
        )
        mine = shared_store.cases["A"][0]
        with pytest.raises(DBAPIError, match="your reach"), engine.begin() as conn:
            conn.execute(text("UPDATE cases SET coordinator_id = :b WHERE id = :i"), {"b": bo_id, "i": mine})
    finally:
        engine.dispose()


def test_the_creator_of_a_row_cannot_be_changed(shared_store: SharedStore) -> None:
    """Access through ``created_by`` (rows not yet in a case) cannot be kept or taken."""
    engine = shared_store.engine_for("anna")
    try:
        with engine.begin() as conn:
            changed = conn.execute(
                text("UPDATE citizens SET created_by = current_user, phone = '2' WHERE phone <> '2'")
            ).rowcount
        assert changed > 0
    finally:
        engine.dispose()
    mine = _count(
        shared_store,
        "admin",
        "SELECT count(*) FROM citizens WHERE created_by = :l",
        l=shared_store.logins["anna"],
    )
    assert mine == 0
    assert _count(shared_store, "admin", "SELECT count(*) FROM citizens WHERE phone = '2'") == changed


def test_read_only_role_cannot_write_and_no_role_can_change_users(shared_store: SharedStore) -> None:
    engine = shared_store.engine_for("reader")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM cases").scalar() == len(shared_store.cases["A"])
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.exec_driver_sql("UPDATE cases SET title = 'x'")
    finally:
        engine.dispose()
    engine = shared_store.engine_for("anna")
    try:  # a caseworker moving herself to team B would read team B's cases
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.exec_driver_sql("UPDATE users SET team = 'B' WHERE login = current_user")
    finally:
        engine.dispose()


def test_staff_roles_have_no_privilege_on_any_table(shared_store: SharedStore) -> None:
    """Caseworkers, team leads and readers work through the reach views only: no table of
    the store is theirs (but the directories without citizen data)."""
    engine = create_store_engine(make_url(shared_store.admin_url))
    try:
        with engine.connect() as conn:
            tables = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            ]
            for group in ("koordinator_caseworker", "koordinator_teamlead", "koordinator_readonly"):
                for table in tables:
                    for privilege in (
                        "SELECT",
                        "INSERT",
                        "UPDATE",
                        "DELETE",
                        "TRUNCATE",
                        "REFERENCES",
                        "TRIGGER",
                    ):
                        allowed = conn.execute(
                            text("SELECT has_table_privilege(:g, :t, :p)"),
                            {"g": group, "t": f"public.{table}", "p": privilege},
                        ).scalar()
                        expected = privilege == "SELECT" and table in (
                            "users",
                            "law_sections",
                            "alembic_version",
                        )
                        assert allowed is expected, (group, table, privilege)
    finally:
        engine.dispose()
    for table in CASE_TABLES:
        with pytest.raises(DBAPIError, match="permission denied"):
            _count(shared_store, "anna", f"SELECT count(*) FROM public.{table}")


def test_case_list_query_costs_what_the_caseworker_reaches(shared_store: SharedStore) -> None:
    """20,000 cases in 40 teams: the case list of a caseworker reads through the reach
    functions only (no scan of a table in the plan the role can see), with a plan small and
    cheap enough that PostgreSQL's JIT would not start even where it is on."""
    admin = create_store_engine(make_url(shared_store.admin_url))
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO users (login, full_name, phone, email, department, team, role, active, "
                "version, created_at, updated_at, created_by, updated_by) SELECT 'bulk_' || g, "
                "'Bulk ' || g, '', '', '', 'T' || mod(g, 40), 'caseworker', true, 1, now(), now(), 'x', 'x' "
                "FROM generate_series(1, 400) g"
            )
            conn.exec_driver_sql(
                "INSERT INTO citizens (cpr, first_name, last_name, birth_date, address, postcode, city, "
                "phone, email, language, interpreter_needed, version, created_at, updated_at, created_by, "
                "updated_by) SELECT '55' || lpad(g::text, 8, '0'), 'F', 'Bulk ' || g, "
                "date '1980-01-01' + mod(g, 9000), '', '', '', '', '', 'da', false, 1, now(), now(), 'x', 'x' "
                "FROM generate_series(1, 20000) g"
            )
            conn.exec_driver_sql(
                "INSERT INTO cases (number, title, citizen_id, coordinator_id, model, status, opened_on, "
                "closing_reason, follow_up_interval_days, follow_up_due, search_text, version, created_at, "
                "updated_at, created_by, updated_by) SELECT 'K-2020-' || g, 'Bulk ' || g, "
                "(SELECT id FROM citizens WHERE cpr = '55' || lpad(g::text, 8, '0')), (SELECT id FROM users WHERE login = 'bulk_' || (1 + mod(g, 400))), 'other', 'active', "
                "date '2024-01-01', '', 42, date '2026-01-01' + mod(g, 700), 'bulk ' || g, 1, now(), now(), "
                "'x', 'x' FROM generate_series(1, 20000) g"
            )
            conn.exec_driver_sql("ANALYZE")
    finally:
        admin.dispose()
    ctx = open_context(shared_store.url_for("anna"))
    engine = ctx.engine
    try:
        now = datetime.now(UTC)
        for scope, search in ((Scope.ALL, ""), (Scope.MINE, ""), (Scope.ALL, "bulk 12")):
            query = CaseListQuery(
                today=date.today(), now=now, scope=scope, user_id=ctx.user.id, search=search
            )
            compiled = case_list_statement(query, reach=True).compile(dialect=engine.dialect)
            from app.services.cases.case_list import _parameters

            with engine.connect() as conn:
                plan = "\n".join(
                    row[0]
                    for row in conn.exec_driver_sql(
                        "EXPLAIN " + str(compiled), {**compiled.params, **_parameters(query)}
                    )
                )
            scans = re.findall(r"(\w[\w ]*Scan)(?: using \w+)? on (\w+)", plan)
            assert scans, plan
            for kind, relation in scans:
                assert kind == "Function Scan" or relation in ("users", "law_sections"), plan
            assert len(plan.splitlines()) < 120, plan
            top_cost = float(re.search(r"cost=[\d.]+\.\.([\d.]+)", plan).group(1))  # type: ignore[union-attr]
            assert top_cost < 100_000, plan  # jit_above_cost's default
        with ctx.sessions() as session:
            rows = fetch_case_rows(session, CaseListQuery(today=date.today(), now=now))
        assert {r.id for r in rows} == set(shared_store.cases["A"])
    finally:
        engine.dispose()


def test_the_program_as_a_caseworker_creates_a_case_and_is_known_by_its_role(
    shared_store: SharedStore,
) -> None:
    ctx = open_context(shared_store.url_for("anna"))
    try:
        assert ctx.user.login == shared_store.logins["anna"]
        data = a_parent_and_child("Test", ("Tove", "0101801234"), ("Tim", "0101151237"), ctx.user.id)
        with ctx.sessions.begin() as session:
            case = create_case(session, data, date(2026, 11, 24))
            number = case.number
        # Numbers come from the year's sequence on the server, not from the cases she can see.
        it = create_store_engine(make_url(shared_store.admin_url))  # the superuser, as IT
        try:
            with it.connect() as conn:
                last = int(
                    conn.exec_driver_sql("SELECT last_value FROM koordinator_case_numbers_2026").scalar()
                )
        finally:
            it.dispose()
        assert number == f"K-2026-{last:04d}"
        assert _count(shared_store, "admin", "SELECT count(*) FROM cases WHERE number = :n", n=number) == 1
        assert _count(shared_store, "bo", "SELECT count(*) FROM cases WHERE number = :n", n=number) == 0
        # A person registered in team B's case: she learns nothing of it — the person gets
        # a record of her own, with the name she typed, and team B's record is untouched.
        _case_b, _family_b, cpr_b = _b_family(shared_store)
        b_name = _name_by_admin(shared_store, cpr_b)
        data.members[1].cpr = cpr_b
        data.family_name = "Familien Anden"
        with ctx.sessions.begin() as session:
            create_case(session, data, date(2026, 11, 24))
        assert _count(shared_store, "anna", "SELECT count(*) FROM citizens WHERE cpr = :c", c=cpr_b) == 1
        assert _count(shared_store, "admin", "SELECT count(*) FROM citizens WHERE cpr = :c", c=cpr_b) == 2
        engine = shared_store.engine_for("anna")
        try:
            with engine.connect() as conn:
                seen = conn.execute(
                    text("SELECT first_name FROM citizens WHERE cpr = :c"), {"c": cpr_b}
                ).scalar()
        finally:
            engine.dispose()
        assert seen == "Tim"
        assert _name_by_admin(shared_store, cpr_b, first=True) == b_name
    finally:
        ctx.close()


def test_an_unregistered_login_gets_a_plain_message(shared_store: SharedStore) -> None:
    admin = create_store_engine(make_url(shared_store.admin_url))
    stranger = f"{shared_store.prefix}_stranger"
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{stranger}" LOGIN IN ROLE koordinator_caseworker')
        shared_store.logins["stranger"] = stranger
        with pytest.raises(StoreUnavailableError, match="add-caseworker"):
            open_context(shared_store.url_for("stranger"))
        # Once IT has added the user, the program opens.
        add_caseworker(admin, stranger, "Sara Stranger", team="A")
        ctx = open_context(shared_store.url_for("stranger"))
        assert ctx.user.full_name == "Sara Stranger"
        ctx.close()
    finally:
        admin.dispose()
