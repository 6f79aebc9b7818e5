"""The demo generator's bookkeeping: rows per model with ids handed out in order, inserted
in one go at the end (``Batch``), the people of a household before they are stored, and the
count of what was made."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from app.models import (
    Agreement,
    Case,
    CaseProfessional,
    Citizen,
    Consent,
    Family,
    FamilyMember,
    Goal,
    GoalMember,
    GoalScore,
    Intervention,
    InterventionSlot,
    JournalEntry,
    JournalEntryMember,
    Meeting,
    MeetingParticipant,
    PlanVersion,
    Professional,
    Task,
    TransitionTopic,
    TransitionTrack,
    User,
)
from app.models.base import Base
from app.models.enums import (
    Relation,
)

DEMO_USER = "demo"


@dataclass
class DemoSummary:
    families: int = 0
    cases: int = 0
    citizens: int = 0
    interventions: int = 0
    meetings: int = 0


@dataclass
class Person:
    first: str
    last: str
    born: date
    female: bool
    relation: Relation
    custody: bool = False


@dataclass
class Batch:
    """Rows per model with ids handed out in order; inserted in one go at the end."""

    session: Session
    rows: dict[type[Base], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    next_ids: dict[type[Base], int] = field(default_factory=dict)

    def add(self, table: type[Base], /, **values: Any) -> int:
        if table not in self.next_ids:
            highest = self.session.scalar(select(func.max(table.id)))  # type: ignore[attr-defined]
            self.next_ids[table] = (highest or 0) + 1
        row_id = self.next_ids[table]
        self.next_ids[table] = row_id + 1
        values.setdefault("created_by", DEMO_USER)
        values.setdefault("updated_by", DEMO_USER)
        self.rows[table].append({"id": row_id, **values})
        return row_id

    def flush(self) -> None:
        order = (
            User,
            Professional,
            Citizen,
            Family,
            FamilyMember,
            Case,
            CaseProfessional,
            Intervention,
            InterventionSlot,
            Meeting,
            MeetingParticipant,
            PlanVersion,
            Goal,
            GoalMember,
            GoalScore,
            Agreement,
            Consent,
            TransitionTrack,
            TransitionTopic,
            JournalEntry,
            JournalEntryMember,
            Task,
        )
        postgres = self.session.get_bind().dialect.name == "postgresql"
        for model in order:
            rows = self.rows.pop(model, [])
            for start in range(0, len(rows), 2000):
                chunk = rows[start : start + 2000]
                keys = sorted({k for r in chunk for k in r})
                self.session.execute(insert(model), [{k: r.get(k) for k in keys} for r in chunk])
            if rows and postgres:
                # Ids were given explicitly: move the id sequence past them for later inserts.
                table = model.__table__.name  # type: ignore[attr-defined]
                self.session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                    )
                )


def years_ago(today: date, years: float, rng: random.Random) -> date:
    return today - timedelta(days=int(years * 365.25) + rng.randrange(0, 200))
