"""Labels laid out beside fields become their buddies, so screen readers say the label and its
access key moves to the field."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.common import a11y
from app.ui.common.a11y import link_labels, spoken


def _name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


@pytest.mark.parametrize("field_class", [QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit])
@pytest.mark.parametrize("layout_kind", ["form", "form-holder", "box", "grid"])
def test_a_label_beside_a_field_names_it(qtbot, field_class, layout_kind: str) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    label = QLabel("&Fødselsdato:", window)
    field = field_class(window)
    if layout_kind.startswith("form"):
        form = QFormLayout()
        if layout_kind == "form-holder":  # the field with its error line in a holder widget
            holder = QWidget(window)
            column = QVBoxLayout(holder)
            column.addWidget(field)
            column.addWidget(QLabel("", holder))
            form.addRow(label, holder)
        else:
            form.addRow(label, field)
        outer.addLayout(form)
    elif layout_kind == "box":
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(field)
        outer.addLayout(row)
    else:
        grid = QGridLayout()
        grid.addWidget(label, 0, 0)
        grid.addWidget(field, 0, 1)
        outer.addLayout(grid)
    link_labels(window)
    assert label.buddy() is field
    assert _name(field) == "Fødselsdato"


def test_a_label_not_beside_a_field_and_an_existing_buddy_are_left_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    heading = QLabel("Overskrift", window)
    note = QLabel("En note", window)
    first, second = QLineEdit(window), QLineEdit(window)
    named = QLabel("Første", window)
    named.setBuddy(first)
    layout.addWidget(heading)
    row = QHBoxLayout()
    row.addWidget(named)
    row.addWidget(second)  # beside the label, but the label already belongs to another
    layout.addLayout(row)
    layout.addWidget(note)
    link_labels(window)
    assert heading.buddy() is None and note.buddy() is None
    assert named.buddy() is first


def test_an_explicit_name_is_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    field = QLineEdit(window)
    field.setAccessibleName("Gæstens e-mail")
    form.addRow(QLabel("Gæster", window), field)
    link_labels(window)
    assert _name(field) == "Gæstens e-mail"


def test_windows_and_pages_shown_later_are_linked(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    linker = a11y.install(qapp)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        stack = QStackedWidget(window)
        QVBoxLayout(window).addWidget(stack)
        stack.addWidget(QWidget())
        page = QWidget()
        form = QFormLayout(page)
        stack.addWidget(page)
        window.show()
        qtbot.waitExposed(window)
        field = QComboBox(page)  # a row the page adds once the window is up
        form.addRow(QLabel("Status", page), field)
        assert _name(field) == ""
        stack.setCurrentWidget(page)
        qtbot.waitUntil(lambda: _name(field) == "Status")
    finally:
        qapp.removeEventFilter(linker)
        linker.setParent(None)
        linker.deleteLater()


@pytest.mark.parametrize(
    ("text", "name"),
    [("&Navn:", "Navn"), ("Tom && Jerry", "Tom & Jerry"), ("Slut", "Slut"), ("  E-&mail :  ", "E-mail")],
)
def test_spoken_names(text: str, name: str) -> None:
    assert spoken(text) == name
