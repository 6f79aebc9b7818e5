"""my profile: a caseworker changes their own e-mail address and phone number

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

No table changes. On a shared server a caseworker's role may not write the users table (a
directory every role reads, app/store/reach.py); "Min profil" goes through
``koordinator_reach.koordinator_my_profile`` (app/store/reach_profile.py), which changes the
caller's own e-mail address and phone number and nothing else. The reach schema is rebuilt
after every upgrade of a server whose access rules are in place (``upgrade_store`` runs
``apply_security``), so this revision is what brings the function to a server already at
0011: ``koordinator migrate`` upgrades it and rebuilds the access rules with the function.
"""

from __future__ import annotations


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """No table changes: the function comes with the access rules that upgrade_store rebuilds."""


def downgrade() -> None:
    """No table changes: the rebuilt access rules of the older program have no such function."""
