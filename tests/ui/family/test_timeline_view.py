"""The timeline (Gantt chart) of a family's interventions, built from plain data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QScrollArea, QToolTip

from app.models.enums import InterventionStatus, Relation, Sector
from app.services.family.family_overview import FamilyOverview
from app.services.family.timeline import Gap, Overlap
from app.ui.common.formatting import format_date
from app.ui.common.painting import SECTOR_COLOURS, fill_placeholders
from app.ui.family.timeline_view import TimelineView
from tests.factories import holm_intervention as intervention
from tests.factories import holm_member as member
from tests.factories import make_overview as overview

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def english_locale(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Other tests may leave a Danish default locale behind; these expect English names."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


LISE, OLIVER = member(1, "Lise", Relation.PARENT), member(2, "Oliver")


def family() -> FamilyOverview:
    return overview(
        [LISE, OLIVER],
        [
            intervention(
                1, 1, date(2026, 3, 1), date(2027, 3, 1), title="Kontanthjælp", sector=Sector.EMPLOYMENT
            ),
            # Runs at the same time as 1: a sub-row of its own.
            intervention(2, 1, date(2026, 5, 1), None, title="Virksomhedspraktik", sector=Sector.EMPLOYMENT),
            # Runs while both 1 and 2 run: a third sub-row.
            intervention(3, 1, date(2026, 7, 1), date(2026, 10, 1), title="Familiebehandling"),
            intervention(4, 2, date(2026, 2, 1), date(2026, 5, 31), title="Kontaktperson"),
            intervention(
                5,
                2,
                date(2027, 1, 11),
                date(2027, 4, 30),
                title="Mentor",
                sector=Sector.YOUTH,
                status=InterventionStatus.PLANNED,
            ),
        ],
    )


def make_view(qtbot, data: FamilyOverview, overlaps=(), gaps=(), width: int = 1100) -> TimelineView:  # type: ignore[no-untyped-def]
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(width, 400)
    view.show_timeline(data, TODAY, list(overlaps), list(gaps))
    return view


def test_one_bar_per_intervention_and_bars_never_intersect(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = family()
    view = make_view(qtbot, data)
    assert set(view.bar_rects) == {1, 2, 3, 4, 5}
    rects = list(view.bar_rects.items())
    for index, (first_id, first) in enumerate(rects):
        assert first.width() > 0 and first.height() > 0
        for second_id, second in rects[index + 1 :]:
            assert not first.intersects(second), (first_id, second_id)
    # 1, 2 and 3 all run in August 2026: three sub-rows in Lise's lane, one above the other.
    tops = sorted(view.bar_rects[i].top() for i in (1, 2, 3))
    assert tops[0] < tops[1] < tops[2]
    lise_lane = view.lane_rects[1]
    assert all(lise_lane.contains(view.bar_rects[i]) for i in (1, 2, 3))
    assert all(view.lane_rects[2].contains(view.bar_rects[i]) for i in (4, 5))
    # Bars run left to right with time.
    assert view.bar_rects[1].left() < view.bar_rects[2].left() < view.bar_rects[3].left()


def test_interventions_after_each_other_share_a_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = overview(
        [OLIVER],
        [
            intervention(1, 2, date(2026, 1, 1), date(2026, 3, 31)),
            intervention(2, 2, date(2026, 4, 1), date(2026, 6, 30)),
        ],
    )
    view = make_view(qtbot, data)
    first, second = view.bar_rects[1], view.bar_rects[2]
    assert first.top() == second.top()
    assert first.right() <= second.left()


def test_today_line_between_a_running_and_a_future_intervention(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, family())
    running, future = view.bar_rects[1], view.bar_rects[5]
    assert running.left() < view.today_x < future.left()
    assert running.left() < view.today_x < running.right()


def test_open_ended_bar_reaches_the_right_edge(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, family())
    assert view.bar_rects[2].right() > view.bar_rects[1].right()
    assert view.bar_rects[2].right() >= view.width() - 40
    assert view.range_end > TODAY


def test_range_looks_back_at_most_eighteen_months(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = overview(
        [OLIVER],
        [
            intervention(1, 2, date(2020, 1, 1), date(2021, 1, 1), title="Long ago"),
            intervention(2, 2, date(2020, 6, 1), None, title="Since 2020"),
        ],
    )
    view = make_view(qtbot, data)
    assert view.range_start == date(2025, 5, 1)
    assert set(view.bar_rects) == {2}  # the one that ended long before is counted, not drawn
    assert view.hidden_count == 1
    assert view.bar_rects[2].left() == pytest.approx(view.lane_rects[2].left() + view._header_w, abs=1)


def test_gap_band_in_the_members_lane_with_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    gap = Gap(citizen_id=2, start=date(2026, 6, 1), end=date(2026, 7, 26), weeks=8)
    view = make_view(qtbot, family(), gaps=[gap])
    assert len(view.gap_rects) == 1
    found, rect = view.gap_rects[0]
    assert found == gap
    lane = view.lane_rects[2]
    assert lane.top() <= rect.top() and rect.bottom() <= lane.bottom()
    assert not rect.intersects(view.lane_rects[1])
    # Between the end of Oliver's first help and the start of the next.
    assert view.bar_rects[4].right() <= rect.left() + 1
    assert rect.right() < view.bar_rects[5].left()
    assert view.item_at(rect.center()) == ("gap", gap)
    tip = view.tooltip_at(rect.center())
    assert "8 week" in tip
    assert format_date(gap.start) in tip and format_date(gap.end) in tip


def test_gap_until_today(qtbot) -> None:  # type: ignore[no-untyped-def]
    gap = Gap(citizen_id=2, start=date(2026, 6, 1), end=None, weeks=25)
    view = make_view(qtbot, family(), gaps=[gap])
    _, rect = view.gap_rects[0]
    assert rect.right() == pytest.approx(view.today_x)
    assert "25 week" in view.tooltip_text("gap", gap)


def test_overlaps_are_marked_and_have_a_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = overview(
        [OLIVER],
        [
            intervention(1, 2, date(2026, 2, 1), date(2026, 12, 31), title="Kontaktperson"),
            intervention(2, 2, date(2026, 9, 1), None, title="Familiebehandling"),
            intervention(3, 2, date(2026, 1, 1), None, title="Støtte i klassen", sector=Sector.EDUCATION),
        ],
    )
    overlap = Overlap(2, 1, 2, "law:6", date(2026, 9, 1), date(2026, 12, 31))
    view = make_view(qtbot, data, overlaps=[overlap])
    assert view.overlap_ids == {1, 2}
    (found, band), *_ = view.overlap_rects
    assert found == overlap
    assert band.left() == pytest.approx(view.bar_rects[2].left(), abs=1)
    assert band.right() == pytest.approx(view.bar_rects[1].right(), abs=1.5)
    # Above the first bar, inside the band: the overlap itself.
    point = QPointF(band.center().x(), band.top() + 2)
    assert view.item_at(point) == ("overlap", overlap)
    tip = view.tooltip_at(point)
    assert "Kontaktperson" in tip and "Familiebehandling" in tip
    # On a bar: the bar, whose tooltip names the other one.
    bar_tip = view.tooltip_at(view.bar_rects[1].center())
    assert "Familiebehandling" in bar_tip


def test_intervention_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, family())
    hit = view.item_at(view.bar_rects[1].center())
    assert hit is not None and hit[0] == "intervention"
    tip = view.tooltip_at(view.bar_rects[1].center())
    for part in (
        "Kontanthjælp",
        "BL § 32, stk. 1",
        "Forebyggende foranstaltninger",
        "Mette Sørensen",
        "01.03.2026",
        "01.03.2027",
        "Barnets plan",
        "DUBU",
        "01.11.2026",
    ):
        assert part in tip, part
    assert view.item_at(QPointF(2, 2)) is None
    assert view.tooltip_at(QPointF(2, 2)) == ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen platform, tooltip window
def test_tooltip_event_shows_the_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, family())
    view.show()
    qtbot.waitExposed(view)
    centre = view.bar_rects[3].center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.mapToGlobal(centre))
    assert view.event(event)
    assert "Familiebehandling" in QToolTip.text()
    QToolTip.hideText()
    empty = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), view.mapToGlobal(QPoint(2, 2)))
    assert view.event(empty)


def test_size_grows_with_the_number_of_lanes(qtbot) -> None:  # type: ignore[no-untyped-def]
    small = make_view(qtbot, overview([OLIVER], [intervention(1, 2, date(2026, 1, 1), None)]))
    big = make_view(qtbot, family())
    assert big.minimumSizeHint().height() > small.minimumSizeHint().height()
    assert big.sizeHint().height() >= big.minimumSizeHint().height()
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    area.setWidget(big)
    area.resize(700, 150)
    area.show()
    qtbot.waitExposed(area)
    assert area.verticalScrollBar().maximum() > 0


def test_legend_names_the_sectors_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, family(), gaps=[Gap(2, date(2026, 6, 1), date(2026, 7, 26), 8)])
    sectors = {e.sector for e in view.legend_entries() if e.swatch.value == "sector"}
    assert sectors == {Sector.EMPLOYMENT, Sector.SOCIAL_CHILDREN, Sector.YOUTH}
    kinds = {e.swatch.value for e in view.legend_entries()}
    assert {"planned", "gap"} <= kinds and "overlap" not in kinds


def test_renders(qtbot) -> None:  # type: ignore[no-untyped-def]
    data = family()
    overlap = Overlap(1, 1, 2, "law:6", date(2026, 5, 1), date(2027, 3, 1))
    gap = Gap(2, date(2026, 6, 1), date(2026, 7, 26), 8)
    view = make_view(qtbot, data, overlaps=[overlap], gaps=[gap], width=1000)
    view.resize(1000, view.minimumSizeHint().height())
    pixmap = view.grab()
    assert not pixmap.isNull()
    assert pixmap.width() == 1000
    # The sector colour is painted where the bar is said to be (its accent strip).
    image = pixmap.toImage()
    bar = view.bar_rects[4]
    assert image.pixelColor(round(bar.left() + 2), round(bar.center().y())) == QColor(
        SECTOR_COLOURS[Sector.SOCIAL_CHILDREN]
    )


def test_empty_state(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, overview([LISE], []), width=500)
    assert view.bar_rects == {}
    assert view.minimumSizeHint().height() > 0
    assert not view.grab().isNull()
    view.clear()
    assert not view.grab().isNull()


def test_fill_placeholders_replaces_in_one_pass() -> None:
    assert fill_placeholders("%1 and %2", "a %2", "b") == "a %2 and b"
    assert fill_placeholders("%2 before %1", "x", "y") == "y before x"
