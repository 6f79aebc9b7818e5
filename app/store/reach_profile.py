"""A caseworker's own contact details on a shared server ("Min profil"): the one write a staff
role may make to the users table. The table is a directory the roles read in full and may not
change (app/store/reach.py); this function, run as the table's owner, changes the e-mail
address and phone number of the row whose login is the caller's ``session_user`` — never
another's, never any other column — checks the version the caller read, and logs the change
(which fields, not their values). Text only; app/store/reach.py puts it in place."""

from __future__ import annotations

PROFILE_SIGNATURE = "koordinator_my_profile(text, text, integer)"
EMAIL_PATTERN_SQL = r'^[^@\s<>(),;:"]+@[^@\s<>(),;:"]+\.[^@\s<>(),;:"]+$'


def profile_function(schema: str) -> str:
    """koordinator_my_profile(e-mail, phone, version read): the caller's new version, or NULL
    when the row was changed since ``version`` (nothing is written then). ``{base}`` is
    filled in by apply_reach."""
    return f"""CREATE OR REPLACE FUNCTION {schema}.koordinator_my_profile(
    new_email text, new_phone text, expected_version integer)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{base}}, pg_temp AS $$
DECLARE
    me_id integer;
    me_version integer;
    old_email text;
    old_phone text;
    changed text[] := ARRAY[]::text[];
BEGIN
    SELECT u.id, u.version, u.email, u.phone INTO me_id, me_version, old_email, old_phone
    FROM users u WHERE u.login = session_user::text COLLATE "default" AND u.active FOR UPDATE;
    IF me_id IS NULL THEN
        RAISE EXCEPTION 'no active user has your login' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF expected_version IS NOT NULL AND me_version <> expected_version THEN
        RETURN NULL;
    END IF;
    new_email := btrim(coalesce(new_email, ''));
    new_phone := btrim(coalesce(new_phone, ''));
    IF length(new_email) > 200 OR length(new_phone) > 40 THEN
        RAISE EXCEPTION 'the e-mail address or phone number is too long' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF new_email <> '' AND new_email !~ '{EMAIL_PATTERN_SQL}' THEN
        RAISE EXCEPTION 'not an e-mail address' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF new_email IS DISTINCT FROM old_email THEN
        changed := changed || 'email'::text;
    END IF;
    IF new_phone IS DISTINCT FROM old_phone THEN
        changed := changed || 'phone'::text;
    END IF;
    IF cardinality(changed) = 0 THEN
        RETURN me_version;
    END IF;
    UPDATE users SET email = new_email, phone = new_phone, version = version + 1,
                     updated_at = now(), updated_by = session_user::text
    WHERE id = me_id;
    PERFORM koordinator_audit('change', 'user', me_id, NULL, NULL, '', '',
        json_build_object('fields', changed)::text);
    RETURN me_version + 1;
END
$$"""
