"""Embedded TrueType fonts for printed documents.

The fonts are shipped in ``resources/fonts`` with their licences (README.md there) and
embedded (subset) in every PDF, so a paper prints the same on any printer or viewer. The
standard Helvetica is never used: it is not embedded. Fonts are registered once per process.

Two families: Bitstream Vera for every Danish paper (as it always was), and DejaVu Sans
(Vera's letters plus Cyrillic, Arabic and much more) for the family's copy of the plan in
another language. DejaVu Sans Oblique has no Arabic letters, so the Arabic copy's italic is
upright ("dejavu-upright").
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import resources_dir

VERA = "vera"
DEJAVU = "dejavu"
DEJAVU_UPRIGHT = "dejavu-upright"

# family -> registered names -> file in resources/fonts (regular, bold, italic, bold italic).
_FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    VERA: (
        ("KoordinatorSans", "Vera.ttf"),
        ("KoordinatorSans-Bold", "VeraBd.ttf"),
        ("KoordinatorSans-Italic", "VeraIt.ttf"),
        ("KoordinatorSans-BoldItalic", "VeraBI.ttf"),
    ),
    DEJAVU: (
        ("KoordinatorWorld", "DejaVuSans.ttf"),
        ("KoordinatorWorld-Bold", "DejaVuSans-Bold.ttf"),
        ("KoordinatorWorld-Italic", "DejaVuSans-Oblique.ttf"),
        ("KoordinatorWorld-BoldItalic", "DejaVuSans-BoldOblique.ttf"),
    ),
    DEJAVU_UPRIGHT: (
        ("KoordinatorWorldUpright", "DejaVuSans.ttf"),
        ("KoordinatorWorldUpright-Bold", "DejaVuSans-Bold.ttf"),
        ("KoordinatorWorldUpright-Italic", "DejaVuSans.ttf"),
        ("KoordinatorWorldUpright-BoldItalic", "DejaVuSans-Bold.ttf"),
    ),
}
FAMILIES = tuple(_FAMILIES)


def font_dir() -> Path:
    return resources_dir() / "fonts"


@dataclass(frozen=True, slots=True)
class FontNames:
    regular: str
    bold: str
    italic: str
    bold_italic: str


class FontMissingError(RuntimeError):
    """The font folder lacks a file (a broken installation or a trimmed package)."""


_lock = threading.Lock()
_registered: dict[str, FontNames] = {}


def register_fonts(family: str = VERA) -> FontNames:
    """Register ``family`` under our own names (once; safe from any thread)."""
    names = _registered.get(family)
    if names is not None:
        return names
    if family not in _FAMILIES:
        raise ValueError(f"unknown font family: {family}")
    with _lock:
        if family not in _registered:
            files = _FAMILIES[family]
            for name, filename in files:
                path = font_dir() / filename
                if not path.is_file():
                    raise FontMissingError(f"font file missing: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            regular, bold, italic, bold_italic = (name for name, _ in files)
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, italic)
            addMapping(regular, 1, 1, bold_italic)
            _registered[family] = FontNames(regular, bold, italic, bold_italic)
    return _registered[family]


@lru_cache(maxsize=8)
def covered(font_name: str) -> frozenset[int]:
    """The code points a registered font has a glyph for."""
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def printable(text: str, font_name: str | None = None) -> str:
    """``text`` with every character the font lacks replaced by its base letter (ő → o) or "?".

    ``font_name`` is a registered font (default: the Danish papers' regular font). A missing
    glyph would print as an empty box; a name typed with a letter outside the font should
    still be readable.
    """
    have = covered(font_name or register_fonts().regular)
    if all(ord(ch) in have or ch in "\n\t" for ch in text):
        return text
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) in have or ch in "\n\t":
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in have)
        if base:
            out.append(base)
        elif unicodedata.category(ch).startswith(("L", "N")):
            out.append("?")
        # symbols and emoji the font lacks are left out
    return "".join(out)
