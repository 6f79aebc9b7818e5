"""The coordinating plan: versions, goals with progression scores, agreements."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, NFCText, Tracked
from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, PlanState, ResponsibleKind, db_enum

LONG_TEXT = 20000


class PlanVersion(Tracked, Base):
    """A draft (edited freely) or an approved, immutable version of a case's plan."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[PlanState] = mapped_column(db_enum(PlanState), default=PlanState.DRAFT)
    approved_on: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    participants: Mapped[str] = mapped_column(NFCText(2000), default="")
    # Where a young person said yes alone (the youth's-voice rule): both views, as approved.
    consent_views: Mapped[str] = mapped_column(NFCText(2000), default="", server_default="")
    summary: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    family_views: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    resources: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    barriers: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    sequencing: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    follow_up: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")
    closing: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")

    goals: Mapped[list[Goal]] = relationship(
        back_populates="plan_version", cascade="all, delete-orphan", order_by="Goal.position"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="plan_version", cascade="all, delete-orphan", order_by="Agreement.position"
    )
    member_sections: Mapped[list[PlanMemberSection]] = relationship(
        back_populates="plan_version", cascade="all, delete-orphan"
    )
    offer_comments: Mapped[list[PlanOfferComment]] = relationship(
        back_populates="plan_version", cascade="all, delete-orphan"
    )


class Goal(Tracked, Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    # Stable across versions so that a goal's scores form one series.
    goal_key: Mapped[str] = mapped_column(NFCText(36), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"))
    level: Mapped[GoalLevel] = mapped_column(db_enum(GoalLevel))
    text: Mapped[str] = mapped_column(NFCText(2000))
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[GoalStatus] = mapped_column(db_enum(GoalStatus), default=GoalStatus.OPEN)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan_version: Mapped[PlanVersion] = relationship(back_populates="goals")
    # The members the goal concerns: none is the whole family (a shared goal).
    members: Mapped[list[GoalMember]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="GoalMember.citizen_id",
    )


class GoalMember(Tracked, Base):
    """A family member a goal concerns (a goal with none is the whole family's)."""

    __tablename__ = "goal_members"
    __table_args__ = (UniqueConstraint("goal_id", "citizen_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)

    goal: Mapped[Goal] = relationship(back_populates="members")


class GoalScore(Tracked, Base):
    """A 0–10 progression score: the family's own and the professionals' side by side."""

    __tablename__ = "goal_scores"
    __table_args__ = (
        CheckConstraint(
            "family_score IS NULL OR (family_score >= 0 AND family_score <= 10)",
            name="family_score_range",
        ),
        CheckConstraint(
            "professional_score IS NULL OR (professional_score >= 0 AND professional_score <= 10)",
            name="professional_score_range",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    goal_key: Mapped[str] = mapped_column(NFCText(36), index=True)
    scored_on: Mapped[date] = mapped_column(Date)
    family_score: Mapped[int | None] = mapped_column(Integer)
    professional_score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(NFCText(1000), default="")


def new_agreement_key() -> str:
    return str(uuid.uuid4())


class Agreement(Tracked, Base):
    """What, who, by when."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    # Stable across saves and versions (like a goal's key): minutes close the agreement they
    # mean, and a merge matches agreements by it, not by their place in the list.
    agreement_key: Mapped[str] = mapped_column(NFCText(36), index=True, default=new_agreement_key)
    what: Mapped[str] = mapped_column(NFCText(2000))
    responsible_kind: Mapped[ResponsibleKind | None] = mapped_column(db_enum(ResponsibleKind))
    responsible_citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"))
    responsible_professional_id: Mapped[int | None] = mapped_column(ForeignKey("professionals.id"))
    # indexed: "Min dag" lists the agreements a caseworker is responsible for, in any case
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[AgreementStatus] = mapped_column(db_enum(AgreementStatus), default=AgreementStatus.OPEN)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan_version: Mapped[PlanVersion] = relationship(back_populates="agreements")


class PlanMemberSection(Tracked, Base):
    """In a family's plan: the part about one member, beside the shared family goals."""

    __tablename__ = "plan_member_sections"
    __table_args__ = (UniqueConstraint("plan_version_id", "citizen_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"))
    text: Mapped[str] = mapped_column(NFCText(LONG_TEXT), default="")

    plan_version: Mapped[PlanVersion] = relationship(back_populates="member_sections")


class PlanOfferComment(Tracked, Base):
    """A comment on one line of the offers overview (a member's help under one law)."""

    __tablename__ = "plan_offer_comments"
    __table_args__ = (UniqueConstraint("plan_version_id", "citizen_id", "group_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"))
    group_key: Mapped[str] = mapped_column(NFCText(60))  # the law section's code, or "sector:<sector>"
    comment: Mapped[str] = mapped_column(NFCText(2000), default="")

    plan_version: Mapped[PlanVersion] = relationship(back_populates="offer_comments")
