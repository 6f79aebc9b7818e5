"""Professionals around families: validation, the case network, shared details, search."""

from __future__ import annotations

import random
from datetime import date, time

import pytest
from sqlalchemy import func, select, text

from app.models import CaseProfessional, Citizen, Professional
from app.models.enums import CoordinationModel, Relation, Sector
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.family_overview import ProfessionalInfo, load_family_overview
from app.services.family.interventions import InterventionInput, SlotInput, add_intervention
from app.services.family.professionals import (
    ProfessionalChoice,
    ProfessionalInput,
    add_professional,
    link_professional,
    search_professionals,
    unlink_professional,
    update_professional,
    validate_professional,
)

TODAY = date(2026, 11, 24)


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"professionals-{born}-{female}"))


def family_case(s, coordinator_id: int, last: str, born: int) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name=f"Familien {last}",
        members=[
            MemberInput("Mette", last, cpr(date(born, 3, 12), True), Relation.PARENT, custody=True),
            MemberInput("Søren", last, cpr(date(born + 25, 9, 2), False), Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
        model=CoordinationModel.TOGETHER_FOR_FAMILY,
    )
    return create_case(s, data, TODAY).id


def pairs(problems: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in problems}


def network(s, case_id: int) -> dict[int, ProfessionalInfo]:  # type: ignore[no-untyped-def]
    return {p.id: p for p in load_family_overview(s, case_id).professionals}


def links(s, case_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    return list(
        s.scalars(select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id)).all()
    )


@pytest.fixture
def two_cases(sqlite_context):  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        first = family_case(s, sqlite_context.user.id, "Åberg", 1985)
        second = family_case(s, sqlite_context.user.id, "Ørsted", 1980)
    return sqlite_context, first, second


# -- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ProfessionalInput("Søren Ærø Ågård"),
        ProfessionalInput(
            "Åse Ødegaard",
            "Sundhedsplejerske",
            "Sundhedsplejen, Ærøskøbing",
            Sector.HEALTH,
            "+45 12 34 56 78",
            "aase.oedegaard@kommune.dk",
        ),
        ProfessionalInput("Ole", phone="12345678", email="søren@kommune.dk"),
        ProfessionalInput("Ole", phone="(45) 12-34-56-78"),
        ProfessionalInput("Ole", role="R" * 200, organisation="O" * 200),
    ],
)
def test_valid_professionals(data: ProfessionalInput) -> None:
    assert validate_professional(data) == []


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ProfessionalInput("  "), {("name", Problem.REQUIRED)}),
        (ProfessionalInput("Æ" * 201), {("name", Problem.TOO_LONG)}),
        (ProfessionalInput("Ole", role="R" * 201), {("role", Problem.TOO_LONG)}),
        (ProfessionalInput("Ole", organisation="O" * 201), {("organisation", Problem.TOO_LONG)}),
        (ProfessionalInput("Ole", email="ole@kommune"), {("email", Problem.EMAIL_FORMAT)}),
        (ProfessionalInput("Ole", email="ole.kommune.dk"), {("email", Problem.EMAIL_FORMAT)}),
        (ProfessionalInput("Ole", email="ole bæk@kommune.dk"), {("email", Problem.EMAIL_FORMAT)}),
        (ProfessionalInput("Ole", phone="12ab5678"), {("phone", Problem.PHONE_FORMAT)}),
        (ProfessionalInput("Ole", phone="1234"), {("phone", Problem.PHONE_FORMAT)}),
        (ProfessionalInput("Ole", phone="12 34 +56 78"), {("phone", Problem.PHONE_FORMAT)}),
        (
            ProfessionalInput("", email="@", phone="x"),
            {("name", Problem.REQUIRED), ("email", Problem.EMAIL_FORMAT), ("phone", Problem.PHONE_FORMAT)},
        ),
    ],
)
def test_invalid_professionals(data: ProfessionalInput, expected: set[tuple[str, Problem]]) -> None:
    assert pairs(validate_professional(data)) == expected


