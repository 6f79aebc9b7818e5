"""On a shared server the server writes the log: a caseworker's role may record, but cannot
insert, update, delete or read audit_events itself, and the user is the role."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from app.services.common import audit
from app.startup import open_context
from app.store import audit_log


def _raw(store, who: str, sql: str):  # type: ignore[no-untyped-def]
    url = store.url_for(who).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn:
        return (
            conn.execute(sql).fetchall() if sql.lstrip().upper().startswith("SELECT") else conn.execute(sql)
        )


def _psycopg(store, who: str) -> psycopg.Connection:  # type: ignore[no-untyped-def]
    return psycopg.connect(store.url_for(who).replace("postgresql+psycopg://", "postgresql://"))


def _assert_chain_whole(store) -> None:  # type: ignore[no-untyped-def]
    admin = open_context(store.url_for("admin"))
    try:
        with admin.sessions() as s:
            assert audit.verify_chain(s) is None
    finally:
        admin.close()


def test_caseworker_records_and_the_user_is_the_role(shared_store) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(shared_store.url_for("anna"))
    try:
        ctx.sessions.kw["info"]["user"] = "somebody_else"  # the client lies about who it is
        with ctx.sessions.begin() as s:
            s.info["user"] = "somebody_else"
            audit.record(s, audit.SEARCH, search_term="Holm")
    finally:
        ctx.close()
    admin = open_context(shared_store.url_for("admin"))
    try:
        with admin.sessions() as s:
            row = s.execute(text("SELECT user_login FROM audit_events WHERE action = 'search'")).one()
            assert row.user_login == shared_store.logins["anna"]
            assert audit.verify_chain(s) is None
    finally:
        admin.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_events SET user_login = 'x'",
        "DELETE FROM audit_events",
        "SELECT * FROM audit_events",
        "INSERT INTO audit_events (occurred_at, user_login, action, object_type, department, purpose, "
        "search_term, details, prev_hash, hash) VALUES (now(), 'x', 'login', '', '', '', '', '', '', '')",
        "TRUNCATE audit_events",
    ],
)
def test_caseworker_cannot_touch_the_table(shared_store, sql: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _raw(shared_store, "anna", sql)


def test_admin_reads_but_cannot_change(shared_store) -> None:  # type: ignore[no-untyped-def]
    assert _raw(shared_store, "admin", "SELECT count(*) FROM audit_events")[0][0] >= 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _raw(shared_store, "admin", "DELETE FROM audit_events")


def test_even_the_owner_cannot_update_an_entry(shared_store) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(shared_store.url_for("anna"))
    ctx.close()  # the login is logged
    owner_url = shared_store.admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(owner_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE audit_events SET purpose = 'x'")


def test_reader_role_is_logged_too(shared_store) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(shared_store.url_for("reader"))
    ctx.close()
    rows = _raw(shared_store, "admin", "SELECT user_login, action FROM audit_events")
    assert (shared_store.logins["reader"], audit.LOGIN) in rows


# ------------------------------------------------- issue 13: reserved records, the lock


RESERVED_CALLS = [
    "SELECT koordinator_audit('audit_prune', 'audit', NULL, NULL, NULL, '', '', '{}')",
    "SELECT koordinator_audit('audit_checkpoint', 'audit', NULL, NULL, NULL, '', '', '{}')",
    "SELECT koordinator_audit_anchor('audit_prune', '{}', '')",
    "SELECT koordinator_audit_lock()",
    "SELECT id FROM audit_head FOR UPDATE",
    "LOCK TABLE audit_head IN ACCESS EXCLUSIVE MODE",
    "LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE",
]


@pytest.mark.parametrize("who", ["anna", "admin"])
@pytest.mark.parametrize("sql", RESERVED_CALLS)
def test_staff_cannot_write_pruning_or_checkpoint_records_nor_take_the_audit_lock(
    shared_store, who: str, sql: str
) -> None:  # type: ignore[no-untyped-def]
    url = shared_store.url_for(who).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(sql)
    rows = _raw(shared_store, "admin", "SELECT count(*) FROM audit_events WHERE action LIKE 'audit%'")
    assert rows[0][0] == 0


def test_a_caseworker_holding_every_lock_they_can_take_blocks_no_audit_write(shared_store) -> None:  # type: ignore[no-untyped-def]
    hostile = _psycopg(shared_store, "anna")
    try:
        hostile.execute("SELECT pg_advisory_lock(7207001)")  # the audit lock's old key
        hostile.execute("SELECT pg_advisory_xact_lock(7207001)")
        for sql in (
            "LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE",
            "SELECT 1 FROM audit_head FOR KEY SHARE",
            "LOCK TABLE audit_head IN ACCESS SHARE MODE",
            "LOCK TABLE users IN ACCESS SHARE MODE",
        ):
            hostile.execute("SAVEPOINT s")
            try:
                hostile.execute(sql)
                hostile.execute("RELEASE SAVEPOINT s")
            except psycopg.errors.InsufficientPrivilege:
                hostile.execute("ROLLBACK TO SAVEPOINT s")
        # Still in the open transaction, holding all of it: another caseworker's write goes through.
        other = _psycopg(shared_store, "ali")
        try:
            other.execute("SET lock_timeout = '3s'")
            new_id = other.execute(
                "SELECT koordinator_audit('search', '', NULL, NULL, NULL, '', 'Holm', '')"
            ).fetchone()
            other.commit()
            assert new_id is not None and new_id[0] > 0
        finally:
            other.close()
    finally:
        hostile.rollback()
        hostile.execute("SELECT pg_advisory_unlock_all()")
        hostile.close()
    _assert_chain_whole(shared_store)


def test_concurrent_writers_never_fork_the_chain(shared_store) -> None:  # type: ignore[no-untyped-def]
    import threading

    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def writer(who: str) -> None:
        try:
            url = shared_store.url_for(who).replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(url) as conn:
                start.wait()
                for n in range(25):
                    conn.execute(f"SELECT koordinator_audit('search', '', {n}, NULL, NULL, '', 'x', '')")
                    if n % 3 == 0:
                        conn.execute("SELECT koordinator_audit('open_case', 'case', 1, NULL, 1, '', '', '')")
                    conn.commit()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(who,)) for who in ("anna", "ali", "bo")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    admin = open_context(shared_store.url_for("admin"))
    try:
        with admin.sessions() as s:
            assert audit.verify_chain(s) is None
            assert s.scalar(text("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_events"))
    finally:
        admin.close()


@pytest.fixture
def retention_login(shared_store):  # type: ignore[no-untyped-def]
    """A login of IT's own in the retention group (not the owner, not a caseworker)."""
    from sqlalchemy.engine import make_url

    from app.store.audit_server import RETENTION_ROLE
    from app.store.engine import create_store_engine
    from app.store.server import drop_login_roles

    login = f"{shared_store.prefix}_it"
    engine = create_store_engine(make_url(shared_store.admin_url))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN IN ROLE {RETENTION_ROLE}')
        shared_store.logins["it"] = login
        yield shared_store.url_for("it")
    finally:
        drop_login_roles(engine, [login])
        engine.dispose()


