"""Limits on what is stored (issue 12, item 8): the same on both stores, named at the field.

Texts longer than their column, NUL characters and broken characters are refused by the
services with a ValidationError that names the field, and nothing is stored; search takes any
input; a known CPR number typed with another name is asked about, never silently resolved;
a meeting at an absurd date is refused at the field."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import Citizen, PlanVersion
from app.models.enums import CoordinationModel, GoalLevel, Relation
from app.services.cases.case_list import MAX_SEARCH_TERMS, CaseListQuery, Scope, count_cases, fetch_case_rows
from app.services.cases.cases import CaseInput, MemberInput, NameChoice, create_case
from app.services.common.cpr import fictional_cpr
from app.services.common.validation import Problem, ValidationError
from app.services.family.members import add_member
from app.services.meetings.meetings import MeetingInput, validate_meeting
from app.services.plan.plans import (
    SHORT_TEXT_MAX,
    TEXT_MAX,
    AgreementInput,
    GoalInput,
    PlanDraft,
    save_draft,
    start_draft,
)

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _cpr(born: date, seed: int) -> str:
    return fictional_cpr(born, seed % 2 == 0, random.Random(f"limits-{born}-{seed}"))


MOTHER = _cpr(date(1984, 5, 1), 0)
CHILD = _cpr(date(2012, 2, 29), 1)


def _case(session, coordinator_id: int) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name="Familien Holm",
        members=[
            MemberInput("Lise", "Holm", MOTHER, Relation.PARENT, custody=True),
            MemberInput("Emil", "Holm", CHILD, Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
        model=CoordinationModel.ONE_FAMILY_ONE_ENTRY,
    )
    return int(create_case(session, data, TODAY).id)


def _citizen(session, cpr: str) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(Citizen.id).where(Citizen.cpr == cpr)))


LONG = "æ" * (TEXT_MAX + 1)
HUGE = "Lise siger: " + "ø" * 10_000_000
NUL = "Mødet\x00 er aflyst"
SURROGATE = "Emil \udc80 kommer"
BAD_TEXTS = {"one-too-many": LONG, "ten-megabytes": HUGE, "a-nul": NUL, "a-lone-surrogate": SURROGATE}


def _draft_with(where: str, text: str, emil: int) -> PlanDraft:
    goal = GoalInput("g1", None, GoalLevel.OVERALL, "Emil trives i skolen", (emil,), None)
    if where == "section":
        return PlanDraft(sections={"summary": text}, goals=[goal])
    if where == "member":
        return PlanDraft(member_sections={emil: text}, goals=[goal])
    if where == "goal":
        return PlanDraft(goals=[GoalInput("g1", None, GoalLevel.OVERALL, text, (emil,), None)])
    if where == "agreement":
        return PlanDraft(goals=[goal], agreements=[AgreementInput(text, None, None, None)])
    return PlanDraft(goals=[goal], offer_comments={(emil, "BL § 32"): text})


FIELD = {
    "section": "sections.summary",
    "member": "member_sections.{emil}",
    "goal": "goals.0.text",
    "agreement": "agreements.0.what",
    "offer": "offer_comments.{emil}.BL § 32",
}


@pytest.mark.parametrize("where", list(FIELD))
@pytest.mark.parametrize("name", list(BAD_TEXTS))
def test_a_plan_text_that_cannot_be_stored_is_named_and_nothing_changes(
    context, where: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    text = BAD_TEXTS[name]
    if where != "section" and where != "member" and name == "one-too-many":
        text = "x" * (SHORT_TEXT_MAX + 1)
    with context.sessions.begin() as s:
        case_id = _case(s, context.user.id)
        emil = _citizen(s, CHILD)
        pv_id = start_draft(s, case_id)
        version = save_draft(s, pv_id, PlanDraft(sections={"summary": "Før"}), None)
    with pytest.raises(ValidationError) as refused, context.sessions.begin() as s:
        save_draft(s, pv_id, _draft_with(where, text, emil), version)
    expected = Problem.TOO_LONG if name in ("one-too-many", "ten-megabytes") else Problem.BAD_CHARACTERS
    assert [(p.field, p.problem) for p in refused.value.problems] == [
        (FIELD[where].format(emil=emil), expected)
    ]
    with context.sessions() as s:
        stored = s.get(PlanVersion, pv_id)
        assert stored.summary == "Før" and stored.version == version


def test_the_longest_allowed_texts_are_stored_on_both_stores(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = _case(s, context.user.id)
        emil = _citizen(s, CHILD)
        pv_id = start_draft(s, case_id)
        draft = PlanDraft(
            sections={"summary": "å" * TEXT_MAX},
            member_sections={emil: "ø" * TEXT_MAX},
            goals=[GoalInput("g1", None, GoalLevel.OVERALL, "æ" * SHORT_TEXT_MAX, (emil,), None)],
            agreements=[AgreementInput("a" * SHORT_TEXT_MAX, None, None, None)],
        )
        save_draft(s, pv_id, draft, None)
    with context.sessions() as s:
        assert len(s.get(PlanVersion, pv_id).summary) == TEXT_MAX


@pytest.mark.parametrize(
    "family_name",
    ["F" * 201, "Familien\x00Holm", "Familien \ud800 Holm"],
    ids=["too-long", "nul", "surrogate"],
)
def test_every_write_path_is_held_to_the_column(context, family_name: str) -> None:  # type: ignore[no-untyped-def]
    """The flush guard: a text the service did not check is still refused the same on both."""
    data = CaseInput(
        family_name=family_name,
        members=[MemberInput("Lise", "Holm", MOTHER, Relation.PARENT, custody=True)],
        coordinator_id=context.user.id,
        model=CoordinationModel.ONE_FAMILY_ONE_ENTRY,
    )
    with pytest.raises(ValidationError) as refused, context.sessions.begin() as s:
        create_case(s, data, TODAY)
    assert {p.problem for p in refused.value.problems} <= {
        Problem.TOO_LONG,
        Problem.BAD_CHARACTERS,
        Problem.REQUIRED,
    }
    with context.sessions() as s:
        assert s.scalar(select(Citizen.id).where(Citizen.cpr == MOTHER)) is None


@pytest.mark.parametrize(
    "search",
    [
        " ".join(f"ord{i}" for i in range(5000)),
        "hansen\x00",
        "\x00",
        "0101" * 3000,
        "\udc80holm",
        "%_\\" * 500,
        "Holm " * 40,
    ],
    ids=[
        "5000-words",
        "nul-after",
        "only-nul",
        "12000-digits",
        "surrogate",
        "like-wildcards",
        "a-name-40-times",
    ],
)
def test_any_search_gives_a_result(context, search: str) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        _case(s, context.user.id)
    query = CaseListQuery(scope=Scope.ALL, search=search, today=TODAY, now=NOW, user_id=context.user.id)
    with context.sessions() as s:
        count = count_cases(s, query)
        rows = fetch_case_rows(s, query)
    assert count == len(rows)
    if search.startswith("Holm"):
        assert count == 1  # the words beyond MAX_SEARCH_TERMS are the same: still found
    assert MAX_SEARCH_TERMS >= 5


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        (("Lise", "Holm"), False),
        (("lise", "HOLM"), False),
        (("  Lise ", " Holm"), False),
        (("Lisa", "Holm"), True),
        (("Lise", "Holm-Jensen"), True),
        (("Anna", "Berg"), True),
    ],
)
def test_a_known_cpr_with_another_name_is_asked_about(context, typed: tuple[str, str], asked: bool) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        _case(s, context.user.id)
    other = CaseInput(
        family_name="Familien Berg",
        members=[MemberInput(typed[0], typed[1], MOTHER, Relation.PARENT, custody=True)],
        coordinator_id=context.user.id,
        model=CoordinationModel.ONE_FAMILY_ONE_ENTRY,
    )
    if not asked:
        with context.sessions.begin() as s:
            create_case(s, other, TODAY)
        return
    with pytest.raises(ValidationError) as refused, context.sessions.begin() as s:
        create_case(s, other, TODAY)
    [problem] = refused.value.problems
    assert (problem.field, problem.problem, problem.detail) == (
        "members.0.cpr",
        Problem.NAME_DIFFERS,
        "Lise Holm",
    )
    other.members[0].name_choice = NameChoice.STORED
    with context.sessions.begin() as s:
        create_case(s, other, TODAY)
    with context.sessions() as s:
        person = s.scalar(select(Citizen).where(Citizen.cpr == MOTHER))
        assert (person.first_name, person.last_name) == ("Lise", "Holm")
    other.family_name = "Familien Berg II"
    other.members[0].name_choice = NameChoice.TYPED
    with context.sessions.begin() as s:
        create_case(s, other, TODAY)
    with context.sessions() as s:
        person = s.scalar(select(Citizen).where(Citizen.cpr == MOTHER))
        assert (person.first_name, person.last_name) == (typed[0].strip(), typed[1].strip())


def test_adding_a_known_person_with_another_name_is_asked_about(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        first = _case(s, context.user.id)
        second = create_case(
            s,
            CaseInput(
                family_name="Familien Dahl",
                members=[
                    MemberInput("Mette", "Dahl", _cpr(date(1980, 1, 1), 4), Relation.PARENT, custody=True)
                ],
                coordinator_id=context.user.id,
                model=CoordinationModel.ONE_FAMILY_ONE_ENTRY,
            ),
            TODAY,
        ).id
    assert first != second
    with pytest.raises(ValidationError) as refused, context.sessions.begin() as s:
        add_member(s, second, MemberInput("Emilio", "Holm", CHILD, Relation.CHILD), TODAY)
    assert [(p.field, p.problem, p.detail) for p in refused.value.problems] == [
        ("cpr", Problem.NAME_DIFFERS, "Emil Holm")
    ]


@pytest.mark.parametrize(
    "start",
    [
        datetime(1, 1, 1, 10, tzinfo=UTC),
        datetime(226, 12, 3, 10, tzinfo=UTC),
        datetime(2926, 12, 3, 10, tzinfo=UTC),
        datetime(9999, 12, 30, 10, tzinfo=UTC),
        NOW + timedelta(days=3700),
        NOW - timedelta(days=3700),
    ],
)
def test_a_meeting_at_an_absurd_date_is_refused_at_the_field(start: datetime) -> None:
    data = MeetingInput(
        case_id=1, starts_at=start, ends_at=start + timedelta(hours=1), held=start < NOW, participants=[]
    )
    problems = {(p.field, p.problem) for p in validate_meeting(data, NOW)}
    assert ("starts_at", Problem.OUT_OF_RANGE) in problems


@pytest.mark.parametrize("days", [-3000, -1, 1, 30, 3000])
def test_a_meeting_within_ten_years_is_not_out_of_range(days: int) -> None:
    start = NOW + timedelta(days=days)
    data = MeetingInput(case_id=1, starts_at=start, ends_at=start + timedelta(hours=1), held=days < 0)
    assert Problem.OUT_OF_RANGE not in {p.problem for p in validate_meeting(data, NOW)}
