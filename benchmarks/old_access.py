"""The shared server's access design before issue 13, frozen for comparison (benchmarks only).

Caseworker roles had privileges on the tables themselves, and forced row-level-security
policies decided from ``current_user`` which rows they reached (app/store/server.py as of
commit 7e1409e^: ``POLICIES``, ``REACHABLE_FUNCTIONS``, ``apply_security``). Issue 13
replaced it: a role that may run any SQL on a table learns what the policies hide (through
``EXPLAIN ANALYZE``), and the policies made the case list's plans large and slow.

``apply_old_access`` turns a store set up by today's ``init_server`` (for example a copy of
the benchmark's database) back into that design, so that one run can time the same program
queries under both. The SQL below is the old text, unchanged; the audit log's rules stay
as today's (``koordinator_audit``): the benchmark times reads only. Never use this on a
real server: it is the design that leaked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

# -- the old text (app/store/server.py before commit 7e1409e) --------------------------------

STAFF = "koordinator_caseworker, koordinator_teamlead, koordinator_readonly"
WRITERS = "koordinator_caseworker, koordinator_teamlead, koordinator_admin"
ADMIN = "koordinator_admin"
ALL_ROLES = "koordinator_caseworker, koordinator_teamlead, koordinator_readonly, koordinator_admin"

ME_LOGIN = 'current_user::text COLLATE "default"'
ME_ID = f"(SELECT me.id FROM users me WHERE me.login = {ME_LOGIN} AND me.active)"
# An array from a sub-select (computed once per query), so that the planner can read the
# team's cases through the coordinator index instead of testing every case.
MY_TEAM_IDS = (
    "ANY (ARRAY(SELECT mate.id FROM users mate WHERE mate.team <> '' AND mate.team = "
    f"(SELECT me.team FROM users me WHERE me.login = {ME_LOGIN} AND me.active)))"
)
MINE = f"created_by = {ME_LOGIN}"


def _case_visible(column: str) -> str:
    return f"EXISTS (SELECT 1 FROM cases vc WHERE vc.id = {column})"


def _citizen_visible(column: str) -> str:
    return f"({column} IS NULL OR koordinator_citizen_reachable({column}))"


# Write checks that looked at citizens or families went through these functions, still
# under the caller's policies (SECURITY INVOKER).
REACHABLE_FUNCTIONS = tuple(
    f"""CREATE OR REPLACE FUNCTION koordinator_{kind}_reachable(row_id integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY INVOKER AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM {table} WHERE id = row_id);
