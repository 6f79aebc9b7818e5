"""The demo generator's bulk load: the same rows in the store as SQLAlchemy's own insert, the
search indexes filled after the load exactly as their triggers would have, and a failed load
leaving the store (triggers included) as it was."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Table, func, insert, select, text

from app.models import Agreement, Citizen
from app.services.common.context import AppContext
from app.services.demo import bulk_insert
from app.services.demo.demo import generate_demo
from app.store import search_sql

TEXT = st.text(
    alphabet=st.sampled_from("abcæøåÆØÅé -'\u030a\u0301"), min_size=1, max_size=12
)  # combining marks: the store keeps text in NFC, the bulk load too
MAYBE_TEXT = st.none() | TEXT
MOMENT = st.datetimes(
    min_value=datetime(1990, 1, 2), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
).flatmap(lambda d: st.sampled_from([d, d.astimezone(ZoneInfo("America/New_York"))]))


@st.composite
def citizen_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Rows as the generator gives them: some columns left out, some None, any order of keys."""
    rows = []
    for number in range(draw(st.integers(1, 6))):
        row: dict[str, Any] = {
            "first_name": draw(TEXT),
            "last_name": draw(TEXT),
            "birth_date": draw(st.dates(date(1920, 1, 1), date(2026, 12, 31))),
            "cpr": draw(st.none() | st.just(f"{number:010d}")),
        }
        for key, values in {
            "address": MAYBE_TEXT,
            "city": MAYBE_TEXT,
            "language": MAYBE_TEXT,
            "interpreter_needed": st.none() | st.booleans(),
            "version": st.none() | st.integers(1, 9),
            "created_at": st.none() | MOMENT,
            "updated_at": st.none() | MOMENT,
            "created_by": MAYBE_TEXT,
        }.items():
            if draw(st.booleans()):
                row[key] = draw(values)
        keys = draw(st.permutations(list(row)))
        rows.append({key: row[key] for key in keys})
    return rows


def stored(context: AppContext, ids: list[int]) -> list[tuple[Any, ...]]:
    table = Citizen.__table__
    columns = [c for c in table.columns if c.key not in {"id", "created_at", "updated_at"}]
    with context.sessions() as session:
        found = session.execute(
            select(*columns, table.c.created_at).where(table.c.id.in_(ids)).order_by(table.c.id)
        )
        return [tuple(r) for r in found]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=citizen_rows())
def test_the_bulk_load_stores_what_sqlalchemys_insert_stores(
    context: AppContext, rows: list[dict[str, Any]]
) -> None:
    table: Table = Citizen.__table__  # type: ignore[assignment]
    with context.sessions.begin() as session:
        first = (session.scalar(select(func.max(Citizen.id))) or 0) + 1
        session.execute(table.delete().where(table.c.cpr.is_not(None)))
        bulk = [{"id": first + i, **r} for i, r in enumerate(rows)]
        bulk_insert.insert_rows(session.connection(), table, bulk)
    bulk_ids = [r["id"] for r in bulk]
    bulk_rows = stored(context, bulk_ids)
    with context.sessions.begin() as session:
        session.execute(table.delete().where(table.c.id.in_(bulk_ids)))
        core_ids = []
        for i, row in enumerate(rows):
            # The ORM's rule, one row at a time: a None where the column has a default
            # takes the default.
            given_values = {k: v for k, v in row.items() if v is not None or table.c[k].default is None}
            core_ids.append(first + len(rows) + i)
            session.execute(insert(table).values(id=core_ids[-1], **given_values))
    core_rows = stored(context, core_ids)

    # created_at left out is the clock's now, which moves between the two loads
    def without_made(rows_: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return [r[:-1] for r in rows_]

    assert without_made(bulk_rows) == without_made(core_rows)
    for row, found in zip(rows, bulk_rows, strict=True):
        if row.get("created_at") is not None:
            assert found[-1] == row["created_at"].astimezone(UTC)
        else:
            assert abs(found[-1] - datetime.now(UTC)) < timedelta(minutes=5)
    with context.sessions.begin() as session:
        session.execute(table.delete().where(table.c.id.in_(core_ids)))


def test_a_callable_default_is_called_for_each_row(context: AppContext) -> None:
    with context.sessions.begin() as session:
        generate_demo(session, families=15, seed=4, today=date(2026, 3, 2))
    with context.sessions() as session:
        keys = list(session.scalars(select(Agreement.agreement_key)))
    assert len(keys) > 20
    assert len(set(keys)) == len(keys)


def _triggers(context: AppContext) -> set[tuple[str, str]]:
    with context.sessions() as session:
        return {
            (name, sql)
            for name, sql in session.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            )
        }


def _indexes_match_their_tables(context: AppContext) -> None:
    with context.sessions() as session:
        names = [f.index for f in search_sql.sqlite_bulk_fills()]
        for name in names:
            # FTS5 compares its index with the content table, row by row.
            session.execute(text(f"INSERT INTO {name} ({name}, rank) VALUES ('integrity-check', 1)"))


def test_the_search_indexes_hold_every_loaded_row(sqlite_context: AppContext) -> None:
    before = _triggers(sqlite_context)
    for seed in (1, 2):  # the second load adds to rows already indexed
        with sqlite_context.sessions.begin() as session:
            generate_demo(session, families=25, seed=seed, today=date(2026, 3, 2))
    assert _triggers(sqlite_context) == before
    _indexes_match_their_tables(sqlite_context)
    with sqlite_context.sessions() as session:
        some = session.execute(
            select(Citizen.id, Citizen.last_name).order_by(Citizen.id.desc()).limit(1)
        ).one()
        found = session.scalars(
            text("SELECT rowid FROM search_citizens WHERE search_citizens MATCH :word"),
            {"word": f'last_name:"{some.last_name}"'},
        ).all()
    assert some.id in found
    # and the triggers are back: a citizen added now is found
    with sqlite_context.sessions.begin() as session:
        session.add(Citizen(first_name="Xylofon", last_name="Qvist", birth_date=date(2001, 1, 1)))
    with sqlite_context.sessions() as session:
        assert (
            session.scalar(text("SELECT count(*) FROM search_citizens WHERE search_citizens MATCH 'Qvist'"))
            == 1
        )
    _indexes_match_their_tables(sqlite_context)


def test_a_failed_load_leaves_the_store_as_it_was(
    sqlite_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=5, seed=1, today=date(2026, 3, 2))
    before = _triggers(sqlite_context)
    with sqlite_context.sessions() as session:
        citizens = session.scalar(select(func.count(Citizen.id)))
    real = bulk_insert.insert_rows

    def fails_at_tasks(connection: Any, table: Table, rows: Any, defaults: Any = None) -> None:
        if table.name == "tasks":
            raise OSError("disk full")
        real(connection, table, rows, defaults)

    monkeypatch.setattr("app.services.demo.rows.insert_rows", fails_at_tasks)
    with pytest.raises(OSError, match="disk full"), sqlite_context.sessions.begin() as session:
        generate_demo(session, families=10, seed=2, today=date(2026, 3, 2))
    assert _triggers(sqlite_context) == before
    with sqlite_context.sessions() as session:
        assert session.scalar(select(func.count(Citizen.id))) == citizens
    _indexes_match_their_tables(sqlite_context)
