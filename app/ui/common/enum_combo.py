"""A combo box offering the values of an enum, each under its translated label."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtWidgets import QComboBox, QWidget

from app.ui.common.labels import label


def enum_combo(parent: QWidget, values: Sequence[StrEnum], current: object) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo
