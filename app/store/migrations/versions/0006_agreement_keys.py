"""agreement keys

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

Agreements get a stable key (like a goal's ``goal_key``): minutes close the agreement they
mean and a merge matches agreements by it, not by their place in the list. Every existing
agreement gets a new random key; an agreement that a later version of the same case kept
at the same place with the same text takes the earlier version's key, as a new draft started
from an approved plan does from now on.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_CARRY_OVER = """
UPDATE agreements SET agreement_key = (
    SELECT min(prev.agreement_key) FROM agreements prev, plan_versions pv, plan_versions pvp
    WHERE pv.id = agreements.plan_version_id AND pvp.case_id = pv.case_id
      AND pvp.number = pv.number - 1 AND prev.plan_version_id = pvp.id
      AND prev.position = agreements.position AND prev.what = agreements.what
)
WHERE plan_version_id IN (SELECT id FROM plan_versions WHERE number = :number)
  AND EXISTS (
    SELECT 1 FROM agreements prev, plan_versions pv, plan_versions pvp
    WHERE pv.id = agreements.plan_version_id AND pvp.case_id = pv.case_id
      AND pvp.number = pv.number - 1 AND prev.plan_version_id = pvp.id
      AND prev.position = agreements.position AND prev.what = agreements.what
  )
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        # Filled by the table rewrite itself (one key per row, whatever policies the
        # migrating role is under), then the default goes: the program makes the keys.
        op.add_column(
            'agreements',
            sa.Column(
                'agreement_key',
                sa.String(length=36),
                nullable=False,
                server_default=sa.text('gen_random_uuid()::text'),
            ),
        )
        op.alter_column('agreements', 'agreement_key', server_default=None)
    else:
        with op.batch_alter_table('agreements', schema=None) as batch_op:
            batch_op.add_column(sa.Column('agreement_key', sa.String(length=36), nullable=True))
        ids = [row[0] for row in bind.execute(sa.text('SELECT id FROM agreements'))]
        if ids:
            bind.execute(
                sa.text('UPDATE agreements SET agreement_key = :key WHERE id = :id'),
                [{'key': str(uuid.uuid4()), 'id': row_id} for row_id in ids],
            )
        with op.batch_alter_table('agreements', schema=None) as batch_op:
            batch_op.alter_column('agreement_key', existing_type=sa.String(length=36), nullable=False)
    highest = bind.execute(sa.text('SELECT max(number) FROM plan_versions')).scalar() or 0
    for number in range(2, highest + 1):
        bind.execute(sa.text(_CARRY_OVER), {'number': number})
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreements_agreement_key'), ['agreement_key'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('agreements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreements_agreement_key'))
        batch_op.drop_column('agreement_key')
