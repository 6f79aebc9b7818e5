"""Changes made by others reach the open screens without polling the GUI thread.

PostgreSQL: a connection of its own LISTENs on ``koordinator_changes``; its socket is
watched by a QSocketNotifier, so the event loop wakes only when the server sends something.
Payloads carry a table, a case id and the writing client's id — nothing else (NOTIFY
bypasses the server's access rules). Our own writes are recognised by the client id and
skipped. When the connection drops, the store is marked unreachable, reconnection is
tried off the GUI thread, and after it every screen refreshes (notifications sent while
we were away are lost).

SQLite: another program writing the same file changes the file (and its WAL); a
QFileSystemWatcher wakes us and ``PRAGMA data_version`` on a connection of our own says
whether a commit happened. Commits of this program within a moment before are taken as
our own.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QSocketNotifier, QTimer
from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.store.engine import client_id
from app.store.location import sqlite_file
from app.ui.common.background import StoreWorker
from app.ui.common.store_events import StoreChange, StoreEvents

log = logging.getLogger(__name__)

CHANNEL = "koordinator_changes"
COMMON_TABLES = frozenset({"users", "professionals", "law_sections"})
COALESCE_MS = 120  # a burst of writes (one save touches several tables) arrives as one change
RECONNECT_MS = 2000
OWN_COMMIT_WINDOW_S = 0.4


class _Collector:
    """Gathers changes and hands them on as one, shortly after the first."""

    def __init__(self, events: StoreEvents, parent: QObject) -> None:
        self._events = events
        self._tables: set[str] = set()
        self._cases: set[int] = set()
        self._everything = False
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._emit)

    def add(self, table: str | None, case_id: int | None, everything: bool = False) -> None:
        if table:
            self._tables.add(table)
        if case_id is not None:
            self._cases.add(case_id)
        self._everything |= everything
        if not self._timer.isActive():
            self._timer.start()

    def _emit(self) -> None:
        change = StoreChange(frozenset(self._tables), frozenset(self._cases), self._everything)
        self._tables, self._cases, self._everything = set(), set(), False
        self._events.changed.emit(change)


def parse_payload(payload: str) -> tuple[str | None, int | None, str | None]:
    """(table, case id, client id) from a notification; unknown shapes give Nones."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None, None, None
    if not isinstance(data, dict):
        return None, None, None
    table = data.get("t") if isinstance(data.get("t"), str) else None
    case = data.get("c")
    case_id = case if isinstance(case, int) and not isinstance(case, bool) else None
    client = data.get("x") if isinstance(data.get("x"), str) else None
    return table, case_id, client


def _channels(conn: Any) -> list[str]:
    """The common channel and, for a caseworker's role, the channel of its own (its name is
    derived from a secret on the server, so no one else listens there)."""
    found = conn.execute(
        "SELECT 1 FROM pg_proc WHERE proname = 'koordinator_my_channels' "
        "AND pronamespace::regnamespace::text = ANY (current_schemas(false))"
    ).fetchone()
    if not found:
        return [CHANNEL]
    channels = conn.execute("SELECT koordinator_my_channels()").fetchone()[0]
    return [str(c) for c in channels if str(c).replace("_", "").isalnum()]


def _connect_listener(engine: Engine) -> Any:
    import psycopg

    url = engine.url
    params: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
    params.update({k: v for k, v in url.query.items() if isinstance(v, str)})
    params.setdefault("connect_timeout", 5)
    conn = psycopg.connect(autocommit=True, application_name="koordinator-listen", **params)
    try:
        channels = _channels(conn)
        for channel in channels:
            conn.execute(f'LISTEN "{channel}"')
        conn.koordinator_channels = channels  # type: ignore[attr-defined]  # read back by the listener
    except Exception:
        conn.close()
        raise
    return conn


