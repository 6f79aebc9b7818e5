"""The case list of a caseworker's role on a shared server: the same list as without access
rules, cut to what the role reaches, in every order, scope and search — though its
computed columns come from the server's per-case functions instead of sub-selects."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.models import Case, User
from app.services.cases.case_list import CaseListQuery, Scope, SortKey, count_cases, fetch_case_rows
from app.services.common.clock import local_today, now_utc
from app.startup import session_factory
from app.store.engine import create_store_engine
from app.store.reach_sql import CASE_FACTS, REACH_SCHEMA
from tests.shared_server import SharedStore, drop_shared_store, make_shared_store

pytestmark = pytest.mark.postgres

WHO = ("anna", "ali", "bo", "lead_a", "reader")
EVERYTHING = 100_000


@pytest.fixture
def store(postgres_url: str) -> Iterator[SharedStore]:
    """Thirty demo families over two teams; one of team B's cases has Anna as partner."""
    shared = make_shared_store(postgres_url, families=30)
    engine = create_store_engine(make_url(shared.admin_url))
    try:
        with Session(engine) as session, session.begin():
            anna = session.query(User.id).filter(User.login == shared.logins["anna"]).scalar()
            session.execute(update(Case).where(Case.id == shared.cases["B"][1]).values(partner_id=anna))
        yield shared
    finally:
        engine.dispose()
        drop_shared_store(shared)


def _ids(store: SharedStore, who: str) -> set[int]:
    return store.reached_cases(who)


def _searches(store: SharedStore) -> list[str]:
    """Words that find some cases: a name, a CPR prefix (both spellings), a case number."""
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.connect() as conn:
            name = conn.execute(text("SELECT last_name FROM citizens ORDER BY id LIMIT 1")).scalar()
            cpr = conn.execute(
                text("SELECT cpr FROM citizens WHERE cpr IS NOT NULL ORDER BY id LIMIT 1")
            ).scalar()
    finally:
        engine.dispose()
    assert name and cpr
    return ["", str(name).lower(), str(cpr)[:4], f"{str(cpr)[:6]}-{str(cpr)[6:8]}", "K-20"]


def test_the_list_through_reach_is_the_rule_free_list_cut_to_reach(store: SharedStore) -> None:
    today, now = local_today(), now_utc()
    searches = _searches(store)
    it = create_store_engine(make_url(store.admin_url))  # the superuser: no rules
    try:
        for who in WHO:
            reached = _ids(store, who)
            assert reached, who
            engine = store.engine_for(who)
            sessions = session_factory(engine, user=store.logins[who])
            try:
                with sessions() as session:
                    user_id = session.query(User.id).filter(User.login == store.logins[who]).scalar()
                compared = 0
                for sort, descending, scope, search in itertools.product(
                    SortKey, (False, True), (Scope.ALL, Scope.MINE), searches
                ):
                    query = CaseListQuery(
                        today=today,
                        now=now,
                        user_id=user_id,
                        sort=sort,
                        descending=descending,
                        scope=scope,
                        search=search,
                    )
                    with Session(it) as session:
                        expected = [
                            r for r in fetch_case_rows(session, query, 0, EVERYTHING) if r.id in reached
                        ]
                    with sessions() as session:
                        assert count_cases(session, query) == len(expected), (who, query)
                        # a page that starts inside the list, as scrolling fetches it
                        got = fetch_case_rows(session, query, 3, 7)
                        assert got == expected[3:10], (who, query)
                        # … and after the last row shown (keyset paging)
                        shown = fetch_case_rows(session, query, 0, 3)
                        if len(shown) == 3:
                            after = fetch_case_rows(session, query, limit=7, after=shown[-1].after)
                            assert after == expected[3:10], (who, query)
                    compared += len(expected)
                assert compared > 0, who
            finally:
                engine.dispose()
    finally:
        it.dispose()


def test_the_per_case_functions_answer_for_reached_cases_only(store: SharedStore) -> None:
    """The functions' reach is that of the views, case by case: a value for every reached
    case, NULL for every other (the whole store is asked, ids the role cannot see too)."""
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.connect() as conn:
            every_case = [int(r[0]) for r in conn.execute(text("SELECT id FROM cases"))]
            every_case.append(max(every_case) + 1)  # and one that does not exist
    finally:
        engine.dispose()
    arguments = {
        "case_next_meeting": ", '2000-01-01'::timestamptz",
        "case_turning_18": ", '1900-01-01'::date, '2100-01-01'::date",
    }
    assert set(arguments) == set(CASE_FACTS)
    for who in WHO:
        reached = _ids(store, who)
        engine = store.engine_for(who)
        try:
            with engine.connect() as conn:
                for name, extra in arguments.items():
                    answered = {
                        case_id
                        for case_id in every_case
                        if conn.execute(
                            text(f"SELECT {REACH_SCHEMA}.{name}(:id{extra}) IS NOT NULL"), {"id": case_id}
                        ).scalar()
                    }
                    if name == "case_turning_18":
                        assert answered == reached, (who, name)  # every case has people
                    else:
                        assert answered <= reached, (who, name)
                # The CPR search over every number there is finds the reached cases, no other.
                found = conn.execute(text(f"SELECT {REACH_SCHEMA}.cases_with_cpr('0', ':')")).scalars()
                assert set(found) == reached, who
        finally:
            engine.dispose()


# -- reads narrowed to some cases (app.store.reach.narrowed_to) ----------------------------------


