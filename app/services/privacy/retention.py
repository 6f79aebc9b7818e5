"""Retention: closing a case starts its clock; an admin lists and erases what has passed it.

How long a closed case is kept is *not* decided here. The archive rules (arkivloven, the
Rigsarkivet's bevaring og kassation) and the municipality's own bevaringsplan set it; "5
years after closing" is common but not a fact of law (DOMAIN.md §2.4). The periods per
coordination model are therefore data that the municipality enters: ``retention_rules.csv``
in the machine-wide settings folder (``/etc/koordinator``, ``%PROGRAMDATA%/Koordinator``),
else the program's own file, which sets none. A case type whose period is not set is never
erased. Cases with an intervention the archive rules keep (``retention_archive.csv``, the
same two places: placements, BL §§ 46-47) are kept for the archive and never erased by the
program. A social case's age runs from when it was *closed*, not opened.

Erasing a case removes the case and its content (plans, meetings, interventions,
consents, transition tracks, its network); the family and its citizens only when no other
case uses them. The audit log keeps its entries (they hold ids only) and gets one ERASE
entry per erased case, so the erasure itself is on record.

The audit log keeps lookups (openings and searches) for a configurable period, default 6
months (the sikkerhedsbekendtgørelse baseline still copied into data processing
agreements, DOMAIN.md §3.1). Changes, exports, reveals and erasures are kept.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, and_, delete, exists, select
from sqlalchemy.orm import Session

from app.models import (
    AuditEvent,
    Base,
    Case,
    CaseProfessional,
    Citizen,
    Consent,
    Family,
    FamilyMember,
    GoalScore,
    Intervention,
    Meeting,
    PlanVersion,
    TransitionTrack,
)
from app.models.enums import CaseStatus, CoordinationModel
from app.services.common.editing import RowGoneError, load_for_edit
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.privacy.retention_rules import CountFrom, RetentionRule, load_archive_codes, load_rules

log = logging.getLogger(__name__)

DEFAULT_LOOKUP_MONTHS = 6


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def retention_end(
    model: CoordinationModel, closed_on: date, rules: dict[CoordinationModel, RetentionRule] | None = None
) -> date | None:
    """The last day a case closed on ``closed_on`` must be kept; it may be erased after it.
    None: the municipality has set no period for the case's type, and it is never erased."""
    rules = load_rules() if rules is None else rules
    rule = rules.get(model)
    if rule is None or rule.years is None:
        return None
    start = closed_on if rule.count_from == CountFrom.CLOSING_DATE else date(closed_on.year, 12, 31)
    return _add_years(start, rule.years)


def start_retention(
    session: Session, case: Case, rules: dict[CoordinationModel, RetentionRule] | None = None
) -> date | None:
    """Start the retention clock of a closed case (from ``closed_on``); returns its end
    (None: no period is set for its type)."""
    if case.status != CaseStatus.CLOSED or case.closed_on is None:
        raise ValueError("only a closed case with a closing date has a retention clock")
    case.retention_until = retention_end(case.model, case.closed_on, rules)
    session.flush()
    return case.retention_until


def close_case(
    session: Session,
    case: Case,
    today: date,
    reason: str = "",
    rules: dict[CoordinationModel, RetentionRule] | None = None,
) -> date | None:
    """Close a case and start its retention clock; returns the day it may be erased after
    (None: no period is set for its type, it is kept)."""
    case.status = CaseStatus.CLOSED
    case.closed_on = today
    case.closing_reason = reason.strip()
    return start_retention(session, case, rules)


@dataclass(frozen=True, slots=True)
class ClosingFacts:
    """What the close-case dialog shows and checks before it closes a case."""

    version: int
    model: CoordinationModel
    opened_on: date
    label: str  # "number · title"
    closed: bool
    archived: bool = False  # kept for the archive (a placement): never erased


def archived_case_ids(
    session: Session, case_ids: Sequence[int], codes: frozenset[str] | None = None
) -> set[int]:
    """Of ``case_ids``, those with an intervention (ended or not) the archive keeps."""
    from app.models import LawSection

    codes = load_archive_codes() if codes is None else codes
    if not codes or not case_ids:
        return set()
    found: set[int] = set()
    for chunk in _chunks(list(case_ids), 500):
        found.update(
            session.scalars(
                select(Intervention.case_id)
                .join(LawSection, LawSection.id == Intervention.law_section_id)
                .where(Intervention.case_id.in_(chunk), LawSection.code.in_(sorted(codes)))
            )
        )
    return found


def closing_facts(session: Session, case_id: int) -> ClosingFacts:
    case = session.get(Case, case_id)
    if case is None:
        raise RowGoneError(f"cases {case_id}")
    return ClosingFacts(
        version=case.version,
        model=case.model,
        opened_on=case.opened_on,
        label=f"{case.number} · {case.title}",
        closed=case.status == CaseStatus.CLOSED,
        archived=bool(archived_case_ids(session, [case_id])),
    )


