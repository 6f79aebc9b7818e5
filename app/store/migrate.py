"""Alembic migrations run at start: backup first (SQLite), refuse a store newer than us."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from app.store.errors import StoreError, StoreTooNewError, StoreUnavailableError
from app.store.location import sqlite_file
from app.store.opening import read_only_uri
from app.store.safe_files import write_into_place

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_name(path: Path, revision: str) -> Path:
    """One backup per revision upgraded from: a retried upgrade replaces it, never piles up."""
    return path.with_name(f"{path.name}.backup-{revision}")


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy a live SQLite file (WAL included) with the online backup API, atomically."""

    def write(temp: Path) -> None:
        src = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()

    return write_into_place(backup_name(path, revision), write)


def _backup(path: Path, revision: str) -> Path:
    from app.store.encryption import is_plain_sqlite

    if is_plain_sqlite(path):
        return backup_sqlite(path, revision)
    from app.store.credentials import KeyringCredentials
    from app.store.encryption import backup_encrypted, key_for

    key = key_for(path, KeyringCredentials(), create=False)
    return write_into_place(backup_name(path, revision), lambda temp: backup_encrypted(path, key, temp))


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


@contextlib.contextmanager
def _transactional_ddl(engine: Engine, conn: Connection) -> Iterator[None]:
    """SQLite can change its schema in a transaction, but Python's sqlite3 driver does not BEGIN
    before DDL, so each statement would commit on its own (a killed upgrade left stores that
    would not open). The driver's own transaction handling is switched off for this one
    connection and SQLAlchemy emits BEGIN IMMEDIATE itself (SQLAlchemy's documented recipe)."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None

    def begin(connection: Connection) -> None:
        if connection.connection.dbapi_connection is dbapi:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    previous = dbapi.isolation_level
    dbapi.isolation_level = None
    event.listen(engine, "begin", begin)
    try:
        yield
    finally:
        event.remove(engine, "begin", begin)
        dbapi.isolation_level = previous


def _upgrade_failed(engine: Engine, started: str | None, backup: Path | None, exc: Exception) -> StoreError:
    """A plain message for an upgrade that stopped: where the store stands, where the copy is."""
    from app.store.engine import connection_problem

    try:
        now = current_revision(engine)
    except Exception:  # the disk may be gone altogether
        now = None
    where = f"it is still whole at schema {now}" if now else "it was not changed"
    copy = f" A copy from before the upgrade is {backup}." if backup is not None else ""
    return StoreUnavailableError(
        f"the store could not be upgraded from schema {started or 'none'} ({connection_problem(exc)}); "
        f"{where}, as each step is whole or not at all.{copy} Free some disk space or make the "
        "file writable, then start the program again: the upgrade goes on from there."
    )


def _run_upgrade(engine: Engine, cfg: Config, sqlite: bool) -> None:
    with engine.connect() as conn:
        if sqlite:
            # Outside any transaction, where SQLite honours it: tables are rebuilt in batches.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            cfg.attributes["connection"] = conn
            with _transactional_ddl(engine, conn) if sqlite else contextlib.nullcontext():
                command.upgrade(cfg, "head")
            conn.commit()
            if sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:  # a fault in a migration, not in the store: said as such
                    raise RuntimeError(f"foreign key check failed after migration: {len(problems)}")
        finally:
            if sqlite:  # (a failure here must not hide the first one)
                with contextlib.suppress(OperationalError):
                    conn.rollback()
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    conn.commit()


def upgrade_store(engine: Engine) -> Path | None:
    """Bring the store to the newest schema, each revision in a transaction of its own: a
    failed or killed upgrade leaves the store at the last whole revision (and the next start
    goes on from there). Returns the backup made (SQLite), if any."""
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreTooNewError(current)
    backup = None
    path = sqlite_file(engine.url)
    if current is not None and path is not None and path.exists():
        backup = _backup(path, current)
        log.info("Backed up store before upgrade from %s", current)
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    secured = not sqlite and _drop_reach(engine)
    try:
        _run_upgrade(engine, cfg, sqlite)
    except OperationalError as exc:
        if not sqlite:
            raise
        raise _upgrade_failed(engine, current, backup, exc) from exc
    log.info("Store upgraded from %s to %s", current, head)
    if secured:
        from app.store.server import apply_security

        with engine.begin() as conn:
            apply_security(conn)
    if not sqlite:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")  # fresh statistics for the changed tables
    return backup


def _drop_reach(engine: Engine) -> bool:
    """On a shared server the staff roles' views stand on the tables: they go before the
    tables change and are built again after (app/store/reach.py), the reach functions and
    each login's schema of views alike (a directory's view stands on its table itself).
    Returns whether the server had its access design in place."""
    from app.store.reach_sql import REACH_SCHEMA, quote_ident
    from app.store.server import security_applied

    with engine.begin() as conn:
        if not security_applied(conn):
            return False
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {REACH_SCHEMA} CASCADE")
        logins = conn.exec_driver_sql(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %(prefix)s)",
            {"prefix": f"{REACH_SCHEMA}_"},
        ).scalars()
        for schema in list(logins):
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE")
    return True
