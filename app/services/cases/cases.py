"""Opening a case: a new family with members, or a single citizen.

Validation is a pure function that returns problems per field; ``create_case``
stores all or nothing (the caller's transaction rolls back on any error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.models import Case, Citizen, Family, FamilyMember, Meeting, User
from app.models.enums import CaseStatus, CoordinationModel, MeetingStatus, Relation
from app.services.common.clock import to_local
from app.services.common.cpr import CprError, CprProblem, parse_cpr
from app.services.common.print_languages import PRINT_LANGUAGES
from app.services.common.text import fold
from app.services.common.validation import FieldProblem, Problem, ValidationError

MAX_FOLLOW_UP_DAYS = 365
DEFAULT_FOLLOW_UP_DAYS = 42  # "Sammen om familien": every 6 weeks to 3 months


class NameChoice(StrEnum):
    STORED = "stored"  # the name already registered with the CPR number
    TYPED = "typed"  # the name just typed: the registered one is corrected


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@dataclass(slots=True)
class MemberInput:
    first_name: str = ""
    last_name: str = ""
    cpr: str = ""
    relation: Relation = Relation.PARENT
    custody: bool = False
    lives_in_household: bool = True
    language: str = "da"  # a new person's; a known person keeps theirs
    # A known CPR number typed with another name: which name is right (asked, never guessed).
    name_choice: NameChoice | None = None


@dataclass(slots=True)
class CaseInput:
    single_citizen: bool = False
    family_name: str = ""
    members: list[MemberInput] = field(default_factory=list)
    coordinator_id: int | None = None
    partner_id: int | None = None
    model: CoordinationModel = CoordinationModel.ONE_FAMILY_ONE_ENTRY
    follow_up_interval_days: int = DEFAULT_FOLLOW_UP_DAYS


class CaseValidationError(ValidationError):
    """A new case that cannot be stored; ``problems`` say why. Nothing was stored."""


def validate_member(index: int, member: MemberInput, today: date) -> list[FieldProblem]:
    prefix = f"members.{index}."
    problems: list[FieldProblem] = []
    if not member.first_name.strip():
        problems.append(FieldProblem(prefix + "first_name", Problem.REQUIRED))
    if not member.last_name.strip():
        problems.append(FieldProblem(prefix + "last_name", Problem.REQUIRED))
    try:
        cpr = parse_cpr(member.cpr)
    except CprError as exc:
        code = {
            CprProblem.EMPTY: Problem.REQUIRED,
            CprProblem.FORMAT: Problem.CPR_FORMAT,
            CprProblem.DATE: Problem.CPR_DATE,
        }[exc.problem]
        problems.append(FieldProblem(prefix + "cpr", code))
    else:
        if cpr.birth_date > today:
            problems.append(FieldProblem(prefix + "cpr", Problem.CPR_FUTURE))
        elif not cpr.passes_mod11:
            problems.append(FieldProblem(prefix + "cpr", Problem.CPR_MOD11))
    return problems


def validate_case(data: CaseInput, today: date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not data.single_citizen and not data.family_name.strip():
        problems.append(FieldProblem("family_name", Problem.REQUIRED))
    if not data.members:
        problems.append(FieldProblem("members", Problem.NO_MEMBERS))
    elif data.single_citizen and len(data.members) != 1:
        problems.append(FieldProblem("members", Problem.ONE_CITIZEN))
    seen: dict[str, int] = {}
    for index, member in enumerate(data.members):
        problems.extend(validate_member(index, member, today))
        try:
            digits = parse_cpr(member.cpr).digits
        except CprError:
            continue
        if digits in seen:
            problems.append(FieldProblem(f"members.{index}.cpr", Problem.CPR_DUPLICATE))
        seen[digits] = index
    has_child = any(m.relation == Relation.CHILD for m in data.members)
    if not data.single_citizen and has_child and not any(m.custody for m in data.members):
        problems.append(FieldProblem("members", Problem.NO_CUSTODY_HOLDER))
    if data.coordinator_id is None:
        problems.append(FieldProblem("coordinator", Problem.REQUIRED))
    elif data.partner_id is not None and data.partner_id == data.coordinator_id:
        problems.append(FieldProblem("partner", Problem.SAME_PARTNER))
    if not 1 <= data.follow_up_interval_days <= MAX_FOLLOW_UP_DAYS:
        problems.append(FieldProblem("follow_up_interval_days", Problem.INTERVAL_RANGE))
    return problems


def case_number(year: int, sequence: int) -> str:
    """A case's number as the program writes it: K-2026-0042."""
    return f"K-{year}-{sequence:04d}"


