"""Interventions with weekly slots: validation, storing, reading back, editing, ending; and the
law-section picker (search_sections) that offers the catalogue rows for them."""

from __future__ import annotations

import random
from datetime import date, time

import pytest
from sqlalchemy import func, select, text

from app.models import Case, CaseProfessional, Citizen, Intervention, InterventionSlot, LawSection
from app.models.enums import CaseStatus, CoordinationModel, InterventionStatus, Relation, Sector
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.family_overview import load_family_overview
from app.services.family.interventions import (
    InterventionInput,
    SlotInput,
    add_intervention,
    end_intervention,
    update_intervention,
    validate_intervention,
)
from app.services.family.law_catalogue import SectionChoice, search_sections
from app.services.family.professionals import ProfessionalInput, add_professional

TODAY = date(2026, 11, 24)
START = date(2026, 9, 1)
COUNTED = ("interventions", "intervention_slots", "case_professionals")


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"interventions-{born}-{female}"))


MOTHER_CPR = cpr(date(1985, 3, 12), True)
SON_CPR = cpr(date(2012, 9, 2), False)
STRANGER_CPR = cpr(date(1990, 1, 20), True)


def family_case(s, coordinator_id: int) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name="Familien Åberg",
        members=[
            MemberInput("Mette", "Åberg", MOTHER_CPR, Relation.PARENT, custody=True),
            MemberInput("Søren", "Åberg", SON_CPR, Relation.CHILD),
        ],
        coordinator_id=coordinator_id,
        model=CoordinationModel.TOGETHER_FOR_FAMILY,
    )
    return create_case(s, data, TODAY).id


def single_case(s, coordinator_id: int, cpr_digits: str = STRANGER_CPR) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        single_citizen=True,
        members=[MemberInput("Karin", "Bæk", cpr_digits, Relation.OTHER)],
        coordinator_id=coordinator_id,
        model=CoordinationModel.HOLISTIC_PLAN,
    )
    return create_case(s, data, TODAY).id


def citizen(s, cpr_digits: str) -> int:  # type: ignore[no-untyped-def]
    cid = s.scalar(select(Citizen.id).where(Citizen.cpr == cpr_digits))
    assert cid is not None
    return cid


def section(s, code: str) -> LawSection:  # type: ignore[no-untyped-def]
    row = s.scalar(select(LawSection).where(LawSection.code == code))
    assert row is not None, code
    return row


def pairs(problems: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in problems}


def counts(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return {t: s.scalar(text(f"SELECT count(*) FROM {t}")) for t in COUNTED}


def valid_input(citizen_id: int | None = 1, **changes: object) -> InterventionInput:
    data = InterventionInput(
        citizen_id=citizen_id,
        title="Fast kontaktperson",
        sector=Sector.SOCIAL_CHILDREN,
        start_date=START,
        end_date=date(2027, 8, 31),
        slots=[SlotInput(2, time(15), time(17)), SlotInput(0, time(8), time(9, 30), needs_parent=True)],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.fixture
def family(context):  # type: ignore[no-untyped-def]
    """(context, case id, mother id, son id) on both stores."""
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        return context, case_id, citizen(s, MOTHER_CPR), citizen(s, SON_CPR)


@pytest.fixture
def sqlite_family(sqlite_context):  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        return sqlite_context, case_id, citizen(s, MOTHER_CPR), citizen(s, SON_CPR)


# -- validation (pure) ---------------------------------------------------------------------


def test_a_valid_intervention_has_no_problems() -> None:
    assert validate_intervention(valid_input(), None, TODAY) == []
    assert validate_intervention(valid_input(end_date=None, last_checked=TODAY), None, TODAY) == []
    assert validate_intervention(valid_input(end_date=START), None, TODAY) == []  # a single day


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"citizen_id": None}, ("citizen", Problem.REQUIRED)),
        ({"title": "  "}, ("title", Problem.REQUIRED)),
        ({"title": "Å" * 301}, ("title", Problem.TOO_LONG)),
        ({"start_date": None}, ("start_date", Problem.REQUIRED)),
        ({"end_date": date(2026, 8, 31)}, ("end_date", Problem.END_BEFORE_START)),
        ({"status": InterventionStatus.ENDED, "end_date": None}, ("end_date", Problem.REQUIRED)),
        ({"last_checked": date(2026, 11, 25)}, ("last_checked", Problem.IN_FUTURE)),
        (
            {"slots": [SlotInput(1, time(9), time(10)), SlotInput(1, time(15), time(14, 59))]},
            ("slots.1.end", Problem.TIME_ORDER),
        ),
        ({"slots": [SlotInput(4, time(10), time(10))]}, ("slots.0.end", Problem.TIME_ORDER)),
        ({"slots": [SlotInput(7, time(10), time(11))]}, ("slots.0.weekday", Problem.REQUIRED)),
        ({"slots": [SlotInput(-1, time(10), time(11))]}, ("slots.0.weekday", Problem.REQUIRED)),
    ],
)
def test_one_problem_on_its_field(changes: dict[str, object], expected: tuple[str, Problem]) -> None:
    assert pairs(validate_intervention(valid_input(**changes), None, TODAY)) == {expected}


