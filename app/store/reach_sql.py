"""The reach schema's SQL: the read and write rules of each table and the SECURITY DEFINER
functions the roles call instead (text only; app/store/reach.py puts it in place)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.models.enums import MeetingStatus
from app.store.reach_journal import JOURNAL_LOCK_HOURS as JOURNAL_LOCK_HOURS
from app.store.reach_journal import JOURNAL_LOCK_SETTING as JOURNAL_LOCK_SETTING
from app.store.reach_journal import journal_guard
from app.store.reach_team import ABSENCE_RULE as _ABSENCE_RULE
from app.store.reach_team import DEPUTY_REACH as _DEPUTY_REACH
from app.store.reach_team import READ_ONLY_REACH as _READ_ONLY_REACH
from app.store.reach_team import TEAM_GUARDS, TODAY_SQL, hand_over_function

REACH_SCHEMA = "koordinator_reach"
HAND_OVER_FUNCTION = hand_over_function(REACH_SCHEMA)

PENDING_MINUTES = 15  # how long a new family/citizen is reached through its creator alone


# Shared directories every staff role reads in full (views over the table).
DIRECTORIES = (
    "users",
    "law_sections",
    "alembic_version",
    "store_settings",
)  # professionals: a reach rule of its own


# The rows of each data table a role reaches, as a condition on ``t``. The variables
# ``mine`` (case ids), ``fams`` (family ids) and ``cits`` (citizen ids) hold the role's
# reach, computed once per statement by the functions below.
_PV = "SELECT p.id FROM plan_versions p WHERE p.case_id = ANY(mine)"
_DOC = "t.document_id IN (SELECT d.id FROM documents d WHERE d.case_id = ANY(mine))"
_ME_LOGIN = 'session_user::text COLLATE "default"'
_ME_ID = f"SELECT u.id FROM users u WHERE u.login = {_ME_LOGIN}"

READ_RULES: dict[str, str] = {
    "cases": "t.id = ANY(mine)",
    "families": "t.id = ANY(fams)",
    "family_members": "t.family_id = ANY(fams)",
    "citizens": "t.id = ANY(cits)",
    "case_professionals": "t.case_id = ANY(mine)",
    "goal_scores": "t.case_id = ANY(mine)",
    "meetings": "t.case_id = ANY(mine)",
    "plan_versions": "t.case_id = ANY(mine)",
    "interventions": "t.case_id = ANY(mine)",
    "transition_tracks": "t.case_id = ANY(mine)",
    "consents": "t.case_id = ANY(mine) OR (t.case_id IS NULL AND t.citizen_id = ANY(cits))",
    "intervention_slots": "t.intervention_id IN (SELECT i.id FROM interventions i WHERE i.case_id = ANY(mine))",
    "meeting_participants": "t.meeting_id IN (SELECT m.id FROM meetings m WHERE m.case_id = ANY(mine))",
    "transition_topics": "t.track_id IN (SELECT r.id FROM transition_tracks r WHERE r.case_id = ANY(mine))",
    "goals": f"t.plan_version_id IN ({_PV})",
    "goal_members": f"t.goal_id IN (SELECT g.id FROM goals g WHERE g.plan_version_id IN ({_PV}))",
    "agreements": f"t.plan_version_id IN ({_PV})",
    "plan_member_sections": f"t.plan_version_id IN ({_PV})",
    "plan_offer_comments": f"t.plan_version_id IN ({_PV})",
    "journal_entries": "t.case_id = ANY(mine)",
    "journal_entry_members": "t.entry_id IN (SELECT j.id FROM journal_entries j WHERE j.case_id = ANY(mine))",
    "documents": "t.case_id = ANY(mine)",
    "document_files": _DOC,
    "document_members": _DOC,
    # a task of a case goes with the case; one of no case with its creator and assignee
    "tasks": f"t.case_id = ANY(mine) OR (t.case_id IS NULL AND (t.created_by = {_ME_LOGIN} OR t.assigned_to_id IN ({_ME_ID})))",
    # when I last looked: mine alone
    "case_last_seen": f"t.case_id = ANY(mine) AND t.user_id IN ({_ME_ID})",
    "case_hand_overs": "t.case_id = ANY(mine)",
    # absences: my own, those I cover, and my team's (the team lead plans the cover)
    "absences": _ABSENCE_RULE.format(a="t"),
    "absence_cases": f"t.absence_id IN (SELECT a.id FROM absences a WHERE {_ABSENCE_RULE.format(a='a')})",
    "professionals": "true",
}


PENDING_TABLES = ("families", "family_members", "citizens")


# A professional (a shared directory entry) is changed by the login that entered it or by
# a colleague of the same team, and removed only by IT. Linking one into one's own case
# gives no right to change it (else any entry could be linked, changed and unlinked). The
# rule looks at the entry's creator and the login's team alone, both readable anyway: a
# refusal tells nothing of other teams' networks, and its cost depends on no other table.
_PROFESSIONAL_NOT_MINE = """(
    OLD.created_by IS DISTINCT FROM session_user::text COLLATE "default"
    AND NOT EXISTS (SELECT 1 FROM users creator
                    JOIN users me ON me.login = session_user::text COLLATE "default" AND me.active
                    WHERE creator.login = OLD.created_by AND creator.team <> '' AND creator.team = me.team))"""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    references: tuple[tuple[str, str], ...]  # (column, referenced table)


# One case ``c`` within the logged-in role's reach (that of koordinator_my_cases(), for
# cases named one by one: through the primary key, not a scan of every case).
_CASE_AND_ME = """cases c JOIN users lead ON lead.id = c.coordinator_id
        JOIN users me ON me.login = session_user::text COLLATE "default" AND me.active"""


_OWN_REACH = "c.coordinator_id = me.id OR c.partner_id = me.id OR (lead.team <> '' AND lead.team = me.team)"

_IN_REACH = f"({_OWN_REACH} OR {_DEPUTY_REACH} OR {_READ_ONLY_REACH})"
_IN_WRITABLE_REACH = f"({_OWN_REACH} OR {_DEPUTY_REACH})"


# The program's hint that a read concerns some cases only (see narrowed_to).
NARROW_SETTING = "koordinator.narrow"


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _uses(rule: str, var: str) -> bool:
    return var in rule


def reach_functions(base: str) -> list[str]:
    """The functions that compute a role's reach (owner-only: definer functions call them)."""
    definer = f"SECURITY DEFINER SET search_path = {base}, pg_temp"
    me = 'SELECT u.id, u.team FROM users u WHERE u.login = session_user::text COLLATE "default" AND u.active'
    return [
        f"""CREATE OR REPLACE FUNCTION koordinator_case_reach(for_writing boolean) RETURNS integer[]
LANGUAGE plpgsql STABLE {definer} AS $$
DECLARE
    narrow integer[] := nullif(current_setting('{NARROW_SETTING}', true), '')::integer[];
BEGIN
    IF narrow IS NOT NULL THEN
        -- the program's hint for one read (narrowed_to): these cases, each checked for reach
        RETURN (SELECT coalesce(array_agg(c.id), '{{}}') FROM {_CASE_AND_ME}
                WHERE c.id = ANY(narrow)
                  AND CASE WHEN for_writing THEN {_IN_WRITABLE_REACH} ELSE {_IN_REACH} END);
    END IF;
    RETURN (WITH me AS ({me}),
    deputy_for AS (
        SELECT a.id, a.user_id, a.all_cases FROM absences a
        WHERE a.deputy_id = (SELECT id FROM me) AND {TODAY_SQL} BETWEEN a.starts_on AND a.ends_on
    )
    SELECT coalesce(array_agg(DISTINCT found.id), '{{}}') FROM (
        SELECT c.id FROM cases c
        WHERE c.coordinator_id = (SELECT id FROM me) OR c.partner_id = (SELECT id FROM me)
           OR c.coordinator_id = ANY (ARRAY(SELECT mate.id FROM users mate
                                           WHERE mate.team <> '' AND mate.team = (SELECT team FROM me)))
        UNION ALL
        SELECT c.id FROM deputy_for a JOIN cases c ON c.coordinator_id = a.user_id
        WHERE a.all_cases OR EXISTS (SELECT 1 FROM absence_cases x WHERE x.absence_id = a.id AND x.case_id = c.id)
        UNION ALL
        SELECT c.id FROM deputy_for a JOIN cases c ON c.partner_id = a.user_id
        WHERE a.all_cases OR EXISTS (SELECT 1 FROM absence_cases x WHERE x.absence_id = a.id AND x.case_id = c.id)
        UNION ALL
        SELECT h.case_id FROM case_hand_overs h
        WHERE NOT for_writing AND h.read_only_until >= {TODAY_SQL}
          AND (h.from_user_id = (SELECT id FROM me)
               OR (h.from_team <> '' AND h.from_team = (SELECT team FROM me)))
    ) found);
END
$$""",
        f"""CREATE OR REPLACE FUNCTION koordinator_my_cases() RETURNS integer[]
LANGUAGE sql STABLE {definer} AS $$
    SELECT koordinator_case_reach(false)
$$""",
        f"""CREATE OR REPLACE FUNCTION koordinator_my_writable_cases() RETURNS integer[]
LANGUAGE sql STABLE {definer} AS $$
    SELECT koordinator_case_reach(true)
$$""",
        f"""CREATE OR REPLACE FUNCTION koordinator_my_families(mine integer[]) RETURNS integer[]
LANGUAGE sql STABLE {definer} AS $$
    SELECT coalesce(array_agg(DISTINCT f), '{{}}') FROM (
        SELECT c.family_id AS f FROM cases c WHERE c.id = ANY(mine) AND c.family_id IS NOT NULL
        UNION ALL
        SELECT n.id FROM families n
        WHERE n.created_at > now() - interval '{PENDING_MINUTES} minutes'
          AND n.created_by = session_user::text COLLATE "default"
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.family_id = n.id)
          AND EXISTS (SELECT 1 FROM users u WHERE u.login = session_user::text COLLATE "default" AND u.active)
    ) found
$$""",
        f"""CREATE OR REPLACE FUNCTION koordinator_my_citizens(mine integer[], fams integer[]) RETURNS integer[]
LANGUAGE sql STABLE {definer} AS $$
    SELECT coalesce(array_agg(DISTINCT z), '{{}}') FROM (
        SELECT c.citizen_id AS z FROM cases c WHERE c.id = ANY(mine) AND c.citizen_id IS NOT NULL
        UNION ALL
        -- members of my cases' families only: a family not yet in a case gives reach to no one
        -- already registered (else a "shadow" family would keep a person after a hand-over)
        SELECT m.citizen_id FROM family_members m JOIN cases c ON c.family_id = m.family_id
        WHERE c.id = ANY(mine)
        UNION ALL
        SELECT n.id FROM citizens n
        WHERE n.created_at > now() - interval '{PENDING_MINUTES} minutes'
          AND n.created_by = session_user::text COLLATE "default"
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.citizen_id = n.id)
          AND NOT EXISTS (SELECT 1 FROM family_members m JOIN cases c ON c.family_id = m.family_id
                          WHERE m.citizen_id = n.id)
          AND EXISTS (SELECT 1 FROM users u WHERE u.login = session_user::text COLLATE "default" AND u.active)
    ) found
$$""",
        f"""CREATE OR REPLACE FUNCTION koordinator_require_writer() RETURNS void
LANGUAGE plpgsql STABLE {definer} AS $$
BEGIN
    IF NOT koordinator_may_write()
       AND NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = session_user AND r.rolsuper)
       AND session_user::text <> (SELECT pg_get_userbyid(c.relowner) FROM pg_class c
                                  WHERE c.oid = 'cases'::regclass) THEN
        RAISE EXCEPTION 'your role may not change the store' USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$""",
        f"""CREATE OR REPLACE FUNCTION koordinator_may_write() RETURNS boolean
LANGUAGE sql STABLE {definer} AS $$
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.login = session_user::text COLLATE "default"
                   AND u.active AND u.role IN ('caseworker', 'team_lead', 'admin'))
$$""",
    ]


