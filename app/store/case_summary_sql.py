"""Case-list summaries kept on the ``cases`` row by the store itself (issue 19).

The case list sorts by the first person's CPR date and by the number of open agreements in
the newest plan. Computed per row at sort time, both cost a correlated sub-query for every
case in the store; kept on the row and indexed, a sorted page reads as few rows as it shows.

Triggers keep them, on SQLite and PostgreSQL alike, so every write path is covered — the
services, the demo, a migration, IT with ``psql``:

* ``cases.cpr6``: the first six digits of the CPR number of the case's single citizen, else
  of its family's first member (by position, then id) — what the list shows, masked;
* ``cases.open_agreements``: the open agreements of the case's newest plan version.

Neither depends on the clock. The SQL below is the one definition: the triggers, the
migration's backfill and the tests' recomputation all use it.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN = "open"  # AgreementStatus.OPEN as stored (tests/store/test_case_summaries.py checks it)

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

SET_CPR6 = f"UPDATE cases SET cpr6 = {CPR6}"
SET_OPEN = f"UPDATE cases SET open_agreements = {OPEN_AGREEMENTS}"
BACKFILL = f"UPDATE cases SET cpr6 = {CPR6}, open_agreements = {OPEN_AGREEMENTS}"


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
        "case_people", "cases", "UPDATE OF citizen_id, family_id", SET_CPR6, ("new",), "cases.id = {row}.id"
    ),
    Rule("citizen_cpr", "citizens", "UPDATE OF cpr", SET_CPR6, ("new",), _CITIZEN_CASES),
    Rule(
        "member_insert", "family_members", "INSERT", SET_CPR6, ("new",), "cases.family_id = {row}.family_id"
    ),
    Rule(
        "member_delete", "family_members", "DELETE", SET_CPR6, ("old",), "cases.family_id = {row}.family_id"
    ),
    Rule(
        "member_update",
        "family_members",
        "UPDATE OF family_id, citizen_id, position",
        SET_CPR6,
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
)

PREFIX = "koordinator_summary_"


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
