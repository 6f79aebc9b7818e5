"""Writing the coordinating plan: a draft edited freely, approved at a meeting as version N.

Rules live here (the UI and the CLI ask): an approved version never changes; the next edit
starts a new draft from it, goals keeping their keys so their scores form one series; a plan
is approved only with consent for the members it concerns, at least one goal, and someone
responsible for every agreement; a closed case's plan is read-only. The draft's content as
plain data is in plan_draft, comparing versions in plan_compare, the editor's save (with its
merge when someone else saved meanwhile) in plan_saving.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app.models import (
    Agreement,
    Goal,
    GoalMember,
    Meeting,
    PlanMemberSection,
    PlanOfferComment,
    PlanVersion,
)
from app.models.enums import PlanState, ResponsibleKind
from app.models.plans import new_agreement_key as new_agreement_key
from app.services.cases.case_summary import CaseNotFoundError, case_summary
from app.services.common.editing import (
    ConcurrentEditError,
    RowGoneError,
    load_for_edit,
    open_case,
    raise_if_blocking,
)
from app.services.common.text import stored_length, unstorable
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.plan.plan_compare import SectionChange as SectionChange
from app.services.plan.plan_compare import Segment as Segment
from app.services.plan.plan_compare import compare_versions as compare_versions
from app.services.plan.plan_compare import diff_words as diff_words
from app.services.plan.plan_consent import consent_problems, consent_views
from app.services.plan.plan_document import SECTIONS, load_plan_document, plan_history, responsible_names
from app.services.plan.plan_draft import DEFAULT_CONSENT_RULE as DEFAULT_CONSENT_RULE
from app.services.plan.plan_draft import SHORT_TEXT_MAX as SHORT_TEXT_MAX
from app.services.plan.plan_draft import TEXT_MAX as TEXT_MAX
from app.services.plan.plan_draft import AgreementInput as AgreementInput
from app.services.plan.plan_draft import (
    ConsentRule,
    PlanDraft,
    PlanEdits,
    PlanProblem,
    SaveOutcome,
    SaveResult,
    consent_rule,
)
from app.services.plan.plan_draft import GoalInput as GoalInput
from app.services.plan.plan_draft import PlanConflictError as PlanConflictError
from app.services.plan.plan_draft import PlanSeen as PlanSeen
from app.services.plan.plan_draft import new_goal_key as new_goal_key
from app.services.plan.plan_rows import content_problems, with_members, write_content
from app.services.plan.plan_scores import lock_plan as lock_plan
from app.services.plan.plan_scores import record_score as record_score
from app.store.reach import narrowed_to


def _latest(session: Session, case_id: int) -> PlanVersion | None:
    return session.scalar(
        select(PlanVersion).where(PlanVersion.case_id == case_id).order_by(PlanVersion.number.desc()).limit(1)
    )


def current_draft_id(session: Session, case_id: int) -> int | None:
    latest = _latest(session, case_id)
    return latest.id if latest is not None and latest.state == PlanState.DRAFT else None


def start_draft(session: Session, case_id: int) -> int:
    """The case's draft: the open one, else a copy of the newest approved version (goal keys
    kept), else an empty first draft. Returns its id."""
    open_case(session, case_id)
    latest = _latest(session, case_id)
    if latest is not None and latest.state == PlanState.DRAFT:
        return latest.id
    draft = PlanVersion(case_id=case_id, number=(latest.number + 1) if latest else 1, state=PlanState.DRAFT)
    if latest is not None:
        for name in SECTIONS:
            setattr(draft, name, getattr(latest, name))
    session.add(draft)
    session.flush()
    if latest is not None:
        from app.services.plan.plan_document import _version_view, responsible_names

        view = _version_view(session, latest, responsible_names(session, case_id))
        write_content(session, draft, PlanDraft.from_view(view))
        session.flush()
    return draft.id


def _text_problems(field_name: str, text: str, limit: int) -> list[FieldProblem]:
    if unstorable(text):
        return [FieldProblem(field_name, Problem.BAD_CHARACTERS)]
    if stored_length(text) > limit:
        return [FieldProblem(field_name, Problem.TOO_LONG)]
    return []


def validate_draft(draft: PlanDraft) -> list[FieldProblem]:
    """Problems that stop a save (approval has more rules: ``approval_problems``). Every text
    is held to its column's length here, so both stores refuse the same, and at the field."""
    problems: list[FieldProblem] = []
    for name, text in draft.sections.items():
        if name not in SECTIONS:
            problems.append(FieldProblem(f"sections.{name}", Problem.REQUIRED))
        else:
            problems += _text_problems(f"sections.{name}", text, TEXT_MAX)
    for citizen_id, text in draft.member_sections.items():
        problems += _text_problems(f"member_sections.{citizen_id}", text, TEXT_MAX)
    keys = [g.goal_key for g in draft.goals]
    if len(set(keys)) != len(keys):
        problems.append(FieldProblem("goals", Problem.ALREADY_MEMBER))
    known = set(keys)
    for index, goal in enumerate(draft.goals):
        if not goal.goal_key or len(goal.goal_key) > 36 or unstorable(goal.goal_key):
            problems.append(FieldProblem(f"goals.{index}.key", Problem.TOO_LONG))
        if goal.parent_key is not None and goal.parent_key not in known:
            problems.append(FieldProblem(f"goals.{index}.parent", Problem.REQUIRED))
        problems += _text_problems(f"goals.{index}.text", goal.text, SHORT_TEXT_MAX)
    agreement_keys = [a.agreement_key for a in draft.agreements if a.agreement_key]
    if len(set(agreement_keys)) != len(agreement_keys):
        problems.append(FieldProblem("agreements", Problem.ALREADY_MEMBER))
    for index, agreement in enumerate(draft.agreements):
        problems += _text_problems(f"agreements.{index}.what", agreement.what, SHORT_TEXT_MAX)
        if len(agreement.agreement_key) > 36 or unstorable(agreement.agreement_key):
            problems.append(FieldProblem(f"agreements.{index}.key", Problem.TOO_LONG))
    for (citizen_id, group_key), text in draft.offer_comments.items():
        problems += _text_problems(f"offer_comments.{citizen_id}.{group_key}", text, SHORT_TEXT_MAX)
        if len(group_key) > 60 or unstorable(group_key):
            problems.append(FieldProblem(f"offer_comments.{citizen_id}", Problem.TOO_LONG))
    return problems


