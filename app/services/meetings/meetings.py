"""Network and follow-up meetings: plan, move, cancel, hold, and record the minutes.

Times are stored in UTC and handed to the UI as aware local datetimes. Every change that
an invited participant must see raises the meeting's iCalendar SEQUENCE; the UID never
changes. Minutes flow back into the plan: new agreements are added to the draft, closed ones
marked done, progression scores recorded, and the case's next follow-up moves.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.models import (
    Case,
    Citizen,
    Meeting,
    MeetingParticipant,
    PlanVersion,
    Professional,
    User,
)
from app.models.enums import AgreementStatus, MeetingKind, MeetingStatus, PlanState, ResponsibleKind
from app.services.cases.cases import refresh_follow_up_due
from app.services.common.clock import to_local
from app.services.common.editing import (
    ConcurrentEditError,
    citizen_in_case,
    load_for_edit,
    open_case,
    raise_if_blocking,
)
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.journal.journal import record_minutes_entry
from app.services.plan.plan_draft import AgreementInput, PlanDraft, PlanSeen

MAX_MEETING = timedelta(hours=10)


@dataclass(frozen=True, slots=True)
class ParticipantInfo:
    key: str  # "citizen:<id>", "professional:<id>", "user:<id>" or "guest:<name>"
    name: str
    email: str
    role: str  # "family", "professional", "coordinator", "guest"
    attended: bool | None = None


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    id: int
    case_id: int
    case_number: str
    case_title: str
    kind: MeetingKind
    starts_at: datetime  # aware, local time
    ends_at: datetime
    place: str
    video_link: str
    status: MeetingStatus
    interpreter_needed: bool
    agenda: str
    minutes: str
    ical_uid: str
    ical_sequence: int
    participants: tuple[ParticipantInfo, ...]
    version: int
    coordinator_id: int
    coordinator_name: str
    coordinator_email: str

    @property
    def held_without_minutes(self) -> bool:
        return self.status == MeetingStatus.HELD and not self.minutes.strip()

    @property
    def participant_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.participants)


@dataclass(frozen=True, slots=True)
class ParticipantInput:
    key: str  # as ParticipantInfo.key; "guest:" for a free guest (name and e-mail below)
    guest_name: str = ""
    guest_email: str = ""


@dataclass(slots=True)
class MeetingInput:
    case_id: int | None = None
    kind: MeetingKind = MeetingKind.NETWORK
    starts_at: datetime | None = None  # aware
    ends_at: datetime | None = None
    place: str = ""
    video_link: str = ""
    interpreter_needed: bool = False
    participants: list[ParticipantInput] = field(default_factory=list)
    held: bool = False  # recording a meeting that has already been held


# A meeting lies within ten years of today: anything further is a typing slip (year 0226, 2926).
MEETING_REACH = timedelta(days=3653)


def validate_meeting(data: MeetingInput, now: datetime) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if data.case_id is None:
        problems.append(FieldProblem("case", Problem.REQUIRED))
    if data.starts_at is None:
        problems.append(FieldProblem("starts_at", Problem.REQUIRED))
    if data.ends_at is None:
        problems.append(FieldProblem("ends_at", Problem.REQUIRED))
    if data.starts_at is not None and data.ends_at is not None:
        if data.ends_at <= data.starts_at:
            problems.append(FieldProblem("ends_at", Problem.TIME_ORDER))
        elif data.ends_at - data.starts_at > MAX_MEETING:
            problems.append(FieldProblem("ends_at", Problem.TOO_LONG))
        if not data.held and data.starts_at < now:
            problems.append(FieldProblem("starts_at", Problem.IN_PAST))
        if data.held and data.starts_at > now:
            problems.append(FieldProblem("starts_at", Problem.IN_FUTURE))
        if not now - MEETING_REACH <= data.starts_at <= now + MEETING_REACH:
            problems.append(FieldProblem("starts_at", Problem.OUT_OF_RANGE))
    if not data.participants:
        problems.append(FieldProblem("participants", Problem.REQUIRED))
    for index, participant in enumerate(data.participants):
        if participant.key.startswith("guest:") and not participant.guest_name.strip():
            problems.append(FieldProblem(f"participants.{index}", Problem.REQUIRED))
    if len(data.place) > 300 or len(data.video_link) > 500:
        problems.append(FieldProblem("place", Problem.TOO_LONG))
    return problems


def participant_choices(session: Session, case_id: int) -> list[ParticipantInfo]:
    """Everyone who can be invited: the family, the network and the caseworkers of the case."""
    from app.services.family.family_overview import load_family_overview

    overview = load_family_overview(session, case_id)
    choices: list[ParticipantInfo] = []
    emails = dict(
        session.execute(
            select(Citizen.id, Citizen.email).where(Citizen.id.in_([m.citizen_id for m in overview.members]))
        ).all()
    )
    for member in overview.members:
        choices.append(
            ParticipantInfo(
                f"citizen:{member.citizen_id}", member.name, emails.get(member.citizen_id, ""), "family"
            )
        )
    for pro in overview.professionals:
        detail = f"{pro.name} ({pro.role})" if pro.role else pro.name
        choices.append(ParticipantInfo(f"professional:{pro.id}", detail, pro.email, "professional"))
    case = session.get(Case, case_id)
    assert case is not None
    for user_id in (case.coordinator_id, case.partner_id):
        if user_id is not None:
            user = session.get(User, user_id)
            if user is not None:
                choices.append(ParticipantInfo(f"user:{user.id}", user.full_name, user.email, "coordinator"))
    return choices


def _check_participants(session: Session, case_id: int, data: MeetingInput) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for index, participant in enumerate(data.participants):
        kind, _, ident = participant.key.partition(":")
        if kind == "citizen":
            ok = ident.isdigit() and citizen_in_case(session, case_id, int(ident))
        elif kind == "professional":
            ok = ident.isdigit() and session.get(Professional, int(ident)) is not None
        elif kind == "user":
            ok = ident.isdigit() and session.get(User, int(ident)) is not None
        else:
            ok = kind == "guest"
        if not ok:
            problems.append(FieldProblem(f"participants.{index}", Problem.REQUIRED))
    return problems


def _participant_rows(data: MeetingInput) -> list[MeetingParticipant]:
    rows = []
    for participant in data.participants:
        kind, _, ident = participant.key.partition(":")
        row = MeetingParticipant(
            citizen_id=int(ident) if kind == "citizen" else None,
            professional_id=int(ident) if kind == "professional" else None,
            user_id=int(ident) if kind == "user" else None,
            guest_name=participant.guest_name.strip() if kind == "guest" else "",
            guest_email=participant.guest_email.strip() if kind == "guest" else "",
            attended=True if data.held else None,
        )
        rows.append(row)
    return rows


def new_ical_uid() -> str:
    """A random, never-changing UID. Grouped by four so that no run of ten digits can look
    like a CPR number to anyone scanning an invitation (a plain uuid4 sometimes does)."""
    digits = uuid.uuid4().hex
    return "-".join(digits[i : i + 4] for i in range(0, 32, 4)) + "@koordinator"


def create_meeting(session: Session, data: MeetingInput, now: datetime) -> int:
    """A new meeting (or a held one being recorded); returns its id. Stores nothing on error."""
    problems = validate_meeting(data, now)
    raise_if_blocking(problems)
    assert data.case_id is not None and data.starts_at is not None and data.ends_at is not None
    open_case(session, data.case_id)
    raise_if_blocking(_check_participants(session, data.case_id, data))
    meeting = Meeting(
        case_id=data.case_id,
        kind=data.kind,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=data.place.strip(),
        video_link=data.video_link.strip(),
        status=MeetingStatus.HELD if data.held else MeetingStatus.PLANNED,
        interpreter_needed=data.interpreter_needed,
        ical_uid=new_ical_uid(),
        ical_sequence=0,
        participants=_participant_rows(data),
    )
    session.add(meeting)
    session.flush()
    if data.held:
        refresh_follow_up_due(session, session.get(Case, data.case_id))  # type: ignore[arg-type]
        session.flush()
    return meeting.id


def update_meeting(
    session: Session, meeting_id: int, data: MeetingInput, expected_version: int | None, now: datetime
) -> None:
    """Change time, place or participants; the invitation's SEQUENCE goes up."""
    meeting: Meeting = load_for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError([FieldProblem("meeting", Problem.MEETING_NOT_PLANNED)])
    data.held = data.held or meeting.status == MeetingStatus.HELD
    data.case_id = meeting.case_id
    raise_if_blocking(validate_meeting(data, now))
    open_case(session, meeting.case_id)
    raise_if_blocking(_check_participants(session, meeting.case_id, data))
    assert data.starts_at is not None and data.ends_at is not None
    meeting.kind = data.kind
    meeting.starts_at = data.starts_at
    meeting.ends_at = data.ends_at
    meeting.place = data.place.strip()
    meeting.video_link = data.video_link.strip()
    meeting.interpreter_needed = data.interpreter_needed
    attended = {_key_of(p): p.attended for p in meeting.participants}
    rows = _participant_rows(data)
    for row, participant in zip(rows, data.participants, strict=True):
        key = (
            participant.key
            if not participant.key.startswith("guest:")
            else f"guest:{participant.guest_name.strip()}"
        )
        if key in attended:  # who came, as the minutes say, stays recorded
            row.attended = attended[key]
    meeting.participants = rows
    meeting.ical_sequence += 1
    session.flush()


