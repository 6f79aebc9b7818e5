"""The three-way merge of two people's plan edits: nothing either side changed alone is lost,
a clean merge does not depend on who is "mine", and the user's choices are what is kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, ResponsibleKind
from app.services.plan.plan_merge import (
    Choice,
    ItemKind,
    merge,
    merge_text,
    normalize,
    parents_first,
    resolve,
)
from app.services.plan.plans import AgreementInput, GoalInput, PlanDraft

SECTIONS = ("summary", "barriers", "closing")
MEMBERS = (11, 12)
COMMENTS = ((11, "BL-32"), (12, "sector:health"))
# Agreement texts unlike each other (an edited one stays like its old self).
PHRASES = (
    "Ring til skolen om Lise",
    "Book tid hos tandlægen",
    "Søg boligstøtte hos kommunen",
    "Møde med jobcentret i marts",
    "Kontakt PPR om udredning",
    "Lav en madplan for ugen",
)


def lines(text: str) -> set[str]:
    return set(text.split("\n")) - {""}


# -- drawing edits -----------------------------------------------------------------------


class Fresh:
    """Unique tokens per side, so every added line or text can be traced."""

    def __init__(self, tag: str) -> None:
        self.tag, self.count = tag, 0

    def __call__(self) -> str:
        self.count += 1
        return f"{self.tag}{self.count}"


def edit_lines(data: st.DataObject, base: list[str], fresh: Fresh) -> list[str]:
    out: list[str] = []
    for line in base:
        for _ in range(data.draw(st.integers(0, 1))):
            out.append(fresh())
        fate = data.draw(st.sampled_from(["keep", "keep", "delete", "replace"]))
        if fate == "keep":
            out.append(line)
        elif fate == "replace":
            out.append(fresh())
    for _ in range(data.draw(st.integers(0, 2))):
        out.append(fresh())
    return out


def edit_text(data: st.DataObject, text: str, fresh: Fresh) -> str:
    return "\n".join(edit_lines(data, text.split("\n") if text else [], fresh))


def edit_goal(data: st.DataObject, goal: GoalInput, fresh: Fresh) -> GoalInput | None:
    how = data.draw(st.sampled_from(["text", "status", "date", "remove"]))
    if how == "text":
        return replace(goal, text=f"{goal.text} {fresh()}")
    if how == "status":
        return replace(goal, status=data.draw(st.sampled_from(list(GoalStatus))))
    if how == "date":
        return replace(goal, target_date=date(2027, 1, data.draw(st.integers(1, 28))))
    return None


def edit_agreement(data: st.DataObject, agreement: AgreementInput, fresh: Fresh) -> AgreementInput | None:
    how = data.draw(st.sampled_from(["what", "status", "due", "remove"]))
    if how == "what":
        return replace(agreement, what=f"{agreement.what} {fresh()}")
    if how == "status":
        return replace(agreement, status=data.draw(st.sampled_from(list(AgreementStatus))))
    if how == "due":
        return replace(agreement, due_date=date(2027, 2, data.draw(st.integers(1, 28))))
    return None


@st.composite
def base_drafts(draw: st.DrawFn) -> PlanDraft:
    def text(prefix: str) -> str:
        return "\n".join(f"{prefix}{i}" for i in range(draw(st.integers(0, 4))))

    goals = [
        GoalInput(f"g{i}", None, GoalLevel.OVERALL, f"Mål {i}", (), None, GoalStatus.OPEN)
        for i in range(draw(st.integers(0, 4)))
    ]
    agreements = [
        AgreementInput(PHRASES[i], ResponsibleKind.COORDINATOR, 1, None, AgreementStatus.OPEN)
        for i in range(draw(st.integers(0, 4)))
    ]
    return PlanDraft(
        sections={name: text(f"{name}-") for name in SECTIONS},
        member_sections={cid: t for cid in MEMBERS if (t := text(f"m{cid}-"))},
        goals=goals,
        agreements=agreements,
        offer_comments={key: t for key in COMMENTS if (t := text(f"c{key[0]}-"))},
    )


SIDES = ("none", "mine", "theirs", "both")


def item_keys(base: PlanDraft) -> list[tuple[str, Any]]:
    return (
        [("section", n) for n in SECTIONS]
        + [("member", c) for c in MEMBERS]
        + [("comment", k) for k in COMMENTS]
        + [("goal", g.goal_key) for g in base.goals]
        + [("agreement", i) for i in range(len(base.agreements))]
    )


def apply_edits(
    data: st.DataObject, base: PlanDraft, who: dict[tuple[str, Any], str], side: str
) -> PlanDraft:
    """One side's edits: the items ``who`` gives to this side (or to both), plus additions."""
    fresh = Fresh(side[0])
    mine_too = {side, "both"}
    sections = dict(base.sections)
    members = dict(base.member_sections)
    comments = dict(base.offer_comments)
    for name in SECTIONS:
        if who[("section", name)] in mine_too:
            sections[name] = edit_text(data, sections.get(name, ""), fresh)
    for cid in MEMBERS:
        if who[("member", cid)] in mine_too:
            members[cid] = edit_text(data, members.get(cid, ""), fresh)
    for key in COMMENTS:
        if who[("comment", key)] in mine_too:
            comments[key] = edit_text(data, comments.get(key, ""), fresh)
    goals: list[GoalInput] = []
    for goal in base.goals:
        changed = edit_goal(data, goal, fresh) if who[("goal", goal.goal_key)] in mine_too else goal
        if changed is not None:
            goals.append(changed)
    for _ in range(data.draw(st.integers(0, 2))):
        key = f"{side}-{fresh()}"
        goals.insert(
            data.draw(st.integers(0, len(goals))),
            GoalInput(key, None, GoalLevel.OVERALL, f"Nyt mål {key}", (), None, GoalStatus.OPEN),
        )
    agreements: list[AgreementInput] = []
    for index, agreement in enumerate(base.agreements):
        changed = (
            edit_agreement(data, agreement, fresh) if who[("agreement", index)] in mine_too else agreement
        )
        if changed is not None:
            agreements.append(changed)
    for _ in range(data.draw(st.integers(0, 2))):
        agreements.insert(
            data.draw(st.integers(0, len(agreements))),
            AgreementInput(f"Ny aftale {side} {fresh()}", ResponsibleKind.COORDINATOR, 1),
        )
    return PlanDraft(sections, members, goals, agreements, comments)


