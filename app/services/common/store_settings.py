"""The store's own settings (``store_settings``): the same for everyone who uses the store, on a
shared server set by IT. Qt-free."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import StoreSetting
from app.store.reach_journal import JOURNAL_LOCK_HOURS, JOURNAL_LOCK_SETTING

# What the server's rule accepts as a number of hours (reach_journal.journal_locked): up to six
# ASCII digits, nothing around them. Anything else means the default, on both sides alike.
_HOURS = re.compile(r"[0-9]{1,6}")


def store_setting(session: Session, key: str) -> str | None:
    """The stored value of a setting, or None when it is not set."""
    return session.scalar(select(StoreSetting.value).where(StoreSetting.key == key))


def journal_lock_hours(session: Session) -> int:
    """How many hours a journal entry may be changed after it is written: the setting
    ``journal_lock_hours``, or 24 when it is missing or not a whole number of hours."""
    value = store_setting(session, JOURNAL_LOCK_SETTING)
    if value is None or not _HOURS.fullmatch(value):
        return JOURNAL_LOCK_HOURS
    return int(value)


JOURNAL_LOCK_MAX_HOURS = 8760  # a year: longer would leave notes open to rewriting for good


def set_journal_lock_hours(session: Session, hours: int) -> None:
    """Set how many hours a journal entry may be changed after it is written (0: never). On a
    shared server only IT (the store's owner) may: a caseworker's login is refused there."""
    from app.services.common import audit

    if not 0 <= hours <= JOURNAL_LOCK_MAX_HOURS:
        raise ValueError(f"the lock is 0-{JOURNAL_LOCK_MAX_HOURS} hours")
    before = journal_lock_hours(session)
    row = session.get(StoreSetting, JOURNAL_LOCK_SETTING)
    if row is None:
        session.add(StoreSetting(key=JOURNAL_LOCK_SETTING, value=str(hours)))
    else:
        row.value = str(hours)
    session.flush()
    audit.record(
        session,
        audit.CHANGE,
        object_type="store_setting",
        details={JOURNAL_LOCK_SETTING: [before, hours]},
    )