def test_reads_narrowed_to_a_case_see_what_the_whole_reach_shows_of_it(
    store: SharedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The family overview, the plan and the deadlines of every reached case, read with the
    narrowing hint and without it: the same, for every role."""
    import contextlib

    import app.services.cases.deadlines as deadlines
    import app.services.family.family_overview as family_overview
    import app.services.plan.plan_document as plan_document

    today = local_today()

    def read_all(sessions: Any, reached: set[int]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        with sessions() as session:
            for case_id in sorted(reached):
                found[f"overview {case_id}"] = family_overview.load_family_overview(session, case_id)
                found[f"plan {case_id}"] = plan_document.load_plan_document(session, case_id)
            found["deadlines"] = deadlines.deadlines_for_cases(session, sorted(reached), today)
            found["one page"] = deadlines.deadlines_for_cases(session, sorted(reached)[:7], today)
        return found

    def unnarrowed(_session: Any, _ids: Any) -> Any:
        return contextlib.nullcontext()

    for who in WHO:
        reached = _ids(store, who)
        engine = store.engine_for(who)
        sessions = session_factory(engine, user=store.logins[who])
        try:
            narrowed = read_all(sessions, reached)
            with monkeypatch.context() as m:
                for module in (deadlines, family_overview, plan_document):
                    m.setattr(module, "narrowed_to", unnarrowed)
                whole = read_all(sessions, reached)
            assert narrowed.keys() == whole.keys()
            for key, value in whole.items():
                assert narrowed[key] == value, (who, key)
            assert any(value.coordinator_caseload > 1 for key, value in whole.items() if "overview" in key)
        finally:
            engine.dispose()


@pytest.mark.parametrize(
    "hint", ["{}", "{1}", "ALL", "{-1,0,2147483647}", "{1,NULL}"], ids=["none", "one", "all", "odd", "null"]
)
def test_a_narrowing_hint_set_by_hand_shows_nothing_beyond_reach(store: SharedStore, hint: str) -> None:
    every_case = _ids_as_it(store)
    value = "{" + ",".join(map(str, sorted(every_case))) + "}" if hint == "ALL" else hint
    reached = _ids(store, "anna")
    engine = store.engine_for("anna")
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT set_config('koordinator.narrow', :v, true)"), {"v": value})
            seen = {int(r[0]) for r in conn.execute(text("SELECT id FROM cases"))}
            people = conn.execute(text("SELECT count(*) FROM citizens")).scalar()
            conn.execute(text("SELECT set_config('koordinator.narrow', '', true)"))
            all_people = conn.execute(text("SELECT count(*) FROM citizens")).scalar()
    finally:
        engine.dispose()
    assert seen <= reached
    assert (people or 0) <= (all_people or 0)
    if hint == "ALL":
        assert seen == reached


def test_a_malformed_narrowing_hint_is_an_error_for_its_setter_alone(store: SharedStore) -> None:
    engine = store.engine_for("anna")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT set_config('koordinator.narrow', 'x', false)"))
            with pytest.raises(DBAPIError):
                conn.execute(text("SELECT count(*) FROM cases"))
    finally:
        engine.dispose()
    assert _ids(store, "anna")  # a new connection of hers reads as before


def _ids_as_it(store: SharedStore) -> set[int]:
    engine = create_store_engine(make_url(store.admin_url))
    try:
        with engine.connect() as conn:
            return {int(r[0]) for r in conn.execute(text("SELECT id FROM cases"))}
    finally:
        engine.dispose()


def test_a_change_pending_before_a_narrowed_read_is_checked_against_the_whole_reach(
    store: SharedStore,
) -> None:
    """The program changes one case and, before it commits, works on another in a narrowed
    block that flushes (as a plan save does): the change was flushed before the block, so
    the other case's narrowing does not refuse it."""
    from app.services.family.family_overview import load_family_overview
    from app.store.reach import narrowed_to

    first, second = sorted(_ids(store, "anna"))[:2]
    engine = store.engine_for("anna")
    sessions = session_factory(engine, user=store.logins["anna"])
    try:
        with sessions.begin() as session:
            case = session.get(Case, first)
            assert case is not None
            case.title = "Familien Omdøbt"
            with session.no_autoflush, narrowed_to(session, [second]):  # (no flush by chance)
                assert load_family_overview(session, second).summary.id == second
                session.flush()
        with sessions() as session:
            assert session.get(Case, first).title == "Familien Omdøbt"  # type: ignore[union-attr]
    finally:
        engine.dispose()


def test_an_error_inside_a_narrowed_block_comes_out_as_itself(store: SharedStore) -> None:
    """A stale write flushed in a narrowed block (a plan save that lost a race) must reach the
    caller as the ORM's StaleDataError, which the services turn into a merge — not be hidden
    by the block's reset of the hint on a failed transaction."""
    from sqlalchemy.orm.exc import StaleDataError

    from app.store.reach import narrowed_to

    case_id = sorted(_ids(store, "anna"))[0]
    engine = store.engine_for("anna")
    sessions = session_factory(engine, user=store.logins["anna"])
    try:
        with pytest.raises(StaleDataError), sessions.begin() as session:
            case = session.get(Case, case_id)
            assert case is not None
            with engine.begin() as other:  # a colleague saves in between
                other.execute(text("UPDATE cases SET version = version + 1 WHERE id = :i"), {"i": case_id})
            with narrowed_to(session, [case_id]):
                case.title = "Familien Sent"
                session.flush()
    finally:
        engine.dispose()
