"""The one clock of the program, and the one conversion point between stored and shown time.

Times are stored in UTC and shown in Copenhagen time, whatever zone the laptop is set to.
Every screen and service asks this module for "today" and "now" (never ``date.today()``,
``datetime.now()``, ``QDate.currentDate()`` or a bare ``.astimezone()``; a test in
``tests/test_architecture.py`` enforces it), so the demo and the tests can run on a chosen day:

* ``use_clock(FixedClock(...))`` pins the program to a moment (the demo's screenshots);
* tests travel with ``time-machine``, which moves the system clock this module reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Copenhagen")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware."""


class SystemClock:
    """The computer's clock (its time zone setting plays no part)."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that starts at ``start`` and, if ``ticking``, runs on from there."""

    def __init__(self, start: datetime, *, ticking: bool = False) -> None:
        if start.tzinfo is None:
            raise ValueError("a fixed clock needs an aware moment")
        self._start = start.astimezone(UTC)
        self._ticking = ticking
        self._began = datetime.now(UTC)

    def now(self) -> datetime:
        if not self._ticking:
            return self._start
        return self._start + (datetime.now(UTC) - self._began)


_clock: Clock = SystemClock()


def use_clock(clock: Clock) -> Clock:
    """Make ``clock`` the program's clock; returns the one it replaces."""
    global _clock
    previous, _clock = _clock, clock
    return previous


@contextmanager
def clock_in_use(clock: Clock) -> Iterator[Clock]:
    previous = use_clock(clock)
    try:
        yield clock
    finally:
        use_clock(previous)


def fixed_day_clock(day: date, at: time = time(10, 0)) -> FixedClock:
    """A ticking clock that starts on ``day`` at ``at`` Copenhagen time."""
    return FixedClock(datetime.combine(day, at, LOCAL_TZ), ticking=True)


# -- now and today ---------------------------------------------------------------------------


def now_utc() -> datetime:
    return _clock.now().astimezone(UTC)


def local_now() -> datetime:
    """Now, in Copenhagen time."""
    return _clock.now().astimezone(LOCAL_TZ)


def local_today() -> date:
    return local_now().date()


# -- the conversion point --------------------------------------------------------------------


def to_local(moment: datetime) -> datetime:
    """A stored moment as Copenhagen time. A naive moment is taken to be UTC (as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ)


def aware_utc(value: datetime | str) -> datetime:
    """A stored timestamp as aware UTC (SQLite gives an aggregate such as max() back as
    text or naive)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def from_local(day: date, at: time) -> datetime:
    """The aware moment of a wall-clock time in Copenhagen.

    In the autumn's repeated hour the first (summer-time) moment is meant; a time in the
    spring's missing hour is moved forward by the hour that does not exist."""
    naive = datetime.combine(day, at.replace(tzinfo=None))
    moment = naive.replace(tzinfo=LOCAL_TZ, fold=0)
    # Round trip through UTC: a time that does not exist comes back different.
    back = moment.astimezone(UTC).astimezone(LOCAL_TZ)
    if back.replace(tzinfo=None) != naive:
        moment = (naive + timedelta(hours=1)).replace(tzinfo=LOCAL_TZ)
    return moment


def local_wall(moment: datetime) -> datetime:
    """The Copenhagen wall-clock time of a moment, without a zone (for Qt's date/time widgets)."""
    return to_local(moment).replace(tzinfo=None)


def from_local_wall(wall: datetime) -> datetime:
    """The aware moment of a naive Copenhagen wall-clock time (from Qt's date/time widgets)."""
    return from_local(wall.date(), wall.time())


def start_of_local_day(day: date) -> datetime:
    """Midnight at the start of ``day`` in Copenhagen, in UTC."""
    return from_local(day, time(0)).astimezone(UTC)


def file_stamp() -> str:
    """A time stamp for file names (backups): Copenhagen time, sortable."""
    return local_now().strftime("%Y%m%d-%H%M%S")
