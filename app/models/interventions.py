"""Indsatser per citizen and their weekly time slots."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked
from app.models.cases import Professional
from app.models.enums import InterventionStatus, Sector, db_enum
from app.models.law import LawSection


class Intervention(Tracked, Base):
    __tablename__ = "interventions"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    law_section_id: Mapped[int | None] = mapped_column(ForeignKey("law_sections.id"))
    title: Mapped[str] = mapped_column(NFCText(300))
    sector: Mapped[Sector] = mapped_column(db_enum(Sector))
    professional_id: Mapped[int | None] = mapped_column(ForeignKey("professionals.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[InterventionStatus] = mapped_column(
        db_enum(InterventionStatus), default=InterventionStatus.ACTIVE
    )
    sector_plan: Mapped[str] = mapped_column(NFCText(100), default="")  # barnets plan, Min Plan …
    source_system: Mapped[str] = mapped_column(NFCText(60), default="")  # DUBU, Momentum, Nexus …
    last_checked: Mapped[date | None] = mapped_column(Date)
    # When the municipality became aware of the need (BL § 20, stk. 3: the investigation's clock)
    noticed_on: Mapped[date | None] = mapped_column(Date)

    law_section: Mapped[LawSection | None] = relationship()
    professional: Mapped[Professional | None] = relationship()
    slots: Mapped[list[InterventionSlot]] = relationship(
        back_populates="intervention", cascade="all, delete-orphan"
    )


class InterventionSlot(Tracked, Base):
    """A weekly recurring time slot, used to find collisions in the family's week."""

    __tablename__ = "intervention_slots"
    __table_args__ = (
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
        CheckConstraint("end_time > start_time", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intervention_id: Mapped[int] = mapped_column(
        ForeignKey("interventions.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    needs_parent: Mapped[bool] = mapped_column(Boolean, default=False)

    intervention: Mapped[Intervention] = relationship(back_populates="slots")
