"""``QT_TRANSLATE_NOOP`` with the type it has at run time: PySide6's stubs say it returns
``object``, but it hands back the source text (``str``). lupdate finds the calls by name,
so modules import it from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source_text: str, disambiguation: str | None = None) -> str: ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
