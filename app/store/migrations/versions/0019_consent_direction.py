"""a consent records which way information may go: collected from the parties, passed on
to them, or both

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

Retssikkerhedsloven § 11 a lets the municipality *collect* information from others with the
citizen's consent, naming from whom; forvaltningsloven § 28, stk. 2 lets it *pass on*
information with express consent. The two are different consents. Every consent recorded
before named "to and from whom", so it keeps both ways.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_CHECK = "direction IN ('collect', 'share', 'both')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # a column's own CHECK: no table rebuild
        op.execute(
            "ALTER TABLE consents ADD COLUMN direction VARCHAR(32) DEFAULT 'both' NOT NULL "
            f"CONSTRAINT consentdirection CHECK ({_CHECK})"
        )
    else:
        op.add_column(
            "consents", sa.Column("direction", sa.String(length=32), nullable=False, server_default="both")
        )
        op.create_check_constraint("consentdirection", "consents", _CHECK)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # its own CHECK goes with it (SQLite 3.35+)
        op.execute("ALTER TABLE consents DROP COLUMN direction")
    else:
        op.drop_constraint("consentdirection", "consents", type_="check")
        op.drop_column("consents", "direction")
