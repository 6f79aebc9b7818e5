"""an intervention records when the municipality became aware of the need

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

Barnets lov § 20, stk. 3: a child welfare investigation is finished at the latest 4 months
after the municipality became aware that the child may need support — not after the
investigation started. The investigation records that date; without it the deadline counts
from the start and says so.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("interventions", sa.Column("noticed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interventions") as batch_op:
        batch_op.drop_column("noticed_on")
