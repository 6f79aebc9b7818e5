"""Network, follow-up, status, start and closing meetings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked, UTCDateTime
from app.models.enums import MeetingKind, MeetingStatus, db_enum
from app.models.plans import LONG_TEXT


class Meeting(Tracked, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="end_after_start"),
        Index("ix_meetings_case_start", "case_id", "starts_at"),
        Index("ix_meetings_starts_at", "starts_at"),  # a day's meetings across cases ("Min dag")
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[MeetingKind] = mapped_column(db_enum(MeetingKind))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(NFCText(300), default="")
    video_link: Mapped[str] = mapped_column(NFCText(500), default="")
    status: Mapped[MeetingStatus] = mapped_column(db_enum(MeetingStatus), default=MeetingStatus.PLANNED)
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    agenda: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    minutes: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    ical_uid: Mapped[str] = mapped_column(NFCText(100), unique=True)
    ical_sequence: Mapped[int] = mapped_column(Integer, default=0)

    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )


class MeetingParticipant(Tracked, Base):
    __tablename__ = "meeting_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"))
    professional_id: Mapped[int | None] = mapped_column(ForeignKey("professionals.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    guest_name: Mapped[str] = mapped_column(NFCText(200), default="")
    guest_email: Mapped[str] = mapped_column(NFCText(200), default="")
    attended: Mapped[bool | None] = mapped_column(Boolean)

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
