"""The search index keeps in step with the data whoever writes it (the program, a statement by
hand, a cascading delete), on both stores; the migration indexes the rows already there."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection

import app.store.migrate as migrate
from app.services.common.context import AppContext
from app.services.search.search import Source, search_everything
from app.startup import open_context
from app.store import search_sql
from app.store.engine import create_store_engine
from app.store.location import resolve_store_url
from tests.services.search.search_world import WORDS, World, build_world

NEW_WORD = "Zyxvekord"

# (table, column, what it is found as, the world's row); the word there before, from WORDS.
EDITS = [
    ("citizens", "first_name", Source.PERSON, "Ingolf"),
    ("citizens", "address", Source.ADDRESS, "Kragevej"),
    ("cases", "title", Source.CASE, "Quistgaard"),
    ("professionals", "name", Source.PROFESSIONAL, "Trolleborg"),
    ("professionals", "organisation", Source.PROFESSIONAL, "Fjordhavnsskolen"),
    ("agreements", "what", Source.AGREEMENT, "cykelhjelmen"),
    ("goals", "text", Source.GOAL, "svømmehallen"),
    ("journal_entries", "subject", Source.JOURNAL, "Telefonsamtale"),
    ("journal_entries", "text", Source.JOURNAL, "sygefraværet"),
    ("tasks", "what", Source.TASK, "udflugten"),
    ("tasks", "note", Source.TASK, "flyttesagen"),
    ("documents", "title", Source.DOCUMENT, "Skolerapport"),
]


def places(ctx: AppContext, words: str) -> set[tuple[Source, int]]:
    with ctx.sessions() as session:
        return {(h.source, h.item_id) for h in search_everything(session, words).hits}


def world_in(ctx: AppContext) -> World:
    with ctx.sessions.begin() as session:
        return build_world(session, ctx.user.id)


def check_sqlite_index(ctx: AppContext) -> None:
    """FTS5's own check of every index against its table (SQLite; PostgreSQL keeps its own)."""
    if ctx.store_kind != "sqlite":
        return
    with ctx.engine.begin() as conn:
        for source in search_sql.INDEXED:
            conn.exec_driver_sql(
                f"INSERT INTO {source.index} ({source.index}, rank) VALUES ('integrity-check', 1)"
            )


@pytest.mark.parametrize(
    ("table", "column", "source", "before"), EDITS, ids=[f"{t}.{c}" for t, c, _s, _b in EDITS]
)
def test_a_change_by_hand_moves_the_index(
    context: AppContext, table: str, column: str, source: Source, before: str
) -> None:
    world = world_in(context)
    item = world.item(source)
    assert (source, item) in places(context, before)
    with context.engine.begin() as conn:  # no ORM: what a bulk change or psql would do
        conn.execute(
            text(f"UPDATE {table} SET {column} = :w WHERE id = :id"), {"w": f"{NEW_WORD} 7", "id": item}
        )
    assert (source, item) in places(context, NEW_WORD)
    assert (source, item) not in places(context, before)
    check_sqlite_index(context)


def _remove(conn: Connection, table: str, item: int) -> None:
    if table == "citizens":
        conn.execute(text("DELETE FROM family_members WHERE citizen_id = :id"), {"id": item})
    if table == "professionals":
        conn.execute(text("DELETE FROM case_professionals WHERE professional_id = :id"), {"id": item})
    if table == "cases":
        conn.execute(text("DELETE FROM cases WHERE id = :id"), {"id": item})
        return
    conn.execute(text(f"DELETE FROM {table} WHERE id = :id"), {"id": item})


@pytest.mark.parametrize(("table", "column", "source", "before"), EDITS[::2], ids=[t for t, *_ in EDITS[::2]])
def test_a_row_deleted_by_hand_is_no_longer_found(
    context: AppContext, table: str, column: str, source: Source, before: str
) -> None:
    world = world_in(context)
    with context.engine.begin() as conn:
        _remove(conn, table, world.item(source))
    assert (source, world.item(source)) not in places(context, before)
    check_sqlite_index(context)


def test_deleting_a_case_takes_all_its_places_out(context: AppContext) -> None:
    """The rows a case's deletion cascades to leave the index too (erasure after retention)."""
    world = world_in(context)
    with context.engine.begin() as conn:
        conn.execute(text("DELETE FROM cases WHERE id = :id"), {"id": world.case_id})
    for word, _source in WORDS:
        assert world.case_id not in {case for _s, case in places_with_case(context, word)}, word
    check_sqlite_index(context)


def places_with_case(ctx: AppContext, words: str) -> set[tuple[Source, int]]:
    with ctx.sessions() as session:
        return {(h.source, h.case_id) for h in search_everything(session, words).hits}


