"""The three-way merge under the plan's merge (plan_merge.py): sequences aligned with difflib,
what each side did to each element of the base (kept, changed, removed, added before it),
texts merged by line (paragraph), and the user's choice for a conflict. Plain data; nothing
here knows a plan."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T", bound=Hashable)


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"  # texts: the lines of both; agreements: both sides' agreements


@dataclass(frozen=True)
class Chunk:
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


def diff3(base: Sequence[Any], mine: Sequence[Any], theirs: Sequence[Any]) -> list[Chunk]:
    """Split the three sequences at the elements of ``base`` both sides kept (diff3)."""
    in_mine, in_theirs = _matches(base, mine), _matches(base, theirs)
    chunks: list[Chunk] = []
    i = im = it = 0
    while True:
        j = i
        while j < len(base) and not (j in in_mine and j in in_theirs):
            j += 1
        jm, jt = (in_mine[j], in_theirs[j]) if j < len(base) else (len(mine), len(theirs))
        if (j, jm, jt) != (i, im, it):
            chunks.append(Chunk(False, tuple(base[i:j]), tuple(mine[im:jm]), tuple(theirs[it:jt])))
        if j >= len(base):
            return chunks
        chunks.append(Chunk(True, (base[j],), (mine[jm],), (theirs[jt],)))
        i, im, it = j + 1, jm + 1, jt + 1


def one_sided(chunk: Chunk) -> tuple[Any, ...] | None:
    """The chunk's result when at most one side changed it (or both alike); else None."""
    if chunk.stable or chunk.mine == chunk.theirs:
        return chunk.mine
    if chunk.mine == chunk.base:
        return chunk.theirs
    if chunk.theirs == chunk.base:
        return chunk.mine
    return None


def in_order(first: tuple[Any, ...], second: tuple[Any, ...], key: Callable[[Any], Any]) -> tuple[Any, ...]:
    """Both sides' additions at one place, in an order that does not depend on the sides."""
    a, b = sorted((first, second), key=lambda chunk: [key(x) for x in chunk])
    return a + b


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
class Clash:
    base: tuple[Any, ...]
    mine: tuple[Any, ...]
    theirs: tuple[Any, ...]


Piece = tuple[Any, ...] | Clash


def merge_list(
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
    added at one place or changed one element, the callbacks decide (a Clash: conflict).
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
            pieces.append(combined if combined is not None else Clash((), added_a, added_b))
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
            pieces.append(Clash((old,), fate_a, fate_b))
    return pieces


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
    pieces = merge_list(
        base.split("\n") if base else [],
        mine.split("\n") if mine else [],
        theirs.split("\n") if theirs else [],
        str,
        lambda _a, _b: None,
        lambda old, x, y: Clash((old,), (x,), (y,)),
        in_place=True,
    )
    out: dict[Choice, list[str]] = {choice: [] for choice in Choice}
    conflicted = False
    for piece in pieces:
        if isinstance(piece, Clash):
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
