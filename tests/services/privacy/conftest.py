"""Fixtures of the consent tests: a family on either store."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.models import Citizen
from app.models.enums import CoordinationModel, Relation, Sector
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.family.professionals import ProfessionalInput, add_professional


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"register-{born}-{female}"))


@pytest.fixture
def family(context):  # type: ignore[no-untyped-def]
    """(context, case id, {name: citizen id}, teacher id, nurse id): joint custody, a son of 8
    and a daughter who turned 15 on 2026-11-01."""
    with context.sessions.begin() as s:
        case_id = create_case(
            s,
            CaseInput(
                family_name="Familien Ågård",
                members=[
                    MemberInput(
                        "Mette", "Ågård", cpr(date(1985, 3, 12), True), Relation.PARENT, custody=True
                    ),
                    MemberInput("Jens", "Ågård", cpr(date(1983, 4, 2), False), Relation.PARENT, custody=True),
                    MemberInput("Søren", "Ågård", cpr(date(2018, 9, 2), False), Relation.CHILD),
                    MemberInput("Ida", "Ågård", cpr(date(2011, 11, 1), True), Relation.CHILD),
                ],
                coordinator_id=context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            date(2026, 1, 5),
        ).id
        ids = {c.first_name: c.id for c in s.scalars(select(Citizen))}
        teacher = add_professional(
            s, case_id, ProfessionalInput("Lærer Lone", organisation="Skovskolen", sector=Sector.EDUCATION)
        )
        nurse = add_professional(s, case_id, ProfessionalInput("Sygeplejerske Sif", sector=Sector.HEALTH))
    return context, case_id, ids, teacher, nurse
