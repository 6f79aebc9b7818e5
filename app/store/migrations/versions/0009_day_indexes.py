"""indexes for the caseworker's day

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

"Min dag" reads the meetings of today and tomorrow (by their start, across every case) and
the agreements a caseworker is responsible for (across every case): each through an index
of its own instead of a scan of all meetings or all agreements.
"""

from __future__ import annotations

from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index('ix_meetings_starts_at', ['starts_at'], unique=False)
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_responsible_user_id'), ['responsible_user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_responsible_user_id'))
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index('ix_meetings_starts_at')
