"""Members of a case's family: adding, editing and removing, with what goes along on removal."""

from __future__ import annotations

import random
import unicodedata
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import func, select, text

from app.models import (
    Case,
    Citizen,
    Consent,
    FamilyMember,
    Intervention,
    InterventionSlot,
    TransitionTopic,
    TransitionTrack,
)
from app.models.enums import CaseStatus, ConsentCapacity, CoordinationModel, Relation, Sector
from app.services.cases.case_list import CaseListQuery, fetch_case_rows
from app.services.cases.case_summary import case_summary
from app.services.cases.cases import CaseInput, MemberInput, NameChoice, create_case
from app.services.common.cpr import fictional_cpr, parse_cpr
from app.services.common.editing import ConcurrentEditError
from app.services.common.text import fold
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.interventions import InterventionInput, SlotInput, add_intervention
from app.services.family.members import (
    MemberChange,
    RemovalImpact,
    add_member,
    removal_impact,
    remove_member,
    update_member,
    validate_new_member,
)
from app.services.family.transition_tracks import start_transition_track
from app.services.privacy.consents import ConsentInput, record_consent

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
COUNTED = ("citizens", "family_members", "interventions", "intervention_slots", "consents")


def cpr(born: date, female: bool, seed: int = 0) -> str:
    """A hyphenated CPR number for ``born`` that passes modulus 11."""
    digits = fictional_cpr(born, female, random.Random(f"members-{born}-{female}-{seed}"))
    assert parse_cpr(digits).passes_mod11
    return f"{digits[:6]}-{digits[6:]}"


def digits(hyphenated: str) -> str:
    return hyphenated.replace("-", "")


MOTHER_CPR = cpr(date(1985, 3, 12), True)
SON_CPR = cpr(date(2010, 9, 2), False)
DAUGHTER_CPR = cpr(date(2017, 1, 30), True)
GRANDMOTHER_CPR = cpr(date(1958, 5, 17), True)
NO_CHECK_DIGIT_CPR = "0101074003"  # fails modulus 11; valid since 2007


def family_case(s, coordinator_id: int, name: str = "Familien Østergaard", members=None) -> int:  # type: ignore[no-untyped-def]
    data = CaseInput(
        family_name=name,
        members=members
        or [
            MemberInput("Mette", "Østergaard", MOTHER_CPR, Relation.PARENT, custody=True),
            MemberInput("Søren", "Østergaard", SON_CPR, Relation.CHILD),
            MemberInput("Ida", "Østergaard", DAUGHTER_CPR, Relation.CHILD, lives_in_household=False),
        ],
        coordinator_id=coordinator_id,
        model=CoordinationModel.TOGETHER_FOR_FAMILY,
    )
    return create_case(s, data, TODAY).id


def citizen_id(s, cpr_text: str) -> int:  # type: ignore[no-untyped-def]
    cid = s.scalar(select(Citizen.id).where(Citizen.cpr == digits(cpr_text)))
    assert cid is not None
    return cid


def member_row(s, case_id: int, cid: int) -> FamilyMember:  # type: ignore[no-untyped-def]
    case = s.get(Case, case_id)
    member = s.scalar(
        select(FamilyMember).where(FamilyMember.family_id == case.family_id, FamilyMember.citizen_id == cid)
    )
    assert member is not None
    return member


