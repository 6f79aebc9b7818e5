"""What the UI and CLI hold while the program runs: the store's engine and sessions, and the user."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.services.common.users import UserInfo


@dataclass(frozen=True)
class AppContext:
    engine: Engine  # the store the sessions are bound to
    sessions: sessionmaker[Session]
    user: UserInfo
    store_label: str  # for the status bar; never a password
    store_kind: str  # "sqlite" or "postgresql"
    read_only: bool = False  # opened by a command that reads: nothing is written
    draft_key: bytes | None = None  # an encrypted store's key for the local plan drafts

    def close(self) -> None:
        """Close the store's connections (SQLite folds its write-ahead log into the file)."""
        self.engine.dispose()
