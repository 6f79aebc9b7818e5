"""When a save loses the race: the user's change and the stored one side by side, per field.

``merge_fields`` is the pure three-way merge (what the form was opened with, what the user
has now, what is stored now); ``FieldConflictDialog`` asks only about the fields both
people changed differently. Nothing is thrown away: Cancel keeps the form as typed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.colours import Cell, cell_style
from app.ui.common.formatting import format_datetime

BOX = "border-radius: 4px; padding: 4px;"  # my value and theirs, each in a coloured box


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """The outcome of a three-way merge of two inputs of the same dataclass type."""

    merged: Any  # mine, with the fields only the other person changed taken from theirs
    conflicts: tuple[str, ...]  # fields both changed, to different values: the user chooses
    taken: tuple[str, ...]  # fields only the other person changed (already in ``merged``)


def merge_fields(base: Any, mine: Any, theirs: Any) -> FieldMerge:
    """Merge ``mine`` and ``theirs`` field by field against ``base`` (what both started from).

    Without a base (None) every field that differs is a conflict.
    """
    conflicts: list[str] = []
    taken: dict[str, Any] = {}
    for item in dataclasses.fields(mine):
        name = item.name
        mine_value, theirs_value = getattr(mine, name), getattr(theirs, name)
        if mine_value == theirs_value:
            continue
        if base is None:
            conflicts.append(name)
            continue
        base_value = getattr(base, name)
        if theirs_value == base_value:
            continue  # only I changed it
        if mine_value == base_value:
            taken[name] = theirs_value  # only they changed it
        else:
            conflicts.append(name)
    merged = dataclasses.replace(mine, **taken) if taken else mine
    return FieldMerge(merged, tuple(conflicts), tuple(taken))


@dataclass(frozen=True, slots=True)
class FieldChoice:
    """One row of the dialog: a field both changed, as readable text."""

    field: str
    label: str
    mine: str
    theirs: str


def saved_text(saved_by: str, saved_at: datetime | None) -> str:
    """The header over the stored values: who saved them and when, as far as known."""
    if saved_by and saved_at is not None:
        return (
            QCoreApplication.translate("FieldConflictDialog", "Saved by %1 on %2")
            .replace("%1", saved_by)
            .replace("%2", format_datetime(saved_at))
        )
    if saved_by:
        return QCoreApplication.translate("FieldConflictDialog", "Saved by %1").replace("%1", saved_by)
    return QCoreApplication.translate("FieldConflictDialog", "Saved meanwhile")


class FieldConflictDialog(QDialog):
    """A row per conflicting field: the user's value and the stored one; keep mine or take theirs."""

    def __init__(
        self,
        choices: list[FieldChoice],
        saved_by: str = "",
        saved_at: datetime | None = None,
        taken: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fieldConflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setMinimumWidth(640)
        self.choices = list(choices)
        self._groups: dict[str, QButtonGroup] = {}
        self._mine: dict[str, QRadioButton] = {}
        self._theirs: dict[str, QRadioButton] = {}

        intro = QLabel(
            self.tr(
                "Someone else saved this after you opened it, and changed the same things as you. "
                "Choose for each one what to keep. Nothing is saved until you press Save."
            ),
            self,
        )
        intro.setWordWrap(True)
        grid_holder = QWidget(self)
        grid = QGridLayout(grid_holder)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(12)
        your_change = self.tr("Your change")
        mine_head = QLabel(f"<b>{escape(your_change)}</b>", grid_holder)
        theirs_head = QLabel(f"<b>{escape(saved_text(saved_by, saved_at))}</b>", grid_holder)
        theirs_head.setObjectName("savedBy")
        theirs_head.setWordWrap(True)
        grid.addWidget(mine_head, 0, 1)
        grid.addWidget(theirs_head, 0, 2)
        for row, choice in enumerate(self.choices, start=1):
            name = QLabel(f"<b>{escape(choice.label)}</b>", grid_holder)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(name, row, 0)
            group = QButtonGroup(self)
            mine = self._side(
                grid_holder,
                choice.field,
                "mine",
                self.tr("Keep mine"),
                choice.mine,
                cell_style(Cell.MINE, BOX),
            )
            theirs = self._side(
                grid_holder,
                choice.field,
                "theirs",
                self.tr("Take theirs"),
                choice.theirs,
                cell_style(Cell.THEIRS, BOX),
            )
            grid.addWidget(mine[0], row, 1)
            grid.addWidget(theirs[0], row, 2)
            group.addButton(mine[1])
            group.addButton(theirs[1])
            mine[1].setChecked(True)
            self._groups[choice.field] = group
            self._mine[choice.field] = mine[1]
            self._theirs[choice.field] = theirs[1]
        grid.setRowStretch(len(self.choices) + 1, 1)  # rows keep their height in a tall window
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_holder)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        if taken:
            note = QLabel(
                self.tr("Also taken from the other save, because only they changed it: %1.").replace(
                    "%1", ", ".join(taken)
                ),
                self,
            )
            note.setObjectName("takenNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back to the form"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _side(
        self, parent: QWidget, field: str, side: str, choose: str, text: str, style: str
    ) -> tuple[QWidget, QRadioButton]:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        button = QRadioButton(choose, box)
        button.setObjectName(f"{side}_{field}")
        value = QLabel(text, box)
        value.setObjectName(f"{side}Value_{field}")
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setStyleSheet(style)
        column.addWidget(button)
        column.addWidget(value)
        return box, button

    # -- for the caller and tests ------------------------------------------------------------
    def fields(self) -> list[str]:
        return [choice.field for choice in self.choices]

    def value_texts(self, field: str) -> tuple[str, str]:
        """The two texts shown for ``field``: (mine, theirs)."""
        choice = next(c for c in self.choices if c.field == field)
        return choice.mine, choice.theirs

    def choose(self, field: str, theirs: bool) -> None:
        (self._theirs if theirs else self._mine)[field].setChecked(True)

    def theirs_chosen(self) -> list[str]:
        """The fields where the stored value is to be kept."""
        return [field for field, button in self._theirs.items() if button.isChecked()]
