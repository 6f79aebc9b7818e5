"""The day ("Min dag") of a caseworker's login on a shared server: the day the program would show
without access rules, cut to what the login reaches — a meeting, a task or an agreement of
another team's case never shows, even when it names the caseworker — and looking at a case
(through the reach views) resets what others changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.services.common.clock import local_today, now_utc
from app.services.common.users import UserInfo, find_user
from app.services.day.last_seen import mark_case_seen
from app.services.day.my_day import MyDay, my_day
from app.startup import session_factory
from app.store.engine import create_store_engine
from tests.services.day.day_builders import Builder, local
from tests.shared_server import SharedStore

pytestmark = pytest.mark.postgres

WHO = ("anna", "ali", "bo", "lead_a", "reader")


@pytest.fixture
def admin(shared_store: SharedStore) -> Iterator[object]:
    engine = create_store_engine(make_url(shared_store.admin_url))
    yield engine
    engine.dispose()


def _day_as(store: SharedStore, who: str, today: date, **kw: object) -> tuple[UserInfo, MyDay]:
    engine = store.engine_for(who)
    try:
        sessions = session_factory(engine, user=store.logins[who])
        with sessions() as session:
            user = find_user(session, store.logins[who])
            return user, my_day(session, user, today, now_utc(), **kw)  # type: ignore[arg-type]
    finally:
        engine.dispose()


def _rule_free(admin, user: UserInfo, today: date) -> MyDay:  # type: ignore[no-untyped-def]
    sessions = session_factory(admin, user="postgres")
    with sessions() as session:
        return my_day(session, user, today, now_utc(), already_logged=frozenset(range(1_000_000)))


def _cut(day: MyDay, reached: set[int]) -> dict[str, list[object]]:
    def keep(lines: tuple[object, ...]) -> list[object]:
        return [line for line in lines if line.opens.case_id is None or line.opens.case_id in reached]  # type: ignore[attr-defined]

    return {
        "meetings_today": keep(day.meetings_today),
        "meetings_tomorrow": keep(day.meetings_tomorrow),
        "tasks": keep(day.tasks),
        "deadlines": keep(day.deadlines),
        "agreements": keep(day.agreements),
        "changes": keep(day.changes),
    }


def test_the_day_through_reach_is_the_rule_free_day_cut_to_reach(shared_store: SharedStore, admin) -> None:  # type: ignore[no-untyped-def]
    store = shared_store
    today = local_today()
    with Session(admin) as session:
        ids = {who: find_user(session, login).id for who, login in store.logins.items()}
    a_case, mate_case, b_case = store.cases["A"][0], store.cases["A"][1], store.cases["B"][0]
    as_bo = Builder.on(admin, store.logins["bo"])
    # Team B's case names Anna: a meeting she is invited to, a task and an agreement of hers.
    hidden_meeting = as_bo.meeting(b_case, local(today, 13), participants=(ids["anna"],))
    hidden_task = as_bo.task(ids["anna"], today, b_case)
    hidden_agreement = as_bo.agreement(as_bo.plan(b_case, 50), today, responsible=ids["anna"])
    # Within her reach: her own case, and a team mate's case.
    seen_meeting = as_bo.meeting(a_case, local(today, 14))
    seen_task = as_bo.task(ids["anna"], today, mate_case)
    as_bo.journal(a_case, ids["bo"], now_utc() - timedelta(hours=1))

    for who in WHO:
        reached = store.reached_cases(who)
        user, day = _day_as(store, who, today)
        assert _cut(day, reached) == _cut(_rule_free(admin, user, today), reached), who
        assert {line for line in day.case_ids} <= reached, who

    _user, anna = _day_as(store, "anna", today)
    assert seen_meeting in [m.id for m in anna.meetings_today]
    assert hidden_meeting not in [m.id for m in anna.meetings_today]
    assert seen_task in [t.id for t in anna.tasks] and hidden_task not in [t.id for t in anna.tasks]
    assert hidden_agreement not in [a.id for a in anna.agreements]
    [change] = [c for c in anna.changes if c.opens.case_id == a_case]  # the meeting, then the note
    assert (change.changed_by, change.opens.item_id, change.rows_changed) == ("Bo Berg", seen_meeting, 2)
    # The rule-free day would have shown them: the cut is the server's, not the data's.
    free = _rule_free(admin, find_user(Session(admin), store.logins["anna"]), today)
    assert hidden_meeting in [m.id for m in free.meetings_today]
    assert hidden_task in [t.id for t in free.tasks]
    # Bo coordinates team B's case: his day has its meeting.
    _user, bo = _day_as(store, "bo", today)
    assert hidden_meeting in [m.id for m in bo.meetings_today]


def test_looking_through_reach_resets_the_changes_and_the_server_logs_the_day(  # type: ignore[no-untyped-def]
    shared_store: SharedStore, admin
) -> None:
    store = shared_store
    today = local_today()
    a_case = store.cases["A"][0]
    with Session(admin) as session:
        bo_id = find_user(session, store.logins["bo"]).id
    Builder.on(admin, store.logins["bo"]).journal(a_case, bo_id, now_utc() - timedelta(hours=1))
    _user, before = _day_as(store, "anna", today)
    assert a_case in [c.opens.case_id for c in before.changes]

    engine = store.engine_for("anna")
    try:
        with session_factory(engine, user=store.logins["anna"])() as session:
            mark_case_seen(session, a_case, now_utc())
            mark_case_seen(session, store.cases["B"][0], now_utc())  # out of reach: refused, not marked
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT case_id FROM case_last_seen")).all()
        assert [r[0] for r in rows] == [a_case]
    finally:
        engine.dispose()
    _user, after = _day_as(store, "anna", today)
    assert a_case not in [c.opens.case_id for c in after.changes]

    with Session(admin) as session:
        entries = session.scalars(
            select(AuditEvent).where(
                AuditEvent.object_type == "my_day", AuditEvent.user_login == store.logins["anna"]
            )
        ).all()
    assert entries, "the server logs the day's lookup under the caseworker's own role"
    assert a_case in json.loads(entries[0].details)["cases"]
