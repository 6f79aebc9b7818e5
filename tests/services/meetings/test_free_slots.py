"""Free meeting times and double bookings: working days (weekends and Danish holidays from the
holidays library), working hours, every participant's busy times, half-open edges, summer time
changes; busy times read from the store (meetings and a child's weekly intervention slots)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Citizen, Meeting, MeetingParticipant, Professional
from app.models.enums import CoordinationModel, InterventionStatus, MeetingKind, MeetingStatus, Relation
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import LOCAL_TZ
from app.services.common.cpr import fictional_cpr
from app.services.family.interventions import InterventionInput, SlotInput, add_intervention
from app.services.meetings.days_off import danish_holidays, is_working_day
from app.services.meetings.free_slots import (
    Busy,
    busy_times,
    conflicts,
    next_free_slots,
    parse_key,
)

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day

TODAY = date(2026, 11, 24)
HOUR = timedelta(hours=1)
KEYS = ("citizen:1", "professional:2", "user:3")


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LOCAL_TZ)


def busy(start: datetime, end: datetime, who: str = "citizen:1", reason: str = "meeting:1") -> Busy:
    return Busy(start, end, who, reason)


def hm(moments: list[datetime]) -> list[str]:
    return [f"{m:%Y-%m-%d %H:%M}" for m in moments]


# -- holidays ----------------------------------------------------------------------------------


def test_christmas_and_new_year_are_skipped() -> None:
    # Wednesday 23 December 2026, after the last start that ends by 16:00
    found = next_free_slots([], KEYS, HOUR, local(2026, 12, 23, 15, 1), count=2)
    assert hm(found) == ["2026-12-28 08:00", "2026-12-28 08:30"]  # 24, 25 Dec; 26-27 weekend
    found = next_free_slots([], KEYS, HOUR, local(2026, 12, 30, 15), count=2)
    assert hm(found) == ["2026-12-30 15:00", "2027-01-04 08:00"]  # 31 Dec, 1 Jan; 2-3 weekend


def test_public_holidays_only_or_none_on_request() -> None:
    after = local(2026, 12, 23, 15, 1)
    public = next_free_slots([], KEYS, HOUR, after, count=1, customary_days_off=False)
    assert hm(public) == ["2026-12-24 08:00"]
    assert hm(next_free_slots([], KEYS, HOUR, local(2026, 12, 25, 7), count=1, skip_days_off=False)) == [
        "2026-12-25 08:00"
    ]


def test_weekends_are_skipped() -> None:
    found = next_free_slots([], KEYS, HOUR, local(2026, 11, 27, 15), count=2)  # a Friday
    assert hm(found) == ["2026-11-27 15:00", "2026-11-30 08:00"]
    assert not is_working_day(date(2026, 11, 28)) and not is_working_day(date(2026, 11, 29))


# -- working hours, order, edges ---------------------------------------------------------------


def test_within_working_hours_in_order_and_count() -> None:
    monday = local(2026, 11, 30, 6)
    day = next_free_slots([], KEYS, timedelta(minutes=90), monday, count=14)
    assert hm(day)[0] == "2026-11-30 08:00" and hm(day)[-1] == "2026-11-30 14:30"
    assert len(day) == 14 and day == sorted(day) and len(set(day)) == 14
    assert hm(next_free_slots([], KEYS, timedelta(minutes=90), monday, count=15))[-1] == "2026-12-01 08:00"
    assert len(next_free_slots([], KEYS, HOUR, monday)) == 5
    assert next_free_slots([], KEYS, HOUR, monday, count=0) == []
    assert all(m.tzinfo is LOCAL_TZ for m in day)


def test_after_is_rounded_up_to_the_grid_and_custom_hours() -> None:
    found = next_free_slots([], KEYS, HOUR, local(2026, 11, 30, 10, 7), count=1)
    assert hm(found) == ["2026-11-30 10:30"]
    found = next_free_slots(
        [], KEYS, HOUR, local(2026, 11, 30, 13), count=3, work_start=time(9), work_end=time(15), step=HOUR
    )
    assert hm(found) == ["2026-11-30 13:00", "2026-11-30 14:00", "2026-12-01 09:00"]
    # an "after" in another time zone means the same instant
    in_utc = next_free_slots([], KEYS, HOUR, datetime(2026, 11, 30, 9, 7, tzinfo=UTC), count=1)
    assert in_utc == [local(2026, 11, 30, 10, 30)]


def test_a_meeting_longer_than_the_working_day_never_fits() -> None:
    assert next_free_slots([], KEYS, timedelta(hours=9), local(2026, 11, 30), max_days=10) == []


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        next_free_slots([], KEYS, HOUR, datetime(2026, 11, 30, 8))
    with pytest.raises(ValueError, match="duration"):
        next_free_slots([], KEYS, timedelta(0), local(2026, 11, 30))
    with pytest.raises(ValueError, match="naive"):
        conflicts(datetime(2026, 11, 30, 8), datetime(2026, 11, 30, 9), KEYS, [])


def test_busy_times_of_every_participant_are_avoided() -> None:
    monday = local(2026, 11, 30, 7)
    taken = [
        busy(local(2026, 11, 30, 8), local(2026, 11, 30, 9), "citizen:1"),
        busy(local(2026, 11, 30, 9), local(2026, 11, 30, 10, 30), "professional:2"),
        busy(local(2026, 11, 30, 11), local(2026, 11, 30, 12), "user:3", "slot:7"),
        busy(local(2026, 11, 30, 12), local(2026, 11, 30, 16), "professional:99"),  # not invited
    ]
    found = next_free_slots(taken, KEYS, HOUR, monday, count=3)
    assert hm(found) == ["2026-11-30 12:00", "2026-11-30 12:30", "2026-11-30 13:00"]
    # without the user, 10:30 is free (10:30-11:30 only collides with the user's slot)
    assert hm(next_free_slots(taken, KEYS[:2], HOUR, monday, count=1)) == ["2026-11-30 10:30"]


def test_half_open_edges() -> None:
    taken = [
        busy(local(2026, 11, 30, 8), local(2026, 11, 30, 9)),
        busy(local(2026, 11, 30, 10), local(2026, 11, 30, 16)),
    ]
    found = next_free_slots(taken, KEYS, HOUR, local(2026, 11, 30, 7), count=2)
    assert hm(found) == ["2026-11-30 09:00", "2026-12-01 08:00"]  # 9-10 fits exactly between
    assert conflicts(local(2026, 11, 30, 9), local(2026, 11, 30, 10), KEYS, taken) == []
    assert conflicts(local(2026, 11, 30, 8, 59), local(2026, 11, 30, 10), KEYS, taken) == [taken[0]]
    assert conflicts(local(2026, 11, 30, 9), local(2026, 11, 30, 10, 1), KEYS, taken) == [taken[1]]
    assert conflicts(local(2026, 11, 30, 9), local(2026, 11, 30, 10, 1), ["user:3"], taken) == []


def test_summer_time_starts_last_sunday_of_march() -> None:
    # 29 March 2026: 02:00 CET becomes 03:00 CEST. A meeting stored as 07:00 UTC on Monday 30
    # March is 09:00 local; on Friday 27 March 07:00 UTC was 08:00 local.
    taken = [
        busy(datetime(2026, 3, 30, 7, tzinfo=UTC), datetime(2026, 3, 30, 8, tzinfo=UTC)),
        busy(datetime(2026, 3, 27, 7, tzinfo=UTC), datetime(2026, 3, 27, 14, tzinfo=UTC)),
    ]
    found = next_free_slots(taken, KEYS, HOUR, local(2026, 3, 27, 7), count=4)
    assert hm(found) == ["2026-03-27 15:00", "2026-03-30 08:00", "2026-03-30 10:00", "2026-03-30 10:30"]
    assert [m.utcoffset() for m in found] == [HOUR, 2 * HOUR, 2 * HOUR, 2 * HOUR]
    assert found[1].astimezone(UTC) == datetime(2026, 3, 30, 6, tzinfo=UTC)


def test_summer_time_ends_last_sunday_of_october() -> None:
    # 25 October 2026: 03:00 CEST becomes 02:00 CET
    taken = [busy(datetime(2026, 10, 26, 7, tzinfo=UTC), datetime(2026, 10, 26, 9, tzinfo=UTC))]
    found = next_free_slots(taken, KEYS, HOUR, local(2026, 10, 23, 15), count=3)
    assert hm(found) == ["2026-10-23 15:00", "2026-10-26 10:00", "2026-10-26 10:30"]  # busy 08-10 local
    assert [m.utcoffset() for m in found] == [2 * HOUR, HOUR, HOUR]
    # a busy time across the repeated hour on Sunday night is compared in UTC, not wall clock
    night = busy(
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(LOCAL_TZ),  # 02:30 CEST
        datetime(2026, 10, 25, 1, 15, tzinfo=UTC).astimezone(LOCAL_TZ),  # 02:15 CET, later
    )
    assert conflicts(
        datetime(2026, 10, 25, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, 10, tzinfo=UTC), KEYS, [night]
    ) == [night]


def test_parse_key() -> None:
    assert parse_key("citizen:12") == ("citizen", 12)
    assert parse_key("professional:3") == ("professional", 3)
    assert parse_key("user:1") == ("user", 1)
    assert parse_key("guest:Ole") is None
    assert parse_key("citizen:") is None
    assert parse_key("robot:1") is None


# -- the property ----------------------------------------------------------------------------

BASES = [date(2026, 3, 25), date(2026, 10, 21), date(2026, 12, 21), date(2027, 4, 20)]
busy_strategy = st.tuples(
    st.integers(0, 20),  # day offset
    st.integers(0, 24 * 60 - 1),  # start minute of the day
    st.integers(1, 10 * 60),  # minutes long
    st.sampled_from(["citizen:1", "professional:2", "user:3", "professional:9"]),
)


@settings(max_examples=150, deadline=None)
@given(
    base=st.sampled_from(BASES),
    items=st.lists(busy_strategy, max_size=25),
    keys=st.sets(st.sampled_from(KEYS), min_size=1),
    minutes=st.sampled_from([15, 30, 45, 60, 90, 120, 240]),
    after_minutes=st.integers(0, 5 * 24 * 60),
    count=st.integers(1, 8),
)
def test_free_slots_never_overlap_and_keep_to_working_days(  # type: ignore[no-untyped-def]
    base, items, keys, minutes, after_minutes, count
) -> None:
    start_of_base = datetime.combine(base, time(0), tzinfo=LOCAL_TZ)
    taken = [
        busy(
            start_of_base + timedelta(days=d, minutes=m),
            start_of_base + timedelta(days=d, minutes=m + length),
            who,
        )
        for d, m, length, who in items
    ]
    duration = timedelta(minutes=minutes)
    after = (start_of_base.astimezone(UTC) + timedelta(minutes=after_minutes)).astimezone(LOCAL_TZ)
    found = next_free_slots(taken, keys, duration, after, count=count, max_days=21)
    assert len(found) <= count
    assert all(a.astimezone(UTC) < b.astimezone(UTC) for a, b in pairwise(found))
    holidays_seen = {**danish_holidays(base.year), **danish_holidays(base.year + 1)}
    for start in found:
        end = start + duration  # wall clock; no working day has a clock change
        assert start.tzinfo is LOCAL_TZ
        assert start.astimezone(UTC) >= after.astimezone(UTC)
        assert start.weekday() < 5 and start.date() not in holidays_seen
        assert time(8) <= start.time() and end.date() == start.date() and end.time() <= time(16)
        assert conflicts(start, end, keys, taken) == []
        assert (start.astimezone(UTC) + duration) == end.astimezone(UTC)


# -- from the store ----------------------------------------------------------------------------


def cpr(born: date, female: bool) -> str:
    return fictional_cpr(born, female, random.Random(f"free-slots-{born}-{female}"))


MOTHER_CPR, CHILD_CPR = cpr(date(1985, 3, 12), True), cpr(date(2016, 5, 20), False)


@pytest.fixture
def store(sqlite_context):  # type: ignore[no-untyped-def]
    """(context, case id, mother id, child id, professional id)."""
    with sqlite_context.sessions.begin() as s:
        case = create_case(
            s,
            CaseInput(
                family_name="Familien Ødegaard",
                members=[
                    MemberInput("Lise", "Ødegaard", MOTHER_CPR, Relation.PARENT, custody=True),
                    MemberInput("Emil", "Ødegaard", CHILD_CPR, Relation.CHILD),
                ],
                coordinator_id=sqlite_context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            TODAY,
        )
        mother = s.scalar(select(Citizen.id).where(Citizen.cpr == MOTHER_CPR))
        child = s.scalar(select(Citizen.id).where(Citizen.cpr == CHILD_CPR))
        pro = Professional(name="Pia PPR", role="PPR-psykolog")
        s.add(pro)
        s.flush()
        return sqlite_context, case.id, mother, child, pro.id


def add_meeting(  # type: ignore[no-untyped-def]
    s, case_id: int, start: datetime, end: datetime, status: MeetingStatus = MeetingStatus.PLANNED, **who
) -> int:
    row = Meeting(
        case_id=case_id,
        kind=MeetingKind.NETWORK,
        starts_at=start,
        ends_at=end,
        status=status,
        ical_uid=f"free-{start.isoformat()}-{status}-{len(who)}-{sorted(who.items())}@test",
        participants=[MeetingParticipant(**{f"{k}_id": v}) for k, v in who.items()],
    )
    s.add(row)
    s.flush()
    return row.id


def test_a_double_booked_professional_is_found(store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _child, pro = store
    me = ctx.user.id
    with ctx.sessions.begin() as s:
        held = add_meeting(s, case_id, local(2026, 12, 1, 10), local(2026, 12, 1, 11), professional=pro)
        add_meeting(
            s,
            case_id,
            local(2026, 12, 1, 12),
            local(2026, 12, 1, 13),
            MeetingStatus.CANCELLED,
            professional=pro,
        )
        mine = add_meeting(s, case_id, local(2026, 12, 2, 9), local(2026, 12, 2, 10), user=me, citizen=mother)
        add_meeting(s, case_id, local(2026, 12, 10, 9), local(2026, 12, 10, 10), professional=pro)  # outside
    keys = [f"professional:{pro}", f"user:{me}", f"citizen:{mother}"]
    with ctx.sessions() as s:
        taken = busy_times(s, keys, date(2026, 12, 1), date(2026, 12, 2))
        assert [(b.who, b.reason) for b in taken] == [
            (f"professional:{pro}", f"meeting:{held}"),
            (f"citizen:{mother}", f"meeting:{mine}"),
            (f"user:{me}", f"meeting:{mine}"),
        ]
        assert taken[0].start == local(2026, 12, 1, 10) and taken[0].start.tzinfo is LOCAL_TZ
        proposed = (local(2026, 12, 1, 10, 30), local(2026, 12, 1, 11, 30))
        assert [b.reason for b in conflicts(*proposed, keys, taken)] == [f"meeting:{held}"]
        assert conflicts(local(2026, 12, 1, 11), local(2026, 12, 1, 12, 30), keys, taken) == []  # cancelled
        # moving the meeting itself does not collide with itself
        moved = busy_times(s, keys, date(2026, 12, 1), date(2026, 12, 2), exclude_meeting_id=held)
        assert f"meeting:{held}" not in {b.reason for b in moved}
        # someone who is not invited is not asked about
        assert busy_times(s, ["guest:Ole", "professional:999999"], date(2026, 12, 1), date(2026, 12, 2)) == []
        found = next_free_slots(taken, keys, HOUR, local(2026, 12, 1, 9, 30), count=3)
        assert hm(found) == ["2026-12-01 11:00", "2026-12-01 11:30", "2026-12-01 12:00"]


def test_a_held_meeting_is_busy_too(store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, mother, _child, _pro = store
    with ctx.sessions.begin() as s:
        add_meeting(
            s, case_id, local(2026, 11, 23, 9), local(2026, 11, 23, 10), MeetingStatus.HELD, citizen=mother
        )
    with ctx.sessions() as s:
        assert len(busy_times(s, [f"citizen:{mother}"], date(2026, 11, 23), date(2026, 11, 23))) == 1


def test_a_childs_weekly_slot_collides(store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, child, _pro = store
    with ctx.sessions.begin() as s:
        running = add_intervention(
            s,
            case_id,
            InterventionInput(
                citizen_id=child,
                title="Fritidsklub med støtte",
                start_date=date(2026, 9, 1),
                end_date=date(2026, 12, 9),
                slots=[SlotInput(2, time(15), time(17)), SlotInput(0, time(8), time(9))],  # Wed, Mon
            ),
            TODAY,
        )
        add_intervention(  # starts later: not busy in the range
            s,
            case_id,
            InterventionInput(
                citizen_id=child,
                title="Svømning",
                start_date=date(2027, 1, 4),
                slots=[SlotInput(2, time(8), time(16))],
            ),
            TODAY,
        )
        add_intervention(  # ended without an end date: never runs
            s,
            case_id,
            InterventionInput(
                citizen_id=child,
                title="Gammel",
                start_date=date(2026, 1, 5),
                status=InterventionStatus.ENDED,
                end_date=date(2026, 6, 1),
                slots=[SlotInput(2, time(8), time(16))],
            ),
            TODAY,
        )
    key = f"citizen:{child}"
    with ctx.sessions() as s:
        taken = busy_times(s, [key], date(2026, 11, 30), date(2026, 12, 13))
    assert [(f"{b.start:%a %d %H:%M}", f"{b.end:%H:%M}", b.reason) for b in taken] == [
        ("Mon 30 08:00", "09:00", f"slot:{running}"),
        ("Wed 02 15:00", "17:00", f"slot:{running}"),
        ("Mon 07 08:00", "09:00", f"slot:{running}"),
        ("Wed 09 15:00", "17:00", f"slot:{running}"),  # the end date is included
    ]
    hit = conflicts(local(2026, 12, 2, 15, 30), local(2026, 12, 2, 16, 30), [key], taken)
    assert [(b.who, b.reason) for b in hit] == [(key, f"slot:{running}")]
    assert conflicts(local(2026, 12, 16, 15, 30), local(2026, 12, 16, 16, 30), [key], taken) == []


def test_weekly_slots_keep_local_time_across_summer_time(store) -> None:  # type: ignore[no-untyped-def]
    ctx, case_id, _mother, child, _pro = store
    with ctx.sessions.begin() as s:
        add_intervention(
            s,
            case_id,
            InterventionInput(
                citizen_id=child,
                title="Tale-hørekonsulent",
                start_date=date(2026, 1, 5),
                slots=[SlotInput(0, time(8), time(9))],
            ),
            TODAY,
        )
    with ctx.sessions() as s:
        taken = busy_times(s, [f"citizen:{child}"], date(2026, 3, 23), date(2026, 3, 30))
    assert [b.start.astimezone(UTC) for b in taken] == [
        datetime(2026, 3, 23, 7, tzinfo=UTC),
        datetime(2026, 3, 30, 6, tzinfo=UTC),
    ]
    assert [f"{b.start:%H:%M}" for b in taken] == ["08:00", "08:00"]
    found = next_free_slots(taken, [f"citizen:{child}"], HOUR, local(2026, 3, 30, 7), count=1)
    assert hm(found) == ["2026-03-30 09:00"]
