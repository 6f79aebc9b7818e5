"""Case-list summaries kept on the ``cases`` row by the store itself (issue 19).

The case list sorts by the first person's CPR date and by the number of open agreements in
the newest plan. Computed per row at sort time, both cost a correlated sub-query for every
case in the store; kept on the row and indexed, a sorted page reads as few rows as it shows.

Triggers keep them, on SQLite and PostgreSQL alike, so every write path is covered — the
services, the demo, a migration, IT with ``psql``:

* ``cases.cpr6``: the first six digits of the CPR number of the case's single citizen, else
  of its family's first member (by position, then id) — what the list shows, masked;
* ``cases.open_agreements``: the open agreements of the case's newest plan version;
* ``cases.next_meeting_at``: the first planned meeting from the summary day's start on;
* ``cases.turning_18``: whether a person of the case turns 18 within a year of that day.

The last two depend on the date: the triggers read the day from ``summary_clock`` (one
row), which the program moves on at a new day (app/services/cases/case_summaries.py,
which also brings the rows the new day changes up to date). The SQL below is the one
definition: the triggers, the migration's backfill and the day's move use it.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN = "open"  # AgreementStatus.OPEN as stored (tests/store/test_case_summaries.py checks these)
PLANNED = "planned"  # MeetingStatus.PLANNED

# Correlated to the ``cases`` row being updated.
CPR6 = (
    "COALESCE("
    "(SELECT substr(ci.cpr, 1, 6) FROM citizens ci WHERE ci.id = cases.citizen_id), "
    "(SELECT substr(ci.cpr, 1, 6) FROM family_members fm JOIN citizens ci ON ci.id = fm.citizen_id "
    "WHERE fm.family_id = cases.family_id ORDER BY fm.position, fm.id LIMIT 1))"
)
OPEN_AGREEMENTS = (
    "(SELECT count(*) FROM agreements a JOIN plan_versions pv ON pv.id = a.plan_version_id "
    f"WHERE pv.case_id = cases.id AND a.status = '{OPEN}' AND pv.number = "
    "(SELECT max(p2.number) FROM plan_versions p2 WHERE p2.case_id = cases.id))"
)

NEXT_MEETING = (
    "(SELECT min(m.starts_at) FROM meetings m WHERE m.case_id = cases.id "
    f"AND m.status = '{PLANNED}' AND m.starts_at >= (SELECT k.since FROM summary_clock k WHERE k.id = 1))"
)
_IN_WINDOW = (
    "ci.birth_date > (SELECT k.born_after FROM summary_clock k WHERE k.id = 1) "
    "AND ci.birth_date <= (SELECT k.born_by FROM summary_clock k WHERE k.id = 1)"
)
TURNING_18 = (
    f"(EXISTS (SELECT 1 FROM citizens ci WHERE ci.id = cases.citizen_id AND {_IN_WINDOW}) "
    "OR EXISTS (SELECT 1 FROM family_members fm JOIN citizens ci ON ci.id = fm.citizen_id "
    f"WHERE fm.family_id = cases.family_id AND {_IN_WINDOW}))"
)

SET_PEOPLE = f"UPDATE cases SET cpr6 = {CPR6}, turning_18 = {TURNING_18}"
SET_OPEN = f"UPDATE cases SET open_agreements = {OPEN_AGREEMENTS}"
SET_NEXT_MEETING = f"UPDATE cases SET next_meeting_at = {NEXT_MEETING}"
SET_TURNING_18 = f"UPDATE cases SET turning_18 = {TURNING_18}"
BACKFILL = (
    f"UPDATE cases SET cpr6 = {CPR6}, open_agreements = {OPEN_AGREEMENTS}, "
    f"next_meeting_at = {NEXT_MEETING}, turning_18 = {TURNING_18}"
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger: on ``table``'s ``event``, run ``update`` for the cases matched by
    ``where`` (written with ``{row}``: NEW or OLD)."""

    name: str
    table: str
    event: str  # INSERT, DELETE, or UPDATE OF <columns>
    update: str
    rows: tuple[str, ...]  # "new", "old" or both
    where: str


_CITIZEN_CASES = (
    "cases.citizen_id = {row}.id OR cases.family_id IN "
    "(SELECT fm.family_id FROM family_members fm WHERE fm.citizen_id = {row}.id)"
)
_PLAN_CASE = "cases.id IN (SELECT pv.case_id FROM plan_versions pv WHERE pv.id = {row}.plan_version_id)"

