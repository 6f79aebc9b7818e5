"""A case of the tester's in the demo store with Pia Partner as its partner caseworker, and an
agreement of its plan for her: what the tasks' UI tests start from."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from app.models import Case, User
from app.models.enums import ResponsibleKind, UserRole
from app.services.common.context import AppContext
from app.services.plan.plans import AgreementInput, PlanDraft, new_agreement_key, save_draft, start_draft

AGREED = "Pia ringer til skolen"
AGREED_BY = date(2026, 12, 4)


def add_partner(context: AppContext) -> int:
    """Pia Partner, a caseworker; her user id."""
    with context.sessions.begin() as s:
        user = User(login="pia", full_name="Pia Partner", role=UserRole.CASEWORKER)
        s.add(user)
        s.flush()
        return user.id


def case_with_partner(context: AppContext, partner: int) -> int:
    """The tester's first case, with ``partner`` as its partner caseworker."""
    with context.sessions.begin() as s:
        case_id = int(
            s.scalar(select(Case.id).where(Case.coordinator_id == context.user.id).order_by(Case.id)) or 0
        )
        s.execute(update(Case).where(Case.id == case_id).values(partner_id=partner))
    return case_id


def agreement_for(context: AppContext, case_id: int, user_id: int) -> str:
    """The case's plan agrees that ``user_id`` calls the school by Friday; the agreement's key."""
    key = new_agreement_key()
    agreement = AgreementInput(AGREED, ResponsibleKind.COORDINATOR, user_id, AGREED_BY, agreement_key=key)
    with context.sessions.begin() as s:
        save_draft(s, start_draft(s, case_id), PlanDraft(agreements=[agreement]), None)
    return key
