"""The case list page: search as you type (one query per pause), scope, the count, the CPR
reveal's state, opening a case, and a selection asked for while the list is read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.cases.case_list import Scope, SortKey, count_cases
from app.services.common.context import AppContext
from app.services.team.caseload import caseload_of, set_caseload_settings
from app.ui.cases.case_list_model import CASE_ID_ROLE, COLUMNS
from app.ui.cases.case_list_page import SEARCH_DELAY_MS, CaseListPage
from app.ui.common.background import StoreLanes


def _page(qtbot, context: AppContext) -> CaseListPage:  # type: ignore[no-untyped-def]
    lanes = StoreLanes()
    page = CaseListPage(context, lanes)
    lanes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.scope.setCurrentIndex(page.scope.findData(Scope.ALL.value))
    qtbot.waitUntil(lambda: page.model.query.scope == Scope.ALL and not page.model.busy, timeout=10_000)
    return page


def _total(context: AppContext, page: CaseListPage) -> int:
    with context.sessions() as session:
        return count_cases(session, page.model.query)


def test_typing_runs_one_query_when_the_typing_pauses(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context)
    reloads: list[int] = []
    page.model.reloaded.connect(reloads.append)
    qtbot.keyClicks(page.search, "holm")
    assert page.model.query.search == ""  # nothing asked while the keys come
    with qtbot.waitSignal(page.model.reloaded, timeout=SEARCH_DELAY_MS + 5000):
        pass
    assert page.model.query.search == "holm"
    assert len(reloads) == 1
    assert reloads == [_total(demo_context, page)]
    assert page.count_label.text().startswith(str(reloads[0]))
    title = COLUMNS.index(SortKey.TITLE)
    assert any("Holm" in page.model.index(r, title).data() for r in range(page.model.rowCount()))


def test_the_scope_and_the_count_follow_the_store(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context)
    everyone = _total(demo_context, page)
    assert page.count_label.text().startswith(str(everyone))
    with qtbot.waitSignal(page.model.reloaded, timeout=10_000) as mine:
        page.scope.setCurrentIndex(page.scope.findData(Scope.MINE.value))
    assert page.model.query.scope == Scope.MINE
    assert mine.args == [_total(demo_context, page)]
    assert mine.args[0] < everyone


def test_the_cpr_reveal_needs_a_chosen_case_and_a_double_click_opens_it(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context)
    assert not page.reveal_button.isEnabled() and not page.reveal_action.isEnabled()
    page.table.selectRow(1)
    assert page.reveal_button.isEnabled() and page.reveal_action.isEnabled()
    wanted = int(page.model.index(1, 0).data(CASE_ID_ROLE))
    with qtbot.waitSignal(page.case_opened, timeout=2000) as opened:
        page.table.doubleClicked.emit(page.model.index(1, COLUMNS.index(SortKey.TITLE)))
    assert opened.args == [wanted]


def test_a_case_chosen_while_the_list_is_read_is_selected_when_it_arrives(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_context)
    last = page.model.rowCount() - 1
    wanted = int(page.model.index(last, 0).data(CASE_ID_ROLE))
    page.model.reload()
    assert page.model.busy
    page.select_case(wanted)  # asked before the new rows are there
    qtbot.waitUntil(lambda: not page.model.busy, timeout=10_000)
    assert page.selected_case_id() == wanted
    assert page.table.selectionModel().selectedRows()[0].row() == page.model.row_of_case(wanted)


@pytest.mark.parametrize("limit", ["1", "5", "12.5", "1000"])
def test_my_weighted_caseload_is_shown_under_the_list_red_above_the_teams_limit(  # type: ignore[no-untyped-def]
    qtbot, demo_context, danish, limit: str
) -> None:
    with demo_context.sessions.begin() as session:
        set_caseload_settings(session, limit=Decimal(limit))
        load = caseload_of(session, demo_context.user.id)  # weighted: 1.5 a family, 1 a citizen
    page = _page(qtbot, demo_context)
    expected = f"Din sagsbelastning: {f'{load.normalize():f}'.replace('.', ',')} af {limit.replace('.', ',')}"
    qtbot.waitUntil(lambda: page.caseload_label.text() == expected, timeout=10_000)
    above = load > Decimal(limit)
    assert ("b3261e" in page.caseload_label.styleSheet()) is above
    assert bool(page.caseload_label.toolTip()) is above


@pytest.mark.parametrize("search", ["zzqxw", "Øster-Ålund", "9999"])
def test_an_empty_list_says_what_was_searched_and_a_list_with_cases_says_nothing(  # type: ignore[no-untyped-def]
    qtbot, demo_context, search: str
) -> None:
    page = _page(qtbot, demo_context)
    assert page.empty.isHidden()
    with qtbot.waitSignal(page.model.reloaded, timeout=10_000) as found:
        page.search.setText(search)
        page._apply_search()
    assert found.args == [0]
    assert not page.empty.isHidden() and search in page.empty.text()
    with qtbot.waitSignal(page.model.reloaded, timeout=10_000):
        page.search.setText("")
        page._apply_search()
    assert page.empty.isHidden() and page.empty.text() == ""


def test_a_caseworker_without_cases_is_told_what_to_do(qtbot, sqlite_context) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, sqlite_context)
    assert page.model.total == 0
    assert not page.empty.isHidden() and "New case" in page.empty.text()
