"""The search field of the main window, as a caseworker uses it with the keyboard alone:
"skolen" finds the agreement and the journal entry, the arrows choose, Enter opens the case
there; the newest text typed wins; nothing found says what was searched; a failure is plain."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

import app.ui.search.search_box as search_box
from app.models import Agreement, Case, JournalEntry
from app.models.enums import JournalKind
from app.services.common.context import AppContext
from app.services.search.search import Source
from app.ui.main_window import PAGE_CALENDAR, PAGE_CASES, PAGE_FAMILY, PAGE_PLAN, MainWindow
from app.ui.search.search_box import SearchBox
from tests.ui.lane_helpers import drain

SKOLEN_NOTE = "Mor ringede: skolen har bedt om et møde om fraværet i efteråret."


def _lise_case(context: AppContext) -> int:
    with context.sessions() as session:
        case_id = session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen"))
    assert case_id is not None
    return case_id


def _note_about_school(context: AppContext) -> tuple[int, int]:
    """A phone note on Lise's case of 3 December; returns (case id, entry id)."""
    case_id = _lise_case(context)
    with context.sessions.begin() as session:
        entry = JournalEntry(
            case_id=case_id,
            kind=JournalKind.PHONE,
            occurred_at=datetime(2026, 12, 3, 8, 15, tzinfo=UTC),
            author_id=context.user.id,
            subject="Telefon",
            text=SKOLEN_NOTE,
        )
        session.add(entry)
        session.flush()
        return case_id, entry.id


def _box(qtbot, context: AppContext, lanes) -> SearchBox:  # type: ignore[no-untyped-def]
    """The field alone in a window (its list lies over the window, under the field)."""
    box = SearchBox(context, lanes)
    box.resize(900, 600)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def _type(qtbot, box: SearchBox, text: str) -> None:  # type: ignore[no-untyped-def]
    box.field.clear()
    with qtbot.waitSignal(box.searched, timeout=20_000):
        qtbot.keyClicks(box.field, text)
    assert box.shown_text == text


def _lines(box: SearchBox) -> list[str]:
    return [box.model.index(r).data() for r in range(box.model.rowCount())]


def test_skolen_finds_the_agreement_and_the_journal_entry(qtbot, demo_context, lanes, danish) -> None:  # type: ignore[no-untyped-def]
    case_id, entry_id = _note_about_school(demo_context)
    box = _box(qtbot, demo_context, lanes)
    _type(qtbot, box, "skolen")
    assert box.panel.isVisible() and box.list.isVisible()
    hits = box.model.hits
    with demo_context.sessions() as session:
        agreement_ids = set(session.scalars(select(Agreement.id).where(Agreement.what.contains("skolen"))))
    assert {h.item_id for h in hits if h.source is Source.AGREEMENT} & agreement_ids
    journal = [i for i, h in enumerate(hits) if h.source is Source.JOURNAL]
    # the new note first of the journal's hits (the demo's own notes of meetings at school follow)
    assert hits[journal[0]].item_id == entry_id
    assert all("skolen" in _lines(box)[i].split("\n")[1].lower() for i in journal)
    number = hits[journal[0]].case_number
    assert hits[journal[0]].case_id == case_id
    heading, line = _lines(box)[journal[0]].split("\n")
    assert heading == f"{number} · Familien Holm Jensen"
    assert line.startswith("journal 03.12: ") and "skolen" in line
    for text in _lines(box):
        label = text.split("\n")[1].split(":")[0].split(" ")[0]
        assert label in {
            "aftale",
            "mål",
            "journal",
            "fagperson",
            "navn",
            "sag",
            "adresse",
            "opgave",
            "dokument",
        }


