"""What the UI and CLI hold while the program runs: the store's sessions and the user."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.services.common.users import UserInfo


@dataclass(frozen=True)
class AppContext:
    sessions: sessionmaker[Session]
    user: UserInfo
    store_label: str  # for the status bar; never a password
    store_kind: str  # "sqlite" or "postgresql"
    read_only: bool = False  # opened by a command that reads: nothing is written
    draft_key: bytes | None = None  # an encrypted store's key for the local plan drafts
