"""Opening the program's context (store, user, catalogue) — shared by the GUI and the CLI."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from app.models import LawSection
from app.services import audit
from app.services.context import AppContext
from app.services.law_catalogue import load_catalogue
from app.services.users import ensure_user, os_login
from app.store.engine import make_session_factory
from app.store.errors import StoreUnavailableError
from app.store.location import describe_store, resolve_store_url
from app.store.opening import open_store

log = logging.getLogger(__name__)

INSUFFICIENT_PRIVILEGE = "42501"


def open_context(db: str | None = None, login: str | None = None) -> AppContext:
    """Open (and if needed create or upgrade) the store; raises StoreError with a plain message."""
    url = resolve_store_url(db)
    opened = open_store(url)
    if opened.backup is not None:
        log.info("Store backed up before upgrade")
    shared = opened.engine.dialect.name == "postgresql"
    if login is None and shared:
        # On a shared server you are the database role you logged in as: the server's
        # access rules know you by that name, so the program must too.
        with opened.engine.connect() as conn:
            login = str(conn.exec_driver_sql("SELECT current_user").scalar())
    login = login or os_login()
    sessions = make_session_factory(opened.engine, user=login)
    try:
        with sessions.begin() as session:
            if opened.migrated or not session.scalar(select(func.count(LawSection.id))):
                added = load_catalogue(session)
                log.info("Law-section catalogue: %d entries added", added)
            user = ensure_user(session, login)
            audit.record(session, audit.LOGIN, object_type="user")
    except DBAPIError as exc:
        opened.engine.dispose()
        if shared and getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise StoreUnavailableError(
                f"the login {login} is not registered as a Koordinator user on this server; "
                f"ask IT to run: koordinator add-caseworker {login} --name '…' --team '…'"
            ) from exc
        raise
    return AppContext(
        sessions=sessions,
        user=user,
        store_label=describe_store(url),
        store_kind=opened.engine.dialect.name,
    )
