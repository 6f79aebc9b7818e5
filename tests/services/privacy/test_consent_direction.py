"""A consent's direction (issue 20 item 3): collecting information from others (RSL § 11 a,
naming what and from whom) is not passing it on (FVL § 28, stk. 2). Sharing counts only
consents that pass on; collecting only those that collect; a consent of both counts for both.
Recording one that collects needs its parties and information types."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.models import Consent
from app.models.enums import ConsentCapacity, ConsentDirection
from app.services.common.validation import Problem, ValidationError
from app.services.privacy.consent_register import sharing_cover, sharing_cover_of
from app.services.privacy.consents import ConsentInput, record_consent, validate_consent
from app.services.privacy.sharing import Party, PartyKind
from tests.services.privacy.test_consent_register import (
    ALL,
    CH,
    DAY,
    MOTHER,
    PARTIES,
    PROS,
    TEACHER,
    days,
    member,
    members,
    record,
    records,
)

COLLECT, SHARE, BOTH = ConsentDirection.COLLECT, ConsentDirection.SHARE, ConsentDirection.BOTH
directions = st.sampled_from(list(ConsentDirection))


def _cover(m, recs, recipient, day, direction):  # type: ignore[no-untyped-def]
    return sharing_cover_of([m], recs, recipient, day, PROS, direction=direction)[m.citizen_id]


@pytest.mark.parametrize(
    ("given", "shared", "collected"),
    [(SHARE, ALL, frozenset()), (COLLECT, frozenset(), ALL), (BOTH, ALL, ALL)],
)
def test_each_direction_covers_its_own_way(given: ConsentDirection, shared, collected) -> None:  # type: ignore[no-untyped-def]
    """The mother's consent about her son of 8 naming the school, each way."""
    recs = [replace(record(CH, by=MOTHER.citizen_id), direction=given)]
    son = member(8)
    assert _cover(son, recs, TEACHER, DAY, SHARE) == shared
    assert _cover(son, recs, TEACHER, DAY, COLLECT) == collected


@settings(max_examples=200, deadline=None)
@given(
    members,
    st.lists(st.tuples(records(), directions), max_size=5),
    st.sampled_from(PARTIES),
    days,
    directions,
)
def test_a_way_counts_exactly_the_consents_that_go_that_way(m, drawn, recipient, day, way) -> None:  # type: ignore[no-untyped-def]
    if way == BOTH:
        way = SHARE  # a question is asked one way at a time
    recs = [replace(r, direction=d) for r, d in drawn]
    going = [replace(r, direction=BOTH) for r in recs if r.direction in (way, BOTH)]
    assert _cover(m, recs, recipient, day, way) == _cover(m, going, recipient, day, way)
    other = COLLECT if way == SHARE else SHARE
    only_other = [r for r in recs if r.direction == other]
    assert _cover(m, only_other, recipient, day, way) == frozenset()


@pytest.mark.parametrize("direction", [COLLECT, BOTH])
@pytest.mark.parametrize(
    ("parties", "types", "missing"), [((), ("plan",), "parties"), ((TEACHER,), (), "info_types")]
)
def test_a_consent_to_collect_names_from_whom_and_what(direction, parties, types, missing) -> None:  # type: ignore[no-untyped-def]
    data = ConsentInput(
        1, "Mette", CH, DAY, parties=list(parties), info_types=list(types), direction=direction
    )
    assert [(p.field, p.problem) for p in validate_consent(data, DAY)] == [(missing, Problem.REQUIRED)]
    sharing = replace(data, direction=SHARE)  # passing on alone may be recorded without them
    assert validate_consent(sharing, DAY) == []


def test_the_direction_is_stored_and_read_back_on_the_store(family) -> None:  # type: ignore[no-untyped-def]
    """On both stores: both parents' collect-only consents about their son of 8 let the school
    be asked and let nothing be passed on to it; consents of both ways then let it."""
    ctx, case_id, ids, teacher, _nurse = family
    school = Party(PartyKind.PROFESSIONAL, str(teacher))
    son = ids["Søren"]

    def give(direction: ConsentDirection) -> list[int]:
        made = []
        with ctx.sessions.begin() as s:
            for parent in ("Mette", "Jens"):
                data = ConsentInput(
                    son,
                    f"{parent} Ågård",
                    CH,
                    DAY,
                    parties=[school],
                    info_types=["school"],
                    direction=direction,
                    given_by_citizen_id=ids[parent],
                )
                made.append(record_consent(s, case_id, data, DAY))
        return made

    with pytest.raises(ValidationError), ctx.sessions.begin() as s:
        record_consent(s, case_id, ConsentInput(son, "Mette Ågård", CH, DAY, direction=COLLECT), DAY)
    collected = give(COLLECT)
    with ctx.sessions() as s:
        assert {s.get(Consent, i).direction for i in collected} == {COLLECT}
        assert sharing_cover(s, case_id, school, DAY)[son] == frozenset()
        assert sharing_cover(s, case_id, school, DAY, direction=COLLECT)[son] == {"school"}
    give(BOTH)
    with ctx.sessions() as s:
        assert sharing_cover(s, case_id, school, DAY)[son] == {"school"}


def test_a_consent_recorded_before_the_direction_goes_both_ways() -> None:
    assert Consent.__table__.c.direction.server_default.arg == "both"  # type: ignore[attr-defined]
    assert ConsentInput(1, "x", ConsentCapacity.SELF, date(2026, 1, 1)).direction == SHARE