def test_rows_written_by_hand_are_found(context: AppContext) -> None:
    world = world_in(context)
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    stamp = {"v": 1, "at": now, "by": "psql"}
    with context.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO journal_entries (case_id, kind, occurred_at, author_id, subject, text, version, "
                "created_at, updated_at, created_by, updated_by) VALUES (:case, 'phone', :at, :author, '', "
                f"'Skrevet i hånden om {NEW_WORD}', :v, :at, :at, :by, :by)"
            ),
            {"case": world.case_id, "author": context.user.id, **stamp},
        )
        conn.execute(
            text(
                "INSERT INTO tasks (case_id, what, note, assigned_to_id, done_by, source, source_ref, version, "
                "created_at, updated_at, created_by, updated_by) VALUES (:case, :what, '', :user, '', 'manual', '', "
                ":v, :at, :at, :by, :by)"
            ),
            {"case": world.case_id, "what": f"Også {NEW_WORD}", "user": context.user.id, **stamp},
        )
    assert {s for s, _item in places(context, NEW_WORD)} == {Source.JOURNAL, Source.TASK}
    check_sqlite_index(context)


def test_the_migration_indexes_the_rows_already_there(store_url: str) -> None:
    """A store with data at 0008 (before the index): after the upgrade every word is found."""
    ctx = open_context(store_url, login="tester")
    world = world_in(ctx)
    ctx.close()
    engine = create_store_engine(resolve_store_url(store_url))
    try:
        with engine.connect() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008")
            conn.commit()
            left = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_%'"
                if engine.dialect.name == "sqlite"
                else "SELECT count(*) FROM pg_indexes WHERE starts_with(indexname, 'search_')"
            ).scalar()
            assert left == 0
    finally:
        engine.dispose()
    again = open_context(store_url, login="tester")  # upgrades to the head
    try:
        for word, source in WORDS:
            assert (source, world.item(source)) in places(again, word), word
        check_sqlite_index(again)
    finally:
        again.close()


def test_every_source_table_has_its_triggers_at_the_head(sqlite_context: AppContext) -> None:
    """A later batch migration that rebuilds one of these tables drops its triggers: then
    this fails until that migration makes them again (search_sql.sqlite_triggers)."""
    with sqlite_context.engine.connect() as conn:
        triggers = {
            (row[0], row[1])
            for row in conn.exec_driver_sql("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")
        }
    for source in search_sql.INDEXED:
        for kind in search_sql.TRIGGER_KINDS:
            assert (f"{source.index}_{kind}", source.table) in triggers


@pytest.mark.postgres
def test_the_servers_statement_can_use_every_index(postgres_url: str) -> None:
    """Each part matches on the indexed expression (else the index could never be used),
    and that expression is read through its index once the table's other ways are priced
    out (on a small store the planner would rather read the table itself)."""
    context = open_context(postgres_url, login="tester")
    world_in(context)
    statement = search_sql.local_statement("postgresql")
    with context.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        conn.exec_driver_sql("SET enable_indexscan = off")
        for way in search_sql.WAYS:
            source = way.source
            match = f"{search_sql.pg_document(source)} @@ to_tsquery('{source.config}'::regconfig, :prefix)"
            assert match in statement, way
            plan = "\n".join(
                row[0]
                for row in conn.exec_driver_sql(
                    f"EXPLAIN SELECT x.id FROM {source.table} x WHERE {match.replace(':prefix', '%(q)s')}",
                    {"q": "'ingolf':*"},
                )
            )
            assert f"Bitmap Index Scan on {source.index}" in plan, plan
    context.close()


@pytest.mark.postgres
def test_the_server_plans_each_search_for_its_words(postgres_url: str) -> None:
    """A plan made for any words (PostgreSQL's generic plan after five runs of a prepared
    statement) read every reached entry and computed its text vector: 4.5 s for a two-letter
    word at 100,000 entries. Each search is planned for its words, and newest first is never
    read backwards through the table's key (a rare word then read every row)."""
    context = open_context(postgres_url, login="tester")
    try:
        world_in(context)
        with context.sessions() as session:
            for _ in range(7):  # past the driver's and the server's thresholds
                assert search_everything(session, "sygefraværet").hits
            assert session.execute(text("SHOW plan_cache_mode")).scalar() == search_sql.PLAN_CACHE_MODE
        assert "ORDER BY x.id DESC" not in search_sql.local_statement("postgresql")
        assert f"SET plan_cache_mode = {search_sql.PLAN_CACHE_MODE}" in search_sql.search_function("public")
    finally:
        context.close()
