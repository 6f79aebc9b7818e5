"""Embedded TrueType fonts for printed documents.

ReportLab's own Bitstream Vera family (shipped in ``reportlab/fonts``) covers æ, ø and å and is
embedded (subset) in every PDF, so the plan prints the same on any printer or viewer. The
standard Helvetica is never used: it is not embedded. Fonts are registered once per process.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"

# Registered name -> file in reportlab/fonts.
_FILES = {
    "KoordinatorSans": "Vera.ttf",
    "KoordinatorSans-Bold": "VeraBd.ttf",
    "KoordinatorSans-Italic": "VeraIt.ttf",
    "KoordinatorSans-BoldItalic": "VeraBI.ttf",
}


@dataclass(frozen=True, slots=True)
class FontNames:
    regular: str
    bold: str
    italic: str
    bold_italic: str


class FontMissingError(RuntimeError):
    """ReportLab's font folder lacks a file (a broken installation or a trimmed package)."""


_lock = threading.Lock()
_registered: FontNames | None = None


def register_fonts() -> FontNames:
    """Register the Vera family under our own names (once; safe from any thread)."""
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            for name, filename in _FILES.items():
                path = FONT_DIR / filename
                if not path.is_file():
                    raise FontMissingError(f"font file missing: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            family = "KoordinatorSans"
            addMapping(family, 0, 0, family)
            addMapping(family, 1, 0, f"{family}-Bold")
            addMapping(family, 0, 1, f"{family}-Italic")
            addMapping(family, 1, 1, f"{family}-BoldItalic")
            _registered = FontNames(family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic")
    return _registered


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    font = pdfmetrics.getFont(register_fonts().regular)
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def printable(text: str) -> str:
    """``text`` with every character the font lacks replaced by its base letter (ő → o) or "?".

    A missing glyph would print as an empty box; a name typed with a letter outside the font
    should still be readable.
    """
    covered = _covered()
    if all(ord(ch) in covered or ch in "\n\t" for ch in text):
        return text
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) in covered or ch in "\n\t":
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in covered)
        if base:
            out.append(base)
        elif unicodedata.category(ch).startswith(("L", "N")):
            out.append("?")
        # symbols and emoji the font lacks are left out
    return "".join(out)
