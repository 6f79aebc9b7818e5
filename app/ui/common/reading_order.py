"""Tab in reading order in the program's dialogs (EN 301 549 / WCAG 2.1 AA 2.4.3).

Qt's Tab follows the order in which widgets were made, so a dialog that makes its buttons
first starts at Save, a row added after the dialog opened (another person, a hand-over note,
a field filled in when the store answers) is reached after the buttons, and a date made
before the check box that enables it is read before that box. :func:`arrange_tab_order`
orders a dialog's Tab stops as the dialog reads: each widget's children top to bottom in rows
(two widgets share a row when their heights overlap) and left to right within a row, so the
panes of a splitter or the columns of a form read one after the other; the dialog's buttons
(its ``QDialogButtonBox``) come last. :class:`app.ui.common.a11y.LabelLinker` runs it when one
of the program's dialogs is shown and again when a part of it is shown later
(:func:`arrange_soon`); :class:`app.ui.common.form_dialog.FormDialog` runs it itself.
"""

from __future__ import annotations

import itertools

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QWidget,
)

_pending: dict[int, QWidget] = {}
# Controls whose parts (a spin box's line edit, a view's cell widgets) Qt moves with them.
CONTROLS = (QAbstractSpinBox, QComboBox, QCalendarWidget, QAbstractItemView)


def in_reading_order(widgets: list[QWidget]) -> list[QWidget]:
    """Sibling widgets as they read: in rows from the top (a widget joins the row above when
    its top is above that row's bottom), each row from the left."""
    rows: list[list[QWidget]] = []
    bottom = -1
    for widget in sorted(widgets, key=lambda w: (w.y(), w.x())):
        if rows and widget.y() <= bottom:
            rows[-1].append(widget)
            bottom = max(bottom, widget.geometry().bottom())
        else:
            rows.append([widget])
            bottom = widget.geometry().bottom()
    return [widget for row in rows for widget in sorted(row, key=lambda w: w.x())]


def part_of_control(widget: QWidget, controls: tuple[type[QWidget], ...] = CONTROLS) -> bool:
    """A part of another control (a spin box's line edit, a calendar's buttons, a view's cell
    editor): Qt moves it with its control, never alone."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, controls):
            return True
        parent = parent.parentWidget()
    return False


def _tab_stop(widget: QWidget) -> bool:
    """Reached by Tab once shown and enabled (a disabled one too: a check box may enable it
    later, and no event says so)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not part_of_control(widget)
    )


def _walk(parent: QWidget, window: QWidget) -> list[QWidget]:
    shown = [
        child
        for child in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if not child.isWindow() and child.isVisibleTo(window)
    ]
    found: list[QWidget] = []
    for child in in_reading_order(shown):
        found.append(child)
        if not isinstance(child, CONTROLS):  # a control's parts move with it
            found.extend(_walk(child, window))
    return found


def reading_stops(window: QWidget) -> list[QWidget]:
    """The Tab stops shown in ``window``, as they read, its dialog buttons last."""
    stops = [w for w in _walk(window, window) if _tab_stop(w)]
    boxes = [box for box in window.findChildren(QDialogButtonBox) if box.window() is window]
    buttons = {id(button) for box in boxes for button in box.buttons()}
    return [w for w in stops if id(w) not in buttons] + [w for w in stops if id(w) in buttons]


def arrange_tab_order(window: QWidget, first_focus: bool = False) -> None:
    """Tab through ``window`` as it reads. ``first_focus`` (when the window opens): the focus
    goes to the first enabled field if it is nowhere yet or on one of the dialog's buttons."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # where everything stands now
    stops = reading_stops(window)
    for before, after in itertools.pairwise(stops):
        QWidget.setTabOrder(before, after)
    if not first_focus:
        return
    boxes = [box for box in window.findChildren(QDialogButtonBox) if box.window() is window]
    buttons = [button for box in boxes for button in box.buttons()]
    focus = window.focusWidget()
    if focus is None or focus in buttons:
        opening = next((w for w in stops if w.isEnabled() and w not in buttons), None)
        if opening is not None:
            opening.setFocus(Qt.FocusReason.TabFocusReason)


def ours(window: QWidget) -> bool:
    """One of the program's own dialogs (not a message box or a file dialog of Qt's)."""
    return isinstance(window, QDialog) and type(window).__module__.startswith("app.")


def arrange_soon(window: QWidget) -> None:
    """Arrange ``window``'s Tab order once the event loop has laid out what was just shown
    (many parts shown at once arrange it once)."""
    if id(window) in _pending:
        return
    _pending[id(window)] = window

    def run() -> None:
        _pending.pop(id(window), None)
        if shiboken6.isValid(window) and window.isVisible():
            arrange_tab_order(window)

    QTimer.singleShot(0, run)
