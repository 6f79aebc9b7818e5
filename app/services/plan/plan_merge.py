"""Combining two people's edits of one plan draft: a three-way merge of PlanDraft.

``base`` is what the editor last loaded or saved, ``mine`` what is on screen now, ``theirs``
what is stored now (someone else saved meanwhile). Item by item — each text section, each
member's section, each offer comment, each goal (by its stable key) and the agreements —
a change made by one side only is taken; the same change on both sides is taken once;
different changes of the same item are a :class:`Conflict` for the user to decide. Nothing
either side changed alone is lost, and with no conflicts the result does not depend on
which side is "mine".

Texts are merged by line (paragraph): edits of different paragraphs of one section combine;
edits of the same paragraph, or text added at the same place by both, conflict. Goals and
agreements are merged field by field (a changed date on one side and a changed text on the
other combine). Agreements are merged as a sequence aligned by their stable key
(``agreement_key``; one without a key, by its content): new agreements of both sides are
all kept (in a fixed order), an agreement changed or removed by both differently is a
conflict — so an agreement one side closed stays the agreement it closed, wherever the
other side inserted or removed others.

The merged draft holds, for every conflict, the stored (their) value — except a goal that
one side removed, which stays until decided so that no goal under it is left without its
parent. :func:`resolve` applies the user's choices.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import PlanVersion, User
from app.services.plan.plan_draft import AgreementInput, GoalInput, PlanDraft
from app.services.plan.three_way import (
    Choice,
    Clash,
    Piece,
    diff3,
    in_order,
    merge_list,
    merge_text,
    one_sided,
)


class ItemKind(StrEnum):
    SECTION = "section"  # key: section name
    MEMBER = "member"  # key: citizen id
    COMMENT = "comment"  # key: (citizen id, group key)
    GOAL = "goal"  # key: goal key
    AGREEMENTS = "agreements"  # key: a number (the place is ``Conflict.position``)


@dataclass(frozen=True)
class Conflict:
    """One item both sides changed differently. ``mine``/``theirs`` are the item's value for
    each choice, with everything that did not conflict already combined in: a text (str),
    a goal (GoalInput, None when removed) or agreements (tuple of AgreementInput)."""

    kind: ItemKind
    key: Any
    label: str  # plain data naming the item: section name, citizen id, goal text, …
    base: Any
    mine: Any
    theirs: Any
    both: Any = None  # the value for Choice.BOTH; None: not offered
    after: tuple[str, ...] = ()  # goals: the keys before it (nearest first), to place it
    position: int = 0  # agreements: the index in merged.agreements where theirs stand

    @property
    def item_id(self) -> str:
        if self.kind == ItemKind.COMMENT:
            citizen_id, group = self.key
            return f"{self.kind}:{citizen_id}|{group}"
        return f"{self.kind}:{self.key}"

    @property
    def choices(self) -> tuple[Choice, ...]:
        if self.both is None:
            return (Choice.MINE, Choice.THEIRS)
        return (Choice.MINE, Choice.THEIRS, Choice.BOTH)

    def value(self, choice: Choice) -> Any:
        if choice == Choice.MINE:
            return self.mine
        if choice == Choice.THEIRS:
            return self.theirs
        if self.both is None:
            raise ValueError(f"{self.item_id}: 'both' is not a choice here")
        return self.both


@dataclass(frozen=True)
class MergeResult:
    merged: PlanDraft
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


# -- normalising: compare what the store would keep ------------------------------------


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def normalize(draft: PlanDraft) -> PlanDraft:
    """The draft as the store keeps it (texts NFC and stripped, empty member sections,
    comments and agreements dropped), so typing whitespace is no change."""
    return PlanDraft(
        sections={name: _text(text) for name, text in draft.sections.items()},
        member_sections={c: _text(t) for c, t in draft.member_sections.items() if _text(t)},
        goals=[replace(g, text=_text(g.text)) for g in draft.goals],
        agreements=[
            replace(a, what=_text(a.what)) for a in draft.agreements if _text(a.what) or a.responsible_kind
        ],
        offer_comments={k: _text(t) for k, t in draft.offer_comments.items() if _text(t)},
    )


# -- three-way merge of sequences ------------------------------------------------------


# -- lists: what each side did to each element of base ----------------------------------


# -- texts -----------------------------------------------------------------------------


# -- records (goals, agreements) field by field -----------------------------------------

R = TypeVar("R", GoalInput, AgreementInput)


def _merge_record(
    base: R | None, mine: R | None, theirs: R | None
) -> tuple[R | None, R | None, R | None, bool]:
    """(merged, mine candidate, theirs candidate, conflict?)."""
    if mine == theirs or theirs == base:
        return mine, mine, mine, False
    if mine == base:
        return theirs, theirs, theirs, False
    if mine is None or theirs is None:  # removed on one side, changed on the other
        return None, mine, theirs, True
    merged_fields: dict[str, Any] = {}
    mine_fields: dict[str, Any] = {}
    theirs_fields: dict[str, Any] = {}
    conflict = False
    for f in fields(mine):
        m, t = getattr(mine, f.name), getattr(theirs, f.name)
        b = getattr(base, f.name) if base is not None else None
        if m == t or t == b:
            value = m
        elif m == b:
            value = t
        else:
            conflict = True
            mine_fields[f.name], theirs_fields[f.name] = m, t
            continue
        merged_fields[f.name] = mine_fields[f.name] = theirs_fields[f.name] = value
    if not conflict:
        merged = type(mine)(**merged_fields)
        return merged, merged, merged, False
    return None, type(mine)(**mine_fields), type(theirs)(**theirs_fields), True


def _agreement_order(a: AgreementInput) -> tuple[Any, ...]:
    return (
        a.what,
        str(a.responsible_kind or ""),
        a.responsible_id if a.responsible_id is not None else -1,
        a.due_date.isoformat() if a.due_date else "",
        str(a.status),
        a.agreement_key,
    )


def _agreements_changed(old: AgreementInput, x: AgreementInput, y: AgreementInput) -> Piece:
    value, mine_one, theirs_one, conflict = _merge_record(old, x, y)
    if conflict:
        return Clash((old,), (mine_one,), (theirs_one,))
    return (value,)


def _merge_agreements(
    base: list[AgreementInput], mine: list[AgreementInput], theirs: list[AgreementInput]
) -> tuple[list[AgreementInput], list[Conflict]]:
    """Each stored agreement: kept, changed or removed by each side; new ones all kept."""
    pieces = merge_list(
        base,
        mine,
        theirs,
        lambda a: a.what,
        lambda x, y: in_order(x, y, _agreement_order),
        _agreements_changed,
        in_place=False,  # an agreement unlike the old one is a new agreement
        key=lambda a: a.agreement_key,
    )
    merged: list[AgreementInput] = []
    conflicts: list[Conflict] = []
    for piece in pieces:
        if isinstance(piece, Clash):
            old = piece.base[0]
            conflicts.append(
                Conflict(
                    ItemKind.AGREEMENTS,
                    len(conflicts),
                    old.what,
                    piece.base,
                    piece.mine,
                    piece.theirs,
                    both=piece.mine + piece.theirs,
                    position=len(merged),
                )
            )
            merged.extend(piece.theirs)  # a conflict's place holds exactly len(conflict.theirs)
        else:
            merged.extend(a for a in piece if a.what or a.responsible_kind)  # as normalize() keeps
    return merged, conflicts


# -- goals -----------------------------------------------------------------------------


def _key_order(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    """Every key either side has, in an order both sides' orders agree with where they can."""
    order: list[str] = []
    for chunk in diff3(base, mine, theirs):
        taken = one_sided(chunk)
        if taken is None:
            both = in_order(chunk.mine, chunk.theirs, str)
            taken = tuple(dict.fromkeys(both))
        order.extend(taken)
    return list(dict.fromkeys(order))


