"""The team's reach on a shared server (issue 16): a deputy reaches the cases an absence
covers while it lasts, and after a hand-over the old coordinator and their team may read the
case — never change it — until the hand-over's read-only period ends. Text only;
app/store/reach_sql.py puts it into the reach functions and write rules. The program's own
reading of the same rules is app/services/team/."""

from __future__ import annotations

# The day on the server as the municipality's calendar has it: an absence or a read-only
# period ends at midnight in Denmark, whatever zone the server keeps.
TODAY_SQL = "(now() AT TIME ZONE 'Europe/Copenhagen')::date"

# The longest read-only period a hand-over may give the old team.
READ_ONLY_MAX_DAYS = 90

_ME_LOGIN = 'session_user::text COLLATE "default"'
_ME_ID = f"SELECT u.id FROM users u WHERE u.login = {_ME_LOGIN}"

# Absences a role reads (``{a}``: the row): its own, those it covers, and its team's (the
# team lead plans the cover and the team overview shows them).
ABSENCE_RULE = (
    f"{{a}}.user_id IN ({_ME_ID}) OR {{a}}.deputy_id IN ({_ME_ID}) OR {{a}}.user_id IN ("
    f"SELECT mate.id FROM users mate JOIN users me ON me.login = {_ME_LOGIN} "
    "WHERE mate.team <> '' AND mate.team = me.team)"
)

# Conditions on one case ``c`` and the logged-in user ``me`` (see reach_sql._IN_REACH).
DEPUTY_REACH = f"""EXISTS (SELECT 1 FROM absences a WHERE a.deputy_id = me.id
            AND {TODAY_SQL} BETWEEN a.starts_on AND a.ends_on
            AND (c.coordinator_id = a.user_id OR c.partner_id = a.user_id)
            AND (a.all_cases OR EXISTS (SELECT 1 FROM absence_cases x WHERE x.absence_id = a.id AND x.case_id = c.id)))"""

READ_ONLY_REACH = f"""EXISTS (SELECT 1 FROM case_hand_overs h WHERE h.case_id = c.id
            AND h.read_only_until >= {TODAY_SQL}
            AND (h.from_user_id = me.id OR (h.from_team <> '' AND h.from_team = me.team)))"""


# Who may plan an absence of ``user_id``: the user, or a team lead (or admin) of the user's team.
def _may_manage(user_id: str) -> str:
    return f"""EXISTS (SELECT 1 FROM users me WHERE me.login = {_ME_LOGIN} AND me.active AND (
            me.id = {user_id}
            OR (me.role IN ('team_lead', 'admin') AND me.team <> ''
                AND me.team = (SELECT o.team FROM users o WHERE o.id = {user_id}))))"""


def _refuse(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'insufficient_privilege';"


def _absence_guard(absent_of: str) -> str:
    """An absence (or a case listed on one) is planned, changed or removed only by the absent
    caseworker or their team lead; ``absent_of`` names the absent one's id for ``{row}``."""
    return f"""IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF NOT {_may_manage(absent_of.format(row="OLD"))} THEN
            {_refuse("only the caseworker or their team lead may change an absence")}
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NOT {_may_manage(absent_of.format(row="NEW"))} THEN
            {_refuse("only the caseworker or their team lead may plan an absence")}
        END IF;
    END IF;"""


_HAND_OVER_FIXED = (
    "case_id",
    "from_user_id",
    "to_user_id",
    "from_team",
    "handed_at",
    "note",
    "read_only_until",
)

# The start of the write functions of the team's tables (each test in an IF of its own:
# NEW is NULL in a DELETE).
TEAM_GUARDS = {
    # made only by koordinator_hand_over; afterwards only "seen" may be set, by the new coordinator
    "case_hand_overs": f"""IF TG_OP <> 'UPDATE' THEN
        {_refuse("a hand-over is made with koordinator_hand_over")}
    END IF;
    IF ({", ".join("NEW." + c for c in _HAND_OVER_FIXED)}) IS DISTINCT FROM ({", ".join("OLD." + c for c in _HAND_OVER_FIXED)})
       OR NOT EXISTS (SELECT 1 FROM users me WHERE me.login = {_ME_LOGIN} AND me.id = OLD.to_user_id) THEN
        {_refuse("only the new coordinator may mark a hand-over note as read")}
    END IF;""",
    "absences": _absence_guard("{row}.user_id"),
    "absence_cases": _absence_guard("(SELECT a.user_id FROM absences a WHERE a.id = {row}.absence_id)"),
}


def hand_over_function(schema: str) -> str:
    """koordinator_hand_over(case, login, note, read-only until): the one way a caseworker's
    role moves a case out of its own team's reach (``{base}`` is filled in by apply_reach)."""
    return f"""CREATE OR REPLACE FUNCTION {schema}.koordinator_hand_over(
    case_id integer, to_login text, note text, read_only_until date)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{base}}, pg_temp AS $$
DECLARE
    target integer;
    old_lead integer;
    old_team text;
BEGIN
    PERFORM koordinator_require_writer();
    IF NOT case_id = ANY(koordinator_my_writable_cases()) THEN
        RAISE EXCEPTION 'no such case within your reach' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(btrim(note), '') = '' THEN
        RAISE EXCEPTION 'a hand-over needs a note for the new coordinator' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF read_only_until IS NOT NULL AND (read_only_until < {TODAY_SQL}
            OR read_only_until > {TODAY_SQL} + {READ_ONLY_MAX_DAYS}) THEN
        RAISE EXCEPTION 'the read-only period is at most {READ_ONLY_MAX_DAYS} days from today'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT u.id INTO target FROM users u WHERE u.login = to_login AND u.active
        AND u.role IN ('caseworker', 'team_lead', 'admin');
    IF target IS NULL THEN
        RAISE EXCEPTION 'no active caseworker with that login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT c.coordinator_id, u.team INTO old_lead, old_team FROM cases c JOIN users u ON u.id = c.coordinator_id
    WHERE c.id = koordinator_hand_over.case_id FOR UPDATE OF c;
    IF old_lead = target THEN
        RAISE EXCEPTION 'that caseworker is already the case''s coordinator' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM koordinator_audit('hand_over', 'case', case_id, NULL, case_id, '', '',
        json_build_object('from', (SELECT u.login FROM users u WHERE u.id = old_lead), 'to', to_login,
                          'read_only_until', read_only_until)::text);
    INSERT INTO case_hand_overs (case_id, from_user_id, to_user_id, from_team, handed_at, note,
                                 read_only_until, version, created_at, updated_at, created_by, updated_by)
    VALUES (case_id, old_lead, target, coalesce(old_team, ''), now(), note, read_only_until, 1,
            now(), now(), session_user::text, session_user::text);
    UPDATE cases SET coordinator_id = target,
                     partner_id = CASE WHEN partner_id = target THEN NULL ELSE partner_id END,
                     version = version + 1, updated_by = session_user::text, updated_at = now()
    WHERE id = case_id;
    RETURN target;
END
$$"""
