"""The team's side of a case: hand-overs between coordinators (with the note the new one reads
first) and absences, during which a deputy covers some or all of a caseworker's cases."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked, UTCDateTime
from app.models.enums import AbsenceKind, db_enum
from app.models.plans import LONG_TEXT


class CaseHandOver(Tracked, Base):
    """A case handed from one coordinator to another. The note (what is going on, what is
    promised to the family, what is due) is what the new coordinator sees first; until
    ``read_only_until`` (inclusive) the old coordinator and their team may still read the
    case, but not change it."""

    __tablename__ = "case_hand_overs"
    __table_args__ = (
        Index("ix_case_hand_overs_case", "case_id", "handed_at"),
        # the server's reach looks for the read-only periods still running, at every statement
        Index("ix_case_hand_overs_read_only_until", "read_only_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    from_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    to_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # the team the case came from (the user may change team later; the read-only period is the team's)
    from_team: Mapped[str] = mapped_column(NFCText(100), default="")
    handed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(NFCText(LONG_TEXT))
    read_only_until: Mapped[date | None] = mapped_column(Date)
    # when the new coordinator first opened the case and so read the note
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Absence(Tracked, Base):
    """A caseworker away from ``starts_on`` to ``ends_on`` (both inclusive). The deputy reaches
    the covered cases during the period (all the absent one coordinates or is partner on, or
    those listed in ``absence_cases``); it ends by itself."""

    __tablename__ = "absences"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="absence_period"),
        CheckConstraint("user_id <> deputy_id", name="absence_deputy_not_self"),
        Index("ix_absences_deputy_period", "deputy_id", "starts_on", "ends_on"),
        Index("ix_absences_user_period", "user_id", "starts_on", "ends_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[AbsenceKind] = mapped_column(db_enum(AbsenceKind))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    all_cases: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(NFCText(500), default="")

    cases: Mapped[list[AbsenceCase]] = relationship(back_populates="absence", cascade="all, delete-orphan")


class AbsenceCase(Tracked, Base):
    """One case an absence's deputy covers (when the absence covers only some)."""

    __tablename__ = "absence_cases"
    __table_args__ = (UniqueConstraint("absence_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    absence_id: Mapped[int] = mapped_column(ForeignKey("absences.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)

    absence: Mapped[Absence] = relationship(back_populates="cases")
