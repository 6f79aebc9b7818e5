"""What an invitation needs from the store besides the meeting: who sends it (the caseworker's
name, e-mail address and phone from "Min profil") and the names a few-details invitation
must leave out (everyone in the case's family, invited or not). Qt-free."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Citizen, FamilyMember, User
from app.services.meetings.ics import Organizer


def organizer_for(session: Session, user_id: int) -> Organizer:
    """The user as an invitation's organizer, as stored now (their profile may have changed
    since the program started). An unknown user is an organizer without an address."""
    user = session.get(User, user_id, populate_existing=True)
    if user is None:
        return Organizer("", "")
    return Organizer(user.full_name, user.email, user.phone)


def family_names(session: Session, case_id: int) -> tuple[str, ...]:
    """Every person of the case: the family's members, or the one citizen."""
    case = session.get(Case, case_id)
    if case is None:
        return ()
    ids: set[int] = {case.citizen_id} if case.citizen_id is not None else set()
    if case.family_id is not None:
        ids |= set(
            session.scalars(select(FamilyMember.citizen_id).where(FamilyMember.family_id == case.family_id))
        )
    if not ids:
        return ()
    rows = session.execute(
        select(Citizen.first_name, Citizen.last_name).where(Citizen.id.in_(ids)).order_by(Citizen.id)
    )
    return tuple(f"{first} {last}".strip() for first, last in rows)
