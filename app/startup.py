"""Opening the program's context (store, user, catalogue) — shared by the GUI and the CLI."""

from __future__ import annotations

import logging
import weakref

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.models import LawSection
from app.services.cases import case_summaries
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.session_rules import add_session_rules
from app.services.common.users import ensure_user, find_user, os_login
from app.services.family.law_catalogue import load_catalogue
from app.store.engine import connection_problem, make_session_factory
from app.store.errors import StoreUnavailableError, refused_by_server
from app.store.location import describe_store, resolve_store_url
from app.store.opening import OpenMode, open_store

log = logging.getLogger(__name__)

_opened: weakref.WeakSet[Engine] = weakref.WeakSet()


def close_all() -> None:
    """Close every store this process opened (a command's last step: SQLite folds its
    write-ahead log into the file, so the file can be copied or moved on its own)."""
    for engine in list(_opened):
        engine.dispose()


def session_factory(engine: Engine, user: str = "system", read_only: bool = False) -> sessionmaker[Session]:
    """The program's sessions on an open store: the store's (who changed what) with the
    services' rules at every flush (text limits, the audit log's before/after). Every way the
    program opens a store comes here (the GUI, the CLI, the tests' fixtures)."""
    return add_session_rules(make_session_factory(engine, user=user, read_only=read_only))


def open_context(
    db: str | None = None, login: str | None = None, mode: OpenMode = OpenMode.USE
) -> AppContext:
    """Open the store; raises StoreError with a plain message.

    ``OpenMode.USE`` (the program, demo) creates a store on a new path and upgrades an older
    one; ``READ`` opens an existing, current store read-only and writes nothing (no login
    entry either); ``EXPORT`` writes nothing on opening but the audit entries of the export
    itself (none when the store file is read-only)."""
    url = resolve_store_url(db)
    opened = open_store(url, mode)
    _opened.add(opened.engine)
    if opened.backup is not None:
        log.info("Store backed up before upgrade")
    shared = opened.engine.dialect.name == "postgresql"
    if login is None and shared:
        # On a shared server you are the database role you logged in as: the server's
        # access rules know you by that name, so the program must too.
        with opened.engine.connect() as conn:
            login = str(conn.exec_driver_sql("SELECT current_user").scalar())
    login = login or os_login()
    sessions = session_factory(opened.engine, user=login, read_only=opened.read_only)
    if opened.read_only or mode is not OpenMode.USE:
        # Nothing is written on opening: no user record, no catalogue, no login entry (an
        # export logs itself with its file, and a failed one leaves no trace).
        try:
            with sessions() as session:
                user = find_user(session, login)
        except DBAPIError as exc:
            opened.engine.dispose()
            raise StoreUnavailableError(f"the store could not be read: {connection_problem(exc)}") from exc
        return AppContext(
            engine=opened.engine,
            sessions=sessions,
            user=user,
            store_label=describe_store(url),
            store_kind=opened.engine.dialect.name,
            read_only=opened.read_only or mode is OpenMode.READ,
        )
    try:
        with sessions.begin() as session:
            if opened.migrated or not session.scalar(select(func.count(LawSection.id))):
                added = load_catalogue(session)
                log.info("Law-section catalogue: %d entries added", added)
            user = ensure_user(session, login)
            audit.record(session, audit.LOGIN, object_type="user")
    except DBAPIError as exc:
        opened.engine.dispose()
        if shared and refused_by_server(exc):
            raise StoreUnavailableError(
                f"the login {login} is not registered as a Koordinator user on this server; "
                f"ask IT to run: koordinator add-caseworker {login} --name '…' --team '…'"
            ) from exc
        raise
    # The case list's kept sort keys move on to today (in a transaction of its own; a login
    # that may not do it leaves them, and the list computes those keys itself).
    case_summaries.catch_up(sessions, local_today())
    return AppContext(
        engine=opened.engine,
        sessions=sessions,
        user=user,
        store_label=describe_store(url),
        store_kind=opened.engine.dialect.name,
        draft_key=_draft_key(url),
    )


def _draft_key(url) -> bytes | None:  # type: ignore[no-untyped-def]
    """For an encrypted local store: the key its plan drafts are encrypted with."""
    from app.store.location import sqlite_file

    path = sqlite_file(url)
    if path is None or not path.exists():
        return None
    from app.store.encryption import is_plain_sqlite

    if is_plain_sqlite(path):
        return None
    from app.services.plan.local_drafts import draft_key
    from app.store.credentials import KeyringCredentials
    from app.store.encryption import key_for

    return draft_key(key_for(path, KeyringCredentials(), create=False))
