"""Engines with the right settings for each store, and sessions that stamp who changed what."""

from __future__ import annotations

import os
import sqlite3
import uuid
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.store.errors import StoreUnavailableError
from app.store.location import make_store_folder, sqlite_file

SQLITE_BUSY_TIMEOUT_MS = 5000
PG_CONNECT_TIMEOUT_S = 5
# Each engine (one per running program) is named in the change notifications its writes
# cause, so that the program can skip its own. Not a secret and not a person: random.
_CLIENT_IDS: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def client_id(engine: Engine) -> str | None:
    return _CLIENT_IDS.get(engine)


def _tagger(client: str) -> Callable[[Any, Any], None]:
    def tag(dbapi_conn: Any, _record: Any) -> None:
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("SELECT set_config('koordinator.client', %s, false)", (client,))
        finally:
            cursor.close()
        dbapi_conn.commit()

    return tag


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


ENCRYPT_ENV = "KOORDINATOR_ENCRYPT"  # "1": a new local store is made encrypted (koordinator --encrypt)


def _encrypted(path: Path | None) -> bool:
    """An existing file that is not plain SQLite is an encrypted store; a new one is made
    encrypted when asked for."""
    if path is None:
        return False
    if path.exists() and path.stat().st_size > 0:
        from app.store.encryption import is_plain_sqlite

        if is_plain_sqlite(path):
            return False
        # Not plain SQLite: encrypted if this computer's keyring holds a key for it; else
        # it is opened as it is and refused as "not a database" (it may be neither).
        from app.store.credentials import KeyringCredentials
        from app.store.encryption import find_key

        return find_key(path, KeyringCredentials())[0] is not None
    return os.environ.get(ENCRYPT_ENV) == "1"


def _encrypted_engine(url: URL, path: Path, **kwargs: Any) -> Engine:
    from app.store.credentials import KeyringCredentials
    from app.store.encryption import encrypted_engine, key_for

    key = key_for(path, KeyringCredentials(), create=not path.exists())
    return encrypted_engine(url, key, **kwargs)


def create_store_engine(url: URL, key_path: Path | None = None, **kwargs: Any) -> Engine:
    """``key_path``: the file whose encryption key to use when it differs from the URL's (a
    new store is built under a temporary name)."""
    if url.get_backend_name() == "sqlite" and _encrypted(key_path or sqlite_file(url)):
        path = key_path or sqlite_file(url)
        assert path is not None
        return _encrypted_engine(url, path, **kwargs)
    if url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            make_store_folder(path)
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,  # errors must never carry CPR numbers or case text
            **kwargs,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        # A dropped network must fail a connection attempt in seconds, not minutes.
        kwargs.setdefault("connect_args", {}).setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)
        if engine.dialect.name == "postgresql":
            _CLIENT_IDS[engine] = client = uuid.uuid4().hex
            event.listen(engine, "connect", _tagger(client))
    return engine


# What the database drivers say, and what it means for the person at the keyboard.
_CONNECTION_REASONS: tuple[tuple[str, str], ...] = (
    (
        "unable to open database file",
        "the database file cannot be opened or made: check the folder exists and may be written",
    ),
    ("readonly database", "the database file is read-only"),
    ("attempt to write a readonly", "the database file is read-only"),
    ("database or disk is full", "the disk is full"),
    ("disk i/o error", "the disk could not be read or written (disk I/O error)"),
    ("file is not a database", "the file is not a database this program can open"),
    ("database is locked", "another program holds the database locked; try again in a moment"),
)


def connection_problem(exc: BaseException, url: URL | None = None) -> str:
    """A plain reason for a failed connection, never a password."""
    if url is not None and url.get_backend_name() == "postgresql":
        from app.store.credentials import classify_connect_error, problem_text

        return problem_text(classify_connect_error(exc))
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "FATAL:" in detail:
        detail = detail.split("FATAL:", 1)[1].strip()
    lowered = detail.lower()
    for needle, message in _CONNECTION_REASONS:
        if needle in lowered:
            return message
    return f"the database could not be opened: {detail}"


def check_reachable(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except OperationalError as exc:
        raise StoreUnavailableError(
            f"cannot open the database: {connection_problem(exc, engine.url)}"
        ) from exc


def _stamp_user(session: Session, _ctx: Any, _instances: Any) -> None:
    user = session.info.get("user", "system")
    for obj in session.new:
        if getattr(obj, "__tracked__", False):
            obj.created_by = user
            obj.updated_by = user
    for obj in session.dirty:
        if getattr(obj, "__tracked__", False) and session.is_modified(obj):
            obj.updated_by = user


def make_session_factory(
    engine: Engine, user: str = "system", read_only: bool = False
) -> sessionmaker[Session]:
    """Sessions on ``engine`` that stamp ``user`` on what they change. The program's own rules
    at flush (text limits, the audit log's before/after) are added by the layer above:
    app/startup.py ``session_factory`` (app/services/common/session_rules.py)."""
    factory = sessionmaker(engine, expire_on_commit=False, info={"user": user, "read_only": read_only})
    event.listen(factory, "before_flush", _stamp_user)
    return factory