def stored_draft(session: Session, pv: PlanVersion) -> PlanDraft:
    """The content of ``pv`` as stored now (read in the caller's transaction)."""
    from app.services.plan.plan_document import _version_view

    return PlanDraft.from_view(_version_view(session, pv, {}))


PlanChange = Callable[[PlanDraft], PlanDraft]


def change_plan(
    session: Session,
    plan_version_id: int,
    expected_version: int | None,
    change: PlanChange | None = None,
    base: PlanDraft | None = None,
) -> PlanVersion:
    """The one way a plan draft is changed: every write of a plan (the editor's save, minutes,
    approval) comes through here. Returns the locked row (its ``version`` is the new one).

    The draft's row is locked first (``load_for_edit``: ``FOR UPDATE`` on PostgreSQL, the
    write lock on SQLite) and its content read under the lock, so nothing read here can be
    stale when it is written. ``change`` makes the new content from the stored content:

    * the stored row is at ``expected_version`` (or no version was given): ``change`` is
      applied to the content stored now — a change such as minutes' new and closed
      agreements lands on top of it, never a copy read earlier;
    * it moved on and the caller gave ``base`` (what it read): a three-way merge of
      ``base``, ``change(base)`` and the stored content (plan_merge, as the editor does);
      stored when it is clean, else :class:`PlanConflictError`;
    * it moved on and there is no base: :class:`ConcurrentEditError` (the editor merges
      and asks the user itself).

    Without ``change`` only the lock and the version check are done (approval). A stale
    write found by the ORM at flush (``StaleDataError``) is a ConcurrentEditError too.
    """
    pv: PlanVersion = load_for_edit(session, PlanVersion, plan_version_id, None)
    moved = expected_version is not None and pv.version != expected_version
    if moved and (change is None or base is None):
        raise ConcurrentEditError(f"plan_versions {plan_version_id}")
    with narrowed_to(session, [pv.case_id]):  # every read and write here is the case's own
        _change_locked(session, pv, expected_version, change, base, moved)
    return pv