def next_case_number(session: Session, year: int) -> str:
    """The next number of the year, K-2026-0042. The year's counter row is locked until the
    transaction ends, so two caseworkers creating cases at once get different numbers."""
    from app.models import CaseNumberCounter
    from app.store.reach import server_numbers
    from app.store.reach_sql import REACH_SCHEMA

    if server_numbers(session):  # a shared server: one sequence per year, for every login
        number = session.scalar(
            text(f"SELECT {REACH_SCHEMA}.koordinator_next_case_number(:year)"), {"year": year}
        )
        return str(number)
    counter = session.get(CaseNumberCounter, year, with_for_update=True, populate_existing=True)
    if counter is None:
        prefix = f"K-{year}-"
        numbers = session.scalars(select(Case.number).where(Case.number.like(prefix + "%")))
        highest = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
        counter = CaseNumberCounter(year=year, last=highest)
        session.add(counter)
    counter.last += 1
    session.flush()
    return case_number(year, counter.last)


def case_search_text(number: str, title: str, member_names: list[str]) -> str:
    return fold(" ".join([number, title, *member_names]))


def refresh_search_text(session: Session, case: Case) -> None:
    names: list[str] = []
    if case.family_id is not None:
        rows = session.execute(
            select(Citizen.first_name, Citizen.last_name)
            .join(FamilyMember, FamilyMember.citizen_id == Citizen.id)
            .where(FamilyMember.family_id == case.family_id)
            .order_by(FamilyMember.position)
        )
        names = [f"{first} {last}" for first, last in rows]
    elif case.citizen is not None:
        names = [case.citizen.full_name]
    case.search_text = case_search_text(case.number, case.title, names)


def follow_up_due(opened_on: date, last_held: date | None, interval_days: int) -> date:
    """The next follow-up is due one interval after the last held meeting (or the start)."""
    return (last_held or opened_on) + timedelta(days=interval_days)


def next_follow_up(session: Session, case: Case, interval_days: int) -> date:
    """When the case's next follow-up is due at a cadence of ``interval_days``."""
    last = session.scalar(
        select(func.max(Meeting.starts_at)).where(
            Meeting.case_id == case.id, Meeting.status == MeetingStatus.HELD
        )
    )
    return follow_up_due(case.opened_on, to_local(last).date() if last else None, interval_days)


def refresh_follow_up_due(session: Session, case: Case) -> None:
    case.follow_up_due = next_follow_up(session, case, case.follow_up_interval_days)


def _citizen_for(session: Session, member: MemberInput, field: str = "cpr") -> Citizen:
    cpr = parse_cpr(member.cpr)
    existing = session.scalar(select(Citizen).where(Citizen.cpr == cpr.digits))
    if existing is not None:  # the same person can be in several families (e.g. after divorce)
        typed = f"{member.first_name.strip()} {member.last_name.strip()}"
        stored = f"{existing.first_name} {existing.last_name}"
        if typed.strip() and not _same_name(typed, stored):
            if member.name_choice is None:
                raise ValidationError([FieldProblem(field, Problem.NAME_DIFFERS, stored)])
            if member.name_choice == NameChoice.TYPED:
                existing.first_name = member.first_name.strip()
                existing.last_name = member.last_name.strip()
        return existing
    citizen = Citizen(
        cpr=cpr.digits,
        first_name=member.first_name.strip(),
        last_name=member.last_name.strip(),
        birth_date=cpr.birth_date,
        language=member.language if member.language in PRINT_LANGUAGES else "da",
    )
    # On a shared server the person may also be registered in a case this caseworker does
    # not reach: they get a record of their own, and learn nothing of the other.
    session.add(citizen)
    return citizen


def create_case(session: Session, data: CaseInput, today: date) -> Case:
    """Store a new case with its family or citizen. Raises CaseValidationError, storing nothing."""
    problems = [p for p in validate_case(data, today) if p.blocking]
    if problems:
        raise CaseValidationError(problems)
    assert data.coordinator_id is not None
    if session.get(User, data.coordinator_id) is None:
        raise CaseValidationError([FieldProblem("coordinator", Problem.REQUIRED)])
    if data.partner_id is not None and session.get(User, data.partner_id) is None:
        raise CaseValidationError([FieldProblem("partner", Problem.REQUIRED)])
    citizens = [_citizen_for(session, m, f"members.{i}.cpr") for i, m in enumerate(data.members)]
    family = None
    if data.single_citizen:
        title = citizens[0].full_name
    else:
        title = data.family_name.strip()
        family = Family(name=title)
        for position, (member, citizen) in enumerate(zip(data.members, citizens, strict=True)):
            family.members.append(
                FamilyMember(
                    citizen=citizen,
                    relation=member.relation,
                    custody=member.custody,
                    lives_in_household=member.lives_in_household,
                    position=position,
                )
            )
        session.add(family)
    case = Case(
        number=next_case_number(session, today.year),
        title=title,
        family=family,
        citizen=citizens[0] if data.single_citizen else None,
        coordinator_id=data.coordinator_id,
        partner_id=data.partner_id,
        model=data.model,
        status=CaseStatus.ACTIVE,
        opened_on=today,
        follow_up_interval_days=data.follow_up_interval_days,
        follow_up_due=follow_up_due(today, None, data.follow_up_interval_days),
    )
    session.add(case)
    session.flush()
    refresh_search_text(session, case)
    session.flush()
    return case
