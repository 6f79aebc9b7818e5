"""The calendar's "My team" scope: the meetings of every caseworker in the user's team.

It read a team the signed-in user's record did not carry (found by the type check): the
read failed on the store lane and the crash handler showed it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from sqlalchemy import select

from app.models import User
from app.services.common.clock import LOCAL_TZ
from app.services.meetings.meetings import meetings_between
from app.ui.calendar.calendar_page import SCOPE_TEAM, CalendarPage
from app.ui.common.background import StoreLanes


def test_my_teams_meetings_are_shown(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    with demo_context.sessions.begin() as session:
        me = session.scalars(select(User).where(User.login == demo_context.user.login)).one()
        me.team = "Team Nord"  # the demo's other caseworkers' team
    context = replace(demo_context, user=replace(demo_context.user, team="Team Nord"))
    lanes = StoreLanes()
    page = CalendarPage(context, lanes)
    lanes.setParent(page)
    qtbot.addWidget(page)
    page.show()
    lanes.wait(10_000)
    qtbot.wait(5)
    team = context.user.team
    page.scope.setCurrentIndex(page.scope.findData(SCOPE_TEAM))
    seen = 0
    for _week in range(12):  # the weeks ahead until one where the team meets
        lanes.wait(10_000)
        qtbot.wait(5)
        start, end = page.visible_range()
        with context.sessions() as session:
            expected = meetings_between(
                session,
                datetime.combine(start, time(0), LOCAL_TZ),
                datetime.combine(end, time(0), LOCAL_TZ),
                team=team,
            )
            everyone = meetings_between(
                session, datetime.combine(start, time(0), LOCAL_TZ), datetime.combine(end, time(0), LOCAL_TZ)
            )
        assert [m.id for m in page.meetings] == [m.id for m in expected]
        seen += len(expected)
        if expected and len(expected) < len(everyone):
            break
        page.navigate(1)
    assert seen, "the team meets within twelve weeks"