def _change_locked(
    session: Session,
    pv: PlanVersion,
    expected_version: int | None,
    change: PlanChange | None,
    base: PlanDraft | None,
    moved: bool,
) -> None:
    plan_version_id = pv.id
    open_case(session, pv.case_id)
    if pv.state != PlanState.DRAFT:
        raise ValidationError([FieldProblem("plan", Problem.CASE_CLOSED)])
    if change is None:
        return
    stored = stored_draft(session, pv)
    if base is not None and (moved or expected_version is None):
        from app.services.plan.plan_merge import merge, normalize

        if normalize(stored) == normalize(base):
            draft = change(stored)
        else:
            result = merge(base, change(base), stored)
            if not result.clean:
                raise PlanConflictError(plan_version_id, tuple(c.label for c in result.conflicts))
            draft = result.merged
    else:
        draft = change(stored)
    _write_draft(session, pv, draft, stored)


def _same_rows(draft: PlanDraft, stored: PlanDraft) -> bool:
    """The draft's goals, agreements, member parts and offer comments are the stored ones
    (as written: a rewrite would make the same rows again)."""
    return (
        draft.goals == stored.goals
        and draft.agreements == stored.agreements
        and draft.member_sections == stored.member_sections
        and draft.offer_comments == stored.offer_comments
    )


def _write_draft(session: Session, pv: PlanVersion, draft: PlanDraft, stored: PlanDraft) -> None:
    """Store ``draft`` as the content of the locked ``pv`` (all or nothing), with the audit."""
    raise_if_blocking(validate_draft(draft))
    raise_if_blocking(content_problems(session, pv, draft))
    from app.services.common import audit

    if _same_rows(draft, stored):
        # Only the plan's own text changed (the usual save): its rows stay as they are — a
        # rewrite of every goal and agreement was most of a save's cost on a shared server.
        try:
            for name in SECTIONS:
                setattr(pv, name, draft.sections.get(name, getattr(pv, name)).strip())
            flag_modified(pv, "summary")  # the version moves with every save
            session.flush()
        except StaleDataError as exc:
            raise ConcurrentEditError(f"plan_versions {pv.id}") from exc
        return

    # Goals, agreements, member parts and offer comments are deleted and re-created: their
    # before/after is recorded here, by a key that survives the re-write (goal key,
    # agreement key, member, member + offer line), not by the generic capture (which sees
    # only new rows).
    kept_by: dict[type, tuple[str, str | tuple[str, ...]]] = {
        Goal: ("goal", "goal_key"),
        Agreement: ("agreement", "agreement_key"),
        PlanMemberSection: ("plan_member_section", "citizen_id"),
        PlanOfferComment: ("plan_offer_comment", ("citizen_id", "group_key")),
    }
    try:
        with audit.captured_by_caller(session, *kept_by):
            before = {
                model: audit.plan_rows(session, model, pv.id, key) for model, (_n, key) in kept_by.items()
            }
            with_members(session, pv.id, before[Goal])
            write_content(session, pv, draft)  # the plan row itself is written once, below
            for name in SECTIONS:
                setattr(pv, name, draft.sections.get(name, getattr(pv, name)).strip())
            flag_modified(pv, "summary")  # goals or agreements alone also move the version
            session.flush()
            for model, (name, key) in kept_by.items():
                after = audit.plan_rows(session, model, pv.id, key)
                if model is Goal:
                    with_members(session, pv.id, after)
                audit.record_replaced(session, name, before[model], after, case_id=pv.case_id)
    except StaleDataError as exc:  # the ORM's last line of defence: someone saved meanwhile
        raise ConcurrentEditError(f"plan_versions {pv.id}") from exc


def save_draft(session: Session, plan_version_id: int, draft: PlanDraft, expected_version: int | None) -> int:
    """Store the editor's content in the draft (all or nothing); returns the new row version.
    Raises ConcurrentEditError when someone else saved since ``expected_version`` (the
    editor merges and asks); ``None`` replaces whatever is stored (a draft just started)."""
    raise_if_blocking(validate_draft(draft))
    return change_plan(session, plan_version_id, expected_version, lambda _stored: draft).version


