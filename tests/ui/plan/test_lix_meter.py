"""The LIX meter beside a text edit: debounced score, band, clickable sentences, plainer words."""

from __future__ import annotations

import unicodedata

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QVBoxLayout, QWidget

from app.services.plan.lix import GlossaryEntry
from app.ui.plan.lix_meter import DEBOUNCE_MS, LixMeter, utf16_offset

NEUTRAL = "–"


@pytest.fixture
def panel(qtbot):  # type: ignore[no-untyped-def]
    """An edit and the meter beside it, shown, as in the plan editor's side panel."""
    window = QWidget()
    qtbot.addWidget(window)
    edit = QPlainTextEdit(window)
    meter = LixMeter(window)
    layout = QVBoxLayout(window)
    layout.addWidget(edit)
    layout.addWidget(meter)
    meter.attach(edit)
    window.resize(300, 700)
    window.show()
    qtbot.waitExposed(window)
    return window, edit, meter


def short_sentence(words: int) -> str:
    short = ["vi", "ses", "i", "dag", "og", "tal", "med", "mor"]
    return " ".join(short[i % len(short)] for i in range(words)) + "."


def test_typing_updates_the_score_once_typing_pauses(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    measurements: list[None] = []
    meter.updated.connect(lambda: measurements.append(None))
    qtbot.keyClicks(edit, "Vi mødes hver uge. Du får hjælp af din kontaktperson.")
    assert meter.score_label.text() == NEUTRAL  # not on every keystroke
    qtbot.waitUntil(lambda: meter.score_label.text() == "15", timeout=DEBOUNCE_MS * 8)
    assert len(measurements) == 1  # one measurement for the whole burst of typing
    assert meter.band_label.text() == "Very easy"
    assert meter.bar.score == 15
    assert meter.counts_label.text() == "Words: 10 · Sentences: 2 · Long words: 1"
    assert meter.result is not None and meter.result.long_words == 1


def test_the_band_changes_across_a_boundary(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    edit.setPlainText(short_sentence(34))
    qtbot.waitUntil(lambda: meter.score_label.text() == "34", timeout=DEBOUNCE_MS * 8)
    assert meter.band_label.text() == "Easy"
    cursor = edit.textCursor()
    cursor.setPosition(0)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "jo ")  # a 35th word
    qtbot.waitUntil(lambda: meter.score_label.text() == "35", timeout=DEBOUNCE_MS * 8)
    assert meter.band_label.text() == "Medium"


@pytest.mark.parametrize(
    ("words", "band"),
    [(24, "Very easy"), (25, "Easy"), (44, "Medium"), (45, "Difficult"), (55, "Very difficult")],
)
def test_band_names(qtbot, words: int, band: str) -> None:  # type: ignore[no-untyped-def]
    meter = LixMeter()
    qtbot.addWidget(meter)
    meter.set_text(short_sentence(words))
    assert (meter.score_label.text(), meter.band_label.text()) == (str(words), band)


def test_clicking_a_longest_sentence_selects_it_in_the_edit(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    text = "Hej. Vi mødes hver tirsdag på skolen med din lærer. Tak for i dag."
    edit.setPlainText(text)
    qtbot.waitUntil(lambda: meter.sentence_labels[0].isVisible(), timeout=DEBOUNCE_MS * 8)
    assert meter.sentence_labels[0].text() == "9 word(s): Vi mødes hver tirsdag på skolen med din lærer."
    assert [label.isVisible() for label in meter.sentence_labels] == [True, True, True]

    qtbot.mouseClick(meter.sentence_labels[0], Qt.MouseButton.LeftButton)
    cursor = edit.textCursor()
    assert cursor.selectedText() == "Vi mødes hver tirsdag på skolen med din lærer."
    assert cursor.selectionStart() == text.index("Vi")

    qtbot.mouseClick(meter.sentence_labels[1], Qt.MouseButton.LeftButton)
    assert edit.textCursor().selectedText() == "Tak for i dag."


def test_selection_offsets_in_nfd_text_after_an_emoji(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    text = unicodedata.normalize("NFD", "🙂 Hej. Vi går på tur i skoven hver dag. Tak.")
    edit.setPlainText(text)
    qtbot.waitUntil(lambda: meter.result is not None, timeout=DEBOUNCE_MS * 8)
    meter.sentence_labels[0].clicked.emit()
    cursor = edit.textCursor()
    sentence = unicodedata.normalize("NFD", "Vi går på tur i skoven hver dag.")
    assert cursor.selectedText() == sentence
    assert cursor.selectionStart() == utf16_offset(text, text.index(sentence)) == text.index(sentence) + 1


def test_a_click_after_more_typing_measures_again_instead_of_selecting_stale_offsets(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    edit.setPlainText("Vi ses. Vi mødes hver uge på skolen.")
    qtbot.waitUntil(lambda: meter.result is not None, timeout=DEBOUNCE_MS * 8)
    edit.setPlainText("Nu er teksten en helt anden. Kort.")
    meter.sentence_labels[0].clicked.emit()
    assert not edit.textCursor().hasSelection()
    assert meter.sentence_labels[0].text().endswith("Nu er teksten en helt anden.")


def test_a_glossary_hit_appears(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    qtbot.keyClicks(edit, "Vi vil iværksætte hjælpen i maj.")
    qtbot.waitUntil(lambda: meter.suggestions_label.isVisible(), timeout=DEBOUNCE_MS * 8)
    assert meter.suggestions() == [("Try “sætte i gang” instead of “iværksætte”.", "")]
    assert "“sætte i gang”" in meter.suggestions_label.text()
    assert meter.suggestions_title.isVisible()


def test_a_glossary_note_is_shown_under_the_suggestion(qtbot) -> None:  # type: ignore[no-untyped-def]
    glossary = [GlossaryEntry("indsats*", "hjælp", "Ok i overskrifter")]
    meter = LixMeter(glossary=glossary)
    qtbot.addWidget(meter)
    meter.set_text("Indsatsen & <resten> starter i maj.")
    assert meter.suggestions() == [("Try “hjælp” instead of “Indsatsen”.", "Ok i overskrifter")]
    assert "Ok i overskrifter" in meter.suggestions_label.text()
    assert "<resten>" not in meter.suggestions_label.text()  # escaped rich text


def test_empty_text_shows_a_neutral_state(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    assert meter.score_label.text() == NEUTRAL
    assert meter.band_label.text() == "Write some text to see how easy it is to read."
    assert meter.bar.score is None
    assert meter.result is None
    hidden = [
        meter.counts_label,
        meter.sentences_title,
        *meter.sentence_labels,
        meter.words_title,
        meter.words_label,
        meter.suggestions_title,
        meter.suggestions_label,
    ]
    assert not any(w.isVisible() for w in hidden)

    qtbot.keyClicks(edit, "Vi iværksætter noget.")
    qtbot.waitUntil(lambda: meter.result is not None, timeout=DEBOUNCE_MS * 8)
    edit.clear()
    qtbot.waitUntil(lambda: meter.score_label.text() == NEUTRAL, timeout=DEBOUNCE_MS * 8)
    assert meter.bar.score is None
    assert not any(w.isVisible() for w in hidden)


def test_the_meter_follows_the_edit_that_last_had_focus_or_changed(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    window, first, meter = panel
    second = QPlainTextEdit(window)
    window.layout().addWidget(second)
    meter.attach(second)
    assert meter.current_edit() is first
    first.setPlainText("Vi ses.")  # 2
    second.setPlainText("Vi ses i dag og i morgen.")  # 7 words: typed last
    qtbot.waitUntil(lambda: meter.score_label.text() == "7", timeout=DEBOUNCE_MS * 8)
    assert meter.current_edit() is second

    QApplication.sendEvent(first, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason))
    qtbot.waitUntil(lambda: meter.score_label.text() == "2", timeout=DEBOUNCE_MS * 8)
    assert meter.current_edit() is first


def test_set_text_measures_at_once_and_a_deleted_edit_is_forgotten(qtbot) -> None:  # type: ignore[no-untyped-def]
    meter = LixMeter()
    qtbot.addWidget(meter)
    edit = QPlainTextEdit()
    meter.attach(edit)
    meter.set_text("Vi mødes hver uge. Du får hjælp af din kontaktperson.")
    assert meter.score_label.text() == "15"
    assert meter.current_edit() is None
    meter.sentence_labels[0].clicked.emit()  # no edit to select in: nothing happens

    meter.attach(edit)  # attaching twice is harmless
    edit.setPlainText("Vi ses.")
    qtbot.waitUntil(lambda: meter.score_label.text() == "2", timeout=DEBOUNCE_MS * 8)
    edit.deleteLater()
    qtbot.waitUntil(lambda: meter.current_edit() is None, timeout=1000)
    meter.refresh()  # nothing to measure, no crash
    assert meter.score_label.text() == "2"


def test_detach(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _window, edit, meter = panel
    edit.setPlainText("Vi ses.")
    qtbot.waitUntil(lambda: meter.result is not None, timeout=DEBOUNCE_MS * 8)
    meter.detach(edit)
    assert meter.score_label.text() == NEUTRAL
    edit.setPlainText("Vi ses i dag.")
    qtbot.wait(DEBOUNCE_MS * 2)
    assert meter.score_label.text() == NEUTRAL


def test_the_meter_fits_a_narrow_side_panel(qtbot) -> None:  # type: ignore[no-untyped-def]
    meter = LixMeter()
    qtbot.addWidget(meter)
    meter.set_text(
        "Kommunalbestyrelsen skal i forbindelse med behandlingen af ansøgningen om merudgiftsydelse "
        "vurdere, hvorvidt ansøgerens nedsatte funktionsevne medfører nødvendige merudgifter. "
        "Vi iværksætter en foranstaltning."
    )
    assert meter.minimumSizeHint().width() <= 300
    assert meter.sizeHint().width() <= 300


def test_edits_outlive_a_deleted_meter(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    meter = LixMeter()
    meter.attach(edit)
    meter.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(meter), timeout=1000)
    edit.setPlainText("Vi ses i dag.")  # no slot of the deleted meter runs
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason))
    qtbot.wait(DEBOUNCE_MS * 2)
