"""One deadline engine for every due date of a case, across laws.

The rules are data (``resources/deadline_rules.csv``): a row names the law it comes from, what
starts the clock (the *trigger*), which catalogue sections trigger it, and how many months and
days the municipality has. A change of law is a changed or a new row with ``valid_from`` /
``valid_to``, not a change of this module.

Triggers:

``intervention_start``
    An intervention with one of the ``trigger_codes`` (catalogue codes, e.g. ``BL-32-1``)
    starts; due ``months``/``days`` after its start date. Done when the case has a held
    meeting on or after the start (a late follow-up still closes it; the flag is for a
    follow-up that has not happened). Ended interventions, and those planned to end before
    the due date, give nothing.
``investigation_start``
    An investigation (e.g. ``BL-20``, børnefaglig undersøgelse) starts; due after its start;
    done when the intervention has ended (status ended, or its end date has come).
``plan_missing``
    A child has an intervention with one of the codes (barnets plan, BL § 91: a placement,
    §§ 46-47); due after the earliest start; done when one of them records its sector plan
    (the intervention's "plan i sektoren", e.g. "Barnets plan": the plan is made in the
    child-welfare system, which Koordinator does not see). The common plan does not count:
    the law lets it replace the ungeplan and the parents' parts of barnets plan for young
    people of 16-23 (BL § 110), not the child's own plan (docs/law-notes.md).
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

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
)
from app.models.enums import CaseStatus, InterventionStatus
from app.resources import resources_dir
from app.services.cases.deadline_reads import deadline_reads
from app.services.common.clock import aware_utc, to_local
from app.services.family.family_overview import age_on
from app.services.family.transition import DEFAULT_RULE as TRANSITION_RULE
from app.services.family.transition import TOPICS, TransitionRule, add_months, transition_deadline
from app.store.reach import narrowed_to

RULES_FILE = "deadline_rules.csv"
FIELDS = [
    "code",
    "law_reference",
    "title_en",
    "title_da",
    "trigger",
    "trigger_codes",
    "months",
    "days",
    "valid_from",
    "valid_to",
]
# A youth_18 deadline is shown from this age (the ungeplan is made from about 15, BL § 108).
YOUTH_FROM_AGE = 15
ADULT_AGE = 18
MAX_MONTHS = 240
MAX_DAYS = 3660
_CHUNK = 500  # case ids per IN (...) list
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class Trigger(StrEnum):
    INTERVENTION_START = "intervention_start"
    PLAN_MISSING = "plan_missing"
    YOUTH_18 = "youth_18"
    FOLLOW_UP = "follow_up"
    AGREEMENT_DUE = "agreement_due"
    INVESTIGATION_START = "investigation_start"


# Triggers that need catalogue codes, and those that take none.
_NEEDS_CODES = {Trigger.INTERVENTION_START, Trigger.PLAN_MISSING, Trigger.INVESTIGATION_START}
_NO_CODES = {Trigger.FOLLOW_UP, Trigger.AGREEMENT_DUE}


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    code: str
    law_reference: str  # "BL § 95"
    title_en: str
    title_da: str
    trigger: Trigger
    trigger_codes: frozenset[str]  # catalogue codes (resources/law_sections.csv)
    months: int
    days: int
    valid_from: date
    valid_to: date | None

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def due_after(self, start: date) -> date:
        """``months`` calendar months (day clamped to the month's length) and ``days`` after."""
        return add_months(start, self.months) + timedelta(days=self.days)

    def due_before_18(self, birth_date: date) -> date:
        """``months`` calendar months and ``days`` before the 18th birthday."""
        rule = TransitionRule(months_before_18=self.months)
        return transition_deadline(birth_date, rule) - timedelta(days=self.days)


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

    def overdue(self, today: date) -> bool:
        return not self.done and self.due < today

    @property
    def sort_key(self) -> tuple[date, str, str, str, int]:
        return (self.due, self.case_number, self.rule_code, self.detail, self.citizen_id or 0)


# -- the rules as data ------------------------------------------------------------------------


def _int(raw: str, name: str, maximum: int) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from None
    if not 0 <= value <= maximum:
        raise ValueError(f"{name} must be between 0 and {maximum}, got {value}")
    return value


def _date(raw: str, name: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, got {raw!r}") from None


def _rule(raw: dict[str, str]) -> DeadlineRule:
    code = raw["code"].strip()
    if not _CODE.match(code):
        raise ValueError(f"code must be letters, digits and - _ . without spaces, got {code!r}")
    for name in ("law_reference", "title_en", "title_da"):
        if not raw[name].strip():
            raise ValueError(f"{name} is empty")
    try:
        trigger = Trigger(raw["trigger"].strip())
    except ValueError:
        choices = ", ".join(t.value for t in Trigger)
        raise ValueError(f"trigger must be one of {choices}, got {raw['trigger']!r}") from None
    codes = [c.strip() for c in raw["trigger_codes"].split(";")] if raw["trigger_codes"].strip() else []
    for item in codes:
        if not _CODE.match(item):
            raise ValueError(f"trigger_codes has an invalid catalogue code {item!r}")
    if trigger in _NEEDS_CODES and not codes:
        raise ValueError(f"trigger {trigger.value} needs trigger_codes")
    if trigger in _NO_CODES and codes:
        raise ValueError(f"trigger {trigger.value} takes no trigger_codes")
    valid_from = _date(raw["valid_from"], "valid_from")
    valid_to = _date(raw["valid_to"], "valid_to") if raw["valid_to"].strip() else None
    if valid_to is not None and valid_to < valid_from:
        raise ValueError("valid_to is before valid_from")
    return DeadlineRule(
        code=code,
        law_reference=raw["law_reference"].strip(),
        title_en=raw["title_en"].strip(),
        title_da=raw["title_da"].strip(),
        trigger=trigger,
        trigger_codes=frozenset(codes),
        months=_int(raw["months"], "months", MAX_MONTHS),
        days=_int(raw["days"], "days", MAX_DAYS),
        valid_from=valid_from,
        valid_to=valid_to,
    )


def load_rules(path: Path | None = None) -> list[DeadlineRule]:
    """The deadline rules from the csv (default ``resources/deadline_rules.csv``).

    Raises ValueError naming the file and the line on a wrong header, a row with too few or
    too many columns, an unknown trigger, a bad number or date, or a code used twice.
    """
    if path is None:
        path = resources_dir() / RULES_FILE
        return list(_cached(str(path), path.stat().st_mtime_ns))
    return _read(path)


def _read(path: Path) -> list[DeadlineRule]:
    rules: list[DeadlineRule] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != FIELDS:
            raise ValueError(f"{path.name} line 1: expected the columns {','.join(FIELDS)}")
        for raw in reader:
            line = reader.line_num
            if None in raw or None in raw.values():
                raise ValueError(f"{path.name} line {line}: expected {len(FIELDS)} columns")
            if not any(value.strip() for value in raw.values()):
                continue  # a blank line
            try:
                rule = _rule(raw)
            except ValueError as exc:
                raise ValueError(f"{path.name} line {line}: {exc}") from None
            if rule.code in seen:
                raise ValueError(
                    f"{path.name} line {line}: code {rule.code} is already used on line {seen[rule.code]}"
                )
            seen[rule.code] = line
            rules.append(rule)
    return rules


@lru_cache(maxsize=4)
def _cached(path: str, mtime_ns: int) -> tuple[DeadlineRule, ...]:
    """The default file read once (again when it changes)."""
    return tuple(_read(Path(path)))


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
    codes = sorted({c for r in rules for c in r.trigger_codes})

    items: list[_Item] = []
    if codes:  # plain rows: no ORM objects for a read-only list
        items = [
            _Item(*row[:7], InterventionStatus(row[7]), row[8] or "")
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

    agreements: list[Any] = []
    if Trigger.AGREEMENT_DUE in triggers:
        agreements = list(connection.execute(reads.agreements, {"ids": ids}))

    out: list[Deadline] = []

    def add(
        case_id: int, rule: DeadlineRule, due: date, detail: str, citizen: int | None, done: bool
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
            )
        )

    for rule in rules:
        if rule.trigger == Trigger.INTERVENTION_START:
            for item in items:
                if item.code not in rule.trigger_codes or item.ended:
                    continue
                due = rule.due_after(item.start)
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
                add(item.case_id, rule, rule.due_after(item.start), item.title, item.citizen_id, finished)
        elif rule.trigger == Trigger.PLAN_MISSING:
            first: dict[tuple[int, int], date] = {}
            recorded: set[tuple[int, int]] = set()  # the sector's plan is recorded
            for item in items:
                if item.code in rule.trigger_codes and not item.ended:
                    key = (item.case_id, item.citizen_id)
                    first[key] = min(first.get(key, item.start), item.start)
                    if item.sector_plan.strip():
                        recorded.add(key)
            for (case_id, citizen_id), start in first.items():
                name = names.get(citizen_id, "")
                add(case_id, rule, rule.due_after(start), name, citizen_id, (case_id, citizen_id) in recorded)
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


_PEOPLE_TRIGGERS = {Trigger.PLAN_MISSING, Trigger.YOUTH_18}


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
    """Deadlines due from ``today`` to ``days`` days ahead (done or not), plus every overdue
    one that is not done; sorted by due date."""
    last = today + timedelta(days=days)
    chosen = [d for d in deadlines if today <= d.due <= last or d.overdue(today)]
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
    "Deadline",
    "DeadlineRule",
    "Trigger",
    "deadlines_for_case",
    "deadlines_for_cases",
    "deadlines_for_user",
    "load_rules",
    "overdue_case_ids",
    "upcoming",
    "user_case_ids",
]
