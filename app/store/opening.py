"""Open a store: a cheap schema check, migrations (and alembic) only when needed.

Trust rules (issue 12): a file that is not a Koordinator store is refused before anything
opens it for writing, and left byte for byte as it was; only a first start on a path that
does not exist (or ``migrate``) creates a store; a command that reads opens an existing store
read-only and never creates, upgrades or writes it.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from enum import Enum
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.store.encryption import SQLITE_HEADER
from app.store.engine import SQLITE_BUSY_TIMEOUT_MS, check_reachable, connection_problem, create_store_engine
from app.store.errors import (
    NoStoreError,
    NotAStoreError,
    StoreOutdatedError,
    StoreUnavailableError,
    refused_by_server,
)
from app.store.location import make_store_folder, sqlite_file
from app.store.safe_files import (
    process_alive,
    protect_store,
    remove_with_side_files,
    sweep_stale,
    sync_folder,
)

# Tables every Koordinator store has had since its first schema.
_OUR_TABLES = frozenset({"alembic_version", "cases", "citizens", "users"})


class OpenMode(Enum):
    USE = "use"  # the program and demo: create a new store on a new path, upgrade an older one
    READ = "read"  # verify-audit, lists, export-ics: an existing, current store, read-only
    EXPORT = "export"  # exports that are logged: an existing, current store; only audit entries


# The newest migration in app/store/migrations/versions (a test keeps them equal).
SCHEMA_HEAD = "0021"


@dataclass(frozen=True)
class OpenedStore:
    engine: Engine
    migrated: bool
    backup: Path | None
    read_only: bool = False


def stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(value) if value is not None else None


def _readable_file(path: Path) -> bytes:
    """The first bytes of an existing store file, or a plain refusal."""
    if path.is_dir():
        raise NotAStoreError(f"{path} is a folder, not a Koordinator store")
    if not path.is_file():
        raise NotAStoreError(f"{path} is not a regular file, so it is not a Koordinator store")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise StoreUnavailableError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise StoreUnavailableError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head:
        raise NotAStoreError(f"{path} is an empty file, not a Koordinator store; nothing was changed")
    return head


def _encrypted_key_problem(path: Path) -> str | None:
    """None when the keyring holds this encrypted file's key, else the plain reason why not."""
    from app.store.credentials import KeyringCredentials
    from app.store.encryption import find_key

    key, why = find_key(path, KeyringCredentials())
    return None if key is not None else why


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without creating or changing any file: ``immutable`` when no
    write-ahead log exists (no program has the store open), else ``mode=ro``."""
    from urllib.parse import quote

    wal = path.with_name(path.name + "-wal")
    flag = "mode=ro" if wal.exists() else "immutable=1"
    return f"file:{quote(str(path))}?{flag}"


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        read_only_uri(path), uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )


def check_sqlite_store(path: Path) -> str | None:
    """The schema revision of an existing plain or encrypted Koordinator store file (None for
    an encrypted file, read later with its key). Refuses anything else, without writing."""
    head = _readable_file(path)
    if head != SQLITE_HEADER:
        why = _encrypted_key_problem(path)
        if why is None:
            return None
        raise NotAStoreError(
            f"{path} is not a Koordinator store this computer can open: it is not a plain "
            f"database, and if it is an encrypted one, {why}. Nothing was changed."
        )
    try:
        conn = connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAStoreError(f"{path} is not a Koordinator store ({exc}); nothing was changed") from None
    if not tables >= _OUR_TABLES or not revision:
        what = "an empty database" if not tables else "another program's database"
        raise NotAStoreError(f"{path} is {what}, not a Koordinator store; nothing was changed")
    return str(revision[0])


def _read_only_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine

    return create_engine("sqlite+pysqlite://", creator=lambda: connect_read_only(path))


def check_server_database(engine: Engine) -> str | None:
    """A PostgreSQL database's schema revision; one without our schema that holds another
    program's tables is refused (nothing is changed). None: an empty database."""
    revision = stored_revision(engine)
    if revision is not None:
        return revision
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
    if tables:
        raise NotAStoreError(
            "this database holds another program's tables, not a Koordinator store; nothing was changed"
        )
    return None


def _check_server_schema(engine: Engine, mode: OpenMode) -> str | None:
    """A PostgreSQL database's schema revision. One without our schema is set up only when it
    is empty and the program (not a reading command) opens it."""
    revision = check_server_database(engine)
    if revision is None and mode is not OpenMode.USE:
        raise NotAStoreError(
            "this database has no Koordinator schema; IT sets one up with koordinator server-init"
        )
    return revision


def open_store(url: URL, mode: OpenMode = OpenMode.USE) -> OpenedStore:
    try:
        return _open_store(url, mode)
    except OSError as exc:  # a path too long, a folder that cannot be read …
        where = sqlite_file(url) or "the database"
        raise StoreUnavailableError(f"cannot open {where}: {exc.strerror or exc}") from exc


