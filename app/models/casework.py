"""The caseworker's day: the case journal (journalnotater), tasks, documents, and when a
user last looked at a case ("Min dag" shows what others changed since)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked, UTCDateTime
from app.models.enums import DocumentKind, JournalKind, TaskSource, db_enum
from app.models.plans import LONG_TEXT

# A document attached to a case is at most this large (the limit; a clear message above).
DOCUMENT_MAX_BYTES = 25 * 1024 * 1024


class JournalEntry(Tracked, Base):
    """A note of what happened (forvaltningsloven § 13 / offentlighedsloven § 13). It may be
    changed for a while after it is written (``journal_lock_hours``, default 24); after that
    a correction is a new entry that points at the one it corrects (``corrects_id``)."""

    __tablename__ = "journal_entries"
    __table_args__ = (Index("ix_journal_entries_case_occurred", "case_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[JournalKind] = mapped_column(db_enum(JournalKind))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    subject: Mapped[str] = mapped_column(NFCText(200), default="")
    text: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    # What the entry is about, besides the persons (at most one of each).
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    intervention_id: Mapped[int | None] = mapped_column(ForeignKey("interventions.id", ondelete="SET NULL"))
    agreement_key: Mapped[str | None] = mapped_column(NFCText(36))
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"), index=True)

    members: Mapped[list[JournalEntryMember]] = relationship(
        back_populates="entry", cascade="all, delete-orphan"
    )


class JournalEntryMember(Tracked, Base):
    """A person a journal entry concerns."""

    __tablename__ = "journal_entry_members"
    __table_args__ = (UniqueConstraint("entry_id", "citizen_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entries.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)

    entry: Mapped[JournalEntry] = relationship(back_populates="members")


class Task(Tracked, Base):
    """Something to do, for a case or none, assigned to a user."""

    __tablename__ = "tasks"
    __table_args__ = (
        Index("ix_tasks_assignee_open", "assigned_to_id", "done_at", "due_date"),
        Index("ix_tasks_case_open", "case_id", "done_at", "due_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    what: Mapped[str] = mapped_column(NFCText(2000))
    note: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    assigned_to_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    remind_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str] = mapped_column(NFCText(64), default="")
    source: Mapped[TaskSource] = mapped_column(db_enum(TaskSource), default=TaskSource.MANUAL)
    # The agreement key, deadline key or follow-up date the task was made from.
    source_ref: Mapped[str] = mapped_column(NFCText(100), default="")


class Document(Tracked, Base):
    """A file the family or the network sent, kept in the store itself (the content in
    ``document_files``, so listing documents never reads the files)."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(f"size_bytes >= 0 AND size_bytes <= {DOCUMENT_MAX_BYTES}", name="size_within_limit"),
        Index("ix_documents_case_received", "case_id", "received_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(NFCText(300))
    kind: Mapped[DocumentKind] = mapped_column(db_enum(DocumentKind), default=DocumentKind.OTHER)
    received_on: Mapped[date] = mapped_column(Date)
    from_whom: Mapped[str] = mapped_column(NFCText(300), default="")
    # The name the file had (CPR-shaped text masked); never used as a file name on disk.
    original_name: Mapped[str] = mapped_column(NFCText(255), default="")
    media_type: Mapped[str] = mapped_column(NFCText(100), default="application/octet-stream")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(NFCText(64), default="")

    members: Mapped[list[DocumentMember]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )


class DocumentFile(Tracked, Base):
    __tablename__ = "document_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class DocumentMember(Tracked, Base):
    """A person a document concerns."""

    __tablename__ = "document_members"
    __table_args__ = (UniqueConstraint("document_id", "citizen_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)

    document: Mapped[Document] = relationship(back_populates="members")


class CaseLastSeen(Tracked, Base):
    """When a user last opened a case: "Min dag" lists what others changed since."""

    __tablename__ = "case_last_seen"
    __table_args__ = (UniqueConstraint("user_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StoreSetting(Tracked, Base):
    """A setting of the store itself, the same for everyone who uses it (on a shared server
    set by IT): e.g. ``journal_lock_hours``."""

    __tablename__ = "store_settings"

    key: Mapped[str] = mapped_column(NFCText(64), primary_key=True)
    value: Mapped[str] = mapped_column(NFCText(2000), default="")
