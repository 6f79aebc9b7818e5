"""Editing a cell of the plan's goal and agreement tables: a choice from a list, a date that
may be left out, and a goal's text indented under its parent.

The models hand the delegates plain text in the edit role (a choice's key, an ISO date or
""), so nothing depends on how Qt converts Python values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget
from typing_extensions import override

from app.services.common.clock import local_today
from app.ui.common.date_fields import OptionalDate

Index = QModelIndex | QPersistentModelIndex
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2  # a goal's depth under the overall goals (0, 1, 2)
INDENT = 18


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of (shown text, key) pairs; the model takes the chosen key."""

    def __init__(self, choices: Callable[[], list[tuple[str, str]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for text, key in self._choices():
            combo.addItem(text, key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    @override
    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        current = str(index.data(Qt.ItemDataRole.EditRole) or "")
        found = editor.findData(current)
        if found < 0 and current:  # a choice no longer offered (someone left the network): kept
            editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole) or "?"), current)
            found = editor.count() - 1
        editor.setCurrentIndex(max(found, 0))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, str(editor.currentData() or ""), Qt.ItemDataRole.EditRole)


class OptionalDateDelegate(QStyledItemDelegate):
    """A check box and a date: unchecked leaves the date out; the model takes an ISO date or ""."""

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = OptionalDate("", None, local_today(), parent)
        editor.setAutoFillBackground(True)
        return editor

    @override
    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, OptionalDate)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.set_value(date.fromisoformat(text) if text else None)

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, OptionalDate)
        day = editor.value()
        model.setData(index, day.isoformat() if day else "", Qt.ItemDataRole.EditRole)


class IndentedTextDelegate(QStyledItemDelegate):
    """A goal's text, indented by its depth, so sub-goals stand under their overall goal."""

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        depth = int(index.data(LEVEL_ROLE) or 0)
        if depth:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(INDENT * depth, 0, 0, 0)
        super().paint(painter, option, index)

    @override
    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        super().updateEditorGeometry(editor, option, index)
        depth = int(index.data(LEVEL_ROLE) or 0)
        editor.setGeometry(editor.geometry().adjusted(INDENT * depth, 0, 0, 0))
