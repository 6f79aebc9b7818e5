"""A known CPR number typed with another name: the caseworker chooses, nothing is guessed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services.cases.cases import NameChoice
from app.ui.cases.name_choice import NameChoiceBox


@pytest.mark.parametrize(
    ("button", "expected"), [("keep", NameChoice.STORED), ("correct", NameChoice.TYPED), ("cancel", None)]
)
def test_each_button_gives_its_choice(qtbot, danish, button: str, expected: NameChoice | None) -> None:  # type: ignore[no-untyped-def]
    box = NameChoiceBox(None, "Lise Holm Jensen", "Lisa Holm Jensen")
    qtbot.addWidget(box)
    assert "Lise Holm Jensen" in box.text() and "Lisa Holm Jensen" in box.text()
    assert box.windowTitle() == "Hvilket navn er rigtigt?"
    assert box.keep.text() == "Behold Lise Holm Jensen" and box.correct.text() == "Brug Lisa Holm Jensen"
    target = {
        "keep": box.keep,
        "correct": box.correct,
        "cancel": box.button(QMessageBox.StandardButton.Cancel),
    }
    box.show()
    target[button].click()
    assert box.choice() == expected
