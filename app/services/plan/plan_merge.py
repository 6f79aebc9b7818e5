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
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import PlanVersion, User
from app.services.plan.plan_draft import AgreementInput, GoalInput, PlanDraft

T = TypeVar("T", bound=Hashable)


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"  # texts: the lines of both; agreements: both sides' agreements


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


@dataclass(frozen=True)
class _Chunk:
    stable: bool
    base: tuple[Any, ...]
    mine: tuple[Any, ...]
    theirs: tuple[Any, ...]


def _matches(base: Sequence[Any], other: Sequence[Any]) -> dict[int, int]:
    matcher = SequenceMatcher(a=list(base), b=list(other), autojunk=False)
    found: dict[int, int] = {}
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            found[i + k] = j + k
    return found


def _diff3(base: Sequence[Any], mine: Sequence[Any], theirs: Sequence[Any]) -> list[_Chunk]:
    """Split the three sequences at the elements of ``base`` both sides kept (diff3)."""
    in_mine, in_theirs = _matches(base, mine), _matches(base, theirs)
    chunks: list[_Chunk] = []
    i = im = it = 0
    while True:
        j = i
        while j < len(base) and not (j in in_mine and j in in_theirs):
            j += 1
        jm, jt = (in_mine[j], in_theirs[j]) if j < len(base) else (len(mine), len(theirs))
        if (j, jm, jt) != (i, im, it):
            chunks.append(_Chunk(False, tuple(base[i:j]), tuple(mine[im:jm]), tuple(theirs[it:jt])))
        if j >= len(base):
            return chunks
        chunks.append(_Chunk(True, (base[j],), (mine[jm],), (theirs[jt],)))
        i, im, it = j + 1, jm + 1, jt + 1


def _one_sided(chunk: _Chunk) -> tuple[Any, ...] | None:
    """The chunk's result when at most one side changed it (or both alike); else None."""
    if chunk.stable or chunk.mine == chunk.theirs:
        return chunk.mine
    if chunk.mine == chunk.base:
        return chunk.theirs
    if chunk.theirs == chunk.base:
        return chunk.mine
    return None


def _in_order(first: tuple[Any, ...], second: tuple[Any, ...], key: Callable[[Any], Any]) -> tuple[Any, ...]:
    """Both sides' additions at one place, in an order that does not depend on the sides."""
    a, b = sorted((first, second), key=lambda chunk: [key(x) for x in chunk])
    return a + b


# -- lists: what each side did to each element of base ----------------------------------


@dataclass
class _Script:
    """One side's edit of a list: per element of base its fate, and what was inserted
    before each element (``inserts[len(base)]``: at the end)."""

    fate: list[tuple[Any, ...]]  # () removed, (x,) kept or changed into x
    inserts: list[tuple[Any, ...]]


PAIR_RATIO = 0.5  # how alike two texts must be to count as one changed, not one replaced


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(a=a, b=b, autojunk=False).ratio()


def _pairs(
    old: Sequence[Any], new: Sequence[Any], text: Callable[[Any], str], in_place: bool
) -> list[tuple[int, int]]:
    """Which of ``old`` became which of ``new`` in a replaced block: in order, by likeness;
    with ``in_place`` (lines of text), a block rewritten line for line counts as changed."""
    if in_place and len(old) == len(new) == 1:
        return [(0, 0)]
    pairs: list[tuple[int, int]] = []
    j = 0
    for i, before in enumerate(old):
        scored = [(_alike(text(before), text(new[k])), -k) for k in range(j, len(new))]
        ratio, minus_k = max(scored, default=(0.0, 0))
        if ratio >= PAIR_RATIO:
            pairs.append((i, -minus_k))
            j = -minus_k + 1
    if in_place and not pairs and len(old) == len(new):  # all rewritten: changed in place
        pairs = [(i, i) for i in range(len(old))]
    return pairs


def _keyed_pairs(
    old: Sequence[Any],
    new: Sequence[Any],
    text: Callable[[Any], str],
    in_place: bool,
    key: Callable[[Any], str],
) -> list[tuple[int, int]]:
    """As :func:`_pairs`, but elements with a key are never paired (their key differs: one
    was removed, another added); only those without one are paired by likeness."""
    old_free = [i for i, x in enumerate(old) if not key(x)]
    new_free = [k for k, x in enumerate(new) if not key(x)]
    found = _pairs([old[i] for i in old_free], [new[k] for k in new_free], text, in_place)
    return [(old_free[i], new_free[k]) for i, k in found]


