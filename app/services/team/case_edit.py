"""Changing a case once created: partner caseworker (makkerpar), model, follow-up cadence and
status (candidate → active → paused → closed → reopened). A new coordinator is a hand-over
(hand_over.py: it needs a note). Each change is logged with before and after, and what it
will do is shown before saving (:func:`preview_case_edit`). Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, User
from app.models.enums import CaseStatus, CoordinationModel, UserRole
from app.services.common.editing import load_for_edit
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.team.caseload import CaseloadCheck, assignment_check, record_above_limit

# Which status may follow which. Reopening a closed case makes it active again (its retention
# clock stops); closing starts the clock (app/services/privacy/retention.py).
NEXT_STATUS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.CANDIDATE: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.ACTIVE: frozenset({CaseStatus.PAUSED, CaseStatus.CLOSED}),
    CaseStatus.PAUSED: frozenset({CaseStatus.ACTIVE, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset({CaseStatus.ACTIVE}),
}

INTERVAL_RANGE = (7, 365)  # the follow-up cadence in days (as the new-case dialog allows)


@dataclass(frozen=True, slots=True)
class CaseEdit:
    partner_id: int | None
    model: CoordinationModel
    follow_up_interval_days: int
    status: CaseStatus
    reason: str = ""  # why: required when closing, and when the partner's caseload goes above the limit


@dataclass(frozen=True, slots=True)
class Consequence:
    """One thing saving will do, as a code and its values (the UI words it)."""

    kind: str  # see the constants below
    values: tuple[str, ...] = ()


FOLLOW_UP_MOVED = "follow_up_moved"  # (old date or "", new date)
REACH_GAINED = "reach_gained"  # (name,) will reach the case
REACH_LOST = "reach_lost"  # (name,) will no longer reach the case
RETENTION_STARTS = "retention_starts"  # closing: the retention clock starts
RETENTION_STOPS = "retention_stops"  # reopening: the clock stops
# RETENTION_STARTS's second value: why the closed case is kept whatever its age
NO_PERIOD_SET = "no_period_set"  # the municipality has set no period for the case's type
KEPT_FOR_ARCHIVE = "kept_for_archive"  # a placement: the archive keeps it
PAUSED_NO_FLAGS = "paused"  # paused: the case keeps its data, counts in the caseload
ACTIVATED = "activated"  # a candidate becomes an active case


@dataclass(frozen=True, slots=True)
class CasePreview:
    consequences: tuple[Consequence, ...]
    caseload: CaseloadCheck | None  # the coordinator's load, when the case starts to count in it

    @property
    def needs_reason(self) -> bool:
        return any(c.kind == RETENTION_STARTS for c in self.consequences)


def _who_reaches(session: Session, coordinator_id: int, partner_id: int | None) -> dict[int, str]:
    """Who reaches a case on a shared server: its coordinator, partner and the coordinator's team."""
    lead = session.get(User, coordinator_id)
    ids = {coordinator_id} | ({partner_id} if partner_id else set())
    stmt = select(User.id, User.full_name).where(User.active.is_(True))
    if lead is not None and lead.team:
        stmt = stmt.where((User.id.in_(ids)) | (User.team == lead.team))
    else:
        stmt = stmt.where(User.id.in_(ids))
    return {int(i): str(n) for i, n in session.execute(stmt)}


def validate_case_edit(session: Session, case: Case, edit: CaseEdit) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if edit.partner_id is not None:
        partner = session.get(User, edit.partner_id)
        if partner is None or not partner.active or partner.role == UserRole.READ_ONLY:
            problems.append(FieldProblem("partner", Problem.REQUIRED))
        elif edit.partner_id == case.coordinator_id:
            problems.append(FieldProblem("partner", Problem.SAME_PARTNER))
    low, high = INTERVAL_RANGE
    if not low <= edit.follow_up_interval_days <= high:
        problems.append(FieldProblem("follow_up_interval_days", Problem.INTERVAL_RANGE))
    if edit.status != case.status and edit.status not in NEXT_STATUS[case.status]:
        problems.append(FieldProblem("status", Problem.OUT_OF_RANGE))
    if edit.status == CaseStatus.CLOSED and case.status != CaseStatus.CLOSED and not edit.reason.strip():
        problems.append(FieldProblem("reason", Problem.REQUIRED))
    if len(edit.reason) > 500:
        problems.append(FieldProblem("reason", Problem.TOO_LONG))
    return problems


