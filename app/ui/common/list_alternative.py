"""A hand-painted view with its text alternative: the same items as rows of a sortable table,
one click (or Alt+key) away. What is chosen in one is chosen in the other."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from app.ui.common.chosen_item import ChosenItem

KEY_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class ListRow:
    """One item of the view as a row: its key in the view, the texts of the columns, and what
    each column sorts by (the text when not given: dates and times need their value)."""

    key: Hashable
    texts: tuple[str, ...]
    sort_keys: tuple[object, ...] = ()
    tooltip: str = ""


class _Row(QTreeWidgetItem):
    @override
    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        column = tree.sortColumn() if tree is not None else 0
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        try:
            return bool((mine, self.text(column)) < (theirs, other.text(column)))
        except TypeError:  # None against a value: nothing first
            return mine is None and theirs is not None


class ListAlternative(QWidget):
    """``view`` (scrolled when ``scrolled``) above, or in its place, a table of ``rows()``.

    ``choice`` is the view's keyboard choice: the list's current row follows it and the other
    way round. ``activated`` is the key opened in the list (Enter or double-click).
    """

    activated = Signal(object)

    def __init__(
        self,
        view: QWidget,
        choice: ChosenItem,
        headers: Sequence[str],
        rows: Callable[[], Sequence[ListRow]],
        *,
        toggle_text: str,
        list_name: str,
        scrolled: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view, self.choice, self._rows = view, choice, rows
        self.toggle = QCheckBox(toggle_text, self)
        self.toggle.setObjectName(f"{view.objectName() or 'view'}AsList")
        self.table = QTreeWidget(self)
        self.table.setObjectName(f"{view.objectName() or 'view'}List")
        self.table.setAccessibleName(list_name)
        self.table.setColumnCount(len(headers))
        self.table.setHeaderLabels(list(headers))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the view's own order first
        self.stack = QStackedWidget(self)
        if scrolled:
            area = QScrollArea(self)
            area.setWidgetResizable(True)
            area.setWidget(view)
            self.stack.addWidget(area)
        else:
            self.stack.addWidget(view)
        self.stack.addWidget(self.table)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addStretch(1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        # Tab: the switch above, then the view (or its table).
        QWidget.setTabOrder(self.toggle, view)
        QWidget.setTabOrder(view, self.table)
        self.toggle.toggled.connect(self.show_list)
        self.table.currentItemChanged.connect(self._list_moved)
        self.table.itemActivated.connect(lambda item, _column: self._open(item))
        choice.changed.connect(self._view_moved)

    @property
    def showing_list(self) -> bool:
        return self.stack.currentWidget() is self.table

    def show_list(self, on: bool) -> None:
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)  # comes back here through the signal
            return
        had_focus = self.view.hasFocus() or self.table.hasFocus()
        self.stack.setCurrentIndex(1 if on else 0)
        if on:
            self.refresh()
        if had_focus:
            (self.table if on else self.view).setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Fill the table from the view's rows (cheap: called when the view's data changes)."""
        if not self.showing_list and not self.table.topLevelItemCount():
            return  # filled when first shown
        self.table.blockSignals(True)
        try:
            self.table.setSortingEnabled(False)
            self.table.clear()
            for row in self._rows():
                item = _Row(self.table, list(row.texts))
                item.setData(0, KEY_ROLE, row.key)
                for column, text in enumerate(row.texts):
                    sort_key = row.sort_keys[column] if column < len(row.sort_keys) else None
                    item.setData(column, SORT_ROLE, sort_key if sort_key is not None else text.casefold())
                    if row.tooltip:
                        item.setToolTip(column, row.tooltip)
            self.table.setSortingEnabled(True)
            for column in range(self.table.columnCount()):
                self.table.resizeColumnToContents(column)
        finally:
            self.table.blockSignals(False)
        self._view_moved(self.choice.key)

    def keys(self) -> list[Hashable]:
        """The keys of the rows, top to bottom as shown."""
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item.data(0, KEY_ROLE) for item in items if item is not None]

    def _item_of(self, key: Hashable | None) -> QTreeWidgetItem | None:
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item is not None and item.data(0, KEY_ROLE) == key:
                return item
        return None

    def _view_moved(self, key: Hashable | None) -> None:
        item = self._item_of(key)
        if item is not None and self.table.currentItem() is not item:
            self.table.blockSignals(True)
            self.table.setCurrentItem(item)
            self.table.blockSignals(False)
            self.table.scrollToItem(item)

    def _list_moved(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.choice.choose(current.data(0, KEY_ROLE))

    def _open(self, item: QTreeWidgetItem) -> None:
        self.activated.emit(item.data(0, KEY_ROLE))
