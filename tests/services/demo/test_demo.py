"""Demo data: deterministic per seed and day, always Lise's case, CPR numbers that fit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Case, Citizen, Family, FamilyMember, Intervention, LawSection, Meeting, User
from app.models.enums import CaseStatus, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.context import AppContext
from app.services.common.cpr import digit7_choices, parse_cpr
from app.services.demo import demo_content
from app.services.demo.demo import generate_demo
from app.startup import open_context

TODAY = date(2025, 6, 11)
LISE = "Familien Holm Jensen"


@contextmanager
def sqlite_store(path: Path) -> Iterator[AppContext]:
    ctx = open_context(str(path), login="tester")
    try:
        yield ctx
    finally:
        ctx.close()


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def eighteenth_birthday(born: date) -> date:
    try:
        return born.replace(year=born.year + 18)
    except ValueError:  # born 29 February
        return date(born.year + 18, 3, 1)


def snapshot(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    with ctx.sessions() as s:
        return {
            "citizens": sorted(
                tuple(r)
                for r in s.execute(
                    select(Citizen.first_name, Citizen.last_name, Citizen.cpr, Citizen.birth_date)
                )
            ),
            "cases": sorted(
                tuple(r)
                for r in s.execute(
                    select(
                        Case.number,
                        Case.title,
                        Case.status,
                        Case.opened_on,
                        Case.follow_up_due,
                        Case.search_text,
                    )
                )
            ),
            "meetings": sorted(
                (n, m.isoformat(), st, uid)
                for n, m, st, uid in s.execute(
                    select(Case.number, Meeting.starts_at, Meeting.status, Meeting.ical_uid).join(
                        Case, Case.id == Meeting.case_id
                    )
                )
            ),
            "interventions": sorted(
                tuple(r)
                for r in s.execute(
                    select(Case.number, Intervention.title, Intervention.start_date, LawSection.code)
                    .join(Case, Case.id == Intervention.case_id)
                    .join(LawSection, LawSection.id == Intervention.law_section_id)
                )
            ),
        }


def demo(ctx: AppContext, **kw: object):  # type: ignore[no-untyped-def]
    with ctx.sessions.begin() as s:
        return generate_demo(s, **kw)  # type: ignore[arg-type]


# -- determinism ---------------------------------------------------------------------------


def test_same_seed_and_day_give_the_same_data_and_other_seeds_do_not(tmp_path: Path) -> None:
    shots = {}
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        with sqlite_store(tmp_path / f"{name}.sqlite") as ctx:
            demo(ctx, families=8, seed=seed, today=TODAY, my_login="tester")
            shots[name] = snapshot(ctx)
    assert all(shots["a"][k] for k in shots["a"])  # the comparison compares something
    assert shots["a"] == shots["b"]
    assert set(shots["a"]["citizens"]) != set(shots["c"]["citizens"])
    assert shots["a"]["cases"] != shots["c"]["cases"]


def test_a_different_day_moves_the_data(tmp_path: Path) -> None:
    with sqlite_store(tmp_path / "a.sqlite") as a, sqlite_store(tmp_path / "b.sqlite") as b:
        demo(a, families=4, seed=3, today=TODAY)
        demo(b, families=4, seed=3, today=TODAY + timedelta(days=30))
        assert snapshot(a)["citizens"] != snapshot(b)["citizens"]


# -- Lise ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "today", "families"),
    [(1, TODAY, 0), (4, date(2024, 2, 29), 6), (99, date(2026, 1, 1), 10), (12345, date(2030, 12, 31), 3)],
)
def test_lises_case_is_always_there(tmp_path: Path, seed: int, today: date, families: int) -> None:
    with sqlite_store(tmp_path / "lise.sqlite") as ctx:
        summary = demo(ctx, families=families, seed=seed, today=today)
        with ctx.sessions() as s:
            assert s.scalar(select(func.count(Case.id))) == summary.cases == families + 1
            cases = s.scalars(select(Case).where(Case.title == LISE)).all()
            assert len(cases) == 1
            case = cases[0]
            assert case.status == CaseStatus.ACTIVE
            assert case.opened_on <= today
            assert case.family_id is not None and case.citizen_id is None
            members = s.execute(
                select(FamilyMember, Citizen)
                .join(Citizen, Citizen.id == FamilyMember.citizen_id)
                .where(FamilyMember.family_id == case.family_id)
                .order_by(FamilyMember.position)
            ).all()
            parents = [(m, c) for m, c in members if m.relation == Relation.PARENT]
            children = [(m, c) for m, c in members if m.relation == Relation.CHILD]
            assert len(members) == 4
            assert len(parents) == 1 and len(children) == 3  # a single mother with three children
            mother_link, mother = parents[0]
            assert mother.first_name == "Lise" and mother_link.custody
            assert parse_cpr(mother.cpr or "").female
            assert all(c.last_name == "Holm Jensen" for _, c in members)
            assert all(9 <= age_on(c.birth_date, today) <= 15 for _, c in children), [
                age_on(c.birth_date, today) for _, c in children
            ]
            assert age_on(mother.birth_date, today) >= 18
            # the demo's own user coordinates her case
            me = s.scalar(select(User.id).where(User.login == demo_content.CASEWORKERS[0][0]))
            assert case.coordinator_id == me


# -- invariants on both stores, and running twice --------------------------------------------


def test_demo_runs_twice_on_one_store_and_keeps_its_promises(context) -> None:  # type: ignore[no-untyped-def]
    first = demo(context, families=6, seed=5, today=TODAY, my_login="tester")
    second = demo(context, families=6, seed=6, today=TODAY, my_login="tester")
    assert first.cases == second.cases == 7
    with context.sessions() as s:
        numbers = s.scalars(select(Case.number)).all()
        assert len(numbers) == first.cases + second.cases
        assert len(set(numbers)) == len(numbers)
        assert s.scalar(select(func.count(Citizen.id))) == first.citizens + second.citizens
        assert s.scalar(select(func.count(Meeting.id))) == first.meetings + second.meetings
        assert s.scalar(select(func.count(Intervention.id))) == first.interventions + second.interventions
        assert s.scalar(select(func.count(Family.id))) == first.families + second.families
        assert s.scalar(select(func.count(Case.id)).where(Case.title == LISE)) == 2

        # every CPR fits the stored birth date, century digit included
        citizens = s.execute(select(Citizen.cpr, Citizen.birth_date)).all()
        assert citizens
        for cpr, born in citizens:
            assert cpr is not None
            assert parse_cpr(cpr).birth_date == born, cpr
            assert int(cpr[6]) in digit7_choices(born.year)
        assert len({cpr for cpr, _ in citizens}) == len(citizens)

        # interventions point at a catalogue entry (not necessarily valid on the start date)
        assert s.scalar(select(func.count(Intervention.id)).where(Intervention.law_section_id.is_(None))) == 0
        section_ids = set(s.scalars(select(LawSection.id)))
        used = set(s.scalars(select(Intervention.law_section_id)))
        assert used and used <= section_ids

        # the user given as my_login coordinates cases, Lise's among them, under the demo name
        me = s.get(User, context.user.id)
        assert me is not None and me.full_name == demo_content.CASEWORKERS[0][1]
        mine = s.scalars(select(Case.title).where(Case.coordinator_id == context.user.id)).all()
        assert Counter(mine)[LISE] == 2
        assert s.scalar(select(func.count(User.id)).where(User.login == demo_content.CASEWORKERS[0][0])) == 0


@pytest.mark.parametrize("second_day", [TODAY, TODAY + timedelta(days=1)])
def test_demo_runs_twice_with_the_same_seed(sqlite_context, second_day: date) -> None:  # type: ignore[no-untyped-def]
    first = demo(sqlite_context, families=6, seed=1, today=TODAY)
    second = demo(sqlite_context, families=6, seed=1, today=second_day)
    with sqlite_context.sessions() as s:
        assert s.scalar(select(func.count(Case.id))) == first.cases + second.cases


@pytest.mark.parametrize(("seed", "today"), [(1, TODAY), (9, date(2026, 3, 15))])
def test_thirty_households_include_a_youth_turning_18_within_a_year(
    tmp_path: Path, seed: int, today: date
) -> None:
    with sqlite_store(tmp_path / "youth.sqlite") as ctx:
        demo(ctx, families=30, seed=seed, today=today)
        with ctx.sessions() as s:
            in_family = s.execute(
                select(Case.number, Citizen.birth_date)
                .join(FamilyMember, FamilyMember.family_id == Case.family_id)
                .join(Citizen, Citizen.id == FamilyMember.citizen_id)
            ).all()
            single = s.execute(
                select(Case.number, Citizen.birth_date).join(Citizen, Citizen.id == Case.citizen_id)
            ).all()
    within_a_year = today.replace(year=today.year + 1)
    turning = {n for n, born in [*in_family, *single] if today < eighteenth_birthday(born) <= within_a_year}
    assert turning


def test_cases_can_be_opened_after_the_demo(context) -> None:  # type: ignore[no-untyped-def]
    summary = demo(context, families=3, seed=2, today=TODAY, my_login="tester")
    data = CaseInput(
        family_name="Familien Efter Demo",
        members=[
            MemberInput("Rikke", "Efter", "120385-4442", Relation.PARENT, custody=True),
            MemberInput("Malthe", "Efter", "020914-4443", Relation.CHILD),
        ],
        coordinator_id=context.user.id,
    )
    with context.sessions.begin() as s:
        case_id = create_case(s, data, TODAY).id
    with context.sessions() as s:
        assert s.scalar(select(func.count(Case.id))) == summary.cases + 1
        case = s.get(Case, case_id)
        assert case is not None and case.title == "Familien Efter Demo"
        demo_numbers = set(s.scalars(select(Case.number).where(Case.id != case_id)))
        assert case.number not in demo_numbers


def test_my_caseload_is_a_caseload_however_many_runs_filled_the_store(tmp_path: Path) -> None:
    """The benchmarks fill a store by many demo runs: "my cases" keeps a caseworker's size."""
    from app.services.demo.demo import MY_CASELOAD, MY_PARTNER_CASES

    with sqlite_store(tmp_path / "big.sqlite") as ctx:
        for seed in range(1, 5):
            with ctx.sessions.begin() as s:
                generate_demo(s, families=60, seed=seed, today=TODAY, my_login="tester")
        with ctx.sessions() as s:
            me = s.scalar(select(User.id).where(User.login == "tester"))
            total = s.scalar(select(func.count(Case.id)))
            mine = s.scalar(select(func.count(Case.id)).where(Case.coordinator_id == me))
            partnered = s.scalar(select(func.count(Case.id)).where(Case.partner_id == me))
    assert total > 4 * MY_CASELOAD
    # Lise's case is mine on top of the caseload the runs share
    assert MY_CASELOAD <= mine <= MY_CASELOAD + 4
    assert partnered <= MY_PARTNER_CASES + 4
