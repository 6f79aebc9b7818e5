"""The case-list model: Qt's model contract, paging from SQL, no I/O in data()."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from app.services.cases.case_list import Scope, SortKey
from app.services.common.context import AppContext
from app.services.demo.demo import generate_demo
from app.ui.cases.case_list_model import CASE_ID_ROLE, COLUMNS, CaseListModel
from app.ui.common.background import StoreWorker

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day


def _model(context: AppContext, qtbot, **kwargs) -> CaseListModel:  # type: ignore[no-untyped-def]
    """A model on a store lane of its own, showing all cases once they have arrived."""
    model = CaseListModel(context, StoreWorker(), **kwargs)
    model.worker.setParent(model)
    model.set_scope(Scope.ALL)
    _settle(qtbot, model)
    return model


def _settle(qtbot, model: CaseListModel) -> None:  # type: ignore[no-untyped-def]
    """Wait until the model's reads and the flags' read have come back from the lane."""
    qtbot.waitUntil(lambda: not model.busy and not model.flags_pending, timeout=10_000)


def test_model_passes_qt_model_tester(qtmodeltester, qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    model = _model(demo_context, qtbot)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_rows_are_fetched_a_page_at_a_time(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    model = _model(demo_context, qtbot, page_size=5)
    assert model.total > 10
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.busy and not model.canFetchMore(QModelIndex())  # one page on its way at a time
    model.fetchMore(QModelIndex())  # asked again meanwhile (the view scrolls on): no second read
    _settle(qtbot, model)
    assert model.rowCount() == 10
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        _settle(qtbot, model)
    assert model.rowCount() == model.total
    ids = [model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)


def test_sort_happens_in_sql_for_every_column(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    model = _model(demo_context, qtbot)
    column = COLUMNS.index(SortKey.TITLE)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    _settle(qtbot, model)
    assert model.query.sort == SortKey.TITLE and model.query.descending
    titles = [model.index(r, column).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, reverse=True)
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.AscendingOrder)
        _settle(qtbot, model)
        assert model.query.sort == COLUMNS[col]
        assert model.rowCount() == min(model.total, 200)


def test_masked_cpr_only(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    model = _model(demo_context, qtbot)
    assert model.rowCount() > 0
    column = COLUMNS.index(SortKey.CPR)
    for row in range(model.rowCount()):
        text = model.index(row, column).data()
        assert text.endswith("-XXXX") and len(text) == 11


class _CountingModel(CaseListModel):
    calls = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        return super().data(index, role)


def _first_paint_calls(context: AppContext, qtbot) -> int:  # type: ignore[no-untyped-def]
    _CountingModel.calls = 0
    model = _CountingModel(context, StoreWorker())
    model.worker.setParent(model)
    model.set_scope(Scope.ALL)
    _settle(qtbot, model)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    _CountingModel.calls = 0
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    view.grab()
    return _CountingModel.calls


def test_first_paint_does_not_grow_with_the_store(qtbot, sqlite_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=40, seed=5)
    small = _first_paint_calls(sqlite_context, qtbot)
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=250, seed=6)
    large = _first_paint_calls(sqlite_context, qtbot)
    assert small > 0
    assert large <= small * 1.1


def test_cases_with_an_overdue_legal_or_agreed_deadline_are_flagged(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    from app.services.cases.deadlines import deadlines_for_cases
    from app.services.common.clock import local_today

    model = _model(demo_context, qtbot)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        _settle(qtbot, model)
    flags = COLUMNS.index(SortKey.FLAGS)
    flagged = {
        int(model.index(r, 0).data(CASE_ID_ROLE))
        for r in range(model.rowCount())
        if "Deadline overdue" in (model.index(r, flags).data() or "")
    }
    ids = [int(model.index(r, 0).data(CASE_ID_ROLE)) for r in range(model.rowCount())]
    today = local_today()
    with demo_context.sessions() as session:
        expected = {
            d.case_id
            for d in deadlines_for_cases(session, ids, today)
            if d.rule_code != "CASE-FOLLOW-UP" and d.overdue(today)
        }
    assert expected, "the demo data should hold an overdue deadline"
    assert flagged == expected


def test_a_newer_query_wins_and_older_answers_are_dropped(qtbot, demo_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    """Typing fast: each keystroke asks again; only the last query's rows are shown, once."""
    model = _model(demo_context, qtbot)
    resets: list[int] = []
    model.reloaded.connect(resets.append)
    for term in ("h", "ho", "hol", "holm"):
        model.set_search(term)
    _settle(qtbot, model)
    assert len(resets) == 1
    with demo_context.sessions() as session:
        from app.services.cases.case_list import count_cases

        assert resets == [count_cases(session, model.query)]
    assert model.query.search == "holm"
    column = COLUMNS.index(SortKey.TITLE)
    assert all("holm" in model.index(r, column).data().lower() for r in range(model.rowCount()))


def test_typing_does_not_wait_behind_the_flags_of_the_rows_it_replaces(
    qtbot, demo_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    """The flags are read once typing pauses: each keystroke's search runs at once, and only
    the rows finally shown get their flags read."""
    from app.ui.cases import case_list_model

    model = _model(demo_context, qtbot)
    read: list[list[int]] = []
    real = case_list_model.overdue_deadlines

    def counting(session, today, case_ids):  # type: ignore[no-untyped-def]
        read.append(list(case_ids))
        return real(session, today, case_ids)

    import pytest as _pytest

    patch = _pytest.MonkeyPatch()
    patch.setattr(case_list_model, "overdue_deadlines", counting)
    try:
        for term in ("h", "ho", "hol"):
            model.set_search(term)
            qtbot.waitUntil(lambda: not model.busy, timeout=10_000)
            assert model.flags_pending and not read  # not read while typing goes on
        _settle(qtbot, model)
    finally:
        patch.undo()
    shown = [int(model.index(r, 0).data(CASE_ID_ROLE)) for r in range(model.rowCount())]
    assert read == [shown]  # one read, for the rows the last keystroke showed
