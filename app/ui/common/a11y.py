"""Labels that belong to their fields, for screen readers and the keyboard (EN 301 549 /
WCAG 2.1 AA: 1.3.1, 2.1.1, 2.4.6, 3.3.2, 4.1.2).

A label written beside a field is its label: its text is what a screen reader says for the
field, and its access key (``&Navn``) moves the focus there. Qt links the two only when the
label is made by ``QFormLayout.addRow("text", field)``; a label built as a ``QLabel`` and
laid out beside its field is not linked. :func:`link_labels` links them in a window: in a
form layout the label of a row and its field, in a box or grid layout a label directly
before a field. A label that already has a buddy keeps it.

:class:`LabelLinker`, installed on the application (``install``), does this for every
window when it is first shown, so dialogs and pages need no code of their own for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
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
    QStackedWidget,
    QTextEdit,
    QWidget,
)
from typing_extensions import override

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
    """Make each label written beside a field in ``root`` that field's buddy."""
    for widget in [root, *root.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is not None:
            _link_layout(layout)


class LabelLinker(QObject):
    """Links labels and fields in each window when it is shown, and in each page of a stack or
    tab widget when the page is shown (pages fill in rows after the window is up)."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        page = isinstance(watched, QWidget) and (
            watched.isWindow() or isinstance(watched.parentWidget(), QStackedWidget)
        )
        if page and event.type() == QEvent.Type.Show:
            link_labels(watched)  # type: ignore[arg-type]
        return False


def install(app: QApplication) -> LabelLinker:
    linker = app.findChild(LabelLinker) or LabelLinker(app)
    app.installEventFilter(linker)  # once only, however often installed
    return linker
