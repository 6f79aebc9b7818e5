"""WCAG 2 contrast, computed from its definition (relative luminance of sRGB), and the light and
dark palettes the colour tests run under."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TEXT_AA = 4.5
GRAPHICS_AA = 3.0


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque sRGB colour."""
    r, g, b = (_channel(c / 255) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` (maybe translucent) as seen on the opaque ``background``."""
    a = colour.alphaF()
    return QColor(
        round(colour.red() * a + background.red() * (1 - a)),
        round(colour.green() * a + background.green() * (1 - a)),
        round(colour.blue() * a + background.blue() * (1 - a)),
    )


def contrast(first: QColor | str, second: QColor | str) -> float:
    back = QColor(second)
    lighter, darker = sorted((luminance(over(QColor(first), back)), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _palette(
    window: str, base: str, alt: str, text: str, tip: str, mid: str, highlight: str = "#308cc6"
) -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, window),
        (roles.Base, base),
        (roles.AlternateBase, alt),
        (roles.Button, window),
        (roles.ToolTipBase, tip),
        (roles.Mid, mid),
        (roles.Highlight, highlight),
    ):
        palette.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText):
        palette.setColor(role, QColor(text))
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    palette.setColor(roles.PlaceholderText, placeholder)
    return palette


PALETTES = {
    "fusion-light": _palette("#efefef", "#ffffff", "#f7f7f7", "#000000", "#ffffdc", "#b8b8b8", "#308cc6"),
    "windows-light": _palette("#f0f0f0", "#ffffff", "#f5f5f5", "#1b1b1b", "#ffffff", "#a0a0a0", "#0078d4"),
    "fusion-dark": _palette("#353535", "#2a2a2a", "#333333", "#ffffff", "#3c3c3c", "#5a5a5a", "#2a82da"),
    "windows-dark": _palette("#202020", "#191919", "#262626", "#f3f3f3", "#2b2b2b", "#4a4a4a", "#0078d4"),
    "macos-dark": _palette("#323232", "#1e1e1e", "#2a2a2a", "#dfdfdf", "#3d3d3d", "#565656", "#3f638b"),
}
