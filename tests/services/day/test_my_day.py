"""The day ("Min dag") on both stores: every section on chosen days (a Thursday, a Sunday, the last day
of a month and of a year, both summer-time changes), in Copenhagen time whatever the
laptop's zone; only what is mine; each line opening the right place; logged once."""

from __future__ import annotations

import json
import os
import time as time_module
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from sqlalchemy import select

from app.models import (
    AuditEvent,
    Case,
    CaseLastSeen,
    Document,
    Intervention,
    JournalEntry,
    Meeting,
    PlanVersion,
    Task,
)
from app.models.enums import AgreementStatus, CaseStatus, MeetingStatus
from app.services.cases.deadlines import deadlines_for_cases
from app.services.common.clock import LOCAL_TZ, local_today, now_utc
from app.services.common.users import UserInfo
from app.services.day.day_sql import week_end
from app.services.day.my_day import MeetingRole, MyDay, Opens, Place, my_day
from app.services.family.transition import add_months
from app.services.team.caseload import set_caseload_settings
from tests.services.day.day_builders import Builder, local

THURSDAY = date(2026, 12, 3)
DAYS = {
    "thursday": THURSDAY,
    "saturday": date(2026, 12, 5),
    "sunday": date(2026, 12, 6),
    "monday": date(2026, 11, 30),
    "last-of-november": date(2026, 11, 30),
    "new-years-eve": date(2026, 12, 31),
    "last-of-february": date(2027, 2, 28),
    "leap-day": date(2028, 2, 29),
    "before-summer-time": date(2027, 3, 27),
    "summer-time-starts": date(2027, 3, 28),
    "before-winter-time": date(2026, 10, 24),
    "winter-time-starts": date(2026, 10, 25),
}
day_params = pytest.mark.parametrize("today", list(DAYS.values()), ids=list(DAYS))


@pytest.mark.parametrize(
    ("today", "end"),
    [
        (date(2026, 11, 30), date(2026, 12, 6)),  # Monday: this week
        (THURSDAY, date(2026, 12, 6)),
        (date(2026, 12, 4), date(2026, 12, 6)),  # Friday
        (date(2026, 12, 5), date(2026, 12, 13)),  # Saturday: the coming week
        (date(2026, 12, 6), date(2026, 12, 13)),  # Sunday: the coming week
        (date(2026, 12, 31), date(2027, 1, 3)),  # across the new year
        (date(2027, 2, 28), date(2027, 3, 7)),  # a Sunday at the end of February
        (date(2028, 2, 29), date(2028, 3, 5)),  # a leap day (Tuesday)
    ],
)
def test_the_week_ends_on_the_sunday_of_the_working_week(today: date, end: date) -> None:
    assert week_end(today) == end


@pytest.fixture
def me(context) -> UserInfo:  # type: ignore[no-untyped-def]
    return context.user


@pytest.fixture
def anna(context) -> UserInfo:  # type: ignore[no-untyped-def]
    return Builder.on(context.engine, "tester").user("anna", "Anna Andersen")


@pytest.fixture
def mine(context) -> Builder:  # type: ignore[no-untyped-def]
    return Builder.on(context.engine, "tester")


@pytest.fixture
def hers(context, anna) -> Builder:  # type: ignore[no-untyped-def]
    return Builder.on(context.engine, "anna")


def read(ctx, user: UserInfo, today: date, now: datetime | None = None, **kw) -> MyDay:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        return my_day(session, user, today, now or local(today, 8), **kw)


# -- meetings -----------------------------------------------------------------------------------


@day_params
def test_todays_and_tomorrows_meetings_by_the_copenhagen_day(  # type: ignore[no-untyped-def]
    context, me, anna, mine, today: date
) -> None:
    case = mine.case(me.id)
    tomorrow = today + timedelta(days=1)
    early, late = (
        mine.meeting(case, local(today, 0, 30)),
        mine.meeting(case, local(today, 23, 30), minutes=20),
    )
    t_early, t_late = (
        mine.meeting(case, local(tomorrow, 0, 15)),
        mine.meeting(case, local(tomorrow, 23, 45), minutes=10),
    )
    mine.meeting(case, local(today - timedelta(days=1), 23, 50), minutes=5)  # yesterday
    mine.meeting(case, local(today + timedelta(days=2), 0, 10))  # the day after tomorrow
    mine.meeting(case, local(today, 12), status=MeetingStatus.CANCELLED)
    held = mine.meeting(case, local(today, 9), status=MeetingStatus.HELD)

    day = read(context, me, today)
    assert [m.id for m in day.meetings_today] == [early, held, late]
    assert [m.id for m in day.meetings_tomorrow] == [t_early, t_late]
    first = day.meetings_today[0]
    assert (first.starts_at.date(), first.starts_at.hour, first.starts_at.minute) == (today, 0, 30)
    assert first.starts_at.utcoffset() == first.starts_at.astimezone(LOCAL_TZ).utcoffset()
    assert first.opens == Opens(case, Place.MEETING, early)
    assert first.role == MeetingRole.COORDINATOR


