"""The calendar's week and month views: where meetings land, holidays, today, mouse and keys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app.models.enums import MeetingKind, MeetingStatus
from app.services.common.clock import LOCAL_TZ
from app.services.meetings.meetings import MeetingInfo, ParticipantInfo
from app.ui.calendar.calendar_views import (
    KIND_COLOURS,
    MonthView,
    WeekView,
    kind_fill,
    meeting_tooltip,
    time_range_text,
)
from app.ui.common.labels import label
from app.ui.common.painting import TODAY_BLUE

# Runs on the suite's fixed day and again on the edge days (tests/conftest.py).
pytestmark = pytest.mark.any_day

MONDAY = date(2026, 11, 23)  # week 48
TUESDAY = date(2026, 11, 24)
CHRISTMAS = {
    date(2026, 12, 24): "Juleaftensdag",
    date(2026, 12, 25): "Juledag",
    date(2026, 12, 26): "Anden juledag",
}


@pytest.fixture(autouse=True)
def english_locale(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
    yield
    QLocale.setDefault(before)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ)


def meeting(
    meeting_id: int,
    start: datetime,
    minutes: int = 60,
    *,
    kind: MeetingKind = MeetingKind.NETWORK,
    status: MeetingStatus = MeetingStatus.PLANNED,
    title: str = "Familien Holm",
    written: str = "",
    place: str = "Rådhuset, mødelokale 3",
    people: int = 3,
) -> MeetingInfo:
    participants = tuple(ParticipantInfo(f"citizen:{i}", f"Person {i}", "", "family") for i in range(people))
    return MeetingInfo(
        id=meeting_id,
        case_id=1,
        case_number="2026-0042",
        case_title=title,
        kind=kind,
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        place=place,
        video_link="",
        status=status,
        interpreter_needed=False,
        agenda="",
        minutes=written,
        ical_uid=f"uid-{meeting_id}",
        ical_sequence=0,
        participants=participants,
        version=1,
        coordinator_id=1,
        coordinator_name="Anne Koordinator",
        coordinator_email="anne@example.dk",
    )


def make_week(  # type: ignore[no-untyped-def]
    qtbot,
    meetings=(),
    holidays=None,
    today: date = TUESDAY,
    monday: date = MONDAY,
    now: datetime | None = None,
) -> WeekView:
    view = WeekView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show_week(monday, list(meetings), dict(holidays or {}), today, now=now)
    view.show()
    qtbot.waitExposed(view)
    return view


def make_month(qtbot, meetings=(), holidays=None, today: date = date(2026, 12, 3)) -> MonthView:  # type: ignore[no-untyped-def]
    view = MonthView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show_month(2026, 12, list(meetings), dict(CHRISTMAS if holidays is None else holidays), today)
    view.show()
    qtbot.waitExposed(view)
    return view


class RecordingPainter(QPainter):
    """A painter on an image that also notes each text drawn in a box: (text, box, pen colour)."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[tuple[str, QRectF, str]] = []

    def drawText(self, *args: object) -> None:  # type: ignore[override]
        if len(args) == 3 and isinstance(args[0], QRectF) and isinstance(args[2], str):
            self.texts.append((args[2], QRectF(args[0]), self.pen().color().name()))
        super().drawText(*args)  # type: ignore[call-overload]


def painted_texts(view) -> list[tuple[str, QRectF, str]]:  # type: ignore[no-untyped-def]
    """What the view's own painting code draws as text, and where, when it paints the whole view."""
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    try:
        view._paint(painter, QRectF(view.rect()))
    finally:
        painter.end()
    return [t for t in painter.texts if t[0]]


def point(p: QPointF) -> QPoint:
    return p.toPoint()


def pixel(view, p: QPointF) -> QColor:  # type: ignore[no-untyped-def]
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    return QColor(image.pixel(round(p.x() * ratio), round(p.y() * ratio)))


# -- the week ---------------------------------------------------------------------------------