def close_case_as_read(
    session: Session, case_id: int, version: int | None, day: date, reason: str
) -> date | None:
    """Close the case the caseworker looked at: refused (ConcurrentEditError) when it changed
    since ``version`` was read, and when it is closed already; the day it may be erased after."""
    case = load_for_edit(session, Case, case_id, version)
    if case.status == CaseStatus.CLOSED:
        raise ValidationError([FieldProblem("case", Problem.CASE_CLOSED)])
    return close_case(session, case, day, reason)


def reopen_case(session: Session, case: Case, status: CaseStatus = CaseStatus.ACTIVE) -> None:
    """A reopened case is in use again: its clock stops and starts anew at the next closing."""
    case.status = status
    case.closed_on = None
    case.retention_until = None
    session.flush()


@dataclass(frozen=True, slots=True)
class DueCase:
    """A closed case past its retention. No names or CPR numbers: this is printed by the CLI."""

    case_id: int
    number: str
    model: CoordinationModel
    closed_on: date
    retention_until: date


@dataclass(frozen=True, slots=True)
class ClosedCases:
    due: list[DueCase]
    kept_unset: dict[CoordinationModel, int]  # closed cases kept: no period set for their type
    kept_for_archive: int


def due_for_erasure(
    session: Session,
    today: date,
    rules: dict[CoordinationModel, RetentionRule] | None = None,
    archive: frozenset[str] | None = None,
) -> list[DueCase]:
    """Closed cases whose retention ended before ``today``, oldest first (see closed_cases)."""
    return closed_cases(session, today, rules, archive).due


def closed_cases(
    session: Session,
    today: date,
    rules: dict[CoordinationModel, RetentionRule] | None = None,
    archive: frozenset[str] | None = None,
) -> ClosedCases:
    """The closed cases due for erasure, and how many are kept and why.

    A closed case without a retention date (closed before this feature, by an import, or
    before its type had a period) is judged from its closing date and today's rules. A case
    whose type has no period, and a case the archive keeps, is never due.
    """
    rules = load_rules() if rules is None else rules
    rows = list(
        session.execute(
            select(Case.id, Case.number, Case.model, Case.closed_on, Case.retention_until)
            .where(Case.status == CaseStatus.CLOSED, Case.closed_on.is_not(None))
            .order_by(Case.closed_on, Case.id)
        )
    )
    archived = archived_case_ids(session, [row[0] for row in rows], archive)
    due: list[DueCase] = []
    unset: dict[CoordinationModel, int] = {}
    for case_id, number, model, closed_on, until in rows:
        assert closed_on is not None  # the query asks for closed_on
        if case_id in archived:
            continue
        rule = rules.get(model)
        if rule is None or rule.years is None:  # a date from before counts only with a period now
            unset[model] = unset.get(model, 0) + 1
            continue
        until = until or retention_end(model, closed_on, rules)
        if until is not None and until < today:
            due.append(DueCase(case_id, number, model, closed_on, until))
    due.sort(key=lambda d: (d.retention_until, d.case_id))
    return ClosedCases(due, unset, len(archived))


def _citizen_references(exclude: Iterable[type[Base]] = ()) -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) with a foreign key to citizens.id, from the models themselves."""
    skip = {model.__table__ for model in exclude}
    found: list[tuple[Table, Column[Any]]] = []
    for table in Base.metadata.sorted_tables:
        if table in skip:
            continue
        for column in table.columns:
            if any(fk.column.table.name == "citizens" for fk in column.foreign_keys):
                found.append((table, column))
    return found


def _citizen_in_use(session: Session, citizen_id: int) -> bool:
    """Whether anything but the person's own case-less consents still points at the citizen."""
    for table, column in _citizen_references():
        condition: ColumnElement[bool] = column == citizen_id
        consents = Consent.__table__.c
        if table is Consent.__table__ and column is consents.citizen_id:
            condition = and_(condition, consents.case_id.is_not(None))
        if session.scalar(select(exists().where(condition))):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Erased:
    case_id: int
    number: str
    family_erased: bool
    citizens_erased: int
    citizens_kept: int


class NotDueError(ValueError):
    """A case that is not closed or not past its retention; nothing was erased."""


