"""the audit log's user index also orders by time

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

The audit viewer shows one caseworker's newest entries in a period. With an index on the
user alone, the store read either all of that user's entries or every entry in the period
(at 10 million entries, a year of a busy log) and sorted them. An index on (user, time)
finds the newest of the period directly; it replaces the user index.
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_events_user_time", "audit_events", ["user_login", "occurred_at"])
    op.drop_index("ix_audit_events_user_login", table_name="audit_events")


def downgrade() -> None:
    op.create_index("ix_audit_events_user_login", "audit_events", ["user_login"])
    op.drop_index("ix_audit_events_user_time", table_name="audit_events")
