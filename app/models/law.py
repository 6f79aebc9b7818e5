"""The law-section catalogue. Loaded from resources/law_sections.csv, editable."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, NFCText, Tracked
from app.models.enums import Sector, db_enum


class LawSection(Tracked, Base):
    __tablename__ = "law_sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(NFCText(40), unique=True)
    law_abbr: Mapped[str] = mapped_column(NFCText(10), index=True)
    law_name: Mapped[str] = mapped_column(NFCText(200))
    law_ref: Mapped[str] = mapped_column(NFCText(100), default="")
    section: Mapped[str] = mapped_column(NFCText(100))
    title: Mapped[str] = mapped_column(NFCText(300))
    sector: Mapped[Sector] = mapped_column(db_enum(Sector))
    age_group: Mapped[str] = mapped_column(NFCText(40))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(NFCText(1), default="V")
    note: Mapped[str] = mapped_column(NFCText(500), default="")

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def reference(self) -> str:
        return f"{self.law_abbr} {self.section}".strip()