def test_meeting_lands_in_its_day_at_its_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(TUESDAY, 9), 90)])
    rect = view.meeting_rects[1]
    assert view.grid_rects[TUESDAY].contains(rect)
    assert not view.grid_rects[MONDAY].intersects(rect)
    assert rect.top() == pytest.approx(view.y_for_minutes(9 * 60), abs=2)
    assert rect.bottom() == pytest.approx(view.y_for_minutes(10 * 60 + 30), abs=2)
    moment = view.time_at(rect.center())
    assert moment is not None and moment.date() == TUESDAY
    assert at(TUESDAY, 9) <= moment <= at(TUESDAY, 10, 30)
    assert view.hit_test(rect.center()) == 1
    assert view.hit_test(view.grid_rects[MONDAY].center()) is None
    assert view.time_at(QPointF(2, 2)) is None


def test_days_and_hours(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(TUESDAY, 9))])
    assert view.days == [MONDAY + timedelta(days=i) for i in range(5)]
    assert (view.first_hour, view.last_hour) == (7, 18)
    lefts = [view.day_rects[d].left() for d in view.days]
    assert lefts == sorted(lefts)
    view.show_week(MONDAY, [meeting(2, at(TUESDAY, 6, 30), 30), meeting(3, at(MONDAY, 18), 75)], {}, TUESDAY)
    assert (view.first_hour, view.last_hour) == (6, 20)


def test_meetings_outside_the_week_are_left_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(MONDAY - timedelta(days=1), 10)), meeting(2, at(MONDAY, 10))])
    assert set(view.meeting_rects) == {2}


def test_overlapping_meetings_side_by_side(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(
        qtbot,
        [
            meeting(1, at(MONDAY, 9), 90),
            meeting(2, at(MONDAY, 10), 60, kind=MeetingKind.FOLLOW_UP),
            meeting(3, at(MONDAY, 10, 30), 60),
            meeting(4, at(MONDAY, 13), 15),  # short: still one line high
            meeting(5, at(MONDAY, 13, 15), 30),
        ],
    )
    rects = [view.meeting_rects[i] for i in range(1, 6)]
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert all(view.grid_rects[MONDAY].contains(r) for r in rects)
    # 1 and 2 overlap: side by side; 3 reuses the lane of 1, which has ended.
    assert view.meeting_rects[1].left() < view.meeting_rects[2].left()
    assert view.meeting_rects[3].left() == pytest.approx(view.meeting_rects[1].left())


def test_today_column_and_now_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, today=TUESDAY, now=at(TUESDAY, 11, 20))
    assert view.now_line_y == pytest.approx(view.y_for_minutes(11 * 60 + 20))
    empty = QPointF(0, view.y_for_minutes(16 * 60 + 10))
    today = pixel(view, QPointF(view.grid_rects[TUESDAY].center().x(), empty.y()))
    other = pixel(view, QPointF(view.grid_rects[MONDAY].center().x(), empty.y()))
    assert today != other
    assert today.blue() > today.red()  # a blue tint
    # Another week: no now line.
    view.show_week(MONDAY + timedelta(days=7), [], {}, TUESDAY, now=at(TUESDAY, 11, 20))
    assert view.now_line_y is None


def test_holiday_named_in_the_header_and_shaded(qtbot) -> None:  # type: ignore[no-untyped-def]
    monday = date(2026, 12, 21)
    view = make_week(qtbot, holidays=CHRISTMAS, monday=monday, today=monday)
    assert view.header_text(date(2026, 12, 24)) == "Thursday 24.12.\nJuleaftensdag"
    assert view.header_text(date(2026, 12, 23)) == "Wednesday 23.12."
    y = view.y_for_minutes(16 * 60 + 40)
    holiday = pixel(view, QPointF(view.grid_rects[date(2026, 12, 25)].center().x() + 3, y))
    working = pixel(view, QPointF(view.grid_rects[date(2026, 12, 23)].center().x(), y))
    assert holiday != working
    assert "Juledag" in view.tooltip_at(view.header_rects[date(2026, 12, 25)].center())


def test_danish_day_names_in_the_header(qtbot) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    view = make_week(qtbot)
    assert view.header_text(TUESDAY) == "tirsdag 24.11."