def _key_of(participant: MeetingParticipant) -> str:
    if participant.citizen_id:
        return f"citizen:{participant.citizen_id}"
    if participant.professional_id:
        return f"professional:{participant.professional_id}"
    if participant.user_id:
        return f"user:{participant.user_id}"
    return f"guest:{participant.guest_name}"


def move_meeting(
    session: Session, meeting_id: int, new_start: datetime, expected_version: int | None, now: datetime
) -> None:
    """Move a planned meeting to ``new_start``, keeping its length (drag in the calendar)."""
    meeting: Meeting = load_for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError([FieldProblem("meeting", Problem.MEETING_NOT_PLANNED)])
    open_case(session, meeting.case_id)
    length = meeting.ends_at - meeting.starts_at
    if new_start < now:
        raise ValidationError([FieldProblem("starts_at", Problem.IN_PAST)])
    meeting.starts_at = new_start
    meeting.ends_at = new_start + length
    meeting.ical_sequence += 1
    session.flush()


def cancel_meeting(session: Session, meeting_id: int, expected_version: int | None) -> None:
    """Cancel a planned meeting; the invitation becomes a cancellation (METHOD:CANCEL)."""
    meeting: Meeting = load_for_edit(session, Meeting, meeting_id, expected_version)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError([FieldProblem("meeting", Problem.MEETING_NOT_PLANNED)])
    meeting.status = MeetingStatus.CANCELLED
    meeting.ical_sequence += 1
    session.flush()


