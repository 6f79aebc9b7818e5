"""search across everything: the search index

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

The index behind the search across everything (issue 15; app/store/search_sql.py): on SQLite
an FTS5 table per source table kept in step by triggers, on PostgreSQL a GIN expression index
per source table. Both are built here for the rows already in the store. The server's search
function for the caseworkers' roles is made with the other reach functions after the upgrade.

A later migration that rebuilds one of these tables on SQLite (a batch "move and copy") drops
its triggers: it must make them again with ``search_sql.sqlite_triggers``.
"""

from __future__ import annotations

from alembic import op

from app.store import search_sql

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in search_sql.sqlite_tables():
            op.execute(table)
        for source in search_sql.INDEXED:
            for trigger in search_sql.sqlite_triggers(source):
                op.execute(trigger)
            op.execute(search_sql.sqlite_rebuild(source))
        return
    for index in search_sql.pg_indexes():
        op.execute(index)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for source in search_sql.INDEXED:
        if sqlite:
            for kind in search_sql.TRIGGER_KINDS:
                op.execute(f"DROP TRIGGER IF EXISTS {source.index}_{kind}")
            op.execute(f"DROP TABLE IF EXISTS {source.index}")
        else:
            op.execute(f"DROP INDEX IF EXISTS {source.index}")
