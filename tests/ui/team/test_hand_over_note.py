"""The note seen first: a case handed to me shows the hand-over note when I open it, once;
"Læst" marks it read, and the note stays readable from the header afterwards."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from app.models import CaseHandOver
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.users import UserInfo
from app.services.team.hand_over import hand_over
from app.ui.common.background import StoreLanes
from app.ui.family.family_page import FamilyPage
from app.ui.team.case_team_bar import CaseTeamBar
from tests.ui.lane_helpers import drain, wait_for
from tests.ui.team.team_helpers import lise, user_id

NOTE = "Mor venter svar om bolig; vi har lovet et møde med skolen inden jul."


def _as(context: AppContext, login: str) -> AppContext:
    me = UserInfo(user_id(context, login), login, "Mette Dahl", "", "")
    return dataclasses.replace(context, user=me)


def _page(qtbot, context: AppContext, settings) -> tuple[FamilyPage, CaseTeamBar]:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    page = FamilyPage(context, settings, lanes)
    lanes.setParent(page)
    bar = CaseTeamBar(context, lanes, page)
    page.heading_row.insertWidget(1, bar)
    page.case_panels.append(bar)
    bar.changed.connect(page.reload)
    qtbot.addWidget(page)
    page.show()
    return page, bar


def _open(qtbot, page: FamilyPage, bar: CaseTeamBar, case_id: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.open_case(case_id)
    drain(qtbot, page.lanes.store)


def test_a_case_handed_to_me_shows_the_note_first_and_once(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    with demo_context.sessions.begin() as session:
        hand_over(session, case_id, "mette.dahl", NOTE, local_today())
    mette = _as(demo_context, "mette.dahl")
    page, bar = _page(qtbot, mette, settings)
    _open(qtbot, page, bar, case_id)
    dialog = bar.note_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText() == NOTE
    assert dialog.from_label.text() == "Lone Madsen"
    assert dialog.read_button.text() == "Læst"
    dialog.read_button.click()
    drain(qtbot, page.lanes.store)
    assert bar.note_dialog is None
    with demo_context.sessions() as session:
        row = session.scalar(select(CaseHandOver).where(CaseHandOver.case_id == case_id))
        assert row is not None and row.seen_at is not None
    _open(qtbot, page, bar, case_id)  # opened again: not shown again
    assert bar.note_dialog is None
    assert bar.note_button.isVisibleTo(page) and bar.note_button.text() == "Overdragelsesnote"
    assert "Lone Madsen" in bar.note_button.toolTip()


def test_the_old_coordinator_is_not_shown_the_note(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    with demo_context.sessions.begin() as session:
        hand_over(session, case_id, "mette.dahl", NOTE, local_today())
    page, bar = _page(qtbot, demo_context, settings)  # the tester: Lone Madsen, who handed it over
    _open(qtbot, page, bar, case_id)
    assert bar.note_dialog is None
    assert bar.note_button.isVisibleTo(page)


def test_later_keeps_the_note_unread(qtbot, demo_context, settings, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = lise(demo_context)
    with demo_context.sessions.begin() as session:
        hand_over(session, case_id, "mette.dahl", NOTE, local_today())
    page, bar = _page(qtbot, _as(demo_context, "mette.dahl"), settings)
    _open(qtbot, page, bar, case_id)
    assert bar.note_dialog is not None
    bar.note_dialog.reject()
    wait_for(lambda: bar.note_dialog is None)
    page.reload()  # a reload while the case stays open does not ask again
    drain(qtbot, page.lanes.store)
    drain(qtbot, page.lanes.store)
    assert bar.note_dialog is None
    with demo_context.sessions() as session:
        row = session.scalar(select(CaseHandOver).where(CaseHandOver.case_id == case_id))
        assert row is not None and row.seen_at is None
