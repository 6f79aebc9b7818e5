"""The shared server goes away and comes back while the program runs (a restart, an update,
a network cut): requests fail at once with an error the program can show (no hang), the
same engine works again when the server is back, and a save that failed stored nothing.

Each test has a PostgreSQL server of its own (``private_postgres``) that it stops and starts.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import DBAPIError

from app.models import Case, Goal, PlanVersion
from app.services.common.context import AppContext
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plans import PlanDraft, current_draft_id, save_draft
from app.startup import open_context
from app.store.engine import check_reachable
from app.store.errors import StoreUnavailableError
from tests.pg_instance import PrivatePostgres

pytestmark = pytest.mark.postgres

FAILS_WITHIN_S = 8.0  # a refused connection fails at once; a connect attempt gives up after 5 s


@pytest.fixture
def store(private_postgres: PrivatePostgres) -> Iterator[AppContext]:
    """A store with Lise's case (and her plan draft) on the private server."""
    context = open_context(private_postgres.url(private_postgres.create_database()), login="tester")
    with context.sessions.begin() as session:
        generate_demo(session, families=0, seed=3, my_login="tester")
    yield context
    context.close()


def _case_count(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(func.count(Case.id))) or 0)


def _draft(context: AppContext) -> tuple[int, int, Any]:
    """Lise's case id, its draft id and the draft as the editor reads it."""
    with context.sessions() as session:
        case_id = session.scalars(select(Case.id).order_by(Case.id)).first()
        assert case_id is not None
        draft_id = current_draft_id(session, case_id)
        assert draft_id is not None
        view = load_plan_document(session, case_id, draft_id).plan
    return case_id, draft_id, view


def _stored(context: AppContext, draft_id: int) -> tuple[int, str, list[str]]:
    with context.sessions() as session:
        pv = session.get(PlanVersion, draft_id)
        assert pv is not None
        goals = list(
            session.scalars(select(Goal.text).where(Goal.plan_version_id == draft_id).order_by(Goal.id))
        )
        return pv.version, pv.summary, goals


def _edited(view: Any) -> PlanDraft:
    draft = PlanDraft.from_view(view)
    draft.sections["summary"] = view.section("summary") + " Ændret under nedbruddet."
    draft.goals = [*draft.goals[:1]]  # the save deletes the other goals and writes one back
    return draft


def _fails_fast(action: Any, expected: type[BaseException] = DBAPIError) -> None:
    started = time.perf_counter()
    with pytest.raises(expected):
        action()
    assert time.perf_counter() - started < FAILS_WITHIN_S


def test_the_same_engine_works_again_after_the_server_was_down(
    private_postgres: PrivatePostgres, store: AppContext
) -> None:
    engine = store.engine
    cases = _case_count(store)
    _case_id, draft_id, view = _draft(store)
    before = _stored(store, draft_id)

    private_postgres.stop()
    _fails_fast(lambda: _case_count(store))
    _fails_fast(lambda: check_reachable(engine), StoreUnavailableError)  # what the status bar asks

    def save() -> None:
        with store.sessions.begin() as session:
            save_draft(session, draft_id, _edited(view), view.row_version)

    _fails_fast(save)

    private_postgres.start()
    assert store.engine is engine
    assert _case_count(store) == cases  # no new engine, no restart of the program
    check_reachable(engine)
    assert _stored(store, draft_id) == before  # the save while the server was down stored nothing


def test_a_restart_between_two_requests_goes_unnoticed(
    private_postgres: PrivatePostgres, store: AppContext
) -> None:
    """The pooled connection died with the old server; the ping at checkout replaces it."""
    cases = _case_count(store)
    private_postgres.stop()
    private_postgres.start()
    assert _case_count(store) == cases


def test_a_session_open_when_the_server_stops_fails_fast_and_the_next_one_works(
    private_postgres: PrivatePostgres, store: AppContext
) -> None:
    cases = _case_count(store)
    with store.sessions() as session:
        assert session.scalar(select(func.count(Case.id))) == cases
        private_postgres.stop()
        _fails_fast(lambda: session.scalar(select(func.count(Case.id))))
        session.rollback()  # the program's worker does this after an error; it must not hang
    private_postgres.start()
    assert _case_count(store) == cases


def test_a_save_cut_off_half_way_stores_nothing(private_postgres: PrivatePostgres, store: AppContext) -> None:
    """The server stops after the save has deleted the old goals and before it writes the
    new ones: the transaction is lost as a whole, the old plan stays, and the same save
    (with the same expected version) goes through once the server is back."""
    _case_id, draft_id, view = _draft(store)
    before = _stored(store, draft_id)
    assert len(before[2]) > 1
    engine = store.engine
    seen: list[str] = []

    def stop_half_way(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        words = statement.split(None, 3)
        seen.append(" ".join(words[:3:2]) if len(words) > 2 else statement)  # e.g. "DELETE goals"
        if statement.startswith("INSERT INTO goals") and private_postgres.running:
            private_postgres.stop()

    def save() -> int:
        with store.sessions.begin() as session:
            return save_draft(session, draft_id, _edited(view), view.row_version)

    event.listen(engine, "before_cursor_execute", stop_half_way)
    try:
        _fails_fast(save)
    finally:
        event.remove(engine, "before_cursor_execute", stop_half_way)
    assert "DELETE goals" in seen[: seen.index("INSERT goals")]  # it was cut off half-way

    private_postgres.start()
    assert _stored(store, draft_id) == before
    version = save()
    assert version == before[0] + 1
    after = _stored(store, draft_id)
    assert after[1].endswith("Ændret under nedbruddet.") and len(after[2]) == 1
