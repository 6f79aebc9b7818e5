"""a trigram index for the case list's search (SQLite)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

The case list's search matches each word anywhere in ``cases.search_text`` (LIKE
'%word%'), which read every case: a CPR prefix such as "0101", found in no case number or
name, took 2 ms at 10,000 citizens and 43 ms at 100,000. On SQLite an FTS5 table with the
trigram tokenizer over that column (external content: the text is not stored twice) now
answers it (app/store/search_sql.py), kept by triggers. A later migration that rebuilds
``cases`` drops these triggers and must make them again. PostgreSQL is unchanged here.
"""

from __future__ import annotations

from alembic import op

from app.store import search_sql

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in search_sql.sqlite_drop_case_list_trigram() + search_sql.sqlite_case_list_trigram():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in search_sql.sqlite_drop_case_list_trigram():
        op.execute(statement)
