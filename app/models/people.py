"""Caseworkers, citizens and the families they live in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked
from app.models.enums import Relation, UserRole, db_enum


class User(Tracked, Base):
    __tablename__ = "users"
    # The case list sorted by coordinator walks the users by name (app/services/cases/case_list.py).
    __table_args__ = (Index("ix_users_full_name_id", "full_name", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(NFCText(64), unique=True)
    full_name: Mapped[str] = mapped_column(NFCText(200))
    phone: Mapped[str] = mapped_column(NFCText(40), default="")
    email: Mapped[str] = mapped_column(NFCText(200), default="")
    department: Mapped[str] = mapped_column(NFCText(200), default="")
    team: Mapped[str] = mapped_column(
        NFCText(100), default="", index=True
    )  # the server's access rules use it
    role: Mapped[UserRole] = mapped_column(db_enum(UserRole), default=UserRole.CASEWORKER)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Citizen(Tracked, Base):
    __tablename__ = "citizens"
    # A CPR number is not unique across the store: on a shared server a caseworker who
    # registers a person already in another team's case must not learn that (issue 13),
    # so that person gets a record of their own; within reach the program reuses one.
    __table_args__ = (
        Index("ix_citizens_name", "last_name", "first_name"),
        Index("ix_citizens_created_by", "created_by", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Ten digits without the hyphen; shown masked (DDMMYY-XXXX) everywhere.
    cpr: Mapped[str | None] = mapped_column(NFCText(10), index=True)
    first_name: Mapped[str] = mapped_column(NFCText(100))
    last_name: Mapped[str] = mapped_column(NFCText(100))
    birth_date: Mapped[date] = mapped_column(Date, index=True)  # (the case list's "turning 18")
    address: Mapped[str] = mapped_column(NFCText(200), default="")
    postcode: Mapped[str] = mapped_column(NFCText(10), default="")
    city: Mapped[str] = mapped_column(NFCText(100), default="")
    phone: Mapped[str] = mapped_column(NFCText(40), default="")
    email: Mapped[str] = mapped_column(NFCText(200), default="")
    language: Mapped[str] = mapped_column(NFCText(40), default="da")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Family(Tracked, Base):
    __tablename__ = "families"
    __table_args__ = (Index("ix_families_created_by", "created_by", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(NFCText(200))

    members: Mapped[list[FamilyMember]] = relationship(
        back_populates="family", cascade="all, delete-orphan", order_by="FamilyMember.position"
    )


class FamilyMember(Tracked, Base):
    __tablename__ = "family_members"
    __table_args__ = (
        UniqueConstraint("family_id", "citizen_id"),
        Index("ix_family_members_created_by", "created_by", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    relation: Mapped[Relation] = mapped_column(db_enum(Relation))
    custody: Mapped[bool] = mapped_column(Boolean, default=False)  # forældremyndighed
    lives_in_household: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    family: Mapped[Family] = relationship(back_populates="members")
    citizen: Mapped[Citizen] = relationship()