def _open_store(url: URL, mode: OpenMode) -> OpenedStore:
    path = sqlite_file(url)
    revision: str | None = None
    known = created = False
    if path is not None:
        protect_store(path)  # no export may ever be written onto it
        if mode is OpenMode.USE and path.parent.is_dir():
            sweep_stale(path.parent)  # a killed backup's or export's temporary files
        if path.exists() or path.is_symlink():
            revision = check_sqlite_store(path)
            known = revision is not None
        elif mode is not OpenMode.USE:
            raise NoStoreError(f"no store at {path}")
        else:
            create_sqlite_store(url, path)
            revision, known, created = SCHEMA_HEAD, True, True
        if mode is not OpenMode.USE and known and revision != SCHEMA_HEAD:
            _refuse_other_revision(revision)
        writable = _writable(path)
        if mode is OpenMode.USE and not created and not writable:
            raise StoreUnavailableError(
                f"the store {path} is read-only (the file or its folder), and the program must write "
                "to it; ask for write access. Nothing was changed."
            )
        if mode is OpenMode.READ or (mode is OpenMode.EXPORT and known and not writable):
            if not known:  # encrypted: read with its key, but still never write
                engine = create_store_engine(url)
                return OpenedStore(engine, False, None, read_only=True)
            return OpenedStore(_read_only_engine(path), False, None, read_only=True)
    engine = create_store_engine(url)
    check_reachable(engine)
    try:
        if path is None:
            revision = _check_server_schema(engine, mode)
            if mode is not OpenMode.USE and revision != SCHEMA_HEAD:
                _refuse_other_revision(revision)
        elif not known:
            revision = stored_revision(engine)
        if revision == SCHEMA_HEAD:
            return OpenedStore(engine, created, None)
        if mode is not OpenMode.USE:
            _refuse_other_revision(revision)
        from app.store.migrate import upgrade_store  # alembic is loaded only for an upgrade

        backup = upgrade_store(engine)
    except ProgrammingError as exc:
        engine.dispose()
        if refused_by_server(exc):  # a caseworker's role may not migrate
            raise StoreUnavailableError(
                "the shared database has an older schema than this program; ask IT to run "
                "'koordinator migrate' on the server (nothing was changed)"
            ) from exc
        raise
    except OperationalError as exc:
        engine.dispose()
        raise StoreUnavailableError(
            "the database could not be prepared: it may be read-only, locked by another "
            "program or the disk may be full"
        ) from exc
    except Exception:
        engine.dispose()
        raise
    return OpenedStore(engine, True, backup)


def create_sqlite_store(url: URL, path: Path) -> None:
    """Make a new store whole or not at all: built under a temporary name beside the target
    (its schema, each revision in a transaction), then linked into place only if nothing is
    there yet. A half-made one left by a killed process is removed at the next start."""
    from app.store.migrate import upgrade_store

    make_store_folder(path)
    for side in ("-wal", "-journal"):
        leftover = path.with_name(path.name + side)
        if leftover.exists():  # a log without its database would be read into the new store
            raise StoreUnavailableError(
                f"{leftover} is left over from a database that is no longer there; move it away "
                "before a new store is made here (nothing was changed)"
            )
    _sweep_half_made(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}{NEW_STORE_SUFFIX}")
    engine = create_store_engine(url.set(database=str(temp)), key_path=path)
    try:
        check_reachable(engine)
        upgrade_store(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        if temp.with_name(temp.name + "-wal").exists() and temp.with_name(temp.name + "-wal").stat().st_size:
            raise StoreUnavailableError(f"a new store could not be finished at {path}")
        _into_place_once(temp, path)
    except OperationalError as exc:
        raise StoreUnavailableError(
            f"a new store could not be made at {path}: {connection_problem(exc)}"
        ) from exc
    finally:
        engine.dispose()
        remove_with_side_files(temp)
    sync_folder(path.parent)


def _into_place_once(temp: Path, path: Path) -> None:
    """Give the finished file its name unless another program made a store there meanwhile
    (theirs stands): a hard link never replaces; a rename after a check where links are not
    supported (FAT)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        return
    except OSError:
        if not path.exists():
            os.replace(temp, path)


NEW_STORE_SUFFIX = ".koordinator-new"


def _sweep_half_made(path: Path) -> None:
    """Remove the half-made stores that killed processes left beside ``path``."""
    prefix = f".{path.name}."
    for entry in path.parent.glob(f".{glob_escape(path.name)}.*{NEW_STORE_SUFFIX}"):
        pid_text = entry.name[len(prefix) : -len(NEW_STORE_SUFFIX)]
        if pid_text.isdigit() and not process_alive(int(pid_text), time.time() - entry.stat().st_mtime):
            remove_with_side_files(entry)


def _writable(path: Path) -> bool:
    """SQLite writes beside the file too (its -wal and -shm): the folder must be writable."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _refuse_other_revision(revision: str | None) -> Any:
    from app.store.errors import StoreTooNewError
    from app.store.migrate import known_revisions

    if revision is not None and revision not in known_revisions():
        raise StoreTooNewError(revision)
    raise StoreOutdatedError(
        f"the store has an older schema ({revision or 'none'}) than this program ({SCHEMA_HEAD}); "
        "open it once in the program or run 'koordinator migrate' first. Nothing was changed."
    )
