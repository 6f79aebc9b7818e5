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
from app.store.location import sqlite_file

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
        from app.store.encryption import credential_key

        return bool(KeyringCredentials().get(credential_key(path)))
    return os.environ.get(ENCRYPT_ENV) == "1"


def _encrypted_engine(url: URL, path: Path, **kwargs: Any) -> Engine:
    from app.store.credentials import KeyringCredentials
    from app.store.encryption import encrypted_engine, key_for

    key = key_for(path, KeyringCredentials(), create=not path.exists())
    return encrypted_engine(url, key, **kwargs)


def create_store_engine(url: URL, **kwargs: Any) -> Engine:
    if url.get_backend_name() == "sqlite" and _encrypted(sqlite_file(url)):
        path = sqlite_file(url)
        assert path is not None
        return _encrypted_engine(url, path, **kwargs)
    if url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailableError(
                    f"cannot create the folder for the database: {path.parent} ({exc.strerror})"
                ) from exc
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


def check_reachable(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except OperationalError as exc:
        raise StoreUnavailableError(
            "cannot open the database: check that the file is not read-only, "
            "that the disk has room, and that the server is running"
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


def make_session_factory(engine: Engine, user: str = "system") -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False, info={"user": user})
    event.listen(factory, "before_flush", _stamp_user)
    from app.services.audit import capture_changes, snapshot_changes  # issue 7: before/after

    event.listen(factory, "before_flush", snapshot_changes)
    event.listen(factory, "after_flush", capture_changes)
    return factory