def _declare(rule: str) -> str:
    if rule == "true":
        return ""
    lines = ["mine integer[] := koordinator_my_cases();"]
    if _uses(rule, "fams") or _uses(rule, "cits"):
        lines.append("fams integer[] := koordinator_my_families(mine);")
    if _uses(rule, "cits"):
        lines.append("cits integer[] := koordinator_my_citizens(mine, fams);")
    return "\n    ".join(lines)


def read_function(base: str, table: Table) -> str:
    rule = READ_RULES[table.name]
    return f"""CREATE OR REPLACE FUNCTION {REACH_SCHEMA}.{quote_ident("read_" + table.name)}()
RETURNS SETOF {base}.{quote_ident(table.name)}
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 1000 SET search_path = {base}, pg_temp AS $$
DECLARE
    {_declare(rule)}
BEGIN
    RETURN QUERY SELECT t.* FROM {quote_ident(table.name)} t WHERE {rule};
END
$$"""


def _reference_check(column: str, target: str) -> str | None:
    """The condition that a referenced row is within reach (before the write)."""
    value = f"NEW.{quote_ident(column)}"
    if target == "cases":
        return f"({value} IS NULL OR {value} = ANY(mine))"
    if target == "families":
        return f"({value} IS NULL OR {value} = ANY(fams))"
    if target == "citizens":
        return f"({value} IS NULL OR {value} = ANY(cits))"
    if target in READ_RULES and READ_RULES[target] != "true":
        return f"({value} IS NULL OR EXISTS (SELECT 1 FROM {quote_ident(target)} t WHERE t.id = {value} AND ({READ_RULES[target]})))"
    return None  # a directory: any row may be referenced