def text_of(draft: PlanDraft, kind: str, key: Any) -> str:
    if kind == "section":
        return draft.sections.get(key, "")
    if kind == "member":
        return draft.member_sections.get(key, "")
    return draft.offer_comments.get(key, "")


def whats(draft: PlanDraft) -> set[str]:
    return {a.what for a in draft.agreements}


# -- texts -------------------------------------------------------------------------------


@given(st.data())
def test_a_text_merge_keeps_each_sides_own_lines(data: st.DataObject) -> None:
    base = [f"b{i}" for i in range(data.draw(st.integers(0, 6)))]
    mine, theirs = edit_lines(data, base, Fresh("m")), edit_lines(data, base, Fresh("t"))
    b, m, t = "\n".join(base), "\n".join(mine), "\n".join(theirs)
    added_m, added_t = set(mine) - set(base), set(theirs) - set(base)
    removed_m, removed_t = set(base) - set(mine), set(base) - set(theirs)
    result = merge_text(b, m, t)
    if result.text is not None:  # no conflict: both sides' changes, either way round
        assert added_m | added_t <= lines(result.text)
        assert not (removed_m | removed_t) & lines(result.text)
        assert merge_text(b, t, m).text == result.text
    # Choosing mine keeps all of mine (and theirs where it did not collide).
    assert added_m <= lines(result.mine) and not removed_m & lines(result.mine)
    assert added_t <= lines(result.theirs) and not removed_t & lines(result.theirs)
    # Choosing both loses no one's added line.
    assert added_m | added_t <= lines(result.both)