def test_meetings_of_cases_i_partner_or_take_part_in_and_no_others(  # type: ignore[no-untyped-def]
    context, me, anna, mine, hers
) -> None:
    partnered = hers.case(anna.id, partner=me.id)
    hers_only = hers.case(anna.id)
    as_partner = hers.meeting(partnered, local(THURSDAY, 10))
    as_participant = hers.meeting(hers_only, local(THURSDAY, 11), participants=(me.id, anna.id))
    hers_alone = hers.meeting(hers_only, local(THURSDAY, 12), participants=(anna.id,))
    day = read(context, me, THURSDAY)
    assert [(m.id, m.role) for m in day.meetings_today] == [
        (as_partner, MeetingRole.PARTNER),
        (as_participant, MeetingRole.PARTICIPANT),
    ]
    assert [m.id for m in read(context, anna, THURSDAY).meetings_today] == [
        as_partner,
        as_participant,
        hers_alone,
    ]


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The laptop set to New York time (the program shows Copenhagen time all the same)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 4, 0, 30, tzinfo=LOCAL_TZ),  # still 3 December in New York
        datetime(2026, 12, 3, 23, 30, tzinfo=LOCAL_TZ),
        datetime(2027, 3, 28, 3, 30, tzinfo=LOCAL_TZ),  # summer time began an hour ago
        datetime(2026, 10, 25, 0, 30, tzinfo=LOCAL_TZ),  # the night winter time begins
    ],
    ids=["after-midnight", "before-midnight", "summer-time", "winter-time"],
)
def test_a_laptop_in_new_york_sees_the_copenhagen_day(  # type: ignore[no-untyped-def]
    context, me, mine, new_york, moment: datetime
) -> None:
    assert os.environ["TZ"] == "America/New_York"
    case = mine.case(me.id)
    today = moment.date()
    at_nine = mine.meeting(case, local(today, 9))
    tomorrow_one = mine.meeting(
        case, local(today + timedelta(days=1), 1)
    )  # 19.00 or 20.00 the day before in New York
    with time_machine.travel(moment, tick=False):
        assert local_today() == today
        day = read(context, me, local_today(), now_utc())
    assert [m.id for m in day.meetings_today] == [at_nine]
    assert [m.id for m in day.meetings_tomorrow] == [tomorrow_one]
    assert day.meetings_today[0].starts_at.hour == 9
    assert day.meetings_tomorrow[0].starts_at.hour == 1


# -- tasks ----------------------------------------------------------------------------------------


@day_params
def test_my_open_tasks_due_this_week_or_overdue(context, me, anna, mine, today: date) -> None:  # type: ignore[no-untyped-def]
    case = mine.case(me.id)
    end = week_end(today)
    overdue = mine.task(me.id, today - timedelta(days=1), case)
    due_today = mine.task(me.id, today, case)
    due_end = mine.task(me.id, end, None, what="Bestille lokale")
    mine.task(me.id, end + timedelta(days=1), case)
    mine.task(me.id, today - timedelta(days=3), case, done=True)
    mine.task(me.id, None, case)
    mine.task(anna.id, today, case)
    day = read(context, me, today)
    assert [(t.id, t.overdue) for t in day.tasks] == [(overdue, True), (due_today, False), (due_end, False)]
    no_case = day.tasks[-1]
    assert no_case.opens == Opens(None, Place.TASK, due_end) and no_case.case_number == ""
    assert day.tasks[0].opens == Opens(case, Place.TASK, overdue)
    assert day.tasks[0].case_number.startswith("K-")


# -- follow-ups and deadlines -----------------------------------------------------------------


