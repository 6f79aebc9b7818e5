"""One deadline engine for every due date of a case, across laws.

The rules are data (``resources/deadline_rules.csv``, read by ``deadline_rules``): a row names
the law, section and paragraph it comes from, what starts the clock (the *trigger*), which
catalogue sections trigger it, how many months and days the municipality has, and whether a
missed date is overdue (the law's), never overdue (a reminder) or the case's own. A change of
law is a changed or a new row with ``valid_from`` / ``valid_to``, not a change of this module.

Triggers:

``intervention_start``
    An intervention with one of the ``trigger_codes`` (catalogue codes, e.g. ``BL-32-1``)
    starts; due ``months``/``days`` after its start date. Done when the case has a held
    *follow-up* meeting on or after the start (a late one still closes it; the flag is for a
    follow-up that has not happened; a network or start meeting is no follow-up). Ended interventions, and those planned to end before
    the due date, give nothing.
``investigation_start``
    An investigation (e.g. ``BL-20``, børnefaglig undersøgelse): due after the day the
    municipality noticed the need (the intervention's ``noticed_on``, BL § 20, stk. 3), or
    after its start when that is not recorded (the deadline says so: ``from_start``); done
    when the intervention has ended (status ended, or its end date has come).
``plan_missing``
    A child has an intervention with one of the codes (barnets plan, BL § 91: a placement,
    §§ 46-47); due after the earliest start; done when one of them records its sector plan
    (the intervention's "plan i sektoren", e.g. "Barnets plan": the plan is made in the
    child-welfare system, which Koordinator does not see). The common plan does not count:
    the law lets it replace the ungeplan and the parents' parts of barnets plan for young
    people of 16-23 (BL § 110), not the child's own plan (docs/law-notes.md).
``plan_consider``
    The same reading for a *reminder* (BL § 91: for § 32 support the municipality must
    consider a plan): due at the earliest start, never overdue, shown until it is done (a
    sector plan recorded) or ``REMINDER_DAYS`` have passed.
``youth_18``
    A member aged ``YOUTH_FROM_AGE`` to 17 with one of the codes (an intervention that has not
    ended, or — for the transition code ``BL-122-123`` — a transition track in the case; no
    codes: every such youth); due ``months``/``days`` *before* the 18th birthday
    (``transition.transition_deadline``); done when the youth's transition track has every
    topic done.
``follow_up``
    The case's own cadence: ``Case.follow_up_due`` (moved by ``months``/``days``, normally 0).
``agreement_due``
    Open agreements with a due date in the newest plan version (draft or approved); done or
    cancelled agreements are left out.

All of it reads a fixed handful of queries for any number of cases (``deadlines_for_cases``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
)
from app.models.enums import CaseStatus, InterventionStatus
from app.services.cases.deadline_reads import deadline_reads
from app.services.cases.deadline_rules import (
    FIELDS,
    REMINDER_DAYS,
    DeadlineRule,
    RuleKind,
    Trigger,
    load_rules,
)
from app.services.common.clock import aware_utc, to_local
from app.services.family.family_overview import age_on
from app.services.family.transition import DEFAULT_RULE as TRANSITION_RULE
from app.services.family.transition import TOPICS, birthday
from app.store.reach import narrowed_to

# A youth_18 deadline is shown from this age (the ungeplan is made from about 15, BL § 108).
YOUTH_FROM_AGE = 15
ADULT_AGE = 18
_CHUNK = 500  # case ids per IN (...) list


@dataclass(frozen=True)
class Deadline:
    case_id: int
    case_number: str
    family_name: str  # the case's title: the family's or the single citizen's name
    due: date
    rule_code: str
    law_reference: str
    title: str  # Danish title from the rules; the UI may show the rule's title_en instead
    detail: str  # the intervention's title, the member's name or the agreement's text
    citizen_id: int | None
    done: bool
    kind: RuleKind = RuleKind.LAW
    source: str = ""  # "BL § 95, stk. 1 (Barnets lov, LBK nr. 282 af 17/03/2025)"; "" for own dates
    from_start: bool = False  # counted from the start: the day the need was noticed is not recorded

    def overdue(self, today: date) -> bool:
        """Missed and not done; a reminder is never overdue."""
        return self.kind != RuleKind.REMINDER and not self.done and self.due < today

    def shown(self, today: date, days: int) -> bool:
        """In a list of what is due from ``today`` to ``days`` ahead: overdue, due in the window,
        or a reminder not yet done from its date until ``REMINDER_DAYS`` after."""
        if today <= self.due <= today + timedelta(days=days) or self.overdue(today):
            return True
        return (
            self.kind == RuleKind.REMINDER
            and not self.done
            and self.due <= today <= self.due + timedelta(days=REMINDER_DAYS)
        )

    @property
    def sort_key(self) -> tuple[date, str, str, str, int]:
        return (self.due, self.case_number, self.rule_code, self.detail, self.citizen_id or 0)


# -- gathering --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CaseRow:
    id: int
    number: str
    title: str
    family_id: int | None
    citizen_id: int | None
    follow_up_due: date | None


@dataclass(frozen=True, slots=True)
class _Item:
    id: int
    case_id: int
    citizen_id: int
    title: str
    code: str
    start: date
    end: date | None
    status: InterventionStatus
    sector_plan: str = ""  # the plan the intervention belongs to in its sector, as recorded
    noticed_on: date | None = None  # when the municipality became aware of the need

    @property
    def ended(self) -> bool:
        return self.status == InterventionStatus.ENDED


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for index in range(0, len(ids), _CHUNK):
        yield list(ids[index : index + _CHUNK])


def deadlines_for_case(
    session: Session, case_id: int, today: date, *, rules: Sequence[DeadlineRule] | None = None
) -> list[Deadline]:
    """Every deadline of one case, sorted by due date (nothing for a closed or unknown case)."""
    return deadlines_for_cases(session, [case_id], today, rules=rules)


def deadlines_for_cases(
    session: Session, case_ids: Iterable[int], today: date, *, rules: Sequence[DeadlineRule] | None = None
) -> list[Deadline]:
    """Every deadline of the given cases that are not closed, sorted by due date.

    A fixed number of queries per 500 cases, however many interventions they hold. Only the
    rules valid on ``today`` count.
    """
    active = [r for r in (rules if rules is not None else load_rules()) if r.valid_on(today)]
    ids = sorted(set(case_ids))
    result: list[Deadline] = []
    if active:
        for chunk in _chunks(ids):
            with narrowed_to(session, chunk):
                result.extend(_gather(session, chunk, today, active))
    result.sort(key=lambda d: d.sort_key)
    return result


def _gather(session: Session, case_ids: list[int], today: date, rules: list[DeadlineRule]) -> list[Deadline]:
    reads, connection = deadline_reads(), session.connection()
    cases = {
        row.id: _CaseRow(row.id, row.number, row.title, row.family_id, row.citizen_id, row.follow_up_due)
        for row in connection.execute(reads.cases, {"ids": case_ids}).all()
    }
    if not cases:
        return []
    ids = list(cases)
    triggers = {r.trigger for r in rules}
    codes = sorted({c for r in rules for c in r.trigger_codes | r.earlier_codes})

    items: list[_Item] = []
    if codes:  # plain rows: no ORM objects for a read-only list
        items = [
            _Item(*row[:7], InterventionStatus(row[7]), row[8] or "", row[9])
            for row in connection.execute(reads.items, {"ids": ids, "codes": codes}).all()
        ]

    last_held: dict[int, date] = {}
    if Trigger.INTERVENTION_START in triggers:
        for case_id, starts_at in connection.execute(reads.held, {"ids": ids}).all():
            last_held[case_id] = to_local(aware_utc(starts_at)).date()

    names, births, members = _people(session, cases, needs_people=bool(triggers & _PEOPLE_TRIGGERS))

    tracks: dict[tuple[int, int], bool] = {}  # (case, citizen) -> every topic done
    if Trigger.YOUTH_18 in triggers:
        done_topics: dict[tuple[int, int], set[str]] = defaultdict(set)
        for case_id, citizen_id, topic, done in connection.execute(reads.topics, {"ids": ids}).all():
            topics = done_topics[(case_id, citizen_id)]
            if topic is not None and done:
                topics.add(topic)
        tracks = {key: set(TOPICS) <= topics for key, topics in done_topics.items()}

    approved: set[int] = set()  # cases with an approved common plan (read only when it matters)
    youth_codes = {c for r in rules if r.trigger == Trigger.YOUTH_PLAN for c in r.trigger_codes}
    if any(item.code in youth_codes for item in items):
        approved = {row[0] for row in connection.execute(reads.approved, {"ids": ids})}

    agreements: list[Any] = []
    if Trigger.AGREEMENT_DUE in triggers:
        agreements = list(connection.execute(reads.agreements, {"ids": ids}))

    out: list[Deadline] = []

    def add(
        case_id: int,
        rule: DeadlineRule,
        due: date,
        detail: str,
        citizen: int | None,
        done: bool,
        from_start: bool = False,
    ) -> None:
        case = cases[case_id]
        out.append(
            Deadline(
                case_id=case_id,
                case_number=case.number,
                family_name=case.title,
                due=due,
                rule_code=rule.code,
                law_reference=rule.law_reference,
                title=rule.title_da,
                detail=detail,
                citizen_id=citizen,
                done=done,
                kind=rule.kind,
                source=rule.full_source,
                from_start=from_start,
            )
        )

    for rule in rules:
        if rule.trigger == Trigger.INTERVENTION_START:
            for item in items:
                if item.code not in rule.trigger_codes or item.ended:
                    continue
                due = _earlier(rule, item, items, rule.due_after(item.start))
                if item.end is not None and item.end < due:
                    continue  # ends before its first follow-up
                held = last_held.get(item.case_id)
                done = held is not None and held >= item.start
                add(item.case_id, rule, due, item.title, item.citizen_id, done)
        elif rule.trigger == Trigger.INVESTIGATION_START:
            for item in items:
                if item.code not in rule.trigger_codes:
                    continue
                finished = item.ended or (item.end is not None and item.end <= today)
                # BL § 20, stk. 3: from when the need was noticed; unknown, from the start
                clock = min(item.noticed_on, item.start) if item.noticed_on else item.start
                due = rule.due_after(clock)
                add(item.case_id, rule, due, item.title, item.citizen_id, finished, item.noticed_on is None)
        elif rule.trigger in (Trigger.PLAN_MISSING, Trigger.PLAN_CONSIDER, Trigger.YOUTH_PLAN):
            youth = rule.trigger == Trigger.YOUTH_PLAN
            for (case_id, citizen_id), (start, recorded) in _first_starts(items, rule, youth, today).items():
                born = births.get(citizen_id)
                if born is None:
                    continue
                if youth:  # from the later of the decision and the birthday the ages start at
                    assert rule.ages is not None
                    if age_on(born, today) > rule.ages[1]:
                        continue
                    start = max(start, birthday(born, rule.ages[0]))
                    done = recorded or case_id in approved  # BL § 110: the common plan replaces it
                else:
                    if not rule.covers_age(age_on(born, start)):
                        continue
                    done = recorded
                add(case_id, rule, rule.due_after(start), names.get(citizen_id, ""), citizen_id, done)
        elif rule.trigger == Trigger.YOUTH_18:
            has: dict[tuple[int, int], set[str]] = defaultdict(set)
            for item in items:
                if not item.ended:
                    has[(item.case_id, item.citizen_id)].add(item.code)
            for key in tracks:
                has[key].add(TRANSITION_RULE.law_code)
            for case_id in ids:
                for citizen_id in members.get(case_id, ()):
                    born = births[citizen_id]
                    if not YOUTH_FROM_AGE <= age_on(born, today) < ADULT_AGE:
                        continue
                    if rule.trigger_codes and not (
                        rule.trigger_codes & has.get((case_id, citizen_id), set())
                    ):
                        continue
                    done = tracks.get((case_id, citizen_id), False)
                    add(case_id, rule, rule.due_before_18(born), names[citizen_id], citizen_id, done)
        elif rule.trigger == Trigger.FOLLOW_UP:
            for case in cases.values():
                if case.follow_up_due is not None:
                    add(case.id, rule, rule.due_after(case.follow_up_due), "", None, False)
        elif rule.trigger == Trigger.AGREEMENT_DUE:
            for case_id, due_date, what, responsible in agreements:
                add(case_id, rule, rule.due_after(due_date), what, responsible, False)
    return out


def _earlier(rule: DeadlineRule, item: _Item, items: Sequence[_Item], due: date) -> date:
    """``due``, or sooner: the end of an investigation (``rule.earlier_codes``) of the same
    person running alongside the measure and finishing between its start and ``due``."""
    for other in items:
        if (
            other.code in rule.earlier_codes
            and (other.case_id, other.citizen_id) == (item.case_id, item.citizen_id)
            and other.start <= item.start
            and other.end is not None
            and item.start <= other.end < due
        ):
            due = other.end
    return due


_PEOPLE_TRIGGERS = {Trigger.PLAN_MISSING, Trigger.PLAN_CONSIDER, Trigger.YOUTH_PLAN, Trigger.YOUTH_18}
# A youth plan is recorded on the placement by a sector plan that names it ("Ungeplan").
_YOUTH_PLAN_WORD = "ungeplan"


def _first_starts(
    items: Iterable[_Item], rule: DeadlineRule, youth: bool, today: date
) -> dict[tuple[int, int], tuple[date, bool]]:
    """Per (case, person): the earliest start of the rule's interventions that have not ended
    (by status, or by an end date that has passed), and whether one of them records the plan
    (any sector plan; for a youth plan, one that names the ungeplan)."""
    first: dict[tuple[int, int], tuple[date, bool]] = {}
    for item in items:
        if item.code not in rule.trigger_codes or item.ended or (item.end is not None and item.end < today):
            continue
        key = (item.case_id, item.citizen_id)
        plan = item.sector_plan.strip().casefold()
        recorded = bool(plan) and (not youth or _YOUTH_PLAN_WORD in plan)
        start, seen = first.get(key, (item.start, False))
        first[key] = (min(start, item.start), seen or recorded)
    return first


def _people(
    session: Session, cases: dict[int, _CaseRow], *, needs_people: bool
) -> tuple[dict[int, str], dict[int, date], dict[int, list[int]]]:
    """Names and birth dates of the cases' people, and each case's members in order."""
    names: dict[int, str] = {}
    births: dict[int, date] = {}
    members: dict[int, list[int]] = defaultdict(list)
    if not needs_people:
        return names, births, members
    family_cases: dict[int, list[int]] = defaultdict(list)
    single: dict[int, int] = {}
    for case in cases.values():
        if case.family_id is not None:
            family_cases[case.family_id].append(case.id)
        elif case.citizen_id is not None:
            single[case.citizen_id] = case.id
    reads, connection = deadline_reads(), session.connection()
    rows: list[Any] = []
    if family_cases:
        rows += connection.execute(reads.members, {"families": list(family_cases)}).all()
    if single:
        rows += connection.execute(reads.citizens, {"ids": list(single)}).all()
    for citizen_id, first, last, born, family_id in rows:
        names[citizen_id] = f"{first} {last}".strip()
        births[citizen_id] = born
        if family_id is not None:
            for case_id in family_cases[family_id]:
                members[case_id].append(citizen_id)
        if citizen_id in single and citizen_id not in members[single[citizen_id]]:
            members[single[citizen_id]].append(citizen_id)
    return names, births, members


# -- lists ------------------------------------------------------------------------------------


def upcoming(deadlines: Iterable[Deadline], today: date, days: int = 30) -> list[Deadline]:
    """Deadlines due from ``today`` to ``days`` days ahead (done or not), every overdue one
    that is not done, and reminders not done from their date for ``REMINDER_DAYS``; sorted
    by due date."""
    chosen = [d for d in deadlines if d.shown(today, days)]
    return sorted(chosen, key=lambda d: d.sort_key)


def user_case_ids(session: Session, user_id: int) -> list[int]:
    """The open cases the user coordinates or is the partner caseworker on."""
    return list(
        session.scalars(
            select(Case.id)
            .where(
                or_(Case.coordinator_id == user_id, Case.partner_id == user_id),
                Case.status != CaseStatus.CLOSED,
            )
            .order_by(Case.id)
        )
    )


def deadlines_for_user(
    session: Session,
    user_id: int,
    today: date,
    days: int = 30,
    *,
    rules: Sequence[DeadlineRule] | None = None,
) -> list[Deadline]:
    """The caseworker's list: ``upcoming`` over every open case they coordinate or partner."""
    every = deadlines_for_cases(session, user_case_ids(session, user_id), today, rules=rules)
    return upcoming(every, today, days)


def overdue_case_ids(
    session: Session,
    today: date,
    case_ids: Iterable[int] | None = None,
    *,
    rules: Sequence[DeadlineRule] | None = None,
) -> set[int]:
    """The cases (of ``case_ids``, else every case that is not closed) with an overdue deadline
    that is not done."""
    if case_ids is None:
        case_ids = session.scalars(select(Case.id).where(Case.status != CaseStatus.CLOSED))
    return {d.case_id for d in deadlines_for_cases(session, case_ids, today, rules=rules) if d.overdue(today)}


__all__ = [
    "FIELDS",
    "Deadline",
    "DeadlineRule",
    "RuleKind",
    "Trigger",
    "deadlines_for_case",
    "deadlines_for_cases",
    "deadlines_for_user",
    "load_rules",
    "overdue_case_ids",
    "upcoming",
    "user_case_ids",
]
