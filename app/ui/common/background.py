"""Store work off the GUI thread: the program's store lanes, results delivered back by signal.

The UI reaches the store one way only: jobs on the application-wide :class:`StoreLanes`,
created once at start (after the modules the jobs need are imported on the GUI thread) and
handed to every page and dialog. No page makes a thread of its own.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken
from typing_extensions import override

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, token: int, job: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._token = token
        self._job: Callable[[], Any] | None = job
        self._relay = relay

    @override
    def run(self) -> None:
        # The worker lets go of the job before the answer is sent: the worker's own copy
        # (StoreWorker._jobs) is released on the GUI thread, so a page or model the job's
        # closure holds last is never destroyed on this thread (Qt objects with timers must
        # die on their own thread, or the program may crash).
        job, self._job = self._job, None
        assert job is not None  # a task runs once
        try:
            result = job()
        except Exception as exc:  # handed to the GUI thread, which decides what to show
            del job
            self._relay.failed.emit(self._token, exc)
        else:
            del job
            self._relay.done.emit(self._token, result)


_Callbacks = tuple[Callable[[Any], None], Callable[[Exception], None] | None, QObject | None]


def _gone(owner: QObject | None) -> bool:
    return owner is not None and not Shiboken.isValid(owner)


class StoreWorker(QObject):
    """Runs jobs one at a time on a thread of its own. A job touches no widget; its
    result (plain data) or exception reaches the callbacks on the GUI thread.

    A job must not be the first to import a module: a first import inside the worker can
    deadlock against Qt's import hook (seen with three workers importing at once). Import
    what the job needs on the GUI thread, before ``submit``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._fail)
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._jobs: dict[int, Callable[[], Any]] = {}  # released on this (the GUI) thread

    def submit(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Queue ``job``; its result goes to ``on_done`` (or its exception to ``on_error``)
        on the GUI thread. With an ``owner`` (a dialog that may close first), the callbacks
        are dropped once the owner is gone."""
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error, owner)
        self._jobs[token] = job
        self._pool.start(_Task(token, job, self._relay))
        return token

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued jobs are done (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, token: int, result: object) -> None:
        self._jobs.pop(token, None)
        callbacks = self._callbacks.pop(token, None)
        if callbacks is not None and not _gone(callbacks[2]):
            callbacks[0](result)

    def _fail(self, token: int, exc: object) -> None:
        self._jobs.pop(token, None)
        callbacks = self._callbacks.pop(token, None)
        if callbacks is None or _gone(callbacks[2]):
            return
        if callbacks[1] is None:
            log.error("Background job failed: %s", type(exc).__name__)
            return
        assert isinstance(exc, Exception)
        callbacks[1](exc)


class StoreLanes(QObject):
    """The application's two store lanes, made once and handed to the pages.

    ``store`` runs every read and write of the UI, one at a time, in the order asked;
    ``pdf`` builds PDFs, so a printout never waits behind a save nor a save behind it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = StoreWorker(self)
        self.pdf = StoreWorker(self)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until both lanes are idle (for shutdown and tests)."""
        store_done = self.store.wait(msecs)
        return self.pdf.wait(msecs) and store_done
