"""Shared by the team screens' tests: Lise's case, users by login, the audit trail."""

from __future__ import annotations

from sqlalchemy import select

from app.models import AuditEvent, Case, User
from app.services.common.context import AppContext


def lise(context: AppContext) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def user_id(context: AppContext, login: str) -> int:
    with context.sessions() as session:
        return int(session.scalar(select(User.id).where(User.login == login)))


def case_row(context: AppContext, case_id: int) -> Case:
    with context.sessions() as session:
        case = session.get(Case, case_id)
        assert case is not None
        session.expunge(case)
        return case


def actions(context: AppContext, case_id: int | None = None) -> list[str]:
    with context.sessions() as session:
        stmt = select(AuditEvent.action).order_by(AuditEvent.id)
        if case_id is not None:
            stmt = stmt.where(AuditEvent.case_id == case_id)
        return list(session.scalars(stmt))