@day_params
def test_follow_ups_and_deadlines_due_this_week(context, me, anna, mine, hers, today: date) -> None:  # type: ignore[no-untyped-def]
    end = week_end(today)
    late = mine.case(me.id, follow_up=today - timedelta(days=1))
    due = hers.case(anna.id, partner=me.id, follow_up=end)
    mine.case(me.id, follow_up=end + timedelta(days=1))
    mine.case(me.id, follow_up=today, status=CaseStatus.CLOSED)
    hers.case(anna.id, follow_up=today)
    # a § 32 measure started three months before today: its first follow-up (BL § 95) is due today
    measured = mine.case(me.id)
    mine.intervention(measured, add_months(today, -3))
    day = read(context, me, today)
    follow_ups = [(d.opens.case_id, d.deadline.due, d.overdue) for d in day.deadlines if d.follow_up]
    assert sorted(follow_ups) == sorted([(late, today - timedelta(days=1), True), (due, end, False)])
    laws = {(d.opens.case_id, d.deadline.rule_code) for d in day.deadlines if not d.follow_up}
    assert (measured, "BL95-FIRST-FOLLOW-UP") in laws
    assert all(d.deadline.rule_code != "PLAN-AGREEMENT" for d in day.deadlines)
    assert all(not d.deadline.done and d.deadline.due <= end for d in day.deadlines)
    for item in day.deadlines:
        assert item.opens == Opens(item.deadline.case_id, Place.FAMILY)
    # the same as the deadline engine gives for my open cases
    with context.sessions() as session:
        engine = [
            (d.case_id, d.rule_code, d.due)
            for d in deadlines_for_cases(session, [late, due, measured], today)
            if not d.done and d.due <= end and d.rule_code != "PLAN-AGREEMENT"
        ]
    assert sorted(
        (d.deadline.case_id, d.deadline.rule_code, d.deadline.due) for d in day.deadlines
    ) == sorted(engine)


# -- agreements -------------------------------------------------------------------------------------


@day_params
def test_agreements_due_in_the_newest_plan_where_i_answer_or_coordinate(  # type: ignore[no-untyped-def]
    context, me, anna, mine, hers, today: date
) -> None:
    end = week_end(today)
    case = mine.case(me.id)
    old = mine.plan(case, 1)
    mine.agreement(old, today)  # an older version's
    newest = mine.plan(case, 2)
    due_today = mine.agreement(newest, today, responsible=anna.id)
    overdue = mine.agreement(newest, today - timedelta(days=10))
    mine.agreement(newest, end + timedelta(days=1))
    mine.agreement(newest, today - timedelta(days=1), status=AgreementStatus.DONE)
    mine.agreement(newest, today - timedelta(days=1), status=AgreementStatus.CANCELLED)
    mine.agreement(newest, None)
    theirs = hers.case(anna.id)
    their_plan = hers.plan(theirs)
    mine_there = hers.agreement(their_plan, end, responsible=me.id)
    hers.agreement(their_plan, today, responsible=anna.id)
    closed = mine.case(me.id, status=CaseStatus.CLOSED)
    mine.agreement(mine.plan(closed), today, responsible=me.id)
    day = read(context, me, today)
    assert [(a.id, a.overdue, a.mine) for a in day.agreements] == [
        (overdue, True, False),
        (due_today, False, False),
        (mine_there, False, True),
    ]
    assert day.agreements[2].opens == Opens(theirs, Place.PLAN, mine_there)


# -- changed by others ---------------------------------------------------------------------------


NOW = local(THURSDAY, 10)
SOURCES = {
    "case": Case,
    "plan": PlanVersion,
    "meeting": Meeting,
    "journal": JournalEntry,
    "task": Task,
    "document": Document,
    "intervention": Intervention,
}


