"""Text helpers shared by services: case-folded search keys."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """NFC + casefold: how search keys are stored and how search terms are compared."""
    return unicodedata.normalize("NFC", text).casefold()


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
