"""The plan rules of Barnets lov as the engine reads them: barnets plan (§ 91) for a placed
child, the ungeplan (§ 108) for a young person placed from 16, and the reminders to decide
whether to make one for support under § 32. Each test is a worked example of
docs/law-notes.md (the case, the dates, the expected deadline)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from app.models import Intervention, PlanVersion
from app.models.enums import PlanState
from app.services.cases.deadlines import RuleKind, upcoming
from app.services.family.transition import add_months, birthday
from tests.services.cases.test_deadlines import (
    CHILD_CPR,
    MOTHER_CPR,
    TODAY,
    YOUTH_CPR,
    Family,
    citizen,
    family_case,
    measure,
    plan_version,
)

pytestmark = pytest.mark.any_day


@pytest.fixture
def family(sqlite_context) -> Family:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        people = (citizen(s, cpr) for cpr in (MOTHER_CPR, YOUTH_CPR, CHILD_CPR))
        return Family(sqlite_context, case_id, *people)


IDA_BORN = date(2016, 5, 20)  # the family's child: 10 on TODAY
SOREN_BORN = date(2009, 9, 2)  # the family's youth: 17 on TODAY


def _plans(found: list) -> list[tuple[str, date, bool]]:  # type: ignore[type-arg]
    codes = ("BL91", "BL108")
    return [(d.rule_code, d.due, d.done) for d in found if d.rule_code.startswith(codes)]


# -- BL § 91, stk. 1 and § 108, stk. 1: decide whether to make a plan (reminders) ---------------


def test_support_under_section_32_reminds_to_decide_on_a_childs_plan(family: Family) -> None:
    """Ida (10) gets a fast kontaktperson (§ 32) from 2026-11-10: a reminder on that day, never
    overdue, shown for 30 days; recording the decision in "Plan i sektoren" ends it."""
    with family.ctx.sessions.begin() as s:
        support = measure(s, family.case_id, family.child, "BL-32-1", date(2026, 11, 10))
    (reminder,) = family.deadlines("BL91-CONSIDER-PLAN")
    assert (reminder.due, reminder.kind, reminder.done) == (date(2026, 11, 10), RuleKind.REMINDER, False)
    assert reminder.title == "Tag stilling til barnets plan (støttende indsats)"
    assert reminder.source == "BL § 91, stk. 1 (Barnets lov, LBK nr. 282 af 17/03/2025)"
    for day in (date(2026, 11, 24), date(2027, 6, 1)):
        assert not reminder.overdue(day)
    assert reminder in upcoming([reminder], TODAY)
    assert reminder in upcoming([reminder], date(2026, 12, 10))  # 30 days after
    assert upcoming([reminder], date(2026, 12, 11)) == []
    assert family.deadlines("BL91-CHILD-PLAN") == family.deadlines("BL91-CHILD-PLAN-47") == []
    with family.ctx.sessions.begin() as s:
        s.get(Intervention, support).sector_plan = "Ingen barnets plan – vurderet 12.11.2026"
    (decided,) = family.deadlines("BL91-CONSIDER-PLAN")
    assert decided.done and upcoming([decided], TODAY) == []


def test_turning_16_with_support_reminds_to_decide_on_a_youth_plan(family: Family) -> None:
    """Ida has § 32 support from 2026-09-10; on her 16th birthday (2032-05-20) the municipality
    must decide whether to make an ungeplan: a reminder that day."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.child, "BL-32-1", date(2026, 9, 10))
    later = date(2032, 5, 25)
    (reminder,) = family.deadlines("BL108-CONSIDER-PLAN", today=later)
    assert (reminder.due, reminder.kind, reminder.overdue(later)) == (
        date(2032, 5, 20),
        RuleKind.REMINDER,
        False,
    )
    assert family.deadlines("BL108-YOUTH-PLAN", today=later) == []  # support, no placement: no duty


# -- BL § 91, stk. 2 and § 108, stk. 2-3: the plans a placement must have -----------------------