def counts(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return {t: s.scalar(text(f"SELECT count(*) FROM {t}")) for t in COUNTED}


def pairs(problems: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in problems}


def found_by_search(ctx, term: str) -> set[int]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return {r.id for r in fetch_case_rows(s, CaseListQuery(today=TODAY, now=NOW, search=term))}


def search_text(ctx, case_id: int) -> str:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return s.scalar(select(Case.search_text).where(Case.id == case_id))


# -- adding --------------------------------------------------------------------------------


def test_add_member_creates_the_citizen_at_the_next_position(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
    assert found_by_search(context, "Ærtebjerg") == set()
    before = counts(context)

    with context.sessions.begin() as s:
        new_id = add_member(
            s,
            case_id,
            MemberInput(
                "  Åse ", " Ærtebjerg ", GRANDMOTHER_CPR, Relation.GRANDPARENT, lives_in_household=False
            ),
            TODAY,
        )

    after = counts(context)
    assert after == {
        **before,
        "citizens": before["citizens"] + 1,
        "family_members": before["family_members"] + 1,
    }
    with context.sessions() as s:
        citizen = s.get(Citizen, new_id)
        assert citizen is not None
        assert (citizen.first_name, citizen.last_name, citizen.cpr, citizen.birth_date) == (
            "Åse",
            "Ærtebjerg",
            digits(GRANDMOTHER_CPR),
            date(1958, 5, 17),
        )
        member = member_row(s, case_id, new_id)
        assert (member.position, member.relation, member.custody, member.lives_in_household) == (
            3,
            Relation.GRANDPARENT,
            False,
            False,
        )
        names = [m.name for m in case_summary(s, case_id).members]
        assert names == ["Mette Østergaard", "Søren Østergaard", "Ida Østergaard", "Åse Ærtebjerg"]
    assert fold("Åse Ærtebjerg") in search_text(context, case_id)
    assert found_by_search(context, "ÆRTEBJERG") == {case_id}
    assert found_by_search(context, "åse") == {case_id}


def test_next_position_follows_the_highest_not_the_count(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        daughter = member_row(s, case_id, citizen_id(s, DAUGHTER_CPR))
        daughter.position = 7
    with context.sessions.begin() as s:
        new_id = add_member(
            s, case_id, MemberInput("Åse", "Holm", GRANDMOTHER_CPR, Relation.GRANDPARENT), TODAY
        )
    with context.sessions() as s:
        assert member_row(s, case_id, new_id).position == 8


def test_a_cpr_already_in_the_family_is_refused_and_nothing_stored(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
    before, text_before = counts(context), search_text(context, case_id)
    with context.sessions.begin() as s:
        # The same number typed without the hyphen, with another name
        data = MemberInput("Søren Peter", "Dahl", digits(SON_CPR), Relation.CHILD)
        assert pairs(validate_new_member(s, case_id, data, TODAY)) == {("cpr", Problem.ALREADY_MEMBER)}
        with pytest.raises(ValidationError) as err:
            add_member(s, case_id, data, TODAY)
        assert pairs(err.value.problems) == {("cpr", Problem.ALREADY_MEMBER)}
    assert counts(context) == before
    assert search_text(context, case_id) == text_before
    with context.sessions() as s:
        assert s.get(Citizen, citizen_id(s, SON_CPR)).first_name == "Søren"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"first_name": "  "}, {("first_name", Problem.REQUIRED)}),
        ({"last_name": ""}, {("last_name", Problem.REQUIRED)}),
        ({"first_name": "Å" * 101}, {("first_name", Problem.TOO_LONG)}),
        ({"last_name": "Ø" * 101}, {("last_name", Problem.TOO_LONG)}),
        ({"cpr": ""}, {("cpr", Problem.REQUIRED)}),
        ({"cpr": "12345-678"}, {("cpr", Problem.CPR_FORMAT)}),
        ({"cpr": "310299-1234"}, {("cpr", Problem.CPR_DATE)}),
        ({"cpr": cpr(date(2026, 11, 25), False)}, {("cpr", Problem.CPR_FUTURE)}),
        (
            {"first_name": "", "last_name": " ", "cpr": "abc"},
            {
                ("first_name", Problem.REQUIRED),
                ("last_name", Problem.REQUIRED),
                ("cpr", Problem.CPR_FORMAT),
            },
        ),
    ],
)
def test_bad_member_input_gives_problems_per_field_and_stores_nothing(
    sqlite_context, change: dict[str, str], expected: set[tuple[str, Problem]]
) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
    before = counts(sqlite_context)
    data = MemberInput("Åse", "Ærtebjerg", GRANDMOTHER_CPR, Relation.GRANDPARENT)
    for name, value in change.items():
        setattr(data, name, value)
    with sqlite_context.sessions.begin() as s:
        assert pairs(validate_new_member(s, case_id, data, TODAY)) == expected
        with pytest.raises(ValidationError) as err:
            add_member(s, case_id, data, TODAY)
        assert pairs(err.value.problems) == expected
    assert counts(sqlite_context) == before


