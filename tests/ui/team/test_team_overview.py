"""The team overview window over the hand-counted team (a local store: every caseworker): the
figures in the table, a double-click lists the cases behind a figure and opens one, the
candidates tab makes a candidate case, the PDF is written where chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseStatus
from app.ui.common.background import StoreLanes
from app.ui.team.team_overview import AWAY, DEADLINES, FOLLOW_UPS, LOAD, NAME, PLANS, TeamOverviewDialog
from tests.services.team.team_builders import Team
from tests.ui.lane_helpers import wait_for


def _dialog(qtbot, context) -> TeamOverviewDialog:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    dialog = TeamOverviewDialog(context, lanes)
    lanes.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for(lambda: dialog.overview is not None and not dialog.candidates.busy)
    return dialog


def _row_of(dialog: TeamOverviewDialog, name: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, NAME).text() == name)


def test_the_table_shows_every_figure(qtbot, sqlite_context, danish, team: Team) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, sqlite_context)
    anna = _row_of(dialog, "Anna Andersen")
    texts = [dialog.table.item(anna, c).text() for c in (LOAD, FOLLOW_UPS, DEADLINES, PLANS)]
    assert texts == ["4 af 3,5", "1", "1", "1"]
    assert (
        "ferie" in dialog.table.item(anna, AWAY).text() and "Bo Berg" in dialog.table.item(anna, AWAY).text()
    )
    bo = _row_of(dialog, "Bo Berg")
    assert [dialog.table.item(bo, c).text() for c in (LOAD, FOLLOW_UPS, DEADLINES, PLANS)] == [
        "3,5 af 3,5",
        "1",
        "1",
        "1",
    ]
    assert dialog.table.item(anna, LOAD).toolTip() and not dialog.table.item(bo, LOAD).toolTip()  # above / at
    assert dialog.without.text() == "Kandidatsager uden koordinator: 3"  # L1, L2 and Carl's C1 (all teams)
    assert "Dan Gone" not in [dialog.table.item(r, NAME).text() for r in range(dialog.table.rowCount())]


@pytest.mark.parametrize(
    ("column", "expected"),
    [(LOAD, ["A1", "A2", "A3"]), (FOLLOW_UPS, ["A1"]), (AWAY, ["A1", "A2", "A3", "A5", "B2"])],
)
def test_a_double_click_lists_the_cases_behind_and_opens_one(  # type: ignore[no-untyped-def]
    qtbot, sqlite_context, danish, team: Team, column: int, expected: list[str]
) -> None:
    dialog = _dialog(qtbot, sqlite_context)
    dialog.show_cases_behind(_row_of(dialog, "Anna Andersen"), column)
    listed = dialog.cases_dialog
    by_id = {v: k for k, v in team.cases.items()}
    from app.ui.team.cases_behind import CASE_ID_ROLE

    shown = [by_id[int(listed.table.item(r, 0).data(CASE_ID_ROLE))] for r in range(listed.table.rowCount())]
    assert shown == expected
    with qtbot.waitSignal(dialog.case_chosen, timeout=2000) as opened:
        listed.table.cellDoubleClicked.emit(0, 1)
    assert opened.args == [team.cases[expected[0]]]


def test_the_candidates_tab_makes_a_candidate_case_i_hold(qtbot, sqlite_context, danish, team: Team) -> None:  # type: ignore[no-untyped-def]
    from app.models.enums import Sector
    from tests.services.team.team_builders import TODAY, TeamBuilder

    b = TeamBuilder(sqlite_context.sessions, TODAY)
    closed = b.case(team.users["anna"], status=CaseStatus.CLOSED)
    [citizen] = b.members_of(closed)
    for sector in (Sector.HEALTH, Sector.EDUCATION, Sector.EMPLOYMENT):
        b.intervention(closed, citizen, sector)
    dialog = _dialog(qtbot, sqlite_context)
    assert dialog.candidates.table.rowCount() == 1
    dialog.candidates.table.selectRow(0)
    assert dialog.candidates.create_button.isEnabled()
    dialog.candidates.create_selected()
    wait_for(lambda: not dialog.candidates.busy)
    assert "oprettet" in dialog.candidates.status.text(), dialog.candidates.status.text()
    wait_for(lambda: dialog.candidates.table.rowCount() == 0)
    with sqlite_context.sessions() as s:
        made = s.scalars(
            select(Case).where(Case.citizen_id == citizen, Case.status == CaseStatus.CANDIDATE)
        ).one()
        assert made.coordinator_id == sqlite_context.user.id


def test_the_pdf_is_written_where_chosen(
    qtbot, sqlite_context, danish, team: Team, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "team.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    dialog = _dialog(qtbot, sqlite_context)
    dialog.export_pdf()
    wait_for(lambda: target.exists() and "team.pdf" in dialog.status.text())
    assert target.read_bytes().startswith(b"%PDF")
