"""Absences and deputies: a new absence with a deputy for all or chosen cases, field problems
next to the fields (nothing saved), and ending one early."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from app.models import Absence, AbsenceCase
from app.models.enums import AbsenceKind, UserRole
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.validation import Problem
from app.services.team.absences import AbsenceInput, plan_absence
from app.ui.common.background import StoreLanes
from app.ui.common.labels import problem_text
from app.ui.team.absence_dialog import AbsenceDialog, NewAbsenceDialog
from tests.ui.lane_helpers import ready, save, wait_for
from tests.ui.team.team_helpers import actions, user_id


def _new(qtbot, context: AppContext) -> NewAbsenceDialog:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    dialog = NewAbsenceDialog(context, lanes)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    return ready(dialog)  # type: ignore[return-value]


def _qdate(days: int) -> QDate:
    day = local_today() + timedelta(days=days)
    return QDate(day.year, day.month, day.day)


def _absences(context: AppContext) -> list[Absence]:
    with context.sessions() as session:
        rows = list(session.scalars(select(Absence)))
        session.expunge_all()
        return rows


@pytest.mark.parametrize(
    ("start", "end", "deputy", "field", "problem"),
    [
        (0, 5, False, "deputy", Problem.REQUIRED),
        (5, 2, True, "ends_on", Problem.END_BEFORE_START),
        (-9, -2, True, "ends_on", Problem.IN_PAST),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_saved(  # type: ignore[no-untyped-def]
    qtbot, demo_context, danish, start: int, end: int, deputy: bool, field: str, problem: Problem
) -> None:
    dialog = _new(qtbot, demo_context)
    dialog.starts_on.setDate(_qdate(start))
    dialog.ends_on.setDate(_qdate(end))
    if deputy:
        dialog.deputy.setCurrentIndex(dialog.deputy.findData(user_id(demo_context, "mette.dahl")))
    assert not save(dialog)
    assert dialog.errors[field].isVisibleTo(dialog) and problem_text(problem) in dialog.errors[field].text()
    assert _absences(demo_context) == []


def test_chosen_cases_need_at_least_one(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    dialog = _new(qtbot, demo_context)
    dialog.deputy.setCurrentIndex(dialog.deputy.findData(user_id(demo_context, "mette.dahl")))
    dialog.all_cases.setChecked(False)
    assert not save(dialog)
    assert dialog.errors["cases"].isVisibleTo(dialog)
    assert _absences(demo_context) == []
    assert dialog.cases.count() > 0
    dialog.cases.item(0).setCheckState(Qt.CheckState.Checked)
    case_id = dialog.cases.item(0).data(Qt.ItemDataRole.UserRole)
    logged = len(actions(demo_context))
    assert save(dialog)
    [absence] = _absences(demo_context)
    assert not absence.all_cases and absence.deputy_id == user_id(demo_context, "mette.dahl")
    with demo_context.sessions() as session:
        assert list(session.scalars(select(AbsenceCase.case_id))) == [case_id]
    assert "create" in actions(demo_context)[logged:]


def test_the_list_shows_mine_and_ends_one_early(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    me, mette = demo_context.user.id, user_id(demo_context, "mette.dahl")
    today = local_today()
    with demo_context.sessions.begin() as session:
        plan_absence(
            session,
            AbsenceInput(
                me, mette, AbsenceKind.HOLIDAY, today - timedelta(days=3), today + timedelta(days=4)
            ),
            today,
        )
    lanes = StoreLanes()
    dialog = AbsenceDialog(demo_context, lanes)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    wait_for(lambda: not dialog.loading)
    assert dialog.list.count() == 1 and "Mette Dahl" in dialog.list.item(0).text()
    assert "Ferie" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    dialog.end_button.click()
    wait_for(lambda: not dialog.loading)
    [absence] = _absences(demo_context)
    assert absence.ends_on == today - timedelta(days=1)
    assert dialog.list.item(0).text() == "Intet fravær planlagt."


def test_a_team_lead_sees_the_teams_absences(qtbot, demo_context, danish) -> None:  # type: ignore[no-untyped-def]
    kasper, mette = user_id(demo_context, "kasper.holm"), user_id(demo_context, "mette.dahl")
    today = local_today()
    with demo_context.sessions.begin() as session:
        plan_absence(
            session, AbsenceInput(kasper, mette, AbsenceKind.HOLIDAY, today, today + timedelta(days=4)), today
        )
    lead = dataclasses.replace(
        demo_context.user,
        id=user_id(demo_context, "birgitte.nissen"),
        role=UserRole.TEAM_LEAD,
        team="Team Nord",
    )
    for context, seen in ((demo_context, 0), (dataclasses.replace(demo_context, user=lead), 1)):
        lanes = StoreLanes()
        dialog = AbsenceDialog(context, lanes)
        lanes.setParent(dialog)
        qtbot.addWidget(dialog)
        wait_for(lambda d=dialog: not d.loading)
        assert len(dialog.rows) == seen