def test_a_youth_placed_at_17_gets_an_ungeplan_not_barnets_plan(family: Family) -> None:
    """Søren (17) is placed under § 46 from 2026-10-01: ungeplan due 2027-01-01; no barnets plan.
    "Barnets plan" recorded does not do it, "Ungeplan" does, and so does an approved common
    plan (BL § 110, stk. 1: it may replace the ungeplan for 16-23)."""
    with family.ctx.sessions.begin() as s:
        placement = measure(s, family.case_id, family.youth, "BL-46", date(2026, 10, 1))
    assert _plans(family.deadlines()) == [("BL108-YOUTH-PLAN", date(2027, 1, 1), False)]
    with family.ctx.sessions.begin() as s:
        s.get(Intervention, placement).sector_plan = "Barnets plan"
    assert _plans(family.deadlines()) == [("BL108-YOUTH-PLAN", date(2027, 1, 1), False)]
    with family.ctx.sessions.begin() as s:
        s.get(Intervention, placement).sector_plan = "Ungeplan (DUBU)"
    assert _plans(family.deadlines()) == [("BL108-YOUTH-PLAN", date(2027, 1, 1), True)]
    with family.ctx.sessions.begin() as s:
        s.get(Intervention, placement).sector_plan = ""
        plan_version(s, family.case_id, 1, PlanState.DRAFT)
    assert _plans(family.deadlines()) == [("BL108-YOUTH-PLAN", date(2027, 1, 1), False)]
    with family.ctx.sessions.begin() as s:
        for version in s.query(PlanVersion).filter_by(case_id=family.case_id):
            version.state, version.approved_on = PlanState.APPROVED, TODAY
    assert _plans(family.deadlines()) == [("BL108-YOUTH-PLAN", date(2027, 1, 1), True)]


def test_a_child_placed_at_15_gets_barnets_plan_then_an_ungeplan_at_16(family: Family) -> None:
    """Søren, placed under § 46 on 2025-03-01 at 15: barnets plan due 2025-06-01; he turns 16 on
    2025-09-02, so the ungeplan is due 2025-12-02."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.youth, "BL-46", date(2025, 3, 1))
    assert _plans(family.deadlines()) == [
        ("BL91-CHILD-PLAN", date(2025, 6, 1), False),
        ("BL108-YOUTH-PLAN", date(2025, 12, 2), False),
    ]


def _expected(born: date, code: str, start: date, today: date) -> list[tuple[str, date, bool]]:
    """The plans the law asks of a placement, worked out from §§ 91 and 108 directly."""
    sixteen = birthday(born, 16)
    expected: list[tuple[str, date, bool]] = []
    if start < sixteen:  # a child when placed: barnets plan (§ 47: before the decision)
        rule = "BL91-CHILD-PLAN-47" if code == "BL-47" else "BL91-CHILD-PLAN"
        expected.append((rule, start if code == "BL-47" else add_months(start, 3), False))
    if today < birthday(born, 23):  # an ungeplan from 16 (3 months after the later date)
        expected.append(("BL108-YOUTH-PLAN", add_months(max(start, sixteen), 3), False))
    return sorted(expected, key=lambda item: (item[1], item[0]))


_RANDOM = random.Random("deadline-plans")
_PLACEMENTS = [
    (
        _RANDOM.choice(["BL-46", "BL-47"]),
        date(2024, 1, 1) + timedelta(days=_RANDOM.randrange(0, 1060)),
        date(2026, 11, 24) + timedelta(days=_RANDOM.randrange(-400, 2500)),
    )
    for _ in range(12)
]


@pytest.mark.parametrize(("code", "start", "today"), _PLACEMENTS)
def test_placements_get_the_plans_the_law_asks_for(
    family: Family, code: str, start: date, today: date
) -> None:
    """Placements on random days (2024-2026) of the 10-year-old and the 17-year-old, read on
    random days: barnets plan before 16, an ungeplan from 16, each on its day."""
    with family.ctx.sessions.begin() as s:
        measure(s, family.case_id, family.youth, code, start)
        measure(s, family.case_id, family.child, code, start)
    found = family.deadlines(today=today)
    for person, born in ((family.youth, SOREN_BORN), (family.child, IDA_BORN)):
        mine = sorted(
            (
                (d.rule_code, d.due, d.done)
                for d in found
                if d.citizen_id == person and d.rule_code[:4] in ("BL91", "BL10")
            ),
            key=lambda item: (item[1], item[0]),
        )
        assert mine == _expected(born, code, start, today), (person, code, start, today)
