"""Consent records per member: validation, recording, in force by day, withdrawal."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from app.models import Citizen, Consent
from app.models.enums import ConsentCapacity, ConsentForm, CoordinationModel, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.cpr import fictional_cpr
from app.services.common.editing import ConcurrentEditError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.family.family_overview import ConsentInfo, load_family_overview
from app.services.privacy.consents import ConsentInput, record_consent, validate_consent, withdraw_consent

TODAY = date(2026, 11, 24)
GIVEN = date(2026, 10, 1)
EXPIRES = date(2027, 9, 30)


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"consents-{born}-{female}"))


def pairs(problems: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in problems}


def consent_input(citizen_id: int = 1, **changes: object) -> ConsentInput:
    values: dict[str, object] = {
        "citizen_id": citizen_id,
        "given_by_name": "Mette Ågård",
        "capacity": ConsentCapacity.CUSTODY_HOLDER,
        "given_on": GIVEN,
        "parties": "Skole, sundhedspleje",
        "info_types": "Helbred, skole",
        "purpose": "Én fælles plan",
        "form": ConsentForm.WRITTEN,
        "expires_on": EXPIRES,
    }
    values.update(changes)
    return ConsentInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def family(sqlite_context):  # type: ignore[no-untyped-def]
    """(context, case id, mother id, son id)."""
    with sqlite_context.sessions.begin() as s:
        data = CaseInput(
            family_name="Familien Ågård",
            members=[
                MemberInput("Mette", "Ågård", cpr(date(1985, 3, 12), True), Relation.PARENT, custody=True),
                MemberInput("Søren", "Ågård", cpr(date(2012, 9, 2), False), Relation.CHILD),
            ],
            coordinator_id=sqlite_context.user.id,
            model=CoordinationModel.TOGETHER_FOR_FAMILY,
        )
        case_id = create_case(s, data, TODAY).id
        mother, son = s.scalars(select(Citizen.id).order_by(Citizen.birth_date)).all()
    return sqlite_context, case_id, mother, son


def consents_of(ctx, case_id: int, citizen_id: int) -> tuple[ConsentInfo, ...]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as s:
        return load_family_overview(s, case_id).consents_of(citizen_id)


# -- validation ----------------------------------------------------------------------------


def test_valid_consents_have_no_problems() -> None:
    assert validate_consent(consent_input(), TODAY) == []
    assert validate_consent(consent_input(given_on=TODAY, expires_on=None), TODAY) == []
    assert validate_consent(consent_input(expires_on=GIVEN), TODAY) == []  # for one day


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"given_by_name": "  "}, {("given_by", Problem.REQUIRED)}),
        ({"given_by_name": "Å" * 201}, {("given_by", Problem.TOO_LONG)}),
        ({"given_on": TODAY + timedelta(days=1), "expires_on": None}, {("given_on", Problem.IN_FUTURE)}),
        ({"expires_on": GIVEN - timedelta(days=1)}, {("expires_on", Problem.END_BEFORE_START)}),
        ({"parties": "x" * 2001}, {("parties", Problem.TOO_LONG)}),
        ({"info_types": "x" * 2001}, {("info_types", Problem.TOO_LONG)}),
        ({"purpose": "x" * 2001}, {("purpose", Problem.TOO_LONG)}),
        (
            {"given_by_name": "", "given_on": date(2026, 12, 24), "expires_on": date(2026, 12, 1)},
            {
                ("given_by", Problem.REQUIRED),
                ("given_on", Problem.IN_FUTURE),
                ("expires_on", Problem.END_BEFORE_START),
            },
        ),
    ],
)
def test_problems_per_field(changes: dict[str, object], expected: set[tuple[str, Problem]]) -> None:
    assert pairs(validate_consent(consent_input(**changes), TODAY)) == expected


def test_invalid_consent_is_not_stored(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _son = family
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            record_consent(s, case_id, consent_input(mother, given_by_name=" "), TODAY)
        assert pairs(err.value.problems) == {("given_by", Problem.REQUIRED)}
    with ctx.sessions() as s:
        assert s.scalar(text("SELECT count(*) FROM consents")) == 0


# -- recording and reading back ------------------------------------------------------------


def test_recorded_consent_is_shown_for_the_member(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, son = family
    with ctx.sessions.begin() as s:
        consent_id = record_consent(
            s,
            case_id,
            consent_input(
                son,
                given_by_name="  Mette Ågård ",
                parties=" Skole ",
                info_types=" Helbred ",
                purpose=" Plan ",
                form=ConsentForm.ORAL,
            ),
            TODAY,
        )
    shown = consents_of(ctx, case_id, son)
    assert [c.id for c in shown] == [consent_id]
    info = shown[0]
    assert (info.citizen_id, info.given_by, info.capacity) == (
        son,
        "Mette Ågård",
        ConsentCapacity.CUSTODY_HOLDER,
    )
    assert (info.parties, info.info_types, info.purpose) == ("Skole", "Helbred", "Plan")
    assert (info.given_on, info.expires_on, info.withdrawn_on) == (GIVEN, EXPIRES, None)
    assert consents_of(ctx, case_id, mother) == ()
    with ctx.sessions() as s:
        assert s.get(Consent, consent_id).form == ConsentForm.ORAL
    # in force from the day given up to and including the day it expires
    assert not info.in_force_on(GIVEN - timedelta(days=1))
    assert info.in_force_on(GIVEN)
    assert info.in_force_on(TODAY)
    assert info.in_force_on(EXPIRES)
    assert not info.in_force_on(EXPIRES + timedelta(days=1))


def test_consent_without_expiry_stays_in_force(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _son = family
    with ctx.sessions.begin() as s:
        record_consent(s, case_id, consent_input(mother, expires_on=None, given_on=TODAY), TODAY)
    (info,) = consents_of(ctx, case_id, mother)
    assert not info.in_force_on(TODAY - timedelta(days=1))
    assert info.in_force_on(TODAY)
    assert info.in_force_on(date(2040, 1, 1))


def test_consents_of_another_case_are_not_shown(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _son = family
    with ctx.sessions.begin() as s:
        single = CaseInput(
            single_citizen=True,
            members=[MemberInput("Mette", "Ågård", cpr(date(1985, 3, 12), True), Relation.OTHER)],
            coordinator_id=ctx.user.id,
            model=CoordinationModel.HOLISTIC_PLAN,
        )
        other = create_case(s, single, TODAY).id
        record_consent(s, other, consent_input(mother, purpose="Jobcenter"), TODAY)
        here = record_consent(s, case_id, consent_input(mother, purpose="Familien"), TODAY)
    assert [c.id for c in consents_of(ctx, case_id, mother)] == [here]
    assert [c.purpose for c in consents_of(ctx, other, mother)] == ["Jobcenter"]


# -- withdrawal ----------------------------------------------------------------------------


def test_withdrawn_consent_is_not_in_force_from_that_day(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _son = family
    withdrawn = date(2026, 11, 10)
    with ctx.sessions.begin() as s:
        consent_id = record_consent(s, case_id, consent_input(mother), TODAY)
        version = s.get(Consent, consent_id).version
    with ctx.sessions.begin() as s:
        withdraw_consent(s, consent_id, withdrawn, "Trukket tilbage", version)
    (info,) = consents_of(ctx, case_id, mother)  # the record stays
    assert info.withdrawn_on == withdrawn
    assert info.in_force_on(withdrawn - timedelta(days=1))
    assert not info.in_force_on(withdrawn)
    assert not info.in_force_on(TODAY)
    assert not info.in_force_on(EXPIRES)
    with ctx.sessions() as s:
        consent = s.get(Consent, consent_id)
        assert consent.version == version + 1
        assert not consent.in_force_on(withdrawn)
    # Someone who read the consent before it was withdrawn is refused.
    with ctx.sessions.begin() as s, pytest.raises(ConcurrentEditError):
        withdraw_consent(s, consent_id, TODAY, "", version)
    assert consents_of(ctx, case_id, mother)[0].withdrawn_on == withdrawn


def test_withdrawal_before_the_consent_was_given_is_refused(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _son = family
    with ctx.sessions.begin() as s:
        consent_id = record_consent(s, case_id, consent_input(mother), TODAY)
    with ctx.sessions.begin() as s:
        with pytest.raises(ValidationError) as err:
            withdraw_consent(s, consent_id, GIVEN - timedelta(days=1), "", None)
        assert pairs(err.value.problems) == {("withdrawn_on", Problem.END_BEFORE_START)}
    (info,) = consents_of(ctx, case_id, mother)
    assert info.withdrawn_on is None
    assert info.in_force_on(TODAY)
    # Withdrawing on the day it was given is allowed: then it was never in force.
    with ctx.sessions.begin() as s:
        withdraw_consent(s, consent_id, GIVEN, "", None)
    (info,) = consents_of(ctx, case_id, mother)
    assert info.withdrawn_on == GIVEN
    assert not info.in_force_on(GIVEN)
