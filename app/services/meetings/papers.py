"""What a meeting's paper (the invitation, the agenda, the agreement slip, the minutes) is made
from, read in one go: the meeting as stored now, the case's plan, the later meetings, the
deadlines coming and whose consent is missing. The calendar's export and ``koordinator
export-meeting`` read the same, so the PDF and the Word copy say the same. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.models.enums import MeetingStatus
from app.services.common.letter_template import LetterTemplate, letter_template
from app.services.meetings.ics import Organizer
from app.services.meetings.meetings import MeetingInfo, approved_plan_number, meeting_info, meetings_between

PAPERS = ("agenda", "slip", "minutes")  # the printed ones (the invitation is an .ics)

Override = tuple[str, list[str]]  # the reason given, and the participants not covered


@dataclass
class PaperInputs:
    """What a paper needs, read in one job: the meeting as stored now and, for PDFs, the plan."""

    meeting: MeetingInfo
    uncovered: list[str] = field(default_factory=list)  # participants without consent cover
    doc: Any = None  # the plan document (PlanDocument)
    approved: int | None = None
    later: list[MeetingInfo] = field(default_factory=list)
    due: list[tuple[date, str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # members without consent in force
    template: LetterTemplate = field(default_factory=LetterTemplate)  # for the Word copies
    organizer: Organizer | None = None  # the invitation's sender: the signed-in caseworker
    family: tuple[str, ...] = ()  # the names a few-details invitation leaves out


def read_paper_inputs(
    session: Session, meeting_id: int, what: str, today: date, user_id: int = 0
) -> PaperInputs:
    """The inputs of a paper (``what``: "invitation", "agenda", "slip" or "minutes")."""
    from app.services.plan.recipient_copy import participants_without_cover

    meeting = meeting_info(session, meeting_id)
    inputs = PaperInputs(meeting)
    if what in ("invitation", "agenda"):
        inputs.uncovered = participants_without_cover(
            session, meeting.case_id, meeting.participant_keys, today
        )
    if what == "invitation":
        from app.services.meetings.invitation import family_names, organizer_for

        inputs.organizer = organizer_for(session, user_id)
        inputs.family = family_names(session, meeting.case_id)
        return inputs
    from app.services.plan.plan_document import load_plan_document

    inputs.doc = load_plan_document(session, meeting.case_id)
    inputs.template = letter_template(session)
    inputs.approved = approved_plan_number(session, meeting.id)
    inputs.later = [
        m
        for m in meetings_between(
            session, meeting.ends_at, meeting.ends_at + timedelta(days=365), case_id=meeting.case_id
        )
        if m.status == MeetingStatus.PLANNED
    ]
    if what == "agenda":
        from app.services.cases.deadline_rules import RuleKind
        from app.services.cases.deadlines import deadlines_for_case, upcoming
        from app.services.family.family_overview import load_family_overview

        # the deadlines the agenda lists (and marks late); a reminder to decide is never late
        inputs.due = [
            (d.due, d.title, d.law_reference)
            for d in upcoming(deadlines_for_case(session, meeting.case_id, today), today, 60)
            if d.kind != RuleKind.REMINDER
        ]
        overview = load_family_overview(session, meeting.case_id)
        inputs.missing = [
            m.name
            for m in overview.members
            if not any(c.shares_on(today) for c in overview.consents_of(m.citizen_id))
        ]
    return inputs


def log_override(session: Session, meeting: MeetingInfo, what: str, override: Override) -> None:
    """Sharing without cover in the audit log: to whom, what and the reason given."""
    from app.services.common import audit

    reason, keys = override
    if keys:
        audit.record(
            session,
            audit.SHARE_OVERRIDE,
            object_type="meeting",
            object_id=meeting.id,
            case_id=meeting.case_id,
            details={"what": what, "recipients": keys},
            purpose=reason,
        )


def log_export(session: Session, meeting: MeetingInfo, kind: str, **more: Any) -> None:
    """The exported file in the audit log: what kind, never its path (it may hold names)."""
    from app.services.common import audit

    audit.record(
        session,
        audit.EXPORT,
        object_type="meeting",
        object_id=meeting.id,
        case_id=meeting.case_id,
        details={"kind": kind, **more},
    )
