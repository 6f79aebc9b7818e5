"""an approved plan records both views when a young person said yes alone

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

With the youth's-voice rule switched on (a proposal in seed 003, off by default), a young
person of 15-17 may approve the plan though the custody holders did not consent; the approved
version then records both: the young person's yes and that the parents had not consented.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "plan_versions",
        sa.Column("consent_views", sa.String(length=2000), nullable=False, server_default=""),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE plan_versions DROP COLUMN consent_views")
    else:
        op.drop_column("plan_versions", "consent_views")
