"""Guard against a Qt binding that drops references to None (PySide6 6.12.0 on Python 3.11).

Each lost reference brings the interpreter closer to "Fatal Python error: deallocating
None": a long session of the program would abort. On Python 3.12+ None is immortal and the
count never moves, so the test passes there whatever the binding does.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QLabel, QLineEdit


def test_void_qt_calls_do_not_drop_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    label, edit, item = QLabel(), QLineEdit(), QStandardItem("x")
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("a")
        edit.setText("b")
        item.setToolTip("c")
    assert sys.getrefcount(None) >= before - 50