RULES: tuple[Rule, ...] = (
    Rule("case_insert", "cases", "INSERT", BACKFILL, ("new",), "cases.id = {row}.id"),
    Rule(
        "case_people", "cases", "UPDATE OF citizen_id, family_id", SET_PEOPLE, ("new",), "cases.id = {row}.id"
    ),
    Rule("citizen_people", "citizens", "UPDATE OF cpr, birth_date", SET_PEOPLE, ("new",), _CITIZEN_CASES),
    Rule(
        "member_insert", "family_members", "INSERT", SET_PEOPLE, ("new",), "cases.family_id = {row}.family_id"
    ),
    Rule(
        "member_delete", "family_members", "DELETE", SET_PEOPLE, ("old",), "cases.family_id = {row}.family_id"
    ),
    Rule(
        "member_update",
        "family_members",
        "UPDATE OF family_id, citizen_id, position",
        SET_PEOPLE,
        ("old", "new"),
        "cases.family_id = {row}.family_id",
    ),
    Rule("agreement_insert", "agreements", "INSERT", SET_OPEN, ("new",), _PLAN_CASE),
    Rule("agreement_delete", "agreements", "DELETE", SET_OPEN, ("old",), _PLAN_CASE),
    Rule(
        "agreement_update",
        "agreements",
        "UPDATE OF status, plan_version_id",
        SET_OPEN,
        ("old", "new"),
        _PLAN_CASE,
    ),
    Rule("plan_insert", "plan_versions", "INSERT", SET_OPEN, ("new",), "cases.id = {row}.case_id"),
    Rule("plan_delete", "plan_versions", "DELETE", SET_OPEN, ("old",), "cases.id = {row}.case_id"),
    Rule(
        "plan_update",
        "plan_versions",
        "UPDATE OF number, case_id",
        SET_OPEN,
        ("old", "new"),
        "cases.id = {row}.case_id",
    ),
    Rule("meeting_insert", "meetings", "INSERT", SET_NEXT_MEETING, ("new",), "cases.id = {row}.case_id"),
    Rule("meeting_delete", "meetings", "DELETE", SET_NEXT_MEETING, ("old",), "cases.id = {row}.case_id"),
    Rule(
        "meeting_update",
        "meetings",
        "UPDATE OF status, starts_at, case_id",
        SET_NEXT_MEETING,
        ("old", "new"),
        "cases.id = {row}.case_id",
    ),
)

# The move to a new day: the rows whose date-dependent summaries the move can change.
NEXT_MEETING_PASSED = f"{SET_NEXT_MEETING} WHERE cases.next_meeting_at < :since"
_BORN_IN = "ci.birth_date > :{low} AND ci.birth_date <= :{high}"
_BIRTHDAY_CASES = (
    "cases.citizen_id IN (SELECT ci.id FROM citizens ci WHERE {born}) OR cases.family_id IN "
    "(SELECT fm.family_id FROM family_members fm JOIN citizens ci ON ci.id = fm.citizen_id WHERE {born})"
)
TURNING_18_CHANGED = (
    f"{SET_TURNING_18} WHERE "
    + _BIRTHDAY_CASES.format(born=_BORN_IN.format(low="old_after", high="old_by"))
    + " OR "
    + _BIRTHDAY_CASES.format(born=_BORN_IN.format(low="new_after", high="new_by"))
)
EVERY_DATE_SUMMARY = f"UPDATE cases SET next_meeting_at = {NEXT_MEETING}, turning_18 = {TURNING_18}"

PREFIX = "koordinator_summary_"

# The day a new store's clock starts at: the program's first move to today brings every
# date-dependent summary up to date (app/services/cases/case_summaries.py).
NEVER = {
    "id": 1,
    "day": "2000-01-01",
    "since": "2000-01-01 00:00:00",
    "born_after": "1982-01-01",
    "born_by": "1983-01-01",
}


def _where(rule: Rule) -> str:
    return " OR ".join(f"({rule.where.format(row=row)})" for row in rule.rows)


def sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER {PREFIX}{rule.name} AFTER {rule.event} ON {rule.table} "
        f"BEGIN {rule.update} WHERE {_where(rule)}; END"
        for rule in RULES
    ]


def pg_statements(schema: str) -> list[str]:
    """A function and a trigger per rule. The functions run as the tables' owner: a
    caseworker's write reaches the tables through the owner's functions already
    (app/store/reach.py), and these keep it so for the update of ``cases``."""
    statements: list[str] = []
    for rule in RULES:
        function = f"{schema}.{PREFIX}{rule.name}"
        statements.append(
            f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql "
            f"SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$ BEGIN "
            f"{rule.update} WHERE {_where(rule)}; RETURN NULL; END $$"
        )
        statements.append(f"DROP TRIGGER IF EXISTS {PREFIX}{rule.name} ON {schema}.{rule.table}")
        statements.append(
            f"CREATE TRIGGER {PREFIX}{rule.name} AFTER {rule.event} ON {schema}.{rule.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )
    return statements


def pg_drop(schema: str) -> list[str]:
    out: list[str] = []
    for rule in RULES:
        out.append(f"DROP TRIGGER IF EXISTS {PREFIX}{rule.name} ON {schema}.{rule.table}")
        out.append(f"DROP FUNCTION IF EXISTS {schema}.{PREFIX}{rule.name}()")
    return out


def sqlite_drop() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {PREFIX}{rule.name}" for rule in RULES]
