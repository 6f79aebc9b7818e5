"""case-list summaries on the case row, kept by triggers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

The case list sorted by CPR, open agreements, next meeting or "turning 18" computed the
key for every case at every sort (a correlated sub-query per row; 0.1–0.3 s at 100,000
citizens). ``cases.cpr6``, ``open_agreements``, ``next_meeting_at`` and ``turning_18`` now
hold them, kept by triggers on both stores (app/store/case_summary_sql.py), filled here for
the cases there are, and indexed with the id for the sorts. The two that depend on the
date are right for the day in ``summary_clock``, which starts long ago: the program moves
it to today when it opens the store. The status and the coordination model get (column,
id) indexes too, the citizens' birth date one for the day's move.

The columns are added with a plain ADD COLUMN, not a rebuild of ``cases`` on SQLite, so the
table's search-index triggers (0010) stay.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

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
    ("ix_cases_next_meeting_at_id", ["next_meeting_at", "id"]),
    ("ix_cases_turning_18_id", ["turning_18", "id"]),
    ("ix_cases_model_id", ["model", "id"]),
    ("ix_cases_status_id", ["status", "id"]),
)


def _schema() -> str:
    return str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar())


def upgrade() -> None:
    clock = op.create_table(
        "summary_clock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("born_after", sa.Date(), nullable=False),
        sa.Column("born_by", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_clock")),
    )
    assert clock is not None
    never = case_summary_sql.NEVER
    op.execute(
        clock.insert().values(
            id=1,
            day=date.fromisoformat(never["day"]),
            since=datetime.fromisoformat(never["since"]).replace(tzinfo=UTC),
            born_after=date.fromisoformat(never["born_after"]),
            born_by=date.fromisoformat(never["born_by"]),
        )
    )
    op.create_index("ix_citizens_birth_date", "citizens", ["birth_date"], unique=False)
    # Plain ADD COLUMN and CREATE INDEX: a batch rebuild of ``cases`` (which SQLite chose for
    # these columns) drops the table's other triggers, the search index's among them.
    op.add_column("cases", sa.Column("cpr6", sa.String(length=6), nullable=True))
    op.add_column("cases", sa.Column("open_agreements", sa.Integer(), server_default="0", nullable=False))
    op.add_column("cases", sa.Column("next_meeting_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("cases", sa.Column("turning_18", sa.Boolean(), server_default=sa.false(), nullable=False))
    for name, columns in _INDEXES:
        op.create_index(name, "cases", columns, unique=False)
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
    for name, _columns in reversed(_INDEXES):
        op.drop_index(name, table_name="cases")
    # A plain DROP COLUMN (SQLite 3.35+): a rebuild of ``cases`` would drop its other triggers.
    for column in ("turning_18", "next_meeting_at", "open_agreements", "cpr6"):
        op.execute(f"ALTER TABLE cases DROP COLUMN {column}")
    op.drop_index("ix_citizens_birth_date", table_name="citizens")
    op.drop_table("summary_clock")