def test_invalid_professional_is_not_stored(two_cases) -> None:  # type: ignore[no-untyped-def]
    ctx, first, _second = two_cases
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            add_professional(s, first, ProfessionalInput("Ole", email="ole@"))
        assert pairs(err.value.problems) == {("email", Problem.EMAIL_FORMAT)}
    with ctx.sessions() as s:
        assert s.scalar(text("SELECT count(*) FROM professionals")) == 0
        assert s.scalar(text("SELECT count(*) FROM case_professionals")) == 0


# -- storing and the network ---------------------------------------------------------------


def test_add_professional_stores_and_links_to_the_case(two_cases) -> None:  # type: ignore[no-untyped-def]
    ctx, first, second = two_cases
    data = ProfessionalInput(
        "  Åse Ødegaard ",
        " Sundhedsplejerske ",
        " Sundhedsplejen ",
        Sector.HEALTH,
        " 12 34 56 78 ",
        " aase@k.dk ",
    )
    with ctx.sessions.begin() as s:
        pro_id = add_professional(s, first, data)
    with ctx.sessions() as s:
        assert links(s, first) == [pro_id]
        assert links(s, second) == []
        info = network(s, first)[pro_id]
        assert (info.name, info.role, info.organisation, info.sector, info.phone, info.email) == (
            "Åse Ødegaard",
            "Sundhedsplejerske",
            "Sundhedsplejen",
            Sector.HEALTH,
            "12 34 56 78",
            "aase@k.dk",
        )
        assert info.in_network
        assert info.member_ids == frozenset()
        assert network(s, second) == {}


def test_update_is_seen_in_every_family_the_professional_serves(two_cases) -> None:  # type: ignore[no-untyped-def]
    ctx, first, second = two_cases
    with ctx.sessions.begin() as s:
        pro_id = add_professional(
            s, first, ProfessionalInput("Hanne Holm", "Familiebehandler", "Familiehuset")
        )
        link_professional(s, second, pro_id)
        version = s.get(Professional, pro_id).version
    with ctx.sessions.begin() as s:
        update_professional(
            s,
            pro_id,
            ProfessionalInput(
                "Hanne Ærø", "Teamleder", "Familiehuset Ø", Sector.SOCIAL_CHILDREN, "", "h@k.dk"
            ),
            version,
        )
    with ctx.sessions() as s:
        seen = [network(s, case_id)[pro_id] for case_id in (first, second)]
        for info in seen:
            assert (info.name, info.role, info.organisation, info.sector, info.email) == (
                "Hanne Ærø",
                "Teamleder",
                "Familiehuset Ø",
                Sector.SOCIAL_CHILDREN,
                "h@k.dk",
            )
            assert info.in_network
        assert s.get(Professional, pro_id).version == version + 1
        assert s.scalar(select(func.count(Professional.id))) == 1
    # A second editor with the old version is refused and changes nothing.
    with ctx.sessions.begin() as s:
        with pytest.raises(ConcurrentEditError):
            update_professional(s, pro_id, ProfessionalInput("Forældet"), version)
        with pytest.raises(ValidationError) as err:
            update_professional(s, pro_id, ProfessionalInput(""), version + 1)
        assert pairs(err.value.problems) == {("name", Problem.REQUIRED)}
    with ctx.sessions() as s:
        assert s.get(Professional, pro_id).name == "Hanne Ærø"


def test_linking_twice_is_a_no_op(two_cases) -> None:  # type: ignore[no-untyped-def]
    ctx, first, second = two_cases
    with ctx.sessions.begin() as s:
        pro_id = add_professional(s, first, ProfessionalInput("Ole Bæk"))
        link_professional(s, first, pro_id)
    with ctx.sessions.begin() as s:
        link_professional(s, first, pro_id)
        link_professional(s, second, pro_id)
        link_professional(s, second, pro_id)
    with ctx.sessions() as s:
        assert links(s, first) == [pro_id]
        assert links(s, second) == [pro_id]
        assert s.scalar(select(func.count(CaseProfessional.id))) == 2


