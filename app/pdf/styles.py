"""Paragraph styles for the printed plan: calm, black and grey with one accent colour.

Two sizes: normal (11 pt body) and large print (16 pt body, more space between lines and
blocks). All sizes come from one scale so the two variants carry the same content.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from app.pdf.fonts import VERA, register_fonts

ACCENT = colors.HexColor("#1D5C73")  # deep blue-green: headings, rules
TINT = colors.HexColor("#EAF1F4")  # light background of boxes and table headers
GREY = colors.HexColor("#555555")  # secondary text
RULE = colors.HexColor("#B8C4CA")  # table lines
INK = colors.HexColor("#1A1A1A")  # body text
WATERMARK = colors.HexColor("#EDEDED")


@dataclass(frozen=True, slots=True)
class Styles:
    large: bool
    body_size: float
    small_size: float
    leading: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    h2: ParagraphStyle
    h2_alone: ParagraphStyle  # after a CondPageBreak: not kept with the whole next flowable
    h3: ParagraphStyle
    body: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    law: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    box_head: ParagraphStyle
    goal: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]  # by level
    goal_meta: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]
    sign_label: ParagraphStyle
    footer_size: float
    block_space: float  # space between blocks (goals, offers)


@lru_cache(maxsize=8)
def plan_styles(large: bool, font_family: str = VERA) -> Styles:
    """The styles in normal or large print, in a font family of app.pdf.fonts (Vera for
    the Danish papers)."""
    fonts = register_fonts(font_family)
    body = 16.0 if large else 11.0
    small = 12.5 if large else 8.5
    lead = body * (1.45 if large else 1.38)
    k = body / 11.0  # scale for sizes and spaces

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": fonts.regular,
            "bulletFontName": fonts.regular,  # ReportLab's default is Helvetica (not embedded)
            "bulletFontSize": body,
            "fontSize": body,
            "leading": lead,
            "textColor": INK,
            "alignment": TA_LEFT,
            "spaceAfter": 5 * k,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    h2 = style(
        "h2",
        fontName=fonts.bold,
        fontSize=15 * k,
        leading=19 * k,
        textColor=ACCENT,
        spaceBefore=16 * k,
        spaceAfter=7 * k,
        keepWithNext=1,
    )
    h3 = style(
        "h3", fontName=fonts.bold, fontSize=body * 1.08, leading=lead, spaceBefore=8 * k, keepWithNext=1
    )
    goal_indent = (0.0, 16 * k, 32 * k)
    goal = tuple(
        style(
            f"goal{i}",
            fontName=fonts.bold if i == 0 else fonts.regular,
            fontSize=body * (1.08 if i == 0 else 1.0),
            leftIndent=goal_indent[i],
            spaceBefore=(0 if i == 0 else 5 * k),
            spaceAfter=1 * k,
            keepWithNext=1,
        )
        for i in range(3)
    )
    goal_meta = tuple(
        style(
            f"goal_meta{i}",
            fontSize=small * 1.1,
            leading=small * 1.1 * 1.35,
            textColor=GREY,
            leftIndent=goal_indent[i],
            spaceAfter=2 * k,
        )
        for i in range(3)
    )
    return Styles(
        large=large,
        body_size=body,
        small_size=small,
        leading=lead,
        title=style(
            "title", fontName=fonts.bold, fontSize=26 * k, leading=31 * k, textColor=ACCENT, spaceAfter=4 * k
        ),
        subtitle=style("subtitle", fontSize=16 * k, leading=21 * k, spaceAfter=8 * k),
        meta=style("meta", textColor=GREY, spaceAfter=2 * k),
        h2=h2,
        h2_alone=h2.clone("h2_alone", keepWithNext=0),
        h3=h3,
        body=style("body"),
        quote=style("quote", fontName=fonts.italic, leftIndent=10 * k, rightIndent=10 * k),
        bullet=style("bullet", leftIndent=14 * k, bulletIndent=3 * k, spaceAfter=2 * k),
        small=style(
            "small", fontSize=small * 1.1, leading=small * 1.1 * 1.35, textColor=GREY, spaceAfter=2 * k
        ),
        law=style(
            "law", fontSize=small, leading=small * 1.3, textColor=GREY, leftIndent=14 * k, spaceAfter=6 * k
        ),
        cell=style("cell", spaceAfter=0),
        cell_head=style("cell_head", fontName=fonts.bold, textColor=ACCENT, spaceAfter=0),
        box_head=style("box_head", fontName=fonts.bold, textColor=ACCENT, spaceAfter=3 * k),
        goal=goal,  # type: ignore[arg-type]
        goal_meta=goal_meta,  # type: ignore[arg-type]
        sign_label=style(
            "sign_label", fontSize=small * 1.1, leading=small * 1.1 * 1.3, textColor=GREY, spaceAfter=0
        ),
        footer_size=small,
        block_space=9 * k,
    )


_SCALED_ATTRIBUTES = (
    "fontSize",
    "leading",
    "spaceBefore",
    "spaceAfter",
    "leftIndent",
    "rightIndent",
    "firstLineIndent",
    "bulletFontSize",
    "bulletIndent",
)


def scaled(styles: Styles, factor: float) -> Styles:
    """The plan's styles with every size and space times ``factor`` (the footer stays)."""
    if factor == 1.0:
        return styles

    def one(style: ParagraphStyle) -> ParagraphStyle:
        return style.clone(style.name, **{a: getattr(style, a) * factor for a in _SCALED_ATTRIBUTES})

    changes: dict[str, Any] = {}
    for f in dataclasses.fields(styles):
        value = getattr(styles, f.name)
        if isinstance(value, ParagraphStyle):
            changes[f.name] = one(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], ParagraphStyle):
            changes[f.name] = tuple(one(v) for v in value)
    return dataclasses.replace(
        styles,
        body_size=styles.body_size * factor,
        small_size=styles.small_size * factor,
        leading=styles.leading * factor,
        block_space=styles.block_space * factor,
        **changes,
    )
