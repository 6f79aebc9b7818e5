"""Min profil on a shared server, through each caseworker's own login: a login changes its own
e-mail address and phone number — with the program and with plain SQL — and nobody else's, and
no other column of its own row; the change is in the audit log (fields, not values), written by
the server as the login."""

from __future__ import annotations

import json

import psycopg
import pytest

from app.services.common.editing import ConcurrentEditError
from app.services.common.profile import ProfileInput, load_profile, save_profile
from app.startup import session_factory
from app.store.reach_sql import REACH_SCHEMA
from tests.shared_server import SharedStore

pytestmark = pytest.mark.postgres

FUNCTION = f"{REACH_SCHEMA}.koordinator_my_profile"


def _user(store: SharedStore, who: str) -> tuple[int, str, str, str, str, int]:
    [row] = store.admin_sql(
        "SELECT id, email, phone, full_name, role, version FROM users WHERE login = :l", l=store.logins[who]
    )
    return row  # type: ignore[no-any-return]


@pytest.mark.parametrize("who", ["anna", "lead_a", "reader", "admin"])
def test_a_login_changes_its_own_profile_with_the_program(shared_store: SharedStore, who: str) -> None:
    user_id = _user(shared_store, who)[0]
    engine = shared_store.engine_for(who)
    try:
        sessions = session_factory(engine, user=shared_store.logins[who])
        with sessions() as session:
            read = load_profile(session, user_id)
        with sessions.begin() as session:
            version = save_profile(
                session, user_id, ProfileInput("mig@kommune.example", "49 28 12 34"), read.version
            )
        with sessions() as session:
            assert load_profile(session, user_id).data == ProfileInput("mig@kommune.example", "49 28 12 34")
        with pytest.raises(ConcurrentEditError), sessions.begin() as session:  # an older read
            save_profile(session, user_id, ProfileInput("igen@kommune.example", ""), read.version)
    finally:
        engine.dispose()
    _id, email, phone, _name, _role, stored_version = _user(shared_store, who)
    assert (email, phone, stored_version) == ("mig@kommune.example", "49 28 12 34", version)
    [(login, details)] = shared_store.admin_sql(
        "SELECT user_login, details FROM audit_events WHERE action = 'change' AND object_type = 'user' "
        "AND object_id = :u",
        u=user_id,
    )
    assert login == shared_store.logins[who]  # the server's record of who did it
    assert json.loads(details) == {"fields": ["email", "phone"]}
    assert "mig@" not in details and "12 34" not in details


def test_a_caseworker_changes_no_colleagues_profile(shared_store: SharedStore) -> None:
    anna, bo = _user(shared_store, "anna"), _user(shared_store, "bo")
    with shared_store.psql("anna") as conn:
        # the function changes the caller's own row: there is no way to name another
        assert conn.execute(f"SELECT {FUNCTION}(%s, %s, NULL)", ("anna@kommune.example", "")).fetchone()[0]
        for sql in (
            "UPDATE users SET email = 'fup@kommune.example' WHERE id = %s",
            "UPDATE users SET phone = '11 11 11 11' WHERE id = %s",
            "DELETE FROM users WHERE id = %s",
        ):
            for target in (bo[0], anna[0]):  # not a colleague's row, and not one's own by hand
                with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                    conn.execute(sql, (target,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
            conn.execute(
                f"UPDATE {shared_store.admin_sql('SELECT current_schema()')[0][0]}.users SET email = 'x@y.dk' "
                "WHERE id = %s",
                (bo[0],),
            )
        # nor the server's function with another's identity: SET ROLE does not change session_user
        with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
            conn.execute(f"SET ROLE {shared_store.logins['bo']}")
    assert _user(shared_store, "bo") == bo  # untouched
    after = _user(shared_store, "anna")
    assert after[1] == "anna@kommune.example"
    assert after[3:5] == anna[3:5]  # name and role as they were


@pytest.mark.parametrize(
    ("email", "phone"),
    [("ikke en adresse", ""), ("a@b", ""), ("x" * 201 + "@kommune.example", ""), ("", "1" * 41)],
)
def test_the_server_refuses_what_the_program_would_not_store(
    shared_store: SharedStore, email: str, phone: str
) -> None:
    before = _user(shared_store, "ali")
    with shared_store.psql("ali") as conn, pytest.raises(psycopg.errors.InvalidParameterValue):
        conn.execute(f"SELECT {FUNCTION}(%s, %s, NULL)", (email, phone))
    assert _user(shared_store, "ali") == before


def test_the_version_read_is_checked_by_the_server(shared_store: SharedStore) -> None:
    version = _user(shared_store, "bo")[5]
    with shared_store.psql("bo") as conn:
        assert (
            conn.execute(f"SELECT {FUNCTION}('bo@kommune.example', '', %s)", (version,)).fetchone()[0]
            == version + 1
        )
        assert (
            conn.execute(f"SELECT {FUNCTION}('b2@kommune.example', '', %s)", (version,)).fetchone()[0] is None
        )
    assert _user(shared_store, "bo")[1] == "bo@kommune.example"
