"""A recipient's copy of the plan keeps only what consent covers for that recipient and says
what was left out (without the content); the family's copy is complete."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import InterventionStatus, ResponsibleKind, Sector
from app.services.demo.demo import generate_demo
from app.services.plan.plan_document import (
    AgreementView,
    GoalView,
    OfferItem,
    OfferLine,
    PlanDocument,
    load_plan_document,
)
from app.services.plan.recipient_copy import (
    PartyError,
    family_copy,
    load_recipient_copy,
    parse_party,
    participants_without_cover,
    party_label,
    recipient_choices,
    recipient_copy,
)
from app.services.privacy.consents import withdraw_consent
from app.services.privacy.sharing import Party, PartyKind
from tests.lise_consents import AGREEMENT_TEXT, GOAL_TEXT, SCHOOL, SECTION_TEXT, prepare_lise

TODAY = date(2026, 11, 24)
ALL = frozenset({"plan", "social", "health", "school", "employment", "family"})


@pytest.fixture
def store(sqlite_context: Any) -> Any:
    with sqlite_context.sessions.begin() as s:
        generate_demo(s, families=2, seed=1, today=TODAY, my_login="tester")
    return sqlite_context


@pytest.fixture
def doc(store: Any) -> PlanDocument:
    with store.sessions.begin() as s:
        prepare_lise(s, TODAY, consent_for=())
    with store.sessions() as s:
        case_id = s.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
        assert case_id is not None
        return load_plan_document(s, case_id)


def ids(doc: PlanDocument) -> dict[str, int]:
    return {m.first_name: m.citizen_id for m in doc.members}


def all_text(doc: PlanDocument) -> str:
    plan = doc.plan
    assert plan is not None
    parts = [t for _, t in plan.sections] + [t for _, t in plan.member_sections]
    parts += [g.text for g in plan.goals] + [a.what for a in plan.agreements]
    parts += [i.title for o in doc.offers for i in o.items]
    return "\n".join(parts)


# -- pure filtering --------------------------------------------------------------------------


def test_everyone_covered_keeps_everything(doc: PlanDocument) -> None:
    copy = recipient_copy(doc, {cid: ALL for cid in ids(doc).values()}, "Skolen", SCHOOL)
    assert copy.document == doc
    assert copy.omitted == () and copy.complete


def test_the_family_copy_is_complete(doc: PlanDocument) -> None:
    copy = family_copy(doc)
    assert copy.document is doc and copy.recipient is None and copy.recipient_label == ""
    assert copy.complete


def test_members_without_plan_cover_are_left_out_and_it_is_said(doc: PlanDocument) -> None:
    who = ids(doc)
    cover = {
        who["Lise"]: ALL,
        who["Freja"]: ALL,
        who["Oliver"]: frozenset(),
        who["Emil"]: frozenset({"school"}),
    }
    copy = recipient_copy(doc, cover, "Skolen", SCHOOL)
    plan = copy.document.plan
    assert plan is not None
    text = all_text(copy.document)
    for first in ("Oliver", "Emil"):
        assert SECTION_TEXT[first] not in text
        assert GOAL_TEXT[first] not in text
        assert AGREEMENT_TEXT[first] not in text
        assert all(o.citizen_id != who[first] for o in copy.document.offers)
        assert all(who[first] not in g.member_ids for g in plan.goals)
    for first in ("Lise", "Freja"):
        assert SECTION_TEXT[first] in text
    # What concerns the whole family needs everyone's consent.
    assert all(not t for _, t in plan.sections)
    assert all(a.responsible_kind == ResponsibleKind.MEMBER for a in plan.agreements)
    assert copy.omitted == (
        "Det, der gælder hele familien, er udeladt: ikke alle i familien har givet samtykke til at "
        "dele det med Skolen.",
        "Det, der står om to familiemedlemmer, er udeladt: der er ikke samtykke til at dele det med Skolen.",
    )
    # ... and the copy names neither of them: not in its list of members, nor in a statement.
    assert [m.name.split()[0] for m in copy.document.members] == ["Lise", "Freja"]
    assert not any(name in statement for statement in copy.omitted for name in ("Oliver", "Emil"))
    # The statements never carry the content.
    for statement in copy.omitted:
        for secret in [*SECTION_TEXT.values(), *GOAL_TEXT.values(), *AGREEMENT_TEXT.values()]:
            assert secret not in statement


def test_help_needs_the_sectors_information_type(doc: PlanDocument) -> None:
    who = ids(doc)
    cover = {cid: ALL for cid in who.values()}
    cover[who["Lise"]] = frozenset({"plan", "school"})  # not employment, not social
    copy = recipient_copy(doc, cover, "Skolen", SCHOOL)
    lise = [o for o in copy.document.offers if o.citizen_id == who["Lise"]]
    assert lise == []
    assert SECTION_TEXT["Lise"] in all_text(copy.document)
    assert copy.omitted == (
        "Noget af den hjælp, Lise får, er udeladt: der er ikke samtykke til at dele det med Skolen.",
    )
    # Everyone has plan cover: the family's common sections stay.
    assert copy.document.plan is not None and copy.document.plan.section("summary")


def test_a_goal_left_out_takes_its_sub_goals_and_a_family_goal_needs_everyone(doc: PlanDocument) -> None:
    who = ids(doc)
    plan = doc.plan
    assert plan is not None
    goals = (
        GoalView(
            "fam", None, plan.goals[0].level, "Vi spiser aftensmad sammen", (), None, plan.goals[0].status
        ),
        GoalView("o", None, plan.goals[0].level, "Oliver-mål", (who["Oliver"],), None, plan.goals[0].status),
        GoalView(
            "o-f", "o", plan.goals[1].level, "Under Olivers mål", (who["Freja"],), None, plan.goals[0].status
        ),
        GoalView("f", None, plan.goals[0].level, "Freja-mål", (who["Freja"],), None, plan.goals[0].status),
    )
    small = dataclasses.replace(doc, plan=dataclasses.replace(plan, goals=goals))
    cover = {cid: ALL for cid in who.values()}
    cover[who["Oliver"]] = frozenset()
    kept = recipient_copy(small, cover, "Skolen").document.plan
    assert kept is not None
    assert [g.goal_key for g in kept.goals] == ["f"]
    everyone = recipient_copy(small, {cid: ALL for cid in who.values()}, "Skolen").document.plan
    assert everyone is not None and len(everyone.goals) == 4


def test_nothing_covered_leaves_out_everything_about_everyone(doc: PlanDocument) -> None:
    copy = recipient_copy(doc, {}, "Skolen")
    plan = copy.document.plan
    assert plan is not None
    assert not plan.goals and not plan.agreements and not plan.member_sections and not copy.document.offers
    assert all(not t for _, t in plan.sections)
    assert copy.omitted[1:] == (
        "Det, der står om fire familiemedlemmer, er udeladt: der er ikke samtykke til at dele det med Skolen.",
    )
    assert copy.document.members == ()  # and no one is named


def test_offer_comments_go_with_their_offer(doc: PlanDocument) -> None:
    who = ids(doc)
    plan = doc.plan
    assert plan is not None
    offer = OfferLine(
        who["Emil"],
        "BL-30",
        "Barnets lov",
        "BL § 30",
        "",
        Sector.SOCIAL_CHILDREN,
        (OfferItem("Samtalegruppe", "", TODAY, None, InterventionStatus.ACTIVE),),
        "Emil er glad for gruppen",
    )
    small = dataclasses.replace(
        doc,
        offers=(offer,),
        plan=dataclasses.replace(plan, offer_comments=((who["Emil"], "BL-30", "Emil er glad for gruppen"),)),
    )
    out = recipient_copy(small, {who["Emil"]: frozenset({"plan"})}, "Skolen").document
    assert out.offers == () and out.plan is not None and out.plan.offer_comments == ()
    kept = recipient_copy(small, {who["Emil"]: frozenset({"plan", "social"})}, "Skolen").document
    assert kept.offers == (offer,)


def test_agreements_of_professionals_concern_the_family(doc: PlanDocument) -> None:
    who = ids(doc)
    plan = doc.plan
    assert plan is not None
    pro = AgreementView(
        "Ringe til skolen", ResponsibleKind.PROFESSIONAL, 1, "X", None, plan.agreements[0].status
    )
    small = dataclasses.replace(doc, plan=dataclasses.replace(plan, agreements=(pro,)))
    cover = {cid: ALL for cid in who.values()}
    assert recipient_copy(small, cover, "Skolen").document.plan.agreements == (pro,)  # type: ignore[union-attr]
    cover[who["Emil"]] = frozenset()
    assert recipient_copy(small, cover, "Skolen").document.plan.agreements == ()  # type: ignore[union-attr]


# -- from the store: Lise's case and the consent register --------------------------------------


def test_the_schools_copy_of_lises_plan_leaves_out_what_the_family_did_not_consent_to_share(
    store: Any,
) -> None:
    with store.sessions.begin() as s:
        lise = prepare_lise(s, TODAY)
    with store.sessions() as s:
        school = load_recipient_copy(s, lise.case_id, SCHOOL, TODAY)
        family = load_recipient_copy(s, lise.case_id, None, TODAY)
    text = all_text(school.document)
    for first in ("Oliver", "Emil"):
        assert SECTION_TEXT[first] not in text
        assert GOAL_TEXT[first] not in text
        assert AGREEMENT_TEXT[first] not in text
    assert SECTION_TEXT["Freja"] in text and SECTION_TEXT["Lise"] in text
    assert "Støtte i klassen" in text  # Freja's help at school: plan and school covered
    assert "Virksomhedspraktik på plejecenter Bøgely" not in text  # Lise's job centre help
    assert school.recipient_label == "Skolen"
    assert (
        "Det, der står om to familiemedlemmer, er udeladt: der er ikke samtykke til at dele det med Skolen."
        in school.omitted
    )
    assert not any(name in t for t in school.omitted for name in ("Oliver", "Emil"))
    assert not any("Freja," in t for t in school.omitted)
    # The family's copy is complete.
    assert family.complete and family.recipient_label == ""
    full = all_text(family.document)
    assert all(t in full for t in [*SECTION_TEXT.values(), *GOAL_TEXT.values(), *AGREEMENT_TEXT.values()])


def test_a_withdrawn_consent_is_left_out_at_once(store: Any) -> None:
    with store.sessions.begin() as s:
        lise = prepare_lise(s, TODAY)
    with store.sessions() as s:
        assert SECTION_TEXT["Freja"] in all_text(load_recipient_copy(s, lise.case_id, SCHOOL, TODAY).document)
    with store.sessions.begin() as s:
        withdraw_consent(s, lise.consent_ids["Freja"], TODAY, expected_version=None)
    with store.sessions() as s:
        copy = load_recipient_copy(s, lise.case_id, SCHOOL, TODAY)
    assert SECTION_TEXT["Freja"] not in all_text(copy.document)
    assert (  # Oliver and Emil were not covered before: now three
        "Det, der står om tre familiemedlemmer, er udeladt: der er ikke samtykke til at dele det med Skolen."
        in copy.omitted
    )
    assert "Freja" not in " ".join(m.name for m in copy.document.members)


def test_a_professional_at_the_school_is_covered_through_the_sector(store: Any) -> None:
    with store.sessions.begin() as s:
        lise = prepare_lise(s, TODAY)
    with store.sessions() as s:
        choices = recipient_choices(s, lise.case_id)
        parties = [p for p, _ in choices]
        assert SCHOOL in parties and Party(PartyKind.ORGANISATION, "Vestskolen") in parties
        teacher = next(
            p for p, label in choices if p.kind == PartyKind.PROFESSIONAL and "Vestskolen" in label
        )
        mentor = next(
            p for p, label in choices if p.kind == PartyKind.PROFESSIONAL and "Mentorkorpset" in label
        )
        copy = load_recipient_copy(s, lise.case_id, teacher, TODAY)
        assert SECTION_TEXT["Freja"] in all_text(copy.document)
        assert SECTION_TEXT["Emil"] not in all_text(copy.document)
        assert copy.recipient_label == party_label(s, teacher) and "Skoleleder" in copy.recipient_label
        # Nobody consented for the mentor: the whole case lacks cover for him.
        keys = [f"professional:{teacher.value}", f"professional:{mentor.value}", "citizen:1", "guest:Mormor"]
        assert participants_without_cover(s, lise.case_id, keys, TODAY) == keys[:2]


def test_parse_party() -> None:
    assert parse_party("sector:school") == SCHOOL
    assert parse_party("sector:employment") == Party(PartyKind.SECTOR, "employment")
    assert parse_party("organisation:Skolen ved Søen") == Party(PartyKind.ORGANISATION, "Skolen ved Søen")
    assert parse_party("professional:12") == Party(PartyKind.PROFESSIONAL, "12")
    for bad in ("school", "sector:moon", "professional:Dorthe", "team:x"):
        with pytest.raises(PartyError):
            parse_party(bad)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "et familiemedlem"),
        (2, "to familiemedlemmer"),
        (10, "ti familiemedlemmer"),
        (11, "11 familiemedlemmer"),
    ],
)
def test_the_members_left_out_are_counted_never_named(n: int, words: str) -> None:
    from app.services.plan.recipient_copy import _members_counted

    assert _members_counted(n) == words
