"""reach from cases: CPR not unique across the store, creation-time indexes

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

On a shared server a caseworker may not learn that a CPR number is registered in a case
outside their reach, so the store no longer refuses a second record of the same number
(the program reuses the record it reaches). Rows not yet in a case are reached by their
creator for a few minutes: an index on ``(created_by, created_at)`` finds them without
reading the table.
"""

from __future__ import annotations

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_citizens_cpr'), type_='unique')
        batch_op.create_index(batch_op.f('ix_citizens_cpr'), ['cpr'], unique=False)
        batch_op.create_index('ix_citizens_created_by', ['created_by', 'created_at'], unique=False)
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.create_index('ix_families_created_by', ['created_by', 'created_at'], unique=False)
    with op.batch_alter_table('family_members', schema=None) as batch_op:
        batch_op.create_index('ix_family_members_created_by', ['created_by', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('family_members', schema=None) as batch_op:
        batch_op.drop_index('ix_family_members_created_by')
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.drop_index('ix_families_created_by')
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_index('ix_citizens_created_by')
        batch_op.drop_index(batch_op.f('ix_citizens_cpr'))
        batch_op.create_unique_constraint(batch_op.f('uq_citizens_cpr'), ['cpr'])