def write_function(base: str, table: Table) -> str:
    name = quote_ident(table.name)
    checks = [c for c in (_reference_check(col, target) for col, target in table.references) if c]
    before = " AND ".join(checks) if checks else "true"
    columns = ", ".join(quote_ident(c) for c in table.columns)
    values = ", ".join(f"NEW.{quote_ident(c)}" for c in table.columns)
    stamp_insert = stamp_update = ""
    if "created_by" in table.columns:
        stamp_insert = "NEW.created_by := session_user::text;"
        stamp_update = "NEW.created_by := OLD.created_by;"
        if table.name in PENDING_TABLES:
            stamp_insert += " NEW.created_at := now();"
            stamp_update += " NEW.created_at := OLD.created_at;"
    if "updated_by" in table.columns:
        stamp_insert += " NEW.updated_by := session_user::text;"
        stamp_update += " NEW.updated_by := session_user::text;"
    if "version" in table.columns:
        # every change moves the row version on by one, as the program's own writes do: a
        # change written by hand cannot keep the version and slip past a colleague's check
        stamp_insert += " NEW.version := 1;"
        stamp_update += " NEW.version := OLD.version + 1;"
    guard_old = ""
    if table.name == "cases":
        stamp_insert += """
        DELETE FROM koordinator_drawn_numbers d
        WHERE d.number = NEW.number AND d.login = session_user::text COLLATE "default";
        IF NOT FOUND THEN
            RAISE EXCEPTION 'a case number is drawn with koordinator_next_case_number' USING ERRCODE = 'insufficient_privilege';
        END IF;"""
        stamp_update += " NEW.number := OLD.number;"
        stamp_update += """
        IF NEW.coordinator_id IS DISTINCT FROM OLD.coordinator_id OR NEW.partner_id IS DISTINCT FROM OLD.partner_id THEN
            PERFORM koordinator_audit('change_coordinators', 'case', OLD.id, NULL, OLD.id, '', '',
                json_build_object('coordinator', json_build_array(OLD.coordinator_id, NEW.coordinator_id),
                                  'partner', json_build_array(OLD.partner_id, NEW.partner_id))::text);
        END IF;"""
    if table.name == "professionals":
        guard_old = f"""IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'professionals are removed by IT' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' AND {_PROFESSIONAL_NOT_MINE} THEN
        RAISE EXCEPTION 'this professional was entered by another team' USING ERRCODE = 'insufficient_privilege';
    END IF;"""
    if table.name in TEAM_GUARDS:
        guard_old = TEAM_GUARDS[table.name]
    if table.name in ("journal_entries", "journal_entry_members"):
        guard_old = journal_guard(table.name)
        if table.name == "journal_entries":
            # the lock runs from when the server stored the entry: a time of the caller's
            # choosing (one far ahead) would keep an entry open for ever
            stamp_insert += " NEW.created_at := now();"
            stamp_update += " NEW.created_at := OLD.created_at;"
    after_rule = re.sub(r"\bt\.", "written.", READ_RULES[table.name])
    return f"""CREATE OR REPLACE FUNCTION {REACH_SCHEMA}.{quote_ident("write_" + table.name)}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {base}, pg_temp AS $$
DECLARE
    mine integer[] := koordinator_my_writable_cases();
    fams integer[] := koordinator_my_families(mine);
    cits integer[] := koordinator_my_citizens(mine, fams);
    written {name}%ROWTYPE;
BEGIN
    PERFORM koordinator_require_writer();
    {guard_old}
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {name} WHERE id = OLD.id;
        RETURN OLD;
    END IF;
    IF NOT ({before}) THEN
        RAISE EXCEPTION 'a referenced row is not within your reach' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- always a new id from the sequence: an id of the caller's choosing would tell
        -- (by a duplicate-key error) whether a hidden row has it, or block others' inserts
        NEW.id := nextval(pg_get_serial_sequence('{base}.{name}', 'id'));
        {stamp_insert}
        INSERT INTO {name} ({columns}) VALUES ({values}) RETURNING * INTO written;
    ELSE
        NEW.id := OLD.id;
        {stamp_update}
        UPDATE {name} SET ({columns}) = ROW({values}) WHERE id = OLD.id RETURNING * INTO written;
    END IF;
    mine := koordinator_my_writable_cases();
    fams := koordinator_my_families(mine);
    cits := koordinator_my_citizens(mine, fams);
    IF NOT ({after_rule}) THEN
        RAISE EXCEPTION 'the row would be outside your reach' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN written;
END
$$"""