def concerned_members(session: Session, pv: PlanVersion, members: list[int] | None = None) -> list[int]:
    """The members a plan concerns: those its goals name; every member for a shared goal."""
    if members is None:
        members = [m.citizen_id for m in case_summary(session, pv.case_id).members]
    in_plan = Goal.plan_version_id == pv.id
    if session.scalar(select(func.count(Goal.id)).where(in_plan, ~Goal.members.any())):
        return members  # a goal of the whole family
    named = set(
        session.scalars(
            select(GoalMember.citizen_id).join(Goal, Goal.id == GoalMember.goal_id).where(in_plan)
        )
    )
    return [m for m in members if m in named]


def approval_problems(
    session: Session, plan_version_id: int, today: date, rule: ConsentRule | None = None
) -> list[FieldProblem]:
    """Why the plan cannot be approved yet (empty: it can)."""
    pv = session.get(PlanVersion, plan_version_id)
    if pv is None:
        return [FieldProblem("plan", Problem.REQUIRED)]
    problems: list[FieldProblem] = []
    if pv.state != PlanState.DRAFT:
        problems.append(FieldProblem("plan", Problem.CASE_CLOSED))
    if not session.scalar(select(func.count(Goal.id)).where(Goal.plan_version_id == pv.id)):
        problems.append(FieldProblem(PlanProblem.GOALS, Problem.REQUIRED))
    for index, agreement in enumerate(
        session.scalars(
            select(Agreement).where(Agreement.plan_version_id == pv.id).order_by(Agreement.position)
        )
    ):
        responsible = (
            {
                ResponsibleKind.MEMBER: agreement.responsible_citizen_id,
                ResponsibleKind.PROFESSIONAL: agreement.responsible_professional_id,
                ResponsibleKind.COORDINATOR: agreement.responsible_user_id,
            }.get(agreement.responsible_kind)
            if agreement.responsible_kind
            else None
        )
        if responsible is None:
            problems.append(FieldProblem(f"{PlanProblem.AGREEMENT}.{index}", Problem.REQUIRED))
    problems += consent_problems(session, pv, today, rule or consent_rule())
    return problems


def approve_plan(
    session: Session,
    plan_version_id: int,
    day: date,
    meeting_id: int | None,
    participants: str,
    expected_version: int | None,
    rule: ConsentRule | None = None,
) -> int:
    """Freeze the draft as an approved version (returns its number). Stores nothing on error.
    Never merges: what is approved is exactly the version the approver read."""
    pv = change_plan(session, plan_version_id, expected_version)
    problems = approval_problems(session, plan_version_id, day, rule)
    if meeting_id is not None:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.case_id != pv.case_id:
            problems.append(FieldProblem("meeting", Problem.REQUIRED))
    if not participants.strip():
        problems.append(FieldProblem("participants", Problem.REQUIRED))
    raise_if_blocking(problems)
    pv.state = PlanState.APPROVED
    pv.approved_on = day
    pv.meeting_id = meeting_id
    pv.participants = participants.strip()
    pv.consent_views = consent_views(session, pv, day, rule or consent_rule())
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEditError(f"plan_versions {pv.id}") from exc
    return pv.number


# -- the editor's save --------------------------------------------------------------------


def _store_edits(sessions: sessionmaker[Session], edits: PlanEdits) -> tuple[int, int]:
    """One attempt: store ``edits.mine`` on the stamp it was made on (all or nothing)."""
    with sessions.begin() as session:
        if edits.draft_id is not None:
            return edits.draft_id, save_draft(session, edits.draft_id, edits.mine, edits.row_version)
        history = plan_history(session, edits.case_id)
        newest = history[-1].id if history else None
        if current_draft_id(session, edits.case_id) is not None or newest != edits.based_on:
            # Someone else started (or even approved) the next draft meanwhile: combine with
            # it, never overwrite it.
            raise ConcurrentEditError(f"case {edits.case_id}: a new version was started meanwhile")
        target = start_draft(session, edits.case_id)
        return target, save_draft(session, target, edits.mine, None)


