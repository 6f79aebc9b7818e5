"""The case journal on a shared server, with the caseworkers' own logins: a caseworker reaches
the journal of their team's cases only, and — through the program or by hand with psql —
cannot change or delete an entry past its lock, nor the persons it concerns, while an entry
still open is theirs to change. The lock counts from when the server stored the entry."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from app.models.enums import JournalKind
from app.services.common.context import AppContext
from app.services.journal import journal
from app.services.journal.journal import (
    JournalInput,
    JournalLockedError,
    correct_entry,
    update_entry,
    write_entry,
)
from app.services.journal.journal_view import load_journal
from app.startup import open_context
from tests.shared_server import SharedStore
from tests.store.test_hostile_roles import _admin, psql

pytestmark = pytest.mark.postgres

_INSERT_ENTRY = (
    "INSERT INTO journal_entries (case_id, kind, occurred_at, author_id, subject, text, version, created_at, "
    "updated_at, created_by, updated_by) VALUES (%s, 'phone', now(), (SELECT id FROM users WHERE login = "
    "session_user::text), 'Telefon', 'Mor ringede.', 1, %s, now(), 'x', 'x') RETURNING id, created_at"
)
_INSERT_MEMBER = (
    "INSERT INTO journal_entry_members (entry_id, citizen_id, version, created_at, updated_at, created_by, "
    "updated_by) VALUES (%s, %s, 1, now(), now(), 'x', 'x')"
)


@contextmanager
def as_user(store: SharedStore, who: str) -> Iterator[AppContext]:
    ctx = open_context(store.url_for(who))
    try:
        yield ctx
    finally:
        ctx.close()


def _people(store: SharedStore, case_id: int) -> list[int]:
    return [
        int(r[0])
        for r in _admin(
            store,
            "SELECT m.citizen_id FROM family_members m JOIN cases c ON c.family_id = m.family_id "
            "WHERE c.id = :c ORDER BY m.position, m.id",
            c=case_id,
        )
    ]


@pytest.fixture(autouse=True)
def _no_notes_yet(shared_store: SharedStore) -> None:
    """The store's journal holds only what each test writes (the demo writes notes of its own)."""
    _admin(shared_store, "DELETE FROM journal_entries RETURNING id")


def _entry(store: SharedStore, who: str, case_id: int, text: str = "Mor ringede.", person: int = 0) -> int:
    """An entry written through the program by ``who``, concerning one of the case's persons."""
    data = JournalInput(
        JournalKind.PHONE,
        datetime.now(UTC) - timedelta(hours=1),
        "Telefon",
        text,
        member_ids=(_people(store, case_id)[person],),
    )
    with as_user(store, who) as ctx, ctx.sessions.begin() as s:
        return write_entry(s, case_id, data)


def _age(store: SharedStore, entry_id: int, hours: float) -> None:
    """IT's hand: the entry was stored ``hours`` ago (by the server's clock)."""
    _admin(
        store,
        "UPDATE journal_entries SET created_at = now() - make_interval(secs => :s) WHERE id = :i RETURNING id",
        s=hours * 3600,
        i=entry_id,
    )


def _stored(store: SharedStore, entry_id: int) -> tuple[object, ...]:
    entry = _admin(store, "SELECT text, version, created_at FROM journal_entries WHERE id = :i", i=entry_id)
    members = _admin(
        store,
        "SELECT citizen_id FROM journal_entry_members WHERE entry_id = :i ORDER BY citizen_id",
        i=entry_id,
    )
    return (tuple(entry), tuple(members))