def _cli(*argv: str) -> int:
    import argparse

    from app.cli import cli_audit

    parser = argparse.ArgumentParser()
    cli_audit.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result = cli_audit.run(args)
    assert result is not None
    return result


def test_the_retention_login_signs_checkpoints_and_rewrites_by_the_owner_are_found(
    shared_store, retention_login, tmp_path, capsys
) -> None:  # type: ignore[no-untyped-def]
    for who in ("anna", "bo"):
        open_context(shared_store.url_for(who)).close()  # each login is logged
    key = tmp_path / "it" / "audit.pem"
    assert _cli("audit-checkpoint", "--db", retention_login, "--audit-key", str(key), "--new-key") == 0
    assert "Checkpoint written" in capsys.readouterr().out
    for who in ("ali", "reader"):
        open_context(shared_store.url_for(who)).close()
    assert _cli("verify-audit", "--db", retention_login, "--audit-key", str(key) + ".pub") == 0
    # The owner (here the superuser) switches the no-update trigger off, changes the first
    # entry and recomputes every later hash: the chain is whole, the checkpoint is not.
    owner = psycopg.connect(shared_store.admin_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        owner.execute("ALTER TABLE audit_events DISABLE TRIGGER koordinator_audit_no_update")
        rows = owner.execute(
            "SELECT id, occurred_at, user_login, action, object_type, object_id, citizen_id, case_id, "
            "department, purpose, search_term, details, prev_hash, hash FROM audit_events ORDER BY id"
        ).fetchall()
        names = ["id", *audit_log.HASHED_FIELDS[:-1], "prev_hash", "hash"]
        prev = ""
        for values in rows:
            row = dict(zip(names, values, strict=True))
            if row["id"] == rows[0][0]:
                row["user_login"] = "nobody"
            row["prev_hash"] = prev
            row["hash"] = audit_log.entry_hash(row)
            owner.execute(
                "UPDATE audit_events SET user_login = %s, prev_hash = %s, hash = %s WHERE id = %s",
                (row["user_login"], row["prev_hash"], row["hash"], row["id"]),
            )
            prev = row["hash"]
        owner.commit()
    finally:
        owner.close()
    capsys.readouterr()
    assert _cli("verify-audit", "--db", retention_login, "--audit-key", str(key)) == 1
    assert "rewritten" in capsys.readouterr().out
    # The key's holder recorded the checkpoint: cutting it off the end is found too.
    owner = psycopg.connect(shared_store.admin_url.replace("postgresql+psycopg://", "postgresql://"))
    try:
        owner.execute("DELETE FROM audit_events WHERE action = 'audit_checkpoint' OR user_login <> 'nobody'")
        owner.commit()
    finally:
        owner.close()
    assert _cli("verify-audit", "--db", retention_login, "--audit-key", str(key)) == 1
    assert "TRUNCATED" in capsys.readouterr().out


_INBOX_INSERTS = "SELECT pg_stat_get_xact_tuples_inserted('audit_inbox'::regclass)"
_WRITE = "SELECT koordinator_audit('search', '', NULL, NULL, NULL, '', %s, '')"


def test_a_write_goes_through_the_inbox_only_while_the_lock_is_taken(shared_store) -> None:  # type: ignore[no-untyped-def]
    """Every entry through the inbox left a dead row there that later writes read again:
    on a server without autovacuum, writes grew slower with the log."""
    anna, ali = _psycopg(shared_store, "anna"), _psycopg(shared_store, "ali")
    try:
        for term in ("a1", "a2", "a3"):  # the lock free: straight onto the log
            assert anna.execute(_WRITE, (term,)).fetchone()[0] > 0  # type: ignore[index]
        assert anna.execute(_INBOX_INSERTS).fetchone() == (0,)
        # anna's transaction holds the audit lock now: ali's entry waits in the inbox
        ali.execute("SET lock_timeout = '3s'")
        assert ali.execute(_WRITE, ("b1",)).fetchone() == (None,)
        assert ali.execute(_INBOX_INSERTS).fetchone() == (1,)
        ali.commit()
        anna.commit()
        assert ali.execute(_WRITE, ("b2",)).fetchone()[0] > 0  # type: ignore[index]
        ali.commit()
    finally:
        anna.close()
        ali.close()
    terms = [
        row[0] for row in _raw(shared_store, "admin", "SELECT search_term FROM audit_events ORDER BY id")
    ]
    assert terms[-5:] == ["a1", "a2", "a3", "b1", "b2"]  # the waiting entry chained first, in order
    _assert_chain_whole(shared_store)