LOCK_FUNCTION = f"""CREATE OR REPLACE FUNCTION {REACH_SCHEMA}.koordinator_lock(tbl text, row_id integer)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{base}}, pg_temp AS $$
DECLARE
    found boolean;
BEGIN
    IF tbl NOT IN ({", ".join(f"'{t}'" for t in READ_RULES)}) THEN
        RAISE EXCEPTION 'no such table' USING ERRCODE = 'insufficient_privilege';
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM {REACH_SCHEMA}.%I() WHERE id = $1)', 'read_' || tbl) INTO found USING row_id;
    IF NOT found THEN
        RETURN false;
    END IF;
    IF tbl = 'professionals' THEN
        RETURN false;  -- a shared directory row: edits are checked by the write rule instead
    END IF;
    EXECUTE format('SELECT 1 FROM %I WHERE id = $1 FOR NO KEY UPDATE', tbl) USING row_id;
    RETURN true;
END
$$"""


NEXT_NUMBER_FUNCTION = f"""CREATE OR REPLACE FUNCTION {REACH_SCHEMA}.koordinator_next_case_number(year integer)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{base}}, pg_temp AS $$
DECLARE
    drawn text;
    next_number bigint;
BEGIN
    PERFORM koordinator_require_writer();
    IF year < 2000 OR year > 2999 THEN
        RAISE EXCEPTION 'no such year' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- a sequence per year: drawing a number holds no lock another caseworker could wait on
    IF to_regclass(format('koordinator_case_numbers_%s', year)) IS NULL THEN
        PERFORM koordinator_sync_case_numbers(year);
    END IF;
    next_number := nextval(format('koordinator_case_numbers_%s', year));
    -- at least four digits, never cut: number 10000 is K-2027-10000
    drawn := 'K-' || year || '-' || lpad(next_number::text, greatest(4, length(next_number::text)), '0');
    INSERT INTO koordinator_drawn_numbers (number, login) VALUES (drawn, session_user::text);
    RETURN drawn;
END
$$"""


