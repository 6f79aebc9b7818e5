"""Choosing whom a goal concerns: a check box per family member and "The whole family".

The whole family is the goal with no member named; it is checked exactly when no member is.
Checking a member unchecks the whole family; checking the whole family unchecks every member;
unchecking the last member checks the whole family again. The arrow keys move, Space checks.
Used in the goal dialog and, as the cell editor, in the goals table (``MembersDelegate``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from typing_extensions import override

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a member's citizen id; None for the whole family
_MOVES = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Space,
}


def members_key(member_ids: Iterable[int]) -> str:
    """A goal's members as the edit role's text: "12,15" ("" for the whole family)."""
    return ",".join(str(c) for c in sorted(set(member_ids)))


def parse_members(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(part) for part in text.split(",") if part.strip()}))


class MemberPicker(QListWidget):
    """The family's members, each with a check box, under "The whole family"."""

    chosen_changed = Signal()

    def __init__(self, members: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalMembers")
        self.setAccessibleName(self.tr("Whom the goal concerns"))
        self.setAccessibleDescription(
            self.tr("Check each member the goal concerns, or the whole family. Space checks.")
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._adjusting = False
        for citizen_id, name in [(None, self.tr("The whole family")), *members]:
            item = QListWidgetItem(name, self)
            item.setData(ID_ROLE, citizen_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.set_chosen(())
        self.setCurrentRow(0)
        self.itemChanged.connect(self._changed)

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def chosen(self) -> tuple[int, ...]:
        """The members checked (none: the whole family)."""
        return tuple(
            sorted(
                int(item.data(ID_ROLE))
                for item in self._items()
                if item.data(ID_ROLE) is not None and item.checkState() == Qt.CheckState.Checked
            )
        )

    def set_chosen(self, member_ids: Iterable[int]) -> None:
        """Check these members (none: the whole family). A member no longer in the family
        keeps its place, so choosing nothing new keeps the goal as it was."""
        wanted = set(member_ids)
        known = {item.data(ID_ROLE) for item in self._items()}
        self._adjusting = True
        try:
            for citizen_id in sorted(wanted - known):
                item = QListWidgetItem("?", self)
                item.setData(ID_ROLE, citizen_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            for item in self._items():
                citizen_id = item.data(ID_ROLE)
                on = citizen_id in wanted if citizen_id is not None else not wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._adjusting = False
        self.chosen_changed.emit()

    def go_to_chosen(self) -> None:
        """The first row checked becomes the current one (where Space acts)."""
        items = self._items()
        row = next((i for i, item in enumerate(items) if item.checkState() == Qt.CheckState.Checked), 0)
        self.setCurrentRow(row)

    def _changed(self, item: QListWidgetItem) -> None:
        if self._adjusting:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        if item.data(ID_ROLE) is None:
            # the whole family: checking it clears the members; it cannot be unchecked alone
            self.set_chosen(() if checked else self.chosen())
        else:
            self.set_chosen(self.chosen())

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in _MOVES:
            # at the list's end a move goes nowhere: as the table's cell editor it must not
            # reach the table, which would move to another cell and close the editor
            event.accept()

    def fitting_height(self) -> int:
        """The height that shows every row (the popup and the dialog show all members)."""
        rows = sum(self.sizeHintForRow(row) for row in range(self.count()))
        return rows + 2 * self.frameWidth() + 2

    @override
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.fitting_height())


class MembersDelegate(QStyledItemDelegate):
    """The goals table's "Concerns" cell: shown on one line (elided, the tooltip holds all),
    edited with a :class:`MemberPicker` over the cell. Enter or Tab keeps the choice, Escape
    leaves the goal as it was."""

    def __init__(self, members: Callable[[], list[tuple[int, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members = members

    @override
    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideRight

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        picker = MemberPicker(self._members(), parent)
        picker.setAutoFillBackground(True)
        return picker

    @override
    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, MemberPicker)
        editor.set_chosen(parse_members(str(index.data(Qt.ItemDataRole.EditRole) or "")))
        editor.go_to_chosen()

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, MemberPicker)
        model.setData(index, members_key(editor.chosen()), Qt.ItemDataRole.EditRole)

    @override
    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        assert isinstance(editor, MemberPicker)
        rect = option.rect
        width = max(rect.width(), editor.sizeHintForColumn(0) + 2 * editor.frameWidth() + 8)
        editor.setGeometry(rect.x(), rect.y(), width, editor.fitting_height())