def test_section_validity_is_checked_on_the_start_date(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s:
        old = section(s, "BL-86-MERUDG")  # in force until 2025-08-31
        assert old.valid_to == date(2025, 8, 31)
        on_last_day = valid_input(start_date=date(2025, 8, 31), end_date=None)
        assert validate_intervention(on_last_day, old, TODAY) == []
        day_after = valid_input(start_date=date(2025, 9, 1), end_date=None)
        assert pairs(validate_intervention(day_after, old, TODAY)) == {
            ("law_section", Problem.SECTION_NOT_VALID)
        }
        new = section(s, "BL-86")  # from 2025-09-01
        assert validate_intervention(day_after, new, TODAY) == []
        assert pairs(validate_intervention(on_last_day, new, TODAY)) == {
            ("law_section", Problem.SECTION_NOT_VALID)
        }


# -- storing and reading back ---------------------------------------------------------------


def test_add_with_slots_reads_back_through_the_overview(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    with ctx.sessions.begin() as s:
        pro = add_professional(s, case_id, ProfessionalInput("Søren Ærø", "Kontaktperson", "Familiehuset"))
        bl32 = section(s, "BL-32-1")
        data = valid_input(
            son,
            title="  Fast kontaktperson ",
            law_section_id=bl32.id,
            professional_id=pro,
            status=InterventionStatus.ACTIVE,
            sector_plan=" Barnets plan ",
            source_system="DUBU",
            last_checked=date(2026, 11, 1),
        )
        item_id = add_intervention(s, case_id, data, TODAY)
    with ctx.sessions() as s:
        overview = load_family_overview(s, case_id)
    assert [i.id for i in overview.interventions] == [item_id]
    info = overview.interventions_of(son)[0]
    assert (info.citizen_id, info.title, info.sector) == (son, "Fast kontaktperson", Sector.SOCIAL_CHILDREN)
    assert (info.law_code, info.law_reference, info.law_title) == (
        "BL-32-1",
        "BL § 32, stk. 1",
        "Støttende indsatser",
    )
    assert (info.professional_id, info.professional_name) == (pro, "Søren Ærø")
    assert (info.start_date, info.end_date, info.status) == (
        START,
        date(2027, 8, 31),
        InterventionStatus.ACTIVE,
    )
    assert (info.sector_plan, info.source_system, info.last_checked) == (
        "Barnets plan",
        "DUBU",
        date(2026, 11, 1),
    )
    assert info.version == 1
    assert [
        (sl.weekday, sl.start, sl.end, sl.needs_parent, sl.citizen_id, sl.intervention_id)
        for sl in info.slots
    ] == [
        (0, time(8), time(9, 30), True, son, item_id),
        (2, time(15), time(17), False, son, item_id),
    ]
    assert overview.slots == info.slots
    assert overview.interventions_of(overview.members[0].citizen_id) == ()


def test_intervention_without_section_or_professional(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _son = family
    with ctx.sessions.begin() as s:
        add_intervention(s, case_id, valid_input(mother, slots=[], end_date=None), TODAY)
    with ctx.sessions() as s:
        info = load_family_overview(s, case_id).interventions[0]
    assert (info.law_section_id, info.law_code, info.law_reference, info.law_title) == (None, "", "", "")
    assert (info.professional_id, info.professional_name, info.slots, info.end_date) == (None, "", (), None)


def test_a_section_not_in_force_on_the_start_date_is_refused(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    before = counts(ctx)
    with ctx.sessions.begin() as s:
        expired = section(s, "SEL-45").id  # ended 2023-12-31
        future = LawSection(
            code="TEST-FUTURE",
            law_abbr="BL",
            law_name="Barnets lov",
            section="§ 999",
            title="Endnu ikke i kraft",
            sector=Sector.SOCIAL_CHILDREN,
            age_group="child",
            valid_from=date(2027, 1, 1),
        )
        s.add(future)
        s.flush()
        future_id = future.id
    for section_id in (expired, future_id):
        with ctx.sessions.begin() as s:
            with pytest.raises(ValidationError) as err:
                add_intervention(s, case_id, valid_input(son, law_section_id=section_id), TODAY)
            assert pairs(err.value.problems) == {("law_section", Problem.SECTION_NOT_VALID)}
    assert counts(ctx) == before
    # Starting on the day it comes into force is fine.
    with ctx.sessions.begin() as s:
        add_intervention(
            s, case_id, valid_input(son, law_section_id=future_id, start_date=date(2027, 1, 1)), TODAY
        )
    assert counts(ctx)["interventions"] == before["interventions"] + 1


def test_invalid_input_stores_nothing(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    before = counts(ctx)
    bad = [
        (valid_input(son, end_date=date(2026, 8, 1)), {("end_date", Problem.END_BEFORE_START)}),
        (valid_input(son, status=InterventionStatus.ENDED, end_date=None), {("end_date", Problem.REQUIRED)}),
        (valid_input(son, last_checked=date(2026, 12, 1)), {("last_checked", Problem.IN_FUTURE)}),
        (
            valid_input(son, slots=[SlotInput(0, time(9), time(10)), SlotInput(3, time(12), time(11))]),
            {("slots.1.end", Problem.TIME_ORDER)},
        ),
        (valid_input(son, law_section_id=999_999), {("law_section", Problem.REQUIRED)}),
        (valid_input(son, professional_id=999_999), {("professional", Problem.REQUIRED)}),
    ]
    for data, expected in bad:
        with ctx.sessions.begin() as s:
            with pytest.raises(ValidationError) as err:
                add_intervention(s, case_id, data, TODAY)
            assert pairs(err.value.problems) == expected
    assert counts(ctx) == before


def test_a_citizen_outside_the_case_is_refused(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, _son = family
    with ctx.sessions.begin() as s:
        other_case = single_case(s, ctx.user.id)
        stranger = citizen(s, STRANGER_CPR)
    before = counts(ctx)
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            add_intervention(s, case_id, valid_input(stranger), TODAY)
        assert pairs(err.value.problems) == {("citizen", Problem.REQUIRED)}
    assert counts(ctx) == before
    # In her own single-citizen case she is fine; the family's son is not.
    with ctx.sessions.begin() as s:
        add_intervention(s, other_case, valid_input(stranger), TODAY)
        with pytest.raises(ValidationError) as err:
            add_intervention(s, other_case, valid_input(citizen(s, SON_CPR)), TODAY)
        assert pairs(err.value.problems) == {("citizen", Problem.REQUIRED)}
    with ctx.sessions() as s:
        assert [i.citizen_id for i in load_family_overview(s, other_case).interventions] == [stranger]


def test_a_closed_case_takes_no_interventions(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    with ctx.sessions.begin() as s:
        item_id = add_intervention(s, case_id, valid_input(son), TODAY)
        case = s.get(Case, case_id)
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY
    before = counts(ctx)
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            add_intervention(s, case_id, valid_input(son), TODAY)
        assert pairs(err.value.problems) == {("case", Problem.CASE_CLOSED)}
        with pytest.raises(ValidationError) as err:
            end_intervention(s, case_id, item_id, TODAY, None)
        assert pairs(err.value.problems) == {("case", Problem.CASE_CLOSED)}
    assert counts(ctx) == before


# -- editing -------------------------------------------------------------------------------


def slot_rows(s, item_id: int) -> list[tuple[int, int, time, time, bool]]:  # type: ignore[no-untyped-def]
    return [
        (sl.id, sl.weekday, sl.start_time, sl.end_time, sl.needs_parent)
        for sl in s.scalars(
            select(InterventionSlot)
            .where(InterventionSlot.intervention_id == item_id)
            .order_by(InterventionSlot.weekday)
        )
    ]


def test_update_replaces_fields_and_slots_and_bumps_the_version(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, son = family
    with ctx.sessions.begin() as s:
        item_id = add_intervention(s, case_id, valid_input(son), TODAY)
        old_slot_ids = [row[0] for row in slot_rows(s, item_id)]
        aflastning = section(s, "BL-32-1-7").id
    changed = valid_input(
        mother,
        title="Aflastning i weekender",
        law_section_id=aflastning,
        start_date=date(2026, 10, 1),
        end_date=None,
        status=InterventionStatus.PAUSED,
        slots=[SlotInput(5, time(10), time(16), needs_parent=True)],
    )
    with ctx.sessions.begin() as s:
        update_intervention(s, case_id, item_id, changed, 1, TODAY)
    with ctx.sessions() as s:
        rows = slot_rows(s, item_id)
        assert [r[1:] for r in rows] == [(5, time(10), time(16), True)]
        # the old rows are gone (SQLite may hand their ids out again, so count per intervention)
        assert len(old_slot_ids) == 2
        assert s.scalar(select(func.count(InterventionSlot.id))) == 1
        info = load_family_overview(s, case_id).interventions[0]
    assert (info.citizen_id, info.title, info.law_reference, info.status) == (
        mother,
        "Aflastning i weekender",
        "BL § 32, stk. 1, nr. 7",
        InterventionStatus.PAUSED,
    )
    assert (info.start_date, info.end_date, info.version) == (date(2026, 10, 1), None, 2)
    assert [(sl.weekday, sl.citizen_id) for sl in info.slots] == [(5, mother)]


def test_changing_only_the_slots_bumps_the_version(sqlite_family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = sqlite_family
    with ctx.sessions.begin() as s:
        item_id = add_intervention(s, case_id, valid_input(son), TODAY)
    with ctx.sessions.begin() as s:
        update_intervention(s, case_id, item_id, valid_input(son, slots=[]), 1, TODAY)
    with ctx.sessions() as s:
        assert slot_rows(s, item_id) == []
        assert s.get(Intervention, item_id).version == 2


def test_update_with_a_stale_version_changes_nothing(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    with ctx.sessions.begin() as s:
        item_id = add_intervention(s, case_id, valid_input(son), TODAY)
    with ctx.sessions.begin() as s:
        update_intervention(s, case_id, item_id, valid_input(son, title="Kontaktperson"), 1, TODAY)
    with ctx.sessions() as s:
        slots_before = slot_rows(s, item_id)
    with ctx.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        update_intervention(s, case_id, item_id, valid_input(son, title="Forældet", slots=[]), 1, TODAY)
    with ctx.sessions() as s:
        item = s.get(Intervention, item_id)
        assert (item.title, item.version) == ("Kontaktperson", 2)
        assert slot_rows(s, item_id) == slots_before


def test_update_is_validated_and_stores_nothing_on_error(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    with ctx.sessions.begin() as s:
        item_id = add_intervention(s, case_id, valid_input(son), TODAY)
    with ctx.sessions() as s:
        slots_before = slot_rows(s, item_id)
    with ctx.sessions.begin() as s:
        bad = valid_input(son, title="Ny", slots=[SlotInput(1, time(9), time(8))])
        with pytest.raises(ValidationError) as err:
            update_intervention(s, case_id, item_id, bad, 1, TODAY)
        assert pairs(err.value.problems) == {("slots.0.end", Problem.TIME_ORDER)}
    with ctx.sessions() as s:
        assert s.get(Intervention, item_id).title == "Fast kontaktperson"
        assert slot_rows(s, item_id) == slots_before


def test_an_intervention_of_another_case_cannot_be_changed_through_this_one(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    with ctx.sessions.begin() as s:
        other_case = single_case(s, ctx.user.id)
        foreign = add_intervention(s, other_case, valid_input(citizen(s, STRANGER_CPR)), TODAY)
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            update_intervention(s, case_id, foreign, valid_input(son), None, TODAY)
        assert pairs(err.value.problems) == {("intervention", Problem.REQUIRED)}
        with pytest.raises(ValidationError):
            end_intervention(s, case_id, foreign, TODAY, None)
    with ctx.sessions() as s:
        item = s.get(Intervention, foreign)
        assert (item.case_id, item.status, item.end_date) == (
            other_case,
            InterventionStatus.ACTIVE,
            date(2027, 8, 31),
        )


def test_end_intervention_sets_status_and_end_date(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, son = family
    with ctx.sessions.begin() as s:
        item_id = add_intervention(s, case_id, valid_input(son, end_date=None), TODAY)
        same_day = add_intervention(s, case_id, valid_input(son, title="Kort forløb"), TODAY)
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            end_intervention(s, case_id, item_id, date(2026, 8, 31), 1)
        assert pairs(err.value.problems) == {("end_date", Problem.END_BEFORE_START)}
    with ctx.sessions() as s:
        item = s.get(Intervention, item_id)
        assert (item.status, item.end_date, item.version) == (InterventionStatus.ACTIVE, None, 1)
    with ctx.sessions.begin() as s:
        end_intervention(s, case_id, item_id, TODAY, 1)
        end_intervention(s, case_id, same_day, START, None)  # ending on the start day is allowed
    with ctx.sessions() as s:
        infos = {i.id: i for i in load_family_overview(s, case_id).interventions}
    assert (infos[item_id].status, infos[item_id].end_date, infos[item_id].version) == (
        InterventionStatus.ENDED,
        TODAY,
        2,
    )
    assert (infos[same_day].status, infos[same_day].end_date) == (InterventionStatus.ENDED, START)
    assert not infos[item_id].open
    with ctx.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        end_intervention(s, case_id, item_id, date(2026, 12, 1), 1)


def test_the_professional_joins_the_network_once(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, son = family
    with ctx.sessions.begin() as s:
        other_case = single_case(s, ctx.user.id)
        pro = add_professional(s, other_case, ProfessionalInput("Hanne Ødegaard", "Familiebehandler"))
        second = add_professional(s, other_case, ProfessionalInput("Ole Bæk", "Lærer"))
    with ctx.sessions.begin() as s:
        add_intervention(s, case_id, valid_input(son, professional_id=pro), TODAY)
        item = add_intervention(s, case_id, valid_input(mother, professional_id=pro), TODAY)
    with ctx.sessions() as s:
        links = s.scalars(
            select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id)
        ).all()
        assert links == [pro]
        info = next(p for p in load_family_overview(s, case_id).professionals if p.id == pro)
        assert info.in_network
        assert info.member_ids == frozenset({mother, son})
    # Naming another professional on an update links them too (once).
    with ctx.sessions.begin() as s:
        update_intervention(s, case_id, item, valid_input(mother, professional_id=second), 1, TODAY)
        update_intervention(
            s, case_id, item, valid_input(mother, professional_id=second, title="Ny"), 2, TODAY
        )
    with ctx.sessions() as s:
        links = s.scalars(
            select(CaseProfessional.professional_id).where(CaseProfessional.case_id == case_id)
        ).all()
        assert sorted(links) == sorted([pro, second])
        members = {p.id: p.member_ids for p in load_family_overview(s, case_id).professionals}
        assert members == {pro: frozenset({son}), second: frozenset({mother})}


# -- the law-section picker ----------------------------------------------------------------


def codes(choices: list[SectionChoice]) -> list[str]:
    return [c.code for c in choices]


def test_search_by_law_and_section_number(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s:
        found = search_sections(s, "BL 32", TODAY)
        assert {"BL-32-1", "BL-32-1-7"} <= set(codes(found))
        by_code = {c.code: c for c in found}
        assert by_code["BL-32-1"].reference == "BL § 32, stk. 1"
        assert by_code["BL-32-1"].law_name == "Barnets lov"
        assert by_code["BL-32-1"].display == "BL § 32, stk. 1 – Støttende indsatser"
        assert by_code["BL-32-1"].id == section(s, "BL-32-1").id
        assert all("32" in c.reference for c in found)
        assert set(codes(search_sections(s, "bl § 32", TODAY))) == set(codes(found))


def test_search_by_title_case_insensitively_with_danish_letters(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s:
        aflastning = codes(search_sections(s, "aflastning", TODAY))
        assert aflastning == codes(search_sections(s, "AFLASTNING", TODAY))
        assert {"BL-32-1-7", "SEL-84"} <= set(aflastning)
        assert codes(search_sections(s, "ØKONOMISK STØTTE", TODAY)) == codes(
            search_sections(s, "økonomisk støtte", TODAY)
        )
        assert "BL-35" in codes(search_sections(s, "ØKONOMISK STØTTE", TODAY))
        assert "BL-132-138" in codes(search_sections(s, "UNDERRETNING", TODAY))
        assert search_sections(s, "aflastning zzz", TODAY) == []  # every word must match


def test_sections_not_in_force_are_never_offered(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    before_bl = date(2023, 12, 31)  # Barnets lov came into force on 2024-01-01
    with sqlite_context.sessions() as s:
        everything = search_sections(s, "", before_bl, limit=1000)
        assert everything
        assert not [c for c in everything if c.law_name == "Barnets lov"]
        assert search_sections(s, "BL 32", before_bl) == []
        assert "SEL-45" in codes(everything)  # in force until that day
        assert "SEL-45" not in codes(search_sections(s, "", TODAY, limit=1000))
        merudgifter = codes(search_sections(s, "BL 86", date(2025, 8, 31)))
        assert "BL-86-MERUDG" in merudgifter and "BL-86" not in merudgifter
        kompensation = codes(search_sections(s, "BL 86", date(2025, 9, 1)))
        assert "BL-86" in kompensation and "BL-86-MERUDG" not in kompensation
        for c in search_sections(s, "", TODAY, limit=1000):
            assert section(s, c.code).valid_on(TODAY)


def test_search_respects_the_limit(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s:
        everything = search_sections(s, "", TODAY, limit=1000)
        assert len(everything) > 5
        assert codes(search_sections(s, "", TODAY, limit=5)) == codes(everything)[:5]
        bl = codes(search_sections(s, "barnets lov", TODAY, limit=1000))
        assert len(bl) > 3
        assert codes(search_sections(s, "barnets lov", TODAY, limit=3)) == bl[:3]


def test_search_offers_sections_in_number_order_and_exact_numbers_first(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions() as s:
        barnets_lov = [c.reference for c in search_sections(s, "BL", TODAY) if c.reference.startswith("BL")]
        assert barnets_lov.index("BL § 3") < barnets_lov.index("BL § 18") < barnets_lov.index("BL §§ 132-138")
        first = search_sections(s, "BL 32", TODAY)[0]
        assert first.reference.startswith("BL § 32")
