"""The rules every session of the program keeps at flush, whichever way the store was opened:
the same text limits on both stores (``editing.check_stored_text``) and the audit log's
before/after of every change (``audit.snapshot_changes``, ``audit.capture_changes``).

The store (app/store/engine.py) makes the session factory and stamps who changed what; it
knows nothing of the services. Whoever opens a store for the program (app/startup.py, which
the GUI, the CLI and the tests' fixtures all use) adds these rules with ``add_session_rules``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from app.services.common.audit import capture_changes, snapshot_changes
from app.services.common.editing import check_stored_text

# (event, listener) in the order they run; before_flush after the store's user stamp.
SESSION_RULES: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("before_flush", check_stored_text),
    ("before_flush", snapshot_changes),  # issue 7: before/after of every change
    ("after_flush", capture_changes),
)


def add_session_rules(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Add the program's flush rules to ``factory`` (once); returns it."""
    for name, listener in SESSION_RULES:
        if not event.contains(factory, name, listener):
            event.listen(factory, name, listener)
    return factory


def missing_session_rules(factory: sessionmaker[Session]) -> list[str]:
    """The rules ``factory`` lacks, by name (empty when it keeps them all)."""
    return [
        f"{name}: {listener.__qualname__}"
        for name, listener in SESSION_RULES
        if not event.contains(factory, name, listener)
    ]