def test_edits_of_different_paragraphs_combine_and_of_the_same_one_conflict() -> None:
    base = "Lise vil have arbejde.\nHun har svært ved at sove."
    mine = "Lise vil have fast arbejde.\nHun har svært ved at sove."
    theirs = "Lise vil have arbejde.\nHun sover bedre nu."
    assert merge_text(base, mine, theirs).text == "Lise vil have fast arbejde.\nHun sover bedre nu."
    clash = merge_text(base, mine, "Lise vil gerne have et job.\nHun har svært ved at sove.")
    assert clash.text is None
    assert clash.mine == mine
    assert clash.theirs == "Lise vil gerne have et job.\nHun har svært ved at sove."
    assert (
        clash.both == "Lise vil have fast arbejde.\nLise vil gerne have et job.\nHun har svært ved at sove."
    )


def test_text_added_at_the_same_place_by_both_is_a_conflict_and_both_keeps_both() -> None:
    result = merge(
        PlanDraft(sections={"summary": "Start."}),
        PlanDraft(sections={"summary": "Start.\nMin sætning."}),
        PlanDraft(sections={"summary": "Start.\nDeres sætning."}),
    )
    assert [c.item_id for c in result.conflicts] == ["section:summary"]
    assert result.merged.sections["summary"] == "Start.\nDeres sætning."  # the stored side until chosen
    both = resolve(result.merged, result.conflicts, {"section:summary": Choice.BOTH})
    assert both.sections["summary"] == "Start.\nMin sætning.\nDeres sætning."
    mine = resolve(result.merged, result.conflicts, {"section:summary": Choice.MINE})
    assert mine.sections["summary"] == "Start.\nMin sætning."


def test_whitespace_and_unicode_form_are_no_change() -> None:
    """The store strips texts and keeps them in NFC: differing only there is no edit."""
    base = PlanDraft(sections={"summary": "Århus"})
    theirs = PlanDraft(sections={"summary": "Århus og Aalborg"})
    for typed in ("Århus \n", "A\u030arhus"):  # trailing whitespace; Å decomposed (NFD)
        result = merge(base, PlanDraft(sections={"summary": typed}), theirs)
        assert result.clean and result.merged.sections["summary"] == "Århus og Aalborg"


# -- whole drafts: properties ----------------------------------------------------------------


@given(base_drafts(), st.data())
def test_what_one_side_changed_alone_is_never_lost(base: PlanDraft, data: st.DataObject) -> None:
    who = {key: data.draw(st.sampled_from(SIDES)) for key in item_keys(base)}
    mine, theirs = apply_edits(data, base, who, "mine"), apply_edits(data, base, who, "theirs")
    result = merge(base, mine, theirs)
    n_mine, n_theirs = normalize(mine), normalize(theirs)
    conflicted = {c.item_id for c in result.conflicts}
    for (kind, key), side in who.items():
        if side not in ("mine", "theirs"):
            continue
        changed = n_mine if side == "mine" else n_theirs
        if kind in ("section", "member", "comment"):
            item_kind = {"section": ItemKind.SECTION, "member": ItemKind.MEMBER, "comment": ItemKind.COMMENT}[
                kind
            ]
            item_id = f"{item_kind}:{key}" if kind != "comment" else f"comment:{key[0]}|{key[1]}"
            assert item_id not in conflicted
            assert text_of(result.merged, kind, key) == text_of(changed, kind, key)
        elif kind == "goal":
            assert f"goal:{key}" not in conflicted
            assert {g.goal_key: g for g in result.merged.goals}.get(key) == {
                g.goal_key: g for g in changed.goals
            }.get(key)
        else:
            old = base.agreements[key]
            new = next((a for a in changed.agreements if a.what.startswith(old.what)), None)
            merged = [a for a in result.merged.agreements if a.what.startswith(old.what)]
            assert merged == ([new] if new is not None else [])
    # New goals and agreements of either side are all there.
    for side in (n_mine, n_theirs):
        new_goals = [g for g in side.goals if g.goal_key not in {b.goal_key for b in base.goals}]
        assert all(g in result.merged.goals for g in new_goals)
        assert {a.what for a in side.agreements if a.what.startswith("Ny aftale")} <= whats(result.merged)
    # Every resolution keeps the one-sided changes too.
    for choice in (Choice.MINE, Choice.THEIRS):
        chosen = resolve(result.merged, result.conflicts, {c.item_id: choice for c in result.conflicts})
        for (kind, key), side in who.items():
            if side in ("mine", "theirs") and kind in ("section", "member", "comment"):
                changed = n_mine if side == "mine" else n_theirs
                assert text_of(chosen, kind, key) == text_of(changed, kind, key)


