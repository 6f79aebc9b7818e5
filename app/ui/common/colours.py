"""Colours that carry a meaning — an error, a note, something done, a covered consent, a step on
a good-to-bad scale, a line in a chart — defined once, for a light and for a dark palette.

Which of the two is used follows the colour it is drawn on (by default the application's
Window colour): a dark background gets the light variant of a text colour and the dark variant
of a cell. Every pair below reads at WCAG AA on any light or dark palette (4.5:1 for text,
3:1 for graphics); ``tests/ui/common/test_colours.py`` measures them.

Plain text, lines and fills that carry no meaning of their own come from the palette itself
(``QPalette`` roles), and ``muted_text`` makes the grey of hints and axis labels from it.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QToolTip


class Tone(Enum):
    """Text (or a thin line) in a colour of its own, on the palette's backgrounds."""

    ERROR = "error"  # a problem, something overdue, over the limit
    NOTE = "note"  # a warning that does not block
    OK = "ok"  # something works or is done
    MUTED = "muted"  # done, ended, secondary
    TODAY = "today"  # today in a calendar


# (on a light background, on a dark background)
TONES: dict[Tone, tuple[str, str]] = {
    Tone.ERROR: ("#b3261e", "#ff8a80"),
    Tone.NOTE: ("#7d5200", "#ffcc80"),
    Tone.OK: ("#1b6e20", "#81c784"),
    Tone.MUTED: ("#5f5f5f", "#b4b4b4"),
    Tone.TODAY: ("#1d4e89", "#9ec3f5"),
}


class Cell(Enum):
    """A cell or box with a background of its own, and the text on it."""

    COVER_FULL = "cover_full"  # consent: may be shared
    COVER_PARTLY = "cover_partly"
    COVER_NONE = "cover_none"
    ADDED = "added"  # text added in a newer version
    REMOVED = "removed"
    MINE = "mine"  # my value, beside someone else's
    THEIRS = "theirs"
    ALERT = "alert"  # a banner that something is wrong
    HOLIDAY = "holiday"  # a public holiday in a calendar


# ((background, text) on a light palette, (background, text) on a dark palette)
CELLS: dict[Cell, tuple[tuple[str, str], tuple[str, str]]] = {
    Cell.COVER_FULL: (("#d8f0d8", "#1b1b1b"), ("#1f4a24", "#e6f4e6")),
    Cell.COVER_PARTLY: (("#fff1c2", "#1b1b1b"), ("#4d3c00", "#fff1c2")),
    Cell.COVER_NONE: (("#f6d6d6", "#1b1b1b"), ("#5c1d1d", "#fde0e0")),
    Cell.ADDED: (("#cdebd3", "#0b3d17"), ("#1f4a24", "#d5f5dc")),
    Cell.REMOVED: (("#f9d0cc", "#5c1010"), ("#5c1d1d", "#ffd6d1")),
    Cell.MINE: (("#e8f0fe", "#1b1b1b"), ("#1f3354", "#e8f0fe")),
    Cell.THEIRS: (("#fdf3e1", "#1b1b1b"), ("#4a3a1a", "#fdf3e1")),
    Cell.ALERT: (("#fdecea", "#5f1610"), ("#5c1d1d", "#fde0e0")),
    Cell.HOLIDAY: (("#f7eee3", "#7a4a1e"), ("#3d2f22", "#f0c9a0")),
}


class Step(Enum):
    """A five-step scale from good to bad (the LIX bands): fills at 3:1 against the window."""

    BEST = "best"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    WORST = "worst"


STEPS: dict[Step, tuple[str, str]] = {
    Step.BEST: ("#2e7d32", "#81c784"),
    Step.GOOD: ("#55801b", "#c5e1a5"),
    Step.FAIR: ("#a66a00", "#ffd54f"),
    Step.POOR: ("#d84315", "#ffab40"),
    Step.WORST: ("#b71c1c", "#ef9a9a"),
}


class Series(Enum):
    """Two lines in one chart (Okabe–Ito colours, told apart by colour-blind eyes too)."""

    FIRST = "first"  # blue
    SECOND = "second"  # vermilion, orange on dark


SERIES: dict[Series, tuple[str, str]] = {
    Series.FIRST: ("#0072b2", "#56b4e9"),
    Series.SECOND: ("#c45400", "#e69f00"),
}


def is_dark(colour: QColor) -> bool:
    """Whether ``colour`` is a dark background (light text reads on it)."""
    return colour.lightnessF() < 0.5


def window_colour(palette: QPalette | None = None) -> QColor:
    """The Window colour of ``palette`` (by default the application's)."""
    return (palette or QGuiApplication.palette()).color(QPalette.ColorRole.Window)


def tone(which: Tone, background: QColor | None = None) -> QColor:
    """The text colour ``which`` for ``background`` (by default the application's window)."""
    light, dark = TONES[which]
    return QColor(dark if is_dark(background or window_colour()) else light)


def tooltip_tone(which: Tone) -> str:
    """The text colour ``which`` for rich text in a tooltip (on the tooltip's own colour)."""
    return tone(which, QToolTip.palette().color(QPalette.ColorRole.ToolTipBase)).name()


def tone_style(which: Tone, background: QColor | None = None, *, bold: bool = False) -> str:
    """A style sheet that colours a label's text: ``"color: #b3261e;"``."""
    return f"color: {tone(which, background).name()};" + (" font-weight: bold;" if bold else "")


def error_style(*, bold: bool = False) -> str:
    """Red text for an error, readable on the application's palette (light or dark)."""
    return tone_style(Tone.ERROR, bold=bold)


def note_style() -> str:
    """Amber text for a note that does not block."""
    return tone_style(Tone.NOTE)


def cell(which: Cell, background: QColor | None = None) -> tuple[QColor, QColor]:
    """The (background, text) colours of a cell drawn where ``background`` is around it."""
    light, dark = CELLS[which]
    fill, text = dark if is_dark(background or window_colour()) else light
    return QColor(fill), QColor(text)


def cell_style(which: Cell, extra: str = "") -> str:
    """A style sheet that gives a label the cell's background and text colours."""
    fill, text = cell(which)
    return f"background: {fill.name()}; color: {text.name()}; {extra}".strip()


def step(which: Step, background: QColor | None = None) -> QColor:
    light, dark = STEPS[which]
    return QColor(dark if is_dark(background or window_colour()) else light)


def series(which: Series, background: QColor) -> QColor:
    light, dark = SERIES[which]
    return QColor(dark if is_dark(background) else light)


def muted_text(palette: QPalette) -> QColor:
    """Grey text for hints, axes and details: the palette's text colour taken part of the way
    towards its base, so it stays at 4.5:1 on Base and AlternateBase (the palette's own
    placeholder colour is often fainter than that)."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    amount = 0.32
    return QColor(
        round(text.red() + (base.red() - text.red()) * amount),
        round(text.green() + (base.green() - text.green()) * amount),
        round(text.blue() + (base.blue() - text.blue()) * amount),
    )