# -- reading ---------------------------------------------------------------------------------


def _infos(session: Session, meetings: list[Meeting]) -> list[MeetingInfo]:
    if not meetings:
        return []
    case_ids = {m.case_id for m in meetings}
    cases = {c.id: c for c in session.scalars(select(Case).where(Case.id.in_(case_ids)))}
    users = {u.id: u for u in session.scalars(select(User))}
    meeting_ids = [m.id for m in meetings]
    parts: dict[int, list[MeetingParticipant]] = {mid: [] for mid in meeting_ids}
    for p in session.scalars(
        select(MeetingParticipant)
        .where(MeetingParticipant.meeting_id.in_(meeting_ids))
        .order_by(MeetingParticipant.id)
    ):
        parts[p.meeting_id].append(p)
    citizen_ids = {p.citizen_id for ps in parts.values() for p in ps if p.citizen_id}
    pro_ids = {p.professional_id for ps in parts.values() for p in ps if p.professional_id}
    citizens = (
        {c.id: c for c in session.scalars(select(Citizen).where(Citizen.id.in_(citizen_ids)))}
        if citizen_ids
        else {}
    )
    pros = (
        {p.id: p for p in session.scalars(select(Professional).where(Professional.id.in_(pro_ids)))}
        if pro_ids
        else {}
    )
    result = []
    for m in meetings:
        case = cases[m.case_id]
        coordinator = users.get(case.coordinator_id)
        people = []
        for p in parts[m.id]:
            if p.citizen_id:
                c = citizens[p.citizen_id]
                people.append(ParticipantInfo(f"citizen:{c.id}", c.full_name, c.email, "family", p.attended))
            elif p.professional_id:
                pro = pros[p.professional_id]
                name = f"{pro.name} ({pro.role})" if pro.role else pro.name
                people.append(
                    ParticipantInfo(f"professional:{pro.id}", name, pro.email, "professional", p.attended)
                )
            elif p.user_id:
                u = users.get(p.user_id)
                people.append(
                    ParticipantInfo(
                        f"user:{p.user_id}",
                        u.full_name if u else "?",
                        u.email if u else "",
                        "coordinator",
                        p.attended,
                    )
                )
            else:
                people.append(
                    ParticipantInfo(f"guest:{p.guest_name}", p.guest_name, p.guest_email, "guest", p.attended)
                )
        result.append(
            MeetingInfo(
                id=m.id,
                case_id=m.case_id,
                case_number=case.number,
                case_title=case.title,
                kind=m.kind,
                starts_at=to_local(m.starts_at),
                ends_at=to_local(m.ends_at),
                place=m.place,
                video_link=m.video_link,
                status=m.status,
                interpreter_needed=m.interpreter_needed,
                agenda=m.agenda,
                minutes=m.minutes,
                ical_uid=m.ical_uid,
                ical_sequence=m.ical_sequence,
                participants=tuple(people),
                version=m.version,
                coordinator_id=case.coordinator_id,
                coordinator_name=coordinator.full_name if coordinator else "",
                coordinator_email=coordinator.email if coordinator else "",
            )
        )
    return result