class PostgresListener(QObject):
    def __init__(
        self, engine: Engine, events: StoreEvents, worker: StoreWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        import psycopg  # noqa: F401  (imported here, never first inside a worker job)

        self._engine = engine
        self._client = client_id(engine)
        self._events = events
        self._collector = _Collector(events, self)
        self._conn: Any = None
        # A caseworker's channel of its own (then the common channel is not trusted).
        self._private_channel = False
        self._notifier: QSocketNotifier | None = None
        self._worker = worker  # the application's store lane
        self._connecting = False
        self._stopped = False
        self._made: list[Any] = []  # connections made on the worker thread
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RECONNECT_MS)
        self._retry.timeout.connect(self.connect_now)
        self.received = 0  # notifications from others handed on (for tests and benchmarks)
        self.own_seen = 0  # our own notifications, recognised and passed over (for tests)
        events.reachable_changed.connect(self._reachable_changed)

    def _reachable_changed(self, reachable: bool) -> None:
        if reachable and self._conn is None:  # the store answers again: listen again at once
            self._retry.stop()
            self.connect_now()

    @property
    def listening(self) -> bool:
        return self._conn is not None

    def start(self) -> None:
        """Connect on the store lane. It is the lane's first job, so every page's first read
        runs after LISTEN: nothing written by others after those reads is missed."""
        self._connect(reconnected=False)

    def connect_now(self) -> None:
        if self._conn is not None or self._connecting or self._stopped:
            return
        self._connect(reconnected=True)

    def _connect(self, reconnected: bool) -> None:
        self._connecting = True
        engine, made = self._engine, self._made

        def job() -> Any:
            conn = _connect_listener(engine)
            made.append(conn)  # closed by stop() if it is never attached
            return conn

        failed = self._reconnect_failed if reconnected else self._start_failed
        self._worker.submit(job, lambda conn: self._connected(conn, reconnected), failed)

    def _connected(self, conn: Any, reconnected: bool) -> None:
        self._connecting = False
        if self._stopped:
            conn.close()
            return
        self._attach(conn, reconnected=reconnected)

    def _start_failed(self, exc: Exception) -> None:  # the server is away at start: keep trying
        self._connecting = False
        log.warning("Live updates: cannot listen (%s)", type(exc).__name__)
        if not self._stopped:
            self._lost()

    def _reconnect_failed(self, _exc: Exception) -> None:
        self._connecting = False
        if not self._stopped:
            self._retry.start()

    def _attach(self, conn: Any, reconnected: bool) -> None:
        self._made = [c for c in self._made if c is not conn and not c.closed]
        self._conn = conn
        self._private_channel = len(getattr(conn, "koordinator_channels", ())) > 1
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        if reconnected:
            log.info("Live updates: listening again")
            self._events.set_reachable(True)
            self._collector.add(None, None, everything=True)  # what was sent meanwhile is lost

    def _readable(self) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            for note in conn.notifies(timeout=0):
                table, case_id, client = parse_payload(note.payload)
                if client is not None and client == self._client:
                    self.own_seen += 1
                    continue
                if note.channel == CHANNEL and self._private_channel:
                    # The common channel, which anyone may NOTIFY on: only the directories'
                    # changes are announced there, never a case.
                    if table not in COMMON_TABLES:
                        continue
                    case_id = None
                self.received += 1
                self._collector.add(table, case_id, everything=table is None)
            if conn.closed or conn.broken:
                raise ConnectionError("listener connection closed")
        except Exception as exc:
            log.warning("Live updates: the connection to the server was lost (%s)", type(exc).__name__)
            self._lost()

    def _lost(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # already broken
                log.debug("closing a broken listener connection failed", exc_info=True)
            self._conn = None
        self._events.set_reachable(False)
        self._retry.start()

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._worker.wait(10_000)
        for conn in [*self._made, self._conn]:
            if conn is not None and not conn.closed:
                conn.close()
        self._made.clear()
        self._conn = None


class SqliteWatcher(QObject):
    """Another program's commits to the same SQLite file: the file system says the file
    changed, ``PRAGMA data_version`` (read on the store lane, on a connection of its own)
    says whether someone else committed."""

    def __init__(
        self, engine: Engine, events: StoreEvents, worker: StoreWorker, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        path = sqlite_file(engine.url)
        assert path is not None
        self._path = path
        self._collector = _Collector(events, self)
        self._last_own_commit = 0.0
        self._worker = worker
        # A connection of the engine's own (an encrypted store's has its key; plain sqlite3
        # could not read that file), kept apart from the sessions' for data_version. Made,
        # used and closed on the store lane only.
        self._conn: Any = None
        self._version: int | None = None
        self._asking = False
        self._again = False
        self._watcher = QFileSystemWatcher(self)
        self._watch()
        self._watcher.fileChanged.connect(self._file_changed)
        self._watcher.directoryChanged.connect(self._file_changed)
        event.listen(engine, "commit", self._own_commit)
        self._engine = engine
        self.received = 0
        self._ask()  # the version to compare with

    def _own_commit(self, _conn: object) -> None:
        self._last_own_commit = time.monotonic()

    @property
    def version(self) -> int | None:
        """The ``data_version`` last read and compared (for tests)."""
        return self._version

    def _watch(self) -> None:
        wanted = [str(self._path), str(self._path) + "-wal", str(self._path.parent)]
        present = set(self._watcher.files()) | set(self._watcher.directories())
        for name in wanted:
            if name not in present and Path(name).exists():
                self._watcher.addPath(name)

    def _data_version(self) -> int:
        """On the store lane."""
        if self._conn is None:
            self._conn = self._engine.raw_connection()
        cursor = self._conn.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def _ask(self) -> None:
        if self._asking:  # one question at a time; changes meanwhile ask once more after
            self._again = True
            return
        self._asking = True
        self._worker.submit(self._data_version, self._answered, self._not_answered, owner=self)

    def _answered(self, version: int) -> None:
        self._asking = False
        known, self._version = self._version, version
        someone_else = time.monotonic() - self._last_own_commit >= OWN_COMMIT_WINDOW_S
        if known is not None and version != known and someone_else:
            self.received += 1
            self._collector.add(None, None, everything=True)
        if self._again:
            self._again = False
            self._ask()

    def _not_answered(self, _exc: Exception) -> None:
        self._asking = False  # sqlite3's or sqlcipher3's error: the next change tries again

    def _file_changed(self, _name: str) -> None:
        self._watch()  # a WAL file made or replaced after we started
        self._ask()

    def stop(self) -> None:
        event.remove(self._engine, "commit", self._own_commit)
        self._watcher.fileChanged.disconnect(self._file_changed)
        self._watcher.directoryChanged.disconnect(self._file_changed)

        def close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        self._worker.submit(close, lambda _none: None)
        self._worker.wait(10_000)


class _NoWatcher:
    received = 0

    def stop(self) -> None:
        """An in-memory store has no one else writing to it."""


def start_live_updates(
    engine: Engine, events: StoreEvents, worker: StoreWorker, parent: QObject
) -> PostgresListener | SqliteWatcher | _NoWatcher:
    """Start the right watcher for the store (``stop()`` ends it)."""
    if engine.dialect.name == "postgresql":
        listener = PostgresListener(engine, events, worker, parent)
        listener.start()
        return listener
    if sqlite_file(engine.url) is None:
        return _NoWatcher()
    return SqliteWatcher(engine, events, worker, parent)
