"""Setting up and upgrading a shared server from the command line, as IT does it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.cli.cli import EXIT_OK, EXIT_STORE, EXIT_USAGE, main
from app.startup import open_context
from app.store.engine import create_store_engine
from app.store.errors import StoreTooNewError, StoreUnavailableError
from app.store.opening import SCHEMA_HEAD
from app.store.server import drop_login_roles
from tests.shared_server import SharedStore


def _admin_sql(url: str, sql: str) -> object:
    engine = create_store_engine(make_url(url))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql))
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_server_init_then_add_caseworker_then_the_program_opens_as_her(
    postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    login = f"kt{abs(hash(postgres_url)) % 10**8}_mette"
    try:
        assert main(["server-init", "--db", postgres_url]) == EXIT_OK
        assert "reach" in capsys.readouterr().out
        assert main(["server-init", "--db", postgres_url]) == EXIT_OK  # running it twice is harmless
        assert _admin_sql(
            postgres_url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'koordinator_reach'"
        )
        assert _admin_sql(postgres_url, "SELECT count(*) FROM law_sections")  # the catalogue is loaded
        args = ["add-caseworker", login, "--name", "Mette Dahl", "--team", "Nord", "--db", postgres_url]
        assert main(args) == EXIT_OK
        assert f"Added {login}" in capsys.readouterr().out
        assert main([*args[:-2], "--role", "team_lead", "--db", postgres_url]) == EXIT_OK
        assert "Updated" in capsys.readouterr().out
        member_of = _admin_sql(
            postgres_url,
            f"SELECT string_agg(g.rolname, ',') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            f"JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = '{login}'",
        )
        assert member_of == "koordinator_teamlead"  # the old group was taken away
        ctx = open_context(make_url(postgres_url).set(username=login).render_as_string(hide_password=False))
        assert (ctx.user.login, ctx.user.full_name) == (login, "Mette Dahl")
        ctx.close()
        assert main(["migrate", "--db", postgres_url]) == EXIT_OK
        out = capsys.readouterr().out
        assert f"up to date ({SCHEMA_HEAD})" in out and "Access rules" in out
    finally:
        engine = create_store_engine(make_url(postgres_url))
        drop_login_roles(engine, [login])
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("login", "message"),
    [("Bad Name", "a login is"), ("x" * 64, "a login is"), ("ok_name", "full name")],
)
def test_add_caseworker_refuses_bad_input_plainly(
    postgres_url: str, capsys: pytest.CaptureFixture[str], login: str, message: str
) -> None:
    assert main(["server-init", "--db", postgres_url]) == EXIT_OK
    name = " " if login == "ok_name" else "Some One"
    assert main(["add-caseworker", login, "--name", name, "--db", postgres_url]) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_server_init_on_a_sqlite_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server-init", "--db", str(tmp_path / "x.sqlite")]) == EXIT_USAGE
    assert "PostgreSQL" in capsys.readouterr().err


def test_migrate_upgrades_a_sqlite_file_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.sqlite"
    assert main(["migrate", "--db", str(db)]) == EXIT_OK
    assert f"A new store was made at {db} (schema {SCHEMA_HEAD})" in capsys.readouterr().out
    assert main(["migrate", "--db", str(db)]) == EXIT_OK
    assert "up to date" in capsys.readouterr().out


def test_unreachable_server_is_a_store_error(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    assert main(["migrate", "--db", url]) == EXIT_STORE
    err = capsys.readouterr().err
    assert "nothing answers at that host and port" in err and "Traceback" not in err


@pytest.mark.postgres
def test_a_newer_schema_on_the_server_is_refused(shared_store: SharedStore) -> None:
    _admin_sql(shared_store.admin_url, "UPDATE alembic_version SET version_num = '0999'")
    with pytest.raises(StoreTooNewError, match="newer version of Koordinator"):
        open_context(shared_store.url_for("anna"))


@pytest.mark.postgres
def test_an_older_schema_asks_it_to_migrate_instead_of_failing_half_way(shared_store: SharedStore) -> None:
    """A caseworker's role cannot change the schema; the program says who can."""
    from alembic import command

    from app.store.migrate import _drop_reach, alembic_config

    engine = create_store_engine(make_url(shared_store.admin_url))
    try:
        assert _drop_reach(engine)  # as migrate does first: the views go, the tables change
        with engine.connect() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
            conn.commit()
    finally:
        engine.dispose()
    with pytest.raises(StoreUnavailableError, match="koordinator migrate"):
        open_context(shared_store.url_for("anna"))
    assert _admin_sql(shared_store.admin_url, "SELECT version_num FROM alembic_version") == "0003"
    # After IT migrates, she opens the store.
    assert main(["migrate", "--db", shared_store.admin_url]) == EXIT_OK
    ctx = open_context(shared_store.url_for("anna"))
    ctx.close()
