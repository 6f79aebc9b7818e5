"""Qt Linguist translations: the program's own (.qm built from resources/i18n/*.ts) and Qt's."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.machine_settings import MachineSettings
from app.resources import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
SETTINGS_KEY = "ui/language"


def chosen_language(
    cli_choice: str | None, settings: QSettings, machine: MachineSettings | None = None
) -> str:
    """--lang, else a language IT locked, else the user's choice, else IT's default, else Danish."""
    if cli_choice in LANGUAGES:
        return cli_choice
    stored = settings.value(SETTINGS_KEY, None)
    users = stored if stored in LANGUAGES else None
    chosen = (machine or MachineSettings()).chosen("language", users)
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Source strings are English; Danish comes from koordinator_da.qm plus qtbase_da.qm.
    English installs koordinator_en.qm only for its plural forms ("1 case", "2 cases")."""
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Danish if language == "da" else QLocale.Language.English, QLocale.Country.Denmark
        )
    )
    installed: list[QTranslator] = []
    if language == "en":
        plurals = QTranslator(app)
        if plurals.load("koordinator_en", str(resources_dir() / "i18n")):
            app.installTranslator(plurals)
            installed.append(plurals)
        else:
            log.warning("English plural forms koordinator_en.qm missing (run make translations)")
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    else:
        log.warning("Qt's own translations for %s not found", language)
    own = QTranslator(app)
    qm_dir = resources_dir() / "i18n"
    if own.load(f"koordinator_{language}", str(qm_dir)):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.error("Translation koordinator_%s.qm missing in %s (run make translations)", language, qm_dir)
    return installed
