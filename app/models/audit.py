"""Audit events: append-only and hash-chained (app/services/common/audit.py; on PostgreSQL the
server writes them). ``citizen_id`` is a plain number, not a foreign key: the log keeps its
entries when a citizen's data is erased after the retention period."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, NFCText, UTCDateTime, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    # One user's newest entries in a period (the audit viewer), found without a sort.
    __table_args__ = (Index("ix_audit_events_user_time", "user_login", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_login: Mapped[str] = mapped_column(NFCText(64))
    action: Mapped[str] = mapped_column(NFCText(40))
    object_type: Mapped[str] = mapped_column(NFCText(40), default="")
    object_id: Mapped[int | None] = mapped_column(Integer)
    citizen_id: Mapped[int | None] = mapped_column(Integer, index=True)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    department: Mapped[str] = mapped_column(NFCText(200), default="")  # the user's, at the time
    purpose: Mapped[str] = mapped_column(NFCText(500), default="")  # e.g. a reason given for an override
    search_term: Mapped[str] = mapped_column(NFCText(200), default="")
    details: Mapped[str] = mapped_column(NFCText(20000), default="")
    prev_hash: Mapped[str] = mapped_column(NFCText(64), default="")
    hash: Mapped[str] = mapped_column(NFCText(64), default="")
