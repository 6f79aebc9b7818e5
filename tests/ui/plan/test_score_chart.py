"""The progression-score trend chart, fed with plain data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF

from app.services.plan.plan_document import ScorePoint
from app.ui.plan.score_chart import ScoreChart, axis_dates, chart_points

RECT = QRectF(10, 20, 200, 100)  # left 10, right 210, top 20, bottom 120

SCORES = (
    ScorePoint(date(2026, 9, 1), 2, 4, "Start"),
    ScorePoint(date(2026, 10, 1), None, 5),
    ScorePoint(date(2026, 11, 1), 6, None, "Better <b>mornings</b>"),
    ScorePoint(date(2026, 12, 1), 10, 0),
)


def test_scores_map_up_for_higher_and_right_for_later() -> None:
    family, professional = chart_points(SCORES, RECT)
    assert len(family) == 3 and len(professional) == 3  # one point per score given
    assert [p.y() for p in family] == [100.0, 60.0, 20.0]  # 2, 6, 10: 10 at the top
    assert professional[-1].y() == RECT.bottom()  # 0 at the bottom
    assert professional[0].y() == 80.0
    assert family[0].x() == RECT.left() and family[-1].x() == RECT.right()
    for series in (family, professional):
        xs = [p.x() for p in series]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert RECT.left() < professional[1].x() < family[1].x() < RECT.right()


def test_points_come_in_date_order_whatever_the_input_order() -> None:
    family, _ = chart_points(tuple(reversed(SCORES)), RECT)
    assert [p.y() for p in family] == [100.0, 60.0, 20.0]


def test_one_score_is_a_point_in_the_middle() -> None:
    family, professional = chart_points((ScorePoint(date(2026, 11, 1), 5, None),), RECT)
    assert family == [QPointF(RECT.center().x(), 70.0)]
    assert professional == []
    assert chart_points((), RECT) == ([], [])


def test_scores_outside_the_scale_stay_inside_the_chart() -> None:
    family, professional = chart_points((ScorePoint(date(2026, 1, 1), 12, -1),), RECT)
    assert family[0].y() == RECT.top() and professional[0].y() == RECT.bottom()


def test_axis_dates_include_both_ends_without_repeats() -> None:
    assert axis_dates(date(2026, 1, 1), date(2026, 1, 1), 4) == [date(2026, 1, 1)]
    assert axis_dates(date(2026, 1, 1), date(2026, 1, 2), 5) == [date(2026, 1, 1), date(2026, 1, 2)]
    days = axis_dates(date(2026, 1, 1), date(2026, 12, 31), 4)
    assert days[0] == date(2026, 1, 1) and days[-1] == date(2026, 12, 31) and len(days) == 4


def test_the_widget_lays_out_its_points_and_paints(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(320, 160)
    chart.set_scores(SCORES, "Oliver goes to school every day")
    assert len(chart.family_points) == 3 and len(chart.professional_points) == 3
    plot = chart.plot_rect
    assert QRectF(chart.rect()).contains(plot)
    for point in chart.family_points + chart.professional_points:
        assert plot.contains(point)
    assert chart.family_points[-1].y() < chart.family_points[0].y()  # 10 above 2
    assert not chart.grab().isNull()

    chart.resize(400, 200)  # the layout follows the size
    chart.grab()
    assert chart.plot_rect.width() > plot.width()
    assert all(chart.plot_rect.contains(p) for p in chart.family_points)


def test_the_tooltip_shows_the_date_both_scores_and_the_note(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(320, 160)
    chart.set_scores(SCORES)
    tip = chart.tooltip_at(chart.family_points[-2] + QPointF(2, 1))
    assert "01.11.2026" in tip and "The family: 6" in tip and "Professionals: –" in tip
    assert "&lt;b&gt;mornings&lt;/b&gt;" in tip  # the note is the user's text: escaped
    assert chart.tooltip_at(QPointF(1, 1)) == ""


def test_empty_and_all_none_show_the_empty_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.resize(320, 160)
    assert chart.is_empty and not chart.grab().isNull()
    chart.set_scores((ScorePoint(date(2026, 11, 1), None, None),), "Goal")
    assert chart.is_empty and chart.family_points == [] and chart.professional_points == []
    assert not chart.grab().isNull()
    chart.set_scores((ScorePoint(date(2026, 11, 1), None, 7),))
    assert not chart.is_empty and len(chart.professional_points) == 1 and chart.family_points == []
    assert not chart.grab().isNull()
