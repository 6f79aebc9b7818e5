"""The score chart by keyboard and screen reader: the arrow keys move from date to date, the
chosen date's scores are the accessible description, and the table holds the same scores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt

from app.services.plan.plan_document import ScorePoint
from app.ui.common.list_alternative import ListAlternative
from app.ui.plan.goals_tab import GoalsTab
from app.ui.plan.score_chart import ScoreChart

SCORES = (
    ScorePoint(date(2026, 12, 1), 10, 0),
    ScorePoint(date(2026, 9, 1), 2, 4, "Start"),
    ScorePoint(date(2026, 10, 1), None, 5),
    ScorePoint(date(2026, 10, 15), None, None),  # nothing scored: not drawn, not listed
    ScorePoint(date(2026, 11, 12), 6, 5, "Better mornings"),
)


@pytest.fixture(autouse=True)
def english_locale(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


def make_chart(qtbot, points=SCORES, title: str = "Lise gets up in the morning") -> ScoreChart:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_scores(points, title)
    return chart


def test_the_arrows_go_from_date_to_date_and_say_the_scores(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = make_chart(qtbot)
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus and chart.accessibleName()
    said = []
    for _ in range(5):
        qtbot.keyClick(chart, Qt.Key.Key_Right)
        said.append(chart.accessibleDescription())
    assert said == [
        "Lise gets up in the morning: the family 2, professionals 4, 01.09.2026. Start",
        "Lise gets up in the morning: the family –, professionals 5, 01.10.2026",
        "Lise gets up in the morning: the family 6, professionals 5, 12.11.2026. Better mornings",
        "Lise gets up in the morning: the family 10, professionals 0, 01.12.2026",
        "Lise gets up in the morning: the family 10, professionals 0, 01.12.2026",  # the end: stays
    ]
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert "12.11.2026" in chart.accessibleDescription()
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert "01.09.2026" in chart.accessibleDescription()


def test_the_chosen_date_is_marked_round_its_points(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = make_chart(qtbot)
    chart.grab()
    for key in chart.item_keys():
        rect = chart.item_rect(key)
        point = chart.ordered_points()[key]  # type: ignore[index]
        markers = [p for p in chart.family_points + chart.professional_points if rect.contains(p)]
        expected = (point.family_score is not None) + (point.professional_score is not None)
        assert len(markers) == expected, key
        assert chart.key_at(markers[0]) == key


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    scores=st.lists(
        st.tuples(
            st.integers(0, 400),
            st.one_of(st.none(), st.integers(0, 10)),
            st.one_of(st.none(), st.integers(0, 10)),
        ),
        max_size=12,
    )
)
def test_the_table_holds_exactly_the_points_drawn(qtbot, scores) -> None:  # type: ignore[no-untyped-def]
    points = tuple(ScorePoint(date(2026, 1, 1) + timedelta(days=d), f, p) for d, f, p in scores)
    chart = ScoreChart()
    panel = ListAlternative(
        chart,
        chart.choice,
        ["Date", "Goal", "F", "P", "Note"],
        chart.table_rows,
        toggle_text="t",
        list_name="n",
    )
    qtbot.addWidget(panel)
    chart.content_changed.connect(panel.refresh)
    panel.resize(400, 200)
    panel.show_list(True)
    chart.set_scores(points, "Goal")
    drawn = [p for p in points if p.family_score is not None or p.professional_score is not None]
    assert panel.table.topLevelItemCount() == len(drawn) == len(chart.item_keys())
    assert len(chart.family_points) == sum(p.family_score is not None for p in points)
    rows = [tuple(panel.table.topLevelItem(i).text(c) for c in (0, 2, 3)) for i in range(len(drawn))]
    for row, point in zip(rows, sorted(drawn, key=lambda p: p.scored_on), strict=True):
        family = "–" if point.family_score is None else str(point.family_score)
        pro = "–" if point.professional_score is None else str(point.professional_score)
        assert row == (point.scored_on.strftime("%d.%m.%Y"), family, pro)
    panel.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by the family's score, as numbers
    family_scores = [p.family_score if p.family_score is not None else -1 for p in drawn]
    shown = [panel.table.topLevelItem(i).text(2) for i in range(len(drawn))]
    assert [-1 if s == "–" else int(s) for s in shown] == sorted(family_scores, reverse=True)


def test_the_goals_tab_offers_the_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = GoalsTab()
    qtbot.addWidget(tab)
    tab.chart.set_scores(SCORES, "Goal")
    panel = tab.chart_panel
    assert not panel.showing_list and panel.toggle.text()
    panel.toggle.click()
    assert panel.showing_list and panel.table.topLevelItemCount() == 4
    assert panel.table.accessibleName()
    panel.table.setCurrentItem(panel.table.topLevelItem(2))
    assert "12.11.2026" in tab.chart.accessibleDescription()