END
$$"""
    for kind, table in (("citizen", "citizens"), ("family", "families"))
)


@dataclass(frozen=True)
class Policy:
    table: str
    using: str
    check: str | None = None  # defaults to ``using``


# Who reached which rows (the staff roles; admins reached all rows of every table).
POLICIES: tuple[Policy, ...] = (
    Policy(
        "cases",
        f"coordinator_id = {ME_ID} OR partner_id = {ME_ID} OR coordinator_id = {MY_TEAM_IDS}",
        f"(coordinator_id = {ME_ID} OR partner_id = {ME_ID} OR coordinator_id = {MY_TEAM_IDS}) "
        "AND (family_id IS NULL OR koordinator_family_reachable(family_id)) "
        f"AND {_citizen_visible('citizen_id')}",
    ),
    Policy("families", f"EXISTS (SELECT 1 FROM cases vc WHERE vc.family_id = families.id) OR {MINE}"),
    Policy(
        "family_members",
        f"EXISTS (SELECT 1 FROM cases vc WHERE vc.family_id = family_members.family_id) OR {MINE}",
        f"koordinator_family_reachable(family_id) AND {_citizen_visible('citizen_id')}",
    ),
    Policy(
        "citizens",
        "EXISTS (SELECT 1 FROM cases vc WHERE vc.citizen_id = citizens.id) "
        "OR EXISTS (SELECT 1 FROM family_members vm JOIN cases vc ON vc.family_id = vm.family_id "
        f"WHERE vm.citizen_id = citizens.id) OR {MINE}",
    ),
    Policy("case_professionals", _case_visible("case_id")),
    Policy("goal_scores", _case_visible("case_id")),
    Policy("meetings", _case_visible("case_id")),
    Policy("plan_versions", _case_visible("case_id")),
    Policy(
        "interventions",
        _case_visible("case_id"),
        f"{_case_visible('case_id')} AND {_citizen_visible('citizen_id')}",
    ),
    Policy(
        "transition_tracks",
        _case_visible("case_id"),
        f"{_case_visible('case_id')} AND {_citizen_visible('citizen_id')}",
    ),
    Policy(
        "consents",
        f"(case_id IS NOT NULL AND {_case_visible('case_id')}) "
        "OR (case_id IS NULL AND EXISTS (SELECT 1 FROM citizens vz WHERE vz.id = consents.citizen_id))",
    ),
    Policy(
        "intervention_slots",
        "EXISTS (SELECT 1 FROM interventions vi WHERE vi.id = intervention_slots.intervention_id)",
    ),
    Policy(
        "meeting_participants",
        "EXISTS (SELECT 1 FROM meetings vt WHERE vt.id = meeting_participants.meeting_id)",
    ),
    Policy(
        "transition_topics",
        "EXISTS (SELECT 1 FROM transition_tracks vt WHERE vt.id = transition_topics.track_id)",
    ),
    *(
        Policy(table, f"EXISTS (SELECT 1 FROM plan_versions vp WHERE vp.id = {table}.plan_version_id)")
        for table in ("goals", "agreements", "plan_member_sections", "plan_offer_comments")
    ),
    # (came after the old design: covered as its goals are)
    Policy("goal_members", "EXISTS (SELECT 1 FROM goals vg WHERE vg.id = goal_members.goal_id)"),
)

# Tables every staff role read in full, and the shared ones caseworkers could also write.
# (The team's absences and the summaries' day came after the old design; today's case list
# reads them, so to compare its queries the old design lets every role read them.)
SHARED_READ = (
    "users",
    "law_sections",
    "professionals",
    "alembic_version",
    "case_number_counters",
    "absences",
    "absence_cases",
    "summary_clock",
)
SHARED_WRITE = ("professionals", "case_number_counters")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# -- turning today's store back ---------------------------------------------------------------


def remove_reach(conn: Connection, logins: Iterable[str]) -> None:
    """Take today's design away: the logins' views and settings in this database, the reach
    schema (the tables' privileges are set anew by :func:`apply_old_access`)."""
    from app.store.reach import login_schema
    from app.store.reach_sql import REACH_SCHEMA

    database = _q(str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    for login in logins:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {_q(login_schema(login))} CASCADE")
        conn.exec_driver_sql(f"ALTER ROLE {_q(login)} IN DATABASE {database} RESET ALL")
    conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {REACH_SCHEMA} CASCADE")


def apply_old_access(conn: Connection, logins: Iterable[str] = ()) -> None:
    """The old privileges and policies on every table (the old ``apply_security``, less the
    keep-creator trigger today's design already has and the audit rules it keeps); run as
    the tables' owner or a superuser, after :func:`remove_reach` for the store's logins."""
    remove_reach(conn, logins)
    schema = _q(str(conn.exec_driver_sql("SELECT current_schema()").scalar()))
    tables = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )
    ]
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {ALL_ROLES}")
    for function in REACHABLE_FUNCTIONS:
        conn.exec_driver_sql(function)
    for table in tables:
        conn.exec_driver_sql(f"REVOKE ALL ON {_q(table)} FROM {ALL_ROLES}")
    for table in SHARED_READ:
        if table in tables:
            conn.exec_driver_sql(f"GRANT SELECT ON {_q(table)} TO {ALL_ROLES}")
    for table in SHARED_WRITE:
        conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {_q(table)} TO {WRITERS}")
    for policy in POLICIES:
        table = _q(policy.table)
        conn.exec_driver_sql(f"GRANT SELECT ON {table} TO {ALL_ROLES}")
        conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {WRITERS}")
        conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS koordinator_staff ON {table}")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS koordinator_admin ON {table}")
        conn.exec_driver_sql(
            f"CREATE POLICY koordinator_staff ON {table} FOR ALL TO {STAFF} "
            f"USING ({policy.using}) WITH CHECK ({policy.check or policy.using})"
        )
        conn.exec_driver_sql(
            f"CREATE POLICY koordinator_admin ON {table} FOR ALL TO {ADMIN} USING (true) WITH CHECK (true)"
        )
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {WRITERS}")