def erase_cases(
    session: Session,
    case_ids: Sequence[int],
    today: date,
    rules: dict[CoordinationModel, RetentionRule] | None = None,
    archive: frozenset[str] | None = None,
) -> list[Erased]:
    """Erase cases past their retention, with their content; one ERASE audit entry each.

    All or nothing: raises NotDueError (erasing nothing) when a case is not due — kept for
    the archive and a type without a period included. The family and citizens go only when
    no other case uses them. Audit entries are kept.
    """
    from app.services.common import audit

    due = {d.case_id: d for d in due_for_erasure(session, today, rules, archive)}
    not_due = [cid for cid in case_ids if cid not in due]
    if not_due:
        raise NotDueError(f"not past retention (or not closed): case ids {', '.join(map(str, not_due))}")
    result: list[Erased] = []
    for case_id in dict.fromkeys(case_ids):
        case = session.get(Case, case_id)
        assert case is not None
        family_id, single_citizen_id = case.family_id, case.citizen_id
        people: list[int] = []
        if family_id is not None:
            people = list(
                session.scalars(select(FamilyMember.citizen_id).where(FamilyMember.family_id == family_id))
            )
        elif single_citizen_id is not None:
            people = [single_citizen_id]
        number, model = case.number, case.model
        session.expunge(case)
        _delete_case_content(session, case_id)
        session.execute(delete(Case).where(Case.id == case_id))
        family_erased = False
        if family_id is not None and not session.scalar(select(exists().where(Case.family_id == family_id))):
            session.execute(delete(FamilyMember).where(FamilyMember.family_id == family_id))
            session.execute(delete(Family).where(Family.id == family_id))
            family_erased = True
        erased = kept = 0
        for citizen_id in people:
            if _citizen_in_use(session, citizen_id):
                kept += 1
                continue
            session.execute(
                delete(Consent).where(Consent.citizen_id == citizen_id, Consent.case_id.is_(None))
            )
            session.execute(delete(Citizen).where(Citizen.id == citizen_id))
            erased += 1
        audit.record(
            session,
            audit.ERASE,
            object_type="case",
            object_id=case_id,
            case_id=case_id,
            details={
                "number": number,
                "model": model.value,
                "closed_on": due[case_id].closed_on.isoformat(),
                "retention_until": due[case_id].retention_until.isoformat(),
                "family_erased": family_erased,
                "citizen_ids_erased": erased,
                "citizens_kept": kept,
            },
            purpose="retention period passed",
        )
        log.info("Erased case id %d after retention (%d citizens erased, %d kept)", case_id, erased, kept)
        result.append(Erased(case_id, number, family_erased, erased, kept))
    session.flush()
    session.expire_all()
    return result


def _delete_case_content(session: Session, case_id: int) -> None:
    """Children first, so that neither store depends on ON DELETE CASCADE being enforced."""
    from app.models import (
        Agreement,
        Goal,
        GoalMember,
        InterventionSlot,
        MeetingParticipant,
        PlanMemberSection,
        PlanOfferComment,
        TransitionTopic,
    )

    plans = select(PlanVersion.id).where(PlanVersion.case_id == case_id).scalar_subquery()
    meetings = select(Meeting.id).where(Meeting.case_id == case_id).scalar_subquery()
    interventions = select(Intervention.id).where(Intervention.case_id == case_id).scalar_subquery()
    tracks = select(TransitionTrack.id).where(TransitionTrack.case_id == case_id).scalar_subquery()
    session.execute(delete(GoalScore).where(GoalScore.case_id == case_id))
    for model in (Agreement, PlanMemberSection, PlanOfferComment):
        session.execute(delete(model).where(model.plan_version_id.in_(plans)))
    goals = select(Goal.id).where(Goal.plan_version_id.in_(plans)).scalar_subquery()
    session.execute(delete(GoalMember).where(GoalMember.goal_id.in_(goals)))
    # Sub-goals before their parents.
    session.execute(delete(Goal).where(Goal.plan_version_id.in_(plans), Goal.parent_id.is_not(None)))
    session.execute(delete(Goal).where(Goal.plan_version_id.in_(plans)))
    session.execute(delete(PlanVersion).where(PlanVersion.case_id == case_id))
    session.execute(delete(MeetingParticipant).where(MeetingParticipant.meeting_id.in_(meetings)))
    session.execute(delete(Meeting).where(Meeting.case_id == case_id))
    session.execute(delete(InterventionSlot).where(InterventionSlot.intervention_id.in_(interventions)))
    session.execute(delete(Intervention).where(Intervention.case_id == case_id))
    session.execute(delete(TransitionTopic).where(TransitionTopic.track_id.in_(tracks)))
    session.execute(delete(TransitionTrack).where(TransitionTrack.case_id == case_id))
    session.execute(delete(Consent).where(Consent.case_id == case_id))
    session.execute(delete(CaseProfessional).where(CaseProfessional.case_id == case_id))


# -- the audit log's own retention -----------------------------------------------------