def _source_rows(
    builder: Builder, me: UserInfo, case: int, at: datetime
) -> dict[str, tuple[Place, int | None]]:
    """One row of each kind in the case, changed by the builder's login at ``at``."""
    rows: dict[str, tuple[Place, int | None]] = {}
    builder.touch(Case.__table__, case, at)
    rows["case"] = (Place.FAMILY, None)
    plan = builder.plan(case)
    builder.touch(PlanVersion.__table__, plan, at)
    rows["plan"] = (Place.PLAN, plan)
    meeting = builder.meeting(case, local(THURSDAY + timedelta(days=5), 9))
    builder.touch(Meeting.__table__, meeting, at)
    rows["meeting"] = (Place.MEETING, meeting)
    rows["journal"] = (Place.JOURNAL, builder.journal(case, me.id, at))
    task = builder.task(me.id, None, case)
    builder.touch(Task.__table__, task, at)
    rows["task"] = (Place.TASK, task)
    rows["document"] = (Place.DOCUMENT, builder.document(case, at))
    item = builder.intervention(case, THURSDAY - timedelta(days=400))
    builder.touch(Intervention.__table__, item, at)
    rows["intervention"] = (Place.FAMILY, item)
    return rows


@pytest.mark.parametrize("source", list(SOURCES))
def test_a_change_by_another_opens_where_it_was_made(context, me, anna, mine, hers, source: str) -> None:  # type: ignore[no-untyped-def]
    case = mine.case(me.id)
    rows = _source_rows(mine, me, case, NOW - timedelta(days=30))  # made by me, long ago
    place, item = rows[source]
    hers.touch(SOURCES[source].__table__, item if item is not None else case, NOW - timedelta(hours=2))
    [change] = read(context, me, THURSDAY, NOW).changes
    assert change.source.value == source
    assert change.opens == Opens(case, place, item)
    assert change.changed_by == "Anna Andersen"
    assert change.changed_at == (NOW - timedelta(hours=2)).astimezone(LOCAL_TZ)
    assert change.rows_changed == 1


def test_changed_by_others_since_i_last_looked(context, me, anna, mine, hers) -> None:  # type: ignore[no-untyped-def]
    from app.services.day.last_seen import mark_case_seen

    never_seen = mine.case(me.id)
    hers.journal(never_seen, anna.id, NOW - timedelta(days=2))
    hers.journal(never_seen, anna.id, NOW - timedelta(days=3))
    stale = mine.case(me.id)
    hers.journal(stale, anna.id, NOW - timedelta(days=15))  # before the 14 days a never-seen case counts
    seen = mine.case(me.id)
    with context.sessions() as session:
        mark_case_seen(session, seen, NOW - timedelta(hours=1))
    hers.journal(seen, anna.id, NOW - timedelta(hours=2))  # before my look
    own = mine.case(me.id)
    mine.journal(own, me.id, NOW - timedelta(hours=1))  # mine
    demo = mine.case(me.id)
    Builder.on(context.engine, "demo").journal(demo, me.id, NOW - timedelta(hours=1))  # no user's
    theirs = hers.case(anna.id)  # not my case
    hers.journal(theirs, anna.id, NOW - timedelta(hours=1))

    day = read(context, me, THURSDAY, NOW)
    assert [(c.opens.case_id, c.rows_changed) for c in day.changes] == [(never_seen, 2)]
    assert day.changes[0].changed_at == (NOW - timedelta(days=2)).astimezone(LOCAL_TZ)

    later = hers.journal(seen, anna.id, NOW - timedelta(minutes=10))  # after my look
    day = read(context, me, THURSDAY, NOW)
    assert [c.opens for c in day.changes] == [
        Opens(seen, Place.JOURNAL, later),
        Opens(never_seen, Place.JOURNAL, day.changes[1].opens.item_id),
    ]

    # looking resets it
    with context.sessions() as session:
        mark_case_seen(session, seen, NOW)
        mark_case_seen(session, never_seen, NOW)
    assert read(context, me, THURSDAY, NOW).changes == ()


def test_opening_the_family_page_counts_as_looking(context, me, anna, mine, hers) -> None:  # type: ignore[no-untyped-def]
    from app.services.family.family_analysis import load_family_analysis
    from app.services.family.family_warnings import WarningSettings

    case = mine.case(me.id)
    hers.journal(case, anna.id, now_utc() - timedelta(hours=1))
    assert [c.opens.case_id for c in read(context, me, local_today(), now_utc()).changes] == [case]
    with context.sessions() as session:  # a re-read after a change is not a look
        load_family_analysis(session, case, local_today(), WarningSettings(), opened=False)
    assert [c.opens.case_id for c in read(context, me, local_today(), now_utc()).changes] == [case]
    with context.sessions() as session:
        load_family_analysis(session, case, local_today(), WarningSettings(), opened=True)
    assert read(context, me, local_today(), now_utc()).changes == ()
    with context.sessions() as session:  # again: the row moves on, no second row
        load_family_analysis(session, case, local_today(), WarningSettings(), opened=True)
    with context.sessions() as session:
        assert len(session.scalars(select(CaseLastSeen).where(CaseLastSeen.case_id == case)).all()) == 1