def parents_first(goals: list[GoalInput]) -> list[GoalInput]:
    """The goals in their order, but each after its parent (the editor's tree needs that);
    goals whose parent is not there at all come last."""
    keys = {g.goal_key for g in goals}
    placed: set[str] = set()
    waiting: dict[str, list[GoalInput]] = {}
    result: list[GoalInput] = []

    def place(goal: GoalInput) -> None:
        result.append(goal)
        placed.add(goal.goal_key)
        for child in waiting.pop(goal.goal_key, []):
            place(child)

    for goal in goals:
        if goal.parent_key is None or goal.parent_key in placed or goal.parent_key not in keys:
            place(goal)
        else:
            waiting.setdefault(goal.parent_key, []).append(goal)
    for children in waiting.values():  # a cycle: cannot come from the editor, keep them anyway
        result.extend(children)
    return result


def _place(key: str, order: list[str], sides: Sequence[list[GoalInput]]) -> None:
    """Put ``key`` into ``order`` after the nearest goal before it (as theirs, mine or the
    base had it) that is in ``order``."""
    for side in sides:
        keys = [g.goal_key for g in side]
        if key in keys:
            for before in reversed(keys[: keys.index(key)]):
                if before in order:
                    order.insert(order.index(before) + 1, key)
                    return
            break
    order.insert(0, key)


