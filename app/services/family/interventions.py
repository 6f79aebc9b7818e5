"""Indsatser: add, edit and end an intervention with its weekly time slots."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import delete
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.models import Case, Intervention, InterventionSlot, LawSection, Professional
from app.models.enums import InterventionStatus, Sector
from app.services.common.editing import citizen_in_case, load_for_edit, open_case, raise_if_blocking, required
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.law_catalogue import CatalogueEntry

TITLE_MAX = 300


@dataclass(frozen=True, slots=True)
class SlotInput:
    weekday: int  # 0 = Monday
    start: time
    end: time
    needs_parent: bool = False


@dataclass(slots=True)
class InterventionInput:
    citizen_id: int | None = None
    title: str = ""
    sector: Sector = Sector.SOCIAL_CHILDREN
    law_section_id: int | None = None
    professional_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    status: InterventionStatus = InterventionStatus.ACTIVE
    sector_plan: str = ""
    source_system: str = ""
    last_checked: date | None = None
    noticed_on: date | None = None  # when the municipality became aware of the need (BL § 20)
    slots: list[SlotInput] = field(default_factory=list)


def validate_intervention(
    data: InterventionInput,
    section: LawSection | CatalogueEntry | None,
    today: date,
    stored: tuple[int | None, date] | None = None,
) -> list[FieldProblem]:
    """Problems per field; ``section`` is the chosen catalogue row (None without one).
    ``stored``: the intervention's section and start as stored — a section no longer in force
    on that start (the catalogue's dates were corrected) is kept when neither changes."""
    problems: list[FieldProblem] = []
    if data.citizen_id is None:
        problems.append(FieldProblem("citizen", Problem.REQUIRED))
    required(problems, "title", data.title, TITLE_MAX)
    if data.start_date is None:
        problems.append(FieldProblem("start_date", Problem.REQUIRED))
    elif data.end_date is not None and data.end_date < data.start_date:
        problems.append(FieldProblem("end_date", Problem.END_BEFORE_START))
    unchanged = stored is not None and stored == (data.law_section_id, data.start_date)
    if (
        section is not None
        and data.start_date is not None
        and not section.valid_on(data.start_date)
        and not unchanged
    ):
        problems.append(FieldProblem("law_section", Problem.SECTION_NOT_VALID))
    if data.status == InterventionStatus.ENDED and data.end_date is None:
        problems.append(FieldProblem("end_date", Problem.REQUIRED))
    if data.last_checked is not None and data.last_checked > today:
        problems.append(FieldProblem("last_checked", Problem.IN_FUTURE))
    if data.noticed_on is not None:
        if data.noticed_on > today:
            problems.append(FieldProblem("noticed_on", Problem.IN_FUTURE))
        elif data.start_date is not None and data.noticed_on > data.start_date:
            problems.append(FieldProblem("noticed_on", Problem.NOTICED_AFTER_START))
    for index, slot in enumerate(data.slots):
        if not 0 <= slot.weekday <= 6:
            problems.append(FieldProblem(f"slots.{index}.weekday", Problem.REQUIRED))
        if slot.end <= slot.start:
            problems.append(FieldProblem(f"slots.{index}.end", Problem.TIME_ORDER))
        elif any(
            other.weekday == slot.weekday and other.start < slot.end and slot.start < other.end
            for other in data.slots[:index]
            if other.end > other.start
        ):
            problems.append(FieldProblem(f"slots.{index}.start", Problem.SLOT_OVERLAP))
    return problems


def _check_references(
    session: Session,
    case: Case,
    data: InterventionInput,
    today: date,
    stored: tuple[int | None, date] | None = None,
) -> None:
    section = session.get(LawSection, data.law_section_id) if data.law_section_id is not None else None
    problems = validate_intervention(data, section, today, stored)
    if data.law_section_id is not None and section is None:
        problems.append(FieldProblem("law_section", Problem.REQUIRED))
    if data.professional_id is not None and session.get(Professional, data.professional_id) is None:
        problems.append(FieldProblem("professional", Problem.REQUIRED))
    if data.citizen_id is not None and not citizen_in_case(session, case.id, data.citizen_id):
        problems.append(FieldProblem("citizen", Problem.REQUIRED))
    raise_if_blocking(problems)


def _apply(item: Intervention, data: InterventionInput) -> None:
    assert data.citizen_id is not None and data.start_date is not None
    item.citizen_id = data.citizen_id
    item.title = data.title.strip()
    item.sector = data.sector
    item.law_section_id = data.law_section_id
    item.professional_id = data.professional_id
    item.start_date = data.start_date
    item.end_date = data.end_date
    item.status = data.status
    item.sector_plan = data.sector_plan.strip()
    item.source_system = data.source_system.strip()
    item.last_checked = data.last_checked
    item.noticed_on = data.noticed_on


def _slots(data: InterventionInput) -> list[InterventionSlot]:
    return [
        InterventionSlot(weekday=s.weekday, start_time=s.start, end_time=s.end, needs_parent=s.needs_parent)
        for s in data.slots
    ]


def add_intervention(session: Session, case_id: int, data: InterventionInput, today: date) -> int:
    """Store a new intervention with its slots; returns its id. Stores nothing on error."""
    case = open_case(session, case_id)
    _check_references(session, case, data, today)
    item = Intervention(case_id=case.id)
    _apply(item, data)
    item.slots = _slots(data)
    session.add(item)
    if data.professional_id is not None:
        _link_professional(session, case.id, data.professional_id)
    session.flush()
    return item.id


def update_intervention(
    session: Session,
    case_id: int,
    intervention_id: int,
    data: InterventionInput,
    expected_version: int | None,
    today: date,
) -> None:
    """Change an intervention and replace its slots. Raises ConcurrentEditError when stale."""
    case = open_case(session, case_id)
    item: Intervention = load_for_edit(session, Intervention, intervention_id, expected_version)
    if item.case_id != case.id:
        raise ValidationError([FieldProblem("intervention", Problem.REQUIRED)])
    _check_references(session, case, data, today, (item.law_section_id, item.start_date))
    # Old slots go first, so that one flush below writes the row (and its version) once.
    session.execute(delete(InterventionSlot).where(InterventionSlot.intervention_id == item.id))
    session.expire(item, ["slots"])
    with session.no_autoflush:  # loading the (now empty) slots must not write the row early
        _apply(item, data)
        item.slots = _slots(data)
        flag_modified(item, "title")  # new times alone also move the version
    session.flush()
    if data.professional_id is not None:
        _link_professional(session, case.id, data.professional_id)
        session.flush()


def end_intervention(
    session: Session,
    case_id: int,
    intervention_id: int,
    end_date: date,
    expected_version: int | None,
    today: date | None = None,
) -> None:
    """End an intervention on ``end_date`` (not before its start). A future end date keeps it
    running until then: only an end on or before ``today`` makes it ended now."""
    case = open_case(session, case_id)
    item: Intervention = load_for_edit(session, Intervention, intervention_id, expected_version)
    if item.case_id != case.id:
        raise ValidationError([FieldProblem("intervention", Problem.REQUIRED)])
    if end_date < item.start_date:
        raise ValidationError([FieldProblem("end_date", Problem.END_BEFORE_START)])
    item.end_date = end_date
    if today is None or end_date <= today:
        item.status = InterventionStatus.ENDED
    session.flush()


def _link_professional(session: Session, case_id: int, professional_id: int) -> None:
    from app.services.family.professionals import link_professional

    link_professional(session, case_id, professional_id)
