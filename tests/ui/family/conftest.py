"""Fixtures of the family page's tests."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.models.enums import CoordinationModel, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr


def _cpr(born: date, female: bool, seed: int) -> str:
    return fictional_cpr(born, female, random.Random(9000 + seed))


@pytest.fixture
def family_case(sqlite_context: AppContext) -> int:
    """A fresh family: a mother with custody and a son of 8, no interventions yet."""
    today = local_today()
    with sqlite_context.sessions.begin() as session:
        from app.services.demo.demo import generate_demo

        generate_demo(session, families=1, seed=5, today=today, my_login="tester")
        mother = _cpr(date(today.year - 35, 3, 14), True, 11)
        son = _cpr(date(today.year - 8, 5, 2), False, 12)
        case = create_case(
            session,
            CaseInput(
                family_name="Familien Testsen",
                members=[
                    MemberInput("Mona", "Testsen", mother, Relation.PARENT, custody=True),
                    MemberInput("Malthe", "Testsen", son, Relation.CHILD),
                ],
                coordinator_id=sqlite_context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            today,
        )
        return case.id
