"""Fixtures of the privacy dialogs' tests."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.models import Citizen
from app.models.enums import CoordinationModel, Relation, Sector
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import local_today
from app.services.common.cpr import fictional_cpr
from app.services.family.professionals import ProfessionalInput, add_professional


def _cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"ui-register-{born}-{female}"))


@pytest.fixture
def case(sqlite_context):  # type: ignore[no-untyped-def]
    """(case id, mother id, son id, teacher id): the mother holds custody of a son of 8."""
    today = local_today()
    son_born = date(today.year - 8, 1, 15)
    with sqlite_context.sessions.begin() as s:
        case_id = create_case(
            s,
            CaseInput(
                family_name="Familien Holm",
                members=[
                    MemberInput("Mona", "Holm", _cpr(date(1986, 2, 3), True), Relation.PARENT, custody=True),
                    MemberInput("Bo", "Holm", _cpr(son_born, False), Relation.CHILD),
                ],
                coordinator_id=sqlite_context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            today,
        ).id
        ids = {c.first_name: c.id for c in s.scalars(select(Citizen))}
        teacher = add_professional(
            s, case_id, ProfessionalInput("Lone Lærer", organisation="Skovskolen", sector=Sector.EDUCATION)
        )
    return case_id, ids["Mona"], ids["Bo"], teacher
