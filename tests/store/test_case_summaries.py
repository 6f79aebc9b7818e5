"""The case-list summaries the store keeps (``cases.cpr6``, ``cases.open_agreements``, issue
19) stay equal to a recomputation from the rows after any sequence of edits, on SQLite and
PostgreSQL: the triggers of app/store/case_summary_sql.py cover every input of both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from app.models import Agreement, Case, Citizen, FamilyMember, PlanVersion
from app.models.enums import AgreementStatus
from app.services.demo.demo import generate_demo
from app.store import case_summary_sql


def recomputed(session: Session) -> dict[int, tuple[str | None, int]]:
    """Each case's first person's CPR date and its newest plan's open agreements, worked out
    in Python from the rows (not from the triggers' SQL)."""
    cpr: dict[int, str | None] = {row.id: row.cpr for row in session.execute(select(Citizen.id, Citizen.cpr))}
    members: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for family_id, position, member_id, citizen_id in session.execute(
        select(FamilyMember.family_id, FamilyMember.position, FamilyMember.id, FamilyMember.citizen_id)
    ):
        members[family_id].append((position, member_id, citizen_id))
    newest: dict[int, tuple[int, int]] = {}
    for plan_id, case_id, number in session.execute(
        select(PlanVersion.id, PlanVersion.case_id, PlanVersion.number)
    ):
        if case_id not in newest or number > newest[case_id][1]:
            newest[case_id] = (plan_id, number)
    open_by_plan: dict[int, int] = defaultdict(int)
    for plan_id, status in session.execute(select(Agreement.plan_version_id, Agreement.status)):
        open_by_plan[plan_id] += status == AgreementStatus.OPEN
    out: dict[int, tuple[str | None, int]] = {}
    for case_id, citizen_id, family_id in session.execute(select(Case.id, Case.citizen_id, Case.family_id)):
        first: str | None = None
        if citizen_id is not None and cpr.get(citizen_id):
            first = cpr[citizen_id]
        elif family_id is not None and members[family_id]:
            first = cpr.get(min(members[family_id])[2])
        plan = newest.get(case_id)
        out[case_id] = (first[:6] if first else None, open_by_plan[plan[0]] if plan else 0)
    return out


def kept(session: Session) -> dict[int, tuple[str | None, int]]:
    return {
        row.id: (row.cpr6, row.open_agreements)
        for row in session.execute(select(Case.id, Case.cpr6, Case.open_agreements))
    }


# -- edits, each on whatever rows there are -----------------------------------------------------

Edit = Callable[[Session, int], None]


def _pick(session: Session, column: Any, index: int) -> Any:
    ids = session.scalars(select(column).order_by(column)).all()
    return ids[index % len(ids)] if ids else None


def _agreement_status(session: Session, index: int) -> None:
    agreement = _pick(session, Agreement.id, index)
    if agreement is not None:
        status = list(AgreementStatus)[index % len(AgreementStatus)]
        session.execute(update(Agreement).where(Agreement.id == agreement).values(status=status))


def _agreement_added(session: Session, index: int) -> None:
    plan = _pick(session, PlanVersion.id, index)
    if plan is not None:
        session.add(Agreement(plan_version_id=plan, what=f"Aftale {index}", status=AgreementStatus.OPEN))


def _agreement_removed(session: Session, index: int) -> None:
    agreement = _pick(session, Agreement.id, index)
    if agreement is not None:
        session.execute(delete(Agreement).where(Agreement.id == agreement))


def _agreement_moved(session: Session, index: int) -> None:
    agreement, plan = _pick(session, Agreement.id, index), _pick(session, PlanVersion.id, index * 7 + 3)
    if agreement is not None and plan is not None:
        session.execute(update(Agreement).where(Agreement.id == agreement).values(plan_version_id=plan))


def _plan_added(session: Session, index: int) -> None:
    case_id = _pick(session, Case.id, index)
    if case_id is not None:
        newest = session.scalar(
            select(PlanVersion.number)
            .where(PlanVersion.case_id == case_id)
            .order_by(PlanVersion.number.desc())
            .limit(1)
        )
        session.add(PlanVersion(case_id=case_id, number=(newest or 0) + 1))


def _plan_removed(session: Session, index: int) -> None:
    plan = _pick(session, PlanVersion.id, index)
    if plan is not None:
        session.execute(delete(Agreement).where(Agreement.plan_version_id == plan))
        session.execute(delete(PlanVersion).where(PlanVersion.id == plan))


def _cpr_changed(session: Session, index: int) -> None:
    citizen = _pick(session, Citizen.id, index)
    if citizen is not None:
        new = None if index % 5 == 0 else f"{(index * 7919) % 311299:06d}{index % 10000:04d}"
        session.execute(update(Citizen).where(Citizen.id == citizen).values(cpr=new))


def _member_reordered(session: Session, index: int) -> None:
    member = _pick(session, FamilyMember.id, index)
    if member is not None:
        session.execute(update(FamilyMember).where(FamilyMember.id == member).values(position=-index))


def _member_removed(session: Session, index: int) -> None:
    member = _pick(session, FamilyMember.id, index)
    if member is not None:
        session.execute(delete(FamilyMember).where(FamilyMember.id == member))


def _member_added(session: Session, index: int) -> None:
    family = _pick(session, FamilyMember.family_id, index)
    if family is not None:
        citizen = Citizen(
            first_name="Ny",
            last_name=f"Person {index}",
            cpr=f"{index % 280000 + 10100:06d}1234",
            birth_date=date(2010, 1, 1) + timedelta(days=index % 3000),
        )
        session.add(citizen)
        session.flush()
        session.add(
            FamilyMember(family_id=family, citizen_id=citizen.id, relation="child", position=index % 3)
        )


EDITS: list[Edit] = [
    _agreement_status,
    _agreement_added,
    _agreement_removed,
    _agreement_moved,
    _plan_added,
    _plan_removed,
    _cpr_changed,
    _member_reordered,
    _member_removed,
    _member_added,
]


@pytest.fixture
def demo_context(context):  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        generate_demo(session, families=4, seed=19, my_login="tester")
    return context


def test_the_demo_and_the_backfill_agree_with_the_rows(demo_context) -> None:  # type: ignore[no-untyped-def]
    with demo_context.sessions() as session:
        assert kept(session) == recomputed(session)
        assert any(cpr for cpr, _open in kept(session).values()), "the demo's cases have CPR dates"
        assert any(count for _cpr, count in kept(session).values()), "the demo has open agreements"
    with demo_context.sessions.begin() as session:
        session.execute(update(Case).values(cpr6=None, open_agreements=0))
        session.execute(text(case_summary_sql.BACKFILL))  # what migration 0014 runs
    with demo_context.sessions() as session:
        assert kept(session) == recomputed(session)


def test_the_stored_status_is_the_one_the_triggers_count() -> None:
    assert AgreementStatus.OPEN.value == case_summary_sql.OPEN


@given(st.lists(st.tuples(st.integers(0, len(EDITS) - 1), st.integers(0, 10_000)), min_size=1, max_size=12))
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_after_any_edits_the_summaries_equal_a_recomputation(
    demo_context, edits: list[tuple[int, int]]
) -> None:  # type: ignore[no-untyped-def]
    for kind, index in edits:
        with demo_context.sessions.begin() as session:
            EDITS[kind](session, index)
    with demo_context.sessions() as session:
        assert kept(session) == recomputed(session), [EDITS[kind].__name__ for kind, _index in edits]


@pytest.mark.parametrize("kind", range(len(EDITS)), ids=[edit.__name__ for edit in EDITS])
def test_each_edit_is_followed(demo_context, kind: int) -> None:  # type: ignore[no-untyped-def]
    for index in range(6):
        with demo_context.sessions.begin() as session:
            EDITS[kind](session, index * 13 + 1)
        with demo_context.sessions() as session:
            assert kept(session) == recomputed(session)
