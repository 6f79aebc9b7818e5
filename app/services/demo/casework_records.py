"""The demo generator's journal notes and tasks: a note with the minutes of each meeting
held, a few notes of calls and visits, and some open tasks around today, so that the
journal, the tasks tab and "Min dag" show what a caseworker's day holds.

Drawn from a random stream of their own (seeded by the case), so the rest of the demo is
the same with or without them."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from app.models import JournalEntry, JournalEntryMember, Meeting, Task
from app.models.enums import CaseStatus, JournalKind, TaskSource
from app.services.common.clock import LOCAL_TZ
from app.services.demo import demo_content as content
from app.services.demo.rows import Batch


def add_casework(
    batch: Batch,
    seed: int,
    today: date,
    case_id: int,
    status: CaseStatus,
    citizen_ids: list[int],
    held: list[int],
    coordinator_id: int,
    partner_id: int | None,
) -> None:
    rng = random.Random(seed * 1_000_003 + case_id)
    for meeting_id in held:
        row = batch.row(Meeting, meeting_id)
        if row["case_id"] != case_id or not row["minutes"]:
            continue
        entry = batch.add(
            JournalEntry,
            case_id=case_id,
            kind=JournalKind.MEETING,
            occurred_at=row["starts_at"],
            author_id=coordinator_id,
            subject="Referat af mødet",
            text=row["minutes"],
            meeting_id=meeting_id,
            created_at=row["ends_at"],
            updated_at=row["ends_at"],
        )
        for cid in citizen_ids[:2]:
            batch.add(JournalEntryMember, entry_id=entry, citizen_id=cid)
    for _ in range(rng.randrange(1, 4)):
        kind, subject, text = rng.choice(content.JOURNAL_NOTES)
        day = today - timedelta(days=rng.randrange(1, 60))
        at = datetime.combine(day, time(rng.randrange(8, 16), rng.choice([0, 15, 30, 45])), LOCAL_TZ)
        at_utc = at.astimezone(UTC)
        entry = batch.add(
            JournalEntry,
            case_id=case_id,
            kind=JournalKind(kind),
            occurred_at=at_utc,
            author_id=coordinator_id,
            subject=subject,
            text=text,
            created_at=at_utc + timedelta(minutes=20),
            updated_at=at_utc + timedelta(minutes=20),
        )
        batch.add(JournalEntryMember, entry_id=entry, citizen_id=rng.choice(citizen_ids))
    if status not in (CaseStatus.ACTIVE, CaseStatus.CANDIDATE):
        return
    for _ in range(rng.randrange(0, 3)):
        assignee = partner_id if partner_id is not None and rng.random() < 0.3 else coordinator_id
        batch.add(
            Task,
            case_id=case_id,
            what=rng.choice(content.TASKS),
            note="",
            due_date=today + timedelta(days=rng.randrange(-6, 12)),
            assigned_to_id=assignee,
            source=TaskSource.MANUAL,
            source_ref="",
            done_by="",
        )
