"""Labels that belong to their fields, for screen readers and the keyboard (EN 301 549 /
WCAG 2.1 AA: 1.3.1, 2.1.1, 2.4.6, 3.3.2, 4.1.2).

A label written beside a field is its label: its text is what a screen reader says for the
field, and its access key (``&Navn``) moves the focus there. Qt links the two only when the
label is made by ``QFormLayout.addRow("text", field)``; a label built as a ``QLabel`` and
laid out beside its field is not linked. :func:`link_labels` links them in a window: in a
form layout the label of a row and its field, in a box or grid layout a label directly
before a field. A label that already has a buddy keeps it.

:class:`LabelLinker`, installed on the application (``install``), does this for every
window when it is shown, so dialogs and pages need no code of their own for it; it also gives
them access keys (Alt+letter, :mod:`app.ui.common.access_keys`).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from typing_extensions import override

from app.ui.common import access_keys, qt_types
from app.ui.common.reading_order import arrange_soon, arrange_tab_order, ours, part_of_control

log = logging.getLogger(__name__)

FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _field_in(item: QLayoutItem | None) -> QWidget | None:
    """The first field in a layout item (a widget, or a nested layout's first field)."""
    if item is None:
        return None
    widget = item.widget()
    if widget is not None:
        if isinstance(widget, FIELDS):
            return widget
        return next((w for w in widget.findChildren(QWidget) if isinstance(w, FIELDS)), None)
    layout = item.layout()
    if layout is not None:
        for index in range(layout.count()):
            found = _field_in(layout.itemAt(index))
            if found is not None:
                return found
    return None


def _label_in(item: QLayoutItem | None) -> QLabel | None:
    """A label not yet linked to a field (QFormLayout.addRow("text", holder) links the label
    to the holder widget, not to the field inside it: that is relinked too)."""
    widget = None if item is None else item.widget()
    if isinstance(widget, QLabel) and widget.text().strip() and not isinstance(widget.buddy(), FIELDS):
        return widget
    return None


def spoken(text: str) -> str:
    """A label's text as a name: without access-key ampersands and the closing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def _link(label: QLabel | None, field: QWidget | None) -> None:
    if label is None or field is None or isinstance(field, QAbstractButton):
        return
    label.setBuddy(field)
    # Qt takes a field's name from a buddy label only when the two are siblings; a field in a
    # holder widget (with its error line) would have none.
    if not field.accessibleName():
        field.setAccessibleName(spoken(label.text()))


def _link_layout(layout: QLayout) -> None:
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            label = _label_in(layout.itemAt(row, QFormLayout.ItemRole.LabelRole))
            _link(label, _field_in(layout.itemAt(row, QFormLayout.ItemRole.FieldRole)))
    elif isinstance(layout, QGridLayout):
        for index in range(layout.count()):
            label = _label_in(layout.itemAt(index))
            if label is None:
                continue
            position: tuple[int, int, int, int] = layout.getItemPosition(index)  # type: ignore[assignment]
            _link(label, _field_in(layout.itemAtPosition(position[0], position[1] + 1)))
    elif isinstance(layout, QBoxLayout):
        for index in range(layout.count() - 1):
            following = layout.itemAt(index + 1)
            if following is not None and following.widget() is not None:  # not a row of its own
                _link(_label_in(layout.itemAt(index)), _field_in(following))
    for index in range(layout.count()):
        child = layout.itemAt(index)
        inner = None if child is None else child.layout()
        if inner is not None:
            _link_layout(inner)


def link_labels(root: QWidget) -> None:
    """Make each label written beside a field in ``root`` that field's buddy, and name each
    field from its label (also a field a dialog made a label's buddy itself)."""
    for widget in [root, *root.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is not None:
            _link_layout(layout)
    for label in root.findChildren(QLabel):
        field = label.buddy()
        if isinstance(field, FIELDS) and not field.accessibleName() and label.text().strip():
            field.setAccessibleName(spoken(label.text()))


def _stops_in(part: QWidget) -> list[QWidget]:
    """``part`` and what in it takes focus, in the order of the window's focus chain (a widget
    whose focus goes to another, its proxy, is left to the proxy)."""
    window = part.window()
    found: list[QWidget] = []
    current: QWidget | None = window.nextInFocusChain()
    while current is not None and current is not window and current not in found:
        if (
            (current is part or part.isAncestorOf(current))
            and current.focusPolicy() != Qt.FocusPolicy.NoFocus
            and current.focusProxy() is None
            and not part_of_control(current)
        ):
            found.append(current)
        current = current.nextInFocusChain()
    for tabs in [part, *part.findChildren(QTabWidget)]:
        bar = tabs.tabBar() if isinstance(tabs, QTabWidget) else None
        if bar is not None and bar in found:  # the tabs before the page they show
            found.remove(bar)
            first = next((i for i, w in enumerate(found) if tabs.isAncestorOf(w)), len(found))
            found.insert(first, bar)
    return found


def tab_order(*parts: QWidget, start: bool = False) -> None:
    """Tab goes through ``parts`` in this order: a part that holds fields (a page, a panel, a
    tab widget) with all of them, in their own order; the rest of the window keeps its order.
    ``start``: Tab starts at the first of them in their window."""
    stops = [stop for part in parts for stop in _stops_in(part)]
    for first, second in itertools.pairwise(stops):
        QWidget.setTabOrder(first, second)
    if start and stops:
        begin_tab_order_at(stops[0])


def begin_tab_order_at(widget: QWidget) -> None:
    """Make ``widget`` the first that Tab reaches in its window: the focus chain is a ring
    through the window itself, so the window is moved to just before ``widget``."""
    window = widget.window()
    before: QWidget | None = widget.previousInFocusChain()
    while (
        before is not None
        and before is not window
        and (before.focusPolicy() == Qt.FocusPolicy.NoFocus or before.focusProxy() is not None)
    ):
        before = before.previousInFocusChain()
    if before is None or before is window:
        return
    policy = window.focusPolicy()
    window.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Qt moves only widgets that take focus
    QWidget.setTabOrder(before, window)
    window.setFocusPolicy(policy)


def scroll_areas_pass_focus(root: QWidget) -> None:
    """A scroll area that holds fields is no Tab stop of its own: Tab goes to its fields, and
    the area scrolls to show the one with the focus."""
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if inner is not None and any(
            w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in [inner, *inner.findChildren(QWidget)]
        ):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def arrange(window: QWidget, *steps: Callable[[], None]) -> None:
    """Run the show-time ``steps`` for ``window``; a widget whose Python side outlived it (a
    stale wrapper: ``RuntimeError``) ends that step only, never the program (an exception in
    a Qt override would)."""
    for step in steps:
        try:
            step()
        except RuntimeError:
            log.debug("Arranging %s skipped a deleted widget", type(window).__name__)


class LabelLinker(QObject):
    """Links labels and fields in each window when it is shown, and in each page of a stack or
    tab widget when the page is shown (pages fill in rows after the window is up); then gives
    the labels, buttons and tabs shown their access keys (:mod:`app.ui.common.access_keys`),
    and Tab in the program's dialogs its reading order (:mod:`app.ui.common.reading_order`)."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show or not isinstance(watched, QWidget):
            return False
        widget: QWidget = watched
        if widget.isWindow() or isinstance(widget.parentWidget(), QStackedWidget):
            arrange(
                widget,
                lambda: link_labels(widget),
                lambda: scroll_areas_pass_focus(widget),
                lambda: access_keys.assign(widget),
            )
        window = widget.window()
        if ours(window):  # Tab as the dialog reads, now and when a part of it is shown later
            if widget is window:
                arrange(window, lambda: arrange_tab_order(window, first_focus=True))
            else:
                arrange_soon(window)
        return False


def install(app: QApplication) -> LabelLinker:
    qt_types.load_all()  # before the filter sees a widget being made
    linker = app.findChild(LabelLinker) or LabelLinker(app)
    app.installEventFilter(linker)  # once only, however often installed
    return linker