def _read_stored(sessions: sessionmaker[Session], case_id: int) -> SaveOutcome:
    """The plan as stored now, who saved it last and who can be responsible (no audit: a
    re-read is not a new look at the case)."""
    from app.services.plan.plan_merge import SavedBy, last_saved_by

    with sessions() as session:
        doc = load_plan_document(session, case_id)
        names = responsible_names(session, case_id, doc.members)
        by = last_saved_by(session, doc.plan.id) if doc.plan is not None else SavedBy("", None)
    return SaveOutcome(SaveResult.SAVED, by=by, document=doc, names=names)


def _refused(exc: Exception, edits: PlanEdits) -> SaveResult | None:
    """What a refused attempt means: None to re-read and combine, else how the save ends."""
    if isinstance(exc, ValidationError):
        codes = {(p.field, p.problem) for p in exc.problems}
        if ("case", Problem.CASE_CLOSED) in codes or ("case", Problem.REQUIRED) in codes:
            return SaveResult.CLOSED
        if ("plan", Problem.CASE_CLOSED) in codes:
            return None  # the draft was approved under us: the re-read tells
        raise exc
    if isinstance(exc, RowGoneError):
        return None if edits.carry_over else SaveResult.REMOVED
    if isinstance(exc, IntegrityError) and edits.draft_id is not None:
        raise exc
    return None  # ConcurrentEditError, StaleDataError, a new draft started twice (IntegrityError)


def save_edits(sessions: sessionmaker[Session], edits: PlanEdits, attempts: int = 3) -> SaveOutcome:
    """The editor's save, with the rule for two people editing one plan: store the edits on
    the version they were made on; when someone else saved after it (the store refuses),
    re-read the plan and combine both (plan_merge) — a clean combination is stored, the same
    part changed by both is handed back (CONFLICT) for the user to choose, and nothing is
    stored over a draft that was approved or removed meanwhile unless the user chose to
    carry the edits over into a new draft. Runs on a worker: its own short sessions."""
    from app.services.plan.plan_merge import merge, normalize

    combined_with = ""
    for _attempt in range(attempts):
        try:
            draft_id, stored_version = _store_edits(sessions, edits)
        except (ValidationError, RowGoneError, ConcurrentEditError, StaleDataError, IntegrityError) as exc:
            ended = _refused(exc, edits)
            if ended is not None:
                return SaveOutcome(ended)
        else:
            saved = SaveOutcome(
                SaveResult.SAVED, draft_id, stored_version, normalize(edits.mine), combined_with=combined_with
            )
            if edits.draft_id is None or combined_with:  # a new draft or a new number: read it
                read = _read_stored(sessions, edits.case_id)
                saved = replace(saved, by=read.by, document=read.document, names=read.names)
            return saved
        try:
            now = _read_stored(sessions, edits.case_id)
        except CaseNotFoundError:
            return SaveOutcome(SaveResult.CLOSED)
        assert now.document is not None and now.by is not None
        stored = now.document.plan
        if stored is not None and not stored.approved:
            same_line = edits.draft_id in (None, stored.id)  # our draft, or the first of a new round
        else:
            same_line = edits.draft_id is None  # we were about to start a new draft anyway
        if not same_line and not edits.carry_over:
            result = SaveResult.APPROVED if stored is not None and stored.approved else SaveResult.REMOVED
            return replace(now, result=result)
        theirs = normalize(PlanDraft.from_view(stored)) if stored is not None else normalize(edits.base)
        target = stored.id if stored is not None and not stored.approved else None
        version = stored.row_version if stored is not None and target is not None else None
        combined = merge(edits.base, edits.mine, theirs)
        if not combined.clean:
            return replace(
                now,
                result=SaveResult.CONFLICT,
                draft_id=target,
                row_version=version,
                stored=theirs,
                merged=combined,
            )
        if combined.merged == theirs:
            return replace(
                now, result=SaveResult.UP_TO_DATE, draft_id=target, row_version=version, stored=theirs
            )
        based_on = stored.id if stored is not None else None
        edits = PlanEdits(edits.case_id, theirs, combined.merged, target, version, based_on)
        combined_with = now.by.name
    raise ConcurrentEditError(f"case {edits.case_id}: the plan kept changing while it was saved")
