"""Opening the program's context (store, user, catalogue) — shared by the GUI and the CLI."""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from app.models import LawSection
from app.services.context import AppContext
from app.services.law_catalogue import load_catalogue
from app.services.users import ensure_user, os_login
from app.store.engine import make_session_factory
from app.store.location import describe_store, resolve_store_url
from app.store.opening import open_store

log = logging.getLogger(__name__)


def open_context(db: str | None = None, login: str | None = None) -> AppContext:
    """Open (and if needed create or upgrade) the store; raises StoreError with a plain message."""
    url = resolve_store_url(db)
    opened = open_store(url)
    if opened.backup is not None:
        log.info("Store backed up before upgrade")
    login = login or os_login()
    sessions = make_session_factory(opened.engine, user=login)
    with sessions.begin() as session:
        if opened.migrated or not session.scalar(select(func.count(LawSection.id))):
            added = load_catalogue(session)
            log.info("Law-section catalogue: %d entries added", added)
        user = ensure_user(session, login)
    return AppContext(
        sessions=sessions,
        user=user,
        store_label=describe_store(url),
        store_kind=opened.engine.dialect.name,
    )