# -- caseload and the audit log ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("coordinating", "weight", "limit"),
    [(0, "1", None), (2, "1", "2"), (3, "1", "2"), (5, "1", "1"), (2, "1.5", "3"), (3, "1.5", "4")],
)
def test_my_caseload_is_weighted_against_the_teams_limit(  # type: ignore[no-untyped-def]
    context, me, anna, mine, hers, coordinating: int, weight: str, limit: str | None
) -> None:
    if limit is not None:  # the team's settings, not the user's
        with context.sessions.begin() as session:
            set_caseload_settings(session, limit=Decimal(limit), citizen_weight=Decimal(weight))
    for _ in range(coordinating):
        mine.case(me.id)
    mine.case(me.id, status=CaseStatus.CLOSED)
    mine.case(me.id, status=CaseStatus.CANDIDATE)  # not yet anyone's work
    hers.case(anna.id, partner=me.id)
    hers.case(anna.id)
    load = read(context, me, THURSDAY).caseload
    expected_limit = Decimal(limit) if limit is not None else Decimal(30)
    assert (load.coordinating, load.partner, load.limit) == (coordinating + 1, 1, expected_limit)
    assert load.load == coordinating * Decimal(weight)
    assert load.above_limit is (coordinating * Decimal(weight) > expected_limit)


def _day_entries(ctx) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.object_type == "my_day")))


def test_reading_the_day_is_one_lookup_of_the_cases_listed(context, me, anna, mine, hers) -> None:  # type: ignore[no-untyped-def]
    a, b = mine.case(me.id), mine.case(me.id)
    mine.meeting(a, local(THURSDAY, 9))
    mine.task(me.id, THURSDAY, b)
    mine.case(me.id)  # nothing due: not listed
    day = read(context, me, THURSDAY)
    assert day.case_ids == {a, b}
    [entry] = _day_entries(context)
    assert entry.action == "search" and entry.user_login == me.login
    assert json.loads(entry.details) == {"cases": sorted([a, b])}
    assert "Dagsen" not in entry.details and "skolen" not in entry.details
    # a re-read listing the same cases adds nothing; one listing a new case logs again
    read(context, me, THURSDAY, already_logged=day.case_ids)
    assert len(_day_entries(context)) == 1
    c = mine.case(me.id, follow_up=THURSDAY)
    read(context, me, THURSDAY, already_logged=day.case_ids)
    entries = _day_entries(context)
    assert len(entries) == 2 and json.loads(entries[1].details) == {"cases": sorted([a, b, c])}


def test_an_empty_day_says_so_and_logs_nothing(context, me) -> None:  # type: ignore[no-untyped-def]
    day = read(context, me, THURSDAY)
    assert day.case_ids == frozenset()
    assert (day.meetings_today, day.tasks, day.deadlines, day.agreements, day.changes) == ((), (), (), (), ())
    assert _day_entries(context) == []


def test_the_day_reads_a_fixed_number_of_statements(context, me, mine) -> None:  # type: ignore[no-untyped-def]
    """One statement per section, however many cases: no case-by-case reads."""
    from sqlalchemy import event

    read(context, me, THURSDAY)  # once first: what a connection asks the store once
    counts = []
    for _round in range(2):
        for _ in range(6):
            case = mine.case(me.id, follow_up=THURSDAY)
            mine.meeting(case, local(THURSDAY, 9))
            mine.task(me.id, THURSDAY, case)
            mine.agreement(mine.plan(case), THURSDAY, responsible=me.id)
        statements: list[str] = []

        def count_it(*args: object, statements: list[str] = statements) -> None:
            statements.append(str(args[2]))

        event.listen(context.engine, "before_cursor_execute", count_it)
        try:
            read(context, me, THURSDAY, already_logged=frozenset(range(10_000)))
        finally:
            event.remove(context.engine, "before_cursor_execute", count_it)
        counts.append(len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]))
    assert counts[0] == counts[1] <= 14, counts  # 12 sections + the team settings and my weighted load
