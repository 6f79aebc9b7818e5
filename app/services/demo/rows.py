"""The demo generator's bookkeeping: rows per model with ids handed out in order, inserted
in one go at the end (``Batch``), the people of a household before they are stored, and the
count of what was made."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, select, text
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
from app.services.demo.bulk_insert import insert_rows
from app.store import search_sql

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
        values["id"] = row_id  # created_by/at, updated_by/at and version: flush()
        self.rows[table].append(values)
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
        with self._search_index_filled_after(postgres):
            for model in order:
                self._insert(model, postgres)

    @contextmanager
    def _search_index_filled_after(self, postgres: bool) -> Iterator[None]:
        """SQLite: the search indexes take the loaded rows in one statement per index after
        the load, not one row at a time through their triggers (the triggers are back before
        the transaction ends; a failed load rolls their absence back with it)."""
        connection = self.session.connection()
        tables = {cast(Table, model.__table__).name: model for model in self.rows if self.rows[model]}
        present = (
            set()
            if postgres
            else set(
                connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars()
            )
        )
        fills = [
            f for f in search_sql.sqlite_bulk_fills() if f.table in tables and present.issuperset(f.triggers)
        ]
        if fills and not getattr(connection.connection.driver_connection, "in_transaction", True):
            # Python's sqlite3 opens a transaction only at the first INSERT/UPDATE/DELETE: a
            # DROP TRIGGER before it would be committed at once, kept by a load that fails.
            connection.exec_driver_sql("BEGIN")
        firsts = {f.table: self.first_ids[tables[f.table]] for f in fills}
        for fill in fills:
            for trigger in fill.triggers:
                connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
        yield
        for fill in fills:
            connection.execute(text(fill.fill), {"first": firsts[fill.table]})
            for create in fill.create_triggers:
                connection.exec_driver_sql(create)

    @property
    def _row_defaults(self) -> dict[str, Any]:
        made = self.made_at
        return {
            "created_by": DEMO_USER,
            "updated_by": DEMO_USER,
            "created_at": made,
            "updated_at": made,
            "version": 1,
        }

    def _insert(self, model: type[Base], postgres: bool) -> None:
        rows = self.rows.pop(model, [])
        table = cast(Table, model.__table__)
        # In id order: a table whose rows refer to each other (goals, journal entries)
        # has each row after the one it refers to.
        insert_rows(self.session.connection(), table, rows, self._row_defaults)
        if rows and postgres:
            # Ids were given explicitly: move the id sequence past them for later inserts.
            name = table.name
            self.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))")
            )


def years_ago(today: date, years: float, rng: random.Random) -> date:
    return today - timedelta(days=int(years * 365.25) + rng.randrange(0, 200))
