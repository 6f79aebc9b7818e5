"""Columns sized to their content within the view; free-text columns give up width first."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.ui.common.columns import MIN_FLEXIBLE, fit_columns, keep_fitted

SHORT = ["12.12.2026", "Aktiv", "4"]


def _table(qtbot, texts: list[str], width: int) -> QTableWidget:  # type: ignore[no-untyped-def]
    table = QTableWidget(3, len(texts))
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels([f"Kolonne {i}" for i in range(len(texts))])
    for row in range(3):
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    return table


def _needed(table: QTableWidget, column: int) -> int:
    return max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))


def test_everything_fits_when_there_is_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = _table(qtbot, ["Familien Holm Jensen", *SHORT], 900)
    fit_columns(table, flexible=(0,))
    for column in range(4):
        assert table.columnWidth(column) >= _needed(table, column)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(long=st.text(alphabet="abcdefghij æøå", min_size=30, max_size=200), width=st.integers(300, 900))
def test_short_columns_are_never_cut_and_the_free_text_gives_way(qtbot, long: str, width: int) -> None:  # type: ignore[no-untyped-def]
    table = _table(qtbot, [long, "Virksomhedskonsulent i jobcentret", *SHORT], width)
    fit_columns(table, flexible=(1, 0))
    header = table.horizontalHeader()
    for column in (2, 3, 4):  # the date, the status and the number
        assert table.columnWidth(column) >= _needed(table, column)
    for column in (0, 1):  # never below their floor
        assert table.columnWidth(column) >= max(MIN_FLEXIBLE, header.sectionSizeHint(column)) or (
            table.columnWidth(column) >= _needed(table, column)
        )
    total = sum(table.columnWidth(c) for c in range(5))
    floors = sum(max(MIN_FLEXIBLE, header.sectionSizeHint(c)) for c in (0, 1))
    if floors + sum(_needed(table, c) + 2 for c in (2, 3, 4)) <= table.viewport().width():
        assert total <= table.viewport().width() + 1  # it all fits: no horizontal scrolling


def test_the_least_important_column_gives_way_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    long_a, long_b = "A" * 60, "B" * 60
    table = _table(qtbot, [long_a, long_b, *SHORT], 700)
    before = _needed(table, 0)
    fit_columns(table, flexible=(1, 0))
    assert table.columnWidth(1) < _needed(table, 1)
    if table.columnWidth(1) > max(MIN_FLEXIBLE, table.horizontalHeader().sectionSizeHint(1)):
        assert table.columnWidth(0) >= min(before, 380)  # only once column 1 is at its floor


@pytest.mark.parametrize("width", [500, 1200])
def test_kept_fitted_when_the_view_changes_width(qtbot, width: int) -> None:  # type: ignore[no-untyped-def]
    table = _table(qtbot, ["Familien Holm Jensen på Vestergade 12 i Helsingør", *SHORT], 1200)
    keep_fitted(table, flexible=(0,))
    assert table.columnWidth(0) >= _needed(table, 0)
    table.resize(width, 200)
    if width == 500:  # narrower: the free text gives way once the view has its new width
        qtbot.waitUntil(lambda: table.columnWidth(0) < _needed(table, 0))
    else:
        qtbot.wait(20)
        assert table.columnWidth(0) >= _needed(table, 0)
    for column in (1, 2, 3):
        assert table.columnWidth(column) >= _needed(table, column)
