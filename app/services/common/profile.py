"""The caseworker's own contact details ("Min profil"): the e-mail address invitations are sent
from and answered to, and the phone number the printed papers give. Each user changes their
own; on a shared server through the server's function ``koordinator_my_profile``
(app/store/reach_profile.py), since a caseworker's role may not write the users table. The
change is logged with the fields changed, not their values (a colleague's contact details
are not what the audit log is for). Qt-free."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import User
from app.services.common.editing import ConcurrentEditError, RowGoneError, load_for_edit, raise_if_blocking
from app.services.common.validation import FieldProblem, Problem

EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[^@\s<>\"(),;:]+\.[^@\s<>\"(),;:]+$")
PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
EMAIL_MAX, PHONE_MAX = 200, 40


@dataclass(frozen=True, slots=True)
class ProfileInput:
    email: str = ""
    phone: str = ""

    def cleaned(self) -> ProfileInput:
        return ProfileInput(unicodedata.normalize("NFC", self.email.strip()), " ".join(self.phone.split()))


@dataclass(frozen=True, slots=True)
class Profile:
    user_id: int
    login: str
    full_name: str
    data: ProfileInput
    version: int


def validate_profile(data: ProfileInput) -> list[FieldProblem]:
    """Both may be empty; an e-mail address must be one an invitation can carry (mailto:)."""
    data = data.cleaned()
    problems: list[FieldProblem] = []
    if len(data.email) > EMAIL_MAX:
        problems.append(FieldProblem("email", Problem.TOO_LONG))
    elif data.email and not EMAIL.match(data.email):
        problems.append(FieldProblem("email", Problem.EMAIL_FORMAT))
    if len(data.phone) > PHONE_MAX:
        problems.append(FieldProblem("phone", Problem.TOO_LONG))
    elif data.phone and not PHONE.match(data.phone):
        problems.append(FieldProblem("phone", Problem.PHONE_FORMAT))
    return problems


def load_profile(session: Session, user_id: int) -> Profile:
    """The user's profile as stored now. Raises RowGoneError for an unknown user."""
    user = session.get(User, user_id, populate_existing=True)
    if user is None:
        raise RowGoneError(f"users {user_id}")
    return Profile(user.id, user.login, user.full_name, ProfileInput(user.email, user.phone), user.version)


def save_profile(session: Session, user_id: int, data: ProfileInput, expected_version: int | None) -> int:
    """Store the user's e-mail address and phone number; returns the row's new version.

    Raises ValidationError (the fields' problems), ConcurrentEditError (changed since
    ``expected_version``) or RowGoneError. A caseworker changes only their own profile: on a
    shared server the server's function changes the row of the login that calls it."""
    from app.services.common import audit
    from app.store.reach import uses_reach
    from app.store.reach_sql import REACH_SCHEMA

    raise_if_blocking(validate_profile(data))
    data = data.cleaned()
    if uses_reach(session):
        version = session.execute(
            text(f"SELECT {REACH_SCHEMA}.koordinator_my_profile(:email, :phone, :version)"),
            {"email": data.email, "phone": data.phone, "version": expected_version},
        ).scalar()
        if version is None:
            raise ConcurrentEditError(f"users {user_id}")
        stale = session.get(User, user_id)
        if stale is not None:
            session.expire(stale)  # (the server changed the row)
        return int(version)
    user: User = load_for_edit(session, User, user_id, expected_version)
    changed = [name for name in ("email", "phone") if getattr(user, name) != getattr(data, name)]
    if not changed:
        return user.version
    user.email, user.phone = data.email, data.phone
    session.flush()
    audit.record(session, audit.CHANGE, object_type="user", object_id=user.id, details={"fields": changed})
    return user.version
