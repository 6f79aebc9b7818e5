"""Caseworkers: who is using the program."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User
from app.models.enums import UserRole


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    login: str
    full_name: str
    phone: str
    email: str
    role: UserRole = UserRole.CASEWORKER
    team: str = ""  # the calendar's "my team" and the server's reach


def os_login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "koordinator"


def ensure_user(session: Session, login: str) -> UserInfo:
    """The user record for a login; created on first start with the login as name."""
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        user = User(login=login, full_name=login, role=UserRole.CASEWORKER)
        session.add(user)
        session.flush()
    return UserInfo(user.id, user.login, user.full_name, user.phone, user.email, user.role, user.team)


def find_user(session: Session, login: str) -> UserInfo:
    """The user record for a login without creating one (a store opened read-only): an
    unknown login is a caseworker with no record (id 0)."""
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        return UserInfo(0, login, login, "", "", UserRole.CASEWORKER)
    return UserInfo(user.id, user.login, user.full_name, user.phone, user.email, user.role, user.team)


def list_caseworkers(session: Session) -> list[UserInfo]:
    stmt = select(User).where(User.active.is_(True), User.role != UserRole.READ_ONLY).order_by(User.full_name)
    return [
        UserInfo(u.id, u.login, u.full_name, u.phone, u.email, u.role, u.team) for u in session.scalars(stmt)
    ]
