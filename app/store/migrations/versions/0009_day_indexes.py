"""indexes and change notices for the caseworker's day

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

"Min dag" reads the meetings of today and tomorrow (by their start, across every case) and
the agreements a caseworker is responsible for (across every case): each through an index
of its own instead of a scan of all meetings or all agreements. On PostgreSQL the tables of
issue 15 that a case's day shows (tasks, journal entries, documents) send change notices
like the older tables (0004), so an open "Min dag" hears of a colleague's new task; the
triggers are dropped first, so a store that has them already is left as it was.
"""

from __future__ import annotations

from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

NOTIFYING_TABLES = ("tasks", "journal_entries", "documents")


def upgrade() -> None:
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index('ix_meetings_starts_at', ['starts_at'], unique=False)
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_responsible_user_id'), ['responsible_user_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFYING_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS koordinator_notify ON {table}")
            op.execute(
                f"CREATE TRIGGER koordinator_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION koordinator_notify()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFYING_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS koordinator_notify ON {table}")
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_responsible_user_id'))
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index('ix_meetings_starts_at')
