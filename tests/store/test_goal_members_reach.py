"""Whom a goal concerns (goal_members) on a shared server: reached exactly as the goals are.
A caseworker reads and writes the rows of her team's plans only — not through the program
and not with her own login and plain SQL — and change notices reach only those who reach
the case."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any

import psycopg
import pytest

from app.services.plan.plan_document import load_plan_document
from app.services.plan.plan_draft import PlanDraft
from app.services.plan.plans import current_draft_id, save_draft
from app.startup import open_context
from tests.shared_server import SharedStore
from tests.store.test_hostile_roles import _admin, psql

pytestmark = pytest.mark.postgres

STAMP = "1, now(), now(), 'x', 'x'"


def _a_goal_of(store: SharedStore, team: str) -> dict[str, Any]:
    """A goal with members in the team's first case that has one (read by IT): its id, case,
    a member it names, and a member of the case it does not name."""
    row = _admin(
        store,
        "SELECT g.id, p.case_id, m.citizen_id FROM goals g JOIN plan_versions p ON p.id = g.plan_version_id "
        "JOIN goal_members m ON m.goal_id = g.id WHERE p.case_id = ANY(:cases) ORDER BY p.case_id, g.id LIMIT 1",
        cases=store.cases[team],
    )[0]
    other = _admin(
        store,
        "SELECT fm.citizen_id FROM cases c JOIN family_members fm ON fm.family_id = c.family_id "
        "WHERE c.id = :c AND fm.citizen_id NOT IN (SELECT citizen_id FROM goal_members WHERE goal_id = :g) "
        "UNION SELECT c.citizen_id FROM cases c WHERE c.id = :c AND c.citizen_id IS NOT NULL",
        c=row[1],
        g=row[0],
    )
    return {"goal": row[0], "case": row[1], "member": row[2], "other": other[0][0] if other else None}


def _rows_of(store: SharedStore, cases: list[int]) -> set[tuple[int, int]]:
    return {
        (g, c)
        for g, c in _admin(
            store,
            "SELECT m.goal_id, m.citizen_id FROM goal_members m JOIN goals g ON g.id = m.goal_id "
            "JOIN plan_versions p ON p.id = g.plan_version_id WHERE p.case_id = ANY(:cases)",
            cases=cases,
        )
    }


@pytest.fixture
def goals(shared_store: SharedStore) -> dict[str, dict[str, Any]]:
    return {"A": _a_goal_of(shared_store, "A"), "B": _a_goal_of(shared_store, "B")}


def test_plain_sql_reads_the_goal_members_of_the_teams_plans_only(
    shared_store: SharedStore, goals: dict[str, dict[str, Any]]
) -> None:
    a_rows, b_rows = (
        _rows_of(shared_store, shared_store.cases["A"]),
        _rows_of(shared_store, shared_store.cases["B"]),
    )
    assert a_rows and b_rows
    for who, own, other in (
        ("anna", a_rows, b_rows),
        ("ali", a_rows, b_rows),
        ("lead_a", a_rows, b_rows),
        ("reader", a_rows, b_rows),
        ("bo", b_rows, a_rows),
    ):
        with psql(shared_store, who) as conn:
            seen = set(conn.execute("SELECT goal_id, citizen_id FROM goal_members").fetchall())
            assert seen == own, who
            team_other = "B" if own is a_rows else "A"
            by_id = conn.execute(
                "SELECT count(*) FROM goal_members WHERE goal_id = %s", (goals[team_other]["goal"],)
            )
            assert by_id.fetchone() == (0,), who
            joined = conn.execute(
                "SELECT count(*) FROM goal_members m JOIN goals g ON g.id = m.goal_id "
                "JOIN plan_versions p ON p.id = g.plan_version_id WHERE p.case_id = %s",
                (goals[team_other]["case"],),
            )
            assert joined.fetchone() == (0,), who
            assert not (seen & other)
    with psql(shared_store, "admin") as conn:
        assert set(conn.execute("SELECT goal_id, citizen_id FROM goal_members").fetchall()) >= a_rows | b_rows


def test_plain_sql_changes_no_goal_members_outside_reach(
    shared_store: SharedStore, goals: dict[str, dict[str, Any]]
) -> None:
    a, b = goals["A"], goals["B"]
    before = _rows_of(shared_store, shared_store.cases["A"])
    row = "version, created_at, updated_at, created_by, updated_by"
    attacks = [
        ("UPDATE goal_members SET citizen_id = %s WHERE goal_id = %s", (b["member"], a["goal"])),
        ("DELETE FROM goal_members WHERE goal_id = %s", (a["goal"],)),
        ("DELETE FROM goal_members WHERE citizen_id = %s", (a["member"],)),
        # a person of team A into Bo's goal, or one of his into A's goal
        (
            f"INSERT INTO goal_members (goal_id, citizen_id, {row}) VALUES (%s, %s, {STAMP})",
            (b["goal"], a["member"]),
        ),
        (
            f"INSERT INTO goal_members (goal_id, citizen_id, {row}) VALUES (%s, %s, {STAMP})",
            (a["goal"], b["member"]),
        ),
        # his own row moved onto A's goal
        ("UPDATE goal_members SET goal_id = %s WHERE goal_id = %s", (a["goal"], b["goal"])),
    ]
    for sql, params in attacks:
        with psql(shared_store, "bo") as conn:
            try:
                changed = conn.execute(sql, params).rowcount
            except psycopg.errors.InsufficientPrivilege as exc:
                assert "reach" in str(exc), sql
            else:
                assert changed == 0, sql
    assert _rows_of(shared_store, shared_store.cases["A"]) == before
    # Within his reach the same statements work: the rule is reach, not a ban on the table.
    if b["other"] is not None:
        with psql(shared_store, "bo") as conn:
            conn.execute(
                f"INSERT INTO goal_members (goal_id, citizen_id, {row}) VALUES (%s, %s, {STAMP})",
                (b["goal"], b["other"]),
            )
            assert (
                conn.execute(
                    "DELETE FROM goal_members WHERE goal_id = %s AND citizen_id = %s", (b["goal"], b["other"])
                ).rowcount
                == 1
            )


def test_a_read_only_role_reads_the_members_but_changes_nothing(
    shared_store: SharedStore, goals: dict[str, dict[str, Any]]
) -> None:
    a = goals["A"]
    with psql(shared_store, "reader") as conn:
        assert (a["goal"], a["member"]) in set(
            conn.execute("SELECT goal_id, citizen_id FROM goal_members").fetchall()
        )
        for sql in (
            "DELETE FROM goal_members WHERE goal_id = %s",
            "UPDATE goal_members SET version = version WHERE goal_id = %s",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, (a["goal"],))
    assert (a["goal"], a["member"]) in _rows_of(shared_store, shared_store.cases["A"])


def test_the_program_saves_members_through_the_reach_views_and_the_team_hears_of_it(
    shared_store: SharedStore, goals: dict[str, dict[str, Any]]
) -> None:
    """Anna gives a goal of Lise's plan one more member with the program (rows deleted and
    written through her views); Ali (her team) hears of the case, Bo hears nothing of it."""
    a = goals["A"]
    with psql(shared_store, "ali") as ali, psql(shared_store, "bo") as bo:
        for conn in (ali, bo):
            for channel in conn.execute("SELECT koordinator_my_channels()").fetchone()[0]:
                conn.execute(f'LISTEN "{channel}"')
        ctx = open_context(shared_store.url_for("anna"))
        try:
            with ctx.sessions.begin() as s:
                pv_id = current_draft_id(s, a["case"])
                assert pv_id is not None
                doc = load_plan_document(s, a["case"], pv_id)
                assert doc.plan is not None
                draft = PlanDraft.from_view(doc.plan)
                everyone = tuple(m.citizen_id for m in doc.members)
                draft.goals[0] = replace(draft.goals[0], member_ids=everyone)
                save_draft(s, pv_id, draft, None)
            with ctx.sessions() as s:
                again = load_plan_document(s, a["case"], pv_id).plan
                assert again is not None and again.goals[0].member_ids == tuple(sorted(everyone))
        finally:
            ctx.close()
        time.sleep(0.3)
        heard_by_ali = [json.loads(n.payload) for n in ali.notifies(timeout=0.5, stop_after=500)]
        heard_by_bo = [json.loads(n.payload) for n in bo.notifies(timeout=0.5, stop_after=500)]
    assert {"t": "goal_members", "c": a["case"]} in [{"t": p["t"], "c": p.get("c")} for p in heard_by_ali]
    assert not [p for p in heard_by_bo if p.get("c") == a["case"] or p["t"] == "goal_members"]
