"""Tab in reading order in the program's dialogs, whatever order their widgets were made in
(app/ui/common/reading_order.py, issue 17 item 2)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.date_fields import OptionalDate
from app.ui.common.reading_order import arrange_tab_order, in_reading_order, ours
from tools.screen_audit_keys import audit_tab_order, focus_chain


class _ProgramDialog(QDialog):
    """Stands for one of the program's dialogs (the linker arranges only those)."""


_ProgramDialog.__module__ = "app.ui.common.reading_order"


def _grid_dialog(qtbot, rows: int, columns: int, made: list[int]) -> tuple[QDialog, list[QLineEdit]]:  # type: ignore[no-untyped-def]
    """Buttons made first, then a grid of fields made in the order ``made`` (cell numbers)."""
    dialog = _ProgramDialog()
    qtbot.addWidget(dialog)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    cells = {cell: QLineEdit(dialog) for cell in made}
    grid = QGridLayout()
    for cell, edit in cells.items():
        edit.setObjectName(f"cell{cell}")
        grid.addWidget(edit, cell // columns, cell % columns)
    layout = QVBoxLayout(dialog)
    layout.addLayout(grid)
    layout.addWidget(buttons)
    return dialog, [cells[cell] for cell in range(rows * columns)]


@given(st.integers(1, 4), st.integers(1, 3), st.randoms(use_true_random=False))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_tab_reads_row_by_row_then_the_buttons_whatever_the_making_order(
    qtbot, rows: int, columns: int, random
) -> None:  # type: ignore[no-untyped-def]
    made = list(range(rows * columns))
    random.shuffle(made)
    dialog, in_place = _grid_dialog(qtbot, rows, columns, made)
    dialog.show()
    qtbot.waitExposed(dialog)
    arrange_tab_order(dialog, first_focus=True)
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert focus_chain(dialog) == [*in_place, *buttons]
    assert dialog.focusWidget() is in_place[0]
    assert audit_tab_order(dialog) == []
    dialog.close()


def test_a_row_shown_after_the_dialog_opened_is_reached_in_its_place(qtbot, linker) -> None:  # type: ignore[no-untyped-def]
    dialog, in_place = _grid_dialog(qtbot, 2, 1, [0, 1])
    later = QWidget(dialog)  # a hand-over note: made last, hidden until asked for
    row = QHBoxLayout(later)
    note = QLineEdit(later)
    row.addWidget(QLabel("Note", later))
    row.addWidget(note)
    later.hide()
    dialog.layout().insertWidget(1, later)  # type: ignore[union-attr]
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is in_place[0]
    later.show()
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    qtbot.waitUntil(lambda: focus_chain(dialog) == [*in_place, note, *buttons])
    assert audit_tab_order(dialog) == []


def test_a_date_that_may_be_left_out_reads_its_box_first(qtbot, linker) -> None:  # type: ignore[no-untyped-def]
    dialog = _ProgramDialog()
    qtbot.addWidget(dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save, dialog)
    name = QLineEdit(dialog)
    due = OptionalDate("Deadline", None, date(2026, 12, 6), dialog)  # its date made before its box
    layout = QVBoxLayout(dialog)
    layout.addWidget(name)
    layout.addWidget(due)
    layout.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not due.edit.isEnabled()
    due.check.setChecked(True)  # enabled without any event the order could wait for
    assert focus_chain(dialog) == [name, due.check, due.edit, *buttons.buttons()]


def test_the_panes_of_a_splitter_read_one_after_the_other(qtbot, linker) -> None:  # type: ignore[no-untyped-def]
    dialog = _ProgramDialog()
    qtbot.addWidget(dialog)
    splitter = QSplitter(dialog)
    left, right = QWidget(splitter), QWidget(splitter)
    right_edits = [QLineEdit(right) for _ in range(2)]  # made first
    left_edits = [QLineEdit(left) for _ in range(2)]
    for pane, edits in ((left, left_edits), (right, right_edits)):
        column = QVBoxLayout(pane)
        for edit in edits:
            column.addWidget(edit)
    QVBoxLayout(dialog).addWidget(splitter)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is left_edits[0]  # where it opens, though made after the right pane
    assert focus_chain(dialog)[:4] == [*left_edits, *right_edits]


def test_widgets_of_one_row_need_not_share_a_top(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    tall = QLineEdit(parent)
    tall.setGeometry(200, 0, 100, 30)
    box = QCheckBox(parent)  # centred on the row: its top is below the field's
    box.setGeometry(0, 6, 20, 18)
    below = QLineEdit(parent)
    below.setGeometry(0, 40, 100, 30)
    assert in_reading_order([below, tall, box]) == [box, tall, below]


def test_only_the_programs_own_dialogs_are_arranged() -> None:
    assert ours(_ProgramDialog())
    assert not ours(QDialog())
    assert not ours(QWidget())


def test_qt_classes_are_made_before_a_filter_sees_widgets_being_made() -> None:
    """The crash this prevents (PySide 6.11 making a class while an application-wide filter
    converts a widget under construction) came now and then; what is checked is that nothing
    is left to make, and that the program's package turns the lazy loading off."""
    import os
    import sys

    from app.ui.common import qt_types

    qt_types.load_all()
    assert qt_types.load_all() == 0  # each module once
    assert {"PySide6.QtCore", "PySide6.QtWidgets"} <= qt_types._loaded
    assert "PySide6.QtWidgets" in sys.modules
    assert os.environ["PYSIDE6_OPTION_LAZY"] == "0"
