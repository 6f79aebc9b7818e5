"""The family's interventions over time: overlaps of the same kind of help, and gaps."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Case
from app.models.enums import InterventionStatus, Sector
from app.services.cases.case_summary import MemberSummary
from app.services.demo.demo import generate_demo
from app.services.family.family_overview import FamilyOverview, InterventionInfo, load_family_overview
from app.services.family.timeline import DEFAULT_GAP_WEEKS, Gap, Overlap, find_gaps, find_overlaps
from tests.factories import make_intervention, make_member, make_overview

TODAY = date(2026, 11, 24)
A, B = 1, 2
ACTIVE, ENDED = InterventionStatus.ACTIVE, InterventionStatus.ENDED

# -- factories ------------------------------------------------------------------------------


def d(text: str) -> date:
    return date.fromisoformat(text)


def member(citizen_id: int) -> MemberSummary:
    return make_member(citizen_id, born=date(1990, 1, 1))


def intervention(
    citizen_id: int,
    start: str,
    end: str | None = None,
    *,
    status: InterventionStatus = ACTIVE,
    law_section_id: int | None = None,
    sector: Sector = Sector.EMPLOYMENT,
    intervention_id: int | None = None,
) -> InterventionInfo:
    return make_intervention(
        intervention_id,
        citizen_id,
        title="Help",
        sector=sector,
        law_section_id=law_section_id,
        start=d(start),
        end=d(end) if end else None,
        status=status,
    )


def overview(*interventions: InterventionInfo, members: tuple[int, ...] = (A, B)) -> FamilyOverview:
    return make_overview((member(m) for m in members), interventions, opened_on=date(2025, 1, 1))


# -- find_overlaps --------------------------------------------------------------------------


def test_same_law_section_overlapping_periods_give_the_common_period() -> None:
    first = intervention(A, "2026-01-01", "2026-06-30", law_section_id=7)
    second = intervention(A, "2026-03-01", "2026-12-31", law_section_id=7)
    assert find_overlaps(overview(first, second)) == [
        Overlap(A, first.id, second.id, "law:7", d("2026-03-01"), d("2026-06-30"))
    ]


def test_ids_are_ordered_whatever_the_input_order() -> None:
    first = intervention(A, "2026-03-01", "2026-12-31", law_section_id=7)
    second = intervention(A, "2026-01-01", "2026-06-30", law_section_id=7)
    (found,) = find_overlaps(overview(second, first))
    assert (found.first_id, found.second_id) == (first.id, second.id)


def test_one_shared_day_is_an_overlap_dates_are_inclusive() -> None:
    first = intervention(A, "2026-01-01", "2026-03-01", law_section_id=7)
    second = intervention(A, "2026-03-01", "2026-05-01", law_section_id=7)
    (found,) = find_overlaps(overview(first, second))
    assert (found.start, found.end) == (d("2026-03-01"), d("2026-03-01"))


def test_back_to_back_periods_do_not_overlap() -> None:
    first = intervention(A, "2026-01-01", "2026-02-28", law_section_id=7)
    second = intervention(A, "2026-03-01", "2026-05-01", law_section_id=7)
    assert find_overlaps(overview(first, second)) == []


def test_different_law_sections_do_not_overlap_even_in_one_sector() -> None:
    first = intervention(A, "2026-01-01", None, law_section_id=7)
    second = intervention(A, "2026-01-01", None, law_section_id=8)
    assert find_overlaps(overview(first, second)) == []


def test_without_law_sections_the_sector_is_the_kind() -> None:
    first = intervention(A, "2026-01-01", "2026-06-30", sector=Sector.HEALTH)
    second = intervention(A, "2026-02-01", None, sector=Sector.HEALTH)
    third = intervention(A, "2026-02-01", None, sector=Sector.EDUCATION)
    assert find_overlaps(overview(first, second, third)) == [
        Overlap(A, first.id, second.id, "sector:health", d("2026-02-01"), d("2026-06-30"))
    ]


def test_a_section_and_no_section_in_the_same_sector_are_different_kinds() -> None:
    first = intervention(A, "2026-01-01", None, law_section_id=7, sector=Sector.HEALTH)
    second = intervention(A, "2026-01-01", None, sector=Sector.HEALTH)
    assert find_overlaps(overview(first, second)) == []


def test_two_open_ended_give_an_open_ended_overlap() -> None:
    first = intervention(A, "2026-01-01", law_section_id=7)
    second = intervention(A, "2026-04-01", law_section_id=7)
    (found,) = find_overlaps(overview(first, second))
    assert (found.start, found.end) == (d("2026-04-01"), None)


def test_open_ended_and_dated_end_on_the_dated_end() -> None:
    first = intervention(A, "2026-01-01", law_section_id=7)
    second = intervention(A, "2025-04-01", "2026-02-15", law_section_id=7)
    (found,) = find_overlaps(overview(first, second))
    assert (found.start, found.end) == (d("2026-01-01"), d("2026-02-15"))


def test_open_ended_starting_after_the_other_ends_does_not_overlap() -> None:
    first = intervention(A, "2026-03-01", law_section_id=7)
    second = intervention(A, "2025-04-01", "2026-02-28", law_section_id=7)
    assert find_overlaps(overview(first, second)) == []


def test_different_members_never_overlap() -> None:
    first = intervention(A, "2026-01-01", law_section_id=7)
    second = intervention(B, "2026-01-01", law_section_id=7)
    assert find_overlaps(overview(first, second)) == []


def test_ended_without_end_date_is_ignored_but_ended_with_a_date_counts() -> None:
    running = intervention(A, "2026-01-01", law_section_id=7)
    unknown_end = intervention(A, "2025-01-01", status=ENDED, law_section_id=7)
    dated = intervention(A, "2025-06-01", "2026-01-31", status=ENDED, law_section_id=7)
    assert find_overlaps(overview(running, unknown_end, dated)) == [
        Overlap(A, running.id, dated.id, "law:7", d("2026-01-01"), d("2026-01-31"))
    ]


def test_three_of_a_kind_give_every_overlapping_pair_sorted() -> None:
    x = intervention(B, "2026-01-01", "2026-12-31", law_section_id=7)
    y = intervention(B, "2026-02-01", "2026-03-31", law_section_id=7)
    z = intervention(B, "2026-03-15", None, law_section_id=7)
    w = intervention(A, "2026-05-01", None, law_section_id=3)
    v = intervention(A, "2026-06-01", None, law_section_id=3)
    found = find_overlaps(overview(z, y, x, v, w))
    assert [(o.citizen_id, o.first_id, o.second_id, o.start) for o in found] == [
        (A, w.id, v.id, d("2026-06-01")),
        (B, x.id, y.id, d("2026-02-01")),
        (B, x.id, z.id, d("2026-03-15")),  # equal start: by ids
        (B, y.id, z.id, d("2026-03-15")),
    ]


# -- find_gaps ------------------------------------------------------------------------------


def test_gap_between_two_periods() -> None:
    first = intervention(A, "2026-01-01", "2026-03-31")
    second = intervention(A, "2026-05-01")
    assert find_gaps(overview(first, second), TODAY) == [Gap(A, d("2026-04-01"), d("2026-04-30"), 30 // 7)]


def test_gap_of_exactly_two_weeks_is_reported_and_one_day_less_is_not() -> None:
    first = intervention(A, "2026-01-01", "2026-01-31")
    fourteen_days = intervention(A, "2026-02-15")  # free 1-14 February
    (gap,) = find_gaps(overview(first, fourteen_days), TODAY)
    assert (gap.start, gap.end, gap.weeks) == (d("2026-02-01"), d("2026-02-14"), 2)
    thirteen_days = intervention(A, "2026-02-14")
    assert find_gaps(overview(first, thirteen_days), TODAY) == []


def test_min_weeks_is_a_parameter() -> None:
    first = intervention(A, "2026-01-01", "2026-01-31")
    second = intervention(A, "2026-02-08")  # 7 free days
    assert find_gaps(overview(first, second), TODAY) == []
    assert find_gaps(overview(first, second), TODAY, min_weeks=1) == [
        Gap(A, d("2026-02-01"), d("2026-02-07"), 1)
    ]
    assert DEFAULT_GAP_WEEKS == 2


def test_back_to_back_and_overlapping_periods_leave_no_gap() -> None:
    items = (
        intervention(A, "2026-01-01", "2026-03-31"),
        intervention(A, "2026-04-01", "2026-06-30"),  # the next day
        intervention(A, "2026-02-01", "2026-12-31"),  # covers the rest
    )
    assert find_gaps(overview(*items), TODAY) == []


def test_a_long_period_covers_a_shorter_one_inside_it() -> None:
    items = (
        intervention(A, "2026-01-01", "2026-10-31"),
        intervention(A, "2026-02-01", "2026-02-10"),
        intervention(A, "2026-11-01"),
    )
    assert find_gaps(overview(*items), TODAY) == []


def test_trailing_gap_runs_to_today_with_end_none() -> None:
    ended = intervention(A, "2026-01-01", "2026-10-31", status=ENDED)
    (gap,) = find_gaps(overview(ended), TODAY)
    # 1-24 November, today included: 24 days
    assert gap == Gap(A, d("2026-11-01"), None, 24 // 7)


def test_trailing_gap_boundary_today_included() -> None:
    ended = intervention(A, "2026-01-01", TODAY.isoformat())
    assert find_gaps(overview(ended), TODAY) == []  # ends today: still helped
    two_weeks = intervention(A, "2026-01-01", (TODAY - timedelta(days=14)).isoformat())
    (gap,) = find_gaps(overview(two_weeks), TODAY)
    assert (gap.start, gap.end, gap.weeks) == (TODAY - timedelta(days=13), None, 2)  # 14 days
    under = intervention(A, "2026-01-01", (TODAY - timedelta(days=13)).isoformat())
    assert find_gaps(overview(under), TODAY) == []  # 13 days


def test_open_ended_intervention_means_no_trailing_gap() -> None:
    assert find_gaps(overview(intervention(A, "2025-01-01")), TODAY) == []


def test_planned_future_start_does_not_close_the_gap_before_it_starts() -> None:
    ended = intervention(A, "2026-01-01", "2026-09-30", status=ENDED)
    planned = intervention(A, "2026-12-01", status=InterventionStatus.PLANNED)
    assert find_gaps(overview(ended, planned), TODAY) == [Gap(A, d("2026-10-01"), None, 55 // 7)]


def test_planned_start_today_closes_the_gap() -> None:
    ended = intervention(A, "2026-01-01", "2026-09-30", status=ENDED)
    planned = intervention(A, TODAY.isoformat(), status=InterventionStatus.PLANNED)
    assert find_gaps(overview(ended, planned), TODAY) == [
        Gap(A, d("2026-10-01"), TODAY - timedelta(days=1), 54 // 7)
    ]


def test_member_with_only_future_interventions_has_no_gap() -> None:
    assert find_gaps(overview(intervention(A, "2027-01-01")), TODAY) == []


def test_member_without_interventions_has_no_gap() -> None:
    assert find_gaps(overview(intervention(A, "2025-01-01")), TODAY, min_weeks=0) == []


def test_ended_without_end_date_counts_as_its_start_day() -> None:
    ended = intervention(A, "2026-10-01", status=ENDED)
    (gap,) = find_gaps(overview(ended), TODAY)
    assert gap == Gap(A, d("2026-10-02"), None, 54 // 7)


def test_time_before_the_first_intervention_is_not_a_gap() -> None:
    assert find_gaps(overview(intervention(A, "2026-11-01")), TODAY) == []


def test_gaps_are_per_member_and_sorted() -> None:
    items = (
        intervention(B, "2026-01-01", "2026-01-31"),
        intervention(B, "2026-04-01", "2026-04-30"),
        intervention(B, "2026-06-01"),
        intervention(A, "2026-01-01", "2026-08-31"),
        intervention(A, "2026-09-01"),
    )
    found = find_gaps(overview(*items), TODAY)
    assert [(g.citizen_id, g.start, g.end) for g in found] == [
        (B, d("2026-02-01"), d("2026-03-31")),
        (B, d("2026-05-01"), d("2026-05-31")),
    ]


@st.composite
def periods(draw: st.DrawFn) -> list[InterventionInfo]:
    base = date(2026, 1, 1)
    out = []
    for n in range(draw(st.integers(min_value=0, max_value=6))):
        start = base + timedelta(days=draw(st.integers(min_value=0, max_value=400)))
        kind = draw(st.sampled_from(["dated", "open", "ended_no_date"]))
        if kind == "dated":
            end: date | None = start + timedelta(days=draw(st.integers(min_value=0, max_value=120)))
            status = draw(st.sampled_from([ACTIVE, ENDED, InterventionStatus.PAUSED]))
        elif kind == "open":
            end, status = None, draw(st.sampled_from([ACTIVE, InterventionStatus.PLANNED]))
        else:
            end, status = None, ENDED
        out.append(
            intervention(
                A,
                start.isoformat(),
                end.isoformat() if end else None,
                status=status,
                intervention_id=1000 + n,
            )
        )
    return out


def _covered_days(items: list[InterventionInfo], today: date) -> set[date]:
    days: set[date] = set()
    for i in items:
        if i.start_date > today:
            continue
        end = i.start_date if i.status == ENDED and i.end_date is None else min(i.end_date or today, today)
        day = i.start_date
        while day <= end:
            days.add(day)
            day += timedelta(days=1)
    return days


@settings(max_examples=200, deadline=None)
@given(periods(), st.integers(min_value=0, max_value=420), st.integers(min_value=0, max_value=4))
def test_property_gaps_and_periods_never_overlap_and_gaps_are_maximal(
    items: list[InterventionInfo], offset: int, min_weeks: int
) -> None:
    today = date(2026, 1, 1) + timedelta(days=offset)
    view = overview(*items)
    covered = _covered_days(items, today)
    all_gaps = find_gaps(view, today, min_weeks=0)
    gap_days: set[date] = set()
    for g in all_gaps:
        end = g.end if g.end is not None else today
        assert g.start <= end <= today
        days = {g.start + timedelta(days=k) for k in range((end - g.start).days + 1)}
        assert not days & covered, "a gap overlaps a period with help"
        assert not days & gap_days, "gaps overlap each other"
        assert g.weeks == len(days) // 7
        assert g.start - timedelta(days=1) in covered  # a gap starts right after help
        assert g.end is None or g.end + timedelta(days=1) in covered  # and ends right before help
        assert (g.end is None) == (end == today and today not in covered)
        gap_days |= days
    if covered:
        first = min(covered)
        full = {first + timedelta(days=k) for k in range((today - first).days + 1)}
        assert covered | gap_days == full
    else:
        assert all_gaps == []
    filtered = find_gaps(view, today, min_weeks=min_weeks)
    assert filtered == [g for g in all_gaps if g.weeks >= min_weeks]


@settings(max_examples=200, deadline=None)
@given(periods())
def test_property_overlaps_are_symmetric_and_inside_both_periods(items: list[InterventionInfo]) -> None:
    found = find_overlaps(overview(*items))
    forward = {(o.first_id, o.second_id, o.start, o.end) for o in found}
    backward = {(o.first_id, o.second_id, o.start, o.end) for o in find_overlaps(overview(*items[::-1]))}
    assert forward == backward
    by_id = {i.id: i for i in items}
    for o in found:
        assert o.first_id < o.second_id
        for i in (by_id[o.first_id], by_id[o.second_id]):
            assert not (i.status == ENDED and i.end_date is None)
            assert i.start_date <= o.start
            assert i.end_date is None or (o.end is not None and o.end <= i.end_date)
        assert (o.end is None) == (by_id[o.first_id].end_date is None and by_id[o.second_id].end_date is None)
    # every pair whose periods share a day is found
    usable = [i for i in items if not (i.status == ENDED and i.end_date is None)]
    expected = {
        (a.id, b.id)
        for a in usable
        for b in usable
        if a.id < b.id
        and max(a.start_date, b.start_date) <= min(a.end_date or date.max, b.end_date or date.max)
    }
    assert {(o.first_id, o.second_id) for o in found} == expected


# -- a real store ---------------------------------------------------------------------------


def test_demo_family_of_lise(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=3, seed=1, today=TODAY, my_login="tester")
        case_id = session.scalars(select(Case.id).where(Case.title.like("%Holm Jensen%"))).one()
        view = load_family_overview(session, case_id)

    assert len(view.members) == 4 and view.interventions
    member_ids = {m.citizen_id for m in view.members}
    by_id = {i.id: i for i in view.interventions}
    overlaps = find_overlaps(view)
    assert overlaps == sorted(overlaps, key=lambda o: (o.citizen_id, o.start))
    for o in overlaps:
        first, second = by_id[o.first_id], by_id[o.second_id]
        assert o.citizen_id in member_ids
        assert first.citizen_id == second.citizen_id == o.citizen_id
        assert first.kind == second.kind == o.kind
        assert first.runs_on(o.start) and second.runs_on(o.start)
        if o.end is not None:
            assert first.runs_on(o.end) and second.runs_on(o.end)

    gaps = find_gaps(view, TODAY, min_weeks=0)
    assert gaps == sorted(gaps, key=lambda g: (g.citizen_id, g.start))
    for g in gaps:
        assert g.citizen_id in member_ids
        last = g.end or TODAY
        assert g.start <= last <= TODAY
        for day in (g.start, last):
            assert not any(i.runs_on(day) for i in view.interventions_of(g.citizen_id))
    assert find_gaps(view, TODAY) == [g for g in gaps if g.weeks >= DEFAULT_GAP_WEEKS]
    for m in view.members:
        if any(i.runs_on(TODAY) for i in view.interventions_of(m.citizen_id)):
            assert not any(g.end is None for g in gaps if g.citizen_id == m.citizen_id)
