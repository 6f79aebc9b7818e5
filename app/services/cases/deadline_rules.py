"""The deadline rules as data (``resources/deadline_rules.csv``), read and checked.

A row names the law, section and paragraph it comes from (``law_reference``, ``paragraph``,
``source``), what starts the clock (``trigger`` and the catalogue ``trigger_codes``), how long
the municipality has (``months``, ``days``), the dates it applies between (``valid_from``,
``valid_to``) and its ``kind``: a date the *law* sets (missed, it is overdue), a *reminder* of
something the law asks the municipality to consider (never overdue), or the case's *own* dates
(its cadence, the plan's agreements). docs/law-notes.md gives each rule's source and worked
examples.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from app.resources import resources_dir
from app.services.family.transition import TransitionRule, add_months, transition_deadline

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
    "kind",
    "paragraph",
    "source",
    "ages",
    "earlier_codes",
]
MAX_MONTHS = 240
MAX_DAYS = 3660
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class Trigger(StrEnum):
    INTERVENTION_START = "intervention_start"
    PLAN_MISSING = "plan_missing"
    PLAN_CONSIDER = "plan_consider"
    YOUTH_PLAN = "youth_plan"
    YOUTH_18 = "youth_18"
    FOLLOW_UP = "follow_up"
    AGREEMENT_DUE = "agreement_due"
    INVESTIGATION_START = "investigation_start"


# Triggers that need catalogue codes, and those that take none.
_NEEDS_CODES = {
    Trigger.INTERVENTION_START,
    Trigger.PLAN_MISSING,
    Trigger.PLAN_CONSIDER,
    Trigger.YOUTH_PLAN,
    Trigger.INVESTIGATION_START,
}
# Triggers that read the person's age against ``ages`` (youth_plan needs them).
_AGED = {Trigger.PLAN_MISSING, Trigger.PLAN_CONSIDER, Trigger.YOUTH_PLAN}
MAX_AGE = 120
_AGES = re.compile(r"^(\d{1,3})-(\d{1,3})$")
_NO_CODES = {Trigger.FOLLOW_UP, Trigger.AGREEMENT_DUE}


class RuleKind(StrEnum):
    """What a missed date means."""

    LAW = "law"  # the law sets the date: missed, it is overdue
    REMINDER = "reminder"  # the law asks the municipality to consider something: never overdue
    OWN = "own"  # the case's own dates (its cadence, the plan's agreements), not the law's


# A reminder stays in the lists this many days after its date unless it is done.
REMINDER_DAYS = 30
_KIND_OF_TRIGGER = {Trigger.PLAN_CONSIDER: RuleKind.REMINDER}


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
    kind: RuleKind = RuleKind.LAW
    paragraph: str = ""  # "stk. 1", "stk. 2, nr. 3"; empty: the whole section
    source: str = ""  # the law's name and number, e.g. "Barnets lov, LBK nr. 282 af 17/03/2025"
    ages: tuple[int, int] | None = None  # the person's age the rule covers (at the clock's start)
    # intervention_start: investigations alongside the measure whose end, when sooner, is the
    # due date instead (BL § 95, stk. 2: the earlier of the afdækning/BFU's end and 3 months)
    earlier_codes: frozenset[str] = frozenset()

    def covers_age(self, age: int) -> bool:
        return self.ages is None or self.ages[0] <= age <= self.ages[1]

    @property
    def cited(self) -> str:
        """The reference as printed: "BL § 95, stk. 1"."""
        return f"{self.law_reference}, {self.paragraph}" if self.paragraph else self.law_reference

    @property
    def full_source(self) -> str:
        """ "BL § 95, stk. 1 (Barnets lov, LBK nr. 282 af 17/03/2025)"; empty for the case's own."""
        if self.kind == RuleKind.OWN:
            return ""
        return f"{self.cited} ({self.source})" if self.source else self.cited

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def due_after(self, start: date) -> date:
        """``months`` calendar months (day clamped to the month's length) and ``days`` after."""
        return add_months(start, self.months) + timedelta(days=self.days)

    def due_before_18(self, birth_date: date) -> date:
        """``months`` calendar months and ``days`` before the 18th birthday."""
        rule = TransitionRule(months_before_18=self.months)
        return transition_deadline(birth_date, rule) - timedelta(days=self.days)


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
    try:
        kind = RuleKind(raw["kind"].strip())
    except ValueError:
        choices = ", ".join(k.value for k in RuleKind)
        raise ValueError(f"kind must be one of {choices}, got {raw['kind']!r}") from None
    wanted = _KIND_OF_TRIGGER.get(trigger)
    if wanted is not None and kind != wanted:
        raise ValueError(f"trigger {trigger.value} makes a {wanted.value}, not a {kind.value}")
    if kind != RuleKind.OWN and not raw["source"].strip():
        raise ValueError(f"a {kind.value} rule needs its source (the law's name and number)")
    ages = _ages(raw["ages"], trigger)
    earlier = [c.strip() for c in raw["earlier_codes"].split(";")] if raw["earlier_codes"].strip() else []
    for item in earlier:
        if not _CODE.match(item):
            raise ValueError(f"earlier_codes has an invalid catalogue code {item!r}")
    if earlier and trigger != Trigger.INTERVENTION_START:
        raise ValueError(f"trigger {trigger.value} takes no earlier_codes")
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
        kind=kind,
        paragraph=raw["paragraph"].strip(),
        source=raw["source"].strip(),
        ages=ages,
        earlier_codes=frozenset(earlier),
    )


def _ages(raw: str, trigger: Trigger) -> tuple[int, int] | None:
    text = raw.strip()
    if not text:
        if trigger == Trigger.YOUTH_PLAN:
            raise ValueError("trigger youth_plan needs ages (e.g. 16-22)")
        return None
    if trigger not in _AGED:
        raise ValueError(f"trigger {trigger.value} takes no ages")
    match = _AGES.match(text)
    if match is None:
        raise ValueError(f"ages must be two whole numbers such as 16-22, got {raw!r}")
    low, high = int(match.group(1)), int(match.group(2))
    if not low <= high <= MAX_AGE:
        raise ValueError(f"ages must run from the lower to the higher, at most {MAX_AGE}, got {raw!r}")
    return low, high


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
