"""case-list summaries on the case row, kept by triggers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

The case list sorted by CPR or by open agreements computed both for every case at every
sort (a correlated sub-query per row; 0.2–0.4 s at 100,000 citizens). ``cases.cpr6`` and
``cases.open_agreements`` now hold them, kept by triggers on both stores
(app/store/case_summary_sql.py), filled here for the cases there are, and indexed with the
id for the sorts. The status and the coordination model get (column, id) indexes too.

Adding columns does not rebuild ``cases`` on SQLite, so its search-index triggers stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store import case_summary_sql

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_INDEXES = (
    ("ix_cases_cpr6_id", ["cpr6", "id"]),
    ("ix_cases_open_agreements_id", ["open_agreements", "id"]),
    ("ix_cases_model_id", ["model", "id"]),
    ("ix_cases_status_id", ["status", "id"]),
)


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar())


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cpr6", sa.String(length=6), nullable=True))
        batch_op.add_column(sa.Column("open_agreements", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name, columns in _INDEXES:
            batch_op.create_index(name, columns, unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in case_summary_sql.pg_statements(_schema()):
            op.execute(statement)
    else:
        for statement in case_summary_sql.sqlite_drop() + case_summary_sql.sqlite_triggers():
            op.execute(statement)
    op.execute(case_summary_sql.BACKFILL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in case_summary_sql.pg_drop(_schema()):
            op.execute(statement)
    else:
        for statement in case_summary_sql.sqlite_drop():
            op.execute(statement)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name, _columns in reversed(_INDEXES):
            batch_op.drop_index(name)
    # A plain DROP COLUMN (SQLite 3.35+): a rebuild of ``cases`` would drop its other triggers.
    op.execute("ALTER TABLE cases DROP COLUMN open_agreements")
    op.execute("ALTER TABLE cases DROP COLUMN cpr6")