def _script(
    base: Sequence[Any],
    side: Sequence[Any],
    text: Callable[[Any], str],
    in_place: bool,
    key: Callable[[Any], str] | None = None,
) -> _Script:
    """With ``key``: elements are aligned by their key (an element with the same key is the
    same element, changed or not); elements without a key by their value."""
    script = _Script([(b,) for b in base], [() for _ in range(len(base) + 1)])

    def identity(x: Any) -> Hashable:
        return ("key", key(x)) if key is not None and key(x) else ("value", x)

    matcher = SequenceMatcher(a=[identity(x) for x in base], b=[identity(x) for x in side], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                script.fate[i1 + offset] = (side[j1 + offset],)  # kept, perhaps changed
            continue
        old, new = base[i1:i2], side[j1:j2]
        if tag != "replace":
            pairs: list[tuple[int, int]] = []
        elif key is None:
            pairs = _pairs(old, new, text, in_place)
        else:
            pairs = _keyed_pairs(old, new, text, in_place, key)
        for i in range(len(old)):
            script.fate[i1 + i] = ()
        for i, k in pairs:
            script.fate[i1 + i] = (new[k],)
        # New elements go before the next old one that became something (or after the block).
        next_new = 0
        for i, k in [*pairs, (len(old), len(new))]:
            added = tuple(new[next_new:k])
            if added:
                at = i1 + i if i < len(old) else i2
                script.inserts[at] = script.inserts[at] + added
            next_new = k + 1
    return script


def _within(part: tuple[Any, ...], whole: tuple[Any, ...]) -> bool:
    """Whether ``part`` is in ``whole`` in order (a subsequence), e.g. a line added by one
    side that the other added too, with more after it."""
    found = iter(whole)
    return all(any(x == y for y in found) for x in part)


@dataclass(frozen=True)
class _Clash:
    base: tuple[Any, ...]
    mine: tuple[Any, ...]
    theirs: tuple[Any, ...]


Piece = tuple[Any, ...] | _Clash


def _merge_list(
    base: Sequence[Any],
    mine: Sequence[Any],
    theirs: Sequence[Any],
    text: Callable[[Any], str],
    both_added: Callable[[tuple[Any, ...], tuple[Any, ...]], tuple[Any, ...] | None],
    both_changed: Callable[[Any, Any, Any], Piece],
    in_place: bool,
    key: Callable[[Any], str] | None = None,
) -> list[Piece]:
    """Element by element of base: kept, changed or removed by each side. Where both sides
    added at one place or changed one element, the callbacks decide (a _Clash: conflict).
    ``key``: an element's stable identity ("" for none; see :func:`_script`)."""
    a, b = _script(base, mine, text, in_place, key), _script(base, theirs, text, in_place, key)
    pieces: list[Piece] = []
    for index in range(len(base) + 1):
        added_a, added_b = a.inserts[index], b.inserts[index]
        if _within(added_b, added_a):  # the same, or mine holds all of theirs
            pieces.append(added_a)
        elif _within(added_a, added_b):
            pieces.append(added_b)
        else:
            combined = both_added(added_a, added_b)
            pieces.append(combined if combined is not None else _Clash((), added_a, added_b))
        if index == len(base):
            break
        old, fate_a, fate_b = base[index], a.fate[index], b.fate[index]
        if fate_a == fate_b or fate_b == (old,):
            pieces.append(fate_a)
        elif fate_a == (old,):
            pieces.append(fate_b)
        elif fate_a and fate_b:
            pieces.append(both_changed(old, fate_a[0], fate_b[0]))
        else:  # removed on one side, changed on the other
            pieces.append(_Clash((old,), fate_a, fate_b))
    return pieces


# -- texts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TextMerge:
    text: str | None  # None: a conflict; then the three candidates below
    mine: str
    theirs: str
    both: str


def merge_text(base: str, mine: str, theirs: str) -> TextMerge:
    """Line (paragraph) by line. Where both changed the same line differently, or both
    added lines at the same place, ``mine``/``theirs``/``both`` take my lines, their lines,
    or mine then theirs there — with everything else combined."""
    if mine == theirs or theirs == base:
        return TextMerge(mine, mine, mine, mine)
    if mine == base:
        return TextMerge(theirs, theirs, theirs, theirs)
    pieces = _merge_list(
        base.split("\n") if base else [],
        mine.split("\n") if mine else [],
        theirs.split("\n") if theirs else [],
        str,
        lambda _a, _b: None,
        lambda old, x, y: _Clash((old,), (x,), (y,)),
        in_place=True,
    )
    out: dict[Choice, list[str]] = {choice: [] for choice in Choice}
    conflicted = False
    for piece in pieces:
        if isinstance(piece, _Clash):
            conflicted = True
            out[Choice.MINE].extend(piece.mine)
            out[Choice.THEIRS].extend(piece.theirs)
            out[Choice.BOTH].extend(piece.mine + piece.theirs)
        else:
            for lines in out.values():
                lines.extend(piece)
    texts = {choice: "\n".join(lines) for choice, lines in out.items()}
    return TextMerge(
        None if conflicted else texts[Choice.MINE],
        texts[Choice.MINE],
        texts[Choice.THEIRS],
        texts[Choice.BOTH],
    )


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
        return _Clash((old,), (mine_one,), (theirs_one,))
    return (value,)


def _merge_agreements(
    base: list[AgreementInput], mine: list[AgreementInput], theirs: list[AgreementInput]
) -> tuple[list[AgreementInput], list[Conflict]]:
    """Each stored agreement: kept, changed or removed by each side; new ones all kept."""
    pieces = _merge_list(
        base,
        mine,
        theirs,
        lambda a: a.what,
        lambda x, y: _in_order(x, y, _agreement_order),
        _agreements_changed,
        in_place=False,  # an agreement unlike the old one is a new agreement
        key=lambda a: a.agreement_key,
    )
    merged: list[AgreementInput] = []
    conflicts: list[Conflict] = []
    for piece in pieces:
        if isinstance(piece, _Clash):
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
    for chunk in _diff3(base, mine, theirs):
        taken = _one_sided(chunk)
        if taken is None:
            both = _in_order(chunk.mine, chunk.theirs, str)
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
