"""The audit log on a shared PostgreSQL server: the server writes the entries.

``koordinator_audit(...)`` is a SECURITY DEFINER function: it takes the audit lock (the
same advisory lock app/services/audit.py takes on a store without server-init), reads the
last entry's hash, and inserts the entry with ``session_user`` — the role the caseworker
logged in as, which the client cannot choose — and that user's department. The hash is
computed as in Python (app/services/audit.py ``canonical_text``), so ``verify_chain``
checks entries from either side.

The staff roles get EXECUTE on the function and nothing else on ``audit_events``: no
INSERT of their own (so no forged user or hash), no UPDATE, DELETE or TRUNCATE; only the
admin group reads the log. A trigger refuses UPDATE for everyone, the owner included.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from app.services.audit import AUDIT_LOCK_KEY

PART_FUNCTION = """CREATE OR REPLACE FUNCTION koordinator_audit_part(value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT char_length(coalesce(value, '')) || ':' || coalesce(value, '') || ';'
$$"""


def _audit_function(schema: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION koordinator_audit(
    p_action text, p_object_type text, p_object_id integer, p_citizen_id integer,
    p_case_id integer, p_purpose text, p_search_term text, p_details text
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    v_user text := session_user::text;
    v_department text;
    v_prev text;
    v_at timestamptz;
    v_hash text;
    v_id integer;
BEGIN
    PERFORM pg_advisory_xact_lock({AUDIT_LOCK_KEY});
    SELECT coalesce(u.department, '') INTO v_department FROM users u WHERE u.login = v_user;
    v_department := coalesce(v_department, '');
    SELECT e.hash INTO v_prev FROM audit_events e ORDER BY e.id DESC LIMIT 1;
    v_prev := coalesce(v_prev, '');
    v_at := clock_timestamp();
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
$$"""


NO_UPDATE_FUNCTION = """CREATE OR REPLACE FUNCTION koordinator_audit_no_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed' USING ERRCODE = 'insufficient_privilege';
END
$$"""

SIGNATURE = "koordinator_audit(text, text, integer, integer, integer, text, text, text)"


def apply_audit_security(conn: Connection) -> None:
    """Idempotent; called at the end of ``apply_security`` (app/store/server.py)."""
    from app.store.server import ADMIN, ALL_ROLES, _q, current_schema

    schema = _q(current_schema(conn))
    conn.exec_driver_sql(PART_FUNCTION)
    conn.exec_driver_sql(_audit_function(schema))
    conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {ALL_ROLES}")
    conn.exec_driver_sql(f"REVOKE ALL ON audit_events FROM {ALL_ROLES}")
    conn.exec_driver_sql("REVOKE ALL ON audit_events FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT SELECT ON audit_events TO {ADMIN}")
    conn.exec_driver_sql(NO_UPDATE_FUNCTION)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS koordinator_audit_no_update ON audit_events")
    conn.exec_driver_sql(
        "CREATE TRIGGER koordinator_audit_no_update BEFORE UPDATE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION koordinator_audit_no_update()"
    )
