"""The names of the languages the family's copy prints in, in the program's language (the
print dialog and the person dialog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.common.print_languages import PRINT_LANGUAGES
from app.ui.common.noop import QT_TRANSLATE_NOOP

_NAMES = {
    "da": QT_TRANSLATE_NOOP("PrintLanguages", "Danish"),
    "en": QT_TRANSLATE_NOOP("PrintLanguages", "English"),
    "uk": QT_TRANSLATE_NOOP("PrintLanguages", "Ukrainian"),
    "pl": QT_TRANSLATE_NOOP("PrintLanguages", "Polish"),
    "ar": QT_TRANSLATE_NOOP("PrintLanguages", "Arabic"),
}


def language_names() -> list[tuple[str, str]]:
    """(code, name) of every print language, Danish first."""
    return [
        (code, QCoreApplication.translate("PrintLanguages", _NAMES.get(code, code)))
        for code in PRINT_LANGUAGES
    ]
