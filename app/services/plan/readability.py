"""How easy the plan the family takes home is to read: LIX of the whole printed text and of
each part of it, in the order the paper prints them.

The parts are what the caseworker writes and the family reads on paper: the goals, the
agreements ("what"), the text sections (the family's own words first, as printed), the
section about each member and the comments on the help each person gets. Each goal,
agreement and comment is a line of its own, so one without a full stop is a sentence of its
own (as lix() treats a line), just as the paper prints it on its own line.

The fixed texts of the paper (headings, the introduction) are not measured: they are the
program's, the same for every family.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.services.plan.lix import LixResult, lix
from app.services.plan.plan_document import PRINT_ORDER
from app.services.plan.plan_draft import PlanDraft

GOALS = "goals"
AGREEMENTS = "agreements"
OFFERS = "offers"
MEMBER_PREFIX = "member:"
PRINTED_SECTIONS = PRINT_ORDER  # the text sections as the paper prints them


def member_key(citizen_id: int) -> str:
    return f"{MEMBER_PREFIX}{citizen_id}"


def member_of(key: str) -> int | None:
    """The citizen id of a ``member:<id>`` part key, else None."""
    if key.startswith(MEMBER_PREFIX):
        rest = key[len(MEMBER_PREFIX) :]
        if rest.isdigit():
            return int(rest)
    return None


@dataclass(frozen=True, slots=True)
class PartReading:
    key: str  # GOALS, AGREEMENTS, OFFERS, a section name or member_key(id)
    text: str  # as measured: the part's text, items one per line
    result: LixResult


@dataclass(frozen=True, slots=True)
class PlanReading:
    whole: LixResult  # every part together, as one text
    parts: tuple[PartReading, ...]  # parts with words, in print order

    @property
    def is_empty(self) -> bool:
        return self.whole.is_empty

    def hardest(self) -> PartReading | None:
        """The part with the highest score (the first in print order on a tie)."""
        best: PartReading | None = None
        for part in self.parts:
            if best is None or part.result.score > best.result.score:
                best = part
        return best


def _lines(items: Sequence[str]) -> str:
    return "\n".join(item.strip() for item in items if item.strip())


def family_texts(draft: PlanDraft, members: Sequence[int] = ()) -> list[tuple[str, str]]:
    """(part key, text) of everything the caseworker wrote that the family's copy prints, in
    print order; ``members`` gives the order of the member sections (the family's order),
    members not in it follow by id."""
    parts: list[tuple[str, str]] = [
        (GOALS, _lines([g.text for g in draft.goals])),
        (AGREEMENTS, _lines([a.what for a in draft.agreements])),
    ]
    parts.extend((name, draft.sections.get(name, "")) for name in PRINTED_SECTIONS)
    order = list(members) + sorted(c for c in draft.member_sections if c not in members)
    parts.extend((member_key(c), draft.member_sections.get(c, "")) for c in order)
    comments = [draft.offer_comments[k] for k in sorted(draft.offer_comments)]
    parts.append((OFFERS, _lines(comments)))
    return [(key, text.strip()) for key, text in parts if text.strip()]


def read_plan(draft: PlanDraft, members: Sequence[int] = ()) -> PlanReading:
    """LIX of the whole text the family reads and of each part of it."""
    texts = family_texts(draft, members)
    parts = tuple(PartReading(key, text, lix(text)) for key, text in texts)
    whole = lix("\n\n".join(text for _key, text in texts))
    return PlanReading(whole, tuple(p for p in parts if not p.result.is_empty))
