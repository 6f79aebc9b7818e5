"""Members of a case's family: add, edit and remove, with the same rules as a new case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.models import Case, Citizen, Consent, FamilyMember, Intervention, TransitionTrack
from app.models.enums import CaseStatus, Relation
from app.services.cases.cases import MemberInput, _citizen_for, refresh_search_text, validate_member
from app.services.common.cpr import CprError, parse_cpr
from app.services.common.editing import load_for_edit, raise_if_blocking, required
from app.services.common.print_languages import allowed_language
from app.services.common.validation import FieldProblem, Problem, ValidationError

NAME_MAX = 100


@dataclass(frozen=True, slots=True)
class MemberChange:
    """What an edit of an existing member may change (the CPR number stays)."""

    first_name: str
    last_name: str
    relation: Relation
    custody: bool
    lives_in_household: bool
    language: str = "da"  # the family's copy of the plan prints in it (services/common/print_languages)


@dataclass(frozen=True, slots=True)
class RemovalImpact:
    """What goes with a member when removed from the case (shown before confirming)."""

    interventions: int
    consents: int
    transition_track: bool


def _family_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValidationError([FieldProblem("case", Problem.REQUIRED)])
    if case.status == CaseStatus.CLOSED:
        raise ValidationError([FieldProblem("case", Problem.CASE_CLOSED)])
    if case.family_id is None:
        raise ValidationError([FieldProblem("case", Problem.NOT_A_FAMILY)])
    return case


def _members(session: Session, family_id: int) -> list[FamilyMember]:
    return list(
        session.scalars(
            select(FamilyMember)
            .where(FamilyMember.family_id == family_id)
            .order_by(FamilyMember.position, FamilyMember.id)
        )
    )


def _custody_problem(members: list[tuple[Relation, bool]]) -> list[FieldProblem]:
    has_child = any(relation == Relation.CHILD for relation, _ in members)
    if has_child and not any(custody for _, custody in members):
        return [FieldProblem("custody", Problem.LAST_CUSTODY_HOLDER)]
    return []


def validate_new_member_input(data: MemberInput, today: date) -> list[FieldProblem]:
    """Problems with ``data`` as a new member that need no store (checked as the user types)."""
    problems = [FieldProblem(p.field.split(".", 2)[-1], p.problem) for p in validate_member(0, data, today)]
    for name in ("first_name", "last_name"):
        value = getattr(data, name)
        if len(value.strip()) > NAME_MAX:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
    return problems


def validate_new_member(session: Session, case_id: int, data: MemberInput, today: date) -> list[FieldProblem]:
    """Problems with adding ``data`` to the case's family (field names without a prefix)."""
    problems = validate_new_member_input(data, today)
    case = session.get(Case, case_id)
    if case is None or case.family_id is None:
        return problems
    try:
        digits = parse_cpr(data.cpr).digits
    except CprError:
        return problems
    taken = session.scalar(
        select(func.count(FamilyMember.id))
        .join(Citizen, Citizen.id == FamilyMember.citizen_id)
        .where(FamilyMember.family_id == case.family_id, Citizen.cpr == digits)
    )
    if taken:
        problems.append(FieldProblem("cpr", Problem.ALREADY_MEMBER))
    return problems


def add_member(session: Session, case_id: int, data: MemberInput, today: date) -> int:
    """Add a person to the case's family; returns the citizen id. Stores nothing on error."""
    case = _family_case(session, case_id)
    raise_if_blocking(validate_new_member(session, case_id, data, today))
    assert case.family_id is not None
    members = _members(session, case.family_id)
    family = [(m.relation, m.custody) for m in members] + [(data.relation, data.custody)]
    raise_if_blocking(
        [FieldProblem("custody", Problem.NO_CUSTODY_HOLDER)] if _custody_problem(family) else []
    )
    citizen = _citizen_for(session, data)
    position = max((m.position for m in members), default=-1) + 1
    session.add(
        FamilyMember(
            family_id=case.family_id,
            citizen=citizen,
            relation=data.relation,
            custody=data.custody,
            lives_in_household=data.lives_in_household,
            position=position,
        )
    )
    session.flush()
    refresh_search_text(session, case)
    session.flush()
    return citizen.id


def validate_member_change(data: MemberChange) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    required(problems, "first_name", data.first_name, NAME_MAX)
    required(problems, "last_name", data.last_name, NAME_MAX)
    return problems


def update_member(
    session: Session, case_id: int, member_id: int, data: MemberChange, expected_version: int | None
) -> None:
    """Change a member's name, relation, custody, household or language. Raises
    ConcurrentEditError."""
    case = _family_case(session, case_id)
    raise_if_blocking(validate_member_change(data))
    member: FamilyMember = load_for_edit(session, FamilyMember, member_id, expected_version)
    if member.family_id != case.family_id:
        raise ValidationError([FieldProblem("member", Problem.REQUIRED)])
    others = [(m.relation, m.custody) for m in _members(session, member.family_id) if m.id != member.id]
    raise_if_blocking(_custody_problem([*others, (data.relation, data.custody)]))
    citizen = member.citizen
    if not allowed_language(data.language, citizen.language):
        raise ValidationError([FieldProblem("language", Problem.OUT_OF_RANGE)])
    citizen.language = data.language
    citizen.first_name = data.first_name.strip()
    citizen.last_name = data.last_name.strip()
    member.relation = data.relation
    member.custody = data.custody
    member.lives_in_household = data.lives_in_household
    flag_modified(member, "relation")  # a rename alone also moves the member's version
    session.flush()
    refresh_search_text(session, case)
    session.flush()


def removal_impact(session: Session, case_id: int, citizen_id: int) -> RemovalImpact:
    interventions = session.scalar(
        select(func.count(Intervention.id)).where(
            Intervention.case_id == case_id, Intervention.citizen_id == citizen_id
        )
    )
    consents = session.scalar(
        select(func.count(Consent.id)).where(Consent.case_id == case_id, Consent.citizen_id == citizen_id)
    )
    track = session.scalar(
        select(func.count(TransitionTrack.id)).where(
            TransitionTrack.case_id == case_id, TransitionTrack.citizen_id == citizen_id
        )
    )
    return RemovalImpact(interventions or 0, consents or 0, bool(track))


def remove_member(session: Session, case_id: int, member_id: int, expected_version: int | None) -> None:
    """Take a person out of the case's family, with their interventions, consents and
    transition track in this case. The citizen row stays (they may be in other cases)."""
    case = _family_case(session, case_id)
    member: FamilyMember = load_for_edit(session, FamilyMember, member_id, expected_version)
    if member.family_id != case.family_id:
        raise ValidationError([FieldProblem("member", Problem.REQUIRED)])
    others = [m for m in _members(session, member.family_id) if m.id != member.id]
    if not others:
        raise ValidationError([FieldProblem("member", Problem.LAST_MEMBER)])
    raise_if_blocking(_custody_problem([(m.relation, m.custody) for m in others]))
    citizen_id = member.citizen_id
    for model in (Intervention, Consent, TransitionTrack):
        session.execute(
            delete(model).where(model.case_id == case_id, model.citizen_id == citizen_id),
            execution_options={"synchronize_session": False},
        )
    session.delete(member)
    session.flush()
    session.expire_all()
    refresh_search_text(session, session.get(Case, case_id))  # type: ignore[arg-type]
    session.flush()
