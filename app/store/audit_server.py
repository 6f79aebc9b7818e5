"""The audit log on a shared PostgreSQL server: the server writes the entries.

``koordinator_audit(...)`` is a SECURITY DEFINER function: it takes the audit lock, reads
the last entry's hash, and inserts the entry with ``session_user`` — the role the caseworker
logged in as, which the client cannot choose — and that user's department. The hash is
computed as in Python (app/store/audit_log.py ``canonical_text``), so ``verify_chain``
checks entries from either side. It refuses the reserved actions (``audit_…``: signed
checkpoints and pruning records, app/services/privacy/audit_anchor.py).

The audit lock is a row lock on the one row of ``audit_head``, a table on which no group
role has any privilege. ``koordinator_audit`` puts the entry into ``audit_inbox`` without a
lock and then chains the inbox only when the lock is free (``SKIP LOCKED``): a caseworker
who writes an entry and keeps the transaction open holds the lock but makes no one wait;
the entries meanwhile are chained by the next writer after that transaction ends. The function also takes ROW EXCLUSIVE
on ``audit_events`` before reading the last hash, so it waits for a writer that locked the
table itself (a store used before server-init, app/store/audit_log.py ``PG_LOCAL_LOCK``).

The retention role (``koordinator_retention``, a group role made here: IT makes the login
that runs retention and checkpoints a member; no caseworker is) gets the two functions for
signed records: ``koordinator_audit_lock()`` (the audit lock, held while the log is read
and signed) and ``koordinator_audit_anchor(action, details, prev_hash)``, which writes a
checkpoint or pruning record and refuses when the log has moved past ``prev_hash``. It may
also read the log. The table's owner (the usual retention run) may call them too.

The staff roles get EXECUTE on ``koordinator_audit`` and nothing else on ``audit_events``:
no INSERT of their own (so no forged user or hash), no UPDATE, DELETE or TRUNCATE; only
the admin group reads the log. A trigger refuses UPDATE for everyone, the owner included.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

RETENTION_ROLE = "koordinator_retention"
HEAD_TABLE = "audit_head"
INBOX_TABLE = "audit_inbox"

PART_FUNCTION = """CREATE OR REPLACE FUNCTION koordinator_audit_part(value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT char_length(coalesce(value, '')) || ':' || coalesce(value, '') || ';'
$$"""

HEAD_TABLE_SQL = (
    f"CREATE TABLE IF NOT EXISTS {HEAD_TABLE} (id integer PRIMARY KEY CHECK (id = 1))",
    f"INSERT INTO {HEAD_TABLE} (id) VALUES (1) ON CONFLICT DO NOTHING",
)

# The audit lock, taken by every writer of the log (the caller's transaction keeps it).
_LOCK = f"""    PERFORM 1 FROM {HEAD_TABLE} WHERE id = 1 FOR UPDATE;
    LOCK TABLE audit_events IN ROW EXCLUSIVE MODE;"""


def _append_function(schema: str) -> str:
    """The insert itself, for the SECURITY DEFINER functions (no one else may call it):
    ``koordinator_audit_chain`` chains one entry (its user and time given, the caller holds
    the audit lock); ``koordinator_audit_append`` takes the lock, chains what waits in the
    inbox first, then its own entry."""
    return f"""CREATE OR REPLACE FUNCTION koordinator_audit_chain(
    p_user text, p_at timestamptz, p_action text, p_object_type text, p_object_id integer,
    p_citizen_id integer, p_case_id integer, p_purpose text, p_search_term text, p_details text
) RETURNS integer
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_user text := p_user;
    v_department text;
    v_prev text;
    v_at timestamptz := p_at;
    v_hash text;
    v_id integer;
BEGIN
    SELECT coalesce(u.department, '') INTO v_department FROM users u WHERE u.login = v_user;
    v_department := coalesce(v_department, '');
    SELECT e.hash INTO v_prev FROM audit_events e ORDER BY e.id DESC LIMIT 1;
    v_prev := coalesce(v_prev, '');
    v_hash := encode(sha256(convert_to(
        koordinator_audit_part(to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'))
        || koordinator_audit_part(v_user)
        || koordinator_audit_part(coalesce(p_action, ''))
        || koordinator_audit_part(coalesce(p_object_type, ''))
        || koordinator_audit_part(p_object_id::text)
        || koordinator_audit_part(p_citizen_id::text)
        || koordinator_audit_part(p_case_id::text)
        || koordinator_audit_part(v_department)
        || koordinator_audit_part(coalesce(p_purpose, ''))
        || koordinator_audit_part(coalesce(p_search_term, ''))
        || koordinator_audit_part(coalesce(p_details, ''))
        || koordinator_audit_part(v_prev),
        'UTF8')), 'hex');
    INSERT INTO audit_events (occurred_at, user_login, action, object_type, object_id, citizen_id,
                              case_id, department, purpose, search_term, details, prev_hash, hash)
    VALUES (v_at, v_user, coalesce(p_action, ''), coalesce(p_object_type, ''), p_object_id,
            p_citizen_id, p_case_id, v_department, coalesce(p_purpose, ''),
            coalesce(p_search_term, ''), coalesce(p_details, ''), v_prev, v_hash)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
CREATE OR REPLACE FUNCTION koordinator_audit_append(
    p_action text, p_object_type text, p_object_id integer, p_citizen_id integer,
    p_case_id integer, p_purpose text, p_search_term text, p_details text
) RETURNS integer
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    PERFORM koordinator_audit_seal(true);
    RETURN koordinator_audit_chain(session_user::text, clock_timestamp(), p_action, p_object_type,
        p_object_id, p_citizen_id, p_case_id, p_purpose, p_search_term, p_details);
END
$$"""


INBOX_TABLE_SQL = (
    f"""CREATE TABLE IF NOT EXISTS {INBOX_TABLE} (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    user_login text NOT NULL,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id integer,
    citizen_id integer,
    case_id integer,
    purpose text NOT NULL,
    search_term text NOT NULL,
    details text NOT NULL
)""",
)


def _seal_function(schema: str) -> str:
    """Chain what waits in the inbox onto the log, in the order it arrived. With ``wait``
    false a sealer that finds the audit lock taken leaves the entries for the next one:
    no audit write ever waits for a caller that keeps its transaction open."""
    return f"""CREATE OR REPLACE FUNCTION koordinator_audit_seal(wait boolean) RETURNS integer
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_row record;
    v_count integer := 0;
BEGIN
    IF wait THEN
        PERFORM 1 FROM {HEAD_TABLE} WHERE id = 1 FOR UPDATE;
    ELSE
        PERFORM 1 FROM {HEAD_TABLE} WHERE id = 1 FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            RETURN 0;
        END IF;
    END IF;
    LOCK TABLE audit_events IN ROW EXCLUSIVE MODE;
    FOR v_row IN SELECT * FROM {INBOX_TABLE} ORDER BY id LOOP
        PERFORM koordinator_audit_chain(v_row.user_login, v_row.occurred_at, v_row.action,
            v_row.object_type, v_row.object_id, v_row.citizen_id, v_row.case_id, v_row.purpose,
            v_row.search_term, v_row.details);
        DELETE FROM {INBOX_TABLE} WHERE id = v_row.id;
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$"""


def _audit_function(schema: str) -> str:
    """What every role calls. With the audit lock free (the usual case) this caller takes
    it and chains what waits in the inbox, then its own entry; with the lock taken, the entry
    goes into the inbox (no wait), chained by this caller if the lock is free by then, else
    by the next writer. Returns the newest log id when it chained, else NULL (the entry
    waits in the inbox)."""
    return f"""CREATE OR REPLACE FUNCTION koordinator_audit(
    p_action text, p_object_type text, p_object_id integer, p_citizen_id integer,
    p_case_id integer, p_purpose text, p_search_term text, p_details text
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_id integer;
BEGIN
    IF left(coalesce(p_action, ''), 6) = 'audit_' THEN
        RAISE EXCEPTION 'audit actions starting with audit_ are written by the retention run only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- The lock free (the usual case): what waits in the inbox, then this entry, straight
    -- onto the log. Through the inbox every entry left a dead row there, which each later
    -- write read again until a vacuum: writes grew slower with the log (3 -> 19 ms at
    -- 26,000 entries on a server without autovacuum).
    PERFORM 1 FROM {HEAD_TABLE} WHERE id = 1 FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
        PERFORM koordinator_audit_seal(true);
        RETURN koordinator_audit_chain(session_user::text, clock_timestamp(), p_action, p_object_type,
            p_object_id, p_citizen_id, p_case_id, p_purpose, p_search_term, p_details);
    END IF;
    INSERT INTO {INBOX_TABLE} (occurred_at, user_login, action, object_type, object_id, citizen_id,
                               case_id, purpose, search_term, details)
    VALUES (clock_timestamp(), session_user::text, coalesce(p_action, ''), coalesce(p_object_type, ''),
            p_object_id, p_citizen_id, p_case_id, coalesce(p_purpose, ''), coalesce(p_search_term, ''),
            coalesce(p_details, ''));
    IF koordinator_audit_seal(false) = 0 THEN
        RETURN NULL;
    END IF;
    SELECT max(e.id) INTO v_id FROM audit_events e;
    RETURN v_id;
END
$$"""


def _lock_function(schema: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION koordinator_audit_lock() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    PERFORM koordinator_audit_seal(true);  -- the lock, and what waited is in the log
END
$$"""


def _anchor_function(schema: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION koordinator_audit_anchor(
    p_action text, p_details text, p_prev_hash text
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_prev text;
BEGIN
    IF p_action NOT IN ('audit_checkpoint', 'audit_prune') THEN
        RAISE EXCEPTION 'not a checkpoint or pruning action' USING ERRCODE = 'invalid_parameter_value';
    END IF;
{_LOCK}
    SELECT e.hash INTO v_prev FROM audit_events e ORDER BY e.id DESC LIMIT 1;
    IF coalesce(v_prev, '') <> coalesce(p_prev_hash, '') THEN
        RAISE EXCEPTION 'the audit log has moved on since it was read; sign again'
            USING ERRCODE = 'serialization_failure';
    END IF;
    -- chained right after the entry the signer read (what waits in the inbox comes after)
    RETURN koordinator_audit_chain(session_user::text, clock_timestamp(), p_action, 'audit', NULL, NULL,
                                   NULL, '', '', p_details);
END
$$"""


NO_UPDATE_FUNCTION = """CREATE OR REPLACE FUNCTION koordinator_audit_no_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$"""

SIGNATURE = "koordinator_audit(text, text, integer, integer, integer, text, text, text)"
APPEND_SIGNATURE = "koordinator_audit_append(text, text, integer, integer, integer, text, text, text)"
CHAIN_SIGNATURE = (
    "koordinator_audit_chain(text, timestamptz, text, text, integer, integer, integer, text, text, text)"
)
SEAL_SIGNATURE = "koordinator_audit_seal(boolean)"
LOCK_SIGNATURE = "koordinator_audit_lock()"
ANCHOR_SIGNATURE = "koordinator_audit_anchor(text, text, text)"


def create_retention_role(conn: Connection) -> bool:
    """The retention group role (NOLOGIN), made when missing; True when it was new. Roles
    belong to the whole server, like the four group roles of app/store/server.py."""
    from app.store.server import _q

    if conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": RETENTION_ROLE}).first():
        return False
    conn.exec_driver_sql(
        f"DO $$ BEGIN CREATE ROLE {_q(RETENTION_ROLE)} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    )
    return True


def apply_audit_security(conn: Connection) -> None:
    """Idempotent; called at the end of ``apply_security`` (app/store/server.py)."""
    from app.store.server import ADMIN, ALL_ROLES, _q, current_schema

    schema = _q(current_schema(conn))
    create_retention_role(conn)
    retention = _q(RETENTION_ROLE)
    for statement in (*HEAD_TABLE_SQL, *INBOX_TABLE_SQL):
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"REVOKE ALL ON {INBOX_TABLE} FROM PUBLIC, {ALL_ROLES}, {_q(RETENTION_ROLE)}")
    conn.exec_driver_sql(f"REVOKE ALL ON {HEAD_TABLE} FROM PUBLIC")
    conn.exec_driver_sql(f"REVOKE ALL ON {HEAD_TABLE} FROM {ALL_ROLES}, {retention}")
    conn.exec_driver_sql(PART_FUNCTION)
    conn.exec_driver_sql(_seal_function(schema))
    conn.exec_driver_sql(_append_function(schema))
    conn.exec_driver_sql(_audit_function(schema))
    conn.exec_driver_sql(_lock_function(schema))
    conn.exec_driver_sql(_anchor_function(schema))
    signatures = (
        SIGNATURE,
        APPEND_SIGNATURE,
        LOCK_SIGNATURE,
        ANCHOR_SIGNATURE,
        CHAIN_SIGNATURE,
        SEAL_SIGNATURE,
    )
    for signature in signatures:
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    for signature in (APPEND_SIGNATURE, CHAIN_SIGNATURE, SEAL_SIGNATURE):
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM {ALL_ROLES}, {retention}")
    for signature in (LOCK_SIGNATURE, ANCHOR_SIGNATURE):
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM {ALL_ROLES}")
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {retention}")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {ALL_ROLES}")
    conn.exec_driver_sql(f"REVOKE ALL ON audit_events FROM {ALL_ROLES}")
    conn.exec_driver_sql("REVOKE ALL ON audit_events FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT SELECT ON audit_events TO {ADMIN}, {retention}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {retention}")
    # The program reads the schema version and looks its user up when it opens a store.
    conn.exec_driver_sql(f"GRANT SELECT ON users, alembic_version TO {retention}")
    conn.exec_driver_sql(NO_UPDATE_FUNCTION)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS koordinator_audit_no_update ON audit_events")
    conn.exec_driver_sql(
        "CREATE TRIGGER koordinator_audit_no_update BEFORE UPDATE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION koordinator_audit_no_update()"
    )
