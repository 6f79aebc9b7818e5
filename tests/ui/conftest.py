"""UI fixtures: a SQLite store with demo families, and Danish translations installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.demo.demo import generate_demo
from app.ui.common import a11y
from app.ui.common.background import StoreLanes
from app.ui.common.i18n import install_translators


@pytest.fixture
def demo_context(sqlite_context: AppContext) -> AppContext:
    with sqlite_context.sessions.begin() as session:
        generate_demo(session, families=15, seed=3, today=local_today(), my_login="tester")
    return sqlite_context


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    translators = install_translators(qapp, "da")
    assert len(translators) == 2, "koordinator_da.qm or qtbase_da.qm missing: run make translations"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    translators = install_translators(qapp, "en")
    assert len(translators) == 1, "koordinator_en.qm missing: run make translations"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def open_store_context():  # type: ignore[no-untyped-def]
    """Open contexts that are disposed only after pytest-qt has closed the test's windows.

    List this fixture BEFORE ``qtbot`` in a test's arguments: fixtures are torn down in the
    reverse order, so the windows (whose workers may still hold a connection) go first and
    no pool connection is left open behind a disposed engine.
    """
    from app.startup import open_context

    made: list[AppContext] = []

    def open_(url: str, login: str | None = None) -> AppContext:
        ctx = open_context(url, login=login)
        made.append(ctx)
        return ctx

    yield open_
    for ctx in made:
        ctx.close()


@pytest.fixture
def lanes(qapp: QApplication) -> Iterator[StoreLanes]:
    """The application's store lanes, as the main window makes them, for a page under test."""
    made = StoreLanes()
    yield made
    made.wait(10_000)
    made.deleteLater()


@pytest.fixture
def linker(qapp: QApplication) -> Iterator[a11y.LabelLinker]:
    """Labels linked and access keys given as in the program and Tab in reading order in the program's dialogs, as in the program (only in this test)."""
    linker = a11y.install(qapp)
    yield linker
    qapp.removeEventFilter(linker)
    linker.setParent(None)
    linker.deleteLater()
