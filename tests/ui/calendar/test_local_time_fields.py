"""Times a person reads are Copenhagen time, whatever zone the computer is set to.

Qt's date/time widgets would show a moment in the computer's zone (a 13.00 meeting showed as
12.00 on a UTC laptop); the meeting dialog holds Copenhagen wall time instead. Each test runs
with the process zone set to several zones (and the whole suite runs under TZ=UTC and
TZ=America/New_York in .ci/run)."""

from __future__ import annotations

import time as time_module
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QWidget

from app.services.common.clock import LOCAL_TZ, from_local, local_now, local_wall, to_local
from app.ui.common.date_fields import datetime_edit, from_qdatetime, to_qdatetime

ZONES = ["UTC", "America/New_York", "Asia/Tokyo", "Pacific/Chatham", "Europe/Copenhagen"]


@pytest.fixture(params=ZONES)
def computer_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time_module.tzset()
    yield request.param
    monkeypatch.undo()
    time_module.tzset()


@pytest.mark.parametrize(
    "day",
    [date(2026, 12, 3), date(2026, 3, 29), date(2026, 10, 25), date(2028, 2, 29), date(2026, 12, 31)],
)
@pytest.mark.parametrize("hour", [0, 1, 8, 13, 23])
def test_a_field_shows_and_returns_copenhagen_time(qtbot, computer_zone: str, day: date, hour: int) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    moment = datetime.combine(day, time(hour, 0), LOCAL_TZ)
    edit = datetime_edit(parent, moment.astimezone(UTC))  # stored in UTC
    assert edit.text() == moment.strftime("%d.%m.%Y %H.%M"), computer_zone
    back = from_qdatetime(edit.dateTime())
    assert back.astimezone(UTC) == moment.astimezone(UTC) and back.utcoffset() == moment.utcoffset()


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1)))
def test_round_trip_through_the_widget_value(wall: datetime) -> None:
    moment = from_local(wall.date(), wall.replace(microsecond=0).time())
    assert from_qdatetime(to_qdatetime(moment)).astimezone(UTC) == moment.astimezone(UTC)
    assert local_wall(from_qdatetime(to_qdatetime(moment))) == local_wall(moment)


def test_the_missing_spring_hour_moves_forward_and_the_repeated_autumn_hour_is_the_first() -> None:
    # (compared in UTC: an aware time in the repeated hour never equals one of another zone)
    assert from_local(date(2026, 3, 29), time(2, 30)).astimezone(UTC) == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )
    assert from_local(date(2026, 10, 25), time(2, 30)).astimezone(UTC) == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )
    assert to_local(datetime(2026, 6, 1, 11, 0)) == datetime(2026, 6, 1, 13, 0, tzinfo=LOCAL_TZ)


def test_now_is_copenhagen_time_in_any_computer_zone(computer_zone: str) -> None:
    now = local_now()
    assert now.tzinfo is LOCAL_TZ
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)
