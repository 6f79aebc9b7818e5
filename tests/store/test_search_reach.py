"""Search across everything on a shared server: a caseworker finds what her reach holds and
nothing else — not through the program, not by calling the server's search function from
psql with any arguments, not by its EXPLAIN ANALYZE (the function's body is opaque)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.models import Case, Citizen, FamilyMember
from app.services.search.search import Source, search_everything
from app.startup import open_context
from app.store.engine import create_store_engine
from app.store.search_sql import COLUMNS, MAX_LIMIT, SEARCH_FUNCTION_NAME, WAYS
from tests.services.search.search_world import add_words
from tests.shared_server import SharedStore
from tests.store.test_hostile_roles import _admin, _explain, psql

pytestmark = pytest.mark.postgres

TEAM_A_WORDS = {
    "agreement": "Mor ringer til skolen om madpakken",
    "goal": "Signe går til spejder hver tirsdag",
    "professional": "Karen Aabjerg",
    "organisation": "Vesterbro Skole",
    "subject": "Hjemmebesøg",
    "journal": "Skolen ringede om Signes fravær og madpakken",
    "task": "Skriv til skolen om madpakken",
    "note": "",
    "document": "Skolens udtalelse",
}
TEAM_B_WORDS = {
    "agreement": "Far ringer til skolen om svømmetøjet",
    "goal": "Zenobia kommer i skole hver dag",
    "professional": "Bjarke Ulvsund",
    "organisation": "Østerbro Friskole",
    "subject": "Telefonsamtale",
    "journal": "Skolen ringede om Zenobias svømmetøj og kørestolsrampen",
    "task": "Skriv til skolen om kørestolsrampen",
    "note": "",
    "document": "Kørestolsrampens tegning",
}
# Words only team B's case holds (its person, its network, its writing).
TEAM_B_ONLY = ["Zenobia", "Ulvsund", "Friskole", "svømmetøjet", "kørestolsrampen", "Kørestolsrampens"]


def _words_in_both_teams(store: SharedStore) -> dict[str, int]:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with Session(engine, info={"user": "it"}) as session, session.begin():
            cases = {}
            for team, words in (("A", TEAM_A_WORDS), ("B", TEAM_B_WORDS)):
                case = session.get(Case, store.cases[team][0])
                assert case is not None
                add_words(session, case, case.coordinator_id, words)
                cases[team] = case.id
            person = session.scalars(  # a person of team B's case is named Zenobia
                select(Citizen)
                .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
                .join(Case, Case.family_id == FamilyMember.family_id)
                .where(Case.id == cases["B"])
                .limit(1)
            ).one()
            person.first_name = "Zenobia"
        return cases
    finally:
        engine.dispose()


def _reach(store: SharedStore, who: str) -> set[int]:
    """The case ids ``who`` reaches, as IT computes them: coordinator, partner or team."""
    rows = _admin(
        store,
        "SELECT c.id FROM cases c JOIN users lead ON lead.id = c.coordinator_id JOIN users me ON me.login = :login "
        "WHERE c.coordinator_id = me.id OR c.partner_id = me.id OR (lead.team <> '' AND lead.team = me.team)",
        login=store.logins[who],
    )
    return {int(r[0]) for r in rows}


def test_the_program_finds_within_reach_only(shared_store: SharedStore) -> None:
    cases = _words_in_both_teams(shared_store)
    reach = _reach(shared_store, "anna")
    assert cases["A"] in reach and cases["B"] not in reach
    anna = open_context(shared_store.url_for("anna"))
    try:
        with anna.sessions() as session:
            for word in TEAM_B_ONLY:
                result = search_everything(session, word)
                assert not result.hits and not result.more, (word, result)
            common = search_everything(session, "skolen")
            assert {h.case_id for h in common.hits} <= reach
            found = {(h.source, h.case_id) for h in common.hits}
            for source in (Source.AGREEMENT, Source.JOURNAL, Source.TASK):
                assert (source, cases["A"]) in found, source
            assert {h.case_id for h in search_everything(session, "madpakken").hits} == {cases["A"]}
    finally:
        anna.close()
    bo = open_context(shared_store.url_for("bo"))
    try:
        with bo.sessions() as session:
            hits = search_everything(session, "Zenobia").hits
            assert {(h.source, h.case_id) for h in hits} >= {
                (Source.PERSON, cases["B"]),
                (Source.GOAL, cases["B"]),
            }
            assert not search_everything(session, "madpakken").hits
    finally:
        bo.close()


def test_the_search_is_logged_by_the_server_as_the_role(shared_store: SharedStore) -> None:
    anna = open_context(shared_store.url_for("anna"))
    try:
        with anna.sessions() as session:
            search_everything(session, "Zenobia 1203851234")
    finally:
        anna.close()
    rows = _admin(
        shared_store,
        "SELECT user_login, search_term FROM audit_events WHERE action = 'search' AND object_type = 'everything' "
        "ORDER BY id DESC LIMIT 1",
    )
    assert rows == [(shared_store.logins["anna"], "Zenobia 120385-XXXX")]


_CALL = f"SELECT * FROM {SEARCH_FUNCTION_NAME}(%s, %s, %s, %s, %s)"
# What a hostile caller might hand the function: every lexeme, every prefix, every CPR number.
_EVERYTHING = " | ".join(f"'{c}':*" for c in "abcdefghijklmnopqrstuvwxyzæøå0123456789")


@pytest.mark.parametrize(
    "args",
    [
        ("", _EVERYTHING, "", "", 100_000),
        (_EVERYTHING, _EVERYTHING, "0", "9999999999", 100_000),
        ("'zenobia'", "'zenobia':*", "", "", 10),
        ("!'qqq'", "!'qqq'", "", "", 50),  # "not this word": everything else
        ("", "", "0", "9999999999", 100_000),
        (None, None, None, None, None),
    ],
)
def test_the_function_called_by_hand_returns_nothing_outside_reach(
    shared_store: SharedStore, args: tuple
) -> None:
    cases = _words_in_both_teams(shared_store)
    reach = _reach(shared_store, "anna")
    with psql(shared_store, "anna") as conn:
        rows = conn.execute(_CALL, args).fetchall()
    columns = [name for name, _kind in COLUMNS]
    found = [dict(zip(columns, row, strict=True)) for row in rows]
    assert {r["case_id"] for r in found} <= reach
    assert cases["B"] not in {r["case_id"] for r in found}
    assert not [r for r in found if "Zenobia" in json.dumps(r, default=str, ensure_ascii=False)]
    for part in {r["part"] for r in found}:
        assert sum(1 for r in found if r["part"] == part) <= MAX_LIMIT
    if args[1] == _EVERYTHING:
        assert {r["kind"] for r in found} >= {w.kind for w in WAYS}  # it did search, within reach
    for r in found:
        if r["kind"] == "cpr":
            assert len(r["t2"]) <= 6  # a birth date at most, never the whole number


def test_explain_analyze_of_the_function_tells_nothing_about_other_teams(shared_store: SharedStore) -> None:
    """A word only team B holds against a word nobody holds: Anna's EXPLAIN ANALYZE shows the
    same plan, row counts included (the function's body is not shown)."""
    _words_in_both_teams(shared_store)
    with psql(shared_store, "anna") as conn:
        for word in [w.lower() for w in TEAM_B_ONLY]:
            plans = []
            for probe in (word, "qxqxqxq"):
                plan = _explain(conn, _CALL, f"'{probe}'", f"'{probe}':*", "", "", 51)
                plans.append(json.dumps(plan, ensure_ascii=False).replace(probe, "?"))
            assert plans[0] == plans[1], word
            assert "Function Scan" in plans[0] and "search_everything" in plans[0]
            assert "journal_entries" not in plans[0]  # nothing of the body


def test_the_function_is_planned_for_each_call(shared_store: SharedStore) -> None:
    """Seven searches in one session, a two-letter word last: each planned for its words
    (see search_sql.PLAN_CACHE_MODE), the reach the same every time."""
    _words_in_both_teams(shared_store)
    reach = _reach(shared_store, "anna")
    with psql(shared_store, "anna") as conn:
        config = conn.execute("SELECT proconfig FROM pg_proc WHERE proname = 'search_everything'").fetchone()
        assert config is not None and "plan_cache_mode=force_custom_plan" in config[0]
        for word in ("skolen", "madpakken", "signe", "zenobia", "skolen", "mor", "sk"):
            rows = conn.execute(_CALL, (f"'{word}'", f"'{word}':*", "", "", 51)).fetchall()
            assert {row[3] for row in rows} <= reach, word
