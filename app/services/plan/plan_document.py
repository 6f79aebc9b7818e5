"""The coordinating plan as plain data: what the editor shows and what the PDF prints.

One short session reads a plan version with its goals (and their score series), agreements,
member sections and the offers overview built from the family's interventions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Agreement,
    Case,
    CaseProfessional,
    Goal,
    GoalMember,
    GoalScore,
    Intervention,
    LawSection,
    Meeting,
    PlanMemberSection,
    PlanOfferComment,
    PlanVersion,
    Professional,
    User,
)
from app.models.enums import (
    AgreementStatus,
    CaseStatus,
    GoalLevel,
    GoalStatus,
    InterventionStatus,
    MeetingStatus,
    PlanState,
    ResponsibleKind,
    Sector,
)
from app.services.cases.case_summary import CaseNotFoundError, MemberSummary, case_summary
from app.services.common.clock import local_today, now_utc
from app.services.documents.documents import DocumentLine, document_lines
from app.services.team.absences import Cover, case_cover
from app.store.reach import narrowed_to

# The plan's text sections, in the order the family reads them (seed 003's mandatory parts
# and the rest). Each is a plain-text column on plan_versions.
SECTIONS: tuple[str, ...] = (
    "summary",  # (1) the whole situation
    "family_views",  # (5) the citizen's own views and wishes
    "resources",
    "barriers",
    "sequencing",  # the order in which efforts should come
    "follow_up",  # who takes the initiative, how often
    "closing",  # when the plan ends
)
# The same sections in the order the paper (PDF and Word) prints them: the family's own words
# first, after the goals and agreements.
PRINT_ORDER: tuple[str, ...] = (
    "family_views",
    "summary",
    "resources",
    "barriers",
    "sequencing",
    "follow_up",
    "closing",
)


@dataclass(frozen=True, slots=True)
class ScorePoint:
    scored_on: date
    family_score: int | None
    professional_score: int | None
    note: str = ""


def member_set(ids: Iterable[int]) -> tuple[int, ...]:
    """The members a goal concerns as one value: each once, in id order (a set, comparable
    and stored as rows of goal_members)."""
    return tuple(sorted({int(i) for i in ids}))


@dataclass(frozen=True, slots=True)
class GoalView:
    goal_key: str  # stable across versions
    parent_key: str | None
    level: GoalLevel
    text: str
    member_ids: tuple[int, ...]  # the members it concerns; none: a shared family goal
    target_date: date | None
    status: GoalStatus
    scores: tuple[ScorePoint, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "member_ids", member_set(self.member_ids))


@dataclass(frozen=True, slots=True)
class AgreementView:
    what: str
    responsible_kind: ResponsibleKind | None
    responsible_id: int | None  # citizen, professional or user id, by kind
    responsible_name: str
    due_date: date | None
    status: AgreementStatus
    agreement_key: str = ""  # stable across saves and versions (minutes close by it)


@dataclass(frozen=True, slots=True)
class OfferItem:
    title: str
    professional: str
    start_date: date
    end_date: date | None
    status: InterventionStatus
    professional_phone: str = ""  # printed with the name: whom the family can call


@dataclass(frozen=True, slots=True)
class OfferLine:
    """A member's help under one law (or, without a law section, in one sector)."""

    citizen_id: int
    group_key: str
    law_name: str
    law_reference: str  # "BL § 32, stk. 1"; "" without a section
    law_title: str
    sector: Sector
    items: tuple[OfferItem, ...]
    comment: str = ""


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """The case's next planned meeting, as the family's paper says it."""

    starts_at: datetime
    ends_at: datetime
    kind: str  # MeetingKind's value
    place: str
    video_link: str


@dataclass(frozen=True, slots=True)
class PlanVersionView:
    id: int
    number: int
    state: PlanState
    approved_on: date | None
    meeting_id: int | None
    meeting_label: str  # e.g. "netværksmøde 12.11.2026" (plain data; the UI formats)
    participants: str
    sections: tuple[tuple[str, str], ...]  # (section, text) in SECTIONS order
    member_sections: tuple[tuple[int, str], ...]  # (citizen id, text)
    goals: tuple[GoalView, ...]
    agreements: tuple[AgreementView, ...]
    offer_comments: tuple[tuple[int, str, str], ...]  # (citizen id, group key, comment)
    row_version: int
    consent_views: str = ""  # a young person's yes and the parents' no (the youth's-voice rule)

    def section(self, name: str) -> str:
        return dict(self.sections).get(name, "")

    def member_section(self, citizen_id: int) -> str:
        return dict(self.member_sections).get(citizen_id, "")

    @property
    def approved(self) -> bool:
        return self.state == PlanState.APPROVED


@dataclass(frozen=True, slots=True)
class VersionSummary:
    id: int
    number: int
    state: PlanState
    approved_on: date | None
    meeting_label: str
    participants: str


