"""The case journal (journalnotater, forvaltningsloven § 13): write an entry, change it while
it may still be changed, correct it afterwards, and the minutes of a meeting as an entry.

An entry may be changed for ``journal_lock_hours`` (a store setting, default 24) after it
was written; after that it is locked — the law wants a note of what happened, not a
rewritten one — and a correction is a new entry pointing at the one it corrects (always the
first of the chain: a correction of a correction points at the original). On a shared server
the server holds the same rule (app/store/reach_sql.py), whatever a client does.

Every entry written or changed is in the audit log, without its subject or text. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.models import (
    Agreement,
    Case,
    FamilyMember,
    Intervention,
    JournalEntry,
    JournalEntryMember,
    Meeting,
    PlanVersion,
    User,
)
from app.models.enums import JournalKind
from app.models.plans import LONG_TEXT
from app.services.common import audit
from app.services.common.clock import now_utc
from app.services.common.editing import (
    ConcurrentEditError,
    load_for_edit,
    open_case,
    raise_if_blocking,
)
from app.services.common.store_settings import journal_lock_hours
from app.services.common.text import stored_length, unstorable
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.store.errors import refused_by_server
from app.store.reach import uses_reach

# What happened lies at most this far ahead of the clock (a note typed right after a call,
# on a laptop whose clock is a little off) and at most this far back (a slip of the year).
FUTURE_SLACK = timedelta(minutes=5)
JOURNAL_REACH_BACK = timedelta(days=3653)
SUBJECT_MAX = 200
OBJECT_TYPE = "journal_entry"


class JournalLockedError(Exception):
    """The entry is past its time to be changed: nothing was stored; write a correction."""

    def __init__(self, entry_id: int, hours: int) -> None:
        super().__init__(
            f"journal entry {entry_id} was written more than {hours} hours ago and can no longer "
            "be changed; write a correction instead"
        )
        self.entry_id = entry_id
        self.hours = hours


@dataclass(frozen=True, slots=True)
class JournalInput:
    """An entry as the caseworker writes it. ``occurred_at`` is aware (any zone)."""

    kind: JournalKind
    occurred_at: datetime | None
    subject: str
    text: str
    member_ids: tuple[int, ...] = ()  # the persons it concerns: members of the case
    meeting_id: int | None = None  # what it is about besides them (of the same case)
    intervention_id: int | None = None
    agreement_key: str | None = None


def locks_at(created_at: datetime, hours: int) -> datetime:
    """The moment an entry written at ``created_at`` can no longer be changed."""
    return created_at + timedelta(hours=hours)


def is_locked(created_at: datetime, hours: int, now: datetime) -> bool:
    """Whether the entry is past its time to be changed (the server's rule, to the instant)."""
    return created_at < now - timedelta(hours=hours)


def lock_clock(session: Session) -> datetime:
    """Now, by the clock that stamps when entries are stored: on a shared server the server's
    (its rule stamps and checks by it, whatever the laptop's clock says), else the program's."""
    if uses_reach(session):
        stamp: datetime = session.execute(select(func.current_timestamp())).scalar_one()
        return stamp.astimezone(UTC)
    return now_utc()


# -- validation ----------------------------------------------------------------------------------


def validate_entry(data: JournalInput, now: datetime) -> list[FieldProblem]:
    """What can be said about the input without the store."""
    problems: list[FieldProblem] = []
    when = data.occurred_at
    if when is None:
        problems.append(FieldProblem("occurred_at", Problem.REQUIRED))
    elif when.tzinfo is None or when < now - JOURNAL_REACH_BACK:
        problems.append(FieldProblem("occurred_at", Problem.OUT_OF_RANGE))
    elif when > now + FUTURE_SLACK:
        problems.append(FieldProblem("occurred_at", Problem.IN_FUTURE))
    if unstorable(data.subject):
        problems.append(FieldProblem("subject", Problem.BAD_CHARACTERS))
    elif stored_length(data.subject.strip()) > SUBJECT_MAX:
        problems.append(FieldProblem("subject", Problem.TOO_LONG))
    if unstorable(data.text):
        problems.append(FieldProblem("text", Problem.BAD_CHARACTERS))
    elif not data.text.strip():
        problems.append(FieldProblem("text", Problem.REQUIRED))
    elif stored_length(data.text.strip()) > LONG_TEXT:
        problems.append(FieldProblem("text", Problem.TOO_LONG))
    return problems


def case_citizen_ids(session: Session, case_id: int) -> set[int]:
    """The persons of a case: its citizen, or the members of its family."""
    case = session.get(Case, case_id)
    if case is None:
        return set()
    if case.family_id is None:
        return {case.citizen_id} if case.citizen_id is not None else set()
    return set(
        session.scalars(select(FamilyMember.citizen_id).where(FamilyMember.family_id == case.family_id))
    )


def agreement_in_case(session: Session, case_id: int, agreement_key: str) -> bool:
    """Whether an agreement with this key is in any plan version of the case."""
    found = session.scalar(
        select(Agreement.id)
        .join(PlanVersion, PlanVersion.id == Agreement.plan_version_id)
        .where(PlanVersion.case_id == case_id, Agreement.agreement_key == agreement_key)
        .limit(1)
    )
    return found is not None


def _check_references(session: Session, case_id: int, data: JournalInput) -> list[FieldProblem]:
    """The persons and the link belong to this case (a stale form or a hand-made input)."""
    problems: list[FieldProblem] = []
    if len(set(data.member_ids)) != len(data.member_ids) or not set(data.member_ids) <= case_citizen_ids(
        session, case_id
    ):
        problems.append(FieldProblem("members", Problem.REQUIRED))
    if data.meeting_id is not None:
        meeting = session.get(Meeting, data.meeting_id)
        if meeting is None or meeting.case_id != case_id:
            problems.append(FieldProblem("link", Problem.REQUIRED))
    if data.intervention_id is not None:
        intervention = session.get(Intervention, data.intervention_id)
        if intervention is None or intervention.case_id != case_id:
            problems.append(FieldProblem("link", Problem.REQUIRED))
    if data.agreement_key is not None and not agreement_in_case(session, case_id, data.agreement_key):
        problems.append(FieldProblem("link", Problem.REQUIRED))
    return problems


def _author_id(session: Session) -> int:
    """The logged-in user (the session's login), who writes the entry."""
    login = str(session.info.get("user", ""))
    user_id = session.scalar(select(User.id).where(User.login == login))
    if user_id is None:
        raise ValidationError([FieldProblem("author", Problem.REQUIRED)])
    return int(user_id)


# -- writing -------------------------------------------------------------------------------------


def _apply(entry: JournalEntry, data: JournalInput) -> list[str]:
    """Put the input into the entry; the names of the fields that changed (for the log)."""
    assert data.occurred_at is not None
    values = {
        "kind": JournalKind(data.kind),
        "occurred_at": data.occurred_at,
        "subject": data.subject.strip(),
        "text": data.text.strip(),
        "meeting_id": data.meeting_id,
        "intervention_id": data.intervention_id,
        "agreement_key": data.agreement_key or None,
    }
    changed = []
    for name, value in values.items():
        if getattr(entry, name, None) != value:
            setattr(entry, name, value)
            changed.append(name)
    wanted = list(dict.fromkeys(data.member_ids))
    kept = [m for m in entry.members if m.citizen_id in wanted]
    known = {m.citizen_id for m in kept}
    added = [JournalEntryMember(citizen_id=c) for c in wanted if c not in known]
    if added or len(kept) != len(entry.members):
        entry.members = kept + added
        changed.append("members")
    return changed


def _log(session: Session, action: str, entry: JournalEntry, fields: list[str]) -> None:
    details: dict[str, object] = {"kind": entry.kind.value, "fields": fields}
    if entry.corrects_id is not None:
        details["corrects"] = entry.corrects_id
    if entry.meeting_id is not None:
        details["meeting"] = entry.meeting_id
    audit.record(
        session, action, object_type=OBJECT_TYPE, object_id=entry.id, case_id=entry.case_id, details=details
    )


def _flush(session: Session, entry_id: int | None, hours: int) -> None:
    """Write; the server's refusal of a change is its lock (the entry was reached to be read)."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConcurrentEditError(f"journal_entries {entry_id}") from exc
    except DBAPIError as exc:
        if entry_id is not None and refused_by_server(exc):
            raise JournalLockedError(entry_id, hours) from exc
        raise


def _insert(session: Session, case_id: int, data: JournalInput, corrects_id: int | None) -> int:
    """Store a new entry of the logged-in user, already checked; its id. (The minutes' entry
    comes here straight: the meeting's own checks passed, and its time may lie years back
    for minutes typed late.)"""
    entry = JournalEntry(case_id=case_id, author_id=_author_id(session), corrects_id=corrects_id)
    with session.no_autoflush:
        fields = _apply(entry, data)
    session.add(entry)
    _flush(session, None, 0)
    _log(session, audit.CREATE, entry, fields)
    return entry.id


def write_entry(session: Session, case_id: int, data: JournalInput, *, corrects_id: int | None = None) -> int:
    """A new entry by the logged-in user (or a correction of ``corrects_id``); returns its id.
    Stores nothing on error."""
    raise_if_blocking(validate_entry(data, now_utc()))
    open_case(session, case_id)
    raise_if_blocking(_check_references(session, case_id, data))
    original = None
    if corrects_id is not None:
        corrected = session.get(JournalEntry, corrects_id)
        if corrected is None or corrected.case_id != case_id:
            raise ValidationError([FieldProblem("corrects", Problem.REQUIRED)])
        original = corrected.corrects_id or corrected.id  # always the first of the chain
    return _insert(session, case_id, data, original)


def correct_entry(session: Session, entry_id: int, data: JournalInput) -> int:
    """A correction of an entry: a new entry pointing at the entry's original; its id."""
    corrected = session.get(JournalEntry, entry_id)
    if corrected is None:
        raise ValidationError([FieldProblem("corrects", Problem.REQUIRED)])
    return write_entry(session, corrected.case_id, data, corrects_id=entry_id)


def update_entry(session: Session, entry_id: int, data: JournalInput, expected_version: int | None) -> None:
    """Change an entry while it is not locked. JournalLockedError when it is (nothing stored),
    ConcurrentEditError when someone saved it since ``expected_version``."""
    raise_if_blocking(validate_entry(data, now_utc()))
    entry: JournalEntry = load_for_edit(session, JournalEntry, entry_id, expected_version)
    hours = journal_lock_hours(session)
    if is_locked(entry.created_at, hours, lock_clock(session)):
        raise JournalLockedError(entry_id, hours)
    open_case(session, entry.case_id)
    raise_if_blocking(_check_references(session, entry.case_id, data))
    with session.no_autoflush:  # written at once below, where a refusal is understood
        fields = _apply(entry, data)
    if not fields:
        return
    _flush(session, entry_id, hours)
    _log(session, audit.CHANGE, entry, fields)


# -- the minutes of a meeting ----------------------------------------------------------------------


def _minutes_members(meeting: Meeting) -> tuple[int, ...]:
    return tuple(dict.fromkeys(p.citizen_id for p in meeting.participants if p.citizen_id is not None))


def record_minutes_entry(session: Session, meeting: Meeting, previous: str) -> int | None:
    """The journal entry of a meeting's minutes (kind MEETING, linked to the meeting, the text
    the minutes): written the first time, changed while it may be, and after its lock a
    changed text becomes a correction. ``previous``: the minutes as they were before this
    save — the entry they wrote is the one whose newest wording they are (a note of the
    caseworker's own about the meeting is never taken for it). Called where the minutes are
    saved, in the same transaction; the id of the entry written or changed (None: nothing
    to do)."""
    text = meeting.minutes.strip()
    if not text:
        return None
    rows = list(
        session.scalars(
            select(JournalEntry)
            .where(
                JournalEntry.case_id == meeting.case_id,
                JournalEntry.meeting_id == meeting.id,
                JournalEntry.kind == JournalKind.MEETING,
            )
            .order_by(JournalEntry.created_at, JournalEntry.id)
        )
    )
    newest = {e.id: e for e in rows if e.corrects_id is None}
    for entry in rows:
        if entry.corrects_id in newest:
            newest[entry.corrects_id] = entry  # a later correction: the newest wording
    found = next(
        ((first, last) for first, last in newest.items() if last.text in (text, previous.strip())), None
    )
    data = JournalInput(
        kind=JournalKind.MEETING,
        occurred_at=meeting.starts_at,
        subject="",
        text=text,
        member_ids=_minutes_members(meeting),
        meeting_id=meeting.id,
    )
    if found is None:
        return _insert(session, meeting.case_id, data, None)
    original_id, latest = found
    if latest.text == text:
        return None
    hours = journal_lock_hours(session)
    if is_locked(latest.created_at, hours, lock_clock(session)):
        return _insert(session, meeting.case_id, data, original_id)
    latest.text = text
    _flush(session, latest.id, hours)
    _log(session, audit.CHANGE, latest, ["text"])
    return latest.id
