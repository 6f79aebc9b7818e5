"""The case-list summaries the store keeps (``cases.cpr6``, ``cases.open_agreements``, issue
19) stay equal to a recomputation from the rows after any sequence of edits, on SQLite and
PostgreSQL: the triggers of app/store/case_summary_sql.py cover every input of both."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from app.models import Agreement, Case, Citizen, FamilyMember, Meeting, PlanVersion, SummaryClock
from app.models.enums import AgreementStatus, MeetingKind, MeetingStatus
from app.services.cases import case_summaries
from app.services.demo.demo import generate_demo
from app.store import case_summary_sql

Summary = tuple[str | None, int, datetime | None, bool]


def recomputed(session: Session) -> dict[int, Summary]:
    """Each case's first person's CPR date, its newest plan's open agreements, its first
    planned meeting from the summary day's start and whether a person of it turns 18 within
    a year of that day, worked out in Python from the rows (not from the triggers' SQL)."""
    clock = session.get(SummaryClock, 1)
    assert clock is not None
    people = session.execute(select(Citizen.id, Citizen.cpr, Citizen.birth_date)).all()
    cpr: dict[int, str | None] = {row.id: row.cpr for row in people}
    turning = {row.id for row in people if clock.born_after < row.birth_date <= clock.born_by}
    next_meeting: dict[int, datetime] = {}
    for case_id, starts_at in session.execute(
        select(Meeting.case_id, Meeting.starts_at).where(Meeting.status == MeetingStatus.PLANNED)
    ):
        if starts_at >= clock.since and (case_id not in next_meeting or starts_at < next_meeting[case_id]):
            next_meeting[case_id] = starts_at
    members: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for family_id, position, member_id, citizen_id in session.execute(
        select(FamilyMember.family_id, FamilyMember.position, FamilyMember.id, FamilyMember.citizen_id)
    ):
        members[family_id].append((position, member_id, citizen_id))
    newest: dict[int, tuple[int, int]] = {}
    for plan_id, case_id, number in session.execute(
        select(PlanVersion.id, PlanVersion.case_id, PlanVersion.number)
    ):
        if case_id not in newest or number > newest[case_id][1]:
            newest[case_id] = (plan_id, number)
    open_by_plan: dict[int, int] = defaultdict(int)
    for plan_id, status in session.execute(select(Agreement.plan_version_id, Agreement.status)):
        open_by_plan[plan_id] += status == AgreementStatus.OPEN
    out: dict[int, Summary] = {}
    for case_id, citizen_id, family_id in session.execute(select(Case.id, Case.citizen_id, Case.family_id)):
        first: str | None = None
        if citizen_id is not None and cpr.get(citizen_id):
            first = cpr[citizen_id]
        elif family_id is not None and members[family_id]:
            first = cpr.get(min(members[family_id])[2])
        persons = {citizen_id} if citizen_id is not None else {m[2] for m in members[family_id or 0]}
        plan = newest.get(case_id)
        out[case_id] = (
            first[:6] if first else None,
            open_by_plan[plan[0]] if plan else 0,
            next_meeting.get(case_id),
            bool(persons & turning),
        )
    return out


def kept(session: Session) -> dict[int, Summary]:
    return {
        row.id: (row.cpr6, row.open_agreements, row.next_meeting_at, bool(row.turning_18))
        for row in session.execute(
            select(Case.id, Case.cpr6, Case.open_agreements, Case.next_meeting_at, Case.turning_18)
        )
    }


# -- edits, each on whatever rows there are -----------------------------------------------------

Edit = Callable[[Session, int], None]


def _pick(session: Session, column: Any, index: int) -> Any:
    ids = session.scalars(select(column).order_by(column)).all()
    return ids[index % len(ids)] if ids else None


def _agreement_status(session: Session, index: int) -> None:
    agreement = _pick(session, Agreement.id, index)
    if agreement is not None:
        status = list(AgreementStatus)[index % len(AgreementStatus)]
        session.execute(update(Agreement).where(Agreement.id == agreement).values(status=status))


def _agreement_added(session: Session, index: int) -> None:
    plan = _pick(session, PlanVersion.id, index)
    if plan is not None:
        session.add(Agreement(plan_version_id=plan, what=f"Aftale {index}", status=AgreementStatus.OPEN))


def _agreement_removed(session: Session, index: int) -> None:
    agreement = _pick(session, Agreement.id, index)
    if agreement is not None:
        session.execute(delete(Agreement).where(Agreement.id == agreement))


def _agreement_moved(session: Session, index: int) -> None:
    agreement, plan = _pick(session, Agreement.id, index), _pick(session, PlanVersion.id, index * 7 + 3)
    if agreement is not None and plan is not None:
        session.execute(update(Agreement).where(Agreement.id == agreement).values(plan_version_id=plan))


def _plan_added(session: Session, index: int) -> None:
    case_id = _pick(session, Case.id, index)
    if case_id is not None:
        newest = session.scalar(
            select(PlanVersion.number)
            .where(PlanVersion.case_id == case_id)
            .order_by(PlanVersion.number.desc())
            .limit(1)
        )
        session.add(PlanVersion(case_id=case_id, number=(newest or 0) + 1))


def _plan_removed(session: Session, index: int) -> None:
    plan = _pick(session, PlanVersion.id, index)
    if plan is not None:
        session.execute(delete(Agreement).where(Agreement.plan_version_id == plan))
        session.execute(delete(PlanVersion).where(PlanVersion.id == plan))


def _cpr_changed(session: Session, index: int) -> None:
    citizen = _pick(session, Citizen.id, index)
    if citizen is not None:
        new = None if index % 5 == 0 else f"{(index * 7919) % 311299:06d}{index % 10000:04d}"
        session.execute(update(Citizen).where(Citizen.id == citizen).values(cpr=new))


def _member_reordered(session: Session, index: int) -> None:
    member = _pick(session, FamilyMember.id, index)
    if member is not None:
        session.execute(update(FamilyMember).where(FamilyMember.id == member).values(position=-index))


def _member_removed(session: Session, index: int) -> None:
    member = _pick(session, FamilyMember.id, index)
    if member is not None:
        session.execute(delete(FamilyMember).where(FamilyMember.id == member))


def _member_added(session: Session, index: int) -> None:
    family = _pick(session, FamilyMember.family_id, index)
    if family is not None:
        citizen = Citizen(
            first_name="Ny",
            last_name=f"Person {index}",
            cpr=f"{index % 280000 + 10100:06d}1234",
            birth_date=date(2010, 1, 1) + timedelta(days=index % 3000),
        )
        session.add(citizen)
        session.flush()
        session.add(
            FamilyMember(family_id=family, citizen_id=citizen.id, relation="child", position=index % 3)
        )


def _birth_date_changed(session: Session, index: int) -> None:
    citizen = _pick(session, Citizen.id, index)
    clock = session.get(SummaryClock, 1)
    if citizen is not None and clock is not None:
        # around the "turning 18" window's edges, or anywhere
        edge = (clock.born_after, clock.born_by)[index % 2] + timedelta(days=index % 3 - 1)
        born = edge if index % 4 else date(1950, 1, 1) + timedelta(days=index * 11)
        session.execute(update(Citizen).where(Citizen.id == citizen).values(birth_date=born))


def _meeting_planned(session: Session, index: int) -> None:
    case_id = _pick(session, Case.id, index)
    clock = session.get(SummaryClock, 1)
    if case_id is not None and clock is not None:
        starts = clock.since + timedelta(hours=index % 200 - 48)
        session.add(
            Meeting(
                case_id=case_id,
                kind=next(iter(MeetingKind)),
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                status=MeetingStatus.PLANNED,
                ical_uid=f"summary-test-{uuid.uuid4()}",
            )
        )


def _pick_meeting(session: Session, index: int) -> int | None:
    """A planned meeting (those the next meeting is made of) two times in three, else any."""
    planned = session.scalars(
        select(Meeting.id).where(Meeting.status == MeetingStatus.PLANNED).order_by(Meeting.id)
    ).all()
    if planned and index % 3:
        return planned[index % len(planned)]
    return _pick(session, Meeting.id, index)  # type: ignore[no-any-return]


def _meeting_changed(session: Session, index: int) -> None:
    meeting = _pick_meeting(session, index)
    if meeting is not None:
        values: dict[str, Any] = (
            {"status": list(MeetingStatus)[index % len(MeetingStatus)]}
            if index % 4
            else {"case_id": _pick(session, Case.id, index * 5 + 1)}
        )
        session.execute(update(Meeting).where(Meeting.id == meeting).values(**values))


def _meeting_moved(session: Session, index: int) -> None:
    meeting = _pick_meeting(session, index)
    clock = session.get(SummaryClock, 1)
    if meeting is not None and clock is not None:
        starts = clock.since + timedelta(hours=index % 100 - 50)
        session.execute(
            update(Meeting)
            .where(Meeting.id == meeting)
            .values(starts_at=starts, ends_at=starts + timedelta(hours=1))
        )


def _meeting_removed(session: Session, index: int) -> None:
    meeting = _pick_meeting(session, index)
    if meeting is not None:  # a plan made at the meeting keeps its plan, without the link
        session.execute(update(PlanVersion).where(PlanVersion.meeting_id == meeting).values(meeting_id=None))
        session.execute(delete(Meeting).where(Meeting.id == meeting))


def _day_moved(session: Session, index: int) -> None:
    clock = session.get(SummaryClock, 1)
    if clock is not None:
        step = (1, 1, 2, 7, 31, 365, 400, -1, -30)[index % 9]
        case_summaries.move_to(session, clock.day + timedelta(days=step))


EDITS: list[Edit] = [
    _agreement_status,
    _agreement_added,
    _agreement_removed,
    _agreement_moved,
    _plan_added,
    _plan_removed,
    _cpr_changed,
    _member_reordered,
    _member_removed,
    _member_added,
    _birth_date_changed,
    _meeting_planned,
    _meeting_changed,
    _meeting_moved,
    _meeting_removed,
    _day_moved,
]


@pytest.fixture
def demo_context(context):  # type: ignore[no-untyped-def]
    with context.sessions.begin() as session:
        generate_demo(session, families=4, seed=19, my_login="tester")
    return context


def test_the_demo_and_the_backfill_agree_with_the_rows(demo_context) -> None:  # type: ignore[no-untyped-def]
    with demo_context.sessions() as session:
        assert kept(session) == recomputed(session)
        summaries = kept(session).values()
        assert any(cpr for cpr, *_rest in summaries), "the demo's cases have CPR dates"
        assert any(count for _cpr, count, *_rest in summaries), "the demo has open agreements"
    with demo_context.sessions.begin() as session:
        session.execute(
            update(Case).values(cpr6=None, open_agreements=0, next_meeting_at=None, turning_18=False)
        )
        session.execute(text(case_summary_sql.BACKFILL))  # what migration 0014 runs
    with demo_context.sessions() as session:
        assert kept(session) == recomputed(session)


def test_the_stored_statuses_are_the_ones_the_triggers_read() -> None:
    assert AgreementStatus.OPEN.value == case_summary_sql.OPEN
    assert MeetingStatus.PLANNED.value == case_summary_sql.PLANNED


DAYS = [
    date(2026, 12, 3),
    date(2026, 12, 4),
    date(2027, 3, 1),
    date(2028, 2, 29),  # a leap day: the window's edges are 28 February
    date(2028, 3, 1),
    date(2027, 1, 1),  # back in time
    date(2031, 6, 30),  # years ahead
]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_moving_the_day_keeps_the_summaries_right(demo_context, day: date) -> None:  # type: ignore[no-untyped-def]
    with demo_context.sessions.begin() as session:
        case_summaries.move_to(session, date(2026, 12, 3))
    with demo_context.sessions.begin() as session:
        case_summaries.move_to(session, day)
    with demo_context.sessions() as session:
        clock = session.get(SummaryClock, 1)
        assert clock is not None and clock.day == day
        assert (clock.born_after, clock.born_by) == case_summaries.turning_18_window(day)
        assert case_summaries.kept_for(session, day)
        assert kept(session) == recomputed(session)
        assert not case_summaries.move_to(session, day), "a second move to the same day does nothing"


def test_opening_the_store_moves_the_day_to_today(demo_context) -> None:  # type: ignore[no-untyped-def]
    from app.services.common.clock import local_today

    with demo_context.sessions() as session:
        assert case_summaries.kept_for(session, local_today())
        assert any(meeting for _c, _o, meeting, _t in kept(session).values()), "the demo plans meetings"


@given(st.lists(st.tuples(st.integers(0, len(EDITS) - 1), st.integers(0, 10_000)), min_size=1, max_size=12))
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_after_any_edits_the_summaries_equal_a_recomputation(
    demo_context, edits: list[tuple[int, int]]
) -> None:  # type: ignore[no-untyped-def]
    for kind, index in edits:
        with demo_context.sessions.begin() as session:
            EDITS[kind](session, index)
    with demo_context.sessions() as session:
        assert kept(session) == recomputed(session), [EDITS[kind].__name__ for kind, _index in edits]


@pytest.mark.parametrize("kind", range(len(EDITS)), ids=[edit.__name__ for edit in EDITS])
def test_each_edit_is_followed(demo_context, kind: int) -> None:  # type: ignore[no-untyped-def]
    for index in range(6):
        with demo_context.sessions.begin() as session:
            EDITS[kind](session, index * 13 + 1)
        with demo_context.sessions() as session:
            assert kept(session) == recomputed(session)


def test_the_case_list_catches_up_with_a_new_day(demo_context) -> None:  # type: ignore[no-untyped-def]
    sessions = demo_context.sessions
    with sessions() as session:
        day = session.get(SummaryClock, 1).day  # type: ignore[union-attr]
    tomorrow = day + timedelta(days=1)
    case_summaries.catch_up(sessions, tomorrow)
    with sessions() as session:
        assert case_summaries.kept_for(session, tomorrow)
        assert kept(session) == recomputed(session)


def test_the_sorted_list_is_the_same_with_kept_and_computed_keys(demo_context) -> None:  # type: ignore[no-untyped-def]
    """Sorted by next meeting or by "turning 18", through the kept summaries or computed
    for every case, the pages are the same (also for a meeting earlier today)."""
    from app.services.cases.case_list import CaseListQuery, SortKey, fetch_case_rows
    from app.services.common.clock import local_today, now_utc

    today, now = local_today(), now_utc()
    with demo_context.sessions.begin() as session:
        generate_demo(session, families=30, seed=23, my_login="tester")  # pages of 7, several
        case_id = session.scalars(select(Case.id).order_by(Case.id)).first()
        # begun earlier today: kept as the next meeting, but no longer the next one
        session.add(
            Meeting(
                case_id=case_id,
                kind=next(iter(MeetingKind)),
                starts_at=now - timedelta(minutes=30),
                ends_at=now + timedelta(minutes=30),
                status=MeetingStatus.PLANNED,
                ical_uid=f"summary-test-{uuid.uuid4()}",
            )
        )
    for sort in (SortKey.NEXT_MEETING, SortKey.FLAGS):
        for descending, search in ((False, ""), (True, ""), (False, "familien"), (True, "en")):
            query = CaseListQuery(today, now, sort=sort, descending=descending, search=search)
            with demo_context.sessions() as session:
                assert case_summaries.kept_for(session, today)
                kept_rows = [row.id for row in fetch_case_rows(session, query, 0, 500)]
                # and page by page (the next-meeting page is put together from three lists)
                paged = [
                    row.id
                    for offset in range(0, 510, 7)
                    for row in fetch_case_rows(session, query, offset, 7)
                ]
                # and as the list scrolls: each page after the last row shown (keyset)
                pages = [fetch_case_rows(session, query, 0, 7)]
                while pages[-1] and len(pages) < 100:
                    pages.append(fetch_case_rows(session, query, limit=7, after=pages[-1][-1].after))
                scrolled = [row.id for page in pages for row in page]
            with demo_context.sessions.begin() as session:
                session.execute(update(SummaryClock).values(day=date(2000, 1, 1)))  # not today's
            with demo_context.sessions() as session:
                computed_rows = [row.id for row in fetch_case_rows(session, query, 0, 500)]
            with demo_context.sessions.begin() as session:
                session.execute(update(SummaryClock).values(day=today))
            assert len(kept_rows) > 14, (sort, search)
            if sort == SortKey.NEXT_MEETING and not search:
                assert None in {row.next_meeting for row in fetch_case_rows(session, query, 0, 500)}
            assert paged == kept_rows, (sort, descending, search)
            assert scrolled == kept_rows, (sort, descending, search)
            assert kept_rows == computed_rows, (sort, descending, search)