def test_names_typed_in_nfd_are_stored_and_found_in_nfc(context) -> None:  # type: ignore[no-untyped-def]
    nfd = unicodedata.normalize("NFD", "Åse Ærø")
    assert nfd != "Åse Ærø"
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        first, last = nfd.split(" ")
        new_id = add_member(
            s, case_id, MemberInput(first, last, GRANDMOTHER_CPR, Relation.GRANDPARENT), TODAY
        )
    with context.sessions() as s:
        row = s.execute(
            text("SELECT first_name, last_name FROM citizens WHERE id = :id"), {"id": new_id}
        ).one()
    assert tuple(row) == ("Åse", "Ærø")
    assert "åse ærø" in search_text(context, case_id)
    assert found_by_search(context, "ÆRØ") == {case_id}


def test_a_child_cannot_join_a_family_without_a_custody_holder(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_context
    with ctx.sessions.begin() as s:
        case_id = family_case(
            s,
            ctx.user.id,
            "Familien Dahl",
            [
                MemberInput("Jens", "Dahl", cpr(date(1960, 1, 1), False), Relation.PARENT),
                MemberInput("Hanne", "Dahl", cpr(date(1962, 5, 5), True), Relation.PARENT),
            ],
        )
    before = counts(ctx)
    with ctx.sessions.begin() as s, pytest.raises(ValidationError):
        add_member(s, case_id, MemberInput("Ida", "Dahl", DAUGHTER_CPR, Relation.CHILD), TODAY)
    assert counts(ctx) == before


def test_member_born_today_and_cpr_without_check_digit_are_accepted(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        soft = MemberInput("Emma", "Lund", NO_CHECK_DIGIT_CPR, Relation.CHILD)
        assert pairs(validate_new_member(s, case_id, soft, TODAY)) == {("cpr", Problem.CPR_MOD11)}
        emma = add_member(s, case_id, soft, TODAY)
        baby = add_member(s, case_id, MemberInput("Bo", "Lund", cpr(TODAY, False), Relation.CHILD), TODAY)
    with sqlite_context.sessions() as s:
        assert s.get(Citizen, emma).cpr == NO_CHECK_DIGIT_CPR
        assert s.get(Citizen, baby).birth_date == TODAY
        assert [m.citizen_id for m in case_summary(s, case_id).members][-2:] == [emma, baby]


def test_adding_to_a_single_citizen_case_is_not_a_family(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        single = CaseInput(
            single_citizen=True,
            members=[MemberInput("Karin", "Bæk", cpr(date(1970, 8, 8), True), Relation.OTHER)],
            coordinator_id=context.user.id,
            model=CoordinationModel.HOLISTIC_PLAN,
        )
        case_id = create_case(s, single, TODAY).id
    before = counts(context)
    with context.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            add_member(
                s, case_id, MemberInput("Ole", "Bæk", cpr(date(1968, 2, 2), False), Relation.OTHER), TODAY
            )
        assert pairs(err.value.problems) == {("case", Problem.NOT_A_FAMILY)}
    assert counts(context) == before


def test_a_closed_case_takes_no_member_changes(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        case = s.get(Case, case_id)
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, son_version = son.id, son.version
    before = counts(context)
    with context.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            add_member(s, case_id, MemberInput("Åse", "Holm", GRANDMOTHER_CPR, Relation.GRANDPARENT), TODAY)
        assert pairs(err.value.problems) == {("case", Problem.CASE_CLOSED)}
        change = MemberChange("Sørenx", "Østergaard", Relation.CHILD, False, True)
        with pytest.raises(ValidationError) as err:
            update_member(s, case_id, son_id, change, son_version)
        assert pairs(err.value.problems) == {("case", Problem.CASE_CLOSED)}
        with pytest.raises(ValidationError) as err:
            remove_member(s, case_id, son_id, son_version)
        assert pairs(err.value.problems) == {("case", Problem.CASE_CLOSED)}
    assert counts(context) == before


def test_a_citizen_from_another_family_is_reused(context) -> None:  # type: ignore[no-untyped-def]
    me = context.user.id
    with context.sessions.begin() as s:
        other = family_case(
            s,
            me,
            "Familien Ærtebjerg",
            [MemberInput("Åse", "Ærtebjerg", GRANDMOTHER_CPR, Relation.PARENT, custody=True)],
        )
        case_id = family_case(s, me)
        grandmother = citizen_id(s, GRANDMOTHER_CPR)
    before = counts(context)
    typed = MemberInput("Aase", "Ertebjerg", digits(GRANDMOTHER_CPR), Relation.GRANDPARENT)
    # typed without the hyphen and with another spelling: which name is right is asked first
    with pytest.raises(ValidationError) as asked, context.sessions.begin() as s:
        add_member(s, case_id, typed, TODAY)
    assert [(p.field, p.problem, p.detail) for p in asked.value.problems] == [
        ("cpr", Problem.NAME_DIFFERS, "Åse Ærtebjerg")
    ]
    typed.name_choice = NameChoice.STORED  # … and the stored person is used as she is
    with context.sessions.begin() as s:
        added = add_member(s, case_id, typed, TODAY)
    assert added == grandmother
    assert counts(context) == {**before, "family_members": before["family_members"] + 1}
    with context.sessions() as s:
        citizen = s.get(Citizen, grandmother)
        assert (citizen.first_name, citizen.last_name) == ("Åse", "Ærtebjerg")
        assert member_row(s, case_id, grandmother).relation == Relation.GRANDPARENT
        assert member_row(s, other, grandmother).relation == Relation.PARENT
    assert "åse ærtebjerg" in search_text(context, case_id)
    assert found_by_search(context, "Ærtebjerg") == {case_id, other}


# -- editing -------------------------------------------------------------------------------


def test_update_member_changes_names_relation_custody_and_version(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, version = son.id, son.version
    with context.sessions.begin() as s:
        update_member(
            s,
            case_id,
            son_id,
            MemberChange("  Søren Ærling ", " Ågård ", Relation.PARENT, True, False),
            version,
        )
    with context.sessions() as s:
        member = next(m for m in case_summary(s, case_id).members if m.member_id == son_id)
        assert (member.first_name, member.last_name, member.name) == (
            "Søren Ærling",
            "Ågård",
            "Søren Ærling Ågård",
        )
        assert (member.relation, member.custody, member.lives_in_household) == (Relation.PARENT, True, False)
        assert member.member_version == version + 1
        assert s.get(Citizen, member.citizen_id).cpr == digits(SON_CPR)  # the CPR stays
    text_after = search_text(context, case_id)
    assert "søren ærling ågård" in text_after
    assert "søren østergaard" not in text_after
    assert found_by_search(context, "ÅGÅRD") == {case_id}


@pytest.mark.parametrize("language", ["da", "en", "uk", "pl", "ar"])
def test_a_members_language_is_recorded_and_the_family_copy_defaults_to_it(context, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.pdf.plan_language import default_language

    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        parents = [m for m in case_summary(s, case_id).members if m.custody]
        versions = {m.member_id: m.member_version for m in parents}
    with context.sessions.begin() as s:
        for parent in parents:
            change = MemberChange(parent.first_name, parent.last_name, parent.relation, True, True, language)
            update_member(s, case_id, parent.member_id, change, versions[parent.member_id])
    with context.sessions() as s:
        members = case_summary(s, case_id).members
    assert {m.language for m in members if m.custody} == {language}
    assert default_language(members, date(2026, 12, 6)) == language


@pytest.mark.parametrize("language", ["xx", "", "dansk", "uk\x00", "en-GB"])
def test_a_language_the_plan_does_not_print_in_is_refused_and_nothing_changes(  # type: ignore[no-untyped-def]
    sqlite_context, language: str
) -> None:
    context = sqlite_context
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, version, first, last = son.id, son.version, son.citizen.first_name, son.citizen.last_name
    with pytest.raises(ValidationError) as exc, context.sessions.begin() as s:
        update_member(
            s, case_id, son_id, MemberChange("Nyt", last, Relation.CHILD, False, True, language), version
        )
    assert pairs(exc.value.problems) == {("language", Problem.OUT_OF_RANGE)}
    with context.sessions() as s:
        row = member_row(s, case_id, citizen_id(s, SON_CPR))
        assert (row.version, row.citizen.first_name, row.citizen.language) == (version, first, "da")


def test_a_language_recorded_in_words_is_kept_until_changed(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    context = sqlite_context
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son.citizen.language = "somali"  # an older record
    with context.sessions() as s:
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, version, first, last = son.id, son.version, son.citizen.first_name, son.citizen.last_name
    with context.sessions.begin() as s:  # kept by a change of something else
        update_member(
            s, case_id, son_id, MemberChange(first, last, Relation.CHILD, False, True, "somali"), version
        )
    with context.sessions() as s:
        assert member_row(s, case_id, citizen_id(s, SON_CPR)).citizen.language == "somali"


def test_renaming_only_bumps_the_member_version(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_context
    with ctx.sessions.begin() as s:
        case_id = family_case(s, ctx.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, version = son.id, son.version
    with ctx.sessions.begin() as s:
        update_member(
            s, case_id, son_id, MemberChange("Sune", "Østergaard", Relation.CHILD, False, True), version
        )
    # A second editor who read the member before the rename must be refused, not overwrite it.
    with ctx.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        update_member(
            s, case_id, son_id, MemberChange("Søren", "Østergaard", Relation.CHILD, False, True), version
        )


def test_update_with_a_stale_version_changes_nothing(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, version = son.id, son.version
    with context.sessions.begin() as s:
        update_member(
            s, case_id, son_id, MemberChange("Søren", "Østergaard", Relation.CHILD, False, False), version
        )
    text_before = search_text(context, case_id)
    with context.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        update_member(s, case_id, son_id, MemberChange("Sune", "Dahl", Relation.SIBLING, True, True), version)
    with context.sessions() as s:
        member = next(m for m in case_summary(s, case_id).members if m.member_id == son_id)
        assert (member.name, member.relation, member.custody, member.lives_in_household) == (
            "Søren Østergaard",
            Relation.CHILD,
            False,
            False,
        )
        assert member.member_version == version + 1
    assert search_text(context, case_id) == text_before


def test_update_member_validates_names(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        with pytest.raises(ValidationError) as err:
            update_member(s, case_id, son.id, MemberChange(" ", "Ø" * 101, Relation.CHILD, False, True), None)
        assert pairs(err.value.problems) == {
            ("first_name", Problem.REQUIRED),
            ("last_name", Problem.TOO_LONG),
        }
    with sqlite_context.sessions() as s:
        assert s.get(Citizen, citizen_id(s, SON_CPR)).first_name == "Søren"


def test_taking_custody_from_the_only_holder_is_refused(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        mother = member_row(s, case_id, citizen_id(s, MOTHER_CPR))
        mother_id, version = mother.id, mother.version
    no_custody = MemberChange("Mette", "Østergaard", Relation.PARENT, False, True)
    with context.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            update_member(s, case_id, mother_id, no_custody, version)
        assert pairs(err.value.problems) == {("custody", Problem.LAST_CUSTODY_HOLDER)}
    with context.sessions() as s:
        assert s.get(FamilyMember, mother_id).custody is True
    # With a second custody holder, the first may give it up.
    with context.sessions.begin() as s:
        add_member(
            s,
            case_id,
            MemberInput("Jens", "Østergaard", cpr(date(1983, 4, 4), False), Relation.PARENT, True),
            TODAY,
        )
    with context.sessions.begin() as s:
        update_member(s, case_id, mother_id, no_custody, version)
    with context.sessions() as s:
        assert s.get(FamilyMember, mother_id).custody is False


def test_member_of_another_family_cannot_be_edited_through_this_case(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    me = sqlite_context.user.id
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, me)
        other = family_case(
            s, me, "Familien Bæk", [MemberInput("Helle", "Bæk", cpr(date(1990, 4, 4), True), Relation.PARENT)]
        )
        helle = member_row(s, other, citizen_id(s, cpr(date(1990, 4, 4), True)))
        with pytest.raises(ValidationError) as err:
            update_member(s, case_id, helle.id, MemberChange("X", "Y", Relation.PARENT, False, True), None)
        assert pairs(err.value.problems) == {("member", Problem.REQUIRED)}
        with pytest.raises(ValidationError):
            remove_member(s, case_id, helle.id, None)
    with sqlite_context.sessions() as s:
        assert s.get(FamilyMember, helle.id) is not None
        assert s.get(Citizen, helle.citizen_id).first_name == "Helle"


# -- removing ------------------------------------------------------------------------------


def test_removing_the_last_custody_holder_while_children_remain_is_refused(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(s, context.user.id)
        mother = member_row(s, case_id, citizen_id(s, MOTHER_CPR))
        mother_id, version = mother.id, mother.version
    before = counts(context)
    with context.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            remove_member(s, case_id, mother_id, version)
        assert pairs(err.value.problems) == {("custody", Problem.LAST_CUSTODY_HOLDER)}
    assert counts(context) == before
    # A child may go; the custody holder stays.
    with context.sessions.begin() as s:
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        remove_member(s, case_id, son.id, son.version)
    assert counts(context)["family_members"] == before["family_members"] - 1


def test_removing_the_last_member_is_refused(context) -> None:  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        case_id = family_case(
            s,
            context.user.id,
            "Familien Dahl",
            [
                MemberInput("Jens", "Dahl", cpr(date(1960, 1, 1), False), Relation.PARENT),
                MemberInput("Hanne", "Dahl", cpr(date(1962, 5, 5), True), Relation.PARENT),
            ],
        )
        jens = member_row(s, case_id, citizen_id(s, cpr(date(1960, 1, 1), False)))
        remove_member(s, case_id, jens.id, jens.version)  # no children: no custody holder needed
    with context.sessions.begin() as s:
        hanne = member_row(s, case_id, citizen_id(s, cpr(date(1962, 5, 5), True)))
        with pytest.raises(ValidationError) as err:
            remove_member(s, case_id, hanne.id, hanne.version)
        assert pairs(err.value.problems) == {("member", Problem.LAST_MEMBER)}
    with context.sessions() as s:
        assert [m.name for m in case_summary(s, case_id).members] == ["Hanne Dahl"]


def test_remove_with_a_stale_version_removes_nothing(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as s:
        case_id = family_case(s, sqlite_context.user.id)
        son = member_row(s, case_id, citizen_id(s, SON_CPR))
        son_id, version = son.id, son.version
        update_member(
            s, case_id, son_id, MemberChange("Søren", "Østergaard", Relation.CHILD, False, False), version
        )
    before = counts(sqlite_context)
    with sqlite_context.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        remove_member(s, case_id, son_id, version)
    assert counts(sqlite_context) == before


def _intervention(s, case_id: int, cid: int, title: str, slots: int = 1) -> int:  # type: ignore[no-untyped-def]
    return add_intervention(
        s,
        case_id,
        InterventionInput(
            citizen_id=cid,
            title=title,
            sector=Sector.SOCIAL_CHILDREN,
            start_date=date(2026, 9, 1),
            slots=[SlotInput(day, time(15), time(17)) for day in range(slots)],
        ),
        TODAY,
    )


def _consent(s, case_id: int, cid: int) -> int:  # type: ignore[no-untyped-def]
    return record_consent(
        s,
        case_id,
        ConsentInput(cid, "Mette Østergaard", ConsentCapacity.CUSTODY_HOLDER, date(2026, 10, 1)),
        TODAY,
    )


def test_removal_impact_counts_what_goes_in_this_case(context) -> None:  # type: ignore[no-untyped-def]
    me = context.user.id
    with context.sessions.begin() as s:
        case_id = family_case(s, me)
        other = family_case(
            s, me, "Familien Holm", [MemberInput("Søren", "Østergaard", SON_CPR, Relation.SIBLING)]
        )
        son, mother = citizen_id(s, SON_CPR), citizen_id(s, MOTHER_CPR)
        _intervention(s, case_id, son, "Kontaktperson", slots=2)
        _intervention(s, case_id, son, "Støtte i klassen")
        _consent(s, case_id, son)
        start_transition_track(s, case_id, son)
        _intervention(s, other, son, "Fritidsjob")  # the other case does not count
        _consent(s, other, son)
        _consent(s, other, son)
    with context.sessions() as s:
        assert removal_impact(s, case_id, son) == RemovalImpact(2, 1, True)
        assert removal_impact(s, other, son) == RemovalImpact(1, 2, False)
        assert removal_impact(s, case_id, mother) == RemovalImpact(0, 0, False)


def test_remove_member_takes_their_rows_in_this_case_only(context) -> None:  # type: ignore[no-untyped-def]
    me = context.user.id
    with context.sessions.begin() as s:
        case_id = family_case(s, me)
        son, mother = citizen_id(s, SON_CPR), citizen_id(s, MOTHER_CPR)
        other = family_case(
            s,
            me,
            "Familien Holm",
            [
                MemberInput("Per", "Holm", cpr(date(1980, 6, 6), False), Relation.PARENT, custody=True),
                MemberInput("Søren", "Østergaard", SON_CPR, Relation.CHILD),
            ],
        )
        here = [
            _intervention(s, case_id, son, "Kontaktperson", slots=2),
            _intervention(s, case_id, son, "Lektiehjælp"),
        ]
        mothers = _intervention(s, case_id, mother, "Familiebehandling", slots=1)
        there = _intervention(s, other, son, "Fritidsjob", slots=3)
        _consent(s, case_id, son)
        kept_consent = _consent(s, other, son)
        mother_consent = _consent(s, case_id, mother)
        track_here = start_transition_track(s, case_id, son)
        track_there = start_transition_track(s, other, son)
        member = member_row(s, case_id, son)
        member_id, version = member.id, member.version
    assert found_by_search(context, "Søren") == {case_id, other}

    with context.sessions.begin() as s:
        remove_member(s, case_id, member_id, version)

    with context.sessions() as s:
        assert s.get(FamilyMember, member_id) is None
        assert s.get(Citizen, son) is not None  # the person stays
        assert [m.citizen_id for m in case_summary(s, case_id).members] == [
            mother,
            citizen_id(s, DAUGHTER_CPR),
        ]
        assert removal_impact(s, case_id, son) == RemovalImpact(0, 0, False)
        assert s.scalars(select(Intervention.id).where(Intervention.id.in_(here))).all() == []
        assert (
            s.scalar(
                select(func.count(InterventionSlot.id)).where(InterventionSlot.intervention_id.in_(here))
            )
            == 0
        )
        assert (
            s.scalar(select(func.count(TransitionTopic.id)).where(TransitionTopic.track_id == track_here))
            == 0
        )
        assert s.get(TransitionTrack, track_here) is None
        # this case's other members and the other case keep everything
        assert s.get(Intervention, mothers) is not None
        assert s.get(Consent, mother_consent) is not None
        assert s.get(Intervention, there) is not None
        assert (
            s.scalar(select(func.count(InterventionSlot.id)).where(InterventionSlot.intervention_id == there))
            == 3
        )
        assert s.get(Consent, kept_consent) is not None
        assert s.get(TransitionTrack, track_there) is not None
        assert (
            s.scalar(select(func.count(TransitionTopic.id)).where(TransitionTopic.track_id == track_there))
            == 5
        )
        assert removal_impact(s, other, son) == RemovalImpact(1, 1, True)
        assert member_row(s, other, son) is not None
    assert "søren østergaard" not in search_text(context, case_id)
    assert "søren østergaard" in search_text(context, other)
    assert found_by_search(context, "Søren") == {other}