@given(base_drafts(), st.data())
def test_a_clean_merge_is_the_same_whoever_is_mine(base: PlanDraft, data: st.DataObject) -> None:
    who = {key: data.draw(st.sampled_from(SIDES)) for key in item_keys(base)}
    mine, theirs = apply_edits(data, base, who, "mine"), apply_edits(data, base, who, "theirs")
    one, other = merge(base, mine, theirs), merge(base, theirs, mine)
    assert {c.item_id for c in one.conflicts if c.kind != ItemKind.AGREEMENTS} == {
        c.item_id for c in other.conflicts if c.kind != ItemKind.AGREEMENTS
    }
    if one.clean:
        assert other.clean
        assert one.merged == other.merged


@given(base_drafts(), st.data())
def test_choosing_mine_everywhere_keeps_all_of_mine(base: PlanDraft, data: st.DataObject) -> None:
    who = {key: data.draw(st.sampled_from(SIDES)) for key in item_keys(base)}
    mine, theirs = apply_edits(data, base, who, "mine"), apply_edits(data, base, who, "theirs")
    result = merge(base, mine, theirs)
    kept = resolve(result.merged, result.conflicts, {c.item_id: Choice.MINE for c in result.conflicts})
    n_base, n_mine = normalize(base), normalize(mine)
    for kind, key in item_keys(base)[: len(SECTIONS) + len(MEMBERS) + len(COMMENTS)]:
        before, after = text_of(n_base, kind, key), text_of(n_mine, kind, key)
        assert lines(after) - lines(before) <= lines(text_of(kept, kind, key))  # my new lines
        assert not (lines(before) - lines(after)) & lines(text_of(kept, kind, key))  # my removals
    base_goals = {g.goal_key: g for g in n_base.goals}
    kept_goals = {g.goal_key: g for g in kept.goals}
    mine_goals = {g.goal_key: g for g in n_mine.goals}
    for key, goal in base_goals.items():
        if key not in mine_goals:
            assert key not in kept_goals  # I removed it
            continue
        for field in ("text", "status", "target_date"):
            if getattr(mine_goals[key], field) != getattr(goal, field):
                assert getattr(kept_goals[key], field) == getattr(mine_goals[key], field)
    assert all(key in kept_goals for key in mine_goals if key not in base_goals)
    my_new_whats = whats(n_mine) - whats(n_base)
    assert my_new_whats <= whats(kept)
    # What I removed stays removed (an agreement I removed or gave a new text).
    assert not (whats(n_base) - whats(n_mine)) & whats(kept)
    # And choosing both loses nobody's new text.
    both = resolve(
        result.merged,
        result.conflicts,
        {c.item_id: Choice.BOTH if Choice.BOTH in c.choices else Choice.MINE for c in result.conflicts},
    )
    n_theirs = normalize(theirs)
    for kind, key in item_keys(base)[: len(SECTIONS) + len(MEMBERS) + len(COMMENTS)]:
        for side in (n_mine, n_theirs):
            added = lines(text_of(side, kind, key)) - lines(text_of(n_base, kind, key))
            assert added <= lines(text_of(both, kind, key))
    assert (whats(n_mine) | whats(n_theirs)) - whats(n_base) <= whats(both)


# -- goals -------------------------------------------------------------------------------


def goal(key: str, text: str, parent: str | None = None, **changes: Any) -> GoalInput:
    level = GoalLevel.OVERALL if parent is None else GoalLevel.SUB
    return replace(GoalInput(key, parent, level, text, (), None, GoalStatus.OPEN), **changes)


def test_a_goal_changed_in_different_fields_combines() -> None:
    g = goal("g", "Lise får arbejde")
    result = merge(
        PlanDraft(goals=[g]),
        PlanDraft(goals=[replace(g, text="Lise får fast arbejde")]),
        PlanDraft(goals=[replace(g, status=GoalStatus.ACHIEVED)]),
    )
    assert result.clean
    assert result.merged.goals == [replace(g, text="Lise får fast arbejde", status=GoalStatus.ACHIEVED)]


