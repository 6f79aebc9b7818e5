"""Text helpers shared by services: case-folded search keys, and what may be stored as text."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """NFC + casefold: how search keys are stored and how search terms are compared."""
    return unicodedata.normalize("NFC", text).casefold()


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def unstorable(text: str) -> bool:
    """Text that no store keeps the same: a NUL character (PostgreSQL refuses it, SQLite cuts
    the text there) or half of a surrogate pair (not Unicode text at all)."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def stored_length(text: str) -> int:
    """The length a store counts (characters after NFC normalisation, as stored)."""
    return len(unicodedata.normalize("NFC", text))
