"""The timeline and the family's week by keyboard and screen reader: the arrow keys move the
chosen item, its summary is the view's accessible description (announced), Enter opens what a
double-click opens, and the list alternative holds exactly the items the view draws."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QWidget

from app.models.enums import InterventionStatus, Relation, Sector
from app.services.family.family_overview import FamilyOverview, InterventionInfo
from app.services.family.timeline import Gap, Overlap, find_gaps, find_overlaps
from app.services.meetings.collisions import find_collisions
from app.ui.common import chosen_item
from app.ui.common.list_alternative import ListAlternative
from app.ui.family.timeline_view import TimelineView
from app.ui.family.view_lists import timeline_rows, week_rows, with_list
from app.ui.family.week_grid import WeekGrid
from tests.factories import holm_intervention as intervention
from tests.factories import holm_member as member
from tests.factories import make_overview as overview
from tests.factories import make_slot as slot

TODAY = date(2026, 11, 24)
LISE, OLIVER, EMIL = member(1, "Lise", Relation.PARENT), member(2, "Oliver"), member(3, "Emil")
KEYS = {
    "right": Qt.Key.Key_Right,
    "left": Qt.Key.Key_Left,
    "down": Qt.Key.Key_Down,
    "up": Qt.Key.Key_Up,
    "home": Qt.Key.Key_Home,
    "end": Qt.Key.Key_End,
}
STEP = {"right": 1, "down": 1, "left": -1, "up": -1}


@pytest.fixture(autouse=True)
def english_locale(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


def family() -> FamilyOverview:
    return overview(
        [LISE, OLIVER, EMIL],
        [
            intervention(
                1,
                1,
                date(2026, 3, 1),
                date(2027, 3, 1),
                title="Kontanthjælp",
                sector=Sector.EMPLOYMENT,
                slots=(slot(1, 1, 1, 0, "09:00", "12:00"),),
            ),
            intervention(
                2,
                1,
                date(2026, 5, 1),
                None,
                title="Virksomhedspraktik",
                sector=Sector.EMPLOYMENT,
                slots=(slot(2, 2, 1, 0, "10:00", "11:00"), slot(3, 2, 1, 3, "08:00", "15:00")),
            ),
            intervention(
                4,
                2,
                date(2026, 2, 1),
                date(2026, 5, 31),
                title="Kontaktperson",
                slots=(slot(4, 4, 2, 0, "10:00", "11:00", needs_parent=True),),
            ),
            intervention(
                5,
                2,
                date(2026, 8, 1),
                date(2027, 4, 30),
                title="Mentor",
                sector=Sector.YOUTH,
                status=InterventionStatus.PLANNED,
                slots=(slot(5, 5, 2, 2, "15:00", "17:00"),),
            ),
            intervention(6, 3, date(2026, 1, 5), date(2026, 6, 30), title="Støtte i klassen"),
        ],
    )


def timeline(qtbot, data: FamilyOverview) -> tuple[TimelineView, ListAlternative]:  # type: ignore[no-untyped-def]
    view = TimelineView()
    panel = with_list(view)
    qtbot.addWidget(panel)
    panel.resize(1100, 450)
    view.show_timeline(data, TODAY, list(find_overlaps(data)), list(find_gaps(data, TODAY)))
    return view, panel


def week(qtbot, data: FamilyOverview) -> tuple[WeekGrid, ListAlternative]:  # type: ignore[no-untyped-def]
    view = WeekGrid(show_collision_list=False)
    panel = with_list(view)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    view.show_week(data, list(find_collisions(data)))
    return view, panel


BUILDERS = {"timeline": timeline, "week": week}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_the_arrows_walk_every_item_in_order_and_describe_it(qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    view, _panel = BUILDERS[kind](qtbot, family())
    order = view.item_keys()
    assert len(order) >= 5 and len(set(order)) == len(order)
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus and view.accessibleName()
    assert "arrow keys" in view.accessibleDescription()  # nothing chosen: how to move about
    seen = []
    for _ in order:
        qtbot.keyClick(view, Qt.Key.Key_Right)
        seen.append(view.choice.key)
        assert view.accessibleDescription() == view.item_summary(view.choice.key)
        assert view.item_rect(view.choice.key) is not None
    assert seen == order
    qtbot.keyClick(view, Qt.Key.Key_Right)  # at the end it stays
    assert view.choice.key == order[-1]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.choice.key == order[0]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.choice.key is None and "arrow keys" in view.accessibleDescription()


def test_the_summaries_say_who_what_and_when(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, _panel = timeline(qtbot, family())
    text = view.item_summary(("intervention", 2))
    assert text.startswith("Lise Holm: Virksomhedspraktik")
    assert "01.05.2026" in text and "No end date" in text and "Running" in text
    assert "Same kind of help at the same time as: Kontanthjælp" in text  # the overlap, in words
    gap = next(key for key in view.item_keys() if key[0] == "gap")  # type: ignore[index]
    assert "No help for" in view.item_summary(gap)
    grid, _panel = week(qtbot, family())
    said = grid.item_summary(4)
    assert said.startswith("Monday 10.00–11.00, Oliver Holm: Kontaktperson")
    assert "A parent must be present." in said and "busy with" in said


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(presses=st.lists(st.sampled_from(sorted(KEYS)), max_size=25), kind=st.sampled_from(sorted(BUILDERS)))
def test_any_key_sequence_moves_like_a_clamped_cursor(qtbot, presses: list[str], kind: str) -> None:  # type: ignore[no-untyped-def]
    view, _panel = BUILDERS[kind](qtbot, family())
    order = view.item_keys()
    index: int | None = None
    for name in presses:
        qtbot.keyClick(view, KEYS[name])
        if name == "home":
            index = 0
        elif name == "end":
            index = len(order) - 1
        elif index is None:
            index = 0 if STEP[name] > 0 else len(order) - 1
        else:
            index = min(len(order) - 1, max(0, index + STEP[name]))
        assert view.choice.key == order[index]
        assert view.accessibleDescription() == view.item_summary(order[index])


def test_a_change_of_choice_is_announced(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sent: list[tuple[QWidget, object]] = []

    class Recorder:
        Event = chosen_item.QAccessible.Event

        @staticmethod
        def updateAccessibility(event) -> None:  # type: ignore[no-untyped-def]
            sent.append((event.object(), event.type()))

    monkeypatch.setattr(chosen_item, "QAccessible", Recorder)
    view, _panel = timeline(qtbot, family())
    sent.clear()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (view, chosen_item.QAccessible.Event.DescriptionChanged) in sent
    sent.clear()
    view.choice.refresh()  # nothing new to say: nothing sent
    assert sent == []


def _double_click(qtbot, view: QWidget, key: Hashable) -> None:  # type: ignore[no-untyped-def]
    rect = view.item_rect(key)  # type: ignore[attr-defined]
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_enter_opens_what_a_double_click_opens(qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    view, panel = BUILDERS[kind](qtbot, family())
    opened: list[int] = []
    view.intervention_activated.connect(opened.append)
    bars = [k for k in view.item_keys() if not (isinstance(k, tuple) and k[0] == "gap")]
    for key in bars:
        view.choice.choose(key)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        _double_click(qtbot, view, key)
        assert view.choice.key == key
        assert len(opened) == 2 and opened[0] == opened[1], (key, opened)
        expected = key[1] if kind == "timeline" else view.block_of(key).info.id  # type: ignore[index, union-attr]
        assert opened[0] == expected
        panel.show_list(True)  # Enter in the list opens the same
        panel.table.setFocus()
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
        assert opened[2:] == [expected]
        panel.show_list(False)
        opened.clear()


def test_a_gap_opens_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, _panel = timeline(qtbot, family())
    opened: list[int] = []
    view.intervention_activated.connect(opened.append)
    gap = next(k for k in view.item_keys() if k[0] == "gap")  # type: ignore[index]
    view.choice.choose(gap)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == []


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_the_list_holds_exactly_what_the_view_draws(qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    view, panel = BUILDERS[kind](qtbot, family())
    panel.show_list(True)
    assert panel.showing_list and panel.table.accessibleName()
    assert panel.keys() == view.item_keys()  # the view's order until a column is sorted
    if kind == "timeline":
        drawn = {("intervention", i) for i in view.bar_rects} | {("gap", g) for g, _ in view.gap_rects}
        rows = timeline_rows(view)
    else:
        drawn = set(view.slot_rects)
        rows = week_rows(view)
    assert set(panel.keys()) == drawn
    headers = panel.table.columnCount()
    for index, row in enumerate(rows):
        item = panel.table.topLevelItem(index)
        assert [item.text(c) for c in range(headers)] == list(row.texts)
    for column in range(headers):  # sorting reorders the rows, never adds or drops one
        panel.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        assert sorted(map(repr, panel.keys())) == sorted(map(repr, drawn))


def test_timeline_rows_carry_the_facts(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, _panel = timeline(qtbot, family())
    rows = {row.key: row.texts for row in timeline_rows(view)}
    assert rows[("intervention", 5)] == (
        "Oliver Holm",
        "Mentor",
        "BL § 32, stk. 1",
        "01.08.2026",
        "30.04.2027",
        "Planned",
        "",
    )
    assert rows[("intervention", 2)][4] == "No end date"
    assert rows[("intervention", 1)][6] == "Same kind of help at the same time as: Virksomhedspraktik."


def test_the_date_columns_sort_by_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    _view, panel = timeline(qtbot, family())
    panel.show_list(True)
    panel.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    starts = [panel.table.topLevelItem(i).text(3) for i in range(panel.table.topLevelItemCount())]
    as_dates = [date(int(s[6:]), int(s[3:5]), int(s[:2])) for s in starts]
    assert as_dates == sorted(as_dates) and len(set(starts)) > 2


def test_the_choice_follows_between_the_view_and_the_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, panel = week(qtbot, family())
    view.choice.choose(view.item_keys()[2])
    panel.show_list(True)
    assert panel.table.currentItem().data(0, Qt.ItemDataRole.UserRole) == view.item_keys()[2]
    panel.table.setCurrentItem(panel.table.topLevelItem(4))
    panel.show_list(False)
    assert view.choice.key == view.item_keys()[4]
    assert view.accessibleDescription() == view.item_summary(view.item_keys()[4])


def test_new_data_refills_the_list_and_drops_a_choice_gone(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, panel = timeline(qtbot, family())
    panel.show_list(True)
    view.choice.choose(("intervention", 6))
    fewer = replace(family(), interventions=tuple(i for i in family().interventions if i.id != 6))
    view.show_timeline(fewer, TODAY, [], [])
    assert view.choice.key is None
    assert panel.keys() == view.item_keys() and ("intervention", 6) not in view.item_keys()


def test_a_click_chooses_and_focus_by_tab_chooses_the_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    view, panel = timeline(qtbot, family())
    panel.show()
    qtbot.waitExposed(panel)
    rect = view.item_rect(("intervention", 4))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.choice.key == ("intervention", 4)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # empty space
    assert view.choice.key is None
    panel.toggle.setFocus()
    panel.toggle.clearFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    assert view.choice.key == view.item_keys()[0]


def _long_family(count: int) -> FamilyOverview:
    infos: list[InterventionInfo] = [
        intervention(i, 1 + i % 3, TODAY - timedelta(days=30 * i), None, title=f"Hjælp {i}")
        for i in range(1, count + 1)
    ]
    return overview([LISE, OLIVER, EMIL], infos)


@pytest.mark.parametrize("count", [1, 7, 20])
def test_overlaps_and_gaps_do_not_break_the_path(qtbot, count: int) -> None:  # type: ignore[no-untyped-def]
    data = _long_family(count)
    view = TimelineView()
    qtbot.addWidget(view)
    overlap = Overlap(1, 1, 2, "x", TODAY, None) if count > 1 else None
    view.show_timeline(data, TODAY, [overlap] if overlap else [], [Gap(2, TODAY, None, 1)])
    keys = view.item_keys()
    assert len(keys) == len(view.bar_rects) + len(view.gap_rects)
    for key in keys:
        view.choice.choose(key)
        assert view.choice.key == key and view.accessibleDescription()


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_the_chosen_item_has_a_visible_mark(qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    view, panel = BUILDERS[kind](qtbot, family())
    panel.show()
    qtbot.waitExposed(panel)
    key = view.item_keys()[1]
    rect = view.item_rect(key)
    ring = QPoint(round(rect.left() - 3), round(rect.center().y()))  # where the ring's left edge runs
    highlight = view.palette().highlight().color()

    def off_highlight() -> int:  # how far the ring's pixel is from the highlight colour
        seen = view.grab().toImage().pixelColor(ring)
        return max(
            abs(seen.red() - highlight.red()),
            abs(seen.green() - highlight.green()),
            abs(seen.blue() - highlight.blue()),
        )

    assert off_highlight() > 60
    view.choice.choose(key)
    assert off_highlight() < 30


def test_enter_on_the_family_page_opens_the_intervention(
    qtbot, sqlite_context, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.services.common.clock import local_today
    from app.services.demo.demo import generate_demo
    from app.ui.family import family_page
    from app.ui.family.family_page import TAB_TIMELINE, TAB_WEEK
    from tests.ui.family.family_pages import case_titled, open_family_page

    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=1, seed=5, today=local_today(), my_login="tester")
    asked: list[int] = []
    monkeypatch.setattr(
        family_page.InterventionDialog, "ask", lambda _c, _l, _o, info, *_a: asked.append(info.id) or None
    )
    page = open_family_page(
        qtbot, sqlite_context, settings, case_titled(sqlite_context, "Familien Holm Jensen"), TAB_TIMELINE
    )
    view = page.timeline
    assert page.timeline_panel.isVisible() and view.item_keys()
    bar = next(k for k in view.item_keys() if k[0] == "intervention")  # type: ignore[index]
    view.choice.choose(bar)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    _double_click(qtbot, view, bar)
    assert asked == [bar[1], bar[1]]  # type: ignore[index]
    page.tabs.setCurrentIndex(TAB_WEEK)
    asked.clear()
    first = page.week.item_keys()[0]
    page.week.choice.choose(first)
    qtbot.keyClick(page.week, Qt.Key.Key_Enter)
    assert asked == [page.week.block_of(first).info.id]  # type: ignore[union-attr, arg-type]