def test_a_goal_removed_by_one_and_changed_by_the_other_is_a_choice() -> None:
    g, h = goal("g", "Lise får arbejde"), goal("h", "Karl trives i skolen")
    result = merge(
        PlanDraft(goals=[g, h]),
        PlanDraft(goals=[h]),
        PlanDraft(goals=[replace(g, text="Lise får arbejde i 2027"), h]),
    )
    (conflict,) = result.conflicts
    assert conflict.item_id == "goal:g" and conflict.mine is None
    assert Choice.BOTH not in conflict.choices
    assert [x.goal_key for x in result.merged.goals] == ["g", "h"]  # kept until decided
    removed = resolve(result.merged, result.conflicts, {"goal:g": Choice.MINE})
    assert [x.goal_key for x in removed.goals] == ["h"]
    kept = resolve(result.merged, result.conflicts, {"goal:g": Choice.THEIRS})
    assert kept.goals[0].text == "Lise får arbejde i 2027"


def test_a_goal_i_removed_comes_back_in_its_place_when_their_change_is_chosen() -> None:
    a, b, c = goal("a", "A"), goal("b", "B"), goal("c", "C")
    result = merge(
        PlanDraft(goals=[a, b, c]),
        PlanDraft(goals=[replace(b, text="B mine"), c]),  # I removed a and changed b
        PlanDraft(goals=[replace(a, text="A theirs"), replace(b, text="B theirs"), c]),
    )
    assert {x.item_id for x in result.conflicts} == {"goal:a", "goal:b"}
    chosen = resolve(result.merged, result.conflicts, {"goal:a": Choice.MINE, "goal:b": Choice.MINE})
    assert [(x.goal_key, x.text) for x in chosen.goals] == [("b", "B mine"), ("c", "C")]
    chosen = resolve(result.merged, result.conflicts, {"goal:a": Choice.THEIRS, "goal:b": Choice.MINE})
    assert [(x.goal_key, x.text) for x in chosen.goals] == [("a", "A theirs"), ("b", "B mine"), ("c", "C")]


def test_a_parent_removed_while_the_other_adds_a_goal_under_it_is_a_choice() -> None:
    parent = goal("p", "Familien har et trygt hjem")
    child = goal("c", "Ny lejlighed inden sommer", parent="p")
    result = merge(PlanDraft(goals=[parent]), PlanDraft(goals=[parent, child]), PlanDraft(goals=[]))
    (conflict,) = result.conflicts
    assert conflict.item_id == "goal:p" and conflict.mine == parent and conflict.theirs is None
    assert result.merged.goals == [parent, child]  # nothing without its parent meanwhile
    assert resolve(result.merged, result.conflicts, {"goal:p": Choice.MINE}).goals == [parent, child]
    # Removing the parent removes the goal under it, as the editor does.
    assert resolve(result.merged, result.conflicts, {"goal:p": Choice.THEIRS}).goals == []


def test_goals_added_by_both_are_all_kept_parents_first() -> None:
    p = goal("p", "P")
    mine_child = goal("m", "Mit delmål", parent="p")
    their_child = goal("t", "Deres delmål", parent="p")
    result = merge(PlanDraft(goals=[p]), PlanDraft(goals=[p, mine_child]), PlanDraft(goals=[p, their_child]))
    assert result.clean
    assert result.merged.goals[0] == p and set(result.merged.goals[1:]) == {mine_child, their_child}
    assert parents_first([mine_child, p]) == [p, mine_child]


# -- agreements --------------------------------------------------------------------------


def agreement(what: str, **changes: Any) -> AgreementInput:
    return replace(AgreementInput(what, ResponsibleKind.COORDINATOR, 1, date(2027, 1, 5)), **changes)


