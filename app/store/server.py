"""A shared PostgreSQL server: group roles, privileges and each caseworker's reach.

Each caseworker logs in as a database role of their own that is a member of one group role
below. A caseworker's, team lead's or reader's role has no privilege on any table: it works
through views of its own over functions that return only what it reaches
(app/store/reach.py). The admin group reads and writes the tables themselves.

* caseworker and team lead: the cases they coordinate or are partner on, and the cases
  coordinated by anyone in their own team (``users.team``);
* read-only: the same, reading only;
* admin: every case.

Facts this rests on (see MEASURED.md and docs/shared-server.md): one shared login plus
``SET app.x`` is no boundary; the role is ``session_user``; row-level security alone lets a
role learn hidden rows through ``EXPLAIN ANALYZE``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from app.models.enums import UserRole
from app.store import access_check

GROUP_ROLES: dict[UserRole, str] = {
    UserRole.CASEWORKER: "koordinator_caseworker",
    UserRole.TEAM_LEAD: "koordinator_teamlead",
    UserRole.READ_ONLY: "koordinator_readonly",
    UserRole.ADMIN: "koordinator_admin",
}
STAFF = ", ".join(GROUP_ROLES[r] for r in (UserRole.CASEWORKER, UserRole.TEAM_LEAD, UserRole.READ_ONLY))
ADMIN = GROUP_ROLES[UserRole.ADMIN]
ALL_ROLES = ", ".join(GROUP_ROLES.values())
STAFF_WRITERS = (UserRole.CASEWORKER, UserRole.TEAM_LEAD)
CONNECTIONS_PER_LOGIN = 20

# ``created_by`` gives a new row's creator reach for a few minutes, until the row belongs to a
# case (app/store/reach.py); it must not be a way to keep (or take) reach later, so an
# update never changes it.
KEEP_CREATOR_TABLES = ("families", "family_members", "citizens")
KEEP_CREATOR_FUNCTION = """CREATE OR REPLACE FUNCTION koordinator_keep_creator() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_by := OLD.created_by;
    RETURN NEW;
