"""The shared server's access rules, fingerprinted: what ``server-init``, ``migrate`` and
``add-caseworker`` left in place, so that a later change made by hand is found.

The tables' owner (and any superuser) can change everything the access design rests on:
grant itself or a caseworker a privilege, edit a reach function, add a member to the admin
group, disable the audit log's no-update trigger. PostgreSQL cannot stop the owner; the
program makes such acts visible. After each of its own changes the program records a hash
of every security-relevant catalogue entry in ``koordinator_access_rules`` and the hash of
the whole in the audit log (an entry ``access_rules``, chained and covered by the signed
checkpoints). ``koordinator verify-audit`` computes the fingerprint again and names every
entry that differs, and the audit entry tells whether the recorded list itself was changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy.engine import Connection

from app.store import audit_log
from app.store.reach_sql import REACH_SCHEMA

ACTION = "access_rules"
TABLE = "koordinator_access_rules"

# (kind, SQL returning (name, text to hash)) — each row one catalogue entry.
_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "table",
        "SELECT n.nspname || '.' || c.relname, concat_ws('|', c.relkind, pg_get_userbyid(c.relowner), "
        "c.relacl::text, c.relrowsecurity, c.relforcerowsecurity, pg_get_viewdef(c.oid)) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'v', 'p', 'S') AND (n.nspname = current_schema() "
        f"OR n.nspname LIKE '{REACH_SCHEMA}%%') AND c.relname <> '{TABLE}' "
        # the case numbers' sequences, made by the server on a year's first case
        "AND c.relname NOT LIKE 'koordinator\\_case\\_numbers\\_%%'",
    ),
    (
        "function",
        "SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
        "concat_ws('|', pg_get_userbyid(p.proowner), p.prosecdef, p.proacl::text, p.proconfig::text, p.prosrc) "
        "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        f"WHERE n.nspname = current_schema() OR n.nspname = '{REACH_SCHEMA}'",
    ),
    (
        "trigger",
        "SELECT n.nspname || '.' || c.relname || '.' || t.tgname, concat_ws('|', t.tgenabled, "
        "pg_get_triggerdef(t.oid)) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal "
        f"AND (n.nspname = current_schema() OR n.nspname LIKE '{REACH_SCHEMA}%%')",
    ),
    (
        "policy",
        "SELECT c.relname || '.' || p.polname, concat_ws('|', p.polcmd, p.polroles::text, "
        "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)) "
        "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace",
    ),
    (
        "schema",
        "SELECT n.nspname, concat_ws('|', pg_get_userbyid(n.nspowner), n.nspacl::text) FROM pg_namespace n "
        f"WHERE n.nspname = current_schema() OR n.nspname LIKE '{REACH_SCHEMA}%%'",
    ),
    (
        "member",
        "SELECT g.rolname || '>' || m.rolname, concat_ws('|', a.admin_option, m.rolsuper, m.rolbypassrls) "
        "FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
        "WHERE g.rolname LIKE 'koordinator\\_%%' "
        # roles belong to the whole server: the members that may connect to this database
        # (not those of another Koordinator database there, which come and go with it)
        "AND has_database_privilege(m.oid, current_database(), 'CONNECT')",
    ),
    (
        "event trigger",
        "SELECT e.evtname, concat_ws('|', e.evtevent, e.evtenabled, e.evtfoid::regproc::text) "
        "FROM pg_event_trigger e",
    ),
)


@dataclass(frozen=True)
class Difference:
    name: str  # e.g. "function public.koordinator_my_cases()"
    change: str  # "changed", "added" or "removed"

    def __str__(self) -> str:
        return f"{self.name} {self.change}"


def fingerprint(conn: Connection) -> dict[str, str]:
    """Every security-relevant catalogue entry of this store, by name, as a hash."""
    found: dict[str, str] = {}
    for kind, sql in _SOURCES:
        for name, body in conn.exec_driver_sql(sql):
            found[f"{kind} {name}"] = hashlib.sha256(str(body).encode()).hexdigest()[:32]
    return found


# The log masks CPR-shaped runs of digits in an entry's details: the hash is written with
# letters only, so no run of ten hex digits is ever taken for a CPR number.
_LETTERS_ONLY = str.maketrans("0123456789", "ghijklmnop")


def whole(prints: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(prints, sort_keys=True).encode()).hexdigest().translate(_LETTERS_ONLY)


def record(conn: Connection) -> str:
    """Keep the fingerprint as it is now (after the program's own change) and log its hash."""
    prints = fingerprint(conn)
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {TABLE} (name text PRIMARY KEY, hash text NOT NULL)")
    conn.exec_driver_sql(f"REVOKE ALL ON {TABLE} FROM PUBLIC")
    conn.exec_driver_sql(f"DELETE FROM {TABLE}")
    if prints:
        conn.exec_driver_sql(
            f"INSERT INTO {TABLE} (name, hash) SELECT * FROM unnest(%(n)s::text[], %(h)s::text[])",
            {"n": list(prints), "h": list(prints.values())},
        )
    digest = whole(prints)
    user = str(conn.exec_driver_sql("SELECT session_user").scalar())
    audit_log.write(
        conn, user, ACTION, object_type="server", details={"hash": digest, "entries": len(prints)}
    )
    return digest


@dataclass(frozen=True)
class AccessCheck:
    differences: tuple[Difference, ...]
    recorded_hash_matches_log: bool  # the kept list is the one the last log entry names
    recorded: bool  # the program has kept a fingerprint at all

    @property
    def ok(self) -> bool:
        return self.recorded and self.recorded_hash_matches_log and not self.differences


def check(conn: Connection) -> AccessCheck:
    """Compare the access rules now with those the program last put in place."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM pg_class WHERE relname = %(t)s AND relnamespace = current_schema()::regnamespace",
        {"t": TABLE},
    ).first()
    if not exists:
        return AccessCheck((), False, False)
    kept = {str(r[0]): str(r[1]) for r in conn.exec_driver_sql(f"SELECT name, hash FROM {TABLE}")}
    # Only the tables' owner or a superuser records the rules: an entry any other role wrote
    # through the audit function (to cause a false alarm, or to hide a change) is not heeded.
    logged = conn.exec_driver_sql(
        "SELECT e.details FROM audit_events e WHERE e.action = %(a)s AND (e.user_login = "
        "(SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'audit_events'::regclass) "
        "OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = e.user_login AND r.rolsuper)) "
        "ORDER BY e.id DESC LIMIT 1",
        {"a": ACTION},
    ).scalar()
    try:
        logged_hash = json.loads(logged or "{}").get("hash")
    except ValueError:
        logged_hash = None
    now = fingerprint(conn)
    differences = [
        Difference(name, "changed") for name in sorted(now.keys() & kept.keys()) if now[name] != kept[name]
    ]
    differences += [Difference(name, "added") for name in sorted(now.keys() - kept.keys())]
    differences += [Difference(name, "removed") for name in sorted(kept.keys() - now.keys())]
    return AccessCheck(tuple(differences), logged_hash == whole(kept), True)
