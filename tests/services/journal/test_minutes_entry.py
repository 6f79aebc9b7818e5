"""The minutes of a meeting become the meeting's journal entry: written with the minutes, changed
with them while it may be changed, corrected after its lock — on both stores."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import AuditEvent, JournalEntry, Meeting, StoreSetting, User
from app.models.enums import JournalKind
from app.services.common.clock import FixedClock, clock_in_use, local_today
from app.services.journal.journal import write_entry
from app.services.meetings.meetings import MinutesInput, record_minutes
from app.services.plan.plan_draft import PlanConflictError
from tests.services.journal.journal_setup import T0, Linked, linked_family, note

MINUTES = "Aftalt: Karl får støtte i skolen. Mor ringer til skolen fredag."


@pytest.fixture
def lise(context) -> Linked:  # type: ignore[no-untyped-def]
    return linked_family(context)


def _minutes(ctx, meeting_id: int, text: str, at: datetime = T0, closed: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    with clock_in_use(FixedClock(at)), ctx.sessions.begin() as s:
        record_minutes(s, meeting_id, MinutesInput(text, closed_agreements=closed or []), None, local_today())


def _entries(ctx, meeting_id: int) -> list[JournalEntry]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        rows = list(
            s.scalars(
                select(JournalEntry).where(JournalEntry.meeting_id == meeting_id).order_by(JournalEntry.id)
            )
        )
        for row in rows:
            _ = row.members
        return rows


def test_the_minutes_are_written_as_the_meetings_entry(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    _minutes(context, lise.meeting_id, MINUTES + "\n\n")
    [entry] = _entries(context, lise.meeting_id)
    with context.sessions() as s:
        meeting = s.get(Meeting, lise.meeting_id)
        assert meeting is not None and meeting.minutes == MINUTES
        assert entry.author_id == s.scalar(select(User.id).where(User.login == "tester"))
        assert entry.occurred_at == meeting.starts_at
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.object_type == "journal_entry")))
    assert (entry.kind, entry.text, entry.case_id, entry.corrects_id) == (
        JournalKind.MEETING,
        MINUTES,
        lise.case_id,
        None,
    )
    # the persons invited from the family; the guest is nobody's member
    assert sorted(m.citizen_id for m in entry.members) == sorted(
        (lise.family["mother"], lise.family["child"])
    )
    assert [(e.action, e.object_id) for e in events] == [("create", entry.id)]
    assert json.loads(events[0].details)["meeting"] == lise.meeting_id and "skolen" not in events[0].details


@pytest.mark.parametrize("hours_later", [0.0, 1.0, 12.0, 23.9])
def test_changed_minutes_change_the_entry_while_it_is_open(context, lise: Linked, hours_later: float) -> None:  # type: ignore[no-untyped-def]
    _minutes(context, lise.meeting_id, MINUTES)
    _minutes(context, lise.meeting_id, MINUTES + " Næste møde i januar.", T0 + timedelta(hours=hours_later))
    [entry] = _entries(context, lise.meeting_id)
    assert entry.text == MINUTES + " Næste møde i januar." and entry.version == 2


def test_saving_the_same_minutes_again_writes_nothing(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    _minutes(context, lise.meeting_id, MINUTES)
    for later in (timedelta(hours=1), timedelta(days=3)):  # open, then locked
        _minutes(context, lise.meeting_id, f"  {MINUTES}  ", T0 + later)
    [entry] = _entries(context, lise.meeting_id)
    assert entry.version == 1


@pytest.mark.parametrize(("setting", "hours"), [(None, 24), ("2", 2), ("72", 72), ("x", 24)])
def test_after_the_lock_changed_minutes_are_a_correction(  # type: ignore[no-untyped-def]
    context, lise: Linked, setting: str | None, hours: int
) -> None:
    if setting is not None:
        with context.sessions.begin() as s:
            s.add(StoreSetting(key="journal_lock_hours", value=setting))
    _minutes(context, lise.meeting_id, MINUTES)
    after = T0 + timedelta(hours=hours, seconds=1)
    _minutes(context, lise.meeting_id, "Rettet referat.", after)
    # the correction is open in its turn: a second change goes into it
    _minutes(context, lise.meeting_id, "Rettet referat, igen.", after + timedelta(minutes=10))
    original, correction = _entries(context, lise.meeting_id)
    assert (original.text, original.version, original.corrects_id) == (MINUTES, 1, None)
    assert (correction.text, correction.corrects_id, correction.kind) == (
        "Rettet referat, igen.",
        original.id,
        JournalKind.MEETING,
    )
    # once the correction is locked too, the next change corrects the original again
    _minutes(context, lise.meeting_id, "Tredje udgave.", after + timedelta(hours=hours, minutes=11))
    entries = _entries(context, lise.meeting_id)
    assert [(e.text, e.corrects_id) for e in entries] == [
        (MINUTES, None),
        ("Rettet referat, igen.", original.id),
        ("Tredje udgave.", original.id),
    ]


def test_minutes_that_are_refused_leave_no_entry(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PlanConflictError):
        _minutes(context, lise.meeting_id, MINUTES, closed=["no-such-agreement"])
    assert _entries(context, lise.meeting_id) == []


def test_a_note_of_the_caseworkers_own_about_the_meeting_is_left_alone(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    own = "Mine egne noter fra mødet: stemningen var god."
    with clock_in_use(FixedClock(T0)), context.sessions.begin() as s:
        own_id = write_entry(
            s, lise.case_id, note(kind=JournalKind.MEETING, text=own, meeting_id=lise.meeting_id)
        )
    _minutes(context, lise.meeting_id, MINUTES, T0 + timedelta(minutes=5))
    _minutes(context, lise.meeting_id, MINUTES + " Tilføjet.", T0 + timedelta(minutes=10))
    entries = _entries(context, lise.meeting_id)
    assert [(e.id == own_id, e.text, e.corrects_id) for e in entries] == [
        (True, own, None),
        (False, MINUTES + " Tilføjet.", None),
    ]


def test_minutes_saved_before_the_journal_existed_get_their_entry_at_the_next_save(
    context, lise: Linked
) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        meeting = s.get(Meeting, lise.meeting_id)
        assert meeting is not None
        meeting.minutes = "Gammelt referat."
    _minutes(context, lise.meeting_id, "Gammelt referat, rettet.")
    [entry] = _entries(context, lise.meeting_id)
    assert (entry.text, entry.corrects_id) == ("Gammelt referat, rettet.", None)
