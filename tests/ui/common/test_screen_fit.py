"""No window opens larger than its screen; a dialog's fields scroll inside it instead."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from app.ui.common import screen_fit
from app.ui.common.form_dialog import FormDialog
from app.ui.common.screen_fit import FRAME_ALLOWANCE, fit_window, free_area, largest_size


@pytest.fixture
def fitter(qapp: QApplication):  # type: ignore[no-untyped-def]
    fitter = screen_fit.install(qapp)
    yield fitter
    qapp.removeEventFilter(fitter)
    fitter.setParent(None)
    fitter.deleteLater()


def _dialog(qtbot, fields: int) -> FormDialog:  # type: ignore[no-untyped-def]
    dialog = FormDialog("Prøve")
    qtbot.addWidget(dialog)
    for index in range(fields):
        dialog.add_field(f"f{index}", f"Felt {index}", QLineEdit())
    dialog.add_field("note", "Notat", QPlainTextEdit())
    return dialog


def _fits(window: QWidget) -> bool:
    area = free_area(window)
    frame = window.frameGeometry()
    return area.contains(frame)


@pytest.mark.parametrize("fields", [2, 10, 40, 120])
def test_a_form_dialog_fits_the_screen_and_its_buttons_show(qtbot, fitter, fields: int) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, fields)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _fits(dialog)
    assert dialog.height() <= free_area(dialog).height() - FRAME_ALLOWANCE.height() + 1
    buttons = dialog.buttons.geometry()
    assert dialog.rect().contains(buttons)  # Save and Cancel are inside the window
    # Fields scroll only when the screen is too low for all of them.
    room = largest_size(dialog).height()
    scrolls = dialog.fields_area.verticalScrollBar().maximum() > 0
    assert scrolls == (dialog.sizeHint().height() > room)
    if scrolls:
        assert dialog.height() >= room - 2  # the whole height of the screen is used


def test_a_small_dialog_opens_at_its_natural_size(qtbot, fitter) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, 3)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.fields_area.widget().height() <= dialog.fields_area.viewport().height()
    assert dialog.height() >= dialog.sizeHint().height() - 1


@pytest.mark.parametrize(("width", "height"), [(3000, 2000), (1280, 760), (900, 5000)])
def test_a_window_asked_to_be_larger_than_the_screen_is_made_to_fit(
    qtbot, fitter, width: int, height: int
) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.move(-200, 3000)  # off the screen as well
    window.show()
    qtbot.waitExposed(window)
    fit_window(window)  # again now that the frame is known
    assert _fits(window)