def test_agreements_added_by_both_and_changed_apart_are_all_kept() -> None:
    a, b = agreement(PHRASES[0]), agreement(PHRASES[1])
    mine = PlanDraft(agreements=[replace(a, status=AgreementStatus.DONE), b, agreement("Mit nye punkt")])
    theirs = PlanDraft(
        agreements=[a, replace(b, what=PHRASES[1] + " på fredag"), agreement("Deres nye punkt")]
    )
    result = merge(PlanDraft(agreements=[a, b]), mine, theirs)
    assert result.clean
    assert [x.what for x in result.merged.agreements[:2]] == [PHRASES[0], PHRASES[1] + " på fredag"]
    assert result.merged.agreements[0].status == AgreementStatus.DONE
    assert {"Mit nye punkt", "Deres nye punkt"} <= whats(result.merged)
    assert merge(PlanDraft(agreements=[a, b]), theirs, mine).merged == result.merged


def test_an_agreement_both_changed_differently_is_a_choice_with_both_kept_on_request() -> None:
    a, b = agreement(PHRASES[0]), agreement(PHRASES[1])
    mine = PlanDraft(agreements=[a, replace(b, what=PHRASES[1] + " i morgen")])
    theirs = PlanDraft(agreements=[a, replace(b, what=PHRASES[1] + " i næste uge")])
    result = merge(PlanDraft(agreements=[a, b]), mine, theirs)
    (conflict,) = result.conflicts
    assert conflict.kind == ItemKind.AGREEMENTS and conflict.label == PHRASES[1]
    assert [x.what for x in result.merged.agreements] == [PHRASES[0], PHRASES[1] + " i næste uge"]
    kept = resolve(result.merged, result.conflicts, {conflict.item_id: Choice.BOTH})
    assert [x.what for x in kept.agreements] == [
        PHRASES[0],
        PHRASES[1] + " i morgen",
        PHRASES[1] + " i næste uge",
    ]
    mine_kept = resolve(result.merged, result.conflicts, {conflict.item_id: Choice.MINE})
    assert mine_kept.agreements == mine.agreements


def test_resolve_needs_a_choice_for_every_conflict() -> None:
    result = merge(
        PlanDraft(sections={"summary": "a"}),
        PlanDraft(sections={"summary": "b"}),
        PlanDraft(sections={"summary": "c"}),
    )
    with pytest.raises(ValueError, match="section:summary"):
        resolve(result.merged, result.conflicts, {})


def keyed(what: str, key: str, **changes: Any) -> AgreementInput:
    return replace(AgreementInput(what, agreement_key=key), **changes)


def test_agreements_are_matched_by_key_not_by_place() -> None:
    """One side closes the second agreement; the other puts a new one first and rewrites
    the one it closes: the closing lands on the agreement meant, the rewrite is kept."""
    base = PlanDraft(agreements=[keyed("Søge job", "k1"), keyed("Ringe til skolen", "k2")])
    mine = PlanDraft(
        agreements=[keyed("Søge job", "k1"), keyed("Ringe til skolen", "k2", status=AgreementStatus.DONE)]
    )
    theirs = PlanDraft(
        agreements=[keyed("Aflastning", "k0"), keyed("Søge job", "k1"), keyed("Ringe til PPR i stedet", "k2")]
    )
    for result in (merge(base, mine, theirs), merge(base, theirs, mine)):
        assert result.clean
        assert [(a.agreement_key, a.what, a.status) for a in result.merged.agreements] == [
            ("k0", "Aflastning", AgreementStatus.OPEN),
            ("k1", "Søge job", AgreementStatus.OPEN),
            ("k2", "Ringe til PPR i stedet", AgreementStatus.DONE),
        ]


def test_an_agreement_closed_by_one_and_removed_by_the_other_is_a_choice() -> None:
    base = PlanDraft(agreements=[keyed("Søge job", "k1"), keyed("Ringe til skolen", "k2")])
    mine = PlanDraft(
        agreements=[keyed("Søge job", "k1"), keyed("Ringe til skolen", "k2", status=AgreementStatus.DONE)]
    )
    theirs = PlanDraft(agreements=[keyed("Søge job", "k1")])
    result = merge(base, mine, theirs)
    assert [c.kind for c in result.conflicts] == [ItemKind.AGREEMENTS]
