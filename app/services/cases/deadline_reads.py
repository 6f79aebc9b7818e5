"""The deadline engine's reads (app/services/cases/deadlines.py), built once."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import BindParameter, and_, bindparam, func, null, select

from app.models import (
    Agreement,
    Case,
    Citizen,
    FamilyMember,
    Intervention,
    LawSection,
    Meeting,
    PlanVersion,
    TransitionTopic,
    TransitionTrack,
)
from app.models.enums import AgreementStatus, CaseStatus, MeetingKind, MeetingStatus, PlanState


class DeadlineReads:
    """The engine's statements, built once: the cases' ids (and the rules' catalogue codes)
    are bound as lists at each run (building them per page cost more than running them)."""

    def __init__(self) -> None:
        ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
        codes: BindParameter[list[str]] = bindparam("codes", expanding=True)
        i = Intervention
        self.cases = select(
            Case.id, Case.number, Case.title, Case.family_id, Case.citizen_id, Case.follow_up_due
        ).where(Case.id.in_(ids), Case.status != CaseStatus.CLOSED)
        self.items = (
            select(
                i.id,
                i.case_id,
                i.citizen_id,
                i.title,
                LawSection.code,
                i.start_date,
                i.end_date,
                i.status,
                i.sector_plan,
                i.noticed_on,
            )
            .join(LawSection, LawSection.id == i.law_section_id)
            .where(i.case_id.in_(ids), LawSection.code.in_(codes))
            .order_by(i.start_date, i.id)
        )
        # the first follow-up (BL § 95) is done by a held follow-up meeting on or after the
        # start — not by any meeting (a network or start meeting is no follow-up): the latest
        self.held = (
            select(Meeting.case_id, func.max(Meeting.starts_at))
            .where(
                Meeting.case_id.in_(ids),
                Meeting.status == MeetingStatus.HELD,
                Meeting.kind == MeetingKind.FOLLOW_UP,
            )
            .group_by(Meeting.case_id)
        )
        self.topics = (
            select(
                TransitionTrack.case_id,
                TransitionTrack.citizen_id,
                TransitionTopic.topic,
                TransitionTopic.done,
            )
            .outerjoin(TransitionTopic, TransitionTopic.track_id == TransitionTrack.id)
            .where(TransitionTrack.case_id.in_(ids))
        )
        newest = (
            select(PlanVersion.case_id, func.max(PlanVersion.number).label("number"))
            .where(PlanVersion.case_id.in_(ids))
            .group_by(PlanVersion.case_id)
            .subquery()
        )
        self.approved = (
            select(PlanVersion.case_id)
            .where(PlanVersion.case_id.in_(ids), PlanVersion.state == PlanState.APPROVED)
            .distinct()
        )
        people = (Citizen.id, Citizen.first_name, Citizen.last_name, Citizen.birth_date)
        families: BindParameter[list[int]] = bindparam("families", expanding=True)
        # Two reads, each through an index: the families' members (by family), then the single
        # citizens (by id). One outer join with an OR of both made SQLite scan every citizen.
        self.members = (
            select(*people, FamilyMember.family_id)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .where(FamilyMember.family_id.in_(families))
            .order_by(FamilyMember.position, Citizen.id)
        )
        self.citizens = select(*people, null()).where(Citizen.id.in_(ids)).order_by(Citizen.id)
        a = Agreement
        self.agreements = (
            select(PlanVersion.case_id, a.due_date, a.what, a.responsible_citizen_id)
            .join(PlanVersion, PlanVersion.id == a.plan_version_id)
            .join(
                newest, and_(newest.c.case_id == PlanVersion.case_id, newest.c.number == PlanVersion.number)
            )
            .where(a.status == AgreementStatus.OPEN, a.due_date.is_not(None))
            .order_by(a.position, a.id)
        )


@lru_cache(maxsize=1)
def deadline_reads() -> DeadlineReads:
    return DeadlineReads()