def preview_case_edit(session: Session, case_id: int, edit: CaseEdit, today: date) -> CasePreview:
    """What saving ``edit`` will do, before it is saved."""
    from app.services.cases.cases import next_follow_up
    from app.services.privacy.retention import archived_case_ids
    from app.services.privacy.retention_rules import load_rules

    case = session.get(Case, case_id)
    if case is None:
        return CasePreview((), None)
    out: list[Consequence] = []
    if edit.follow_up_interval_days != case.follow_up_interval_days:
        new_due = next_follow_up(session, case, edit.follow_up_interval_days)
        old_due = case.follow_up_due.isoformat() if case.follow_up_due else ""
        out.append(Consequence(FOLLOW_UP_MOVED, (old_due, new_due.isoformat())))
    if edit.partner_id != case.partner_id:
        before = _who_reaches(session, case.coordinator_id, case.partner_id)
        after = _who_reaches(session, case.coordinator_id, edit.partner_id)
        out.extend(Consequence(REACH_GAINED, (after[i],)) for i in sorted(set(after) - set(before)))
        out.extend(Consequence(REACH_LOST, (before[i],)) for i in sorted(set(before) - set(after)))
    if edit.status != case.status:
        if edit.status == CaseStatus.CLOSED:
            rule = load_rules().get(case.model)
            if archived_case_ids(session, [case.id]):
                out.append(Consequence(RETENTION_STARTS, ("", KEPT_FOR_ARCHIVE)))
            elif rule is None or rule.years is None:
                out.append(Consequence(RETENTION_STARTS, ("", NO_PERIOD_SET)))
            else:
                out.append(Consequence(RETENTION_STARTS, (str(rule.years),)))
        elif case.status == CaseStatus.CLOSED:
            out.append(Consequence(RETENTION_STOPS))
        elif edit.status == CaseStatus.PAUSED:
            out.append(Consequence(PAUSED_NO_FLAGS))
        elif case.status == CaseStatus.CANDIDATE:
            out.append(Consequence(ACTIVATED))
    caseload = None
    counted = (CaseStatus.ACTIVE, CaseStatus.PAUSED)
    if edit.status in counted and case.status not in counted:  # the case starts to count
        caseload = assignment_check(session, case.coordinator_id, case.family_id is not None)
    return CasePreview(tuple(out), caseload)


def apply_case_edit(
    session: Session, case_id: int, version: int | None, edit: CaseEdit, today: date
) -> tuple[Consequence, ...]:
    """Save ``edit`` (refused when the case changed since ``version`` was read, or with the
    problems by field); logs the change with before and after. Returns what it did."""
    from app.services.cases.cases import refresh_follow_up_due
    from app.services.common import audit
    from app.services.privacy.retention import close_case, reopen_case

    preview = preview_case_edit(session, case_id, edit, today)
    case = load_for_edit(session, Case, case_id, version)
    problems = validate_case_edit(session, case, edit)
    if preview.caseload is not None and preview.caseload.above_limit and not edit.reason.strip():
        problems.append(FieldProblem("reason", Problem.REQUIRED))
    if problems:
        raise ValidationError(problems)
    before = {
        "partner_id": case.partner_id,
        "model": case.model.value,
        "follow_up_interval_days": case.follow_up_interval_days,
        "status": case.status.value,
    }
    case.partner_id = edit.partner_id
    case.model = edit.model
    if edit.follow_up_interval_days != case.follow_up_interval_days:
        case.follow_up_interval_days = edit.follow_up_interval_days
        refresh_follow_up_due(session, case)
    if edit.status != case.status:
        if edit.status == CaseStatus.CLOSED:
            close_case(session, case, today, edit.reason)
        elif case.status == CaseStatus.CLOSED:
            reopen_case(session, case, edit.status)
        else:
            case.status = edit.status
    session.flush()
    after = {
        "partner_id": case.partner_id,
        "model": case.model.value,
        "follow_up_interval_days": case.follow_up_interval_days,
        "status": case.status.value,
    }
    changes = {k: {"before": before[k], "after": after[k]} for k in before if before[k] != after[k]}
    if changes:
        details: dict[str, object] = dict(changes)
        if edit.reason.strip():
            details["reason"] = edit.reason.strip()
        audit.record(
            session, audit.CHANGE, object_type="case", object_id=case.id, case_id=case.id, details=details
        )
    if preview.caseload is not None and preview.caseload.above_limit:
        record_above_limit(session, preview.caseload, case.id, edit.reason)
    return preview.consequences


# -- the edit case dialog: the facts it opens with, and a save that may hand the case over --------


@dataclass(frozen=True, slots=True)
class CaseEditFacts:
    """The case as the edit dialog opens it (plain data, read on the store lane)."""

    case_id: int
    version: int
    number: str
    coordinator_id: int
    partner_id: int | None
    model: CoordinationModel
    follow_up_interval_days: int
    status: CaseStatus
    is_family: bool

    def as_edit(self) -> CaseEdit:
        return CaseEdit(self.partner_id, self.model, self.follow_up_interval_days, self.status)


