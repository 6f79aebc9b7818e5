"""The demo generator's bookkeeping: rows per model with ids handed out in order, inserted
in one go at the end (``Batch``), the people of a household before they are stored, and the
count of what was made."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import groupby
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
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
from app.models.base import Base, utcnow
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
    first_ids: dict[type[Base], int] = field(default_factory=dict)
    made_at: datetime = field(default_factory=utcnow)  # every row's created_at and updated_at

    def add(self, table: type[Base], /, **values: Any) -> int:
        if table not in self.next_ids:
            highest = self.session.scalar(select(func.max(table.id)))  # type: ignore[attr-defined]
            self.next_ids[table] = self.first_ids[table] = (highest or 0) + 1
        row_id = self.next_ids[table]
        self.next_ids[table] = row_id + 1
        values.setdefault("created_by", DEMO_USER)
        values.setdefault("updated_by", DEMO_USER)
        values.setdefault("created_at", self.made_at)
        values.setdefault("updated_at", self.made_at)
        values.setdefault("version", 1)
        self.rows[table].append({"id": row_id, **values})
        return row_id

    def row(self, table: type[Base], row_id: int) -> dict[str, Any]:
        """The row ``add`` gave this id (not yet flushed)."""
        index = row_id - self.first_ids[table]
        if index < 0:
            raise KeyError(f"{table.__name__} {row_id} was stored before this batch")
        return self.rows[table][index]

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
            table = cast(Table, model.__table__)
            # A None where the column has a default takes the default (as the ORM did).
            defaulted = {
                c.key for c in table.columns if c.default is not None or c.server_default is not None
            }
            given = [{k: v for k, v in r.items() if v is not None or k not in defaulted} for r in rows]
            # Rows with the same columns as one statement (the ORM's bulk insert split them
            # into many small ones: a third of the demo's time). A table whose rows refer to
            # each other keeps their order: runs of rows in a row.
            for same in _same_columns(
                given, ordered=any(fk.column.table is table for fk in table.foreign_keys)
            ):
                for start in range(0, len(same), 2000):
                    self.session.connection().execute(insert(table), same[start : start + 2000])
            if rows and postgres:
                # Ids were given explicitly: move the id sequence past them for later inserts.
                name = table.name
                self.session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))"
                    )
                )


def _columns_of(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(row)


def _same_columns(rows: list[dict[str, Any]], ordered: bool) -> list[list[dict[str, Any]]]:
    """The rows grouped by the columns they give (``ordered``: only rows next to each other)."""
    if ordered:
        return [list(run) for _keys, run in groupby(rows, key=_columns_of)]
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    return list(groups.values())


def years_ago(today: date, years: float, rng: random.Random) -> date:
    return today - timedelta(days=int(years * 365.25) + rng.randrange(0, 200))
