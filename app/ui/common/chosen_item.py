"""The keyboard path through a hand-painted view (timeline, week grid, score chart): one item is
chosen at a time, the arrow keys move the choice, Enter opens it, and what is chosen is the
view's accessible description, announced to screen readers.

``ChosenItem`` watches the view's events (it is an event filter), so a view only tells it
which items there are, in what order, where each is drawn and how to say it (``ChoosableView``);
the view paints ``paint_mark`` last. Tab leaves the view as in any other composite widget: the arrows move
inside it (the ARIA "grid" pattern), and the view's list alternative holds the same items.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QScrollArea, QWidget
from typing_extensions import override

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def announce_description(widget: QWidget, text: str) -> None:
    """Make ``text`` the widget's accessible description and tell assistive technology (a
    reader says the new description; with focus, as if the widget were focused anew)."""
    if widget.accessibleDescription() == text:
        return
    widget.setAccessibleDescription(text)
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged))
    if widget.hasFocus():
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))


@runtime_checkable
class ChoosableView(Protocol):
    """What a view tells its ``ChosenItem``."""

    def item_keys(self) -> Sequence[Hashable]:
        """The items drawn, in the order of the arrow keys."""

    def item_rect(self, key: Hashable) -> QRectF | None:
        """Where the item is drawn."""

    def item_summary(self, key: Hashable) -> str:
        """The item in plain words (the accessible description while it is chosen)."""

    def key_at(self, pos: QPointF) -> Hashable | None:
        """The item under ``pos``."""

    def idle_summary(self) -> str:
        """The description while nothing is chosen: how to move about."""


class ChosenItem(QObject):
    """The chosen item of ``view``; items are any hashable keys the view gives."""

    changed = Signal(object)  # the chosen key, or None
    activated = Signal(object)  # the key opened by Enter or a double-click

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)  # no Python reference to the view: Qt's parent link is the one
        if not isinstance(view, ChoosableView):
            raise TypeError(f"{type(view).__name__} does not name its items")
        self.key: Hashable | None = None
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.installEventFilter(self)

    @property
    def view(self) -> QWidget:
        return self.parent()  # type: ignore[return-value]

    def _items(self) -> ChoosableView:
        return self.parent()  # type: ignore[return-value]

    # -- the choice -----------------------------------------------------------------------------

    def choose(self, key: Hashable | None) -> None:
        """Choose ``key`` (None: nothing); a key the view does not show chooses nothing."""
        if key is not None and key not in self._items().item_keys():
            key = None
        changed = key != self.key
        self.key = key
        self.describe()
        if key is not None:
            self._scroll_to(key)
        self.view.update()
        if changed:
            self.changed.emit(key)

    def refresh(self) -> None:
        """After new data: keep the choice if the item is still there, and say it anew."""
        self.choose(self.key)

    def describe(self) -> None:
        text = self._items().item_summary(self.key) if self.key is not None else self._items().idle_summary()
        announce_description(self.view, text)

    def step(self, direction: int) -> bool:
        """Choose the next (1) or previous (-1) item; False at either end."""
        order = list(self._items().item_keys())
        if not order:
            return False
        if self.key not in order:
            self.choose(order[0] if direction > 0 else order[-1])
            return True
        index = order.index(self.key) + direction
        if not 0 <= index < len(order):
            return False
        self.choose(order[index])
        return True

    def paint_mark(self, painter: QPainter) -> None:
        """A ring in the palette's highlight round the chosen item (thicker with focus)."""
        rect = self._items().item_rect(self.key) if self.key is not None else None
        if rect is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = self.view.hasFocus()
        pen = QPen(self.view.palette().highlight().color(), 3 if focused else 2)
        if not focused:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 4, 4)
        painter.restore()

    def _scroll_to(self, key: Hashable) -> None:
        rect = self._items().item_rect(key)
        parent = self.view.parentWidget()
        area = parent.parentWidget() if parent is not None else None  # viewport, then the area
        if rect is not None and isinstance(area, QScrollArea) and area.widget() is self.view:
            centre = rect.center()
            margin_x = round(min(rect.width() / 2 + 12, area.viewport().width() / 2))
            margin_y = round(min(rect.height() / 2 + 12, area.viewport().height() / 2))
            area.ensureVisible(round(centre.x()), round(centre.y()), margin_x, margin_y)

    # -- events ---------------------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            if self.key is None and event.reason() != Qt.FocusReason.MouseFocusReason:
                self.step(1 if event.reason() != Qt.FocusReason.BacktabFocusReason else -1)
            self.view.update()
        elif kind == QEvent.Type.FocusOut:
            self.view.update()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self.choose(self._items().key_at(event.position()))
        elif kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            key = self._items().key_at(event.position())
            if event.button() == Qt.MouseButton.LeftButton and key is not None:
                self.choose(key)
                self.activated.emit(key)
                return True
        return False

    def _key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl, Alt and Shift combinations belong to the window
        key = event.key()
        if key in NEXT_KEYS or key in PREVIOUS_KEYS:
            self.step(1 if key in NEXT_KEYS else -1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            order = list(self._items().item_keys())
            if order:
                self.choose(order[0] if key == Qt.Key.Key_Home else order[-1])
        elif key in OPEN_KEYS and self.key is not None:
            self.activated.emit(self.key)
        elif key == Qt.Key.Key_Escape and self.key is not None:
            self.choose(None)
        else:
            return False
        event.accept()
        return True
