"""The program's small design system (issue 17): spacing, a type scale, icons and the empty state.

* **Spacing** on a 4 px grid: ``SPACE_XS`` … ``SPACE_XL``; layouts use these, not loose numbers.
* **Type**: sizes relative to the user's own font, through ``app.ui.common.painting.scaled_font``
  (a larger system font makes everything larger; a magnifier user's setting is kept).
* **Icons**: :func:`icon` loads a Feather icon from ``resources/icons`` (MIT, see the README
  there) and paints its strokes in the palette's text colour, so icons follow a dark palette.
* **Empty states**: :func:`empty_state` is a muted, centred sentence that says what to do next.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from app.resources import resources_dir

SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24
ICON_SIZE = QSize(18, 18)


@lru_cache(maxsize=256)
def _svg(name: str) -> bytes:
    return (resources_dir() / "icons" / f"{name}.svg").read_bytes()


def icon_pixmap(name: str, colour: QColor, size: QSize = ICON_SIZE, ratio: float = 1.0) -> QPixmap:
    """The icon ``name`` painted in ``colour`` at ``size`` (device pixel ratio ``ratio``)."""
    data = _svg(name).replace(b"currentColor", colour.name().encode("ascii"))
    renderer = QSvgRenderer(QByteArray(data))
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    finally:
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon(name: str, widget: QWidget | None = None) -> QIcon:
    """The icon ``name`` in the text colour of ``widget``'s palette (or the application's),
    with a disabled look in the palette's disabled text colour."""
    palette = widget.palette() if widget is not None else QGuiApplication.palette()
    ratio = widget.devicePixelRatioF() if widget is not None else 1.0
    result = QIcon()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    selected = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    for size in (ICON_SIZE, QSize(24, 24)):
        result.addPixmap(icon_pixmap(name, normal, size, ratio), QIcon.Mode.Normal)
        result.addPixmap(icon_pixmap(name, disabled, size, ratio), QIcon.Mode.Disabled)
        result.addPixmap(icon_pixmap(name, selected, size, ratio), QIcon.Mode.Selected)
    return result


def empty_state(text: str, parent: QWidget | None = None) -> QLabel:
    """A muted, centred, word-wrapped sentence for a list or page with nothing in it yet; the
    sentence should say what to do next ("Opret den første opgave med Ny opgave …")."""
    label = QLabel(text, parent)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setContentsMargins(SPACE_L, SPACE_XL, SPACE_L, SPACE_XL)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label
