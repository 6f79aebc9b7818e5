"""A hostile caseworker with their own login and psql, on the real server: nothing is learned
about citizens outside their reach, nothing outside it is changed, and no one is disturbed.

Each attack below was tried against the design before the reach schema (issue 13); the
assertions say what must hold for this class of attack, whatever the next variant is."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from app.services.team.hand_over import hand_over
from app.startup import open_context
from app.store.engine import create_store_engine
from tests.shared_server import SharedStore, a_parent_and_child

pytestmark = pytest.mark.postgres

DATA_TABLES = (
    "cases", "families", "family_members", "citizens", "case_professionals", "goal_scores", "meetings",
    "plan_versions", "interventions", "transition_tracks", "consents", "intervention_slots",
    "meeting_participants", "transition_topics", "goals", "agreements", "plan_member_sections",
    "plan_offer_comments",
)  # fmt: skip


def _dsn(store: SharedStore, who: str) -> str:
    url = make_url(store.url_for(who))
    return f"host={url.host} port={url.port or 5432} user={url.username} dbname={url.database}"


@contextmanager
def psql(store: SharedStore, who: str, autocommit: bool = True) -> Iterator[psycopg.Connection]:
    """What a caseworker gets with their own login and psql."""
    conn = psycopg.connect(_dsn(store, who), autocommit=autocommit)
    try:
        yield conn
    finally:
        conn.close()


def _admin(store: SharedStore, sql: str, **params: object) -> list[tuple]:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.begin() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def _team_b_people(store: SharedStore) -> list[tuple[int, str, str]]:
    """(citizen id, CPR, last name) of every person in a team B case (IT's view)."""
    rows = _admin(
        store,
        "SELECT DISTINCT ci.id, ci.cpr, ci.last_name FROM cases c "
        "LEFT JOIN family_members fm ON fm.family_id = c.family_id "
        "JOIN citizens ci ON ci.id = coalesce(fm.citizen_id, c.citizen_id) "
        "WHERE c.id = ANY(:ids) AND ci.cpr IS NOT NULL",
        ids=store.cases["B"],
    )
    return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def _plan_shape(plan: object) -> object:
    """An EXPLAIN ANALYZE plan without its timings and buffers: what a query learns."""
    if isinstance(plan, dict):
        return {
            k: _plan_shape(v)
            for k, v in plan.items()
            if "Time" not in k and "Blocks" not in k and k not in ("Planning", "Execution")
        }
    if isinstance(plan, list):
        return [_plan_shape(v) for v in plan]
    return plan


def _explain(conn: psycopg.Connection, sql: str, *params: object) -> object:
    row = conn.execute("EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) " + sql, params).fetchone()
    assert row is not None
    return _plan_shape(row[0])


# -- nothing is learned ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM citizens WHERE cpr = %s",
        "SELECT * FROM citizens WHERE cpr LIKE %s || '%%'",
        "SELECT * FROM citizens WHERE last_name = %s",
        "SELECT count(*) FROM family_members fm JOIN citizens c ON c.id = fm.citizen_id WHERE c.cpr = %s",
        "SELECT * FROM consents WHERE citizen_id = (SELECT id FROM citizens WHERE cpr = %s)",
    ],
)
def test_explain_analyze_tells_nothing_about_people_outside_reach(
    shared_store: SharedStore, query: str
) -> None:
    """Every CPR number (and name) of team B against numbers that exist nowhere: the plans
    Anna's EXPLAIN ANALYZE shows are the same, row counts included."""
    people = _team_b_people(shared_store)
    assert people
    with psql(shared_store, "anna") as conn:
        for _id, cpr, last_name in people:
            value = last_name if "last_name" in query else cpr
            absent = "Zzyzx" if "last_name" in query else "3112999999"
            seen = json.dumps(_explain(conn, query, value), ensure_ascii=False).replace(value, "?")
            nothing = json.dumps(_explain(conn, query, absent), ensure_ascii=False).replace(absent, "?")
            assert seen == nothing, query
            assert conn.execute(query, (value,)).fetchall() in ([], [(0,)])


