"""Transition to adulthood (Barnets lov §§ 122-123): a track per youth from 16 with topics."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked


class TransitionTrack(Tracked, Base):
    __tablename__ = "transition_tracks"
    __table_args__ = (UniqueConstraint("case_id", "citizen_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    # Adult decisions ready by this day (before the 18th birthday).
    deadline: Mapped[date] = mapped_column(Date)
    adult_contact_name: Mapped[str] = mapped_column(NFCText(200), default="")
    adult_contact_phone: Mapped[str] = mapped_column(NFCText(40), default="")
    adult_contact_email: Mapped[str] = mapped_column(NFCText(200), default="")
    adult_contact_organisation: Mapped[str] = mapped_column(NFCText(200), default="")
    note: Mapped[str] = mapped_column(NFCText(2000), default="")

    topics: Mapped[list[TransitionTopic]] = relationship(
        back_populates="track", cascade="all, delete-orphan", order_by="TransitionTopic.position"
    )


class TransitionTopic(Tracked, Base):
    __tablename__ = "transition_topics"
    __table_args__ = (UniqueConstraint("track_id", "topic"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    track_id: Mapped[int] = mapped_column(ForeignKey("transition_tracks.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(NFCText(40))  # services.transition.TOPICS
    position: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(NFCText(2000), default="")

    track: Mapped[TransitionTrack] = relationship(back_populates="topics")
