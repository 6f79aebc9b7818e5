"""The consent register's coverage rules: who may consent (age, custody, mandate), what a
recipient may receive on a day (withdrawal, expiry, parties), and reviews at 10, 15, 16."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models import Consent
from app.models.enums import ConsentCapacity, Sector
from app.services.cases.case_summary import age_on
from app.services.common.validation import Problem, ValidationError
from app.services.privacy.consent_register import (
    ConsentRecord,
    Cover,
    Holder,
    MemberFacts,
    ProfessionalFacts,
    ReviewDue,
    consent_reviews_due,
    coverage_matrix,
    may_consent,
    party_covers,
    reviews_due,
    sharing_cover,
    sharing_cover_of,
    who_may_consent,
)
from app.services.privacy.consents import (
    MAX_ATTACHMENT_BYTES,
    ConsentInput,
    attachment_of,
    record_consent,
    withdraw_consent,
)
from app.services.privacy.sharing import INFO_TYPES, Party, PartyKind

CH, YOUTH, SELF = ConsentCapacity.CUSTODY_HOLDER, ConsentCapacity.YOUTH, ConsentCapacity.SELF
GUARDIAN, PROXY = ConsentCapacity.GUARDIAN, ConsentCapacity.FUTURE_PROXY
DAY = date(2026, 11, 24)
ALL = frozenset(INFO_TYPES)

# A small directory: professional 1 is a teacher at Skovskolen (education), 2 a nurse.
PROS = {
    "1": ProfessionalFacts(1, Sector.EDUCATION.value, "Skovskolen"),
    "2": ProfessionalFacts(2, Sector.HEALTH.value, "Sundhedsplejen"),
    "3": ProfessionalFacts(3, Sector.EDUCATION.value, "Bakkeskolen"),
}
TEACHER = Party(PartyKind.PROFESSIONAL, "1")
NURSE = Party(PartyKind.PROFESSIONAL, "2")
OTHER_TEACHER = Party(PartyKind.PROFESSIONAL, "3")
SCHOOL = Party(PartyKind.ORGANISATION, "Skovskolen")
EDUCATION = Party(PartyKind.SECTOR, Sector.EDUCATION.value)
HEALTH = Party(PartyKind.SECTOR, Sector.HEALTH.value)
PARTIES = [TEACHER, NURSE, OTHER_TEACHER, SCHOOL, EDUCATION, HEALTH]

MOTHER, FATHER = Holder(100, "Mette Ågård"), Holder(101, "Jens Ågård")


def born_aged(age: int, day: date = DAY) -> date:
    return date(day.year - age, 1, 1) if (day.month, day.day) >= (1, 1) else date(day.year - age - 1, 1, 1)


def member(age: int, holders: tuple[Holder, ...] = (MOTHER,), citizen_id: int = 1) -> MemberFacts:
    return MemberFacts(citizen_id, born_aged(age), holders)


def record(
    capacity: ConsentCapacity,
    *,
    types: frozenset[str] = ALL,
    parties: tuple[Party, ...] = (EDUCATION,),
    given_on: date = DAY - timedelta(days=30),
    expires_on: date | None = None,
    withdrawn_on: date | None = None,
    by: int | None = None,
    name: str = "",
    mandate: frozenset[str] = frozenset(),
    citizen_id: int = 1,
    id: int = 1,
) -> ConsentRecord:
    return ConsentRecord(
        id, citizen_id, capacity, types, parties, given_on, expires_on, withdrawn_on, by, name, mandate
    )


def cover(
    m: MemberFacts, records: list[ConsentRecord], recipient: Party = TEACHER, day: date = DAY
) -> frozenset[str]:
    return sharing_cover_of([m], records, recipient, day, PROS)[m.citizen_id]


# -- who may consent ---------------------------------------------------------------------------


def test_who_may_consent_by_age() -> None:
    assert who_may_consent(40, "social") == who_may_consent(18, "plan")
    assert {c for r in who_may_consent(40, "social") for c in r.capacities} == {SELF, GUARDIAN, PROXY}
    # a child under 15: each custody holder
    two = who_may_consent(9, "health", (FATHER, MOTHER))
    assert [r.holder for r in two] == [MOTHER, FATHER]
    # 15: own health information is the youth's own
    assert may_consent(15, YOUTH, "health", (MOTHER,))
    assert not may_consent(15, CH, "health", (MOTHER,))
    assert may_consent(14, CH, "health", (MOTHER,))
    assert not may_consent(15, YOUTH, "school", (MOTHER,))
    # 16: the plan needs the custody holder and the youth
    assert may_consent(16, CH, "plan", (MOTHER,)) and may_consent(16, YOUTH, "plan", (MOTHER,))
    assert not may_consent(15, YOUTH, "plan", (MOTHER,))
    # adults consent themselves; a custody holder no longer does
    assert not may_consent(18, CH, "plan", (MOTHER,))


def test_joint_custody_needs_both_parents() -> None:
    child = member(8, (MOTHER, FATHER))
    mother_only = [record(CH, by=MOTHER.citizen_id)]
    assert cover(child, mother_only) == frozenset()
    both = [*mother_only, record(CH, by=FATHER.citizen_id, id=2)]
    assert cover(child, both) == ALL
    # a typed name of the other holder counts; somebody else's does not
    assert cover(child, [*mother_only, record(CH, name="jens  ågård", id=2)]) == ALL
    assert cover(child, [*mother_only, record(CH, name="Hanne", id=2)]) == frozenset()
    # no holder known among the members: any custody holder's consent
    assert cover(member(8, ()), [record(CH, name="Hanne")]) == ALL


def test_guardian_and_proxy_only_within_the_mandate() -> None:
    adult = member(50, ())
    assert cover(adult, [record(GUARDIAN)]) == frozenset()
    assert cover(adult, [record(GUARDIAN, mandate=frozenset({"social", "health"}))]) == {"social", "health"}
    assert cover(
        adult, [record(PROXY, types=frozenset({"health"}), mandate=frozenset({"health", "plan"}))]
    ) == {"health"}
    assert cover(adult, [record(SELF)]) == ALL


def test_youth_thresholds_in_coverage() -> None:
    parents = [record(CH, by=MOTHER.citizen_id)]
    assert cover(member(14), parents) == ALL
    assert cover(member(15), parents) == ALL - {"health"}
    assert cover(member(16), parents) == ALL - {"health", "plan"}
    youth = [*parents, record(YOUTH, types=frozenset({"health", "plan"}), id=2)]
    assert cover(member(16), youth) == ALL
    assert cover(member(18), youth) == frozenset()  # an adult consents anew, as themselves


def test_parties_sector_organisation_professional() -> None:
    assert party_covers(EDUCATION, TEACHER, PROS) and party_covers(EDUCATION, SCHOOL, PROS)
    assert party_covers(SCHOOL, TEACHER, PROS) and not party_covers(SCHOOL, OTHER_TEACHER, PROS)
    assert not party_covers(TEACHER, SCHOOL, PROS) and not party_covers(TEACHER, EDUCATION, PROS)
    assert not party_covers(HEALTH, TEACHER, PROS) and not party_covers(SCHOOL, EDUCATION, PROS)
    assert party_covers(TEACHER, TEACHER, PROS) and not party_covers(TEACHER, OTHER_TEACHER, PROS)


def test_withdrawal_and_expiry() -> None:
    adult = member(30, ())
    assert cover(adult, [record(SELF, withdrawn_on=DAY)]) == frozenset()
    assert cover(adult, [record(SELF, withdrawn_on=DAY + timedelta(days=1))]) == ALL
    assert cover(adult, [record(SELF, expires_on=DAY)]) == ALL
    assert cover(adult, [record(SELF, expires_on=DAY - timedelta(days=1))]) == frozenset()
    assert cover(adult, [record(SELF, given_on=DAY + timedelta(days=1))]) == frozenset()


# -- properties --------------------------------------------------------------------------------

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
capacities = st.sampled_from(list(ConsentCapacity))
type_sets = st.frozensets(st.sampled_from(INFO_TYPES))
party_sets = st.lists(st.sampled_from(PARTIES), min_size=1, max_size=3, unique=True).map(tuple)
holder_sets = st.sampled_from([(), (MOTHER,), (MOTHER, FATHER)])
members = st.builds(
    MemberFacts, st.just(1), st.dates(min_value=date(1950, 1, 1), max_value=date(2026, 1, 1)), holder_sets
)


@st.composite
def records(draw: st.DrawFn) -> ConsentRecord:
    given_on = draw(days)
    expires = draw(st.none() | st.dates(min_value=given_on, max_value=date(2031, 12, 31)))
    withdrawn = draw(st.none() | st.dates(min_value=given_on, max_value=date(2031, 12, 31)))
    by = draw(st.sampled_from([None, MOTHER.citizen_id, FATHER.citizen_id]))
    return ConsentRecord(
        draw(st.integers(1, 10_000)),
        1,
        draw(capacities),
        draw(type_sets),
        draw(party_sets),
        given_on,
        expires,
        withdrawn,
        by,
        draw(st.sampled_from(["", MOTHER.name, "Hanne"])),
        draw(type_sets),
    )


def _replace(r: ConsentRecord, **changes: object) -> ConsentRecord:
    values = {name: getattr(r, name) for name in ConsentRecord.__slots__}
    values.update(changes)
    return ConsentRecord(**values)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(members, st.lists(records(), max_size=5), st.sampled_from(PARTIES), days, st.data())
def test_withdrawal_on_or_before_the_day_removes_cover(m, recs, recipient, day, data) -> None:  # type: ignore[no-untyped-def]
    withdrawn = [
        _replace(r, withdrawn_on=data.draw(st.dates(min_value=r.given_on, max_value=max(r.given_on, day))))
        for r in recs
    ]
    assert cover(m, withdrawn, recipient, day) == frozenset()


@settings(max_examples=200, deadline=None)
@given(members, st.lists(records(), max_size=5), st.sampled_from(PARTIES), days)
def test_expired_consents_cover_nothing(m, recs, recipient, day) -> None:  # type: ignore[no-untyped-def]
    expired = [
        _replace(r, expires_on=day - timedelta(days=1), given_on=min(r.given_on, day - timedelta(days=1)))
        for r in recs
    ]
    assert cover(m, expired, recipient, day) == frozenset()


@settings(max_examples=200, deadline=None)
@given(members, st.lists(records(), max_size=5), st.sampled_from(PARTIES), days)
def test_a_consent_never_covers_a_party_it_does_not_name(m, recs, recipient, day) -> None:  # type: ignore[no-untyped-def]
    unrelated = [r for r in recs if not any(party_covers(p, recipient, PROS) for p in r.parties)]
    assert cover(m, unrelated, recipient, day) == frozenset()
    # and what is covered comes only from consents naming (a party covering) the recipient
    related = [r for r in recs if r not in unrelated]
    assert cover(m, recs, recipient, day) == cover(m, related, recipient, day)


@settings(max_examples=200, deadline=None)
@given(members, st.lists(records(), max_size=5), records(), st.sampled_from(PARTIES), days)
def test_adding_a_consent_never_removes_cover(m, recs, extra, recipient, day) -> None:  # type: ignore[no-untyped-def]
    assert cover(m, recs, recipient, day) <= cover(m, [*recs, extra], recipient, day)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 17), holder_sets, st.lists(records(), max_size=5), st.sampled_from(PARTIES))
def test_custody_holders_alone_do_not_cover_where_the_youth_decides(age, holders, recs, recipient) -> None:  # type: ignore[no-untyped-def]
    m = member(age, holders)
    parents_only = [_replace(r, capacity=CH) for r in recs]
    covered = cover(m, parents_only, recipient)
    if age >= 15:
        assert "health" not in covered
    if age >= 16:
        assert "plan" not in covered
    assert cover(member(18 + age, holders), parents_only, recipient) == frozenset()


# -- reviews at 10, 15 and 16 ------------------------------------------------------------------


def test_reviews_due_pure() -> None:
    born = date(2016, 11, 20)  # 10 on 2026-11-20
    assert reviews_due([(1, born)], {}, DAY, since=date(2026, 1, 1)) == [ReviewDue(1, 10, date(2026, 11, 20))]
    assert reviews_due([(1, born)], {}, DAY, since=date(2026, 11, 21)) == []  # opened after
    assert reviews_due([(1, born)], {1: [date(2026, 11, 20)]}, DAY) == []  # reviewed on the day
    assert reviews_due([(1, born)], {1: [date(2026, 5, 1)]}, DAY) == [ReviewDue(1, 10, date(2026, 11, 20))]
    assert reviews_due([(1, date(2010, 11, 1))], {1: [date(2025, 1, 1)]}, DAY) == [
        ReviewDue(1, 16, date(2026, 11, 1))
    ]
    assert reviews_due([(1, date(2018, 1, 1)), (2, date(1980, 1, 1))], {}, DAY) == []  # 8 and adult


# -- on the store ------------------------------------------------------------------------------


def _consent(ctx, case_id: int, citizen: int, by: int | None, capacity=CH, **kw) -> int:  # type: ignore[no-untyped-def]
    values = {"parties": [EDUCATION], "info_types": ["school", "plan"], "given_on": date(2026, 11, 1)}
    values.update(kw)
    with ctx.sessions.begin() as s:
        return record_consent(
            s,
            case_id,
            ConsentInput(citizen, "Forælder", capacity, given_by_citizen_id=by, **values),  # type: ignore[arg-type]
            DAY,
        )


def test_sharing_cover_on_the_store(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, ids, teacher, nurse = family
    to_teacher = Party(PartyKind.PROFESSIONAL, str(teacher))
    with ctx.sessions() as s:
        assert sharing_cover(s, case_id, to_teacher, DAY) == {i: frozenset() for i in ids.values()}
    _consent(ctx, case_id, ids["Søren"], ids["Mette"])
    with ctx.sessions() as s:
        assert sharing_cover(s, case_id, to_teacher, DAY)[ids["Søren"]] == frozenset()  # father missing
    second = _consent(ctx, case_id, ids["Søren"], ids["Jens"])
    with ctx.sessions() as s:
        assert sharing_cover(s, case_id, to_teacher, DAY)[ids["Søren"]] == {"school", "plan"}
        assert sharing_cover(s, case_id, Party(PartyKind.ORGANISATION, "Skovskolen"), DAY)[ids["Søren"]] == {
            "school",
            "plan",
        }
        assert (
            sharing_cover(s, case_id, Party(PartyKind.PROFESSIONAL, str(nurse)), DAY)[ids["Søren"]]
            == frozenset()
        )
        matrix = coverage_matrix(s, case_id, DAY)
        index = next(i for i, p in enumerate(matrix.parties) if p.party == to_teacher)
        assert matrix.level(ids["Søren"], index) == Cover.PARTLY
        assert matrix.level(ids["Mette"], index) == Cover.NONE
        version = s.get(Consent, second).version
    # withdrawal takes effect at once: on the same day
    with ctx.sessions.begin() as s:
        withdraw_consent(s, second, DAY, "Far ønsker det ikke", version)
    with ctx.sessions() as s:
        assert sharing_cover(s, case_id, to_teacher, DAY)[ids["Søren"]] == frozenset()
        assert sharing_cover(s, case_id, to_teacher, DAY - timedelta(days=1))[ids["Søren"]] == {
            "school",
            "plan",
        }
        assert s.get(Consent, second).withdrawn_reason == "Far ønsker det ikke"


def test_attachment_and_mandate_on_the_store(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, ids, _teacher, _nurse = family
    form = b"underskrevet" * 10
    consent_id = _consent(
        ctx, case_id, ids["Mette"], ids["Mette"], SELF, attachment=form, attachment_name="samtykke.pdf"
    )
    with ctx.sessions() as s:
        assert attachment_of(s, consent_id) == ("samtykke.pdf", form)
    with ctx.sessions.begin() as s, pytest.raises(ValidationError) as err:
        record_consent(
            s,
            case_id,
            ConsentInput(
                ids["Mette"],
                "Mette",
                SELF,
                date(2026, 11, 1),
                attachment=b"x" * (MAX_ATTACHMENT_BYTES + 1),
                attachment_name="stor.pdf",
            ),
            DAY,
        )
    assert {(p.field, p.problem) for p in err.value.problems} == {("attachment", Problem.TOO_LONG)}
    with ctx.sessions.begin() as s, pytest.raises(ValidationError) as err:
        record_consent(s, case_id, ConsentInput(ids["Mette"], "Værge Vera", GUARDIAN, date(2026, 11, 1)), DAY)
    assert {(p.field, p.problem) for p in err.value.problems} == {("mandate", Problem.REQUIRED)}


def test_consent_reviews_due_on_the_store(family) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, ids, _teacher, _nurse = family
    with ctx.sessions() as s:
        assert consent_reviews_due(s, case_id, DAY) == [ReviewDue(ids["Ida"], 15, date(2026, 11, 1))]
    _consent(ctx, case_id, ids["Ida"], None, YOUTH, given_on=date(2026, 11, 2), info_types=["health"])
    with ctx.sessions() as s:
        assert consent_reviews_due(s, case_id, DAY) == []
        assert age_on(date(2011, 11, 1), DAY) == 15
