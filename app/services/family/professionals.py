"""The professionals around a family: add, edit, link an existing one to another case."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.models import CaseProfessional, Intervention, Professional
from app.models.enums import Sector
from app.services.common.editing import load_for_edit, open_case, raise_if_blocking, required
from app.services.common.text import fold
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.store.errors import refused_by_server

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")


@dataclass(frozen=True, slots=True)
class ProfessionalInput:
    name: str
    role: str = ""
    organisation: str = ""
    sector: Sector = Sector.OTHER
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class ProfessionalChoice:
    id: int
    name: str
    role: str
    organisation: str
    sector: Sector


def validate_professional(data: ProfessionalInput) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    required(problems, "name", data.name, 200)
    for name in ("role", "organisation"):
        if len(getattr(data, name).strip()) > 200:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
    if data.email.strip() and not _EMAIL.match(data.email.strip()):
        problems.append(FieldProblem("email", Problem.EMAIL_FORMAT))
    if data.phone.strip() and not _PHONE.match(data.phone.strip()):
        problems.append(FieldProblem("phone", Problem.PHONE_FORMAT))
    return problems


def _apply(pro: Professional, data: ProfessionalInput) -> None:
    pro.name = data.name.strip()
    pro.role = data.role.strip()
    pro.organisation = data.organisation.strip()
    pro.sector = data.sector
    pro.phone = data.phone.strip()
    pro.email = data.email.strip()


def add_professional(session: Session, case_id: int, data: ProfessionalInput) -> int:
    """A new professional in the case's network; returns their id."""
    open_case(session, case_id)
    raise_if_blocking(validate_professional(data))
    pro = Professional()
    _apply(pro, data)
    session.add(pro)
    session.flush()
    link_professional(session, case_id, pro.id)
    session.flush()
    return pro.id


def update_professional(
    session: Session, professional_id: int, data: ProfessionalInput, expected_version: int | None
) -> None:
    """Change a professional's details (seen in every family they serve)."""
    raise_if_blocking(validate_professional(data))
    pro: Professional = load_for_edit(session, Professional, professional_id, expected_version)
    _apply(pro, data)
    try:
        session.flush()
    except DBAPIError as exc:
        if refused_by_server(exc):  # the server's rule
            raise ValidationError([FieldProblem("name", Problem.OTHER_TEAMS_ENTRY)]) from exc
        raise


def link_professional(session: Session, case_id: int, professional_id: int) -> None:
    """Put an existing professional into the case's network (no-op when already there)."""
    open_case(session, case_id)
    if session.get(Professional, professional_id) is None:
        raise ValidationError([FieldProblem("professional", Problem.REQUIRED)])
    exists = session.scalar(
        select(CaseProfessional.id).where(
            CaseProfessional.case_id == case_id, CaseProfessional.professional_id == professional_id
        )
    )
    if exists is None:
        session.add(CaseProfessional(case_id=case_id, professional_id=professional_id, note=""))
        session.flush()


def unlink_professional(session: Session, case_id: int, professional_id: int) -> int:
    """Take a professional out of the case's network; returns how many of the case's
    interventions still name them (they keep the name; only the network link goes)."""
    session.execute(
        delete(CaseProfessional).where(
            CaseProfessional.case_id == case_id, CaseProfessional.professional_id == professional_id
        )
    )
    still = session.scalars(
        select(Intervention.id).where(
            Intervention.case_id == case_id, Intervention.professional_id == professional_id
        )
    ).all()
    return len(still)


def search_professionals(session: Session, text: str, limit: int = 30) -> list[ProfessionalChoice]:
    """Professionals whose name, role or organisation contains ``text`` (any family)."""
    words = fold(text).split()
    stmt = select(Professional).order_by(Professional.name, Professional.id)
    rows = session.scalars(stmt if words else stmt.limit(limit))
    found: list[ProfessionalChoice] = []
    for pro in rows:
        haystack = fold(f"{pro.name} {pro.role} {pro.organisation}")
        if all(w in haystack for w in words):
            found.append(ProfessionalChoice(pro.id, pro.name, pro.role, pro.organisation, pro.sector))
            if len(found) >= limit:
                break
    return found
