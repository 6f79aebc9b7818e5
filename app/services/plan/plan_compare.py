"""Comparing two versions of the plan: section by section, goal by goal (by key) and
agreement by agreement, with the words that changed marked."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.services.plan.plan_document import SECTIONS, AgreementView, GoalView, PlanVersionView


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text in a comparison: unchanged ("="), only in the old ("-") or new ("+")."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class SectionChange:
    name: str  # a SECTIONS name, "goal:<key>", "agreement:<n>" or "member:<citizen id>"
    old: str
    new: str
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return self.old != self.new


_TOKENS = re.compile(r"\s+|[^\s]+")


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level differences, whitespace kept, so both texts can be shown with marks."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("-", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment("+", "".join(b[j1:j2])))
    return tuple(segments)


def goal_text(goal: GoalView) -> str:
    """A goal as one line for comparing (the UI passes its own, translated, describer)."""
    target = goal.target_date.isoformat() if goal.target_date else ""
    return f"{goal.text} ({goal.status}, {target})" if target else f"{goal.text} ({goal.status})"


def agreement_text(agreement: AgreementView) -> str:
    due = agreement.due_date.isoformat() if agreement.due_date else ""
    return f"{agreement.what} — {agreement.responsible_name} — {due} — {agreement.status}"


def compare_versions(
    old: PlanVersionView,
    new: PlanVersionView,
    describe_goal: Callable[[GoalView], str] = goal_text,
    describe_agreement: Callable[[AgreementView], str] = agreement_text,
) -> tuple[SectionChange, ...]:
    """Section by section, goal by goal (by key) and agreement by agreement."""
    changes: list[SectionChange] = []

    def add(name: str, before: str, after: str) -> None:
        changes.append(SectionChange(name, before, after, diff_words(before, after)))

    for name in SECTIONS:
        add(name, old.section(name), new.section(name))
    for citizen_id in sorted({c for c, _ in old.member_sections} | {c for c, _ in new.member_sections}):
        add(f"member:{citizen_id}", old.member_section(citizen_id), new.member_section(citizen_id))
    old_goals = {g.goal_key: g for g in old.goals}
    new_goals = {g.goal_key: g for g in new.goals}
    for key in [*old_goals, *(k for k in new_goals if k not in old_goals)]:
        before, after = old_goals.get(key), new_goals.get(key)
        add(
            f"goal:{key}",
            describe_goal(before) if before else "",
            describe_goal(after) if after else "",
        )
    for index in range(max(len(old.agreements), len(new.agreements))):
        before_text = describe_agreement(old.agreements[index]) if index < len(old.agreements) else ""
        after_text = describe_agreement(new.agreements[index]) if index < len(new.agreements) else ""
        add(f"agreement:{index}", before_text, after_text)
    return tuple(changes)
