"""The coordinated course (forløb) and the professionals in its network."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked, UTCDateTime
from app.models.enums import CaseStatus, CoordinationModel, Sector, db_enum
from app.models.people import Citizen, Family, User


class Case(Tracked, Base):
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint("(family_id IS NULL) <> (citizen_id IS NULL)", name="family_or_citizen"),
        CheckConstraint("follow_up_interval_days > 0", name="follow_up_interval_positive"),
        Index("ix_cases_coordinator_status", "coordinator_id", "status"),
        # The case list's sorts read a page through these (the id breaks ties).
        Index("ix_cases_cpr6_id", "cpr6", "id"),
        Index("ix_cases_open_agreements_id", "open_agreements", "id"),
        Index("ix_cases_next_meeting_at_id", "next_meeting_at", "id"),
        Index("ix_cases_turning_18_id", "turning_18", "id"),
        Index("ix_cases_model_id", "model", "id"),
        Index("ix_cases_status_id", "status", "id"),
        # sorted by coordinator: each coordinator's cases in turn (users by name, then these)
        Index("ix_cases_coordinator_id_id", "coordinator_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(NFCText(20), unique=True)  # K-2026-0042
    title: Mapped[str] = mapped_column(NFCText(200), index=True)  # family or citizen name
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id"), index=True)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"), index=True)
    coordinator_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)  # makkerpar
    model: Mapped[CoordinationModel] = mapped_column(db_enum(CoordinationModel))
    status: Mapped[CaseStatus] = mapped_column(db_enum(CaseStatus), default=CaseStatus.ACTIVE)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_reason: Mapped[str] = mapped_column(NFCText(500), default="")
    follow_up_interval_days: Mapped[int] = mapped_column(Integer, default=42)
    # Closing starts the retention clock; after this day the case may be erased.
    retention_until: Mapped[date | None] = mapped_column(Date, index=True)
    # Kept by services.cases.refresh_follow_up_due from the last held meeting.
    follow_up_due: Mapped[date | None] = mapped_column(Date, index=True)
    # Case-folded case number, title and member names for search-as-you-type.
    search_text: Mapped[str] = mapped_column(NFCText(2000), default="")
    # Kept by the store's triggers (app/store/case_summary_sql.py), never set by the program:
    # the first person's CPR date and the open agreements of the newest plan; as of the
    # summary day (SummaryClock), the first planned meeting from that day on and whether a
    # person of the case turns 18 within a year.
    cpr6: Mapped[str | None] = mapped_column(String(6))
    open_agreements: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_meeting_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    turning_18: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    family: Mapped[Family | None] = relationship()
    citizen: Mapped[Citizen | None] = relationship()
    coordinator: Mapped[User] = relationship(foreign_keys=[coordinator_id])
    partner: Mapped[User | None] = relationship(foreign_keys=[partner_id])


class SummaryClock(Base):
    """The day the kept case summaries that depend on the date are right for (one row): the
    start of that day in UTC and the birth dates of those who turn 18 within a year from it.
    Moved on by app/services/cases/case_summaries.py; the triggers read it."""

    __tablename__ = "summary_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    since: Mapped[datetime] = mapped_column(UTCDateTime)
    born_after: Mapped[date] = mapped_column(Date)
    born_by: Mapped[date] = mapped_column(Date)


class Professional(Tracked, Base):
    __tablename__ = "professionals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(NFCText(200), index=True)
    role: Mapped[str] = mapped_column(NFCText(200), default="")
    organisation: Mapped[str] = mapped_column(NFCText(200), default="")
    sector: Mapped[Sector] = mapped_column(db_enum(Sector), default=Sector.OTHER)
    phone: Mapped[str] = mapped_column(NFCText(40), default="")
    email: Mapped[str] = mapped_column(NFCText(200), default="")


class CaseProfessional(Tracked, Base):
    """A professional in a case's network; one professional can serve several families."""

    __tablename__ = "case_professionals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    professional_id: Mapped[int] = mapped_column(ForeignKey("professionals.id"), index=True)
    note: Mapped[str] = mapped_column(NFCText(500), default="")

    professional: Mapped[Professional] = relationship()


class CaseNumberCounter(Base):
    """The last case number given out per year. On a shared server a caseworker sees only
    some cases, so the next number cannot be found by looking at the cases themselves."""

    __tablename__ = "case_number_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)