END
$$"""

LOGIN_PATTERN = re.compile(r"^[a-z_][a-z0-9_.@-]{0,62}$")


class ServerSetupError(RuntimeError):
    """A plain message for the person setting up the server."""


def _q(name: str) -> str:
    """Quote an identifier (role names come from IT's input)."""
    return '"' + name.replace('"', '""') + '"'


def create_group_roles(conn: Connection) -> list[str]:
    """The four group roles (NOLOGIN); returns the ones that were new. Roles belong to the
    whole server, so several Koordinator databases on one server share them."""
    created = []
    for role in GROUP_ROLES.values():
        exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}).first()
        if exists:
            continue
        conn.exec_driver_sql(
            f"DO $$ BEGIN CREATE ROLE {_q(role)} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
        created.append(role)
    return created


def _tables(conn: Connection) -> list[str]:
    rows = conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [r[0] for r in rows]


def apply_security(conn: Connection) -> None:
    """Privileges and the reach schema (idempotent: run again after each migration, which
    ``koordinator migrate`` does). Staff roles get no privilege on any table: they work
    through the views of app/store/reach.py. The admin group reads and writes the tables."""
    from app.store.reach import apply_reach
    from app.store.reach_sql import READ_RULES

    tables = _tables(conn)
    protected = set(READ_RULES)
    missing = protected - set(tables)
    if missing:
        raise ServerSetupError(f"the schema is incomplete (missing: {', '.join(sorted(missing))})")
    schema = _q(current_schema(conn))
    # The row-level-security design before this one: its policies and helpers go.
    for table in tables:
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS koordinator_staff ON {_q(table)}")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS koordinator_admin ON {_q(table)}")
        conn.exec_driver_sql(f"ALTER TABLE {_q(table)} NO FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {_q(table)} DISABLE ROW LEVEL SECURITY")
    for kind in ("citizen", "family"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS koordinator_{kind}_reachable(integer)")
    conn.exec_driver_sql(KEEP_CREATOR_FUNCTION)
    for table in KEEP_CREATOR_TABLES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS koordinator_keep_creator ON {_q(table)}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER koordinator_keep_creator BEFORE UPDATE ON {_q(table)} "
            "FOR EACH ROW EXECUTE FUNCTION koordinator_keep_creator()"
        )
    # The group roles may look names up in the tables' schema (the audit function lives
    # there), but no table, sequence or function in it is theirs unless granted below.
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {ALL_ROLES}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM PUBLIC, {ALL_ROLES}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC, {ALL_ROLES}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {schema} FROM PUBLIC, {ALL_ROLES}")
    for table in tables:
        if table in ("audit_events", "case_number_counters"):
            continue
        privileges = "SELECT" if table in ("alembic_version",) else "SELECT, INSERT, UPDATE, DELETE"
        conn.exec_driver_sql(f"GRANT {privileges} ON {_q(table)} TO {ADMIN}")
    conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE ON case_number_counters TO {ADMIN}")
    # The directories hold no citizen data; a login not yet set up by add-caseworker reads
    # them to be told so.
    for table in ("users", "law_sections", "alembic_version"):
        conn.exec_driver_sql(f"GRANT SELECT ON {_q(table)} TO {ALL_ROLES}")
    # An admin may load demo data into a test server (which moves the id sequences on).
    conn.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {ADMIN}")
    apply_reach(conn, schema, STAFF, ", ".join(GROUP_ROLES[r] for r in STAFF_WRITERS), ALL_ROLES, ADMIN)
    from app.store.audit_server import apply_audit_security  # issue 7: the server writes the log

    apply_audit_security(conn)
    database = _q(str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    # No temporary tables (a caseworker could fill the disk) and no connecting for roles of
    # other Koordinator databases on the same server; each login is granted CONNECT below.
    conn.exec_driver_sql(f"REVOKE TEMPORARY, CONNECT ON DATABASE {database} FROM PUBLIC")
    retention = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = 'koordinator_retention'").first()
    if retention:
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO koordinator_retention")
    for login, group in _login_roles(conn):
        _settle_login(conn, login, group)
    access_check.record(conn)  # what is in place now; verify-audit finds later changes by hand


def _login_roles(conn: Connection) -> list[tuple[str, str]]:
    """Every login role of this store's users in one of the group roles, with its group
    (roles belong to the whole server; other databases' users are not this one's)."""
    rows = conn.exec_driver_sql(
        "SELECT m.rolname, g.rolname FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member "
        "JOIN pg_roles g ON g.oid = a.roleid JOIN users u ON u.login = m.rolname::text "
        "WHERE g.rolname = ANY(%(groups)s)",
        {"groups": list(GROUP_ROLES.values())},
    )
    return [(str(r[0]), str(r[1])) for r in rows]


def _settle_login(conn: Connection, login: str, group: str) -> None:
    """A staff login sees only the reach schema, with timeouts so that a forgotten or hostile
    session does not hold locks for long (a role can lower them, not escape its reach)."""
    from app.store.reach import drop_login_views, login_views

    database = _q(str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    base = _q(current_schema(conn))
    # Roles belong to the whole server: only this store's logins may connect to its database.
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {_q(login)}")
    if group == ADMIN:
        drop_login_views(conn, login)
        conn.exec_driver_sql(f"ALTER ROLE {_q(login)} IN DATABASE {database} RESET search_path")
        return
    schema = login_views(conn, base, login, writer=group != GROUP_ROLES[UserRole.READ_ONLY])
    # A program needs a pool and a listener (about 16 connections); one login cannot take
    # the server's every connection.
    conn.exec_driver_sql(f"ALTER ROLE {_q(login)} CONNECTION LIMIT {CONNECTIONS_PER_LOGIN}")
    for setting, value in (
        ("search_path", f"{_q(schema)}, {base}"),
        ("lock_timeout", "'10s'"),
        ("statement_timeout", "'2min'"),
        ("idle_in_transaction_session_timeout", "'5min'"),
        ("jit", "off"),  # the reach views' plans are small; compiling them costs more than it saves
    ):
        conn.exec_driver_sql(f"ALTER ROLE {_q(login)} IN DATABASE {database} SET {setting} = {value}")


def current_schema(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT current_schema()").scalar())


def security_applied(conn: Connection) -> bool:
    """Whether the access design is in place (the reach schema exists)."""
    from app.store.reach_sql import REACH_SCHEMA

    row = conn.exec_driver_sql(
        "SELECT 1 FROM pg_namespace WHERE nspname = %(s)s UNION ALL "
        "SELECT 1 FROM pg_class WHERE relname = 'cases' AND relrowsecurity "
        "AND relnamespace = current_schema()::regnamespace",  # the design before the reach schema
        {"s": REACH_SCHEMA},
    ).first()
    return row is not None


def init_server(engine: Engine) -> list[str]:
    """Schema, group roles, privileges and policies on an empty or older database.
    Returns the group roles created. Run as the database's owner with CREATEROLE (or a
    superuser)."""
    if engine.dialect.name != "postgresql":
        raise ServerSetupError("server-init is for a PostgreSQL server; a local SQLite file needs no set-up")
    from app.store.migrate import upgrade_store

    with engine.begin() as conn:
        created = create_group_roles(conn)
    upgrade_store(engine)
    with engine.begin() as conn:
        apply_security(conn)
    return created


def validate_login(login: str) -> str:
    login = login.strip()
    if not LOGIN_PATTERN.fullmatch(login):
        raise ServerSetupError(
            "a login is 1–63 characters: lower-case letters, digits, '_', '.', '@' or '-', "
            "starting with a letter or '_'"
        )
    return login


def add_caseworker(
    engine: Engine,
    login: str,
    full_name: str,
    *,
    role: UserRole = UserRole.CASEWORKER,
    team: str = "",
    email: str = "",
    phone: str = "",
    department: str = "",
    password: str | None = None,
) -> bool:
    """A caseworker's database role (PostgreSQL) and their user record; returns True when
    the user is new. Without a password the role logs in by Kerberos/GSSAPI (or whatever
    pg_hba.conf allows). The password is sent to the server already hashed (SCRAM), so it
    is never in a statement the server could log."""
    from app.models import User

    login = validate_login(login)
    if not full_name.strip():
        raise ServerSetupError("the caseworker's full name is missing")
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            _ensure_login_role(conn, login, GROUP_ROLES[role], password)
        with Session(bind=conn) as session:
            user = session.scalar(select(User).where(User.login == login))
            new = user is None
            if user is None:
                user = User(login=login, full_name=full_name.strip())
                session.add(user)
            user.full_name = full_name.strip()
            user.role = role
            user.team = team.strip()
            user.email = email.strip()
            user.phone = phone.strip()
            user.department = department.strip()
            user.active = True
            session.flush()
        if engine.dialect.name == "postgresql" and security_applied(conn):
            access_check.record(conn)
    return new


def _ensure_login_role(conn: Connection, login: str, group: str, password: str | None) -> None:
    missing = [
        g
        for g in GROUP_ROLES.values()
        if not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": g}).first()
    ]
    if missing:
        raise ServerSetupError("the server is not set up yet: run 'koordinator server-init' first")
    exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": login}).first()
    if not exists:
        conn.exec_driver_sql(f"CREATE ROLE {_q(login)} LOGIN")
    for other in GROUP_ROLES.values():  # a changed role replaces the old group
        if other != group:
            conn.exec_driver_sql(f"REVOKE {_q(other)} FROM {_q(login)}")
    conn.exec_driver_sql(f"GRANT {_q(group)} TO {_q(login)}")
    if security_applied(conn):
        _settle_login(conn, login, group)
    if password:
        raw = conn.connection.driver_connection
        hashed = raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")  # type: ignore[union-attr]
        conn.exec_driver_sql(f"ALTER ROLE {_q(login)} PASSWORD '{hashed.decode()}'")


def drop_login_roles(engine: Engine, logins: Iterable[str]) -> None:
    """Remove caseworkers' roles (tests and off-boarding); their rows stay as history."""
    with engine.begin() as conn:
        for login in logins:
            if conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": login}).first():
                from app.store.reach import drop_login_views

                drop_login_views(conn, login)
                conn.exec_driver_sql(f"DROP OWNED BY {_q(login)}")
                conn.exec_driver_sql(f"DROP ROLE {_q(login)}")
        if security_applied(conn):
            access_check.record(conn)