def _months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def lookup_actions() -> tuple[str, ...]:
    """The audit actions that are lookups (openings and searches), from app.services.common.audit."""
    from app.services.common import audit

    names = [name for name in dir(audit) if name.startswith("OPEN_") or name == "SEARCH"]
    return tuple(sorted({value for name in names if isinstance(value := getattr(audit, name), str)}))


@dataclass(frozen=True, slots=True)
class Pruned:
    cutoff: date
    deleted: int
    anchor: object = None  # the last signed record written (audit_key.Anchor), if any
    appender: object = None  # for a checkpoint after further entries in the same transaction


def prune_audit(
    session: Session,
    today: date,
    lookup_months: int = DEFAULT_LOOKUP_MONTHS,
    *,
    key: object = None,
    appender: object = None,
) -> Pruned:
    """Delete lookup entries (openings, searches) that happened before ``today`` minus the period.

    Changes, exports, prints, reveals and erasures are kept, and so is the log's last entry.
    The log is verified first (a broken log is not pruned: AuditLogBrokenError) and locked; the
    deletion is recorded in signed pruning records (``audit_prune``, app/services/privacy/
    audit_anchor.py) stating, for every run of deleted entries, its first and last id, how
    many, the hash before it and the hash of its last entry. ``key`` (an
    audit_key.AuditKey with its private part) signs them; without it nothing is pruned
    (ValueError) when anything is due. ``appender`` (from ``audit_anchor.start_signed_pruning``)
    is a walk already done and locked in this transaction.
    """
    from app.services.privacy import audit_anchor, audit_key

    if lookup_months < 1:
        raise ValueError("the audit log keeps lookups for at least one month")
    cutoff = _months_before(today, lookup_months)
    moment = datetime.combine(cutoff, time.min, tzinfo=UTC)
    actions = lookup_actions()
    due = select(AuditEvent.id).where(AuditEvent.action.in_(actions), AuditEvent.occurred_at < moment)
    if session.scalar(due.limit(1)) is None:
        return Pruned(cutoff, 0, None, appender)
    if not isinstance(appender, audit_anchor._Appender):
        if not isinstance(key, audit_key.AuditKey):
            raise ValueError("pruning the audit log needs the audit key (its pruning record is signed)")
        appender = audit_anchor.start_signed_pruning(session, key)
    head = appender.walker.result.last_id
    doomed = set(session.scalars(due.where(AuditEvent.id < (head or 0))))
    if not doomed:
        return Pruned(cutoff, 0, None, appender)
    rows = session.execute(
        select(AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash)
        .where(AuditEvent.id <= max(doomed))
        .order_by(AuditEvent.id)
    ).all()
    gaps: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    for row_id, prev_hash, row_hash in rows:
        if row_id in doomed:
            if current is None:
                current = {"first_id": row_id, "prev_hash": prev_hash, "count": 0}
                gaps.append(current)
            current["last_id"] = row_id
            current["last_hash"] = row_hash
            current["count"] = int(current["count"]) + 1  # type: ignore[call-overload]
        else:
            current = None
    for chunk in _chunks(sorted(doomed), 500):
        session.execute(delete(AuditEvent).where(AuditEvent.id.in_(chunk)))
    anchor = audit_anchor.append_pruning(
        appender,
        gaps,
        {"cutoff": cutoff.isoformat(), "deleted": len(doomed), "months": lookup_months},
    )
    session.flush()
    log.info("Audit log: %d lookup entries before %s deleted", len(doomed), cutoff.isoformat())
    return Pruned(cutoff, len(doomed), anchor, appender)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def lookups_older_than(session: Session, moment: datetime) -> int:
    """How many lookup entries happened before ``moment`` (for the CLI's listing)."""
    from sqlalchemy import func

    return int(
        session.scalar(
            select(func.count(AuditEvent.id)).where(
                AuditEvent.action.in_(lookup_actions()), AuditEvent.occurred_at < moment
            )
        )
        or 0
    )


__all__ = [
    "DueCase",
    "Erased",
    "NotDueError",
    "Pruned",
    "RetentionRule",
    "close_case",
    "due_for_erasure",
    "erase_cases",
    "load_rules",
    "prune_audit",
    "reopen_case",
    "retention_end",
    "start_retention",
    "verify_chain_after_pruning",
]


def verify_chain_after_pruning(session: Session, key: object = None) -> int | None:
    """The id of the entry where the check failed, or None; a gap is allowed only where a
    pruning record (signed; with ``key`` the signature is checked) declares exactly that
    run of deleted lookups. The same check as ``verify-audit`` (app/services/privacy/audit_anchor.py)."""
    from app.services.privacy import audit_anchor, audit_key

    broken = audit_anchor.check_log(session, key if isinstance(key, audit_key.AuditKey) else None).broken
    return None if broken is None else broken.found_at
