"""The readability of the family's paper: the whole printed text and each part, in print order."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Case
from app.models.enums import GoalLevel
from app.pdf.plan_pdf import build_plan_pdf
from app.services.demo.demo import generate_demo
from app.services.plan.lix import lix
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plan_draft import AgreementInput, GoalInput, PlanDraft
from app.services.plan.readability import (
    AGREEMENTS,
    GOALS,
    OFFERS,
    PRINTED_SECTIONS,
    family_texts,
    member_key,
    member_of,
    read_plan,
)

HARD = (
    "Den koordinerende sagsbehandler iværksætter i samarbejde med de involverede forvaltninger "
    "en helhedsorienteret indsats med henblik på understøttelse af familiens samlede "
    "funktionsniveau, herunder beskæftigelsesrettede foranstaltninger."
)
EASY = "Vi mødes hver tredje uge. Du kan ringe til mig. Vi taler om det, der er svært."


def _goal(text: str, key: str = "g") -> GoalInput:
    return GoalInput(goal_key=key, parent_key=None, level=GoalLevel.OVERALL, text=text)


def test_the_summary_s_score_shows_though_the_field_last_edited_is_easy() -> None:
    """The fault in the issue: the meter said 23 (very easy) while the summary scored 64."""
    draft = PlanDraft(sections={"summary": HARD, "closing": EASY})
    reading = read_plan(draft)
    by_key = {p.key: p.result.score for p in reading.parts}
    assert by_key["summary"] == lix(HARD).score > 55
    assert by_key["closing"] == lix(EASY).score < 25
    assert reading.hardest() is not None and reading.hardest().key == "summary"  # type: ignore[union-attr]
    assert lix(EASY).score < reading.whole.score < lix(HARD).score


def test_parts_come_in_print_order_and_empty_parts_are_left_out() -> None:
    draft = PlanDraft(
        sections={name: f"Tekst om {name}." for name in PRINTED_SECTIONS} | {"barriers": "  "},
        member_sections={7: "Om Freja.", 3: "Om Oliver.", 9: ""},
        goals=[_goal("Oliver trives i skolen"), _goal("", "g2")],
        agreements=[AgreementInput(what="Lise ringer til skolen")],
        offer_comments={(3, "x"): "Kontakt­personen kommer om tirsdagen."},
    )
    keys = [key for key, _text in family_texts(draft, members=[7, 3])]
    sections = [name for name in PRINTED_SECTIONS if name != "barriers"]
    assert keys == [GOALS, AGREEMENTS, *sections, member_key(7), member_key(3), OFFERS]
    assert [p.key for p in read_plan(draft, [7, 3]).parts] == keys


def test_each_goal_and_agreement_is_a_sentence_of_its_own() -> None:
    """Items printed on lines of their own are not run together into one long sentence."""
    goals = [_goal(f"Mål nummer {i} uden punktum", f"g{i}") for i in range(6)]
    reading = read_plan(PlanDraft(goals=goals))
    (part,) = reading.parts
    assert part.result.sentences == 6


def test_an_empty_plan_has_no_reading() -> None:
    reading = read_plan(PlanDraft(sections={"summary": " \n "}))
    assert reading.is_empty and reading.parts == () and reading.hardest() is None


@given(st.integers(min_value=0, max_value=10**9))
def test_member_keys_round_trip(citizen_id: int) -> None:
    assert member_of(member_key(citizen_id)) == citizen_id


@pytest.mark.parametrize("key", ["summary", "member:", "member:x", "goals", "member:-1"])
def test_other_keys_are_not_members(key: str) -> None:
    assert member_of(key) is None


words = st.lists(st.sampled_from(["vi", "mødes", "skolen", "arbejdsmarkedet", "Lise", "ringer"]), min_size=1)
sentences = words.map(lambda w: " ".join(w) + ".")


@given(st.dictionaries(st.sampled_from(PRINTED_SECTIONS), st.lists(sentences, min_size=1).map(" ".join)))
def test_the_whole_is_the_parts_measured_together(sections: dict[str, str]) -> None:
    reading = read_plan(PlanDraft(sections=sections))
    parts = reading.parts
    assert sum(p.result.words for p in parts) == reading.whole.words
    assert sum(p.result.sentences for p in parts) == reading.whole.sentences
    assert sum(p.result.long_words for p in parts) == reading.whole.long_words
    if parts:  # LIX of the summed counts (rounded half up), not an average of the parts' scores
        w, s, long_words = reading.whole.words, reading.whole.sentences, reading.whole.long_words
        assert reading.whole.score == int(w / s + 100 * long_words / w + 0.5)


def test_what_is_measured_is_what_the_family_s_copy_prints(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    """Every part's text is on Lise's printed plan, in the order measured."""
    today = date(2026, 12, 6)
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=0, seed=1, today=today, my_login="tester")
        case_id = session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
    with sqlite_context.sessions() as session:
        doc = load_plan_document(session, case_id)
    assert doc.plan is not None
    draft = PlanDraft.from_view(doc.plan)
    members = [m.citizen_id for m in doc.members]
    pdf = build_plan_pdf(doc, today=today)
    printed = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    parts = read_plan(draft, members).parts
    assert {p.key for p in parts} >= {GOALS, AGREEMENTS, "summary"}
    place = 0
    for part in parts:
        first_line = " ".join(part.text.splitlines()[0].split())
        probe = first_line[:40]
        found = printed.find(probe, place)
        assert found >= 0, f"{part.key}: {probe!r} not printed after position {place}"
        place = found
