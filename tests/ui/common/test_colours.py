"""Every text colour the program draws on a background reads at WCAG AA (4.5:1 for text, 3:1
for graphics), under a light and under a dark palette.

The contrast is computed from the WCAG 2 definition (relative luminance of sRGB) in
tests/ui/contrast.py, not with the program's own helpers, so a wrong helper cannot pass its own
test.
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
from tests.ui.contrast import GRAPHICS_AA, PALETTES, TEXT_AA, contrast


def test_the_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast("#b3261e", "#ffffff") == pytest.approx(contrast("#ffffff", "#b3261e"))


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
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        yield f"muted text on {role.name}", muted, palette.color(role), TEXT_AA
    yield from _painted_on_the_palette(palette)


def _painted_on_the_palette(palette: QPalette) -> Iterator[tuple[str, QColor, QColor, float]]:
    """Pairs in the painted views that mix fixed colours with the palette's."""
    from app.ui.calendar.calendar_painting import CANCELLED_FADE, kind_fill
    from app.ui.common.painting import blend

    roles = QPalette.ColorRole
    text, base = palette.color(roles.Text), palette.color(roles.Base)
    for kind in MeetingKind:  # a cancelled meeting: struck through on a fill taken towards the base
        yield f"cancelled {kind.name}", text, blend(kind_fill(kind), base, CANCELLED_FADE), TEXT_AA
    holiday, _ = colours.cell(Cell.HOLIDAY, base)
    yield "day name on a holiday", text, holiday, TEXT_AA
    # The team overview's caseload bar: the palette's text on the bar and on the empty track.
    bar = blend(palette.color(roles.Highlight), base, 0.65)
    yield "caseload on its bar", text, bar, TEXT_AA
    yield "caseload on the track", text, palette.color(roles.AlternateBase).darker(108), TEXT_AA
    yield "caseload above the limit", QColor("white"), QColor(TONES[Tone.ERROR][0]), TEXT_AA
    yield "today in the calendar", base, colours.tone(Tone.TODAY, base), TEXT_AA


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
        law_text = painting.blend(QColor(painting.BAR_TEXT), painting.sector_fill(sector), 0.25)
        yield f"law on {sector.name}", law_text, painting.sector_fill(sector), TEXT_AA
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


def test_fixed_pairs_meet_aa() -> None:
    failing = [
        f"{what}: {contrast(text, back):.2f}"
        for what, text, back, wanted in _fixed_pairs()
        if contrast(text, back) < wanted
    ]
    assert not failing, failing


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_styles_follow_the_application_palette(qapp, name: str) -> None:
    """error_style() and its kin read on the window of whatever palette the program runs with."""
    import re

    from PySide6.QtWidgets import QApplication

    before = QApplication.palette()
    QApplication.setPalette(PALETTES[name])
    try:
        window = PALETTES[name].color(QPalette.ColorRole.Window)
        for style in (colours.error_style(), colours.note_style(), colours.tone_style(Tone.OK)):
            found = re.search(r"color: (#[0-9a-f]{6})", style)
            assert found is not None and contrast(found.group(1), window) >= TEXT_AA, (style, name)
        fill, text = (
            re.search(rf"{what}: (#[0-9a-f]{{6}})", colours.cell_style(Cell.ALERT))
            for what in ("background", "color")
        )
        assert fill is not None and text is not None
        assert contrast(text.group(1), fill.group(1)) >= TEXT_AA
        assert (QColor(fill.group(1)).lightnessF() < 0.5) == (window.lightnessF() < 0.5)
    finally:
        QApplication.setPalette(before)
