"""Samtykke: who consented to which sharing, for which case, and until when."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, NFCText, Tracked
from app.models.enums import ConsentCapacity, ConsentDirection, ConsentForm, db_enum


class Consent(Tracked, Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)  # whose data
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    given_by_citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"))
    given_by_name: Mapped[str] = mapped_column(NFCText(200), default="")
    capacity: Mapped[ConsentCapacity] = mapped_column(db_enum(ConsentCapacity))
    info_types: Mapped[str] = mapped_column(NFCText(2000), default="")
    parties: Mapped[str] = mapped_column(NFCText(2000), default="")
    purpose: Mapped[str] = mapped_column(NFCText(2000), default="")
    form: Mapped[ConsentForm] = mapped_column(db_enum(ConsentForm), default=ConsentForm.WRITTEN)
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    # Within a guardian's or proxy's mandate (what the appointment covers), as recorded.
    mandate: Mapped[str] = mapped_column(NFCText(500), default="")
    # The signed form (written consent), kept with the record; the name is the user's file name.
    attachment_name: Mapped[str] = mapped_column(NFCText(255), default="")
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary)
    withdrawn_reason: Mapped[str] = mapped_column(NFCText(500), default="")
    # Collecting information from the parties, passing it on to them, or both.
    direction: Mapped[ConsentDirection] = mapped_column(
        db_enum(ConsentDirection), default=ConsentDirection.BOTH, server_default=ConsentDirection.BOTH.value
    )

    def in_force_on(self, day: date) -> bool:
        return consent_in_force(self.given_on, self.expires_on, self.withdrawn_on, day)


def consent_in_force(given_on: date, expires_on: date | None, withdrawn_on: date | None, day: date) -> bool:
    """Given by ``day``, not withdrawn on or before it, not expired (the expiry day counts)."""
    if given_on > day:
        return False
    if withdrawn_on is not None and withdrawn_on <= day:
        return False
    return expires_on is None or day <= expires_on
