"""Known environment trouble with the store: each carries a plain message for the user."""

from __future__ import annotations


class StoreError(Exception):
    """A store problem the user can act on; str(exc) is the message to show."""


class StoreTooNewError(StoreError):
    pass


class StoreUnavailableError(StoreError):
    pass