def test_the_keyboard_alone_chooses_and_opens(qtbot, demo_context, lanes) -> None:  # type: ignore[no-untyped-def]
    _note_about_school(demo_context)
    box = _box(qtbot, demo_context, lanes)
    _type(qtbot, box, "skolen")
    assert box.list.currentIndex().row() == 0
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.field, Qt.Key.Key_Down)
    qtbot.keyClick(box.field, Qt.Key.Key_Up)
    assert box.list.currentIndex().row() == 1
    chosen = box.model.hits[1]
    with qtbot.waitSignal(box.open_requested, timeout=5000) as opened:
        qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert opened.args == [chosen.case_id, chosen.source.value, chosen.item_id]
    assert not box.panel.isVisible()
    qtbot.keyClick(box.field, Qt.Key.Key_Down)  # the list comes back
    assert box.panel.isVisible()
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    assert not box.panel.isVisible()


def test_enter_before_the_answer_opens_the_first_place(qtbot, demo_context, lanes) -> None:  # type: ignore[no-untyped-def]
    case_id, entry_id = _note_about_school(demo_context)
    box = _box(qtbot, demo_context, lanes)
    box.field.setText("fraværet i efteråret")
    with qtbot.waitSignal(box.open_requested, timeout=20_000) as opened:
        qtbot.keyClick(box.field, Qt.Key.Key_Enter)
    assert opened.args == [case_id, "journal", entry_id]


