"""The window closes as if the caseworker closed it when the system asks the program to end
(SIGTERM or SIGINT on Linux and macOS: a logout, a shutdown, IT's service tools): the plan's
last typing is saved, the store lanes finish, opened document copies are removed, and the
program exits 0. A signal arrives while Qt's event loop runs C++ code, so its handler only
writes a byte to a socket that Qt watches (``signal.set_wakeup_fd``); the close happens on
the GUI thread. On Windows a shutdown reaches Qt as the session ending, which closes the
windows itself."""

from __future__ import annotations

import logging
import signal
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Termination(QObject):
    """Closes ``window`` and quits when a termination signal arrives (POSIX only)."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self._window = window
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, lambda *_args: None) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._arrived)
        app.aboutToQuit.connect(self.restore)

    def _arrived(self) -> None:
        try:
            received = self._reader.recv(64)
        except OSError:
            return
        if not received:
            return
        log.info("Asked to end (signal %d): closing the window", received[-1])
        self._window.close()
        QApplication.quit()

    def restore(self) -> None:
        """The signals as they were (the program is ending)."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)


def close_on_termination(app: QApplication, window: QWidget) -> Termination | None:
    if sys.platform == "win32":
        return None
    return Termination(app, window)
