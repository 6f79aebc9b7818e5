"""Windows that fit the screen they open on, 1366×768 laptops included (issue 17).

* :func:`fit_window` makes a window no larger than the screen's free area (less room for the
  window frame and title bar) and moves it onto the screen.
* :class:`ScreenFitter`, installed on the application by ``install``, does that for every
  window when it is first shown, so no dialog opens with its buttons below the screen.
* :class:`FittingScrollArea` holds a dialog's fields: it asks for the room its content
  needs, so a dialog opens at its natural size where the screen allows, and scrolls inside
  where it does not.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStyle, QWidget
from typing_extensions import override

from app.ui.common import qt_types

# Room for a window's frame and title bar, which Qt does not know before the window is up.
FRAME_ALLOWANCE = QSize(16, 40)


def free_area(widget: QWidget) -> QRect:
    """The available geometry of the screen ``widget`` is on (or will open on)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def largest_size(widget: QWidget) -> QSize:
    """The largest client size a window may have on its screen."""
    area = free_area(widget)
    frame = widget.frameGeometry().size() - widget.geometry().size() if widget.isVisible() else QSize()
    allowance = QSize(
        max(frame.width(), FRAME_ALLOWANCE.width()), max(frame.height(), FRAME_ALLOWANCE.height())
    )
    return QSize(max(area.width() - allowance.width(), 200), max(area.height() - allowance.height(), 200))


def fit_window(window: QWidget) -> None:
    """Shrink ``window`` to fit its screen (not below its minimum size) and move it onto it."""
    largest = largest_size(window)
    size = window.size().boundedTo(largest).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    area = free_area(window)
    frame = window.frameGeometry()
    x = min(max(frame.left(), area.left()), max(area.right() - frame.width() + 1, area.left()))
    y = min(max(frame.top(), area.top()), max(area.bottom() - frame.height() + 1, area.top()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(QPoint(x, y))


class ScreenFitter(QObject):
    """Fits every window to its screen when it is shown."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and not watched.isMaximized()
            and not watched.isFullScreen()
        ):
            if not watched.testAttribute(Qt.WidgetAttribute.WA_Resized):
                # Sized by Qt, which stops at two thirds of the screen: as large as the content
                # asks for where the screen has room (a dialog need not scroll needlessly).
                watched.resize(watched.sizeHint().boundedTo(largest_size(watched)).expandedTo(watched.size()))
            fit_window(watched)
        return False


def install(app: QApplication) -> ScreenFitter:
    qt_types.load_all()  # before the filter sees a widget being made
    fitter = app.findChild(ScreenFitter) or ScreenFitter(app)
    app.installEventFilter(fitter)  # once only, however often installed
    return fitter


class FittingScrollArea(QScrollArea):
    """A frameless scroll area for a dialog's fields that asks for its content's full size
    (a plain QScrollArea asks for a fixed, small size), bounded by the screen."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(content)

    @override
    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        largest = largest_size(self)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = hint.width() + (bar if hint.height() > largest.height() else 0)
        return QSize(min(width, largest.width()), min(hint.height(), largest.height()))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's size changed: so does the room asked for
        return super().eventFilter(watched, event)

    @override
    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        width = 0 if content is None else content.minimumSizeHint().width()
        return QSize(min(width, largest_size(self).width()), 80)