def test_a_double_click_opens(qtbot, demo_context, lanes) -> None:  # type: ignore[no-untyped-def]
    box = _box(qtbot, demo_context, lanes)
    _type(qtbot, box, "Lise")
    rect = box.list.visualRect(box.model.index(0))
    first = box.model.hits[0]
    emitted: list[tuple[int, str, int]] = []
    box.open_requested.connect(lambda *args: emitted.append(args))
    qtbot.mouseClick(box.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(box.open_requested, timeout=5000) as opened:
        qtbot.mouseDClick(box.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [first.case_id, first.source.value, first.item_id]
    assert emitted == [(first.case_id, first.source.value, first.item_id)]  # opened once


def test_the_newest_text_wins(qtbot, demo_context, lanes) -> None:  # type: ignore[no-untyped-def]
    """While the lane is busy the caseworker types on: the answer to the older text is never
    shown, and only the newest text is searched after it."""
    box = _box(qtbot, demo_context, lanes)
    gate = threading.Event()
    lanes.store.submit(lambda: gate.wait(20), lambda _r: None)  # the lane is busy for a while
    asked: list[str] = []
    real = search_box.search_everything

    def counting(session, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return real(session, text)

    shown: list[str] = []
    box.searched.connect(lambda: shown.append(box.shown_text))
    search_box.search_everything = counting  # type: ignore[assignment]
    try:
        for text in ("skolen", "skolen og", "Lise Holm"):
            box.field.setText(text)
            box.search_now()
        gate.set()
        qtbot.waitUntil(lambda: shown == ["Lise Holm"], timeout=20_000)
        drain(qtbot, lanes.store)
    finally:
        search_box.search_everything = real  # type: ignore[assignment]
    assert asked == ["skolen", "Lise Holm"]  # the middle one was never searched
    assert shown == ["Lise Holm"]
    assert all(h.case_title == "Familien Holm Jensen" for h in box.model.hits)


@pytest.mark.parametrize("typed", ["xyzzy", "zz top", "Ærøskøbingvej 99"])
def test_nothing_found_says_what_was_searched(qtbot, demo_context, lanes, danish, typed: str) -> None:  # type: ignore[no-untyped-def]
    box = _box(qtbot, demo_context, lanes)
    _type(qtbot, box, typed)
    assert not box.list.isVisible() and box.status.isVisible()
    assert box.status.text() == (
        f"Ingen resultater for '{typed}' i navne, CPR, sagsnumre, adresser, fagpersoner, aftaler, mål, "
        "journal, opgaver og dokumenttitler"
    )


def test_a_cpr_number_is_masked_in_the_message(qtbot, demo_context, lanes, danish) -> None:  # type: ignore[no-untyped-def]
    box = _box(qtbot, demo_context, lanes)
    _type(qtbot, box, "311299-9999")
    assert "311299-XXXX" in box.status.text() and "9999" not in box.status.text()


def test_many_results_say_there_are_more(qtbot, demo_context, lanes, danish) -> None:  # type: ignore[no-untyped-def]
    case_id = _lise_case(demo_context)
    with demo_context.sessions.begin() as session:
        for n in range(60):
            session.add(
                JournalEntry(
                    case_id=case_id,
                    kind=JournalKind.OTHER,
                    occurred_at=datetime(2026, 11, 1, 9, tzinfo=UTC),
                    author_id=demo_context.user.id,
                    text=f"Lektiehjælp nummer {n}",
                )
            )
    box = _box(qtbot, demo_context, lanes)
    _type(qtbot, box, "lektiehjælp")
    assert box.model.rowCount() == 50
    assert box.status.text() == "De første 50 resultater. Skriv flere ord for at finde færre."


def test_a_failed_search_is_said_plainly(qtbot, demo_context, lanes, monkeypatch, danish) -> None:  # type: ignore[no-untyped-def]
    def failing(session, text):  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(search_box, "search_everything", failing)
    box = _box(qtbot, demo_context, lanes)
    with qtbot.waitSignal(box.searched, timeout=20_000):
        qtbot.keyClicks(box.field, "skolen")
    assert box.status.text() == "Søgningen kunne ikke gennemføres: databasen svarede ikke. Prøv igen."
    assert box.panel.isVisible() and not box.model.rowCount()
    monkeypatch.undo()  # the database is back: Enter searches again
    with qtbot.waitSignal(box.searched, timeout=20_000):
        qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert box.shown_text == "skolen" and box.model.rowCount()


def test_a_single_letter_is_not_searched(qtbot, demo_context, lanes) -> None:  # type: ignore[no-untyped-def]
    box = _box(qtbot, demo_context, lanes)
    qtbot.keyClicks(box.field, "s")
    qtbot.wait(2 * search_box.SEARCH_DELAY_MS)
    drain(qtbot, lanes.store)
    assert not box.busy and box.result is None and not box.panel.isVisible()


# -- in the main window --------------------------------------------------------------------


def _window(qtbot, context: AppContext, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, settings, "da")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.cases.model.busy, timeout=20_000)
    return window


def _focused(window: MainWindow) -> QLineEdit | None:
    widget = window.focusWidget()
    return widget if isinstance(widget, QLineEdit) else None


def test_ctrl_k_and_ctrl_f_go_to_the_field_but_ctrl_f_is_the_case_lists_there(
    qtbot, demo_context, settings
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    window.nav.setCurrentRow(PAGE_CASES)  # the window opens on "Min dag"
    assert window.stack.currentIndex() == PAGE_CASES
    window.cases.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focused(window) is window.cases.search  # the case list's own filter
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert _focused(window) is window.search.field
    window.nav.setCurrentRow(PAGE_CALENDAR)
    window.calendar.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focused(window) is window.search.field
    window.nav.setCurrentRow(PAGE_CASES)
    window.cases.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focused(window) is window.cases.search


def test_a_journal_result_opens_the_case_on_its_entry(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    case_id, entry_id = _note_about_school(demo_context)
    window = _window(qtbot, demo_context, settings)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.search.searched, timeout=20_000):
        qtbot.keyClicks(window.search.field, "fraværet i efteråret")
    assert window.search.panel.isVisible()
    with qtbot.waitSignal(window.family.loaded, timeout=20_000):
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.nav.currentRow() == PAGE_FAMILY and window.family.case_id == case_id
    assert window.family.tabs.currentWidget() is window.journal
    qtbot.waitUntil(lambda: window.journal.selected_id() == entry_id, timeout=20_000)


def test_an_agreement_result_opens_the_plan(qtbot, demo_context, settings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_context, settings)
    window.search.field.setFocus()
    with qtbot.waitSignal(window.search.searched, timeout=20_000):
        qtbot.keyClicks(window.search.field, "besøg på skolen")
    agreement = next(i for i, h in enumerate(window.search.model.hits) if h.source is Source.AGREEMENT)
    window.search.list.setCurrentIndex(window.search.model.index(agreement))
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.nav.currentRow() == PAGE_PLAN
