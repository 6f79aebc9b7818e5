"""Checks a shown window the way a caseworker on a small laptop, or with a screen reader or
only a keyboard, would meet it (issue 17): ``audit(window) -> list[Finding]``.

* **Names**: every widget that takes keyboard focus has an accessible name (what a screen
  reader says), and every input field has a visible label whose buddy it is (the label's
  access key then moves to it). A field without a label says why in the dynamic property
  ``no_label`` (e.g. a search field whose placeholder and accessible name say what it is).
* **Keyboard**: the tab order follows the reading order (top to bottom, left to right; the
  dialog's buttons last), and no two access keys (Alt+letter) of a window are the same
  (``tools.screen_audit_keys``).
* **Clipping**: no table or tree column's header, and no cell on the first page, is cut
  off or elided unless the cell or header has a tooltip with the full text; no column starts
  off the view's right edge; no label or button is narrower than its text; the window fits
  the screen.

Used by ``python -m tools.screenshots --audit`` on every screen it renders, and by the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)
SLACK = 1  # px of rounding


@dataclass(frozen=True, slots=True)
class Finding:
    # "unnamed", "unlabelled", "taborder", "accesskey" (the keyboard and screen readers);
    # "column", "cell", "offscreen", "label", "button", "window" (clipping)
    kind: str
    where: str  # the window and the widget's path of object names or classes
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}: {self.detail}"


def path_of(widget: QWidget) -> str:
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        parts.append(current.objectName() or type(current).__name__)
        if current.isWindow():
            break
        current = current.parentWidget()
    window = widget.window()
    title = window.windowTitle() or type(window).__name__
    return f"[{title}] " + "/".join(reversed(parts))


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _inside_composite(widget: QWidget) -> bool:
    """A part of another control (a spin box's line edit, a combo's popup, a view's editor, a
    calendar's buttons, a scroll area's viewport): the control it belongs to carries the name."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
        return True
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QCalendarWidget):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            return True  # a cell editor or an index widget
        if parent.isWindow():
            return False
        parent = parent.parentWidget()
    return False


def widgets(window: QWidget) -> Iterator[QWidget]:
    yield window
    yield from (w for w in window.findChildren(QWidget) if w.window() is window)


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def _tab_bar_named(bar: QTabBar) -> bool:
    return all(bar.tabText(i).strip() or bar.accessibleTabName(i).strip() for i in range(bar.count()))


def audit_names(window: QWidget) -> list[Finding]:
    found: list[Finding] = []
    shown = [w for w in widgets(window) if _shown(w)]
    buddies = {id(label.buddy()) for label in window.findChildren(QLabel) if label.buddy() is not None}
    for widget in shown:
        if _inside_composite(widget) or widget.objectName().startswith("qt_"):
            continue
        focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()
        if _container(widget):
            continue  # a pane: its controls are checked, the tab bar of a tab widget too
        if isinstance(widget, QTabBar):
            if not _tab_bar_named(widget):
                found.append(Finding("unnamed", path_of(widget), "a tab without a name"))
            continue
        if focusable and not _name(widget):
            found.append(
                Finding("unnamed", path_of(widget), f"focusable {type(widget).__name__} without a name")
            )
        if (
            isinstance(widget, INPUTS)
            and widget.isEnabled()
            and not _read_only(widget)
            and id(widget) not in buddies
            and not widget.property("no_label")
        ):
            found.append(
                Finding("unlabelled", path_of(widget), f"{type(widget).__name__} is no label's buddy")
            )
    return found


def _container(widget: QWidget) -> bool:
    if isinstance(widget, QTabWidget | QStackedWidget):
        return True
    return isinstance(widget, QScrollArea) and not isinstance(widget, QAbstractItemView)


def _read_only(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return widget.isReadOnly()
    return False


# -- clipping ------------------------------------------------------------------------------------


def _header_needs(view: QAbstractItemView, header: QHeaderView, section: int) -> int:
    model = header.model()
    text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.text = text
    option.section = section
    if header.isSortIndicatorShown():
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    size = header.style().sizeFromContents(
        QStyle.ContentsType.CT_HeaderSection, option, header.size(), header
    )
    return size.width()


def _has_tip(model: object, index: QModelIndex | None = None, section: int = -1) -> bool:
    if index is not None:
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
    else:
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)  # type: ignore[attr-defined]
    return bool(str(tip or "").strip())