# Bring a year's sequence past every number in use (made on first use; after a bulk load).
SYNC_NUMBERS_FUNCTION = """CREATE OR REPLACE FUNCTION koordinator_sync_case_numbers(year integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {base}, pg_temp AS $$
DECLARE
    seq text := format('koordinator_case_numbers_%s', year);
    used integer;
    now_at bigint;
BEGIN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq);
    SELECT greatest(
        coalesce((SELECT k.last FROM case_number_counters k WHERE k.year = koordinator_sync_case_numbers.year), 0),
        coalesce((SELECT max(substr(c.number, 8)::integer) FROM cases c
                  WHERE c.number LIKE 'K-' || year || '-%' AND substr(c.number, 8) ~ '^[0-9]{1,9}$'), 0))
    INTO used;
    EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %I', seq) INTO now_at;
    IF used > now_at THEN
        PERFORM setval(seq, used);
    END IF;
END
$$"""


DRAWN_TABLE = """CREATE TABLE IF NOT EXISTS koordinator_drawn_numbers (
    number text PRIMARY KEY,
    login text NOT NULL,
    drawn_at timestamptz NOT NULL DEFAULT now()
)"""


# The case list's computed columns, one case at a time. A reach view is a function's whole
# result, so a column such as "next meeting" read through the views costs every reached
# meeting for each page; these functions read the facts of one case through the tables'
# indexes, and only for a case within reach (else NULL). They are costly for the planner
# (COST), so it computes them after the sort and limit, for the page's rows alone. The
# reach condition is that of koordinator_my_cases(), for one case (a test holds them equal).
_REACHES_TARGET = f"EXISTS (SELECT 1 FROM {_CASE_AND_ME} WHERE c.id = target AND {_IN_REACH})"