def _merge_goals(
    base: list[GoalInput], mine: list[GoalInput], theirs: list[GoalInput]
) -> tuple[list[GoalInput], list[Conflict]]:
    by = [{g.goal_key: g for g in side} for side in (base, mine, theirs)]
    # The order of the goals kept without a question; a goal in conflict is placed after.
    order = _key_order(*[[g.goal_key for g in side] for side in (base, mine, theirs)])
    every = list(dict.fromkeys([*order, *(g.goal_key for side in (theirs, mine, base) for g in side)]))
    values: dict[str, GoalInput | None] = {}
    conflicts: dict[str, Conflict] = {}
    for key in every:
        b, m, t = (side.get(key) for side in by)
        value, mine_one, theirs_one, conflict = _merge_record(b, m, t)
        if conflict:
            label = (t or m or b).text  # type: ignore[union-attr]
            conflicts[key] = Conflict(ItemKind.GOAL, key, label, b, mine_one, theirs_one)
            value = theirs_one if theirs_one is not None else mine_one  # a removed goal stays until decided
        values[key] = value
    # A goal whose parent one side removed (while the other added or changed a goal under
    # it): keeping or removing the parent is the user's choice.
    changed = True
    while changed:
        changed = False
        for key in every:
            goal = values.get(key)
            if goal is None or goal.parent_key is None or values.get(goal.parent_key) is not None:
                continue
            parent = goal.parent_key
            b, m, t = (side.get(parent) for side in by)
            kept = m or t or b
            if kept is None:
                continue  # a parent nobody ever had: validation reports it
            # The side that did not remove it keeps it (removed by both: mine keeps the old one).
            mine_one = m if m is not None or t is not None else kept
            conflicts[parent] = Conflict(ItemKind.GOAL, parent, kept.text, b, mine_one, t)
            values[parent] = t if t is not None else kept
            changed = True
    for key in every:
        if values.get(key) is not None and key not in order:
            _place(key, order, (theirs, mine, base))
    merged = parents_first([g for key in order if (g := values.get(key)) is not None])
    keys = [g.goal_key for g in merged]
    return merged, [
        replace(conflicts[key], after=tuple(reversed(keys[: keys.index(key)])) if key in keys else ())
        for key in keys
        if key in conflicts
    ]


# -- the draft -------------------------------------------------------------------------


def _merge_texts(
    kind: ItemKind,
    base: Mapping[Any, str],
    mine: Mapping[Any, str],
    theirs: Mapping[Any, str],
    keys: Sequence[Any],
    label: Callable[[Any], str],
) -> tuple[dict[Any, str], list[Conflict]]:
    merged: dict[Any, str] = {}
    conflicts: list[Conflict] = []
    for key in keys:
        b, m, t = base.get(key, ""), mine.get(key, ""), theirs.get(key, "")
        result = merge_text(b, m, t)
        if result.text is None:
            conflicts.append(Conflict(kind, key, label(key), b, result.mine, result.theirs, both=result.both))
            merged[key] = result.theirs
        else:
            merged[key] = result.text
    return merged, conflicts


def _keys(*maps: Mapping[Any, Any]) -> list[Any]:
    return sorted({k for m in maps for k in m}, key=repr)


