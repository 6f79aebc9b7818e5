"""Every visible string goes through Qt's translation system and has a Danish translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.resources import resources_dir

TS = resources_dir() / "i18n" / "koordinator_da.ts"


def _unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        m.findtext("source", "")
        for m in root.iter("message")
        if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"
    ]


def test_danish_ts_is_complete() -> None:
    assert TS.exists()
    assert _unfinished(TS) == []


def test_no_string_in_the_code_is_missing_from_the_ts(tmp_path: Path) -> None:
    """Re-extract from today's code: new or changed strings would come back unfinished."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (Path(__file__).parents[2] / "app" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    assert _unfinished(copy) == [], "run `make update-translations` and translate the new strings"


def test_danish_translations_are_installed(danish) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("MainWindow", "Cases") == "Sager"
    assert QCoreApplication.translate("CaseListPage", "%n case(s)", "", 3) == "3 sager"
    assert QCoreApplication.translate("CaseListPage", "%n case(s)", "", 1) == "1 sag"
    # Qt's own strings (standard buttons) come from qtbase_da.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"


def test_english_is_the_source_language(qapp) -> None:  # type: ignore[no-untyped-def]
    assert QCoreApplication.translate("MainWindow", "Cases") == "Cases"


def test_english_plural_forms(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui.common.i18n import install_translators

    translators = install_translators(qapp, "en")
    try:
        assert len(translators) == 1, "koordinator_en.qm missing: run make translations"
        assert QCoreApplication.translate("CaseListPage", "%n case(s)", "", 1) == "1 case"
        assert QCoreApplication.translate("CaseListPage", "%n case(s)", "", 4) == "4 cases"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_english_ts_has_every_plural(tmp_path: Path) -> None:
    """Re-extract the plural strings: each needs its English singular and plural form."""
    english = TS.with_name("koordinator_en.ts")
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    copy = tmp_path / english.name
    shutil.copy(english, copy)
    sources = sorted(str(p) for p in (Path(__file__).parents[2] / "app" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-pluralonly", *sources, "-ts", str(copy)], check=True, capture_output=True)
    assert _unfinished(copy) == [], "run `make update-translations`"


def test_plural_forms_from_the_source_text() -> None:
    from tools.english_plurals import plural_forms

    assert plural_forms("Week (%n collision(s))") == ("Week (%n collision)", "Week (%n collisions)")