_FIRST_MEMBER = """FROM cases c JOIN family_members m ON m.family_id = c.family_id JOIN citizens z ON z.id = m.citizen_id
        WHERE c.id = target"""


_SINGLE = "FROM cases c JOIN citizens z ON z.id = c.citizen_id WHERE c.id = target"


_IN_WINDOW = "z.birth_date > born_after AND z.birth_date <= born_by"


CASE_FACTS: dict[str, tuple[str, str, str]] = {  # name: (parameters, result type, value)
    "case_next_meeting": (
        "target integer, from_time timestamptz",
        "timestamptz",
        f"""(SELECT min(t.starts_at) FROM meetings t WHERE t.case_id = target
        AND t.status = '{MeetingStatus.PLANNED.value}' AND t.starts_at >= from_time)""",
    ),
    "case_turning_18": (
        "target integer, born_after date, born_by date",
        "boolean",
        f"""EXISTS (SELECT 1 {_SINGLE} AND {_IN_WINDOW})
        OR EXISTS (SELECT 1 {_FIRST_MEMBER} AND {_IN_WINDOW})""",
    ),
}


# Cases within reach with a person whose CPR number lies in [cpr_from, cpr_to) (a prefix
# search). The reached people come first and their numbers are looked up one by one, so
# the time taken depends on the reach alone, never on how many people outside it match.
CPR_SEARCH_FUNCTION = f"""CREATE OR REPLACE FUNCTION {REACH_SCHEMA}.cases_with_cpr(cpr_from text, cpr_to text)
RETURNS SETOF integer LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 10 SET search_path = {{base}}, pg_temp AS $$
DECLARE
    mine integer[] := koordinator_my_cases();
BEGIN
    RETURN QUERY
    WITH people AS MATERIALIZED (
        SELECT c.id AS case_id, c.citizen_id FROM cases c WHERE c.id = ANY(mine) AND c.citizen_id IS NOT NULL
        UNION ALL
        SELECT c.id, m.citizen_id FROM cases c JOIN family_members m ON m.family_id = c.family_id
        WHERE c.id = ANY(mine)
    )
    SELECT DISTINCT p.case_id FROM people p
    CROSS JOIN LATERAL (SELECT z.cpr FROM citizens z WHERE z.id = p.citizen_id OFFSET 0) k
    WHERE k.cpr >= cpr_from AND k.cpr < cpr_to;
END
$$"""