def merge(base: PlanDraft, mine: PlanDraft, theirs: PlanDraft) -> MergeResult:
    """Three-way merge of the plan (see the module's text)."""
    base, mine, theirs = normalize(base), normalize(mine), normalize(theirs)
    section_names = list(dict.fromkeys([*base.sections, *mine.sections, *theirs.sections]))
    sections, c_sections = _merge_texts(
        ItemKind.SECTION, base.sections, mine.sections, theirs.sections, section_names, str
    )
    members, c_members = _merge_texts(
        ItemKind.MEMBER,
        base.member_sections,
        mine.member_sections,
        theirs.member_sections,
        _keys(base.member_sections, mine.member_sections, theirs.member_sections),
        str,
    )
    comments, c_comments = _merge_texts(
        ItemKind.COMMENT,
        base.offer_comments,
        mine.offer_comments,
        theirs.offer_comments,
        _keys(base.offer_comments, mine.offer_comments, theirs.offer_comments),
        lambda key: str(key[1]),
    )
    goals, c_goals = _merge_goals(base.goals, mine.goals, theirs.goals)
    agreements, c_agreements = _merge_agreements(base.agreements, mine.agreements, theirs.agreements)
    merged = replace(
        normalize(
            PlanDraft(sections=sections, member_sections=members, goals=goals, offer_comments=comments)
        ),
        agreements=agreements,  # as merged: conflicts point at their places in this list
    )
    return MergeResult(merged, tuple(c_sections + c_members + c_comments + c_goals + c_agreements))


def resolve(merged: PlanDraft, conflicts: Sequence[Conflict], choices: Mapping[str, Choice]) -> PlanDraft:
    """The merged draft with the user's choice (by ``Conflict.item_id``) for each conflict.

    Removing a goal removes the goals under it, as in the editor."""
    missing = [c.item_id for c in conflicts if c.item_id not in choices]
    if missing:
        raise ValueError(f"no choice for {', '.join(missing)}")
    sections = dict(merged.sections)
    members = dict(merged.member_sections)
    comments = dict(merged.offer_comments)
    goals = list(merged.goals)
    agreements = list(merged.agreements)
    texts: dict[ItemKind, dict[Any, str]] = {
        ItemKind.SECTION: sections,
        ItemKind.MEMBER: members,
        ItemKind.COMMENT: comments,
    }
    agreement_conflicts: list[Conflict] = []
    for conflict in conflicts:
        value = conflict.value(choices[conflict.item_id])
        if conflict.kind in texts:
            texts[conflict.kind][conflict.key] = value
        elif conflict.kind == ItemKind.GOAL:
            keys = [g.goal_key for g in goals]
            if conflict.key in keys:
                index = keys.index(conflict.key)
                if value is None:
                    del goals[index]
                else:
                    goals[index] = value
            elif value is not None:
                at = next((keys.index(k) + 1 for k in conflict.after if k in keys), 0)
                goals.insert(at, value)
        else:
            agreement_conflicts.append(conflict)
    # Agreements: replace their (stored) agreements at each place, the last place first (two
    # places may start at one index when the first holds nothing: list order breaks the tie).
    for conflict in sorted(agreement_conflicts, key=lambda c: (c.position, c.key), reverse=True):
        value = conflict.value(choices[conflict.item_id])
        agreements[conflict.position : conflict.position + len(conflict.theirs)] = list(value)
    # Goals whose parent was removed go with it.
    while True:
        present = {g.goal_key for g in goals}
        kept = [g for g in goals if g.parent_key is None or g.parent_key in present]
        if len(kept) == len(goals):
            break
        goals = kept
    return normalize(
        PlanDraft(
            sections=sections,
            member_sections=members,
            goals=parents_first(goals),
            agreements=agreements,
            offer_comments=comments,
        )
    )


# -- who saved the stored side ---------------------------------------------------------


@dataclass(frozen=True)
class SavedBy:
    name: str  # the user's full name, else their login
    at: datetime | None


def last_saved_by(session: Session, plan_version_id: int) -> SavedBy:
    """Who saved the plan version last, and when (to tell whose changes were combined)."""
    row = session.execute(
        select(PlanVersion.updated_by, PlanVersion.updated_at).where(PlanVersion.id == plan_version_id)
    ).first()
    if row is None:
        return SavedBy("", None)
    login, at = row
    name = session.scalar(select(User.full_name).where(User.login == login))
    return SavedBy(name or login, at)
