"""Start-up in one place: logging → crash handling → QApplication → translations → store → window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from app.logging_setup import enable_fault_handler, redact, setup_logging
from app.machine_settings import MachineSettings, read_machine_settings
from app.qt_libraries import NO_DISPLAY_TEXT, missing_libraries_text, missing_qt_libraries, uses_xcb
from app.resources import resources_dir
from app.services.common.context import AppContext
from app.services.documents.open_copies import remove_open_copies, sweep_open_copies
from app.store.credentials import KeyringCredentials, connect_url, is_server_url
from app.store.errors import StoreError, StoreTooNewError
from app.store.location import ENV_VAR, resolve_store_url
from app.ui.common import a11y, main_thread_gc, screen_fit
from app.ui.common.crash_dialog import CrashDialog
from app.ui.common.i18n import chosen_language, install_translators
from app.ui.settings.connection_dialog import ask_password_dialog, machine_store_url, stored_store_url
from app.ui.termination import close_on_termination

log = logging.getLogger(__name__)

EXIT_NO_WINDOW = 4  # the window cannot open on this computer (a library or the display missing)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _install_excepthook(log_path: str) -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = redact("".join(traceback.format_exception(kind, value, tb)))
        log.critical("Unexpected error:\n%s", details)
        if QApplication.instance() is not None:
            # The window stays open: the user's unsaved typing is not lost.
            CrashDialog(details, log_path).exec()

    sys.excepthook = hook


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Koordinator")
    app.setApplicationName("Koordinator")
    app.setWindowIcon(QIcon(str(resources_dir() / "koordinator.svg")))  # the installers' icon too
    a11y.install(app)  # labels beside fields become their buddies in every window
    screen_fit.install(app)  # no window opens larger than the screen
    main_thread_gc.install(app)  # no Qt object is freed on a store lane's thread
    return app


def store_error_text(exc: StoreError) -> str:
    if isinstance(exc, StoreTooNewError):
        return QCoreApplication.translate(
            "Startup",
            "This database was made by a newer version of Koordinator. "
            "Install the newest version before you open it. Nothing in the database was changed.",
        )
    return QCoreApplication.translate(
        "Startup",
        "The database could not be opened. Check that the file is not read-only, that the disk "
        "has room, and that the server is running. Details: %1",
    ).replace("%1", str(exc))


def _server_login(db: str | None, settings: QSettings, machine: MachineSettings | None = None) -> str | None:
    """The store to open: --db, else $KOORDINATOR_DB, else the server chosen in the settings
    dialog, else the local default (None). For a server, log in first — without a password
    if the server allows (Kerberos), else with the keyring's or an asked-for one — and return
    its URL with the password: that string must never be logged."""
    machine = machine or MachineSettings()
    db = db or os.environ.get(ENV_VAR) or machine_store_url(machine, settings) or stored_store_url(settings)
    if db is None or "://" not in db:
        return db
    url = resolve_store_url(db)
    if not is_server_url(url):
        return db
    return connect_url(url, KeyringCredentials(), ask_password_dialog).render_as_string(hide_password=False)


def _sweep_open_copies(sweep: Callable[[], int]) -> None:
    """Remove copies of opened documents; a failure is logged, never in the user's way."""
    try:
        removed = sweep()
    except OSError as exc:
        log.warning("Removing opened document copies failed: %s", type(exc).__name__)
        return
    if removed:
        log.info("Removed %d opened document copies", removed)


def start_gui(db: str | None = None, language: str | None = None) -> tuple[QApplication, QMainWindow] | int:
    """Everything up to the first shown window; an exit code if the store cannot be opened."""
    machine = read_machine_settings()
    log_path = setup_logging(level=machine.log_level())
    for problem in machine.problems:
        log.warning("Machine-wide settings: %s", problem)
    if machine.sources:
        log.info("Machine-wide settings from %s", ", ".join(machine.sources))
    qInstallMessageHandler(_qt_message)
    missing = missing_qt_libraries()
    if missing:  # Qt would abort without a window: said plainly, and no crash is claimed later
        print(missing_libraries_text(missing), file=sys.stderr)
        log.error("Qt's system libraries are missing: %s", ", ".join(missing))
        return EXIT_NO_WINDOW
    if uses_xcb() and not os.environ.get("DISPLAY"):
        print(NO_DISPLAY_TEXT, file=sys.stderr)
        log.error("No display to show the window on")
        return EXIT_NO_WINDOW
    app = create_application(sys.argv)
    # Hard crashes are written down from here: a start that failed before Qt could show a
    # window is no crash to report at the next start.
    last_crash = enable_fault_handler()
    # Copies of documents a killed program opened go now; this program's own when it ends.
    _sweep_open_copies(sweep_open_copies)
    app.aboutToQuit.connect(lambda: _sweep_open_copies(remove_open_copies))
    settings = QSettings()
    lang = chosen_language(language, settings, machine)
    install_translators(app, lang)
    _install_excepthook(str(log_path))
    if last_crash:
        log.warning("The previous run ended in a crash:\n%s", last_crash)
        QMessageBox.warning(
            None,
            "Koordinator",
            QCoreApplication.translate(
                "Startup",
                "Koordinator stopped unexpectedly last time. The details are in the log: %1",
            ).replace("%1", str(log_path)),
        )
    from app.startup import open_context

    try:
        db = _server_login(db, settings, machine)
        context: AppContext = open_context(db)
    except StoreError as exc:
        log.error("Store could not be opened: %s", exc)
        QMessageBox.critical(None, "Koordinator", store_error_text(exc))
        return 3
    from app.ui.main_window import MainWindow

    window = MainWindow(context, settings, lang, machine)
    window.show()
    close_on_termination(app, window)  # a logout or shutdown closes it as the user would
    log.info("Started: the window is shown")
    return app, window


def run_gui(db: str | None = None, language: str | None = None) -> int:
    started = start_gui(db, language)
    if isinstance(started, int):
        return started
    app, _window = started
    return app.exec()
