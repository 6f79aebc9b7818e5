"""Busy times, double bookings and the next free meeting times.

Everything works on plain data except ``busy_times``, which reads the store once: the meetings
(planned or held, not cancelled) of the participants and the weekly intervention slots of the
participating citizens, as concrete times in Danish local time.

A participant is a key: ``"citizen:<id>"``, ``"professional:<id>"`` or ``"user:<id>"``. Other
keys (``"guest:<name>"``) have no busy times. Intervals are half-open: a meeting may start
the minute another ends. Overlaps are compared in UTC, so the hour that repeats when summer
time ends cannot confuse them; working hours are wall-clock times in ``clock.LOCAL_TZ``.

Working days are Monday to Friday except the days off of ``app.services.meetings.days_off`` (the one
rule the calendar uses too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import Intervention, InterventionSlot, Meeting, MeetingParticipant
from app.models.enums import InterventionStatus, MeetingStatus
from app.services.common.clock import LOCAL_TZ, to_local
from app.services.meetings.days_off import is_working_day

KINDS = ("citizen", "professional", "user")


@dataclass(frozen=True)
class Busy:
    start: datetime  # aware, local time
    end: datetime
    who: str  # "citizen:12", "professional:3", "user:1"
    reason: str  # "meeting:<id>" or "slot:<intervention id>"


def parse_key(key: str) -> tuple[str, int] | None:
    """``("citizen", 12)`` for ``"citizen:12"``; None for a guest or anything else."""
    kind, _, rest = key.partition(":")
    if kind not in KINDS or not rest.strip().isdigit():
        return None
    return kind, int(rest)


def _require_aware(*moments: datetime) -> None:
    for moment in moments:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("naive datetime: give times with a time zone")


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _overlaps(start: datetime, end: datetime, busy: Busy) -> bool:
    """Half-open [start, end) against [busy.start, busy.end)."""
    return _utc(busy.start) < _utc(end) and _utc(start) < _utc(busy.end)


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ)


def _runs_on(status: InterventionStatus, start: date, end: date | None, day: date) -> bool:
    """As InterventionInfo.runs_on: within its period; an ended one without end date never."""
    if status == InterventionStatus.ENDED and end is None:
        return False
    return start <= day and (end is None or day <= end)


# -- reading the store ------------------------------------------------------------------------


def busy_times(
    session: Session,
    participant_keys: Iterable[str],
    day_from: date,
    day_to: date,
    exclude_meeting_id: int | None = None,
) -> list[Busy]:
    """The participants' busy times from ``day_from`` to ``day_to`` (both included, local days).

    Meetings that are planned or held (not cancelled) in which they take part, except
    ``exclude_meeting_id`` (the meeting being moved); and the weekly slots of the participating
    citizens' interventions on the dates those interventions run. Sorted by start.
    """
    wanted: dict[str, set[int]] = {kind: set() for kind in KINDS}
    for key in participant_keys:
        parsed = parse_key(key)
        if parsed is not None:
            wanted[parsed[0]].add(parsed[1])
    if day_to < day_from or not any(wanted.values()):
        return []
    range_start = _utc(_local_midnight(day_from))
    range_end = _utc(_local_midnight(day_to + timedelta(days=1)))
    result: set[Busy] = set()

    columns = {
        "citizen": MeetingParticipant.citizen_id,
        "professional": MeetingParticipant.professional_id,
        "user": MeetingParticipant.user_id,
    }
    who_matches = [columns[kind].in_(sorted(ids)) for kind, ids in wanted.items() if ids]
    query = (
        select(
            Meeting.id,
            Meeting.starts_at,
            Meeting.ends_at,
            MeetingParticipant.citizen_id,
            MeetingParticipant.professional_id,
            MeetingParticipant.user_id,
        )
        .join(MeetingParticipant, MeetingParticipant.meeting_id == Meeting.id)
        .where(
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at < range_end,
            Meeting.ends_at > range_start,
            or_(*who_matches),
        )
    )
    if exclude_meeting_id is not None:
        query = query.where(Meeting.id != exclude_meeting_id)
    for meeting_id, starts_at, ends_at, citizen_id, professional_id, user_id in session.execute(query):
        for kind, value in (("citizen", citizen_id), ("professional", professional_id), ("user", user_id)):
            if value is not None and value in wanted[kind]:
                result.add(
                    Busy(to_local(starts_at), to_local(ends_at), f"{kind}:{value}", f"meeting:{meeting_id}")
                )

    if wanted["citizen"]:
        rows = session.execute(
            select(
                InterventionSlot.weekday,
                InterventionSlot.start_time,
                InterventionSlot.end_time,
                Intervention.id,
                Intervention.citizen_id,
                Intervention.start_date,
                Intervention.end_date,
                Intervention.status,
            )
            .join(Intervention, Intervention.id == InterventionSlot.intervention_id)
            .where(
                Intervention.citizen_id.in_(sorted(wanted["citizen"])),
                Intervention.start_date <= day_to,
                or_(Intervention.end_date.is_(None), Intervention.end_date >= day_from),
            )
        ).all()
        day = day_from
        while day <= day_to:
            for weekday, start, end, item_id, citizen_id, first, last, status in rows:
                if weekday == day.weekday() and _runs_on(status, first, last, day):
                    result.add(
                        Busy(
                            datetime.combine(day, start, tzinfo=LOCAL_TZ),
                            datetime.combine(day, end, tzinfo=LOCAL_TZ),
                            f"citizen:{citizen_id}",
                            f"slot:{item_id}",
                        )
                    )
            day += timedelta(days=1)
    return sorted(result, key=lambda b: (_utc(b.start), _utc(b.end), b.who, b.reason))


# -- pure functions ---------------------------------------------------------------------------


def conflicts(
    start: datetime, end: datetime, participant_keys: Iterable[str], busy: Iterable[Busy]
) -> list[Busy]:
    """The busy times of these participants that overlap [start, end) (half-open)."""
    _require_aware(start, end)
    keys = set(participant_keys)
    return [b for b in busy if b.who in keys and _overlaps(start, end, b)]


def next_free_slots(
    busy: Iterable[Busy],
    participant_keys: Iterable[str],
    duration: timedelta,
    after: datetime,
    count: int = 5,
    work_start: time = time(8, 0),
    work_end: time = time(16, 0),
    step: timedelta = timedelta(minutes=30),
    skip_days_off: bool = True,
    max_days: int = 60,
    customary_days_off: bool = True,
) -> list[datetime]:
    """Up to ``count`` start times, earliest first, at or after ``after``, when none of the
    participants is busy for ``duration``.

    Candidates lie on a grid of ``step`` from ``work_start`` each working day, and the meeting
    must end by ``work_end`` (local wall-clock times). The search covers ``max_days`` calendar
    days from the local day of ``after``. Returns aware datetimes in ``clock.LOCAL_TZ``.
    """
    _require_aware(after)
    if duration <= timedelta(0):
        raise ValueError("duration must be positive")
    if step <= timedelta(0):
        raise ValueError("step must be positive")
    if count <= 0:
        return []
    keys = set(participant_keys)
    blocked = sorted((_utc(b.start), _utc(b.end)) for b in busy if b.who in keys)
    after_utc = _utc(after)
    first_day = to_local(after).date()
    found: list[datetime] = []
    for offset in range(max_days):
        day = first_day + timedelta(days=offset)
        if day.weekday() >= 5 or (
            skip_days_off and not is_working_day(day, customary_days_off=customary_days_off)
        ):
            continue
        day_end = datetime.combine(day, work_end)  # naive wall clock
        wall = datetime.combine(day, work_start)
        while wall + duration <= day_end:
            start = wall.replace(tzinfo=LOCAL_TZ)
            start_utc = _utc(start)
            end_utc = start_utc + duration
            if start_utc >= after_utc and not any(b0 < end_utc and start_utc < b1 for b0, b1 in blocked):
                found.append(start)
                if len(found) == count:
                    return found
            wall += step
    return found


__all__ = [
    "Busy",
    "busy_times",
    "conflicts",
    "next_free_slots",
    "parse_key",
]