def _visible_rows(view: QAbstractItemView) -> Iterator[QModelIndex]:
    model = view.model()
    if model is None:
        return
    viewport = view.viewport().rect()
    index = view.indexAt(viewport.topLeft() + view.viewport().rect().topLeft())
    if not index.isValid():
        index = model.index(0, 0)
    seen = 0
    while index.isValid() and seen < 200:
        rect = view.visualRect(index)
        if rect.top() > viewport.bottom():
            break
        yield index
        seen += 1
        if isinstance(view, QTreeView):
            index = view.indexBelow(index)
        else:
            index = model.index(index.row() + 1, 0, index.parent())


def audit_view(view: QAbstractItemView) -> list[Finding]:
    found: list[Finding] = []
    model = view.model()
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if isinstance(view, QTreeView):
        header = view.header()
    if model is None or header is None or model.columnCount() == 0:
        return found
    where = path_of(view)
    width = view.viewport().width()
    columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    for column in columns:
        left = header.sectionViewportPosition(column)
        name = str(model.headerData(column, Qt.Orientation.Horizontal) or column)
        if left >= width:
            found.append(Finding("offscreen", where, f"column {name!r} starts outside the view"))
            continue
        cut = (
            not header.isHidden() and _header_needs(view, header, column) > header.sectionSize(column) + SLACK
        )
        if cut and not _has_tip(model, section=column):
            found.append(Finding("column", where, f"header {name!r} is cut off"))
    delegate_option = QStyleOptionViewItem()
    for row_index in _visible_rows(view):
        for column in columns:
            index = row_index.siblingAtColumn(column)
            if not index.isValid():
                continue
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or str(text).strip() == "":
                continue
            rect: QRect = view.visualRect(index)
            if rect.width() <= 0:
                continue
            delegate = view.itemDelegateForIndex(index)
            view.initViewItemOption(delegate_option) if hasattr(view, "initViewItemOption") else None
            delegate_option.rect = rect
            needed = delegate.sizeHint(delegate_option, index)
            right_edge = min(rect.right(), view.viewport().width())
            visible_width = right_edge - rect.left() + 1
            too_narrow = needed.width() > visible_width + SLACK
            if too_narrow and view.wordWrap() and " " in str(text).strip():
                too_narrow = _wrapped_height(view, index, rect.width()) > rect.height() + SLACK
            if too_narrow and not _has_tip(model, index):
                name = str(model.headerData(column, Qt.Orientation.Horizontal) or column)
                found.append(
                    Finding(
                        "cell", where, f"row {index.row()} column {name!r}: {str(text)[:40]!r} is cut off"
                    )
                )
    return found


def _wrapped_height(view: QAbstractItemView, index: QModelIndex, width: int) -> int:
    metrics = view.fontMetrics()
    bound = metrics.boundingRect(
        QRect(0, 0, max(width - 8, 1), 10_000), Qt.TextFlag.TextWordWrap, str(index.data())
    )
    return bound.height() + 4


def audit_clipping(window: QWidget) -> list[Finding]:
    found: list[Finding] = []
    screen = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        found.append(
            Finding(
                "window",
                path_of(window),
                f"{frame.width()}×{frame.height()} exceeds the screen {screen.width()}×{screen.height()}",
            )
        )
    for widget in widgets(window):
        if not _shown(widget) or _inside_composite(widget):
            continue
        if isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            found.extend(audit_view(widget))
        elif isinstance(widget, QLabel):
            found.extend(_audit_label(widget))
        elif isinstance(widget, QAbstractButton) and _button_cut(widget):
            found.append(Finding("button", path_of(widget), f"{widget.text()!r} is cut off"))
    return found


def _button_cut(button: QAbstractButton) -> bool:
    if not button.text().strip() or button.toolTip():
        return False
    return button.minimumSizeHint().width() > button.width() + SLACK


def _audit_label(label: QLabel) -> list[Finding]:
    text = label.text().strip()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()) or label.toolTip():
        return []
    if isinstance(label.parentWidget(), QAbstractScrollArea):
        return []
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return [
                Finding(
                    "label", path_of(label), f"{text[:40]!r} needs {needed} px height, has {label.height()}"
                )
            ]
        return []
    if label.sizeHint().width() > label.width() + SLACK:
        return [
            Finding(
                "label",
                path_of(label),
                f"{text[:40]!r} needs {label.sizeHint().width()} px, has {label.width()}",
            )
        ]
    return []


def audit(window: QWidget) -> list[Finding]:
    """Everything wrong with the shown ``window`` (names, labels, tab order, access keys,
    clipping)."""
    from tools.screen_audit_keys import audit_access_keys, audit_tab_order

    return audit_names(window) + audit_tab_order(window) + audit_access_keys(window) + audit_clipping(window)
