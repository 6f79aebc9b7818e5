"""The case journal on both stores: writing an entry, what it may name, the lock after a set
time (at its boundary, for several settings), corrections beside the entry they correct,
and the audit log."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.models import AuditEvent, Case, JournalEntry, JournalEntryMember, StoreSetting, User
from app.models.enums import CaseStatus, JournalKind
from app.services.common import audit
from app.services.common.clock import FixedClock, clock_in_use
from app.services.common.editing import ConcurrentEditError
from app.services.common.store_settings import journal_lock_hours
from app.services.common.validation import Problem, ValidationError
from app.services.journal.journal import (
    JournalLockedError,
    correct_entry,
    update_entry,
    write_entry,
)
from app.services.journal.journal_view import load_journal
from tests.services.journal.journal_setup import T0, Linked, linked_family, note


@pytest.fixture
def lise(context) -> Linked:  # type: ignore[no-untyped-def]
    return linked_family(context)


def _write(ctx, case_id: int, data, at: datetime = T0, corrects: int | None = None) -> int:  # type: ignore[no-untyped-def]
    with clock_in_use(FixedClock(at)), ctx.sessions.begin() as s:
        if corrects is not None:
            return correct_entry(s, corrects, data)
        return write_entry(s, case_id, data)


def _update(ctx, entry_id: int, data, at: datetime, version: int | None = None) -> None:  # type: ignore[no-untyped-def]
    with clock_in_use(FixedClock(at)), ctx.sessions.begin() as s:
        update_entry(s, entry_id, data, version)


def _set_lock(ctx, value: str | None) -> None:  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        row = s.get(StoreSetting, "journal_lock_hours")
        if value is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(StoreSetting(key="journal_lock_hours", value=value))
        else:
            row.value = value


def _journal(ctx, case_id: int, at: datetime = T0, **kwargs):  # type: ignore[no-untyped-def]
    with clock_in_use(FixedClock(at)), ctx.sessions() as s:
        return load_journal(s, case_id, **kwargs)


def _audit(ctx, object_type: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return list(
            s.scalars(select(AuditEvent).where(AuditEvent.object_type == object_type).order_by(AuditEvent.id))
        )


# -- writing ------------------------------------------------------------------------------------


def test_a_phone_note_is_stored_with_its_author_persons_and_link(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    family = lise.family
    data = note((family["mother"], family["child"]), agreement_key=lise.agreement_key)
    entry_id = _write(context, lise.case_id, data)
    with context.sessions() as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        assert entry.author_id == s.scalar(select(User.id).where(User.login == "tester"))
        assert (entry.kind, entry.subject, entry.text) == (JournalKind.PHONE, data.subject, data.text)
        assert entry.occurred_at == data.occurred_at and entry.created_at == T0
        assert entry.agreement_key == lise.agreement_key and entry.meeting_id is None
        assert sorted(m.citizen_id for m in entry.members) == sorted((family["mother"], family["child"]))
    shown = _journal(context, lise.case_id).entries
    assert [e.id for e in shown] == [entry_id]
    assert shown[0].member_names == ("Mette Østergaard", "Karl Østergaard")
    assert shown[0].heading == "Telefon med mor" and shown[0].author_name == context.user.full_name


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"occurred_at": None}, "occurred_at", Problem.REQUIRED),
        ({"occurred_at": T0 + timedelta(minutes=6)}, "occurred_at", Problem.IN_FUTURE),
        ({"occurred_at": T0 + timedelta(days=400)}, "occurred_at", Problem.IN_FUTURE),
        ({"occurred_at": T0 - timedelta(days=3700)}, "occurred_at", Problem.OUT_OF_RANGE),
        ({"occurred_at": datetime(2026, 12, 3, 8, 0)}, "occurred_at", Problem.OUT_OF_RANGE),  # no zone
        ({"text": ""}, "text", Problem.REQUIRED),
        ({"text": " \n\t "}, "text", Problem.REQUIRED),
        ({"text": "x" * 20_001}, "text", Problem.TOO_LONG),
        ({"text": "Mor\x00ringede"}, "text", Problem.BAD_CHARACTERS),
        ({"text": "halv \ud800 par"}, "text", Problem.BAD_CHARACTERS),
        ({"subject": "s" * 201}, "subject", Problem.TOO_LONG),
        ({"subject": "a\x00b"}, "subject", Problem.BAD_CHARACTERS),
    ],
)
def test_input_that_cannot_be_stored_is_refused_beside_its_field(  # type: ignore[no-untyped-def]
    context, lise: Linked, change: dict[str, object], field: str, problem: Problem
) -> None:
    values = {"occurred_at": T0 - timedelta(minutes=30), "text": "Noget skete.", "subject": ""}
    values.update(change)
    with pytest.raises(ValidationError) as refused:
        _write(context, lise.case_id, note(**values))  # type: ignore[arg-type]
    assert (field, problem) in {(p.field, p.problem) for p in refused.value.problems}
    assert _journal(context, lise.case_id).entries == ()


@pytest.mark.parametrize("minutes_ahead", [0, 1, 4, 5])
def test_a_note_a_few_minutes_ahead_of_the_clock_is_taken(context, lise: Linked, minutes_ahead: int) -> None:  # type: ignore[no-untyped-def]
    entry_id = _write(context, lise.case_id, note(occurred_at=T0 + timedelta(minutes=minutes_ahead)))
    assert _journal(context, lise.case_id).entries[0].id == entry_id


def test_it_names_only_persons_and_things_of_its_own_case(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    other = linked_family(context, seed=1, title="Familien Andersen")
    bad = [
        ("members", note((other.family["mother"],))),
        ("members", note((lise.family["mother"], lise.family["mother"]))),
        ("members", note((999_999,))),
        ("link", note(meeting_id=other.meeting_id)),
        ("link", note(intervention_id=other.intervention_id)),
        ("link", note(agreement_key=other.agreement_key)),
        ("link", note(agreement_key="not-a-key")),
        ("link", note(meeting_id=999_999)),
    ]
    for field, data in bad:
        with pytest.raises(ValidationError) as refused:
            _write(context, lise.case_id, data)
        assert [p.field for p in refused.value.problems] == [field], data
    good = note(
        (lise.family["child"],),
        meeting_id=lise.meeting_id,
        intervention_id=lise.intervention_id,
        agreement_key=lise.agreement_key,
    )
    entry_id = _write(context, lise.case_id, good)
    assert [e.id for e in _journal(context, lise.case_id).entries] == [entry_id]
    assert _journal(context, other.case_id).entries == ()


def test_a_closed_case_takes_no_entry_and_none_is_changed(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    entry_id = _write(context, lise.case_id, note())
    with context.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == lise.case_id).values(status=CaseStatus.CLOSED))
    for act in (
        lambda: _write(context, lise.case_id, note()),
        lambda: _update(context, entry_id, note(text="Ændret."), T0 + timedelta(minutes=5)),
        lambda: _write(context, lise.case_id, note(text="Rettelse."), corrects=entry_id),
    ):
        with pytest.raises(ValidationError) as refused:
            act()
        assert refused.value.problems[0].problem == Problem.CASE_CLOSED
    assert [(e.id, e.text) for e in _journal(context, lise.case_id).flat()] == [(entry_id, note().text)]


# -- the lock -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "hours"),
    [
        (None, 24),
        ("24", 24),
        ("1", 1),
        ("48", 48),
        ("168", 168),
        ("0", 0),
        ("", 24),
        ("abc", 24),
        ("12.5", 24),
        ("-5", 24),
        (" 48", 24),
        ("48 ", 24),
        ("48\n", 24),
        ("1234567", 24),
        ("٤٨", 24),  # Arabic-Indic digits: a number to Python's int(), not to the server
    ],
)
def test_the_lock_falls_at_the_set_hour_to_the_second(  # type: ignore[no-untyped-def]
    context, lise: Linked, setting: str | None, hours: int
) -> None:
    _set_lock(context, setting)
    with context.sessions() as s:
        assert journal_lock_hours(s) == hours
    entry_id = _write(context, lise.case_id, note())
    lock = T0 + timedelta(hours=hours)
    before = _journal(context, lise.case_id, at=lock - timedelta(seconds=1)).entries[0]
    assert not before.locked and before.locks_at == lock
    if hours > 0:  # still open a second before the lock: changed in place
        _update(context, entry_id, note(text="Rettet i tide."), lock - timedelta(seconds=1))
    with pytest.raises(JournalLockedError) as refused:
        _update(context, entry_id, note(text="For sent."), lock + timedelta(seconds=1))
    assert refused.value.entry_id == entry_id and refused.value.hours == hours
    after = _journal(context, lise.case_id, at=lock + timedelta(seconds=1)).entries[0]
    assert after.locked and after.text == ("Rettet i tide." if hours > 0 else note().text)
    assert len(after.corrections) == 0


def test_a_change_against_an_old_version_is_refused(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    entry_id = _write(context, lise.case_id, note())
    seen = _journal(context, lise.case_id).entries[0]
    _update(context, entry_id, note(text="Kollegaen skrev først."), T0 + timedelta(minutes=1), seen.version)
    with pytest.raises(ConcurrentEditError):
        _update(context, entry_id, note(text="Mit."), T0 + timedelta(minutes=2), seen.version)
    assert _journal(context, lise.case_id).entries[0].text == "Kollegaen skrev først."


def test_a_change_of_persons_is_stored_and_logged_without_the_text(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    family = lise.family
    entry_id = _write(context, lise.case_id, note((family["mother"],)))
    secret = "Mor fortalte om Karls mareridt."
    _update(context, entry_id, note((family["child"], family["teen"]), text=secret), T0 + timedelta(hours=2))
    with context.sessions() as s:
        members = s.scalars(
            select(JournalEntryMember.citizen_id).where(JournalEntryMember.entry_id == entry_id)
        )
        assert sorted(members) == sorted((family["child"], family["teen"]))
    events = _audit(context, "journal_entry")
    assert [(e.action, e.object_id, e.case_id) for e in events] == [
        (audit.CREATE, entry_id, lise.case_id),
        (audit.CHANGE, entry_id, lise.case_id),
    ]
    assert json.loads(events[1].details)["fields"] == ["text", "members"]
    for event in events:
        assert "Karl" not in event.details and "Telefon" not in event.details and "Mor" not in event.details


# -- corrections --------------------------------------------------------------------------------


def test_corrections_point_at_the_original_and_are_shown_beside_it(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    family = lise.family
    first = _write(context, lise.case_id, note((family["mother"],), occurred_at=T0 - timedelta(days=3)))
    second = _write(context, lise.case_id, note((family["child"],), occurred_at=T0 - timedelta(days=1)))
    later = T0 + timedelta(days=2)  # both locked by now
    fix1 = _write(context, lise.case_id, note((family["mother"],), text="Rettelse 1"), later, corrects=first)
    fix2 = _write(
        context,
        lise.case_id,
        note((family["teen"],), text="Rettelse 2"),
        later + timedelta(hours=1),
        corrects=fix1,
    )
    newest = _write(context, lise.case_id, note(occurred_at=later - timedelta(hours=1)), later)
    with context.sessions() as s:
        assert s.get(JournalEntry, fix2).corrects_id == first  # type: ignore[union-attr]
    journal = _journal(context, lise.case_id, at=later + timedelta(hours=2))
    assert [(e.id, [c.id for c in e.corrections]) for e in journal.entries] == [
        (newest, []),
        (second, []),
        (first, [fix1, fix2]),
    ]
    assert [e.id for e in journal.flat()] == [newest, second, first, fix1, fix2]
    assert journal.find(fix2) is not None and journal.find(fix2).corrects_id == first  # type: ignore[union-attr]
    # By person: a group stays whole when the original or any correction concerns the person.
    for member, expected in (
        (family["teen"], [first]),
        (family["child"], [second]),
        (family["mother"], [first]),
        (family["youth"], []),
    ):
        shown = _journal(context, lise.case_id, member_id=member).entries
        assert [e.id for e in shown] == expected, member
        assert all(len(e.corrections) == 2 for e in shown if e.id == first)


def test_a_correction_names_only_an_entry_of_its_own_case(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    other = linked_family(context, seed=2, title="Familien Berg")
    foreign = _write(context, other.case_id, note())
    with context.sessions.begin() as s, pytest.raises(ValidationError) as refused:
        write_entry(s, lise.case_id, note(), corrects_id=foreign)
    assert refused.value.problems[0].field == "corrects"
    with context.sessions.begin() as s, pytest.raises(ValidationError):
        correct_entry(s, 999_999, note())


# -- the audit log ------------------------------------------------------------------------------


def test_every_read_the_user_asks_for_is_logged(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    _write(context, lise.case_id, note())
    _journal(context, lise.case_id)
    _journal(context, lise.case_id, member_id=lise.family["child"])
    _journal(context, lise.case_id, opened=False)  # a re-read of what is shown
    reads = _audit(context, "journal")
    assert [(e.action, e.case_id, e.citizen_id) for e in reads] == [
        (audit.OPEN_CASE, lise.case_id, None),
        (audit.OPEN_CASE, lise.case_id, lise.family["child"]),
    ]
    assert all(not e.details or "Karl" not in e.details for e in reads)


def test_store_setting_helper_reads_what_is_stored(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions() as s:
        assert journal_lock_hours(s) == 24
    _set_lock(context, "72")
    with context.sessions() as s:
        assert journal_lock_hours(s) == 72


def test_the_time_it_was_written_is_the_clock_of_the_program(context, lise: Linked) -> None:  # type: ignore[no-untyped-def]
    """The lock counts from when the entry was stored, not from when it happened."""
    month_ago = T0 - timedelta(days=30)
    entry_id = _write(context, lise.case_id, note(occurred_at=month_ago))
    _update(context, entry_id, note(text="Skrevet sent.", occurred_at=month_ago), T0 + timedelta(hours=23))
    with context.sessions() as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None and entry.created_at == T0 and entry.occurred_at == month_ago
    assert _journal(context, lise.case_id).entries[0].created_at == T0.astimezone(UTC)
