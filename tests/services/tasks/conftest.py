"""A family case with colleagues around it: the partner caseworker, a colleague, one who has
left (inactive) and a read-only user; on both stores."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import update

from app.models import Case, User
from app.models.enums import UserRole
from app.services.common.context import AppContext
from tests.factories import new_family


@dataclass(frozen=True)
class Office:
    ctx: AppContext
    case_id: int
    me: int
    partner: int
    colleague: int
    gone: int  # inactive
    reader: int  # read-only


def add_user(
    ctx: AppContext, login: str, name: str, *, active: bool = True, role: UserRole = UserRole.CASEWORKER
) -> int:
    with ctx.sessions.begin() as s:
        user = User(login=login, full_name=name, role=role, active=active)
        s.add(user)
        s.flush()
        return user.id


@pytest.fixture
def office(context: AppContext) -> Office:
    partner = add_user(context, "pia", "Pia Partner")
    colleague = add_user(context, "carl", "Carl Kollega")
    gone = add_user(context, "gert", "Gert Gået", active=False)
    reader = add_user(context, "rita", "Rita Læser", role=UserRole.READ_ONLY)
    family = new_family(context)
    with context.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == family.case_id).values(partner_id=partner))
    return Office(context, family.case_id, context.user.id, partner, colleague, gone, reader)