def test_weekend_only_when_a_meeting_falls_there(qtbot) -> None:  # type: ignore[no-untyped-def]
    saturday = MONDAY + timedelta(days=5)
    view = make_week(qtbot, [meeting(1, at(TUESDAY, 9))])
    assert saturday not in view.day_rects
    view.show_week(MONDAY, [meeting(1, at(TUESDAY, 9)), meeting(2, at(saturday, 10))], {}, TUESDAY)
    assert saturday in view.day_rects and len(view.days) == 7
    assert view.grid_rects[saturday].contains(view.meeting_rects[2])


def test_iso_week_number(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot)
    assert view.week_text == "Week 48"
    view.show_week(date(2026, 12, 30), [], {}, TUESDAY)  # any day: its Monday is used
    assert view.monday == date(2026, 12, 28)
    assert view.week_text == "Week 53"
    view.show_week(date(2027, 1, 4), [], {}, TUESDAY)
    assert view.week_text == "Week 1"


def test_click_activates_a_meeting(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(7, at(TUESDAY, 9), 90), meeting(8, at(MONDAY, 13))])
    with qtbot.waitSignal(view.meeting_activated) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point(view.meeting_rects[7].center()))
    assert blocker.args == [7]
    assert view.selected_meeting_id == 7


def test_double_click_on_empty_space_asks_for_a_new_meeting(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(TUESDAY, 9))])
    column = view.grid_rects[MONDAY]
    pos = QPointF(column.center().x(), view.y_for_minutes(14 * 60 + 50))
    with (
        qtbot.waitSignal(view.slot_activated) as slot,
        qtbot.waitSignal(view.day_activated) as day,
        qtbot.assertNotEmitted(view.meeting_activated),
    ):
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=point(pos))
    assert slot.args == [at(MONDAY, 14, 30)]
    assert day.args == [MONDAY]
    with qtbot.waitSignal(view.day_activated) as header:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=point(view.header_rects[TUESDAY].center()))
    assert header.args == [TUESDAY]


def drag(qtbot, view: WeekView, start: QPointF, end: QPointF) -> None:  # type: ignore[no-untyped-def]
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(start))
    middle = (start + end) / 2
    qtbot.mouseMove(view, pos=point(middle))
    qtbot.mouseMove(view, pos=point(end))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(end))


def test_drag_a_planned_meeting_one_day_later(qtbot) -> None:  # type: ignore[no-untyped-def]
    start = at(MONDAY, 10)
    view = make_week(qtbot, [meeting(1, start, 60)])
    rect = view.meeting_rects[1]
    grab = QPointF(rect.center().x(), rect.top() + 10)
    step = view.grid_rects[TUESDAY].left() - view.grid_rects[MONDAY].left()
    with (
        qtbot.waitSignal(view.meeting_moved) as moved,
        qtbot.assertNotEmitted(view.meeting_activated),
    ):
        drag(qtbot, view, grab, grab + QPointF(step, 0))
    assert moved.args == [1, start + timedelta(days=1)]
    assert moved.args[1].tzinfo is not None
    assert view.ghost_rect is None


def test_drag_snaps_to_a_quarter_of_an_hour(qtbot) -> None:  # type: ignore[no-untyped-def]
    start = at(MONDAY, 10)
    view = make_week(qtbot, [meeting(1, start, 60)])
    rect = view.meeting_rects[1]
    grab = QPointF(rect.center().x(), rect.top() + 10)
    down = view.y_for_minutes(11 * 60 + 50) - view.y_for_minutes(10 * 60)  # 1 h 50 min
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(grab))
    qtbot.mouseMove(view, pos=point(grab + QPointF(0, down)))
    assert view.ghost_start == at(MONDAY, 11, 45)
    assert view.ghost_rect is not None and view.grid_rects[MONDAY].contains(view.ghost_rect)
    with qtbot.waitSignal(view.meeting_moved) as moved:
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(grab + QPointF(0, down)))
    assert moved.args == [1, at(MONDAY, 11, 45)]