def fact_function(name: str, parameters: str, result: str, value: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION {REACH_SCHEMA}.{name}({parameters}) RETURNS {result}
LANGUAGE plpgsql STABLE SECURITY DEFINER COST 1000 SET search_path = {{base}}, pg_temp AS $$
BEGIN
    IF NOT {_REACHES_TARGET} THEN
        RETURN NULL;
    END IF;
    RETURN {value};
END
$$"""


def fact_signature(parameters: str) -> str:
    return ", ".join(part.split()[-1] for part in parameters.split(","))


# Per-login channels: a notice reaches the roles that reach its case, under a channel name
# nobody else can compute; directory changes go to a common channel without any id.
CHANNEL_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION koordinator_channel(login text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {base}, pg_temp AS $$
    SELECT 'koordinator_' || substr(encode(sha256(convert_to(s.value || ':' || login, 'UTF8')), 'hex'), 1, 40)
    FROM koordinator_secret s
$$""",
    """CREATE OR REPLACE FUNCTION koordinator_my_channels() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {base}, pg_temp AS $$
    SELECT ARRAY['koordinator_changes', koordinator_channel(session_user::text)]
$$""",
    """CREATE OR REPLACE FUNCTION koordinator_notify() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {base}, pg_temp AS $$
DECLARE
    row_data jsonb;
    case_ids integer[];
    payload text;
    login text;
BEGIN
    IF TG_OP = 'DELETE' THEN row_data := to_jsonb(OLD); ELSE row_data := to_jsonb(NEW); END IF;
    IF TG_TABLE_NAME IN ('users', 'professionals', 'law_sections') THEN
        PERFORM pg_notify('koordinator_changes', json_build_object(
            't', TG_TABLE_NAME, 'x', current_setting('koordinator.client', true))::text);
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'cases' THEN
        case_ids := ARRAY[(row_data ->> 'id')::integer];
    ELSIF row_data ? 'case_id' AND row_data ->> 'case_id' IS NOT NULL THEN
        case_ids := ARRAY[(row_data ->> 'case_id')::integer];
    ELSIF TG_TABLE_NAME IN ('families', 'family_members') THEN
        SELECT array_agg(c.id) INTO case_ids FROM cases c WHERE c.family_id =
            (CASE WHEN TG_TABLE_NAME = 'families' THEN row_data ->> 'id' ELSE row_data ->> 'family_id' END)::integer;
    ELSIF TG_TABLE_NAME = 'citizens' THEN
        SELECT array_agg(c.id) INTO case_ids FROM cases c WHERE c.citizen_id = (row_data ->> 'id')::integer
            OR c.family_id IN (SELECT m.family_id FROM family_members m WHERE m.citizen_id = (row_data ->> 'id')::integer);
    ELSIF TG_TABLE_NAME IN ('goals', 'agreements', 'plan_member_sections', 'plan_offer_comments') THEN
        SELECT array_agg(p.case_id) INTO case_ids FROM plan_versions p WHERE p.id = (row_data ->> 'plan_version_id')::integer;
    ELSIF TG_TABLE_NAME = 'goal_members' THEN
        SELECT array_agg(p.case_id) INTO case_ids FROM goals g JOIN plan_versions p ON p.id = g.plan_version_id WHERE g.id = (row_data ->> 'goal_id')::integer;
        IF case_ids IS NULL THEN RETURN NULL; END IF;  -- removed with its goal: the goal's own notice tells
    ELSIF TG_TABLE_NAME = 'meeting_participants' THEN
        SELECT array_agg(m.case_id) INTO case_ids FROM meetings m WHERE m.id = (row_data ->> 'meeting_id')::integer;
    ELSIF TG_TABLE_NAME = 'intervention_slots' THEN
        SELECT array_agg(i.case_id) INTO case_ids FROM interventions i WHERE i.id = (row_data ->> 'intervention_id')::integer;
    ELSIF TG_TABLE_NAME = 'transition_topics' THEN
        SELECT array_agg(r.case_id) INTO case_ids FROM transition_tracks r WHERE r.id = (row_data ->> 'track_id')::integer;
    END IF;
    FOR login IN
        SELECT DISTINCT u.login FROM cases c
        JOIN users lead ON lead.id = c.coordinator_id
        JOIN users u ON u.id = c.coordinator_id OR u.id = c.partner_id OR (lead.team <> '' AND u.team = lead.team)
        WHERE c.id = ANY(coalesce(case_ids, '{{}}'))
        UNION SELECT u.login FROM cases c JOIN users u ON true JOIN users me ON me.id = u.id
        WHERE c.id = ANY(coalesce(case_ids, '{{}}')) AND (__TEAM_REACH__)
        UNION SELECT u.login FROM users u WHERE u.role = 'admin'
            OR (TG_TABLE_NAME = 'absences' AND u.id IN ((row_data ->> 'user_id')::integer, (row_data ->> 'deputy_id')::integer))
        UNION SELECT row_data ->> 'created_by' WHERE case_ids IS NULL
    LOOP
        FOREACH payload IN ARRAY coalesce(
            (SELECT array_agg(json_build_object('t', TG_TABLE_NAME, 'c', x, 'x',
                current_setting('koordinator.client', true))::text) FROM unnest(case_ids) x),
            ARRAY[json_build_object('t', TG_TABLE_NAME, 'x', current_setting('koordinator.client', true))::text])
        LOOP
            PERFORM pg_notify(koordinator_channel(login), payload);
        END LOOP;
    END LOOP;
    RETURN NULL;
END
$$""",
]


# the deputies and read-only readers of a case hear of its changes too
CHANNEL_FUNCTIONS[-1] = CHANNEL_FUNCTIONS[-1].replace(
    "__TEAM_REACH__", f"{_DEPUTY_REACH} OR {_READ_ONLY_REACH}"
)


SECRET_TABLE = """CREATE TABLE IF NOT EXISTS koordinator_secret (
    id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    value text NOT NULL
)"""


SECRET_FILL = (
    "INSERT INTO koordinator_secret (id, value) "
    "SELECT 1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') "
    "WHERE NOT EXISTS (SELECT 1 FROM koordinator_secret)"
)
