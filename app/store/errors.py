"""Known environment trouble with the store: each carries a plain message for the user."""

from __future__ import annotations

from typing import Any

INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE when the server refuses an act


def refused_by_server(exc: Any) -> bool:
    """Whether a database error is the server's refusal (a rule, a missing privilege)."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == INSUFFICIENT_PRIVILEGE


class StoreError(Exception):
    """A store problem the user can act on; str(exc) is the message to show."""


class StoreTooNewError(StoreError):
    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database was made by a newer version of Koordinator (schema {revision}); "
            "install the newest version before opening it. Nothing in the database was changed."
        )
        self.revision = revision


class StoreUnavailableError(StoreError):
    """The store cannot be opened: a read-only or full disk, or an unreachable server."""


class NoStoreError(StoreError):
    """A command that reads was pointed at a store that does not exist (nothing is created)."""


class NotAStoreError(StoreError):
    """The file or database is not a Koordinator store; it is left untouched."""


class StoreOutdatedError(StoreError):
    """A command that reads met a store with an older schema; it does not upgrade it."""