def test_dragging_a_held_or_cancelled_meeting_does_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    held = meeting(1, at(MONDAY, 10), status=MeetingStatus.HELD, written="Aftalt")
    cancelled = meeting(2, at(MONDAY, 14), status=MeetingStatus.CANCELLED)
    view = make_week(qtbot, [held, cancelled])
    step = view.grid_rects[TUESDAY].left() - view.grid_rects[MONDAY].left()
    for meeting_id in (1, 2):
        grab = view.meeting_rects[meeting_id].center()
        with qtbot.assertNotEmitted(view.meeting_moved):
            drag(qtbot, view, grab, grab + QPointF(step, 0))
        assert view.ghost_rect is None


def test_drop_outside_the_grid_or_in_place_does_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(MONDAY, 10))])
    grab = view.meeting_rects[1].center()
    with qtbot.assertNotEmitted(view.meeting_moved):
        drag(qtbot, view, grab, QPointF(3, grab.y()))  # onto the hour labels
        drag(qtbot, view, grab, QPointF(grab.x(), 5))  # onto the header
        # Away and back: the same place.
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(grab))
        qtbot.mouseMove(view, pos=point(grab + QPointF(0, 40)))
        assert view.ghost_start is not None and view.ghost_start != at(MONDAY, 10)
        qtbot.mouseMove(view, pos=point(grab))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(grab))
    # A drag cancelled with Escape does nothing either.
    step = view.grid_rects[TUESDAY].left() - view.grid_rects[MONDAY].left()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=point(grab))
    qtbot.mouseMove(view, pos=point(grab + QPointF(step, 0)))
    assert view.ghost_rect is not None
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.ghost_rect is None
    with qtbot.assertNotEmitted(view.meeting_moved):
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=point(grab + QPointF(step, 0)))


def test_keyboard_navigates_weeks(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot)
    view.setFocus()
    for key, expected in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Home, 0)):
        with qtbot.waitSignal(view.navigate) as blocker:
            qtbot.keyClick(view, key)
        assert blocker.args == [expected]


def test_keyboard_walks_through_the_meetings_in_time_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(
        qtbot,
        [meeting(3, at(TUESDAY, 9)), meeting(1, at(MONDAY, 15)), meeting(2, at(MONDAY, 8))],
    )
    assert view.ordered_meeting_ids() == [2, 1, 3]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_meeting_id == 2
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_meeting_id == 3
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected_meeting_id == 1
    with qtbot.waitSignal(view.meeting_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [1]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected_meeting_id == 3
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.selected_meeting_id == 1


def test_tab_walks_through_the_meetings_and_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    before, view, after = QLineEdit(), WeekView(), QLineEdit()
    layout = QVBoxLayout(window)
    for widget in (before, view, after):
        layout.addWidget(widget)
    view.show_week(MONDAY, [meeting(1, at(MONDAY, 9)), meeting(2, at(TUESDAY, 9))], {}, TUESDAY)
    window.resize(1000, 800)
    window.show()
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert view.hasFocus() and view.selected_meeting_id == 1
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected_meeting_id == 2
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert after.hasFocus() and view.selected_meeting_id is None
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert view.hasFocus() and view.selected_meeting_id == 2


def test_meeting_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(TUESDAY, 9), 90, people=4)])
    tip = view.tooltip_at(view.meeting_rects[1].center())
    for part in (
        "Network meeting",
        "2026-0042",
        "Familien Holm",
        "09.00–10.30",
        "Rådhuset",
        "Participants: 4",
    ):
        assert part in tip, part
    assert view.tooltip_at(view.grid_rects[MONDAY].center()) == ""


