"""The week grid: the members' weekly slots side by side, and the collisions explained."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, QLocale, QPointF
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QToolTip

from app.models.enums import InterventionStatus, Relation, Sector
from app.services.family.family_overview import FamilyOverview, InterventionInfo, SlotInfo
from app.services.meetings.collisions import Collision, CollisionKind
from app.ui.common.painting import SECTOR_COLOURS, wrap_text
from app.ui.family.week_grid import WeekGrid
from app.ui.family.week_texts import collision_text, day_name, format_time
from tests.factories import holm_intervention as intervention
from tests.factories import holm_member as member
from tests.factories import make_overview as overview
from tests.factories import make_slot as slot

LISE, OLIVER, EMIL = member(1, "Lise", Relation.PARENT), member(2, "Oliver"), member(3, "Emil")
FREJA = member(4, "Freja")  # no slots: no sub-column


@pytest.fixture(autouse=True)
def english_locale(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


def with_slots(info: InterventionInfo, *slots: SlotInfo) -> InterventionInfo:
    from dataclasses import replace

    return replace(info, slots=tuple(slots))


PRAKTIK = with_slots(
    intervention(1, 1, date(2026, 5, 1), None, title="Virksomhedspraktik", sector=Sector.EMPLOYMENT),
    slot(1, 1, 1, 0, "08:00", "13:00"),
    slot(2, 1, 1, 3, "08:00", "15:00"),
)
KONTAKT = with_slots(
    intervention(2, 2, date(2026, 5, 1), None, title="Fast kontaktperson"),
    slot(3, 2, 2, 2, "15:00", "17:00"),
)
GRUPPE = with_slots(
    intervention(3, 3, date(2026, 3, 1), None, title="Samtalegruppe"),
    slot(4, 3, 3, 3, "14:00", "16:00", needs_parent=True),
)
KLASSE = with_slots(
    intervention(4, 3, date(2026, 8, 1), None, title="Støtte i klassen", sector=Sector.EDUCATION),
    slot(5, 4, 3, 0, "09:00", "11:00"),
)
ENDED = with_slots(
    intervention(
        5, 1, date(2026, 1, 1), date(2026, 4, 1), title="Afsluttet", status=InterventionStatus.ENDED
    ),
    slot(6, 5, 1, 1, "16:00", "18:00"),
)


def family(*extra: InterventionInfo) -> FamilyOverview:
    return overview([LISE, OLIVER, FREJA, EMIL], [PRAKTIK, KONTAKT, GRUPPE, KLASSE, ENDED, *extra])


PARENT_BUSY = Collision(
    kind=CollisionKind.PARENT_BUSY,
    weekday=3,
    start=time(14, 0),
    end=time(15, 0),
    citizen_id=3,
    slot=GRUPPE.slots[0],
    other_slot=PRAKTIK.slots[1],
    other_citizen_id=1,
)


def make_grid(qtbot, data: FamilyOverview, collisions=(), width: int = 1200) -> WeekGrid:  # type: ignore[no-untyped-def]
    grid = WeekGrid()
    qtbot.addWidget(grid)
    grid.resize(width, 500)
    grid.show_week(data, list(collisions))
    return grid


def test_one_rect_per_slot_in_its_day_and_member_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family())
    # The ended intervention's slot (6) is not in the week any more.
    assert set(grid.slot_rects) == {1, 2, 3, 4, 5}
    assert [m.first_name for m in grid.columns] == ["Lise", "Oliver", "Emil"]
    for info in (PRAKTIK, KONTAKT, GRUPPE, KLASSE):
        for s in info.slots:
            rect = grid.slot_rects[s.id]
            column = grid.member_rects[(s.weekday, s.citizen_id)]
            assert column.left() <= rect.left() and rect.right() <= column.right(), s
            assert grid.day_rects[s.weekday].contains(rect)
            assert rect.top() == pytest.approx(grid.y_for(s.start), abs=2)
            assert rect.bottom() == pytest.approx(grid.y_for(s.end), abs=2)
    # Sub-columns in family order within a day, days in order.
    monday = [grid.member_rects[(0, c)].left() for c in (1, 2, 3)]
    assert monday == sorted(monday)
    assert grid.day_rects[0].right() <= grid.day_rects[1].left() + 0.01
    rects = list(grid.slot_rects.values())
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_hours_from_seven_to_seventeen_at_least(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family())
    assert (grid.first_hour, grid.last_hour) == (7, 17)
    early = with_slots(
        intervention(9, 2, date(2026, 1, 1), None, title="Morgen"), slot(9, 9, 2, 4, "06:30", "19:15")
    )
    grid.show_week(family(early), [])
    assert (grid.first_hour, grid.last_hour) == (6, 20)


def test_weekend_hidden_without_weekend_slots(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family())
    assert grid.visible_days == [0, 1, 2, 3, 4]
    assert 5 not in grid.day_rects and 6 not in grid.day_rects
    saturday = with_slots(
        intervention(9, 2, date(2026, 1, 1), None, title="Håndbold"), slot(9, 9, 2, 5, "10:00", "12:00")
    )
    grid.show_week(family(saturday), [])
    assert grid.visible_days == [0, 1, 2, 3, 4, 5, 6]
    assert grid.day_rects[5].contains(grid.slot_rects[9])


def test_overlapping_slots_of_one_person_side_by_side(qtbot) -> None:  # type: ignore[no-untyped-def]
    extra = with_slots(
        intervention(9, 1, date(2026, 1, 1), None, title="Samtale"), slot(9, 9, 1, 0, "10:00", "11:00")
    )
    clash = Collision(
        CollisionKind.SAME_PERSON, 0, time(10), time(11), 1, PRAKTIK.slots[0], extra.slots[0], 1
    )
    grid = make_grid(qtbot, family(extra), [clash])
    first, second = grid.slot_rects[1], grid.slot_rects[9]
    assert not first.intersects(second)
    column = grid.member_rects[(0, 1)]
    assert column.contains(first) and column.contains(second)
    assert grid.collision_slot_ids == {1, 9}


def test_collision_slots_marked_and_explained(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family(), [PARENT_BUSY])
    assert grid.collision_slot_ids == {4, 2}
    (text,) = grid.collision_texts()
    assert (
        text
        == "Emil needs a parent present for Samtalegruppe on Thursday 14.00–15.00, but Lise is busy with Virksomhedspraktik."
    )
    assert any(e.swatch.value == "collision" for e in grid.legend_entries())
    # The sentence is shown under the grid, and in the tooltips of both slots.
    assert grid.minimumSizeHint().height() > make_grid(qtbot, family()).minimumSizeHint().height()
    assert "Lise is busy" in grid.tooltip_at(grid.slot_rects[2].center())
    assert "Lise is busy" in grid.tooltip_at(grid.slot_rects[4].center())
    assert "Lise is busy" not in grid.tooltip_at(grid.slot_rects[5].center())


def test_collision_list_can_be_left_to_the_caller(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family(), [PARENT_BUSY])
    with_list = grid.minimumSizeHint().height()
    grid.set_collision_list_visible(False)
    assert grid.minimumSizeHint().height() < with_list
    assert grid.collision_texts() and grid.collision_slot_ids == {2, 4}
    quiet = WeekGrid(show_collision_list=False)
    qtbot.addWidget(quiet)
    quiet.show_week(family(), [PARENT_BUSY])
    assert quiet.minimumSizeHint().height() == grid.minimumSizeHint().height()


def test_same_person_collision_text() -> None:
    extra = with_slots(
        intervention(9, 1, date(2026, 1, 1), None, title="Samtale"), slot(9, 9, 1, 0, "10:00", "11:30")
    )
    clash = Collision(
        CollisionKind.SAME_PERSON, 0, time(10), time(11, 30), 1, PRAKTIK.slots[0], extra.slots[0], 1
    )
    text = collision_text(clash, family(extra))
    assert (
        text == "Lise has two things at the same time on Monday 10.00–11.30: Virksomhedspraktik and Samtale."
    )


def test_collision_text_in_danish_day_names() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    assert day_name(0) == "mandag"
    text = collision_text(PARENT_BUSY, family())
    assert "torsdag 14.00–15.00" in text
    assert "Emil" in text and "Lise" in text


def test_slot_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family())
    tip = grid.tooltip_at(grid.slot_rects[4].center())
    for part in (
        "Samtalegruppe",
        "Emil Holm",
        "Thursday 14.00–16.00",
        "BL § 32, stk. 1",
        "A parent must be present",
    ):
        assert part in tip, part
    assert "A parent must be present" not in grid.tooltip_at(grid.slot_rects[5].center())
    assert grid.slot_at(QPointF(1, 1)) is None
    assert grid.tooltip_at(QPointF(1, 1)) == ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen platform, tooltip window
def test_tooltip_event(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family())
    grid.show()
    qtbot.waitExposed(grid)
    centre = grid.slot_rects[3].center().toPoint()
    assert grid.event(QHelpEvent(QEvent.Type.ToolTip, centre, grid.mapToGlobal(centre)))
    assert "Fast kontaktperson" in QToolTip.text()
    QToolTip.hideText()


def test_renders(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, family(), [PARENT_BUSY], width=1100)
    grid.resize(max(1100, grid.minimumSizeHint().width()), grid.minimumSizeHint().height())
    pixmap = grid.grab()
    assert not pixmap.isNull()
    image = pixmap.toImage()
    rect = grid.slot_rects[5]  # Emil's school, Monday: its sector colour strip on the left edge
    assert image.pixelColor(round(rect.left() + 1), round(rect.center().y())) == QColor(
        SECTOR_COLOURS[Sector.EDUCATION]
    )


def test_empty_week(qtbot) -> None:  # type: ignore[no-untyped-def]
    grid = make_grid(qtbot, overview([LISE], [ENDED]), width=600)
    assert grid.slot_rects == {}
    assert grid.collision_texts() == []
    assert not grid.grab().isNull()
    grid.clear()
    assert not grid.grab().isNull()


def test_formatting_helpers(qapp) -> None:  # type: ignore[no-untyped-def]
    assert format_time(time(9, 5)) == "09.05"
    from PySide6.QtGui import QFont, QFontMetricsF

    fm = QFontMetricsF(QFont())
    lines = wrap_text("Virksomhedspraktik på plejecenter Bøgely", fm, fm.horizontalAdvance("Virksomhed"), 3)
    assert 1 < len(lines) <= 3
    assert all(fm.horizontalAdvance(line) <= fm.horizontalAdvance("Virksomhed") + 0.5 for line in lines)
    assert wrap_text("Kort", fm, 200, 2) == ["Kort"]
    assert wrap_text("Kort", fm, 200, 0) == []