def test_unlink_reports_the_interventions_that_still_name_them(two_cases) -> None:  # type: ignore[no-untyped-def]
    ctx, first, second = two_cases
    with ctx.sessions.begin() as s:
        pro_id = add_professional(s, first, ProfessionalInput("Ole Bæk", "Lærer"))
        idle = add_professional(s, first, ProfessionalInput("Ida Holm"))
        link_professional(s, second, pro_id)
        mother, son = s.scalars(
            select(Citizen.id).where(Citizen.last_name == "Åberg").order_by(Citizen.birth_date)
        ).all()
        for cid in (mother, son, son):
            add_intervention(
                s,
                first,
                InterventionInput(
                    citizen_id=cid,
                    title="Støtte",
                    start_date=date(2026, 9, 1),
                    professional_id=pro_id,
                    slots=[SlotInput(0, time(9), time(10))],
                ),
                TODAY,
            )
    with ctx.sessions.begin() as s:
        assert unlink_professional(s, first, pro_id) == 3
        assert unlink_professional(s, first, idle) == 0
        assert unlink_professional(s, first, idle) == 0  # already gone: still fine
    with ctx.sessions() as s:
        assert links(s, first) == []
        assert links(s, second) == [pro_id]  # other families keep them
        shown = network(s, first)
        # still shown through the interventions that name them, but no longer in the network
        assert set(shown) == {pro_id}
        assert not shown[pro_id].in_network
        assert shown[pro_id].member_ids == frozenset({mother, son})
        assert network(s, second)[pro_id].in_network
        assert s.get(Professional, idle) is not None  # the person stays in the register
    with ctx.sessions.begin() as s:
        assert unlink_professional(s, second, pro_id) == 0


# -- search --------------------------------------------------------------------------------


@pytest.fixture
def register(two_cases):  # type: ignore[no-untyped-def]
    ctx, first, _second = two_cases
    with ctx.sessions.begin() as s:
        ids = {
            name: add_professional(s, first, ProfessionalInput(name, role, org))
            for name, role, org in [
                ("Søren Ærø", "Socialpædagog", "Bostedet Åhaven"),
                ("Anne Dahl", "Sundhedsplejerske", "Sundhedsplejen"),
                ("Bo Østergaard", "Lærer", "Ærøskøbing Skole"),
                ("Kirsten Søgaard", "Familiebehandler", "Familiehuset"),
            ]
        }
    return ctx, ids


def names(found: list[ProfessionalChoice]) -> list[str]:
    return [p.name for p in found]


def test_search_by_part_of_name_role_or_organisation(register) -> None:  # type: ignore[no-untyped-def]
    ctx, ids = register
    with ctx.sessions() as s:
        assert names(search_professionals(s, "SØREN")) == ["Søren Ærø"]
        assert names(search_professionals(s, "søgaard")) == ["Kirsten Søgaard"]
        assert names(search_professionals(s, "PÆDAGOG")) == ["Søren Ærø"]
        assert names(search_professionals(s, "åhaven")) == ["Søren Ærø"]
        assert names(search_professionals(s, "ærø")) == ["Bo Østergaard", "Søren Ærø"]  # name or organisation
        assert names(search_professionals(s, "ærø skole")) == ["Bo Østergaard"]  # every word must match
        assert names(search_professionals(s, "sundhed")) == ["Anne Dahl"]
        assert search_professionals(s, "jobcenter") == []
        found = search_professionals(s, "familiehuset")
        assert found == [
            ProfessionalChoice(
                ids["Kirsten Søgaard"], "Kirsten Søgaard", "Familiebehandler", "Familiehuset", Sector.OTHER
            )
        ]


def test_empty_search_lists_everyone_up_to_the_limit(register) -> None:  # type: ignore[no-untyped-def]
    ctx, _ids = register
    with ctx.sessions() as s:
        everyone = names(search_professionals(s, "  "))
        assert everyone == ["Anne Dahl", "Bo Østergaard", "Kirsten Søgaard", "Søren Ærø"]
        assert names(search_professionals(s, "", limit=2)) == everyone[:2]
        assert len(search_professionals(s, "e", limit=2)) == 2