def test_held_without_minutes_is_marked(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(
        qtbot,
        [
            meeting(1, at(MONDAY, 9), status=MeetingStatus.HELD),
            meeting(2, at(MONDAY, 13), status=MeetingStatus.HELD, written="Aftalt: ny plan"),
        ],
    )
    assert set(view.badge_rects) == {1}
    assert view.meeting_rects[1].contains(view.badge_rects[1])
    assert view.tooltip_at(view.badge_rects[1].center()) == "Held, but no minutes yet"
    assert "Held, but no minutes yet" in meeting_tooltip(view.meetings[0])


def test_week_renders(qtbot) -> None:  # type: ignore[no-untyped-def]
    friday = MONDAY + timedelta(days=4)
    meetings = [
        meeting(1, at(MONDAY, 9), 90),
        meeting(2, at(MONDAY, 10), 60, kind=MeetingKind.FOLLOW_UP, title="Familien Jensen-Østergaard"),
        meeting(3, at(TUESDAY, 13), kind=MeetingKind.STATUS, status=MeetingStatus.HELD),
        meeting(
            4, at(MONDAY + timedelta(days=3), 8), 30, kind=MeetingKind.START, status=MeetingStatus.CANCELLED
        ),
        meeting(5, at(friday, 14, 15), 120, kind=MeetingKind.CLOSING),
        meeting(6, at(friday, 9), 15),
    ]
    view = make_week(qtbot, meetings, {MONDAY + timedelta(days=2): "Testdag"}, now=at(TUESDAY, 11, 20))
    view.resize(1366, 700)
    qtbot.waitUntil(lambda: view.width() == 1366)
    view.select_meeting(5)
    whole = QRectF(view.rect())

    # All five weekdays, Friday too, side by side and wholly inside the view.
    assert view.days == [MONDAY + timedelta(days=i) for i in range(5)]
    for day in view.days:
        assert whole.contains(view.day_rects[day]), day
    lefts = [view.day_rects[d].left() for d in view.days]
    assert lefts == sorted(lefts)

    # Each meeting's block in its own day's column, from its start to its end.
    for m in meetings:
        rect, day = view.meeting_rects[m.id], m.starts_at.date()
        assert view.grid_rects[day].contains(rect), m.id
        assert all(not view.grid_rects[d].intersects(rect) for d in view.days if d != day), m.id
        start = m.starts_at.hour * 60 + m.starts_at.minute
        assert rect.top() == pytest.approx(view.y_for_minutes(start), abs=2), m.id
        if m.id != 6:  # a quarter of an hour is drawn one line high
            end = m.ends_at.hour * 60 + m.ends_at.minute
            assert rect.bottom() == pytest.approx(view.y_for_minutes(end), abs=2), m.id
    # Two meetings at once on Monday share the column side by side.
    assert view.meeting_rects[1].right() <= view.meeting_rects[2].left() + 1

    # The texts: every block says its kind, then where there is room its times and its case's title.
    texts = painted_texts(view)
    for m in meetings:
        inside = [t for t, r, _ in texts if view.meeting_rects[m.id].contains(r.center())]
        assert any(label(m.kind) in t for t in inside), (m.id, inside)
        if m.id != 6:
            assert time_range_text(m.starts_at, m.ends_at) in inside, (m.id, inside)
        if m.ends_at - m.starts_at >= timedelta(hours=1):
            assert any(t.startswith("Familien") for t in inside), (m.id, inside)
    assert "Testdag" in [t for t, _, _ in texts]
    assert view.week_text in [t for t, _, _ in texts]

    # Today marked: its day name in blue, a blue edge over its column, the blue line at now.
    blue = QColor(TODAY_BLUE).name()
    headers = {
        day: [c for _, r, c in texts if view.header_rects[day].contains(r.center())] for day in view.days
    }
    assert blue in headers[TUESDAY]
    assert all(blue not in colours for day, colours in headers.items() if day != TUESDAY)
    edge = view.header_rects[TUESDAY].top() + 1
    assert pixel(view, QPointF(view.header_rects[TUESDAY].center().x(), edge)).name() == blue
    assert pixel(view, QPointF(view.header_rects[MONDAY].center().x(), edge)).name() != blue
    assert view.now_line_y == pytest.approx(view.y_for_minutes(11 * 60 + 20), abs=1)
    assert pixel(view, QPointF(view.grid_rects[TUESDAY].center().x(), view.now_line_y)).name() == blue

    # The blocks are filled with their kind's colour.
    for m in (meetings[0], meetings[2], meetings[4]):
        rect = view.meeting_rects[m.id]
        assert pixel(view, QPointF(rect.right() - 8, rect.bottom() - 4)).name() == kind_fill(m.kind).name()
    assert set(KIND_COLOURS) == set(MeetingKind)


def test_fills_a_tall_viewport_and_scrolls_in_a_low_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_week(qtbot, [meeting(1, at(MONDAY, 9))])
    natural = view.minimumSizeHint().height()
    view.resize(1000, natural + 300)
    assert view.meeting_rects[1].height() > 44
    assert view.grid_rects[MONDAY].bottom() == pytest.approx(natural + 300 - view.MARGIN, abs=1)
    view.resize(1000, natural - 200)
    assert view.grid_rects[MONDAY].bottom() == pytest.approx(natural - view.MARGIN, abs=1)


# -- the month --------------------------------------------------------------------------------


def test_month_grid_of_six_weeks_from_monday(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_month(qtbot)
    days = sorted(view.day_rects)
    assert len(days) == 42
    assert days[0] == date(2026, 11, 30) and days[-1] == date(2027, 1, 10)
    assert view.week_numbers == [49, 50, 51, 52, 53, 1]
    rects = list(view.day_rects.values())
    assert all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    first_row = [view.day_rects[date(2026, 11, 30) + timedelta(days=i)] for i in range(7)]
    assert [r.left() for r in first_row] == sorted(r.left() for r in first_row)
    assert view.week_rects[0].right() <= first_row[0].left() + 0.01
    assert view.selected_day == date(2026, 12, 3)  # today, in the month shown


def test_month_holidays_and_today(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_month(qtbot)
    assert view.header_text(date(2026, 12, 25)) == "25\nJuledag"
    assert view.header_text(date(2026, 12, 23)) == "23"
    assert view.tooltip_at(view.day_rects[date(2026, 12, 26)].center()) == "Anden juledag"
    cell = view.day_rects[date(2026, 12, 23)]
    spot = QPointF(cell.center().x(), cell.bottom() - 6)
    plain = pixel(view, spot)
    holiday = pixel(view, QPointF(view.day_rects[date(2026, 12, 24)].center().x(), spot.y()))
    today = pixel(
        view,
        QPointF(
            view.day_rects[date(2026, 12, 3)].center().x(), view.day_rects[date(2026, 12, 3)].bottom() - 6
        ),
    )
    other_month = pixel(
        view,
        QPointF(view.day_rects[date(2027, 1, 5)].center().x(), view.day_rects[date(2027, 1, 5)].bottom() - 6),
    )
    assert len({plain.name(), holiday.name(), today.name(), other_month.name()}) == 4


def test_month_lists_three_meetings_and_more(qtbot) -> None:  # type: ignore[no-untyped-def]
    busy = date(2026, 12, 10)
    meetings = [meeting(10 + i, at(busy, 8 + i), kind=list(MeetingKind)[i]) for i in range(5)]
    meetings.append(meeting(20, at(date(2026, 12, 1), 9), kind=MeetingKind.STATUS))
    view = make_month(qtbot, meetings)
    assert set(view.meeting_rects) == {10, 11, 12, 20}
    assert view.more_text(busy) == "+2 more"
    assert view.more_text(date(2026, 12, 1)) == ""
    assert view.line_text(10) == "08.00 Network meeting"
    assert view.line_text(12) == "10.00 Status meeting"
    cell = view.day_rects[busy]
    assert all(cell.contains(view.meeting_rects[i]) for i in (10, 11, 12))
    assert cell.contains(view.more_rects[busy])
    tip = view.tooltip_at(view.more_rects[busy].center())
    assert "11.00" in tip and "12.00" in tip
    assert "Status meeting" in view.tooltip_at(view.meeting_rects[20].center())


def test_month_clicks(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_month(qtbot, [meeting(5, at(date(2026, 12, 10), 9))])
    with (
        qtbot.waitSignal(view.meeting_activated) as activated,
        qtbot.assertNotEmitted(view.day_activated),
    ):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point(view.meeting_rects[5].center()))
    assert activated.args == [5]
    cell = view.day_rects[date(2026, 12, 17)]
    with qtbot.waitSignal(view.day_activated) as day:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=point(cell.center()))
    assert day.args == [date(2026, 12, 17)]
    assert view.selected_day == date(2026, 12, 17)


def test_month_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = make_month(qtbot)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_day == date(2026, 12, 4)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_day == date(2026, 12, 11)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_day == date(2026, 12, 3)
    with qtbot.waitSignal(view.day_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert blocker.args == [date(2026, 12, 3)]
    # Leaving the month asks for the next one; the selection stays on the new day.
    view.select_day(date(2026, 12, 30))
    with qtbot.waitSignal(view.navigate) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == [1] and view.selected_day == date(2027, 1, 6)
    view.show_month(2027, 1, [], {}, date(2026, 12, 3))
    assert view.selected_day == date(2027, 1, 6)
    for key, expected in ((Qt.Key.Key_PageUp, -1), (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Home, 0)):
        with qtbot.waitSignal(view.navigate) as blocker:
            qtbot.keyClick(view, key)
        assert blocker.args == [expected]
    assert view.selected_day == date(2026, 12, 3)


def test_month_renders(qtbot) -> None:  # type: ignore[no-untyped-def]
    busy = date(2026, 12, 10)
    meetings = [meeting(10 + i, at(busy, 8 + i), kind=list(MeetingKind)[i]) for i in range(5)]
    meetings += [
        meeting(20, at(date(2026, 12, 1), 9), status=MeetingStatus.HELD),
        meeting(21, at(date(2026, 12, 24), 9), status=MeetingStatus.CANCELLED),
    ]
    view = make_month(qtbot, meetings)
    whole = QRectF(view.rect())
    december = [date(2026, 12, d) for d in range(1, 32)]
    texts = painted_texts(view)

    # A cell for every day of the month, in its weekday's column, inside the view, with its number.
    for day in december:
        cell = view.day_rects[day]
        assert whole.contains(cell), day
        assert cell.left() == view.day_rects[view.first_day + timedelta(days=day.weekday())].left(), day
        assert any(cell.contains(r.center()) and t.split(".")[0] == str(day.day) for t, r, _ in texts), day
    assert len({view.day_rects[d].left() for d in december}) == 7
    assert len({view.day_rects[d].top() for d in december}) == 5  # Tuesday the 1st to Thursday the 31st

    # The meetings: a line each in its day's cell (three on the busy day, then "more").
    for m in meetings:
        if m.id not in view.meeting_rects:
            continue
        assert view.day_rects[m.starts_at.date()].contains(view.meeting_rects[m.id]), m.id
        painted = [t for t, r, _ in texts if view.meeting_rects[m.id].contains(r.center())]
        assert ("!" in painted) == m.held_without_minutes, (m.id, painted)  # the badge
        painted = [t for t in painted if t != "!"]
        assert len(painted) == 1, (m.id, painted)  # "09.00 Follow-up meeting", elided to fit
        assert view.line_text(m.id).startswith(painted[0].removesuffix("…")), (m.id, painted)
        assert painted[0].startswith(f"{m.starts_at:%H.%M} {label(m.kind)[:3]}"), (m.id, painted)
    assert [m.id for m in meetings if m.id in view.meeting_rects] == [10, 11, 12, 20, 21]
    more = [t for t, r, _ in texts if view.more_rects[busy].contains(r.center())]
    assert more == [view.more_text(busy)] and "2" in more[0]
    christmas_eve = view.day_rects[date(2026, 12, 24)]
    assert any(t == "Juleaftensdag" and christmas_eve.contains(r.center()) for t, r, _ in texts)

    # Today (the 3rd) marked: its number white on a blue pill, no other day's.
    white = [(t, r) for t, r, c in texts if c == "#ffffff" and t != "!"]  # not the badges
    assert [t for t, _ in white] == ["3"]
    pill = white[0][1]
    assert view.day_rects[date(2026, 12, 3)].contains(pill)
    assert pixel(view, QPointF(pill.left() + 2, pill.center().y())).name() == QColor(TODAY_BLUE).name()
    corner = [view.day_rects[date(2026, 12, d)].bottomRight() - QPointF(5, 5) for d in (2, 3)]
    yesterday, today = (pixel(view, p) for p in corner)
    assert today.blue() > today.red() and today != yesterday  # a blue tint over the whole cell
