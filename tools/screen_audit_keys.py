"""The keyboard part of the screen audit (issue 17): the tab order and the access keys of a
shown window (used by :func:`tools.screen_audit.audit`).

* **taborder**: Tab, from the window's first focusable widget along ``nextInFocusChain()``
  over the shown, enabled widgets that take focus by Tab (not the parts of a spin box,
  combo box, calendar or view), visits them in reading order: top to bottom, and left to
  right within a row (two widgets are in one row when their heights overlap); a dialog's
  buttons (its ``QDialogButtonBox``) come last, left to right. Two widgets are compared by
  the blocks that hold them below their nearest common parent, so the panes of a splitter or
  two columns read one after the other (all of the left, then the right), and the rows of a
  form row by row. The finding names the first widget out of order.
* **accesskey**: no two shown labels of fields, buttons, group boxes, tabs or menus of one
  window have the same access key (Alt+letter).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.ui.common.access_keys import keyed, menu_keys, mnemonic
from tools.screen_audit import Finding, _inside_composite, _shown, path_of


def _tab_stop(widget: QWidget, window: QWidget) -> bool:
    return (
        widget.window() is window
        and _shown(widget)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not _inside_composite(widget)
    )


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in order: in a dialog from the one that has the
    focus (where the dialog opens), else from the first after the window in its focus chain."""
    chain: list[QWidget] = []
    start = window.focusWidget() if isinstance(window, QDialog) else None
    if start is None or not _tab_stop(start, window):
        start = window.nextInFocusChain()
    seen: set[int] = set()
    current = start
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current is not window and _tab_stop(current, window):
            chain.append(current)
        current = current.nextInFocusChain()
    return chain


def place(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget`` is in ``window``'s coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def reads_before(first: QRect, second: QRect) -> bool:
    """Whether ``first`` may come before ``second`` in reading order."""
    same_row = first.top() <= second.bottom() and second.top() <= first.bottom()
    if same_row:
        return first.left() <= second.left()
    return first.top() < second.top()


def blocks(first: QWidget, second: QWidget) -> tuple[QWidget, QWidget]:
    """What is compared for the reading order of ``first`` and ``second``: the two children of
    their nearest common parent that hold them (two panes of a splitter, two rows of a form),
    or the widgets themselves when one holds the other."""
    above: list[QWidget] = []
    current: QWidget | None = first
    while current is not None:
        above.append(current)
        current = None if current.isWindow() else current.parentWidget()
    child, current = second, second
    while current is not None and current not in above:
        child = current
        current = None if current.isWindow() else current.parentWidget()
    if current is None or current is first or current is second:
        return first, second
    return above[above.index(current) - 1], child


def _name(widget: QWidget) -> str:
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {name!r}" if name else path_of(widget).split("] ", 1)[-1]


def audit_tab_order(window: QWidget) -> list[Finding]:
    chain = focus_chain(window)
    boxes = [b for b in window.findChildren(QDialogButtonBox) if b.window() is window]
    box_buttons = {id(button) for box in boxes for button in box.buttons()}
    seen_box: QWidget | None = None
    for widget in chain:
        if id(widget) in box_buttons:
            seen_box = seen_box or widget
        elif seen_box is not None:
            return [
                Finding(
                    "taborder",
                    path_of(widget),
                    f"Tab reaches it after the dialog's button {_name(seen_box)}",
                )
            ]
    for group in ([w for w in chain if id(w) not in box_buttons], [w for w in chain if id(w) in box_buttons]):
        for before, after in itertools.pairwise(group):
            block_before, block_after = blocks(before, after)
            if not reads_before(place(block_before, window), place(block_after, window)):
                return [
                    Finding(
                        "taborder",
                        path_of(after),
                        f"Tab reaches it after {_name(before)}, which is below or right of it",
                    )
                ]
    return []


def audit_access_keys(window: QWidget) -> list[Finding]:
    found: list[Finding] = []
    owners: dict[str, QWidget] = {}
    keys = [(bar, key) for bar, key in menu_keys(window)]
    keys += [(item.widget, mnemonic(item.text())) for item in keyed(window)]
    for widget, key in keys:
        if not key:
            continue
        if key in owners:
            found.append(
                Finding("accesskey", path_of(widget), f"Alt+{key.upper()} is also {_name(owners[key])}'s key")
            )
        else:
            owners[key] = widget
    return found
