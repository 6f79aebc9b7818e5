"""On a shared server the server writes the log: a caseworker's role may record, but cannot
insert, update, delete or read audit_events itself, and the user is the role."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from app.services import audit
from app.startup import open_context


def _raw(store, who: str, sql: str):  # type: ignore[no-untyped-def]
    url = store.url_for(who).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn:
        return (
            conn.execute(sql).fetchall() if sql.lstrip().upper().startswith("SELECT") else conn.execute(sql)
        )


def test_caseworker_records_and_the_user_is_the_role(shared_store) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(shared_store.url_for("anna"))
    try:
        ctx.sessions.kw["info"]["user"] = "somebody_else"  # the client lies about who it is
        with ctx.sessions.begin() as s:
            s.info["user"] = "somebody_else"
            audit.record(s, audit.SEARCH, search_term="Holm")
    finally:
        ctx.sessions.kw["bind"].dispose()
    admin = open_context(shared_store.url_for("admin"))
    try:
        with admin.sessions() as s:
            row = s.execute(text("SELECT user_login FROM audit_events WHERE action = 'search'")).one()
            assert row.user_login == shared_store.logins["anna"]
            assert audit.verify_chain(s) is None
    finally:
        admin.sessions.kw["bind"].dispose()


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
    ctx.sessions.kw["bind"].dispose()  # the login is logged
    owner_url = shared_store.admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(owner_url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE audit_events SET purpose = 'x'")


def test_reader_role_is_logged_too(shared_store) -> None:  # type: ignore[no-untyped-def]
    ctx = open_context(shared_store.url_for("reader"))
    ctx.sessions.kw["bind"].dispose()
    rows = _raw(shared_store, "admin", "SELECT user_login, action FROM audit_events")
    assert (shared_store.logins["reader"], audit.LOGIN) in rows