def meeting_info(session: Session, meeting_id: int) -> MeetingInfo:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise ValidationError([FieldProblem("meeting", Problem.REQUIRED)])
    return _infos(session, [meeting])[0]


def meetings_between(
    session: Session,
    start: datetime,
    end: datetime,
    user_id: int | None = None,
    team: str | None = None,
    case_id: int | None = None,
) -> list[MeetingInfo]:
    """Meetings that start in [start, end): the user's cases (coordinator or partner), a team's
    cases (its members coordinate), one case, or all."""
    stmt = (
        select(Meeting)
        .join(Case, Case.id == Meeting.case_id)
        .where(Meeting.starts_at >= start, Meeting.starts_at < end)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if user_id is not None:
        stmt = stmt.where(or_(Case.coordinator_id == user_id, Case.partner_id == user_id))
    if team is not None:
        stmt = stmt.where(Case.coordinator_id.in_(select(User.id).where(User.team == team)))
    if case_id is not None:
        stmt = stmt.where(Meeting.case_id == case_id)
    found = list(session.scalars(stmt))
    if user_id is not None and case_id is None:  # a deputy's calendar has the cases they cover
        from app.services.team.absences import covered_meetings

        seen = {m.id for m in found}
        found += [m for m in covered_meetings(session, user_id, start, end) if m.id not in seen]
        found.sort(key=lambda m: (m.starts_at, m.id))
    return _infos(session, found)


def case_meetings(session: Session, case_id: int) -> list[MeetingInfo]:
    stmt = select(Meeting).where(Meeting.case_id == case_id).order_by(Meeting.starts_at, Meeting.id)
    return _infos(session, list(session.scalars(stmt)))


# -- minutes flow back into the plan ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewAgreement:
    what: str
    responsible_kind: ResponsibleKind | None
    responsible_id: int | None
    due_date: date | None


@dataclass(frozen=True, slots=True)
class ScoreInput:
    goal_key: str
    family_score: int | None
    professional_score: int | None


@dataclass(slots=True)
class MinutesInput:
    decisions: str  # the minutes text (notatpligt)
    new_agreements: list[NewAgreement] = field(default_factory=list)
    closed_agreements: list[str] = field(default_factory=list)  # agreement keys
    scores: list[ScoreInput] = field(default_factory=list)
    attended: list[str] = field(default_factory=list)  # participant keys who came
    # The plan as the minutes were written against it (the agreements offered to close):
    # when someone saved the plan meanwhile, the minutes are merged into it from there.
    plan_seen: PlanSeen | None = None


def minutes_change(closed: list[str], added: list[AgreementInput]) -> Callable[[PlanDraft], PlanDraft]:
    """The minutes as a change of a plan's content: the agreements with the ``closed`` keys
    become done, ``added`` (with their keys made already) come last. The same on any
    version of the plan, so it can be applied to what is stored now or merged.
    Raises PlanConflictError (via the caller) when a closed agreement is not there."""

    def change(draft: PlanDraft) -> PlanDraft:
        by_key = {a.agreement_key: a for a in draft.agreements}
        missing = [key for key in closed if key not in by_key]
        if missing:
            raise _MissingAgreementError(missing)
        agreements = [
            replace(a, status=AgreementStatus.DONE) if a.agreement_key in closed else a
            for a in draft.agreements
        ]
        known = {a.agreement_key for a in agreements}
        agreements += [a for a in added if a.agreement_key not in known]
        return replace(draft, agreements=agreements)

    return change


class _MissingAgreementError(LookupError):
    def __init__(self, keys: list[str]) -> None:
        super().__init__(f"{len(keys)} agreement(s) not in the plan")
        self.keys = keys


def record_minutes(
    session: Session, meeting_id: int, minutes: MinutesInput, expected_version: int | None, today: date
) -> None:
    """Write the minutes and carry them into the plan's draft, all or nothing. The meeting
    becomes held and the case's next follow-up moves from it, and the minutes are the
    meeting's journal entry (changed while it may be, else corrected).

    The plan is changed through ``change_plan`` (locked, checked, merged): the new
    agreements are added to and the closed ones (by key) closed in the draft as it is
    stored now — never a copy read earlier. When the plan moved on since ``plan_seen``, the
    minutes are merged in; if they clash (an agreement to close was removed or changed
    otherwise), PlanConflictError and nothing is stored."""
    from app.services.plan.plans import (
        PlanConflictError,
        change_plan,
        new_agreement_key,
        record_score,
        start_draft,
    )

    meeting: Meeting = load_for_edit(session, Meeting, meeting_id, expected_version)
    case = open_case(session, meeting.case_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError([FieldProblem("meeting", Problem.MEETING_NOT_PLANNED)])
    if not minutes.decisions.strip():
        raise ValidationError([FieldProblem("decisions", Problem.REQUIRED)])
    if to_local(meeting.starts_at).date() > today:
        raise ValidationError([FieldProblem("meeting", Problem.IN_FUTURE)])
    previous = meeting.minutes
    meeting.minutes = minutes.decisions.strip()
    meeting.status = MeetingStatus.HELD
    for participant in meeting.participants:
        key = (
            f"citizen:{participant.citizen_id}"
            if participant.citizen_id
            else f"professional:{participant.professional_id}"
            if participant.professional_id
            else f"user:{participant.user_id}"
            if participant.user_id
            else f"guest:{participant.guest_name}"
        )
        participant.attended = key in minutes.attended
    try:
        session.flush()
        if minutes.new_agreements or minutes.closed_agreements:
            draft_id = start_draft(session, case.id)
            added = [
                AgreementInput(
                    a.what,
                    a.responsible_kind,
                    a.responsible_id,
                    a.due_date,
                    agreement_key=new_agreement_key(),
                )
                for a in minutes.new_agreements
            ]
            change = minutes_change(list(dict.fromkeys(minutes.closed_agreements)), added)
            seen = minutes.plan_seen
            expected = seen.row_version if seen is not None and seen.plan_version_id == draft_id else None
            try:
                change_plan(session, draft_id, expected, change, seen.draft if seen is not None else None)
            except _MissingAgreementError as exc:  # removed by someone else meanwhile
                known = {a.agreement_key: a.what for a in seen.draft.agreements} if seen else {}
                raise PlanConflictError(draft_id, tuple(known.get(k, k) for k in exc.keys)) from exc
        day = to_local(meeting.starts_at).date()
        for score in minutes.scores:
            if score.family_score is not None or score.professional_score is not None:
                record_score(
                    session, case.id, score.goal_key, day, score.family_score, score.professional_score
                )
        refresh_follow_up_due(session, case)
        session.flush()
        record_minutes_entry(session, meeting, previous)  # the minutes are a journal entry too
    except StaleDataError as exc:  # someone saved the meeting or the plan meanwhile
        raise ConcurrentEditError(f"meetings {meeting_id}") from exc


def approved_plan_number(session: Session, meeting_id: int) -> int | None:
    """The plan version approved at this meeting, if any."""
    return session.scalar(
        select(PlanVersion.number).where(
            PlanVersion.meeting_id == meeting_id, PlanVersion.state == PlanState.APPROVED
        )
    )