def test_the_tables_themselves_and_their_statistics_are_closed(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna") as conn:
        for table in DATA_TABLES:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT count(*) FROM public.{table}")
        conn.execute("SET search_path = public")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT cpr FROM citizens")
        conn.execute("RESET search_path")
        # pg_stats would show a column's most common values (names, CPR numbers).
        assert conn.execute(
            "SELECT count(*) FROM pg_stats WHERE tablename = ANY(%s)", (list(DATA_TABLES),)
        ).fetchone() == (0,)
        # The reach helpers and the counters are not hers to call or read.
        for sql in (
            "SELECT public.koordinator_my_cases()",
            "SELECT public.koordinator_channel('x')",
            "SELECT * FROM public.case_number_counters",
            "SELECT * FROM public.koordinator_secret",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)


def test_registering_a_cpr_of_another_team_tells_nothing(shared_store: SharedStore) -> None:
    """Inserting a person by hand with team B's CPR number behaves exactly as with a number
    nobody has: no refusal, no message, a record of her own."""
    _id, cpr_b, _name = _team_b_people(shared_store)[0]
    with psql(shared_store, "anna", autocommit=False) as conn:
        outcomes = []
        for cpr in (cpr_b, "3112999999"):
            row = conn.execute(
                "INSERT INTO citizens (cpr, first_name, last_name, birth_date, address, postcode, city, phone, "
                "email, language, interpreter_needed, version, created_at, updated_at, created_by, updated_by) "
                "VALUES (%s, 'X', 'Y', date '1980-01-01', '', '', '', '', '', 'da', false, 1, now(), now(), "
                "'x', 'x') "
                "RETURNING first_name, last_name",
                (cpr,),
            ).fetchone()
            outcomes.append(row)
            seen = conn.execute("SELECT first_name FROM citizens WHERE cpr = %s", (cpr,)).fetchall()
            outcomes.append(tuple(seen))
        conn.rollback()
    assert outcomes[0] == outcomes[2] and outcomes[1] == outcomes[3] == (("X",),)


def test_notifications_carry_nothing_outside_reach(shared_store: SharedStore) -> None:
    """Anna listens on every channel she can name; team B writes: she hears no case of B's."""
    with psql(shared_store, "anna") as anna:
        channels = anna.execute("SELECT koordinator_my_channels()").fetchone()[0]
        for channel in [*channels, "koordinator_changes"]:
            anna.execute(f'LISTEN "{channel}"')
        with psql(shared_store, "bo") as bo:
            bo.execute("UPDATE cases SET title = title || '.' WHERE id = %s", (shared_store.cases["B"][0],))
            bo.execute(
                "UPDATE meetings SET status = status WHERE case_id = ANY(%s)", (shared_store.cases["B"],)
            )
            bo_channel = bo.execute("SELECT koordinator_my_channels()").fetchone()[0][1]
        assert bo_channel not in channels
        time.sleep(0.3)
        heard = list(anna.notifies(timeout=0.5, stop_after=50))
    for note in heard:
        payload = json.loads(note.payload)
        assert payload.get("c") not in shared_store.cases["B"], payload
    assert not [n for n in heard if n.channel != "koordinator_changes"]


# -- nothing is changed outside reach -----------------------------------------------------


def test_a_hand_over_ends_the_old_teams_reach(shared_store: SharedStore) -> None:
    """Anna creates a family and its case, hands it to Bo (team B): afterwards she reads
    nothing of it — not the people she registered herself — and changes nothing."""
    from app.services.cases.cases import create_case

    ctx = open_context(shared_store.url_for("anna"))
    try:
        data = a_parent_and_child("Flyt", ("Frida", "0202801236"), ("Finn", "0202151232"), ctx.user.id)
        with ctx.sessions.begin() as session:
            case = create_case(session, data, date(2026, 12, 3))
            case_id, family_id = case.id, case.family_id
        with ctx.sessions.begin() as session:
            done = hand_over(session, case_id, shared_store.logins["bo"], "Bo tager over.", date(2026, 12, 3))
        assert done.to_login == shared_store.logins["bo"]
    finally:
        ctx.close()
    with psql(shared_store, "anna") as conn:
        for sql, param in (
            ("SELECT count(*) FROM cases WHERE id = %s", case_id),
            ("SELECT count(*) FROM families WHERE id = %s", family_id),
            ("SELECT count(*) FROM family_members WHERE family_id = %s", family_id),
            ("SELECT count(*) FROM citizens WHERE cpr IN ('0202801236', '0202151232') AND %s > 0", 1),
            ("SELECT count(*) FROM plan_versions WHERE case_id = %s", case_id),
        ):
            assert conn.execute(sql, (param,)).fetchone() == (0,), sql
        assert (
            conn.execute("UPDATE citizens SET address = 'Et andet sted' WHERE cpr = '0202801236'").rowcount
            == 0
        )
    with psql(shared_store, "bo") as conn:
        assert conn.execute("SELECT count(*) FROM citizens WHERE cpr = '0202801236'").fetchone() == (1,)
    entries = _admin(
        shared_store,
        "SELECT user_login, details FROM audit_events WHERE action = 'hand_over' AND case_id = :c",
        c=case_id,
    )
    assert entries and entries[0][0] == shared_store.logins["anna"] and "bo" in entries[0][1]


def test_a_hand_over_is_only_of_ones_own_case_to_a_real_caseworker(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna") as conn:
        for case_id, login in (
            (shared_store.cases["B"][0], shared_store.logins["anna"]),  # Bo's case to herself
            (shared_store.cases["A"][0], "nobody"),
            (shared_store.cases["A"][0], shared_store.logins["reader"]),
        ):
            with pytest.raises(psycopg.errors.Error):
                conn.execute(
                    "SELECT koordinator_reach.koordinator_hand_over(%s, %s, %s, NULL)",
                    (case_id, login, "note"),
                )
    with psql(shared_store, "reader") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "SELECT koordinator_reach.koordinator_hand_over(%s, %s, %s, NULL)",
            (shared_store.cases["A"][0], shared_store.logins["bo"], "note"),
        )
    assert _admin(shared_store, "SELECT count(*) FROM audit_events WHERE action = 'hand_over'") == [(0,)]


def test_links_into_another_teams_rows_are_refused(shared_store: SharedStore) -> None:
    """Tying a person, a family or a plan of team B into her own case would reach them."""
    b_citizen = _team_b_people(shared_store)[0][0]
    b_family = _admin(
        shared_store, "SELECT family_id FROM cases WHERE id = :c", c=shared_store.cases["B"][0]
    )[0][0]
    b_plan = _admin(
        shared_store,
        "SELECT id FROM plan_versions WHERE case_id = ANY(:c) LIMIT 1",
        c=shared_store.cases["B"],
    )
    a_case = shared_store.cases["A"][0]
    a_family = _admin(shared_store, "SELECT family_id FROM cases WHERE id = :c", c=a_case)[0][0]
    attacks = [
        ("INSERT INTO family_members (family_id, citizen_id, relation, custody, position, version, created_at, "
         "updated_at, created_by, updated_by) VALUES (%s, %s, 'child', false, 9, 1, now(), now(), 'x', 'x')",
         (a_family, b_citizen)),
        ("UPDATE cases SET family_id = %s WHERE id = %s", (b_family, a_case)),
        ("UPDATE interventions SET citizen_id = %s WHERE case_id = %s", (b_citizen, a_case)),
        ("UPDATE consents SET citizen_id = %s WHERE case_id = %s", (b_citizen, a_case)),
    ]  # fmt: skip
    if b_plan:
        attacks.append(
            (
                "UPDATE goals SET plan_version_id = %s WHERE id IN (SELECT id FROM goals LIMIT 1)",
                (b_plan[0][0],),
            )
        )
    for sql, params in attacks:
        with psql(shared_store, "anna") as conn:
            try:
                changed = conn.execute(sql, params).rowcount
            except psycopg.errors.InsufficientPrivilege as exc:
                assert "reach" in str(exc)
            else:
                assert changed == 0, sql
    with psql(shared_store, "anna") as conn:
        assert conn.execute("SELECT count(*) FROM citizens WHERE id = %s", (b_citizen,)).fetchone() == (0,)


def test_a_professional_used_by_another_team_is_not_hers_to_change(shared_store: SharedStore) -> None:
    rows = _admin(
        shared_store,
        "SELECT p.id FROM professionals p WHERE EXISTS (SELECT 1 FROM case_professionals cp WHERE "
        "cp.professional_id = p.id AND cp.case_id = ANY(:b)) AND NOT EXISTS (SELECT 1 FROM case_professionals cp "
        "WHERE cp.professional_id = p.id AND cp.case_id = ANY(:a)) LIMIT 1",
        a=shared_store.cases["A"],
        b=shared_store.cases["B"],
    )
    assert rows, "the demo gives team B a professional of its own"
    professional = rows[0][0]
    before = _admin(shared_store, "SELECT name, phone FROM professionals WHERE id = :p", p=professional)
    for sql in (
        "UPDATE professionals SET phone = '666' WHERE id = %s",
        "DELETE FROM professionals WHERE id = %s",
    ):
        with psql(shared_store, "anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql, (professional,))
    assert (
        _admin(shared_store, "SELECT name, phone FROM professionals WHERE id = :p", p=professional) == before
    )
    # removing one is IT's, whoever uses it
    with psql(shared_store, "bo") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM professionals WHERE id = %s", (professional,))


def test_a_professional_is_kept_by_the_team_that_entered_it(shared_store: SharedStore) -> None:
    """Ali (team A) enters a professional: Anna, his team mate, may correct it; Bo (team B)
    may not — not even after linking it into his own case, and not in one transaction that
    links, changes and unlinks it (the link gives no right to change the entry)."""
    with psql(shared_store, "ali") as conn:
        entry = conn.execute(
            "INSERT INTO professionals (name, organisation, role, sector, phone, email, version, created_at, "
            "updated_at, created_by, updated_by) VALUES ('Aliss Post', '', '', 'other', '', '', 1, now(), now(), "
            "'', '') RETURNING id"
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO case_professionals (case_id, professional_id, note, version, created_at, updated_at, "
            "created_by, updated_by) VALUES (%s, %s, '', 1, now(), now(), '', '')",
            (shared_store.cases["A"][1], entry),
        )
    with psql(shared_store, "anna") as conn:
        assert (
            conn.execute("UPDATE professionals SET phone = '1234 5678' WHERE id = %s", (entry,)).rowcount == 1
        )
    with psql(shared_store, "bo", autocommit=False) as conn:
        conn.execute(
            "INSERT INTO case_professionals (case_id, professional_id, note, version, created_at, updated_at, "
            "created_by, updated_by) VALUES (%s, %s, '', 1, now(), now(), '', '')",
            (shared_store.cases["B"][0], entry),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE professionals SET email = 'bo@example.invalid' WHERE id = %s", (entry,))
        conn.rollback()
    assert _admin(shared_store, "SELECT phone, email FROM professionals WHERE id = :p", p=entry) == [
        ("1234 5678", "")
    ]
    # What the program shows Bo: a plain message next to the name, nothing stored.
    from app.services.common.validation import Problem, ValidationError
    from app.services.family.professionals import ProfessionalInput, update_professional

    ctx = open_context(shared_store.url_for("bo"))
    try:
        with pytest.raises(ValidationError) as refused, ctx.sessions.begin() as session:
            update_professional(session, entry, ProfessionalInput(name="Aliss Post", phone="8888 8888"), None)
        assert [p.problem for p in refused.value.problems] == [Problem.OTHER_TEAMS_ENTRY]
    finally:
        ctx.close()


# -- no one is disturbed ------------------------------------------------------------------


def test_the_case_number_counter_is_out_of_reach_and_numbers_keep_coming(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna") as conn:
        for sql in ("UPDATE case_number_counters SET last = 0", "DELETE FROM case_number_counters"):
            with pytest.raises(psycopg.errors.Error):
                conn.execute(sql)
        first = conn.execute("SELECT koordinator_reach.koordinator_next_case_number(2026)").fetchone()[0]
        second = conn.execute("SELECT koordinator_reach.koordinator_next_case_number(2026)").fetchone()[0]
    numbers = {r[0] for r in _admin(shared_store, "SELECT number FROM cases")}
    assert first not in numbers and second not in numbers and first < second
    assert re.fullmatch(r"K-2026-\d{4}", first)


def test_demo_on_a_server_leaves_the_counter_past_its_numbers(shared_store: SharedStore) -> None:
    rows = _admin(shared_store, "SELECT year, last FROM case_number_counters ORDER BY year")
    assert rows
    for year, last in rows:
        highest = _admin(
            shared_store,
            "SELECT max(substr(number, 8)::int) FROM cases WHERE number LIKE :p",
            p=f"K-{year}-%",
        )[0][0]
        assert last >= (highest or 0)


def test_locks_she_can_take_do_not_stop_another_team(shared_store: SharedStore) -> None:
    """Anna locks everything she can name and keeps her transaction open; Bo (team B) still
    reads and writes his cases, and writes the audit log, within a second."""
    with psql(shared_store, "anna", autocommit=False) as anna:
        for table in DATA_TABLES:
            anna.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        for sql in ("LOCK TABLE public.cases IN ACCESS SHARE MODE", "LOCK TABLE public.audit_events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                anna.execute("SAVEPOINT s")
                try:
                    anna.execute(sql)
                finally:
                    anna.execute("ROLLBACK TO SAVEPOINT s")
        anna.execute("SELECT pg_advisory_lock(k) FROM generate_series(1, 50) k")
        anna.execute("SELECT * FROM cases FOR UPDATE")
        with psql(shared_store, "bo") as bo:
            bo.execute("SET lock_timeout = '1s'")
            started = time.monotonic()
            assert bo.execute("SELECT count(*) FROM cases").fetchone() == (len(shared_store.cases["B"]),)
            bo.execute("UPDATE cases SET title = title WHERE id = %s", (shared_store.cases["B"][0],))
            bo.execute(
                "SELECT koordinator_audit('open_case', 'case', %s, NULL, %s, '', '', '')",
                (shared_store.cases["B"][0], shared_store.cases["B"][0]),
            )
            assert time.monotonic() - started < 1.5
        anna.rollback()


def test_a_fake_notice_on_the_common_channel_names_no_case_to_the_program(shared_store: SharedStore) -> None:
    """Anyone may NOTIFY on the common channel; the program takes only directory changes
    from it, never a case."""
    from app.ui.common.live_updates import COMMON_TABLES

    assert "cases" not in COMMON_TABLES and "citizens" not in COMMON_TABLES


def test_role_settings_keep_a_forgotten_session_short(shared_store: SharedStore) -> None:
    with psql(shared_store, "anna") as conn:
        settings = dict(
            conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN ('lock_timeout', 'statement_timeout', "
                "'idle_in_transaction_session_timeout', 'jit', 'search_path')"
            ).fetchall()
        )
    assert settings["jit"] == "off"
    assert int(settings["lock_timeout"]) > 0 and int(settings["idle_in_transaction_session_timeout"]) > 0
    assert settings["search_path"].startswith("koordinator_reach")


def test_two_teams_at_once_each_see_only_their_own(shared_store: SharedStore) -> None:
    """Anna and Bo read at the same moment, many times: never a row of the other's."""
    seen: dict[str, set[int]] = {"anna": set(), "bo": set()}

    def read(who: str) -> None:
        with psql(shared_store, who) as conn:
            for _ in range(30):
                seen[who] |= {r[0] for r in conn.execute("SELECT id FROM cases").fetchall()}

    threads = [threading.Thread(target=read, args=(who,)) for who in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["anna"] == set(shared_store.cases["A"])
    assert seen["bo"] == set(shared_store.cases["B"])


def test_program_errors_from_refusals_are_plain(shared_store: SharedStore) -> None:
    """The program, not psql: a refused write surfaces as a DBAPIError naming reach, which
    the UI shows as a refusal, not as a lost connection."""
    engine = shared_store.engine_for("anna")
    try:
        with pytest.raises(DBAPIError, match="reach"), engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE cases SET coordinator_id = (SELECT id FROM users WHERE login = :b) WHERE id = :c"
                ),
                {"b": shared_store.logins["bo"], "c": shared_store.cases["A"][0]},
            )
    finally:
        engine.dispose()


def test_demo_data_is_refused_to_a_caseworkers_role_with_a_plain_message(
    shared_store: SharedStore, capsys
) -> None:  # type: ignore[no-untyped-def]
    from app.cli.cli import EXIT_USAGE, main

    before = _admin(shared_store, "SELECT count(*) FROM cases")
    assert main(["demo", "--families", "2", "--db", shared_store.url_for("anna")]) == EXIT_USAGE
    assert "only by IT" in capsys.readouterr().err
    assert _admin(shared_store, "SELECT count(*) FROM cases") == before


@pytest.mark.parametrize("version", ["version", "1", "version - 1", "version + 5"])
def test_a_change_by_hand_always_moves_the_row_version_on(shared_store: SharedStore, version: str) -> None:
    """Whatever version a hand-written change sets, the stored row is one version further:
    a colleague's program that read the row before sees that it changed."""
    case_id = shared_store.cases["A"][0]
    (before,) = _admin(shared_store, "SELECT version FROM cases WHERE id = :c", c=case_id)[0]
    with psql(shared_store, "anna") as conn:
        assert (
            conn.execute(
                f"UPDATE cases SET title = title, version = {version} WHERE id = %s", (case_id,)
            ).rowcount
            == 1
        )
    assert _admin(shared_store, "SELECT version FROM cases WHERE id = :c", c=case_id) == [(before + 1,)]
