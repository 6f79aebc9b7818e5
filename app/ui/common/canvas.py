"""A widget painted by hand whose layout follows its width, with tooltips from a hit test."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget
from typing_extensions import override


class ReflowCanvas(QWidget):
    """Subclasses set ``_height`` in ``_relayout(width)`` and answer ``_tooltip_hit(pos)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._height = 0.0
        self._laid_out_width = -1

    def _relayout(self, width: float | None = None) -> None:
        """Lay the content out for ``width`` and set ``_height`` (every subclass does)."""
        raise NotImplementedError(f"{type(self).__name__} must lay itself out")

    def _tooltip_hit(self, pos: QPointF) -> tuple[str, QRectF] | None:
        """The tooltip text and the area it belongs to, or None where there is nothing."""
        raise NotImplementedError(f"{type(self).__name__} must answer tooltips")

    def _paint(self, painter: QPainter, clip: QRectF) -> None:
        """Paint what lies in ``clip`` (every subclass does)."""
        raise NotImplementedError(f"{type(self).__name__} must paint itself")

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._laid_out_width != self.width() and self.width() > 0:
            self._relayout(self.width())
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(event.rect()))
        finally:
            painter.end()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._laid_out_width:
            old_height = self._height
            self._relayout(event.size().width())
            if abs(self._height - old_height) > 0.5:  # text wraps differently at this width
                self.updateGeometry()

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self._tooltip_hit(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
                event.ignore()
                return True
            text, rect = hit
            QToolTip.showText(event.globalPos(), text, self, rect.toAlignedRect())
            return True
        return super().event(event)
