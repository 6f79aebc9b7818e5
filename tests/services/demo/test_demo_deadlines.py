"""The demo's deadline lists hold only what the law imposes (issue 20): every deadline of the
law is checked here against the interventions it stands on, worked out from the rules' text
in docs/law-notes.md rather than from the engine; reminders are never overdue; the case's own
dates carry no law."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import select

from app.models import Case, Citizen, Intervention, LawSection
from app.models.enums import CaseStatus, InterventionStatus
from app.services.cases.deadlines import RuleKind, deadlines_for_cases, deadlines_for_user, load_rules
from app.services.demo.demo import generate_demo
from app.services.family.transition import birthday

PLACEMENTS = {"BL-46", "BL-47"}
FOLLOWED_UP = {"BL-32-1", "BL-32-1-7", "BL-46", "BL-47", "BL-113-116"}  # BL § 95, stk. 1
SUPPORT = {"BL-32-1", "BL-32-1-7"}  # BL § 32, stk. 1


@pytest.mark.parametrize(
    ("seed", "today"), [(1, date(2026, 12, 7)), (7, date(2025, 6, 11)), (23, date(2027, 2, 28))]
)
def test_every_demo_deadline_of_the_law_stands_on_what_the_law_names(
    sqlite_context, seed: int, today: date
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=30, seed=seed, today=today, my_login=sqlite_context.user.login)
    with sqlite_context.sessions() as s:
        open_cases = list(s.scalars(select(Case.id).where(Case.status != CaseStatus.CLOSED)))
        found = deadlines_for_cases(s, open_cases, today)
        born = {cid: day for cid, day in s.execute(select(Citizen.id, Citizen.birth_date))}
        held: dict[tuple[int, int], list[tuple[str, date]]] = defaultdict(list)
        for case_id, citizen_id, code, start, status in s.execute(
            select(
                Intervention.case_id,
                Intervention.citizen_id,
                LawSection.code,
                Intervention.start_date,
                Intervention.status,
            ).join(LawSection, LawSection.id == Intervention.law_section_id)
        ):
            if status != InterventionStatus.ENDED:
                held[(case_id, citizen_id)].append((code, start))
        mine = deadlines_for_user(s, sqlite_context.user.id, today, days=30)
    rules = {r.code: r for r in load_rules()}
    assert found and mine
    for deadline in found:
        rule = rules[deadline.rule_code]
        assert deadline.kind == rule.kind
        if rule.kind == RuleKind.OWN:
            assert deadline.source == "", deadline
            continue
        assert deadline.source.startswith(f"{rule.law_reference}, {rule.paragraph} (Barnets lov"), deadline
        if rule.kind == RuleKind.REMINDER:
            assert not deadline.overdue(today) and not deadline.overdue(date(2040, 1, 1))
        if deadline.citizen_id is None:
            continue
        codes = held[(deadline.case_id, deadline.citizen_id)]
        starts = [start for code, start in codes if code in rule.trigger_codes]
        if deadline.rule_code.startswith("BL91-CHILD-PLAN"):  # § 91, stk. 2: placements only, under 16
            assert starts and {c for c, _ in codes} & PLACEMENTS, deadline
            assert min(starts) < birthday(born[deadline.citizen_id], 16), deadline
        elif deadline.rule_code == "BL91-CONSIDER-PLAN":
            assert starts and {c for c, _ in codes} & SUPPORT, deadline
        elif deadline.rule_code == "BL108-YOUTH-PLAN":  # § 108, stk. 2: a placement, from 16
            assert starts and {c for c, _ in codes} & PLACEMENTS, deadline
            assert deadline.due >= birthday(born[deadline.citizen_id], 16), deadline
        elif deadline.rule_code == "BL95-FIRST-FOLLOW-UP":
            assert {c for c, _ in codes} & FOLLOWED_UP, deadline
    # the caseworker's list is drawn from the same deadlines: within 30 days or overdue
    assert all(d.overdue(today) or today <= d.due or d.kind == RuleKind.REMINDER for d in mine)
    # no § 32 support in the demo gives barnets plan as a deadline of the law
    support_only = {
        key
        for key, codes in held.items()
        if {c for c, _ in codes} & SUPPORT and not {c for c, _ in codes} & PLACEMENTS
    }
    assert support_only, "the demo should hold children with § 32 support only"
    # … nor anything overdue: deciding whether to make one is a reminder
    wrong = [
        d
        for d in found
        if d.rule_code.startswith("BL91")
        and (d.case_id, d.citizen_id) in support_only
        and (d.rule_code.startswith("BL91-CHILD-PLAN") or d.overdue(today))
    ]
    assert not wrong