def test_a_caseworker_reaches_the_journal_of_their_teams_cases_only(shared_store: SharedStore) -> None:
    a_case, b_case = shared_store.cases["A"][0], shared_store.cases["B"][0]
    anna_entry = _entry(shared_store, "anna", a_case, "Anna skrev.")
    bo_entry = _entry(shared_store, "bo", b_case, "Bo skrev.")
    seen: dict[tuple[str, int], list[int]] = {}
    for who in ("anna", "ali", "lead_a", "bo"):
        with as_user(shared_store, who) as ctx, ctx.sessions() as s:
            for case_id in (a_case, b_case):
                seen[(who, case_id)] = [e.id for e in load_journal(s, case_id).flat()]
    assert seen == {
        ("anna", a_case): [anna_entry],
        ("anna", b_case): [],
        ("ali", a_case): [anna_entry],  # a colleague of the same team
        ("ali", b_case): [],
        ("lead_a", a_case): [anna_entry],
        ("lead_a", b_case): [],
        ("bo", a_case): [],
        ("bo", b_case): [bo_entry],
    }
    with psql(shared_store, "anna") as conn:
        assert conn.execute("SELECT id FROM journal_entries").fetchall() == [(anna_entry,)]
        assert conn.execute("SELECT DISTINCT entry_id FROM journal_entry_members").fetchall() == [
            (anna_entry,)
        ]
        assert conn.execute("UPDATE journal_entries SET text = 'x' WHERE id = %s", (bo_entry,)).rowcount == 0
        assert conn.execute("DELETE FROM journal_entries WHERE id = %s", (bo_entry,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor written into B's case
            conn.execute(_INSERT_ENTRY, (b_case, datetime.now(UTC)))
    assert _admin(shared_store, "SELECT text FROM journal_entries WHERE id = :i", i=bo_entry) == [
        ("Bo skrev.",)
    ]
    reads = _admin(
        shared_store,
        "SELECT user_login, case_id FROM audit_events WHERE object_type = 'journal' AND action = 'open_case'",
    )
    assert (shared_store.logins["bo"], b_case) in reads and (shared_store.logins["anna"], a_case) in reads


@pytest.mark.parametrize(
    ("setting", "age_hours", "locked"),
    [
        (None, 23.9, False),
        (None, 24.1, True),
        ("48", 24.1, False),
        ("48", 48.1, True),
        ("1", 0.9, False),
        ("1", 1.1, True),
        ("abc", 23.9, False),  # not a number of hours: the default
        ("abc", 24.1, True),
    ],
)
def test_a_locked_entry_and_its_persons_are_not_changed_by_hand(  # type: ignore[no-untyped-def]
    shared_store: SharedStore, setting: str | None, age_hours: float, locked: bool
) -> None:
    """Anna with psql, against her own entry: every change is refused once it is locked, and
    every one goes through while it is open."""
    a_case = shared_store.cases["A"][0]
    second = _people(shared_store, a_case)[1]
    if setting is not None:
        _admin(
            shared_store,
            "INSERT INTO store_settings (key, value, version, created_at, updated_at, created_by, updated_by) "
            "VALUES ('journal_lock_hours', :v, 1, now(), now(), 'it', 'it') RETURNING key",
            v=setting,
        )
    open_entry = _entry(shared_store, "anna", a_case, "Åben.", person=1)  # written now: open
    attacks = [
        "UPDATE journal_entries SET text = 'Omskrevet.' WHERE id = %(e)s",
        "UPDATE journal_entries SET occurred_at = occurred_at - interval '1 day' WHERE id = %(e)s",
        "UPDATE journal_entries SET corrects_id = %(o)s WHERE id = %(e)s",
        "UPDATE journal_entry_members SET citizen_id = %(c)s WHERE entry_id = %(e)s",
        "DELETE FROM journal_entry_members WHERE entry_id = %(e)s",
        _INSERT_MEMBER.replace("%s, %s", "%(e)s, %(c)s"),
        "UPDATE journal_entry_members SET entry_id = %(e)s WHERE entry_id = %(o)s",  # moved onto it
        "DELETE FROM journal_entries WHERE id = %(e)s",
    ]
    for sql in attacks:
        entry = _entry(shared_store, "anna", a_case)
        _age(shared_store, entry, age_hours)
        before = _stored(shared_store, entry)
        params = {"e": entry, "c": second, "o": open_entry}
        with psql(shared_store, "anna") as conn:
            if locked:
                with pytest.raises(psycopg.errors.InsufficientPrivilege, match="locked"):
                    conn.execute(sql, params)
            else:
                assert conn.execute(sql, params).rowcount == 1, sql
        after = _stored(shared_store, entry)
        assert (after == before) == locked, sql


def test_the_server_stamps_when_an_entry_was_stored(shared_store: SharedStore) -> None:
    """A time of Anna's choosing, far ahead, would keep her entry open for ever."""
    a_case = shared_store.cases["A"][0]
    far = datetime(2126, 1, 1, tzinfo=UTC)
    with psql(shared_store, "anna") as conn:
        entry, stamped = conn.execute(_INSERT_ENTRY, (a_case, far)).fetchone()
        server_now = conn.execute("SELECT now()").fetchone()[0]
        assert abs(stamped - server_now) < timedelta(minutes=1)
        conn.execute("UPDATE journal_entries SET created_at = %s WHERE id = %s", (far, entry))
    assert _admin(shared_store, "SELECT created_at FROM journal_entries WHERE id = :i", i=entry) == [
        (stamped,)
    ]
    _age(shared_store, entry, 25)
    with psql(shared_store, "anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE journal_entries SET created_at = %s WHERE id = %s", (far, entry))


def test_the_program_meets_the_servers_lock_as_a_locked_entry(shared_store: SharedStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The program checks the lock by the server's clock (which stamped the entry), so the
    laptop's clock plays no part; and where its check would let a change through, the
    server's refusal is told as a locked entry too. Nothing is changed; a correction is
    written instead."""
    a_case = shared_store.cases["A"][0]
    entry = _entry(shared_store, "anna", a_case)
    _age(shared_store, entry, 30)
    before = _stored(shared_store, entry)
    data = JournalInput(JournalKind.PHONE, datetime.now(UTC) - timedelta(hours=2), "Telefon", "Rettet.")
    with as_user(shared_store, "anna") as ctx:
        with ctx.sessions() as s:
            assert load_journal(s, a_case).find(entry).locked  # type: ignore[union-attr]
        with pytest.raises(JournalLockedError), ctx.sessions.begin() as s:
            update_entry(s, entry, data, None)
        with monkeypatch.context() as patched:  # a clock that thinks the entry is still open
            patched.setattr(journal, "lock_clock", lambda _s: datetime(2000, 1, 1, tzinfo=UTC))
            with pytest.raises(JournalLockedError), ctx.sessions.begin() as s:
                update_entry(s, entry, data, None)
        with ctx.sessions.begin() as s:
            fix = correct_entry(s, entry, data)
        with ctx.sessions() as s:
            shown = load_journal(s, a_case).find(entry)
    assert _stored(shared_store, entry) == before
    assert shown is not None and [c.id for c in shown.corrections] == [fix]
    assert _admin(shared_store, "SELECT corrects_id, text FROM journal_entries WHERE id = :i", i=fix) == [
        (entry, "Rettet.")
    ]


SETTINGS = [
    "24",
    "0",
    "1",
    "48",
    "999999",
    "1234567",
    "",
    "abc",
    "12.5",
    "-5",
    " 48",
    "48 ",
    "48\n",
    "٤٨",
    "1e3",
]


def test_the_program_reads_the_setting_as_the_server_does(postgres_url: str) -> None:
    """Every value, well-formed or not, means the same number of hours on both sides."""
    from sqlalchemy import text

    from app.models import StoreSetting
    from app.services.common.store_settings import journal_lock_hours
    from app.store.reach_journal import LOCK_HOURS_SQL

    ctx = open_context(postgres_url, login="it")
    try:
        for value in SETTINGS:
            with ctx.sessions.begin() as s:
                s.merge(StoreSetting(key="journal_lock_hours", value=value))
            with ctx.sessions() as s:
                assert journal_lock_hours(s) == s.scalar(text(f"SELECT {LOCK_HOURS_SQL}")), repr(value)
    finally:
        ctx.close()