@dataclass(frozen=True, slots=True)
class PlanDocument:
    case_id: int
    case_number: str
    family_name: str
    is_family: bool
    coordinator_name: str
    coordinator_phone: str
    coordinator_email: str
    partner_name: str
    partner_phone: str
    members: tuple[MemberSummary, ...]
    plan: PlanVersionView | None  # None: no plan yet
    offers: tuple[OfferLine, ...]
    next_meeting: datetime | None
    history: tuple[VersionSummary, ...]
    read_only: bool  # a closed case's plan cannot be changed
    documents: tuple[DocumentLine, ...] = ()  # the case's documents (title, date, from whom)
    cover: Cover | None = None  # the coordinator is away: whom to call instead, until when
    next_meeting_info: NextMeeting | None = None  # its end, kind and place besides its start

    def member_name(self, citizen_id: int | None) -> str:
        return next((m.name for m in self.members if m.citizen_id == citizen_id), "")


def _meeting_labels(session: Session, ids: set[int]) -> dict[int, tuple[str, datetime]]:
    if not ids:
        return {}
    rows = session.execute(select(Meeting.id, Meeting.kind, Meeting.starts_at).where(Meeting.id.in_(ids)))
    return {mid: (str(kind), starts) for mid, kind, starts in rows}


def _version_view(
    session: Session, pv: PlanVersion, names: dict[tuple[ResponsibleKind, int], str]
) -> PlanVersionView:
    goals = list(
        session.scalars(select(Goal).where(Goal.plan_version_id == pv.id).order_by(Goal.position, Goal.id))
    )
    key_of = {g.id: g.goal_key for g in goals}
    members: dict[int, list[int]] = defaultdict(list)
    if goals:
        for goal_id, citizen_id in session.execute(
            select(GoalMember.goal_id, GoalMember.citizen_id)
            .join(Goal, Goal.id == GoalMember.goal_id)
            .where(Goal.plan_version_id == pv.id)
        ):
            members[goal_id].append(citizen_id)
    scores: dict[str, list[ScorePoint]] = defaultdict(list)
    if goals:
        for score in session.scalars(
            select(GoalScore)
            .where(GoalScore.case_id == pv.case_id, GoalScore.goal_key.in_(key_of.values()))
            .order_by(GoalScore.scored_on, GoalScore.id)
        ):
            scores[score.goal_key].append(
                ScorePoint(score.scored_on, score.family_score, score.professional_score, score.note)
            )
    agreements = list(
        session.scalars(
            select(Agreement)
            .where(Agreement.plan_version_id == pv.id)
            .order_by(Agreement.position, Agreement.id)
        )
    )
    meeting = _meeting_labels(session, {pv.meeting_id} if pv.meeting_id else set())
    label = ""
    if pv.meeting_id in meeting:
        kind, starts = meeting[pv.meeting_id]
        label = f"{kind}|{starts.isoformat()}"
    return PlanVersionView(
        id=pv.id,
        number=pv.number,
        state=pv.state,
        approved_on=pv.approved_on,
        meeting_id=pv.meeting_id,
        meeting_label=label,
        participants=pv.participants,
        consent_views=pv.consent_views or "",
        sections=tuple((name, getattr(pv, name) or "") for name in SECTIONS),
        member_sections=tuple(
            (m.citizen_id, m.text)
            for m in session.scalars(
                select(PlanMemberSection).where(PlanMemberSection.plan_version_id == pv.id)
            )
        ),
        goals=tuple(
            GoalView(
                goal_key=g.goal_key,
                parent_key=key_of.get(g.parent_id) if g.parent_id else None,
                level=g.level,
                text=g.text,
                member_ids=tuple(members.get(g.id, ())),
                target_date=g.target_date,
                status=g.status,
                scores=tuple(scores.get(g.goal_key, ())),
            )
            for g in goals
        ),
        agreements=tuple(
            AgreementView(
                what=a.what,
                responsible_kind=a.responsible_kind,
                responsible_id=_responsible_id(a),
                responsible_name=names.get((a.responsible_kind, _responsible_id(a) or 0), "")
                if a.responsible_kind
                else "",
                due_date=a.due_date,
                status=a.status,
                agreement_key=a.agreement_key,
            )
            for a in agreements
        ),
        offer_comments=tuple(
            (c.citizen_id, c.group_key, c.comment)
            for c in session.scalars(
                select(PlanOfferComment).where(PlanOfferComment.plan_version_id == pv.id)
            )
        ),
        row_version=pv.version,
    )


def _responsible_id(agreement: Agreement) -> int | None:
    match agreement.responsible_kind:
        case ResponsibleKind.MEMBER:
            return agreement.responsible_citizen_id
        case ResponsibleKind.PROFESSIONAL:
            return agreement.responsible_professional_id
        case ResponsibleKind.COORDINATOR:
            return agreement.responsible_user_id
    return None


