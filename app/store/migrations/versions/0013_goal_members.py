"""goal members: a goal concerns none (the whole family), one or several members

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08

A plan goal named one member in ``goals.citizen_id`` (NULL: the whole family). It now names
a set of members in ``goal_members`` (goal, citizen), unique per pair; a goal without rows
there is the whole family's. The members a goal named are carried over, and the column goes.

On SQLite ``goals`` is rebuilt to drop the column, which drops its search-index triggers
(0010): they are made again and the index rebuilt. On PostgreSQL the new table sends change
notices like ``goals`` (0004); its reach rule is made with the other reach functions after
the upgrade (app/store/reach_sql.py).

The downgrade gives a goal of one member that member again; a goal of several becomes the
whole family's (naming one of them would print it for a recipient who may not see the
others, and a family goal asks for everyone's consent).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store import search_sql

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_STAMP = "created_at, updated_at, created_by, updated_by"
# Who each goal concerns while ``goals`` is rebuilt: a table of its own with no reference to
# ``goals``, so nothing is lost with the old table, whether or not SQLite enforces references.
_HELD = "koordinator_goal_members_0012"


def _goal_search_triggers() -> None:
    """The goals' search-index triggers (SQLite), made again after a rebuild of the table."""
    if op.get_bind().dialect.name != "sqlite":
        return
    source = search_sql.GOALS
    for kind in search_sql.TRIGGER_KINDS:
        op.execute(f"DROP TRIGGER IF EXISTS {source.index}_{kind}")
    for trigger in search_sql.sqlite_triggers(source):
        op.execute(trigger)
    op.execute(search_sql.sqlite_rebuild(source))


def _create_goal_members() -> None:
    op.create_table('goal_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_goal_members_citizen_id_citizens')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_members_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_members')),
    sa.UniqueConstraint('goal_id', 'citizen_id', name=op.f('uq_goal_members_goal_id'))
    )
    with op.batch_alter_table('goal_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_members_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_members_goal_id'), ['goal_id'], unique=False)


def upgrade() -> None:
    # The member each goal named, stamped as the goal was, held while the column goes.
    op.execute(
        f"CREATE TABLE {_HELD} AS SELECT id AS goal_id, citizen_id, {_STAMP} "
        "FROM goals WHERE citizen_id IS NOT NULL"
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_goals_citizen_id_citizens'), type_='foreignkey')
        batch_op.drop_column('citizen_id')
    _goal_search_triggers()
    _create_goal_members()
    op.execute(
        f"INSERT INTO goal_members (goal_id, citizen_id, version, {_STAMP}) "
        f"SELECT goal_id, citizen_id, 1, {_STAMP} FROM {_HELD}"
    )
    op.execute(f"DROP TABLE {_HELD}")

    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS koordinator_notify ON goal_members")
        op.execute(
            "CREATE TRIGGER koordinator_notify AFTER INSERT OR UPDATE OR DELETE ON goal_members "
            "FOR EACH ROW EXECUTE FUNCTION koordinator_notify()"
        )


def downgrade() -> None:
    # One member: that member again; several: the whole family (see the module's text).
    op.execute(
        f"CREATE TABLE {_HELD} AS SELECT goal_id, min(citizen_id) AS citizen_id FROM goal_members "
        "GROUP BY goal_id HAVING count(*) = 1"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS koordinator_notify ON goal_members")
    with op.batch_alter_table('goal_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_members_goal_id'))
        batch_op.drop_index(batch_op.f('ix_goal_members_citizen_id'))

    op.drop_table('goal_members')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('citizen_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_goals_citizen_id_citizens'), 'citizens', ['citizen_id'], ['id'])
    _goal_search_triggers()
    op.execute(
        f"UPDATE goals SET citizen_id = (SELECT h.citizen_id FROM {_HELD} h WHERE h.goal_id = goals.id) "
        f"WHERE id IN (SELECT goal_id FROM {_HELD})"
    )
    op.execute(f"DROP TABLE {_HELD}")