def case_edit_facts(session: Session, case_id: int) -> CaseEditFacts:
    """The case to edit; RowGoneError when it is gone (or out of reach)."""
    from app.services.common.editing import RowGoneError

    case = session.get(Case, case_id, populate_existing=True)
    if case is None:
        raise RowGoneError(f"cases {case_id}")
    return CaseEditFacts(
        case.id,
        case.version,
        case.number,
        case.coordinator_id,
        case.partner_id,
        case.model,
        case.follow_up_interval_days,
        case.status,
        case.family_id is not None,
    )


@dataclass(frozen=True, slots=True)
class HandOverInput:
    """A new coordinator chosen in the edit dialog: the note they read first, and how long the
    old team may still read the case."""

    to_user_id: int
    note: str
    read_only_until: date | None = None


NOTE_MAX = 4000  # the hand-over note: what is going on, what is promised, what is due


def validate_hand_over_input(data: HandOverInput, today: date) -> list[FieldProblem]:
    """The hand-over's own fields (pure: run as the user types)."""
    from datetime import timedelta

    from app.store.reach_team import READ_ONLY_MAX_DAYS

    problems: list[FieldProblem] = []
    if not data.note.strip():
        problems.append(FieldProblem("note", Problem.REQUIRED))
    elif len(data.note) > NOTE_MAX:
        problems.append(FieldProblem("note", Problem.TOO_LONG))
    until = data.read_only_until
    if until is not None and not today <= until <= today + timedelta(days=READ_ONLY_MAX_DAYS):
        problems.append(FieldProblem("read_only_days", Problem.OUT_OF_RANGE))
    return problems


def preview_case_change(
    session: Session, case_id: int, edit: CaseEdit, new_coordinator_id: int | None, today: date
) -> CasePreview:
    """As :func:`preview_case_edit`, with a hand-over to ``new_coordinator_id`` (when it is not
    the coordinator now): who reaches the case then, and the new coordinator's caseload."""
    base = preview_case_edit(session, case_id, edit, today)
    case = session.get(Case, case_id)
    if case is None or new_coordinator_id is None or new_coordinator_id == case.coordinator_id:
        return base
    partner = None if edit.partner_id == new_coordinator_id else edit.partner_id
    before = _who_reaches(session, case.coordinator_id, case.partner_id)
    after = _who_reaches(session, new_coordinator_id, partner)
    kept = [c for c in base.consequences if c.kind not in (REACH_GAINED, REACH_LOST)]
    kept.extend(Consequence(REACH_GAINED, (after[i],)) for i in sorted(set(after) - set(before)))
    kept.extend(Consequence(REACH_LOST, (before[i],)) for i in sorted(set(before) - set(after)))
    counted = (CaseStatus.ACTIVE, CaseStatus.PAUSED)
    load = assignment_check(session, new_coordinator_id, case.family_id is not None)
    return CasePreview(tuple(kept), load if edit.status in counted else None)


def save_case_change(
    session: Session,
    case_id: int,
    version: int | None,
    edit: CaseEdit,
    hand_over_to: HandOverInput | None,
    today: date,
) -> None:
    """Save the edit dialog in one transaction: the hand-over first (when a new coordinator is
    chosen), then the other changes. Refused as a whole (ValidationError by field,
    ConcurrentEditError when the case changed since ``version``): nothing half-saved."""
    from app.services.team.hand_over import HandOverError, hand_over

    if hand_over_to is None:
        apply_case_edit(session, case_id, version, edit, today)
        return
    case = load_for_edit(session, Case, case_id, version)
    problems = validate_hand_over_input(hand_over_to, today)
    preview = preview_case_change(session, case_id, edit, hand_over_to.to_user_id, today)
    if preview.caseload is not None and preview.caseload.above_limit and not edit.reason.strip():
        problems.append(FieldProblem("reason", Problem.REQUIRED))
    if edit.partner_id is not None and edit.partner_id == hand_over_to.to_user_id:
        problems.append(FieldProblem("partner", Problem.SAME_PARTNER))
    problems.extend(p for p in validate_case_edit(session, case, edit) if p.field != "partner")
    if problems:
        raise ValidationError(problems)
    target = session.get(User, hand_over_to.to_user_id)
    try:
        hand_over(
            session,
            case_id,
            target.login if target is not None else "",
            hand_over_to.note,
            today,
            hand_over_to.read_only_until,
        )
    except HandOverError as exc:
        raise ValidationError([FieldProblem("coordinator", Problem.REQUIRED)]) from exc
    session.flush()
    counts_already = preview_case_edit(session, case_id, edit, today).caseload is None
    apply_case_edit(session, case_id, None, edit, today)  # checked against ``version`` above
    if counts_already and preview.caseload is not None and preview.caseload.above_limit:
        record_above_limit(session, preview.caseload, case_id, edit.reason)