def responsible_names(
    session: Session, case_id: int, members: tuple[MemberSummary, ...] | None = None
) -> dict[tuple[ResponsibleKind, int], str]:
    """Names of everyone who can be responsible for an agreement in this case (``members``:
    the case's members when the caller has read them already)."""
    names: dict[tuple[ResponsibleKind, int], str] = {}
    if members is None:
        members = case_summary(session, case_id).members
    for member in members:
        names[(ResponsibleKind.MEMBER, member.citizen_id)] = member.name

    pro_ids = set(
        session.scalars(select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id))
    ) | {
        pid
        for pid in session.scalars(
            select(Intervention.professional_id).where(
                Intervention.case_id == case_id, Intervention.professional_id.is_not(None)
            )
        )
        if pid is not None
    }
    for pro in session.scalars(select(Professional).where(Professional.id.in_(pro_ids))):
        names[(ResponsibleKind.PROFESSIONAL, pro.id)] = f"{pro.name} ({pro.role})" if pro.role else pro.name
    for user in session.scalars(select(User)):
        names[(ResponsibleKind.COORDINATOR, user.id)] = user.full_name
    return names


def offers_overview(
    session: Session, case_id: int, comments: dict[tuple[int, str], str]
) -> tuple[OfferLine, ...]:
    """The family's interventions that are not ended, per member and law, in plan order."""
    rows = session.execute(
        select(Intervention, LawSection, Professional.name, Professional.phone)
        .outerjoin(LawSection, LawSection.id == Intervention.law_section_id)
        .outerjoin(Professional, Professional.id == Intervention.professional_id)
        .where(Intervention.case_id == case_id, Intervention.status != InterventionStatus.ENDED)
        .order_by(Intervention.citizen_id, Intervention.start_date, Intervention.id)
    )
    groups: dict[tuple[int, str], list[tuple[Intervention, LawSection | None, str, str]]] = defaultdict(list)
    for item, section, pro, phone in rows:
        key = section.code if section is not None else f"sector:{item.sector}"
        groups[(item.citizen_id, key)].append((item, section, pro or "", phone or ""))
    lines = []
    for (citizen_id, key), items in groups.items():
        first, law, _, _ = items[0]
        lines.append(
            OfferLine(
                citizen_id=citizen_id,
                group_key=key,
                law_name=law.law_name if law else "",
                law_reference=law.reference if law else "",
                law_title=law.title if law else "",
                sector=first.sector,
                items=tuple(
                    OfferItem(i.title, pro, i.start_date, i.end_date, i.status, phone)
                    for i, _s, pro, phone in items
                ),
                comment=comments.get((citizen_id, key), ""),
            )
        )
    return tuple(lines)


def plan_history(session: Session, case_id: int) -> tuple[VersionSummary, ...]:
    versions = list(
        session.scalars(
            select(PlanVersion).where(PlanVersion.case_id == case_id).order_by(PlanVersion.number)
        )
    )
    labels = _meeting_labels(session, {v.meeting_id for v in versions if v.meeting_id})
    return tuple(
        VersionSummary(
            v.id,
            v.number,
            v.state,
            v.approved_on,
            f"{labels[v.meeting_id][0]}|{labels[v.meeting_id][1].isoformat()}"
            if v.meeting_id in labels
            else "",
            v.participants,
        )
        for v in versions
    )


def load_plan_document(session: Session, case_id: int, version_id: int | None = None) -> PlanDocument:
    """The case's plan: ``version_id``, else its draft, else its newest approved version."""
    with narrowed_to(session, [case_id]):
        return _plan_document(session, case_id, version_id)


def _plan_document(session: Session, case_id: int, version_id: int | None) -> PlanDocument:
    summary = case_summary(session, case_id)
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFoundError(case_id)
    c_email = session.scalar(select(User.email).where(User.id == case.coordinator_id)) or ""
    pv: PlanVersion | None
    if version_id is not None:
        pv = session.get(PlanVersion, version_id)
        if pv is None or pv.case_id != case_id:
            raise CaseNotFoundError(case_id)
    else:
        pv = session.scalar(
            select(PlanVersion)
            .where(PlanVersion.case_id == case_id)
            .order_by((PlanVersion.state == PlanState.DRAFT).desc(), PlanVersion.number.desc())
            .limit(1)
        )
    names = responsible_names(session, case_id, summary.members)
    view = _version_view(session, pv, names) if pv is not None else None
    comments = {(c, k): text for c, k, text in view.offer_comments} if view else {}
    upcoming = session.scalar(
        select(Meeting)
        .where(
            Meeting.case_id == case_id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at >= now_utc(),
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    return PlanDocument(
        case_id=case_id,
        case_number=summary.number,
        family_name=summary.title,
        is_family=case.family_id is not None,
        coordinator_name=summary.coordinator,
        coordinator_phone=summary.coordinator_phone,
        coordinator_email=c_email,
        partner_name=summary.partner,
        partner_phone=summary.partner_phone,
        members=summary.members,
        plan=view,
        offers=offers_overview(session, case_id, comments),
        next_meeting=upcoming.starts_at if upcoming is not None else None,
        history=plan_history(session, case_id),
        read_only=case.status == CaseStatus.CLOSED,
        documents=document_lines(session, case_id),
        cover=case_cover(session, case_id, local_today()),
        next_meeting_info=(
            NextMeeting(
                upcoming.starts_at, upcoming.ends_at, upcoming.kind.value, upcoming.place, upcoming.video_link
            )
            if upcoming is not None
            else None
        ),
    )
