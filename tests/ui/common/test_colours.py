"""Every text colour the program draws on a background reads at WCAG AA (4.5:1 for text, 3:1
for graphics), under a light and under a dark palette.

The contrast is computed here from the WCAG 2 definition (relative luminance of sRGB), not
with the program's own helpers, so a wrong helper cannot pass its own test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette

from app.models.enums import MeetingKind, Sector
from app.ui.common import colours
from app.ui.common.colours import CELLS, STEPS, TONES, Cell, Series, Step, Tone

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


def test_the_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast("#b3261e", "#ffffff") == pytest.approx(contrast("#ffffff", "#b3261e"))


def _palette(window: str, base: str, alt: str, text: str, tip: str, mid: str) -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, window),
        (roles.Base, base),
        (roles.AlternateBase, alt),
        (roles.Button, window),
        (roles.ToolTipBase, tip),
        (roles.Mid, mid),
    ):
        palette.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText):
        palette.setColor(role, QColor(text))
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    palette.setColor(roles.PlaceholderText, placeholder)
    return palette


PALETTES = {
    "fusion-light": _palette("#efefef", "#ffffff", "#f7f7f7", "#000000", "#ffffdc", "#b8b8b8"),
    "windows-light": _palette("#f0f0f0", "#ffffff", "#f5f5f5", "#1b1b1b", "#ffffff", "#a0a0a0"),
    "fusion-dark": _palette("#353535", "#2a2a2a", "#333333", "#ffffff", "#3c3c3c", "#5a5a5a"),
    "windows-dark": _palette("#202020", "#191919", "#262626", "#f3f3f3", "#2b2b2b", "#4a4a4a"),
    "macos-dark": _palette("#323232", "#1e1e1e", "#2a2a2a", "#dfdfdf", "#3d3d3d", "#565656"),
}
BACKGROUNDS = (
    QPalette.ColorRole.Window,
    QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase,
    QPalette.ColorRole.ToolTipBase,
)


def _pairs_under(palette: QPalette) -> Iterator[tuple[str, QColor, QColor, float]]:
    """(what, text, background, wanted) for every coloured pair the program draws."""
    window = palette.color(QPalette.ColorRole.Window)
    for role in BACKGROUNDS:
        back = palette.color(role)
        for which in Tone:
            yield f"{which.name} on {role.name}", colours.tone(which, back), back, TEXT_AA
        for which in Step:  # a band next to the window's colour: a graphic
            yield f"{which.name} on {role.name}", colours.step(which, back), back, GRAPHICS_AA
        for line in Series:
            yield f"{line.name} line on {role.name}", colours.series(line, back), back, GRAPHICS_AA
    for which in Cell:
        fill, text = colours.cell(which, window)
        yield f"{which.name} cell", text, fill, TEXT_AA
    muted = colours.muted_text(palette)
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        yield f"muted text on {role.name}", muted, palette.color(role), TEXT_AA


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_pair_meets_aa_under_each_palette(name: str) -> None:
    palette = PALETTES[name]
    failing = [
        f"{what}: {contrast(text, back):.2f} < {wanted}"
        for what, text, back, wanted in _pairs_under(palette)
        if contrast(text, back) < wanted
    ]
    assert not failing, failing


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_the_variant_follows_the_palette(name: str) -> None:
    palette = PALETTES[name]
    dark = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
    assert colours.tone(Tone.ERROR, colours.window_colour(palette)).name() == TONES[Tone.ERROR][dark]
    assert (
        colours.cell(Cell.COVER_NONE, colours.window_colour(palette))[0].name()
        == CELLS[Cell.COVER_NONE][dark][0]
    )


# Backgrounds of palettes people use: near white (#e0e0e0 and lighter) or near black (#3a3a3a and darker).
light_grey = st.integers(min_value=224, max_value=255)
dark_grey = st.integers(min_value=0, max_value=58)


@settings(max_examples=200)
@given(level=st.one_of(light_grey, dark_grey), tint=st.tuples(*[st.integers(-6, 6)] * 3))
def test_tones_and_steps_hold_on_any_light_or_dark_background(level: int, tint: tuple[int, int, int]) -> None:
    back = QColor(*(max(0, min(255, level + t)) for t in tint))
    for which in Tone:
        assert contrast(colours.tone(which, back), back) >= TEXT_AA, (which, back.name())
    for which in Step:
        assert contrast(colours.step(which, back), back) >= GRAPHICS_AA, (which, back.name())
    for line in Series:
        assert contrast(colours.series(line, back), back) >= GRAPHICS_AA, (line, back.name())


@pytest.mark.parametrize("which", list(Cell))
def test_cells_read_in_both_variants(which: Cell) -> None:
    for fill, text in CELLS[which]:
        assert contrast(text, fill) >= TEXT_AA, (which, fill, text)


@pytest.mark.parametrize("which", list(Step))
def test_steps_stay_apart_from_their_neighbours(which: Step) -> None:
    """Each step differs in colour from the next (the bands are told apart by more than text)."""
    order = list(Step)
    index = order.index(which)
    if index + 1 < len(order):
        for variant in (0, 1):
            assert STEPS[which][variant] != STEPS[order[index + 1]][variant]


# -- pairs painted with fixed colours on fixed fills (the same on any palette) ------------------


def _fixed_pairs() -> Iterator[tuple[str, str | QColor, str | QColor, float]]:
    from app.ui.calendar import calendar_painting as cal
    from app.ui.common import painting
    from app.ui.family import eco_map_items as eco

    for sector in Sector:
        yield f"bar text on {sector.name}", painting.BAR_TEXT, painting.sector_fill(sector), TEXT_AA
        yield f"grid time on {sector.name}", "#404040", painting.sector_fill(sector), TEXT_AA
        yield f"eco-map ink on {sector.name}", eco.INK, eco.tint(eco.sector_colour(sector), 0.82), TEXT_AA
        yield (
            f"eco-map muted ink on {sector.name}",
            eco.MUTED_INK,
            eco.tint(eco.sector_colour(sector), 0.82),
            TEXT_AA,
        )
        yield (
            f"eco-map sector label {sector.name}",
            eco.shade(eco.sector_colour(sector), 0.45),
            eco.tint(eco.sector_colour(sector), 0.91),
            TEXT_AA,
        )
    yield "ended bar text", painting.MUTED_TEXT, "#e6e6e6", TEXT_AA
    yield "planned bar text", painting.BAR_TEXT, "#ffffff", TEXT_AA
    yield "gap text", "#404040", "#ffffff", TEXT_AA
    yield "today tag", "#ffffff", painting.TODAY_BLUE, TEXT_AA
    yield "collision mark", "#ffffff", painting.WARNING_RED, TEXT_AA
    yield "eco-map ink", eco.INK, "#ffffff", TEXT_AA
    yield "eco-map muted ink", eco.MUTED_INK, "#ffffff", TEXT_AA
    yield "eco-map centre", eco.MUTED_INK, "#eef2f6", TEXT_AA
    for kind in MeetingKind:
        yield f"meeting text on {kind.name}", cal.BLOCK_TEXT, cal.kind_fill(kind), TEXT_AA
        yield f"meeting detail on {kind.name}", cal.BLOCK_MUTED, cal.kind_fill(kind), TEXT_AA
    yield "holiday name", cal.HOLIDAY_TEXT, cal.HOLIDAY_FILL, TEXT_AA


def test_fixed_pairs_meet_aa() -> None:
    failing = [
        f"{what}: {contrast(text, back):.2f}"
        for what, text, back, wanted in _fixed_pairs()
        if contrast(text, back) < wanted
    ]
    assert not failing, failing
